/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-windows"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hr-application.h"
#include "hr-pin-chip.h"
#include "hr-units.h"
#include "hr-window-private.h"
#include "test-widgets.h"

/* What the window shows rather than what it computes: the dropdowns'
 * placeholder, rows that do not apply yet, how the rows' titles wrap,
 * the pins' swatches across a switch between light and dark, the
 * About and shortcuts windows opened through the application's actions,
 * and the help's action, F1 and menu item.
 * Runs under xvfb-run like test-ui (tests/meson.build); the title test
 * runs once more with LANGUAGE=de, whose words are the long ones. */

static HrPresetDb *db;

static const char *const reset_keys[] = {
  "source-id", "output-id", "headphone-id", "level-db-spl", "cable-ohm",
  "adapter-series-ohm", "adapter-shunt-ohm", "chart-view", "pins", "pinned",
  "zout-ohm", "headphone-z-ohm", "window-width", "window-height",
  "window-maximized",
};

static const char *const slider_rows[] = {
  "zout_row", "headphone_z_row", "level_row", "cable_row",
  "adapter_series_row", "adapter_shunt_row",
};

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (reset_keys); i++)
    g_settings_reset (settings, reset_keys[i]);
}

static HrWindow *
new_window (int width,
            int height)
{
  HrWindow *window;

  reset_settings ();
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Lets windows map, lay out and draw, and a search entry's delay pass. */
static void
spin_main_loop (guint ms)
{
  gint64 end_us = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, FALSE);
}

static void
destroy_window (GtkWindow *window)
{
  gtk_window_destroy (window);
  spin_main_loop (100);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (found, child);
      collect_widgets (child, type, found);
    }
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (widget, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkWidget *
child_of_type (GtkWidget *widget,
               GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
      return child;
  return NULL;
}

/* The one label of the dropdown's button that is on screen: the selected
 * item's, or what stands in for it. */
static GtkLabel *
shown_label (GtkDropDown *dropdown)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *button = child_of_type (GTK_WIDGET (dropdown), GTK_TYPE_TOGGLE_BUTTON);
  GtkLabel *shown = NULL;

  g_assert_nonnull (button);
  collect_widgets (button, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      {
        g_assert_null (shown);
        shown = g_ptr_array_index (labels, i);
      }
  g_assert_nonnull (shown);
  return shown;
}

/* How many of @dropdown's items hold @search, folded as the list folds
 * it (on any part of the text, whatever the case). */
static guint
n_listed_for (GtkDropDown *dropdown,
              const char  *search)
{
  GListModel *all = gtk_drop_down_get_model (dropdown);
  g_autofree char *normalized = g_utf8_normalize (search, -1, G_NORMALIZE_ALL);
  g_autofree char *folded_search = g_utf8_casefold (normalized, -1);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (all, i);
      g_autofree char *item_normalized = g_utf8_normalize (gtk_string_object_get_string (item), -1, G_NORMALIZE_ALL);
      g_autofree char *folded = g_utf8_casefold (item_normalized, -1);

      n += strstr (folded, folded_search) != NULL;
    }
  return n;
}

/* Types @search into the list's entry: the list then shows the items
 * that hold it, each once, in the order of the dropdown's model. */
static void
assert_search (GtkDropDown *dropdown,
               GtkWidget   *popover,
               GtkWidget   *search_entry,
               const char  *search)
{
  GListModel *listed;
  guint n_listed;
  guint n_expected = n_listed_for (dropdown, search);
  g_autofree char *normalized = g_utf8_normalize (search, -1, G_NORMALIZE_ALL);
  g_autofree char *folded_search = g_utf8_casefold (normalized, -1);

  gtk_editable_set_text (GTK_EDITABLE (search_entry), search);
  spin_main_loop (500);
  listed = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (find_widget (popover, GTK_TYPE_LIST_VIEW))));
  n_listed = g_list_model_get_n_items (listed);
  g_test_message ("“%s”: %u listed", search, n_listed);
  g_assert_cmpuint (n_expected, >, 0);
  g_assert_cmpuint (n_listed, ==, n_expected);
  for (guint i = 0; i < n_listed; i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (listed, i);
      g_autofree char *item_normalized = g_utf8_normalize (gtk_string_object_get_string (item), -1, G_NORMALIZE_ALL);
      g_autofree char *folded = g_utf8_casefold (item_normalized, -1);

      g_assert_nonnull (strstr (folded, folded_search));
    }
}

