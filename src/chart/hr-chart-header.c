/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hr-chart-private.h"

/* The verdict above the charts, for a figure that stands alone: an
 * exported picture answers "can this source drive these headphones?"
 * without the window around it. The verdict in its colour, as the window
 * shows it, then every reason, each wrapped to the figure's width. The
 * words are the core's (hr_verdict_to_string(), hr_reason_format()), the
 * same the window and the command line say. */

/* The colours of the verdict, as libadwaita's success, warning and error
 * colours, which the window's verdict label uses, for light and dark. */
static HrChartColor
verdict_color (HrVerdict    verdict,
               HrChartTheme theme)
{
  static const HrChartColor light[] = {
    [HR_VERDICT_DRIVES_WELL] = { 0x1b / 255.0, 0x85 / 255.0, 0x53 / 255.0 },
    [HR_VERDICT_CAVEATS] = { 0x9c / 255.0, 0x6e / 255.0, 0x03 / 255.0 },
    [HR_VERDICT_CANNOT_DRIVE] = { 0xc0 / 255.0, 0x1c / 255.0, 0x28 / 255.0 },
  };
  static const HrChartColor dark[] = {
    [HR_VERDICT_DRIVES_WELL] = { 0x8f / 255.0, 0xf0 / 255.0, 0xa4 / 255.0 },
    [HR_VERDICT_CAVEATS] = { 0xf8 / 255.0, 0xe4 / 255.0, 0x5c / 255.0 },
    [HR_VERDICT_CANNOT_DRIVE] = { 0xff / 255.0, 0x7b / 255.0, 0x63 / 255.0 },
  };

  return theme == HR_CHART_THEME_DARK ? dark[verdict] : light[verdict];
}

/**
 * hr_chart_view_set_summary:
 * @name: (nullable): whose verdict it is, when the figure shows several
 * @summary: (nullable): the configuration's summary, or %NULL for no
 *   verdict above the charts
 *
 * Puts the verdict and its reasons above the charts.
 */
void
hr_chart_view_set_summary (HrChartView     *self,
                           const char      *name,
                           const HrSummary *summary)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->verdict, g_free);
  g_clear_pointer (&self->verdict_lines, g_ptr_array_unref);
  if (summary == NULL)
    return;

  self->verdict_kind = summary->verdict;
  if (name != NULL)
    /* Translators: the verdict above exported charts that compare several
     * configurations, "HD 650 on Fireface 800: Drives it with caveats" */
    self->verdict = g_strdup_printf (_("%s: %s"), name, hr_verdict_to_string (summary->verdict));
  else
    self->verdict = g_strdup (hr_verdict_to_string (summary->verdict));
  self->verdict_lines = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; summary->reasons != NULL && i < summary->reasons->len; i++)
    g_ptr_array_add (self->verdict_lines,
                     hr_reason_format (&g_array_index (summary->reasons, HrReason, i), TRUE));
}

gboolean
hr_chart_view_has_summary (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->verdict != NULL;
}

/* @text cut at spaces into lines no wider than @max_width, as the font
 * selected on @cr draws them; a word wider than that alone on its line,
 * cut with "…". */
GPtrArray *
hr_chart_wrap_text (cairo_t    *cr,
                    const char *text,
                    double      max_width)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *candidate = NULL;

      if (*words[i] == '\0')
        continue;
      candidate = line->len > 0 ? g_strconcat (line->str, " ", words[i], NULL) : g_strdup (words[i]);
      if (line->len > 0 && hr_chart_text_width (cr, candidate) > max_width)
        {
          g_ptr_array_add (lines, hr_chart_text_fit_width (cr, line->str, max_width));
          g_string_assign (line, words[i]);
        }
      else
        g_string_assign (line, candidate);
    }
  if (line->len > 0)
    g_ptr_array_add (lines, hr_chart_text_fit_width (cr, line->str, max_width));
  return lines;
}

/* How tall the verdict is at @width with its first @n_reasons reasons.
 * Zero with none. */
double
hr_chart_header_height (cairo_t     *cr,
                        HrChartView *view,
                        double       width,
                        double       scale,
                        guint        n_reasons)
{
  double height;

  if (view->verdict == NULL)
    return 0.0;
  hr_chart_select_font (cr, HR_CHART_FONT_VERDICT, scale);
  height = hr_chart_font_height (cr) + 4.0 * scale;
  hr_chart_select_font (cr, HR_CHART_FONT_REASON, scale);
  for (guint i = 0; i < MIN (n_reasons, view->verdict_lines->len); i++)
    {
      g_autoptr(GPtrArray) lines = hr_chart_wrap_text (cr, g_ptr_array_index (view->verdict_lines, i), width);

      height += lines->len * hr_chart_font_height (cr) + 2.0 * scale;
    }
  return height;
}

/* With annotations, the reasons are the caption under the charts, with
 * their numbers: the verdict stands alone above them. */
guint
hr_chart_header_n_reasons (HrChartView *view)
{
  if (hr_chart_n_annotations (view) > 0)
    return 0;
  return view->verdict_lines != NULL ? view->verdict_lines->len : 0;
}

void
hr_chart_draw_header (HrChartPainter    *painter,
                      const HrChartRect *area,
                      guint              n_reasons)
{
  HrChartView *view = painter->view;
  cairo_t *cr = painter->cr;
  double s = painter->scale;
  cairo_font_extents_t fe;
  g_autofree char *verdict = NULL;
  double y;

  if (view->verdict == NULL)
    return;
  hr_chart_select_font (cr, HR_CHART_FONT_VERDICT, s);
  cairo_font_extents (cr, &fe);
  y = area->y + fe.ascent;
  hr_chart_set_source (cr, verdict_color (view->verdict_kind, view->theme), 1.0);
  verdict = hr_chart_text_fit_width (cr, view->verdict, area->width);
  hr_chart_draw_text (painter, HR_CHART_TEXT_VERDICT, verdict, area->x, y);
  y += fe.descent + 4.0 * s;

  hr_chart_select_font (cr, HR_CHART_FONT_REASON, s);
  cairo_font_extents (cr, &fe);
  hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
  for (guint i = 0; i < MIN (n_reasons, view->verdict_lines->len); i++)
    {
      g_autoptr(GPtrArray) lines = hr_chart_wrap_text (cr, g_ptr_array_index (view->verdict_lines, i), area->width);

      for (guint j = 0; j < lines->len; j++)
        {
          y += fe.ascent;
          hr_chart_draw_text (painter, HR_CHART_TEXT_REASON, g_ptr_array_index (lines, j), area->x, y);
          y += fe.descent;
        }
      y += 2.0 * s;
    }
}
