/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-headphone-response"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-curve-import.h"
#include "hr-form.h"
#include "hr-headphone-dialog-private.h"

/* The headphones' own frequency response, from the files people have: an
 * AutoEq CSV, a REW export, a .frd, CrinGraph's text (hr-curve-import.c).
 * With it the window shows the response as it will be on each source. Its
 * provenance is the file's name and what the user says it is: who
 * measured it, on what rig; the row under it holds both, as saved. */

/* The row shows @source without the change counting as the user's. */
static void
show_source (HrHeadphoneDialog *self,
             const char        *source)
{
  self->showing_response_source = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->response_source_row), source != NULL ? source : "");
  self->showing_response_source = FALSE;
}

void
hr_headphone_dialog_response_source_changed (HrHeadphoneDialog *self)
{
  g_autofree char *text = NULL;

  if (self->showing_response_source)
    return;
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->response_source_row))));

  g_free (self->response_source);
  self->response_source = text[0] != '\0' ? g_steal_pointer (&text) : NULL;
  self->response_changed = TRUE;
}

static void
describe (HrHeadphoneDialog *self,
          const char        *name)
{
  g_autofree char *lowest = NULL;
  g_autofree char *highest = NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->response_source_row), self->response != NULL);
  if (self->response == NULL)
    {
      adw_action_row_set_subtitle (self->response_row,
                                   _("None: an AutoEq CSV, a REW export, a .frd or CrinGraph text adds it"));
      gtk_widget_set_sensitive (self->clear_response_button, FALSE);
      return;
    }
  lowest = hr_format_freq (self->response[0].freq_hz);
  highest = hr_format_freq (self->response[self->n_response - 1].freq_hz);
  /* Translators: a frequency response in the headphones form, "hd650.csv: 695 points, 20 Hz–20 kHz" */
  text = g_strdup_printf (ngettext ("%s: %u point, %s–%s", "%s: %u points, %s–%s", self->n_response),
                          name, self->n_response, lowest, highest);
  adw_action_row_set_subtitle (self->response_row, text);
  gtk_widget_set_sensitive (self->clear_response_button, TRUE);
}

void
hr_headphone_dialog_show_response (HrHeadphoneDialog *self)
{
  describe (self, self->response_source != NULL ? self->response_source : _("The preset’s own"));
}

void
hr_headphone_dialog_load_preset_response (HrHeadphoneDialog *self,
                                          HrHeadphonePreset *preset)
{
  guint n_points = 0;
  const HrResponsePoint *points = hr_headphone_preset_get_response (preset, &n_points);

  g_clear_pointer (&self->response, g_free);
  self->n_response = 0;
  if (points != NULL && n_points > 0)
    {
      self->response = g_memdup2 (points, sizeof *points * n_points);
      self->n_response = n_points;
    }
  show_source (self, hr_headphone_preset_get_response_source (preset));
  describe (self, _("The preset’s own"));
}

void
hr_headphone_dialog_clear_response (HrHeadphoneDialog *self)
{
  g_clear_pointer (&self->response, g_free);
  self->n_response = 0;
  g_clear_pointer (&self->response_source, g_free);
  self->response_changed = TRUE;
  show_source (self, NULL);
  describe (self, NULL);
}

/**
 * hr_headphone_dialog_load_response:
 *
 * Reads the headphones' frequency response from @file into the form. On
 * an error the form is left as it was.
 */
gboolean
hr_headphone_dialog_load_response (HrHeadphoneDialog  *self,
                                   GFile              *file,
                                   GError            **error)
{
  g_autoptr(HrResponseCurve) curve = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (HR_IS_HEADPHONE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, HR_FORM_ERROR, HR_FORM_ERROR_NOT_LOCAL, _("%s: only local files can be read"), uri);
      return FALSE;
    }
  curve = hr_curve_load_response (path, error);
  if (curve == NULL)
    return FALSE;

  g_clear_pointer (&self->response, g_free);
  self->n_response = curve->n_points;
  self->response = g_new (HrResponsePoint, curve->n_points);
  for (guint i = 0; i < curve->n_points; i++)
    self->response[i] = (HrResponsePoint) { curve->points[i].freq_hz, curve->points[i].level_db };
  basename = g_file_get_basename (file);
  g_free (self->response_source);
  /* Translators: where a frequency response comes from, "imported from hd650.csv" */
  self->response_source = g_strdup_printf (_("imported from %s"), basename);
  self->response_changed = TRUE;
  show_source (self, self->response_source);
  describe (self, basename);
  return TRUE;
}
