/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-format.h"
#include "hr-summary-private.h"

/* The verdict, and the reasons behind it as codes with their figures;
 * hr-reason.c puts them into words.
 *
 * The thresholds, with their sources in PHYSICS.md:
 *
 *  - Cannot drive it: somewhere in the audio band the level asked for is
 *    above the clean ceiling (min over f of SPL_max − SPL < 0 dB), by the
 *    voltage swing or by the current limit.
 *  - With caveats, when any of these holds:
 *      the source moves the frequency response by 0.5 dB or more (max − min
 *      of the deviation over the band). Blind tests resolve 0.1–0.2 dB of
 *      level (The Audio Critic #12); a broad +1.1 dB in the bass was "just
 *      barely" audible and +0.6 dB "never" (Sound & Vision). 0.5 dB is
 *      where a broad change starts to matter; the app flags 0.2 and 1 dB
 *      in words too.
 *    - the headroom above the level is less than the crest factor of music
 *      (12–20 dB; 12 dB by default), so its peaks clip.
 *    - the source's maximum voltage is unknown: nothing says it gets loud.
 *    - the headphones are a lighter load than the output is rated for
 *      ("rated load 600 Ω"): outside its design, it may distort or limit.
 *    - its hiss in these headphones is above the threshold of hearing
 *      (HR_HISS_AUDIBLE_DB_SPL, from ISO 226:2003).
 *    - the output impedance is an assumption, or the headphones' curve
 *      is an assumed flat line while the output impedance breaks the 1/8
 *      rule: the response change is then a guess.
 *  - Drives it well otherwise. An unknown current limit alone does not
 *    change the verdict, but the reasons say that the check was skipped.
 *
 * Each reason carries a severity; the most important come first, since
 * the app shows only the first three.
 */

static void
judge_level (HrSummary       *self,
             const HrCircuit *circuit,
             GArray          *reasons,
             HrVerdict       *verdict)
{
  const HrSource *source = &circuit->source;
  HrReason reason;

  /* No sensitivity: no SPL, so neither the level nor the clipping can
   * be judged; the response change still can. */
  if (!self->sensitivity_known)
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      hr_reason_init (&reason, HR_REASON_SENSITIVITY_UNKNOWN, HR_REASON_SEVERITY_CAVEAT);
      g_array_append_val (reasons, reason);
      return;
    }

  /* Said whenever it applies, so that a ceiling read off a step says
   * which step: the load's |Z| at 1 kHz decides it. */
  if (!isnan (self->voc_step_load_ohm))
    {
      hr_reason_init (&reason, HR_REASON_VOLTAGE_BY_LOAD, HR_REASON_SEVERITY_NOTE);
      hr_reason_add_number (&reason, "load_ohm", self->voc_step_load_ohm);
      hr_reason_add_number (&reason, "vmax_vrms", source->max_voltage_vrms);
      g_array_append_val (reasons, reason);
    }
  if (!hr_limit_is_known (source->max_voltage_vrms))
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      hr_reason_init (&reason, HR_REASON_VOLTAGE_UNKNOWN, HR_REASON_SEVERITY_CAVEAT);
      g_array_append_val (reasons, reason);
    }
  if (!hr_limit_is_known (source->max_current_ma))
    {
      hr_reason_init (&reason, HR_REASON_CURRENT_UNKNOWN, HR_REASON_SEVERITY_NOTE);
      g_array_append_val (reasons, reason);
    }

  if (self->headroom_db == INFINITY)
    {
      if (source->max_voltage_vrms == INFINITY && source->max_current_ma == INFINITY)
        {
          hr_reason_init (&reason, HR_REASON_NO_LIMITS, HR_REASON_SEVERITY_DETAIL);
          g_array_append_val (reasons, reason);
        }
      return;
    }

  if (self->headroom_db < 0.0)
    {
      *verdict = HR_VERDICT_CANNOT_DRIVE;
      if (self->headroom_limit == HR_LIMIT_CURRENT)
        {
          /* Where the current limit binds hardest is where the most
           * current is drawn. */
          hr_reason_init (&reason, HR_REASON_CURRENT_CLIPS, HR_REASON_SEVERITY_CANNOT);
          hr_reason_add_number (&reason, "freq_hz", self->i_needed_freq_hz);
          hr_reason_add_number (&reason, "i_needed_ma", self->i_needed_ma);
          hr_reason_add_number (&reason, "i_available_ma", source->max_current_ma);
          hr_reason_add_number (&reason, "clip_db", -self->headroom_db);
          hr_reason_add_number (&reason, "level_db_spl", self->level_db_spl);
        }
      else
        {
          hr_reason_init (&reason, HR_REASON_VOLTAGE_CLIPS, HR_REASON_SEVERITY_CANNOT);
          hr_reason_add_number (&reason, "level_db_spl", self->level_db_spl);
          hr_reason_add_number (&reason, "vmax_vrms", source->max_voltage_vrms);
          hr_reason_add_number (&reason, "spl_max_db", self->level_db_spl + self->headroom_db);
          hr_reason_add_number (&reason, "freq_hz", self->headroom_freq_hz);
        }
      g_array_append_val (reasons, reason);
      return;
    }

  if (self->headroom_db < self->crest_factor_db)
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      hr_reason_init (&reason, HR_REASON_LOW_HEADROOM, HR_REASON_SEVERITY_CAVEAT);
      hr_reason_add_number (&reason, "headroom_db", self->headroom_db);
      hr_reason_add_number (&reason, "level_db_spl", self->level_db_spl);
      hr_reason_add_number (&reason, "crest_factor_db", self->crest_factor_db);
      hr_reason_add_string (&reason, "limit", hr_limit_to_string (self->headroom_limit));
      hr_reason_add_number (&reason, "freq_hz", self->headroom_freq_hz);
      g_array_append_val (reasons, reason);
      return;
    }

  hr_reason_init (&reason, HR_REASON_HEADROOM, HR_REASON_SEVERITY_NOTE);
  hr_reason_add_number (&reason, "spl_max_db", self->spl_max_1k_db);
  hr_reason_add_string (&reason, "limit", hr_limit_to_string (self->limit_1k));
  hr_reason_add_number (&reason, "headroom_db", self->spl_max_1k_db - self->level_db_spl);
  g_array_append_val (reasons, reason);
}

