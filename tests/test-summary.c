/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-core.h"

typedef struct
{
  HrHeadphone *headphone;
  HrCircuit    circuit;
  HrSweep     *sweep;
  HrSummary   *summary;
} Fixture;

static void
fixture_clear (Fixture *fx)
{
  g_clear_pointer (&fx->summary, hr_summary_free);
  g_clear_pointer (&fx->sweep, hr_sweep_free);
  g_clear_object (&fx->headphone);
}

static HrHeadphone *
thiele_small_headphone (double nominal_ohm,
                        double sensitivity_db_per_v,
                        double re_ohm,
                        double fs_hz,
                        double qms,
                        double qes)
{
  const HrThieleSmall ts = { re_ohm, 20e-6, fs_hz, qms, qes };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);

  return hr_headphone_new ("dynamic", nominal_ohm, sensitivity_db_per_v, HR_SENSITIVITY_DB_PER_V, z, NULL);
}

static HrHeadphone *
resistor_headphone (double r_ohm,
                    double sensitivity_db_per_v)
{
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (r_ohm, NULL);

  return hr_headphone_new ("flat", r_ohm, sensitivity_db_per_v, HR_SENSITIVITY_DB_PER_V, z, NULL);
}

/* Takes the headphone; computes the sweep and the summary the way
 * `headroom-cli check` does. */
static void
judge (Fixture     *fx,
       HrHeadphone *headphone,
       HrSource     source,
       HrDrive      drive)
{
  g_autoptr(GError) error = NULL;

  fx->headphone = headphone;
  fx->circuit = (HrCircuit) { headphone, source, HR_CONNECTION_INIT };
  fx->sweep = hr_sweep_new_log (20.0, 20000.0, HR_SUMMARY_DEFAULT_POINTS, &error);
  g_assert_no_error (error);
  g_assert_true (hr_sweep_compute (fx->sweep, &fx->circuit, &drive, &error));
  fx->summary = hr_summary_compute (fx->sweep, &fx->circuit, HR_DEFAULT_CREST_FACTOR_DB, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fx->summary);

  g_test_message ("verdict: %s", hr_verdict_to_string (fx->summary->verdict));
  for (guint i = 0; i < fx->summary->reasons->len; i++)
    {
      g_autofree char *text = hr_reason_format (&g_array_index (fx->summary->reasons, HrReason, i), FALSE);

      g_test_message ("  - %s: %s",
                      hr_reason_code_to_string (g_array_index (fx->summary->reasons, HrReason, i).code), text);
    }
}

static const HrReason *
reason_at (const Fixture *fx,
           guint          index)
{
  g_assert_cmpuint (index, <, fx->summary->reasons->len);
  return &g_array_index (fx->summary->reasons, HrReason, index);
}

/* The reason of @code, which must be there. */
static const HrReason *
find_reason (const Fixture *fx,
             HrReasonCode   code)
{
  for (guint i = 0; i < fx->summary->reasons->len; i++)
    if (reason_at (fx, i)->code == code)
      return reason_at (fx, i);
  g_error ("no reason %s", hr_reason_code_to_string (code));
}

static gboolean
has_reason (const Fixture *fx,
            HrReasonCode   code)
{
  for (guint i = 0; i < fx->summary->reasons->len; i++)
    if (reason_at (fx, i)->code == code)
      return TRUE;
  return FALSE;
}

/* Its words, in English as machine output carries them, contain each of
 * the needles. */
static void
assert_reason_says (const HrReason *reason,
                    const char     *first,
                    ...)
{
  g_autofree char *text = hr_reason_format (reason, FALSE);
  const char *needle = first;
  va_list args;

  va_start (args, first);
  while (needle != NULL)
    {
      if (strstr (text, needle) == NULL)
        g_error ("“%s” does not say “%s”", text, needle);
      needle = va_arg (args, const char *);
    }
  va_end (args);
}

