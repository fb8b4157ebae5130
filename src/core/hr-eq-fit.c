/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-eq-fit-private.h"

/* Fitting a few parametric filters to a target curve.
 *
 * The target is what the source does to the headphone, reversed: smooth,
 * with a bump at a bass resonance and a tilt in the treble, or with the
 * sharp swings of a multi-driver IEM's crossover. The user asked for
 * "within 0.2 dB everywhere", a maximum, with as few filters as do it.
 *
 * 1. Greedy placement. Where the residual is largest, try a peaking
 *    filter there (its Q from the width of the feature at half height),
 *    and shelves at either end of the band; fit each candidate alone to
 *    the residual and keep the one that leaves the least.
 * 2. Joint refinement. Levenberg–Marquardt over every filter at once, on
 *    log frequency, gain and log Q: the logarithms make a step mean the
 *    same at 30 Hz as at 10 kHz, and keep Q positive. Bounds are kept by
 *    projecting each step into them.
 * 3. Repeat until the maximum residual is within a goal a little inside
 *    the tolerance (room for rounding the filters to the decimals they
 *    are written with), or the filters run out. Least squares minimises
 *    the mean, not the maximum; when it leaves a few points outside, the
 *    points' weights are raised in proportion to their error (Lawson's
 *    iteration) and the fit repeated, which moves the least-squares
 *    solution towards the minimax one.
 * 4. Pruning. Each filter whose removal, after a refit, keeps the goal,
 *    is removed, the smallest first.
 * 5. The filters are rounded to their written decimals and the residual
 *    measured again with Equalizer APO's own formula: that is the number
 *    reported, whatever the fit believed.
 *
 * Everything is deterministic: no random starts, a fixed order of trials.
 * The least-squares engine is in hr-eq-solve.c; it makes 481 points and
 * 10 filters a matter of milliseconds.
 */

/* Inside the tolerance by this share, so that rounding the filters to
 * the decimals they are written with cannot push a fit over it. */
#define GOAL_SHARE        0.95
/* A pruned fit this close to the goal is worth Lawson's rounds. */
#define NEAR_MISS         1.5
#define LAWSON_ROUNDS     10
/* A candidate filter fitted alone, against what the others leave. */
#define SINGLE_ITERATIONS 40
/* More points than this are thinned out for the fit (problem_init()). */
#define MAX_FIT_POINTS    2000

static void
param_to_filter (const HrEqParam *param,
                 HrEqFilter      *filter)
{
  filter->type = param->type;
  filter->freq_hz = exp (param->x[0]);
  filter->gain_db = param->x[1];
  filter->q = exp (param->x[2]);
}

/* The bandwidth of the feature around point @peak of @residual: where it
 * falls to half its height on either side, as a Q. */
static double
feature_q (const HrEqProblem *pb,
           const double      *residual,
           guint              peak)
{
  double half = residual[peak] / 2;
  guint lo = peak, hi = peak;
  double octaves;

  while (lo > 0 && residual[lo - 1] * half > half * half)
    lo--;
  while (hi + 1 < pb->n && residual[hi + 1] * half > half * half)
    hi++;
  octaves = log2 (pb->freq_hz[hi] / pb->freq_hz[lo]);
  /* A feature one point wide is still at least a grid step wide. */
  octaves = MAX (octaves, log2 (pb->freq_hz[MIN (peak + 1, pb->n - 1)] / pb->freq_hz[peak > 0 ? peak - 1 : 0]));
  if (!(octaves > 0.0))
    return 1.0;
  return CLAMP (sqrt (exp2 (octaves)) / (exp2 (octaves) - 1), HR_EQ_MIN_Q, HR_EQ_MAX_Q);
}

/* A shelf's starting point: the gain the residual has at the band's
 * @low_end (or high end), and the frequency where it has fallen to half
 * of it. */
