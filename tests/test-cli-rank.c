/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>

#include "test-cli-run.h"

/* headroom-cli rank: every candidate once, in the documented order, and
 * each the same as `check` says of that pair. */

static const char *const rank_only_keys[] = {
  "source_id", "output_id", "headphone_id", "rank", "missing", "score_db",
};

static JsonArray *
rank_json (JsonNode          **root,
           const char *const  *args)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;

  run_cli (&run, args);
  assert_success (&run);
  *root = json_from_string (run.out, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*root));
  return json_node_get_array (*root);
}

/* The number of outputs (or headphones) the presets hold, from list. */
static guint
count_candidates (const char *kind)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) root = NULL;
  JsonArray *presets;
  guint n = 0;

  RUN (&run, "list", "--kind", kind, "--format", "json");
  assert_success (&run);
  root = json_from_string (run.out, NULL);
  presets = json_object_get_array_member (json_node_get_object (root),
                                          g_str_equal (kind, "source") ? "sources" : "headphones");
  for (guint i = 0; i < json_array_get_length (presets); i++)
    {
      JsonObject *preset = json_array_get_object_element (presets, i);

      n += json_object_has_member (preset, "outputs")
           ? json_array_get_length (json_object_get_array_member (preset, "outputs")) : 1;
    }
  return n;
}

/* @element against `check --format json` of its pair: every key of
 * check's, with the same value, and nothing else but rank's own. */
static void
assert_agrees_with_check (JsonObject        *element,
                          const char *const *pair_args)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) check_root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *check;

  run_cli (&run, pair_args);
  if (json_object_has_member (element, "error"))
    {
      /* check stops with the same message. */
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, json_object_get_string_member (element, "error")));
      return;
    }
  assert_success (&run);
  check_root = json_from_string (run.out, NULL);
  check = json_node_get_object (check_root);
  members = json_object_get_members (check);
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *mine = json_object_get_member (element, l->data);

      if (mine == NULL || !json_node_equal (mine, json_object_get_member (check, l->data)))
        g_error ("rank and check disagree on “%s”", (const char *) l->data);
    }
  {
    guint n_own = 0;

    for (guint k = 0; k < G_N_ELEMENTS (rank_only_keys); k++)
      n_own += json_object_has_member (element, rank_only_keys[k]);
    g_assert_cmpuint (json_object_get_size (element), ==, json_object_get_size (check) + n_own);
  }
}

static void
test_sources_agree_with_check (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entries = rank_json (&root, (const char *const[]) {
    "rank", "--headphone", "sennheiser-hd-650", "--spl", "100", "--cable", "0.5", "--format", "json", NULL });
  g_autoptr(GRand) rand = g_rand_new_with_seed (650);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint last_rank = 0;
  gboolean can_tell = TRUE;

  /* Every output once. */
  g_assert_cmpuint (json_array_get_length (entries), ==, count_candidates ("source"));
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *element = json_array_get_object_element (entries, i);
      char *key = g_strdup_printf ("%s/%s", json_object_get_string_member (element, "source_id"),
                                   json_object_get_string_member (element, "output_id"));

      g_assert_false (g_hash_table_contains (seen, key));
      g_hash_table_add (seen, key);
      /* Ranks count up from 1; the "can't tell" come after, each saying
       * what it lacks. */
      if (!json_object_get_null_member (element, "rank"))
        {
          g_assert_true (can_tell);
          g_assert_cmpint (json_object_get_int_member (element, "rank"), ==, ++last_rank);
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (element, "missing")), ==, 0);
        }
      else
        {
          can_tell = FALSE;
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (element, "missing")), >, 0);
        }
    }
  g_assert_cmpuint (last_rank, >, 5);

  /* Twenty pairs drawn at random, each as check says it. */
  for (guint n = 0; n < 20; n++)
    {
      JsonObject *element = json_array_get_object_element (entries,
                                                           g_rand_int_range (rand, 0, json_array_get_length (entries)));

      assert_agrees_with_check (element, (const char *const[]) {
        "check", "--headphone", "sennheiser-hd-650",
        "--source", json_object_get_string_member (element, "source_id"),
        "--output", json_object_get_string_member (element, "output_id"),
        "--spl", "100", "--cable", "0.5", "--format", "json", NULL });
    }
}

