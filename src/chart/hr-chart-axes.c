/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-chart-private.h"

/* Axes: the ranges rounded to 1-2-5 steps, the layout of one chart in its
 * cell, the mapping between values and pixels, and the grid.
 *
 * The frequency axis is logarithmic over the audio band, labelled at 1, 2
 * and 5 of each decade with a minor line at every other whole multiple.
 * |Z| is logarithmic too: a 0.5 Ω source, a 32 Ω headphone and the 8 ×
 * 300 Ω line of the 1/8 rule must fit on one chart. Everything else is
 * linear.
 *
 * A layout depends on the size, so it is made per render; it costs a few
 * text measurements. The data ranges it starts from are the view's,
 * computed once per change. */

#define TICK_SPACING_PX 30.0  /* the least room between two labelled ticks */

static const double x_labels_hz[] = { 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000 };

/* The smallest 1, 2 or 5 × 10^n step that cuts @span in at most @max_ticks. */
double
hr_chart_nice_step (double span,
                    guint  max_ticks)
{
  double raw = span / MAX (max_ticks, 1);
  double magnitude;
  double fraction;

  if (!(raw > 0.0) || !isfinite (raw))
    return 1.0;

  magnitude = pow (10.0, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1.0 + 1e-9)
    return magnitude;
  if (fraction <= 2.0 + 1e-9)
    return 2.0 * magnitude;
  if (fraction <= 5.0 + 1e-9)
    return 5.0 * magnitude;
  return 10.0 * magnitude;
}

/* The 1-2-5 values of a log axis: index k is {1, 2, 5}[k mod 3] × 10^(k div 3). */
static double
log125_value (int index)
{
  static const double mantissa[] = { 1.0, 2.0, 5.0 };
  int decade = (int) floor (index / 3.0);

  return mantissa[index - 3 * decade] * pow (10.0, decade);
}

static int
log125_floor_index (double value)
{
  int index = 3 * (int) floor (log10 (value));

  while (log125_value (index + 1) <= value * (1.0 + 1e-9))
    index++;
  return index;
}

static int
log125_ceil_index (double value)
{
  int index = log125_floor_index (value);

  if (log125_value (index) < value * (1.0 - 1e-9))
    index++;
  return index;
}

static void
linear_range (double       lo,
              double       hi,
              guint        max_ticks,
              double      *min,
              double      *max,
              double      *step)
{
  *step = hr_chart_nice_step (hi - lo, max_ticks);
  *min = floor (lo / *step + 1e-9) * *step;
  *max = ceil (hi / *step - 1e-9) * *step;
  if (*max - *min < *step * 0.5)
    *max = *min + *step;
  /* A curve flat on an edge would hide in the frame; a current of 0 mA
   * is the floor of its chart and may. */
  if (*max - hi < 0.02 * (*max - *min))
    *max += *step;
  if (lo != 0.0 && lo - *min < 0.02 * (*max - *min))
    *min -= *step;
  if (*max - *min > *step * (max_ticks + 1))
    {
      /* Rounding outwards added a tick too many: take the next step. */
      *step = hr_chart_nice_step ((hi - lo) * 1.5, max_ticks);
      *min = floor (lo / *step + 1e-9) * *step;
      *max = ceil (hi / *step - 1e-9) * *step;
      if (*max - *min < *step * 0.5)
        *max = *min + *step;
    }
}

