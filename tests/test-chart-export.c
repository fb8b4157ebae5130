/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>

#include "hr-chart-export.h"
#include "hr-chart-private.h"
#include "test-chart-fixtures.h"

/* Export: SVG that parses, with one stroke per trace and chart; a PDF
 * that poppler renders back to a page of the right size, with its text as
 * text; PNG of the size and resolution asked; CSV of every trace; and
 * writes that fail cleanly, leaving an existing file as it was. */

typedef struct
{
  HrChartView *view;
  char        *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->view = fixture_view (8, 95.0, 300);
  fixture->dir = g_dir_make_tmp ("hr-chart-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_chmod (child, 0700);
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_dir (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  hr_chart_view_free (fixture->view);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* SVG: strokes by colour and width. cairo's SVG surface writes no ids, so
 * a trace's curve is found by what only it has: its colour at the width
 * of a trace (2 px, 3.5 px for the live one). Each trace must have one
 * such path per chart, and one more for its legend sample. */
typedef struct
{
  guint  n_paths;
  GArray *strokes;  /* of Stroke */
} SvgScan;

typedef struct
{
  int    red;
  int    green;
  int    blue;
  double width;
} Stroke;

static void
style_property (const char  *style,
                const char  *name,
                char       **value)
{
  g_auto(GStrv) parts = g_strsplit (style, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *key = NULL;
      char *colon = strchr (parts[i], ':');

      if (colon == NULL)
        continue;
      key = g_strstrip (g_strndup (parts[i], colon - parts[i]));
      if (g_str_equal (key, name))
        {
          g_free (*value);
          *value = g_strstrip (g_strdup (colon + 1));
        }
    }
}

static gboolean
parse_rgb (const char *text,
           Stroke     *stroke)
{
  double r, g, b;
  g_autofree char *copy = NULL;

  if (text == NULL || !g_str_has_prefix (text, "rgb("))
    return FALSE;
  /* "rgb(0%, 44.705882%, 69.803922%)", locale-independent. */
  copy = g_strdup (text + 4);
  g_strdelimit (copy, "%,)", ' ');
  {
    char *end = NULL;

    r = g_ascii_strtod (copy, &end);
    g = g_ascii_strtod (end, &end);
    b = g_ascii_strtod (end, &end);
  }
  stroke->red = (int) lround (r * 2.55);
  stroke->green = (int) lround (g * 2.55);
  stroke->blue = (int) lround (b * 2.55);
  return TRUE;
}

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  SvgScan *scan = user_data;
  g_autofree char *stroke_text = NULL;
  g_autofree char *width_text = NULL;
  Stroke stroke = { 0 };

  if (!g_str_equal (element, "path"))
    return;
  scan->n_paths++;

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_equal (names[i], "style"))
        {
          style_property (values[i], "stroke", &stroke_text);
          style_property (values[i], "stroke-width", &width_text);
        }
      else if (g_str_equal (names[i], "stroke"))
        {
          g_free (stroke_text);
          stroke_text = g_strdup (values[i]);
        }
      else if (g_str_equal (names[i], "stroke-width"))
        {
          g_free (width_text);
          width_text = g_strdup (values[i]);
        }
    }

  if (!parse_rgb (stroke_text, &stroke) || width_text == NULL)
    return;
  stroke.width = g_ascii_strtod (width_text, NULL);
  g_array_append_val (scan->strokes, stroke);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  const GMarkupParser parser = { svg_start, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) strokes = g_array_new (FALSE, FALSE, sizeof (Stroke));
  SvgScan scan = { 0, strokes };
  HrChartExportOptions options;
  gsize size;
  const char *text;

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_SVG);
  bytes = hr_chart_export_to_bytes (fixture->view, &options, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (bytes, &size);
  g_assert_true (g_str_has_prefix (text, "<?xml"));

  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, size, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_cmpuint (scan.n_paths, >, 50);

  for (guint t = 0; t < hr_chart_view_get_n_traces (fixture->view); t++)
    {
      HrChartTrace *trace = hr_chart_view_get_trace (fixture->view, t);
      HrChartColor color = hr_chart_slot_color (HR_CHART_THEME_LIGHT, hr_chart_trace_get_slot (trace));
      double width = hr_chart_trace_get_live (trace) ? 3.5 : 2.0;
      guint n = 0;

      for (guint i = 0; i < strokes->len; i++)
        {
          const Stroke *s = &g_array_index (strokes, Stroke, i);

          if (abs (s->red - (int) lround (color.red * 255)) <= 1 &&
              abs (s->green - (int) lround (color.green * 255)) <= 1 &&
              abs (s->blue - (int) lround (color.blue * 255)) <= 1 &&
              fabs (s->width - width) < 1e-6)
            n++;
        }
      g_assert_cmpuint (n, ==, HR_CHART_N_KINDS + 1);
    }
}

