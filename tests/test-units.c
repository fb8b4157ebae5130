/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-core.h"

/* Figures as spec sheets print them and people type them (hr-units.c):
 * what the app's entries and headroom-cli's options read. */

static void
test_parse (void)
{
  struct { const char *text; HrUnit unit; gboolean ok; double value; } cases[] = {
    { "4.7k", HR_UNIT_OHM, TRUE, 4700.0 },
    { "470 ohm", HR_UNIT_OHM, TRUE, 470.0 },
    { "470 Ohms", HR_UNIT_OHM, TRUE, 470.0 },
    { "2 Ω", HR_UNIT_OHM, TRUE, 2.0 },
    { "2Ω", HR_UNIT_OHM, TRUE, 2.0 },
    { " 0,5 ", HR_UNIT_OHM, TRUE, 0.5 },
    { "10 mΩ", HR_UNIT_OHM, TRUE, 0.01 },
    { "4.7 kΩ", HR_UNIT_OHM, TRUE, 4700.0 },
    /* U+2126 OHM SIGN, which some keyboards type and spec sheets hold. */
    { "2 \u2126", HR_UNIT_OHM, TRUE, 2.0 },
    { "4.7k\u2126", HR_UNIT_OHM, TRUE, 4700.0 },
    /* U+03A9 GREEK CAPITAL LETTER OMEGA, written as such. */
    { "32\u03a9", HR_UNIT_OHM, TRUE, 32.0 },
    { "1M", HR_UNIT_OHM, TRUE, 1e6 },
    { "33", HR_UNIT_OHM, TRUE, 33.0 },
    { "85 dB", HR_UNIT_DB_SPL, TRUE, 85.0 },
    { "92.5 dB SPL", HR_UNIT_DB_SPL, TRUE, 92.5 },
    { "90", HR_UNIT_DB_SPL, TRUE, 90.0 },
    { "", HR_UNIT_OHM, FALSE, 0 },
    { "k", HR_UNIT_OHM, FALSE, 0 },
    { "abc", HR_UNIT_OHM, FALSE, 0 },
    { "4.7x", HR_UNIT_OHM, FALSE, 0 },
    { "4.7 dB", HR_UNIT_OHM, FALSE, 0 },
    { "85 ohm", HR_UNIT_DB_SPL, FALSE, 0 },
    { "85k dB", HR_UNIT_DB_SPL, FALSE, 0 },
    { "inf", HR_UNIT_OHM, FALSE, 0 },
    { "nan", HR_UNIT_OHM, FALSE, 0 },
    /* The gear forms' units: prefixes only where the unit is kept whole. */
    { "1.2 kHz", HR_UNIT_HERTZ, TRUE, 1200.0 },
    { "85Hz", HR_UNIT_HERTZ, TRUE, 85.0 },
    { "7,2 V", HR_UNIT_VOLT, TRUE, 7.2 },
    { "7.2 Vrms", HR_UNIT_VOLT, TRUE, 7.2 },
    { "150 mA", HR_UNIT_MILLIAMP, TRUE, 150.0 },
    { "470 µF", HR_UNIT_MICROFARAD, TRUE, 470.0 },
    { "470uF", HR_UNIT_MICROFARAD, TRUE, 470.0 },
    { "0.05 mH", HR_UNIT_MILLIHENRY, TRUE, 0.05 },
    { "200 mW", HR_UNIT_MILLIWATT, TRUE, 200.0 },
    { "-3", HR_UNIT_DB, TRUE, -3.0 },
    { "3.2", HR_UNIT_NUMBER, TRUE, 3.2 },
    { "1 W", HR_UNIT_MILLIWATT, FALSE, 0 },
    { "150 A", HR_UNIT_MILLIAMP, FALSE, 0 },
    { "3.2 Ω", HR_UNIT_NUMBER, FALSE, 0 },
    { "2k V", HR_UNIT_VOLT, FALSE, 0 },
    /* Voltages as sheets print them: 0 dBu is 0.7746 Vrms. */
    { "+18dBu", HR_UNIT_VOLT, TRUE, 0.774597 * 7.943282347242815 },
    { "+18 dBu", HR_UNIT_VOLT, TRUE, 0.774597 * 7.943282347242815 },
    { "0 dBu", HR_UNIT_VOLT, TRUE, 0.774597 },
    { "-95 dBu", HR_UNIT_VOLT, TRUE, 0.774597 * 1.7782794100389228e-05 },
    { "+4dBV", HR_UNIT_VOLT, TRUE, 1.5848931924611136 },
    { "-10 dBV", HR_UNIT_VOLT, TRUE, 0.31622776601683794 },
    { "500 mV", HR_UNIT_VOLT, TRUE, 0.5 },
    { "5 µV", HR_UNIT_VOLT, TRUE, 5e-6 },
    { "5uV", HR_UNIT_VOLT, TRUE, 5e-6 },
    { "5 μV", HR_UNIT_VOLT, TRUE, 5e-6 },
    /* A sine's peak and peak-to-peak. */
    { "2.828 Vpp", HR_UNIT_VOLT, TRUE, 2.828 / (2.0 * G_SQRT2) },
    { "1,414 Vp", HR_UNIT_VOLT, TRUE, 1.414 / G_SQRT2 },
    { "2 VRMS", HR_UNIT_VOLT, TRUE, 2.0 },
    { "18 dB", HR_UNIT_VOLT, FALSE, 0 },
    { "5 mA", HR_UNIT_VOLT, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double value = -1.0;
      gboolean ok = hr_units_parse (cases[i].text, cases[i].unit, &value);

      g_test_message ("“%s”", cases[i].text);
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (value, cases[i].value, 1e-9 * MAX (1e-6, fabs (cases[i].value)));
    }
}

/* Noise as a voltage, or as a dynamic range below the maximum. */
static void
test_noise (void)
{
  struct { const char *text; double vmax_vrms; gboolean ok; double noise_vrms; } cases[] = {
    { "-95 dBu", HR_UNKNOWN, TRUE, 0.774597 * pow (10.0, -95.0 / 20.0) },
    { "-101 dBV", HR_UNKNOWN, TRUE, pow (10.0, -101.0 / 20.0) },
    { "5 µV", HR_UNKNOWN, TRUE, 5e-6 },
    { "110 dB", 2.0, TRUE, 2.0 * pow (10.0, -110.0 / 20.0) },
    { "-110 dB", 2.0, TRUE, 2.0 * pow (10.0, -110.0 / 20.0) },
    { "110 dB DR", 2.0, TRUE, 2.0 * pow (10.0, -110.0 / 20.0) },
    { "110 dB SNR", 2.0, TRUE, 2.0 * pow (10.0, -110.0 / 20.0) },
    { "110 dB", HR_UNKNOWN, FALSE, 0 },
    { "loud", 2.0, FALSE, 0 },
    { "-5 V", 2.0, FALSE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      double noise_vrms = -1.0;
      gboolean ok = hr_units_parse_noise (cases[i].text, cases[i].vmax_vrms, &noise_vrms, &error);

      g_test_message ("“%s”: %s", cases[i].text, error != NULL ? error->message : "ok");
      g_assert_cmpint (ok, ==, cases[i].ok);
      if (ok)
        g_assert_cmpfloat_with_epsilon (noise_vrms, cases[i].noise_vrms, 1e-9 * cases[i].noise_vrms);
      else
        g_assert_nonnull (strstr (error->message, cases[i].text));
    }
}

/* A power table on one line, as the source form and infer take it. */
static void
test_power_pairs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pairs = hr_units_parse_power_pairs ("1000 mW @ 32 Ω, 320mW@300ohm; 1,5 W @ 16", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 3);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 0).power_mw, ==, 1000.0);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 0).load_ohm, ==, 32.0);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 1).power_mw, ==, 320.0);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 1).load_ohm, ==, 300.0);
  g_assert_cmpfloat_with_epsilon (g_array_index (pairs, HrPowerSpec, 2).power_mw, 1500.0, 1e-9);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 2).load_ohm, ==, 16.0);

  /* Levels, into a load or none. */
  g_clear_pointer (&pairs, g_array_unref);
  pairs = hr_units_parse_power_pairs ("+22 dBu, +19dBu @ 32 Ω; 2 Vrms@300", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 3);
  g_assert_true (isinf (g_array_index (pairs, HrPowerSpec, 0).load_ohm));
  g_assert_cmpfloat_with_epsilon (g_array_index (pairs, HrPowerSpec, 0).level_vrms, 0.7745967 * pow (10.0, 22.0 / 20.0), 1e-5);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 1).load_ohm, ==, 32.0);
  g_assert_cmpfloat_with_epsilon (g_array_index (pairs, HrPowerSpec, 1).level_vrms, 0.7745967 * pow (10.0, 19.0 / 20.0), 1e-5);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 2).level_vrms, ==, 2.0);
  g_assert_cmpfloat (g_array_index (pairs, HrPowerSpec, 2).power_mw, ==, 0.0);

  /* A bare number is neither a power nor a level. */
  g_clear_pointer (&pairs, g_array_unref);
  pairs = hr_units_parse_power_pairs ("1000", &error);
  g_assert_null (pairs);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  pairs = hr_units_parse_power_pairs ("1000 @ 32", &error);
  g_assert_null (pairs);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE);
  g_clear_error (&error);
  pairs = hr_units_parse_power_pairs ("100 mW at 32", &error);
  g_assert_null (pairs);
  g_assert_nonnull (strstr (error->message, "100 mW at 32"));
  g_clear_error (&error);
  pairs = hr_units_parse_power_pairs (" , ", &error);
  g_assert_null (pairs);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
}

