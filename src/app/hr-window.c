/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-accessible.h"
#include "hr-chart-widget.h"
#include "hr-dropdown.h"
#include "hr-slider-row.h"
#include "hr-window-private.h"

/* The window is a thin shell around one HrScenario, the live
 * configuration. The sidebar writes the user's choices into it (the
 * dropdowns through their callbacks, the sliders through property
 * bindings), and the scenario says "changed" once per change; the window
 * then has src/db compute it (hr_scenario_compute(): the same path as
 * the pins and `headroom-cli`) into its one sweep, which is recomputed
 * in place (481 points, 1/48 octave, as the summary wants) and which the
 * chart's live trace borrows, and shows the verdict and the charts. */

G_DEFINE_FINAL_TYPE (HrWindow, hr_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  PROP_CHART_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_verdict (HrWindow   *self,
              const char *css_class,
              const char *verdict,
              GPtrArray  *reasons)
{
  static const char *const classes[] = { "success", "warning", "error" };

  g_assert (HR_IS_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), css_class);
  gtk_label_set_text (self->verdict_label, verdict);
  for (guint i = 0; i < N_REASONS; i++)
    {
      gboolean shown = reasons != NULL && i < reasons->len;

      gtk_label_set_text (self->reason_labels[i], shown ? g_ptr_array_index (reasons, i) : "");
      gtk_widget_set_visible (self->reason_rows[i], shown);
    }
  hr_window_update_reasons (self);
}

static void
show_summary (HrWindow *self)
{
  static const char *const classes[] = {
    [HR_VERDICT_DRIVES_WELL] = "success",
    [HR_VERDICT_CAVEATS] = "warning",
    [HR_VERDICT_CANNOT_DRIVE] = "error",
  };
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);

  g_assert (HR_IS_WINDOW (self));

  for (guint i = 0; i < self->summary->reasons->len; i++)
    g_ptr_array_add (reasons, hr_reason_format (&g_array_index (self->summary->reasons, HrReason, i), TRUE));
  show_verdict (self, classes[self->summary->verdict], hr_verdict_to_string (self->summary->verdict), reasons);
}

/* The choices the scenario holds, kept for the next start. Written here,
 * where every choice arrives, rather than by the widgets that make them. */
static void
store_choices (HrWindow *self)
{
  const char *source_id = hr_scenario_get_source_id (self->scenario);
  const char *output_id = hr_scenario_get_output_id (self->scenario);
  const char *headphone_id = hr_scenario_get_headphone_id (self->scenario);
  struct {
    const char *key;
    const char *value;
  } choices[] = {
    { "source-id", source_id },
    { "output-id", output_id },
    { "headphone-id", headphone_id },
  };

  for (guint i = 0; i < G_N_ELEMENTS (choices); i++)
    {
      g_autofree char *stored = g_settings_get_string (self->settings, choices[i].key);

      if (choices[i].value != NULL && g_strcmp0 (stored, choices[i].value) != 0)
        g_settings_set_string (self->settings, choices[i].key, choices[i].value);
    }
  if (headphone_id == NULL)
    g_settings_reset (self->settings, "headphone-id");
}

static void
recompute (HrWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  g_autofree char *label = NULL;
  HrChartView *view;

  g_assert (HR_IS_WINDOW (self));

  hr_chart_widget_begin_change (self->chart);
  view = hr_chart_widget_get_view (self->chart);
  if (self->live_trace != NULL)
    {
      hr_chart_view_remove_trace (view, self->live_trace);
      g_clear_pointer (&self->live_trace, hr_chart_trace_unref);
    }
  g_clear_pointer (&self->summary, hr_summary_free);
  g_clear_pointer (&self->resolved, hr_scenario_circuit_free);

  if (self->source == NULL || self->headphone == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Headroom"));
      gtk_window_set_title (GTK_WINDOW (self), _("Headroom"));
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      hr_chart_widget_changed (self->chart);
      hr_window_update_pin_action (self);
      return;
    }

  gtk_stack_set_visible_child_name (self->content_stack, "charts");
  self->summary = hr_scenario_compute (self->scenario, self->db, self->sweep, &resolved, &error);
  if (self->summary == NULL)
    {
      g_autoptr(GPtrArray) reasons = g_ptr_array_new ();

      g_ptr_array_add (reasons, error->message);
      show_verdict (self, "error", _("Cannot compute this configuration"), reasons);
      hr_chart_widget_changed (self->chart);
      hr_window_update_pin_action (self);
      return;
    }

  label = hr_scenario_circuit_dup_label (resolved);
  adw_window_title_set_title (self->window_title, label);
  gtk_window_set_title (GTK_WINDOW (self), label);
  show_summary (self);

  self->live_trace = hr_chart_trace_new_computed (label, self->sweep, NULL, &resolved->circuit, self->summary);
  hr_chart_trace_set_live (self->live_trace, TRUE);
  hr_chart_view_add_trace (view, self->live_trace);
  hr_chart_widget_changed (self->chart);
  self->resolved = g_steal_pointer (&resolved);
  hr_window_update_pin_action (self);
}

