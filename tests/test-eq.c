/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <complex.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <glib.h>

#include "hr-core.h"
#include "test-eq-fixtures.h"

/* The EQ engine: filter responses against the RBJ cookbook evaluated
 * here on the unit circle, independently of the library's code; the
 * fitter on deviations the model computes for real circuits; the preamp
 * and the GraphicEQ points. */

/* The fits' times are printed, not asserted: tests say what is right,
 * the benchmarks how fast (bench/). CPU time of the thread, since meson
 * runs the tests in parallel. */
static double
thread_cpu_ms (void)
{
  struct timespec now;

  g_assert_cmpint (clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now), ==, 0);
  return now.tv_sec * 1e3 + now.tv_nsec / 1e6;
}

/* The RBJ Audio EQ Cookbook's biquads, written from the cookbook's text
 * and evaluated as H(e^jω) in complex arithmetic: a different route to
 * the same number from APO's gainAt() expression the library uses. */
static double
rbj_response_db (HrEqFilterType type,
                 double         fc_hz,
                 double         gain_db,
                 double         q,
                 double         fs_hz,
                 double         f_hz)
{
  double a = pow (10.0, gain_db / 40.0);
  double w0 = 2.0 * M_PI * fc_hz / fs_hz;
  double alpha = sin (w0) / (2.0 * q);
  double c = cos (w0);
  double sa = 2.0 * sqrt (a) * alpha;
  double b[3], den[3];
  double complex z1 = cexp (-I * 2.0 * M_PI * f_hz / fs_hz);
  double complex z2 = z1 * z1;

  if (type == HR_EQ_PEAKING)
    {
      b[0] = 1.0 + alpha * a;
      b[1] = -2.0 * c;
      b[2] = 1.0 - alpha * a;
      den[0] = 1.0 + alpha / a;
      den[1] = -2.0 * c;
      den[2] = 1.0 - alpha / a;
    }
  else if (type == HR_EQ_LOW_SHELF)
    {
      b[0] = a * ((a + 1.0) - (a - 1.0) * c + sa);
      b[1] = 2.0 * a * ((a - 1.0) - (a + 1.0) * c);
      b[2] = a * ((a + 1.0) - (a - 1.0) * c - sa);
      den[0] = (a + 1.0) + (a - 1.0) * c + sa;
      den[1] = -2.0 * ((a - 1.0) + (a + 1.0) * c);
      den[2] = (a + 1.0) + (a - 1.0) * c - sa;
    }
  else
    {
      b[0] = a * ((a + 1.0) + (a - 1.0) * c + sa);
      b[1] = -2.0 * a * ((a - 1.0) + (a + 1.0) * c);
      b[2] = a * ((a + 1.0) + (a - 1.0) * c - sa);
      den[0] = (a + 1.0) - (a - 1.0) * c + sa;
      den[1] = 2.0 * ((a - 1.0) - (a + 1.0) * c);
      den[2] = (a + 1.0) - (a - 1.0) * c - sa;
    }

  return 20.0 * log10 (cabs ((b[0] + b[1] * z1 + b[2] * z2) / (den[0] + den[1] * z1 + den[2] * z2)));
}

static double
rbj_sum_db (const HrEqFilter *filters,
            guint             n_filters,
            double            fs_hz,
            double            f_hz)
{
  double sum = 0.0;

  for (guint j = 0; j < n_filters; j++)
    sum += rbj_response_db (filters[j].type, filters[j].freq_hz, filters[j].gain_db,
                            filters[j].q, fs_hz, f_hz);
  return sum;
}

/* The library's responses equal the cookbook's at frequencies across
 * the band, for each type, boost and cut, low and high Q, at 44.1 and
 * 48 kHz. */
