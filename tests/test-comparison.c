/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-comparison.h"
#include "hr-db-error.h"
#include "hr-json-locate.h"

/* The `.headroom` file: what is written comes back the same, the user's
 * own gear travels inline and computes the same curves on a machine that
 * has not got it, and every broken or hostile file is refused with one
 * line naming the file, the place and the value. */

static char *bundled_dir;
static char *tmp_dir;

/* Headphones of the user's own, which the bundled presets have not got. */
static const char user_presets[] =
  "{\"schema_version\": 1, \"headphones\": [{"
  "  \"id\": \"my-iem\", \"name\": \"My IEM\", \"manufacturer\": \"Me\", \"type\": \"ba-iem\","
  "  \"nominal_impedance_ohm\": {\"value\": 16, \"source\": \"my meter\"},"
  "  \"sensitivity\": {\"value\": 110, \"unit\": \"dB/V\", \"source\": \"my coupler\"},"
  "  \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 16, \"source\": \"my meter\"}"
  "}]}";

static HrPresetDb *
user_db (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "presets.json", NULL);

  g_assert_true (g_file_set_contents (path, user_presets, -1, NULL));
  return hr_preset_db_new (bundled_dir, path);
}

static HrPresetDb *
bare_db (void)
{
  return hr_preset_db_new (bundled_dir, "/nonexistent/presets.json");
}

static HrComparison *
sample_comparison (void)
{
  g_autoptr(HrScenario) live = hr_scenario_new ();
  g_autoptr(HrScenario) mine = NULL;
  g_autoptr(HrScenario) ideal = hr_scenario_new ();
  g_autoptr(GError) error = NULL;
  HrComparison *comparison;

  hr_scenario_set_source_preset (live, "test-interface", "line");
  hr_scenario_set_headphone_preset (live, "test-hp-300");
  hr_scenario_set_level_db_spl (live, 95.0);
  hr_scenario_set_cable_ohm (live, 0.5);
  comparison = hr_comparison_new (live);
  hr_comparison_set_chart_view (comparison, "spl");

  mine = hr_scenario_copy (live);
  hr_scenario_set_headphone_preset (mine, "my-iem");
  hr_scenario_set_zout_ohm (mine, 10.0);
  g_assert_true (hr_comparison_add_pin (comparison, "Mine on the line out", FALSE, mine, &error));
  g_assert_no_error (error);

  hr_scenario_set_headphone_preset (ideal, "test-planar");
  hr_scenario_set_zout_ohm (ideal, 0.0);
  g_assert_true (hr_comparison_add_pin (comparison, "Planar, ideal « source »", TRUE, ideal, &error));
  g_assert_no_error (error);
  return comparison;
}

static HrSummary *
compute (HrScenario *scenario,
         HrPresetDb *db)
{
  g_autoptr(HrSweep) sweep = hr_sweep_new_log (20.0, 20000.0, 50, NULL);
  g_autoptr(GError) error = NULL;
  HrSummary *summary = hr_scenario_compute (scenario, db, sweep, NULL, &error);

  g_assert_no_error (error);
  return summary;
}

static void
test_round_trip (void)
{
  g_autoptr(HrPresetDb) mine = user_db ();
  g_autoptr(HrPresetDb) theirs = bare_db ();
  g_autoptr(HrComparison) comparison = sample_comparison ();
  g_autoptr(HrComparison) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "shootout.headroom", NULL);
  g_autofree char *text = NULL;
  g_autofree char *text_again = NULL;
  const char *name = NULL;
  gboolean visible = TRUE;

  text = hr_comparison_to_string (comparison, mine, &error);
  g_assert_no_error (error);
  /* Only the user's own headphones travel with their figures. */
  g_assert_nonnull (strstr (text, "\"format\": \"headroom-comparison\""));
  g_assert_nonnull (strstr (text, "\"my-iem\""));
  g_assert_nonnull (strstr (text, "\"my coupler\""));
  g_assert_null (strstr (text, "Testco spec sheet"));

  g_assert_true (hr_comparison_save (comparison, mine, path, &error));
  g_assert_no_error (error);
  again = hr_comparison_load (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hr_comparison_get_chart_view (again), ==, "spl");
  g_assert_cmpuint (hr_comparison_get_n_pins (again), ==, 2);
  hr_comparison_get_pin (again, 0, &name, &visible);
  g_assert_cmpstr (name, ==, "Mine on the line out");
  g_assert_false (visible);
  hr_comparison_get_pin (again, 1, &name, &visible);
  g_assert_cmpstr (name, ==, "Planar, ideal « source »");
  g_assert_true (visible);
  /* Written again, the same text. */
  text_again = hr_comparison_to_string (again, theirs, &error);
  g_assert_cmpstr (text_again, ==, text);

  /* On a machine without the user's presets, each configuration computes
   * what it did on the user's. */
  {
    g_autoptr(HrSummary) here = compute (hr_comparison_get_scenario (comparison), mine);
    g_autoptr(HrSummary) there = compute (hr_comparison_get_scenario (again), theirs);

    g_assert_cmpfloat (there->level_db_spl, ==, here->level_db_spl);
    g_assert_cmpfloat (there->deviation_span_db, ==, here->deviation_span_db);
  }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(HrSummary) here = compute (hr_comparison_get_pin (comparison, i, NULL, NULL), mine);
      g_autoptr(HrSummary) there = compute (hr_comparison_get_pin (again, i, NULL, NULL), theirs);

      g_assert_cmpfloat (there->z_1k_ohm, ==, here->z_1k_ohm);
      g_assert_cmpfloat (there->voc_vrms, ==, here->voc_vrms);
    }
  g_assert_cmpint (g_unlink (path), ==, 0);
}