static gboolean
shelf_guess (const HrEqProblem *pb,
             const double      *residual,
             gboolean           low_end,
             HrEqParam         *param)
{
  guint edge = low_end ? 0 : pb->n - 1;
  double gain = residual[edge];
  double half = gain / 2;
  guint i = edge;

  if (fabs (gain) < pb->goal_db / 2)
    return FALSE;
  if (low_end)
    while (i + 1 < pb->n && residual[i] * half > half * half)
      i++;
  else
    while (i > 0 && residual[i] * half > half * half)
      i--;

  param->type = low_end ? HR_EQ_LOW_SHELF : HR_EQ_HIGH_SHELF;
  param->x[0] = log (pb->freq_hz[i]);
  param->x[1] = gain;
  param->x[2] = log (G_SQRT2 / 2);
  hr_eq_param_clamp (param);
  return TRUE;
}

/* Adds the filter that best fits what the others leave: candidates are a
 * peaking filter at the largest residual and a shelf at either end, each
 * fitted alone against the residual; the one leaving the least cost
 * wins. */
static void
add_filter (const HrEqProblem *pb,
            const double      *weight,
            const double      *model_db,
            HrEqParam         *out)
{
  g_autofree double *residual = g_new (double, pb->n);
  g_autofree double *trial_model = g_new (double, pb->n);
  HrEqParam candidates[3];
  guint n_candidates = 0, peak = 0;
  double best_cost = INFINITY;

  for (guint i = 0; i < pb->n; i++)
    {
      residual[i] = pb->target_db[i] - model_db[i];
      if (fabs (residual[i]) > fabs (residual[peak]))
        peak = i;
    }

  candidates[n_candidates].type = HR_EQ_PEAKING;
  candidates[n_candidates].x[0] = log (pb->freq_hz[peak]);
  candidates[n_candidates].x[1] = residual[peak];
  candidates[n_candidates].x[2] = log (feature_q (pb, residual, peak));
  hr_eq_param_clamp (&candidates[n_candidates]);
  n_candidates++;
  if (shelf_guess (pb, residual, TRUE, &candidates[n_candidates]))
    n_candidates++;
  if (shelf_guess (pb, residual, FALSE, &candidates[n_candidates]))
    n_candidates++;

  for (guint c = 0; c < n_candidates; c++)
    {
      double cost = hr_eq_lm_fit (pb, model_db, weight, &candidates[c], 1, SINGLE_ITERATIONS, trial_model);

      if (cost < best_cost)
        {
          best_cost = cost;
          *out = candidates[c];
        }
    }
}

/* Drops, smallest first, every filter without which a refit still meets
 * the goal. Returns the number of filters kept. */
static guint
prune (const HrEqProblem *pb,
       HrEqParam         *params,
       guint              k,
       double            *model_db)
{
  g_autofree HrEqParam *trial = g_new (HrEqParam, MAX (k, 1));
  g_autofree double *trial_model = g_new (double, pb->n);
  g_autofree double *curve = g_new (double, pb->n);
  gboolean removed = TRUE;

  while (removed && k > 0)
    {
      g_autofree guint *order = g_new (guint, k);
      g_autofree double *size = g_new (double, k);

      removed = FALSE;
      /* A filter's size: its largest effect on the band. */
      for (guint j = 0; j < k; j++)
        {
          size[j] = 0.0;
          hr_eq_param_curve (pb, &params[j], curve);
          for (guint i = 0; i < pb->n; i++)
            size[j] = MAX (size[j], fabs (curve[i]));
          order[j] = j;
        }
      for (guint a = 1; a < k; a++)
        for (guint b = a; b > 0 && size[order[b]] < size[order[b - 1]]; b--)
          {
            guint swap = order[b];

            order[b] = order[b - 1];
            order[b - 1] = swap;
          }

      for (guint o = 0; o < k && !removed; o++)
        {
          guint drop = order[o], kept = 0;
          double trial_max;

          for (guint j = 0; j < k; j++)
            if (j != drop)
              trial[kept++] = params[j];
          trial_max = hr_eq_fit_all (pb, trial, kept, 0, trial_model);

          /* Lawson's rounds cost as much as the fit; only for a near miss. */
          if (trial_max > pb->goal_db && trial_max < NEAR_MISS * pb->goal_db)
            trial_max = hr_eq_fit_all (pb, trial, kept, LAWSON_ROUNDS, trial_model);
          if (trial_max <= pb->goal_db)
            {
              memcpy (params, trial, sizeof (HrEqParam) * kept);
              memcpy (model_db, trial_model, sizeof (double) * pb->n);
              k = kept;
              removed = TRUE;
            }
        }
    }

  return k;
}

