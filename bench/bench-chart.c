/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long the four charts take to draw: 8 traces of 1000 points each, in
 * the 2 × 2 grid, at 1600 × 1000 on an image surface, as the app redraws
 * them on every slider step and hover. The target is 8 ms, half a frame
 * at 60 Hz. The app keeps all but the live trace as an image while a
 * slider is dragged; what it then draws per frame is timed too. The same
 * figure drawn by matplotlib (Agg) gives a yardstick; it is timed inside
 * Python, imports and start-up left out. Both on the CPU clock of the
 * thread or process, which other jobs on a shared machine do not inflate.
 *
 * Then export as a whole process, as someone runs it: `headroom-cli
 * export` of 8 configurations from the presets at 1600 × 1000 into PNG,
 * SVG and PDF, start-up, fonts, presets and writing the file included;
 * and matplotlib as a process too (bench-chart-matplotlib.py --export:
 * Python's start-up, its imports, the same figure from export's CSV,
 * saved as PNG). Each process is timed from outside: the wall clock, and
 * its CPU time (user and system, from the kernel's account of the
 * child). Each figure is the median of many runs. Printed, never
 * asserted: a benchmark is not a test.
 */

#include "config.h"

#include <locale.h>
#include <spawn.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
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
#define N_PROCESS_RUNS    15
#define N_PY_PROCESS_RUNS 5

extern char **environ;

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
      double start = hr_bench_cpu_now_s ();

      hr_chart_render (cr, view, WIDTH_PX, HEIGHT_PX);
      cairo_surface_flush (surface);
      if (i >= 0)
        times_ms[i] = (hr_bench_cpu_now_s () - start) * 1000.0;
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
      double start = hr_bench_cpu_now_s ();

      if (hr_chart_view_get_base_key (view, WIDTH_PX, HEIGHT_PX, cell_keys) == 0)
        g_error ("no base key at %d × %d", WIDTH_PX, HEIGHT_PX);
      cairo_set_source_surface (cr, base, 0, 0);
      cairo_paint (cr);
      hr_chart_render_layers (cr, view, WIDTH_PX, HEIGHT_PX, HR_CHART_LAYER_LIVE);
      cairo_surface_flush (surface);
      if (i >= 0)
        times_ms[i] = (hr_bench_cpu_now_s () - start) * 1000.0;
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

typedef struct
{
  double wall_ms;
  double cpu_ms;
} ProcessTimes;

/* Runs @argv once; its wall clock and its CPU time (user and system,
 * from wait4()), or FALSE if it did not start or did not exit with 0. */
static gboolean
run_process (const char *const *argv,
             ProcessTimes      *times)
{
  struct rusage usage;
  pid_t pid;
  int status;
  double start = hr_bench_now_s ();

  if (posix_spawn (&pid, argv[0], NULL, NULL, (char *const *) argv, environ) != 0)
    return FALSE;
  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return FALSE;
  times->wall_ms = (hr_bench_now_s () - start) * 1e3;
  times->cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1e3
                + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-3;
  return TRUE;
}

/* The medians of @n_runs runs after one not counted. */
static gboolean
median_process (const char *const *argv,
                guint              n_runs,
                ProcessTimes      *median)
{
  g_autofree double *wall_ms = g_new (double, n_runs);
  g_autofree double *cpu_ms = g_new (double, n_runs);
  ProcessTimes times;

  if (!run_process (argv, &times))
    return FALSE;
  for (guint run = 0; run < n_runs; run++)
    {
      if (!run_process (argv, &times))
        return FALSE;
      wall_ms[run] = times.wall_ms;
      cpu_ms[run] = times.cpu_ms;
    }
  qsort (wall_ms, n_runs, sizeof (double), hr_bench_compare_doubles);
  qsort (cpu_ms, n_runs, sizeof (double), hr_bench_compare_doubles);
  median->wall_ms = wall_ms[n_runs / 2];
  median->cpu_ms = cpu_ms[n_runs / 2];
  return TRUE;
}

/* The export of 8 configurations into @output: one pair of headphones on
 * eight sources from the bundled presets, as the README's comparison. */
