/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-use"

#include "config.h"

#include <math.h>
#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "hr-window-private.h"
#include "hr-tooltip.h"
#include "test-ui-input.h"
#include "test-widgets.h"

/* The window as a new user met it in half an hour of use: an interface
 * and studio headphones, a mixer of their own, the keyboard alone, a
 * narrow window, an export for a forum. Each test drives the window the
 * way the user did and failed before its fix. GTK criticals and warnings
 * are fatal here (G_DEBUG=fatal-warnings, tests/meson.build). */

static HrPresetDb *db;

static const char *const reset_keys[] = {
  "source-id", "output-id", "headphone-id", "level-db-spl", "cable-ohm",
  "adapter-series-ohm", "adapter-shunt-ohm", "chart-view", "pins", "pinned",
  "zout-ohm", "headphone-z-ohm", "window-width", "window-height", "window-maximized",
};

static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  for (guint i = 0; i < G_N_ELEMENTS (reset_keys); i++)
    g_settings_reset (settings, reset_keys[i]);
}

static void
spin_main_loop (guint ms)
{
  gint64 end_us = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, FALSE);
}

static HrWindow *
new_window (void)
{
  HrWindow *window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);

  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop (200);
  return window;
}

static void
destroy_window (HrWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_main_loop (100);
}

/* Brings @chip into view in the pins' row, as the user would scroll it
 * before clicking: a click off the row's end would land elsewhere. */
static void
reveal_chip (HrWindow  *window,
             HrPinChip *chip)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (window->pins_scroller);
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (chip), GTK_WIDGET (window->pins_box), &bounds));
  gtk_adjustment_clamp_page (adjustment, bounds.origin.x, bounds.origin.x + bounds.size.width);
  spin_main_loop (100);
}

static void
click_pin_name (HrWindow  *window,
                HrPinChip *chip)
{
  reveal_chip (window, chip);
  input_click_widget (hr_pin_chip_get_name_button (chip));
}

static gboolean
focus_is_in (GtkWindow *window,
             GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* Pin, click the pin's name (its field takes the focus and edits), pin
 * again: the chips were rebuilt under the field being edited, and GTK
 * crashed in its focus controller, 3 times in 5. Repeated, to be sure,
 * with the mouse and Ctrl+P as the user did. */
static void
test_pin_while_renaming (void)
{
  HrWindow *window;

  reset_settings ();
  window = new_window ();
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  spin_main_loop (100);
  input_focus_window (GTK_WINDOW (window));

  for (guint round = 0; round < 4; round++)
    {
      HrPinChip *chip;

      input_key (GTK_WIDGET (window), XK_p, GDK_CONTROL_MASK);
      spin_main_loop (100);
      g_assert_cmpuint (hr_window_get_pins (window)->len, ==, round + 1);
      chip = hr_window_get_pin_chip (window, round);
      g_assert_nonnull (chip);
      /* A click on the name: its entry takes the focus. */
      click_pin_name (window, chip);
      g_assert_true (hr_pin_chip_get_editing (chip));
      g_assert_true (focus_is_in (GTK_WINDOW (window), GTK_WIDGET (hr_pin_chip_get_name_entry (chip))));

      /* Pin again while the name is being edited; then remove that pin,
       * the other way the row of chips changes. */
      input_key (GTK_WIDGET (window), XK_p, GDK_CONTROL_MASK);
      spin_main_loop (100);
      g_assert_cmpuint (hr_window_get_pins (window)->len, ==, round + 2);
      hr_window_remove_pin (window, hr_window_get_pins (window)->len - 1);
      spin_main_loop (50);
    }
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 4);

  /* The pin whose name is being edited removed: the edit ends, the
   * focus goes to its neighbour, and the other names stay as they were. */
  click_pin_name (window, hr_window_get_pin_chip (window, 1));
  gtk_editable_set_text (hr_pin_chip_get_name_entry (hr_window_get_pin_chip (window, 1)), "half typed");
  hr_window_remove_pin (window, 1);
  spin_main_loop (150);
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_null (strstr (((HrPin *) g_ptr_array_index (hr_window_get_pins (window), i))->name, "half typed"));
  g_assert_true (focus_is_in (GTK_WINDOW (window), GTK_WIDGET (hr_window_get_pin_chip (window, 1))));

  /* And closed while a name is being edited. */
  click_pin_name (window, hr_window_get_pin_chip (window, 0));
  g_assert_true (hr_pin_chip_get_editing (hr_window_get_pin_chip (window, 0)));
  destroy_window (window);
}

static HrWindow *
window_with_pair (void)
{
  HrWindow *window;

  reset_settings ();
  window = new_window ();
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  spin_main_loop (100);
  return window;
}

static void
type_into_row (HrWindow   *window,
               const char *name,
               const char *text)
{
  GtkEditable *entry = hr_slider_row_get_entry (hr_window_get_slider_row (window, name));

  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "activate");
}

static HrPin *
pin_at (HrWindow *window,
        guint     index)
{
  g_assert_cmpuint (index, <, hr_window_get_pins (window)->len);
  return g_ptr_array_index (hr_window_get_pins (window), index);
}

/* A pin is named for what differs from the gear's own figures, so that
 * pins of one pair at other settings are told apart without renaming. */
