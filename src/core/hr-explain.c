/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-explain.h"
#include "hr-format.h"

/* The lesson of a preamp driving headphones, told with the numbers of the
 * configuration at hand (PHYSICS.md, "The circuit" and "What to
 * compute"):
 *
 * 1. the divider: the source is a voltage behind an impedance, and the
 *    headphones get what the two impedances leave them;
 * 2. the output's impedance, and what the output was made for: a line
 *    output the 10 kΩ of a line input, headphones a few tens of ohms;
 *    the 1/8 rule and the damping factor;
 * 3. the headphones' impedance changes with frequency, so the divider
 *    does, and the response moves;
 * 4. voltage and current: what the level needs, what the source has,
 *    which runs out first and where;
 * 5. noise, where it is known.
 *
 * The figures come from the summary and from the circuit at one
 * frequency; nothing here computes what the model has not. */

static void
add_number (HrExplainStep *step,
            const char    *key,
            double         value)
{
  hr_reason_args_add_number (step->args, &step->n_args, HR_EXPLAIN_MAX_ARGS, key, value);
}

static void
add_string (HrExplainStep *step,
            const char    *key,
            const char    *value)
{
  hr_reason_args_add_string (step->args, &step->n_args, HR_EXPLAIN_MAX_ARGS, key, value);
}

static void
add_boolean (HrExplainStep *step,
             const char    *key,
             gboolean       value)
{
  hr_reason_args_add_boolean (step->args, &step->n_args, HR_EXPLAIN_MAX_ARGS, key, value);
}

double
hr_explain_step_get_number (const HrExplainStep *step,
                            const char          *key)
{
  g_return_val_if_fail (step != NULL, NAN);

  return hr_reason_args_get_number (step->args, step->n_args, key);
}

const char *
hr_explain_step_get_string (const HrExplainStep *step,
                            const char          *key)
{
  g_return_val_if_fail (step != NULL, NULL);

  return hr_reason_args_get_string (step->args, step->n_args, key);
}

static gboolean
get_boolean (const HrExplainStep *step,
             const char          *key)
{
  return hr_reason_args_get_boolean (step->args, step->n_args, key);
}

static HrExplainStep
step_new (HrExplainCode  code,
          const char    *chart)
{
  return (HrExplainStep) { .code = code, .chart = chart, .known = TRUE };
}

static HrExplainStep
divider_step (const HrSweep   *sweep,
              const HrCircuit *circuit,
              double           freq_hz)
{
  HrExplainStep step = step_new (HR_EXPLAIN_DIVIDER, "circuit");
  HrCircuitPoint point;
  double voc_vrms = sweep->voc_vrms;
  double fraction;
  double i_a;

  hr_circuit_eval (circuit, freq_hz, &point);
  fraction = cabs (point.transfer);
  i_a = cabs (point.i_load_per_v) * voc_vrms;
  add_number (&step, "freq_hz", freq_hz);
  add_number (&step, "voc_vrms", voc_vrms);
  add_number (&step, "zsource_ohm", cabs (point.z_thevenin_ohm));
  add_number (&step, "zload_ohm", cabs (point.z_load_ohm));
  add_number (&step, "fraction", fraction);
  add_number (&step, "loss_db", 20.0 * log10 (fraction));
  add_number (&step, "v_load_vrms", voc_vrms * fraction);
  add_number (&step, "i_ma", i_a * 1000.0);
  /* Real power, not V²/|Z| (PHYSICS.md). */
  add_number (&step, "p_mw", i_a * i_a * creal (point.z_load_ohm) * 1000.0);
  /* Without a sensitivity a level in dB SPL gives no voltage: the divider
   * is read at a reference drive, which must not pass for the level. */
  add_boolean (&step, "reference_drive", sweep->level_unknown);
  return step;
}

