/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hr_dropdown_setup           (GtkDropDown *dropdown);
void hr_dropdown_set_placeholder (GtkDropDown *dropdown,
                                  const char  *placeholder);
void hr_dropdown_search_anywhere (GtkDropDown *dropdown);
void hr_dropdown_popup           (GtkDropDown *dropdown);
void hr_dropdown_set_accessible_label (GtkDropDown *dropdown,
                                       const char  *label);

G_END_DECLS
