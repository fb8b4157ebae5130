/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-comparison"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "test-ui-gear.h"

/* Comparison files through the window: saved and opened again as they
 * were, the sender's own gear adopted for the session without touching
 * the user's presets of the same id, Undo, and files that do not open
 * leaving everything as it was. */

static char *tmp_dir;

static GFile *
data_comparison (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "comparisons", name, NULL);

  return g_file_new_for_path (path);
}

static const char *
headphone_id (HrWindow *window)
{
  return hr_scenario_get_headphone_id (hr_window_get_scenario (window));
}

static void
test_save_and_open (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "mine.headroom", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrComparison) saved = NULL;
  HrWindow *window = new_window (&db);
  HrScenario *scenario = hr_window_get_scenario (window);

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  hr_scenario_set_cable_ohm (scenario, 2.0);
  g_assert_true (hr_window_pin (window, &error));
  g_assert_no_error (error);
  g_assert_true (hr_window_select_headphone (window, "akg-k701"));
  g_object_set (window, "chart-view", "current", NULL);

  g_assert_true (hr_window_save_comparison (window, file, &error));
  g_assert_no_error (error);
  saved = hr_comparison_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hr_comparison_get_n_pins (saved), ==, 1);
  g_assert_cmpstr (hr_comparison_get_chart_view (saved), ==, "current");
  g_assert_cmpstr (hr_scenario_get_headphone_id (hr_comparison_get_scenario (saved)), ==, "akg-k701");

  /* Something else on screen, no pins; then the file again. */
  g_assert_true (hr_window_select_headphone (window, "sony-mdr-7506"));
  hr_scenario_set_cable_ohm (scenario, 0.0);
  hr_window_remove_pin (window, 0);
  g_object_set (window, "chart-view", "all", NULL);
  g_assert_true (hr_window_open_comparison (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (headphone_id (window), ==, "akg-k701");
  g_assert_cmpstr (hr_scenario_get_source_id (scenario), ==, "rme-fireface-800");
  g_assert_cmpfloat (hr_scenario_get_cable_ohm (scenario), ==, 2.0);
  g_assert_cmpfloat (hr_slider_row_get_value (hr_window_get_slider_row (window, "cable_row")), ==, 2.0);
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
  {
    g_autofree char *chart_view = NULL;

    g_object_get (window, "chart-view", &chart_view, NULL);
    g_assert_cmpstr (chart_view, ==, "current");
  }

  /* Undo puts back what the window held. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-open", NULL));
  spin_main_loop ();
  g_assert_cmpstr (headphone_id (window), ==, "sony-mdr-7506");
  g_assert_cmpfloat (hr_scenario_get_cable_ohm (scenario), ==, 0.0);
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 0);

  /* And the file is among the recent ones, in the menu. */
  hr_window_update_recent (window);
  {
    GMenuModel *recent = G_MENU_MODEL (child (window, HR_TYPE_WINDOW, "recent_menu"));
    g_autofree char *uri = g_file_get_uri (file);
    gboolean found = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (recent); i++)
      {
        g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (recent, i, G_MENU_ATTRIBUTE_TARGET,
                                                                            G_VARIANT_TYPE_STRING);

        found |= target != NULL && g_str_equal (g_variant_get_string (target, NULL), uri);
      }
    g_assert_true (found);
  }

  g_unlink (path);
  destroy_window (window);
}

/* Headphones the sender measured themselves, under the id of a bundled
 * preset: shown with the sender's figures under an id of their own, for
 * this session only; the bundled preset stays as it is. */
static void
test_inline_gear (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GFile) file = data_comparison ("inline-live.headroom");
  g_autoptr(GError) error = NULL;
  HrWindow *window = new_window (&db);
  HrHeadphonePreset *opened;

  g_assert_true (hr_window_open_comparison (window, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (headphone_id (window), ==, "sennheiser-hd-650-opened");
  opened = hr_preset_db_lookup_headphone (db, "sennheiser-hd-650-opened");
  g_assert_nonnull (opened);
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (opened)), ==, HR_PRESET_ORIGIN_OPENED);
  g_assert_cmpstr (hr_preset_get_filename (HR_PRESET (opened)), ==, "inline-live.headroom");
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (hr_preset_db_lookup_headphone (db, "sennheiser-hd-650"))),
                   ==, HR_PRESET_ORIGIN_BUNDLED);
  /* The sender's 320 Ω, not the bundled curve. */
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->z_1k_ohm, 320.0, 1e-9);
  g_assert_cmpfloat (hr_window_get_summary (window)->level_db_spl, ==, 100.0);
  /* Written nowhere. */
  {
    g_autofree char *user = user_file ();

    g_assert_false (g_file_test (user, G_FILE_TEST_EXISTS));
  }
  /* Opened twice, adopted once. */
  g_assert_true (hr_window_open_comparison (window, file, &error));
  g_assert_null (hr_preset_db_lookup_headphone (db, "sennheiser-hd-650-opened-2"));
  destroy_window (window);
}

