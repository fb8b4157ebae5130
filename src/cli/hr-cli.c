/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "hr-cli.h"
#include "hr-cli-eq.h"
#include "hr-cli-explain.h"
#include "hr-cli-export.h"
#include "hr-cli-fit.h"
#include "hr-cli-infer.h"
#include "hr-cli-private.h"
#include "hr-cli-rank.h"

/* headroom-cli: the model for scripts. This file reads the command line,
 * one GOptionContext per command, and turns errors into exit codes; the
 * work is in hr-cli-request.c.
 *
 * Errors travel as GError up to one place that prints them on one line and
 * picks the exit status from the domain: G_OPTION_ERROR is a mistake in the
 * command line (2), everything else a mistake in the input (1).
 */

static void
print_error (const GError *error)
{
  g_printerr ("%s: %s\n", HR_CLI_PROGRAM_NAME, error->message);
}

/* A usage error points at the help of the command that was mistyped. */
static void
print_usage_error (const char *message,
                   const char *help_command)
{
  /* Translators: "headroom-cli: <problem> (see “headroom-cli sweep --help”)" */
  g_printerr (_("%s: %s (see “%s --help”)\n"), HR_CLI_PROGRAM_NAME, message, help_command);
}

static int
exit_status_for (const GError *error)
{
  return error->domain == G_OPTION_ERROR ? HR_CLI_EXIT_USAGE : HR_CLI_EXIT_BAD_INPUT;
}

static GArray *
build_entries (HrCliCommand  command,
               HrCliOptions *options,
               const char   *points_help)
{
  const GOptionEntry range_entries[] = {
    { "fmin", 0, 0, G_OPTION_ARG_STRING, &options->fmin_text,
      N_("Lowest frequency (default: 20)"), N_("HZ") },
    { "fmax", 0, 0, G_OPTION_ARG_STRING, &options->fmax_text,
      N_("Highest frequency (default: 20000)"), N_("HZ") },
  };
  const GOptionEntry sweep_entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("Output format: csv or json (default: csv)"), N_("FORMAT") },
  };
  const GOptionEntry check_entries[] = {
    { "crest-factor", 0, 0, G_OPTION_ARG_STRING, &options->crest_factor_text,
      N_("How far music peaks rise above its average level (default: 12)"), N_("DB") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options->format,
      N_("Output format: text or json (default: text)"), N_("FORMAT") },
  };
  /* GOption's own --help would exit() from inside the parser; ours lets
   * the program return from main with everything freed. */
  const GOptionEntry tail_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options->help,
      N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  GArray *entries = hr_cli_scenario_entries (options, points_help);

  g_array_append_vals (entries, range_entries, G_N_ELEMENTS (range_entries));
  switch (command)
    {
    case HR_CLI_COMMAND_SWEEP:
      g_array_append_vals (entries, sweep_entries, G_N_ELEMENTS (sweep_entries));
      break;
    case HR_CLI_COMMAND_CHECK:
      g_array_append_vals (entries, check_entries, G_N_ELEMENTS (check_entries));
      break;
    case HR_CLI_COMMAND_RANK:  /* hr-cli-rank.c has its own */
    default:
      g_assert_not_reached ();
    }
  g_array_append_vals (entries, tail_entries, G_N_ELEMENTS (tail_entries));

  return entries;
}

