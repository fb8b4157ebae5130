/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "hr-reason-region.h"
#include "hr-summary.h"
#include "hr-sweep.h"

G_BEGIN_DECLS

/* The charts of Headroom, drawn by one GTK-free function into any cairo_t:
 * the app's widget calls hr_chart_render() through
 * gtk_snapshot_append_cairo(), and export calls it on image, SVG and PDF
 * surfaces, so that what is exported is what is on the screen.
 *
 * A view holds traces (one configuration each: a sweep, its source's
 * output impedance and current limit, a colour) and the choices of the
 * user (which chart, the theme, the scale). What depends only on the data
 * (the ranges of every metric) is computed once per change; what depends
 * on the size (the axes) is computed per render, which is cheap.
 */

typedef enum
{
  HR_CHART_IMPEDANCE,
  HR_CHART_CURRENT,
  HR_CHART_SPL,
  HR_CHART_DEVIATION,
  HR_CHART_RESPONSE,   /* the headphones' own response on each source; only with one */
} HrChartKind;

#define HR_CHART_N_KINDS 5

typedef enum
{
  HR_CHART_LAYOUT_SINGLE,  /* the chart of hr_chart_view_set_kind() */
  HR_CHART_LAYOUT_GRID,    /* all four, 2 × 2, and the response under them when a trace has one */
} HrChartLayout;

typedef enum
{
  HR_CHART_THEME_LIGHT,
  HR_CHART_THEME_DARK,
} HrChartTheme;

/* The palette has this many slots; a trace's slot picks its colour and
 * its dash pattern, so that traces stay apart in grey print too. */
#define HR_CHART_N_SLOTS 8

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} HrChartRect;

typedef struct
{
  double red;
  double green;
  double blue;
} HrChartColor;

/* The axes of one chart at one size: where its plot area lies and what it
 * spans. Filled by hr_chart_view_get_axes(); the mapping functions below
 * are what a hover crosshair and the tests use. */
typedef struct
{
  HrChartKind kind;
  HrChartRect frame;        /* the chart's cell: title, axes, plot */
  HrChartRect plot;         /* the data area */
  double      fmin_hz;
  double      fmax_hz;
  double      y_min;        /* left axis, in the chart's unit */
  double      y_max;
  double      y_step;       /* 1-2-5 step of a linear axis, 0 on a log axis */
  gboolean    y_log;        /* |Z| is drawn on a logarithmic axis */
  gboolean    has_y2;       /* the phase, on the right */
  double      y2_min;
  double      y2_max;
  double      y2_step;
} HrChartAxes;

/* The parts of a figure, bottom to top. hr_chart_render() draws them
 * all; a screen redrawing while the live trace moves keeps the base, which
 * does not move, and draws only the live layer over it
 * (hr_chart_view_get_base_key() says when the base has changed). */
typedef enum
{
  HR_CHART_LAYER_BASE = 1 << 0,  /* background, titles, axes, grids, keys, legend, the traces not live */
  HR_CHART_LAYER_LIVE = 1 << 1,  /* the live trace, what lies over it, the SPL chart's limit strip */
} HrChartLayers;

#define HR_CHART_LAYERS_ALL (HR_CHART_LAYER_BASE | HR_CHART_LAYER_LIVE)

typedef struct _HrChartTrace HrChartTrace;
typedef struct _HrChartView  HrChartView;

/* A trace: one configuration. @sweep is borrowed when @sweep_free is
 * NULL (the app keeps it and recomputes it in place, then calls
 * hr_chart_view_changed()), owned otherwise. */
HrChartTrace       *hr_chart_trace_new                (const char        *label,
                                                       HrSweep           *sweep,
                                                       GDestroyNotify     sweep_free);
HrChartTrace       *hr_chart_trace_new_computed       (const char        *label,
                                                       HrSweep           *sweep,
                                                       GDestroyNotify     sweep_free,
                                                       const HrCircuit   *circuit,
                                                       const HrSummary   *summary);
HrChartTrace       *hr_chart_trace_ref                (HrChartTrace      *self);
void                hr_chart_trace_unref              (HrChartTrace      *self);
const char         *hr_chart_trace_get_label          (HrChartTrace      *self);
void                hr_chart_trace_set_label          (HrChartTrace      *self,
                                                       const char        *label);
const HrSweep      *hr_chart_trace_get_sweep          (HrChartTrace      *self);
double              hr_chart_trace_get_zout_ohm       (HrChartTrace      *self,
                                                       guint              index);
double              hr_chart_trace_value_at           (HrChartTrace      *self,
                                                       HrChartKind        kind,
                                                       double             freq_hz);
double              hr_chart_trace_ceiling_at         (HrChartTrace      *self,
                                                       double             freq_hz,
                                                       HrLimit           *limit);
void                hr_chart_trace_set_current_limit_ma (HrChartTrace    *self,
                                                       double             limit_ma);
double              hr_chart_trace_get_current_limit_ma (HrChartTrace    *self);
void                hr_chart_trace_set_hiss_spl_db    (HrChartTrace      *self,
                                                       double             hiss_spl_db);
double              hr_chart_trace_get_hiss_spl_db    (HrChartTrace      *self);
void                hr_chart_trace_set_slot           (HrChartTrace      *self,
                                                       guint              slot);
