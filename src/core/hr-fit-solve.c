/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-complex-private.h"
#include "hr-fit-private.h"

/* The solver behind hr_fit_driver(): a Thiele–Small model evaluated with
 * Res in place of Qes, the searches that read its peak and the width off
 * its curve, the closed-form start, and Newton's method on the figures.
 * The top of hr-fit.c says what is solved and why.
 */

/* The searches along a model's curve step 1/48 octave at a time, far finer
 * than any headphone's peak, and give up after 10 octaves. */
#define WALK_STEP_LOG  (G_LN2 / 48.0)
#define WALK_MAX_STEPS (48 * 10)
/* Enough halvings of a 1/48-octave step to reach the last bit of log f. */
#define BISECTION_STEPS 64

#define NEWTON_MAX_ITERATIONS 150
#define NEWTON_MAX_HALVINGS   40
/* How many times Le may be walked towards the figure at 20 kHz. */
#define LE_WALK_MAX_STEPS     8
/* Where the iteration stops, well below HR_FIT_MET. */
#define NEWTON_DONE     1e-12
#define JACOBIAN_STEP   1e-6

double complex
hr_fit_driver_eval (const HrFitDriver *driver,
                    double             freq_hz)
{
  const double ratio = freq_hz / driver->fs_hz;
  const double x = driver->qms * (ratio - 1.0 / ratio);
  const double d = 1.0 + x * x;

  /* Res/(1 + jx) = Res·(1 − jx)/(1 + x²) */
  return hr_complex (driver->re_ohm + driver->res_ohm / d,
                     2.0 * G_PI * freq_hz * driver->le_h - driver->res_ohm * x / d);
}

/* Half of d|Z|²/d(ln f), exactly: its sign finds the top of the peak to
 * the last bit, where |Z| itself is too flat to tell. */
static double
driver_slope (const HrFitDriver *driver,
              double             freq_hz)
{
  const double ratio = freq_hz / driver->fs_hz;
  const double x = driver->qms * (ratio - 1.0 / ratio);
  const double dx = driver->qms * (ratio + 1.0 / ratio);
  const double d = 1.0 + x * x;
  const double xl_ohm = 2.0 * G_PI * freq_hz * driver->le_h;
  const double a = driver->re_ohm + driver->res_ohm / d;
  const double b = xl_ohm - driver->res_ohm * x / d;
  const double da = -2.0 * driver->res_ohm * x * dx / (d * d);
  const double db = xl_ohm - driver->res_ohm * dx * (1.0 - x * x) / (d * d);

  return a * da + b * db;
}

static gboolean
driver_is_finite (const HrFitDriver *driver)
{
  return isfinite (driver->re_ohm) && driver->re_ohm > 0.0 &&
         isfinite (driver->le_h) &&
         isfinite (driver->fs_hz) && driver->fs_hz > 0.0 &&
         isfinite (driver->qms) && driver->qms > 0.0 &&
         isfinite (driver->res_ohm) && driver->res_ohm > 0.0;
}

/* The top of the bass peak as a plot shows it: uphill from fs to where
 * the slope turns. Not the highest |Z| of the band, which for a large Le
 * can be at 20 kHz. */
gboolean
hr_fit_driver_find_peak (const HrFitDriver *driver,
                         double            *peak_hz,
                         double            *peak_ohm)
{
  double here = log (driver->fs_hz);
  const double direction = driver_slope (driver, driver->fs_hz) >= 0.0 ? 1.0 : -1.0;
  double rising = 0.0;
  double falling = 0.0;
  guint i;

  for (i = 0; i < WALK_MAX_STEPS; i++)
    {
      double next = here + direction * WALK_STEP_LOG;

      if (direction * driver_slope (driver, exp (next)) <= 0.0)
        {
          rising = direction > 0.0 ? here : next;
          falling = direction > 0.0 ? next : here;
          break;
        }
      here = next;
    }
  if (i == WALK_MAX_STEPS)
    return FALSE;

  for (i = 0; i < BISECTION_STEPS; i++)
    {
      double mid = 0.5 * (rising + falling);

      if (mid == rising || mid == falling)
        break;
      if (driver_slope (driver, exp (mid)) > 0.0)
        rising = mid;
      else
        falling = mid;
    }

  *peak_hz = exp (0.5 * (rising + falling));
  *peak_ohm = hr_cabs (hr_fit_driver_eval (driver, *peak_hz));
  return isfinite (*peak_ohm);
}

