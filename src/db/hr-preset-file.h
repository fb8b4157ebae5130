/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hr-headphone-preset.h"
#include "hr-preset-problem.h"
#include "hr-preset.h"
#include "hr-source-preset.h"

G_BEGIN_DECLS

#define HR_TYPE_PRESET_FILE (hr_preset_file_get_type ())

G_DECLARE_FINAL_TYPE (HrPresetFile, hr_preset_file, HR, PRESET_FILE, GObject)

/* The schema version this Headroom reads (SCHEMA.md, "Versions"). */
#define HR_PRESET_SCHEMA_VERSION 1

HrPresetFile *hr_preset_file_new_from_data    (const char    *filename,
                                               const char    *data,
                                               gsize          length,
                                               HrPresetOrigin origin);
HrPresetFile *hr_preset_file_new_from_file    (const char    *filename,
                                               HrPresetOrigin origin);
const char   *hr_preset_file_get_filename     (HrPresetFile  *self);
gboolean      hr_preset_file_is_readable      (HrPresetFile  *self);
GPtrArray    *hr_preset_file_get_sources      (HrPresetFile  *self);
GPtrArray    *hr_preset_file_get_headphones   (HrPresetFile  *self);
GPtrArray    *hr_preset_file_get_problems     (HrPresetFile  *self);

G_END_DECLS
