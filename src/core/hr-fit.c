/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-fit.h"
#include "hr-model-error.h"

/* A dynamic driver's Thiele–Small model from what a published impedance
 * plot shows: the bass peak (where it tops out and how high), |Z| at
 * 1 kHz, and when given |Z| at 20 kHz and the width of the peak.
 *
 * The model (PHYSICS.md) is
 *
 *   Z(f) = Re + jωLe + Res/(1 + jx),  x = Qms·(f/fs − fs/f),  Res = Re·Qms/Qes
 *
 * With Le = 0 it tops out at exactly fs with Re + Res, is symmetric about
 * fs on a log-frequency axis, and crosses a level L where
 * x² = ((Re + Res)² − L²)/(L² − Re²); so the plot gives the parameters in
 * closed form: Re from |Z| at 1 kHz, Res as the peak less Re, Qms from
 * the width, Le from how far |Z| has risen at 20 kHz. With L = √(z_fs·Re)
 * that is Small's classic Qms = fs·√(z_fs/Re)/(f2 − f1). Re is not on a
 * plot, so the width is read at √(z_fs·z_1k) instead: |Z| at 1 kHz is Re
 * plus a little, so the two levels are close, and this one the reader can
 * work out from what they have already read.
 *
 * But an inductance tilts the peak (it tops out a little above fs and a
 * little higher than Re + Res), and |Z| at 1 kHz holds ωLe and the tail
 * of the motional branch besides Re. A plot shows the peak as it is, so
 * the closed forms only start a Newton iteration that matches the
 * model's own features, its peak as a search finds it, |Z| at 1 and
 * 20 kHz and where it crosses the width's level, to the figures, in
 * logarithms so that figures of every size weigh alike. It runs twice:
 * first with Le = 0 on every figure but the one at 20 kHz, then, from
 * that model and the Le that lifts its |Z| at 20 kHz to the figure,
 * on all of them.
 *
 * Each figure pins about one parameter: the peak's frequency fs, its
 * height Res, |Z| at 1 kHz Re, |Z| at 20 kHz Le, the width Qms. So the
 * system is square, and a figure not given leaves its parameter to an
 * assumption:
 *
 * - No width and no Qms: Qms = HR_FIT_QMS_ASSUMED, 0.56. A headphone
 *   driver is damped by acoustic resistance behind its diaphragm (felt,
 *   fabric, vents), which the electrical side sees as mechanical loss, so
 *   its Qms is low, well under the 2 to 10 of a loudspeaker. 0.56 is the
 *   median of the Qms fitted in data/presets/headphones.json wherever the
 *   published features do set the width (HD 620S, HD 660S, DT 1990 PRO,
 *   DT 880, DT 990 PRO, Utopia, Celestee, K271 MKII, HD 820), and what
 *   the presets whose source gives no width assume, so that a driver
 *   fitted here agrees with the bundled ones.
 *
 * - No figure at 20 kHz: Le = 0. A "typical" Le would invent a treble
 *   rise that the reader did not see, and that rise is exactly what makes
 *   a source's output impedance tilt the treble. Nothing else needs Le:
 *   at 1 kHz ωLe is a few ohms in quadrature with a Re of tens or
 *   hundreds, under 1 % of |Z| for the bundled drivers. The bundled
 *   presets that have no high-frequency figure do the same.
 *
 * A figure at 20 kHz below the least |Z| the model can have there (the
 * motional tail still adds to Re) cannot be met by any inductance: Le is
 * then 0 and the figure is reported as missed rather than refused, since
 * the rest of the fit stands. Likewise a width not centred on the
 * peak: the model's is, so only the ratio of its two ends is fitted.
 */

#define FS_MIN_HZ    5.0
#define FS_MAX_HZ    2000.0
#define MID_FREQ_HZ  1000.0
#define HIGH_FREQ_HZ 20000.0

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
/* Residuals are logarithms, so these are relative errors. The iteration
 * stops at the first; a fit counts as met below the second, far under
 * what anyone reads off a plot, and above the noise of the searches. */
#define NEWTON_DONE     1e-12
#define NEWTON_MET      1e-7
#define JACOBIAN_STEP   1e-6

/* The model as the solver sees it: Res in place of Qes, since the peak's
 * height pins Res, and Le free to go below 0 while it searches. */
