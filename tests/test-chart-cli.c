/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>

#include "hr-cli.h"
#include "hr-cli-export.h"
#include "hr-curve-import.h"
#include "test-png.h"

/* `headroom-cli export`, called in-process through hr_cli_export() until
 * the dispatcher in hr-cli.c routes to it: exit codes, the files written,
 * and what is left of an existing file when writing fails. */

static char *tmp_dir;

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

static char *
out_file (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* argv[0] is "export", as the dispatcher passes it. */
static int
run_export (const char *first,
            ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (gpointer) "export");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  return hr_cli_export ((int) args->len - 1, (char **) args->pdata);
}

static void
test_png_from_files (void)
{
  g_autofree char *hp = data_file ("hp-hd600.json");
  g_autofree char *source = data_file ("source-iec.json");
  g_autofree char *png = out_file ("files.png");
  cairo_surface_t *image;

  g_assert_cmpint (run_export ("--headphone-file", hp, "--source-file", source, "--spl", "100",
                               "--width", "900", "--height", "600", "--theme", "dark", "-o", png, NULL),
                   ==, HR_CLI_EXIT_SUCCESS);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 600);
  cairo_surface_destroy (image);
}

static void
test_verdict (void)
{
  g_autofree char *png = out_file ("verdict.png");

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "-o", png, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_cmpuint (test_png_count_color (png, 160, TEST_CAVEATS_RGB), >, 100);
  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "--no-verdict", "-o", png, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_cmpuint (test_png_count_color (png, 160, TEST_CAVEATS_RGB), ==, 0);
}

static void
test_csv_zout_and_presets (void)
{
  g_autofree char *hp = data_file ("hp-resistor-32.json");
  g_autofree char *csv_path = out_file ("data.csv");
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) header = NULL;

  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--points", "50",
                               "-o", csv_path, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 52);
  header = g_strsplit (lines[0], ",", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 11);
  g_assert_cmpstr (header[0], ==, "freq_hz");
  g_assert_nonnull (strstr (header[1], "z_mag_ohm"));
  /* The zout_ohm column: 10 Ω at every frequency. */
  g_assert_nonnull (strstr (header[3], "zout_ohm"));
  {
    g_auto(GStrv) row = g_strsplit (lines[1], ",", -1);

    g_assert_cmpstr (row[0], ==, "20");
    g_assert_cmpstr (row[3], ==, "10");
  }

  /* With presets: two more configurations, thirty more columns. */
  g_clear_pointer (&csv, g_free);
  g_clear_pointer (&lines, g_strfreev);
  g_clear_pointer (&header, g_strfreev);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--points", "50",
                               "--compare", "sennheiser-hd-650:schiit-magni-2",
                               "--compare", "akg-k701:rme-fireface-800:line",
                               "-o", csv_path, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  /* Labels are quoted and may hold commas: count the columns by name. */
  header = g_strsplit (lines[0], "z_mag_ohm\"", -1);
  g_assert_cmpuint (g_strv_length (header), ==, 3 + 1);
  g_assert_nonnull (strstr (lines[0], "HD 650 on Magni 2 · "));
  g_assert_nonnull (strstr (lines[0], "K701 on Fireface 800 · Line out"));
}

/* --chart response needs a response; --fr gives one, to the first
 * configuration and to a --compare with the same headphones, whose
 * line is then drawn too; the CSV gets their response columns. */
static void
test_response (void)
{
  g_autofree char *fr = g_test_build_filename (G_TEST_DIST, "data", "curves", "real", "Sennheiser HD 650.csv", NULL);
  g_autofree char *png = out_file ("response.png");
  g_autofree char *csv_path = out_file ("response.csv");
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) fr_columns = NULL;

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--zout", "10", "--chart", "response",
                               "-o", png, NULL), ==, HR_CLI_EXIT_BAD_INPUT);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--zout", "10", "--chart", "response",
                               "--fr", fr, "--compare", "sennheiser-hd-650:rme-fireface-800:line",
                               "--no-verdict", "-o", png, NULL), ==, HR_CLI_EXIT_SUCCESS);
  /* Both lines: the first's blue and the second's dashed vermillion,
   * seen where the 75 Ω output lifts the bass (the legend's sample
   * alone is 15 pixels). */
  g_assert_cmpuint (test_png_count_color (png, 1000, 0x0072B2), >, 2000);
  g_assert_cmpuint (test_png_count_color (png, 1000, 0xD55E00), >, 150);

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--zout", "10", "--points", "50", "--fr", fr,
                               "--compare", "sennheiser-hd-650:rme-fireface-800:line",
                               "--compare", "akg-k701:rme-fireface-800:line",
                               "-o", csv_path, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  lines = g_strsplit (csv, "\n", -1);
  /* Two configurations with a response, the K701 without. */
  fr_columns = g_strsplit (lines[0], ": fr_pred_db\"", -1);
  g_assert_cmpuint (g_strv_length (fr_columns), ==, 2 + 1);
  g_assert_nonnull (strstr (lines[0], "\"HD 650 on a 10 Ω source: fr_db\""));
  g_assert_null (strstr (lines[0], "K701 on Fireface 800 · Line out: fr_db"));
}

