/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hr-preset-file.h"

G_BEGIN_DECLS

/* Compiled preset caches (hr-preset-cache.c): the presets of JSON files
 * in a GVariant file that is mapped, not parsed. Not installed. */

/* The layout of the file. Any other number, older or newer, and the cache
 * is ignored and compiled again from the JSON. Bump it with every change
 * to the layout or to what a record holds. */
#define HR_PRESET_CACHE_FORMAT 1

/* The name of a cache compiled at build time, installed next to the
 * bundled JSON files it was compiled from (data/meson.build). */
#define HR_PRESET_CACHE_INSTALLED_NAME "presets.gvariant"

/* The file: a header of HR_PRESET_CACHE_HEADER_SIZE bytes (the magic,
 * then HR_PRESET_CACHE_FORMAT and HR_PRESET_SCHEMA_VERSION as guint32),
 * then one GVariant of HR_PRESET_CACHE_ROOT_TYPE: when it was compiled
 * (ns since 1970), what for (hr_preset_cache_dup_key()), and one record
 * for each JSON file. hr-preset-cache.c says why. */
#define HR_PRESET_CACHE_HEADER_SIZE 16
#define HR_PRESET_CACHE_MAGIC "HRPCACHE"
#define HR_PRESET_CACHE_RECORD_TYPE "(stxaytayayayadayauataa{sv})"
#define HR_PRESET_CACHE_ROOT_TYPE "(xsa" HR_PRESET_CACHE_RECORD_TYPE ")"

/* A record's members, in HR_PRESET_CACHE_RECORD_TYPE's order. */
enum
{
  HR_RECORD_NAME,          /* the file's basename */
  HR_RECORD_SIZE,          /* HrPresetStamp */
  HR_RECORD_MTIME_NS,
  HR_RECORD_SHA256,
  HR_RECORD_INDEX_SUM,     /* hr_preset_cache_checksum() of KINDS to BODY_SUMS */
  HR_RECORD_KINDS,         /* HrPresetKind */
  HR_RECORD_CLASSES,       /* HrSourceCategory or HrHeadphoneType */
  HR_RECORD_FLAGS,         /* HR_PRESET_CACHE_FLAG_GENERIC */
  HR_RECORD_NOMINAL_OHM,   /* a headphone's nominal impedance; 0 for a source */
  HR_RECORD_STRINGS,       /* id, name, manufacturer of each, each ending in a NUL */
  HR_RECORD_OFFSETS,       /* three into STRINGS for each */
  HR_RECORD_BODY_SUMS,     /* hr_preset_cache_checksum() of each body */
  HR_RECORD_BODIES,        /* each preset's JSON object */
  HR_RECORD_N_MEMBERS
};

#define HR_PRESET_CACHE_FLAG_GENERIC 1

typedef struct _HrPresetCache HrPresetCache;

/* What a JSON file was when it was compiled: its size, its time of
 * modification and the SHA-256 of its text. */
typedef struct
{
  guint64 size;
  gint64  mtime_ns;
  guint8  sha256[32];
} HrPresetStamp;

/* Why a record does or does not stand for a file as it is now. */
typedef enum
{
  HR_PRESET_CACHE_STALE,      /* another file, or none by that name */
  HR_PRESET_CACHE_CURRENT,    /* same size and time of modification */
  HR_PRESET_CACHE_UNSURE,     /* same size, but the time does not settle it: hash the text */
} HrPresetCacheMatch;

HrPresetCache  *hr_preset_cache_new_from_bytes (GBytes               *bytes,
                                                const char           *path,
                                                GError              **error);
HrPresetCache  *hr_preset_cache_open           (const char           *path,
                                                GError              **error);
HrPresetCache  *hr_preset_cache_ref            (HrPresetCache        *self);
void            hr_preset_cache_unref          (HrPresetCache        *self);
const char     *hr_preset_cache_get_key        (HrPresetCache        *self);
guint           hr_preset_cache_get_n_records  (HrPresetCache        *self);
int             hr_preset_cache_find_record    (HrPresetCache        *self,
                                                const char           *name);
HrPresetCacheMatch hr_preset_cache_match       (HrPresetCache        *self,
                                                guint                 record,
                                                const HrPresetStamp  *stamp);
gboolean        hr_preset_cache_same_text      (HrPresetCache        *self,
                                                guint                 record,
                                                const HrPresetStamp  *stamp);
HrPresetFile   *hr_preset_cache_load_record    (HrPresetCache        *self,
                                                guint                 record,
                                                const char           *filename,
                                                HrPresetOrigin        origin,
                                                GError              **error);
GVariant       *hr_preset_cache_dup_record     (HrPresetCache        *self,
                                                guint                 record);
GVariant       *hr_preset_cache_restamp_record (HrPresetCache        *self,
                                                guint                 record,
                                                const HrPresetStamp  *stamp);
HrPreset       *hr_preset_cache_read_body      (HrPresetCache        *self,
                                                guint                 record,
                                                guint                 index,
                                                HrPreset             *listed);
void            hr_preset_cache_discard        (HrPresetCache        *self);

GVariant       *hr_preset_cache_compile_record (const char           *name,
                                                const HrPresetStamp  *stamp,
                                                HrPresetFile         *file);
GBytes         *hr_preset_cache_serialise      (const char           *key,
                                                gint64                compiled_ns,
                                                GPtrArray            *records);

void            hr_preset_cache_skip_checksums (gboolean              skip);
guint64         hr_preset_cache_checksum       (const void           *data,
                                                gsize                 size);

/* hr-preset-cache-files.c: where caches are, and when they are used. */
gint64          hr_preset_cache_now_ns         (void);
gboolean        hr_preset_stamp_read           (const char           *filename,
                                                const char           *contents,
                                                gsize                 length,
                                                HrPresetStamp        *stamp);
char           *hr_preset_cache_dup_user_path  (const char           *key);
char           *hr_preset_cache_dup_key        (const char           *dir,
                                                HrPresetOrigin        origin);
gboolean        hr_preset_cache_write          (const char           *path,
                                                GBytes               *bytes,
                                                GError              **error);
GPtrArray      *hr_preset_cache_load_files     (const char           *dir,
                                                GPtrArray            *names,
                                                HrPresetOrigin        origin,
                                                const char           *installed_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrPresetCache, hr_preset_cache_unref)

G_END_DECLS
