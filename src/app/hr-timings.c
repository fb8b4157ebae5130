/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "headroom"

#include "config.h"

#include "hr-timings.h"

/* HEADROOM_TIMINGS=1 makes the app print how long things take, on
 * standard error: from start to the first painted frame, and from the
 * start of each recompute to the frame that shows it. The frame budget
 * while a slider is dragged is 8 ms; this is how to see whether it holds,
 * on the machine at hand, without a profiler. Off, it costs one boolean
 * test per frame. */

static gint64 process_start_us;
static gboolean enabled;

void
hr_timings_init (void)
{
  const char *value = g_getenv ("HEADROOM_TIMINGS");

  process_start_us = g_get_monotonic_time ();
  enabled = value != NULL && *value != '\0' && !g_str_equal (value, "0");
}

gboolean
hr_timings_enabled (void)
{
  return enabled;
}

gint64
hr_timings_process_start_us (void)
{
  return process_start_us;
}

void
hr_timings_report (const char *what,
                   gint64      since_us)
{
  if (enabled)
    g_printerr ("headroom: timing: %s: %.2f ms\n", what,
                (g_get_monotonic_time () - since_us) / 1000.0);
}