static void
test_pin_names (void)
{
  HrWindow *window = window_with_pair ();

  g_assert_true (hr_window_pin (window, NULL));
  g_assert_cmpstr (pin_at (window, 0)->name, ==, "HD 650 on Fireface 800 · Line out");
  type_into_row (window, "zout_row", "300");
  g_assert_true (hr_window_pin (window, NULL));
  g_assert_cmpstr (pin_at (window, 1)->name, ==, "HD 650 on Fireface 800 · Line out (Zout 300 Ω)");
  type_into_row (window, "cable_row", "0.5");
  g_assert_true (hr_window_pin (window, NULL));
  g_assert_cmpstr (pin_at (window, 2)->name, ==, "HD 650 on Fireface 800 · Line out (Zout 300 Ω, cable 0.5 Ω)");
  /* The same again at another level: the level tells them apart. */
  type_into_row (window, "level_row", "100");
  g_assert_true (hr_window_pin (window, NULL));
  g_assert_cmpstr (pin_at (window, 3)->name, ==,
                   "HD 650 on Fireface 800 · Line out (Zout 300 Ω, cable 0.5 Ω) at 100.0 dB SPL");
  destroy_window (window);
}

/* A colour stays with its configuration: removing one pin repaints none
 * of the others, now or after a restart, and a new pin takes the colour
 * that was freed. */
static void
test_pin_colours_stay (void)
{
  HrWindow *window = window_with_pair ();
  guint slots[3];

  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (hr_window_pin (window, NULL));
      slots[i] = hr_chart_trace_get_slot (pin_at (window, i)->trace);
    }
  g_assert_cmpuint (slots[0], !=, slots[1]);
  g_assert_cmpuint (slots[1], !=, slots[2]);

  hr_window_remove_pin (window, 0);
  g_assert_cmpuint (hr_chart_trace_get_slot (pin_at (window, 0)->trace), ==, slots[1]);
  g_assert_cmpuint (hr_chart_trace_get_slot (pin_at (window, 1)->trace), ==, slots[2]);
  destroy_window (window);

  window = new_window ();
  g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 2);
  g_assert_cmpuint (hr_chart_trace_get_slot (pin_at (window, 0)->trace), ==, slots[1]);
  g_assert_cmpuint (hr_chart_trace_get_slot (pin_at (window, 1)->trace), ==, slots[2]);
  g_assert_true (hr_window_pin (window, NULL));
  g_assert_cmpuint (hr_chart_trace_get_slot (pin_at (window, 2)->trace), ==, slots[0]);
  destroy_window (window);
}

/* At the limit, Pin is greyed out and its tooltip says why. */
static void
test_pin_limit_explained (void)
{
  HrWindow *window = window_with_pair ();
  g_autofree char *limit = g_strdup_printf ("At most %u configurations", (guint) HR_PIN_MAX);

  for (guint i = 0; i < HR_PIN_MAX; i++)
    g_assert_true (hr_window_pin (window, NULL));
  g_assert_false (gtk_widget_get_sensitive (window->pin_button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (window->pin_button), limit));
  hr_window_remove_pin (window, 0);
  g_assert_true (gtk_widget_get_sensitive (window->pin_button));
  g_assert_null (strstr (gtk_widget_get_tooltip_text (window->pin_button), limit));
  destroy_window (window);
}

/* Renames pin @index through its chip, as the user does: a click on the
 * name, the new name typed, Enter. */
static void
rename_pin (HrWindow   *window,
            guint       index,
            const char *name)
{
  HrPinChip *chip = hr_window_get_pin_chip (window, index);
  GtkEditable *entry = hr_pin_chip_get_name_entry (chip);

  click_pin_name (window, chip);
  g_assert_true (hr_pin_chip_get_editing (chip));
  gtk_editable_set_text (entry, name);
  input_key (GTK_WIDGET (window), XK_Return, 0);
  g_assert_false (hr_pin_chip_get_editing (chip));
  g_assert_cmpstr (pin_at (window, index)->name, ==, name);
}

/* Seven pins with long names take one row that scrolls, and the charts
 * keep their room: the SPL chart's plot was a 50 px strip. The row says
 * how many there are, and a pin added past its end is scrolled to. */