static void
test_drives_well (void)
{
  Fixture fx = { 0 };
  const HrReason *reason;
  HrSource source = { 1.0, 0.0, 7.0, 200.0, FALSE };

  judge (&fx, thiele_small_headphone (300.0, 102.0, 300.0, 90.0, 1.0, 1.5), source,
         (HrDrive) { HR_DRIVE_SPL, 85.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_DRIVES_WELL);
  g_assert_cmpfloat_with_epsilon (fx.summary->level_db_spl, 85.0, 1e-9);
  g_assert_true (fx.summary->eighth_rule_holds);
  g_assert_cmpfloat (fx.summary->deviation_span_db, <, 0.2);
  g_assert_cmpfloat (fx.summary->headroom_db, >, 30.0);
  g_assert_cmpint (fx.summary->limit_1k, ==, HR_LIMIT_VOLTAGE);
  reason = find_reason (&fx, HR_REASON_HEADROOM);
  g_assert_cmpstr (hr_reason_get_string (reason, "limit"), ==, "voltage");
  g_assert_cmpfloat_with_epsilon (hr_reason_get_number (reason, "spl_max_db"), fx.summary->spl_max_1k_db, 1e-12);
  assert_reason_says (reason, "Reaches", "voltage limit", NULL);
  assert_reason_says (find_reason (&fx, HR_REASON_DEVIATION_INAUDIBLE), "below the 0.2 dB", NULL);
  fixture_clear (&fx);
}

/* The classic case: a 120 Ω output on a 32 Ω dynamic with a bass peak. */
static void
test_eighth_rule_caveat (void)
{
  Fixture fx = { 0 };
  HrSource source = { 120.0, 0.0, 5.0, 100.0, FALSE };
  const HrReason *first;

  judge (&fx, thiele_small_headphone (32.0, 100.0, 28.0, 90.0, 2.0, 1.75), source,
         (HrDrive) { HR_DRIVE_SPL, 85.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  g_assert_false (fx.summary->eighth_rule_holds);
  g_assert_cmpfloat_with_epsilon (fx.summary->dev_max_freq_hz, 90.0, 90.0 * 0.015);
  /* |Z| 60 Ω at fs against about 28 Ω at 1 kHz, behind 120 Ω. */
  g_assert_cmpfloat_with_epsilon (fx.summary->dev_max_db,
                                  20 * log10 ((60.0 / 180.0) / (28.0 / 148.0)), 0.05);
  first = reason_at (&fx, 0);
  g_assert_cmpint (first->code, ==, HR_REASON_DEVIATION);
  g_assert_cmpint (first->severity, ==, HR_REASON_SEVERITY_CAVEAT);
  g_assert_cmpstr (hr_reason_get_string (first, "cause"), ==, "eighth-rule");
  g_assert_true (hr_reason_get_boolean (first, "at_resonance"));
  g_assert_cmpfloat (hr_reason_get_number (first, "freq_hz"), ==, fx.summary->dev_max_freq_hz);
  g_assert_cmpfloat (hr_reason_get_number (first, "dev_db"), ==, fx.summary->dev_max_db);
  g_assert_cmpfloat_with_epsilon (hr_reason_get_number (first, "zout_ohm"), 120.0, 1e-9);
  g_assert_cmpfloat (hr_reason_get_number (first, "z_nominal_ohm"), ==, 32.0);
  assert_reason_says (first, "The bass resonance at",
                      "because the 120 Ω output impedance is more than 1/8 of the headphones' 32 Ω", NULL);
  g_assert_cmpfloat_with_epsilon (fx.summary->damping_factor, 32.0 / 120.0, 1e-12);
  fixture_clear (&fx);
}

static void
test_cannot_reach_voltage (void)
{
  Fixture fx = { 0 };
  HrSource source = { 1.0, 0.0, 0.5, HR_UNLIMITED, FALSE };
  double spl_max;

  judge (&fx, resistor_headphone (300.0, 102.2), source, (HrDrive) { HR_DRIVE_SPL, 110.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CANNOT_DRIVE);
  spl_max = 102.2 + 20 * log10 (0.5 * 300.0 / 301.0);
  g_assert_cmpfloat_with_epsilon (fx.summary->spl_max_1k_db, spl_max, 1e-9);
  g_assert_cmpfloat_with_epsilon (fx.summary->headroom_db, spl_max - 110.0, 1e-9);
  g_assert_cmpint (fx.summary->headroom_limit, ==, HR_LIMIT_VOLTAGE);
  /* A flat load ties everywhere; the tie goes to the point nearest 1 kHz. */
  g_assert_cmpfloat_with_epsilon (fx.summary->headroom_freq_hz, 1000.0, 15.0);
  g_assert_cmpint (reason_at (&fx, 0)->code, ==, HR_REASON_VOLTAGE_CLIPS);
  g_assert_cmpfloat (hr_reason_get_number (reason_at (&fx, 0), "vmax_vrms"), ==, 0.5);
  assert_reason_says (reason_at (&fx, 0), "cannot reach 110.0 dB SPL", NULL);
  fixture_clear (&fx);
}

static void
test_cannot_reach_current (void)
{
  Fixture fx = { 0 };
  HrSource source = { 0.1, 0.0, 5.0, 20.0, FALSE };

  judge (&fx, resistor_headphone (16.0, 100.0), source, (HrDrive) { HR_DRIVE_SPL, 110.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CANNOT_DRIVE);
  g_assert_cmpint (fx.summary->headroom_limit, ==, HR_LIMIT_CURRENT);
  /* 110 dB at 100 dB/V is 3.16 V, 198 mA into 16 Ω. */
  g_assert_cmpfloat_with_epsilon (fx.summary->i_needed_ma, 1e3 * pow (10, 0.5) / 16.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (fx.summary->headroom_db, 20 * log10 (20.0 / fx.summary->i_needed_ma), 1e-9);
  g_assert_cmpfloat_with_epsilon (fx.summary->i_needed_freq_hz, 1000.0, 15.0);
  g_assert_cmpint (reason_at (&fx, 0)->code, ==, HR_REASON_CURRENT_CLIPS);
  g_assert_cmpfloat (hr_reason_get_number (reason_at (&fx, 0), "i_needed_ma"), ==, fx.summary->i_needed_ma);
  g_assert_cmpfloat (hr_reason_get_number (reason_at (&fx, 0), "i_available_ma"), ==, 20.0);
  assert_reason_says (reason_at (&fx, 0), "198 mA, more than the 20 mA", NULL);
  fixture_clear (&fx);
}

static void
test_headroom_caveat (void)
{
  Fixture fx = { 0 };
  HrSource source = { 0.1, 0.0, 5.0, 20.0, FALSE };

  judge (&fx, resistor_headphone (16.0, 100.0), source, (HrDrive) { HR_DRIVE_SPL, 90.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  g_assert_cmpfloat (fx.summary->headroom_db, >=, 0.0);
  g_assert_cmpfloat (fx.summary->headroom_db, <, HR_DEFAULT_CREST_FACTOR_DB);
  g_assert_cmpstr (hr_reason_get_string (find_reason (&fx, HR_REASON_LOW_HEADROOM), "limit"), ==, "current");
  assert_reason_says (find_reason (&fx, HR_REASON_LOW_HEADROOM), "Only 0.1 dB of headroom", "current limit", NULL);
  fixture_clear (&fx);
}

static void
test_unknown_limits (void)
{
  Fixture fx = { 0 };
  HrSource no_voltage = { 1.0, 0.0, HR_UNKNOWN, 100.0, FALSE };
  HrSource no_current = { 1.0, 0.0, 7.0, HR_UNKNOWN, FALSE };

  judge (&fx, resistor_headphone (32.0, 100.0), no_voltage, (HrDrive) { HR_DRIVE_SPL, 80.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  assert_reason_says (find_reason (&fx, HR_REASON_VOLTAGE_UNKNOWN), "maximum output voltage is unknown", NULL);
  g_assert_false (has_reason (&fx, HR_REASON_CURRENT_UNKNOWN));
  g_assert_false (hr_limit_is_known (fx.summary->voc_available_vrms));
  fixture_clear (&fx);

  judge (&fx, resistor_headphone (32.0, 100.0), no_current, (HrDrive) { HR_DRIVE_SPL, 80.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_DRIVES_WELL);
  assert_reason_says (find_reason (&fx, HR_REASON_CURRENT_UNKNOWN), "current limit is unknown", "skipped", NULL);
  g_assert_false (has_reason (&fx, HR_REASON_VOLTAGE_UNKNOWN));
  fixture_clear (&fx);
}

/* A planar is flat, so even 430 Ω only costs level. */
static void
test_flat_load_breaks_rule_harmlessly (void)
{
  Fixture fx = { 0 };
  HrSource source = { 430.0, 0.0, 10.0, HR_UNLIMITED, FALSE };

  judge (&fx, resistor_headphone (50.0, 96.0), source, (HrDrive) { HR_DRIVE_SPL, 80.0 });
  g_assert_false (fx.summary->eighth_rule_holds);
  g_assert_cmpfloat_with_epsilon (fx.summary->deviation_span_db, 0.0, 1e-9);
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_DRIVES_WELL);
  assert_reason_says (find_reason (&fx, HR_REASON_EIGHTH_RULE_FLAT), "breaks the 1/8 rule", "flat", NULL);
  fixture_clear (&fx);
}

static void
test_dc_block_caveat (void)
{
  Fixture fx = { 0 };
  HrSource source = { 1.0, 47.0, 5.0, 100.0, FALSE };

  judge (&fx, resistor_headphone (32.0, 100.0), source, (HrDrive) { HR_DRIVE_SPL, 80.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  g_assert_cmpfloat_with_epsilon (fx.summary->dev_min_freq_hz, 20.0, 1e-9);
  g_assert_cmpfloat (fx.summary->dev_min_db, <, -3.0);
  g_assert_true (fx.summary->eighth_rule_holds);
  g_assert_cmpfloat (fx.summary->zout_max_ohm, >, 150.0);
  g_assert_cmpstr (hr_reason_get_string (find_reason (&fx, HR_REASON_DEVIATION), "cause"), ==, "dc-block");
  assert_reason_says (find_reason (&fx, HR_REASON_DEVIATION), "falls", "47 µF DC-blocking capacitor", NULL);
  fixture_clear (&fx);
}

static void
test_ideal_source (void)
{
  Fixture fx = { 0 };
  HrSource source = HR_SOURCE_INIT;

  judge (&fx, resistor_headphone (32.0, 100.0), source, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 });
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_DRIVES_WELL);
  g_assert_cmpfloat (fx.summary->damping_factor, ==, INFINITY);
  g_assert_cmpfloat (fx.summary->headroom_db, ==, INFINITY);
  assert_reason_says (find_reason (&fx, HR_REASON_NO_LIMITS), "clipping was not checked", NULL);
  fixture_clear (&fx);
}

static void
test_verdict_names (void)
{
  g_assert_cmpstr (hr_verdict_to_id (HR_VERDICT_DRIVES_WELL), ==, "drives-well");
  g_assert_cmpstr (hr_verdict_to_id (HR_VERDICT_CAVEATS), ==, "caveats");
  g_assert_cmpstr (hr_verdict_to_id (HR_VERDICT_CANNOT_DRIVE), ==, "cannot-drive");
  g_assert_cmpstr (hr_verdict_to_string (HR_VERDICT_CAVEATS), ==, "Drives it with caveats");
}

/* Hiss: the source's noise through the divider and the headphones'
 * sensitivity, against a calculation by hand. A 16 Ω IEM of 120 dB/V on
 * 10 Ω with 5 µV of noise: 5 µV × 16/26 = 3.077 µV, and
 * 120 + 20·log10(3.077e-6) = 9.76 dB SPL, audible in a quiet room. */
static void
test_hiss (void)
{
  Fixture fx = { 0 };
  HrSource source = HR_SOURCE_INIT;
  HrDrive drive = { HR_DRIVE_SPL, 90.0 };
  const double expected_db = 120.0 + 20.0 * log10 (5e-6 * 16.0 / 26.0);

  source.output_impedance_ohm = 10.0;
  source.max_voltage_vrms = 2.0;
  source.noise_vrms = 5e-6;
  judge (&fx, resistor_headphone (16.0, 120.0), source, drive);
  g_assert_cmpfloat_with_epsilon (expected_db, 9.76, 0.01);
  g_assert_cmpfloat_with_epsilon (fx.summary->hiss_spl_db, expected_db, 1e-9);
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  assert_reason_says (find_reason (&fx, HR_REASON_HISS), "10 dB SPL", "quiet room", NULL);
  g_assert_cmpint (find_reason (&fx, HR_REASON_HISS)->severity, ==, HR_REASON_SEVERITY_CAVEAT);
  fixture_clear (&fx);

  /* A 300 Ω headphone of 103 dB/V on the same noise: −3 dB SPL. */
  judge (&fx, resistor_headphone (300.0, 103.0), source, drive);
  g_assert_cmpfloat_with_epsilon (fx.summary->hiss_spl_db,
                                  103.0 + 20.0 * log10 (5e-6 * 300.0 / 310.0), 1e-9);
  g_assert_false (has_reason (&fx, HR_REASON_HISS));
  assert_reason_says (find_reason (&fx, HR_REASON_HISS_INAUDIBLE), "-3 dB SPL", NULL);
  fixture_clear (&fx);

  /* Unknown noise is said to be; the ideal source's none is not. */
  source.noise_vrms = HR_UNKNOWN;
  judge (&fx, resistor_headphone (16.0, 120.0), source, drive);
  g_assert_true (isnan (fx.summary->hiss_spl_db));
  g_assert_cmpint (find_reason (&fx, HR_REASON_NOISE_UNKNOWN)->severity, ==, HR_REASON_SEVERITY_DETAIL);
  fixture_clear (&fx);
  source.noise_vrms = 0.0;
  judge (&fx, resistor_headphone (16.0, 120.0), source, drive);
  g_assert_false (has_reason (&fx, HR_REASON_NOISE_UNKNOWN));
  g_assert_false (has_reason (&fx, HR_REASON_HISS));
  fixture_clear (&fx);
}

/* "Rated load 600 Ω": 32 Ω headphones are outside what the output is
 * made for, the lesson of the app in one line. */
static void
test_rated_load (void)
{
  Fixture fx = { 0 };
  HrSource source = HR_SOURCE_INIT;
  HrDrive drive = { HR_DRIVE_SPL, 85.0 };

  source.output_impedance_ohm = 50.0;
  source.max_voltage_vrms = 8.0;
  source.min_load_ohm = 600.0;
  judge (&fx, resistor_headphone (32.0, 110.0), source, drive);
  g_assert_cmpint (fx.summary->verdict, >=, HR_VERDICT_CAVEATS);
  assert_reason_says (find_reason (&fx, HR_REASON_BELOW_RATED_LOAD), "600 Ω or more", "32 Ω at 1 kHz", NULL);
  fixture_clear (&fx);

  /* 300 Ω whose curve dips to 280 Ω at the top is still under 600. */
  judge (&fx, thiele_small_headphone (300.0, 103.0, 280.0, 90.0, 2.0, 0.8), source, drive);
  g_assert_true (has_reason (&fx, HR_REASON_BELOW_RATED_LOAD));
  fixture_clear (&fx);

  source.min_load_ohm = 16.0;
  judge (&fx, resistor_headphone (32.0, 110.0), source, drive);
  g_assert_false (has_reason (&fx, HR_REASON_BELOW_RATED_LOAD));
  fixture_clear (&fx);
}

/* What rests on an assumption says so, and a flat line assumed for a
 * curve is not reported as a flat response. */
static void
test_assumptions (void)
{
  Fixture fx = { 0 };
  HrSource source = HR_SOURCE_INIT;
  HrDrive drive = { HR_DRIVE_SPL, 85.0 };
  g_autoptr(HrImpedance) flat = hr_impedance_new_assumed_flat (32.0, NULL);

  source.output_impedance_ohm = 100.0;
  source.max_voltage_vrms = 8.0;
  source.noise_vrms = 0.0;
  source.zout_assumed = TRUE;
  judge (&fx, resistor_headphone (300.0, 103.0), source, drive);
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  assert_reason_says (find_reason (&fx, HR_REASON_ZOUT_ASSUMED), "100 Ω is assumed", NULL);
  fixture_clear (&fx);

  source.zout_assumed = FALSE;
  judge (&fx, hr_headphone_new ("unknown", 32.0, 110.0, HR_SENSITIVITY_DB_PER_V, flat, NULL), source, drive);
  g_assert_true (fx.summary->impedance_assumed);
  g_assert_false (has_reason (&fx, HR_REASON_DEVIATION_INAUDIBLE));
  g_assert_false (has_reason (&fx, HR_REASON_EIGHTH_RULE_FLAT));
  assert_reason_says (find_reason (&fx, HR_REASON_IMPEDANCE_ASSUMED), "assumed flat", "could not be judged", NULL);
  /* 100 Ω on 32 Ω breaks the 1/8 rule: what the curve does matters. */
  g_assert_cmpint (find_reason (&fx, HR_REASON_IMPEDANCE_ASSUMED)->severity, ==, HR_REASON_SEVERITY_CAVEAT);
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_CAVEATS);
  fixture_clear (&fx);

  /* Under it, a note. */
  source.output_impedance_ohm = 1.0;
  judge (&fx, hr_headphone_new ("unknown", 32.0, 110.0, HR_SENSITIVITY_DB_PER_V, flat, NULL), source, drive);
  g_assert_cmpint (find_reason (&fx, HR_REASON_IMPEDANCE_ASSUMED)->severity, ==, HR_REASON_SEVERITY_NOTE);
  g_assert_cmpint (fx.summary->verdict, ==, HR_VERDICT_DRIVES_WELL);
  fixture_clear (&fx);
}

/* A frequency that rounds up to a thousand is said in kHz: the chart's
 * card said "1000 Hz" with the pointer a hair left of 1 kHz. */
static void
test_format_freq (void)
{
  static const struct { double freq_hz; const char *text; } cases[] = {
    { 20.0, "20 Hz" }, { 86.4, "86 Hz" }, { 999.4, "999 Hz" }, { 999.7, "1 kHz" },
    { 1000.0, "1 kHz" }, { 1500.0, "1.5 kHz" }, { 19999.0, "20 kHz" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hr_format_freq_full (cases[i].freq_hz, FALSE);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/summary/format-freq", test_format_freq);
  g_test_add_func ("/summary/hiss", test_hiss);
  g_test_add_func ("/summary/rated-load", test_rated_load);
  g_test_add_func ("/summary/assumptions", test_assumptions);
  g_test_add_func ("/summary/drives-well", test_drives_well);
  g_test_add_func ("/summary/eighth-rule-caveat", test_eighth_rule_caveat);
  g_test_add_func ("/summary/cannot-reach/voltage", test_cannot_reach_voltage);
  g_test_add_func ("/summary/cannot-reach/current", test_cannot_reach_current);
  g_test_add_func ("/summary/headroom-caveat", test_headroom_caveat);
  g_test_add_func ("/summary/unknown-limits", test_unknown_limits);
  g_test_add_func ("/summary/flat-load", test_flat_load_breaks_rule_harmlessly);
  g_test_add_func ("/summary/dc-block", test_dc_block_caveat);
  g_test_add_func ("/summary/ideal-source", test_ideal_source);
  g_test_add_func ("/summary/verdict-names", test_verdict_names);

  return g_test_run ();
}
