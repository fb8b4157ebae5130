/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "hr-chart-export.h"
#include "hr-cli.h"
#include "hr-cli-export.h"
#include "hr-cli-private.h"
#include "hr-db-error.h"
#include "hr-export.h"

/* headroom-cli export: the charts of the app, from the command line.
 *
 * The first configuration is the scenario of the options that sweep and
 * check take, parsed and checked by hr_cli_build_request() so that the
 * messages are the same; each --compare HEADPHONE:SOURCE[:OUTPUT] adds
 * one from the presets, at the same level and on the same connection.
 * The first is drawn as the live one: on top, thicker.
 *
 * The subtitle carries the level and the date (hr_chart_export_subtitle());
 * above the charts is the verdict of the first configuration, and its
 * reasons, unless --no-verdict; with --annotate, its reasons are marked
 * on the charts and listed under them instead.
 */

typedef struct
{
  HrCliOptions   common;
  char         **compare;
  char          *chart;
  char          *theme;
  char          *width_text;
  char          *height_text;
  char          *dpi_text;
  char          *freq_text;
  char          *file;
  gboolean       no_verdict;
  gboolean       annotate;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  hr_cli_options_clear (&options->common);
  g_clear_pointer (&options->compare, g_strfreev);
  g_clear_pointer (&options->chart, g_free);
  g_clear_pointer (&options->theme, g_free);
  g_clear_pointer (&options->width_text, g_free);
  g_clear_pointer (&options->height_text, g_free);
  g_clear_pointer (&options->dpi_text, g_free);
  g_clear_pointer (&options->freq_text, g_free);
  g_clear_pointer (&options->file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* A scenario's sweep as a trace: the legend's name, the source's current
 * limit and its hiss. */
static HrChartTrace *
make_trace (HrScenario          *scenario,
            HrPresetDb         **db,
            const HrCliRequest  *request,
            HrSummary          **summary_out,
            GError             **error)
{
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrSummary) summary = NULL;
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  g_autofree char *label = NULL;
  HrChartTrace *trace;

  sweep = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ, request->n_points, error);
  if (sweep == NULL)
    return NULL;
  summary = hr_cli_compute (scenario, db, sweep, &resolved, error);
  if (summary == NULL)
    return NULL;

  label = hr_scenario_circuit_dup_label (resolved);
  trace = hr_chart_trace_new_computed (label, g_steal_pointer (&sweep), (GDestroyNotify) hr_sweep_free,
                                       &resolved->circuit, summary);
  if (summary_out != NULL)
    *summary_out = g_steal_pointer (&summary);
  return trace;
}

static gboolean
parse_int (const char  *option,
           const char  *text,
           int         *value,
           GError     **error)
{
  char *end = NULL;
  gint64 parsed;

  if (text == NULL)
    return TRUE;
  parsed = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || parsed < 16 || parsed > 32768)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a whole number of pixels from 16 to 32768, got “%s”"), option, text);
      return FALSE;
    }
  *value = (int) parsed;
  return TRUE;
}

/* What any picture needs: its format from the file's name, the theme,
 * the size and the resolution. */
static gboolean
configure_export (const ExportOptions   *options,
                  HrChartExportOptions  *export,
                  HrChartTheme          *theme,
                  GError               **error)
{
  HrChartFormat format;
  char *end = NULL;

  if (options->file == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("-o FILE is required"));
      return FALSE;
    }
  if (!hr_chart_format_from_filename (options->file, &format, NULL))
    {
      /* The name is part of the command line: a usage error. The chart
       * library knows nothing of .zma, which is written here. */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("cannot tell the format of “%s”: its name must end in .png, .svg, .pdf, .csv or .zma"),
                   options->file);
      return FALSE;
    }
  hr_chart_export_options_init (export, format);

  if (options->theme == NULL || g_str_equal (options->theme, "light"))
    *theme = HR_CHART_THEME_LIGHT;
  else if (g_str_equal (options->theme, "dark"))
    *theme = HR_CHART_THEME_DARK;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--theme must be light or dark, got “%s”"), options->theme);
      return FALSE;
    }

  if (!parse_int ("--width", options->width_text, &export->width_px, error) ||
      !parse_int ("--height", options->height_text, &export->height_px, error))
    return FALSE;

  if (options->dpi_text != NULL)
    {
      export->dpi = g_ascii_strtod (options->dpi_text, &end);
      if (end == options->dpi_text || *end != '\0' || !(export->dpi >= 24.0 && export->dpi <= 2400.0))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--dpi needs a number from 24 to 2400, got “%s”"), options->dpi_text);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
configure_view (const ExportOptions   *options,
                HrChartView           *view,
                HrChartExportOptions  *export,
                GError               **error)
{
  HrChartKind kind = HR_CHART_IMPEDANCE;
  HrChartTheme theme;

  if (!configure_export (options, export, &theme, error))
    return FALSE;
  hr_chart_view_set_theme (view, theme);

  if (options->chart == NULL || g_str_equal (options->chart, "all"))
    hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);
  else if (hr_chart_kind_from_string (options->chart, &kind))
    {
      hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
      hr_chart_view_set_kind (view, kind);
    }
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--chart must be all, impedance, current, spl, deviation, response or circuit, got “%s”"),
                   options->chart);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_circuit (const ExportOptions *options)
{
  return options->chart != NULL && g_str_equal (options->chart, "circuit");
}

