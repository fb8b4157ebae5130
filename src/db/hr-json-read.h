/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Typed reads from a JSON object that fail with an HR_DB_ERROR naming the
 * JSON path and the value found. Shared by the gear parsers; not installed.
 *
 * A path is a dotted JSON path such as "impedance.tree.series[1]"; NULL
 * or "" stands for the document itself.
 */

char       *hr_json_path_member      (const char   *path,
                                      const char   *key);
char       *hr_json_path_index       (const char   *path,
                                      guint         index);
const char *hr_json_path_display     (const char   *path);
char       *hr_json_describe_node    (JsonNode     *node);
void        hr_json_prefix_path      (GError      **error,
                                      const char   *path);

void        hr_json_set_wrong_type   (GError      **error,
                                      const char   *path,
                                      const char   *expected,
                                      JsonNode     *node);

gboolean    hr_json_node_get_object  (JsonNode     *node,
                                      const char   *path,
                                      JsonObject  **object,
                                      GError      **error);
gboolean    hr_json_node_get_array   (JsonNode     *node,
                                      const char   *path,
                                      JsonArray   **array,
                                      GError      **error);
gboolean    hr_json_node_get_number  (JsonNode     *node,
                                      const char   *path,
                                      double       *value,
                                      GError      **error);

JsonNode   *hr_json_require_member   (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      GError      **error);
gboolean    hr_json_require_number   (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      double       *value,
                                      GError      **error);
gboolean    hr_json_require_string   (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      const char  **value,
                                      GError      **error);
gboolean    hr_json_optional_number  (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      double       *value,
                                      GError      **error);
gboolean    hr_json_optional_string  (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      const char  **value,
                                      GError      **error);
gboolean    hr_json_optional_boolean (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      gboolean     *value,
                                      GError      **error);

gboolean    hr_json_node_get_figure_given (JsonNode     *node,
                                           const char   *path,
                                           double        max_voltage_vrms,
                                           double       *value,
                                           const char  **source,
                                           const char  **given,
                                           GError      **error);
gboolean    hr_json_node_get_figure  (JsonNode     *node,
                                      const char   *path,
                                      double       *value,
                                      const char  **source,
                                      GError      **error);
gboolean    hr_json_require_figure   (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      double       *value,
                                      const char  **source,
                                      GError      **error);
gboolean    hr_json_optional_figure  (JsonObject   *object,
                                      const char   *path,
                                      const char   *key,
                                      double       *value,
                                      const char  **source,
                                      GError      **error);

G_END_DECLS
