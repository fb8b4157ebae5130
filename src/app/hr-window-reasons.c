/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-reasons"

#include "config.h"

#include "hr-window-private.h"

/* The reasons under the verdict point at the charts. Each row carries a
 * small marker with its number, in the accent, as the chart draws it;
 * hovering a row, or giving it the focus with Tab, lights up on the
 * charts what the reason speaks of (hr_reason_get_region(): the band
 * where the response moves, where the current peaks, where it clips,
 * the hiss line) with the same numbered marker. The pointer wins over
 * the focus while it is on a row; leaving both puts the charts back.
 *
 * A reason that speaks of no place on the charts (a figure that is not
 * known) has its number in an outlined circle, which lights up nothing.
 *
 * The reasons are one stop in the Tab cycle, as a list is: Tab comes to
 * the first (Shift+Tab to the last), the arrow keys go from one to the
 * next, and Tab leaves them. A stop per line made the keyboard's way
 * through the window three stops longer for lines most people read at a
 * glance. The labels themselves are no stop (see the .ui). */

/* A GtkBox hands the focus on to its children and never takes it, even
 * focusable; a reason's row takes it itself, unless Tab or Shift+Tab
 * comes from another reason: its label is no stop, its marker neither. */
#define HR_TYPE_REASON_ROW (hr_reason_row_get_type ())
G_DECLARE_FINAL_TYPE (HrReasonRow, hr_reason_row, HR, REASON_ROW, GtkBox)

struct _HrReasonRow
{
  GtkBox parent_instance;
};

G_DEFINE_FINAL_TYPE (HrReasonRow, hr_reason_row, GTK_TYPE_BOX)

static gboolean
is_sibling_reason (GtkWidget *widget,
                   GtkWidget *other)
{
  return other != NULL && other != widget && HR_IS_REASON_ROW (other)
         && gtk_widget_get_parent (other) == gtk_widget_get_parent (widget);
}

