/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "hr-chart-private.h"

/* The legend names each configuration ("HD 600 on Scarlett 2i2 line
 * out") beside a sample of its line: colour, dash and width. One legend
 * serves all four charts, since a configuration looks the same on each;
 * it flows in rows under the charts. With one trace there is nothing to
 * tell apart, and the title names it (UI.md). */

#define SWATCH_W  26.0
#define SWATCH_GAP 6.0
#define ENTRY_GAP 20.0
#define ROW_GAP    4.0

gboolean
hr_chart_legend_shown (HrChartView *view)
{
  guint n_drawn = 0;

  for (guint i = 0; i < view->traces->len; i++)
    if (hr_chart_trace_is_drawn (g_ptr_array_index (view->traces, i)))
      n_drawn++;
  return n_drawn > 1;
}

/* Lays the entries out in @width, calling @draw for each when given;
 * returns the height used. */
static double
flow (cairo_t        *cr,
      HrChartView    *view,
      double          x0,
      double          y0,
      double          width,
      double          scale,
      HrChartPainter *draw)
{
  cairo_font_extents_t fe;
  double row_h;
  double x = x0;
  double y = y0;
  guint n_rows = 0;

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, scale);
  cairo_font_extents (cr, &fe);
  row_h = fe.ascent + fe.descent + ROW_GAP * scale;

  for (guint i = 0; i < view->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (view->traces, i);
      g_autofree char *label = NULL;
      double entry_w;

      if (!hr_chart_trace_is_drawn (trace))
        continue;

      label = hr_chart_text_fit_width (cr, trace->label, width - (SWATCH_W + SWATCH_GAP) * scale);
      entry_w = (SWATCH_W + SWATCH_GAP) * scale + hr_chart_text_width (cr, label);
      if (n_rows == 0)
        n_rows = 1;
      else if (x > x0 && x + entry_w > x0 + width)
        {
          x = x0;
          y += row_h;
          n_rows++;
        }

      if (draw != NULL)
        {
          double baseline = y + fe.ascent;
          double mid_y = baseline - (fe.ascent - fe.descent) / 2.0;
          double line_w = hr_chart_trace_width (trace, scale);

          hr_chart_set_source (cr, hr_chart_slot_color (view->theme, trace->slot), 1.0);
          hr_chart_set_slot_dash (cr, trace->slot, line_w / 2.0);
          cairo_set_line_width (cr, line_w);
          cairo_move_to (cr, x, mid_y);
          cairo_rel_line_to (cr, SWATCH_W * scale, 0.0);
          cairo_stroke (cr);

          hr_chart_set_source (cr, draw->style->foreground, draw->style->text_alpha);
          hr_chart_draw_text (draw, HR_CHART_TEXT_LEGEND, label,
                              x + (SWATCH_W + SWATCH_GAP) * scale, baseline);
        }
      x += entry_w + ENTRY_GAP * scale;
    }

  return n_rows * row_h - (n_rows > 0 ? ROW_GAP * scale : 0.0);
}

double
hr_chart_legend_height (cairo_t     *cr,
                        HrChartView *view,
                        double       width,
                        double       scale)
{
  if (!hr_chart_legend_shown (view))
    return 0.0;
  return flow (cr, view, 0.0, 0.0, width, scale, NULL);
}

void
hr_chart_draw_legend (HrChartPainter *painter,
                      HrChartRect     area)
{
  if (!hr_chart_legend_shown (painter->view))
    return;

  cairo_save (painter->cr);
  cairo_rectangle (painter->cr, area.x, area.y, area.width, area.height);
  cairo_clip (painter->cr);
  flow (painter->cr, painter->view, area.x, area.y, area.width, painter->scale, painter);
  cairo_restore (painter->cr);
}
