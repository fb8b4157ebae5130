/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

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

/* Compiled preset caches that were not made by Headroom, or were damaged
 * after: test-preset-cache.c has the caches Headroom makes, and a few
 * ways of breaking one; this one has the rest.
 *
 *  - caches made by hand, whose checksums hold (the checksums are against
 *    damage, not against anyone who can compute them), with each of the
 *    reader's checks broken in turn;
 *  - every byte of a cache flipped, one at a time, and the cache cut
 *    short at every length: whatever is left is ignored, or read as the
 *    JSON has it, and nothing crashes (the fuzz target does the same
 *    with any bytes, without the checksums);
 *  - the user's JSON, which no cache ever writes, removes or stands in
 *    for, and a cache compiled at build time, which is never removed.
 *
 * Each time, the presets are held to those of a load from the JSON alone,
 * JSON and all: test-preset-cache.c holds a preset's figures to its JSON. */

static char *cache_home;
static char *work_dir;

#define N_PRESETS 6

static void
write_bytes (const char    *path,
             gconstpointer  data,
             gsize          length)
{
  g_autofree char *temporary = g_strconcat (path, ".tmp", NULL);
  g_autoptr(GError) error = NULL;

  /* Renamed over it, as Headroom writes its caches: a cache that is
   * written in place under a mapping of it changes under the reader. Not
   * synced, which would take most of the test's time: nothing here
   * outlives the test. */
  g_file_set_contents_full (temporary, data, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_rename (temporary, path), ==, 0);
}

/* The offset of the last @text in @bytes: in the last body, for text
 * that only bodies hold. */
static gsize
find_last (GBytes     *bytes,
           const char *text)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  gsize length = strlen (text);

  for (gsize i = size - length + 1; i-- > 0;)
    if (memcmp (data + i, text, length) == 0)
      return i;
  g_assert_not_reached ();
}

/* Written an hour ago, so that its time settles whether it changed
 * (RACY_NS, hr-preset-cache.c). */
static void
write_old_file (const char *path,
                const char *text)
{
  write_bytes (path, text, strlen (text));
  set_mtime (path, g_get_real_time () / G_USEC_PER_SEC - 3600);
}

