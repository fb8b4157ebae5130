/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-reason.h"
#include "hr-summary.h"
#include "hr-sweep.h"

G_BEGIN_DECLS

/* What a reason points at on the charts: which chart, a band of
 * frequencies and a level in that chart's unit, so that the window can
 * light up "the band where the response moves", "where the current
 * peaks", "the hiss line" when a reason is hovered, and an export can
 * mark them. Data, as the reasons are: the chart library draws it. */

/* The charts a region can be on; the chart library maps them to its
 * own (hr_chart_kind_from_region()). */
typedef enum
{
  HR_REGION_CHART_NONE,
  HR_REGION_CHART_IMPEDANCE,  /* |Z|, Zout and 8 × Zout, in Ω */
  HR_REGION_CHART_CURRENT,    /* the current out of the source, in mA */
  HR_REGION_CHART_SPL,        /* SPL, its clean ceiling and the hiss, in dB SPL */
  HR_REGION_CHART_DEVIATION,  /* the response change, in dB */
} HrRegionChart;

typedef struct
{
  HrRegionChart chart;
  double        lo_hz;       /* the band, lo_hz ≤ hi_hz; both NAN for a level across the whole chart */
  double        hi_hz;
  double        level;       /* a level it speaks of, in the chart's unit; NAN for none */
  double        mark_hz;     /* where its marker goes: the point the reason names */
  double        mark_value;  /* in the chart's unit */
} HrReasonRegion;

gboolean hr_reason_get_region (const HrReason   *reason,
                               const HrSummary  *summary,
                               const HrSweep    *sweep,
                               HrReasonRegion   *region);

G_END_DECLS
