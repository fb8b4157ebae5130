/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-chart-private.h"

/* The view: traces and choices. Drawing happens many times per change (a
 * hover redraws the widget), so what depends only on the data, the span
 * of every metric over the visible traces, is computed here once and kept
 * until hr_chart_view_changed() or a setter says the data moved. */

HrChartView *
hr_chart_view_new (void)
{
  HrChartView *self = g_new0 (HrChartView, 1);

  self->traces = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_chart_trace_unref);
  self->kind = HR_CHART_IMPEDANCE;
  self->layout = HR_CHART_LAYOUT_GRID;
  self->theme = HR_CHART_THEME_LIGHT;
  self->scale = 1.0;
  return self;
}

void
hr_chart_view_free (HrChartView *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->traces);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->verdict);
  g_clear_pointer (&self->verdict_lines, g_ptr_array_unref);
  g_clear_pointer (&self->annotations, g_array_unref);
  g_free (self);
}

void
hr_chart_view_add_trace (HrChartView  *self,
                         HrChartTrace *trace)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (trace != NULL);

  g_ptr_array_add (self->traces, hr_chart_trace_ref (trace));
  self->ranges_valid = FALSE;
}

void
hr_chart_view_remove_trace (HrChartView  *self,
                            HrChartTrace *trace)
{
  g_return_if_fail (self != NULL);

  if (g_ptr_array_remove (self->traces, trace))
    self->ranges_valid = FALSE;
}

void
hr_chart_view_clear_traces (HrChartView *self)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->traces, 0);
  self->ranges_valid = FALSE;
}

guint
hr_chart_view_get_n_traces (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->traces->len;
}

HrChartTrace *
hr_chart_view_get_trace (HrChartView *self,
                         guint        index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->traces->len, NULL);

  return g_ptr_array_index (self->traces, index);
}

/* After a sweep was recomputed in place, or a trace's figures, visibility
 * or label changed. */
void
hr_chart_view_changed (HrChartView *self)
{
  g_return_if_fail (self != NULL);

  self->ranges_valid = FALSE;
}

void
hr_chart_view_set_kind (HrChartView *self,
                        HrChartKind  kind)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail ((guint) kind < HR_CHART_N_KINDS);

  self->kind = kind;
}

HrChartKind
hr_chart_view_get_kind (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, HR_CHART_IMPEDANCE);

  return self->kind;
}

void
hr_chart_view_set_layout (HrChartView   *self,
                          HrChartLayout  layout)
{
  g_return_if_fail (self != NULL);

  self->layout = layout;
}

HrChartLayout
hr_chart_view_get_layout (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, HR_CHART_LAYOUT_GRID);

  return self->layout;
}

void
hr_chart_view_set_theme (HrChartView  *self,
                         HrChartTheme  theme)
{
  g_return_if_fail (self != NULL);

  self->theme = theme;
}

HrChartTheme
hr_chart_view_get_theme (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, HR_CHART_THEME_LIGHT);

  return self->theme;
}

/* 1 for a 96 dpi screen or export, 2 on a HiDPI screen whose cairo_t is
 * in logical pixels: line widths, fonts and margins all follow it. */
void
hr_chart_view_set_scale (HrChartView *self,
                         double       scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (scale > 0.0 && isfinite (scale));

  self->scale = scale;
}

double
hr_chart_view_get_scale (HrChartView *self)
{
  g_return_val_if_fail (self != NULL, 1.0);

  return self->scale;
}

void
hr_chart_view_set_title (HrChartView *self,
                         const char  *title)
{
  g_return_if_fail (self != NULL);

  g_free (self->title);
  self->title = title != NULL && *title != '\0' ? g_strdup (title) : NULL;
}

void
hr_chart_view_set_subtitle (HrChartView *self,
                            const char  *subtitle)
{
  g_return_if_fail (self != NULL);

  g_free (self->subtitle);
  self->subtitle = subtitle != NULL && *subtitle != '\0' ? g_strdup (subtitle) : NULL;
}

gboolean
hr_chart_trace_is_drawn (HrChartTrace *trace)
{
  return trace->visible && trace->sweep != NULL && trace->sweep->n_points >= 2;
}

