/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "hr-headphone-preset.h"
#include "hr-preset-file.h"
#include "hr-preset-problem.h"
#include "hr-preset.h"
#include "hr-source-preset.h"

G_BEGIN_DECLS

#define HR_TYPE_PRESET_DB (hr_preset_db_get_type ())

G_DECLARE_FINAL_TYPE (HrPresetDb, hr_preset_db, HR, PRESET_DB, GObject)

/* How a user preset is written: a new one, or in place of one with its id. */
typedef enum
{
  HR_PRESET_WRITE_ADD,
  HR_PRESET_WRITE_EDIT,
} HrPresetWrite;

char               *hr_preset_db_dup_default_bundled_dir (void);
char               *hr_preset_db_dup_default_user_file   (void);

HrPresetDb         *hr_preset_db_new                 (const char     *bundled_dir,
                                                      const char     *user_file);
void                hr_preset_db_reload              (HrPresetDb     *self);
const char         *hr_preset_db_get_bundled_dir     (HrPresetDb     *self);
const char         *hr_preset_db_get_user_file       (HrPresetDb     *self);
gboolean            hr_preset_db_get_user_file_broken (HrPresetDb    *self);
GPtrArray          *hr_preset_db_get_problems        (HrPresetDb     *self);

GPtrArray          *hr_preset_db_list                (HrPresetDb     *self,
                                                      HrPresetKind    kind,
                                                      const char     *search);
HrSourcePreset     *hr_preset_db_lookup_source       (HrPresetDb     *self,
                                                      const char     *id);
HrHeadphonePreset  *hr_preset_db_lookup_headphone    (HrPresetDb     *self,
                                                      const char     *id);
HrPreset           *hr_preset_db_lookup              (HrPresetDb     *self,
                                                      HrPresetKind    kind,
                                                      const char     *id);

gboolean            hr_preset_db_write_user_preset   (HrPresetDb     *self,
                                                      HrPresetKind    kind,
                                                      JsonNode       *preset,
                                                      HrPresetWrite   mode,
                                                      GError        **error);
HrPreset           *hr_preset_db_adopt               (HrPresetDb     *self,
                                                      HrPreset       *preset,
                                                      const char     *from);
gboolean            hr_preset_db_remove_user_preset  (HrPresetDb     *self,
                                                      HrPresetKind    kind,
                                                      const char     *id,
                                                      GError        **error);

G_END_DECLS
