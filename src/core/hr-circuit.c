/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-circuit.h"
#include "hr-complex-private.h"
#include "hr-model-error.h"

/* The voltage divider of PHYSICS.md, "The circuit", at one frequency.
 *
 * The source is a Thévenin equivalent Voc behind Zout(f). A cable and an
 * adapter's series resistor add to Zout; an adapter's shunt resistor across
 * the headphone turns the whole into a new Thévenin equivalent:
 *
 *   Voc' = Voc·Rp/(Rp + Zs)     Zth = Zs ∥ Rp     where Zs = Zout + Rcable + Rseries
 *
 * Everything here is per volt of Voc, so that one evaluation serves any
 * level, and the sweep only scales.
 */

gboolean
hr_circuit_validate (const HrCircuit  *circuit,
                     GError          **error)
{
  g_return_val_if_fail (circuit != NULL, FALSE);
  g_return_val_if_fail (HR_IS_HEADPHONE (circuit->headphone), FALSE);

  return hr_source_validate (&circuit->source, error) &&
         hr_connection_validate (&circuit->connection, error);
}

void
hr_circuit_eval_at_z (const HrCircuit *circuit,
                      double           freq_hz,
                      double complex   z_load_ohm,
                      HrCircuitPoint  *point)
{
  const HrSource *source = &circuit->source;
  const HrConnection *connection = &circuit->connection;
  const double shunt_ohm = connection->adapter_shunt_ohm;
  double complex zout_ohm;
  double complex zs_ohm;
  double complex divider = 1.0;
  double complex zth_ohm;
  double v_max_by_voltage = INFINITY;
  double v_max_by_current = INFINITY;

  zout_ohm = hr_source_eval_zout (source, freq_hz);
  zs_ohm = zout_ohm + connection->cable_ohm + connection->adapter_series_ohm;
  zth_ohm = zs_ohm;
  if (isfinite (shunt_ohm))
    {
      divider = shunt_ohm / (shunt_ohm + zs_ohm);
      zth_ohm = zs_ohm * divider;
    }

  point->freq_hz = freq_hz;
  point->z_load_ohm = z_load_ohm;
  point->z_thevenin_ohm = zth_ohm;
  point->i_load_per_v = divider / (z_load_ohm + zth_ohm);
  point->transfer = z_load_ohm * point->i_load_per_v;
  point->i_source_per_v = point->i_load_per_v;
  point->i_shunt_per_v = 0.0;
  if (isfinite (shunt_ohm))
    {
      point->i_shunt_per_v = point->transfer / shunt_ohm;
      point->i_source_per_v += point->i_shunt_per_v;
    }
  /* The source current flows through every series part; what each
   * drops, and the load voltage, add up to Voc. */
  point->z_source_ohm = zout_ohm;
  point->v_zout_per_v = zout_ohm * point->i_source_per_v;
  point->v_cable_per_v = connection->cable_ohm * point->i_source_per_v;
  point->v_series_per_v = connection->adapter_series_ohm * point->i_source_per_v;
  point->v_jack_per_v = 1.0 - point->v_zout_per_v;
  /* Real power: |I|²·Re(Zl). V²/|Z| would be apparent power. */
  point->p_load_w_per_v2 = hr_cabs2 (point->i_load_per_v) * creal (z_load_ohm);

  /* The load voltage is capped twice: by the swing the source has, which
   * the divider scales, and by the current it can deliver, which the load
   * (and a shunt beside it) turns into a voltage (PHYSICS.md, "Clipping").
   * An unknown limit applies no cap; the summary says so. */
  if (isfinite (source->max_voltage_vrms) || isfinite (source->max_current_ma))
    {
      const double transfer_mag = hr_cabs (point->transfer);

      if (isfinite (source->max_voltage_vrms))
        v_max_by_voltage = source->max_voltage_vrms * transfer_mag;
      if (isfinite (source->max_current_ma))
        v_max_by_current = source->max_current_ma * 1e-3
                         * transfer_mag / hr_cabs (point->i_source_per_v);
    }

  if (v_max_by_voltage == INFINITY && v_max_by_current == INFINITY)
    {
      point->v_load_max_vrms = INFINITY;
      point->limit = HR_LIMIT_NONE;
    }
  else if (v_max_by_voltage <= v_max_by_current)
    {
      point->v_load_max_vrms = v_max_by_voltage;
      point->limit = HR_LIMIT_VOLTAGE;
    }
  else
    {
      point->v_load_max_vrms = v_max_by_current;
      point->limit = HR_LIMIT_CURRENT;
    }
}

