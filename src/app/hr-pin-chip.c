/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-pin-chip"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "hr-pin-chip.h"
#include "hr-tooltip.h"

/* One pin under the charts: a swatch of its traces' colour, its name
 * (click to rename), an eye to hide it and a button to remove it. The
 * chip edits the pin it is given and says so with "changed"; the window
 * owns the pins and redraws and saves them.
 *
 * The name is a flat button that shows a pencil when pointed at or
 * focused, so that it says it can be edited, and turns into an entry
 * when clicked: Enter or leaving it keeps the new name, Escape the old.
 * Not GtkEditableLabel: in GTK 4.8 it finishes an edit from a timeout
 * that outlives the label, and a chip removed or a window closed within
 * 100 ms of the name losing the focus crashed the app.
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
  GtkButton       *name_button;
  GtkLabel        *name_label;
  GtkWidget       *edit_icon;
  GtkEntry        *name_entry;
  GtkButton       *visible_button;
  GtkWidget       *remove_button;
  gboolean         editing;
};

G_DEFINE_FINAL_TYPE (HrPinChip, hr_pin_chip, GTK_TYPE_BOX)

enum {
  CHANGED,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Names are at most this wide on the chip; the whole name is in the
 * tooltip and the entry. Cut in the middle, not at the end: automatic
 * names of one pair at other settings share their start ("HD 650 on
 * Fireface 800 · Line out") and differ at the end ("(Zout 300 Ω)"), and
 * cut at the end they all read alike. */
#define NAME_MAX_WIDTH_CHARS 30

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
update_name (HrPinChip *self)
{
  g_autofree char *rename = NULL;
  g_autofree char *remove = NULL;

  gtk_label_set_text (self->name_label, self->pin->name);
  /* As wide as the name up to a limit, and no narrower: an ellipsized
   * label would otherwise shrink to "…" in a row that scrolls anyway. */
  gtk_label_set_width_chars (self->name_label, MIN ((int) g_utf8_strlen (self->pin->name, -1),
                                                    NAME_MAX_WIDTH_CHARS));
  /* Translators: a pin's tooltip, the whole name and what a click does */
  rename = g_strdup_printf (_("%s\nClick to rename"), self->pin->name);
  hr_tooltip_set_text (GTK_WIDGET (self->name_button), rename);
  g_free (rename);
  /* Translators: the accessible name of a pin's name button, "Rename HD 600 on O2" */
  rename = g_strdup_printf (_("Rename %s"), self->pin->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_button), GTK_ACCESSIBLE_PROPERTY_LABEL, rename, -1);
  /* Translators: the accessible name of a pin's remove button, "Remove HD 600 on O2" */
  remove = g_strdup_printf (_("Remove %s"), self->pin->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
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

void
hr_pin_chip_start_editing (HrPinChip *self)
{
  g_return_if_fail (HR_IS_PIN_CHIP (self));

  if (self->editing)
    return;
  self->editing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_entry), self->pin->name);
  gtk_widget_set_visible (GTK_WIDGET (self->name_entry), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->name_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->name_entry), 0, -1);
}

/**
 * hr_pin_chip_stop_editing:
 * @commit: keep what was typed, unless it is empty
 *
 * Ends an edit of the name at once; nothing is left pending.
 */
void
hr_pin_chip_stop_editing (HrPinChip *self,
                          gboolean   commit)
{
  g_autofree char *name = NULL;

  g_return_if_fail (HR_IS_PIN_CHIP (self));

  if (!self->editing)
    return;
  self->editing = FALSE;
  name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
  gtk_widget_set_visible (GTK_WIDGET (self->name_button), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->name_entry), FALSE);
  if (!commit || name[0] == '\0' || g_strcmp0 (name, self->pin->name) == 0)
    return;

  g_free (self->pin->name);
  self->pin->name = g_steal_pointer (&name);
  if (self->pin->trace != NULL)
    hr_chart_trace_set_label (self->pin->trace, self->pin->name);
  update_name (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
hr_pin_chip_get_editing (HrPinChip *self)
{
  g_return_val_if_fail (HR_IS_PIN_CHIP (self), FALSE);

  return self->editing;
}

static void
on_name_activate (HrPinChip *self)
{
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->name_entry))
                       || gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))),
                                                  GTK_WIDGET (self->name_entry));

  hr_pin_chip_stop_editing (self, TRUE);
  if (had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->name_button));
}

static gboolean
on_entry_key (HrPinChip       *self,
              guint            keyval,
              guint            keycode,
              GdkModifierType  state)
{
  if (keyval != GDK_KEY_Escape)
    return GDK_EVENT_PROPAGATE;
  hr_pin_chip_stop_editing (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_button));
  return GDK_EVENT_STOP;
}