typedef struct
{
  double re_ohm;
  double le_h;
  double fs_hz;
  double qms;
  double res_ohm;
} Driver;

static double complex
driver_eval (const Driver *driver,
             double        freq_hz)
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
driver_slope (const Driver *driver,
              double        freq_hz)
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
driver_is_finite (const Driver *driver)
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
static gboolean
driver_find_peak (const Driver *driver,
                  double       *peak_hz,
                  double       *peak_ohm)
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
  *peak_ohm = hr_cabs (driver_eval (driver, *peak_hz));
  return isfinite (*peak_ohm);
}

/* Where |Z| falls through @level_ohm walking away from the peak, down in
 * frequency (@direction −1) or up (+1). */
static gboolean
driver_find_crossing (const Driver *driver,
                      double        peak_hz,
                      double        level_ohm,
                      double        direction,
                      double       *freq_hz)
{
  const double level2 = level_ohm * level_ohm;
  double above = log (peak_hz);
  double below = above;
  guint i;

  if (!(hr_cabs2 (driver_eval (driver, peak_hz)) > level2))
    return FALSE;

  for (i = 0; i < WALK_MAX_STEPS; i++)
    {
      below = above + direction * WALK_STEP_LOG;
      if (hr_cabs2 (driver_eval (driver, exp (below))) < level2)
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
      if (hr_cabs2 (driver_eval (driver, exp (mid))) < level2)
        below = mid;
      else
        above = mid;
    }

  *freq_hz = exp (0.5 * (above + below));
  return TRUE;
}

/* The unknowns, each paired with the figure that pins it. All but Le are
 * solved for as logarithms, which keeps them positive; Le as its
 * reactance at 20 kHz over |Z| at 1 kHz, which may pass through 0. */
typedef enum
{
  VAR_RE,   /* |Z| at 1 kHz */
  VAR_FS,   /* the peak's frequency */
  VAR_RES,  /* the peak's height */
  VAR_QMS,  /* the width's ratio */
  VAR_LE,   /* |Z| at 20 kHz */
  N_VARS
} Var;

typedef struct
{
  const HrDriverFeatures *features;
  double                  level_ohm;
  gboolean                fit_qms;
  gboolean                fit_le;
  double                  qms;       /* when not fitted */
  double                  le_h;      /* when not fitted */
  guint                   n;
  Var                     vars[N_VARS];
} Problem;

static void
problem_init (Problem                *problem,
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
  problem->vars[problem->n++] = VAR_RE;
  problem->vars[problem->n++] = VAR_FS;
  problem->vars[problem->n++] = VAR_RES;
  if (problem->fit_qms)
    problem->vars[problem->n++] = VAR_QMS;
  if (problem->fit_le)
    problem->vars[problem->n++] = VAR_LE;
}

static double
le_h_per_unit (const Problem *problem)
{
  return problem->features->z_1k_ohm / (2.0 * G_PI * HIGH_FREQ_HZ);
}

static void
problem_unpack (const Problem *problem,
                const double  *x,
                Driver        *driver)
{
  driver->le_h = problem->le_h;
  driver->qms = problem->qms;
  for (guint k = 0; k < problem->n; k++)
    switch (problem->vars[k])
      {
      case VAR_RE:
        driver->re_ohm = exp (x[k]);
        break;
      case VAR_FS:
        driver->fs_hz = exp (x[k]);
        break;
      case VAR_RES:
        driver->res_ohm = exp (x[k]);
        break;
      case VAR_QMS:
        driver->qms = exp (x[k]);
        break;
      case VAR_LE:
        driver->le_h = x[k] * le_h_per_unit (problem);
        break;
      case N_VARS:
      default:
        g_assert_not_reached ();
      }
}

/* The Qms whose peak, with this Re and Le = 0, crosses the width's
 * level at the ratio given (see the top of the file). Re < z_1k < level
 * < z_fs, so the root is real. */
static double
guess_qms (const Problem *problem,
           double         re_ohm)
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
guess_re2 (const Problem *problem,
           double         qms)
{
  const HrDriverFeatures *features = problem->features;
  const double top2 = features->z_fs_ohm * features->z_fs_ohm;
  const double z_1k2 = features->z_1k_ohm * features->z_1k_ohm;
  const double ratio = MID_FREQ_HZ / features->fs_hz;
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
static void
problem_guess (const Problem *problem,
               double        *x)
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
      case VAR_RE:
        x[k] = log (re_ohm);
        break;
      case VAR_FS:
        x[k] = log (features->fs_hz);
        break;
      case VAR_RES:
        x[k] = log (features->z_fs_ohm - re_ohm);
        break;
      case VAR_QMS:
        x[k] = log (qms);
        break;
      case VAR_LE:
      case N_VARS:
      default:
        g_assert_not_reached ();
      }
}

