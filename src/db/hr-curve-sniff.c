/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hr-curve-private.h"

/* Whether a curve file holds a frequency response or an impedance.
 *
 * The same grammar carries both (freq, magnitude, phase per line), so a
 * file cannot be read before it is known which it is, and guessing wrong
 * draws a 32 Ω impedance as a 32 dB response. The evidence, strongest
 * first; the first rule that decides wins:
 *
 * 1. The extension `.zma`: impedance. REW's import: "If the extension is
 *    .zma the data is always treated as impedance".
 * 2. The column header, the last line before the data that names a
 *    frequency: "Impedance", "ohm", "Ω" or a bare "Z" (REW's "Z(ohms)",
 *    "|Z|") mean impedance; "SPL", "dB…", "raw" (AutoEq), "gain" and
 *    "level" mean response. VituixCAD's "Impedance Magnitude [ohm]" and
 *    "Total SPL 2pi [dB]", REW's "Impedance(ohms)" and "SPL(dB)" and
 *    CrinGraph's "Frequency dB" all decide here.
 * 3. The other comment lines before the data, on words that cannot be
 *    about anything else: "impedance", "ohm(s)", "Ω" against "SPL" and
 *    "dBSPL" (MATAA's "* … spliced SPL curve …", Speakerbench's
 *    "* Data: Impedance (ohms), Phase (degrees)"). Not "dB": REW writes
 *    "* Target level: 75.0 dB" whatever it measured.
 * 4. The file's name: "impedance" or "ohm" against "SPL", "FR",
 *    "response" or "target". MATAA stores impedance in .frd files whose
 *    only hint is a name such as "Volt_VM752_driver-A_impedance.frd".
 * 5. The extension `.frd`: a response (the format is defined as one),
 *    unless the values below are unmistakably an impedance, and then
 *    UNKNOWN: MATAA's impedance .frd files exist, and asking beats
 *    drawing ohms as decibels.
 * 6. The values, read as positional text:
 *    a. a magnitude at or below 0: a response, as no impedance is;
 *    b. a phase beyond ±90°: a response, as a passive load's stays within;
 *    c. a magnitude above 150: an impedance (high-impedance headphones
 *       are 250–600 Ω, and no response is that loud);
 *    d. a median magnitude of 50–130, as dB SPL is (CrinGraph's files sit
 *       around 60 dB at 500 Hz, measurements at 80–110 dB): a response
 *       if there is no phase or only zeros (CrinGraph and squig.link
 *       have none), UNKNOWN with a real phase, as a 64 Ω or 80 Ω
 *       impedance looks just the same;
 *    e. a real phase within ±90° and magnitudes of 2 or more, outside
 *       the SPL band: an impedance (a speaker's 3–100 Ω, an earphone's).
 *       IEC 60268-5 lets a 4 Ω driver dip to 3.2 Ω; below 2 the numbers
 *       are more likely dB relative to something, as a baffle's
 *       diffraction curve of +1.8 to +7.4 dB with a few degrees of phase
 *       is (VituixCAD's export, whose header alone tells it);
 *    f. anything else, such as small positive numbers without phase
 *       (a relative response? a 16 Ω earphone without phase?): UNKNOWN.
 *    A file the parser refuses has no values: UNKNOWN.
 * Words for both kinds in one place say nothing, and the next rule
 * decides. A file with no line of numbers at all is no curve (an
 * Equalizer APO file: "Filter 1: ON PK Fc 105 Hz Gain 7.5 dB" reads like
 * a header): UNKNOWN, whatever its words, unless it is a .zma.
 */

/* Rule 6's bands, in dB SPL or ohms. */
#define SPL_MEDIAN_MIN 50.0
#define SPL_MEDIAN_MAX 130.0
#define IMPEDANCE_ONLY_ABOVE 150.0
#define IMPEDANCE_MIN_OHM 2.0
#define PASSIVE_PHASE_MAX_DEG 90.0

static const char *
extension_of (const char *name)
{
  const char *dot = name != NULL ? strrchr (name, '.') : NULL;

  return dot != NULL ? dot : "";
}

/* Rules 2 and 3, over the lines before the first data line; *has_data
 * tells whether there is one. */
