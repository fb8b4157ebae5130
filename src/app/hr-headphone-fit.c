/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-headphone-fit"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-form.h"
#include "hr-headphone-dialog-private.h"

/* The headphones form's "From a published plot" model. Nobody prints a
 * driver's Re, Qms and Qes; a review's or a maker's impedance plot shows
 * where the bass peak tops out and how high, |Z| at 1 kHz, maybe |Z| at
 * 20 kHz and how wide the peak is. Those are fitted to a Thiele–Small
 * model (hr_fit_driver()), and the form shows how close the model comes
 * to each, and what it had to assume. */

/* The width is read where the peak crosses a level of its own: the row
 * titles say which, as soon as the peak and 1 kHz are typed. */
void
hr_headphone_dialog_update_fit_rows (HrHeadphoneDialog *self)
{
  double z_fs_ohm;
  double z_1k_ohm;
  g_autofree char *lo_title = NULL;
  g_autofree char *hi_title = NULL;

  if (hr_form_get_number (self->fit_peak_ohm_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &z_fs_ohm)
      && hr_form_get_number (self->fit_1k_ohm_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &z_1k_ohm)
      && z_fs_ohm > z_1k_ohm)
    {
      g_autofree char *level = hr_format_ohm (hr_driver_width_level_ohm (z_fs_ohm, z_1k_ohm));

      /* Translators: where the peak of an impedance plot is read, "Below the peak, where |Z| crosses 393 Ω (Hz), if shown" */
      lo_title = g_strdup_printf (_("Below the peak, where |Z| crosses %s (Hz), if shown"), level);
      /* Translators: "Above the peak, where |Z| crosses 393 Ω (Hz), if shown" */
      hi_title = g_strdup_printf (_("Above the peak, where |Z| crosses %s (Hz), if shown"), level);
    }
  else
    {
      lo_title = g_strdup (_("Below the peak, where it is half-way down in dB (Hz), if shown"));
      hi_title = g_strdup (_("Above the peak, where it is half-way down in dB (Hz), if shown"));
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fit_width_lo_row), lo_title);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->fit_width_hi_row), hi_title);
}

/* "510 Ω at 95 Hz (model 510 Ω, +0.0 %)": a figure given and what the
 * model makes of it. */
static void
append_figure (GString                 *text,
               const char              *what,
               const HrDriverFigureFit *figure,
               gboolean                 hertz)
{
  g_autofree char *target = NULL;
  g_autofree char *model = NULL;

  if (!figure->given)
    return;
  target = hertz ? hr_format_freq (figure->target) : hr_format_ohm (figure->target);
  model = hertz ? hr_format_freq (figure->model) : hr_format_ohm (figure->model);
  /* Translators: a figure of a plot against the fitted model, "peak 95 Hz: model 95 Hz, +0.0 %" */
  g_string_append_printf (text, _("\n%s %s: model %s, %+.1f %%"), what, target, model, 100.0 * figure->rel_error);
}

/* The plot's figures read and fitted; each field that does not read is
 * marked. */
static gboolean
fit_rows (HrHeadphoneDialog  *self,
          HrDriverFit        *fit,
          GError            **error)
{
  HrDriverFeatures features = HR_DRIVER_FEATURES_INIT;
  gboolean valid = TRUE;

  valid &= hr_form_get_number (self->fit_peak_hz_row, HR_UNIT_HERTZ, HR_FORM_REQUIRED_POSITIVE, &features.fs_hz);
  valid &= hr_form_get_number (self->fit_peak_ohm_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &features.z_fs_ohm);
  valid &= hr_form_get_number (self->fit_1k_ohm_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &features.z_1k_ohm);
  valid &= hr_form_get_number (self->fit_20k_ohm_row, HR_UNIT_OHM, HR_FORM_OPTIONAL_POSITIVE, &features.z_20k_ohm);
  valid &= hr_form_get_number (self->fit_width_lo_row, HR_UNIT_HERTZ, HR_FORM_OPTIONAL_POSITIVE, &features.width_lo_hz);
  valid &= hr_form_get_number (self->fit_width_hi_row, HR_UNIT_HERTZ, HR_FORM_OPTIONAL_POSITIVE, &features.width_hi_hz);
  if (!valid)
    {
      g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                           _("Enter where the bass peak tops out, how high, and |Z| at 1 kHz, as the plot shows them."));
      return FALSE;
    }
  if (isnan (features.width_lo_hz) != isnan (features.width_hi_hz))
    {
      g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                           _("The peak’s width needs both frequencies, below and above it."));
      return FALSE;
    }
  return hr_fit_driver (&features, fit, error);
}

