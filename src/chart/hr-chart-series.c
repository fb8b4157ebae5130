/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-chart-private.h"

/* The data of each chart, and the key that says what each line style
 * means there.
 *
 * Colour and dash tell the configurations apart (the legend); within one
 * configuration, width and pattern tell its lines apart: the metric of
 * the chart thick, the secondary ones (phase, Zout, limits, ceiling)
 * thin, each in a pattern of its own that the key in the chart's title
 * row shows. Everything is clipped to the plot area. */

typedef enum
{
  SAMPLE_MAIN,
  SAMPLE_THIN,
  SAMPLE_DOTTED,
  SAMPLE_DASH_DOT,
  SAMPLE_SHADE,
  SAMPLE_BAR,
  SAMPLE_STRIPED_BAR,
  SAMPLE_BANDS,
  SAMPLE_DASHED,
} Sample;

typedef struct
{
  Sample      sample;
  const char *text;
} KeyItem;

#define MAX_KEY_ITEMS 6

static const double dotted[] = { 1.5, 2.5 };
static const double dash_dot[] = { 8.0, 3.0, 1.5, 3.0 };
static const double dashed[] = { 6.0, 4.0 };

/* Whether any trace drawn has a finite current ceiling somewhere, or a
 * hiss line: the key names only what the chart shows. */
static void
find_drawn (HrChartView *view,
            gboolean    *current_bound,
            gboolean    *hiss)
{
  *current_bound = FALSE;
  *hiss = FALSE;
  for (guint i = 0; view != NULL && i < view->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (view->traces, i);

      if (!hr_chart_trace_is_drawn (trace))
        continue;
      *hiss |= isfinite (trace->hiss_spl_db);
      for (guint j = 0; j < trace->sweep->n_points && !*current_bound; j++)
        *current_bound |= trace->sweep->limit[j] == HR_LIMIT_CURRENT;
    }
}

static guint
key_items (HrChartView *view,
           HrChartKind  kind,
           KeyItem     *items)
{
  gboolean current_bound;
  gboolean hiss;
  guint n;

  switch (kind)
    {
    case HR_CHART_IMPEDANCE:
      items[0] = (KeyItem) { SAMPLE_MAIN, _("|Z|") };
      items[1] = (KeyItem) { SAMPLE_THIN, _("phase") };
      items[2] = (KeyItem) { SAMPLE_DOTTED, _("Zout") };
      items[3] = (KeyItem) { SAMPLE_DASH_DOT, _("8 × Zout") };
      return 4;
    case HR_CHART_CURRENT:
      items[0] = (KeyItem) { SAMPLE_MAIN, _("drawn") };
      items[1] = (KeyItem) { SAMPLE_DASH_DOT, _("source limit") };
      return 2;
    case HR_CHART_SPL:
      find_drawn (view, &current_bound, &hiss);
      items[0] = (KeyItem) { SAMPLE_MAIN, _("level") };
      items[1] = (KeyItem) { SAMPLE_DOTTED, _("max clean") };
      items[2] = (KeyItem) { SAMPLE_SHADE, _("clips") };
      items[3] = (KeyItem) { SAMPLE_BAR, _("voltage limit") };
      n = 4;
      if (current_bound)
        items[n++] = (KeyItem) { SAMPLE_STRIPED_BAR, _("current limit") };
      if (hiss)
        /* Translators: the key of the line on the SPL chart at the level of the source's noise */
        items[n++] = (KeyItem) { SAMPLE_DASHED, _("hiss") };
      return n;
    case HR_CHART_DEVIATION:
      items[0] = (KeyItem) { SAMPLE_BANDS, _("±0.2, 0.5, 1 dB") };
      return 1;
    case HR_CHART_RESPONSE:
      /* No key over a plot that says there is nothing to draw. */
      hr_chart_view_ensure_ranges (view);
      if (view->n_with_response == 0)
        return 0;
      /* Translators: the key of the response chart: the response on the source */
      items[0] = (KeyItem) { SAMPLE_MAIN, _("on this source") };
      /* Translators: the key of the response chart: the response as the file measured it */
      items[1] = (KeyItem) { SAMPLE_THIN, _("as measured") };
      return 2;
    default:
      g_assert_not_reached ();
    }
}

