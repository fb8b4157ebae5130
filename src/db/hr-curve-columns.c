/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "hr-curve-private.h"

/* What the words of a file say: which column holds what, and whether the
 * file is a response or an impedance.
 *
 * Headers are matched by their words, units and case aside, because each
 * tool spells them its own way (the samples in the research notes,
 * FORMATS.md §§1, 6–9):
 *
 *   REW             * Freq(Hz)<d>SPL(dB)<d>Phase(degrees)
 *                   * Freq(Hz)<d>Impedance(ohms)<d>Phase(degrees)
 *   VituixCAD       Frequency [Hz]  Total Phase [deg]  Total SPL 2pi [dB]
 *                   Frequency [Hz]  Impedance Phase [deg]  Impedance Magnitude [ohm]
 *                   Freq[Hz]     dBSPL  Phase[Deg]
 *   CrinGraph       Frequency  dB  Unweighted        (AudioTools layout)
 *   .frd by script  # Frequency(Hz) Magnitude(dB) Phase(deg)
 *   ARTA, LIMP      Freq[Hz];Impedance[Ohm];Phase[Deg]
 *   AutoEq          frequency,raw,error,smoothed,…   (order varies by version)
 *
 * VituixCAD writes the phase *before* the magnitude, so where a header
 * names the columns it is believed over their position.
 *
 * A word is a run of ASCII letters and digits, lowercased: "SPL(dB)" is
 * "spl" and "db", "|Z|" is "z". Matching whole words rather than
 * substrings keeps "feedback" from meaning dB and "spliced" from meaning
 * SPL.
 */

#define MAX_WORD_CHARS 31

typedef struct
{
  gboolean freq;
  gboolean phase;
  gboolean impedance;  /* names an impedance: ohm, |Z|, impedance */
  gboolean level;      /* names a level in dB: SPL, dB, raw, gain */
  gboolean magnitude;  /* either of the two */
} Words;

static gboolean
word_in (const char        *word,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

static void
classify_word (const char *word,
               gpointer    user_data)
{
  Words *words = user_data;
  static const char *const impedance[] = { "impedance", "impedanz", "imp", "ohm", "ohms", "z", NULL };
  static const char *const level[] = { "spl", "raw", "gain", "level", "response", NULL };
  static const char *const magnitude[] = { "magnitude", "mag", "amplitude", "ampl", NULL };

  if (g_str_has_prefix (word, "freq") || g_str_equal (word, "hz") || g_str_equal (word, "f"))
    words->freq = TRUE;
  else if (g_str_equal (word, "phase") || g_str_has_prefix (word, "deg"))
    words->phase = TRUE;
  else if (word_in (word, impedance))
    words->impedance = TRUE;
  /* dB, dBSPL, dBFS, dBr, dBV, dBu. */
  else if (word_in (word, level) || g_str_has_prefix (word, "db"))
    words->level = TRUE;
  else if (word_in (word, magnitude))
    words->magnitude = TRUE;
}

typedef void (*WordFunc) (const char *word,
                          gpointer    user_data);

/* Words longer than any unit or column name are skipped, not cut. */
static void
for_each_word (const char *text,
               gsize       length,
               WordFunc    func,
               gpointer    user_data)
{
  char word[MAX_WORD_CHARS + 1];
  gsize n_chars = 0;
  gboolean too_long = FALSE;

  for (gsize i = 0; i <= length; i++)
    {
      char c = i < length ? text[i] : ' ';

      if (g_ascii_isalnum (c))
        {
          if (n_chars < MAX_WORD_CHARS)
            word[n_chars++] = g_ascii_tolower (c);
          else
            too_long = TRUE;
          continue;
        }
      if (n_chars > 0 && !too_long)
        {
          word[n_chars] = '\0';
          func (word, user_data);
        }
      n_chars = 0;
      too_long = FALSE;
    }
}

/* The ohm sign, as a spreadsheet may head a column "|Z| (Ω)". */
static gboolean
has_ohm_sign (const char *text,
              gsize       length)
{
  return g_strstr_len (text, length, "Ω") != NULL;
}

static Words
scan_words (const char *text,
            gsize       length)
{
  Words words = { FALSE, FALSE, FALSE, FALSE, FALSE };

  for_each_word (text, length, classify_word, &words);
  if (has_ohm_sign (text, length))
    words.impedance = TRUE;
  return words;
}

/* One column's role from its header. The phase is looked for first, as
 * VituixCAD's "Impedance Phase [deg]" also names the impedance; then the
 * frequency, as "Freq(Hz)" is no level. Each role goes to its first
 * column. */
void
hr_curve_match_column (HrCurveLayout   layout,
                       int             index,
                       const char     *name,
                       HrCurveColumns *columns)
{
  Words words = scan_words (name, strlen (name));
  gboolean is_value;

  /* AutoEq's results hold raw, smoothed, error, target and more, all in
   * dB: only "raw" is the measurement (autoeq/csv.py). */
  if (layout == HR_CURVE_LAYOUT_AUTOEQ)
    {
      if (columns->freq < 0 && g_ascii_strcasecmp (name, "frequency") == 0)
        columns->freq = index;
      else if (columns->value < 0 && g_ascii_strcasecmp (name, "raw") == 0)
        columns->value = index;
      return;
    }

  if (layout == HR_CURVE_LAYOUT_ZMA || layout == HR_CURVE_LAYOUT_IMPEDANCE_CSV)
    is_value = words.impedance || words.magnitude;
  else
    is_value = words.level || words.magnitude;

  if (words.phase)
    {
      if (columns->phase < 0)
        columns->phase = index;
    }
  else if (words.freq)
    {
      if (columns->freq < 0)
        columns->freq = index;
    }
  else if (is_value && columns->value < 0)
    columns->value = index;
}

static gboolean
columns_from_split (HrCurveLayout     layout,
                    const char       *header,
                    gsize             header_length,
                    HrCurveSeparator  separator,
                    guint             n_data_fields,
                    HrCurveColumns   *columns)
{
  HrCurveField fields[HR_CURVE_MAX_FIELDS];
  HrCurveColumns found = { -1, -1, -1 };
  guint n_fields = hr_curve_split_line (separator, header, header_length, fields);

  /* A comment that happens to hold a frequency word ("* Frequency
   * response, dB SPL at 1 V") has as many fields as it has words, not
   * as many as the data has columns. */
  if (n_fields != n_data_fields || n_fields > HR_CURVE_MAX_FIELDS)
    return FALSE;

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *name = g_strndup (fields[i].start, fields[i].length);

      hr_curve_match_column (layout, (int) i, name, &found);
    }
  if (found.freq < 0 || found.value < 0)
    return FALSE;

  *columns = found;
  return TRUE;
}

