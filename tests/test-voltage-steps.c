/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-core.h"

/* A maximum voltage that depends on the load, with the figures of the two
 * devices that made it necessary: Apple's MacBook jacks (support article
 * HT212856: up to 1.25 Vrms below 150 Ω, 3 Vrms from 150 Ω to 1 kΩ) and
 * RME's ADI-2 Pro FS phones outputs (User's Guide §34.16: +22 dBu above
 * 32 Ω, +19 dBu at 32 Ω, +15 dBu at 16 Ω). The step is read at the
 * load's |Z| at 1 kHz, and the ceiling, the verdict and its reasons
 * follow it. */

#define DBU_VRMS(dbu) (0.7746 * pow (10.0, (dbu) / 20.0))

static HrSource
macbook (void)
{
  HrSource source = HR_SOURCE_INIT;

  source.output_impedance_ohm = 1.0;
  source.max_voltage_vrms = HR_UNKNOWN;
  source.max_current_ma = HR_UNKNOWN;
  source.n_voltage_steps = 2;
  source.voltage_steps[0] = (HrVoltageStep) { 0.0, FALSE, 1.25 };
  source.voltage_steps[1] = (HrVoltageStep) { 150.0, FALSE, 3.0 };
  return source;
}

static HrSource
adi2_pro (void)
{
  HrSource source = HR_SOURCE_INIT;

  source.output_impedance_ohm = 0.1;
  source.max_voltage_vrms = HR_UNKNOWN;
  source.max_current_ma = HR_UNKNOWN;
  source.n_voltage_steps = 3;
  source.voltage_steps[0] = (HrVoltageStep) { 16.0, FALSE, DBU_VRMS (15.0) };
  source.voltage_steps[1] = (HrVoltageStep) { 32.0, FALSE, DBU_VRMS (19.0) };
  source.voltage_steps[2] = (HrVoltageStep) { 32.0, TRUE, DBU_VRMS (22.0) };
  return source;
}

static void
test_lookup (void)
{
  HrSource mac = macbook ();
  HrSource rme = adi2_pro ();

  g_assert_true (hr_source_validate (&mac, NULL));
  g_assert_true (hr_source_validate (&rme, NULL));

  /* "less than 150 ohms … up to 1.25 volts RMS"; "150 to 1k ohms … 3 volts RMS" */
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 16.0), ==, 1.25);
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 149.9), ==, 1.25);
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 150.0), ==, 3.0);
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 300.0), ==, 3.0);
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 1000.0), ==, 3.0);

  /* +15 dBu at 16 Ω, +19 dBu at 32 Ω, +22 dBu above 32 Ω */
  g_assert_cmpfloat_with_epsilon (hr_source_max_voltage_at_load (&rme, 16.0), 4.356, 1e-3);
  g_assert_cmpfloat_with_epsilon (hr_source_max_voltage_at_load (&rme, 32.0), 6.904, 1e-3);
  g_assert_cmpfloat_with_epsilon (hr_source_max_voltage_at_load (&rme, 32.5), 9.752, 1e-3);
  g_assert_cmpfloat_with_epsilon (hr_source_max_voltage_at_load (&rme, 300.0), 9.752, 1e-3);
  /* Below the first step nothing is stated. */
  g_assert_true (isnan (hr_source_max_voltage_at_load (&rme, 8.0)));

  /* Without steps, the one figure. */
  mac.n_voltage_steps = 0;
  mac.max_voltage_vrms = 2.0;
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 16.0), ==, 2.0);
}

typedef struct
{
  HrHeadphone *headphone;
  HrSweep     *sweep;
  HrSummary   *summary;
} Result;

