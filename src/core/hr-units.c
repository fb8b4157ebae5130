/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "hr-format.h"
#include "hr-model-error.h"
#include "hr-units.h"

/* Figures as spec sheets print them and people type them: "4.7k",
 * "470 ohm", "+18dBu", "-95 dBu", "2.8 Vpp", "5 µV", "1000 mW @ 32 Ω".
 * Every entry of the app (the forms, the sliders' boxes) and every
 * option of headroom-cli reads them here, so that a value means the
 * same everywhere. Either decimal separator is read, whatever the
 * locale, so that a figure pasted from a sheet works. */

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
    /* The voltages a sheet prints other than Vrms are read by
     * parse_voltage_unit(); these are the plain ones. */
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

/* How a voltage unit turns into Vrms. A sheet's dBu is against
 * 0.7746 Vrms (1 mW into 600 Ω), its dBV against 1 Vrms; a peak or
 * peak-to-peak figure is of a sine, as sheets that print one mean. */
typedef struct
{
  const char *name;
  gboolean    db;          /* the number is in dB against @factor */
  double      factor;      /* Vrms per unit, or the 0 dB reference */
} VoltageUnit;

static const VoltageUnit voltage_units[] = {
  { "", FALSE, 1.0 },
  { "v", FALSE, 1.0 },
  { "vrms", FALSE, 1.0 },
  { "v rms", FALSE, 1.0 },
  { "mv", FALSE, 1e-3 },
  { "mvrms", FALSE, 1e-3 },
  { "mv rms", FALSE, 1e-3 },
  { "µv", FALSE, 1e-6 },
  { "μv", FALSE, 1e-6 },
  { "uv", FALSE, 1e-6 },
  { "µvrms", FALSE, 1e-6 },
  { "uvrms", FALSE, 1e-6 },
  { "vpp", FALSE, 1.0 / (2.0 * G_SQRT2) },
  { "vp-p", FALSE, 1.0 / (2.0 * G_SQRT2) },
  { "v p-p", FALSE, 1.0 / (2.0 * G_SQRT2) },
  { "v pp", FALSE, 1.0 / (2.0 * G_SQRT2) },
  { "vp", FALSE, 1.0 / G_SQRT2 },
  { "vpk", FALSE, 1.0 / G_SQRT2 },
  { "v peak", FALSE, 1.0 / G_SQRT2 },
  { "dbu", TRUE, 0.774597 },
  { "dbv", TRUE, 1.0 },
};

static const VoltageUnit *
find_voltage_unit (const char *name)
{
  g_autofree char *folded = g_utf8_casefold (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (voltage_units); i++)
    if (g_str_equal (folded, voltage_units[i].name))
      return &voltage_units[i];
  return NULL;
}

/* The number at the start of @text, with either decimal separator and an
 * optional sign ("+18"); *rest is what follows, stripped. */
static gboolean
take_number (const char  *text,
             double      *number,
             char       **rest)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *end = NULL;

  g_strdelimit (copy, ",", '.');
  if (copy[0] == '\0')
    return FALSE;
  *number = g_ascii_strtod (copy, &end);
  if (end == copy || !isfinite (*number))
    return FALSE;
  *rest = g_strstrip (g_strdup (end));
  return TRUE;
}

static gboolean
parse_voltage (const char *text,
               double     *vrms)
{
  g_autofree char *rest = NULL;
  const VoltageUnit *unit;
  double number;

  if (!take_number (text, &number, &rest) || (unit = find_voltage_unit (rest)) == NULL)
    return FALSE;
  /* "-95 dBu" is a small voltage; "-5 V" is no voltage at all. */
  if (unit->db)
    *vrms = unit->factor * pow (10.0, number / 20.0);
  else
    *vrms = number * unit->factor;
  return isfinite (*vrms);
}

/**
 * hr_units_parse:
 * @text: what the user typed: "4.7k", "470 ohm", "2 Ω", "0,5", "85 dB",
 *   "+18dBu", "5 µV"
 * @unit: the quantity the entry holds
 * @value: (out): the value in @unit (a voltage in Vrms)
 *
 * Reads a number with an optional SI prefix (where the unit takes one) and
 * unit name. A voltage may be given in Vrms, mV, µV (or uV), dBu, dBV,
 * Vpp or Vp, with or without a space and a sign.
 *
 * Returns: %TRUE if @text is a finite number in @unit
 */
gboolean
hr_units_parse (const char *text,
                HrUnit      unit,
                double     *value)
{
  g_autofree char *rest = NULL;
  const char *p;
  double number;
  double multiplier = 1.0;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (unit == HR_UNIT_VOLT)
    return parse_voltage (text, value);

  if (!take_number (text, &number, &rest))
    return FALSE;
  p = rest;
  if (get_syntax (unit)->prefixes)
    multiplier = take_prefix (&p);
  while (*p == ' ')
    p++;
  if (!is_unit_name (p, unit))
    return FALSE;

  *value = number * multiplier;
  return isfinite (*value);
}

/**
 * hr_units_parse_noise:
 * @max_voltage_vrms: the output's maximum, for a noise given as a dynamic
 *   range; HR_UNKNOWN if not known
 * @noise_vrms: (out): the noise in Vrms
 *
 * A noise figure as sheets print it: a voltage ("-95 dBu", "-101 dBV",
 * "5 µV"), or a dynamic range or signal-to-noise ratio below the maximum
 * level ("110 dB", "110 dB DR", "110 dB SNR"), which needs the maximum.
 */
