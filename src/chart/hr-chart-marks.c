/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-chart-private.h"

/* Reasons pointing at the charts.
 *
 * The highlight is one reason's region (hr_reason_get_region()) lit up:
 * a translucent band over the frequencies it speaks of, a line at the
 * level it speaks of, and a small circle with the reason's number at the
 * point it names, all in the theme's accent, as the window's marker
 * beside the reason is. The window sets it while a reason is hovered or
 * focused; it is drawn in the live layer, so that it comes and goes
 * without the kept base being drawn again.
 *
 * Annotations are every reason of a summary at once, for a figure that
 * stands alone: each region fainter, each with its numbered marker, and
 * the reasons as a caption under the charts with the same numbers. A
 * reason is numbered by its place among the summary's reasons, as in the
 * window; one whose region is not on the figure (it has none, or its
 * chart is not shown) has its number in an outlined circle, the others
 * in a filled one. The caption fits the figure as the verdict above it
 * does: the charts keep their rows, the last reasons go first. */

typedef struct
{
  guint           number;
  gboolean        has_region;
  HrReasonRegion  region;
  char           *text;
} Annotation;

static void
annotation_clear (Annotation *annotation)
{
  g_clear_pointer (&annotation->text, g_free);
}

gboolean
hr_chart_kind_from_region (HrRegionChart  chart,
                           HrChartKind   *kind)
{
  switch (chart)
    {
    case HR_REGION_CHART_IMPEDANCE:
      *kind = HR_CHART_IMPEDANCE;
      return TRUE;
    case HR_REGION_CHART_CURRENT:
      *kind = HR_CHART_CURRENT;
      return TRUE;
    case HR_REGION_CHART_SPL:
      *kind = HR_CHART_SPL;
      return TRUE;
    case HR_REGION_CHART_DEVIATION:
      *kind = HR_CHART_DEVIATION;
      return TRUE;
    case HR_REGION_CHART_NONE:
    default:
      return FALSE;
    }
}

/**
 * hr_chart_view_set_highlight:
 * @region: (nullable): the region to light up, or %NULL for none
 * @number: the number of its marker, the reason's place in the verdict
 *
 * Lights up @region on its chart. The caller redraws; only the live layer
 * changes.
 */
void
hr_chart_view_set_highlight (HrChartView          *self,
                             const HrReasonRegion *region,
                             guint                 number)
{
  g_return_if_fail (self != NULL);

  self->has_highlight = region != NULL && region->chart != HR_REGION_CHART_NONE;
  if (self->has_highlight)
    self->highlight = *region;
  self->highlight_number = self->has_highlight ? number : 0;
}

/**
 * hr_chart_view_get_highlight:
 * @region: (out) (optional): the region lit up
 * @number: (out) (optional): its marker's number
 *
 * Returns: whether a region is lit up
 */
gboolean
hr_chart_view_get_highlight (HrChartView    *self,
                             HrReasonRegion *region,
                             guint          *number)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->has_highlight && region != NULL)
    *region = self->highlight;
  if (number != NULL)
    *number = self->highlight_number;
  return self->has_highlight;
}

/**
 * hr_chart_view_set_annotations:
 * @summary: (nullable): the summary whose reasons to mark, or %NULL for none
 * @sweep: (nullable): the sweep @summary was computed on
 *
 * Marks every reason of @summary on the charts with its number, and lists
 * the reasons under them; the verdict above the charts then leaves its
 * reasons to this caption.
 */
void
hr_chart_view_set_annotations (HrChartView     *self,
                               const HrSummary *summary,
                               const HrSweep   *sweep)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (summary == NULL || sweep != NULL);

  g_clear_pointer (&self->annotations, g_array_unref);
  if (summary == NULL || summary->reasons == NULL)
    return;

  self->annotations = g_array_new (FALSE, TRUE, sizeof (Annotation));
  g_array_set_clear_func (self->annotations, (GDestroyNotify) annotation_clear);
  for (guint i = 0; i < summary->reasons->len; i++)
    {
      const HrReason *reason = &g_array_index (summary->reasons, HrReason, i);
      Annotation annotation = { i + 1, FALSE, { 0 }, NULL };

      annotation.has_region = hr_reason_get_region (reason, summary, sweep, &annotation.region);
      annotation.text = hr_reason_format (reason, TRUE);
      g_array_append_val (self->annotations, annotation);
    }
}

