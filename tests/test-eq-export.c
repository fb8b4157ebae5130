/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hr-eq-export.h"
#include "test-eq-fixtures.h"

/* The EQ files Headroom writes, read back the way their programs read
 * them. The APO reader below follows Equalizer APO's own code
 * (FilterEngine.cpp, BiQuadFilterFactory.cpp, PreampFilterFactory.cpp,
 * GraphicEQFilterFactory.cpp; FORMATS.md §4) rule for rule, and reads the
 * real files in tests/data/eq as APO would, before it reads ours. */

/* ---- An Equalizer APO reader ------------------------------------------ */

typedef struct
{
  char     type[8];     /* as written: "PK", "LSC", "LS", … */
  double   freq_hz;
  double   gain_db;     /* 0 where the type ignores it */
  double   q_or_s;      /* a Q, or a slope S, or a bandwidth in octaves */
  gboolean is_bw_or_s;
  gboolean is_corner;   /* APO shifts Fc: a corner, not a centre frequency */
} ApoFilter;

typedef struct
{
  double  preamp_db;    /* the sum of every Preamp line, as APO applies them */
  guint   n_preamps;
  GArray *filters;      /* ApoFilter */
  GArray *graphic;      /* double pairs: frequency, gain */
  guint   n_graphic_lines;
} ApoConfig;

static void
apo_config_free (ApoConfig *config)
{
  g_array_unref (config->filters);
  g_array_unref (config->graphic);
  g_free (config);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ApoConfig, apo_config_free)

/* BiQuadFilterFactory::getFreq(): a dot three places from the end of a
 * long enough number without an exponent is a thousands separator. */
static double
apo_freq (const char *text)
{
  g_autoptr(GString) s = g_string_new (text);
  double value;
  char *end;

  g_string_replace (s, "\302\240", "", 0);
  value = g_ascii_strtod (s->str, &end);
  if (end == s->str)
    return -1.0;
  if (s->len >= 5 && strpbrk (s->str, "eE") == NULL && s->str[s->len - 4] == '.')
    value *= 1000.0;
  return value;
}

static gboolean
apo_search (const char  *pattern,
            const char  *text,
            char       **group)
{
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  g_assert_nonnull (regex);
  if (!g_regex_match (regex, text, 0, &match))
    return FALSE;
  *group = g_match_info_fetch (match, 1);
  return TRUE;
}

