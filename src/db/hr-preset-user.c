/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-json-parse.h"
#include "hr-json-read.h"
#include "hr-json-write.h"
#include "hr-preset-db-private.h"
#include "hr-preset-private.h"

/* Writing the user's presets.
 *
 * The file is edited as a JSON document, not rebuilt from the presets that
 * loaded: a preset that has a problem, or keys this version does not know,
 * stay as the user wrote them. A file that cannot be read at all is never
 * written: it is kept, a copy is set aside next to it, and the write is
 * refused with both names. Every write keeps the previous file as
 * presets.json.bak and replaces the file atomically (a temporary file
 * renamed over it), so that a crash leaves the old or the new file, whole.
 */

static const char *
list_key (HrPresetKind kind)
{
  switch (kind)
    {
    case HR_PRESET_KIND_SOURCE:
      return "sources";
    case HR_PRESET_KIND_HEADPHONE:
      return "headphones";
    default:
      g_return_val_if_reached (NULL);
    }
}

/* A copy of a file that cannot be read, so that whatever the user does
 * next (an editor, a script, another Headroom) the text survives. */
static char *
set_aside_copy (const char  *filename,
                GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *copy_name = g_strdup_printf ("%s.broken-%s", filename, stamp);
  g_autoptr(GFile) file = g_file_new_for_path (filename);
  g_autoptr(GFile) copy = g_file_new_for_path (copy_name);
  g_autoptr(GError) local_error = NULL;

  /* Within the same second the copy is already there, of the same file. */
  if (!g_file_copy (file, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&copy_name);
}

static gboolean
refuse_broken_file (HrPresetDb    *self,
                    HrPresetFile  *file,
                    GError       **error)
{
  g_autofree char *display_name = g_filename_display_name (self->user_file);
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *copy_name = set_aside_copy (self->user_file, &copy_error);
  GPtrArray *problems = hr_preset_file_get_problems (file);
  g_autofree char *first = problems->len > 0
                         ? hr_preset_problem_to_string (g_ptr_array_index (problems, 0))
                         : g_strdup ("");

  if (copy_name == NULL)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_BROKEN_USER_FILE,
                   _("%s cannot be read (%s); it is kept as it is and nothing was written, "
                     "but no copy could be set aside: %s"),
                   display_name, first, copy_error->message);
      return FALSE;
    }

  {
    g_autofree char *copy_display_name = g_filename_display_name (copy_name);

    g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_BROKEN_USER_FILE,
                 _("%s cannot be read (%s); it is kept as it is, a copy is in %s, and "
                   "nothing was written: fix the file or move it away, then try again"),
                 display_name, first, copy_display_name);
  }
  return FALSE;
}

/* The user's file as a document to edit: a new one when there is none. */
static JsonNode *
read_user_document (HrPresetDb  *self,
                    GError     **error)
{
  g_autoptr(HrPresetFile) file = NULL;
  g_autoptr(JsonObject) fresh = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_test (self->user_file, G_FILE_TEST_EXISTS))
    {
      fresh = json_object_new ();
      json_object_set_int_member (fresh, "schema_version", HR_PRESET_SCHEMA_VERSION);
      return json_node_init_object (json_node_alloc (), fresh);
    }

  if (!g_file_get_contents (self->user_file, &contents, &length, error))
    return NULL;

  /* The same rules as loading, so that "readable" means one thing. */
  file = hr_preset_file_new_from_data (self->user_file, contents, length, HR_PRESET_ORIGIN_USER);
  if (!hr_preset_file_is_readable (file))
    {
      refuse_broken_file (self, file, error);
      return NULL;
    }

  {
    g_autofree char *display_name = g_filename_display_name (self->user_file);

    return hr_json_parse_data (contents, length, display_name, error);
  }
}

/* The file's list of @kind, made if it has none. A list that is there
 * but is not a list is the user's to fix: writing one would lose it. */
static JsonArray *
get_list (JsonNode      *root,
          HrPresetKind   kind,
          const char    *filename,
          GError       **error)
{
  JsonObject *object = json_node_get_object (root);
  const char *key = list_key (kind);
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      json_object_set_array_member (object, key, json_array_new ());
      return json_object_get_array_member (object, key);
    }

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *display_name = g_filename_display_name (filename);

      hr_json_set_wrong_type (error, key, _("an array"), node);
      g_prefix_error (error, "%s: ", display_name);
      return NULL;
    }

  return json_node_get_array (node);
}

static int
find_preset (JsonArray  *list,
             const char *id)
{
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonNode *element = json_array_get_element (list, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      object = json_node_get_object (element);
      if (g_strcmp0 (json_object_get_string_member_with_default (object, "id", NULL), id) == 0)
        return (int) i;
    }

  return -1;
}

/* JsonArray has no way to replace or remove an element: the list is
 * built again, with @replacement (or nothing) at @index. */
static void
replace_element (JsonObject   *root,
                 HrPresetKind  kind,
                 JsonArray    *list,
                 guint         index,
                 JsonNode     *replacement)
{
  g_autoptr(JsonArray) rebuilt = json_array_sized_new (json_array_get_length (list));

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      if (i != index)
        json_array_add_element (rebuilt, json_node_copy (json_array_get_element (list, i)));
      else if (replacement != NULL)
        json_array_add_element (rebuilt, json_node_copy (replacement));
    }

  json_object_set_array_member (root, list_key (kind), g_steal_pointer (&rebuilt));
}

