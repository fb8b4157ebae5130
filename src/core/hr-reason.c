/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-format.h"
#include "hr-reason.h"

/* A reason is a code and its figures; this file is the only one that
 * knows how a reason reads. The verdict (hr-verdict.c) decides which
 * reasons hold and with which figures; the app, `check`'s text and its
 * JSON all come here for the words.
 *
 * The sentences are templates with one %s per figure, and the figures are
 * formatted apart: so the same template serves the user's language, with
 * its decimal comma, and the English of machine output, with a dot,
 * without switching the locale in between. */

void
hr_reason_init (HrReason         *reason,
                HrReasonCode      code,
                HrReasonSeverity  severity)
{
  g_return_if_fail (reason != NULL);

  *reason = (HrReason) { 0 };
  reason->code = code;
  reason->severity = severity;
}

/* Returns: the new figure, or NULL if @args is full */
HrReasonArg *
hr_reason_args_add (HrReasonArg     *args,
                    guint           *n_args,
                    guint            max_args,
                    const char      *key,
                    HrReasonArgType  type)
{
  HrReasonArg *arg;

  /* The codes' figures are fixed where they are made (hr-verdict.c,
   * hr-explain.c); more than fit is a programming error, not an input. */
  g_return_val_if_fail (*n_args < max_args, NULL);

  arg = &args[(*n_args)++];
  *arg = (HrReasonArg) { key, type, NAN, NULL, FALSE };
  return arg;
}

const HrReasonArg *
hr_reason_args_find (const HrReasonArg *args,
                     guint              n_args,
                     const char        *key)
{
  for (guint i = 0; i < n_args; i++)
    if (g_str_equal (args[i].key, key))
      return &args[i];
  return NULL;
}

void
hr_reason_args_add_number (HrReasonArg *args,
                           guint       *n_args,
                           guint        max_args,
                           const char  *key,
                           double       value)
{
  HrReasonArg *arg = hr_reason_args_add (args, n_args, max_args, key, HR_REASON_ARG_NUMBER);

  if (arg != NULL)
    arg->number = value;
}

/* @value: a static string, such as a limit's id */
void
hr_reason_args_add_string (HrReasonArg *args,
                           guint       *n_args,
                           guint        max_args,
                           const char  *key,
                           const char  *value)
{
  HrReasonArg *arg = hr_reason_args_add (args, n_args, max_args, key, HR_REASON_ARG_STRING);

  if (arg != NULL)
    arg->string = value;
}

void
hr_reason_args_add_boolean (HrReasonArg *args,
                            guint       *n_args,
                            guint        max_args,
                            const char  *key,
                            gboolean     value)
{
  HrReasonArg *arg = hr_reason_args_add (args, n_args, max_args, key, HR_REASON_ARG_BOOLEAN);

  if (arg != NULL)
    arg->boolean = value;
}

/* Returns: the figure, or NAN if there is none of that name and type */
double
hr_reason_args_get_number (const HrReasonArg *args,
                           guint              n_args,
                           const char        *key)
{
  const HrReasonArg *arg = hr_reason_args_find (args, n_args, key);

  return arg != NULL && arg->type == HR_REASON_ARG_NUMBER ? arg->number : NAN;
}

const char *
hr_reason_args_get_string (const HrReasonArg *args,
                           guint              n_args,
                           const char        *key)
{
  const HrReasonArg *arg = hr_reason_args_find (args, n_args, key);

  return arg != NULL && arg->type == HR_REASON_ARG_STRING ? arg->string : NULL;
}

gboolean
hr_reason_args_get_boolean (const HrReasonArg *args,
                            guint              n_args,
                            const char        *key)
{
  const HrReasonArg *arg = hr_reason_args_find (args, n_args, key);

  return arg != NULL && arg->type == HR_REASON_ARG_BOOLEAN && arg->boolean;
}

void
hr_reason_add_number (HrReason   *reason,
                      const char *key,
                      double      value)
{
  hr_reason_args_add_number (reason->args, &reason->n_args, HR_REASON_MAX_ARGS, key, value);
}

/* @value: a static string, such as a limit's id */
void
hr_reason_add_string (HrReason   *reason,
                      const char *key,
                      const char *value)
{
  hr_reason_args_add_string (reason->args, &reason->n_args, HR_REASON_MAX_ARGS, key, value);
}

