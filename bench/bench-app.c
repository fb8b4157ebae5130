/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-app"

#include "config.h"

#include <adwaita.h>
#include <errno.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utime.h>
#include <glib/gstdio.h>

#include "hr-application.h"
#include "hr-bench.h"
#include "hr-generated-presets.h"
#include "hr-window-private.h"
#include "test-files.h"
#include "test-widgets.h"

/* The app with 10,000 presets, as a user meets it: from start to the
 * first painted frame, and each keystroke of a search in the headphones'
 * dropdown. Needs a display (meson runs it under xvfb-run, as the ui
 * tests).
 *
 * Each start is a process of its own (this program run with --child), so
 * that every one pays for GTK's start-up as the app does. The first start
 * is reported apart: the ones after it find what it left behind, such as
 * the presets' compiled cache.
 * "Start" is the top of main(), where the app's own HEADROOM_TIMINGS
 * clock starts; "first frame" is the window frame clock's first
 * after-paint.
 *
 * A keystroke is the search text set and the search entry's
 * search-changed emitted at once (its 150 ms delay taken out, so that
 * nothing but the work is timed): the filtering, synchronous, then the
 * frame that shows the list, from its before-paint to its after-paint.
 * The text "headphone 650" is typed a letter at a time, then erased. */

#define N_PRESETS 10000
#define N_STARTS 7
#define QUERY "headphone 650"

/* In the child. */
static gint64 start_us;
static HrWindow *window;
static GtkWidget *search_entry;
static double first_frame_ms = -1.0;
static guint n_typed;
static gboolean erasing;
static gint64 keystroke_us;
static gint64 frame_start_us;
static GString *report;

static gboolean type_next (gpointer user_data);

static void
on_before_paint (GdkFrameClock *clock)
{
  frame_start_us = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock)
{
  gint64 now_us = g_get_monotonic_time ();

  if (first_frame_ms < 0.0)
    {
      first_frame_ms = (now_us - start_us) / 1000.0;
      g_string_append_printf (report, "first-frame %.3f\n", first_frame_ms);
      /* Let the window settle before the list is opened. */
      g_timeout_add (300, type_next, NULL);
      return;
    }
  if (keystroke_us != 0)
    {
      g_string_append_printf (report, " %.3f\n", (now_us - frame_start_us) / 1000.0);
      keystroke_us = 0;
      g_timeout_add (30, type_next, NULL);
    }
}

static void
on_window_realize (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *added)
{
  if (!HR_IS_WINDOW (added) || window != NULL)
    return;
  window = HR_WINDOW (added);
  g_signal_connect (added, "realize", G_CALLBACK (on_window_realize), NULL);
}

/* One keystroke, then back here from the frame that shows it. */
static gboolean
type_next (gpointer user_data)
{
  g_autofree char *text = NULL;
  gint64 filtered_us;

  if (search_entry == NULL)
    {
      /* Ctrl+F: the headphones' list opens with its search entry. */
      gtk_widget_activate_action (GTK_WIDGET (window), "win.search-headphones", NULL);
      search_entry = find_descendant (GTK_WIDGET (window->headphone_dropdown), GTK_TYPE_SEARCH_ENTRY);
      if (search_entry == NULL)
        g_error ("the headphones' dropdown has no search entry");
      gtk_search_entry_set_search_delay (GTK_SEARCH_ENTRY (search_entry), G_MAXINT);
      g_timeout_add (300, type_next, NULL);
      return G_SOURCE_REMOVE;
    }

  if (!erasing && n_typed == strlen (QUERY))
    erasing = TRUE;
  if (erasing && n_typed == 0)
    {
      g_application_quit (g_application_get_default ());
      return G_SOURCE_REMOVE;
    }
  n_typed = erasing ? n_typed - 1 : n_typed + 1;
  text = g_strndup (QUERY, n_typed);

  keystroke_us = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (search_entry), text);
  g_signal_emit_by_name (search_entry, "search-changed");
  filtered_us = g_get_monotonic_time ();
  g_string_append_printf (report, "keystroke %.3f", (filtered_us - keystroke_us) / 1000.0);
  /* A frame even if the list looks the same. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  return G_SOURCE_REMOVE;
}

static int
run_child (int   argc,
           char *argv[])
{
  g_autoptr(HrApplication) application = NULL;
  int status;

  start_us = g_get_monotonic_time ();
  report = g_string_new (NULL);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  application = hr_application_new ();
  /* Never handed to a Headroom already running on the session bus. */
  g_application_set_flags (G_APPLICATION (application),
                            g_application_get_flags (G_APPLICATION (application)) | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "window-added", G_CALLBACK (on_window_added), NULL);
  status = g_application_run (G_APPLICATION (application), 1, argv);
  fputs (report->str, stdout);
  g_string_free (report, TRUE);
  return status;
}

