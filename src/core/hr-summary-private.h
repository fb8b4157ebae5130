/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-summary.h"

G_BEGIN_DECLS

/* The thresholds of a response change (hr-verdict.c gives their
 * sources): below what blind tests detect, where a caveat starts, and
 * what is called audible. The regions of the reasons (hr-reason-region.c)
 * draw the band that passes the first. */
#define HR_DEVIATION_INAUDIBLE_DB 0.2
#define HR_DEVIATION_CAVEAT_DB    0.5
#define HR_DEVIATION_AUDIBLE_DB   1.0

void hr_summary_judge (HrSummary       *self,
                       const HrCircuit *circuit);

G_END_DECLS