/* One "Filter…:" line's parameters, or FALSE where APO adds no filter. */
static gboolean
apo_parse_filter (const char *parameters,
                  ApoFilter  *filter)
{
  static const char *const types[] = {
    "PK", "PEQ", "Modal", "LP", "HP", "LPQ", "HPQ", "BP", "LS", "HS", "LSC", "HSC", "NO", "AP",
  };
  g_autofree char *params = g_strdelimit (g_strdup (parameters), ",", '.');
  g_autoptr(GRegex) type_regex = g_regex_new ("^\\s*ON\\s+([A-Za-z]+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *type = NULL, *text = NULL;
  const char *rest;
  gboolean peaking, shelf, pass, known = FALSE;
  int end;

  memset (filter, 0, sizeof *filter);
  if (!g_regex_match (type_regex, params, 0, &match))
    return FALSE;
  type = g_match_info_fetch (match, 1);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    known = known || g_str_equal (type, types[i]);
  /* "None" is ignored quietly, any other unknown type with a log line. */
  if (!known)
    return FALSE;
  g_match_info_fetch_pos (match, 0, NULL, &end);
  rest = params + end;
  g_strlcpy (filter->type, type, sizeof filter->type);
  peaking = g_str_equal (type, "PK") || g_str_equal (type, "PEQ") || g_str_equal (type, "Modal");
  shelf = g_str_has_prefix (type, "LS") || g_str_has_prefix (type, "HS");
  pass = g_str_has_prefix (type, "LP") || g_str_has_prefix (type, "HP") || g_str_equal (type, "BP");

  if (!apo_search ("\\s+Fc\\s*([-+0-9.eE\\x{00A0}]+)\\s*H\\s*z", rest, &text))
    return FALSE;
  filter->freq_hz = apo_freq (text);
  g_clear_pointer (&text, g_free);

  if (apo_search ("\\s+Gain\\s*([-+0-9.eE]+)\\s*dB", rest, &text))
    {
      if (peaking || shelf || g_str_equal (type, "BP"))
        filter->gain_db = g_ascii_strtod (text, NULL);
      g_clear_pointer (&text, g_free);
    }
  else if (peaking || shelf)
    return FALSE;

  if (apo_search ("\\s+Q\\s*([-+0-9.eE]+)", rest, &text))
    filter->q_or_s = g_ascii_strtod (text, NULL);
  g_clear_pointer (&text, g_free);
  if (!shelf && apo_search ("\\s+BW\\s+Oct\\s*([-+0-9.eE]+)", rest, &text))
    {
      filter->q_or_s = g_ascii_strtod (text, NULL);
      filter->is_bw_or_s = TRUE;
    }
  g_clear_pointer (&text, g_free);
  if (shelf && apo_search ("^\\s*([-+0-9.eE]+)\\s*dB", rest, &text))
    {
      filter->q_or_s = g_ascii_strtod (text, NULL);
      filter->is_bw_or_s = TRUE;
    }
  g_clear_pointer (&text, g_free);

  if (filter->q_or_s == 0.0)
    {
      if (peaking || g_str_equal (type, "AP"))
        return FALSE;
      else if (pass)
        filter->q_or_s = G_SQRT2 / 2;
      else if (shelf)
        {
          filter->q_or_s = 0.9;
          filter->is_bw_or_s = TRUE;
        }
      else
        filter->q_or_s = 30.0;
    }
  else if (shelf)
    {
      if (filter->is_bw_or_s)
        filter->q_or_s /= 12.0;
      filter->is_corner = type[strlen (type) - 1] != 'C';
    }
  return TRUE;
}

/* FilterEngine::loadConfig(): line by line, a trailing CR dropped, split
 * at the first colon, the key trimmed; keys no factory knows are
 * ignored, which is what makes "#" lines comments. */
static ApoConfig *
apo_parse (const char *text)
{
  ApoConfig *config = g_new0 (ApoConfig, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GRegex) number = g_regex_new ("[-+0-9.eE]+", 0, 0, NULL);

  config->filters = g_array_new (FALSE, TRUE, sizeof (ApoFilter));
  config->graphic = g_array_new (FALSE, TRUE, sizeof (double));
  for (guint l = 0; lines[l] != NULL; l++)
    {
      char *line = lines[l];
      char *colon;
      g_autofree char *key = NULL;
      const char *value;
      gsize length = strlen (line);

      if (length > 0 && line[length - 1] == '\r')
        line[length - 1] = '\0';
      colon = strchr (line, ':');
      if (colon == NULL)
        continue;
      key = g_strstrip (g_strndup (line, colon - line));
      value = colon + 1;

      if (g_str_equal (key, "Preamp"))
        {
          g_autofree char *v = g_strdelimit (g_strdup (value), ",", '.');
          char *end;
          double db = g_ascii_strtod (g_strchug (v), &end);

          if (end != v)
            {
              config->preamp_db += db;
              config->n_preamps++;
            }
        }
      else if (g_str_has_prefix (key, "Filter"))
        {
          ApoFilter filter;

          if (apo_parse_filter (value, &filter))
            g_array_append_val (config->filters, filter);
        }
      else if (g_str_equal (key, "GraphicEQ"))
        {
          g_autofree char *v = strchr (value, '.') == NULL ? g_strdelimit (g_strdup (value), ",", '.')
                                                            : g_strdup (value);
          g_autoptr(GMatchInfo) match = NULL;
          GArray *tokens = g_array_new (FALSE, FALSE, sizeof (double));

          g_regex_match (number, v, 0, &match);
          while (g_match_info_matches (match))
            {
              g_autofree char *token = g_match_info_fetch (match, 0);
              double x = g_ascii_strtod (token, NULL);

              g_array_append_val (tokens, x);
              g_match_info_next (match, NULL);
            }
          /* Pairs; a lone last number is dropped. */
          g_array_append_vals (config->graphic, tokens->data, tokens->len & ~1u);
          g_array_unref (tokens);
          config->n_graphic_lines++;
        }
    }
  return config;
}

static char *
read_data (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "eq", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static ApoConfig *
apo_parse_data (const char *name)
{
  g_autofree char *text = read_data (name);

  return apo_parse (text);
}

static const ApoFilter *
apo_filter (const ApoConfig *config,
            guint            i)
{
  g_assert_cmpuint (i, <, config->filters->len);
  return &g_array_index (config->filters, ApoFilter, i);
}

static void
assert_apo_filter (const ApoFilter *filter,
                   const char      *type,
                   double           freq_hz,
                   double           gain_db,
                   double           q_or_s,
                   gboolean         is_bw_or_s,
                   gboolean         is_corner)
{
  g_assert_cmpstr (filter->type, ==, type);
  g_assert_cmpfloat_with_epsilon (filter->freq_hz, freq_hz, 1e-9);
  g_assert_cmpfloat_with_epsilon (filter->gain_db, gain_db, 1e-9);
  g_assert_cmpfloat_with_epsilon (filter->q_or_s, q_or_s, 1e-9);
  g_assert_cmpint (filter->is_bw_or_s, ==, is_bw_or_s);
  g_assert_cmpint (filter->is_corner, ==, is_corner);
}

/* ---- The reader on real files ----------------------------------------- */

/* APO's demo, a REW export from a German locale, has every type, decimal
 * commas, "8.000 Hz" meaning 8000 Hz, "100H z", and "None" placeholders. */
static void
test_reader_apo_samples (void)
{
  g_autoptr(ApoConfig) demo = apo_parse_data ("apo-demo.txt");
  g_autoptr(ApoConfig) example = apo_parse_data ("apo-example.txt");
  g_autoptr(ApoConfig) config = apo_parse_data ("apo-config.txt");

  g_assert_cmpuint (demo->filters->len, ==, 14);
  g_assert_cmpuint (demo->n_preamps, ==, 0);
  assert_apo_filter (apo_filter (demo, 0), "PK", 50.0, -10.0, 2.5, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 1), "Modal", 100.0, 3.0, 5.41, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 2), "LP", 8000.0, 0.0, G_SQRT2 / 2, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 3), "HP", 30.0, 0.0, G_SQRT2 / 2, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 4), "LPQ", 10000.0, 0.0, 0.4, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 5), "HPQ", 20.0, 0.0, 0.5, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 6), "LS", 300.0, 5.0, 0.9, TRUE, FALSE);
  assert_apo_filter (apo_filter (demo, 7), "HS", 1000.0, -3.0, 0.9, TRUE, FALSE);
  assert_apo_filter (apo_filter (demo, 8), "LS", 2000.0, -5.0, 1.0, TRUE, TRUE);
  assert_apo_filter (apo_filter (demo, 9), "HS", 500.0, 5.0, 1.0, TRUE, TRUE);
  assert_apo_filter (apo_filter (demo, 10), "LS", 50.0, 7.2, 0.5, TRUE, TRUE);
  assert_apo_filter (apo_filter (demo, 11), "HS", 12000.0, 10.0, 0.5, TRUE, TRUE);
  assert_apo_filter (apo_filter (demo, 12), "NO", 800.0, 0.0, 30.0, FALSE, FALSE);
  assert_apo_filter (apo_filter (demo, 13), "AP", 900.0, 0.0, 0.707, FALSE, FALSE);

  /* "Filter 3: OFF None" and the rest are not filters. */
  g_assert_cmpuint (example->filters->len, ==, 2);
  assert_apo_filter (apo_filter (example, 0), "PK", 20.0, 4.0, 1.0, FALSE, FALSE);
  assert_apo_filter (apo_filter (example, 1), "PK", 45.0, 2.0, 1.0, FALSE, FALSE);

  /* The default config.txt: a preamp and the 15 ISO bands of a flat
   * GraphicEQ, CRLF and no final newline. */
  g_assert_cmpuint (config->n_preamps, ==, 1);
  g_assert_cmpfloat (config->preamp_db, ==, -6.0);
  g_assert_cmpuint (config->filters->len, ==, 0);
  g_assert_cmpuint (config->n_graphic_lines, ==, 1);
  g_assert_cmpuint (config->graphic->len, ==, 2 * 15);
  g_assert_cmpfloat (g_array_index (config->graphic, double, 0), ==, 25.0);
  g_assert_cmpfloat (g_array_index (config->graphic, double, 28), ==, 16000.0);
  for (guint i = 1; i < config->graphic->len; i += 2)
    g_assert_cmpfloat (g_array_index (config->graphic, double, i), ==, 0.0);
}