static char *
run (const char *const *argv,
     int               *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, status, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *pdftoppm = g_find_program_in_path ("pdftoppm");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (fixture->dir, "chart.pdf", NULL);
  g_autofree char *prefix = g_build_filename (fixture->dir, "page", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "page.png", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  HrChartExportOptions options;
  cairo_surface_t *page;
  guint n_ink = 0;
  int status;

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_PDF);
  options.width_px = 1200;
  options.height_px = 800;
  g_assert_true (hr_chart_export_to_file (fixture->view, &options, pdf, &error));
  g_assert_no_error (error);

  if (pdftoppm == NULL || pdftotext == NULL)
    {
      g_test_skip ("pdftoppm and pdftotext (poppler-utils) are needed");
      return;
    }

  /* 96 dpi gives the page back at the size in pixels it was made for. */
  {
    const char *argv[] = { pdftoppm, "-png", "-r", "96", "-singlefile", pdf, prefix, NULL };

    g_free (run (argv, &status));
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  page = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (page), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (page), ==, 1200);
  g_assert_cmpint (cairo_image_surface_get_height (page), ==, 800);
  {
    const guint8 *pixels = cairo_image_surface_get_data (page);
    int stride = cairo_image_surface_get_stride (page);

    for (int y = 0; y < 800; y++)
      for (int x = 0; x < 1200; x++)
        {
          guint32 value;

          memcpy (&value, pixels + (gsize) y * stride + 4 * x, sizeof value);
          n_ink += (value & 0xffffff) != 0xffffff;
        }
  }
  cairo_surface_destroy (page);
  g_assert_cmpuint (n_ink, >, 1200 * 800 / 50);

  /* Text as text: the legend and the axis titles come back out. */
  {
    const char *argv[] = { pdftotext, pdf, "-", NULL };

    text = run (argv, &status);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  }
  g_assert_nonnull (strstr (text, "Frequency (Hz)"));
  for (guint t = 0; t < hr_chart_view_get_n_traces (fixture->view); t++)
    g_assert_nonnull (strstr (text, hr_chart_trace_get_label (hr_chart_view_get_trace (fixture->view, t))));
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  HrChartExportOptions options;
  cairo_surface_t *image;
  gsize length;
  const char *phys;

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_PNG);
  options.width_px = 1000;
  options.height_px = 700;
  options.dpi = 192.0;
  g_assert_true (hr_chart_export_to_file (fixture->view, &options, path, &error));
  g_assert_no_error (error);

  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1000);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 700);
  cairo_surface_destroy (image);

  /* 192 dpi = 7559 pixels per metre, in both directions. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  phys = NULL;
  for (gsize i = 0; i + 13 <= length && phys == NULL; i++)
    if (memcmp (contents + i, "pHYs", 4) == 0)
      phys = contents + i;
  g_assert_nonnull (phys);
  g_assert_cmpint (((guint8) phys[4] << 24 | (guint8) phys[5] << 16 | (guint8) phys[6] << 8 | (guint8) phys[7]),
                   ==, 7559);
  g_assert_cmpint (phys[12], ==, 1);
  /* The scale is the export's alone: the view keeps its own. */
  g_assert_cmpfloat (hr_chart_view_get_scale (fixture->view), ==, 1.0);
}

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         offset;
} PngReader;

