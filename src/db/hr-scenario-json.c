/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-json.h"
#include "hr-json-parse.h"
#include "hr-json-read.h"
#include "hr-json-write.h"
#include "hr-preset-edit.h"
#include "hr-preset-private.h"
#include "hr-scenario.h"

/* A scenario as JSON: what the app's pins are kept as, and the heart of
 * a comparison file. Gear is named by preset id; gear that the database
 * may not hold on another machine (the user's own, a file's) travels
 * with its figures:
 *
 *   {
 *     "source": {"preset": ID, "output": OUTPUT_ID, "inline": PRESET?}
 *             | {"figures": SOURCE} | {"ideal": true},
 *     "headphone": {"preset": ID, "inline": PRESET?} | {"model": HEADPHONE},
 *     "zout_ohm": OHM?, "headphone_z_ohm": OHM?,
 *     "max_voltage_vrms": VRMS?, "max_current_ma": MA?, "noise_vrms": VRMS?,
 *     "min_load_ohm": OHM?,
 *     "frequency_response": {"points": [[HZ, DB], …]}?, "fr_zout_ohm": OHM?,
 *     "level_db_spl": DB | "voc_vrms": VRMS,
 *     "cable_ohm": OHM, "adapter_series_ohm": OHM, "adapter_shunt_ohm": OHM?,
 *     "crest_factor_db": DB
 *   }
 *
 * A member left out is the default: the gear's own figure, no cable, no
 * adapter, no shunt. SOURCE and HEADPHONE are the objects that
 * `--source-file` and `--headphone-file` read.
 */

static JsonNode *
source_figures_to_json (const HrSource *source,
                        const char     *name)
{
  g_autoptr(JsonObject) object = json_object_new ();

  if (name != NULL)
    json_object_set_string_member (object, "name", name);
  if (!isnan (source->output_impedance_ohm))
    json_object_set_double_member (object, "output_impedance_ohm", source->output_impedance_ohm);
  if (source->dc_block_uf > 0.0)
    json_object_set_double_member (object, "dc_block_uf", source->dc_block_uf);
  if (hr_limit_is_known (source->max_voltage_vrms) && hr_limit_is_finite (source->max_voltage_vrms))
    json_object_set_double_member (object, "max_voltage_vrms", source->max_voltage_vrms);
  if (hr_limit_is_known (source->max_current_ma) && hr_limit_is_finite (source->max_current_ma))
    json_object_set_double_member (object, "max_current_ma", source->max_current_ma);
  if (!isnan (source->noise_vrms))
    json_object_set_double_member (object, "noise_vrms", source->noise_vrms);
  if (source->min_load_ohm > 0.0)
    json_object_set_double_member (object, "min_load_ohm", source->min_load_ohm);
  if (source->balanced)
    json_object_set_boolean_member (object, "balanced", TRUE);
  return json_node_init_object (json_node_alloc (), object);
}

static JsonNode *
headphone_model_to_json (HrHeadphone *headphone)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) sensitivity = json_object_new ();

  json_object_set_string_member (object, "name", hr_headphone_get_name (headphone));
  json_object_set_double_member (object, "nominal_impedance_ohm",
                                 hr_headphone_get_nominal_impedance_ohm (headphone));
  /* An unknown sensitivity is left out, as a preset leaves it. */
  if (hr_headphone_has_sensitivity (headphone))
    {
      json_object_set_double_member (sensitivity, "value", hr_headphone_get_sensitivity_db_per_v (headphone));
      json_object_set_string_member (sensitivity, "unit", "dB/V");
      json_object_set_object_member (object, "sensitivity", g_steal_pointer (&sensitivity));
    }
  json_object_set_member (object, "impedance",
                          hr_impedance_json_new (hr_headphone_get_impedance (headphone), NULL));
  return json_node_init_object (json_node_alloc (), object);
}

/* Writes the numbers that differ from a new scenario's only: a file
 * that says less is easier to read and to compare. */
