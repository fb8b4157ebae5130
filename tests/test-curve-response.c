/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-curve-import.h"

/* Frequency responses as people have them: the real files in
 * tests/data/curves/real (where they come from is in
 * tests/data/curves/PROVENANCE.md), synthetic files in the grammar of
 * those that could not be copied, and the variants a format allows
 * (delimiters, decimal commas, CRLF, a byte order mark) built in memory.
 * The values checked were read off the files by hand. */

static char *
curve_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "curves", name, NULL);
}

static HrResponseCurve *
load_response (const char *name)
{
  g_autofree char *path = curve_file (name);
  g_autoptr(GError) error = NULL;
  HrResponseCurve *curve = hr_curve_load_response (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (curve);
  return curve;
}

static HrResponseCurve *
parse_response (const char *text,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  HrResponseCurve *curve = hr_curve_parse_response (text, strlen (text), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (curve);
  return curve;
}

static void
assert_parse_error (const char   *text,
                    const char   *name,
                    HrCurveError  code,
                    const char   *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrResponseCurve) curve = hr_curve_parse_response (text, strlen (text), name, &error);

  g_assert_null (curve);
  g_assert_error (error, HR_CURVE_ERROR, (int) code);
  g_assert_cmpstr (error->message, ==, message);
}

/* The point at exactly @freq_hz, as the file writes it. */
static const HrCurveLevelPoint *
point_at (const HrResponseCurve *curve,
          double                 freq_hz)
{
  for (guint i = 0; i < curve->n_points; i++)
    if (curve->points[i].freq_hz == freq_hz)
      return &curve->points[i];

  g_error ("no point at %g Hz", freq_hz);
}

static void
assert_level_at (const HrResponseCurve *curve,
                 double                 freq_hz,
                 double                 level_db,
                 double                 phase_deg)
{
  const HrCurveLevelPoint *point = point_at (curve, freq_hz);

  g_assert_cmpfloat (point->level_db, ==, level_db);
  g_assert_cmpfloat (point->phase_deg, ==, phase_deg);
}

/* What every importer promises of a response: frequencies rising, values
 * finite. */
static void
assert_well_formed (const HrResponseCurve *curve)
{
  g_assert_cmpuint (curve->n_points, >, 0);
  for (guint i = 0; i < curve->n_points; i++)
    {
      g_assert_true (isfinite (curve->points[i].freq_hz));
      g_assert_true (isfinite (curve->points[i].level_db));
      g_assert_true (isfinite (curve->points[i].phase_deg));
      g_assert_cmpfloat (curve->points[i].freq_hz, >, 0.0);
      if (i > 0)
        g_assert_cmpfloat (curve->points[i].freq_hz, >, curve->points[i - 1].freq_hz);
      if (!curve->has_phase)
        g_assert_cmpfloat (curve->points[i].phase_deg, ==, 0.0);
    }
}

static void
test_autoeq_measurements (void)
{
  g_autoptr(HrResponseCurve) hd650 = load_response ("real/Sennheiser HD 650.csv");
  g_autoptr(HrResponseCurve) k240 = load_response ("real/AKG K240 MKII.csv");

  /* AutoEq's 1.01-step grid with 2-decimal frequencies, 20 to 19955.54 Hz. */
  assert_well_formed (hd650);
  g_assert_cmpuint (hd650->n_points, ==, 695);
  g_assert_false (hd650->has_phase);
  g_assert_cmpuint (hd650->warnings->len, ==, 0);
  assert_level_at (hd650, 20.0, -6.91, 0.0);
  assert_level_at (hd650, 1008.44, 0.05, 0.0);
  assert_level_at (hd650, 19955.54, -12.57, 0.0);

  /* Reference Audio Analyzer's whole hertz, with the gaps rounding
   * leaves (102 then 104) and a "-0.00". */
  assert_well_formed (k240);
  g_assert_cmpuint (k240->n_points, ==, 613);
  assert_level_at (k240, 102.0, 2.02, 0.0);
  g_assert_cmpfloat (point_at (k240, 102.0)[1].freq_hz, ==, 104.0);
  assert_level_at (k240, 981.0, 0.0, 0.0);
  assert_level_at (k240, 20000.0, -22.38, 0.0);
}

static void
test_autoeq_results (void)
{
  /* The current AutoEq order, with empty columns dropped as to_dict()
   * does: raw is third here, second in the real file below. */
  static const char reordered[] =
    "frequency,smoothed,raw,error,target\n"
    "20.00,-9.00,-10.50,-9.55,-0.98\n"
    "1000.00,0.25,0.50,0.10,0.40\n";
  static const char no_raw[] = "frequency,smoothed,target\n20.00,-9.00,-0.98\n";
  g_autoptr(HrResponseCurve) jbl = load_response ("real/JBL Tune 720BT (Filk).csv");
  g_autoptr(HrResponseCurve) curve = NULL;

  /* "raw", not the smoothed, error or target columns next to it. */
  assert_well_formed (jbl);
  g_assert_cmpuint (jbl->n_points, ==, 695);
  g_assert_false (jbl->has_phase);
  assert_level_at (jbl, 20.0, -10.53, 0.0);
  assert_level_at (jbl, 9944.14, -2.78, 0.0);
  assert_level_at (jbl, 19955.54, -4.79, 0.0);

  curve = parse_response (reordered, "results.csv");
  g_assert_cmpuint (curve->n_points, ==, 2);
  assert_level_at (curve, 20.0, -10.5, 0.0);
  assert_level_at (curve, 1000.0, 0.5, 0.0);

  assert_parse_error (no_raw, "results.csv", HR_CURVE_ERROR_MISSING_COLUMN,
                      "results.csv:1: no “raw” column in the header");
}

static void
test_rew_export (void)
{
  g_autoptr(HrResponseCurve) dt200 = load_response ("real/AudioSense DT200 L.txt");

  /* REW V5.20.13: 14 "*" lines, TAB, from 1 Hz on a rounded 1/48 octave. */
  assert_well_formed (dt200);
  g_assert_cmpuint (dt200->n_points, ==, 688);
  g_assert_true (dt200->has_phase);
  g_assert_cmpuint (dt200->warnings->len, ==, 0);
  assert_level_at (dt200, 1.0, 81.955, -133.5772);
  assert_level_at (dt200, 1000.0, 93.399, 19.8091);
  assert_level_at (dt200, 19750.0, 82.527, -23.101);
}

typedef struct
{
  const char *what;
  const char *delimiter;
  gboolean    decimal_comma;
  const char *line_end;
} RewVariant;

/* REW's export dialog offers its delimiters, and "Use REW export number
 * format" unticked writes the locale's decimal comma. The same three
 * points must come out of each. */
static void
test_rew_variants (void)
{
  static const RewVariant variants[] = {
    { "tab", "\t", FALSE, "\n" },
    { "space", " ", FALSE, "\n" },
    { "comma", ",", FALSE, "\n" },
    { "comma and space", ", ", FALSE, "\n" },
    { "semicolon, decimal comma", ";", TRUE, "\n" },
    { "tab, decimal comma", "\t", TRUE, "\n" },
    { "space, decimal comma, CRLF", " ", TRUE, "\r\n" },
    { "comma and space, CRLF", ", ", FALSE, "\r\n" },
  };
  static const char *const rows[][3] = {
    { "20.000000", "81.955", "-133.5772" },
    { "1000.000000", "93.399", "19.8091" },
    { "19750.000000", "82.527", "-23.1010" },
  };

  for (guint v = 0; v < G_N_ELEMENTS (variants); v++)
    {
      const RewVariant *variant = &variants[v];
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(HrResponseCurve) curve = NULL;

      g_test_message ("REW export with %s", variant->what);
      g_string_append_printf (text, "* Measurement data measured by REW V5.20.13%s", variant->line_end);
      g_string_append_printf (text, "* Note: %s", variant->line_end);
      g_string_append_printf (text, "* Smoothing: 1/24 octave%s*%s", variant->line_end, variant->line_end);
      g_string_append_printf (text, "* Freq(Hz)%sSPL(dB)%sPhase(degrees)%s",
                              variant->delimiter, variant->delimiter, variant->line_end);
      for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
        {
          for (guint c = 0; c < 3; c++)
            {
              g_autofree char *number = g_strdup (rows[r][c]);

              if (variant->decimal_comma)
                g_strdelimit (number, ".", ',');
              g_string_append_printf (text, "%s%s", c > 0 ? variant->delimiter : "", number);
            }
          g_string_append (text, variant->line_end);
        }

      curve = parse_response (text->str, "export.txt");
      assert_well_formed (curve);
      g_assert_cmpuint (curve->n_points, ==, 3);
      g_assert_true (curve->has_phase);
      assert_level_at (curve, 20.0, 81.955, -133.5772);
      assert_level_at (curve, 1000.0, 93.399, 19.8091);
      assert_level_at (curve, 19750.0, 82.527, -23.101);
    }
}

static void
test_cringraph (void)
{
  g_autoptr(HrResponseCurve) b27 = load_response ("real/B27 L.txt");
  g_autoptr(HrResponseCurve) target = load_response ("real/Crinacle Target.txt");
  g_autoptr(HrResponseCurve) squig = load_response ("real/Precogvision Target.txt");
  g_autoptr(HrResponseCurve) headerless = load_response ("real/HpTF Demo Center L.txt");
  g_autoptr(HrResponseCurve) commas = NULL;

  /* AudioTools layout: a blank line, "Frequency\tdB\tUnweighted", values
   * with a trailing blank, then a text trailer, which is reported. */
  assert_well_formed (b27);
  g_assert_cmpuint (b27->n_points, ==, 480);
  g_assert_false (b27->has_phase);
  assert_level_at (b27, 19.5, 56.6, 0.0);
  assert_level_at (b27, 1004.0, 54.0, 0.0);
  assert_level_at (b27, 20000.0, 41.1, 0.0);
  g_assert_cmpuint (b27->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (b27->warnings, 0), ==,
                   "The text after the data, from line 483 on (“overall dB 0.0 dB”), was ignored.");

  /* CRLF, two empty lines, no header. */
  assert_well_formed (target);
  g_assert_cmpuint (target->n_points, ==, 480);
  assert_level_at (target, 19.5, 60.0, 0.0);
  assert_level_at (target, 1004.0, 60.824, 0.0);
  assert_level_at (target, 20000.0, 52.1121, 0.0);
  g_assert_cmpuint (target->warnings->len, ==, 0);

  /* squig.link's third column of zeros is no phase. */
  assert_well_formed (squig);
  g_assert_cmpuint (squig->n_points, ==, 481);
  g_assert_false (squig->has_phase);
  assert_level_at (squig, 20.0, 114.900002, 0.0);
  assert_level_at (squig, 1000.0, 106.203629, 0.0);
  assert_level_at (squig, 20000.0, 101.000275, 0.0);

  /* modernGraphTool: no header at all, 1/96 octave. */
  assert_well_formed (headerless);
  g_assert_cmpuint (headerless->n_points, ==, 955);
  assert_level_at (headerless, 20.290907, 86.797, 0.0);
  assert_level_at (headerless, 1001.371399, 96.164, 0.0);
  assert_level_at (headerless, 19896.974609, 92.043, 0.0);

  /* squig.link splits on commas as well as blanks. */
  commas = parse_response ("Frequency,dB\n20,86.8\n1000, 90.25\n20000,85\n", "phone L.txt");
  g_assert_cmpuint (commas->n_points, ==, 3);
  assert_level_at (commas, 20.0, 86.8, 0.0);
  assert_level_at (commas, 1000.0, 90.25, 0.0);
  assert_level_at (commas, 20000.0, 85.0, 0.0);
}

static void
test_frd (void)
{
  g_autoptr(HrResponseCurve) tweeter = load_response ("real/tweeter_raw.frd");
  g_autoptr(HrResponseCurve) spliced = load_response ("mataa-spliced.frd");
  g_autoptr(HrResponseCurve) outdoor = load_response ("mataa-outdoor.FRD");

  /* "#" comments, a phase of 0.00 throughout: traced from a datasheet. */
  assert_well_formed (tweeter);
  g_assert_cmpuint (tweeter->n_points, ==, 2000);
  g_assert_false (tweeter->has_phase);
  assert_level_at (tweeter, 10.0, 30.611, 0.0);
  assert_level_at (tweeter, 1000.79, 91.668, 0.0);
  assert_level_at (tweeter, 30000.0, 74.76, 0.0);

  /* MATAA: unwrapped phase, no final newline. */
  assert_well_formed (spliced);
  g_assert_cmpuint (spliced->n_points, ==, 6);
  g_assert_true (spliced->has_phase);
  assert_level_at (spliced, 10.0, 25.25, -550.125);
  assert_level_at (spliced, 1000.0, 88.125, -12.25);
  assert_level_at (spliced, 20000.0, 72.5, -186.625);

  /* A linear grid and a phase of -3420°. */
  assert_well_formed (outdoor);
  g_assert_cmpuint (outdoor->n_points, ==, 6);
  assert_level_at (outdoor, 72.532895, 53.25, 124.98);
  assert_level_at (outdoor, 22050.0, 78.9375, -3420.0);
}

static void
test_vituixcad (void)
{
  g_autoptr(HrResponseCurve) spl = load_response ("real/Faital12PR320-OSMC-warm_Vituix_SPL_closedbox-25L-2pi.txt");
  g_autoptr(HrResponseCurve) diffraction = load_response ("vituixcad-diffraction.txt");

  /* "Frequency [Hz]\tTotal Phase [deg]\tTotal SPL 2pi [dB]": the phase
   * comes first, and the header says so. */
  assert_well_formed (spl);
  g_assert_cmpuint (spl->n_points, ==, 623);
  g_assert_true (spl->has_phase);
  assert_level_at (spl, 5.0, 45.1421154077288, 166.730994302656);
  assert_level_at (spl, 1001.37139098098, 91.6136716171041, -27.6654373570019);
  assert_level_at (spl, 39793.9483096517, 73.9797480511575, -56.9064106289631);

  /* The diffraction tool's bare header and space-aligned columns. */
  assert_well_formed (diffraction);
  g_assert_cmpuint (diffraction->n_points, ==, 4);
  assert_level_at (diffraction, 5.0, 1.75, 0.875);
  assert_level_at (diffraction, 1000.0, 5.5, -6.75);
}

/* Excel and Notepad: a byte order mark, CRLF, a decimal comma under
 * semicolons; old Mac tools: CR alone. */
static void
test_line_ends_and_marks (void)
{
  static const char bom_crlf[] = "\xef\xbb\xbf" "frequency,raw\r\n20.00,-6.91\r\n1000.00,0.05\r\n";
  static const char cr_only[] = "* Freq(Hz) SPL(dB)\r20 80.5\r1000 90.25\r20000 70";
  static const char semicolons[] = "\xef\xbb\xbf" "Frequenz (Hz);Pegel (dB SPL)\r\n20,5;80,25\r\n1000;90,125\r\n";
  g_autoptr(HrResponseCurve) autoeq = parse_response (bom_crlf, "bom.csv");
  g_autoptr(HrResponseCurve) mac = parse_response (cr_only, "mac.txt");
  g_autoptr(HrResponseCurve) excel = parse_response (semicolons, "excel.csv");

  g_assert_cmpuint (autoeq->n_points, ==, 2);
  assert_level_at (autoeq, 20.0, -6.91, 0.0);
  assert_level_at (autoeq, 1000.0, 0.05, 0.0);

  g_assert_cmpuint (mac->n_points, ==, 3);
  assert_level_at (mac, 20000.0, 70.0, 0.0);

  g_assert_cmpuint (excel->n_points, ==, 2);
  assert_level_at (excel, 20.5, 80.25, 0.0);
  assert_level_at (excel, 1000.0, 90.125, 0.0);
}

/* Text among the data is refused with the file, the line and the text;
 * so are frequencies that do not rise, and lines of a number and text. */
static void
test_refused (void)
{
  assert_parse_error ("Frequency\tdB\n20\t80\n100\t81\noverall dB\t0.0 dB\n1000\t82\n", "phone L.txt",
                      HR_CURVE_ERROR_NOT_A_NUMBER,
                      "phone L.txt:4: text in the middle of the data: “overall dB 0.0 dB”");
  assert_parse_error ("frequency,raw\r\n20.00,1.00\r\nsee below,\r\n\r\n40.00,2.00\r\n", "m.csv",
                      HR_CURVE_ERROR_NOT_A_NUMBER,
                      "m.csv:3: text in the middle of the data: “see below,”");
  assert_parse_error ("* Freq(Hz)\tSPL(dB)\tPhase(degrees)\n20\t80\t1\n1000\t8x2\t2\n", "rew.txt",
                      HR_CURVE_ERROR_NOT_A_NUMBER, "rew.txt:3: “8x2” is not a number");
  assert_parse_error ("20 80\n200 81\n100 82\n", "order.frd",
                      HR_CURVE_ERROR_NOT_INCREASING,
                      "order.frd:3: the frequency 100 Hz is not above the previous line’s 200 Hz");
  assert_parse_error ("frequency,raw\n20.00,1.00\n20.00,1.50\n", "dup.csv",
                      HR_CURVE_ERROR_NOT_INCREASING,
                      "dup.csv:3: the frequency 20.00 Hz is not above the previous line’s 20 Hz");
  assert_parse_error ("0 80\n100 81\n", "zero.frd", HR_CURVE_ERROR_OUT_OF_RANGE,
                      "zero.frd:1: the frequency must be greater than 0 Hz, got 0");
  assert_parse_error ("20 80 1\n100 inf 2\n", "inf.frd", HR_CURVE_ERROR_NOT_A_NUMBER,
                      "inf.frd:2: “inf” is not a number");
  assert_parse_error ("20 1e999\n", "huge.frd", HR_CURVE_ERROR_NOT_A_NUMBER,
                      "huge.frd:1: “1e999” is not a number");
  assert_parse_error ("Frequency\tdB\n", "header.txt", HR_CURVE_ERROR_NO_DATA,
                      "header.txt: no data lines, only comments and headers");
  assert_parse_error ("\xef\xbb\xbf \r\n\r\n", "blank.txt", HR_CURVE_ERROR_EMPTY,
                      "blank.txt: the file is empty");
}

/* A row with "NA" is left out and counted, not taken as text. */
static void
test_missing_values (void)
{
  static const char three[] =
    "* FRD data written by MATAA\n50\tNA\tNA\n60\t80\t1\n70\tNaN\t2\n75\tn/a\tn/a\n80\t81\t3";
  g_autoptr(HrResponseCurve) curve = parse_response (three, "m.frd");

  g_assert_cmpuint (curve->n_points, ==, 2);
  assert_level_at (curve, 60.0, 80.0, 1.0);
  assert_level_at (curve, 80.0, 81.0, 3.0);
  g_assert_cmpuint (curve->warnings->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (curve->warnings, 0), ==,
                   "3 lines have no value (“NA”) and were left out, the first being line 2.");
}

static void
test_limits (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *huge = g_malloc0 (HR_CURVE_MAX_BYTES + 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrResponseCurve) curve = NULL;

  curve = hr_curve_parse_response (huge, HR_CURVE_MAX_BYTES + 1, "huge.txt", &error);
  g_assert_null (curve);
  g_assert_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  for (guint i = 1; i <= HR_CURVE_MAX_POINTS + 1; i++)
    g_string_append_printf (many, "%u 1\n", i);
  curve = hr_curve_parse_response (many->str, many->len, "many.txt", &error);
  g_assert_null (curve);
  g_assert_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "many.txt:1000001: more than 1000000 points");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/curve-response/autoeq-measurements", test_autoeq_measurements);
  g_test_add_func ("/curve-response/autoeq-results", test_autoeq_results);
  g_test_add_func ("/curve-response/rew-export", test_rew_export);
  g_test_add_func ("/curve-response/rew-variants", test_rew_variants);
  g_test_add_func ("/curve-response/cringraph", test_cringraph);
  g_test_add_func ("/curve-response/frd", test_frd);
  g_test_add_func ("/curve-response/vituixcad", test_vituixcad);
  g_test_add_func ("/curve-response/line-ends-and-marks", test_line_ends_and_marks);
  g_test_add_func ("/curve-response/refused", test_refused);
  g_test_add_func ("/curve-response/missing-values", test_missing_values);
  g_test_add_func ("/curve-response/limits", test_limits);

  return g_test_run ();
}
