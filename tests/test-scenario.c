/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-db-error.h"
#include "hr-json-parse.h"
#include "hr-json-write.h"
#include "hr-scenario.h"

/* The scenario: the one path from the user's choices to a circuit, shared
 * by the window, its pins and every command of headroom-cli. Checked
 * here against circuits built by hand, and as JSON, both ways. */

static HrPresetDb *db;

static char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* The same scenario, read back from what it wrote: every figure equal. */
static void
assert_round_trip (HrScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hr_scenario_to_string (scenario);
  g_autoptr(HrScenario) again = hr_scenario_new_from_string (text, "again", &error);
  g_autofree char *text_again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (again);
  text_again = hr_scenario_to_string (again);
  g_assert_cmpstr (text_again, ==, text);
  g_assert_cmpint (hr_scenario_get_source_kind (again), ==, hr_scenario_get_source_kind (scenario));
  g_assert_cmpint (hr_scenario_get_headphone_kind (again), ==, hr_scenario_get_headphone_kind (scenario));
  g_assert_cmpstr (hr_scenario_get_source_id (again), ==, hr_scenario_get_source_id (scenario));
  g_assert_cmpstr (hr_scenario_get_output_id (again), ==, hr_scenario_get_output_id (scenario));
  g_assert_cmpstr (hr_scenario_get_headphone_id (again), ==, hr_scenario_get_headphone_id (scenario));
}

static void
test_round_trip_files (void)
{
  static const char *const names[] = { "model-and-ideal.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *name = g_build_filename ("scenarios", names[i], NULL);
      g_autofree char *path = data_file (name);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = hr_json_parse_file (path, &error);
      g_autoptr(HrScenario) scenario = NULL;

      g_assert_no_error (error);
      scenario = hr_scenario_new_from_json (root, NULL, &error);
      g_assert_no_error (error);
      assert_round_trip (scenario);
    }
}

/* The circuit a scenario resolves to is the one built by hand from the
 * same preset: the preset's output with the figures the user moved. */
static void
test_resolve (void)
{
  g_autoptr(HrScenario) scenario = hr_scenario_new ();
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  g_autoptr(GError) error = NULL;
  HrSourcePreset *preset = hr_preset_db_lookup_source (db, "test-interface");
  HrSource expected;

  hr_scenario_set_headphone_preset (scenario, "test-hp-300");
  hr_scenario_set_source_preset (scenario, "test-interface", "line");
  resolved = hr_scenario_resolve (scenario, db, &error);
  g_assert_no_error (error);
  hr_source_preset_build_source (preset, 1, &expected);
  g_assert_cmpfloat (resolved->circuit.source.output_impedance_ohm, ==, expected.output_impedance_ohm);
  g_assert_cmpfloat (resolved->circuit.source.max_voltage_vrms, ==, 4.0);
  g_assert_true (resolved->circuit.headphone == hr_headphone_preset_get_headphone (
                   hr_preset_db_lookup_headphone (db, "test-hp-300")));
  g_assert_cmpuint (resolved->output_index, ==, 1);
  g_clear_pointer (&resolved, hr_scenario_circuit_free);

  /* The figures moved: output impedance, headphone impedance, the
   * connection, the level. The source's limits stay its own. */
  hr_scenario_set_zout_ohm (scenario, 33.0);
  hr_scenario_set_headphone_z_ohm (scenario, 150.0);
  hr_scenario_set_cable_ohm (scenario, 0.5);
  hr_scenario_set_adapter_shunt_ohm (scenario, 47.0);
  hr_scenario_set_level_db_spl (scenario, 97.0);
  resolved = hr_scenario_resolve (scenario, db, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (resolved->circuit.source.output_impedance_ohm, ==, 33.0);
  g_assert_cmpfloat (resolved->circuit.source.max_voltage_vrms, ==, 4.0);
  g_assert_cmpfloat (hr_headphone_get_nominal_impedance_ohm (resolved->headphone), ==, 150.0);
  g_assert_cmpfloat (resolved->circuit.connection.cable_ohm, ==, 0.5);
  g_assert_cmpfloat (resolved->circuit.connection.adapter_shunt_ohm, ==, 47.0);
  g_assert_cmpint (resolved->drive.kind, ==, HR_DRIVE_SPL);
  g_assert_cmpfloat (resolved->drive.value, ==, 97.0);
  assert_round_trip (scenario);
}

static void
test_not_found (void)
{
  g_autoptr(HrScenario) scenario = hr_scenario_new ();
  g_autoptr(GError) error = NULL;
  HrScenarioCircuit *resolved;

  resolved = hr_scenario_resolve (scenario, db, &error);
  g_assert_null (resolved);
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD);
  g_clear_error (&error);

  hr_scenario_set_headphone_preset (scenario, "no-such-headphone");
  resolved = hr_scenario_resolve (scenario, db, &error);
  g_assert_null (resolved);
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“no-such-headphone”"));
  g_clear_error (&error);

  hr_scenario_set_headphone_preset (scenario, "test-planar");
  hr_scenario_set_source_preset (scenario, "test-interface", "spdif");
  resolved = hr_scenario_resolve (scenario, db, &error);
  g_assert_null (resolved);
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "its outputs are headphone (Headphone out), line (Line out)"));
}

