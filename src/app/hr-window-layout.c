/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window-layout"

#include "config.h"

#include "hr-window-private.h"

/* The sidebar in a narrow window. Beside the charts it needs 420 px; below
 * about 860 px of window there is no room for both, and a folded sidebar
 * that slides over from the left covered the charts while a slider was
 * dragged, so the user moved a slider and could not see what it did.
 * There it becomes a sheet that comes up from the bottom instead, at most
 * SHEET_MAX_FRACTION of the window tall and scrolling inside, without
 * dimming the page: the verdict and the charts stay in view above it, and
 * the page under it gets as much room at its foot as the sheet takes, so
 * that any chart can be scrolled up above the sheet. A slider moved in
 * the sheet scrolls the page to the chart it changes most.
 *
 * AdwFlap decides on its own when to fold, from its children's widths in
 * a row; a sheet is a column, which it would fold by heights. So the
 * window decides, from its width, and tells the flap: never folded in a
 * row, always in a column. That also keeps the flap from folding in the
 * middle of a layout, which the header bar's sidebar button, shown only
 * while folded, cannot follow: GTK 4.8 then draws the header bar without
 * an allocation. The threshold is wider than the window can be with the
 * sidebar beside the charts, so a window made narrower always reaches it. */

#define NARROW_WIDTH_PX     860
#define SIDEBAR_WIDTH_PX    420
#define SHEET_MAX_FRACTION  0.45

static void
apply_layout (HrWindow *self)
{
  GtkWidget *sidebar = adw_flap_get_flap (self->flap);
  gboolean narrow = self->narrow;

  /* Folded first, so that the flap never lays a sheet out in a row. */
  adw_flap_set_fold_policy (self->flap, narrow ? ADW_FLAP_FOLD_POLICY_ALWAYS : ADW_FLAP_FOLD_POLICY_NEVER);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->flap),
                                  narrow ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  adw_flap_set_flap_position (self->flap, narrow ? GTK_PACK_END : GTK_PACK_START);
  /* The page under the sheet takes clicks and is not dimmed: the charts
   * are what the sliders are for. */
  adw_flap_set_modal (self->flap, !narrow);
  gtk_widget_set_size_request (sidebar, narrow ? -1 : SIDEBAR_WIDTH_PX, -1);
  /* style.css: the page under the sheet is not dimmed. */
  if (narrow)
    gtk_widget_add_css_class (GTK_WIDGET (self->flap), "sheet-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->flap), "sheet-mode");
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (sidebar), narrow);
  if (narrow)
    gtk_widget_add_css_class (sidebar, "sheet");
  else
    gtk_widget_remove_css_class (sidebar, "sheet");
}

/* The sheet's height and the room at the page's foot, as tall as the
 * sheet can be while it is up, none while it is down. */
static void
update_sheet (HrWindow *self)
{
  GtkScrolledWindow *sidebar = GTK_SCROLLED_WINDOW (adw_flap_get_flap (self->flap));
  int width;
  int height;
  int max_sheet_px;
  int foot_px = 0;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  max_sheet_px = MAX (200, (int) (height * SHEET_MAX_FRACTION));
  if (gtk_scrolled_window_get_max_content_height (sidebar) != max_sheet_px)
    gtk_scrolled_window_set_max_content_height (sidebar, max_sheet_px);
  if (self->narrow && adw_flap_get_reveal_flap (self->flap))
    foot_px = max_sheet_px;
  gtk_widget_set_margin_bottom (self->charts_page, 12 + foot_px);
}

static gboolean
apply_layout_idle (gpointer user_data)
{
  HrWindow *self = HR_WINDOW (user_data);

  self->layout_idle_id = 0;
  apply_layout (self);
  update_sheet (self);
  return G_SOURCE_REMOVE;
}

void
hr_window_layout_dispose (HrWindow *self)
{
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
}

static void
on_reveal_changed (HrWindow   *self,
                   GParamSpec *pspec,
                   AdwFlap    *flap)
{
  update_sheet (self);
}

/* Narrower than this, the sidebar is a sheet: at least as wide as the
 * sidebar and the page's narrowest beside it (as wide as its widest row
 * of buttons, longer in German), with room for the window's frame, so
 * that a window made narrower gets there before it can go no narrower. */
static int
get_threshold_px (HrWindow *self)
{
  GtkWidget *page = adw_flap_get_content (self->flap);
  int page_min_px;

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &page_min_px, NULL, NULL, NULL);
  return MAX (NARROW_WIDTH_PX, SIDEBAR_WIDTH_PX + 1 + page_min_px + 40);
}

