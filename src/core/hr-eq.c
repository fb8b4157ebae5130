/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-eq-private.h"
#include "hr-format.h"

/* The EQ that undoes what a source does to a headphone, as Equalizer APO
 * and the programs that read its files will run it.
 *
 * Every response here is Equalizer APO's own: the coefficients of
 * BiQuad::BiQuad() (the RBJ Audio EQ Cookbook, A = 10^(gain/40), and
 * α = sin ω / 2Q for PK and for the shelves written LSC/HSC with a Q),
 * normalised to a0 = 1 as APO stores them, and the magnitude of
 * BiQuad::gainAt(). A curve drawn or checked from these numbers is then
 * the one the user hears from APO at the same sample rate, not a textbook
 * approximation of it.
 */

G_DEFINE_QUARK (hr-eq-error-quark, hr_eq_error)

/* AutoEq's GraphicEQ step (constants.py DEFAULT_GRAPHIC_EQ_STEP): "Produces
 * 127 samples with greatest frequency of 19871". */
#define GRAPHIC_STEP 1.0563

/* Samples over 20 Hz–20 kHz where the preamp looks for the highest
 * boost, before it refines the best one: 1/200 octave, far finer than
 * the narrowest filter the fitter makes (Q 20, 1/14 octave). */
#define PREAMP_SAMPLES 2000

void
hr_eq_biquad_init (HrEqBiquad     *biquad,
                   HrEqFilterType  type,
                   double          freq_hz,
                   double          gain_db,
                   double          q,
                   double          sample_rate_hz)
{
  double a = pow (10, gain_db / 40);
  double omega = 2 * G_PI * freq_hz / sample_rate_hz;
  double sn = sin (omega);
  double cs = cos (omega);
  double alpha = sn / (2 * q);
  double beta = 2 * sqrt (a) * alpha;
  double b0, b1, b2, a0, a1, a2;

  switch (type)
    {
    case HR_EQ_LOW_SHELF:
      b0 = a * ((a + 1) - (a - 1) * cs + beta);
      b1 = 2 * a * ((a - 1) - (a + 1) * cs);
      b2 = a * ((a + 1) - (a - 1) * cs - beta);
      a0 = (a + 1) + (a - 1) * cs + beta;
      a1 = -2 * ((a - 1) + (a + 1) * cs);
      a2 = (a + 1) + (a - 1) * cs - beta;
      break;

    case HR_EQ_HIGH_SHELF:
      b0 = a * ((a + 1) + (a - 1) * cs + beta);
      b1 = -2 * a * ((a - 1) + (a + 1) * cs);
      b2 = a * ((a + 1) + (a - 1) * cs - beta);
      a0 = (a + 1) - (a - 1) * cs + beta;
      a1 = 2 * ((a - 1) - (a + 1) * cs);
      a2 = (a + 1) - (a - 1) * cs - beta;
      break;

    case HR_EQ_PEAKING:
    default:
      b0 = 1 + (alpha * a);
      b1 = -2 * cs;
      b2 = 1 - (alpha * a);
      a0 = 1 + (alpha / a);
      a1 = -2 * cs;
      a2 = 1 - (alpha / a);
      break;
    }

  biquad->b0 = b0 / a0;
  biquad->b1 = b1 / a0;
  biquad->b2 = b2 / a0;
  biquad->a1 = a1 / a0;
  biquad->a2 = a2 / a0;
}

void
hr_eq_power_init (HrEqPower        *power,
                  const HrEqBiquad *biquad)
{
  double b0 = biquad->b0, b1 = biquad->b1, b2 = biquad->b2;
  double a1 = biquad->a1, a2 = biquad->a2;

  power->n0 = (b0 + b1 + b2) * (b0 + b1 + b2);
  power->n1 = -4 * (b0 * b1 + 4 * b0 * b2 + b1 * b2);
  power->n2 = 16 * b0 * b2;
  power->d0 = (1 + a1 + a2) * (1 + a1 + a2);
  power->d1 = -4 * (a1 + 4 * a2 + a1 * a2);
  power->d2 = 16 * a2;
}

