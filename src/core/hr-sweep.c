/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-impedance-private.h"
#include "hr-model-error.h"
#include "hr-simd-private.h"
#include "hr-sweep-private.h"

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
  self->grid = g_new0 (HrSweepGrid, 1);
  self->grid->omega_rad_s = g_new0 (double, n_points);
  self->grid->inv_omega = g_new0 (double, n_points);
  self->grid->log_freq = g_new0 (double, n_points);
  self->grid->z_re_ohm = g_new0 (double, n_points);
  self->grid->z_im_ohm = g_new0 (double, n_points);
  self->grid->scratch = g_new0 (double, n_points);
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
  g_free (self->grid->omega_rad_s);
  g_free (self->grid->inv_omega);
  g_free (self->grid->log_freq);
  g_free (self->grid->z_re_ohm);
  g_free (self->grid->z_im_ohm);
  g_free (self->grid->scratch);
  g_free (self->grid);
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
  /* ω as hr_source_eval_zout() and the models compute it, to the bit. */
  for (guint i = 0; i < n_points; i++)
    {
      self->grid->omega_rad_s[i] = 2.0 * G_PI * freq_hz[i];
      self->grid->inv_omega[i] = 1.0 / self->grid->omega_rad_s[i];
      self->grid->log_freq[i] = log (freq_hz[i]);
    }
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

/* What every point of a sweep shares: the circuit's constants and the
 * drive, taken once. */
typedef struct
{
  double   rs_ohm;            /* the series resistance: Rout, cable, adapter's series */
  double   inv_c;             /* 1/C of a DC-blocking capacitor, 0 for none */
  double   g_shunt_s;         /* 1/Rp of an adapter's shunt, 0 for none */
  double   voc_vrms;
  double   spl_offset_db;     /* sensitivity + 20 log10 Voc */
  double   clip_offset_db;    /* sensitivity + 20 log10 Vmax */
  double   atten_1k_db;
  double   max_voltage_vrms;  /* INFINITY when it sets no limit */
  double   max_current_a;     /* INFINITY when it sets no limit */
  gboolean limited;           /* by either */
} PointConstants;

/* How much more this source attenuates than the one the response was
 * measured on, a resistive @zm_ohm, at one point of the load: with
 * D = Zs·w + Z of compute_points() and M = Zm + Z, 20·log10|H/Hm| =
 * 10·log10(|M|²/|D|²). One logarithm of the ratio rather than two
 * attenuations apart, so that on the measurement's own source, where D and
 * M are the same sums, it is 0 to the bit and the prediction is the
 * measurement. */
static double
change_from_measurement_db (const PointConstants *k,
                            double                inv_omega,
                            double complex        z_ohm,
                            double                zm_ohm)
{
  const double zr = creal (z_ohm);
  const double zi = cimag (z_ohm);
  const double xs = -inv_omega * k->inv_c;
  const double wr = 1.0 + k->g_shunt_s * zr;
  const double wi = k->g_shunt_s * zi;
  const double dr = k->rs_ohm * wr - xs * wi + zr;
  const double di = k->rs_ohm * wi + xs * wr + zi;
  const double mr = zm_ohm + zr;

  return DB_PER_NEPER_POWER * log ((mr * mr + zi * zi) / (dr * dr + di * di));
}

/* The response as measured and as it will be on this source, both against
 * 1 kHz: the measurement, less what its own source (of
 * hr_headphone_get_response_zout_ohm(), 0 Ω for a measurement amplifier)
 * did to it, plus what this one does (dev_db). Only over the frequencies
 * measured: outside them there is nothing, not an extrapolation. */
static void
compute_response (HrSweep              *self,
                  const HrCircuit      *circuit,
                  const PointConstants *k)
{
  HrHeadphone *headphone = circuit->headphone;
  double fmin_hz;
  double fmax_hz;
  double zm_ohm;
  double change_1k_db = 0.0;
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
    change_1k_db = change_from_measurement_db (k, 1.0 / (2.0 * G_PI * HR_REFERENCE_FREQ_HZ),
                                               hr_impedance_eval (hr_headphone_get_impedance (headphone),
                                                                  HR_REFERENCE_FREQ_HZ),
                                               zm_ohm);
  for (guint i = 0; i < self->n_points; i++)
    {
      const double freq_hz = self->freq_hz[i];

      /* A hair of rounding at the ends counts as inside. */
      if (freq_hz < fmin_hz * (1.0 - 1e-9) || freq_hz > fmax_hz * (1.0 + 1e-9))
        {
          self->fr_db[i] = self->fr_pred_db[i] = NAN;
          continue;
        }
      self->fr_db[i] = hr_headphone_get_response_db (headphone, freq_hz) - fr_1k_db;
      if (zm_ohm > 0.0)
        self->fr_pred_db[i] = self->fr_db[i]
                            + (change_from_measurement_db (k, self->grid->inv_omega[i], self->z_load_ohm[i], zm_ohm)
                               - change_1k_db);
      else
        self->fr_pred_db[i] = self->fr_db[i] + self->dev_db[i];
    }
}

