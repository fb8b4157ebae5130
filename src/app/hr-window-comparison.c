/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-comparison"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "hr-comparison.h"
#include "hr-form.h"
#include "hr-window-private.h"

/* Comparisons people can send (docs/COMPARISON.md): what the window shows,
 * saved as a `.headroom` file and opened from one, from the recent files
 * or from the desktop. The file is read whole and checked before anything
 * in the window changes; opening one replaces the sidebar's configuration
 * and the pins, and the toast that says so undoes it. */

/* The window as a comparison: the sidebar's configuration, the pins as
 * their chips show them, and the chart view. */
HrComparison *
hr_window_dup_comparison (HrWindow  *self,
                          GError   **error)
{
  g_autoptr(HrComparison) comparison = NULL;

  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  comparison = hr_comparison_new (self->scenario);
  hr_comparison_set_chart_view (comparison, self->chart_view);
  for (guint i = 0; i < self->pins->len; i++)
    {
      const HrPin *pin = g_ptr_array_index (self->pins, i);

      if (!hr_comparison_add_pin (comparison, pin->name, pin->visible, pin->scenario, error))
        {
          g_prefix_error (error, _("The pin “%s”: "), pin->name);
          return NULL;
        }
    }
  return g_steal_pointer (&comparison);
}

static void
remember_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  GtkRecentData data = {
    .mime_type = (char *) HR_COMPARISON_MIME_TYPE,
    .app_name = (char *) "Headroom",
    .app_exec = (char *) "headroom %u",
  };

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

gboolean
hr_window_save_comparison (HrWindow  *self,
                           GFile     *file,
                           GError   **error)
{
  g_autoptr(HrComparison) comparison = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A comparison can only be saved to a local file."));
      return FALSE;
    }
  if (self->resolved == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is nothing to save: choose a source and headphones first."));
      return FALSE;
    }
  comparison = hr_window_dup_comparison (self, error);
  if (comparison == NULL || !hr_comparison_save (comparison, self->db, path, error))
    return FALSE;
  remember_recent (file);
  return TRUE;
}

/* The sidebar shows gear by preset and a level in dB SPL: a configuration
 * that is not that is the command line's to read, and the message says
 * so rather than show something else. */
static gboolean
check_sidebar_can_show (HrScenario  *scenario,
                        const char  *display_name,
                        GError     **error)
{
  const char *what = NULL;
  guint n_points = 0;

  if (hr_scenario_get_source_kind (scenario) != HR_SCENARIO_SOURCE_PRESET)
    what = _("a source given by its figures");
  else if (hr_scenario_get_headphone_kind (scenario) != HR_SCENARIO_HEADPHONE_PRESET)
    what = _("headphones given by their figures");
  else if (hr_scenario_get_drive (scenario)->kind != HR_DRIVE_SPL)
    what = _("a level given as a voltage");
  else if (hr_scenario_get_response (scenario, &n_points) != NULL)
    what = _("a frequency response in place of the headphones’ own");
  for (HrSourceFigure figure = 0; figure < HR_N_SOURCE_FIGURES && what == NULL; figure++)
    if (!isnan (hr_scenario_get_source_figure (scenario, figure)))
      what = _("figures in place of the source’s own");

  if (what == NULL)
    return TRUE;
  /* Translators: "shootout.headroom: its configuration has a source given
   * by its figures, which the window cannot show; headroom-cli check --comparison reads it" */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("%s: its configuration has %s, which the window cannot show; "
                 "headroom-cli check --comparison reads it"), display_name, what);
  return FALSE;
}

/* The sidebar set to @scenario: its gear, found in the dropdowns (gear
 * held inline is adopted into the presets for the session first), then
 * the figures the user had moved. */
