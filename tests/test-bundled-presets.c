/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <glib.h>

#include "hr-preset-db.h"

/* The bundled presets themselves, the JSON files of data/presets, as SCHEMA.md asks:
 * they load without a problem; every model gives a finite, positive |Z|
 * over the audio band, near the nominal at 1 kHz or says why not; every
 * figure says where it comes from and every fitted model what it was
 * fitted to; and the collection covers what the app promises. Each check
 * lists everything it finds missing, not only the first. */

#define N_GRID 200

static HrPresetDb *db;
static GPtrArray *files;  /* HrPresetFile */

static void
report (GPtrArray  *missing,
        const char *what)
{
  for (guint i = 0; i < missing->len; i++)
    g_printerr ("# %s: %s\n", what, (const char *) g_ptr_array_index (missing, i));
  if (missing->len > 0)
    g_test_fail_printf ("%u %s, listed above", missing->len, what);
}

static void
test_load (void)
{
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *problems = hr_preset_db_get_problems (db);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (missing, hr_preset_problem_to_string (g_ptr_array_index (problems, i)));
  if (files->len < 2)
    g_ptr_array_add (missing, g_strdup_printf ("only %u preset files in %s",
                                               files->len, hr_preset_db_get_bundled_dir (db)));
  report (missing, "problems loading the bundled presets");
}

static void
test_impedance (void)
{
  g_autoptr(GPtrArray) headphones = hr_preset_db_list (db, HR_PRESET_KIND_HEADPHONE, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < headphones->len; i++)
    {
      HrHeadphonePreset *preset = g_ptr_array_index (headphones, i);
      const char *id = hr_preset_get_id (HR_PRESET (preset));
      HrImpedance *impedance = hr_headphone_preset_get_impedance (preset);
      double nominal_ohm = hr_headphone_preset_get_nominal_impedance (preset)->value;
      double z_1k_ohm = cabs (hr_impedance_eval (impedance, 1000.0));

      for (guint k = 0; k < N_GRID; k++)
        {
          double freq_hz = 20.0 * pow (1000.0, k / (N_GRID - 1.0));
          double z_ohm = cabs (hr_impedance_eval (impedance, freq_hz));

          if (!isfinite (z_ohm) || !(z_ohm > 0.0))
            {
              g_ptr_array_add (missing, g_strdup_printf ("%s: |Z| is %g at %g Hz", id, z_ohm, freq_hz));
              break;
            }
        }

      if (fabs (z_1k_ohm - nominal_ohm) > 0.2 * nominal_ohm &&
          hr_headphone_preset_get_impedance_note (preset) == NULL)
        g_ptr_array_add (missing, g_strdup_printf ("%s: |Z| at 1 kHz is %.1f Ω, nominal %g Ω, "
                                                   "and there is no impedance_note", id,
                                                   z_1k_ohm, nominal_ohm));
    }

  report (missing, "impedance models out of line");
}

static void
check_figure (GPtrArray      *missing,
              const char     *id,
              const char     *name,
              const HrFigure *figure)
{
  if (hr_figure_is_known (figure) && figure->source == NULL)
    g_ptr_array_add (missing, g_strdup_printf ("%s: %s has no source", id, name));
}

