/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <math.h>
#include <glib.h>

G_BEGIN_DECLS

/* A limit the spec sheet does not give. The model then applies no limit,
 * and the summary says that the check was skipped instead of guessing.
 */
#define HR_UNKNOWN   ((double) NAN)
/* No limit at all, as for an ideal source ("--zout" alone on the command line). */
#define HR_UNLIMITED ((double) INFINITY)

/* The most steps a source's maximum voltage has over the load. Apple's
 * jacks have three, RME's ADI-2 Pro FS three; eight leaves room and keeps
 * HrSource a value that copies with "=". */
#define HR_VOLTAGE_STEPS_MAX 8

/* One step of a maximum voltage that depends on the load: from @load_ohm
 * up (or from just above it, when @above), up to the next step's load.
 * Apple's jacks switch their level by the impedance they sense (1.25 Vrms
 * below 150 Ω, 3 Vrms from 150 Ω to 1 kΩ); RME's ADI-2 Pro FS limits its
 * level into low loads (+15 dBu at 16 Ω, +19 dBu at 32 Ω, +22 dBu above). */
typedef struct
{
  double   load_ohm;
  gboolean above;
  double   vrms;
} HrVoltageStep;

/* A source as a Thévenin equivalent (PHYSICS.md, "The circuit"). The figures
 * are those of the output as measured: a balanced output's figures are the
 * balanced ones, see hr_source_make_balanced().
 */
typedef struct
{
  double   output_impedance_ohm;  /* resistive part, >= 0 */
  double   dc_block_uf;           /* series DC-blocking capacitor, 0 for none */
  double   max_voltage_vrms;      /* open circuit; HR_UNKNOWN or HR_UNLIMITED allowed */
  double   max_current_ma;        /* HR_UNKNOWN or HR_UNLIMITED allowed */
  gboolean balanced;
  double   noise_vrms;            /* A-weighted output noise; 0 for none, HR_UNKNOWN allowed */
  double   min_load_ohm;          /* the least load it is rated for; 0 when none is stated */
  gboolean zout_assumed;          /* output_impedance_ohm is not known but assumed, to explore */
  /* The maximum voltage as steps over the load, in place of
   * max_voltage_vrms; none when n_voltage_steps is 0. The load is the one
   * on the source's terminals, |Z| at 1 kHz: see hr_circuit_apply_voltage_steps(). */
  guint         n_voltage_steps;
  HrVoltageStep voltage_steps[HR_VOLTAGE_STEPS_MAX];
} HrSource;

/* What sits between the source and the headphone: the cable's round-trip
 * resistance and an impedance adapter (a series and a shunt resistor).
 */
typedef struct
{
  double cable_ohm;           /* >= 0 */
  double adapter_series_ohm;  /* >= 0 */
  double adapter_shunt_ohm;   /* > 0, INFINITY for no shunt */
} HrConnection;

/* The ideal source: no output impedance, no limits, no noise. */
#define HR_SOURCE_INIT     { 0.0, 0.0, HR_UNLIMITED, HR_UNLIMITED, FALSE, 0.0, 0.0, FALSE }
#define HR_CONNECTION_INIT { 0.0, 0.0, INFINITY }

gboolean        hr_source_validate               (const HrSource     *source,
                                                  GError            **error);
gboolean        hr_connection_validate           (const HrConnection *connection,
                                                  GError            **error);
void            hr_source_make_balanced          (HrSource           *source);
double complex  hr_source_eval_zout              (const HrSource     *source,
                                                  double              freq_hz);
double          hr_source_max_voltage_at_load    (const HrSource     *source,
                                                  double              load_ohm);
gboolean        hr_limit_is_known                (double              limit);
gboolean        hr_limit_is_finite               (double              limit);

G_END_DECLS
