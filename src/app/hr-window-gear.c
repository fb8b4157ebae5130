/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-curve-import.h"
#include "hr-form.h"
#include "hr-headphone-dialog.h"
#include "hr-source-dialog.h"
#include "hr-window-private.h"

/* The user's own gear: the actions that open the gear dialogs, the
 * dropping of an impedance curve on the window, and the lists read again
 * once a dialog has saved. */

/* Every problem the presets had when they were loaded, one per paragraph,
 * each with its file, line and column: what a user needs to fix them. */
static char *
dup_problems_text (HrWindow *self)
{
  GPtrArray *problems = hr_preset_db_get_problems (self->db);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *problem = hr_preset_problem_to_string (g_ptr_array_index (problems, i));

      g_string_append_printf (text, "%s%s", i > 0 ? "\n\n" : "", problem);
    }
  return g_string_free (text, FALSE);
}

static void
show_preset_problems_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);
  g_autofree char *text = dup_problems_text (self);

  hr_form_show_error (GTK_WINDOW (self),
                      hr_preset_db_get_user_file_broken (self->db)
                      ? _("Your Presets Could Not Be Read")
                      : _("Some Presets Could Not Be Loaded"),
                      text);
}

/* Said once, when the window first shows. A user's file that does not
 * read at all hides all of their gear, so it gets a dialog; a preset
 * skipped here and there gets a toast that leads to the details. */
static gboolean
report_preset_problems (gpointer data)
{
  HrWindow *self = HR_WINDOW (data);
  guint n_problems = self->db != NULL ? hr_preset_db_get_problems (self->db)->len : 0;
  AdwToast *toast;
  g_autofree char *title = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)) || self->db == NULL || n_problems == 0)
    return G_SOURCE_REMOVE;
  if (hr_preset_db_get_user_file_broken (self->db))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-preset-problems", NULL);
      return G_SOURCE_REMOVE;
    }
  title = g_strdup_printf (ngettext ("%u preset could not be loaded", "%u presets could not be loaded",
                                     n_problems),
                           n_problems);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-preset-problems");
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
  return G_SOURCE_REMOVE;
}

void
hr_window_update_gear_actions (HrWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-headphones", self->headphone != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-source", self->source != NULL);
}

/* The lists read again after a gear form saved or removed a preset of
 * its kind: one saved is chosen; a bundled one that a removed preset had
 * replaced comes back in its place and stays chosen, and otherwise the
 * choice falls back. A toast says what happened. */
