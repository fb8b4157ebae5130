/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-impedance-private.h"
#include "hr-model-error.h"
#include "hr-network-private.h"
#include "hr-simd-private.h"

/* A headphone's impedance against frequency. The four models share one
 * object so that everything above the model (the sweep, the charts, the
 * presets) handles a headphone the same way whatever describes it.
 *
 * An HrImpedance never changes once built: a change of nominal impedance
 * makes a new, scaled object. That lets the app hand the same model to a
 * sweep on every slider step without copying or locking.
 */
struct _HrImpedance
{
  GObject          parent_instance;

  HrImpedanceKind  kind;
  double           scale;
  gboolean         assumed;   /* a flat line standing in for a curve nobody knows */

  /* HR_IMPEDANCE_RESISTOR */
  double           r_ohm;

  /* HR_IMPEDANCE_THIELE_SMALL, with the motional branch derived once */
  HrThieleSmall    ts;
  double           res_ohm;
  double           lces_h;
  double           cmes_f;

  /* HR_IMPEDANCE_NETWORK */
  HrNetwork       *network;

  /* HR_IMPEDANCE_POINTS, kept twice: as given, and as the logarithms that
   * the interpolation works on. */
  HrImpedancePoint *points;
  double           *log_freq;
  double           *log_mag;
  guint             n_points;
};

G_DEFINE_FINAL_TYPE (HrImpedance, hr_impedance, G_TYPE_OBJECT)

static void
hr_impedance_finalize (GObject *object)
{
  HrImpedance *self = (HrImpedance *) object;

  g_clear_pointer (&self->network, hr_network_unref);
  g_clear_pointer (&self->points, g_free);
  g_clear_pointer (&self->log_freq, g_free);
  g_clear_pointer (&self->log_mag, g_free);

  G_OBJECT_CLASS (hr_impedance_parent_class)->finalize (object);
}

static void
hr_impedance_class_init (HrImpedanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hr_impedance_finalize;
}

static void
hr_impedance_init (HrImpedance *self)
{
  self->scale = 1.0;
}

static HrImpedance *
hr_impedance_new (HrImpedanceKind kind)
{
  HrImpedance *self = g_object_new (HR_TYPE_IMPEDANCE, NULL);

  self->kind = kind;
  return self;
}

HrImpedance *
hr_impedance_new_resistor (double   r_ohm,
                           GError **error)
{
  HrImpedance *self;

  if (!hr_check_positive ("r_ohm", r_ohm, error))
    return NULL;

  self = hr_impedance_new (HR_IMPEDANCE_RESISTOR);
  self->r_ohm = r_ohm;
  return self;
}

/**
 * hr_thiele_small_derived:
 *
 * The motional branch of the electrical equivalent (PHYSICS.md):
 * Res = Re·Qms/Qes, Lces = Re/(2π·fs·Qes), Cmes = Qes/(2π·fs·Re).
 */
void
hr_thiele_small_derived (const HrThieleSmall *ts,
                         double              *res_ohm,
                         double              *lces_h,
                         double              *cmes_f)
{
  const double omega_s = 2.0 * G_PI * ts->fs_hz;

  if (res_ohm != NULL)
    *res_ohm = ts->re_ohm * ts->qms / ts->qes;
  if (lces_h != NULL)
    *lces_h = ts->re_ohm / (omega_s * ts->qes);
  if (cmes_f != NULL)
    *cmes_f = ts->qes / (omega_s * ts->re_ohm);
}

HrImpedance *
hr_impedance_new_thiele_small (const HrThieleSmall  *ts,
                               GError              **error)
{
  HrImpedance *self;

  g_return_val_if_fail (ts != NULL, NULL);

  /* Le may be 0: some published fits leave the voice-coil inductance out. */
  if (!hr_check_positive ("re_ohm", ts->re_ohm, error) ||
      !hr_check_non_negative ("le_h", ts->le_h, error) ||
      !hr_check_positive ("fs_hz", ts->fs_hz, error) ||
      !hr_check_positive ("qms", ts->qms, error) ||
      !hr_check_positive ("qes", ts->qes, error))
    return NULL;

  self = hr_impedance_new (HR_IMPEDANCE_THIELE_SMALL);
  self->ts = *ts;
  hr_thiele_small_derived (ts, &self->res_ohm, &self->lces_h, &self->cmes_f);
  return self;
}