#define SAMPLE_W 18.0
#define SAMPLE_GAP 4.0
#define ITEM_GAP 12.0

double
hr_chart_cell_key_width (cairo_t     *cr,
                         HrChartView *view,
                         HrChartKind  kind,
                         double       scale)
{
  KeyItem items[MAX_KEY_ITEMS];
  guint n = key_items (view, kind, items);
  double width = 0.0;

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, scale);
  for (guint i = 0; i < n; i++)
    width += (i > 0 ? ITEM_GAP : 0.0) * scale + (SAMPLE_W + SAMPLE_GAP) * scale
             + hr_chart_text_width (cr, items[i].text);
  return width;
}

static void
fill_striped (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   period)
{
  for (double sx = x; sx < x + width; sx += period)
    cairo_rectangle (cr, sx, y, MIN (period / 2.0, x + width - sx), height);
  cairo_fill (cr);
}

static void
draw_sample (HrChartPainter *painter,
             Sample          sample,
             double          x,
             double          mid_y)
{
  cairo_t *cr = painter->cr;
  double s = painter->scale;
  double w = SAMPLE_W * s;
  double dashes[4];

  cairo_save (cr);
  cairo_set_dash (cr, NULL, 0, 0.0);
  switch (sample)
    {
    case SAMPLE_MAIN:
    case SAMPLE_THIN:
    case SAMPLE_DOTTED:
    case SAMPLE_DASH_DOT:
    case SAMPLE_DASHED:
      cairo_set_line_width (cr, (sample == SAMPLE_MAIN ? 2.0 : 1.25) * s);
      if (sample == SAMPLE_DASHED)
        {
          for (guint i = 0; i < G_N_ELEMENTS (dashed); i++)
            dashes[i] = dashed[i] * s * 0.6;
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashed), 0.0);
        }
      else if (sample == SAMPLE_DOTTED)
        {
          for (guint i = 0; i < G_N_ELEMENTS (dotted); i++)
            dashes[i] = dotted[i] * s;
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dotted), 0.0);
        }
      else if (sample == SAMPLE_DASH_DOT)
        {
          for (guint i = 0; i < G_N_ELEMENTS (dash_dot); i++)
            dashes[i] = dash_dot[i] * s * 0.6;
          cairo_set_dash (cr, dashes, G_N_ELEMENTS (dash_dot), 0.0);
        }
      cairo_move_to (cr, x, mid_y);
      cairo_rel_line_to (cr, w, 0.0);
      cairo_stroke (cr);
      break;
    case SAMPLE_SHADE:
      cairo_rectangle (cr, x, mid_y - 4.0 * s, w, 8.0 * s);
      cairo_clip (cr);
      cairo_paint_with_alpha (cr, 0.3);
      break;
    case SAMPLE_BAR:
      cairo_rectangle (cr, x, mid_y - 2.0 * s, w, 4.0 * s);
      cairo_fill (cr);
      break;
    case SAMPLE_STRIPED_BAR:
      fill_striped (cr, x, mid_y - 2.0 * s, w, 4.0 * s, 4.0 * s);
      break;
    case SAMPLE_BANDS:
      for (int i = 1; i <= 3; i++)
        cairo_rectangle (cr, x, mid_y - i * 2.0 * s, w, i * 4.0 * s);
      cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
      cairo_clip_preserve (cr);
      cairo_new_path (cr);
      for (int i = 1; i <= 3; i++)
        {
          cairo_rectangle (cr, x, mid_y - i * 2.0 * s, w, i * 4.0 * s);
          cairo_save (cr);
          cairo_clip (cr);
          cairo_paint_with_alpha (cr, 0.25);
          cairo_restore (cr);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_restore (cr);
}