static void
on_gear_changed (HrWindow     *self,
                 const char   *id,
                 HrGearDialog *dialog,
                 gboolean      removed)
{
  HrPresetKind kind = hr_gear_dialog_get_kind (dialog);
  HrPreset *preset;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  hr_window_reload_presets (self, kind, id);
  hr_window_update_gear_actions (self);
  preset = hr_preset_db_lookup (self->db, kind, id);
  name = preset != NULL ? hr_preset_dup_display_name (preset) : g_strdup (id);
  title = g_strdup_printf (removed
                           /* Translators: a toast, "Removed “Sennheiser HD 650” from your presets" */
                           ? _("Removed “%s” from your presets")
                           /* Translators: a toast, "Saved “Sennheiser HD 650” to your presets" */
                           : _("Saved “%s” to your presets"),
                           name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
on_gear_saved (HrWindow     *self,
               const char   *id,
               HrGearDialog *dialog)
{
  on_gear_changed (self, id, dialog, FALSE);
}

static void
on_gear_removed (HrWindow     *self,
                 const char   *id,
                 HrGearDialog *dialog)
{
  on_gear_changed (self, id, dialog, TRUE);
}

static void
present_gear_dialog (HrWindow     *self,
                     HrGearDialog *dialog)
{
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_gear_saved), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "removed", G_CALLBACK (on_gear_removed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hr_window_open_headphone_dialog:
 * @preset: (nullable): the headphones to edit, %NULL for new ones
 * @curve_file: (nullable): an impedance curve to start the form with
 *
 * Returns: (transfer none) (nullable): the dialog, shown; %NULL if
 *   @curve_file could not be read, which a message dialog then says
 */
HrHeadphoneDialog *
hr_window_open_headphone_dialog (HrWindow          *self,
                                 HrHeadphonePreset *preset,
                                 GFile             *curve_file)
{
  HrHeadphoneDialog *dialog = hr_headphone_dialog_new (GTK_WINDOW (self), self->db, preset);
  g_autoptr(GError) error = NULL;

  if (curve_file != NULL && !hr_headphone_dialog_load_curve (dialog, curve_file, &error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Import the Curve"), error->message);
      return NULL;
    }
  present_gear_dialog (self, HR_GEAR_DIALOG (dialog));
  return dialog;
}

HrSourceDialog *
hr_window_open_source_dialog (HrWindow       *self,
                              HrSourcePreset *preset)
{
  HrSourceDialog *dialog = hr_source_dialog_new (GTK_WINDOW (self), self->db, preset);

  present_gear_dialog (self, HR_GEAR_DIALOG (dialog));
  return dialog;
}

static void
gear_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);

  if (g_str_equal (action_name, "win.new-headphones"))
    hr_window_open_headphone_dialog (self, NULL, NULL);
  else if (g_str_equal (action_name, "win.edit-headphones") && self->headphone != NULL)
    hr_window_open_headphone_dialog (self, self->headphone, NULL);
  else if (g_str_equal (action_name, "win.import-curve"))
    {
      HrHeadphoneDialog *dialog = hr_window_open_headphone_dialog (self, NULL, NULL);

      gtk_widget_activate_action (GTK_WIDGET (dialog), "gear.choose-file", NULL);
    }
  else if (g_str_equal (action_name, "win.new-source"))
    hr_window_open_source_dialog (self, NULL);
  else if (g_str_equal (action_name, "win.edit-source") && self->source != NULL)
    hr_window_open_source_dialog (self, self->source);
}

/* A frequency response goes with headphones: those chosen, whose form
 * opens with it, or new ones. */
static void
open_with_response (HrWindow *self,
                    GFile    *file)
{
  HrHeadphoneDialog *dialog = hr_headphone_dialog_new (GTK_WINDOW (self), self->db, self->headphone);
  g_autoptr(GError) error = NULL;

  if (!hr_headphone_dialog_load_response (dialog, file, &error))
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Import the Frequency Response"), error->message);
      return;
    }
  present_gear_dialog (self, HR_GEAR_DIALOG (dialog));
}

/* A file whose kind the user is asked, and the window it goes to. */
typedef struct
{
  HrWindow *window;
  GFile    *file;
} KindQuestion;

static void
kind_question_free (gpointer  data,
                    GClosure *closure)
{
  KindQuestion *question = data;

  g_object_unref (question->window);
  g_object_unref (question->file);
  g_free (question);
}

static void
on_kind_chosen (AdwMessageDialog *dialog,
                const char       *response,
                KindQuestion     *question)
{
  if (g_str_equal (response, "impedance"))
    hr_window_open_headphone_dialog (question->window, NULL, question->file);
  else if (g_str_equal (response, "response"))
    open_with_response (question->window, question->file);
}

/**
 * hr_window_import_file:
 *
 * A curve file dropped on the window or opened: an impedance curve makes
 * new headphones, a frequency response goes with the headphones chosen
 * (or new ones). Which it is, the file says by its columns, units and
 * name (hr_curve_sniff_file()); when it does not, the user is asked.
 */
void
hr_window_import_file (HrWindow *self,
                       GFile    *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  KindQuestion *question;
  HrCurveKind kind;

  g_return_if_fail (HR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);
      g_autofree char *message = g_strdup_printf (_("%s: only local files can be read"), uri);

      hr_form_show_error (GTK_WINDOW (self), _("Could Not Import the Curve"), message);
      return;
    }
  if (!hr_curve_sniff_file (path, &kind, &error))
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Import the Curve"), error->message);
      return;
    }
  switch (kind)
    {
    case HR_CURVE_KIND_IMPEDANCE:
      hr_window_open_headphone_dialog (self, NULL, file);
      return;
    case HR_CURVE_KIND_RESPONSE:
      open_with_response (self, file);
      return;
    case HR_CURVE_KIND_UNKNOWN:
    default:
      break;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Impedance or Frequency Response?"), NULL));
  /* Translators: "hd650.txt does not say whether …" */
  adw_message_dialog_format_body (dialog, _("%s does not say whether it holds an impedance curve or a "
                                            "frequency response."), basename);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "impedance", _("_Impedance Curve"),
                                    "response", _("_Frequency Response"), NULL);
  adw_message_dialog_set_close_response (dialog, "cancel");
  question = g_new0 (KindQuestion, 1);
  question->window = g_object_ref (self);
  question->file = g_object_ref (file);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_kind_chosen), question, kind_question_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A file dropped on the window: a curve, imported by what it holds. Only
 * the first of several files is taken. */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         HrWindow      *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files == NULL)
    return FALSE;
  hr_window_import_file (self, files->data);
  g_slist_free (files);
  return TRUE;
}

void
hr_window_setup_gear (HrWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
  hr_window_update_gear_actions (self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, report_preset_problems, g_object_ref (self), g_object_unref);
}

void
hr_window_gear_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-headphones", NULL, gear_action);
  gtk_widget_class_install_action (widget_class, "win.edit-headphones", NULL, gear_action);
  gtk_widget_class_install_action (widget_class, "win.import-curve", NULL, gear_action);
  gtk_widget_class_install_action (widget_class, "win.new-source", NULL, gear_action);
  gtk_widget_class_install_action (widget_class, "win.edit-source", NULL, gear_action);
  gtk_widget_class_install_action (widget_class, "win.show-preset-problems", NULL, show_preset_problems_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-headphones", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-source", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-curve", NULL);
}
