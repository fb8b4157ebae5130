/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hr-export.h"

/* Writing what Headroom computed for other programs to read: the impedance
 * the source sees as a .zma for REW, ARTA, LIMP or VituixCAD, and a sweep
 * as CSV.
 *
 * A file is written through g_file_replace_contents(): GIO writes a
 * temporary file beside the target and renames it over the target only
 * once everything is on disk, so a full disk or a crash leaves the old
 * file whole, never half of a new one.
 */

/* Ten significant digits for the sweep (the CLI's contract); twelve for a
 * .zma, which another program may read back and compare. */
#define ZMA_NUMBER_FORMAT "%.12g"

static void
append_number (GString    *text,
               const char *format,
               double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (text, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/* One row of the sweep CSV, with its newline. The one place that knows
 * the row's layout: the stream writer and the string writer both use it. */
static void
append_sweep_row (GString       *row,
                  const HrSweep *sweep,
                  guint          i)
{
  const double values[] = {
    sweep->freq_hz[i], sweep->z_mag_ohm[i], sweep->z_phase_deg[i],
    sweep->v_load_vrms[i], sweep->i_ma[i], sweep->p_mw[i], sweep->spl_db[i],
    sweep->dev_db[i], sweep->atten_db[i], sweep->spl_max_db[i],
  };

  for (guint j = 0; j < G_N_ELEMENTS (values); j++)
    {
      /* INFINITY prints as "inf": where nothing limits the level. */
      append_number (row, "%.10g", values[j]);
      g_string_append_c (row, ',');
    }
  g_string_append (row, hr_limit_to_string (sweep->limit[i]));
  /* Columns added later go after "limit", so that scripts reading the
   * first ones by position keep working. */
  g_string_append_c (row, ',');
  append_number (row, "%.10g", sweep->zth_ohm[i]);
  /* With the headphones' own response, two more; empty where it was not
   * measured, not extrapolated. */
  if (sweep->has_response)
    {
      g_string_append_c (row, ',');
      if (!isnan (sweep->fr_db[i]))
        append_number (row, "%.10g", sweep->fr_db[i]);
      g_string_append_c (row, ',');
      if (!isnan (sweep->fr_pred_db[i]))
        append_number (row, "%.10g", sweep->fr_pred_db[i]);
    }
  g_string_append_c (row, '\n');
}

/* The header: the response's columns only when there is a response. */
static const char *
sweep_header (const HrSweep *sweep)
{
  return sweep->has_response ? HR_EXPORT_SWEEP_CSV_HEADER HR_EXPORT_SWEEP_CSV_RESPONSE_COLUMNS "\n"
                             : HR_EXPORT_SWEEP_CSV_HEADER "\n";
}

/**
 * hr_export_write_sweep_csv:
 *
 * Streams the sweep row by row: a sweep may have a million rows, and the
 * command line should not hold them all in memory.
 */
void
hr_export_write_sweep_csv (FILE          *out,
                           const HrSweep *sweep)
{
  g_autoptr(GString) row = g_string_sized_new (256);

  g_return_if_fail (out != NULL);
  g_return_if_fail (sweep != NULL);

  fputs (sweep_header (sweep), out);
  for (guint i = 0; i < sweep->n_points; i++)
    {
      g_string_truncate (row, 0);
      append_sweep_row (row, sweep, i);
      fputs (row->str, out);
    }
}

char *
hr_export_sweep_csv (const HrSweep *sweep)
{
  GString *text;

  g_return_val_if_fail (sweep != NULL, NULL);

  text = g_string_sized_new (128 * ((gsize) sweep->n_points + 1));
  g_string_append (text, sweep_header (sweep));
  for (guint i = 0; i < sweep->n_points; i++)
    append_sweep_row (text, sweep, i);

  return g_string_free (text, FALSE);
}

/* A name on a `*` comment line: a newline in it would end the comment and
 * start a line that readers take for data. */
static char *
comment_safe (const char *text)
{
  char *safe = g_strdup (text != NULL ? text : "");

  g_strdelimit (safe, "\r\n", ' ');
  return safe;
}

static void
append_connection_comment (GString            *text,
                           const HrConnection *connection)
{
  g_string_append (text, "* Adapter: ");
  if (connection->adapter_series_ohm == 0.0 && !isfinite (connection->adapter_shunt_ohm))
    g_string_append (text, "none");
  else
    {
      g_string_append (text, "series ");
      append_number (text, "%g", connection->adapter_series_ohm);
      g_string_append (text, " ohm, shunt ");
      if (isfinite (connection->adapter_shunt_ohm))
        {
          append_number (text, "%g", connection->adapter_shunt_ohm);
          g_string_append (text, " ohm");
        }
      else
        g_string_append (text, "none");
    }
  g_string_append (text, "\n* Cable: ");
  append_number (text, "%g", connection->cable_ohm);
  g_string_append (text, " ohm round trip\n");
}

/**
 * hr_export_zma:
 * @freq_hz: increasing frequencies, each greater than 0
 *
 * The impedance the source's jack sees at each frequency, as a .zma: the
 * headphone with the adapter's shunt across it, the adapter's series
 * resistor and the cable in front (hr_circuit_source_load_ohm()). The
 * comments are plain ASCII, for the Windows programs that read .zma.
 */
char *
hr_export_zma (const HrCircuit  *circuit,
               const double     *freq_hz,
               guint             n_freqs,
               GError          **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *headphone_name = NULL;
  HrImpedance *impedance;

  g_return_val_if_fail (circuit != NULL, NULL);
  g_return_val_if_fail (HR_IS_HEADPHONE (circuit->headphone), NULL);
  g_return_val_if_fail (freq_hz != NULL || n_freqs == 0, NULL);

  if (!hr_connection_validate (&circuit->connection, error))
    return NULL;
  if (!hr_check_frequencies (freq_hz, n_freqs, error))
    return NULL;

  headphone_name = comment_safe (hr_headphone_get_name (circuit->headphone));
  g_string_append (text, "* Impedance seen by the source, exported by Headroom " PACKAGE_VERSION "\n");
  g_string_append_printf (text, "* Headphone: %s\n", headphone_name);
  append_connection_comment (text, &circuit->connection);
  g_string_append (text, "* Freq(Hz) Impedance(ohms) Phase(degrees)\n");

  impedance = hr_headphone_get_impedance (circuit->headphone);
  for (guint i = 0; i < n_freqs; i++)
    {
      const double complex z_ohm =
        hr_circuit_source_load_ohm (circuit, hr_impedance_eval (impedance, freq_hz[i]));

      append_number (text, ZMA_NUMBER_FORMAT, freq_hz[i]);
      g_string_append_c (text, ' ');
      append_number (text, ZMA_NUMBER_FORMAT, cabs (z_ohm));
      g_string_append_c (text, ' ');
      append_number (text, ZMA_NUMBER_FORMAT, carg (z_ohm) * (180.0 / G_PI));
      g_string_append_c (text, '\n');
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * hr_export_save:
 *
 * Replaces @filename with @contents atomically. On any failure the file
 * that was there stays as it was.
 */
gboolean
hr_export_save (const char  *filename,
                const char  *contents,
                gsize        length,
                GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (contents != NULL || length == 0, FALSE);

  file = g_file_new_for_path (filename);
  if (!g_file_replace_contents (file, contents, length, NULL, FALSE,
                                G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &local_error))
    {
      g_autofree char *display_name = g_filename_display_name (filename);

      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not write “%s”: %s"), display_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
hr_export_save_zma (const char       *filename,
                    const HrCircuit  *circuit,
                    const double     *freq_hz,
                    guint             n_freqs,
                    GError          **error)
{
  g_autofree char *contents = hr_export_zma (circuit, freq_hz, n_freqs, error);

  return contents != NULL && hr_export_save (filename, contents, strlen (contents), error);
}

gboolean
hr_export_save_sweep_csv (const char     *filename,
                          const HrSweep  *sweep,
                          GError        **error)
{
  g_autofree char *contents = hr_export_sweep_csv (sweep);

  return contents != NULL && hr_export_save (filename, contents, strlen (contents), error);
}