/* Where |Z| falls through @level_ohm walking away from the peak, down in
 * frequency (@direction −1) or up (+1). */
gboolean
hr_fit_driver_find_crossing (const HrFitDriver *driver,
                             double             peak_hz,
                             double             level_ohm,
                             double             direction,
                             double            *freq_hz)
{
  const double level2 = level_ohm * level_ohm;
  double above = log (peak_hz);
  double below = above;
  guint i;

  if (!(hr_cabs2 (hr_fit_driver_eval (driver, peak_hz)) > level2))
    return FALSE;

  for (i = 0; i < WALK_MAX_STEPS; i++)
    {
      below = above + direction * WALK_STEP_LOG;
      if (hr_cabs2 (hr_fit_driver_eval (driver, exp (below))) < level2)
        break;
      above = below;
    }
  if (i == WALK_MAX_STEPS)
    return FALSE;

  for (i = 0; i < BISECTION_STEPS; i++)
    {
      double mid = 0.5 * (above + below);

      if (mid == above || mid == below)
        break;
      if (hr_cabs2 (hr_fit_driver_eval (driver, exp (mid))) < level2)
        below = mid;
      else
        above = mid;
    }

  *freq_hz = exp (0.5 * (above + below));
  return TRUE;
}

void
hr_fit_problem_init (HrFitProblem           *problem,
                     const HrDriverFeatures *features,
                     gboolean                fit_le)
{
  problem->features = features;
  problem->level_ohm = hr_driver_width_level_ohm (features->z_fs_ohm, features->z_1k_ohm);
  problem->fit_qms = !isnan (features->width_lo_hz);
  problem->fit_le = fit_le;
  problem->qms = isnan (features->qms) ? HR_FIT_QMS_ASSUMED : features->qms;
  problem->le_h = 0.0;
  problem->n = 0;
  problem->vars[problem->n++] = HR_FIT_VAR_RE;
  problem->vars[problem->n++] = HR_FIT_VAR_FS;
  problem->vars[problem->n++] = HR_FIT_VAR_RES;
  if (problem->fit_qms)
    problem->vars[problem->n++] = HR_FIT_VAR_QMS;
  if (problem->fit_le)
    problem->vars[problem->n++] = HR_FIT_VAR_LE;
}

static double
le_h_per_unit (const HrFitProblem *problem)
{
  return problem->features->z_1k_ohm / (2.0 * G_PI * HR_FIT_HIGH_FREQ_HZ);
}

void
hr_fit_problem_unpack (const HrFitProblem *problem,
                       const double       *x,
                       HrFitDriver        *driver)
{
  driver->le_h = problem->le_h;
  driver->qms = problem->qms;
  for (guint k = 0; k < problem->n; k++)
    switch (problem->vars[k])
      {
      case HR_FIT_VAR_RE:
        driver->re_ohm = exp (x[k]);
        break;
      case HR_FIT_VAR_FS:
        driver->fs_hz = exp (x[k]);
        break;
      case HR_FIT_VAR_RES:
        driver->res_ohm = exp (x[k]);
        break;
      case HR_FIT_VAR_QMS:
        driver->qms = exp (x[k]);
        break;
      case HR_FIT_VAR_LE:
        driver->le_h = x[k] * le_h_per_unit (problem);
        break;
      case HR_FIT_N_VARS:
      default:
        g_assert_not_reached ();
      }
}

/* The Qms whose peak, with this Re and Le = 0, crosses the width's
 * level at the ratio given (see the top of the file). Re < z_1k < level
 * < z_fs, so the root is real. */
