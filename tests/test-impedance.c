/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <glib.h>

#include "hr-core.h"

#define assert_close(a, b, rel) \
  g_assert_cmpfloat_with_epsilon ((a), (b), (rel) * MAX (fabs (a), fabs (b)) + 1e-300)

static void
test_resistor (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (32.0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (hr_impedance_get_kind (z), ==, HR_IMPEDANCE_RESISTOR);
  for (double f = 10.0; f < 40000.0; f *= 1.7)
    {
      double complex v = hr_impedance_eval (z, f);

      g_assert_cmpfloat (creal (v), ==, 32.0);
      g_assert_cmpfloat (cimag (v), ==, 0.0);
    }
}

/* The worked example of the integracoustics MUG, quoted in PHYSICS.md:
 * Re 6 Ω, Qms 4.27, Qes 0.34, fs 70.7 Hz give 75.4 Ω, 39.7 mH, 127.6 µF. */
static void
test_thiele_small_derived (void)
{
  const HrThieleSmall ts = { 6.0, 0.0, 70.7, 4.27, 0.34 };
  double res_ohm, lces_h, cmes_f;

  hr_thiele_small_derived (&ts, &res_ohm, &lces_h, &cmes_f);
  g_assert_cmpfloat_with_epsilon (res_ohm, 75.4, 0.05);
  g_assert_cmpfloat_with_epsilon (lces_h * 1e3, 39.7, 0.05);
  g_assert_cmpfloat_with_epsilon (cmes_f * 1e6, 127.6, 0.05);
}

/* At fs the motional L and C cancel, so |Z| = Re + Res, the phase is 0
 * (with Le = 0), and it is the maximum of the curve. */
static void
test_thiele_small_peak (void)
{
  const HrThieleSmall ts = { 24.0, 0.0, 95.0, 3.2, 0.45 };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);
  const double res_ohm = ts.re_ohm * ts.qms / ts.qes;
  double complex at_fs = hr_impedance_eval (z, ts.fs_hz);

  assert_close (creal (at_fs), ts.re_ohm + res_ohm, 1e-12);
  g_assert_cmpfloat (fabs (cimag (at_fs)), <, 1e-9);
  g_assert_cmpfloat (cabs (hr_impedance_eval (z, ts.fs_hz * 1.02)), <, cabs (at_fs));
  g_assert_cmpfloat (cabs (hr_impedance_eval (z, ts.fs_hz / 1.02)), <, cabs (at_fs));
  /* Far from fs the motional branch vanishes and Re is left. */
  assert_close (creal (hr_impedance_eval (z, 20000.0)), ts.re_ohm, 1e-2);
}

static void
test_thiele_small_inductance (void)
{
  const HrThieleSmall ts = { 30.0, 1e-3, 60.0, 2.0, 0.5 };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);
  const double w = 2 * G_PI * 10000.0;
  double res_ohm, lces_h, cmes_f;
  double complex motional, at_10k;

  /* Written out as PHYSICS.md has it, in complex arithmetic, against the
   * model's real-arithmetic admittance sum. */
  hr_thiele_small_derived (&ts, &res_ohm, &lces_h, &cmes_f);
  motional = 1.0 / (1.0 / res_ohm + 1.0 / (I * w * lces_h) + I * w * cmes_f);
  at_10k = hr_impedance_eval (z, 10000.0);
  assert_close (creal (at_10k), ts.re_ohm + creal (motional), 1e-12);
  assert_close (cimag (at_10k), w * ts.le_h + cimag (motional), 1e-12);
  /* Le dominates up there: 62.8 Ω of reactance. */
  g_assert_cmpfloat_with_epsilon (cimag (at_10k), w * 1e-3, 0.5);
}

static void
test_network (void)
{
  g_autoptr(HrNetwork) series = hr_network_new_series ();
  g_autoptr(HrNetwork) parallel = hr_network_new_parallel ();
  g_autoptr(HrImpedance) z = NULL;
  g_autoptr(GError) error = NULL;
  const double f = 1000.0, w = 2 * G_PI * f;
  double complex zc, zp, expected, got;

  /* 10 Ω + 1 mH + (100 Ω ∥ 1 µF) */
  hr_network_take_child (parallel, hr_network_new_resistor (100.0));
  hr_network_take_child (parallel, hr_network_new_capacitor (1e-6));
  hr_network_take_child (series, hr_network_new_resistor (10.0));
  hr_network_take_child (series, hr_network_new_inductor (1e-3));
  hr_network_take_child (series, hr_network_ref (parallel));
  z = hr_impedance_new_network (series, &error);
  g_assert_no_error (error);

  zc = 1.0 / (I * w * 1e-6);
  zp = 100.0 * zc / (100.0 + zc);
  expected = 10.0 + I * w * 1e-3 + zp;
  got = hr_impedance_eval (z, f);
  assert_close (creal (got), creal (expected), 1e-12);
  assert_close (cimag (got), cimag (expected), 1e-12);
}

