/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>

#include "hr-preset-cache.h"
#include "hr-preset-private.h"

/* Where compiled preset caches are and when one is used
 * (hr-preset-cache.c has what they hold).
 *
 * A set of JSON files (the bundled folder, or the user's one file) is
 * loaded through
 *
 *  1. the cache compiled at build time and installed next to them, if
 *     there is one (data/meson.build);
 *  2. the user's cache for that folder, in
 *     $XDG_CACHE_HOME/headroom/presets-<hash of the folder>.gvariant;
 *  3. else the JSON, which is then compiled into 2.
 *
 * A file's record is used when the file has the size and the time of
 * modification it had when it was compiled, which a stat() tells; when
 * only its time differs (a file touched or copied, a package manager that
 * dates what it installs), or the time is too close to the compile to
 * settle it (RACY_NS), when the SHA-256 of its text is the one recorded.
 * Anything else, a missing, broken, stale or foreign cache, and the file
 * is read from its JSON as if there were no cache at all, and the user's
 * cache is written again, silently. A cache is only ever a copy: deleting
 * it costs the next start its speed and nothing else.
 *
 * Writes are atomic (a temporary file renamed over the old), so that a
 * Headroom that has the old one mapped keeps reading it whole. A cache
 * that cannot be written (a read-only home, a full disk) is not an
 * error: the JSON was read, and is read again next time.
 */

gint64
hr_preset_cache_now_ns (void)
{
  return g_get_real_time () * 1000;
}

/**
 * hr_preset_stamp_read:
 * @contents: (nullable): the file's text, as read: its SHA-256 goes into
 *   @stamp, and it must be as long as the file is
 *
 * Returns: whether @filename is a regular file, and of @contents' size
 */
gboolean
hr_preset_stamp_read (const char    *filename,
                      const char    *contents,
                      gsize          length,
                      HrPresetStamp *stamp)
{
  struct stat st;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (stamp != NULL, FALSE);

  /* stat() for the time to the nanosecond, which GStatBuf does not
   * promise on every system; Headroom's are POSIX.1-2008 ones. */
  if (stat (filename, &st) != 0 || !S_ISREG (st.st_mode))
    return FALSE;
  stamp->size = (guint64) st.st_size;
  stamp->mtime_ns = (gint64) st.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + st.st_mtim.tv_nsec;
  memset (stamp->sha256, 0, sizeof stamp->sha256);
  if (contents != NULL)
    {
      g_autoptr(GChecksum) sha256 = g_checksum_new (G_CHECKSUM_SHA256);
      gsize digest_length = sizeof stamp->sha256;

      if (length != stamp->size)
        return FALSE;
      g_checksum_update (sha256, (const guchar *) contents, (gssize) length);
      g_checksum_get_digest (sha256, stamp->sha256, &digest_length);
    }
  return TRUE;
}

/* What a user's cache is for: the folder, and the presets' origin, which
 * the presets take when they are listed. */
char *
hr_preset_cache_dup_key (const char     *dir,
                         HrPresetOrigin  origin)
{
  g_autofree char *absolute = g_canonicalize_filename (dir, NULL);

  return g_strdup_printf ("%s:%s", hr_preset_origin_to_string (origin), absolute);
}

/* $XDG_CACHE_HOME/headroom/presets-<16 hex digits>.gvariant for @key;
 * the cache names its key, so that two keys of one name do not mix. */
char *
hr_preset_cache_dup_user_path (const char *key)
{
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strdup_printf ("presets-%.16s.gvariant", digest);

  return g_build_filename (g_get_user_cache_dir (), "headroom", name, NULL);
}

gboolean
hr_preset_cache_write (const char  *path,
                       GBytes      *bytes,
                       GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), "%s: %s", dir,
                   g_strerror (saved_errno));
      return FALSE;
    }
  return g_file_set_contents_full (path, data, (gssize) size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* A cache, if @path holds one for @key ("" for any). */
static HrPresetCache *
open_cache (const char *path,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrPresetCache) cache = hr_preset_cache_open (path, &error);

  if (cache == NULL)
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_debug ("%s: %s; it is compiled again", path, error->message);
      return NULL;
    }
  if (key != NULL && !g_str_equal (hr_preset_cache_get_key (cache), key))
    {
      g_debug ("%s is for %s, not %s", path, hr_preset_cache_get_key (cache), key);
      return NULL;
    }
  return g_steal_pointer (&cache);
}

typedef struct
{
  HrPresetCache  *installed;
  HrPresetCache  *user;
  HrPresetOrigin  origin;
  GPtrArray      *records;     /* GVariant, for the user's cache */
  guint           n_from_user; /* of the user's records, kept as they were */
  gboolean        changed;     /* the user's cache is to be written */
} Loading;

static HrPresetFile *
load_record (Loading       *loading,
             HrPresetCache *cache,
             int            record,
             const char    *path)
{
  g_autoptr(GError) error = NULL;
  HrPresetFile *file;

  if (record < 0)
    return NULL;
  file = hr_preset_cache_load_record (cache, (guint) record, path, loading->origin, &error);
  if (file == NULL)
    {
      g_debug ("%s: %s; it is compiled again", path, error->message);
      /* The record goes, and with it the cache, rewritten. */
      loading->changed = TRUE;
    }
  return file;
}

