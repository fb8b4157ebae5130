/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-curve-private.h"

/* Measured curves from the tools people measure with, as plain text.
 *
 * What each importer accepts, and what it is based on:
 *
 * - .zma and the text exports of REW, ARTA and LIMP (hr_curve_parse_zma):
 *   `freq |Z| [phase]` per line. `*` starts a comment line (FRD/ZMA
 *   convention as described in MATAA's mataa_export_FRD.m, from
 *   pvconsultants.com's "What is an FRD file?"); REW's exports open with
 *   `* Measurement data measured by REW V5.20`, `* Source: …` and
 *   `* Freq(Hz) SPL(dB) Phase(degrees)` lines and may separate columns with
 *   tabs, ", " or "; " (AutoEq's autoeq/csv.py rew_pattern, and its tests
 *   that hold a REW V5.19 export). Exports that open with a bare header
 *   line such as `Freq[Hz]  dBSPL  Phase[Deg]` or `Frequency(Hz)\t
 *   Magnitude(dB)` (ARTA-style headers collected by public FR parsers)
 *   are tolerated: any line before the first data line whose first field
 *   is not a number is taken as a header. VituixCAD-style .zma files with
 *   tab-separated, space-padded columns (as in the public impedance.zma of
 *   max-wickham/CrossoverSimulator) read the same way. European ARTA and
 *   LIMP installations write a decimal comma, so with semicolons or
 *   whitespace between columns a comma is read as the decimal point.
 * - CSV with a header (hr_curve_parse_impedance_csv): columns found by
 *   name, so that spreadsheets with any column order work.
 * - .frd (hr_curve_parse_frd): the ZMA layout with dB SPL in the second
 *   column (MATAA's description of the FRD format).
 * - AutoEq CSV (hr_curve_parse_autoeq): `frequency,raw` measurements, and
 *   its results with `error,smoothed,…,target` columns; `raw` is the
 *   measurement (AutoEq's autoeq/csv.py, autoeq_columns).
 *
 * A file is walked line by line in place; nothing but the points found is
 * kept, and both the file and the point count are capped, so a hostile
 * file costs bounded memory.
 */

/* More columns than any of these formats has; the rest are ignored. */
#define MAX_FIELDS 64
/* Longer than any number a measurement tool writes. */
#define MAX_NUMBER_CHARS 63

typedef enum
{
  SEP_WHITESPACE,
  SEP_TAB,
  SEP_COMMA,
  SEP_SEMICOLON,
} Separator;

typedef struct
{
  const char *start;
  gsize       length;
} Field;

