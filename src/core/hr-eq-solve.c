/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-eq-fit-private.h"

/* The least-squares engine under the fitter (hr-eq-fit.c):
 * Levenberg–Marquardt over the filters' log frequency, gain and log Q,
 * and Lawson's reweighting, which turns a least-squares fit into one
 * that minimises the largest error.
 *
 * The model is Equalizer APO's biquads at the problem's points. Their
 * gains in dB add, so their |H|² multiply: the whole model costs one
 * logarithm per point. The Jacobian needs none: the derivative of
 * 10 log10 (N/D) is 10/ln 10 · (N'/N − D'/D), with N and D the
 * polynomials of hr-eq-private.h.
 */

#define LM_ITERATIONS     60
/* Each Lawson round starts where the last ended, and needs few
 * iterations. */
#define LAWSON_ITERATIONS 15
#define FD_STEP           1e-6
#define RIDGE             1e-5
/* An iteration that gains less than this share of the cost ends a fit. */
#define LM_CONVERGED      1e-6

void
hr_eq_param_bounds (HrEqFilterType  type,
                    double         *lo,
                    double         *hi)
{
  lo[0] = log (HR_EQ_FMIN_HZ);
  hi[0] = log (HR_EQ_FMAX_HZ);
  lo[1] = -HR_EQ_MAX_GAIN_DB;
  hi[1] = HR_EQ_MAX_GAIN_DB;
  lo[2] = log (HR_EQ_MIN_Q);
  /* A shelf with a high Q is mostly a resonance, which a peaking filter
   * does better, and it rings. */
  hi[2] = log (type == HR_EQ_PEAKING ? HR_EQ_MAX_Q : HR_EQ_MAX_SHELF_Q);
}

void
hr_eq_param_clamp (HrEqParam *param)
{
  double lo[3], hi[3];

  hr_eq_param_bounds (param->type, lo, hi);
  for (guint m = 0; m < 3; m++)
    param->x[m] = CLAMP (param->x[m], lo[m], hi[m]);
}

static void
param_power (const HrEqProblem *pb,
             const HrEqParam   *param,
             HrEqPower         *power)
{
  HrEqBiquad biquad;

  hr_eq_biquad_init (&biquad, param->type, exp (param->x[0]), param->x[1],
                     exp (param->x[2]), pb->sample_rate_hz);
  hr_eq_power_init (power, &biquad);
}

/* The response of one filter at every point of the problem. */
void
hr_eq_param_curve (const HrEqProblem *pb,
                   const HrEqParam   *param,
                   double            *out_db)
{
  HrEqPower power;

  param_power (pb, param, &power);
  for (guint i = 0; i < pb->n; i++)
    out_db[i] = hr_eq_power_db (&power, pb->phi[i]);
}

/* Σ w (model − target)²: what least squares minimises. */
static double
weighted_cost (const HrEqProblem *pb,
               const double      *weight,
               const double      *model_db)
{
  double cost = 0.0;

  for (guint i = 0; i < pb->n; i++)
    {
      double r = model_db[i] - pb->target_db[i];

      cost += weight[i] * r * r;
    }
  return cost;
}

/* max |model − target|: what the user asked to keep within the
 * tolerance. */
double
hr_eq_max_error (const HrEqProblem *pb,
                 const double      *model_db)
{
  double worst = 0.0;

  for (guint i = 0; i < pb->n; i++)
    worst = MAX (worst, fabs (model_db[i] - pb->target_db[i]));
  return worst;
}

/* Solves M x = b for a symmetric positive definite M (n × n, row major,
 * overwritten by its Cholesky factor). FALSE when M is not positive
 * definite: the caller then damps more. */
static gboolean
cholesky_solve (double       *m,
                const double *b,
                double       *x,
                guint         n)
{
  for (guint j = 0; j < n; j++)
    {
      double d = m[j * n + j];

      for (guint k = 0; k < j; k++)
        d -= m[j * n + k] * m[j * n + k];
      if (!(d > 0.0))
        return FALSE;
      d = sqrt (d);
      m[j * n + j] = d;
      for (guint i = j + 1; i < n; i++)
        {
          double s = m[i * n + j];

          for (guint k = 0; k < j; k++)
            s -= m[i * n + k] * m[j * n + k];
          m[i * n + j] = s / d;
        }
    }
  for (guint i = 0; i < n; i++)
    {
      double s = b[i];

      for (guint k = 0; k < i; k++)
        s -= m[i * n + k] * x[k];
      x[i] = s / m[i * n + i];
    }
  for (guint i = n; i-- > 0;)
    {
      double s = x[i];

      for (guint k = i + 1; k < n; k++)
        s -= m[k * n + i] * x[k];
      x[i] = s / m[i * n + i];
    }
  return TRUE;
}