static double
guess_qms (const HrFitProblem *problem,
           double              re_ohm)
{
  const HrDriverFeatures *features = problem->features;
  const double top2 = features->z_fs_ohm * features->z_fs_ohm;
  const double level2 = problem->level_ohm * problem->level_ohm;
  const double x_level = sqrt ((top2 - level2) / (level2 - re_ohm * re_ohm));
  const double s = sqrt (features->width_hi_hz / features->width_lo_hz);

  return x_level / (s - 1.0 / s);
}

/* With Le = 0 and Re + Res = z_fs, |Z|² at 1 kHz works out to
 * (Re²·x² + z_fs²)/(1 + x²), x taken at 1 kHz: the Re² that gives z_1k
 * with this Qms. It is below z_1k² always, and 0 or below when a peak
 * this broad cannot fall to z_1k by 1 kHz. */
static double
guess_re2 (const HrFitProblem *problem,
           double              qms)
{
  const HrDriverFeatures *features = problem->features;
  const double top2 = features->z_fs_ohm * features->z_fs_ohm;
  const double z_1k2 = features->z_1k_ohm * features->z_1k_ohm;
  const double ratio = HR_FIT_MID_FREQ_HZ / features->fs_hz;
  const double x_1k = qms * (ratio - 1.0 / ratio);

  /* A peak at 1 kHz itself would have |Z| there equal to z_fs. */
  if (x_1k == 0.0)
    return -1.0;
  return (z_1k2 * (1.0 + x_1k * x_1k) - top2) / (x_1k * x_1k);
}

/* First guesses for Le = 0, the exact fit when the figures are
 * consistent and the width centred: fs is the peak's frequency, Res the
 * peak less Re, and Re and Qms follow from |Z| at 1 kHz and the width
 * (guess_re2(), guess_qms()). With the width given these two depend on
 * each other, and Re is found by bisection: too large a Re needs a
 * narrower peak than |Z| at 1 kHz allows, too small a broader one. The
 * tail at 1 kHz is no small correction for a peak near 1 kHz.
 * Le, when fitted, starts from the model these lead to: see
 * hr_fit_driver(). */
void
hr_fit_problem_guess (const HrFitProblem *problem,
                      double             *x)
{
  const HrDriverFeatures *features = problem->features;
  double re_ohm = features->z_1k_ohm;
  double qms = problem->qms;

  g_assert (!problem->fit_le);

  if (problem->fit_qms)
    {
      double lo_ohm = 1e-3 * features->z_1k_ohm;
      double hi_ohm = features->z_1k_ohm;

      /* At Re = z_1k the difference is above 0; at the bottom it must be
       * below, or no Le = 0 model has these figures and Newton starts
       * from Re = z_1k to say which it misses. */
      if (lo_ohm * lo_ohm - guess_re2 (problem, guess_qms (problem, lo_ohm)) < 0.0)
        {
          for (guint i = 0; i < BISECTION_STEPS; i++)
            {
              const double mid_ohm = 0.5 * (lo_ohm + hi_ohm);

              if (mid_ohm * mid_ohm - guess_re2 (problem, guess_qms (problem, mid_ohm)) < 0.0)
                lo_ohm = mid_ohm;
              else
                hi_ohm = mid_ohm;
            }
          re_ohm = 0.5 * (lo_ohm + hi_ohm);
        }
      qms = guess_qms (problem, re_ohm);
    }
  else
    {
      const double re2 = guess_re2 (problem, qms);

      if (re2 > 0.0)
        re_ohm = sqrt (re2);
    }

  for (guint k = 0; k < problem->n; k++)
    switch (problem->vars[k])
      {
      case HR_FIT_VAR_RE:
        x[k] = log (re_ohm);
        break;
      case HR_FIT_VAR_FS:
        x[k] = log (features->fs_hz);
        break;
      case HR_FIT_VAR_RES:
        x[k] = log (features->z_fs_ohm - re_ohm);
        break;
      case HR_FIT_VAR_QMS:
        x[k] = log (qms);
        break;
      case HR_FIT_VAR_LE:
      case HR_FIT_N_VARS:
      default:
        g_assert_not_reached ();
      }
}

