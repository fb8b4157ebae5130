/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HR_MODEL_ERROR (hr_model_error_quark ())

/* Every problem with the numbers handed to the model. The message always
 * names the field and the offending value, so that a caller can show it
 * to the user as it is, prefixed with the file it came from.
 */
typedef enum
{
  HR_MODEL_ERROR_INVALID_VALUE,
  HR_MODEL_ERROR_EMPTY,
  HR_MODEL_ERROR_NOT_INCREASING,
} HrModelError;

GQuark   hr_model_error_quark           (void);
gboolean hr_check_positive              (const char  *field,
                                         double       value,
                                         GError     **error);
gboolean hr_check_non_negative          (const char  *field,
                                         double       value,
                                         GError     **error);
gboolean hr_check_finite                (const char  *field,
                                         double       value,
                                         GError     **error);
gboolean hr_check_frequencies           (const double *freq_hz,
                                         guint         n_freqs,
                                         GError      **error);

G_END_DECLS
