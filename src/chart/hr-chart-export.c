/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <png.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hr-chart-export.h"
#include "hr-chart-private.h"

/* Export renders into memory first and writes the file in one go with
 * g_file_set_contents_full(): a temporary file in the same directory,
 * synced, then renamed over the target. A rename within one directory is
 * atomic, so the target is either the old file or the whole new one. */

#define CSS_PX_PER_INCH 96.0
#define PT_PER_INCH     72.0

gboolean
hr_chart_format_from_filename (const char     *filename,
                               HrChartFormat  *format,
                               GError        **error)
{
  static const struct
  {
    const char    *suffix;
    HrChartFormat  format;
  } suffixes[] = {
    { ".png", HR_CHART_FORMAT_PNG },
    { ".svg", HR_CHART_FORMAT_SVG },
    { ".pdf", HR_CHART_FORMAT_PDF },
    { ".csv", HR_CHART_FORMAT_CSV },
  };
  g_autofree char *lower = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  lower = g_ascii_strdown (filename, -1);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i].suffix))
      {
        *format = suffixes[i].format;
        return TRUE;
      }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("cannot tell the format of “%s”: its name must end in .png, .svg, .pdf or .csv"),
               filename);
  return FALSE;
}

void
hr_chart_export_options_init (HrChartExportOptions *options,
                              HrChartFormat         format)
{
  options->format = format;
  options->width_px = HR_CHART_EXPORT_DEFAULT_WIDTH_PX;
  options->height_px = HR_CHART_EXPORT_DEFAULT_HEIGHT_PX;
  options->dpi = HR_CHART_EXPORT_DEFAULT_DPI;
}

static cairo_status_t
append_to_bytes (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
check_status (cairo_status_t   status,
              GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("cannot draw the chart: %s"), cairo_status_to_string (status));
  return FALSE;
}

/* What export draws: the charts of a view, or the circuit. @factor
 * multiplies the scale of text and lines, for a PNG's resolution. */
typedef struct
{
  HrChartView          *view;
  const HrChartCircuit *circuit;
  HrChartTheme          theme;
  const char           *title;
} Drawing;

static void
draw (const Drawing *drawing,
      cairo_t       *cr,
      double         width,
      double         height,
      double         factor)
{
  if (drawing->view != NULL)
    {
      /* The view belongs to the app and may be on the screen at its own
       * scale: scaled for this once. */
      double saved_scale = drawing->view->scale;

      drawing->view->scale = saved_scale * factor;
      hr_chart_render (cr, drawing->view, width, height);
      drawing->view->scale = saved_scale;
    }
  else
    hr_chart_circuit_render (cr, drawing->circuit, drawing->theme, factor, width, height);
}

static gboolean
render_vector (const Drawing               *drawing,
               const HrChartExportOptions  *options,
               GByteArray                  *out,
               GError                     **error)
{
  double pt_per_px = PT_PER_INCH / CSS_PX_PER_INCH;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (options->format == HR_CHART_FORMAT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (append_to_bytes, out,
                                                     options->width_px, options->height_px);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      pt_per_px = 1.0;
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_to_bytes, out,
                                                     options->width_px * pt_per_px,
                                                     options->height_px * pt_per_px);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Headroom");
      if (drawing->title != NULL)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, drawing->title);
    }

  cr = cairo_create (surface);
  cairo_scale (cr, pt_per_px, pt_per_px);
  draw (drawing, cr, options->width_px, options->height_px, 1.0);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return check_status (status, error);
}

static void
append_png_data (png_structp png,
                 png_bytep   data,
                 size_t      length)
{
  g_byte_array_append (png_get_io_ptr (png), data, length);
}

static void
flush_nothing (png_structp png)
{
}

/* libpng reports an error by a long jump back into write_png(), with the
 * message kept for the GError. */
static G_NORETURN void
png_failed (png_structp      png,
            png_const_charp  message)
{
  char *why = png_get_error_ptr (png);

  g_strlcpy (why, message, 128);
  png_longjmp (png, 1);
}

/* The image as a PNG, through libpng rather than cairo's writer: cairo
 * compresses at zlib's default level with every filter tried on every
 * row, which took three times as long as drawing the four charts. A
 * chart is flat colour and thin lines: zlib's level 3 with the Up filter
 * writes it about four times as fast, for a file about a quarter larger.
 * The background is opaque (hr_chart_render() paints it first), so the
 * file is RGB, as cairo writes an opaque image: premultiplied and plain
 * colours are the same at full alpha, and libpng drops the fourth byte.
 * The resolution goes in a pHYs chunk; nothing with a date does, so the
 * same chart gives the same bytes. */
static gboolean
write_png (cairo_surface_t  *surface,
           double            dpi,
           GByteArray       *out,
           GError          **error)
{
  const int width = cairo_image_surface_get_width (surface);
  const int height = cairo_image_surface_get_height (surface);
  const int stride = cairo_image_surface_get_stride (surface);
  guint8 *pixels = cairo_image_surface_get_data (surface);
  const png_uint_32 ppm = (png_uint_32) lround (dpi / 0.0254);
  char why[128] = "";
  png_structp png;
  png_infop info;

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, why, png_failed, NULL);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot write the PNG: out of memory"));
      return FALSE;
    }
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot write the PNG: %s"), why);
      return FALSE;
    }

  png_set_write_fn (png, out, append_png_data, flush_nothing);
  png_set_compression_level (png, 3);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
  png_set_IHDR (png, info, width, height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
  png_set_pHYs (png, info, ppm, ppm, PNG_RESOLUTION_METER);
  png_write_info (png, info);

  /* cairo's pixel is a native-endian 32-bit 0xAARRGGBB. */
#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  png_set_bgr (png);
  png_set_filler (png, 0, PNG_FILLER_AFTER);
#else
  png_set_filler (png, 0, PNG_FILLER_BEFORE);
#endif
  for (int y = 0; y < height; y++)
    png_write_row (png, pixels + (gsize) y * stride);
  png_write_end (png, NULL);
  png_destroy_write_struct (&png, &info);
  return TRUE;
}