typedef struct
{
  const char    *name;
  HrCurveLayout  layout;
  Separator      separator;
  gboolean       decimal_comma;
  gboolean       data_started;
  gboolean       header_seen;
  int            col_freq;
  int            col_value;
  int            col_phase;      /* -1: no phase column */
  guint          line_no;
  GArray        *rows;           /* of HrImpedancePoint, as a plain triple */
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

static gboolean G_GNUC_PRINTF (4, 5)
fail_at_line (const Parser  *parser,
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

  g_set_error (error, HR_CURVE_ERROR, code, "%s:%u: %s", parser->name, parser->line_no, message);
  return FALSE;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* A field's text for a message: as the file has it, cut short and made
 * valid UTF-8 so that a binary file cannot garble the message. */
static char *
field_display (const Field *field)
{
  const gsize shown = MIN (field->length, 40);
  g_autofree char *raw = g_strndup (field->start, shown);
  g_autofree char *valid = g_utf8_make_valid (raw, -1);

  if (shown < field->length)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}

/* Strictly the whole field, digits and signs only: g_ascii_strtod would
 * also take "0x1p3", "inf" and "nan", which no measurement tool writes. */
static gboolean
parse_number (const Parser *parser,
              const Field  *field,
              double       *value)
{
  char text[MAX_NUMBER_CHARS + 1];
  char *end = NULL;

  if (field->length == 0 || field->length > MAX_NUMBER_CHARS)
    return FALSE;

  for (gsize i = 0; i < field->length; i++)
    {
      char c = field->start[i];

      if (c == ',' && parser->decimal_comma)
        c = '.';
      if (!g_ascii_isdigit (c) && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E')
        return FALSE;
      text[i] = c;
    }
  text[field->length] = '\0';

  *value = g_ascii_strtod (text, &end);
  return end == text + field->length && isfinite (*value);
}

static gboolean
is_separator (Separator separator,
              char      c)
{
  switch (separator)
    {
    case SEP_WHITESPACE:
      return is_blank (c);
    case SEP_TAB:
      return c == '\t';
    case SEP_COMMA:
      return c == ',';
    case SEP_SEMICOLON:
      return c == ';';
    default:
      g_assert_not_reached ();
    }
}

/* Splits a line, trimming blanks and one pair of double quotes around
 * each field. Returns the number of fields, of which at most MAX_FIELDS
 * are stored. */
static guint
split_line (Separator    separator,
            const char  *line,
            gsize        length,
            Field        fields[MAX_FIELDS])
{
  const char *p = line;
  const char *end = line + length;
  guint n_fields = 0;

  /* A trailing separator ("20;7,9;") makes no empty last column. */
  while (end > p && (is_blank (end[-1]) || is_separator (separator, end[-1])))
    end--;

  while (p < end)
    {
      const char *field_start;
      const char *field_end;

      if (separator == SEP_WHITESPACE)
        while (p < end && is_blank (*p))
          p++;
      field_start = p;
      while (p < end && !is_separator (separator, *p))
        p++;
      field_end = p;
      if (p < end)
        p++;

      while (field_start < field_end && is_blank (*field_start))
        field_start++;
      while (field_end > field_start && is_blank (field_end[-1]))
        field_end--;
      if (field_end - field_start >= 2 && *field_start == '"' && field_end[-1] == '"')
        {
          field_start++;
          field_end--;
        }

      if (n_fields < MAX_FIELDS)
        {
          fields[n_fields].start = field_start;
          fields[n_fields].length = field_end - field_start;
        }
      n_fields++;
    }

  return n_fields;
}

static gboolean
line_contains (const char *line,
               gsize       length,
               char        c)
{
  return memchr (line, c, length) != NULL;
}

/* The separator of a positional file, from its first data line. REW writes
 * "20.000, 0.000, 64.208"; a European ARTA or LIMP export "20,5;7,9;0,3"
 * or "20,5 7,9 0,3". A comma separates columns when the line also has a
 * decimal point, or has no blank for the columns to be separated by. */
static void
detect_positional_separator (Parser     *parser,
                             const char *line,
                             gsize       length)
{
  gboolean has_blank = FALSE;

  for (gsize i = 0; i < length; i++)
    has_blank = has_blank || is_blank (line[i]);

  if (line_contains (line, length, ';'))
    parser->separator = SEP_SEMICOLON;
  else if (line_contains (line, length, ',') &&
           (line_contains (line, length, '.') || !has_blank))
    parser->separator = SEP_COMMA;
  else
    parser->separator = SEP_WHITESPACE;
  parser->decimal_comma = parser->separator != SEP_COMMA;
}

/* Header names are matched loosely, units and case aside: "Frequency (Hz)",
 * "Freq[Hz]", "Hz"; "Impedance (Ohm)", "|Z|", "Magnitude", "ohm";
 * "Phase (deg)", "deg". */
static void
match_impedance_column (Parser     *parser,
                        int         index,
                        const char *name)
{
  if (parser->col_phase < 0 && (strstr (name, "phase") != NULL || g_str_has_prefix (name, "deg")))
    parser->col_phase = index;
  else if (parser->col_freq < 0 &&
           (strstr (name, "freq") != NULL || g_str_has_prefix (name, "hz") || g_str_equal (name, "f")))
    parser->col_freq = index;
  else if (parser->col_value < 0 &&
           (strstr (name, "imped") != NULL || strstr (name, "|z|") != NULL ||
            strstr (name, "mag") != NULL || strstr (name, "ohm") != NULL ||
            strstr (name, "Ω") != NULL || g_str_equal (name, "z")))
    parser->col_value = index;
}

static void
match_autoeq_column (Parser     *parser,
                     int         index,
                     const char *name)
{
  if (parser->col_freq < 0 && g_str_equal (name, "frequency"))
    parser->col_freq = index;
  else if (parser->col_value < 0 && g_str_equal (name, "raw"))
    parser->col_value = index;
}

static gboolean
read_header (Parser      *parser,
             const char  *line,
             gsize        length,
             GError     **error)
{
  Field fields[MAX_FIELDS];
  guint n_fields;
  double ignored;

  if (line_contains (line, length, ';'))
    parser->separator = SEP_SEMICOLON;
  else if (line_contains (line, length, '\t'))
    parser->separator = SEP_TAB;
  else
    parser->separator = SEP_COMMA;
  parser->decimal_comma = parser->separator != SEP_COMMA;

  n_fields = split_line (parser->separator, line, length, fields);
  for (guint i = 0; i < MIN (n_fields, MAX_FIELDS); i++)
    {
      g_autofree char *raw = g_strndup (fields[i].start, fields[i].length);
      g_autofree char *name = g_ascii_strdown (raw, -1);

      if (parser->layout == HR_CURVE_LAYOUT_AUTOEQ)
        match_autoeq_column (parser, i, name);
      else
        match_impedance_column (parser, i, name);
    }

  if (n_fields > 0 && parse_number (parser, &fields[0], &ignored))
    return fail_at_line (parser, error, HR_CURVE_ERROR_MISSING_COLUMN,
                         parser->layout == HR_CURVE_LAYOUT_AUTOEQ
                           ? _("the first line is not a header: expected “frequency,raw”")
                           : _("the first line is not a header: expected column names such as “frequency,impedance,phase”"));
  if (parser->col_freq < 0)
    return fail_at_line (parser, error, HR_CURVE_ERROR_MISSING_COLUMN,
                         parser->layout == HR_CURVE_LAYOUT_AUTOEQ
                           ? _("no “frequency” column in the header")
                           : _("no frequency column in the header: expected one named freq, frequency or Hz"));
  if (parser->col_value < 0)
    return fail_at_line (parser, error, HR_CURVE_ERROR_MISSING_COLUMN,
                         parser->layout == HR_CURVE_LAYOUT_AUTOEQ
                           ? _("no “raw” column in the header")
                           : _("no impedance column in the header: expected one named impedance, |Z|, magnitude or ohm"));

  parser->header_seen = TRUE;
  return TRUE;
}

static gboolean
read_column (Parser       *parser,
             const Field  *fields,
             int           column,
             double       *value,
             GError      **error)
{
  g_autofree char *text = NULL;

  if (parse_number (parser, &fields[column], value))
    return TRUE;

  text = field_display (&fields[column]);
  return fail_at_line (parser, error, HR_CURVE_ERROR_NOT_A_NUMBER,
                       _("“%s” is not a number"), text);
}

/* The checks hr_impedance_new_points() makes, here with the line, so that
 * the user learns where the file is wrong rather than which point. */
static gboolean
check_row (Parser                 *parser,
           const Field            *fields,
           const HrImpedancePoint *row,
           GError                **error)
{
  const HrImpedancePoint *previous = NULL;
  g_autofree char *freq_text = field_display (&fields[parser->col_freq]);

  if (parser->rows->len > 0)
    previous = &g_array_index (parser->rows, HrImpedancePoint, parser->rows->len - 1);

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
      g_autofree char *mag_text = field_display (&fields[parser->col_value]);

      return fail_at_line (parser, error, HR_CURVE_ERROR_OUT_OF_RANGE,
                           _("|Z| must be greater than 0 Ω, got %s"), mag_text);
    }
  /* A passive load's phase stays within ±90°: beyond, it would give power
   * back (PHYSICS.md); hr_impedance_new_points() refuses it too. */
  if (fabs (row->phase_deg) > 90.0)
    {
      g_autofree char *phase_text = field_display (&fields[parser->col_phase]);

      return fail_at_line (parser, error, HR_CURVE_ERROR_OUT_OF_RANGE,
                           _("the phase must be between -90° and 90° for headphones, got %s°"),
                           phase_text);
    }

  return TRUE;
}

static gboolean
read_row (Parser       *parser,
          const Field  *fields,
          guint         n_fields,
          GError      **error)
{
  HrImpedancePoint row = { 0.0, 0.0, 0.0 };
  int needed = MAX (parser->col_freq, MAX (parser->col_value, parser->col_phase)) + 1;

  if ((int) n_fields < needed)
    {
      if (parser->col_phase >= 0 && !layout_has_header (parser->layout))
        return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_FEW_COLUMNS,
                             _("too few columns: expected frequency, magnitude and phase as on the lines before, found %u"),
                             n_fields);
      return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_FEW_COLUMNS,
                           _("too few columns: expected %d, found %u"), needed, n_fields);
    }

  if (!read_column (parser, fields, parser->col_freq, &row.freq_hz, error) ||
      !read_column (parser, fields, parser->col_value, &row.mag_ohm, error) ||
      (parser->col_phase >= 0 &&
       !read_column (parser, fields, parser->col_phase, &row.phase_deg, error)) ||
      !check_row (parser, fields, &row, error))
    return FALSE;

  if (parser->rows->len >= HR_CURVE_MAX_POINTS)
    return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_LARGE,
                         _("more than %u points"), (guint) HR_CURVE_MAX_POINTS);

  g_array_append_val (parser->rows, row);
  return TRUE;
}