static void
test_response_matches_cookbook (void)
{
  const HrEqFilterType types[] = { HR_EQ_PEAKING, HR_EQ_LOW_SHELF, HR_EQ_HIGH_SHELF };
  const double fc_hz[] = { 31.0, 105.0, 1000.0, 8865.0, 19000.0 };
  const double gain_db[] = { -12.0, -0.7, 3.5, 15.0 };
  const double q[] = { 0.1, 0.707, 2.5, 20.0 };
  const double fs_hz[] = { 44100.0, 48000.0 };
  double worst = 0.0;

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    for (guint a = 0; a < G_N_ELEMENTS (fc_hz); a++)
      for (guint b = 0; b < G_N_ELEMENTS (gain_db); b++)
        for (guint c = 0; c < G_N_ELEMENTS (q); c++)
          for (guint d = 0; d < G_N_ELEMENTS (fs_hz); d++)
            for (double f = 20.0; f <= 20000.0; f *= 1.37)
              {
                HrEqFilter filter = { types[t], fc_hz[a], gain_db[b], q[c] };
                double got = hr_eq_filter_response_db (&filter, f, fs_hz[d]);
                double want = rbj_response_db (types[t], fc_hz[a], gain_db[b], q[c], fs_hz[d], f);

                worst = MAX (worst, fabs (got - want));
                g_assert_cmpfloat_with_epsilon (got, want, 1e-6);
              }
  g_test_message ("largest difference from the cookbook: %.3g dB", worst);
}

/* What the cookbook promises: a peaking filter gives exactly its gain at
 * its frequency; a shelf gives half its gain at its frequency, all of it
 * far on its own side and nothing far on the other. */
static void
test_response_landmarks (void)
{
  const double gains_db[] = { -9.0, -1.5, 0.8, 6.0 };

  for (guint i = 0; i < G_N_ELEMENTS (gains_db); i++)
    {
      double g = gains_db[i];
      HrEqFilter pk = { HR_EQ_PEAKING, 1234.5, g, 3.3 };
      HrEqFilter pk_low = { HR_EQ_PEAKING, 20.0, g, 0.5 };
      HrEqFilter ls = { HR_EQ_LOW_SHELF, 500.0, g, 0.7 };
      HrEqFilter hs = { HR_EQ_HIGH_SHELF, 500.0, g, 0.7 };

      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&pk, 1234.5, 48000.0), g, 1e-9);
      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&pk_low, 20.0, 44100.0), g, 1e-6);
      /* Two octaves away a Q 3.3 peak has almost nothing left. */
      g_assert_cmpfloat (fabs (hr_eq_filter_response_db (&pk, 1234.5 * 4, 48000.0)), <, 0.08 * fabs (g));

      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&ls, 500.0, 48000.0), g / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&hs, 500.0, 48000.0), g / 2, 1e-9);
      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&ls, 1.0, 48000.0), g, 1e-3);
      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&ls, 20000.0, 48000.0), 0.0, 0.01);
      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&hs, 20.0, 48000.0), 0.0, 0.01);
      /* At Nyquist the bilinear transform maps infinity: the whole gain. */
      g_assert_cmpfloat_with_epsilon (hr_eq_filter_response_db (&hs, 24000.0, 48000.0), g, 1e-9);
    }

  /* Filters add in dB. */
  {
    HrEqFilter pair[] = { { HR_EQ_PEAKING, 100.0, 3.0, 1.0 }, { HR_EQ_HIGH_SHELF, 5000.0, -2.0, 0.6 } };
    double f = 777.0;

    g_assert_cmpfloat_with_epsilon (hr_eq_response_db (pair, 2, f, 48000.0),
                                    hr_eq_filter_response_db (&pair[0], f, 48000.0)
                                    + hr_eq_filter_response_db (&pair[1], f, 48000.0), 1e-12);
    g_assert_cmpfloat (hr_eq_response_db (pair, 0, f, 48000.0), ==, 0.0);
  }

  /* A filter no equalizer can run has no response. */
  {
    HrEqFilter bad_q = { HR_EQ_PEAKING, 1000.0, 3.0, 0.0 };
    HrEqFilter above_nyquist = { HR_EQ_PEAKING, 25000.0, 3.0, 1.0 };

    g_assert_true (isnan (hr_eq_filter_response_db (&bad_q, 1000.0, 48000.0)));
    g_assert_true (isnan (hr_eq_filter_response_db (&above_nyquist, 1000.0, 48000.0)));
  }
}

