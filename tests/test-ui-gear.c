/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-gear"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "test-shot.h"
#include "test-ui-gear.h"

/* The user's own gear, through the window: a curve file dropped on it, the
 * headphones and source forms filled in and saved, a bundled preset
 * edited, and bad input refused with a message while the user's presets
 * stay as they were. The user's presets file lives in a temporary
 * XDG_DATA_HOME; the window reads the bundled presets of data/presets. */

static const char zma_text[] =
  "* A curve as REW exports it\n"
  "* Freq(Hz) Z(Ohm) Phase(Deg)\n"
  "20 38.0 12.0\n"
  "90 60.0 0.0\n"
  "1000 32.5 2.0\n"
  "10000 36.0 18.0\n"
  "20000 41.0 25.0\n";

static void
type_text (gpointer    dialog,
           GType       type,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, type, name)), text);
}

/* Whether the form would save: its Save button follows the action. */
static gboolean
save_enabled (gpointer dialog)
{
  return gtk_widget_get_sensitive (child (dialog, G_OBJECT_TYPE (dialog), "save_button"));
}

static GFile *
write_curve (const char *name,
             const char *text)
{
  g_autofree char *path = g_build_filename (data_home, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return g_file_new_for_path (path);
}

/* The window's own drop target, as GTK calls it when a file is dropped. */
static gboolean
drop_file (HrWindow *window,
           GFile    *file)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GValue) value = G_VALUE_INIT;
  GSList *files = g_slist_append (NULL, file);
  gboolean accepted = FALSE;

  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_slist_free (files);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        {
          g_signal_emit_by_name (controller, "drop", &value, 10.0, 10.0, &accepted);
          return accepted;
        }
    }
  g_assert_not_reached ();
}

static HrHeadphoneDialog *
find_headphone_dialog (HrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (HR_IS_HEADPHONE_DIALOG (toplevel) && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return HR_HEADPHONE_DIALOG (toplevel);
    }
  return NULL;
}

/* A .zma dropped on the window opens the form with the curve and a name;
 * once the spec sheet's figures are typed in, Save writes the user's
 * preset, and the window chooses it and computes with its curve. */
static void
test_drop_curve_and_save (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GFile) curve = write_curve ("My IEM.zma", zma_text);
  g_autofree char *path = user_file ();
  HrWindow *window = new_window (&db);
  HrHeadphoneDialog *dialog;
  HrHeadphonePreset *mine;
  const HrImpedancePoint *points;
  guint n_points;
  const char *features;

  g_assert_true (hr_window_select_source (window, "nwavguy-jds-labs-objective2", NULL));
  g_assert_true (drop_file (window, curve));
  dialog = find_headphone_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "name_row"))),
                   ==, "My IEM");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "file_row"))),
                   ==, "My IEM.zma: 5 points, 20 Hz–20 kHz");
  features = adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "features_row")));
  g_assert_cmpstr (features, ==, "32.5 Ω at 1 kHz · highest 60 Ω at 90 Hz · lowest 32.5 Ω at 1 kHz");

  /* Not yet: no manufacturer, nominal impedance or sensitivity. */
  g_assert_false (save_enabled (dialog));
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "manufacturer_row", "Me");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "nominal_row", "32 Ω");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "sensitivity_row", "abc");
  g_assert_false (save_enabled (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "sensitivity_row"), "error"));
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "sensitivity_row", "110");
  g_assert_false (gtk_widget_has_css_class (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "sensitivity_row"), "error"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "type_row")),
                              HR_HEADPHONE_TYPE_DYNAMIC_IEM);
  g_assert_true (save_enabled (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();
  g_assert_null (find_headphone_dialog (window));

  mine = hr_preset_db_lookup_headphone (db, "me-my-iem");
  g_assert_nonnull (mine);
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (mine)), ==, HR_PRESET_ORIGIN_USER);
  g_assert_cmpint (hr_headphone_preset_get_headphone_type (mine), ==, HR_HEADPHONE_TYPE_DYNAMIC_IEM);
  g_assert_cmpstr (hr_headphone_preset_get_impedance_source (mine), ==, "imported from My IEM.zma");
  points = hr_impedance_get_points (hr_headphone_preset_get_impedance (mine), &n_points);
  g_assert_cmpuint (n_points, ==, 5);
  g_assert_cmpfloat (points[1].mag_ohm, ==, 60.0);
  g_assert_cmpfloat (hr_headphone_preset_get_sensitivity (mine)->value, ==, 110.0);
  g_assert_true (isnan (hr_headphone_preset_get_max_input (mine)->value));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  /* The window chose it and computed with its curve. */
  g_assert_cmpstr (hr_window_get_content_page (window), ==, "charts");
  g_assert_nonnull (hr_window_get_summary (window));
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->z_max_ohm, 60.0, 0.5);
  g_assert_cmpfloat (hr_slider_row_get_value (hr_window_get_slider_row (window, "headphone_z_row")), ==, 32.0);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (hr_window_get_slider_row (window, "headphone_z_row"))));

  destroy_window (window);
}