/* AutoEq's parametric outputs: the current writer's LSC/HSC, and the old
 * one's LS/HS with a Q, which APO takes as corner frequencies. */
static void
test_reader_autoeq_parametric (void)
{
  g_autoptr(ApoConfig) hd650 = apo_parse_data ("autoeq-hd650-parametriceq.txt");
  g_autoptr(ApoConfig) jbl = apo_parse_data ("autoeq-jbl-parametriceq.txt");
  g_autoptr(ApoConfig) fixed = apo_parse_data ("autoeq-jbl-fixedbandeq.txt");

  g_assert_cmpfloat (hd650->preamp_db, ==, -6.1);
  g_assert_cmpuint (hd650->filters->len, ==, 10);
  assert_apo_filter (apo_filter (hd650, 0), "LSC", 105.0, 6.4, 0.7, FALSE, FALSE);
  assert_apo_filter (apo_filter (hd650, 1), "PK", 8865.0, 4.9, 1.3, FALSE, FALSE);
  assert_apo_filter (apo_filter (hd650, 5), "HSC", 10000.0, -2.1, 0.7, FALSE, FALSE);
  assert_apo_filter (apo_filter (hd650, 9), "PK", 5316.0, -1.0, 6.0, FALSE, FALSE);

  g_assert_cmpfloat (jbl->preamp_db, ==, -6.2);
  g_assert_cmpuint (jbl->filters->len, ==, 10);
  assert_apo_filter (apo_filter (jbl, 0), "PK", 72.0, -8.2, 0.7, FALSE, FALSE);
  assert_apo_filter (apo_filter (jbl, 8), "LS", 105.0, 7.5, 0.7, FALSE, TRUE);
  assert_apo_filter (apo_filter (jbl, 9), "HS", 10000.0, -6.4, 0.66, FALSE, TRUE);

  g_assert_cmpfloat (fixed->preamp_db, ==, -7.0);
  g_assert_cmpuint (fixed->filters->len, ==, 10);
  for (guint i = 0; i < 10; i++)
    {
      g_assert_cmpstr (apo_filter (fixed, i)->type, ==, "PK");
      g_assert_cmpfloat (apo_filter (fixed, i)->q_or_s, ==, 1.41);
    }
  g_assert_cmpfloat (apo_filter (fixed, 0)->freq_hz, ==, 31.0);
  g_assert_cmpfloat (apo_filter (fixed, 9)->freq_hz, ==, 16000.0);
}

