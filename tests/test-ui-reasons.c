/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-reasons"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hr-window-private.h"
#include "test-png.h"

/* The reasons under the verdict point at the charts: hovering a reason,
 * or focusing it, lights up its region (the one src/core gives for that
 * reason) with its number; leaving it puts the charts back. Each reason
 * carries its marker, outlined when it points nowhere. An export can mark
 * them all. Under xvfb-run, as the other UI tests. */

static HrPresetDb *db;

static const char *const reset_keys[] = {
  "source-id", "output-id", "headphone-id", "level-db-spl", "cable-ohm",
  "adapter-series-ohm", "adapter-shunt-ohm", "chart-view", "pins", "pinned",
  "zout-ohm", "headphone-z-ohm", "export-annotate",
};

static void
spin_main_loop (guint ms)
{
  gint64 end_us = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, FALSE);
}

/* An HD 650 on a Fireface 800's line out at 110 dB SPL: too little
 * headroom (the SPL chart), the bass resonance's rise (the deviation
 * chart), and the current limit that is not known (nowhere). */
static HrWindow *
new_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  HrWindow *window;
  GtkEditable *entry;

  for (guint i = 0; i < G_N_ELEMENTS (reset_keys); i++)
    g_settings_reset (settings, reset_keys[i]);
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 1000);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  entry = hr_slider_row_get_entry (hr_window_get_slider_row (window, "level_row"));
  gtk_editable_set_text (entry, "110");
  g_signal_emit_by_name (entry, "activate");
  spin_main_loop (200);
  return window;
}

static void
destroy_window (HrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop (100);
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type))
        return controller;
    }
  return NULL;
}

/* The highlight is the region core gives for reason @index, numbered
 * @index + 1. */
static void
assert_highlight_is (HrWindow *window,
                     guint     index)
{
  const HrSummary *summary = hr_window_get_summary (window);
  const HrReason *reason = &g_array_index (summary->reasons, HrReason, index);
  HrReasonRegion expected;
  HrReasonRegion got;
  guint number = 0;

  g_assert_true (hr_reason_get_region (reason, summary, hr_window_get_sweep (window), &expected));
  g_assert_true (hr_chart_view_get_highlight (hr_window_get_chart_view (window), &got, &number));
  g_assert_cmpuint (number, ==, index + 1);
  g_assert_cmpint (got.chart, ==, expected.chart);
  g_assert_cmpfloat (got.lo_hz, ==, expected.lo_hz);
  g_assert_cmpfloat (got.hi_hz, ==, expected.hi_hz);
  g_assert_cmpfloat (got.mark_hz, ==, expected.mark_hz);
}

/* How much of the chart's live layer is in the accent's blue, which only
 * a highlight draws. */
static guint
accent_pixels (HrWindow *window)
{
  HrChartView *view = hr_window_get_chart_view (window);
  int width = gtk_widget_get_width (GTK_WIDGET (window->chart));
  int height = gtk_widget_get_height (GTK_WIDGET (window->chart));
  g_autofree char *dir = g_dir_make_tmp ("hr-test-reasons-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "live.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  guint n;

  cairo_set_source_rgb (cr, 1.0, 1.0, 1.0);
  cairo_paint (cr);
  hr_chart_render_layers (cr, view, width, height, HR_CHART_LAYER_LIVE);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  n = test_png_count_color (png, height, TEST_ACCENT_BG_RGB);
  g_unlink (png);
  g_rmdir (dir);
  return n;
}

/* The three reasons, their markers: filled for those with a region,
 * outlined for the one without. */
static void
test_markers (void)
{
  HrWindow *window = new_window ();
  const HrSummary *summary = hr_window_get_summary (window);

  g_assert_nonnull (summary);
  g_assert_cmpuint (summary->reasons->len, >=, 3);
  for (guint i = 0; i < 3; i++)
    {
      HrReasonRegion region;
      GtkWidget *row = hr_window_get_reason_row (window, i);
      gboolean has_region = hr_reason_get_region (&g_array_index (summary->reasons, HrReason, i), summary,
                                                  hr_window_get_sweep (window), &region);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      g_assert_true (gtk_widget_get_visible (row));
      g_assert_true (gtk_widget_get_focusable (row));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window->reason_markers[i])));
      g_assert_cmpstr (gtk_label_get_text (window->reason_markers[i]), ==, number);
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->reason_markers[i]), "off-charts") != has_region);
      g_test_message ("reason %u: %s", i + 1, has_region ? "on the charts" : "nowhere");
    }
  /* This case has both kinds. */
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window->reason_markers[2]), "off-charts"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (window->reason_markers[0]), "off-charts"));
  destroy_window (window);
}

/* The pointer over a reason lights up its region; over another, that
 * one's; off them, nothing; over a reason that points nowhere, nothing. */
