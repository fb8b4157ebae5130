/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hr-core.h"
#include "hr-preset-db.h"

G_BEGIN_DECLS

#define HR_TYPE_PRESET_BUILDER (hr_preset_builder_get_type ())

G_DECLARE_FINAL_TYPE (HrPresetBuilder, hr_preset_builder, HR, PRESET_BUILDER, GObject)

HrPresetBuilder *hr_preset_builder_new                  (HrPresetDb        *db,
                                                         HrPresetKind       kind,
                                                         HrPreset          *base);
HrPresetKind     hr_preset_builder_get_kind             (HrPresetBuilder   *self);
void             hr_preset_builder_set_names            (HrPresetBuilder   *self,
                                                         const char        *manufacturer,
                                                         const char        *name);
void             hr_preset_builder_set_notes            (HrPresetBuilder   *self,
                                                         const char        *notes);
void             hr_preset_builder_set_figure           (HrPresetBuilder   *self,
                                                         const char        *member,
                                                         double             value);

/* Headphones */
void             hr_preset_builder_set_headphone_type   (HrPresetBuilder   *self,
                                                         HrHeadphoneType    type);
void             hr_preset_builder_set_sensitivity      (HrPresetBuilder   *self,
                                                         double             value,
                                                         HrSensitivityUnit  unit,
                                                         double             ref_freq_hz);
void             hr_preset_builder_set_impedance        (HrPresetBuilder   *self,
                                                         HrImpedance       *impedance,
                                                         const char        *source);
void              hr_preset_builder_set_impedance_modelled (HrPresetBuilder       *self,
                                                            const char            *modelled);
void              hr_preset_builder_set_response (HrPresetBuilder       *self,
                                                  const HrResponsePoint *points,
                                                  guint                  n_points,
                                                  const char            *source);

/* Sources */
void             hr_preset_builder_set_source_category  (HrPresetBuilder   *self,
                                                         HrSourceCategory   category);
guint            hr_preset_builder_add_output           (HrPresetBuilder   *self,
                                                         int                base_index,
                                                         const char        *name,
                                                         HrOutputKind       kind);
void             hr_preset_builder_set_output_figure    (HrPresetBuilder   *self,
                                                         guint              output,
                                                         const char        *member,
                                                         double             value);
void              hr_preset_builder_set_output_figure_given (HrPresetBuilder *self,
                                                             guint            output,
                                                             const char      *member,
                                                             double           value,
                                                             const char      *given,
                                                             const char      *source);

JsonNode        *hr_preset_builder_get_json             (HrPresetBuilder   *self);
char            *hr_preset_builder_save                 (HrPresetBuilder   *self,
                                                         GError           **error);

G_END_DECLS
