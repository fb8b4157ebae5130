/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-chart-circuit-private.h"

/* The circuit's drawing, as hr-chart-circuit.c laid it out: the boxes
 * round the source and the adapter, the wires, the symbols (zig-zag
 * resistors, a capacitor's plates, the source's circle with a sine, the
 * headphones' impedance box, arrows for the currents and the voltages
 * across the parts), then the text: names over the groups, values over
 * the parts, figures in the accent beside them. */

/* Symbols. The caller has set the colour and the line width. */

static void
zigzag (cairo_t *cr,
        double   x,
        double   y,
        double   length,
        double   amplitude,
        gboolean vertical)
{
  /* Six strokes, the first and last half as long, as schematics draw it. */
  for (guint k = 0; k <= 7; k++)
    {
      double along = k == 0 ? 0.0 : k == 7 ? length : length * (2.0 * k - 1.0) / 12.0;
      double across = (k == 0 || k == 7) ? 0.0 : (k % 2 == 1 ? -amplitude : amplitude);
      double px = vertical ? x + across : x - length / 2.0 + along;
      double py = vertical ? y - length / 2.0 + along : y + across;

      if (k == 0)
        cairo_move_to (cr, px, py);
      else
        cairo_line_to (cr, px, py);
    }
  cairo_stroke (cr);
}