static gboolean
problem_residuals (const Problem *problem,
                   const double  *x,
                   double        *r)
{
  const HrDriverFeatures *features = problem->features;
  Driver driver;
  double peak_hz;
  double peak_ohm;

  problem_unpack (problem, x, &driver);
  if (!driver_is_finite (&driver) || !driver_find_peak (&driver, &peak_hz, &peak_ohm))
    return FALSE;

  for (guint k = 0; k < problem->n; k++)
    switch (problem->vars[k])
      {
      case VAR_RE:
        r[k] = log (hr_cabs (driver_eval (&driver, MID_FREQ_HZ)) / features->z_1k_ohm);
        break;
      case VAR_FS:
        r[k] = log (peak_hz / features->fs_hz);
        break;
      case VAR_RES:
        r[k] = log (peak_ohm / features->z_fs_ohm);
        break;
      case VAR_QMS:
        {
          double lo_hz;
          double hi_hz;

          if (!driver_find_crossing (&driver, peak_hz, problem->level_ohm, -1.0, &lo_hz) ||
              !driver_find_crossing (&driver, peak_hz, problem->level_ohm, 1.0, &hi_hz))
            return FALSE;
          r[k] = log (hi_hz / lo_hz) - log (features->width_hi_hz / features->width_lo_hz);
        }
        break;
      case VAR_LE:
        r[k] = log (hr_cabs (driver_eval (&driver, HIGH_FREQ_HZ)) / features->z_20k_ohm);
        break;
      case N_VARS:
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

static double
max_abs (const double *r,
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
problem_jacobian (const Problem *problem,
                  const double  *x,
                  double        *jacobian)
{
  const guint n = problem->n;

  for (guint j = 0; j < n; j++)
    {
      double x_up[N_VARS];
      double x_down[N_VARS];
      double r_up[N_VARS];
      double r_down[N_VARS];

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
problem_solve (const Problem *problem,
               double        *x,
               double        *r)
{
  const guint n = problem->n;
  double norm;

  if (!problem_residuals (problem, x, r))
    return FALSE;
  norm = sum_of_squares (r, n);

  for (guint iteration = 0; iteration < NEWTON_MAX_ITERATIONS; iteration++)
    {
      double jacobian[N_VARS * N_VARS];
      double step[N_VARS];
      gboolean accepted = FALSE;
      double alpha = 1.0;

      if (max_abs (r, n) < NEWTON_DONE)
        break;
      if (!problem_jacobian (problem, x, jacobian))
        break;
      for (guint k = 0; k < n; k++)
        step[k] = -r[k];
      if (!solve_linear (jacobian, step, n))
        break;

      for (guint halving = 0; halving < NEWTON_MAX_HALVINGS && !accepted; halving++, alpha *= 0.5)
        {
          double x_try[N_VARS];
          double r_try[N_VARS];

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

/**
 * hr_driver_width_level_ohm:
 *
 * Returns: the level at which the width of a peak is read, √(z_fs·z_1k):
 *   half-way between the peak and the 1 kHz figure on a dB scale
 */
double
hr_driver_width_level_ohm (double z_fs_ohm,
                           double z_1k_ohm)
{
  return sqrt (z_fs_ohm * z_1k_ohm);
}

/**
 * hr_driver_figure_to_field:
 *
 * Returns: the name of the #HrDriverFeatures field that holds @figure, as
 *   the error messages name it
 */
const char *
hr_driver_figure_to_field (HrDriverFigure figure)
{
  switch (figure)
    {
    case HR_DRIVER_FIGURE_PEAK_HZ:
      return "fs_hz";
    case HR_DRIVER_FIGURE_PEAK_OHM:
      return "z_fs_ohm";
    case HR_DRIVER_FIGURE_1KHZ_OHM:
      return "z_1k_ohm";
    case HR_DRIVER_FIGURE_20KHZ_OHM:
      return "z_20k_ohm";
    case HR_DRIVER_FIGURE_WIDTH_LO_HZ:
      return "width_lo_hz";
    case HR_DRIVER_FIGURE_WIDTH_HI_HZ:
      return "width_hi_hz";
    case HR_DRIVER_N_FIGURES:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
format_value (char   *text,
              gsize   size,
              double  value)
{
  g_ascii_formatd (text, size, "%g", value);
}

static gboolean
validate_features (const HrDriverFeatures  *features,
                   GError                 **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];
  char other_text[G_ASCII_DTOSTR_BUF_SIZE];
  const gboolean has_lo = !isnan (features->width_lo_hz);
  const gboolean has_hi = !isnan (features->width_hi_hz);

  if (!hr_check_positive ("fs_hz", features->fs_hz, error) ||
      !hr_check_positive ("z_fs_ohm", features->z_fs_ohm, error) ||
      !hr_check_positive ("z_1k_ohm", features->z_1k_ohm, error) ||
      (!isnan (features->z_20k_ohm) && !hr_check_positive ("z_20k_ohm", features->z_20k_ohm, error)) ||
      (has_lo && !hr_check_positive ("width_lo_hz", features->width_lo_hz, error)) ||
      (has_hi && !hr_check_positive ("width_hi_hz", features->width_hi_hz, error)) ||
      (!isnan (features->qms) && !hr_check_positive ("qms", features->qms, error)))
    return FALSE;

  /* A headphone's bass resonance is somewhere in this range; outside it
   * the figure is more likely in kHz, or not a resonance at all. */
  if (features->fs_hz < FS_MIN_HZ || features->fs_hz > FS_MAX_HZ)
    {
      format_value (value_text, sizeof value_text, features->fs_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("fs_hz must be between 5 and 2000 Hz, got %s"), value_text);
      return FALSE;
    }

  if (!(features->z_fs_ohm > features->z_1k_ohm))
    {
      format_value (value_text, sizeof value_text, features->z_fs_ohm);
      format_value (other_text, sizeof other_text, features->z_1k_ohm);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("z_fs_ohm must be greater than z_1k_ohm, %s Ω, since the resonance is a peak; got %s"),
                   other_text, value_text);
      return FALSE;
    }

  if (has_lo != has_hi)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("%s is given without %s: the width of the peak takes both"),
                   has_lo ? "width_lo_hz" : "width_hi_hz", has_lo ? "width_hi_hz" : "width_lo_hz");
      return FALSE;
    }

  if (has_lo && !isnan (features->qms))
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                           _("qms is given together with width_lo_hz and width_hi_hz: give one or the other"));
      return FALSE;
    }

  if (!has_lo)
    return TRUE;

  format_value (other_text, sizeof other_text, features->fs_hz);
  if (!(features->width_lo_hz < features->fs_hz))
    {
      format_value (value_text, sizeof value_text, features->width_lo_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("width_lo_hz must be below the peak at fs_hz, %s Hz, got %s"),
                   other_text, value_text);
      return FALSE;
    }
  if (!(features->width_hi_hz > features->fs_hz))
    {
      format_value (value_text, sizeof value_text, features->width_hi_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("width_hi_hz must be above the peak at fs_hz, %s Hz, got %s"),
                   other_text, value_text);
      return FALSE;
    }

  /* |Z| is down to z_1k at 1 kHz, below the width's level, so the peak
   * must have crossed that level before it gets there. */
  if (features->fs_hz < MID_FREQ_HZ && !(features->width_hi_hz < MID_FREQ_HZ))
    {
      format_value (value_text, sizeof value_text, features->width_hi_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("width_hi_hz must be below 1000 Hz, where |Z| is down to z_1k_ohm, got %s"),
                   value_text);
      return FALSE;
    }
  if (features->fs_hz > MID_FREQ_HZ && !(features->width_lo_hz > MID_FREQ_HZ))
    {
      format_value (value_text, sizeof value_text, features->width_lo_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("width_lo_hz must be above 1000 Hz, where |Z| is down to z_1k_ohm, got %s"),
                   value_text);
      return FALSE;
    }

  return TRUE;
}

static void
set_figure (HrDriverFit    *fit,
            HrDriverFigure  figure,
            double          target,
            double          model)
{
  HrDriverFigureFit *slot = &fit->figures[figure];

  slot->given = !isnan (target);
  slot->target = target;
  slot->model = model;
  slot->rel_error = slot->given ? model / target - 1.0 : HR_UNKNOWN;
  if (slot->given)
    fit->max_rel_error = MAX (fit->max_rel_error, fabs (slot->rel_error));
}

static void
fill_fit (const Problem *problem,
          const Driver  *driver,
          HrDriverFit   *fit)
{
  const HrDriverFeatures *features = problem->features;
  double peak_hz = HR_UNKNOWN;
  double peak_ohm = HR_UNKNOWN;
  double lo_hz = HR_UNKNOWN;
  double hi_hz = HR_UNKNOWN;

  fit->ts.re_ohm = driver->re_ohm;
  fit->ts.le_h = driver->le_h;
  fit->ts.fs_hz = driver->fs_hz;
  fit->ts.qms = driver->qms;
  fit->ts.qes = driver->re_ohm * driver->qms / driver->res_ohm;
  fit->width_level_ohm = problem->level_ohm;
  fit->qms_given = !isnan (features->qms);
  fit->qms_assumed = !problem->fit_qms && !fit->qms_given;
  fit->le_assumed = isnan (features->z_20k_ohm);
  fit->le_clamped = !fit->le_assumed && !problem->fit_le;

  /* The solver evaluated this very driver, so the searches succeed. */
  if (driver_find_peak (driver, &peak_hz, &peak_ohm))
    {
      if (!driver_find_crossing (driver, peak_hz, problem->level_ohm, -1.0, &lo_hz))
        lo_hz = HR_UNKNOWN;
      if (!driver_find_crossing (driver, peak_hz, problem->level_ohm, 1.0, &hi_hz))
        hi_hz = HR_UNKNOWN;
    }

  fit->max_rel_error = 0.0;
  set_figure (fit, HR_DRIVER_FIGURE_PEAK_HZ, features->fs_hz, peak_hz);
  set_figure (fit, HR_DRIVER_FIGURE_PEAK_OHM, features->z_fs_ohm, peak_ohm);
  set_figure (fit, HR_DRIVER_FIGURE_1KHZ_OHM, features->z_1k_ohm,
              hr_cabs (driver_eval (driver, MID_FREQ_HZ)));
  set_figure (fit, HR_DRIVER_FIGURE_20KHZ_OHM, features->z_20k_ohm,
              hr_cabs (driver_eval (driver, HIGH_FREQ_HZ)));
  set_figure (fit, HR_DRIVER_FIGURE_WIDTH_LO_HZ, features->width_lo_hz, lo_hz);
  set_figure (fit, HR_DRIVER_FIGURE_WIDTH_HI_HZ, features->width_hi_hz, hi_hz);

  fit->width_off_centre = problem->fit_qms &&
                          (fabs (fit->figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ].rel_error) > HR_FIT_MISS_TOLERANCE ||
                           fabs (fit->figures[HR_DRIVER_FIGURE_WIDTH_HI_HZ].rel_error) > HR_FIT_MISS_TOLERANCE);
}

/* The figure a failed fit misses most, for the message. */
static void
fail_unmet (const Problem  *problem,
            const double   *r,
            GError        **error)
{
  const HrDriverFeatures *features = problem->features;
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];
  char miss_text[G_ASCII_DTOSTR_BUF_SIZE];
  const char *field = NULL;
  double value = HR_UNKNOWN;
  guint worst = 0;

  for (guint k = 1; k < problem->n; k++)
    if (fabs (r[k]) > fabs (r[worst]))
      worst = k;

  if (!isfinite (r[worst]))
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                           _("No single driver resonance has all these figures: "
                             "the model they suggest has no bass peak to fit"));
      return;
    }

  switch (problem->vars[worst])
    {
    case VAR_RE:
      field = "z_1k_ohm";
      value = features->z_1k_ohm;
      break;
    case VAR_FS:
      field = "fs_hz";
      value = features->fs_hz;
      break;
    case VAR_RES:
      field = "z_fs_ohm";
      value = features->z_fs_ohm;
      break;
    case VAR_QMS:
      /* The width's residual is the log of the ratio of its ends. */
      field = "width_hi_hz/width_lo_hz";
      value = features->width_hi_hz / features->width_lo_hz;
      break;
    case VAR_LE:
      field = "z_20k_ohm";
      value = features->z_20k_ohm;
      break;
    case N_VARS:
    default:
      g_assert_not_reached ();
    }

  g_ascii_formatd (value_text, sizeof value_text, "%.4g", value);
  g_ascii_formatd (miss_text, sizeof miss_text, "%.2g", 100.0 * fabs (expm1 (r[worst])));
  /* An assumed Qms is the likeliest culprit: a peak near 1 kHz, or a
   * narrow one, may simply not be as broad as assumed. */
  if (!problem->fit_qms && isnan (features->qms))
    {
      char qms_text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (qms_text, sizeof qms_text, "%g", HR_FIT_QMS_ASSUMED);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("No single driver resonance has all these figures: the closest model misses %s, %s, by %s %%, "
                     "with Qms assumed to be %s; the width of the peak would set it"),
                   field, value_text, miss_text, qms_text);
    }
  else
    g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                 _("No single driver resonance has all these figures: the closest model misses %s, %s, by %s %%"),
                 field, value_text, miss_text);
}