static gboolean
problem_residuals (const HrFitProblem *problem,
                   const double       *x,
                   double             *r)
{
  const HrDriverFeatures *features = problem->features;
  HrFitDriver driver;
  double peak_hz;
  double peak_ohm;

  hr_fit_problem_unpack (problem, x, &driver);
  if (!driver_is_finite (&driver) || !hr_fit_driver_find_peak (&driver, &peak_hz, &peak_ohm))
    return FALSE;

  for (guint k = 0; k < problem->n; k++)
    switch (problem->vars[k])
      {
      case HR_FIT_VAR_RE:
        r[k] = log (hr_cabs (hr_fit_driver_eval (&driver, HR_FIT_MID_FREQ_HZ)) / features->z_1k_ohm);
        break;
      case HR_FIT_VAR_FS:
        r[k] = log (peak_hz / features->fs_hz);
        break;
      case HR_FIT_VAR_RES:
        r[k] = log (peak_ohm / features->z_fs_ohm);
        break;
      case HR_FIT_VAR_QMS:
        {
          double lo_hz;
          double hi_hz;

          if (!hr_fit_driver_find_crossing (&driver, peak_hz, problem->level_ohm, -1.0, &lo_hz) ||
              !hr_fit_driver_find_crossing (&driver, peak_hz, problem->level_ohm, 1.0, &hi_hz))
            return FALSE;
          r[k] = log (hi_hz / lo_hz) - log (features->width_hi_hz / features->width_lo_hz);
        }
        break;
      case HR_FIT_VAR_LE:
        r[k] = log (hr_cabs (hr_fit_driver_eval (&driver, HR_FIT_HIGH_FREQ_HZ)) / features->z_20k_ohm);
        break;
      case HR_FIT_N_VARS:
      default:
        g_assert_not_reached ();
      }

  for (guint k = 0; k < problem->n; k++)
    if (!isfinite (r[k]))
      return FALSE;
  return TRUE;
}

static double
sum_of_squares (const double *r,
                guint         n)
{
  double sum = 0.0;

  for (guint k = 0; k < n; k++)
    sum += r[k] * r[k];
  return sum;
}

double
hr_fit_max_abs (const double *r,
                guint         n)
{
  double most = 0.0;

  for (guint k = 0; k < n; k++)
    most = MAX (most, fabs (r[k]));
  return most;
}

/* Central differences: the peak's frequency has no handy derivative, and
 * five unknowns make this ten evaluations. */
static gboolean
problem_jacobian (const HrFitProblem *problem,
                  const double       *x,
                  double             *jacobian)
{
  const guint n = problem->n;

  for (guint j = 0; j < n; j++)
    {
      double x_up[HR_FIT_N_VARS];
      double x_down[HR_FIT_N_VARS];
      double r_up[HR_FIT_N_VARS];
      double r_down[HR_FIT_N_VARS];

      for (guint k = 0; k < n; k++)
        x_up[k] = x_down[k] = x[k];
      x_up[j] += JACOBIAN_STEP;
      x_down[j] -= JACOBIAN_STEP;
      if (!problem_residuals (problem, x_up, r_up) ||
          !problem_residuals (problem, x_down, r_down))
        return FALSE;
      for (guint i = 0; i < n; i++)
        jacobian[i * n + j] = (r_up[i] - r_down[i]) / (2.0 * JACOBIAN_STEP);
    }

  return TRUE;
}

/* Solves a·x = b in place (b becomes x) by Gaussian elimination with
 * partial pivoting; n is at most 5. */
