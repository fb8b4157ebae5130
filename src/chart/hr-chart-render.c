/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-chart-private.h"

/* The figure: a title and a subtitle (the level and the date), the
 * verdict when the figure stands alone (hr-chart-header.c), one chart
 * or four in a 2 × 2 grid, the legend under them, and the reasons
 * marked on them as a caption (hr-chart-marks.c). hr_chart_render()
 * is the one drawing function of the app and of export; it draws inside
 * (0, 0, width, height) of the cairo_t as it is handed over, whatever
 * transform or clip the caller set, and never outside.
 * hr_chart_render_layers() is the same function drawing only some of the
 * layers, for the screen (see hr-chart-layers.c). */

/* A row of charts under a verdict is at least this tall at scale 1: the
 * axes' text needs it. */
#define CHART_MIN_ROW_PX 220.0

/* The grid's rows: two, and a third for the response when a drawn trace
 * has one. This is what the grid asks for; a figure too short for three
 * rows whose text can be read gets the first two, and the response is
 * one click away as a single chart. */
guint
hr_chart_view_grid_rows (HrChartView *self)
{
  return hr_chart_view_has_response (self) ? 3 : 2;
}

/* Whether a drawn trace has a frequency response to draw. */
gboolean
hr_chart_view_has_response (HrChartView *self)
{
  hr_chart_view_ensure_ranges (self);
  return self->n_with_response > 0;
}

/* Below this, a row's axes text runs into itself. */
#define GRID_ROW_MIN_PX 180.0

static void
layout_cells (cairo_t       *cr,
              HrChartView   *view,
              HrChartFigure *figure)
{
  HrChartRect area = figure->charts;
  double gap = 10.0 * figure->scale;

  memset (figure->shown, 0, sizeof figure->shown);
  switch (view->layout)
    {
    case HR_CHART_LAYOUT_SINGLE:
      figure->shown[view->kind] = TRUE;
      hr_chart_layout_cell (cr, view, view->kind, area, figure->scale, &figure->cells[view->kind]);
      break;

    case HR_CHART_LAYOUT_GRID:
    default:
      {
        /* The four, two by two; the response, when a trace has one, across
         * a third row, since it is read across the whole band. */
        guint rows = hr_chart_view_grid_rows (view);
        double cell_w = MAX ((area.width - gap) / 2.0, 1.0);
        double cell_h;

        if (rows == 3 && area.height < 3 * GRID_ROW_MIN_PX * figure->scale + 2 * gap)
          rows = 2;
        cell_h = MAX ((area.height - (rows - 1) * gap) / rows, 1.0);

        for (guint kind = 0; kind < rows * 2 && kind < HR_CHART_N_KINDS; kind++)
          {
            HrChartRect frame = {
              area.x + (kind % 2) * (cell_w + gap),
              area.y + (kind / 2) * (cell_h + gap),
              kind == HR_CHART_RESPONSE ? area.width : cell_w,
              cell_h,
            };

            /* Whole pixels, so that the cells' borders are crisp. */
            frame.x = round (frame.x);
            frame.y = round (frame.y);
            frame.width = floor (frame.width);
            frame.height = floor (frame.height);
            figure->shown[kind] = TRUE;
            hr_chart_layout_cell (cr, view, kind, frame, figure->scale, &figure->cells[kind]);
          }
      }
      break;
    }
}

