/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-circuit.h"
#include "hr-reason.h"
#include "hr-summary.h"
#include "hr-sweep.h"

G_BEGIN_DECLS

/* Why: the lesson behind a verdict, step by step, with the configuration's
 * own numbers. Each step is a code and its figures, as a reason is, and
 * names the drawing or chart that shows it; the app's Why? page and
 * `headroom-cli explain` say the same words from here. */

typedef enum
{
  HR_EXPLAIN_DIVIDER,          /* freq_hz, voc_vrms, zsource_ohm, zload_ohm, fraction, loss_db, v_load_vrms, i_ma, p_mw */
  HR_EXPLAIN_OUTPUT_DESIGN,    /* kind, designed_for_ohm, zout_ohm, z_nominal_ohm, eighth_limit_ohm, eighth_rule_holds, damping_factor */
  HR_EXPLAIN_IMPEDANCE_SWING,  /* shape, z_min_ohm, z_min_freq_hz, z_max_ohm, z_max_freq_hz, dev_max_db, dev_max_freq_hz, dev_min_db, dev_min_freq_hz, span_db */
  HR_EXPLAIN_DRIVE,            /* level_db_spl, crest_factor_db, v_needed_vrms, v_peak_vrms, v_available_vrms, i_needed_ma, i_needed_freq_hz, i_peak_ma, i_available_ma, limit, headroom_db, headroom_freq_hz */
  HR_EXPLAIN_NOISE,            /* noise_vrms, hiss_spl_db, threshold_db_spl */
  HR_N_EXPLAIN_CODES
} HrExplainCode;

/* The output a line output is made for: the 10 kΩ or more of the next
 * device's input, bridged by an output of about 100 Ω (Wikipedia, "Line
 * level" and "Impedance bridging"). */
#define HR_LINE_INPUT_OHM 10000.0

#define HR_EXPLAIN_MAX_ARGS 12

typedef struct
{
  HrExplainCode  code;
  const char    *chart;   /* what shows it: "circuit", "impedance", "current", "spl", "deviation" */
  gboolean       known;   /* FALSE: a figure it needs is unknown, and the step says so */
  guint          n_args;
  HrReasonArg    args[HR_EXPLAIN_MAX_ARGS];
} HrExplainStep;

GArray      *hr_explain_steps            (const HrSweep       *sweep,
                                          const HrSummary     *summary,
                                          const HrCircuit     *circuit,
                                          double               freq_hz,
                                          const char          *output_kind);
const char  *hr_explain_code_to_string   (HrExplainCode        code);
double       hr_explain_step_get_number  (const HrExplainStep *step,
                                          const char          *key);
const char  *hr_explain_step_get_string  (const HrExplainStep *step,
                                          const char          *key);
char        *hr_explain_step_title       (const HrExplainStep *step,
                                          gboolean             translate);
char        *hr_explain_step_format      (const HrExplainStep *step,
                                          gboolean             translate);
char        *hr_explain_shown_in         (const char          *chart,
                                          gboolean             translate);

G_END_DECLS
