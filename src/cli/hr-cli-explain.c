/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hr-cli.h"
#include "hr-cli-explain.h"
#include "hr-cli-private.h"
#include "hr-explain-fixes.h"
#include "hr-json-write.h"
#include "hr-summary-json.h"

/* headroom-cli explain: why, as the app's Why? page says it. The
 * configuration is check's; the steps come from hr_explain_steps(), the
 * fixes from hr_explain_fixes(). Text and Markdown are for people, in
 * their language; JSON is English with a dot, each step a code and its
 * figures as the verdict's reasons are. */

typedef enum
{
  FORMAT_TEXT,
  FORMAT_MARKDOWN,
  FORMAT_JSON,
} Format;

typedef struct
{
  HrCliOptions  common;
  char         *freq_text;
  char         *explain_format;
} ExplainOptions;

static void
explain_options_clear (ExplainOptions *options)
{
  hr_cli_options_clear (&options->common);
  g_clear_pointer (&options->freq_text, g_free);
  g_clear_pointer (&options->explain_format, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExplainOptions, explain_options_clear)

static gboolean
parse_options (const ExplainOptions  *options,
               double                *freq_hz,
               Format                *format,
               GError               **error)
{
  char *end = NULL;

  *format = FORMAT_TEXT;
  if (options->explain_format != NULL)
    {
      if (g_str_equal (options->explain_format, "markdown"))
        *format = FORMAT_MARKDOWN;
      else if (g_str_equal (options->explain_format, "json"))
        *format = FORMAT_JSON;
      else if (!g_str_equal (options->explain_format, "text"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--format must be text, markdown or json, got “%s”"), options->explain_format);
          return FALSE;
        }
    }
  *freq_hz = 1000.0;
  if (options->freq_text != NULL)
    {
      *freq_hz = g_ascii_strtod (options->freq_text, &end);
      if (end == options->freq_text || *end != '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("%s needs a number, got “%s”"), "--freq", options->freq_text);
          return FALSE;
        }
      if (!(*freq_hz >= HR_AUDIO_BAND_MIN_HZ && *freq_hz <= HR_AUDIO_BAND_MAX_HZ))
        {
          g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                       _("--freq must be from 20 to 20000 Hz, got %s"), options->freq_text);
          return FALSE;
        }
    }
  return TRUE;
}

/* @text broken into lines of at most @width characters, each after
 * @indent, for a terminal. */
static gboolean
is_unit (const char *word)
{
  static const char *const units[] = { "Ω", "kΩ", "dB", "Vrms", "mA", "mW", "Hz", "kHz", "%", "µV", NULL };
  g_autofree char *bare = g_strdup (word);
  gsize length = strlen (bare);

  /* "Ω," and "dB;" are units too. */
  while (length > 0 && strchr (",.;:)", bare[length - 1]) != NULL)
    bare[--length] = '\0';
  return g_strv_contains (units, bare);
}

static void
append_wrapped (GString    *out,
                const char *text,
                const char *indent,
                glong       width)
{
  g_auto(GStrv) split = g_strsplit (text, " ", -1);
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  glong column = 0;

  /* A figure and its unit stay on one line. */
  for (guint i = 0; split[i] != NULL; i++)
    {
      if (words->len > 0 && is_unit (split[i]))
        {
          char *joined = g_strconcat (g_ptr_array_index (words, words->len - 1), " ", split[i], NULL);

          g_free (g_ptr_array_index (words, words->len - 1));
          g_ptr_array_index (words, words->len - 1) = joined;
        }
      else
        g_ptr_array_add (words, g_strdup (split[i]));
    }

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      glong length = g_utf8_strlen (word, -1);

      if (column == 0)
        {
          g_string_append (out, indent);
          column = g_utf8_strlen (indent, -1);
        }
      else if (column + 1 + length > width)
        {
          g_string_append_printf (out, "\n%s", indent);
          column = g_utf8_strlen (indent, -1);
        }
      else
        {
          g_string_append_c (out, ' ');
          column++;
        }
      g_string_append (out, word);
      column += length;
    }
  g_string_append_c (out, '\n');
}

