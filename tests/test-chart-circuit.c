/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>

#include "hr-chart-export.h"
#include "hr-chart-private.h"
#include "hr-core.h"

/* The circuit's drawing: at every size from a cramped dialog to a large
 * export, in both themes, with and without each optional part, no text
 * touches another and nothing is drawn outside the area; every figure is
 * there, and is the core's (hr_circuit_eval() times the drive), not one
 * the drawing worked out; and it exports to each format. */

typedef enum
{
  PART_DC_BLOCK = 1 << 0,
  PART_CABLE    = 1 << 1,
  PART_SERIES   = 1 << 2,
  PART_SHUNT    = 1 << 3,
} Parts;

#define ALL_PARTS (PART_DC_BLOCK | PART_CABLE | PART_SERIES | PART_SHUNT)

typedef struct
{
  HrHeadphone *headphone;
  HrCircuit    circuit;
  HrChartCircuit drawing;
} Fixture;

/* A Thiele–Small 300 Ω driver (an HD 650's shape) on a 75 Ω output with
 * a 5.5 V swing and a 40 mA limit, driven at 2 V; the parts asked for
 * added. */
static void
fixture_init (Fixture *fixture,
              Parts    parts,
              double   freq_hz)
{
  const HrThieleSmall ts = { 300.0, 1e-4, 85.0, 2.0, 0.6 };
  g_autoptr(HrImpedance) impedance = hr_impedance_new_thiele_small (&ts, NULL);

  memset (fixture, 0, sizeof *fixture);
  fixture->headphone = hr_headphone_new ("HD 650", 300.0, 103.0, HR_SENSITIVITY_DB_PER_V, impedance, NULL);
  g_assert_nonnull (fixture->headphone);
  fixture->circuit = (HrCircuit) { fixture->headphone, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  fixture->circuit.source.output_impedance_ohm = 75.0;
  fixture->circuit.source.max_voltage_vrms = 5.5;
  fixture->circuit.source.max_current_ma = 40.0;
  if (parts & PART_DC_BLOCK)
    fixture->circuit.source.dc_block_uf = 10.0;
  if (parts & PART_CABLE)
    fixture->circuit.connection.cable_ohm = 0.4;
  if (parts & PART_SERIES)
    fixture->circuit.connection.adapter_series_ohm = 47.0;
  if (parts & PART_SHUNT)
    fixture->circuit.connection.adapter_shunt_ohm = 10.0;

  fixture->drawing.circuit = &fixture->circuit;
  fixture->drawing.voc_vrms = 2.0;
  fixture->drawing.freq_hz = freq_hz;
  fixture->drawing.source_name = "Fireface 800 · Line out";
  fixture->drawing.headphone_name = "HD 650";
}

static void
fixture_clear (Fixture *fixture)
{
  g_clear_object (&fixture->headphone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Fixture, fixture_clear)

static GArray *
new_boxes (void)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (HrChartTextBox));

  g_array_set_clear_func (boxes, (GDestroyNotify) hr_chart_text_box_clear);
  return boxes;
}

static cairo_surface_t *
render (const HrChartCircuit *drawing,
        HrChartTheme          theme,
        double                scale,
        int                   width,
        int                   height,
        GArray               *boxes)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  hr_chart_circuit_render_boxes (cr, drawing, theme, scale, width, height, boxes);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static void
assert_no_overlap_inside (GArray     *boxes,
                          int         width,
                          int         height,
                          const char *what)
{
  g_assert_cmpuint (boxes->len, >=, 10);
  for (guint i = 0; i < boxes->len; i++)
    {
      const HrChartTextBox *a = &g_array_index (boxes, HrChartTextBox, i);

      if (a->rect.x < 0.0 || a->rect.y < 0.0 ||
          a->rect.x + a->rect.width > width || a->rect.y + a->rect.height > height)
        g_error ("%s: “%s” (%g,%g %g×%g) leaves the area", what,
                 a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height);
      for (guint j = i + 1; j < boxes->len; j++)
        {
          const HrChartTextBox *b = &g_array_index (boxes, HrChartTextBox, j);

          if (hr_chart_rects_intersect (&a->rect, &b->rect))
            g_error ("%s: “%s” (%g,%g %g×%g) overlaps “%s” (%g,%g %g×%g)", what,
                     a->text, a->rect.x, a->rect.y, a->rect.width, a->rect.height,
                     b->text, b->rect.x, b->rect.y, b->rect.width, b->rect.height);
        }
    }
}

