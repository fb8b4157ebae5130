/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "hr-cli.h"
#include "hr-cli-private.h"
#include "hr-cli-rank.h"
#include "hr-json-write.h"
#include "hr-ranking.h"
#include "hr-summary-json.h"

/* headroom-cli rank: what instead. --headphone ID ranks every output of
 * every source for these headphones; --source ID [--output NAME] ranks
 * every pair of headphones for that output. Each candidate is computed as
 * `check` computes it (hr_ranking_new()), so its JSON element holds the
 * keys and values `check --format json` gives for that pair; the order is
 * hr_rank_compare()'s, documented in hr-rank.h and the README. */

typedef struct
{
  HrCliOptions   common;
  char         **categories;
  gboolean       mine;
  char          *limit_text;
} RankOptions;

static void
rank_options_clear (RankOptions *options)
{
  hr_cli_options_clear (&options->common);
  g_clear_pointer (&options->categories, g_strfreev);
  g_clear_pointer (&options->limit_text, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RankOptions, rank_options_clear)

/* The names of the categories or types the candidates may have. */
static gboolean
check_categories (const RankOptions  *options,
                  HrRankingDirection  direction,
                  GError            **error)
{
  const char *const *names = direction == HR_RANKING_SOURCES ? hr_source_category_names ()
                                                             : hr_headphone_type_names ();

  for (guint i = 0; options->categories != NULL && options->categories[i] != NULL; i++)
    if (!g_strv_contains (names, options->categories[i]))
      {
        g_autofree char *list = g_strjoinv (", ", (char **) names);

        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("--category must be one of %s, got “%s”"), list, options->categories[i]);
        return FALSE;
      }
  return TRUE;
}

static gboolean
parse_limit (const char  *text,
             guint       *limit,
             GError     **error)
{
  char *end = NULL;
  gint64 value;

  *limit = G_MAXUINT;
  if (text == NULL)
    return TRUE;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 1 || value > G_MAXINT)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--limit needs a whole number of 1 or more, got “%s”"), text);
      return FALSE;
    }
  *limit = (guint) value;
  return TRUE;
}

static char *
missing_list (HrRankMissing missing,
              gboolean      for_people)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint bit = 0; bit < HR_RANK_N_MISSING; bit++)
    if (missing & (1u << bit))
      g_ptr_array_add (names, (gpointer) (for_people ? hr_rank_missing_to_string (1u << bit)
                                                     : hr_rank_missing_to_field (1u << bit)));
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* One element: the candidate's ids, its rank (null for "can't tell") and
 * what it lacks, then check's own members for the pair. */
static void
append_json_entry (GString              *out,
                   const HrRankingEntry *entry,
                   HrRankingDirection    direction)
{
  HrJsonMembers members;

  g_string_append (out, "  {");
  hr_json_members_init (&members, out, "    ");
  if (direction == HR_RANKING_SOURCES)
    {
      hr_json_member_string (&members, "source_id", hr_preset_get_id (entry->preset));
      hr_json_member_string (&members, "output_id",
                             hr_source_preset_get_output (HR_SOURCE_PRESET (entry->preset),
                                                          entry->output_index)->id);
    }
  else
    hr_json_member_string (&members, "headphone_id", hr_preset_get_id (entry->preset));
  hr_json_member_key (&members, "rank");
  if (entry->rank > 0)
    g_string_append_printf (out, "%u", entry->rank);
  else
    g_string_append (out, "null");
  hr_json_member_key (&members, "missing");
  g_string_append_c (out, '[');
  for (guint bit = 0, n = 0; bit < HR_RANK_N_MISSING; bit++)
    if (entry->missing & (1u << bit))
      {
        if (n++ > 0)
          g_string_append (out, ", ");
        hr_json_append_string (out, hr_rank_missing_to_field (1u << bit));
      }
  g_string_append_c (out, ']');
  if (entry->summary != NULL)
    {
      hr_json_member_number (&members, "score_db", entry->score_db);
      hr_json_member_string (&members, "headphone", entry->headphone_name);
      hr_json_member_string (&members, "source", entry->source_name);
      hr_summary_append_json_members (&members, entry->summary);
    }
  else
    /* check would stop here with this message. */
    hr_json_member_string (&members, "error", entry->error->message);
  g_string_append (out, "\n  }");
}

static char *
format_db (double value_db)
{
  if (!isfinite (value_db))
    return g_strdup (value_db > 0 ? _("no limit") : "–");
  /* Translators: a level difference in the rank table, "22.9 dB" */
  return g_strdup_printf (_("%.1f dB"), value_db);
}

/* @text padded with spaces to @width characters, not bytes: names hold
 * "·" and "–". */
static void
append_padded (GString    *out,
               const char *text,
               glong       width)
{
  g_string_append (out, text);
  for (glong n = g_utf8_strlen (text, -1); n < width; n++)
    g_string_append_c (out, ' ');
  g_string_append_c (out, ' ');
}

