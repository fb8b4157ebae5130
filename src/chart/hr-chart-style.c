/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-chart-private.h"

/* Colours and line styles.
 *
 * Traces take the Okabe–Ito palette, which stays apart for the common
 * kinds of colour blindness, and each slot also has its own dash pattern
 * so that a grey print keeps them apart. A slot keeps its hue in both
 * themes (a pin's swatch must not change colour with the theme), with two
 * exceptions where the hue would vanish into the background: black
 * becomes a light grey on the dark theme, and yellow is darkened on the
 * light one (#F0E442 on white has a contrast of 1.3:1).
 *
 * The neutral colours are those of libadwaita's views: white and #1e1e1e
 * behind, near-black and near-white text; the accent is libadwaita's
 * blue, for what the app points at (a reason's region, the circuit's
 * figures), as its own widgets do.
 */

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* The order puts the most distinct hues first, so that a comparison of two
 * or three configurations never leans on the weaker ones. */
static const HrChartColor slot_colors_light[HR_CHART_N_SLOTS] = {
  RGB (0x0072B2),  /* blue */
  RGB (0xD55E00),  /* vermillion */
  RGB (0x009E73),  /* bluish green */
  RGB (0xCC79A7),  /* reddish purple */
  RGB (0xE69F00),  /* orange */
  RGB (0x56B4E9),  /* sky blue */
  RGB (0x000000),  /* black */
  RGB (0xB8A800),  /* yellow, darkened */
};

static const HrChartColor slot_colors_dark[HR_CHART_N_SLOTS] = {
  RGB (0x0072B2),
  RGB (0xD55E00),
  RGB (0x009E73),
  RGB (0xCC79A7),
  RGB (0xE69F00),
  RGB (0x56B4E9),
  RGB (0xD0D0D0),  /* black, as light grey */
  RGB (0xF0E442),
};

/* In units of the base line width; the first slot is solid. */
static const double dash_1[] = { 6, 3 };
static const double dash_2[] = { 1.5, 2 };
static const double dash_3[] = { 6, 2, 1.5, 2 };
static const double dash_4[] = { 12, 3 };
static const double dash_5[] = { 3, 3 };
static const double dash_6[] = { 6, 2, 1.5, 2, 1.5, 2 };
static const double dash_7[] = { 10, 2, 3, 2 };

static const struct
{
  const double *dashes;
  int           n_dashes;
} slot_dashes[HR_CHART_N_SLOTS] = {
  { NULL, 0 },
  { dash_1, G_N_ELEMENTS (dash_1) },
  { dash_2, G_N_ELEMENTS (dash_2) },
  { dash_3, G_N_ELEMENTS (dash_3) },
  { dash_4, G_N_ELEMENTS (dash_4) },
  { dash_5, G_N_ELEMENTS (dash_5) },
  { dash_6, G_N_ELEMENTS (dash_6) },
  { dash_7, G_N_ELEMENTS (dash_7) },
};

static const HrChartStyle light_style = {
  .background = RGB (0xFFFFFF),
  .foreground = RGB (0x241F31),
  .text_alpha = 0.92,
  .dim_text_alpha = 0.70,
  .grid_major_alpha = 0.16,
  .grid_minor_alpha = 0.07,
  .frame_alpha = 0.45,
  .band_alpha = 0.06,
  .accent = RGB (0x1C71D8),
  .accent_bg = RGB (0x3584E4),
};

static const HrChartStyle dark_style = {
  .background = RGB (0x1E1E1E),
  .foreground = RGB (0xFFFFFF),
  .text_alpha = 0.92,
  .dim_text_alpha = 0.70,
  .grid_major_alpha = 0.16,
  .grid_minor_alpha = 0.07,
  .frame_alpha = 0.45,
  .band_alpha = 0.08,
  .accent = RGB (0x78AEED),
  .accent_bg = RGB (0x3584E4),
};

const HrChartStyle *
hr_chart_style_get (HrChartTheme theme)
{
  switch (theme)
    {
    case HR_CHART_THEME_DARK:
      return &dark_style;
    case HR_CHART_THEME_LIGHT:
    default:
      return &light_style;
    }
}

HrChartColor
hr_chart_slot_color (HrChartTheme theme,
                     guint        slot)
{
  slot %= HR_CHART_N_SLOTS;
  switch (theme)
    {
    case HR_CHART_THEME_DARK:
      return slot_colors_dark[slot];
    case HR_CHART_THEME_LIGHT:
    default:
      return slot_colors_light[slot];
    }
}

HrChartColor
hr_chart_theme_background (HrChartTheme theme)
{
  return hr_chart_style_get (theme)->background;
}

/* @unit is the length of one dash unit in device-independent pixels. */
void
hr_chart_set_slot_dash (cairo_t *cr,
                        guint    slot,
                        double   unit)
{
  double dashes[8];
  int n_dashes;

  slot %= HR_CHART_N_SLOTS;
  n_dashes = slot_dashes[slot].n_dashes;
  g_assert (n_dashes <= (int) G_N_ELEMENTS (dashes));
  for (int i = 0; i < n_dashes; i++)
    dashes[i] = slot_dashes[slot].dashes[i] * unit;
  cairo_set_dash (cr, dashes, n_dashes, 0.0);
}

void
hr_chart_set_source (cairo_t      *cr,
                     HrChartColor  color,
                     double        alpha)
{
  cairo_set_source_rgba (cr, color.red, color.green, color.blue, alpha);
}

/* Metrics hinting would round every advance to a whole pixel on image
 * surfaces only; with it off, text measures the same on every surface,
 * so a layout is the same on screen, in SVG and in PDF. */
void
hr_chart_prepare_context (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

/* The live configuration is drawn thicker, on top (UI.md). */
double
hr_chart_trace_width (HrChartTrace *trace,
                      double        scale)
{
  return (trace->live ? 3.5 : 2.0) * scale;
}

const char *
hr_chart_kind_title (HrChartKind kind)
{
  switch (kind)
    {
    case HR_CHART_IMPEDANCE:
      return _("Impedance");
    case HR_CHART_CURRENT:
      return _("Current");
    case HR_CHART_SPL:
      return _("SPL and clipping");
    case HR_CHART_DEVIATION:
      return _("Frequency response change");
    case HR_CHART_RESPONSE:
      return _("Frequency response on the source");
    default:
      g_return_val_if_reached ("");
    }
}

/* The names on the command line and in settings; never translated. */
const char *
hr_chart_kind_to_string (HrChartKind kind)
{
  switch (kind)
    {
    case HR_CHART_IMPEDANCE:
      return "impedance";
    case HR_CHART_CURRENT:
      return "current";
    case HR_CHART_SPL:
      return "spl";
    case HR_CHART_DEVIATION:
      return "deviation";
    case HR_CHART_RESPONSE:
      return "response";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
hr_chart_kind_from_string (const char  *text,
                           HrChartKind *kind)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (guint i = 0; i < HR_CHART_N_KINDS; i++)
    if (g_str_equal (text, hr_chart_kind_to_string (i)))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}
