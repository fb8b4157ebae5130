/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <fcntl.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-generated-presets.h"
#include "hr-preset-cache.h"
#include "hr-preset-db.h"
#include "hr-preset-private.h"
#include "test-files.h"

/* The compiled preset caches (src/db/hr-preset-cache.c), in an
 * XDG_CACHE_HOME of their own: every preset from a cache is the preset
 * from its JSON, figures, provenance and JSON alike; a missing, broken,
 * stale or newer cache changes nothing but where the presets come from;
 * a file with problems is reported as ever.
 *
 * Whether a load used a cache shows in hr_preset_get_compiled(). Some
 * tests need a cache that lies, one whose presets are not its file's, to
 * tell which was read: that is a cache compiled from one text, left in
 * place while the file is given another of the same size and dated back
 * to the first one's time, which is the one change a cache keyed by size
 * and time cannot see (git's index cannot either). */

static char *cache_home;
static char *work_dir;

#define HEADPHONE(id, name, ohm) \
  "{\"id\": \"" id "\", \"name\": \"" name "\", \"manufacturer\": \"Maker\", \"type\": \"planar\"," \
  " \"nominal_impedance_ohm\": {\"value\": " ohm ", \"source\": \"the sheet\"}," \
  " \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\", \"source\": \"the sheet, p. 2\"}," \
  " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": " ohm ", \"source\": \"flat\"}}"

#define SOURCE(id, name) \
  "{\"id\": \"" id "\", \"name\": \"" name "\", \"manufacturer\": \"Maker\", \"category\": \"dac-amp\"," \
  " \"outputs\": [{\"id\": \"out\", \"name\": \"Out\", \"kind\": \"headphone\"," \
  " \"output_impedance_ohm\": {\"value\": 1.5, \"source\": \"the manual\"}," \
  " \"max_voltage_vrms\": {\"given\": \"+18 dBu\", \"source\": \"the manual, p. 9\"}}]}"

/* Two presets, one of each kind: the headphone's name is @name. */
#define SMALL_FILE(name) \
  "{\"schema_version\": 1, \"sources\": [" SOURCE ("test-amp", "Amp") "],\n" \
  " \"headphones\": [" HEADPHONE ("test-hp", name, "300") "]}\n"

/* A folder of its own for a test, and no caches from the one before. */
static char *
new_folder (const char *name)
{
  g_autofree char *caches = g_build_filename (cache_home, "headroom", NULL);
  char *folder = g_build_filename (work_dir, name, NULL);

  remove_tree (caches);
  remove_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

static gint64
get_mtime_s (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mtime;
}

/* Written as a file is found at start-up: long enough ago that its time
 * settles whether it changed (RACY_NS). */
static void
write_old_file (const char *path,
                const char *text,
                gint64      age_s)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  set_mtime (path, g_get_real_time () / G_USEC_PER_SEC - age_s);
}

static char *
user_cache_path (const char *folder)
{
  g_autofree char *key = hr_preset_cache_dup_key (folder, HR_PRESET_ORIGIN_BUNDLED);

  return hr_preset_cache_dup_user_path (key);
}

static HrPresetDb *
load (const char *folder)
{
  return hr_preset_db_new (folder, "/nonexistent/headroom-test/presets.json");
}

static void
assert_compiled (HrPresetDb *db,
                 gboolean    compiled)
{
  for (HrPresetKind kind = HR_PRESET_KIND_SOURCE; kind <= HR_PRESET_KIND_HEADPHONE; kind++)
    {
      g_autoptr(GPtrArray) presets = hr_preset_db_list (db, kind, NULL);

      g_assert_cmpuint (presets->len, >, 0);
      for (guint i = 0; i < presets->len; i++)
        g_assert_cmpint (hr_preset_get_compiled (g_ptr_array_index (presets, i)), ==, compiled);
    }
}

