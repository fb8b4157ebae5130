/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-ranking.h"

/* Each candidate is the base scenario with its gear swapped: the level,
 * the cable, the adapter and the crest factor stay, and figures set in
 * place of the base gear's own (--zout, --vmax, a response) do not carry
 * over to other gear. It is computed by hr_scenario_compute() on the
 * grid `check` uses, so that a candidate's verdict and figures are
 * check's for that pair. */

static void
entry_free (HrRankingEntry *entry)
{
  g_clear_object (&entry->scenario);
  g_clear_object (&entry->preset);
  g_free (entry->source_name);
  g_free (entry->headphone_name);
  g_clear_pointer (&entry->summary, hr_summary_free);
  g_clear_error (&entry->error);
  g_free (entry);
}

static HrScenario *
candidate_scenario (HrScenario *base)
{
  HrScenario *scenario = hr_scenario_new ();

  hr_scenario_set_drive (scenario, hr_scenario_get_drive (base));
  hr_scenario_set_cable_ohm (scenario, hr_scenario_get_cable_ohm (base));
  hr_scenario_set_adapter_series_ohm (scenario, hr_scenario_get_adapter_series_ohm (base));
  hr_scenario_set_adapter_shunt_ohm (scenario, hr_scenario_get_adapter_shunt_ohm (base));
  hr_scenario_set_crest_factor_db (scenario, hr_scenario_get_crest_factor_db (base));
  return scenario;
}

static gboolean
kept (HrPreset               *preset,
      const HrRankingOptions *options)
{
  if (options->mine_only && hr_preset_get_origin (preset) != HR_PRESET_ORIGIN_USER)
    return FALSE;
  if (options->categories != NULL
      && !g_strv_contains (options->categories, hr_preset_get_class_name (preset)))
    return FALSE;
  return TRUE;
}

static void
compute (HrRankingEntry *entry,
         HrPresetDb     *db,
         HrSweep        *sweep)
{
  g_autoptr(HrScenarioCircuit) resolved = NULL;

  entry->summary = hr_scenario_compute (entry->scenario, db, sweep, &resolved, &entry->error);
  if (entry->summary == NULL)
    {
      /* Only an unknown figure keeps a preset's candidate from being
       * computed; say which. */
      if (g_error_matches (entry->error, HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_FIGURE))
        entry->missing = HR_RANK_MISSING_OUTPUT_IMPEDANCE;
      return;
    }
  entry->headphone_name = g_strdup (hr_headphone_get_name (resolved->headphone));
  entry->source_name = resolved->source_preset != NULL
                       ? hr_source_preset_dup_output_label (resolved->source_preset, resolved->output_index)
                       : g_strdup (resolved->source_name);
  entry->missing = hr_rank_missing (entry->summary);
  entry->score_db = hr_rank_score (entry->summary);
}

/* The gear that stays must be there, said with resolve's own words: the
 * base's side resolved against a stand-in for the other. A source whose
 * output impedance is unknown still lists the headphones it would drive
 * (each "can't tell"). */
static gboolean
check_base (HrScenario          *base,
            HrPresetDb          *db,
            HrRankingDirection   direction,
            GError             **error)
{
  g_autoptr(HrScenario) probe = hr_scenario_new ();
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  g_autoptr(GError) local_error = NULL;

  if (direction == HR_RANKING_SOURCES)
    hr_scenario_set_headphone_preset (probe, hr_scenario_get_headphone_id (base));
  else
    {
      g_autoptr(HrImpedance) impedance = hr_impedance_new_resistor (32.0, NULL);
      g_autoptr(HrHeadphone) stand_in = hr_headphone_new ("32 Ω", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V,
                                                          impedance, NULL);

      hr_scenario_set_headphone_model (probe, stand_in);
      hr_scenario_set_source_preset (probe, hr_scenario_get_source_id (base), hr_scenario_get_output_id (base));
    }
  resolved = hr_scenario_resolve (probe, db, &local_error);
  if (resolved == NULL && !g_error_matches (local_error, HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_FIGURE))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Ranked first, best first; then "can't tell", in the database's order. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const HrRankingEntry *entry_a = *(HrRankingEntry *const *) a;
  const HrRankingEntry *entry_b = *(HrRankingEntry *const *) b;
  gboolean told_a = entry_a->summary != NULL && entry_a->missing == HR_RANK_MISSING_NONE;
  gboolean told_b = entry_b->summary != NULL && entry_b->missing == HR_RANK_MISSING_NONE;

  if (told_a != told_b)
    return told_a ? -1 : 1;
  if (!told_a)
    return 0;
  return hr_rank_compare (entry_a->summary, entry_b->summary);
}

struct _HrRankingJob
{
  GPtrArray *entries;   /* of HrRankingEntry, not computed yet */
  guint      n_points;
};

