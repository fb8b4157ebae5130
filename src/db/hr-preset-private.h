/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-headphone-preset.h"
#include "hr-preset-cache.h"
#include "hr-preset.h"
#include "hr-source-preset.h"

G_BEGIN_DECLS

/* Building presets, for the loader. Problems are GErrors whose messages
 * start at, or at least contain, the JSON path they are about; the loader
 * adds the file, line and column. Not installed. */

void               hr_preset_set_common              (HrPreset        *self,
                                                      HrPresetKind     kind,
                                                      guint            class_index,
                                                      const char      *id,
                                                      const char      *name,
                                                      const char      *manufacturer,
                                                      const char      *notes,
                                                      JsonNode        *json);
HrPreset          *hr_preset_new_compiled            (GType            type,
                                                      HrPresetKind     kind,
                                                      guint            class_index,
                                                      gboolean         generic,
                                                      const char      *id,
                                                      const char      *name,
                                                      const char      *manufacturer,
                                                      HrPresetCache   *cache,
                                                      guint            record,
                                                      guint            index,
                                                      HrPresetOrigin   origin,
                                                      char            *filename);
void               hr_preset_ensure_body             (HrPreset        *self);
gboolean           hr_preset_get_compiled            (HrPreset        *self);
guint              hr_preset_get_class_index         (HrPreset        *self);
void               hr_preset_set_origin              (HrPreset        *self,
                                                      HrPresetOrigin   origin,
                                                      const char      *filename);
void               hr_preset_set_overrides_bundled   (HrPreset        *self,
                                                      gboolean         overrides);
void               hr_preset_set_generic             (HrPreset        *self,
                                                      gboolean         generic);
void               hr_figure_set                     (HrFigure        *figure,
                                                      double           value,
                                                      const char      *source);

gboolean           hr_preset_id_is_valid             (const char      *id);
void               hr_preset_read_common             (JsonObject      *object,
                                                      const char      *path,
                                                      GPtrArray       *errors,
                                                      const char     **id,
                                                      const char     **name,
                                                      const char     **manufacturer,
                                                      const char     **notes);
gboolean           hr_preset_read_choice             (JsonObject      *object,
                                                      const char      *path,
                                                      const char      *key,
                                                      const char      *const *choices,
                                                      guint           *index,
                                                      GPtrArray       *errors);
gboolean           hr_preset_read_figure             (JsonObject      *object,
                                                      const char      *path,
                                                      const char      *key,
                                                      gboolean         required,
                                                      gboolean         zero_allowed,
                                                      HrFigure        *figure,
                                                      GPtrArray       *errors);
gboolean           hr_preset_read_figure_given       (JsonObject      *object,
                                                      const char      *path,
                                                      const char      *key,
                                                      gboolean         required,
                                                      gboolean         zero_allowed,
                                                      double           max_voltage_vrms,
                                                      HrFigure        *figure,
                                                      GPtrArray       *errors);
void               hr_preset_add_error               (GPtrArray       *errors,
                                                      GError          *error);

GArray            *hr_preset_read_response           (JsonNode        *node,
                                                      const char      *response_path,
                                                      const char     **source,
                                                      GPtrArray       *errors);
HrSourcePreset    *hr_source_preset_new_from_json    (JsonNode        *node,
                                                      const char      *path,
                                                      GPtrArray       *errors);
HrHeadphonePreset *hr_headphone_preset_new_from_json (JsonNode        *node,
                                                      const char      *path,
                                                      GPtrArray       *errors);

HrPresetFile      *hr_preset_file_new_compiled       (const char      *filename,
                                                      HrPresetOrigin   origin,
                                                      GPtrArray       *sources,
                                                      GPtrArray       *headphones);

G_END_DECLS
