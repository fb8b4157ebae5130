/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-pin-chip"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hr-pin-chip.h"

/* One pin under the charts: a swatch of its traces' colour, its name
 * (click to rename), an eye to hide it and a button to remove it. The
 * chip edits the pin it is given and says so with "changed"; the window
 * owns the pins and redraws and saves them.
 *
 * The swatch keeps the palette slot, not a colour: two slots differ
 * between the light and the dark palette (black becomes a light grey),
 * and the swatch must match the traces, which the chart draws in the
 * palette of the style in use. */
struct _HrPinChip
{
  GtkBox           parent_instance;

  HrPin           *pin;           /* borrowed from the window */
  guint            slot;
  GtkWidget       *swatch;
  GtkEditableLabel *name_label;
  GtkButton       *visible_button;
};

G_DEFINE_FINAL_TYPE (HrPinChip, hr_pin_chip, GTK_TYPE_BOX)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  HrPinChip *self = HR_PIN_CHIP (user_data);
  HrChartColor color = hr_pin_chip_get_color (self);

  cairo_rectangle (cr, 0, 0, width, height);
  cairo_set_source_rgb (cr, color.red, color.green, color.blue);
  cairo_fill (cr);
}

/* As the chart does (hr-chart-widget.c): a switch between light and dark
 * redraws in the other palette. GTK redraws everything when the theme's
 * CSS changes, but the swatch's colour is not from CSS, so ask for it
 * rather than rely on that. */
static void
on_dark_changed (HrPinChip *self)
{
  gtk_widget_queue_draw (self->swatch);
}

/* A plain button whose icon says the state: a pressed-in toggle would
 * look like a selection. */
static void
update_visible_button (HrPinChip *self)
{
  gboolean visible = self->pin->visible;

  gtk_button_set_icon_name (self->visible_button, visible ? "view-reveal-symbolic" : "view-conceal-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->visible_button), visible ? _("Hide") : _("Show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->visible_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  visible ? _("Hide the pin in the charts") : _("Show the pin in the charts"), -1);
}

static void
on_visible_clicked (HrPinChip *self)
{
  self->pin->visible = !self->pin->visible;
  if (self->pin->trace != NULL)
    hr_chart_trace_set_visible (self->pin->trace, self->pin->visible);
  update_visible_button (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_name_editing (HrPinChip *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_label));

  /* Only once the edit is done, and never to an empty name. */
  if (gtk_editable_label_get_editing (self->name_label) || g_strcmp0 (name, self->pin->name) == 0)
    return;
  if (name[0] == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_label), self->pin->name);
      return;
    }
  g_free (self->pin->name);
  self->pin->name = g_strdup (name);
  if (self->pin->trace != NULL)
    hr_chart_trace_set_label (self->pin->trace, name);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_remove_clicked (HrPinChip *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
hr_pin_chip_class_init (HrPinChipClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_css_name (widget_class, "pinchip");
}

static void
hr_pin_chip_init (HrPinChip *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_HORIZONTAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  /* As wide as its name, not as wide as the flow box's column. */
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_START);
}

GtkWidget *
hr_pin_chip_new (HrPin *pin,
                 guint  slot)
{
  HrPinChip *self;
  GtkWidget *swatch;
  GtkWidget *remove_button;
  g_autofree char *remove_label = NULL;

  g_return_val_if_fail (pin != NULL, NULL);

  self = g_object_new (HR_TYPE_PIN_CHIP, NULL);
  self->pin = pin;
  self->slot = slot;

  self->swatch = swatch = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 14);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch, self, NULL);
  gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_start (swatch, 8);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  self->name_label = GTK_EDITABLE_LABEL (gtk_editable_label_new (pin->name));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->name_label), _("Click to rename"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name of the pin"), -1);
  g_signal_connect_object (self->name_label, "notify::editing",
                           G_CALLBACK (on_name_editing), self, G_CONNECT_SWAPPED);

  self->visible_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->visible_button), "flat");
  update_visible_button (self);
  g_signal_connect_object (self->visible_button, "clicked",
                           G_CALLBACK (on_visible_clicked), self, G_CONNECT_SWAPPED);

  remove_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_tooltip_text (remove_button, _("Remove"));
  /* Translators: the accessible name of a pin's remove button, "Remove HD 600 on O2" */
  remove_label = g_strdup_printf (_("Remove %s"), pin->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_signal_connect_object (remove_button, "clicked", G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (self), swatch);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->visible_button));
  gtk_box_append (GTK_BOX (self), remove_button);
  return GTK_WIDGET (self);
}

/* The swatch's colour: the slot's in the palette of the style in use. */
HrChartColor
hr_pin_chip_get_color (HrPinChip *self)
{
  g_return_val_if_fail (HR_IS_PIN_CHIP (self), (HrChartColor) { 0 });

  return hr_chart_slot_color (adw_style_manager_get_dark (adw_style_manager_get_default ())
                              ? HR_CHART_THEME_DARK : HR_CHART_THEME_LIGHT,
                              self->slot);
}

HrPin *
hr_pin_chip_get_pin (HrPinChip *self)
{
  g_return_val_if_fail (HR_IS_PIN_CHIP (self), NULL);

  return self->pin;
}
