/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-gear-json.h"
#include "hr-preset-db.h"
#include "hr-preset-builder.h"
#include "hr-preset-edit.h"
#include "test-user-data.h"

/* What the app's gear dialogs do to a preset, without a display: ids made
 * from names, figures that keep their source only while unchanged, and
 * impedance models written back as the loader reads them. */


static JsonObject *
parse_object (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (node));
}

static char *
to_string (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

static void
test_make_id (void)
{
  static const struct {
    const char *manufacturer;
    const char *name;
    const char *id;
  } cases[] = {
    { "Sennheiser", "HD 650 (2020)", "sennheiser-hd-650-2020" },
    { "beyerdynamic", "Amirón home", "beyerdynamic-amiron-home" },
    { "  ", "--Mine--", "mine" },
    { NULL, "Line out (balanced)", "line-out-balanced" },
    { "", "", "preset" },
    { "Ω", "★", "preset" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = hr_preset_make_id (cases[i].manufacturer, cases[i].name);

      g_assert_cmpstr (id, ==, cases[i].id);
    }
}

static void
test_unique_ids (void)
{
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  g_autoptr(HrPresetDb) db = hr_preset_db_new (bundled, NULL);
  g_autofree char *taken = NULL;
  g_autofree char *free_id = NULL;
  g_autofree char *output_id = NULL;
  g_autoptr(JsonObject) source = parse_object ("{\"outputs\": [{\"id\": \"line\"}, {\"id\": \"line-2\"}]}");

  /* "Testco" "HP 300" is the bundled test-hp-300 under another slug; a
   * name that slugs to a taken id gets a number. */
  taken = hr_preset_db_make_unique_id (db, HR_PRESET_KIND_HEADPHONE, "Test", "HP 300");
  g_assert_cmpstr (taken, ==, "test-hp-300-2");
  free_id = hr_preset_db_make_unique_id (db, HR_PRESET_KIND_SOURCE, "Test", "HP 300");
  g_assert_cmpstr (free_id, ==, "test-hp-300");

  output_id = hr_preset_make_unique_output_id (json_object_get_array_member (source, "outputs"), "Line");
  g_assert_cmpstr (output_id, ==, "line-3");
}

static void
test_figures_keep_source_while_unchanged (void)
{
  g_autoptr(JsonObject) object =
    parse_object ("{\"z\": {\"value\": 300, \"source\": \"spec\"}, \"v\": 2.5, \"gone\": {\"value\": 1, \"source\": \"s\"}}");
  g_autofree char *text = NULL;

  g_assert_cmpfloat (hr_preset_json_get_figure (object, "z"), ==, 300.0);
  g_assert_cmpfloat (hr_preset_json_get_figure (object, "v"), ==, 2.5);
  g_assert_true (isnan (hr_preset_json_get_figure (object, "missing")));

  /* Unchanged, or as a form shows it back ("%.6g"): the source stays. */
  hr_preset_json_set_figure (object, "z", 300.0000001);
  /* Changed: a bare number, the user's own. */
  hr_preset_json_set_figure (object, "v", 4.0);
  /* Left empty: unknown, so left out. */
  hr_preset_json_set_figure (object, "gone", HR_UNKNOWN);
  hr_preset_json_set_figure (object, "new", 10.0);
  hr_preset_json_set_text (object, "notes", "  mine  ");
  text = to_string (object);
  g_assert_cmpstr (text, ==, "{\"z\":{\"value\":300,\"source\":\"spec\"},\"v\":4.0,\"new\":10.0,\"notes\":\"mine\"}");

  hr_preset_json_set_figure (object, "z", 250.0);
  hr_preset_json_set_text (object, "notes", " ");
  g_clear_pointer (&text, g_free);
  text = to_string (object);
  g_assert_cmpstr (text, ==, "{\"z\":250.0,\"v\":4.0,\"new\":10.0}");
}

static void
test_sensitivity (void)
{
  g_autoptr(JsonObject) object =
    parse_object ("{\"sensitivity\": {\"value\": 97, \"unit\": \"dB/mW\", \"source\": \"spec\"}}");
  g_autofree char *kept = NULL;
  g_autofree char *changed = NULL;

  /* The reference frequency defaults to 1 kHz, so 1000 is no change. */
  hr_preset_json_set_sensitivity (object, 97.0, HR_SENSITIVITY_DB_PER_MW, 1000.0);
  kept = to_string (object);
  g_assert_cmpstr (kept, ==, "{\"sensitivity\":{\"value\":97,\"unit\":\"dB/mW\",\"source\":\"spec\"}}");

  hr_preset_json_set_sensitivity (object, 97.0, HR_SENSITIVITY_DB_PER_V, 1000.0);
  changed = to_string (object);
  g_assert_cmpstr (changed, ==, "{\"sensitivity\":{\"value\":97.0,\"unit\":\"dB/V\",\"ref_freq_hz\":1000.0}}");
}

static HrImpedance *
scaled (HrImpedance *impedance)
{
  g_autoptr(HrImpedance) owned = impedance;
  g_autoptr(GError) error = NULL;
  HrImpedance *result = hr_impedance_new_scaled (owned, 2.5, &error);

  g_assert_no_error (error);
  return result;
}

/* Every model, written and read back, evaluates as the original. */
static void
test_impedance_round_trip (void)
{
  static const HrThieleSmall ts = { 26.0, 5e-5, 85.0, 2.5, 0.9 };
  static const HrImpedancePoint points[] = { { 20, 34, 5 }, { 1000, 32, 0 }, { 20000, 40, 15 } };
  g_autoptr(HrNetwork) tree = hr_network_new_series ();
  g_autoptr(HrNetwork) branch = hr_network_new_parallel ();
  g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  hr_network_take_child (branch, hr_network_new_inductor (1e-3));
  hr_network_take_child (branch, hr_network_new_capacitor (1e-6));
  hr_network_take_child (branch, hr_network_new_resistor (50.0));
  hr_network_take_child (tree, hr_network_new_resistor (30.0));
  hr_network_take_child (tree, g_steal_pointer (&branch));

  g_ptr_array_add (models, hr_impedance_new_resistor (47.0, &error));
  g_ptr_array_add (models, hr_impedance_new_thiele_small (&ts, &error));
  g_ptr_array_add (models, hr_impedance_new_network (tree, &error));
  g_ptr_array_add (models, hr_impedance_new_points (points, G_N_ELEMENTS (points), &error));
  g_ptr_array_add (models, scaled (hr_impedance_new_thiele_small (&ts, &error)));
  g_ptr_array_add (models, scaled (hr_impedance_new_resistor (32.0, &error)));
  g_assert_no_error (error);

  for (guint i = 0; i < models->len; i++)
    {
      HrImpedance *original = g_ptr_array_index (models, i);
      g_autoptr(JsonNode) node = hr_impedance_json_new (original, i == 3 ? "imported from a.zma" : NULL);
      g_autoptr(HrImpedance) read_back = hr_gear_json_parse_impedance (node, "impedance", &error);

      g_assert_no_error (error);
      g_assert_cmpint (hr_impedance_get_kind (read_back), ==, hr_impedance_get_kind (original));
      g_assert_cmpfloat (hr_impedance_get_scale (read_back), ==, hr_impedance_get_scale (original));
      for (double freq_hz = 10.0; freq_hz < 30000.0; freq_hz *= 1.7)
        {
          double complex expected = hr_impedance_eval (original, freq_hz);
          double complex got = hr_impedance_eval (read_back, freq_hz);

          g_assert_cmpfloat_with_epsilon (cabs (got - expected), 0.0, 1e-9 * cabs (expected));
        }
      g_assert_cmpstr (json_object_get_string_member_with_default (json_node_get_object (node), "source", NULL),
                       ==, i == 3 ? "imported from a.zma" : NULL);
    }
}

/* The way the app edits a bundled preset: a copy of its object, one figure
 * changed, written as the user's. The override loads with the new figure,
 * and the untouched figures keep their sources. */
static void
test_edit_bundled_preset (void)
{
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  g_autoptr(HrPresetDb) db = hr_preset_db_new (bundled, NULL);
  g_autoptr(JsonNode) copy = NULL;
  g_autoptr(GError) error = NULL;
  HrHeadphonePreset *edited;
  JsonObject *object;

  copy = json_node_copy (hr_preset_get_json (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-hp-300"))));
  object = json_node_get_object (copy);
  hr_preset_json_set_figure (object, "nominal_impedance_ohm", 250.0);
  hr_preset_json_set_figure (object, "max_input_mw", 1000.0);
  hr_preset_json_set_sensitivity (object, 97.0, HR_SENSITIVITY_DB_PER_MW, 1000.0);

  g_assert_true (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, copy,
                                                 HR_PRESET_WRITE_EDIT, &error));
  g_assert_no_error (error);

  edited = hr_preset_db_lookup_headphone (db, "test-hp-300");
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (edited)), ==, HR_PRESET_ORIGIN_USER);
  g_assert_true (hr_preset_get_overrides_bundled (HR_PRESET (edited)));
  g_assert_cmpfloat (hr_headphone_preset_get_nominal_impedance (edited)->value, ==, 250.0);
  g_assert_null (hr_headphone_preset_get_nominal_impedance (edited)->source);
  g_assert_cmpstr (hr_headphone_preset_get_max_input (edited)->source, ==, "Testco spec sheet");
  g_assert_cmpstr (hr_headphone_preset_get_sensitivity (edited)->source, ==, "Testco spec sheet");

  g_assert_true (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_HEADPHONE, "test-hp-300", &error));
  g_assert_no_error (error);
  edited = hr_preset_db_lookup_headphone (db, "test-hp-300");
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (edited)), ==, HR_PRESET_ORIGIN_BUNDLED);
}

