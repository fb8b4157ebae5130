/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui"

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "hr-chart-export.h"
#include "hr-color-scheme.h"
#include "hr-pin-chip.h"
#include "hr-tooltip.h"
#include "hr-window-private.h"
#include "test-png.h"

/* The window, driven as a user drives it (dropdowns, the entries beside
 * the sliders, actions), with assertions on what it computed: the sweep
 * must be the one src/core gives for the circuit the sidebar describes,
 * and the verdict line must say the summary's verdict. Runs under
 * xvfb-run with the memory GSettings backend (tests/meson.build). */

static HrPresetDb *db;

static const char *const reset_keys[] = {
  "source-id", "output-id", "headphone-id", "level-db-spl", "cable-ohm",
  "adapter-series-ohm", "adapter-shunt-ohm", "chart-view", "pins", "pinned",
  "zout-ohm", "headphone-z-ohm",
};

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (reset_keys); i++)
    g_settings_reset (settings, reset_keys[i]);
}

static HrWindow *
new_window (void)
{
  HrWindow *window;

  reset_settings ();
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Lets the window map, lay out and draw: the chart's snapshot runs. */
static void
spin_main_loop (void)
{
  gint64 end_us = g_get_monotonic_time () + 200 * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, FALSE);
}

static void
destroy_window (HrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop ();
}