static void
test_points (void)
{
  const HrImpedancePoint points[] = {
    { 100.0, 10.0, 0.0 },
    { 1000.0, 100.0, 45.0 },
    { 10000.0, 50.0, -30.0 },
  };
  g_autoptr(HrImpedance) z = hr_impedance_new_points (points, G_N_ELEMENTS (points), NULL);
  double complex mid;

  /* At the nodes the values are given back. */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double complex v = hr_impedance_eval (z, points[i].freq_hz);

      assert_close (cabs (v), points[i].mag_ohm, 1e-12);
      g_assert_cmpfloat_with_epsilon (carg (v) * 180 / G_PI, points[i].phase_deg, 1e-9);
    }

  /* Halfway in log f: the geometric mean of |Z|, the mean of the phase. */
  mid = hr_impedance_eval (z, sqrt (100.0 * 1000.0));
  assert_close (cabs (mid), sqrt (10.0 * 100.0), 1e-12);
  g_assert_cmpfloat_with_epsilon (carg (mid) * 180 / G_PI, 22.5, 1e-9);

  /* Outside the data the end values hold. */
  assert_close (cabs (hr_impedance_eval (z, 5.0)), 10.0, 1e-12);
  assert_close (cabs (hr_impedance_eval (z, 50000.0)), 50.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (carg (hr_impedance_eval (z, 50000.0)) * 180 / G_PI, -30.0, 1e-9);
}

/* eval_many walks the table with a cursor; it must agree with a fresh
 * search at every frequency, rising, falling or jumping about. */
static void
test_points_eval_many (void)
{
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (HrImpedancePoint));
  g_autoptr(HrImpedance) z = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  double freq_hz[300];
  double complex many[300];

  for (guint i = 0; i < 40; i++)
    {
      HrImpedancePoint p = { 10.0 * pow (1.2, i), g_rand_double_range (rand, 5, 500),
                             g_rand_double_range (rand, -80, 80) };
      g_array_append_val (points, p);
    }
  z = hr_impedance_new_points (&g_array_index (points, HrImpedancePoint, 0), points->len, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (freq_hz); i++)
    freq_hz[i] = i < 150 ? 5.0 * pow (1.05, i) : g_rand_double_range (rand, 1, 30000);
  hr_impedance_eval_many (z, freq_hz, G_N_ELEMENTS (freq_hz), many);
  for (guint i = 0; i < G_N_ELEMENTS (freq_hz); i++)
    {
      double complex one = hr_impedance_eval (z, freq_hz[i]);

      g_assert_cmpfloat (cabs (many[i] - one), <=, 1e-12 * cabs (one));
    }
}

static void
test_scaled (void)
{
  const HrThieleSmall ts = { 24.0, 1e-4, 95.0, 3.2, 0.45 };
  g_autoptr(HrImpedance) z32 = hr_impedance_new_thiele_small (&ts, NULL);
  g_autoptr(HrImpedance) z250 = hr_impedance_new_scaled (z32, 250.0 / 32.0, NULL);
  g_autoptr(HrImpedance) back = hr_impedance_new_scaled (z250, 32.0 / 250.0, NULL);

  g_assert_cmpfloat_with_epsilon (hr_impedance_get_scale (z250), 250.0 / 32.0, 1e-12);
  for (double f = 20.0; f <= 20000.0; f *= 1.5)
    {
      assert_close (cabs (hr_impedance_eval (z250, f)), cabs (hr_impedance_eval (z32, f)) * 250.0 / 32.0, 1e-12);
      assert_close (cabs (hr_impedance_eval (back, f)), cabs (hr_impedance_eval (z32, f)), 1e-12);
    }
}

/* PHYSICS.md: HD 600, 97 dB/mW at 300 Ω → 102.2 dB/V; X mV for 94 dB. */
static void
test_sensitivity (void)
{
  HrSensitivityUnit unit;

  g_assert_cmpfloat_with_epsilon (hr_sensitivity_to_db_per_v (97.0, HR_SENSITIVITY_DB_PER_MW, 300.0),
                                  97.0 - 10 * log10 (0.3), 1e-12);
  g_assert_cmpfloat_with_epsilon (hr_sensitivity_to_db_per_v (97.0, HR_SENSITIVITY_DB_PER_MW, 300.0), 102.23, 0.005);
  g_assert_cmpfloat (hr_sensitivity_to_db_per_v (102.0, HR_SENSITIVITY_DB_PER_V, 32.0), ==, 102.0);
  g_assert_cmpfloat_with_epsilon (hr_sensitivity_to_db_per_v (10.0, HR_SENSITIVITY_MV_AT_94_DB, 32.0), 134.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hr_sensitivity_to_db_per_v (1000.0, HR_SENSITIVITY_MV_AT_94_DB, 32.0), 94.0, 1e-12);

  g_assert_true (hr_sensitivity_unit_from_string ("dB/mW", &unit));
  g_assert_cmpint (unit, ==, HR_SENSITIVITY_DB_PER_MW);
  g_assert_true (hr_sensitivity_unit_from_string ("mV@94dB", &unit));
  g_assert_cmpint (unit, ==, HR_SENSITIVITY_MV_AT_94_DB);
  g_assert_false (hr_sensitivity_unit_from_string ("dB", &unit));
  g_assert_cmpstr (hr_sensitivity_unit_to_string (HR_SENSITIVITY_DB_PER_V), ==, "dB/V");
}

