/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "hr-cli-output.h"
#include "hr-cli-private.h"
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
  request->zout_ohm = 0.0;
  request->fmin_hz = HR_SWEEP_DEFAULT_FMIN_HZ;
  request->fmax_hz = HR_SWEEP_DEFAULT_FMAX_HZ;
  request->n_points = command == HR_CLI_COMMAND_SWEEP ? HR_SWEEP_DEFAULT_POINTS : HR_SUMMARY_DEFAULT_POINTS;
  request->crest_factor_db = HR_DEFAULT_CREST_FACTOR_DB;

  if (options->headphone_file == NULL && options->headphone_id == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--headphone-file or --headphone is required"));
      return FALSE;
    }
  if (options->headphone_file != NULL && options->headphone_id != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--headphone-file and --headphone cannot be used together"));
      return FALSE;
    }
  if (options->zout_text != NULL && options->source_file != NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--zout and --source-file cannot be used together"));
      return FALSE;
    }
  if (options->source_id != NULL && (options->zout_text != NULL || options->source_file != NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("--source cannot be used with --source-file or --zout"));
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
      !parse_double ("--zout", options->zout_text, &request->zout_ohm, error) ||
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
      !hr_check_non_negative ("--zout", request->zout_ohm, error) ||
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

/* The preset database, loaded only when an id asks for it; its problems
 * are warnings, and only a preset that is asked for and missing fails. */
static HrPresetDb *
ensure_db (HrPresetDb **db)
{
  if (*db == NULL)
    {
      *db = hr_preset_db_new (NULL, NULL);
      hr_cli_print_problems (*db);
    }
  return *db;
}

HrHeadphone *
hr_cli_lookup_headphone (HrPresetDb **db,
                         const char  *id,
                         GError     **error)
{
  HrHeadphonePreset *preset = hr_preset_db_lookup_headphone (ensure_db (db), id);

  if (preset == NULL)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                   _("no headphone preset has the id “%s” (“%s list --kind headphone” lists them)"),
                   id, HR_CLI_PROGRAM_NAME);
      return NULL;
    }

  return g_object_ref (hr_headphone_preset_get_headphone (preset));
}

/* @output_name: an output's id or name, in any case; the first output when
 * NULL. A wrong one lists the right ones. */
gboolean
hr_cli_lookup_source (HrPresetDb **db,
                      const char  *id,
                      const char  *output_name,
                      HrSource    *source,
                      char       **label,
                      GError     **error)
{
  HrSourcePreset *preset = hr_preset_db_lookup_source (ensure_db (db), id);
  g_autoptr(GString) outputs = NULL;
  guint index = 0;

  if (preset == NULL)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                   _("no source preset has the id “%s” (“%s list --kind source” lists them)"),
                   id, HR_CLI_PROGRAM_NAME);
      return FALSE;
    }

  if (output_name == NULL || hr_source_preset_find_output (preset, output_name, &index))
    {
      hr_source_preset_build_source (preset, index, source);
      *label = hr_source_preset_dup_output_label (preset, index);
      return TRUE;
    }

  outputs = g_string_new (NULL);
  for (guint i = 0; i < hr_source_preset_get_n_outputs (preset); i++)
    {
      const HrSourceOutput *output = hr_source_preset_get_output (preset, i);

      g_string_append_printf (outputs, "%s%s (%s)", i > 0 ? ", " : "", output->id, output->name);
    }
  g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
               _("the source “%s” has no output “%s”; its outputs are %s"),
               id, output_name, outputs->str);
  return FALSE;
}

static HrHeadphone *
load_headphone (const HrCliOptions  *options,
                HrPresetDb         **db,
                GError             **error)
{
  if (options->headphone_file != NULL)
    return hr_gear_json_load_headphone (options->headphone_file, error);
  return hr_cli_lookup_headphone (db, options->headphone_id, error);
}

/* The source: a file, a preset, a bare output impedance with no limits,
 * or the ideal 0 Ω source. The names of the last two go into JSON output
 * and so are never translated. */
static gboolean
load_source (const HrCliOptions  *options,
             const HrCliRequest  *request,
             HrPresetDb         **db,
             HrSource            *source,
             char               **name,
             GError             **error)
{
  HrSource resistive = HR_SOURCE_INIT;
  char zout_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (options->source_file != NULL)
    return hr_gear_json_load_source (options->source_file, source, name, error);
  if (options->source_id != NULL)
    return hr_cli_lookup_source (db, options->source_id, options->output_name, source, name, error);

  resistive.output_impedance_ohm = request->zout_ohm;
  *source = resistive;
  if (options->zout_text == NULL)
    {
      *name = g_strdup ("ideal");
      return TRUE;
    }

  g_ascii_formatd (zout_text, sizeof zout_text, "%g", request->zout_ohm);
  *name = g_strdup_printf ("zout %s ohm", zout_text);
  return TRUE;
}

/* LC_MESSAGES=C turns gettext off, LANGUAGE included: the reasons in JSON
 * are then in English whatever the user's language, as machine output
 * must be. The summary's reasons are written when it is computed. */
static HrSummary *
compute_summary (const HrSweep       *sweep,
                 const HrCircuit     *circuit,
                 const HrCliRequest  *request,
                 GError             **error)
{
  g_autofree char *saved_locale = NULL;
  HrSummary *summary;

  if (request->json)
    {
      saved_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
      setlocale (LC_MESSAGES, "C");
    }

  summary = hr_summary_compute (sweep, circuit, request->crest_factor_db, error);

  if (saved_locale != NULL)
    setlocale (LC_MESSAGES, saved_locale);

  return summary;
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

gboolean
hr_cli_run_request (const HrCliOptions  *options,
                    const HrCliRequest  *request,
                    GError             **error)
{
  g_autoptr(HrHeadphone) headphone = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrSummary) summary = NULL;
  g_autoptr(HrPresetDb) db = NULL;
  g_autofree char *source_name = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };

  headphone = load_headphone (options, &db, error);
  if (headphone == NULL ||
      !load_source (options, request, &db, &circuit.source, &source_name, error))
    return FALSE;
  circuit.headphone = headphone;

  sweep = hr_sweep_new_log (request->fmin_hz, request->fmax_hz, request->n_points, error);
  if (sweep == NULL || !hr_sweep_compute (sweep, &circuit, &request->drive, error))
    return FALSE;

  switch (request->command)
    {
    case HR_CLI_COMMAND_SWEEP:
      if (request->json)
        hr_cli_write_sweep_json (stdout, sweep, hr_headphone_get_name (headphone), source_name);
      else
        hr_cli_write_sweep_csv (stdout, sweep);
      break;

    case HR_CLI_COMMAND_CHECK:
      summary = compute_summary (sweep, &circuit, request, error);
      if (summary == NULL)
        return FALSE;
      if (request->json)
        hr_cli_write_summary_json (stdout, summary, hr_headphone_get_name (headphone), source_name);
      else
        {
          /* The names of the built-in sources are for scripts; people
           * get words in their language. */
          const char *source_label = options->source_file != NULL ||
                                     options->source_id != NULL ? source_name
                                   : options->zout_text != NULL ? _("resistive source without limits")
                                   : _("ideal source");
          g_autofree char *text = hr_cli_format_summary_text (summary, &circuit, source_label);

          g_print ("%s", text);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  return finish_output (error);
}