/* A file with text in it, dropped: a message dialog names the line, no
 * form opens, and the user's presets are not touched. */
static void
test_drop_bad_curve (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GFile) curve = write_curve ("broken.zma", "20 38 12\n90 sixty 0\n");
  g_autofree char *path = user_file ();
  HrWindow *window = new_window (&db);
  AdwMessageDialog *message;

  g_assert_true (drop_file (window, curve));
  spin_main_loop ();
  g_assert_null (find_headphone_dialog (window));
  message = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Could Not Import the Curve");
  g_assert_cmpstr (adw_message_dialog_get_body (message), ==, "broken.zma:2: “sixty” is not a number");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (message));
  destroy_window (window);
}

/* Editing a bundled pair: one figure changed. The user's version takes
 * the bundled one's place, the untouched figures keep their sources, and
 * the source's output impedance, which the user had moved, stays. */
static void
test_edit_bundled_headphones (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrHeadphonePreset *bundled;
  HrHeadphonePreset *edited;
  HrHeadphoneDialog *dialog;
  g_autofree char *bundled_sensitivity_source = NULL;
  const HrThieleSmall *ts;
  HrSliderRow *zout_row = hr_window_get_slider_row (window, "zout_row");
  AdwMessageDialog *confirm;

  g_assert_true (hr_window_select_source (window, "nwavguy-jds-labs-objective2", NULL));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  hr_slider_row_set_value (zout_row, 47.0);
  bundled = hr_preset_db_lookup_headphone (db, "sennheiser-hd-650");
  bundled_sensitivity_source = g_strdup (hr_headphone_preset_get_sensitivity (bundled)->source);
  g_assert_nonnull (bundled_sensitivity_source);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-headphones", NULL));
  dialog = find_headphone_dialog (window);
  g_assert_nonnull (dialog);
  /* The form shows the preset as it is: Save would write it unchanged. */
  g_assert_true (save_enabled (dialog));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "nominal_row"))),
                   ==, "300");
  g_assert_true (gtk_widget_get_visible (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "fs_row")));
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "qms_row", "4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();

  edited = hr_preset_db_lookup_headphone (db, "sennheiser-hd-650");
  g_assert_true (edited != bundled);
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (edited)), ==, HR_PRESET_ORIGIN_USER);
  g_assert_true (hr_preset_get_overrides_bundled (HR_PRESET (edited)));
  ts = hr_impedance_get_thiele_small (hr_headphone_preset_get_impedance (edited));
  g_assert_cmpfloat (ts->qms, ==, 4.0);
  g_assert_null (hr_headphone_preset_get_impedance_source (edited));
  g_assert_cmpstr (hr_headphone_preset_get_sensitivity (edited)->source, ==, bundled_sensitivity_source);
  g_assert_cmpfloat (hr_slider_row_get_value (zout_row), ==, 47.0);
  g_assert_nonnull (hr_window_get_summary (window));

  /* The user's version can go again, and the bundled preset comes back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-headphones", NULL));
  dialog = find_headphone_dialog (window);
  g_assert_true (gtk_widget_get_visible (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "remove_group")));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "remove_button"))),
                   ==, "_Restore the Bundled Preset");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.remove", NULL));
  confirm = find_message_dialog (GTK_WINDOW (dialog));
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "remove");
  spin_main_loop ();
  g_assert_null (find_headphone_dialog (window));
  edited = hr_preset_db_lookup_headphone (db, "sennheiser-hd-650");
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (edited)), ==, HR_PRESET_ORIGIN_BUNDLED);
  ts = hr_impedance_get_thiele_small (hr_headphone_preset_get_impedance (edited));
  g_assert_cmpfloat (ts->qms, !=, 4.0);
  g_assert_nonnull (hr_window_get_summary (window));

  destroy_window (window);
}

/* A new source with two outputs; the current limit left empty is unknown,
 * and the window computes with the output chosen. */
