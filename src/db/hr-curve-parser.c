/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-curve-private.h"

/* Measured curves from the tools people measure with, as plain text.
 * The grammar of each, with the samples it was checked on, is in the
 * research notes (FORMATS.md); in short:
 *
 * - Positional text, read by hr_curve_parse_zma (impedance) and
 *   hr_curve_parse_frd (response): `freq value [phase]` per line.
 *   This is .zma and .frd (the FRD Consortium's definition, as quoted in
 *   MATAA's mataa_export_FRD.m), REW's "Export measurement as text", the
 *   text exports of ARTA, LIMP and VituixCAD, and CrinGraph's and
 *   squig.link's two-column files. Lines before the data that are
 *   comments (`*`, `#`, …) or do not start with a number are headers:
 *   REW's `* Measurement data measured by REW V5.20.13` block, CrinGraph's
 *   AudioTools `Frequency\tdB\tUnweighted`, VituixCAD's `Freq[Hz] dBSPL
 *   Phase[Deg]`. When the last of them names exactly the data's columns,
 *   its words assign them, because VituixCAD writes the phase before the
 *   magnitude; otherwise the order is frequency, value, phase, and a
 *   third column of a two-column format's header ("Unweighted") is not
 *   taken for a phase.
 * - CSV with a header, read by name (hr_curve_parse_impedance_csv and
 *   hr_curve_parse_autoeq): spreadsheets in any column order, and
 *   AutoEq's measurements (`frequency,raw`) and results (`frequency,raw,
 *   error,smoothed,…,target`, whose order changed between versions).
 *
 * Every format shares three rules of its own:
 *
 * - a row whose value or phase is "NA" is left out and counted (MATAA
 *   starts its impedance files with `50.000000\tNA\tNA`);
 * - text after the data ends it: CrinGraph's AudioTools files close with
 *   `overall dB\t0.0 dB`, `source\tTotally Made Up` and such, which the
 *   caller reports as ignored. But text with data after it is an error
 *   that names its line, as a number lost in a file must not pass
 *   unnoticed;
 * - frequencies increase strictly, as REW requires on import ("each line
 *   must have a higher frequency than the one before"); the error names
 *   the line where they do not.
 *
 * A file is walked line by line in place; nothing but the points found is
 * kept, and both the file and the point count are capped, so a hostile
 * file costs bounded memory.
 */

typedef struct
{
  const char       *name;
  HrCurveLayout     layout;
  HrCurveSeparator  separator;
  gboolean          decimal_comma;
  gboolean          header_seen;     /* CSV layouts: the header is read */
  gboolean          data_started;
  HrCurveColumns    columns;
  guint             line_no;
  /* Positional layouts: the last line before the data with words in it,
   * the candidate column header. Points into the file. */
  const char       *header;
  gsize             header_length;
  /* The first line of text after some data, pending: an error if more
   * data follows, the trailer if none does. */
  guint             text_line;
  const char       *text;
  gsize             text_length;
  HrCurveTable     *table;
} Parser;

static gboolean
layout_is_impedance (HrCurveLayout layout)
{
  return layout == HR_CURVE_LAYOUT_ZMA || layout == HR_CURVE_LAYOUT_IMPEDANCE_CSV;
}

static gboolean
layout_has_header (HrCurveLayout layout)
{
  return layout == HR_CURVE_LAYOUT_IMPEDANCE_CSV || layout == HR_CURVE_LAYOUT_AUTOEQ;
}

static gboolean G_GNUC_PRINTF (5, 6)
fail_at (const Parser  *parser,
         guint          line_no,
         GError       **error,
         HrCurveError   code,
         const char    *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HR_CURVE_ERROR, code, "%s:%u: %s", parser->name, line_no, message);
  return FALSE;
}

#define fail_at_line(parser, error, code, ...) \
  fail_at ((parser), (parser)->line_no, (error), (code), __VA_ARGS__)

static char *
field_display (const HrCurveField *field)
{
  return hr_curve_text_display (field->start, field->length);
}

