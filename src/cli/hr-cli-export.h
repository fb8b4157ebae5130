/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `headroom-cli export … -o FILE`: the charts of one configuration or of
 * several compared, as PNG, SVG or PDF, or their data as CSV; the format
 * is the file name's extension. @argv[0] is "export"; returns the exit
 * status of hr-cli.h (0, 1 or 2). */
int hr_cli_export (int    argc,
                   char **argv);

G_END_DECLS
