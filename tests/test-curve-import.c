/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-curve-import.h"

/* Curve files as the measurement tools write them (tests/data/curves),
 * each read into points hr_impedance_new_points() accepts; every kind of
 * broken file refused with its exact message. */

static char *
curve_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "curves", name, NULL);
}

static HrImpedanceCurve *
load_impedance (const char *name)
{
  g_autofree char *path = curve_file (name);
  g_autoptr(GError) error = NULL;
  HrImpedanceCurve *curve = hr_curve_load_impedance (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (curve);
  return curve;
}

static void
assert_point (const HrImpedancePoint *point,
              double                  freq_hz,
              double                  mag_ohm,
              double                  phase_deg)
{
  g_assert_cmpfloat_with_epsilon (point->freq_hz, freq_hz, 1e-12 * freq_hz);
  g_assert_cmpfloat_with_epsilon (point->mag_ohm, mag_ohm, 1e-12 * mag_ohm);
  g_assert_cmpfloat_with_epsilon (point->phase_deg, phase_deg, 1e-12);
}

/* What an importer promises: points the model takes as they are. */
static void
assert_model_accepts (const HrImpedanceCurve *curve)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) impedance = hr_impedance_new_points (curve->points, curve->n_points, &error);

  g_assert_no_error (error);
  g_assert_nonnull (impedance);
}

static void
test_rew (void)
{
  g_autoptr(HrImpedanceCurve) tab = load_impedance ("rew-impedance.txt");
  g_autoptr(HrImpedanceCurve) comma = load_impedance ("rew-comma.txt");

  g_assert_cmpuint (tab->n_points, ==, 5);
  g_assert_true (tab->has_phase);
  g_assert_cmpuint (tab->warnings->len, ==, 0);
  assert_point (&tab->points[0], 20.0, 312.41, 12.631);
  assert_point (&tab->points[1], 100.0, 520.12, -18.204);
  assert_point (&tab->points[4], 20000.0, 352.90, 14.01);
  assert_model_accepts (tab);

  g_assert_cmpuint (comma->n_points, ==, 2);
  assert_point (&comma->points[1], 1000.0, 32.125, -1.5);
  assert_model_accepts (comma);
}

static void
test_arta_semicolon_decimal_comma (void)
{
  g_autoptr(HrImpedanceCurve) curve = load_impedance ("arta-semicolon.txt");
  g_autoptr(HrImpedanceCurve) spaces = load_impedance ("decimal-comma.zma");

  g_assert_cmpuint (curve->n_points, ==, 4);
  assert_point (&curve->points[0], 20.0, 33.21, 4.12);
  assert_point (&curve->points[1], 85.5, 97.4, -0.55);
  assert_point (&curve->points[3], 20000.0, 41.06, 21.3);
  assert_model_accepts (curve);

  g_assert_cmpuint (spaces->n_points, ==, 2);
  assert_point (&spaces->points[0], 20.5, 7.9, 0.3);
  assert_point (&spaces->points[1], 100.25, 8.125, -2.5);
}

static void
test_zma_padded_and_without_phase (void)
{
  g_autoptr(HrImpedanceCurve) padded = load_impedance ("vituixcad.zma");
  g_autoptr(HrImpedanceCurve) bare = load_impedance ("no-phase.zma");

  g_assert_cmpuint (padded->n_points, ==, 4);
  assert_point (&padded->points[0], 1.029, 7.921, -0.925);
  assert_point (&padded->points[3], 20642.546, 7.956, 0.611);

  g_assert_cmpuint (bare->n_points, ==, 3);
  g_assert_false (bare->has_phase);
  assert_point (&bare->points[1], 100.0, 48.0, 0.0);
  /* The app warns from this: the phase is an assumption, not data. */
  g_assert_cmpuint (bare->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (bare->warnings, 0), "no phase column"));
  assert_model_accepts (bare);
}

static void
test_csv_header (void)
{
  g_autoptr(HrImpedanceCurve) csv = load_impedance ("impedance.csv");
  g_autoptr(HrImpedanceCurve) reordered = load_impedance ("reordered.csv");

  g_assert_cmpuint (csv->n_points, ==, 3);
  g_assert_true (csv->has_phase);
  assert_point (&csv->points[1], 1000.0, 301.25, -2.5);
  assert_model_accepts (csv);

  /* Columns by name, in any order, with semicolons and decimal commas. */
  g_assert_cmpuint (reordered->n_points, ==, 2);
  assert_point (&reordered->points[0], 20.0, 300.5, 10.5);
  assert_point (&reordered->points[1], 1000.0, 301.25, -2.5);
}

