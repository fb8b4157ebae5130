/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hr-preset-db.h"
#include "hr-scenario.h"

G_BEGIN_DECLS

/* A comparison people can send: the configuration on screen and its pins,
 * as a `.headroom` file (docs/COMPARISON.md). Gear that is the user's own
 * travels with its figures, so that the file opens on another machine. */

#define HR_TYPE_COMPARISON (hr_comparison_get_type ())

G_DECLARE_FINAL_TYPE (HrComparison, hr_comparison, HR, COMPARISON, GObject)

/* The format this Headroom writes and the newest it reads. */
#define HR_COMPARISON_VERSION 1
/* The chart's palette less the configuration on screen. */
#define HR_COMPARISON_MAX_PINS 7
/* A comparison is a few kilobytes, a few hundred with measured responses
 * inline; a file larger than this is not one. */
#define HR_COMPARISON_MAX_BYTES (16 * 1024 * 1024)
/* What a pin's name may hold: a chip shows a few words. */
#define HR_COMPARISON_MAX_NAME_CHARS 200

#define HR_COMPARISON_MIME_TYPE "application/x-headroom-comparison"
#define HR_COMPARISON_EXTENSION ".headroom"

HrComparison *hr_comparison_new            (HrScenario    *scenario);
HrScenario   *hr_comparison_get_scenario   (HrComparison  *self);
const char   *hr_comparison_get_chart_view (HrComparison  *self);
void          hr_comparison_set_chart_view (HrComparison  *self,
                                            const char    *chart_view);
gboolean      hr_comparison_add_pin        (HrComparison  *self,
                                            const char    *name,
                                            gboolean       visible,
                                            HrScenario    *scenario,
                                            GError       **error);
guint         hr_comparison_get_n_pins     (HrComparison  *self);
HrScenario   *hr_comparison_get_pin        (HrComparison  *self,
                                            guint          index,
                                            const char   **name,
                                            gboolean      *visible);

char         *hr_comparison_to_string      (HrComparison  *self,
                                            HrPresetDb    *db,
                                            GError       **error);
gboolean      hr_comparison_save           (HrComparison  *self,
                                            HrPresetDb    *db,
                                            const char    *filename,
                                            GError       **error);
HrComparison *hr_comparison_new_from_data  (const char    *data,
                                            gsize          length,
                                            const char    *display_name,
                                            GError       **error);
HrComparison *hr_comparison_load           (const char    *filename,
                                            const char    *display_name,
                                            GError       **error);

G_END_DECLS
