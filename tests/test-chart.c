/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "hr-chart-private.h"
#include "test-chart-fixtures.h"

/* The renderer: pixels where the model puts them, the axes' mapping,
 * text that never overlaps, nothing drawn outside the chart. Pixels are
 * checked against what the physics gives (a resistive divider's flat
 * |Z|, its current, its 8 × Zout line), through the public mapping. */

#define W 1200
#define H 800

typedef struct
{
  cairo_surface_t *surface;
  guint8          *data;
  int              stride;
} Image;

static void
image_clear (Image *image)
{
  g_clear_pointer (&image->surface, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Image, image_clear)

static void
render (HrChartView *view,
        Image       *image,
        int          width,
        int          height,
        GArray      *boxes)
{
  cairo_t *cr;

  image_clear (image);
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (image->surface);
  hr_chart_render_boxes (cr, view, width, height, HR_CHART_LAYERS_ALL, boxes);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);
  image->data = cairo_image_surface_get_data (image->surface);
  image->stride = cairo_image_surface_get_stride (image->surface);
}

static guint32
pixel (const Image *image,
       int          x,
       int          y)
{
  const guint8 *row = image->data + (gsize) y * image->stride;
  guint32 value;

  memcpy (&value, row + 4 * x, sizeof value);
  return value & 0xffffff;
}

static gboolean
is_color (guint32      value,
          HrChartColor color,
          int          tolerance)
{
  int r = (value >> 16) & 0xff;
  int g = (value >> 8) & 0xff;
  int b = value & 0xff;

  return abs (r - (int) lround (color.red * 255)) <= tolerance &&
         abs (g - (int) lround (color.green * 255)) <= tolerance &&
         abs (b - (int) lround (color.blue * 255)) <= tolerance;
}

/* How many pixels of row @y, across the plot, have @color. */
static guint
count_in_row (const Image       *image,
              const HrChartAxes *axes,
              int                y,
              HrChartColor       color)
{
  guint n = 0;

  for (int x = (int) ceil (axes->plot.x) + 1; x < (int) (axes->plot.x + axes->plot.width) - 1; x++)
    if (is_color (pixel (image, x, y), color, 8))
      n++;
  return n;
}

/* 32 Ω on a 10 Ω source, 1 V: every figure follows by hand. */
static HrChartView *
divider_view (void)
{
  g_autoptr(HrImpedance) impedance = hr_impedance_new_resistor (32.0, NULL);
  g_autoptr(HrHeadphone) headphone = hr_headphone_new ("R32", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V,
                                                       impedance, NULL);
  HrCircuit circuit = { headphone, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  HrDrive drive = { HR_DRIVE_VOLTAGE, 1.0 };
  HrSweep *sweep = hr_sweep_new_log (20.0, 20000.0, 200, NULL);
  g_autoptr(HrChartTrace) trace = NULL;
  HrChartView *view = hr_chart_view_new ();

  circuit.source.output_impedance_ohm = 10.0;
  g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, NULL));
  trace = hr_chart_trace_new ("R32 on 10 Ω", sweep, (GDestroyNotify) hr_sweep_free);
  hr_chart_view_add_trace (view, trace);
  hr_chart_view_set_title (view, "R32 on 10 Ω");
  return view;
}

static void
test_divider_pixels (void)
{
  g_autoptr(HrChartView) view = divider_view ();
  g_auto(Image) image = { 0 };
  HrChartColor blue = hr_chart_slot_color (HR_CHART_THEME_LIGHT, 0);
  HrChartAxes axes;
  int y;

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);
  render (view, &image, W, H, NULL);

  /* |Z| = 32 Ω, flat: a 2 px line covers the pixel row that holds it. */
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_IMPEDANCE, W, H, &axes));
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 32.0));
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), >, 0.95 * axes.plot.width);
  g_assert_cmpuint (count_in_row (&image, &axes, (int) floor (hr_chart_axes_value_to_y (&axes, 150.0)), blue),
                    ==, 0);
  /* Zout (dotted) and the 1/8 rule's 8 × Zout = 80 Ω (dash-dot): on
   * their rows, for a good part of the width. */
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 80.0));
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), >, 0.4 * axes.plot.width);
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), <, 0.95 * axes.plot.width);
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 10.0));
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), >, 0.2 * axes.plot.width);

  /* 1 V / 42 Ω = 23.81 mA. */
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_CURRENT, W, H, &axes));
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 1000.0 / 42.0));
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), >, 0.95 * axes.plot.width);

  /* A resistive source changes no response: the deviation is 0 dB. */
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_DEVIATION, W, H, &axes));
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 0.0));
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), >, 0.95 * axes.plot.width);

  /* 100 dB/V + 20 log10 (32/42) = 97.64 dB. */
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_SPL, W, H, &axes));
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 100.0 + 20.0 * log10 (32.0 / 42.0)));
  g_assert_cmpuint (count_in_row (&image, &axes, y, blue), >, 0.95 * axes.plot.width);
}