static cairo_status_t
read_png_bytes (void          *closure,
                unsigned char *data,
                unsigned int   length)
{
  PngReader *reader = closure;

  if (reader->offset + length > reader->length)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data + reader->offset, length);
  reader->offset += length;
  return CAIRO_STATUS_SUCCESS;
}

/* The PNG is written by libpng at a fast level, not by cairo: its pixels
 * must still be the chart's as hr_chart_render() draws it, to the bit,
 * and the file must be a well-formed PNG (cairo reads it back through
 * libpng, which checks every chunk's CRC) and nothing more than that:
 * the same chart gives the same bytes, with no date or text in them. */
static void
test_png_pixels (Fixture       *fixture,
                 gconstpointer  data)
{
  const int width = 640;
  const int height = 400;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  HrChartExportOptions options;
  cairo_surface_t *expected;
  cairo_surface_t *image;
  PngReader reader = { NULL, 0, 0 };
  cairo_t *cr;
  gsize offset = 8;
  guint n_differ = 0;

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_PNG);
  options.width_px = width;
  options.height_px = height;
  first = hr_chart_export_to_bytes (fixture->view, &options, &error);
  g_assert_no_error (error);
  second = hr_chart_export_to_bytes (fixture->view, &options, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));

  reader.data = g_bytes_get_data (first, &reader.length);
  g_assert_cmpmem (reader.data, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR, pHYs, IDAT…, IEND: nothing else. */
  while (offset + 12 <= reader.length)
    {
      const guint8 *chunk = reader.data + offset;
      guint32 length = (guint32) chunk[0] << 24 | chunk[1] << 16 | chunk[2] << 8 | chunk[3];
      g_autofree char *type = g_strndup ((const char *) chunk + 4, 4);

      if (offset == 8)
        g_assert_cmpstr (type, ==, "IHDR");
      else
        g_assert_true (g_str_equal (type, "pHYs") || g_str_equal (type, "IDAT") || g_str_equal (type, "IEND"));
      offset += 12 + length;
    }
  g_assert_cmpuint (offset, ==, reader.length);

  image = cairo_image_surface_create_from_png_stream (read_png_bytes, &reader);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, height);

  expected = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (expected);
  hr_chart_render (cr, fixture->view, width, height);
  cairo_destroy (cr);
  cairo_surface_flush (expected);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 want;
        guint32 got;

        memcpy (&want, cairo_image_surface_get_data (expected) + y * cairo_image_surface_get_stride (expected) + 4 * x, 4);
        memcpy (&got, cairo_image_surface_get_data (image) + y * cairo_image_surface_get_stride (image) + 4 * x, 4);
        g_assert_cmphex (want >> 24, ==, 0xff);
        n_differ += want != got;
      }
  g_assert_cmpuint (n_differ, ==, 0);
  cairo_surface_destroy (expected);
  cairo_surface_destroy (image);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = hr_chart_export_csv (fixture->view);
  g_auto(GStrv) lines = g_strsplit (csv, "\n", -1);
  const HrSweep *sweep = hr_chart_trace_get_sweep (hr_chart_view_get_trace (fixture->view, 2));
  guint n_traces = hr_chart_view_get_n_traces (fixture->view);

  /* A header, one row per frequency, and the empty string after the last newline. */
  g_assert_cmpuint (g_strv_length (lines), ==, sweep->n_points + 2);
  g_assert_true (g_str_has_prefix (lines[0], "freq_hz,\"HD 600 on Scarlett 2i2 line out: z_mag_ohm\","));
  for (guint r = 1; r <= sweep->n_points; r++)
    {
      g_auto(GStrv) cells = g_strsplit (lines[r], ",", -1);
      /* The fixtures' headphones have responses: twelve columns each. */
      guint base = 1 + 2 * 12;  /* the third trace's columns */

      g_assert_cmpuint (g_strv_length (cells), ==, 1 + 12 * n_traces);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[0], NULL), sweep->freq_hz[r - 1],
                                      1e-9 * sweep->freq_hz[r - 1]);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[base], NULL), sweep->z_mag_ohm[r - 1],
                                      1e-8 * sweep->z_mag_ohm[r - 1]);
      g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[base + 6], NULL), sweep->spl_db[r - 1], 1e-7);
      g_assert_cmpstr (cells[base + 8], ==, hr_limit_to_string (sweep->limit[r - 1]));
      if (isnan (sweep->fr_pred_db[r - 1]))
        g_assert_cmpstr (cells[base + 11], ==, "");
      else
        g_assert_cmpfloat_with_epsilon (g_ascii_strtod (cells[base + 11], NULL), sweep->fr_pred_db[r - 1], 1e-7);
    }
  g_assert_nonnull (strstr (lines[0], ": fr_db\",\"HD 600 on Scarlett 2i2 line out: fr_pred_db\""));
}