/* The circuit, drawn with its figures at --freq (1 kHz unless given):
 * one configuration, the one of the options or of --comparison. */
static gboolean
run_export_circuit (const ExportOptions  *options,
                    const HrCliRequest   *request,
                    GError              **error)
{
  g_auto(HrCliComputed) computed = { 0 };
  HrChartExportOptions export;
  HrChartTheme theme;
  HrChartCircuit circuit;
  double freq_hz = HR_CHART_CIRCUIT_DEFAULT_FREQ_HZ;

  if (options->compare != NULL || options->annotate)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("the circuit is drawn for one configuration: --compare and --annotate are for the charts"));
      return FALSE;
    }
  if (!configure_export (options, &export, &theme, error))
    return FALSE;
  if (export.format == HR_CHART_FORMAT_CSV)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("the circuit is a drawing: its file must end in .png, .svg or .pdf, got “%s”"),
                   options->file);
      return FALSE;
    }
  if (options->freq_text != NULL
      && (!hr_units_parse (options->freq_text, HR_UNIT_HERTZ, &freq_hz) || !(freq_hz >= 1.0 && freq_hz <= 1e6)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--freq needs a frequency from 1 Hz to 1 MHz, such as 1000 or 2.5k, got “%s”"),
                   options->freq_text);
      return FALSE;
    }

  /* Computed as for the charts, for the drive the level asks of it and
   * for the same checks and messages. */
  if (!hr_cli_compute_options (&options->common, request, request->fmin_hz, request->fmax_hz, &computed, error))
    return FALSE;

  circuit.circuit = &computed.resolved->circuit;
  circuit.voc_vrms = computed.sweep->level_unknown ? NAN : computed.sweep->voc_vrms;
  circuit.freq_hz = freq_hz;
  circuit.source_name = computed.resolved->source_name;
  circuit.headphone_name = computed.resolved->headphone_name;
  return hr_chart_export_circuit_to_file (&circuit, theme, &export, options->file, error);
}

static gboolean
is_zma (const char *filename)
{
  g_autofree char *lower = filename != NULL ? g_ascii_strdown (filename, -1) : NULL;

  return lower != NULL && g_str_has_suffix (lower, ".zma");
}

/* A .zma: the impedance the source's jack sees, cable and adapter
 * included, over the sweep's frequencies, for the programs that read
 * one (REW, VituixCAD, ARTA's LIMP). One configuration: it is a curve,
 * not a chart. */
static gboolean
run_export_zma (const ExportOptions  *options,
                const HrCliRequest   *request,
                GError              **error)
{
  g_auto(HrCliComputed) computed = { 0 };

  if (options->compare != NULL || options->chart != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("a .zma holds the impedance of one configuration: --compare and --chart are for charts"));
      return FALSE;
    }
  /* Resolved and checked as sweep does, so that the messages are the same. */
  if (!hr_cli_compute_options (&options->common, request, request->fmin_hz, request->fmax_hz, &computed, error))
    return FALSE;
  return hr_export_save_zma (options->file, &computed.resolved->circuit,
                             computed.sweep->freq_hz, computed.sweep->n_points, error);
}

