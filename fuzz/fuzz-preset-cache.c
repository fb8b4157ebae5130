/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>
#include <glib.h>

#include "hr-preset-cache.h"
#include "hr-preset-private.h"

/* libFuzzer target: any bytes as a compiled preset cache, read as the app
 * reads one at start (every record listed) and then every preset's body,
 * as choosing them would. The checksums are skipped, or the fuzzer would
 * never get past them: what is fuzzed is what a cache made by hand can
 * do. Bodies that do not read fall back to a JSON file that is not there,
 * then to stand-ins, whose messages are dropped. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
drop_message (const char     *log_domain,
              GLogLevelFlags  log_level,
              const char     *message,
              gpointer        user_data)
{
}

static void
read_body (HrPreset *preset)
{
  g_assert (hr_preset_get_json (preset) != NULL);
  if (HR_IS_SOURCE_PRESET (preset))
    {
      HrSourcePreset *source = HR_SOURCE_PRESET (preset);
      HrSource built;

      g_assert (hr_source_preset_get_n_outputs (source) > 0);
      hr_source_preset_build_source (source, 0, &built);
    }
  else
    g_assert (hr_headphone_preset_get_headphone (HR_HEADPHONE_PRESET (preset)) != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static gboolean initialised;
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(HrPresetCache) cache = NULL;
  HrPresetStamp stamp = { size, 0, { 0 } };

  if (!initialised)
    {
      hr_preset_cache_skip_checksums (TRUE);
      g_log_set_handler ("hr-db", G_LOG_LEVEL_MESSAGE, drop_message, NULL);
      initialised = TRUE;
    }

  cache = hr_preset_cache_new_from_bytes (bytes, NULL, NULL);
  if (cache == NULL)
    return 0;

  for (guint r = 0; r < hr_preset_cache_get_n_records (cache); r++)
    {
      g_autoptr(HrPresetFile) file = NULL;

      hr_preset_cache_match (cache, r, &stamp);
      hr_preset_cache_same_text (cache, r, &stamp);
      file = hr_preset_cache_load_record (cache, r, "/nonexistent/fuzz.json", HR_PRESET_ORIGIN_USER, NULL);
      if (file == NULL)
        continue;
      for (guint i = 0; i < hr_preset_file_get_sources (file)->len; i++)
        read_body (g_ptr_array_index (hr_preset_file_get_sources (file), i));
      for (guint i = 0; i < hr_preset_file_get_headphones (file)->len; i++)
        read_body (g_ptr_array_index (hr_preset_file_get_headphones (file), i));
      g_variant_unref (g_variant_ref_sink (hr_preset_cache_restamp_record (cache, r, &stamp)));
    }
  return 0;
}