static void
test_hidden_and_live (void)
{
  g_autoptr(HrChartView) view = divider_view ();
  g_auto(Image) thin = { 0 };
  g_auto(Image) thick = { 0 };
  g_auto(Image) hidden = { 0 };
  HrChartColor blue = hr_chart_slot_color (HR_CHART_THEME_LIGHT, 0);
  HrChartTrace *trace = hr_chart_view_get_trace (view, 0);
  HrChartAxes axes;
  double y;
  guint rows_thin = 0;
  guint rows_thick = 0;

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_CURRENT);
  render (view, &thin, W, H, NULL);
  hr_chart_trace_set_live (trace, TRUE);
  render (view, &thick, W, H, NULL);
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_CURRENT, W, H, &axes));
  y = hr_chart_axes_value_to_y (&axes, 1000.0 / 42.0);

  /* The live trace is thicker: more rows around the value are covered. */
  for (int dy = -4; dy <= 4; dy++)
    {
      rows_thin += count_in_row (&thin, &axes, (int) floor (y) + dy, blue) > axes.plot.width / 2;
      rows_thick += count_in_row (&thick, &axes, (int) floor (y) + dy, blue) > axes.plot.width / 2;
    }
  g_assert_cmpuint (rows_thick, >, rows_thin);

  hr_chart_trace_set_visible (trace, FALSE);
  hr_chart_view_changed (view);
  render (view, &hidden, W, H, NULL);
  for (int dy = -4; dy <= 4; dy++)
    g_assert_cmpuint (count_in_row (&hidden, &axes, (int) floor (y) + dy, blue), ==, 0);
}

static void
test_mapping (void)
{
  g_autoptr(HrChartView) view = fixture_view (8, 95.0, 300);
  HrChartAxes axes;
  HrChartAxes picked;

  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    {
      g_assert_true (hr_chart_view_get_axes (view, kind, W, H, &axes));
      g_assert_cmpfloat_with_epsilon (hr_chart_axes_freq_to_x (&axes, 20.0), axes.plot.x, 1e-9);
      g_assert_cmpfloat_with_epsilon (hr_chart_axes_freq_to_x (&axes, 20000.0),
                                      axes.plot.x + axes.plot.width, 1e-9);
      g_assert_cmpfloat_with_epsilon (hr_chart_axes_x_to_freq (&axes, hr_chart_axes_freq_to_x (&axes, 1234.5)),
                                      1234.5, 1e-6);
      g_assert_cmpfloat_with_epsilon (hr_chart_axes_y_to_value (&axes, hr_chart_axes_value_to_y (&axes, 42.0)),
                                      42.0, 1e-9);
      /* A decade is as wide anywhere on the axis. */
      g_assert_cmpfloat_with_epsilon (hr_chart_axes_freq_to_x (&axes, 200.0) - hr_chart_axes_freq_to_x (&axes, 20.0),
                                      hr_chart_axes_freq_to_x (&axes, 20000.0) - hr_chart_axes_freq_to_x (&axes, 2000.0),
                                      1e-9);
      g_assert_true (hr_chart_view_pick (view, W, H, axes.plot.x + axes.plot.width / 2,
                                         axes.plot.y + axes.plot.height / 2, &picked));
      g_assert_cmpint (picked.kind, ==, kind);
    }
  g_assert_false (hr_chart_view_pick (view, W, H, 1.0, 1.0, &picked));

  /* One chart shows only itself. */
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_SPL);
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_SPL, W, H, &axes));
  g_assert_false (hr_chart_view_get_axes (view, HR_CHART_CURRENT, W, H, &axes));
}