static void
test_new_source (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrSourceDialog *dialog;
  HrSourcePreset *mine;
  const HrSourceOutput *line;

  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  dialog = hr_window_open_source_dialog (window, NULL);
  type_text (dialog, HR_TYPE_SOURCE_DIALOG, "name_row", "Bench amp");
  type_text (dialog, HR_TYPE_SOURCE_DIALOG, "manufacturer_row", "Me");
  g_assert_cmpuint (hr_source_dialog_get_n_outputs (dialog), ==, 1);
  /* Every figure may be unknown, the output impedance too. */
  g_assert_true (save_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "max_voltage_vrms")), "loud");
  g_assert_false (save_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "output_impedance_ohm")), "0.5");
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "max_voltage_vrms")), "7,2 V");
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "max_current_ma")), "150");
  g_assert_true (save_enabled (dialog));

  hr_source_dialog_add_output (dialog);
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 1, "name")), "Line out");
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 1, "output_impedance_ohm")), "-1");
  g_assert_false (save_enabled (dialog));
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 1, "output_impedance_ohm")), "100");
  g_assert_true (save_enabled (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();

  mine = hr_preset_db_lookup_source (db, "me-bench-amp");
  g_assert_nonnull (mine);
  g_assert_cmpuint (hr_source_preset_get_n_outputs (mine), ==, 2);
  g_assert_cmpstr (hr_source_preset_get_output (mine, 0)->id, ==, "headphone-out");
  g_assert_cmpfloat (hr_source_preset_get_output (mine, 0)->max_voltage_vrms.value, ==, 7.2);
  line = hr_source_preset_get_output (mine, 1);
  g_assert_cmpstr (line->id, ==, "line-out");
  g_assert_true (isnan (line->max_current_ma.value));
  g_assert_cmpfloat (line->output_impedance_ohm.value, ==, 100.0);

  /* The window chose the new source's first output. */
  g_assert_cmpfloat (hr_slider_row_get_value (hr_window_get_slider_row (window, "zout_row")), ==, 0.5);
  g_assert_nonnull (hr_window_get_summary (window));

  /* A bundled preset's form has nothing to remove; the user's own has. */
  dialog = hr_window_open_source_dialog (window, hr_preset_db_lookup_source (db, "nwavguy-jds-labs-objective2"));
  g_assert_false (gtk_widget_get_visible (child (dialog, HR_TYPE_SOURCE_DIALOG, "remove_group")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = hr_window_open_source_dialog (window, mine);
  g_assert_true (gtk_widget_get_visible (child (dialog, HR_TYPE_SOURCE_DIALOG, "remove_group")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.remove", NULL));
  adw_message_dialog_response (find_message_dialog (GTK_WINDOW (dialog)), "remove");
  spin_main_loop ();
  g_assert_null (hr_preset_db_lookup_source (db, "me-bench-amp"));
  g_assert_nonnull (hr_window_get_summary (window));

  destroy_window (window);
}

static void
write_user_file (const char *text)
{
  g_autofree char *path = user_file ();
  g_autofree char *folder = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* The window of a database read from what is on disk now. */
static HrWindow *
new_window_keeping_files (HrPresetDb **db)
{
  HrWindow *window;

  *db = hr_preset_db_new (presets_dir, NULL);
  window = g_object_new (HR_TYPE_WINDOW, "db", *db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop ();
  return window;
}

/* "My mixer", saved in the form, is what the window comes back on after
 * a restart: the settings held the previous source's id, because the
 * choice was stored by a handler that the reload had blocked. */
static void
test_saved_source_remembered (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(HrPresetDb) db_after = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;
  HrWindow *window = new_window (&db);
  HrSourceDialog *dialog;

  g_assert_true (hr_window_select_source (window, "nwavguy-jds-labs-objective2", NULL));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  dialog = hr_window_open_source_dialog (window, NULL);
  type_text (dialog, HR_TYPE_SOURCE_DIALOG, "name_row", "My mixer");
  type_text (dialog, HR_TYPE_SOURCE_DIALOG, "manufacturer_row", "Me");
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "output_impedance_ohm")), "47");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();
  stored = g_settings_get_string (settings, "source-id");
  g_assert_cmpstr (stored, ==, "me-my-mixer");
  destroy_window (window);

  /* Quit and start again, on the files as they are now. */
  window = new_window_keeping_files (&db_after);
  g_assert_cmpstr (hr_scenario_get_source_id (hr_window_get_scenario (window)), ==, "me-my-mixer");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "HD 650 on My mixer · Headphone out");
  g_assert_cmpfloat (hr_slider_row_get_value (hr_window_get_slider_row (window, "zout_row")), ==, 47.0);
  destroy_window (window);
  remove_user_files ();
}

/* A user's file that is not JSON hides all their gear: a dialog says so
 * as the window opens, and saving new gear is refused with the reason,
 * the file kept byte for byte. */
static void
test_broken_user_file (void)
{
  static const char broken[] = "{\"schema_version\": 1, \"headphones\": [ {\"id\": ";
  g_autoptr(HrPresetDb) db = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  HrHeadphoneDialog *dialog;
  AdwMessageDialog *message;
  HrWindow *window;

  remove_user_files ();
  write_user_file (broken);
  window = new_window_keeping_files (&db);
  message = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Your Presets Could Not Be Read");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), "could not be read; the file is kept as it is"));
  gtk_window_destroy (GTK_WINDOW (message));

  dialog = hr_window_open_headphone_dialog (window, NULL, NULL);
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "name_row", "Mine");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "manufacturer_row", "Me");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "nominal_row", "32");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "sensitivity_row", "100");
  g_assert_null (hr_gear_dialog_save (HR_GEAR_DIALOG (dialog), &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "nothing was written"));
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, broken);

  gtk_window_destroy (GTK_WINDOW (dialog));
  destroy_window (window);
  remove_user_files ();
}

