/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <glib.h>

#include "hr-core.h"

#define assert_close(a, b, rel) \
  g_assert_cmpfloat_with_epsilon ((a), (b), (rel) * MAX (fabs (a), fabs (b)) + 1e-300)

static HrHeadphone *
resistor_headphone (double r_ohm,
                    double sensitivity_db_per_v)
{
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (r_ohm, NULL);

  return hr_headphone_new ("R", r_ohm, sensitivity_db_per_v, HR_SENSITIVITY_DB_PER_V, z, NULL);
}

static HrSweep *
computed_sweep (const HrCircuit *circuit,
                HrDrive          drive,
                const double    *freq_hz,
                guint            n_freqs)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrSweep) sweep = NULL;

  if (freq_hz != NULL)
    sweep = hr_sweep_new (freq_hz, n_freqs, &error);
  else
    sweep = hr_sweep_new_log (20.0, 20000.0, 200, &error);
  g_assert_no_error (error);
  g_assert_true (hr_sweep_compute (sweep, circuit, &drive, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&sweep);
}

static void
test_log_frequencies (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree double *f = hr_log_frequencies (20.0, 20000.0, 7, &error);

  g_assert_no_error (error);
  for (guint k = 0; k < 7; k++)
    g_assert_cmpfloat (f[k], ==, 20.0 * pow (1000.0, k / 6.0));
  assert_close (f[6], 20000.0, 1e-15);
}

/* 2 V behind 32 Ω into 32 Ω: half the voltage, 31.25 mA, a quarter of the
 * power a 0 Ω source would give, flat. */
static void
test_resistive_divider (void)
{
  g_autoptr(HrHeadphone) hp = resistor_headphone (32.0, 100.0);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  g_autoptr(HrSweep) sweep = NULL;

  circuit.source.output_impedance_ohm = 32.0;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 2.0 }, NULL, 0);

  for (guint i = 0; i < sweep->n_points; i++)
    {
      assert_close (sweep->z_mag_ohm[i], 32.0, 1e-15);
      g_assert_cmpfloat (sweep->z_phase_deg[i], ==, 0.0);
      assert_close (sweep->v_load_vrms[i], 1.0, 1e-15);
      assert_close (sweep->i_ma[i], 31.25, 1e-15);
      assert_close (sweep->i_source_ma[i], 31.25, 1e-15);
      assert_close (sweep->p_mw[i], 31.25, 1e-14);
      assert_close (sweep->atten_db[i], 20 * log10 (0.5), 1e-14);
      g_assert_cmpfloat_with_epsilon (sweep->dev_db[i], 0.0, 1e-14);
      assert_close (sweep->spl_db[i], 100.0, 1e-14);
      g_assert_cmpfloat (sweep->spl_max_db[i], ==, INFINITY);
      g_assert_cmpint (sweep->limit[i], ==, HR_LIMIT_NONE);
    }
  assert_close (sweep->voc_vrms, 2.0, 0);
  assert_close (sweep->spl_1k_db, 100.0, 1e-14);
}

/* A load that rises without bound away from 1 kHz, behind Zout = Z/8:
 * the worst swing is 20·log10(9/8) = 1.02 dB (PHYSICS.md, "The 1/8 rule"). */
static void
test_eighth_rule (void)
{
  const HrImpedancePoint points[] = {
    { 20.0, 1e9, 0.0 }, { 500.0, 32.0, 0.0 }, { 2000.0, 32.0, 0.0 }, { 20000.0, 1e9, 0.0 },
  };
  g_autoptr(HrImpedance) z = hr_impedance_new_points (points, G_N_ELEMENTS (points), NULL);
  g_autoptr(HrHeadphone) hp = hr_headphone_new ("rising", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrSummary) summary = NULL;

  circuit.source.output_impedance_ohm = 32.0 / 8.0;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, NULL, 0);
  g_assert_cmpfloat_with_epsilon (sweep->dev_db[0], 20 * log10 (9.0 / 8.0), 1e-6);
  g_assert_cmpfloat_with_epsilon (sweep->dev_db[0], 1.02, 0.005);

  summary = hr_summary_compute (sweep, &circuit, HR_DEFAULT_CREST_FACTOR_DB, NULL);
  g_assert_true (summary->eighth_rule_holds);
  g_assert_cmpfloat_with_epsilon (summary->deviation_span_db, 20 * log10 (9.0 / 8.0), 1e-6);
  g_assert_cmpfloat_with_epsilon (summary->damping_factor, 8.0, 1e-12);
}

