/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     hr_timings_init             (void);
gboolean hr_timings_enabled          (void);
gint64   hr_timings_process_start_us (void);
void     hr_timings_report           (const char *what,
                                      gint64      since_us);
void     hr_timings_report_frame     (gint64      since_us,
                                      gint64      layout_done_us);

G_END_DECLS
