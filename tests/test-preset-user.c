/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>

#include "hr-db-error.h"
#include "hr-preset-db.h"
#include "test-user-data.h"

/* The user's own presets, in a temporary XDG_DATA_HOME: add, edit and
 * remove through the library, the .bak kept by a second write, an override
 * of a bundled id flagged, and a file that cannot be read kept byte for
 * byte with a copy set aside. */


#define HEADPHONE(id, name, ohm) \
  "{\"id\": \"" id "\", \"name\": \"" name "\", \"manufacturer\": \"Me\", \"type\": \"planar\"," \
  " \"nominal_impedance_ohm\": " ohm ", \"sensitivity\": {\"value\": 100, \"unit\": \"dB/V\"}," \
  " \"impedance\": {\"model\": \"resistor\", \"r_ohm\": " ohm "}}"

static char *
bundled_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "presets", "bundled", NULL);
}

static JsonNode *
parse (const char *json)
{
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_from_string (json, &error);

  g_assert_no_error (error);
  return node;
}

static void
write_preset (HrPresetDb    *db,
              const char    *json,
              HrPresetWrite  mode)
{
  g_autoptr(JsonNode) node = parse (json);
  g_autoptr(GError) error = NULL;

  g_assert_true (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, node, mode, &error));
  g_assert_no_error (error);
}

static void
test_round_trip (void)
{
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *path = user_file ();
  g_autofree char *backup = g_strconcat (path, ".bak", NULL);
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(HrPresetDb) reread = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *backup_text = NULL;
  HrHeadphonePreset *mine;

  remove_user_files ();
  db = hr_preset_db_new (bundled, NULL);
  g_assert_cmpstr (hr_preset_db_get_user_file (db), ==, path);
  g_assert_cmpuint (hr_preset_db_get_problems (db)->len, ==, 0);
  g_assert_null (hr_preset_db_lookup_headphone (db, "mine"));

  /* Add: the folder and the file are made. */
  write_preset (db, HEADPHONE ("mine", "Mine", "32"), HR_PRESET_WRITE_ADD);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
  mine = hr_preset_db_lookup_headphone (db, "mine");
  g_assert_nonnull (mine);
  g_assert_cmpint (hr_preset_get_origin (HR_PRESET (mine)), ==, HR_PRESET_ORIGIN_USER);
  g_assert_false (hr_preset_get_overrides_bundled (HR_PRESET (mine)));
  g_assert_true (g_file_get_contents (path, &first_text, NULL, NULL));

  /* Adding it again is refused; the file is untouched. */
  {
    g_autoptr(JsonNode) again = parse (HEADPHONE ("mine", "Mine", "32"));

    g_assert_false (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, again,
                                                    HR_PRESET_WRITE_ADD, &error));
    g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_EXISTS);
    g_assert_cmpstr (error->message, ==, "your presets already have a headphone “mine”; edit it instead");
    g_clear_error (&error);
  }

  /* Edit: the second write keeps the first as .bak. */
  write_preset (db, HEADPHONE ("mine", "Mine v2", "64"), HR_PRESET_WRITE_EDIT);
  mine = hr_preset_db_lookup_headphone (db, "mine");
  g_assert_cmpstr (hr_preset_get_name (HR_PRESET (mine)), ==, "Mine v2");
  g_assert_cmpfloat (hr_headphone_preset_get_nominal_impedance (mine)->value, ==, 64.0);
  g_assert_true (g_file_get_contents (backup, &backup_text, NULL, NULL));
  g_assert_cmpstr (backup_text, ==, first_text);

  /* Another database, as the next run of the app, reads the same. */
  reread = hr_preset_db_new (bundled, NULL);
  g_assert_cmpstr (hr_preset_get_name (HR_PRESET (hr_preset_db_lookup_headphone (reread, "mine"))),
                   ==, "Mine v2");

  /* A bundled id, added by the user, overrides the bundled preset. */
  write_preset (db, HEADPHONE ("test-planar", "My planar", "40"), HR_PRESET_WRITE_ADD);
  {
    HrPreset *planar = HR_PRESET (hr_preset_db_lookup_headphone (db, "test-planar"));
    g_autoptr(GPtrArray) listed = hr_preset_db_list (db, HR_PRESET_KIND_HEADPHONE, "MY PLANAR");

    g_assert_cmpstr (hr_preset_get_name (planar), ==, "My planar");
    g_assert_true (hr_preset_get_overrides_bundled (planar));
    g_assert_cmpint (hr_preset_get_origin (planar), ==, HR_PRESET_ORIGIN_USER);
    g_assert_cmpuint (listed->len, ==, 1);
    g_assert_true (g_ptr_array_index (listed, 0) == (gpointer) planar);
  }

  /* Removing the override brings the bundled one back. */
  g_assert_true (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_HEADPHONE, "test-planar", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hr_preset_get_name (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-planar"))),
                   ==, "Planar 32");
  g_assert_false (hr_preset_get_overrides_bundled (HR_PRESET (hr_preset_db_lookup_headphone (db, "test-planar"))));

  /* Bundled presets cannot be removed; unknown ones are not there. */
  g_assert_false (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_HEADPHONE, "test-planar", &error));
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==,
                   "the headphone “test-planar” is a bundled preset; only your own presets can be removed");
  g_clear_error (&error);
  g_assert_false (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_SOURCE, "nothing", &error));
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "your presets have no source “nothing”");
  g_clear_error (&error);

  /* Editing what does not exist anywhere is refused. */
  {
    g_autoptr(JsonNode) ghost = parse (HEADPHONE ("ghost", "Ghost", "32"));

    g_assert_false (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, ghost,
                                                    HR_PRESET_WRITE_EDIT, &error));
    g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "there is no headphone “ghost” to edit; add it instead");
    g_clear_error (&error);
  }

  g_assert_true (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_HEADPHONE, "mine", &error));
  g_assert_null (hr_preset_db_lookup_headphone (db, "mine"));
}

