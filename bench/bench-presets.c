/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib.h>

#include "hr-bench.h"
#include "hr-preset-file.h"

/* Loading 10,000 presets: parse, validate and build every object, as the
 * app does at start-up. The text is made in memory, a mix like the
 * bundled files (a third sources with one to three outputs, the rest
 * headphones over the four impedance models), every figure with its
 * provenance. The median of 9 loads; the target is 50 ms. */

#define N_PRESETS 10000
#define N_RUNS 9

static void
append_source (GString *json,
               guint    i)
{
  guint n_outputs = 1 + i % 3;

  g_string_append_printf (json,
    "{\"id\": \"maker-%u-source-%u\", \"name\": \"Source %u\", \"manufacturer\": \"Maker %u\","
    " \"category\": \"dac-amp\", \"notes\": \"generated for the benchmark\", \"outputs\": [",
    i % 97, i, i, i % 97);
  for (guint o = 0; o < n_outputs; o++)
    g_string_append_printf (json,
      "%s{\"id\": \"out-%u\", \"name\": \"Output %u\", \"kind\": \"%s\","
      " \"output_impedance_ohm\": {\"value\": %u.5, \"source\": \"Maker manual, p. %u\"},"
      " \"max_voltage_vrms\": {\"value\": 2.%u, \"source\": \"measured by a review site\"},"
      " \"max_current_ma\": {\"value\": %u, \"source\": \"spec sheet, peak divided by sqrt 2\"},"
      " \"dc_block_uf\": {\"value\": 470, \"source\": \"schematic\"}}",
      o > 0 ? ", " : "", o, o, o == 2 ? "balanced" : o == 1 ? "line" : "headphone",
      i % 50, i % 300, o, 50 + i % 200);
  g_string_append (json, "]}");
}

static void
append_headphone (GString *json,
                  guint    i)
{
  static const char *const models[] = {
    "{\"model\": \"resistor\", \"r_ohm\": 32, \"source\": \"flat, planar\"}",
    "{\"model\": \"thiele-small\", \"re_ohm\": 26, \"le_h\": 5e-5, \"fs_hz\": 85, \"qms\": 2.5,"
    " \"qes\": 0.9, \"scale\": 1.0, \"modelled\": \"fitted to the peak at 85 Hz\","
    " \"source\": \"a published measurement\"}",
    "{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 30}, {\"parallel\": [{\"L\": 0.001},"
    " {\"C\": 1e-6}, {\"R\": 50}]}]}, \"modelled\": \"fitted\", \"source\": \"a measurement\"}",
    "{\"model\": \"points\", \"points\": [[20, 34, 5], [100, 33, 2], [1000, 32, 0],"
    " [10000, 36, 10], [20000, 40, 15]], \"source\": \"a measurement\"}",
  };

  g_string_append_printf (json,
    "{\"id\": \"maker-%u-headphone-%u\", \"name\": \"Headphone %u\", \"manufacturer\": \"Maker %u\","
    " \"type\": \"open-dynamic\","
    " \"nominal_impedance_ohm\": {\"value\": 32, \"source\": \"spec sheet\"},"
    " \"sensitivity\": {\"value\": %u, \"unit\": \"dB/mW\", \"ref_freq_hz\": 1000, \"source\": \"spec sheet\"},"
    " \"max_input_mw\": {\"value\": 200, \"source\": \"spec sheet\"},"
    " \"impedance\": %s,"
    " \"frequency_response\": {\"points\": [[20, -3], [100, 1], [1000, 0], [3000, 4], [10000, -2]],"
    " \"source\": \"a measurement\"}}",
    i % 97, i, i, i % 97, 95 + i % 15, models[i % G_N_ELEMENTS (models)]);
}

int
main (void)
{
  g_autoptr(GString) json = g_string_new ("{\"schema_version\": 1, \"sources\": [");
  double times_ms[N_RUNS];
  double parse_ms[N_RUNS];
  guint n_sources = N_PRESETS / 3;

  for (guint i = 0; i < n_sources; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      append_source (json, i);
    }
  g_string_append (json, "],\n\"headphones\": [");
  for (guint i = 0; i < N_PRESETS - n_sources; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      append_headphone (json, i);
    }
  g_string_append (json, "]}\n");

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
  fflush (stdout);
  hr_bench_print_machine ();
  return EXIT_SUCCESS;
}
