/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-core.h"

/* Every constructor and computation rejects bad numbers with a GError
 * whose message names the field and the value; none asserts or crashes. */

#define assert_error_mentions(error, code, field, value)                   \
  G_STMT_START {                                                          \
    g_assert_error ((error), HR_MODEL_ERROR, (code));                     \
    if (strstr ((error)->message, (field)) == NULL ||                     \
        strstr ((error)->message, (value)) == NULL)                       \
      g_error ("\"%s\" does not name %s and %s", (error)->message,        \
               (field), (value));                                         \
    g_clear_error (&(error));                                             \
  } G_STMT_END

static const struct {
  double value;
  const char *text;
} bad_positive[] = {
  { 0.0, "got 0" },
  { -3.0, "got -3" },
  { NAN, "got nan" },
  { INFINITY, "got inf" },
  { -INFINITY, "got -inf" },
};

static void
test_resistor (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_positive); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HrImpedance) z = hr_impedance_new_resistor (bad_positive[i].value, &error);

      g_assert_null (z);
      assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "r_ohm", bad_positive[i].text);
    }
}

static void
test_thiele_small (void)
{
  static const char *fields[] = { "re_ohm", "le_h", "fs_hz", "qms", "qes" };
  static const gsize offsets[] = {
    G_STRUCT_OFFSET (HrThieleSmall, re_ohm), G_STRUCT_OFFSET (HrThieleSmall, le_h),
    G_STRUCT_OFFSET (HrThieleSmall, fs_hz), G_STRUCT_OFFSET (HrThieleSmall, qms),
    G_STRUCT_OFFSET (HrThieleSmall, qes),
  };

  for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
    for (guint i = 0; i < G_N_ELEMENTS (bad_positive); i++)
      {
        HrThieleSmall ts = { 24.0, 1e-4, 90.0, 3.0, 0.5 };
        double *slot = G_STRUCT_MEMBER_P (&ts, offsets[f]);
        g_autoptr(GError) error = NULL;
        g_autoptr(HrImpedance) z = NULL;

        /* Le may be 0: a fit without voice-coil inductance is valid. */
        if (f == 1 && bad_positive[i].value == 0.0)
          continue;

        *slot = bad_positive[i].value;
        z = hr_impedance_new_thiele_small (&ts, &error);
        g_assert_null (z);
        assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, fields[f], bad_positive[i].text);
      }
}

static void
test_network (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrNetwork) series = hr_network_new_series ();
  g_autoptr(HrNetwork) empty = hr_network_new_parallel ();
  g_autoptr(HrNetwork) bad_leaf = hr_network_new_series ();
  g_autoptr(HrImpedance) z = NULL;

  z = hr_impedance_new_network (empty, &error);
  g_assert_null (z);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "tree.parallel"));
  g_clear_error (&error);

  hr_network_take_child (bad_leaf, hr_network_new_resistor (10.0));
  hr_network_take_child (bad_leaf, hr_network_new_capacitor (-1e-6));
  hr_network_take_child (series, hr_network_new_inductor (1e-3));
  hr_network_take_child (series, hr_network_ref (bad_leaf));
  z = hr_impedance_new_network (series, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "tree.series[1].series[1].C", "got -1e-06");

  {
    g_autoptr(HrNetwork) nan_leaf = hr_network_new_parallel ();

    hr_network_take_child (nan_leaf, hr_network_new_inductor (NAN));
    z = hr_impedance_new_network (nan_leaf, &error);
    g_assert_null (z);
    assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "tree.parallel[0].L", "got nan");
  }
}

/* A tree built in code, 100,000 series nodes deep: refused by the model,
 * evaluated without recursing past the bound, freed without recursing at
 * all. Any of them would overflow the stack otherwise. */
static void
test_network_too_deep (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) z = NULL;
  HrNetwork *root = hr_network_new_series ();
  HrNetwork *node = root;
  double complex value;

  for (guint i = 0; i < 100000; i++)
    {
      HrNetwork *child = hr_network_new_series ();

      hr_network_take_child (node, child);
      node = child;
    }
  hr_network_take_child (node, hr_network_new_resistor (32.0));

  z = hr_impedance_new_network (root, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "tree.series", "nests deeper than 32 levels");
  value = hr_network_eval (root, 1000.0);
  g_assert_true (isnan (creal (value)));
  hr_network_unref (root);

  /* At the bound, it is a model like any other. */
  root = hr_network_new_series ();
  node = root;
  for (guint i = 0; i + 1 < HR_NETWORK_MAX_DEPTH; i++)
    {
      HrNetwork *child = hr_network_new_series ();

      hr_network_take_child (node, child);
      node = child;
    }
  hr_network_take_child (node, hr_network_new_resistor (32.0));
  g_clear_error (&error);
  z = hr_impedance_new_network (root, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (creal (hr_impedance_eval (z, 1000.0)), 32.0, 1e-12);
  hr_network_unref (root);
}