/* The Thiele–Small peak at fs is Re + Res, in a sweep as in the model. */
static void
test_thiele_small_peak_in_sweep (void)
{
  const HrThieleSmall ts = { 24.0, 0.0, 90.0, 3.0, 0.5 };
  const double freq_hz[] = { 20.0, 90.0, 1000.0, 20000.0 };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);
  g_autoptr(HrHeadphone) hp = hr_headphone_new ("ts", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  g_autoptr(HrSweep) sweep = NULL;
  double zpeak;

  circuit.source.output_impedance_ohm = 120.0;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 4);
  zpeak = ts.re_ohm + ts.re_ohm * ts.qms / ts.qes;
  assert_close (sweep->z_mag_ohm[1], zpeak, 1e-12);
  g_assert_cmpfloat_with_epsilon (sweep->z_phase_deg[1], 0.0, 1e-9);
  /* At fs the divider is resistive: dev = 20 log10 of the ratio of the
   * two resistive dividers against 1 kHz. */
  g_assert_cmpfloat_with_epsilon (sweep->dev_db[1],
                                  20 * log10 (zpeak / (zpeak + 120.0)) - sweep->atten_db[2] + 0.0,
                                  1e-9);
}

static void
test_spl_drive (void)
{
  g_autoptr(HrHeadphone) hp = resistor_headphone (300.0, 102.0);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  const double freq_hz[] = { 100.0, 1000.0, 10000.0 };
  g_autoptr(HrSweep) sweep = NULL;

  circuit.source.output_impedance_ohm = 100.0;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_SPL, 94.0 }, freq_hz, 3);
  assert_close (sweep->spl_1k_db, 94.0, 1e-12);
  assert_close (sweep->spl_db[1], 94.0, 1e-12);
  /* 94 dB at 102 dB/V needs 10^(−8/20) V at the load, 4/3 of that open circuit. */
  assert_close (sweep->v_load_vrms[1], pow (10, -8.0 / 20.0), 1e-12);
  assert_close (sweep->voc_vrms, pow (10, -8.0 / 20.0) * 400.0 / 300.0, 1e-12);

  /* The other way: 1 V open circuit is 3/4 V at the load, 102 + 20 log 0.75 dB. */
  assert_close (hr_sweep_spl_1k_for_voltage (sweep, 1.0), 102.0 + 20.0 * log10 (0.75), 1e-12);
  g_assert_true (isnan (hr_sweep_spl_1k_for_voltage (sweep, 0.0)));
  g_assert_true (isnan (hr_sweep_spl_1k_for_voltage (sweep, -1.0)));
}

static void
test_voltage_and_current_limits (void)
{
  g_autoptr(HrHeadphone) hp = resistor_headphone (32.0, 100.0);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  g_autoptr(HrSweep) by_voltage = NULL;
  g_autoptr(HrSweep) by_current = NULL;

  /* 1 V swing, no current limit: 1 V into the load at most. */
  circuit.source.max_voltage_vrms = 1.0;
  by_voltage = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 0.1 }, NULL, 0);
  g_assert_cmpint (by_voltage->limit[0], ==, HR_LIMIT_VOLTAGE);
  assert_close (by_voltage->spl_max_db[0], 100.0, 1e-14);

  /* 10 mA into 32 Ω is 0.32 V, below the 1 V swing: current binds. */
  circuit.source.max_current_ma = 10.0;
  by_current = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 0.1 }, NULL, 0);
  g_assert_cmpint (by_current->limit[0], ==, HR_LIMIT_CURRENT);
  assert_close (by_current->spl_max_db[0], 100.0 + 20 * log10 (0.32), 1e-12);
}

