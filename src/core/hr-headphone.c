/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-headphone.h"
#include "hr-model-error.h"

/* A pair of headphones as the model needs it: a name, a nominal impedance,
 * a voltage sensitivity, and the impedance curve. The spec sheet's unit of
 * sensitivity is kept for display; the model works in dB SPL per volt
 * because responses are measured at constant voltage (PHYSICS.md).
 */
struct _HrHeadphone
{
  GObject            parent_instance;

  char              *name;
  double             nominal_impedance_ohm;
  double             sensitivity_db_per_v;
  double             sensitivity_ref_freq_hz;
  HrImpedance       *impedance;

  /* The headphone's own response, if known: SPL follows it, relative to
   * the frequency its sensitivity is stated at. */
  HrResponsePoint   *response;
  guint              n_response;
  double             response_at_ref_db;  /* fixed, so worked out once */
  double             response_zout_ohm;   /* the output impedance it was measured on */
};

G_DEFINE_FINAL_TYPE (HrHeadphone, hr_headphone, G_TYPE_OBJECT)

static const struct {
  HrSensitivityUnit unit;
  const char *text;
} sensitivity_units[] = {
  { HR_SENSITIVITY_DB_PER_MW, "dB/mW" },
  { HR_SENSITIVITY_DB_PER_V, "dB/V" },
  { HR_SENSITIVITY_MV_AT_94_DB, "mV@94dB" },
};

