/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-format.h"
#include "hr-summary-private.h"

/* The verdict, and its reasons in words a musician understands.
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
 *  - Drives it well otherwise. An unknown current limit alone does not
 *    change the verdict, but the reasons say that the check was skipped.
 *
 * Each reason carries a weight; the most important come first, since the
 * app shows only the first three.
 */

#define DEVIATION_INAUDIBLE_DB 0.2
#define DEVIATION_CAVEAT_DB    0.5
#define DEVIATION_AUDIBLE_DB   1.0

typedef enum
{
  WEIGHT_CANNOT = 0,
  WEIGHT_CAVEAT = 10,
  WEIGHT_NOTE = 20,
  WEIGHT_DETAIL = 30,
} Weight;

typedef struct
{
  Weight  weight;
  char   *text;
} Reason;

static const char *
limit_name (HrLimit limit)
{
  switch (limit)
    {
    case HR_LIMIT_VOLTAGE:
      return _("voltage");
    case HR_LIMIT_CURRENT:
      return _("current");
    case HR_LIMIT_NONE:
      return _("none");
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
add_reason (GArray *reasons,
            Weight  weight,
            char   *text)
{
  Reason reason = { weight, text };

  g_array_append_val (reasons, reason);
}

static gint
compare_reasons (gconstpointer a,
                 gconstpointer b)
{
  const Reason *ra = a;
  const Reason *rb = b;

  return (gint) ra->weight - (gint) rb->weight;
}

static void
judge_level (HrSummary       *self,
             const HrCircuit *circuit,
             GArray          *reasons,
             HrVerdict       *verdict)
{
  const HrSource *source = &circuit->source;

  if (!hr_limit_is_known (source->max_voltage_vrms))
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      add_reason (reasons, WEIGHT_CAVEAT,
                  g_strdup (_("The source's maximum output voltage is unknown, so whether it gets loud enough was not checked.")));
    }
  if (!hr_limit_is_known (source->max_current_ma))
    add_reason (reasons, WEIGHT_NOTE,
                g_strdup (_("The source's current limit is unknown, so the current check was skipped.")));

  if (self->headroom_db == INFINITY)
    {
      if (source->max_voltage_vrms == INFINITY && source->max_current_ma == INFINITY)
        add_reason (reasons, WEIGHT_DETAIL,
                    g_strdup (_("No voltage or current limit was given, so clipping was not checked.")));
      return;
    }

  if (self->headroom_db < 0.0)
    {
      *verdict = HR_VERDICT_CANNOT_DRIVE;
      if (self->headroom_limit == HR_LIMIT_CURRENT)
        {
          /* Where the current limit binds hardest is where the most
           * current is drawn. */
          g_autofree char *freq = hr_format_freq (self->i_needed_freq_hz);

          add_reason (reasons, WEIGHT_CANNOT,
                      g_strdup_printf (_("At %s the headphones need %.0f mA, more than the %.0f mA the source can deliver: it clips %.1f dB below %.1f dB SPL."),
                                       freq, self->i_needed_ma, source->max_current_ma,
                                       -self->headroom_db, self->level_db_spl));
        }
      else
        add_reason (reasons, WEIGHT_CANNOT,
                    g_strdup_printf (_("It cannot reach %.1f dB SPL: its %.3g Vrms run out at %.1f dB SPL."),
                                     self->level_db_spl, source->max_voltage_vrms,
                                     self->level_db_spl + self->headroom_db));
      return;
    }

  if (self->headroom_db < self->crest_factor_db)
    {
      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      add_reason (reasons, WEIGHT_CAVEAT,
                  g_strdup_printf (_("Only %.1f dB of headroom above %.1f dB SPL: music peaks %.0f dB above the average will clip (%s limit)."),
                                   self->headroom_db, self->level_db_spl,
                                   self->crest_factor_db, limit_name (self->headroom_limit)));
      return;
    }

  add_reason (reasons, WEIGHT_NOTE,
              g_strdup_printf (_("Reaches %.1f dB SPL at 1 kHz before clipping (%s limit), %.1f dB above the level."),
                               self->spl_max_1k_db, limit_name (self->limit_1k),
                               self->spl_max_1k_db - self->level_db_spl));
}

/* What the largest change looks like: a rise at the bass resonance is the
 * classic case, and saying so tells the user what they would hear. */
static char *
describe_deviation (HrSummary *self,
                    double     dev_db,
                    double     freq_hz)
{
  g_autofree char *freq = hr_format_freq (freq_hz);
  const gboolean at_resonance = dev_db > 0.0
                             && self->z_max_freq_hz < HR_REFERENCE_FREQ_HZ / 2.0
                             && fabs (log (freq_hz / self->z_max_freq_hz)) < log (1.25);

  if (at_resonance)
    return g_strdup_printf (_("The bass resonance at %s rises %.1f dB"), freq, dev_db);
  if (dev_db > 0.0)
    return g_strdup_printf (_("The response at %s rises %.1f dB against 1 kHz"), freq, dev_db);
  return g_strdup_printf (_("The response at %s falls %.1f dB against 1 kHz"), freq, -dev_db);
}

static char *
explain_deviation (HrSummary       *self,
                   const HrCircuit *circuit,
                   double           freq_hz)
{
  const HrSource *source = &circuit->source;
  g_autofree char *zout = hr_format_ohm (self->zout_1k_ohm);
  g_autofree char *znom = hr_format_ohm (self->z_nominal_ohm);

  /* A blocking capacitor is to blame where its reactance outweighs the
   * resistive output impedance at the frequency that moved most. */
  if (source->dc_block_uf > 0.0)
    {
      const double xc_ohm = 1.0 / (2.0 * G_PI * freq_hz * source->dc_block_uf * 1e-6);

      if (xc_ohm > source->output_impedance_ohm)
        {
          g_autofree char *xc = hr_format_ohm (xc_ohm);
          g_autofree char *freq = hr_format_freq (freq_hz);

          return g_strdup_printf (_("the output's %.3g µF DC-blocking capacitor has risen to %s at %s"),
                                  source->dc_block_uf, xc, freq);
        }
    }

  if (!self->eighth_rule_holds)
    return g_strdup_printf (_("the %s output impedance is more than 1/8 of the headphones' %s"),
                            zout, znom);

  {
    g_autofree char *zmin = hr_format_ohm (self->z_min_ohm);
    g_autofree char *zmax = hr_format_ohm (self->z_max_ohm);

    return g_strdup_printf (_("the headphones' impedance swings from %s to %s, and even %s of output impedance divides that unevenly"),
                            zmin, zmax, zout);
  }
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

  if (span_db >= DEVIATION_CAVEAT_DB)
    {
      g_autofree char *what = describe_deviation (self, dev_db, freq_hz);
      g_autofree char *why = explain_deviation (self, circuit, freq_hz);

      *verdict = MAX (*verdict, HR_VERDICT_CAVEATS);
      /* Translators: "<what happens> because <why>." */
      add_reason (reasons, WEIGHT_CAVEAT, g_strdup_printf (_("%s because %s."), what, why));
      if (span_db < DEVIATION_AUDIBLE_DB)
        add_reason (reasons, WEIGHT_DETAIL,
                    g_strdup_printf (_("A broad change of %.1f dB is at the edge of what listeners notice."),
                                     span_db));
      return;
    }

  if (!self->eighth_rule_holds)
    {
      g_autofree char *zout = hr_format_ohm (self->zout_1k_ohm);
      g_autofree char *znom = hr_format_ohm (self->z_nominal_ohm);

      add_reason (reasons, WEIGHT_NOTE,
                  g_strdup_printf (_("The %s output impedance breaks the 1/8 rule for these %s headphones, but their impedance is flat enough that the response moves only %.2f dB."),
                                   zout, znom, span_db));
      return;
    }

  if (span_db >= DEVIATION_INAUDIBLE_DB)
    add_reason (reasons, WEIGHT_NOTE,
                g_strdup_printf (_("The source moves the frequency response by %.2f dB, around the 0.2 dB that blind tests detect."),
                                 span_db));
  else
    add_reason (reasons, WEIGHT_NOTE,
                g_strdup_printf (_("The source moves the frequency response by only %.2f dB, below the 0.2 dB that blind tests detect."),
                                 span_db));
}

void
hr_summary_judge (HrSummary       *self,
                  const HrCircuit *circuit)
{
  g_autoptr(GArray) reasons = g_array_new (FALSE, FALSE, sizeof (Reason));
  HrVerdict verdict = HR_VERDICT_DRIVES_WELL;

  judge_level (self, circuit, reasons, &verdict);
  judge_deviation (self, circuit, reasons, &verdict);

  /* A stable sort keeps the order in which reasons of one weight were added. */
  g_array_sort (reasons, compare_reasons);
  for (guint i = 0; i < reasons->len; i++)
    g_ptr_array_add (self->reasons, g_array_index (reasons, Reason, i).text);

  self->verdict = verdict;
}

const char *
hr_verdict_to_string (HrVerdict verdict)
{
  switch (verdict)
    {
    case HR_VERDICT_DRIVES_WELL:
      return _("Drives it well");
    case HR_VERDICT_CAVEATS:
      return _("Drives it with caveats");
    case HR_VERDICT_CANNOT_DRIVE:
      return _("Cannot drive it");
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
