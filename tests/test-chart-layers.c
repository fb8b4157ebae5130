/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>

#include "hr-chart-private.h"
#include "test-chart-fixtures.h"

/* Layers: the screen keeps the base of the figure as an image while the
 * live trace moves, and draws only the live layer over it. Two promises
 * make that safe, and both are checked here pixel for pixel against
 * hr_chart_render(), the one drawing that export uses too:
 *
 * - the layers drawn in turn on one surface are the whole render;
 * - an image of the base kept while hr_chart_view_get_base_key() stays the
 *   same, and redrawn in the cells whose keys changed, is what a whole
 *   render draws now: after the live trace moved an axis, a pin was added,
 *   changed or removed, the theme or the size changed. */

#define W 1150
#define H 560
#define N_POINTS 400

static cairo_surface_t *
new_surface (int width,
             int height,
             int device_scale)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         width * device_scale,
                                                         height * device_scale);

  cairo_surface_set_device_scale (surface, device_scale, device_scale);
  return surface;
}

/* How many pixels differ; RGB24 leaves the top byte undefined. */
static guint
count_differences (cairo_surface_t *a,
                   cairo_surface_t *b)
{
  int width = cairo_image_surface_get_width (a);
  int height = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *data_a;
  const guint8 *data_b;
  guint n = 0;

  g_assert_cmpint (cairo_image_surface_get_width (b), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (b), ==, height);
  g_assert_cmpint (cairo_image_surface_get_stride (b), ==, stride);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  data_a = cairo_image_surface_get_data (a);
  data_b = cairo_image_surface_get_data (b);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pa;
        guint32 pb;

        memcpy (&pa, data_a + (gsize) y * stride + 4 * x, sizeof pa);
        memcpy (&pb, data_b + (gsize) y * stride + 4 * x, sizeof pb);
        n += (pa & 0xffffff) != (pb & 0xffffff);
      }
  return n;
}

static cairo_surface_t *
render_whole (HrChartView *view,
              int          width,
              int          height,
              int          device_scale)
{
  cairo_surface_t *surface = new_surface (width, height, device_scale);
  cairo_t *cr = cairo_create (surface);

  hr_chart_render (cr, view, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static cairo_surface_t *
render_in_layers (HrChartView *view,
                  int          width,
                  int          height,
                  int          device_scale)
{
  cairo_surface_t *surface = new_surface (width, height, device_scale);
  cairo_t *cr = cairo_create (surface);

  hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_BASE);
  hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_LIVE);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  return surface;
}

static void
assert_layers_compose (HrChartView *view,
                       int          width,
                       int          height,
                       int          device_scale)
{
  cairo_surface_t *whole = render_whole (view, width, height, device_scale);
  cairo_surface_t *layered = render_in_layers (view, width, height, device_scale);
  cairo_surface_t *base = new_surface (width, height, device_scale);
  cairo_t *cr = cairo_create (base);

  g_assert_cmpuint (count_differences (whole, layered), ==, 0);

  /* And the layers split something: the live trace is not in the base. */
  hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_BASE);
  cairo_destroy (cr);
  g_assert_cmpuint (count_differences (whole, base), >, 1000);

  cairo_surface_destroy (whole);
  cairo_surface_destroy (layered);
  cairo_surface_destroy (base);
}

static void
test_compose (void)
{
  g_autoptr(HrChartView) view = fixture_view (8, 95.0, N_POINTS);

  /* The fixture's live trace comes first, before the pins: its limit row
   * is the first of the strip. */
  assert_layers_compose (view, W, H, 1);
  assert_layers_compose (view, W, H, 2);

  hr_chart_view_set_theme (view, HR_CHART_THEME_DARK);
  assert_layers_compose (view, W, H, 1);
  hr_chart_view_set_theme (view, HR_CHART_THEME_LIGHT);

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    {
      hr_chart_view_set_kind (view, kind);
      assert_layers_compose (view, 900, 600, 1);
    }

  /* A small window, where the strip's rows come closer than a pixel. */
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);
  assert_layers_compose (view, 640, 400, 1);

  /* The live trace through the band labels, which lie over it. */
  {
    HrChartTrace *live = hr_chart_view_get_trace (view, 0);
    HrChartAxes axes;
    double dev_db = 1.1;

    g_assert_true (hr_chart_trace_get_live (live));
    for (int pass = 0; pass < 2; pass++)
      {
        for (guint i = 0; i < live->sweep->n_points; i++)
          live->sweep->dev_db[i] = dev_db;
        hr_chart_view_changed (view);
        g_assert_true (hr_chart_view_get_axes (view, HR_CHART_DEVIATION, W, H, &axes));
        dev_db = hr_chart_axes_y_to_value (&axes, hr_chart_axes_value_to_y (&axes, 1.0) - 6.0);
      }
    assert_layers_compose (view, W, H, 1);
  }
}