void
hr_reason_add_boolean (HrReason   *reason,
                       const char *key,
                       gboolean    value)
{
  hr_reason_args_add_boolean (reason->args, &reason->n_args, HR_REASON_MAX_ARGS, key, value);
}

const HrReasonArg *
hr_reason_find (const HrReason *reason,
                const char     *key)
{
  g_return_val_if_fail (reason != NULL, NULL);

  return hr_reason_args_find (reason->args, reason->n_args, key);
}

/* Returns: the figure, or NAN if the reason has none of that name */
double
hr_reason_get_number (const HrReason *reason,
                      const char     *key)
{
  g_return_val_if_fail (reason != NULL, NAN);

  return hr_reason_args_get_number (reason->args, reason->n_args, key);
}

const char *
hr_reason_get_string (const HrReason *reason,
                      const char     *key)
{
  g_return_val_if_fail (reason != NULL, NULL);

  return hr_reason_args_get_string (reason->args, reason->n_args, key);
}

gboolean
hr_reason_get_boolean (const HrReason *reason,
                       const char     *key)
{
  g_return_val_if_fail (reason != NULL, FALSE);

  return hr_reason_args_get_boolean (reason->args, reason->n_args, key);
}

const char *
hr_reason_code_to_string (HrReasonCode code)
{
  static const char *const names[HR_N_REASON_CODES] = {
    [HR_REASON_VOLTAGE_CLIPS] = "voltage-clips",
    [HR_REASON_CURRENT_CLIPS] = "current-clips",
    [HR_REASON_LOW_HEADROOM] = "low-headroom",
    [HR_REASON_VOLTAGE_UNKNOWN] = "voltage-unknown",
    [HR_REASON_DEVIATION] = "deviation",
    [HR_REASON_CURRENT_UNKNOWN] = "current-unknown",
    [HR_REASON_HEADROOM] = "headroom",
    [HR_REASON_EIGHTH_RULE_FLAT] = "eighth-rule-flat",
    [HR_REASON_DEVIATION_SLIGHT] = "deviation-slight",
    [HR_REASON_DEVIATION_INAUDIBLE] = "deviation-inaudible",
    [HR_REASON_DEVIATION_EDGE] = "deviation-edge",
    [HR_REASON_NO_LIMITS] = "no-limits",
    [HR_REASON_BELOW_RATED_LOAD] = "below-rated-load",
    [HR_REASON_HISS] = "hiss",
    [HR_REASON_HISS_INAUDIBLE] = "hiss-inaudible",
    [HR_REASON_NOISE_UNKNOWN] = "noise-unknown",
    [HR_REASON_ZOUT_ASSUMED] = "zout-assumed",
    [HR_REASON_IMPEDANCE_ASSUMED] = "impedance-assumed",
    [HR_REASON_VOLTAGE_BY_LOAD] = "voltage-by-load",
    [HR_REASON_SENSITIVITY_UNKNOWN] = "sensitivity-unknown",
  };

  g_return_val_if_fail (code < HR_N_REASON_CODES, NULL);
  return names[code];
}

