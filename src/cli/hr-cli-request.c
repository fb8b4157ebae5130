/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "hr-cli-output.h"
#include "hr-cli-private.h"
#include "hr-curve-import.h"
#include "hr-db-error.h"
#include "hr-gear-json.h"

/* From parsed options to output: the numbers checked, the gear loaded, the
 * sweep and the summary computed and written.
 *
 * Numbers arrive as strings. One that does not parse is a usage error
 * (G_OPTION_ERROR, exit 2); one that parses but is out of range is bad
 * input (exit 1), reported with the option's name and the value.
 */

void
hr_cli_options_clear (HrCliOptions *options)
{
  g_clear_pointer (&options->headphone_file, g_free);
  g_clear_pointer (&options->headphone_id, g_free);
  g_clear_pointer (&options->source_file, g_free);
  g_clear_pointer (&options->source_id, g_free);
  g_clear_pointer (&options->output_name, g_free);
  g_clear_pointer (&options->zout_text, g_free);
  g_clear_pointer (&options->vmax_text, g_free);
  g_clear_pointer (&options->imax_text, g_free);
  g_clear_pointer (&options->noise_text, g_free);
  g_clear_pointer (&options->min_load_text, g_free);
  g_clear_pointer (&options->headphone_z_text, g_free);
  g_clear_pointer (&options->fr_file, g_free);
  g_clear_pointer (&options->comparison_file, g_free);
  g_clear_pointer (&options->fr_zout_text, g_free);
  g_clear_pointer (&options->cable_text, g_free);
  g_clear_pointer (&options->adapter_series_text, g_free);
  g_clear_pointer (&options->adapter_shunt_text, g_free);
  g_clear_pointer (&options->vs_text, g_free);
  g_clear_pointer (&options->spl_text, g_free);
  g_clear_pointer (&options->points_text, g_free);
  g_clear_pointer (&options->fmin_text, g_free);
  g_clear_pointer (&options->fmax_text, g_free);
  g_clear_pointer (&options->crest_factor_text, g_free);
  g_clear_pointer (&options->format, g_free);
}

/* Strictly the whole text: "12abc" or "" is not a number. "nan" and "inf"
 * parse, and the range checks refuse them with the value in the message. */
static gboolean
parse_double (const char  *option,
              const char  *text,
              double      *value,
              GError     **error)
{
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a number, got “%s”"), option, text);
      return FALSE;
    }

  return TRUE;
}

/* A resistance as a spec sheet prints it: "10", "10 Ω" (either Ohm
 * sign), "4.7k", "0.5 ohm". Range checks come later, as for numbers. */
static gboolean
parse_ohm (const char  *option,
           const char  *text,
           double      *value,
           GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!hr_units_parse (text, HR_UNIT_OHM, value))
    {
      /* Translators: "--zout needs a resistance such as 10, 10 Ω or 4.7k, got “ten”" */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a resistance such as 10, 10 Ω or 4.7k, got “%s”"), option, text);
      return FALSE;
    }
  return TRUE;
}

/* A figure as a spec sheet prints it (hr-units.c): "+18dBu", "150 mA".
 * Text that is not one is a usage error; a figure out of range is bad
 * input, as with the numbers. */
static gboolean
parse_figure (const char  *option,
              const char  *text,
              HrUnit       unit,
              const char  *example,
              double      *value,
              GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!hr_units_parse (text, unit, value))
    {
      /* Translators: "--vmax needs a figure such as 2.5Vrms or +18dBu, got “loud”" */
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a figure such as %s, got “%s”"), option, example, text);
      return FALSE;
    }
  return hr_check_positive (option, *value, error);
}

/* The source figures of --vmax, --imax, --noise and --min-load; a noise
 * given as a dynamic range is below --vmax. */