static HrExplainStep
output_design_step (const HrSummary *summary,
                    const char      *output_kind)
{
  HrExplainStep step = step_new (HR_EXPLAIN_OUTPUT_DESIGN, "impedance");
  gboolean line = g_strcmp0 (output_kind, "line") == 0 || g_strcmp0 (output_kind, "balanced") == 0;

  add_string (&step, "kind", line ? "line" : g_strcmp0 (output_kind, "headphone") == 0 ? "headphone" : "unknown");
  add_number (&step, "designed_for_ohm", line ? HR_LINE_INPUT_OHM : NAN);
  add_number (&step, "zout_ohm", summary->zout_1k_ohm);
  add_number (&step, "z_nominal_ohm", summary->z_nominal_ohm);
  add_number (&step, "eighth_limit_ohm", summary->z_nominal_ohm / 8.0);
  add_boolean (&step, "eighth_rule_holds", summary->eighth_rule_holds);
  add_number (&step, "damping_factor", summary->damping_factor);
  add_boolean (&step, "zout_assumed", summary->zout_assumed);
  return step;
}

/* What the impedance curve is like: a peak inside the band (a driver's
 * bass resonance, a crossover's), a rise to the top of it (a coil's
 * inductance, as armatures have), or flat within 15 %. */
static const char *
impedance_shape (const HrSummary *summary)
{
  if (summary->impedance_assumed)
    return "unknown";
  if (!(summary->z_max_ohm > 1.15 * summary->z_min_ohm))
    return "flat";
  if (summary->z_max_freq_hz >= 0.75 * summary->band_max_hz)
    return "rising";
  return "peak";
}

static HrExplainStep
swing_step (const HrSummary *summary)
{
  HrExplainStep step = step_new (HR_EXPLAIN_IMPEDANCE_SWING, "deviation");

  step.known = !summary->impedance_assumed;
  add_string (&step, "shape", impedance_shape (summary));
  add_number (&step, "z_min_ohm", summary->z_min_ohm);
  add_number (&step, "z_min_freq_hz", summary->z_min_freq_hz);
  add_number (&step, "z_max_ohm", summary->z_max_ohm);
  add_number (&step, "z_max_freq_hz", summary->z_max_freq_hz);
  add_number (&step, "dev_max_db", summary->dev_max_db);
  add_number (&step, "dev_max_freq_hz", summary->dev_max_freq_hz);
  add_number (&step, "dev_min_db", summary->dev_min_db);
  add_number (&step, "dev_min_freq_hz", summary->dev_min_freq_hz);
  add_number (&step, "span_db", summary->deviation_span_db);
  return step;
}

static HrExplainStep
drive_step (const HrSummary *summary)
{
  HrExplainStep step = step_new (HR_EXPLAIN_DRIVE, "spl");
  const double peak_factor = pow (10.0, summary->crest_factor_db / 20.0);
  const char *limit;

  step.known = summary->sensitivity_known;
  if (!hr_limit_is_known (summary->voc_available_vrms) && !hr_limit_is_known (summary->i_available_ma))
    limit = "unknown";
  else if (!isfinite (summary->headroom_db))
    limit = "none";
  else
    limit = hr_limit_to_string (summary->headroom_limit);
  add_number (&step, "level_db_spl", summary->level_db_spl);
  add_number (&step, "crest_factor_db", summary->crest_factor_db);
  add_number (&step, "v_needed_vrms", summary->voc_vrms);
  add_number (&step, "v_peak_vrms", summary->voc_vrms * peak_factor);
  add_number (&step, "v_available_vrms", summary->voc_available_vrms);
  add_number (&step, "i_needed_ma", summary->i_needed_ma);
  add_number (&step, "i_needed_freq_hz", summary->i_needed_freq_hz);
  add_number (&step, "i_peak_ma", summary->i_needed_ma * peak_factor);
  add_number (&step, "i_available_ma", summary->i_available_ma);
  add_string (&step, "limit", limit);
  add_number (&step, "headroom_db", summary->headroom_db);
  add_number (&step, "headroom_freq_hz", summary->headroom_freq_hz);
  return step;
}

static HrExplainStep
noise_step (const HrSummary *summary)
{
  HrExplainStep step = step_new (HR_EXPLAIN_NOISE, "spl");

  step.known = !isnan (summary->noise_vrms) && summary->sensitivity_known;
  add_number (&step, "noise_vrms", summary->noise_vrms);
  add_number (&step, "hiss_spl_db", summary->hiss_spl_db);
  add_number (&step, "threshold_db_spl", HR_HISS_AUDIBLE_DB_SPL);
  return step;
}

