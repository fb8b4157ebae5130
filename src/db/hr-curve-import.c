/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-curve-import.h"
#include "hr-curve-private.h"

/* The public face of the curve importers: the parsed rows turned into
 * the points the model takes, what was left out told as warnings, and
 * files read with a size cap. The parsing itself, and what each format
 * is based on, is in hr-curve-parser.c; which kind of curve a file holds
 * is hr-curve-sniff.c's; hr-curve-private.h says where the rest is.
 */

G_DEFINE_QUARK (hr-curve-error-quark, hr_curve_error)

/* What the parser left out, told rather than dropped in silence. */
static GPtrArray *
table_warnings (const HrCurveTable *table)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);

  if (table->n_missing == 1)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("Line %u has no value (“NA”) and was left out."),
                                      table->first_missing_line));
  else if (table->n_missing > 1)
    g_ptr_array_add (warnings,
                     g_strdup_printf (ngettext ("%u lines have no value (“NA”) and were left out, the first being line %u.",
                                                "%u lines have no value (“NA”) and were left out, the first being line %u.",
                                                table->n_missing),
                                      table->n_missing, table->first_missing_line));
  if (table->trailer_line != 0)
    g_ptr_array_add (warnings,
                     g_strdup_printf (_("The text after the data, from line %u on (“%s”), was ignored."),
                                      table->trailer_line, table->trailer_text));
  return warnings;
}

static HrImpedanceCurve *
impedance_curve_from_table (HrCurveTable *table)
{
  HrImpedanceCurve *curve = g_new0 (HrImpedanceCurve, 1);

  curve->n_points = table->rows->len;
  curve->points = (HrImpedancePoint *) (void *) g_array_free (g_steal_pointer (&table->rows), FALSE);
  curve->has_phase = table->has_phase;
  curve->warnings = table_warnings (table);
  if (!curve->has_phase)
    g_ptr_array_insert (curve->warnings, 0,
                        g_strdup (_("The file has no phase column, so the phase is taken as 0°: "
                                    "the curve then behaves as a resistor at each frequency, "
                                    "which shifts the computed response where the real phase is large.")));
  hr_curve_table_free (table);
  return curve;
}

static HrResponseCurve *
response_curve_from_table (HrCurveTable *table)
{
  HrResponseCurve *curve = g_new0 (HrResponseCurve, 1);
  gboolean any_phase = FALSE;

  curve->n_points = table->rows->len;
  curve->points = g_new (HrCurveLevelPoint, table->rows->len);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const HrImpedancePoint *row = &g_array_index (table->rows, HrImpedancePoint, i);

      curve->points[i].freq_hz = row->freq_hz;
      curve->points[i].level_db = row->mag_ohm;
      curve->points[i].phase_deg = row->phase_deg;
      any_phase = any_phase || row->phase_deg != 0.0;
    }
  /* squig.link targets carry a third column of zeros, and .frd files
   * traced from a datasheet a phase of 0.00 throughout: no phase at all. */
  curve->has_phase = table->has_phase && any_phase;
  curve->warnings = table_warnings (table);
  hr_curve_table_free (table);
  return curve;
}

HrImpedanceCurve *
hr_curve_parse_zma (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  HrCurveTable *table = hr_curve_parse_table (HR_CURVE_LAYOUT_ZMA, data, length, display_name, error);

  return table != NULL ? impedance_curve_from_table (table) : NULL;
}

HrImpedanceCurve *
hr_curve_parse_impedance_csv (const char  *data,
                              gsize        length,
                              const char  *display_name,
                              GError     **error)
{
  HrCurveTable *table = hr_curve_parse_table (HR_CURVE_LAYOUT_IMPEDANCE_CSV, data, length, display_name, error);

  return table != NULL ? impedance_curve_from_table (table) : NULL;
}

/**
 * hr_curve_parse_frd:
 *
 * Any positional response text: `.frd`, REW's text export, VituixCAD's
 * exports, CrinGraph's and squig.link's files. Columns follow the header
 * that names them, else frequency, dB and phase.
 */
HrResponseCurve *
hr_curve_parse_frd (const char  *data,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  HrCurveTable *table = hr_curve_parse_table (HR_CURVE_LAYOUT_FRD, data, length, display_name, error);

  return table != NULL ? response_curve_from_table (table) : NULL;
}

/**
 * hr_curve_parse_autoeq:
 *
 * AutoEq's CSV, measurement or results: the `raw` column by its name.
 */
HrResponseCurve *
hr_curve_parse_autoeq (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       GError     **error)
{
  HrCurveTable *table = hr_curve_parse_table (HR_CURVE_LAYOUT_AUTOEQ, data, length, display_name, error);

  return table != NULL ? response_curve_from_table (table) : NULL;
}

/**
 * hr_curve_parse_response:
 *
 * A response in any of the formats above, told apart by its first line:
 * AutoEq's lowercase header (`frequency,raw,…`) is read by name, anything
 * else as positional text. The name is for messages only, so a file
 * renamed from .txt to .csv reads the same.
 */
HrResponseCurve *
hr_curve_parse_response (const char  *data,
                         gsize        length,
                         const char  *display_name,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length <= HR_CURVE_MAX_BYTES && hr_curve_looks_like_autoeq (data, length))
    return hr_curve_parse_autoeq (data, length, display_name, error);
  return hr_curve_parse_frd (data, length, display_name, error);
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
 * Whatever its extension, by hr_curve_parse_response().
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

  return hr_curve_parse_response (data, length, display_name, error);
}

/**
 * hr_curve_sniff_file:
 * @kind: (out): what the file holds, by hr_curve_sniff()
 *
 * Returns: FALSE, with @error set, only when the file cannot be read.
 */
gboolean
hr_curve_sniff_file (const char   *filename,
                     HrCurveKind  *kind,
                     GError      **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (kind != NULL, FALSE);

  display_name = g_filename_display_basename (filename);
  data = read_curve_file (filename, display_name, &length, error);
  if (data == NULL)
    return FALSE;

  *kind = hr_curve_sniff (data, length, display_name);
  return TRUE;
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