static void
test_seven_long_pins (void)
{
  HrWindow *window = window_with_pair ();
  GtkAdjustment *row = gtk_scrolled_window_get_hadjustment (window->pins_scroller);
  HrChartAxes axes;
  int width;
  int height;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin_main_loop (100);
  input_focus_window (GTK_WINDOW (window));
  for (guint i = 0; i < HR_PIN_MAX; i++)
    {
      g_autofree char *name = g_strdup_printf ("A pin with a long name to see whether it fits, number %u", i);
      g_autofree char *count = g_strdup_printf ("%u of %u", i + 1, (guint) HR_PIN_MAX);

      type_into_row (window, "level_row", i % 2 ? "95" : "85");
      input_key (GTK_WIDGET (window), XK_p, GDK_CONTROL_MASK);
      spin_main_loop (150);
      g_assert_cmpuint (hr_window_get_pins (window)->len, ==, i + 1);
      g_assert_cmpstr (gtk_label_get_text (window->pins_count), ==, count);
      /* The new pin is in view, where the row shows it. */
      {
        graphene_rect_t chip;

        g_assert_true (gtk_widget_compute_bounds (GTK_WIDGET (hr_window_get_pin_chip (window, i)),
                                                  GTK_WIDGET (window->pins_scroller), &chip));
        g_assert_cmpfloat (chip.origin.x, >=, 0.0);
        g_assert_cmpfloat (chip.origin.x + chip.size.width, <=, gtk_widget_get_width (GTK_WIDGET (window->pins_scroller)));
      }
      rename_pin (window, i, name);
    }
  spin_main_loop (300);

  /* One row of chips, in view at the foot of the window without
   * scrolling the page; the row scrolls to show them all. */
  g_assert_cmpint (gtk_widget_get_height (window->pins_bar), <, 70);
  {
    graphene_rect_t bar;

    g_assert_true (gtk_widget_compute_bounds (window->pins_bar, GTK_WIDGET (window), &bar));
    g_assert_cmpfloat (bar.origin.y + bar.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
    g_assert_cmpfloat (bar.origin.y, >, gtk_widget_get_height (GTK_WIDGET (window)) / 2.0);
  }
  g_assert_cmpfloat (gtk_adjustment_get_upper (row), >, gtk_adjustment_get_page_size (row) * 1.5);
  width = gtk_widget_get_width (GTK_WIDGET (window->chart));
  height = gtk_widget_get_height (GTK_WIDGET (window->chart));
  g_assert_true (hr_chart_view_get_axes (hr_window_get_chart_view (window), HR_CHART_SPL, width, height, &axes));
  g_test_message ("SPL plot: %g px high in a %d × %d chart; pins' row %g of %g px in view",
                  axes.plot.height, width, height, gtk_adjustment_get_page_size (row), gtk_adjustment_get_upper (row));
  g_assert_cmpfloat (axes.plot.height, >=, 100.0);
  destroy_window (window);
}

/* @widget as the screen shows it: its pixels, with its size before them. */
static GBytes *
render_widget (GtkWidget *widget)
{
  int size[2];
  g_autofree guint8 *pixels = render_widget_pixels (widget, &size[0], &size[1]);
  GByteArray *drawn = g_byte_array_new ();

  g_byte_array_append (drawn, (const guint8 *) size, sizeof size);
  g_byte_array_append (drawn, pixels, (guint) size[0] * size[1] * 4);
  return g_byte_array_free_to_bytes (drawn);
}

/* Pins of one pair at other settings are told apart on their chips, not
 * only in their tooltips: the names share their start and differ at the
 * end, and chips cut at the end all read "HD 650 on Fireface 800 · L…". */
static void
test_pin_chips_told_apart (void)
{
  HrWindow *window = window_with_pair ();
  const char *const settings[][2] = {
    { "zout_row", "300" }, { "cable_row", "0.5" }, { "level_row", "100" },
  };
  GBytes *drawn[G_N_ELEMENTS (settings) + 1];

  g_assert_true (hr_window_pin (window, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      type_into_row (window, settings[i][0], settings[i][1]);
      g_assert_true (hr_window_pin (window, NULL));
    }
  spin_main_loop (200);
  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    {
      GtkWidget *name = hr_pin_chip_get_name_button (hr_window_get_pin_chip (window, i));

      g_test_message ("pin %u: %s, %d px", i, pin_at (window, i)->name, gtk_widget_get_width (name));
      drawn[i] = render_widget (name);
    }
  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    for (guint j = i + 1; j < G_N_ELEMENTS (drawn); j++)
      if (g_bytes_equal (drawn[i], drawn[j]))
        g_error ("the chips of “%s” and “%s” look the same", pin_at (window, i)->name, pin_at (window, j)->name);
  for (guint i = 0; i < G_N_ELEMENTS (drawn); i++)
    g_bytes_unref (drawn[i]);
  destroy_window (window);
}

/* A pin's name says that it can be edited: a pencil shows while the
 * pointer is on it or it has the keyboard focus, and not otherwise. */
static void
test_pin_edit_hint (void)
{
  HrWindow *window = window_with_pair ();
  HrPinChip *chip;
  GtkWidget *name;

  g_assert_true (hr_window_pin (window, NULL));
  spin_main_loop (100);
  chip = hr_window_get_pin_chip (window, 0);
  name = hr_pin_chip_get_name_button (chip);
  input_focus_window (GTK_WINDOW (window));
  g_assert_false (hr_pin_chip_get_edit_hint_shown (chip));

  input_pointer_to (name, gtk_widget_get_width (name) / 2.0, gtk_widget_get_height (name) / 2.0, 100);
  g_assert_true (hr_pin_chip_get_edit_hint_shown (chip));
  input_pointer_to (GTK_WIDGET (window->chart), 10, 10, 100);
  g_assert_false (hr_pin_chip_get_edit_hint_shown (chip));

  gtk_widget_grab_focus (name);
  spin_main_loop (50);
  g_assert_true (hr_pin_chip_get_edit_hint_shown (chip));
  gtk_widget_grab_focus (window->pin_button);
  spin_main_loop (50);
  g_assert_false (hr_pin_chip_get_edit_hint_shown (chip));
  destroy_window (window);
}

/* The first start: nothing chosen yet, so the title names nothing; it
 * named gear the user never chose while the page said "Choose
 * Headphones". */
static void
test_first_launch_title (void)
{
  HrWindow *window;

  reset_settings ();
  window = new_window ();
  g_assert_cmpstr (hr_window_get_content_page (window), ==, "empty");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Headroom");
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), !=, "Headroom");
  destroy_window (window);
}

/* Ctrl+F opens the headphones' list with the focus in its search entry,
 * so that typing searches; it was on the first item, where typing did
 * nothing. Typed as keys. */