static gboolean
read_header (Parser      *parser,
             const char  *line,
             gsize        length,
             GError     **error)
{
  HrCurveField fields[HR_CURVE_MAX_FIELDS];
  guint n_fields;
  double ignored;

  if (memchr (line, ';', length) != NULL)
    parser->separator = HR_CURVE_SEP_SEMICOLON;
  else if (memchr (line, '\t', length) != NULL)
    parser->separator = HR_CURVE_SEP_TAB;
  else
    parser->separator = HR_CURVE_SEP_COMMA;
  parser->decimal_comma = parser->separator != HR_CURVE_SEP_COMMA;

  n_fields = hr_curve_split_line (parser->separator, line, length, fields);
  for (guint i = 0; i < MIN (n_fields, HR_CURVE_MAX_FIELDS); i++)
    {
      g_autofree char *name = g_strndup (fields[i].start, fields[i].length);

      hr_curve_match_column (parser->layout, (int) i, name, &parser->columns);
    }

  if (n_fields > 0 && hr_curve_parse_number (&fields[0], parser->decimal_comma, &ignored))
    return fail_at_line (parser, error, HR_CURVE_ERROR_MISSING_COLUMN,
                         parser->layout == HR_CURVE_LAYOUT_AUTOEQ
                           ? _("the first line is not a header: expected “frequency,raw”")
                           : _("the first line is not a header: expected column names such as “frequency,impedance,phase”"));
  if (parser->columns.freq < 0)
    return fail_at_line (parser, error, HR_CURVE_ERROR_MISSING_COLUMN,
                         parser->layout == HR_CURVE_LAYOUT_AUTOEQ
                           ? _("no “frequency” column in the header")
                           : _("no frequency column in the header: expected one named freq, frequency or Hz"));
  if (parser->columns.value < 0)
    return fail_at_line (parser, error, HR_CURVE_ERROR_MISSING_COLUMN,
                         parser->layout == HR_CURVE_LAYOUT_AUTOEQ
                           ? _("no “raw” column in the header")
                           : _("no impedance column in the header: expected one named impedance, |Z|, magnitude or ohm"));

  parser->header_seen = TRUE;
  return TRUE;
}

static gboolean
read_column (Parser              *parser,
             const HrCurveField  *fields,
             int                  column,
             double              *value,
             GError             **error)
{
  g_autofree char *text = NULL;

  if (hr_curve_parse_number (&fields[column], parser->decimal_comma, value))
    return TRUE;

  text = field_display (&fields[column]);
  return fail_at_line (parser, error, HR_CURVE_ERROR_NOT_A_NUMBER,
                       _("“%s” is not a number"), text);
}

/* The checks hr_impedance_new_points() makes, here with the line, so that
 * the user learns where the file is wrong rather than which point. */
static gboolean
check_row (Parser                  *parser,
           const HrCurveField      *fields,
           const HrImpedancePoint  *row,
           GError                 **error)
{
  GArray *rows = parser->table->rows;
  const HrImpedancePoint *previous = NULL;
  g_autofree char *freq_text = field_display (&fields[parser->columns.freq]);

  if (rows->len > 0)
    previous = &g_array_index (rows, HrImpedancePoint, rows->len - 1);

  if (!(row->freq_hz > 0.0))
    return fail_at_line (parser, error, HR_CURVE_ERROR_OUT_OF_RANGE,
                         _("the frequency must be greater than 0 Hz, got %s"), freq_text);
  if (previous != NULL && !(row->freq_hz > previous->freq_hz))
    {
      char previous_text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (previous_text, sizeof previous_text, "%g", previous->freq_hz);
      return fail_at_line (parser, error, HR_CURVE_ERROR_NOT_INCREASING,
                           _("the frequency %s Hz is not above the previous line’s %s Hz"),
                           freq_text, previous_text);
    }

  if (!layout_is_impedance (parser->layout))
    return TRUE;

  if (!(row->mag_ohm > 0.0))
    {
      g_autofree char *mag_text = field_display (&fields[parser->columns.value]);

      return fail_at_line (parser, error, HR_CURVE_ERROR_OUT_OF_RANGE,
                           _("|Z| must be greater than 0 Ω, got %s"), mag_text);
    }
  /* A passive load's phase stays within ±90°: beyond, it would give power
   * back (PHYSICS.md); hr_impedance_new_points() refuses it too. */
  if (fabs (row->phase_deg) > 90.0)
    {
      g_autofree char *phase_text = field_display (&fields[parser->columns.phase]);

      return fail_at_line (parser, error, HR_CURVE_ERROR_OUT_OF_RANGE,
                           _("the phase must be between -90° and 90° for headphones, got %s°"),
                           phase_text);
    }

  return TRUE;
}

