/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>
#include <glib.h>

#include "hr-core.h"

G_BEGIN_DECLS

/* Files for other programs: UTF-8, numbers in the C locale whatever the
 * user's, so that a decimal comma never reaches a CSV or a .zma. */

/* The CSV columns of a sweep, in order. Scripts depend on these names and
 * on the "%.10g" number format: both are the contract of `headroom-cli
 * sweep` and of the app's CSV export, which share this writer. */
#define HR_EXPORT_SWEEP_CSV_HEADER \
  "freq_hz,z_mag_ohm,z_phase_deg,v_load_vrms,i_ma,p_mw,spl_db,dev_db,atten_db,spl_max_db,limit,zth_ohm"
/* After all the others, when the headphones have a response. */
#define HR_EXPORT_SWEEP_CSV_RESPONSE_COLUMNS ",fr_db,fr_pred_db"

void      hr_export_write_sweep_csv   (FILE             *out,
                                       const HrSweep    *sweep);
char     *hr_export_sweep_csv         (const HrSweep    *sweep);
char     *hr_export_zma               (const HrCircuit  *circuit,
                                       const double     *freq_hz,
                                       guint             n_freqs,
                                       GError          **error);
gboolean  hr_export_save              (const char       *filename,
                                       const char       *contents,
                                       gsize             length,
                                       GError          **error);
gboolean  hr_export_save_zma          (const char       *filename,
                                       const HrCircuit  *circuit,
                                       const double     *freq_hz,
                                       guint             n_freqs,
                                       GError          **error);
gboolean  hr_export_save_sweep_csv    (const char       *filename,
                                       const HrSweep    *sweep,
                                       GError          **error);

G_END_DECLS
