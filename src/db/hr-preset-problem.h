/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HR_TYPE_PRESET_PROBLEM (hr_preset_problem_get_type ())

/* A problem found while loading a preset file, placed in it. The message
 * names the JSON path and the value, as every message of the gear readers
 * does; the file, line and column say where to look. */
typedef struct
{
  char   *filename;  /* for display */
  guint   line;      /* from 1; 0 when the problem has no place in the text */
  guint   column;    /* from 1, in characters */
  char   *path;      /* the JSON path, or NULL */
  char   *message;
  GQuark  domain;    /* of the GError it was */
  int     code;
} HrPresetProblem;

GType            hr_preset_problem_get_type   (void) G_GNUC_CONST;
HrPresetProblem *hr_preset_problem_new        (const char             *filename,
                                               guint                   line,
                                               guint                   column,
                                               const char             *path,
                                               const GError           *error);
HrPresetProblem *hr_preset_problem_copy       (const HrPresetProblem  *self);
void             hr_preset_problem_free       (HrPresetProblem        *self);
char            *hr_preset_problem_to_string  (const HrPresetProblem  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrPresetProblem, hr_preset_problem_free)

G_END_DECLS