static int
compare_filters (gconstpointer a,
                 gconstpointer b)
{
  const HrEqFilter *fa = a, *fb = b;

  if (fa->freq_hz != fb->freq_hz)
    return fa->freq_hz < fb->freq_hz ? -1 : 1;
  return (int) fa->type - (int) fb->type;
}

static void
problem_clear (HrEqProblem *pb)
{
  g_free (pb->freq_hz);
  g_free (pb->target_db);
  g_free (pb->phi);
  g_free (pb->base_weight);
}

/* The target's points in 20 Hz–20 kHz: [*first, *last]. A grid made by
 * hr_log_frequencies() may end a rounding error beyond 20 kHz. */
static gboolean
band_range (const double  *freq_hz,
            guint          n_points,
            guint         *first,
            guint         *last,
            GError       **error)
{
  *first = n_points;
  *last = 0;
  for (guint i = 0; i < n_points; i++)
    if (freq_hz[i] >= HR_EQ_FMIN_HZ * (1 - 1e-9) && freq_hz[i] <= HR_EQ_FMAX_HZ * (1 + 1e-9))
      {
        *first = MIN (*first, i);
        *last = i;
      }
  if (*first >= n_points || *last - *first + 1 < 2)
    {
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_TOO_FEW_POINTS,
                   _("an EQ target needs at least 2 points between 20 Hz and 20 kHz"));
      return FALSE;
    }
  return TRUE;
}

/* The points the fit works on, and their weights: each point stands for
 * half the log-frequency gap to either neighbour, so that a target
 * sampled densely in one place is not fitted there at the expense of the
 * rest. A target of more than MAX_FIT_POINTS (a sweep may have a
 * million) is fitted on its points at least 1/200 octave apart, far
 * finer than the narrowest filter; its residual is still measured on
 * every point. */
static void
problem_init (HrEqProblem          *pb,
              const double         *freq_hz,
              const double         *target_db,
              guint                 n_points,
              const HrEqFitOptions *options)
{
  const double min_step = log (HR_EQ_FMAX_HZ / HR_EQ_FMIN_HZ) / MAX_FIT_POINTS;
  /* At most MAX_FIT_POINTS steps of min_step fit in the band, and its
   * two ends. */
  const guint capacity = MIN (n_points, MAX_FIT_POINTS + 3);
  double total = 0.0;
  guint kept = 0;

  memset (pb, 0, sizeof *pb);
  pb->freq_hz = g_new (double, capacity);
  pb->target_db = g_new (double, capacity);
  for (guint i = 0; i < n_points; i++)
    if (n_points <= MAX_FIT_POINTS || i == 0 || i == n_points - 1
        || (log (freq_hz[i] / pb->freq_hz[kept - 1]) >= min_step
            && log (freq_hz[n_points - 1] / freq_hz[i]) >= min_step))
      {
        g_assert (kept < capacity);
        pb->freq_hz[kept] = freq_hz[i];
        pb->target_db[kept] = target_db[i];
        kept++;
      }
  pb->n = kept;
  pb->phi = g_new (double, pb->n);
  pb->base_weight = g_new (double, pb->n);
  pb->sample_rate_hz = options->sample_rate_hz;
  pb->goal_db = GOAL_SHARE * options->tolerance_db;
  for (guint i = 0; i < pb->n; i++)
    {
      double left = i > 0 ? log (pb->freq_hz[i] / pb->freq_hz[i - 1]) : 0.0;
      double right = i + 1 < pb->n ? log (pb->freq_hz[i + 1] / pb->freq_hz[i]) : 0.0;

      pb->phi[i] = hr_eq_phi (pb->freq_hz[i], pb->sample_rate_hz);
      pb->base_weight[i] = (left + right) / 2;
      total += pb->base_weight[i];
    }
  for (guint i = 0; i < pb->n; i++)
    pb->base_weight[i] /= total;
}

/* The residual of the filters as written, with APO's own formula, over
 * every point of the target in 20 Hz–20 kHz. */
