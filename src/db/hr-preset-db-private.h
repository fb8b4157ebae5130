/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-db-error.h"
#include "hr-preset-db.h"

G_BEGIN_DECLS

/* Shared by hr-preset-db.c, which loads, and hr-preset-user.c, which
 * writes the user's file. Not installed. */
struct _HrPresetDb
{
  GObject     parent_instance;

  char       *bundled_dir;
  char       *user_file;
  gboolean    user_file_broken;
  GHashTable *sources;     /* id → HrSourcePreset */
  GHashTable *headphones;  /* id → HrHeadphonePreset */
  GPtrArray  *problems;    /* HrPresetProblem */
  GPtrArray  *opened;      /* HrPreset of comparisons opened, kept across reloads */
  /* Each kind's presets in the order hr_preset_db_list() gives them,
   * sorted on first use and dropped whenever the tables change. */
  GPtrArray  *sorted[HR_PRESET_KIND_HEADPHONE + 1];
};

void hr_preset_db_add_opened     (HrPresetDb *self);
void hr_preset_db_tables_changed (HrPresetDb *self);

G_END_DECLS
