/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "hr-chart-private.h"
#include "test-chart-fixtures.h"

/* Reasons on the charts: the highlight of one region, drawn where its
 * band and level are, in the live layer only; the annotations of every
 * reason, their markers inside their plots and the caption under the
 * charts, touching no text at any size; the layers still adding up to
 * the whole render. */

static GArray *
new_boxes (void)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (HrChartTextBox));

  g_array_set_clear_func (boxes, (GDestroyNotify) hr_chart_text_box_clear);
  return boxes;
}

static cairo_surface_t *
render (HrChartView   *view,
        int            width,
        int            height,
        HrChartLayers  layers,
        GArray        *boxes)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  hr_chart_render_boxes (cr, view, width, height, layers, boxes);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface);
  guint32 value;

  memcpy (&value, row + 4 * x, sizeof value);
  return value & 0xffffff;
}

static void
assert_no_overlap_inside (GArray     *boxes,
                          int         width,
                          int         height,
                          const char *what)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const HrChartTextBox *a = &g_array_index (boxes, HrChartTextBox, i);

      if (a->rect.x < 0.0 || a->rect.y < 0.0 ||
          a->rect.x + a->rect.width > width || a->rect.y + a->rect.height > height)
        g_error ("%s: “%s” (%g,%g %g×%g) leaves the figure", what,
                 a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const HrChartTextBox *b = &g_array_index (boxes, HrChartTextBox, j);

          if (hr_chart_rects_intersect (&a->rect, &b->rect))
            g_error ("%s: “%s” (%g,%g %g×%g) overlaps “%s” (%g,%g %g×%g)", what,
                     a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                     b->text, b->rect.x, b->rect.y, b->rect.width, b->rect.height);
        }
    }
}

static gboolean
rect_inside (const HrChartRect *inner,
             const HrChartRect *outer)
{
  return inner->x >= outer->x - 1e-6 && inner->y >= outer->y - 1e-6
         && inner->x + inner->width <= outer->x + outer->width + 1e-6
         && inner->y + inner->height <= outer->y + outer->height + 1e-6;
}

static const HrChartTextBox *
find_marker (GArray     *boxes,
             const char *number)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

      if (box->role == HR_CHART_TEXT_MARKER && g_str_equal (box->text, number))
        return box;
    }
  return NULL;
}

/* A band of 100–400 Hz and the level of 100 dB SPL on the SPL chart:
 * inside the band the plot changes, far outside it it does not, and the
 * marker is drawn in the plot; on a chart that is not shown, nothing. */
static void
test_highlight (void)
{
  g_autoptr(HrChartView) view = fixture_view (1, 95.0, 200);
  g_autoptr(GArray) boxes = new_boxes ();
  const HrReasonRegion region = { HR_REGION_CHART_SPL, 100.0, 400.0, 100.0, 200.0, 100.0 };
  HrReasonRegion got;
  HrChartAxes axes;
  cairo_surface_t *plain;
  cairo_surface_t *lit;
  const HrChartTextBox *marker;
  guint number = 0;
  guint changed_in = 0;
  guint changed_out = 0;
  int x_in;
  int x_out;

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);
  g_assert_false (hr_chart_view_get_highlight (view, NULL, NULL));
  plain = render (view, 1200, 800, HR_CHART_LAYERS_ALL, NULL);
  hr_chart_view_set_highlight (view, &region, 3);
  g_assert_true (hr_chart_view_get_highlight (view, &got, &number));
  g_assert_cmpuint (number, ==, 3);
  g_assert_cmpfloat (got.lo_hz, ==, 100.0);
  lit = render (view, 1200, 800, HR_CHART_LAYERS_ALL, boxes);

  g_assert_true (hr_chart_view_get_axes (view, HR_CHART_SPL, 1200, 800, &axes));
  marker = find_marker (boxes, "3");
  g_assert_nonnull (marker);
  g_assert_true (rect_inside (&marker->rect, &axes.plot));
  /* Over the point it names: 200 Hz, 100 dB SPL. */
  g_assert_cmpfloat (fabs (marker->rect.x + marker->rect.width / 2.0 - hr_chart_axes_freq_to_x (&axes, 200.0)), <, 1.0);
  g_assert_cmpfloat (marker->rect.y + marker->rect.height, <=, hr_chart_axes_value_to_y (&axes, 100.0));

  x_in = (int) hr_chart_axes_freq_to_x (&axes, 150.0);
  x_out = (int) hr_chart_axes_freq_to_x (&axes, 5000.0);
  for (int y = (int) axes.plot.y + 2; y < (int) (axes.plot.y + axes.plot.height) - 2; y++)
    {
      changed_in += pixel (plain, x_in, y) != pixel (lit, x_in, y);
      changed_out += pixel (plain, x_out, y) != pixel (lit, x_out, y);
    }
  g_assert_cmpuint (changed_in, >, (guint) (axes.plot.height * 0.9));
  /* Outside the band only the level's line, a few rows. */
  g_assert_cmpuint (changed_out, >, 0);
  g_assert_cmpuint (changed_out, <, 8);

  /* Nothing of it in the base: the window keeps that while it comes and goes. */
  {
    cairo_surface_t *base_plain = render (view, 1200, 800, HR_CHART_LAYER_BASE, NULL);
    guint64 key = hr_chart_view_get_base_key (view, 1200, 800, NULL);

    hr_chart_view_set_highlight (view, NULL, 0);
    g_assert_cmpuint (key, ==, hr_chart_view_get_base_key (view, 1200, 800, NULL));
    cairo_surface_destroy (base_plain);
  }

  /* The current chart alone: the SPL chart's region is not drawn. */
  hr_chart_view_set_highlight (view, &region, 3);
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_CURRENT);
  g_array_set_size (boxes, 0);
  cairo_surface_destroy (render (view, 1200, 800, HR_CHART_LAYERS_ALL, boxes));
  g_assert_null (find_marker (boxes, "3"));

  cairo_surface_destroy (plain);
  cairo_surface_destroy (lit);
}

