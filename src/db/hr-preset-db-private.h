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
};

void hr_preset_db_add_opened (HrPresetDb *self);

G_END_DECLS
