/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>

/* The per-point loops of a sweep are written so that the compiler can
 * vectorise them (check with -fopt-info-vec): plain arrays, one
 * arithmetic expression a metric, selects instead of branches. What
 * stops a loop with a logarithm in it is the call: glibc has vector
 * versions of log, atan2, exp, sin and cos in libmvec (since 2.35, for
 * SSE, AVX2 and AVX-512, two to eight points a call, within 4 ulp), but
 * <math.h> tells gcc so only under -ffast-math, which this code cannot
 * have: it lives by INFINITY and NAN. Said here, with -fno-math-errno on
 * the core (core/meson.build), gcc calls them. Other compilers and
 * libraries get the scalar calls, and the same results to the last few
 * ulp.
 *
 * HR_SIMD_CLONES builds a function three times, for the x86-64 baseline,
 * AVX2 and AVX-512, and picks one when the program is loaded: the
 * baseline does two points an instruction, AVX2 four. */

#if defined (__GNUC__) && !defined (__clang__) && defined (__x86_64__) && defined (__GLIBC_PREREQ)
# if __GLIBC_PREREQ (2, 35)
#  define HR_HAVE_LIBMVEC 1
# endif
#endif

#ifdef HR_HAVE_LIBMVEC
__attribute__ ((__simd__ ("notinbranch"))) extern double log (double);
__attribute__ ((__simd__ ("notinbranch"))) extern double exp (double);
__attribute__ ((__simd__ ("notinbranch"))) extern double atan2 (double, double);
__attribute__ ((__simd__ ("notinbranch"))) extern double sin (double);
__attribute__ ((__simd__ ("notinbranch"))) extern double cos (double);
# define HR_SIMD_CLONES __attribute__ ((target_clones ("default", "avx2", "avx512f")))
#else
# define HR_SIMD_CLONES
#endif
