/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-chart.h"
#include "hr-chart-circuit.h"

G_BEGIN_DECLS

/* Shared by the files of hr-chart; not a library API. */

struct _HrChartTrace
{
  grefcount      ref_count;
  char          *label;
  HrSweep       *sweep;
  GDestroyNotify sweep_free;
  double         current_limit_ma;  /* NAN unknown, INFINITY unlimited */
  double         hiss_spl_db;       /* the source's noise in the headphones; NAN none drawn */
  gboolean       deviation_unknown; /* the headphones' curve is an assumed flat line: no change to draw */
  guint          slot;
  gboolean       visible;
  gboolean       live;
};

/* min > max while nothing has been added. */
typedef struct
{
  double min;
  double max;
} HrChartRange;

struct _HrChartView
{
  GPtrArray     *traces;            /* of HrChartTrace* */
  HrChartKind    kind;
  HrChartLayout  layout;
  HrChartTheme   theme;
  double         scale;
  char          *title;
  char          *subtitle;
  char          *verdict;           /* above the charts, NULL for none */
  HrVerdict      verdict_kind;
  GPtrArray     *verdict_lines;     /* its reasons, of char* */

  /* What the data spans, per chart, computed once per change. */
  gboolean       ranges_valid;
  HrChartRange   z_ohm;
  HrChartRange   phase_deg;
  HrChartRange   current_ma;
  HrChartRange   spl_db;
  HrChartRange   dev_db;
  HrChartRange   resp_db;
  guint          n_with_response;   /* drawn traces with a frequency response */
  guint          n_limited;         /* visible traces with a finite ceiling somewhere */

  /* The reason under the pointer or the focus, lit up (hr-chart-marks.c). */
  gboolean       has_highlight;
  HrReasonRegion highlight;
  guint          highlight_number;
  /* Every reason marked, with a caption under the charts; NULL for none. */
  GArray        *annotations;
};

typedef enum
{
  HR_CHART_TEXT_TITLE,
  HR_CHART_TEXT_SUBTITLE,
  HR_CHART_TEXT_VERDICT,
  HR_CHART_TEXT_REASON,
  HR_CHART_TEXT_CHART_TITLE,
  HR_CHART_TEXT_KEY,
  HR_CHART_TEXT_AXIS_TITLE,
  HR_CHART_TEXT_TICK,
  HR_CHART_TEXT_LEGEND,
  HR_CHART_TEXT_NOTE,
  HR_CHART_TEXT_PART,         /* the circuit: a part's name or value */
  HR_CHART_TEXT_FIGURE,       /* the circuit: a figure at the frequency drawn */
  HR_CHART_TEXT_MARKER,       /* a reason's number in its marker */
  HR_CHART_TEXT_CAPTION,      /* a reason under the charts */
} HrChartTextRole;

/* A piece of text as drawn: its logical box (advance by ascent + descent),
 * which is what must not touch another's. */
typedef struct
{
  HrChartTextRole role;
  HrChartRect     rect;
  char           *text;
} HrChartTextBox;

typedef enum
{
  HR_CHART_FONT_TITLE,
  HR_CHART_FONT_SUBTITLE,
  HR_CHART_FONT_VERDICT,
  HR_CHART_FONT_REASON,
  HR_CHART_FONT_CHART_TITLE,
  HR_CHART_FONT_LABEL,
  HR_CHART_FONT_TICK,
  HR_CHART_FONT_MARKER,
} HrChartFont;

typedef struct
{
  HrChartColor background;
  HrChartColor foreground;
  double       text_alpha;
  double       dim_text_alpha;
  double       grid_major_alpha;
  double       grid_minor_alpha;
  double       frame_alpha;
  double       band_alpha;
  HrChartColor accent;        /* libadwaita's accent_color: lines and text */
  HrChartColor accent_bg;     /* its accent_bg_color: filled markers, behind white text */
} HrChartStyle;

