/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-preset-db.h"

G_BEGIN_DECLS

#define HR_TYPE_WINDOW (hr_window_get_type ())

G_DECLARE_FINAL_TYPE (HrWindow, hr_window, HR, WINDOW, AdwApplicationWindow)

HrWindow *hr_window_new       (AdwApplication *application,
                               HrPresetDb     *db);
void      hr_window_open_file (HrWindow       *self,
                               GFile          *file);

G_END_DECLS