double
hr_eq_phi (double freq_hz,
           double sample_rate_hz)
{
  double sn = sin (2 * G_PI * freq_hz / sample_rate_hz / 2.0);

  return sn * sn;
}

/* Rounded to @decimals as "%.*f" prints it and strtod() reads it back:
 * k / 10^d is the double nearest to the decimal k·10^-d, which is what
 * the reader of the file gets. */
double
hr_eq_round (double value,
             int    decimals)
{
  double scale = pow (10, decimals);
  double rounded = round (value * scale) / scale;

  /* "-0.00" would read back as 0 anyway; never write it. */
  return rounded == 0.0 ? 0.0 : rounded;
}

void
hr_eq_filter_round (HrEqFilter *filter)
{
  filter->freq_hz = hr_eq_round (filter->freq_hz, HR_EQ_FREQ_DECIMALS);
  filter->gain_db = hr_eq_round (filter->gain_db, HR_EQ_GAIN_DECIMALS);
  filter->q = hr_eq_round (filter->q, HR_EQ_Q_DECIMALS);
}

/* BiQuad::gainAt(), term for term: the biquad is normalised to a0 = 1. */
static double
biquad_gain_at (const HrEqBiquad *bq,
                double            freq_hz,
                double            sample_rate_hz)
{
  double omega = 2 * G_PI * freq_hz / sample_rate_hz;
  double sn = sin (omega / 2.0);
  double phi = sn * sn;

  return 10 * log10 (pow (bq->b0 + bq->b1 + bq->b2, 2)
                     - 4 * (bq->b0 * bq->b1 + 4 * bq->b0 * bq->b2 + bq->b1 * bq->b2) * phi
                     + 16 * bq->b0 * bq->b2 * phi * phi)
         - 10 * log10 (pow (1.0 + bq->a1 + bq->a2, 2)
                       - 4 * (1.0 * bq->a1 + 4 * 1.0 * bq->a2 + bq->a1 * bq->a2) * phi
                       + 16 * 1.0 * bq->a2 * phi * phi);
}

static gboolean
filter_is_runnable (const HrEqFilter *filter,
                    double            sample_rate_hz)
{
  return sample_rate_hz > 0.0 && filter->freq_hz > 0.0 && filter->freq_hz < sample_rate_hz / 2
         && filter->q > 0.0 && isfinite (filter->gain_db) && isfinite (filter->q);
}

/**
 * hr_eq_filter_response_db:
 *
 * The gain of @filter at @freq_hz, in dB, as Equalizer APO computes it
 * at @sample_rate_hz: the same coefficients and the same expression as
 * BiQuad::gainAt(), in the same order. NAN for a filter APO could not
 * run (see hr_eq_filters_validate()).
 */
double
hr_eq_filter_response_db (const HrEqFilter *filter,
                          double            freq_hz,
                          double            sample_rate_hz)
{
  HrEqBiquad bq;

  g_return_val_if_fail (filter != NULL, NAN);

  if (!filter_is_runnable (filter, sample_rate_hz))
    return NAN;
  hr_eq_biquad_init (&bq, filter->type, filter->freq_hz, filter->gain_db, filter->q, sample_rate_hz);
  return biquad_gain_at (&bq, freq_hz, sample_rate_hz);
}

/* The filters of an EQ run one after the other: their gains in dB add. */
double
hr_eq_response_db (const HrEqFilter *filters,
                   guint             n_filters,
                   double            freq_hz,
                   double            sample_rate_hz)
{
  double sum_db = 0.0;

  g_return_val_if_fail (filters != NULL || n_filters == 0, NAN);

  for (guint i = 0; i < n_filters; i++)
    sum_db += hr_eq_filter_response_db (&filters[i], freq_hz, sample_rate_hz);
  return sum_db;
}

