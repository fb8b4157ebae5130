/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-ui-alternatives"

#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "hr-explain-fixes.h"
#include "hr-why-window.h"
#include "test-ui-gear.h"
#include "test-widgets.h"

/* What stands beside the verdict. The Alternatives view: the ranking of
 * the CLI, computed off the main thread, re-ranked when the level changes
 * and not when a slider it does not depend on moves; a row puts its
 * candidate into the sidebar, its pin button pins it. Why?: the lesson
 * with the window's numbers, following it, and fixes one click away. */

static HrAlternativesView *
show_alternatives (HrWindow *window)
{
  HrAlternativesView *view = HR_ALTERNATIVES_VIEW (child (window, HR_TYPE_WINDOW, "alternatives"));

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (window, HR_TYPE_WINDOW, "alternatives_button")), TRUE);
  return view;
}

static void
wait_ranked (HrAlternativesView *view)
{
  gint64 end_us = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  spin_main_loop ();
  while ((hr_alternatives_view_get_busy (view) || hr_alternatives_view_get_entries (view) == NULL)
         && g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (hr_alternatives_view_get_busy (view));
  g_assert_nonnull (hr_alternatives_view_get_entries (view));
}

static GtkWidget *
first_row (HrAlternativesView *view)
{
  return gtk_widget_get_first_child (GTK_WIDGET (child (view, HR_TYPE_ALTERNATIVES_VIEW, "ranked_list")));
}

static void
test_sources (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  HrWindow *window = new_window (&db);
  HrScenario *scenario = hr_window_get_scenario (window);
  HrAlternativesView *view;
  GPtrArray *entries;
  const HrRankingEntry *best;
  HrRankingOptions options = HR_RANKING_OPTIONS_INIT;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  hr_scenario_set_level_db_spl (scenario, 100.0);
  view = show_alternatives (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, HR_TYPE_WINDOW, "views_stack"))),
                   ==, "alternatives");
  wait_ranked (view);

  /* The CLI's ranking, candidate for candidate. */
  entries = hr_alternatives_view_get_entries (view);
  expected = hr_ranking_new (db, scenario, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, expected->len);
  for (guint i = 0; i < entries->len; i++)
    {
      const HrRankingEntry *a = g_ptr_array_index (entries, i);
      const HrRankingEntry *b = g_ptr_array_index (expected, i);

      g_assert_cmpstr (hr_preset_get_id (a->preset), ==, hr_preset_get_id (b->preset));
      g_assert_cmpuint (a->output_index, ==, b->output_index);
      g_assert_cmpuint (a->rank, ==, b->rank);
    }
  best = g_ptr_array_index (entries, 0);
  g_assert_cmpuint (best->rank, ==, 1);
  g_assert_cmpfloat_with_epsilon (best->summary->level_db_spl, 100.0, 1e-9);

  /* The output impedance is not what it ranks by: no run. */
  hr_scenario_set_zout_ohm (scenario, 10.0);
  g_assert_false (hr_alternatives_view_get_busy (view));
  g_assert_true (hr_alternatives_view_get_entries (view) == entries);
  /* The level is: ranked again, at the new level. */
  hr_scenario_set_level_db_spl (scenario, 110.0);
  g_assert_true (hr_alternatives_view_get_busy (view));
  wait_ranked (view);
  best = g_ptr_array_index (hr_alternatives_view_get_entries (view), 0);
  g_assert_cmpfloat_with_epsilon (best->summary->level_db_spl, 110.0, 1e-9);

  /* The best row into the sidebar. */
  g_signal_emit_by_name (child (view, HR_TYPE_ALTERNATIVES_VIEW, "ranked_list"), "row-activated", first_row (view));
  spin_main_loop ();
  g_assert_cmpstr (hr_scenario_get_source_id (scenario), ==, hr_preset_get_id (best->preset));
  g_assert_cmpfloat_with_epsilon (hr_window_get_summary (window)->level_db_spl, 110.0, 1e-9);
  /* Its "Shown" marker moved to it. */
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (first_row (view)), "shown")));

  destroy_window (window);
}

static const HrRankingEntry *
focused_entry (HrWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;

  return row != NULL ? g_object_get_data (G_OBJECT (row), "entry") : NULL;
}

/* The lists are built again at each ranking: the keyboard's place in
 * them stays on its candidate, row or pin button, instead of jumping to
 * the row that took its place or out of the list. */