/**
 * hr_impedance_new_network:
 * @tree: (transfer none): the network; it is referenced, and must not
 *   change afterwards
 */
HrImpedance *
hr_impedance_new_network (HrNetwork  *tree,
                          GError    **error)
{
  HrImpedance *self;

  g_return_val_if_fail (tree != NULL, NULL);

  if (!hr_network_validate (tree, "tree", error))
    return NULL;

  self = hr_impedance_new (HR_IMPEDANCE_NETWORK);
  self->network = hr_network_ref (tree);
  return self;
}

HrImpedance *
hr_impedance_new_points (const HrImpedancePoint  *points,
                         guint                    n_points,
                         GError                 **error)
{
  g_autoptr(HrImpedance) self = NULL;

  if (n_points == 0 || points == NULL)
    {
      g_set_error_literal (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                           _("points must hold at least one point"));
      return NULL;
    }

  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *freq_field = g_strdup_printf ("points[%u].freq_hz", i);
      g_autofree char *mag_field = g_strdup_printf ("points[%u].mag_ohm", i);
      g_autofree char *phase_field = g_strdup_printf ("points[%u].phase_deg", i);

      if (!hr_check_positive (freq_field, points[i].freq_hz, error) ||
          !hr_check_positive (mag_field, points[i].mag_ohm, error) ||
          !hr_check_finite (phase_field, points[i].phase_deg, error))
        return NULL;

      /* A passive load cannot have a phase beyond ±90°: its real part, and
       * so the power it takes, would be negative. */
      if (fabs (points[i].phase_deg) > 90.0)
        {
          char value_text[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (value_text, sizeof value_text, "%g", points[i].phase_deg);
          g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                       _("%s must be between -90 and 90 degrees, got %s"),
                       phase_field, value_text);
          return NULL;
        }

      if (i > 0 && !(points[i].freq_hz > points[i - 1].freq_hz))
        {
          char value_text[G_ASCII_DTOSTR_BUF_SIZE];
          char previous_text[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (value_text, sizeof value_text, "%g", points[i].freq_hz);
          g_ascii_formatd (previous_text, sizeof previous_text, "%g", points[i - 1].freq_hz);
          g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING,
                       _("%s must be greater than the previous frequency, %s Hz, got %s"),
                       freq_field, previous_text, value_text);
          return NULL;
        }
    }

  self = hr_impedance_new (HR_IMPEDANCE_POINTS);
  self->n_points = n_points;
  self->points = g_memdup2 (points, sizeof *points * n_points);
  self->log_freq = g_new (double, n_points);
  self->log_mag = g_new (double, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      self->log_freq[i] = log (points[i].freq_hz);
      self->log_mag[i] = log (points[i].mag_ohm);
    }

  return g_steal_pointer (&self);
}

/**
 * hr_impedance_new_scaled:
 * @factor: how much to multiply every impedance by
 *
 * Moves a curve to another nominal impedance, as one driver design sold in
 * several coil windings (the DT 770 PRO in 32, 80 and 250 Ω): the shape
 * stays, every |Z| scales. Scales compound.
 */
HrImpedance *
hr_impedance_new_scaled (HrImpedance  *self,
                         double        factor,
                         GError      **error)
{
  HrImpedance *copy;

  g_return_val_if_fail (HR_IS_IMPEDANCE (self), NULL);

  if (!hr_check_positive ("scale", factor, error) ||
      !hr_check_positive ("scale", self->scale * factor, error))
    return NULL;

  copy = hr_impedance_new (self->kind);
  copy->scale = self->scale * factor;
  copy->assumed = self->assumed;
  copy->r_ohm = self->r_ohm;
  copy->ts = self->ts;
  copy->res_ohm = self->res_ohm;
  copy->lces_h = self->lces_h;
  copy->cmes_f = self->cmes_f;
  if (self->network != NULL)
    copy->network = hr_network_ref (self->network);
  if (self->n_points > 0)
    {
      copy->n_points = self->n_points;
      copy->points = g_memdup2 (self->points, sizeof *self->points * self->n_points);
      copy->log_freq = g_memdup2 (self->log_freq, sizeof (double) * self->n_points);
      copy->log_mag = g_memdup2 (self->log_mag, sizeof (double) * self->n_points);
    }

  return copy;
}