gboolean
hr_sensitivity_unit_from_string (const char        *text,
                                 HrSensitivityUnit *unit)
{
  g_return_val_if_fail (unit != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (sensitivity_units); i++)
    {
      if (g_str_equal (text, sensitivity_units[i].text))
        {
          *unit = sensitivity_units[i].unit;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
hr_sensitivity_unit_to_string (HrSensitivityUnit unit)
{
  for (guint i = 0; i < G_N_ELEMENTS (sensitivity_units); i++)
    {
      if (sensitivity_units[i].unit == unit)
        return sensitivity_units[i].text;
    }

  g_return_val_if_reached (NULL);
}

/**
 * hr_sensitivity_to_db_per_v:
 * @nominal_impedance_ohm: the impedance the spec sheet states the
 *   sensitivity at; only dB/mW needs it
 *
 * PHYSICS.md, "Sensitivity": S_V = S_P − 10·log10(Z_nom / 1000 Ω), and
 * X mV for 94 dB SPL gives S_V = 94 − 20·log10(X / 1000).
 *
 * Returns: NAN for a value that is not finite or positive where it must be.
 */
double
hr_sensitivity_to_db_per_v (double            value,
                            HrSensitivityUnit unit,
                            double            nominal_impedance_ohm)
{
  switch (unit)
    {
    case HR_SENSITIVITY_DB_PER_MW:
      return value - 10.0 * log10 (nominal_impedance_ohm / 1000.0);
    case HR_SENSITIVITY_DB_PER_V:
      return value;
    case HR_SENSITIVITY_MV_AT_94_DB:
      if (!(value > 0.0))
        return NAN;
      return 94.0 - 20.0 * log10 (value / 1000.0);
    default:
      g_return_val_if_reached (NAN);
    }
}

double
hr_sensitivity_db_per_v_to_db_per_mw (double sensitivity_db_per_v,
                                      double nominal_impedance_ohm)
{
  return sensitivity_db_per_v + 10.0 * log10 (nominal_impedance_ohm / 1000.0);
}

static void
hr_headphone_finalize (GObject *object)
{
  HrHeadphone *self = (HrHeadphone *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->response, g_free);
  g_clear_object (&self->impedance);

  G_OBJECT_CLASS (hr_headphone_parent_class)->finalize (object);
}

static void
hr_headphone_class_init (HrHeadphoneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hr_headphone_finalize;
}

static void
hr_headphone_init (HrHeadphone *self)
{
  self->sensitivity_ref_freq_hz = 1000.0;
}

/**
 * hr_headphone_new:
 * @name: (nullable): what to call it in messages and legends
 * @impedance: (transfer none): the impedance model
 */
HrHeadphone *
hr_headphone_new (const char         *name,
                  double              nominal_impedance_ohm,
                  double              sensitivity,
                  HrSensitivityUnit   sensitivity_unit,
                  HrImpedance        *impedance,
                  GError            **error)
{
  HrHeadphone *self;
  double sensitivity_db_per_v;

  g_return_val_if_fail (HR_IS_IMPEDANCE (impedance), NULL);

  if (!hr_check_positive ("nominal_impedance_ohm", nominal_impedance_ohm, error))
    return NULL;

  /* NAN: a sensitivity nobody published. The curve still tells what a
   * source does to the response; the level is what cannot be known. */
  if (isnan (sensitivity))
    sensitivity_db_per_v = NAN;
  else
    {
      if (sensitivity_unit == HR_SENSITIVITY_MV_AT_94_DB)
        {
          if (!hr_check_positive ("sensitivity.value", sensitivity, error))
            return NULL;
        }
      else if (!hr_check_finite ("sensitivity.value", sensitivity, error))
        return NULL;

      sensitivity_db_per_v = hr_sensitivity_to_db_per_v (sensitivity, sensitivity_unit,
                                                         nominal_impedance_ohm);
      if (!hr_check_finite ("sensitivity.value", sensitivity_db_per_v, error))
        return NULL;
    }

  self = g_object_new (HR_TYPE_HEADPHONE, NULL);
  self->name = g_strdup (name != NULL ? name : "");
  self->nominal_impedance_ohm = nominal_impedance_ohm;
  self->sensitivity_db_per_v = sensitivity_db_per_v;
  self->impedance = g_object_ref (impedance);
  return self;
}

/**
 * hr_headphone_new_renominated:
 *
 * The same headphone wound for another nominal impedance: the curve scales
 * with it, and the power sensitivity (dB/mW) stays. This is an assumption
 * of the model: a different winding of the same motor, filling the same
 * coil volume, converts power about equally well, so the voltage
 * sensitivity falls by 10·log10 of the impedance ratio.
 */
HrHeadphone *
hr_headphone_new_renominated (HrHeadphone  *self,
                              double        nominal_impedance_ohm,
                              GError      **error)
{
  g_autoptr(HrImpedance) scaled = NULL;
  HrHeadphone *renominated;
  HrHeadphone *with_response;
  double sensitivity_db_per_mw;

  g_return_val_if_fail (HR_IS_HEADPHONE (self), NULL);

  if (!hr_check_positive ("nominal_impedance_ohm", nominal_impedance_ohm, error))
    return NULL;

  scaled = hr_impedance_new_scaled (self->impedance,
                                    nominal_impedance_ohm / self->nominal_impedance_ohm,
                                    error);
  if (scaled == NULL)
    return NULL;

  sensitivity_db_per_mw = hr_headphone_get_sensitivity_db_per_mw (self);
  renominated = hr_headphone_new (self->name, nominal_impedance_ohm, sensitivity_db_per_mw,
                                  HR_SENSITIVITY_DB_PER_MW, scaled, error);
  if (renominated == NULL || self->response == NULL)
    return renominated;

  with_response = hr_headphone_new_with_response (renominated, self->response, self->n_response,
                                                  self->sensitivity_ref_freq_hz, error);
  g_object_unref (renominated);
  if (with_response != NULL)
    with_response->response_zout_ohm = self->response_zout_ohm;
  return with_response;
}

/**
 * hr_headphone_new_with_response:
 * @points: (array length=n_points): the headphone's frequency response,
 *   rising in frequency; its offset does not matter
 * @sensitivity_ref_freq_hz: the frequency the sensitivity is stated at
 *   (most makers 1 kHz, Beyerdynamic 500 Hz)
 *
 * The same headphone, with its own response. PHYSICS.md: headphone
 * responses are measured at constant voltage, so the SPL at f is the
 * voltage sensitivity plus 20·log10|V_L| plus the response at f against
 * the response where the sensitivity was measured.
 */
HrHeadphone *
hr_headphone_new_with_response (HrHeadphone            *self,
                                const HrResponsePoint  *points,
                                guint                   n_points,
                                double                  sensitivity_ref_freq_hz,
                                GError                **error)
{
  HrHeadphone *copy;

  g_return_val_if_fail (HR_IS_HEADPHONE (self), NULL);

  if (n_points == 0 || points == NULL)
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                           _("frequency_response must hold at least one point"));
      return NULL;
    }
  if (!hr_check_positive ("sensitivity.ref_freq_hz", sensitivity_ref_freq_hz, error))
    return NULL;

  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *freq_field = g_strdup_printf ("frequency_response.points[%u].freq_hz", i);
      g_autofree char *level_field = g_strdup_printf ("frequency_response.points[%u].level_db", i);

      if (!hr_check_positive (freq_field, points[i].freq_hz, error) ||
          !hr_check_finite (level_field, points[i].level_db, error))
        return NULL;
      if (i > 0 && !(points[i].freq_hz > points[i - 1].freq_hz))
        {
          char value_text[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (value_text, sizeof value_text, "%g", points[i].freq_hz);
          g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING,
                       _("%s must be greater than the frequency before it, got %s"),
                       freq_field, value_text);
          return NULL;
        }
    }

  copy = hr_headphone_new (self->name, self->nominal_impedance_ohm, self->sensitivity_db_per_v,
                           HR_SENSITIVITY_DB_PER_V, self->impedance, error);
  copy->sensitivity_ref_freq_hz = sensitivity_ref_freq_hz;
  copy->response = g_memdup2 (points, sizeof *points * n_points);
  copy->n_response = n_points;
  copy->response_at_ref_db = hr_response_level_db (points, n_points, sensitivity_ref_freq_hz);
  return copy;
}