/* The first data line of a positional file fixes its separator and
 * whether it has a phase column; lines before it that do not start with
 * a number are the headers REW, ARTA and LIMP write. */
static gboolean
start_positional_data (Parser      *parser,
                       const char  *line,
                       gsize        length,
                       gboolean    *is_data,
                       GError     **error)
{
  Field fields[MAX_FIELDS];
  guint n_fields;
  double ignored;

  detect_positional_separator (parser, line, length);
  n_fields = split_line (parser->separator, line, length, fields);
  *is_data = n_fields > 0 && parse_number (parser, &fields[0], &ignored);
  if (!*is_data)
    return TRUE;

  if (n_fields < 2)
    return fail_at_line (parser, error, HR_CURVE_ERROR_TOO_FEW_COLUMNS,
                         layout_is_impedance (parser->layout)
                           ? _("too few columns: expected frequency and |Z|, found 1")
                           : _("too few columns: expected frequency and dB SPL, found 1"));

  parser->col_freq = 0;
  parser->col_value = 1;
  parser->col_phase = n_fields >= 3 ? 2 : -1;
  parser->data_started = TRUE;
  return TRUE;
}

static gboolean
read_line (Parser      *parser,
           const char  *line,
           gsize        length,
           GError     **error)
{
  Field fields[MAX_FIELDS];
  guint n_fields;
  gsize first = 0;

  while (first < length && is_blank (line[first]))
    first++;
  if (first == length || line[first] == '*' || line[first] == '#')
    return TRUE;

  if (layout_has_header (parser->layout) && !parser->header_seen)
    return read_header (parser, line, length, error);

  if (!layout_has_header (parser->layout) && !parser->data_started)
    {
      gboolean is_data = FALSE;

      if (!start_positional_data (parser, line, length, &is_data, error))
        return FALSE;
      if (!is_data)
        return TRUE;
    }

  n_fields = split_line (parser->separator, line, length, fields);
  return read_row (parser, fields, MIN (n_fields, MAX_FIELDS), error);
}

