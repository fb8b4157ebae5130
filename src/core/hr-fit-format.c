/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-fit.h"
#include "hr-format.h"

/* A driver fit in words: the note a preset keeps in its "modelled" field,
 * and the sentences a form shows beside the result.
 *
 * Both come in the user's language or in English with a decimal dot, as
 * the rest of hr-format.c's figures do. The note goes into JSON, so the
 * caller asks for English there; the form asks for its user's language.
 * The figures in the note are the ones the user gave, not the model's:
 * the note says what the model was fitted to, and then where it misses.
 */

typedef struct
{
  gboolean   translate;
  GPtrArray *texts;  /* keeps each formatted figure until the end */
} Words;

static const char *
keep (Words *words,
      char  *text)
{
  g_ptr_array_add (words->texts, text);
  return text;
}

static const char *
ohm (Words  *words,
     double  value_ohm)
{
  return keep (words, hr_format_ohm_full (value_ohm, words->translate));
}

static const char *
freq (Words  *words,
      double  freq_hz)
{
  return keep (words, hr_format_freq_full (freq_hz, words->translate));
}

static const char *
num (Words      *words,
     const char *printf_format,
     double      value)
{
  return keep (words, hr_format_number (printf_format, value, words->translate));
}

#define T(msgid) hr_format_text (msgid, words->translate)

static char *
figures_text (Words             *words,
              const HrDriverFit *fit)
{
  const HrDriverFigureFit *figures = fit->figures;
  const char *peak_ohm = ohm (words, figures[HR_DRIVER_FIGURE_PEAK_OHM].target);
  const char *peak_hz = freq (words, figures[HR_DRIVER_FIGURE_PEAK_HZ].target);
  const char *at_1k = ohm (words, figures[HR_DRIVER_FIGURE_1KHZ_OHM].target);
  const gboolean has_20k = figures[HR_DRIVER_FIGURE_20KHZ_OHM].given;
  const char *at_20k = has_20k ? ohm (words, figures[HR_DRIVER_FIGURE_20KHZ_OHM].target) : NULL;

  /* Four whole phrases rather than pieces, so that a translator sees
   * each as it reads. */
  if (figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ].given)
    {
      const char *level = ohm (words, fit->width_level_ohm);
      const char *lo = freq (words, figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ].target);
      const char *hi = freq (words, figures[HR_DRIVER_FIGURE_WIDTH_HI_HZ].target);

      if (has_20k)
        /* Translators: "fitted to the peak of 510 Ω at 95 Hz, half-way down (398 Ω) at 62 Hz and 145 Hz, 310 Ω at 1 kHz and 370 Ω at 20 kHz" */
        return g_strdup_printf (T (N_("fitted to the peak of %s at %s, half-way down (%s) at %s and %s, %s at 1 kHz and %s at 20 kHz")),
                                peak_ohm, peak_hz, level, lo, hi, at_1k, at_20k);
      return g_strdup_printf (T (N_("fitted to the peak of %s at %s, half-way down (%s) at %s and %s, and %s at 1 kHz")),
                              peak_ohm, peak_hz, level, lo, hi, at_1k);
    }

  if (has_20k)
    return g_strdup_printf (T (N_("fitted to the peak of %s at %s, %s at 1 kHz and %s at 20 kHz")),
                            peak_ohm, peak_hz, at_1k, at_20k);
  /* Translators: "fitted to the peak of 510 Ω at 95 Hz and 310 Ω at 1 kHz" */
  return g_strdup_printf (T (N_("fitted to the peak of %s at %s and %s at 1 kHz")),
                          peak_ohm, peak_hz, at_1k);
}

static gboolean
missed (const HrDriverFit *fit,
        HrDriverFigure     figure)
{
  return fit->figures[figure].given && fabs (fit->figures[figure].rel_error) > HR_FIT_MISS_TOLERANCE;
}

static char *
join (GPtrArray *parts)
{
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("; ", (char **) parts->pdata);
}

/**
 * hr_driver_fit_format_note:
 * @translate: %TRUE for the user's language and number format, %FALSE
 *   for English with a decimal dot, as a preset's "modelled" field wants
 *
 * Returns: (transfer full): what the model was fitted to, what was
 *   assumed, and any figure it misses, as one phrase: "fitted to the
 *   peak of 510 Ω at 95 Hz and 310 Ω at 1 kHz (Qms assumed 0.56; Le
 *   assumed 0, no 20 kHz figure)"
 */