static gboolean
parse_source_figures (const HrCliOptions  *options,
                      HrCliRequest        *request,
                      GError             **error)
{
  double *figures = request->source_figures;

  for (guint i = 0; i < HR_N_SOURCE_FIGURES; i++)
    figures[i] = NAN;
  if (!parse_figure ("--vmax", options->vmax_text, HR_UNIT_VOLT, "2.5Vrms, +18dBu",
                     &figures[HR_SOURCE_FIGURE_MAX_VOLTAGE], error) ||
      !parse_figure ("--imax", options->imax_text, HR_UNIT_MILLIAMP, "150mA",
                     &figures[HR_SOURCE_FIGURE_MAX_CURRENT], error) ||
      !parse_figure ("--min-load", options->min_load_text, HR_UNIT_OHM, "600",
                     &figures[HR_SOURCE_FIGURE_MIN_LOAD], error))
    return FALSE;
  if (options->noise_text != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!hr_units_parse_noise (options->noise_text, figures[HR_SOURCE_FIGURE_MAX_VOLTAGE],
                                 &figures[HR_SOURCE_FIGURE_NOISE], &local_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, "--noise: %s%s", local_error->message,
                       isnan (figures[HR_SOURCE_FIGURE_MAX_VOLTAGE]) ? _(" (give --vmax with a dynamic range)") : "");
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
parse_points (const char  *text,
              guint       *n_points,
              GError     **error)
{
  gint64 value;
  char *end = NULL;

  if (text == NULL)
    return TRUE;

  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a whole number, got “%s”"), "--points", text);
      return FALSE;
    }

  /* The sweep needs two points for its formula's N − 1; checked here
   * because a negative count does not survive the trip to a guint. */
  if (value < 2 || value > HR_SWEEP_MAX_POINTS)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("%s must be between 2 and %u, got %s"),
                   "--points", HR_SWEEP_MAX_POINTS, text);
      return FALSE;
    }

  *n_points = (guint) value;
  return TRUE;
}

static gboolean
parse_format (HrCliCommand   command,
              const char    *format,
              gboolean      *json,
              GError       **error)
{
  const char *human_format = command == HR_CLI_COMMAND_SWEEP ? "csv" : "text";

  *json = FALSE;
  if (format == NULL || g_str_equal (format, human_format))
    return TRUE;
  if (g_str_equal (format, "json"))
    {
      *json = TRUE;
      return TRUE;
    }

  g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
               _("--format must be %s or json, got “%s”"), human_format, format);
  return FALSE;
}

/* Everything that can be said about the command line before a file is
 * opened: usage errors first, then values out of range. */
