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
  HrImpedance       *impedance;
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
  return hr_headphone_new (self->name, nominal_impedance_ohm, sensitivity_db_per_mw,
                           HR_SENSITIVITY_DB_PER_MW, scaled, error);
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