static void
test_search_takes_focus (void)
{
  HrWindow *window;
  GtkWidget *focus;
  GtkWidget *search;
  GtkWidget *list;

  reset_settings ();
  window = new_window ();
  input_focus_window (GTK_WINDOW (window));
  input_key (GTK_WIDGET (window), XK_f, GDK_CONTROL_MASK);
  spin_main_loop (300);
  search = find_descendant (GTK_WIDGET (window->headphone_dropdown), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (search);
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == search || gtk_widget_is_ancestor (focus, search));

  /* What is typed goes into it and filters the list. */
  input_type (focus, "650");
  spin_main_loop (300);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "650");
  list = find_descendant (GTK_WIDGET (window->headphone_dropdown), GTK_TYPE_LIST_VIEW);
  g_assert_nonnull (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))), ==, 1);
  /* Closed before the window goes, so that the popover lets go of the
   * keyboard grab it holds on the X server. */
  gtk_popover_popdown (GTK_POPOVER (find_descendant (GTK_WIDGET (window->headphone_dropdown), GTK_TYPE_POPOVER)));
  spin_main_loop (200);
  destroy_window (window);
}

/* The output impedance from the keyboard: an arrow is a third of an
 * octave, Page Up a decade. Three arrows moved 0.01 Ω to 0.0106 Ω, and
 * 100 Ω took about 60 Page Ups. Real keys. */
static void
test_zout_keyboard_steps (void)
{
  HrWindow *window = window_with_pair ();
  HrSliderRow *row = hr_window_get_slider_row (window, "zout_row");

  type_into_row (window, "zout_row", "10");
  input_focus_window (GTK_WINDOW (window));
  g_assert_true (gtk_widget_grab_focus (hr_slider_row_get_scale (row)));
  spin_main_loop (100);
  for (guint i = 0; i < 3; i++)
    input_key (GTK_WIDGET (window), XK_Right, 0);
  spin_main_loop (100);
  /* 10 Ω × 2 = 20 Ω, to the three digits the row keeps. */
  g_assert_cmpfloat_with_epsilon (hr_slider_row_get_value (row), 20.0, 0.05);
  input_key (GTK_WIDGET (window), XK_Page_Up, 0);
  spin_main_loop (100);
  g_assert_cmpfloat_with_epsilon (hr_slider_row_get_value (row), 200.0, 0.5);
  input_key (GTK_WIDGET (window), XK_Page_Down, 0);
  input_key (GTK_WIDGET (window), XK_Page_Down, 0);
  spin_main_loop (100);
  g_assert_cmpfloat_with_epsilon (hr_slider_row_get_value (row), 2.0, 0.01);
  g_assert_cmpfloat_with_epsilon (hr_scenario_get_zout_ohm (hr_window_get_scenario (window)), 2.0, 0.01);
  destroy_window (window);
}

/* The value and its unit fit in the box beside the slider: "0.0102 Ω"
 * lost its Ω. */
/* The SPL chart's card said the level at the pointer, not how loud it
 * could go there before it clips, which is what the chart is for. */
static void
test_hover_spl_ceiling (void)
{
  HrWindow *window = window_with_pair ();
  GtkWidget *chart = GTK_WIDGET (window->chart);
  GtkEventController *motion = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (chart);
  g_autofree char *readout = NULL;
  HrChartAxes axes;

  g_assert_true (hr_chart_view_get_axes (hr_window_get_chart_view (window), HR_CHART_SPL,
                                         gtk_widget_get_width (chart), gtk_widget_get_height (chart), &axes));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_MOTION (controller))
        motion = controller;
    }
  g_assert_nonnull (motion);
  g_assert_null (hr_chart_widget_dup_readout (window->chart));
  g_signal_emit_by_name (motion, "motion", hr_chart_axes_freq_to_x (&axes, 1000.0),
                         axes.plot.y + axes.plot.height / 2);
  readout = hr_chart_widget_dup_readout (window->chart);
  g_test_message ("%s", readout);
  g_assert_nonnull (readout);
  g_assert_true (g_str_has_prefix (readout, "SPL and clipping at 1 kHz\n"));
  /* A line out of 1.23 V into 300 Ω: a voltage ceiling, well above the
   * level the user listens at. */
  g_assert_nonnull (strstr (readout, "dB SPL, clean to "));
  g_assert_nonnull (strstr (readout, "dB SPL (voltage limit)"));
  g_signal_emit_by_name (motion, "leave");
  g_assert_null (hr_chart_widget_dup_readout (window->chart));

  /* An interface's headphone out into 18 Ω planars: its current runs out
   * first, and the card says so. */
  g_assert_true (hr_window_select_source (window, "audient-id14-mkii", "headphone"));
  g_assert_true (hr_window_select_headphone (window, "audeze-lcd-x"));
  spin_main_loop (100);
  g_assert_true (hr_chart_view_get_axes (hr_window_get_chart_view (window), HR_CHART_SPL,
                                         gtk_widget_get_width (chart), gtk_widget_get_height (chart), &axes));
  g_signal_emit_by_name (motion, "motion", hr_chart_axes_freq_to_x (&axes, 1000.0),
                         axes.plot.y + axes.plot.height / 2);
  g_free (readout);
  readout = hr_chart_widget_dup_readout (window->chart);
  g_test_message ("%s", readout);
  g_assert_nonnull (readout);
  g_assert_nonnull (strstr (readout, "dB SPL (current limit)"));
  g_signal_emit_by_name (motion, "leave");
  destroy_window (window);
}

