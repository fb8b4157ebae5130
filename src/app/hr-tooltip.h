/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The width a tooltip wraps at, in characters. */
#define HR_TOOLTIP_WIDTH_CHARS 60

void        hr_tooltip_set_text             (GtkWidget  *widget,
                                             const char *text);
const char *hr_tooltip_get_text             (GtkWidget  *widget);
void        hr_tooltip_set_when_ellipsized  (GtkLabel   *label);

G_END_DECLS