/* Why the response moved at @freq_hz. A blocking capacitor is to blame
 * where its reactance outweighs the resistive output impedance there;
 * otherwise the 1/8 rule, or failing that, a load that swings widely. */
static void
add_deviation_cause (HrSummary       *self,
                     const HrCircuit *circuit,
                     double           freq_hz,
                     HrReason        *reason)
{
  const HrSource *source = &circuit->source;

  if (source->dc_block_uf > 0.0)
    {
      const double xc_ohm = 1.0 / (2.0 * G_PI * freq_hz * source->dc_block_uf * 1e-6);

      if (xc_ohm > source->output_impedance_ohm)
        {
          hr_reason_add_string (reason, "cause", "dc-block");
          hr_reason_add_number (reason, "dc_block_uf", source->dc_block_uf);
          hr_reason_add_number (reason, "xc_ohm", xc_ohm);
          return;
        }
    }

  if (!self->eighth_rule_holds)
    {
      hr_reason_add_string (reason, "cause", "eighth-rule");
      hr_reason_add_number (reason, "zout_ohm", self->zout_1k_ohm);
      hr_reason_add_number (reason, "z_nominal_ohm", self->z_nominal_ohm);
      return;
    }

  hr_reason_add_string (reason, "cause", "impedance-swing");
  hr_reason_add_number (reason, "z_min_ohm", self->z_min_ohm);
  hr_reason_add_number (reason, "z_max_ohm", self->z_max_ohm);
  hr_reason_add_number (reason, "zout_ohm", self->zout_1k_ohm);
}