void
hr_ranking_job_free (HrRankingJob *job)
{
  if (job == NULL)
    return;
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_free (job);
}

/**
 * hr_ranking_job_new:
 * @base: the scenario whose headphones (%HR_RANKING_SOURCES) or source
 *   (%HR_RANKING_HEADPHONES) stay
 *
 * Returns: (transfer full): the candidates to compute, or %NULL with
 *   @error set if @base's own gear cannot be found
 */
HrRankingJob *
hr_ranking_job_new (HrPresetDb              *db,
                    HrScenario              *base,
                    const HrRankingOptions  *options,
                    GError                 **error)
{
  g_autoptr(HrRankingJob) job = g_new0 (HrRankingJob, 1);
  g_autoptr(GPtrArray) presets = NULL;
  HrPreset *stays;

  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);
  g_return_val_if_fail (HR_IS_SCENARIO (base), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_base (base, db, options->direction, error))
    return NULL;
  job->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  job->n_points = options->n_points > 0 ? options->n_points : HR_SUMMARY_DEFAULT_POINTS;
  stays = options->direction == HR_RANKING_SOURCES
          ? HR_PRESET (hr_preset_db_lookup_headphone (db, hr_scenario_get_headphone_id (base)))
          : HR_PRESET (hr_preset_db_lookup_source (db, hr_scenario_get_source_id (base)));

  presets = hr_preset_db_list (db, options->direction == HR_RANKING_SOURCES ? HR_PRESET_KIND_SOURCE
                                                                            : HR_PRESET_KIND_HEADPHONE, NULL);
  for (guint i = 0; i < presets->len; i++)
    {
      HrPreset *preset = g_ptr_array_index (presets, i);
      guint n_outputs = HR_IS_SOURCE_PRESET (preset) ? hr_source_preset_get_n_outputs (HR_SOURCE_PRESET (preset)) : 1;

      if (!kept (preset, options))
        continue;
      for (guint o = 0; o < n_outputs; o++)
        {
          HrRankingEntry *entry = g_new0 (HrRankingEntry, 1);

          /* Both sides inline: the run reads no database. */
          entry->preset = g_object_ref (preset);
          entry->output_index = o;
          entry->scenario = candidate_scenario (base);
          if (options->direction == HR_RANKING_SOURCES)
            {
              hr_scenario_set_headphone_inline (entry->scenario, HR_HEADPHONE_PRESET (stays));
              hr_scenario_set_source_inline (entry->scenario, HR_SOURCE_PRESET (preset),
                                             hr_source_preset_get_output (HR_SOURCE_PRESET (preset), o)->id);
            }
          else
            {
              hr_scenario_set_headphone_inline (entry->scenario, HR_HEADPHONE_PRESET (preset));
              hr_scenario_set_source_inline (entry->scenario, HR_SOURCE_PRESET (stays),
                                             hr_scenario_get_output_id (base));
            }
          g_ptr_array_add (job->entries, entry);
        }
    }
  return g_steal_pointer (&job);
}

/**
 * hr_ranking_job_run:
 *
 * Computes every candidate, on the grid `check` uses, and orders them.
 *
 * Returns: (transfer full) (element-type HrRankingEntry): every candidate
 *   once, ranked ones best first with @rank set, then the ones that
 *   cannot be told apart; %NULL if @cancellable was cancelled. The job is
 *   spent.
 */
GPtrArray *
hr_ranking_job_run (HrRankingJob *job,
                    GCancellable *cancellable)
{
  g_autoptr(GPtrArray) entries = g_steal_pointer (&job->entries);
  g_autoptr(HrSweep) sweep = NULL;
  guint rank = 0;

  g_return_val_if_fail (entries != NULL, NULL);

  sweep = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ, job->n_points, NULL);
  g_return_val_if_fail (sweep != NULL, NULL);
  for (guint i = 0; i < entries->len; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        return NULL;
      compute (g_ptr_array_index (entries, i), NULL, sweep);
    }

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      HrRankingEntry *entry = g_ptr_array_index (entries, i);

      if (entry->summary != NULL && entry->missing == HR_RANK_MISSING_NONE)
        entry->rank = ++rank;
    }
  return g_steal_pointer (&entries);
}

/**
 * hr_ranking_new:
 *
 * hr_ranking_job_new() and hr_ranking_job_run(), here and now.
 *
 * Returns: (transfer full) (element-type HrRankingEntry): as
 *   hr_ranking_job_run(), or %NULL with @error set
 */
GPtrArray *
hr_ranking_new (HrPresetDb              *db,
                HrScenario              *base,
                const HrRankingOptions  *options,
                GError                 **error)
{
  g_autoptr(HrRankingJob) job = hr_ranking_job_new (db, base, options, error);

  return job != NULL ? hr_ranking_job_run (job, NULL) : NULL;
}