/* Every per-point metric but the current-limited ceiling, in one loop
 * that vectorises: no complex division (the divider is written out in
 * real parts, one division a point), 20·log10|x| as 10·log10 of the
 * square, a limit chosen by selects. Per volt of drive, with the load Z,
 * Zs = Rs + 1/(jωC) and the shunt's conductance Gp:
 *
 *   w = 1 + Gp·Z       D = Zs·w + Z
 *   H = Z/D            I_load = Voc/D       I_source = Voc·w/D
 *   Zth = Zs/(1 + Gp·Zs)
 *
 * the divider of hr_circuit_eval_at_z() with the adapter's Thévenin
 * equivalent multiplied out (Gp = 0 leaves w = 1 exactly), which the
 * ngspice cross-check and test-sweep hold against it. The clean ceiling
 * under the current limit is Imax·|H|/|I_source per volt| = Imax·|Z|/|w|.
 * Which limit binds is left as a double, 1 where it is the current, for
 * set_limits(): an integer array in this loop would make gcc take four
 * points a step, which the baseline x86-64's two-point vector logarithm
 * cannot. For the same reason nothing here is chosen by a condition that
 * holds for the whole loop, such as which limits are known: gcc 12 cannot
 * vectorise a select on one, so those choices are weights of 0 or 1, and
 * the ceiling of a source without limits is left to the caller. */
static HR_SIMD_CLONES void
compute_points (const PointConstants *k,
                guint                 n_points,
                const double         *restrict inv_omega,
                const double         *restrict z_re_ohm,
                const double         *restrict z_im_ohm,
                double               *restrict z_parts_ohm,
                double               *restrict z_mag_ohm,
                double               *restrict z_phase_deg,
                double               *restrict v_load_vrms,
                double               *restrict i_ma,
                double               *restrict i_source_ma,
                double               *restrict p_mw,
                double               *restrict atten_db,
                double               *restrict dev_db,
                double               *restrict spl_db,
                double               *restrict spl_max_db,
                double               *restrict by_current_flag,
                double               *restrict zth_ohm)
{
  const double rs_ohm = k->rs_ohm;
  const double inv_c = k->inv_c;
  const double gp = k->g_shunt_s;
  const double voc_vrms = k->voc_vrms;
  const double voc2_mw = 1e3 * voc_vrms * voc_vrms;
  const double max_voltage_vrms = k->max_voltage_vrms;
  const double max_current_a = k->max_current_a;
  const gboolean voltage_known = isfinite (max_voltage_vrms);
  const gboolean current_known = isfinite (max_current_a);
  const double both_known = voltage_known && current_known ? 1.0 : 0.0;
  const double voltage_only = voltage_known && !current_known ? 1.0 : 0.0;
  const double current_only = !voltage_known && current_known ? 1.0 : 0.0;
  const double atten_1k_db = k->atten_1k_db;
  const double spl_offset_db = k->spl_offset_db;
  const double clip_offset_db = k->clip_offset_db;

  /* gsize, so that 2·i cannot wrap and the complex store stays affine. */
  for (gsize i = 0; i < n_points; i++)
    {
      const double zr = z_re_ohm[i];
      const double zi = z_im_ohm[i];
      const double xs = -inv_omega[i] * inv_c;
      const double wr = 1.0 + gp * zr;
      const double wi = gp * zi;
      const double dr = rs_ohm * wr - xs * wi + zr;
      const double di = rs_ohm * wi + xs * wr + zi;
      const double inv_d2 = 1.0 / (dr * dr + di * di);
      const double z2 = zr * zr + zi * zi;
      const double w2 = wr * wr + wi * wi;
      const double transfer2 = z2 * inv_d2;
      const double transfer = sqrt (transfer2);
      const double zth_r = 1.0 + gp * rs_ohm;
      const double zth_i = gp * xs;
      const double atten = DB_PER_NEPER_POWER * log (transfer2);
      /* A limit nobody gave is no limit, not ∞·0 where a short makes |H|
       * 0: its product is weighed out, and compared as ∞ where the other
       * limit is known. With neither, no limit binds and the flag is 0. */
      const double by_voltage = max_voltage_vrms * transfer;
      const double by_current = max_current_a * sqrt (z2 / w2);
      const double current = both_known * (by_voltage <= by_current ? 0.0 : 1.0)
                           + voltage_only * (by_voltage <= INFINITY ? 0.0 : 1.0)
                           + current_only * (INFINITY <= by_current ? 0.0 : 1.0);

      z_parts_ohm[2 * i] = zr;
      z_parts_ohm[2 * i + 1] = zi;
      z_mag_ohm[i] = sqrt (z2);
      z_phase_deg[i] = atan2 (zi, zr) * (180.0 / G_PI);
      v_load_vrms[i] = voc_vrms * transfer;
      i_ma[i] = 1e3 * voc_vrms * sqrt (inv_d2);
      i_source_ma[i] = 1e3 * voc_vrms * sqrt (w2 * inv_d2);
      /* Real power: |I|²·Re(Z). V²/|Z| would be apparent power. */
      p_mw[i] = voc2_mw * inv_d2 * zr;
      atten_db[i] = atten;
      dev_db[i] = atten - atten_1k_db;
      spl_db[i] = spl_offset_db + atten;
      zth_ohm[i] = sqrt ((rs_ohm * rs_ohm + xs * xs) / (zth_r * zth_r + zth_i * zth_i));
      /* Under the voltage limit the ceiling is the swing through the same
       * divider, so it follows the attenuation without another logarithm;
       * under the current limit it is left for finish_current_limit(),
       * and without either for hr_sweep_compute(). */
      spl_max_db[i] = clip_offset_db + atten;
      by_current_flag[i] = current;
    }
}