/* What the widget keeps: the base, and the keys it was drawn for. */
typedef struct
{
  cairo_surface_t *base;
  guint64          key;
  guint64          cell_keys[HR_CHART_N_KINDS];
  guint            n_whole;     /* times the base was drawn whole */
  guint            n_cells;     /* cells drawn again on their own */
} Cache;

static void
cache_clear (Cache *cache)
{
  g_clear_pointer (&cache->base, cairo_surface_destroy);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Cache, cache_clear)

/* To the whole pixels around @frame: a pixel that the frame only touches
 * is drawn again whole, what lies around the cell included, which has not
 * changed. */
static void
clip_to_cell (cairo_t           *cr,
              const HrChartRect *frame)
{
  double x0 = floor (frame->x);
  double y0 = floor (frame->y);

  cairo_rectangle (cr, x0, y0, ceil (frame->x + frame->width) - x0, ceil (frame->y + frame->height) - y0);
  cairo_clip (cr);
}

/* As the widget does: the whole base when its key changed, else only the
 * cells whose keys did, each clipped to its frame. */
static void
cache_update (Cache       *cache,
              HrChartView *view,
              int          width,
              int          height)
{
  guint64 cell_keys[HR_CHART_N_KINDS];
  guint64 key = hr_chart_view_get_base_key (view, width, height, cell_keys);
  cairo_t *cr;

  g_assert_cmpuint (key, !=, 0);
  if (cache->base != NULL && key == cache->key)
    {
      for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
        {
          HrChartAxes axes;

          if (cell_keys[kind] == cache->cell_keys[kind])
            continue;
          g_assert_true (hr_chart_view_get_axes (view, kind, width, height, &axes));
          cr = cairo_create (cache->base);
          clip_to_cell (cr, &axes.frame);
          hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_BASE);
          cairo_destroy (cr);
          cache->cell_keys[kind] = cell_keys[kind];
          cache->n_cells++;
        }
      return;
    }

  cache_clear (cache);
  cache->base = new_surface (width, height, 1);
  cr = cairo_create (cache->base);
  hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_BASE);
  cairo_destroy (cr);
  cache->key = key;
  memcpy (cache->cell_keys, cell_keys, sizeof cell_keys);
  cache->n_whole++;
}

/* The frame as the widget draws it, held against a whole render. */
static void
assert_cache_draws_whole (Cache       *cache,
                          HrChartView *view,
                          int          width,
                          int          height)
{
  cairo_surface_t *drawn = new_surface (width, height, 1);
  cairo_surface_t *whole = render_whole (view, width, height, 1);
  cairo_t *cr = cairo_create (drawn);

  cache_update (cache, view, width, height);
  cairo_set_source_surface (cr, cache->base, 0, 0);
  cairo_paint (cr);
  hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_LIVE);
  cairo_destroy (cr);
  g_assert_cmpuint (count_differences (drawn, whole), ==, 0);

  cairo_surface_destroy (drawn);
  cairo_surface_destroy (whole);
}

/* The app's way: the live trace is made anew at each change, and added
 * last; it keeps its name while a slider is dragged. */
static HrChartTrace *
replace_live_config (HrChartView         *view,
                     HrChartTrace        *live,
                     const FixtureConfig *config,
                     double               level_db_spl)
{
  HrSweep *sweep = fixture_sweep (config, level_db_spl, N_POINTS);
  HrChartTrace *trace = hr_chart_trace_new (config->label, sweep, (GDestroyNotify) hr_sweep_free);

  hr_chart_trace_set_current_limit_ma (trace, config->max_current_ma);
  hr_chart_trace_set_live (trace, TRUE);
  hr_chart_trace_set_slot (trace, 0);
  if (live != NULL)
    hr_chart_view_remove_trace (view, live);
  hr_chart_view_add_trace (view, trace);
  hr_chart_trace_unref (trace);
  return trace;
}

