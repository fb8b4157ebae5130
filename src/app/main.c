/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "headroom"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hr-application.h"
#include "hr-timings.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HrApplication) application = NULL;
  const char *localedir;

  hr_timings_init ();

  /* As in headroom-cli: HEADROOM_LOCALEDIR points at a build directory's
   * catalogs, so that the app is translated when run uninstalled. */
  localedir = g_getenv ("HEADROOM_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = hr_application_new ();
  return g_application_run (G_APPLICATION (application), argc, argv);
}