static void
layout_y_ranges (HrChartView *view,
                 HrChartAxes *axes)
{
  guint max_ticks = CLAMP ((guint) (axes->plot.height / (TICK_SPACING_PX * view->scale)), 2, 10);
  double lo;
  double hi;

  hr_chart_view_ensure_ranges (view);
  axes->has_y2 = FALSE;
  axes->y_log = FALSE;

  switch (axes->kind)
    {
    case HR_CHART_IMPEDANCE:
      lo = view->z_ohm.min <= view->z_ohm.max ? view->z_ohm.min : 10.0;
      hi = view->z_ohm.min <= view->z_ohm.max ? view->z_ohm.max : 1000.0;
      /* Five decades are enough to show any source beside any headphone. */
      lo = MAX (lo, hi * 1e-5);
      {
        int lo_index = log125_floor_index (lo);
        int hi_index = log125_ceil_index (hi);

        /* A line on the frame would hide in it (a Zout of exactly 10 Ω). */
        if (log125_value (lo_index) >= lo * (1.0 - 1e-9))
          lo_index--;
        if (log125_value (hi_index) <= hi * (1.0 + 1e-9))
          hi_index++;

        if (hi_index <= lo_index)
          {
            lo_index--;
            hi_index = lo_index + 2;
          }
        axes->y_min = log125_value (lo_index);
        axes->y_max = log125_value (hi_index);
      }
      axes->y_step = 0.0;
      axes->y_log = TRUE;

      lo = view->phase_deg.min <= view->phase_deg.max ? MIN (view->phase_deg.min, -10.0) : -90.0;
      hi = view->phase_deg.min <= view->phase_deg.max ? MAX (view->phase_deg.max, 10.0) : 90.0;
      linear_range (lo, hi, max_ticks, &axes->y2_min, &axes->y2_max, &axes->y2_step);
      axes->has_y2 = TRUE;
      return;

    case HR_CHART_CURRENT:
      lo = 0.0;
      hi = view->current_ma.min <= view->current_ma.max ? MAX (view->current_ma.max, 1e-3) : 10.0;
      break;

    case HR_CHART_SPL:
      lo = view->spl_db.min <= view->spl_db.max ? view->spl_db.min : 60.0;
      hi = view->spl_db.min <= view->spl_db.max ? view->spl_db.max : 120.0;
      if (hi - lo < 6.0)
        {
          double mid = (lo + hi) / 2.0;

          lo = mid - 3.0;
          hi = mid + 3.0;
        }
      break;

    case HR_CHART_DEVIATION:
      /* The ±1 dB band always shows, so that a flat line reads as flat. */
      lo = view->dev_db.min <= view->dev_db.max ? MIN (view->dev_db.min, -1.2) : -1.2;
      hi = view->dev_db.min <= view->dev_db.max ? MAX (view->dev_db.max, 1.2) : 1.2;
      break;

    case HR_CHART_RESPONSE:
      /* At least ±5 dB: a response is read in steps of a few dB. */
      lo = view->resp_db.min <= view->resp_db.max ? MIN (view->resp_db.min, -5.0) : -10.0;
      hi = view->resp_db.min <= view->resp_db.max ? MAX (view->resp_db.max, 5.0) : 10.0;
      break;

    default:
      g_assert_not_reached ();
    }

  linear_range (lo, hi, max_ticks, &axes->y_min, &axes->y_max, &axes->y_step);
}

static const char *
y_axis_title (HrChartKind kind)
{
  switch (kind)
    {
    case HR_CHART_IMPEDANCE:
      return _("|Z| (Ω)");
    case HR_CHART_CURRENT:
      return _("Current (mA)");
    case HR_CHART_SPL:
      return _("SPL (dB)");
    case HR_CHART_DEVIATION:
      return _("Change (dB)");
    case HR_CHART_RESPONSE:
      /* Translators: the y axis of the frequency response chart, against 1 kHz */
      return _("Level (dB re 1 kHz)");
    default:
      g_return_val_if_reached ("");
    }
}

/* The widest tick label of the left or right axis, to size the margins. */
static double
widest_tick (cairo_t           *cr,
             const HrChartAxes *axes,
             gboolean           right)
{
  double widest = 0.0;

  if (!right && axes->y_log)
    {
      for (int k = log125_floor_index (axes->y_min); log125_value (k) <= axes->y_max * 1.000001; k++)
        {
          g_autofree char *text = hr_chart_format_tick (log125_value (k), 0.0);

          widest = MAX (widest, hr_chart_text_width (cr, text));
        }
      return widest;
    }

  {
    double min = right ? axes->y2_min : axes->y_min;
    double max = right ? axes->y2_max : axes->y_max;
    double step = right ? axes->y2_step : axes->y_step;

    for (double v = min; v <= max + step * 1e-6; v += step)
      {
        g_autofree char *text = hr_chart_format_tick (v, step);

        widest = MAX (widest, hr_chart_text_width (cr, text));
      }
  }
  return widest;
}

