/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void hr_accessible_name_button    (GtkWidget  *button,
                                   const char *name);
void hr_accessible_name_mnemonics (GtkWidget  *root);

G_END_DECLS
