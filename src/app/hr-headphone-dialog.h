/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-gear-dialog.h"

G_BEGIN_DECLS

#define HR_TYPE_HEADPHONE_DIALOG (hr_headphone_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HrHeadphoneDialog, hr_headphone_dialog, HR, HEADPHONE_DIALOG, HrGearDialog)

HrHeadphoneDialog *hr_headphone_dialog_new        (GtkWindow          *parent,
                                                   HrPresetDb         *db,
                                                   HrHeadphonePreset  *preset);
gboolean           hr_headphone_dialog_load_curve (HrHeadphoneDialog  *self,
                                                   GFile              *file,
                                                   GError            **error);
gboolean           hr_headphone_dialog_load_response (HrHeadphoneDialog *self,
                                                   GFile              *file,
                                                   GError            **error);

G_END_DECLS