static void
on_scenario_changed (HrWindow *self)
{
  g_assert (HR_IS_WINDOW (self));

  store_choices (self);
  hr_window_update_gear_actions (self);
  recompute (self);
}

static void
apply_chart_view (HrWindow *self)
{
  HrChartView *view = hr_chart_widget_get_view (self->chart);
  HrChartKind kind;

  if (hr_chart_kind_from_string (self->chart_view, &kind))
    {
      hr_chart_view_set_layout (view, HR_CHART_LAYOUT_SINGLE);
      hr_chart_view_set_kind (view, kind);
    }
  else
    hr_chart_view_set_layout (view, HR_CHART_LAYOUT_GRID);
  hr_chart_widget_changed (self->chart);
}

/* The shunt slider's top end means no shunt resistor; the scenario says
 * that with INFINITY. */
static gboolean
shunt_to_scenario (GBinding     *binding,
                   const GValue *from_value,
                   GValue       *to_value,
                   gpointer      user_data)
{
  double ohm = g_value_get_double (from_value);

  g_value_set_double (to_value, ohm < HR_SHUNT_OFF_OHM ? ohm : INFINITY);
  return TRUE;
}

static gboolean
shunt_from_scenario (GBinding     *binding,
                     const GValue *from_value,
                     GValue       *to_value,
                     gpointer      user_data)
{
  double ohm = g_value_get_double (from_value);

  g_value_set_double (to_value, isfinite (ohm) ? ohm : HR_SHUNT_OFF_OHM);
  return TRUE;
}

/* The sliders hold the scenario's figures: each bound both ways, the
 * slider's value taken first. */
static void
bind_sliders (HrWindow *self)
{
  const struct {
    HrSliderRow *row;
    const char  *property;
  } bindings[] = {
    { self->zout_row, "zout-ohm" },
    { self->headphone_z_row, "headphone-z-ohm" },
    { self->level_row, "level-db-spl" },
    { self->cable_row, "cable-ohm" },
    { self->adapter_series_row, "adapter-series-ohm" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bindings); i++)
    g_object_bind_property (bindings[i].row, "value", self->scenario, bindings[i].property,
                            G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->adapter_shunt_row, "value", self->scenario, "adapter-shunt-ohm",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               shunt_to_scenario, shunt_from_scenario, NULL, NULL);
}

/* "+4 dBu" in the level's entry: the level that voltage, open circuit,
 * gives on the configuration as it is. */
static double
level_for_voltage (double   voc_vrms,
                   gpointer user_data)
{
  HrWindow *self = user_data;

  if (self->summary == NULL)
    return NAN;
  return hr_sweep_spl_1k_for_voltage (self->sweep, voc_vrms);
}

