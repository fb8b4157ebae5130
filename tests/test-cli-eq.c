/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-core.h"
#include "test-cli-run.h"

/* headroom-cli eq, run as a user runs it: the EQ it writes, read back as
 * Equalizer APO reads it, against the response change that `sweep`
 * prints for the same configuration. Corrected, the change is gone. */

/* The response change of a configuration on sweep's default grid. */
static GPtrArray *
sweep_rows (const char *const *scenario)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };

  g_ptr_array_add (args, (gpointer) "sweep");
  for (guint i = 0; scenario[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) scenario[i]);
  g_ptr_array_add (args, (gpointer) "--points");
  g_ptr_array_add (args, (gpointer) "961");
  g_ptr_array_add (args, NULL);
  run_cli (&run, (const char *const *) args->pdata);
  assert_success (&run);
  return parse_csv (run.out);
}

static void
run_eq (Run               *run,
        const char *const *scenario,
        const char        *format)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) "eq");
  for (guint i = 0; scenario[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) scenario[i]);
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) format);
  g_ptr_array_add (args, (gpointer) "-o");
  g_ptr_array_add (args, (gpointer) "-");
  g_ptr_array_add (args, NULL);
  run_cli (run, (const char *const *) args->pdata);
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
}

/* "Filter 1: ON PK Fc 99.93 Hz Gain -0.61 dB Q 3.3930", as APO reads it. */
static GArray *
read_apo (const char *text,
          double     *preamp_db)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GArray *filters = g_array_new (FALSE, FALSE, sizeof (HrEqFilter));

  *preamp_db = NAN;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char type[8];
      HrEqFilter filter;
      g_autofree char *line = g_strdup (lines[i]);

      if (g_str_has_prefix (line, "Preamp: "))
        *preamp_db = g_ascii_strtod (line + strlen ("Preamp: "), NULL);
      else if (g_str_has_prefix (line, "Filter "))
        {
          char *p = strstr (line, ": ON ");

          g_assert_nonnull (p);
          g_assert_cmpint (sscanf (p + 5, "%7s", type), ==, 1);
          filter.type = g_str_equal (type, "PK") ? HR_EQ_PEAKING
                        : g_str_equal (type, "LSC") ? HR_EQ_LOW_SHELF : HR_EQ_HIGH_SHELF;
          g_assert_true (g_str_equal (type, "PK") || g_str_equal (type, "LSC") || g_str_equal (type, "HSC"));
          filter.freq_hz = g_ascii_strtod (strstr (p, " Fc ") + 4, NULL);
          filter.gain_db = g_ascii_strtod (strstr (p, " Gain ") + 6, NULL);
          filter.q = g_ascii_strtod (strstr (p, " Q ") + 3, NULL);
          g_array_append_val (filters, filter);
        }
    }
  g_assert_false (isnan (*preamp_db));
  return filters;
}

/* The parametric EQ plus the change: flat within ±0.2 dB, on a grid twice
 * as fine as the one it was fitted on; and a preamp that leaves no boost. */
static void
check_apo (const char *const *scenario)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) rows = sweep_rows (scenario);
  g_autoptr(GArray) filters = NULL;
  double preamp_db;
  double worst_db = 0.0;
  double span_db = 0.0;

  run_eq (&run, scenario, "apo");
  g_test_message ("%s", run.out);
  filters = read_apo (run.out, &preamp_db);
  g_assert_cmpuint (filters->len, <=, 10);
  for (guint i = 0; i < rows->len; i++)
    {
      double freq_hz = field (rows, i, COL_FREQ_HZ);
      double dev_db = field (rows, i, COL_DEV_DB);
      double eq_db = hr_eq_response_db (&g_array_index (filters, HrEqFilter, 0), filters->len, freq_hz, 48000.0);

      span_db = MAX (span_db, fabs (dev_db));
      worst_db = MAX (worst_db, fabs (dev_db + eq_db));
      g_assert_cmpfloat (eq_db + preamp_db, <=, 1e-9);
    }
  g_test_message ("change up to %.2f dB, corrected to within %.3f dB", span_db, worst_db);
  g_assert_cmpfloat (worst_db, <=, 0.2 + 1e-6);
  /* The summary line: what the fit came to; and the file says what it
   * corrects, in English with a dot. */
  g_assert_nonnull (strstr (run.err, "within ±0.2 dB"));
  g_assert_true (g_str_has_prefix (run.out, "# Headroom: undoes the "));
  g_assert_nonnull (strstr (run.out, " filters, within +-0.2 dB (at most 0."));
}