static void
show_scenario (HrWindow   *self,
               HrScenario *scenario,
               const char *display_name)
{
  HrPreset *source = NULL;
  HrPreset *headphone = NULL;
  const char *source_id = hr_scenario_get_source_id (scenario);
  const char *headphone_id = hr_scenario_get_headphone_id (scenario);

  /* Undo shows what the window held, which holds nothing inline. */
  if (hr_scenario_get_source_inline (scenario) != NULL && display_name != NULL)
    source = hr_preset_db_adopt (self->db, HR_PRESET (hr_scenario_get_source_inline (scenario)), display_name);
  if (hr_scenario_get_headphone_inline (scenario) != NULL && display_name != NULL)
    headphone = hr_preset_db_adopt (self->db, HR_PRESET (hr_scenario_get_headphone_inline (scenario)), display_name);
  if (source != NULL)
    source_id = hr_preset_get_id (source);
  if (headphone != NULL)
    headphone_id = hr_preset_get_id (headphone);

  hr_scenario_freeze (self->scenario);
  /* The dropdowns list what was adopted. */
  hr_window_reload_presets (self, HR_PRESET_KIND_SOURCE, NULL);
  if (source_id != NULL)
    hr_window_select_source (self, source_id, hr_scenario_get_output_id (scenario));
  if (headphone_id != NULL)
    hr_window_select_headphone (self, headphone_id);
  if (!isnan (hr_scenario_get_zout_ohm (scenario)))
    hr_scenario_set_zout_ohm (self->scenario, hr_scenario_get_zout_ohm (scenario));
  if (!isnan (hr_scenario_get_headphone_z_ohm (scenario)))
    hr_scenario_set_headphone_z_ohm (self->scenario, hr_scenario_get_headphone_z_ohm (scenario));
  hr_scenario_set_level_db_spl (self->scenario, hr_scenario_get_drive (scenario)->value);
  hr_scenario_set_cable_ohm (self->scenario, hr_scenario_get_cable_ohm (scenario));
  hr_scenario_set_adapter_series_ohm (self->scenario, hr_scenario_get_adapter_series_ohm (scenario));
  hr_scenario_set_adapter_shunt_ohm (self->scenario, hr_scenario_get_adapter_shunt_ohm (scenario));
  hr_scenario_set_crest_factor_db (self->scenario, hr_scenario_get_crest_factor_db (scenario));
  hr_scenario_thaw (self->scenario);
}

static gboolean
is_chart_view (const char *chart_view)
{
  HrChartKind kind;

  return chart_view != NULL && (g_str_equal (chart_view, "all") || hr_chart_kind_from_string (chart_view, &kind));
}

/* @comparison in the window: checked to be showable before this. Pins
 * keep the gear they hold inline, so that they compute in later sessions
 * too, when what was adopted is gone. */
static void
show_comparison (HrWindow     *self,
                 HrComparison *comparison,
                 const char   *display_name)
{
  g_autoptr(GPtrArray) pins = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_pin_free);

  show_scenario (self, hr_comparison_get_scenario (comparison), display_name);
  if (is_chart_view (hr_comparison_get_chart_view (comparison)))
    g_object_set (self, "chart-view", hr_comparison_get_chart_view (comparison), NULL);
  for (guint i = 0; i < hr_comparison_get_n_pins (comparison); i++)
    {
      const char *name = NULL;
      gboolean visible = TRUE;
      HrScenario *scenario = hr_comparison_get_pin (comparison, i, &name, &visible);
      HrPin *pin = hr_pin_new (name, scenario);

      pin->visible = visible;
      g_ptr_array_add (pins, pin);
    }
  hr_window_set_pins (self, pins);
}

/* The toast's Undo: the window as it was before the last file opened. */
static void
undo_open_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);
  g_autoptr(HrComparison) before = g_steal_pointer (&self->undo_comparison);

  gtk_widget_action_set_enabled (widget, "win.undo-open", FALSE);
  if (before != NULL)
    show_comparison (self, before, NULL);
}

/**
 * hr_window_open_comparison:
 *
 * Opens @file in the window, or changes nothing and sets @error to one
 * line naming the file, the place and the value.
 */
gboolean
hr_window_open_comparison (HrWindow  *self,
                           GFile     *file,
                           GError   **error)
{
  g_autoptr(HrComparison) comparison = NULL;
  g_autoptr(HrComparison) before = NULL;
  g_autofree char *path = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  display_name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be opened"), display_name);
      return FALSE;
    }
  comparison = hr_comparison_load (path, display_name, error);
  if (comparison == NULL
      || !check_sidebar_can_show (hr_comparison_get_scenario (comparison), display_name, error))
    return FALSE;
  /* Gear it names by id that the presets have not got: said now, before
   * the sidebar is changed, rather than shown as something else. */
  {
    g_autoptr(HrScenarioCircuit) resolved = hr_scenario_resolve (hr_comparison_get_scenario (comparison),
                                                                 self->db, error);

    if (resolved == NULL)
      {
        g_prefix_error (error, "%s: ", display_name);
        return FALSE;
      }
  }
  /* What the window held, for Undo. */
  before = hr_window_dup_comparison (self, NULL);

  show_comparison (self, comparison, display_name);
  remember_recent (file);

  /* Translators: a toast, "Opened shootout.headroom" */
  message = g_strdup_printf (_("Opened %s"), display_name);
  toast = adw_toast_new (message);
  g_set_object (&self->undo_comparison, before);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-open", before != NULL);
  if (before != NULL)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-open");
    }
  adw_toast_overlay_add_toast (hr_window_get_toast_overlay (self), toast);
  return TRUE;
}

