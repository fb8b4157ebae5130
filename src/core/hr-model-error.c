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

/**
 * hr_check_frequencies:
 * @freq_hz: (array length=n_freqs): a frequency grid
 *
 * A grid is at least one frequency, each finite, positive and above the
 * one before it; the message names the first that is not, as
 * "freq_hz[3]".
 */
gboolean
hr_check_frequencies (const double  *freq_hz,
                      guint          n_freqs,
                      GError       **error)
{
  if (n_freqs == 0 || freq_hz == NULL)
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                           _("at least one frequency is needed"));
      return FALSE;
    }

  for (guint i = 0; i < n_freqs; i++)
    {
      g_autofree char *field = g_strdup_printf ("freq_hz[%u]", i);

      if (!hr_check_positive (field, freq_hz[i], error))
        return FALSE;
      if (i > 0 && !(freq_hz[i] > freq_hz[i - 1]))
        {
          char value_text[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (value_text, sizeof value_text, "%g", freq_hz[i]);
          g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING,
                       _("%s must be greater than the frequency before it, got %s"),
                       field, value_text);
          return FALSE;
        }
    }

  return TRUE;
}