static void
test_dropdown_placeholder (void)
{
  HrWindow *window = new_window (1280, 800);
  GtkLabel *label;
  GtkWidget *popover;
  GtkWidget *search_entry;

  /* A new user has no headphones chosen: the button asks for them. */
  spin_main_loop (200);
  label = shown_label (window->headphone_dropdown);
  g_assert_cmpstr (gtk_label_get_text (label), ==, _("Choose headphones…"));
  g_assert_cmpstr (gtk_label_get_text (label), !=, "(None)");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (label), "dim-label"));

  /* Chosen, it shows them; unchosen again, the placeholder is back. */
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  spin_main_loop (100);
  label = shown_label (window->headphone_dropdown);
  g_assert_nonnull (strstr (gtk_label_get_text (label), "HD 650"));
  gtk_drop_down_set_selected (window->headphone_dropdown, GTK_INVALID_LIST_POSITION);
  spin_main_loop (100);
  g_assert_cmpstr (gtk_label_get_text (shown_label (window->headphone_dropdown)), ==, _("Choose headphones…"));
  g_assert_cmpstr (hr_window_get_content_page (window), ==, "empty");

  /* The sources have one chosen from the start, so no placeholder shows. */
  g_assert_cmpstr (gtk_label_get_text (shown_label (window->source_dropdown)), !=, _("Choose a source…"));

  /* Search still narrows the list, on any part of an item's text as the
   * list shows it, whatever the case: "hd 65" finds "Sennheiser HD 650",
   * which GTK 4.8's own search, matching the start only, would not. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search-headphones", NULL));
  spin_main_loop (100);
  popover = child_of_type (GTK_WIDGET (window->headphone_dropdown), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (popover));
  search_entry = find_widget (popover, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search_entry);
  /* Narrowed, narrowed again, widened, emptied and changed altogether:
   * each time exactly the items whose text holds the search. */
  assert_search (window->headphone_dropdown, popover, search_entry, "hd 65");
  assert_search (window->headphone_dropdown, popover, search_entry, "hd 650");
  assert_search (window->headphone_dropdown, popover, search_entry, "HD");
  assert_search (window->headphone_dropdown, popover, search_entry, "");
  assert_search (window->headphone_dropdown, popover, search_entry, "Planar");
  assert_search (window->headphone_dropdown, popover, search_entry, "dt 8");
  g_assert_cmpuint (n_listed_for (window->headphone_dropdown, "hd 65"), <, window->headphone_presets->len);
  gtk_popover_popdown (GTK_POPOVER (popover));
  destroy_window (GTK_WINDOW (window));
}

static void
assert_row_applicable (HrWindow   *window,
                       const char *name,
                       gboolean    applicable)
{
  HrSliderRow *row = hr_window_get_slider_row (window, name);
  const char *text = gtk_editable_get_text (hr_slider_row_get_entry (row));

  g_test_message ("%s: “%s”", name, text);
  g_assert_cmpint (hr_slider_row_get_applicable (row), ==, applicable);
  g_assert_cmpint (gtk_widget_is_sensitive (GTK_WIDGET (row)), ==, applicable);
  if (applicable)
    {
      g_autofree char *value = hr_units_format (hr_slider_row_get_value (row), HR_UNIT_OHM);

      g_assert_cmpstr (text, ==, value);
    }
  else
    g_assert_cmpstr (text, ==, "—");
}