/* Both real GraphicEQ.txt files: AutoEq's 127 frequencies, exactly
 * Headroom's, and the highest gain −0.2 dB, as AutoEq normalises. */
static void
test_reader_autoeq_graphic (void)
{
  const char *const names[] = { "autoeq-hd650-graphiceq.txt", "autoeq-jbl-graphiceq.txt" };
  const guint *graphic_hz = hr_eq_graphic_frequencies ();

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autofree char *text = read_data (names[f]);
      g_autoptr(ApoConfig) config = apo_parse (text);
      double max_db = -INFINITY;

      g_assert_false (g_str_has_suffix (text, "\n"));
      g_assert_cmpuint (config->n_graphic_lines, ==, 1);
      g_assert_cmpuint (config->graphic->len, ==, 2 * HR_EQ_GRAPHIC_N_POINTS);
      for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
        {
          g_assert_cmpfloat (g_array_index (config->graphic, double, 2 * i), ==, graphic_hz[i]);
          max_db = MAX (max_db, g_array_index (config->graphic, double, 2 * i + 1));
        }
      g_assert_cmpfloat (max_db, ==, -0.2);
    }
}

/* ---- Headroom's files -------------------------------------------------- */

static HrEqFit *
iem_fit (void)
{
  g_autoptr(HrImpedance) impedance = eq_fixture_impedance (TRUE);
  g_autoptr(HrSweep) sweep = eq_fixture_sweep (impedance, 10.0, 481);
  g_autoptr(GError) error = NULL;
  HrEqFit *fit = hr_eq_fit_deviation (sweep, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (fit->within_tolerance);
  g_assert_cmpuint (fit->n_filters, >=, 3);
  /* Boosts as well as cuts: a preamp to write. */
  g_assert_cmpfloat (fit->preamp_db, <, 0.0);
  return fit;
}

static double
rbj_response_db (const ApoFilter *filter,
                 double           fs_hz,
                 double           f_hz)
{
  HrEqFilter same = { HR_EQ_PEAKING, filter->freq_hz, filter->gain_db, filter->q_or_s };

  if (g_str_equal (filter->type, "LSC"))
    same.type = HR_EQ_LOW_SHELF;
  else if (g_str_equal (filter->type, "HSC"))
    same.type = HR_EQ_HIGH_SHELF;
  return hr_eq_filter_response_db (&same, f_hz, fs_hz);
}

/* What APO reads from Headroom's file is the fit: the same preamp, the
 * same filters to the last bit, in order, with the centre-frequency
 * shelves; so the same response, hence the same residual. */
static void
test_apo_round_trip (void)
{
  g_autoptr(HrEqFit) fit = iem_fit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hr_eq_export_apo (fit, "Undoes what a 10 Ω source does\nto a three-way IEM", &error);
  g_autoptr(ApoConfig) config = NULL;
  g_autoptr(GRegex) three_decimals = g_regex_new ("Fc [0-9]+\\.[0-9]{3} Hz", 0, 0, NULL);
  g_auto(GStrv) lines = NULL;
  double worst = 0.0;

  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "# Undoes what a 10 Ω source does\n# to a three-way IEM\nPreamp: "));
  g_assert_true (g_str_has_suffix (text, "\n"));
  g_assert_false (g_regex_match (three_decimals, text, 0, NULL));

  config = apo_parse (text);
  g_assert_cmpuint (config->n_preamps, ==, 1);
  g_assert_cmpfloat (config->preamp_db, ==, fit->preamp_db);
  g_assert_cmpuint (config->filters->len, ==, fit->n_filters);
  for (guint j = 0; j < fit->n_filters; j++)
    {
      const ApoFilter *read = apo_filter (config, j);
      const char *type = fit->filters[j].type == HR_EQ_PEAKING ? "PK"
                         : fit->filters[j].type == HR_EQ_LOW_SHELF ? "LSC" : "HSC";

      assert_apo_filter (read, type, fit->filters[j].freq_hz, fit->filters[j].gain_db,
                         fit->filters[j].q, FALSE, FALSE);
      g_assert_cmpfloat (read->freq_hz, ==, fit->filters[j].freq_hz);
      g_assert_cmpfloat (read->gain_db, ==, fit->filters[j].gain_db);
      g_assert_cmpfloat (read->q_or_s, ==, fit->filters[j].q);
    }

  /* The filters as read give back the fit's residual. */
  for (guint i = 0; i < fit->n_points; i++)
    {
      double sum = 0.0;

      for (guint j = 0; j < config->filters->len; j++)
        sum += rbj_response_db (apo_filter (config, j), fit->sample_rate_hz, fit->freq_hz[i]);
      worst = MAX (worst, fabs (sum - fit->target_db[i]));
    }
  g_assert_cmpfloat (worst, ==, fit->max_residual_db);

  /* "Filter N:" from 1, one filter a line. */
  lines = g_strsplit (text, "\n", -1);
  for (guint j = 0; j < fit->n_filters; j++)
    {
      g_autofree char *prefix = g_strdup_printf ("Filter %u: ON ", j + 1);

      g_assert_true (g_str_has_prefix (lines[3 + j], prefix));
    }
}