/* The window opened on a user's file that does not read: a dialog that
 * says @says, the bundled presets there and computed as ever, and the
 * file left as it was. */
static void
assert_user_file_refused (const char *text,
                          const char *says)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autofree char *path = user_file ();
  g_autofree char *kept = NULL;
  AdwMessageDialog *message;
  HrWindow *window;

  remove_user_files ();
  write_user_file (text);
  window = new_window_keeping_files (&db);
  message = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Your Presets Could Not Be Read");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message), says));
  gtk_window_destroy (GTK_WINDOW (message));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_nonnull (hr_window_get_summary (window));
  destroy_window (window);
  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, text);
  remove_user_files ();
}

/* A user's file nested 100,000 deep, which json-glib alone would recurse
 * through until the stack ran out: the window opens, with the dialog
 * that names the place and the depth. */
static void
test_deep_user_file (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');

  assert_user_file_refused (deep, "presets.json:1:65: arrays and objects nest 100000 levels deep");
}

/* The same depth behind a single-quoted string that ends in a backslash
 * crashed the app as it started: json-glib reads no escape in such a
 * string, and the check before it read one and counted no bracket up to
 * the next quote. */
static void
test_hidden_deep_user_file (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *hidden = g_strconcat ("{\"headphones\": ['\\', ", deep, "'x']}", NULL);

  assert_user_file_refused (hidden, "presets.json:1:17: a string in single quotes, which JSON does not have");
}

/* One broken preset among good ones: the rest loads, and the details,
 * with the file, line, column and path, are a click away. */
static void
test_preset_problems_reported (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  AdwMessageDialog *message;
  HrWindow *window;

  remove_user_files ();
  write_user_file ("{\"schema_version\": 1, \"headphones\": [\n"
                   "  {\"id\": \"mine\", \"name\": \"Mine\", \"manufacturer\": \"Me\", \"type\": \"planar\",\n"
                   "   \"nominal_impedance_ohm\": -32, \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"},\n"
                   "   \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32}}]}\n");
  window = new_window_keeping_files (&db);
  g_assert_null (find_message_dialog (GTK_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-preset-problems", NULL));
  message = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (message);
  g_assert_cmpstr (adw_message_dialog_get_heading (message), ==, "Some Presets Could Not Be Loaded");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (message),
                            "presets.json:3:29: headphones[0].nominal_impedance_ohm must be"));
  g_assert_nonnull (hr_preset_db_lookup_headphone (db, "sennheiser-hd-650"));

  gtk_window_destroy (GTK_WINDOW (message));
  destroy_window (window);
  remove_user_files ();
}