/* A DC-blocking capacitor: Zout = R + 1/(jωC) loses bass. */
static void
test_dc_block (void)
{
  g_autoptr(HrHeadphone) hp = resistor_headphone (32.0, 100.0);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  const double freq_hz[] = { 20.0, 1000.0 };
  g_autoptr(HrSweep) sweep = NULL;
  double complex zout20, zout1k, h20, h1k;

  circuit.source.output_impedance_ohm = 10.0;
  circuit.source.dc_block_uf = 47.0;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 2);

  zout20 = 10.0 + 1.0 / (I * 2 * G_PI * 20.0 * 47e-6);
  zout1k = 10.0 + 1.0 / (I * 2 * G_PI * 1000.0 * 47e-6);
  g_assert_cmpfloat_with_epsilon (cabs (zout20 - 10.0), 169.3, 0.05);
  h20 = 32.0 / (32.0 + zout20);
  h1k = 32.0 / (32.0 + zout1k);
  assert_close (sweep->atten_db[0], 20 * log10 (cabs (h20)), 1e-12);
  assert_close (sweep->dev_db[0], 20 * log10 (cabs (h20) / cabs (h1k)), 1e-12);
  assert_close (cabs (hr_source_eval_zout (&circuit.source, 20.0)), cabs (zout20), 1e-12);
}

/* An adapter, checked against the node equation rather than the Thévenin
 * form the model uses: V_L = Voc·(Zl∥Rp)/(Zs + Zl∥Rp). */
static void
test_adapter (void)
{
  g_autoptr(HrHeadphone) hp = resistor_headphone (32.0, 100.0);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  const double freq_hz[] = { 1000.0 };
  g_autoptr(HrSweep) sweep = NULL;
  const double zs = 100.0 + 0.5 + 47.0, rp = 10.0;
  const double zlp = 32.0 * rp / (32.0 + rp);

  circuit.source.output_impedance_ohm = 100.0;
  circuit.source.max_current_ma = 5.0;
  circuit.connection.cable_ohm = 0.5;
  circuit.connection.adapter_series_ohm = 47.0;
  circuit.connection.adapter_shunt_ohm = rp;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 2.0 }, freq_hz, 1);

  assert_close (sweep->v_load_vrms[0], 2.0 * zlp / (zs + zlp), 1e-12);
  assert_close (sweep->i_ma[0], 1e3 * 2.0 * zlp / (zs + zlp) / 32.0, 1e-12);
  assert_close (sweep->i_source_ma[0], 1e3 * 2.0 / (zs + zlp), 1e-12);
  /* 5 mA out of the source into 32 Ω ∥ 10 Ω. */
  g_assert_cmpint (sweep->limit[0], ==, HR_LIMIT_CURRENT);
  assert_close (sweep->spl_max_db[0], 100.0 + 20 * log10 (5e-3 * zlp), 1e-12);
}

/* Each part on its own: 10 Ω behind 2 Ω of cable and an adapter of
 * 8 Ω and 20 Ω, into 30 Ω. By hand: 20 Ω in series with 20 ∥ 30 = 12 Ω,
 * so 1/32 A a volt out of the source, 0.375 V at the load, 12.5 mA
 * into it and 18.75 mA through the shunt; the drops add up to Voc. */
