/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

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
