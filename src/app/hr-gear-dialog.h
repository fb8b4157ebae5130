/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-preset-builder.h"
#include "hr-preset-db.h"

G_BEGIN_DECLS

#define HR_TYPE_GEAR_DIALOG (hr_gear_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (HrGearDialog, hr_gear_dialog, HR, GEAR_DIALOG, AdwWindow)

/* What the headphones' and the source's forms share: the preset they are
 * for, Save and Remove with their signals, and the titles. A subclass
 * builds the preset object from its fields. */
struct _HrGearDialogClass
{
  AdwWindowClass parent_class;

  HrPresetKind  kind;
  const char   *new_title;           /* untranslated, N_() */
  const char   *edit_title;
  const char   *save_error_heading;

  /* The form as a preset, filled into hr_gear_dialog_new_builder();
   * NULL with @error set when a field does not read. */
  HrPresetBuilder *(*build_preset) (HrGearDialog  *self,
                                    GError       **error);
};

HrPresetDb   *hr_gear_dialog_get_db          (HrGearDialog        *self);
HrPreset     *hr_gear_dialog_get_preset      (HrGearDialog        *self);
HrPresetKind  hr_gear_dialog_get_kind        (HrGearDialog        *self);
HrPresetBuilder *hr_gear_dialog_new_builder (HrGearDialog        *self);
void          hr_gear_dialog_set_up          (HrGearDialog        *self,
                                              AdwWindowTitle      *window_title,
                                              AdwPreferencesGroup *about_group,
                                              GtkWidget           *remove_group,
                                              GtkButton           *remove_button);
char         *hr_gear_dialog_save            (HrGearDialog        *self,
                                              GError             **error);

G_END_DECLS
