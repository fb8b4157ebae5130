/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>
#include <glib.h>

#include "hr-gear-json.h"
#include "hr-json-parse.h"
#include "hr-scenario.h"

/* libFuzzer target: any bytes as the JSON documents that are not preset
 * files: a headphone or a source file (--headphone-file, --source-file)
 * and a scenario (a pin, a comparison). Each goes through the one
 * checked parser, then through every reader that takes that document. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  root = hr_json_parse_data ((const char *) data, size, "fuzz.json", &error);
  if (root == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  {
    g_autoptr(GError) headphone_error = NULL;
    g_autoptr(HrHeadphone) headphone = hr_gear_json_parse_headphone (root, NULL, "fuzz", &headphone_error);

    g_assert ((headphone == NULL) != (headphone_error == NULL));
  }
  {
    g_autoptr(GError) source_error = NULL;
    g_autofree char *name = NULL;
    HrSource source;
    gboolean ok = hr_gear_json_parse_source (root, NULL, "fuzz", &source, &name, &source_error);

    g_assert (ok != (source_error != NULL));
  }
  {
    g_autoptr(GError) scenario_error = NULL;
    g_autoptr(HrScenario) scenario = hr_scenario_new_from_json (root, NULL, &scenario_error);

    g_assert ((scenario == NULL) != (scenario_error == NULL));
    if (scenario != NULL)
      {
        /* What it says of itself must read back. */
        g_autofree char *text = hr_scenario_to_string (scenario);
        g_autoptr(HrScenario) again = hr_scenario_new_from_string (text, "again", NULL);

        g_assert (again != NULL);
      }
  }
  return 0;
}
