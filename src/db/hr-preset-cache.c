/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hr-preset-cache.h"
#include "hr-preset-private.h"

/* A compiled preset cache: the presets of one or more JSON files, as
 * glib-compile-schemas and gtk4-update-icon-cache compile theirs, in a
 * file that is mapped and read in place. Reading 10,000 presets from JSON
 * takes hundreds of milliseconds, nearly all of it building and freeing
 * json-glib's tree and every figure; from here it takes a few, because
 * nothing is built but what lists and search show.
 *
 * The JSON files stay the source of truth, and json-glib reads and checks
 * every preset that is used: a cache holds, for each file, the presets
 * that loaded from it, and for each preset
 *
 *  - what lists and search need, in columns read in place: its kind, its
 *    category or type, whether it is generic, its id, name and
 *    manufacturer (pointers into the mapped file, never copied), and the
 *    nominal impedance of a headphone (see stand_in());
 *  - its body: the preset's JSON object itself, as json-glib turns JSON
 *    into GVariant (a{sv}), provenance strings and all. On first use
 *    (hr_preset_ensure_body()) it becomes a JsonNode again and goes
 *    through the same parser as the JSON file, so that a preset from the
 *    cache is the preset from the file: the tests hold every preset, its
 *    JSON and its figures, to that.
 *
 * A file with any problem is not compiled: its problems are placed in
 * its text and written in the user's language, which a cache would have
 * to be keyed by, and it is read from its JSON at every start until it
 * is fixed. The bundled files have none (test-bundled-presets).
 *
 * The file (the layout is in hr-preset-cache.h): 16 bytes, then one
 * GVariant in the machine's byte order.
 *
 *   "HRPCACHE"  8 bytes
 *   format      guint32, HR_PRESET_CACHE_FORMAT: the layout
 *   schema      guint32, HR_PRESET_SCHEMA_VERSION: of the JSON it read
 *
 * Either number other than ours, older or newer, or the other byte
 * order, and the cache is ignored and compiled again: a cache from a
 * newer Headroom may hold presets this one cannot read.
 *
 * No input may crash it. The file is mapped as a GVariant of one fixed
 * type, not trusted: GVariant reads such data safely (a child that is
 * not in normal form reads as its type's default). It is not checked
 * whole with g_variant_is_normal_form(): over the cache of 10,000
 * presets (10 MB, nearly all bodies) that takes 90–100 ms, five times
 * the start-up's budget, and over a record's columns alone 13 ms. The
 * columns need none: an array of fixed-size numbers is in normal form
 * exactly when its size is a multiple of theirs, which
 * g_variant_get_fixed_array() checks (one that is not reads as empty,
 * and the columns' lengths then disagree). So what a record lists is
 * checked when it is loaded: sizes agree, strings end and are UTF-8, ids
 * are ids, categories and types exist, and a checksum over the columns
 * holds. Each body has its own checksum, and is checked for normal form
 * (about 10 µs), when it is read, so that the start-up reads none of
 * them. A body that fails
 * (damaged since, or a cache made by hand) is read from the JSON file
 * instead and the cache is thrown away, to be compiled again at the next
 * start (hr_preset_cache_read_body()).
 */

/* A file whose time of modification is this close to the time its cache
 * was compiled could have changed again within the same tick of the
 * file system's clock (two seconds on FAT, a jiffy on ext4) after it was
 * read, with the same time: it is checked by its hash, as git does with
 * "racily clean" files. */
#define RACY_NS (2 * G_GINT64_CONSTANT (1000000000))

struct _HrPresetCache
{
  gatomicrefcount  ref_count;
  char            *path;      /* NULL when read from memory */
  GBytes          *bytes;
  GVariant        *root;
  gint64           compiled_ns;
  const char      *key;
  GPtrArray       *records;   /* GVariant */
  GPtrArray       *listed;    /* GVariant: the strings columns presets point into */
  gint             discarded;
};