/**
 * hr_headphone_new_with_response_zout:
 * @zout_ohm: the output impedance of the source the response was
 *   measured on (0 for a measurement amplifier)
 *
 * The same headphone, whose response is said to have been measured on
 * @zout_ohm: the predicted response takes out what that source did to it
 * before it puts in what the source in question does.
 */
HrHeadphone *
hr_headphone_new_with_response_zout (HrHeadphone  *self,
                                     double        zout_ohm,
                                     GError      **error)
{
  HrHeadphone *copy;

  g_return_val_if_fail (HR_IS_HEADPHONE (self), NULL);

  if (!hr_check_non_negative ("fr_zout_ohm", zout_ohm, error))
    return NULL;
  if (self->response == NULL)
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                           _("the headphones have no frequency response to say the source of"));
      return NULL;
    }
  copy = hr_headphone_new_with_response (self, self->response, self->n_response,
                                         self->sensitivity_ref_freq_hz, error);
  if (copy != NULL)
    copy->response_zout_ohm = zout_ohm;
  return copy;
}

double
hr_headphone_get_response_zout_ohm (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NAN);

  return self->response_zout_ohm;
}

/* The frequencies the response was measured over; FALSE without one. */
gboolean
hr_headphone_get_response_range (HrHeadphone *self,
                                 double      *fmin_hz,
                                 double      *fmax_hz)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), FALSE);

  if (self->response == NULL)
    return FALSE;
  *fmin_hz = self->response[0].freq_hz;
  *fmax_hz = self->response[self->n_response - 1].freq_hz;
  return TRUE;
}

gboolean
hr_headphone_has_response (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), FALSE);

  return self->response != NULL;
}

double
hr_headphone_get_sensitivity_ref_freq_hz (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NAN);

  return self->sensitivity_ref_freq_hz;
}

/**
 * hr_response_level_db:
 * @points: (array length=n_points): a response, rising in frequency
 *
 * The response at @freq_hz: linear in log f between the points, held
 * beyond the ends, like measured impedance points (PHYSICS.md).
 */
double
hr_response_level_db (const HrResponsePoint *points,
                      guint                  n_points,
                      double                 freq_hz)
{
  guint last;
  guint lo = 0;
  guint hi;

  g_return_val_if_fail (points != NULL && n_points > 0, 0.0);

  last = n_points - 1;
  hi = last;
  if (freq_hz <= points[0].freq_hz)
    return points[0].level_db;
  if (freq_hz >= points[last].freq_hz)
    return points[last].level_db;

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (points[mid].freq_hz <= freq_hz)
        lo = mid;
      else
        hi = mid;
    }

  return points[lo].level_db + (points[hi].level_db - points[lo].level_db)
                               * log (freq_hz / points[lo].freq_hz)
                               / log (points[hi].freq_hz / points[lo].freq_hz);
}

/**
 * hr_headphone_get_response_db:
 *
 * Returns: how much louder than the sensitivity says the headphone plays at
 *   @freq_hz, in dB: its response there against its response at the
 *   sensitivity's reference frequency; 0 without a response.
 */
double
hr_headphone_get_response_db (HrHeadphone *self,
                              double       freq_hz)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), 0.0);

  if (self->response == NULL)
    return 0.0;
  return hr_response_level_db (self->response, self->n_response, freq_hz) - self->response_at_ref_db;
}

const char *
hr_headphone_get_name (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NULL);

  return self->name;
}

double
hr_headphone_get_nominal_impedance_ohm (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NAN);

  return self->nominal_impedance_ohm;
}

double
hr_headphone_get_sensitivity_db_per_v (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NAN);

  return self->sensitivity_db_per_v;
}

/**
 * hr_headphone_has_sensitivity:
 *
 * Whether the sensitivity is known. Without it, SPLs and the voltage a
 * level needs are unknown (NAN), and the verdict says so.
 */
gboolean
hr_headphone_has_sensitivity (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), FALSE);

  return !isnan (self->sensitivity_db_per_v);
}

double
hr_headphone_get_sensitivity_db_per_mw (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NAN);

  return hr_sensitivity_db_per_v_to_db_per_mw (self->sensitivity_db_per_v,
                                               self->nominal_impedance_ohm);
}

HrImpedance *
hr_headphone_get_impedance (HrHeadphone *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE (self), NULL);

  return self->impedance;
}
