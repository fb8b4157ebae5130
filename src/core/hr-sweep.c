/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-model-error.h"
#include "hr-sweep.h"

/* 10·log10(x) through the natural logarithm, which glibc computes several
 * times faster than log10 and to the same half-ulp accuracy. */
#define DB_PER_NEPER_POWER (10.0 / G_LN10)

static inline double
power_ratio_to_db (double power_ratio)
{
  return DB_PER_NEPER_POWER * log (power_ratio);
}

/**
 * hr_log_frequencies:
 *
 * f_k = fmin·(fmax/fmin)^(k/(N−1)) for k = 0…N−1: the grid that
 * `headroom-cli sweep` promises, written as that formula on purpose so that
 * scripts can recompute it to the last digit.
 */
double *
hr_log_frequencies (double   fmin_hz,
                    double   fmax_hz,
                    guint    n_points,
                    GError **error)
{
  double *freq_hz;
  double ratio;

  if (!hr_check_positive ("fmin", fmin_hz, error) ||
      !hr_check_positive ("fmax", fmax_hz, error))
    return NULL;

  if (!(fmax_hz > fmin_hz))
    {
      char fmin_text[G_ASCII_DTOSTR_BUF_SIZE];
      char fmax_text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (fmin_text, sizeof fmin_text, "%g", fmin_hz);
      g_ascii_formatd (fmax_text, sizeof fmax_text, "%g", fmax_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING,
                   _("fmax must be greater than fmin (%s Hz), got %s"),
                   fmin_text, fmax_text);
      return NULL;
    }

  if (n_points < 2 || n_points > HR_SWEEP_MAX_POINTS)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("points must be between 2 and %u, got %u"),
                   HR_SWEEP_MAX_POINTS, n_points);
      return NULL;
    }

  freq_hz = g_new (double, n_points);
  ratio = fmax_hz / fmin_hz;
  for (guint k = 0; k < n_points; k++)
    freq_hz[k] = fmin_hz * pow (ratio, (double) k / (double) (n_points - 1));

  return freq_hz;
}

static HrSweep *
hr_sweep_alloc (guint n_points)
{
  HrSweep *self = g_new0 (HrSweep, 1);

  self->n_points = n_points;
  self->freq_hz = g_new0 (double, n_points);
  self->z_load_ohm = g_new0 (double complex, n_points);
  self->z_mag_ohm = g_new0 (double, n_points);
  self->z_phase_deg = g_new0 (double, n_points);
  self->v_load_vrms = g_new0 (double, n_points);
  self->i_ma = g_new0 (double, n_points);
  self->i_source_ma = g_new0 (double, n_points);
  self->p_mw = g_new0 (double, n_points);
  self->spl_db = g_new0 (double, n_points);
  self->dev_db = g_new0 (double, n_points);
  self->atten_db = g_new0 (double, n_points);
  self->spl_max_db = g_new0 (double, n_points);
  self->limit = g_new0 (HrLimit, n_points);
  self->zth_ohm = g_new0 (double, n_points);
  self->fr_db = g_new0 (double, n_points);
  self->fr_pred_db = g_new0 (double, n_points);
  return self;
}

void
hr_sweep_free (HrSweep *self)
{
  if (self == NULL)
    return;

  g_free (self->freq_hz);
  g_free (self->z_load_ohm);
  g_free (self->z_mag_ohm);
  g_free (self->z_phase_deg);
  g_free (self->v_load_vrms);
  g_free (self->i_ma);
  g_free (self->i_source_ma);
  g_free (self->p_mw);
  g_free (self->spl_db);
  g_free (self->dev_db);
  g_free (self->atten_db);
  g_free (self->spl_max_db);
  g_free (self->limit);
  g_free (self->zth_ohm);
  g_free (self->fr_db);
  g_free (self->fr_pred_db);
  g_free (self);
}

/**
 * hr_sweep_new:
 * @freq_hz: (array length=n_points): positive, strictly increasing
 */
HrSweep *
hr_sweep_new (const double  *freq_hz,
              guint          n_points,
              GError       **error)
{
  HrSweep *self;

  if (!hr_check_frequencies (freq_hz, n_points, error))
    return NULL;

  self = hr_sweep_alloc (n_points);
  memcpy (self->freq_hz, freq_hz, sizeof (double) * n_points);
  return self;
}

HrSweep *
hr_sweep_new_log (double   fmin_hz,
                  double   fmax_hz,
                  guint    n_points,
                  GError **error)
{
  g_autofree double *freq_hz = hr_log_frequencies (fmin_hz, fmax_hz, n_points, error);

  if (freq_hz == NULL)
    return NULL;
  return hr_sweep_new (freq_hz, n_points, error);
}