gboolean
hr_chart_view_has_annotations (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->annotations != NULL && self->annotations->len > 0;
}

guint
hr_chart_n_annotations (HrChartView *view)
{
  return view->annotations != NULL ? view->annotations->len : 0;
}

const char *
hr_chart_annotation_text (HrChartView *view,
                          guint        index)
{
  return g_array_index (view->annotations, Annotation, index).text;
}

/* The chart an annotation's region is on, NONE without one. */
HrRegionChart
hr_chart_annotation_chart (HrChartView *view,
                           guint        index)
{
  const Annotation *annotation = &g_array_index (view->annotations, Annotation, index);

  return annotation->has_region ? annotation->region.chart : HR_REGION_CHART_NONE;
}

/* A marker's circle: as wide as its number needs, round for one digit. */
static HrChartRect
marker_rect (cairo_t    *cr,
             const char *text,
             double      centre_x,
             double      centre_y,
             double      radius)
{
  double width = MAX (2.0 * radius, hr_chart_text_width (cr, text) + radius);
  HrChartRect rect = { centre_x - width / 2.0, centre_y - radius, width, 2.0 * radius };

  return rect;
}

static void
path_marker (cairo_t           *cr,
             const HrChartRect *rect)
{
  double r = rect->height / 2.0;

  cairo_new_sub_path (cr);
  cairo_arc (cr, rect->x + rect->width - r, rect->y + r, r, -G_PI / 2.0, G_PI / 2.0);
  cairo_arc (cr, rect->x + r, rect->y + r, r, G_PI / 2.0, 3.0 * G_PI / 2.0);
  cairo_close_path (cr);
}

/* The number in its circle: filled in the accent, or outlined when what
 * it stands for is not on the figure. Its whole circle is recorded as
 * its box, so that nothing is drawn over it. The font is selected. */
static void
draw_marker (HrChartPainter    *painter,
             const HrChartRect *rect,
             const char        *text,
             gboolean           filled)
{
  cairo_t *cr = painter->cr;
  cairo_font_extents_t fe;
  double text_w = hr_chart_text_width (cr, text);

  path_marker (cr, rect);
  if (filled)
    {
      hr_chart_set_source (cr, painter->style->accent_bg, 1.0);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
    }
  else
    {
      hr_chart_set_source (cr, painter->style->background, 1.0);
      cairo_fill_preserve (cr);
      hr_chart_set_source (cr, painter->style->accent, 1.0);
      cairo_set_line_width (cr, 1.25 * painter->scale);
      cairo_set_dash (cr, NULL, 0, 0.0);
      cairo_stroke (cr);
    }
  cairo_font_extents (cr, &fe);
  hr_chart_record_text (painter, HR_CHART_TEXT_MARKER, text, *rect,
                        rect->x + (rect->width - text_w) / 2.0,
                        rect->y + rect->height / 2.0 + (fe.ascent - fe.descent) / 2.0);
}

/* The band and the level of @region on @axes, in the accent at
 * @strength (1 for the highlight, less for an annotation). */
static void
draw_region (HrChartPainter       *painter,
             const HrChartAxes    *axes,
             const HrReasonRegion *region,
             double                strength)
{
  cairo_t *cr = painter->cr;
  const HrChartRect *plot = &axes->plot;
  double s = painter->scale;
  double x0;
  double x1;

  cairo_save (cr);
  cairo_rectangle (cr, plot->x, plot->y, plot->width, plot->height);
  cairo_clip (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);
  if (isfinite (region->lo_hz) && isfinite (region->hi_hz))
    {
      x0 = CLAMP (hr_chart_axes_freq_to_x (axes, region->lo_hz), plot->x, plot->x + plot->width);
      x1 = CLAMP (hr_chart_axes_freq_to_x (axes, region->hi_hz), plot->x, plot->x + plot->width);
      /* A band a point wide still shows. */
      if (x1 - x0 < 6.0 * s)
        {
          double mid = (x0 + x1) / 2.0;

          x0 = mid - 3.0 * s;
          x1 = mid + 3.0 * s;
        }
      hr_chart_set_source (cr, painter->style->accent_bg, 0.18 * strength);
      cairo_rectangle (cr, x0, plot->y, x1 - x0, plot->height);
      cairo_fill (cr);
      hr_chart_set_source (cr, painter->style->accent, 0.6 * strength);
      cairo_set_line_width (cr, 1.0 * s);
      for (guint k = 0; k < 2; k++)
        {
          double x = k == 0 ? x0 : x1;

          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, plot->y + plot->height);
          cairo_stroke (cr);
        }
    }
  if (isfinite (region->level))
    {
      double y = hr_chart_axes_value_to_y (axes, region->level);

      /* A level holds across the band: a limit, a rating, the hiss. */
      if (y >= plot->y && y <= plot->y + plot->height)
        {
          hr_chart_set_source (cr, painter->style->accent, strength);
          cairo_set_line_width (cr, 2.5 * s);
          cairo_move_to (cr, plot->x, y);
          cairo_line_to (cr, plot->x + plot->width, y);
          cairo_stroke (cr);
        }
    }
  cairo_restore (cr);
}