static gboolean skip_checksums;

/* For the fuzz target only, which would otherwise never get past them. */
void
hr_preset_cache_skip_checksums (gboolean skip)
{
  skip_checksums = skip;
}

static guint
n_classes (HrPresetKind kind)
{
  return g_strv_length ((char **) (kind == HR_PRESET_KIND_SOURCE ? hr_source_category_names ()
                                                                 : hr_headphone_type_names ()));
}

static gboolean
set_broken (GError     **error,
            const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "the compiled cache is broken: %s", what);
  return FALSE;
}

/**
 * hr_preset_cache_new_from_bytes:
 * @path: (nullable): the file @bytes were read from, which
 *   hr_preset_cache_discard() removes
 *
 * Checks the header: a cache of another format or schema is an error,
 * as is one cut short. The records are checked when they are loaded.
 *
 * Returns: (transfer full) (nullable): the cache
 */
HrPresetCache *
hr_preset_cache_new_from_bytes (GBytes      *bytes,
                                const char  *path,
                                GError     **error)
{
  g_autoptr(HrPresetCache) self = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GVariant) records = NULL;
  const guint8 *data;
  gsize size;
  guint32 format;
  guint32 schema;

  g_return_val_if_fail (bytes != NULL, NULL);

  data = g_bytes_get_data (bytes, &size);
  if (size < HR_PRESET_CACHE_HEADER_SIZE || memcmp (data, HR_PRESET_CACHE_MAGIC, 8) != 0)
    {
      set_broken (error, "no header");
      return NULL;
    }
  memcpy (&format, data + 8, sizeof format);
  memcpy (&schema, data + 12, sizeof schema);
  if (format != HR_PRESET_CACHE_FORMAT || schema != HR_PRESET_SCHEMA_VERSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   "the compiled cache is of format %u and schema %u, not %u and %u",
                   format, schema, HR_PRESET_CACHE_FORMAT, HR_PRESET_SCHEMA_VERSION);
      return NULL;
    }

  self = g_new0 (HrPresetCache, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->path = g_strdup (path);
  self->bytes = g_bytes_ref (bytes);
  body = g_bytes_new_from_bytes (bytes, HR_PRESET_CACHE_HEADER_SIZE, size - HR_PRESET_CACHE_HEADER_SIZE);
  /* Not trusted: every read below is checked by GVariant itself. */
  self->root = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (HR_PRESET_CACHE_ROOT_TYPE), body, FALSE));
  g_variant_get_child (self->root, 0, "x", &self->compiled_ns);
  g_variant_get_child (self->root, 1, "&s", &self->key);
  records = g_variant_get_child_value (self->root, 2);
  self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  self->listed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  for (gsize i = 0; i < g_variant_n_children (records); i++)
    g_ptr_array_add (self->records, g_variant_get_child_value (records, i));
  return g_steal_pointer (&self);
}

/**
 * hr_preset_cache_open:
 *
 * Maps @path and checks its header.
 *
 * Returns: (transfer full) (nullable): the cache
 */
HrPresetCache *
hr_preset_cache_open (const char  *path,
                      GError     **error)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  mapped = g_mapped_file_new (path, FALSE, error);
  if (mapped == NULL)
    return NULL;
  bytes = g_mapped_file_get_bytes (mapped);
  return hr_preset_cache_new_from_bytes (bytes, path, error);
}

HrPresetCache *
hr_preset_cache_ref (HrPresetCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hr_preset_cache_unref (HrPresetCache *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->listed, g_ptr_array_unref);
  g_clear_pointer (&self->root, g_variant_unref);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->path, g_free);
  g_free (self);
}

/* What the cache was compiled for (hr_preset_cache_dup_key()); "" for
 * one compiled at build time, which is found next to its files. */
const char *
hr_preset_cache_get_key (HrPresetCache *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->key;
}

guint
hr_preset_cache_get_n_records (HrPresetCache *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->records->len;
}