static void
result_clear (Result *result)
{
  g_clear_pointer (&result->summary, hr_summary_free);
  g_clear_pointer (&result->sweep, hr_sweep_free);
  g_clear_object (&result->headphone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* A flat load of @r_ohm, 100 dB/V, driven to 90 dB SPL at 1 kHz. */
static void
compute (Result         *result,
         const HrSource *source,
         double          r_ohm,
         double          cable_ohm)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (r_ohm, NULL);
  HrDrive drive = { HR_DRIVE_SPL, 90.0 };
  HrCircuit circuit;

  result->headphone = hr_headphone_new ("flat", r_ohm, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  circuit = (HrCircuit) { result->headphone, *source, HR_CONNECTION_INIT };
  circuit.connection.cable_ohm = cable_ohm;
  result->sweep = hr_sweep_new_log (20.0, 20000.0, HR_SUMMARY_DEFAULT_POINTS, &error);
  g_assert_no_error (error);
  g_assert_true (hr_sweep_compute (result->sweep, &circuit, &drive, &error));
  g_assert_no_error (error);
  result->summary = hr_summary_compute (result->sweep, &circuit, HR_DEFAULT_CREST_FACTOR_DB, &error);
  g_assert_no_error (error);
}

static const HrReason *
find_reason (const HrSummary *summary,
             HrReasonCode     code)
{
  for (guint i = 0; i < summary->reasons->len; i++)
    if (g_array_index (summary->reasons, HrReason, i).code == code)
      return &g_array_index (summary->reasons, HrReason, i);
  return NULL;
}

/* The ceiling at 1 kHz, from the step the load falls in: the open-circuit
 * maximum through the divider, in dB SPL at 100 dB/V. */
static double
expected_spl_max_db (double voc_vrms,
                     double zout_ohm,
                     double r_ohm)
{
  return 100.0 + 20.0 * log10 (voc_vrms * r_ohm / (r_ohm + zout_ohm));
}

static void
test_macbook_circuit (void)
{
  HrSource mac = macbook ();
  g_auto(Result) low = { 0 };
  g_auto(Result) high = { 0 };
  const HrReason *reason;
  g_autofree char *text = NULL;

  /* 32 Ω headphones get the 1.25 V step, 300 Ω ones the 3 V step. */
  compute (&low, &mac, 32.0, 0.0);
  g_assert_cmpfloat (low.summary->voc_available_vrms, ==, 1.25);
  g_assert_cmpfloat_with_epsilon (low.summary->voc_step_load_ohm, 32.0, 1e-9);
  g_assert_cmpint (low.summary->limit_1k, ==, HR_LIMIT_VOLTAGE);
  g_assert_cmpfloat_with_epsilon (low.summary->spl_max_1k_db, expected_spl_max_db (1.25, 1.0, 32.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (low.sweep->spl_max_db[0], expected_spl_max_db (1.25, 1.0, 32.0), 1e-9);

  compute (&high, &mac, 300.0, 0.0);
  g_assert_cmpfloat (high.summary->voc_available_vrms, ==, 3.0);
  g_assert_cmpfloat_with_epsilon (high.summary->spl_max_1k_db, expected_spl_max_db (3.0, 1.0, 300.0), 1e-9);

  /* The reasons say where the ceiling came from. */
  reason = find_reason (low.summary, HR_REASON_VOLTAGE_BY_LOAD);
  g_assert_nonnull (reason);
  g_assert_cmpfloat (hr_reason_get_number (reason, "vmax_vrms"), ==, 1.25);
  g_assert_cmpfloat_with_epsilon (hr_reason_get_number (reason, "load_ohm"), 32.0, 1e-9);
  text = hr_reason_format (reason, FALSE);
  g_assert_cmpstr (text, ==, "The source's maximum voltage depends on the load: 1.25 Vrms, "
                             "its maximum for the 32 Ω these headphones present at 1 kHz.");
  g_assert_null (find_reason (low.summary, HR_REASON_VOLTAGE_UNKNOWN));
}

/* What the source senses is its terminals: a cable's resistance counts. */
static void
test_load_at_terminals (void)
{
  HrSource mac = macbook ();
  g_auto(Result) result = { 0 };

  compute (&result, &mac, 140.0, 20.0);
  g_assert_cmpfloat_with_epsilon (result.summary->voc_step_load_ohm, 160.0, 1e-9);
  g_assert_cmpfloat (result.summary->voc_available_vrms, ==, 3.0);
}

static void
test_adi2_pro_circuit (void)
{
  HrSource rme = adi2_pro ();
  g_auto(Result) r16 = { 0 };
  g_auto(Result) r32 = { 0 };
  g_auto(Result) r300 = { 0 };
  g_auto(Result) r8 = { 0 };

  compute (&r16, &rme, 16.0, 0.0);
  compute (&r32, &rme, 32.0, 0.0);
  compute (&r300, &rme, 300.0, 0.0);
  g_assert_cmpfloat_with_epsilon (r16.summary->voc_available_vrms, DBU_VRMS (15.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (r32.summary->voc_available_vrms, DBU_VRMS (19.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (r300.summary->voc_available_vrms, DBU_VRMS (22.0), 1e-9);
  g_assert_cmpfloat_with_epsilon (r32.summary->spl_max_1k_db, expected_spl_max_db (DBU_VRMS (19.0), 0.1, 32.0), 1e-9);

  /* Below 16 Ω the manual gives nothing: the voltage is unknown, and the
   * verdict says so instead of taking the 16 Ω step. */
  compute (&r8, &rme, 8.0, 0.0);
  g_assert_true (isnan (r8.summary->voc_available_vrms));
  g_assert_nonnull (find_reason (r8.summary, HR_REASON_VOLTAGE_UNKNOWN));
  g_assert_true (isnan (hr_reason_get_number (find_reason (r8.summary, HR_REASON_VOLTAGE_BY_LOAD), "vmax_vrms")));
  g_assert_cmpint (r8.summary->verdict, ==, HR_VERDICT_CAVEATS);
}

/* A balanced pair of such outputs: each leg sees half the load. */
static void
test_balanced (void)
{
  HrSource mac = macbook ();

  hr_source_make_balanced (&mac);
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 299.0), ==, 2.5);
  g_assert_cmpfloat (hr_source_max_voltage_at_load (&mac, 300.0), ==, 6.0);
}

static void
test_invalid (void)
{
  HrSource source = macbook ();
  g_autoptr(GError) error = NULL;

  source.voltage_steps[1].load_ohm = 0.0;
  g_assert_false (hr_source_validate (&source, &error));
  g_assert_cmpstr (error->message, ==, "max_voltage_by_load[1].from_ohm must start above the step "
                                       "before it (from 0 Ω), got 0");
  g_clear_error (&error);

  source = adi2_pro ();
  source.voltage_steps[1].above = TRUE;
  source.voltage_steps[2].above = FALSE;
  g_assert_false (hr_source_validate (&source, &error));
  g_assert_cmpstr (error->message, ==, "max_voltage_by_load[2].from_ohm must start above the step "
                                       "before it (above 32 Ω), got 32");
  g_clear_error (&error);

  source = macbook ();
  source.voltage_steps[0].load_ohm = -5.0;
  g_assert_false (hr_source_validate (&source, &error));
  g_assert_cmpstr (error->message, ==, "max_voltage_by_load[0].from_ohm must be a finite number of 0 "
                                       "or more, got -5");
  g_clear_error (&error);

  source = macbook ();
  source.voltage_steps[1].vrms = 0.0;
  g_assert_false (hr_source_validate (&source, &error));
  g_assert_cmpstr (error->message, ==, "max_voltage_by_load[1].max_voltage_vrms must be a finite number "
                                       "greater than 0, got 0");
  g_clear_error (&error);

  source = macbook ();
  source.n_voltage_steps = HR_VOLTAGE_STEPS_MAX + 1;
  g_assert_false (hr_source_validate (&source, &error));
  g_assert_cmpstr (error->message, ==, "max_voltage_by_load must hold at most 8 steps, got 9");
}


int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/voltage-steps/lookup", test_lookup);
  g_test_add_func ("/voltage-steps/macbook", test_macbook_circuit);
  g_test_add_func ("/voltage-steps/load-at-terminals", test_load_at_terminals);
  g_test_add_func ("/voltage-steps/adi-2-pro-fs", test_adi2_pro_circuit);
  g_test_add_func ("/voltage-steps/balanced", test_balanced);
  g_test_add_func ("/voltage-steps/invalid", test_invalid);

  return g_test_run ();
}
