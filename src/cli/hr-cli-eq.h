/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* `headroom-cli eq … -o FILE`: the EQ that undoes what the source does to
 * the headphones' response, for Equalizer APO (GraphicEQ or parametric)
 * or EasyEffects. @argv[0] is "eq"; returns the exit status of hr-cli.h. */
int hr_cli_eq (int    argc,
               char **argv);

G_END_DECLS