/* Returns: the record of the file called @name, or -1 */
int
hr_preset_cache_find_record (HrPresetCache *self,
                             const char    *name)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->records->len && i < G_MAXINT; i++)
    {
      const char *record_name;

      g_variant_get_child (g_ptr_array_index (self->records, i), HR_RECORD_NAME, "&s", &record_name);
      if (g_str_equal (record_name, name))
        return (int) i;
    }
  return -1;
}

static guint64
record_uint64 (GVariant *record,
               guint     member)
{
  g_autoptr(GVariant) child = g_variant_get_child_value (record, member);

  return g_variant_is_of_type (child, G_VARIANT_TYPE_INT64) ? (guint64) g_variant_get_int64 (child)
                                                           : g_variant_get_uint64 (child);
}

HrPresetCacheMatch
hr_preset_cache_match (HrPresetCache       *self,
                       guint                record,
                       const HrPresetStamp *stamp)
{
  GVariant *child;
  gint64 mtime_ns;

  g_return_val_if_fail (self != NULL, HR_PRESET_CACHE_STALE);
  g_return_val_if_fail (record < self->records->len, HR_PRESET_CACHE_STALE);

  child = g_ptr_array_index (self->records, record);
  if (record_uint64 (child, HR_RECORD_SIZE) != stamp->size)
    return HR_PRESET_CACHE_STALE;
  mtime_ns = (gint64) record_uint64 (child, HR_RECORD_MTIME_NS);
  if (mtime_ns == stamp->mtime_ns && mtime_ns < self->compiled_ns - RACY_NS)
    return HR_PRESET_CACHE_CURRENT;
  return HR_PRESET_CACHE_UNSURE;
}

/* Whether @record was compiled from the text @stamp hashed. */
gboolean
hr_preset_cache_same_text (HrPresetCache       *self,
                           guint                record,
                           const HrPresetStamp *stamp)
{
  g_autoptr(GVariant) sha256 = NULL;
  const guint8 *digest;
  gsize length = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (record < self->records->len, FALSE);

  if (record_uint64 (g_ptr_array_index (self->records, record), HR_RECORD_SIZE) != stamp->size)
    return FALSE;
  sha256 = g_variant_get_child_value (g_ptr_array_index (self->records, record), HR_RECORD_SHA256);
  digest = g_variant_get_fixed_array (sha256, &length, 1);
  return length == sizeof stamp->sha256 && memcmp (digest, stamp->sha256, length) == 0;
}

/* A record's columns, read in place: the pointers are into the data of
 * the children, which are kept as long as the columns are. */
typedef struct
{
  gsize           n_presets;
  const guint8   *kinds;
  const guint8   *classes;
  const guint8   *flags;
  const double   *nominal_ohm;
  const char     *strings;
  gsize           strings_size;
  const guint32  *offsets;
  const guint64  *body_sums;
  GVariant       *bodies;
  GVariant       *children[HR_RECORD_N_MEMBERS];
} Columns;

