/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "test-cli-run.h"

/* headroom-cli explain: for the three cases the lesson is told with,
 * every figure of every step is the figure `check` gives for the same
 * configuration, and the text says it. */

typedef struct
{
  JsonNode   *explain_root;
  JsonNode   *check_root;
  JsonObject *check;
  JsonArray  *steps;
  JsonArray  *fixes;
} Case;

static void
case_clear (Case *c)
{
  g_clear_pointer (&c->explain_root, json_node_unref);
  g_clear_pointer (&c->check_root, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Case, case_clear)

static void
run_case (Case              *c,
          const char *const *configuration)
{
  g_auto(Run) explain = { 0 };
  g_auto(Run) check = { 0 };
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (args, (gpointer) "explain");
  for (guint i = 0; configuration[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) configuration[i]);
  g_ptr_array_add (args, (gpointer) "--format");
  g_ptr_array_add (args, (gpointer) "json");
  g_ptr_array_add (args, NULL);
  run_cli (&explain, (const char *const *) args->pdata);
  assert_success (&explain);
  c->explain_root = json_from_string (explain.out, &error);
  g_assert_no_error (error);
  c->steps = json_object_get_array_member (json_node_get_object (c->explain_root), "steps");
  c->fixes = json_object_get_array_member (json_node_get_object (c->explain_root), "fixes");

  args->pdata[0] = (gpointer) "check";
  run_cli (&check, (const char *const *) args->pdata);
  assert_success (&check);
  c->check_root = json_from_string (check.out, &error);
  g_assert_no_error (error);
  c->check = json_node_get_object (c->check_root);
}

static JsonObject *
step (Case       *c,
      const char *code)
{
  for (guint i = 0; i < json_array_get_length (c->steps); i++)
    {
      JsonObject *object = json_array_get_object_element (c->steps, i);

      if (g_str_equal (json_object_get_string_member (object, "code"), code))
        return object;
    }
  g_error ("no step “%s”", code);
}

static double
number (JsonObject *object,
        const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node) ? NAN : json_node_get_double (node);
}

/* @explain_key of step @code is check's @check_key. */
static void
assert_same (Case       *c,
             const char *code,
             const char *explain_key,
             const char *check_key)
{
  double mine = number (step (c, code), explain_key);
  double theirs = number (c->check, check_key);

  if (isnan (theirs))
    g_assert_true (isnan (mine));
  else
    g_assert_cmpfloat_with_epsilon (mine, theirs, 1e-9 * MAX (1.0, fabs (theirs)));
}

/* The text of step @code holds @text. */
static void
assert_says (Case       *c,
             const char *code,
             const char *text)
{
  const char *said = json_object_get_string_member (step (c, code), "text");

  if (strstr (said, text) == NULL)
    g_error ("“%s” does not say “%s”", said, text);
}

static void
assert_common (Case *c)
{
  assert_same (c, "output-design", "zout_ohm", "zout_1k_ohm");
  assert_same (c, "output-design", "z_nominal_ohm", "z_nominal_ohm");
  assert_same (c, "output-design", "damping_factor", "damping_factor");
  assert_same (c, "impedance-swing", "z_min_ohm", "z_min_ohm");
  assert_same (c, "impedance-swing", "z_max_ohm", "z_max_ohm");
  assert_same (c, "impedance-swing", "z_max_freq_hz", "z_max_freq_hz");
  assert_same (c, "impedance-swing", "dev_max_db", "dev_max_db");
  assert_same (c, "impedance-swing", "dev_min_db", "dev_min_db");
  assert_same (c, "impedance-swing", "span_db", "deviation_span_db");
  g_assert_cmpint (json_object_get_boolean_member (step (c, "output-design"), "eighth_rule_holds"),
                   ==, json_object_get_boolean_member (c->check, "eighth_rule_holds"));
  /* The divider's fraction is its voltage over the drive's, and its loss
   * that in dB. */
  {
    JsonObject *divider = step (c, "divider");

    g_assert_cmpfloat_with_epsilon (number (divider, "v_load_vrms"),
                                    number (divider, "voc_vrms") * number (divider, "fraction"), 1e-9);
    g_assert_cmpfloat_with_epsilon (number (divider, "loss_db"), 20.0 * log10 (number (divider, "fraction")), 1e-9);
  }
}