static void
test_rows_wait_for_presets (void)
{
  HrWindow *window = new_window (1280, 800);

  /* A source is chosen from the start; headphones are not. */
  spin_main_loop (100);
  assert_row_applicable (window, "zout_row", TRUE);
  assert_row_applicable (window, "headphone_z_row", FALSE);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (hr_window_get_slider_row (window, "level_row"))));

  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  assert_row_applicable (window, "headphone_z_row", TRUE);
  g_assert_cmpstr (gtk_editable_get_text (hr_slider_row_get_entry (hr_window_get_slider_row (window, "headphone_z_row"))),
                   ==, "300 Ω");

  gtk_drop_down_set_selected (window->headphone_dropdown, GTK_INVALID_LIST_POSITION);
  assert_row_applicable (window, "headphone_z_row", FALSE);
  destroy_window (GTK_WINDOW (window));

  /* Headphones restored from the last run apply at once. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autofree char *headphone_id = NULL;

    window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
    g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-660s"));
    destroy_window (GTK_WINDOW (window));
    headphone_id = g_settings_get_string (settings, "headphone-id");
    g_assert_cmpstr (headphone_id, ==, "sennheiser-hd-660s");
    window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
    gtk_window_present (GTK_WINDOW (window));
    spin_main_loop (100);
    assert_row_applicable (window, "headphone_z_row", TRUE);
    destroy_window (GTK_WINDOW (window));
  }
}

static GtkLabel *
row_title_label (HrSliderRow *row)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (row), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "title"))
      return g_ptr_array_index (labels, i);
  g_assert_not_reached ();
}

/* A title breaks between words, after a hyphen or at a soft hyphen,
 * never elsewhere inside a word nor at a no-break space ("1 kHz"); and
 * each line fits the label. Returns the number of lines. */
static guint
assert_breaks_between_words (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  const char *text = pango_layout_get_text (layout);
  int width = gtk_widget_get_width (GTK_WIDGET (label));
  guint n_lines = 0;

  g_test_message ("“%s”, %d px wide, %d lines", text, width, pango_layout_get_line_count (layout));
  for (GSList *l = pango_layout_get_lines_readonly (layout); l != NULL; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      PangoRectangle logical;

      n_lines++;
      pango_layout_line_get_pixel_extents (line, NULL, &logical);
      g_assert_cmpint (logical.width, <=, width);
      if (line->start_index > 0)
        {
          gunichar before = g_utf8_get_char (g_utf8_prev_char (text + line->start_index));

          g_test_message ("  line %u starts at “%s”", n_lines, text + line->start_index);
          g_assert_true ((g_unichar_isspace (before) && before != 0x00A0) || before == '-' || before == 0x00AD);
        }
    }
  return n_lines;
}

static void
test_slider_titles (void)
{
  const char *language = g_getenv ("LANGUAGE");
  HrWindow *window = new_window (1024, 700);
  guint n_lines = 0;

  /* The German run must be German, or it tests the English words again. */
  if (language != NULL && g_str_has_prefix (language, "de"))
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (window->zout_row)), ==,
                     "Ausgangsimpedanz");
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  spin_main_loop (300);
  /* The default size counts the frame that GTK draws around the window. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 1024);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >=, 1000);
  /* The sidebar, however wide its words make it, still fits beside the
   * charts at 1024 px. */
  g_assert_false (adw_flap_get_folded (window->flap));

  for (guint i = 0; i < G_N_ELEMENTS (slider_rows); i++)
    {
      HrSliderRow *row = hr_window_get_slider_row (window, slider_rows[i]);

      n_lines += assert_breaks_between_words (row_title_label (row));
    }
  g_assert_cmpuint (n_lines, >=, G_N_ELEMENTS (slider_rows));
  destroy_window (GTK_WINDOW (window));
}

/* On a short window, with two pins and a long verdict, the charts keep
 * a readable height and the page scrolls, rather than squash each plot
 * into a strip; one large chart asks for less. */
static void
test_charts_keep_their_height (void)
{
  HrWindow *window = new_window (1024, 700);
  GtkWidget *chart = GTK_WIDGET (window->chart);
  GtkWidget *scrolled = gtk_widget_get_ancestor (chart, GTK_TYPE_SCROLLED_WINDOW);
  g_autoptr(GError) error = NULL;

  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_true (hr_window_pin (window, &error));
  g_assert_no_error (error);
  g_assert_true (hr_window_select_headphone (window, "beyerdynamic-dt-880-32"));
  g_assert_true (hr_window_pin (window, &error));
  spin_main_loop (300);

  g_assert_nonnull (scrolled);
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 2 * 200 + 40);
  g_assert_cmpint (gtk_widget_get_height (scrolled), <, 700);

  g_object_set (window, "chart-view", "spl", NULL);
  spin_main_loop (300);
  g_assert_cmpint (gtk_widget_get_height (chart), >=, 200 + 40);
  destroy_window (GTK_WINDOW (window));
}

