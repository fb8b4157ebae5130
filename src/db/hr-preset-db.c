/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-preset-db.h"
#include "hr-preset-cache.h"
#include "hr-preset-db-private.h"
#include "hr-preset-private.h"

/* The presets the app and the CLI offer: the bundled files, then the
 * user's own file over them. A user preset with the id of a bundled one
 * takes its place and is flagged, by design (SCHEMA.md, "Ids").
 *
 * Bundled presets are looked for where an installed Headroom has them,
 * and in the source tree when it runs uninstalled; HEADROOM_PRESETS_DIR
 * overrides both, for tests and for packagers' checks.
 *
 * The files are read through compiled caches (hr-preset-cache-files.c):
 * the bundled ones through the cache compiled at build time where it is
 * current, any other folder and the user's file through a cache in
 * $XDG_CACHE_HOME/headroom, compiled on the first load after they change.
 */

G_DEFINE_FINAL_TYPE (HrPresetDb, hr_preset_db, G_TYPE_OBJECT)

static void
hr_preset_db_finalize (GObject *object)
{
  HrPresetDb *self = HR_PRESET_DB (object);

  g_clear_pointer (&self->bundled_dir, g_free);
  g_clear_pointer (&self->user_file, g_free);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->headphones, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->opened, g_ptr_array_unref);
  hr_preset_db_tables_changed (self);

  G_OBJECT_CLASS (hr_preset_db_parent_class)->finalize (object);
}

static void
hr_preset_db_class_init (HrPresetDbClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hr_preset_db_finalize;
}

static void
hr_preset_db_init (HrPresetDb *self)
{
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->headphones = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_preset_problem_free);
  self->opened = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * hr_preset_db_dup_default_bundled_dir:
 *
 * $HEADROOM_PRESETS_DIR, else the installed folder if there is one, else
 * the source tree's data/presets.
 */
char *
hr_preset_db_dup_default_bundled_dir (void)
{
  const char *env = g_getenv ("HEADROOM_PRESETS_DIR");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);
  if (g_file_test (PACKAGE_DATADIR "/presets", G_FILE_TEST_IS_DIR))
    return g_strdup (PACKAGE_DATADIR "/presets");
  return g_strdup (HR_SOURCE_PRESETS_DIR);
}

/* $XDG_DATA_HOME/headroom/presets.json */
char *
hr_preset_db_dup_default_user_file (void)
{
  return g_build_filename (g_get_user_data_dir (), "headroom", "presets.json", NULL);
}