/* A home-studio mixer, as its manual prints it: "PHONES: 1000 mW @ 32 Ω,
 * 320 mW @ 300 Ω", noise in dBu, a rated load, and no output impedance.
 * The form fits the power table, fills the figures with where they came
 * from, keeps what was typed as given, and saves with the output
 * impedance unknown; the window then explores it from an assumption
 * that the verdict names. */
static void
test_mixer_from_sheet (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrSourceDialog *dialog;
  HrSourcePreset *mine;
  const HrSourceOutput *phones;
  AdwEntryRow *sheet;
  const char *summary;
  gboolean assumed = FALSE;

  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  dialog = hr_window_open_source_dialog (window, NULL);
  type_text (dialog, HR_TYPE_SOURCE_DIALOG, "name_row", "Little mixer");
  type_text (dialog, HR_TYPE_SOURCE_DIALOG, "manufacturer_row", "Me");
  sheet = hr_source_dialog_get_output_row (dialog, 0, "spec-sheet");
  g_assert_nonnull (sheet);

  /* One pair is not a fit: the form says so, and cannot fill in. */
  gtk_editable_set_text (GTK_EDITABLE (sheet), "100 mW @ 32");
  g_assert_false (hr_source_dialog_apply_sheet (dialog, 0));
  /* A maximum level counts as a figure: open circuit without a load. */
  gtk_editable_set_text (GTK_EDITABLE (sheet), "+22 dBu, +19 dBu @ 32 Ω");
  {
    const char *levels = hr_source_dialog_get_sheet_summary (dialog, 0);

    g_assert_true (g_str_has_prefix (levels, "Fits 9.75 Vrms open circuit"));
    g_assert_nonnull (strstr (levels, "9.75 Vrms open circuit: voltage-bound"));
  }
  gtk_editable_set_text (GTK_EDITABLE (sheet), "1000 mW @ 32 Ω, 320 mW @ 300 Ω");
  summary = hr_source_dialog_get_sheet_summary (dialog, 0);
  g_test_message ("%s", summary);
  /* The fit, and each pair of the sheet against the model. */
  g_assert_true (g_str_has_prefix (summary, "Fits "));
  g_assert_nonnull (strstr (summary, "1 W into 32 Ω"));
  g_assert_nonnull (strstr (summary, "320 mW into 300 Ω"));
  g_assert_nonnull (strstr (summary, "model"));
  g_assert_nonnull (strstr (summary, "-bound"));
  g_assert_true (hr_source_dialog_apply_sheet (dialog, 0));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 980);
  spin_main_loop ();
  test_scroll_to (GTK_WIDGET (hr_source_dialog_get_output_row (dialog, 0, "name")));
  spin_main_loop ();
  test_shot (GTK_WINDOW (dialog), "headroom-source");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "max_voltage_vrms"))),
                   !=, "");

  /* The manual's own words for the rest; no output impedance. */
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "output_impedance_ohm")), "");
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "noise_vrms")), "-95 dBu");
  gtk_editable_set_text (GTK_EDITABLE (hr_source_dialog_get_output_row (dialog, 0, "min_load_ohm")), "32");
  g_assert_true (save_enabled (dialog));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();

  mine = hr_preset_db_lookup_source (db, "me-little-mixer");
  g_assert_nonnull (mine);
  phones = hr_source_preset_get_output (mine, 0);
  g_assert_false (hr_figure_is_known (&phones->output_impedance_ohm));
  g_assert_true (g_str_has_prefix (phones->max_voltage_vrms.source, "inferred from 1000 mW @ 32 Ω"));
  g_assert_cmpstr (phones->noise_vrms.given, ==, "-95 dBu");
  g_assert_cmpfloat_with_epsilon (phones->noise_vrms.value, 0.774597 * pow (10.0, -95.0 / 20.0), 1e-12);
  g_assert_cmpfloat (phones->min_load_ohm.value, ==, 32.0);

  /* The window explores the unknown output impedance from 120 Ω (IEC 61938), says so under the slider, shows
   * it as unknown, and says the verdict rests on it. */
  g_assert_cmpfloat (hr_slider_row_get_value (hr_window_get_slider_row (window, "zout_row")), ==, 120.0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hr_window_get_slider_row (window, "zout_row"))),
                   ==, "Not known: assumed");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (hr_window_get_slider_row (window, "zout_row"))),
                                   "Not known: starts from an assumption, 120 Ω"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (window->source_figures_label), "? Ω"));
  for (guint i = 0; i < hr_window_get_summary (window)->reasons->len; i++)
    assumed |= g_array_index (hr_window_get_summary (window)->reasons, HrReason, i).code == HR_REASON_ZOUT_ASSUMED;
  g_assert_true (assumed);
  destroy_window (window);
}