static void
test_provenance (void)
{
  g_autoptr(GPtrArray) sources = hr_preset_db_list (db, HR_PRESET_KIND_SOURCE, NULL);
  g_autoptr(GPtrArray) headphones = hr_preset_db_list (db, HR_PRESET_KIND_HEADPHONE, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < sources->len; i++)
    {
      HrSourcePreset *preset = g_ptr_array_index (sources, i);
      const char *id = hr_preset_get_id (HR_PRESET (preset));

      for (guint j = 0; j < hr_source_preset_get_n_outputs (preset); j++)
        {
          const HrSourceOutput *output = hr_source_preset_get_output (preset, j);
          g_autofree char *prefix = g_strdup_printf ("%s.%s", id, output->id);

          check_figure (missing, prefix, "output_impedance_ohm", &output->output_impedance_ohm);
          check_figure (missing, prefix, "dc_block_uf", &output->dc_block_uf);
          check_figure (missing, prefix, "max_voltage_vrms", &output->max_voltage_vrms);
          check_figure (missing, prefix, "max_current_ma", &output->max_current_ma);
          check_figure (missing, prefix, "noise_vrms", &output->noise_vrms);
          check_figure (missing, prefix, "min_load_ohm", &output->min_load_ohm);
          for (guint k = 0; output->max_voltage_by_load != NULL && k < output->max_voltage_by_load->len; k++)
            {
              g_autofree char *step = g_strdup_printf ("max_voltage_by_load[%u].max_voltage_vrms", k);

              check_figure (missing, prefix, step,
                            &g_array_index (output->max_voltage_by_load, HrVoltageStepFigure, k).max_voltage_vrms);
            }
        }
    }

  for (guint i = 0; i < headphones->len; i++)
    {
      HrHeadphonePreset *preset = g_ptr_array_index (headphones, i);
      const char *id = hr_preset_get_id (HR_PRESET (preset));
      HrImpedanceKind kind = hr_impedance_get_kind (hr_headphone_preset_get_impedance (preset));
      guint n_points;

      check_figure (missing, id, "nominal_impedance_ohm", hr_headphone_preset_get_nominal_impedance (preset));
      check_figure (missing, id, "max_input_mw", hr_headphone_preset_get_max_input (preset));
      if (!isnan (hr_headphone_preset_get_sensitivity (preset)->value)
          && hr_headphone_preset_get_sensitivity (preset)->source == NULL)
        g_ptr_array_add (missing, g_strdup_printf ("%s: sensitivity has no source", id));
      if (hr_headphone_preset_get_impedance_source (preset) == NULL)
        g_ptr_array_add (missing, g_strdup_printf ("%s: impedance has no source", id));
      if ((kind == HR_IMPEDANCE_THIELE_SMALL || kind == HR_IMPEDANCE_NETWORK) &&
          hr_headphone_preset_get_impedance_modelled (preset) == NULL)
        g_ptr_array_add (missing, g_strdup_printf ("%s: the fitted impedance model has no “modelled”", id));
      if (hr_headphone_preset_get_response (preset, &n_points) != NULL &&
          hr_headphone_preset_get_response_source (preset) == NULL)
        g_ptr_array_add (missing, g_strdup_printf ("%s: frequency_response has no source", id));
    }

  report (missing, "figures without provenance");
}

/* The impedance object without its scale: what the variants of one
 * headphone share (SCHEMA.md). */
static char *
shared_model_key (HrPreset *preset)
{
  JsonObject *object = json_node_get_object (hr_preset_get_json (preset));
  JsonObject *impedance = json_object_get_object_member (object, "impedance");
  g_autoptr(GList) members = json_object_get_members (impedance);
  GString *key = g_string_new (hr_preset_get_manufacturer (preset));

  /* The presets are sealed: the key is built, not cut out of a copy. */
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *value = NULL;

      /* The words about the model differ between the windings; its
       * figures do not. */
      if (g_str_equal (l->data, "scale") || g_str_equal (l->data, "modelled") || g_str_equal (l->data, "source"))
        continue;
      value = json_to_string (json_object_get_member (impedance, l->data), FALSE);
      g_string_append_printf (key, "|%s=%s", (const char *) l->data, value);
    }
  return g_string_free (key, FALSE);
}

/* What the issue of the home studio asked the bundled data to cover
 * (README, "Bundled presets"): enough sources of the kinds a home studio
 * has, typical designs where a product's own figures are missing, enough
 * in-ear monitors with real curves, and current limits on enough of the
 * outputs that headphones plug into for the current check to mean
 * something. Every shortfall is listed. */