char *
hr_driver_fit_format_note (const HrDriverFit *fit,
                           gboolean           translate)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) assumed = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) misses = g_ptr_array_new_with_free_func (g_free);
  Words the_words = { translate, texts };
  Words *words = &the_words;
  const HrDriverFigureFit *figures;
  GString *note;

  g_return_val_if_fail (fit != NULL, NULL);

  figures = fit->figures;
  note = g_string_new (keep (words, figures_text (words, fit)));

  if (fit->qms_assumed)
    g_ptr_array_add (assumed, g_strdup_printf (T (N_("Qms assumed %s")), num (words, "%.3g", fit->ts.qms)));
  if (fit->qms_given)
    g_ptr_array_add (assumed, g_strdup_printf (T (N_("Qms %s as given")), num (words, "%.3g", fit->ts.qms)));
  if (fit->le_assumed)
    g_ptr_array_add (assumed, g_strdup (T (N_("Le assumed 0, no 20 kHz figure"))));
  if (fit->le_clamped && missed (fit, HR_DRIVER_FIGURE_20KHZ_OHM))
    g_ptr_array_add (assumed, g_strdup (T (N_("Le 0, the 20 kHz figure being below what the model reaches"))));

  if (missed (fit, HR_DRIVER_FIGURE_PEAK_HZ))
    g_ptr_array_add (misses, g_strdup_printf (T (N_("the model's peak is at %s")),
                                              freq (words, figures[HR_DRIVER_FIGURE_PEAK_HZ].model)));
  if (missed (fit, HR_DRIVER_FIGURE_PEAK_OHM))
    g_ptr_array_add (misses, g_strdup_printf (T (N_("the model's peak is %s")),
                                              ohm (words, figures[HR_DRIVER_FIGURE_PEAK_OHM].model)));
  if (missed (fit, HR_DRIVER_FIGURE_1KHZ_OHM))
    g_ptr_array_add (misses, g_strdup_printf (T (N_("the model gives %s at 1 kHz")),
                                              ohm (words, figures[HR_DRIVER_FIGURE_1KHZ_OHM].model)));
  if (missed (fit, HR_DRIVER_FIGURE_20KHZ_OHM))
    g_ptr_array_add (misses, g_strdup_printf (T (N_("the model gives %s at 20 kHz")),
                                              ohm (words, figures[HR_DRIVER_FIGURE_20KHZ_OHM].model)));
  if (missed (fit, HR_DRIVER_FIGURE_WIDTH_LO_HZ) || missed (fit, HR_DRIVER_FIGURE_WIDTH_HI_HZ))
    g_ptr_array_add (misses, g_strdup_printf (T (N_("the model is half-way down at %s and %s")),
                                              freq (words, figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ].model),
                                              freq (words, figures[HR_DRIVER_FIGURE_WIDTH_HI_HZ].model)));

  if (assumed->len > 0)
    g_string_append_printf (note, " (%s)", keep (words, join (assumed)));
  if (misses->len > 0)
    g_string_append_printf (note, "; %s", keep (words, join (misses)));

  return g_string_free (note, FALSE);
}

/**
 * hr_driver_fit_format_summary:
 * @translate: %TRUE for the user's language and number format, %FALSE
 *   for English with a decimal dot
 *
 * Returns: (transfer full) (nullable): whole sentences on what the fit
 *   assumed and what it could not meet, for a form to show beside the
 *   result; %NULL if it assumed nothing and met every figure
 */
char *
hr_driver_fit_format_summary (const HrDriverFit *fit,
                              gboolean           translate)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  Words the_words = { translate, texts };
  Words *words = &the_words;
  const HrDriverFigureFit *figures;

  g_return_val_if_fail (fit != NULL, NULL);

  figures = fit->figures;
  if (fit->qms_assumed)
    g_ptr_array_add (sentences,
                     g_strdup_printf (T (N_("The width of the peak was not given, so Qms is assumed to be %s, the median of the bundled headphones whose plots show it.")),
                                      num (words, "%.3g", fit->ts.qms)));
  if (fit->le_assumed)
    g_ptr_array_add (sentences,
                     g_strdup (T (N_("No figure at 20 kHz was given, so the voice-coil inductance Le is taken as 0 and the curve as flat above the resonance."))));
  if (fit->le_clamped && missed (fit, HR_DRIVER_FIGURE_20KHZ_OHM))
    g_ptr_array_add (sentences,
                     g_strdup_printf (T (N_("The %s given at 20 kHz is below the %s the model reaches there with no voice-coil inductance, so Le is 0 and that figure is missed.")),
                                      ohm (words, figures[HR_DRIVER_FIGURE_20KHZ_OHM].target),
                                      ohm (words, figures[HR_DRIVER_FIGURE_20KHZ_OHM].model)));
  if (fit->width_off_centre)
    g_ptr_array_add (sentences,
                     g_strdup_printf (T (N_("The half-way points given are not centred on the peak on a logarithmic frequency scale, and the model's are, at %s and %s: only the width between them was fitted.")),
                                      freq (words, figures[HR_DRIVER_FIGURE_WIDTH_LO_HZ].model),
                                      freq (words, figures[HR_DRIVER_FIGURE_WIDTH_HI_HZ].model)));

  if (sentences->len == 0)
    return NULL;
  g_ptr_array_add (sentences, NULL);
  return g_strjoinv (" ", (char **) sentences->pdata);
}

#undef T