typedef struct
{
  double first_frame_ms;
  GArray *keystroke_ms;  /* of double */
  GArray *frame_ms;      /* of double */
} ChildResult;

static gboolean
run_one_start (const char  *self_path,
               char       **envp,
               ChildResult *result)
{
  const char *child_argv[] = { self_path, "--child", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) lines = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **) child_argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &output, NULL,
                     &wait_status, &error) ||
      !g_spawn_check_wait_status (wait_status, &error))
    {
      fprintf (stderr, "bench-app: the app did not run: %s\n", error->message);
      return FALSE;
    }

  result->first_frame_ms = -1.0;
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double keystroke_ms;
      double frame_ms;

      if (sscanf (lines[i], "first-frame %lf", &result->first_frame_ms) == 1)
        continue;
      if (sscanf (lines[i], "keystroke %lf %lf", &keystroke_ms, &frame_ms) == 2)
        {
          g_array_append_val (result->keystroke_ms, keystroke_ms);
          g_array_append_val (result->frame_ms, frame_ms);
        }
    }
  return result->first_frame_ms >= 0.0;
}

static void
sort_doubles (GArray *values)
{
  qsort (values->data, values->len, sizeof (double), hr_bench_compare_doubles);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *top = NULL;
  g_autofree char *presets_dir = NULL;
  g_autofree char *presets_file = NULL;
  g_autofree char *cache_home = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autoptr(GArray) starts_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystroke_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  ChildResult result = { 0 };
  g_auto(GStrv) envp = NULL;
  double cold_ms;
  GStatBuf st;

  if (argc > 1 && g_str_equal (argv[1], "--child"))
    return run_child (argc, argv);

  hr_bench_print_machine ();
  self_path = g_file_read_link ("/proc/self/exe", &error);
  top = g_dir_make_tmp ("headroom-bench-app-XXXXXX", &error);
  if (self_path == NULL || top == NULL)
    {
      fprintf (stderr, "bench-app: %s\n", error->message);
      return EXIT_FAILURE;
    }

  /* The presets, dated an hour back, as a file is at start-up. */
  presets_dir = g_build_filename (top, "presets", NULL);
  presets_file = g_build_filename (presets_dir, "generated.json", NULL);
  cache_home = g_build_filename (top, "cache", NULL);
  data_home = g_build_filename (top, "data", NULL);
  config_home = g_build_filename (top, "config", NULL);
  json = hr_generated_presets_new (N_PRESETS);
  if (g_mkdir_with_parents (presets_dir, 0700) != 0 ||
      !g_file_set_contents (presets_file, json->str, (gssize) json->len, &error) ||
      g_stat (presets_file, &st) != 0 ||
      g_utime (presets_file, &(struct utimbuf) { st.st_atime - 3600, st.st_mtime - 3600 }) != 0)
    {
      fprintf (stderr, "bench-app: cannot write the presets: %s\n",
               error != NULL ? error->message : g_strerror (errno));
      return EXIT_FAILURE;
    }

  envp = g_get_environ ();
  envp = g_environ_setenv (envp, "HEADROOM_PRESETS_DIR", presets_dir, TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", cache_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", config_home, TRUE);
  envp = g_environ_unsetenv (envp, "HEADROOM_TIMINGS");

  result.keystroke_ms = keystroke_ms;
  result.frame_ms = frame_ms;
  if (!run_one_start (self_path, envp, &result))
    return EXIT_FAILURE;
  cold_ms = result.first_frame_ms;
  for (guint run = 0; run < N_STARTS; run++)
    {
      if (!run_one_start (self_path, envp, &result))
        return EXIT_FAILURE;
      g_array_append_val (starts_ms, result.first_frame_ms);
    }

  sort_doubles (starts_ms);
  sort_doubles (keystroke_ms);
  sort_doubles (frame_ms);
  printf ("app start to first frame, %u presets: first start %.0f ms; then median %.0f ms "
          "(min %.0f, max %.0f) over %u starts; target 300 ms\n",
          N_PRESETS, cold_ms, g_array_index (starts_ms, double, starts_ms->len / 2),
          g_array_index (starts_ms, double, 0), g_array_index (starts_ms, double, starts_ms->len - 1),
          starts_ms->len);
  if (keystroke_ms->len > 0)
    printf ("search keystroke in the headphones' list, %u presets: filter median %.1f ms (max %.1f), "
            "then its frame median %.1f ms (max %.1f), over %u keystrokes; target 16 ms\n",
            N_PRESETS, g_array_index (keystroke_ms, double, keystroke_ms->len / 2),
            g_array_index (keystroke_ms, double, keystroke_ms->len - 1),
            g_array_index (frame_ms, double, frame_ms->len / 2),
            g_array_index (frame_ms, double, frame_ms->len - 1), keystroke_ms->len);
  remove_tree (top);
  return EXIT_SUCCESS;
}