/* @value is the number a file holds when written with @format. */
static gboolean
reads_back (double      value,
            const char *format)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  return g_ascii_strtod (g_ascii_formatd (text, sizeof text, format, value), NULL) == value;
}

typedef struct
{
  const char *label;
  gboolean    iem;
  double      zout_ohm;
} FitCase;

static const FitCase fit_cases[] = {
  { "HD 600-like on 75 ohm", FALSE, 75.0 },
  { "HD 600-like on 120 ohm", FALSE, 120.0 },
  { "HD 600-like on 470 ohm", FALSE, 470.0 },
  { "three-way IEM on 10 ohm", TRUE, 10.0 },
  { "three-way IEM on 2 ohm", TRUE, 2.0 },
};

/* The fitter on a deviation the model computes: at most 10 filters,
 * within 0.2 dB where it says so, and a reported residual that is what
 * the cookbook gives for its filters, on its grid and, nearly, on a grid
 * four times as dense (nothing hides between the points). */
static void
test_fit_case (gconstpointer data)
{
  const FitCase *fc = data;
  const guint n_points = 481, n_dense = 4 * (481 - 1) + 1;
  g_autoptr(HrImpedance) impedance = eq_fixture_impedance (fc->iem);
  g_autoptr(HrSweep) sweep = eq_fixture_sweep (impedance, fc->zout_ohm, n_points);
  g_autoptr(HrSweep) dense = eq_fixture_sweep (impedance, fc->zout_ohm, n_dense);
  g_autoptr(HrEqFit) fit = NULL;
  g_autoptr(HrEqFit) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  HrEqFitOptions options = HR_EQ_FIT_OPTIONS_INIT;
  double elapsed_ms, cpu_ms, span_db = 0.0, worst = 0.0, worst_freq = 0.0, dense_worst = 0.0;
  double boost = -INFINITY;

  for (guint i = 0; i < n_points; i++)
    span_db = MAX (span_db, fabs (sweep->dev_db[i]));

  cpu_ms = thread_cpu_ms ();
  g_timer_start (timer);
  fit = hr_eq_fit_deviation (sweep, &options, &error);
  elapsed_ms = 1000.0 * g_timer_elapsed (timer, NULL);
  cpu_ms = thread_cpu_ms () - cpu_ms;
  g_assert_no_error (error);
  g_assert_nonnull (fit);

  g_test_message ("%s: |dev| up to %.2f dB, %u filters, residual %.4f dB at %.0f Hz, %s, "
                  "preamp %.1f dB, %.1f ms (CPU %.1f ms)",
                  fc->label, span_db, fit->n_filters, fit->max_residual_db, fit->max_residual_freq_hz,
                  fit->within_tolerance ? "within tolerance" : "NOT within tolerance",
                  fit->preamp_db, elapsed_ms, cpu_ms);
  for (guint j = 0; j < fit->n_filters; j++)
    g_test_message ("  %s Fc %.2f Hz Gain %.2f dB Q %.4f",
                    fit->filters[j].type == HR_EQ_PEAKING ? "PK"
                    : fit->filters[j].type == HR_EQ_LOW_SHELF ? "LSC" : "HSC",
                    fit->filters[j].freq_hz, fit->filters[j].gain_db, fit->filters[j].q);

  g_assert_cmpuint (fit->n_filters, <=, options.max_filters);
  g_assert_cmpuint (fit->n_filters, >=, 1);
  g_assert_true (fit->within_tolerance);
  g_assert_cmpfloat (fit->max_residual_db, <=, options.tolerance_db);

  /* Sorted by frequency, inside the bounds, and on the written decimals. */
  for (guint j = 0; j < fit->n_filters; j++)
    {
      const HrEqFilter *f = &fit->filters[j];

      if (j > 0)
        g_assert_cmpfloat (f->freq_hz, >=, fit->filters[j - 1].freq_hz);
      g_assert_cmpfloat (f->freq_hz, >=, HR_EQ_FMIN_HZ);
      g_assert_cmpfloat (f->freq_hz, <=, HR_EQ_FMAX_HZ);
      g_assert_cmpfloat (fabs (f->gain_db), <=, HR_EQ_MAX_GAIN_DB);
      g_assert_cmpfloat (f->q, >=, HR_EQ_MIN_Q);
      g_assert_cmpfloat (f->q, <=, HR_EQ_MAX_Q);
      g_assert_true (reads_back (f->freq_hz, "%.2f"));
      g_assert_true (reads_back (f->gain_db, "%.2f"));
      g_assert_true (reads_back (f->q, "%.4f"));
    }

  /* The residual, recomputed here with the cookbook, where it is and
   * how large. */
  for (guint i = 0; i < n_points; i++)
    {
      double r = fabs (rbj_sum_db (fit->filters, fit->n_filters, fit->sample_rate_hz, sweep->freq_hz[i])
                       + sweep->dev_db[i]);

      if (r > worst)
        {
          worst = r;
          worst_freq = sweep->freq_hz[i];
        }
    }
  g_assert_cmpfloat_with_epsilon (fit->max_residual_db, worst, 1e-6);
  g_assert_cmpfloat (fit->max_residual_freq_hz, ==, worst_freq);

  /* Between the fitted points: the model's own deviation, four times as
   * dense. The curves are smooth at 1/48 octave, so the residual there
   * barely differs. */
  for (guint i = 0; i < n_dense; i++)
    dense_worst = MAX (dense_worst, fabs (rbj_sum_db (fit->filters, fit->n_filters, fit->sample_rate_hz,
                                                      dense->freq_hz[i]) + dense->dev_db[i]));
  g_test_message ("  residual on a 4x denser grid: %.4f dB", dense_worst);
  g_assert_cmpfloat (dense_worst, <=, fit->max_residual_db + 0.01);

  /* The preamp leaves no boost, and no more than 0.1 dB to spare. */
  for (guint i = 0; i < n_dense; i++)
    boost = MAX (boost, rbj_sum_db (fit->filters, fit->n_filters, fit->sample_rate_hz, dense->freq_hz[i]));
  g_assert_cmpfloat (fit->preamp_db, <=, 0.0);
  g_assert_cmpfloat (fit->preamp_db + boost, <=, 0.0);
  if (boost > 0.0)
    g_assert_cmpfloat (fit->preamp_db + boost, >, -0.1 - 1e-6);

  /* Deterministic: the same filters, bit for bit. */
  again = hr_eq_fit_deviation (sweep, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->n_filters, ==, fit->n_filters);
  for (guint j = 0; j < fit->n_filters; j++)
    {
      g_assert_cmpint (again->filters[j].type, ==, fit->filters[j].type);
      g_assert_cmpfloat (again->filters[j].freq_hz, ==, fit->filters[j].freq_hz);
      g_assert_cmpfloat (again->filters[j].gain_db, ==, fit->filters[j].gain_db);
      g_assert_cmpfloat (again->filters[j].q, ==, fit->filters[j].q);
    }
  g_assert_cmpfloat (again->max_residual_db, ==, fit->max_residual_db);
}

