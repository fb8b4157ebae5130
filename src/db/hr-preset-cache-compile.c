/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "hr-preset-cache.h"
#include "hr-preset-private.h"

/* Compiling presets into a cache: the records, and the file that holds
 * them (the layout is in hr-preset-cache.h, what it means and how it is
 * read in hr-preset-cache.c). Run as a file is loaded from its JSON
 * (hr-preset-cache-files.c) and at build time (hr-compile-presets.c). */

/* A checksum against damage (a bit flipped on disk, a file cut short),
 * not against tampering, which the reader's checks are for
 * (hr-preset-cache.c): fast
 * enough to run over the columns of 10,000 presets at every start (under
 * a millisecond; SHA-256 would take ten times as long). Four lanes of
 * 64-bit multiply and xorshift, finished as MurmurHash3's fmix64. */
guint64
hr_preset_cache_checksum (const void *data,
                          gsize       size)
{
  const guint8 *bytes = data;
  guint64 lanes[4] = {
    G_GUINT64_CONSTANT (0x9e3779b97f4a7c15), G_GUINT64_CONSTANT (0xc2b2ae3d27d4eb4f),
    G_GUINT64_CONSTANT (0x165667b19e3779f9), G_GUINT64_CONSTANT (0x27d4eb2f165667c5),
  };
  guint64 sum;
  gsize i = 0;

  for (; i + 32 <= size; i += 32)
    for (guint lane = 0; lane < 4; lane++)
      {
        guint64 word;

        memcpy (&word, bytes + i + 8 * lane, sizeof word);
        lanes[lane] = (lanes[lane] ^ word) * G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
        lanes[lane] ^= lanes[lane] >> 29;
      }
  sum = lanes[0] ^ (lanes[1] * 3) ^ (lanes[2] * 5) ^ (lanes[3] * 7) ^ size;
  for (; i < size; i++)
    sum = (sum ^ bytes[i]) * G_GUINT64_CONSTANT (0x100000001b3);
  sum ^= sum >> 33;
  sum *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  sum ^= sum >> 33;
  sum *= G_GUINT64_CONSTANT (0xc4ceb9fe1a85ec53);
  sum ^= sum >> 33;
  return sum;
}

static void
append_offset (GArray     *offsets,
               GString    *strings,
               const char *text)
{
  guint32 offset = (guint32) strings->len;

  g_array_append_val (offsets, offset);
  g_string_append_len (strings, text, (gssize) strlen (text) + 1);
}

/**
 * hr_preset_cache_compile_record:
 * @name: the file's basename
 * @stamp: the file as @file was read from it
 *
 * Returns: (transfer full) (nullable): the record, floating; %NULL for a
 *   file that is not compiled, one with problems
 */
