/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-chart-private.h"

/* Layers, so that a screen can redraw a slider's drag in a frame.
 *
 * Drawing all four charts is mostly text, grids and the pinned traces,
 * and none of that moves while the live trace does; the screen keeps that
 * base as an image and draws only the live layer over it. There is still
 * one drawing function: a layer that is not asked for is laid out all the
 * same, its text measured and its boxes recorded, so that what the asked
 * layers place around that text comes out as in a whole render; only its
 * painting is skipped, under an empty clip, where cairo does nothing.
 * Pieces without text are not even built.
 *
 * The base changes with more than the pins: the axes follow the live
 * trace's range, the legend names it, the strip has a row per limited
 * trace. hr_chart_view_get_base_key() therefore hashes everything the
 * base layer is drawn from, the figure's layout included, and
 * not a list of events that someone must remember to report; and it keys
 * each chart's cell apart, since a drag usually moves one chart's axis at
 * a time. */

gboolean
hr_chart_painter_paints (HrChartPainter *painter,
                         HrChartLayers   layer)
{
  return (painter->layers & layer) != 0;
}

void
hr_chart_painter_begin (HrChartPainter *painter,
                        HrChartLayers   layer)
{
  if (hr_chart_painter_paints (painter, layer))
    return;
  cairo_save (painter->cr);
  cairo_new_path (painter->cr);
  cairo_rectangle (painter->cr, 0.0, 0.0, 0.0, 0.0);
  cairo_clip (painter->cr);
}

void
hr_chart_painter_end (HrChartPainter *painter,
                      HrChartLayers   layer)
{
  if (!hr_chart_painter_paints (painter, layer))
    cairo_restore (painter->cr);
}

/* FNV-1a over 64-bit words: a change to any input changes the key but
 * for a chance of 2^-64, and hashing the pins' sweeps costs a few tens of
 * microseconds a frame. Doubles are hashed by value, with -0 as 0 and
 * every NaN alike, so that equal drawings give equal keys. */
typedef struct
{
  guint64 state;
} Hasher;

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME  0x100000001b3ull

static void
hash_u64 (Hasher  *hasher,
          guint64  value)
{
  hasher->state = (hasher->state ^ value) * FNV_PRIME;
}

static void
hash_double (Hasher *hasher,
             double  value)
{
  guint64 bits;

  if (value == 0.0)
    value = 0.0;
  else if (isnan (value))
    value = NAN;
  memcpy (&bits, &value, sizeof bits);
  hash_u64 (hasher, bits);
}

static void
hash_doubles (Hasher       *hasher,
              const double *values,
              guint         n_values)
{
  hash_u64 (hasher, n_values);
  for (guint i = 0; i < n_values; i++)
    hash_double (hasher, values[i]);
}

static void
hash_string (Hasher     *hasher,
             const char *text)
{
  if (text == NULL)
    {
      hash_u64 (hasher, G_MAXUINT64);
      return;
    }
  for (const char *c = text; *c != '\0'; c++)
    hash_u64 (hasher, (guchar) *c);
  hash_u64 (hasher, strlen (text));
}

static void
hash_rect (Hasher            *hasher,
           const HrChartRect *rect)
{
  hash_double (hasher, rect->x);
  hash_double (hasher, rect->y);
  hash_double (hasher, rect->width);
  hash_double (hasher, rect->height);
}

static void
hash_cell (Hasher            *hasher,
           const HrChartCell *cell)
{
  const HrChartAxes *axes = &cell->axes;

  hash_u64 (hasher, axes->kind);
  hash_rect (hasher, &axes->frame);
  hash_rect (hasher, &axes->plot);
  hash_double (hasher, axes->fmin_hz);
  hash_double (hasher, axes->fmax_hz);
  hash_double (hasher, axes->y_min);
  hash_double (hasher, axes->y_max);
  hash_double (hasher, axes->y_step);
  hash_u64 (hasher, axes->y_log);
  hash_u64 (hasher, axes->has_y2);
  hash_double (hasher, axes->y2_min);
  hash_double (hasher, axes->y2_max);
  hash_double (hasher, axes->y2_step);
  hash_double (hasher, cell->title_baseline);
  hash_double (hasher, cell->key_baseline);
  hash_double (hasher, cell->key_x);
  hash_double (hasher, cell->axis_title_baseline);
  hash_double (hasher, cell->tick_baseline);
  hash_double (hasher, cell->x_title_baseline);
  hash_rect (hasher, &cell->strip);
  hash_u64 (hasher, cell->n_strip_rows);
  hash_double (hasher, cell->strip_pitch);
}

/* The figure but the insides of its cells: where each cell is, and what
 * lies around them. */
static void
hash_figure (Hasher              *hasher,
             const HrChartFigure *figure)
{
  hash_double (hasher, figure->scale);
  hash_double (hasher, figure->title_baseline);
  hash_double (hasher, figure->subtitle_baseline);
  hash_double (hasher, figure->header.height);
  hash_double (hasher, (double) figure->header_reasons);
  hash_rect (hasher, &figure->caption);
  hash_double (hasher, (double) figure->caption_reasons);
  hash_rect (hasher, &figure->charts);
  hash_rect (hasher, &figure->legend);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    {
      hash_u64 (hasher, figure->shown[kind]);
      if (figure->shown[kind])
        hash_rect (hasher, &figure->cells[kind].axes.frame);
    }
}

