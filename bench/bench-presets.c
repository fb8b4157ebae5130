/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib.h>

#include "hr-bench.h"
#include "hr-generated-presets.h"
#include "hr-preset-file.h"

/* Loading 10,000 presets: parse, validate and build every object, as the
 * app does at start-up. The text is made in memory, a mix like the
 * bundled files (a third sources with one to three outputs, the rest
 * headphones over the four impedance models), every figure with its
 * provenance. The median of 9 loads; the target is 50 ms. */

#define N_PRESETS 10000
#define N_RUNS 9

int
main (void)
{
  g_autoptr(GString) json = hr_generated_presets_new (N_PRESETS);
  double times_ms[N_RUNS];
  double parse_ms[N_RUNS];
  guint n_sources = N_PRESETS / 3;

  hr_bench_print_machine ();
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HrPresetFile) file = hr_preset_file_new_from_data ("bench.json", json->str, json->len,
                                                                   HR_PRESET_ORIGIN_BUNDLED);

      times_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (hr_preset_file_get_problems (file)->len > 0 ||
          hr_preset_file_get_sources (file)->len + hr_preset_file_get_headphones (file)->len != N_PRESETS)
        {
          g_autofree char *problem = hr_preset_file_get_problems (file)->len > 0
            ? hr_preset_problem_to_string (g_ptr_array_index (hr_preset_file_get_problems (file), 0))
            : g_strdup ("wrong count");

          fprintf (stderr, "bench-presets: the generated presets do not load: %s\n", problem);
          return EXIT_FAILURE;
        }
    }

  /* json-glib alone, for scale: what no loader on top of it can beat. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();

      if (!json_parser_load_from_data (parser, json->str, (gssize) json->len, NULL))
        return EXIT_FAILURE;
      g_clear_object (&parser);
      parse_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
    }

  qsort (times_ms, N_RUNS, sizeof times_ms[0], hr_bench_compare_doubles);
  qsort (parse_ms, N_RUNS, sizeof parse_ms[0], hr_bench_compare_doubles);
  printf ("load %u presets (%u sources, %u headphones), %.1f MB of JSON: median %.1f ms "
          "(min %.1f, max %.1f) over %u runs; target 50 ms\n",
          N_PRESETS, n_sources, N_PRESETS - n_sources, json->len / 1e6,
          times_ms[N_RUNS / 2], times_ms[0], times_ms[N_RUNS - 1], N_RUNS);
  printf ("json-glib's parse and free alone: median %.1f ms\n", parse_ms[N_RUNS / 2]);
  return EXIT_SUCCESS;
}