/* The builder, as the source form uses it: the bundled source's outputs
 * in a new order with one changed, one dropped and one added. Kept
 * outputs keep their ids and the sources of the figures left alone. */
static void
test_builder_source (void)
{
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  g_autoptr(HrPresetDb) db = hr_preset_db_new (bundled, NULL);
  HrPreset *base = HR_PRESET (hr_preset_db_lookup_source (db, "test-interface"));
  g_autoptr(HrPresetBuilder) builder = hr_preset_builder_new (db, HR_PRESET_KIND_SOURCE, base);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HrSourcePreset *saved;
  const HrSourceOutput *output;
  guint line;
  guint added;

  hr_preset_builder_set_names (builder, "Testco", "Interface 2x2 (mine)");
  hr_preset_builder_set_source_category (builder, HR_SOURCE_CATEGORY_AUDIO_INTERFACE);
  line = hr_preset_builder_add_output (builder, 1, "Line out", HR_OUTPUT_KIND_LINE);
  hr_preset_builder_set_output_figure (builder, line, "output_impedance_ohm", 100.0);
  hr_preset_builder_set_output_figure (builder, line, "max_voltage_vrms", 3.0);
  added = hr_preset_builder_add_output (builder, -1, "Line out", HR_OUTPUT_KIND_BALANCED);
  hr_preset_builder_set_output_figure (builder, added, "output_impedance_ohm", 200.0);
  hr_preset_builder_set_notes (builder, "  ");
  id = hr_preset_builder_save (builder, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (id, ==, "test-interface");

  saved = hr_preset_db_lookup_source (db, "test-interface");
  g_assert_cmpuint (hr_source_preset_get_n_outputs (saved), ==, 2);
  g_assert_cmpstr (hr_preset_get_name (HR_PRESET (saved)), ==, "Interface 2x2 (mine)");
  output = hr_source_preset_get_output (saved, 0);
  g_assert_cmpstr (output->id, ==, "line");
  g_assert_cmpstr (output->output_impedance_ohm.source, ==, "Testco manual, p. 13");
  g_assert_cmpfloat (output->max_voltage_vrms.value, ==, 3.0);
  g_assert_null (output->max_voltage_vrms.source);
  output = hr_source_preset_get_output (saved, 1);
  g_assert_cmpstr (output->id, ==, "line-out");
  g_assert_true (output->balanced);
  g_assert_false (hr_figure_is_known (&output->max_voltage_vrms));
  g_assert_null (hr_preset_get_notes (HR_PRESET (saved)));

  g_assert_true (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_SOURCE, "test-interface", &error));
}