/* Linear axes are 1-2-5 steps, from round numbers, covering the data. */
static void
test_round_axes (void)
{
  g_autoptr(HrChartView) view = fixture_view (8, 95.0, 300);

  g_assert_cmpfloat (hr_chart_nice_step (7.3, 5), ==, 2.0);
  g_assert_cmpfloat (hr_chart_nice_step (0.73, 10), ==, 0.1);
  g_assert_cmpfloat (hr_chart_nice_step (130.0, 4), ==, 50.0);

  hr_chart_view_ensure_ranges (view);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    {
      HrChartAxes axes;
      double mantissa;

      g_assert_true (hr_chart_view_get_axes (view, kind, W, H, &axes));
      if (axes.y_log)
        {
          mantissa = axes.y_min / pow (10.0, floor (log10 (axes.y_min) + 1e-9));
          g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
          g_assert_cmpfloat (axes.y_min, <=, view->z_ohm.min);
          g_assert_cmpfloat (axes.y_max, >=, view->z_ohm.max);
          continue;
        }
      mantissa = axes.y_step / pow (10.0, floor (log10 (axes.y_step) + 1e-9));
      g_assert_true (fabs (mantissa - 1) < 1e-9 || fabs (mantissa - 2) < 1e-9 || fabs (mantissa - 5) < 1e-9);
      g_assert_cmpfloat_with_epsilon (axes.y_min / axes.y_step, round (axes.y_min / axes.y_step), 1e-6);
      g_assert_cmpfloat_with_epsilon (axes.y_max / axes.y_step, round (axes.y_max / axes.y_step), 1e-6);
    }
}

static void
assert_no_overlap (GArray      *boxes,
                   const char  *what)
{
  g_assert_cmpuint (boxes->len, >, 10);
  for (guint i = 0; i < boxes->len; i++)
    for (guint j = i + 1; j < boxes->len; j++)
      {
        const HrChartTextBox *a = &g_array_index (boxes, HrChartTextBox, i);
        const HrChartTextBox *b = &g_array_index (boxes, HrChartTextBox, j);

        if (hr_chart_rects_intersect (&a->rect, &b->rect))
          g_error ("%s: “%s” (%g,%g %g×%g) overlaps “%s” (%g,%g %g×%g)", what,
                   a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                   b->text, b->rect.x, b->rect.y, b->rect.width, b->rect.height);
      }
}

static GArray *
new_boxes (void)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (HrChartTextBox));

  g_array_set_clear_func (boxes, (GDestroyNotify) hr_chart_text_box_clear);
  return boxes;
}

/* At every size from a small widget to a large export, single and grid,
 * one trace and eight, at scale 1 and 2: no text touches another, all of
 * it lies inside the figure, and every trace is named in the legend. */
static void
test_text (void)
{
  static const int sizes[][2] = { { 520, 360 }, { 800, 500 }, { 1200, 800 }, { 1600, 1000 }, { 2400, 1500 } };

  for (guint n_traces = 1; n_traces <= 8; n_traces += 7)
    for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
      for (int layout = -1; layout < HR_CHART_N_KINDS; layout++)
        for (double scale = 1.0; scale <= 2.0; scale += 1.0)
          {
            g_autoptr(HrChartView) view = fixture_view (n_traces, 95.0, 200);
            g_autoptr(GArray) boxes = new_boxes ();
            g_auto(Image) image = { 0 };
            g_autofree char *what = NULL;
            int width = sizes[size][0] * (int) scale;
            int height = sizes[size][1] * (int) scale;

            hr_chart_view_set_scale (view, scale);
            hr_chart_view_set_layout (view, layout < 0 ? HR_CHART_LAYOUT_GRID : HR_CHART_LAYOUT_SINGLE);
            if (layout >= 0)
              hr_chart_view_set_kind (view, layout);
            render (view, &image, width, height, boxes);
            what = g_strdup_printf ("%u traces, %d×%d, layout %d, scale %g",
                                    n_traces, width, height, layout, scale);
            assert_no_overlap (boxes, what);

            for (guint i = 0; i < boxes->len; i++)
              {
                const HrChartRect *r = &g_array_index (boxes, HrChartTextBox, i).rect;

                g_assert_cmpfloat (r->x, >=, 0.0);
                g_assert_cmpfloat (r->y, >=, 0.0);
                g_assert_cmpfloat (r->x + r->width, <=, width);
                g_assert_cmpfloat (r->y + r->height, <=, height);
              }

            for (guint t = 0; t < n_traces && n_traces > 1; t++)
              {
                const char *label = hr_chart_trace_get_label (hr_chart_view_get_trace (view, t));
                gboolean found = FALSE;

                for (guint i = 0; i < boxes->len; i++)
                  {
                    const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

                    found |= box->role == HR_CHART_TEXT_LEGEND && g_str_equal (box->text, label);
                  }
                g_assert_true (found);
              }
          }
}