guint               hr_chart_trace_get_slot           (HrChartTrace      *self);
void                hr_chart_trace_set_visible        (HrChartTrace      *self,
                                                       gboolean           visible);
gboolean            hr_chart_trace_get_visible        (HrChartTrace      *self);
void                hr_chart_trace_set_live           (HrChartTrace      *self,
                                                       gboolean           live);
gboolean            hr_chart_trace_get_live           (HrChartTrace      *self);
gboolean            hr_chart_trace_get_deviation_known (HrChartTrace     *self);
gboolean            hr_chart_kind_needs_curve         (HrChartKind        kind);

HrChartView        *hr_chart_view_new                 (void);
void                hr_chart_view_free                (HrChartView       *self);
void                hr_chart_view_add_trace           (HrChartView       *self,
                                                       HrChartTrace      *trace);
void                hr_chart_view_remove_trace        (HrChartView       *self,
                                                       HrChartTrace      *trace);
void                hr_chart_view_clear_traces        (HrChartView       *self);
guint               hr_chart_view_get_n_traces        (HrChartView       *self);
HrChartTrace       *hr_chart_view_get_trace           (HrChartView       *self,
                                                       guint              index);
void                hr_chart_view_changed             (HrChartView       *self);
void                hr_chart_view_set_kind            (HrChartView       *self,
                                                       HrChartKind        kind);
HrChartKind         hr_chart_view_get_kind            (HrChartView       *self);
void                hr_chart_view_set_layout          (HrChartView       *self,
                                                       HrChartLayout      layout);
HrChartLayout       hr_chart_view_get_layout          (HrChartView       *self);
void                hr_chart_view_set_theme           (HrChartView       *self,
                                                       HrChartTheme       theme);
HrChartTheme        hr_chart_view_get_theme           (HrChartView       *self);
void                hr_chart_view_set_scale           (HrChartView       *self,
                                                       double             scale);
double              hr_chart_view_get_scale           (HrChartView       *self);
void                hr_chart_view_set_title           (HrChartView       *self,
                                                       const char        *title);
void                hr_chart_view_set_subtitle        (HrChartView       *self,
                                                       const char        *subtitle);
void                hr_chart_view_set_summary         (HrChartView       *self,
                                                       const char        *name,
                                                       const HrSummary   *summary);
gboolean            hr_chart_view_has_summary         (HrChartView       *self);
void                hr_chart_view_set_highlight       (HrChartView       *self,
                                                       const HrReasonRegion *region,
                                                       guint              number);
gboolean            hr_chart_view_get_highlight       (HrChartView       *self,
                                                       HrReasonRegion    *region,
                                                       guint             *number);
void                hr_chart_view_set_annotations     (HrChartView       *self,
                                                       const HrSummary   *summary,
                                                       const HrSweep     *sweep);
gboolean            hr_chart_view_has_annotations     (HrChartView       *self);
gboolean            hr_chart_kind_from_region         (HrRegionChart      chart,
                                                       HrChartKind       *kind);

guint               hr_chart_view_grid_rows           (HrChartView       *self);
gboolean            hr_chart_view_has_response        (HrChartView       *self);
double              hr_chart_view_get_legend_height   (HrChartView       *self,
                                                       double             width);
void                hr_chart_render                   (cairo_t           *cr,
                                                       HrChartView       *view,
                                                       double             width,
                                                       double             height);
void                hr_chart_render_layers            (cairo_t           *cr,
                                                       HrChartView       *view,
                                                       double             width,
                                                       double             height,
                                                       HrChartLayers      layers);
guint64             hr_chart_view_get_base_key        (HrChartView       *self,
                                                       double             width,
                                                       double             height,
                                                       guint64            cell_keys[HR_CHART_N_KINDS]);

gboolean            hr_chart_view_get_axes            (HrChartView       *self,
                                                       HrChartKind        kind,
                                                       double             width,
                                                       double             height,
                                                       HrChartAxes       *axes);
gboolean            hr_chart_view_pick                (HrChartView       *self,
                                                       double             width,
                                                       double             height,
                                                       double             x,
                                                       double             y,
                                                       HrChartAxes       *axes);
double              hr_chart_axes_freq_to_x           (const HrChartAxes *axes,
                                                       double             freq_hz);
double              hr_chart_axes_x_to_freq           (const HrChartAxes *axes,
                                                       double             x);
double              hr_chart_axes_value_to_y          (const HrChartAxes *axes,
                                                       double             value);
double              hr_chart_axes_y_to_value          (const HrChartAxes *axes,
                                                       double             y);
double              hr_chart_axes_value2_to_y         (const HrChartAxes *axes,
                                                       double             value);

const char         *hr_chart_kind_title               (HrChartKind        kind);
HrChartColor        hr_chart_slot_color               (HrChartTheme       theme,
                                                       guint              slot);
HrChartColor        hr_chart_theme_background         (HrChartTheme       theme);
const char         *hr_chart_kind_to_string           (HrChartKind        kind);
gboolean            hr_chart_kind_from_string         (const char        *text,
                                                       HrChartKind       *kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrChartTrace, hr_chart_trace_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrChartView, hr_chart_view_free)

G_END_DECLS
