/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-chart-widget"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "hr-chart-readout.h"
#include "hr-chart-widget.h"
#include "hr-timings.h"
#include "hr-format.h"

/* The charts on screen. The drawing is hr_chart_render(), the same code
 * that export uses, so what is exported is what is seen. The widget owns
 * the view; the window fills it with traces and calls
 * hr_chart_widget_changed() after recomputing them. A pointer motion only
 * stores where the pointer is and queues a draw: the hover line and its
 * card are drawn in snapshot, from the sweeps already computed.
 *
 * The keyboard has a cursor that does what the pointer does: with the
 * focus on the charts, Left and Right move it a twelfth of an octave, Page
 * Up and Page Down an octave, Home and End to the ends, and Up and Down
 * take it to the other charts. Its card's words are the widget's
 * accessible description, so a screen reader reads what the card shows.
 *
 * A slider's drag must redraw in a frame, and drawing all four charts
 * in software (text, grids, eight traces each) takes most of one. So the
 * base layer, everything but the live trace, is drawn once into an image
 * at the surface's scale and kept while the view's base key says it is
 * still what hr_chart_render() would draw; each frame paints that image
 * and draws only the live layer over it. The key covers the axes too, so
 * that a live trace that moves an axis remakes the base rather than
 * drawing on a stale grid.
 *
 * The image is painted in the frame's cairo node rather than appended as
 * a texture: GTK 4.8's cairo renderer converts a texture through floats
 * on every frame (about 4 ms for the charts at 1600 × 1000), while the GL
 * renderer turns the cairo node into one texture either way. */
struct _HrChartWidget
{
  GtkWidget     parent_instance;

  HrChartView  *view;
  double        pointer_x;
  double        pointer_y;
  gboolean      pointer_inside;

  /* The keyboard's cursor: shown while the widget has the focus. */
  HrChartKind   cursor_kind;
  double        cursor_freq_hz;

  guint         measured_rows;
  double        measured_legend_px;

  cairo_surface_t *base_surface;
  guint64       base_key;
  guint64       base_cell_keys[HR_CHART_N_KINDS];
  int           base_scale;

  /* HEADROOM_TIMINGS: when the change now on its way to the screen began,
   * when the frame clock started the frame now being made and when its
   * layout was done, whether this widget was drawn in it, and whether the
   * first frame has been reported. */
  GdkFrameClock *frame_clock;
  gulong        before_paint_id;
  gulong        layout_id;
  gulong        after_paint_id;
  gint64        change_started_us;
  gint64        frame_started_us;
  gint64        layout_done_us;
  gboolean      drawn_in_frame;
  gboolean      first_frame_reported;
};

G_DEFINE_FINAL_TYPE (HrChartWidget, hr_chart_widget, GTK_TYPE_WIDGET)

/* The chart the cursor is on, and its axes at this size; in the single
 * layout that is the one chart shown. */
static gboolean
get_cursor_axes (HrChartWidget *self,
                 double         width,
                 double         height,
                 HrChartAxes   *axes)
{
  if (hr_chart_view_get_layout (self->view) == HR_CHART_LAYOUT_SINGLE)
    self->cursor_kind = hr_chart_view_get_kind (self->view);
  return hr_chart_view_get_axes (self->view, self->cursor_kind, width, height, axes);
}

/* Where the card goes for the cursor: beside the first trace shown. */
static double
cursor_card_y (HrChartWidget     *self,
               const HrChartAxes *axes)
{
  for (guint i = 0; i < hr_chart_view_get_n_traces (self->view); i++)
    {
      HrChartTrace *trace = hr_chart_view_get_trace (self->view, i);
      double value;

      if (!hr_chart_trace_get_visible (trace))
        continue;
      value = hr_chart_trace_value_at (trace, axes->kind, self->cursor_freq_hz);
      if (isfinite (value))
        return hr_chart_axes_value_to_y (axes, value);
    }
  return axes->plot.y + axes->plot.height / 2;
}

static gboolean
cursor_shown (HrChartWidget *self)
{
  return gtk_widget_has_focus (GTK_WIDGET (self)) && hr_chart_view_get_n_traces (self->view) > 0;
}

/* The pointer's line and card where it is over a plot, else the
 * keyboard's with a focus ring around its chart. */
