/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-core.h"
#include "hr-json-write.h"

G_BEGIN_DECLS

void  hr_json_append_args      (GString           *out,
                                const HrReasonArg *args,
                                guint              n_args);
void  hr_reason_append_json    (GString        *out,
                                const HrReason *reason);
void  hr_summary_append_json_members (HrJsonMembers   *members,
                                      const HrSummary *summary);

G_END_DECLS
