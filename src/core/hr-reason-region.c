/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-reason-region.h"
#include "hr-summary-private.h"

/* The region a reason speaks of, found in the sweep it was judged on:
 *
 *  - a response change: the band around its largest change where the
 *    change passes 0.2 dB, what blind tests resolve (a slight change:
 *    where it passes half its largest), on the deviation chart;
 *  - clipping by the voltage: the band around the worst point where the
 *    level is above the ceiling, on the SPL chart; too little headroom:
 *    where the headroom is less than the crest factor; the headroom at
 *    1 kHz: there;
 *  - clipping by the current: where the current peaks, a twelfth of an
 *    octave either side, against the limit, on the current chart;
 *  - hiss: the hiss line on the SPL chart;
 *  - a load below the rated one: where |Z| is below it, and that level;
 *    an assumed output impedance or curve, or the 1/8 rule on a flat
 *    load: the line it is about, on the impedance chart.
 *
 * The rest (a figure that is not known, no limits) speak of no place on
 * the charts. A band is a run of the sweep's points, within the band the
 * summary was taken over; a run of one point is widened to a twelfth of
 * an octave either side, so that it shows. */

/* 2^(1/12): a twelfth of an octave, a finger's width on the charts. */
#define TWELFTH_OCTAVE 1.0594630943592953

/* Where a hiss line's marker goes: where the ear hears hiss best, 3–4 kHz
 * (ISO 226:2003). */
#define HISS_MARK_HZ 3500.0

typedef gboolean (*PointTest) (const HrSweep *sweep,
                               guint          i,
                               double         threshold);

static gboolean
deviation_above (const HrSweep *sweep,
                 guint          i,
                 double         threshold_db)
{
  return fabs (sweep->dev_db[i]) > threshold_db;
}

static gboolean
clips (const HrSweep *sweep,
       guint          i,
       double         threshold G_GNUC_UNUSED)
{
  return sweep->spl_db[i] > sweep->spl_max_db[i];
}

static gboolean
headroom_below (const HrSweep *sweep,
                guint          i,
                double         threshold_db)
{
  return sweep->spl_max_db[i] - sweep->spl_db[i] < threshold_db;
}

static gboolean
load_below (const HrSweep *sweep,
            guint          i,
            double         threshold_ohm)
{
  return sweep->z_mag_ohm[i] < threshold_ohm;
}

/* The sweep's points in the band the summary was taken over, [first, end). */
static void
summary_band (const HrSummary *summary,
              const HrSweep   *sweep,
              guint           *first,
              guint           *end)
{
  *first = 0;
  *end = sweep->n_points;
  while (*first < sweep->n_points && sweep->freq_hz[*first] < summary->band_min_hz * (1.0 - 1e-9))
    (*first)++;
  while (*end > *first && sweep->freq_hz[*end - 1] > summary->band_max_hz * (1.0 + 1e-9))
    (*end)--;
}

static guint
nearest_index (const HrSweep *sweep,
               guint          first,
               guint          end,
               double         freq_hz)
{
  guint best = first;

  for (guint i = first; i < end; i++)
    if (fabs (log (sweep->freq_hz[i] / freq_hz)) < fabs (log (sweep->freq_hz[best] / freq_hz)))
      best = i;
  return best;
}

static void
set_point_band (HrReasonRegion *region,
                double          freq_hz)
{
  region->lo_hz = freq_hz / TWELFTH_OCTAVE;
  region->hi_hz = freq_hz * TWELFTH_OCTAVE;
}

/* The run of points around @freq_hz that pass @test; a point's band
 * where even that one does not, or the run is that one alone. */
