/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "hr-curve-import.h"
#include "hr-export.h"

/* What Headroom writes for other programs: a .zma that reads back to the
 * same points, the sweep CSV the CLI prints, and files replaced whole or
 * not at all. */

static HrHeadphone *
make_headphone (const char *name)
{
  const HrThieleSmall ts = { 26.0, 5e-5, 85.0, 2.5, 0.9 };
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) impedance = hr_impedance_new_thiele_small (&ts, &error);
  HrHeadphone *headphone;

  g_assert_no_error (error);
  headphone = hr_headphone_new (name, 32.0, 102.0, HR_SENSITIVITY_DB_PER_V, impedance, &error);
  g_assert_no_error (error);
  return headphone;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("headroom-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0700);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

/* Export, import, and the same points to 1e-9; and those points are the
 * impedance at the source's jack: adapter shunt across the headphone,
 * series resistor and cable in front (the name's newline stays in the
 * comment). */
static void
test_zma_round_trip (void)
{
  g_autoptr(HrHeadphone) headphone = make_headphone ("Test 32\nwith a newline");
  HrCircuit circuit = { headphone, HR_SOURCE_INIT, { 0.5, 10.0, 33.0 } };
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.zma", NULL);
  g_autofree double *freq_hz = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(HrImpedanceCurve) curve = NULL;
  g_autoptr(GError) error = NULL;
  const guint n_freqs = 97;

  freq_hz = hr_log_frequencies (10.0, 40000.0, n_freqs, &error);
  g_assert_no_error (error);
  g_assert_true (hr_export_save_zma (path, &circuit, freq_hz, n_freqs, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "* Impedance seen by the source, exported by Headroom"));
  g_assert_nonnull (strstr (contents, "* Headphone: Test 32 with a newline\n"));
  g_assert_nonnull (strstr (contents, "* Adapter: series 10 ohm, shunt 33 ohm\n"));
  /* Data in the C locale: no decimal comma after the header. */
  g_assert_null (strchr (strstr (contents, "Phase(degrees)\n"), ','));

  curve = hr_curve_load_impedance (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (curve->n_points, ==, n_freqs);
  g_assert_true (curve->has_phase);
  for (guint i = 0; i < n_freqs; i++)
    {
      const double complex z_load = hr_impedance_eval (hr_headphone_get_impedance (headphone), freq_hz[i]);
      const double complex z_shunted = z_load * 33.0 / (z_load + 33.0);
      const double complex z_expected = z_shunted + 10.5;

      g_assert_cmpfloat_with_epsilon (curve->points[i].freq_hz, freq_hz[i], 1e-9 * freq_hz[i]);
      g_assert_cmpfloat_with_epsilon (curve->points[i].mag_ohm, cabs (z_expected), 1e-9 * cabs (z_expected));
      g_assert_cmpfloat_with_epsilon (curve->points[i].phase_deg, carg (z_expected) * 180.0 / G_PI, 1e-9);
    }

  remove_dir (dir);
}

static void
test_zma_refuses_bad_frequencies (void)
{
  g_autoptr(HrHeadphone) headphone = make_headphone ("Test 32");
  HrCircuit circuit = { headphone, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  const double falling_hz[] = { 100.0, 50.0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hr_export_zma (&circuit, falling_hz, 2, &error);

  g_assert_null (text);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING);
  g_assert_cmpstr (error->message, ==, "freq_hz[1] must be greater than the frequency before it, got 50");
}

/* The app's CSV export and the CLI's stream are one writer. */
static void
test_sweep_csv_one_writer (void)
{
  g_autoptr(HrHeadphone) headphone = make_headphone ("Test 32");
  HrCircuit circuit = { headphone, { 10.0, 0.0, 2.0, 40.0, FALSE }, HR_CONNECTION_INIT };
  HrDrive drive = { HR_DRIVE_VOLTAGE, 1.0 };
  g_autoptr(HrSweep) sweep = hr_sweep_new_log (20.0, 20000.0, 31, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *streamed = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sweep.csv", NULL);
  g_autofree char *saved = NULL;
  g_auto(GStrv) lines = NULL;
  FILE *stream;

  g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, &error));
  g_assert_no_error (error);
  text = hr_export_sweep_csv (sweep);
  g_assert_true (g_str_has_prefix (text, HR_EXPORT_SWEEP_CSV_HEADER "\n"));

  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  hr_export_write_sweep_csv (stream, sweep);
  g_assert_cmpint (fclose (stream), ==, 0);
  g_assert_true (g_file_get_contents (path, &streamed, NULL, NULL));
  g_assert_cmpstr (streamed, ==, text);

  g_assert_true (hr_export_save_sweep_csv (path, sweep, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &saved, NULL, NULL));
  g_assert_cmpstr (saved, ==, text);
  /* 31 rows and the header. */
  lines = g_strsplit (text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 33);
  g_assert_cmpstr (lines[32], ==, "");

  remove_dir (dir);
}

static guint
count_entries (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

/* A path that cannot be written gives an error naming it, and whatever
 * was there stays as it was; a successful save leaves no temporary file. */
static void
test_atomic_write (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *existing = g_build_filename (dir, "existing.zma", NULL);
  g_autofree char *below_file = g_build_filename (existing, "child.zma", NULL);
  g_autofree char *locked_dir = g_build_filename (dir, "locked", NULL);
  g_autofree char *locked_file = g_build_filename (locked_dir, "kept.zma", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (existing, "old\n", -1, NULL));

  /* A file where a folder should be: not even root can write there. */
  g_assert_false (hr_export_save (below_file, "new\n", 4, &error));
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "Could not write “"));
  g_assert_nonnull (strstr (error->message, "child.zma"));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old\n");
  g_clear_pointer (&contents, g_free);

  g_assert_true (hr_export_save (existing, "new\n", 4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "new\n");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  /* A folder without write permission: GIO cannot make its temporary
   * file, so the old file must survive. Root ignores permissions. */
  g_assert_cmpint (g_mkdir (locked_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (locked_file, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (locked_dir, 0500), ==, 0);
  if (geteuid () != 0)
    {
      g_assert_false (hr_export_save (locked_file, "new\n", 4, &error));
      g_assert_nonnull (strstr (error->message, "kept.zma"));
      g_clear_error (&error);
      g_assert_true (g_file_get_contents (locked_file, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "old\n");
      g_assert_cmpuint (count_entries (locked_dir), ==, 1);
    }
  else
    g_test_message ("running as root: the read-only folder case is skipped");

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/zma-round-trip", test_zma_round_trip);
  g_test_add_func ("/export/zma-refuses-bad-frequencies", test_zma_refuses_bad_frequencies);
  g_test_add_func ("/export/sweep-csv-one-writer", test_sweep_csv_one_writer);
  g_test_add_func ("/export/atomic-write", test_atomic_write);

  return g_test_run ();
}