static void
test_format_from_filename (void)
{
  g_autoptr(GError) error = NULL;
  HrChartFormat format;

  g_assert_true (hr_chart_format_from_filename ("a/b.PNG", &format, NULL));
  g_assert_cmpint (format, ==, HR_CHART_FORMAT_PNG);
  g_assert_true (hr_chart_format_from_filename ("x.pdf", &format, NULL));
  g_assert_cmpint (format, ==, HR_CHART_FORMAT_PDF);
  g_assert_false (hr_chart_format_from_filename ("x.jpeg", &format, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "x.jpeg"));
}

static void
write_old (const char *path)
{
  g_assert_true (g_file_set_contents (path, "old contents", -1, NULL));
}

static void
assert_old (const char *path)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old contents");
}

static void
test_unwritable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "chart.png", NULL);
  g_autofree char *locked_dir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *locked = g_build_filename (locked_dir, "chart.svg", NULL);
  g_autoptr(GError) error = NULL;
  HrChartExportOptions options;

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_PNG);
  g_assert_false (hr_chart_export_to_file (fixture->view, &options, missing, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  /* Permissions do not stop root; the size limit below does. */
  g_assert_cmpint (g_mkdir (locked_dir, 0700), ==, 0);
  write_old (locked);
  g_assert_cmpint (g_chmod (locked_dir, 0500), ==, 0);
  if (geteuid () != 0)
    {
      options.format = HR_CHART_FORMAT_SVG;
      g_assert_false (hr_chart_export_to_file (fixture->view, &options, locked, &error));
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
      assert_old (locked);
      g_assert_cmpuint (count_files (locked_dir), ==, 1);
    }
}

/* A write that fails half-way (here the file size limit, which binds root
 * too) leaves the old file whole and no temporary file behind. */
static void
test_half_write (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "chart.png", NULL);

  write_old (path);
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };
      HrChartExportOptions options;

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      hr_chart_export_options_init (&options, HR_CHART_FORMAT_PNG);
      g_assert_false (hr_chart_export_to_file (fixture->view, &options, path, &error));
      g_assert_nonnull (error);
      g_assert_true (error->domain == G_FILE_ERROR);
      assert_old (path);
      g_assert_cmpuint (count_files (fixture->dir), ==, 1);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/chart-export/svg", Fixture, NULL, fixture_set_up, test_svg, fixture_tear_down);
  g_test_add ("/chart-export/pdf", Fixture, NULL, fixture_set_up, test_pdf, fixture_tear_down);
  g_test_add ("/chart-export/png", Fixture, NULL, fixture_set_up, test_png, fixture_tear_down);
  g_test_add ("/chart-export/png-pixels", Fixture, NULL, fixture_set_up, test_png_pixels, fixture_tear_down);
  g_test_add ("/chart-export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add_func ("/chart-export/format-from-filename", test_format_from_filename);
  g_test_add ("/chart-export/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/chart-export/half-write", Fixture, NULL, fixture_set_up, test_half_write, fixture_tear_down);

  status = g_test_run ();

  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