static const HrChartTextBox *
find_box (GArray          *boxes,
          HrChartTextRole  role,
          const char      *text)
{
  for (guint i = 0; i < boxes->len; i++)
    {
      const HrChartTextBox *box = &g_array_index (boxes, HrChartTextBox, i);

      if (box->role == role && g_str_equal (box->text, text))
        return box;
    }
  return NULL;
}

static void
assert_figure (GArray     *boxes,
               char       *owned_text,
               const char *what)
{
  g_autofree char *text = owned_text;

  if (find_box (boxes, HR_CHART_TEXT_FIGURE, text) == NULL)
    g_error ("%s: the figure “%s” is not drawn", what, text);
}

/* Sixteen combinations of the optional parts, eight sizes from a small
 * dialog to a wide export, both themes, scale 1 and 2. */
static void
test_text (void)
{
  static const int sizes[][2] = {
    { 320, 180 }, { 480, 240 }, { 600, 300 }, { 800, 400 }, { 1200, 500 }, { 1600, 1000 }, { 2400, 600 }, { 500, 900 },
  };

  for (guint parts = 0; parts <= ALL_PARTS; parts++)
    for (guint size = 0; size < G_N_ELEMENTS (sizes); size++)
      for (int theme = HR_CHART_THEME_LIGHT; theme <= HR_CHART_THEME_DARK; theme++)
        for (double scale = 1.0; scale <= 2.0; scale += 1.0)
          {
            g_auto(Fixture) fixture;
            g_autoptr(GArray) boxes = new_boxes ();
            g_autofree char *what = NULL;
            cairo_surface_t *surface;

            fixture_init (&fixture, parts, 1000.0);
            what = g_strdup_printf ("parts %#x, %d×%d, theme %d, scale %g",
                                    parts, sizes[size][0], sizes[size][1], theme, scale);
            surface = render (&fixture.drawing, theme, scale, sizes[size][0], sizes[size][1], boxes);
            assert_no_overlap_inside (boxes, sizes[size][0], sizes[size][1], what);
            g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "HD 650"));
            g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_TITLE, "At 1 kHz"));
            cairo_surface_destroy (surface);
          }
}

/* Every figure is drawn, as the core gives it at this frequency times
 * the drive, in the app's words (hr_format_voltage() …). */
static void
test_figures (void)
{
  static const double freqs_hz[] = { 20.0, 1000.0, 15000.0 };

  for (guint parts = 0; parts <= ALL_PARTS; parts++)
    for (guint f = 0; f < G_N_ELEMENTS (freqs_hz); f++)
      {
        g_auto(Fixture) fixture;
        g_autoptr(GArray) boxes = new_boxes ();
        g_autofree char *what = NULL;
        HrCircuitPoint point;
        cairo_surface_t *surface;
        double voc_vrms;

        fixture_init (&fixture, parts, freqs_hz[f]);
        voc_vrms = fixture.drawing.voc_vrms;
        hr_circuit_eval (&fixture.circuit, freqs_hz[f], &point);
        what = g_strdup_printf ("parts %#x at %g Hz", parts, freqs_hz[f]);
        surface = render (&fixture.drawing, HR_CHART_THEME_LIGHT, 1.0, 600, 300, boxes);

        assert_figure (boxes, hr_format_voltage (voc_vrms), what);
        assert_figure (boxes, hr_format_voltage (voc_vrms * cabs (point.transfer)), what);
        assert_figure (boxes, hr_format_current (1e3 * voc_vrms * cabs (point.i_load_per_v)), what);
        assert_figure (boxes, hr_format_current (1e3 * voc_vrms * cabs (point.i_source_per_v)), what);
        assert_figure (boxes, hr_format_power (1e3 * voc_vrms * voc_vrms * point.p_load_w_per_v2), what);
        assert_figure (boxes, hr_format_voltage (voc_vrms * cabs (point.v_zout_per_v)), what);
        if (parts & PART_CABLE)
          assert_figure (boxes, hr_format_voltage (voc_vrms * cabs (point.v_cable_per_v)), what);
        if (parts & PART_SERIES)
          assert_figure (boxes, hr_format_voltage (voc_vrms * cabs (point.v_series_per_v)), what);
        if (parts & PART_SHUNT)
          assert_figure (boxes, hr_format_current (1e3 * voc_vrms * cabs (point.i_shunt_per_v)), what);

        /* The parts that are there are named, the others are not. */
        g_assert_true ((find_box (boxes, HR_CHART_TEXT_PART, "Cable") != NULL) == ((parts & PART_CABLE) != 0));
        g_assert_true ((find_box (boxes, HR_CHART_TEXT_PART, "Adapter") != NULL)
                       == ((parts & (PART_SERIES | PART_SHUNT)) != 0));
        g_assert_true ((find_box (boxes, HR_CHART_TEXT_PART, "10 µF") != NULL) == ((parts & PART_DC_BLOCK) != 0));
        g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "Zout 75 Ω"));
        g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "Fireface 800 · Line out"));
        g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "max 5.5 V · 40 mA"));
        cairo_surface_destroy (surface);
      }

  /* By hand, once: 2 V behind 75 Ω into a 300 Ω resistor is 1.6 V,
   * 5.33 mA and 8.53 mW. */
  {
    g_autoptr(HrImpedance) resistor = hr_impedance_new_resistor (300.0, NULL);
    g_autoptr(HrHeadphone) headphone = hr_headphone_new ("R", 300.0, 100.0, HR_SENSITIVITY_DB_PER_V, resistor, NULL);
    HrCircuit circuit = { headphone, HR_SOURCE_INIT, HR_CONNECTION_INIT };
    HrChartCircuit drawing = { &circuit, 2.0, 1000.0, NULL, NULL };
    g_autoptr(GArray) boxes = new_boxes ();

    circuit.source.output_impedance_ohm = 75.0;
    cairo_surface_destroy (render (&drawing, HR_CHART_THEME_LIGHT, 1.0, 600, 300, boxes));
    g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "1.6 V"));
    g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "5.33 mA"));
    g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "8.53 mW"));
    g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "400 mV"));
    /* Unnamed gear is named by what it is; an ideal source has no limits to state. */
    g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "Source"));
    g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "Headphones"));
    for (guint i = 0; i < boxes->len; i++)
      g_assert_false (g_str_has_prefix (g_array_index (boxes, HrChartTextBox, i).text, "max"));
  }
}