/* Headroom's GraphicEQ is AutoEq's: its frequencies, its separators, one
 * decimal, no newline at the end, the highest gain −0.2 dB; and at each
 * frequency the target interpolated there, shifted by that one offset. */
static void
test_graphiceq (void)
{
  g_autoptr(HrEqFit) fit = iem_fit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hr_eq_export_text (fit, HR_EQ_FORMAT_GRAPHICEQ, "ignored", &error);
  g_autofree char *real = read_data ("autoeq-hd650-graphiceq.txt");
  g_autoptr(ApoConfig) config = NULL;
  g_autoptr(ApoConfig) real_config = apo_parse (real);
  g_autoptr(GRegex) grammar = g_regex_new ("^GraphicEQ: (\\d+ -?\\d+\\.\\d; ){126}\\d+ -?\\d+\\.\\d$", 0, 0, NULL);
  double gain_db[HR_EQ_GRAPHIC_N_POINTS];
  double max_target = -INFINITY, max_written = -INFINITY;

  g_assert_no_error (error);
  g_assert_true (g_regex_match (grammar, text, 0, NULL));
  /* The real file matches the same grammar. */
  g_assert_true (g_regex_match (grammar, real, 0, NULL));

  config = apo_parse (text);
  g_assert_cmpuint (config->graphic->len, ==, real_config->graphic->len);
  g_assert_true (hr_eq_graphic_gains (fit->freq_hz, fit->target_db, fit->n_points, gain_db, &error));
  for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    {
      double f = g_array_index (config->graphic, double, 2 * i);
      double interpolated = 0.0;

      g_assert_cmpfloat (f, ==, g_array_index (real_config->graphic, double, 2 * i));
      /* The interpolation, done here: linear in dB over log frequency
       * between the target's two points around f. */
      for (guint k = 0; k + 1 < fit->n_points; k++)
        if (fit->freq_hz[k] <= f && f <= fit->freq_hz[k + 1])
          {
            double t = log (f / fit->freq_hz[k]) / log (fit->freq_hz[k + 1] / fit->freq_hz[k]);

            interpolated = fit->target_db[k] + t * (fit->target_db[k + 1] - fit->target_db[k]);
            break;
          }
      g_assert_cmpfloat_with_epsilon (gain_db[i], interpolated, 1e-9);
      max_target = MAX (max_target, interpolated);
    }
  for (guint i = 0; i < HR_EQ_GRAPHIC_N_POINTS; i++)
    {
      double written = g_array_index (config->graphic, double, 2 * i + 1);

      /* To the printed precision, half a last digit. */
      g_assert_cmpfloat (fabs (written - (gain_db[i] - max_target - 0.2)), <=, 0.05 + 1e-9);
      max_written = MAX (max_written, written);
    }
  g_assert_cmpfloat (max_written, ==, -0.2);
}

