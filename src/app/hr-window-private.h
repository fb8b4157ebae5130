/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the UI tests reach into: the state behind the widgets, so that
 * they can assert on the computed sweep and summary, and the rows they
 * drive as a user would. */

#include "hr-alternatives-view.h"
#include "hr-chart.h"
#include "hr-chart-widget.h"
#include "hr-comparison.h"
#include "hr-core.h"
#include "hr-eq-export.h"
#include "hr-headphone-dialog.h"
#include "hr-pin.h"
#include "hr-pin-chip.h"
#include "hr-slider-row.h"
#include "hr-source-dialog.h"
#include "hr-window.h"

G_BEGIN_DECLS

/* Shared by hr-window*.c, which split the window by concern. */
#define N_REASONS 3

struct _HrWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwFlap              *flap;
  GtkDropDown          *source_dropdown;
  GtkDropDown          *output_dropdown;
  GtkLabel             *source_figures_label;
  GtkDropDown          *headphone_dropdown;
  GtkLabel             *headphone_figures_label;
  HrSliderRow          *zout_row;
  HrSliderRow          *headphone_z_row;
  HrSliderRow          *level_row;
  HrSliderRow          *cable_row;
  HrSliderRow          *adapter_series_row;
  HrSliderRow          *adapter_shunt_row;
  GtkStack             *content_stack;
  GtkLabel             *verdict_label;
  GtkLabel             *reason_labels[N_REASONS];
  GtkWidget            *reason_rows[N_REASONS];
  GtkLabel             *reason_markers[N_REASONS];
  HrChartWidget        *chart;
  GtkWidget            *pin_button;
  GtkWidget            *pins_bar;
  GtkBox               *pins_box;
  GtkLabel             *pins_count;
  GtkScrolledWindow    *pins_scroller;
  gboolean              reveal_last_pin;    /* scroll the row to a new pin once it is laid out */
  GtkWidget            *charts_page;
  GtkScrolledWindow    *charts_scroller;
  GMenu                *recent_menu;
  GtkToggleButton      *alternatives_button;
  GtkStack             *views_stack;
  HrAlternativesView   *alternatives;
  GtkWindow            *why_window;         /* weak: the Why? window, while open */
  GtkNativeDialog      *export_chooser;     /* weak: the export's file chooser, while open */

  HrPresetDb           *db;
  GSettings            *settings;
  GPtrArray            *source_presets;     /* of HrSourcePreset, as listed */
  GPtrArray            *headphone_presets;  /* of HrHeadphonePreset, as listed */
  HrSourcePreset       *source;
  guint                 output_index;
  HrHeadphonePreset    *headphone;

  HrScenario           *scenario;           /* the live configuration */
  HrSweep              *sweep;
  HrSummary            *summary;
  HrScenarioCircuit    *resolved;           /* what the live scenario came to */
  HrChartTrace         *live_trace;
  char                 *chart_view;
  GPtrArray            *pins;               /* of HrPin, slot i + 1 each */
  HrComparison         *undo_comparison;    /* the window before a comparison opened */
  gboolean              narrow;             /* the sidebar is a sheet */
  int                   hovered_reason;     /* the reason row under the pointer, -1 for none */
  int                   focused_reason;     /* the reason row with the focus, -1 for none */
  guint                 layout_idle_id;
};

gboolean         hr_window_select_source    (HrWindow   *self,
                                             const char *source_id,
                                             const char *output_id);
gboolean         hr_window_select_headphone (HrWindow   *self,
                                             const char *headphone_id);
const HrSweep   *hr_window_get_sweep        (HrWindow   *self);
const HrSummary *hr_window_get_summary      (HrWindow   *self);
const char      *hr_window_get_verdict_text (HrWindow   *self);
const char      *hr_window_get_content_page (HrWindow   *self);
HrSliderRow     *hr_window_get_slider_row   (HrWindow   *self,
                                             const char *name);
