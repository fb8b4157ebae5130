/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-db-error.h"
#include "hr-gear-json.h"

/* The JSON gear schema: every impedance model evaluated against figures
 * worked out by hand, every sensitivity unit converted as PHYSICS.md says,
 * and every kind of bad input refused with its JSON path and value. */

#define assert_close(a, b, rel) \
  g_assert_cmpfloat_with_epsilon ((a), (b), (rel) * MAX (fabs (a), fabs (b)) + 1e-12)

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static HrHeadphone *
headphone_from (const char *json)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GError) error = NULL;
  HrHeadphone *headphone = hr_gear_json_parse_headphone (node, NULL, "fallback", &error);

  g_assert_no_error (error);
  g_assert_nonnull (headphone);
  return headphone;
}

static HrImpedance *
impedance_from (const char *json)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GError) error = NULL;
  HrImpedance *impedance = hr_gear_json_parse_impedance (node, "impedance", &error);

  g_assert_no_error (error);
  g_assert_nonnull (impedance);
  return impedance;
}

static void
assert_z (HrImpedance *impedance,
          double       freq_hz,
          double       mag_ohm,
          double       phase_deg)
{
  double complex z = hr_impedance_eval (impedance, freq_hz);

  assert_close (cabs (z), mag_ohm, 1e-9);
  g_assert_cmpfloat_with_epsilon (carg (z) * 180.0 / G_PI, phase_deg, 1e-7);
}

static void
test_resistor (void)
{
  g_autoptr(HrImpedance) z = impedance_from ("{\"model\": \"resistor\", \"r_ohm\": 32}");

  g_assert_cmpint (hr_impedance_get_kind (z), ==, HR_IMPEDANCE_RESISTOR);
  assert_z (z, 20.0, 32.0, 0.0);
  assert_z (z, 1000.0, 32.0, 0.0);
  assert_z (z, 20000.0, 32.0, 0.0);
}

/* PHYSICS.md's check: Re 6 Ω, Qms 4.27, Qes 0.34, fs 70.7 Hz. At fs the
 * motional L and C cancel and the branch is Res = Re·Qms/Qes = 75.353 Ω,
 * so with Le = 0 the peak is Re + Res = 81.353 Ω, resistive. */
static void
test_thiele_small (void)
{
  g_autoptr(HrImpedance) z = impedance_from (
    "{\"model\": \"thiele-small\", \"re_ohm\": 6, \"le_h\": 0, \"fs_hz\": 70.7,"
    " \"qms\": 4.27, \"qes\": 0.34}");
  g_autoptr(HrImpedance) z_le = impedance_from (
    "{\"model\": \"thiele-small\", \"re_ohm\": 6, \"le_h\": 0.0005, \"fs_hz\": 70.7,"
    " \"qms\": 4.27, \"qes\": 0.34}");
  const HrThieleSmall *ts = hr_impedance_get_thiele_small (z_le);
  const double res_ohm = 6.0 * 4.27 / 0.34;
  const double omega_s = 2.0 * G_PI * 70.7;
  const double lces_h = 6.0 / (omega_s * 0.34);
  const double cmes_f = 0.34 / (omega_s * 6.0);
  const double omega = 2.0 * G_PI * 1000.0;
  double complex z_1k;

  g_assert_cmpfloat_with_epsilon (res_ohm, 75.3529, 1e-4);
  g_assert_cmpfloat_with_epsilon (lces_h * 1e3, 39.7, 0.05);
  g_assert_cmpfloat_with_epsilon (cmes_f * 1e6, 127.6, 0.05);
  g_assert_cmpfloat (ts->le_h, ==, 0.0005);
  g_assert_cmpfloat (ts->qes, ==, 0.34);

  assert_z (z, 70.7, 6.0 + res_ohm, 0.0);
  /* With Le, at 1 kHz: Re + jωLe + 1/(1/Res + 1/(jωLces) + jωCmes). */
  z_1k = 6.0 + I * omega * 0.0005
       + 1.0 / (1.0 / res_ohm + 1.0 / (I * omega * lces_h) + I * omega * cmes_f);
  assert_z (z_le, 1000.0, cabs (z_1k), carg (z_1k) * 180.0 / G_PI);
  /* Le is in series: it adds exactly 2π·1000·0.5 mH = π Ω of reactance. */
  g_assert_cmpfloat_with_epsilon (cimag (hr_impedance_eval (z_le, 1000.0))
                                  - cimag (hr_impedance_eval (z, 1000.0)), G_PI, 1e-9);
  g_assert_cmpfloat_with_epsilon (creal (hr_impedance_eval (z_le, 1000.0)),
                                  creal (hr_impedance_eval (z, 1000.0)), 1e-9);
}