GArray *
hr_curve_parse_table (HrCurveLayout   layout,
                      const char     *data,
                      gsize           length,
                      const char     *display_name,
                      gboolean       *has_phase,
                      GError        **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (HrImpedancePoint));
  Parser parser = { display_name, layout, SEP_WHITESPACE, FALSE, FALSE, FALSE, -1, -1, -1, 0, rows };
  const char *p = data;
  const char *end = data + length;
  gboolean anything = FALSE;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > HR_CURVE_MAX_BYTES)
    {
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_TOO_LARGE,
                   _("%s: the file is larger than %d MiB"), display_name,
                   HR_CURVE_MAX_BYTES / (1024 * 1024));
      return NULL;
    }

  /* Notepad and Excel start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      gsize line_length;

      if (eol == NULL)
        eol = end;
      line_length = eol - p;
      /* ARTA and LIMP are Windows programs: CRLF line ends. */
      if (line_length > 0 && p[line_length - 1] == '\r')
        line_length--;
      parser.line_no++;

      for (gsize i = 0; i < line_length && !anything; i++)
        anything = !g_ascii_isspace (p[i]);

      if (!read_line (&parser, p, line_length, error))
        return NULL;
      p = eol < end ? eol + 1 : end;
    }

  if (!anything)
    {
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_EMPTY,
                   _("%s: the file is empty"), display_name);
      return NULL;
    }
  if (rows->len == 0)
    {
      g_set_error (error, HR_CURVE_ERROR, HR_CURVE_ERROR_NO_DATA,
                   _("%s: no data lines, only comments and headers"), display_name);
      return NULL;
    }

  *has_phase = parser.col_phase >= 0;
  return g_steal_pointer (&rows);
}