/* A target made of 12 filters, random but the same every run (GRand is
 * a Mersenne Twister with a fixed seed): more features than filters
 * allowed, the hardest realistic work for the fitter, within its
 * 10 filters. */
static void
test_fit_dense_target (void)
{
  const guint n = 481;
  g_autofree double *freq_hz = hr_log_frequencies (20.0, 20000.0, n, NULL);
  g_autofree double *target_db = g_new (double, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  g_autoptr(HrEqFit) fit = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  HrEqFilter made[12];
  double elapsed_ms, cpu_ms, worst = 0.0;

  for (guint j = 0; j < G_N_ELEMENTS (made); j++)
    {
      made[j].type = j == 0 ? HR_EQ_LOW_SHELF : j == 1 ? HR_EQ_HIGH_SHELF : HR_EQ_PEAKING;
      made[j].freq_hz = 20.0 * pow (1000.0, g_rand_double (rand));
      made[j].gain_db = g_rand_double_range (rand, -6.0, 6.0);
      made[j].q = exp (g_rand_double_range (rand, log (0.3), log (8.0)));
    }
  for (guint i = 0; i < n; i++)
    target_db[i] = hr_eq_response_db (made, G_N_ELEMENTS (made), freq_hz[i], 48000.0);

  cpu_ms = thread_cpu_ms ();
  g_timer_start (timer);
  fit = hr_eq_fit (freq_hz, target_db, n, NULL, &error);
  elapsed_ms = 1000.0 * g_timer_elapsed (timer, NULL);
  cpu_ms = thread_cpu_ms () - cpu_ms;
  g_assert_no_error (error);
  g_test_message ("12 random filters: %u filters, residual %.4f dB, %s, %.1f ms (CPU %.1f ms)",
                  fit->n_filters, fit->max_residual_db,
                  fit->within_tolerance ? "within tolerance" : "NOT within tolerance", elapsed_ms, cpu_ms);
  g_assert_cmpuint (fit->n_filters, <=, HR_EQ_DEFAULT_MAX_FILTERS);
  g_assert_true (fit->within_tolerance);
  for (guint i = 0; i < n; i++)
    worst = MAX (worst, fabs (rbj_sum_db (fit->filters, fit->n_filters, 48000.0, freq_hz[i]) - target_db[i]));
  g_assert_cmpfloat_with_epsilon (fit->max_residual_db, worst, 1e-6);
}

/* A target of 200 001 points (a sweep may have a million) is fitted on
 * a thinned grid, in the same time as any other, and its residual is
 * still measured on every point. */
static void
test_fit_many_points (void)
{
  const HrEqFilter made[] = {
    { HR_EQ_PEAKING, 95.0, -3.0, 1.2 },
    { HR_EQ_PEAKING, 3000.0, 2.0, 6.0 },
    { HR_EQ_HIGH_SHELF, 8000.0, -1.5, 0.7 },
  };
  const guint n = 200001;
  g_autofree double *freq_hz = hr_log_frequencies (20.0, 20000.0, n, NULL);
  g_autofree double *target_db = g_new (double, n);
  g_autoptr(HrEqFit) fit = NULL;
  g_autoptr(GError) error = NULL;
  double cpu_ms, worst = 0.0;

  for (guint i = 0; i < n; i++)
    target_db[i] = hr_eq_response_db (made, G_N_ELEMENTS (made), freq_hz[i], 48000.0)
                   + 0.05 * sin (i * 1e-3);
  cpu_ms = thread_cpu_ms ();
  fit = hr_eq_fit (freq_hz, target_db, n, NULL, &error);
  cpu_ms = thread_cpu_ms () - cpu_ms;
  g_assert_no_error (error);
  g_test_message ("200001 points: %u filters, residual %.4f dB, CPU %.1f ms",
                  fit->n_filters, fit->max_residual_db, cpu_ms);
  g_assert_true (fit->within_tolerance);
  g_assert_cmpuint (fit->n_filters, <=, G_N_ELEMENTS (made));
  g_assert_cmpuint (fit->n_points, ==, n);
  /* Measuring on every point costs more than the fit itself. */
  for (guint i = 0; i < n; i++)
    worst = MAX (worst, fabs (rbj_sum_db (fit->filters, fit->n_filters, 48000.0, freq_hz[i]) - target_db[i]));
  g_assert_cmpfloat_with_epsilon (fit->max_residual_db, worst, 1e-6);
}

/* A target already flat, or within the tolerance, gets no filter. */
static void
test_fit_flat (void)
{
  const guint n = 481;
  g_autofree double *freq_hz = hr_log_frequencies (20.0, 20000.0, n, NULL);
  g_autofree double *target_db = g_new0 (double, n);
  g_autoptr(GError) error = NULL;

  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(HrEqFit) fit = NULL;

      /* The second pass: a 0.15 dB ripple, inside 0.2 dB. */
      for (guint i = 0; i < n && pass == 1; i++)
        target_db[i] = 0.15 * sin (i * 0.1);
      fit = hr_eq_fit (freq_hz, target_db, n, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (fit->n_filters, ==, 0);
      g_assert_true (fit->within_tolerance);
      g_assert_cmpfloat (fit->preamp_db, ==, 0.0);
      g_assert_cmpfloat (fit->max_residual_db, <=, 0.15);
      g_assert_cmpuint (fit->n_points, ==, n);
      g_assert_cmpfloat (fit->target_db[n - 1], ==, target_db[n - 1]);
    }
}

/* A target made of known filters is found again to within the tolerance
 * with no more filters than it was made of; a target the filters cannot
 * follow (a 3 dB step between two points) is reported as missed, with
 * the residual where it really is. */
static void
test_fit_known_and_impossible (void)
{
  const HrEqFilter made[] = {
    { HR_EQ_LOW_SHELF, 80.0, 4.0, 0.7 },
    { HR_EQ_PEAKING, 2500.0, -6.0, 4.0 },
    { HR_EQ_HIGH_SHELF, 9000.0, -3.0, 0.6 },
  };
  const guint n = 481;
  g_autofree double *freq_hz = hr_log_frequencies (20.0, 20000.0, n, NULL);
  g_autofree double *target_db = g_new (double, n);
  g_autoptr(HrEqFit) fit = NULL;
  g_autoptr(HrEqFit) missed = NULL;
  HrEqFitOptions options = HR_EQ_FIT_OPTIONS_INIT;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    target_db[i] = hr_eq_response_db (made, G_N_ELEMENTS (made), freq_hz[i], 48000.0);
  fit = hr_eq_fit (freq_hz, target_db, n, &options, &error);
  g_assert_no_error (error);
  g_test_message ("three known filters: found %u, residual %.4f dB", fit->n_filters, fit->max_residual_db);
  g_assert_true (fit->within_tolerance);
  g_assert_cmpuint (fit->n_filters, <=, G_N_ELEMENTS (made));
  /* The boost is the low shelf's 4 dB: the preamp takes it off. */
  g_assert_cmpfloat_with_epsilon (fit->preamp_db, -4.0, 0.15);

  for (guint i = 0; i < n; i++)
    target_db[i] = freq_hz[i] < 1000.0 ? 0.0 : -3.0;
  options.max_filters = 2;
  missed = hr_eq_fit (freq_hz, target_db, n, &options, &error);
  g_assert_no_error (error);
  g_test_message ("a 3 dB step with 2 filters: residual %.3f dB at %.0f Hz",
                  missed->max_residual_db, missed->max_residual_freq_hz);
  g_assert_false (missed->within_tolerance);
  g_assert_cmpuint (missed->n_filters, <=, 2);
  g_assert_cmpfloat (missed->max_residual_db, >, options.tolerance_db);
  g_assert_cmpfloat (missed->max_residual_freq_hz, >, 500.0);
  g_assert_cmpfloat (missed->max_residual_freq_hz, <, 2000.0);
  /* Still the best it found: far better than no EQ at all. */
  g_assert_cmpfloat (missed->max_residual_db, <, 3.0);
}

/* Bad input is refused with HR_EQ_ERROR and a message naming it. */
static void
test_fit_bad_input (void)
{
  const double freq_hz[] = { 20.0, 1000.0, 20000.0 };
  const double target_db[] = { 1.0, 0.0, -1.0 };
  const double decreasing_hz[] = { 20.0, 2000.0, 1000.0 };
  const double nan_hz[] = { 20.0, NAN, 20000.0 };
  const double negative_hz[] = { -20.0, 1000.0, 20000.0 };
  const double nan_db[] = { 1.0, INFINITY, -1.0 };
  const double outside_hz[] = { 1.0, 2.0, 30000.0 };
  HrEqFitOptions options = HR_EQ_FIT_OPTIONS_INIT;
  struct
  {
    const double   *freq_hz;
    const double   *target_db;
    guint           n;
    HrEqFitOptions  options;
    int             code;
    const char     *words;
  } cases[] = {
    { freq_hz, target_db, 1, options, HR_EQ_ERROR_TOO_FEW_POINTS, "2 points" },
    { freq_hz, target_db, 0, options, HR_EQ_ERROR_TOO_FEW_POINTS, "2 points" },
    { decreasing_hz, target_db, 3, options, HR_EQ_ERROR_NOT_INCREASING, "freq_hz[2]" },
    { nan_hz, target_db, 3, options, HR_EQ_ERROR_INVALID_FREQUENCY, "freq_hz[1]" },
    { negative_hz, target_db, 3, options, HR_EQ_ERROR_INVALID_FREQUENCY, "freq_hz[0]" },
    { freq_hz, nan_db, 3, options, HR_EQ_ERROR_INVALID_TARGET, "target_db[1]" },
    { outside_hz, target_db, 3, options, HR_EQ_ERROR_TOO_FEW_POINTS, "20 Hz" },
    { freq_hz, target_db, 3, { 0, 0.2, 48000.0 }, HR_EQ_ERROR_INVALID_OPTION, "max_filters" },
    { freq_hz, target_db, 3, { 33, 0.2, 48000.0 }, HR_EQ_ERROR_INVALID_OPTION, "max_filters" },
    { freq_hz, target_db, 3, { 10, 0.0, 48000.0 }, HR_EQ_ERROR_INVALID_OPTION, "tolerance_db" },
    { freq_hz, target_db, 3, { 10, NAN, 48000.0 }, HR_EQ_ERROR_INVALID_OPTION, "tolerance_db" },
    { freq_hz, target_db, 3, { 10, 0.2, 32000.0 }, HR_EQ_ERROR_INVALID_OPTION, "sample_rate_hz" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HrEqFit) fit = hr_eq_fit (cases[c].freq_hz, cases[c].target_db, cases[c].n,
                                          &cases[c].options, &error);

      g_assert_null (fit);
      g_assert_error (error, HR_EQ_ERROR, cases[c].code);
      g_assert_nonnull (strstr (error->message, cases[c].words));
    }

  {
    g_autoptr(GError) error = NULL;
    double gains[HR_EQ_GRAPHIC_N_POINTS];

    g_assert_false (hr_eq_graphic_gains (decreasing_hz, target_db, 3, gains, &error));
    g_assert_error (error, HR_EQ_ERROR, HR_EQ_ERROR_NOT_INCREASING);
  }
  {
    g_autoptr(GError) error = NULL;
    const HrEqFilter bad[] = { { HR_EQ_PEAKING, 1000.0, 2.0, 1.0 }, { HR_EQ_PEAKING, 1000.0, NAN, 1.0 } };

    g_assert_false (hr_eq_filters_validate (bad, 2, 48000.0, &error));
    g_assert_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER);
    g_assert_nonnull (strstr (error->message, "filters[1].gain_db"));
  }
}

