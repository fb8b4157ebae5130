/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "hr-json-write.h"
#include "hr-preset-db.h"
#include "hr-preset-db-private.h"
#include "hr-preset-private.h"

/* Gear that came inline in a comparison file (docs/COMPARISON.md): the
 * sender's own, which this machine's presets may not have. It is listed
 * for the session, marked as opened from the file, and written nowhere:
 * the user keeps it by saving it from its form. It never takes the place
 * of a preset the user or the bundle has: the same id with other figures
 * gets an id of its own. */

/* Whether two presets say the same but for their ids: gear adopted once
 * under an id of its own is found again when the file opens again. */
static gboolean
same_figures (HrPreset *a,
              HrPreset *b)
{
  JsonObject *object_a = json_node_get_object (hr_preset_get_json (a));
  JsonObject *object_b = json_node_get_object (hr_preset_get_json (b));
  g_autoptr(GList) members = json_object_get_members (object_a);

  if (json_object_get_size (object_a) != json_object_get_size (object_b))
    return FALSE;
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member_b = json_object_get_member (object_b, l->data);

      if (member_b == NULL)
        return FALSE;
      if (!g_str_equal (l->data, "id") && !json_node_equal (json_object_get_member (object_a, l->data), member_b))
        return FALSE;
    }
  return TRUE;
}

/* @preset's figures under @id, marked as opened from @from. */
static HrPreset *
new_opened (HrPreset   *preset,
            const char *id,
            const char *from)
{
  /* Deep: json_node_copy() would share the preset's object. */
  g_autoptr(JsonNode) node = hr_json_deep_copy (hr_preset_get_json (preset));
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  HrPreset *opened;

  json_object_set_string_member (json_node_get_object (node), "id", id);

  if (hr_preset_get_kind (preset) == HR_PRESET_KIND_SOURCE)
    opened = HR_PRESET (hr_source_preset_new_from_json (node, NULL, errors));
  else
    opened = HR_PRESET (hr_headphone_preset_new_from_json (node, NULL, errors));
  /* It read as @preset a moment ago; only the id changed. */
  g_return_val_if_fail (opened != NULL && errors->len == 0, NULL);
  hr_preset_set_origin (opened, HR_PRESET_ORIGIN_OPENED, from);
  return opened;
}

static GHashTable *
table_for (HrPresetDb   *self,
           HrPresetKind  kind)
{
  return kind == HR_PRESET_KIND_SOURCE ? self->sources : self->headphones;
}

/**
 * hr_preset_db_adopt:
 * @preset: gear held inline in a comparison
 * @from: the file's name, as the dropdowns show where it came from
 *
 * Returns: (transfer none): the preset the database lists for @preset:
 *   one it had with the same id and the same figures, or @preset's
 *   figures, opened from @from, under its id or, if that is taken by
 *   other figures, under an id of its own
 */
HrPreset *
hr_preset_db_adopt (HrPresetDb *self,
                    HrPreset   *preset,
                    const char *from)
{
  GHashTable *table;
  g_autofree char *id = NULL;
  HrPreset *opened;

  g_return_val_if_fail (HR_IS_PRESET_DB (self), NULL);
  g_return_val_if_fail (HR_IS_PRESET (preset), NULL);
  g_return_val_if_fail (from != NULL, NULL);

  table = table_for (self, hr_preset_get_kind (preset));
  id = g_strdup (hr_preset_get_id (preset));
  for (guint n = 1; ; n++)
    {
      HrPreset *known = g_hash_table_lookup (table, id);

      if (known == NULL)
        break;
      if (same_figures (known, preset))
        return known;
      g_free (id);
      id = n == 1 ? g_strdup_printf ("%s-opened", hr_preset_get_id (preset))
                  : g_strdup_printf ("%s-opened-%u", hr_preset_get_id (preset), n);
    }

  opened = new_opened (preset, id, from);
  if (opened == NULL)
    return NULL;
  g_ptr_array_add (self->opened, opened);
  g_hash_table_replace (table, (gpointer) hr_preset_get_id (opened), g_object_ref (opened));
  hr_preset_db_tables_changed (self);
  return opened;
}

/* After a reload: the gear opened this session, less any that the user
 * has since saved as their own under its id. */
void
hr_preset_db_add_opened (HrPresetDb *self)
{
  for (guint i = 0; i < self->opened->len; )
    {
      HrPreset *opened = g_ptr_array_index (self->opened, i);
      GHashTable *table = table_for (self, hr_preset_get_kind (opened));

      if (g_hash_table_contains (table, hr_preset_get_id (opened)))
        {
          g_ptr_array_remove_index (self->opened, i);
          continue;
        }
      g_hash_table_replace (table, (gpointer) hr_preset_get_id (opened), g_object_ref (opened));
      i++;
    }
}
