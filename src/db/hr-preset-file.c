/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-json-locate.h"
#include "hr-json-parse.h"
#include "hr-json-read.h"
#include "hr-preset-file.h"
#include "hr-preset-private.h"

/* One preset file, loaded (SCHEMA.md): every problem in it reported with
 * file, line, column and JSON path; a preset with a problem skipped and
 * the others kept. A file that is not JSON, or that is of a newer schema,
 * loads nothing and is not readable: the user's file is then never
 * written over (hr-preset-user.c).
 *
 * Positions: json-glib 1.6 keeps none once it has parsed, so a problem's
 * message, which names its JSON path, is placed by a second scan of the
 * text (hr-json-locate.c), done only for a file that has problems.
 */

struct _HrPresetFile
{
  GObject         parent_instance;

  char           *filename;
  char           *display_name;
  HrPresetOrigin  origin;
  gboolean        readable;
  GPtrArray      *sources;     /* HrSourcePreset */
  GPtrArray      *headphones;  /* HrHeadphonePreset */
  GPtrArray      *problems;    /* HrPresetProblem */

  /* While loading only. */
  const char     *text;
  gsize           length;
  HrJsonLocator  *locator;
};

G_DEFINE_FINAL_TYPE (HrPresetFile, hr_preset_file, G_TYPE_OBJECT)

static void
hr_preset_file_finalize (GObject *object)
{
  HrPresetFile *self = HR_PRESET_FILE (object);

  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_clear_pointer (&self->sources, g_ptr_array_unref);
  g_clear_pointer (&self->headphones, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->locator, hr_json_locator_free);

  G_OBJECT_CLASS (hr_preset_file_parent_class)->finalize (object);
}

static void
hr_preset_file_class_init (HrPresetFileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hr_preset_file_finalize;
}

static void
hr_preset_file_init (HrPresetFile *self)
{
  self->sources = g_ptr_array_new_with_free_func (g_object_unref);
  self->headphones = g_ptr_array_new_with_free_func (g_object_unref);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_preset_problem_free);
}

static void
add_problem_at (HrPresetFile *self,
                guint         line,
                guint         column,
                const char   *path,
                const GError *error)
{
  g_ptr_array_add (self->problems,
                   hr_preset_problem_new (self->display_name, line, column, path, error));
}

static gboolean
is_path_char (char c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '-' || c == '.' || c == '[' || c == ']';
}

/* The JSON path a message is about. Every message names it, though not
 * always first once translated: it is found as the longest run of path
 * characters that starts with @anchor, the path of the preset. */
static char *
path_in_message (const char *message,
                 const char *anchor)
{
  gsize anchor_length = strlen (anchor);

  for (const char *p = strstr (message, anchor); p != NULL; p = strstr (p + 1, anchor))
    {
      const char *end = p + anchor_length;

      if ((p > message && is_path_char (p[-1])) ||
          (*end != '\0' && *end != '.' && *end != '[' && is_path_char (*end)))
        continue;

      while (is_path_char (*end))
        end++;
      while (end > p + anchor_length && end[-1] == '.')
        end--;
      return g_strndup (p, (gsize) (end - p));
    }

  return g_strdup (anchor);
}

/* @anchor: the path of the value the problem is in */
static void
add_problem (HrPresetFile *self,
             const char   *anchor,
             const GError *error)
{
  g_autofree char *path = path_in_message (error->message, anchor);
  guint line;
  guint column;

  if (self->locator == NULL)
    self->locator = hr_json_locator_new (self->text, self->length);
  hr_json_locator_find (self->locator, path, &line, &column);
  add_problem_at (self, line, column, path[0] != '\0' ? path : NULL, error);
}