/* A filled arrowhead pointing right (@down FALSE) or down. */
static void
arrowhead (cairo_t *cr,
           double   x,
           double   y,
           double   size,
           gboolean down)
{
  if (down)
    {
      cairo_move_to (cr, x, y + size / 2.0);
      cairo_line_to (cr, x - size * 0.45, y - size / 2.0);
      cairo_line_to (cr, x + size * 0.45, y - size / 2.0);
    }
  else
    {
      cairo_move_to (cr, x + size / 2.0, y);
      cairo_line_to (cr, x - size / 2.0, y - size * 0.45);
      cairo_line_to (cr, x - size / 2.0, y + size * 0.45);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
line (cairo_t *cr,
      double   x0,
      double   y0,
      double   x1,
      double   y1)
{
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

/* A symbol on the top wire, centred at @x; the wire stops at its ends. */
static void
draw_wire_symbol (HrChartPainter *painter,
                  const Layout   *layout,
                  Symbol          symbol,
                  double          x)
{
  cairo_t *cr = painter->cr;
  double s = layout->s;
  double y = layout->y_top;

  switch (symbol)
    {
    case SYMBOL_RESISTOR:
      zigzag (cr, x, y, hr_circuit_symbol_width (symbol, s), 5.0 * s, FALSE);
      break;
    case SYMBOL_CAPACITOR:
      cairo_save (cr);
      cairo_set_line_width (cr, 2.0 * s);
      line (cr, x - 3.0 * s, y - 9.0 * s, x - 3.0 * s, y + 9.0 * s);
      line (cr, x + 3.0 * s, y - 9.0 * s, x + 3.0 * s, y + 9.0 * s);
      cairo_restore (cr);
      line (cr, x - hr_circuit_symbol_width (symbol, s) / 2.0, y, x - 3.0 * s, y);
      line (cr, x + 3.0 * s, y, x + hr_circuit_symbol_width (symbol, s) / 2.0, y);
      break;
    case SYMBOL_CURRENT:
      line (cr, x - hr_circuit_symbol_width (symbol, s) / 2.0, y, x + hr_circuit_symbol_width (symbol, s) / 2.0, y);
      hr_chart_set_source (cr, painter->style->accent, 1.0);
      arrowhead (cr, x, y, 10.0 * s, FALSE);
      hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
      break;
    case SYMBOL_SOURCE:
    case SYMBOL_SHUNT:
    case SYMBOL_LOAD:
    default:
      g_assert_not_reached ();
    }
}

/* A symbol between the wires at @x, with its leads to both wires; the
 * shunt and the headphones have an arrow for their current. */
static void
draw_between_symbol (HrChartPainter *painter,
                     const Layout   *layout,
                     Symbol          symbol,
                     double          x)
{
  cairo_t *cr = painter->cr;
  double s = layout->s;
  double mid = (layout->y_top + layout->y_bot) / 2.0;
  double half = 0.0;

  switch (symbol)
    {
    case SYMBOL_SOURCE:
      {
        double r = 14.0 * s;

        half = r;
        cairo_new_sub_path (cr);
        cairo_arc (cr, x, mid, r, 0.0, 2.0 * G_PI);
        cairo_stroke (cr);
        /* The alternating voltage: one period of a sine. */
        for (guint k = 0; k <= 24; k++)
          {
            double t = k / 24.0;
            double px = x - 0.6 * r + 1.2 * r * t;
            double py = mid - 0.35 * r * sin (2.0 * G_PI * t);

            if (k == 0)
              cairo_move_to (cr, px, py);
            else
              cairo_line_to (cr, px, py);
          }
        cairo_stroke (cr);
      }
      break;
    case SYMBOL_SHUNT:
      half = 18.0 * s;
      zigzag (cr, x, mid, 2.0 * half, 5.0 * s, TRUE);
      break;
    case SYMBOL_LOAD:
      half = 22.0 * s;
      cairo_rectangle (cr, x - hr_circuit_symbol_width (symbol, s) / 2.0, mid - half, hr_circuit_symbol_width (symbol, s), 2.0 * half);
      cairo_stroke (cr);
      break;
    case SYMBOL_RESISTOR:
    case SYMBOL_CAPACITOR:
    case SYMBOL_CURRENT:
    default:
      g_assert_not_reached ();
    }

  line (cr, x, layout->y_top, x, mid - half);
  line (cr, x, mid + half, x, layout->y_bot);
  if (symbol != SYMBOL_SOURCE && mid - half - layout->y_top >= 12.0 * s)
    {
      hr_chart_set_source (cr, painter->style->accent, 1.0);
      arrowhead (cr, x, (layout->y_top + mid - half) / 2.0, 9.0 * s, TRUE);
      hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
    }
}

static void
draw_dot (cairo_t *cr,
          double   x,
          double   y,
          double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x, y, r, 0.0, 2.0 * G_PI);
  cairo_fill (cr);
}

static double
group_left (const Parts  *parts,
            const Layout *layout,
            const Group  *group)
{
  return parts->columns[group->first].x - (group->boxed ? layout->box_pad : 0.0);
}

static double
group_right (const Parts  *parts,
             const Layout *layout,
             const Group  *group)
{
  const Column *last = &parts->columns[group->last];

  return last->x + last->width + (group->boxed ? layout->box_pad : 0.0);
}

void
hr_circuit_draw_schematic (HrChartPainter *painter,
                           const Parts    *parts,
                           const Layout   *layout)
{
  cairo_t *cr = painter->cr;
  const HrChartStyle *style = painter->style;
  double s = layout->s;
  double x_first = parts->columns[0].symbol_x[0];
  double x_last = parts->columns[parts->n_columns - 1].symbol_x[0];
  double x = x_first;
  const double dashes[] = { 4.0 * s, 3.0 * s };

  /* The boxes round the source and the adapter, faint, under the rest. */
  cairo_set_line_width (cr, 1.0 * s);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0.0);
  hr_chart_set_source (cr, style->foreground, 0.35);
  for (guint i = 0; i < parts->n_groups; i++)
    if (parts->groups[i].boxed)
      {
        double left = group_left (parts, layout, &parts->groups[i]);

        cairo_rectangle (cr, left, layout->box_top,
                         group_right (parts, layout, &parts->groups[i]) - left,
                         layout->box_bottom - layout->box_top);
        cairo_stroke (cr);
      }
  cairo_set_dash (cr, NULL, 0, 0.0);

  /* The wires, the top one stopping at each part on it. */
  hr_chart_set_source (cr, style->foreground, style->text_alpha);
  cairo_set_line_width (cr, 1.5 * s);
  for (guint i = 0; i < parts->n_columns; i++)
    {
      const Column *column = &parts->columns[i];

      if (hr_circuit_column_is_vertical (column))
        continue;
      for (guint k = 0; k < column->n_symbols; k++)
        {
          double half = hr_circuit_symbol_width (column->symbols[k], s) / 2.0;

          line (cr, x, layout->y_top, column->symbol_x[k] - half, layout->y_top);
          draw_wire_symbol (painter, layout, column->symbols[k], column->symbol_x[k]);
          x = column->symbol_x[k] + half;
        }
    }
  line (cr, x, layout->y_top, x_last, layout->y_top);
  line (cr, x_first, layout->y_bot, x_last, layout->y_bot);

  /* Under each part on the wire that drops a voltage, an arrow along
   * it, as voltages are drawn beside the parts they are across. */
  hr_chart_set_source (cr, style->accent, 0.8);
  cairo_set_line_width (cr, 1.0 * s);
  for (guint i = 0; i < parts->n_columns; i++)
    {
      const Column *column = &parts->columns[i];
      double x0;
      double x1;
      double y = layout->y_top + DROP_ARROW_Y * s;

      if (hr_circuit_column_is_vertical (column) || column->n_lines == 0)
        continue;
      x0 = column->symbol_x[0] - hr_circuit_symbol_width (column->symbols[0], s) / 2.0;
      x1 = column->symbol_x[column->n_symbols - 1] + hr_circuit_symbol_width (column->symbols[column->n_symbols - 1], s) / 2.0;
      line (cr, x0, y, x1 - 2.0 * s, y);
      arrowhead (cr, x1 - 3.0 * s, y, 6.0 * s, FALSE);
    }
  hr_chart_set_source (cr, style->foreground, style->text_alpha);
  cairo_set_line_width (cr, 1.5 * s);
  for (guint i = 0; i < parts->n_columns; i++)
    if (hr_circuit_column_is_vertical (&parts->columns[i]))
      draw_between_symbol (painter, layout, parts->columns[i].symbols[0], parts->columns[i].symbol_x[0]);

  /* Where the current splits, dots; where the source's terminals are,
   * rings on its box's edge. */
  if (parts->has_shunt)
    {
      draw_dot (cr, parts->columns[parts->shunt_column].symbol_x[0], layout->y_top, 2.5 * s);
      draw_dot (cr, parts->columns[parts->shunt_column].symbol_x[0], layout->y_bot, 2.5 * s);
    }
  {
    double jack_x = group_right (parts, layout, &parts->groups[0]);

    for (guint k = 0; k < 2; k++)
      {
        double y = k == 0 ? layout->y_top : layout->y_bot;

        cairo_new_sub_path (cr);
        cairo_arc (cr, jack_x, y, 3.0 * s, 0.0, 2.0 * G_PI);
        hr_chart_set_source (cr, style->background, 1.0);
        cairo_fill_preserve (cr);
        hr_chart_set_source (cr, style->foreground, style->text_alpha);
        cairo_set_line_width (cr, 1.25 * s);
        cairo_stroke (cr);
      }
  }
}

static void
set_line_color (HrChartPainter  *painter,
                HrChartTextRole  role)
{
  if (role == HR_CHART_TEXT_FIGURE)
    hr_chart_set_source (painter->cr, painter->style->accent, 1.0);
  else
    hr_chart_set_source (painter->cr, painter->style->foreground, painter->style->dim_text_alpha);
}

static void
draw_centred (HrChartPainter *painter,
              const Line     *text_line,
              double          centre_x,
              double          baseline)
{
  set_line_color (painter, text_line->role);
  hr_chart_draw_text (painter, text_line->role, text_line->text,
                      centre_x - hr_chart_text_width (painter->cr, text_line->text) / 2.0, baseline);
}

void
hr_circuit_draw_text (HrChartPainter *painter,
                      const Parts    *parts,
                      const Layout   *layout,
                      double          width)
{
  cairo_t *cr = painter->cr;
  double s = layout->s;
  double mid = (layout->y_top + layout->y_bot) / 2.0;
  cairo_font_extents_t fe;
  g_autofree char *title = NULL;

  hr_chart_select_font (cr, HR_CHART_FONT_CHART_TITLE, s);
  hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
  title = hr_chart_text_fit_width (cr, parts->title, width - 2.0 * layout->pad);
  hr_chart_draw_text (painter, HR_CHART_TEXT_TITLE, title, layout->left, layout->title_baseline);

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, s);
  cairo_font_extents (cr, &fe);

  /* Each group's name over it, up to where the next one starts. */
  for (guint i = 0; i < parts->n_groups; i++)
    {
      const Group *group = &parts->groups[i];
      double left = group_left (parts, layout, group);
      double right = i + 1 < parts->n_groups ? group_left (parts, layout, &parts->groups[i + 1]) - layout->gap
                                             : width - layout->pad;
      g_autofree char *name = hr_chart_text_fit_width (cr, group->name, MAX (right - left, 0.0));

      hr_chart_set_source (cr, painter->style->foreground, painter->style->text_alpha);
      hr_chart_draw_text (painter, HR_CHART_TEXT_PART, name, left, layout->names_baseline);
      if (group->foot != NULL)
        {
          hr_chart_set_source (cr, painter->style->foreground, painter->style->dim_text_alpha);
          hr_chart_draw_text (painter, HR_CHART_TEXT_PART, group->foot,
                              parts->columns[group->first].x, layout->foot_baseline);
        }
    }

  for (guint i = 0; i < parts->n_columns; i++)
    {
      const Column *column = &parts->columns[i];

      if (hr_circuit_column_is_vertical (column))
        {
          double x = column->symbol_x[0] + hr_circuit_symbol_width (column->symbols[0], s) / 2.0 + 8.0 * s;
          double baseline = mid - column->n_lines * layout->line_h / 2.0 + (layout->line_h + fe.ascent - fe.descent) / 2.0;

          for (guint k = 0; k < column->n_lines; k++)
            {
              set_line_color (painter, column->lines[k].role);
              hr_chart_draw_text (painter, column->lines[k].role, column->lines[k].text,
                                  x, baseline + k * layout->line_h);
            }
          continue;
        }
      for (guint k = 0; k < column->n_symbols; k++)
        if (column->above[k].text != NULL)
          draw_centred (painter, &column->above[k], column->symbol_x[k], layout->above_baseline);
      for (guint k = 0; k < column->n_lines; k++)
        draw_centred (painter, &column->lines[k], column->x + column->width / 2.0,
                      layout->y_top + (DROP_ARROW_Y + 4.0) * s + fe.ascent + k * layout->line_h);
    }
}
