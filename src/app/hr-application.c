/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-application.h"
#include "hr-color-scheme.h"
#include "hr-form.h"
#include "hr-preset-db.h"
#include "hr-window.h"

struct _HrApplication
{
  AdwApplication  parent_instance;

  HrPresetDb     *db;
  GSettings      *settings;
  gulong          color_scheme_handler;
};

G_DEFINE_FINAL_TYPE (HrApplication, hr_application, ADW_TYPE_APPLICATION)

static GtkWindow *
ensure_window (HrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (self->db == NULL)
        {
          /* HEADROOM_PRESETS_DIR, else the installed or source tree's
           * presets, as for the CLI; the user's own file is merged in. */
          const char *env_dir = g_getenv ("HEADROOM_PRESETS_DIR");
          g_autofree char *bundled_dir = env_dir != NULL ? g_strdup (env_dir)
                                                         : hr_preset_db_dup_default_bundled_dir ();
          g_autofree char *user_file = hr_preset_db_dup_default_user_file ();

          self->db = hr_preset_db_new (bundled_dir, user_file);
        }
      window = GTK_WINDOW (hr_window_new (ADW_APPLICATION (self), self->db));
    }
  return window;
}

static void
hr_application_activate (GApplication *application)
{
  gtk_window_present (ensure_window (HR_APPLICATION (application)));
}

/* A comparison double-clicked on the desktop, or given on the command
 * line. The window shows one comparison: of several files, the last. */
static void
hr_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  GtkWindow *window = ensure_window (HR_APPLICATION (application));

  gtk_window_present (window);
  if (n_files > 0)
    hr_window_open_file (HR_WINDOW (window), files[n_files - 1]);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HrApplication *self = HR_APPLICATION (user_data);
  static const char *developers[] = { "The Headroom authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Headroom"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Can this source drive these headphones, and what will it do to the sound?"),
                        "developers", developers,
                        /* Translators: your names, one a line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Yelp, or whatever handles help: URIs, shows the guide installed under
 * $datadir/help/LANG/headroom (help/meson.build). A desktop without a
 * help viewer gets a dialog that says so rather than nothing at all. */
static void
on_help_shown (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GtkWindow *parent = GTK_WINDOW (object);  /* NULL if no window was open */
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (gtk_show_uri_full_finish (parent, result, &error)
      || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Translators: the end is GIO's reason, "Operation not supported" */
  message = g_strdup_printf (_("The guide opens in a help viewer, such as GNOME’s Help (Yelp), "
                               "and none could show it: %s"), error->message);
  hr_form_show_error (parent, _("Could Not Open the Help"), message);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HrApplication *self = HR_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_assert (HR_IS_APPLICATION (self));

  gtk_show_uri_full (parent, "help:headroom", GDK_CURRENT_TIME, NULL, on_help_shown, NULL);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "help", help_action },
  { "quit", quit_action },
};

static void
hr_application_startup (GApplication *application)
{
  static const char *help_accels[] = { "F1", NULL };
  static const char *quit_accels[] = { "<Control>q", NULL };
  HrApplication *self = HR_APPLICATION (application);
  g_autoptr(GAction) color_scheme_action = NULL;

  G_APPLICATION_CLASS (hr_application_parent_class)->startup (application);

  /* The colour scheme follows the system's unless the user chose one;
   * the menu's radio items are the setting itself. */
  self->settings = g_settings_new (APP_ID);
  self->color_scheme_handler = hr_color_scheme_follow (self->settings);
  color_scheme_action = g_settings_create_action (self->settings, "color-scheme");
  g_action_map_add_action (G_ACTION_MAP (application), color_scheme_action);
  g_action_map_add_action_entries (G_ACTION_MAP (application), app_actions,
                                   G_N_ELEMENTS (app_actions), application);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (application), "app.quit", quit_accels);
}

static void
hr_application_dispose (GObject *object)
{
  HrApplication *self = HR_APPLICATION (object);

  g_clear_object (&self->db);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->color_scheme_handler, self->settings);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hr_application_parent_class)->dispose (object);
}

static void
hr_application_class_init (HrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hr_application_dispose;
  application_class->activate = hr_application_activate;
  application_class->open = hr_application_open;
  application_class->startup = hr_application_startup;
}

static void
hr_application_init (HrApplication *self)
{
}

HrApplication *
hr_application_new (void)
{
  return g_object_new (HR_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/headroom/Headroom",
                       NULL);
}
