/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "headroom"

#include "config.h"

#include <stdlib.h>

#include "hr-timings.h"

/* HEADROOM_TIMINGS=1 makes the app print how long things take, on
 * standard error: from start to the first painted frame, the work of each
 * frame that draws the charts, and from the start of each recompute to
 * the frame that shows it. The frame budget while a slider is dragged is
 * 8 ms; this is how to see whether it holds, on the machine at hand,
 * without a profiler. Off, it costs one boolean test per frame. */

static gint64 process_start_us;
static gboolean enabled;
static GArray *frame_ms;  /* of double: every frame reported, for the summary */

static void report_frame_summary (void);

void
hr_timings_init (void)
{
  const char *value = g_getenv ("HEADROOM_TIMINGS");

  process_start_us = g_get_monotonic_time ();
  enabled = value != NULL && *value != '\0' && !g_str_equal (value, "0");
  /* At exit: the app quits without unrealizing its windows. */
  if (enabled)
    atexit (report_frame_summary);
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

/* One frame's work, from @since_us (the frame clock's before-paint) to
 * now (its after-paint), split where the layout was done (0 if the frame
 * had none). */
void
hr_timings_report_frame (gint64 since_us,
                         gint64 layout_done_us)
{
  gint64 now_us = g_get_monotonic_time ();
  double ms;

  if (!enabled)
    return;

  ms = (now_us - since_us) / 1000.0;
  if (frame_ms == NULL)
    frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_array_append_val (frame_ms, ms);
  if (layout_done_us == 0)
    layout_done_us = since_us;
  g_printerr ("headroom: timing: frame (update, layout, snapshot, GSK render): %.2f ms "
              "(to the end of layout %.2f ms, snapshot and GSK render %.2f ms)\n",
              ms, (layout_done_us - since_us) / 1000.0, (now_us - layout_done_us) / 1000.0);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median and the worst of the frames reported, which is what to
 * hold against the budget; the first frame (fonts, textures, the whole
 * window) counts in the worst. */
static void
report_frame_summary (void)
{
  if (frame_ms == NULL || frame_ms->len == 0)
    return;

  g_array_sort (frame_ms, compare_doubles);
  g_printerr ("headroom: timing: frames: %u, median %.2f ms, max %.2f ms\n", frame_ms->len,
              g_array_index (frame_ms, double, frame_ms->len / 2),
              g_array_index (frame_ms, double, frame_ms->len - 1));
  g_clear_pointer (&frame_ms, g_array_unref);
}