static void
test_circuit_parts (void)
{
  g_autoptr(HrHeadphone) hp = resistor_headphone (30.0, 100.0);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  HrCircuitPoint point;

  circuit.source.output_impedance_ohm = 10.0;
  circuit.connection.cable_ohm = 2.0;
  circuit.connection.adapter_series_ohm = 8.0;
  circuit.connection.adapter_shunt_ohm = 20.0;
  hr_circuit_eval (&circuit, 1000.0, &point);

  assert_close (creal (point.z_source_ohm), 10.0, 1e-12);
  assert_close (creal (point.i_source_per_v), 1.0 / 32.0, 1e-12);
  assert_close (creal (point.transfer), 0.375, 1e-12);
  assert_close (creal (point.i_load_per_v), 0.0125, 1e-12);
  assert_close (creal (point.i_shunt_per_v), 0.01875, 1e-12);
  assert_close (creal (point.v_zout_per_v), 0.3125, 1e-12);
  assert_close (creal (point.v_cable_per_v), 0.0625, 1e-12);
  assert_close (creal (point.v_series_per_v), 0.25, 1e-12);
  assert_close (creal (point.v_jack_per_v), 0.6875, 1e-12);
  assert_close (point.p_load_w_per_v2, 0.0125 * 0.0125 * 30.0, 1e-12);
  assert_close (cabs (point.v_zout_per_v + point.v_cable_per_v + point.v_series_per_v + point.transfer),
                1.0, 1e-12);

  /* With a DC-blocking capacitor the source's Zout is complex, and its
   * drop with it; without an adapter no current is shunted. */
  circuit.source.dc_block_uf = 47.0;
  circuit.connection = (HrConnection) HR_CONNECTION_INIT;
  hr_circuit_eval (&circuit, 20.0, &point);
  assert_close (cabs (point.z_source_ohm), cabs (10.0 + 1.0 / (I * 2 * G_PI * 20.0 * 47e-6)), 1e-12);
  g_assert_cmpfloat (cabs (point.i_shunt_per_v), ==, 0.0);
  assert_close (cabs (point.v_zout_per_v + point.transfer), 1.0, 1e-12);
  assert_close (cabs (point.v_jack_per_v), cabs (point.transfer), 1e-12);
}

/* Real power is |I|²·Re(Z), not V²/|Z|. */
static void
test_real_power (void)
{
  g_autoptr(HrNetwork) tree = hr_network_new_series ();
  g_autoptr(HrImpedance) z = NULL;
  g_autoptr(HrHeadphone) hp = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  const double freq_hz[] = { 1000.0 };
  g_autoptr(HrSweep) sweep = NULL;
  double complex zl;

  hr_network_take_child (tree, hr_network_new_resistor (16.0));
  hr_network_take_child (tree, hr_network_new_inductor (5e-3));
  z = hr_impedance_new_network (tree, NULL);
  hp = hr_headphone_new ("BA", 32.0, 110.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  circuit.headphone = hp;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 1);

  zl = 16.0 + I * 2 * G_PI * 1000.0 * 5e-3;
  assert_close (sweep->p_mw[0], 1e3 * 16.0 / (cabs (zl) * cabs (zl)), 1e-12);
  g_assert_cmpfloat (sweep->p_mw[0], <, 1e3 / cabs (zl));
  assert_close (sweep->z_phase_deg[0], carg (zl) * 180 / G_PI, 1e-12);
}

/* The headphone's own response moves SPL and its ceiling, against the
 * frequency its sensitivity is stated at; the deviation the source causes
 * does not change. */
