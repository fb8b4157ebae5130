/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-model-error.h"
#include "hr-summary-private.h"

/* The figures that answer "can this source drive these headphones": taken
 * from a computed sweep over the part of it inside the audio band, and
 * from an exact evaluation at 1 kHz, where sensitivities are specified.
 * The verdict and its words are in hr-verdict.c.
 */

void
hr_summary_free (HrSummary *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->reasons, g_array_unref);
  g_free (self);
}

/* How far @freq_hz is from 1 kHz on a log scale, as the ratio of the two
 * (at least 1): |log(f/1 kHz)| orders the same, and this needs no
 * logarithm. Ties are common (under a voltage limit the headroom is the
 * same at every frequency), so this runs at most points of a sweep. */
static inline double
distance_from_reference (double freq_hz)
{
  return MAX (freq_hz / HR_REFERENCE_FREQ_HZ, HR_REFERENCE_FREQ_HZ / freq_hz);
}

/* Whether a candidate extreme replaces the one held. On a flat curve every
 * point ties, and rounding alone would pick one at random (or the first,
 * 20 Hz); a tie goes to the point nearest 1 kHz, so that "the least
 * headroom is at 20 Hz" is never said of a load that is flat. */
static gboolean
is_new_extreme (double candidate,
                double candidate_freq_hz,
                double held,
                double held_freq_hz)
{
  const double tie = 1e-9 * MAX (1.0, fabs (held));

  if (!isfinite (held) || !isfinite (candidate))
    return candidate < held;

  if (candidate < held - tie)
    return TRUE;
  if (candidate > held + tie)
    return FALSE;
  return distance_from_reference (candidate_freq_hz) < distance_from_reference (held_freq_hz);
}

/* The indices of the sweep inside 20 Hz–20 kHz; all of it if none is. */
static void
find_band (const HrSweep *sweep,
           guint         *first,
           guint         *end)
{
  *first = 0;
  while (*first < sweep->n_points && sweep->freq_hz[*first] < HR_AUDIO_BAND_MIN_HZ)
    (*first)++;
  *end = *first;
  while (*end < sweep->n_points && sweep->freq_hz[*end] <= HR_AUDIO_BAND_MAX_HZ)
    (*end)++;

  if (*first == *end)
    {
      *first = 0;
      *end = sweep->n_points;
    }
}