/* Types @text into the entry of slider row @name and presses Enter. */
static void
type_into_row (HrWindow   *window,
               const char *name,
               const char *text)
{
  HrSliderRow *row = hr_window_get_slider_row (window, name);
  GtkEditable *entry = hr_slider_row_get_entry (row);

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static guint
index_near (const HrSweep *sweep,
            double         freq_hz)
{
  guint best = 0;

  for (guint i = 1; i < sweep->n_points; i++)
    if (fabs (log (sweep->freq_hz[i] / freq_hz)) < fabs (log (sweep->freq_hz[best] / freq_hz)))
      best = i;
  return best;
}

/* The window's sweep against one computed here from the presets, with
 * the circuit the sidebar is meant to describe. */
static void
assert_sweep_matches (HrWindow   *window,
                      const char *headphone_id,
                      double      zout_ohm,
                      double      level_db_spl)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrSweep) expected = NULL;
  HrHeadphonePreset *headphone = hr_preset_db_lookup_headphone (db, headphone_id);
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  HrDrive drive = { HR_DRIVE_SPL, level_db_spl };
  const HrSweep *sweep = hr_window_get_sweep (window);

  g_assert_nonnull (sweep);
  circuit.headphone = hr_headphone_preset_get_headphone (headphone);
  circuit.source.output_impedance_ohm = zout_ohm;
  circuit.source.max_voltage_vrms = 6.9;  /* not used by the values compared */
  expected = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ, HR_SUMMARY_DEFAULT_POINTS, &error);
  g_assert_no_error (error);
  g_assert_true (hr_sweep_compute (expected, &circuit, &drive, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (sweep->n_points, ==, expected->n_points);
  for (guint i = 0; i < sweep->n_points; i++)
    {
      g_assert_cmpfloat_with_epsilon (sweep->freq_hz[i], expected->freq_hz[i], 1e-9 * expected->freq_hz[i]);
      g_assert_cmpfloat_with_epsilon (sweep->spl_db[i], expected->spl_db[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (sweep->dev_db[i], expected->dev_db[i], 1e-9);
      g_assert_cmpfloat_with_epsilon (sweep->i_ma[i], expected->i_ma[i], 1e-9 * MAX (1.0, expected->i_ma[i]));
    }
}

static void
test_empty_state (void)
{
  HrWindow *window = new_window ();

  /* No headphones chosen yet: the status page, and nothing computed. */
  g_assert_cmpstr (hr_window_get_content_page (window), ==, "empty");
  g_assert_null (hr_window_get_summary (window));
  g_assert_cmpuint (hr_chart_view_get_n_traces (hr_window_get_chart_view (window)), ==, 0);

  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_cmpstr (hr_window_get_content_page (window), ==, "charts");
  g_assert_nonnull (hr_window_get_summary (window));
  g_assert_cmpuint (hr_chart_view_get_n_traces (hr_window_get_chart_view (window)), ==, 1);
  g_assert_false (hr_window_select_headphone (window, "no-such-headphone"));
  spin_main_loop ();
  destroy_window (window);
}

static void
test_presets_and_zout (void)
{
  HrWindow *window = new_window ();
  const HrSummary *summary;
  const HrSweep *sweep;
  guint bass;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "HD 650 on Fireface 800 · Line out");

  /* The key figures, "?" for the current limit that no spec sheet gives,
   * and where each comes from in the tooltip. */
  g_assert_cmpstr (gtk_label_get_text (window->source_figures_label), ==, "75 Ω · 6.9 Vrms · ? mA");
  g_assert_nonnull (strstr (hr_tooltip_get_text (GTK_WIDGET (window->source_figures_label)),
                            "Sound On Sound"));
  g_assert_nonnull (strstr (hr_tooltip_get_text (GTK_WIDGET (window->source_figures_label)),
                            "current check is skipped"));
  g_assert_cmpstr (gtk_label_get_text (window->headphone_figures_label), ==, "300 Ω · 103 dB/V · Open-back dynamic");

  /* 75 Ω into 300 Ω nominal breaks the 1/8 rule: the bass resonance rises
   * by more than 0.5 dB, a caveat. */
  summary = hr_window_get_summary (window);
  g_assert_nonnull (summary);
  g_assert_cmpfloat_with_epsilon (summary->zout_1k_ohm, 75.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (summary->z_nominal_ohm, 300.0, 1e-9);
  g_assert_false (summary->eighth_rule_holds);
  g_assert_cmpfloat (summary->deviation_span_db, >, 0.5);
  g_assert_cmpint (summary->verdict, ==, HR_VERDICT_CAVEATS);
  g_assert_cmpstr (hr_window_get_verdict_text (window), ==, hr_verdict_to_string (HR_VERDICT_CAVEATS));
  assert_sweep_matches (window, "sennheiser-hd-650", 75.0, 90.0);
  sweep = hr_window_get_sweep (window);
  bass = index_near (sweep, summary->dev_max_freq_hz);
  g_assert_cmpfloat (sweep->dev_db[bass], >, 0.5);

  /* The output impedance typed with its unit: 0.1 Ω flattens the response
   * and the source drives them well. */
  type_into_row (window, "zout_row", "100 mΩ");
  summary = hr_window_get_summary (window);
  g_assert_cmpfloat_with_epsilon (hr_slider_row_get_value (hr_window_get_slider_row (window, "zout_row")), 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (summary->zout_1k_ohm, 0.1, 1e-9);
  g_assert_true (summary->eighth_rule_holds);
  g_assert_cmpfloat (summary->deviation_span_db, <, 0.01);
  g_assert_cmpint (summary->verdict, ==, HR_VERDICT_DRIVES_WELL);
  g_assert_cmpstr (hr_window_get_verdict_text (window), ==, hr_verdict_to_string (HR_VERDICT_DRIVES_WELL));
  assert_sweep_matches (window, "sennheiser-hd-650", 0.1, 90.0);

  /* Text that is not a value leaves the value alone. */
  type_into_row (window, "zout_row", "lots");
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 0.1, 1e-9);

  /* Reset returns to the preset's 75 Ω. */
  hr_slider_row_reset (hr_window_get_slider_row (window, "zout_row"));
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 75.0, 1e-6);

  /* The headphone output of the same interface: 30 Ω. */
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "headphone"));
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 30.0, 1e-6);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "HD 650 on Fireface 800 · Headphone out");
  spin_main_loop ();
  destroy_window (window);
}

static void
test_level_and_clipping (void)
{
  HrWindow *window = new_window ();
  const HrSweep *sweep;
  GtkWidget *verdict_label;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  type_into_row (window, "level_row", "100 dB");
  sweep = hr_window_get_sweep (window);
  g_assert_cmpfloat_with_epsilon (sweep->spl_1k_db, 100.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (sweep->spl_db[index_near (sweep, 1000.0)], 100.0, 0.05);
  assert_sweep_matches (window, "sennheiser-hd-650", 75.0, 100.0);

  /* The line out reaches about 118 dB SPL in these: 125 dB clips. */
  type_into_row (window, "level_row", "125");
  g_assert_cmpint (hr_window_get_summary (window)->verdict, ==, HR_VERDICT_CANNOT_DRIVE);
  g_assert_cmpstr (hr_window_get_verdict_text (window), ==, hr_verdict_to_string (HR_VERDICT_CANNOT_DRIVE));
  verdict_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), HR_TYPE_WINDOW, "verdict_label"));
  g_assert_true (gtk_widget_has_css_class (verdict_label, "error"));
  g_assert_false (gtk_widget_has_css_class (verdict_label, "warning"));

  /* The slider moves in 0.5 dB steps. */
  type_into_row (window, "level_row", "90.3");
  g_assert_cmpfloat_with_epsilon (hr_window_get_sweep (window)->spl_1k_db, 90.3, 1e-6);

  /* A voltage as a sheet prints it: the level it gives, open circuit. */
  type_into_row (window, "level_row", "+4 dBu");
  g_assert_cmpfloat_with_epsilon (hr_window_get_sweep (window)->voc_vrms, 0.7746 * pow (10.0, 4.0 / 20.0), 1e-4);
  type_into_row (window, "level_row", "500 mV");
  g_assert_cmpfloat_with_epsilon (hr_window_get_sweep (window)->voc_vrms, 0.5, 1e-9);
  {
    GtkEditable *entry = hr_slider_row_get_entry (hr_window_get_slider_row (window, "level_row"));

    type_into_row (window, "level_row", "loud V");
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
    g_assert_cmpfloat_with_epsilon (hr_window_get_sweep (window)->voc_vrms, 0.5, 1e-9);
  }
  spin_main_loop ();
  destroy_window (window);
}