/* The preamp: minus the highest boost, rounded up to 0.1 dB, and 0 for
 * an EQ that only cuts. */
static void
test_preamp (void)
{
  const HrEqFilter cut[] = { { HR_EQ_PEAKING, 300.0, -4.0, 1.0 }, { HR_EQ_HIGH_SHELF, 8000.0, -2.0, 0.7 } };
  const HrEqFilter narrow[] = { { HR_EQ_PEAKING, 1234.56, 2.34, 20.0 }, { HR_EQ_PEAKING, 1300.0, -1.0, 2.0 } };
  const HrEqFilter shelf[] = { { HR_EQ_LOW_SHELF, 100.0, 5.96, 0.7 } };
  double boost = -INFINITY;

  g_assert_cmpfloat (hr_eq_preamp_db (cut, 2, 48000.0), ==, 0.0);
  g_assert_false (signbit (hr_eq_preamp_db (cut, 2, 48000.0)));
  g_assert_cmpfloat (hr_eq_preamp_db (NULL, 0, 48000.0), ==, 0.0);

  /* A narrow peak, pulled down by its neighbour: found, and covered. */
  for (double f = 1000.0; f < 1600.0; f *= 1.00001)
    boost = MAX (boost, rbj_sum_db (narrow, 2, 48000.0, f));
  g_assert_cmpfloat (hr_eq_preamp_db (narrow, 2, 48000.0), ==, -ceil (boost * 10) / 10);

  /* A low shelf's boost is reached at 20 Hz: 5.96 dB (nearly) becomes −6.0. */
  g_assert_cmpfloat (hr_eq_preamp_db (shelf, 1, 48000.0), ==, -6.0);
}