static void
columns_clear (Columns *columns)
{
  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    g_clear_pointer (&columns->children[i], g_variant_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Columns, columns_clear)

static gconstpointer
get_column (Columns  *columns,
            GVariant *record,
            guint     member,
            gsize     element_size,
            gsize    *n_elements,
            guint64  *sum)
{
  gconstpointer data;

  columns->children[member] = g_variant_get_child_value (record, member);
  data = g_variant_get_fixed_array (columns->children[member], n_elements, element_size);
  /* An empty array may have no data at all. */
  if (*n_elements > 0)
    *sum ^= hr_preset_cache_checksum (data, *n_elements * element_size) + member;
  return data;
}

/* The columns, if their sizes agree and their checksum holds. */
static gboolean
get_columns (GVariant  *record,
             Columns   *columns,
             GError   **error)
{
  gsize n_classes_ = 0, n_flags = 0, n_nominal = 0, n_offsets = 0, n_sums = 0;
  guint64 sum = 0;
  guint64 expected_sum;

  /* A member whose framing offset was damaged reads as its default: for
   * the checksum, 0, which is also the sum of columns that all read as
   * empty after it, and the record would hold no presets. Fixed-size
   * members are in normal form only where they are whole, which costs
   * nothing to check; the columns need not be (see the top). */
  for (guint member = HR_RECORD_NAME; member <= HR_RECORD_INDEX_SUM; member++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (record, member);

      if (!g_variant_is_normal_form (child))
        return set_broken (error, "its header is not in normal form");
    }
  g_variant_get_child (record, HR_RECORD_INDEX_SUM, "t", &expected_sum);
  columns->kinds = get_column (columns, record, HR_RECORD_KINDS, 1, &columns->n_presets, &sum);
  columns->classes = get_column (columns, record, HR_RECORD_CLASSES, 1, &n_classes_, &sum);
  columns->flags = get_column (columns, record, HR_RECORD_FLAGS, 1, &n_flags, &sum);
  columns->nominal_ohm = get_column (columns, record, HR_RECORD_NOMINAL_OHM, sizeof (double), &n_nominal, &sum);
  columns->strings = get_column (columns, record, HR_RECORD_STRINGS, 1, &columns->strings_size, &sum);
  columns->offsets = get_column (columns, record, HR_RECORD_OFFSETS, sizeof (guint32), &n_offsets, &sum);
  columns->body_sums = get_column (columns, record, HR_RECORD_BODY_SUMS, sizeof (guint64), &n_sums, &sum);
  columns->children[HR_RECORD_BODIES] = g_variant_get_child_value (record, HR_RECORD_BODIES);
  columns->bodies = columns->children[HR_RECORD_BODIES];

  if (!skip_checksums && sum != expected_sum)
    return set_broken (error, "the columns' checksum does not hold");
  if (n_classes_ != columns->n_presets || n_flags != columns->n_presets ||
      n_nominal != columns->n_presets || n_sums != columns->n_presets ||
      columns->n_presets > G_MAXUINT32 / 3 || n_offsets != 3 * columns->n_presets ||
      g_variant_n_children (columns->bodies) != columns->n_presets)
    return set_broken (error, "its columns differ in length");
  if (columns->strings_size > 0 && columns->strings[columns->strings_size - 1] != '\0')
    return set_broken (error, "its strings do not end");
  return TRUE;
}

/* One of a preset's strings, if it is one: in the blob, and UTF-8. */
static const char *
get_string (const Columns *columns,
            gsize          preset,
            guint          which)
{
  guint32 offset = columns->offsets[3 * preset + which];
  const char *string;

  if (offset >= columns->strings_size)
    return NULL;
  string = columns->strings + offset;
  return g_utf8_validate (string, -1, NULL) ? string : NULL;
}

/**
 * hr_preset_cache_load_record:
 * @filename: the file the record was compiled from, as the presets name it
 *
 * The presets of a record, as they are listed: each with its body still
 * in the cache.
 *
 * Returns: (transfer full) (nullable): the file, or %NULL if the record
 *   is broken
 */
HrPresetFile *
hr_preset_cache_load_record (HrPresetCache   *self,
                             guint            record,
                             const char      *filename,
                             HrPresetOrigin   origin,
                             GError         **error)
{
  g_auto(Columns) columns = { 0 };
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) headphones = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_categories = n_classes (HR_PRESET_KIND_SOURCE);
  guint n_types = n_classes (HR_PRESET_KIND_HEADPHONE);
  char *shared_filename;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->records->len, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  if (!get_columns (g_ptr_array_index (self->records, record), &columns, error))
    return NULL;

  shared_filename = g_ref_string_new (filename);
  for (gsize i = 0; i < columns.n_presets; i++)
    {
      HrPresetKind kind = columns.kinds[i];
      const char *id = get_string (&columns, i, 0);
      const char *name = get_string (&columns, i, 1);
      const char *manufacturer = get_string (&columns, i, 2);
      gboolean is_source = kind == HR_PRESET_KIND_SOURCE;
      HrPreset *preset;

      /* As the JSON reader would have them, and as stand_in() needs them. */
      if (!(is_source || kind == HR_PRESET_KIND_HEADPHONE) ||
          columns.classes[i] >= (is_source ? n_categories : n_types) ||
          (columns.flags[i] & ~(is_source ? HR_PRESET_CACHE_FLAG_GENERIC : 0)) != 0 ||
          !hr_preset_id_is_valid (id) || name == NULL || name[0] == '\0' ||
          manufacturer == NULL || manufacturer[0] == '\0' ||
          (!is_source && !(isfinite (columns.nominal_ohm[i]) && columns.nominal_ohm[i] > 0.0)))
        {
          g_ref_string_release (shared_filename);
          set_broken (error, "a preset is not one");
          return NULL;
        }

      preset = hr_preset_new_compiled (is_source ? HR_TYPE_SOURCE_PRESET : HR_TYPE_HEADPHONE_PRESET,
                                       kind, columns.classes[i], (columns.flags[i] & HR_PRESET_CACHE_FLAG_GENERIC) != 0,
                                       id, name, manufacturer, self, record, (guint) i,
                                       origin, shared_filename);
      g_ptr_array_add (is_source ? sources : headphones, preset);
    }
  g_ref_string_release (shared_filename);
  /* The presets' id, name and manufacturer point into it. */
  if (columns.n_presets > 0)
    g_ptr_array_add (self->listed, g_variant_ref (columns.children[HR_RECORD_STRINGS]));

  return hr_preset_file_new_compiled (filename, origin, g_steal_pointer (&sources),
                                      g_steal_pointer (&headphones));
}