static void
hr_window_constructed (GObject *object)
{
  HrWindow *self = HR_WINDOW (object);
  g_autoptr(GError) error = NULL;
  gboolean source_restored;
  gboolean headphone_restored;

  G_OBJECT_CLASS (hr_window_parent_class)->constructed (object);

  self->settings = g_settings_new (APP_ID);
  self->sweep = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ,
                                  HR_SUMMARY_DEFAULT_POINTS, &error);
  g_assert_no_error (error);

  hr_slider_row_configure (self->zout_row, HR_UNIT_OHM, 0.01, 10000.0, TRUE, 0.0);
  hr_slider_row_configure (self->headphone_z_row, HR_UNIT_OHM, 1.0, 2000.0, TRUE, 0.0);
  hr_slider_row_configure (self->level_row, HR_UNIT_DB_SPL, 60.0, 130.0, FALSE, 0.5);
  hr_slider_row_set_default_value (self->level_row, 90.0);
  hr_slider_row_set_value (self->level_row, 90.0);
  hr_slider_row_set_other_unit (self->level_row, HR_UNIT_VOLT, level_for_voltage, self);
  gtk_widget_set_tooltip_text (GTK_WIDGET (hr_slider_row_get_entry (self->level_row)),
                               _("A level in dB SPL, or the source’s voltage that gives it: "
                                 "0.5 V, 500 mV, −6 dBV, +4 dBu"));
  hr_slider_row_configure (self->cable_row, HR_UNIT_OHM, 0.0, 10.0, FALSE, 0.01);
  hr_slider_row_configure (self->adapter_series_row, HR_UNIT_OHM, 0.0, 1000.0, FALSE, 0.5);
  hr_slider_row_configure (self->adapter_shunt_row, HR_UNIT_OHM, 1.0, HR_SHUNT_OFF_OHM, TRUE, 0.0);
  hr_slider_row_set_off_at_max (self->adapter_shunt_row, TRUE);
  hr_slider_row_set_default_value (self->adapter_shunt_row, HR_SHUNT_OFF_OHM);
  hr_slider_row_set_value (self->adapter_shunt_row, HR_SHUNT_OFF_OHM);
  /* The impedances are the presets' until one is chosen. */
  hr_slider_row_set_applicable (self->zout_row, FALSE);
  hr_slider_row_set_applicable (self->headphone_z_row, FALSE);
  hr_dropdown_set_placeholder (self->source_dropdown, _("Choose a source…"));
  hr_dropdown_set_placeholder (self->headphone_dropdown, _("Choose headphones…"));
  hr_dropdown_set_accessible_label (self->source_dropdown, _("Source"));
  hr_dropdown_set_accessible_label (self->output_dropdown, _("Output of the source"));
  hr_dropdown_set_accessible_label (self->headphone_dropdown, _("Headphones"));

  bind_sliders (self);

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  hr_window_layout_init (self);
  g_settings_bind (self->settings, "chart-view", self, "chart-view", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "level-db-spl", self->level_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "cable-ohm", self->cable_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "adapter-series-ohm", self->adapter_series_row, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "adapter-shunt-ohm", self->adapter_shunt_row, "value", G_SETTINGS_BIND_DEFAULT);

  hr_window_populate_choices (self, &source_restored, &headphone_restored);
  /* The output and headphone impedances belong to the presets chosen: read
   * back only with them, and written from now on either way. Their rows'
   * sensitivity says whether a preset is chosen, so the binding must not
   * set it to the key's writability. */
  g_settings_bind (self->settings, "zout-ohm", self->zout_row, "value",
                   (source_restored ? G_SETTINGS_BIND_DEFAULT : G_SETTINGS_BIND_SET)
                   | G_SETTINGS_BIND_NO_SENSITIVITY);
  g_settings_bind (self->settings, "headphone-z-ohm", self->headphone_z_row, "value",
                   (headphone_restored ? G_SETTINGS_BIND_DEFAULT : G_SETTINGS_BIND_SET)
                   | G_SETTINGS_BIND_NO_SENSITIVITY);

  /* From here on the scenario is the user's: its changes are computed and
   * its choices kept. Before, it was being set up from what was kept. */
  g_signal_connect_object (self->scenario, "changed", G_CALLBACK (on_scenario_changed), self, G_CONNECT_SWAPPED);
  on_scenario_changed (self);
  hr_window_pins_init (self);
  hr_window_comparison_init (self);
  hr_window_alternatives_init (self);
  hr_window_setup_gear (self);
}

static void
hr_window_dispose (GObject *object)
{
  HrWindow *self = HR_WINDOW (object);

  if (self->scenario != NULL)
    g_signal_handlers_disconnect_by_data (self->scenario, self);
  /* Why? explains this window: it goes with it. */
  if (self->why_window != NULL)
    gtk_window_destroy (self->why_window);
  g_clear_weak_pointer (&self->why_window);
  g_clear_weak_pointer (&self->export_chooser);
  hr_window_layout_dispose (self);
  /* A pin's name may be in the middle of an edit: it ends here, while the
   * pins it edits are still there, and not when GtkWindow lets go of the
   * focus later in its own dispose. */
  if (self->pins_box != NULL)
    for (GtkWidget *chip = gtk_widget_get_first_child (GTK_WIDGET (self->pins_box));
         chip != NULL;
         chip = gtk_widget_get_next_sibling (chip))
      hr_pin_chip_stop_editing (HR_PIN_CHIP (chip), FALSE);
  gtk_widget_dispose_template (GTK_WIDGET (self), HR_TYPE_WINDOW);

  g_clear_pointer (&self->live_trace, hr_chart_trace_unref);
  g_clear_pointer (&self->summary, hr_summary_free);
  g_clear_pointer (&self->resolved, hr_scenario_circuit_free);
  g_clear_pointer (&self->pins, g_ptr_array_unref);
  g_clear_pointer (&self->source_presets, g_ptr_array_unref);
  g_clear_pointer (&self->headphone_presets, g_ptr_array_unref);
  self->source = NULL;
  self->headphone = NULL;
  g_clear_object (&self->scenario);
  g_clear_object (&self->settings);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (hr_window_parent_class)->dispose (object);
}