/* Newton from @x; TRUE if it meets every figure of @problem. */
static gboolean
solve_from (const Problem *problem,
            double        *x,
            double        *r)
{
  if (!problem_solve (problem, x, r))
    {
      for (guint k = 0; k < problem->n; k++)
        r[k] = INFINITY;
      return FALSE;
    }
  return max_abs (r, problem->n) < NEWTON_MET;
}

/* The Le that brings @driver's |Z| at 20 kHz to @target_ohm, keeping
 * the rest of its reactance there, X (below 0: above fs the motional
 * branch is capacitive). |Z| is least, √(R² + 0), where ωLe = −X, and
 * even about it: a target above the Le = 0 value √(R² + X²) takes the
 * Le above the twin of 0, ωLe = −X + √(target² − R²); a target between
 * the two takes the small Le below −X; one below R, the least Le. */
static double
le_for (const Driver *driver,
        double        target_ohm)
{
  const double omega = 2.0 * G_PI * HIGH_FREQ_HZ;
  const double complex z_high = driver_eval (driver, HIGH_FREQ_HZ);
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
try_with_le (const Problem *full,
             double        *x,
             double        *r,
             Driver        *driver)
{
  double x_try[N_VARS];
  double r_try[N_VARS];
  Driver fitted;

  for (guint k = 0; k + 1 < full->n; k++)
    x_try[k] = x[k];
  x_try[full->n - 1] = le_for (driver, full->features->z_20k_ohm) / le_h_per_unit (full);
  if (!solve_from (full, x_try, r_try))
    return FALSE;
  problem_unpack (full, x_try, &fitted);
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
static gboolean
solve_with_le (Problem *problem,
               double  *x,
               Driver  *driver,
               double  *r)
{
  Problem held = *problem;
  Problem full;
  double step = 1.0;

  g_assert (!problem->fit_le);
  problem_init (&full, problem->features, TRUE);

  for (guint i = 0; i < LE_WALK_MAX_STEPS; i++)
    {
      const double goal_h = le_for (driver, full.features->z_20k_ohm);
      double x_held[N_VARS];
      double r_held[N_VARS];

      if (try_with_le (&full, x, r, driver))
        {
          *problem = full;
          return TRUE;
        }

      held.le_h = driver->le_h + step * (goal_h - driver->le_h);
      for (guint k = 0; k < held.n; k++)
        x_held[k] = x[k];
      if (solve_from (&held, x_held, r_held))
        {
          for (guint k = 0; k < held.n; k++)
            x[k] = x_held[k];
          problem_unpack (&held, x, driver);
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

/**
 * hr_fit_driver:
 * @features: what the plot shows; optional figures HR_UNKNOWN
 * @fit: (out caller-allocates): the model, and how it meets each figure
 *
 * Fits a Thiele–Small model whose own features match @features: every
 * figure within 1e-7 where the figures are consistent, and otherwise as
 * @fit says (a 20 kHz figure below what the model can reach, or a width
 * not centred on the peak). See the top of hr-fit.c for the method and
 * the assumptions made for missing figures.
 *
 * Returns: %FALSE with @error set if a figure is out of range, or if no
 *   single resonance meets the figures together
 */
gboolean
hr_fit_driver (const HrDriverFeatures  *features,
               HrDriverFit             *fit,
               GError                 **error)
{
  Problem problem;
  Driver driver = { 0 };
  double x[N_VARS];
  double r[N_VARS];
  gboolean met;

  g_return_val_if_fail (features != NULL, FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  if (!validate_features (features, error))
    return FALSE;

  /* First with Le = 0: every figure but the one at 20 kHz. */
  problem_init (&problem, features, FALSE);
  problem_guess (&problem, x);
  met = solve_from (&problem, x, r);
  if (met || !isinf (r[0]))
    problem_unpack (&problem, x, &driver);

  /* Then Le, unless the fit with Le = 0 meets the 20 kHz figure
   * already, as it does a figure read off a model with none (whose other
   * Le to meet it, the twin of 0 in le_for(), is far from 0). A figure
   * below the real part of |Z| there, which Le does not touch, can only
   * be missed; so can one that Newton cannot reach with Le: either way
   * the fit with Le = 0 stands, and says so. A fit that missed with
   * Le = 0 may be one that Le brings together. */
  if (!isnan (features->z_20k_ohm) && !isinf (r[0]))
    {
      const double complex flat_20k = driver_eval (&driver, HIGH_FREQ_HZ);
      const double flat_20k_ohm = hr_cabs (flat_20k);

      if (!met ||
          (fabs (log (features->z_20k_ohm / flat_20k_ohm)) > NEWTON_MET &&
           features->z_20k_ohm > creal (flat_20k)))
        {
          const Problem flat_problem = problem;
          const Driver flat_driver = driver;
          const gboolean flat_met = met;

          met = solve_with_le (&problem, x, &driver, r) && max_abs (r, problem.n) < NEWTON_MET;
          if (!met && flat_met && features->z_20k_ohm < flat_20k_ohm)
            {
              problem = flat_problem;
              driver = flat_driver;
              met = TRUE;
            }
        }
    }

  if (!met)
    {
      fail_unmet (&problem, r, error);
      return FALSE;
    }

  fill_fit (&problem, &driver, fit);
  return TRUE;
}

/**
 * hr_thiele_small_get_driver_features:
 * @features: (out caller-allocates): what a plot of @ts shows, with
 *   qms HR_UNKNOWN since the width stands for it
 *
 * The figures hr_fit_driver() takes, read off the model: the top of its
 * bass peak (the local maximum nearest fs, which with Le > 0 is a little
 * above it), |Z| at 1 and 20 kHz, and where it crosses the width's level.
 *
 * Returns: %FALSE with @error set if @ts is not a valid model, or its
 *   curve has no bass peak that falls below the width's level on both
 *   sides
 */
gboolean
hr_thiele_small_get_driver_features (const HrThieleSmall  *ts,
                                     HrDriverFeatures     *features,
                                     GError              **error)
{
  g_autoptr(HrImpedance) check = NULL;
  Driver driver;
  double peak_hz;
  double peak_ohm;
  double level_ohm;
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (ts != NULL, FALSE);
  g_return_val_if_fail (features != NULL, FALSE);

  /* The model's own checks, with its own messages. */
  check = hr_impedance_new_thiele_small (ts, error);
  if (check == NULL)
    return FALSE;

  driver.re_ohm = ts->re_ohm;
  driver.le_h = ts->le_h;
  driver.fs_hz = ts->fs_hz;
  driver.qms = ts->qms;
  hr_thiele_small_derived (ts, &driver.res_ohm, NULL, NULL);

  format_value (value_text, sizeof value_text, ts->fs_hz);
  if (!driver_find_peak (&driver, &peak_hz, &peak_ohm))
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("The model has no bass peak near fs_hz, %s Hz"), value_text);
      return FALSE;
    }

  *features = (HrDriverFeatures) HR_DRIVER_FEATURES_INIT;
  features->fs_hz = peak_hz;
  features->z_fs_ohm = peak_ohm;
  features->z_1k_ohm = hr_cabs (driver_eval (&driver, MID_FREQ_HZ));
  features->z_20k_ohm = hr_cabs (driver_eval (&driver, HIGH_FREQ_HZ));
  level_ohm = hr_driver_width_level_ohm (peak_ohm, features->z_1k_ohm);
  if (!driver_find_crossing (&driver, peak_hz, level_ohm, -1.0, &features->width_lo_hz) ||
      !driver_find_crossing (&driver, peak_hz, level_ohm, 1.0, &features->width_hi_hz))
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("The model's bass peak near fs_hz, %s Hz, does not fall half-way to its 1 kHz value on both sides"),
                   value_text);
      return FALSE;
    }

  return TRUE;
}