/* A folder of generated presets, no cache for it yet. */
static char *
new_folder (const char *name)
{
  g_autofree char *caches = g_build_filename (cache_home, "headroom", NULL);
  g_autofree char *path = NULL;
  g_autoptr(GString) json = hr_generated_presets_new (N_PRESETS);
  char *folder = g_build_filename (work_dir, name, NULL);

  remove_tree (caches);
  remove_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  path = g_build_filename (folder, "generated.json", NULL);
  write_old_file (path, json->str);
  return folder;
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

/* How many of @db's presets were listed from a cache. */
static guint
count_compiled (HrPresetDb *db)
{
  guint n = 0;

  for (HrPresetKind kind = HR_PRESET_KIND_SOURCE; kind <= HR_PRESET_KIND_HEADPHONE; kind++)
    {
      g_autoptr(GPtrArray) presets = hr_preset_db_list (db, kind, NULL);

      for (guint i = 0; i < presets->len; i++)
        n += hr_preset_get_compiled (g_ptr_array_index (presets, i));
    }
  return n;
}

/* Every preset of @db as @reference has it, its body read (from wherever
 * it comes: the cache, the JSON, or a stand-in, which would differ). */
static void
assert_as_json (HrPresetDb *reference,
                HrPresetDb *db)
{
  g_assert_cmpuint (hr_preset_db_get_problems (db)->len, ==, 0);
  for (HrPresetKind kind = HR_PRESET_KIND_SOURCE; kind <= HR_PRESET_KIND_HEADPHONE; kind++)
    {
      g_autoptr(GPtrArray) expected = hr_preset_db_list (reference, kind, NULL);
      g_autoptr(GPtrArray) presets = hr_preset_db_list (db, kind, NULL);

      g_assert_cmpuint (presets->len, ==, expected->len);
      for (guint i = 0; i < presets->len; i++)
        {
          HrPreset *a = g_ptr_array_index (expected, i);
          HrPreset *b = g_ptr_array_index (presets, i);

          g_assert_cmpstr (hr_preset_get_id (b), ==, hr_preset_get_id (a));
          g_assert_cmpstr (hr_preset_get_name (b), ==, hr_preset_get_name (a));
          g_assert_cmpstr (hr_preset_get_manufacturer (b), ==, hr_preset_get_manufacturer (a));
          g_assert_cmpstr (hr_preset_get_filename (b), ==, hr_preset_get_filename (a));
          g_assert_cmpstr (hr_preset_get_notes (b), ==, hr_preset_get_notes (a));
          g_assert_true (json_node_equal (hr_preset_get_json (b), hr_preset_get_json (a)));
        }
    }
}

/* The one record of a cache compiled from @folder, and the cache. */
static GVariant *
compile_folder (const char *folder)
{
  g_autofree char *path = g_build_filename (folder, "generated.json", NULL);
  g_autoptr(HrPresetFile) file = NULL;
  g_autofree char *contents = NULL;
  HrPresetStamp stamp;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (hr_preset_stamp_read (path, contents, length, &stamp));
  file = hr_preset_file_new_from_data (path, contents, length, HR_PRESET_ORIGIN_BUNDLED);
  return g_variant_ref_sink (hr_preset_cache_compile_record ("generated.json", &stamp, file));
}

/* @members as a record, with the columns' checksum computed as
 * hr_preset_cache_compile_record() does: one that holds. */
static GVariant *
make_record (GVariant **members)
{
  guint64 sum = 0;

  for (guint member = HR_RECORD_KINDS; member < HR_RECORD_BODIES; member++)
    if (g_variant_get_size (members[member]) > 0)
      sum ^= hr_preset_cache_checksum (g_variant_get_data (members[member]),
                                       g_variant_get_size (members[member])) + member;
  g_variant_unref (members[HR_RECORD_INDEX_SUM]);
  members[HR_RECORD_INDEX_SUM] = g_variant_ref_sink (g_variant_new_uint64 (sum));
  return g_variant_ref_sink (g_variant_new_tuple (members, HR_RECORD_N_MEMBERS));
}

static void
write_cache (const char *path,
             const char *key,
             GVariant   *record)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new ();
  g_autoptr(GBytes) bytes = NULL;

  g_ptr_array_add (records, record);
  bytes = hr_preset_cache_serialise (key, hr_preset_cache_now_ns (), records);
  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

static GVariant *
new_bytes_column (const guint8 *data,
                  gsize         length)
{
  return g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, data, length, 1));
}

/* Each a way a record lists presets that are not ones. */
typedef enum
{
  HAND_KIND,
  HAND_CLASS,
  HAND_FLAGS,
  HAND_NOMINAL_NAN,
  HAND_NOMINAL_NEGATIVE,
  HAND_OFFSET_OUTSIDE,
  HAND_STRINGS_UNENDED,
  HAND_NAME_NOT_UTF8,
  HAND_NAME_EMPTY,
  HAND_ID_NOT_AN_ID,
  HAND_KINDS_SHORT,
  HAND_OFFSETS_SHORT,
  HAND_BODIES_SHORT,
  HAND_COLUMN_NOT_NORMAL,
  N_HAND
} Hand;

