/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "hr-chart-export.h"
#include "hr-eq-export.h"
#include "hr-export.h"
#include "hr-form.h"
#include "hr-window-private.h"

/* Export of what the charts show, through the library that the CLI uses:
 * the same hr_chart_render() on PNG, SVG and PDF surfaces, the traces as
 * CSV, or the impedance the source sees as a .zma, written whole or not
 * at all. The format comes from the file's name, as on the command line;
 * the menu item only picks the filter and the suggested name. */

typedef struct
{
  const char *id;
  const char *extension;
  const char *mime_type;  /* NULL: the extension's pattern */
  const char *filter_name;
} ExportFormat;

static const ExportFormat export_formats[] = {
  { "png", ".png", "image/png", N_("PNG Image") },
  { "svg", ".svg", "image/svg+xml", N_("SVG Drawing") },
  { "pdf", ".pdf", "application/pdf", N_("PDF Document") },
  { "csv", ".csv", "text/csv", N_("CSV Table") },
  /* Translators: a file type, the impedance curve of REW, ARTA or VituixCAD */
  { "zma", ".zma", NULL, N_("Impedance Curve (.zma)") },
};

static gboolean
is_zma (const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  return g_str_has_suffix (lower, ".zma");
}

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
  return hr_window_export_to_file_full (self, filename, with_verdict, FALSE, error);
}

/**
 * hr_window_export_to_file_full:
 * @annotate: whether the reasons are marked on the charts of a picture,
 *   with their numbers, and listed under them
 */
gboolean
hr_window_export_to_file_full (HrWindow    *self,
                               const char  *filename,
                               gboolean     with_verdict,
                               gboolean     annotate,
                               GError     **error)
{
  g_autofree char *subtitle = NULL;
  HrChartView *view;
  HrChartExportOptions options;
  HrChartFormat format;
  HrReasonRegion highlight;
  guint highlight_number = 0;
  gboolean had_highlight;
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
  /* The impedance the live configuration's source sees, cable and
   * adapter included, on the grid of the charts. */
  if (is_zma (filename) && (self->resolved == NULL || self->sweep == NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is no impedance to export: the configuration could not be computed."));
      return FALSE;
    }
  if (is_zma (filename))
    return hr_export_save_zma (filename, &self->resolved->circuit, self->sweep->freq_hz,
                               self->sweep->n_points, error);
  if (!hr_chart_format_from_filename (filename, &format, error))
    {
      g_clear_error (error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Cannot tell the format of “%s”: its name must end in .png, .svg, .pdf, .csv or .zma."),
                   filename);
      return FALSE;
    }
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
  if (annotate && format != HR_CHART_FORMAT_CSV && self->summary != NULL)
    hr_chart_view_set_annotations (view, self->summary, self->sweep);
  /* A reason that has the focus lights up the screen, not the file. */
  had_highlight = hr_chart_view_get_highlight (view, &highlight, &highlight_number);
  hr_chart_view_set_highlight (view, NULL, 0);
  ok = hr_chart_export_to_file (view, &options, filename, error);
  if (had_highlight)
    hr_chart_view_set_highlight (view, &highlight, highlight_number);
  hr_chart_view_set_annotations (view, NULL, NULL);
  hr_chart_view_set_summary (view, NULL, NULL);
  hr_chart_view_set_subtitle (view, NULL);
  hr_chart_view_set_title (view, NULL);
  return ok;
}

/* What the export's chooser answers for: the window, and whether it
 * offered the verdict and the marks (a .zma's does not). */
typedef struct
{
  HrWindow *window;
  gboolean  offers_choices;
} ExportRequest;

static void
export_request_free (gpointer  data,
                     GClosure *closure)
{
  ExportRequest *request = data;

  g_object_unref (request->window);
  g_free (request);
}

static void
on_chooser_response (GtkNativeDialog *chooser,
                     int              response,
                     ExportRequest   *request)
{
  HrWindow *self = request->window;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;
  gboolean with_verdict;
  gboolean annotate;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  /* No choice in a .zma's chooser, which leaves the saved ones alone. */
  if (request->offers_choices)
    {
      with_verdict = g_str_equal (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "verdict"), "true");
      annotate = g_str_equal (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "annotate"), "true");
      g_settings_set_boolean (self->settings, "export-verdict", with_verdict);
      g_settings_set_boolean (self->settings, "export-annotate", annotate);
    }
  else
    {
      with_verdict = g_settings_get_boolean (self->settings, "export-verdict");
      annotate = g_settings_get_boolean (self->settings, "export-annotate");
    }
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Export"),
                          _("The charts can only be saved to a local file."));
      goto out;
    }
  if (!hr_window_export_to_file_full (self, path, with_verdict, annotate, &error))
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Export"), error->message);
      goto out;
    }
  basename = g_file_get_basename (file);
  /* Translators: a toast, "Exported hd650.png" */
  message = g_strdup_printf (_("Exported %s"), basename);
  adw_toast_overlay_add_toast (hr_window_get_toast_overlay (self), adw_toast_new (message));

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Returns: (transfer none) (nullable): the export's file chooser while
 * it is open, for the tests */
