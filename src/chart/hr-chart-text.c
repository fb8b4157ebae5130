/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-chart-private.h"

/* Text, with cairo's toy API: it is enough for labels in one font, and it
 * keeps text as text in SVG and PDF.
 *
 * Every piece of text drawn is recorded with its logical box. Text the
 * layout reserved room for (titles, legend) is drawn unconditionally;
 * text that may not fit (tick labels, band labels) is drawn only if its
 * box touches none drawn before, so that nothing ever overlaps, and the
 * tests read the same record to prove it. */

static const struct
{
  double             size_px;
  cairo_font_weight_t weight;
} fonts[] = {
  [HR_CHART_FONT_TITLE] = { 16.0, CAIRO_FONT_WEIGHT_BOLD },
  [HR_CHART_FONT_SUBTITLE] = { 12.0, CAIRO_FONT_WEIGHT_NORMAL },
  [HR_CHART_FONT_VERDICT] = { 18.0, CAIRO_FONT_WEIGHT_BOLD },
  [HR_CHART_FONT_REASON] = { 12.5, CAIRO_FONT_WEIGHT_NORMAL },
  [HR_CHART_FONT_CHART_TITLE] = { 13.0, CAIRO_FONT_WEIGHT_BOLD },
  [HR_CHART_FONT_LABEL] = { 11.5, CAIRO_FONT_WEIGHT_NORMAL },
  [HR_CHART_FONT_TICK] = { 11.0, CAIRO_FONT_WEIGHT_NORMAL },
  [HR_CHART_FONT_MARKER] = { 10.5, CAIRO_FONT_WEIGHT_BOLD },
};

void
hr_chart_select_font (cairo_t     *cr,
                      HrChartFont  font,
                      double       scale)
{
  cairo_select_font_face (cr, "Sans", CAIRO_FONT_SLANT_NORMAL, fonts[font].weight);
  cairo_set_font_size (cr, fonts[font].size_px * scale);
}

double
hr_chart_text_width (cairo_t    *cr,
                     const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  return extents.x_advance;
}

double
hr_chart_font_height (cairo_t *cr)
{
  cairo_font_extents_t extents;

  cairo_font_extents (cr, &extents);
  return extents.ascent + extents.descent;
}

/* @text, or as much of it as fits in @max_width followed by "…": a title
 * or a legend entry must not run off the figure when it is small. */
char *
hr_chart_text_fit_width (cairo_t    *cr,
                         const char *text,
                         double      max_width)
{
  gsize length = strlen (text);

  if (hr_chart_text_width (cr, text) <= max_width)
    return g_strdup (text);

  while (length > 0)
    {
      g_autofree char *candidate = NULL;

      length = (gsize) (g_utf8_find_prev_char (text, text + length) - text);
      candidate = g_strdup_printf ("%.*s…", (int) length, text);
      if (hr_chart_text_width (cr, candidate) <= max_width)
        return g_steal_pointer (&candidate);
    }

  return g_strdup ("…");
}

HrChartRect
hr_chart_text_box_at (cairo_t    *cr,
                      const char *text,
                      double      x,
                      double      baseline)
{
  cairo_font_extents_t font_extents;
  cairo_text_extents_t extents;
  HrChartRect rect;

  cairo_font_extents (cr, &font_extents);
  cairo_text_extents (cr, text, &extents);
  /* The ink may start left of the origin (x_bearing < 0) or reach past
   * the advance; the box covers both. */
  rect.x = x + MIN (0.0, extents.x_bearing);
  rect.width = MAX (extents.x_advance, extents.x_bearing + extents.width) - MIN (0.0, extents.x_bearing);
  rect.y = baseline - font_extents.ascent;
  rect.height = font_extents.ascent + font_extents.descent;
  return rect;
}