static void
count_changes (guint *count)
{
  (*count)++;
}

/* Changes are said once per freeze, and not at all when nothing moved. */
static void
test_changed (void)
{
  g_autoptr(HrScenario) scenario = hr_scenario_new ();
  guint changes = 0;

  g_signal_connect_swapped (scenario, "changed", G_CALLBACK (count_changes), &changes);
  hr_scenario_set_cable_ohm (scenario, 1.0);
  g_assert_cmpuint (changes, ==, 1);
  hr_scenario_set_cable_ohm (scenario, 1.0);
  g_assert_cmpuint (changes, ==, 1);

  hr_scenario_freeze (scenario);
  hr_scenario_set_source_preset (scenario, "test-interface", "line");
  hr_scenario_set_zout_ohm (scenario, 12.0);
  hr_scenario_set_level_db_spl (scenario, 80.0);
  g_assert_cmpuint (changes, ==, 1);
  hr_scenario_thaw (scenario);
  g_assert_cmpuint (changes, ==, 2);

  /* INFINITY is a value (no shunt), not clamped on the way through a
   * property; NAN (the gear's own) is set through the setter. */
  g_object_set (scenario, "adapter-shunt-ohm", 47.0, NULL);
  g_object_set (scenario, "adapter-shunt-ohm", (double) INFINITY, NULL);
  g_assert_cmpfloat (hr_scenario_get_adapter_shunt_ohm (scenario), ==, INFINITY);
  hr_scenario_set_zout_ohm (scenario, NAN);
  g_assert_true (isnan (hr_scenario_get_zout_ohm (scenario)));
  g_assert_cmpuint (changes, ==, 5);
}

/* What a file says wrong is named with its place and its value. */
static void
test_bad_json (void)
{
  static const struct {
    const char *text;
    const char *needle;
  } cases[] = {
    { "[]", "must be an object" },
    { "{\"source\": {}}", "source needs “preset”, “figures” or “ideal”" },
    { "{\"headphone\": {\"preset\": 3}}", "headphone.preset" },
    { "{\"cable_ohm\": -1}", "cable_ohm must be a finite number of 0 or more, got -1" },
    { "{\"adapter_shunt_ohm\": 0}", "adapter_shunt_ohm must be a finite number greater than 0, got 0" },
    { "{\"voc_vrms\": -2}", "voc_vrms must be a finite number greater than 0, got -2" },
    { "{\"source\": {\"figures\": {\"output_impedance_ohm\": -5}}}", "source.figures.output_impedance_ohm" },
    { "{\"headphone\": {\"inline\": {\"id\": \"x\"}}}", "headphone.inline" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HrScenario) scenario = hr_scenario_new_from_string (cases[i].text, "pin", &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (scenario);
      g_assert_nonnull (error);
      g_assert_true (g_str_has_prefix (error->message, "pin: "));
      g_assert_nonnull (strstr (error->message, cases[i].needle));
    }
}

/* json-glib 1.6 writes some doubles as "5e-15.0", which no parser reads
 * back; ours writes the fewest digits that read back the same. */
static void
test_write_numbers (void)
{
  static const double values[] = { 5e-15, 0.9, 1e-6, 120.0, 1.0 / 3.0, -2.5e300, 4.7e3 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), values[i]);
      g_autofree char *text = hr_json_to_text (node, FALSE, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) back = hr_json_parse_data (text, strlen (text), "number", &error);

      g_assert_no_error (error);
      g_assert_cmpfloat (json_node_get_double (back), ==, values[i]);
    }
  {
    g_autoptr(JsonNode) node = json_node_init_double (json_node_alloc (), 5e-15);
    g_autofree char *text = hr_json_to_text (node, FALSE, NULL);

    g_assert_cmpstr (text, ==, "5e-15");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bundled = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  bundled = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  db = hr_preset_db_new (bundled, "/nonexistent/presets.json");

  g_test_add_func ("/scenario/round-trip/files", test_round_trip_files);
  g_test_add_func ("/scenario/resolve", test_resolve);
  g_test_add_func ("/scenario/not-found", test_not_found);
  g_test_add_func ("/scenario/changed", test_changed);
  g_test_add_func ("/scenario/bad-json", test_bad_json);
  g_test_add_func ("/scenario/write-numbers", test_write_numbers);

  status = g_test_run ();
  g_clear_object (&db);
  return status;
}