/* One file: through a record that matches it by its stamp, else by its
 * hash, else from its JSON. */
static HrPresetFile *
load_one (Loading    *loading,
          const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *contents = NULL;
  HrPresetCache *caches[] = { loading->installed, loading->user };
  HrPresetStamp stamp;
  HrPresetFile *file;
  GVariant *record;
  gsize length = 0;

  if (!hr_preset_stamp_read (path, NULL, 0, &stamp))
    {
      /* Gone, or not a file: the JSON reader says so, as a problem. */
      loading->changed |= loading->user != NULL && hr_preset_cache_find_record (loading->user, name) >= 0;
      return hr_preset_file_new_from_file (path, loading->origin);
    }

  for (guint c = 0; c < G_N_ELEMENTS (caches); c++)
    {
      int found = caches[c] != NULL ? hr_preset_cache_find_record (caches[c], name) : -1;

      if (found >= 0 && hr_preset_cache_match (caches[c], (guint) found, &stamp) == HR_PRESET_CACHE_CURRENT &&
          (file = load_record (loading, caches[c], found, path)) != NULL)
        {
          /* The installed cache has it for good; the user's is kept. */
          if (caches[c] == loading->user)
            {
              g_ptr_array_add (loading->records, hr_preset_cache_dup_record (caches[c], (guint) found));
              loading->n_from_user++;
            }
          return file;
        }
    }

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return hr_preset_file_new_from_file (path, loading->origin);
  /* A file changed while it was read is read, not compiled. */
  if (!hr_preset_stamp_read (path, contents, length, &stamp))
    return hr_preset_file_new_from_data (path, contents, length, loading->origin);

  for (guint c = 0; c < G_N_ELEMENTS (caches); c++)
    {
      int found = caches[c] != NULL ? hr_preset_cache_find_record (caches[c], name) : -1;

      if (found >= 0 && hr_preset_cache_same_text (caches[c], (guint) found, &stamp) &&
          (file = load_record (loading, caches[c], found, path)) != NULL)
        {
          g_ptr_array_add (loading->records,
                           g_variant_ref_sink (hr_preset_cache_restamp_record (caches[c], (guint) found, &stamp)));
          loading->changed = TRUE;
          return file;
        }
    }

  g_debug ("%s: compiling", path);
  file = hr_preset_file_new_from_data (path, contents, length, loading->origin);
  record = hr_preset_cache_compile_record (name, &stamp, file);
  if (record != NULL)
    {
      g_ptr_array_add (loading->records, g_variant_ref_sink (record));
      loading->changed = TRUE;
    }
  else
    loading->changed |= loading->user != NULL && hr_preset_cache_find_record (loading->user, name) >= 0;
  return file;
}

/**
 * hr_preset_cache_load_files:
 * @dir: the folder the files are in, which the user's cache is for
 * @paths: (element-type filename): the files, in the order they load
 * @installed_path: (nullable): a cache compiled at build time
 *
 * Loads @paths as hr_preset_file_new_from_file() would, through compiled
 * caches where they are current, and compiles them where not.
 *
 * Returns: (transfer full) (element-type HrPresetFile): one for each path
 */
GPtrArray *
hr_preset_cache_load_files (const char     *dir,
                            GPtrArray      *paths,
                            HrPresetOrigin  origin,
                            const char     *installed_path)
{
  g_autofree char *key = NULL;
  g_autofree char *user_path = NULL;
  GPtrArray *files;
  Loading loading = { 0 };
  /* Before any file is read: see RACY_NS. */
  gint64 compiled_ns = hr_preset_cache_now_ns ();

  g_return_val_if_fail (dir != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  key = hr_preset_cache_dup_key (dir, origin);
  user_path = hr_preset_cache_dup_user_path (key);
  loading.installed = installed_path != NULL ? open_cache (installed_path, NULL) : NULL;
  loading.user = open_cache (user_path, key);
  loading.origin = origin;
  loading.records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, load_one (&loading, g_ptr_array_index (paths, i)));

  /* Records of files that are gone, or that the installed cache now has. */
  if (loading.user != NULL && loading.n_from_user != hr_preset_cache_get_n_records (loading.user))
    loading.changed = TRUE;
  if (loading.changed || (loading.user == NULL && loading.records->len > 0))
    {
      g_autoptr(GError) error = NULL;

      if (loading.records->len == 0)
        g_unlink (user_path);
      else
        {
          g_autoptr(GBytes) bytes = hr_preset_cache_serialise (key, compiled_ns, loading.records);

          if (!hr_preset_cache_write (user_path, bytes, &error))
            g_debug ("the compiled presets cannot be written: %s", error->message);
        }
    }

  g_clear_pointer (&loading.installed, hr_preset_cache_unref);
  g_clear_pointer (&loading.user, hr_preset_cache_unref);
  g_clear_pointer (&loading.records, g_ptr_array_unref);
  return files;
}