static void
test_focus_kept (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrScenario *scenario = hr_window_get_scenario (window);
  HrAlternativesView *view;
  GtkWidget *row;
  const HrRankingEntry *entry;
  g_autofree char *id = NULL;
  guint output_index;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  hr_scenario_set_level_db_spl (scenario, 100.0);
  view = show_alternatives (window);
  wait_ranked (view);

  row = gtk_widget_get_next_sibling (first_row (view));
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_grab_focus (row));
  entry = focused_entry (window);
  g_assert_nonnull (entry);
  id = g_strdup (hr_preset_get_id (entry->preset));
  output_index = entry->output_index;

  /* Louder: ranked again, and the candidate may move. */
  hr_scenario_set_level_db_spl (scenario, 118.0);
  wait_ranked (view);
  spin_main_loop ();
  entry = focused_entry (window);
  g_assert_nonnull (entry);
  g_assert_cmpstr (hr_preset_get_id (entry->preset), ==, id);
  g_assert_cmpuint (entry->output_index, ==, output_index);

  /* The pin button keeps it too. */
  {
    GtkWidget *pin = find_descendant (gtk_widget_get_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                                               GTK_TYPE_LIST_BOX_ROW),
                                      GTK_TYPE_BUTTON);

    g_assert_nonnull (pin);
    g_assert_true (gtk_widget_grab_focus (pin));
    hr_scenario_set_level_db_spl (scenario, 100.0);
    wait_ranked (view);
    spin_main_loop ();
    g_assert_true (GTK_IS_BUTTON (gtk_root_get_focus (GTK_ROOT (window))));
    entry = focused_entry (window);
    g_assert_nonnull (entry);
    g_assert_cmpstr (hr_preset_get_id (entry->preset), ==, id);
  }
  destroy_window (window);
}

static void
test_pin_and_headphones (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrAlternativesView *view;
  GPtrArray *entries;
  guint n_all;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  view = show_alternatives (window);
  wait_ranked (view);

  /* The pin button of the best row pins it, named as its pin would be. */
  {
    const HrRankingEntry *best = g_ptr_array_index (hr_alternatives_view_get_entries (view), 0);

    g_signal_emit_by_name (view, "pin", best);
    spin_main_loop ();
    g_assert_cmpuint (hr_window_get_pins (window)->len, ==, 1);
    g_assert_nonnull (strstr (((HrPin *) g_ptr_array_index (hr_window_get_pins (window), 0))->name,
                              hr_preset_get_name (best->preset)));
  }

  /* The other way round: headphones for this output, then only planars. */
  hr_alternatives_view_set_direction (view, HR_RANKING_HEADPHONES);
  wait_ranked (view);
  entries = hr_alternatives_view_get_entries (view);
  n_all = entries->len;
  g_assert_true (HR_IS_HEADPHONE_PRESET (((HrRankingEntry *) g_ptr_array_index (entries, 0))->preset));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (child (view, HR_TYPE_ALTERNATIVES_VIEW, "category_dropdown")),
                              1 + HR_HEADPHONE_TYPE_PLANAR);
  wait_ranked (view);
  entries = hr_alternatives_view_get_entries (view);
  g_assert_cmpuint (entries->len, >, 0);
  g_assert_cmpuint (entries->len, <, n_all);
  for (guint i = 0; i < entries->len; i++)
    g_assert_cmpint (hr_headphone_preset_get_headphone_type (HR_HEADPHONE_PRESET (
                       ((HrRankingEntry *) g_ptr_array_index (entries, i))->preset)), ==, HR_HEADPHONE_TYPE_PLANAR);

  /* My gear: none of the user's own here. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (child (view, HR_TYPE_ALTERNATIVES_VIEW, "mine_button")), TRUE);
  wait_ranked (view);
  g_assert_cmpuint (hr_alternatives_view_get_entries (view)->len, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (child (view, HR_TYPE_ALTERNATIVES_VIEW, "status_label"))),
                   ==, "None of your own gear is of this kind.");

  /* Back to the charts. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child (window, HR_TYPE_WINDOW, "alternatives_button")), FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, HR_TYPE_WINDOW, "views_stack"))),
                   ==, "charts");
  destroy_window (window);
}

static HrWhyWindow *
find_why_window (HrWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (HR_IS_WHY_WINDOW (toplevel) && gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return HR_WHY_WINDOW (toplevel);
    }
  return NULL;
}

static const HrExplainStep *
find_step (HrWhyWindow   *why,
           HrExplainCode  code)
{
  GArray *steps = hr_why_window_get_steps (why);

  for (guint i = 0; i < steps->len; i++)
    if (g_array_index (steps, HrExplainStep, i).code == code)
      return &g_array_index (steps, HrExplainStep, i);
  g_error ("no step %s", hr_explain_code_to_string (code));
}

/* How many pixels of the widget as the window paints it are not clear:
 * the circuit's lines and figures, or none where nothing is drawn. */
static guint
count_painted_pixels (GtkWidget *widget)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  const guint8 *data;
  int stride;
  guint painted = 0;

  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  if (node != NULL)
    gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *pixel = data + y * stride + 4 * x;

        painted += (pixel[0] | pixel[1] | pixel[2] | pixel[3]) != 0;
      }
  cairo_surface_destroy (surface);
  return painted;
}