static void
test_points (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) z = NULL;
  HrImpedancePoint points[] = { { 100.0, 10.0, 0.0 }, { 1000.0, 20.0, 10.0 }, { 2000.0, 30.0, 20.0 } };

  z = hr_impedance_new_points (points, 0, &error);
  g_assert_null (z);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  points[2].freq_hz = 1000.0;
  z = hr_impedance_new_points (points, 3, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_NOT_INCREASING, "points[2].freq_hz", "got 1000");

  points[2].freq_hz = 500.0;
  z = hr_impedance_new_points (points, 3, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_NOT_INCREASING, "points[2].freq_hz", "got 500");
  points[2].freq_hz = 2000.0;

  points[1].mag_ohm = -20.0;
  z = hr_impedance_new_points (points, 3, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "points[1].mag_ohm", "got -20");
  points[1].mag_ohm = 20.0;

  points[0].freq_hz = 0.0;
  z = hr_impedance_new_points (points, 3, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "points[0].freq_hz", "got 0");
  points[0].freq_hz = 100.0;

  points[1].phase_deg = NAN;
  z = hr_impedance_new_points (points, 3, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "points[1].phase_deg", "got nan");

  points[1].phase_deg = 120.0;
  z = hr_impedance_new_points (points, 3, &error);
  g_assert_null (z);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "points[1].phase_deg", "got 120");
}

static void
test_headphone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (32.0, NULL);
  g_autoptr(HrHeadphone) hp = NULL;
  g_autoptr(HrHeadphone) renominated = NULL;
  g_autoptr(HrImpedance) scaled = NULL;

  hp = hr_headphone_new ("x", 0.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, &error);
  g_assert_null (hp);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "nominal_impedance_ohm", "got 0");

  hp = hr_headphone_new ("x", 32.0, INFINITY, HR_SENSITIVITY_DB_PER_MW, z, &error);
  g_assert_null (hp);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "sensitivity.value", "got inf");

  /* NAN is a sensitivity nobody published: allowed, and said to be unknown. */
  hp = hr_headphone_new ("x", 32.0, NAN, HR_SENSITIVITY_DB_PER_MW, z, &error);
  g_assert_no_error (error);
  g_assert_false (hr_headphone_has_sensitivity (hp));
  g_clear_object (&hp);

  hp = hr_headphone_new ("x", 32.0, 0.0, HR_SENSITIVITY_MV_AT_94_DB, z, &error);
  g_assert_null (hp);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "sensitivity.value", "got 0");

  hp = hr_headphone_new ("x", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, &error);
  g_assert_no_error (error);
  renominated = hr_headphone_new_renominated (hp, -8.0, &error);
  g_assert_null (renominated);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "nominal_impedance_ohm", "got -8");

  {
    const HrResponsePoint backwards[] = { { 1000.0, 0.0 }, { 100.0, 3.0 } };
    const HrResponsePoint nan_level[] = { { 100.0, NAN } };
    g_autoptr(HrHeadphone) with_response = NULL;

    with_response = hr_headphone_new_with_response (hp, backwards, 2, 1000.0, &error);
    g_assert_null (with_response);
    assert_error_mentions (error, HR_MODEL_ERROR_NOT_INCREASING, "frequency_response.points[1].freq_hz", "got 100");
    with_response = hr_headphone_new_with_response (hp, nan_level, 1, 1000.0, &error);
    g_assert_null (with_response);
    assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "frequency_response.points[0].level_db", "got nan");
    with_response = hr_headphone_new_with_response (hp, nan_level, 0, 1000.0, &error);
    g_assert_null (with_response);
    g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
    g_clear_error (&error);
    with_response = hr_headphone_new_with_response (hp, backwards, 1, -500.0, &error);
    g_assert_null (with_response);
    assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "sensitivity.ref_freq_hz", "got -500");
  }

  scaled = hr_impedance_new_scaled (z, INFINITY, &error);
  g_assert_null (scaled);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "scale", "got inf");
}