/* The JSON node's kind, and for a value its type. */
static GType
node_kind (JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    return json_node_get_value_type (node);
  return JSON_NODE_HOLDS_OBJECT (node) ? JSON_TYPE_OBJECT : JSON_TYPE_ARRAY;
}

/* @ours has exactly the members of @theirs, each of the same kind. */
static void
assert_same_members (JsonObject *ours,
                     JsonObject *theirs,
                     const char *where)
{
  g_autoptr(GList) our_names = g_list_sort (json_object_get_members (ours), (GCompareFunc) g_strcmp0);
  g_autoptr(GList) their_names = g_list_sort (json_object_get_members (theirs), (GCompareFunc) g_strcmp0);

  g_assert_cmpuint (g_list_length (our_names), ==, g_list_length (their_names));
  for (GList *a = our_names, *b = their_names; a != NULL; a = a->next, b = b->next)
    {
      g_test_message ("%s: %s", where, (const char *) a->data);
      g_assert_cmpstr (a->data, ==, b->data);
      g_assert_cmpint (node_kind (json_object_get_member (ours, a->data)), ==,
                       node_kind (json_object_get_member (theirs, b->data)));
    }
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* An EasyEffects preset with the structure of a real EasyEffects 7 one:
 * the equalizer's members and each band's, of the same kinds; and the
 * fit's filters in it, as APO-mode bands, the preamp as input gain. */
static void
test_easyeffects (void)
{
  g_autoptr(HrEqFit) fit = iem_fit ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = hr_eq_export_text (fit, HR_EQ_FORMAT_EASYEFFECTS, NULL, &error);
  g_autofree char *real = read_data ("easyeffects-loudness-equalizer.json");
  g_autoptr(JsonNode) ours = NULL;
  g_autoptr(JsonNode) theirs = parse_json (real);
  JsonObject *our_output, *their_output, *our_eq, *their_eq;
  JsonArray *order;

  g_assert_no_error (error);
  ours = parse_json (text);
  our_output = json_object_get_object_member (json_node_get_object (ours), "output");
  their_output = json_object_get_object_member (json_node_get_object (theirs), "output");
  g_assert_cmpuint (json_object_get_size (json_node_get_object (ours)), ==, 1);

  /* The chain: only the equalizer, in the real preset's key and kinds. */
  g_assert_cmpuint (json_object_get_size (our_output), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const char *key = (const char *[]) { "blocklist", "equalizer#0", "plugins_order" }[i];

      g_assert_true (json_object_has_member (their_output, key));
      g_assert_cmpint (node_kind (json_object_get_member (our_output, key)), ==,
                       node_kind (json_object_get_member (their_output, key)));
    }
  order = json_object_get_array_member (our_output, "plugins_order");
  g_assert_cmpuint (json_array_get_length (order), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (order, 0), ==, "equalizer#0");

  our_eq = json_object_get_object_member (our_output, "equalizer#0");
  their_eq = json_object_get_object_member (their_output, "equalizer#0");
  assert_same_members (our_eq, their_eq, "equalizer#0");
  g_assert_cmpint (json_object_get_int_member (our_eq, "num-bands"), ==, fit->n_filters);
  g_assert_cmpfloat (json_object_get_double_member (our_eq, "input-gain"), ==, fit->preamp_db);
  g_assert_cmpfloat (json_object_get_double_member (our_eq, "output-gain"), ==, 0.0);
  g_assert_false (json_object_get_boolean_member (our_eq, "bypass"));

  for (guint c = 0; c < 2; c++)
    {
      const char *channel = c == 0 ? "left" : "right";
      JsonObject *bands = json_object_get_object_member (our_eq, channel);
      JsonObject *their_band0 = json_object_get_object_member (json_object_get_object_member (their_eq, channel),
                                                               "band0");

      g_assert_cmpuint (json_object_get_size (bands), ==, fit->n_filters);
      for (guint j = 0; j < fit->n_filters; j++)
        {
          g_autofree char *name = g_strdup_printf ("band%u", j);
          JsonObject *band = json_object_get_object_member (bands, name);
          const HrEqFilter *filter = &fit->filters[j];

          assert_same_members (band, their_band0, name);
          g_assert_cmpfloat (json_object_get_double_member (band, "frequency"), ==, filter->freq_hz);
          g_assert_cmpfloat (json_object_get_double_member (band, "gain"), ==, filter->gain_db);
          g_assert_cmpfloat (json_object_get_double_member (band, "q"), ==, filter->q);
          g_assert_cmpstr (json_object_get_string_member (band, "mode"), ==, "APO (DR)");
          g_assert_cmpstr (json_object_get_string_member (band, "type"), ==,
                           filter->type == HR_EQ_PEAKING ? "Bell"
                           : filter->type == HR_EQ_LOW_SHELF ? "Lo-shelf" : "Hi-shelf");
        }
    }
}

/* No filter: a preamp of 0 and nothing else for APO; one band that is
 * Off for EasyEffects, which wants at least one. */
static void
test_no_filter (void)
{
  const double freq_hz[] = { 20.0, 1000.0, 20000.0 };
  const double target_db[] = { 0.05, 0.0, -0.05 };
  g_autoptr(HrEqFit) fit = hr_eq_fit (freq_hz, target_db, 3, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *apo = NULL, *ee = NULL, *graphic = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *eq, *band;

  g_assert_nonnull (fit);
  g_assert_cmpuint (fit->n_filters, ==, 0);
  apo = hr_eq_export_text (fit, HR_EQ_FORMAT_APO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (apo, ==, "Preamp: 0.0 dB\n");

  ee = hr_eq_export_text (fit, HR_EQ_FORMAT_EASYEFFECTS, NULL, &error);
  g_assert_no_error (error);
  root = parse_json (ee);
  eq = json_object_get_object_member (json_object_get_object_member (json_node_get_object (root), "output"),
                                      "equalizer#0");
  g_assert_cmpint (json_object_get_int_member (eq, "num-bands"), ==, 1);
  band = json_object_get_object_member (json_object_get_object_member (eq, "left"), "band0");
  g_assert_cmpstr (json_object_get_string_member (band, "type"), ==, "Off");
  g_assert_cmpfloat (json_object_get_double_member (eq, "input-gain"), ==, 0.0);

  /* A GraphicEQ of a flat target: −0.2 dB everywhere, AutoEq's headroom. */
  graphic = hr_eq_export_text (fit, HR_EQ_FORMAT_GRAPHICEQ, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (graphic, "GraphicEQ: 20 -0.2; 21 -0.2;"));
  g_assert_true (g_str_has_suffix (graphic, "; 19871 -0.3"));
}

/* With a German locale's decimal comma in force, the files are the same
 * bytes as in the C locale: numbers never follow the user's locale. The
 * locale is the tests' own (localedef in tests/meson.build). */
static void
test_locale_independent (void)
{
  g_autoptr(HrEqFit) fit = iem_fit ();
  char *formats_c[3];
  const char *locpath = g_getenv ("HR_LOCPATH");
  g_autofree char *saved = g_strdup (setlocale (LC_NUMERIC, NULL));

  for (guint f = 0; f < 3; f++)
    formats_c[f] = hr_eq_export_text (fit, f, "comment", NULL);

  g_assert_nonnull (locpath);
  g_setenv ("LOCPATH", locpath, TRUE);
  g_assert_nonnull (setlocale (LC_NUMERIC, "de_DE.UTF-8"));
  g_assert_cmpstr (localeconv ()->decimal_point, ==, ",");
  for (guint f = 0; f < 3; f++)
    {
      g_autofree char *german = hr_eq_export_text (fit, f, "comment", NULL);

      g_assert_cmpstr (german, ==, formats_c[f]);
      g_free (formats_c[f]);
    }
  setlocale (LC_NUMERIC, saved);
  g_unsetenv ("LOCPATH");
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("headroom-eq-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Saved through hr_export_save(): the text as written, and a failed save
 * leaves what was there. */
static void
test_save (void)
{
  g_autoptr(HrEqFit) fit = iem_fit ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "eq.txt", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "eq.txt", NULL);
  g_autofree char *expected = NULL, *contents = NULL;
  g_autoptr(GError) error = NULL;

  for (guint f = 0; f < 3; f++)
    {
      g_clear_pointer (&expected, g_free);
      g_clear_pointer (&contents, g_free);
      g_assert_true (hr_eq_export_save (path, fit, f, "saved", &error));
      g_assert_no_error (error);
      expected = hr_eq_export_text (fit, f, "saved", NULL);
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, expected);
    }

  g_assert_false (hr_eq_export_save (missing, fit, HR_EQ_FORMAT_APO, NULL, &error));
  g_assert_nonnull (error);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A filter no program can run is refused, and the file kept. */
  fit->filters[0].gain_db = NAN;
  g_assert_false (hr_eq_export_save (path, fit, HR_EQ_FORMAT_APO, NULL, &error));
  g_assert_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
  g_assert_false (hr_eq_export_save (path, fit, HR_EQ_FORMAT_EASYEFFECTS, NULL, &error));
  g_assert_error (error, HR_EQ_ERROR, HR_EQ_ERROR_INVALID_FILTER);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_format_names (void)
{
  HrEqFormat format;

  for (guint f = 0; f < 3; f++)
    {
      g_assert_true (hr_eq_format_from_string (hr_eq_format_to_string (f), &format));
      g_assert_cmpint (format, ==, f);
    }
  g_assert_cmpstr (hr_eq_format_get_extension (HR_EQ_FORMAT_EASYEFFECTS), ==, ".json");
  g_assert_cmpstr (hr_eq_format_get_extension (HR_EQ_FORMAT_APO), ==, ".txt");
  g_assert_false (hr_eq_format_from_string ("APO", &format));
  g_assert_false (hr_eq_format_from_string (NULL, &format));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eq-export/reader/apo-samples", test_reader_apo_samples);
  g_test_add_func ("/eq-export/reader/autoeq-parametric", test_reader_autoeq_parametric);
  g_test_add_func ("/eq-export/reader/autoeq-graphic", test_reader_autoeq_graphic);
  g_test_add_func ("/eq-export/apo", test_apo_round_trip);
  g_test_add_func ("/eq-export/graphiceq", test_graphiceq);
  g_test_add_func ("/eq-export/easyeffects", test_easyeffects);
  g_test_add_func ("/eq-export/no-filter", test_no_filter);
  g_test_add_func ("/eq-export/locale", test_locale_independent);
  g_test_add_func ("/eq-export/save", test_save);
  g_test_add_func ("/eq-export/format-names", test_format_names);

  return g_test_run ();
}
