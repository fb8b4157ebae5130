/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <string.h>
#include <cairo.h>
#include <glib.h>

/* The verdict's colours above exported charts (hr-chart-header.c), light
 * theme: what the tests look for in a PNG. */
#define TEST_CAVEATS_RGB 0x9c6e03
/* libadwaita's accent_bg_color: the reasons' markers (hr-chart-marks.c). */
#define TEST_ACCENT_BG_RGB 0x3584e4

/* Pixels within a small distance of @rgb in the top @rows of a PNG. */
static inline guint
test_png_count_color (const char *png,
                      int         rows,
                      guint32     rgb)
{
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);
  const guint8 *data;
  int stride;
  guint n = 0;

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < MIN (rows, cairo_image_surface_get_height (image)); y++)
    for (int x = 0; x < cairo_image_surface_get_width (image); x++)
      {
        guint32 pixel;
        int distance = 0;

        /* A cairo image's rows are aligned; copied, not cast, for the
         * compilers that cannot see it. */
        memcpy (&pixel, data + y * stride + x * 4, sizeof pixel);

        for (int shift = 0; shift <= 16; shift += 8)
          distance += ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff));
        n += distance < 30;
      }
  cairo_surface_destroy (image);
  return n;
}