static void
hr_window_finalize (GObject *object)
{
  HrWindow *self = HR_WINDOW (object);

  /* After dispose: the chart's view, which borrowed the sweep, is gone. */
  g_clear_pointer (&self->sweep, hr_sweep_free);
  g_clear_pointer (&self->chart_view, g_free);
  g_clear_object (&self->undo_comparison);

  G_OBJECT_CLASS (hr_window_parent_class)->finalize (object);
}

static void
hr_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HrWindow *self = HR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_CHART_VIEW:
      g_value_set_string (value, self->chart_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HrWindow *self = HR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_CHART_VIEW:
      if (g_strcmp0 (self->chart_view, g_value_get_string (value)) != 0)
        {
          g_free (self->chart_view);
          self->chart_view = g_value_dup_string (value);
          apply_chart_view (self);
          g_object_notify_by_pspec (object, properties[PROP_CHART_VIEW]);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_window_class_init (HrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hr_window_constructed;
  object_class->dispose = hr_window_dispose;
  object_class->finalize = hr_window_finalize;
  object_class->get_property = hr_window_get_property;
  object_class->set_property = hr_window_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, HR_TYPE_PRESET_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHART_VIEW] =
    g_param_spec_string ("chart-view", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HR_TYPE_CHART_WIDGET);
  g_type_ensure (HR_TYPE_SLIDER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/headroom/Headroom/ui/hr-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, output_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, source_figures_label);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, headphone_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, headphone_figures_label);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, zout_row);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, headphone_z_row);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, level_row);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, recent_menu);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, cable_row);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, adapter_series_row);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, adapter_shunt_row);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, verdict_label);
  gtk_widget_class_bind_template_child_full (widget_class, "reason_label_1", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_labels[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_label_2", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_labels[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_label_3", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_labels[2]));
  gtk_widget_class_bind_template_child (widget_class, HrWindow, chart);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, pin_button);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, pins_bar);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, pins_box);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, pins_count);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, pins_scroller);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, charts_page);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, charts_scroller);

  hr_window_choices_class_init (widget_class);

  gtk_widget_class_install_property_action (widget_class, "win.chart-view", "chart-view");
  gtk_widget_class_install_action (widget_class, "win.export", "s", hr_window_export_action);
  gtk_widget_class_install_action (widget_class, "win.export-eq", NULL, hr_window_export_eq_action);
  hr_window_comparison_class_init (widget_class);
  hr_window_alternatives_class_init (widget_class);
  hr_window_reasons_class_init (widget_class);
  gtk_widget_class_install_action (widget_class, "win.pin", NULL, hr_window_pin_action);
  hr_window_gear_class_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search-headphones", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.search-sources", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", "s", "png");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "win.pin", NULL);
}

static void
hr_window_init (HrWindow *self)
{
  self->chart_view = g_strdup ("all");
  self->pins = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_pin_free);
  self->scenario = hr_scenario_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  hr_accessible_name_mnemonics (GTK_WIDGET (self));
  hr_window_reasons_init (self);
}

HrWindow *
hr_window_new (AdwApplication *application,
               HrPresetDb     *db)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);

  return g_object_new (HR_TYPE_WINDOW, "application", application, "db", db, NULL);
}

HrScenario *
hr_window_get_scenario (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->scenario;
}

const HrSweep *
hr_window_get_sweep (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->summary != NULL ? self->sweep : NULL;
}

const HrSummary *
hr_window_get_summary (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->summary;
}

const char *
hr_window_get_verdict_text (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return gtk_label_get_text (self->verdict_label);
}

const char *
hr_window_get_content_page (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->content_stack);
}

HrSliderRow *
hr_window_get_slider_row (HrWindow   *self,
                          const char *name)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return HR_SLIDER_ROW (gtk_widget_get_template_child (GTK_WIDGET (self), HR_TYPE_WINDOW, name));
}

HrChartView *
hr_window_get_chart_view (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return hr_chart_widget_get_view (self->chart);
}

AdwToastOverlay *
hr_window_get_toast_overlay (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->toast_overlay;
}
