/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>

#include "hr-infer.h"
#include "hr-model-error.h"
#include "hr-source.h"

/* A source's Thévenin figures from the power table of its spec sheet.
 *
 * A pair "P mW into R Ω" means the load saw V = √(P·R) and drew
 * I = √(P/R) (PHYSICS.md, last line of "What to compute"). The source
 * stops either because its voltage swing runs out, and then
 * V = Voc·R/(R + Zout), which is a straight line in 1/R:
 *
 *   1/V = 1/Voc + (Zout/Voc)·(1/R)
 *
 * or because its current runs out, and then I = Imax whatever R is.
 *
 * With the clipping model of PHYSICS.md a pair is current-bound exactly
 * when Imax·R < Voc·R/(R + Zout), that is when R < Voc/Imax − Zout: the
 * current-bound pairs are the ones with the lowest loads. So there are
 * only n ways to split n pairs (the k lowest loads current-bound, k from 0
 * to n − 1; the highest load is always voltage-bound, since at a high
 * enough load every source runs out of voltage first). Each split is fitted
 * by least squares, ordinary in 1/V for the voltage pairs and in log I for
 * the current pairs, so that figures of different size weigh alike; then
 * checked for consistency: a current-bound pair must sit clearly below
 * what the voltage model allows (a pair on the voltage line shows no
 * current limit, and calling it one would invent Imax), and a
 * voltage-bound pair must not draw more than the current limit. The
 * consistent split whose power residuals are smallest wins.
 *
 * Spec sheets round to two or three digits, so splits within 1 % rms of
 * the best fit count as a tie, and a tie goes to the split with more
 * current-bound pairs: into low loads an amplifier's output stage usually
 * runs out of current first (PHYSICS.md, op-amp outputs), and that split
 * needs a smaller Zout. The other reading is named in the notes.
 *
 * Nothing is invented: with no current-bound pair the current limit is
 * unknown, with one voltage-bound pair and no Zout given Zout is unknown.
 *
 * A maximum level is a voltage-bound figure like any other, V itself; one
 * with no load is taken as open circuit (a mixer's "max output +20 dBu"
 * is measured into a high-impedance input): 1/R = 0, where the line of
 * 1/V meets 1/Voc. With a power pair beside it, that fixes Zout.
 */

/* Published figures are rounded to two or three digits: this is how far
 * (in voltage or current) a pair must clear a limit to show it, and may
 * overshoot one and still count as respecting it. */
#define CONSISTENCY_TOLERANCE 0.03
/* Two splits whose rms power residuals differ by less are a tie. */
#define TIE_RMS 0.01

typedef struct
{
  guint    n_current;      /* the lowest n_current loads are current-bound */
  gboolean valid;          /* a physical fit exists (1/Voc > 0) */
  gboolean consistent;
  double   voc_vrms;
  double   zout_ohm;       /* HR_UNKNOWN if not fitted */
  gboolean zout_clamped;
  double   zout_unclamped_ohm;
  double   imax_a;         /* HR_UNKNOWN if no current-bound pair */
  double   score;          /* Σ ln(P_model/P)² */
} Split;

typedef struct
{
  const HrPowerSpec *spec;
  guint              index;  /* in the caller's order */
  double             v_vrms;
  double             i_a;
} SortedPair;

static int
compare_by_load (const void *a,
                 const void *b)
{
  const SortedPair *pa = a;
  const SortedPair *pb = b;

  if (pa->spec->load_ohm != pb->spec->load_ohm)
    return pa->spec->load_ohm < pb->spec->load_ohm ? -1 : 1;
  return pa->index < pb->index ? -1 : (pa->index > pb->index);
}