static void
draw_readout (HrChartWidget *self,
              GtkWidget     *widget,
              cairo_t       *cr,
              double         width,
              double         height)
{
  HrChartAxes axes;

  if (hr_chart_view_get_n_traces (self->view) == 0)
    return;
  if (self->pointer_inside
      && hr_chart_view_pick (self->view, width, height, self->pointer_x, self->pointer_y, &axes))
    {
      hr_chart_readout_draw (widget, cr, self->view, &axes,
                             hr_chart_axes_x_to_freq (&axes, self->pointer_x), self->pointer_y);
      return;
    }
  if (!cursor_shown (self) || !get_cursor_axes (self, width, height, &axes))
    return;
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA accent;

      /* The theme's focus colour: the accent at half strength. */
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color", &accent))
        accent = (GdkRGBA) { 0.21, 0.52, 0.89, 1.0 };
      cairo_save (cr);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.5);
      cairo_set_line_width (cr, 2.0);
      cairo_rectangle (cr, axes.frame.x + 2, axes.frame.y + 2, axes.frame.width - 4, axes.frame.height - 4);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  hr_chart_readout_draw (widget, cr, self->view, &axes, self->cursor_freq_hz, cursor_card_y (self, &axes));
}

/* The base layer, drawn again where its keys say it changed: all of it,
 * or only the cells of the charts whose axes moved. A cell is drawn by
 * the same whole render, clipped to the whole pixels around the cell's
 * frame: what lands there is what a whole render draws there, the bit
 * around the cell in a pixel it only touches included. */
static void
ensure_base_surface (HrChartWidget *self,
                     int            width,
                     int            height)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  guint64 cell_keys[HR_CHART_N_KINDS];
  guint64 key = hr_chart_view_get_base_key (self->view, width, height, cell_keys);
  gint64 started_us = g_get_monotonic_time ();
  cairo_t *cr;

  g_assert (HR_IS_CHART_WIDGET (self));

  if (self->base_surface != NULL && key == self->base_key && scale == self->base_scale)
    {
      guint n_cells = 0;

      for (guint kind = 0; kind < HR_CHART_N_KINDS; kind++)
        {
          HrChartAxes axes;

          if (cell_keys[kind] == self->base_cell_keys[kind])
            continue;
          /* The key of a cell not shown would have changed the figure's. */
          if (!hr_chart_view_get_axes (self->view, kind, width, height, &axes))
            g_return_if_reached ();
          cr = cairo_create (self->base_surface);
          cairo_rectangle (cr, floor (axes.frame.x), floor (axes.frame.y),
                           ceil (axes.frame.x + axes.frame.width) - floor (axes.frame.x),
                           ceil (axes.frame.y + axes.frame.height) - floor (axes.frame.y));
          cairo_clip (cr);
          hr_chart_render_layers (cr, self->view, width, height, HR_CHART_LAYER_BASE);
          cairo_destroy (cr);
          self->base_cell_keys[kind] = cell_keys[kind];
          n_cells++;
        }
      if (n_cells > 0)
        {
          g_autofree char *what = g_strdup_printf ("chart base layer redrawn in %u of its charts", n_cells);

          hr_timings_report (what, started_us);
        }
      return;
    }

  g_clear_pointer (&self->base_surface, cairo_surface_destroy);
  /* Opaque, as the figure's background is: painting it is then a copy. */
  self->base_surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
  cairo_surface_set_device_scale (self->base_surface, scale, scale);
  cr = cairo_create (self->base_surface);
  hr_chart_render_layers (cr, self->view, width, height, HR_CHART_LAYER_BASE);
  cairo_destroy (cr);
  self->base_key = key;
  memcpy (self->base_cell_keys, cell_keys, sizeof cell_keys);
  self->base_scale = scale;
  hr_timings_report ("chart base layer redrawn (grid, text, legend, pins)", started_us);
}

static void
hr_chart_widget_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  HrChartWidget *self = HR_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  gint64 snapshot_started_us;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  snapshot_started_us = g_get_monotonic_time ();
  hr_chart_view_set_theme (self->view,
                           adw_style_manager_get_dark (adw_style_manager_get_default ())
                           ? HR_CHART_THEME_DARK : HR_CHART_THEME_LIGHT);
  ensure_base_surface (self, width, height);

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  cairo_set_source_surface (cr, self->base_surface, 0, 0);
  cairo_paint (cr);
  hr_chart_render_layers (cr, self->view, width, height, HR_CHART_LAYER_LIVE);
  draw_readout (self, widget, cr, width, height);
  cairo_destroy (cr);
  hr_timings_report ("chart snapshot (live layer, hover, base if remade)", snapshot_started_us);
  self->drawn_in_frame = TRUE;
}