static void
range_init (HrChartRange *range)
{
  range->min = INFINITY;
  range->max = -INFINITY;
}

/* Only finite values count: an infinite ceiling means "no limit", and
 * NaN comes from nowhere we trust. */
static void
range_add (HrChartRange *range,
           double        value)
{
  if (!isfinite (value))
    return;
  range->min = MIN (range->min, value);
  range->max = MAX (range->max, value);
}

/* Reference lines (Zout, 8 × Zout, the current limit) of every trace
 * would bury the curves in a comparison of many: past a few traces, only
 * the live configuration's are drawn, and only those count in the ranges. */
gboolean
hr_chart_view_draws_references (HrChartView  *self,
                                HrChartTrace *trace)
{
  guint n_drawn = 0;
  gboolean has_live = FALSE;

  for (guint i = 0; i < self->traces->len; i++)
    {
      HrChartTrace *other = g_ptr_array_index (self->traces, i);

      if (hr_chart_trace_is_drawn (other))
        {
          n_drawn++;
          has_live |= other->live;
        }
    }
  return n_drawn <= HR_CHART_MAX_TRACES_WITH_REFERENCES || trace->live || !has_live;
}

static void
add_trace_ranges (HrChartView  *self,
                  HrChartTrace *trace)
{
  const HrSweep *sweep = trace->sweep;
  gboolean limited = FALSE;
  gboolean references = hr_chart_view_draws_references (self, trace);

  for (guint i = 0; i < sweep->n_points; i++)
    {
      double zout_ohm = references ? hr_chart_trace_get_zout_ohm (trace, i) : NAN;

      range_add (&self->z_ohm, sweep->z_mag_ohm[i]);
      /* A 0 Ω source has no place on a log axis; it is drawn as nothing. */
      if (zout_ohm > 0.0)
        {
          range_add (&self->z_ohm, zout_ohm);
          range_add (&self->z_ohm, 8.0 * zout_ohm);
        }
      range_add (&self->phase_deg, sweep->z_phase_deg[i]);
      range_add (&self->current_ma, sweep->i_source_ma[i]);
      range_add (&self->spl_db, sweep->spl_db[i]);
      range_add (&self->spl_db, sweep->spl_max_db[i]);
      range_add (&self->dev_db, sweep->dev_db[i]);
      if (sweep->has_response && isfinite (sweep->fr_pred_db[i]))
        {
          range_add (&self->resp_db, sweep->fr_pred_db[i]);
          if (references)
            range_add (&self->resp_db, sweep->fr_db[i]);
        }
      if (isfinite (sweep->spl_max_db[i]))
        limited = TRUE;
    }

  /* The hiss at the foot: the SPL chart then spans what can be heard
   * from this source, from its noise to its ceiling. */
  if (isfinite (trace->hiss_spl_db))
    range_add (&self->spl_db, trace->hiss_spl_db);
  if (limited)
    self->n_limited++;
  if (sweep->has_response)
    self->n_with_response++;
}

void
hr_chart_view_ensure_ranges (HrChartView *self)
{
  double current_max_ma;

  if (self->ranges_valid)
    return;

  range_init (&self->z_ohm);
  range_init (&self->phase_deg);
  range_init (&self->current_ma);
  range_init (&self->spl_db);
  range_init (&self->dev_db);
  range_init (&self->resp_db);
  self->n_limited = 0;
  self->n_with_response = 0;

  for (guint i = 0; i < self->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (self->traces, i);

      if (hr_chart_trace_is_drawn (trace))
        add_trace_ranges (self, trace);
    }

  /* A current limit far above what is drawn would squash the curves to
   * the floor; one within twice the largest current is worth the room. */
  current_max_ma = self->current_ma.max;
  for (guint i = 0; i < self->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (self->traces, i);

      if (hr_chart_trace_is_drawn (trace) && hr_chart_view_draws_references (self, trace) &&
          trace->current_limit_ma <= 2.0 * current_max_ma)
        range_add (&self->current_ma, trace->current_limit_ma);
    }

  self->ranges_valid = TRUE;
}
