/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

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