/* The marker for @number at @region's point, inside the plot: over the
 * point, or moved aside, or under it, wherever it touches no text (other
 * markers are text too). A small ring marks the point itself. Nothing
 * is drawn if there is no room at all. */
static gboolean
place_marker (HrChartPainter       *painter,
              const HrChartAxes    *axes,
              const HrReasonRegion *region,
              guint                 number)
{
  cairo_t *cr = painter->cr;
  const HrChartRect *plot = &axes->plot;
  double s = painter->scale;
  double radius;
  double x;
  double y;
  g_autofree char *text = g_strdup_printf ("%u", number);
  cairo_font_extents_t fe;

  if (!isfinite (region->mark_hz))
    return FALSE;
  hr_chart_select_font (cr, HR_CHART_FONT_MARKER, s);
  cairo_font_extents (cr, &fe);
  radius = (fe.ascent + fe.descent) * 0.62;
  x = CLAMP (hr_chart_axes_freq_to_x (axes, region->mark_hz), plot->x, plot->x + plot->width);
  y = isfinite (region->mark_value) ? hr_chart_axes_value_to_y (axes, region->mark_value) : plot->y;
  y = CLAMP (y, plot->y, plot->y + plot->height);

  for (int side = 0; side < 2; side++)
    for (int step = 0; step <= 12; step++)
      {
        /* Above the point, then moved aside by 1, 2 … diameters either
         * way, then the same under it: under it a marker would sit on
         * the trace that runs through the point. */
        int along = (step + 1) / 2 * (step % 2 == 1 ? 1 : -1);
        double centre_y = side == 0 ? y - radius - 4.0 * s : y + radius + 4.0 * s;
        HrChartRect rect = marker_rect (cr, text, x + along * (2.0 * radius + 3.0 * s), centre_y, radius);

        if (rect.x < plot->x || rect.y < plot->y ||
            rect.x + rect.width > plot->x + plot->width || rect.y + rect.height > plot->y + plot->height ||
            !hr_chart_text_fits (painter, rect))
          continue;

        cairo_set_dash (cr, NULL, 0, 0.0);
        cairo_set_line_width (cr, 1.5 * s);
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, y, 3.0 * s, 0.0, 2.0 * G_PI);
        hr_chart_set_source (cr, painter->style->accent, 1.0);
        cairo_stroke (cr);
        draw_marker (painter, &rect, text, TRUE);
        return TRUE;
      }
  return FALSE;
}

/* Whether @annotation's marker is on the figure: it has a region, on a
 * chart shown, and its line of the caption is there. */
static gboolean
annotation_shown (const HrChartFigure *figure,
                  const Annotation    *annotation,
                  guint                index)
{
  HrChartKind kind;

  return annotation->has_region && index < figure->caption_reasons
         && hr_chart_kind_from_region (annotation->region.chart, &kind) && figure->shown[kind];
}

/* What lies over a cell's plot: the annotations' regions and markers,
 * then the highlight's, on top. The live layer. */
