/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "hr-preset-problem.h"

G_DEFINE_BOXED_TYPE (HrPresetProblem, hr_preset_problem,
                     hr_preset_problem_copy, hr_preset_problem_free)

/**
 * hr_preset_problem_new:
 * @line: 0 when there is no place to point at
 * @path: (nullable): the JSON path
 * @error: the problem; its message is kept as it is
 */
HrPresetProblem *
hr_preset_problem_new (const char   *filename,
                       guint         line,
                       guint         column,
                       const char   *path,
                       const GError *error)
{
  HrPresetProblem *self = g_new0 (HrPresetProblem, 1);

  g_return_val_if_fail (error != NULL, self);

  self->filename = g_strdup (filename);
  self->line = line;
  self->column = column;
  self->path = g_strdup (path);
  self->message = g_strdup (error->message);
  self->domain = error->domain;
  self->code = error->code;
  return self;
}

HrPresetProblem *
hr_preset_problem_copy (const HrPresetProblem *self)
{
  HrPresetProblem *copy = g_memdup2 (self, sizeof *self);

  copy->filename = g_strdup (self->filename);
  copy->path = g_strdup (self->path);
  copy->message = g_strdup (self->message);
  return copy;
}

void
hr_preset_problem_free (HrPresetProblem *self)
{
  if (self == NULL)
    return;
  g_free (self->filename);
  g_free (self->path);
  g_free (self->message);
  g_free (self);
}

/* "presets.json:14:31: message", the form compilers use, which editors
 * and terminals turn into links. */
char *
hr_preset_problem_to_string (const HrPresetProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->line == 0)
    return g_strdup_printf ("%s: %s", self->filename, self->message);
  return g_strdup_printf ("%s:%u:%u: %s", self->filename, self->line, self->column,
                          self->message);
}