static void
assert_same_figure (const HrFigure *a,
                    const HrFigure *b)
{
  g_assert_true ((isnan (a->value) && isnan (b->value)) || a->value == b->value);
  g_assert_cmpstr (a->source, ==, b->source);
  g_assert_cmpstr (a->given, ==, b->given);
}

static void
assert_same_source (HrSourcePreset *a,
                    HrSourcePreset *b)
{
  g_assert_cmpint (hr_source_preset_get_category (a), ==, hr_source_preset_get_category (b));
  g_assert_cmpuint (hr_source_preset_get_n_outputs (a), ==, hr_source_preset_get_n_outputs (b));
  for (guint o = 0; o < hr_source_preset_get_n_outputs (a); o++)
    {
      const HrSourceOutput *oa = hr_source_preset_get_output (a, o);
      const HrSourceOutput *ob = hr_source_preset_get_output (b, o);
      g_autofree char *label_a = hr_source_preset_dup_output_label (a, o);
      g_autofree char *label_b = hr_source_preset_dup_output_label (b, o);
      HrSource sa, sb;

      /* Compared byte for byte, padding and all. */
      memset (&sa, 0, sizeof sa);
      memset (&sb, 0, sizeof sb);

      g_assert_cmpstr (oa->id, ==, ob->id);
      g_assert_cmpstr (oa->name, ==, ob->name);
      g_assert_cmpint (oa->kind, ==, ob->kind);
      g_assert_cmpint (oa->balanced, ==, ob->balanced);
      assert_same_figure (&oa->output_impedance_ohm, &ob->output_impedance_ohm);
      assert_same_figure (&oa->dc_block_uf, &ob->dc_block_uf);
      assert_same_figure (&oa->max_voltage_vrms, &ob->max_voltage_vrms);
      assert_same_figure (&oa->max_current_ma, &ob->max_current_ma);
      assert_same_figure (&oa->noise_vrms, &ob->noise_vrms);
      assert_same_figure (&oa->min_load_ohm, &ob->min_load_ohm);
      g_assert_cmpint (oa->max_voltage_by_load == NULL, ==, ob->max_voltage_by_load == NULL);
      for (guint s = 0; oa->max_voltage_by_load != NULL && s < oa->max_voltage_by_load->len; s++)
        {
          const HrVoltageStepFigure *step_a = &g_array_index (oa->max_voltage_by_load, HrVoltageStepFigure, s);
          const HrVoltageStepFigure *step_b = &g_array_index (ob->max_voltage_by_load, HrVoltageStepFigure, s);

          g_assert_cmpuint (oa->max_voltage_by_load->len, ==, ob->max_voltage_by_load->len);
          g_assert_cmpfloat (step_a->load_ohm, ==, step_b->load_ohm);
          g_assert_cmpint (step_a->above, ==, step_b->above);
          assert_same_figure (&step_a->max_voltage_vrms, &step_b->max_voltage_vrms);
        }
      g_assert_cmpstr (label_a, ==, label_b);
      hr_source_preset_build_source (a, o, &sa);
      hr_source_preset_build_source (b, o, &sb);
      g_assert_cmpmem (&sa, sizeof sa, &sb, sizeof sb);
    }
}

