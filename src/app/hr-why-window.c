/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-why-window"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "hr-accessible.h"
#include "hr-chart-circuit.h"
#include "hr-explain-fixes.h"
#include "hr-why-window.h"
#include "hr-window-private.h"

/* Why?: the lesson behind the verdict of the window it belongs to, with
 * that window's numbers (hr-explain.c), and what would fix it
 * (hr-explain-fixes.c), each one button away from being tried. It
 * follows the window: a moved slider retells the lesson at once; the
 * fixes, which rank the presets, are looked for again once the sliders
 * rest. The divider is read at 1 kHz, or at the frequency under the
 * pointer on the window's charts. */

/* How long the sliders must rest before the fixes are looked for again:
 * they rank every preset. */
#define FIXES_DELAY_MS 250

struct _HrWhyWindow
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkLabel        *verdict_label;
  GtkDrawingArea  *circuit_area;
  GtkLabel        *freq_label;
  GtkBox          *steps_box;
  AdwPreferencesGroup *fixes_group;

  HrWindow        *window;       /* weak */
  GArray          *steps;        /* of HrExplainStep */
  GPtrArray       *fixes;        /* of HrExplainFix */
  GPtrArray       *fix_rows;     /* the rows in fixes_group */
  double           freq_hz;
  guint            fixes_timeout_id;
};

G_DEFINE_FINAL_TYPE (HrWhyWindow, hr_why_window, ADW_TYPE_WINDOW)

static void
show_chart (GtkButton   *button,
            HrWhyWindow *self)
{
  const char *chart = g_object_get_data (G_OBJECT (button), "chart");

  if (self->window == NULL)
    return;
  /* The charts, not the Alternatives, and that chart alone. */
  gtk_toggle_button_set_active (self->window->alternatives_button, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self->window), "win.chart-view", "s", chart);
  gtk_window_present (GTK_WINDOW (self->window));
}

/* Whole labels, since languages decline the chart's name. */
static const char *
show_label (const char *chart)
{
  if (g_str_equal (chart, "impedance"))
    return _("Show the Impedance Chart");
  if (g_str_equal (chart, "current"))
    return _("Show the Current Chart");
  if (g_str_equal (chart, "spl"))
    return _("Show the SPL Chart");
  return _("Show the Deviation Chart");
}

/* A step: its heading, its sentences at the width of the page, and the
 * button that shows its chart in the window. */
static GtkWidget *
step_group_new (HrWhyWindow         *self,
                const HrExplainStep *step,
                guint                number)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *title = hr_explain_step_title (step, TRUE);
  g_autofree char *numbered = g_strdup_printf ("%u. %s", number, title);
  g_autofree char *text = hr_explain_step_format (step, TRUE);
  GtkWidget *heading = gtk_label_new (numbered);
  GtkWidget *body = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (body), 0.0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  g_object_set_data (G_OBJECT (box), "body", body);
  if (!g_str_equal (step->chart, "circuit"))
    {
      GtkWidget *button = gtk_button_new_with_label (show_label (step->chart));

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      g_object_set_data (G_OBJECT (button), "chart", (gpointer) step->chart);
      g_signal_connect_object (button, "clicked", G_CALLBACK (show_chart), self, 0);
      gtk_box_append (GTK_BOX (box), button);
    }
  return box;
}

/* The steps and the fixes are built again as the sliders move. A button
 * in them that has the keyboard focus would go with its row, and the
 * focus to the window's first control: the button at the same place in
 * the new rows takes it back. */
static GPtrArray *
box_children (GtkBox *box)
{
  GPtrArray *children = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (children, child);
  return children;
}

/* Which of @items holds the focus, or -1. */
static int
focused_item (HrWhyWindow *self,
              GPtrArray   *items)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (guint i = 0; focus != NULL && i < items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (items, i);

      if (focus == item || gtk_widget_is_ancestor (focus, item))
        return (int) i;
    }
  return -1;
}

static GtkWidget *
first_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_BUTTON (child) ? child : first_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
refocus_item (GPtrArray *items,
              int        index)
{
  GtkWidget *item;
  GtkWidget *button;

  if (index < 0 || items->len == 0)
    return;
  item = g_ptr_array_index (items, MIN ((guint) index, items->len - 1));
  button = first_button (item);
  gtk_widget_grab_focus (button != NULL ? button : item);
}