/* The swatch as drawn now: the centre pixel of a fresh snapshot. */
static void
swatch_pixel (GtkWidget *swatch,
              guint8     rgb[3])
{
  int width;
  int height;
  g_autofree guint8 *pixels = render_widget_pixels (swatch, &width, &height);
  const guint8 *centre = pixels + (height / 2) * width * 4 + (width / 2) * 4;

  g_assert_cmpint (width, >, 2);
  g_assert_cmpint (height, >, 2);
  /* Cairo's ARGB32, premultiplied; the swatch is opaque. */
  g_assert_cmpuint (centre[3], ==, 255);
  rgb[0] = centre[2];
  rgb[1] = centre[1];
  rgb[2] = centre[0];
}

static void
assert_swatch_is (GtkWidget    *swatch,
                  HrChartColor  expected)
{
  guint8 rgb[3];

  swatch_pixel (swatch, rgb);
  g_test_message ("swatch #%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  g_assert_cmpint (abs (rgb[0] - (int) round (expected.red * 255)), <=, 1);
  g_assert_cmpint (abs (rgb[1] - (int) round (expected.green * 255)), <=, 1);
  g_assert_cmpint (abs (rgb[2] - (int) round (expected.blue * 255)), <=, 1);
}

static void
test_pin_swatch_follows_style (void)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  HrWindow *window = new_window (1280, 800);
  HrChartView *view = hr_window_get_chart_view (window);
  HrChartColor light;
  HrChartColor dark;
  HrPinChip *chip;
  GtkWidget *swatch;
  guint slot;

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  /* Every pin: the last slots are the ones whose colour differs between
   * the light and the dark palette (black and yellow). */
  for (guint i = 0; i < HR_PIN_MAX; i++)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.pin", NULL));
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, HR_PIN_MAX);
  spin_main_loop (300);

  chip = hr_window_get_pin_chip (window, HR_PIN_MAX - 1);
  slot = hr_chart_trace_get_slot (hr_pin_chip_get_pin (chip)->trace);
  light = hr_chart_slot_color (HR_CHART_THEME_LIGHT, slot);
  dark = hr_chart_slot_color (HR_CHART_THEME_DARK, slot);
  g_assert_false (light.red == dark.red && light.green == dark.green && light.blue == dark.blue);
  swatch = gtk_widget_get_first_child (GTK_WIDGET (chip));
  g_assert_true (GTK_IS_DRAWING_AREA (swatch));
  assert_swatch_is (swatch, light);

  /* The switch happens while the chips exist: they are not rebuilt. */
  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_DARK);
  spin_main_loop (300);
  g_assert_true (adw_style_manager_get_dark (style_manager));
  g_assert_true (hr_chart_view_get_theme (view) == HR_CHART_THEME_DARK);
  g_assert_true (hr_window_get_pin_chip (window, HR_PIN_MAX - 1) == chip);
  assert_swatch_is (swatch, dark);
  /* The chart draws this pin's traces in the same colour. */
  g_assert_true (hr_chart_slot_color (hr_chart_view_get_theme (view), slot).red == dark.red);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  spin_main_loop (300);
  assert_swatch_is (swatch, light);

  adw_style_manager_set_color_scheme (style_manager, ADW_COLOR_SCHEME_DEFAULT);
  destroy_window (GTK_WINDOW (window));
}

/* The application as the desktop starts it: g_application_run(), which
 * registers it on the session bus where there is one, activates it and,
 * at the end, shuts it down and leaves the bus. A test's @body runs from
 * an idle once the window is up; the application must then be gone for
 * good, or the next one could not register on the bus. Not unique, so
 * that it takes no bus name. */
typedef void (*ApplicationBody) (HrApplication *application,
                                 HrWindow      *window);

static gboolean
run_body (gpointer data)
{
  ApplicationBody body = data;
  GApplication *application = g_application_get_default ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GList *windows;

  g_assert_true (HR_IS_WINDOW (window));
  spin_main_loop (200);
  body (HR_APPLICATION (application), HR_WINDOW (window));

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (application))) != NULL)
    gtk_window_destroy (windows->data);
  spin_main_loop (100);
  g_application_quit (application);
  return G_SOURCE_REMOVE;
}

