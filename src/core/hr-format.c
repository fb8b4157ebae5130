/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-format.h"

/* Figures as people read them: three significant digits, with the prefix
 * an audio spec sheet would use.
 *
 * Each comes in two forms. Translated, it is in the user's language and
 * number format (a decimal comma in German). Untranslated, it is the
 * English of the source code with a dot, whatever the locale: the text
 * that machine output carries beside its codes. Neither switches the
 * process's locale to get there. */

/**
 * hr_format_text:
 * @msgid: a string marked with N_()
 *
 * Returns: @msgid in the user's language, or as it is
 */
const char *
hr_format_text (const char *msgid,
                gboolean    translate)
{
  return translate ? g_dgettext (GETTEXT_PACKAGE, msgid) : msgid;
}

/**
 * hr_format_number:
 * @printf_format: one conversion of a double, "%.1f", "%+.2f", "%.3g"
 *
 * Returns: @value as @printf_format prints it, in the locale's number
 *   format when @translate, with a dot otherwise
 */
char *
hr_format_number (const char *printf_format,
                  double      value,
                  gboolean    translate)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (translate)
    {
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      return g_strdup_printf (printf_format, value);
#pragma GCC diagnostic pop
    }

  /* g_ascii_formatd takes no flags; a sign is added by hand. */
  if (printf_format[1] == '+')
    {
      g_autofree char *rest = g_strconcat ("%", printf_format + 2, NULL);

      g_ascii_formatd (text, sizeof text, rest, value);
      return value >= 0.0 ? g_strconcat ("+", text, NULL) : g_strdup (text);
    }
  return g_strdup (g_ascii_formatd (text, sizeof text, printf_format, value));
}

char *
hr_format_freq_full (double   freq_hz,
                     gboolean translate)
{
  g_autofree char *number = NULL;

  /* 999.7 Hz rounds to "1 kHz", not to "1000 Hz". */
  if (freq_hz >= 999.5)
    {
      number = hr_format_number ("%.3g", freq_hz / 1000.0, translate);
      /* Translators: a frequency, "1.5 kHz" */
      return g_strdup_printf (hr_format_text (N_("%s kHz"), translate), number);
    }
  number = hr_format_number ("%.0f", freq_hz, translate);
  /* Translators: a frequency, "86 Hz" */
  return g_strdup_printf (hr_format_text (N_("%s Hz"), translate), number);
}

char *
hr_format_ohm_full (double   ohm,
                    gboolean translate)
{
  g_autofree char *number = NULL;

  if (ohm >= 1000.0)
    {
      number = hr_format_number ("%.3g", ohm / 1000.0, translate);
      /* Translators: an impedance, "4.7 kΩ" */
      return g_strdup_printf (hr_format_text (N_("%s kΩ"), translate), number);
    }
  number = hr_format_number ("%.3g", ohm, translate);
  /* Translators: an impedance, "32 Ω" */
  return g_strdup_printf (hr_format_text (N_("%s Ω"), translate), number);
}

char *
hr_format_freq (double freq_hz)
{
  return hr_format_freq_full (freq_hz, TRUE);
}

char *
hr_format_ohm (double ohm)
{
  return hr_format_ohm_full (ohm, TRUE);
}

/* @value in the unit of @formats[2], with the prefix that puts three
 * significant digits in 1–999: 0.9996 V is "1 V", not "1e+03 mV". The
 * formats are nano, micro, milli, the unit itself and kilo; a value that
 * is not known is "?" in the format @unknown_index names. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
format_prefixed (double             value,
                 const char *const  formats[5],
                 guint              unknown_index)
{
  static const double scales[] = { 1e-9, 1e-6, 1e-3, 1.0, 1e3 };
  guint i = G_N_ELEMENTS (scales) - 1;
  g_autofree char *number = NULL;

  if (!isfinite (value))
    return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, formats[unknown_index]), "?");
  while (i > 0 && (formats[i] == NULL || fabs (value) < 0.9995 * scales[i]))
    i--;
  if (value == 0.0)
    i = 3;
  number = hr_format_number ("%.3g", value / scales[i], TRUE);
  return g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, formats[i]), number);
}
#pragma GCC diagnostic pop

/* An RMS voltage: "2.5 V", "316 mV", "8 µV"; "? V" when not known (a
 * level asked in dB SPL of headphones without a sensitivity). */
char *
hr_format_voltage (double vrms)
{
  static const char *const formats[5] = {
    NULL,
    /* Translators: a voltage, "8 µV" */
    N_("%s µV"),
    /* Translators: a voltage, "316 mV" */
    N_("%s mV"),
    /* Translators: a voltage, "2.5 V" */
    N_("%s V"),
    NULL,
  };

  return format_prefixed (vrms, formats, 3);
}

/* An RMS current given in mA: "1.2 A", "33.3 mA", "80 µA"; "? mA". */
char *
hr_format_current (double ma)
{
  static const char *const formats[5] = {
    NULL,
    /* Translators: a current, "80 µA" */
    N_("%s µA"),
    /* Translators: a current, "33.3 mA" */
    N_("%s mA"),
    /* Translators: a current, "1.2 A" */
    N_("%s A"),
    NULL,
  };

  return format_prefixed (ma * 1e-3, formats, 2);
}

/* A power given in mW: "1.5 W", "3.33 mW", "12 µW", "5 nW"; "? mW". */
char *
hr_format_power (double mw)
{
  static const char *const formats[5] = {
    /* Translators: a power, "5 nW" */
    N_("%s nW"),
    /* Translators: a power, "12 µW" */
    N_("%s µW"),
    /* Translators: a power, "3.33 mW" */
    N_("%s mW"),
    /* Translators: a power, "1.5 W" */
    N_("%s W"),
    NULL,
  };

  return format_prefixed (mw * 1e-3, formats, 2);
}

/* A capacitance given in µF: "47 µF", "220 nF". */
char *
hr_format_capacitance (double uf)
{
  g_autofree char *number = NULL;

  if (uf >= 0.9995)
    {
      number = hr_format_number ("%.3g", uf, TRUE);
      /* Translators: a capacitance, "47 µF" */
      return g_strdup_printf (_("%s µF"), number);
    }
  number = hr_format_number ("%.3g", uf * 1e3, TRUE);
  /* Translators: a capacitance, "220 nF" */
  return g_strdup_printf (_("%s nF"), number);
}