/* One render in progress: where to draw, the style, and every box of text
 * drawn so far, against which optional text (tick labels) is checked. */
typedef struct
{
  cairo_t            *cr;
  HrChartView        *view;
  const HrChartStyle *style;
  double              scale;
  GArray             *boxes;        /* of HrChartTextBox, text owned */
  HrChartLayers       layers;       /* the layers asked for */
} HrChartPainter;

#define HR_CHART_MAX_TRACES_WITH_REFERENCES 3

/* The rows of the SPL chart's limit strip, in pixels at scale 1. */
#define STRIP_ROW   5.0
#define STRIP_PITCH 7.0

/* The layout of one chart in its cell. */
typedef struct
{
  HrChartAxes  axes;
  double       title_baseline;
  double       key_baseline;
  double       key_x;               /* where the key starts */
  double       axis_title_baseline;
  double       tick_baseline;
  double       x_title_baseline;
  HrChartRect  strip;               /* the SPL chart's limit rows; empty elsewhere */
  guint        n_strip_rows;
  double       strip_pitch;         /* from one row to the next */
} HrChartCell;

/* The layout of the whole figure. */
typedef struct
{
  double       scale;
  double       title_baseline;
  double       subtitle_baseline;
  HrChartRect  header;              /* the verdict; empty without */
  guint        header_reasons;      /* how many of its reasons fit */
  HrChartRect  caption;             /* the annotations' reasons; empty without */
  guint        caption_reasons;     /* how many of them fit */
  HrChartRect  charts;
  HrChartRect  legend;
  HrChartCell  cells[HR_CHART_N_KINDS];
  gboolean     shown[HR_CHART_N_KINDS];
} HrChartFigure;

/* hr-chart-style.c */
const HrChartStyle *hr_chart_style_get          (HrChartTheme        theme);
void                hr_chart_set_slot_dash      (cairo_t            *cr,
                                                 guint               slot,
                                                 double              unit);
void                hr_chart_set_source         (cairo_t            *cr,
                                                 HrChartColor        color,
                                                 double              alpha);
void                hr_chart_prepare_context    (cairo_t            *cr);
double              hr_chart_trace_width        (HrChartTrace       *trace,
                                                 double              scale);

/* hr-chart-header.c */
double              hr_chart_header_height      (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 double              width,
                                                 double              scale,
                                                 guint               n_reasons);
guint               hr_chart_header_n_reasons   (HrChartView        *view);
void                hr_chart_draw_header        (HrChartPainter     *painter,
                                                 const HrChartRect  *area,
                                                 guint               n_reasons);
GPtrArray          *hr_chart_wrap_text          (cairo_t            *cr,
                                                 const char         *text,
                                                 double              max_width);

/* hr-chart-marks.c */
guint               hr_chart_n_annotations      (HrChartView        *view);
const char         *hr_chart_annotation_text    (HrChartView        *view,
                                                 guint               index);
HrRegionChart       hr_chart_annotation_chart   (HrChartView        *view,
                                                 guint               index);
double              hr_chart_caption_height     (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 double              width,
                                                 double              scale,
                                                 guint               n_reasons);
void                hr_chart_draw_caption       (HrChartPainter     *painter,
                                                 const HrChartFigure *figure);
void                hr_chart_draw_cell_marks    (HrChartPainter     *painter,
                                                 const HrChartFigure *figure,
                                                 const HrChartCell  *cell);

/* hr-chart-text.c */
void                hr_chart_select_font        (cairo_t            *cr,
                                                 HrChartFont         font,
                                                 double              scale);
double              hr_chart_text_width         (cairo_t            *cr,
                                                 const char         *text);
char            *hr_chart_text_fit_width      (cairo_t            *cr,
                                              const char         *text,
                                              double              max_width);
double              hr_chart_font_height        (cairo_t            *cr);
HrChartRect         hr_chart_text_box_at        (cairo_t            *cr,
                                                 const char         *text,
                                                 double              x,
                                                 double              baseline);
