/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hr-gear-labels.h"
#include "hr-headphone-preset.h"
#include "hr-source-preset.h"

G_BEGIN_DECLS

char       *hr_dup_output_figures      (const HrSourceOutput   *output,
                                        char                  **tooltip);
char       *hr_dup_headphone_figures   (HrHeadphonePreset      *preset,
                                        char                  **tooltip);
GListModel *hr_preset_list_model_new   (GPtrArray              *presets);
void        hr_sort_sources_by_category (GPtrArray            *sources);
guint       hr_preset_list_find        (GPtrArray              *presets,
                                        const char             *id);

G_END_DECLS
