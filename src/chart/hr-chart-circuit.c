/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-chart-circuit.h"
#include "hr-chart-circuit-private.h"
#include "hr-format.h"

/* The circuit as a schematic, left to right as the signal goes:
 *
 *   Source name                 Cable    Adapter           Headphones
 *   ┌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┐             ┌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┐
 *   ╎      Zout 75 Ω      ╎   6.2 mA     ╎  47 Ω         ╎
 *   ╎  ┌─────/\/\/──||────○────▶────/\/\/────/\/\/──┬─────╎───┬
 *   ╎  │      0.12 V      ╎       5 mV      0.3 V   │ 10 Ω╎  ┌┴┐ |Z| 300 Ω
 *   ╎ (~) 2 V             ╎                        ≷ 12 mA╎  │ │ 1 V
 *   ╎  │  open circuit    ╎                         │     ╎  └┬┘ 3.3 mA …
 *   ╎  └──────────────────○─────────────────────────┴─────╎───┴
 *   ╎  max 5.5 V · 40 mA  ╎                               ╎
 *   └╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┘             └╌╌╌╌╌╌╌╌╌╌╌╌╌╌╌┘
 *
 * Each part is a column that owns its stretch of the width: a part on
 * the top wire has its value over it and what it drops under it; a part
 * between the wires (the source, the shunt, the headphones) has its
 * lines beside it, inside its column. Since no column's text leaves its
 * column and the rows above, on and under the wire are apart, no text
 * can touch another. The columns' natural size is measured at the scale
 * asked for; the drawing is then scaled as a whole to fit the area (down
 * as far as it takes, up to half as large again), and the width left
 * over lengthens the wires.
 *
 * Only a part that is there is drawn: the capacitor with a DC-blocking
 * one, the cable when it has a resistance, the adapter's resistors when
 * it has them. The figures are those of hr_circuit_eval(), per volt of
 * Voc, times the drive: the voltage each series part drops, the current
 * out of the source and through the shunt, and what reaches the
 * headphones. */


gboolean
hr_circuit_symbol_is_vertical (Symbol symbol)
{
  return symbol == SYMBOL_SOURCE || symbol == SYMBOL_SHUNT || symbol == SYMBOL_LOAD;
}

gboolean
hr_circuit_column_is_vertical (const Column *column)
{
  return hr_circuit_symbol_is_vertical (column->symbols[0]);
}

/* The symbols' sizes at scale @s: across the wire's direction for the
 * ones on it, across the column for the ones between the wires. */
double
hr_circuit_symbol_width (Symbol symbol,
                         double s)
{
  switch (symbol)
    {
    case SYMBOL_SOURCE:
      return 28.0 * s;
    case SYMBOL_RESISTOR:
      return 40.0 * s;
    case SYMBOL_CAPACITOR:
      return 14.0 * s;
    case SYMBOL_CURRENT:
      return 12.0 * s;
    case SYMBOL_SHUNT:
      return 12.0 * s;
    case SYMBOL_LOAD:
      return 20.0 * s;
    default:
      g_assert_not_reached ();
    }
}

/* Between the wires, leads included. */
static double
hr_circuit_symbol_height (Symbol symbol,
                          double s)
{
  switch (symbol)
    {
    case SYMBOL_SOURCE:
      return 28.0 * s + 16.0 * s;
    case SYMBOL_SHUNT:
      return 36.0 * s + 24.0 * s;
    case SYMBOL_LOAD:
      return 44.0 * s + 24.0 * s;
    case SYMBOL_RESISTOR:
    case SYMBOL_CAPACITOR:
    case SYMBOL_CURRENT:
    default:
      return 0.0;
    }
}

static void
add_symbol (Column          *column,
            Symbol           symbol,
            char            *above,
            HrChartTextRole  role)
{
  g_assert (column->n_symbols < MAX_SYMBOLS);
  column->symbols[column->n_symbols] = symbol;
  column->above[column->n_symbols].text = above;
  column->above[column->n_symbols].role = role;
  column->n_symbols++;
}

static void
add_line (Column          *column,
          char            *text,
          HrChartTextRole  role)
{
  g_assert (column->n_lines < MAX_LINES);
  column->lines[column->n_lines].text = text;
  column->lines[column->n_lines].role = role;
  column->n_lines++;
}

static Column *
add_column (Parts *parts)
{
  g_assert (parts->n_columns < MAX_COLUMNS);
  return &parts->columns[parts->n_columns++];
}

