/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <math.h>

/* |z| and |z|² without hypot(): hypot guards against overflow and
 * underflow in the squares, which costs several times a sqrt, and our
 * magnitudes (1e-12 to 1e12) are nowhere near either. */
static inline double
hr_cabs2 (double complex z)
{
  return creal (z) * creal (z) + cimag (z) * cimag (z);
}

static inline double
hr_cabs (double complex z)
{
  return sqrt (hr_cabs2 (z));
}