/* A summary with regions: the tube preamp that loses bass (a response
 * change), at a level where it clips. */
static HrSweep *
annotated_view (HrChartView **view_out,
                HrSummary   **summary_out)
{
  HrSweep *sweep = fixture_compute (&fixture_configs[5], 110.0, 481, summary_out);
  HrChartView *view = hr_chart_view_new ();
  g_autoptr(HrChartTrace) trace = hr_chart_trace_new (fixture_configs[5].label, sweep, NULL);

  hr_chart_trace_set_live (trace, TRUE);
  hr_chart_trace_set_current_limit_ma (trace, fixture_configs[5].max_current_ma);
  hr_chart_view_add_trace (view, trace);
  hr_chart_view_set_title (view, fixture_configs[5].label);
  hr_chart_view_set_subtitle (view, "110 dB SPL at 1 kHz · 2026-11-24");
  *view_out = view;
  return sweep;
}

/* At every size, grid and single, scale 1 and 2: the markers inside the
 * plots of their charts, the caption under the charts, no text touching
 * another; the verdict above leaves its reasons to the caption. */
static void
test_annotations (void)
{
  static const int sizes[][2] = { { 520, 360 }, { 800, 500 }, { 1200, 800 }, { 1600, 1000 }, { 640, 1100 } };
  g_autoptr(HrSummary) summary = NULL;
  g_autoptr(HrChartView) view = NULL;
  g_autoptr(HrSweep) sweep = annotated_view (&view, &summary);
  guint n_regions = 0;

  for (guint i = 0; i < summary->reasons->len; i++)
    {
      HrReasonRegion region;

      n_regions += hr_reason_get_region (&g_array_index (summary->reasons, HrReason, i), summary, sweep, &region);
    }
  g_assert_cmpuint (n_regions, >=, 2);
  hr_chart_view_set_summary (view, NULL, summary);
  hr_chart_view_set_annotations (view, summary, sweep);
  g_assert_true (hr_chart_view_has_annotations (view));

  for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
    for (int layout = -1; layout < HR_CHART_RESPONSE; layout++)
      for (double scale = 1.0; scale <= 2.0; scale += 1.0)
        {
          g_autoptr(GArray) boxes = new_boxes ();
          g_autofree char *what = NULL;
          int width = sizes[size][0] * (int) scale;
          int height = sizes[size][1] * (int) scale;
          double charts_bottom = 0.0;
          double caption_top = INFINITY;
          guint n_caption_markers = 0;

          hr_chart_view_set_scale (view, scale);
          hr_chart_view_set_layout (view, layout < 0 ? HR_CHART_LAYOUT_GRID : HR_CHART_LAYOUT_SINGLE);
          if (layout >= 0)
            hr_chart_view_set_kind (view, layout);
          what = g_strdup_printf ("annotations, %d×%d, layout %d, scale %g", width, height, layout, scale);
          cairo_surface_destroy (render (view, width, height, HR_CHART_LAYERS_ALL, boxes));
          assert_no_overlap_inside (boxes, width, height, what);

          for (guint i = 0; i < boxes->len; i++)
            {
              const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

              g_assert_cmpint (box->role, !=, HR_CHART_TEXT_REASON);
              if (box->role == HR_CHART_TEXT_CAPTION)
                caption_top = MIN (caption_top, box->rect.y);
              if (box->role == HR_CHART_TEXT_TICK)
                charts_bottom = MAX (charts_bottom, box->rect.y + box->rect.height);
            }
          for (guint i = 0; i < boxes->len; i++)
            {
              const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);
              gboolean in_plot = FALSE;

              if (box->role != HR_CHART_TEXT_MARKER)
                continue;
              if (box->rect.y >= charts_bottom)
                {
                  n_caption_markers++;
                  continue;
                }
              /* A marker on the charts lies inside a plot shown. */
              for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
                {
                  HrChartAxes axes;

                  in_plot |= hr_chart_view_get_axes (view, kind, width, height, &axes)
                             && rect_inside (&box->rect, &axes.plot);
                }
              if (!in_plot)
                g_error ("%s: marker %s at (%g,%g) is in no plot", what, box->text, box->rect.x, box->rect.y);
            }
          g_test_message ("%s: %u reasons in the caption", what, n_caption_markers);
          /* Every reason where there is room; always under the charts. */
          if (sizes[size][1] >= 1000)
            g_assert_cmpuint (n_caption_markers, ==, summary->reasons->len);
          if (n_caption_markers > 0)
            g_assert_cmpfloat (caption_top, >, charts_bottom);
        }

  /* In the grid at a good size, each reason with a region has its marker
   * on the charts and its number in the caption: twice. */
  {
    g_autoptr(GArray) boxes = new_boxes ();

    hr_chart_view_set_scale (view, 1.0);
    hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);
    cairo_surface_destroy (render (view, 1600, 1000, HR_CHART_LAYERS_ALL, boxes));
    for (guint i = 0; i < summary->reasons->len; i++)
      {
        HrReasonRegion region;
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        guint n = 0;

        for (guint k = 0; k < boxes->len; k++)
          {
            const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, k);

            n += box->role == HR_CHART_TEXT_MARKER && g_str_equal (box->text, number);
          }
        if (hr_reason_get_region (&g_array_index (summary->reasons, HrReason, i), summary, sweep, &region))
          g_assert_cmpuint (n, ==, 2);
        else
          g_assert_cmpuint (n, ==, 1);
      }
  }

  hr_chart_view_set_annotations (view, NULL, NULL);
  g_assert_false (hr_chart_view_has_annotations (view));
}

