/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-preset-db.h"
#include "hr-scenario.h"

G_BEGIN_DECLS

/* What would fix it: from the model, each with its figure and the
 * configuration to try, so that the app can put it in the sidebar with
 * one click and `explain` can say it. Only what does better than the
 * configuration as it is, by the ranking's order (hr-rank.h). */

typedef enum
{
  HR_FIX_OTHER_OUTPUT,  /* the same source's other output */
  HR_FIX_OTHER_SOURCE,  /* the best source of the ranking for these headphones */
  HR_FIX_ADAPTER,       /* a resistor across the headphones that keeps the 1/8 rule */
  HR_FIX_HEADPHONES,    /* the best headphones of the ranking for this output */
  HR_N_FIX_CODES
} HrFixCode;

typedef struct
{
  HrFixCode   code;
  HrScenario *scenario;      /* the configuration to try */
  char       *label;         /* the gear it changes to, "Fireface 800, Phones out 9/10" */
  HrSummary  *summary;       /* what it comes to */
  double      shunt_ohm;     /* HR_FIX_ADAPTER: the resistor */
  double      zout_seen_ohm; /* HR_FIX_ADAPTER: the output impedance the headphones then see at 1 kHz */
  double      min_nominal_ohm; /* HR_FIX_HEADPHONES: 8 × the output impedance */
} HrExplainFix;

GPtrArray  *hr_explain_fixes       (HrPresetDb         *db,
                                    HrScenario         *scenario,
                                    const HrSummary    *summary,
                                    GError            **error);
const char *hr_fix_code_to_string  (HrFixCode           code);
char       *hr_explain_fix_format  (const HrExplainFix *fix,
                                    const HrSummary    *current,
                                    gboolean            translate);

G_END_DECLS