void
hr_chart_layout_figure (cairo_t       *cr,
                        HrChartView   *view,
                        double         width,
                        double         height,
                        HrChartFigure *figure)
{
  double s = view->scale;
  double pad = 12.0 * s;
  double y = pad;
  double legend_h;
  double bottom;
  cairo_font_extents_t fe;

  memset (figure, 0, sizeof *figure);
  figure->scale = s;

  if (view->title != NULL)
    {
      hr_chart_select_font (cr, HR_CHART_FONT_TITLE, s);
      cairo_font_extents (cr, &fe);
      figure->title_baseline = y + fe.ascent;
      y += fe.ascent + fe.descent + 2.0 * s;
    }
  if (view->subtitle != NULL)
    {
      hr_chart_select_font (cr, HR_CHART_FONT_SUBTITLE, s);
      cairo_font_extents (cr, &fe);
      figure->subtitle_baseline = y + fe.ascent;
      y += fe.ascent + fe.descent;
    }
  if (view->title != NULL || view->subtitle != NULL)
    y += 8.0 * s;
  legend_h = hr_chart_legend_height (cr, view, width - 2.0 * pad, s);
  if (view->verdict != NULL)
    {
      /* The charts keep rows of CHART_MIN_ROW_PX: the reasons that do not
       * leave them that go, the least weighty first, the verdict stays. */
      double room = height - y - pad - legend_h - 16.0 * s
                    - (view->layout == HR_CHART_LAYOUT_GRID ? hr_chart_view_grid_rows (view) : 1)
                      * CHART_MIN_ROW_PX * s;

      figure->header.x = pad;
      figure->header.y = y;
      figure->header.width = MAX (width - 2.0 * pad, 1.0);
      figure->header_reasons = hr_chart_header_n_reasons (view);
      figure->header.height = hr_chart_header_height (cr, view, figure->header.width, s, figure->header_reasons);
      while (figure->header_reasons > 0 && figure->header.height > room)
        {
          figure->header_reasons--;
          figure->header.height = hr_chart_header_height (cr, view, figure->header.width, s,
                                                          figure->header_reasons);
        }
      y += figure->header.height + 8.0 * s;
    }

  if (hr_chart_n_annotations (view) > 0)
    {
      /* The reasons under the charts, as many as leave the charts their
       * rows, the least weighty going first, as above. */
      double room = height - y - pad - legend_h - 16.0 * s
                    - (view->layout == HR_CHART_LAYOUT_GRID ? hr_chart_view_grid_rows (view) : 1)
                      * CHART_MIN_ROW_PX * s;

      figure->caption_reasons = hr_chart_n_annotations (view);
      figure->caption.height = hr_chart_caption_height (cr, view, MAX (width - 2.0 * pad, 1.0), s,
                                                        figure->caption_reasons);
      while (figure->caption_reasons > 0 && figure->caption.height > room)
        {
          figure->caption_reasons--;
          figure->caption.height = hr_chart_caption_height (cr, view, MAX (width - 2.0 * pad, 1.0), s,
                                                            figure->caption_reasons);
        }
      figure->caption.x = pad;
      figure->caption.width = MAX (width - 2.0 * pad, 1.0);
      figure->caption.y = height - pad - figure->caption.height;
    }
  bottom = figure->caption.height > 0.0 ? figure->caption.y - 8.0 * s : height - pad;

  figure->legend.x = pad;
  figure->legend.width = MAX (width - 2.0 * pad, 1.0);
  figure->legend.height = legend_h;
  figure->legend.y = bottom - legend_h;

  figure->charts.x = pad / 2.0;
  figure->charts.y = y;
  figure->charts.width = MAX (width - pad, 1.0);
  figure->charts.height = MAX (figure->legend.y - (legend_h > 0.0 ? 8.0 * s : 0.0) - y, 1.0);
  if (legend_h == 0.0)
    figure->charts.height = MAX ((figure->caption.height > 0.0 ? bottom : height - pad / 2.0) - y, 1.0);

  layout_cells (cr, view, figure);
}

static void
draw_titles (HrChartPainter      *painter,
             const HrChartFigure *figure,
             double               width)
{
  HrChartView *view = painter->view;
  cairo_t *cr = painter->cr;
  double pad = 12.0 * painter->scale;

  if (view->title != NULL)
    {
      g_autofree char *title = NULL;

      hr_chart_select_font (cr, HR_CHART_FONT_TITLE, painter->scale);
      hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
      title = hr_chart_text_fit_width (cr, view->title, width - 2.0 * pad);
      hr_chart_draw_text (painter, HR_CHART_TEXT_TITLE, title, pad, figure->title_baseline);
    }
  if (view->subtitle != NULL)
    {
      g_autofree char *subtitle = NULL;

      hr_chart_select_font (cr, HR_CHART_FONT_SUBTITLE, painter->scale);
      hr_chart_set_source (cr, painter->style->foreground, painter->style->dim_text_alpha);
      subtitle = hr_chart_text_fit_width (cr, view->subtitle, width - 2.0 * pad);
      hr_chart_draw_text (painter, HR_CHART_TEXT_SUBTITLE, subtitle, pad, figure->subtitle_baseline);
    }
}

static void
draw_cell (HrChartPainter      *painter,
           const HrChartFigure *figure,
           const HrChartCell   *cell)
{
  cairo_t *cr = painter->cr;
  const HrChartRect *frame = &cell->axes.frame;

  cairo_save (cr);
  cairo_rectangle (cr, frame->x, frame->y, frame->width, frame->height);
  cairo_clip (cr);

  /* In the grid each chart is a card, as the app's frames are. */
  if (painter->view->layout == HR_CHART_LAYOUT_GRID
      && hr_chart_painter_paints (painter, HR_CHART_LAYER_BASE))
    {
      double w = painter->scale;

      cairo_set_dash (cr, NULL, 0, 0.0);
      cairo_set_line_width (cr, w);
      cairo_rectangle (cr, frame->x + w / 2.0, frame->y + w / 2.0, frame->width - w, frame->height - w);
      hr_chart_set_source (cr, painter->style->foreground, painter->style->grid_major_alpha);
      cairo_stroke (cr);
    }

  hr_chart_painter_begin (painter, HR_CHART_LAYER_BASE);
  hr_chart_draw_cell_frame (painter, cell);
  hr_chart_draw_cell_key (painter, cell);
  hr_chart_painter_end (painter, HR_CHART_LAYER_BASE);
  hr_chart_draw_cell_data (painter, cell);
  hr_chart_draw_cell_marks (painter, figure, cell);
  cairo_restore (cr);
}

