/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-db-error.h"
#include "hr-gear-json.h"
#include "hr-gear-labels.h"
#include "hr-preset-file.h"

/* Loading preset files: each kind of broken file gives its exact message,
 * placed at the right line and column; every problem of a file is
 * reported; a broken preset is skipped and the rest loads; figures keep
 * their provenance. The fixtures are in tests/data/presets/broken. */

static HrPresetFile *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "presets", "broken", name, NULL);

  return hr_preset_file_new_from_file (path, HR_PRESET_ORIGIN_BUNDLED);
}

/* The problems as the CLI prints them, the directory left out. */
static char *
problems_text (HrPresetFile *file)
{
  GPtrArray *problems = hr_preset_file_get_problems (file);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      const HrPresetProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *basename = g_path_get_basename (problem->filename);

      g_string_append_printf (text, "%s:%u:%u: %s\n", basename, problem->line, problem->column,
                              problem->message);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  const char *file;
  gboolean    readable;
  guint       n_sources;
  guint       n_headphones;
  const char *problems;  /* every problem, one a line, exactly */
} FileCase;

static void
test_broken_files (void)
{
  static const FileCase cases[] = {
    { "syntax.json", FALSE, 0, 0,
      "syntax.json:4:15: Parse error: unexpected string constant \"a\", expected character `,'\n" },
    { "wrong-type.json", TRUE, 0, 0,
      "wrong-type.json:5:15: headphones[0].name must be a string, got 5\n"
      "wrong-type.json:10:52: headphones[0].impedance.r_ohm must be a number, got \"32\"\n" },
    { "missing.json", TRUE, 0, 0,
      "missing.json:3:5: sources[0].manufacturer is missing\n" },
    { "bad-value.json", TRUE, 0, 0,
      "bad-value.json:10:58: sources[0].outputs[0].max_voltage_vrms must be a finite number "
      "greater than 0, got -5\n" },
    { "bad-id.json", TRUE, 0, 0,
      "bad-id.json:4:13: headphones[0].id must be lower-case letters and digits in words joined "
      "by single hyphens ([a-z0-9]+(-[a-z0-9]+)*), got “Bad Id”\n" },
    { "duplicate.json", TRUE, 0, 1,
      "duplicate.json:6:13: headphones[1].id “same” is already used by headphones[0]\n" },
    { "unknown-words.json", TRUE, 0, 0,
      "unknown-words.json:3:81: sources[0].category must be one of mic-preamp, line-preamp, line-processor, "
      "tube-preamp, audio-interface, mixer, headphone-amp, dac-amp, usb-dongle, phone, player, computer, "
      "reference, got “toaster”\n"
      "unknown-words.json:4:58: sources[0].outputs[0].kind must be one of line, headphone, "
      "balanced, got “spdif”\n"
      "unknown-words.json:7:71: headphones[0].type must be one of open-dynamic, closed-dynamic, "
      "planar, dynamic-iem, ba-iem, hybrid-iem, got “horn”\n"
      "unknown-words.json:8:75: headphones[0].sensitivity.unit must be one of dB/mW, dB/V, "
      "mV@94dB, got “dB”\n"
      "unknown-words.json:9:31: headphones[0].impedance.model must be one of resistor, "
      "thiele-small, network, points, got “horn”\n" },
    { "version.json", FALSE, 0, 0,
      "version.json:2:21: schema_version is 2, but this version of Headroom reads version 1 "
      "only; a newer Headroom is needed\n" },
    { "not-object.json", FALSE, 0, 0,
      "not-object.json:1:1: the document must be an object, got [{\"id\":\"hp\"}]\n" },
    /* The broken presets are skipped, the good ones load. */
    { "mixed.json", TRUE, 1, 1,
      "mixed.json:7:18: sources[1].outputs must hold at least one output\n"
      "mixed.json:11:32: headphones[0].nominal_impedance_ohm must be a finite number greater "
      "than 0, got -8\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HrPresetFile) file = load_fixture (cases[i].file);
      g_autofree char *text = problems_text (file);

      g_test_message ("%s:\n%s", cases[i].file, text);
      g_assert_cmpstr (text, ==, cases[i].problems);
      g_assert_cmpint (hr_preset_file_is_readable (file), ==, cases[i].readable);
      g_assert_cmpuint (hr_preset_file_get_sources (file)->len, ==, cases[i].n_sources);
      g_assert_cmpuint (hr_preset_file_get_headphones (file)->len, ==, cases[i].n_headphones);
    }
}

/* The good presets of mixed.json are the ones that load. */
static void
test_skip_broken (void)
{
  g_autoptr(HrPresetFile) file = load_fixture ("mixed.json");
  HrPreset *source = g_ptr_array_index (hr_preset_file_get_sources (file), 0);
  HrPreset *headphone = g_ptr_array_index (hr_preset_file_get_headphones (file), 0);
  const HrPresetProblem *problem = g_ptr_array_index (hr_preset_file_get_problems (file), 1);

  g_assert_cmpstr (hr_preset_get_id (source), ==, "good-source");
  g_assert_cmpstr (hr_preset_get_id (headphone), ==, "good-hp");
  g_assert_cmpint (hr_preset_get_origin (source), ==, HR_PRESET_ORIGIN_BUNDLED);
  g_assert_true (g_str_has_suffix (hr_preset_get_filename (source), "mixed.json"));
  g_assert_cmpuint (problem->line, ==, 11);
  g_assert_cmpuint (problem->column, ==, 32);
  g_assert_cmpstr (problem->path, ==, "headphones[0].nominal_impedance_ohm");
  g_assert_true (problem->domain == HR_MODEL_ERROR);
  g_assert_cmpint (problem->code, ==, HR_MODEL_ERROR_INVALID_VALUE);
}

typedef struct
{
  const char *text;
  const char *problems;
} TextCase;

/* Files that are best written in the test: not UTF-8, empty, too deep, a
 * wrong shape at the top, and columns that count characters. */
static void
test_broken_texts (void)
{
  static const TextCase cases[] = {
    { "{\n  \"headphones\": [\"\xe9t\xe9\"]\n}", "mem.json:2:19: the file is not UTF-8 text\n" },
    { "", "mem.json:1:1: the file holds no JSON value\n" },
    /* Escapes JSON has not got, which json-glib would turn into text that
     * is not UTF-8 (found by the fuzzer); a surrogate pair is fine. */
    { "{\"sources\": [\"hd\\650\"]}", "mem.json:1:17: a string holds an escape that JSON does not have\n" },
    { "{\"sources\": [\"\\ud800x\"]}", "mem.json:1:15: a string holds an escape that JSON does not have\n" },
    { "{\"sources\": [\"\\udc00\"]}", "mem.json:1:15: a string holds an escape that JSON does not have\n" },
    { "{\"sources\": \"\\ud83d\\ude00\"}", "mem.json:1:13: sources must be an array, got \"\U0001F600\"\n" },
    { "  \n", "mem.json:1:1: the file holds no JSON value\n" },
    { "{\"a\": 1} x", "mem.json:1:10: Parse error: unexpected identifier `x', expected end of file\n" },
    { "{\"schema_version\": \"1\"}",
      "mem.json:1:20: schema_version must be a whole number of 1 or more, got \"1\"\n" },
    { "{\"schema_version\": 0}",
      "mem.json:1:20: schema_version must be a whole number of 1 or more, got 0\n" },
    { "{\"sources\": {\"id\": \"x\"}, \"headphones\": 3}",
      "mem.json:1:13: sources must be an array, got {\"id\":\"x\"}\n"
      "mem.json:1:40: headphones must be an array, got 3\n" },
    { "{\"sources\": [7]}", "mem.json:1:14: sources[0] must be an object, got 7\n" },
    /* "é" is one column, the escaped key is the same key. */
    { "{\"headphones\": [{\"id\": \"h\", \"name\": \"Été\", \"manufacturer\": \"x\", \"type\": \"planar\", "
      "\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 1, \"unit\": \"dB/V\"}, "
      "\"imp\\u0065dance\": {\"model\": \"resistor\", \"r_ohm\": 0}}]}",
      "mem.json:1:206: headphones[0].impedance.r_ohm must be a finite number greater than 0, got 0\n" },
    /* A figure object without a value, a source that is not text. */
    { "{\"sources\": [{\"id\": \"s\", \"name\": \"S\", \"manufacturer\": \"M\", \"category\": \"mixer\",\n"
      " \"outputs\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"line\",\n"
      "  \"output_impedance_ohm\": {\"source\": \"x\"}, \"max_current_ma\": {\"value\": 5, \"source\": 3}}]}]}",
      "mem.json:3:27: sources[0].outputs[0].output_impedance_ohm.value is missing\n"
      "mem.json:3:85: sources[0].outputs[0].max_current_ma.source must be a string, got 3\n" },
    /* Two outputs with one id; an empty name. */
    { "{\"sources\": [{\"id\": \"s\", \"name\": \"\", \"manufacturer\": \"M\", \"category\": \"mixer\",\n"
      " \"outputs\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"line\", \"output_impedance_ohm\": 1},\n"
      "             {\"id\": \"o\", \"name\": \"P\", \"kind\": \"line\", \"output_impedance_ohm\": 1}]}]}",
      "mem.json:1:34: sources[0].name must not be empty\n"
      "mem.json:3:21: sources[0].outputs[1].id “o” is already used by another output\n" },
    /* Maximum voltages by load: out of order, negative, empty, and
     * given twice. */
    { "{\"sources\": [{\"id\": \"s\", \"name\": \"S\", \"manufacturer\": \"M\", \"category\": \"phone\",\n"
      " \"outputs\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"headphone\", \"output_impedance_ohm\": 1,\n"
      "  \"max_voltage_by_load\": [{\"from_ohm\": 150, \"max_voltage_vrms\": 3},\n"
      "                          {\"from_ohm\": 100, \"max_voltage_vrms\": 1.25}]}]}]}",
      "mem.json:4:40: sources[0].outputs[0].max_voltage_by_load[1].from_ohm must start above the step "
      "before it (from 150 Ω), got 100\n" },
    { "{\"sources\": [{\"id\": \"s\", \"name\": \"S\", \"manufacturer\": \"M\", \"category\": \"phone\",\n"
      " \"outputs\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"headphone\", \"output_impedance_ohm\": 1,\n"
      "  \"max_voltage_by_load\": [{\"above_ohm\": -5, \"max_voltage_vrms\": {\"given\": \"-3 dBu\", \"source\": \"x\"}},\n"
      "                          {\"from_ohm\": 150, \"max_voltage_vrms\": -3}]}]}]}",
      "mem.json:4:65: sources[0].outputs[0].max_voltage_by_load[1].max_voltage_vrms must be a finite number "
      "greater than 0, got -3\n" },
    { "{\"sources\": [{\"id\": \"s\", \"name\": \"S\", \"manufacturer\": \"M\", \"category\": \"phone\",\n"
      " \"outputs\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"headphone\", \"output_impedance_ohm\": 1,\n"
      "  \"max_voltage_by_load\": [{\"above_ohm\": -5, \"max_voltage_vrms\": 1}]}]}]}",
      "mem.json:3:41: sources[0].outputs[0].max_voltage_by_load[0].above_ohm must be a finite number of 0 "
      "or more, got -5\n" },
    { "{\"sources\": [{\"id\": \"s\", \"name\": \"S\", \"manufacturer\": \"M\", \"category\": \"phone\",\n"
      " \"outputs\": [{\"id\": \"o\", \"name\": \"O\", \"kind\": \"headphone\", \"output_impedance_ohm\": 1,\n"
      "  \"max_voltage_by_load\": []},\n"
      "  {\"id\": \"p\", \"name\": \"P\", \"kind\": \"line\", \"max_voltage_vrms\": 2,\n"
      "   \"max_voltage_by_load\": [{\"from_ohm\": 0, \"max_voltage_vrms\": 1}]}]}]}",
      "mem.json:3:26: sources[0].outputs[0].max_voltage_by_load must be a list of at least one step, got []\n"
      "mem.json:4:64: sources[0].outputs[1].max_voltage_vrms and max_voltage_by_load are both given: "
      "an output has one maximum voltage or steps of it\n" },
    /* A frequency response that goes back. */
    { "{\"headphones\": [{\"id\": \"h\", \"name\": \"H\", \"manufacturer\": \"x\", \"type\": \"planar\",\n"
      "\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 1, \"unit\": \"dB/V\"},\n"
      "\"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32},\n"
      "\"frequency_response\": {\"points\": [[100, 1], [50, 2], [200]]}}]}",
      "mem.json:4:46: headphones[0].frequency_response.points[1][0] must be greater than the "
      "frequency before it, got 50\n"
      "mem.json:4:54: headphones[0].frequency_response.points[2] must be [freq_hz, db], got [200]\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HrPresetFile) file =
        hr_preset_file_new_from_data ("mem.json", cases[i].text, strlen (cases[i].text),
                                      HR_PRESET_ORIGIN_USER);
      g_autofree char *text = problems_text (file);

      g_test_message ("case %u:\n%s", i, text);
      g_assert_cmpstr (text, ==, cases[i].problems);
      g_assert_cmpuint (hr_preset_file_get_sources (file)->len, ==, 0);
      g_assert_cmpuint (hr_preset_file_get_headphones (file)->len, ==, 0);
    }
}

/* A mixer's phones out as its manual prints it: "+7.5 dBu", noise in
 * dBu, "rated load 32–600 Ω", and no output impedance. The figures are
 * read in the unit of their names, kept as given, and the unknown one
 * stays unknown. */
/* Steps of a maximum voltage read with their figures and sources, given
 * as the sheet prints them; a typical design listed as what it is. */
static void
test_voltage_steps_and_typical (void)
{
  static const char text[] =
    "{\"sources\": [{\"id\": \"rme\", \"name\": \"Pro\", \"manufacturer\": \"RME\", \"category\": \"dac-amp\",\n"
    " \"outputs\": [{\"id\": \"ph\", \"name\": \"Phones\", \"kind\": \"headphone\", \"output_impedance_ohm\": 0.1,\n"
    "  \"max_voltage_by_load\": [{\"from_ohm\": 16, \"max_voltage_vrms\": {\"given\": \"+15 dBu\", \"source\": \"§34.16\"}},\n"
    "   {\"from_ohm\": 32, \"max_voltage_vrms\": {\"given\": \"+19 dBu\", \"source\": \"§34.16\"}},\n"
    "   {\"above_ohm\": 32, \"max_voltage_vrms\": {\"given\": \"+22 dBu\", \"source\": \"§34.16\"}}]}]},\n"
    " {\"id\": \"op\", \"name\": \"Op-amp line output\", \"manufacturer\": \"Typical design\", \"category\": \"mic-preamp\",\n"
    "  \"generic\": true, \"outputs\": [{\"id\": \"line\", \"name\": \"Line\", \"kind\": \"line\", \"output_impedance_ohm\": 100}]}]}";
  g_autoptr(HrPresetFile) file = hr_preset_file_new_from_data ("mem.json", text, strlen (text),
                                                                HR_PRESET_ORIGIN_USER);
  g_autofree char *problems = problems_text (file);
  g_autofree char *label = NULL;
  g_autofree char *typical = NULL;
  HrSourcePreset *preset;
  const HrSourceOutput *output;
  const HrVoltageStepFigure *step;
  HrSource source = HR_SOURCE_INIT;

  g_assert_cmpstr (problems, ==, "");
  preset = g_ptr_array_index (hr_preset_file_get_sources (file), 0);
  output = hr_source_preset_get_output (preset, 0);
  g_assert_false (hr_figure_is_known (&output->max_voltage_vrms));
  g_assert_cmpuint (output->max_voltage_by_load->len, ==, 3);
  step = &g_array_index (output->max_voltage_by_load, HrVoltageStepFigure, 2);
  g_assert_true (step->above);
  g_assert_cmpfloat (step->load_ohm, ==, 32.0);
  g_assert_cmpstr (step->max_voltage_vrms.given, ==, "+22 dBu");
  g_assert_cmpstr (step->max_voltage_vrms.source, ==, "§34.16");
  hr_source_preset_build_source (preset, 0, &source);
  g_assert_cmpuint (source.n_voltage_steps, ==, 3);
  g_assert_cmpfloat_with_epsilon (hr_source_max_voltage_at_load (&source, 33.0),
                                  0.774597 * pow (10.0, 22.0 / 20.0), 1e-9);
  g_assert_false (hr_source_preset_get_generic (preset));
  label = hr_source_preset_dup_list_label (preset);
  g_assert_cmpstr (label, ==, "RME Pro · DAC/amp");

  preset = g_ptr_array_index (hr_preset_file_get_sources (file), 1);
  g_assert_true (hr_source_preset_get_generic (preset));
  typical = hr_source_preset_dup_list_label (preset);
  g_assert_cmpstr (typical, ==, "Typical mic preamp · Op-amp line output");
}

static void
test_sheet_figures (void)
{
  static const char text[] =
    "{\"sources\": [{\"id\": \"m\", \"name\": \"Mixer\", \"manufacturer\": \"M\", \"category\": \"mixer\",\n"
    " \"outputs\": [{\"id\": \"phones\", \"name\": \"Phones\", \"kind\": \"headphone\",\n"
    "  \"max_voltage_vrms\": {\"given\": \"+7.5 dBu\", \"source\": \"manual p. 12\"},\n"
    "  \"noise_vrms\": {\"given\": \"90 dB\", \"source\": \"manual, dynamic range\"},\n"
    "  \"min_load_ohm\": {\"value\": 32, \"source\": \"manual: rated load 32–600 Ω\"}}]}]}";
  g_autoptr(HrPresetFile) file = hr_preset_file_new_from_data ("mem.json", text, strlen (text),
                                                                HR_PRESET_ORIGIN_USER);
  g_autofree char *problems = problems_text (file);
  HrSourcePreset *preset;
  const HrSourceOutput *output;
  HrSource source;

  g_assert_cmpstr (problems, ==, "");
  g_assert_cmpuint (hr_preset_file_get_sources (file)->len, ==, 1);
  preset = g_ptr_array_index (hr_preset_file_get_sources (file), 0);
  output = hr_source_preset_get_output (preset, 0);
  g_assert_false (hr_figure_is_known (&output->output_impedance_ohm));
  g_assert_cmpfloat_with_epsilon (output->max_voltage_vrms.value, 0.774597 * pow (10.0, 7.5 / 20.0), 1e-9);
  g_assert_cmpstr (output->max_voltage_vrms.given, ==, "+7.5 dBu");
  g_assert_cmpstr (output->max_voltage_vrms.source, ==, "manual p. 12");
  /* 90 dB below the maximum. */
  g_assert_cmpfloat_with_epsilon (output->noise_vrms.value,
                                  output->max_voltage_vrms.value * pow (10.0, -90.0 / 20.0), 1e-12);
  g_assert_cmpstr (output->noise_vrms.given, ==, "90 dB");
  g_assert_cmpfloat (output->min_load_ohm.value, ==, 32.0);
  g_assert_null (output->min_load_ohm.given);

  hr_source_preset_build_source (preset, 0, &source);
  g_assert_true (isnan (source.output_impedance_ohm));
  g_assert_cmpfloat (source.min_load_ohm, ==, 32.0);
  g_assert_cmpfloat (source.noise_vrms, ==, output->noise_vrms.value);
}

/* Nesting deep enough to blow a recursive parser's stack is refused
 * before json-glib sees it, where it starts. */
static void
test_too_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"sources\": ");
  g_autoptr(HrPresetFile) file = NULL;
  g_autofree char *problems = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');
  file = hr_preset_file_new_from_data ("deep.json", text->str, text->len, HR_PRESET_ORIGIN_USER);
  problems = problems_text (file);
  g_assert_cmpstr (problems, ==, "deep.json:1:76: arrays and objects nest 100001 levels deep here, more than the 64 that any preset needs\n");
  g_assert_false (hr_preset_file_is_readable (file));
}