HrChartView     *hr_window_get_chart_view   (HrWindow   *self);
AdwToastOverlay *hr_window_get_toast_overlay (HrWindow  *self);
gboolean         hr_window_export_to_file   (HrWindow   *self,
                                             const char *filename,
                                             gboolean    with_verdict,
                                             GError    **error);
gboolean         hr_window_export_to_file_full (HrWindow *self,
                                             const char *filename,
                                             gboolean    with_verdict,
                                             gboolean    annotate,
                                             GError    **error);
GtkNativeDialog *hr_window_get_export_chooser (HrWindow *self);
void             hr_window_export_action    (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
gboolean         hr_window_export_eq_to_file (HrWindow  *self,
                                             const char *filename,
                                             HrEqFormat  format,
                                             char      **described,
                                             GError    **error);
void             hr_window_export_eq_action (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
HrScenario      *hr_window_get_scenario     (HrWindow   *self);
void             hr_window_pin_action       (GtkWidget  *widget,
                                             const char *action_name,
                                             GVariant   *parameter);
void             hr_window_pins_init        (HrWindow   *self);
gboolean         hr_window_set_pins         (HrWindow   *self,
                                             GPtrArray  *pins);
void             hr_window_update_pin_action (HrWindow  *self);
GPtrArray       *hr_window_get_pins         (HrWindow   *self);
HrPinChip       *hr_window_get_pin_chip     (HrWindow   *self,
                                             guint       index);
gboolean         hr_window_pin              (HrWindow   *self,
                                             GError    **error);
gboolean         hr_window_pin_scenario     (HrWindow   *self,
                                             HrScenario *scenario,
                                             GError    **error);
void             hr_window_remove_pin       (HrWindow   *self,
                                             guint       index);

void             hr_window_choices_class_init (GtkWidgetClass *widget_class);
void             hr_window_populate_choices (HrWindow   *self,
                                             gboolean   *source_restored,
                                             gboolean   *headphone_restored);
void             hr_window_reload_presets   (HrWindow     *self,
                                             HrPresetKind  kind,
                                             const char   *id);
void             hr_window_setup_gear       (HrWindow   *self);
void             hr_window_update_gear_actions (HrWindow *self);
HrHeadphoneDialog *hr_window_open_headphone_dialog (HrWindow          *self,
                                                    HrHeadphonePreset *preset,
                                                    GFile             *curve_file);
void             hr_window_import_file      (HrWindow       *self,
                                             GFile          *file);
HrSourceDialog  *hr_window_open_source_dialog (HrWindow       *self,
                                               HrSourcePreset *preset);
void             hr_window_gear_class_init  (GtkWidgetClass *widget_class);

HrComparison    *hr_window_dup_comparison   (HrWindow   *self,
                                             GError    **error);
gboolean         hr_window_save_comparison  (HrWindow   *self,
                                             GFile      *file,
                                             GError    **error);
gboolean         hr_window_open_comparison  (HrWindow   *self,
                                             GFile      *file,
                                             GError    **error);
void             hr_window_update_recent    (HrWindow   *self);
void             hr_window_comparison_init  (HrWindow   *self);
void             hr_window_comparison_class_init (GtkWidgetClass *widget_class);
void             hr_window_alternatives_init (HrWindow  *self);
void             hr_window_alternatives_class_init (GtkWidgetClass *widget_class);

void             hr_window_reasons_init     (HrWindow   *self);
void             hr_window_reasons_class_init (GtkWidgetClass *widget_class);
void             hr_window_update_reasons   (HrWindow   *self);
GtkWidget       *hr_window_get_reason_row   (HrWindow   *self,
                                             guint       index);

void             hr_window_layout_init      (HrWindow   *self);
void             hr_window_layout_dispose   (HrWindow   *self);
gboolean         hr_window_get_narrow       (HrWindow   *self);
gboolean         hr_window_get_chart_bounds (HrWindow   *self,
                                             HrChartKind kind,
                                             graphene_rect_t *bounds);

G_END_DECLS