static void
set_number_unless (JsonObject *object,
                   const char *member,
                   double      value,
                   double      default_value)
{
  if (!isnan (value) && value != default_value && isfinite (value))
    json_object_set_double_member (object, member, value);
}

/**
 * hr_scenario_to_json:
 *
 * Returns: (transfer full): the scenario as a JSON object node
 */
JsonNode *
hr_scenario_to_json (HrScenario *self)
{
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonObject) source = json_object_new ();
  g_autoptr(JsonObject) headphone = json_object_new ();
  const HrDrive *drive;
  const HrConnection *connection;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  switch (hr_scenario_get_source_kind (self))
    {
    case HR_SCENARIO_SOURCE_IDEAL:
      json_object_set_boolean_member (source, "ideal", TRUE);
      break;
    case HR_SCENARIO_SOURCE_PRESET:
      json_object_set_string_member (source, "preset", hr_scenario_get_source_id (self));
      if (hr_scenario_get_output_id (self) != NULL)
        json_object_set_string_member (source, "output", hr_scenario_get_output_id (self));
      break;
    case HR_SCENARIO_SOURCE_FIGURES:
      {
        HrSource figures;
        g_autofree char *name = NULL;

        hr_scenario_get_source_figures (self, &figures, &name);
        json_object_set_member (source, "figures", source_figures_to_json (&figures, name));
      }
      break;
    default:
      g_assert_not_reached ();
    }

  switch (hr_scenario_get_headphone_kind (self))
    {
    case HR_SCENARIO_HEADPHONE_NONE:
      break;
    case HR_SCENARIO_HEADPHONE_PRESET:
      json_object_set_string_member (headphone, "preset", hr_scenario_get_headphone_id (self));
      break;
    case HR_SCENARIO_HEADPHONE_MODEL:
      json_object_set_member (headphone, "model",
                              headphone_model_to_json (hr_scenario_get_headphone_model (self)));
      break;
    default:
      g_assert_not_reached ();
    }

  /* Presets held inline travel with their figures. */
  if (hr_scenario_get_source_inline (self) != NULL)
    json_object_set_member (source, "inline",
                            json_node_copy (hr_preset_get_json (HR_PRESET (hr_scenario_get_source_inline (self)))));
  if (hr_scenario_get_headphone_inline (self) != NULL)
    json_object_set_member (headphone, "inline",
                            json_node_copy (hr_preset_get_json (HR_PRESET (hr_scenario_get_headphone_inline (self)))));

  json_object_set_object_member (object, "source", g_steal_pointer (&source));
  if (json_object_get_size (headphone) > 0)
    json_object_set_object_member (object, "headphone", g_steal_pointer (&headphone));

  set_number_unless (object, "zout_ohm", hr_scenario_get_zout_ohm (self), NAN);
  for (HrSourceFigure figure = 0; figure < HR_N_SOURCE_FIGURES; figure++)
    if (isfinite (hr_scenario_get_source_figure (self, figure)))
      json_object_set_double_member (object, hr_source_figure_to_key (figure),
                                     hr_scenario_get_source_figure (self, figure));
  set_number_unless (object, "headphone_z_ohm", hr_scenario_get_headphone_z_ohm (self), NAN);
  {
    guint n_points;
    const HrResponsePoint *points = hr_scenario_get_response (self, &n_points);

    if (points != NULL)
      {
        g_autoptr(JsonObject) response = json_object_new ();
        JsonArray *array = json_array_sized_new (n_points);

        for (guint i = 0; i < n_points; i++)
          {
            JsonArray *point = json_array_sized_new (2);

            json_array_add_double_element (point, points[i].freq_hz);
            json_array_add_double_element (point, points[i].level_db);
            json_array_add_array_element (array, point);
          }
        json_object_set_array_member (response, "points", array);
        json_object_set_object_member (object, "frequency_response", g_steal_pointer (&response));
      }
  }
  set_number_unless (object, "fr_zout_ohm", hr_scenario_get_response_zout_ohm (self), NAN);
  drive = hr_scenario_get_drive (self);
  json_object_set_double_member (object, drive->kind == HR_DRIVE_SPL ? "level_db_spl" : "voc_vrms",
                                 drive->value);
  connection = hr_scenario_get_connection (self);
  set_number_unless (object, "cable_ohm", connection->cable_ohm, 0.0);
  set_number_unless (object, "adapter_series_ohm", connection->adapter_series_ohm, 0.0);
  set_number_unless (object, "adapter_shunt_ohm", connection->adapter_shunt_ohm, INFINITY);
  json_object_set_double_member (object, "crest_factor_db", hr_scenario_get_crest_factor_db (self));

  return json_node_init_object (json_node_alloc (), object);
}