static void
assert_same_headphone (HrHeadphonePreset *a,
                       HrHeadphonePreset *b)
{
  const HrSensitivityFigure *sens_a = hr_headphone_preset_get_sensitivity (a);
  const HrSensitivityFigure *sens_b = hr_headphone_preset_get_sensitivity (b);
  HrHeadphone *hp_a = hr_headphone_preset_get_headphone (a);
  HrHeadphone *hp_b = hr_headphone_preset_get_headphone (b);
  const HrResponsePoint *points_a, *points_b;
  guint n_a, n_b;

  g_assert_cmpint (hr_headphone_preset_get_headphone_type (a), ==, hr_headphone_preset_get_headphone_type (b));
  assert_same_figure (hr_headphone_preset_get_nominal_impedance (a), hr_headphone_preset_get_nominal_impedance (b));
  assert_same_figure (hr_headphone_preset_get_max_input (a), hr_headphone_preset_get_max_input (b));
  g_assert_true ((isnan (sens_a->value) && isnan (sens_b->value)) || sens_a->value == sens_b->value);
  g_assert_cmpint (sens_a->unit, ==, sens_b->unit);
  g_assert_cmpfloat (sens_a->ref_freq_hz, ==, sens_b->ref_freq_hz);
  g_assert_cmpstr (sens_a->source, ==, sens_b->source);
  g_assert_cmpstr (hr_headphone_preset_get_impedance_source (a), ==, hr_headphone_preset_get_impedance_source (b));
  g_assert_cmpstr (hr_headphone_preset_get_impedance_modelled (a), ==,
                   hr_headphone_preset_get_impedance_modelled (b));
  g_assert_cmpstr (hr_headphone_preset_get_impedance_note (a), ==, hr_headphone_preset_get_impedance_note (b));
  g_assert_cmpstr (hr_headphone_preset_get_response_source (a), ==, hr_headphone_preset_get_response_source (b));
  points_a = hr_headphone_preset_get_response (a, &n_a);
  points_b = hr_headphone_preset_get_response (b, &n_b);
  g_assert_cmpmem (points_a, n_a * sizeof (HrResponsePoint), points_b, n_b * sizeof (HrResponsePoint));

  g_assert_cmpstr (hr_headphone_get_name (hp_a), ==, hr_headphone_get_name (hp_b));
  g_assert_cmpfloat (hr_headphone_get_nominal_impedance_ohm (hp_a), ==, hr_headphone_get_nominal_impedance_ohm (hp_b));
  g_assert_true ((isnan (hr_headphone_get_sensitivity_db_per_v (hp_a)) &&
                  isnan (hr_headphone_get_sensitivity_db_per_v (hp_b))) ||
                 hr_headphone_get_sensitivity_db_per_v (hp_a) == hr_headphone_get_sensitivity_db_per_v (hp_b));
  for (double freq_hz = 10.0; freq_hz < 30000.0; freq_hz *= 1.5)
    {
      double complex za = hr_impedance_eval (hr_headphone_preset_get_impedance (a), freq_hz);
      double complex zb = hr_impedance_eval (hr_headphone_preset_get_impedance (b), freq_hz);

      g_assert_cmpfloat (creal (za), ==, creal (zb));
      g_assert_cmpfloat (cimag (za), ==, cimag (zb));
      g_assert_cmpfloat (hr_headphone_get_response_db (hp_a, freq_hz), ==, hr_headphone_get_response_db (hp_b, freq_hz));
    }
}