void
hr_chart_draw_cell_key (HrChartPainter    *painter,
                        const HrChartCell *cell)
{
  KeyItem items[MAX_KEY_ITEMS];
  guint n = key_items (painter->view, cell->axes.kind, items);
  cairo_t *cr = painter->cr;
  double s = painter->scale;
  double x = cell->key_x;
  cairo_font_extents_t fe;

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, s);
  cairo_font_extents (cr, &fe);
  hr_chart_set_source (cr, painter->style->foreground, painter->style->dim_text_alpha);
  for (guint i = 0; i < n; i++)
    {
      double mid_y = cell->key_baseline - (fe.ascent - fe.descent) / 2.0;

      /* In a cell too narrow for the whole key, what fits is shown. */
      if (!hr_chart_draw_text_if_room (painter, HR_CHART_TEXT_KEY, items[i].text,
                                       x + (SAMPLE_W + SAMPLE_GAP) * s, cell->key_baseline,
                                       &cell->axes.frame))
        break;
      draw_sample (painter, items[i].sample, x, mid_y);
      x += (SAMPLE_W + SAMPLE_GAP + ITEM_GAP) * s + hr_chart_text_width (cr, items[i].text);
    }
}

/* A curve as a path, broken where a value is missing. A point closer
 * than a pixel and a half to the last one drawn is skipped (radial
 * distance simplification): a smooth 1000-point sweep on a chart 700
 * pixels wide then strokes as about 300 segments, which looks the same
 * (the error is a fraction of a pixel) and strokes in a third of the
 * time; anything that moves further than that, a resonance's peak or a
 * spike, is kept. */
static void
path_curve (cairo_t           *cr,
            const HrChartAxes *axes,
            const double      *freq_hz,
            const double      *values,
            guint              n_points,
            gboolean           right_axis,
            double             scale)
{
  double min_dist2 = (3.0 * scale) * (3.0 * scale);
  double limit_lo = axes->plot.y - 4.0 * axes->plot.height;
  double limit_hi = axes->plot.y + 5.0 * axes->plot.height;
  gboolean pen_down = FALSE;
  gboolean pending = FALSE;
  double last_x = 0.0;
  double last_y = 0.0;
  double pending_x = 0.0;
  double pending_y = 0.0;

  for (guint i = 0; i < n_points; i++)
    {
      double v = values[i];
      double x;
      double y;

      if (!isfinite (v) || (axes->y_log && !right_axis && v <= 0.0))
        {
          if (pending)
            cairo_line_to (cr, pending_x, pending_y);
          pen_down = pending = FALSE;
          continue;
        }

      x = hr_chart_axes_freq_to_x (axes, freq_hz[i]);
      y = right_axis ? hr_chart_axes_value2_to_y (axes, v) : hr_chart_axes_value_to_y (axes, v);
      /* Far outside the plot the clip hides it; cairo's fixed point must
       * not overflow on the way. */
      y = CLAMP (y, limit_lo, limit_hi);

      if (!pen_down)
        {
          cairo_move_to (cr, x, y);
          pen_down = TRUE;
        }
      else if ((x - last_x) * (x - last_x) + (y - last_y) * (y - last_y) < min_dist2)
        {
          pending = TRUE;
          pending_x = x;
          pending_y = y;
          continue;
        }
      else
        cairo_line_to (cr, x, y);

      pending = FALSE;
      last_x = x;
      last_y = y;
    }

  if (pending)
    cairo_line_to (cr, pending_x, pending_y);
}

static void
set_pattern (cairo_t      *cr,
             const double *pattern,
             int           n,
             double        unit)
{
  double dashes[4];

  g_assert (n <= (int) G_N_ELEMENTS (dashes));
  for (int i = 0; i < n; i++)
    dashes[i] = pattern[i] * unit;
  cairo_set_dash (cr, dashes, n, 0.0);
}

/* A value the same at every frequency, as a crisp horizontal line. */
static void
stroke_level (HrChartPainter    *painter,
              const HrChartAxes *axes,
              double             y)
{
  cairo_t *cr = painter->cr;

  if (!isfinite (y))
    return;
  y = floor (y) + 0.5;
  cairo_move_to (cr, axes->plot.x, y);
  cairo_line_to (cr, axes->plot.x + axes->plot.width, y);
  cairo_stroke (cr);
}