/* The columns of a positional file from the line just before its data,
 * when that line names exactly as many columns as the data has: split
 * like the data, else at TABs only, as VituixCAD heads its columns with
 * names that hold spaces. FALSE keeps the order freq, value, phase. */
gboolean
hr_curve_columns_from_header (HrCurveLayout     layout,
                              const char       *header,
                              gsize             header_length,
                              HrCurveSeparator  data_separator,
                              guint             n_data_fields,
                              HrCurveColumns   *columns)
{
  if (header == NULL || header_length == 0)
    return FALSE;

  if (columns_from_split (layout, header, header_length, data_separator, n_data_fields, columns))
    return TRUE;
  return data_separator == HR_CURVE_SEP_WHITESPACE &&
         columns_from_split (layout, header, header_length, HR_CURVE_SEP_TAB, n_data_fields, columns);
}

/* Whether a line names a frequency, as every column header does and
 * REW's "* Note:" or MATAA's "* FRD data written by MATAA" do not. */
gboolean
hr_curve_names_frequency (const char *text,
                          gsize       length)
{
  return scan_words (text, length).freq;
}

typedef struct
{
  const char *const *level_words;
  gboolean           impedance;
  gboolean           level;
} KindWords;

static void
match_kind_word (const char *word,
                 gpointer    user_data)
{
  static const char *const impedance_words[] = { "impedance", "ohm", "ohms", NULL };
  KindWords *kind = user_data;

  kind->impedance = kind->impedance || word_in (word, impedance_words);
  kind->level = kind->level || word_in (word, kind->level_words);
}

/* Which kind of curve some words name. A column header is believed on
 * "dB", "raw" and "Z"; free text only on the words that cannot be about
 * something else: REW's comments hold "Target level: 75.0 dB" whatever
 * it measured, and a single letter in a sentence means nothing. A file's
 * name is taken on "impedance" and "ohm", or "SPL", "FR", "response" and
 * "target". Words for both kinds say nothing. */
HrCurveKind
hr_curve_words_kind (const char   *text,
                     gsize         length,
                     HrCurveWords  where)
{
  static const char *const comment_level[] = { "spl", "dbspl", NULL };
  static const char *const name_level[] = { "spl", "dbspl", "fr", "response", "target", NULL };
  KindWords kind = { where == HR_CURVE_WORDS_NAME ? name_level : comment_level, FALSE, FALSE };

  if (where == HR_CURVE_WORDS_COLUMNS)
    {
      Words words = scan_words (text, length);

      kind.impedance = words.impedance;
      kind.level = words.level;
    }
  else
    {
      for_each_word (text, length, match_kind_word, &kind);
      kind.impedance = kind.impedance || has_ohm_sign (text, length);
    }

  if (kind.impedance == kind.level)
    return HR_CURVE_KIND_UNKNOWN;
  return kind.impedance ? HR_CURVE_KIND_IMPEDANCE : HR_CURVE_KIND_RESPONSE;
}

/* AutoEq writes its CSV header in lowercase identifiers from a fixed
 * vocabulary, "frequency" first (autoeq/csv.py create_csv). Anything else
 * with a header, such as "Frequency,SPL", is read as generic text by its
 * words instead, which finds more than "raw". */
gboolean
hr_curve_looks_like_autoeq (const char *data,
                            gsize       length)
{
  HrCurveLines lines;
  const char *line;
  gsize line_length;

  hr_curve_lines_init (&lines, data, length);
  while (hr_curve_lines_next (&lines, &line, &line_length))
    {
      line = hr_curve_skip_blanks (line, &line_length);
      if (line_length == 0)
        continue;

      if (line_length < strlen ("frequency,") || memcmp (line, "frequency,", strlen ("frequency,")) != 0)
        return FALSE;
      for (gsize i = 0; i < line_length; i++)
        if (!g_ascii_islower (line[i]) && line[i] != '_' && line[i] != ',')
          return FALSE;
      return TRUE;
    }
  return FALSE;
}
