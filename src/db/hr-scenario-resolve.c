/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-labels.h"
#include "hr-scenario-private.h"

/* From a scenario to what is computed: the gear looked up in today's
 * presets, the user's figures put in place of the gear's own, the circuit
 * checked, and the names a legend and a pin give it. */

void
hr_scenario_circuit_free (HrScenarioCircuit *resolved)
{
  if (resolved == NULL)
    return;

  g_clear_object (&resolved->headphone);
  g_clear_object (&resolved->headphone_preset);
  g_clear_object (&resolved->source_preset);
  g_free (resolved->headphone_name);
  g_free (resolved->source_name);
  g_free (resolved);
}

static gboolean
resolve_headphone (HrScenario         *self,
                   HrPresetDb         *db,
                   HrScenarioCircuit  *resolved,
                   GError            **error)
{
  HrHeadphone *model;

  switch (self->headphone_kind)
    {
    case HR_SCENARIO_HEADPHONE_NONE:
      g_set_error_literal (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD,
                           _("no headphones were chosen"));
      return FALSE;

    case HR_SCENARIO_HEADPHONE_PRESET:
      if (self->headphone_inline != NULL)
        resolved->headphone_preset = g_object_ref (self->headphone_inline);
      else
        {
          HrHeadphonePreset *preset = db != NULL ? hr_preset_db_lookup_headphone (db, self->headphone_id) : NULL;

          if (preset == NULL)
            {
              g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                           _("no headphone preset has the id “%s”"), self->headphone_id);
              return FALSE;
            }
          resolved->headphone_preset = g_object_ref (preset);
        }
      model = hr_headphone_preset_get_headphone (resolved->headphone_preset);
      resolved->headphone_name = g_strdup (hr_preset_get_name (HR_PRESET (resolved->headphone_preset)));
      break;

    case HR_SCENARIO_HEADPHONE_MODEL:
      model = self->headphone_model;
      resolved->headphone_name = g_strdup (hr_headphone_get_name (model));
      break;

    default:
      g_assert_not_reached ();
    }

  /* Moved to another nominal impedance by the user: the 32, 80 and 250 Ω
   * versions of one headphone share one model. */
  if (!isnan (self->headphone_z_ohm)
      && fabs (self->headphone_z_ohm - hr_headphone_get_nominal_impedance_ohm (model))
         > 1e-9 * hr_headphone_get_nominal_impedance_ohm (model))
    {
      resolved->headphone = hr_headphone_new_renominated (model, self->headphone_z_ohm, error);
      if (resolved->headphone == NULL)
        return FALSE;
    }
  else
    resolved->headphone = g_object_ref (model);

  /* A response in place of theirs, and what it was measured on. */
  if (self->response != NULL)
    {
      HrHeadphone *with_response =
        hr_headphone_new_with_response (resolved->headphone, (const HrResponsePoint *) (gpointer) self->response->data,
                                        self->response->len,
                                        hr_headphone_get_sensitivity_ref_freq_hz (resolved->headphone), error);

      if (with_response == NULL)
        return FALSE;
      g_object_unref (resolved->headphone);
      resolved->headphone = with_response;
    }
  if (!isnan (self->response_zout_ohm) && hr_headphone_has_response (resolved->headphone))
    {
      HrHeadphone *measured_on = hr_headphone_new_with_response_zout (resolved->headphone,
                                                                     self->response_zout_ohm, error);

      if (measured_on == NULL)
        return FALSE;
      g_object_unref (resolved->headphone);
      resolved->headphone = measured_on;
    }
  return TRUE;
}