static void
test_hover (void)
{
  HrWindow *window = new_window ();
  HrChartView *view = hr_window_get_chart_view (window);

  g_assert_false (hr_chart_view_get_highlight (view, NULL, NULL));
  g_assert_cmpuint (accent_pixels (window), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      GtkEventController *motion = find_controller (hr_window_get_reason_row (window, i),
                                                    GTK_TYPE_EVENT_CONTROLLER_MOTION);

      g_assert_nonnull (motion);
      g_signal_emit_by_name (motion, "enter", 10.0, 5.0);
      spin_main_loop (50);
      assert_highlight_is (window, i);
      g_assert_cmpuint (accent_pixels (window), >, 100);
      g_signal_emit_by_name (motion, "leave");
      spin_main_loop (50);
      g_assert_false (hr_chart_view_get_highlight (view, NULL, NULL));
      g_assert_cmpuint (accent_pixels (window), ==, 0);
    }
  g_signal_emit_by_name (find_controller (hr_window_get_reason_row (window, 2), GTK_TYPE_EVENT_CONTROLLER_MOTION),
                         "enter", 10.0, 5.0);
  g_assert_false (hr_chart_view_get_highlight (view, NULL, NULL));
  destroy_window (window);
}

/* The keyboard's way: a reason's row takes the focus and lights up its
 * region; the focus elsewhere puts the charts back; the pointer over a
 * reason wins over the focus while it is there. */
static void
test_focus (void)
{
  HrWindow *window = new_window ();
  HrChartView *view = hr_window_get_chart_view (window);
  GtkWidget *row = hr_window_get_reason_row (window, 1);
  GtkEventController *motion = find_controller (hr_window_get_reason_row (window, 0),
                                                GTK_TYPE_EVENT_CONTROLLER_MOTION);

  g_assert_true (gtk_widget_grab_focus (row));
  spin_main_loop (50);
  g_assert_true (gtk_widget_has_focus (row));
  assert_highlight_is (window, 1);

  g_signal_emit_by_name (motion, "enter", 10.0, 5.0);
  assert_highlight_is (window, 0);
  g_signal_emit_by_name (motion, "leave");
  assert_highlight_is (window, 1);

  /* The level moved while the reason has the focus: its region follows. */
  {
    GtkEditable *entry = hr_slider_row_get_entry (hr_window_get_slider_row (window, "level_row"));

    gtk_editable_set_text (entry, "112");
    g_signal_emit_by_name (entry, "activate");
    g_assert_true (gtk_widget_grab_focus (row));
    spin_main_loop (100);
    assert_highlight_is (window, 1);
  }

  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (window->chart)));
  spin_main_loop (50);
  g_assert_false (hr_chart_view_get_highlight (view, NULL, NULL));
  destroy_window (window);
}

/* An export marks the reasons when asked, and only then; a reason that
 * has the focus is on the screen, not in the file. */
static void
test_export_annotated (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hr-test-reasons-XXXXXX", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.png", NULL);
  g_autofree char *annotated = g_build_filename (dir, "annotated.png", NULL);

  g_assert_true (gtk_widget_grab_focus (hr_window_get_reason_row (window, 0)));
  spin_main_loop (50);
  g_assert_true (hr_chart_view_get_highlight (hr_window_get_chart_view (window), NULL, NULL));

  g_assert_true (hr_window_export_to_file_full (window, plain, TRUE, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_png_count_color (plain, 1000, TEST_ACCENT_BG_RGB), ==, 0);
  g_assert_true (hr_window_export_to_file_full (window, annotated, TRUE, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_png_count_color (annotated, 1000, TEST_ACCENT_BG_RGB), >, 300);

  /* Left as it was: the highlight on, no annotations. */
  g_assert_true (hr_chart_view_get_highlight (hr_window_get_chart_view (window), NULL, NULL));
  g_assert_false (hr_chart_view_has_annotations (hr_window_get_chart_view (window)));

  g_unlink (plain);
  g_unlink (annotated);
  g_rmdir (dir);
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *presets_dir = NULL;
  g_autofree char *data_home = NULL;
  int status;

  data_home = g_dir_make_tmp ("headroom-test-ui-reasons-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/headroom/Headroom/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  presets_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);
  db = hr_preset_db_new (g_getenv ("HEADROOM_PRESETS_DIR") != NULL ? g_getenv ("HEADROOM_PRESETS_DIR") : presets_dir,
                         "/nonexistent/headroom-test/presets.json");

  g_test_add_func ("/ui-reasons/markers", test_markers);
  g_test_add_func ("/ui-reasons/hover", test_hover);
  g_test_add_func ("/ui-reasons/focus", test_focus);
  g_test_add_func ("/ui-reasons/export-annotated", test_export_annotated);

  status = g_test_run ();
  g_clear_object (&db);
  g_rmdir (data_home);
  return status;
}
