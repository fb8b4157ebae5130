/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-pins"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-pin-chip.h"
#include "hr-window-private.h"

/* Pins: configurations kept beside the live one. Each keeps the palette
 * slot it was given for as long as it lives, so that removing one does
 * not repaint the others; the live one has slot 0 and is drawn on top,
 * thicker. They are remembered in GSettings ("pinned") as their
 * scenarios and recomputed from the presets at start.
 *
 * Their chips are added and removed one at a time, never rebuilt: a
 * chip whose name is being edited holds the focus, and destroying it
 * under GTK's focus handling crashed the app. */

static void
save_pins (HrWindow *self)
{
  g_settings_set_value (self->settings, "pinned", hr_pins_to_variant (self->pins));
}

/* Pin can do nothing, and its tooltip says why: a greyed-out button that
 * does not explain itself reads as broken. */
static void
update_pin_action (HrWindow *self)
{
  gboolean can_pin = self->live_trace != NULL && self->pins->len < HR_PIN_MAX;
  g_autofree char *tooltip = NULL;
  g_autofree char *count = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pin", can_pin);
  if (self->live_trace == NULL)
    tooltip = g_strdup (_("Choose a source and headphones to pin them"));
  else if (self->pins->len >= HR_PIN_MAX)
    tooltip = g_strdup_printf (_("At most %u configurations can be pinned: remove one to pin another"),
                               (guint) HR_PIN_MAX);
  else
    tooltip = g_strdup (_("Pin This Configuration (Ctrl+P)"));
  gtk_widget_set_tooltip_text (self->pin_button, tooltip);

  /* How many there are, and of how many: the row scrolls, so not all of
   * them need be in view. */
  /* Translators: beside "Pinned", the number of pins and the limit, "3 of 7" */
  count = g_strdup_printf (_("%u of %u"), self->pins->len, (guint) HR_PIN_MAX);
  gtk_label_set_text (self->pins_count, count);
}

/* A pin added by hand is scrolled into view once the row has its new
 * width: it may have gone on past the row's end. The row learns its width
 * while it is laid out, when a new scroll position would not be laid out
 * until something else changed, so the scroll waits for the next frame. */
static gboolean
reveal_last_pin (GtkWidget     *scroller,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));

  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  return G_SOURCE_REMOVE;
}

static void
on_pins_row_changed (HrWindow *self)
{
  if (!self->reveal_last_pin)
    return;
  self->reveal_last_pin = FALSE;
  gtk_widget_add_tick_callback (GTK_WIDGET (self->pins_scroller), reveal_last_pin, NULL, NULL);
}

/* The view's traces: the pins in their slots, then the live one, which
 * the chart draws last so that it stays on top. */
static void
sync_traces (HrWindow *self)
{
  HrChartView *view = hr_chart_widget_get_view (self->chart);

  hr_chart_view_clear_traces (view);
  for (guint i = 0; i < self->pins->len; i++)
    {
      HrPin *pin = g_ptr_array_index (self->pins, i);

      if (pin->trace == NULL)
        continue;
      hr_chart_trace_set_slot (pin->trace, pin->slot);
      hr_chart_trace_set_live (pin->trace, FALSE);
      hr_chart_view_add_trace (view, pin->trace);
    }
  if (self->live_trace != NULL)
    hr_chart_view_add_trace (view, self->live_trace);
  hr_chart_widget_changed (self->chart);
  gtk_widget_set_visible (self->pins_bar, self->pins->len > 0);
  update_pin_action (self);
}

void
hr_window_update_pin_action (HrWindow *self)
{
  g_return_if_fail (HR_IS_WINDOW (self));

  update_pin_action (self);
}

static void
on_chip_changed (HrWindow *self)
{
  save_pins (self);
  hr_chart_widget_changed (self->chart);
}

static void
on_chip_remove (HrWindow  *self,
                HrPinChip *chip)
{
  guint index;

  if (g_ptr_array_find (self->pins, hr_pin_chip_get_pin (chip), &index))
    hr_window_remove_pin (self, index);
}

