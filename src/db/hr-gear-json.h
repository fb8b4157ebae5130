/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hr-core.h"

G_BEGIN_DECLS

/* Gear described in JSON: one headphone or one source per document, as
 * `headroom-cli` reads them and as the preset database will store them.
 *
 * @path is where the node sits in its document, "impedance" or
 * "headphones[3]"; NULL or "" for the document itself. It starts every
 * error message, so that a message reads "impedance.tree.series[1].C must
 * be a finite number greater than 0, got -1". Keys that the schema does not
 * know are ignored, so that the schema can grow without breaking readers.
 */

HrNetwork   *hr_gear_json_parse_network   (JsonNode     *node,
                                           const char   *path,
                                           GError      **error);
HrImpedance *hr_gear_json_parse_impedance (JsonNode     *node,
                                           const char   *path,
                                           GError      **error);
HrHeadphone *hr_gear_json_parse_headphone (JsonNode     *node,
                                           const char   *path,
                                           const char   *fallback_name,
                                           GError      **error);
gboolean     hr_gear_json_parse_source    (JsonNode     *node,
                                           const char   *path,
                                           const char   *fallback_name,
                                           HrSource     *source,
                                           char        **name,
                                           GError      **error);
gboolean     hr_gear_json_parse_source_output (JsonObject *object,
                                               const char *path,
                                               HrSource   *source,
                                               GError    **error);

JsonNode    *hr_gear_json_load_file       (const char   *filename,
                                           GError      **error);
HrHeadphone *hr_gear_json_load_headphone  (const char   *filename,
                                           GError      **error);
gboolean     hr_gear_json_load_source     (const char   *filename,
                                           HrSource     *source,
                                           char        **name,
                                           GError      **error);

G_END_DECLS