/* The voltage part of a split: Voc and Zout from the pairs [first, n). */
static void
fit_voltage (const SortedPair *pairs,
             guint             first,
             guint             n,
             double            zout_known_ohm,
             Split            *split)
{
  const guint m = n - first;
  double x_mean = 0.0;
  double y_mean = 0.0;
  double sxx = 0.0;
  double sxy = 0.0;
  double intercept;
  double slope;

  split->zout_ohm = HR_UNKNOWN;
  split->zout_clamped = FALSE;

  for (guint i = first; i < n; i++)
    {
      x_mean += 1.0 / pairs[i].spec->load_ohm / m;
      y_mean += 1.0 / pairs[i].v_vrms / m;
    }

  if (!isnan (zout_known_ohm))
    {
      /* Only Voc is free: 1/V = c·(1 + Zout/R), least squares in c. */
      double suu = 0.0;
      double syu = 0.0;

      for (guint i = first; i < n; i++)
        {
          const double u = 1.0 + zout_known_ohm / pairs[i].spec->load_ohm;

          suu += u * u;
          syu += u / pairs[i].v_vrms;
        }
      split->voc_vrms = suu / syu;
      split->zout_ohm = zout_known_ohm;
      split->valid = TRUE;
      return;
    }

  for (guint i = first; i < n; i++)
    {
      const double dx = 1.0 / pairs[i].spec->load_ohm - x_mean;

      sxx += dx * dx;
      sxy += dx * (1.0 / pairs[i].v_vrms - y_mean);
    }

  /* One load (or one load repeated): no slope, so no Zout. Voc is then
   * what the load saw, as if Zout were 0: the real Voc is at least that. */
  if (m == 1 || sxx <= 1e-12 * x_mean * x_mean)
    {
      split->voc_vrms = 1.0 / y_mean;
      split->valid = TRUE;
      return;
    }

  slope = sxy / sxx;
  intercept = y_mean - slope * x_mean;
  if (slope < 0.0)
    {
      /* A negative Zout: the voltage rises less than no Zout at all
       * allows. Clamp, and refit Voc alone with Zout = 0. */
      split->zout_unclamped_ohm = intercept > 0.0 ? slope / intercept : -INFINITY;
      split->zout_ohm = 0.0;
      split->zout_clamped = TRUE;
      split->voc_vrms = 1.0 / y_mean;
      split->valid = TRUE;
      return;
    }

  /* 1/Voc <= 0 would need the voltage to grow without bound: these pairs
   * are not voltage-bound, and this split is not a physical reading. */
  split->valid = intercept > 0.0;
  if (split->valid)
    {
      split->voc_vrms = 1.0 / intercept;
      split->zout_ohm = slope / intercept;
    }
}

static double
voltage_model_vrms (const Split *split,
                    double       load_ohm)
{
  const double zout_ohm = isnan (split->zout_ohm) ? 0.0 : split->zout_ohm;

  if (isinf (load_ohm))
    return split->voc_vrms;
  return split->voc_vrms * load_ohm / (load_ohm + zout_ohm);
}

static void
fit_split (const SortedPair *pairs,
           guint             n,
           guint             n_current,
           double            zout_known_ohm,
           Split            *split)
{
  double log_i_mean = 0.0;

  split->n_current = n_current;
  split->imax_a = HR_UNKNOWN;
  fit_voltage (pairs, n_current, n, zout_known_ohm, split);
  if (!split->valid)
    return;

  for (guint i = 0; i < n_current; i++)
    log_i_mean += log (pairs[i].i_a) / n_current;
  if (n_current > 0)
    split->imax_a = exp (log_i_mean);

  split->consistent = TRUE;
  split->score = 0.0;
  for (guint i = 0; i < n; i++)
    {
      const double load_ohm = pairs[i].spec->load_ohm;
      double v_model_vrms;

      if (i < n_current)
        {
          v_model_vrms = split->imax_a * load_ohm;
          if (pairs[i].v_vrms > voltage_model_vrms (split, load_ohm) * (1.0 - CONSISTENCY_TOLERANCE))
            split->consistent = FALSE;
        }
      else
        {
          v_model_vrms = voltage_model_vrms (split, load_ohm);
          if (n_current > 0 && pairs[i].i_a > split->imax_a * (1.0 + CONSISTENCY_TOLERANCE))
            split->consistent = FALSE;
        }

      split->score += pow (2.0 * log (v_model_vrms / pairs[i].v_vrms), 2.0);
    }
}