/* @record with its columns changed as @how says, its checksum holding. */
static GVariant *
hand_made_columns (GVariant *record,
                   Hand      how)
{
  GVariant *members[HR_RECORD_N_MEMBERS];
  GVariant *made;
  gsize n_presets, strings_size, n_offsets, n_nominal;
  g_autofree guint8 *kinds = NULL;
  g_autofree char *strings = NULL;
  g_autofree guint32 *offsets = NULL;
  g_autofree double *nominal = NULL;
  guint headphone = 0;

  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    members[i] = g_variant_get_child_value (record, i);
  /* Each length is known once its array is read. */
  kinds = (guint8 *) g_variant_get_fixed_array (members[HR_RECORD_KINDS], &n_presets, 1);
  kinds = g_memdup2 (kinds, n_presets);
  strings = (char *) g_variant_get_fixed_array (members[HR_RECORD_STRINGS], &strings_size, 1);
  strings = g_memdup2 (strings, strings_size);
  offsets = (guint32 *) g_variant_get_fixed_array (members[HR_RECORD_OFFSETS], &n_offsets, sizeof (guint32));
  offsets = g_memdup2 (offsets, n_offsets * sizeof (guint32));
  nominal = (double *) g_variant_get_fixed_array (members[HR_RECORD_NOMINAL_OHM], &n_nominal, sizeof (double));
  nominal = g_memdup2 (nominal, n_nominal * sizeof (double));
  while (headphone < n_presets && kinds[headphone] != HR_PRESET_KIND_HEADPHONE)
    headphone++;
  g_assert_cmpuint (headphone, <, n_presets);

#define REPLACE(member, value) \
  G_STMT_START { g_variant_unref (members[member]); members[member] = (value); } G_STMT_END

  switch (how)
    {
    case HAND_KIND:
      kinds[0] = 7;
      REPLACE (HR_RECORD_KINDS, new_bytes_column (kinds, n_presets));
      break;
    case HAND_CLASS:
      {
        g_autofree guint8 *classes = g_malloc0 (n_presets);

        classes[0] = 200;
        REPLACE (HR_RECORD_CLASSES, new_bytes_column (classes, n_presets));
      }
      break;
    case HAND_FLAGS:
      {
        g_autofree guint8 *flags = g_malloc0 (n_presets);

        flags[headphone] = HR_PRESET_CACHE_FLAG_GENERIC;
        REPLACE (HR_RECORD_FLAGS, new_bytes_column (flags, n_presets));
      }
      break;
    case HAND_NOMINAL_NAN:
    case HAND_NOMINAL_NEGATIVE:
      nominal[headphone] = how == HAND_NOMINAL_NAN ? NAN : -32.0;
      REPLACE (HR_RECORD_NOMINAL_OHM,
               g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, nominal, n_nominal,
                                                              sizeof (double))));
      break;
    case HAND_OFFSET_OUTSIDE:
    case HAND_OFFSETS_SHORT:
      offsets[1] = how == HAND_OFFSET_OUTSIDE ? (guint32) strings_size + 5 : offsets[1];
      REPLACE (HR_RECORD_OFFSETS,
               g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, offsets,
                                                              how == HAND_OFFSETS_SHORT ? n_offsets - 1 : n_offsets,
                                                              sizeof (guint32))));
      break;
    case HAND_STRINGS_UNENDED:
    case HAND_NAME_NOT_UTF8:
    case HAND_NAME_EMPTY:
    case HAND_ID_NOT_AN_ID:
      if (how == HAND_STRINGS_UNENDED)
        strings[strings_size - 1] = 'x';
      else if (how == HAND_NAME_NOT_UTF8)
        strings[offsets[1]] = (char) 0xff;
      else if (how == HAND_NAME_EMPTY)
        strings[offsets[1]] = '\0';
      else
        strings[offsets[0]] = ' ';
      REPLACE (HR_RECORD_STRINGS, new_bytes_column ((const guint8 *) strings, strings_size));
      break;
    case HAND_KINDS_SHORT:
      REPLACE (HR_RECORD_KINDS, new_bytes_column (kinds, n_presets - 1));
      break;
    case HAND_BODIES_SHORT:
      {
        g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

        for (gsize i = 0; i + 1 < n_presets; i++)
          g_ptr_array_add (bodies, g_variant_get_child_value (members[HR_RECORD_BODIES], i));
        REPLACE (HR_RECORD_BODIES,
                 g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE_VARDICT, (GVariant **) bodies->pdata,
                                                          bodies->len)));
      }
      break;
    case HAND_COLUMN_NOT_NORMAL:
      /* Doubles in 7 bytes: not in normal form, and read as none. */
      {
        g_autoptr(GBytes) short_bytes = g_bytes_new (nominal, 7);

        REPLACE (HR_RECORD_NOMINAL_OHM,
                 g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("ad"), short_bytes, FALSE)));
      }
      break;
    case N_HAND:
    default:
      g_assert_not_reached ();
    }
