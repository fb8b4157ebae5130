/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-comparison.h"
#include "hr-db-error.h"
#include "hr-export.h"
#include "hr-json-parse.h"
#include "hr-json-read.h"
#include "hr-json-write.h"

/* A `.headroom` file (docs/COMPARISON.md):
 *
 *   {
 *     "format": "headroom-comparison",
 *     "version": 1,
 *     "generator": "Headroom 0.1.0",
 *     "chart_view": "all",
 *     "configuration": SCENARIO,
 *     "pins": [{"name": NAME, "visible": true, "configuration": SCENARIO}, …]
 *   }
 *
 * SCENARIO is what hr_scenario_to_json() writes. Bundled gear is named by
 * id; the user's own is written inline with its figures, so that another
 * machine, which has not got it, computes the same curves. The reader
 * takes the first problem, names the file and the JSON path, and keeps
 * nothing of a file it refuses.
 */

#define FORMAT_NAME "headroom-comparison"

typedef struct
{
  char       *name;
  gboolean    visible;
  HrScenario *scenario;
} Pin;

struct _HrComparison
{
  GObject     parent_instance;

  HrScenario *scenario;
  char       *chart_view;
  GPtrArray  *pins;  /* of Pin */
};

G_DEFINE_FINAL_TYPE (HrComparison, hr_comparison, G_TYPE_OBJECT)

static void
pin_free (Pin *pin)
{
  g_free (pin->name);
  g_clear_object (&pin->scenario);
  g_free (pin);
}

static void
hr_comparison_finalize (GObject *object)
{
  HrComparison *self = HR_COMPARISON (object);

  g_clear_object (&self->scenario);
  g_clear_pointer (&self->chart_view, g_free);
  g_clear_pointer (&self->pins, g_ptr_array_unref);

  G_OBJECT_CLASS (hr_comparison_parent_class)->finalize (object);
}

static void
hr_comparison_class_init (HrComparisonClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hr_comparison_finalize;
}

static void
hr_comparison_init (HrComparison *self)
{
  self->pins = g_ptr_array_new_with_free_func ((GDestroyNotify) pin_free);
}

/**
 * hr_comparison_new:
 * @scenario: the configuration on screen; copied
 */
HrComparison *
hr_comparison_new (HrScenario *scenario)
{
  HrComparison *self;

  g_return_val_if_fail (HR_IS_SCENARIO (scenario), NULL);

  self = g_object_new (HR_TYPE_COMPARISON, NULL);
  self->scenario = hr_scenario_copy (scenario);
  return self;
}

/* Returns: (transfer none): the configuration on screen */
HrScenario *
hr_comparison_get_scenario (HrComparison *self)
{
  g_return_val_if_fail (HR_IS_COMPARISON (self), NULL);

  return self->scenario;
}

/* Returns: (nullable): the chart view it was saved with, "all", "spl", … */
const char *
hr_comparison_get_chart_view (HrComparison *self)
{
  g_return_val_if_fail (HR_IS_COMPARISON (self), NULL);

  return self->chart_view;
}

void
hr_comparison_set_chart_view (HrComparison *self,
                              const char   *chart_view)
{
  g_return_if_fail (HR_IS_COMPARISON (self));

  g_free (self->chart_view);
  self->chart_view = g_strdup (chart_view);
}

static gboolean
check_pin_name (const char  *name,
                const char  *path,
                GError     **error)
{
  if (*name == '\0' || g_utf8_strlen (name, -1) > HR_COMPARISON_MAX_NAME_CHARS)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                   _("%s must be a name of 1 to %d characters, got %ld"),
                   hr_json_path_display (path), HR_COMPARISON_MAX_NAME_CHARS, g_utf8_strlen (name, -1));
      return FALSE;
    }
  /* A chip shows one line: a name with a line break or a control
   * character is not one anybody typed. */
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      {
        g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                     _("%s holds a control character (U+%04X)"),
                     hr_json_path_display (path), g_utf8_get_char (p));
        return FALSE;
      }
  return TRUE;
}

/**
 * hr_comparison_add_pin:
 * @scenario: copied
 *
 * Returns: %FALSE with @error set if there are HR_COMPARISON_MAX_PINS
 *   already or @name is not a name
 */
gboolean
hr_comparison_add_pin (HrComparison  *self,
                       const char    *name,
                       gboolean       visible,
                       HrScenario    *scenario,
                       GError       **error)
{
  Pin *pin;

  g_return_val_if_fail (HR_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (name != NULL && g_utf8_validate (name, -1, NULL), FALSE);
  g_return_val_if_fail (HR_IS_SCENARIO (scenario), FALSE);

  if (self->pins->len >= HR_COMPARISON_MAX_PINS)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                   _("a comparison holds at most %d pins"), HR_COMPARISON_MAX_PINS);
      return FALSE;
    }
  if (!check_pin_name (name, "name", error))
    return FALSE;

  pin = g_new0 (Pin, 1);
  pin->name = g_strdup (name);
  pin->visible = visible;
  pin->scenario = hr_scenario_copy (scenario);
  g_ptr_array_add (self->pins, pin);
  return TRUE;
}