static HrCurveKind
kind_from_header (const char *data,
                  gsize       length,
                  gboolean   *has_data)
{
  HrCurveLines lines;
  const char *line;
  gsize line_length;
  const char *columns = NULL;
  gsize columns_length = 0;
  gboolean impedance = FALSE;
  gboolean response = FALSE;
  HrCurveKind kind;

  *has_data = FALSE;
  hr_curve_lines_init (&lines, data, length);
  while (hr_curve_lines_next (&lines, &line, &line_length))
    {
      line = hr_curve_skip_blanks (line, &line_length);
      if (line_length == 0)
        continue;
      if (!hr_curve_is_comment_mark (line[0]) && hr_curve_line_starts_numeric (line, line_length))
        {
          *has_data = TRUE;
          break;
        }

      line = hr_curve_strip_comment (line, &line_length);
      if (hr_curve_names_frequency (line, line_length))
        {
          columns = line;
          columns_length = line_length;
          continue;
        }
      kind = hr_curve_words_kind (line, line_length, HR_CURVE_WORDS_COMMENT);
      impedance = impedance || kind == HR_CURVE_KIND_IMPEDANCE;
      response = response || kind == HR_CURVE_KIND_RESPONSE;
    }

  if (columns != NULL)
    {
      kind = hr_curve_words_kind (columns, columns_length, HR_CURVE_WORDS_COLUMNS);
      if (kind != HR_CURVE_KIND_UNKNOWN)
        return kind;
    }
  if (impedance != response)
    return impedance ? HR_CURVE_KIND_IMPEDANCE : HR_CURVE_KIND_RESPONSE;
  return HR_CURVE_KIND_UNKNOWN;
}

/* Rule 4, on the name without its extension. */
static HrCurveKind
kind_from_name (const char *display_name)
{
  gsize stem_length;

  if (display_name == NULL)
    return HR_CURVE_KIND_UNKNOWN;
  stem_length = strlen (display_name) - strlen (extension_of (display_name));
  return hr_curve_words_kind (display_name, stem_length, HR_CURVE_WORDS_NAME);
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Rule 6. */
static HrCurveKind
kind_from_values (const char *data,
                  gsize       length)
{
  g_autoptr(HrCurveTable) table = hr_curve_parse_table (HR_CURVE_LAYOUT_FRD, data, length, "", NULL);
  g_autofree double *magnitudes = NULL;
  gboolean real_phase = FALSE;
  double max_phase = 0.0;
  double median;
  guint n;

  if (table == NULL)
    return HR_CURVE_KIND_UNKNOWN;

  n = table->rows->len;
  magnitudes = g_new (double, n);
  for (guint i = 0; i < n; i++)
    {
      const HrImpedancePoint *row = &g_array_index (table->rows, HrImpedancePoint, i);

      magnitudes[i] = row->mag_ohm;
      real_phase = real_phase || row->phase_deg != 0.0;
      max_phase = MAX (max_phase, fabs (row->phase_deg));
    }
  qsort (magnitudes, n, sizeof *magnitudes, compare_doubles);
  median = n % 2 == 1 ? magnitudes[n / 2] : (magnitudes[n / 2 - 1] + magnitudes[n / 2]) / 2.0;

  if (magnitudes[0] <= 0.0)
    return HR_CURVE_KIND_RESPONSE;
  if (max_phase > PASSIVE_PHASE_MAX_DEG)
    return HR_CURVE_KIND_RESPONSE;
  if (magnitudes[n - 1] > IMPEDANCE_ONLY_ABOVE)
    return HR_CURVE_KIND_IMPEDANCE;
  if (median >= SPL_MEDIAN_MIN && median <= SPL_MEDIAN_MAX)
    return real_phase ? HR_CURVE_KIND_UNKNOWN : HR_CURVE_KIND_RESPONSE;
  if (real_phase && magnitudes[0] >= IMPEDANCE_MIN_OHM)
    return HR_CURVE_KIND_IMPEDANCE;
  return HR_CURVE_KIND_UNKNOWN;
}

/**
 * hr_curve_sniff:
 * @display_name: (nullable): the file's name, for its extension and words
 *
 * Which kind of curve @data holds, by the rules at the top of this file;
 * HR_CURVE_KIND_UNKNOWN when they cannot tell, so that the caller asks.
 * Reads at most HR_CURVE_MAX_BYTES, as the importers do.
 */
HrCurveKind
hr_curve_sniff (const char *data,
                gsize       length,
                const char *display_name)
{
  g_autofree char *extension = NULL;
  gboolean has_data = FALSE;
  HrCurveKind kind;

  g_return_val_if_fail (data != NULL || length == 0, HR_CURVE_KIND_UNKNOWN);

  extension = g_ascii_strdown (extension_of (display_name), -1);
  if (g_str_equal (extension, ".zma"))
    return HR_CURVE_KIND_IMPEDANCE;

  if (length > HR_CURVE_MAX_BYTES)
    return HR_CURVE_KIND_UNKNOWN;

  kind = kind_from_header (data, length, &has_data);
  if (!has_data)
    return HR_CURVE_KIND_UNKNOWN;
  if (kind != HR_CURVE_KIND_UNKNOWN)
    return kind;
  kind = kind_from_name (display_name);
  if (kind != HR_CURVE_KIND_UNKNOWN)
    return kind;

  kind = kind_from_values (data, length);
  if (g_str_equal (extension, ".frd"))
    return kind == HR_CURVE_KIND_IMPEDANCE ? HR_CURVE_KIND_UNKNOWN : HR_CURVE_KIND_RESPONSE;
  return kind;
}