gboolean
hr_units_parse_noise (const char  *text,
                      double       max_voltage_vrms,
                      double      *noise_vrms,
                      GError     **error)
{
  g_autofree char *rest = NULL;
  g_autofree char *folded = NULL;
  double number;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (noise_vrms != NULL, FALSE);

  if (parse_voltage (text, noise_vrms))
    {
      if (*noise_vrms >= 0.0)
        return TRUE;
    }
  else if (take_number (text, &number, &rest))
    {
      folded = g_utf8_casefold (rest, -1);
      if (g_str_equal (folded, "db") || g_str_equal (folded, "db dr") || g_str_equal (folded, "db snr")
          || g_str_equal (folded, "db(a)") || g_str_equal (folded, "dba"))
        {
          if (!(max_voltage_vrms > 0.0) || !isfinite (max_voltage_vrms))
            {
              g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                           _("“%s” is a dynamic range: the maximum voltage is needed to turn it into a noise level"),
                           text);
              return FALSE;
            }
          /* A range is below the maximum: "110 dB" and "-110 dB" alike. */
          *noise_vrms = max_voltage_vrms * pow (10.0, -fabs (number) / 20.0);
          return TRUE;
        }
    }
  g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
               _("“%s” is not a noise level, such as -95 dBu, 5 µV or a dynamic range of 110 dB"), text);
  return FALSE;
}

/**
 * hr_units_parse_power_pair:
 *
 * A spec sheet's "power into a load": "1000 mW @ 32 Ω", "1W@32",
 * "320mw@300ohm".
 */
gboolean
hr_units_parse_power_pair (const char   *text,
                           HrPowerSpec  *spec,
                           GError      **error)
{
  g_auto(GStrv) halves = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *power_rest = NULL;
  g_autofree char *power_unit = NULL;
  g_autofree char *level_unit = NULL;
  double power;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  *spec = (HrPowerSpec) { 0.0, 0.0, 0.0 };
  halves = g_strsplit (text, "@", -1);
  /* A maximum level with no load, with its unit (a bare number is no
   * level): open circuit. */
  if (g_strv_length (halves) == 1 && take_number (halves[0], &power, &level_unit)
      && level_unit[0] != '\0'
      && hr_units_parse (halves[0], HR_UNIT_VOLT, &spec->level_vrms) && spec->level_vrms > 0.0)
    {
      spec->load_ohm = INFINITY;
      return TRUE;
    }
  if (g_strv_length (halves) != 2 || !take_number (halves[0], &power, &power_rest)
      || !hr_units_parse (halves[1], HR_UNIT_OHM, &spec->load_ohm))
    {
      shown = g_strstrip (g_strdup (text));
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("“%s” is not a power into a load, such as 1000 mW @ 32 Ω, nor a level, such as +18 dBu or +15 dBu @ 16 Ω"), shown);
      return FALSE;
    }
  power_unit = g_ascii_strdown (power_rest, -1);
  if (g_str_equal (power_unit, "mw"))
    spec->power_mw = power;
  else if (g_str_equal (power_unit, "w"))
    spec->power_mw = power * 1000.0;
  else if (hr_units_parse (halves[0], HR_UNIT_VOLT, &spec->level_vrms) && power_unit[0] != '\0')
    /* A level into a load: "+19 dBu @ 32 Ω", "5.6 Vrms @ 32". */
    ;
  else
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("“%s”: the power needs its unit, mW or W, or the level its own, Vrms or dBu"), text);
      return FALSE;
    }
  /* Whether the figures make sense is the fit's to say (hr_infer_source()),
   * naming the pair. */
  return TRUE;
}

/**
 * hr_units_parse_power_pairs:
 *
 * A sheet's power table on one line: pairs separated by commas or
 * semicolons ("1000 mW @ 32 Ω, 320 mW @ 300 Ω"). A comma between digits
 * is a decimal separator ("1,5 W @ 16"), not a separator of pairs.
 *
 * Returns: (transfer full) (element-type HrPowerSpec): the pairs, or %NULL
 */
GArray *
hr_units_parse_power_pairs (const char  *text,
                            GError     **error)
{
  g_autoptr(GArray) specs = g_array_new (FALSE, FALSE, sizeof (HrPowerSpec));
  g_autoptr(GString) item = g_string_new (NULL);

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text;; p++)
    {
      gboolean decimal_comma = *p == ',' && p > text && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]);

      if (*p == '\0' || *p == ';' || *p == '\n' || (*p == ',' && !decimal_comma))
        {
          HrPowerSpec spec;

          g_strstrip (item->str);
          if (item->str[0] != '\0')
            {
              if (!hr_units_parse_power_pair (item->str, &spec, error))
                return NULL;
              g_array_append_val (specs, spec);
            }
          g_string_truncate (item, 0);
          if (*p == '\0')
            break;
          continue;
        }
      g_string_append_c (item, *p);
    }
  if (specs->len == 0)
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                           _("no power was given, such as 1000 mW @ 32 Ω"));
      return NULL;
    }
  return g_steal_pointer (&specs);
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
