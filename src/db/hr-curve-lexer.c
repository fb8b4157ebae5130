/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-curve-private.h"

/* Lines, fields and numbers of measurement text files, which every format
 * the importers read shares (FORMATS.md §10 of the research notes):
 *
 * - line ends are LF (AutoEq, MATAA), CRLF (ARTA, LIMP, VituixCAD, the
 *   CrinGraph targets) or, from old Mac tools, a bare CR; Notepad and
 *   Excel put a UTF-8 byte order mark first; the last line often has no
 *   newline (MATAA, VituixCAD);
 * - columns are separated by runs of blanks, a TAB, a comma (REW writes
 *   ", "), or a semicolon, and European ARTA, LIMP and REW installations
 *   write a decimal comma;
 * - numbers carry explicit "+" signs (Speakerbench .zma) or exponents
 *   (the FRD definition allows scientific notation), and MATAA writes "NA"
 *   where it has no value.
 *
 * Nothing here allocates per line: a file is walked in place.
 */

/* Longer than any number a measurement tool writes. */
#define MAX_NUMBER_CHARS 63
/* As much of a file's text as an error message quotes. */
#define MAX_DISPLAY_CHARS 40

void
hr_curve_lines_init (HrCurveLines *lines,
                     const char   *data,
                     gsize         length)
{
  lines->p = data;
  lines->end = data + length;
  lines->line_no = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    lines->p += 3;
}

/* A plain loop rather than memchr() for '\n' then '\r': a file of many
 * CRs and one LF at its end would make that quadratic. */