static gboolean
run_export (gpointer   user_data,
            GError   **error)
{
  const ExportOptions *options = user_data;
  g_autoptr(HrChartView) view = hr_chart_view_new ();
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(HrScenario) scenario = NULL;
  g_autoptr(HrChartTrace) first = NULL;
  g_autoptr(HrSummary) summary = NULL;
  g_autofree char *subtitle = NULL;
  HrChartExportOptions export;
  HrCliRequest request;
  g_autoptr(HrComparison) comparison = NULL;
  guint n_compare = options->compare != NULL ? g_strv_length (options->compare) : 0;
  guint n_others = 0;

  if (!hr_cli_build_request (HR_CLI_COMMAND_SWEEP, &options->common, &request, error))
    return FALSE;
  /* Finer than sweep's default: a resonance's peak must look round. */
  if (options->common.points_text == NULL)
    request.n_points = HR_SUMMARY_DEFAULT_POINTS;
  if (options->freq_text != NULL && !is_circuit (options))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--freq is where the circuit's figures are read: it goes with --chart circuit"));
      return FALSE;
    }
  if (is_zma (options->file))
    return run_export_zma (options, &request, error);
  if (is_circuit (options))
    return run_export_circuit (options, &request, error);
  if (!configure_view (options, view, &export, error))
    return FALSE;
  if (n_compare >= HR_CHART_N_SLOTS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("at most %d configurations can be compared, got %u"),
                   HR_CHART_N_SLOTS, n_compare + 1);
      return FALSE;
    }

  comparison = hr_cli_load_comparison (&options->common, error);
  if (comparison == NULL && options->common.comparison_file != NULL)
    return FALSE;
  scenario = comparison != NULL ? hr_scenario_copy (hr_comparison_get_scenario (comparison))
                                : hr_cli_build_scenario (&options->common, &request, error);
  if (scenario == NULL)
    return FALSE;
  /* The chart it was saved showing, unless --chart says otherwise. */
  if (comparison != NULL && options->chart == NULL && hr_comparison_get_chart_view (comparison) != NULL)
    {
      HrChartKind kind;

      if (hr_chart_kind_from_string (hr_comparison_get_chart_view (comparison), &kind))
        {
          hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
          hr_chart_view_set_kind (view, kind);
        }
    }
  first = make_trace (scenario, &db, &request, &summary, error);
  if (first == NULL)
    return FALSE;
  hr_chart_trace_set_live (first, TRUE);
  hr_chart_view_add_trace (view, first);

  /* The comparison's pins that it shows, under their names, then the
   * configurations of --compare. */
  for (guint i = 0; comparison != NULL && i < hr_comparison_get_n_pins (comparison); i++)
    {
      const char *name = NULL;
      gboolean visible = TRUE;
      HrScenario *pin = hr_comparison_get_pin (comparison, i, &name, &visible);
      g_autoptr(HrChartTrace) trace = NULL;

      if (!visible)
        continue;
      trace = make_trace (pin, &db, &request, NULL, error);
      if (trace == NULL)
        {
          g_prefix_error (error, _("the pin “%s”: "), name);
          return FALSE;
        }
      hr_chart_trace_set_label (trace, name);
      hr_chart_trace_set_slot (trace, ++n_others);
      hr_chart_view_add_trace (view, trace);
    }
  if (n_others + n_compare >= HR_CHART_N_SLOTS)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("at most %d configurations can be compared, got %u"),
                   HR_CHART_N_SLOTS, n_others + n_compare + 1);
      return FALSE;
    }
  for (guint i = 0; i < n_compare; i++)
    {
      g_autoptr(HrScenario) other = hr_cli_compare_scenario (scenario, options->compare[i], error);
      g_autoptr(HrChartTrace) trace = other != NULL ? make_trace (other, &db, &request, NULL, error) : NULL;

      if (trace == NULL)
        return FALSE;
      hr_chart_trace_set_slot (trace, ++n_others);
      hr_chart_view_add_trace (view, trace);
    }

  if (hr_chart_view_get_layout (view) == HR_CHART_LAYOUT_SINGLE
      && hr_chart_view_get_kind (view) == HR_CHART_RESPONSE
      && !hr_chart_view_has_response (view))
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_FIGURE,
                   _("the headphones have no frequency response to draw: give one with --fr FILE, "
                     "or keep one with “%s preset attach ID --response FILE”"), HR_CLI_PROGRAM_NAME);
      return FALSE;
    }

  subtitle = hr_chart_export_subtitle (hr_scenario_get_drive (scenario));
  if (n_others == 0)
    hr_chart_view_set_title (view, hr_chart_trace_get_label (first));
  else
    {
      g_autofree char *title = g_strdup_printf (_("%u configurations compared"), n_others + 1);

      hr_chart_view_set_title (view, title);
    }
  hr_chart_view_set_subtitle (view, subtitle);
  /* The first configuration's verdict, named when others are drawn. The
   * data of a CSV has no room for it. */
  if (!options->no_verdict && export.format != HR_CHART_FORMAT_CSV)
    hr_chart_view_set_summary (view, n_others > 0 ? hr_chart_trace_get_label (first) : NULL, summary);
  /* Its reasons numbered on the charts, and under them with the same
   * numbers. */
  if (options->annotate && export.format != HR_CHART_FORMAT_CSV)
    hr_chart_view_set_annotations (view, summary, hr_chart_trace_get_sweep (first));

  return hr_chart_export_to_file (view, &export, options->file, error);
}