/* 10 Ω + 1 mH at 1 kHz: 10 + j6.2832 Ω, |Z| = 11.8101 Ω at 32.142°.
 * 100 Ω ∥ 1 µF at 1 kHz: 100/(1 + j0.62832), |Z| = 84.673 Ω at −32.14°. */
static void
test_network (void)
{
  g_autoptr(HrImpedance) series = impedance_from (
    "{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 10}, {\"L\": 0.001}]}}");
  g_autoptr(HrImpedance) parallel = impedance_from (
    "{\"model\": \"network\", \"tree\": {\"parallel\": [{\"R\": 100}, {\"C\": 1e-6}]}}");
  g_autoptr(HrImpedance) nested = impedance_from (
    "{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 5},"
    " {\"parallel\": [{\"R\": 100}, {\"C\": 1e-6}]}]}}");
  HrNetwork *tree = hr_impedance_get_network (nested);

  assert_z (series, 1000.0, 11.8100981200, 32.1419076353);
  assert_close (cabs (hr_impedance_eval (series, 1000.0)), hypot (10.0, 2.0 * G_PI), 1e-12);
  assert_z (parallel, 1000.0, 100.0 / hypot (1.0, 0.2 * G_PI), -atan (0.2 * G_PI) * 180.0 / G_PI);
  g_assert_cmpfloat_with_epsilon (cabs (hr_impedance_eval (parallel, 1000.0)), 84.673, 1e-3);

  g_assert_cmpint (hr_network_get_kind (tree), ==, HR_NETWORK_SERIES);
  g_assert_cmpuint (hr_network_get_n_children (tree), ==, 2);
  g_assert_cmpint (hr_network_get_kind (hr_network_get_child (tree, 1)), ==, HR_NETWORK_PARALLEL);
  g_assert_cmpfloat (hr_network_get_value (hr_network_get_child (tree, 0)), ==, 5.0);
  {
    double complex expected = 5.0 + 100.0 / (1.0 + I * 0.2 * G_PI);

    assert_z (nested, 1000.0, cabs (expected), carg (expected) * 180.0 / G_PI);
  }
}

/* log|Z| and phase are linear in log f: halfway between 100 Hz and 1 kHz
 * in log f is 316.23 Hz, where |Z| is √(10·1000) = 100 Ω and the phase
 * 22.5°. Outside the data the end values hold. */
static void
test_points (void)
{
  g_autoptr(HrImpedance) z = impedance_from (
    "{\"model\": \"points\", \"points\": [[100, 10, 0], [1000, 1000, 45]]}");
  guint n_points = 0;
  const HrImpedancePoint *points = hr_impedance_get_points (z, &n_points);

  g_assert_cmpuint (n_points, ==, 2);
  g_assert_cmpfloat (points[1].mag_ohm, ==, 1000.0);
  assert_z (z, sqrt (100.0 * 1000.0), 100.0, 22.5);
  assert_z (z, 100.0, 10.0, 0.0);
  assert_z (z, 50.0, 10.0, 0.0);
  assert_z (z, 5000.0, 1000.0, 45.0);
}

static void
test_scale (void)
{
  g_autoptr(HrImpedance) z = impedance_from (
    "{\"model\": \"resistor\", \"r_ohm\": 32, \"scale\": 2.5}");
  g_autoptr(HrImpedance) unscaled = impedance_from (
    "{\"model\": \"resistor\", \"r_ohm\": 32, \"scale\": null}");

  assert_z (z, 1000.0, 80.0, 0.0);
  g_assert_cmpfloat (hr_impedance_get_scale (z), ==, 2.5);
  assert_z (unscaled, 1000.0, 32.0, 0.0);
}

/* HD 600: 97 dB/mW at 300 Ω → 97 − 10·log10(0.3) = 102.229 dB/V.
 * 20 mV for 94 dB → 94 − 20·log10(0.02) = 127.979 dB/V. */