#undef REPLACE

  made = make_record (members);
  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    g_variant_unref (members[i]);
  return made;
}

/* A record with a broken column is not used: the file is read from its
 * JSON, silently, and compiled again. */
static void
test_hand_made_columns (void)
{
  for (Hand how = 0; how < N_HAND; how++)
    {
      g_autofree char *folder = new_folder ("columns");
      g_autofree char *cache = user_cache_path (folder);
      g_autofree char *key = hr_preset_cache_dup_key (folder, HR_PRESET_ORIGIN_BUNDLED);
      g_autoptr(HrPresetDb) reference = load (folder);
      g_autoptr(GVariant) record = compile_folder (folder);
      g_autoptr(GVariant) made = hand_made_columns (record, how);
      g_autoptr(HrPresetDb) db = NULL;
      g_autoptr(HrPresetDb) again = NULL;

      g_test_message ("hand-made in way %d", how);
      g_assert_cmpuint (count_compiled (reference), ==, 0);
      write_cache (cache, key, made);
      db = load (folder);
      g_assert_cmpuint (count_compiled (db), ==, 0);
      assert_as_json (reference, db);

      again = load (folder);
      g_assert_cmpuint (count_compiled (again), ==, N_PRESETS);
      assert_as_json (reference, again);
    }
}

/* Each a way a body is not the preset its columns list, with its
 * checksum holding. */
typedef enum
{
  BODY_ANOTHER_PRESET,
  BODY_ANOTHER_KIND,
  BODY_EMPTY,
  BODY_NOT_NORMAL,
  N_BODY
} Body;

static GVariant *
hand_made_body (GVariant *record,
                Body      how)
{
  GVariant *members[HR_RECORD_N_MEMBERS];
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autofree guint64 *sums = NULL;
  const guint8 *kinds;
  GVariant *made;
  gsize n_presets, n_sums;
  guint headphone = 0;
  guint other;

  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    members[i] = g_variant_get_child_value (record, i);
  kinds = g_variant_get_fixed_array (members[HR_RECORD_KINDS], &n_presets, 1);
  while (headphone < n_presets && kinds[headphone] != HR_PRESET_KIND_HEADPHONE)
    headphone++;
  other = headphone + 1;
  while (other < n_presets && kinds[other] != (how == BODY_ANOTHER_KIND ? HR_PRESET_KIND_SOURCE
                                                                        : HR_PRESET_KIND_HEADPHONE))
    other = (other + 1) % (guint) n_presets;
  sums = (guint64 *) g_variant_get_fixed_array (members[HR_RECORD_BODY_SUMS], &n_sums, sizeof (guint64));
  sums = g_memdup2 (sums, n_sums * sizeof (guint64));

  for (gsize i = 0; i < n_presets; i++)
    {
      GVariant *body = g_variant_get_child_value (members[HR_RECORD_BODIES], i == headphone ? other : i);

      if (i == headphone && how == BODY_EMPTY)
        {
          g_variant_unref (body);
          body = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE ("{sv}"), NULL, 0));
        }
      else if (i == headphone && how == BODY_NOT_NORMAL)
        {
          /* The last framing offset, which says where the last member
           * begins, pointed past the end. */
          gsize size = g_variant_get_size (body);
          g_autofree guint8 *data = g_memdup2 (g_variant_get_data (body), size);
          g_autoptr(GBytes) bytes = NULL;

          data[size - 1] = 0xff;
          data[size - 2] = 0xff;
          bytes = g_bytes_new (data, size);
          g_variant_unref (body);
          body = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE_VARDICT, bytes, FALSE));
          g_assert_false (g_variant_is_normal_form (body));
        }
      sums[i] = hr_preset_cache_checksum (g_variant_get_data (body), g_variant_get_size (body));
      g_ptr_array_add (bodies, body);
    }
  g_variant_unref (members[HR_RECORD_BODIES]);
  members[HR_RECORD_BODIES] = g_variant_ref_sink (g_variant_new_array (G_VARIANT_TYPE_VARDICT,
                                                                       (GVariant **) bodies->pdata, bodies->len));
  g_variant_unref (members[HR_RECORD_BODY_SUMS]);
  members[HR_RECORD_BODY_SUMS] = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_UINT64, sums, n_sums,
                                                                                sizeof (guint64)));
  made = make_record (members);
  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    g_variant_unref (members[i]);
  return made;
}