/* Every preset of @a in @b, the same in every way the library shows. */
static void
assert_same_presets (HrPresetDb *a,
                     HrPresetDb *b)
{
  g_assert_cmpuint (hr_preset_db_get_problems (a)->len, ==, hr_preset_db_get_problems (b)->len);
  for (HrPresetKind kind = HR_PRESET_KIND_SOURCE; kind <= HR_PRESET_KIND_HEADPHONE; kind++)
    {
      g_autoptr(GPtrArray) list_a = hr_preset_db_list (a, kind, NULL);
      g_autoptr(GPtrArray) list_b = hr_preset_db_list (b, kind, NULL);

      g_assert_cmpuint (list_a->len, ==, list_b->len);
      for (guint i = 0; i < list_a->len; i++)
        {
          HrPreset *pa = g_ptr_array_index (list_a, i);
          HrPreset *pb = g_ptr_array_index (list_b, i);
          g_autofree char *display_a = hr_preset_dup_display_name (pa);
          g_autofree char *display_b = hr_preset_dup_display_name (pb);

          g_assert_cmpstr (hr_preset_get_id (pa), ==, hr_preset_get_id (pb));
          g_assert_cmpstr (hr_preset_get_name (pa), ==, hr_preset_get_name (pb));
          g_assert_cmpstr (hr_preset_get_manufacturer (pa), ==, hr_preset_get_manufacturer (pb));
          g_assert_cmpstr (display_a, ==, display_b);
          g_assert_cmpstr (hr_preset_get_class_name (pa), ==, hr_preset_get_class_name (pb));
          g_assert_cmpint (hr_preset_get_generic (pa), ==, hr_preset_get_generic (pb));
          g_assert_cmpint (hr_preset_get_origin (pa), ==, hr_preset_get_origin (pb));
          g_assert_cmpstr (hr_preset_get_filename (pa), ==, hr_preset_get_filename (pb));
          g_assert_cmpint (hr_preset_get_overrides_bundled (pa), ==, hr_preset_get_overrides_bundled (pb));
          g_assert_cmpstr (hr_preset_get_notes (pa), ==, hr_preset_get_notes (pb));
          g_assert_true (json_node_equal (hr_preset_get_json (pa), hr_preset_get_json (pb)));
          if (kind == HR_PRESET_KIND_SOURCE)
            assert_same_source (HR_SOURCE_PRESET (pa), HR_SOURCE_PRESET (pb));
          else
            assert_same_headphone (HR_HEADPHONE_PRESET (pa), HR_HEADPHONE_PRESET (pb));
        }
    }
}

/* @folder from its JSON, then from the cache that first load compiled:
 * the same presets. */
static void
check_both_ways (const char *folder)
{
  g_autoptr(HrPresetDb) from_json = NULL;
  g_autoptr(HrPresetDb) from_cache = NULL;
  g_autofree char *cache = user_cache_path (folder);

  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  from_json = load (folder);
  assert_compiled (from_json, FALSE);
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));

  from_cache = load (folder);
  assert_compiled (from_cache, TRUE);
  assert_same_presets (from_json, from_cache);
}

static void
copy_bundled (const char *folder)
{
  const char *names[] = { "headphones.json", "sources.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *from = g_test_build_filename (G_TEST_DIST, "..", "data", "presets", names[i], NULL);
      g_autofree char *to = g_build_filename (folder, names[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_file_get_contents (from, &text, NULL, &error);
      g_assert_no_error (error);
      write_old_file (to, text, 3600);
    }
}

static void
test_bundled_both_ways (void)
{
  g_autofree char *folder = new_folder ("bundled");

  copy_bundled (folder);
  check_both_ways (folder);
}

static void
test_generated_both_ways (void)
{
  g_autofree char *folder = new_folder ("generated");
  g_autofree char *path = g_build_filename (folder, "generated.json", NULL);
  g_autoptr(GString) json = hr_generated_presets_new (10000);

  write_old_file (path, json->str, 3600);
  check_both_ways (folder);
}

/* A folder with SMALL_FILE (@name) in it, loaded once so that its cache
 * is compiled. */
static char *
small_folder (const char *folder_name,
              const char *text)
{
  char *folder = new_folder (folder_name);
  g_autofree char *path = g_build_filename (folder, "presets.json", NULL);
  g_autoptr(HrPresetDb) db = NULL;

  write_old_file (path, text, 3600);
  db = load (folder);
  assert_compiled (db, FALSE);
  return folder;
}

static const char *
headphone_name (HrPresetDb *db)
{
  HrHeadphonePreset *preset = hr_preset_db_lookup_headphone (db, "test-hp");

  g_assert_nonnull (preset);
  return hr_preset_get_name (HR_PRESET (preset));
}

/* The cache of @folder made to lie (see the top): it holds "Alpha",
 * compiled from the first text, and the file says "Bravo" at the time
 * and of the size the cache has. */
static char *
lying_folder (const char *folder_name)
{
  char *folder = small_folder (folder_name, SMALL_FILE ("Alpha"));
  g_autofree char *path = g_build_filename (folder, "presets.json", NULL);
  gint64 then_s = get_mtime_s (path);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, SMALL_FILE ("Bravo"), -1, &error);
  g_assert_no_error (error);
  set_mtime (path, then_s);
  return folder;
}

static void
test_lying_cache_is_read (void)
{
  g_autofree char *folder = lying_folder ("lying");
  g_autoptr(HrPresetDb) db = load (folder);

  /* The control for the tests below: such a cache is read, so that a
   * test that sees "Bravo" has seen its cache ignored. */
  assert_compiled (db, TRUE);
  g_assert_cmpstr (headphone_name (db), ==, "Alpha");
}

static void
test_deleted_cache (void)
{
  g_autofree char *folder = small_folder ("deleted", SMALL_FILE ("Alpha"));
  g_autofree char *cache = user_cache_path (folder);
  g_autoptr(HrPresetDb) from_cache = load (folder);
  g_autoptr(HrPresetDb) without = NULL;

  assert_compiled (from_cache, TRUE);
  g_assert_cmpint (g_unlink (cache), ==, 0);
  without = load (folder);
  assert_compiled (without, FALSE);
  assert_same_presets (from_cache, without);
  /* And compiled again. */
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));
}