/**
 * hr_explain_steps:
 * @circuit: the circuit @sweep was computed on
 * @output_kind: (nullable): "line", "balanced" or "headphone", what the
 *   output was made for; %NULL when that is not known
 * @freq_hz: where the divider is read: 1 kHz, or under the pointer
 *
 * Returns: (transfer full) (element-type HrExplainStep): the steps, in
 *   the lesson's order; a source without noise (an ideal one) has no
 *   noise step
 */
GArray *
hr_explain_steps (const HrSweep   *sweep,
                  const HrSummary *summary,
                  const HrCircuit *circuit,
                  double           freq_hz,
                  const char      *output_kind)
{
  GArray *steps = g_array_new (FALSE, TRUE, sizeof (HrExplainStep));
  HrExplainStep step;

  g_return_val_if_fail (sweep != NULL && summary != NULL && circuit != NULL, steps);
  g_return_val_if_fail (freq_hz > 0.0 && isfinite (freq_hz), steps);

  step = divider_step (sweep, circuit, freq_hz);
  g_array_append_val (steps, step);
  step = output_design_step (summary, output_kind);
  g_array_append_val (steps, step);
  step = swing_step (summary);
  g_array_append_val (steps, step);
  step = drive_step (summary);
  g_array_append_val (steps, step);
  if (summary->noise_vrms != 0.0)
    {
      step = noise_step (summary);
      g_array_append_val (steps, step);
    }
  return steps;
}

const char *
hr_explain_code_to_string (HrExplainCode code)
{
  static const char *const names[HR_N_EXPLAIN_CODES] = {
    [HR_EXPLAIN_DIVIDER] = "divider",
    [HR_EXPLAIN_OUTPUT_DESIGN] = "output-design",
    [HR_EXPLAIN_IMPEDANCE_SWING] = "impedance-swing",
    [HR_EXPLAIN_DRIVE] = "drive",
    [HR_EXPLAIN_NOISE] = "noise",
  };

  g_return_val_if_fail (code < HR_N_EXPLAIN_CODES, NULL);
  return names[code];
}

/* What the words need: the step, the language, and a place to keep each
 * formatted figure until the sentence is made. */
typedef struct
{
  const HrExplainStep *step;
  gboolean             translate;
  GPtrArray           *texts;
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
  return keep (words, hr_format_number (printf_format, hr_explain_step_get_number (words->step, key),
                                        words->translate));
}

static const char *
freq (Words      *words,
      const char *key)
{
  return keep (words, hr_format_freq_full (hr_explain_step_get_number (words->step, key), words->translate));
}

static const char *
ohm (Words      *words,
     const char *key)
{
  return keep (words, hr_format_ohm_full (hr_explain_step_get_number (words->step, key), words->translate));
}

#define T(msgid) hr_format_text (msgid, words->translate)

/* What the source can give, with its unit, or the words for unknown and
 * unlimited. */
static const char *
available (Words      *words,
           const char *key,
           const char *unit)
{
  double value = hr_explain_step_get_number (words->step, key);

  if (isnan (value))
    return T (N_("an unknown amount"));
  if (isinf (value))
    return T (N_("any amount"));
  return keep (words, g_strdup_printf ("%s %s", num (words, key, "%.3g"), unit));
}

/* A figure to @decimals places, and never "-0.0" for one that rounds to
 * nothing. */
static const char *
rounded (Words      *words,
         const char *key,
         const char *printf_format,
         guint       decimals)
{
  double value = hr_explain_step_get_number (words->step, key);

  if (fabs (value) < 0.5 * pow (10.0, -(double) decimals))
    value = 0.0;
  return keep (words, hr_format_number (printf_format, value, words->translate));
}

/* A change in dB with its sign. */
static const char *
signed_db (Words      *words,
           const char *key)
{
  return rounded (words, key, "%+.2f", 2);
}

