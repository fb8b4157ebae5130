/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-window-private.h"
#include "test-user-data.h"

/* The window as the tests of the user's own gear and of comparison files
 * drive it: each of its own database, with the user's presets in a
 * temporary XDG_DATA_HOME (test-user-data.h); the bundled presets are
 * data/presets. */

static char *presets_dir;

/* Lets the window map and draw, and what it left to an idle run: 200 ms,
 * and on until nothing is pending (at most 10 s, for a slow sanitized
 * build, whose frames can keep idles waiting). */
static inline void
spin_main_loop (void)
{
  gint64 start_us = g_get_monotonic_time ();
  gint64 end_us = start_us + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us
         || (g_main_context_pending (NULL) && g_get_monotonic_time () < start_us + 10 * G_TIME_SPAN_SECOND))
    g_main_context_iteration (NULL, FALSE);
}

/* A window of its own database, so that what one test saves does not
 * leak into the next. */
static inline HrWindow *
new_window (HrPresetDb **db)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HrWindow *window;
  const char *const keys[] = { "source-id", "output-id", "headphone-id", "zout-ohm", "headphone-z-ohm", "pins", "pinned" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  remove_user_files ();
  *db = hr_preset_db_new (presets_dir, NULL);
  window = g_object_new (HR_TYPE_WINDOW, "db", *db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop ();
  return window;
}

static inline void
destroy_window (HrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop ();
}

static inline gpointer
child (gpointer    dialog,
       GType       type,
       const char *name)
{
  GObject *widget = gtk_widget_get_template_child (GTK_WIDGET (dialog), type, name);

  g_assert_nonnull (widget);
  return widget;
}

/* The message dialog in front of @parent, if there is one. */
static inline AdwMessageDialog *
find_message_dialog (GtkWindow *parent)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (GTK_WINDOW (window)) == parent)
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