static HrChartTrace *
replace_live (HrChartView  *view,
              HrChartTrace *live,
              guint         config_index,
              double        level_db_spl)
{
  return replace_live_config (view, live, &fixture_configs[config_index], level_db_spl);
}

static void
test_cache (void)
{
  g_autoptr(HrChartView) view = hr_chart_view_new ();
  g_auto(Cache) cache = { 0 };
  HrChartTrace *live;
  HrChartTrace *pin;
  guint n_whole;
  guint n_cells;

  for (guint i = 1; i < 8; i++)
    {
      g_autoptr(HrChartTrace) trace = fixture_trace (i, 95.0, N_POINTS);

      hr_chart_view_add_trace (view, trace);
    }
  live = replace_live (view, NULL, 0, 95.0);
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, 1);

  /* A drag that keeps every axis: the base stays as it is. */
  live = replace_live (view, live, 0, 95.1);
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, 1);
  g_assert_cmpuint (cache.n_cells, ==, 0);

  /* A drag that moves the SPL axis (50 dB lower, below every pin): only
   * the cells whose axes moved are drawn again, and they must show the
   * new axes, not the old. */
  live = replace_live (view, live, 0, 45.0);
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, 1);
  g_assert_cmpuint (cache.n_cells, >=, 1);
  g_assert_cmpuint (cache.n_cells, <, HR_CHART_N_KINDS);
  n_cells = cache.n_cells;

  /* And back. */
  live = replace_live (view, live, 0, 95.0);
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, 1);
  g_assert_cmpuint (cache.n_cells, >, n_cells);

  /* A drag of the output impedance: the axes of some charts move, some
   * steps none, and where the source's limits bind, in the SPL chart's
   * strip, moves too. */
  {
    static const double zout_ohm[] = { 0.1, 1.0, 3.3, 10.0, 12.0, 33.0, 100.0, 330.0, 1000.0 };
    FixtureConfig config = fixture_configs[2];

    for (guint i = 0; i < G_N_ELEMENTS (zout_ohm); i++)
      {
        config.zout_ohm = zout_ohm[i];
        live = replace_live_config (view, live, &config, 95.0);
        assert_cache_draws_whole (&cache, view, W, H);
      }
    /* Once for the configuration's name, at the first step. */
    g_assert_cmpuint (cache.n_whole, ==, 2);
  }

  /* Another configuration, whose name the legend shows. */
  live = replace_live (view, live, 4, 95.0);
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, 3);

  /* A pin recomputed in place, as after its level changed: 3 dB up is
   * inside the SPL axis, so only the key of the pins' data tells. */
  pin = hr_chart_view_get_trace (view, 2);
  g_assert_false (hr_chart_trace_get_live (pin));
  for (guint i = 0; i < pin->sweep->n_points; i++)
    pin->sweep->spl_db[i] += 3.0;
  hr_chart_view_changed (view);
  n_whole = cache.n_whole;
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, n_whole + 1);

  /* A pin hidden, shown, renamed, removed; one added. */
  hr_chart_trace_set_visible (pin, FALSE);
  hr_chart_view_changed (view);
  assert_cache_draws_whole (&cache, view, W, H);
  hr_chart_trace_set_visible (pin, TRUE);
  hr_chart_view_changed (view);
  assert_cache_draws_whole (&cache, view, W, H);
  hr_chart_trace_set_label (pin, "Renamed");
  hr_chart_view_changed (view);
  assert_cache_draws_whole (&cache, view, W, H);
  hr_chart_view_remove_trace (view, pin);
  assert_cache_draws_whole (&cache, view, W, H);
  {
    g_autoptr(HrChartTrace) trace = fixture_trace (2, 100.0, N_POINTS);

    hr_chart_view_add_trace (view, trace);
  }
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, n_whole + 6);

  /* The theme, the size, the chart shown. */
  n_whole = cache.n_whole;
  hr_chart_view_set_theme (view, HR_CHART_THEME_DARK);
  assert_cache_draws_whole (&cache, view, W, H);
  assert_cache_draws_whole (&cache, view, W - 1, H);
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_DEVIATION);
  assert_cache_draws_whole (&cache, view, W - 1, H);
  hr_chart_view_set_kind (view, HR_CHART_SPL);
  assert_cache_draws_whole (&cache, view, W - 1, H);
  g_assert_cmpuint (cache.n_whole, ==, n_whole + 4);

  /* The pin added last came after the live trace, and the legend's order
   * follows the traces': the live trace added last changes it. */
  live = replace_live (view, live, 4, 95.0);
  assert_cache_draws_whole (&cache, view, W - 1, H);
  g_assert_cmpuint (cache.n_whole, ==, n_whole + 5);

  /* The SPL chart alone, its axis moved by the live trace; its frame is
   * not whole pixels. */
  live = replace_live (view, live, 4, 40.0);
  n_cells = cache.n_cells;
  assert_cache_draws_whole (&cache, view, W - 1, H);
  g_assert_cmpuint (cache.n_whole, ==, n_whole + 5);
  g_assert_cmpuint (cache.n_cells, ==, n_cells + 1);
}