/* @boxes, when given, receives every piece of text laid out, for the
 * tests; with some layers left out, that includes the text of those. */
void
hr_chart_render_boxes (cairo_t       *cr,
                       HrChartView   *view,
                       double         width,
                       double         height,
                       HrChartLayers  layers,
                       GArray        *boxes)
{
  g_autoptr(GArray) drawn = NULL;
  HrChartFigure figure;
  HrChartPainter painter;

  if (!(width >= 1.0 && height >= 1.0))
    return;

  drawn = g_array_new (FALSE, FALSE, sizeof (HrChartTextBox));
  g_array_set_clear_func (drawn, (GDestroyNotify) hr_chart_text_box_clear);

  cairo_save (cr);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  hr_chart_prepare_context (cr);

  painter.cr = cr;
  painter.view = view;
  painter.style = hr_chart_style_get (view->theme);
  painter.scale = view->scale;
  painter.boxes = drawn;
  painter.layers = layers;

  if (hr_chart_painter_paints (&painter, HR_CHART_LAYER_BASE))
    {
      hr_chart_set_source (cr, painter.style->background, 1.0);
      cairo_paint (cr);
    }

  hr_chart_layout_figure (cr, view, width, height, &figure);
  hr_chart_painter_begin (&painter, HR_CHART_LAYER_BASE);
  draw_titles (&painter, &figure, width);
  hr_chart_draw_header (&painter, &figure.header, figure.header_reasons);
  hr_chart_painter_end (&painter, HR_CHART_LAYER_BASE);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    if (figure.shown[kind])
      draw_cell (&painter, &figure, &figure.cells[kind]);
  hr_chart_painter_begin (&painter, HR_CHART_LAYER_BASE);
  hr_chart_draw_legend (&painter, figure.legend);
  hr_chart_draw_caption (&painter, &figure);
  hr_chart_painter_end (&painter, HR_CHART_LAYER_BASE);

  cairo_restore (cr);

  hr_chart_text_boxes_move (drawn, boxes);
}

void
hr_chart_render (cairo_t     *cr,
                 HrChartView *view,
                 double       width,
                 double       height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);

  hr_chart_render_boxes (cr, view, width, height, HR_CHART_LAYERS_ALL, NULL);
}

/* Only @layers of what hr_chart_render() draws, exactly as it draws them:
 * drawing each layer in turn, bottom to top, on one cairo_t gives the same
 * pixels as hr_chart_render(). Only the base paints the background. */
void
hr_chart_render_layers (cairo_t       *cr,
                        HrChartView   *view,
                        double         width,
                        double         height,
                        HrChartLayers  layers)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail ((layers & ~HR_CHART_LAYERS_ALL) == 0);

  hr_chart_render_boxes (cr, view, width, height, layers, NULL);
}

/* Layouts measure text, and text needs a cairo_t: a 1 × 1 image is
 * enough, since metrics hinting is off and text measures the same on
 * every surface. FALSE for a size too small to draw in. */
gboolean
hr_chart_view_layout_figure (HrChartView   *self,
                             double         width,
                             double         height,
                             HrChartFigure *figure)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  if (!(width >= 1.0 && height >= 1.0))
    return FALSE;

  surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cr = cairo_create (surface);
  hr_chart_prepare_context (cr);
  hr_chart_layout_figure (cr, self, width, height, figure);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return TRUE;
}

/* The axes of @kind as hr_chart_render() lays them out at this size;
 * FALSE if the layout does not show that chart. */
gboolean
hr_chart_view_get_axes (HrChartView *self,
                        HrChartKind  kind,
                        double       width,
                        double       height,
                        HrChartAxes *axes)
{
  HrChartFigure figure;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail ((guint) kind < HR_CHART_N_KINDS, FALSE);
  g_return_val_if_fail (axes != NULL, FALSE);

  if (!hr_chart_view_layout_figure (self, width, height, &figure) || !figure.shown[kind])
    return FALSE;
  *axes = figure.cells[kind].axes;
  return TRUE;
}

/* The chart whose plot area is under (@x, @y), for a hover crosshair. */
gboolean
hr_chart_view_pick (HrChartView *self,
                    double       width,
                    double       height,
                    double       x,
                    double       y,
                    HrChartAxes *axes)
{
  HrChartFigure figure;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (axes != NULL, FALSE);

  if (!hr_chart_view_layout_figure (self, width, height, &figure))
    return FALSE;

  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    {
      const HrChartRect *plot = &figure.cells[kind].axes.plot;

      if (figure.shown[kind] &&
          x >= plot->x && x <= plot->x + plot->width &&
          y >= plot->y && y <= plot->y + plot->height)
        {
          *axes = figure.cells[kind].axes;
          return TRUE;
        }
    }
  return FALSE;
}