static void
rewrite (const char *folder,
         const char *text,
         gint64      mtime_s)
{
  g_autofree char *path = g_build_filename (folder, "presets.json", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  set_mtime (path, mtime_s);
}

static void
test_stale_cache (void)
{
  g_autofree char *folder = small_folder ("stale", SMALL_FILE ("Alpha"));
  g_autofree char *path = g_build_filename (folder, "presets.json", NULL);
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(HrPresetDb) db = NULL;

  /* Another size. */
  rewrite (folder, SMALL_FILE ("Alpha 2"), now_s - 1800);
  db = load (folder);
  g_assert_cmpstr (headphone_name (db), ==, "Alpha 2");
  assert_compiled (db, FALSE);
  g_clear_object (&db);
  db = load (folder);
  assert_compiled (db, TRUE);
  g_assert_cmpstr (headphone_name (db), ==, "Alpha 2");
  g_clear_object (&db);

  /* The same size at another time: the text's hash tells. */
  rewrite (folder, SMALL_FILE ("Bravo 2"), now_s - 1200);
  db = load (folder);
  g_assert_cmpstr (headphone_name (db), ==, "Bravo 2");
  g_clear_object (&db);

  /* Touched, the same text: the cache still holds, checked by its hash. */
  set_mtime (path, now_s - 600);
  db = load (folder);
  assert_compiled (db, TRUE);
  g_assert_cmpstr (headphone_name (db), ==, "Bravo 2");
}

/* A file written, loaded and written again within the same second, of
 * the same size: the same time, and only the hash can tell. */
static void
test_racy_file (void)
{
  g_autofree char *folder = new_folder ("racy");
  g_autofree char *path = g_build_filename (folder, "presets.json", NULL);
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;
  g_autoptr(HrPresetDb) db = NULL;

  rewrite (folder, SMALL_FILE ("Alpha"), now_s);
  db = load (folder);
  g_assert_cmpstr (headphone_name (db), ==, "Alpha");
  g_clear_object (&db);

  rewrite (folder, SMALL_FILE ("Bravo"), now_s);
  g_assert_cmpint (get_mtime_s (path), ==, now_s);
  db = load (folder);
  g_assert_cmpstr (headphone_name (db), ==, "Bravo");
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, (gssize) length, &error);
  g_assert_no_error (error);
}

/* The offset of the first @text in @bytes. */
static gsize
find_text (GBytes     *bytes,
           const char *text)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (text);

  for (gsize i = 0; i + length <= size; i++)
    if (memcmp (data + i, text, length) == 0)
      return i;
  g_assert_not_reached ();
}