static void
test_headphone_impedance (void)
{
  HrWindow *window = new_window ();
  const HrSweep *sweep;
  guint k1;
  double z_1k_ohm;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  sweep = hr_window_get_sweep (window);
  k1 = index_near (sweep, 1000.0);
  z_1k_ohm = sweep->z_mag_ohm[k1];

  /* The curve moved to 600 Ω nominal: every |Z| doubles. */
  type_into_row (window, "headphone_z_row", "600 ohm");
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->z_nominal_ohm, 600.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (sweep->z_mag_ohm[k1] / z_1k_ohm, 2.0, 1e-9);
  /* 75 Ω is now within 1/8 of 600 Ω. */
  g_assert_true (hr_window_get_summary (window)->eighth_rule_holds);
  spin_main_loop ();
  destroy_window (window);
}

static void
test_adapter (void)
{
  HrWindow *window = new_window ();
  double zout_1k_ohm;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));

  /* A 10 Ω shunt: the headphones see 75 Ω in parallel with 10 Ω. */
  type_into_row (window, "adapter_shunt_row", "10");
  zout_1k_ohm = hr_window_get_summary (window)->zout_1k_ohm;
  g_assert_cmpfloat_with_epsilon (zout_1k_ohm, 75.0 * 10.0 / 85.0, 1e-6);
  /* The cable sits between the source and the adapter (PHYSICS.md): its
   * round trip adds to the 75 Ω before the shunt. */
  type_into_row (window, "cable_row", "0.5 Ω");
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 75.5 * 10.0 / 85.5, 1e-6);
  g_assert_cmpfloat (hr_window_get_summary (window)->zout_1k_ohm, <, zout_1k_ohm + 0.5);
  type_into_row (window, "cable_row", "0");
  type_into_row (window, "adapter_shunt_row", "off");
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 75.0, 1e-6);
  spin_main_loop ();
  destroy_window (window);
}

static void
test_chart_view (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *stored = NULL;
  HrChartView *view = hr_window_get_chart_view (window);

  g_assert_cmpint (hr_chart_view_get_layout (view), ==, HR_CHART_LAYOUT_GRID);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "spl"));
  g_assert_cmpint (hr_chart_view_get_layout (view), ==, HR_CHART_LAYOUT_SINGLE);
  g_assert_cmpint (hr_chart_view_get_kind (view), ==, HR_CHART_SPL);
  stored = g_settings_get_string (settings, "chart-view");
  g_assert_cmpstr (stored, ==, "spl");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "all"));
  g_assert_cmpint (hr_chart_view_get_layout (view), ==, HR_CHART_LAYOUT_GRID);
  destroy_window (window);
}

static void
test_settings_remembered (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "headphone"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  type_into_row (window, "level_row", "97.5");
  type_into_row (window, "zout_row", "33 Ω");
  type_into_row (window, "headphone_z_row", "150");
  destroy_window (window);

  /* A new window, without resetting the settings, comes back as it was. */
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  g_assert_cmpstr (hr_window_get_content_page (window), ==, "charts");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "HD 650 on Fireface 800 · Headphone out");
  g_assert_cmpfloat_with_epsilon (hr_window_get_sweep (window)->spl_1k_db, 97.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "level-db-spl"), 97.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 33.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->z_nominal_ohm, 150.0, 1e-9);
  destroy_window (window);

  /* Another source's output impedance is its own, not the one stored. */
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  g_assert_true (hr_window_select_source (window, "nwavguy-jds-labs-objective2", NULL));
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->zout_1k_ohm, 0.54, 1e-6);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zout-ohm"), 0.54, 1e-9);
  destroy_window (window);
}