/* The EQ's gain at each of @freq_hz, its filters designed once: what
 * hr_eq_response_db() gives, for many frequencies. The filters must be
 * runnable (hr_eq_filters_validate()). */
void
hr_eq_response_many (const HrEqFilter *filters,
                     guint             n_filters,
                     const double     *freq_hz,
                     guint             n_freqs,
                     double            sample_rate_hz,
                     double           *response_db)
{
  g_autofree HrEqBiquad *biquads = g_new (HrEqBiquad, MAX (n_filters, 1));

  for (guint j = 0; j < n_filters; j++)
    hr_eq_biquad_init (&biquads[j], filters[j].type, filters[j].freq_hz, filters[j].gain_db,
                       filters[j].q, sample_rate_hz);
  for (guint i = 0; i < n_freqs; i++)
    {
      response_db[i] = 0.0;
      for (guint j = 0; j < n_filters; j++)
        response_db[i] += biquad_gain_at (&biquads[j], freq_hz[i], sample_rate_hz);
    }
}

static gboolean
fail_filter (guint        index,
             const char  *field,
             const char  *requirement,
             double       value,
             GError     **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (value_text, sizeof value_text, "%g", value);
  g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER,
               /* Translators: "filters[2].q must be a finite number greater than 0, got -1" */
               _("filters[%u].%s must be %s, got %s"), index, field, requirement, value_text);
  return FALSE;
}

/**
 * hr_eq_filters_validate:
 *
 * Filters an equalizer can run at @sample_rate_hz: a known type, a
 * frequency between 0 and Nyquist, a finite gain and a Q above 0. A
 * writer checks this before it writes, since a file with "nan" in it
 * would be read as something else, or not at all.
 */
gboolean
hr_eq_filters_validate (const HrEqFilter  *filters,
                        guint              n_filters,
                        double             sample_rate_hz,
                        GError           **error)
{
  g_return_val_if_fail (filters != NULL || n_filters == 0, FALSE);

  for (guint i = 0; i < n_filters; i++)
    {
      const HrEqFilter *filter = &filters[i];

      if (filter->type != HR_EQ_PEAKING && filter->type != HR_EQ_LOW_SHELF
          && filter->type != HR_EQ_HIGH_SHELF)
        return fail_filter (i, "type", _("peaking, low shelf or high shelf"), filter->type, error);
      if (!(isfinite (filter->freq_hz) && filter->freq_hz > 0.0 && filter->freq_hz < sample_rate_hz / 2))
        return fail_filter (i, "freq_hz", _("a frequency above 0 and below half the sample rate"),
                            filter->freq_hz, error);
      if (!isfinite (filter->gain_db))
        return fail_filter (i, "gain_db", _("a finite number"), filter->gain_db, error);
      if (!(isfinite (filter->q) && filter->q > 0.0))
        return fail_filter (i, "q", _("a finite number greater than 0"), filter->q, error);
    }

  return TRUE;
}

/* The EQ's gain at e^@log_freq, its filters designed once. */
static double
response_at_log_freq (const HrEqBiquad *biquads,
                      guint             n_filters,
                      double            log_freq,
                      double            sample_rate_hz)
{
  double sum_db = 0.0;

  for (guint j = 0; j < n_filters; j++)
    sum_db += biquad_gain_at (&biquads[j], exp (log_freq), sample_rate_hz);
  return sum_db;
}

/**
 * hr_eq_preamp_db:
 *
 * The preamp that keeps the EQ from clipping: minus its highest boost
 * over 20 Hz–20 kHz, rounded up to the 0.1 dB it is written with, so
 * that the rounding never leaves a boost; 0 when the EQ never boosts.
 * The highest boost is found on a 1/200-octave grid and at each filter's
 * own frequency, then refined by a golden-section search between the
 * neighbours of the best sample. NAN if a filter cannot run (see
 * hr_eq_filters_validate()).
 */