/* Headphones without a sensitivity asked for a level have no voltage:
 * the figures that follow from it are "?", the others are there. */
static void
test_level_unknown (void)
{
  g_auto(Fixture) fixture;
  g_autoptr(GArray) boxes = new_boxes ();

  fixture_init (&fixture, 0, 1000.0);
  fixture.drawing.voc_vrms = NAN;
  cairo_surface_destroy (render (&fixture.drawing, HR_CHART_THEME_LIGHT, 1.0, 600, 300, boxes));
  g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "? V"));
  g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "? mA"));
  g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_FIGURE, "? mW"));
  g_assert_nonnull (find_box (boxes, HR_CHART_TEXT_PART, "Zout 75 Ω"));
}

static guint32
pixel (cairo_surface_t *surface,
       int              x,
       int              y)
{
  const guint8 *row = cairo_image_surface_get_data (surface) + (gsize) y * cairo_image_surface_get_stride (surface);
  guint32 value;

  memcpy (&value, row + 4 * x, sizeof value);
  return value & 0xffffff;
}

/* Drawn into the middle of a larger surface through a transform, the
 * drawing leaves all around it as it was and covers its area with its
 * background; the accent is there (its figures), in both themes. */
static void
test_clip_and_theme (void)
{
  const int margin = 23;
  const int width = 600;
  const int height = 300;

  for (int theme = HR_CHART_THEME_LIGHT; theme <= HR_CHART_THEME_DARK; theme++)
    for (guint parts = 0; parts <= ALL_PARTS; parts += ALL_PARTS)
      {
        g_auto(Fixture) fixture;
        const HrChartStyle *style = hr_chart_style_get (theme);
        const guint32 background = (guint32) lround (style->background.red * 255) << 16
                                   | (guint32) lround (style->background.green * 255) << 8
                                   | (guint32) lround (style->background.blue * 255);
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width + 2 * margin,
                                                               height + 2 * margin);
        cairo_t *cr = cairo_create (surface);
        guint n_background = 0;
        guint n_accent = 0;

        fixture_init (&fixture, parts, 1000.0);
        cairo_set_source_rgb (cr, 1.0, 0.0, 1.0);
        cairo_paint (cr);
        cairo_translate (cr, margin, margin);
        hr_chart_circuit_render (cr, &fixture.drawing, theme, 1.0, width, height);
        cairo_destroy (cr);
        cairo_surface_flush (surface);

        for (int y = 0; y < height + 2 * margin; y++)
          for (int x = 0; x < width + 2 * margin; x++)
            {
              guint32 value = pixel (surface, x, y);
              gboolean inside = x >= margin && x < margin + width && y >= margin && y < margin + height;

              if (!inside)
                {
                  g_assert_cmphex (value, ==, 0xff00ff);
                  continue;
                }
              g_assert_cmphex (value, !=, 0xff00ff);
              n_background += value == background;
              n_accent += abs ((int) (value >> 16) - (int) lround (style->accent.red * 255)) < 12
                          && abs ((int) (value >> 8 & 0xff) - (int) lround (style->accent.green * 255)) < 12
                          && abs ((int) (value & 0xff) - (int) lround (style->accent.blue * 255)) < 12;
            }
        /* Mostly background, some ink; the figures in the accent. */
        g_assert_cmpuint (n_background, >, width * height * 8 / 10);
        g_assert_cmpuint (n_background, <, width * height);
        g_assert_cmpuint (n_accent, >, 200);
        cairo_surface_destroy (surface);
      }
}