/* The model: @fixed_db (filters not being fitted, or NULL) plus the
 * @k filters of @params. Their gains in dB add, so their |H|² multiply:
 * one logarithm per point for all of them. */
static void
params_model (const HrEqProblem *pb,
              const double      *fixed_db,
              const HrEqParam   *params,
              guint              k,
              double            *model_db)
{
  HrEqPower power[HR_EQ_MAX_FILTERS];

  g_assert (k <= HR_EQ_MAX_FILTERS);
  for (guint j = 0; j < k; j++)
    param_power (pb, &params[j], &power[j]);
  for (guint i = 0; i < pb->n; i++)
    {
      double phi = pb->phi[i], ratio = 1.0;

      for (guint j = 0; j < k; j++)
        ratio *= (power[j].n0 + phi * (power[j].n1 + phi * power[j].n2))
                 / (power[j].d0 + phi * (power[j].d1 + phi * power[j].d2));
      model_db[i] = (fixed_db != NULL ? fixed_db[i] : 0.0) + (k > 0 ? 10.0 * log10 (ratio) : 0.0);
    }
}

/* The ridge on the gains: Σ RIDGE · gain². Two large filters that
 * nearly cancel (a +11 dB shelf under a −8 dB one) fit a target as well
 * as one small filter, and least squares alone has no reason to prefer
 * the small one; this tiny cost gives it one. */
static double
ridge_cost (const HrEqParam *params,
            guint            k)
{
  double cost = 0.0;

  for (guint j = 0; j < k; j++)
    cost += RIDGE * params[j].x[1] * params[j].x[1];
  return cost;
}

/* x·y: four running sums, so that the additions need not wait on each
 * other. */
