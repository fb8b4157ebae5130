/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

/* Scrolls the page @row is on so that @row is at its top: the part of a
 * long form a picture is of. */
static inline void
test_scroll_to (GtkWidget *row)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (row, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  graphene_rect_t bounds;

  g_assert_nonnull (scroller);
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
  g_assert_true (gtk_widget_compute_bounds (row, content, &bounds));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            bounds.origin.y - 12.0);
}

/* The README's pictures of the forms are taken by the tests that fill
 * them in: with HR_TEST_SHOT_DIR set, test_shot() renders @window as the
 * screen shows it into DIR/NAME.png. Unset, it does nothing. */
static inline void
test_shot (GtkWindow  *window,
           const char *name)
{
  const char *dir = g_getenv ("HR_TEST_SHOT_DIR");
  GtkWidget *widget = GTK_WIDGET (window);
  GskRenderer *renderer;
  GtkSnapshot *snapshot;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  graphene_rect_t bounds;

  if (dir == NULL)
    return;
  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  snapshot = gtk_snapshot_new ();
  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &bounds));
  texture = gsk_renderer_render_texture (renderer, node, &bounds);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
}
