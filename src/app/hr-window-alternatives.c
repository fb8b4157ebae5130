/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-alternatives"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-why-window.h"
#include "hr-window-private.h"

/* What stands beside the verdict. The Alternatives view under it, in
 * place of the charts while its button is down: it follows the live
 * configuration, puts a candidate into the sidebar when one is
 * activated, and pins one beside it from its row's pin button. And Why?,
 * a window of its own beside this one, so that the charts stay in view
 * and the pointer on them moves where its circuit is read. */

static void
on_alternatives_toggled (HrWindow        *self,
                         GtkToggleButton *button)
{
  gtk_stack_set_visible_child_name (self->views_stack, gtk_toggle_button_get_active (button) ? "alternatives"
                                                                                            : "charts");
}

/* The candidate in the sidebar: its gear chosen in the dropdowns, as if
 * the user had; the level, the cable and the adapter stay. */
static void
on_choose (HrWindow             *self,
           const HrRankingEntry *entry)
{
  const char *id = hr_preset_get_id (entry->preset);

  if (hr_alternatives_view_get_direction (self->alternatives) == HR_RANKING_SOURCES)
    hr_window_select_source (self, id, hr_source_preset_get_output (HR_SOURCE_PRESET (entry->preset),
                                                                     entry->output_index)->id);
  else
    hr_window_select_headphone (self, id);
}

static void
on_pin (HrWindow             *self,
        const HrRankingEntry *entry)
{
  g_autoptr(HrScenario) scenario = hr_alternatives_view_dup_candidate (self->alternatives, entry);
  g_autoptr(GError) error = NULL;

  if (!hr_window_pin_scenario (self, scenario, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

void
hr_window_alternatives_init (HrWindow *self)
{
  hr_alternatives_view_set_context (self->alternatives, self->db, self->scenario);
  g_signal_connect_object (self->alternatives, "choose", G_CALLBACK (on_choose), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->alternatives, "pin", G_CALLBACK (on_pin), self, G_CONNECT_SWAPPED);
  /* Ranked again as the level, the cable or the gear that stays change;
   * the view skips what does not change its ranking. */
  g_signal_connect_object (self->scenario, "changed", G_CALLBACK (hr_alternatives_view_refresh),
                           self->alternatives, G_CONNECT_SWAPPED);
}

static void
why_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);

  if (self->why_window == NULL)
    g_set_weak_pointer (&self->why_window, GTK_WINDOW (hr_why_window_new (self)));
  gtk_window_present (GTK_WINDOW (self->why_window));
}

void
hr_window_alternatives_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.why", NULL, why_action);
  g_type_ensure (HR_TYPE_ALTERNATIVES_VIEW);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, alternatives_button);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, views_stack);
  gtk_widget_class_bind_template_child (widget_class, HrWindow, alternatives);
  gtk_widget_class_bind_template_callback (widget_class, on_alternatives_toggled);
}