/* Presses @keys (to a 0), then says what the charts' card says. */
static char *
readout_after_keys (HrWindow     *window,
                    const KeySym *keys)
{
  for (guint i = 0; keys != NULL && keys[i] != 0; i++)
    input_key (GTK_WIDGET (window), keys[i], 0);
  spin_main_loop (100);
  return hr_chart_widget_dup_readout (window->chart);
}

/* What a screen reader reads of the charts is what the card says: their
 * accessible description follows the cursor, from the moment the focus
 * comes to them. */
static void
assert_charts_speak (HrWindow   *window,
                     const char *readout)
{
  char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (window->chart),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, readout);

  if (wrong != NULL)
    g_error ("the charts' description is “%s”, not the card's “%s”", wrong, readout);
}

/* The charts were for the pointer alone: with the keyboard, the values
 * could not be read at all. Real keys: the cursor moves by a twelfth of
 * an octave and by octaves, goes to the ends, and to the other charts;
 * a screen reader hears each place. */
static void
test_chart_keyboard_cursor (void)
{
  HrWindow *window = window_with_pair ();
  GtkWidget *chart = GTK_WIDGET (window->chart);
  char *readout;

  input_focus_window (GTK_WINDOW (window));
  /* Come to by Tab, as the keyboard does, from the control before. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (window->chart)));
  input_key (GTK_WIDGET (window), XK_Tab, GDK_SHIFT_MASK);
  g_assert_false (gtk_widget_has_focus (chart));
  input_key (GTK_WIDGET (window), XK_Tab, 0);
  g_assert_true (gtk_widget_has_focus (chart));
  readout = readout_after_keys (window, NULL);
  g_assert_true (g_str_has_prefix (readout, "SPL and clipping at 1 kHz\n"));
  g_assert_nonnull (strstr (readout, "HD 650 on Fireface 800"));
  assert_charts_speak (window, readout);
  g_free (readout);

  readout = readout_after_keys (window, (const KeySym[]) { XK_Right, XK_Right, XK_Right, XK_Right, XK_Right, XK_Right,
                                                           XK_Right, XK_Right, XK_Right, XK_Right, XK_Right, XK_Right, 0 });
  g_assert_true (g_str_has_prefix (readout, "SPL and clipping at 2 kHz\n"));
  assert_charts_speak (window, readout);
  g_free (readout);

  readout = readout_after_keys (window, (const KeySym[]) { XK_Page_Down, XK_Page_Down, XK_Down, 0 });
  g_assert_true (g_str_has_prefix (readout, "Frequency response change at 500 Hz\n"));
  g_assert_nonnull (strstr (readout, " dB"));
  g_free (readout);

  readout = readout_after_keys (window, (const KeySym[]) { XK_End, 0 });
  g_assert_true (g_str_has_prefix (readout, "Frequency response change at 20 kHz\n"));
  g_free (readout);

  /* Down from the last chart goes round to the first. */
  readout = readout_after_keys (window, (const KeySym[]) { XK_Home, XK_Down, XK_Down, 0 });
  g_assert_true (g_str_has_prefix (readout, "Current at 20 Hz\n"));
  g_assert_nonnull (strstr (readout, " mA"));
  g_free (readout);

  /* Without the focus, no card, and the description says how to have
   * one. */
  gtk_widget_grab_focus (GTK_WIDGET (window->headphone_dropdown));
  readout = readout_after_keys (window, NULL);
  g_assert_null (readout);
  assert_charts_speak (window, "Focus the charts and use the arrow keys to read their values");
  destroy_window (window);
}

/* The source figures' tooltip, three sources quoted in full, was one
 * line 1,400 px wide across the window. The pointer on the figures, as a
 * mouse puts it. */
static void
test_tooltip_wraps (void)
{
  HrWindow *window = window_with_pair ();
  GtkWidget *label = GTK_WIDGET (window->source_figures_label);
  GtkWidget *tooltip;
  int width;

  input_focus_window (GTK_WINDOW (window));
  g_assert_null (input_find_tooltip (GTK_WIDGET (window)));
  input_pointer_to (label, 10, gtk_widget_get_height (label) / 2.0, 1500);
  tooltip = input_find_tooltip (GTK_WIDGET (window));
  g_assert_nonnull (tooltip);
  width = gtk_widget_get_width (tooltip);
  g_test_message ("the figures' tooltip is %d px wide", width);
  g_assert_cmpint (width, >, 200);
  g_assert_cmpint (width, <, 640);
  g_assert_nonnull (strstr (hr_tooltip_get_text (label), "Output impedance: 75"));
  input_pointer_to (GTK_WIDGET (window), 1, 1, 100);
  destroy_window (window);
}

/* The list's items and search entry were covered by tooltips: the
 * dropdown's own ("Headphones (Ctrl+F)") and each item's, which repeated
 * names shown whole. Only a name cut short has one. */