static gboolean
save_document (HrPresetDb  *self,
               JsonNode    *root,
               GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (self->user_file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *backup_name = g_strconcat (self->user_file, ".bak", NULL);
  g_autoptr(GFile) backup = g_file_new_for_path (backup_name);
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  text = hr_json_to_text (root, TRUE, &length);

  if (!g_file_make_directory_with_parents (parent, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* GIO's own backup would be "presets.json~", which file managers hide
   * and users do not look for; ".bak" says what it is. */
  if (g_file_query_exists (file, NULL) &&
      !g_file_copy (file, backup, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error))
    return FALSE;

  if (!g_file_replace_contents (file, text, length, NULL, FALSE, G_FILE_CREATE_PRIVATE,
                                NULL, NULL, error))
    return FALSE;

  hr_preset_db_reload (self);
  return TRUE;
}

/* The preset is checked as loading would check it, so that what is
 * written loads. Every problem goes into one message. */
static gboolean
check_preset (HrPresetKind   kind,
              JsonNode      *preset,
              char         **id,
              GError       **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(HrPreset) parsed = NULL;
  g_autoptr(GString) message = NULL;

  switch (kind)
    {
    case HR_PRESET_KIND_SOURCE:
      parsed = (HrPreset *) hr_source_preset_new_from_json (preset, NULL, errors);
      break;
    case HR_PRESET_KIND_HEADPHONE:
      parsed = (HrPreset *) hr_headphone_preset_new_from_json (preset, NULL, errors);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }

  if (parsed != NULL)
    {
      *id = g_strdup (hr_preset_get_id (parsed));
      return TRUE;
    }

  message = g_string_new (NULL);
  for (guint i = 0; i < errors->len; i++)
    {
      const GError *problem = g_ptr_array_index (errors, i);

      if (i > 0)
        g_string_append (message, "; ");
      g_string_append (message, problem->message);
    }
  g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_PRESET,
               /* Translators: the end is a list of problems, "; " between them */
               _("the %s is not a valid preset: %s"),
               hr_preset_kind_to_string (kind), message->str);
  return FALSE;
}

/**
 * hr_preset_db_write_user_preset:
 * @preset: one source or headphone object (SCHEMA.md)
 * @mode: %HR_PRESET_WRITE_ADD for a new id (a bundled one's id makes an
 *   override); %HR_PRESET_WRITE_EDIT to replace the user's preset with
 *   that id, or to override a bundled one
 *
 * Checks @preset, writes it into the user's file and reloads.
 */
gboolean
hr_preset_db_write_user_preset (HrPresetDb     *self,
                                HrPresetKind    kind,
                                JsonNode       *preset,
                                HrPresetWrite   mode,
                                GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = NULL;
  JsonArray *list;
  int index;

  g_return_val_if_fail (HR_IS_PRESET_DB (self), FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  if (!check_preset (kind, preset, &id, error))
    return FALSE;

  root = read_user_document (self, error);
  if (root == NULL)
    return FALSE;
  list = get_list (root, kind, self->user_file, error);
  if (list == NULL)
    return FALSE;

  index = find_preset (list, id);
  switch (mode)
    {
    case HR_PRESET_WRITE_ADD:
      if (index >= 0)
        {
          g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_EXISTS,
                       _("your presets already have a %s “%s”; edit it instead"),
                       hr_preset_kind_to_string (kind), id);
          return FALSE;
        }
      json_array_add_element (list, json_node_copy (preset));
      break;

    case HR_PRESET_WRITE_EDIT:
      if (index >= 0)
        replace_element (json_node_get_object (root), kind, list, (guint) index, preset);
      else if (hr_preset_db_lookup (self, kind, id) != NULL)
        json_array_add_element (list, json_node_copy (preset));
      else
        {
          g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                       _("there is no %s “%s” to edit; add it instead"),
                       hr_preset_kind_to_string (kind), id);
          return FALSE;
        }
      break;

    default:
      g_return_val_if_reached (FALSE);
    }

  return save_document (self, root, error);
}

/**
 * hr_preset_db_remove_user_preset:
 *
 * Removes the user's preset with @id; a bundled preset it overrode comes
 * back. Bundled presets themselves cannot be removed.
 */
gboolean
hr_preset_db_remove_user_preset (HrPresetDb     *self,
                                 HrPresetKind    kind,
                                 const char     *id,
                                 GError        **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *list;
  int index;

  g_return_val_if_fail (HR_IS_PRESET_DB (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  root = read_user_document (self, error);
  if (root == NULL)
    return FALSE;
  list = get_list (root, kind, self->user_file, error);
  if (list == NULL)
    return FALSE;

  index = find_preset (list, id);
  if (index < 0)
    {
      if (hr_preset_db_lookup (self, kind, id) != NULL)
        g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                     _("the %s “%s” is a bundled preset; only your own presets can be removed"),
                     hr_preset_kind_to_string (kind), id);
      else
        g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                     _("your presets have no %s “%s”"), hr_preset_kind_to_string (kind), id);
      return FALSE;
    }

  replace_element (json_node_get_object (root), kind, list, (guint) index, NULL);
  return save_document (self, root, error);
}
