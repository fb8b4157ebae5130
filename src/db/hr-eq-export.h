/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-core.h"

G_BEGIN_DECLS

/* The EQ as files for the programs that run it. Numbers are written with
 * a dot in the C locale, whatever the user's. */
typedef enum
{
  HR_EQ_FORMAT_GRAPHICEQ,    /* Equalizer APO GraphicEQ line, as AutoEq's GraphicEQ.txt */
  HR_EQ_FORMAT_APO,          /* Equalizer APO Preamp and parametric Filter lines */
  HR_EQ_FORMAT_EASYEFFECTS,  /* an EasyEffects 7 output preset */
} HrEqFormat;

gboolean     hr_eq_format_from_string      (const char     *name,
                                            HrEqFormat     *format);
const char  *hr_eq_format_to_string        (HrEqFormat      format);
const char  *hr_eq_format_get_extension    (HrEqFormat      format);

char        *hr_eq_export_graphiceq        (const double   *freq_hz,
                                            const double   *target_db,
                                            guint           n_points,
                                            GError        **error);
char        *hr_eq_export_apo              (const HrEqFit  *fit,
                                            const char     *comment,
                                            GError        **error);
char        *hr_eq_export_easyeffects      (const HrEqFit  *fit,
                                            GError        **error);
char        *hr_eq_export_text             (const HrEqFit  *fit,
                                            HrEqFormat      format,
                                            const char     *comment,
                                            GError        **error);
gboolean     hr_eq_export_save             (const char     *filename,
                                            const HrEqFit  *fit,
                                            HrEqFormat      format,
                                            const char     *comment,
                                            GError        **error);
char        *hr_eq_export_undo             (const HrSweep         *sweep,
                                            const HrSummary       *summary,
                                            const char            *label,
                                            const HrEqFitOptions  *options,
                                            HrEqFormat             format,
                                            HrEqFit              **fit_out,
                                            GError               **error);

G_END_DECLS