HrImpedanceKind
hr_impedance_get_kind (HrImpedance *self)
{
  g_return_val_if_fail (HR_IS_IMPEDANCE (self), HR_IMPEDANCE_RESISTOR);

  return self->kind;
}

double
hr_impedance_get_scale (HrImpedance *self)
{
  g_return_val_if_fail (HR_IS_IMPEDANCE (self), 1.0);

  return self->scale;
}

const HrThieleSmall *
hr_impedance_get_thiele_small (HrImpedance *self)
{
  g_return_val_if_fail (HR_IS_IMPEDANCE (self), NULL);

  return self->kind == HR_IMPEDANCE_THIELE_SMALL ? &self->ts : NULL;
}

HrNetwork *
hr_impedance_get_network (HrImpedance *self)
{
  g_return_val_if_fail (HR_IS_IMPEDANCE (self), NULL);

  return self->network;
}

const HrImpedancePoint *
hr_impedance_get_points (HrImpedance *self,
                         guint       *n_points)
{
  g_return_val_if_fail (HR_IS_IMPEDANCE (self), NULL);

  if (n_points != NULL)
    *n_points = self->n_points;
  return self->points;
}

static inline double complex
eval_thiele_small (const HrImpedance *self,
                   double             freq_hz)
{
  const double omega = 2.0 * G_PI * freq_hz;
  /* The motional branch is three elements in parallel: add admittances,
   * then invert in real arithmetic, which is both exact and cheap. */
  const double g = 1.0 / self->res_ohm;
  const double b = omega * self->cmes_f - 1.0 / (omega * self->lces_h);
  const double y2 = g * g + b * b;

  return hr_complex (self->ts.re_ohm + g / y2, omega * self->ts.le_h - b / y2);
}

/* log|Z| and phase, linear in log f; the end values hold outside the data
 * (PHYSICS.md, "Measured points"). @cursor is where the last lookup ended,
 * so that a rising sweep walks the table once instead of searching it. */
static double complex
eval_points (const HrImpedance *self,
             double             freq_hz,
             guint             *cursor)
{
  const double log_f = log (freq_hz);
  const guint last = self->n_points - 1;
  double log_mag;
  double phase_deg;
  guint lo;
  guint hi;

  if (log_f <= self->log_freq[0])
    {
      log_mag = self->log_mag[0];
      phase_deg = self->points[0].phase_deg;
    }
  else if (log_f >= self->log_freq[last])
    {
      log_mag = self->log_mag[last];
      phase_deg = self->points[last].phase_deg;
    }
  else
    {
      double t;

      /* Find i with log_freq[i] <= log_f < log_freq[i + 1]. */
      lo = *cursor < last && self->log_freq[*cursor] <= log_f ? *cursor : 0;
      if (!(log_f < self->log_freq[lo + 1]))
        {
          hi = last;
          while (hi - lo > 1)
            {
              guint mid = lo + (hi - lo) / 2;

              if (self->log_freq[mid] <= log_f)
                lo = mid;
              else
                hi = mid;
            }
        }
      *cursor = lo;

      t = (log_f - self->log_freq[lo]) / (self->log_freq[lo + 1] - self->log_freq[lo]);
      log_mag = self->log_mag[lo] + t * (self->log_mag[lo + 1] - self->log_mag[lo]);
      phase_deg = self->points[lo].phase_deg
                + t * (self->points[lo + 1].phase_deg - self->points[lo].phase_deg);
    }

  {
    const double mag = exp (log_mag);
    const double phase_rad = phase_deg * (G_PI / 180.0);

    return hr_complex (mag * cos (phase_rad), mag * sin (phase_rad));
  }
}

static inline double complex
eval_one (HrImpedance *self,
          double       freq_hz,
          guint       *cursor)
{
  switch (self->kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      return self->r_ohm;
    case HR_IMPEDANCE_THIELE_SMALL:
      return eval_thiele_small (self, freq_hz);
    case HR_IMPEDANCE_NETWORK:
      return hr_network_eval (self->network, freq_hz);
    case HR_IMPEDANCE_POINTS:
      return eval_points (self, freq_hz, cursor);
    default:
      g_assert_not_reached ();
    }
}