/* A record that lists well but whose body is another: listed from the
 * cache, the body read from the JSON on first use, and the cache goes. */
static void
test_hand_made_bodies (void)
{
  for (Body how = 0; how < N_BODY; how++)
    {
      g_autofree char *folder = new_folder ("bodies");
      g_autofree char *cache = user_cache_path (folder);
      g_autofree char *key = hr_preset_cache_dup_key (folder, HR_PRESET_ORIGIN_BUNDLED);
      g_autoptr(HrPresetDb) reference = load (folder);
      g_autoptr(GVariant) record = compile_folder (folder);
      g_autoptr(GVariant) made = hand_made_body (record, how);
      g_autoptr(HrPresetDb) db = NULL;

      g_test_message ("body hand-made in way %d", how);
      write_cache (cache, key, made);
      db = load (folder);
      g_assert_cmpuint (count_compiled (db), ==, N_PRESETS);
      assert_as_json (reference, db);
      g_assert_false (g_file_test (cache, G_FILE_TEST_EXISTS));
    }
}

/* Every byte of a good cache flipped in turn, and the cache cut short
 * at every length: never a crash, and the presets as the JSON has them. */
static void
test_every_byte (void)
{
  g_autofree char *folder = new_folder ("every-byte");
  g_autofree char *cache = user_cache_path (folder);
  g_autoptr(HrPresetDb) reference = load (folder);
  g_autoptr(GBytes) good = read_bytes (cache);
  gsize size = g_bytes_get_size (good);
  /* Every byte only with -m thorough: each load writes the cache again,
   * synced, and every byte takes over a minute. A prime stride meets
   * every part of the layout, and the end, where the framing offsets of
   * the record and the file are, is done byte by byte: one damaged
   * offset once made a record of no presets that passed. */
  gsize stride = g_test_thorough () ? 1 : 11;
  gsize tail = size > 160 ? size - 160 : 0;

  g_assert_cmpuint (size, >, HR_PRESET_CACHE_HEADER_SIZE);
  for (gsize at = 0; at < size; at += at >= tail ? 1 : stride)
    {
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), size);
      g_autoptr(HrPresetDb) flipped = NULL;
      g_autoptr(HrPresetDb) cut = NULL;

      g_test_message ("byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, at, size);
      data[at] ^= 0xff;
      write_bytes (cache, data, size);
      flipped = load (folder);
      assert_as_json (reference, flipped);

      write_bytes (cache, g_bytes_get_data (good, NULL), at);
      cut = load (folder);
      g_assert_cmpuint (count_compiled (cut), ==, 0);
      assert_as_json (reference, cut);
    }
}

/* The user's JSON, its folder and its time are as they were, whatever
 * becomes of its cache; the cache is only ever written in its own place. */
