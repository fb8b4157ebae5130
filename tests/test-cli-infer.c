/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

/* The shared helpers include some this program does not call. */
#pragma GCC diagnostic ignored "-Wunused-function"
#include "test-cli-run.h"

/* `headroom-cli infer` as scripts see it. */

static void
test_help (void)
{
  g_auto(Run) run = { 0 };


  RUN (&run, "infer", "--help");
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "headroom-cli infer"));
  g_assert_nonnull (strstr (run.out, "--zout"));
  g_assert_nonnull (strstr (run.out, "--format"));
  g_assert_nonnull (strstr (run.out, "1000mW@32"));
}

/* The O2's published figures (JDS Labs, "PSA: Element is Not an O2"),
 * written the three ways the command accepts. */
static void
test_text (void)
{
  g_auto(Run) run = { 0 };


  RUN (&run, "infer", "613mW@32", "0.088W@600ohm");
  assert_success (&run);
  g_assert_nonnull (strstr (run.out, "7.27 Vrms"));
  g_assert_nonnull (strstr (run.out, "138 mA"));
  g_assert_nonnull (strstr (run.out, "current-bound"));
  g_assert_nonnull (strstr (run.out, "voltage-bound"));
  g_assert_nonnull (strstr (run.out, "Output impedance:      unknown"));
}

static void
test_json (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonArray *pairs;


  RUN (&run, "infer", "--format", "json", "--zout", "0.54", "613 mw @ 32", "88mW@600");
  assert_success (&run);
  object = parse_json_object (run.out, &root);
  assert_close (json_object_get_double_member (object, "voc_vrms"),
                sqrt (0.088 * 600.0) * 600.54 / 600.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (object, "zout_ohm_state"), ==, "given");
  g_assert_cmpstr (json_object_get_string_member (object, "imax_ma_state"), ==, "known");
  pairs = json_object_get_array_member (object, "pairs");
  g_assert_cmpuint (json_array_get_length (pairs), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pairs, 0), "limit"),
                   ==, "current");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (pairs, 1), "limit"),
                   ==, "voltage");

  run_clear (&run);
  g_clear_pointer (&root, json_node_unref);
  /* 2 Vrms behind 10 Ω, no current limit, to four digits. */
  RUN (&run, "infer", "--format", "json", "72.56mW@32", "12.49mW@300", "6.450mW@600");
  assert_success (&run);
  object = parse_json_object (run.out, &root);
  g_assert_true (json_object_get_null_member (object, "imax_ma"));
  g_assert_cmpstr (json_object_get_string_member (object, "imax_ma_state"), ==, "unknown");
}

static void
test_errors (void)
{

  {
    g_auto(Run) run = { 0 };

    RUN (&run, "infer", "1000mW@32");
    assert_one_line_error (&run, 2, (const char *const[]) { "two or more", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "infer", "1000@32", "10mW@300");
    assert_one_line_error (&run, 2, (const char *const[]) { "“1000@32”", "mW or W", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "infer", "abc", "10mW@300");
    assert_one_line_error (&run, 2, (const char *const[]) { "“abc”", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "infer", "0mW@32", "10mW@300");
    assert_one_line_error (&run, 1, (const char *const[]) { "0mW@32", "pairs[0].power_mw", "got 0", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "infer", "--format", "xml", "10mW@32", "10mW@300");
    assert_one_line_error (&run, 2, (const char *const[]) { "--format", "xml", NULL });
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-infer/help", test_help);
  g_test_add_func ("/cli-infer/text", test_text);
  g_test_add_func ("/cli-infer/json", test_json);
  g_test_add_func ("/cli-infer/errors", test_errors);

  return g_test_run ();
}