static void
test_source_and_connection (void)
{
  g_autoptr(GError) error = NULL;
  HrSource source = HR_SOURCE_INIT;
  HrConnection connection = HR_CONNECTION_INIT;

  g_assert_true (hr_source_validate (&source, &error));
  source.max_voltage_vrms = HR_UNKNOWN;
  g_assert_true (hr_source_validate (&source, &error));

  source.output_impedance_ohm = -1.0;
  g_assert_false (hr_source_validate (&source, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "output_impedance_ohm", "got -1");
  source.output_impedance_ohm = NAN;
  g_assert_false (hr_source_validate (&source, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "output_impedance_ohm", "got nan");
  source.output_impedance_ohm = 1.0;

  source.dc_block_uf = -47.0;
  g_assert_false (hr_source_validate (&source, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "dc_block_uf", "got -47");
  source.dc_block_uf = 0.0;

  source.max_voltage_vrms = 0.0;
  g_assert_false (hr_source_validate (&source, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "max_voltage_vrms", "got 0");
  source.max_voltage_vrms = 2.0;

  source.max_current_ma = -INFINITY;
  g_assert_false (hr_source_validate (&source, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "max_current_ma", "got -inf");

  connection.cable_ohm = -0.1;
  g_assert_false (hr_connection_validate (&connection, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "cable_ohm", "got -0.1");
  connection.cable_ohm = 0.0;
  connection.adapter_shunt_ohm = 0.0;
  g_assert_false (hr_connection_validate (&connection, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "adapter_shunt_ohm", "got 0");
  connection.adapter_shunt_ohm = NAN;
  g_assert_false (hr_connection_validate (&connection, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "adapter_shunt_ohm", "got nan");
}

static void
test_sweep (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (32.0, NULL);
  g_autoptr(HrHeadphone) hp = hr_headphone_new ("x", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  const double backwards[] = { 100.0, 50.0 };
  HrDrive drive;

  sweep = hr_sweep_new_log (0.0, 20000.0, 10, &error);
  g_assert_null (sweep);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "fmin", "got 0");
  sweep = hr_sweep_new_log (20.0, NAN, 10, &error);
  g_assert_null (sweep);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "fmax", "got nan");
  sweep = hr_sweep_new_log (2000.0, 20.0, 10, &error);
  g_assert_null (sweep);
  assert_error_mentions (error, HR_MODEL_ERROR_NOT_INCREASING, "fmax", "got 20");
  sweep = hr_sweep_new_log (20.0, 20000.0, 1, &error);
  g_assert_null (sweep);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "points", "got 1");
  sweep = hr_sweep_new (backwards, 2, &error);
  g_assert_null (sweep);
  assert_error_mentions (error, HR_MODEL_ERROR_NOT_INCREASING, "freq_hz[1]", "got 50");
  sweep = hr_sweep_new (backwards, 0, &error);
  g_assert_null (sweep);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  sweep = hr_sweep_new_log (20.0, 20000.0, 10, &error);
  g_assert_no_error (error);
  drive = (HrDrive) { HR_DRIVE_VOLTAGE, -1.0 };
  g_assert_false (hr_sweep_compute (sweep, &circuit, &drive, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "vs", "got -1");
  drive = (HrDrive) { HR_DRIVE_SPL, INFINITY };
  g_assert_false (hr_sweep_compute (sweep, &circuit, &drive, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "spl", "got inf");
  circuit.source.output_impedance_ohm = -5.0;
  drive = (HrDrive) { HR_DRIVE_VOLTAGE, 1.0 };
  g_assert_false (hr_sweep_compute (sweep, &circuit, &drive, &error));
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "output_impedance_ohm", "got -5");
}

static void
test_summary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrImpedance) z = hr_impedance_new_resistor (32.0, NULL);
  g_autoptr(HrHeadphone) hp = hr_headphone_new ("x", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
  HrCircuit circuit = { hp, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  g_autoptr(HrSweep) sweep = hr_sweep_new_log (20.0, 20000.0, 10, NULL);
  g_autoptr(HrSummary) summary = NULL;
  HrDrive drive = { HR_DRIVE_VOLTAGE, 1.0 };

  summary = hr_summary_compute (sweep, &circuit, HR_DEFAULT_CREST_FACTOR_DB, &error);
  g_assert_null (summary);
  g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY);
  g_clear_error (&error);

  g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, NULL));
  summary = hr_summary_compute (sweep, &circuit, -3.0, &error);
  g_assert_null (summary);
  assert_error_mentions (error, HR_MODEL_ERROR_INVALID_VALUE, "crest_factor", "got -3");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-input/resistor", test_resistor);
  g_test_add_func ("/bad-input/thiele-small", test_thiele_small);
  g_test_add_func ("/bad-input/network", test_network);
  g_test_add_func ("/bad-input/network-too-deep", test_network_too_deep);
  g_test_add_func ("/bad-input/points", test_points);
  g_test_add_func ("/bad-input/headphone", test_headphone);
  g_test_add_func ("/bad-input/source", test_source_and_connection);
  g_test_add_func ("/bad-input/sweep", test_sweep);
  g_test_add_func ("/bad-input/summary", test_summary);

  return g_test_run ();
}