static void
test_dropdown_tooltips (void)
{
  HrWindow *window = window_with_pair ();
  GtkWidget *dropdown = GTK_WIDGET (window->headphone_dropdown);
  GtkWidget *popover = find_descendant (dropdown, GTK_TYPE_POPOVER);
  GtkWidget *search;
  GtkWidget *list;
  GtkWidget *first_item;
  GtkWidget *cut = NULL;

  input_focus_window (GTK_WINDOW (window));
  input_key (GTK_WIDGET (window), XK_f, GDK_CONTROL_MASK);
  spin_main_loop (300);
  g_assert_true (gtk_widget_get_mapped (popover));
  search = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);
  input_pointer_to (search, 20, gtk_widget_get_height (search) / 2.0, 1500);
  g_assert_null (input_find_tooltip (popover));
  g_assert_null (input_find_tooltip (GTK_WIDGET (window)));

  list = find_descendant (popover, GTK_TYPE_LIST_VIEW);
  first_item = find_descendant (list, GTK_TYPE_LABEL);
  g_assert_nonnull (first_item);
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (first_item))));
  input_pointer_to (first_item, 20, gtk_widget_get_height (first_item) / 2.0, 1500);
  g_assert_null (input_find_tooltip (popover));
  g_assert_null (input_find_tooltip (GTK_WIDGET (window)));

  /* A name cut short still has its whole name in one. */
  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL && cut == NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *label = find_descendant (row, GTK_TYPE_LABEL);

      if (label != NULL && gtk_widget_get_mapped (label)
          && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
        cut = label;
    }
  g_assert_nonnull (cut);
  input_pointer_to (cut, 20, gtk_widget_get_height (cut) / 2.0, 1500);
  g_assert_true (input_find_tooltip (popover) != NULL || input_find_tooltip (GTK_WIDGET (window)) != NULL);

  gtk_popover_popdown (GTK_POPOVER (popover));
  spin_main_loop (200);
  /* The dropdown has its own again once the list is down. */
  g_assert_true (gtk_widget_get_has_tooltip (dropdown));
  destroy_window (window);
}

/* Every reason line stopped a Tab cycle (selectable labels take the
 * focus), and so did each slider's row besides its slider and its box:
 * Tab went through 37 stops before it came round. Real Tab keys, round
 * the whole window. Since then a reason's row is a stop on purpose, once
 * (its label still is not): focused, it shows its region on the charts. */
static void
test_tab_cycle (void)
{
  HrWindow *window = window_with_pair ();
  g_autoptr(GPtrArray) stops = g_ptr_array_new ();
  gboolean chart_reached = FALSE;

  input_focus_window (GTK_WINDOW (window));
  g_assert_true (gtk_widget_grab_focus (hr_slider_row_get_scale (hr_window_get_slider_row (window, "zout_row"))));
  spin_main_loop (100);
  for (guint i = 0; i < 80; i++)
    {
      GtkWidget *focus;

      input_key (GTK_WIDGET (window), XK_Tab, 0);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_nonnull (focus);
      g_assert_false (GTK_IS_LABEL (focus));
      if (focus == GTK_WIDGET (window->chart))
        chart_reached = TRUE;
      if (g_ptr_array_find (stops, focus, NULL))
        break;
      g_ptr_array_add (stops, focus);
    }
  g_test_message ("a Tab cycle has %u stops", stops->len);
  g_assert_true (chart_reached);
  /* The three reasons shown are one stop, the first one's row, and the
   * labels are none. */
  for (guint i = 0; i < 3; i++)
    {
      GtkWidget *row = hr_window_get_reason_row (window, i);

      g_assert_true (gtk_widget_get_visible (row));
      g_assert_true (g_ptr_array_find (stops, row, NULL) == (i == 0));
    }
  /* The header's six controls, the sidebar's six and two per slider,
   * the five chart buttons, the charts, and the reasons. */
  g_assert_cmpuint (stops->len, <=, 31);
  destroy_window (window);
}

/* The reasons from the keyboard, as a list: Tab comes to the first, Down
 * and Up go between them (each lighting up its own on the charts), Tab
 * leaves them for what follows, and Shift+Tab comes back to the last. */
static void
test_reasons_keyboard (void)
{
  HrWindow *window = window_with_pair ();
  GtkWidget *rows[3];
  GtkWidget *after;
  HrReasonRegion region;
  guint marker;

  for (guint i = 0; i < 3; i++)
    {
      rows[i] = hr_window_get_reason_row (window, i);
      g_assert_true (gtk_widget_get_visible (rows[i]));
    }
  input_focus_window (GTK_WINDOW (window));
  /* The control before the reasons in the Tab cycle, whichever it is. */
  g_assert_true (gtk_widget_grab_focus (rows[0]));
  input_key (GTK_WIDGET (window), XK_Tab, GDK_SHIFT_MASK);
  g_assert_false (focus_is_in (GTK_WINDOW (window), rows[0]));
  input_key (GTK_WIDGET (window), XK_Tab, 0);
  g_assert_true (gtk_widget_has_focus (rows[0]));
  g_assert_true (hr_chart_view_get_highlight (hr_window_get_chart_view (window), &region, &marker));
  g_assert_cmpuint (marker, ==, 1);

  /* The second (the current limit is not known) is on no chart. */
  input_key (GTK_WIDGET (window), XK_Down, 0);
  g_assert_true (gtk_widget_has_focus (rows[1]));
  g_assert_false (hr_chart_view_get_highlight (hr_window_get_chart_view (window), NULL, NULL));
  input_key (GTK_WIDGET (window), XK_Down, 0);
  g_assert_true (gtk_widget_has_focus (rows[2]));
  g_assert_true (hr_chart_view_get_highlight (hr_window_get_chart_view (window), &region, &marker));
  g_assert_cmpuint (marker, ==, 3);
  /* The last stays the last. */
  input_key (GTK_WIDGET (window), XK_Down, 0);
  g_assert_true (gtk_widget_has_focus (rows[2]));
  input_key (GTK_WIDGET (window), XK_Up, 0);
  g_assert_true (gtk_widget_has_focus (rows[1]));

  /* Tab leaves the reasons from any of them; Shift+Tab comes back to the
   * last, as it would into a list. */
  input_key (GTK_WIDGET (window), XK_Tab, 0);
  after = gtk_root_get_focus (GTK_ROOT (window));
  for (guint i = 0; i < 3; i++)
    g_assert_false (focus_is_in (GTK_WINDOW (window), rows[i]));
  g_assert_nonnull (after);
  input_key (GTK_WIDGET (window), XK_Tab, GDK_SHIFT_MASK);
  g_assert_true (gtk_widget_has_focus (rows[2]));
  destroy_window (window);
}

