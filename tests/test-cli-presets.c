/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "test-run.h"
#include "test-user-data.h"

/* headroom-cli list, show and preset, and the preset ids of sweep and
 * check, run on the fixture presets in tests/data/presets/bundled with a
 * user file in a temporary XDG_DATA_HOME. */


/* @input: what the command reads on its standard input, or NULL */
static void
run_cli (Run               *run,
         const char        *input,
         const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (gpointer) g_getenv ("HR_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char *const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
  g_test_message ("%s → %d\n%s%s", args[0], run->status, run->out, run->err);
}

#define RUN(run, ...) run_cli ((run), NULL, (const char *const[]) { __VA_ARGS__, NULL })
#define RUN_WITH_INPUT(run, input, ...) run_cli ((run), (input), (const char *const[]) { __VA_ARGS__, NULL })

static void
assert_success (const Run *run)
{
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

static void
assert_failure (const Run  *run,
                int         status,
                const char *message)
{
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  if (message != NULL)
    g_assert_cmpstr (run->err, ==, message);
  else
    g_assert_true (g_str_has_prefix (run->err, "headroom-cli: "));
}

static void
test_list (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "list");
    assert_success (&run);
    g_assert_cmpstr (run.out, ==,
                     "Sources (2)\n"
                     "  iec-reference   IEC 61938 output (reference)\n"
                     "  test-interface  Testco Interface 2x2 (audio-interface)\n"
                     "Headphones (2)\n"
                     "  test-hp-300  Testco HP 300 (open-dynamic)\n"
                     "  test-planar  Testco Planar 32 (planar)\n");
  }
  {
    g_auto(Run) run = { 0 };

    /* Any case, over the type too. */
    RUN (&run, "list", "--kind", "headphone", "--search", "PLANAR");
    assert_success (&run);
    g_assert_cmpstr (run.out, ==, "Headphones (1)\n  test-planar  Testco Planar 32 (planar)\n");
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *sources;
    JsonObject *first;

    RUN (&run, "list", "--kind", "source", "--format", "json");
    assert_success (&run);
    root = json_from_string (run.out, NULL);
    g_assert_nonnull (root);
    g_assert_false (json_object_has_member (json_node_get_object (root), "headphones"));
    sources = json_object_get_array_member (json_node_get_object (root), "sources");
    g_assert_cmpuint (json_array_get_length (sources), ==, 2);
    first = json_array_get_object_element (sources, 1);
    g_assert_cmpstr (json_object_get_string_member (first, "id"), ==, "test-interface");
    g_assert_cmpstr (json_object_get_string_member (first, "category"), ==, "audio-interface");
    g_assert_cmpstr (json_object_get_string_member (first, "origin"), ==, "bundled");
    g_assert_false (json_object_get_boolean_member (first, "overrides_bundled"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "outputs")), ==, 2);
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "list", "--kind", "amp");
    assert_failure (&run, 2, "headroom-cli: --kind must be source or headphone, got “amp” "
                             "(see “headroom-cli list --help”)\n");
  }
}

static void
test_show (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "show", "test-interface");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "Testco Interface 2x2\n"));
    g_assert_nonnull (strstr (run.out, "Output “headphone”: Headphone out (headphone, unbalanced)\n"
                                       "  Output impedance:    10 Ω\n"
                                       "                         source: Testco manual, p. 12\n"));
    g_assert_nonnull (strstr (run.out, "  Max current:         unknown\n"));
    g_assert_nonnull (strstr (run.out, "  Max current:         20 mA\n"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "show", "test-planar");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "  Nominal impedance:   32 Ω\n"));
    g_assert_nonnull (strstr (run.out, "  Max input power:     unknown\n"));
    g_assert_nonnull (strstr (run.out, "  Frequency response:  unknown\n"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "show", "nothing");
    assert_failure (&run, 1, "headroom-cli: no preset has the id “nothing” (“headroom-cli list” lists them)\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "show");
    assert_failure (&run, 2, NULL);
  }
}

