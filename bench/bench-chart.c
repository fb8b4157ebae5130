/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long the four charts take to draw: 8 traces of 1000 points each, in
 * the 2 × 2 grid, at 1600 × 1000 on an image surface, as the app redraws
 * them on every slider step and hover. The target is 8 ms, half a frame
 * at 60 Hz. The app keeps all but the live trace as an image while a
 * slider is dragged; what it then draws per frame is timed too. The same
 * figure drawn by matplotlib (Agg) gives a yardstick; it is timed inside
 * Python, imports and start-up left out. Each figure
 * is the median of many runs. Printed, never asserted: a benchmark is
 * not a test.
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-bench.h"
#include "hr-chart.h"
#include "test-chart-fixtures.h"

#define N_TRACES   8
#define N_POINTS   1000
#define WIDTH_PX   1600
#define HEIGHT_PX  1000
#define N_RUNS     61
#define N_PY_RUNS  15
#define PYTHON     "/usr/bin/python3"

static double
median_render_ms (HrChartView *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH_PX, HEIGHT_PX);
  double times_ms[N_RUNS];

  /* The first draw loads fonts and fills cairo's caches, as the app's
   * first frame does once. */
  for (int i = -3; i < N_RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double start = hr_bench_now_s ();

      hr_chart_render (cr, view, WIDTH_PX, HEIGHT_PX);
      cairo_surface_flush (surface);
      if (i >= 0)
        times_ms[i] = (hr_bench_now_s () - start) * 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);

  qsort (times_ms, N_RUNS, sizeof (double), hr_bench_compare_doubles);
  return times_ms[N_RUNS / 2];
}

/* A frame of the app while a slider is dragged and no axis moves: the
 * base layer's key checked, its kept image painted, the live layer drawn
 * over it. */
static double
median_live_frame_ms (HrChartView *view)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH_PX, HEIGHT_PX);
  cairo_surface_t *base = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH_PX, HEIGHT_PX);
  cairo_t *base_cr = cairo_create (base);
  double times_ms[N_RUNS];

  hr_chart_render_layers (base_cr, view, WIDTH_PX, HEIGHT_PX, HR_CHART_LAYER_BASE);
  cairo_destroy (base_cr);
  for (int i = -3; i < N_RUNS; i++)
    {
      cairo_t *cr = cairo_create (surface);
      guint64 cell_keys[HR_CHART_N_KINDS];
      double start = hr_bench_now_s ();

      if (hr_chart_view_get_base_key (view, WIDTH_PX, HEIGHT_PX, cell_keys) == 0)
        g_error ("no base key at %d × %d", WIDTH_PX, HEIGHT_PX);
      cairo_set_source_surface (cr, base, 0, 0);
      cairo_paint (cr);
      hr_chart_render_layers (cr, view, WIDTH_PX, HEIGHT_PX, HR_CHART_LAYER_LIVE);
      cairo_surface_flush (surface);
      if (i >= 0)
        times_ms[i] = (hr_bench_now_s () - start) * 1000.0;
      cairo_destroy (cr);
    }
  cairo_surface_destroy (base);
  cairo_surface_destroy (surface);

  qsort (times_ms, N_RUNS, sizeof (double), hr_bench_compare_doubles);
  return times_ms[N_RUNS / 2];
}

/* The traces as matplotlib's script reads them. */
static char *
write_traces (HrChartView *view)
{
  g_autoptr(GString) csv = g_string_new ("freq_hz");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  const HrSweep *first = hr_chart_trace_get_sweep (hr_chart_view_get_trace (view, 0));
  char *path = NULL;
  int fd;

  for (guint t = 0; t < hr_chart_view_get_n_traces (view); t++)
    g_string_append (csv, ",z,phase,i,spl,spl_max,dev");
  g_string_append_c (csv, '\n');
  for (guint i = 0; i < first->n_points; i++)
    {
      g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.8g", first->freq_hz[i]));
      for (guint t = 0; t < hr_chart_view_get_n_traces (view); t++)
        {
          const HrSweep *sweep = hr_chart_trace_get_sweep (hr_chart_view_get_trace (view, t));
          const double values[] = { sweep->z_mag_ohm[i], sweep->z_phase_deg[i], sweep->i_source_ma[i],
                                    sweep->spl_db[i], sweep->spl_max_db[i], sweep->dev_db[i] };

          for (guint m = 0; m < G_N_ELEMENTS (values); m++)
            {
              g_string_append_c (csv, ',');
              g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer, "%.8g", values[m]));
            }
        }
      g_string_append_c (csv, '\n');
    }

  fd = g_file_open_tmp ("bench-chart-XXXXXX.csv", &path, NULL);
  if (fd < 0)
    return NULL;
  close (fd);
  if (!g_file_set_contents (path, csv->str, csv->len, NULL))
    g_clear_pointer (&path, g_free);
  return path;
}

/* matplotlib's median in ms, or a negative value with @why set. */
static double
matplotlib_ms (HrChartView  *view,
               char        **why)
{
  g_autofree char *csv = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *runs = g_strdup_printf ("%d", N_PY_RUNS);
  g_autoptr(GError) error = NULL;
  int status;
  double ms;

  if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE))
    {
      *why = g_strdup (PYTHON " is not installed");
      return -1.0;
    }

  csv = write_traces (view);
  if (csv == NULL)
    {
      *why = g_strdup ("cannot write the traces for it");
      return -1.0;
    }

  {
    const char *argv[] = { PYTHON, HR_BENCH_MATPLOTLIB, csv, runs, NULL };

    if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                       &out, &err, &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_unlink (csv);
        *why = g_strdup_printf ("the script failed: %s %s", error->message, err != NULL ? err : "");
        return -1.0;
      }
  }
  g_unlink (csv);

  g_strstrip (out);
  if (g_str_has_prefix (out, "unavailable"))
    {
      *why = g_strdup_printf ("matplotlib is not installed (%s; apt-get install python3-matplotlib)", out);
      return -1.0;
    }
  ms = g_ascii_strtod (out, NULL);
  if (!(ms > 0.0))
    {
      *why = g_strdup_printf ("the script printed “%s”", out);
      return -1.0;
    }
  return ms;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(HrChartView) view = NULL;
  g_autofree char *why = NULL;
  double ours_ms;
  double theirs_ms;

  setlocale (LC_ALL, "");
  view = fixture_view (N_TRACES, 95.0, N_POINTS);
  hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);

  ours_ms = median_render_ms (view);
  hr_bench_print_machine ();
  g_print ("Four charts, %d traces × %d points, %d × %d px, image surface\n",
           N_TRACES, N_POINTS, WIDTH_PX, HEIGHT_PX);
  g_print ("  hr_chart_render: %8.2f ms (median of %d; target 8 ms)\n", ours_ms, N_RUNS);
  g_print ("  live layer:      %8.2f ms (median of %d; a frame of a drag, the rest kept)\n",
           median_live_frame_ms (view), N_RUNS);

  theirs_ms = matplotlib_ms (view, &why);
  if (theirs_ms < 0.0)
    {
      g_print ("  matplotlib:      not measured: %s\n", why);
      return 0;
    }
  g_print ("  matplotlib Agg:  %8.2f ms (median of %d, inside Python)\n", theirs_ms, N_PY_RUNS);
  g_print ("  ratio:           %8.1f× faster\n", theirs_ms / ours_ms);
  return 0;
}