static double
dot (const double *x,
     const double *y,
     guint         n)
{
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  guint i = 0;

  for (; i + 4 <= n; i += 4)
    {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
  for (; i < n; i++)
    s0 += x[i] * y[i];
  return (s0 + s1) + (s2 + s3);
}

/* x·y for four y at once: x is read once for the four, and the four sums
 * are independent. Most of a fit's time is spent here. */
static void
dot4 (const double *x,
      const double *y0,
      const double *y1,
      const double *y2,
      const double *y3,
      guint         n,
      double       *out)
{
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;

  for (guint i = 0; i < n; i++)
    {
      double xi = x[i];

      s0 += xi * y0[i];
      s1 += xi * y1[i];
      s2 += xi * y2[i];
      s3 += xi * y3[i];
    }
  out[0] = s0;
  out[1] = s1;
  out[2] = s2;
  out[3] = s3;
}

/* The Jacobian of the model: ∂/∂θ 10 log10 (N/D) = 10/ln 10 · (N'/N − D'/D),
 * where N and D are |H|²'s polynomials in φ. Their coefficients' own
 * derivatives come from forward differences, which cost a filter design
 * each, not one logarithm per point. A step that would leave the bounds
 * is taken the other way. */
static void
jacobian (const HrEqProblem *pb,
          const HrEqParam   *params,
          guint              k,
          double            *jac)
{
  const guint n = pb->n;
  const double db_per_neper = 10.0 / G_LN10;

  for (guint j = 0; j < k; j++)
    {
      HrEqPower power, moved_power[3];

      param_power (pb, &params[j], &power);
      for (guint m = 0; m < 3; m++)
        {
          HrEqParam moved = params[j];
          double lo[3], hi[3], h = FD_STEP;
          HrEqPower *dp = &moved_power[m];

          hr_eq_param_bounds (moved.type, lo, hi);
          if (moved.x[m] + h > hi[m])
            h = -h;
          moved.x[m] += h;
          param_power (pb, &moved, dp);
          dp->n0 = (dp->n0 - power.n0) / h;
          dp->n1 = (dp->n1 - power.n1) / h;
          dp->n2 = (dp->n2 - power.n2) / h;
          dp->d0 = (dp->d0 - power.d0) / h;
          dp->d1 = (dp->d1 - power.d1) / h;
          dp->d2 = (dp->d2 - power.d2) / h;
        }
      for (guint i = 0; i < n; i++)
        {
          double phi = pb->phi[i];
          double inv_num = 1.0 / (power.n0 + phi * (power.n1 + phi * power.n2));
          double inv_den = 1.0 / (power.d0 + phi * (power.d1 + phi * power.d2));

          for (guint m = 0; m < 3; m++)
            {
              const HrEqPower *dp = &moved_power[m];

              jac[(3 * j + m) * n + i] =
                db_per_neper * ((dp->n0 + phi * (dp->n1 + phi * dp->n2)) * inv_num
                                - (dp->d0 + phi * (dp->d1 + phi * dp->d2)) * inv_den);
            }
        }
    }
}

/**
 * hr_eq_lm_fit:
 * @fixed_db: (nullable): the response of filters held still
 * @weight: each point's weight
 * @params: (inout): the @k filters to fit
 * @model_db: (out): the whole model at the end, fixed filters included
 *
 * Levenberg–Marquardt with Marquardt's scaling (the damping is a share
 * of the diagonal of JᵀWJ, so that Hz, dB and Q steps are damped alike),
 * each trial step projected into the bounds. Returns the final cost.
 */
double
hr_eq_lm_fit (const HrEqProblem *pb,
              const double      *fixed_db,
              const double      *weight,
              HrEqParam         *params,
              guint              k,
              guint              max_iterations,
              double            *model_db)
{
  const guint n = pb->n, p = 3 * k;
  g_autofree double *trial_model = g_new (double, n);
  g_autofree double *jac = g_new (double, (gsize) n * p);
  g_autofree double *normal = g_new (double, (gsize) p * p);
  g_autofree double *damped = g_new (double, (gsize) p * p);
  g_autofree double *grad = g_new (double, p);
  g_autofree double *residual = g_new (double, n);
  g_autofree double *weighted = g_new (double, n);
  g_autofree double *rhs = g_new (double, p);
  g_autofree double *step = g_new (double, p);
  g_autofree gboolean *held = g_new (gboolean, p);
  g_autofree HrEqParam *trial = g_new (HrEqParam, k);
  double cost, lambda = 1e-3;

  params_model (pb, fixed_db, params, k, model_db);
  cost = weighted_cost (pb, weight, model_db) + ridge_cost (params, k);

  for (guint iteration = 0; iteration < max_iterations && cost > 0.0; iteration++)
    {
      gboolean accepted = FALSE;
      double previous_cost = cost;

      jacobian (pb, params, k, jac);
      /* JᵀWJ and −JᵀWr as dot products over the points, each column of
       * J contiguous: the costliest part of an iteration. */
      for (guint i = 0; i < n; i++)
        residual[i] = pb->target_db[i] - model_db[i];
      for (guint a = 0; a < p; a++)
        {
          for (guint i = 0; i < n; i++)
            weighted[i] = weight[i] * jac[a * n + i];
          grad[a] = dot (weighted, residual, n);
          for (guint b = 0; b + 4 <= a + 1; b += 4)
            dot4 (weighted, &jac[b * n], &jac[(b + 1) * n], &jac[(b + 2) * n], &jac[(b + 3) * n],
                  n, &normal[a * p + b]);
          for (guint b = (a + 1) & ~3u; b <= a; b++)
            normal[a * p + b] = dot (weighted, &jac[b * n], n);
        }
      for (guint j = 0; j < k; j++)
        {
          normal[(3 * j + 1) * p + 3 * j + 1] += RIDGE;
          grad[3 * j + 1] -= RIDGE * params[j].x[1];
        }
      for (guint a = 0; a < p; a++)
        for (guint b = 0; b < a; b++)
          normal[b * p + a] = normal[a * p + b];

      /* A parameter on a bound that the descent would push further out
       * is held there for this iteration (an active set): a projected
       * step along it would only be rejected, over and over. */
      for (guint j = 0; j < k; j++)
        {
          double lo[3], hi[3];

          hr_eq_param_bounds (params[j].type, lo, hi);
          for (guint m = 0; m < 3; m++)
            {
              guint a = 3 * j + m;

              held[a] = (params[j].x[m] <= lo[m] && grad[a] < 0.0)
                        || (params[j].x[m] >= hi[m] && grad[a] > 0.0);
            }
        }

      for (guint attempt = 0; attempt < 10 && !accepted; attempt++)
        {
          double trial_cost;

          memcpy (damped, normal, sizeof (double) * p * p);
          memcpy (rhs, grad, sizeof (double) * p);
          for (guint a = 0; a < p; a++)
            damped[a * p + a] += lambda * normal[a * p + a] + 1e-12;
          for (guint a = 0; a < p; a++)
            if (held[a])
              {
                for (guint b = 0; b < p; b++)
                  damped[a * p + b] = damped[b * p + a] = 0.0;
                damped[a * p + a] = 1.0;
                rhs[a] = 0.0;
              }
          if (!cholesky_solve (damped, rhs, step, p))
            {
              lambda *= 10;
              continue;
            }

          for (guint j = 0; j < k; j++)
            {
              trial[j] = params[j];
              for (guint m = 0; m < 3; m++)
                trial[j].x[m] += step[3 * j + m];
              hr_eq_param_clamp (&trial[j]);
            }
          params_model (pb, fixed_db, trial, k, trial_model);
          trial_cost = weighted_cost (pb, weight, trial_model) + ridge_cost (trial, k);

          if (trial_cost < cost)
            {
              memcpy (params, trial, sizeof (HrEqParam) * k);
              memcpy (model_db, trial_model, sizeof (double) * n);
              cost = trial_cost;
              lambda = MAX (lambda * 0.3, 1e-9);
              accepted = TRUE;
            }
          else
            lambda *= 5;
        }

      if (!accepted || previous_cost - cost < LM_CONVERGED * previous_cost)
        break;
    }

  return cost;
}

/* Least squares, then, while the maximum error is outside the goal and
 * for at most @lawson_rounds, Lawson's reweighting: each point's weight
 * grows with its error, which pulls the fit towards the smallest
 * maximum. Returns the best maximum error seen and leaves its
 * parameters in @params and its response in @model_db. */
double
hr_eq_fit_all (const HrEqProblem *pb,
               HrEqParam         *params,
               guint              k,
               guint              lawson_rounds,
               double            *model_db)
{
  g_autofree double *weight = g_memdup2 (pb->base_weight, sizeof (double) * pb->n);
  g_autofree double *best_model = g_new (double, pb->n);
  g_autofree HrEqParam *best = g_memdup2 (params, sizeof (HrEqParam) * MAX (k, 1));
  double best_max;

  if (k == 0)
    {
      params_model (pb, NULL, params, 0, model_db);
      return hr_eq_max_error (pb, model_db);
    }

  hr_eq_lm_fit (pb, NULL, weight, params, k, LM_ITERATIONS, model_db);
  best_max = hr_eq_max_error (pb, model_db);
  memcpy (best, params, sizeof (HrEqParam) * k);
  memcpy (best_model, model_db, sizeof (double) * pb->n);

  for (guint round = 0; round < lawson_rounds && best_max > pb->goal_db; round++)
    {
      double total = 0.0, current_max;

      for (guint i = 0; i < pb->n; i++)
        {
          weight[i] *= fabs (model_db[i] - pb->target_db[i]) + 1e-3 * pb->goal_db;
          total += weight[i];
        }
      for (guint i = 0; i < pb->n; i++)
        weight[i] /= total;

      hr_eq_lm_fit (pb, NULL, weight, params, k, LAWSON_ITERATIONS, model_db);
      current_max = hr_eq_max_error (pb, model_db);
      if (current_max < best_max)
        {
          best_max = current_max;
          memcpy (best, params, sizeof (HrEqParam) * k);
          memcpy (best_model, model_db, sizeof (double) * pb->n);
        }
    }

  memcpy (params, best, sizeof (HrEqParam) * k);
  memcpy (model_db, best_model, sizeof (double) * pb->n);
  return best_max;
}
