/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gulong hr_color_scheme_follow (GSettings *settings);

G_END_DECLS
