/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <glib.h>

/* What every benchmark times with: a monotonic clock in seconds, and an
 * ordering for qsort, since each reports the median of its runs, which
 * one stolen time slice cannot move. */

static inline double
hr_bench_now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* The CPU time of the calling thread: what a computation costs on one
 * core, whatever else the machine runs. On a shared machine with more
 * runnable processes than cores, the wall clock of a 20 ms batch counts
 * the slices given to the others too, and its median with them. */
static inline double
hr_bench_cpu_now_s (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static inline int
hr_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  const double da = *(const double *) a;
  const double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* One line that says where a figure was measured: the processor, how many
 * cores, and the build (meson's build type and the compiler), since a
 * figure means nothing without them. */
static inline void
hr_bench_print_machine (void)
{
  g_autofree char *cpuinfo = NULL;
  g_autofree char *model = NULL;

  if (g_file_get_contents ("/proc/cpuinfo", &cpuinfo, NULL, NULL))
    {
      const char *line = strstr (cpuinfo, "model name");
      const char *colon = line != NULL ? strchr (line, ':') : NULL;

      if (colon != NULL)
        model = g_strstrip (g_strndup (colon + 1, strcspn (colon + 1, "\n")));
    }
  g_print ("machine: %s, %u cores; build: %s, %s\n",
           model != NULL ? model : "unknown processor", g_get_num_processors (),
           HR_BENCH_BUILD_TYPE, HR_BENCH_COMPILER);
}
