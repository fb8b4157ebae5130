/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-summary.h"

G_BEGIN_DECLS

/* How `headroom-cli rank` and the Alternatives view order candidates
 * (README, "Ranking"): the verdict first, then a score in dB from the
 * figures that decide it, never a hidden weighting:
 *
 *   score = min(headroom − crest factor, 20 dB)
 *           − 10 × response change
 *           − max(hiss, 0 dB SPL)
 *
 * Headroom above the music's peaks counts up to 20 dB, beyond which more
 * changes nothing anyone hears; each 0.1 dB of response change costs 1 dB,
 * so the 0.2 dB that blind tests detect weighs as 2 dB of headroom; hiss
 * counts by how far it is above the threshold of hearing. A candidate
 * whose verdict rests on a figure nobody published is not ranked: it is
 * listed apart, as "can't tell", with what is missing. */

#define HR_RANK_HEADROOM_CAP_DB      20.0
#define HR_RANK_DEVIATION_WEIGHT     10.0

/* What a candidate's verdict lacks, by the preset field it would come
 * from. */
typedef enum
{
  HR_RANK_MISSING_NONE             = 0,
  HR_RANK_MISSING_OUTPUT_IMPEDANCE = 1 << 0,  /* output_impedance_ohm: nothing can be computed */
  HR_RANK_MISSING_MAX_VOLTAGE      = 1 << 1,  /* max_voltage_vrms: clipping is not checked */
  HR_RANK_MISSING_IMPEDANCE_CURVE  = 1 << 2,  /* impedance: the response change is not known */
  HR_RANK_MISSING_SENSITIVITY      = 1 << 3,  /* sensitivity: the level and the headroom are not known */
} HrRankMissing;

#define HR_RANK_N_MISSING 4

double         hr_rank_score            (const HrSummary *summary);
HrRankMissing  hr_rank_missing          (const HrSummary *summary);
int            hr_rank_compare          (const HrSummary *a,
                                         const HrSummary *b);
const HrReason *hr_rank_deciding_reason (const HrSummary *summary);
const char    *hr_rank_missing_to_field (HrRankMissing    missing);
const char    *hr_rank_missing_to_string (HrRankMissing   missing);

G_END_DECLS