static void
test_headphone_response (void)
{
  const HrResponsePoint response[] = { { 100.0, 3.0 }, { 1000.0, 0.0 }, { 10000.0, -2.0 } };
  const double freq_hz[] = { 100.0, 1000.0, 10000.0 };
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (32.0, NULL);
  g_autoptr(HrHeadphone) flat = hr_headphone_new ("R", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  g_autoptr(HrHeadphone) at_1k = NULL;
  g_autoptr(HrHeadphone) at_500 = NULL;
  g_autoptr(HrHeadphone) renominated = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  g_autoptr(HrSweep) flat_sweep = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrSweep) sweep_500 = NULL;
  g_autoptr(HrSweep) by_spl = NULL;
  g_autoptr(GError) error = NULL;
  double r_500_db;

  at_1k = hr_headphone_new_with_response (flat, response, 3, 1000.0, &error);
  g_assert_no_error (error);
  at_500 = hr_headphone_new_with_response (flat, response, 3, 500.0, &error);
  g_assert_no_error (error);
  g_assert_true (hr_headphone_has_response (at_1k));
  g_assert_false (hr_headphone_has_response (flat));

  circuit.source.output_impedance_ohm = 10.0;
  circuit.source.max_voltage_vrms = 2.0;
  circuit.headphone = flat;
  flat_sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 3);
  circuit.headphone = at_1k;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 3);
  assert_close (sweep->spl_db[0], flat_sweep->spl_db[0] + 3.0, 1e-12);
  assert_close (sweep->spl_db[1], flat_sweep->spl_db[1], 1e-12);
  assert_close (sweep->spl_db[2], flat_sweep->spl_db[2] - 2.0, 1e-12);
  assert_close (sweep->spl_max_db[0], flat_sweep->spl_max_db[0] + 3.0, 1e-12);
  g_assert_cmpfloat (sweep->dev_db[0], ==, flat_sweep->dev_db[0]);

  /* Stated at 500 Hz, where the response is 3·(1 − log10 5) dB up: the
   * same volt gives that much less at 1 kHz. */
  r_500_db = 3.0 * (1.0 - log10 (5.0));
  g_assert_cmpfloat_with_epsilon (hr_headphone_get_response_db (at_500, 500.0), 0.0, 1e-12);
  circuit.headphone = at_500;
  sweep_500 = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 3);
  assert_close (sweep_500->spl_db[1], flat_sweep->spl_db[1] - r_500_db, 1e-12);
  assert_close (sweep_500->spl_1k_db, flat_sweep->spl_1k_db - r_500_db, 1e-12);

  /* A level asked for at 1 kHz is met there, response or not. */
  by_spl = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_SPL, 90.0 }, freq_hz, 3);
  assert_close (by_spl->spl_1k_db, 90.0, 1e-12);
  assert_close (by_spl->spl_db[1], 90.0, 1e-12);

  renominated = hr_headphone_new_renominated (at_500, 64.0, &error);
  g_assert_no_error (error);
  g_assert_true (hr_headphone_has_response (renominated));
  g_assert_cmpfloat (hr_headphone_get_sensitivity_ref_freq_hz (renominated), ==, 500.0);
}

static void
test_balanced (void)
{
  HrSource source = { 1.0, 100.0, 2.0, 50.0, FALSE };

  hr_source_make_balanced (&source);
  g_assert_true (source.balanced);
  g_assert_cmpfloat (source.output_impedance_ohm, ==, 2.0);
  g_assert_cmpfloat (source.max_voltage_vrms, ==, 4.0);
  g_assert_cmpfloat (source.max_current_ma, ==, 50.0);
  g_assert_cmpfloat (source.dc_block_uf, ==, 50.0);
  /* Twice is not four times. */
  hr_source_make_balanced (&source);
  g_assert_cmpfloat (source.max_voltage_vrms, ==, 4.0);
}

/* The response as it will be on a source: the measurement against 1 kHz,
 * plus what the source does to it, less what the measurement's own
 * source did; nothing outside the frequencies measured. */