guint
hr_comparison_get_n_pins (HrComparison *self)
{
  g_return_val_if_fail (HR_IS_COMPARISON (self), 0);

  return self->pins->len;
}

/**
 * hr_comparison_get_pin:
 * @name: (out) (optional) (transfer none)
 * @visible: (out) (optional)
 *
 * Returns: (transfer none): the pin's configuration
 */
HrScenario *
hr_comparison_get_pin (HrComparison  *self,
                       guint          index,
                       const char   **name,
                       gboolean      *visible)
{
  const Pin *pin;

  g_return_val_if_fail (HR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->pins->len, NULL);

  pin = g_ptr_array_index (self->pins, index);
  if (name != NULL)
    *name = pin->name;
  if (visible != NULL)
    *visible = pin->visible;
  return pin->scenario;
}

/* @scenario as it travels: the user's own gear, which the database holds
 * and another machine's does not, put inline with its figures. */
static JsonNode *
scenario_to_json (HrScenario *scenario,
                  HrPresetDb *db)
{
  g_autoptr(HrScenario) copy = hr_scenario_copy (scenario);

  if (hr_scenario_get_source_kind (copy) == HR_SCENARIO_SOURCE_PRESET
      && hr_scenario_get_source_inline (copy) == NULL)
    {
      HrSourcePreset *preset = hr_preset_db_lookup_source (db, hr_scenario_get_source_id (copy));

      if (preset != NULL && hr_preset_get_origin (HR_PRESET (preset)) != HR_PRESET_ORIGIN_BUNDLED)
        hr_scenario_set_source_inline (copy, preset, hr_scenario_get_output_id (copy));
    }
  if (hr_scenario_get_headphone_kind (copy) == HR_SCENARIO_HEADPHONE_PRESET
      && hr_scenario_get_headphone_inline (copy) == NULL)
    {
      HrHeadphonePreset *preset = hr_preset_db_lookup_headphone (db, hr_scenario_get_headphone_id (copy));

      if (preset != NULL && hr_preset_get_origin (HR_PRESET (preset)) != HR_PRESET_ORIGIN_BUNDLED)
        hr_scenario_set_headphone_inline (copy, preset);
    }
  return hr_scenario_to_json (copy);
}

/**
 * hr_comparison_to_string:
 * @db: the presets the configurations name, to tell the user's own
 *
 * Returns: (transfer full): the file's text, UTF-8, indented
 */
char *
hr_comparison_to_string (HrComparison  *self,
                         HrPresetDb    *db,
                         GError       **error)
{
  g_autoptr(JsonObject) root = json_object_new ();
  g_autoptr(JsonArray) pins = json_array_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (HR_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);

  json_object_set_string_member (root, "format", FORMAT_NAME);
  json_object_set_int_member (root, "version", HR_COMPARISON_VERSION);
  json_object_set_string_member (root, "generator", "Headroom " PACKAGE_VERSION);
  if (self->chart_view != NULL)
    json_object_set_string_member (root, "chart_view", self->chart_view);
  json_object_set_member (root, "configuration", scenario_to_json (self->scenario, db));
  for (guint i = 0; i < self->pins->len; i++)
    {
      const Pin *pin = g_ptr_array_index (self->pins, i);
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_string_member (object, "name", pin->name);
      json_object_set_boolean_member (object, "visible", pin->visible);
      json_object_set_member (object, "configuration", scenario_to_json (pin->scenario, db));
      json_array_add_object_element (pins, g_steal_pointer (&object));
    }
  json_object_set_array_member (root, "pins", g_steal_pointer (&pins));

  node = json_node_init_object (json_node_alloc (), root);
  return hr_json_to_text (node, TRUE, NULL);
}

/**
 * hr_comparison_save:
 *
 * Writes the file atomically: on any failure, what was there stays.
 */