/**
 * hr_sweep_spl_1k_for_voltage:
 * @voc_vrms: an open-circuit voltage of the source
 *
 * The SPL at 1 kHz that @voc_vrms gives on the circuit @self was computed
 * on: the divider is linear, so the level moves with the voltage. What
 * the app's level entry makes of "0.5 V" or "+4 dBu".
 *
 * Returns: dB SPL, or NAN if @voc_vrms is not a voltage or @self was not
 *   computed
 */
double
hr_sweep_spl_1k_for_voltage (const HrSweep *self,
                             double         voc_vrms)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (!(voc_vrms > 0.0) || !isfinite (voc_vrms) || !(self->voc_vrms > 0.0) || !isfinite (self->spl_1k_db))
    return NAN;
  return self->spl_1k_db + 20.0 * log10 (voc_vrms / self->voc_vrms);
}

gboolean
hr_drive_validate (const HrDrive  *drive,
                   GError        **error)
{
  g_return_val_if_fail (drive != NULL, FALSE);

  switch (drive->kind)
    {
    case HR_DRIVE_VOLTAGE:
      return hr_check_positive ("vs", drive->value, error);
    case HR_DRIVE_SPL:
      return hr_check_finite ("spl", drive->value, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * hr_drive_to_voc_vrms:
 *
 * The open-circuit voltage that the drive asks of the source. A target SPL
 * is met at 1 kHz, where sensitivities are specified; the divider's loss
 * there is made up for.
 */
double
hr_drive_to_voc_vrms (const HrDrive   *drive,
                      const HrCircuit *circuit)
{
  HrCircuitPoint point;
  double v_load_vrms;

  if (drive->kind == HR_DRIVE_VOLTAGE)
    return drive->value;
  /* No sensitivity, no voltage for a level: the sweep runs at a
   * reference volt, which the shapes (impedance, response change) do
   * not depend on, and reports the level-bound figures as unknown. */
  if (!hr_headphone_has_sensitivity (circuit->headphone))
    return HR_UNKNOWN_LEVEL_DRIVE_VRMS;

  hr_circuit_eval (circuit, HR_REFERENCE_FREQ_HZ, &point);
  v_load_vrms = pow (10.0, (drive->value
                            - hr_headphone_get_sensitivity_db_per_v (circuit->headphone)
                            - hr_headphone_get_response_db (circuit->headphone, HR_REFERENCE_FREQ_HZ))
                           / 20.0);
  return v_load_vrms / hr_cabs (point.transfer);
}

/* The divider of a plain source of @zout_ohm on @z, in dB. */
static double
divider_db (double complex z,
            double         zout_ohm)
{
  return 20.0 * log10 (hr_cabs (z / (z + zout_ohm)));
}

/* The response as measured and as it will be on this source, both against
 * 1 kHz: the measurement, less what its own source (of
 * hr_headphone_get_response_zout_ohm(), 0 Ω for a measurement amplifier)
 * did to it, plus what this one does (dev_db). Only over the frequencies
 * measured: outside them there is nothing, not an extrapolation. */
static void
compute_response (HrSweep         *self,
                  const HrCircuit *circuit)
{
  HrHeadphone *headphone = circuit->headphone;
  double fmin_hz;
  double fmax_hz;
  double zm_ohm;
  double meas_1k_db = 0.0;
  double fr_1k_db;

  self->has_response = hr_headphone_get_response_range (headphone, &fmin_hz, &fmax_hz);
  if (!self->has_response)
    {
      for (guint i = 0; i < self->n_points; i++)
        self->fr_db[i] = self->fr_pred_db[i] = NAN;
      return;
    }
  zm_ohm = hr_headphone_get_response_zout_ohm (headphone);
  fr_1k_db = hr_headphone_get_response_db (headphone, HR_REFERENCE_FREQ_HZ);
  if (zm_ohm > 0.0)
    meas_1k_db = divider_db (hr_impedance_eval (hr_headphone_get_impedance (headphone), HR_REFERENCE_FREQ_HZ),
                             zm_ohm);
  for (guint i = 0; i < self->n_points; i++)
    {
      const double freq_hz = self->freq_hz[i];
      double meas_db = 0.0;

      /* A hair of rounding at the ends counts as inside. */
      if (freq_hz < fmin_hz * (1.0 - 1e-9) || freq_hz > fmax_hz * (1.0 + 1e-9))
        {
          self->fr_db[i] = self->fr_pred_db[i] = NAN;
          continue;
        }
      if (zm_ohm > 0.0)
        meas_db = divider_db (self->z_load_ohm[i], zm_ohm) - meas_1k_db;
      self->fr_db[i] = hr_headphone_get_response_db (headphone, freq_hz) - fr_1k_db;
      self->fr_pred_db[i] = self->fr_db[i] - meas_db + self->dev_db[i];
    }
}

gboolean
hr_sweep_compute (HrSweep          *self,
                  const HrCircuit  *circuit,
                  const HrDrive    *drive,
                  GError          **error)
{
  HrCircuit stepped;
  HrCircuitPoint reference;
  double sensitivity_db_per_v;
  double voc_vrms;
  double voc_db;
  double max_voltage_db;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (circuit != NULL, FALSE);
  g_return_val_if_fail (drive != NULL, FALSE);

  if (!hr_circuit_validate (circuit, error) || !hr_drive_validate (drive, error))
    return FALSE;

  /* A maximum voltage that depends on the load, taken for this load. */
  stepped = *circuit;
  hr_circuit_apply_voltage_steps (&stepped);
  circuit = &stepped;

  sensitivity_db_per_v = hr_headphone_get_sensitivity_db_per_v (circuit->headphone);
  hr_circuit_eval (circuit, HR_REFERENCE_FREQ_HZ, &reference);
  voc_vrms = hr_drive_to_voc_vrms (drive, circuit);
  voc_db = 20.0 * log10 (voc_vrms);
  max_voltage_db = 20.0 * log10 (circuit->source.max_voltage_vrms);

  self->voc_vrms = voc_vrms;
  self->level_unknown = FALSE;
  self->atten_1k_db = power_ratio_to_db (hr_cabs2 (reference.transfer));
  self->spl_1k_db = sensitivity_db_per_v + voc_db + self->atten_1k_db
                  + hr_headphone_get_response_db (circuit->headphone, HR_REFERENCE_FREQ_HZ);

  hr_impedance_eval_many (hr_headphone_get_impedance (circuit->headphone),
                          self->freq_hz, self->n_points, self->z_load_ohm);

  /* This loop runs on every slider step in the app: one logarithm and one
   * arctangent per point, the rest is arithmetic. */
  for (guint i = 0; i < self->n_points; i++)
    {
      const double complex z = self->z_load_ohm[i];
      HrCircuitPoint point;
      double transfer_mag2;
      double i_load_a;
      double atten_db;

      hr_circuit_eval_at_z (circuit, self->freq_hz[i], z, &point);

      transfer_mag2 = hr_cabs2 (point.transfer);
      atten_db = power_ratio_to_db (transfer_mag2);
      i_load_a = voc_vrms * hr_cabs (point.i_load_per_v);

      self->z_mag_ohm[i] = hr_cabs (z);
      self->z_phase_deg[i] = atan2 (cimag (z), creal (z)) * (180.0 / G_PI);
      self->v_load_vrms[i] = voc_vrms * sqrt (transfer_mag2);
      self->i_ma[i] = 1e3 * i_load_a;
      self->i_source_ma[i] = 1e3 * voc_vrms * hr_cabs (point.i_source_per_v);
      self->p_mw[i] = 1e3 * voc_vrms * voc_vrms * point.p_load_w_per_v2;
      self->atten_db[i] = atten_db;
      self->dev_db[i] = atten_db - self->atten_1k_db;
      self->spl_db[i] = sensitivity_db_per_v + voc_db + atten_db;
      self->limit[i] = point.limit;
      self->zth_ohm[i] = hr_cabs (point.z_thevenin_ohm);
      /* Under the voltage limit the ceiling is the swing through the same
       * divider, so it follows the attenuation without another logarithm. */
      if (point.limit == HR_LIMIT_NONE)
        self->spl_max_db[i] = INFINITY;
      else if (point.limit == HR_LIMIT_VOLTAGE)
        self->spl_max_db[i] = sensitivity_db_per_v + max_voltage_db + atten_db;
      else
        self->spl_max_db[i] = sensitivity_db_per_v + 20.0 * log10 (point.v_load_max_vrms);
    }

  /* Without a sensitivity, the level and what depends on it are unknown,
   * not a made-up figure: a level asked in dB SPL gives no voltage. */
  if (!hr_headphone_has_sensitivity (circuit->headphone))
    {
      const gboolean level_unknown = drive->kind == HR_DRIVE_SPL;

      self->spl_1k_db = NAN;
      for (guint i = 0; i < self->n_points; i++)
        {
          self->spl_db[i] = self->spl_max_db[i] = NAN;
          if (level_unknown)
            self->v_load_vrms[i] = self->i_ma[i] = self->i_source_ma[i] = self->p_mw[i] = NAN;
        }
      self->level_unknown = level_unknown;
    }

  /* The headphone's own response moves its SPL and its ceiling alike. */
  if (hr_headphone_has_response (circuit->headphone))
    {
      for (guint i = 0; i < self->n_points; i++)
        {
          const double response_db = hr_headphone_get_response_db (circuit->headphone, self->freq_hz[i]);

          self->spl_db[i] += response_db;
          self->spl_max_db[i] += response_db;
        }
    }
  compute_response (self, circuit);

  return TRUE;
}