static gboolean
solve_linear (double *a,
              double *b,
              guint   n)
{
  for (guint col = 0; col < n; col++)
    {
      guint pivot = col;

      for (guint row = col + 1; row < n; row++)
        if (fabs (a[row * n + col]) > fabs (a[pivot * n + col]))
          pivot = row;
      if (!(fabs (a[pivot * n + col]) > 1e-300))
        return FALSE;
      if (pivot != col)
        {
          for (guint k = 0; k < n; k++)
            {
              double t = a[col * n + k];

              a[col * n + k] = a[pivot * n + k];
              a[pivot * n + k] = t;
            }
          {
            double t = b[col];

            b[col] = b[pivot];
            b[pivot] = t;
          }
        }
      for (guint row = col + 1; row < n; row++)
        {
          const double factor = a[row * n + col] / a[col * n + col];

          for (guint k = col; k < n; k++)
            a[row * n + k] -= factor * a[col * n + k];
          b[row] -= factor * b[col];
        }
    }

  for (guint col = n; col-- > 0;)
    {
      double sum = b[col];

      for (guint k = col + 1; k < n; k++)
        sum -= a[col * n + k] * b[k];
      b[col] = sum / a[col * n + col];
    }

  for (guint k = 0; k < n; k++)
    if (!isfinite (b[k]))
      return FALSE;
  return TRUE;
}

/* Newton's method with the step halved until the residuals shrink: far
 * from the solution a full step can overshoot to a model whose peak is
 * elsewhere or gone. @x holds the start, and the best point found on
 * return; @r its residuals. FALSE only if the start cannot be evaluated. */
static gboolean
problem_solve (const HrFitProblem *problem,
               double             *x,
               double             *r)
{
  const guint n = problem->n;
  double norm;

  if (!problem_residuals (problem, x, r))
    return FALSE;
  norm = sum_of_squares (r, n);

  for (guint iteration = 0; iteration < NEWTON_MAX_ITERATIONS; iteration++)
    {
      double jacobian[HR_FIT_N_VARS * HR_FIT_N_VARS];
      double step[HR_FIT_N_VARS];
      gboolean accepted = FALSE;
      double alpha = 1.0;

      if (hr_fit_max_abs (r, n) < NEWTON_DONE)
        break;
      if (!problem_jacobian (problem, x, jacobian))
        break;
      for (guint k = 0; k < n; k++)
        step[k] = -r[k];
      if (!solve_linear (jacobian, step, n))
        break;

      for (guint halving = 0; halving < NEWTON_MAX_HALVINGS && !accepted; halving++, alpha *= 0.5)
        {
          double x_try[HR_FIT_N_VARS];
          double r_try[HR_FIT_N_VARS];

          for (guint k = 0; k < n; k++)
            x_try[k] = x[k] + alpha * step[k];
          if (problem_residuals (problem, x_try, r_try) && sum_of_squares (r_try, n) < norm)
            {
              for (guint k = 0; k < n; k++)
                {
                  x[k] = x_try[k];
                  r[k] = r_try[k];
                }
              norm = sum_of_squares (r, n);
              accepted = TRUE;
            }
        }
      if (!accepted)
        break;
    }

  return TRUE;
}

/* Newton from @x; TRUE if it meets every figure of @problem. */
gboolean
hr_fit_solve (const HrFitProblem *problem,
              double             *x,
              double             *r)
{
  if (!problem_solve (problem, x, r))
    {
      for (guint k = 0; k < problem->n; k++)
        r[k] = INFINITY;
      return FALSE;
    }
  return hr_fit_max_abs (r, problem->n) < HR_FIT_MET;
}

/* The Le that brings @driver's |Z| at 20 kHz to @target_ohm, keeping
 * the rest of its reactance there, X (below 0: above fs the motional
 * branch is capacitive). |Z| is least, √(R² + 0), where ωLe = −X, and
 * even about it: a target above the Le = 0 value √(R² + X²) takes the
 * Le above the twin of 0, ωLe = −X + √(target² − R²); a target between
 * the two takes the small Le below −X; one below R, the least Le. */