static void
test_predicted_response (void)
{
  const HrResponsePoint response[] = { { 50.0, 4.0 }, { 1000.0, 1.0 }, { 10000.0, -1.0 } };
  const double freq_hz[] = { 20.0, 50.0, 90.0, 1000.0, 10000.0, 20000.0 };
  const HrThieleSmall ts = { 300.0, 1e-4, 90.0, 1.5, 0.8 };
  g_autoptr(HrImpedance) z = hr_impedance_new_thiele_small (&ts, NULL);
  g_autoptr(HrHeadphone) bare = hr_headphone_new ("D", 300.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  g_autoptr(HrHeadphone) measured = NULL;
  g_autoptr(HrHeadphone) on_120 = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrSweep) same = NULL;
  g_autoptr(HrSweep) none = NULL;
  g_autoptr(GError) error = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };

  measured = hr_headphone_new_with_response (bare, response, 3, 1000.0, &error);
  g_assert_no_error (error);
  circuit.source.output_impedance_ohm = 120.0;
  circuit.headphone = measured;
  sweep = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 6);
  g_assert_true (sweep->has_response);
  /* 20 Hz and 20 kHz lie outside 50 Hz–10 kHz. */
  g_assert_true (isnan (sweep->fr_db[0]) && isnan (sweep->fr_pred_db[0]));
  g_assert_true (isnan (sweep->fr_db[5]) && isnan (sweep->fr_pred_db[5]));
  assert_close (sweep->fr_db[1], 3.0, 1e-12);
  assert_close (sweep->fr_db[3], 0.0, 1e-12);
  assert_close (sweep->fr_db[4], -2.0, 1e-12);
  /* Measured on an amplifier: the prediction is the measurement plus the
   * source's change, +1.7 dB or so at the resonance on 120 Ω. */
  for (guint i = 1; i < 5; i++)
    assert_close (sweep->fr_pred_db[i], sweep->fr_db[i] + sweep->dev_db[i], 1e-12);
  g_assert_cmpfloat (sweep->fr_pred_db[2] - sweep->fr_db[2], >, 1.0);

  /* Measured on the same 120 Ω: the prediction is the measurement. */
  on_120 = hr_headphone_new_with_response_zout (measured, 120.0, &error);
  g_assert_no_error (error);
  circuit.headphone = on_120;
  same = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 6);
  for (guint i = 1; i < 5; i++)
    assert_close (same->fr_pred_db[i], same->fr_db[i], 1e-9);

  /* Without a response, nothing. */
  circuit.headphone = bare;
  none = computed_sweep (&circuit, (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 }, freq_hz, 6);
  g_assert_false (none->has_response);
  g_assert_true (isnan (none->fr_pred_db[3]));
  g_assert_null (hr_headphone_new_with_response_zout (bare, 10.0, &error));
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
}

/* The sweep computes its points in loops of its own (vectorised, with
 * the divider written out in real parts); the oracle is the circuit's
 * evaluation at one frequency, hr_circuit_eval(), which the ngspice test
 * holds against an independent solver. Random circuits of every kind,
 * on grids long enough for the vector loops and with an odd length for
 * their remainders: every metric the same to 1e-9, every limit the same
 * but where the two ceilings tie. */
static HrImpedance *
random_impedance (GRand *rng,
                  guint  kind)
{
  switch (kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      return hr_impedance_new_resistor (g_rand_double_range (rng, 8.0, 600.0), NULL);

    case HR_IMPEDANCE_THIELE_SMALL:
      {
        const HrThieleSmall ts = {
          g_rand_double_range (rng, 8.0, 400.0),
          g_rand_boolean (rng) ? 0.0 : g_rand_double_range (rng, 1e-6, 1e-3),
          g_rand_double_range (rng, 15.0, 400.0),
          g_rand_double_range (rng, 0.5, 10.0),
          g_rand_double_range (rng, 0.2, 3.0),
        };
        return hr_impedance_new_thiele_small (&ts, NULL);
      }

    case HR_IMPEDANCE_NETWORK:
      {
        g_autoptr(HrNetwork) root = hr_network_new_parallel ();
        g_autoptr(HrNetwork) branch = hr_network_new_series ();

        hr_network_take_child (branch, hr_network_new_resistor (g_rand_double_range (rng, 5.0, 50.0)));
        hr_network_take_child (branch, hr_network_new_inductor (g_rand_double_range (rng, 1e-4, 5e-3)));
        hr_network_take_child (root, g_steal_pointer (&branch));
        hr_network_take_child (root, hr_network_new_capacitor (g_rand_double_range (rng, 1e-7, 1e-5)));
        hr_network_take_child (root, hr_network_new_resistor (g_rand_double_range (rng, 20.0, 200.0)));
        return hr_impedance_new_network (root, NULL);
      }

    case HR_IMPEDANCE_POINTS:
      {
        HrImpedancePoint points[40];
        double freq_hz = g_rand_double_range (rng, 5.0, 40.0);

        for (guint i = 0; i < G_N_ELEMENTS (points); i++)
          {
            points[i] = (HrImpedancePoint) { freq_hz, g_rand_double_range (rng, 10.0, 300.0),
                                             g_rand_double_range (rng, -80.0, 80.0) };
            freq_hz *= g_rand_double_range (rng, 1.05, 1.4);
          }
        return hr_impedance_new_points (points, G_N_ELEMENTS (points), NULL);
      }

    default:
      g_assert_not_reached ();
    }
}