static gboolean
row_is_missing (const Parser       *parser,
                const HrCurveField *fields)
{
  return hr_curve_field_is_missing (&fields[parser->columns.value]) ||
         (parser->columns.phase >= 0 && hr_curve_field_is_missing (&fields[parser->columns.phase]));
}

static gboolean
read_row (Parser              *parser,
          const HrCurveField  *fields,
          guint                n_fields,
          GError             **error)
{
  HrImpedancePoint row = { 0.0, 0.0, 0.0 };
  const HrCurveColumns *columns = &parser->columns;
  int needed = MAX (columns->freq, MAX (columns->value, columns->phase)) + 1;

  if ((int) n_fields < needed)
    {
      if (columns->phase >= 0 && !layout_has_header (parser->layout))
        return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_FEW_COLUMNS,
                             _("too few columns: expected frequency, magnitude and phase as on the lines before, found %u"),
                             n_fields);
      return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_FEW_COLUMNS,
                           _("too few columns: expected %d, found %u"), needed, n_fields);
    }

  if (!read_column (parser, fields, columns->freq, &row.freq_hz, error))
    return FALSE;
  if (row_is_missing (parser, fields))
    {
      if (parser->table->n_missing++ == 0)
        parser->table->first_missing_line = parser->line_no;
      return TRUE;
    }
  if (!read_column (parser, fields, columns->value, &row.mag_ohm, error) ||
      (columns->phase >= 0 && !read_column (parser, fields, columns->phase, &row.phase_deg, error)) ||
      !check_row (parser, fields, &row, error))
    return FALSE;

  if (parser->table->rows->len >= HR_CURVE_MAX_POINTS)
    return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_LARGE,
                         _("more than %u points"), (guint) HR_CURVE_MAX_POINTS);

  g_array_append_val (parser->table->rows, row);
  return TRUE;
}

/* The first data line of a positional file fixes its separator and its
 * columns: those the header names, if it names them all, else frequency,
 * value and, with a third column, phase. */
static gboolean
start_positional_data (Parser      *parser,
                       const char  *line,
                       gsize        length,
                       GError     **error)
{
  HrCurveField fields[HR_CURVE_MAX_FIELDS];
  guint n_fields;

  parser->separator = hr_curve_detect_separator (line, length, &parser->decimal_comma);
  n_fields = hr_curve_split_line (parser->separator, line, length, fields);

  if (n_fields < 2)
    return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_FEW_COLUMNS,
                         layout_is_impedance (parser->layout)
                           ? _("too few columns: expected frequency and |Z|, found 1")
                           : _("too few columns: expected frequency and dB SPL, found 1"));

  if (!hr_curve_columns_from_header (parser->layout, parser->header, parser->header_length,
                                     parser->separator, n_fields, &parser->columns))
    {
      parser->columns.freq = 0;
      parser->columns.value = 1;
      parser->columns.phase = n_fields >= 3 ? 2 : -1;
    }
  parser->data_started = TRUE;
  return TRUE;
}

/* A line that is not data, before any: the candidate column header of a
 * positional file. Blank comments ("*", a "*****" banner) do not count,
 * so that REW's "* Freq(Hz)…" line stays the candidate. */
static void
note_header_line (Parser     *parser,
                  const char *line,
                  gsize       length)
{
  line = hr_curve_strip_comment (line, &length);
  if (length == 0)
    return;
  parser->header = line;
  parser->header_length = length;
}