static gboolean
validate_specs (const HrPowerSpec  *specs,
                guint               n_specs,
                double              zout_known_ohm,
                GError            **error)
{
  if (n_specs < 2)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                   _("at least two power figures are needed, got %u"), n_specs);
      return FALSE;
    }

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *power_field = g_strdup_printf ("pairs[%u].power_mw", i);
      g_autofree char *level_field = g_strdup_printf ("pairs[%u].level_vrms", i);
      g_autofree char *load_field = g_strdup_printf ("pairs[%u].load_ohm", i);

      if (specs[i].level_vrms > 0.0)
        {
          /* A level: open circuit is the one load that may be infinite. */
          if (!hr_check_positive (level_field, specs[i].level_vrms, error) ||
              (!isinf (specs[i].load_ohm) && !hr_check_positive (load_field, specs[i].load_ohm, error)))
            return FALSE;
        }
      else if (!hr_check_positive (power_field, specs[i].power_mw, error) ||
               !hr_check_positive (load_field, specs[i].load_ohm, error))
        return FALSE;
    }

  return isnan (zout_known_ohm) || hr_check_non_negative ("zout_ohm", zout_known_ohm, error);
}

/* The split to report: the best consistent one, or the best of all if no
 * split is consistent (the notes then say so). */
static guint
choose_split (const Split *splits,
              guint        n)
{
  gboolean have_consistent = FALSE;
  double best_rms = INFINITY;
  guint chosen = n - 1;

  for (guint k = 0; k < n; k++)
    if (splits[k].consistent)
      have_consistent = TRUE;

  for (guint k = 0; k < n; k++)
    if (splits[k].valid && (splits[k].consistent || !have_consistent))
      best_rms = MIN (best_rms, sqrt (splits[k].score / n));

  for (guint k = 0; k < n; k++)
    if (splits[k].valid && (splits[k].consistent || !have_consistent) &&
        sqrt (splits[k].score / n) <= best_rms + TIE_RMS)
      chosen = k;

  return chosen;
}

static void
add_note (HrInferResult *result,
          char          *note)
{
  g_ptr_array_add (result->notes, note);
}

static void
describe_split (HrInferResult *result,
                const Split   *splits,
                guint          n,
                guint          chosen,
                double         i_max_seen_a)
{
  const Split *split = &splits[chosen];
  double best_rms = sqrt (split->score / n);

  if (!split->consistent)
    add_note (result, g_strdup (_("No split of the figures into voltage-bound and current-bound ones "
                                  "is physically consistent; the closest fit is shown, and the spec "
                                  "sheet's figures may not come from one measurement.")));

  if (n - split->n_current == 1 && !result->zout_given)
    add_note (result, g_strdup (_("Only one figure is limited by voltage, so the output impedance "
                                  "cannot be fitted and is unknown; the open-circuit voltage shown "
                                  "assumes 0 Ω, and the real one is at least that.")));

  if (split->zout_clamped)
    add_note (result, g_strdup_printf (_("The fit gave a negative output impedance (%.3g Ω), which no "
                                         "source has; it was set to 0 Ω and the voltage refitted."),
                                       split->zout_unclamped_ohm));

  if (split->n_current == 0)
    add_note (result, g_strdup_printf (_("No figure is limited by current, so the current limit is "
                                         "unknown; it is at least %.3g mA, the most any figure draws."),
                                       i_max_seen_a * 1000.0));

  for (guint k = 0; k < chosen; k++)
    {
      if (!splits[k].valid || !splits[k].consistent ||
          sqrt (splits[k].score / n) > best_rms + TIE_RMS)
        continue;

      if (splits[k].n_current == 0 && !isnan (splits[k].zout_ohm))
        add_note (result, g_strdup_printf (_("The figures fit as well with none limited by current "
                                             "(%.3g Vrms open circuit behind %.3g Ω); the reading with "
                                             "current-bound figures was taken, since into low loads an "
                                             "amplifier usually runs out of current first."),
                                           splits[k].voc_vrms, splits[k].zout_ohm));
      else if (isnan (splits[k].zout_ohm))
        add_note (result, g_strdup_printf (_("The figures fit as well with %u of them limited by current "
                                             "(%.3g Vrms open circuit); the reading with more current-bound "
                                             "figures was taken, since into low loads an amplifier usually "
                                             "runs out of current first."),
                                           splits[k].n_current, splits[k].voc_vrms));
      else
        add_note (result, g_strdup_printf (_("The figures fit as well with %u of them limited by current "
                                             "(%.3g Vrms open circuit behind %.3g Ω); the reading with more "
                                             "current-bound figures was taken, since into low loads an "
                                             "amplifier usually runs out of current first."),
                                           splits[k].n_current, splits[k].voc_vrms, splits[k].zout_ohm));
      break;
    }
}

