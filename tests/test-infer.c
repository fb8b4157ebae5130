/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-core.h"
#include "hr-infer.h"

/* Voc, Zout and Imax from spec-sheet power tables: synthetic tables made
 * from known figures come back exactly, and the published tables of real
 * amplifiers give what their own numbers imply. */

#define assert_rel(a, b, rel) \
  g_assert_cmpfloat_with_epsilon ((a), (b), (rel) * fabs (b))

static HrInferResult *
infer (const HrPowerSpec *specs,
       guint              n_specs,
       double             zout_known_ohm)
{
  g_autoptr(GError) error = NULL;
  HrInferResult *result = hr_infer_source (specs, n_specs, zout_known_ohm, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static gboolean
has_note (const HrInferResult *result,
          const char          *needle)
{
  for (guint i = 0; i < result->notes->len; i++)
    if (strstr (g_ptr_array_index (result->notes, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* The power a Thévenin source with a current limit delivers into R
 * (PHYSICS.md, "Clipping"), in mW. */
static double
model_power_mw (double voc_vrms,
                double zout_ohm,
                double imax_a,
                double load_ohm)
{
  const double v_vrms = MIN (voc_vrms * load_ohm / (load_ohm + zout_ohm), imax_a * load_ohm);

  return v_vrms * v_vrms / load_ohm * 1000.0;
}

/* 5 Vrms behind 2 Ω, 100 mA: current binds below 5/0.1 − 2 = 48 Ω. */
static void
test_synthetic_both_limits (void)
{
  static const double loads_ohm[] = { 600.0, 16.0, 150.0, 32.0, 64.0, 300.0 };
  HrPowerSpec specs[G_N_ELEMENTS (loads_ohm)] = { { 0 } };
  g_autoptr(HrInferResult) fitted = NULL;
  g_autoptr(HrInferResult) given = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (loads_ohm); i++)
    {
      specs[i].load_ohm = loads_ohm[i];
      specs[i].power_mw = model_power_mw (5.0, 2.0, 0.1, loads_ohm[i]);
    }

  fitted = infer (specs, G_N_ELEMENTS (specs), HR_UNKNOWN);
  given = infer (specs, G_N_ELEMENTS (specs), 2.0);
  for (guint r = 0; r < 2; r++)
    {
      const HrInferResult *result = r == 0 ? fitted : given;

      assert_rel (result->voc_vrms, 5.0, 1e-9);
      assert_rel (result->zout_ohm, 2.0, 1e-9);
      assert_rel (result->imax_ma, 100.0, 1e-9);
      g_assert_cmpfloat (result->rms_residual_pct, <, 1e-6);
      for (guint i = 0; i < result->n_pairs; i++)
        {
          /* In the order given, each with the limit the model says. */
          g_assert_cmpfloat (result->pairs[i].load_ohm, ==, loads_ohm[i]);
          g_assert_cmpint (result->pairs[i].limit, ==,
                           loads_ohm[i] < 48.0 ? HR_LIMIT_CURRENT : HR_LIMIT_VOLTAGE);
        }
    }
  g_assert_false (fitted->zout_given);
  g_assert_true (given->zout_given);
}

/* No pair reaches the current limit: it stays unknown, with the least it
 * can be. */
static void
test_synthetic_all_voltage (void)
{
  static const double loads_ohm[] = { 32.0, 300.0, 600.0 };
  HrPowerSpec specs[G_N_ELEMENTS (loads_ohm)] = { { 0 } };
  g_autoptr(HrInferResult) result = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (loads_ohm); i++)
    {
      specs[i].load_ohm = loads_ohm[i];
      specs[i].power_mw = model_power_mw (2.0, 10.0, INFINITY, loads_ohm[i]);
    }

  result = infer (specs, G_N_ELEMENTS (specs), HR_UNKNOWN);
  assert_rel (result->voc_vrms, 2.0, 1e-9);
  assert_rel (result->zout_ohm, 10.0, 1e-9);
  g_assert_true (isnan (result->imax_ma));
  for (guint i = 0; i < result->n_pairs; i++)
    g_assert_cmpint (result->pairs[i].limit, ==, HR_LIMIT_VOLTAGE);
  /* 2 V into 42 Ω: 47.6 mA, the most any pair draws. */
  g_assert_true (has_note (result, "at least 47.6 mA"));
}

/* One voltage-bound pair cannot give Zout: unknown, and said so. */
static void
test_synthetic_one_voltage_pair (void)
{
  const HrPowerSpec specs[] = {
    { model_power_mw (4.0, 0.0, 0.05, 16.0), 16.0 },
    { model_power_mw (4.0, 0.0, 0.05, 32.0), 32.0 },
    { model_power_mw (4.0, 0.0, 0.05, 600.0), 600.0 },
  };
  g_autoptr(HrInferResult) result = infer (specs, G_N_ELEMENTS (specs), HR_UNKNOWN);

  assert_rel (result->voc_vrms, 4.0, 1e-9);
  g_assert_true (isnan (result->zout_ohm));
  assert_rel (result->imax_ma, 50.0, 1e-9);
  g_assert_cmpint (result->pairs[0].limit, ==, HR_LIMIT_CURRENT);
  g_assert_cmpint (result->pairs[1].limit, ==, HR_LIMIT_CURRENT);
  g_assert_cmpint (result->pairs[2].limit, ==, HR_LIMIT_VOLTAGE);
  g_assert_true (has_note (result, "output impedance cannot be fitted"));
}

/* More voltage into the lower load fits a negative Zout: clamped to 0. */
static void
test_negative_zout_clamped (void)
{
  const HrPowerSpec specs[] = {
    { 1.1 * 1.1 / 100.0 * 1000.0, 100.0 },
    { 1.0 * 1.0 / 1000.0 * 1000.0, 1000.0 },
  };
  g_autoptr(HrInferResult) result = infer (specs, G_N_ELEMENTS (specs), HR_UNKNOWN);

  g_assert_true (result->zout_clamped);
  g_assert_cmpfloat (result->zout_ohm, ==, 0.0);
  /* Least squares in 1/V with Zout = 0: the harmonic mean of the voltages. */
  assert_rel (result->voc_vrms, 2.0 / (1.0 / 1.1 + 1.0), 1e-12);
  g_assert_true (isnan (result->imax_ma));
  g_assert_true (has_note (result, "negative output impedance"));
}

static void
assert_infer_error (const HrPowerSpec *specs,
                    guint              n_specs,
                    double             zout_ohm,
                    const char        *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrInferResult) result = hr_infer_source (specs, n_specs, zout_ohm, &error);

  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bad_input (void)
{
  const HrPowerSpec nan_power[] = { { 100.0, 32.0 }, { NAN, 300.0 } };
  const HrPowerSpec zero_load[] = { { 100.0, 0.0 }, { 10.0, 300.0 } };
  const HrPowerSpec negative[] = { { 100.0, 32.0 }, { -10.0, 300.0 } };

  assert_infer_error (nan_power, 2, HR_UNKNOWN,
                      "pairs[1].power_mw must be a finite number greater than 0, got nan");
  assert_infer_error (zero_load, 2, HR_UNKNOWN,
                      "pairs[0].load_ohm must be a finite number greater than 0, got 0");
  assert_infer_error (negative, 2, HR_UNKNOWN,
                      "pairs[1].power_mw must be a finite number greater than 0, got -10");
  assert_infer_error (negative, 1, HR_UNKNOWN, "at least two power figures are needed, got 1");
  assert_infer_error (nan_power, 1, HR_UNKNOWN, "at least two power figures are needed, got 1");
  assert_infer_error (zero_load + 1, 1, -1.0, "at least two power figures are needed, got 1");
  {
    const HrPowerSpec good[] = { { 100.0, 32.0 }, { 10.0, 300.0 } };

    assert_infer_error (good, 2, -1.0, "zout_ohm must be a finite number of 0 or more, got -1");
  }
}

/* NwAvGuy's Objective2 as JDS Labs builds it, and JDS Labs' Element, from
 * the table in JDS Labs' blog post "PSA: Element is Not an O2"
 * (blog.jdslabs.com): O2 88 mW into 600 Ω and 613 mW into 32 Ω, output
 * impedance 0.54 Ω; Element 140 mW into 600 Ω and 1500 mW into 32 Ω,
 * 0.1 Ω.
 *
 * What the figures imply: into 600 Ω the O2 swings √(0.088·600) = 7.27 V,
 * but into 32 Ω only 4.43 V, far less than a 0.54 Ω output impedance
 * would lose (7.27·32/32.54 = 7.14 V): the 32 Ω figure is the current
 * limit, √(0.613/32) = 138 mA. Likewise the Element: 9.17 V, 217 mA. */
static void
test_published_o2_and_element (void)
{
  const HrPowerSpec o2[] = { { 613.0, 32.0 }, { 88.0, 600.0 } };
  const HrPowerSpec element[] = { { 1500.0, 32.0 }, { 140.0, 600.0 } };
  g_autoptr(HrInferResult) o2_fitted = infer (o2, 2, HR_UNKNOWN);
  g_autoptr(HrInferResult) o2_given = infer (o2, 2, 0.54);
  g_autoptr(HrInferResult) element_given = infer (element, 2, 0.1);

  g_assert_cmpint (o2_fitted->pairs[0].limit, ==, HR_LIMIT_CURRENT);
  g_assert_cmpint (o2_fitted->pairs[1].limit, ==, HR_LIMIT_VOLTAGE);
  assert_rel (o2_fitted->voc_vrms, 7.27, 0.01);
  assert_rel (o2_fitted->imax_ma, 138.4, 0.01);
  /* Two figures, two limits: nothing left to fit Zout with. */
  g_assert_true (isnan (o2_fitted->zout_ohm));
  /* The other reading (both voltage-bound, Zout 22.5 Ω) is named. */
  g_assert_true (has_note (o2_fitted, "none limited by current"));

  /* With the published Zout, Voc is what 600 Ω saw plus the drop. */
  assert_rel (o2_given->voc_vrms, sqrt (0.088 * 600.0) * 600.54 / 600.0, 1e-9);
  assert_rel (o2_given->imax_ma, 138.4, 0.01);
  g_assert_cmpfloat (fabs (o2_given->pairs[1].residual_pct), <, 1e-6);

  g_assert_cmpint (element_given->pairs[0].limit, ==, HR_LIMIT_CURRENT);
  assert_rel (element_given->voc_vrms, 9.17, 0.01);
  assert_rel (element_given->imax_ma, 216.5, 0.01);
}

/* Schiit Magni 2, as listed on Head-Fi's product page "Schiit Magni 2"
 * (head-fi.org/showcase/schiit-magni-2.20493, quoting Schiit's
 * specifications): 1.8 W into 16 Ω, 1.2 W into 32 Ω, 1.0 W into 50 Ω,
 * 260 mW into 300 Ω, 130 mW into 600 Ω; output impedance under 0.2 Ω.
 *
 * What the figures imply: 300 Ω and 600 Ω both see 8.83 V, so the
 * swing is 8.83 V; the current drawn falls from 335 mA into 16 Ω to 141 mA
 * into 50 Ω, which no single current limit explains. The voltage
 * dropping gradually with the load reads as an effective source impedance
 * at full power (a sagging supply), not the small-signal 0.2 Ω; and since
 * every pair then fits the voltage line, none shows a current limit. */
static void
test_published_magni_2 (void)
{
  const HrPowerSpec magni[] = {
    { 1800.0, 16.0 }, { 1200.0, 32.0 }, { 1000.0, 50.0 }, { 260.0, 300.0 }, { 130.0, 600.0 },
  };
  g_autoptr(HrInferResult) result = infer (magni, G_N_ELEMENTS (magni), HR_UNKNOWN);

  /* Voc reproduces the high loads to a few per cent in voltage. */
  assert_rel (result->voc_vrms, sqrt (0.26 * 300.0), 0.03);
  assert_rel (sqrt (result->pairs[3].model_power_mw / result->pairs[3].power_mw), 1.0, 0.05);
  assert_rel (sqrt (result->pairs[4].model_power_mw / result->pairs[4].power_mw), 1.0, 0.05);
  g_assert_cmpfloat (result->zout_ohm, >, 5.0);
  g_assert_cmpfloat (result->zout_ohm, <, 20.0);
  g_assert_true (isnan (result->imax_ma));
  g_assert_true (has_note (result, "at least 335 mA"));
  for (guint i = 0; i < result->n_pairs; i++)
    {
      g_assert_cmpint (result->pairs[i].limit, ==, HR_LIMIT_VOLTAGE);
      g_assert_cmpfloat (fabs (result->pairs[i].residual_pct), <, 15.0);
    }
}

/* Maximum levels as sheets print them: RME's ADI-2 Pro FS gives its
 * phones +22 dBu with no load, +19 dBu into 32 Ω and +15 dBu into 16 Ω
 * (User's Guide §34.16). Open circuit, the first is Voc itself; the
 * second, voltage-bound, then fixes Zout; the third, far below what Zout
 * allows, is the current limit. */
static void
test_levels (void)
{
  const double dbu_vrms = 0.7745967;
  const HrPowerSpec levels[] = {
    { 0.0, INFINITY, dbu_vrms * pow (10.0, 22.0 / 20.0) },
    { 0.0, 32.0, dbu_vrms * pow (10.0, 19.0 / 20.0) },
    { 0.0, 16.0, dbu_vrms * pow (10.0, 15.0 / 20.0) },
  };
  g_autoptr(HrInferResult) result = infer (levels, G_N_ELEMENTS (levels), HR_UNKNOWN);
  g_autofree char *line = NULL;

  assert_rel (result->voc_vrms, dbu_vrms * pow (10.0, 22.0 / 20.0), 1e-9);
  /* 32 Ω · (Voc/V − 1), V 3 dB below Voc */
  assert_rel (result->zout_ohm, 32.0 * (pow (10.0, 3.0 / 20.0) - 1.0), 1e-9);
  assert_rel (result->imax_ma, 1000.0 * levels[2].level_vrms / 16.0, 1e-9);
  g_assert_cmpint (result->pairs[0].limit, ==, HR_LIMIT_VOLTAGE);
  g_assert_cmpint (result->pairs[1].limit, ==, HR_LIMIT_VOLTAGE);
  g_assert_cmpint (result->pairs[2].limit, ==, HR_LIMIT_CURRENT);
  g_assert_cmpfloat (result->pairs[0].power_mw, ==, 0.0);
  g_assert_cmpfloat (result->rms_residual_pct, <, 1e-6);
  line = hr_infer_pair_format (&result->pairs[0]);
  g_assert_nonnull (strstr (line, "open circuit"));
  /* The open-circuit reading is said. */
  {
    gboolean said = FALSE;

    for (guint i = 0; i < result->notes->len; i++)
      said |= strstr (g_ptr_array_index (result->notes, i), "without a load is taken as open circuit") != NULL;
    g_assert_true (said);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/infer/synthetic-both-limits", test_synthetic_both_limits);
  g_test_add_func ("/infer/synthetic-all-voltage", test_synthetic_all_voltage);
  g_test_add_func ("/infer/synthetic-one-voltage-pair", test_synthetic_one_voltage_pair);
  g_test_add_func ("/infer/negative-zout-clamped", test_negative_zout_clamped);
  g_test_add_func ("/infer/bad-input", test_bad_input);
  g_test_add_func ("/infer/levels", test_levels);
  g_test_add_func ("/infer/published-o2-and-element", test_published_o2_and_element);
  g_test_add_func ("/infer/published-magni-2", test_published_magni_2);

  return g_test_run ();
}
