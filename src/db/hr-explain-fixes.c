/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-explain-fixes.h"
#include "hr-ranking.h"

/* Four ways out, each computed as the configuration it would be, on the
 * grid `check` uses, and kept only if the ranking's order puts it above
 * the configuration as it is:
 *
 * - the same source's other output: interfaces and preamps often have a
 *   headphone output beside the line output;
 * - the best source for these headphones (the Alternatives' first);
 * - an adapter: a resistor across the headphones lowers the output
 *   impedance they see to (Zout + R_s) ∥ R_p (PHYSICS.md), at the cost
 *   of voltage; the one that just keeps the 1/8 rule;
 * - the best headphones for this output, and the nominal impedance that
 *   would keep the rule on it.
 */

static void
fix_free (HrExplainFix *fix)
{
  g_clear_object (&fix->scenario);
  g_free (fix->label);
  g_clear_pointer (&fix->summary, hr_summary_free);
  g_free (fix);
}

static HrExplainFix *
fix_new (HrFixCode   code,
         HrScenario *scenario)
{
  HrExplainFix *fix = g_new0 (HrExplainFix, 1);

  fix->code = code;
  fix->scenario = g_object_ref (scenario);
  fix->shunt_ohm = NAN;
  fix->zout_seen_ohm = NAN;
  fix->min_nominal_ohm = NAN;
  return fix;
}

/* Better than @current by the ranking's order, and with nothing missing. */
static gboolean
improves (const HrSummary *candidate,
          const HrSummary *current)
{
  return candidate != NULL && hr_rank_missing (candidate) == HR_RANK_MISSING_NONE
         && hr_rank_compare (candidate, current) < 0;
}

static HrSummary *
compute (HrScenario  *scenario,
         HrPresetDb  *db,
         char       **label)
{
  g_autoptr(HrSweep) sweep = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ,
                                               HR_SUMMARY_DEFAULT_POINTS, NULL);
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  HrSummary *summary = hr_scenario_compute (scenario, db, sweep, &resolved, NULL);

  if (summary != NULL && label != NULL)
    *label = resolved->source_preset != NULL
             ? hr_source_preset_dup_output_label (resolved->source_preset, resolved->output_index)
             : g_strdup (resolved->source_name);
  return summary;
}

static void
add_other_output (GPtrArray       *fixes,
                  HrPresetDb      *db,
                  HrScenario      *scenario,
                  const HrSummary *current)
{
  HrSourcePreset *source = hr_preset_db_lookup_source (db, hr_scenario_get_source_id (scenario));
  HrExplainFix *best = NULL;

  if (source == NULL)
    return;
  for (guint i = 0; i < hr_source_preset_get_n_outputs (source); i++)
    {
      const HrSourceOutput *output = hr_source_preset_get_output (source, i);
      g_autoptr(HrScenario) other = NULL;
      g_autofree char *label = NULL;
      HrSummary *summary;

      if (g_strcmp0 (output->id, hr_scenario_get_output_id (scenario)) == 0)
        continue;
      other = hr_scenario_copy (scenario);
      /* The output's own figures, not the ones moved for the other. */
      hr_scenario_set_source_preset (other, hr_preset_get_id (HR_PRESET (source)), output->id);
      hr_scenario_set_zout_ohm (other, NAN);
      summary = compute (other, db, &label);
      if (!improves (summary, best != NULL ? best->summary : current))
        {
          g_clear_pointer (&summary, hr_summary_free);
          continue;
        }
      g_clear_pointer (&best, fix_free);
      best = fix_new (HR_FIX_OTHER_OUTPUT, other);
      best->summary = summary;
      best->label = g_steal_pointer (&label);
    }
  if (best != NULL)
    g_ptr_array_add (fixes, best);
}

/* The first of a ranking that is not the gear already chosen. */
static const HrRankingEntry *
first_other (GPtrArray  *entries,
             const char *current_id)
{
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      const HrRankingEntry *entry = g_ptr_array_index (entries, i);

      if (entry->rank == 0)
        break;
      if (g_strcmp0 (hr_preset_get_id (entry->preset), current_id) != 0)
        return entry;
    }
  return NULL;
}