/* A file that cannot be written leaves what was there. */
static void
test_save_fails_whole (void)
{
  g_autoptr(HrPresetDb) db = bare_db ();
  g_autoptr(HrComparison) comparison = sample_comparison ();
  g_autoptr(GError) error = NULL;
  g_autofree char *nowhere = g_build_filename (tmp_dir, "no-such-dir", "x.headroom", NULL);

  g_assert_false (hr_comparison_save (comparison, db, nowhere, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
}

static void
assert_refused (const char *text,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrComparison) comparison = hr_comparison_new_from_data (text, strlen (text), "x.headroom", &error);

  g_assert_null (comparison);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "x.headroom:"));
  g_assert_null (strchr (error->message, '\n'));
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
}

#define HEAD "{\"format\": \"headroom-comparison\", \"version\": 1, "
#define LIVE "\"configuration\": {\"headphone\": {\"preset\": \"test-hp-300\"}}"

static void
test_refused (void)
{
  g_autoptr(GString) pins = g_string_new (HEAD LIVE ", \"pins\": [");
  g_autoptr(GString) deep = g_string_new (HEAD "\"configuration\": ");

  assert_refused ("", "");
  assert_refused ("{\"format\": \"headroom-comparison\", \"version\": 1, \"configuration\": {",
                  "x.headroom:1:");
  assert_refused ("[1, 2]", "must be an object");
  assert_refused ("{\"format\": \"headroom-preset\", \"version\": 1}", "not a Headroom comparison");
  assert_refused ("{\"format\": \"headroom-comparison\", \"version\": 2, " LIVE "}",
                  "version 2 was written by a newer Headroom");
  assert_refused ("{\"format\": \"headroom-comparison\", \"version\": 1.5, " LIVE "}", "got 1.5");
  assert_refused ("{\"format\": \"headroom-comparison\", \"version\": \"1\", " LIVE "}", "version");
  assert_refused (HEAD "\"pins\": []}", "configuration");
  assert_refused (HEAD "\"configuration\": {\"cable_ohm\": -1}}", "configuration.cable_ohm");
  assert_refused (HEAD LIVE ", \"pins\": {}}", "pins");
  assert_refused (HEAD LIVE ", \"pins\": [{\"configuration\": {}}]}", "pins[0]");
  assert_refused (HEAD LIVE ", \"pins\": [{\"name\": \"\", \"configuration\": {}}]}", "pins[0].name");
  assert_refused (HEAD LIVE ", \"pins\": [{\"name\": \"a\\nb\", \"configuration\": {}}]}",
                  "pins[0].name holds a control character (U+000A)");
  assert_refused (HEAD LIVE ", \"pins\": [{\"name\": \"a\", \"visible\": 1, \"configuration\": {}}]}",
                  "pins[0].visible");
  assert_refused (HEAD LIVE ", \"pins\": [{\"name\": \"a\", \"configuration\": {\"zout_ohm\": \"ten\"}}]}",
                  "pins[0].configuration.zout_ohm");
  assert_refused (HEAD LIVE ", \"pins\": [{\"name\": \"a\", \"configuration\": "
                  "{\"headphone\": {\"preset\": \"x\", \"inline\": {\"id\": \"x\"}}}}]}",
                  "pins[0].configuration.headphone.inline");

  /* One pin more than the chart has colours for. */
  for (guint i = 0; i <= HR_COMPARISON_MAX_PINS; i++)
    g_string_append_printf (pins, "%s{\"name\": \"p%u\", \"configuration\": {}}", i > 0 ? ", " : "", i);
  g_string_append (pins, "]}");
  assert_refused (pins->str, "at most 7");

  /* Nested deeper than any reader recurses. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  assert_refused (deep->str, "x.headroom:1:129: arrays and objects nest 100001 levels deep");
  /* The same behind a single-quoted string ending in a backslash, which
   * json-glib takes with no escapes and a reader that took escapes in it
   * would read past every bracket to the next quote. */
  g_string_truncate (deep, 0);
  g_string_append (deep, HEAD "\"configuration\": ['\\', ");
  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  g_string_append (deep, "'x'");
  assert_refused (deep->str, "x.headroom:1:67: a string in single quotes, which JSON does not have");
}

/* A file too large to be a comparison is refused before it is read. */
static void
test_too_large (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "huge.headroom", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(HrComparison) comparison = NULL;
  FILE *file = g_fopen (path, "wb");

  g_assert_nonnull (file);
  /* Sparse: a size, not megabytes written. */
  g_assert_cmpint (fseek (file, HR_COMPARISON_MAX_BYTES, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', file), ==, '}');
  fclose (file);
  comparison = hr_comparison_load (path, NULL, &error);
  g_assert_null (comparison);
  g_assert_nonnull (strstr (error->message, "huge.headroom: 16777217 bytes is too large"));
  g_assert_cmpint (g_unlink (path), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  bundled_dir = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  tmp_dir = g_dir_make_tmp ("headroom-comparison-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/comparison/round-trip", test_round_trip);
  g_test_add_func ("/comparison/save-fails-whole", test_save_fails_whole);
  g_test_add_func ("/comparison/refused", test_refused);
  g_test_add_func ("/comparison/too-large", test_too_large);

  status = g_test_run ();

  {
    g_autofree char *user = g_build_filename (tmp_dir, "presets.json", NULL);

    g_unlink (user);
    g_rmdir (tmp_dir);
  }
  g_free (bundled_dir);
  g_free (tmp_dir);
  return status;
}