void
hr_circuit_eval (const HrCircuit *circuit,
                 double           freq_hz,
                 HrCircuitPoint  *point)
{
  double complex z_load_ohm;

  g_return_if_fail (circuit != NULL);
  g_return_if_fail (point != NULL);

  z_load_ohm = hr_impedance_eval (hr_headphone_get_impedance (circuit->headphone), freq_hz);
  hr_circuit_eval_at_z (circuit, freq_hz, z_load_ohm, point);
}

/**
 * hr_circuit_source_load_ohm:
 * @z_load_ohm: the headphone's impedance at the frequency of interest
 *
 * The load on the source's terminals: the cable and the adapter's series
 * resistor in series with the headphone and the adapter's shunt in
 * parallel, Rcable + Rseries + (Zl ∥ Rp). This is what an impedance
 * measurement at the source's jack would read, so it is what an exported
 * curve holds: the source's own Zout is not part of it.
 */
double complex
hr_circuit_source_load_ohm (const HrCircuit *circuit,
                            double complex   z_load_ohm)
{
  const HrConnection *connection;
  double complex z_ohm = z_load_ohm;

  g_return_val_if_fail (circuit != NULL, z_load_ohm);

  connection = &circuit->connection;
  if (isfinite (connection->adapter_shunt_ohm))
    z_ohm = z_load_ohm * connection->adapter_shunt_ohm
          / (z_load_ohm + connection->adapter_shunt_ohm);

  return z_ohm + connection->cable_ohm + connection->adapter_series_ohm;
}

/**
 * hr_circuit_apply_voltage_steps:
 *
 * Puts the maximum voltage of a source whose maximum depends on the load
 * (HrSource.voltage_steps) in place, for this load: the step that |Z| at
 * 1 kHz of the load on the source's terminals falls in. One figure for the
 * whole band, as the source itself decides once: Apple's jacks sense the
 * load when it is plugged in and keep their level. 1 kHz is where
 * impedances are specified, and what the messages say the step was taken
 * at. Afterwards the source has no steps, so that a second call changes
 * nothing.
 *
 * Returns: the |Z| at 1 kHz the step was taken at, or NAN when the
 *   source has no steps
 */
double
hr_circuit_apply_voltage_steps (HrCircuit *circuit)
{
  double load_ohm;

  g_return_val_if_fail (circuit != NULL, NAN);

  if (circuit->source.n_voltage_steps == 0)
    return NAN;

  load_ohm = hr_cabs (hr_circuit_source_load_ohm (circuit,
                                                  hr_impedance_eval (hr_headphone_get_impedance (circuit->headphone),
                                                                     HR_CIRCUIT_STEP_FREQ_HZ)));
  circuit->source.max_voltage_vrms = hr_source_max_voltage_at_load (&circuit->source, load_ohm);
  circuit->source.n_voltage_steps = 0;
  return load_ohm;
}

const char *
hr_limit_to_string (HrLimit limit)
{
  switch (limit)
    {
    case HR_LIMIT_NONE:
      return "none";
    case HR_LIMIT_VOLTAGE:
      return "voltage";
    case HR_LIMIT_CURRENT:
      return "current";
    default:
      g_return_val_if_reached (NULL);
    }
}