/* New headphones: an id from their names that no preset has, the figures
 * as the user's own, and the model the form built. */
static void
test_builder_new_headphones (void)
{
  g_autofree char *bundled = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  g_autoptr(HrPresetDb) db = hr_preset_db_new (bundled, NULL);
  g_autoptr(HrPresetBuilder) builder = hr_preset_builder_new (db, HR_PRESET_KIND_HEADPHONE, NULL);
  g_autoptr(HrImpedance) impedance = hr_impedance_new_resistor (38.0, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  HrHeadphonePreset *saved;

  hr_preset_builder_set_names (builder, "Test", "HP 300");
  hr_preset_builder_set_headphone_type (builder, HR_HEADPHONE_TYPE_PLANAR);
  hr_preset_builder_set_figure (builder, "nominal_impedance_ohm", 38.0);
  hr_preset_builder_set_sensitivity (builder, 105.7, HR_SENSITIVITY_DB_PER_V, 1000.0);
  hr_preset_builder_set_figure (builder, "max_input_mw", HR_UNKNOWN);
  hr_preset_builder_set_impedance (builder, impedance, "imported from flat.zma");
  id = hr_preset_builder_save (builder, &error);
  g_assert_no_error (error);
  /* "test-hp-300" is the bundled one's: the new one takes the next. */
  g_assert_cmpstr (id, ==, "test-hp-300-2");

  saved = hr_preset_db_lookup_headphone (db, id);
  g_assert_nonnull (saved);
  g_assert_cmpint (hr_headphone_preset_get_headphone_type (saved), ==, HR_HEADPHONE_TYPE_PLANAR);
  g_assert_cmpstr (hr_headphone_preset_get_impedance_source (saved), ==, "imported from flat.zma");
  g_assert_false (hr_figure_is_known (hr_headphone_preset_get_max_input (saved)));
  g_assert_true (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_HEADPHONE, id, &error));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads it: GLib caches the user data dir. */
  user_data_init ("headroom-test-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preset-edit/make-id", test_make_id);
  g_test_add_func ("/preset-edit/unique-ids", test_unique_ids);
  g_test_add_func ("/preset-edit/figures", test_figures_keep_source_while_unchanged);
  g_test_add_func ("/preset-edit/sensitivity", test_sensitivity);
  g_test_add_func ("/preset-edit/impedance-round-trip", test_impedance_round_trip);
  g_test_add_func ("/preset-edit/edit-bundled", test_edit_bundled_preset);
  g_test_add_func ("/preset-edit/builder/source", test_builder_source);
  g_test_add_func ("/preset-edit/builder/new-headphones", test_builder_new_headphones);

  status = g_test_run ();

  user_data_clear ();
  return status;
}
