/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `headroom-cli infer P@R …`: a source's Voc, Zout and current limit from
 * its spec sheet's power table. @argv[0] is "infer"; returns the exit
 * status of hr-cli.h (0, 1 or 2). */
int hr_cli_infer (int    argc,
                  char **argv);

G_END_DECLS