/* Headphones from the figures a review's plot shows, and from nothing:
 * the peak and |Z| at 1 kHz fitted to a driver, the form saying how close
 * it comes; an unknown curve saved as assumed, which the verdict says. */
static void
test_headphones_from_plot (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrHeadphoneDialog *dialog;
  HrHeadphonePreset *mine;
  AdwComboRow *model_row;
  const char *features;
  gboolean assumed = FALSE;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  dialog = hr_window_open_headphone_dialog (window, NULL, NULL);
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "name_row", "Plot phones");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "manufacturer_row", "Me");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "nominal_row", "300");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "sensitivity_row", "103");
  model_row = ADW_COMBO_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "model_row"));
  /* "From a published plot" is the second model. */
  adw_combo_row_set_selected (model_row, 1);
  g_assert_true (gtk_widget_get_visible (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "fit_peak_hz_row")));
  g_assert_false (save_enabled (dialog));
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "fit_peak_hz_row", "95");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "fit_peak_ohm_row", "510");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "fit_1k_ohm_row", "310");
  g_assert_true (save_enabled (dialog));
  features = adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "features_row")));
  g_test_message ("%s", features);
  /* What the model gives, the fit, each figure against it, and what was
   * assumed. */
  g_assert_nonnull (strstr (features, "highest 510 Ω at 95"));
  g_assert_nonnull (strstr (features, "Fitted: Re "));
  g_assert_nonnull (strstr (features, "peak 510 Ω: model 510 Ω, +0.0 %"));
  g_assert_nonnull (strstr (features, "Qms"));
  gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 900);
  spin_main_loop ();
  test_scroll_to (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "model_row"));
  spin_main_loop ();
  test_shot (GTK_WINDOW (dialog), "headroom-gear");
  /* The width's rows say at which level it is read: √(510 · 310). */
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG,
                                                                                        "fit_width_lo_row"))),
                            "398 Ω"));
  /* A peak lower than |Z| at 1 kHz is no peak. */
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "fit_peak_ohm_row", "300");
  g_assert_false (save_enabled (dialog));
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "fit_peak_ohm_row", "510");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();
  mine = hr_preset_db_lookup_headphone (db, "me-plot-phones");
  g_assert_nonnull (mine);
  g_assert_cmpint (hr_impedance_get_kind (hr_headphone_preset_get_impedance (mine)), ==, HR_IMPEDANCE_THIELE_SMALL);
  g_assert_nonnull (strstr (hr_headphone_preset_get_impedance_modelled (mine), "510 Ω at 95 Hz"));

  /* Nothing known of the curve: assumed flat, and the verdict says the
   * change could not be judged. */
  dialog = hr_window_open_headphone_dialog (window, mine, NULL);
  model_row = ADW_COMBO_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "model_row"));
  adw_combo_row_set_selected (model_row, 4);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG,
                                                                                  "features_row"))),
                            "Assumed flat"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();
  mine = hr_preset_db_lookup_headphone (db, "me-plot-phones");
  g_assert_true (hr_impedance_is_assumed (hr_headphone_preset_get_impedance (mine)));
  g_assert_true (hr_window_select_headphone (window, "me-plot-phones"));
  for (guint i = 0; i < hr_window_get_summary (window)->reasons->len; i++)
    assumed |= g_array_index (hr_window_get_summary (window)->reasons, HrReason, i).code == HR_REASON_IMPEDANCE_ASSUMED;
  g_assert_true (assumed);
  destroy_window (window);
}

/* A frequency response dropped on the window goes with the headphones
 * chosen: their form opens with it, and Save keeps it with its file. A
 * file that says nothing of what it holds asks. */
