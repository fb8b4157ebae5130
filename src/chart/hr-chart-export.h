/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hr-chart.h"
#include "hr-chart-circuit.h"

G_BEGIN_DECLS

/* Export: the figure as the screen shows it, through hr_chart_render(),
 * into PNG, SVG or PDF; or the data behind it as CSV; or the circuit's
 * drawing, through hr_chart_circuit_render(). Files are replaced
 * atomically: a new file is written beside the old one and renamed over
 * it, so that a failure leaves the old file as it was and never a half
 * one. Errors are G_FILE_ERROR (writing) or G_IO_ERROR (a format the file
 * name does not tell). */

typedef enum
{
  HR_CHART_FORMAT_PNG,
  HR_CHART_FORMAT_SVG,
  HR_CHART_FORMAT_PDF,
  HR_CHART_FORMAT_CSV,
} HrChartFormat;

#define HR_CHART_EXPORT_DEFAULT_WIDTH_PX  1600
#define HR_CHART_EXPORT_DEFAULT_HEIGHT_PX 1000
#define HR_CHART_EXPORT_DEFAULT_DPI       96.0

typedef struct
{
  HrChartFormat format;
  /* The size in pixels: of the image for PNG; in CSS pixels for SVG; a
   * PDF page is the same size at 96 px to the inch. */
  int           width_px;
  int           height_px;
  /* PNG only: drawn at @dpi / 96 times the view's scale, and written into
   * the file, so that 1600 × 1000 at 192 dpi is 800 × 500 at 96, sharper. */
  double        dpi;
} HrChartExportOptions;

gboolean  hr_chart_format_from_filename   (const char                  *filename,
                                           HrChartFormat               *format,
                                           GError                     **error);
void      hr_chart_export_options_init    (HrChartExportOptions        *options,
                                           HrChartFormat                format);
GBytes   *hr_chart_export_to_bytes        (HrChartView                 *view,
                                           const HrChartExportOptions  *options,
                                           GError                     **error);
gboolean  hr_chart_export_to_file         (HrChartView                 *view,
                                           const HrChartExportOptions  *options,
                                           const char                  *filename,
                                           GError                     **error);
GBytes   *hr_chart_export_circuit_to_bytes (const HrChartCircuit       *circuit,
                                           HrChartTheme                 theme,
                                           const HrChartExportOptions  *options,
                                           GError                     **error);
gboolean  hr_chart_export_circuit_to_file (const HrChartCircuit        *circuit,
                                           HrChartTheme                 theme,
                                           const HrChartExportOptions  *options,
                                           const char                  *filename,
                                           GError                     **error);
char     *hr_chart_export_csv             (HrChartView                 *view);
char     *hr_chart_export_subtitle        (const HrDrive               *drive);

G_END_DECLS