/* Whether @whole is the preset @listed was listed as. */
static gboolean
same_listing (HrPreset *whole,
              HrPreset *listed)
{
  return G_OBJECT_TYPE (whole) == G_OBJECT_TYPE (listed) &&
         g_str_equal (hr_preset_get_id (whole), hr_preset_get_id (listed)) &&
         g_str_equal (hr_preset_get_name (whole), hr_preset_get_name (listed)) &&
         g_str_equal (hr_preset_get_manufacturer (whole), hr_preset_get_manufacturer (listed)) &&
         hr_preset_get_class_index (whole) == hr_preset_get_class_index (listed) &&
         hr_preset_get_generic (whole) == hr_preset_get_generic (listed);
}

/* @node read as a preset of @listed's kind, if it reads as @listed. */
static HrPreset *
read_preset (JsonNode  *node,
             HrPreset  *listed,
             GError   **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(HrPreset) whole = NULL;

  if (HR_IS_SOURCE_PRESET (listed))
    whole = HR_PRESET (hr_source_preset_new_from_json (node, NULL, errors));
  else
    whole = HR_PRESET (hr_headphone_preset_new_from_json (node, NULL, errors));
  if (whole == NULL)
    {
      if (errors->len > 0)
        g_propagate_error (error, g_error_copy (g_ptr_array_index (errors, 0)));
      else
        set_broken (error, "a body does not read");
      return NULL;
    }
  if (!same_listing (whole, listed))
    {
      set_broken (error, "a body is not the preset listed");
      return NULL;
    }
  return g_steal_pointer (&whole);
}

