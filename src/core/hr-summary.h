/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-reason.h"
#include "hr-sweep.h"

G_BEGIN_DECLS

#define HR_AUDIO_BAND_MIN_HZ       20.0
#define HR_AUDIO_BAND_MAX_HZ       20000.0
/* The low end of the 12–20 dB that music peaks sit above its average. */
#define HR_DEFAULT_CREST_FACTOR_DB 12.0
/* 1/48 octave over 20 Hz–20 kHz: fine enough that a resonance's peak is
 * found within 1.5 % of its frequency, for `check` and the verdict. */
#define HR_SUMMARY_DEFAULT_POINTS  481

/* Where hiss becomes audible in a quiet room: the threshold of hearing,
 * 2.4 dB SPL at 1 kHz and about −5 dB SPL at 3–4 kHz, where hiss is
 * heard (ISO 226:2003). An A-weighted noise figure follows the ear's
 * sensitivity, so it is held against 0 dB SPL. */
#define HR_HISS_AUDIBLE_DB_SPL     0.0

typedef enum
{
  HR_VERDICT_DRIVES_WELL,
  HR_VERDICT_CAVEATS,
  HR_VERDICT_CANNOT_DRIVE,
} HrVerdict;

typedef struct
{
  /* The drive and the level it gives at 1 kHz. */
  double    voc_vrms;
  double    level_db_spl;

  /* Clipping: the ceiling at 1 kHz, and the least headroom in the band. */
  double    spl_max_1k_db;        /* INFINITY if nothing limits */
  HrLimit   limit_1k;
  double    headroom_db;          /* min over the band of spl_max - spl */
  double    headroom_freq_hz;
  HrLimit   headroom_limit;
  double    crest_factor_db;

  /* The frequency response the source causes, over the audio band. */
  double    dev_max_db;
  double    dev_max_freq_hz;
  double    dev_min_db;
  double    dev_min_freq_hz;
  double    deviation_span_db;    /* dev_max - dev_min */
  double    band_min_hz;
  double    band_max_hz;

  /* The load and the source around it. */
  double    z_nominal_ohm;
  double    z_min_ohm;
  double    z_min_freq_hz;
  double    z_max_ohm;
  double    z_max_freq_hz;
  double    zout_1k_ohm;          /* |Zout| as the headphone sees it, cable and adapter included */
  double    zout_max_ohm;         /* the largest |Zout| in the band (DC-blocking capacitors) */
  double    zout_max_freq_hz;
  double    damping_factor;       /* Z_nominal / |Zout(1 kHz)| */
  gboolean  eighth_rule_holds;    /* |Zout(1 kHz)| <= Z_nominal / 8 */

  /* What the level asks for against what the source has. */
  double    voc_available_vrms;   /* HR_UNKNOWN or HR_UNLIMITED possible */
  double    voc_step_load_ohm;    /* the |Z| at 1 kHz that voc_available_vrms was read off the
                                   * source's steps at; NAN for a source without them */
  double    i_needed_ma;          /* the most the source must deliver in the band */
  double    i_needed_freq_hz;
  double    i_available_ma;       /* HR_UNKNOWN or HR_UNLIMITED possible */

  /* What the source adds besides the signal, and the load it wants. */
  double    z_1k_ohm;             /* |Z| of the headphones at 1 kHz */
  double    noise_vrms;           /* the source's A-weighted noise: 0 none, HR_UNKNOWN */
  double    hiss_spl_db;          /* that noise in these headphones; NAN unknown, -INFINITY none */
  double    min_load_ohm;         /* the least load the output is rated for, 0 if none stated */
  gboolean  zout_assumed;         /* the output impedance is an assumption */
  gboolean  impedance_assumed;    /* the headphones' curve is an assumed flat line */
  gboolean  sensitivity_known;    /* without it, every SPL here is NAN and the level is not checked */

  HrVerdict verdict;
  GArray   *reasons;              /* of HrReason, the most important first */
} HrSummary;

HrSummary  *hr_summary_compute    (const HrSweep    *sweep,
                                   const HrCircuit  *circuit,
                                   double            crest_factor_db,
                                   GError          **error);
void        hr_summary_free       (HrSummary        *self);
const char *hr_verdict_to_string  (HrVerdict         verdict);
const char *hr_verdict_format     (HrVerdict         verdict,
                                   gboolean          translate);
const char *hr_verdict_to_id      (HrVerdict         verdict);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrSummary, hr_summary_free)

G_END_DECLS