static void
test_export (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("headroom-ui-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "charts.png", NULL);
  g_autofree char *csv = g_build_filename (dir, "charts.csv", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_no_error (error);

  /* Nothing chosen, nothing to export: an error, no file. */
  g_assert_false (hr_window_export_to_file (window, png, TRUE, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_true (hr_window_export_to_file (window, png, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &contents, &length, &error));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);
  g_clear_pointer (&contents, g_free);
  /* The verdict, "Drives it with caveats" in its amber, above the charts;
   * and not left on the screen's charts after. */
  g_assert_cmpuint (test_png_count_color (png, 160, TEST_CAVEATS_RGB), >, 100);
  g_assert_false (hr_chart_view_has_summary (hr_window_get_chart_view (window)));
  /* Left out when asked. */
  g_assert_true (hr_window_export_to_file (window, png, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (test_png_count_color (png, 160, TEST_CAVEATS_RGB), ==, 0);

  g_assert_true (hr_window_export_to_file (window, csv, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "freq_hz"));
  g_assert_nonnull (strstr (contents, "HD 650 on Fireface 800"));

  g_assert_cmpint (g_unlink (png), ==, 0);
  g_assert_cmpint (g_unlink (csv), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  destroy_window (window);
}

static char *
pdf_text (const char *pdf)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, pdf, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *text = NULL;
  int status = -1;

  /* build-aux/setup.sh installs poppler-utils: its absence is a failure. */
  g_assert_nonnull (pdftotext);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &text, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return text;
}

/* cairo draws text into an SVG as uses of glyph symbols: how many. */
static guint
svg_glyphs (const char *svg)
{
  g_autofree char *contents = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  for (const char *p = contents; (p = strstr (p, "xlink:href=\"#glyph")) != NULL; p++)
    n++;
  return n;
}

/* The PDF and the SVG carry the verdict, its reasons and the level above
 * the charts as the PNG does, and leave them out when asked. */
static void
test_export_header_pdf_svg (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("headroom-ui-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "charts.pdf", NULL);
  g_autofree char *svg = g_build_filename (dir, "charts.svg", NULL);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  const char *const header[] = {
    "Drives it with caveats", "The bass resonance at 100 Hz rises", "90.0 dB SPL at 1 kHz",
  };
  guint glyphs_with;
  guint glyphs_without;

  g_assert_no_error (error);
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));

  g_assert_true (hr_window_export_to_file (window, pdf, TRUE, &error));
  g_assert_no_error (error);
  with = pdf_text (pdf);
  g_assert_true (hr_window_export_to_file (window, pdf, FALSE, &error));
  g_assert_no_error (error);
  without = pdf_text (pdf);
  for (guint i = 0; i < G_N_ELEMENTS (header); i++)
    {
      g_autofree char *flat = g_strdelimit (g_strdup (with), "\n", ' ');

      if (strstr (flat, header[i]) == NULL)
        g_error ("the PDF does not say “%s”: %s", header[i], with);
      /* The title and the level name what is shown, and stay; the
       * verdict and its reasons go. */
      if (i < 2)
        g_assert_null (strstr (without, header[i]));
      else
        g_assert_nonnull (strstr (without, header[i]));
    }

  g_assert_true (hr_window_export_to_file (window, svg, TRUE, &error));
  g_assert_no_error (error);
  glyphs_with = svg_glyphs (svg);
  g_assert_true (hr_window_export_to_file (window, svg, FALSE, &error));
  g_assert_no_error (error);
  glyphs_without = svg_glyphs (svg);
  g_test_message ("SVG: %u glyphs with the verdict, %u without", glyphs_with, glyphs_without);
  /* The verdict, three reasons and the level: some 250 characters. */
  g_assert_cmpuint (glyphs_with, >, glyphs_without + 200);

  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_cmpint (g_unlink (svg), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  destroy_window (window);
}

/* The dialog a GtkFileChooserNative shows when there is no portal. */
static GtkWidget *
find_file_chooser_dialog (HrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  spin_main_loop ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (toplevel)
          && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return GTK_WIDGET (toplevel);
    }
  g_error ("no file chooser was shown");
}

/* The export's file chooser offers the verdict and the marks, set as
 * they were last time, and keeps what the user chooses: Export → PNG,
 * the verdict left out, the reasons marked, Export. */
static void
test_export_choices (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("headroom-ui-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "headroom-charts.png", NULL);

  g_assert_no_error (error);
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_settings_set_boolean (settings, "export-verdict", TRUE);
  g_settings_set_boolean (settings, "export-annotate", FALSE);

  for (guint round = 0; round < 2; round++)
    {
      gboolean verdict = round == 1;
      g_autoptr(GFile) file = g_file_new_for_path (png);
      GtkNativeDialog *chooser;
      GtkWidget *dialog;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", "s", "png"));
      chooser = hr_window_get_export_chooser (window);
      g_assert_nonnull (chooser);
      /* As they were left. */
      g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "verdict"), ==,
                       verdict ? "false" : "true");
      g_assert_cmpstr (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (chooser), "annotate"), ==,
                       verdict ? "true" : "false");
      /* The user's answer, in the dialog GTK shows where there is no
       * portal, as CI's machine has none. */
      dialog = find_file_chooser_dialog (window);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "verdict", verdict ? "true" : "false");
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "annotate", "true");
      /* The folder chosen, the name suggested kept. */
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), file, NULL));
      gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT));
      /* Answered, the chooser goes. */
      for (gint64 end_us = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
           hr_window_get_export_chooser (window) != NULL && g_get_monotonic_time () < end_us;)
        g_main_context_iteration (NULL, TRUE);
      g_assert_null (hr_window_get_export_chooser (window));

      g_assert_true (g_settings_get_boolean (settings, "export-verdict") == verdict);
      g_assert_true (g_settings_get_boolean (settings, "export-annotate"));
      if (verdict)
        g_assert_cmpuint (test_png_count_color (png, 160, TEST_CAVEATS_RGB), >, 100);
      else
        g_assert_cmpuint (test_png_count_color (png, 160, TEST_CAVEATS_RGB), ==, 0);
      /* Gone, or the chooser would ask whether to replace it. */
      g_assert_cmpint (g_unlink (png), ==, 0);
    }

  g_assert_cmpint (g_rmdir (dir), ==, 0);
  destroy_window (window);
}