void
hr_chart_layout_cell (cairo_t     *cr,
                      HrChartView *view,
                      HrChartKind  kind,
                      HrChartRect  frame,
                      double       scale,
                      HrChartCell *cell)
{
  double pad = 8.0 * scale;
  double label_h;
  double title_w;
  double key_w;
  double y;
  double bottom;
  double left_w;
  double right_w;
  cairo_font_extents_t title_fe;
  cairo_font_extents_t label_fe;
  cairo_font_extents_t tick_fe;

  memset (cell, 0, sizeof *cell);
  cell->axes.kind = kind;
  cell->axes.frame = frame;
  cell->axes.fmin_hz = HR_SWEEP_DEFAULT_FMIN_HZ;
  cell->axes.fmax_hz = HR_SWEEP_DEFAULT_FMAX_HZ;

  hr_chart_select_font (cr, HR_CHART_FONT_CHART_TITLE, scale);
  cairo_font_extents (cr, &title_fe);
  title_w = hr_chart_text_width (cr, hr_chart_kind_title (kind));
  hr_chart_select_font (cr, HR_CHART_FONT_TICK, scale);
  cairo_font_extents (cr, &tick_fe);
  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, scale);
  cairo_font_extents (cr, &label_fe);
  label_h = label_fe.ascent + label_fe.descent;
  key_w = hr_chart_cell_key_width (cr, view, kind, scale);

  /* Top: the title, the key beside it or under it, the axis titles. */
  cell->title_baseline = frame.y + pad + title_fe.ascent;
  y = frame.y + pad + title_fe.ascent + title_fe.descent;
  if (title_w + 16.0 * scale + key_w <= frame.width - 2.0 * pad)
    {
      cell->key_x = frame.x + frame.width - pad - key_w;
      cell->key_baseline = cell->title_baseline;
    }
  else
    {
      cell->key_x = frame.x + pad;
      cell->key_baseline = y + 2.0 * scale + label_fe.ascent;
      y += 2.0 * scale + label_h;
    }
  cell->axis_title_baseline = y + 4.0 * scale + label_fe.ascent;
  y += 4.0 * scale + label_h;
  cell->axes.plot.y = y + (tick_fe.ascent + tick_fe.descent) / 2.0 + 2.0 * scale;

  /* Bottom: the axis title, the tick labels, and on the SPL chart one row
   * per limited trace saying which limit binds where. */
  cell->x_title_baseline = frame.y + frame.height - pad - label_fe.descent;
  cell->tick_baseline = cell->x_title_baseline - label_fe.ascent - 3.0 * scale - tick_fe.descent;
  /* Room for the half of the lowest y label that hangs below the plot,
   * so that it never meets the first frequency label. */
  bottom = cell->tick_baseline - tick_fe.ascent - (tick_fe.ascent + tick_fe.descent) / 2.0 - 2.0 * scale;
  if (kind == HR_CHART_SPL)
    {
      hr_chart_view_ensure_ranges (view);
      cell->n_strip_rows = view->n_limited;
      if (cell->n_strip_rows > 0)
        {
          /* At most a fifth of the room: past that the rows get thinner. */
          cell->strip_pitch = MIN (STRIP_PITCH * scale,
                                   MAX (bottom - cell->axes.plot.y, 0.0) * 0.2 / cell->n_strip_rows);
          cell->strip_pitch = MAX (cell->strip_pitch, 2.0 * scale);
          cell->strip.height = cell->n_strip_rows * cell->strip_pitch
                               - cell->strip_pitch * (1.0 - STRIP_ROW / STRIP_PITCH);
          cell->strip.y = bottom - cell->strip.height;
          bottom = cell->strip.y - 4.0 * scale;
        }
    }
  cell->axes.plot.height = MAX (bottom - cell->axes.plot.y, 1.0);

  /* The ranges depend on the height (how many ticks fit), the margins on
   * the widths of the labels that the ranges give. */
  layout_y_ranges (view, &cell->axes);
  hr_chart_select_font (cr, HR_CHART_FONT_TICK, scale);
  left_w = widest_tick (cr, &cell->axes, FALSE);
  right_w = cell->axes.has_y2 ? widest_tick (cr, &cell->axes, TRUE) + 6.0 * scale
                              : hr_chart_text_width (cr, "20k") / 2.0;
  /* The deviation chart names its bands in the right margin, where no
   * trace can run under the words. */
  if (kind == HR_CHART_DEVIATION)
    right_w = MAX (right_w, hr_chart_text_width (cr, "±0.5") + 6.0 * scale);
  cell->axes.plot.x = frame.x + pad + left_w + 6.0 * scale;
  cell->axes.plot.width = MAX (frame.x + frame.width - pad - right_w - cell->axes.plot.x, 1.0);
  /* Whole pixels: cairo clips to a pixel-aligned rectangle as a region,
   * for free, but to any other through a mask, at three times the cost
   * of every curve drawn inside it. */
  cell->axes.plot.x = round (cell->axes.plot.x);
  cell->axes.plot.y = round (cell->axes.plot.y);
  cell->axes.plot.width = MAX (round (cell->axes.plot.width), 1.0);
  cell->axes.plot.height = MAX (round (cell->axes.plot.height), 1.0);
  if (cell->n_strip_rows > 0)
    {
      cell->strip.x = cell->axes.plot.x;
      cell->strip.width = cell->axes.plot.width;
    }
}