double
hr_eq_preamp_db (const HrEqFilter *filters,
                 guint             n_filters,
                 double            sample_rate_hz)
{
  const double lo = log (HR_EQ_FMIN_HZ), hi = log (HR_EQ_FMAX_HZ);
  const double golden = (sqrt (5.0) - 1) / 2;
  double best_db = -INFINITY, best_log_freq = lo;
  double a, b, c, d, fc, fd;
  double scale;
  g_autofree HrEqBiquad *biquads = NULL;

  g_return_val_if_fail (filters != NULL || n_filters == 0, NAN);

  if (n_filters == 0)
    return 0.0;
  biquads = g_new (HrEqBiquad, n_filters);
  for (guint j = 0; j < n_filters; j++)
    {
      if (!filter_is_runnable (&filters[j], sample_rate_hz))
        return NAN;
      hr_eq_biquad_init (&biquads[j], filters[j].type, filters[j].freq_hz, filters[j].gain_db,
                         filters[j].q, sample_rate_hz);
    }

  for (guint i = 0; i < PREAMP_SAMPLES; i++)
    {
      double log_freq = lo + (hi - lo) * i / (PREAMP_SAMPLES - 1);
      double db = response_at_log_freq (biquads, n_filters, log_freq, sample_rate_hz);

      if (db > best_db)
        {
          best_db = db;
          best_log_freq = log_freq;
        }
    }
  for (guint j = 0; j < n_filters; j++)
    {
      double log_freq = CLAMP (log (filters[j].freq_hz), lo, hi);
      double db = response_at_log_freq (biquads, n_filters, log_freq, sample_rate_hz);

      if (db > best_db)
        {
          best_db = db;
          best_log_freq = log_freq;
        }
    }

  /* One grid step either side holds the true maximum near the best
   * sample; golden-section search narrows it to far below 0.1 dB. */
  a = MAX (lo, best_log_freq - (hi - lo) / (PREAMP_SAMPLES - 1));
  b = MIN (hi, best_log_freq + (hi - lo) / (PREAMP_SAMPLES - 1));
  c = b - golden * (b - a);
  d = a + golden * (b - a);
  fc = response_at_log_freq (biquads, n_filters, c, sample_rate_hz);
  fd = response_at_log_freq (biquads, n_filters, d, sample_rate_hz);
  for (guint k = 0; k < 60; k++)
    {
      if (fc > fd)
        {
          b = d;
          d = c;
          fd = fc;
          c = b - golden * (b - a);
          fc = response_at_log_freq (biquads, n_filters, c, sample_rate_hz);
        }
      else
        {
          a = c;
          c = d;
          fc = fd;
          d = a + golden * (b - a);
          fd = response_at_log_freq (biquads, n_filters, d, sample_rate_hz);
        }
    }
  best_db = MAX (best_db, MAX (fc, fd));

  if (!(best_db > 0.0))
    return 0.0;
  scale = pow (10, HR_EQ_PREAMP_DECIMALS);
  return -ceil (best_db * scale) / scale;
}

/**
 * hr_eq_target_validate:
 *
 * A target is at least 2 points, each frequency finite, above 0 and above
 * the one before, each target a finite number.
 */