static gboolean
resolve_source (HrScenario         *self,
                HrPresetDb         *db,
                HrScenarioCircuit  *resolved,
                GError            **error)
{
  HrSource *source = &resolved->circuit.source;

  switch (self->source_kind)
    {
    case HR_SCENARIO_SOURCE_IDEAL:
      *source = (HrSource) HR_SOURCE_INIT;
      if (isnan (self->zout_ohm))
        /* Translators: the source when none was chosen: 0 Ω, no limits */
        resolved->source_name = g_strdup (_("an ideal source"));
      else
        {
          g_autofree char *ohm = hr_format_ohm (self->zout_ohm);

          /* Translators: "a 10 Ω source", for a bare output impedance */
          resolved->source_name = g_strdup_printf (_("a %s source"), ohm);
        }
      break;

    case HR_SCENARIO_SOURCE_PRESET:
      {
        HrSourcePreset *preset = self->source_inline;
        const HrSourceOutput *output;
        guint index = 0;

        if (preset == NULL && db != NULL)
          preset = hr_preset_db_lookup_source (db, self->source_id);
        if (preset == NULL)
          {
            g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                         _("no source preset has the id “%s”"), self->source_id);
            return FALSE;
          }
        if (self->output_id != NULL && self->output_id[0] != '\0'
            && !hr_source_preset_find_output (preset, self->output_id, &index))
          {
            g_autoptr(GString) outputs = g_string_new (NULL);

            for (guint i = 0; i < hr_source_preset_get_n_outputs (preset); i++)
              {
                const HrSourceOutput *candidate = hr_source_preset_get_output (preset, i);

                g_string_append_printf (outputs, "%s%s (%s)", i > 0 ? ", " : "",
                                        candidate->id, candidate->name);
              }
            g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                         _("the source “%s” has no output “%s”; its outputs are %s"),
                         self->source_id, self->output_id, outputs->str);
            return FALSE;
          }

        resolved->source_preset = g_object_ref (preset);
        resolved->output_index = index;
        hr_source_preset_build_source (preset, index, source);
        output = hr_source_preset_get_output (preset, index);
        /* Translators: a source's output, "Fireface 800 · Line out" */
        resolved->source_name = g_strdup_printf (_("%s · %s"), hr_preset_get_name (HR_PRESET (preset)),
                                                 hr_output_kind_label (output->kind));
      }
      break;

    case HR_SCENARIO_SOURCE_FIGURES:
      *source = self->source_figures;
      resolved->source_name = g_strdup (self->source_name);
      break;

    default:
      g_assert_not_reached ();
    }

  /* An output impedance nobody gave is explored, never guessed: the user
   * sets one to assume, and the verdict says it is assumed. */
  if (!isnan (self->zout_ohm))
    {
      source->zout_assumed = isnan (source->output_impedance_ohm) || source->zout_assumed;
      source->output_impedance_ohm = self->zout_ohm;
    }
  else if (isnan (source->output_impedance_ohm))
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_FIGURE,
                   _("the output impedance of %s is not known: set one to assume (--zout)"),
                   resolved->source_name);
      return FALSE;
    }
  /* A maximum voltage set by hand holds at every load, in place of the
   * source's steps. */
  if (!isnan (self->source_figures_set[HR_SOURCE_FIGURE_MAX_VOLTAGE]))
    {
      source->max_voltage_vrms = self->source_figures_set[HR_SOURCE_FIGURE_MAX_VOLTAGE];
      source->n_voltage_steps = 0;
    }
  if (!isnan (self->source_figures_set[HR_SOURCE_FIGURE_MAX_CURRENT]))
    source->max_current_ma = self->source_figures_set[HR_SOURCE_FIGURE_MAX_CURRENT];
  if (!isnan (self->source_figures_set[HR_SOURCE_FIGURE_NOISE]))
    source->noise_vrms = self->source_figures_set[HR_SOURCE_FIGURE_NOISE];
  if (!isnan (self->source_figures_set[HR_SOURCE_FIGURE_MIN_LOAD]))
    source->min_load_ohm = self->source_figures_set[HR_SOURCE_FIGURE_MIN_LOAD];
  return TRUE;
}

/**
 * hr_scenario_resolve:
 * @db: (nullable): the presets that ids are looked up in
 *
 * The circuit that the scenario describes with today's presets: the gear
 * looked up, the user's figures put in place of the gear's own.
 *
 * Returns: (transfer full): the circuit and its names, or %NULL with
 *   @error set (HR_DB_ERROR_NOT_FOUND for a preset that is gone)
 */
HrScenarioCircuit *
hr_scenario_resolve (HrScenario  *self,
                     HrPresetDb  *db,
                     GError     **error)
{
  g_autoptr(HrScenarioCircuit) resolved = NULL;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (db == NULL || HR_IS_PRESET_DB (db), NULL);

  resolved = g_new0 (HrScenarioCircuit, 1);
  resolved->circuit.connection = self->connection;
  resolved->drive = self->drive;
  resolved->crest_factor_db = self->crest_factor_db;

  if (!resolve_headphone (self, db, resolved, error) ||
      !resolve_source (self, db, resolved, error))
    return NULL;
  resolved->circuit.headphone = resolved->headphone;

  if (!hr_circuit_validate (&resolved->circuit, error) ||
      !hr_drive_validate (&resolved->drive, error))
    return NULL;
  return g_steal_pointer (&resolved);
}