static void
draw_zout (HrChartPainter    *painter,
           const HrChartAxes *axes,
           HrChartTrace      *trace,
           double             factor)
{
  const HrSweep *sweep = trace->sweep;
  cairo_t *cr = painter->cr;
  g_autofree double *values = NULL;
  gboolean constant = TRUE;

  if (sweep->n_points == 0)
    return;

  /* A plain resistive output is one value everywhere: a level line,
   * snapped to the pixel grid, reads crisper than a curve. */
  for (guint i = 1; i < sweep->n_points && constant; i++)
    constant = sweep->zth_ohm[i] == sweep->zth_ohm[0];
  if (constant)
    {
      if (sweep->zth_ohm[0] > 0.0)
        stroke_level (painter, axes, hr_chart_axes_value_to_y (axes, factor * sweep->zth_ohm[0]));
      return;
    }

  values = g_new (double, sweep->n_points);
  for (guint i = 0; i < sweep->n_points; i++)
    values[i] = factor * sweep->zth_ohm[i];
  path_curve (cr, axes, sweep->freq_hz, values, sweep->n_points, FALSE, painter->scale);
  cairo_stroke (cr);
}

/* Where the level asked for is above the ceiling, the gap between them. */
static void
fill_clipping (cairo_t           *cr,
               const HrChartAxes *axes,
               const HrSweep     *sweep)
{
  guint i = 0;

  while (i < sweep->n_points)
    {
      guint start;

      if (!(sweep->spl_db[i] > sweep->spl_max_db[i]))
        {
          i++;
          continue;
        }
      start = i;
      while (i < sweep->n_points && sweep->spl_db[i] > sweep->spl_max_db[i])
        i++;
      cairo_move_to (cr, hr_chart_axes_freq_to_x (axes, sweep->freq_hz[start]),
                     hr_chart_axes_value_to_y (axes, sweep->spl_db[start]));
      for (guint k = start + 1; k < i; k++)
        cairo_line_to (cr, hr_chart_axes_freq_to_x (axes, sweep->freq_hz[k]),
                       hr_chart_axes_value_to_y (axes, sweep->spl_db[k]));
      for (guint k = i; k-- > start;)
        cairo_line_to (cr, hr_chart_axes_freq_to_x (axes, sweep->freq_hz[k]),
                       hr_chart_axes_value_to_y (axes, sweep->spl_max_db[k]));
      cairo_close_path (cr);
    }
  cairo_fill (cr);
}

/* One row of the strip under the SPL chart: which limit binds where,
 * solid for the voltage, striped for the current. */
static void
draw_limit_row (HrChartPainter    *painter,
                const HrChartCell *cell,
                const HrSweep     *sweep,
                guint              row)
{
  cairo_t *cr = painter->cr;
  const HrChartAxes *axes = &cell->axes;
  double s = painter->scale;
  double y = cell->strip.y + row * cell->strip_pitch;
  double row_h = cell->strip_pitch * STRIP_ROW / STRIP_PITCH;
  guint i = 0;

  while (i < sweep->n_points)
    {
      HrLimit limit = sweep->limit[i];
      guint start = i;
      double x0;
      double x1;

      while (i < sweep->n_points && sweep->limit[i] == limit)
        i++;
      /* Each point owns the half-way to its neighbours. */
      x0 = start == 0 ? axes->plot.x
                      : hr_chart_axes_freq_to_x (axes, sqrt (sweep->freq_hz[start - 1] * sweep->freq_hz[start]));
      x1 = i == sweep->n_points ? axes->plot.x + axes->plot.width
                                : hr_chart_axes_freq_to_x (axes, sqrt (sweep->freq_hz[i - 1] * sweep->freq_hz[i]));
      switch (limit)
        {
        case HR_LIMIT_VOLTAGE:
          cairo_rectangle (cr, x0, y, x1 - x0, row_h);
          cairo_fill (cr);
          break;
        case HR_LIMIT_CURRENT:
          fill_striped (cr, x0, y, x1 - x0, row_h, 4.0 * s);
          break;
        case HR_LIMIT_NONE:
        default:
          break;
        }
    }
}

