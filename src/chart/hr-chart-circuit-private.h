/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-chart-private.h"

G_BEGIN_DECLS

/* Shared by hr-chart-circuit.c, which decides what the circuit's drawing
 * shows and where (the parts, their columns, the layout), and
 * hr-chart-circuit-draw.c, which draws it. Not a library API. */

#define MAX_SYMBOLS 2
#define MAX_LINES   4
#define MAX_COLUMNS 8
#define MAX_GROUPS  5

/* How much larger than asked the drawing may grow in a large area. */
#define MAX_GROWTH  1.5

/* How far under the top wire the arrow of a part's voltage runs, at
 * scale 1: clear of a capacitor's plates. */
#define DROP_ARROW_Y 14.0

typedef enum
{
  SYMBOL_SOURCE,     /* a circle with a sine, between the wires */
  SYMBOL_RESISTOR,   /* a zig-zag on the top wire */
  SYMBOL_CAPACITOR,  /* two plates on the top wire */
  SYMBOL_CURRENT,    /* an arrowhead on the top wire */
  SYMBOL_SHUNT,      /* a zig-zag between the wires */
  SYMBOL_LOAD,       /* the headphones: an impedance box between the wires */
} Symbol;

typedef struct
{
  char            *text;
  HrChartTextRole  role;   /* HR_CHART_TEXT_PART or HR_CHART_TEXT_FIGURE */
} Line;

typedef struct
{
  Symbol  symbols[MAX_SYMBOLS];
  Line    above[MAX_SYMBOLS];   /* over each symbol on the wire */
  guint   n_symbols;
  Line    lines[MAX_LINES];     /* under the wire, or beside the symbol between the wires */
  guint   n_lines;

  /* Laid out. */
  double  natural_width;
  double  x;
  double  width;
  double  symbol_x[MAX_SYMBOLS];  /* each symbol's centre */
} Column;

typedef struct
{
  guint     first;
  guint     last;
  char     *name;
  gboolean  boxed;
  char     *foot;  /* under the bottom wire, inside the box */
} Group;

typedef struct
{
  char    *title;
  Column   columns[MAX_COLUMNS];
  guint    n_columns;
  Group    groups[MAX_GROUPS];
  guint    n_groups;
  gboolean has_shunt;
  guint    shunt_column;
} Parts;

/* Where everything goes at one scale. */
typedef struct
{
  double s;
  double pad;
  double left;          /* where the drawing starts, centred in the area */
  double gap;           /* the least wire between two columns */
  double box_pad;       /* from a box's edge to its columns */
  double line_h;
  double title_baseline;
  double names_baseline;
  double box_top;
  double above_baseline;
  double y_top;
  double y_bot;
  double foot_baseline;
  double box_bottom;
  double width;         /* what it all takes */
  double height;
} Layout;

gboolean hr_circuit_symbol_is_vertical (Symbol              symbol);
gboolean hr_circuit_column_is_vertical (const Column       *column);
double   hr_circuit_symbol_width       (Symbol              symbol,
                                        double              s);
void     hr_circuit_draw_schematic     (HrChartPainter     *painter,
                                        const Parts        *parts,
                                        const Layout       *layout);
void     hr_circuit_draw_text          (HrChartPainter     *painter,
                                        const Parts        *parts,
                                        const Layout       *layout,
                                        double              width);

G_END_DECLS