static char *
format_people (const char      *label,
               const HrSummary *summary,
               GArray          *steps,
               GPtrArray       *fixes,
               gboolean         markdown)
{
  GString *out = g_string_new (NULL);

  if (markdown)
    /* Translators: a Markdown heading, "Why: HD 650 on Fireface 800 · Line out" */
    g_string_append_printf (out, _("# Why: %s\n\n**%s**\n"), label, hr_verdict_to_string (summary->verdict));
  else
    g_string_append_printf (out, "%s: %s\n", label, hr_verdict_to_string (summary->verdict));

  for (guint i = 0; i < steps->len; i++)
    {
      const HrExplainStep *step = &g_array_index (steps, HrExplainStep, i);
      g_autofree char *title = hr_explain_step_title (step, TRUE);
      g_autofree char *text = hr_explain_step_format (step, TRUE);
      g_autofree char *shown = hr_explain_shown_in (step->chart, TRUE);

      if (markdown)
        g_string_append_printf (out, "\n## %u. %s\n\n%s\n\n*%s*\n", i + 1, title, text, shown);
      else
        {
          g_string_append_printf (out, "\n%u. %s\n", i + 1, title);
          append_wrapped (out, text, "   ", 78);
          append_wrapped (out, shown, "   ", 78);
        }
    }

  if (markdown)
    g_string_append_printf (out, "\n## %s\n\n", _("What would fix it"));
  else
    g_string_append_printf (out, "\n%s\n", _("What would fix it"));
  if (fixes->len == 0)
    {
      const char *nothing = summary->verdict == HR_VERDICT_DRIVES_WELL
                            ? _("Nothing needs fixing: it drives them well.")
                            : _("Nothing in the presets does better than this.");

      if (markdown)
        g_string_append_printf (out, "%s\n", nothing);
      else
        append_wrapped (out, nothing, "   ", 78);
    }
  for (guint i = 0; i < fixes->len; i++)
    {
      g_autofree char *text = hr_explain_fix_format (g_ptr_array_index (fixes, i), summary, TRUE);

      if (markdown)
        g_string_append_printf (out, "- %s\n", text);
      else
        {
          g_autofree char *bullet = g_strdup_printf ("• %s", text);

          append_wrapped (out, bullet, "   ", 78);
        }
    }
  return g_string_free (out, FALSE);
}

static char *
format_json (const HrScenarioCircuit *resolved,
             const char              *source_name,
             const HrSummary         *summary,
             double                   freq_hz,
             GArray                  *steps,
             GPtrArray               *fixes)
{
  GString *out = g_string_new ("{");
  HrJsonMembers members;

  hr_json_members_init (&members, out, "  ");
  hr_json_member_string (&members, "headphone", hr_headphone_get_name (resolved->headphone));
  hr_json_member_string (&members, "source", source_name);
  hr_json_member_string (&members, "verdict", hr_verdict_to_id (summary->verdict));
  hr_json_member_number (&members, "freq_hz", freq_hz);
  hr_json_member_key (&members, "steps");
  g_string_append (out, "[");
  for (guint i = 0; i < steps->len; i++)
    {
      const HrExplainStep *step = &g_array_index (steps, HrExplainStep, i);
      g_autofree char *title = hr_explain_step_title (step, FALSE);
      g_autofree char *text = hr_explain_step_format (step, FALSE);

      g_string_append (out, i > 0 ? ",\n    {\"code\": " : "\n    {\"code\": ");
      hr_json_append_string (out, hr_explain_code_to_string (step->code));
      g_string_append (out, ", \"chart\": ");
      hr_json_append_string (out, step->chart);
      g_string_append_printf (out, ", \"known\": %s", step->known ? "true" : "false");
      hr_json_append_args (out, step->args, step->n_args);
      g_string_append (out, ", \"title\": ");
      hr_json_append_string (out, title);
      g_string_append (out, ", \"text\": ");
      hr_json_append_string (out, text);
      g_string_append (out, "}");
    }
  g_string_append (out, steps->len > 0 ? "\n  ]" : "]");
  hr_json_member_key (&members, "fixes");
  g_string_append (out, "[");
  for (guint i = 0; i < fixes->len; i++)
    {
      const HrExplainFix *fix = g_ptr_array_index (fixes, i);
      g_autofree char *text = hr_explain_fix_format (fix, summary, FALSE);

      g_string_append (out, i > 0 ? ",\n    {\"code\": " : "\n    {\"code\": ");
      hr_json_append_string (out, hr_fix_code_to_string (fix->code));
      g_string_append (out, ", \"label\": ");
      hr_json_append_string (out, fix->label);
      g_string_append (out, ", \"verdict\": ");
      hr_json_append_string (out, hr_verdict_to_id (fix->summary->verdict));
      g_string_append (out, ", \"deviation_span_db\": ");
      hr_json_append_number (out, fix->summary->deviation_span_db);
      g_string_append (out, ", \"headroom_db\": ");
      hr_json_append_number (out, fix->summary->headroom_db);
      if (fix->code == HR_FIX_ADAPTER)
        {
          g_string_append (out, ", \"shunt_ohm\": ");
          hr_json_append_number (out, fix->shunt_ohm);
          g_string_append (out, ", \"zout_seen_ohm\": ");
          hr_json_append_number (out, fix->zout_seen_ohm);
        }
      if (fix->code == HR_FIX_HEADPHONES)
        {
          g_string_append (out, ", \"min_nominal_ohm\": ");
          hr_json_append_number (out, fix->min_nominal_ohm);
        }
      g_string_append (out, ", \"text\": ");
      hr_json_append_string (out, text);
      g_string_append (out, "}");
    }
  g_string_append (out, fixes->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

static gboolean
run_explain (gpointer   user_data,
             GError   **error)
{
  const ExplainOptions *options = user_data;
  g_auto(HrCliComputed) computed = { 0 };
  g_autoptr(GArray) steps = NULL;
  g_autoptr(GPtrArray) fixes = NULL;
  g_autofree char *label = NULL;
  g_autofree char *source_name = NULL;
  g_autofree char *text = NULL;
  const char *output_kind = NULL;
  HrCliRequest request;
  double freq_hz;
  Format format;

  if (!parse_options (options, &freq_hz, &format, error) ||
      !hr_cli_build_request (HR_CLI_COMMAND_CHECK, &options->common, &request, error))
    return FALSE;
  if (!hr_cli_compute_options (&options->common, &request, HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ,
                               &computed, error))
    return FALSE;

  if (computed.resolved->source_preset != NULL)
    {
      output_kind = hr_output_kind_to_string (hr_source_preset_get_output (computed.resolved->source_preset,
                                                                           computed.resolved->output_index)->kind);
      source_name = hr_source_preset_dup_output_label (computed.resolved->source_preset,
                                                       computed.resolved->output_index);
    }
  else
    source_name = g_strdup (computed.resolved->source_name);
  steps = hr_explain_steps (computed.sweep, computed.summary, &computed.resolved->circuit, freq_hz, output_kind);
  if (computed.db == NULL)
    computed.db = hr_cli_open_db (error);
  if (computed.db == NULL)
    return FALSE;
  fixes = hr_explain_fixes (computed.db, computed.scenario, computed.summary, error);
  if (fixes == NULL)
    return FALSE;

  label = hr_scenario_circuit_dup_label (computed.resolved);
  text = format == FORMAT_JSON ? format_json (computed.resolved, source_name, computed.summary, freq_hz, steps, fixes)
                               : format_people (label, computed.summary, steps, fixes, format == FORMAT_MARKDOWN);
  if (fputs (text, stdout) < 0 || fflush (stdout) != 0)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("cannot write the output"));
      return FALSE;
    }
  return TRUE;
}