/* Sizes nobody should pass draw nothing and do not crash. */
static void
test_degenerate (void)
{
  g_auto(Fixture) fixture;
  g_autoptr(GArray) boxes = new_boxes ();

  fixture_init (&fixture, ALL_PARTS, 1000.0);
  cairo_surface_destroy (render (&fixture.drawing, HR_CHART_THEME_LIGHT, 1.0, 1, 1, boxes));
  cairo_surface_destroy (render (&fixture.drawing, HR_CHART_THEME_LIGHT, 1.0, 40, 20, boxes));
  for (guint i = 0; i < boxes->len; i++)
    {
      const HrChartRect *r = &g_array_index (boxes, HrChartTextBox, i).rect;

      g_assert_cmpfloat (r->x + r->width, <=, 40.0);
      g_assert_cmpfloat (r->y + r->height, <=, 20.0);
    }
}

/* PNG at its size, SVG that parses, PDF with its text as text; a CSV is
 * refused, since a drawing has no data of its own. */
static void
test_export (void)
{
  g_auto(Fixture) fixture;
  g_autofree char *dir = g_dir_make_tmp ("hr-circuit-XXXXXX", NULL);
  g_autofree char *png = g_build_filename (dir, "circuit.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "circuit.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autoptr(GBytes) svg = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  const GMarkupParser parser = { NULL, NULL, NULL, NULL, NULL };
  HrChartExportOptions options;
  cairo_surface_t *image;
  gsize size;
  const char *text;

  fixture_init (&fixture, ALL_PARTS, 1000.0);

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_PNG);
  options.width_px = 900;
  options.height_px = 400;
  g_assert_true (hr_chart_export_circuit_to_file (&fixture.drawing, HR_CHART_THEME_DARK, &options, png, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 900);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  cairo_surface_destroy (image);

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_SVG);
  svg = hr_chart_export_circuit_to_bytes (&fixture.drawing, HR_CHART_THEME_LIGHT, &options, &error);
  g_assert_no_error (error);
  text = g_bytes_get_data (svg, &size);
  g_assert_true (g_str_has_prefix (text, "<?xml"));
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_assert_true (g_markup_parse_context_parse (context, text, size, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_PDF);
  g_assert_true (hr_chart_export_circuit_to_file (&fixture.drawing, HR_CHART_THEME_LIGHT, &options, pdf, &error));
  g_assert_no_error (error);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, "HD 650"));
      g_assert_nonnull (strstr (out, "Adapter"));
      g_assert_nonnull (strstr (out, "open circuit"));
    }

  hr_chart_export_options_init (&options, HR_CHART_FORMAT_CSV);
  csv = hr_chart_export_circuit_to_bytes (&fixture.drawing, HR_CHART_THEME_LIGHT, &options, &error);
  g_assert_null (csv);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_unlink (png);
  g_unlink (pdf);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart-circuit/text", test_text);
  g_test_add_func ("/chart-circuit/figures", test_figures);
  g_test_add_func ("/chart-circuit/level-unknown", test_level_unknown);
  g_test_add_func ("/chart-circuit/clip-and-theme", test_clip_and_theme);
  g_test_add_func ("/chart-circuit/degenerate", test_degenerate);
  g_test_add_func ("/chart-circuit/export", test_export);

  status = g_test_run ();

  cairo_debug_reset_static_data ();
  FcFini ();
  return status;
}