gboolean
hr_eq_target_validate (const double  *freq_hz,
                       const double  *target_db,
                       guint          n_points,
                       GError       **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (n_points < 2 || freq_hz == NULL || target_db == NULL)
    {
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_TOO_FEW_POINTS,
                   _("an EQ target needs at least 2 points, got %u"),
                   freq_hz == NULL || target_db == NULL ? 0 : n_points);
      return FALSE;
    }

  for (guint i = 0; i < n_points; i++)
    {
      if (!(isfinite (freq_hz[i]) && freq_hz[i] > 0.0))
        {
          g_ascii_formatd (value_text, sizeof value_text, "%g", freq_hz[i]);
          g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FREQUENCY,
                       _("freq_hz[%u] must be a finite number greater than 0, got %s"),
                       i, value_text);
          return FALSE;
        }
      if (i > 0 && !(freq_hz[i] > freq_hz[i - 1]))
        {
          g_ascii_formatd (value_text, sizeof value_text, "%g", freq_hz[i]);
          g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_NOT_INCREASING,
                       _("freq_hz[%u] must be greater than the frequency before it, got %s"),
                       i, value_text);
          return FALSE;
        }
      if (!isfinite (target_db[i]))
        {
          g_ascii_formatd (value_text, sizeof value_text, "%g", target_db[i]);
          g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_TARGET,
                       _("target_db[%u] must be a finite number, got %s"), i, value_text);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * hr_eq_target_interpolate:
 *
 * The target at @at_freq_hz: linear in dB over log frequency between the
 * two points around it, as Equalizer APO interpolates a GraphicEQ, and
 * the end value held flat beyond either end. The target must be valid
 * (hr_eq_target_validate()).
 */
double
hr_eq_target_interpolate (const double *freq_hz,
                          const double *target_db,
                          guint         n_points,
                          double        at_freq_hz)
{
  guint lo = 0, hi = n_points - 1;
  double t;

  g_return_val_if_fail (freq_hz != NULL && target_db != NULL && n_points > 0, NAN);

  if (at_freq_hz <= freq_hz[0])
    return target_db[0];
  if (at_freq_hz >= freq_hz[n_points - 1])
    return target_db[n_points - 1];

  /* freq_hz[lo] < at_freq_hz < freq_hz[hi] */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (freq_hz[mid] <= at_freq_hz)
        lo = mid;
      else
        hi = mid;
    }
  t = log (at_freq_hz / freq_hz[lo]) / log (freq_hz[hi] / freq_hz[lo]);
  return target_db[lo] + t * (target_db[hi] - target_db[lo]);
}

/**
 * hr_eq_graphic_frequencies:
 *
 * AutoEq's GraphicEQ frequencies, HR_EQ_GRAPHIC_N_POINTS of them:
 * unique(int(20 · 1.0563^n)) for n below ceil(log(1000) / log(1.0563)),
 * as frequency_response.py eqapo_graphic_eq() makes them, so that a
 * Headroom GraphicEQ lines up with the ones its readers already know.
 */
const guint *
hr_eq_graphic_frequencies (void)
{
  static guint freq_hz[HR_EQ_GRAPHIC_N_POINTS];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      guint n_steps = (guint) ceil (log (20000.0 / 20.0) / log (GRAPHIC_STEP));
      guint count = 0;

      for (guint k = 0; k < n_steps; k++)
        {
          guint f = (guint) (20 * pow (GRAPHIC_STEP, k));

          if (count > 0 && f == freq_hz[count - 1])
            continue;
          g_assert (count < HR_EQ_GRAPHIC_N_POINTS);
          freq_hz[count++] = f;
        }
      g_assert (count == HR_EQ_GRAPHIC_N_POINTS);
      g_once_init_leave (&initialised, 1);
    }

  return freq_hz;
}

/**
 * hr_eq_graphic_gains:
 * @gain_db: (out caller-allocates) (array fixed-size=127): the gains
 *
 * The target at each of hr_eq_graphic_frequencies(), interpolated by
 * hr_eq_target_interpolate(): the GraphicEQ is the target itself at
 * those frequencies, with nothing fitted.
 */
gboolean
hr_eq_graphic_gains (const double  *freq_hz,
                     const double  *target_db,
                     guint          n_points,
                     double        *gain_db,
                     GError       **error)
{
  const guint *graphic_hz = hr_eq_graphic_frequencies ();

  g_return_val_if_fail (gain_db != NULL, FALSE);

  if (!hr_eq_target_validate (freq_hz, target_db, n_points, error))
    return FALSE;

  for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    gain_db[i] = hr_eq_target_interpolate (freq_hz, target_db, n_points, graphic_hz[i]);
  return TRUE;
}