/* Each a way a cache file is found broken, done to a good one. */
typedef enum
{
  BROKEN_EMPTY,
  BROKEN_HEADER_ONLY,
  BROKEN_TRUNCATED,
  BROKEN_GARBAGE,
  BROKEN_NAME_FLIPPED,   /* in the columns: their checksum fails */
  BROKEN_SOURCE_FLIPPED, /* in a body: its checksum fails on first use */
  N_BROKEN
} Broken;

static void
break_cache (const char *cache,
             Broken      how)
{
  g_autoptr(GBytes) bytes = read_bytes (cache);
  gsize size = g_bytes_get_size (bytes);
  g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);

  switch (how)
    {
    case BROKEN_EMPTY:
      write_bytes (cache, data, 0);
      break;
    case BROKEN_HEADER_ONLY:
      write_bytes (cache, data, 16);
      break;
    case BROKEN_TRUNCATED:
      write_bytes (cache, data, size / 2);
      break;
    case BROKEN_GARBAGE:
      for (gsize i = 16; i < size; i++)
        data[i] = (guint8) g_test_rand_int ();
      write_bytes (cache, data, size);
      break;
    case BROKEN_NAME_FLIPPED:
      data[find_text (bytes, "Alpha")] = 'E';
      write_bytes (cache, data, size);
      break;
    case BROKEN_SOURCE_FLIPPED:
      data[find_text (bytes, "the sheet, p. 2")] = 'T';
      write_bytes (cache, data, size);
      break;
    case N_BROKEN:
    default:
      g_assert_not_reached ();
    }
}

static void
test_broken_cache (void)
{
  for (Broken how = 0; how < N_BROKEN; how++)
    {
      g_autofree char *folder = small_folder ("broken", SMALL_FILE ("Alpha"));
      g_autofree char *cache = user_cache_path (folder);
      g_autoptr(HrPresetDb) good = load (folder);
      g_autoptr(HrPresetDb) db = NULL;
      g_autoptr(HrPresetDb) again = NULL;

      g_test_message ("broken in way %d", how);
      assert_compiled (good, TRUE);
      break_cache (cache, how);

      /* Silently: no problem said, the presets as the JSON has them. */
      db = load (folder);
      g_assert_cmpuint (hr_preset_db_get_problems (db)->len, ==, 0);
      g_assert_cmpstr (headphone_name (db), ==, "Alpha");
      if (how == BROKEN_SOURCE_FLIPPED)
        {
          /* Listed from the cache: its columns are whole. The body, read
           * on first use, is read from the JSON instead, and the cache
           * goes. */
          assert_compiled (db, TRUE);
          g_assert_cmpstr (hr_headphone_preset_get_sensitivity (hr_preset_db_lookup_headphone (db, "test-hp"))->source,
                           ==, "the sheet, p. 2");
          g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
        }
      else
        assert_compiled (db, FALSE);
      assert_same_presets (good, db);

      /* And compiled again, whole. */
      again = load (folder);
      if (how == BROKEN_SOURCE_FLIPPED)
        {
          g_clear_object (&again);
          again = load (folder);
        }
      assert_compiled (again, TRUE);
      assert_same_presets (good, again);
    }
}