static void
add_chip (HrWindow *self,
          HrPin    *pin)
{
  GtkWidget *chip = hr_pin_chip_new (pin, pin->slot);

  g_signal_connect_object (chip, "changed", G_CALLBACK (on_chip_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (chip, "remove", G_CALLBACK (on_chip_remove), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->pins_box, chip);
}

static HrPinChip *
find_chip (HrWindow *self,
           HrPin    *pin)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pins_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (hr_pin_chip_get_pin (HR_PIN_CHIP (child)) == pin)
      return HR_PIN_CHIP (child);
  return NULL;
}

/* A chip that goes first gives up the focus and any edit of its name,
 * which GTK would otherwise finish on a widget already gone; the focus
 * goes to a neighbour, or to the chart. */
static void
remove_chip (HrWindow *self,
             HrPin    *pin)
{
  HrPinChip *chip = find_chip (self, pin);
  GtkWidget *focus;

  if (chip == NULL)
    return;
  hr_pin_chip_stop_editing (chip, FALSE);
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (focus == GTK_WIDGET (chip) || gtk_widget_is_ancestor (focus, GTK_WIDGET (chip))))
    {
      GtkWidget *neighbour = gtk_widget_get_next_sibling (GTK_WIDGET (chip));

      if (neighbour == NULL)
        neighbour = gtk_widget_get_prev_sibling (GTK_WIDGET (chip));
      if (neighbour == NULL || !gtk_widget_child_focus (neighbour, GTK_DIR_TAB_FORWARD))
        gtk_widget_grab_focus (GTK_WIDGET (self->chart));
    }
  gtk_box_remove (self->pins_box, GTK_WIDGET (chip));
}

/* The lowest slot no pin has: a new pin's colour. */
static guint
free_slot (HrWindow *self)
{
  for (guint slot = 1; slot <= HR_PIN_MAX; slot++)
    {
      gboolean taken = FALSE;

      for (guint i = 0; i < self->pins->len && !taken; i++)
        taken = ((HrPin *) g_ptr_array_index (self->pins, i))->slot == slot;
      if (!taken)
        return slot;
    }
  g_return_val_if_reached (HR_PIN_MAX);
}

static gboolean
name_is_taken (HrWindow   *self,
               const char *name)
{
  for (guint i = 0; i < self->pins->len; i++)
    if (g_strcmp0 (((HrPin *) g_ptr_array_index (self->pins, i))->name, name) == 0)
      return TRUE;
  return FALSE;
}

/* What differs from the gear's own figures, and where two pins would
 * still share a name, the level, then a number. */
static char *
dup_pin_name (HrWindow                *self,
              HrScenario              *scenario,
              const HrScenarioCircuit *resolved,
              double                   level_db_spl)
{
  g_autofree char *name = hr_scenario_dup_name (scenario, resolved);
  char *candidate;

  if (!name_is_taken (self, name))
    return g_steal_pointer (&name);
  /* Translators: a pin's name with its level, "HD 650 on O2 · Headphone out at 95 dB SPL" */
  candidate = g_strdup_printf (_("%s at %.1f dB SPL"), name, level_db_spl);
  for (guint n = 2; name_is_taken (self, candidate); n++)
    {
      g_free (candidate);
      /* Translators: a pin's name made unique, "HD 650 on O2 · Headphone out (2)" */
      candidate = g_strdup_printf (_("%s (%u)"), name, n);
    }
  return candidate;
}

static gboolean
check_room (HrWindow  *self,
            GError   **error)
{
  if (self->pins->len >= HR_PIN_MAX)
    {
      g_set_error (error, HR_PIN_ERROR, HR_PIN_ERROR_TOO_MANY,
                   _("At most %u configurations can be pinned."), (guint) HR_PIN_MAX);
      return FALSE;
    }
  return TRUE;
}

static void
add_pin (HrWindow *self,
         HrPin    *pin)
{
  g_ptr_array_add (self->pins, pin);
  save_pins (self);
  add_chip (self, pin);
  self->reveal_last_pin = TRUE;
  sync_traces (self);
}

gboolean
hr_window_pin (HrWindow  *self,
               GError   **error)
{
  g_autoptr(HrPin) pin = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  if (self->live_trace == NULL || self->resolved == NULL)
    {
      g_set_error_literal (error, HR_PIN_ERROR, HR_PIN_ERROR_NOTHING_TO_PIN,
                           _("There is nothing to pin: choose a source and headphones first."));
      return FALSE;
    }
  if (!check_room (self, error))
    return FALSE;
  name = dup_pin_name (self, self->scenario, self->resolved, self->summary->level_db_spl);
  pin = hr_pin_new (name, self->scenario);
  pin->slot = free_slot (self);
  if (!hr_pin_compute (pin, self->db, error))
    return FALSE;
  add_pin (self, g_steal_pointer (&pin));
  return TRUE;
}