static void
judge_deviation (HrSummary       *self,
                 const HrCircuit *circuit,
                 GArray          *reasons,
                 HrVerdict       *verdict)
{
  const double span_db = self->deviation_span_db;
  const gboolean rise_is_larger = self->dev_max_db >= -self->dev_min_db;
  const double dev_db = rise_is_larger ? self->dev_max_db : self->dev_min_db;
  const double freq_hz = rise_is_larger ? self->dev_max_freq_hz : self->dev_min_freq_hz;
  HrReason reason;

  if (span_db >= HR_DEVIATION_CAVEAT_DB)
    {
      /* A rise at the bass resonance is what the user would hear as more
       * bass: said so when the rise sits at the impedance's peak. */
      const gboolean at_resonance = dev_db > 0.0
                                 && self->z_max_freq_hz < HR_REFERENCE_FREQ_HZ / 2.0
                                 && fabs (log (freq_hz / self->z_max_freq_hz)) < log (1.25);

      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      hr_reason_init (&reason, HR_REASON_DEVIATION, HR_REASON_SEVERITY_CAVEAT);
      hr_reason_add_number (&reason, "dev_db", dev_db);
      hr_reason_add_number (&reason, "freq_hz", freq_hz);
      hr_reason_add_number (&reason, "span_db", span_db);
      hr_reason_add_boolean (&reason, "at_resonance", at_resonance);
      add_deviation_cause (self, circuit, freq_hz, &reason);
      g_array_append_val (reasons, reason);
      if (span_db < HR_DEVIATION_AUDIBLE_DB)
        {
          hr_reason_init (&reason, HR_REASON_DEVIATION_EDGE, HR_REASON_SEVERITY_DETAIL);
          hr_reason_add_number (&reason, "span_db", span_db);
          g_array_append_val (reasons, reason);
        }
      return;
    }

  if (!self->eighth_rule_holds)
    {
      hr_reason_init (&reason, HR_REASON_EIGHTH_RULE_FLAT, HR_REASON_SEVERITY_NOTE);
      hr_reason_add_number (&reason, "zout_ohm", self->zout_1k_ohm);
      hr_reason_add_number (&reason, "z_nominal_ohm", self->z_nominal_ohm);
      hr_reason_add_number (&reason, "span_db", span_db);
      g_array_append_val (reasons, reason);
      return;
    }

  hr_reason_init (&reason,
                  span_db >= HR_DEVIATION_INAUDIBLE_DB ? HR_REASON_DEVIATION_SLIGHT
                                                    : HR_REASON_DEVIATION_INAUDIBLE,
                  HR_REASON_SEVERITY_NOTE);
  hr_reason_add_number (&reason, "span_db", span_db);
  g_array_append_val (reasons, reason);
}

/* A line output or a mic preamp prints the load it is made for ("rated
 * load 600 Ω"); headphones below it are the app's lesson in one line. */
static void
judge_load (HrSummary *self,
            GArray    *reasons,
            HrVerdict *verdict)
{
  HrReason reason;

  if (!(self->min_load_ohm > 0.0) || !(self->z_min_ohm < self->min_load_ohm))
    return;
  *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
  hr_reason_init (&reason, HR_REASON_BELOW_RATED_LOAD, HR_REASON_SEVERITY_CAVEAT);
  hr_reason_add_number (&reason, "min_load_ohm", self->min_load_ohm);
  hr_reason_add_number (&reason, "z_1k_ohm", self->z_1k_ohm);
  hr_reason_add_number (&reason, "z_min_ohm", self->z_min_ohm);
  hr_reason_add_number (&reason, "z_min_freq_hz", self->z_min_freq_hz);
  g_array_append_val (reasons, reason);
}