/* The pins of a file, with gear of the sender's own, computed and shown
 * under their names; the hidden one hidden. */
static void
test_pins_from_file (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GFile) file = data_comparison ("fireface-hd650.headroom");
  g_autoptr(GError) error = NULL;
  HrWindow *window = new_window (&db);
  GPtrArray *pins;

  g_assert_true (hr_window_open_comparison (window, file, &error));
  g_assert_no_error (error);
  pins = hr_window_get_pins (window);
  g_assert_cmpuint (pins->len, ==, 2);
  g_assert_cmpstr (((HrPin *) g_ptr_array_index (pins, 0))->name, ==, "On my own amp");
  g_assert_true (((HrPin *) g_ptr_array_index (pins, 0))->visible);
  g_assert_false (((HrPin *) g_ptr_array_index (pins, 1))->visible);
  g_assert_nonnull (((HrPin *) g_ptr_array_index (pins, 0))->trace);
  destroy_window (window);
}

/* What does not open changes nothing, and says why in one line. */
static void
test_refused (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GError) error = NULL;
  HrWindow *window = new_window (&db);
  const struct
  {
    const char *name;
    const char *text;
    const char *expected;
  } files[] = {
    { "broken.headroom", "{\"format\": \"headroom-comparison\", \"version\": 1,", "broken.headroom:1:" },
    { "newer.headroom", "{\"format\": \"headroom-comparison\", \"version\": 9, \"configuration\": {}}",
      "newer.headroom: version 9 was written by a newer Headroom" },
    { "missing.headroom",
      "{\"format\": \"headroom-comparison\", \"version\": 1, \"configuration\": "
      "{\"source\": {\"preset\": \"rme-fireface-800\"}, \"headphone\": {\"preset\": \"no-such-headphones\"}}}",
      "missing.headroom: " },
    { "ideal.headroom",
      "{\"format\": \"headroom-comparison\", \"version\": 1, \"configuration\": "
      "{\"source\": {\"ideal\": true}, \"headphone\": {\"preset\": \"akg-k701\"}}}",
      "ideal.headroom: its configuration has a source given by its figures" },
  };

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_true (hr_window_pin (window, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (tmp_dir, files[i].name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      g_assert_true (g_file_set_contents (path, files[i].text, -1, NULL));
      g_assert_false (hr_window_open_comparison (window, file, &error));
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, files[i].expected));
      g_assert_null (strchr (error->message, '\n'));
      g_clear_error (&error);
      g_assert_cmpstr (headphone_id (window), ==, "sennheiser-hd-650");
      g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
      g_unlink (path);
    }

  /* Through the window's own path, as a double-click or a drop opens
   * it, a dialog that names the file and the place: a file nested
   * 100,000 deep, plainly and behind a single-quoted string ending in a
   * backslash (which json-glib reads with no escape, and a check that
   * read one would not have counted the brackets after it). */
  {
    g_autofree char *deep = g_strnfill (100000, '[');
    g_autofree char *hidden = g_strconcat ("{\"format\": ['\\', ", deep, "'x']}", NULL);
    const struct {
      const char *text;
      const char *says;
    } bad[] = {
      { "[[[", "bad.headroom:1:3: " },
      { deep, "bad.headroom:1:65: arrays and objects nest 100000 levels deep" },
      { hidden, "bad.headroom:1:13: a string in single quotes, which JSON does not have" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *path = g_build_filename (tmp_dir, "bad.headroom", NULL);
        g_autoptr(GFile) file = g_file_new_for_path (path);
        AdwMessageDialog *dialog;

        g_assert_true (g_file_set_contents (path, bad[i].text, -1, NULL));
        hr_window_open_file (window, file);
        spin_main_loop ();
        dialog = find_message_dialog (GTK_WINDOW (window));
        g_assert_nonnull (dialog);
        g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Open the Comparison");
        g_test_message ("%s", adw_message_dialog_get_body (dialog));
        g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), bad[i].says));
        gtk_window_destroy (GTK_WINDOW (dialog));
        g_assert_cmpstr (headphone_id (window), ==, "sennheiser-hd-650");
        g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
        g_unlink (path);
      }
  }
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* Before anything reads it: GLib caches the user data dir. */
  user_data_init ("headroom-ui-comparison-XXXXXX");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  presets_dir = g_strdup (g_getenv ("HEADROOM_PRESETS_DIR"));
  if (presets_dir == NULL)
    presets_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);
  tmp_dir = g_dir_make_tmp ("headroom-comparisons-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/ui/comparison/save-and-open", test_save_and_open);
  g_test_add_func ("/ui/comparison/inline-gear", test_inline_gear);
  g_test_add_func ("/ui/comparison/pins-from-file", test_pins_from_file);
  g_test_add_func ("/ui/comparison/refused", test_refused);

  status = g_test_run ();

  g_rmdir (tmp_dir);
  g_free (tmp_dir);
  user_data_clear ();
  g_free (presets_dir);
  return status;
}
