/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>
#include <glib.h>

#include "hr-preset-file.h"

/* libFuzzer target: any bytes as a preset file, loaded from memory with
 * every check and every problem placed in the text, as a user's file is.
 * The problems are turned into text too, as the CLI prints them. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HrPresetFile) file = NULL;
  GPtrArray *problems;

  file = hr_preset_file_new_from_data ("fuzz.json", (const char *) data, size,
                                       HR_PRESET_ORIGIN_USER);
  problems = hr_preset_file_get_problems (file);
  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *text = hr_preset_problem_to_string (g_ptr_array_index (problems, i));

      g_assert (text != NULL);
    }
  return 0;
}