/* What json-glib reads as a string or a comment, the check before it
 * reads so too: a single-quoted string, which json-glib takes with no
 * escapes, hid 100,000 brackets from the count behind a backslash and
 * crashed it, and a double quote in one hid a bad escape. Single quotes
 * are not JSON, and refused where they are. */
static void
test_hidden_from_the_check (void)
{
  static const struct {
    const char *head;
    const char *tail;
    const char *problems;
  } cases[] = {
    { "{\"sources\": ['\\', ", "'x']}",
      "q.json:1:14: a string in single quotes, which JSON does not have: use double quotes\n" },
    { "{'a': '\\', \"sources\": ", "}",
      "q.json:1:2: a string in single quotes, which JSON does not have: use double quotes\n" },
    /* Comments json-glib skips, and so does the check: the brackets in
     * one are no nesting, a quote in one starts no string. */
    { "/* ' [[[[ */ {\"sources\": ", "}",
      "q.json:1:89: arrays and objects nest 100001 levels deep here, more than the 64 that any preset needs\n" },
    /* "//" is no comment to json-glib: what follows it on the line is read. */
    { "{\"sources\": // '\n", "}",
      "q.json:1:16: a string in single quotes, which JSON does not have: use double quotes\n" },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GString) text = g_string_new (cases[c].head);
      g_autoptr(HrPresetFile) file = NULL;
      g_autofree char *problems = NULL;

      for (guint i = 0; i < 100000; i++)
        g_string_append_c (text, '[');
      g_string_append (text, cases[c].tail);
      file = hr_preset_file_new_from_data ("q.json", text->str, text->len, HR_PRESET_ORIGIN_USER);
      problems = problems_text (file);
      g_assert_cmpstr (problems, ==, cases[c].problems);
      g_assert_false (hr_preset_file_is_readable (file));
    }

  {
    const char *text = "{\"x\": '\"', \"sources\": [{\"name\": \"a\\6\\ud800b\"}]}";
    g_autoptr(HrPresetFile) file = hr_preset_file_new_from_data ("q.json", text, strlen (text),
                                                                 HR_PRESET_ORIGIN_USER);
    g_autofree char *problems = problems_text (file);

    g_assert_cmpstr (problems, ==,
                     "q.json:1:7: a string in single quotes, which JSON does not have: use double quotes\n");
  }
}