static void
add_group (Parts      *parts,
           guint       first,
           const char *name,
           gboolean    boxed,
           char       *foot)
{
  Group *group;

  g_assert (parts->n_groups < MAX_GROUPS);
  group = &parts->groups[parts->n_groups++];
  group->first = first;
  group->last = parts->n_columns - 1;
  group->name = g_strdup (name);
  group->boxed = boxed;
  group->foot = foot;
}

static void
parts_clear (Parts *parts)
{
  g_free (parts->title);
  for (guint i = 0; i < parts->n_columns; i++)
    {
      for (guint k = 0; k < parts->columns[i].n_symbols; k++)
        g_free (parts->columns[i].above[k].text);
      for (guint k = 0; k < parts->columns[i].n_lines; k++)
        g_free (parts->columns[i].lines[k].text);
    }
  for (guint i = 0; i < parts->n_groups; i++)
    {
      g_free (parts->groups[i].name);
      g_free (parts->groups[i].foot);
    }
}

/* "max 5.5 V · 40 mA", "max ? V", or NULL for a source without limits. */
static char *
dup_limits (const HrSource *source)
{
  g_autoptr(GPtrArray) limits = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *joined = NULL;

  if (source->max_voltage_vrms != INFINITY)
    g_ptr_array_add (limits, hr_format_voltage (source->max_voltage_vrms));
  if (source->max_current_ma != INFINITY)
    g_ptr_array_add (limits, hr_format_current (source->max_current_ma));
  if (limits->len == 0)
    return NULL;
  g_ptr_array_add (limits, NULL);
  joined = g_strjoinv (" · ", (char **) limits->pdata);
  /* Translators: a source's limits in the circuit's drawing, "max 5.5 V · 40 mA" */
  return g_strdup_printf (_("max %s"), joined);
}