static gboolean
hr_reason_row_focus (GtkWidget        *widget,
                     GtkDirectionType  direction)
{
  if (gtk_widget_is_focus (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if ((direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD)
      && is_sibling_reason (widget, gtk_root_get_focus (gtk_widget_get_root (widget))))
    return FALSE;
  return gtk_widget_grab_focus (widget);
}

/* Up and Down (Left and Right too) go to the reason before or after, and
 * stop at the first and the last: the list does not wrap, nor hand the
 * focus to what is above or below it. */
static gboolean
on_row_key_pressed (GtkEventControllerKey *keys,
                    guint                  keyval,
                    guint                  keycode,
                    GdkModifierType        state,
                    GtkWidget             *row)
{
  gboolean forward;

  if (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK | GDK_ALT_MASK))
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      forward = TRUE;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      forward = FALSE;
      break;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  for (GtkWidget *other = forward ? gtk_widget_get_next_sibling (row) : gtk_widget_get_prev_sibling (row);
       other != NULL;
       other = forward ? gtk_widget_get_next_sibling (other) : gtk_widget_get_prev_sibling (other))
    if (HR_IS_REASON_ROW (other) && gtk_widget_get_visible (other) && gtk_widget_grab_focus (other))
      break;
  return GDK_EVENT_STOP;
}

static gboolean
hr_reason_row_grab_focus (GtkWidget *widget)
{
  /* GtkWidget's own, which focuses the widget, not GtkBox's. */
  GtkWidgetClass *widget_class = g_type_class_peek (GTK_TYPE_WIDGET);

  return widget_class->grab_focus (widget);
}

static void
hr_reason_row_class_init (HrReasonRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  widget_class->focus = hr_reason_row_focus;
  widget_class->grab_focus = hr_reason_row_grab_focus;
}

static void
hr_reason_row_init (HrReasonRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_row_key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* The region of the reason at @index of the live summary; FALSE where it
 * has none, or there is no summary (an error shows in its place). */
static gboolean
reason_region (HrWindow       *self,
               guint           index,
               HrReasonRegion *region)
{
  g_assert (HR_IS_WINDOW (self));

  if (self->summary == NULL || self->sweep == NULL || index >= self->summary->reasons->len)
    return FALSE;
  return hr_reason_get_region (&g_array_index (self->summary->reasons, HrReason, index),
                               self->summary, self->sweep, region);
}

static void
update_highlight (HrWindow *self)
{
  int active = self->hovered_reason >= 0 ? self->hovered_reason : self->focused_reason;
  HrReasonRegion region;

  g_assert (HR_IS_WINDOW (self));

  /* The focus leaves a row as the window goes, after its charts. */
  if (self->chart == NULL)
    return;
  if (active >= 0 && self->reason_rows[active] != NULL && gtk_widget_get_visible (self->reason_rows[active])
      && reason_region (self, active, &region))
    hr_chart_widget_set_highlight (self->chart, &region, active + 1);
  else
    hr_chart_widget_set_highlight (self->chart, NULL, 0);
}

/**
 * hr_window_update_reasons:
 *
 * After the reasons changed: their markers, what a screen reader says of
 * each row, and the highlight of the one hovered or focused, whose
 * region moves with the configuration.
 */
void
hr_window_update_reasons (HrWindow *self)
{
  g_return_if_fail (HR_IS_WINDOW (self));

  for (guint i = 0; i < N_REASONS; i++)
    {
      GtkWidget *marker = GTK_WIDGET (self->reason_markers[i]);
      HrReasonRegion region;
      gboolean on_charts = reason_region (self, i, &region);
      gboolean is_reason = self->summary != NULL && i < self->summary->reasons->len;

      /* An error in the reasons' place is not a reason: no number. */
      gtk_widget_set_visible (marker, is_reason);
      if (on_charts)
        gtk_widget_remove_css_class (marker, "off-charts");
      else
        gtk_widget_add_css_class (marker, "off-charts");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->reason_rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (self->reason_labels[i]),
                                      -1);
    }
  update_highlight (self);
}

/* Which reason's row @controller is on; -1 once the window has let go
 * of its rows, as it goes, when the focus and the pointer leave them. */
static int
row_index (HrWindow           *self,
           GtkEventController *controller)
{
  GtkWidget *row = gtk_event_controller_get_widget (controller);

  for (guint i = 0; i < N_REASONS; i++)
    if (self->reason_rows[i] == row)
      return (int) i;
  return -1;
}

static void
on_row_enter (GtkEventControllerMotion *motion,
              double                    x,
              double                    y,
              HrWindow                 *self)
{
  self->hovered_reason = row_index (self, GTK_EVENT_CONTROLLER (motion));
  update_highlight (self);
}

static void
on_row_leave (GtkEventControllerMotion *motion,
              HrWindow                 *self)
{
  if (self->hovered_reason == row_index (self, GTK_EVENT_CONTROLLER (motion)))
    self->hovered_reason = -1;
  update_highlight (self);
}

static void
on_row_focus_enter (GtkEventControllerFocus *focus,
                    HrWindow                *self)
{
  self->focused_reason = row_index (self, GTK_EVENT_CONTROLLER (focus));
  update_highlight (self);
}

static void
on_row_focus_leave (GtkEventControllerFocus *focus,
                    HrWindow                *self)
{
  if (self->focused_reason == row_index (self, GTK_EVENT_CONTROLLER (focus)))
    self->focused_reason = -1;
  update_highlight (self);
}

void
hr_window_reasons_init (HrWindow *self)
{
  g_return_if_fail (HR_IS_WINDOW (self));

  self->hovered_reason = -1;
  self->focused_reason = -1;
  for (guint i = 0; i < N_REASONS; i++)
    {
      GtkEventController *motion = gtk_event_controller_motion_new ();
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_object (motion, "enter", G_CALLBACK (on_row_enter), self, 0);
      g_signal_connect_object (motion, "leave", G_CALLBACK (on_row_leave), self, 0);
      g_signal_connect_object (focus, "enter", G_CALLBACK (on_row_focus_enter), self, 0);
      g_signal_connect_object (focus, "leave", G_CALLBACK (on_row_focus_leave), self, 0);
      gtk_widget_add_controller (self->reason_rows[i], motion);
      gtk_widget_add_controller (self->reason_rows[i], focus);
    }
}

void
hr_window_reasons_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (HR_TYPE_REASON_ROW);
  gtk_widget_class_bind_template_child_full (widget_class, "reason_row_1", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_rows[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_row_2", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_rows[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_row_3", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_rows[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_marker_1", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_markers[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_marker_2", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_markers[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "reason_marker_3", FALSE,
                                             G_STRUCT_OFFSET (HrWindow, reason_markers[2]));
}

/* The row of the reason at @index, for the tests. */
GtkWidget *
hr_window_get_reason_row (HrWindow *self,
                          guint     index)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), NULL);
  g_return_val_if_fail (index < N_REASONS, NULL);

  return self->reason_rows[index];
}