#define MIN_SOURCES              55
#define MIN_PREAMPS_PROCESSORS   4
#define MIN_MIXERS               3
#define MIN_INTERFACES           10
#define MIN_TYPICAL_DESIGNS      3
#define MIN_HEADPHONES           55
#define MIN_IEMS                 8
#define MIN_MULTI_BA_NETWORKS    4
#define MIN_CURRENT_LIMIT_SHARE  0.25

static guint
count_sources (GPtrArray        *sources,
               HrSourceCategory  category)
{
  guint n = 0;

  for (guint i = 0; i < sources->len; i++)
    {
      HrSourcePreset *preset = g_ptr_array_index (sources, i);

      n += hr_source_preset_get_category (preset) == category && !hr_source_preset_get_generic (preset);
    }
  return n;
}

static void
want_at_least (GPtrArray  *missing,
               guint       have,
               guint       wanted,
               const char *what)
{
  if (have < wanted)
    g_ptr_array_add (missing, g_strdup_printf ("%u %s, at least %u wanted", have, what, wanted));
}

static void
test_coverage (void)
{
  g_autoptr(GPtrArray) sources = hr_preset_db_list (db, HR_PRESET_KIND_SOURCE, NULL);
  g_autoptr(GPtrArray) headphones = hr_preset_db_list (db, HR_PRESET_KIND_HEADPHONE, NULL);
  g_autoptr(GPtrArray) missing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) variants = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) scaled = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *const *categories = hr_source_category_names ();
  const char *const *types = hr_headphone_type_names ();
  gboolean has_600 = FALSE;
  gboolean has_variants = FALSE;
  guint n_generic = 0;
  guint n_iems = 0;
  guint n_multi_ba = 0;
  guint n_headphone_outputs = 0;
  guint n_current_limited = 0;

  want_at_least (missing, sources->len, MIN_SOURCES, "sources");
  want_at_least (missing, headphones->len, MIN_HEADPHONES, "headphones");
  want_at_least (missing,
                 count_sources (sources, HR_SOURCE_CATEGORY_MIC_PREAMP)
                 + count_sources (sources, HR_SOURCE_CATEGORY_LINE_PROCESSOR),
                 MIN_PREAMPS_PROCESSORS, "mic preamps and line processors (products)");
  want_at_least (missing, count_sources (sources, HR_SOURCE_CATEGORY_MIXER), MIN_MIXERS, "mixers");
  want_at_least (missing, count_sources (sources, HR_SOURCE_CATEGORY_AUDIO_INTERFACE), MIN_INTERFACES,
                 "audio interfaces");

  for (guint c = 0; categories[c] != NULL; c++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < sources->len && !found; i++)
        found = g_str_equal (hr_preset_get_class_name (g_ptr_array_index (sources, i)), categories[c]);
      if (!found)
        g_ptr_array_add (missing, g_strdup_printf ("no source of category %s", categories[c]));
    }

  /* The current check is about the loads headphones are: what matters is
   * how many of the outputs they plug into have a current limit. */
  for (guint i = 0; i < sources->len; i++)
    {
      HrSourcePreset *preset = g_ptr_array_index (sources, i);

      n_generic += hr_source_preset_get_generic (preset);
      for (guint j = 0; j < hr_source_preset_get_n_outputs (preset); j++)
        {
          const HrSourceOutput *output = hr_source_preset_get_output (preset, j);

          if (output->kind != HR_OUTPUT_KIND_HEADPHONE)
            continue;
          n_headphone_outputs++;
          n_current_limited += hr_figure_is_known (&output->max_current_ma);
        }
    }
  want_at_least (missing, n_generic, MIN_TYPICAL_DESIGNS, "typical designs (\"generic\": true)");
  if (n_current_limited < MIN_CURRENT_LIMIT_SHARE * n_headphone_outputs)
    g_ptr_array_add (missing, g_strdup_printf ("a current limit on %u of %u headphone outputs, at least %.0f %% wanted",
                                               n_current_limited, n_headphone_outputs,
                                               100.0 * MIN_CURRENT_LIMIT_SHARE));

  for (guint t = 0; types[t] != NULL; t++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < headphones->len && !found; i++)
        found = g_str_equal (hr_preset_get_class_name (g_ptr_array_index (headphones, i)), types[t]);
      if (!found)
        g_ptr_array_add (missing, g_strdup_printf ("no headphone of type %s", types[t]));
    }

  /* Windings of one headphone share one model, scaled ("scale"): the key
   * is the model without its scale, the bits the nominal impedances. */
  for (guint i = 0; i < headphones->len; i++)
    {
      HrHeadphonePreset *preset = g_ptr_array_index (headphones, i);
      HrHeadphoneType type = hr_headphone_preset_get_headphone_type (preset);
      double nominal_ohm = hr_headphone_preset_get_nominal_impedance (preset)->value;
      HrImpedance *impedance = hr_headphone_preset_get_impedance (preset);
      JsonObject *object = json_node_get_object (hr_preset_get_json (HR_PRESET (preset)));
      JsonObject *model = json_object_get_object_member (object, "impedance");
      char *key;
      GPtrArray *windings;

      has_600 |= nominal_ohm == 600.0;
      if (type == HR_HEADPHONE_TYPE_DYNAMIC_IEM || type == HR_HEADPHONE_TYPE_BA_IEM
          || type == HR_HEADPHONE_TYPE_HYBRID_IEM)
        n_iems++;
      if (type == HR_HEADPHONE_TYPE_BA_IEM && hr_impedance_get_kind (impedance) == HR_IMPEDANCE_NETWORK)
        n_multi_ba++;

      key = shared_model_key (HR_PRESET (preset));
      windings = g_hash_table_lookup (variants, key);
      if (windings == NULL)
        {
          windings = g_ptr_array_new ();
          g_hash_table_insert (variants, key, windings);
        }
      else
        g_free (key);
      g_ptr_array_add (windings, preset);
      if (json_object_has_member (model, "scale"))
        g_hash_table_add (scaled, shared_model_key (HR_PRESET (preset)));
    }

  {
    GHashTableIter iter;
    gpointer key;
    gpointer value;

    g_hash_table_iter_init (&iter, variants);
    while (g_hash_table_iter_next (&iter, &key, &value))
      has_variants |= ((GPtrArray *) value)->len >= 2 && g_hash_table_contains (scaled, key);
  }

  want_at_least (missing, n_iems, MIN_IEMS, "in-ear monitors");
  want_at_least (missing, n_multi_ba, MIN_MULTI_BA_NETWORKS, "balanced-armature IEMs with a network model");
  if (!has_600)
    g_ptr_array_add (missing, g_strdup ("no 600 Ω headphone"));
  if (!has_variants)
    g_ptr_array_add (missing, g_strdup ("no headphone in several windings sharing one impedance model "
                                        "(with \"scale\")"));

  report (missing, "things missing from the bundled presets");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;
  int status;

  /* The messages name figures in Ω: print them as UTF-8. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  dir = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", NULL);
  g_setenv ("HEADROOM_PRESETS_DIR", dir, TRUE);
  /* No user file: only the bundled presets. */
  db = hr_preset_db_new (NULL, "/nonexistent/headroom/presets.json");

  files = g_ptr_array_new_with_free_func (g_object_unref);
  folder = g_dir_open (dir, 0, NULL);
  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (files, hr_preset_file_new_from_file (path, HR_PRESET_ORIGIN_BUNDLED));
    }

  g_test_add_func ("/bundled-presets/load", test_load);
  g_test_add_func ("/bundled-presets/impedance", test_impedance);
  g_test_add_func ("/bundled-presets/provenance", test_provenance);
  g_test_add_func ("/bundled-presets/coverage", test_coverage);

  status = g_test_run ();
  g_clear_object (&db);
  g_clear_pointer (&files, g_ptr_array_unref);
  return status;
}