static void
test_user_json_kept (void)
{
  g_autofree char *folder = new_folder ("user-json");
  g_autofree char *bundled = g_build_filename (folder, "bundled", NULL);
  g_autofree char *data_dir = g_build_filename (folder, "data", NULL);
  g_autofree char *user_file = g_build_filename (data_dir, "presets.json", NULL);
  g_autofree char *key = hr_preset_cache_dup_key (data_dir, HR_PRESET_ORIGIN_USER);
  g_autofree char *cache = hr_preset_cache_dup_user_path (key);
  g_autofree char *cache_dir = g_build_filename (cache_home, "headroom", NULL);
  g_autoptr(GString) json = hr_generated_presets_new (N_PRESETS);
  g_autoptr(HrPresetDb) reference = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GBytes) good = NULL;
  GStatBuf before;

  g_assert_cmpint (g_mkdir_with_parents (bundled, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (data_dir, 0700), ==, 0);
  write_old_file (user_file, json->str);
  g_assert_cmpint (g_stat (user_file, &before), ==, 0);
  text = read_bytes (user_file);

  reference = hr_preset_db_new (bundled, user_file);
  g_assert_cmpuint (count_compiled (reference), ==, 0);
  g_assert_true (g_str_has_prefix (cache, cache_dir));
  good = read_bytes (cache);

  /* Good, garbage, cut short, a body damaged (the cache is then removed),
   * of a newer schema, and gone. */
  for (guint round = 0; round < 6; round++)
    {
      gsize size = g_bytes_get_size (good);
      g_autofree guint8 *data = g_memdup2 (g_bytes_get_data (good, NULL), size);
      g_autoptr(HrPresetDb) db = NULL;
      g_autoptr(GDir) dir = NULL;
      g_autoptr(GBytes) after = NULL;
      GStatBuf now;
      guint32 schema = HR_PRESET_SCHEMA_VERSION + 1;

      if (round == 1)
        memset (data + HR_PRESET_CACHE_HEADER_SIZE, 0x5a, size - HR_PRESET_CACHE_HEADER_SIZE);
      else if (round == 2)
        size /= 3;
      else if (round == 3)
        data[find_last (good, "review site")] ^= 0x01;
      else if (round == 4)
        memcpy (data + 12, &schema, sizeof schema);
      if (round == 5)
        g_unlink (cache);
      else
        write_bytes (cache, data, size);

      db = hr_preset_db_new (bundled, user_file);
      assert_as_json (reference, db);
      g_assert_false (hr_preset_db_get_user_file_broken (db));

      after = read_bytes (user_file);
      g_assert_true (g_bytes_equal (after, text));
      g_assert_cmpint (g_stat (user_file, &now), ==, 0);
      g_assert_cmpint (now.st_mtime, ==, before.st_mtime);
      g_assert_cmpint (now.st_ino, ==, before.st_ino);
      /* Nothing next to it: no copy, no cache. */
      dir = g_dir_open (data_dir, 0, NULL);
      g_assert_cmpstr (g_dir_read_name (dir), ==, "presets.json");
      g_assert_null (g_dir_read_name (dir));
    }
}

/* A cache compiled at build time is the package's: a body that fails in
 * it is read from the JSON, and the cache stays, even in a folder whose
 * name begins as the user's cache folder's does. */
static void
test_installed_kept (void)
{
  g_autofree char *folder = g_build_filename (cache_home, "headroom-installed", NULL);
  g_autofree char *path = g_build_filename (folder, "generated.json", NULL);
  g_autofree char *installed = g_build_filename (folder, HR_PRESET_CACHE_INSTALLED_NAME, NULL);
  g_autoptr(GString) json = hr_generated_presets_new (N_PRESETS);
  g_autoptr(HrPresetDb) reference = NULL;
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(GVariant) record = NULL;
  g_autoptr(GVariant) made = NULL;

  remove_tree (folder);
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  write_old_file (path, json->str);
  reference = load (folder);
  record = compile_folder (folder);
  made = hand_made_body (record, BODY_ANOTHER_PRESET);
  write_cache (installed, "", made);

  db = load (folder);
  g_assert_cmpuint (count_compiled (db), ==, N_PRESETS);
  assert_as_json (reference, db);
  g_assert_true (g_file_test (installed, G_FILE_TEST_EXISTS));
  remove_tree (folder);
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

  g_test_add_func ("/preset-cache-hostile/hand-made-columns", test_hand_made_columns);
  g_test_add_func ("/preset-cache-hostile/hand-made-bodies", test_hand_made_bodies);
  g_test_add_func ("/preset-cache-hostile/every-byte", test_every_byte);
  g_test_add_func ("/preset-cache-hostile/user-json-kept", test_user_json_kept);
  g_test_add_func ("/preset-cache-hostile/installed-kept", test_installed_kept);

  status = g_test_run ();
  remove_tree (cache_home);
  remove_tree (work_dir);
  g_free (cache_home);
  g_free (work_dir);
  return status;
}