static void
on_activate (GApplication   *application,
             ApplicationBody body)
{
  g_idle_add (run_body, body);
}

static void
run_application (ApplicationBody body)
{
  HrApplication *application = hr_application_new ();

  reset_settings ();
  g_application_set_flags (G_APPLICATION (application), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (application, "activate", G_CALLBACK (on_activate), body);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), 0, NULL), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (application), (gpointer *) &application);
  g_object_unref (application);
  g_assert_null (application);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* GTK's own */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type))
        return toplevel;
    }
  return NULL;
}

static void
about_window_body (HrApplication *application,
                   HrWindow      *window)
{
  GtkWindow *about;
  g_autofree char *comments = NULL;

  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (application), "about", NULL);
  spin_main_loop (200);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (about)));
  g_assert_true (gtk_window_get_transient_for (about) == GTK_WINDOW (window));
  g_assert_cmpstr (adw_about_window_get_application_name (ADW_ABOUT_WINDOW (about)), ==, _("Headroom"));
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_object_get (about, "comments", &comments, NULL);
  g_assert_nonnull (strstr (comments, "headphones"));

  /* Closed, it is gone, and the main window stays. */
  gtk_window_close (about);
  spin_main_loop (200);
  g_assert_null (find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

static void
test_about_window (void)
{
  run_application (about_window_body);
}

/* The actions of @model's items in order, sections and submenus walked
 * into, with the label of each in @labels. */
static void
collect_menu_actions (GMenuModel *model,
                      GPtrArray  *actions,
                      GPtrArray  *labels)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autoptr(GMenuLinkIter) links = g_menu_model_iterate_item_links (model, i);
      char *action = NULL;
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
        {
          g_ptr_array_add (actions, action);
          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label));
          g_ptr_array_add (labels, label);
        }
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) linked = g_menu_link_iter_get_value (links);

          collect_menu_actions (linked, actions, labels);
        }
    }
}

static GMenuModel *
primary_menu (HrWindow *window)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_menu_button_get_primary (g_ptr_array_index (buttons, i)))
      return gtk_menu_button_get_menu_model (g_ptr_array_index (buttons, i));
  return NULL;
}

/* F1 and the main menu's Help open the guide through app.help. The test
 * does not activate it: that would start Yelp, or whatever shows help:
 * URIs on this machine. */
static void
help_action_body (HrApplication *application,
                  HrWindow      *window)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), "app.help");
  g_auto(GStrv) on_f1 = gtk_application_get_actions_for_accel (GTK_APPLICATION (application), "F1");
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GMenuModel *menu = primary_menu (window);
  guint help_index = G_MAXUINT;
  guint shortcuts_index = G_MAXUINT;
  guint about_index = G_MAXUINT;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (application), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (application), "help"));
  g_assert_null (g_action_group_get_action_parameter_type (G_ACTION_GROUP (application), "help"));
  g_assert_cmpuint (g_strv_length (accels), ==, 1);
  g_assert_cmpstr (accels[0], ==, "F1");
  g_assert_true (g_strv_contains ((const char *const *) on_f1, "app.help"));

  /* The main menu has it, before the shortcuts and About. */
  g_assert_nonnull (menu);
  collect_menu_actions (menu, actions, labels);
  for (guint i = 0; i < actions->len; i++)
    {
      const char *action = g_ptr_array_index (actions, i);

      if (g_str_equal (action, "app.help"))
        {
          g_assert_cmpuint (help_index, ==, G_MAXUINT);
          help_index = i;
          g_assert_cmpstr (g_ptr_array_index (labels, i), ==, _("_Help"));
        }
      else if (g_str_equal (action, "win.show-help-overlay"))
        shortcuts_index = i;
      else if (g_str_equal (action, "app.about"))
        about_index = i;
    }
  g_assert_cmpuint (help_index, <, shortcuts_index);
  g_assert_cmpuint (shortcuts_index, <, about_index);
  g_assert_cmpuint (about_index, <, actions->len);
}

static void
test_help_action (void)
{
  run_application (help_action_body);
}