/* hr_window_open_comparison(), with its error in a dialog: for the file
 * chooser, the recent files and the desktop. */
void
hr_window_open_file (HrWindow *self,
                     GFile    *file)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HR_IS_WINDOW (self));

  if (!hr_window_open_comparison (self, file, &error))
    hr_form_show_error (GTK_WINDOW (self), _("Could Not Open the Comparison"), error->message);
}

static void
add_filter (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Headroom Comparisons"));
  gtk_file_filter_add_mime_type (filter, HR_COMPARISON_MIME_TYPE);
  gtk_file_filter_add_suffix (filter, &HR_COMPARISON_EXTENSION[1]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  HrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        hr_window_open_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
on_save_response (GtkNativeDialog *chooser,
                  int              response,
                  HrWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (file != NULL && !hr_window_save_comparison (self, file, &error))
        hr_form_show_error (GTK_WINDOW (self), _("Could Not Save the Comparison"), error->message);
      else if (file != NULL)
        {
          g_autofree char *basename = g_file_get_basename (file);
          /* Translators: a toast, "Saved shootout.headroom" */
          g_autofree char *message = g_strdup_printf (_("Saved %s"), basename);

          adw_toast_overlay_add_toast (hr_window_get_toast_overlay (self), adw_toast_new (message));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

static void
comparison_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);
  GtkFileChooserNative *chooser;

  if (g_str_equal (action_name, "win.open-recent"))
    {
      g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

      hr_window_open_file (self, file);
      return;
    }

  if (g_str_equal (action_name, "win.open-comparison"))
    {
      chooser = gtk_file_chooser_native_new (_("Open Comparison"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
      g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), g_object_ref (self));
    }
  else
    {
      g_autofree char *name = NULL;

      chooser = gtk_file_chooser_native_new (_("Save Comparison"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      /* Translators: the suggested name of a comparison file, without its extension */
      name = g_strconcat (_("comparison"), HR_COMPARISON_EXTENSION, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
      g_signal_connect (chooser, "response", G_CALLBACK (on_save_response), g_object_ref (self));
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  add_filter (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* The recent comparisons, newest first, as the primary menu's Open Recent
 * section: the files that are still there, at most eight. */
static int
compare_modified (gconstpointer a,
                  gconstpointer b)
{
  GDateTime *time_a = gtk_recent_info_get_modified (*(GtkRecentInfo *const *) a);
  GDateTime *time_b = gtk_recent_info_get_modified (*(GtkRecentInfo *const *) b);

  return -g_date_time_compare (time_a, time_b);
}

#define N_RECENT 8

void
hr_window_update_recent (HrWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *all = gtk_recent_manager_get_items (manager);

  g_return_if_fail (HR_IS_WINDOW (self));

  for (GList *l = all; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (g_strcmp0 (gtk_recent_info_get_mime_type (info), HR_COMPARISON_MIME_TYPE) == 0
          && gtk_recent_info_is_local (info) && gtk_recent_info_exists (info))
        g_ptr_array_add (items, gtk_recent_info_ref (info));
    }
  g_list_free_full (all, (GDestroyNotify) gtk_recent_info_unref);
  g_ptr_array_sort (items, compare_modified);

  g_menu_remove_all (self->recent_menu);
  if (items->len == 0)
    /* Without an action, the item is shown greyed out. */
    g_menu_append (self->recent_menu, _("No Recent Comparisons"), NULL);
  for (guint i = 0; i < items->len && i < N_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (items, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (gtk_recent_info_get_display_name (info), NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", gtk_recent_info_get_uri (info));
      g_menu_append_item (self->recent_menu, item);
    }
}

void
hr_window_comparison_init (HrWindow *self)
{
  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (hr_window_update_recent), self, G_CONNECT_SWAPPED);
  hr_window_update_recent (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-open", FALSE);
}

void
hr_window_comparison_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open-comparison", NULL, comparison_action);
  gtk_widget_class_install_action (widget_class, "win.save-comparison", NULL, comparison_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", comparison_action);
  gtk_widget_class_install_action (widget_class, "win.undo-open", NULL, undo_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-comparison", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save-comparison", NULL);
}