static GHashTable *
table_for (HrPresetDb   *self,
           HrPresetKind  kind)
{
  switch (kind)
    {
    case HR_PRESET_KIND_SOURCE:
      return self->sources;
    case HR_PRESET_KIND_HEADPHONE:
      return self->headphones;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
take_problems (HrPresetDb   *self,
               HrPresetFile *file)
{
  GPtrArray *problems = hr_preset_file_get_problems (file);

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (self->problems, hr_preset_problem_copy (g_ptr_array_index (problems, i)));
}

static void
add_presets (HrPresetDb   *self,
             HrPresetFile *file,
             HrPresetKind  kind,
             GPtrArray    *presets)
{
  GHashTable *table = table_for (self, kind);

  for (guint i = 0; i < presets->len; i++)
    {
      HrPreset *preset = g_ptr_array_index (presets, i);
      HrPreset *bundled = g_hash_table_lookup (table, hr_preset_get_id (preset));

      if (bundled != NULL && hr_preset_get_origin (preset) == HR_PRESET_ORIGIN_BUNDLED)
        {
          g_autoptr(GError) error = NULL;
          g_autofree char *display_name = g_filename_display_name (hr_preset_get_filename (bundled));

          /* Two bundled files disagree: a packaging mistake, which the
           * bundled-presets test catches; the first file wins. */
          error = g_error_new (HR_DB_ERROR, HR_DB_ERROR_DUPLICATE_ID,
                               _("the %s “%s” is already in %s"),
                               hr_preset_kind_to_string (kind), hr_preset_get_id (preset),
                               display_name);
          g_ptr_array_add (self->problems,
                           hr_preset_problem_new (hr_preset_file_get_filename (file), 0, 0,
                                                  NULL, error));
          continue;
        }

      hr_preset_set_overrides_bundled (preset, bundled != NULL);
      g_hash_table_replace (table, (gpointer) hr_preset_get_id (preset), g_object_ref (preset));
    }
}

static void
load_file (HrPresetDb     *self,
           HrPresetFile   *file)
{
  take_problems (self, file);
  add_presets (self, file, HR_PRESET_KIND_SOURCE, hr_preset_file_get_sources (file));
  add_presets (self, file, HR_PRESET_KIND_HEADPHONE, hr_preset_file_get_headphones (file));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

static void
load_bundled (HrPresetDb *self)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *installed = NULL;
  const char *name;

  dir = g_dir_open (self->bundled_dir, 0, &error);
  if (dir == NULL)
    {
      g_ptr_array_add (self->problems,
                       hr_preset_problem_new (self->bundled_dir, 0, 0, NULL, error));
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  /* A stable order, so that which of two clashing files wins is too. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (paths, g_build_filename (self->bundled_dir, g_ptr_array_index (names, i), NULL));

  installed = g_build_filename (self->bundled_dir, HR_PRESET_CACHE_INSTALLED_NAME, NULL);
  files = hr_preset_cache_load_files (self->bundled_dir, paths, HR_PRESET_ORIGIN_BUNDLED, installed);
  for (guint i = 0; i < files->len; i++)
    load_file (self, g_ptr_array_index (files, i));
}

static void
load_user (HrPresetDb *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *dir = NULL;
  HrPresetFile *file;

  self->user_file_broken = FALSE;
  if (!g_file_test (self->user_file, G_FILE_TEST_EXISTS))
    return;

  dir = g_path_get_dirname (self->user_file);
  g_ptr_array_add (paths, self->user_file);
  files = hr_preset_cache_load_files (dir, paths, HR_PRESET_ORIGIN_USER, NULL);
  file = g_ptr_array_index (files, 0);
  load_file (self, file);
  if (!hr_preset_file_is_readable (file))
    {
      g_autoptr(GError) error = NULL;

      self->user_file_broken = TRUE;
      /* The problem's place names the file already. */
      error = g_error_new_literal (HR_DB_ERROR, HR_DB_ERROR_BROKEN_USER_FILE,
                                   _("your presets could not be read; the file is kept as it "
                                     "is and will not be written until it is fixed"));
      g_ptr_array_add (self->problems,
                       hr_preset_problem_new (self->user_file, 0, 0, NULL, error));
    }
}

/**
 * hr_preset_db_reload:
 *
 * Reads every file again. Problems are kept for the app and the CLI to
 * show; none of them stops the rest from loading.
 */
void
hr_preset_db_reload (HrPresetDb *self)
{
  g_return_if_fail (HR_IS_PRESET_DB (self));

  g_hash_table_remove_all (self->sources);
  g_hash_table_remove_all (self->headphones);
  g_ptr_array_set_size (self->problems, 0);

  load_bundled (self);
  load_user (self);
  hr_preset_db_add_opened (self);
  hr_preset_db_tables_changed (self);
}

/* Drops the sorted lists, to be made again on their next use. */
void
hr_preset_db_tables_changed (HrPresetDb *self)
{
  for (guint kind = 0; kind < G_N_ELEMENTS (self->sorted); kind++)
    g_clear_pointer (&self->sorted[kind], g_ptr_array_unref);
}

/**
 * hr_preset_db_new:
 * @bundled_dir: (nullable): the bundled presets' folder, NULL for the
 *   default
 * @user_file: (nullable): the user's file, NULL for the default
 *
 * Returns: (transfer full): the database, loaded
 */
HrPresetDb *
hr_preset_db_new (const char *bundled_dir,
                  const char *user_file)
{
  HrPresetDb *self = g_object_new (HR_TYPE_PRESET_DB, NULL);

  self->bundled_dir = bundled_dir != NULL ? g_strdup (bundled_dir)
                                          : hr_preset_db_dup_default_bundled_dir ();
  self->user_file = user_file != NULL ? g_strdup (user_file)
                                      : hr_preset_db_dup_default_user_file ();
  hr_preset_db_reload (self);
  return self;
}

const char *
hr_preset_db_get_bundled_dir (HrPresetDb *self)
{
  g_return_val_if_fail (HR_IS_PRESET_DB (self), NULL);

  return self->bundled_dir;
}

const char *
hr_preset_db_get_user_file (HrPresetDb *self)
{
  g_return_val_if_fail (HR_IS_PRESET_DB (self), NULL);

  return self->user_file;
}

/* TRUE when the user's file exists but could not be read: it is then
 * never written. */
gboolean
hr_preset_db_get_user_file_broken (HrPresetDb *self)
{
  g_return_val_if_fail (HR_IS_PRESET_DB (self), FALSE);

  return self->user_file_broken;
}

/**
 * hr_preset_db_get_problems:
 *
 * Returns: (transfer none) (element-type HrPresetProblem): the problems of
 *   the bundled files, then of the user's
 */
GPtrArray *
hr_preset_db_get_problems (HrPresetDb *self)
{
  g_return_val_if_fail (HR_IS_PRESET_DB (self), NULL);

  return self->problems;
}

typedef struct
{
  char     *key;     /* the display name's collation key */
  HrPreset *preset;
} SortEntry;

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const SortEntry *ea = a;
  const SortEntry *eb = b;
  int order = strcmp (ea->key, eb->key);

  return order != 0 ? order : strcmp (hr_preset_get_id (ea->preset), hr_preset_get_id (eb->preset));
}

/* The presets of @kind by display name, as the user's language orders
 * them, then by id. Each name's collation key is made once, not at every
 * comparison: with 10,000 presets, g_utf8_collate() in the sort took
 * hundreds of milliseconds, the keys take a few. */
static GPtrArray *
ensure_sorted (HrPresetDb   *self,
               HrPresetKind  kind)
{
  GHashTable *table = table_for (self, kind);
  g_autofree SortEntry *entries = NULL;
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  if (self->sorted[kind] != NULL)
    return self->sorted[kind];

  entries = g_new (SortEntry, g_hash_table_size (table));
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autofree char *display_name = hr_preset_dup_display_name (value);

      entries[n].key = g_utf8_collate_key (display_name, -1);
      entries[n].preset = value;
      n++;
    }
  qsort (entries, n, sizeof (SortEntry), compare_entries);

  self->sorted[kind] = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_ptr_array_add (self->sorted[kind], g_object_ref (entries[i].preset));
      g_free (entries[i].key);
    }
  return self->sorted[kind];
}