static void
describe_command (HrCliCommand    command,
                  GOptionContext *context)
{
  switch (command)
    {
    case HR_CLI_COMMAND_SWEEP:
      g_option_context_set_summary (context,
        _("Computes, frequency by frequency, what the source does to the headphones."));
      g_option_context_set_description (context,
        _("Frequencies: f_k = fmin·(fmax/fmin)^(k/(N−1)) for k = 0…N−1.\n"
          "Source: --source-file or --source, or --zout alone for a resistive source without limits, "
          "or none of them for an ideal 0 Ω source without limits. With a source, --zout replaces "
          "its output impedance.\n"
          "\n"
          "CSV: a header line, then one row per frequency:\n"
          "  freq_hz,z_mag_ohm,z_phase_deg,v_load_vrms,i_ma,p_mw,spl_db,dev_db,atten_db,spl_max_db,limit,zth_ohm\n"
          "Numbers are printed as %.10g with a dot, whatever the locale. dev_db is against 1 kHz, "
          "atten_db against a 0 Ω source. spl_max_db is the clean ceiling, “inf” where nothing limits; "
          "limit is voltage, current or none; zth_ohm is the output impedance the headphones see, "
          "cable and adapter included.\n"
          "JSON: {\"headphone\", \"source\", \"drive\": {\"voc_vrms\", \"spl_1k_db\"}, "
          "\"points\": [{the CSV columns as keys}]}, with spl_max_db null where infinite.\n"
          "\n"
          "Exit status: 0 on success, 1 on bad input (files, values), 2 on bad usage."));
      break;

    case HR_CLI_COMMAND_CHECK:
      g_option_context_set_summary (context,
        _("Says whether the source drives the headphones well, and why."));
      g_option_context_set_description (context,
        _("The text output gives the verdict, its reasons, and the key figures.\n"
          "\n"
          "JSON: an object with \"headphone\", \"source\", \"verdict\" (drives-well, caveats or "
          "cannot-drive), \"reasons\" (most important first, each an object with its \"code\", "
          "\"severity\", the figures it speaks of, and its \"text\" in English) and every figure of the "
          "summary, numbers printed as %.10g. A figure that is not a finite number is null. "
          "spl_max_1k_db, headroom_db, damping_factor, voc_available_vrms and i_available_ma "
          "always have a sibling “<name>_state”: “known”, “unknown” (not given; that check was "
          "skipped) or “unlimited” (no limit applies).\n"
          "\n"
          "Exit status: 0 on success, 1 on bad input (files, values), 2 on bad usage."));
      break;

    case HR_CLI_COMMAND_RANK:
    default:
      g_assert_not_reached ();
    }
}

int
hr_cli_run_with_options (char           **argv,
                         GOptionContext  *context,
                         const gboolean  *help,
                         HrCliRunFunc     run,
                         gpointer         options)
{
  g_autofree char *prgname = g_strdup_printf ("%s %s", HR_CLI_PROGRAM_NAME, argv[0]);
  g_auto(GStrv) args = g_strdupv (argv);
  g_autoptr(GError) error = NULL;

  /* The usage line reads "headroom-cli sweep [OPTION…]", as git's do. */
  g_set_prgname (prgname);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_usage_error (error->message, prgname);
      return HR_CLI_EXIT_USAGE;
    }
  if (*help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      return HR_CLI_EXIT_SUCCESS;
    }
  if (args[1] != NULL)
    {
      g_autofree char *message = g_strdup_printf (_("unexpected argument “%s”"), args[1]);

      print_usage_error (message, prgname);
      return HR_CLI_EXIT_USAGE;
    }
  if (!run (options, &error))
    {
      if (exit_status_for (error) == HR_CLI_EXIT_USAGE)
        print_usage_error (error->message, prgname);
      else
        print_error (error);
      return exit_status_for (error);
    }
  return HR_CLI_EXIT_SUCCESS;
}

/* What sweep and check do once their options are read. */
typedef struct
{
  HrCliCommand command;
  HrCliOptions options;
} CommandRun;

static gboolean
run_request (gpointer   user_data,
             GError   **error)
{
  CommandRun *run = user_data;
  HrCliRequest request;

  return hr_cli_build_request (run->command, &run->options, &request, error) &&
         hr_cli_run_request (&run->options, &request, error);
}

static int
run_command (HrCliCommand   command,
             char         **argv)
{
  CommandRun run = { command, { 0 } };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GArray) entries = NULL;
  g_autofree char *points_help = NULL;
  int status;

  points_help = g_strdup_printf (_("Number of frequencies (default: %u)"),
                                 command == HR_CLI_COMMAND_SWEEP ? HR_SWEEP_DEFAULT_POINTS
                                                                 : HR_SUMMARY_DEFAULT_POINTS);
  entries = build_entries (command, &run.options, points_help);
  g_option_context_add_main_entries (context, &g_array_index (entries, GOptionEntry, 0), GETTEXT_PACKAGE);
  describe_command (command, context);

  status = hr_cli_run_with_options (argv, context, &run.options.help, run_request, &run);
  hr_cli_options_clear (&run.options);
  return status;
}