static void
draw_bands (HrChartPainter    *painter,
            const HrChartAxes *axes)
{
  static const double bands_db[] = { 1.0, 0.5, 0.2 };
  cairo_t *cr = painter->cr;

  hr_chart_set_source (cr, painter->style->foreground, painter->style->band_alpha);
  for (guint i = 0; i < G_N_ELEMENTS (bands_db); i++)
    {
      double top = hr_chart_axes_value_to_y (axes, bands_db[i]);
      double bottom = hr_chart_axes_value_to_y (axes, -bands_db[i]);

      cairo_rectangle (cr, axes->plot.x, top, axes->plot.width, bottom - top);
      cairo_fill (cr);
    }
}

/* Each band's name beside the plot, level with its upper edge, like a
 * tick of a right-hand axis: inside the plot they sat on the traces.
 * Where two would touch (a short chart), the wider band keeps its name. */
static void
draw_band_labels (HrChartPainter    *painter,
                  const HrChartAxes *axes)
{
  static const double bands_db[] = { 1.0, 0.5, 0.2 };
  cairo_t *cr = painter->cr;
  const double gap = 4.0 * painter->scale;
  const HrChartRect margin = {
    axes->plot.x + axes->plot.width, axes->frame.y,
    axes->frame.x + axes->frame.width - (axes->plot.x + axes->plot.width), axes->frame.height
  };
  cairo_font_extents_t fe;

  hr_chart_select_font (cr, HR_CHART_FONT_TICK, painter->scale);
  cairo_font_extents (cr, &fe);
  hr_chart_set_source (cr, painter->style->foreground, painter->style->dim_text_alpha);
  for (guint i = 0; i < G_N_ELEMENTS (bands_db); i++)
    {
      g_autofree char *text = g_strdup_printf ("±%g", bands_db[i]);
      double y = hr_chart_axes_value_to_y (axes, bands_db[i]);

      if (y < axes->plot.y || y > axes->plot.y + axes->plot.height)
        continue;
      hr_chart_draw_text_if_room (painter, HR_CHART_TEXT_NOTE, text,
                                  axes->plot.x + axes->plot.width + gap,
                                  y + (fe.ascent - fe.descent) / 2.0, &margin);
    }
}

static void
draw_trace (HrChartPainter    *painter,
            const HrChartCell *cell,
            HrChartTrace      *trace,
            gboolean           with_references)
{
  const HrChartAxes *axes = &cell->axes;
  const HrSweep *sweep = trace->sweep;
  cairo_t *cr = painter->cr;
  double s = painter->scale;
  HrChartColor color = hr_chart_slot_color (painter->view->theme, trace->slot);
  double width = hr_chart_trace_width (trace, s);
  const double *values = NULL;

  hr_chart_set_source (cr, color, 1.0);
  cairo_set_line_width (cr, 1.25 * s);

  switch (axes->kind)
    {
    case HR_CHART_IMPEDANCE:
      values = sweep->z_mag_ohm;
      if (with_references)
        {
          set_pattern (cr, dotted, G_N_ELEMENTS (dotted), s);
          draw_zout (painter, axes, trace, 1.0);
          set_pattern (cr, dash_dot, G_N_ELEMENTS (dash_dot), s);
          draw_zout (painter, axes, trace, 8.0);
        }
      hr_chart_set_slot_dash (cr, trace->slot, s);
      path_curve (cr, axes, sweep->freq_hz, sweep->z_phase_deg, sweep->n_points, TRUE, s);
      hr_chart_set_source (cr, color, 0.6);
      cairo_stroke (cr);
      break;

    case HR_CHART_CURRENT:
      values = sweep->i_source_ma;
      if (with_references && isfinite (trace->current_limit_ma))
        {
          set_pattern (cr, dash_dot, G_N_ELEMENTS (dash_dot), s);
          cairo_set_line_width (cr, 1.5 * s);
          stroke_level (painter, axes, hr_chart_axes_value_to_y (axes, trace->current_limit_ma));
        }
      break;

    case HR_CHART_SPL:
      values = sweep->spl_db;
      hr_chart_set_source (cr, color, 0.25);
      fill_clipping (cr, axes, sweep);
      hr_chart_set_source (cr, color, 1.0);
      set_pattern (cr, dotted, G_N_ELEMENTS (dotted), s);
      cairo_set_line_width (cr, 1.5 * s);
      path_curve (cr, axes, sweep->freq_hz, sweep->spl_max_db, sweep->n_points, FALSE, s);
      cairo_stroke (cr);
      if (isfinite (trace->hiss_spl_db))
        {
          set_pattern (cr, dashed, G_N_ELEMENTS (dashed), s);
          cairo_set_line_width (cr, 1.25 * s);
          stroke_level (painter, axes, hr_chart_axes_value_to_y (axes, trace->hiss_spl_db));
        }
      break;

    case HR_CHART_DEVIATION:
      values = sweep->dev_db;
      break;

    case HR_CHART_RESPONSE:
      /* The measurement, thin, under what it will be on the source. */
      values = sweep->fr_pred_db;
      if (with_references && sweep->has_response)
        {
          hr_chart_set_slot_dash (cr, trace->slot, s);
          cairo_set_line_width (cr, 1.25 * s);
          path_curve (cr, axes, sweep->freq_hz, sweep->fr_db, sweep->n_points, FALSE, s);
          hr_chart_set_source (cr, color, 0.6);
          cairo_stroke (cr);
        }
      break;

    default:
      g_assert_not_reached ();
    }

  /* Not a flat line where the change could not be computed: the cell
   * says so instead (draw_not_computed()). */
  if (trace->deviation_unknown && hr_chart_kind_needs_curve (axes->kind))
    return;

  hr_chart_set_source (cr, color, 1.0);
  hr_chart_set_slot_dash (cr, trace->slot, width / 2.0);
  cairo_set_line_width (cr, width);
  path_curve (cr, axes, sweep->freq_hz, values, sweep->n_points, FALSE, s);
  cairo_stroke (cr);
}