static void
test_sweep_check_ids (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "sweep", "--headphone", "test-planar", "--source", "test-interface",
         "--output", "LINE", "--points", "2");
    assert_success (&run);
    g_assert_true (g_str_has_prefix (run.out, "freq_hz,"));
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonObject *object;

    RUN (&run, "check", "--headphone", "test-hp-300", "--source", "test-interface", "--format", "json");
    assert_success (&run);
    root = json_from_string (run.out, NULL);
    object = json_node_get_object (root);
    g_assert_cmpstr (json_object_get_string_member (object, "headphone"), ==, "Testco HP 300");
    g_assert_cmpstr (json_object_get_string_member (object, "source"), ==, "Testco Interface 2x2, Headphone out");
    g_assert_cmpstr (json_object_get_string_member (object, "i_available_ma_state"), ==, "unknown");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "check", "--headphone", "test-planar", "--source", "test-interface", "--output", "spdif");
    assert_failure (&run, 1, "headroom-cli: the source “test-interface” has no output “spdif”; its "
                             "outputs are headphone (Headphone out), line (Line out)\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "sweep", "--headphone", "nothing");
    assert_failure (&run, 1, "headroom-cli: no headphone preset has the id “nothing” "
                             "(“headroom-cli list --kind headphone” lists them)\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "sweep", "--headphone", "test-planar", "--source", "nothing");
    assert_failure (&run, 1, "headroom-cli: no source preset has the id “nothing” "
                             "(“headroom-cli list --kind source” lists them)\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "sweep", "--headphone", "test-planar", "--output", "line");
    assert_failure (&run, 2, "headroom-cli: --output needs --source (see “headroom-cli sweep --help”)\n");
  }
  {
    /* --zout with a preset replaces its output impedance. */
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;

    RUN (&run, "check", "--headphone", "test-planar", "--source", "test-interface", "--zout", "3",
         "--format", "json");
    assert_success (&run);
    root = json_from_string (run.out, NULL);
    /* |3 Ω + 1/(j·2π·1 kHz·220 µF)|, the output's blocking capacitor kept. */
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (json_node_get_object (root), "zout_1k_ohm"),
                                    hypot (3.0, 1.0 / (2.0 * G_PI * 1000.0 * 220e-6)), 1e-8);
  }
}

/* A headphone preset of the user's own, as "preset add" takes it. */
static const char headphone[] =
  "{\"id\": \"my-iem\", \"name\": \"IEM\", \"manufacturer\": \"Me\", \"type\": \"ba-iem\","
  " \"nominal_impedance_ohm\": 16, \"sensitivity\": {\"value\": 110, \"unit\": \"dB/mW\"},"
  " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 16}}";

static void
test_user_presets (void)
{
  g_autofree char *path = user_file ();
  g_autofree char *input_path = g_build_filename (data_home, "input.json", NULL);

  remove_user_files ();
  g_assert_true (g_file_set_contents (input_path, headphone, -1, NULL));
  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("Added the headphone “my-iem” to %s.\n", path);

    RUN (&run, "preset", "add", "--kind", "headphone", input_path);
    assert_success (&run);
    g_assert_cmpstr (run.out, ==, expected);
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "list");
    assert_success (&run);
    g_assert_cmpstr (run.out, ==, "Sources (0)\nHeadphones (1)\n  my-iem  Me IEM (ba-iem)  [yours]\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "add", "--kind", "headphone", input_path);
    assert_failure (&run, 1, "headroom-cli: your presets already have a headphone “my-iem”; edit it instead\n");
  }
  {
    g_auto(Run) run = { 0 };

    /* From standard input, in place of a bundled one. */
    RUN_WITH_INPUT (&run, "{\"id\": \"iec-reference\", \"name\": \"Mine\", \"manufacturer\": \"Me\","
                          " \"category\": \"reference\", \"output_impedance_ohm\": 30}",
                    "preset", "edit", "--kind", "source", "-");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "It takes the place of the bundled preset with that id.\n"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "list", "--kind", "source");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "  iec-reference   Me Mine (reference)  [yours, in place of the bundled one]\n"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "sweep", "--headphone", "my-iem", "--source", "iec-reference", "--points", "2");
    assert_success (&run);
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "add", "--kind", "headphone", "-");
    assert_failure (&run, 1, "headroom-cli: standard input: the preset must be one object, got nothing\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "add", input_path);
    assert_failure (&run, 2, NULL);
  }
  {
    g_auto(Run) run = { 0 };
    g_autofree char *expected = g_strdup_printf ("Removed the headphone “my-iem” from %s.\n", path);

    RUN (&run, "preset", "remove", "my-iem");
    assert_success (&run);
    g_assert_cmpstr (run.out, ==, expected);
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "remove", "my-iem");
    assert_failure (&run, 1, "headroom-cli: your presets have no source “my-iem”\n");
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "remove", "test-planar");
    assert_failure (&run, 1, "headroom-cli: the headphone “test-planar” is a bundled preset; "
                             "only your own presets can be removed\n");
  }
}