static void
test_figures (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled",
                                                 "sources.json", NULL);
  g_autoptr(HrPresetFile) file = hr_preset_file_new_from_file (path, HR_PRESET_ORIGIN_BUNDLED);
  HrSourcePreset *preset = g_ptr_array_index (hr_preset_file_get_sources (file), 0);
  const HrSourceOutput *output;
  HrSource source;
  guint index = 99;

  g_assert_cmpuint (hr_preset_file_get_problems (file)->len, ==, 0);
  g_assert_cmpstr (hr_preset_get_id (HR_PRESET (preset)), ==, "test-interface");
  g_assert_cmpint (hr_source_preset_get_category (preset), ==, HR_SOURCE_CATEGORY_AUDIO_INTERFACE);
  g_assert_cmpuint (hr_source_preset_get_n_outputs (preset), ==, 2);

  output = hr_source_preset_get_output (preset, 0);
  g_assert_cmpstr (output->id, ==, "headphone");
  g_assert_cmpfloat (output->output_impedance_ohm.value, ==, 10.0);
  g_assert_cmpstr (output->output_impedance_ohm.source, ==, "Testco manual, p. 12");
  g_assert_false (hr_figure_is_known (&output->max_current_ma));
  g_assert_null (output->max_current_ma.source);

  /* Unknown stays unknown in the model; the capacitor is kept. */
  hr_source_preset_build_source (preset, 0, &source);
  g_assert_cmpfloat (source.output_impedance_ohm, ==, 10.0);
  g_assert_cmpfloat (source.dc_block_uf, ==, 220.0);
  g_assert_cmpfloat (source.max_voltage_vrms, ==, 2.5);
  g_assert_true (isnan (source.max_current_ma));
  g_assert_false (source.balanced);

  g_assert_true (hr_source_preset_find_output (preset, "LINE OUT", &index));
  g_assert_cmpuint (index, ==, 1);
  g_assert_true (hr_source_preset_find_output (preset, "Headphone", &index));
  g_assert_cmpuint (index, ==, 0);
  g_assert_false (hr_source_preset_find_output (preset, "spdif", &index));

  {
    g_autofree char *label = hr_source_preset_dup_output_label (preset, 1);

    g_assert_cmpstr (label, ==, "Testco Interface 2x2, Line out");
  }
}