/* What the drawing shows, in words and figures; no geometry yet. */
static void
parts_build (Parts                *parts,
             const HrChartCircuit *circuit)
{
  HrCircuit stepped = *circuit->circuit;
  const HrSource *source = &stepped.source;
  const HrConnection *connection = &stepped.connection;
  const double voc_vrms = circuit->voc_vrms > 0.0 ? circuit->voc_vrms : NAN;
  HrCircuitPoint point;
  g_autofree char *freq = NULL;
  Column *column;
  guint first;

  memset (parts, 0, sizeof *parts);
  /* The maximum voltage for this load, as the sweep takes it. */
  hr_circuit_apply_voltage_steps (&stepped);
  hr_circuit_eval (&stepped, circuit->freq_hz, &point);

  freq = hr_format_freq (circuit->freq_hz);
  /* Translators: the heading of the circuit's drawing, "At 1 kHz" */
  parts->title = g_strdup_printf (_("At %s"), freq);

  /* The source: Voc behind Zout, and its capacitor. */
  column = add_column (parts);
  add_symbol (column, SYMBOL_SOURCE, NULL, HR_CHART_TEXT_PART);
  add_line (column, hr_format_voltage (voc_vrms), HR_CHART_TEXT_FIGURE);
  /* Translators: under a source's voltage in the circuit's drawing */
  add_line (column, g_strdup (_("open circuit")), HR_CHART_TEXT_PART);

  column = add_column (parts);
  {
    g_autofree char *ohm = hr_format_ohm (source->output_impedance_ohm);

    /* Translators: a source's output impedance in the circuit's drawing, "Zout 75 Ω" */
    add_symbol (column, SYMBOL_RESISTOR, g_strdup_printf (_("Zout %s"), ohm), HR_CHART_TEXT_PART);
  }
  if (source->dc_block_uf > 0.0)
    add_symbol (column, SYMBOL_CAPACITOR, hr_format_capacitance (source->dc_block_uf), HR_CHART_TEXT_PART);
  add_line (column, hr_format_voltage (voc_vrms * cabs (point.v_zout_per_v)), HR_CHART_TEXT_FIGURE);
  if (source->dc_block_uf > 0.0)
    {
      g_autofree char *ohm = hr_format_ohm (cabs (point.z_source_ohm));

      /* Translators: the output impedance with its capacitor, at the frequency drawn, "|Zout| 185 Ω" */
      add_line (column, g_strdup_printf (_("|Zout| %s"), ohm), HR_CHART_TEXT_PART);
    }
  add_group (parts, 0, circuit->source_name != NULL ? circuit->source_name : _("Source"), TRUE,
             dup_limits (source));

  /* The current out of the source. */
  column = add_column (parts);
  add_symbol (column, SYMBOL_CURRENT, hr_format_current (1e3 * voc_vrms * cabs (point.i_source_per_v)),
              HR_CHART_TEXT_FIGURE);

  if (connection->cable_ohm > 0.0)
    {
      first = parts->n_columns;
      column = add_column (parts);
      add_symbol (column, SYMBOL_RESISTOR, hr_format_ohm (connection->cable_ohm), HR_CHART_TEXT_PART);
      add_line (column, hr_format_voltage (voc_vrms * cabs (point.v_cable_per_v)), HR_CHART_TEXT_FIGURE);
      /* Translators: the cable in the circuit's drawing */
      add_group (parts, first, _("Cable"), FALSE, NULL);
    }

  if (connection->adapter_series_ohm > 0.0 || isfinite (connection->adapter_shunt_ohm))
    {
      first = parts->n_columns;
      if (connection->adapter_series_ohm > 0.0)
        {
          column = add_column (parts);
          add_symbol (column, SYMBOL_RESISTOR, hr_format_ohm (connection->adapter_series_ohm),
                      HR_CHART_TEXT_PART);
          add_line (column, hr_format_voltage (voc_vrms * cabs (point.v_series_per_v)), HR_CHART_TEXT_FIGURE);
        }
      if (isfinite (connection->adapter_shunt_ohm))
        {
          parts->has_shunt = TRUE;
          parts->shunt_column = parts->n_columns;
          column = add_column (parts);
          add_symbol (column, SYMBOL_SHUNT, NULL, HR_CHART_TEXT_PART);
          add_line (column, hr_format_ohm (connection->adapter_shunt_ohm), HR_CHART_TEXT_PART);
          add_line (column, hr_format_current (1e3 * voc_vrms * cabs (point.i_shunt_per_v)),
                    HR_CHART_TEXT_FIGURE);
        }
      /* Translators: the impedance adapter in the circuit's drawing */
      add_group (parts, first, _("Adapter"), TRUE, NULL);
    }

  /* The headphones, as their impedance at this frequency, and what
   * reaches them. */
  first = parts->n_columns;
  column = add_column (parts);
  add_symbol (column, SYMBOL_LOAD, NULL, HR_CHART_TEXT_PART);
  {
    g_autofree char *ohm = hr_format_ohm (cabs (point.z_load_ohm));

    /* Translators: the headphones' impedance at the frequency drawn, "|Z| 300 Ω" */
    add_line (column, g_strdup_printf (_("|Z| %s"), ohm), HR_CHART_TEXT_PART);
  }
  add_line (column, hr_format_voltage (voc_vrms * cabs (point.transfer)), HR_CHART_TEXT_FIGURE);
  add_line (column, hr_format_current (1e3 * voc_vrms * cabs (point.i_load_per_v)), HR_CHART_TEXT_FIGURE);
  add_line (column, hr_format_power (1e3 * voc_vrms * voc_vrms * point.p_load_w_per_v2), HR_CHART_TEXT_FIGURE);
  add_group (parts, first, circuit->headphone_name != NULL ? circuit->headphone_name : _("Headphones"),
             FALSE, NULL);
}

static const Group *
group_of (const Parts *parts,
          guint        column)
{
  for (guint i = 0; i < parts->n_groups; i++)
    if (column >= parts->groups[i].first && column <= parts->groups[i].last)
      return &parts->groups[i];
  return NULL;
}

/* The wire between column @i and the next, at its shortest: a box's
 * edge on either side takes its padding. */
static double
gap_after (const Parts  *parts,
           const Layout *layout,
           guint         i)
{
  const Group *left = group_of (parts, i);
  const Group *right = group_of (parts, i + 1);
  double gap = layout->gap;

  if (left != NULL && left->boxed && left->last == i)
    gap += layout->box_pad;
  if (right != NULL && right->boxed && right->first == i + 1)
    gap += layout->box_pad;
  return gap;
}

static double
column_natural_width (cairo_t      *cr,
                      const Column *column,
                      double        s)
{
  double lines_w = 0.0;
  double symbols_w = 0.0;

  for (guint k = 0; k < column->n_lines; k++)
    lines_w = MAX (lines_w, hr_chart_text_width (cr, column->lines[k].text));
  if (hr_circuit_column_is_vertical (column))
    return hr_circuit_symbol_width (column->symbols[0], s) + (column->n_lines > 0 ? 8.0 * s + lines_w : 0.0);

  for (guint k = 0; k < column->n_symbols; k++)
    {
      double above_w = column->above[k].text != NULL ? hr_chart_text_width (cr, column->above[k].text) : 0.0;

      symbols_w += MAX (hr_circuit_symbol_width (column->symbols[k], s), above_w) + (k > 0 ? 8.0 * s : 0.0);
    }
  return MAX (symbols_w, lines_w);
}