static void
on_motion (HrChartWidget *self,
           double         x,
           double         y)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (HrChartWidget *self)
{
  self->pointer_inside = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* A screen reader reads the card: the widget's description is its text,
 * and says how to move the cursor when there is none. */
static void
update_description (HrChartWidget *self)
{
  g_autofree char *text = hr_chart_widget_dup_readout (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text != NULL ? text
                                  : _("Focus the charts and use the arrow keys to read their values"),
                                  -1);
}

static void
move_cursor_to (HrChartWidget *self,
                double         freq_hz)
{
  HrChartAxes axes;

  if (!get_cursor_axes (self, gtk_widget_get_width (GTK_WIDGET (self)),
                        gtk_widget_get_height (GTK_WIDGET (self)), &axes))
    return;
  self->cursor_freq_hz = CLAMP (freq_hz, axes.fmin_hz, axes.fmax_hz);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Up and Down go through the charts shown, in the order they are laid
 * out: the response's only when the grid has it. */
static void
move_cursor_chart (HrChartWidget *self,
                   int            step)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  HrChartAxes axes;

  if (hr_chart_view_get_layout (self->view) != HR_CHART_LAYOUT_GRID)
    return;
  for (guint tries = 0; tries < HR_CHART_N_KINDS; tries++)
    {
      self->cursor_kind = (self->cursor_kind + HR_CHART_N_KINDS + step) % HR_CHART_N_KINDS;
      if (hr_chart_view_get_axes (self->view, self->cursor_kind, width, height, &axes))
        break;
    }
  move_cursor_to (self, self->cursor_freq_hz);
}

static gboolean
on_key_pressed (HrChartWidget   *self,
                guint            keyval,
                guint            keycode,
                GdkModifierType  state)
{
  /* A twelfth of an octave a step, an octave a page. */
  const double step = pow (2.0, 1.0 / 12.0);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0
      || hr_chart_view_get_n_traces (self->view) == 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      move_cursor_to (self, self->cursor_freq_hz / step);
      return GDK_EVENT_STOP;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      move_cursor_to (self, self->cursor_freq_hz * step);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Down:
    case GDK_KEY_KP_Page_Down:
      move_cursor_to (self, self->cursor_freq_hz / 2.0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Page_Up:
    case GDK_KEY_KP_Page_Up:
      move_cursor_to (self, self->cursor_freq_hz * 2.0);
      return GDK_EVENT_STOP;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      move_cursor_to (self, 0.0);
      return GDK_EVENT_STOP;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      move_cursor_to (self, INFINITY);
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      move_cursor_chart (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      move_cursor_chart (self, +1);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_focus_changed (HrChartWidget *self,
                  GParamSpec    *pspec,
                  gpointer       user_data)
{
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_dark_changed (HrChartWidget *self)
{
  hr_chart_widget_changed (self);
}

/* A frame runs from the frame clock's before-paint to its after-paint:
 * animations, layout, every widget's snapshot, GSK rendering the window
 * and handing it to the display. That is the work of a frame, what the
 * 8 ms budget is for; the time a change waits for the clock's next tick
 * (up to a refresh interval) comes before it and is not work. */
static void
on_before_paint (HrChartWidget *self)
{
  self->frame_started_us = g_get_monotonic_time ();
  self->layout_done_us = 0;
  self->drawn_in_frame = FALSE;
}

/* Connected after GTK's own handler, so it runs when the window's layout
 * is done; what follows is the paint: snapshot and GSK rendering. */
static void
on_layout (HrChartWidget *self)
{
  self->layout_done_us = g_get_monotonic_time ();
}

/* The frame clock says when a frame has been painted, which is when a
 * change has reached the screen: snapshot only records what to draw. */
static void
on_after_paint (HrChartWidget *self)
{
  if (!self->first_frame_reported)
    {
      GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self)));

      self->first_frame_reported = TRUE;
      hr_timings_report ("start to first frame", hr_timings_process_start_us ());
      g_printerr ("headroom: timing: renderer: %s\n", renderer != NULL ? G_OBJECT_TYPE_NAME (renderer) : "none");
    }
  if (self->drawn_in_frame && self->frame_started_us != 0)
    hr_timings_report_frame (self->frame_started_us, self->layout_done_us);
  if (self->change_started_us != 0)
    {
      g_autofree char *what = NULL;

      what = g_strdup_printf ("change to painted frame, %u traces (%.2f ms of it waiting for the frame clock)",
                              hr_chart_view_get_n_traces (self->view),
                              MAX (self->frame_started_us - self->change_started_us, 0) / 1000.0);
      hr_timings_report (what, self->change_started_us);
      self->change_started_us = 0;
    }
}

static void
hr_chart_widget_realize (GtkWidget *widget)
{
  HrChartWidget *self = HR_CHART_WIDGET (widget);

  GTK_WIDGET_CLASS (hr_chart_widget_parent_class)->realize (widget);

  if (hr_timings_enabled ())
    {
      self->frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      self->before_paint_id = g_signal_connect_swapped (self->frame_clock, "before-paint",
                                                        G_CALLBACK (on_before_paint), self);
      self->layout_id = g_signal_connect_swapped (self->frame_clock, "layout",
                                                  G_CALLBACK (on_layout), self);
      self->after_paint_id = g_signal_connect_swapped (self->frame_clock, "after-paint",
                                                       G_CALLBACK (on_after_paint), self);
    }
}

static void
hr_chart_widget_unrealize (GtkWidget *widget)
{
  HrChartWidget *self = HR_CHART_WIDGET (widget);

  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->before_paint_id, self->frame_clock);
      g_clear_signal_handler (&self->layout_id, self->frame_clock);
      g_clear_signal_handler (&self->after_paint_id, self->frame_clock);
      g_clear_object (&self->frame_clock);
    }

  GTK_WIDGET_CLASS (hr_chart_widget_parent_class)->unrealize (widget);
}