/* A .zma of the impedance the source sees: the headphones behind the
 * cable and the adapter's series resistor, read back as REW would. */
static void
test_zma (void)
{
  g_autofree char *hp = data_file ("hp-resistor-32.json");
  g_autofree char *zma = out_file ("seen.zma");
  g_autofree char *text = NULL;
  g_autoptr(HrImpedanceCurve) curve = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--cable", "2", "--adapter-series", "1",
                               "--points", "40", "-o", zma, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (zma, &text, &length, NULL));
  curve = hr_curve_parse_zma (text, length, "seen.zma", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (curve->n_points, ==, 40);
  g_assert_cmpfloat_with_epsilon (curve->points[0].freq_hz, 20.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (curve->points[39].freq_hz, 20000.0, 1e-6);
  for (guint i = 0; i < curve->n_points; i++)
    g_assert_cmpfloat_with_epsilon (curve->points[i].mag_ohm, 32.0 + 2.0 + 1.0, 1e-6);

  /* One configuration only; an unwritable place leaves nothing. */
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--compare", "akg-k701:rme-fireface-800",
                               "-o", zma, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "-o", "/nonexistent/dir/seen.zma", NULL),
                   ==, HR_CLI_EXIT_BAD_INPUT);
}

/* export --comparison: the configuration and the pins it shows, under
 * their names, on the chart it was saved showing; the hidden pin is not
 * drawn. */
static void
test_comparison (void)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "data", "comparisons", "fireface-hd650.headroom", NULL);
  g_autofree char *png = out_file ("comparison.png");
  g_autofree char *csv_path = out_file ("comparison.csv");
  g_autofree char *csv = NULL;

  g_assert_cmpint (run_export ("--comparison", file, "--no-verdict", "-o", png, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_cmpuint (test_png_count_color (png, 1000, 0x0072B2), >, 2000);
  g_assert_cmpuint (test_png_count_color (png, 1000, 0xD55E00), >, 500);
  g_assert_cmpuint (test_png_count_color (png, 1000, 0x009E73), ==, 0);

  g_assert_cmpint (run_export ("--comparison", file, "--points", "20", "-o", csv_path, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (csv_path, &csv, NULL, NULL));
  g_assert_nonnull (strstr (csv, "\"On my own amp: z_mag_ohm\""));
  g_assert_null (strstr (csv, "Hidden"));

  g_assert_cmpint (run_export ("--comparison", file, "--headphone", "akg-k701", "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
}

static void
test_pdf_svg (void)
{
  g_autofree char *hp = data_file ("hp-dynamic-32.json");
  g_autofree char *source = data_file ("source-limited.json");
  g_autofree char *pdf = out_file ("chart.pdf");
  g_autofree char *svg = out_file ("chart.svg");
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_export ("--headphone-file", hp, "--source-file", source, "-o", pdf, NULL),
                   ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (run_export ("--headphone-file", hp, "--source-file", source,
                               "--chart", "spl", "-o", svg, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
}

/* --chart circuit: the circuit with its figures, in each format; --freq
 * moves where they are read; what does not go with a drawing is a usage
 * error, and leaves no file. */
static void
test_circuit (void)
{
  static const char *const names[] = { "circuit.png", "circuit.svg", "circuit.pdf" };
  g_autofree char *hp = data_file ("hp-hd600.json");
  g_autofree char *source = data_file ("source-iec.json");
  g_autofree char *csv = out_file ("circuit.csv");
  g_autofree char *png = out_file ("circuit-usage.png");

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = out_file (names[i]);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_cmpint (run_export ("--headphone-file", hp, "--source-file", source, "--spl", "95",
                                   "--cable", "0.5", "--adapter-series", "47", "--adapter-shunt", "10",
                                   "--chart", "circuit", "--freq", i == 0 ? "1000" : "50",
                                   "--width", "800", "--height", "400", "-o", path, NULL),
                       ==, HR_CLI_EXIT_SUCCESS);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (length, >, 1000);
      if (i == 0)
        {
          cairo_surface_t *image = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (image), ==, 800);
          g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
          cairo_surface_destroy (image);
        }
      else if (i == 1)
        g_assert_nonnull (strstr (contents, "<svg"));
      else
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
    }
  /* Presets, the dark theme and --freq's units. */
  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "--chart", "circuit", "--freq", "2.5k", "--theme", "dark",
                               "-o", png, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_cmpint (g_unlink (png), ==, 0);

  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--chart", "circuit", "-o", csv, NULL),
                   ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--freq", "50", "-o", png, NULL),
                   ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--chart", "circuit", "--freq", "loud",
                               "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--chart", "circuit", "--freq", "0",
                               "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "10", "--chart", "circuit",
                               "--compare", "akg-k701:rme-fireface-800", "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_false (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

/* --annotate: the reasons' numbered markers on the charts, in the
 * accent's blue, which nothing else draws, and the reasons as a caption,
 * text as text in a PDF. */
static void
test_annotate (void)
{
  g_autofree char *png = out_file ("annotated.png");
  g_autofree char *pdf = out_file ("annotated.pdf");
  g_autofree char *svg = out_file ("annotated.svg");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *contents = NULL;

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "--spl", "110", "--no-verdict", "-o", png, NULL),
                   ==, HR_CLI_EXIT_SUCCESS);
  g_assert_cmpuint (test_png_count_color (png, 1000, TEST_ACCENT_BG_RGB), ==, 0);
  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "--spl", "110", "--annotate", "-o", png, NULL),
                   ==, HR_CLI_EXIT_SUCCESS);
  g_assert_cmpuint (test_png_count_color (png, 1000, TEST_ACCENT_BG_RGB), >, 300);

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "--spl", "110", "--annotate", "--theme", "dark",
                               "-o", svg, NULL), ==, HR_CLI_EXIT_SUCCESS);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));

  g_assert_cmpint (run_export ("--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800",
                               "--output", "line", "--spl", "110", "--annotate", "-o", pdf, NULL),
                   ==, HR_CLI_EXIT_SUCCESS);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-raw", pdf, "-", NULL };
      g_autofree char *text = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &text, NULL, &status, NULL));
      /* The caption: every reason, not above the charts but under them. */
      g_assert_nonnull (strstr (text, "Only 7.9 dB of headroom"));
      g_assert_nonnull (strstr (text, "The bass resonance at 100 Hz rises 0.6 dB"));
      g_assert_nonnull (strstr (text, "Frequency (Hz)"));
      g_assert_cmpint (strstr (text, "Only 7.9 dB") - text, >, strstr (text, "Frequency (Hz)") - text);
    }
}

