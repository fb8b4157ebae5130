/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-core.h"

/* The region each reason speaks of, against sweeps made by hand: every
 * array set to a shape whose band can be told in advance, so that the
 * test does not lean on the model that the regions are meant to show. */

#define N_POINTS 61  /* 20 Hz–20 kHz, 20 a decade */

static const double twelfth = 1.0594630943592953;

typedef struct
{
  HrSweep   *sweep;
  HrSummary  summary;
} Fixture;

/* Flat everything: 32 Ω, 10 mA, 90 dB SPL under a 120 dB ceiling, no
 * response change; the summary over the whole sweep. */
static void
fixture_init (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->sweep = hr_sweep_new_log (20.0, 20000.0, N_POINTS, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < N_POINTS; i++)
    {
      fixture->sweep->z_mag_ohm[i] = 32.0;
      fixture->sweep->i_ma[i] = fixture->sweep->i_source_ma[i] = 10.0;
      fixture->sweep->spl_db[i] = 90.0;
      fixture->sweep->spl_max_db[i] = 120.0;
      fixture->sweep->dev_db[i] = 0.0;
    }
  memset (&fixture->summary, 0, sizeof fixture->summary);
  fixture->summary.band_min_hz = 20.0;
  fixture->summary.band_max_hz = 20000.0;
  fixture->summary.crest_factor_db = HR_DEFAULT_CREST_FACTOR_DB;
  fixture->summary.spl_max_1k_db = 120.0;
  fixture->summary.hiss_spl_db = NAN;
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_pointer (&fixture->sweep, hr_sweep_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static double
freq (const Fixture *fixture,
      guint          i)
{
  return fixture->sweep->freq_hz[i];
}

static HrReasonRegion
region_of (const Fixture  *fixture,
           const HrReason *reason,
           gboolean        expected)
{
  HrReasonRegion region;

  g_assert_cmpint (hr_reason_get_region (reason, &fixture->summary, fixture->sweep, &region), ==, expected);
  if (!expected)
    g_assert_cmpint (region.chart, ==, HR_REGION_CHART_NONE);
  return region;
}

/* A 1 dB bump at 100 Hz and a 0.3 dB one at 10 kHz: the band is the run
 * of points around 100 Hz above 0.2 dB, and only that. */
static void
test_deviation (void)
{
  g_auto(Fixture) fixture = { 0 };
  HrReasonRegion region;
  HrReason reason;
  guint first_above = G_MAXUINT;
  guint last_above = 0;

  fixture_init (&fixture);
  for (guint i = 0; i < N_POINTS; i++)
    {
      double octaves = log2 (freq (&fixture, i) / 100.0);
      double treble = log2 (freq (&fixture, i) / 10000.0);

      fixture.sweep->dev_db[i] = exp (-octaves * octaves) + 0.3 * exp (-treble * treble * 4.0);
      if (freq (&fixture, i) < 1000.0 && fixture.sweep->dev_db[i] > 0.2)
        {
          first_above = MIN (first_above, i);
          last_above = MAX (last_above, i);
        }
    }
  fixture.summary.dev_max_db = 1.0;
  fixture.summary.dev_max_freq_hz = 100.0;
  fixture.summary.dev_min_db = 0.0;
  fixture.summary.dev_min_freq_hz = 1000.0;

  hr_reason_init (&reason, HR_REASON_DEVIATION, HR_REASON_SEVERITY_CAVEAT);
  hr_reason_add_number (&reason, "dev_db", 1.0);
  hr_reason_add_number (&reason, "freq_hz", 100.0);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpint (region.chart, ==, HR_REGION_CHART_DEVIATION);
  /* |dev| > 0.2 dB where log2(f/100)² < ln 5: 41.5 Hz to 241 Hz. */
  g_assert_cmpfloat (region.lo_hz, ==, freq (&fixture, first_above));
  g_assert_cmpfloat (region.hi_hz, ==, freq (&fixture, last_above));
  g_assert_cmpfloat (region.lo_hz, >=, 100.0 / pow (2.0, sqrt (log (5.0))));
  g_assert_cmpfloat (region.hi_hz, <=, 100.0 * pow (2.0, sqrt (log (5.0))));
  g_assert_cmpfloat (region.hi_hz, <, 1000.0);
  g_assert_true (isnan (region.level));
  g_assert_cmpfloat (region.mark_hz, ==, 100.0);
  g_assert_cmpfloat (region.mark_value, ==, 1.0);

  /* The edge of audibility speaks of the same band. */
  hr_reason_init (&reason, HR_REASON_DEVIATION_EDGE, HR_REASON_SEVERITY_DETAIL);
  g_assert_cmpfloat (region_of (&fixture, &reason, TRUE).lo_hz, ==, region.lo_hz);

  /* A fall larger than the rise is the one named: a DC-blocking
   * capacitor's bass loss, -0.4 dB at 20 Hz falling away by 60 Hz; a
   * slight change's band is where it passes half its largest. */
  for (guint i = 0; i < N_POINTS; i++)
    fixture.sweep->dev_db[i] = freq (&fixture, i) < 60.0 ? -0.4 * (60.0 - freq (&fixture, i)) / 40.0 : 0.0;
  fixture.summary.dev_max_db = 0.0;
  fixture.summary.dev_min_db = -0.4;
  fixture.summary.dev_min_freq_hz = 20.0;
  hr_reason_init (&reason, HR_REASON_DEVIATION_SLIGHT, HR_REASON_SEVERITY_NOTE);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpfloat (region.lo_hz, ==, 20.0);
  /* -0.2 dB at 40 Hz. */
  g_assert_cmpfloat (region.hi_hz, <, 40.0);
  g_assert_cmpfloat (region.hi_hz * pow (10.0, 1.0 / 20.0), >=, 40.0);
  g_assert_cmpfloat (region.mark_value, ==, -0.4);

  /* Below what blind tests resolve, it points nowhere. */
  hr_reason_init (&reason, HR_REASON_DEVIATION_INAUDIBLE, HR_REASON_SEVERITY_NOTE);
  region_of (&fixture, &reason, FALSE);
}

/* The level above the ceiling from 20 Hz to 50 Hz and again at 15 kHz:
 * the band is the run around the worst point. */
static void
test_voltage_clips (void)
{
  g_auto(Fixture) fixture = { 0 };
  HrReasonRegion region;
  HrReason reason;
  guint last_clipping = 0;

  fixture_init (&fixture);
  for (guint i = 0; i < N_POINTS; i++)
    {
      if (freq (&fixture, i) <= 50.0)
        {
          fixture.sweep->spl_max_db[i] = 80.0 + 10.0 * log10 (freq (&fixture, i) / 20.0);
          last_clipping = i;
        }
      if (freq (&fixture, i) > 14000.0 && freq (&fixture, i) < 16000.0)
        fixture.sweep->spl_max_db[i] = 89.0;
    }
  fixture.summary.headroom_freq_hz = 20.0;

  hr_reason_init (&reason, HR_REASON_VOLTAGE_CLIPS, HR_REASON_SEVERITY_CANNOT);
  hr_reason_add_number (&reason, "freq_hz", 20.0);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpint (region.chart, ==, HR_REGION_CHART_SPL);
  g_assert_cmpfloat (region.lo_hz, ==, 20.0);
  g_assert_cmpfloat (region.hi_hz, ==, freq (&fixture, last_clipping));
  g_assert_cmpfloat (region.mark_hz, ==, 20.0);
  g_assert_cmpfloat (region.mark_value, ==, 80.0);

  /* Too little headroom: where it is under the crest factor, 12 dB,
   * the points from 1.9 kHz to 5.1 kHz. */
  {
    guint first_low = G_MAXUINT;
    guint last_low = 0;

    for (guint i = 0; i < N_POINTS; i++)
      {
        gboolean low = freq (&fixture, i) >= 1900.0 && freq (&fixture, i) <= 5100.0;

        fixture.sweep->spl_max_db[i] = low ? 95.0 : 120.0;
        if (low)
          {
            first_low = MIN (first_low, i);
            last_low = MAX (last_low, i);
          }
      }
    g_assert_cmpuint (last_low, >, first_low + 3);
    fixture.summary.headroom_freq_hz = 3000.0;
    hr_reason_init (&reason, HR_REASON_LOW_HEADROOM, HR_REASON_SEVERITY_CAVEAT);
    hr_reason_add_number (&reason, "freq_hz", 3000.0);
    region = region_of (&fixture, &reason, TRUE);
    g_assert_cmpfloat (region.lo_hz, ==, freq (&fixture, first_low));
    g_assert_cmpfloat (region.hi_hz, ==, freq (&fixture, last_low));
    g_assert_cmpfloat (region.mark_value, ==, 95.0);
  }

  /* The headroom at 1 kHz: there. */
  hr_reason_init (&reason, HR_REASON_HEADROOM, HR_REASON_SEVERITY_NOTE);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpfloat_with_epsilon (region.lo_hz, 1000.0 / twelfth, 1e-9);
  g_assert_cmpfloat_with_epsilon (region.hi_hz, 1000.0 * twelfth, 1e-9);
  g_assert_cmpfloat (region.mark_value, ==, 120.0);
}

/* Where the current peaks, a twelfth of an octave either side, and the
 * limit it clips against. */
static void
test_current_clips (void)
{
  g_auto(Fixture) fixture = { 0 };
  HrReasonRegion region;
  HrReason reason;

  fixture_init (&fixture);
  hr_reason_init (&reason, HR_REASON_CURRENT_CLIPS, HR_REASON_SEVERITY_CANNOT);
  hr_reason_add_number (&reason, "freq_hz", 3162.0);
  hr_reason_add_number (&reason, "i_needed_ma", 60.0);
  hr_reason_add_number (&reason, "i_available_ma", 40.0);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpint (region.chart, ==, HR_REGION_CHART_CURRENT);
  g_assert_cmpfloat_with_epsilon (region.lo_hz, 3162.0 / twelfth, 1e-9);
  g_assert_cmpfloat_with_epsilon (region.hi_hz, 3162.0 * twelfth, 1e-9);
  g_assert_cmpfloat (region.level, ==, 40.0);
  g_assert_cmpfloat (region.mark_hz, ==, 3162.0);
  g_assert_cmpfloat (region.mark_value, ==, 60.0);
}

/* The hiss is a line across the SPL chart; unknown, it is nowhere. */
static void
test_hiss (void)
{
  g_auto(Fixture) fixture = { 0 };
  HrReasonRegion region;
  HrReason reason;

  fixture_init (&fixture);
  hr_reason_init (&reason, HR_REASON_HISS, HR_REASON_SEVERITY_CAVEAT);
  hr_reason_add_number (&reason, "hiss_spl_db", 12.5);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpint (region.chart, ==, HR_REGION_CHART_SPL);
  g_assert_cmpfloat (region.level, ==, 12.5);
  g_assert_true (isnan (region.lo_hz) && isnan (region.hi_hz));
  g_assert_cmpfloat (region.mark_value, ==, 12.5);

  hr_reason_init (&reason, HR_REASON_NOISE_UNKNOWN, HR_REASON_SEVERITY_DETAIL);
  region_of (&fixture, &reason, FALSE);
}

/* |Z| dips under the rated 100 Ω from 1.9 kHz to 8.1 kHz. */
static void
test_below_rated_load (void)
{
  g_auto(Fixture) fixture = { 0 };
  HrReasonRegion region;
  HrReason reason;

  guint first_low = G_MAXUINT;
  guint last_low = 0;

  fixture_init (&fixture);
  for (guint i = 0; i < N_POINTS; i++)
    {
      gboolean low = freq (&fixture, i) >= 1900.0 && freq (&fixture, i) <= 8100.0;

      fixture.sweep->z_mag_ohm[i] = low ? 60.0 : 150.0;
      if (low)
        {
          first_low = MIN (first_low, i);
          last_low = MAX (last_low, i);
        }
    }
  hr_reason_init (&reason, HR_REASON_BELOW_RATED_LOAD, HR_REASON_SEVERITY_CAVEAT);
  hr_reason_add_number (&reason, "min_load_ohm", 100.0);
  hr_reason_add_number (&reason, "z_min_ohm", 60.0);
  hr_reason_add_number (&reason, "z_min_freq_hz", 4000.0);
  region = region_of (&fixture, &reason, TRUE);
  g_assert_cmpint (region.chart, ==, HR_REGION_CHART_IMPEDANCE);
  g_assert_cmpfloat (region.lo_hz, ==, freq (&fixture, first_low));
  g_assert_cmpfloat (region.hi_hz, ==, freq (&fixture, last_low));
  g_assert_cmpfloat (region.level, ==, 100.0);
  g_assert_cmpfloat (region.mark_value, ==, 60.0);
}

/* The lines on the impedance chart that the assumptions and the 1/8
 * rule are about. */
static void
test_impedance_lines (void)
{
  g_auto(Fixture) fixture = { 0 };
  HrReason reason;

  fixture_init (&fixture);
  hr_reason_init (&reason, HR_REASON_ZOUT_ASSUMED, HR_REASON_SEVERITY_CAVEAT);
  hr_reason_add_number (&reason, "zout_ohm", 100.0);
  g_assert_cmpfloat (region_of (&fixture, &reason, TRUE).level, ==, 100.0);

  hr_reason_init (&reason, HR_REASON_EIGHTH_RULE_FLAT, HR_REASON_SEVERITY_NOTE);
  hr_reason_add_number (&reason, "zout_ohm", 10.0);
  hr_reason_add_number (&reason, "z_nominal_ohm", 32.0);
  g_assert_cmpfloat (region_of (&fixture, &reason, TRUE).level, ==, 80.0);

  hr_reason_init (&reason, HR_REASON_IMPEDANCE_ASSUMED, HR_REASON_SEVERITY_NOTE);
  hr_reason_add_number (&reason, "z_nominal_ohm", 250.0);
  g_assert_cmpint (region_of (&fixture, &reason, TRUE).chart, ==, HR_REGION_CHART_IMPEDANCE);
}

/* What is not known points nowhere. */
static void
test_none (void)
{
  static const HrReasonCode codes[] = {
    HR_REASON_VOLTAGE_UNKNOWN, HR_REASON_CURRENT_UNKNOWN, HR_REASON_NO_LIMITS,
    HR_REASON_SENSITIVITY_UNKNOWN, HR_REASON_VOLTAGE_BY_LOAD,
  };
  g_auto(Fixture) fixture = { 0 };

  fixture_init (&fixture);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      HrReason reason;

      hr_reason_init (&reason, codes[i], HR_REASON_SEVERITY_NOTE);
      region_of (&fixture, &reason, FALSE);
    }
}

/* Every reason of real summaries, through the whole model: a region's
 * band lies in the audio band, its marker inside its band. */
static void
test_computed (void)
{
  const HrThieleSmall ts = { 300.0, 1e-4, 85.0, 2.0, 0.6 };
  g_autoptr(HrImpedance) impedance = hr_impedance_new_thiele_small (&ts, NULL);
  g_autoptr(HrHeadphone) headphone = hr_headphone_new ("T", 300.0, 100.0, HR_SENSITIVITY_DB_PER_V, impedance, NULL);

  for (guint k = 0; k < 3; k++)
    {
      HrCircuit circuit = { headphone, HR_SOURCE_INIT, HR_CONNECTION_INIT };
      HrDrive drive = { HR_DRIVE_SPL, k == 2 ? 118.0 : 95.0 };
      g_autoptr(HrSweep) sweep = hr_sweep_new_log (20.0, 20000.0, HR_SUMMARY_DEFAULT_POINTS, NULL);
      g_autoptr(HrSummary) summary = NULL;
      guint n_regions = 0;

      circuit.source.output_impedance_ohm = k == 0 ? 470.0 : 10.0;
      circuit.source.dc_block_uf = k == 1 ? 4.7 : 0.0;
      circuit.source.max_voltage_vrms = 5.0;
      circuit.source.max_current_ma = k == 2 ? 10.0 : 100.0;
      circuit.source.noise_vrms = 50e-6;
      g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, NULL));
      summary = hr_summary_compute (sweep, &circuit, HR_DEFAULT_CREST_FACTOR_DB, NULL);
      for (guint i = 0; i < summary->reasons->len; i++)
        {
          const HrReason *reason = &g_array_index (summary->reasons, HrReason, i);
          HrReasonRegion region;

          if (!hr_reason_get_region (reason, summary, sweep, &region))
            continue;
          n_regions++;
          g_test_message ("%s: chart %d, %g–%g Hz, level %g, mark %g Hz %g",
                          hr_reason_code_to_string (reason->code), region.chart,
                          region.lo_hz, region.hi_hz, region.level, region.mark_hz, region.mark_value);
          g_assert_cmpint (region.chart, !=, HR_REGION_CHART_NONE);
          g_assert_true (isfinite (region.mark_hz) && isfinite (region.mark_value));
          if (isnan (region.lo_hz))
            {
              g_assert_true (isfinite (region.level));
              continue;
            }
          g_assert_cmpfloat (region.lo_hz, <=, region.hi_hz);
          g_assert_cmpfloat (region.lo_hz, >=, 20.0 / twelfth * (1 - 1e-9));
          g_assert_cmpfloat (region.hi_hz, <=, 20000.0 * twelfth * (1 + 1e-9));
          g_assert_cmpfloat (region.mark_hz, >=, region.lo_hz * (1 - 1e-9));
          g_assert_cmpfloat (region.mark_hz, <=, region.hi_hz * (1 + 1e-9));
        }
      /* The response change, the level and the hiss each have one. */
      g_assert_cmpuint (n_regions, >=, 3);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/reason-region/deviation", test_deviation);
  g_test_add_func ("/reason-region/voltage-clips", test_voltage_clips);
  g_test_add_func ("/reason-region/current-clips", test_current_clips);
  g_test_add_func ("/reason-region/hiss", test_hiss);
  g_test_add_func ("/reason-region/below-rated-load", test_below_rated_load);
  g_test_add_func ("/reason-region/impedance-lines", test_impedance_lines);
  g_test_add_func ("/reason-region/none", test_none);
  g_test_add_func ("/reason-region/computed", test_computed);

  return g_test_run ();
}
