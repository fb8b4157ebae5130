/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-fit-private.h"
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

#define FS_MIN_HZ 5.0
#define FS_MAX_HZ 2000.0

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
  if (features->fs_hz < HR_FIT_MID_FREQ_HZ && !(features->width_hi_hz < HR_FIT_MID_FREQ_HZ))
    {
      format_value (value_text, sizeof value_text, features->width_hi_hz);
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("width_hi_hz must be below 1000 Hz, where |Z| is down to z_1k_ohm, got %s"),
                   value_text);
      return FALSE;
    }
  if (features->fs_hz > HR_FIT_MID_FREQ_HZ && !(features->width_lo_hz > HR_FIT_MID_FREQ_HZ))
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
fill_fit (const HrFitProblem *problem,
          const HrFitDriver  *driver,
          HrDriverFit        *fit)
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
  if (hr_fit_driver_find_peak (driver, &peak_hz, &peak_ohm))
    {
      if (!hr_fit_driver_find_crossing (driver, peak_hz, problem->level_ohm, -1.0, &lo_hz))
        lo_hz = HR_UNKNOWN;
      if (!hr_fit_driver_find_crossing (driver, peak_hz, problem->level_ohm, 1.0, &hi_hz))
        hi_hz = HR_UNKNOWN;
    }

  fit->max_rel_error = 0.0;
  set_figure (fit, HR_DRIVER_FIGURE_PEAK_HZ, features->fs_hz, peak_hz);
  set_figure (fit, HR_DRIVER_FIGURE_PEAK_OHM, features->z_fs_ohm, peak_ohm);
  set_figure (fit, HR_DRIVER_FIGURE_1KHZ_OHM, features->z_1k_ohm,
              hr_cabs (hr_fit_driver_eval (driver, HR_FIT_MID_FREQ_HZ)));
  set_figure (fit, HR_DRIVER_FIGURE_20KHZ_OHM, features->z_20k_ohm,
              hr_cabs (hr_fit_driver_eval (driver, HR_FIT_HIGH_FREQ_HZ)));
  set_figure (fit, HR_DRIVER_FIGURE_WIDTH_LO_HZ, features->width_lo_hz, lo_hz);
  set_figure (fit, HR_DRIVER_FIGURE_WIDTH_HI_HZ, features->width_hi_hz, hi_hz);

  fit->width_off_centre = problem->fit_qms &&
                          (fabs (fit->figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ].rel_error) > HR_FIT_MISS_TOLERANCE ||
                           fabs (fit->figures[HR_DRIVER_FIGURE_WIDTH_HI_HZ].rel_error) > HR_FIT_MISS_TOLERANCE);
}

/* The figure a failed fit misses most, for the message. */
static void
fail_unmet (const HrFitProblem  *problem,
            const double        *r,
            GError             **error)
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
    case HR_FIT_VAR_RE:
      field = "z_1k_ohm";
      value = features->z_1k_ohm;
      break;
    case HR_FIT_VAR_FS:
      field = "fs_hz";
      value = features->fs_hz;
      break;
    case HR_FIT_VAR_RES:
      field = "z_fs_ohm";
      value = features->z_fs_ohm;
      break;
    case HR_FIT_VAR_QMS:
      /* The width's residual is the log of the ratio of its ends. */
      field = "width_hi_hz/width_lo_hz";
      value = features->width_hi_hz / features->width_lo_hz;
      break;
    case HR_FIT_VAR_LE:
      field = "z_20k_ohm";
      value = features->z_20k_ohm;
      break;
    case HR_FIT_N_VARS:
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
  HrFitProblem problem;
  HrFitDriver driver = { 0 };
  double x[HR_FIT_N_VARS];
  double r[HR_FIT_N_VARS];
  gboolean met;

  g_return_val_if_fail (features != NULL, FALSE);
  g_return_val_if_fail (fit != NULL, FALSE);

  if (!validate_features (features, error))
    return FALSE;

  /* First with Le = 0: every figure but the one at 20 kHz. */
  hr_fit_problem_init (&problem, features, FALSE);
  hr_fit_problem_guess (&problem, x);
  met = hr_fit_solve (&problem, x, r);
  if (met || !isinf (r[0]))
    hr_fit_problem_unpack (&problem, x, &driver);

  /* Then Le, unless the fit with Le = 0 meets the 20 kHz figure
   * already, as it does a figure read off a model with none: the other
   * Le that meets it is far from 0, since |Z| is even in the total
   * reactance (le_for() in hr-fit-solve.c). A figure below the real part
   * of |Z| there, which Le does not touch, can only be missed; so can one
   * that Newton cannot reach with Le: either way the fit with Le = 0
   * stands, and says so. A fit that missed with Le = 0 may be one that Le
   * brings together. */
  if (!isnan (features->z_20k_ohm) && !isinf (r[0]))
    {
      const double complex flat_20k = hr_fit_driver_eval (&driver, HR_FIT_HIGH_FREQ_HZ);
      const double flat_20k_ohm = hr_cabs (flat_20k);

      if (!met ||
          (fabs (log (features->z_20k_ohm / flat_20k_ohm)) > HR_FIT_MET &&
           features->z_20k_ohm > creal (flat_20k)))
        {
          const HrFitProblem flat_problem = problem;
          const HrFitDriver flat_driver = driver;
          const gboolean flat_met = met;

          met = hr_fit_solve_with_le (&problem, x, &driver, r) && hr_fit_max_abs (r, problem.n) < HR_FIT_MET;
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
  HrFitDriver driver;
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
  if (!hr_fit_driver_find_peak (&driver, &peak_hz, &peak_ohm))
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("The model has no bass peak near fs_hz, %s Hz"), value_text);
      return FALSE;
    }

  *features = (HrDriverFeatures) HR_DRIVER_FEATURES_INIT;
  features->fs_hz = peak_hz;
  features->z_fs_ohm = peak_ohm;
  features->z_1k_ohm = hr_cabs (hr_fit_driver_eval (&driver, HR_FIT_MID_FREQ_HZ));
  features->z_20k_ohm = hr_cabs (hr_fit_driver_eval (&driver, HR_FIT_HIGH_FREQ_HZ));
  level_ohm = hr_driver_width_level_ohm (peak_ohm, features->z_1k_ohm);
  if (!hr_fit_driver_find_crossing (&driver, peak_hz, level_ohm, -1.0, &features->width_lo_hz) ||
      !hr_fit_driver_find_crossing (&driver, peak_hz, level_ohm, 1.0, &features->width_hi_hz))
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("The model's bass peak near fs_hz, %s Hz, does not fall half-way to its 1 kHz value on both sides"),
                   value_text);
      return FALSE;
    }

  return TRUE;
}