/**
 * hr_window_pin_scenario:
 *
 * Pins @scenario beside the configuration shown, named as a pin of it
 * would be: the Alternatives view's pin button.
 */
gboolean
hr_window_pin_scenario (HrWindow    *self,
                        HrScenario  *scenario,
                        GError     **error)
{
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  g_autoptr(HrPin) pin = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (HR_IS_SCENARIO (scenario), FALSE);

  if (!check_room (self, error))
    return FALSE;
  resolved = hr_scenario_resolve (scenario, self->db, error);
  if (resolved == NULL)
    return FALSE;
  name = dup_pin_name (self, scenario, resolved, hr_scenario_get_level_db_spl (scenario));
  pin = hr_pin_new (name, scenario);
  pin->slot = free_slot (self);
  if (!hr_pin_compute (pin, self->db, error))
    return FALSE;
  add_pin (self, g_steal_pointer (&pin));
  return TRUE;
}

void
hr_window_pin_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (!hr_window_pin (self, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

void
hr_window_remove_pin (HrWindow *self,
                      guint     index)
{
  g_return_if_fail (HR_IS_WINDOW (self));
  g_return_if_fail (index < self->pins->len);

  remove_chip (self, g_ptr_array_index (self->pins, index));
  g_ptr_array_remove_index (self->pins, index);
  save_pins (self);
  sync_traces (self);
}

static void
toast (HrWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* Slots from an earlier version, or two pins that came back with one
 * slot, are put right: each pin its own. */
static void
mend_slots (HrWindow *self)
{
  for (guint i = 0; i < self->pins->len; i++)
    {
      HrPin *pin = g_ptr_array_index (self->pins, i);
      gboolean clash = pin->slot < 1 || pin->slot > HR_PIN_MAX;

      for (guint j = 0; j < i && !clash; j++)
        clash = ((HrPin *) g_ptr_array_index (self->pins, j))->slot == pin->slot;
      if (clash)
        {
          pin->slot = 0;
          pin->slot = free_slot (self);
        }
    }
}

/**
 * hr_window_set_pins:
 * @pins: (element-type HrPin): not computed yet; emptied
 *
 * Puts @pins in place of the window's. One that does not compute (its
 * preset is gone) is dropped with a toast that names it, rather than kept
 * and never drawn.
 *
 * Returns: whether any was dropped
 */
gboolean
hr_window_set_pins (HrWindow  *self,
                    GPtrArray *pins)
{
  gboolean dropped = FALSE;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  while (self->pins->len > 0)
    hr_window_remove_pin (self, self->pins->len - 1);
  while (pins->len > 0 && self->pins->len < HR_PIN_MAX)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HrPin) pin = g_ptr_array_steal_index (pins, 0);

      if (!hr_pin_compute (pin, self->db, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The pin “%s” was removed: %s"), pin->name, error->message);

          toast (self, message);
          dropped = TRUE;
          continue;
        }
      g_ptr_array_add (self->pins, g_steal_pointer (&pin));
    }
  mend_slots (self);
  for (guint i = 0; i < self->pins->len; i++)
    add_chip (self, g_ptr_array_index (self->pins, i));
  save_pins (self);
  sync_traces (self);
  return dropped;
}

/* At start: the pins row scrolls to a pin added by hand, and the pins
 * remembered come back. Pins kept by an earlier version, as the
 * sidebar's values, are taken over once. */
void
hr_window_pins_init (HrWindow *self)
{
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "pinned");
  g_autoptr(GVariant) legacy = g_settings_get_value (self->settings, "pins");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) stored_error = NULL;

  g_return_if_fail (HR_IS_WINDOW (self));

  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->pins_scroller), "changed",
                           G_CALLBACK (on_pins_row_changed), self, G_CONNECT_SWAPPED);
  if (g_variant_n_children (stored) == 0 && g_variant_n_children (legacy) > 0)
    {
      loaded = hr_pins_from_legacy_variant (legacy);
      g_settings_reset (self->settings, "pins");
    }
  else
    loaded = hr_pins_from_variant (stored, &stored_error);
  if (stored_error != NULL)
    toast (self, stored_error->message);
  hr_window_set_pins (self, loaded);
}

GPtrArray *
hr_window_get_pins (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->pins;
}

/* Returns: (transfer none) (nullable): the chip of pin @index */
HrPinChip *
hr_window_get_pin_chip (HrWindow *self,
                        guint     index)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  if (index >= self->pins->len)
    return NULL;
  return find_chip (self, g_ptr_array_index (self->pins, index));
}
