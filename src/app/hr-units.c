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

static gboolean
is_unit_name (const char *text,
              HrUnit      unit)
{
  static const char *const ohm_names[] = { "", "Ω", "Ω", "ohm", "ohms", "r", NULL };
  static const char *const db_names[] = { "", "db", "db spl", "dbspl", NULL };
  g_autofree char *folded = g_utf8_casefold (text, -1);
  const char *const *names;

  switch (unit)
    {
    case HR_UNIT_OHM:
      names = ohm_names;
      break;
    case HR_UNIT_DB_SPL:
      names = db_names;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  /* "Ω" casefolds to "ω", so compare both the text and its folded form. */
  return g_strv_contains (names, text) || g_strv_contains (names, folded);
}

/**
 * hr_units_parse:
 * @text: what the user typed: "4.7k", "470 ohm", "2 Ω", "0,5", "85 dB"
 * @unit: the quantity the entry holds
 * @value: (out): the value in ohms, or in dB SPL
 *
 * Reads a number with an optional SI prefix (ohms only) and unit name, in
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
  if (unit == HR_UNIT_OHM)
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
    default:
      g_return_val_if_reached (NULL);
    }
}