static const char *
entry_gear (const HrRankingEntry *entry,
            HrRankingDirection    direction)
{
  return direction == HR_RANKING_SOURCES ? entry->source_name : entry->headphone_name;
}

/* The table for people: rank, gear, verdict, headroom, response change
 * and the reason that decided it; then the ones that can't be told, with
 * what they lack. */
static void
append_text (GString            *out,
             GPtrArray          *entries,
             HrRankingDirection  direction,
             guint               limit)
{
  /* Translators: the rank table's headings */
  const char *headings[] = { "#", _("Gear"), _("Verdict"), C_("rank table", "Headroom"), _("Change"), _("Why") };
  glong widths[G_N_ELEMENTS (headings)] = { 0 };
  guint n_ranked = 0;

  for (guint c = 0; c < G_N_ELEMENTS (headings); c++)
    widths[c] = g_utf8_strlen (headings[c], -1);
  for (guint i = 0; i < entries->len; i++)
    {
      const HrRankingEntry *entry = g_ptr_array_index (entries, i);

      if (entry->rank == 0 || entry->rank > limit)
        continue;
      n_ranked++;
      widths[0] = MAX (widths[0], (glong) strlen ("9999"));
      widths[1] = MAX (widths[1], g_utf8_strlen (entry_gear (entry, direction), -1));
      widths[2] = MAX (widths[2], g_utf8_strlen (hr_verdict_to_string (entry->summary->verdict), -1));
      widths[3] = MAX (widths[3], 9);
      widths[4] = MAX (widths[4], 8);
    }

  if (n_ranked == 0)
    g_string_append (out, _("No candidate could be ranked.\n"));
  else
    {
      for (guint c = 0; c < G_N_ELEMENTS (headings) - 1; c++)
        append_padded (out, headings[c], widths[c]);
      g_string_append_printf (out, "%s\n", headings[G_N_ELEMENTS (headings) - 1]);
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const HrRankingEntry *entry = g_ptr_array_index (entries, i);
      const HrReason *deciding;
      g_autofree char *rank = NULL;
      g_autofree char *headroom = NULL;
      g_autofree char *change = NULL;
      g_autofree char *reason = NULL;

      if (entry->rank == 0 || entry->rank > limit)
        continue;
      rank = g_strdup_printf ("%u", entry->rank);
      headroom = format_db (entry->summary->headroom_db);
      change = format_db (entry->summary->deviation_span_db);
      deciding = hr_rank_deciding_reason (entry->summary);
      reason = deciding != NULL ? hr_reason_format (deciding, TRUE) : g_strdup ("");
      append_padded (out, rank, widths[0]);
      append_padded (out, entry_gear (entry, direction), widths[1]);
      append_padded (out, hr_verdict_to_string (entry->summary->verdict), widths[2]);
      append_padded (out, headroom, widths[3]);
      append_padded (out, change, widths[4]);
      g_string_append_printf (out, "%s\n", reason);
    }

  for (guint i = 0, n = 0; i < entries->len; i++)
    {
      const HrRankingEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *missing = NULL;
      g_autofree char *gear = NULL;

      if (entry->rank != 0)
        continue;
      if (n++ == 0)
        g_string_append_printf (out, "\n%s\n", _("Can’t tell (figures missing):"));
      if (direction == HR_RANKING_SOURCES)
        gear = entry->source_name != NULL ? g_strdup (entry->source_name)
                                          : hr_source_preset_dup_output_label (HR_SOURCE_PRESET (entry->preset),
                                                                               entry->output_index);
      else
        gear = g_strdup (entry->headphone_name != NULL ? entry->headphone_name
                                                       : hr_preset_get_name (entry->preset));
      missing = missing_list (entry->missing, TRUE);
      /* Translators: a candidate that cannot be ranked, "Mixer, Phones: output impedance unknown" */
      g_string_append_printf (out, _("  %s: %s unknown\n"), gear, missing);
    }
}