static void
add_ranked (GPtrArray          *fixes,
            HrPresetDb         *db,
            HrScenario         *scenario,
            const HrSummary    *current,
            HrRankingDirection  direction)
{
  HrRankingOptions options = HR_RANKING_OPTIONS_INIT;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(HrScenario) other = NULL;
  const HrRankingEntry *best;
  HrExplainFix *fix;

  options.direction = direction;
  entries = hr_ranking_new (db, scenario, &options, NULL);
  best = first_other (entries, direction == HR_RANKING_SOURCES ? hr_scenario_get_source_id (scenario)
                                                               : hr_scenario_get_headphone_id (scenario));
  if (best == NULL || !improves (best->summary, current))
    return;

  /* The preset by id, not inline, so that the sidebar can show it; its
   * own figures, not the ones moved for the gear it replaces. */
  other = hr_scenario_copy (scenario);
  if (direction == HR_RANKING_SOURCES)
    {
      hr_scenario_set_source_preset (other, hr_preset_get_id (best->preset),
                                     hr_source_preset_get_output (HR_SOURCE_PRESET (best->preset),
                                                                  best->output_index)->id);
      hr_scenario_set_zout_ohm (other, NAN);
    }
  else
    {
      hr_scenario_set_headphone_preset (other, hr_preset_get_id (best->preset));
      hr_scenario_set_headphone_z_ohm (other, NAN);
    }
  fix = fix_new (direction == HR_RANKING_SOURCES ? HR_FIX_OTHER_SOURCE : HR_FIX_HEADPHONES, other);
  fix->label = g_strdup (direction == HR_RANKING_SOURCES ? best->source_name : best->headphone_name);
  if (direction == HR_RANKING_HEADPHONES)
    fix->min_nominal_ohm = 8.0 * current->zout_1k_ohm;
  fix->summary = compute (fix->scenario, db, NULL);
  if (fix->summary == NULL)
    {
      fix_free (fix);
      return;
    }
  g_ptr_array_add (fixes, fix);
}

/* Two significant figures, rounded down, so that the rule still holds
 * with the resistor one buys. */
static double
round_down_2 (double value)
{
  double scale = pow (10.0, floor (log10 (value)) - 1.0);

  return floor (value / scale) * scale;
}

static void
add_adapter (GPtrArray       *fixes,
             HrPresetDb      *db,
             HrScenario      *scenario,
             const HrSummary *current)
{
  g_autoptr(HrScenarioCircuit) resolved = hr_scenario_resolve (scenario, db, NULL);
  g_autoptr(HrScenario) adapted = NULL;
  double series_ohm;
  double limit_ohm;
  double shunt_ohm;
  HrExplainFix *fix;
  HrSummary *summary;

  if (resolved == NULL || current->eighth_rule_holds)
    return;
  /* What stands in front of the headphones, the shunt aside, at 1 kHz. */
  series_ohm = resolved->circuit.source.output_impedance_ohm + hr_scenario_get_cable_ohm (scenario)
               + hr_scenario_get_adapter_series_ohm (scenario);
  limit_ohm = current->z_nominal_ohm / 8.0;
  if (!(series_ohm > limit_ohm))
    return;
  shunt_ohm = round_down_2 (1.0 / (1.0 / limit_ohm - 1.0 / series_ohm));
  adapted = hr_scenario_copy (scenario);
  hr_scenario_set_adapter_shunt_ohm (adapted, shunt_ohm);
  summary = compute (adapted, db, NULL);
  if (!improves (summary, current))
    {
      g_clear_pointer (&summary, hr_summary_free);
      return;
    }
  fix = fix_new (HR_FIX_ADAPTER, adapted);
  fix->summary = summary;
  fix->label = g_strdup_printf ("adapter, %g ohm across", shunt_ohm);
  fix->shunt_ohm = shunt_ohm;
  fix->zout_seen_ohm = summary->zout_1k_ohm;
  g_ptr_array_add (fixes, fix);
}

/**
 * hr_explain_fixes:
 * @scenario: the configuration as it is
 * @summary: its summary
 *
 * Returns: (transfer full) (element-type HrExplainFix): what would do
 *   better, the same source's other output first; empty when nothing
 *   does
 */