/* The deviation chart names its ±0.2, ±0.5 and ±1 dB bands beside the
 * plot, level with each band's edge: inside it, they sat on the traces. */
static void
test_band_labels (void)
{
  static const char *const names[] = { "±1", "±0.5", "±0.2" };
  static const double edges_db[] = { 1.0, 0.5, 0.2 };
  g_autoptr(HrChartView) view = fixture_view (3, 95.0, 200);
  g_autoptr(GArray) boxes = new_boxes ();
  g_auto(Image) image = { 0 };
  HrChartAxes axes;

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_DEVIATION);
  render (view, &image, W, H, boxes);
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_DEVIATION, W, H, &axes));
  for (guint k = 0; k < G_N_ELEMENTS (names); k++)
    {
      const HrChartTextBox *found = NULL;
      double edge_y = hr_chart_axes_value_to_y (&axes, edges_db[k]);

      for (guint i = 0; i < boxes->len; i++)
        {
          const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

          if (box->role == HR_CHART_TEXT_NOTE && g_str_equal (box->text, names[k]))
            found = box;
        }
      g_assert_nonnull (found);
      g_assert_cmpfloat (found->rect.x, >=, axes.plot.x + axes.plot.width);
      g_assert_cmpfloat (found->rect.y, <=, edge_y);
      g_assert_cmpfloat (found->rect.y + found->rect.height, >=, edge_y);
    }
}

/* The labelled frequencies are 20, 50, 100 … 20k, all of them on a chart
 * of ordinary size. */
static void
test_frequency_labels (void)
{
  static const char *const expected[] = { "20", "50", "100", "200", "500", "1k", "2k", "5k", "10k", "20k" };
  g_autoptr(HrChartView) view = fixture_view (1, 95.0, 200);
  g_autoptr(GArray) boxes = new_boxes ();
  g_auto(Image) image = { 0 };

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_DEVIATION);
  render (view, &image, W, H, boxes);
  for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < boxes->len; i++)
        {
          const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

          found |= box->role == HR_CHART_TEXT_TICK && g_str_equal (box->text, expected[k]);
        }
      g_assert_true (found);
    }
}

/* Drawn into the middle of a larger surface, with a transform, the chart
 * leaves everything around it as it was; and inside, no trace colour
 * shows outside the plot areas (with one trace there is no legend). */
static void
test_clip (void)
{
  const guint32 marker = 0xff00ff;
  const int margin = 37;
  g_autoptr(HrChartView) view = fixture_view (1, 130.0, 400);
  HrChartColor blue = hr_chart_slot_color (HR_CHART_THEME_DARK, 0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, W + 2 * margin, H + 2 * margin);
  cairo_t *cr = cairo_create (surface);
  Image image = { surface, NULL, 0 };
  HrChartAxes axes[HR_CHART_N_KINDS];

  hr_chart_view_set_theme (view, HR_CHART_THEME_DARK);
  cairo_set_source_rgb (cr, 1.0, 0.0, 1.0);
  cairo_paint (cr);
  cairo_translate (cr, margin, margin);
  hr_chart_render (cr, view, W, H);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  image.data = cairo_image_surface_get_data (surface);
  image.stride = cairo_image_surface_get_stride (surface);

  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    g_assert_true (hr_chart_view_get_axes (view, kind, W, H, &axes[kind]));

  for (int y = 0; y < H + 2 * margin; y++)
    for (int x = 0; x < W + 2 * margin; x++)
      {
        gboolean inside = x >= margin && x < margin + W && y >= margin && y < margin + H;
        gboolean in_plot = FALSE;

        if (!inside)
          {
            g_assert_cmphex (pixel (&image, x, y), ==, marker);
            continue;
          }
        g_assert_cmphex (pixel (&image, x, y), !=, marker);

        for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
          {
            const HrChartRect *p = &axes[kind].plot;
            const HrChartRect *frame = &axes[kind].frame;
            /* The limit strip under the SPL plot is the trace's too. */
            double bottom = kind == HR_CHART_SPL ? frame->y + frame->height : p->y + p->height;

            in_plot |= x - margin >= floor (p->x) && x - margin < ceil (p->x + p->width) &&
                       y - margin >= floor (p->y) && y - margin < ceil (bottom);
          }
        if (!in_plot && is_color (pixel (&image, x, y), blue, 24))
          g_error ("trace colour outside the plot at (%d, %d)", x - margin, y - margin);
      }

  cairo_surface_destroy (surface);
}