static void
test_headphone_preset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled",
                                                 "headphones.json", NULL);
  g_autoptr(HrPresetFile) file = hr_preset_file_new_from_file (path, HR_PRESET_ORIGIN_BUNDLED);
  HrHeadphonePreset *preset = g_ptr_array_index (hr_preset_file_get_headphones (file), 0);
  HrHeadphone *headphone = hr_headphone_preset_get_headphone (preset);
  const HrResponsePoint *response;
  guint n_points;

  g_assert_cmpuint (hr_preset_file_get_problems (file)->len, ==, 0);
  g_assert_cmpint (hr_headphone_preset_get_headphone_type (preset), ==, HR_HEADPHONE_TYPE_OPEN_DYNAMIC);
  g_assert_cmpstr (hr_headphone_get_name (headphone), ==, "Testco HP 300");
  /* PHYSICS.md: 97 dB/mW at 300 Ω is 102.2 dB/V. */
  g_assert_cmpfloat_with_epsilon (hr_headphone_get_sensitivity_db_per_v (headphone),
                                  97.0 - 10.0 * log10 (0.3), 1e-9);
  g_assert_cmpfloat (hr_headphone_preset_get_max_input (preset)->value, ==, 1000.0);
  g_assert_cmpstr (hr_headphone_preset_get_nominal_impedance (preset)->source, ==, "Testco spec sheet");
  g_assert_cmpstr (hr_headphone_preset_get_sensitivity (preset)->source, ==, "Testco spec sheet");
  g_assert_cmpstr (hr_headphone_preset_get_impedance_source (preset), ==, "Testco spec sheet");
  g_assert_null (hr_headphone_preset_get_impedance_modelled (preset));

  /* Normalised to 0 dB at 1 kHz: +1 dB there is taken off everywhere. */
  response = hr_headphone_preset_get_response (preset, &n_points);
  g_assert_cmpuint (n_points, ==, 3);
  g_assert_cmpfloat (response[0].level_db, ==, -3.0);
  g_assert_cmpfloat (response[1].level_db, ==, 0.0);
  g_assert_cmpfloat (response[2].level_db, ==, 3.0);

  /* The second has bare numbers and no response. */
  preset = g_ptr_array_index (hr_preset_file_get_headphones (file), 1);
  g_assert_null (hr_headphone_preset_get_nominal_impedance (preset)->source);
  g_assert_null (hr_headphone_preset_get_response (preset, &n_points));
  g_assert_cmpuint (n_points, ==, 0);
}