gboolean
hr_eq_options_validate (const HrEqFitOptions  *options,
                        GError               **error)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  if (options->max_filters < 1 || options->max_filters > HR_EQ_MAX_FILTERS)
    {
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_OPTION,
                   _("max_filters must be from 1 to %u, got %u"),
                   HR_EQ_MAX_FILTERS, options->max_filters);
      return FALSE;
    }
  if (!(isfinite (options->tolerance_db) && options->tolerance_db > 0.0))
    {
      g_ascii_formatd (value_text, sizeof value_text, "%g", options->tolerance_db);
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_OPTION,
                   _("tolerance_db must be a finite number greater than 0, got %s"), value_text);
      return FALSE;
    }
  /* Every filter frequency, up to 20 kHz, must stay below Nyquist. */
  if (!(isfinite (options->sample_rate_hz) && options->sample_rate_hz >= 2 * HR_EQ_FMAX_HZ))
    {
      g_ascii_formatd (value_text, sizeof value_text, "%g", options->sample_rate_hz);
      g_set_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_OPTION,
                   _("sample_rate_hz must be at least 40000, got %s"), value_text);
      return FALSE;
    }

  return TRUE;
}

/**
 * hr_eq_fit_deviation:
 *
 * The EQ that undoes what the source does to the headphone: fitted to
 * the opposite of the sweep's deviation, −dev_db.
 */
HrEqFit *
hr_eq_fit_deviation (const HrSweep         *sweep,
                     const HrEqFitOptions  *options,
                     GError               **error)
{
  g_autofree double *target_db = NULL;

  g_return_val_if_fail (sweep != NULL, NULL);

  target_db = g_new (double, MAX (sweep->n_points, 1));
  for (guint i = 0; i < sweep->n_points; i++)
    target_db[i] = -sweep->dev_db[i];
  return hr_eq_fit (sweep->freq_hz, target_db, sweep->n_points, options, error);
}

void
hr_eq_fit_free (HrEqFit *fit)
{
  if (fit == NULL)
    return;
  g_free (fit->filters);
  g_free (fit->freq_hz);
  g_free (fit->target_db);
  g_free (fit);
}

/**
 * hr_eq_fit_describe:
 *
 * What a fit came to, as the CLI prints it and the app's toast says it:
 * "4 filters, within ±0.2 dB (at most 0.15 dB off, at 2.1 kHz), preamp
 * -1.2 dB".
 *
 * Returns: (transfer full): the sentence, translated
 */
char *
hr_eq_fit_describe (const HrEqFit *fit)
{
  g_autofree char *where = NULL;
  g_autofree char *filters = NULL;

  g_return_val_if_fail (fit != NULL, NULL);

  if (fit->n_filters == 0)
    /* Translators: the EQ fitted when the source changes nothing that matters */
    return g_strdup_printf (_("no filter needed: the change is within ±%.1f dB already"), fit->tolerance_db);
  where = hr_format_freq (fit->max_residual_freq_hz);
  filters = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u filter", "%u filters", fit->n_filters),
                             fit->n_filters);
  if (fit->within_tolerance)
    /* Translators: "4 filters, within ±0.2 dB (at most 0.15 dB off, at 2.1 kHz), preamp -1.2 dB" */
    return g_strdup_printf (_("%s, within ±%.1f dB (at most %.2f dB off, at %s), preamp %.1f dB"),
                            filters, fit->tolerance_db, fit->max_residual_db, where, fit->preamp_db);
  /* Translators: "10 filters, 0.35 dB off at 12 kHz: more than ±0.2 dB, preamp -1.2 dB" */
  return g_strdup_printf (_("%s, %.2f dB off at %s: more than ±%.1f dB, preamp %.1f dB"),
                          filters, fit->max_residual_db, where, fit->tolerance_db, fit->preamp_db);
}
