/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <glib-object.h>

#include "hr-network.h"

G_BEGIN_DECLS

#define HR_TYPE_IMPEDANCE (hr_impedance_get_type ())

G_DECLARE_FINAL_TYPE (HrImpedance, hr_impedance, HR, IMPEDANCE, GObject)

typedef enum
{
  HR_IMPEDANCE_RESISTOR,
  HR_IMPEDANCE_THIELE_SMALL,
  HR_IMPEDANCE_NETWORK,
  HR_IMPEDANCE_POINTS,
} HrImpedanceKind;

/* The electrical Thiele–Small parameters of a dynamic driver. */
typedef struct
{
  double re_ohm;
  double le_h;
  double fs_hz;
  double qms;
  double qes;
} HrThieleSmall;

typedef struct
{
  double freq_hz;
  double mag_ohm;
  double phase_deg;
} HrImpedancePoint;

/* What a published impedance plot shows at a glance, over the audio band
 * (1/48 octave): the figures a model is fitted to and a form previews. */
typedef struct
{
  double at_1khz_ohm;
  double min_ohm;
  double min_freq_hz;
  double max_ohm;
  double max_freq_hz;
} HrImpedanceFeatures;

HrImpedance            *hr_impedance_new_resistor     (double                   r_ohm,
                                                       GError                 **error);
HrImpedance            *hr_impedance_new_assumed_flat (double                   r_ohm,
                                                       GError                 **error);
gboolean                hr_impedance_is_assumed       (HrImpedance             *self);
HrImpedance            *hr_impedance_new_thiele_small (const HrThieleSmall     *ts,
                                                       GError                 **error);
HrImpedance            *hr_impedance_new_network      (HrNetwork               *tree,
                                                       GError                 **error);
HrImpedance            *hr_impedance_new_points       (const HrImpedancePoint  *points,
                                                       guint                    n_points,
                                                       GError                 **error);
HrImpedance            *hr_impedance_new_scaled       (HrImpedance             *self,
                                                       double                   factor,
                                                       GError                 **error);
HrImpedanceKind         hr_impedance_get_kind         (HrImpedance             *self);
double                  hr_impedance_get_scale        (HrImpedance             *self);
const HrThieleSmall    *hr_impedance_get_thiele_small (HrImpedance             *self);
HrNetwork              *hr_impedance_get_network      (HrImpedance             *self);
const HrImpedancePoint *hr_impedance_get_points       (HrImpedance             *self,
                                                       guint                   *n_points);
double complex          hr_impedance_eval             (HrImpedance             *self,
                                                       double                   freq_hz);
void                    hr_impedance_eval_many        (HrImpedance             *self,
                                                       const double            *freq_hz,
                                                       guint                    n_freqs,
                                                       double complex          *z_ohm);
void                    hr_impedance_get_features     (HrImpedance             *self,
                                                       HrImpedanceFeatures     *features);
void                    hr_thiele_small_derived       (const HrThieleSmall     *ts,
                                                       double                  *res_ohm,
                                                       double                  *lces_h,
                                                       double                  *cmes_f);

G_END_DECLS