static gboolean
trace_is_limited (HrChartTrace *trace)
{
  for (guint i = 0; i < trace->sweep->n_points; i++)
    if (isfinite (trace->sweep->spl_max_db[i]))
      return TRUE;
  return FALSE;
}

static void draw_note_lines (HrChartPainter    *painter,
                             const HrChartAxes *axes,
                             const char *const *lines,
                             guint              n_lines);

/* The response chart of headphones with no response of their own says
 * so, and how to give them one, in the middle of its plot. */
static void
draw_no_response (HrChartPainter    *painter,
                  const HrChartAxes *axes)
{
  const char *lines[] = {
    /* Translators: on the response chart, for headphones without a measured response */
    _("No frequency response for these headphones"),
    /* Translators: on the response chart, how to add a response */
    _("Add one from an AutoEq CSV, a REW export, a .frd or CrinGraph text"),
  };

  draw_note_lines (painter, axes, lines, G_N_ELEMENTS (lines));
}

/* The charts of the change in response, for headphones whose impedance
 * curve is not known: a flat line would read as "no change". */
static void
draw_not_computed (HrChartPainter    *painter,
                   const HrChartAxes *axes)
{
  const char *lines[] = {
    /* Translators: on the response-change chart, for headphones whose impedance curve is not known */
    _("The change in response cannot be computed"),
    /* Translators: on the response-change chart, why it cannot be computed */
    _("The headphones’ impedance curve is not known"),
  };

  draw_note_lines (painter, axes, lines, G_N_ELEMENTS (lines));
}

/* The SPL chart of headphones whose sensitivity is not known: there is
 * no SPL to draw, and an empty plot would not say why. */
static void
draw_no_spl (HrChartPainter    *painter,
             const HrChartAxes *axes)
{
  const char *lines[] = {
    /* Translators: on the SPL chart, for headphones whose sensitivity is not known */
    _("No SPL: the headphones’ sensitivity is not known"),
  };

  draw_note_lines (painter, axes, lines, G_N_ELEMENTS (lines));
}

static gboolean
live_spl_unknown (HrChartView *view)
{
  for (guint i = 0; i < view->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (view->traces, i);

      if (hr_chart_trace_is_drawn (trace) && trace->live && isnan (trace->sweep->spl_1k_db))
        return TRUE;
    }
  return FALSE;
}