static gboolean
render_png (const Drawing               *drawing,
            const HrChartExportOptions  *options,
            GByteArray                  *out,
            GError                     **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         options->width_px, options->height_px);
  cairo_status_t status = cairo_surface_status (surface);
  gboolean ok;
  cairo_t *cr;

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      draw (drawing, cr, options->width_px, options->height_px, options->dpi / CSS_PX_PER_INCH);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  cairo_surface_flush (surface);
  ok = check_status (status, error) && write_png (surface, options->dpi, out, error);
  cairo_surface_destroy (surface);
  return ok;
}

static gboolean
check_size (const HrChartExportOptions  *options,
            GError                     **error)
{
  if (options->format != HR_CHART_FORMAT_CSV &&
      (options->width_px < 16 || options->height_px < 16 ||
       options->width_px > 32768 || options->height_px > 32768 ||
       !(options->dpi >= 24.0 && options->dpi <= 2400.0)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the size must be 16 to 32768 pixels a side and the resolution 24 to 2400 dpi, "
                     "got %d × %d at %g dpi"),
                   options->width_px, options->height_px, options->dpi);
      return FALSE;
    }
  return TRUE;
}

static GBytes *
render_drawing (const Drawing               *drawing,
                const HrChartExportOptions  *options,
                GError                     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  gboolean ok = FALSE;

  switch (options->format)
    {
    case HR_CHART_FORMAT_PNG:
      ok = render_png (drawing, options, out, error);
      break;
    case HR_CHART_FORMAT_SVG:
    case HR_CHART_FORMAT_PDF:
      ok = render_vector (drawing, options, out, error);
      break;
    case HR_CHART_FORMAT_CSV:
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

GBytes *
hr_chart_export_to_bytes (HrChartView                 *view,
                          const HrChartExportOptions  *options,
                          GError                     **error)
{
  Drawing drawing = { 0 };

  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (!check_size (options, error))
    return NULL;
  if (options->format == HR_CHART_FORMAT_CSV)
    {
      char *csv = hr_chart_export_csv (view);

      return g_bytes_new_take (csv, strlen (csv));
    }
  drawing.view = view;
  drawing.title = view->title;
  return render_drawing (&drawing, options, error);
}

/**
 * hr_chart_export_circuit_to_bytes:
 *
 * The circuit's drawing (hr_chart_circuit_render()) as PNG, SVG or PDF.
 * A drawing has no data of its own to write as CSV.
 */
GBytes *
hr_chart_export_circuit_to_bytes (const HrChartCircuit        *circuit,
                                  HrChartTheme                 theme,
                                  const HrChartExportOptions  *options,
                                  GError                     **error)
{
  Drawing drawing = { NULL, circuit, theme, NULL };

  g_return_val_if_fail (circuit != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  if (options->format == HR_CHART_FORMAT_CSV)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("the circuit is a drawing: it can be written as .png, .svg or .pdf, not as .csv"));
      return NULL;
    }
  if (!check_size (options, error))
    return NULL;
  return render_drawing (&drawing, options, error);
}

static gboolean
write_bytes (GBytes      *bytes,
             const char  *filename,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gsize size;
  const char *data;

  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (filename, data, size,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   _("cannot write “%s”: %s"), filename, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
hr_chart_export_to_file (HrChartView                 *view,
                         const HrChartExportOptions  *options,
                         const char                  *filename,
                         GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  bytes = hr_chart_export_to_bytes (view, options, error);
  return bytes != NULL && write_bytes (bytes, filename, error);
}

gboolean
hr_chart_export_circuit_to_file (const HrChartCircuit        *circuit,
                                 HrChartTheme                 theme,
                                 const HrChartExportOptions  *options,
                                 const char                  *filename,
                                 GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  bytes = hr_chart_export_circuit_to_bytes (circuit, theme, options, error);
  return bytes != NULL && write_bytes (bytes, filename, error);
}

/**
 * hr_chart_export_subtitle:
 *
 * The subtitle of an exported figure: the level it was drawn at and the
 * date. SOURCE_DATE_EPOCH, when set, fixes the date, so that an image
 * made for the documentation is the same on every run.
 *
 * Returns: (transfer full): "90.0 dB SPL at 1 kHz · 2026-12-07"
 */
char *
hr_chart_export_subtitle (const HrDrive *drive)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *date = NULL;
  g_autofree char *level = NULL;
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  g_return_val_if_fail (drive != NULL, NULL);

  if (epoch != NULL)
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  date = g_date_time_format (now, "%Y-%m-%d");

  if (drive->kind == HR_DRIVE_SPL)
    /* Translators: the level of an exported figure, "90.0 dB SPL at 1 kHz" */
    level = g_strdup_printf (_("%.1f dB SPL at 1 kHz"), drive->value);
  else
    /* Translators: the level of an exported figure, "2 Vrms open circuit" */
    level = g_strdup_printf (_("%.3g Vrms open circuit"), drive->value);
  return g_strdup_printf ("%s · %s", level, date);
}