static void
set_band_around (HrReasonRegion  *region,
                 const HrSummary *summary,
                 const HrSweep   *sweep,
                 double           freq_hz,
                 PointTest        test,
                 double           threshold)
{
  guint first;
  guint end;
  guint lo;
  guint hi;

  summary_band (summary, sweep, &first, &end);
  if (first >= end)
    {
      set_point_band (region, freq_hz);
      return;
    }
  lo = hi = nearest_index (sweep, first, end, freq_hz);
  if (!test (sweep, lo, threshold))
    {
      set_point_band (region, freq_hz);
      return;
    }
  while (lo > first && test (sweep, lo - 1, threshold))
    lo--;
  while (hi + 1 < end && test (sweep, hi + 1, threshold))
    hi++;
  if (lo == hi)
    {
      set_point_band (region, sweep->freq_hz[lo]);
      return;
    }
  region->lo_hz = sweep->freq_hz[lo];
  region->hi_hz = sweep->freq_hz[hi];
}

/* The value of an array of the sweep at the point nearest @freq_hz. */
static double
value_at (const HrSummary *summary,
          const HrSweep   *sweep,
          const double    *values,
          double           freq_hz)
{
  guint first;
  guint end;

  summary_band (summary, sweep, &first, &end);
  if (first >= end)
    return NAN;
  return values[nearest_index (sweep, first, end, freq_hz)];
}

static void
set_mark (HrReasonRegion *region,
          double          freq_hz,
          double          value)
{
  region->mark_hz = freq_hz;
  region->mark_value = value;
}

/* A number the reason carries, or @fallback where it has none. */
static double
number_or (const HrReason *reason,
           const char     *key,
           double          fallback)
{
  return hr_reason_find (reason, key) != NULL ? hr_reason_get_number (reason, key) : fallback;
}

/**
 * hr_reason_get_region:
 * @reason: a reason of @summary
 * @summary: the summary it was judged in
 * @sweep: the sweep @summary was computed on
 * @region: (out): the region, or one on %HR_REGION_CHART_NONE
 *
 * Returns: whether @reason speaks of a region of the charts
 */