GVariant *
hr_preset_cache_compile_record (const char          *name,
                                const HrPresetStamp *stamp,
                                HrPresetFile        *file)
{
  g_autoptr(GByteArray) kinds = g_byte_array_new ();
  g_autoptr(GByteArray) classes = g_byte_array_new ();
  g_autoptr(GByteArray) flags = g_byte_array_new ();
  g_autoptr(GArray) nominal_ohm = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GString) strings = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GArray) body_sums = g_array_new (FALSE, FALSE, sizeof (guint64));
  g_autoptr(GPtrArray) bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  GPtrArray *lists[] = { hr_preset_file_get_sources (file), hr_preset_file_get_headphones (file) };
  GVariant *columns[HR_RECORD_N_MEMBERS - HR_RECORD_KINDS];
  guint64 sum = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (HR_IS_PRESET_FILE (file), NULL);

  if (!hr_preset_file_is_readable (file) || hr_preset_file_get_problems (file)->len > 0)
    return NULL;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        HrPreset *preset = g_ptr_array_index (lists[l], i);
        g_autoptr(GError) error = NULL;
        GVariant *body = json_gvariant_deserialize (hr_preset_get_json (preset), NULL, &error);
        guint8 kind = hr_preset_get_kind (preset);
        guint8 class_index = hr_preset_get_class_index (preset);
        guint8 flag = hr_preset_get_generic (preset) ? HR_PRESET_CACHE_FLAG_GENERIC : 0;
        double nominal = HR_IS_HEADPHONE_PRESET (preset)
                         ? hr_headphone_preset_get_nominal_impedance (HR_HEADPHONE_PRESET (preset))->value : 0.0;
        guint64 body_sum;

        if (body == NULL || !g_variant_is_of_type (body, G_VARIANT_TYPE_VARDICT))
          {
            g_debug ("%s: %s cannot be compiled: %s", name, hr_preset_get_id (preset),
                     error != NULL ? error->message : "not an object");
            g_clear_pointer (&body, g_variant_unref);
            return NULL;
          }
        g_ptr_array_add (bodies, g_variant_ref_sink (body));
        body_sum = hr_preset_cache_checksum (g_variant_get_data (body), g_variant_get_size (body));
        g_byte_array_append (kinds, &kind, 1);
        g_byte_array_append (classes, &class_index, 1);
        g_byte_array_append (flags, &flag, 1);
        g_array_append_val (nominal_ohm, nominal);
        append_offset (offsets, strings, hr_preset_get_id (preset));
        append_offset (offsets, strings, hr_preset_get_name (preset));
        append_offset (offsets, strings, hr_preset_get_manufacturer (preset));
        g_array_append_val (body_sums, body_sum);
      }
  if (strings->len > G_MAXUINT32)
    return NULL;

  columns[HR_RECORD_KINDS - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, kinds->data, kinds->len, 1);
  columns[HR_RECORD_CLASSES - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, classes->data, classes->len, 1);
  columns[HR_RECORD_FLAGS - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, flags->data, flags->len, 1);
  columns[HR_RECORD_NOMINAL_OHM - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_DOUBLE, nominal_ohm->data,
                                                                          nominal_ohm->len, sizeof (double));
  columns[HR_RECORD_STRINGS - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, strings->str, strings->len, 1);
  columns[HR_RECORD_OFFSETS - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_UINT32, offsets->data,
                                                                      offsets->len, sizeof (guint32));
  columns[HR_RECORD_BODY_SUMS - HR_RECORD_KINDS] = g_variant_new_fixed_array (G_VARIANT_TYPE_UINT64, body_sums->data,
                                                                        body_sums->len, sizeof (guint64));
  columns[HR_RECORD_BODIES - HR_RECORD_KINDS] = g_variant_new_array (G_VARIANT_TYPE_VARDICT,
                                                               (GVariant **) bodies->pdata, bodies->len);
  /* As get_columns() reads it back. */
  for (guint member = HR_RECORD_KINDS; member < HR_RECORD_BODIES; member++)
    {
      GVariant *column = columns[member - HR_RECORD_KINDS];

      if (g_variant_get_size (column) > 0)
        sum ^= hr_preset_cache_checksum (g_variant_get_data (column), g_variant_get_size (column)) + member;
    }

  return g_variant_new ("(stx@ayt@ay@ay@ay@ad@ay@au@at@aa{sv})", name, stamp->size, stamp->mtime_ns,
                        g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, stamp->sha256, sizeof stamp->sha256, 1),
                        sum,
                        columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6],
                        columns[7]);
}

/**
 * hr_preset_cache_serialise:
 * @key: what the cache is for (hr_preset_cache_dup_key()), "" for any
 * @compiled_ns: when the files began to be read, for RACY_NS
 * @records: (element-type GVariant): from hr_preset_cache_compile_record()
 *   and hr_preset_cache_restamp_record()
 *
 * Returns: (transfer full): the cache file's contents
 */
GBytes *
hr_preset_cache_serialise (const char *key,
                           gint64      compiled_ns,
                           GPtrArray  *records)
{
  g_autoptr(GVariant) root = NULL;
  guint32 format = HR_PRESET_CACHE_FORMAT;
  guint32 schema = HR_PRESET_SCHEMA_VERSION;
  guint8 *data;
  gsize size;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (records != NULL, NULL);

  root = g_variant_ref_sink (g_variant_new ("(xs@a" HR_PRESET_CACHE_RECORD_TYPE ")", compiled_ns, key,
                                            g_variant_new_array (G_VARIANT_TYPE (HR_PRESET_CACHE_RECORD_TYPE),
                                                                 (GVariant **) records->pdata, records->len)));
  size = g_variant_get_size (root);
  /* g_malloc's memory is aligned for any type, so the data after the
   * 16-byte header is aligned for GVariant too, here and once mapped. */
  data = g_malloc (HR_PRESET_CACHE_HEADER_SIZE + size);
  memcpy (data, HR_PRESET_CACHE_MAGIC, 8);
  memcpy (data + 8, &format, sizeof format);
  memcpy (data + 12, &schema, sizeof schema);
  g_variant_store (root, data + HR_PRESET_CACHE_HEADER_SIZE);
  return g_bytes_new_take (data, HR_PRESET_CACHE_HEADER_SIZE + size);
}