static void
judge_noise (HrSummary *self,
             GArray    *reasons,
             HrVerdict *verdict)
{
  HrReason reason;

  /* Hiss is a level too: the sensitivity's reason says it was not checked. */
  if (!self->sensitivity_known)
    return;
  if (isnan (self->hiss_spl_db))
    {
      hr_reason_init (&reason, HR_REASON_NOISE_UNKNOWN, HR_REASON_SEVERITY_DETAIL);
      g_array_append_val (reasons, reason);
      return;
    }
  /* A noiseless (ideal) source has nothing to say. */
  if (!isfinite (self->hiss_spl_db))
    return;
  if (self->hiss_spl_db >= HR_HISS_AUDIBLE_DB_SPL)
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      hr_reason_init (&reason, HR_REASON_HISS, HR_REASON_SEVERITY_CAVEAT);
      hr_reason_add_number (&reason, "noise_vrms", self->noise_vrms);
    }
  else
    hr_reason_init (&reason, HR_REASON_HISS_INAUDIBLE, HR_REASON_SEVERITY_DETAIL);
  hr_reason_add_number (&reason, "hiss_spl_db", self->hiss_spl_db);
  hr_reason_add_number (&reason, "threshold_db_spl", HR_HISS_AUDIBLE_DB_SPL);
  g_array_append_val (reasons, reason);
}

/* What rests on an assumption is said to: an output impedance nobody
 * gave, a flat curve standing in for one nobody measured. */
static gboolean
judge_assumptions (HrSummary *self,
                   GArray    *reasons,
                   HrVerdict *verdict)
{
  HrReason reason;

  if (self->zout_assumed)
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      hr_reason_init (&reason, HR_REASON_ZOUT_ASSUMED, HR_REASON_SEVERITY_CAVEAT);
      hr_reason_add_number (&reason, "zout_ohm", self->zout_1k_ohm);
      g_array_append_val (reasons, reason);
    }
  if (!self->impedance_assumed)
    return FALSE;
  /* Under the 1/8 rule even a curve that swings moves the response
   * little; above it, the flat line hides what matters. */
  if (!self->eighth_rule_holds)
    *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
  hr_reason_init (&reason, HR_REASON_IMPEDANCE_ASSUMED,
                  self->eighth_rule_holds ? HR_REASON_SEVERITY_NOTE : HR_REASON_SEVERITY_CAVEAT);
  hr_reason_add_number (&reason, "z_nominal_ohm", self->z_nominal_ohm);
  hr_reason_add_boolean (&reason, "eighth_rule_holds", self->eighth_rule_holds);
  g_array_append_val (reasons, reason);
  return TRUE;
}

static gint
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const HrReason *ra = a;
  const HrReason *rb = b;

  return (gint) ra->severity - (gint) rb->severity;
}

void
hr_summary_judge (HrSummary       *self,
                  const HrCircuit *circuit)
{
  HrVerdict verdict = HR_VERDICT_DRIVES_WELL;

  judge_level (self, circuit, self->reasons, &verdict);
  judge_load (self, self->reasons, &verdict);
  /* A flat line assumed for the curve gives a flat response: nothing to
   * judge, and nothing to state as if it had been. */
  if (!judge_assumptions (self, self->reasons, &verdict))
    judge_deviation (self, circuit, self->reasons, &verdict);
  judge_noise (self, self->reasons, &verdict);

  /* g_array_sort is a merge sort, stable: reasons of one severity keep
   * the order in which they were added. */
  g_array_sort (self->reasons, compare_reasons);
  self->verdict = verdict;
}

const char *
hr_verdict_to_string (HrVerdict verdict)
{
  return hr_verdict_format (verdict, TRUE);
}

/**
 * hr_verdict_format:
 * @translate: %TRUE for the user's language, %FALSE for English (machine
 *   output)
 */
const char *
hr_verdict_format (HrVerdict verdict,
                   gboolean  translate)
{
  switch (verdict)
    {
    case HR_VERDICT_DRIVES_WELL:
      return hr_format_text (N_("Drives it well"), translate);
    case HR_VERDICT_CAVEATS:
      return hr_format_text (N_("Drives it with caveats"), translate);
    case HR_VERDICT_CANNOT_DRIVE:
      return hr_format_text (N_("Cannot drive it"), translate);
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
hr_verdict_to_id (HrVerdict verdict)
{
  switch (verdict)
    {
    case HR_VERDICT_DRIVES_WELL:
      return "drives-well";
    case HR_VERDICT_CAVEATS:
      return "caveats";
    case HR_VERDICT_CANNOT_DRIVE:
      return "cannot-drive";
    default:
      g_return_val_if_reached (NULL);
    }
}
