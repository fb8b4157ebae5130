/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <glib.h>

#include "hr-headphone.h"
#include "hr-source.h"

G_BEGIN_DECLS

/* Where a maximum voltage that depends on the load reads the load. */
#define HR_CIRCUIT_STEP_FREQ_HZ 1000.0

typedef enum
{
  HR_LIMIT_NONE,
  HR_LIMIT_VOLTAGE,
  HR_LIMIT_CURRENT,
} HrLimit;

/* The electrical state at one frequency, per volt of open-circuit drive
 * where it scales with the drive. Everything else is derived from these.
 */
typedef struct
{
  double         freq_hz;
  double complex z_load_ohm;     /* the headphone */
  double complex z_thevenin_ohm; /* what the headphone sees: Zout, cable, adapter */
  double complex transfer;       /* V_L / Voc, adapter divider included */
  double complex i_load_per_v;   /* headphone current per volt of Voc, in A/V */
  double complex i_source_per_v; /* source current per volt of Voc, in A/V */
  double         v_load_max_vrms;/* the clean ceiling of |V_L|, INFINITY if none */
  HrLimit        limit;
  /* Each part of the circuit on its own, for a drawing of it that puts
   * a figure beside every part: the source's own Zout(f) (its
   * DC-blocking capacitor included), the voltage across each series part
   * and at the source's terminals, per volt of Voc, the current through
   * the adapter's shunt in A/V (0 without one), and the real power in
   * the headphone, |I_L|²·Re(Zl), in W per Vrms² of Voc. */
  double complex z_source_ohm;
  double complex v_zout_per_v;
  double complex v_cable_per_v;
  double complex v_series_per_v;
  double complex v_jack_per_v;
  double complex i_shunt_per_v;
  double         p_load_w_per_v2;
} HrCircuitPoint;

typedef struct
{
  HrHeadphone  *headphone;   /* borrowed */
  HrSource      source;
  HrConnection  connection;
} HrCircuit;

gboolean        hr_circuit_validate        (const HrCircuit *circuit,
                                            GError         **error);
void            hr_circuit_eval            (const HrCircuit *circuit,
                                            double           freq_hz,
                                            HrCircuitPoint  *point);
void            hr_circuit_eval_at_z       (const HrCircuit *circuit,
                                            double           freq_hz,
                                            double complex   z_load_ohm,
                                            HrCircuitPoint  *point);
double complex  hr_circuit_source_load_ohm (const HrCircuit *circuit,
                                            double complex   z_load_ohm);
double          hr_circuit_apply_voltage_steps (HrCircuit   *circuit);
const char     *hr_limit_to_string         (HrLimit          limit);

G_END_DECLS