double complex
hr_impedance_eval (HrImpedance *self,
                   double       freq_hz)
{
  guint cursor = 0;

  g_return_val_if_fail (HR_IS_IMPEDANCE (self), 0.0);

  return self->scale * eval_one (self, freq_hz, &cursor);
}

void
hr_impedance_eval_many (HrImpedance    *self,
                        const double   *freq_hz,
                        guint           n_freqs,
                        double complex *z_ohm)
{
  guint cursor = 0;

  g_return_if_fail (HR_IS_IMPEDANCE (self));
  g_return_if_fail (n_freqs == 0 || (freq_hz != NULL && z_ohm != NULL));

  for (guint i = 0; i < n_freqs; i++)
    z_ohm[i] = self->scale * eval_one (self, freq_hz[i], &cursor);
}

/* The Thiele–Small model over a grid: the same real arithmetic as
 * eval_thiele_small(), with 1/ω read from the grid and 1/Res, 1/Lces
 * taken once, so that a point costs one division and the loop vectorises. */
static HR_SIMD_CLONES void
eval_thiele_small_grid (const HrImpedance *self,
                        const double      *restrict omega,
                        const double      *restrict inv_omega,
                        guint              n_freqs,
                        double            *restrict z_re_ohm,
                        double            *restrict z_im_ohm)
{
  const double g = 1.0 / self->res_ohm;
  const double g2 = g * g;
  const double inv_lces = 1.0 / self->lces_h;
  const double cmes_f = self->cmes_f;
  const double re_ohm = self->ts.re_ohm;
  const double le_h = self->ts.le_h;
  const double scale = self->scale;

  for (guint i = 0; i < n_freqs; i++)
    {
      const double b = omega[i] * cmes_f - inv_omega[i] * inv_lces;
      const double inv_y2 = 1.0 / (g2 + b * b);

      z_re_ohm[i] = scale * (re_ohm + g * inv_y2);
      z_im_ohm[i] = scale * (omega[i] * le_h - b * inv_y2);
    }
}

/* A measured curve over a grid: the table walked once for log|Z| and the
 * phase (eval_points_grid()), then |Z|·e^{jφ} in loops of their own,
 * which vectorise: one a function, since gcc would otherwise merge sin
 * and cos into a sincos() that it cannot vectorise. */
static HR_SIMD_CLONES void
polar_to_parts (double        scale,
                guint         n_freqs,
                const double *restrict phase_rad,
                double       *restrict z_re_ohm,
                double       *restrict z_im_ohm)
{
  for (guint i = 0; i < n_freqs; i++)
    z_re_ohm[i] = scale * exp (z_re_ohm[i]);
  for (guint i = 0; i < n_freqs; i++)
    z_im_ohm[i] = z_re_ohm[i] * sin (phase_rad[i]);
  for (guint i = 0; i < n_freqs; i++)
    z_re_ohm[i] = z_re_ohm[i] * cos (phase_rad[i]);
}

static void
eval_points_grid (const HrImpedance *self,
                  const double      *log_freq,
                  guint              n_freqs,
                  double            *log_mag,
                  double            *phase_rad)
{
  const guint last = self->n_points - 1;
  guint lo = 0;

  for (guint i = 0; i < n_freqs; i++)
    {
      const double log_f = log_freq[i];
      double phase_deg;

      if (log_f <= self->log_freq[0])
        {
          log_mag[i] = self->log_mag[0];
          phase_deg = self->points[0].phase_deg;
        }
      else if (log_f >= self->log_freq[last])
        {
          log_mag[i] = self->log_mag[last];
          phase_deg = self->points[last].phase_deg;
        }
      else
        {
          double t;

          /* The grid rises, so the segment only moves on; a grid that
           * does not starts again from the first. */
          if (self->log_freq[lo] > log_f)
            lo = 0;
          while (!(log_f < self->log_freq[lo + 1]))
            lo++;
          t = (log_f - self->log_freq[lo]) / (self->log_freq[lo + 1] - self->log_freq[lo]);
          log_mag[i] = self->log_mag[lo] + t * (self->log_mag[lo + 1] - self->log_mag[lo]);
          phase_deg = self->points[lo].phase_deg
                    + t * (self->points[lo + 1].phase_deg - self->points[lo].phase_deg);
        }
      phase_rad[i] = phase_deg * (G_PI / 180.0);
    }
}