/* The header's format or schema number, one more than this Headroom's. */
static void
test_newer_cache (void)
{
  const gsize offsets[] = { 8, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    {
      g_autofree char *folder = lying_folder ("newer");
      g_autofree char *cache = user_cache_path (folder);
      g_autoptr(GBytes) bytes = read_bytes (cache);
      gsize size = g_bytes_get_size (bytes);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
      g_autoptr(HrPresetDb) db = NULL;
      g_autoptr(GBytes) rewritten = NULL;
      guint32 number;

      memcpy (&number, data + offsets[i], sizeof number);
      number++;
      memcpy (data + offsets[i], &number, sizeof number);
      write_bytes (cache, data, size);

      db = load (folder);
      assert_compiled (db, FALSE);
      g_assert_cmpstr (headphone_name (db), ==, "Bravo");
      /* Compiled again, with this Headroom's numbers. */
      rewritten = read_bytes (cache);
      memcpy (&number, (const guint8 *) g_bytes_get_data (rewritten, NULL) + offsets[i], sizeof number);
      g_assert_cmpuint (number, ==, i == 0 ? HR_PRESET_CACHE_FORMAT : HR_PRESET_SCHEMA_VERSION);
    }
}

/* A cache for another folder, at this folder's name. */
static void
test_foreign_cache (void)
{
  g_autofree char *other = lying_folder ("other");
  g_autofree char *other_cache = user_cache_path (other);
  g_autofree char *folder = g_build_filename (work_dir, "foreign", NULL);
  g_autofree char *cache = user_cache_path (folder);
  g_autofree char *other_path = g_build_filename (other, "presets.json", NULL);
  g_autoptr(GBytes) bytes = read_bytes (other_cache);
  g_autoptr(HrPresetDb) db = NULL;

  remove_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  rewrite (folder, SMALL_FILE ("Bravo"), get_mtime_s (other_path));
  write_bytes (cache, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  db = load (folder);
  assert_compiled (db, FALSE);
  g_assert_cmpstr (headphone_name (db), ==, "Bravo");
}

/* A file with problems is read from its JSON every time, its problems
 * said every time; a good file next to it is still compiled. */
static void
test_problems (void)
{
  g_autofree char *folder = new_folder ("problems");
  g_autofree char *broken = g_build_filename (folder, "broken.json", NULL);
  g_autofree char *good = g_build_filename (folder, "good.json", NULL);

  write_old_file (broken,
                  "{\"headphones\": [" HEADPHONE ("test-ok", "Fine", "32") ",\n"
                  "{\"id\": \"test-bad\", \"name\": \"Broken\", \"manufacturer\": \"Maker\", \"type\": \"banana\","
                  " \"nominal_impedance_ohm\": 32, \"impedance\": {\"model\": \"resistor\", \"r_ohm\": 32}}]}\n",
                  3600);
  write_old_file (good, "{\"sources\": [" SOURCE ("test-amp", "Amp") "]}\n", 3600);

  for (guint run = 0; run < 2; run++)
    {
      g_autoptr(HrPresetDb) db = load (folder);
      GPtrArray *problems = hr_preset_db_get_problems (db);
      HrPresetProblem *problem;

      g_assert_cmpuint (problems->len, ==, 1);
      problem = g_ptr_array_index (problems, 0);
      g_assert_cmpuint (problem->line, ==, 2);
      g_assert_nonnull (strstr (problem->message, "banana"));
      g_assert_nonnull (hr_preset_db_lookup_headphone (db, "test-ok"));
      g_assert_null (hr_preset_db_lookup_headphone (db, "test-bad"));
      g_assert_false (hr_preset_get_compiled (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-ok"))));
      g_assert_cmpint (hr_preset_get_compiled (HR_PRESET (hr_preset_db_lookup_source (db, "test-amp"))), ==, run > 0);
    }
}

/* A cache compiled at build time, next to its files, as
 * headroom-compile-presets makes it: read as it is, and no cache of the
 * user's written, until a file is not as it was compiled. */
static void
test_installed_cache (void)
{
  g_autofree char *folder = new_folder ("installed");
  g_autofree char *installed = g_build_filename (folder, HR_PRESET_CACHE_INSTALLED_NAME, NULL);
  g_autofree char *path = g_build_filename (folder, "presets.json", NULL);
  g_autofree char *cache = user_cache_path (folder);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(HrPresetFile) file = NULL;
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  HrPresetStamp stamp;
  gsize length;
  gint64 now_s = g_get_real_time () / G_USEC_PER_SEC;

  write_old_file (path, SMALL_FILE ("Alpha"), 3600);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (hr_preset_stamp_read (path, contents, length, &stamp));
  file = hr_preset_file_new_from_data (path, contents, length, HR_PRESET_ORIGIN_BUNDLED);
  g_ptr_array_add (records, g_variant_ref_sink (hr_preset_cache_compile_record ("presets.json", &stamp, file)));
  bytes = hr_preset_cache_serialise ("", hr_preset_cache_now_ns (), records);
  write_bytes (installed, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  db = load (folder);
  assert_compiled (db, TRUE);
  g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_clear_object (&db);

  /* Installed with another time, as some package managers do: checked
   * by the hash, and the user's cache then has it under the new time. */
  set_mtime (path, now_s - 1800);
  db = load (folder);
  assert_compiled (db, TRUE);
  g_assert_true (g_file_test (cache, G_FILE_TEST_EXISTS));
  g_clear_object (&db);

  /* Changed: read from the JSON, compiled into the user's cache. */
  rewrite (folder, SMALL_FILE ("Bravo"), now_s - 1200);
  db = load (folder);
  assert_compiled (db, FALSE);
  g_assert_cmpstr (headphone_name (db), ==, "Bravo");
  g_clear_object (&db);
  db = load (folder);
  assert_compiled (db, TRUE);
  g_assert_cmpstr (headphone_name (db), ==, "Bravo");
}

/* The user's own file goes through a cache of its own, rebuilt when a
 * preset is written into it. */
static void
test_user_file (void)
{
  g_autofree char *folder = new_folder ("user");
  g_autofree char *bundled = g_build_filename (folder, "bundled", NULL);
  g_autofree char *user_dir = g_build_filename (folder, "data", NULL);
  g_autofree char *user_file = g_build_filename (user_dir, "presets.json", NULL);
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (bundled, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (user_dir, 0700), ==, 0);
  write_old_file (user_file, SMALL_FILE ("Mine"), 3600);

  db = hr_preset_db_new (bundled, user_file);
  g_assert_false (hr_preset_get_compiled (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-hp"))));
  g_clear_object (&db);
  db = hr_preset_db_new (bundled, user_file);
  g_assert_true (hr_preset_get_compiled (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-hp"))));
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-hp"))), ==,
                   HR_PRESET_ORIGIN_USER);

  node = json_from_string (HEADPHONE ("test-new", "New", "64"), &error);
  g_assert_no_error (error);
  g_assert_true (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, node, HR_PRESET_WRITE_ADD, &error));
  g_assert_no_error (error);
  g_assert_nonnull (hr_preset_db_lookup_headphone (db, "test-new"));
  g_assert_cmpstr (hr_preset_get_name (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-hp"))), ==, "Mine");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);
  /* Before GLib reads it, which it does once. */
  cache_home = g_dir_make_tmp ("headroom-test-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  work_dir = g_dir_make_tmp ("headroom-test-presets-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/preset-cache/bundled-both-ways", test_bundled_both_ways);
  g_test_add_func ("/preset-cache/generated-both-ways", test_generated_both_ways);
  g_test_add_func ("/preset-cache/lying-cache-is-read", test_lying_cache_is_read);
  g_test_add_func ("/preset-cache/deleted", test_deleted_cache);
  g_test_add_func ("/preset-cache/stale", test_stale_cache);
  g_test_add_func ("/preset-cache/racy-file", test_racy_file);
  g_test_add_func ("/preset-cache/broken", test_broken_cache);
  g_test_add_func ("/preset-cache/newer", test_newer_cache);
  g_test_add_func ("/preset-cache/foreign", test_foreign_cache);
  g_test_add_func ("/preset-cache/problems", test_problems);
  g_test_add_func ("/preset-cache/installed", test_installed_cache);
  g_test_add_func ("/preset-cache/user-file", test_user_file);

  status = g_test_run ();
  remove_tree (cache_home);
  remove_tree (work_dir);
  g_free (cache_home);
  g_free (work_dir);
  return status;
}