/* The layout at scale @s, its columns at their natural widths from
 * x = 0; layout->width and height say what it takes. */
static void
layout_at (cairo_t *cr,
           Parts   *parts,
           double   s,
           Layout  *layout)
{
  cairo_font_extents_t fe;
  double band = 0.0;
  double x;
  double y;

  memset (layout, 0, sizeof *layout);
  layout->s = s;
  layout->pad = 12.0 * s;
  layout->left = layout->pad;
  layout->gap = 12.0 * s;
  layout->box_pad = 8.0 * s;

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, s);
  cairo_font_extents (cr, &fe);
  layout->line_h = (fe.ascent + fe.descent) * 1.1;

  /* Across: the columns, and the boxes' feet. */
  x = layout->pad;
  for (guint i = 0; i < parts->n_columns; i++)
    {
      Column *column = &parts->columns[i];
      const Group *group = group_of (parts, i);

      if (i == 0 && group != NULL && group->boxed)
        x += layout->box_pad;
      column->natural_width = column_natural_width (cr, column, s);
      column->x = x;
      column->width = column->natural_width;
      /* A box's foot fits inside it: its last column makes the room. */
      if (group != NULL && group->foot != NULL && group->last == i)
        {
          double foot_w = hr_chart_text_width (cr, group->foot);
          double inside_w = x + column->width - parts->columns[group->first].x;

          if (foot_w > inside_w)
            column->width = column->natural_width = column->natural_width + foot_w - inside_w;
        }
      x += column->width;
      if (i + 1 < parts->n_columns)
        x += gap_after (parts, layout, i);
    }
  layout->width = x + layout->pad;

  /* Down: the heading, the names, the values over the wire, the wires
   * with what lies between and under them, the feet. */
  y = layout->pad;
  hr_chart_select_font (cr, HR_CHART_FONT_CHART_TITLE, s);
  cairo_font_extents (cr, &fe);
  layout->title_baseline = y + fe.ascent;
  y += fe.ascent + fe.descent + 10.0 * s;

  hr_chart_select_font (cr, HR_CHART_FONT_LABEL, s);
  cairo_font_extents (cr, &fe);
  layout->names_baseline = y + fe.ascent;
  y += fe.ascent + fe.descent + 4.0 * s;
  layout->box_top = y;
  y += 4.0 * s;
  layout->above_baseline = y + fe.ascent;
  /* Clear of a capacitor's plates. */
  y += fe.ascent + fe.descent + 11.0 * s;
  layout->y_top = y;

  for (guint i = 0; i < parts->n_columns; i++)
    {
      const Column *column = &parts->columns[i];

      if (hr_circuit_column_is_vertical (column))
        band = MAX (band, MAX (column->n_lines * layout->line_h + 12.0 * s,
                               hr_circuit_symbol_height (column->symbols[0], s)));
      else
        band = MAX (band, DROP_ARROW_Y * s + 4.0 * s + column->n_lines * layout->line_h + 10.0 * s);
    }
  layout->y_bot = y + band;
  y = layout->y_bot + 6.0 * s;
  layout->foot_baseline = y + fe.ascent;
  for (guint i = 0; i < parts->n_groups; i++)
    if (parts->groups[i].foot != NULL)
      {
        y += fe.ascent + fe.descent;
        break;
      }
  y += 4.0 * s;
  layout->box_bottom = y;
  layout->height = y + layout->pad;
}

/* The layout that fits @width × @height: the natural one scaled as a
 * whole, centred, its spare width in the wires (up to a limit, so that
 * a wide strip does not turn the wires into lines across the page). */