/* The base and the live layer, drawn in turn, are the whole render, with
 * a highlight and annotations. */
static void
test_layers (void)
{
  g_autoptr(HrSummary) summary = NULL;
  g_autoptr(HrChartView) view = NULL;
  g_autoptr(HrSweep) sweep = annotated_view (&view, &summary);
  const HrReasonRegion region = { HR_REGION_CHART_DEVIATION, 30.0, 80.0, NAN, 40.0, -1.0 };
  cairo_surface_t *whole;
  cairo_surface_t *layered;
  cairo_t *cr;
  guint n_differ = 0;

  hr_chart_view_set_annotations (view, summary, sweep);
  hr_chart_view_set_highlight (view, &region, 1);
  whole = render (view, 1000, 700, HR_CHART_LAYERS_ALL, NULL);
  layered = render (view, 1000, 700, HR_CHART_LAYER_BASE, NULL);
  cr = cairo_create (layered);
  hr_chart_render_layers (cr, view, 1000, 700, HR_CHART_LAYER_LIVE);
  cairo_destroy (cr);
  cairo_surface_flush (layered);
  for (int y = 0; y < 700; y++)
    for (int x = 0; x < 1000; x++)
      n_differ += pixel (whole, x, y) != pixel (layered, x, y);
  g_assert_cmpuint (n_differ, ==, 0);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (layered);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-marks/highlight", test_highlight);
  g_test_add_func ("/chart-marks/annotations", test_annotations);
  g_test_add_func ("/chart-marks/layers", test_layers);

  status = g_test_run ();

  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
