/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-curve-import.h"

G_BEGIN_DECLS

/* Shared by the curve importers; not a library API.
 *
 * - hr-curve-lexer.c: lines, fields and numbers, as every format has them;
 * - hr-curve-columns.c: what the words of a header or a comment say, both
 *   to find a column and to tell a response from an impedance;
 * - hr-curve-parser.c: the rows of a file, with the line of any error;
 * - hr-curve-sniff.c: which kind of curve a file holds;
 * - hr-curve-import.c: the public functions, the points and warnings.
 */

/* More columns than any of these formats has; the rest are ignored. */
#define HR_CURVE_MAX_FIELDS 64

typedef enum
{
  HR_CURVE_LAYOUT_ZMA,            /* freq, |Z|, phase; by position or by a header's words */
  HR_CURVE_LAYOUT_FRD,            /* freq, dB, phase; by position or by a header's words */
  HR_CURVE_LAYOUT_IMPEDANCE_CSV,  /* by name from a header */
  HR_CURVE_LAYOUT_AUTOEQ,         /* by name from a header: frequency, raw */
} HrCurveLayout;

typedef enum
{
  HR_CURVE_SEP_WHITESPACE,
  HR_CURVE_SEP_TAB,
  HR_CURVE_SEP_COMMA,
  HR_CURVE_SEP_SEMICOLON,
} HrCurveSeparator;

typedef struct
{
  const char *start;
  gsize       length;
} HrCurveField;

/* Walks a buffer line by line in place: LF, CRLF and CR alike, a UTF-8
 * byte order mark skipped, no final newline needed. */
typedef struct
{
  const char *p;
  const char *end;
  guint       line_no;
} HrCurveLines;

void             hr_curve_lines_init          (HrCurveLines        *lines,
                                               const char          *data,
                                               gsize                length);
gboolean         hr_curve_lines_next          (HrCurveLines        *lines,
                                               const char         **line,
                                               gsize               *length);

const char      *hr_curve_skip_blanks         (const char          *line,
                                               gsize               *length);
gboolean         hr_curve_is_comment_mark     (char                 c);
const char      *hr_curve_strip_comment       (const char          *line,
                                               gsize               *length);
HrCurveSeparator hr_curve_detect_separator    (const char          *line,
                                               gsize                length,
                                               gboolean            *decimal_comma);
guint            hr_curve_split_line          (HrCurveSeparator     separator,
                                               const char          *line,
                                               gsize                length,
                                               HrCurveField         fields[HR_CURVE_MAX_FIELDS]);
gboolean         hr_curve_parse_number        (const HrCurveField  *field,
                                               gboolean             decimal_comma,
                                               double              *value);
gboolean         hr_curve_field_is_missing    (const HrCurveField  *field);
gboolean         hr_curve_line_starts_numeric (const char          *line,
                                               gsize                length);
char            *hr_curve_text_display        (const char          *text,
                                               gsize                length);

/* Column indices, -1 where the file has no such column. */
typedef struct
{
  int freq;
  int value;
  int phase;
} HrCurveColumns;

typedef enum
{
  HR_CURVE_WORDS_COLUMNS,  /* a header that names the columns */
  HR_CURVE_WORDS_COMMENT,  /* free text before the data */
  HR_CURVE_WORDS_NAME,     /* the file's name */
} HrCurveWords;

void             hr_curve_match_column        (HrCurveLayout        layout,
                                               int                  index,
                                               const char          *name,
                                               HrCurveColumns      *columns);
gboolean         hr_curve_columns_from_header (HrCurveLayout        layout,
                                               const char          *header,
                                               gsize                header_length,
                                               HrCurveSeparator     data_separator,
                                               guint                n_data_fields,
                                               HrCurveColumns      *columns);
gboolean         hr_curve_names_frequency     (const char          *text,
                                               gsize                length);
HrCurveKind      hr_curve_words_kind          (const char          *text,
                                               gsize                length,
                                               HrCurveWords         where);
gboolean         hr_curve_looks_like_autoeq   (const char          *data,
                                               gsize                length);

/* A file's rows as (freq_hz, value, phase_deg) HrImpedancePoint triples,
 * the value being |Z| or dB by layout, and what was left out on the way,
 * for the warnings. */
typedef struct
{
  GArray   *rows;
  gboolean  has_phase;         /* FALSE: every phase_deg is 0 */
  guint     n_missing;         /* rows left out for an "NA" value */
  guint     first_missing_line;
  guint     trailer_line;      /* 0, or the first line of text after the data */
  char     *trailer_text;      /* that line, ready to show */
} HrCurveTable;

HrCurveTable    *hr_curve_parse_table         (HrCurveLayout        layout,
                                               const char          *data,
                                               gsize                length,
                                               const char          *display_name,
                                               GError             **error);
void             hr_curve_table_free          (HrCurveTable        *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrCurveTable, hr_curve_table_free)

G_END_DECLS