static void
test_response_formats (void)
{
  g_autofree char *frd_path = curve_file ("response.frd");
  g_autofree char *raw_path = curve_file ("autoeq-raw.csv");
  g_autofree char *results_path = curve_file ("autoeq-results.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(HrResponseCurve) frd = hr_curve_load_response (frd_path, &error);
  g_autoptr(HrResponseCurve) raw = NULL;
  g_autoptr(HrResponseCurve) results = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (frd->n_points, ==, 3);
  g_assert_true (frd->has_phase);
  g_assert_cmpfloat (frd->points[2].level_db, ==, 90.125);
  /* A response's phase is not bounded like an impedance's. */
  g_assert_cmpfloat (frd->points[2].phase_deg, ==, -170.5);

  raw = hr_curve_load_response (raw_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (raw->n_points, ==, 3);
  g_assert_false (raw->has_phase);
  g_assert_cmpfloat (raw->points[0].level_db, ==, 5.12);
  g_assert_cmpfloat (raw->points[2].level_db, ==, -8.5);

  /* The results file: "raw" is the measurement, not "target" or "smoothed". */
  results = hr_curve_load_response (results_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->n_points, ==, 3);
  g_assert_cmpfloat (results->points[0].level_db, ==, 5.12);
  g_assert_cmpfloat (results->points[2].freq_hz, ==, 20000.0);
  g_assert_cmpfloat (results->points[2].level_db, ==, -8.5);
}

/* VituixCAD writes the phase before |Z|, and says so in its header;
 * MATAA stores impedance in .frd files that open with an "NA" row;
 * Speakerbench pads its columns and signs every number. */
static void
test_columns_by_header_and_missing_rows (void)
{
  g_autoptr(HrImpedanceCurve) vituixcad =
    load_impedance ("real/Faital12PR320-OSMC-warm_Vituix_Impedance_closedbox-25L.txt");
  g_autoptr(HrImpedanceCurve) mataa = load_impedance ("mataa_driver_impedance.frd");
  g_autoptr(HrImpedanceCurve) speakerbench = load_impedance ("speakerbench.zma");

  g_assert_cmpuint (vituixcad->n_points, ==, 623);
  g_assert_true (vituixcad->has_phase);
  g_assert_cmpuint (vituixcad->warnings->len, ==, 0);
  assert_point (&vituixcad->points[0], 5.0, 5.5370526651126, 4.4428952664091);
  assert_point (&vituixcad->points[367], 1001.37139098098, 9.14751737834136, 27.9204253437449);
  assert_point (&vituixcad->points[622], 39793.9483096517, 69.0528879752254, 56.9127612830689);
  assert_model_accepts (vituixcad);

  g_assert_cmpuint (mataa->n_points, ==, 5);
  assert_point (&mataa->points[0], 50.603966, 7.375, 12.25);
  assert_point (&mataa->points[4], 20000.0, 28.75, 46.375);
  g_assert_cmpuint (mataa->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (mataa->warnings, 0), ==,
                   "Line 3 has no value (“NA”) and was left out.");
  assert_model_accepts (mataa);

  g_assert_cmpuint (speakerbench->n_points, ==, 4);
  assert_point (&speakerbench->points[1], 100.0, 31.5, -12.25);
  assert_point (&speakerbench->points[3], 20000.0, 27.1875, 48.125);
  assert_model_accepts (speakerbench);
}

/* Text after the data is left, and said so; text with data after it is
 * an error on its line. */
static void
test_text_after_and_amid_data (void)
{
  static const char trailer[] = "20 32.1 1.0\n100 40.2 5.0\n\nsaved\t--/-/--, --:-- AM\npeak\t0.0Hz\n";
  static const char amid[] = "20 32.1 1.0\nsaved\t--/-/--\n100 40.2 5.0\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedanceCurve) curve = hr_curve_parse_zma (trailer, strlen (trailer), "t.zma", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (curve->n_points, ==, 2);
  g_assert_cmpuint (curve->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (curve->warnings, 0), ==,
                   "The text after the data, from line 4 on (“saved --/-/--, --:-- AM”), was ignored.");
  g_clear_pointer (&curve, hr_impedance_curve_free);

  curve = hr_curve_parse_zma (amid, strlen (amid), "t.zma", &error);
  g_assert_null (curve);
  g_assert_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_NOT_A_NUMBER);
  g_assert_cmpstr (error->message, ==, "t.zma:2: text in the middle of the data: “saved --/-/--”");
}

typedef struct
{
  const char   *file;
  HrCurveError  code;
  const char   *message;
} BrokenCase;

static void
test_broken_files (void)
{
  static const BrokenCase cases[] = {
    { "bad-text.zma", HR_CURVE_ERROR_NOT_A_NUMBER, "bad-text.zma:4: “abc” is not a number" },
    { "bad-order.zma", HR_CURVE_ERROR_NOT_INCREASING,
      "bad-order.zma:3: the frequency 100 Hz is not above the previous line’s 200 Hz" },
    { "bad-negative.zma", HR_CURVE_ERROR_OUT_OF_RANGE,
      "bad-negative.zma:2: |Z| must be greater than 0 Ω, got -4.5" },
    { "bad-columns.zma", HR_CURVE_ERROR_TOO_FEW_COLUMNS,
      "bad-columns.zma:3: too few columns: expected frequency, magnitude and phase as on the lines before, found 2" },
    { "bad-phase.zma", HR_CURVE_ERROR_OUT_OF_RANGE,
      "bad-phase.zma:2: the phase must be between -90° and 90° for headphones, got 120°" },
    { "empty.zma", HR_CURVE_ERROR_EMPTY, "empty.zma: the file is empty" },
    { "comments-only.zma", HR_CURVE_ERROR_NO_DATA,
      "comments-only.zma: no data lines, only comments and headers" },
    { "bad-header.csv", HR_CURVE_ERROR_MISSING_COLUMN,
      "bad-header.csv:1: no impedance column in the header: expected one named impedance, |Z|, magnitude or ohm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = curve_file (cases[i].file);
      g_autoptr(GError) error = NULL;
      g_autoptr(HrImpedanceCurve) curve = hr_curve_load_impedance (path, &error);

      g_assert_null (curve);
      g_assert_error (error, HR_CURVE_ERROR, (int) cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }

  {
    g_autofree char *path = curve_file ("autoeq-noraw.csv");
    g_autoptr(GError) error = NULL;
    g_autoptr(HrResponseCurve) curve = hr_curve_load_response (path, &error);

    g_assert_null (curve);
    g_assert_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_MISSING_COLUMN);
    g_assert_cmpstr (error->message, ==, "autoeq-noraw.csv:1: no “raw” column in the header");
  }
}

/* Straight from memory, as the fuzzer feeds them: the one-column line, a
 * number with junk, a header-only CSV, and a missing file. */
static void
test_edge_cases (void)
{
  static const char one_column[] = "* x\n20\n";
  static const char junk[] = "20 32.1 1.0\n100 1e5x 2\n";
  static const char header_only[] = "frequency,raw\n";
  static const char headerless_autoeq[] = "20,1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedanceCurve) curve = NULL;
  g_autoptr(HrResponseCurve) response = NULL;

  curve = hr_curve_parse_zma (one_column, strlen (one_column), "mem.zma", &error);
  g_assert_null (curve);
  g_assert_cmpstr (error->message, ==, "mem.zma:2: too few columns: expected frequency and |Z|, found 1");
  g_clear_error (&error);

  curve = hr_curve_parse_zma (junk, strlen (junk), "mem.zma", &error);
  g_assert_cmpstr (error->message, ==, "mem.zma:2: “1e5x” is not a number");
  g_clear_error (&error);

  response = hr_curve_parse_autoeq (header_only, strlen (header_only), "mem.csv", &error);
  g_assert_null (response);
  g_assert_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_NO_DATA);
  g_clear_error (&error);

  response = hr_curve_parse_autoeq (headerless_autoeq, strlen (headerless_autoeq), "mem.csv", &error);
  g_assert_cmpstr (error->message, ==, "mem.csv:1: the first line is not a header: expected “frequency,raw”");
  g_clear_error (&error);

  curve = hr_curve_load_impedance ("/nonexistent/curve.zma", &error);
  g_assert_null (curve);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curve-import/rew", test_rew);
  g_test_add_func ("/curve-import/arta-semicolon-decimal-comma", test_arta_semicolon_decimal_comma);
  g_test_add_func ("/curve-import/zma-padded-and-without-phase", test_zma_padded_and_without_phase);
  g_test_add_func ("/curve-import/csv-header", test_csv_header);
  g_test_add_func ("/curve-import/columns-by-header-and-missing-rows", test_columns_by_header_and_missing_rows);
  g_test_add_func ("/curve-import/text-after-and-amid-data", test_text_after_and_amid_data);
  g_test_add_func ("/curve-import/response-formats", test_response_formats);
  g_test_add_func ("/curve-import/broken-files", test_broken_files);
  g_test_add_func ("/curve-import/edge-cases", test_edge_cases);

  return g_test_run ();
}
