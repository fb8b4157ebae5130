/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-chart-private.h"

/* A trace is shared between the app's pin, the view and an export in
 * flight, so it is reference-counted; the sweep it shows is usually the
 * app's (recomputed in place on every slider step), hence borrowed. */

HrChartTrace *
hr_chart_trace_new (const char     *label,
                    HrSweep        *sweep,
                    GDestroyNotify  sweep_free)
{
  HrChartTrace *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (sweep != NULL, NULL);

  self = g_new0 (HrChartTrace, 1);
  g_ref_count_init (&self->ref_count);
  self->label = g_strdup (label);
  self->sweep = sweep;
  self->sweep_free = sweep_free;
  self->zout_ohm = NAN;
  self->current_limit_ma = NAN;
  self->visible = TRUE;

  return self;
}

HrChartTrace *
hr_chart_trace_ref (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
hr_chart_trace_unref (HrChartTrace *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  if (self->sweep_free != NULL)
    self->sweep_free (self->sweep);
  g_clear_pointer (&self->zout_curve_ohm, g_array_unref);
  g_free (self->label);
  g_free (self);
}

const char *
hr_chart_trace_get_label (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

void
hr_chart_trace_set_label (HrChartTrace *self,
                          const char   *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  g_free (self->label);
  self->label = g_strdup (label);
}

const HrSweep *
hr_chart_trace_get_sweep (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->sweep;
}

/* |Zout| as the headphone sees it, the same at every frequency: a plain
 * output. NAN or a negative value means unknown, and draws nothing. */
void
hr_chart_trace_set_zout_ohm (HrChartTrace *self,
                             double        zout_ohm)
{
  g_return_if_fail (self != NULL);

  self->zout_ohm = zout_ohm >= 0.0 ? zout_ohm : NAN;
  g_clear_pointer (&self->zout_curve_ohm, g_array_unref);
}

/* |Zout| per point of the sweep: a DC-blocking capacitor makes it rise in
 * the bass, and the 1/8 rule is then broken there first. */
gboolean
hr_chart_trace_set_zout_curve (HrChartTrace *self,
                               const double *zout_ohm,
                               guint         n_points)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (zout_ohm != NULL, FALSE);

  if (n_points != self->sweep->n_points)
    return FALSE;

  g_clear_pointer (&self->zout_curve_ohm, g_array_unref);
  self->zout_curve_ohm = g_array_sized_new (FALSE, FALSE, sizeof (double), n_points);
  g_array_append_vals (self->zout_curve_ohm, zout_ohm, n_points);
  self->zout_ohm = NAN;
  return TRUE;
}

double
hr_chart_trace_get_zout_ohm (HrChartTrace *self,
                             guint         index)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->zout_curve_ohm != NULL)
    {
      /* The sweep may have been recomputed on another grid since. */
      if (index >= self->zout_curve_ohm->len)
        return NAN;
      return g_array_index (self->zout_curve_ohm, double, index);
    }
  return self->zout_ohm;
}

/* NAN for unknown (nothing is drawn), INFINITY for no limit. */
void
hr_chart_trace_set_current_limit_ma (HrChartTrace *self,
                                     double        limit_ma)
{
  g_return_if_fail (self != NULL);

  self->current_limit_ma = limit_ma;
}

double
hr_chart_trace_get_current_limit_ma (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, NAN);

  return self->current_limit_ma;
}

void
hr_chart_trace_set_slot (HrChartTrace *self,
                         guint         slot)
{
  g_return_if_fail (self != NULL);

  self->slot = slot % HR_CHART_N_SLOTS;
}

guint
hr_chart_trace_get_slot (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->slot;
}

void
hr_chart_trace_set_visible (HrChartTrace *self,
                            gboolean      visible)
{
  g_return_if_fail (self != NULL);

  self->visible = !!visible;
}

gboolean
hr_chart_trace_get_visible (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->visible;
}

void
hr_chart_trace_set_live (HrChartTrace *self,
                         gboolean      live)
{
  g_return_if_fail (self != NULL);

  self->live = !!live;
}

gboolean
hr_chart_trace_get_live (HrChartTrace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->live;
}
