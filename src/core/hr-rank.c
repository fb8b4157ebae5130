/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-rank.h"

/* The order of candidates, from their summaries alone, so that the CLI,
 * the window and the tests cannot disagree on it (hr-rank.h). */

/**
 * hr_rank_score:
 *
 * Returns: the score in dB within a verdict: higher is better
 */
double
hr_rank_score (const HrSummary *summary)
{
  double margin_db;
  double hiss_db;

  g_return_val_if_fail (summary != NULL, -INFINITY);

  /* Headroom is INFINITY where nothing limits: the cap holds it. */
  margin_db = MIN (summary->headroom_db - summary->crest_factor_db, HR_RANK_HEADROOM_CAP_DB);
  hiss_db = isfinite (summary->hiss_spl_db) ? MAX (summary->hiss_spl_db - HR_HISS_AUDIBLE_DB_SPL, 0.0) : 0.0;
  return margin_db - HR_RANK_DEVIATION_WEIGHT * summary->deviation_span_db - hiss_db;
}

/**
 * hr_rank_missing:
 *
 * Returns: the figures the verdict of @summary lacks; a candidate with
 *   any is "can't tell". An unknown current limit is not among them: the
 *   verdict treats it as a note, since a source is rarely current-bound
 *   where its voltage is known to suffice, and says so.
 */
HrRankMissing
hr_rank_missing (const HrSummary *summary)
{
  HrRankMissing missing = HR_RANK_MISSING_NONE;

  g_return_val_if_fail (summary != NULL, HR_RANK_MISSING_NONE);

  if (isnan (summary->voc_available_vrms))
    missing |= HR_RANK_MISSING_MAX_VOLTAGE;
  if (summary->impedance_assumed)
    missing |= HR_RANK_MISSING_IMPEDANCE_CURVE;
  if (summary->zout_assumed)
    missing |= HR_RANK_MISSING_OUTPUT_IMPEDANCE;
  if (!summary->sensitivity_known)
    missing |= HR_RANK_MISSING_SENSITIVITY;
  return missing;
}

/**
 * hr_rank_compare:
 *
 * The order of two candidates that can be told: the better first, as a
 * #GCompareFunc orders. Equal scores keep their order (a stable sort).
 */
int
hr_rank_compare (const HrSummary *a,
                 const HrSummary *b)
{
  double score_a;
  double score_b;

  if (a->verdict != b->verdict)
    return a->verdict < b->verdict ? -1 : 1;
  score_a = hr_rank_score (a);
  score_b = hr_rank_score (b);
  return (score_a < score_b) - (score_a > score_b);
}

/**
 * hr_rank_deciding_reason:
 *
 * The reason that decided the verdict, for a ranking's one line: the
 * first that weighs as much as the verdict (a reason it cannot drive, a
 * caveat); for one that drives well, the first that says something of
 * this pair rather than of a figure nobody published.
 *
 * Returns: (nullable): a reason of @summary
 */
const HrReason *
hr_rank_deciding_reason (const HrSummary *summary)
{
  HrReasonSeverity wanted;

  g_return_val_if_fail (summary != NULL, NULL);

  wanted = summary->verdict == HR_VERDICT_CANNOT_DRIVE ? HR_REASON_SEVERITY_CANNOT
           : summary->verdict == HR_VERDICT_CAVEATS ? HR_REASON_SEVERITY_CAVEAT
           : HR_REASON_SEVERITY_NOTE;
  for (guint i = 0; i < summary->reasons->len; i++)
    {
      const HrReason *reason = &g_array_index (summary->reasons, HrReason, i);

      if (reason->severity != wanted)
        continue;
      if (reason->code == HR_REASON_CURRENT_UNKNOWN || reason->code == HR_REASON_VOLTAGE_UNKNOWN
          || reason->code == HR_REASON_NOISE_UNKNOWN || reason->code == HR_REASON_SENSITIVITY_UNKNOWN
          || reason->code == HR_REASON_ZOUT_ASSUMED || reason->code == HR_REASON_IMPEDANCE_ASSUMED)
        continue;
      return reason;
    }
  return summary->reasons->len > 0 ? &g_array_index (summary->reasons, HrReason, 0) : NULL;
}

/* The preset field a missing figure comes from, for scripts. */
const char *
hr_rank_missing_to_field (HrRankMissing missing)
{
  switch (missing)
    {
    case HR_RANK_MISSING_OUTPUT_IMPEDANCE:
      return "output_impedance_ohm";
    case HR_RANK_MISSING_MAX_VOLTAGE:
      return "max_voltage_vrms";
    case HR_RANK_MISSING_IMPEDANCE_CURVE:
      return "impedance";
    case HR_RANK_MISSING_SENSITIVITY:
      return "sensitivity";
    case HR_RANK_MISSING_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The same, for people. */
const char *
hr_rank_missing_to_string (HrRankMissing missing)
{
  switch (missing)
    {
    case HR_RANK_MISSING_OUTPUT_IMPEDANCE:
      return _("output impedance");
    case HR_RANK_MISSING_MAX_VOLTAGE:
      return _("maximum voltage");
    case HR_RANK_MISSING_IMPEDANCE_CURVE:
      return _("impedance curve");
    case HR_RANK_MISSING_SENSITIVITY:
      return _("sensitivity");
    case HR_RANK_MISSING_NONE:
    default:
      g_return_val_if_reached (NULL);
    }
}