/* Sizes nobody should pass draw nothing and do not crash. */
static void
test_degenerate (void)
{
  g_autoptr(HrChartView) view = hr_chart_view_new ();
  g_auto(Image) image = { 0 };
  HrChartAxes axes;

  render (view, &image, 300, 200, NULL);
  render (view, &image, 1, 1, NULL);
  g_assert_false (hr_chart_view_get_axes (view, HR_CHART_SPL, 0.0, 100.0, &axes));
  /* With no trace, the axes keep a sensible default range. */
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_IMPEDANCE, 600, 400, &axes));
  g_assert_cmpfloat (axes.y_min, <, axes.y_max);
}

static gboolean
has_key (GArray     *boxes,
         const char *text)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

      if (box->role == HR_CHART_TEXT_KEY && g_str_equal (box->text, text))
        return TRUE;
    }
  return FALSE;
}

/* The SPL chart's key names what it draws: the current limit's strip only
 * where a current limit binds, the hiss line only where a trace has one;
 * the hiss is drawn at its level, inside the plot. */
static void
test_spl_key_and_hiss (void)
{
  g_autoptr(HrChartView) view = fixture_view (1, 95.0, 200);
  g_autoptr(GArray) boxes = new_boxes ();
  g_auto(Image) plain = { 0 };
  g_auto(Image) hissing = { 0 };
  HrChartTrace *trace = hr_chart_view_get_trace (view, 0);
  HrChartAxes axes;
  guint changed = 0;
  int y;

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_SPL);
  /* Fixture 0 is a line out with no current limit. */
  render (view, &plain, 800, 500, boxes);
  g_assert_true (has_key (boxes, "voltage limit"));
  g_assert_false (has_key (boxes, "current limit"));
  g_assert_false (has_key (boxes, "hiss"));

  hr_chart_trace_set_hiss_spl_db (trace, 20.0);
  hr_chart_view_changed (view);
  g_array_set_size (boxes, 0);
  render (view, &hissing, 800, 500, boxes);
  g_assert_true (has_key (boxes, "hiss"));
  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_SPL, 800, 500, &axes));
  /* The axis reaches down to the hiss. */
  g_assert_cmpfloat (axes.y_min, <=, 20.0);
  y = (int) floor (hr_chart_axes_value_to_y (&axes, 20.0));
  for (int x = (int) axes.plot.x + 2; x < (int) (axes.plot.x + axes.plot.width) - 2; x++)
    changed += pixel (&plain, x, y) != pixel (&hissing, x, y);
  /* A dashed line: more than a third of the row. */
  g_assert_cmpuint (changed, >, (guint) (axes.plot.width / 3));

  /* A current limit that binds brings its key. */
  g_clear_pointer (&view, hr_chart_view_free);
  view = fixture_view (5, 110.0, 200);
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_SPL);
  g_array_set_size (boxes, 0);
  render (view, &plain, 800, 500, boxes);
  g_assert_true (has_key (boxes, "current limit"));
}

/* An exported figure answers on its own: the verdict and every reason
 * above the charts, wrapped to the figure, touching nothing, the charts
 * below them; and none of it when it is left out. */
