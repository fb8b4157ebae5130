/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-units"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-format.h"
#include "hr-units.h"

/* The multiplier of an SI prefix at the start of @text, advancing past it.
 * "m" is milli, never mega: nobody types "4.7m" for 4.7 MΩ, while 10 mΩ
 * is a real cable. */
static double
take_prefix (const char **text)
{
  const char *p = *text;

  if (g_str_has_prefix (p, "µ") || g_str_has_prefix (p, "μ"))
    {
      *text = g_utf8_next_char (p);
      return 1e-6;
    }
  switch (*p)
    {
    case 'u':
      *text = p + 1;
      return 1e-6;
    case 'm':
      *text = p + 1;
      return 1e-3;
    case 'k':
    case 'K':
      *text = p + 1;
      return 1e3;
    case 'M':
      *text = p + 1;
      return 1e6;
    default:
      return 1.0;
    }
}

/* How each unit may be typed. The base is the unit the value is kept in;
 * a prefix scales it ("4.7k" Ω, "1.2 kHz"). Units kept in milli or micro
 * (mW, mA, µF, mH) take no prefix: "m" before "W" is part of the name,
 * and nobody types "0.47 mF". */
typedef struct
{
  gboolean          prefixes;
  const char *const names[7];
} UnitSyntax;

static const UnitSyntax *
get_syntax (HrUnit unit)
{
  static const UnitSyntax syntax[] = {
    /* U+03A9 GREEK CAPITAL LETTER OMEGA and U+2126 OHM SIGN: both are
     * typed and pasted from spec sheets, and look alike. */
    [HR_UNIT_OHM] = { TRUE, { "", "\u03a9", "\u2126", "ohm", "ohms", "r", NULL } },
    [HR_UNIT_DB_SPL] = { FALSE, { "", "db", "db spl", "dbspl", NULL } },
    [HR_UNIT_DB] = { FALSE, { "", "db", NULL } },
    [HR_UNIT_HERTZ] = { TRUE, { "", "hz", NULL } },
    [HR_UNIT_MILLIHENRY] = { FALSE, { "", "mh", NULL } },
    [HR_UNIT_MILLIWATT] = { FALSE, { "", "mw", NULL } },
    [HR_UNIT_VOLT] = { FALSE, { "", "v", "vrms", "v rms", NULL } },
    [HR_UNIT_MILLIAMP] = { FALSE, { "", "ma", "ma rms", NULL } },
    [HR_UNIT_MICROFARAD] = { FALSE, { "", "µf", "μf", "uf", NULL } },
    [HR_UNIT_NUMBER] = { FALSE, { "", NULL } },
  };

  g_return_val_if_fail ((guint) unit < G_N_ELEMENTS (syntax), &syntax[HR_UNIT_NUMBER]);

  return &syntax[unit];
}

static gboolean
is_unit_name (const char *text,
              HrUnit      unit)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  const char *const *names = get_syntax (unit)->names;

  /* "Ω" casefolds to "ω", so compare both the text and its folded form. */
  return g_strv_contains (names, text) || g_strv_contains (names, folded);
}

/**
 * hr_units_parse:
 * @text: what the user typed: "4.7k", "470 ohm", "2 Ω", "0,5", "85 dB"
 * @unit: the quantity the entry holds
 * @value: (out): the value in @unit
 *
 * Reads a number with an optional SI prefix (where the unit takes one) and
 * unit name, in
 * either decimal separator, so that a value pasted from a spec sheet works
 * whatever the locale.
 *
 * Returns: %TRUE if @text is a finite number in @unit
 */
gboolean
hr_units_parse (const char *text,
                HrUnit      unit,
                double     *value)
{
  g_autofree char *copy = NULL;
  g_autofree char *rest = NULL;
  char *end = NULL;
  const char *p;
  double number;
  double multiplier = 1.0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  copy = g_strstrip (g_strdup (text));
  g_strdelimit (copy, ",", '.');
  if (copy[0] == '\0')
    return FALSE;

  number = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (number))
    return FALSE;

  p = end;
  while (*p == ' ')
    p++;
  if (get_syntax (unit)->prefixes)
    multiplier = take_prefix (&p);
  while (*p == ' ')
    p++;

  rest = g_strstrip (g_strdup (p));
  if (!is_unit_name (rest, unit))
    return FALSE;

  *value = number * multiplier;
  return isfinite (*value);
}

char *
hr_units_format (double value,
                 HrUnit unit)
{
  switch (unit)
    {
    case HR_UNIT_OHM:
      return hr_format_ohm (value);
    case HR_UNIT_DB_SPL:
      /* Translators: a level, "85.5 dB" */
      return g_strdup_printf (_("%.1f dB"), value);
    case HR_UNIT_DB:
    case HR_UNIT_HERTZ:
    case HR_UNIT_MILLIHENRY:
    case HR_UNIT_MILLIWATT:
    case HR_UNIT_VOLT:
    case HR_UNIT_MILLIAMP:
    case HR_UNIT_MICROFARAD:
    case HR_UNIT_NUMBER:
      /* A form's field: the number alone, its unit in the row's title,
       * with the digits a spec sheet gives and a dot or comma as the
       * locale has it. */
      return g_strdup_printf ("%.6g", value);
    default:
      g_return_val_if_reached (NULL);
    }
}
