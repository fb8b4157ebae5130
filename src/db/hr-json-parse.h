/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Every JSON text that Headroom reads goes through here before json-glib
 * sees it: presets, the user's file, gear files, comparison files and
 * anything imported. json-glib's parser recurses once per level of
 * nesting, so a file a few hundred thousand brackets deep would overflow
 * the stack before our code saw it; text nested deeper than
 * HR_JSON_MAX_DEPTH, or that is not UTF-8, is refused with a message
 * that names the place. Errors are HR_DB_ERROR_NOT_JSON or json-glib's
 * own, and start with "NAME:LINE:COLUMN: ".
 */

gboolean  hr_json_check_text  (const char  *text,
                               gsize        length,
                               guint       *line,
                               guint       *column,
                               GError     **error);
JsonNode *hr_json_parse_data  (const char  *text,
                               gsize        length,
                               const char  *display_name,
                               GError     **error);
JsonNode *hr_json_parse_file  (const char  *filename,
                               GError     **error);

G_END_DECLS
