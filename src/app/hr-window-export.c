/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-export"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-chart-export.h"
#include "hr-form.h"
#include "hr-window-private.h"

/* Export of what the charts show, through the library that the CLI uses:
 * the same hr_chart_render() on PNG, SVG and PDF surfaces, or the traces
 * as CSV, written whole or not at all. The format comes from the file's
 * name, as on the command line; the menu item only picks the filter and
 * the suggested name. */

typedef struct
{
  const char *id;
  const char *extension;
  const char *mime_type;
  const char *filter_name;
} ExportFormat;

static const ExportFormat export_formats[] = {
  { "png", ".png", "image/png", N_("PNG Image") },
  { "svg", ".svg", "image/svg+xml", N_("SVG Drawing") },
  { "pdf", ".pdf", "application/pdf", N_("PDF Document") },
  { "csv", ".csv", "text/csv", N_("CSV Table") },
};

/**
 * hr_window_export_to_file:
 * @with_verdict: whether the verdict and its reasons go above the charts
 *   of a picture (a CSV has none)
 */
gboolean
hr_window_export_to_file (HrWindow    *self,
                          const char  *filename,
                          gboolean     with_verdict,
                          GError     **error)
{
  g_autofree char *subtitle = NULL;
  HrChartView *view;
  HrChartExportOptions options;
  HrChartFormat format;
  gboolean ok;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  view = hr_window_get_chart_view (self);
  if (hr_chart_view_get_n_traces (view) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is nothing to export: choose a source and headphones first."));
      return FALSE;
    }
  if (!hr_chart_format_from_filename (filename, &format, error))
    return FALSE;
  hr_chart_export_options_init (&options, format);
  /* On screen the header bar names the configuration, the sidebar gives
   * the level and the page the verdict; a file stands alone, so it
   * carries them: the name as its title, the level and the date under
   * it, and the verdict of the configuration the sidebar holds, named
   * when pins are drawn too. */
  subtitle = hr_chart_export_subtitle (hr_scenario_get_drive (self->scenario));
  hr_chart_view_set_title (view, gtk_window_get_title (GTK_WINDOW (self)));
  hr_chart_view_set_subtitle (view, subtitle);
  if (with_verdict && format != HR_CHART_FORMAT_CSV && self->summary != NULL)
    hr_chart_view_set_summary (view, hr_chart_view_get_n_traces (view) > 1 && self->live_trace != NULL
                                     ? hr_chart_trace_get_label (self->live_trace) : NULL,
                               self->summary);
  ok = hr_chart_export_to_file (view, &options, filename, error);
  hr_chart_view_set_summary (view, NULL, NULL);
  hr_chart_view_set_subtitle (view, NULL);
  hr_chart_view_set_title (view, NULL);
  return ok;
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     HrWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  gboolean with_verdict;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  with_verdict = g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "verdict"), "true") == 0;
  g_settings_set_boolean (self->settings, "export-verdict", with_verdict);
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Export the Charts"),
                          _("The charts can only be saved to a local file."));
      goto out;
    }
  if (!hr_window_export_to_file (self, path, with_verdict, &error))
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Export the Charts"), error->message);
      goto out;
    }
  basename = g_file_get_basename (file);
  /* Translators: a toast, "Exported hd650.png" */
  message = g_strdup_printf (_("Exported %s"), basename);
  adw_toast_overlay_add_toast (hr_window_get_toast_overlay (self), adw_toast_new (message));

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
hr_window_export_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);
  const ExportFormat *format = &export_formats[0];
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    if (g_strcmp0 (export_formats[i].id, g_variant_get_string (parameter, NULL)) == 0)
      format = &export_formats[i];

  chooser = gtk_file_chooser_native_new (_("Export Charts"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* The chosen format first, so that it is the one selected; the others
   * stay reachable, since the file's name decides. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
      {
        g_autoptr(GtkFileFilter) filter = NULL;

        if ((pass == 0) != (&export_formats[i] == format))
          continue;
        filter = gtk_file_filter_new ();
        gtk_file_filter_set_name (filter, _(export_formats[i].filter_name));
        gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      }
  /* Translators: the suggested file name of an export, without its extension */
  name = g_strconcat (_("headroom-charts"), format->extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* A picture may carry the verdict above the charts, so that it answers
   * on its own where it is posted; the choice is kept. A CSV ignores it. */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "verdict",
                               _("Verdict and reasons above the charts"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "verdict",
                               g_settings_get_boolean (self->settings, "export-verdict") ? "true" : "false");

  g_signal_connect (chooser, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