/* An inline preset of @kind: the problems of reading it, all of them,
 * joined into one error as the loader would list them. */
static HrPreset *
parse_inline_preset (JsonNode      *node,
                     const char    *path,
                     HrPresetKind   kind,
                     GError       **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  HrPreset *preset;

  if (kind == HR_PRESET_KIND_SOURCE)
    preset = HR_PRESET (hr_source_preset_new_from_json (node, path, errors));
  else
    preset = HR_PRESET (hr_headphone_preset_new_from_json (node, path, errors));

  if (errors->len > 0)
    {
      g_clear_object (&preset);
      g_propagate_error (error, g_error_copy (g_ptr_array_index (errors, 0)));
      return NULL;
    }
  if (preset == NULL)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_PRESET,
                   _("%s is not a preset"), hr_json_path_display (path));
      return NULL;
    }
  return preset;
}

static gboolean
parse_source (HrScenario  *self,
              JsonObject  *object,
              const char  *path,
              GError     **error)
{
  const char *preset_id = NULL;
  const char *output_id = NULL;
  gboolean ideal = FALSE;
  JsonNode *inline_node = json_object_get_member (object, "inline");
  JsonNode *figures_node = json_object_get_member (object, "figures");

  if (!hr_json_optional_string (object, path, "preset", &preset_id, error) ||
      !hr_json_optional_string (object, path, "output", &output_id, error) ||
      !hr_json_optional_boolean (object, path, "ideal", &ideal, error))
    return FALSE;

  if (inline_node != NULL)
    {
      g_autofree char *inline_path = hr_json_path_member (path, "inline");
      g_autoptr(HrPreset) preset = parse_inline_preset (inline_node, inline_path,
                                                        HR_PRESET_KIND_SOURCE, error);

      if (preset == NULL)
        return FALSE;
      hr_scenario_set_source_inline (self, HR_SOURCE_PRESET (preset), output_id);
    }
  else if (preset_id != NULL)
    hr_scenario_set_source_preset (self, preset_id, output_id);
  else if (figures_node != NULL)
    {
      g_autofree char *figures_path = hr_json_path_member (path, "figures");
      g_autofree char *name = NULL;
      HrSource figures;

      if (!hr_gear_json_parse_source (figures_node, figures_path, _("Source"), &figures, &name, error))
        return FALSE;
      hr_scenario_set_source_figures (self, &figures, name);
    }
  else if (ideal)
    hr_scenario_set_ideal_source (self);
  else
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD,
                   _("%s needs “preset”, “figures” or “ideal”"), hr_json_path_display (path));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_headphone (HrScenario  *self,
                 JsonObject  *object,
                 const char  *path,
                 GError     **error)
{
  const char *preset_id = NULL;
  JsonNode *inline_node = json_object_get_member (object, "inline");
  JsonNode *model_node = json_object_get_member (object, "model");

  if (!hr_json_optional_string (object, path, "preset", &preset_id, error))
    return FALSE;

  if (inline_node != NULL)
    {
      g_autofree char *inline_path = hr_json_path_member (path, "inline");
      g_autoptr(HrPreset) preset = parse_inline_preset (inline_node, inline_path,
                                                        HR_PRESET_KIND_HEADPHONE, error);

      if (preset == NULL)
        return FALSE;
      hr_scenario_set_headphone_inline (self, HR_HEADPHONE_PRESET (preset));
    }
  else if (preset_id != NULL)
    hr_scenario_set_headphone_preset (self, preset_id);
  else if (model_node != NULL)
    {
      g_autofree char *model_path = hr_json_path_member (path, "model");
      g_autoptr(HrHeadphone) headphone = hr_gear_json_parse_headphone (model_node, model_path,
                                                                        _("Headphones"), error);

      if (headphone == NULL)
        return FALSE;
      hr_scenario_set_headphone_model (self, headphone);
    }
  else
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD,
                   _("%s needs “preset” or “model”"), hr_json_path_display (path));
      return FALSE;
    }
  return TRUE;
}

