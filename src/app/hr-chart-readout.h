/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hr-chart.h"

G_BEGIN_DECLS

char *hr_chart_readout_text (HrChartView *view,
                             HrChartKind  kind,
                             double       freq_hz,
                             gboolean     markup);
void  hr_chart_readout_draw (GtkWidget         *widget,
                             cairo_t           *cr,
                             HrChartView       *view,
                             const HrChartAxes *axes,
                             double             freq_hz,
                             double             card_y);

G_END_DECLS
