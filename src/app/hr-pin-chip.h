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

G_END_DECLS