double
hr_chart_axes_freq_to_x (const HrChartAxes *axes,
                         double             freq_hz)
{
  double t = log (freq_hz / axes->fmin_hz) / log (axes->fmax_hz / axes->fmin_hz);

  return axes->plot.x + t * axes->plot.width;
}

double
hr_chart_axes_x_to_freq (const HrChartAxes *axes,
                         double             x)
{
  double t = (x - axes->plot.x) / axes->plot.width;

  return axes->fmin_hz * pow (axes->fmax_hz / axes->fmin_hz, t);
}

double
hr_chart_axes_value_to_y (const HrChartAxes *axes,
                          double             value)
{
  double t = axes->y_log ? log (value / axes->y_min) / log (axes->y_max / axes->y_min)
                         : (value - axes->y_min) / (axes->y_max - axes->y_min);

  return axes->plot.y + (1.0 - t) * axes->plot.height;
}

double
hr_chart_axes_y_to_value (const HrChartAxes *axes,
                          double             y)
{
  double t = 1.0 - (y - axes->plot.y) / axes->plot.height;

  return axes->y_log ? axes->y_min * pow (axes->y_max / axes->y_min, t)
                     : axes->y_min + t * (axes->y_max - axes->y_min);
}

double
hr_chart_axes_value2_to_y (const HrChartAxes *axes,
                           double             value)
{
  double t = (value - axes->y2_min) / (axes->y2_max - axes->y2_min);

  return axes->plot.y + (1.0 - t) * axes->plot.height;
}

/* The centre of a device pixel for a line of odd width, its edge for an
 * even one: a one-pixel grid line then covers one row, not two halves. */
static double
snap (cairo_t *cr,
      double   v,
      double   line_width)
{
  double px = line_width;
  double dy = 0.0;

  cairo_user_to_device_distance (cr, &px, &dy);
  return ((long) round (px)) % 2 == 1 ? floor (v) + 0.5 : round (v);
}