/* The impedance the source sees, with the cable of the slider, as a .zma
 * on the charts' grid; and the EQ that undoes the source in each format,
 * said in a sentence. A place that cannot be written is an error. */
static void
test_export_zma_and_eq (void)
{
  HrWindow *window = new_window ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("headroom-ui-XXXXXX", &error);
  g_autofree char *zma = g_build_filename (dir, "seen.ZMA", NULL);
  g_autofree char *eq = g_build_filename (dir, "eq.txt", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *described = NULL;
  g_auto(GStrv) lines = NULL;
  const HrSweep *sweep;
  guint n_rows = 0;

  g_assert_no_error (error);
  g_assert_false (hr_window_export_eq_to_file (window, eq, HR_EQ_FORMAT_APO, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (eq, G_FILE_TEST_EXISTS));

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  hr_slider_row_set_value (hr_window_get_slider_row (window, "cable_row"), 2.0);
  sweep = hr_window_get_sweep (window);

  g_assert_true (hr_window_export_to_file (window, zma, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (zma, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "* Cable: 2 ohm round trip\n"));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double freq_hz, mag_ohm, phase_deg;

      if (lines[i][0] == '*' || lines[i][0] == '\0')
        continue;
      g_assert_cmpint (sscanf (lines[i], "%lf %lf %lf", &freq_hz, &mag_ohm, &phase_deg), ==, 3);
      g_assert_cmpfloat_with_epsilon (freq_hz, sweep->freq_hz[n_rows], 1e-6 * freq_hz);
      /* The headphones' Z with 2 Ω in series. */
      {
        double phase_rad = sweep->z_phase_deg[n_rows] * G_PI / 180.0;
        double re_ohm = sweep->z_mag_ohm[n_rows] * cos (phase_rad) + 2.0;
        double im_ohm = sweep->z_mag_ohm[n_rows] * sin (phase_rad);

        g_assert_cmpfloat_with_epsilon (mag_ohm, hypot (re_ohm, im_ohm), 1e-6 * mag_ohm);
      }
      n_rows++;
    }
  g_assert_cmpuint (n_rows, ==, sweep->n_points);
  g_clear_pointer (&contents, g_free);

  g_assert_true (hr_window_export_eq_to_file (window, eq, HR_EQ_FORMAT_APO, &described, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (described, "within ±0.2 dB"));
  g_assert_true (g_file_get_contents (eq, &contents, NULL, &error));
  g_assert_true (g_str_has_prefix (contents, "# Headroom: undoes the "));
  g_assert_nonnull (strstr (contents, "\nFilter 1: ON PK Fc "));
  g_clear_pointer (&contents, g_free);
  g_assert_true (hr_window_export_eq_to_file (window, eq, HR_EQ_FORMAT_GRAPHICEQ, NULL, &error));
  g_assert_true (g_file_get_contents (eq, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "GraphicEQ: 20 "));
  g_clear_pointer (&contents, g_free);
  g_assert_true (hr_window_export_eq_to_file (window, eq, HR_EQ_FORMAT_EASYEFFECTS, NULL, &error));
  g_assert_true (g_file_get_contents (eq, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "\"equalizer#0\""));
  g_clear_pointer (&contents, g_free);

  {
    g_autofree char *nowhere = g_build_filename (dir, "no-such-dir", "eq.txt", NULL);

    g_assert_false (hr_window_export_eq_to_file (window, nowhere, HR_EQ_FORMAT_APO, NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  g_assert_cmpint (g_unlink (zma), ==, 0);
  g_assert_cmpint (g_unlink (eq), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  destroy_window (window);
}

static cairo_surface_t *
render_chart (GtkWidget *chart)
{
  int width = gtk_widget_get_width (chart);
  int height = gtk_widget_get_height (chart);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (chart)->snapshot (chart, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

/* Pixels of column @x, from @y0 to @y1, that differ between two renders. */
static guint
count_changed_pixels (cairo_surface_t *a,
                      cairo_surface_t *b,
                      int              x,
                      int              y0,
                      int              y1)
{
  int stride = cairo_image_surface_get_stride (a);
  const guchar *pa = cairo_image_surface_get_data (a);
  const guchar *pb = cairo_image_surface_get_data (b);
  guint changed = 0;

  for (int y = y0; y < y1; y++)
    if (memcmp (pa + y * stride + x * 4, pb + y * stride + x * 4, 4) != 0)
      changed++;
  return changed;
}

static void
test_hover (void)
{
  HrWindow *window = new_window ();
  GtkWidget *chart;
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *motion = NULL;
  cairo_surface_t *plain;
  cairo_surface_t *hovered;
  HrChartAxes axes;
  double freq_hz = 0.0;
  int width;
  int height;
  int x;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.chart-view", "s", "deviation"));
  spin_main_loop ();

  chart = GTK_WIDGET (window->chart);
  width = gtk_widget_get_width (chart);
  height = gtk_widget_get_height (chart);
  g_assert_cmpint (width, >, 300);
  g_assert_cmpint (height, >, 200);
  g_assert_true (hr_chart_view_get_axes (hr_window_get_chart_view (window), HR_CHART_DEVIATION, width, height, &axes));

  controllers = gtk_widget_observe_controllers (chart);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        motion = controller;
    }
  g_assert_nonnull (motion);

  plain = render_chart (chart);
  /* The pointer over 1 kHz, in the middle of the plot. */
  x = (int) floor (hr_chart_axes_freq_to_x (&axes, 1000.0));
  g_signal_emit_by_name (motion, "motion", (double) x + 0.5, axes.plot.y + axes.plot.height / 2);
  g_assert_true (hr_chart_widget_get_hover_freq (window->chart, &freq_hz));
  g_assert_cmpfloat_with_epsilon (freq_hz, 1000.0, 20.0);
  hovered = render_chart (chart);

  /* The vertical line: most of the plot's column at x changed. A column
   * far to the left of the line and its card did not. */
  g_assert_cmpuint (count_changed_pixels (plain, hovered, x, (int) axes.plot.y + 2,
                                          (int) (axes.plot.y + axes.plot.height) - 2),
                    >, (guint) (axes.plot.height * 0.5));
  g_assert_cmpuint (count_changed_pixels (plain, hovered, (int) axes.plot.x + 5, (int) axes.plot.y,
                                          (int) (axes.plot.y + axes.plot.height)), ==, 0);
  if (g_getenv ("HR_TEST_SAVE_HOVER") != NULL)
    cairo_surface_write_to_png (hovered, g_getenv ("HR_TEST_SAVE_HOVER"));

  /* Leaving the chart takes the line away. */
  g_signal_emit_by_name (motion, "leave");
  g_assert_false (hr_chart_widget_get_hover_freq (window->chart, NULL));
  cairo_surface_destroy (plain);
  cairo_surface_destroy (hovered);
  destroy_window (window);
}

static GtkWidget *
find_popover (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return child;
  return NULL;
}

static void
test_search_shortcuts (void)
{
  HrWindow *window = new_window ();
  GtkWidget *headphone_popover;
  GtkWidget *source_popover;

  spin_main_loop ();
  headphone_popover = find_popover (GTK_WIDGET (window->headphone_dropdown));
  source_popover = find_popover (GTK_WIDGET (window->source_dropdown));
  g_assert_nonnull (headphone_popover);
  g_assert_nonnull (source_popover);
  g_assert_false (gtk_widget_get_visible (headphone_popover));

  /* Ctrl+F opens the headphones' list with its search; Ctrl+Shift+F the sources'. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-headphones", NULL));
  spin_main_loop ();
  g_assert_true (gtk_widget_get_visible (headphone_popover));
  gtk_popover_popdown (GTK_POPOVER (headphone_popover));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-sources", NULL));
  spin_main_loop ();
  g_assert_true (gtk_widget_get_visible (source_popover));
  g_assert_false (gtk_widget_get_visible (headphone_popover));
  gtk_popover_popdown (GTK_POPOVER (source_popover));
  destroy_window (window);
}

static HrPinChip *
nth_chip (HrWindow *window,
          guint     index)
{
  HrPinChip *chip = hr_window_get_pin_chip (window, index);

  g_assert_nonnull (chip);
  return chip;
}

static void
test_pins (void)
{
  HrWindow *window = new_window ();
  HrChartView *view = hr_window_get_chart_view (window);
  g_autoptr(GError) error = NULL;
  const HrSweep *pinned;
  HrPin *pin;
  GtkWidget *eye;

  /* Nothing to pin before headphones are chosen. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin", NULL)
                  && hr_window_get_pins (window)->len > 0);
  g_assert_false (hr_window_pin (window, &error));
  g_assert_error (error, HR_PIN_ERROR, HR_PIN_ERROR_NOTHING_TO_PIN);
  g_clear_error (&error);

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_cmpuint (hr_chart_view_get_n_traces (view), ==, 1);

  /* Ctrl+P's action pins the live configuration: a second trace, in the
   * next slot, with the same values as the live one now. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin", NULL));
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
  g_assert_cmpuint (hr_chart_view_get_n_traces (view), ==, 2);
  g_assert_true (gtk_widget_get_visible (window->pins_bar));
  pin = g_ptr_array_index (hr_window_get_pins (window), 0);
  g_assert_cmpstr (pin->name, ==, "HD 650 on Fireface 800 · Line out");
  g_assert_cmpuint (hr_chart_trace_get_slot (pin->trace), ==, 1);
  pinned = hr_chart_trace_get_sweep (pin->trace);
  for (guint i = 0; i < pinned->n_points; i++)
    g_assert_cmpfloat_with_epsilon (pinned->spl_db[i], hr_window_get_sweep (window)->spl_db[i], 1e-9);

  /* The live configuration moves on; the pin stays where it was. */
  type_into_row (window, "level_row", "100");
  g_assert_cmpfloat_with_epsilon (hr_window_get_sweep (window)->spl_1k_db, 100.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (hr_chart_trace_get_sweep (pin->trace)->spl_1k_db, 90.0, 1e-6);
  g_assert_cmpuint (hr_chart_view_get_n_traces (view), ==, 2);
  /* The live trace is drawn last, on top. */
  g_assert_true (hr_chart_trace_get_live (hr_chart_view_get_trace (view, 1)));

  /* The eye hides it from the charts but keeps it. */
  eye = gtk_widget_get_prev_sibling (gtk_widget_get_last_child (GTK_WIDGET (nth_chip (window, 0))));
  g_assert_true (GTK_IS_BUTTON (eye));
  g_signal_emit_by_name (eye, "clicked");
  g_assert_false (pin->visible);
  g_assert_false (hr_chart_trace_get_visible (pin->trace));
  spin_main_loop ();

  /* Remembered: a new window computes it again from the presets. */
  destroy_window (window);
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
  pin = g_ptr_array_index (hr_window_get_pins (window), 0);
  g_assert_nonnull (pin->trace);
  g_assert_false (pin->visible);
  g_assert_cmpfloat_with_epsilon (hr_chart_trace_get_sweep (pin->trace)->spl_1k_db, 90.0, 1e-6);
  g_assert_cmpuint (hr_chart_view_get_n_traces (hr_window_get_chart_view (window)), ==, 2);

  /* Its remove button removes it. */
  g_signal_emit_by_name (gtk_widget_get_last_child (GTK_WIDGET (nth_chip (window, 0))), "clicked");
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 0);
  g_assert_cmpuint (hr_chart_view_get_n_traces (hr_window_get_chart_view (window)), ==, 1);
  g_assert_false (gtk_widget_get_visible (window->pins_bar));
  destroy_window (window);
}

/* Pins kept by version 0.1, as the sidebar's values, come back as
 * scenarios, once. */
static void
test_pins_from_legacy_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) pinned = NULL;
  HrWindow *window;
  HrPin *pin;

  reset_settings ();
  g_settings_set_value (settings, "pins",
                        g_variant_new_parsed ("[('Old pin', true, 'rme-fireface-800', 'line', "
                                              "'sennheiser-hd-650', 75.0, 300.0, 95.0, 0.5, 0.0, 10000.0)]"));
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
  pin = g_ptr_array_index (hr_window_get_pins (window), 0);
  g_assert_cmpstr (pin->name, ==, "Old pin");
  g_assert_cmpfloat_with_epsilon (hr_chart_trace_get_sweep (pin->trace)->spl_1k_db, 95.0, 1e-6);
  g_assert_cmpfloat (hr_scenario_get_adapter_shunt_ohm (pin->scenario), ==, INFINITY);
  g_assert_cmpfloat (hr_scenario_get_cable_ohm (pin->scenario), ==, 0.5);
  destroy_window (window);

  pinned = g_settings_get_value (settings, "pinned");
  g_assert_cmpuint (g_variant_n_children (pinned), ==, 1);
  g_clear_pointer (&pinned, g_variant_unref);
  pinned = g_settings_get_value (settings, "pins");
  g_assert_cmpuint (g_variant_n_children (pinned), ==, 0);
}

/* The colour-scheme setting drives AdwStyleManager, now and on change. */
static void
test_color_scheme (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  gulong handler;

  g_settings_set_string (settings, "color-scheme", "dark");
  handler = hr_color_scheme_follow (settings);
  g_assert_cmpuint (handler, !=, 0);
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (style_manager));

  g_settings_set_string (settings, "color-scheme", "light");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (style_manager));

  g_settings_reset (settings, "color-scheme");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);

  /* Disconnected, the setting no longer moves the style. */
  g_signal_handler_disconnect (settings, handler);
  g_settings_set_string (settings, "color-scheme", "dark");
  g_assert_cmpint (adw_style_manager_get_color_scheme (style_manager), ==, ADW_COLOR_SCHEME_DEFAULT);
  g_settings_reset (settings, "color-scheme");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *presets_dir = NULL;
  int status;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  presets_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);

  db = hr_preset_db_new (g_getenv ("HEADROOM_PRESETS_DIR") != NULL ? g_getenv ("HEADROOM_PRESETS_DIR") : presets_dir,
                         "/nonexistent/headroom-test/presets.json");

  g_test_add_func ("/ui/window/empty-state", test_empty_state);
  g_test_add_func ("/ui/window/presets-and-zout", test_presets_and_zout);
  g_test_add_func ("/ui/window/level-and-clipping", test_level_and_clipping);
  g_test_add_func ("/ui/window/headphone-impedance", test_headphone_impedance);
  g_test_add_func ("/ui/window/adapter", test_adapter);
  g_test_add_func ("/ui/window/chart-view", test_chart_view);
  g_test_add_func ("/ui/window/settings-remembered", test_settings_remembered);
  g_test_add_func ("/ui/window/export", test_export);
  g_test_add_func ("/ui/window/export-header-pdf-svg", test_export_header_pdf_svg);
  g_test_add_func ("/ui/window/export-choices", test_export_choices);
  g_test_add_func ("/ui/window/export-zma-and-eq", test_export_zma_and_eq);
  g_test_add_func ("/ui/window/pins", test_pins);
  g_test_add_func ("/ui/window/pins-from-legacy-settings", test_pins_from_legacy_settings);
  g_test_add_func ("/ui/window/hover", test_hover);
  g_test_add_func ("/ui/window/search-shortcuts", test_search_shortcuts);
  g_test_add_func ("/ui/color-scheme", test_color_scheme);

  status = g_test_run ();
  g_clear_object (&db);
  return status;
}