static gboolean
command_from_name (const char   *name,
                   HrCliCommand *command)
{
  if (g_str_equal (name, "sweep"))
    *command = HR_CLI_COMMAND_SWEEP;
  else if (g_str_equal (name, "check"))
    *command = HR_CLI_COMMAND_CHECK;
  else
    return FALSE;
  return TRUE;
}

int
hr_cli_run (int    argc,
            char **argv)
{
  gboolean help = FALSE;
  gboolean version = FALSE;
  const GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show this help and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [OPTION…]"));
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = g_new0 (char *, argc + 1);
  HrCliCommand command;

  for (int i = 0; i < argc; i++)
    args[i] = g_strdup (argv[i]);

  g_set_prgname (HR_CLI_PROGRAM_NAME);
  /* Stop at the command: its options belong to its own context. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Whether an audio source can drive a pair of headphones: level, clipping, "
      "and what its output impedance does to the frequency response."));
  g_option_context_set_description (context,
    _("Commands:\n"
      "  sweep    the circuit frequency by frequency, as CSV or JSON\n"
      "  check    the verdict, its reasons and the key figures\n"
      "  list     the presets of sources and headphones\n"
      "  show     one preset, every figure with where it comes from\n"
      "  preset   add, edit, remove your own presets\n"
      "  infer    a source's figures from its spec sheet's power table\n"
      "  export   charts as PNG, SVG or PDF, and their data as CSV\n"
      "  eq       the EQ that undoes the source, for Equalizer APO or EasyEffects\n"
      "  fit      a driver's model from the figures of a published impedance plot\n"
      "  rank     the sources that drive these headphones, or the headphones this output drives\n"
      "  explain  why: the verdict step by step, with the numbers, and what would fix it\n"
      "\n"
      "Run “headroom-cli COMMAND --help” for the options of a command."));

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      print_usage_error (error->message, HR_CLI_PROGRAM_NAME);
      return HR_CLI_EXIT_USAGE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      return HR_CLI_EXIT_SUCCESS;
    }

  if (version)
    {
      g_print ("%s %s\n", HR_CLI_PROGRAM_NAME, PACKAGE_VERSION);
      return HR_CLI_EXIT_SUCCESS;
    }

  if (args[0] == NULL || args[1] == NULL)
    {
      print_usage_error (_("no command given, use sweep, check, list, show, preset, infer, export, eq, fit, rank or explain"),
                         HR_CLI_PROGRAM_NAME);
      return HR_CLI_EXIT_USAGE;
    }

  /* Commands with options of their own, in files of their own. */
  if (g_str_equal (args[1], "list"))
    return hr_cli_list (args + 1);
  if (g_str_equal (args[1], "show"))
    return hr_cli_show (args + 1);
  if (g_str_equal (args[1], "preset"))
    return hr_cli_preset (args + 1);
  if (g_str_equal (args[1], "infer"))
    return hr_cli_infer ((int) g_strv_length (args + 1), args + 1);
  if (g_str_equal (args[1], "export"))
    return hr_cli_export ((int) g_strv_length (args + 1), args + 1);
  if (g_str_equal (args[1], "eq"))
    return hr_cli_eq ((int) g_strv_length (args + 1), args + 1);
  if (g_str_equal (args[1], "fit"))
    return hr_cli_fit ((int) g_strv_length (args + 1), args + 1);
  if (g_str_equal (args[1], "rank"))
    return hr_cli_rank ((int) g_strv_length (args + 1), args + 1);
  if (g_str_equal (args[1], "explain"))
    return hr_cli_explain ((int) g_strv_length (args + 1), args + 1);

  if (!command_from_name (args[1], &command))
    {
      g_autofree char *message =
        g_strdup_printf (_("unknown command “%s”, use sweep, check, list, show, preset, infer, export, eq, fit, rank or explain"),
                         args[1]);

      print_usage_error (message, HR_CLI_PROGRAM_NAME);
      return HR_CLI_EXIT_USAGE;
    }

  return run_command (command, args + 1);
}
