/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `headroom-cli fit`: a dynamic driver's Thiele–Small model fitted to the
 * figures a published impedance plot shows. @argv[0] is "fit"; returns
 * the exit status of hr-cli.h. */
int hr_cli_fit (int    argc,
                char **argv);

G_END_DECLS