/* The limit that binds at each point, from compute_points()'s flags, and
 * a source without limits' ceiling, which compute_points() leaves.
 *
 * Returns: how many points the current limit binds at */
static HR_SIMD_CLONES guint
set_limits (gboolean      limited,
            guint         n_points,
            const double *restrict by_current_flag,
            HrLimit      *restrict limit,
            double       *restrict spl_max_db)
{
  guint n_current = 0;

  if (!limited)
    {
      for (guint i = 0; i < n_points; i++)
        {
          limit[i] = HR_LIMIT_NONE;
          spl_max_db[i] = INFINITY;
        }
      return 0;
    }

  /* The flag converted rather than tested, so that this loop vectorises
   * too: it is 0 or 1 exactly. */
  for (guint i = 0; i < n_points; i++)
    {
      const guint current = (guint) by_current_flag[i];

      limit[i] = HR_LIMIT_VOLTAGE + (HrLimit) current;
      n_current += current;
    }
  return n_current;
}

/* The ceiling where the current limit binds: Imax·|Z|/|w| through the
 * sensitivity, a second logarithm that only these points need. */
static HR_SIMD_CLONES void
finish_current_limit (const PointConstants *k,
                      double                sensitivity_db_per_v,
                      guint                 n_points,
                      const double         *restrict z_re_ohm,
                      const double         *restrict z_im_ohm,
                      const double         *restrict by_current_flag,
                      double               *restrict spl_max_db)
{
  const double gp = k->g_shunt_s;
  const double max_current2 = k->max_current_a * k->max_current_a;

  for (guint i = 0; i < n_points; i++)
    {
      const double zr = z_re_ohm[i];
      const double zi = z_im_ohm[i];
      const double wr = 1.0 + gp * zr;
      const double wi = gp * zi;
      const double v_max2 = max_current2 * (zr * zr + zi * zi) / (wr * wr + wi * wi);
      const double ceiling_db = sensitivity_db_per_v + DB_PER_NEPER_POWER * log (v_max2);

      spl_max_db[i] = by_current_flag[i] != 0.0 ? ceiling_db : spl_max_db[i];
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
  PointConstants constants;
  double sensitivity_db_per_v;
  double voc_vrms;
  double voc_db;
  double max_voltage_db;
  guint n_current;

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

  constants.rs_ohm = circuit->source.output_impedance_ohm
                   + circuit->connection.cable_ohm + circuit->connection.adapter_series_ohm;
  constants.inv_c = circuit->source.dc_block_uf > 0.0 ? 1.0 / (circuit->source.dc_block_uf * 1e-6) : 0.0;
  constants.g_shunt_s = isfinite (circuit->connection.adapter_shunt_ohm)
                      ? 1.0 / circuit->connection.adapter_shunt_ohm : 0.0;
  constants.voc_vrms = voc_vrms;
  constants.spl_offset_db = sensitivity_db_per_v + voc_db;
  constants.clip_offset_db = sensitivity_db_per_v + max_voltage_db;
  constants.atten_1k_db = self->atten_1k_db;
  constants.max_voltage_vrms = isfinite (circuit->source.max_voltage_vrms)
                             ? circuit->source.max_voltage_vrms : INFINITY;
  constants.max_current_a = isfinite (circuit->source.max_current_ma)
                          ? circuit->source.max_current_ma * 1e-3 : INFINITY;
  constants.limited = isfinite (circuit->source.max_voltage_vrms)
                      || isfinite (circuit->source.max_current_ma);

  hr_impedance_eval_grid (hr_headphone_get_impedance (circuit->headphone), self->grid,
                          self->n_points, self->grid->z_re_ohm, self->grid->z_im_ohm);
  compute_points (&constants, self->n_points, self->grid->inv_omega,
                  self->grid->z_re_ohm, self->grid->z_im_ohm,
                  (double *) self->z_load_ohm, self->z_mag_ohm, self->z_phase_deg,
                  self->v_load_vrms, self->i_ma, self->i_source_ma, self->p_mw,
                  self->atten_db, self->dev_db, self->spl_db, self->spl_max_db,
                  self->grid->scratch, self->zth_ohm);
  n_current = set_limits (constants.limited, self->n_points, self->grid->scratch,
                          self->limit, self->spl_max_db);
  if (n_current > 0)
    finish_current_limit (&constants, sensitivity_db_per_v, self->n_points,
                          self->grid->z_re_ohm, self->grid->z_im_ohm, self->grid->scratch, self->spl_max_db);

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
  compute_response (self, circuit, &constants);

  return TRUE;
}