static void
test_sensitivity_units (void)
{
  static const struct {
    const char *value_and_unit;
    double      nominal_ohm;
    double      db_per_v;
  } cases[] = {
    { "\"value\": 97, \"unit\": \"dB/mW\"", 300.0, 102.2287875 },
    { "\"value\": 97, \"unit\": \"dB/mW\"", 1000.0, 97.0 },
    { "\"value\": 110, \"unit\": \"dB/mW\"", 32.0, 124.9485002 },
    { "\"value\": 102.5, \"unit\": \"dB/V\"", 300.0, 102.5 },
    { "\"value\": 20, \"unit\": \"mV@94dB\"", 32.0, 127.9794001 },
    { "\"value\": 1000, \"unit\": \"mV@94dB\"", 32.0, 94.0 },
  };

  g_assert_cmpfloat_with_epsilon (97.0 - 10.0 * log10 (0.3), cases[0].db_per_v, 1e-7);
  g_assert_cmpfloat_with_epsilon (110.0 - 10.0 * log10 (0.032), cases[2].db_per_v, 1e-7);
  g_assert_cmpfloat_with_epsilon (94.0 - 20.0 * log10 (0.02), cases[4].db_per_v, 1e-7);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      char nominal_text[G_ASCII_DTOSTR_BUF_SIZE];
      g_autofree char *json = NULL;
      g_autoptr(HrHeadphone) headphone = NULL;

      g_ascii_dtostr (nominal_text, sizeof nominal_text, cases[i].nominal_ohm);
      json = g_strdup_printf ("{\"name\": \"S\", \"nominal_impedance_ohm\": %s,"
                              " \"sensitivity\": {%s},"
                              " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32}}",
                              nominal_text, cases[i].value_and_unit);
      headphone = headphone_from (json);
      g_assert_cmpfloat_with_epsilon (hr_headphone_get_sensitivity_db_per_v (headphone),
                                      cases[i].db_per_v, 1e-7);
      g_assert_cmpfloat (hr_headphone_get_nominal_impedance_ohm (headphone), ==,
                         cases[i].nominal_ohm);
    }
}

static void
test_headphone_names (void)
{
  g_autoptr(HrHeadphone) named = headphone_from (
    "{\"name\": \"HD 600\", \"nominal_impedance_ohm\": 300, \"future_key\": [1, {}],"
    " \"sensitivity\": {\"value\": 97, \"unit\": \"dB/mW\", \"freq_hz\": 1000},"
    " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 300, \"note\": \"x\"}}");
  g_autoptr(HrHeadphone) unnamed = headphone_from (
    "{\"nominal_impedance_ohm\": 300, \"sensitivity\": {\"value\": 97, \"unit\": \"dB/mW\"},"
    " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 300}}");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "hp-noname.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrHeadphone) loaded = hr_gear_json_load_headphone (path, &error);

  g_assert_cmpstr (hr_headphone_get_name (named), ==, "HD 600");
  g_assert_cmpstr (hr_headphone_get_name (unnamed), ==, "fallback");

  /* The file has no name: the basename stands in. Its 32 Ω resistor is
   * scaled by 2. */
  g_assert_no_error (error);
  g_assert_cmpstr (hr_headphone_get_name (loaded), ==, "hp-noname.json");
  assert_z (hr_headphone_get_impedance (loaded), 1000.0, 64.0, 0.0);
}

