/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-eq-export.h"
#include "hr-export.h"
#include "hr-json-write.h"

/* The EQ written for the programs that run it: Equalizer APO (and
 * Peace, Wavelet, EasyEffects' own APO import, which read its files) and
 * EasyEffects. The grammar each reader applies is in FORMATS.md §3–5;
 * what matters here:
 *
 * - Numbers go through g_ascii_formatd(): a dot whatever the locale. APO
 *   turns every comma of a Filter line into a dot, so "1,5" would still
 *   read, but "1.000,5" would not, and JSON has no decimal comma at all.
 * - Equalizer APO reads an Fc with a dot three places from its end as a
 *   thousands separator ("Fc 8.000 Hz" is 8000 Hz, after Room EQ Wizard),
 *   so Fc is written with two decimals, never three.
 * - The shelves are written LSC/HSC with a Q: "LS … Q" is a different
 *   filter in APO (its Fc is a corner, not the centre), the cause of
 *   AutoEq #586/#610.
 *
 * The fitter (hr_eq_fit()) rounds its filters to the decimals written
 * here before it measures its residual, so the file holds exactly the
 * filters whose residual was reported.
 */

#define FREQ_FORMAT   "%.2f"
#define GAIN_FORMAT   "%.2f"
#define Q_FORMAT      "%.4f"
#define PREAMP_FORMAT "%.1f"

/* AutoEq's PREAMP_HEADROOM: its GraphicEQ is shifted so that the highest
 * gain is −0.2 dB. */
#define GRAPHIC_HEADROOM_DB 0.2

/* EasyEffects' limits (its equalizer kcfg and gschema): a preset outside
 * them would be clamped on load, which is not the EQ that was fitted. */
#define EASYEFFECTS_MAX_BANDS    32
#define EASYEFFECTS_MAX_GAIN_DB  36.0
#define EASYEFFECTS_MIN_FREQ_HZ  10.0
#define EASYEFFECTS_MAX_FREQ_HZ  24000.0
#define EASYEFFECTS_MAX_Q        100.0

static const struct
{
  HrEqFormat  format;
  const char *name;
  const char *extension;
} formats[] = {
  { HR_EQ_FORMAT_GRAPHICEQ, "graphiceq", ".txt" },
  { HR_EQ_FORMAT_APO, "apo", ".txt" },
  { HR_EQ_FORMAT_EASYEFFECTS, "easyeffects", ".json" },
};

/**
 * hr_eq_format_from_string:
 *
 * "graphiceq", "apo" or "easyeffects", as the command line names them.
 */
gboolean
hr_eq_format_from_string (const char *name,
                          HrEqFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_str_equal (name, formats[i].name))
      {
        *format = formats[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
hr_eq_format_to_string (HrEqFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].name;
  g_return_val_if_reached (NULL);
}

/* ".txt" for what Equalizer APO includes, ".json" for EasyEffects. */
const char *
hr_eq_format_get_extension (HrEqFormat format)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (formats[i].format == format)
      return formats[i].extension;
  g_return_val_if_reached (NULL);
}

/* @value with @format in the C locale, and never "-0.00": a value that
 * rounds to zero is written as zero. */
static void
append_fixed (GString    *out,
              const char *format,
              double      value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];
  const char *digits;

  g_ascii_formatd (text, sizeof text, format, value);
  digits = text[0] == '-' ? text + 1 : text;
  if (digits != text && strspn (digits, "0.") == strlen (digits))
    g_string_append (out, digits);
  else
    g_string_append (out, text);
}

/* The preamp as written, rounded to its 0.1 dB towards more attenuation,
 * so that the rounding never gives back a boost it was there to take
 * off. hr_eq_preamp_db() is already on that grid. */
static double
written_preamp_db (double preamp_db)
{
  double scale = 10.0;
  double written = -ceil (-preamp_db * scale - 1e-6) / scale;

  return written == 0.0 ? 0.0 : written;
}