static gboolean
parse_optional_non_negative (JsonObject  *object,
                             const char  *path,
                             const char  *key,
                             double      *value,
                             GError     **error)
{
  g_autofree char *member_path = hr_json_path_member (path, key);

  if (!hr_json_optional_number (object, path, key, value, error))
    return FALSE;
  if (!hr_check_non_negative (member_path, *value, error))
    return FALSE;
  return TRUE;
}

/**
 * hr_scenario_new_from_json:
 * @path: (nullable): where @node sits in its document, for messages
 *
 * Returns: (transfer full): the scenario, or %NULL with @error naming the
 *   member and the value
 */
HrScenario *
hr_scenario_new_from_json (JsonNode    *node,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(HrScenario) self = hr_scenario_new ();
  g_autofree char *source_path = hr_json_path_member (path, "source");
  g_autofree char *headphone_path = hr_json_path_member (path, "headphone");
  JsonObject *object;
  JsonObject *member;
  JsonNode *member_node;
  double zout_ohm = NAN;
  double headphone_z_ohm = NAN;
  double level_db_spl = NAN;
  double voc_vrms = NAN;
  double cable_ohm = 0.0;
  double series_ohm = 0.0;
  double shunt_ohm = INFINITY;
  double crest_factor_db = HR_DEFAULT_CREST_FACTOR_DB;
  double source_figures[HR_N_SOURCE_FIGURES] = { NAN, NAN, NAN, NAN };

  if (!hr_json_node_get_object (node, path, &object, error))
    return NULL;

  member_node = json_object_get_member (object, "source");
  if (member_node != NULL)
    {
      if (!hr_json_node_get_object (member_node, source_path, &member, error) ||
          !parse_source (self, member, source_path, error))
        return NULL;
    }
  member_node = json_object_get_member (object, "headphone");
  if (member_node != NULL)
    {
      if (!hr_json_node_get_object (member_node, headphone_path, &member, error) ||
          !parse_headphone (self, member, headphone_path, error))
        return NULL;
    }

  if (!hr_json_optional_number (object, path, "zout_ohm", &zout_ohm, error) ||
      !hr_json_optional_number (object, path, "headphone_z_ohm", &headphone_z_ohm, error) ||
      !hr_json_optional_number (object, path, "level_db_spl", &level_db_spl, error) ||
      !hr_json_optional_number (object, path, "voc_vrms", &voc_vrms, error) ||
      !parse_optional_non_negative (object, path, "cable_ohm", &cable_ohm, error) ||
      !parse_optional_non_negative (object, path, "adapter_series_ohm", &series_ohm, error) ||
      !hr_json_optional_number (object, path, "adapter_shunt_ohm", &shunt_ohm, error) ||
      !parse_optional_non_negative (object, path, "crest_factor_db", &crest_factor_db, error))
    return NULL;

  /* The source's figures set in place of its own: a noise may be none,
   * the others must be something. */
  for (HrSourceFigure figure = 0; figure < HR_N_SOURCE_FIGURES; figure++)
    {
      const char *key = hr_source_figure_to_key (figure);
      g_autofree char *member_path = hr_json_path_member (path, key);

      if (!hr_json_optional_number (object, path, key, &source_figures[figure], error))
        return NULL;
      if (!isnan (source_figures[figure])
          && !(figure == HR_SOURCE_FIGURE_NOISE ? hr_check_non_negative (member_path, source_figures[figure], error)
                                                : hr_check_positive (member_path, source_figures[figure], error)))
        return NULL;
      hr_scenario_set_source_figure (self, figure, source_figures[figure]);
    }

  member_node = json_object_get_member (object, "frequency_response");
  if (member_node != NULL)
    {
      g_autofree char *response_path = hr_json_path_member (path, "frequency_response");
      g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
      g_autoptr(GArray) points = hr_preset_read_response (member_node, response_path, NULL, errors);

      if (points == NULL)
        {
          /* The first problem, as the other readers of a scenario say one. */
          g_propagate_error (error, g_ptr_array_steal_index (errors, 0));
          return NULL;
        }
      hr_scenario_set_response (self, (const HrResponsePoint *) (gpointer) points->data, points->len);
    }
  {
    double fr_zout_ohm = NAN;
    g_autofree char *member_path = hr_json_path_member (path, "fr_zout_ohm");

    if (!hr_json_optional_number (object, path, "fr_zout_ohm", &fr_zout_ohm, error) ||
        (!isnan (fr_zout_ohm) && !hr_check_non_negative (member_path, fr_zout_ohm, error)))
      return NULL;
    hr_scenario_set_response_zout_ohm (self, fr_zout_ohm);
  }

  /* The model's own checks, under the file's member names. */
  if (!isnan (zout_ohm))
    {
      g_autofree char *member_path = hr_json_path_member (path, "zout_ohm");

      if (!hr_check_non_negative (member_path, zout_ohm, error))
        return NULL;
    }
  if (!isnan (headphone_z_ohm))
    {
      g_autofree char *member_path = hr_json_path_member (path, "headphone_z_ohm");

      if (!hr_check_positive (member_path, headphone_z_ohm, error))
        return NULL;
    }
  if (shunt_ohm != INFINITY)
    {
      g_autofree char *member_path = hr_json_path_member (path, "adapter_shunt_ohm");

      if (!hr_check_positive (member_path, shunt_ohm, error))
        return NULL;
    }

  hr_scenario_set_zout_ohm (self, zout_ohm);
  hr_scenario_set_headphone_z_ohm (self, headphone_z_ohm);
  if (!isnan (voc_vrms))
    {
      const HrDrive drive = { HR_DRIVE_VOLTAGE, voc_vrms };
      g_autofree char *member_path = hr_json_path_member (path, "voc_vrms");

      if (!hr_check_positive (member_path, voc_vrms, error))
        return NULL;
      hr_scenario_set_drive (self, &drive);
    }
  else if (!isnan (level_db_spl))
    {
      g_autofree char *member_path = hr_json_path_member (path, "level_db_spl");

      if (!hr_check_finite (member_path, level_db_spl, error))
        return NULL;
      hr_scenario_set_level_db_spl (self, level_db_spl);
    }
  hr_scenario_set_cable_ohm (self, cable_ohm);
  hr_scenario_set_adapter_series_ohm (self, series_ohm);
  hr_scenario_set_adapter_shunt_ohm (self, shunt_ohm);
  hr_scenario_set_crest_factor_db (self, crest_factor_db);

  return g_steal_pointer (&self);
}

/* The scenario as one line of JSON text: what the app keeps its pins as. */
char *
hr_scenario_to_string (HrScenario *self)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  node = hr_scenario_to_json (self);
  return hr_json_to_text (node, FALSE, NULL);
}

/**
 * hr_scenario_new_from_string:
 * @display_name: what to call the text in messages
 *
 * Returns: (transfer full): the scenario, or %NULL with @error set
 */
HrScenario *
hr_scenario_new_from_string (const char  *text,
                             const char  *display_name,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  HrScenario *scenario;

  g_return_val_if_fail (text != NULL, NULL);

  root = hr_json_parse_data (text, strlen (text), display_name, error);
  if (root == NULL)
    return NULL;
  scenario = hr_scenario_new_from_json (root, NULL, error);
  if (scenario == NULL)
    g_prefix_error (error, "%s: ", display_name);
  return scenario;
}
