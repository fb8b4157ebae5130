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

/* Where each entry goes: its place, and its name as drawn. */
typedef struct
{
  double x;
  double y;
  char  *label;
} Place;

static void
place_clear (Place *place)
{
  g_clear_pointer (&place->label, g_free);
}

/* Entries flowed at their own widths, wrapped where the next does not
 * fit: every name whole. Returns the number of rows. */
static guint
layout_flow (cairo_t *cr,
             GPtrArray *traces,
             double   width,
             double   row_h,
             double   scale,
             GArray  *places)
{
  double x = 0.0;
  double y = 0.0;
  guint n_rows = 1;

  for (guint i = 0; i < traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (traces, i);
      Place place;
      double entry_w;

      place.label = hr_chart_text_fit_width (cr, trace->label, width - (SWATCH_W + SWATCH_GAP) * scale);
      entry_w = (SWATCH_W + SWATCH_GAP) * scale + hr_chart_text_width (cr, place.label);
      if (x > 0.0 && x + entry_w > width)
        {
          x = 0.0;
          y += row_h;
          n_rows++;
        }
      place.x = x;
      place.y = y;
      g_array_append_val (places, place);
      x += entry_w + ENTRY_GAP * scale;
    }
  return n_rows;
}

/* Entries in columns of equal width, row by row, each name shortened to
 * its column. Returns the number of rows. */
#define MIN_COLUMN_W 240.0

static guint
layout_columns (cairo_t   *cr,
                GPtrArray *traces,
                double     width,
                double     row_h,
                double     scale,
                GArray    *places)
{
  guint n_columns = CLAMP ((guint) ((width + ENTRY_GAP * scale) / ((MIN_COLUMN_W + ENTRY_GAP) * scale)),
                           1, traces->len);
  double column_w = (width - (n_columns - 1) * ENTRY_GAP * scale) / n_columns;

  for (guint i = 0; i < traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (traces, i);
      Place place;

      place.x = (i % n_columns) * (column_w + ENTRY_GAP * scale);
      place.y = (i / n_columns) * row_h;
      place.label = hr_chart_text_fit_width (cr, trace->label, column_w - (SWATCH_W + SWATCH_GAP) * scale);
      g_array_append_val (places, place);
    }
  return (traces->len + n_columns - 1) / n_columns;
}

/* Lays the entries out in @width, calling @draw for each when given;
 * returns the height used. Flowed, every name whole, unless columns
 * take fewer rows: long names one to a row pushed the charts into a
 * strip. */
static double
flow (cairo_t        *cr,
      HrChartView    *view,
      double          x0,
      double          y0,
      double          width,
      double          scale,
      HrChartPainter *draw)
{
  g_autoptr(GPtrArray) drawn = g_ptr_array_new ();
  g_autoptr(GArray) flowed = g_array_new (FALSE, FALSE, sizeof (Place));
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (Place));
  cairo_font_extents_t fe;
  GArray *places;
  double row_h;
  guint n_rows;
  guint n_column_rows;

  g_array_set_clear_func (flowed, (GDestroyNotify) place_clear);
  g_array_set_clear_func (columns, (GDestroyNotify) place_clear);
  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, scale);
  cairo_font_extents (cr, &fe);
  row_h = fe.ascent + fe.descent + ROW_GAP * scale;

  for (guint i = 0; i < view->traces->len; i++)
    if (hr_chart_trace_is_drawn (g_ptr_array_index (view->traces, i)))
      g_ptr_array_add (drawn, g_ptr_array_index (view->traces, i));
  if (drawn->len == 0)
    return 0.0;

  n_rows = layout_flow (cr, drawn, width, row_h, scale, flowed);
  n_column_rows = layout_columns (cr, drawn, width, row_h, scale, columns);
  places = flowed;
  if (n_column_rows < n_rows)
    {
      places = columns;
      n_rows = n_column_rows;
    }

  for (guint i = 0; i < drawn->len && draw != NULL; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (drawn, i);
      const Place *place = &g_array_index (places, Place, i);
      double baseline = y0 + place->y + fe.ascent;
      double mid_y = baseline - (fe.ascent - fe.descent) / 2.0;
      double line_w = hr_chart_trace_width (trace, scale);

      hr_chart_set_source (cr, hr_chart_slot_color (view->theme, trace->slot), 1.0);
      hr_chart_set_slot_dash (cr, trace->slot, line_w / 2.0);
      cairo_set_line_width (cr, line_w);
      cairo_move_to (cr, x0 + place->x, mid_y);
      cairo_rel_line_to (cr, SWATCH_W * scale, 0.0);
      cairo_stroke (cr);

      hr_chart_set_source (cr, draw->style->foreground, draw->style->text_alpha);
      hr_chart_draw_text (draw, HR_CHART_TEXT_LEGEND, place->label,
                          x0 + place->x + (SWATCH_W + SWATCH_GAP) * scale, baseline);
    }

  return n_rows * row_h - ROW_GAP * scale;
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

/**
 * hr_chart_view_get_legend_height:
 * @width: the width of the figure
 *
 * How tall the legend is when the view is drawn @width wide, with the
 * room between it and the charts: what a widget adds to the height it
 * asks for the charts.
 */
double
hr_chart_view_get_legend_height (HrChartView *self,
                                 double       width)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double pad;
  double height;

  g_return_val_if_fail (self != NULL, 0.0);

  if (!hr_chart_legend_shown (self))
    return 0.0;
  /* Only text is measured: any surface will do. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  pad = 12.0 * self->scale;
  height = hr_chart_legend_height (cr, self, MAX (width - 2.0 * pad, 1.0), self->scale) + 8.0 * self->scale;
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}