static void
measure (HrEqFit *fit,
         guint    first,
         guint    last)
{
  g_autofree double *response_db = g_new (double, last - first + 1);

  hr_eq_response_many (fit->filters, fit->n_filters, &fit->freq_hz[first], last - first + 1,
                       fit->sample_rate_hz, response_db);
  fit->max_residual_db = 0.0;
  fit->max_residual_freq_hz = fit->freq_hz[first];
  for (guint i = first; i <= last; i++)
    {
      double r = fabs (response_db[i - first] - fit->target_db[i]);

      if (r > fit->max_residual_db)
        {
          fit->max_residual_db = r;
          fit->max_residual_freq_hz = fit->freq_hz[i];
        }
    }
}

/**
 * hr_eq_fit:
 * @options: (nullable): HR_EQ_FIT_OPTIONS_INIT when NULL
 *
 * At most @options->max_filters PK, LSC and HSC filters whose summed
 * response stays within @options->tolerance_db of the target over its
 * points in 20 Hz–20 kHz, if the fitter finds such a set; otherwise the
 * closest it found, with within_tolerance FALSE. A target already within
 * the tolerance gets no filter. Points outside 20 Hz–20 kHz are kept in
 * the result's target but not fitted.
 */
HrEqFit *
hr_eq_fit (const double          *freq_hz,
           const double          *target_db,
           guint                  n_points,
           const HrEqFitOptions  *options,
           GError               **error)
{
  const HrEqFitOptions defaults = HR_EQ_FIT_OPTIONS_INIT;
  g_autoptr(HrEqFit) fit = NULL;
  g_autofree HrEqParam *params = NULL;
  g_autofree double *model_db = NULL;
  HrEqProblem pb;
  guint k = 0, first, last;
  double current_max, flat_max = 0.0;

  if (options == NULL)
    options = &defaults;
  if (!hr_eq_options_validate (options, error)
      || !hr_eq_target_validate (freq_hz, target_db, n_points, error)
      || !band_range (freq_hz, n_points, &first, &last, error))
    return NULL;

  problem_init (&pb, &freq_hz[first], &target_db[first], last - first + 1, options);
  params = g_new (HrEqParam, options->max_filters);
  model_db = g_new0 (double, pb.n);
  current_max = hr_eq_max_error (&pb, model_db);
  for (guint i = first; i <= last; i++)
    flat_max = MAX (flat_max, fabs (target_db[i]));

  /* Nothing to do is not the same as a goal just missed: a target within
   * the tolerance itself needs no filter, rounding or not. */
  if (flat_max > options->tolerance_db)
    {
      while (current_max > pb.goal_db && k < options->max_filters)
        {
          add_filter (&pb, pb.base_weight, model_db, &params[k]);
          k++;
          current_max = hr_eq_fit_all (&pb, params, k, 0, model_db);
          g_debug ("EQ fit: %u filters by least squares, %.3f dB at most", k, current_max);
        }
      if (current_max > pb.goal_db)
        current_max = hr_eq_fit_all (&pb, params, k, LAWSON_ROUNDS, model_db);
      if (current_max <= pb.goal_db)
        k = prune (&pb, params, k, model_db);
    }

  fit = g_new0 (HrEqFit, 1);
  fit->n_filters = k;
  fit->filters = g_new (HrEqFilter, MAX (k, 1));
  for (guint j = 0; j < k; j++)
    {
      param_to_filter (&params[j], &fit->filters[j]);
      hr_eq_filter_round (&fit->filters[j]);
    }
  qsort (fit->filters, k, sizeof (HrEqFilter), compare_filters);
  fit->sample_rate_hz = options->sample_rate_hz;
  fit->tolerance_db = options->tolerance_db;
  fit->n_points = n_points;
  fit->freq_hz = g_memdup2 (freq_hz, sizeof (double) * n_points);
  fit->target_db = g_memdup2 (target_db, sizeof (double) * n_points);
  measure (fit, first, last);
  fit->within_tolerance = fit->max_residual_db <= options->tolerance_db;
  fit->preamp_db = hr_eq_preamp_db (fit->filters, k, fit->sample_rate_hz);

  problem_clear (&pb);
  return g_steal_pointer (&fit);
}
