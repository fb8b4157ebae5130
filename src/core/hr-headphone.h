/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hr-impedance.h"

G_BEGIN_DECLS

#define HR_TYPE_HEADPHONE (hr_headphone_get_type ())

G_DECLARE_FINAL_TYPE (HrHeadphone, hr_headphone, HR, HEADPHONE, GObject)

typedef enum
{
  HR_SENSITIVITY_DB_PER_MW,
  HR_SENSITIVITY_DB_PER_V,
  HR_SENSITIVITY_MV_AT_94_DB,
} HrSensitivityUnit;

/* A point of a headphone's own frequency response, in dB (any offset). */
typedef struct
{
  double freq_hz;
  double level_db;
} HrResponsePoint;

double       hr_response_level_db                 (const HrResponsePoint *points,
                                                   guint               n_points,
                                                   double              freq_hz);
gboolean     hr_sensitivity_unit_from_string      (const char         *text,
                                                   HrSensitivityUnit  *unit);
const char  *hr_sensitivity_unit_to_string        (HrSensitivityUnit   unit);
double       hr_sensitivity_to_db_per_v           (double              value,
                                                   HrSensitivityUnit   unit,
                                                   double              nominal_impedance_ohm);
double       hr_sensitivity_db_per_v_to_db_per_mw (double              sensitivity_db_per_v,
                                                   double              nominal_impedance_ohm);

HrHeadphone *hr_headphone_new                     (const char         *name,
                                                   double              nominal_impedance_ohm,
                                                   double              sensitivity,
                                                   HrSensitivityUnit   sensitivity_unit,
                                                   HrImpedance        *impedance,
                                                   GError            **error);
HrHeadphone *hr_headphone_new_renominated         (HrHeadphone        *self,
                                                   double              nominal_impedance_ohm,
                                                   GError            **error);
HrHeadphone *hr_headphone_new_with_response       (HrHeadphone        *self,
                                                   const HrResponsePoint *points,
                                                   guint               n_points,
                                                   double              sensitivity_ref_freq_hz,
                                                   GError            **error);
HrHeadphone *hr_headphone_new_with_response_zout  (HrHeadphone        *self,
                                                   double              zout_ohm,
                                                   GError            **error);
double       hr_headphone_get_response_zout_ohm   (HrHeadphone        *self);
gboolean     hr_headphone_get_response_range      (HrHeadphone        *self,
                                                   double             *fmin_hz,
                                                   double             *fmax_hz);
gboolean     hr_headphone_has_response            (HrHeadphone        *self);
double       hr_headphone_get_sensitivity_ref_freq_hz (HrHeadphone    *self);
double       hr_headphone_get_response_db         (HrHeadphone        *self,
                                                   double              freq_hz);
const char  *hr_headphone_get_name                (HrHeadphone        *self);
double       hr_headphone_get_nominal_impedance_ohm (HrHeadphone      *self);
double       hr_headphone_get_sensitivity_db_per_v  (HrHeadphone      *self);
gboolean     hr_headphone_has_sensitivity           (HrHeadphone      *self);
double       hr_headphone_get_sensitivity_db_per_mw (HrHeadphone      *self);
HrImpedance *hr_headphone_get_impedance           (HrHeadphone        *self);

G_END_DECLS
