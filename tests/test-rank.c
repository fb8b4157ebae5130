/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib.h>

#include "hr-core.h"

/* The ranking's order from summaries alone (hr-rank.h): the score is the
 * documented formula, the verdict comes before it, and what a verdict
 * lacks keeps a candidate out of the ranking. */

static HrSummary *
summary_new (HrVerdict verdict,
             double    headroom_db,
             double    span_db,
             double    hiss_spl_db)
{
  HrSummary *summary = g_new0 (HrSummary, 1);

  summary->verdict = verdict;
  summary->headroom_db = headroom_db;
  summary->crest_factor_db = 12.0;
  summary->deviation_span_db = span_db;
  summary->hiss_spl_db = hiss_spl_db;
  summary->voc_available_vrms = 2.0;
  summary->sensitivity_known = TRUE;
  summary->reasons = g_array_new (FALSE, TRUE, sizeof (HrReason));
  return summary;
}

static void
add_reason (HrSummary        *summary,
            HrReasonCode      code,
            HrReasonSeverity  severity)
{
  HrReason reason;

  hr_reason_init (&reason, code, severity);
  g_array_append_val (summary->reasons, reason);
}

static void
test_score (void)
{
  g_autoptr(HrSummary) plain = summary_new (HR_VERDICT_DRIVES_WELL, 20.0, 0.3, NAN);
  g_autoptr(HrSummary) capped = summary_new (HR_VERDICT_DRIVES_WELL, INFINITY, 0.0, -INFINITY);
  g_autoptr(HrSummary) hissing = summary_new (HR_VERDICT_DRIVES_WELL, 40.0, 0.0, 6.5);
  g_autoptr(HrSummary) quiet = summary_new (HR_VERDICT_DRIVES_WELL, 40.0, 0.0, -10.0);

  /* (20 − 12) − 10 × 0.3 */
  g_assert_cmpfloat_with_epsilon (hr_rank_score (plain), 5.0, 1e-12);
  /* No limit: the 20 dB cap. */
  g_assert_cmpfloat (hr_rank_score (capped), ==, 20.0);
  /* Hiss 6.5 dB SPL costs 6.5 dB; below the threshold nothing. */
  g_assert_cmpfloat_with_epsilon (hr_rank_score (hissing), 20.0 - 6.5, 1e-12);
  g_assert_cmpfloat (hr_rank_score (quiet), ==, 20.0);
}

static void
test_compare (void)
{
  g_autoptr(HrSummary) well = summary_new (HR_VERDICT_DRIVES_WELL, 13.0, 0.0, NAN);
  g_autoptr(HrSummary) better_score_but_caveats = summary_new (HR_VERDICT_CAVEATS, 60.0, 0.0, NAN);
  g_autoptr(HrSummary) cannot = summary_new (HR_VERDICT_CANNOT_DRIVE, 60.0, 0.0, NAN);
  g_autoptr(HrSummary) well_flatter = summary_new (HR_VERDICT_DRIVES_WELL, 13.0, 0.0, NAN);

  /* The verdict first, whatever the score. */
  g_assert_cmpint (hr_rank_compare (well, better_score_but_caveats), <, 0);
  g_assert_cmpint (hr_rank_compare (better_score_but_caveats, cannot), <, 0);
  g_assert_cmpint (hr_rank_compare (cannot, well), >, 0);
  /* Then the score; equal is equal. */
  well_flatter->headroom_db = 14.0;
  g_assert_cmpint (hr_rank_compare (well_flatter, well), <, 0);
  g_assert_cmpint (hr_rank_compare (well, well), ==, 0);
}

static void
test_missing (void)
{
  g_autoptr(HrSummary) summary = summary_new (HR_VERDICT_DRIVES_WELL, 20.0, 0.0, NAN);

  g_assert_cmpint (hr_rank_missing (summary), ==, HR_RANK_MISSING_NONE);
  summary->voc_available_vrms = NAN;
  summary->impedance_assumed = TRUE;
  g_assert_cmpint (hr_rank_missing (summary), ==, HR_RANK_MISSING_MAX_VOLTAGE | HR_RANK_MISSING_IMPEDANCE_CURVE);
  summary->zout_assumed = TRUE;
  g_assert_true (hr_rank_missing (summary) & HR_RANK_MISSING_OUTPUT_IMPEDANCE);
  summary->sensitivity_known = FALSE;
  g_assert_true (hr_rank_missing (summary) & HR_RANK_MISSING_SENSITIVITY);
  summary->sensitivity_known = TRUE;
  g_assert_cmpstr (hr_rank_missing_to_field (HR_RANK_MISSING_MAX_VOLTAGE), ==, "max_voltage_vrms");
  /* An unknown current limit alone is a note of the verdict's, not a gap. */
  summary->voc_available_vrms = 2.0;
  summary->impedance_assumed = FALSE;
  summary->zout_assumed = FALSE;
  summary->i_available_ma = NAN;
  g_assert_cmpint (hr_rank_missing (summary), ==, HR_RANK_MISSING_NONE);
}

static void
test_deciding_reason (void)
{
  g_autoptr(HrSummary) well = summary_new (HR_VERDICT_DRIVES_WELL, 20.0, 0.0, NAN);
  g_autoptr(HrSummary) caveats = summary_new (HR_VERDICT_CAVEATS, 20.0, 0.6, NAN);

  add_reason (well, HR_REASON_CURRENT_UNKNOWN, HR_REASON_SEVERITY_NOTE);
  add_reason (well, HR_REASON_HEADROOM, HR_REASON_SEVERITY_NOTE);
  g_assert_cmpint (hr_rank_deciding_reason (well)->code, ==, HR_REASON_HEADROOM);

  add_reason (caveats, HR_REASON_HEADROOM, HR_REASON_SEVERITY_NOTE);
  add_reason (caveats, HR_REASON_DEVIATION, HR_REASON_SEVERITY_CAVEAT);
  g_assert_cmpint (hr_rank_deciding_reason (caveats)->code, ==, HR_REASON_DEVIATION);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rank/score", test_score);
  g_test_add_func ("/rank/compare", test_compare);
  g_test_add_func ("/rank/missing", test_missing);
  g_test_add_func ("/rank/deciding-reason", test_deciding_reason);

  return g_test_run ();
}
