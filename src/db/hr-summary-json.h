/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-core.h"

G_BEGIN_DECLS

/* The members of a JSON object written as text, one a line: numbers as
 * "%.10g" with a dot whatever the locale, null for what is not a finite
 * number. Machine output that scripts compare across commands (`check`,
 * `rank`) comes through here, so that equal figures are equal text.
 */
typedef struct
{
  GString    *out;
  const char *indent;   /* before each member, "  " for a top-level object */
  gboolean    first;
} HrJsonMembers;

void  hr_json_members_init     (HrJsonMembers  *members,
                                GString        *out,
                                const char     *indent);
void  hr_json_append_number    (GString        *out,
                                double          value);
void  hr_json_append_string    (GString        *out,
                                const char     *text);
void  hr_json_member_key       (HrJsonMembers  *members,
                                const char     *key);
void  hr_json_member_number    (HrJsonMembers  *members,
                                const char     *key,
                                double          value);
void  hr_json_member_string    (HrJsonMembers  *members,
                                const char     *key,
                                const char     *value);
void  hr_json_member_boolean   (HrJsonMembers  *members,
                                const char     *key,
                                gboolean        value);
void  hr_json_member_limit     (HrJsonMembers  *members,
                                const char     *key,
                                double          value);

void  hr_reason_append_json    (GString        *out,
                                const HrReason *reason);
void  hr_summary_append_json_members (HrJsonMembers   *members,
                                      const HrSummary *summary);

G_END_DECLS
