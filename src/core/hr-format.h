/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *hr_format_freq (double freq_hz);
char *hr_format_ohm  (double ohm);

G_END_DECLS
