/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-model-error.h"
#include "hr-source.h"

gboolean
hr_limit_is_known (double limit)
{
  return !isnan (limit);
}

gboolean
hr_limit_is_finite (double limit)
{
  return isfinite (limit);
}

/* A limit is a positive figure, unknown, or no limit at all; zero or a
 * negative figure is a mistake in the data. */
static gboolean
check_limit (const char  *field,
             double       limit,
             GError     **error)
{
  if (isnan (limit) || limit == INFINITY)
    return TRUE;
  return hr_check_positive (field, limit, error);
}

/* The steps of a voltage that depends on the load: each a positive
 * voltage from a load of 0 Ω or more, in the order of their loads. A step
 * "from 32 Ω" may be followed by one "above 32 Ω" (RME's words for the
 * ADI-2 Pro FS), but two steps never start at one load. */
static gboolean
check_voltage_steps (const HrSource  *source,
                     GError         **error)
{
  if (source->n_voltage_steps > HR_VOLTAGE_STEPS_MAX)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("max_voltage_by_load must hold at most %u steps, got %u"),
                   HR_VOLTAGE_STEPS_MAX, source->n_voltage_steps);
      return FALSE;
    }

  for (guint i = 0; i < source->n_voltage_steps; i++)
    {
      const HrVoltageStep *step = &source->voltage_steps[i];
      const char *bound = step->above ? "above_ohm" : "from_ohm";
      g_autofree char *load_field = g_strdup_printf ("max_voltage_by_load[%u].%s", i, bound);
      g_autofree char *vrms_field = g_strdup_printf ("max_voltage_by_load[%u].max_voltage_vrms", i);

      if (!hr_check_non_negative (load_field, step->load_ohm, error) ||
          !hr_check_positive (vrms_field, step->vrms, error))
        return FALSE;

      if (i > 0)
        {
          const HrVoltageStep *before = &source->voltage_steps[i - 1];

          if (step->load_ohm < before->load_ohm
              || (step->load_ohm == before->load_ohm && (before->above || !step->above)))
            {
              char load_text[G_ASCII_DTOSTR_BUF_SIZE];
              char before_text[G_ASCII_DTOSTR_BUF_SIZE];

              g_ascii_formatd (load_text, sizeof load_text, "%g", step->load_ohm);
              g_ascii_formatd (before_text, sizeof before_text, "%g", before->load_ohm);
              g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING,
                           /* Translators: the steps of a table must be in the order of their loads */
                           _("%s must start above the step before it (%s %s Ω), got %s"),
                           load_field, before->above ? _("above") : _("from"), before_text, load_text);
              return FALSE;
            }
        }
    }
  return TRUE;
}

gboolean
hr_source_validate (const HrSource  *source,
                    GError         **error)
{
  g_return_val_if_fail (source != NULL, FALSE);

  if (!check_voltage_steps (source, error))
    return FALSE;

  /* 0 Ω is allowed on purpose: the ideal source is the reference every
   * real one is measured against. */
  return hr_check_non_negative ("output_impedance_ohm", source->output_impedance_ohm, error) &&
         hr_check_non_negative ("dc_block_uf", source->dc_block_uf, error) &&
         check_limit ("max_voltage_vrms", source->max_voltage_vrms, error) &&
         check_limit ("max_current_ma", source->max_current_ma, error) &&
         (isnan (source->noise_vrms)
          || hr_check_non_negative ("noise_vrms", source->noise_vrms, error)) &&
         hr_check_non_negative ("min_load_ohm", source->min_load_ohm, error);
}

gboolean
hr_connection_validate (const HrConnection  *connection,
                        GError             **error)
{
  g_return_val_if_fail (connection != NULL, FALSE);

  if (!hr_check_non_negative ("cable_ohm", connection->cable_ohm, error) ||
      !hr_check_non_negative ("adapter_series_ohm", connection->adapter_series_ohm, error))
    return FALSE;

  if (connection->adapter_shunt_ohm == INFINITY)
    return TRUE;
  return hr_check_positive ("adapter_shunt_ohm", connection->adapter_shunt_ohm, error);
}

/**
 * hr_source_make_balanced:
 *
 * Turns the figures of one single-ended leg into those of a balanced
 * output built from two: twice the voltage into the same load, and the two
 * legs' output impedances in series (PHYSICS.md; RME ADI-2 Pro SE manual
 * §34.6). Each leg still delivers the same current. The legs' noise is
 * uncorrelated, so it adds as power: √2 times one leg's. Each leg sees
 * half the load, so the least load the pair is rated for is twice one's.
 */
void
hr_source_make_balanced (HrSource *source)
{
  g_return_if_fail (source != NULL);

  if (source->balanced)
    return;

  source->balanced = TRUE;
  source->output_impedance_ohm *= 2.0;
  source->max_voltage_vrms *= 2.0;
  source->noise_vrms *= G_SQRT2;
  source->min_load_ohm *= 2.0;
  /* Two blocking capacitors in series have half the capacitance. */
  source->dc_block_uf /= 2.0;
  /* The same steps in each leg: twice the voltage, each at twice the load
   * the pair sees. */
  for (guint i = 0; i < source->n_voltage_steps; i++)
    {
      source->voltage_steps[i].load_ohm *= 2.0;
      source->voltage_steps[i].vrms *= 2.0;
    }
}

/**
 * hr_source_max_voltage_at_load:
 * @load_ohm: |Z| of the load on the source's terminals
 *
 * The maximum open-circuit voltage into @load_ohm: the step of the table
 * that @load_ohm falls in, or max_voltage_vrms for a source without one.
 * Below the table's first step nothing is stated, so the voltage is
 * unknown there, not the first step's: RME gives no level below 16 Ω.
 *
 * Returns: Vrms, HR_UNKNOWN or HR_UNLIMITED
 */
double
hr_source_max_voltage_at_load (const HrSource *source,
                               double          load_ohm)
{
  double vrms = HR_UNKNOWN;

  g_return_val_if_fail (source != NULL, HR_UNKNOWN);

  if (source->n_voltage_steps == 0)
    return source->max_voltage_vrms;

  for (guint i = 0; i < source->n_voltage_steps && i < HR_VOLTAGE_STEPS_MAX; i++)
    {
      const HrVoltageStep *step = &source->voltage_steps[i];

      if (step->above ? load_ohm > step->load_ohm : load_ohm >= step->load_ohm)
        vrms = step->vrms;
    }
  return vrms;
}

/**
 * hr_source_eval_zout:
 *
 * Zout(f) = R_out + 1/(j·2πf·C_out) with a DC-blocking capacitor, which
 * is why such an output's impedance rises in the bass.
 */
double complex
hr_source_eval_zout (const HrSource *source,
                     double          freq_hz)
{
  double complex zout_ohm = source->output_impedance_ohm;

  if (source->dc_block_uf > 0.0)
    zout_ohm += hr_complex (0.0, -1.0 / (2.0 * G_PI * freq_hz * source->dc_block_uf * 1e-6));

  return zout_ohm;
}
