/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-chart-private.h"

/* A trace is shared between the app's pin, the view and an export in
 * flight, so it is reference-counted; the sweep it shows is usually the
 * app's (recomputed in place on every slider step), hence borrowed. */

HrChartTrace *
hr_chart_trace_new (const char     *label,
                    HrSweep        *sweep,
                    GDestroyNotify  sweep_free)
{
  HrChartTrace *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (sweep != NULL, NULL);

  self = g_new0 (HrChartTrace, 1);
  g_ref_count_init (&self->ref_count);
  self->label = g_strdup (label);
  self->sweep = sweep;
  self->sweep_free = sweep_free;
  self->current_limit_ma = NAN;
  self->hiss_spl_db = NAN;
  self->visible = TRUE;

  return self;
}

/* The charts that show what the source does to the response: nothing to
 * show when the headphones' impedance curve is not known. */
gboolean
hr_chart_kind_needs_curve (HrChartKind kind)
{
  return kind == HR_CHART_DEVIATION || kind == HR_CHART_RESPONSE;
}

gboolean
hr_chart_trace_get_deviation_known (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return !self->deviation_unknown;
}

HrChartTrace *
hr_chart_trace_ref (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
hr_chart_trace_unref (HrChartTrace *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  if (self->sweep_free != NULL)
    self->sweep_free (self->sweep);
  g_free (self->label);
  g_free (self);
}

const char *
hr_chart_trace_get_label (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

void
hr_chart_trace_set_label (HrChartTrace *self,
                          const char   *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  g_free (self->label);
  self->label = g_strdup (label);
}

const HrSweep *
hr_chart_trace_get_sweep (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sweep;
}

/* |Zout| as the headphone sees it at the sweep's @index: a DC-blocking
 * capacitor makes it rise in the bass, and the 1/8 rule is then broken
 * there first. The sweep computes it (its zth_ohm column). */
double
hr_chart_trace_get_zout_ohm (HrChartTrace *self,
                             guint         index)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (index >= self->sweep->n_points)
    return NAN;
  return self->sweep->zth_ohm[index];
}

/**
 * hr_chart_trace_value_at:
 *
 * The value that chart @kind draws for this trace at @freq_hz, between
 * the sweep's points as the chart draws it: linear in log f. Held at the
 * ends. What a hover card reads.
 *
 * Returns: the value, NAN for an empty sweep
 */
double
hr_chart_trace_value_at (HrChartTrace *self,
                         HrChartKind   kind,
                         double        freq_hz)
{
  const HrSweep *sweep;
  const double *values;
  guint lo = 0;
  guint hi;
  double t;

  g_return_val_if_fail (self != NULL, NAN);

  sweep = self->sweep;
  switch (kind)
    {
    case HR_CHART_IMPEDANCE:
      values = sweep->z_mag_ohm;
      break;
    case HR_CHART_CURRENT:
      values = sweep->i_ma;
      break;
    case HR_CHART_SPL:
      values = sweep->spl_db;
      break;
    case HR_CHART_DEVIATION:
      values = sweep->dev_db;
      break;
    case HR_CHART_RESPONSE:
      values = sweep->fr_pred_db;
      break;
    default:
      g_return_val_if_reached (NAN);
    }

  if (sweep->n_points == 0 || (self->deviation_unknown && hr_chart_kind_needs_curve (kind)))
    return NAN;
  hi = sweep->n_points - 1;
  if (freq_hz <= sweep->freq_hz[0])
    return values[0];
  if (freq_hz >= sweep->freq_hz[hi])
    return values[hi];
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (sweep->freq_hz[mid] <= freq_hz)
        lo = mid;
      else
        hi = mid;
    }
  t = log (freq_hz / sweep->freq_hz[lo]) / log (sweep->freq_hz[hi] / sweep->freq_hz[lo]);
  return values[lo] + t * (values[hi] - values[lo]);
}

/* The index of the sweep's point nearest @freq_hz in log f. */
static guint
nearest_point (const HrSweep *sweep,
               double         freq_hz)
{
  guint best = 0;

  for (guint i = 1; i < sweep->n_points; i++)
    if (fabs (log (sweep->freq_hz[i] / freq_hz)) < fabs (log (sweep->freq_hz[best] / freq_hz)))
      best = i;
  return best;
}