gboolean
hr_chart_rects_intersect (const HrChartRect *a,
                          const HrChartRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
hr_chart_text_fits (HrChartPainter *painter,
                    HrChartRect     rect)
{
  /* Labels side by side need a gap to read as two: boxes that only touch
   * turn "50" and "100" into "50100". */
  const double gap = 4.0 * painter->scale;
  const HrChartRect padded = { rect.x - gap, rect.y, rect.width + 2.0 * gap, rect.height };

  for (guint i = 0; i < painter->boxes->len; i++)
    {
      const HrChartTextBox *box = &g_array_index (painter->boxes, HrChartTextBox, i);

      if (hr_chart_rects_intersect (&padded, &box->rect))
        return FALSE;
    }
  return TRUE;
}

static void
record_and_show (HrChartPainter  *painter,
                 HrChartTextRole  role,
                 const char      *text,
                 HrChartRect      rect,
                 double           x,
                 double           baseline)
{
  HrChartTextBox box = { role, rect, g_strdup (text) };

  g_array_append_val (painter->boxes, box);
  cairo_move_to (painter->cr, x, baseline);
  cairo_show_text (painter->cr, text);
}

/* The caller has selected the font and the colour. */
void
hr_chart_draw_text (HrChartPainter  *painter,
                    HrChartTextRole  role,
                    const char      *text,
                    double           x,
                    double           baseline)
{
  HrChartRect rect = hr_chart_text_box_at (painter->cr, text, x, baseline);

  record_and_show (painter, role, text, rect, x, baseline);
}

/* @text drawn at @x, @baseline, with @rect recorded as its box: a
 * marker's number is text inside a circle, and the circle is what must
 * not touch other text. */
void
hr_chart_record_text (HrChartPainter  *painter,
                      HrChartTextRole  role,
                      const char      *text,
                      HrChartRect      rect,
                      double           x,
                      double           baseline)
{
  record_and_show (painter, role, text, rect, x, baseline);
}

/* Draws @text only if it overlaps no text drawn before and, when @within
 * is given, lies inside it; says whether it did. */
gboolean
hr_chart_draw_text_if_room (HrChartPainter    *painter,
                            HrChartTextRole    role,
                            const char        *text,
                            double             x,
                            double             baseline,
                            const HrChartRect *within)
{
  HrChartRect rect = hr_chart_text_box_at (painter->cr, text, x, baseline);

  if (within != NULL &&
      (rect.x < within->x || rect.y < within->y ||
       rect.x + rect.width > within->x + within->width ||
       rect.y + rect.height > within->y + within->height))
    return FALSE;
  if (!hr_chart_text_fits (painter, rect))
    return FALSE;

  record_and_show (painter, role, text, rect, x, baseline);
  return TRUE;
}

void
hr_chart_text_box_clear (HrChartTextBox *box)
{
  g_clear_pointer (&box->text, g_free);
}

/* Hands the text boxes a render drew to its caller's @to (nullable), the
 * texts with them: what the tests check for overlaps. */
void
hr_chart_text_boxes_move (GArray *from,
                          GArray *to)
{
  if (to == NULL)
    return;
  for (guint i = 0; i < from->len; i++)
    {
      HrChartTextBox *box = &g_array_index (from, HrChartTextBox, i);
      HrChartTextBox copy = { box->role, box->rect, g_steal_pointer (&box->text) };

      g_array_append_val (to, copy);
    }
}

/* A tick label: as many decimals as the step needs; a log axis (@step 0)
 * writes 1000 and up with a k, as the frequency axis does. */
char *
hr_chart_format_tick (double value,
                      double step)
{
  int decimals = step > 0.0 ? MAX (0, (int) -floor (log10 (step) + 1e-9)) : 0;
  g_autofree char *text = NULL;

  if (fabs (value) < step * 1e-6)
    value = 0.0;
  if (step == 0.0 && fabs (value) >= 1000.0)
    return g_strdup_printf ("%gk", value / 1000.0);
  if (step == 0.0)
    return g_strdup_printf ("%g", value);

  text = g_strdup_printf ("%.*f", decimals, fabs (value));
  /* A true minus sign, as wide as the plus that is never printed. */
  return value < 0.0 ? g_strconcat ("−", text, NULL) : g_steal_pointer (&text);
}
