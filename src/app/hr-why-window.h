/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-window.h"

G_BEGIN_DECLS

#define HR_TYPE_WHY_WINDOW (hr_why_window_get_type ())

G_DECLARE_FINAL_TYPE (HrWhyWindow, hr_why_window, HR, WHY_WINDOW, AdwWindow)

HrWhyWindow *hr_why_window_new          (HrWindow    *window);
void         hr_why_window_update       (HrWhyWindow *self);
double       hr_why_window_get_freq     (HrWhyWindow *self);
void         hr_why_window_set_freq     (HrWhyWindow *self,
                                         double       freq_hz);
GArray      *hr_why_window_get_steps    (HrWhyWindow *self);
GPtrArray   *hr_why_window_get_fixes    (HrWhyWindow *self);
gboolean     hr_why_window_try_fix      (HrWhyWindow *self,
                                         guint        index);

G_END_DECLS