gboolean
hr_cli_build_request (HrCliCommand         command,
                      const HrCliOptions  *options,
                      HrCliRequest        *request,
                      GError             **error)
{
  request->command = command;
  request->drive.kind = HR_DRIVE_VOLTAGE;
  request->drive.value = 1.0;
  request->zout_ohm = NAN;
  request->headphone_z_ohm = NAN;
  request->fr_zout_ohm = NAN;
  request->cable_ohm = 0.0;
  request->adapter_series_ohm = 0.0;
  request->adapter_shunt_ohm = INFINITY;
  request->fmin_hz = HR_SWEEP_DEFAULT_FMIN_HZ;
  request->fmax_hz = HR_SWEEP_DEFAULT_FMAX_HZ;
  request->n_points = command == HR_CLI_COMMAND_SWEEP ? HR_SWEEP_DEFAULT_POINTS : HR_SUMMARY_DEFAULT_POINTS;
  request->crest_factor_db = HR_DEFAULT_CREST_FACTOR_DB;

  if (options->comparison_file != NULL)
    {
      /* The file holds the configuration, all of it. */
      const struct
      {
        const char *option;
        const char *text;
      } configuration[] = {
        { "--headphone-file", options->headphone_file }, { "--headphone", options->headphone_id },
        { "--source-file", options->source_file }, { "--source", options->source_id },
        { "--output", options->output_name }, { "--zout", options->zout_text },
        { "--vmax", options->vmax_text }, { "--imax", options->imax_text },
        { "--noise", options->noise_text }, { "--min-load", options->min_load_text },
        { "--headphone-z", options->headphone_z_text }, { "--fr", options->fr_file },
        { "--fr-zout", options->fr_zout_text }, { "--vs", options->vs_text },
        { "--spl", options->spl_text }, { "--cable", options->cable_text },
        { "--adapter-series", options->adapter_series_text },
        { "--adapter-shunt", options->adapter_shunt_text },
        { "--crest-factor", options->crest_factor_text },
      };

      for (guint i = 0; i < G_N_ELEMENTS (configuration); i++)
        if (configuration[i].text != NULL)
          {
            g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                         _("--comparison holds the whole configuration: %s cannot be used with it"),
                         configuration[i].option);
            return FALSE;
          }
    }
  else if (command == HR_CLI_COMMAND_RANK)
    {
      /* The gear that stays: headphones to find sources for, or an
       * output to find headphones for. */
      if ((options->headphone_id == NULL) == (options->source_id == NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                       _("rank needs either --headphone ID or --source ID"));
          return FALSE;
        }
    }
  else if (options->headphone_file == NULL && options->headphone_id == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--headphone-file, --headphone or --comparison is required"));
      return FALSE;
    }
  if (options->headphone_file != NULL && options->headphone_id != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--headphone-file and --headphone cannot be used together"));
      return FALSE;
    }
  if (options->source_id != NULL && options->source_file != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--source cannot be used with --source-file"));
      return FALSE;
    }
  if (options->output_name != NULL && options->source_id == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--output needs --source"));
      return FALSE;
    }
  if (options->vs_text != NULL && options->spl_text != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--vs and --spl cannot be used together"));
      return FALSE;
    }

  if (options->spl_text != NULL)
    request->drive.kind = HR_DRIVE_SPL;

  if (!parse_format (command, options->format, &request->json, error) ||
      !parse_source_figures (options, request, error) ||
      !parse_ohm ("--zout", options->zout_text, &request->zout_ohm, error) ||
      !parse_ohm ("--headphone-z", options->headphone_z_text, &request->headphone_z_ohm, error) ||
      !parse_ohm ("--fr-zout", options->fr_zout_text, &request->fr_zout_ohm, error) ||
      !parse_ohm ("--cable", options->cable_text, &request->cable_ohm, error) ||
      !parse_ohm ("--adapter-series", options->adapter_series_text, &request->adapter_series_ohm, error) ||
      !parse_ohm ("--adapter-shunt", options->adapter_shunt_text, &request->adapter_shunt_ohm, error) ||
      !parse_double ("--vs", options->vs_text, &request->drive.value, error) ||
      !parse_double ("--spl", options->spl_text, &request->drive.value, error) ||
      !parse_double ("--fmin", options->fmin_text, &request->fmin_hz, error) ||
      !parse_double ("--fmax", options->fmax_text, &request->fmax_hz, error) ||
      !parse_double ("--crest-factor", options->crest_factor_text,
                     &request->crest_factor_db, error))
    return FALSE;

  /* The model checks these too, but under its own field names; checking
   * here lets the message name the option the user typed. */
  if (!parse_points (options->points_text, &request->n_points, error) ||
      (options->zout_text != NULL && !hr_check_non_negative ("--zout", request->zout_ohm, error)) ||
      (options->headphone_z_text != NULL && !hr_check_positive ("--headphone-z", request->headphone_z_ohm, error)) ||
      (options->fr_zout_text != NULL && !hr_check_non_negative ("--fr-zout", request->fr_zout_ohm, error)) ||
      !hr_check_non_negative ("--cable", request->cable_ohm, error) ||
      !hr_check_non_negative ("--adapter-series", request->adapter_series_ohm, error) ||
      (options->adapter_shunt_text != NULL && !hr_check_positive ("--adapter-shunt", request->adapter_shunt_ohm, error)) ||
      !hr_check_positive ("--fmin", request->fmin_hz, error) ||
      !hr_check_positive ("--fmax", request->fmax_hz, error) ||
      !hr_check_non_negative ("--crest-factor", request->crest_factor_db, error))
    return FALSE;

  if (request->drive.kind == HR_DRIVE_VOLTAGE)
    {
      if (!hr_check_positive ("--vs", request->drive.value, error))
        return FALSE;
    }
  else if (!hr_check_finite ("--spl", request->drive.value, error))
    return FALSE;

  if (!(request->fmax_hz > request->fmin_hz))
    {
      char fmin_text[G_ASCII_DTOSTR_BUF_SIZE];
      char fmax_text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (fmin_text, sizeof fmin_text, "%g", request->fmin_hz);
      g_ascii_formatd (fmax_text, sizeof fmax_text, "%g", request->fmax_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING,
                   _("--fmax must be greater than --fmin (%s), got %s"),
                   fmin_text, fmax_text);
      return FALSE;
    }

  return TRUE;
}