/* The window's size is its default size unless it is maximized or full
 * screen: GTK 4 keeps the default size as the window is resized, and
 * tells when it changes, which is not in the middle of a layout. */
static void
on_size_changed (HrWindow   *self,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  int width;
  int height;
  gboolean narrow;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  narrow = width > 0 && width < get_threshold_px (self)
           && !gtk_window_is_maximized (GTK_WINDOW (self))
           && !gtk_window_is_fullscreen (GTK_WINDOW (self));
  if (narrow != self->narrow)
    {
      self->narrow = narrow;
      /* At once before the window is shown; once it is, after the resize
       * that this notification may be part of. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        apply_layout (self);
      else if (self->layout_idle_id == 0)
        self->layout_idle_id = g_idle_add (apply_layout_idle, self);
    }
  update_sheet (self);
}

/**
 * hr_window_get_chart_bounds:
 * @bounds: (out): where the chart of @kind is, in the window's coordinates
 *
 * Returns: whether the chart is shown
 */
gboolean
hr_window_get_chart_bounds (HrWindow        *self,
                            HrChartKind      kind,
                            graphene_rect_t *bounds)
{
  GtkWidget *chart;
  HrChartAxes axes;
  graphene_rect_t chart_bounds;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  chart = GTK_WIDGET (self->chart);
  if (!hr_chart_view_get_axes (hr_chart_widget_get_view (self->chart), kind,
                               gtk_widget_get_width (chart), gtk_widget_get_height (chart), &axes)
      || !gtk_widget_compute_bounds (chart, GTK_WIDGET (self), &chart_bounds))
    return FALSE;
  graphene_rect_init (bounds, chart_bounds.origin.x + axes.frame.x, chart_bounds.origin.y + axes.frame.y,
                      axes.frame.width, axes.frame.height);
  return TRUE;
}

/* The chart each slider changes most: the level the SPL and its ceiling,
 * the headphones' impedance their curve, the rest the divider's loss. */
static HrChartKind
kind_for_row (HrWindow    *self,
              HrSliderRow *row)
{
  if (row == self->level_row)
    return HR_CHART_SPL;
  if (row == self->headphone_z_row)
    return HR_CHART_IMPEDANCE;
  return HR_CHART_DEVIATION;
}

/* With the sheet up, the chart a slider changes is scrolled into the part
 * of the page above the sheet, if it is not there already. */
static void
on_slider_moved (HrWindow    *self,
                 GParamSpec  *pspec,
                 HrSliderRow *row)
{
  GtkAdjustment *vadjustment;
  graphene_rect_t chart;
  graphene_rect_t page;
  double visible_top;
  double visible_bottom;
  double value;

  if (!self->narrow || !adw_flap_get_reveal_flap (self->flap)
      || !hr_window_get_chart_bounds (self, kind_for_row (self, row), &chart)
      || !gtk_widget_compute_bounds (GTK_WIDGET (self->charts_scroller), GTK_WIDGET (self), &page))
    return;
  visible_top = page.origin.y;
  /* The sheet lies over the foot of the page. */
  visible_bottom = page.origin.y + page.size.height - gtk_widget_get_height (adw_flap_get_flap (self->flap));
  if (chart.origin.y >= visible_top && chart.origin.y + chart.size.height <= visible_bottom)
    return;
  vadjustment = gtk_scrolled_window_get_vadjustment (self->charts_scroller);
  /* The chart's top at the top of what is seen: the bottom of a chart
   * taller than the room is its x axis, the least needed. */
  value = gtk_adjustment_get_value (vadjustment) + (chart.origin.y - visible_top);
  gtk_adjustment_set_value (vadjustment, value);
}

/* After the window's size is read from the settings. */
void
hr_window_layout_init (HrWindow *self)
{
  const char *const size_properties[] = {
    "notify::default-width", "notify::default-height", "notify::maximized", "notify::fullscreened",
  };
  HrSliderRow *rows[] = {
    self->zout_row, self->headphone_z_row, self->level_row,
    self->cable_row, self->adapter_series_row, self->adapter_shunt_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (size_properties); i++)
    g_signal_connect (self, size_properties[i], G_CALLBACK (on_size_changed), NULL);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (on_reveal_changed),
                           self, G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "notify::value", G_CALLBACK (on_slider_moved),
                             self, G_CONNECT_SWAPPED);
  on_size_changed (self, NULL, NULL);
  g_clear_handle_id (&self->layout_idle_id, g_source_remove);
  apply_layout (self);
  update_sheet (self);
}

/* For the tests: whether the sidebar is the narrow window's sheet. */
gboolean
hr_window_get_narrow (HrWindow *self)
{
  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  return self->narrow;
}