/* A mic preamp's op-amp line output, 100 Ω, into 32 Ω dynamic headphones:
 * the divider costs 13.7 dB, the resonance rises 7.6 dB, and the
 * op-amp's current runs out before its voltage. */
static void
test_preamp_into_32_ohm (void)
{
  g_auto(Case) c = { 0 };

  run_case (&c, (const char *const[]) { "--source", "typical-op-amp-line-output", "--headphone-file",
                                        "@hp-dynamic-32.json", "--spl", "95", NULL });
  assert_common (&c);
  assert_same (&c, "drive", "level_db_spl", "level_db_spl");
  assert_same (&c, "drive", "v_needed_vrms", "voc_vrms");
  assert_same (&c, "drive", "v_available_vrms", "voc_available_vrms");
  assert_same (&c, "drive", "i_needed_ma", "i_needed_ma");
  assert_same (&c, "drive", "i_available_ma", "i_available_ma");
  assert_same (&c, "drive", "headroom_db", "headroom_db");
  g_assert_cmpstr (json_object_get_string_member (step (&c, "output-design"), "kind"), ==, "line");
  g_assert_cmpfloat (number (step (&c, "output-design"), "designed_for_ohm"), ==, 10000.0);
  g_assert_false (json_object_get_boolean_member (step (&c, "output-design"), "eighth_rule_holds"));
  g_assert_cmpstr (json_object_get_string_member (step (&c, "drive"), "limit"), ==, "current");
  g_assert_cmpstr (json_object_get_string_member (step (&c, "impedance-swing"), "shape"), ==, "peak");
  /* The words carry the numbers, as people read them. */
  assert_says (&c, "divider", "100 Ω of output impedance");
  assert_says (&c, "divider", "-13.7 dB");
  assert_says (&c, "output-design", "the 10 kΩ or more of the next device's input");
  assert_says (&c, "output-design", "at most 4 Ω");
  assert_says (&c, "impedance-swing", "+7.56 dB at 80 Hz");
  assert_says (&c, "drive", "The current runs out first");
  {
    g_autofree char *headroom = g_strdup_printf ("%.1f dB of headroom", number (c.check, "headroom_db"));

    assert_says (&c, "drive", headroom);
  }
}

/* A phone into multi-armature IEMs: 3.1 Ω breaks the 1/8 rule of 21 Ω
 * IEMs whose impedance swings from 11 to 23 Ω, and the response moves
 * over a decibel; their sensitivity is not published, so the drive step
 * says it cannot tell. */
static void
test_phone_into_multi_ba (void)
{
  g_auto(Case) c = { 0 };

  run_case (&c, (const char *const[]) { "--source", "lg-google-nexus-5x", "--headphone", "ultimate-ears-ue-18-pro",
                                        "--vs", "0.2", NULL });
  assert_common (&c);
  g_assert_cmpstr (json_object_get_string_member (step (&c, "output-design"), "kind"), ==, "headphone");
  g_assert_false (json_object_get_boolean_member (step (&c, "drive"), "known"));
  g_assert_cmpfloat (number (c.check, "deviation_span_db"), >, 1.0);
  assert_says (&c, "impedance-swing", "from 11 Ω");
  assert_says (&c, "drive", "sensitivity is not known");
}

/* Asked for a level in dB SPL that the headphones' unknown sensitivity
 * cannot turn into a voltage, the divider is read at a reference drive,
 * and says so rather than pass it off as the level. Given a voltage, it
 * is the level, and says nothing of the kind. */