/* A damping factor of 1500 is "1500", not "1.5e+03". */
static const char *
damping (Words *words)
{
  double value = hr_explain_step_get_number (words->step, "damping_factor");

  return num (words, "damping_factor", value >= 100.0 ? "%.0f" : "%.2g");
}

static char *
format_divider (Words *words)
{
  g_autofree char *divider = NULL;

  divider = g_strdup_printf (T (N_("At %s the source is %s Vrms behind %s of output impedance (cable and adapter "
                                  "included), in series with the headphones' %s. The two divide the voltage: "
                                  "the headphones get %s of it, %s Vrms, %s dB; %s mA flow, %s mW.")),
                            freq (words, "freq_hz"), num (words, "voc_vrms", "%.3g"), ohm (words, "zsource_ohm"),
                            ohm (words, "zload_ohm"),
                            keep (words, g_strdup_printf ("%s %%", keep (words, hr_format_number (
                              "%.3g", 100.0 * hr_explain_step_get_number (words->step, "fraction"),
                              words->translate)))),
                            num (words, "v_load_vrms", "%.3g"), rounded (words, "loss_db", "%.1f", 1),
                            num (words, "i_ma", "%.3g"), num (words, "p_mw", "%.3g"));
  if (!get_boolean (words->step, "reference_drive"))
    return g_steal_pointer (&divider);
  return g_strdup_printf ("%s %s", divider,
                          T (N_("These figures are for a reference drive, not the level: without the "
                                "headphones' sensitivity the voltage a level needs is not known.")));
}

static char *
format_output_design (Words *words)
{
  const char *kind = hr_explain_step_get_string (words->step, "kind");
  g_autofree char *made_for = NULL;
  g_autofree char *rule = NULL;

  if (g_strcmp0 (kind, "line") == 0)
    made_for = g_strdup_printf (T (N_("A line output is made to drive the %s or more of the next device's input, "
                                      "where %s of output impedance costs nothing. Headphones are a few tens or "
                                      "hundreds of ohms, and need current.")),
                                ohm (words, "designed_for_ohm"), ohm (words, "zout_ohm"));
  else if (g_strcmp0 (kind, "headphone") == 0)
    made_for = g_strdup (T (N_("This is a headphone output, made for loads of a few tens or hundreds of ohms.")));
  else
    made_for = g_strdup (T (N_("What this output was made for is not known.")));

  if (get_boolean (words->step, "eighth_rule_holds"))
    rule = g_strdup_printf (T (N_("For %s headphones the 1/8 rule asks for at most %s of output impedance; "
                                  "this one has %s, a damping factor of %s, so the rule holds.")),
                            ohm (words, "z_nominal_ohm"), ohm (words, "eighth_limit_ohm"), ohm (words, "zout_ohm"),
                            damping (words));
  else
    rule = g_strdup_printf (T (N_("For %s headphones the 1/8 rule asks for at most %s of output impedance; "
                                  "this one has %s, a damping factor of %s, so the rule is broken.")),
                            ohm (words, "z_nominal_ohm"), ohm (words, "eighth_limit_ohm"), ohm (words, "zout_ohm"),
                            damping (words));
  if (get_boolean (words->step, "zout_assumed"))
    /* Translators: "<what it was made for> <the 1/8 rule> (The output impedance is assumed: no document gives it.)" */
    return g_strdup_printf (T (N_("%s %s The output impedance is assumed: no document gives it.")), made_for, rule);
  /* Translators: "<what the output was made for> <the 1/8 rule>" */
  return g_strdup_printf (T (N_("%s %s")), made_for, rule);
}