static void
show_steps (HrWhyWindow *self)
{
  g_autoptr(GPtrArray) old_steps = box_children (self->steps_box);
  g_autoptr(GPtrArray) new_steps = NULL;
  int focused = focused_item (self, old_steps);

  for (guint i = 0; i < old_steps->len; i++)
    gtk_box_remove (self->steps_box, g_ptr_array_index (old_steps, i));
  for (guint i = 0; self->steps != NULL && i < self->steps->len; i++)
    gtk_box_append (self->steps_box, step_group_new (self, &g_array_index (self->steps, HrExplainStep, i), i + 1));
  new_steps = box_children (self->steps_box);
  refocus_item (new_steps, focused);
}

static void
on_try_clicked (GtkButton   *button,
                HrWhyWindow *self)
{
  hr_why_window_try_fix (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index")));
}

static void
show_fixes (HrWhyWindow *self)
{
  const HrSummary *summary = self->window != NULL ? hr_window_get_summary (self->window) : NULL;
  int focused = focused_item (self, self->fix_rows);

  for (guint i = 0; i < self->fix_rows->len; i++)
    adw_preferences_group_remove (self->fixes_group, g_ptr_array_index (self->fix_rows, i));
  g_ptr_array_set_size (self->fix_rows, 0);
  if (summary == NULL || self->fixes == NULL)
    return;

  if (self->fixes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     summary->verdict == HR_VERDICT_DRIVES_WELL
                                     ? _("Nothing needs fixing: it drives them well.")
                                     : _("Nothing in the presets does better than this."));
      adw_preferences_group_add (self->fixes_group, row);
      g_ptr_array_add (self->fix_rows, row);
    }
  for (guint i = 0; i < self->fixes->len; i++)
    {
      const HrExplainFix *fix = g_ptr_array_index (self->fixes, i);
      g_autofree char *text = hr_explain_fix_format (fix, summary, TRUE);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Try"));
      /* Translators: the accessible name of a fix's Try button, "Try: Use its headphone output…" */
      g_autofree char *name = g_strdup_printf (_("Try: %s"), text);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      hr_accessible_name_button (button, name);
      g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_try_clicked), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_preferences_group_add (self->fixes_group, row);
      g_ptr_array_add (self->fix_rows, row);
    }
  /* With no fix left, a row that takes no focus: the focus stays where
   * GTK put it. */
  if (self->fixes->len > 0)
    refocus_item (self->fix_rows, focused);
}

static gboolean
find_fixes (gpointer user_data)
{
  HrWhyWindow *self = user_data;
  const HrSummary *summary;

  self->fixes_timeout_id = 0;
  g_clear_pointer (&self->fixes, g_ptr_array_unref);
  summary = self->window != NULL ? hr_window_get_summary (self->window) : NULL;
  if (summary != NULL)
    self->fixes = hr_explain_fixes (self->window->db, hr_window_get_scenario (self->window), summary, NULL);
  show_fixes (self);
  return G_SOURCE_REMOVE;
}

/* The circuit is the chart library's drawing, the one export writes: the
 * window passes it the live circuit, the drive and the frequency the
 * pointer reads, and the theme the style manager has. */
static void
draw_circuit (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  HrWhyWindow *self = user_data;
  const HrSweep *sweep;
  HrChartCircuit circuit = { 0 };

  if (self->window == NULL || self->window->resolved == NULL)
    return;
  sweep = hr_window_get_sweep (self->window);
  if (sweep == NULL)
    return;

  circuit.circuit = &self->window->resolved->circuit;
  circuit.voc_vrms = sweep->level_unknown ? NAN : sweep->voc_vrms;
  circuit.freq_hz = self->freq_hz;
  circuit.source_name = self->window->resolved->source_name;
  circuit.headphone_name = self->window->resolved->headphone_name;
  hr_chart_circuit_render (cr, &circuit,
                           adw_style_manager_get_dark (adw_style_manager_get_default ())
                           ? HR_CHART_THEME_DARK : HR_CHART_THEME_LIGHT,
                           1.0, width, height);
}