static void
test_drop_response (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autofree char *autoeq = g_test_build_filename (G_TEST_DIST, "data", "curves", "real", "Sennheiser HD 650.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (autoeq);
  g_autoptr(GFile) vague = write_curve ("curve.txt", "100 90 10\n1000 80 0\n10000 90 -10\n");
  HrWindow *window = new_window (&db);
  HrHeadphoneDialog *dialog;
  HrHeadphonePreset *mine;
  AdwMessageDialog *question;
  guint n_points = 0;
  HrChartView *view = hr_chart_widget_get_view (HR_CHART_WIDGET (child (window, HR_TYPE_WINDOW, "chart")));

  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  /* The response's row of charts comes with a response. */
  g_assert_cmpuint (hr_chart_view_grid_rows (view), ==, 2);
  g_assert_true (drop_file (window, file));
  dialog = find_headphone_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (dialog, HR_TYPE_HEADPHONE_DIALOG,
                                                                                         "response_row"))),
                                   "Sennheiser HD 650.csv: 695 points"));
  /* Where it comes from: the file, and what the user says it is. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child (dialog, HR_TYPE_HEADPHONE_DIALOG, "response_source_row"))),
                   ==, "imported from Sennheiser HD 650.csv");
  type_text (dialog, HR_TYPE_HEADPHONE_DIALOG, "response_source_row",
             "imported from Sennheiser HD 650.csv: oratory1990, GRAS 43AG-7");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.save", NULL));
  spin_main_loop ();
  mine = hr_preset_db_lookup_headphone (db, "sennheiser-hd-650");
  g_assert_nonnull (hr_headphone_preset_get_response (mine, &n_points));
  g_assert_cmpuint (n_points, ==, 695);
  g_assert_cmpstr (hr_headphone_preset_get_response_source (mine), ==,
                   "imported from Sennheiser HD 650.csv: oratory1990, GRAS 43AG-7");
  g_assert_cmpuint (hr_chart_view_grid_rows (view), ==, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "response"));
  g_assert_cmpint (hr_chart_view_get_layout (view), ==, HR_CHART_LAYOUT_SINGLE);
  g_assert_cmpint (hr_chart_view_get_kind (view), ==, HR_CHART_RESPONSE);
  {
    g_autofree char *chart_view = NULL;

    g_object_get (window, "chart-view", &chart_view, NULL);
    g_assert_cmpstr (chart_view, ==, "response");
  }

  g_assert_true (drop_file (window, vague));
  question = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (question);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (question), "curve.txt"));
  adw_message_dialog_response (question, "cancel");
  spin_main_loop ();
  g_assert_null (find_headphone_dialog (window));
  /* Asked again and answered: an impedance curve makes new headphones. */
  g_assert_true (drop_file (window, vague));
  question = find_message_dialog (GTK_WINDOW (window));
  g_assert_nonnull (question);
  adw_message_dialog_response (question, "impedance");
  spin_main_loop ();
  g_assert_nonnull (find_headphone_dialog (window));
  gtk_window_destroy (GTK_WINDOW (find_headphone_dialog (window)));
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads it: GLib caches the user data dir. */
  user_data_init ("headroom-ui-gear-XXXXXX");

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  presets_dir = g_strdup (g_getenv ("HEADROOM_PRESETS_DIR"));
  if (presets_dir == NULL)
    presets_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);

  g_test_add_func ("/ui/gear/drop-curve-and-save", test_drop_curve_and_save);
  g_test_add_func ("/ui/gear/drop-bad-curve", test_drop_bad_curve);
  g_test_add_func ("/ui/gear/edit-bundled-headphones", test_edit_bundled_headphones);
  g_test_add_func ("/ui/gear/new-source", test_new_source);
  g_test_add_func ("/ui/gear/mixer-from-sheet", test_mixer_from_sheet);
  g_test_add_func ("/ui/gear/headphones-from-plot", test_headphones_from_plot);
  g_test_add_func ("/ui/gear/drop-response", test_drop_response);
  g_test_add_func ("/ui/gear/saved-source-remembered", test_saved_source_remembered);
  g_test_add_func ("/ui/gear/broken-user-file", test_broken_user_file);
  g_test_add_func ("/ui/gear/deep-user-file", test_deep_user_file);
  g_test_add_func ("/ui/gear/hidden-deep-user-file", test_hidden_deep_user_file);
  g_test_add_func ("/ui/gear/preset-problems", test_preset_problems_reported);

  status = g_test_run ();

  user_data_clear ();
  g_free (presets_dir);
  return status;
}
