/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "test-files.h"

/* A temporary XDG_DATA_HOME for the test programs that write the user's
 * presets. It is set before anything reads it, since GLib caches the
 * user data dir, and removed at the end with whatever the tests left. */

static char *data_home;

static inline void
user_data_init (const char *name_template)
{
  g_autoptr(GError) error = NULL;

  data_home = g_dir_make_tmp (name_template, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
}

static inline char *
user_file (void)
{
  return g_build_filename (data_home, "headroom", "presets.json", NULL);
}

/* The user's presets folder emptied: the file, its .bak and any copies
 * set aside, so that the next test starts with no presets of its own. */
static inline void
remove_user_files (void)
{
  g_autofree char *folder = g_build_filename (data_home, "headroom", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_assert_cmpint (g_unlink (path), ==, 0);
    }
}

static inline void
user_data_clear (void)
{
  remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);
}