/* The options every command that computes shares: the gear, the figures
 * that replace its own, the level and the connection. */
GArray *
hr_cli_scenario_entries (HrCliOptions *options,
                         const char   *points_help)
{
  const GOptionEntry entries[] = {
    { "headphone-file", 0, 0, G_OPTION_ARG_FILENAME, &options->headphone_file,
      N_("The headphones, as a JSON file (this, --headphone or --comparison is required)"), N_("FILE") },
    { "headphone", 0, 0, G_OPTION_ARG_STRING, &options->headphone_id,
      N_("The headphones, as the id of a preset"), N_("ID") },
    { "source-file", 0, 0, G_OPTION_ARG_FILENAME, &options->source_file,
      N_("The source, as a JSON file"), N_("FILE") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &options->source_id,
      N_("The source, as the id of a preset"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_STRING, &options->output_name,
      N_("With --source: the output, by its id or name (default: the first)"), N_("NAME") },
    { "zout", 0, 0, G_OPTION_ARG_STRING, &options->zout_text,
      N_("The output impedance, in place of the source's own; alone, a resistive source with no voltage or current limit"),
      N_("OHM") },
    { "vmax", 0, 0, G_OPTION_ARG_STRING, &options->vmax_text,
      N_("The maximum output voltage, in place of the source's own: 2.5Vrms, 7Vpp, +18dBu, +4dBV"),
      N_("VOLTAGE") },
    { "imax", 0, 0, G_OPTION_ARG_STRING, &options->imax_text,
      N_("The maximum output current, in place of the source's own"), N_("MA") },
    { "noise", 0, 0, G_OPTION_ARG_STRING, &options->noise_text,
      N_("The output noise, A-weighted: -95dBu, 5uV, or a dynamic range such as 110dB below --vmax"),
      N_("NOISE") },
    { "min-load", 0, 0, G_OPTION_ARG_STRING, &options->min_load_text,
      N_("The least load the output is rated for"), N_("OHM") },
    { "headphone-z", 0, 0, G_OPTION_ARG_STRING, &options->headphone_z_text,
      N_("Move the headphones to another nominal impedance, as for a version of another impedance"),
      N_("OHM") },
    { "fr", 0, 0, G_OPTION_ARG_FILENAME, &options->fr_file,
      N_("The headphones' frequency response, from an AutoEq CSV, a REW export, a .frd or CrinGraph text, "
         "in place of the preset's; sweep then adds the columns fr_db and fr_pred_db"), N_("FILE") },
    { "fr-zout", 0, 0, G_OPTION_ARG_STRING, &options->fr_zout_text,
      N_("The output impedance the response was measured on (default: 0)"), N_("OHM") },
    { "vs", 0, 0, G_OPTION_ARG_STRING, &options->vs_text,
      N_("Drive with this open-circuit voltage (default: 1)"), N_("VRMS") },
    { "spl", 0, 0, G_OPTION_ARG_STRING, &options->spl_text,
      N_("Drive to this level at 1 kHz instead"), N_("DB") },
    { "cable", 0, 0, G_OPTION_ARG_STRING, &options->cable_text,
      N_("The cable's round-trip resistance (default: 0)"), N_("OHM") },
    { "adapter-series", 0, 0, G_OPTION_ARG_STRING, &options->adapter_series_text,
      N_("An impedance adapter's series resistor (default: none)"), N_("OHM") },
    { "adapter-shunt", 0, 0, G_OPTION_ARG_STRING, &options->adapter_shunt_text,
      N_("An impedance adapter's shunt resistor, across the headphones (default: none)"), N_("OHM") },
    { "comparison", 0, 0, G_OPTION_ARG_FILENAME, &options->comparison_file,
      N_("The configuration of a comparison saved by the app (.headroom), in place of all the options above"),
      N_("FILE") },
    { "points", 0, 0, G_OPTION_ARG_STRING, &options->points_text,
      points_help, N_("N") },
  };
  GArray *array = g_array_new (FALSE, FALSE, sizeof (GOptionEntry));

  g_array_append_vals (array, entries, G_N_ELEMENTS (entries));
  return array;
}

/**
 * hr_cli_load_comparison:
 *
 * Returns: (transfer full) (nullable): the comparison of --comparison, or
 *   %NULL with @error set if it does not read, or unset if none was given
 */
HrComparison *
hr_cli_load_comparison (const HrCliOptions  *options,
                        GError             **error)
{
  if (options->comparison_file == NULL)
    return NULL;
  return hr_comparison_load (options->comparison_file, NULL, error);
}

/* What the options describe: the same choices the app's sidebar makes,
 * or the configuration a comparison file was saved with. */
HrScenario *
hr_cli_build_scenario (const HrCliOptions  *options,
                       const HrCliRequest  *request,
                       GError             **error)
{
  g_autoptr(HrScenario) scenario = hr_scenario_new ();

  if (options->comparison_file != NULL)
    {
      g_autoptr(HrComparison) comparison = hr_cli_load_comparison (options, error);

      if (comparison == NULL)
        return NULL;
      return hr_scenario_copy (hr_comparison_get_scenario (comparison));
    }

  if (options->headphone_file != NULL)
    {
      g_autoptr(HrHeadphone) headphone = hr_gear_json_load_headphone (options->headphone_file, error);

      if (headphone == NULL)
        return NULL;
      hr_scenario_set_headphone_model (scenario, headphone);
    }
  else
    hr_scenario_set_headphone_preset (scenario, options->headphone_id);

  if (options->source_file != NULL)
    {
      g_autofree char *name = NULL;
      HrSource source;

      if (!hr_gear_json_load_source (options->source_file, &source, &name, error))
        return NULL;
      hr_scenario_set_source_figures (scenario, &source, name);
    }
  else if (options->source_id != NULL)
    hr_scenario_set_source_preset (scenario, options->source_id, options->output_name);
  else
    hr_scenario_set_ideal_source (scenario);

  hr_scenario_set_zout_ohm (scenario, request->zout_ohm);
  for (HrSourceFigure figure = 0; figure < HR_N_SOURCE_FIGURES; figure++)
    hr_scenario_set_source_figure (scenario, figure, request->source_figures[figure]);
  hr_scenario_set_headphone_z_ohm (scenario, request->headphone_z_ohm);
  if (options->fr_file != NULL)
    {
      g_autoptr(HrResponseCurve) curve = hr_curve_load_response (options->fr_file, error);
      g_autoptr(GArray) points = NULL;

      if (curve == NULL)
        return NULL;
      points = g_array_sized_new (FALSE, FALSE, sizeof (HrResponsePoint), curve->n_points);
      for (guint i = 0; i < curve->n_points; i++)
        {
          HrResponsePoint point = { curve->points[i].freq_hz, curve->points[i].level_db };

          g_array_append_val (points, point);
        }
      hr_scenario_set_response (scenario, &g_array_index (points, HrResponsePoint, 0), points->len);
    }
  hr_scenario_set_response_zout_ohm (scenario, request->fr_zout_ohm);
  hr_scenario_set_drive (scenario, &request->drive);
  hr_scenario_set_cable_ohm (scenario, request->cable_ohm);
  hr_scenario_set_adapter_series_ohm (scenario, request->adapter_series_ohm);
  hr_scenario_set_adapter_shunt_ohm (scenario, request->adapter_shunt_ohm);
  hr_scenario_set_crest_factor_db (scenario, request->crest_factor_db);
  return g_steal_pointer (&scenario);
}

/* --compare HEADPHONE:SOURCE[:OUTPUT], all three preset ids: other gear
 * at the level and on the connection of @first. */
HrScenario *
hr_cli_compare_scenario (HrScenario  *first,
                         const char  *spec,
                         GError     **error)
{
  g_auto(GStrv) parts = g_strsplit (spec, ":", 3);
  g_autoptr(HrScenario) scenario = NULL;

  if (g_strv_length (parts) < 2 || *parts[0] == '\0' || *parts[1] == '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--compare needs HEADPHONE:SOURCE[:OUTPUT], got “%s”"), spec);
      return NULL;
    }

  scenario = hr_scenario_new ();
  hr_scenario_set_headphone_preset (scenario, parts[0]);
  hr_scenario_set_source_preset (scenario, parts[1], parts[2]);
  hr_scenario_set_drive (scenario, hr_scenario_get_drive (first));
  hr_scenario_set_cable_ohm (scenario, hr_scenario_get_cable_ohm (first));
  hr_scenario_set_adapter_series_ohm (scenario, hr_scenario_get_adapter_series_ohm (first));
  hr_scenario_set_adapter_shunt_ohm (scenario, hr_scenario_get_adapter_shunt_ohm (first));
  hr_scenario_set_crest_factor_db (scenario, hr_scenario_get_crest_factor_db (first));
  /* --fr is a measurement of the first configuration's headphones: the
   * same headphones on another source have the same response. */
  if (hr_scenario_get_headphone_kind (first) == HR_SCENARIO_HEADPHONE_PRESET
      && g_strcmp0 (hr_scenario_get_headphone_id (first), parts[0]) == 0)
    {
      guint n_points = 0;
      const HrResponsePoint *points = hr_scenario_get_response (first, &n_points);

      hr_scenario_set_response (scenario, points, n_points);
      hr_scenario_set_response_zout_ohm (scenario, hr_scenario_get_response_zout_ohm (first));
    }
  return g_steal_pointer (&scenario);
}

/* A preset that is not there: the message says how to list the ones that
 * are. */
static void
add_list_hint (GError     **error,
               HrScenario  *scenario,
               HrPresetDb  *db)
{
  const char *kind = NULL;
  char *message;

  if (error == NULL || !g_error_matches (*error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND))
    return;
  if (hr_scenario_get_headphone_kind (scenario) == HR_SCENARIO_HEADPHONE_PRESET
      && hr_preset_db_lookup_headphone (db, hr_scenario_get_headphone_id (scenario)) == NULL)
    kind = "headphone";
  else if (hr_scenario_get_source_kind (scenario) == HR_SCENARIO_SOURCE_PRESET
           && hr_preset_db_lookup_source (db, hr_scenario_get_source_id (scenario)) == NULL)
    kind = "source";
  if (kind == NULL)
    return;

  message = g_strdup_printf (_("%s (“%s list --kind %s” lists them)"),
                             (*error)->message, HR_CLI_PROGRAM_NAME, kind);
  g_free ((*error)->message);
  (*error)->message = message;
}

/* The sweep and the summary of @scenario. The preset database is loaded
 * only when the scenario names a preset; its problems are warnings, and
 * only a preset that is asked for and missing fails. */
HrSummary *
hr_cli_compute (HrScenario          *scenario,
                HrPresetDb         **db,
                HrSweep             *sweep,
                HrScenarioCircuit  **resolved,
                GError             **error)
{
  HrSummary *summary;

  if (*db == NULL
      && (hr_scenario_get_headphone_kind (scenario) == HR_SCENARIO_HEADPHONE_PRESET
          || hr_scenario_get_source_kind (scenario) == HR_SCENARIO_SOURCE_PRESET))
    {
      *db = hr_cli_open_db (error);
      if (*db == NULL)
        return NULL;
    }

  summary = hr_scenario_compute (scenario, *db, sweep, resolved, error);
  if (summary == NULL && *db != NULL)
    add_list_hint (error, scenario, *db);
  return summary;
}

/* What JSON output calls the source: a preset's output or a file's
 * name as they are, and for the built-in sources names that are never
 * translated, because scripts read them. */
static char *
dup_source_json_name (const HrCliOptions      *options,
                      const HrCliRequest      *request,
                      const HrScenarioCircuit *resolved)
{
  char zout_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (resolved->source_preset != NULL)
    return hr_source_preset_dup_output_label (resolved->source_preset, resolved->output_index);
  /* A comparison's source by figures is named as the scenario names it. */
  if (options->source_file != NULL || options->comparison_file != NULL)
    return g_strdup (resolved->source_name);
  if (options->zout_text == NULL)
    return g_strdup ("ideal");
  g_ascii_formatd (zout_text, sizeof zout_text, "%g", request->zout_ohm);
  return g_strdup_printf ("zout %s ohm", zout_text);
}

static gboolean
finish_output (GError **error)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("cannot write the output: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Fills @computed (cleared by the caller with hr_cli_computed_clear(),
 * whatever this returns): the scenario of the options or of their
 * --comparison, swept from @fmin_hz to @fmax_hz, with the database if a
 * preset was asked for, and what it came to. */
gboolean
hr_cli_compute_options (const HrCliOptions  *options,
                        const HrCliRequest  *request,
                        double               fmin_hz,
                        double               fmax_hz,
                        HrCliComputed       *computed,
                        GError             **error)
{
  computed->scenario = hr_cli_build_scenario (options, request, error);
  if (computed->scenario == NULL)
    return FALSE;
  computed->sweep = hr_sweep_new_log (fmin_hz, fmax_hz, request->n_points, error);
  if (computed->sweep == NULL)
    return FALSE;
  computed->summary = hr_cli_compute (computed->scenario, &computed->db, computed->sweep,
                                      &computed->resolved, error);
  return computed->summary != NULL;
}

void
hr_cli_computed_clear (HrCliComputed *computed)
{
  g_clear_pointer (&computed->resolved, hr_scenario_circuit_free);
  g_clear_pointer (&computed->summary, hr_summary_free);
  g_clear_pointer (&computed->sweep, hr_sweep_free);
  g_clear_object (&computed->db);
  g_clear_object (&computed->scenario);
}

gboolean
hr_cli_run_request (const HrCliOptions  *options,
                    const HrCliRequest  *request,
                    GError             **error)
{
  g_auto(HrCliComputed) computed = { 0 };
  g_autofree char *source_name = NULL;

  if (!hr_cli_compute_options (options, request, request->fmin_hz, request->fmax_hz, &computed, error))
    return FALSE;
  source_name = dup_source_json_name (options, request, computed.resolved);

  switch (request->command)
    {
    case HR_CLI_COMMAND_SWEEP:
      if (request->json)
        hr_cli_write_sweep_json (stdout, computed.sweep, hr_headphone_get_name (computed.resolved->headphone),
                                 source_name);
      else
        hr_cli_write_sweep_csv (stdout, computed.sweep);
      break;

    case HR_CLI_COMMAND_CHECK:
      /* The computed.summary holds reasons as codes: JSON writes them with their
       * English text, the text output in the user's language. Neither
       * needs the locale switched. */
      if (request->json)
        hr_cli_write_summary_json (stdout, computed.summary, hr_headphone_get_name (computed.resolved->headphone),
                                   source_name);
      else
        {
          /* The names of the built-in sources are for scripts; people
           * get words in their language. */
          const char *source_label = options->source_file != NULL || options->source_id != NULL
                                     || options->comparison_file != NULL ? source_name
                                   : options->zout_text != NULL ? _("resistive source without limits")
                                   : _("ideal source");
          g_autofree char *text = hr_cli_format_summary_text (computed.summary, &computed.resolved->circuit,
                                                              source_label);

          g_print ("%s", text);
        }
      break;

    case HR_CLI_COMMAND_RANK:  /* hr-cli-rank.c */
    default:
      g_assert_not_reached ();
    }

  return finish_output (error);
}
