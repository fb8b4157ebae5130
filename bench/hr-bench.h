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

static inline int
hr_bench_compare_doubles (gconstpointer a,
                          gconstpointer b)
{
  const double da = *(const double *) a;
  const double db = *(const double *) b;

  return (da > db) - (da < db);
}

/* The line every benchmark starts with, since a figure means little
 * without the machine and the build it was measured on: the CPU's model
 * as /proc/cpuinfo names it, the cores this process may use, and
 * meson's build type (HR_BUILD_TYPE, bench/meson.build). */
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
  printf ("machine: %s, %u cores; build type %s\n", model != NULL ? model : "unknown CPU",
          g_get_num_processors (), HR_BUILD_TYPE);
}