/* A broken user file: warnings, and list still works. */
/* A typical design, not a product: marked where it is listed, and in
 * the JSON. */
static void
test_typical_design (void)
{
  g_autofree char *path = user_file ();
  g_autofree char *folder = g_path_get_dirname (path);

  remove_user_files ();
  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path,
                                      "{\"sources\": [{\"id\": \"op-amp-out\", \"name\": \"Op-amp line output\", "
                                      "\"manufacturer\": \"Typical design\", \"category\": \"mic-preamp\", \"generic\": true, "
                                      "\"outputs\": [{\"id\": \"line\", \"name\": \"Line out\", \"kind\": \"line\", "
                                      "\"output_impedance_ohm\": 100}]}]}", -1, NULL));
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "list", "--kind", "source", "--search", "op-amp");
    assert_success (&run);
    g_assert_cmpstr (run.out, ==, "Sources (1)\n"
                                  "  op-amp-out  Op-amp line output (mic-preamp)  [typical design, not a product]  [yours]\n");
  }
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) root = NULL;
    JsonArray *sources;

    RUN (&run, "list", "--kind", "source", "--search", "op-amp", "--format", "json");
    assert_success (&run);
    root = json_from_string (run.out, NULL);
    sources = json_object_get_array_member (json_node_get_object (root), "sources");
    g_assert_true (json_object_get_boolean_member (json_array_get_object_element (sources, 0), "generic"));
  }
  remove_user_files ();
}

static void
test_broken_user_file (void)
{
  g_autofree char *path = user_file ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_auto(Run) run = { 0 };
  g_autofree char *expected = NULL;

  remove_user_files ();
  g_mkdir_with_parents (folder, 0700);
  g_assert_true (g_file_set_contents (path, "{\"headphones\": [{\"id\": 5}]}", -1, NULL));

  RUN (&run, "list", "--kind", "source");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "Sources (2)\n"));
  expected = g_strdup_printf ("headroom-cli: warning: %s:1:24: headphones[0].id must be a string, got 5\n", path);
  /* Every problem, in the order of the file: the missing fields belong
   * at the object's brace, before the id's value. */
  g_assert_true (g_str_has_prefix (run.err, "headroom-cli: warning: "));
  g_assert_true (g_str_has_suffix (run.err, expected));
  {
    g_auto(GStrv) lines = g_strsplit (run.err, "\n", -1);

    /* Five missing fields (the sensitivity may be left out) and the
     * id: six lines, and the empty end. */
    g_assert_cmpuint (g_strv_length (lines), ==, 7);
  }
  remove_user_files ();
}

/* Text nested 100,000 deep: json-glib would recurse until the stack ran
 * out. As the preset to add and as the user's own file, it is refused
 * with one line that names the file, the place and the depth, and the
 * user's file is left as it was. */
