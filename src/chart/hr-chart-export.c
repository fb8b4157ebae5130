/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
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

/* PNG's CRC-32 (ISO 3309), bit by bit: it runs over 17 bytes once. */
static guint32
png_crc (const guint8 *data,
         gsize         length)
{
  guint32 crc = 0xffffffffu;

  for (gsize i = 0; i < length; i++)
    {
      crc ^= data[i];
      for (int bit = 0; bit < 8; bit++)
        crc = (crc >> 1) ^ (0xedb88320u & -(crc & 1u));
    }
  return crc ^ 0xffffffffu;
}

static void
put_be32 (guint8  *out,
          guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

/* cairo writes no resolution; a pHYs chunk right after IHDR (the 8-byte
 * signature and the 25-byte IHDR chunk) tells viewers and word processors
 * the DPI, in pixels per metre. */
static void
append_png_with_dpi (GByteArray *out,
                     GByteArray *png,
                     double      dpi)
{
  const guint ihdr_end = 8 + 25;
  guint8 chunk[4 + 4 + 9 + 4];
  guint32 ppm = (guint32) lround (dpi / 0.0254);

  if (png->len < ihdr_end || memcmp (png->data + 12, "IHDR", 4) != 0)
    {
      g_byte_array_append (out, png->data, png->len);
      return;
    }

  put_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  put_be32 (chunk + 8, ppm);
  put_be32 (chunk + 12, ppm);
  chunk[16] = 1;  /* the unit is the metre */
  put_be32 (chunk + 17, png_crc (chunk + 4, 4 + 9));
  g_byte_array_append (out, png->data, ihdr_end);
  g_byte_array_append (out, chunk, sizeof chunk);
  g_byte_array_append (out, png->data + ihdr_end, png->len - ihdr_end);
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

static gboolean
render_png (const Drawing               *drawing,
            const HrChartExportOptions  *options,
            GByteArray                  *out,
            GError                     **error)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                         options->width_px, options->height_px);
  cairo_status_t status = cairo_surface_status (surface);
  g_autoptr(GByteArray) png = g_byte_array_new ();
  cairo_t *cr;

  if (status == CAIRO_STATUS_SUCCESS)
    {
      cr = cairo_create (surface);
      draw (drawing, cr, options->width_px, options->height_px, options->dpi / CSS_PX_PER_INCH);
      status = cairo_status (cr);
      cairo_destroy (cr);
    }
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, append_to_bytes, png);
  cairo_surface_destroy (surface);

  if (!check_status (status, error))
    return FALSE;
  append_png_with_dpi (out, png, options->dpi);
  return TRUE;
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