/**
 * hr_scenario_compute:
 * @sweep: the grid to compute on, recomputed in place
 * @resolved: (out) (optional) (transfer full): the circuit it came from
 *
 * The one computation behind every answer: the scenario resolved, the
 * sweep computed on @sweep's frequencies and the summary with its
 * verdict from it.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
HrSummary *
hr_scenario_compute (HrScenario          *self,
                     HrPresetDb          *db,
                     HrSweep             *sweep,
                     HrScenarioCircuit  **resolved,
                     GError             **error)
{
  g_autoptr(HrScenarioCircuit) circuit = NULL;
  HrSummary *summary;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (sweep != NULL, NULL);

  circuit = hr_scenario_resolve (self, db, error);
  if (circuit == NULL ||
      !hr_sweep_compute (sweep, &circuit->circuit, &circuit->drive, error))
    return NULL;
  summary = hr_summary_compute (sweep, &circuit->circuit, circuit->crest_factor_db, error);
  if (summary != NULL && resolved != NULL)
    *resolved = g_steal_pointer (&circuit);
  return summary;
}

/* "HD 650 on Fireface 800 · Line out": what a chart's legend and the
 * window's title call the configuration. */
char *
hr_scenario_circuit_dup_label (const HrScenarioCircuit *resolved)
{
  g_return_val_if_fail (resolved != NULL, NULL);

  /* Translators: headphones on a source, "HD 650 on Fireface 800 · Line out" */
  return g_strdup_printf (_("%s on %s"), resolved->headphone_name, resolved->source_name);
}

static gboolean
differs (double value,
         double own)
{
  return !isnan (value) && !(fabs (value - own) <= 1e-6 * fmax (fabs (value), fabs (own)));
}

/**
 * hr_scenario_dup_name:
 * @resolved: the scenario resolved
 *
 * What to call a pin of the scenario: its label, and in brackets what
 * differs from the gear's own figures and from a plain cable, so that two
 * pins of one pair at other settings are told apart: "HD 650 on Fireface
 * 800 · Line out (Zout 300 Ω, cable 0.5 Ω)".
 *
 * Returns: (transfer full): the name
 */
char *
hr_scenario_dup_name (HrScenario              *self,
                      const HrScenarioCircuit *resolved)
{
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  const HrConnection *connection;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (resolved != NULL, NULL);

  label = hr_scenario_circuit_dup_label (resolved);
  if (resolved->source_preset != NULL)
    {
      const HrSourceOutput *output = hr_source_preset_get_output (resolved->source_preset,
                                                                  resolved->output_index);

      if (differs (self->zout_ohm, output->output_impedance_ohm.value))
        {
          g_autofree char *ohm = hr_format_ohm (self->zout_ohm);

          /* Translators: in a pin's name, the output impedance set */
          g_ptr_array_add (differences, g_strdup_printf (_("Zout %s"), ohm));
        }
    }
  if (resolved->headphone_preset != NULL
      && differs (self->headphone_z_ohm,
                  hr_headphone_get_nominal_impedance_ohm (hr_headphone_preset_get_headphone (resolved->headphone_preset))))
    {
      g_autofree char *ohm = hr_format_ohm (self->headphone_z_ohm);

      /* Translators: in a pin's name, the headphones moved to another impedance, "150 Ω version" */
      g_ptr_array_add (differences, g_strdup_printf (_("%s version"), ohm));
    }
  connection = &self->connection;
  if (connection->cable_ohm > 0.0)
    {
      g_autofree char *ohm = hr_format_ohm (connection->cable_ohm);

      /* Translators: in a pin's name, the cable's resistance */
      g_ptr_array_add (differences, g_strdup_printf (_("cable %s"), ohm));
    }
  if (connection->adapter_series_ohm > 0.0 || isfinite (connection->adapter_shunt_ohm))
    {
      g_autofree char *series = hr_format_ohm (connection->adapter_series_ohm);
      g_autofree char *shunt = isfinite (connection->adapter_shunt_ohm)
                               ? hr_format_ohm (connection->adapter_shunt_ohm) : g_strdup ("∞");

      /* Translators: in a pin's name, an adapter's series and shunt resistors */
      g_ptr_array_add (differences, g_strdup_printf (_("adapter %s/%s"), series, shunt));
    }

  if (differences->len == 0)
    return g_steal_pointer (&label);
  g_ptr_array_add (differences, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) differences->pdata);

    /* Translators: a pin's name with what differs, "HD 650 on Fireface 800 · Line out (Zout 300 Ω)" */
    return g_strdup_printf (_("%s (%s)"), label, joined);
  }
}