static void
show_freq (HrWhyWindow *self)
{
  g_autofree char *freq = hr_format_freq (self->freq_hz);
  g_autofree char *text = NULL;

  /* Translators: under the circuit drawing, "Figures at 1 kHz. Point at a chart …" */
  text = g_strdup_printf (_("Figures at %s. Point at a chart in the main window to read them at another frequency."),
                          freq);
  gtk_label_set_label (self->freq_label, text);
  gtk_widget_queue_draw (GTK_WIDGET (self->circuit_area));
}

/* The steps again, at once; the fixes once the sliders rest. */
void
hr_why_window_update (HrWhyWindow *self)
{
  const HrSummary *summary;
  const char *output_kind = NULL;

  g_return_if_fail (HR_IS_WHY_WINDOW (self));

  g_clear_pointer (&self->steps, g_array_unref);
  summary = self->window != NULL ? hr_window_get_summary (self->window) : NULL;
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), "error");
  if (summary == NULL || self->window->resolved == NULL)
    {
      gtk_label_set_label (self->verdict_label, _("Choose a source and headphones to see why."));
      gtk_widget_set_visible (GTK_WIDGET (self->circuit_area), FALSE);
      adw_window_title_set_subtitle (self->window_title, "");
      show_steps (self);
      g_clear_pointer (&self->fixes, g_ptr_array_unref);
      show_fixes (self);
      return;
    }

  gtk_label_set_label (self->verdict_label, hr_verdict_to_string (summary->verdict));
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label),
                            summary->verdict == HR_VERDICT_DRIVES_WELL ? "success"
                            : summary->verdict == HR_VERDICT_CAVEATS ? "warning" : "error");
  adw_window_title_set_subtitle (self->window_title, gtk_window_get_title (GTK_WINDOW (self->window)));
  if (self->window->resolved->source_preset != NULL)
    output_kind = hr_output_kind_to_string (hr_source_preset_get_output (self->window->resolved->source_preset,
                                                                         self->window->resolved->output_index)->kind);
  self->steps = hr_explain_steps (hr_window_get_sweep (self->window), summary, &self->window->resolved->circuit,
                                  self->freq_hz, output_kind);
  show_steps (self);
  gtk_widget_set_visible (GTK_WIDGET (self->circuit_area), TRUE);
  show_freq (self);

  g_clear_handle_id (&self->fixes_timeout_id, g_source_remove);
  self->fixes_timeout_id = g_timeout_add (FIXES_DELAY_MS, find_fixes, self);
}

/* The pointer over the window's charts moves where the divider is read. */
static void
on_chart_motion (HrWhyWindow *self)
{
  double freq_hz = 1000.0;

  if (self->window == NULL)
    return;
  if (!hr_chart_widget_get_hover_freq (self->window->chart, &freq_hz))
    freq_hz = 1000.0;
  hr_why_window_set_freq (self, freq_hz);
}

static void
on_chart_leave (HrWhyWindow *self)
{
  hr_why_window_set_freq (self, 1000.0);
}

static void
hr_why_window_dispose (GObject *object)
{
  HrWhyWindow *self = HR_WHY_WINDOW (object);

  g_clear_handle_id (&self->fixes_timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->window);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->fixes, g_ptr_array_unref);
  g_clear_pointer (&self->fix_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (object), HR_TYPE_WHY_WINDOW);

  G_OBJECT_CLASS (hr_why_window_parent_class)->dispose (object);
}