gboolean
hr_curve_lines_next (HrCurveLines  *lines,
                     const char   **line,
                     gsize         *length)
{
  const char *eol = lines->p;

  if (lines->p >= lines->end)
    return FALSE;

  while (eol < lines->end && *eol != '\n' && *eol != '\r')
    eol++;

  *line = lines->p;
  *length = eol - lines->p;
  lines->line_no++;

  if (eol < lines->end && *eol == '\r' && eol + 1 < lines->end && eol[1] == '\n')
    lines->p = eol + 2;
  else
    lines->p = eol < lines->end ? eol + 1 : lines->end;
  return TRUE;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

const char *
hr_curve_skip_blanks (const char *line,
                      gsize      *length)
{
  while (*length > 0 && is_blank (*line))
    {
      line++;
      (*length)--;
    }
  while (*length > 0 && is_blank (line[*length - 1]))
    (*length)--;
  return line;
}

/* `*` is the FRD and ZMA comment (the FRD Consortium's definition) that
 * REW and MATAA write; `#` is in .frd files written by scripts
 * (joachimth's tweeter_raw.frd); `;`, `%`, `!` and `'` are the comments of
 * INI files, MATLAB, Fortran and BASIC-era loudspeaker programs, and `/`
 * starts a C++ comment. None can start a number. */
gboolean
hr_curve_is_comment_mark (char c)
{
  return strchr ("*#;%!'/", c) != NULL && c != '\0';
}

/* The text of a comment line without its marks: "* Freq(Hz) SPL(dB)"
 * gives "Freq(Hz) SPL(dB)", and a "*****" banner nothing. */
const char *
hr_curve_strip_comment (const char *line,
                        gsize      *length)
{
  line = hr_curve_skip_blanks (line, length);
  while (*length > 0 && (hr_curve_is_comment_mark (*line) || is_blank (*line)))
    {
      line++;
      (*length)--;
    }
  return line;
}

static gboolean
line_contains (const char *line,
               gsize       length,
               char        c)
{
  return memchr (line, c, length) != NULL;
}

/* The separator of a data line. REW writes "20.000, 0.000, 64.208"; a
 * European ARTA or LIMP export "20,5;7,9;0,3" or "20,5 7,9 0,3". A comma
 * separates columns when the line also has a decimal point, or has no
 * blank for the columns to be separated by (squig.link's "20,86.8" and
 * "20,86"); otherwise it is a decimal mark. */
HrCurveSeparator
hr_curve_detect_separator (const char *line,
                           gsize       length,
                           gboolean   *decimal_comma)
{
  gboolean has_blank = FALSE;
  HrCurveSeparator separator;

  for (gsize i = 0; i < length && !has_blank; i++)
    has_blank = is_blank (line[i]);

  if (line_contains (line, length, ';'))
    separator = HR_CURVE_SEP_SEMICOLON;
  else if (line_contains (line, length, ',') &&
           (line_contains (line, length, '.') || !has_blank))
    separator = HR_CURVE_SEP_COMMA;
  else
    separator = HR_CURVE_SEP_WHITESPACE;

  *decimal_comma = separator != HR_CURVE_SEP_COMMA;
  return separator;
}

static gboolean
is_separator (HrCurveSeparator separator,
              char             c)
{
  switch (separator)
    {
    case HR_CURVE_SEP_WHITESPACE:
      return is_blank (c);
    case HR_CURVE_SEP_TAB:
      return c == '\t';
    case HR_CURVE_SEP_COMMA:
      return c == ',';
    case HR_CURVE_SEP_SEMICOLON:
      return c == ';';
    default:
      g_assert_not_reached ();
    }
}

/* Splits a line, trimming blanks and one pair of double quotes around
 * each field. Returns the number of fields, of which at most
 * HR_CURVE_MAX_FIELDS are stored. */
guint
hr_curve_split_line (HrCurveSeparator  separator,
                     const char       *line,
                     gsize             length,
                     HrCurveField      fields[HR_CURVE_MAX_FIELDS])
{
  const char *p = line;
  const char *end = line + length;
  guint n_fields = 0;

  /* A trailing separator ("20;7,9;") makes no empty last column, and
   * CrinGraph's "19.5\t56.6 " no blank one. */
  while (end > p && (is_blank (end[-1]) || is_separator (separator, end[-1])))
    end--;

  while (p < end)
    {
      const char *field_start;
      const char *field_end;

      if (separator == HR_CURVE_SEP_WHITESPACE)
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

      if (n_fields < HR_CURVE_MAX_FIELDS)
        {
          fields[n_fields].start = field_start;
          fields[n_fields].length = field_end - field_start;
        }
      n_fields++;
    }

  return n_fields;
}

/* Strictly the whole field, digits and signs only: g_ascii_strtod would
 * also take "0x1p3", "inf" and "nan", which no measurement tool writes
 * as a value. */
gboolean
hr_curve_parse_number (const HrCurveField *field,
                       gboolean            decimal_comma,
                       double             *value)
{
  char text[MAX_NUMBER_CHARS + 1];
  char *end = NULL;

  if (field->length == 0 || field->length > MAX_NUMBER_CHARS)
    return FALSE;

  for (gsize i = 0; i < field->length; i++)
    {
      char c = field->start[i];

      if (c == ',' && decimal_comma)
        c = '.';
      if (!g_ascii_isdigit (c) && c != '.' && c != '+' && c != '-' && c != 'e' && c != 'E')
        return FALSE;
      text[i] = c;
    }
  text[field->length] = '\0';

  *value = g_ascii_strtod (text, &end);
  return end == text + field->length && isfinite (*value);
}

/* MATAA writes "NA" where it has no value (its impedance .frd files start
 * with "50.000000\tNA\tNA"); R and spreadsheets write "NaN". */
gboolean
hr_curve_field_is_missing (const HrCurveField *field)
{
  static const char *const markers[] = { "NA", "NaN", "N/A", "-NaN" };

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    if (field->length == strlen (markers[i]) &&
        g_ascii_strncasecmp (field->start, markers[i], field->length) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a line is a row of numbers rather than a header: its first
 * field, in whatever separator the line itself suggests, is a number. */
gboolean
hr_curve_line_starts_numeric (const char *line,
                              gsize       length)
{
  HrCurveField fields[HR_CURVE_MAX_FIELDS];
  gboolean decimal_comma = FALSE;
  HrCurveSeparator separator = hr_curve_detect_separator (line, length, &decimal_comma);
  double ignored;

  return hr_curve_split_line (separator, line, length, fields) > 0 &&
         hr_curve_parse_number (&fields[0], decimal_comma, &ignored);
}

/* Some of a file's text for a message: blanks trimmed, TABs and other
 * control characters shown as spaces so that the message stays on one
 * line, cut short, and made valid UTF-8 so that a binary file cannot
 * garble it. */
char *
hr_curve_text_display (const char *text,
                       gsize       length)
{
  g_autofree char *raw = NULL;
  g_autofree char *valid = NULL;
  gsize shown;

  text = hr_curve_skip_blanks (text, &length);
  shown = MIN (length, MAX_DISPLAY_CHARS);
  raw = g_strndup (text, shown);
  for (char *c = raw; *c != '\0'; c++)
    if ((guchar) *c < 0x20 || *c == 0x7f)
      *c = ' ';
  valid = g_utf8_make_valid (raw, -1);

  if (shown < length)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}
