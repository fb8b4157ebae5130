/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* A preset file of any size, made in memory: the benchmarks load 10,000
 * of these presets, and the tests hold the compiled cache of the same to
 * the JSON. A mix like the bundled files: a third sources with one to
 * three outputs, the rest headphones over the four impedance models,
 * every figure with its provenance. */

static inline void
hr_generated_append_source (GString *json,
                            guint    i)
{
  guint n_outputs = 1 + i % 3;

  g_string_append_printf (json,
    "{\"id\": \"maker-%u-source-%u\", \"name\": \"Source %u\", \"manufacturer\": \"Maker %u\","
    " \"category\": \"dac-amp\", \"notes\": \"generated for the benchmark\", \"outputs\": [",
    i % 97, i, i, i % 97);
  for (guint o = 0; o < n_outputs; o++)
    g_string_append_printf (json,
      "%s{\"id\": \"out-%u\", \"name\": \"Output %u\", \"kind\": \"%s\","
      " \"output_impedance_ohm\": {\"value\": %u.5, \"source\": \"Maker manual, p. %u\"},"
      " \"max_voltage_vrms\": {\"value\": 2.%u, \"source\": \"measured by a review site\"},"
      " \"max_current_ma\": {\"value\": %u, \"source\": \"spec sheet, peak divided by sqrt 2\"},"
      " \"dc_block_uf\": {\"value\": 470, \"source\": \"schematic\"}}",
      o > 0 ? ", " : "", o, o, o == 2 ? "balanced" : o == 1 ? "line" : "headphone",
      i % 50, i % 300, o, 50 + i % 200);
  g_string_append (json, "]}");
}

static inline void
hr_generated_append_headphone (GString *json,
                               guint    i)
{
  static const char *const models[] = {
    "{\"model\": \"resistor\", \"r_ohm\": 32, \"source\": \"flat, planar\"}",
    "{\"model\": \"thiele-small\", \"re_ohm\": 26, \"le_h\": 5e-5, \"fs_hz\": 85, \"qms\": 2.5,"
    " \"qes\": 0.9, \"scale\": 1.0, \"modelled\": \"fitted to the peak at 85 Hz\","
    " \"source\": \"a published measurement\"}",
    "{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 30}, {\"parallel\": [{\"L\": 0.001},"
    " {\"C\": 1e-6}, {\"R\": 50}]}]}, \"modelled\": \"fitted\", \"source\": \"a measurement\"}",
    "{\"model\": \"points\", \"points\": [[20, 34, 5], [100, 33, 2], [1000, 32, 0],"
    " [10000, 36, 10], [20000, 40, 15]], \"source\": \"a measurement\"}",
  };

  g_string_append_printf (json,
    "{\"id\": \"maker-%u-headphone-%u\", \"name\": \"Headphone %u\", \"manufacturer\": \"Maker %u\","
    " \"type\": \"open-dynamic\","
    " \"nominal_impedance_ohm\": {\"value\": 32, \"source\": \"spec sheet\"},"
    " \"sensitivity\": {\"value\": %u, \"unit\": \"dB/mW\", \"ref_freq_hz\": 1000, \"source\": \"spec sheet\"},"
    " \"max_input_mw\": {\"value\": 200, \"source\": \"spec sheet\"},"
    " \"impedance\": %s,"
    " \"frequency_response\": {\"points\": [[20, -3], [100, 1], [1000, 0], [3000, 4], [10000, -2]],"
    " \"source\": \"a measurement\"}}",
    i % 97, i, i, i % 97, 95 + i % 15, models[i % G_N_ELEMENTS (models)]);
}

/* @n_presets presets, a third of them sources, as one file's text. */
static inline GString *
hr_generated_presets_new (guint n_presets)
{
  GString *json = g_string_new ("{\"schema_version\": 1, \"sources\": [");
  guint n_sources = n_presets / 3;

  for (guint i = 0; i < n_sources; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      hr_generated_append_source (json, i);
    }
  g_string_append (json, "],\n\"headphones\": [");
  for (guint i = 0; i < n_presets - n_sources; i++)
    {
      if (i > 0)
        g_string_append (json, ",\n");
      hr_generated_append_headphone (json, i);
    }
  g_string_append (json, "]}\n");
  return json;
}