static void
hr_why_window_class_init (HrWhyWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hr_why_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/headroom/Headroom/ui/hr-why-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HrWhyWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HrWhyWindow, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, HrWhyWindow, circuit_area);
  gtk_widget_class_bind_template_child (widget_class, HrWhyWindow, freq_label);
  gtk_widget_class_bind_template_child (widget_class, HrWhyWindow, steps_box);
  gtk_widget_class_bind_template_child (widget_class, HrWhyWindow, fixes_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hr_why_window_init (HrWhyWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hr_accessible_name_mnemonics (GTK_WIDGET (self));
  self->freq_hz = 1000.0;
  self->fix_rows = g_ptr_array_new ();
  gtk_drawing_area_set_draw_func (self->circuit_area, draw_circuit, self, NULL);
  /* The drawing is cairo, not CSS: a change of style is told to it. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self->circuit_area, G_CONNECT_SWAPPED);
}

/**
 * hr_why_window_new:
 * @window: the window whose configuration it explains, and follows
 */
HrWhyWindow *
hr_why_window_new (HrWindow *window)
{
  HrWhyWindow *self = g_object_new (HR_TYPE_WHY_WINDOW, "transient-for", window, NULL);
  GtkEventController *motion = gtk_event_controller_motion_new ();

  g_set_weak_pointer (&self->window, window);
  g_signal_connect_object (hr_window_get_scenario (window), "changed", G_CALLBACK (hr_why_window_update), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  /* After the chart's own, which keeps where the pointer is. */
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_chart_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_chart_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (window->chart), motion);
  hr_why_window_update (self);
  return self;
}

double
hr_why_window_get_freq (HrWhyWindow *self)
{
  g_return_val_if_fail (HR_IS_WHY_WINDOW (self), NAN);

  return self->freq_hz;
}

/* Reads the divider at @freq_hz: only the first step and the drawing
 * change, so only they are told again. */
void
hr_why_window_set_freq (HrWhyWindow *self,
                        double       freq_hz)
{
  g_return_if_fail (HR_IS_WHY_WINDOW (self));

  if (freq_hz == self->freq_hz)
    return;
  self->freq_hz = freq_hz;
  if (self->steps != NULL && self->window != NULL && hr_window_get_summary (self->window) != NULL)
    {
      g_autoptr(GArray) steps = hr_explain_steps (hr_window_get_sweep (self->window),
                                                  hr_window_get_summary (self->window),
                                                  &self->window->resolved->circuit, freq_hz, NULL);
      GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (self->steps_box));
      g_autofree char *text = hr_explain_step_format (&g_array_index (steps, HrExplainStep, 0), TRUE);

      g_array_index (self->steps, HrExplainStep, 0) = g_array_index (steps, HrExplainStep, 0);
      if (first != NULL)
        gtk_label_set_label (g_object_get_data (G_OBJECT (first), "body"), text);
    }
  show_freq (self);
}

/* Returns: (transfer none) (nullable) (element-type HrExplainStep) */
GArray *
hr_why_window_get_steps (HrWhyWindow *self)
{
  g_return_val_if_fail (HR_IS_WHY_WINDOW (self), NULL);

  return self->steps;
}

/* Returns: (transfer none) (nullable) (element-type HrExplainFix): the
 * fixes shown; %NULL until they have been looked for */
GPtrArray *
hr_why_window_get_fixes (HrWhyWindow *self)
{
  g_return_val_if_fail (HR_IS_WHY_WINDOW (self), NULL);

  if (self->fixes_timeout_id != 0)
    {
      g_clear_handle_id (&self->fixes_timeout_id, g_source_remove);
      find_fixes (self);
    }
  return self->fixes;
}

/**
 * hr_why_window_try_fix:
 *
 * Puts fix @index into the window: its gear chosen in the dropdowns, or
 * its adapter on the slider.
 *
 * Returns: whether it could
 */
gboolean
hr_why_window_try_fix (HrWhyWindow *self,
                       guint        index)
{
  const HrExplainFix *fix;
  HrScenario *scenario;
  gboolean done = FALSE;

  g_return_val_if_fail (HR_IS_WHY_WINDOW (self), FALSE);

  if (self->window == NULL || self->fixes == NULL || index >= self->fixes->len)
    return FALSE;
  fix = g_ptr_array_index (self->fixes, index);
  scenario = fix->scenario;
  switch (fix->code)
    {
    case HR_FIX_OTHER_OUTPUT:
    case HR_FIX_OTHER_SOURCE:
      done = hr_window_select_source (self->window, hr_scenario_get_source_id (scenario),
                                      hr_scenario_get_output_id (scenario));
      break;
    case HR_FIX_HEADPHONES:
      done = hr_window_select_headphone (self->window, hr_scenario_get_headphone_id (scenario));
      break;
    case HR_FIX_ADAPTER:
      hr_slider_row_set_value (hr_window_get_slider_row (self->window, "adapter_shunt_row"), fix->shunt_ohm);
      done = TRUE;
      break;
    case HR_N_FIX_CODES:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (done)
    gtk_window_present (GTK_WINDOW (self->window));
  return done;
}
