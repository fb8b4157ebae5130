/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-curve-import.h"
#include "hr-curve-private.h"

/* The public face of the curve importers: the parsed rows turned into
 * the points the model takes, and files read with a size cap. The parsing
 * itself, and what each format is based on, is in hr-curve-parser.c.
 */

G_DEFINE_QUARK (hr-curve-error-quark, hr_curve_error)

static HrImpedanceCurve *
impedance_curve_from_rows (GArray   *rows,
                           gboolean  has_phase)
{
  HrImpedanceCurve *curve = g_new0 (HrImpedanceCurve, 1);

  curve->n_points = rows->len;
  curve->points = (HrImpedancePoint *) (void *) g_array_free (rows, FALSE);
  curve->has_phase = has_phase;
  curve->warnings = g_ptr_array_new_with_free_func (g_free);
  if (!has_phase)
    g_ptr_array_add (curve->warnings,
                     g_strdup (_("The file has no phase column, so the phase is taken as 0°: "
                                 "the curve then behaves as a resistor at each frequency, "
                                 "which shifts the computed response where the real phase is large.")));
  return curve;
}

static HrResponseCurve *
response_curve_from_rows (GArray   *rows,
                          gboolean  has_phase)
{
  HrResponseCurve *curve = g_new0 (HrResponseCurve, 1);

  curve->n_points = rows->len;
  curve->points = g_new (HrCurveLevelPoint, rows->len);
  for (guint i = 0; i < rows->len; i++)
    {
      const HrImpedancePoint *row = &g_array_index (rows, HrImpedancePoint, i);

      curve->points[i].freq_hz = row->freq_hz;
      curve->points[i].level_db = row->mag_ohm;
      curve->points[i].phase_deg = row->phase_deg;
    }
  curve->has_phase = has_phase;
  curve->warnings = g_ptr_array_new_with_free_func (g_free);
  g_array_unref (rows);
  return curve;
}

HrImpedanceCurve *
hr_curve_parse_zma (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  gboolean has_phase = FALSE;
  GArray *rows = hr_curve_parse_table (HR_CURVE_LAYOUT_ZMA, data, length, display_name, &has_phase, error);

  return rows != NULL ? impedance_curve_from_rows (rows, has_phase) : NULL;
}

HrImpedanceCurve *
hr_curve_parse_impedance_csv (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GError     **error)
{
  gboolean has_phase = FALSE;
  GArray *rows = hr_curve_parse_table (HR_CURVE_LAYOUT_IMPEDANCE_CSV, data, length, display_name, &has_phase, error);

  return rows != NULL ? impedance_curve_from_rows (rows, has_phase) : NULL;
}

HrResponseCurve *
hr_curve_parse_frd (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  gboolean has_phase = FALSE;
  GArray *rows = hr_curve_parse_table (HR_CURVE_LAYOUT_FRD, data, length, display_name, &has_phase, error);

  return rows != NULL ? response_curve_from_rows (rows, has_phase) : NULL;
}

HrResponseCurve *
hr_curve_parse_autoeq (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       GError     **error)
{
  gboolean has_phase = FALSE;
  GArray *rows = hr_curve_parse_table (HR_CURVE_LAYOUT_AUTOEQ, data, length, display_name, &has_phase, error);

  return rows != NULL ? response_curve_from_rows (rows, has_phase) : NULL;
}

/* The whole file, refused before reading when it is too large to be a
 * curve: g_file_get_contents() alone would read anything. */
static char *
read_curve_file (const char  *filename,
                 const char  *display_name,
                 gsize       *length,
                 GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  gsize size;

  g_return_val_if_fail (filename != NULL, NULL);

  mapped = g_mapped_file_new (filename, FALSE, error);
  if (mapped == NULL)
    return NULL;

  size = g_mapped_file_get_length (mapped);
  if (size > HR_CURVE_MAX_BYTES)
    {
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   HR_CURVE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  *length = size;
  return size > 0 ? g_memdup2 (g_mapped_file_get_contents (mapped), size) : g_strdup ("");
}

static gboolean
has_csv_extension (const char *filename)
{
  g_autofree char *lower = g_ascii_strdown (filename, -1);

  return g_str_has_suffix (lower, ".csv");
}

/**
 * hr_curve_load_impedance:
 *
 * A `.csv` file is read by its header, anything else (`.zma`, `.txt`,
 * `.dat`) as the positional text of ZMA, REW, ARTA and LIMP.
 */
HrImpedanceCurve *
hr_curve_load_impedance (const char  *filename,
                         GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (filename);
  g_autofree char *data = NULL;
  gsize length = 0;

  data = read_curve_file (filename, display_name, &length, error);
  if (data == NULL)
    return NULL;

  if (has_csv_extension (filename))
    return hr_curve_parse_impedance_csv (data, length, display_name, error);
  return hr_curve_parse_zma (data, length, display_name, error);
}

/**
 * hr_curve_load_response:
 *
 * A `.csv` file is read as AutoEq's, anything else as `.frd`.
 */
HrResponseCurve *
hr_curve_load_response (const char  *filename,
                        GError     **error)
{
  g_autofree char *display_name = g_filename_display_basename (filename);
  g_autofree char *data = NULL;
  gsize length = 0;

  data = read_curve_file (filename, display_name, &length, error);
  if (data == NULL)
    return NULL;

  if (has_csv_extension (filename))
    return hr_curve_parse_autoeq (data, length, display_name, error);
  return hr_curve_parse_frd (data, length, display_name, error);
}

void
hr_impedance_curve_free (HrImpedanceCurve *curve)
{
  if (curve == NULL)
    return;
  g_free (curve->points);
  g_clear_pointer (&curve->warnings, g_ptr_array_unref);
  g_free (curve);
}

void
hr_response_curve_free (HrResponseCurve *curve)
{
  if (curve == NULL)
    return;
  g_free (curve->points);
  g_clear_pointer (&curve->warnings, g_ptr_array_unref);
  g_free (curve);
}
