/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <glib.h>

#include "hr-chart.h"
#include "hr-core.h"

/* Configurations for the chart tests and the chart benchmark: circuits
 * the model computes, so that what a test expects on the chart follows
 * from the physics, not from the chart's own numbers. Static helpers for
 * test-chart*.c and bench-chart.c alone. */

typedef struct
{
  const char *label;
  double      re_ohm;     /* 0 for a plain resistor of r_ohm */
  double      r_ohm;
  double      fs_hz;
  double      zout_ohm;
  double      max_voltage_vrms;
  double      max_current_ma;
  double      dc_block_uf;
} FixtureConfig;

/* Eight configurations, as the app's pins might hold: dynamic drivers
 * with a bass resonance, planars, IEMs, sources with and without limits. */
static const FixtureConfig fixture_configs[8] = {
  { "HD 600 on Scarlett 2i2 line out", 300.0, 0.0, 90.0, 430.0, 5.5, HR_UNKNOWN, 0.0 },
  { "HD 600 on O2", 300.0, 0.0, 90.0, 0.5, 7.0, 100.0, 0.0 },
  { "DT 770/32 on Scarlett 2i2", 26.0, 0.0, 85.0, 10.0, 1.5, 40.0, 0.0 },
  { "Sundara on phone", 0.0, 37.0, 0.0, 3.1, 0.286, 25.0, 0.0 },
  { "IEM 16 Ω on laptop", 0.0, 16.0, 0.0, 75.0, 1.0, 20.0, 0.0 },
  { "HD 650 on tube preamp", 300.0, 0.0, 85.0, 1000.0, 20.0, 5.0, 10.0 },
  { "K702 on IEC output", 62.0, 0.0, 75.0, 120.0, 5.0, 40.0, 0.0 },
  { "HE400se on DragonFly", 0.0, 25.0, 0.0, 0.3, 1.15, 60.0, 0.0 },
};

/* The sweep of @config at @level_db_spl and, when @summary is given,
 * its summary: the verdict and reasons of the configuration. */
static HrSweep *
fixture_compute (const FixtureConfig  *config,
                 double                level_db_spl,
                 guint                 n_points,
                 HrSummary           **summary)
{
  g_autoptr(HrImpedance) impedance = NULL;
  g_autoptr(HrHeadphone) headphone = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  HrDrive drive = { HR_DRIVE_SPL, level_db_spl };

  if (config->re_ohm > 0.0)
    {
      const HrThieleSmall ts = { config->re_ohm, 1e-4, config->fs_hz, 2.0, 0.6 };

      impedance = hr_impedance_new_thiele_small (&ts, NULL);
    }
  else
    impedance = hr_impedance_new_resistor (config->r_ohm, NULL);
  g_assert_nonnull (impedance);
  headphone = hr_headphone_new (config->label, config->re_ohm > 0 ? config->re_ohm : config->r_ohm,
                                100.0, HR_SENSITIVITY_DB_PER_V, impedance, NULL);
  g_assert_nonnull (headphone);
  /* A response of their own, so that the response chart has something to
   * draw: a made-up curve of the usual shape (a bass shelf, the ear-gain
   * peak near 3 kHz, a treble roll-off), 20 Hz to 19.5 kHz, which is
   * nobody's measurement. */
  {
    static const HrResponsePoint shape[] = {
      { 20.0, 4.0 }, { 100.0, 3.0 }, { 300.0, 0.5 }, { 1000.0, 0.0 }, { 3000.0, 7.0 },
      { 6000.0, 2.0 }, { 10000.0, -1.0 }, { 19500.0, -8.0 },
    };
    HrHeadphone *with_response = hr_headphone_new_with_response (headphone, shape, G_N_ELEMENTS (shape),
                                                                 1000.0, NULL);

    g_assert_nonnull (with_response);
    g_object_unref (headphone);
    headphone = with_response;
  }

  circuit.headphone = headphone;
  circuit.source.output_impedance_ohm = config->zout_ohm;
  circuit.source.max_voltage_vrms = config->max_voltage_vrms;
  circuit.source.max_current_ma = config->max_current_ma;
  circuit.source.dc_block_uf = config->dc_block_uf;

  sweep = hr_sweep_new_log (20.0, 20000.0, n_points, NULL);
  g_assert_nonnull (sweep);
  g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, NULL));
  if (summary != NULL)
    {
      *summary = hr_summary_compute (sweep, &circuit, HR_DEFAULT_CREST_FACTOR_DB, NULL);
      g_assert_nonnull (*summary);
    }

  return g_steal_pointer (&sweep);
}

static HrSweep *
fixture_sweep (const FixtureConfig *config,
               double               level_db_spl,
               guint                n_points)
{
  return fixture_compute (config, level_db_spl, n_points, NULL);
}

static HrChartTrace *
fixture_trace (guint   index,
               double  level_db_spl,
               guint   n_points)
{
  const FixtureConfig *config = &fixture_configs[index % G_N_ELEMENTS (fixture_configs)];
  HrSweep *sweep = fixture_sweep (config, level_db_spl, n_points);
  HrChartTrace *trace = hr_chart_trace_new (config->label, sweep, (GDestroyNotify) hr_sweep_free);

  hr_chart_trace_set_current_limit_ma (trace, config->max_current_ma);
  hr_chart_trace_set_slot (trace, index);
  return trace;
}

/* @n_traces of the configurations above, the first one live. */
static HrChartView *
fixture_view (guint   n_traces,
              double  level_db_spl,
              guint   n_points)
{
  HrChartView *view = hr_chart_view_new ();

  for (guint i = 0; i < n_traces; i++)
    {
      g_autoptr(HrChartTrace) trace = fixture_trace (i, level_db_spl, n_points);

      hr_chart_trace_set_live (trace, i == 0);
      hr_chart_view_add_trace (view, trace);
    }
  hr_chart_view_set_title (view, n_traces == 1 ? fixture_configs[0].label : "Comparison");
  hr_chart_view_set_subtitle (view, "95 dB SPL at 1 kHz · 2026-11-24");
  return view;
}
