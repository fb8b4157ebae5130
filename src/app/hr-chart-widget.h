/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hr-chart.h"

G_BEGIN_DECLS

#define HR_TYPE_CHART_WIDGET (hr_chart_widget_get_type ())

G_DECLARE_FINAL_TYPE (HrChartWidget, hr_chart_widget, HR, CHART_WIDGET, GtkWidget)

HrChartView *hr_chart_widget_get_view      (HrChartWidget *self);
void         hr_chart_widget_begin_change  (HrChartWidget *self);
void         hr_chart_widget_changed       (HrChartWidget *self);
gboolean     hr_chart_widget_get_hover_freq (HrChartWidget *self,
                                             double        *freq_hz);
char        *hr_chart_widget_dup_readout   (HrChartWidget *self);
void         hr_chart_widget_set_highlight (HrChartWidget        *self,
                                            const HrReasonRegion *region,
                                            guint                 number);

G_END_DECLS
