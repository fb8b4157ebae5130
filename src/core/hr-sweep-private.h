/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-sweep.h"

G_BEGIN_DECLS

/* The constants of a sweep's frequency grid, computed once with the grid
 * (the app recomputes the same grid on every slider step), as plain
 * arrays that vectorised loops read: no division by a frequency is left
 * in a sweep. The load is kept with its parts apart for the same reason. */
struct _HrSweepGrid
{
  double *omega_rad_s;   /* 2πf */
  double *inv_omega;     /* 1/(2πf), in s/rad */
  double *log_freq;      /* ln f, where a measured curve is interpolated */
  double *z_re_ohm;      /* the load, real part */
  double *z_im_ohm;      /* and imaginary */
  double *scratch;       /* for the models' own steps, then the limit flags */
};

G_END_DECLS