HrSummary *
hr_summary_compute (const HrSweep    *sweep,
                    const HrCircuit  *circuit,
                    double            crest_factor_db,
                    GError          **error)
{
  g_autoptr(HrSummary) self = NULL;
  HrCircuit stepped;
  double voltage_step_load_ohm;
  HrCircuitPoint reference;
  double sensitivity_db_per_v;
  guint first;
  guint end;

  g_return_val_if_fail (sweep != NULL, NULL);
  g_return_val_if_fail (circuit != NULL, NULL);

  if (!hr_circuit_validate (circuit, error) ||
      !hr_check_non_negative ("crest_factor", crest_factor_db, error))
    return NULL;

  /* As the sweep did: the step of the voltage for this load. */
  stepped = *circuit;
  voltage_step_load_ohm = hr_circuit_apply_voltage_steps (&stepped);
  circuit = &stepped;

  if (sweep->n_points == 0 || !(sweep->voc_vrms > 0.0))
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                           _("the sweep has not been computed"));
      return NULL;
    }

  self = g_new0 (HrSummary, 1);
  self->reasons = g_array_new (FALSE, FALSE, sizeof (HrReason));
  self->crest_factor_db = crest_factor_db;
  self->voc_vrms = sweep->level_unknown ? NAN : sweep->voc_vrms;
  self->sensitivity_known = hr_headphone_has_sensitivity (circuit->headphone);
  self->level_db_spl = sweep->spl_1k_db;
  sensitivity_db_per_v = hr_headphone_get_sensitivity_db_per_v (circuit->headphone);

  hr_circuit_eval (circuit, HR_REFERENCE_FREQ_HZ, &reference);
  self->limit_1k = reference.limit;
  self->spl_max_1k_db = reference.limit == HR_LIMIT_NONE
                      ? INFINITY
                      : sensitivity_db_per_v + 20.0 * log10 (reference.v_load_max_vrms);

  self->z_nominal_ohm = hr_headphone_get_nominal_impedance_ohm (circuit->headphone);
  self->zout_1k_ohm = hr_cabs (reference.z_thevenin_ohm);
  self->damping_factor = self->zout_1k_ohm > 0.0
                       ? self->z_nominal_ohm / self->zout_1k_ohm
                       : INFINITY;
  self->eighth_rule_holds = self->zout_1k_ohm <= self->z_nominal_ohm / 8.0;
  self->voc_available_vrms = circuit->source.max_voltage_vrms;
  self->voc_step_load_ohm = voltage_step_load_ohm;
  self->i_available_ma = circuit->source.max_current_ma;

  /* The source's noise reaches the headphones through the same divider as
   * the signal; at 1 kHz, where the sensitivity is stated and the
   * A-weighting is 0 dB. */
  self->z_1k_ohm = hr_cabs (reference.z_load_ohm);
  self->noise_vrms = circuit->source.noise_vrms;
  if (isnan (self->noise_vrms))
    self->hiss_spl_db = NAN;
  else if (self->noise_vrms == 0.0)
    self->hiss_spl_db = -INFINITY;
  else
    self->hiss_spl_db = sensitivity_db_per_v
                        + 20.0 * log10 (self->noise_vrms * hr_cabs (reference.transfer));
  self->min_load_ohm = circuit->source.min_load_ohm;
  self->zout_assumed = circuit->source.zout_assumed;
  self->impedance_assumed = hr_impedance_is_assumed (hr_headphone_get_impedance (circuit->headphone));

  find_band (sweep, &first, &end);
  self->band_min_hz = sweep->freq_hz[first];
  self->band_max_hz = sweep->freq_hz[end - 1];

  self->headroom_db = INFINITY;
  self->headroom_freq_hz = HR_REFERENCE_FREQ_HZ;
  self->headroom_limit = HR_LIMIT_NONE;
  self->dev_max_db = -INFINITY;
  self->dev_min_db = INFINITY;
  self->z_max_ohm = -INFINITY;
  self->z_min_ohm = INFINITY;
  self->zout_max_ohm = -INFINITY;
  self->i_needed_ma = -INFINITY;
  self->i_needed_freq_hz = HR_REFERENCE_FREQ_HZ;

  for (guint i = first; i < end; i++)
    {
      const double freq_hz = sweep->freq_hz[i];
      const double headroom_db = sweep->spl_max_db[i] - sweep->spl_db[i];

      if (is_new_extreme (headroom_db, freq_hz, self->headroom_db, self->headroom_freq_hz))
        {
          self->headroom_db = headroom_db;
          self->headroom_freq_hz = freq_hz;
          self->headroom_limit = sweep->limit[i];
        }
      if (sweep->dev_db[i] > self->dev_max_db)
        {
          self->dev_max_db = sweep->dev_db[i];
          self->dev_max_freq_hz = freq_hz;
        }
      if (sweep->dev_db[i] < self->dev_min_db)
        {
          self->dev_min_db = sweep->dev_db[i];
          self->dev_min_freq_hz = freq_hz;
        }
      if (sweep->z_mag_ohm[i] > self->z_max_ohm)
        {
          self->z_max_ohm = sweep->z_mag_ohm[i];
          self->z_max_freq_hz = freq_hz;
        }
      if (sweep->z_mag_ohm[i] < self->z_min_ohm)
        {
          self->z_min_ohm = sweep->z_mag_ohm[i];
          self->z_min_freq_hz = freq_hz;
        }
      if (is_new_extreme (-sweep->i_source_ma[i], freq_hz, -self->i_needed_ma, self->i_needed_freq_hz))
        {
          self->i_needed_ma = sweep->i_source_ma[i];
          self->i_needed_freq_hz = freq_hz;
        }
      if (sweep->zth_ohm[i] > self->zout_max_ohm)
        {
          self->zout_max_ohm = sweep->zth_ohm[i];
          self->zout_max_freq_hz = freq_hz;
        }
    }

  /* 1 kHz is the reference of the deviation, so it belongs in its range
   * even when the grid steps over it. */
  if (self->dev_max_db < 0.0)
    {
      self->dev_max_db = 0.0;
      self->dev_max_freq_hz = HR_REFERENCE_FREQ_HZ;
    }
  if (self->dev_min_db > 0.0)
    {
      self->dev_min_db = 0.0;
      self->dev_min_freq_hz = HR_REFERENCE_FREQ_HZ;
    }
  self->deviation_span_db = self->dev_max_db - self->dev_min_db;

  hr_summary_judge (self, circuit);

  return g_steal_pointer (&self);
}