static void
hr_chart_widget_finalize (GObject *object)
{
  HrChartWidget *self = HR_CHART_WIDGET (object);

  g_clear_pointer (&self->view, hr_chart_view_free);
  g_clear_pointer (&self->base_surface, cairo_surface_destroy);

  G_OBJECT_CLASS (hr_chart_widget_parent_class)->finalize (object);
}

/* Below about 260 px a chart's plot is a strip with no room for its
 * grid's labels, less still with the SPL chart's rows of limits under
 * it: the charts keep that much per row, and the window's page scrolls
 * on a short window rather than squash them. The legend under the
 * charts, as tall as its rows of names at this width, comes on top. */
#define CHART_ROW_MIN_HEIGHT_PX 260
#define LEGEND_MIN_HEIGHT_PX    40

/* One row for a single chart; the grid's two, or three with a response. */
static guint
chart_rows (HrChartWidget *self)
{
  if (hr_chart_view_get_layout (self->view) != HR_CHART_LAYOUT_GRID)
    return 1;
  return hr_chart_view_grid_rows (self->view);
}

static void
hr_chart_widget_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  HrChartWidget *self = HR_CHART_WIDGET (widget);

  self->measured_rows = chart_rows (self);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      /* Measured for a width, or as if the charts were as wide as a
       * window usually gives them. */
      self->measured_legend_px = hr_chart_view_get_legend_height (self->view, for_size > 0 ? for_size : 900);
      *minimum = *natural = self->measured_rows * CHART_ROW_MIN_HEIGHT_PX
                            + MAX (LEGEND_MIN_HEIGHT_PX, (int) ceil (self->measured_legend_px));
    }
  else
    *minimum = *natural = 0;
}