static GPtrArray *
export_argv (const char *output)
{
  static const char *const sources[] = {
    "schiit-magni-2", "fiio-ka3", "chord-mojo", "rme-adi-2-dac-fs", "apple-iphone-6",
    "rme-fireface-800", "iec-61938-headphone-output", "typical-tube-cathode-follower",
  };
  const char *headphone = "beyerdynamic-dt-880-250";
  GPtrArray *argv = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (argv, g_strdup (HR_BENCH_CLI));
  g_ptr_array_add (argv, g_strdup ("export"));
  g_ptr_array_add (argv, g_strdup_printf ("--headphone=%s", headphone));
  g_ptr_array_add (argv, g_strdup_printf ("--source=%s", sources[0]));
  for (guint i = 1; i < G_N_ELEMENTS (sources); i++)
    g_ptr_array_add (argv, g_strdup_printf ("--compare=%s:%s", headphone, sources[i]));
  g_ptr_array_add (argv, g_strdup ("--spl=90"));
  g_ptr_array_add (argv, g_strdup_printf ("--width=%d", WIDTH_PX));
  g_ptr_array_add (argv, g_strdup_printf ("--height=%d", HEIGHT_PX));
  g_ptr_array_add (argv, g_strdup_printf ("--output-file=%s", output));
  g_ptr_array_add (argv, NULL);
  return argv;
}

static void
print_processes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("bench-chart-XXXXXX", NULL);
  g_autofree char *csv = g_build_filename (dir, "chart.csv", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autofree char *py_png = g_build_filename (dir, "matplotlib.png", NULL);
  static const char *const formats[] = { "png", "svg", "pdf" };
  ProcessTimes png_times = { 0 };
  ProcessTimes py_times;

  /* The bundled presets, no user's file, a fixed date: the same work on
   * every machine. */
  g_setenv ("HEADROOM_PRESETS_DIR", HR_BENCH_PRESETS_DIR, TRUE);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("SOURCE_DATE_EPOCH", "1764547200", TRUE);

  g_print ("Export as a whole process: headroom-cli export, 8 configurations, %d × %d px "
           "(median of %d; wall clock, and CPU time user + system)\n", WIDTH_PX, HEIGHT_PX, N_PROCESS_RUNS);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *output = g_strdup_printf ("%s%schart.%s", dir, G_DIR_SEPARATOR_S, formats[f]);
      g_autoptr(GPtrArray) argv = export_argv (output);
      ProcessTimes times;

      if (!median_process ((const char *const *) argv->pdata, N_PROCESS_RUNS, &times))
        {
          g_print ("  %s: not measured: %s failed\n", formats[f], HR_BENCH_CLI);
          continue;
        }
      g_print ("  to %s:          %8.1f ms wall, %6.1f ms CPU\n", formats[f], times.wall_ms, times.cpu_ms);
      if (f == 0)
        png_times = times;
      g_unlink (output);
    }

  {
    g_autoptr(GPtrArray) argv = export_argv (csv);
    ProcessTimes times;
    const char *py_argv[] = { PYTHON, HR_BENCH_MATPLOTLIB, "--export", csv, py_png, NULL };

    if (!g_file_test (PYTHON, G_FILE_TEST_IS_EXECUTABLE) || png_times.cpu_ms <= 0.0)
      g_print ("  matplotlib:      not measured\n");
    else if (!run_process ((const char *const *) argv->pdata, &times) ||
             !median_process (py_argv, N_PY_PROCESS_RUNS, &py_times))
      g_print ("  matplotlib:      not measured: the script failed "
               "(is python3-matplotlib installed? apt-get install python3-matplotlib)\n");
    else
      g_print ("  matplotlib PNG:  %8.1f ms wall, %6.1f ms CPU (median of %d, a process)\n"
               "  ratio:           %8.1f× faster by the wall clock, %.1f× by CPU time\n",
               py_times.wall_ms, py_times.cpu_ms, N_PY_PROCESS_RUNS,
               py_times.wall_ms / png_times.wall_ms, py_times.cpu_ms / png_times.cpu_ms);
  }

  g_unlink (csv);
  g_unlink (png);
  g_unlink (py_png);
  g_rmdir (dir);
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
    g_print ("  matplotlib:      not measured: %s\n", why);
  else
    {
      g_print ("  matplotlib Agg:  %8.2f ms (median of %d, inside Python)\n", theirs_ms, N_PY_RUNS);
      g_print ("  ratio:           %8.1f× faster\n", theirs_ms / ours_ms);
    }

  g_print ("\n");
  print_processes ();
  return 0;
}