static void
test_usage_errors (void)
{
  g_autofree char *hp = data_file ("hp-resistor-32.json");
  g_autofree char *png = out_file ("usage.png");

  g_assert_cmpint (run_export ("--headphone-file", hp, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "-o", "chart.jpeg", NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--chart", "bode", "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--theme", "sepia", "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--width", "12abc", "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--compare", "nocolon", "-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("--no-such-option", NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_cmpint (run_export ("-o", png, NULL), ==, HR_CLI_EXIT_USAGE);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static void
test_bad_input (void)
{
  g_autofree char *hp = data_file ("hp-resistor-32.json");
  g_autofree char *bad = data_file ("bad-re.json");
  g_autofree char *png = out_file ("bad.png");
  g_autofree char *missing_dir = g_build_filename (tmp_dir, "no-such-dir", "chart.png", NULL);

  g_assert_cmpint (run_export ("--headphone-file", bad, "-o", png, NULL), ==, HR_CLI_EXIT_BAD_INPUT);
  g_assert_cmpint (run_export ("--headphone", "no-such-headphone", "-o", png, NULL), ==, HR_CLI_EXIT_BAD_INPUT);
  g_assert_cmpint (run_export ("--headphone-file", hp, "--compare", "no-such:thing", "-o", png, NULL),
                   ==, HR_CLI_EXIT_BAD_INPUT);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_export ("--headphone-file", hp, "-o", missing_dir, NULL), ==, HR_CLI_EXIT_BAD_INPUT);
}

/* A failed export leaves the file that was there before as it was. */
static void
test_existing_file_kept (void)
{
  g_autofree char *hp = data_file ("hp-resistor-32.json");
  g_autofree char *png = out_file ("kept.png");
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (png, "precious", -1, NULL));
  g_assert_cmpint (run_export ("--headphone-file", hp, "--zout", "-1", "-o", png, NULL), ==, HR_CLI_EXIT_BAD_INPUT);
  g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
}

static void
test_help (void)
{
  if (g_test_subprocess ())
    {
      g_assert_cmpint (run_export ("--help", NULL), ==, HR_CLI_EXIT_SUCCESS);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*--compare*--chart*--theme*-o, --output-file*Exit status*");
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  tmp_dir = g_dir_make_tmp ("hr-cli-export-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/cli-export/png-from-files", test_png_from_files);
  g_test_add_func ("/cli-export/csv-zout-and-presets", test_csv_zout_and_presets);
  g_test_add_func ("/cli-export/pdf-svg", test_pdf_svg);
  g_test_add_func ("/cli-export/response", test_response);
  g_test_add_func ("/cli-export/zma", test_zma);
  g_test_add_func ("/cli-export/comparison", test_comparison);
  g_test_add_func ("/cli-export/verdict", test_verdict);
  g_test_add_func ("/cli-export/circuit", test_circuit);
  g_test_add_func ("/cli-export/annotate", test_annotate);
  g_test_add_func ("/cli-export/usage-errors", test_usage_errors);
  g_test_add_func ("/cli-export/bad-input", test_bad_input);
  g_test_add_func ("/cli-export/existing-file-kept", test_existing_file_kept);
  g_test_add_func ("/cli-export/help", test_help);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);

        g_unlink (path);
      }
    g_rmdir (tmp_dir);
    g_free (tmp_dir);
  }
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