/* What is written must load: a broken preset is refused with all its
 * problems, and nothing is written. */
static void
test_invalid_preset (void)
{
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *path = user_file ();
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(JsonNode) node = parse ("{\"id\": \"Bad\", \"name\": \"x\", \"manufacturer\": \"y\","
                                    " \"type\": \"horn\"}");
  g_autoptr(GError) error = NULL;

  remove_user_files ();
  db = hr_preset_db_new (bundled, NULL);
  g_assert_false (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, node,
                                                  HR_PRESET_WRITE_ADD, &error));
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_PRESET);
  g_assert_cmpstr (error->message, ==,
                   "the headphone is not a valid preset: id must be lower-case letters and digits "
                   "in words joined by single hyphens ([a-z0-9]+(-[a-z0-9]+)*), got “Bad”; "
                   "type must be one of open-dynamic, closed-dynamic, planar, dynamic-iem, ba-iem, "
                   "hybrid-iem, got “horn”; nominal_impedance_ohm is missing; "
                   "impedance is missing");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A user file that is not JSON is never written over: loading says so,
 * a write is refused naming the file and a copy set aside, and the file
 * stays byte for byte. Its broken presets are not lost either, when the
 * file is readable: they stay in it as they were. */
static void
test_broken_user_file (void)
{
  static const char broken[] = "{\n  \"headphones\": [\n    { \"id\": \"x\", }\n  ]\n}\n";
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *path = user_file ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(JsonNode) node = parse (HEADPHONE ("mine", "Mine", "32"));
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *copy_name = NULL;
  g_autofree char *copy_text = NULL;
  g_autoptr(GDir) dir = NULL;
  GPtrArray *problems;
  const char *name;

  remove_user_files ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, broken, -1, NULL));

  db = hr_preset_db_new (bundled, NULL);
  g_assert_true (hr_preset_db_get_user_file_broken (db));
  problems = hr_preset_db_get_problems (db);
  g_assert_cmpuint (problems->len, ==, 2);
  {
    g_autofree char *first = hr_preset_problem_to_string (g_ptr_array_index (problems, 0));
    g_autofree char *second = hr_preset_problem_to_string (g_ptr_array_index (problems, 1));
    g_autofree char *expected_first = g_strdup_printf ("%s:3:16: Parse error: unexpected character `,', expected character `]'", path);
    g_autofree char *expected_second =
      g_strdup_printf ("%s: your presets could not be read; the file is kept as it is and "
                       "will not be written until it is fixed", path);

    g_assert_cmpstr (first, ==, expected_first);
    g_assert_cmpstr (second, ==, expected_second);
  }
  /* The bundled presets still load. */
  g_assert_nonnull (hr_preset_db_lookup_headphone (db, "test-hp-300"));

  g_assert_false (hr_preset_db_write_user_preset (db, HR_PRESET_KIND_HEADPHONE, node,
                                                  HR_PRESET_WRITE_ADD, &error));
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_BROKEN_USER_FILE);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);

  dir = g_dir_open (folder, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "presets.json.broken-"))
        copy_name = g_build_filename (folder, name, NULL);
    }
  g_assert_nonnull (copy_name);
  g_assert_true (g_file_get_contents (copy_name, &copy_text, NULL, NULL));
  g_assert_cmpstr (copy_text, ==, broken);
  {
    g_autofree char *expected =
      g_strdup_printf ("%s cannot be read (%s:3:16: Parse error: unexpected character `,', expected "
                       "character `]'); it is kept as it is, a copy is in %s, and nothing was "
                       "written: fix the file or move it away, then try again",
                       path, path, copy_name);

    g_assert_cmpstr (error->message, ==, expected);
  }
  g_clear_error (&error);

  /* Removing is refused the same way. */
  g_assert_false (hr_preset_db_remove_user_preset (db, HR_PRESET_KIND_HEADPHONE, "x", &error));
  g_assert_error (error, HR_DB_ERROR, HR_DB_ERROR_BROKEN_USER_FILE);
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, broken);
}

