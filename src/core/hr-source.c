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

gboolean
hr_source_validate (const HrSource  *source,
                    GError         **error)
{
  g_return_val_if_fail (source != NULL, FALSE);

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