gboolean
hr_reason_get_region (const HrReason  *reason,
                      const HrSummary *summary,
                      const HrSweep   *sweep,
                      HrReasonRegion  *region)
{
  g_return_val_if_fail (reason != NULL, FALSE);
  g_return_val_if_fail (summary != NULL, FALSE);
  g_return_val_if_fail (sweep != NULL, FALSE);
  g_return_val_if_fail (region != NULL, FALSE);

  region->chart = HR_REGION_CHART_NONE;
  region->lo_hz = region->hi_hz = NAN;
  region->level = NAN;
  region->mark_hz = region->mark_value = NAN;
  if (sweep->n_points == 0)
    return FALSE;

  switch (reason->code)
    {
    case HR_REASON_DEVIATION:
    case HR_REASON_DEVIATION_EDGE:
    case HR_REASON_DEVIATION_SLIGHT:
      {
        /* The largest change, rise or fall, as the verdict names it. */
        const gboolean rise = summary->dev_max_db >= -summary->dev_min_db;
        const double peak_db = rise ? summary->dev_max_db : summary->dev_min_db;
        const double peak_hz = rise ? summary->dev_max_freq_hz : summary->dev_min_freq_hz;
        const double threshold_db = reason->code == HR_REASON_DEVIATION_SLIGHT
                                    ? fabs (peak_db) / 2.0 : HR_DEVIATION_INAUDIBLE_DB;

        if (!isfinite (peak_db) || !(peak_hz > 0.0))
          return FALSE;
        region->chart = HR_REGION_CHART_DEVIATION;
        set_band_around (region, summary, sweep, peak_hz, deviation_above, threshold_db);
        set_mark (region, peak_hz, peak_db);
        return TRUE;
      }

    case HR_REASON_VOLTAGE_CLIPS:
    case HR_REASON_LOW_HEADROOM:
      {
        const double freq_hz = number_or (reason, "freq_hz", summary->headroom_freq_hz);

        if (!(freq_hz > 0.0))
          return FALSE;
        region->chart = HR_REGION_CHART_SPL;
        if (reason->code == HR_REASON_VOLTAGE_CLIPS)
          set_band_around (region, summary, sweep, freq_hz, clips, 0.0);
        else
          set_band_around (region, summary, sweep, freq_hz, headroom_below, summary->crest_factor_db);
        set_mark (region, freq_hz, value_at (summary, sweep, sweep->spl_max_db, freq_hz));
        return TRUE;
      }

    case HR_REASON_HEADROOM:
      if (!isfinite (summary->spl_max_1k_db))
        return FALSE;
      region->chart = HR_REGION_CHART_SPL;
      set_point_band (region, HR_REFERENCE_FREQ_HZ);
      set_mark (region, HR_REFERENCE_FREQ_HZ, summary->spl_max_1k_db);
      return TRUE;

    case HR_REASON_CURRENT_CLIPS:
      {
        const double freq_hz = number_or (reason, "freq_hz", summary->i_needed_freq_hz);

        if (!(freq_hz > 0.0))
          return FALSE;
        region->chart = HR_REGION_CHART_CURRENT;
        set_point_band (region, freq_hz);
        region->level = number_or (reason, "i_available_ma", NAN);
        set_mark (region, freq_hz, number_or (reason, "i_needed_ma", summary->i_needed_ma));
        return TRUE;
      }

    case HR_REASON_HISS:
    case HR_REASON_HISS_INAUDIBLE:
      {
        const double hiss_db = number_or (reason, "hiss_spl_db", summary->hiss_spl_db);

        if (!isfinite (hiss_db))
          return FALSE;
        region->chart = HR_REGION_CHART_SPL;
        region->level = hiss_db;
        set_mark (region, HISS_MARK_HZ, hiss_db);
        return TRUE;
      }

    case HR_REASON_BELOW_RATED_LOAD:
      {
        const double min_load_ohm = number_or (reason, "min_load_ohm", summary->min_load_ohm);
        const double z_min_freq_hz = number_or (reason, "z_min_freq_hz", summary->z_min_freq_hz);

        if (!(min_load_ohm > 0.0) || !(z_min_freq_hz > 0.0))
          return FALSE;
        region->chart = HR_REGION_CHART_IMPEDANCE;
        set_band_around (region, summary, sweep, z_min_freq_hz, load_below, min_load_ohm);
        region->level = min_load_ohm;
        set_mark (region, z_min_freq_hz, number_or (reason, "z_min_ohm", summary->z_min_ohm));
        return TRUE;
      }

    case HR_REASON_ZOUT_ASSUMED:
    case HR_REASON_IMPEDANCE_ASSUMED:
    case HR_REASON_EIGHTH_RULE_FLAT:
      {
        /* The line the reason is about: Zout, the headphones' assumed
         * flat curve, or the 8 × Zout that the 1/8 rule holds |Z| to. */
        double level = reason->code == HR_REASON_IMPEDANCE_ASSUMED
                       ? number_or (reason, "z_nominal_ohm", summary->z_nominal_ohm)
                       : number_or (reason, "zout_ohm", summary->zout_1k_ohm);

        if (reason->code == HR_REASON_EIGHTH_RULE_FLAT)
          level *= 8.0;
        if (!(level > 0.0) || !isfinite (level))
          return FALSE;
        region->chart = HR_REGION_CHART_IMPEDANCE;
        region->level = level;
        set_mark (region, HR_REFERENCE_FREQ_HZ, level);
        return TRUE;
      }

    case HR_REASON_VOLTAGE_UNKNOWN:
    case HR_REASON_CURRENT_UNKNOWN:
    case HR_REASON_DEVIATION_INAUDIBLE:
    case HR_REASON_NO_LIMITS:
    case HR_REASON_NOISE_UNKNOWN:
    case HR_REASON_VOLTAGE_BY_LOAD:
    case HR_REASON_SENSITIVITY_UNKNOWN:
    case HR_N_REASON_CODES:
    default:
      return FALSE;
    }
}