/* In a narrow window the folded sidebar slid over from the left and
 * covered most of the charts while a slider was dragged. It is a sheet
 * at the foot now, under half the window tall, and the chart a slider
 * changes is scrolled up above it. */
static void
test_narrow_sheet (void)
{
  HrWindow *window;
  GtkWidget *sheet;
  graphene_rect_t sheet_bounds;
  graphene_rect_t chart;
  int window_h;

  reset_settings ();
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 900);
  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop (300);
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  spin_main_loop (200);
  g_assert_true (hr_window_get_narrow (window));
  g_assert_true (adw_flap_get_folded (window->flap));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (window->flap)), ==, GTK_ORIENTATION_VERTICAL);
  /* The charts are not dimmed and still take clicks under the sheet. */
  g_assert_false (adw_flap_get_modal (window->flap));

  adw_flap_set_reveal_flap (window->flap, TRUE);
  spin_main_loop (800);
  sheet = adw_flap_get_flap (window->flap);
  g_assert_true (gtk_widget_compute_bounds (sheet, GTK_WIDGET (window), &sheet_bounds));
  window_h = gtk_widget_get_height (GTK_WIDGET (window));
  g_test_message ("sheet %g px tall from y = %g in a %d px window", sheet_bounds.size.height,
                  sheet_bounds.origin.y, window_h);
  g_assert_cmpfloat (sheet_bounds.size.height, <=, 0.46 * window_h);
  g_assert_cmpfloat (sheet_bounds.size.height, >=, 200);
  g_assert_cmpfloat (sheet_bounds.origin.y + sheet_bounds.size.height, >=, window_h - 30);

  /* The level moved in the sheet: the SPL chart comes up above it. */
  type_into_row (window, "level_row", "100");
  spin_main_loop (300);
  g_assert_true (hr_window_get_chart_bounds (window, HR_CHART_SPL, &chart));
  g_test_message ("SPL chart from y = %g to %g", chart.origin.y, chart.origin.y + chart.size.height);
  g_assert_cmpfloat (chart.origin.y, >=, 40);
  g_assert_cmpfloat (chart.origin.y + chart.size.height, <=, sheet_bounds.origin.y + 1);

  /* And the impedance when the headphones' impedance moves. */
  type_into_row (window, "headphone_z_row", "250");
  spin_main_loop (300);
  g_assert_true (hr_window_get_chart_bounds (window, HR_CHART_IMPEDANCE, &chart));
  g_assert_cmpfloat (chart.origin.y + chart.size.height, <=, sheet_bounds.origin.y + 1);
  g_assert_cmpfloat (chart.origin.y, >=, 40);

  /* The level's slider dragged with the mouse: while the button is still
   * down, the SPL chart is above the sheet, where it can be watched. */
  {
    HrSliderRow *level = hr_window_get_slider_row (window, "level_row");
    GtkWidget *scale = hr_slider_row_get_scale (level);
    double before = hr_slider_row_get_value (level);
    double y = gtk_widget_get_height (scale) / 2.0;

    input_focus_window (GTK_WINDOW (window));
    /* Scrolled to in the sheet first, as the user does. */
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (scale, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      graphene_rect_t bounds;

      g_assert_true (gtk_widget_compute_bounds (scale, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                &bounds));
      gtk_adjustment_clamp_page (adjustment, bounds.origin.y - 12.0, bounds.origin.y + bounds.size.height + 12.0);
      spin_main_loop (300);
      g_assert_true (gtk_widget_compute_bounds (scale, GTK_WIDGET (window), &bounds));
      g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, gtk_widget_get_height (GTK_WIDGET (window)));
    }
    /* The SPL chart is under the sheet now, where the impedance's
     * change put it. */
    g_assert_true (hr_window_get_chart_bounds (window, HR_CHART_SPL, &chart));
    g_assert_cmpfloat (chart.origin.y + chart.size.height, >, sheet_bounds.origin.y + 1);
    input_pointer_to (scale, gtk_widget_get_width (scale) / 2.0, y, 50);
    input_button (scale, TRUE);
    for (int step = 1; step <= 6; step++)
      input_pointer_to (scale, gtk_widget_get_width (scale) / 2.0 - 8.0 * step, y, 40);
    spin_main_loop (300);
    g_assert_cmpfloat (hr_slider_row_get_value (level), <, before);
    g_assert_true (hr_window_get_chart_bounds (window, HR_CHART_SPL, &chart));
    g_test_message ("dragging: SPL chart from y = %g to %g, the sheet from %g", chart.origin.y,
                    chart.origin.y + chart.size.height, sheet_bounds.origin.y);
    g_assert_cmpfloat (chart.origin.y, >=, 40);
    g_assert_cmpfloat (chart.origin.y + chart.size.height, <=, sheet_bounds.origin.y + 1);
    input_button (scale, FALSE);
  }

  /* Wide again: the sidebar is beside the charts. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  spin_main_loop (500);
  g_assert_false (hr_window_get_narrow (window));
  g_assert_false (adw_flap_get_folded (window->flap));
  g_assert_cmpint (gtk_orientable_get_orientation (GTK_ORIENTABLE (window->flap)), ==, GTK_ORIENTATION_HORIZONTAL);
  destroy_window (window);
}

/* Scrolling the sidebar with the wheel moved the sliders it passed over:
 * the output impedance went from 75 Ω to 7.5 Ω. A wheel over a slider
 * without the focus scrolls the sidebar; with the focus, it moves the
 * slider. Real wheel turns. */