/**
 * hr_impedance_eval_grid:
 * @grid: the constants of a sweep's grid
 * @z_re_ohm: (out caller-allocates) (array length=n_freqs): Re Z
 * @z_im_ohm: (out caller-allocates) (array length=n_freqs): Im Z
 *
 * hr_impedance_eval_many() for a sweep: the same model, with the parts
 * apart and the grid's constants used, for the vectorised loops of
 * hr_sweep_compute(). Agrees with hr_impedance_eval() to rounding.
 */
void
hr_impedance_eval_grid (HrImpedance       *self,
                        const HrSweepGrid *grid,
                        guint              n_freqs,
                        double            *z_re_ohm,
                        double            *z_im_ohm)
{
  g_return_if_fail (HR_IS_IMPEDANCE (self));

  switch (self->kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      for (guint i = 0; i < n_freqs; i++)
        {
          z_re_ohm[i] = self->scale * self->r_ohm;
          z_im_ohm[i] = 0.0;
        }
      break;

    case HR_IMPEDANCE_THIELE_SMALL:
      eval_thiele_small_grid (self, grid->omega_rad_s, grid->inv_omega, n_freqs, z_re_ohm, z_im_ohm);
      break;

    case HR_IMPEDANCE_NETWORK:
      hr_network_eval_grid (self->network, grid->omega_rad_s, grid->inv_omega, n_freqs, z_re_ohm, z_im_ohm);
      for (guint i = 0; i < n_freqs; i++)
        {
          z_re_ohm[i] *= self->scale;
          z_im_ohm[i] *= self->scale;
        }
      break;

    case HR_IMPEDANCE_POINTS:
      eval_points_grid (self, grid->log_freq, n_freqs, z_re_ohm, grid->scratch);
      polar_to_parts (self->scale, n_freqs, grid->scratch, z_re_ohm, z_im_ohm);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
take_feature_point (HrImpedance         *self,
                    HrImpedanceFeatures *features,
                    double               freq_hz)
{
  double mag_ohm = cabs (hr_impedance_eval (self, freq_hz));

  if (mag_ohm < features->min_ohm)
    {
      features->min_ohm = mag_ohm;
      features->min_freq_hz = freq_hz;
    }
  if (mag_ohm > features->max_ohm)
    {
      features->max_ohm = mag_ohm;
      features->max_freq_hz = freq_hz;
    }
}

/**
 * hr_impedance_get_features:
 *
 * |Z| at 1 kHz, and the lowest and highest |Z| between 20 Hz and 20 kHz
 * with their frequencies, on a 1/48-octave grid: fine enough that a
 * resonance's peak is within 0.1 dB of its top for any Q a headphone has.
 */
void
hr_impedance_get_features (HrImpedance         *self,
                           HrImpedanceFeatures *features)
{
  const guint n_points = 481;
  const double step = pow (1000.0, 1.0 / (n_points - 1));

  g_return_if_fail (HR_IS_IMPEDANCE (self));
  g_return_if_fail (features != NULL);

  features->at_1khz_ohm = cabs (hr_impedance_eval (self, 1000.0));
  features->min_ohm = INFINITY;
  features->max_ohm = -INFINITY;
  for (guint i = 0; i < n_points; i++)
    take_feature_point (self, features, 20.0 * pow (step, i));
  /* A measurement's extremes are its own points, which the grid can miss. */
  if (self->kind == HR_IMPEDANCE_POINTS)
    for (guint i = 0; i < self->n_points; i++)
      if (self->points[i].freq_hz >= 20.0 && self->points[i].freq_hz <= 20000.0)
        take_feature_point (self, features, self->points[i].freq_hz);
}

/**
 * hr_impedance_new_assumed_flat:
 *
 * A flat @r_ohm standing in for an impedance curve that is not known:
 * computed as a resistor, but said to be assumed, so that a verdict does
 * not state as fact the flat response a resistor gives.
 */
HrImpedance *
hr_impedance_new_assumed_flat (double   r_ohm,
                               GError **error)
{
  HrImpedance *self = hr_impedance_new_resistor (r_ohm, error);

  if (self != NULL)
    self->assumed = TRUE;
  return self;
}

gboolean
hr_impedance_is_assumed (HrImpedance *self)
{
  g_return_val_if_fail (HR_IS_IMPEDANCE (self), FALSE);

  return self->assumed;
}
