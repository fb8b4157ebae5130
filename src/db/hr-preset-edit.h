/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hr-core.h"
#include "hr-preset-db.h"

G_BEGIN_DECLS

/* Building and changing one preset object (SCHEMA.md) from what a user
 * typed into a form, so that the app's dialogs hold no JSON and the rules
 * below are tested without a display.
 *
 * Provenance is the rule that matters here: a figure that the user leaves
 * as it was keeps its `source`, and a figure that the user changes becomes
 * a bare number, which the schema reads as the user's own. A `source`
 * never ends up next to a value that it does not vouch for. */

char     *hr_preset_make_id              (const char             *manufacturer,
                                          const char             *name);
char     *hr_preset_db_make_unique_id    (HrPresetDb             *db,
                                          HrPresetKind            kind,
                                          const char             *manufacturer,
                                          const char             *name);
char     *hr_preset_make_unique_output_id (JsonArray             *outputs,
                                           const char            *name);

double    hr_preset_json_get_figure      (JsonObject             *object,
                                          const char             *member);
void      hr_preset_json_set_figure      (JsonObject             *object,
                                          const char             *member,
                                          double                  value);
void      hr_preset_json_set_figure_given (JsonObject            *object,
                                          const char             *member,
                                          double                  value,
                                          const char             *given,
                                          const char             *source);
void      hr_preset_json_set_text        (JsonObject             *object,
                                          const char             *member,
                                          const char             *text);
void      hr_preset_json_set_sensitivity (JsonObject             *object,
                                          double                  value,
                                          HrSensitivityUnit       unit,
                                          double                  ref_freq_hz);

JsonNode *hr_impedance_json_new          (HrImpedance            *impedance,
                                          const char             *source);

G_END_DECLS