static void
add_problems (HrPresetFile *self,
              const char   *anchor,
              GPtrArray    *errors)
{
  for (guint i = 0; i < errors->len; i++)
    add_problem (self, anchor, g_ptr_array_index (errors, i));
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: …" when it parses
 * from memory; the place becomes ours, the rest is the message. */
static void
add_parse_error (HrPresetFile *self,
                 const GError *error)
{
  g_autoptr(GError) placed = NULL;
  guint line = 0;
  guint column = 0;
  int consumed = 0;

  if (sscanf (error->message, "<data>:%u:%u: %n", &line, &column, &consumed) == 2 &&
      consumed > 0)
    {
      placed = g_error_new_literal (HR_DB_ERROR, HR_DB_ERROR_NOT_JSON, error->message + consumed);
      add_problem_at (self, line, column, NULL, placed);
      return;
    }

  placed = g_error_new_literal (HR_DB_ERROR, HR_DB_ERROR_NOT_JSON, error->message);
  add_problem_at (self, 1, 1, NULL, placed);
}

/* Text json-glib would refuse without saying where, or would recurse
 * through without end. */
static gboolean
check_text (HrPresetFile *self)
{
  g_autoptr(GError) error = NULL;
  guint line = 1;
  guint column = 1;

  if (!hr_json_check_text (self->text, self->length, &line, &column, &error))
    {
      add_problem_at (self, line, column, NULL, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_version (HrPresetFile *self,
               JsonObject   *root)
{
  JsonNode *node = json_object_get_member (root, "schema_version");
  g_autoptr(GError) error = NULL;
  gint64 version;

  /* SCHEMA.md: a file without one is version 1. */
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      hr_json_set_wrong_type (&error, "schema_version", _("a whole number of 1 or more"), node);
      add_problem (self, "schema_version", error);
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > HR_PRESET_SCHEMA_VERSION)
    {
      error = g_error_new (HR_DB_ERROR, HR_DB_ERROR_UNSUPPORTED_VERSION,
                           /* PRId64, not G_GINT64_FORMAT: xgettext and
                            * msgfmt know only the <inttypes.h> macros. */
                           _("schema_version is %" PRId64 ", but this version of "
                             "Headroom reads version %d only; a newer Headroom is needed"),
                           (int64_t) version, HR_PRESET_SCHEMA_VERSION);
      add_problem (self, "schema_version", error);
      return FALSE;
    }

  return TRUE;
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const HrPresetProblem *pa = *(HrPresetProblem *const *) a;
  const HrPresetProblem *pb = *(HrPresetProblem *const *) b;

  if (pa->line != pb->line)
    return pa->line < pb->line ? -1 : 1;
  if (pa->column != pb->column)
    return pa->column < pb->column ? -1 : 1;
  return 0;
}

typedef HrPreset *(*ParsePreset) (JsonNode *node, const char *path, GPtrArray *errors);

static HrPreset *
parse_source (JsonNode   *node,
              const char *path,
              GPtrArray  *errors)
{
  return (HrPreset *) hr_source_preset_new_from_json (node, path, errors);
}

static HrPreset *
parse_headphone (JsonNode   *node,
                 const char *path,
                 GPtrArray  *errors)
{
  return (HrPreset *) hr_headphone_preset_new_from_json (node, path, errors);
}

/* One list: each preset read on its own, so that one broken preset costs
 * only itself. Ids are unique within a list of one file: the second use
 * is the mistake. */
static void
load_list (HrPresetFile *self,
           JsonObject   *root,
           const char   *key,
           ParsePreset   parse,
           GPtrArray    *presets)
{
  g_autoptr(GHashTable) first_use = NULL;  /* id → path */
  g_autoptr(GError) error = NULL;
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;

  if (!hr_json_node_get_array (node, key, &array, &error))
    {
      add_problem (self, key, error);
      return;
    }

  first_use = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_autofree char *path = hr_json_path_index (key, i);
      g_autoptr(HrPreset) preset = parse (json_array_get_element (array, i), path, errors);
      const char *first_path;

      if (preset == NULL)
        {
          add_problems (self, path, errors);
          continue;
        }

      first_path = g_hash_table_lookup (first_use, hr_preset_get_id (preset));
      if (first_path != NULL)
        {
          g_autofree char *field = hr_json_path_member (path, "id");

          g_clear_error (&error);
          error = g_error_new (HR_DB_ERROR, HR_DB_ERROR_DUPLICATE_ID,
                               /* Translators: "headphones[3].id “x” is already used by headphones[1]" */
                               _("%s “%s” is already used by %s"),
                               field, hr_preset_get_id (preset), first_path);
          add_problem (self, path, error);
          continue;
        }

      g_hash_table_insert (first_use, (gpointer) hr_preset_get_id (preset), g_strdup (path));
      hr_preset_set_origin (preset, self->origin, self->filename);
      g_ptr_array_add (presets, g_steal_pointer (&preset));
    }
}

static void
load (HrPresetFile *self)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  if (!check_text (self))
    return;

  if (!json_parser_load_from_data (parser, self->text, (gssize) self->length, &error))
    {
      add_parse_error (self, error);
      return;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      error = g_error_new (HR_DB_ERROR, HR_DB_ERROR_EMPTY_DOCUMENT,
                           _("the file holds no JSON value"));
      add_problem_at (self, 1, 1, NULL, error);
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      hr_json_set_wrong_type (&error, NULL, _("an object"), root);
      add_problem (self, "", error);
      return;
    }

  if (!check_version (self, json_node_get_object (root)))
    return;

  self->readable = TRUE;
  load_list (self, json_node_get_object (root), "sources", parse_source, self->sources);
  load_list (self, json_node_get_object (root), "headphones", parse_headphone, self->headphones);

  /* In the order of the text, as a compiler lists its errors; the sort
   * is stable, so problems at one place keep the order they were found. */
  g_ptr_array_sort (self->problems, compare_problems);
}

/**
 * hr_preset_file_new_from_data:
 * @filename: the file's name, for the presets and the messages
 * @data: the text, which need not end in a NUL
 *
 * Returns: (transfer full): the file, with whatever loaded and every
 *   problem found
 */
HrPresetFile *
hr_preset_file_new_from_data (const char     *filename,
                              const char     *data,
                              gsize           length,
                              HrPresetOrigin  origin)
{
  HrPresetFile *self;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  self = g_object_new (HR_TYPE_PRESET_FILE, NULL);
  self->filename = g_strdup (filename);
  self->display_name = g_filename_display_name (filename);
  self->origin = origin;
  self->text = data != NULL ? data : "";
  self->length = length;

  load (self);

  self->text = NULL;
  self->length = 0;
  g_clear_pointer (&self->locator, hr_json_locator_free);
  return self;
}

/**
 * hr_preset_file_new_compiled:
 * @sources: (transfer container) (element-type HrSourcePreset)
 * @headphones: (transfer container) (element-type HrHeadphonePreset)
 *
 * The file as its compiled cache has it (hr-preset-cache.c): readable
 * and without problems, since a file with any is never compiled.
 *
 * Returns: (transfer full): the file
 */
HrPresetFile *
hr_preset_file_new_compiled (const char     *filename,
                             HrPresetOrigin  origin,
                             GPtrArray      *sources,
                             GPtrArray      *headphones)
{
  HrPresetFile *self;

  g_return_val_if_fail (filename != NULL, NULL);

  self = g_object_new (HR_TYPE_PRESET_FILE, NULL);
  self->filename = g_strdup (filename);
  self->display_name = g_filename_display_name (filename);
  self->origin = origin;
  self->readable = TRUE;
  g_ptr_array_extend_and_steal (self->sources, sources);
  g_ptr_array_extend_and_steal (self->headphones, headphones);
  return self;
}

/**
 * hr_preset_file_new_from_file:
 *
 * A file that cannot be read is one problem, with no position.
 *
 * Returns: (transfer full): the file
 */
HrPresetFile *
hr_preset_file_new_from_file (const char     *filename,
                              HrPresetOrigin  origin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  HrPresetFile *self;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);

  if (!g_file_get_contents (filename, &contents, &length, &error))
    {
      self = hr_preset_file_new_from_data (filename, "{}", 2, origin);
      self->readable = FALSE;
      /* GLib's message names the file already. */
      g_ptr_array_add (self->problems, hr_preset_problem_new (self->display_name, 0, 0, NULL, error));
      return self;
    }

  return hr_preset_file_new_from_data (filename, contents, length, origin);
}

