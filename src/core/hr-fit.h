/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-impedance.h"
#include "hr-source.h"

G_BEGIN_DECLS

/* The Qms taken when neither the width of the peak nor Qms is given: the
 * median of the Qms fitted in data/presets/headphones.json where the
 * published features do set the width (hr-fit.c says why). */
#define HR_FIT_QMS_ASSUMED 0.56

/* Plots are read to two or three digits: a figure that a fit misses by
 * less than this (relative) is met, and not worth a note. */
#define HR_FIT_MISS_TOLERANCE 0.005

/* What a published impedance plot of a dynamic driver shows, read by eye.
 * Optional figures are HR_UNKNOWN when not given.
 *
 * The width of the peak is read at the level √(z_fs_ohm · z_1k_ohm), the
 * geometric mean of the peak and the 1 kHz figure (half-way between them
 * on a dB scale; hr_driver_width_level_ohm() gives it): width_lo_hz and
 * width_hi_hz are where |Z| crosses that level below and above the peak.
 * As an alternative a known Qms may be given instead, never both.
 */
typedef struct
{
  double fs_hz;        /* where the bass peak tops out, 5 to 2000 Hz */
  double z_fs_ohm;     /* |Z| at the top of that peak */
  double z_1k_ohm;     /* |Z| at 1 kHz */
  double z_20k_ohm;    /* |Z| at 20 kHz, or HR_UNKNOWN */
  double width_lo_hz;  /* the level crossed below the peak, or HR_UNKNOWN */
  double width_hi_hz;  /* the level crossed above the peak, or HR_UNKNOWN */
  double qms;          /* a known Qms instead of the width, or HR_UNKNOWN */
} HrDriverFeatures;

#define HR_DRIVER_FEATURES_INIT { HR_UNKNOWN, HR_UNKNOWN, HR_UNKNOWN, HR_UNKNOWN, \
                                  HR_UNKNOWN, HR_UNKNOWN, HR_UNKNOWN }

/* The figures of a plot that a fit is measured against. */
typedef enum
{
  HR_DRIVER_FIGURE_PEAK_HZ,      /* fs_hz */
  HR_DRIVER_FIGURE_PEAK_OHM,     /* z_fs_ohm */
  HR_DRIVER_FIGURE_1KHZ_OHM,     /* z_1k_ohm */
  HR_DRIVER_FIGURE_20KHZ_OHM,    /* z_20k_ohm */
  HR_DRIVER_FIGURE_WIDTH_LO_HZ,  /* width_lo_hz */
  HR_DRIVER_FIGURE_WIDTH_HI_HZ,  /* width_hi_hz */
  HR_DRIVER_N_FIGURES
} HrDriverFigure;

typedef struct
{
  gboolean given;
  double   target;     /* as given, in Hz or Ω; HR_UNKNOWN if not given */
  double   model;      /* what the fitted model shows, given or not */
  double   rel_error;  /* model/target − 1; HR_UNKNOWN if not given */
} HrDriverFigureFit;

typedef struct
{
  HrThieleSmall     ts;
  HrDriverFigureFit figures[HR_DRIVER_N_FIGURES];
  double            max_rel_error;     /* |rel_error| over the given figures */
  double            width_level_ohm;   /* where the widths are read */
  gboolean          qms_assumed;       /* no width, no Qms: HR_FIT_QMS_ASSUMED */
  gboolean          qms_given;         /* Qms as given, not fitted */
  gboolean          le_assumed;        /* no 20 kHz figure: Le is 0 */
  gboolean          le_clamped;        /* 20 kHz figure given, but no Le meets it better than 0; figures[] says if 0 does */
  gboolean          width_off_centre;  /* the width is not centred on the peak: only its ratio is fitted */
} HrDriverFit;

double      hr_driver_width_level_ohm           (double                   z_fs_ohm,
                                                 double                   z_1k_ohm);
const char *hr_driver_figure_to_field           (HrDriverFigure           figure);
gboolean    hr_thiele_small_get_driver_features (const HrThieleSmall     *ts,
                                                 HrDriverFeatures        *features,
                                                 GError                 **error);
gboolean    hr_fit_driver                       (const HrDriverFeatures  *features,
                                                 HrDriverFit             *fit,
                                                 GError                 **error);
char       *hr_driver_fit_format_note           (const HrDriverFit       *fit,
                                                 gboolean                 translate);
char       *hr_driver_fit_format_summary        (const HrDriverFit       *fit,
                                                 gboolean                 translate);

G_END_DECLS
