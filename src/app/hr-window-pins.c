/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-pins"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-pin-chip.h"
#include "hr-window-private.h"

/* Pins: configurations kept beside the live one, each drawn in its own
 * palette slot (the live one has slot 0 and is drawn on top, thicker).
 * They are remembered in GSettings ("pinned") as their scenarios and
 * recomputed from the presets at start. */

static void
save_pins (HrWindow *self)
{
  g_settings_set_value (self->settings, "pinned", hr_pins_to_variant (self->pins));
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
      hr_chart_trace_set_slot (pin->trace, i + 1);
      hr_chart_trace_set_live (pin->trace, FALSE);
      hr_chart_view_add_trace (view, pin->trace);
    }
  if (self->live_trace != NULL)
    hr_chart_view_add_trace (view, self->live_trace);
  hr_chart_widget_changed (self->chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.pin",
                                 self->pins->len < HR_PIN_MAX && self->live_trace != NULL);
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
rebuild_chips (HrWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pins_flow))) != NULL)
    gtk_flow_box_remove (self->pins_flow, child);
  for (guint i = 0; i < self->pins->len; i++)
    {
      HrPin *pin = g_ptr_array_index (self->pins, i);
      GtkWidget *chip = hr_pin_chip_new (pin, i + 1);

      g_signal_connect_object (chip, "changed", G_CALLBACK (on_chip_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (chip, "remove", G_CALLBACK (on_chip_remove), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->pins_flow, chip);
    }
  gtk_widget_set_visible (self->pins_bar, self->pins->len > 0);
  sync_traces (self);
}

gboolean
hr_window_pin (HrWindow  *self,
               GError   **error)
{
  g_autoptr(HrPin) pin = NULL;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  if (self->live_trace == NULL)
    {
      g_set_error_literal (error, HR_PIN_ERROR, HR_PIN_ERROR_NOTHING_TO_PIN,
                           _("There is nothing to pin: choose a source and headphones first."));
      return FALSE;
    }
  if (self->pins->len >= HR_PIN_MAX)
    {
      g_set_error (error, HR_PIN_ERROR, HR_PIN_ERROR_TOO_MANY,
                   _("At most %u configurations can be pinned."), (guint) HR_PIN_MAX);
      return FALSE;
    }
  pin = hr_pin_new (hr_chart_trace_get_label (self->live_trace), self->scenario);
  if (!hr_pin_compute (pin, self->db, error))
    return FALSE;
  g_ptr_array_add (self->pins, g_steal_pointer (&pin));
  save_pins (self);
  rebuild_chips (self);
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

  g_ptr_array_remove_index (self->pins, index);
  save_pins (self);
  rebuild_chips (self);
}

static void
toast (HrWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* At start: a pin whose preset is gone is dropped with a toast that
 * names it, rather than kept and never drawn. Pins kept by an earlier
 * version, as the sidebar's values, are taken over once. */
void
hr_window_load_pins (HrWindow *self)
{
  g_autoptr(GVariant) stored = g_settings_get_value (self->settings, "pinned");
  g_autoptr(GVariant) legacy = g_settings_get_value (self->settings, "pins");
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GError) stored_error = NULL;
  gboolean dropped = FALSE;

  g_return_if_fail (HR_IS_WINDOW (self));

  if (g_variant_n_children (stored) == 0 && g_variant_n_children (legacy) > 0)
    {
      loaded = hr_pins_from_legacy_variant (legacy);
      g_settings_reset (self->settings, "pins");
      dropped = TRUE;
    }
  else
    loaded = hr_pins_from_variant (stored, &stored_error);
  if (stored_error != NULL)
    {
      toast (self, stored_error->message);
      dropped = TRUE;
    }

  g_ptr_array_set_size (self->pins, 0);
  while (loaded->len > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HrPin) pin = g_ptr_array_steal_index (loaded, 0);

      if (!hr_pin_compute (pin, self->db, &error))
        {
          g_autofree char *message = g_strdup_printf (_("The pin “%s” was removed: %s"), pin->name, error->message);

          toast (self, message);
          dropped = TRUE;
          continue;
        }
      g_ptr_array_add (self->pins, g_steal_pointer (&pin));
    }
  if (dropped)
    save_pins (self);
  rebuild_chips (self);
}

GPtrArray *
hr_window_get_pins (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);

  return self->pins;
}