static void
describe (GOptionContext *context)
{
  g_option_context_set_summary (context,
    _("Draws the charts of a configuration, or of several compared, into a file."));
  g_option_context_set_description (context,
    _("The format is the file's extension: .png, .svg, .pdf (all the charts on one page, "
      "text as text), .csv (the data: one row per frequency, one column per configuration "
      "and figure, numbers with a dot whatever the locale) or .zma (the impedance the source "
      "sees, cable and adapter included, for REW, ARTA or VituixCAD; one configuration).\n"
      "--chart response draws the headphones' frequency response as measured and as it will be "
      "on each configuration; it needs a response (--fr FILE, or one attached to the preset). "
      "--fr also holds for a --compare with the same headphones.\n"
      "--chart circuit draws the circuit (the source behind its output impedance, the cable, "
      "the adapter and the headphones) with the voltage, current and power at each part at "
      "--freq; one configuration, as .png, .svg or .pdf.\n"
      "The first configuration is the one of --headphone or --headphone-file and --source, "
      "--source-file or --zout, as for sweep; each --compare adds one from the presets, "
      "all at the same level. With --comparison, the configuration and the shown pins of a "
      "comparison saved by the app, and the chart it showed unless --chart. At most 8 in all. "
      "Above the charts are the first one's verdict and its reasons, unless --no-verdict. "
      "--annotate marks what each reason speaks of on the charts (the band where the response "
      "changes, where the current peaks, where it clips, the hiss line) with the reason's number, "
      "and lists the reasons with their numbers under the charts.\n"
      "\n"
      "Exit status: 0 on success, 1 on bad input (files, values, a file that cannot be written), "
      "2 on bad usage."));
}

int
hr_cli_export (int    argc,
               char **argv)
{
  g_auto(ExportOptions) options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (_("-o FILE"));
  const GOptionEntry export_entries[] = {
    { "compare", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.compare,
      N_("Add a configuration from the presets; may be repeated"), N_("HEADPHONE:SOURCE[:OUTPUT]") },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &options.chart,
      N_("all (default), impedance, current, spl, deviation, response or circuit"), N_("CHART") },
    { "freq", 0, 0, G_OPTION_ARG_STRING, &options.freq_text,
      N_("With --chart circuit: the frequency its figures are read at (default: 1000)"), N_("HZ") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &options.theme,
      N_("light (default) or dark"), N_("THEME") },
    { "width", 0, 0, G_OPTION_ARG_STRING, &options.width_text,
      N_("Width in pixels (default: 1600)"), N_("PX") },
    { "height", 0, 0, G_OPTION_ARG_STRING, &options.height_text,
      N_("Height in pixels (default: 1000)"), N_("PX") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, &options.dpi_text,
      N_("PNG: the resolution; text and lines grow with it (default: 96)"), N_("DPI") },
    { "no-verdict", 0, 0, G_OPTION_ARG_NONE, &options.no_verdict,
      N_("Leave out the verdict and its reasons above the charts"), NULL },
    { "annotate", 0, 0, G_OPTION_ARG_NONE, &options.annotate,
      N_("Mark each reason on the charts with its number, the reasons as a caption under them"), NULL },
    { "output-file", 'o', 0, G_OPTION_ARG_FILENAME, &options.file,
      N_("The file to write; its extension gives the format"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options.common.help,
      N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GArray) entries = hr_cli_scenario_entries (&options.common, _("Number of frequencies (default: 481)"));

  g_array_append_vals (entries, export_entries, G_N_ELEMENTS (export_entries));
  g_option_context_add_main_entries (context, &g_array_index (entries, GOptionEntry, 0), GETTEXT_PACKAGE);
  describe (context);

  return hr_cli_run_with_options (argv, context, &options.common.help, run_export, &options);
}