/* In cells too narrow for the frequency axis's title, it reaches into
 * the next cell, where it decides which labels fit: a cell's axes then
 * count for the whole figure, and it is drawn again whole. */
static void
test_narrow (void)
{
  g_autoptr(HrChartView) view = fixture_view (8, 95.0, N_POINTS);
  g_auto(Cache) cache = { 0 };
  HrChartTrace *live = hr_chart_view_get_trace (view, 0);

  g_assert_true (hr_chart_trace_get_live (live));
  live = replace_live (view, live, 0, 95.0);
  assert_cache_draws_whole (&cache, view, 200, 160);
  live = replace_live (view, live, 0, 45.0);
  assert_cache_draws_whole (&cache, view, 200, 160);
  g_assert_cmpuint (cache.n_whole, ==, 2);
  g_assert_cmpuint (cache.n_cells, ==, 0);

  /* Wide enough, the same change redraws a cell or two. */
  live = replace_live (view, live, 0, 95.0);
  assert_cache_draws_whole (&cache, view, W, H);
  live = replace_live (view, live, 0, 45.0);
  assert_cache_draws_whole (&cache, view, W, H);
  g_assert_cmpuint (cache.n_whole, ==, 3);
  g_assert_cmpuint (cache.n_cells, >, 0);
}

/* The key follows what is drawn, not how it is stored. */
static void
test_key (void)
{
  g_autoptr(HrChartView) view = fixture_view (3, 95.0, N_POINTS);
  g_autoptr(HrChartView) same = fixture_view (3, 95.0, N_POINTS);
  guint64 cell_keys[HR_CHART_N_KINDS];
  guint64 key = hr_chart_view_get_base_key (view, W, H, cell_keys);

  g_assert_cmpuint (key, !=, 0);
  /* At this height the grid has two rows: the response has no cell. */
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    g_assert_cmpuint (cell_keys[kind] != 0, ==, kind != HR_CHART_RESPONSE);
  g_assert_cmpuint (hr_chart_view_grid_rows (view), ==, 3);
  hr_chart_view_get_base_key (view, W, 3 * 260, cell_keys);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    g_assert_cmpuint (cell_keys[kind], !=, 0);
  g_assert_cmpuint (hr_chart_view_get_base_key (same, W, H, NULL), ==, key);
  g_assert_cmpuint (hr_chart_view_get_base_key (view, W, H + 1, NULL), !=, key);

  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
  hr_chart_view_set_kind (view, HR_CHART_CURRENT);
  g_assert_cmpuint (hr_chart_view_get_base_key (view, W, H, cell_keys), !=, key);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    g_assert_cmpuint (cell_keys[kind] != 0, ==, kind == HR_CHART_CURRENT);

  /* Nothing to draw in. */
  g_assert_cmpuint (hr_chart_view_get_base_key (view, 0, H, cell_keys), ==, 0);
  for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
    g_assert_cmpuint (cell_keys[kind], ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-layers/compose", test_compose);
  g_test_add_func ("/chart-layers/cache", test_cache);
  g_test_add_func ("/chart-layers/narrow", test_narrow);
  g_test_add_func ("/chart-layers/key", test_key);

  status = g_test_run ();

  /* cairo and fontconfig keep caches for the life of the process; freed
   * here so that LeakSanitizer sees only what we leak. */
  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
