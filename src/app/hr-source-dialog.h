/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-gear-dialog.h"

G_BEGIN_DECLS

#define HR_TYPE_SOURCE_DIALOG (hr_source_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HrSourceDialog, hr_source_dialog, HR, SOURCE_DIALOG, HrGearDialog)

HrSourceDialog *hr_source_dialog_new        (GtkWindow       *parent,
                                             HrPresetDb      *db,
                                             HrSourcePreset  *preset);
guint           hr_source_dialog_get_n_outputs (HrSourceDialog *self);
AdwEntryRow    *hr_source_dialog_get_output_row (HrSourceDialog *self,
                                                 guint           index,
                                                 const char     *field);
void            hr_source_dialog_add_output (HrSourceDialog  *self);

const char     *hr_source_dialog_get_sheet_summary (HrSourceDialog *self,
                                                   guint           index);
gboolean        hr_source_dialog_apply_sheet       (HrSourceDialog *self,
                                                   guint           index);

G_END_DECLS
