/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The exit status is part of the command-line contract: scripts tell a
 * mistake in how they call us from a mistake in the data they pass. */
typedef enum
{
  HR_CLI_EXIT_SUCCESS   = 0,
  HR_CLI_EXIT_BAD_INPUT = 1,  /* unreadable file, bad JSON, values the model rejects */
  HR_CLI_EXIT_USAGE     = 2,  /* unknown or conflicting options, unparsable numbers */
} HrCliExit;

int hr_cli_run (int    argc,
                char **argv);

G_END_DECLS