static char *
format_swing (Words *words)
{
  const char *shape = hr_explain_step_get_string (words->step, "shape");
  g_autofree char *curve = NULL;
  g_autofree char *moves = NULL;

  if (g_strcmp0 (shape, "unknown") == 0)
    return g_strdup (T (N_("The headphones' impedance curve is not known, so how the divider moves the "
                           "response cannot be said.")));
  if (g_strcmp0 (shape, "flat") == 0)
    return g_strdup_printf (T (N_("The headphones' impedance is nearly flat, %s to %s, so the divider costs level "
                                  "but hardly moves the response: %s dB from top to bottom.")),
                            ohm (words, "z_min_ohm"), ohm (words, "z_max_ohm"), num (words, "span_db", "%.2f"));
  if (g_strcmp0 (shape, "peak") == 0)
    curve = g_strdup_printf (T (N_("The headphones' impedance is not one figure: it runs from %s at %s to %s at %s, "
                                   "where a driver's resonance or a crossover peaks.")),
                             ohm (words, "z_min_ohm"), freq (words, "z_min_freq_hz"), ohm (words, "z_max_ohm"),
                             freq (words, "z_max_freq_hz"));
  else
    curve = g_strdup_printf (T (N_("The headphones' impedance is not one figure: it runs from %s at %s up to %s at "
                                   "%s, as coils' inductance makes it rise.")),
                             ohm (words, "z_min_ohm"), freq (words, "z_min_freq_hz"), ohm (words, "z_max_ohm"),
                             freq (words, "z_max_freq_hz"));
  if (hr_explain_step_get_number (words->step, "span_db") < 0.005)
    moves = g_strdup (T (N_("The divider follows it, but against so little output impedance the response moves "
                            "less than 0.01 dB.")));
  else
    moves = g_strdup_printf (T (N_("The divider follows it, and the response moves with it: %s dB at %s, %s dB at %s, "
                                 "%s dB from top to bottom.")),
                           signed_db (words, "dev_max_db"), freq (words, "dev_max_freq_hz"),
                           signed_db (words, "dev_min_db"), freq (words, "dev_min_freq_hz"),
                           num (words, "span_db", "%.2f"));
  /* Translators: "<how the impedance changes> <how the response moves>" */
  return g_strdup_printf (T (N_("%s %s")), curve, moves);
}

static char *
format_drive (Words *words)
{
  const char *limit = hr_explain_step_get_string (words->step, "limit");
  g_autofree char *needs = NULL;
  g_autofree char *which = NULL;

  if (!words->step->known)
    return g_strdup (T (N_("The headphones' sensitivity is not known, so the voltage and current a level needs "
                           "cannot be said.")));
  needs = g_strdup_printf (T (N_("For %s dB SPL the source must give %s Vrms open circuit, and %s Vrms for music's "
                                 "peaks %s dB above it; it has %s. The headphones draw up to %s mA, at %s, and %s "
                                 "mA at peaks; it can deliver %s.")),
                           num (words, "level_db_spl", "%.1f"), num (words, "v_needed_vrms", "%.3g"),
                           num (words, "v_peak_vrms", "%.3g"), num (words, "crest_factor_db", "%.0f"),
                           available (words, "v_available_vrms", "Vrms"), num (words, "i_needed_ma", "%.3g"),
                           freq (words, "i_needed_freq_hz"), num (words, "i_peak_ma", "%.3g"),
                           available (words, "i_available_ma", "mA"));
  if (g_strcmp0 (limit, "unknown") == 0)
    which = g_strdup (T (N_("Neither limit is known, so when it clips cannot be said.")));
  else if (g_strcmp0 (limit, "none") == 0)
    which = g_strdup (T (N_("Nothing known limits it.")));
  else if (g_strcmp0 (limit, "current") == 0)
    which = g_strdup_printf (T (N_("The current runs out first, at %s: %s dB of headroom above the level.")),
                             freq (words, "headroom_freq_hz"), num (words, "headroom_db", "%.1f"));
  else
    which = g_strdup_printf (T (N_("The voltage runs out first, at %s: %s dB of headroom above the level.")),
                             freq (words, "headroom_freq_hz"), num (words, "headroom_db", "%.1f"));
  /* Translators: "<what the level needs and what the source has> <which runs out first>" */
  return g_strdup_printf (T (N_("%s %s")), needs, which);
}