/* A preset object is a valid --headphone-file / --source-file object:
 * figure objects are read as numbers, and a source stands for its first
 * output. */
static void
test_gear_json_accepts_presets (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled",
                                                 "sources.json", NULL);
  g_autoptr(JsonNode) root = hr_gear_json_load_file (path, NULL);
  JsonArray *sources = json_object_get_array_member (json_node_get_object (root), "sources");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  HrSource source;

  g_assert_true (hr_gear_json_parse_source (json_array_get_element (sources, 0), NULL, "x",
                                            &source, &name, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Interface 2x2, Headphone out");
  g_assert_cmpfloat (source.output_impedance_ohm, ==, 10.0);
  g_assert_cmpfloat (source.dc_block_uf, ==, 220.0);

  {
    g_autoptr(JsonNode) bad = json_from_string ("{\"output_impedance_ohm\": {\"value\": \"3\"}}", NULL);

    g_assert_false (hr_gear_json_parse_source (bad, NULL, "x", &source, NULL, &error));
    g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE);
    g_assert_cmpstr (error->message, ==, "output_impedance_ohm.value must be a number, got \"3\"");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/presets/broken-files", test_broken_files);
  g_test_add_func ("/presets/skip-broken", test_skip_broken);
  g_test_add_func ("/presets/broken-texts", test_broken_texts);
  g_test_add_func ("/presets/sheet-figures", test_sheet_figures);
  g_test_add_func ("/presets/voltage-steps-and-typical", test_voltage_steps_and_typical);
  g_test_add_func ("/presets/too-deep", test_too_deep);
  g_test_add_func ("/presets/hidden-from-the-check", test_hidden_from_the_check);
  g_test_add_func ("/presets/source-figures", test_figures);
  g_test_add_func ("/presets/headphone", test_headphone_preset);
  g_test_add_func ("/presets/gear-json-accepts-presets", test_gear_json_accepts_presets);

  return g_test_run ();
}