/* The documented order: verdicts first, then the score, best first. */
static void
test_order (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entries = rank_json (&root, (const char *const[]) {
    "rank", "--headphone", "akg-k701", "--spl", "105", "--format", "json", NULL });
  const char *const verdicts[] = { "drives-well", "caveats", "cannot-drive" };
  int last_verdict = 0;
  double last_score = INFINITY;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *element = json_array_get_object_element (entries, i);
      int verdict = 0;
      double score;
      double headroom;

      if (json_object_get_null_member (element, "rank"))
        break;
      while (!g_str_equal (verdicts[verdict], json_object_get_string_member (element, "verdict")))
        verdict++;
      g_assert_cmpint (verdict, >=, last_verdict);
      if (verdict != last_verdict)
        last_score = INFINITY;
      last_verdict = verdict;
      score = json_object_get_double_member (element, "score_db");
      g_assert_cmpfloat (score, <=, last_score);
      last_score = score;
      /* The score is the README's: min(headroom − crest, 20) − 10 × change − hiss above 0. */
      headroom = json_object_get_null_member (element, "headroom_db") ? INFINITY
                 : json_object_get_double_member (element, "headroom_db");
      g_assert_cmpfloat_with_epsilon (score,
                                      MIN (headroom - 12.0, 20.0)
                                      - 10.0 * json_object_get_double_member (element, "deviation_span_db")
                                      - (json_object_get_null_member (element, "hiss_spl_db") ? 0.0
                                         : MAX (json_object_get_double_member (element, "hiss_spl_db"), 0.0)),
                                      1e-6);
    }
  g_assert_cmpint (last_verdict, >, 0);
}

static void
test_headphones_for_an_output (void)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *entries = rank_json (&root, (const char *const[]) {
    "rank", "--source", "rme-fireface-800", "--output", "line", "--format", "json", NULL });
  g_autoptr(JsonNode) planars_root = NULL;
  JsonArray *planars;

  g_assert_cmpuint (json_array_get_length (entries), ==, count_candidates ("headphone"));
  for (guint i = 0; i < 5; i++)
    {
      JsonObject *element = json_array_get_object_element (entries, i * 7 % json_array_get_length (entries));

      assert_agrees_with_check (element, (const char *const[]) {
        "check", "--headphone", json_object_get_string_member (element, "headphone_id"),
        "--source", "rme-fireface-800", "--output", "line", "--format", "json", NULL });
    }

  planars = rank_json (&planars_root, (const char *const[]) {
    "rank", "--source", "rme-fireface-800", "--output", "line", "--category", "planar", "--format", "json", NULL });
  g_assert_cmpuint (json_array_get_length (planars), >, 0);
  g_assert_cmpuint (json_array_get_length (planars), <, json_array_get_length (entries));
  /* Each of them a planar, as list says. */
  {
    g_auto(Run) run = { 0 };
    g_autoptr(JsonNode) list_root = NULL;
    g_autoptr(GHashTable) types = g_hash_table_new (g_str_hash, g_str_equal);
    JsonArray *headphones;

    RUN (&run, "list", "--kind", "headphone", "--format", "json");
    assert_success (&run);
    list_root = json_from_string (run.out, NULL);
    headphones = json_object_get_array_member (json_node_get_object (list_root), "headphones");
    for (guint i = 0; i < json_array_get_length (headphones); i++)
      {
        JsonObject *headphone = json_array_get_object_element (headphones, i);

        g_hash_table_insert (types, (gpointer) json_object_get_string_member (headphone, "id"),
                             (gpointer) json_object_get_string_member (headphone, "type"));
      }
    for (guint i = 0; i < json_array_get_length (planars); i++)
      g_assert_cmpstr (g_hash_table_lookup (types, json_object_get_string_member (
                         json_array_get_object_element (planars, i), "headphone_id")), ==, "planar");
  }
}

static void
test_text_and_errors (void)
{
  {
    g_auto(Run) run = { 0 };
    g_auto(GStrv) lines = NULL;

    RUN (&run, "rank", "--headphone", "sennheiser-hd-650", "--limit", "3");
    assert_success (&run);
    lines = g_strsplit (run.out, "\n", -1);
    g_assert_true (g_str_has_prefix (lines[0], "#"));
    g_assert_true (g_str_has_prefix (lines[1], "1 "));
    g_assert_true (g_str_has_prefix (lines[3], "3 "));
    g_assert_cmpstr (lines[4], ==, "");
    g_assert_nonnull (strstr (run.out, "Can’t tell (figures missing):"));
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "rank", "--headphone", "sennheiser-hd-650", "--source", "rme-fireface-800");
    assert_one_line_error (&run, 2, (const char *const[]) { "--headphone", "--source", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "rank", "--headphone", "no-such-phones");
    assert_one_line_error (&run, 1, (const char *const[]) { "no-such-phones", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "rank", "--headphone", "akg-k701", "--category", "toaster");
    assert_one_line_error (&run, 2, (const char *const[]) { "--category", "toaster", NULL });
  }
  {
    g_auto(Run) run = { 0 };

    RUN (&run, "rank", "--headphone", "akg-k701", "--limit", "0");
    assert_one_line_error (&run, 2, (const char *const[]) { "--limit", NULL });
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-rank/sources-agree-with-check", test_sources_agree_with_check);
  g_test_add_func ("/cli-rank/order", test_order);
  g_test_add_func ("/cli-rank/headphones-for-an-output", test_headphones_for_an_output);
  g_test_add_func ("/cli-rank/text-and-errors", test_text_and_errors);

  return g_test_run ();
}