static void
test_reference_drive (void)
{
  g_auto(Case) reference = { 0 };
  g_auto(Case) given = { 0 };

  run_case (&reference, (const char *const[]) { "--source", "lg-google-nexus-5x", "--headphone",
                                                "ultimate-ears-ue-18-pro", "--spl", "90", NULL });
  g_assert_true (json_object_get_boolean_member (step (&reference, "divider"), "reference_drive"));
  assert_says (&reference, "divider", "reference drive, not the level");

  run_case (&given, (const char *const[]) { "--source", "lg-google-nexus-5x", "--headphone",
                                            "ultimate-ears-ue-18-pro", "--vs", "0.2", NULL });
  g_assert_false (json_object_get_boolean_member (step (&given, "divider"), "reference_drive"));
  g_assert_null (strstr (json_object_get_string_member (step (&given, "divider"), "text"), "reference"));
}

/* A headphone amp into 300 Ω: the divider costs nothing, the rule holds,
 * and nothing needs fixing. */
static void
test_amp_into_300_ohm (void)
{
  g_auto(Case) c = { 0 };

  run_case (&c, (const char *const[]) { "--source", "schiit-magni-2", "--headphone", "sennheiser-hd-650",
                                        "--spl", "100", NULL });
  assert_common (&c);
  assert_same (&c, "drive", "headroom_db", "headroom_db");
  g_assert_true (json_object_get_boolean_member (step (&c, "output-design"), "eighth_rule_holds"));
  g_assert_cmpstr (json_object_get_string_member (c.check, "verdict"), ==, "drives-well");
  g_assert_cmpuint (json_array_get_length (c.fixes), ==, 0);
  assert_says (&c, "output-design", "so the rule holds");
  assert_says (&c, "impedance-swing", "less than 0.01 dB");
}

/* A line out that breaks the rule: its headphone output, a better
 * source and an adapter, each better than it, each with its figures. */
static void
test_fixes (void)
{
  g_auto(Case) c = { 0 };
  gboolean adapter = FALSE;

  run_case (&c, (const char *const[]) { "--source", "rme-fireface-800", "--output", "line", "--headphone",
                                        "sennheiser-hd-650", "--spl", "95", NULL });
  g_assert_cmpuint (json_array_get_length (c.fixes), >=, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (c.fixes, 0), "code"),
                   ==, "other-output");
  for (guint i = 0; i < json_array_get_length (c.fixes); i++)
    {
      JsonObject *fix = json_array_get_object_element (c.fixes, i);

      /* Each does better than the 0.61 dB of the line out. */
      g_assert_cmpfloat (number (fix, "deviation_span_db"), <, number (c.check, "deviation_span_db"));
      if (g_str_equal (json_object_get_string_member (fix, "code"), "adapter"))
        {
          /* 75 Ω across: 75 ∥ 75 = 37.5 Ω, the 1/8 limit of 300 Ω. */
          g_assert_cmpfloat (number (fix, "shunt_ohm"), ==, 75.0);
          g_assert_cmpfloat_with_epsilon (number (fix, "zout_seen_ohm"), 37.5, 1e-6);
          adapter = TRUE;
        }
    }
  g_assert_true (adapter);
}

static void
test_errors (void)
{
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "explain", "--headphone", "sennheiser-hd-650", "--freq", "5");
    assert_one_line_error (&run, 1, (const char *const[]) { "--freq", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "explain", "--headphone", "sennheiser-hd-650", "--format", "html");
    assert_one_line_error (&run, 2, (const char *const[]) { "--format", "html", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "explain", "--headphone", "sennheiser-hd-650", "--zout", "10", "--format", "markdown");
    assert_success (&run);
    g_assert_true (g_str_has_prefix (run.out, "# Why: "));
    g_assert_nonnull (strstr (run.out, "\n## 1. A voltage divider\n"));
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-explain/preamp-into-32-ohm", test_preamp_into_32_ohm);
  g_test_add_func ("/cli-explain/phone-into-multi-ba", test_phone_into_multi_ba);
  g_test_add_func ("/cli-explain/reference-drive", test_reference_drive);
  g_test_add_func ("/cli-explain/amp-into-300-ohm", test_amp_into_300_ohm);
  g_test_add_func ("/cli-explain/fixes", test_fixes);
  g_test_add_func ("/cli-explain/errors", test_errors);

  return g_test_run ();
}