/* Figures with the prefix a spec sheet would use, three digits, and
 * the prefix moved up where rounding reaches 1000. */
static void
test_format_prefixed (void)
{
  static const struct
  {
    char *(*format) (double value);
    double      value;
    const char *expected;
  } cases[] = {
    { hr_format_voltage, 2.0, "2 V" },
    { hr_format_voltage, 0.3162, "316 mV" },
    { hr_format_voltage, 0.99996, "1 V" },
    { hr_format_voltage, 8e-6, "8 µV" },
    { hr_format_voltage, NAN, "? V" },
    { hr_format_current, 33.333, "33.3 mA" },
    { hr_format_current, 1200.0, "1.2 A" },
    { hr_format_current, 0.08, "80 µA" },
    { hr_format_current, NAN, "? mA" },
    { hr_format_power, 3.333, "3.33 mW" },
    { hr_format_power, 1500.0, "1.5 W" },
    { hr_format_power, 0.012, "12 µW" },
    { hr_format_power, 0.0, "0 W" },
    { hr_format_capacitance, 47.0, "47 µF" },
    { hr_format_capacitance, 0.22, "220 nF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = cases[i].format (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/units/parse", test_parse);
  g_test_add_func ("/units/noise", test_noise);
  g_test_add_func ("/units/power-pairs", test_power_pairs);
  g_test_add_func ("/units/format-prefixed", test_format_prefixed);

  return g_test_run ();
}