static char *
format_noise (Words *words)
{
  double hiss_db = hr_explain_step_get_number (words->step, "hiss_spl_db");

  if (isnan (hr_explain_step_get_number (words->step, "noise_vrms")))
    return g_strdup (T (N_("The source's output noise is not known, so its hiss cannot be said.")));
  if (!words->step->known)
    return g_strdup (T (N_("The headphones' sensitivity is not known, so how loud the source's noise is in them "
                           "cannot be said.")));
  if (hiss_db > hr_explain_step_get_number (words->step, "threshold_db_spl"))
    return g_strdup_printf (T (N_("Its output noise, %s µV, becomes %s dB SPL of hiss in these headphones: above "
                                  "the %s dB SPL where hearing starts, so it is heard in a quiet room.")),
                            keep (words, hr_format_number ("%.3g", 1e6 * hr_explain_step_get_number (words->step,
                                                                                                      "noise_vrms"),
                                                           words->translate)),
                            num (words, "hiss_spl_db", "%.0f"), num (words, "threshold_db_spl", "%.0f"));
  return g_strdup_printf (T (N_("Its output noise, %s µV, becomes %s dB SPL of hiss in these headphones: below "
                                "the %s dB SPL where hearing starts.")),
                          keep (words, hr_format_number ("%.3g", 1e6 * hr_explain_step_get_number (words->step,
                                                                                                    "noise_vrms"),
                                                         words->translate)),
                          num (words, "hiss_spl_db", "%.0f"), num (words, "threshold_db_spl", "%.0f"));
}

/**
 * hr_explain_step_format:
 * @translate: %TRUE for the user's language and numbers, %FALSE for
 *   English with a dot (machine output)
 *
 * Returns: (transfer full): the step as a few sentences
 */
char *
hr_explain_step_format (const HrExplainStep *step,
                        gboolean             translate)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  Words words = { step, translate, texts };

  g_return_val_if_fail (step != NULL, NULL);

  switch (step->code)
    {
    case HR_EXPLAIN_DIVIDER:
      return format_divider (&words);
    case HR_EXPLAIN_OUTPUT_DESIGN:
      return format_output_design (&words);
    case HR_EXPLAIN_IMPEDANCE_SWING:
      return format_swing (&words);
    case HR_EXPLAIN_DRIVE:
      return format_drive (&words);
    case HR_EXPLAIN_NOISE:
      return format_noise (&words);
    case HR_N_EXPLAIN_CODES:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Returns: (transfer full): the step's heading */
char *
hr_explain_step_title (const HrExplainStep *step,
                       gboolean             translate)
{
  g_return_val_if_fail (step != NULL, NULL);

  switch (step->code)
    {
    case HR_EXPLAIN_DIVIDER:
      return g_strdup (hr_format_text (N_("A voltage divider"), translate));
    case HR_EXPLAIN_OUTPUT_DESIGN:
      return g_strdup (hr_format_text (N_("What the output was made for"), translate));
    case HR_EXPLAIN_IMPEDANCE_SWING:
      return g_strdup (hr_format_text (N_("Why the response moves"), translate));
    case HR_EXPLAIN_DRIVE:
      return g_strdup (hr_format_text (N_("Voltage and current"), translate));
    case HR_EXPLAIN_NOISE:
      return g_strdup (hr_format_text (N_("Noise"), translate));
    case HR_N_EXPLAIN_CODES:
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* Returns: (transfer full): where a step can be seen, "Shown in the
 * Impedance chart.", whole, since languages decline the chart's name. */
char *
hr_explain_shown_in (const char *chart,
                     gboolean    translate)
{
  if (g_strcmp0 (chart, "circuit") == 0)
    return g_strdup (hr_format_text (N_("Shown in the circuit drawing."), translate));
  if (g_strcmp0 (chart, "impedance") == 0)
    return g_strdup (hr_format_text (N_("Shown in the Impedance chart."), translate));
  if (g_strcmp0 (chart, "current") == 0)
    return g_strdup (hr_format_text (N_("Shown in the Current chart."), translate));
  if (g_strcmp0 (chart, "spl") == 0)
    return g_strdup (hr_format_text (N_("Shown in the SPL chart."), translate));
  if (g_strcmp0 (chart, "deviation") == 0)
    return g_strdup (hr_format_text (N_("Shown in the Deviation chart."), translate));
  g_return_val_if_reached (g_strdup (""));
}

#undef T
