/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-model-error.h"

G_DEFINE_QUARK (hr-model-error-quark, hr_model_error)

/* The value goes into the message as the user typed it would look, "%g",
 * so that "nan", "inf" and "-3" come back recognisably.
 */
static gboolean
fail_with_value (const char  *field,
                 const char  *requirement,
                 double       value,
                 GError     **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (value_text, sizeof value_text, "%g", value);
  g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
               /* Translators: "re_ohm must be a finite number greater than 0, got -3" */
               _("%s must be %s, got %s"), field, requirement, value_text);
  return FALSE;
}

gboolean
hr_check_positive (const char  *field,
                   double       value,
                   GError     **error)
{
  if (isfinite (value) && value > 0.0)
    return TRUE;
  return fail_with_value (field, _("a finite number greater than 0"), value, error);
}

gboolean
hr_check_non_negative (const char  *field,
                       double       value,
                       GError     **error)
{
  if (isfinite (value) && value >= 0.0)
    return TRUE;
  return fail_with_value (field, _("a finite number of 0 or more"), value, error);
}

gboolean
hr_check_finite (const char  *field,
                 double       value,
                 GError     **error)
{
  if (isfinite (value))
    return TRUE;
  return fail_with_value (field, _("a finite number"), value, error);
}