static gboolean
layout_fit (cairo_t *cr,
            Parts   *parts,
            double   scale,
            double   width,
            double   height,
            Layout  *layout)
{
  double s;
  double spare;
  double shift;
  double extra_per_gap;
  double offset_y;

  layout_at (cr, parts, scale, layout);
  s = scale * MIN (MAX_GROWTH, MIN (width / layout->width, height / layout->height));
  /* Text measures in proportion to its size, so this fits; a few steps
   * down in case rounding says otherwise. */
  for (guint tries = 0; tries < 8; tries++)
    {
      layout_at (cr, parts, s, layout);
      if (layout->width <= width && layout->height <= height)
        break;
      s *= 0.97;
    }
  if (!(s > 0.0) || layout->width > width || layout->height > height)
    return FALSE;

  spare = width - layout->width;
  extra_per_gap = parts->n_columns > 1 ? MIN (spare / (parts->n_columns - 1), 48.0 * s) : 0.0;
  shift = (spare - extra_per_gap * (parts->n_columns - 1)) / 2.0;
  for (guint i = 0; i < parts->n_columns; i++)
    parts->columns[i].x += shift + i * extra_per_gap;
  layout->width += extra_per_gap * (parts->n_columns - 1);
  layout->left = layout->pad + shift;

  offset_y = (height - layout->height) / 2.0;
  layout->title_baseline += offset_y;
  layout->names_baseline += offset_y;
  layout->box_top += offset_y;
  layout->above_baseline += offset_y;
  layout->y_top += offset_y;
  layout->y_bot += offset_y;
  layout->foot_baseline += offset_y;
  layout->box_bottom += offset_y;

  /* Each symbol's centre: one between the wires at the column's left,
   * its lines beside it; those on the wire side by side in the middle. */
  for (guint i = 0; i < parts->n_columns; i++)
    {
      Column *column = &parts->columns[i];

      if (hr_circuit_column_is_vertical (column))
        column->symbol_x[0] = column->x + hr_circuit_symbol_width (column->symbols[0], s) / 2.0;
      else
        {
          double slot_w[MAX_SYMBOLS];
          double total = 0.0;
          double x;

          hr_chart_select_font (cr, HR_CHART_FONT_LABEL, s);
          for (guint k = 0; k < column->n_symbols; k++)
            {
              double above_w = column->above[k].text != NULL
                               ? hr_chart_text_width (cr, column->above[k].text) : 0.0;

              slot_w[k] = MAX (hr_circuit_symbol_width (column->symbols[k], s), above_w);
              total += slot_w[k] + (k > 0 ? 8.0 * s : 0.0);
            }
          x = column->x + (column->width - total) / 2.0;
          for (guint k = 0; k < column->n_symbols; k++)
            {
              column->symbol_x[k] = x + slot_w[k] / 2.0;
              x += slot_w[k] + 8.0 * s;
            }
        }
    }
  return TRUE;
}

/* @boxes, when given, receives every piece of text drawn, for the tests. */
void
hr_chart_circuit_render_boxes (cairo_t              *cr,
                               const HrChartCircuit *circuit,
                               HrChartTheme          theme,
                               double                scale,
                               double                width,
                               double                height,
                               GArray               *boxes)
{
  g_autoptr(GArray) drawn = NULL;
  HrChartPainter painter = { 0 };
  Parts parts;
  Layout layout;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (circuit != NULL && circuit->circuit != NULL);

  if (!(width >= 1.0 && height >= 1.0) || !(scale > 0.0))
    return;

  drawn = g_array_new (FALSE, FALSE, sizeof (HrChartTextBox));
  g_array_set_clear_func (drawn, (GDestroyNotify) hr_chart_text_box_clear);

  cairo_save (cr);
  cairo_rectangle (cr, 0.0, 0.0, width, height);
  cairo_clip (cr);
  cairo_new_path (cr);
  hr_chart_prepare_context (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  painter.cr = cr;
  painter.style = hr_chart_style_get (theme);
  painter.scale = scale;
  painter.boxes = drawn;
  painter.layers = HR_CHART_LAYERS_ALL;

  hr_chart_set_source (cr, painter.style->background, 1.0);
  cairo_paint (cr);

  parts_build (&parts, circuit);
  if (layout_fit (cr, &parts, scale, width, height, &layout))
    {
      painter.scale = layout.s;
      hr_circuit_draw_schematic (&painter, &parts, &layout);
      hr_circuit_draw_text (&painter, &parts, &layout, width);
    }
  parts_clear (&parts);
  cairo_restore (cr);

  hr_chart_text_boxes_move (drawn, boxes);
}

/**
 * hr_chart_circuit_render:
 * @scale: the size of text and lines, 1 for the app's; the drawing
 *   shrinks below it to fit a small area, and grows a little in a large one
 *
 * Draws @circuit inside (0, 0, @width, @height) of @cr, whatever transform
 * or clip the caller set, and never outside: the background, then the
 * schematic, centred.
 */
void
hr_chart_circuit_render (cairo_t              *cr,
                         const HrChartCircuit *circuit,
                         HrChartTheme          theme,
                         double                scale,
                         double                width,
                         double                height)
{
  hr_chart_circuit_render_boxes (cr, circuit, theme, scale, width, height, NULL);
}