/* A limit: known, unknown or none at all. */
static double
random_limit (GRand  *rng,
              double  lo,
              double  hi)
{
  switch (g_rand_int_range (rng, 0, 4))
    {
    case 0:
      return HR_UNKNOWN;
    case 1:
      return HR_UNLIMITED;
    default:
      return g_rand_double_range (rng, lo, hi);
    }
}

static void
assert_same_db (double sweep_db,
                double oracle_db)
{
  if (isinf (oracle_db) || isnan (oracle_db))
    g_assert_cmpfloat (sweep_db, ==, oracle_db);
  else
    g_assert_cmpfloat_with_epsilon (sweep_db, oracle_db, 1e-9);
}

static void
assert_same_value (double sweep_value,
                   double oracle_value)
{
  if (isinf (oracle_value) || isnan (oracle_value))
    g_assert_true (sweep_value == oracle_value || (isnan (sweep_value) && isnan (oracle_value)));
  else
    assert_close (sweep_value, oracle_value, 1e-9);
}

static void
test_against_circuit (void)
{
  g_autoptr(GRand) rng = g_rand_new_with_seed (20261124);
  const HrResponsePoint response[] = { { 30.0, 2.0 }, { 1000.0, 0.0 }, { 8000.0, 3.0 }, { 16000.0, -6.0 } };

  for (guint n = 0; n < 64; n++)
    {
      g_autoptr(HrImpedance) z = random_impedance (rng, n % 4);
      g_autoptr(HrHeadphone) bare = NULL;
      g_autoptr(HrHeadphone) hp = NULL;
      g_autoptr(HrSweep) sweep = NULL;
      g_autoptr(GError) error = NULL;
      HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
      HrCircuit stepped;
      const guint n_points = 997 + g_rand_int_range (rng, 0, 8);
      const gboolean sensitivity_known = n % 7 != 3;
      const HrDrive drive = { n % 3 == 0 ? HR_DRIVE_VOLTAGE : HR_DRIVE_SPL,
                              n % 3 == 0 ? g_rand_double_range (rng, 0.05, 5.0)
                                         : g_rand_double_range (rng, 70.0, 120.0) };
      double spl_offset_db;

      bare = hr_headphone_new ("random", 32.0, sensitivity_known ? g_rand_double_range (rng, 90.0, 125.0) : NAN,
                               HR_SENSITIVITY_DB_PER_V, z, &error);
      g_assert_no_error (error);
      hp = g_object_ref (bare);
      if (n % 5 == 1)
        {
          g_clear_object (&hp);
          hp = hr_headphone_new_with_response (bare, response, G_N_ELEMENTS (response), 1000.0, &error);
          g_assert_no_error (error);
        }
      circuit.headphone = hp;
      circuit.source.output_impedance_ohm = g_rand_boolean (rng) ? 0.0 : g_rand_double_range (rng, 0.01, 2000.0);
      circuit.source.dc_block_uf = g_rand_boolean (rng) ? 0.0 : g_rand_double_range (rng, 1.0, 1000.0);
      circuit.source.max_voltage_vrms = random_limit (rng, 0.2, 10.0);
      circuit.source.max_current_ma = random_limit (rng, 5.0, 300.0);
      circuit.connection.cable_ohm = g_rand_boolean (rng) ? 0.0 : g_rand_double_range (rng, 0.01, 2.0);
      circuit.connection.adapter_series_ohm = n % 4 == 2 ? g_rand_double_range (rng, 1.0, 100.0) : 0.0;
      circuit.connection.adapter_shunt_ohm = n % 3 == 2 ? g_rand_double_range (rng, 1.0, 300.0) : INFINITY;

      sweep = hr_sweep_new_log (20.0, 20000.0, n_points, &error);
      g_assert_no_error (error);
      g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, &error));
      g_assert_no_error (error);

      stepped = circuit;
      hr_circuit_apply_voltage_steps (&stepped);
      spl_offset_db = hr_headphone_get_sensitivity_db_per_v (hp) + 20.0 * log10 (sweep->voc_vrms);
      for (guint i = 0; i < sweep->n_points; i++)
        {
          const double freq_hz = sweep->freq_hz[i];
          const double response_db = hr_headphone_get_response_db (hp, freq_hz);
          const double voc_vrms = sweep->voc_vrms;
          HrCircuitPoint point;
          double atten_db;
          double spl_max_db;

          hr_circuit_eval (&stepped, freq_hz, &point);
          atten_db = 20.0 * log10 (cabs (point.transfer));
          spl_max_db = point.limit == HR_LIMIT_NONE
                       ? INFINITY
                       : hr_headphone_get_sensitivity_db_per_v (hp) + 20.0 * log10 (point.v_load_max_vrms)
                         + response_db;

          assert_same_value (creal (sweep->z_load_ohm[i]), creal (point.z_load_ohm));
          g_assert_cmpfloat_with_epsilon (cimag (sweep->z_load_ohm[i]), cimag (point.z_load_ohm),
                                          1e-9 * cabs (point.z_load_ohm));
          assert_same_value (sweep->z_mag_ohm[i], cabs (point.z_load_ohm));
          g_assert_cmpfloat_with_epsilon (sweep->z_phase_deg[i], carg (point.z_load_ohm) * 180.0 / G_PI, 1e-9);
          assert_same_db (sweep->atten_db[i], atten_db);
          assert_same_db (sweep->dev_db[i], atten_db - sweep->atten_1k_db);
          assert_same_value (sweep->zth_ohm[i], cabs (point.z_thevenin_ohm));
          if (!sweep->level_unknown)
            {
              assert_same_value (sweep->v_load_vrms[i], voc_vrms * cabs (point.transfer));
              assert_same_value (sweep->i_ma[i], 1e3 * voc_vrms * cabs (point.i_load_per_v));
              assert_same_value (sweep->i_source_ma[i], 1e3 * voc_vrms * cabs (point.i_source_per_v));
              assert_same_value (sweep->p_mw[i], 1e3 * pow (voc_vrms * cabs (point.i_load_per_v), 2)
                                                 * creal (point.z_load_ohm));
            }
          if (sensitivity_known)
            {
              assert_same_db (sweep->spl_db[i], spl_offset_db + atten_db + response_db);
              /* Where the two limits give the same ceiling, either may be
               * said to bind. */
              if (sweep->limit[i] == point.limit)
                assert_same_db (sweep->spl_max_db[i], spl_max_db);
              else
                g_assert_cmpfloat_with_epsilon (sweep->spl_max_db[i], spl_max_db, 1e-9);
            }
          else
            g_assert_true (isnan (sweep->spl_db[i]) && isnan (sweep->spl_max_db[i]));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sweep/log-frequencies", test_log_frequencies);
  g_test_add_func ("/sweep/resistive-divider", test_resistive_divider);
  g_test_add_func ("/sweep/eighth-rule", test_eighth_rule);
  g_test_add_func ("/sweep/thiele-small-peak", test_thiele_small_peak_in_sweep);
  g_test_add_func ("/sweep/spl-drive", test_spl_drive);
  g_test_add_func ("/sweep/limits", test_voltage_and_current_limits);
  g_test_add_func ("/sweep/dc-block", test_dc_block);
  g_test_add_func ("/sweep/adapter", test_adapter);
  g_test_add_func ("/sweep/real-power", test_real_power);
  g_test_add_func ("/sweep/circuit-parts", test_circuit_parts);
  g_test_add_func ("/sweep/headphone-response", test_headphone_response);
  g_test_add_func ("/sweep/predicted-response", test_predicted_response);
  g_test_add_func ("/sweep/against-circuit", test_against_circuit);
  g_test_add_func ("/source/balanced", test_balanced);

  return g_test_run ();
}