/* A readable file with a broken preset: the write keeps that preset as
 * the user wrote it. */
static void
test_broken_preset_kept (void)
{
  static const char text[] =
    "{\"headphones\": [{\"id\": \"half\", \"name\": \"Half done\", \"todo\": true}]}";
  g_autofree char *bundled = bundled_dir ();
  g_autofree char *path = user_file ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(HrPresetDb) db = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *after = NULL;
  JsonArray *headphones;

  remove_user_files ();
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));

  db = hr_preset_db_new (bundled, NULL);
  g_assert_false (hr_preset_db_get_user_file_broken (db));
  /* manufacturer, type, nominal_impedance_ohm and impedance: the sensitivity may be left out. */
  g_assert_cmpuint (hr_preset_db_get_problems (db)->len, ==, 4);
  write_preset (db, HEADPHONE ("mine", "Mine", "32"), HR_PRESET_WRITE_ADD);

  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  written = parse (after);
  headphones = json_object_get_array_member (json_node_get_object (written), "headphones");
  g_assert_cmpuint (json_array_get_length (headphones), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (headphones, 0), "todo"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (headphones, 1), "id"),
                   ==, "mine");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything reads it: GLib caches the user data dir. */
  user_data_init ("headroom-test-XXXXXX");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/preset-user/round-trip", test_round_trip);
  g_test_add_func ("/preset-user/invalid-preset", test_invalid_preset);
  g_test_add_func ("/preset-user/broken-file", test_broken_user_file);
  g_test_add_func ("/preset-user/broken-preset-kept", test_broken_preset_kept);

  status = g_test_run ();

  user_data_clear ();
  return status;
}