static void
hr_chart_widget_class_init (HrChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hr_chart_widget_finalize;
  widget_class->snapshot = hr_chart_widget_snapshot;
  widget_class->measure = hr_chart_widget_measure;
  widget_class->realize = hr_chart_widget_realize;
  widget_class->unrealize = hr_chart_widget_unrealize;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hr_chart_widget_init (HrChartWidget *self)
{
  GtkEventController *motion;
  GtkEventController *keys;

  self->view = hr_chart_view_new ();
  hr_chart_view_set_layout (self->view, HR_CHART_LAYOUT_GRID);
  /* The cursor starts where the ear is most sensitive, on the chart of
   * the verdict. */
  self->cursor_kind = HR_CHART_SPL;
  self->cursor_freq_hz = 1000.0;

  /* In the Tab order, but a click on a chart leaves the focus where it
   * was: the pointer has its own card. */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), FALSE);
  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (on_key_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  /* has-focus, not a focus controller's enter: at enter the widget does
   * not have the focus yet, and the description read then is the hint,
   * not the card's values, until the first arrow key. */
  g_signal_connect (self, "notify::has-focus", G_CALLBACK (on_focus_changed), NULL);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "enter", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "motion", G_CALLBACK (on_motion), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (motion, "leave", G_CALLBACK (on_leave), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_set_size_request (GTK_WIDGET (self), 320, 240);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Charts"), -1);
  update_description (self);
}

HrChartView *
hr_chart_widget_get_view (HrChartWidget *self)
{
  g_return_val_if_fail (HR_IS_CHART_WIDGET (self), NULL);

  return self->view;
}

/* A change starts: with HEADROOM_TIMINGS, the time from here to the frame
 * that shows it is reported. Changes that come before that frame count
 * from the first. */
void
hr_chart_widget_begin_change (HrChartWidget *self)
{
  g_return_if_fail (HR_IS_CHART_WIDGET (self));

  if (hr_timings_enabled () && self->change_started_us == 0)
    self->change_started_us = g_get_monotonic_time ();
}

/* After the traces or their sweeps changed: the view drops what it cached
 * of them (axis ranges, normalised series) and the widget redraws. */
void
hr_chart_widget_changed (HrChartWidget *self)
{
  g_return_if_fail (HR_IS_CHART_WIDGET (self));

  hr_chart_view_changed (self->view);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (cursor_shown (self))
    update_description (self);
  /* Only a change of the charts' rows or of the legend's changes the size
   * the charts ask for; a slider's drag must not cost a resize a frame. */
  if (chart_rows (self) != self->measured_rows
      || hr_chart_view_get_legend_height (self->view, gtk_widget_get_width (GTK_WIDGET (self)) > 0
                                                      ? gtk_widget_get_width (GTK_WIDGET (self)) : 900)
         != self->measured_legend_px)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->change_started_us != 0)
    hr_timings_report ("recompute (sweeps, summary, verdict)", self->change_started_us);
}

/* The frequency under the pointer, if it is over a chart's plot. */
gboolean
hr_chart_widget_get_hover_freq (HrChartWidget *self,
                                double        *freq_hz)
{
  HrChartAxes axes;

  g_return_val_if_fail (HR_IS_CHART_WIDGET (self), FALSE);

  if (!self->pointer_inside
      || !hr_chart_view_pick (self->view, gtk_widget_get_width (GTK_WIDGET (self)),
                              gtk_widget_get_height (GTK_WIDGET (self)),
                              self->pointer_x, self->pointer_y, &axes))
    return FALSE;
  if (freq_hz != NULL)
    *freq_hz = hr_chart_axes_x_to_freq (&axes, self->pointer_x);
  return TRUE;
}

/**
 * hr_chart_widget_dup_readout:
 *
 * What the card says now, as plain text: the pointer's where it is over a
 * chart, else the keyboard cursor's while the charts have the focus.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL with no card
 */
char *
hr_chart_widget_dup_readout (HrChartWidget *self)
{
  int width;
  int height;
  HrChartAxes axes;

  g_return_val_if_fail (HR_IS_CHART_WIDGET (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (hr_chart_view_get_n_traces (self->view) == 0 || width <= 0 || height <= 0)
    return NULL;
  if (self->pointer_inside
      && hr_chart_view_pick (self->view, width, height, self->pointer_x, self->pointer_y, &axes))
    return hr_chart_readout_text (self->view, axes.kind, hr_chart_axes_x_to_freq (&axes, self->pointer_x), FALSE);
  if (cursor_shown (self) && get_cursor_axes (self, width, height, &axes))
    return hr_chart_readout_text (self->view, axes.kind, self->cursor_freq_hz, FALSE);
  return NULL;
}

/**
 * hr_chart_widget_set_highlight:
 * @region: (nullable): a reason's region to light up, %NULL for none
 * @number: the reason's marker
 *
 * Lights up what a reason speaks of, while it is hovered or focused. It
 * is in the live layer: the kept base stays.
 */
void
hr_chart_widget_set_highlight (HrChartWidget        *self,
                               const HrReasonRegion *region,
                               guint                 number)
{
  g_return_if_fail (HR_IS_CHART_WIDGET (self));

  if (region == NULL && !hr_chart_view_get_highlight (self->view, NULL, NULL))
    return;
  hr_chart_view_set_highlight (self->view, region, number);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