/**
 * hr_infer_source:
 * @specs: (array length=n_specs): the published pairs, two or more
 * @zout_known_ohm: the output impedance if the spec sheet gives it, or
 *   HR_UNKNOWN to fit it
 *
 * Returns: the inferred Voc, Zout and Imax, each pair's limit and how well
 *   the model reproduces it, and notes on what could not be inferred.
 */
HrInferResult *
hr_infer_source (const HrPowerSpec  *specs,
                 guint               n_specs,
                 double              zout_known_ohm,
                 GError            **error)
{
  g_autofree SortedPair *sorted = NULL;
  g_autofree Split *splits = NULL;
  HrInferResult *result;
  const Split *split;
  double i_max_seen_a = 0.0;
  double sum_sq = 0.0;
  guint chosen;

  g_return_val_if_fail (specs != NULL || n_specs == 0, NULL);

  if (!validate_specs (specs, n_specs, zout_known_ohm, error))
    return NULL;

  sorted = g_new0 (SortedPair, n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      sorted[i].spec = &specs[i];
      sorted[i].index = i;
      if (specs[i].level_vrms > 0.0)
        {
          sorted[i].v_vrms = specs[i].level_vrms;
          sorted[i].i_a = isinf (specs[i].load_ohm) ? 0.0 : specs[i].level_vrms / specs[i].load_ohm;
        }
      else
        {
          /* mW·Ω = 1e-3 V², mW/Ω = 1e-3 A² */
          sorted[i].v_vrms = sqrt (specs[i].power_mw * 1e-3 * specs[i].load_ohm);
          sorted[i].i_a = sqrt (specs[i].power_mw * 1e-3 / specs[i].load_ohm);
        }
      i_max_seen_a = MAX (i_max_seen_a, sorted[i].i_a);
    }
  qsort (sorted, n_specs, sizeof *sorted, compare_by_load);

  splits = g_new0 (Split, n_specs);
  for (guint k = 0; k < n_specs; k++)
    fit_split (sorted, n_specs, k, zout_known_ohm, &splits[k]);
  chosen = choose_split (splits, n_specs);
  split = &splits[chosen];

  result = g_new0 (HrInferResult, 1);
  result->voc_vrms = split->voc_vrms;
  result->zout_ohm = split->zout_ohm;
  result->zout_given = !isnan (zout_known_ohm);
  result->zout_clamped = split->zout_clamped;
  result->imax_ma = isnan (split->imax_a) ? HR_UNKNOWN : split->imax_a * 1000.0;
  result->n_pairs = n_specs;
  result->pairs = g_new0 (HrInferPair, n_specs);
  result->notes = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < n_specs; s++)
    {
      HrInferPair *pair = &result->pairs[sorted[s].index];
      const double load_ohm = sorted[s].spec->load_ohm;
      double v_model_vrms;

      pair->load_ohm = load_ohm;
      pair->level_vrms = sorted[s].spec->level_vrms;
      pair->v_vrms = sorted[s].v_vrms;
      pair->i_ma = sorted[s].i_a * 1000.0;
      /* V²/R: no power into no load. */
      pair->power_mw = isinf (load_ohm) ? 0.0 : pair->v_vrms * pair->v_vrms / load_ohm * 1000.0;
      pair->limit = s < split->n_current ? HR_LIMIT_CURRENT : HR_LIMIT_VOLTAGE;
      v_model_vrms = s < split->n_current ? split->imax_a * load_ohm
                                          : voltage_model_vrms (split, load_ohm);
      pair->model_vrms = v_model_vrms;
      pair->model_power_mw = isinf (load_ohm) ? 0.0 : v_model_vrms * v_model_vrms / load_ohm * 1000.0;
      /* As a ratio of voltages, the same at one load as one of powers,
       * and defined where there is no power, open circuit. */
      pair->residual_pct = 100.0 * (pow (v_model_vrms / pair->v_vrms, 2.0) - 1.0);
      sum_sq += pair->residual_pct * pair->residual_pct;
    }
  result->rms_residual_pct = sqrt (sum_sq / n_specs);

  describe_split (result, splits, n_specs, chosen, i_max_seen_a);
  for (guint i = 0; i < n_specs; i++)
    if (specs[i].level_vrms > 0.0 && isinf (specs[i].load_ohm))
      {
        add_note (result, g_strdup (_("A maximum level given without a load is taken as open circuit: "
                                      "sheets measure it into a high-impedance input, where it differs "
                                      "from open circuit by less than the output impedance over that "
                                      "input's.")));
        break;
      }
  return result;
}

