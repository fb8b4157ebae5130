/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-impedance.h"
#include "hr-sweep-private.h"

G_BEGIN_DECLS

void hr_impedance_eval_grid (HrImpedance       *self,
                             const HrSweepGrid *grid,
                             guint              n_freqs,
                             double            *z_re_ohm,
                             double            *z_im_ohm);

G_END_DECLS