static HrPreset *
read_compiled_body (HrPresetCache  *self,
                    guint           record,
                    guint           index,
                    HrPreset       *listed,
                    GError        **error)
{
  g_auto(Columns) columns = { 0 };
  g_autoptr(GVariant) body = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!get_columns (g_ptr_array_index (self->records, record), &columns, error))
    return NULL;
  if (index >= columns.n_presets)
    {
      set_broken (error, "no such body");
      return NULL;
    }
  body = g_variant_get_child_value (columns.bodies, index);
  if (!skip_checksums && hr_preset_cache_checksum (g_variant_get_data (body), g_variant_get_size (body)) != columns.body_sums[index])
    {
      set_broken (error, "a body's checksum does not hold");
      return NULL;
    }
  /* One that is not would read with defaults in place of what it holds,
   * which json-glib would take for the preset. */
  if (!g_variant_is_normal_form (body))
    {
      set_broken (error, "a body is not in normal form");
      return NULL;
    }

  node = json_gvariant_serialize (body);
  /* As the JSON reader's own nodes are: the preset's JSON is shared. */
  json_node_seal (node);
  return read_preset (node, listed, error);
}

/* The preset from its JSON file, for a cache that failed: the file was
 * as the cache had it when the cache was loaded. */
static HrPreset *
read_from_file (HrPreset  *listed,
                GError   **error)
{
  g_autoptr(HrPresetFile) file = hr_preset_file_new_from_file (hr_preset_get_filename (listed),
                                                               hr_preset_get_origin (listed));
  GPtrArray *presets = HR_IS_SOURCE_PRESET (listed) ? hr_preset_file_get_sources (file)
                                                    : hr_preset_file_get_headphones (file);

  for (guint i = 0; i < presets->len; i++)
    {
      HrPreset *preset = g_ptr_array_index (presets, i);

      if (g_str_equal (hr_preset_get_id (preset), hr_preset_get_id (listed)))
        {
          if (!same_listing (preset, listed))
            break;
          return g_object_ref (preset);
        }
    }
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "%s no longer has the %s “%s” as it was listed",
               hr_preset_get_filename (listed), hr_preset_kind_to_string (hr_preset_get_kind (listed)),
               hr_preset_get_id (listed));
  return NULL;
}

/* The last resort, when neither the cache nor the file has the preset as
 * it was listed (a cache made by hand, then its file changed): a preset
 * with its listing and nothing known, which the model takes and the
 * verdict calls unknown, rather than a crash. A headphone's impedance is
 * the flat one its nominal impedance gives, as for headphones whose curve
 * is not known (hr-headphone-dialog.c); hr_preset_cache_load_record() has
 * checked that value. */
static HrPreset *
stand_in (HrPreset *listed,
          double    nominal_ohm)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  HrPreset *whole;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, hr_preset_get_id (listed));
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, hr_preset_get_name (listed));
  json_builder_set_member_name (builder, "manufacturer");
  json_builder_add_string_value (builder, hr_preset_get_manufacturer (listed));
  json_builder_set_member_name (builder, "notes");
  json_builder_add_string_value (builder, _("The figures of this preset could not be read; they are "
                                            "read again when Headroom starts again."));
  if (HR_IS_SOURCE_PRESET (listed))
    {
      json_builder_set_member_name (builder, "category");
      json_builder_add_string_value (builder, hr_preset_get_class_name (listed));
      json_builder_set_member_name (builder, "generic");
      json_builder_add_boolean_value (builder, hr_preset_get_generic (listed));
      json_builder_set_member_name (builder, "outputs");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, "output");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, _("Output"));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, "line");
      json_builder_end_object (builder);
      json_builder_end_array (builder);
    }
  else
    {
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, hr_preset_get_class_name (listed));
      json_builder_set_member_name (builder, "nominal_impedance_ohm");
      json_builder_add_double_value (builder, nominal_ohm);
      json_builder_set_member_name (builder, "impedance");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "model");
      json_builder_add_string_value (builder, "resistor");
      json_builder_set_member_name (builder, "r_ohm");
      json_builder_add_double_value (builder, nominal_ohm);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  if (HR_IS_SOURCE_PRESET (listed))
    whole = HR_PRESET (hr_source_preset_new_from_json (node, NULL, errors));
  else
    whole = HR_PRESET (hr_headphone_preset_new_from_json (node, NULL, errors));
  /* Made of what was checked when it was listed. */
  g_assert (whole != NULL);
  return whole;
}