void
hr_infer_result_free (HrInferResult *result)
{
  if (result == NULL)
    return;
  g_free (result->pairs);
  g_clear_pointer (&result->notes, g_ptr_array_unref);
  g_free (result);
}

static char *
format_power (double power_mw)
{
  if (power_mw >= 1000.0)
    /* Translators: a power, "1.8 W" */
    return g_strdup_printf (_("%.3g W"), power_mw / 1000.0);
  /* Translators: a power, "320 mW" */
  return g_strdup_printf (_("%.3g mW"), power_mw);
}

/**
 * hr_infer_pair_format:
 *
 * One pair of the sheet against the fit, as headroom-cli infer and the
 * source form say it: "1.8 W into 16 Ω: 5.37 Vrms, 335 mA, current-bound;
 * model 1.75 W (-2.6 %)".
 *
 * Returns: (transfer full): the line, translated
 */
char *
hr_infer_pair_format (const HrInferPair *pair)
{
  g_autofree char *power = NULL;
  g_autofree char *model = NULL;

  g_return_val_if_fail (pair != NULL, NULL);

  if (pair->level_vrms > 0.0)
    {
      if (isinf (pair->load_ohm))
        /* Translators: a sheet's maximum level with no load, against the fit: "12.3 Vrms open circuit: voltage-bound; model 12.3 Vrms (+0.0 %)" */
        return g_strdup_printf (_("%.3g Vrms open circuit: voltage-bound; model %.3g Vrms (%+.1f %%)"),
                                pair->v_vrms, pair->model_vrms, pair->residual_pct);
      /* Translators: a sheet's maximum level into a load: "6.9 Vrms into 32 Ω: 216 mA, voltage-bound; model 6.9 Vrms (+0.0 %)" */
      return g_strdup_printf (_("%.3g Vrms into %.4g Ω: %.3g mA, %s; model %.3g Vrms (%+.1f %%)"),
                              pair->v_vrms, pair->load_ohm, pair->i_ma,
                              pair->limit == HR_LIMIT_CURRENT ? _("current-bound") : _("voltage-bound"),
                              pair->model_vrms, pair->residual_pct);
    }
  power = format_power (pair->power_mw);
  model = format_power (pair->model_power_mw);
  /* Translators: "1.8 W into 16 Ω: 5.37 Vrms, 335 mA, current-bound; model 1.75 W (-2.6 %)" */
  return g_strdup_printf (_("%s into %.4g Ω: %.3g Vrms, %.3g mA, %s; model %s (%+.1f %%)"),
                          power, pair->load_ohm, pair->v_vrms, pair->i_ma,
                          pair->limit == HR_LIMIT_CURRENT ? _("current-bound") : _("voltage-bound"),
                          model, pair->residual_pct);
}
