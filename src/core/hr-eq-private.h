/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

#include "hr-eq.h"

G_BEGIN_DECLS

/* A biquad normalised to a0 = 1, as Equalizer APO keeps it (BiQuad.cpp):
 * b0, b1, b2 over a1, a2. */
typedef struct
{
  double b0, b1, b2;
  double a1, a2;
} HrEqBiquad;

/* |H|² of a biquad at φ = sin²(ω/2), as two polynomials in φ: the form
 * of APO's BiQuad::gainAt(), rearranged so that a fitter evaluating one
 * filter at hundreds of frequencies pays a few multiplications and one
 * logarithm per point. */
typedef struct
{
  double n0, n1, n2;
  double d0, d1, d2;
} HrEqPower;

void     hr_eq_biquad_init   (HrEqBiquad       *biquad,
                              HrEqFilterType    type,
                              double            freq_hz,
                              double            gain_db,
                              double            q,
                              double            sample_rate_hz);
void     hr_eq_power_init    (HrEqPower        *power,
                              const HrEqBiquad *biquad);
double   hr_eq_phi           (double            freq_hz,
                              double            sample_rate_hz);
double   hr_eq_round         (double            value,
                              int               decimals);
void     hr_eq_filter_round  (HrEqFilter       *filter);
gboolean hr_eq_options_validate (const HrEqFitOptions *options,
                                 GError              **error);
void     hr_eq_response_many    (const HrEqFilter     *filters,
                                 guint                 n_filters,
                                 const double         *freq_hz,
                                 guint                 n_freqs,
                                 double                sample_rate_hz,
                                 double               *response_db);

static inline double
hr_eq_power_db (const HrEqPower *power,
                double           phi)
{
  double num = power->n0 + phi * (power->n1 + phi * power->n2);
  double den = power->d0 + phi * (power->d1 + phi * power->d2);

  return 10.0 * log10 (num / den);
}

G_END_DECLS
