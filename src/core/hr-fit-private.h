/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <glib.h>

#include "hr-fit.h"

G_BEGIN_DECLS

/* The solver behind hr_fit_driver(), in hr-fit-solve.c; the top of
 * hr-fit.c says what it solves and why. */

#define HR_FIT_MID_FREQ_HZ  1000.0
#define HR_FIT_HIGH_FREQ_HZ 20000.0

/* Residuals are logarithms, so this is a relative error: a fit counts as
 * met below it, far under what anyone reads off a plot, and above the
 * noise of the searches. */
#define HR_FIT_MET 1e-7

/* The model as the solver sees it: Res in place of Qes, since the peak's
 * height pins Res, and Le free to go below 0 while it searches. */
typedef struct
{
  double re_ohm;
  double le_h;
  double fs_hz;
  double qms;
  double res_ohm;
} HrFitDriver;

/* The unknowns, each paired with the figure that pins it. All but Le are
 * solved for as logarithms, which keeps them positive; Le as its
 * reactance at 20 kHz over |Z| at 1 kHz, which may pass through 0. */
typedef enum
{
  HR_FIT_VAR_RE,   /* |Z| at 1 kHz */
  HR_FIT_VAR_FS,   /* the peak's frequency */
  HR_FIT_VAR_RES,  /* the peak's height */
  HR_FIT_VAR_QMS,  /* the width's ratio */
  HR_FIT_VAR_LE,   /* |Z| at 20 kHz */
  HR_FIT_N_VARS
} HrFitVar;

/* One system of figures to meet: which unknowns are free, and the
 * values of those that are not. */
typedef struct
{
  const HrDriverFeatures *features;
  double                  level_ohm;
  gboolean                fit_qms;
  gboolean                fit_le;
  double                  qms;       /* when not fitted */
  double                  le_h;      /* when not fitted */
  guint                   n;
  HrFitVar                vars[HR_FIT_N_VARS];
} HrFitProblem;

double complex hr_fit_driver_eval          (const HrFitDriver      *driver,
                                            double                  freq_hz);
gboolean       hr_fit_driver_find_peak     (const HrFitDriver      *driver,
                                            double                 *peak_hz,
                                            double                 *peak_ohm);
gboolean       hr_fit_driver_find_crossing (const HrFitDriver      *driver,
                                            double                  peak_hz,
                                            double                  level_ohm,
                                            double                  direction,
                                            double                 *freq_hz);
void           hr_fit_problem_init         (HrFitProblem           *problem,
                                            const HrDriverFeatures *features,
                                            gboolean                fit_le);
void           hr_fit_problem_guess        (const HrFitProblem     *problem,
                                            double                 *x);
void           hr_fit_problem_unpack       (const HrFitProblem     *problem,
                                            const double           *x,
                                            HrFitDriver            *driver);
gboolean       hr_fit_solve                (const HrFitProblem     *problem,
                                            double                 *x,
                                            double                 *r);
gboolean       hr_fit_solve_with_le        (HrFitProblem           *problem,
                                            double                 *x,
                                            HrFitDriver            *driver,
                                            double                 *r);
double         hr_fit_max_abs              (const double           *r,
                                            guint                   n);

G_END_DECLS