static void
test_verdict_header (void)
{
  static const int sizes[][2] = { { 520, 360 }, { 640, 1100 }, { 1600, 1000 } };
  g_autoptr(HrSummary) summary = NULL;
  g_autoptr(HrSweep) sweep = fixture_compute (&fixture_configs[5], 95.0, 200, &summary);

  g_assert_nonnull (sweep);
  g_assert_cmpint (summary->verdict, !=, HR_VERDICT_DRIVES_WELL);
  g_assert_cmpuint (summary->reasons->len, >=, 2);

  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    for (guint n_traces = 1; n_traces <= 3; n_traces += 2)
      {
        g_autoptr(HrChartView) view = fixture_view (n_traces, 95.0, 200);
        g_autoptr(GArray) boxes = new_boxes ();
        g_autoptr(GArray) plain_boxes = new_boxes ();
        g_auto(Image) image = { 0 };
        g_autofree char *what = NULL;
        int width = sizes[size][0];
        int height = sizes[size][1];
        const char *verdict = hr_verdict_to_string (summary->verdict);
        double header_bottom = 0.0;
        double charts_top = INFINITY;
        guint n_verdicts = 0;
        guint n_reason_lines = 0;
        HrChartAxes plain_axes;
        HrChartAxes axes;

        g_assert_true (hr_chart_view_get_axes (view, HR_CHART_IMPEDANCE, width, height, &plain_axes));
        render (view, &image, width, height, plain_boxes);
        hr_chart_view_set_summary (view, n_traces > 1 ? "HD 650 on tube preamp" : NULL, summary);
        g_assert_true (hr_chart_view_has_summary (view));
        render (view, &image, width, height, boxes);
        what = g_strdup_printf ("verdict, %u traces, %d×%d", n_traces, width, height);
        assert_no_overlap (boxes, what);

        for (guint i = 0; i < boxes->len; i++)
          {
            const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

            g_assert_cmpfloat (box->rect.x, >=, 0.0);
            g_assert_cmpfloat (box->rect.x + box->rect.width, <=, width);
            if (box->role == HR_CHART_TEXT_VERDICT)
              {
                n_verdicts++;
                /* Named when it is one configuration's among several. */
                if (n_traces > 1)
                  g_assert_true (g_str_has_prefix (box->text, "HD 650 on tube preamp: "));
                else
                  g_assert_cmpstr (box->text, ==, verdict);
              }
            if (box->role == HR_CHART_TEXT_VERDICT || box->role == HR_CHART_TEXT_REASON)
              header_bottom = MAX (header_bottom, box->rect.y + box->rect.height);
            if (box->role == HR_CHART_TEXT_REASON)
              n_reason_lines++;
            if (box->role == HR_CHART_TEXT_CHART_TITLE)
              charts_top = MIN (charts_top, box->rect.y);
          }
        g_test_message ("%s: %u reason lines, header to y = %g", what, n_reason_lines, header_bottom);
        g_assert_cmpuint (n_verdicts, ==, 1);
        /* Every reason where there is room, wrapped on a narrow page; on
         * a small figure the reasons that would squash the charts go. */
        if (height >= 1000)
          g_assert_cmpuint (n_reason_lines, >=, summary->reasons->len);
        if (width < 1000 && height >= 1000)
          g_assert_cmpuint (n_reason_lines, >, summary->reasons->len);
        g_assert_cmpfloat (charts_top, >, header_bottom);
        /* The charts make room for it. */
        g_assert_true (hr_chart_view_get_axes (view, HR_CHART_IMPEDANCE, width, height, &axes));
        g_assert_cmpfloat (axes.frame.y, >, plain_axes.frame.y);
        g_assert_cmpfloat (axes.frame.y, >=, header_bottom);

        for (guint i = 0; i < plain_boxes->len; i++)
          g_assert_cmpint (g_array_index (plain_boxes, HrChartTextBox, i).role, !=, HR_CHART_TEXT_VERDICT);
        hr_chart_view_set_summary (view, NULL, NULL);
        g_assert_false (hr_chart_view_has_summary (view));
        g_assert_true (hr_chart_view_get_axes (view, HR_CHART_IMPEDANCE, width, height, &axes));
        g_assert_cmpfloat (axes.frame.y, ==, plain_axes.frame.y);
      }
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/divider-pixels", test_divider_pixels);
  g_test_add_func ("/chart/hidden-and-live", test_hidden_and_live);
  g_test_add_func ("/chart/mapping", test_mapping);
  g_test_add_func ("/chart/round-axes", test_round_axes);
  g_test_add_func ("/chart/text", test_text);
  g_test_add_func ("/chart/verdict-header", test_verdict_header);
  g_test_add_func ("/chart/spl-key-and-hiss", test_spl_key_and_hiss);
  g_test_add_func ("/chart/frequency-labels", test_frequency_labels);
  g_test_add_func ("/chart/band-labels", test_band_labels);
  g_test_add_func ("/chart/clip", test_clip);
  g_test_add_func ("/chart/degenerate", test_degenerate);

  status = g_test_run ();

  /* cairo and fontconfig keep caches for the life of the process; freed
   * here so that LeakSanitizer sees only what we leak. */
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