static void
describe (GOptionContext *context)
{
  g_option_context_set_summary (context,
    _("Explains the verdict step by step, with the configuration's own numbers, and what would fix it."));
  g_option_context_set_description (context,
    _("The configuration is the one of --headphone or --headphone-file and --source, --source-file "
      "or --zout, as for check. The steps: the voltage divider of the output impedance and the "
      "headphones' at --freq (default 1000 Hz); what the output was made for and the 1/8 rule; why "
      "the response moves; the voltage and current the level needs against what the source has; "
      "noise where known. Then what would do better: the same source's other output, the best "
      "source, an impedance adapter, the best headphones.\n"
      "JSON: {\"headphone\", \"source\", \"verdict\", \"freq_hz\", \"steps\": [{\"code\", \"chart\", "
      "\"known\", the step's figures, \"title\", \"text\"}], \"fixes\": [{\"code\", \"label\", "
      "\"verdict\", \"deviation_span_db\", \"headroom_db\", …, \"text\"}]}, in English.\n"
      "\n"
      "Exit status: 0 on success, 1 on bad input, 2 on bad usage."));
}

int
hr_cli_explain (int    argc,
                char **argv)
{
  g_auto(ExplainOptions) options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  const GOptionEntry explain_entries[] = {
    { "freq", 0, 0, G_OPTION_ARG_STRING, &options.freq_text,
      N_("Where to read the divider (default: 1000)"), N_("HZ") },
    { "crest-factor", 0, 0, G_OPTION_ARG_STRING, &options.common.crest_factor_text,
      N_("How far music peaks rise above its average level (default: 12)"), N_("DB") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.explain_format,
      N_("Output format: text, markdown or json (default: text)"), N_("FORMAT") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options.common.help,
      N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GArray) entries = hr_cli_scenario_entries (&options.common, _("Number of frequencies (default: 481)"));

  g_array_append_vals (entries, explain_entries, G_N_ELEMENTS (explain_entries));
  g_option_context_add_main_entries (context, &g_array_index (entries, GOptionEntry, 0), GETTEXT_PACKAGE);
  describe (context);

  return hr_cli_run_with_options (argv, context, &options.common.help, run_explain, &options);
}
