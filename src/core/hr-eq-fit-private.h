/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-eq-private.h"

G_BEGIN_DECLS

/* One filter as the fitter moves it: the logarithms keep a step the
 * same size at 30 Hz as at 10 kHz, and Q above 0. */
typedef struct
{
  HrEqFilterType type;
  double         x[3];  /* ln freq_hz, gain_db, ln q */
} HrEqParam;

/* The target as the fitter sees it: its points in 20 Hz–20 kHz. */
typedef struct
{
  guint   n;
  double *freq_hz;
  double *target_db;
  double *phi;            /* sin²(ω/2) at each point */
  double *base_weight;    /* each point's share of the log-frequency span */
  double  sample_rate_hz;
  double  goal_db;        /* the largest error the fit aims for */
} HrEqProblem;

void   hr_eq_param_bounds (HrEqFilterType     type,
                           double            *lo,
                           double            *hi);
void   hr_eq_param_clamp  (HrEqParam         *param);
void   hr_eq_param_curve  (const HrEqProblem *pb,
                           const HrEqParam   *param,
                           double            *out_db);
double hr_eq_max_error    (const HrEqProblem *pb,
                           const double      *model_db);
double hr_eq_lm_fit       (const HrEqProblem *pb,
                           const double      *fixed_db,
                           const double      *weight,
                           HrEqParam         *params,
                           guint              k,
                           guint              max_iterations,
                           double            *model_db);
double hr_eq_fit_all      (const HrEqProblem *pb,
                           HrEqParam         *params,
                           guint              k,
                           guint              lawson_rounds,
                           double            *model_db);

G_END_DECLS