static void
test_why (void)
{
  g_autoptr(HrPresetDb) db = NULL;
  HrWindow *window = new_window (&db);
  HrScenario *scenario = hr_window_get_scenario (window);
  HrWhyWindow *why;
  GtkWidget *circuit_area;
  GPtrArray *fixes;
  const HrExplainFix *first;

  g_assert_true (hr_window_select_source (window, "rme-fireface-800", "line"));
  g_assert_true (hr_window_select_headphone (window, "sennheiser-hd-650"));
  hr_scenario_set_level_db_spl (scenario, 95.0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.why", NULL));
  spin_main_loop ();
  why = find_why_window (window);
  g_assert_nonnull (why);

  /* The window's own figures, at 1 kHz, and the circuit drawn above them. */
  g_assert_cmpfloat (hr_why_window_get_freq (why), ==, 1000.0);
  circuit_area = find_descendant (GTK_WIDGET (why), GTK_TYPE_DRAWING_AREA);
  g_assert_nonnull (circuit_area);
  g_assert_true (gtk_widget_get_visible (circuit_area));
  g_assert_cmpuint (count_painted_pixels (circuit_area), >, 1000);
  g_assert_cmpfloat_with_epsilon (hr_explain_step_get_number (find_step (why, HR_EXPLAIN_DIVIDER), "zsource_ohm"),
                                  75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hr_explain_step_get_number (find_step (why, HR_EXPLAIN_DRIVE), "level_db_spl"),
                                  95.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (hr_explain_step_get_number (find_step (why, HR_EXPLAIN_IMPEDANCE_SWING), "span_db"),
                                  hr_window_get_summary (window)->deviation_span_db, 1e-12);

  /* It follows the window. */
  hr_scenario_set_level_db_spl (scenario, 100.0);
  g_assert_cmpfloat_with_epsilon (hr_explain_step_get_number (find_step (why, HR_EXPLAIN_DRIVE), "level_db_spl"),
                                  100.0, 1e-9);
  /* The steps are built again as it follows: the focus on a step's
   * "Show the … Chart" stays on that step's. */
  {
    GtkWidget *steps = child (why, HR_TYPE_WHY_WINDOW, "steps_box");
    GtkWidget *third = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (steps)));
    GtkWidget *button = find_descendant (third, GTK_TYPE_BUTTON);
    GtkWidget *focus;

    g_assert_nonnull (button);
    g_assert_true (gtk_widget_grab_focus (button));
    hr_scenario_set_level_db_spl (scenario, 101.0);
    spin_main_loop ();
    focus = gtk_root_get_focus (GTK_ROOT (why));
    g_assert_true (GTK_IS_BUTTON (focus));
    third = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (steps)));
    g_assert_true (gtk_widget_is_ancestor (focus, third));
    hr_scenario_set_level_db_spl (scenario, 100.0);
  }
  /* And the pointer's frequency. */
  hr_why_window_set_freq (why, 100.0);
  g_assert_cmpfloat (hr_explain_step_get_number (find_step (why, HR_EXPLAIN_DIVIDER), "freq_hz"), ==, 100.0);

  /* The line out breaks the 1/8 rule: its headphone output does better,
   * and Try puts it in the window. */
  fixes = hr_why_window_get_fixes (why);
  g_assert_nonnull (fixes);
  g_assert_cmpuint (fixes->len, >, 0);
  first = g_ptr_array_index (fixes, 0);
  g_assert_cmpint (first->code, ==, HR_FIX_OTHER_OUTPUT);
  /* The fixes too, found again once the sliders rest: the focus stays
   * on the first one's Try. */
  {
    GtkWidget *group = child (why, HR_TYPE_WHY_WINDOW, "fixes_group");
    /* Kept alive, so that the new button cannot be made where it was. */
    g_autoptr(GtkWidget) try = g_object_ref (find_descendant (group, GTK_TYPE_BUTTON));
    GtkWidget *focus;

    g_assert_true (gtk_widget_grab_focus (try));
    hr_scenario_set_level_db_spl (scenario, 99.0);
    for (gint64 end_us = g_get_monotonic_time () + 5 * G_TIME_SPAN_SECOND;
         find_descendant (group, GTK_TYPE_BUTTON) == try && g_get_monotonic_time () < end_us;)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (find_descendant (group, GTK_TYPE_BUTTON) != try);
    spin_main_loop ();
    focus = gtk_root_get_focus (GTK_ROOT (why));
    g_assert_true (GTK_IS_BUTTON (focus));
    g_assert_true (focus == find_descendant (group, GTK_TYPE_BUTTON));
    fixes = hr_why_window_get_fixes (why);
    first = g_ptr_array_index (fixes, 0);
  }
  g_assert_true (hr_why_window_try_fix (why, 0));
  spin_main_loop ();
  g_assert_cmpstr (hr_scenario_get_output_id (scenario), ==, "headphone");

  /* It goes with its window. */
  destroy_window (window);
  g_assert_null (find_why_window (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  user_data_init ("headroom-ui-alternatives-XXXXXX");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  presets_dir = g_strdup (g_getenv ("HEADROOM_PRESETS_DIR"));
  if (presets_dir == NULL)
    presets_dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);

  g_test_add_func ("/ui/alternatives/sources", test_sources);
  g_test_add_func ("/ui/alternatives/pin-and-headphones", test_pin_and_headphones);
  g_test_add_func ("/ui/alternatives/focus-kept", test_focus_kept);
  g_test_add_func ("/ui/why", test_why);

  status = g_test_run ();

  user_data_clear ();
  g_free (presets_dir);
  return status;
}