static gboolean
check_fit (const HrEqFit  *fit,
           GError        **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!hr_eq_filters_validate (fit->filters, fit->n_filters, fit->sample_rate_hz, error))
    return FALSE;
  if (!isfinite (fit->preamp_db))
    {
      g_ascii_formatd (value_text, sizeof value_text, "%g", fit->preamp_db);
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER,
                   _("preamp_db must be a finite number, got %s"), value_text);
      return FALSE;
    }
  return TRUE;
}

/**
 * hr_eq_export_graphiceq:
 *
 * The target as an Equalizer APO GraphicEQ line, exactly as AutoEq's
 * GraphicEQ.txt: "GraphicEQ: 20 -0.2; 21 -0.2; …; 19871 -1.3", integer
 * frequencies on AutoEq's 127-point grid, gains with one decimal, "; "
 * between the points and no newline at the end. At each frequency the
 * gain is the target interpolated there (hr_eq_graphic_gains()).
 *
 * Like AutoEq, the whole curve is shifted down so that its highest gain
 * is −0.2 dB, and no Preamp line is written. The programs this file is
 * for read AutoEq's GraphicEQ.txt, which has no Preamp: Wavelet imports
 * the GraphicEQ line alone and has no preamp of its own (its users ask
 * converters to normalise instead, zettonaender/eqapotographiceq-gui #6),
 * and the line can be pasted into an Equalizer APO config beside another
 * Preamp. A curve that never rises above 0 dB cannot clip, whoever
 * reads it. The shift changes the level only, not the correction.
 */
