/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <glib.h>

#include "hr-circuit.h"

G_BEGIN_DECLS

#define HR_SWEEP_DEFAULT_FMIN_HZ   20.0
#define HR_SWEEP_DEFAULT_FMAX_HZ   20000.0
#define HR_SWEEP_DEFAULT_POINTS    200
#define HR_SWEEP_MAX_POINTS        1000000
#define HR_REFERENCE_FREQ_HZ       1000.0
/* The drive of a sweep asked for a level in dB SPL on headphones whose
 * sensitivity is not known: a reference, not a level (hr_drive_to_voc_vrms()). */
#define HR_UNKNOWN_LEVEL_DRIVE_VRMS 1.0

typedef enum
{
  HR_DRIVE_VOLTAGE,  /* value: the source's open-circuit voltage, Vrms */
  HR_DRIVE_SPL,      /* value: the SPL wanted at 1 kHz, dB */
} HrDriveKind;

typedef struct
{
  HrDriveKind kind;
  double      value;
} HrDrive;

typedef struct _HrSweepGrid HrSweepGrid;

/* One sweep over a fixed set of frequencies. The arrays are laid out column
 * by column, so that a chart can draw one metric without gathering it, and
 * the grid is kept between computations: the app recomputes the same grid
 * on every slider step.
 */
typedef struct
{
  guint    n_points;
  double  *freq_hz;
  double complex *z_load_ohm;
  double  *z_mag_ohm;
  double  *z_phase_deg;
  double  *v_load_vrms;
  double  *i_ma;          /* through the headphone */
  double  *i_source_ma;   /* out of the source: differs with a shunt adapter */
  double  *p_mw;
  double  *spl_db;
  double  *dev_db;        /* against the same at 1 kHz */
  double  *atten_db;      /* 20 log10 |H|, against a 0 ohm source */
  double  *spl_max_db;    /* INFINITY where nothing limits */
  HrLimit *limit;
  double  *zth_ohm;       /* |Zout| as the headphone sees it: cable and adapter included */
  /* With the headphones' own response: as measured, and as it will be on
   * this source, both against 1 kHz; NAN outside the measurement. */
  double  *fr_db;
  double  *fr_pred_db;
  gboolean has_response;

  /* The drive that was applied, and what it gives at exactly 1 kHz. A
   * level in dB SPL on headphones without a known sensitivity has no
   * voltage: the sweep then ran at HR_UNKNOWN_LEVEL_DRIVE_VRMS, and its
   * voltages, currents and powers are NAN. */
  double   voc_vrms;
  gboolean level_unknown;
  double   spl_1k_db;
  double   atten_1k_db;

  /* < private > what the grid gives every computation on it: 2πf and
   * its inverse, ln f; and room for the load (hr-sweep-private.h). */
  HrSweepGrid *grid;
} HrSweep;

double  *hr_log_frequencies        (double           fmin_hz,
                                    double           fmax_hz,
                                    guint            n_points,
                                    GError         **error);
HrSweep *hr_sweep_new              (const double    *freq_hz,
                                    guint            n_points,
                                    GError         **error);
HrSweep *hr_sweep_new_log          (double           fmin_hz,
                                    double           fmax_hz,
                                    guint            n_points,
                                    GError         **error);
double   hr_sweep_spl_1k_for_voltage (const HrSweep *self,
                                    double           voc_vrms);
gboolean hr_drive_validate         (const HrDrive   *drive,
                                    GError         **error);
double   hr_drive_to_voc_vrms      (const HrDrive   *drive,
                                    const HrCircuit *circuit);
gboolean hr_sweep_compute          (HrSweep         *self,
                                    const HrCircuit *circuit,
                                    const HrDrive   *drive,
                                    GError         **error);
void     hr_sweep_free             (HrSweep         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrSweep, hr_sweep_free)

G_END_DECLS