/* The keys @accelerator names, folded as GTK matches them: Ctrl+Shift+F
 * is bound as Shift and "F" and listed as Shift and "f". */
static char *
dup_normalized_accelerator (const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType modifiers = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  return gtk_accelerator_name (gdk_keyval_to_lower (keyval), modifiers);
}

/* What the window and the application bind: the window class's
 * shortcuts and the application's accelerators. */
static GHashTable *
dup_bound_accelerators (HrApplication *application,
                        HrWindow      *window)
{
  GHashTable *bound = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (application));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger))
            g_hash_table_add (bound,
                              gtk_accelerator_name (gdk_keyval_to_lower (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))),
                                                    gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (application), actions[i]);

      for (guint j = 0; accels[j] != NULL; j++)
        g_hash_table_add (bound, dup_normalized_accelerator (accels[j]));
    }
  return bound;
}

static void
shortcuts_window_body (HrApplication *application,
                       HrWindow      *window)
{
  static const char *const expected[] = {
    "<Control>p", "<Control>e", "<Control>f", "<Control><Shift>f", "<Control>q", "F1",
  };
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) bound = dup_bound_accelerators (application, window);
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();
  GtkWindow *overlay;
  GHashTableIter iter;
  const char *accelerator;

  overlay = GTK_WINDOW (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  spin_main_loop (200);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (overlay)));
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));

  collect_widgets (GTK_WIDGET (overlay), GTK_TYPE_SHORTCUTS_SHORTCUT, shortcuts);
  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *listed_accelerator = NULL;

      g_object_get (g_ptr_array_index (shortcuts, i), "title", &title, "accelerator", &listed_accelerator, NULL);
      g_test_message ("%s: %s", listed_accelerator, title);
      g_assert_nonnull (title);
      g_assert_cmpstr (title, !=, "");
      g_hash_table_add (listed, dup_normalized_accelerator (listed_accelerator));
    }

  /* The ones the README names are listed… */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *normalized = dup_normalized_accelerator (expected[i]);

      g_test_message ("expected %s", normalized);
      g_assert_true (g_hash_table_contains (listed, normalized));
    }
  /* …and nothing listed is a shortcut that does nothing. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &accelerator, NULL))
    {
      g_test_message ("listed %s", accelerator);
      g_assert_true (g_hash_table_contains (bound, accelerator));
    }

  gtk_window_close (overlay);
  spin_main_loop (200);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
}

static void
test_shortcuts_window (void)
{
  run_application (shortcuts_window_body);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *presets_dir = NULL;
  g_autofree char *data_home = NULL;
  const char *localedir = g_getenv ("HEADROOM_LOCALEDIR");
  int status;

  /* The application reads the user's presets: none of the real user's. */
  data_home = g_dir_make_tmp ("headroom-test-ui-windows-XXXXXX", NULL);
  g_assert_nonnull (data_home);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  /* As main.c does, so that LANGUAGE=de reads the catalog in the build
   * directory; before gtk_test_init(), which keeps GTK from calling
   * setlocale() itself. */
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* The application's style sheet, which AdwApplication loads from the
   * resource base path and a bare window does not: the sizes tested
   * here depend on it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/headroom/Headroom/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  presets_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);
  db = hr_preset_db_new (g_getenv ("HEADROOM_PRESETS_DIR") != NULL ? g_getenv ("HEADROOM_PRESETS_DIR") : presets_dir,
                         "/nonexistent/headroom-test/presets.json");

  g_test_add_func ("/ui-windows/dropdown-placeholder", test_dropdown_placeholder);
  g_test_add_func ("/ui-windows/rows-wait-for-presets", test_rows_wait_for_presets);
  g_test_add_func ("/ui-windows/slider-titles", test_slider_titles);
  g_test_add_func ("/ui-windows/charts-keep-their-height", test_charts_keep_their_height);
  g_test_add_func ("/ui-windows/pin-swatch-follows-style", test_pin_swatch_follows_style);
  g_test_add_func ("/ui-windows/about", test_about_window);
  g_test_add_func ("/ui-windows/help", test_help_action);
  g_test_add_func ("/ui-windows/shortcuts", test_shortcuts_window);

  status = g_test_run ();
  g_clear_object (&db);
  g_rmdir (data_home);
  return status;
}