static void
test_deep_files (void)
{
  g_autofree char *deep = g_strnfill (100000, '[');
  g_autofree char *deep_path = g_build_filename (data_home, "deep.json", NULL);
  g_autofree char *folder = g_build_filename (data_home, "headroom", NULL);
  g_autofree char *user_path = user_file ();
  g_autofree char *kept = NULL;

  g_assert_true (g_file_set_contents (deep_path, deep, -1, NULL));
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "add", "--kind", "headphone", deep_path);
    assert_failure (&run, 1, NULL);
    g_assert_nonnull (strstr (run.err, "deep.json:1:65: arrays and objects nest 100000 levels deep"));
    g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  }

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (user_path, deep, -1, NULL));
  {
    g_autofree char *input_path = g_build_filename (data_home, "input.json", NULL);
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (input_path, headphone, -1, NULL));
    RUN (&run, "preset", "add", "--kind", "headphone", input_path);
    assert_failure (&run, 1, NULL);
    g_assert_nonnull (strstr (run.err, "presets.json:1:65: arrays and objects nest 100000 levels deep"));
    g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
  }
  {
    /* Reading stops too, in one line: an answer without the user's gear
     * could be about other gear than they meant. */
    const char *const commands[][6] = {
      { "check", "--headphone", "test-planar", "--format", "json", NULL },
      { "list", NULL },
      { "preset", "list", NULL },
      { "rank", "--headphone", "test-planar", NULL },
    };

    for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
      {
        g_auto(Run) run = { 0 };

        run_cli (&run, NULL, commands[c]);
        assert_failure (&run, 1, NULL);
        g_assert_cmpstr (run.out, ==, "");
        g_assert_nonnull (strstr (run.err, "presets.json:1:65: arrays and objects nest 100000 levels deep"));
        g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
      }
  }
  g_assert_true (g_file_get_contents (user_path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, deep);
  g_clear_pointer (&kept, g_free);

  /* The same depth behind a single-quoted string that ends in a
   * backslash crashed every command: json-glib reads no escape in it. */
  {
    g_autoptr(GString) hidden = g_string_new ("{\"headphones\": ['\\', ");
    g_auto(Run) run = { 0 };

    g_string_append (hidden, deep);
    g_string_append (hidden, "'x']}");
    g_assert_true (g_file_set_contents (user_path, hidden->str, -1, NULL));
    RUN (&run, "list");
    assert_failure (&run, 1, NULL);
    g_assert_nonnull (strstr (run.err, "presets.json:1:17: a string in single quotes, which JSON does not have"));
    g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);
    g_assert_true (g_file_get_contents (user_path, &kept, NULL, NULL));
    g_assert_cmpstr (kept, ==, hidden->str);
  }
  remove_user_files ();
}

/* preset attach: the files people have, put into headphones. A bundled
 * preset's become the user's version; sweep then predicts the response
 * on the source. A file that does not read changes nothing. */
static void
test_attach (void)
{
  g_autofree char *response = g_test_build_filename (G_TEST_DIST, "data", "curves", "real", "Sennheiser HD 650.csv", NULL);
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "data", "bad-syntax.json", NULL);
  g_autofree char *path = user_file ();
  g_autofree char *before = NULL;

  remove_user_files ();
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "attach", "test-hp-300", "--response", response, "--note", "oratory1990, GRAS 43AG-7");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "test-hp-300"));
  }
  {
    g_auto(Run) run = { 0 };
    g_auto(GStrv) lines = NULL;

    RUN (&run, "sweep", "--headphone", "test-hp-300", "--zout", "120", "--points", "3");
    assert_success (&run);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_true (g_str_has_suffix (lines[0], ",zth_ohm,fr_db,fr_pred_db"));
    /* 20 kHz is beyond the file's 19955 Hz: empty, not extrapolated. */
    g_assert_true (g_str_has_suffix (lines[3], ",,"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "show", "test-hp-300", "--format", "json");
    assert_success (&run);
    g_assert_nonnull (strstr (run.out, "imported from Sennheiser HD 650.csv: oratory1990, GRAS 43AG-7"));
  }
  g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
  {
    g_auto(Run) run = { 0 };
    g_autofree char *after = NULL;

    RUN (&run, "preset", "attach", "test-hp-300", "--response", bad);
    assert_failure (&run, 1, NULL);
    g_assert_nonnull (strstr (run.err, "bad-syntax.json"));
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "attach", "no-such-phones", "--response", response);
    assert_failure (&run, 1, NULL);
    g_assert_nonnull (strstr (run.err, "no-such-phones"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "preset", "attach", "test-hp-300");
    assert_failure (&run, 2, NULL);
    g_assert_nonnull (strstr (run.err, "--response"));
  }
  remove_user_files ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *bundled = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  user_data_init ("headroom-cli-test-XXXXXX");
  bundled = g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
  /* Inherited by every headroom-cli this test starts, as XDG_DATA_HOME is. */
  g_setenv ("HEADROOM_PRESETS_DIR", bundled, TRUE);

  g_test_add_func ("/cli-presets/list", test_list);
  g_test_add_func ("/cli-presets/show", test_show);
  g_test_add_func ("/cli-presets/sweep-check-ids", test_sweep_check_ids);
  g_test_add_func ("/cli-presets/user-presets", test_user_presets);
  g_test_add_func ("/cli-presets/broken-user-file", test_broken_user_file);
  g_test_add_func ("/cli-presets/typical-design", test_typical_design);
  g_test_add_func ("/cli-presets/deep-files", test_deep_files);
  g_test_add_func ("/cli-presets/attach", test_attach);

  status = g_test_run ();

  user_data_clear ();
  return status;
}