/* Another winding of the same headphone keeps its dB/mW and scales |Z|. */
static void
test_renominated (void)
{
  const HrThieleSmall ts = { 24.0, 1e-4, 95.0, 3.2, 0.45 };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);
  g_autoptr(HrHeadphone) hp32 = hr_headphone_new ("DT", 32.0, 96.0, HR_SENSITIVITY_DB_PER_MW, z, NULL);
  g_autoptr(HrHeadphone) hp250 = hr_headphone_new_renominated (hp32, 250.0, NULL);

  g_assert_cmpfloat_with_epsilon (hr_headphone_get_sensitivity_db_per_mw (hp250), 96.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (hr_headphone_get_sensitivity_db_per_v (hp32)
                                  - hr_headphone_get_sensitivity_db_per_v (hp250),
                                  10 * log10 (250.0 / 32.0), 1e-12);
  assert_close (cabs (hr_impedance_eval (hr_headphone_get_impedance (hp250), 1000.0)),
                cabs (hr_impedance_eval (z, 1000.0)) * 250.0 / 32.0, 1e-12);
  g_assert_cmpstr (hr_headphone_get_name (hp250), ==, "DT");
}

/* A Thiele–Small driver's peak is Re (1 + Qms/Qes) at fs; the grid finds
 * it within half a 1/48-octave step, and the minimum near Re. */
static void
test_features (void)
{
  const HrThieleSmall ts = { 24.0, 1e-4, 95.0, 3.2, 0.45 };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);
  g_autoptr(HrImpedance) flat = hr_impedance_new_resistor (32.0, NULL);
  HrImpedanceFeatures features;

  hr_impedance_get_features (z, &features);
  assert_close (features.at_1khz_ohm, cabs (hr_impedance_eval (z, 1000.0)), 1e-12);
  assert_close (features.max_ohm, 24.0 * (1.0 + 3.2 / 0.45), 2e-3);
  assert_close (features.max_freq_hz, 95.0, 0.008);
  g_assert_cmpfloat (features.min_ohm, >=, 24.0);
  g_assert_cmpfloat (features.min_ohm, <, 24.5);
  g_assert_cmpfloat (features.min_freq_hz, >, 300.0);
  g_assert_cmpfloat (features.min_freq_hz, <, 5000.0);

  /* A measurement's peak is its own point, not the grid's nearest. */
  {
    static const HrImpedancePoint points[] = { { 20, 38, 12 }, { 90, 60, 0 }, { 1000, 32.5, 2 }, { 20000, 41, 25 } };
    g_autoptr(HrImpedance) measured = hr_impedance_new_points (points, G_N_ELEMENTS (points), NULL);

    hr_impedance_get_features (measured, &features);
    assert_close (features.max_ohm, 60.0, 1e-12);
    g_assert_cmpfloat (features.max_freq_hz, ==, 90.0);
    assert_close (features.min_ohm, 32.5, 1e-12);
  }

  hr_impedance_get_features (flat, &features);
  g_assert_cmpfloat (features.min_ohm, ==, 32.0);
  g_assert_cmpfloat (features.max_ohm, ==, 32.0);
  assert_close (features.min_freq_hz, 20.0, 1e-12);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/impedance/resistor", test_resistor);
  g_test_add_func ("/impedance/thiele-small/derived", test_thiele_small_derived);
  g_test_add_func ("/impedance/thiele-small/peak", test_thiele_small_peak);
  g_test_add_func ("/impedance/thiele-small/inductance", test_thiele_small_inductance);
  g_test_add_func ("/impedance/network", test_network);
  g_test_add_func ("/impedance/features", test_features);
  g_test_add_func ("/impedance/points", test_points);
  g_test_add_func ("/impedance/points/eval-many", test_points_eval_many);
  g_test_add_func ("/impedance/scaled", test_scaled);
  g_test_add_func ("/headphone/sensitivity", test_sensitivity);
  g_test_add_func ("/headphone/renominated", test_renominated);

  return g_test_run ();
}
