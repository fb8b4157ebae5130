/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <utime.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-bench.h"
#include "hr-generated-presets.h"
#include "hr-preset-db.h"
#include "hr-preset-private.h"
#include "test-files.h"

/* Loading 10,000 presets. The text is made in memory, a mix like the
 * bundled files (a third sources with one to three outputs, the rest
 * headphones over the four impedance models), every figure with its
 * provenance.
 *
 * First from the JSON: parse, validate and build every object, as the
 * app did at start-up before its compiled cache (hr-preset-cache.c); the
 * target was 50 ms. Then as the app loads them now: the same text as a
 * presets folder (HEADROOM_PRESETS_DIR), its cache compiled on the first
 * load and mapped at every one after, with the presets ready to be looked
 * up, listed and searched; the target is 20 ms. Each figure is the median
 * of 9 loads. */

#define N_PRESETS 10000
#define N_RUNS 9

static gboolean
check_loaded (HrPresetDb *db,
              gboolean    compiled)
{
  g_autoptr(GPtrArray) sources = hr_preset_db_list (db, HR_PRESET_KIND_SOURCE, NULL);
  g_autoptr(GPtrArray) headphones = hr_preset_db_list (db, HR_PRESET_KIND_HEADPHONE, NULL);

  if (hr_preset_db_get_problems (db)->len > 0 || sources->len + headphones->len != N_PRESETS ||
      hr_preset_get_compiled (g_ptr_array_index (headphones, 0)) != compiled)
    {
      fprintf (stderr, "bench-presets: the generated presets do not load %s\n",
               compiled ? "from the cache" : "from the JSON");
      return FALSE;
    }
  return TRUE;
}

/* Loads through the compiled cache. */
static int
time_cached (GString *json)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *top = g_dir_make_tmp ("headroom-bench-presets-XXXXXX", &error);
  g_autofree char *presets_dir = NULL;
  g_autofree char *presets_file = NULL;
  g_autofree char *cache_home = NULL;
  double times_ms[N_RUNS];
  double first_ms;
  double body_us[N_RUNS];
  double hash_ms;
  GStatBuf st;

  if (top == NULL)
    {
      fprintf (stderr, "bench-presets: %s\n", error->message);
      return EXIT_FAILURE;
    }
  /* Before GLib reads it, which it does once. */
  cache_home = g_build_filename (top, "cache", NULL);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  presets_dir = g_build_filename (top, "presets", NULL);
  presets_file = g_build_filename (presets_dir, "generated.json", NULL);
  /* Dated an hour back, as a file is at start-up: one written a moment
   * before the cache is checked by its hash (RACY_NS, hr-preset-cache.c). */
  if (g_mkdir_with_parents (presets_dir, 0700) != 0 ||
      !g_file_set_contents (presets_file, json->str, (gssize) json->len, &error) ||
      g_stat (presets_file, &st) != 0 ||
      g_utime (presets_file, &(struct utimbuf) { st.st_atime - 3600, st.st_mtime - 3600 }) != 0)
    {
      fprintf (stderr, "bench-presets: cannot write the presets: %s\n",
               error != NULL ? error->message : g_strerror (errno));
      return EXIT_FAILURE;
    }

  {
    gint64 start = g_get_monotonic_time ();
    g_autoptr(HrPresetDb) db = hr_preset_db_new (presets_dir, "/nonexistent/headroom/presets.json");

    first_ms = (g_get_monotonic_time () - start) / 1000.0;
    if (!check_loaded (db, FALSE))
      return EXIT_FAILURE;
  }

  for (guint run = 0; run < N_RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(HrPresetDb) db = hr_preset_db_new (presets_dir, "/nonexistent/headroom/presets.json");
      g_autofree char *id = g_strdup_printf ("maker-%u-headphone-%u", run % 97, run);
      HrHeadphonePreset *preset;

      times_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      if (!check_loaded (db, TRUE))
        return EXIT_FAILURE;
      /* What choosing one in the app reads, on top. */
      preset = hr_preset_db_lookup_headphone (db, id);
      start = g_get_monotonic_time ();
      if (preset == NULL || hr_headphone_preset_get_headphone (preset) == NULL)
        return EXIT_FAILURE;
      body_us[run] = (double) (g_get_monotonic_time () - start);
    }

  /* The file touched: same text, another time, so its hash is checked. */
  {
    gint64 start;

    g_utime (presets_file, &(struct utimbuf) { st.st_atime - 1800, st.st_mtime - 1800 });
    start = g_get_monotonic_time ();
    {
      g_autoptr(HrPresetDb) db = hr_preset_db_new (presets_dir, "/nonexistent/headroom/presets.json");

      hash_ms = (g_get_monotonic_time () - start) / 1000.0;
      if (!check_loaded (db, TRUE))
        return EXIT_FAILURE;
    }
  }

  qsort (times_ms, N_RUNS, sizeof times_ms[0], hr_bench_compare_doubles);
  qsort (body_us, N_RUNS, sizeof body_us[0], hr_bench_compare_doubles);
  printf ("load %u presets from the compiled cache: median %.1f ms (min %.1f, max %.1f) over %u runs; "
          "target 20 ms\n", N_PRESETS, times_ms[N_RUNS / 2], times_ms[0], times_ms[N_RUNS - 1], N_RUNS);
  printf ("first load, from the JSON and compiling the cache: %.1f ms\n", first_ms);
  printf ("the JSON touched, the cache checked by its SHA-256 and kept: %.1f ms\n", hash_ms);
  printf ("one preset's figures, read from the cache on first use: median %.0f µs\n", body_us[N_RUNS / 2]);
  remove_tree (top);
  return EXIT_SUCCESS;
}

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
  return time_cached (json);
}