static void
test_wheel_scrolls_sidebar (void)
{
  HrWindow *window;
  HrSliderRow *row;
  GtkWidget *scale;
  GtkAdjustment *sidebar;
  double before;

  reset_settings ();
  window = g_object_new (HR_TYPE_WINDOW, "db", db, NULL);
  /* Short, so that the sidebar scrolls. */
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 560);
  gtk_window_present (GTK_WINDOW (window));
  spin_main_loop (300);
  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  spin_main_loop (200);
  row = hr_window_get_slider_row (window, "zout_row");
  scale = hr_slider_row_get_scale (row);
  sidebar = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (adw_flap_get_flap (window->flap)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (sidebar) - gtk_adjustment_get_page_size (sidebar), >, 50);

  input_focus_window (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (window->headphone_dropdown));
  input_pointer_to (scale, gtk_widget_get_width (scale) / 2.0, gtk_widget_get_height (scale) / 2.0, 200);
  before = gtk_adjustment_get_value (sidebar);
  input_wheel (scale, 2);
  g_assert_cmpfloat_with_epsilon (hr_slider_row_get_value (row), 75.0, 1e-9);
  g_assert_cmpfloat (gtk_adjustment_get_value (sidebar), >, before);

  /* Focused, the wheel is the slider's. */
  g_assert_true (gtk_widget_grab_focus (scale));
  input_pointer_to (scale, gtk_widget_get_width (scale) / 2.0, gtk_widget_get_height (scale) / 2.0, 200);
  input_wheel (scale, -1);
  g_assert_cmpfloat (fabs (hr_slider_row_get_value (row) - 75.0), >, 1.0);
  destroy_window (window);
}

static void
test_value_box_fits_unit (void)
{
  static const char *const values[] = { "0.0102", "1.23k", "4.7k", "10k" };
  HrWindow *window = window_with_pair ();
  GtkEditable *entry = hr_slider_row_get_entry (hr_window_get_slider_row (window, "zout_row"));
  GtkWidget *text = find_descendant (GTK_WIDGET (entry), GTK_TYPE_TEXT);

  g_assert_nonnull (text);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int text_w;

      type_into_row (window, "zout_row", values[i]);
      spin_main_loop (100);
      layout = gtk_widget_create_pango_layout (text, gtk_editable_get_text (entry));
      pango_layout_get_pixel_size (layout, &text_w, NULL);
      g_test_message ("“%s”: %d px in a %d px box", gtk_editable_get_text (entry), text_w, gtk_widget_get_width (text));
      g_assert_cmpint (text_w, <=, gtk_widget_get_width (text));
    }
  destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* GTK's test backend for assistive technologies, which keeps what a
   * screen reader would be told for gtk_test_accessible_check_property()
   * and needs no accessibility bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  db = hr_preset_db_new (g_getenv ("HEADROOM_PRESETS_DIR"), "/nonexistent/headroom-test/presets.json");

  g_test_add_func ("/ui-use/first-launch-title", test_first_launch_title);
  g_test_add_func ("/ui-use/search-takes-focus", test_search_takes_focus);
  g_test_add_func ("/ui-use/pin-while-renaming", test_pin_while_renaming);
  g_test_add_func ("/ui-use/zout-keyboard-steps", test_zout_keyboard_steps);
  g_test_add_func ("/ui-use/value-box-fits-unit", test_value_box_fits_unit);
  g_test_add_func ("/ui-use/hover-spl-ceiling", test_hover_spl_ceiling);
  g_test_add_func ("/ui-use/chart-keyboard-cursor", test_chart_keyboard_cursor);
  g_test_add_func ("/ui-use/tooltip-wraps", test_tooltip_wraps);
  g_test_add_func ("/ui-use/dropdown-tooltips", test_dropdown_tooltips);
  g_test_add_func ("/ui-use/tab-cycle", test_tab_cycle);
  g_test_add_func ("/ui-use/reasons-keyboard", test_reasons_keyboard);
  g_test_add_func ("/ui-use/narrow-sheet", test_narrow_sheet);
  g_test_add_func ("/ui-use/wheel-scrolls-sidebar", test_wheel_scrolls_sidebar);
  g_test_add_func ("/ui-use/pin-names", test_pin_names);
  g_test_add_func ("/ui-use/pin-colours-stay", test_pin_colours_stay);
  g_test_add_func ("/ui-use/pin-limit-explained", test_pin_limit_explained);
  g_test_add_func ("/ui-use/seven-long-pins", test_seven_long_pins);
  g_test_add_func ("/ui-use/pin-chips-told-apart", test_pin_chips_told_apart);
  g_test_add_func ("/ui-use/pin-edit-hint", test_pin_edit_hint);

  status = g_test_run ();
  g_clear_object (&db);
  return status;
}