gboolean
hr_comparison_save (HrComparison  *self,
                    HrPresetDb    *db,
                    const char    *filename,
                    GError       **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (HR_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  text = hr_comparison_to_string (self, db, error);
  return text != NULL && hr_export_save (filename, text, strlen (text), error);
}

static gboolean
read_version (JsonObject  *object,
              GError     **error)
{
  const char *format = NULL;
  double version = 0.0;

  if (!hr_json_require_string (object, NULL, "format", &format, error))
    return FALSE;
  if (!g_str_equal (format, FORMAT_NAME))
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                   _("format must be “%s”, got “%s”: this is not a Headroom comparison"),
                   FORMAT_NAME, format);
      return FALSE;
    }
  if (!hr_json_require_number (object, NULL, "version", &version, error))
    return FALSE;
  if (!(version >= 1.0 && version == (double) (gint64) version))
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                   _("version must be a whole number from 1, got %g"), version);
      return FALSE;
    }
  if (version > HR_COMPARISON_VERSION)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_UNSUPPORTED_VERSION,
                   _("version %g was written by a newer Headroom; this one reads up to version %d"),
                   version, HR_COMPARISON_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_pin (HrComparison  *self,
          JsonNode      *node,
          guint          index,
          GError       **error)
{
  g_autofree char *path = hr_json_path_index ("pins", index);
  g_autofree char *name_path = hr_json_path_member (path, "name");
  g_autofree char *scenario_path = hr_json_path_member (path, "configuration");
  g_autoptr(HrScenario) scenario = NULL;
  JsonObject *object;
  JsonNode *scenario_node;
  const char *name = NULL;
  gboolean visible = TRUE;

  if (!hr_json_node_get_object (node, path, &object, error) ||
      !hr_json_require_string (object, path, "name", &name, error) ||
      !check_pin_name (name, name_path, error) ||
      !hr_json_optional_boolean (object, path, "visible", &visible, error))
    return FALSE;
  scenario_node = hr_json_require_member (object, path, "configuration", error);
  if (scenario_node == NULL)
    return FALSE;
  scenario = hr_scenario_new_from_json (scenario_node, scenario_path, error);
  return scenario != NULL && hr_comparison_add_pin (self, name, visible, scenario, error);
}

static HrComparison *
comparison_from_json (JsonNode  *root,
                      GError   **error)
{
  g_autoptr(HrScenario) scenario = NULL;
  g_autoptr(HrComparison) self = NULL;
  JsonObject *object;
  JsonNode *node;
  JsonArray *pins = NULL;
  const char *chart_view = NULL;

  if (!hr_json_node_get_object (root, NULL, &object, error) ||
      !read_version (object, error) ||
      !hr_json_optional_string (object, NULL, "chart_view", &chart_view, error))
    return NULL;

  node = hr_json_require_member (object, NULL, "configuration", error);
  if (node == NULL)
    return NULL;
  scenario = hr_scenario_new_from_json (node, "configuration", error);
  if (scenario == NULL)
    return NULL;
  self = hr_comparison_new (scenario);
  /* A view this Headroom does not draw is the shell's to ignore. */
  if (chart_view != NULL && strlen (chart_view) <= 32)
    hr_comparison_set_chart_view (self, chart_view);

  node = json_object_get_member (object, "pins");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      if (!hr_json_node_get_array (node, "pins", &pins, error))
        return NULL;
      if (json_array_get_length (pins) > HR_COMPARISON_MAX_PINS)
        {
          g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                       _("pins holds %u pins, at most %d can be shown"),
                       json_array_get_length (pins), HR_COMPARISON_MAX_PINS);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (pins); i++)
        if (!read_pin (self, json_array_get_element (pins, i), i, error))
          return NULL;
    }
  return g_steal_pointer (&self);
}

static void
set_too_large (GError     **error,
               const char  *display_name,
               guint64      n_bytes)
{
  /* The number is formatted first: a translatable string holds no
   * G_GUINT64_FORMAT, which xgettext cannot read. */
  g_autofree char *bytes = g_strdup_printf ("%" G_GUINT64_FORMAT, n_bytes);

  g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
               _("%s: %s bytes is too large for a comparison (at most %d MiB)"),
               display_name, bytes, HR_COMPARISON_MAX_BYTES / (1024 * 1024));
}

/**
 * hr_comparison_new_from_data:
 * @display_name: the file's name, which every message starts with
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set to
 *   one line naming the file, the JSON path and the value
 */
HrComparison *
hr_comparison_new_from_data (const char  *data,
                             gsize        length,
                             const char  *display_name,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  HrComparison *self;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (length > HR_COMPARISON_MAX_BYTES)
    {
      set_too_large (error, display_name, length);
      return NULL;
    }
  /* Messages start with the file's name, line and column. */
  root = hr_json_parse_data (data, length, display_name, error);
  if (root == NULL)
    return NULL;
  self = comparison_from_json (root, error);
  if (self == NULL)
    g_prefix_error (error, "%s: ", display_name);
  return self;
}

/**
 * hr_comparison_load:
 * @display_name: (nullable): what messages call the file: its name in a
 *   window, %NULL for @filename as given on a command line
 *
 * Returns: (transfer full): the comparison in @filename, or %NULL with
 *   @error set and naming the file
 */
HrComparison *
hr_comparison_load (const char  *filename,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *shown_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);

  shown_name = display_name != NULL ? g_strdup (display_name) : g_filename_display_name (filename);
  /* The size first: a huge file is not read into memory to be refused. */
  file = g_file_new_for_path (filename);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR
      && g_file_info_get_size (info) > HR_COMPARISON_MAX_BYTES)
    {
      set_too_large (error, shown_name, (guint64) g_file_info_get_size (info));
      return NULL;
    }
  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;
  return hr_comparison_new_from_data (contents, length, shown_name, error);
}
