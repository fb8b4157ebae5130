/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-network.h"

G_BEGIN_DECLS

void hr_network_eval_grid (const HrNetwork *self,
                           const double    *omega_rad_s,
                           const double    *inv_omega,
                           guint            n_freqs,
                           double          *z_re_ohm,
                           double          *z_im_ohm);

G_END_DECLS