static void
test_source (void)
{
  g_autoptr(JsonNode) full = parse (
    "{\"name\": \"Amp\", \"output_impedance_ohm\": 120, \"dc_block_uf\": 47,"
    " \"max_voltage_vrms\": 5, \"max_current_ma\": 40, \"balanced\": true}");
  g_autoptr(JsonNode) bare = parse ("{\"output_impedance_ohm\": 0, \"max_current_ma\": null}");
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "source-noname.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *bare_name = NULL;
  g_autofree char *file_name = NULL;
  HrSource source;

  g_assert_true (hr_gear_json_parse_source (full, NULL, "fallback", &source, &name, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Amp");
  g_assert_cmpfloat (source.output_impedance_ohm, ==, 120.0);
  g_assert_cmpfloat (source.dc_block_uf, ==, 47.0);
  g_assert_cmpfloat (source.max_voltage_vrms, ==, 5.0);
  g_assert_cmpfloat (source.max_current_ma, ==, 40.0);
  /* The figures are the balanced output's already: nothing is doubled. */
  g_assert_true (source.balanced);

  /* A limit that is not given is unknown, not unlimited. */
  g_assert_true (hr_gear_json_parse_source (bare, NULL, "fallback", &source, &bare_name, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bare_name, ==, "fallback");
  g_assert_cmpfloat (source.output_impedance_ohm, ==, 0.0);
  g_assert_cmpfloat (source.dc_block_uf, ==, 0.0);
  g_assert_true (isnan (source.max_voltage_vrms));
  g_assert_true (isnan (source.max_current_ma));
  g_assert_false (hr_limit_is_known (source.max_current_ma));
  g_assert_false (source.balanced);

  g_assert_true (hr_gear_json_load_source (path, &source, &file_name, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (file_name, ==, "source-noname.json");
  g_assert_cmpfloat (source.output_impedance_ohm, ==, 2.2);
}

/* A headphone with @impedance as its impedance object, for the cases that
 * break one model. */
#define HEADPHONE_WITH(impedance) \
  "{\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"}," \
  " \"impedance\": " impedance "}"

typedef struct
{
  const char *json;
  const char *path;       /* where it sits in a bigger document, or NULL */
  GQuark      domain;
  int         code;
  const char *needles[3]; /* the JSON path and the value, in the message */
} BadCase;

static void
assert_bad_cases (const BadCase *cases,
                  guint          n_cases,
                  gboolean       source)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(JsonNode) node = parse (cases[i].json);
      g_autoptr(GError) error = NULL;
      gboolean ok;

      if (source)
        {
          HrSource parsed = HR_SOURCE_INIT;

          ok = hr_gear_json_parse_source (node, cases[i].path, "x", &parsed, NULL, &error);
        }
      else
        {
          g_autoptr(HrHeadphone) headphone =
            hr_gear_json_parse_headphone (node, cases[i].path, "x", &error);

          ok = headphone != NULL;
        }

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_false (ok);
      g_assert_error (error, cases[i].domain, cases[i].code);
      g_assert_null (strchr (error->message, '\n'));
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[j] != NULL; j++)
        g_assert_nonnull (strstr (error->message, cases[i].needles[j]));
    }
}

static void
test_bad_headphones (void)
{
  const BadCase cases[] = {
    { "[1, 2]", NULL, HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "the document", "[1,2]" } },
    { "{\"name\": 5, \"nominal_impedance_ohm\": 32}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "name", "5" } },
    { "{\"nominal_impedance_ohm\": \"32\"}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "nominal_impedance_ohm", "\"32\"" } },
    { "{\"nominal_impedance_ohm\": true}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "nominal_impedance_ohm", "true" } },
    { "{\"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "nominal_impedance_ohm", "missing" } },
    { "{\"nominal_impedance_ohm\": 32, \"sensitivity\": 100}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "sensitivity", "100" } },
    { "{\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 100, \"unit\": \"dB\"}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_UNIT, { "sensitivity.unit", "“dB”" } },
    { "{\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"unit\": \"dB/V\"}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "sensitivity.value" } },
    { "{\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "impedance", "missing" } },
    { HEADPHONE_WITH ("{\"r_ohm\": 32}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "impedance.model" } },
    { HEADPHONE_WITH ("{\"model\": \"horn\"}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_MODEL, { "impedance.model", "horn" } },
    { HEADPHONE_WITH ("{\"model\": \"resistor\", \"r_ohm\": 0}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "impedance.r_ohm", "got 0" } },
    { HEADPHONE_WITH ("{\"model\": \"resistor\", \"r_ohm\": 1e999}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "impedance.r_ohm", "inf" } },
    { HEADPHONE_WITH ("{\"model\": \"thiele-small\", \"re_ohm\": -3, \"le_h\": 0,"
                      " \"fs_hz\": 80, \"qms\": 2, \"qes\": 0.5}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "impedance.re_ohm", "-3" } },
    { HEADPHONE_WITH ("{\"model\": \"thiele-small\", \"re_ohm\": 30, \"le_h\": 0,"
                      " \"fs_hz\": true, \"qms\": 2, \"qes\": 0.5}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.fs_hz", "true" } },
    { HEADPHONE_WITH ("{\"model\": \"thiele-small\", \"re_ohm\": 30, \"le_h\": 0,"
                      " \"fs_hz\": 80, \"qms\": 2}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "impedance.qes" } },
    { HEADPHONE_WITH ("{\"model\": \"network\"}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "impedance.tree" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 10}, {\"C\": -1e-6}]}}"),
      NULL, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
      { "impedance.tree.series[1].C", "-1e-06" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 1},"
                      " {\"parallel\": [{\"L\": 0}, {\"C\": 1e-6}]}]}}"),
      NULL, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
      { "impedance.tree.series[1].parallel[0].L", "got 0" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": []}}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY, { "impedance.tree.series" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"parallel\": [{\"R\": 1}, {\"series\": []}]}}"),
      NULL, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY, { "impedance.tree.parallel[1].series" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"R\": 8, \"L\": 0.001}}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_INVALID_NODE, { "impedance.tree", "{\"R\":8,\"L\":0.001}" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {}}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_INVALID_NODE, { "impedance.tree", "{}" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": [{\"X\": 1}]}}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_INVALID_NODE, { "impedance.tree.series[0]", "\"X\"" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": \"8\"}]}}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.tree.series[0].R", "\"8\"" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": [5]}}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.tree.series[0]", "5" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"parallel\": {\"R\": 5}}}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.tree.parallel", "{\"R\":5}" } },
    { HEADPHONE_WITH ("{\"model\": \"points\", \"points\": [[100, 10, 0], [200, 10]]}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.points[1]", "[200,10]" } },
    { HEADPHONE_WITH ("{\"model\": \"points\", \"points\": [[100, 10, \"x\"]]}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.points[0][2]", "\"x\"" } },
    { HEADPHONE_WITH ("{\"model\": \"points\", \"points\": []}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY, { "impedance.points" } },
    { HEADPHONE_WITH ("{\"model\": \"points\", \"points\": [[100, 10, 0], [50, 10, 0]]}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_NOT_INCREASING, { "impedance.points[1].freq_hz", "50" } },
    { HEADPHONE_WITH ("{\"model\": \"points\", \"points\": [[100, -10, 0]]}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "impedance.points[0].mag_ohm", "-10" } },
    { HEADPHONE_WITH ("{\"model\": \"resistor\", \"r_ohm\": 32, \"scale\": -2}"), NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "impedance.scale", "-2" } },
    { HEADPHONE_WITH ("{\"model\": \"resistor\", \"r_ohm\": 32, \"scale\": \"2\"}"), NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "impedance.scale", "\"2\"" } },
    { "{\"nominal_impedance_ohm\": -5, \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"},"
      " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32}}", NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "nominal_impedance_ohm", "-5" } },
    { "{\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 0, \"unit\": \"mV@94dB\"},"
      " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32}}", NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "sensitivity.value", "got 0" } },
    /* Inside a bigger document, every path starts where the node sits. */
    { HEADPHONE_WITH ("{\"model\": \"thiele-small\", \"re_ohm\": -3, \"le_h\": 0,"
                      " \"fs_hz\": 80, \"qms\": 2, \"qes\": 0.5}"), "headphones[2]",
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "headphones[2].impedance.re_ohm", "-3" } },
    { HEADPHONE_WITH ("{\"model\": \"network\", \"tree\": {\"series\": [{\"R\": 0}]}}"), "headphones[2]",
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "headphones[2].impedance.tree.series[0].R" } },
    { "{\"nominal_impedance_ohm\": -5, \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"},"
      " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32}}", "headphones[2]",
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "headphones[2].nominal_impedance_ohm", "-5" } },
    { "{\"nominal_impedance_ohm\": 32, \"sensitivity\": {\"value\": 100, \"unit\": 3}}", "headphones[2]",
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "headphones[2].sensitivity.unit", "3" } },
  };

  assert_bad_cases (cases, G_N_ELEMENTS (cases), FALSE);
}

static void
test_bad_sources (void)
{
  const BadCase cases[] = {
    { "\"amp\"", NULL, HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "the document", "\"amp\"" } },
    /* Any figure may be unknown, the output impedance too, but a file
     * with none is not a source. */
    { "{\"name\": \"Flat 32\", \"nominal_impedance_ohm\": 32}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD, { "output_impedance_ohm", "missing" } },
    { "{\"max_voltage_vrms\": {\"given\": \"loud\"}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE, { "max_voltage_vrms.given", "loud" } },
    { "{\"max_voltage_vrms\": {\"given\": \"+18 dBu\", \"value\": 7}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE, { "max_voltage_vrms.value", "+18 dBu", "6.153" } },
    { "{\"noise_vrms\": {\"given\": \"110 dB\"}}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE, { "noise_vrms.given", "maximum voltage" } },
    { "{\"min_load_ohm\": -5}", NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "min_load_ohm", "-5" } },
    { "{\"output_impedance_ohm\": -1}", NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "output_impedance_ohm", "-1" } },
    { "{\"output_impedance_ohm\": 1, \"dc_block_uf\": -47}", NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "dc_block_uf", "-47" } },
    { "{\"output_impedance_ohm\": 1, \"max_voltage_vrms\": 0}", NULL,
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "max_voltage_vrms", "got 0" } },
    { "{\"output_impedance_ohm\": 1, \"max_current_ma\": \"40\"}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "max_current_ma", "\"40\"" } },
    { "{\"output_impedance_ohm\": 1, \"balanced\": \"yes\"}", NULL,
      HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE, { "balanced", "\"yes\"" } },
    { "{\"output_impedance_ohm\": 1, \"max_current_ma\": -40}", "sources[0]",
      HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE, { "sources[0].max_current_ma", "-40" } },
  };

  assert_bad_cases (cases, G_N_ELEMENTS (cases), TRUE);
}

/* Loading a file puts its name first in every message, so that the CLI
 * can print it as it is. */
static void
test_bad_files (void)
{
  static const struct {
    const char *name;
    const char *needles[3];
  } cases[] = {
    { "no-such-file.json", { "no-such-file.json" } },
    { "bad-syntax.json", { "bad-syntax.json:3:29:", "Parse error" } },
    { "bad-empty.json", { "bad-empty.json: " } },
    { "bad-type.json", { "bad-type.json: nominal_impedance_ohm", "\"32\"" } },
    { "bad-re.json", { "bad-re.json: impedance.re_ohm", "-3" } },
    { "bad-tree.json", { "bad-tree.json: impedance.tree.series[1].C", "-1e-06" } },
    /* Latin-1, not UTF-8: refused before json-glib, with the place. */
    { "bad-utf8.json", { "bad-utf8.json:1:14: ", "not UTF-8" } },
  };
  const struct {
    GQuark domain;
    int    code;
  } errors[] = {
    { G_FILE_ERROR, G_FILE_ERROR_NOENT },
    /* Which code json-glib picks for a syntax error is its business. */
    { JSON_PARSER_ERROR, -1 },
    { HR_DB_ERROR, HR_DB_ERROR_EMPTY_DOCUMENT },
    { HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE },
    { HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE },
    { HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE },
    { HR_DB_ERROR, HR_DB_ERROR_NOT_JSON },
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (cases) == G_N_ELEMENTS (errors));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", cases[i].name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(HrHeadphone) headphone = hr_gear_json_load_headphone (path, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(no error)");
      g_assert_null (headphone);
      g_assert_nonnull (error);
      g_assert_cmpstr (g_quark_to_string (error->domain), ==, g_quark_to_string (errors[i].domain));
      if (errors[i].code >= 0)
        g_assert_error (error, errors[i].domain, errors[i].code);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].needles) && cases[i].needles[j] != NULL; j++)
        g_assert_nonnull (strstr (error->message, cases[i].needles[j]));
    }

  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "bad-source.json", NULL);
    g_autoptr(GError) error = NULL;
    HrSource source;

    g_assert_false (hr_gear_json_load_source (path, &source, NULL, &error));
    g_assert_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE);
    g_assert_nonnull (strstr (error->message, "bad-source.json: output_impedance_ohm"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gear-json/impedance/resistor", test_resistor);
  g_test_add_func ("/gear-json/impedance/thiele-small", test_thiele_small);
  g_test_add_func ("/gear-json/impedance/network", test_network);
  g_test_add_func ("/gear-json/impedance/points", test_points);
  g_test_add_func ("/gear-json/impedance/scale", test_scale);
  g_test_add_func ("/gear-json/headphone/sensitivity-units", test_sensitivity_units);
  g_test_add_func ("/gear-json/headphone/names", test_headphone_names);
  g_test_add_func ("/gear-json/source", test_source);
  g_test_add_func ("/gear-json/bad/headphones", test_bad_headphones);
  g_test_add_func ("/gear-json/bad/sources", test_bad_sources);
  g_test_add_func ("/gear-json/bad/files", test_bad_files);

  return g_test_run ();
}