const char *
hr_preset_file_get_filename (HrPresetFile *self)
{
  g_return_val_if_fail (HR_IS_PRESET_FILE (self), NULL);

  return self->filename;
}

/* FALSE when nothing could be read: not JSON, not an object, a newer
 * schema, or no file at all. A file with broken presets is readable. */
gboolean
hr_preset_file_is_readable (HrPresetFile *self)
{
  g_return_val_if_fail (HR_IS_PRESET_FILE (self), FALSE);

  return self->readable;
}

/**
 * hr_preset_file_get_sources:
 *
 * Returns: (transfer none) (element-type HrSourcePreset): the sources
 *   that loaded, in the file's order
 */
GPtrArray *
hr_preset_file_get_sources (HrPresetFile *self)
{
  g_return_val_if_fail (HR_IS_PRESET_FILE (self), NULL);

  return self->sources;
}

/**
 * hr_preset_file_get_headphones:
 *
 * Returns: (transfer none) (element-type HrHeadphonePreset)
 */
GPtrArray *
hr_preset_file_get_headphones (HrPresetFile *self)
{
  g_return_val_if_fail (HR_IS_PRESET_FILE (self), NULL);

  return self->headphones;
}

/**
 * hr_preset_file_get_problems:
 *
 * Returns: (transfer none) (element-type HrPresetProblem): every problem,
 *   in the order of the file
 */
GPtrArray *
hr_preset_file_get_problems (HrPresetFile *self)
{
  g_return_val_if_fail (HR_IS_PRESET_FILE (self), NULL);

  return self->problems;
}