gboolean            hr_chart_text_fits          (HrChartPainter     *painter,
                                                 HrChartRect         rect);
void                hr_chart_draw_text          (HrChartPainter     *painter,
                                                 HrChartTextRole     role,
                                                 const char         *text,
                                                 double              x,
                                                 double              baseline);
void                hr_chart_record_text        (HrChartPainter     *painter,
                                                 HrChartTextRole     role,
                                                 const char         *text,
                                                 HrChartRect         rect,
                                                 double              x,
                                                 double              baseline);
gboolean            hr_chart_draw_text_if_room  (HrChartPainter     *painter,
                                                 HrChartTextRole     role,
                                                 const char         *text,
                                                 double              x,
                                                 double              baseline,
                                                 const HrChartRect  *within);
void                hr_chart_text_box_clear     (HrChartTextBox     *box);
void                hr_chart_text_boxes_move    (GArray             *from,
                                                 GArray             *to);
gboolean            hr_chart_rects_intersect    (const HrChartRect  *a,
                                                 const HrChartRect  *b);

/* hr-chart-axes.c */
double              hr_chart_nice_step          (double              span,
                                                 guint               max_ticks);
void                hr_chart_layout_cell        (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 HrChartKind         kind,
                                                 HrChartRect         frame,
                                                 double              scale,
                                                 HrChartCell        *cell);
void                hr_chart_draw_cell_frame    (HrChartPainter     *painter,
                                                 const HrChartCell  *cell);
char               *hr_chart_format_tick        (double              value,
                                                 double              step);
const char         *hr_chart_x_axis_title       (void);

/* hr-chart-series.c */
void                hr_chart_draw_cell_data     (HrChartPainter     *painter,
                                                 const HrChartCell  *cell);
void                hr_chart_draw_cell_key      (HrChartPainter     *painter,
                                                 const HrChartCell  *cell);
double              hr_chart_cell_key_width     (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 HrChartKind         kind,
                                                 double              scale);

/* hr-chart-legend.c */
double              hr_chart_legend_height      (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 double              width,
                                                 double              scale);
void                hr_chart_draw_legend        (HrChartPainter     *painter,
                                                 HrChartRect         area);
gboolean            hr_chart_legend_shown       (HrChartView        *view);

/* hr-chart-view.c */
void                hr_chart_view_ensure_ranges (HrChartView        *self);
gboolean            hr_chart_view_draws_references (HrChartView     *self,
                                                 HrChartTrace       *trace);
gboolean            hr_chart_trace_is_drawn     (HrChartTrace       *trace);

/* hr-chart-render.c */
void                hr_chart_layout_figure      (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 double              width,
                                                 double              height,
                                                 HrChartFigure      *figure);
void                hr_chart_render_boxes       (cairo_t            *cr,
                                                 HrChartView        *view,
                                                 double              width,
                                                 double              height,
                                                 HrChartLayers       layers,
                                                 GArray             *boxes);
gboolean            hr_chart_view_layout_figure (HrChartView        *self,
                                                 double              width,
                                                 double              height,
                                                 HrChartFigure      *figure);

/* hr-chart-circuit.c */
void                hr_chart_circuit_render_boxes (cairo_t          *cr,
                                                 const HrChartCircuit *circuit,
                                                 HrChartTheme        theme,
                                                 double              scale,
                                                 double              width,
                                                 double              height,
                                                 GArray             *boxes);

/* hr-chart-layers.c */
gboolean            hr_chart_painter_paints     (HrChartPainter     *painter,
                                                 HrChartLayers       layer);
void                hr_chart_painter_begin      (HrChartPainter     *painter,
                                                 HrChartLayers       layer);
void                hr_chart_painter_end        (HrChartPainter     *painter,
                                                 HrChartLayers       layer);

G_END_DECLS