/* The GraphicEQ points: AutoEq's 127 frequencies, and at each the target
 * interpolated linearly in dB over log frequency, held flat beyond the
 * target's ends. */
static void
test_graphic_gains (void)
{
  const guint *graphic_hz = hr_eq_graphic_frequencies ();
  const double freq_hz[] = { 50.0, 100.0, 1000.0, 10000.0 };
  const double target_db[] = { 2.0, -1.0, 0.0, 3.0 };
  double gains[HR_EQ_GRAPHIC_N_POINTS];
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (graphic_hz[0], ==, 20);
  g_assert_cmpuint (graphic_hz[1], ==, 21);
  g_assert_cmpuint (graphic_hz[HR_EQ_GRAPHIC_N_POINTS - 1], ==, 19871);
  for (guint i = 1; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    g_assert_cmpuint (graphic_hz[i], >, graphic_hz[i - 1]);

  g_assert_true (hr_eq_graphic_gains (freq_hz, target_db, G_N_ELEMENTS (freq_hz), gains, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    {
      double f = graphic_hz[i], want;

      if (f <= 50.0)
        want = 2.0;
      else if (f <= 100.0)
        want = 2.0 - 3.0 * log10 (f / 50.0) / log10 (2.0);
      else if (f <= 1000.0)
        want = -1.0 + log10 (f / 100.0);
      else if (f <= 10000.0)
        want = 3.0 * log10 (f / 1000.0);
      else
        want = 3.0;
      g_assert_cmpfloat_with_epsilon (gains[i], want, 1e-12);
    }
  /* At a point of the target, the target itself. */
  g_assert_cmpfloat (hr_eq_target_interpolate (freq_hz, target_db, 4, 100.0), ==, -1.0);
  g_assert_cmpfloat (hr_eq_target_interpolate (freq_hz, target_db, 4, 1000.0), ==, 0.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eq/response/cookbook", test_response_matches_cookbook);
  g_test_add_func ("/eq/response/landmarks", test_response_landmarks);
  for (guint i = 0; i < G_N_ELEMENTS (fit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/eq/fit/case-%u", i);

      g_test_add_data_func (path, &fit_cases[i], test_fit_case);
    }
  g_test_add_func ("/eq/fit/dense-target", test_fit_dense_target);
  g_test_add_func ("/eq/fit/many-points", test_fit_many_points);
  g_test_add_func ("/eq/fit/flat", test_fit_flat);
  g_test_add_func ("/eq/fit/known-and-impossible", test_fit_known_and_impossible);
  g_test_add_func ("/eq/fit/bad-input", test_fit_bad_input);
  g_test_add_func ("/eq/preamp", test_preamp);
  g_test_add_func ("/eq/graphic-gains", test_graphic_gains);

  return g_test_run ();
}
