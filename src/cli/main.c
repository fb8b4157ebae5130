/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hr-cli.h"

int
main (int   argc,
      char *argv[])
{
  /* Messages and help follow the user's language. Machine output (CSV,
   * JSON) is written with g_ascii_formatd and never translated, so that
   * a decimal comma cannot creep into it. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return hr_cli_run (argc, argv);
}