/**
 * hr_preset_db_list:
 * @search: (nullable): a case-insensitive substring of the name, the
 *   manufacturer, the id, or the category or type
 *
 * Returns: (transfer container) (element-type HrPreset): the presets of
 *   @kind that match, by manufacturer and name
 */
GPtrArray *
hr_preset_db_list (HrPresetDb   *self,
                   HrPresetKind  kind,
                   const char   *search)
{
  g_autofree char *folded = NULL;
  GPtrArray *sorted;
  GPtrArray *presets;

  g_return_val_if_fail (HR_IS_PRESET_DB (self), NULL);
  g_return_val_if_fail (kind <= HR_PRESET_KIND_HEADPHONE, NULL);

  folded = search != NULL ? g_utf8_casefold (search, -1) : NULL;
  sorted = ensure_sorted (self, kind);
  presets = g_ptr_array_new_full (sorted->len, g_object_unref);
  for (guint i = 0; i < sorted->len; i++)
    {
      HrPreset *preset = g_ptr_array_index (sorted, i);

      if (hr_preset_matches (preset, folded))
        g_ptr_array_add (presets, g_object_ref (preset));
    }
  return presets;
}

/**
 * hr_preset_db_lookup:
 *
 * Returns: (transfer none) (nullable): the preset of @kind with @id
 */
HrPreset *
hr_preset_db_lookup (HrPresetDb   *self,
                     HrPresetKind  kind,
                     const char   *id)
{
  g_return_val_if_fail (HR_IS_PRESET_DB (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (table_for (self, kind), id);
}

/* Returns: (transfer none) (nullable) */
HrSourcePreset *
hr_preset_db_lookup_source (HrPresetDb *self,
                            const char *id)
{
  return (HrSourcePreset *) hr_preset_db_lookup (self, HR_PRESET_KIND_SOURCE, id);
}

/* Returns: (transfer none) (nullable) */
HrHeadphonePreset *
hr_preset_db_lookup_headphone (HrPresetDb *self,
                               const char *id)
{
  return (HrHeadphonePreset *) hr_preset_db_lookup (self, HR_PRESET_KIND_HEADPHONE, id);
}
