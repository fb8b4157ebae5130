/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <math.h>

/* A complex number from its parts. CMPLX() would do, but glibc only
 * defines it for gcc; clang (the fuzzing build) needs this. Writing
 * re + im·I instead would turn an infinite part into NaN. C11 lays a
 * complex out as two doubles, real first. */
static inline double complex
hr_complex (double re,
            double im)
{
  union { double complex z; double parts[2]; } u = { .parts = { re, im } };

  return u.z;
}

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