GPtrArray *
hr_explain_fixes (HrPresetDb       *db,
                  HrScenario       *scenario,
                  const HrSummary  *summary,
                  GError          **error)
{
  g_autoptr(GPtrArray) fixes = g_ptr_array_new_with_free_func ((GDestroyNotify) fix_free);
  gboolean source_preset;
  gboolean headphone_preset;

  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);
  g_return_val_if_fail (HR_IS_SCENARIO (scenario), NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  /* Nothing to fix in what drives them well. */
  if (summary->verdict == HR_VERDICT_DRIVES_WELL)
    return g_steal_pointer (&fixes);
  source_preset = hr_scenario_get_source_kind (scenario) == HR_SCENARIO_SOURCE_PRESET;
  headphone_preset = hr_scenario_get_headphone_kind (scenario) == HR_SCENARIO_HEADPHONE_PRESET;
  if (source_preset)
    add_other_output (fixes, db, scenario, summary);
  if (headphone_preset)
    add_ranked (fixes, db, scenario, summary, HR_RANKING_SOURCES);
  add_adapter (fixes, db, scenario, summary);
  if (source_preset)
    add_ranked (fixes, db, scenario, summary, HR_RANKING_HEADPHONES);
  return g_steal_pointer (&fixes);
}

const char *
hr_fix_code_to_string (HrFixCode code)
{
  static const char *const names[HR_N_FIX_CODES] = {
    [HR_FIX_OTHER_OUTPUT] = "other-output",
    [HR_FIX_OTHER_SOURCE] = "other-source",
    [HR_FIX_ADAPTER] = "adapter",
    [HR_FIX_HEADPHONES] = "headphones",
  };

  g_return_val_if_fail (code < HR_N_FIX_CODES, NULL);
  return names[code];
}

#define T(msgid) hr_format_text (msgid, translate)

/**
 * hr_explain_fix_format:
 * @current: the summary of the configuration as it is
 *
 * Returns: (transfer full): the fix in a sentence, with its figures
 */
char *
hr_explain_fix_format (const HrExplainFix *fix,
                       const HrSummary    *current,
                       gboolean            translate)
{
  g_autofree char *span = NULL;
  g_autofree char *headroom = NULL;
  const char *verdict;

  g_return_val_if_fail (fix != NULL && current != NULL, NULL);

  verdict = hr_verdict_format (fix->summary->verdict, translate);
  span = hr_format_number ("%.2f", fix->summary->deviation_span_db, translate);
  headroom = isfinite (fix->summary->headroom_db)
             ? hr_format_number ("%.1f", fix->summary->headroom_db, translate)
             : g_strdup (T (N_("unlimited")));
  switch (fix->code)
    {
    case HR_FIX_OTHER_OUTPUT:
      return g_strdup_printf (T (N_("Use its %s instead. %s: the response moves %s dB, with %s dB of headroom.")),
                              fix->label, verdict, span, headroom);
    case HR_FIX_OTHER_SOURCE:
      {
        g_autofree char *zout = hr_format_ohm_full (fix->summary->zout_1k_ohm, translate);

        return g_strdup_printf (T (N_("Use %s, with %s of output impedance. %s: the response moves %s dB, with %s dB "
                                      "of headroom.")),
                                fix->label, zout, verdict, span, headroom);
      }
    case HR_FIX_ADAPTER:
      {
        g_autofree char *shunt = hr_format_ohm_full (fix->shunt_ohm, translate);
        g_autofree char *seen = hr_format_ohm_full (fix->zout_seen_ohm, translate);
        g_autofree char *before = hr_format_number ("%.2f", current->deviation_span_db, translate);

        return g_strdup_printf (T (N_("Put a %s resistor across the headphones (an impedance adapter): they then see "
                                      "%s of output impedance and the response moves %s dB instead of %s; %s dB of "
                                      "headroom are left, since the resistor divides the source's voltage too.")),
                                shunt, seen, span, before, headroom);
      }
    case HR_FIX_HEADPHONES:
      {
        g_autofree char *nominal = hr_format_ohm_full (fix->min_nominal_ohm, translate);

        return g_strdup_printf (T (N_("Headphones of %s or more would keep the 1/8 rule on this output. Of those in the "
                                      "presets, %s do best here. %s: the response moves %s dB.")),
                                nominal, fix->label, verdict, span);
      }
    case HR_N_FIX_CODES:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

#undef T