static gboolean
live_deviation_unknown (HrChartView *view)
{
  for (guint i = 0; i < view->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (view->traces, i);

      if (hr_chart_trace_is_drawn (trace) && trace->live && trace->deviation_unknown)
        return TRUE;
    }
  return FALSE;
}

static void
draw_note_lines (HrChartPainter    *painter,
                 const HrChartAxes *axes,
                 const char *const *lines,
                 guint              n_lines)
{
  cairo_t *cr = painter->cr;
  double y = axes->plot.y + axes->plot.height / 2.0;

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, painter->scale);
  hr_chart_set_source (cr, painter->style->foreground, painter->style->dim_text_alpha);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *text = hr_chart_text_fit_width (cr, lines[i], axes->plot.width - 8.0 * painter->scale);
      double x = axes->plot.x + (axes->plot.width - hr_chart_text_width (cr, text)) / 2.0;

      hr_chart_draw_text_if_room (painter, HR_CHART_TEXT_NOTE, text, x,
                                  y + i * hr_chart_font_height (cr) * 1.3, &axes->plot);
    }
}

/* The traces, the live one last so that it lies on top; then, under
 * the SPL chart, one strip row per trace that has a ceiling, in the order
 * of the traces.
 *
 * The layers: the bands, their names and the traces not live are the
 * base; the live trace and the whole strip are the live layer (a row's
 * place depends on which traces are limited, and rows close enough to
 * share a pixel must keep their order). */
void
hr_chart_draw_cell_data (HrChartPainter    *painter,
                         const HrChartCell *cell)
{
  HrChartView *view = painter->view;
  cairo_t *cr = painter->cr;
  guint row = 0;

  cairo_save (cr);
  cairo_rectangle (cr, cell->axes.plot.x, cell->axes.plot.y, cell->axes.plot.width, cell->axes.plot.height);
  cairo_clip (cr);

  if (cell->axes.kind == HR_CHART_DEVIATION && hr_chart_painter_paints (painter, HR_CHART_LAYER_BASE))
    draw_bands (painter, &cell->axes);

  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < view->traces->len; i++)
      {
        HrChartTrace *trace = g_ptr_array_index (view->traces, i);

        if (hr_chart_trace_is_drawn (trace) && (pass == 1) == trace->live
            && hr_chart_painter_paints (painter, trace->live ? HR_CHART_LAYER_LIVE : HR_CHART_LAYER_BASE))
          draw_trace (painter, cell, trace, hr_chart_view_draws_references (view, trace));
      }

  cairo_restore (cr);

  if (cell->axes.kind == HR_CHART_DEVIATION && hr_chart_painter_paints (painter, HR_CHART_LAYER_BASE))
    draw_band_labels (painter, &cell->axes);
  if (cell->axes.kind == HR_CHART_RESPONSE && view->n_with_response == 0
      && view->traces->len > 0 && hr_chart_painter_paints (painter, HR_CHART_LAYER_BASE))
    draw_no_response (painter, &cell->axes);
  else if (hr_chart_kind_needs_curve (cell->axes.kind) && live_deviation_unknown (view)
           && hr_chart_painter_paints (painter, HR_CHART_LAYER_LIVE))
    draw_not_computed (painter, &cell->axes);
  else if (cell->axes.kind == HR_CHART_SPL && live_spl_unknown (view)
           && hr_chart_painter_paints (painter, HR_CHART_LAYER_LIVE))
    draw_no_spl (painter, &cell->axes);

  if (cell->n_strip_rows == 0 || !hr_chart_painter_paints (painter, HR_CHART_LAYER_LIVE))
    return;

  cairo_save (cr);
  cairo_rectangle (cr, cell->strip.x, cell->strip.y, cell->strip.width, cell->strip.height);
  cairo_clip (cr);
  for (guint i = 0; i < view->traces->len && row < cell->n_strip_rows; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (view->traces, i);

      if (!hr_chart_trace_is_drawn (trace) || !trace_is_limited (trace))
        continue;
      hr_chart_set_source (cr, hr_chart_slot_color (view->theme, trace->slot), 1.0);
      draw_limit_row (painter, cell, trace->sweep, row++);
    }
  cairo_restore (cr);
}
