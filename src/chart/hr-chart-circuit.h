/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hr-chart.h"

G_BEGIN_DECLS

/* The circuit, drawn: the source as a voltage source behind its output
 * impedance (and its DC-blocking capacitor), the cable, the adapter's
 * series and shunt resistors, the headphones as their impedance, with the
 * figures at one frequency beside each part. The figures are the core's
 * (hr_circuit_eval()), scaled to the drive; the drawing only places them.
 *
 * One function draws it into any cairo_t, as hr_chart_render() does the
 * charts: a dialog's widget, and export to PNG, SVG and PDF. */

/* Where the figures are read when nobody points at a frequency: where
 * sensitivities and impedances are specified. */
#define HR_CHART_CIRCUIT_DEFAULT_FREQ_HZ 1000.0

typedef struct
{
  const HrCircuit *circuit;        /* resolved: source, connection, headphone */
  double           voc_vrms;       /* the open-circuit drive (HrSweep.voc_vrms); NAN when the level is not known */
  double           freq_hz;        /* where the figures are read */
  const char      *source_name;    /* "Fireface 800 · Line out"; NULL for none */
  const char      *headphone_name; /* "HD 650"; NULL for none */
} HrChartCircuit;

void hr_chart_circuit_render (cairo_t              *cr,
                              const HrChartCircuit *circuit,
                              HrChartTheme          theme,
                              double                scale,
                              double                width,
                              double                height);

G_END_DECLS