static void
test_apo_corrects (void)
{
  static const char *const hd650_fireface[] = {
    "--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800", "--output", "line", NULL,
  };
  static const char *const hd650_tube[] = {
    "--headphone", "sennheiser-hd-650", "--zout", "470", NULL,
  };
  static const char *const network[] = {
    "--headphone-file", "@hp-network.json", "--zout", "10", NULL,
  };

  check_apo (hd650_fireface);
  check_apo (hd650_tube);
  check_apo (network);
}

/* GraphicEQ: each gain is the negated change there, less the one shift
 * that keeps it from boosting. */
static void
test_graphiceq_exact (void)
{
  static const char *const scenario[] = { "--headphone", "sennheiser-hd-650", "--zout", "120", NULL };
  g_autoptr(GPtrArray) rows = sweep_rows (scenario);
  g_auto(Run) run = { 0 };
  g_auto(GStrv) pairs = NULL;
  double shift_db = NAN;
  guint n_pairs;

  run_eq (&run, scenario, "graphiceq");
  g_assert_true (g_str_has_prefix (run.out, "GraphicEQ: "));
  pairs = g_strsplit (run.out + strlen ("GraphicEQ: "), "; ", -1);
  n_pairs = g_strv_length (pairs);
  g_assert_cmpuint (n_pairs, ==, 127);
  for (guint i = 0; i < n_pairs; i++)
    {
      char *end = NULL;
      double freq_hz = g_ascii_strtod (pairs[i], &end);
      double gain_db = g_ascii_strtod (end, NULL);
      double dev_db = NAN;

      /* The change at that frequency, linear in log f between rows. */
      for (guint r = 0; r + 1 < rows->len; r++)
        {
          double f0 = field (rows, r, COL_FREQ_HZ);
          double f1 = field (rows, r + 1, COL_FREQ_HZ);

          if (freq_hz >= f0 && freq_hz <= f1)
            {
              double t = log (freq_hz / f0) / log (f1 / f0);

              dev_db = field (rows, r, COL_DEV_DB) + t * (field (rows, r + 1, COL_DEV_DB) - field (rows, r, COL_DEV_DB));
            }
        }
      g_assert_false (isnan (dev_db));
      if (isnan (shift_db))
        shift_db = gain_db + dev_db;
      /* One decimal is written: half a step either way, and the shift's. */
      g_assert_cmpfloat_with_epsilon (gain_db, -dev_db + shift_db, 0.1 + 1e-9);
      g_assert_cmpfloat (gain_db, <=, 0.0);
    }
}

static void
test_easyeffects (void)
{
  static const char *const scenario[] = { "--headphone", "sennheiser-hd-650", "--zout", "120", NULL };
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *equalizer;

  run_eq (&run, scenario, "easyeffects");
  object = parse_json_object (run.out, &root);
  equalizer = json_object_get_object_member (json_object_get_object_member (object, "output"), "equalizer#0");
  g_assert_nonnull (equalizer);
  g_assert_cmpint (json_object_get_int_member (equalizer, "num-bands"), >=, 1);
  g_assert_nonnull (json_object_get_object_member (json_object_get_object_member (equalizer, "left"), "band0"));
}

static void
test_eq_errors (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "eq", "--headphone", "sennheiser-hd-650", "--zout", "120", "--format", "wav", "-o", "-");
    assert_one_line_error (&run, 2, (const char *const[]) { "--format", "wav", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "eq", "--headphone", "sennheiser-hd-650", "--zout", "120");
    assert_one_line_error (&run, 2, (const char *const[]) { "-o", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "eq", "--headphone", "sennheiser-hd-650", "--zout", "120", "--sample-rate", "8000", "-o", "-");
    assert_one_line_error (&run, 1, (const char *const[]) { "--sample-rate", "8000", NULL });
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *dir = g_dir_make_tmp ("headroom-eq-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "no", "such", "eq.txt", NULL);

    RUN (&run, "eq", "--headphone", "sennheiser-hd-650", "--zout", "120", "-o", path);
    assert_one_line_error (&run, 1, (const char *const[]) { "eq.txt", NULL });
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    g_rmdir (dir);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-eq/apo-corrects", test_apo_corrects);
  g_test_add_func ("/cli-eq/graphiceq-exact", test_graphiceq_exact);
  g_test_add_func ("/cli-eq/easyeffects", test_easyeffects);
  g_test_add_func ("/cli-eq/errors", test_eq_errors);

  return g_test_run ();
}
