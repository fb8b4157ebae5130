/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long ranking takes: one pair of headphones against 10,000 source
 * outputs, as `headroom-cli rank --headphone` and the app's Alternatives
 * view ask for it. The database is generated, a mix like the bundled
 * sources (every output impedance from a phone's 0.1 Ω to a tube stage's
 * kΩ, DC-blocking capacitors, known and unknown limits and noise, a few
 * outputs whose impedance nobody published), written as a presets folder
 * and loaded once: loading is timed apart and is not in the ranking's
 * figure. Timed: hr_ranking_new(), every candidate computed as `check`
 * computes it (what the JSON lists; the text table and the view show the
 * top of the same list). The target is 100 ms. The median of several runs
 * on the thread's CPU clock; printed, never asserted.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-bench.h"
#include "hr-ranking.h"

#define N_SOURCES   5000
#define N_OUTPUTS   2     /* each: 10,000 outputs */
#define N_RUNS      7
#define HEADPHONE   "bench-hd600"

/* A deterministic spread of figures: the i-th of a low-discrepancy
 * sequence, so that every run ranks the same database. */
static double
spread (guint i,
        guint salt)
{
  return fmod ((i + 1) * 0.6180339887498949 + salt * 0.7548776662466927, 1.0);
}

static void
append_figure (GString    *json,
               const char *key,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (json, ", \"%s\": {\"value\": %s, \"source\": \"generated\"}", key,
                          g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

static void
append_source (GString *json,
               guint    i)
{
  g_string_append_printf (json,
    "{\"id\": \"bench-source-%u\", \"name\": \"Source %u\", \"manufacturer\": \"Maker %u\","
    " \"category\": \"%s\", \"outputs\": [",
    i, i, i % 97, i % 3 == 0 ? "dac-amp" : i % 3 == 1 ? "headphone-amp" : "audio-interface");
  for (guint o = 0; o < N_OUTPUTS; o++)
    {
      const guint k = i * N_OUTPUTS + o;

      g_string_append_printf (json, "%s{\"id\": \"out-%u\", \"name\": \"Output %u\", \"kind\": \"%s\"",
                              o > 0 ? ", " : "", o, o, o == 0 ? "headphone" : "line");
      /* One output in 50 without a published impedance: "can't tell". */
      if (k % 50 != 7)
        append_figure (json, "output_impedance_ohm", 0.1 * pow (10.0, 4.0 * spread (k, 1)));
      if (k % 4 == 1)
        append_figure (json, "dc_block_uf", 10.0 * pow (10.0, 2.0 * spread (k, 2)));
      if (k % 40 != 3)
        append_figure (json, "max_voltage_vrms", 0.3 + 9.7 * spread (k, 3));
      if (k % 3 != 0)
        append_figure (json, "max_current_ma", 20.0 + 480.0 * spread (k, 4));
      if (k % 2 == 0)
        append_figure (json, "noise_vrms", 1e-6 * pow (10.0, 2.0 * spread (k, 5)));
      g_string_append_c (json, '}');
    }
  g_string_append (json, "]}");
}

static char *
write_presets (void)
{
  g_autoptr(GString) sources = g_string_new ("{\"schema_version\": 1, \"sources\": [");
  g_autoptr(GError) error = NULL;
  g_autofree char *sources_path = NULL;
  g_autofree char *headphones_path = NULL;
  char *dir = g_dir_make_tmp ("bench-rank-XXXXXX", &error);
  const char *headphones =
    "{\"schema_version\": 1, \"headphones\": [{\"id\": \"" HEADPHONE "\", \"name\": \"HD 600\","
    " \"manufacturer\": \"Bench\", \"type\": \"open-dynamic\","
    " \"nominal_impedance_ohm\": {\"value\": 300, \"source\": \"spec sheet\"},"
    " \"sensitivity\": {\"value\": 97, \"unit\": \"dB/mW\", \"ref_freq_hz\": 1000, \"source\": \"spec sheet\"},"
    " \"impedance\": {\"model\": \"thiele-small\", \"re_ohm\": 260, \"le_h\": 0.0012, \"fs_hz\": 95,"
    " \"qms\": 3.0, \"qes\": 2.2, \"modelled\": \"generated\", \"source\": \"generated\"}}]}\n";

  if (dir == NULL)
    g_error ("bench-rank: %s", error->message);
  for (guint i = 0; i < N_SOURCES; i++)
    {
      if (i > 0)
        g_string_append (sources, ",\n");
      append_source (sources, i);
    }
  g_string_append (sources, "]}\n");

  sources_path = g_build_filename (dir, "sources.json", NULL);
  headphones_path = g_build_filename (dir, "headphones.json", NULL);
  if (!g_file_set_contents (sources_path, sources->str, sources->len, &error) ||
      !g_file_set_contents (headphones_path, headphones, -1, &error))
    g_error ("bench-rank: %s", error->message);
  return dir;
}

static void
remove_presets (const char *dir)
{
  g_autofree char *sources_path = g_build_filename (dir, "sources.json", NULL);
  g_autofree char *headphones_path = g_build_filename (dir, "headphones.json", NULL);

  g_unlink (sources_path);
  g_unlink (headphones_path);
  g_rmdir (dir);
}

/* Median ms of hr_ranking_new(); the first ranking's entries in @first. */
static double
time_ranking (HrPresetDb             *db,
              HrScenario             *base,
              const HrRankingOptions *options,
              GPtrArray             **first)
{
  double times_ms[N_RUNS];

  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      double start = hr_bench_cpu_now_s ();

      entries = hr_ranking_new (db, base, options, &error);
      times_ms[run] = (hr_bench_cpu_now_s () - start) * 1e3;
      if (entries == NULL)
        g_error ("bench-rank: %s", error->message);
      if (run == 0)
        *first = g_steal_pointer (&entries);
    }
  qsort (times_ms, N_RUNS, sizeof times_ms[0], hr_bench_compare_doubles);
  return times_ms[N_RUNS / 2];
}

int
main (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(HrScenario) base = hr_scenario_new ();
  g_autoptr(GPtrArray) all = NULL;
  HrRankingOptions options = HR_RANKING_OPTIONS_INIT;
  const HrDrive drive = { HR_DRIVE_SPL, 100.0 };
  guint n_ranked = 0;
  double load_s;
  double all_ms;

  setlocale (LC_ALL, "");
  dir = write_presets ();
  load_s = hr_bench_cpu_now_s ();
  db = hr_preset_db_new (dir, "/nonexistent/bench-rank.json");
  load_s = hr_bench_cpu_now_s () - load_s;
  remove_presets (dir);
  if (hr_preset_db_get_problems (db)->len > 0)
    g_error ("bench-rank: the generated presets do not load: %s",
             hr_preset_problem_to_string (g_ptr_array_index (hr_preset_db_get_problems (db), 0)));

  hr_scenario_set_headphone_preset (base, HEADPHONE);
  hr_scenario_set_drive (base, &drive);
  options.direction = HR_RANKING_SOURCES;

  all_ms = time_ranking (db, base, &options, &all);
  for (guint i = 0; i < all->len; i++)
    n_ranked += ((HrRankingEntry *) g_ptr_array_index (all, i))->rank > 0;

  g_print ("rank 1 pair of headphones (Thiele–Small) against %u source outputs, 100 dB SPL:\n",
           N_SOURCES * N_OUTPUTS);
  hr_bench_print_machine ();
  g_print ("  loading the %u generated sources: %.0f ms (not in the figures below)\n", N_SOURCES, load_s * 1e3);
  g_print ("  every candidate as check computes it (JSON): median %.1f ms over %u runs "
           "(%u ranked, %u can't tell); target 100 ms\n",
           all_ms, N_RUNS, n_ranked, all->len - n_ranked);
  return EXIT_SUCCESS;
}
