/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hr-pin.h"

G_BEGIN_DECLS

#define HR_TYPE_PIN_CHIP (hr_pin_chip_get_type ())

G_DECLARE_FINAL_TYPE (HrPinChip, hr_pin_chip, HR, PIN_CHIP, GtkBox)

GtkWidget    *hr_pin_chip_new       (HrPin     *pin,
                                    guint      slot);
HrChartColor  hr_pin_chip_get_color (HrPinChip *self);
HrPin        *hr_pin_chip_get_pin   (HrPinChip *self);
GtkWidget    *hr_pin_chip_get_name_button    (HrPinChip *self);
GtkEditable  *hr_pin_chip_get_name_entry     (HrPinChip *self);
gboolean      hr_pin_chip_get_edit_hint_shown (HrPinChip *self);
void          hr_pin_chip_start_editing      (HrPinChip *self);
void          hr_pin_chip_stop_editing       (HrPinChip *self,
                                              gboolean   commit);
gboolean      hr_pin_chip_get_editing        (HrPinChip *self);

G_END_DECLS