/* Returns: (transfer full): the model fitted to the plot's figures, or
 * %NULL with @error set */
HrImpedance *
hr_headphone_dialog_build_fitted (HrHeadphoneDialog  *self,
                                  GError            **error)
{
  HrDriverFit fit;

  if (!fit_rows (self, &fit, error))
    return NULL;
  return hr_impedance_new_thiele_small (&fit.ts, error);
}

/**
 * hr_headphone_dialog_describe_fit:
 * @modelled: (out) (optional): what it was fitted to, in English, for the
 *   preset's "modelled" note
 * @summary: (out) (optional): the fit and how close it comes, for the form
 *
 * Returns: whether the figures fit
 */
gboolean
hr_headphone_dialog_describe_fit (HrHeadphoneDialog  *self,
                                  char              **modelled,
                                  char              **summary)
{
  g_autoptr(GString) text = NULL;
  g_autofree char *assumed = NULL;
  HrDriverFit fit;

  if (!fit_rows (self, &fit, NULL))
    return FALSE;
  if (modelled != NULL)
    *modelled = hr_driver_fit_format_note (&fit, FALSE);
  if (summary != NULL)
    {
      text = g_string_new (NULL);
      /* Translators: the Thiele–Small parameters fitted to a plot */
      g_string_append_printf (text, _("Fitted: Re %.4g Ω, fs %.4g Hz, Qms %.3g, Qes %.3g, Le %.3g mH"),
                              fit.ts.re_ohm, fit.ts.fs_hz, fit.ts.qms, fit.ts.qes, fit.ts.le_h * 1000.0);
      append_figure (text, _("peak"), &fit.figures[HR_DRIVER_FIGURE_PEAK_HZ], TRUE);
      append_figure (text, _("peak"), &fit.figures[HR_DRIVER_FIGURE_PEAK_OHM], FALSE);
      append_figure (text, _("at 1 kHz"), &fit.figures[HR_DRIVER_FIGURE_1KHZ_OHM], FALSE);
      append_figure (text, _("at 20 kHz"), &fit.figures[HR_DRIVER_FIGURE_20KHZ_OHM], FALSE);
      append_figure (text, _("width from"), &fit.figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ], TRUE);
      append_figure (text, _("width to"), &fit.figures[HR_DRIVER_FIGURE_WIDTH_HI_HZ], TRUE);
      assumed = hr_driver_fit_format_summary (&fit, TRUE);
      if (assumed != NULL)
        g_string_append_printf (text, "\n%s", assumed);
      *summary = g_string_free (g_steal_pointer (&text), FALSE);
    }
  return TRUE;
}

/* A preset's Thiele–Small model as the plot's figures it shows, so that
 * the model can be moved to "From a published plot" and adjusted there. */
void
hr_headphone_dialog_show_fit_features (HrHeadphoneDialog   *self,
                                       const HrThieleSmall *ts)
{
  HrDriverFeatures features = HR_DRIVER_FEATURES_INIT;

  if (!hr_thiele_small_get_driver_features (ts, &features, NULL))
    return;
  hr_form_set_number (self->fit_peak_hz_row, round (features.fs_hz * 10.0) / 10.0);
  hr_form_set_number (self->fit_peak_ohm_row, round (features.z_fs_ohm * 10.0) / 10.0);
  hr_form_set_number (self->fit_1k_ohm_row, round (features.z_1k_ohm * 10.0) / 10.0);
}
