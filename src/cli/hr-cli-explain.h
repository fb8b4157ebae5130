/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `headroom-cli explain (scenario options) [--freq HZ] [--format
 * text|markdown|json]`: the verdict step by step, and what would fix it.
 * @argv[0] is "explain"; returns the exit status of hr-cli.h. */
int hr_cli_explain (int    argc,
                    char **argv);

G_END_DECLS
