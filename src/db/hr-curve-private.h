/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-curve-import.h"

G_BEGIN_DECLS

/* Shared by hr-curve-parser.c, which reads the lines, and
 * hr-curve-import.c, which turns them into curves. Not a library API. */

typedef enum
{
  HR_CURVE_LAYOUT_ZMA,            /* positional: freq, |Z|, phase */
  HR_CURVE_LAYOUT_FRD,            /* positional: freq, dB, phase */
  HR_CURVE_LAYOUT_IMPEDANCE_CSV,  /* by name from a header */
  HR_CURVE_LAYOUT_AUTOEQ,         /* by name from a header: frequency, raw */
} HrCurveLayout;

/* Rows of (freq_hz, value, phase_deg) as HrImpedancePoint triples, the
 * value being |Z| or dB by layout; the phase is 0 where *has_phase is
 * FALSE. */
GArray *hr_curve_parse_table (HrCurveLayout  layout,
                              const char    *data,
                              gsize          length,
                              const char    *display_name,
                              gboolean      *has_phase,
                              GError       **error);

G_END_DECLS
