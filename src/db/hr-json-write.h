/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* JSON as text, written by Headroom rather than by json-glib 1.6's
 * generator, which writes some doubles in a form that no parser reads
 * back: 5e-15 becomes "5e-15.0". Every file Headroom writes (the user's
 * presets, comparisons, pins) and every JSON it prints comes through
 * here. Numbers are written with a dot whatever the locale.
 */

/* The members of a JSON object written as text, one a line: numbers as
 * "%.10g", null for what is not a finite number. Machine output that
 * scripts compare across commands (`check`, `rank`) is written this way,
 * so that equal figures are equal text. */
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

JsonNode *hr_json_deep_copy    (JsonNode       *node);
char *hr_json_to_text          (JsonNode       *node,
                                gboolean        pretty,
                                gsize          *length);

G_END_DECLS
