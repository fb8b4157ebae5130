/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hr-cli.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir;

  /* Messages and help follow the user's language. Machine output (CSV,
   * JSON) is written with g_ascii_formatd and never translated, so that
   * a decimal comma cannot creep into it. */
  setlocale (LC_ALL, "");
  /* HEADROOM_LOCALEDIR points at the catalogs of a build directory, so that
   * the tests and an uninstalled build run translated. */
  localedir = g_getenv ("HEADROOM_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return hr_cli_run (argc, argv);
}