/* What a trace puts in the base: its name and line in the legend, and,
 * unless it is live, its curves. */
static void
hash_trace (Hasher       *hasher,
            HrChartTrace *trace)
{
  const HrSweep *sweep = trace->sweep;
  guint n_points;

  hash_string (hasher, trace->label);
  hash_u64 (hasher, trace->slot);
  hash_u64 (hasher, trace->visible);
  hash_u64 (hasher, trace->live);
  hash_u64 (hasher, hr_chart_trace_is_drawn (trace));
  if (trace->live || !hr_chart_trace_is_drawn (trace))
    return;

  n_points = sweep->n_points;
  hash_doubles (hasher, sweep->zth_ohm, n_points);
  hash_double (hasher, trace->current_limit_ma);
  hash_double (hasher, trace->hiss_spl_db);
  hash_doubles (hasher, sweep->freq_hz, n_points);
  hash_doubles (hasher, sweep->z_mag_ohm, n_points);
  hash_doubles (hasher, sweep->z_phase_deg, n_points);
  hash_doubles (hasher, sweep->i_source_ma, n_points);
  hash_doubles (hasher, sweep->spl_db, n_points);
  hash_doubles (hasher, sweep->spl_max_db, n_points);
  hash_doubles (hasher, sweep->dev_db, n_points);
}

/* Drawing a cell again alone is right while no text of another cell
 * decides whether its own fits: while every cell's text stays inside its
 * frame. Text placed only by the frame (the titles) moves with the frame,
 * which the figure's key covers; tick labels and the key are drawn only
 * inside it. The one piece placed by a cell's axes and drawn whether or
 * not it fits is the frequency axis's title, centred under the plot: in a
 * cell too narrow for it, it reaches out, and that cell's layout then
 * counts for the whole figure. */
static gboolean
x_title_leaves_frame (const HrChartCell *cell,
                      double             scale)
{
  const HrChartRect *frame = &cell->axes.frame;
  const HrChartRect *plot = &cell->axes.plot;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
  cairo_t *cr = cairo_create (surface);
  double title_w;

  hr_chart_prepare_context (cr);
  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, scale);
  title_w = hr_chart_text_width (cr, hr_chart_x_axis_title ());
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return plot->x + (plot->width - title_w) / 2.0 < frame->x
         || plot->x + (plot->width + title_w) / 2.0 > frame->x + frame->width;
}

/* A key of what the base layer draws at this size: while it stays the
 * same, an image of it made before is still right, and only the live
 * layer needs drawing. @cell_keys, when given, receives a key for
 * the inside of each chart's cell (0 for a chart not shown), which also
 * changes whenever the returned key does: when only some of those
 * changed, as when the live trace moves one chart's axis, only those
 * cells need drawing again, each clipped to the whole pixels around its
 * frame (axes.frame of hr_chart_view_get_axes()): nothing of the base
 * outside a cell depends on what is inside. 0 for a size too small to
 * draw in. */
guint64
hr_chart_view_get_base_key (HrChartView *self,
                            double       width,
                            double       height,
                            guint64      cell_keys[HR_CHART_N_KINDS])
{
  Hasher hasher = { FNV_OFFSET };
  HrChartFigure figure;

  g_return_val_if_fail (self != NULL, 0);

  if (cell_keys != NULL)
    memset (cell_keys, 0, HR_CHART_N_KINDS * sizeof cell_keys[0]);
  if (!hr_chart_view_layout_figure (self, width, height, &figure))
    return 0;

  hash_double (&hasher, width);
  hash_double (&hasher, height);
  hash_u64 (&hasher, self->layout);
  hash_u64 (&hasher, self->kind);
  hash_u64 (&hasher, self->theme);
  hash_double (&hasher, self->scale);
  hash_string (&hasher, self->title);
  hash_string (&hasher, self->subtitle);
  hash_string (&hasher, self->verdict);
  for (guint i = 0; self->verdict_lines != NULL && i < self->verdict_lines->len; i++)
    hash_string (&hasher, g_ptr_array_index (self->verdict_lines, i));
  /* The caption is the base's; whether its markers are filled depends on
   * the charts shown, which the figure's key has. */
  for (guint i = 0; i < hr_chart_n_annotations (self); i++)
    {
      hash_string (&hasher, hr_chart_annotation_text (self, i));
      hash_u64 (&hasher, hr_chart_annotation_chart (self, i));
    }
  hash_figure (&hasher, &figure);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    if (figure.shown[kind] && x_title_leaves_frame (&figure.cells[kind], figure.scale))
      hash_cell (&hasher, &figure.cells[kind]);
  for (guint i = 0; i < self->traces->len; i++)
    hash_trace (&hasher, g_ptr_array_index (self->traces, i));

  for (guint kind = 0; kind < HR_CHART_N_KINDS && cell_keys != NULL; kind++)
    if (figure.shown[kind])
      {
        Hasher cell_hasher = hasher;

        hash_cell (&cell_hasher, &figure.cells[kind]);
        /* 0 means "not shown". */
        cell_keys[kind] = cell_hasher.state != 0 ? cell_hasher.state : 1;
      }

  /* 0 means "nothing to draw". */
  return hasher.state != 0 ? hasher.state : 1;
}
