/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hr-cli.h"
#include "hr-cli-infer.h"
#include "hr-cli-private.h"
#include "hr-core.h"
#include "hr-infer.h"
#include "hr-json-write.h"

/* `headroom-cli infer`: the figures a spec sheet's power table implies.
 *
 * It follows the other commands' contract (hr-cli.c): its own option
 * context and --help, one-line errors "headroom-cli: …" on stderr, exit 2
 * for a command line that cannot be understood and 1 for figures that can
 * but make no sense.
 */

typedef struct
{
  char     *zout_text;
  char     *format;
  gboolean  help;
} InferOptions;

static void
infer_options_clear (InferOptions *options)
{
  g_clear_pointer (&options->zout_text, g_free);
  g_clear_pointer (&options->format, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (InferOptions, infer_options_clear)

static const char *
zout_state (const HrInferResult *result)
{
  if (result->zout_given)
    return "given";
  if (isnan (result->zout_ohm))
    return "unknown";
  if (result->zout_clamped)
    return "clamped";
  return "fitted";
}

static char *
format_text (const HrInferResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *zout = NULL;
  g_autofree char *imax = NULL;

  if (isnan (result->zout_ohm))
    zout = g_strdup (_("unknown"));
  else if (result->zout_given)
    zout = g_strdup_printf (_("%.3g Ω (given)"), result->zout_ohm);
  else
    zout = g_strdup_printf (_("%.3g Ω"), result->zout_ohm);
  if (isnan (result->imax_ma))
    imax = g_strdup (_("unknown"));
  else
    imax = g_strdup_printf (_("%.3g mA"), result->imax_ma);

  g_string_append_printf (text, _("Open-circuit voltage:  %.3g Vrms\n"), result->voc_vrms);
  g_string_append_printf (text, _("Output impedance:      %s\n"), zout);
  g_string_append_printf (text, _("Current limit:         %s\n"), imax);
  g_string_append_printf (text, _("Fit:                   %.1f %% rms in power\n"), result->rms_residual_pct);
  g_string_append_c (text, '\n');

  for (guint i = 0; i < result->n_pairs; i++)
    {
      g_autofree char *line = hr_infer_pair_format (&result->pairs[i]);

      g_string_append_printf (text, "%s\n", line);
    }

  for (guint i = 0; i < result->notes->len; i++)
    g_string_append_printf (text, "%s• %s\n", i == 0 ? "\n" : "",
                            (const char *) g_ptr_array_index (result->notes, i));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *key,
                    double       value)
{
  json_builder_set_member_name (builder, key);
  if (isfinite (value))
    json_builder_add_double_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
format_json (const HrInferResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  add_number_or_null (builder, "voc_vrms", result->voc_vrms);
  add_number_or_null (builder, "zout_ohm", result->zout_ohm);
  json_builder_set_member_name (builder, "zout_ohm_state");
  json_builder_add_string_value (builder, zout_state (result));
  add_number_or_null (builder, "imax_ma", result->imax_ma);
  json_builder_set_member_name (builder, "imax_ma_state");
  json_builder_add_string_value (builder, isnan (result->imax_ma) ? "unknown" : "known");
  add_number_or_null (builder, "rms_residual_pct", result->rms_residual_pct);

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->n_pairs; i++)
    {
      const HrInferPair *pair = &result->pairs[i];

      json_builder_begin_object (builder);
      add_number_or_null (builder, "power_mw", pair->power_mw);
      add_number_or_null (builder, "level_vrms", pair->level_vrms > 0.0 ? pair->level_vrms : NAN);
      add_number_or_null (builder, "load_ohm", pair->load_ohm);
      add_number_or_null (builder, "v_vrms", pair->v_vrms);
      add_number_or_null (builder, "i_ma", pair->i_ma);
      json_builder_set_member_name (builder, "limit");
      json_builder_add_string_value (builder, hr_limit_to_string (pair->limit));
      add_number_or_null (builder, "model_power_mw", pair->model_power_mw);
      add_number_or_null (builder, "model_vrms", pair->model_vrms);
      add_number_or_null (builder, "residual_pct", pair->residual_pct);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "notes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->notes->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (result->notes, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = hr_json_to_text (root, TRUE, NULL);
  return g_strconcat (json, "\n", NULL);
}

static int
usage_error (const char *message,
             const char *prgname)
{
  g_printerr (_("%s: %s (see “%s --help”)\n"), HR_CLI_PROGRAM_NAME, message, prgname);
  return HR_CLI_EXIT_USAGE;
}

static gboolean
parse_zout (const char  *text,
            double      *zout_ohm,
            GError     **error)
{
  char *end = NULL;

  *zout_ohm = HR_UNKNOWN;
  if (text == NULL)
    return TRUE;

  *zout_ohm = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0')
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("%s needs a number, got “%s”"), "--zout", text);
      return FALSE;
    }
  /* NaN would read as "not given": refuse it here, with the value. */
  if (isnan (*zout_ohm))
    return hr_check_non_negative ("--zout", *zout_ohm, error);
  return TRUE;
}

static void
prefix_with_pair (GError            **error,
                  const char *const  *pairs,
                  guint               n_pairs)
{
  /* The model names the pair "pairs[2].power_mw"; the user typed it. */
  for (guint i = 0; i < n_pairs; i++)
    {
      g_autofree char *needle = g_strdup_printf ("pairs[%u].", i);

      if (*error != NULL && strstr ((*error)->message, needle) != NULL)
        {
          g_prefix_error (error, "%s: ", pairs[i]);
          return;
        }
    }
}

int
hr_cli_infer (int    argc,
              char **argv)
{
  g_auto(InferOptions) options = { 0 };
  const GOptionEntry entries[] = {
    { "zout", 0, 0, G_OPTION_ARG_STRING, &options.zout_text,
      N_("The output impedance, if the spec sheet gives it: then only the voltage and the current limit are fitted"),
      N_("OHM") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("Output format: text or json (default: text)"), N_("FORMAT") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options.help, N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("POWER@LOAD|LEVEL[@LOAD]…"));
  g_autoptr(GError) error = NULL;
  g_autoptr(HrInferResult) result = NULL;
  g_autofree HrPowerSpec *specs = NULL;
  g_autofree char *prgname = g_strdup_printf ("%s %s", HR_CLI_PROGRAM_NAME, argc > 0 ? argv[0] : "infer");
  g_autofree char *output = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  gboolean json = FALSE;
  double zout_ohm = HR_UNKNOWN;
  guint n_pairs;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  g_set_prgname (prgname);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Infers a source's open-circuit voltage, output impedance and current limit "
      "from the power figures and maximum levels of its spec sheet, two or more, such as "
      "1000mW@32 320mW@300, or +22dBu +19dBu@32 +15dBu@16."));
  g_option_context_set_description (context,
    _("Each figure is a power (mW or W) into a load (ohms): 1000mW@32, 1W@32, 1000mw@32ohm; "
      "or a maximum level (Vrms, dBu, dBV, Vpp) into a load, +19dBu@32, or with no load, +22dBu, "
      "which is taken as open circuit.\n"
      "A figure limited by voltage follows V = Voc·R/(R + Zout), with V = √(P·R); one limited "
      "by current gives I = √(P/R). The lowest loads are tried as current-bound in turn, and the "
      "physically consistent reading that fits best is reported, with each figure's limit and "
      "how far the model's power is from it. A figure that cannot be inferred is “unknown”.\n"
      "\n"
      "JSON: {\"voc_vrms\", \"zout_ohm\", \"zout_ohm_state\" (fitted, clamped, given or unknown), "
      "\"imax_ma\", \"imax_ma_state\" (known or unknown), \"rms_residual_pct\", \"pairs\": "
      "[{\"power_mw\", \"level_vrms\", \"load_ohm\" (null: open circuit), \"v_vrms\", \"i_ma\", "
      "\"limit\" (voltage or current), \"model_power_mw\", \"model_vrms\", \"residual_pct\"}], "
      "\"notes\": [sentences]}, unknown figures null.\n"
      "\n"
      "Exit status: 0 on success, 1 on bad input (values), 2 on bad usage."));

  if (!g_option_context_parse_strv (context, &args, &error))
    return usage_error (error->message, prgname);

  if (options.help)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", help);
      return HR_CLI_EXIT_SUCCESS;
    }

  if (options.format != NULL && !g_str_equal (options.format, "text") &&
      !g_str_equal (options.format, "json"))
    {
      g_autofree char *message = g_strdup_printf (_("--format must be text or json, got “%s”"),
                                                  options.format);

      return usage_error (message, prgname);
    }
  json = options.format != NULL && g_str_equal (options.format, "json");

  n_pairs = args[0] != NULL ? g_strv_length (args) - 1 : 0;
  if (n_pairs < 2)
    return usage_error (_("give two or more power figures or levels, such as 1000mW@32 320mW@300"), prgname);

  if (!parse_zout (options.zout_text, &zout_ohm, &error))
    {
      if (error->domain == G_OPTION_ERROR)
        return usage_error (error->message, prgname);
      g_printerr ("%s: %s\n", HR_CLI_PROGRAM_NAME, error->message);
      return HR_CLI_EXIT_BAD_INPUT;
    }

  specs = g_new0 (HrPowerSpec, n_pairs);
  for (guint i = 0; i < n_pairs; i++)
    if (!hr_units_parse_power_pair (args[i + 1], &specs[i], &error))
      return usage_error (error->message, prgname);

  result = hr_infer_source (specs, n_pairs, zout_ohm, &error);
  if (result == NULL)
    {
      prefix_with_pair (&error, (const char *const *) args + 1, n_pairs);
      g_printerr ("%s: %s\n", HR_CLI_PROGRAM_NAME, error->message);
      return HR_CLI_EXIT_BAD_INPUT;
    }

  /* JSON is UTF-8 whatever the terminal; the text follows its charset. */
  if (json)
    {
      output = format_json (result);
      fputs (output, stdout);
    }
  else
    {
      output = format_text (result);
      g_print ("%s", output);
    }
  return HR_CLI_EXIT_SUCCESS;
}