static void
stroke_x_line (cairo_t           *cr,
               const HrChartAxes *axes,
               double             freq_hz,
               double             width)
{
  double x = snap (cr, hr_chart_axes_freq_to_x (axes, freq_hz), width);

  cairo_move_to (cr, x, axes->plot.y);
  cairo_line_to (cr, x, axes->plot.y + axes->plot.height);
}

static void
stroke_y_line (cairo_t           *cr,
               const HrChartAxes *axes,
               double             y,
               double             width)
{
  y = snap (cr, y, width);
  cairo_move_to (cr, axes->plot.x, y);
  cairo_line_to (cr, axes->plot.x + axes->plot.width, y);
}

static void
draw_grid (HrChartPainter    *painter,
           const HrChartAxes *axes)
{
  cairo_t *cr = painter->cr;
  const HrChartStyle *style = painter->style;
  double width = 1.0 * painter->scale;

  cairo_set_line_width (cr, width);
  cairo_set_dash (cr, NULL, 0, 0.0);

  /* Minor: every whole multiple in each decade that has no label. */
  for (double decade = 10.0; decade < axes->fmax_hz; decade *= 10.0)
    for (int m = 3; m <= 9; m++)
      if (m != 5 && decade * m > axes->fmin_hz && decade * m < axes->fmax_hz)
        stroke_x_line (cr, axes, decade * m, width);
  hr_chart_set_source (cr, style->foreground, style->grid_minor_alpha);
  cairo_stroke (cr);

  for (guint i = 0; i < G_N_ELEMENTS (x_labels_hz); i++)
    stroke_x_line (cr, axes, x_labels_hz[i], width);
  if (axes->y_log)
    {
      for (int k = log125_floor_index (axes->y_min); log125_value (k) <= axes->y_max * 1.000001; k++)
        stroke_y_line (cr, axes, hr_chart_axes_value_to_y (axes, log125_value (k)), width);
    }
  else
    {
      for (double v = axes->y_min; v <= axes->y_max + axes->y_step * 1e-6; v += axes->y_step)
        stroke_y_line (cr, axes, hr_chart_axes_value_to_y (axes, v), width);
    }
  hr_chart_set_source (cr, style->foreground, style->grid_major_alpha);
  cairo_stroke (cr);
}

static void
draw_y_label (HrChartPainter    *painter,
              const HrChartAxes *axes,
              double             y,
              const char        *text,
              gboolean           right)
{
  cairo_font_extents_t fe;
  double gap = 6.0 * painter->scale;
  double x;

  cairo_font_extents (painter->cr, &fe);
  x = right ? axes->plot.x + axes->plot.width + gap
            : axes->plot.x - gap - hr_chart_text_width (painter->cr, text);
  hr_chart_draw_text_if_room (painter, HR_CHART_TEXT_TICK, text, x,
                              y + (fe.ascent - fe.descent) / 2.0, &axes->frame);
}