/* Leaving the entry keeps what was typed, at once: no timeout that could
 * outlive the chip. */
static void
on_entry_leave (HrPinChip *self)
{
  hr_pin_chip_stop_editing (self, TRUE);
}

/* The pencil shows while the name is pointed at or has the focus. */
static void
update_edit_icon (HrPinChip *self)
{
  GtkWidget *button = GTK_WIDGET (self->name_button);

  gtk_widget_set_opacity (self->edit_icon,
                          gtk_widget_has_focus (button)
                          || (gtk_widget_get_state_flags (button) & GTK_STATE_FLAG_PRELIGHT) ? 1.0 : 0.0);
}

static void
on_remove_clicked (HrPinChip *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* An edit in progress when the chip goes (the pin removed, the window
 * closed) is dropped. */
static void
hr_pin_chip_dispose (GObject *object)
{
  HrPinChip *self = HR_PIN_CHIP (object);

  self->editing = FALSE;

  G_OBJECT_CLASS (hr_pin_chip_parent_class)->dispose (object);
}

static void
hr_pin_chip_class_init (HrPinChipClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = hr_pin_chip_dispose;

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
  gtk_box_set_spacing (GTK_BOX (self), 2);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
}

static GtkWidget *
build_name (HrPinChip *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (self->name_label, NAME_MAX_WIDTH_CHARS);
  gtk_label_set_xalign (self->name_label, 0.0f);
  /* Decoration: the button says "Rename" to assistive technologies. */
  self->edit_icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", "document-edit-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  gtk_widget_add_css_class (self->edit_icon, "dim-label");
  gtk_widget_set_opacity (self->edit_icon, 0.0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_label));
  gtk_box_append (GTK_BOX (box), self->edit_icon);

  self->name_button = GTK_BUTTON (gtk_button_new ());
  gtk_button_set_child (self->name_button, box);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_button), "flat");
  g_signal_connect_object (self->name_button, "clicked", G_CALLBACK (hr_pin_chip_start_editing),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_button, "state-flags-changed", G_CALLBACK (update_edit_icon),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_button, "notify::has-focus", G_CALLBACK (update_edit_icon),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "enter", G_CALLBACK (update_edit_icon), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (update_edit_icon), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_button), motion);

  self->name_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->name_entry), NAME_MAX_WIDTH_CHARS);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Name of the pin"), -1);
  g_signal_connect_object (self->name_entry, "activate", G_CALLBACK (on_name_activate), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_entry_key), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_entry), keys);
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_entry_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->name_entry), focus);

  /* One or the other shows: the name, or the entry that edits it. */
  gtk_widget_set_visible (GTK_WIDGET (self->name_entry), FALSE);
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_button));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->name_entry));
  return box;
}

GtkWidget *
hr_pin_chip_new (HrPin *pin,
                 guint  slot)
{
  HrPinChip *self;
  GtkWidget *swatch;

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

  self->visible_button = GTK_BUTTON (gtk_button_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->visible_button), "flat");
  update_visible_button (self);
  g_signal_connect_object (self->visible_button, "clicked",
                           G_CALLBACK (on_visible_clicked), self, G_CONNECT_SWAPPED);

  self->remove_button = gtk_button_new_from_icon_name ("window-close-symbolic");
  gtk_widget_add_css_class (self->remove_button, "flat");
  gtk_widget_set_tooltip_text (self->remove_button, _("Remove"));
  g_signal_connect_object (self->remove_button, "clicked", G_CALLBACK (on_remove_clicked), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (self), swatch);
  gtk_box_append (GTK_BOX (self), build_name (self));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->visible_button));
  gtk_box_append (GTK_BOX (self), self->remove_button);
  update_name (self);
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

/* The button that shows the name and starts its edit when clicked. */
GtkWidget *
hr_pin_chip_get_name_button (HrPinChip *self)
{
  g_return_val_if_fail (HR_IS_PIN_CHIP (self), NULL);

  return GTK_WIDGET (self->name_button);
}

GtkEditable *
hr_pin_chip_get_name_entry (HrPinChip *self)
{
  g_return_val_if_fail (HR_IS_PIN_CHIP (self), NULL);

  return GTK_EDITABLE (self->name_entry);
}

/* The pencil that says the name can be edited: shown or not. */
gboolean
hr_pin_chip_get_edit_hint_shown (HrPinChip *self)
{
  g_return_val_if_fail (HR_IS_PIN_CHIP (self), FALSE);

  return gtk_widget_get_opacity (self->edit_icon) > 0.5;
}
