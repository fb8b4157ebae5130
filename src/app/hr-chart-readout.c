/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-chart-readout"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "hr-chart-readout.h"
#include "hr-format.h"

/* What the charts say at one frequency: a vertical line on the chart and
 * a card with every trace's value there, on the SPL chart with the clean
 * ceiling and the limit that sets it. The pointer's hover and the
 * keyboard's cursor show the same card, and a screen reader is told the
 * same words. */

static char *
format_value (HrChartKind kind,
              double      value)
{
  switch (kind)
    {
    case HR_CHART_IMPEDANCE:
      return hr_format_ohm (value);
    case HR_CHART_CURRENT:
      /* Translators: a current, "12.3 mA" */
      return g_strdup_printf (_("%.3g mA"), value);
    case HR_CHART_SPL:
      /* Translators: a level, "102.4 dB SPL" */
      return g_strdup_printf (_("%.1f dB SPL"), value);
    case HR_CHART_RESPONSE:
      /* Translators: a level of a frequency response against 1 kHz, "-3.2 dB" */
      return g_strdup_printf (_("%+.1f dB"), value);
    case HR_CHART_DEVIATION:
      /* Not "-0.00 dB" for a change that rounds to nothing. */
      if (fabs (value) < 0.005)
        value = 0.0;
      /* Translators: a change of level, "+0.42 dB" */
      return g_strdup_printf (_("%+.2f dB"), value);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* On the SPL chart: how loud it gets before it clips there, and why. */
static char *
format_ceiling (HrChartTrace *trace,
                double        freq_hz)
{
  HrLimit limit;
  double ceiling_db = hr_chart_trace_ceiling_at (trace, freq_hz, &limit);

  if (!isfinite (ceiling_db))
    return g_strdup (_("no limit"));
  if (limit == HR_LIMIT_CURRENT)
    /* Translators: the clean ceiling on the SPL chart's card, "clean to 112.0 dB SPL (current limit)" */
    return g_strdup_printf (_("clean to %.1f dB SPL (current limit)"), ceiling_db);
  /* Translators: the clean ceiling on the SPL chart's card, "clean to 118.4 dB SPL (voltage limit)" */
  return g_strdup_printf (_("clean to %.1f dB SPL (voltage limit)"), ceiling_db);
}

/**
 * hr_chart_readout_text:
 * @markup: Pango markup with each trace's colour, for the card; plain text
 *   otherwise, for a screen reader
 *
 * Returns: (transfer full): the frequency, then a line per visible trace
 */
char *
hr_chart_readout_text (HrChartView *view,
                       HrChartKind  kind,
                       double       freq_hz,
                       gboolean     markup)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *freq_text = hr_format_freq (freq_hz);

  if (markup)
    g_string_append (text, freq_text);
  else
    /* Translators: what a screen reader hears of the charts, "SPL and clipping at 1 kHz" */
    g_string_append_printf (text, _("%s at %s"), hr_chart_kind_title (kind), freq_text);

  for (guint i = 0; i < hr_chart_view_get_n_traces (view); i++)
    {
      HrChartTrace *trace = hr_chart_view_get_trace (view, i);
      g_autofree char *value_text = NULL;
      g_autofree char *ceiling_text = NULL;
      HrChartColor color;

      if (!hr_chart_trace_get_visible (trace))
        continue;
      value_text = format_value (kind, hr_chart_trace_value_at (trace, kind, freq_hz));
      if (kind == HR_CHART_SPL)
        ceiling_text = format_ceiling (trace, freq_hz);

      if (markup)
        {
          g_autofree char *escaped = g_markup_escape_text (hr_chart_trace_get_label (trace), -1);

          color = hr_chart_slot_color (hr_chart_view_get_theme (view), hr_chart_trace_get_slot (trace));
          g_string_append_printf (text, "\n<span foreground=\"#%02x%02x%02x\">■</span> %s: <b>%s</b>",
                                  (guint) (color.red * 255), (guint) (color.green * 255),
                                  (guint) (color.blue * 255), escaped, value_text);
          /* On a line of its own: beside the level it made the card
           * wider than the chart it stands on. */
          if (ceiling_text != NULL)
            g_string_append_printf (text, "\n    <small>%s</small>", ceiling_text);
        }
      else
        {
          g_string_append_printf (text, "\n%s: %s", hr_chart_trace_get_label (trace), value_text);
          if (ceiling_text != NULL)
            g_string_append_printf (text, ", %s", ceiling_text);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * hr_chart_readout_draw:
 * @card_y: where the card's middle should be, inside the plot if it can
 *
 * The line at @freq_hz across the plot of @axes, and the card beside it,
 * on the side with room.
 */
void
hr_chart_readout_draw (GtkWidget         *widget,
                       cairo_t           *cr,
                       HrChartView       *view,
                       const HrChartAxes *axes,
                       double             freq_hz,
                       double             card_y)
{
  g_autofree char *markup = hr_chart_readout_text (view, axes->kind, freq_hz, TRUE);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);
  gboolean dark = hr_chart_view_get_theme (view) == HR_CHART_THEME_DARK;
  HrChartColor bg = hr_chart_theme_background (hr_chart_view_get_theme (view));
  HrChartColor fg = dark ? (HrChartColor) { 0.92, 0.92, 0.92 } : (HrChartColor) { 0.1, 0.1, 0.1 };
  double x = floor (hr_chart_axes_freq_to_x (axes, freq_hz)) + 0.5;
  PangoRectangle extents;
  double card_x;
  double card_w;
  double card_h;

  cairo_save (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.6);
  cairo_set_line_width (cr, 1.0);
  cairo_move_to (cr, x, axes->plot.y);
  cairo_line_to (cr, x, axes->plot.y + axes->plot.height);
  cairo_stroke (cr);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_get_pixel_extents (layout, NULL, &extents);
  card_w = extents.width + 16;
  card_h = extents.height + 12;
  /* Beside the line, on the side with room, and inside the chart's cell
   * where it fits, over its neighbour's only when it cannot. */
  card_x = x + 12;
  if (card_x + card_w > axes->plot.x + axes->plot.width)
    card_x = x - 12 - card_w;
  card_x = MAX (card_x, axes->frame.x);
  if (card_x + card_w > axes->frame.x + axes->frame.width)
    card_x = MAX (0, axes->frame.x + axes->frame.width - card_w);
  card_y = CLAMP (card_y - card_h / 2, axes->plot.y,
                  MAX (axes->plot.y, axes->plot.y + axes->plot.height - card_h));

  cairo_rectangle (cr, card_x, card_y, card_w, card_h);
  cairo_set_source_rgba (cr, bg.red, bg.green, bg.blue, 0.94);
  cairo_fill_preserve (cr);
  cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.3);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, fg.red, fg.green, fg.blue);
  cairo_move_to (cr, card_x + 8, card_y + 6);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