GtkNativeDialog *
hr_window_get_export_chooser (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->export_chooser;
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
  ExportRequest *request = g_new0 (ExportRequest, 1);

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
        if (export_formats[i].mime_type != NULL)
          gtk_file_filter_add_mime_type (filter, export_formats[i].mime_type);
        else
          gtk_file_filter_add_suffix (filter, export_formats[i].extension + 1);
        gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      }
  if (g_str_equal (format->id, "zma"))
    /* Translators: the suggested file name of an impedance curve, without its extension */
    name = g_strconcat (_("headroom-impedance"), format->extension, NULL);
  else
    /* Translators: the suggested file name of an export, without its extension */
    name = g_strconcat (_("headroom-charts"), format->extension, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* A picture may carry the verdict above the charts, so that it answers
   * on its own where it is posted, and the reasons marked on the charts;
   * the choices are kept. A CSV or a .zma
   * ignores it, and a .zma's chooser does not offer it. */
  if (!g_str_equal (format->id, "zma"))
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "verdict",
                                   _("Verdict and reasons above the charts"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "verdict",
                                   g_settings_get_boolean (self->settings, "export-verdict") ? "true" : "false");
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "annotate",
                                   _("Mark the reasons on the charts"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "annotate",
                                   g_settings_get_boolean (self->settings, "export-annotate") ? "true" : "false");
      request->offers_choices = TRUE;
    }

  request->window = g_object_ref (self);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response), request, export_request_free, 0);
  g_set_weak_pointer (&self->export_chooser, GTK_NATIVE_DIALOG (chooser));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Export EQ: the EQ that undoes what the source does to the live
 * configuration, fitted and written by the function `headroom-cli eq`
 * uses, in the format the chooser's choice names (kept in GSettings). */

static const struct
{
  const char *id;
  const char *label;
} eq_formats[] = {
  /* Translators: an EQ file format, Equalizer APO's parametric filters */
  { "apo", N_("Equalizer APO, parametric") },
  /* Translators: an EQ file format, Equalizer APO's GraphicEQ line (as AutoEq writes) */
  { "graphiceq", N_("Equalizer APO, GraphicEQ") },
  /* Translators: an EQ file format */
  { "easyeffects", N_("EasyEffects preset") },
};

/**
 * hr_window_export_eq_to_file:
 * @described: (out) (optional): what the fit came to, for a toast
 */
gboolean
hr_window_export_eq_to_file (HrWindow    *self,
                             const char  *filename,
                             HrEqFormat   format,
                             char       **described,
                             GError     **error)
{
  HrEqFitOptions options = HR_EQ_FIT_OPTIONS_INIT;
  g_autoptr(HrEqFit) fit = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  if (self->resolved == NULL || self->sweep == NULL || self->summary == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("There is no EQ to export: choose a source and headphones first."));
      return FALSE;
    }
  label = hr_scenario_circuit_dup_label (self->resolved);
  text = hr_eq_export_undo (self->sweep, self->summary, label, &options, format, &fit, error);
  if (text == NULL || !hr_export_save (filename, text, strlen (text), error))
    return FALSE;
  if (described != NULL)
    *described = hr_eq_fit_describe (fit);
  return TRUE;
}

static void
on_eq_chooser_response (GtkNativeDialog *chooser,
                        int              response,
                        HrWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *described = NULL;
  g_autofree char *message = NULL;
  const char *choice;
  HrEqFormat format = HR_EQ_FORMAT_APO;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;
  choice = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "format");
  if (choice != NULL && hr_eq_format_from_string (choice, &format))
    g_settings_set_string (self->settings, "eq-format", choice);
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Export the EQ"),
                          _("The EQ can only be saved to a local file."));
      goto out;
    }
  if (!hr_window_export_eq_to_file (self, path, format, &described, &error))
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Export the EQ"), error->message);
      goto out;
    }
  basename = g_file_get_basename (file);
  /* Translators: a toast, "Saved hd650-eq.txt: 2 filters, within ±0.2 dB (…), preamp 0.0 dB" */
  message = g_strdup_printf (_("Saved %s: %s"), basename, described);
  adw_toast_overlay_add_toast (hr_window_get_toast_overlay (self), adw_toast_new (message));

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_object_unref (self);
}

void
hr_window_export_eq_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);
  g_autofree char *saved = g_settings_get_string (self->settings, "eq-format");
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *ids[G_N_ELEMENTS (eq_formats) + 1] = { NULL };
  const char *labels[G_N_ELEMENTS (eq_formats) + 1] = { NULL };
  HrEqFormat format = HR_EQ_FORMAT_APO;
  GtkFileChooserNative *chooser;

  for (guint i = 0; i < G_N_ELEMENTS (eq_formats); i++)
    {
      ids[i] = eq_formats[i].id;
      labels[i] = _(eq_formats[i].label);
    }
  hr_eq_format_from_string (saved, &format);

  chooser = gtk_file_chooser_native_new (_("Export EQ"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("EQ Files"));
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the label of the EQ export's choice of file format */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "format", _("Format"), ids, labels);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "format", hr_eq_format_to_string (format));
  /* Translators: the suggested file name of an EQ, without its extension */
  name = g_strconcat (_("headroom-eq"), hr_eq_format_get_extension (format), NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_eq_chooser_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
