/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>
#include <string.h>
#include <glib.h>

#include "hr-comparison.h"

/* libFuzzer target: any bytes as a `.headroom` comparison file, read as
 * the app and `headroom-cli --comparison` read one. What reads must write
 * itself out again and read back. */

static HrPresetDb *db;

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrComparison) comparison = NULL;
  g_autofree char *text = NULL;
  g_autoptr(HrComparison) again = NULL;

  if (db == NULL)
    db = hr_preset_db_new ("/nonexistent", "/nonexistent/presets.json");

  comparison = hr_comparison_new_from_data ((const char *) data, size, "fuzz.headroom", &error);
  g_assert ((comparison == NULL) != (error == NULL));
  if (comparison == NULL)
    return 0;

  text = hr_comparison_to_string (comparison, db, NULL);
  g_assert (text != NULL);
  again = hr_comparison_new_from_data (text, strlen (text), "again.headroom", NULL);
  g_assert (again != NULL);
  g_assert (hr_comparison_get_n_pins (again) == hr_comparison_get_n_pins (comparison));
  return 0;
}