char *
hr_eq_export_graphiceq (const double  *freq_hz,
                        const double  *target_db,
                        guint          n_points,
                        GError       **error)
{
  const guint *graphic_hz = hr_eq_graphic_frequencies ();
  double gain_db[HR_EQ_GRAPHIC_N_POINTS];
  double max_db = -INFINITY;
  g_autoptr(GString) out = g_string_new ("GraphicEQ: ");

  if (!hr_eq_graphic_gains (freq_hz, target_db, n_points, gain_db, error))
    return NULL;

  for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    max_db = MAX (max_db, gain_db[i]);
  for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    {
      if (i > 0)
        g_string_append (out, "; ");
      g_string_append_printf (out, "%u ", graphic_hz[i]);
      append_fixed (out, "%.1f", gain_db[i] - (max_db + GRAPHIC_HEADROOM_DB));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
apo_type (HrEqFilterType type)
{
  switch (type)
    {
    case HR_EQ_LOW_SHELF:
      return "LSC";
    case HR_EQ_HIGH_SHELF:
      return "HSC";
    case HR_EQ_PEAKING:
    default:
      return "PK";
    }
}

/**
 * hr_eq_export_apo:
 * @comment: (nullable): what the EQ corrects, written as "# " lines
 *
 * The fit as Equalizer APO configuration: the comment, "Preamp: -X.X dB",
 * then "Filter N: ON PK|LSC|HSC Fc F Hz Gain G dB Q Q" for each filter
 * in frequency order, N from 1, each line ending with a newline. APO
 * ignores a line starting with "#" (its command, "# …", is none it
 * knows), and so do Peace and EasyEffects' APO import.
 */
char *
hr_eq_export_apo (const HrEqFit  *fit,
                  const char     *comment,
                  GError        **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (fit != NULL, NULL);

  if (!check_fit (fit, error))
    return NULL;

  if (comment != NULL && *comment != '\0')
    {
      g_auto(GStrv) lines = g_strsplit_set (comment, "\r\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_string_append_printf (out, "# %s\n", lines[i]);
    }

  g_string_append (out, "Preamp: ");
  append_fixed (out, PREAMP_FORMAT, written_preamp_db (fit->preamp_db));
  g_string_append (out, " dB\n");

  for (guint j = 0; j < fit->n_filters; j++)
    {
      const HrEqFilter *filter = &fit->filters[j];

      g_string_append_printf (out, "Filter %u: ON %s Fc ", j + 1, apo_type (filter->type));
      append_fixed (out, FREQ_FORMAT, filter->freq_hz);
      g_string_append (out, " Hz Gain ");
      append_fixed (out, GAIN_FORMAT, filter->gain_db);
      g_string_append (out, " dB Q ");
      append_fixed (out, Q_FORMAT, filter->q);
      g_string_append_c (out, '\n');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
easyeffects_type (HrEqFilterType type)
{
  switch (type)
    {
    case HR_EQ_LOW_SHELF:
      return "Lo-shelf";
    case HR_EQ_HIGH_SHELF:
      return "Hi-shelf";
    case HR_EQ_PEAKING:
    default:
      return "Bell";
    }
}

static void
append_indent (GString *out,
               guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "    ");
}

/* "key": with the indentation of @depth, after a comma when not @first. */
static void
append_key (GString    *out,
            guint       depth,
            const char *key,
            gboolean    first)
{
  g_string_append (out, first ? "\n" : ",\n");
  append_indent (out, depth);
  hr_json_append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_fixed_member (GString    *out,
                     guint       depth,
                     const char *key,
                     const char *format,
                     double      value,
                     gboolean    first)
{
  append_key (out, depth, key, first);
  append_fixed (out, format, value);
}

static void
append_string_member (GString    *out,
                      guint       depth,
                      const char *key,
                      const char *value,
                      gboolean    first)
{
  append_key (out, depth, key, first);
  hr_json_append_string (out, value);
}

/* One channel's bands. With no filter at all, one band that is "Off":
 * EasyEffects wants from 1 to 32 bands. */
static void
append_channel (GString       *out,
                guint          depth,
                const HrEqFit *fit)
{
  guint n_bands = MAX (fit->n_filters, 1);

  g_string_append_c (out, '{');
  for (guint j = 0; j < n_bands; j++)
    {
      g_autofree char *band = g_strdup_printf ("band%u", j);
      const HrEqFilter off = { HR_EQ_PEAKING, 1000.0, 0.0, 1.0 };
      const HrEqFilter *filter = fit->n_filters > 0 ? &fit->filters[j] : &off;

      append_key (out, depth + 1, band, j == 0);
      g_string_append_c (out, '{');
      append_fixed_member (out, depth + 2, "frequency", FREQ_FORMAT, filter->freq_hz, TRUE);
      append_fixed_member (out, depth + 2, "gain", GAIN_FORMAT, filter->gain_db, FALSE);
      /* LSP's "APO (DR)" filters are Equalizer APO's biquads: what
       * EasyEffects' own APO import sets, and what was fitted. Its
       * default "RLC (BT)" shelf with the same Q is another filter. */
      append_string_member (out, depth + 2, "mode", "APO (DR)", FALSE);
      append_key (out, depth + 2, "mute", FALSE);
      g_string_append (out, "false");
      append_fixed_member (out, depth + 2, "q", Q_FORMAT, filter->q, FALSE);
      append_string_member (out, depth + 2, "slope", "x1", FALSE);
      append_key (out, depth + 2, "solo", FALSE);
      g_string_append (out, "false");
      append_string_member (out, depth + 2, "type",
                            fit->n_filters > 0 ? easyeffects_type (filter->type) : "Off", FALSE);
      append_fixed_member (out, depth + 2, "width", "%.1f", 4.0, FALSE);
      g_string_append_c (out, '\n');
      append_indent (out, depth + 1);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '\n');
  append_indent (out, depth);
  g_string_append_c (out, '}');
}

static gboolean
check_easyeffects (const HrEqFit  *fit,
                   GError        **error)
{
  if (fit->n_filters > EASYEFFECTS_MAX_BANDS)
    {
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER,
                   _("EasyEffects takes at most %u bands, got %u filters"),
                   EASYEFFECTS_MAX_BANDS, fit->n_filters);
      return FALSE;
    }
  for (guint j = 0; j < fit->n_filters; j++)
    {
      const HrEqFilter *filter = &fit->filters[j];

      if (filter->freq_hz < EASYEFFECTS_MIN_FREQ_HZ || filter->freq_hz > EASYEFFECTS_MAX_FREQ_HZ
          || fabs (filter->gain_db) > EASYEFFECTS_MAX_GAIN_DB || filter->q > EASYEFFECTS_MAX_Q)
        {
          g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER,
                       _("filters[%u] is outside what EasyEffects takes "
                         "(10 to 24000 Hz, ±36 dB, Q up to 100)"), j);
          return FALSE;
        }
    }
  if (written_preamp_db (fit->preamp_db) < -EASYEFFECTS_MAX_GAIN_DB)
    {
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER,
                   _("EasyEffects' input gain goes down to −36 dB, and this EQ needs more"));
      return FALSE;
    }
  return TRUE;
}

/**
 * hr_eq_export_easyeffects:
 *
 * The fit as an EasyEffects output preset holding one equalizer: the
 * EasyEffects 7 format (GTK 4; the Qt-based 8 reads it too), keys and
 * indentation as EasyEffects itself saves them (nlohmann::json, sorted
 * keys, four spaces). The plugin is "equalizer#0", as EasyEffects 7
 * names plugin instances; EasyEffects 6 wrote "equalizer" and no
 * "bypass" or "width". Both channels get the same bands. The preamp
 * goes into "input-gain", where EasyEffects' own APO import puts it;
 * "output-gain" stays 0, or the preamp would count twice.
 */
char *
hr_eq_export_easyeffects (const HrEqFit  *fit,
                          GError        **error)
{
  g_autoptr(GString) out = g_string_new ("{");

  g_return_val_if_fail (fit != NULL, NULL);

  if (!check_fit (fit, error) || !check_easyeffects (fit, error))
    return NULL;

  append_key (out, 1, "output", TRUE);
  g_string_append_c (out, '{');
  append_key (out, 2, "blocklist", TRUE);
  g_string_append (out, "[]");
  append_key (out, 2, "equalizer#0", FALSE);
  g_string_append_c (out, '{');
  append_fixed_member (out, 3, "balance", "%.1f", 0.0, TRUE);
  append_key (out, 3, "bypass", FALSE);
  g_string_append (out, "false");
  append_fixed_member (out, 3, "input-gain", PREAMP_FORMAT, written_preamp_db (fit->preamp_db), FALSE);
  append_key (out, 3, "left", FALSE);
  append_channel (out, 3, fit);
  append_string_member (out, 3, "mode", "IIR", FALSE);
  append_key (out, 3, "num-bands", FALSE);
  g_string_append_printf (out, "%u", MAX (fit->n_filters, 1));
  append_fixed_member (out, 3, "output-gain", "%.1f", 0.0, FALSE);
  append_fixed_member (out, 3, "pitch-left", "%.1f", 0.0, FALSE);
  append_fixed_member (out, 3, "pitch-right", "%.1f", 0.0, FALSE);
  append_key (out, 3, "right", FALSE);
  append_channel (out, 3, fit);
  append_key (out, 3, "split-channels", FALSE);
  g_string_append (out, "false\n");
  append_indent (out, 2);
  g_string_append_c (out, '}');
  append_key (out, 2, "plugins_order", FALSE);
  g_string_append (out, "[\n");
  append_indent (out, 3);
  hr_json_append_string (out, "equalizer#0");
  g_string_append_c (out, '\n');
  append_indent (out, 2);
  g_string_append (out, "]\n");
  append_indent (out, 1);
  g_string_append (out, "}\n}\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * hr_eq_export_text:
 * @comment: (nullable): for the APO format only; a GraphicEQ stays the
 *   single line its readers expect, and JSON has no comments
 *
 * The fit in @format. A GraphicEQ is written from the fit's target, not
 * from its filters: it is the target itself at AutoEq's frequencies.
 */
char *
hr_eq_export_text (const HrEqFit  *fit,
                   HrEqFormat      format,
                   const char     *comment,
                   GError        **error)
{
  g_return_val_if_fail (fit != NULL, NULL);

  switch (format)
    {
    case HR_EQ_FORMAT_GRAPHICEQ:
      return hr_eq_export_graphiceq (fit->freq_hz, fit->target_db, fit->n_points, error);
    case HR_EQ_FORMAT_APO:
      return hr_eq_export_apo (fit, comment, error);
    case HR_EQ_FORMAT_EASYEFFECTS:
      return hr_eq_export_easyeffects (fit, error);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hr_eq_export_save:
 *
 * Writes hr_eq_export_text() to @filename atomically (hr_export_save()):
 * on any failure, what was there stays as it was.
 */
gboolean
hr_eq_export_save (const char     *filename,
                   const HrEqFit  *fit,
                   HrEqFormat      format,
                   const char     *comment,
                   GError        **error)
{
  g_autofree char *contents = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  contents = hr_eq_export_text (fit, format, comment, error);
  return contents != NULL && hr_export_save (filename, contents, strlen (contents), error);
}

/* hr_eq_fit_describe() for a file: English and a dot, whatever the
 * locale, since the file outlives the session that wrote it and the CLI
 * switches no locale. "4 filters, within +-0.2 dB (0.15 dB at 2100 Hz),
 * preamp -1.2 dB" */
static char *
describe_untranslated (const HrEqFit *fit)
{
  char tolerance[G_ASCII_DTOSTR_BUF_SIZE];
  char residual[G_ASCII_DTOSTR_BUF_SIZE];
  char freq[G_ASCII_DTOSTR_BUF_SIZE];
  char preamp[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (tolerance, sizeof tolerance, "%.1f", fit->tolerance_db);
  if (fit->n_filters == 0)
    return g_strdup_printf ("no filter needed: the change is within +-%s dB already", tolerance);
  g_ascii_formatd (residual, sizeof residual, "%.2f", fit->max_residual_db);
  g_ascii_formatd (freq, sizeof freq, "%.0f", fit->max_residual_freq_hz);
  g_ascii_formatd (preamp, sizeof preamp, "%.1f", fit->preamp_db);
  return g_strdup_printf ("%u filter%s, %s +-%s dB (at most %s dB off, at %s Hz), preamp %s dB",
                          fit->n_filters, fit->n_filters == 1 ? "" : "s",
                          fit->within_tolerance ? "within" : "more than",
                          tolerance, residual, freq, preamp);
}

/**
 * hr_eq_export_undo:
 * @sweep: a computed sweep over the audio band
 * @summary: its summary
 * @label: what the configuration is called, "HD 650 on Fireface 800 · Line out"
 * @fit_out: (out) (optional): the fit, for hr_eq_fit_describe()
 *
 * The EQ that undoes what the source does to the response of @sweep, as
 * the text of @format, with a comment naming what it corrects (English,
 * as files for other programs are). What `headroom-cli eq` writes and the
 * app's Export EQ saves.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
hr_eq_export_undo (const HrSweep         *sweep,
                   const HrSummary       *summary,
                   const char            *label,
                   const HrEqFitOptions  *options,
                   HrEqFormat             format,
                   HrEqFit              **fit_out,
                   GError               **error)
{
  g_autoptr(HrEqFit) fit = NULL;
  g_autofree char *described = NULL;
  g_autofree char *comment = NULL;
  char span[G_ASCII_DTOSTR_BUF_SIZE];
  char *text;

  g_return_val_if_fail (sweep != NULL, NULL);
  g_return_val_if_fail (summary != NULL, NULL);
  g_return_val_if_fail (label != NULL, NULL);

  fit = hr_eq_fit_deviation (sweep, options, error);
  if (fit == NULL)
    return NULL;
  /* The sentence of the comment is the C locale's, whatever the user's:
   * the file outlives the session that wrote it. */
  described = describe_untranslated (fit);
  g_ascii_formatd (span, sizeof span, "%.2f", summary->deviation_span_db);
  comment = g_strdup_printf ("Headroom: undoes the %s dB response change of %s\n%s", span, label, described);
  text = hr_eq_export_text (fit, format, comment, error);
  if (text != NULL && fit_out != NULL)
    *fit_out = g_steal_pointer (&fit);
  return text;
}