void
hr_chart_draw_cell_marks (HrChartPainter      *painter,
                          const HrChartFigure *figure,
                          const HrChartCell   *cell)
{
  HrChartView *view = painter->view;
  HrChartKind kind;

  if (!hr_chart_painter_paints (painter, HR_CHART_LAYER_LIVE))
    return;

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < hr_chart_n_annotations (view); i++)
      {
        const Annotation *annotation = &g_array_index (view->annotations, Annotation, i);

        if (!annotation_shown (figure, annotation, i)
            || !hr_chart_kind_from_region (annotation->region.chart, &kind) || kind != cell->axes.kind)
          continue;
        /* All the regions first, then the markers over all of them. */
        if (pass == 0)
          draw_region (painter, &cell->axes, &annotation->region, 0.6);
        else
          place_marker (painter, &cell->axes, &annotation->region, annotation->number);
      }

  if (view->has_highlight && hr_chart_kind_from_region (view->highlight.chart, &kind) && kind == cell->axes.kind)
    {
      draw_region (painter, &cell->axes, &view->highlight, 1.0);
      place_marker (painter, &cell->axes, &view->highlight, view->highlight_number);
    }
}

/* The caption: each reason a paragraph, its marker in the margin. */
static double
caption_indent (cairo_t *cr,
                double   scale)
{
  cairo_font_extents_t fe;

  hr_chart_select_font (cr, HR_CHART_FONT_MARKER, scale);
  cairo_font_extents (cr, &fe);
  return 2.0 * (fe.ascent + fe.descent) * 0.62 + 8.0 * scale;
}

/* A paragraph of the caption: where its first line's box starts under
 * @y, and how tall it is with its marker. The reason's font is selected. */
static double
paragraph_height (cairo_t *cr,
                  guint    n_lines,
                  double   marker_h,
                  double  *text_offset)
{
  double line_h = hr_chart_font_height (cr);

  *text_offset = MAX (0.0, (marker_h - line_h) / 2.0);
  return MAX (marker_h, *text_offset + n_lines * line_h);
}

double
hr_chart_caption_height (cairo_t     *cr,
                         HrChartView *view,
                         double       width,
                         double       scale,
                         guint        n_reasons)
{
  double indent = caption_indent (cr, scale);
  double marker_h = indent - 8.0 * scale;
  double height = 0.0;

  hr_chart_select_font (cr, HR_CHART_FONT_REASON, scale);
  for (guint i = 0; i < MIN (n_reasons, hr_chart_n_annotations (view)); i++)
    {
      g_autoptr(GPtrArray) lines = hr_chart_wrap_text (cr, hr_chart_annotation_text (view, i),
                                                       MAX (width - indent, 1.0));
      double offset;

      height += paragraph_height (cr, lines->len, marker_h, &offset) + 4.0 * scale;
    }
  return height;
}

void
hr_chart_draw_caption (HrChartPainter      *painter,
                       const HrChartFigure *figure)
{
  HrChartView *view = painter->view;
  cairo_t *cr = painter->cr;
  const HrChartRect *area = &figure->caption;
  double s = painter->scale;
  double indent = caption_indent (cr, s);
  double marker_h = indent - 8.0 * s;
  double y = area->y;

  for (guint i = 0; i < MIN (figure->caption_reasons, hr_chart_n_annotations (view)); i++)
    {
      const Annotation *annotation = &g_array_index (view->annotations, Annotation, i);
      g_autofree char *number = g_strdup_printf ("%u", annotation->number);
      g_autoptr(GPtrArray) lines = NULL;
      cairo_font_extents_t fe;
      double line_h;
      double offset;
      double height;
      HrChartRect rect;

      hr_chart_select_font (cr, HR_CHART_FONT_REASON, s);
      cairo_font_extents (cr, &fe);
      line_h = fe.ascent + fe.descent;
      lines = hr_chart_wrap_text (cr, annotation->text, MAX (area->width - indent, 1.0));
      height = paragraph_height (cr, lines->len, marker_h, &offset);

      hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
      for (guint j = 0; j < lines->len; j++)
        hr_chart_draw_text (painter, HR_CHART_TEXT_CAPTION, g_ptr_array_index (lines, j), area->x + indent,
                            y + offset + fe.ascent + j * line_h);

      /* The marker level with the paragraph's first line. */
      hr_chart_select_font (cr, HR_CHART_FONT_MARKER, s);
      rect = marker_rect (cr, number, area->x + marker_h / 2.0, y + offset + line_h / 2.0, marker_h / 2.0);
      rect.x = area->x;
      draw_marker (painter, &rect, number, annotation_shown (figure, annotation, i));
      y += height + 4.0 * s;
    }
}
