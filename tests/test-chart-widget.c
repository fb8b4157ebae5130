/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "hr-chart-widget.h"
#include "test-chart-fixtures.h"

/* The chart widget keeps the base of the figure (axes, text, legend, the
 * pins) as an image and draws only the live trace over it each frame.
 * What it draws, through GSK, must be what hr_chart_render() draws now:
 * after a pin is removed, the live trace moves an axis or drags its
 * limits along the strip, and the theme changes. */

#define W 1150
/* Three rows of charts (the fixtures have responses) and the legend: what
 * the widget asks for, so that the window gives it no more. */
#define H 820
#define N_POINTS 400

/* A channel may be one off: the cairo node reaches the target through
 * a surface of its own. A stale axis, pin or theme is far more. */
#define TOLERANCE 2

typedef struct
{
  GtkWindow     *window;
  HrChartWidget *chart;
  HrChartTrace  *live;   /* owned by the view */
} Fixture;

static void
spin_until_drawn (void)
{
  gint64 end_us = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, FALSE);
}

static void
replace_live (Fixture             *fixture,
              const FixtureConfig *config,
              double               level_db_spl)
{
  HrChartView *view = hr_chart_widget_get_view (fixture->chart);
  HrSweep *sweep = fixture_sweep (config, level_db_spl, N_POINTS);
  HrChartTrace *trace = hr_chart_trace_new (config->label, sweep, (GDestroyNotify) hr_sweep_free);

  hr_chart_trace_set_current_limit_ma (trace, config->max_current_ma);
  hr_chart_trace_set_live (trace, TRUE);
  hr_chart_trace_set_slot (trace, 0);
  if (fixture->live != NULL)
    hr_chart_view_remove_trace (view, fixture->live);
  hr_chart_view_add_trace (view, trace);
  hr_chart_trace_unref (trace);
  fixture->live = trace;
  hr_chart_widget_changed (fixture->chart);
}

/* The widget's own snapshot, rendered by the window's renderer, held
 * against hr_chart_render() on an image of the same size. */
static void
assert_draws_whole (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->chart);
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->window));
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint8 *drawn = NULL;
  cairo_surface_t *whole;
  cairo_t *cr;
  const guint8 *expected;
  int stride;
  guint n_off = 0;

  g_assert_cmpint (gtk_widget_get_width (widget), ==, W);
  g_assert_cmpint (gtk_widget_get_height (widget), ==, H);
  g_assert_cmpint (gtk_widget_get_scale_factor (widget), ==, 1);

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, W, H));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, W);
  drawn = g_malloc ((gsize) W * H * 4);
  gdk_texture_download (texture, drawn, W * 4);

  /* The view's theme is the one the snapshot just followed. */
  whole = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, W, H);
  cr = cairo_create (whole);
  hr_chart_render (cr, hr_chart_widget_get_view (fixture->chart), W, H);
  cairo_destroy (cr);
  cairo_surface_flush (whole);
  expected = cairo_image_surface_get_data (whole);
  stride = cairo_image_surface_get_stride (whole);

  for (int y = 0; y < H; y++)
    for (int x = 0; x < W * 4; x++)
      n_off += ABS ((int) drawn[(gsize) y * W * 4 + x] - (int) expected[(gsize) y * stride + x]) > TOLERANCE;
  cairo_surface_destroy (whole);
  g_assert_cmpuint (n_off, ==, 0);
}

static void
test_cache (void)
{
  Fixture fixture = { 0 };
  HrChartView *view;
  FixtureConfig config = fixture_configs[2];
  static const double zout_ohm[] = { 0.1, 3.3, 12.0, 100.0, 1000.0 };

  fixture.window = GTK_WINDOW (gtk_window_new ());
  fixture.chart = g_object_new (HR_TYPE_CHART_WIDGET, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (fixture.chart), W, H);
  /* Alone in its window it would take the focus, and draw the keyboard
   * cursor's card over what is compared (tested in test-ui-use). */
  gtk_widget_set_focusable (GTK_WIDGET (fixture.chart), FALSE);
  gtk_window_set_child (fixture.window, GTK_WIDGET (fixture.chart));
  gtk_window_set_resizable (fixture.window, FALSE);
  gtk_window_present (fixture.window);

  /* The fixture's view but its live trace, the first, as pins. */
  view = hr_chart_widget_get_view (fixture.chart);
  {
    g_autoptr(HrChartView) pins = fixture_view (8, 95.0, N_POINTS);

    for (guint i = 1; i < hr_chart_view_get_n_traces (pins); i++)
      hr_chart_view_add_trace (view, hr_chart_view_get_trace (pins, i));
  }
  replace_live (&fixture, &fixture_configs[0], 95.0);
  spin_until_drawn ();
  assert_draws_whole (&fixture);

  /* A pin removed. */
  hr_chart_view_remove_trace (view, hr_chart_view_get_trace (view, 3));
  hr_chart_widget_changed (fixture.chart);
  assert_draws_whole (&fixture);

  /* The live trace 50 dB down moves the SPL axis, and back. */
  replace_live (&fixture, &fixture_configs[0], 45.0);
  assert_draws_whole (&fixture);
  replace_live (&fixture, &fixture_configs[0], 95.0);
  assert_draws_whole (&fixture);

  /* A drag of the output impedance: some axes move, and the live trace's
   * limits along the strip. */
  for (guint i = 0; i < G_N_ELEMENTS (zout_ohm); i++)
    {
      config.zout_ohm = zout_ohm[i];
      replace_live (&fixture, &config, 95.0);
      assert_draws_whole (&fixture);
    }

  /* Dark, then light again. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  spin_until_drawn ();
  assert_draws_whole (&fixture);
  g_assert_cmpint (hr_chart_view_get_theme (view), ==, HR_CHART_THEME_DARK);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin_until_drawn ();
  assert_draws_whole (&fixture);
  g_assert_cmpint (hr_chart_view_get_theme (view), ==, HR_CHART_THEME_LIGHT);

  /* One chart, large. */
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_SPL);
  hr_chart_widget_changed (fixture.chart);
  assert_draws_whole (&fixture);
  replace_live (&fixture, &config, 40.0);
  assert_draws_whole (&fixture);

  gtk_window_destroy (fixture.window);
  spin_until_drawn ();
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/chart-widget/cache", test_cache);

  return g_test_run ();
}