/**
 * hr_preset_cache_read_body:
 * @listed: the preset as it was listed from @record of the cache
 *
 * Reads a body (hr_preset_ensure_body()): from the cache, else from the
 * JSON file, else a stand-in.
 *
 * Returns: (transfer full): a whole preset, listed as @listed is
 */
HrPreset *
hr_preset_cache_read_body (HrPresetCache *self,
                           guint          record,
                           guint          index,
                           HrPreset      *listed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) file_error = NULL;
  g_auto(Columns) columns = { 0 };
  HrPreset *whole;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->records->len, NULL);

  whole = read_compiled_body (self, record, index, listed, &error);
  if (whole != NULL)
    return whole;

  g_debug ("%s: %s; the preset is read from %s, and the cache is compiled again at the next start",
           self->path != NULL ? self->path : "a compiled cache", error->message,
           hr_preset_get_filename (listed));
  hr_preset_cache_discard (self);
  whole = read_from_file (listed, &file_error);
  if (whole != NULL)
    return whole;

  g_message ("%s: %s", hr_preset_get_id (listed), file_error->message);
  /* Listed, so its columns were whole then. */
  if (!get_columns (g_ptr_array_index (self->records, record), &columns, NULL) || index >= columns.n_presets)
    return stand_in (listed, 1.0);
  return stand_in (listed, columns.nominal_ohm[index]);
}

/* Removes the cache's file, once, if it is the user's (the one compiled
 * at build time is the package's): the next start compiles it again. The
 * mapping stays valid, as a mapped file outlives its name. */
void
hr_preset_cache_discard (HrPresetCache *self)
{
  g_autofree char *user_cache = NULL;

  g_return_if_fail (self != NULL);

  if (self->path == NULL || !g_atomic_int_compare_and_exchange (&self->discarded, FALSE, TRUE))
    return;
  /* With the separator: not a sibling folder whose name begins alike. */
  user_cache = g_build_filename (g_get_user_cache_dir (), "headroom" G_DIR_SEPARATOR_S, NULL);
  if (g_str_has_prefix (self->path, user_cache))
    g_unlink (self->path);
}

/* Returns: (transfer full): @record as it is, to be written again */
GVariant *
hr_preset_cache_dup_record (HrPresetCache *self,
                            guint          record)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->records->len, NULL);

  return g_variant_ref (g_ptr_array_index (self->records, record));
}

/**
 * hr_preset_cache_restamp_record:
 *
 * @record, for the same text with another time of modification (a file
 * touched, copied, or installed by a package manager that sets its own).
 *
 * Returns: (transfer full): the record, floating
 */
GVariant *
hr_preset_cache_restamp_record (HrPresetCache       *self,
                                guint                record,
                                const HrPresetStamp *stamp)
{
  GVariant *members[HR_RECORD_N_MEMBERS];
  GVariant *restamped;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (record < self->records->len, NULL);

  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    members[i] = g_variant_get_child_value (g_ptr_array_index (self->records, record), i);
  g_variant_unref (members[HR_RECORD_SIZE]);
  g_variant_unref (members[HR_RECORD_MTIME_NS]);
  g_variant_unref (members[HR_RECORD_SHA256]);
  members[HR_RECORD_SIZE] = g_variant_ref_sink (g_variant_new_uint64 (stamp->size));
  members[HR_RECORD_MTIME_NS] = g_variant_ref_sink (g_variant_new_int64 (stamp->mtime_ns));
  members[HR_RECORD_SHA256] = g_variant_ref_sink (g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, stamp->sha256,
                                                                          sizeof stamp->sha256, 1));
  restamped = g_variant_new_tuple (members, HR_RECORD_N_MEMBERS);
  for (guint i = 0; i < HR_RECORD_N_MEMBERS; i++)
    g_variant_unref (members[i]);
  return restamped;
}