const char *
hr_reason_severity_to_string (HrReasonSeverity severity)
{
  switch (severity)
    {
    case HR_REASON_SEVERITY_CANNOT:
      return "cannot";
    case HR_REASON_SEVERITY_CAVEAT:
      return "caveat";
    case HR_REASON_SEVERITY_NOTE:
      return "note";
    case HR_REASON_SEVERITY_DETAIL:
      return "detail";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* What formats a reason's figures: in the user's language or not. */
typedef struct
{
  const HrReason *reason;
  gboolean        translate;
  GPtrArray      *texts;  /* keeps each formatted figure until the end */
} Words;

static const char *
keep (Words *words,
      char  *text)
{
  g_ptr_array_add (words->texts, text);
  return text;
}

static const char *
num (Words      *words,
     const char *key,
     const char *printf_format)
{
  return keep (words, hr_format_number (printf_format,
                                        hr_reason_get_number (words->reason, key),
                                        words->translate));
}

static const char *
freq (Words      *words,
      const char *key)
{
  return keep (words, hr_format_freq_full (hr_reason_get_number (words->reason, key), words->translate));
}

static const char *
ohm (Words      *words,
     const char *key)
{
  return keep (words, hr_format_ohm_full (hr_reason_get_number (words->reason, key), words->translate));
}

static const char *
limit_name (Words *words)
{
  const char *limit = hr_reason_get_string (words->reason, "limit");

  if (g_strcmp0 (limit, "current") == 0)
    return hr_format_text (N_("current"), words->translate);
  return hr_format_text (N_("voltage"), words->translate);
}

#define T(msgid) hr_format_text (msgid, words->translate)

/* The largest change and where, said so that the user knows what they
 * would hear: a rise at the bass resonance is the classic case. */
static char *
describe_deviation (Words *words)
{
  const double dev_db = hr_reason_get_number (words->reason, "dev_db");
  const char *at = freq (words, "freq_hz");

  if (hr_reason_get_boolean (words->reason, "at_resonance"))
    return g_strdup_printf (T (N_("The bass resonance at %s rises %s dB")), at,
                            num (words, "dev_db", "%.1f"));
  if (dev_db > 0.0)
    return g_strdup_printf (T (N_("The response at %s rises %s dB against 1 kHz")), at,
                            num (words, "dev_db", "%.1f"));
  return g_strdup_printf (T (N_("The response at %s falls %s dB against 1 kHz")), at,
                          keep (words, hr_format_number ("%.1f", -dev_db, words->translate)));
}

static char *
explain_deviation (Words *words)
{
  const char *cause = hr_reason_get_string (words->reason, "cause");

  if (g_strcmp0 (cause, "dc-block") == 0)
    return g_strdup_printf (T (N_("the output's %s µF DC-blocking capacitor has risen to %s at %s")),
                            num (words, "dc_block_uf", "%.3g"), ohm (words, "xc_ohm"),
                            freq (words, "freq_hz"));
  if (g_strcmp0 (cause, "eighth-rule") == 0)
    return g_strdup_printf (T (N_("the %s output impedance is more than 1/8 of the headphones' %s")),
                            ohm (words, "zout_ohm"), ohm (words, "z_nominal_ohm"));
  return g_strdup_printf (T (N_("the headphones' impedance swings from %s to %s, and even %s of output impedance divides that unevenly")),
                          ohm (words, "z_min_ohm"), ohm (words, "z_max_ohm"), ohm (words, "zout_ohm"));
}

static char *
format_words (Words *words)
{
  switch (words->reason->code)
    {
    case HR_REASON_VOLTAGE_CLIPS:
      return g_strdup_printf (T (N_("It cannot reach %s dB SPL: its %s Vrms run out at %s dB SPL.")),
                              num (words, "level_db_spl", "%.1f"), num (words, "vmax_vrms", "%.3g"),
                              num (words, "spl_max_db", "%.1f"));
    case HR_REASON_CURRENT_CLIPS:
      return g_strdup_printf (T (N_("At %s the headphones need %s mA, more than the %s mA the source can deliver: it clips %s dB below %s dB SPL.")),
                              freq (words, "freq_hz"), num (words, "i_needed_ma", "%.0f"),
                              num (words, "i_available_ma", "%.0f"), num (words, "clip_db", "%.1f"),
                              num (words, "level_db_spl", "%.1f"));
    case HR_REASON_LOW_HEADROOM:
      return g_strdup_printf (T (N_("Only %s dB of headroom above %s dB SPL: music peaks %s dB above the average will clip (%s limit).")),
                              num (words, "headroom_db", "%.1f"), num (words, "level_db_spl", "%.1f"),
                              num (words, "crest_factor_db", "%.0f"), limit_name (words));
    case HR_REASON_VOLTAGE_UNKNOWN:
      return g_strdup (T (N_("The source's maximum output voltage is unknown, so whether it gets loud enough was not checked.")));
    case HR_REASON_DEVIATION:
      {
        g_autofree char *what = describe_deviation (words);
        g_autofree char *why = explain_deviation (words);

        /* Translators: "<what happens> because <why>." */
        return g_strdup_printf (T (N_("%s because %s.")), what, why);
      }
    case HR_REASON_CURRENT_UNKNOWN:
      return g_strdup (T (N_("The source's current limit is unknown, so the current check was skipped.")));
    case HR_REASON_HEADROOM:
      return g_strdup_printf (T (N_("Reaches %s dB SPL at 1 kHz before clipping (%s limit), %s dB above the level.")),
                              num (words, "spl_max_db", "%.1f"), limit_name (words),
                              num (words, "headroom_db", "%.1f"));
    case HR_REASON_EIGHTH_RULE_FLAT:
      return g_strdup_printf (T (N_("The %s output impedance breaks the 1/8 rule for these %s headphones, but their impedance is flat enough that the response moves only %s dB.")),
                              ohm (words, "zout_ohm"), ohm (words, "z_nominal_ohm"),
                              num (words, "span_db", "%.2f"));
    case HR_REASON_DEVIATION_SLIGHT:
      return g_strdup_printf (T (N_("The source moves the frequency response by %s dB, around the 0.2 dB that blind tests detect.")),
                              num (words, "span_db", "%.2f"));
    case HR_REASON_DEVIATION_INAUDIBLE:
      return g_strdup_printf (T (N_("The source moves the frequency response by only %s dB, below the 0.2 dB that blind tests detect.")),
                              num (words, "span_db", "%.2f"));
    case HR_REASON_DEVIATION_EDGE:
      return g_strdup_printf (T (N_("A broad change of %s dB is at the edge of what listeners notice.")),
                              num (words, "span_db", "%.1f"));
    case HR_REASON_NO_LIMITS:
      return g_strdup (T (N_("No voltage or current limit was given, so clipping was not checked.")));
    case HR_REASON_BELOW_RATED_LOAD:
      return g_strdup_printf (T (N_("The output is rated for loads of %s or more; these headphones are %s at 1 kHz and down to %s at %s.")),
                              ohm (words, "min_load_ohm"), ohm (words, "z_1k_ohm"),
                              ohm (words, "z_min_ohm"), freq (words, "z_min_freq_hz"));
    case HR_REASON_HISS:
      return g_strdup_printf (T (N_("Its hiss reaches %s dB SPL in these headphones: audible in a quiet room, where hearing starts near %s dB SPL.")),
                              num (words, "hiss_spl_db", "%.0f"), num (words, "threshold_db_spl", "%.0f"));
    case HR_REASON_HISS_INAUDIBLE:
      return g_strdup_printf (T (N_("Its hiss stays at %s dB SPL in these headphones, below the %s dB SPL where hearing starts.")),
                              num (words, "hiss_spl_db", "%.0f"), num (words, "threshold_db_spl", "%.0f"));
    case HR_REASON_NOISE_UNKNOWN:
      return g_strdup (T (N_("The source's output noise is unknown, so whether it hisses in these headphones was not checked.")));
    case HR_REASON_ZOUT_ASSUMED:
      return g_strdup_printf (T (N_("The output impedance is not known; %s is assumed, and the response change, the level and the current depend on it.")),
                              ohm (words, "zout_ohm"));
    case HR_REASON_IMPEDANCE_ASSUMED:
      return g_strdup (T (N_("The headphones' impedance curve is not known and is assumed flat, so the change in frequency response could not be judged.")));
    case HR_REASON_VOLTAGE_BY_LOAD:
      if (isnan (hr_reason_get_number (words->reason, "vmax_vrms")))
        return g_strdup_printf (T (N_("The source's maximum voltage depends on the load, and it states none for a load as low as the %s these headphones present at 1 kHz.")),
                                ohm (words, "load_ohm"));
      return g_strdup_printf (T (N_("The source's maximum voltage depends on the load: %s Vrms, its maximum for the %s these headphones present at 1 kHz.")),
                              num (words, "vmax_vrms", "%.3g"), ohm (words, "load_ohm"));
    case HR_REASON_SENSITIVITY_UNKNOWN:
      return g_strdup (T (N_("The headphones' sensitivity is not known, so the level they reach, the headroom, the current they draw and the hiss were not checked.")));
    case HR_N_REASON_CODES:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

#undef T

/**
 * hr_reason_format:
 * @translate: %TRUE for the user's language and number format, %FALSE
 *   for English with a decimal dot (machine output)
 *
 * Returns: (transfer full): the reason as one sentence
 */
char *
hr_reason_format (const HrReason *reason,
                  gboolean        translate)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  Words words = { reason, translate, texts };

  g_return_val_if_fail (reason != NULL, NULL);

  return format_words (&words);
}
