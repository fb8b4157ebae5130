/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

/* Real key presses for the ui tests, through the X server as a keyboard
 * makes them (XTest), so that GTK's own key handling, focus and
 * shortcuts run as they do for a user. GTK 4 has no way to inject an
 * event from inside the process. The tests run under Xvfb with the x11
 * backend (tests/meson.build); the window takes the X input focus first,
 * since there is no window manager to give it. */

static inline void
input_spin (guint ms)
{
  gint64 end_us = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end_us)
    g_main_context_iteration (NULL, FALSE);
}

static inline Display *
input_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

/* The X input focus on @window's toplevel, as a click on it would give. */
static inline void
input_focus_window (GtkWindow *window)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  Display *xdisplay = input_display (GTK_WIDGET (window));

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  XSetInputFocus (xdisplay, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);
  XSync (xdisplay, False);
  input_spin (100);
}

/* Presses and releases @keysym with the modifiers in @mask (Control,
 * Shift), in the window that has the X input focus. */
static inline void
input_key (GtkWidget       *widget,
           KeySym           keysym,
           GdkModifierType  mask)
{
  Display *xdisplay = input_display (widget);
  KeyCode control = XKeysymToKeycode (xdisplay, XK_Control_L);
  KeyCode shift = XKeysymToKeycode (xdisplay, XK_Shift_L);
  KeyCode code = XKeysymToKeycode (xdisplay, keysym);

  g_assert_cmpuint (code, !=, 0);
  if (mask & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, control, True, CurrentTime);
  if (mask & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, shift, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, code, False, CurrentTime);
  if (mask & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (xdisplay, shift, False, CurrentTime);
  if (mask & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (xdisplay, control, False, CurrentTime);
  XSync (xdisplay, False);
  input_spin (60);
}

/* Types @text, one key per character: digits, letters, space, dot. */
static inline void
input_type (GtkWidget  *widget,
            const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    input_key (widget, *p == ' ' ? XK_space : *p == '.' ? XK_period : (KeySym) *p, 0);
}

/* Moves the pointer to (@x, @y) in @widget's coordinates, as a mouse
 * does, and waits long enough for a tooltip to come up (GTK waits 500 ms). */
static inline void
input_pointer_to (GtkWidget *widget,
                  double     x,
                  double     y,
                  guint      wait_ms)
{
  GtkNative *native = gtk_widget_get_native (widget);
  Display *xdisplay = input_display (widget);
  graphene_point_t in_widget = GRAPHENE_POINT_INIT (x, y);
  graphene_point_t in_native;
  double surface_x;
  double surface_y;
  int root_x;
  int root_y;
  Window child;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &in_widget, &in_native));
  gtk_native_get_surface_transform (native, &surface_x, &surface_y);
  XTranslateCoordinates (xdisplay, gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (xdisplay),
                         (int) (in_native.x + surface_x), (int) (in_native.y + surface_y),
                         &root_x, &root_y, &child);
  XTestFakeMotionEvent (xdisplay, -1, root_x, root_y, CurrentTime);
  XSync (xdisplay, False);
  input_spin (wait_ms);
}

/* Clicks the first button at (@x, @y) in @widget's coordinates, as a
 * mouse does: the pointer moves there, then presses and releases. */
static inline void
input_click (GtkWidget *widget,
             double     x,
             double     y)
{
  Display *xdisplay = input_display (widget);

  input_pointer_to (widget, x, y, 50);
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XSync (xdisplay, False);
  input_spin (100);
}

/* Presses or releases the first button where the pointer is: with
 * input_pointer_to() between them, a drag. */
static inline void
input_button (GtkWidget *widget,
              gboolean   pressed)
{
  Display *xdisplay = input_display (widget);

  XTestFakeButtonEvent (xdisplay, 1, pressed, CurrentTime);
  XSync (xdisplay, False);
  input_spin (60);
}

/* Clicks the middle of @widget. */
static inline void
input_click_widget (GtkWidget *widget)
{
  input_click (widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

/* The tooltip shown in @root's window, if one is: GTK 4 makes it a child
 * of the window it belongs to. */
static inline GtkWidget *
input_find_tooltip (GtkWidget *widget)
{
  GType type = g_type_from_name ("GtkTooltipWindow");

  g_assert_true (type != 0);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return gtk_widget_get_mapped (child) ? child : NULL;
      found = input_find_tooltip (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Turns the mouse wheel @notches down (up if negative) where the pointer
 * is, as X reports a wheel: buttons 5 and 4. */
static inline void
input_wheel (GtkWidget *widget,
             int        notches)
{
  Display *xdisplay = input_display (widget);
  guint button = notches > 0 ? 5 : 4;

  for (int i = 0; i < ABS (notches); i++)
    {
      XTestFakeButtonEvent (xdisplay, button, True, CurrentTime);
      XTestFakeButtonEvent (xdisplay, button, False, CurrentTime);
      XSync (xdisplay, False);
      input_spin (30);
    }
  input_spin (100);
}