static double
le_for (const HrFitDriver *driver,
        double             target_ohm)
{
  const double omega = 2.0 * G_PI * HR_FIT_HIGH_FREQ_HZ;
  const double complex z_high = hr_fit_driver_eval (driver, HR_FIT_HIGH_FREQ_HZ);
  const double r_ohm = creal (z_high);
  const double x_rest_ohm = cimag (z_high) - omega * driver->le_h;
  const double xl2 = target_ohm * target_ohm - r_ohm * r_ohm;

  if (xl2 <= 0.0)
    return -x_rest_ohm / omega;
  if (target_ohm * target_ohm >= r_ohm * r_ohm + x_rest_ohm * x_rest_ohm)
    return (-x_rest_ohm + sqrt (xl2)) / omega;
  return (-x_rest_ohm - sqrt (xl2)) / omega;
}

/* Full Newton on every figure from @x (all but Le) and the Le that
 * le_for() gives @driver; on success @x, @r and @driver take the fit. */
static gboolean
try_with_le (const HrFitProblem *full,
             double             *x,
             double             *r,
             HrFitDriver        *driver)
{
  double x_try[HR_FIT_N_VARS];
  double r_try[HR_FIT_N_VARS];
  HrFitDriver fitted;

  for (guint k = 0; k + 1 < full->n; k++)
    x_try[k] = x[k];
  x_try[full->n - 1] = le_for (driver, full->features->z_20k_ohm) / le_h_per_unit (full);
  if (!hr_fit_solve (full, x_try, r_try))
    return FALSE;
  hr_fit_problem_unpack (full, x_try, &fitted);
  if (fitted.le_h < 0.0)
    return FALSE;

  for (guint k = 0; k < full->n; k++)
    {
      x[k] = x_try[k];
      r[k] = r_try[k];
    }
  *driver = fitted;
  return TRUE;
}

/* Adds Le to a fit made with Le = 0 (@problem, @x, @driver) so that |Z|
 * at 20 kHz meets the figure. Newton cannot start from Le = 0 itself:
 * there the reactance adds to |Z| in quadrature, |Z| at 20 kHz hardly
 * moves with Le and the step is all but undefined. So it starts from
 * le_for(). When that Le moves the other figures too far for Newton,
 * Le is walked towards it instead, the other parameters refitted with
 * Le held at each step, and the full fit tried again from each. On
 * success @problem, @x, @driver hold the fit with Le; on failure @r the
 * residuals of the last fit that stood, for the message. */
gboolean
hr_fit_solve_with_le (HrFitProblem *problem,
                      double       *x,
                      HrFitDriver  *driver,
                      double       *r)
{
  HrFitProblem held = *problem;
  HrFitProblem full;
  double step = 1.0;

  g_assert (!problem->fit_le);
  hr_fit_problem_init (&full, problem->features, TRUE);

  for (guint i = 0; i < LE_WALK_MAX_STEPS; i++)
    {
      const double goal_h = le_for (driver, full.features->z_20k_ohm);
      double x_held[HR_FIT_N_VARS];
      double r_held[HR_FIT_N_VARS];

      if (try_with_le (&full, x, r, driver))
        {
          *problem = full;
          return TRUE;
        }

      held.le_h = driver->le_h + step * (goal_h - driver->le_h);
      for (guint k = 0; k < held.n; k++)
        x_held[k] = x[k];
      if (hr_fit_solve (&held, x_held, r_held))
        {
          for (guint k = 0; k < held.n; k++)
            x[k] = x_held[k];
          hr_fit_problem_unpack (&held, x, driver);
          step = MIN (1.0, 2.0 * step);
        }
      else if ((step /= 2.0) < 1.0 / 64.0)
        break;
    }

  /* Say what the last fit that stood misses of the figures. */
  *problem = full;
  x[full.n - 1] = driver->le_h / le_h_per_unit (&full);
  if (!problem_residuals (problem, x, r))
    for (guint k = 0; k < problem->n; k++)
      r[k] = INFINITY;
  return FALSE;
}