static gboolean
read_line (Parser      *parser,
           const char  *line,
           gsize        length,
           GError     **error)
{
  HrCurveField fields[HR_CURVE_MAX_FIELDS];
  guint n_fields;
  double first;

  line = hr_curve_skip_blanks (line, &length);
  if (length == 0)
    return TRUE;
  if (hr_curve_is_comment_mark (line[0]))
    {
      if (!layout_has_header (parser->layout) && !parser->data_started)
        note_header_line (parser, line, length);
      return TRUE;
    }

  if (layout_has_header (parser->layout) && !parser->header_seen)
    return read_header (parser, line, length, error);

  if (!layout_has_header (parser->layout) && !parser->data_started)
    {
      if (!hr_curve_line_starts_numeric (line, length))
        {
          note_header_line (parser, line, length);
          return TRUE;
        }
      if (!start_positional_data (parser, line, length, error))
        return FALSE;
    }

  n_fields = hr_curve_split_line (parser->separator, line, length, fields);
  /* Spreadsheets end a CSV with lines of bare separators: ",,,". */
  if (n_fields == 0)
    return TRUE;
  if (!hr_curve_parse_number (&fields[0], parser->decimal_comma, &first))
    {
      if (parser->text_line == 0)
        {
          parser->text_line = parser->line_no;
          parser->text = line;
          parser->text_length = length;
        }
      return TRUE;
    }
  if (parser->text_line != 0)
    {
      g_autofree char *text = hr_curve_text_display (parser->text, parser->text_length);

      return fail_at (parser, parser->text_line, error, HR_CURVE_ERROR_NOT_A_NUMBER,
                      _("text in the middle of the data: “%s”"), text);
    }

  return read_row (parser, fields, MIN (n_fields, HR_CURVE_MAX_FIELDS), error);
}

void
hr_curve_table_free (HrCurveTable *table)
{
  if (table == NULL)
    return;
  g_clear_pointer (&table->rows, g_array_unref);
  g_free (table->trailer_text);
  g_free (table);
}

HrCurveTable *
hr_curve_parse_table (HrCurveLayout   layout,
                      const char     *data,
                      gsize           length,
                      const char     *display_name,
                      GError        **error)
{
  g_autoptr(HrCurveTable) table = g_new0 (HrCurveTable, 1);
  Parser parser = { 0, };
  HrCurveLines lines;
  const char *line;
  gsize line_length;
  gboolean anything = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > HR_CURVE_MAX_BYTES)
    {
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   HR_CURVE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  table->rows = g_array_new (FALSE, FALSE, sizeof (HrImpedancePoint));
  parser.name = display_name;
  parser.layout = layout;
  parser.separator = HR_CURVE_SEP_WHITESPACE;
  parser.columns = (HrCurveColumns) { -1, -1, -1 };
  parser.table = table;

  hr_curve_lines_init (&lines, data, length);
  while (hr_curve_lines_next (&lines, &line, &line_length))
    {
      parser.line_no = lines.line_no;
      for (gsize i = 0; i < line_length && !anything; i++)
        anything = !g_ascii_isspace (line[i]);

      if (!read_line (&parser, line, line_length, error))
        return NULL;
    }

  if (!anything)
    {
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_EMPTY,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (table->rows->len == 0)
    {
      if (parser.text_line != 0)
        {
          g_autofree char *text = hr_curve_text_display (parser.text, parser.text_length);

          /* Only text after a header: "no data" would hide the line. */
          fail_at (&parser, parser.text_line, error, HR_CURVE_ERROR_NOT_A_NUMBER,
                   _("“%s” is not a number"), text);
          return NULL;
        }
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_NO_DATA,
                   _("%s: no data lines, only comments and headers"), display_name);
      return NULL;
    }

  table->has_phase = parser.columns.phase >= 0;
  if (parser.text_line != 0)
    {
      table->trailer_line = parser.text_line;
      table->trailer_text = hr_curve_text_display (parser.text, parser.text_length);
    }
  return g_steal_pointer (&table);
}
