/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `headroom-cli rank (--headphone ID | --source ID [--output NAME]) …`:
 * the alternatives, best first. @argv[0] is "rank"; returns the exit
 * status of hr-cli.h. */
int hr_cli_rank (int    argc,
                 char **argv);

G_END_DECLS