/**
 * hr_chart_trace_ceiling_at:
 * @limit: (out) (optional): what binds there: voltage, current or none
 *
 * The clean ceiling that the SPL chart draws at @freq_hz, and which limit
 * sets it: what the hover card adds to the level.
 *
 * Returns: the ceiling in dB SPL, INFINITY where nothing limits, NAN for
 *   an empty sweep
 */
double
hr_chart_trace_ceiling_at (HrChartTrace *self,
                           double        freq_hz,
                           HrLimit      *limit)
{
  const HrSweep *sweep;
  guint i;

  g_return_val_if_fail (self != NULL, NAN);

  sweep = self->sweep;
  if (limit != NULL)
    *limit = HR_LIMIT_NONE;
  if (sweep->n_points == 0)
    return NAN;
  i = nearest_point (sweep, freq_hz);
  if (limit != NULL)
    *limit = sweep->limit[i];
  if (!isfinite (sweep->spl_max_db[i]))
    return sweep->spl_max_db[i];
  /* Between the points as the chart draws it, where both are finite. */
  {
    const double *spl_max = sweep->spl_max_db;
    guint lo = i;
    guint hi = i;
    double t;

    if (freq_hz < sweep->freq_hz[i] && i > 0)
      lo = i - 1;
    else if (freq_hz > sweep->freq_hz[i] && i + 1 < sweep->n_points)
      hi = i + 1;
    if (lo == hi || !isfinite (spl_max[lo]) || !isfinite (spl_max[hi]))
      return spl_max[i];
    t = log (freq_hz / sweep->freq_hz[lo]) / log (sweep->freq_hz[hi] / sweep->freq_hz[lo]);
    return spl_max[lo] + t * (spl_max[hi] - spl_max[lo]);
  }
}

/* NAN for unknown (nothing is drawn), INFINITY for no limit. */
void
hr_chart_trace_set_current_limit_ma (HrChartTrace *self,
                                     double        limit_ma)
{
  g_return_if_fail (self != NULL);

  self->current_limit_ma = limit_ma;
}

double
hr_chart_trace_get_current_limit_ma (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->current_limit_ma;
}

void
hr_chart_trace_set_slot (HrChartTrace *self,
                         guint         slot)
{
  g_return_if_fail (self != NULL);

  self->slot = slot % HR_CHART_N_SLOTS;
}

guint
hr_chart_trace_get_slot (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->slot;
}

void
hr_chart_trace_set_visible (HrChartTrace *self,
                            gboolean      visible)
{
  g_return_if_fail (self != NULL);

  self->visible = !!visible;
}

gboolean
hr_chart_trace_get_visible (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->visible;
}

void
hr_chart_trace_set_live (HrChartTrace *self,
                         gboolean      live)
{
  g_return_if_fail (self != NULL);

  self->live = !!live;
}

gboolean
hr_chart_trace_get_live (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->live;
}

/* The hiss the source's noise makes in the headphones, which the SPL
 * chart draws as a line: NAN (unknown, or a noiseless source) for none. */
void
hr_chart_trace_set_hiss_spl_db (HrChartTrace *self,
                                double        hiss_spl_db)
{
  g_return_if_fail (self != NULL);

  self->hiss_spl_db = isfinite (hiss_spl_db) ? hiss_spl_db : NAN;
}

double
hr_chart_trace_get_hiss_spl_db (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->hiss_spl_db;
}

/**
 * hr_chart_trace_new_computed:
 * @sweep: (transfer full): owned when @sweep_free is not %NULL
 * @circuit: what was computed
 * @summary: its summary
 *
 * A trace of a computed configuration, with what the charts draw besides
 * its sweep: the source's current limit and the hiss of its noise. The
 * app's live trace and pins and the CLI's export all make theirs here.
 */
HrChartTrace *
hr_chart_trace_new_computed (const char      *label,
                             HrSweep         *sweep,
                             GDestroyNotify   sweep_free,
                             const HrCircuit *circuit,
                             const HrSummary *summary)
{
  HrChartTrace *self;

  g_return_val_if_fail (circuit != NULL, NULL);
  g_return_val_if_fail (summary != NULL, NULL);

  self = hr_chart_trace_new (label, sweep, sweep_free);
  hr_chart_trace_set_current_limit_ma (self, circuit->source.max_current_ma);
  hr_chart_trace_set_hiss_spl_db (self, summary->hiss_spl_db);
  /* An assumed flat curve moves nothing, so a flat line would claim a
   * result: the charts of the change say it was not computed instead. */
  self->deviation_unknown = summary->impedance_assumed;
  return self;
}
