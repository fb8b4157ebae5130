/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-units.h"

G_BEGIN_DECLS

#define HR_TYPE_SLIDER_ROW (hr_slider_row_get_type ())

G_DECLARE_FINAL_TYPE (HrSliderRow, hr_slider_row, HR, SLIDER_ROW, AdwActionRow)

/* A value typed in another unit, turned into the row's: NAN if it cannot be. */
typedef double (*HrSliderRowConvertFunc) (double   value,
                                          gpointer user_data);

void         hr_slider_row_configure         (HrSliderRow *self,
                                              HrUnit       unit,
                                              double       min_value,
                                              double       max_value,
                                              gboolean     logarithmic,
                                              double       step);
void         hr_slider_row_set_other_unit    (HrSliderRow            *self,
                                              HrUnit                  unit,
                                              HrSliderRowConvertFunc  convert,
                                              gpointer                user_data);
void         hr_slider_row_set_off_at_max    (HrSliderRow *self,
                                              gboolean     off_at_max);
void         hr_slider_row_set_applicable    (HrSliderRow *self,
                                              gboolean     applicable);
gboolean     hr_slider_row_get_applicable    (HrSliderRow *self);
double       hr_slider_row_get_value         (HrSliderRow *self);
void         hr_slider_row_set_value         (HrSliderRow *self,
                                              double       value);
void         hr_slider_row_set_default_value (HrSliderRow *self,
                                              double       value);
void         hr_slider_row_reset             (HrSliderRow *self);
GtkEditable *hr_slider_row_get_entry         (HrSliderRow *self);
GtkWidget   *hr_slider_row_get_scale         (HrSliderRow *self);

G_END_DECLS
