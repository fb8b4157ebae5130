/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-form.h"

/* "%.6g": as many digits as a spec sheet gives, so that a figure shown and
 * read back unchanged is the figure it was, and keeps its source. Empty
 * for an unknown figure. */
void
hr_form_set_number (AdwEntryRow *row,
                    double       value)
{
  g_autofree char *text = isnan (value) ? g_strdup ("") : g_strdup_printf ("%.6g", value);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

void
hr_form_mark (GtkWidget *row,
              gboolean   valid)
{
  if (valid)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

/**
 * hr_form_get_number:
 * @value: (out): the number in @unit; %HR_UNKNOWN for an empty optional field
 *
 * Returns: whether the field holds what @rule asks for; the row is marked
 */
gboolean
hr_form_get_number (AdwEntryRow *row,
                    HrUnit       unit,
                    HrFormRule   rule,
                    double      *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean valid;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  *value = NAN;
  /* An empty required field keeps Save disabled but is not marked: a new
   * form is not a page of errors. */
  if (stripped[0] == '\0')
    {
      hr_form_mark (GTK_WIDGET (row), TRUE);
      return rule == HR_FORM_OPTIONAL_POSITIVE;
    }
  if (!hr_units_parse (stripped, unit, value))
    valid = FALSE;
  else
    switch (rule)
      {
      case HR_FORM_REQUIRED_POSITIVE:
      case HR_FORM_OPTIONAL_POSITIVE:
        valid = *value > 0.0;
        break;
      case HR_FORM_REQUIRED_NON_NEGATIVE:
        valid = *value >= 0.0;
        break;
      case HR_FORM_ANY:
        valid = TRUE;
        break;
      default:
        g_assert_not_reached ();
      }

  hr_form_mark (GTK_WIDGET (row), valid);
  return valid;
}

/**
 * hr_form_get_text:
 * @text: (out) (transfer full): the text without the blanks around it
 */
gboolean
hr_form_get_text (AdwEntryRow  *row,
                  gboolean      required,
                  char        **text)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return !required || (*text)[0] != '\0';
}

/* A problem the user must read before going on: what could not be read,
 * saved or imported, in a dialog in front of @parent. */
void
hr_form_show_error (GtkWindow  *parent,
                    const char *heading,
                    const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * hr_form_write_preset:
 * @editing: whether @preset takes the place of one with its id
 *
 * Returns: (transfer full): the id written, or %NULL with @error set
 */
char *
hr_form_write_preset (HrPresetDb    *db,
                      HrPresetKind   kind,
                      JsonNode      *preset,
                      gboolean       editing,
                      GError       **error)
{
  if (!hr_preset_db_write_user_preset (db, kind, preset, editing ? HR_PRESET_WRITE_EDIT : HR_PRESET_WRITE_ADD, error))
    return NULL;
  return g_strdup (json_object_get_string_member (json_node_get_object (preset), "id"));
}

/* Only the user's own presets can be removed; removing one that stands in
 * for a bundled preset brings the bundled one back, and says so. */
void
hr_form_setup_removal (HrPreset  *preset,
                       GtkWidget *remove_group,
                       GtkButton *remove_button)
{
  gboolean removable = preset != NULL && hr_preset_get_origin (preset) == HR_PRESET_ORIGIN_USER;

  gtk_widget_set_visible (remove_group, removable);
  if (removable && hr_preset_get_overrides_bundled (preset))
    gtk_button_set_label (remove_button, _("_Restore the Bundled Preset"));
}

/**
 * hr_form_confirm_removal:
 *
 * Asks before @preset is removed from the user's presets.
 *
 * Returns: (transfer none): the dialog, shown; its "response::remove"
 *   signal means yes
 */
AdwMessageDialog *
hr_form_confirm_removal (GtkWindow *parent,
                         HrPreset  *preset)
{
  g_autofree char *name = hr_preset_dup_display_name (preset);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (hr_preset_get_overrides_bundled (preset))
    {
      /* Translators: "Restore the Bundled Sennheiser HD 650?" */
      heading = g_strdup_printf (_("Restore the Bundled %s?"), name);
      body = g_strdup (_("Your version is removed from your presets, and the bundled preset, with its "
                         "sources, takes its place again."));
    }
  else
    {
      /* Translators: "Remove Sennheiser HD 650?" */
      heading = g_strdup_printf (_("Remove %s?"), name);
      body = g_strdup (_("It is removed from your presets. The file keeps the version before this "
                         "change as a backup (presets.json.bak)."));
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Closes @window once the message dialog in front of it, whose response
 * this is called from, is gone: a window must outlive the dialogs that are
 * transient for it. */
void
hr_form_close_later (GtkWindow *window)
{
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (window), g_object_unref);
}
