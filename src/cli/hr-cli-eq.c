/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hr-cli.h"
#include "hr-cli-eq.h"
#include "hr-cli-private.h"
#include "hr-eq-export.h"
#include "hr-export.h"

/* headroom-cli eq: the EQ that undoes the source. The scenario is the one
 * of sweep and check; its response change, computed on the summary's
 * grid over 20 Hz–20 kHz, is negated and fitted (hr_eq_fit_deviation()),
 * and the fit is written in the format asked for. What the fit came to is
 * printed: a parametric EQ that misses its tolerance is still written,
 * and said to miss it. */

typedef struct
{
  HrCliOptions  common;
  char         *eq_format;
  char         *sample_rate_text;
  char         *max_filters_text;
  char         *tolerance_text;
  char         *file;
} EqOptions;

static void
eq_options_clear (EqOptions *options)
{
  hr_cli_options_clear (&options->common);
  g_clear_pointer (&options->eq_format, g_free);
  g_clear_pointer (&options->sample_rate_text, g_free);
  g_clear_pointer (&options->max_filters_text, g_free);
  g_clear_pointer (&options->tolerance_text, g_free);
  g_clear_pointer (&options->file, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (EqOptions, eq_options_clear)

/* A number in [@min, @max]: text that is not one is a usage error, one out
 * of range bad input, as for the other commands. */
static gboolean
parse_in_range (const char  *option,
                const char  *text,
                double       min,
                double       max,
                double      *value,
                GError     **error)
{
  char *end = NULL;
  double parsed;

  if (text == NULL)
    return TRUE;
  parsed = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a number, got “%s”"), option, text);
      return FALSE;
    }
  if (!(parsed >= min && parsed <= max))
    {
      char min_text[G_ASCII_DTOSTR_BUF_SIZE];
      char max_text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (min_text, sizeof min_text, "%g", min);
      g_ascii_formatd (max_text, sizeof max_text, "%g", max);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("%s must be from %s to %s, got %s"), option, min_text, max_text, text);
      return FALSE;
    }
  *value = parsed;
  return TRUE;
}

static gboolean
run_eq (gpointer   user_data,
        GError   **error)
{
  const EqOptions *options = user_data;
  g_auto(HrCliComputed) computed = { 0 };
  g_autoptr(HrEqFit) fit = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  g_autofree char *described = NULL;
  HrEqFitOptions fit_options = HR_EQ_FIT_OPTIONS_INIT;
  HrEqFormat format = HR_EQ_FORMAT_APO;
  HrCliRequest request;
  double max_filters = fit_options.max_filters;

  if (options->file == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("-o FILE is required (- for the standard output)"));
      return FALSE;
    }
  if (options->eq_format != NULL && !hr_eq_format_from_string (options->eq_format, &format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--format must be graphiceq, apo or easyeffects, got “%s”"), options->eq_format);
      return FALSE;
    }
  if (!hr_cli_build_request (HR_CLI_COMMAND_CHECK, &options->common, &request, error) ||
      !parse_in_range ("--sample-rate", options->sample_rate_text, 40000.0, 768000.0,
                       &fit_options.sample_rate_hz, error) ||
      !parse_in_range ("--max-filters", options->max_filters_text, 1.0, HR_EQ_MAX_FILTERS, &max_filters, error) ||
      !parse_in_range ("--tolerance", options->tolerance_text, 0.01, 3.0, &fit_options.tolerance_db, error))
    return FALSE;
  fit_options.max_filters = (guint) max_filters;

  if (!hr_cli_compute_options (&options->common, &request, HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ,
                               &computed, error))
    return FALSE;
  label = hr_scenario_circuit_dup_label (computed.resolved);
  text = hr_eq_export_undo (computed.sweep, computed.summary, label, &fit_options, format, &fit, error);
  if (text == NULL)
    return FALSE;
  described = hr_eq_fit_describe (fit);
  if (g_str_equal (options->file, "-"))
    fputs (text, stdout);
  else if (!hr_export_save (options->file, text, strlen (text), error))
    return FALSE;

  /* What was written, on stderr when the file is the standard output. */
  if (g_str_equal (options->file, "-"))
    g_printerr ("%s: %s\n", label, described);
  else
    g_print ("%s: %s\n", label, described);
  return TRUE;
}

static void
describe (GOptionContext *context)
{
  g_option_context_set_summary (context,
    _("Writes the EQ that undoes what the source does to the headphones' frequency response."));
  g_option_context_set_description (context,
    _("The configuration is the one of --headphone or --headphone-file and --source, --source-file "
      "or --zout, as for check. Its response change over 20 Hz–20 kHz is negated and written as:\n"
      "  apo          Equalizer APO: a Preamp line and parametric Filter lines (PK, LSC, HSC), "
      "fitted to within --tolerance with at most --max-filters filters (default)\n"
      "  graphiceq    Equalizer APO's GraphicEQ line, as AutoEq's GraphicEQ.txt (also read by Wavelet), "
      "exact at its 127 frequencies\n"
      "  easyeffects  an EasyEffects output preset with the parametric filters\n"
      "The preamp keeps the EQ from clipping. What the fit came to is printed.\n"
      "\n"
      "Exit status: 0 on success, 1 on bad input (files, values, a file that cannot be written), "
      "2 on bad usage."));
}

int
hr_cli_eq (int    argc,
           char **argv)
{
  g_auto(EqOptions) options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (_("-o FILE"));
  const GOptionEntry eq_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.eq_format,
      N_("apo (default), graphiceq or easyeffects"), N_("FORMAT") },
    { "sample-rate", 0, 0, G_OPTION_ARG_STRING, &options.sample_rate_text,
      N_("The rate the EQ runs at, which shapes its filters near 20 kHz (default: 48000)"), N_("HZ") },
    { "max-filters", 0, 0, G_OPTION_ARG_STRING, &options.max_filters_text,
      N_("At most this many parametric filters (default: 10)"), N_("N") },
    { "tolerance", 0, 0, G_OPTION_ARG_STRING, &options.tolerance_text,
      N_("How close the parametric EQ must come, in dB (default: 0.2)"), N_("DB") },
    { "output-file", 'o', 0, G_OPTION_ARG_FILENAME, &options.file,
      N_("The file to write, - for the standard output"), N_("FILE") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options.common.help,
      N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GArray) entries = hr_cli_scenario_entries (&options.common, _("Number of frequencies (default: 481)"));

  g_array_append_vals (entries, eq_entries, G_N_ELEMENTS (eq_entries));
  g_option_context_add_main_entries (context, &g_array_index (entries, GOptionEntry, 0), GETTEXT_PACKAGE);
  describe (context);

  return hr_cli_run_with_options (argv, context, &options.common.help, run_eq, &options);
}
