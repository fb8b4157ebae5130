/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-sweep.h"

G_BEGIN_DECLS

#define HR_EQ_ERROR (hr_eq_error_quark ())

/* Problems with what is handed to the EQ: a target, fit options or
 * filters. The message names the field and the value, as
 * HR_MODEL_ERROR's do. */
typedef enum
{
  HR_EQ_ERROR_TOO_FEW_POINTS,     /* fewer than 2 points, or fewer than 2 in 20 Hz–20 kHz */
  HR_EQ_ERROR_INVALID_FREQUENCY,  /* not finite, not above 0 */
  HR_EQ_ERROR_NOT_INCREASING,
  HR_EQ_ERROR_INVALID_TARGET,     /* a target that is not a finite number */
  HR_EQ_ERROR_INVALID_OPTION,     /* max_filters, tolerance or sample rate out of range */
  HR_EQ_ERROR_INVALID_FILTER,     /* a filter no equalizer can run */
} HrEqError;

/* The three filters of Equalizer APO's parametric lines that an
 * exporter writes: PK, and the shelves LSC and HSC whose Fc is the
 * centre frequency and whose Q is a Q (FORMATS.md §4.3). */
typedef enum
{
  HR_EQ_PEAKING,
  HR_EQ_LOW_SHELF,
  HR_EQ_HIGH_SHELF,
} HrEqFilterType;

typedef struct
{
  HrEqFilterType type;
  double         freq_hz;
  double         gain_db;
  double         q;
} HrEqFilter;

/* Equalizer APO runs at the device's rate; 48 kHz is the usual one. */
#define HR_EQ_DEFAULT_SAMPLE_RATE_HZ  48000.0
#define HR_EQ_DEFAULT_MAX_FILTERS     10
#define HR_EQ_DEFAULT_TOLERANCE_DB    0.2
/* EasyEffects' equalizer has at most 32 bands. */
#define HR_EQ_MAX_FILTERS             32

/* The band the fitter matches, and the bounds it keeps every filter in. */
#define HR_EQ_FMIN_HZ                 20.0
#define HR_EQ_FMAX_HZ                 20000.0
#define HR_EQ_MIN_Q                   0.1
#define HR_EQ_MAX_Q                   20.0
#define HR_EQ_MAX_SHELF_Q             2.0
#define HR_EQ_MAX_GAIN_DB             20.0

/* The precision the filters are written with, and so the grid the
 * fitter rounds them to before it measures its residual: what a file
 * holds is then exactly what was measured. Two decimals for Fc, never
 * three (Equalizer APO reads "Fc 100.500 Hz" as 100 500 Hz). */
#define HR_EQ_FREQ_DECIMALS           2
#define HR_EQ_GAIN_DECIMALS           2
#define HR_EQ_Q_DECIMALS              4
#define HR_EQ_PREAMP_DECIMALS         1

/* AutoEq's GraphicEQ grid: unique(int(20 · 1.0563^n)), 20 … 19871 Hz. */
#define HR_EQ_GRAPHIC_N_POINTS        127

typedef struct
{
  guint  max_filters;     /* 1 … HR_EQ_MAX_FILTERS */
  double tolerance_db;    /* > 0 */
  double sample_rate_hz;  /* >= 40 kHz, so that 20 kHz is below Nyquist */
} HrEqFitOptions;

#define HR_EQ_FIT_OPTIONS_INIT \
  { HR_EQ_DEFAULT_MAX_FILTERS, HR_EQ_DEFAULT_TOLERANCE_DB, HR_EQ_DEFAULT_SAMPLE_RATE_HZ }

/* A fitted EQ, and the target it was fitted to (so that a GraphicEQ can
 * be written from the same result). The residual is measured over the
 * target's points in 20 Hz–20 kHz, with the filters as written. */
typedef struct
{
  guint       n_filters;
  HrEqFilter *filters;               /* sorted by frequency */
  double      sample_rate_hz;
  double      tolerance_db;
  double      max_residual_db;       /* max |response − target| */
  double      max_residual_freq_hz;  /* where it is largest */
  gboolean    within_tolerance;
  double      preamp_db;             /* <= 0, see hr_eq_preamp_db() */
  guint       n_points;
  double     *freq_hz;
  double     *target_db;
} HrEqFit;

GQuark        hr_eq_error_quark            (void);
double        hr_eq_filter_response_db     (const HrEqFilter     *filter,
                                            double                freq_hz,
                                            double                sample_rate_hz);
double        hr_eq_response_db            (const HrEqFilter     *filters,
                                            guint                 n_filters,
                                            double                freq_hz,
                                            double                sample_rate_hz);
gboolean      hr_eq_filters_validate       (const HrEqFilter     *filters,
                                            guint                 n_filters,
                                            double                sample_rate_hz,
                                            GError              **error);
double        hr_eq_preamp_db              (const HrEqFilter     *filters,
                                            guint                 n_filters,
                                            double                sample_rate_hz);
gboolean      hr_eq_target_validate        (const double         *freq_hz,
                                            const double         *target_db,
                                            guint                 n_points,
                                            GError              **error);
double        hr_eq_target_interpolate     (const double         *freq_hz,
                                            const double         *target_db,
                                            guint                 n_points,
                                            double                at_freq_hz);
const guint  *hr_eq_graphic_frequencies    (void);
gboolean      hr_eq_graphic_gains          (const double         *freq_hz,
                                            const double         *target_db,
                                            guint                 n_points,
                                            double               *gain_db,
                                            GError              **error);
HrEqFit      *hr_eq_fit                    (const double         *freq_hz,
                                            const double         *target_db,
                                            guint                 n_points,
                                            const HrEqFitOptions *options,
                                            GError              **error);
HrEqFit      *hr_eq_fit_deviation          (const HrSweep        *sweep,
                                            const HrEqFitOptions *options,
                                            GError              **error);
char         *hr_eq_fit_describe           (const HrEqFit          *fit);
void          hr_eq_fit_free               (HrEqFit              *fit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrEqFit, hr_eq_fit_free)

G_END_DECLS