static gboolean
run_rank (gpointer   user_data,
          GError   **error)
{
  const RankOptions *options = user_data;
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(HrScenario) base = hr_scenario_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  HrRankingOptions ranking = HR_RANKING_OPTIONS_INIT;
  HrCliRequest request;
  guint limit;

  if (!hr_cli_build_request (HR_CLI_COMMAND_RANK, &options->common, &request, error))
    return FALSE;
  ranking.direction = options->common.headphone_id != NULL ? HR_RANKING_SOURCES : HR_RANKING_HEADPHONES;
  if (!check_categories (options, ranking.direction, error) ||
      !parse_limit (options->limit_text, &limit, error))
    return FALSE;
  ranking.categories = (const char *const *) options->categories;
  ranking.mine_only = options->mine;

  if (ranking.direction == HR_RANKING_SOURCES)
    hr_scenario_set_headphone_preset (base, options->common.headphone_id);
  else
    hr_scenario_set_source_preset (base, options->common.source_id, options->common.output_name);
  hr_scenario_set_drive (base, &request.drive);
  hr_scenario_set_cable_ohm (base, request.cable_ohm);
  hr_scenario_set_adapter_series_ohm (base, request.adapter_series_ohm);
  hr_scenario_set_adapter_shunt_ohm (base, request.adapter_shunt_ohm);
  hr_scenario_set_crest_factor_db (base, request.crest_factor_db);

  db = hr_cli_open_db (error);
  if (db == NULL)
    return FALSE;
  entries = hr_ranking_new (db, base, &ranking, error);
  if (entries == NULL)
    return FALSE;

  if (request.json)
    {
      /* Every candidate once, whatever --limit says of the text. */
      g_string_append_c (out, '[');
      for (guint i = 0; i < entries->len; i++)
        {
          g_string_append (out, i > 0 ? ",\n" : "\n");
          append_json_entry (out, g_ptr_array_index (entries, i), ranking.direction);
        }
      g_string_append (out, entries->len > 0 ? "\n]\n" : "]\n");
    }
  else
    append_text (out, entries, ranking.direction, limit);

  if (fputs (out->str, stdout) < 0 || fflush (stdout) != 0)
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
    _("Ranks the alternatives: the sources that drive these headphones, or the headphones this output drives."));
  g_option_context_set_description (context,
    _("--headphone ID ranks every output of every source in the presets (bundled and yours); "
      "--source ID [--output NAME] ranks every pair of headphones. The level, the cable and the "
      "adapter apply to every candidate.\n"
      "The order: the verdict first (drives well, then with caveats, then cannot drive), then a "
      "score in dB: headroom above the music's peaks (up to 20 dB) − 10 × the response change − "
      "the hiss above 0 dB SPL. A candidate whose verdict lacks a figure (output impedance, "
      "maximum voltage, impedance curve, sensitivity) is not ranked but listed as “can't tell”, with what is "
      "missing.\n"
      "JSON: an array with every candidate once, each with source_id and output_id (or "
      "headphone_id), rank (null for can't tell), missing, score_db, and the keys and values "
      "that check --format json gives for that pair (or error, where check would stop).\n"
      "\n"
      "Exit status: 0 on success, 1 on bad input, 2 on bad usage."));
}

int
hr_cli_rank (int    argc,
             char **argv)
{
  g_auto(RankOptions) options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (_("(--headphone ID | --source ID [--output NAME])"));
  const GOptionEntry entries[] = {
    { "headphone", 0, 0, G_OPTION_ARG_STRING, &options.common.headphone_id,
      N_("Rank the sources for these headphones, by preset id"), N_("ID") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &options.common.source_id,
      N_("Rank the headphones for this source, by preset id"), N_("ID") },
    { "output", 0, 0, G_OPTION_ARG_STRING, &options.common.output_name,
      N_("With --source: the output, by its id or name (default: the first)"), N_("NAME") },
    { "vs", 0, 0, G_OPTION_ARG_STRING, &options.common.vs_text,
      N_("Drive with this open-circuit voltage (default: 1)"), N_("VRMS") },
    { "spl", 0, 0, G_OPTION_ARG_STRING, &options.common.spl_text,
      N_("Drive to this level at 1 kHz instead"), N_("DB") },
    { "cable", 0, 0, G_OPTION_ARG_STRING, &options.common.cable_text,
      N_("The cable's round-trip resistance (default: 0)"), N_("OHM") },
    { "adapter-series", 0, 0, G_OPTION_ARG_STRING, &options.common.adapter_series_text,
      N_("An impedance adapter's series resistor (default: none)"), N_("OHM") },
    { "adapter-shunt", 0, 0, G_OPTION_ARG_STRING, &options.common.adapter_shunt_text,
      N_("An impedance adapter's shunt resistor, across the headphones (default: none)"), N_("OHM") },
    { "crest-factor", 0, 0, G_OPTION_ARG_STRING, &options.common.crest_factor_text,
      N_("How far music peaks rise above its average level (default: 12)"), N_("DB") },
    { "category", 0, 0, G_OPTION_ARG_STRING_ARRAY, &options.categories,
      N_("Only candidates of this source category or headphone type; may be repeated"), N_("CATEGORY") },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &options.mine,
      N_("Only your own gear"), NULL },
    { "limit", 0, 0, G_OPTION_ARG_STRING, &options.limit_text,
      N_("Show the best N in the table (JSON lists every candidate)"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.common.format,
      N_("Output format: text or json (default: text)"), N_("FORMAT") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options.common.help,
      N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  describe (context);

  return hr_cli_run_with_options (argv, context, &options.common.help, run_rank, &options);
}
