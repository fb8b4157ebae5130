/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "hr-preset-cache.h"
#include "hr-preset-private.h"

/* headroom-compile-presets OUTPUT FILE.json…
 *
 * Compiles the bundled presets at build time into the cache that is
 * installed next to them (data/meson.build), as glib-compile-schemas
 * compiles schemas: an installed Headroom then maps it at start and reads
 * none of the JSON (hr-preset-cache-files.c says when it does). The cache
 * records each file by its name, size, time of modification and hash, so
 * that it holds for the files wherever they are installed, and for no
 * other text.
 *
 * A file with problems is left out, with them said, and the app reads it
 * from its JSON and reports them as it would without a cache; the
 * bundled-presets test fails on any. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  /* Before any file is read (RACY_NS, hr-preset-cache.c). */
  gint64 compiled_ns = hr_preset_cache_now_ns ();

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s OUTPUT FILE.json…\n", argv[0]);
      return EXIT_FAILURE;
    }

  for (int i = 2; i < argc; i++)
    {
      g_autofree char *contents = NULL;
      g_autofree char *name = g_path_get_basename (argv[i]);
      g_autoptr(HrPresetFile) file = NULL;
      GVariant *record;
      HrPresetStamp stamp;
      GPtrArray *problems;
      gsize length;

      if (!g_file_get_contents (argv[i], &contents, &length, &error) ||
          !hr_preset_stamp_read (argv[i], contents, length, &stamp))
        {
          fprintf (stderr, "%s: cannot read %s: %s\n", argv[0], argv[i],
                   error != NULL ? error->message : "it changed while it was read");
          return EXIT_FAILURE;
        }

      file = hr_preset_file_new_from_data (argv[i], contents, length, HR_PRESET_ORIGIN_BUNDLED);
      record = hr_preset_cache_compile_record (name, &stamp, file);
      if (record == NULL)
        {
          problems = hr_preset_file_get_problems (file);
          fprintf (stderr, "%s: %s is left out, to be read from its JSON:\n", argv[0], argv[i]);
          for (guint p = 0; p < problems->len; p++)
            {
              g_autofree char *problem = hr_preset_problem_to_string (g_ptr_array_index (problems, p));

              fprintf (stderr, "  %s\n", problem);
            }
          continue;
        }
      g_ptr_array_add (records, g_variant_ref_sink (record));
    }

  /* Keyed to no folder: it is found next to its files. */
  bytes = hr_preset_cache_serialise ("", compiled_ns, records);
  if (!g_file_set_contents (argv[1], g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
