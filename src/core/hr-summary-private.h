/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-summary.h"

G_BEGIN_DECLS

void hr_summary_judge (HrSummary       *self,
                       const HrCircuit *circuit);

G_END_DECLS