static void
draw_tick_labels (HrChartPainter    *painter,
                  const HrChartCell *cell)
{
  const HrChartAxes *axes = &cell->axes;
  cairo_t *cr = painter->cr;

  hr_chart_select_font (cr, HR_CHART_FONT_TICK, painter->scale);
  hr_chart_set_source (cr, painter->style->foreground, painter->style->dim_text_alpha);

  /* Left to right, so that where two would touch the lower one stays. */
  for (guint i = 0; i < G_N_ELEMENTS (x_labels_hz); i++)
    {
      g_autofree char *text = hr_chart_format_tick (x_labels_hz[i], 0.0);
      double x = hr_chart_axes_freq_to_x (axes, x_labels_hz[i]) - hr_chart_text_width (cr, text) / 2.0;

      hr_chart_draw_text_if_room (painter, HR_CHART_TEXT_TICK, text, x, cell->tick_baseline, &axes->frame);
    }

  if (axes->y_log)
    {
      int lo = log125_floor_index (axes->y_min);
      int hi = log125_floor_index (axes->y_max);
      /* Decades first: when 2 and 5 do not fit, the powers of ten stay. */
      for (int pass = 0; pass < 2; pass++)
        for (int k = lo; k <= hi; k++)
          if ((k % 3 == 0) == (pass == 0))
            {
              g_autofree char *text = hr_chart_format_tick (log125_value (k), 0.0);

              draw_y_label (painter, axes, hr_chart_axes_value_to_y (axes, log125_value (k)), text, FALSE);
            }
    }
  else
    {
      for (double v = axes->y_min; v <= axes->y_max + axes->y_step * 1e-6; v += axes->y_step)
        {
          g_autofree char *text = hr_chart_format_tick (v, axes->y_step);

          draw_y_label (painter, axes, hr_chart_axes_value_to_y (axes, v), text, FALSE);
        }
    }

  if (!axes->has_y2)
    return;

  for (double v = axes->y2_min; v <= axes->y2_max + axes->y2_step * 1e-6; v += axes->y2_step)
    {
      g_autofree char *text = hr_chart_format_tick (v, axes->y2_step);

      draw_y_label (painter, axes, hr_chart_axes_value2_to_y (axes, v), text, TRUE);
    }
  /* The right axis has no grid of its own: short ticks tell its steps. */
  cairo_new_path (cr);
  for (double v = axes->y2_min; v <= axes->y2_max + axes->y2_step * 1e-6; v += axes->y2_step)
    {
      cairo_move_to (cr, axes->plot.x + axes->plot.width,
                     snap (cr, hr_chart_axes_value2_to_y (axes, v), painter->scale));
      cairo_rel_line_to (cr, 4.0 * painter->scale, 0.0);
    }
  cairo_set_line_width (cr, painter->scale);
  cairo_stroke (cr);
}

const char *
hr_chart_x_axis_title (void)
{
  return _("Frequency (Hz)");
}

/* Everything of a chart but its data: titles, grid, frame, labels. */
void
hr_chart_draw_cell_frame (HrChartPainter    *painter,
                          const HrChartCell *cell)
{
  const HrChartAxes *axes = &cell->axes;
  const HrChartStyle *style = painter->style;
  cairo_t *cr = painter->cr;
  double pad = 8.0 * painter->scale;
  double w = painter->scale;
  const char *x_title = hr_chart_x_axis_title ();

  hr_chart_select_font (cr, HR_CHART_FONT_CHART_TITLE, painter->scale);
  hr_chart_set_source (cr, style->foreground, style->text_alpha);
  hr_chart_draw_text (painter, HR_CHART_TEXT_CHART_TITLE, hr_chart_kind_title (axes->kind),
                      axes->frame.x + pad, cell->title_baseline);

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, painter->scale);
  hr_chart_set_source (cr, style->foreground, style->dim_text_alpha);
  hr_chart_draw_text (painter, HR_CHART_TEXT_AXIS_TITLE, y_axis_title (axes->kind),
                      axes->frame.x + pad, cell->axis_title_baseline);
  if (axes->has_y2)
    {
      const char *title = _("Phase (°)");

      hr_chart_draw_text (painter, HR_CHART_TEXT_AXIS_TITLE, title,
                          axes->frame.x + axes->frame.width - pad - hr_chart_text_width (cr, title),
                          cell->axis_title_baseline);
    }
  hr_chart_draw_text (painter, HR_CHART_TEXT_AXIS_TITLE, x_title,
                      axes->plot.x + (axes->plot.width - hr_chart_text_width (cr, x_title)) / 2.0,
                      cell->x_title_baseline);

  draw_grid (painter, axes);

  cairo_set_line_width (cr, w);
  cairo_rectangle (cr, snap (cr, axes->plot.x, w), snap (cr, axes->plot.y, w),
                   round (axes->plot.width), round (axes->plot.height));
  hr_chart_set_source (cr, style->foreground, style->frame_alpha);
  cairo_stroke (cr);

  draw_tick_labels (painter, cell);
}
