/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-json.h"
#include "hr-json-parse.h"
#include "hr-json-read.h"
#include "hr-voltage-steps-json.h"

/* The JSON schema of a headphone and a source, turned into model objects.
 *
 * This layer checks shape only: that a field is there and has the right
 * JSON type. The numbers themselves are checked by the model, which knows
 * what is physical (a 0 Ω source is fine, a 0 Ω headphone is not), and
 * whose messages name the field relative to its object; prefixing them
 * with the path of that object makes every message a JSON path.
 */

/**
 * hr_gear_json_parse_headphone:
 * @fallback_name: (nullable): the name when the JSON has none
 *
 * {"name": …, "nominal_impedance_ohm": …, "sensitivity": {"value": …,
 * "unit": "dB/mW" | "dB/V" | "mV@94dB"}, "impedance": {…}}
 *
 * Returns: (transfer full): the headphone, or NULL
 */
HrHeadphone *
hr_gear_json_parse_headphone (JsonNode    *node,
                              const char  *path,
                              const char  *fallback_name,
                              GError     **error)
{
  g_autofree char *sensitivity_path = hr_json_path_member (path, "sensitivity");
  g_autofree char *impedance_path = hr_json_path_member (path, "impedance");
  g_autoptr(HrImpedance) impedance = NULL;
  HrHeadphone *headphone;
  JsonObject *object;
  JsonObject *sensitivity_object;
  JsonNode *member;
  const char *name = NULL;
  const char *unit_text;
  HrSensitivityUnit unit;
  double nominal_impedance_ohm;
  double sensitivity;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!hr_json_node_get_object (node, path, &object, error) ||
      !hr_json_optional_string (object, path, "name", &name, error) ||
      !hr_json_require_figure (object, path, "nominal_impedance_ohm",
                               &nominal_impedance_ohm, NULL, error))
    return NULL;

  /* Left out, the sensitivity is unknown: the level is then unknown too. */
  member = json_object_get_member (object, "sensitivity");
  sensitivity = NAN;
  unit = HR_SENSITIVITY_DB_PER_V;
  unit_text = NULL;
  if (member != NULL && !JSON_NODE_HOLDS_NULL (member) &&
      (!hr_json_node_get_object (member, sensitivity_path, &sensitivity_object, error) ||
       !hr_json_require_number (sensitivity_object, sensitivity_path, "value",
                                &sensitivity, error) ||
       !hr_json_require_string (sensitivity_object, sensitivity_path, "unit",
                                &unit_text, error)))
    return NULL;

  if (unit_text != NULL && !hr_sensitivity_unit_from_string (unit_text, &unit))
    {
      g_autofree char *field = hr_json_path_member (sensitivity_path, "unit");

      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_UNIT,
                   _("%s must be one of %s, got “%s”"),
                   field, "dB/mW, dB/V, mV@94dB", unit_text);
      return NULL;
    }

  member = hr_json_require_member (object, path, "impedance", error);
  if (member == NULL)
    return NULL;
  impedance = hr_gear_json_parse_impedance (member, impedance_path, error);
  if (impedance == NULL)
    return NULL;

  if (name == NULL || name[0] == '\0')
    name = fallback_name;

  /* The model names "nominal_impedance_ohm" and "sensitivity.value",
   * already paths relative to this object. */
  headphone = hr_headphone_new (name, nominal_impedance_ohm, sensitivity, unit,
                                impedance, error);
  if (headphone == NULL)
    hr_json_prefix_path (error, path);

  return headphone;
}

/**
 * hr_gear_json_parse_source:
 * @fallback_name: (nullable): the name when the JSON has none
 * @source: (out caller-allocates): set only on success
 * @name: (out) (optional) (transfer full): the source's name
 *
 * {"name": …, "output_impedance_ohm": …, "dc_block_uf": …,
 * "max_voltage_vrms": …, "max_current_ma": …, "balanced": …}. A limit that
 * is absent or null is unknown (HR_UNKNOWN), not unlimited: a spec sheet
 * that does not state it says nothing about it. "balanced" marks figures
 * that are already those of the balanced output; nothing is doubled.
 */
gboolean
hr_gear_json_parse_source (JsonNode    *node,
                           const char  *path,
                           const char  *fallback_name,
                           HrSource    *source,
                           char       **name,
                           GError     **error)
{
  HrSource parsed = HR_SOURCE_INIT;
  g_autofree char *outputs_path = hr_json_path_member (path, "outputs");
  g_autofree char *output_path = NULL;
  g_autofree char *output_name = NULL;
  JsonObject *object;
  JsonObject *output_object;
  JsonArray *outputs;
  JsonNode *outputs_node;
  const char *name_text = NULL;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!hr_json_node_get_object (node, path, &object, error) ||
      !hr_json_optional_string (object, path, "name", &name_text, error))
    return FALSE;

  if (name_text == NULL || name_text[0] == '\0')
    name_text = fallback_name;

  /* A preset lists its outputs (SCHEMA.md, "Sources"); a file that holds
   * one stands for its first output, as `--output` defaults to it. */
  outputs_node = json_object_get_member (object, "outputs");
  if (outputs_node != NULL && !json_object_has_member (object, "output_impedance_ohm"))
    {
      if (!hr_json_node_get_array (outputs_node, outputs_path, &outputs, error))
        return FALSE;
      if (json_array_get_length (outputs) == 0)
        {
          hr_json_set_wrong_type (error, outputs_path, _("a list of at least one output"),
                                  outputs_node);
          return FALSE;
        }

      output_path = hr_json_path_index (outputs_path, 0);
      if (!hr_json_node_get_object (json_array_get_element (outputs, 0), output_path,
                                    &output_object, error) ||
          !hr_gear_json_parse_source_output (output_object, output_path, &parsed, error))
        return FALSE;

      {
        const char *output_label = NULL;

        if (!hr_json_optional_string (output_object, output_path, "name", &output_label, error))
          return FALSE;
        if (output_label != NULL && name_text != NULL)
          output_name = g_strdup_printf ("%s, %s", name_text, output_label);
      }
    }
  else if (!hr_gear_json_parse_source_output (object, path, &parsed, error))
    return FALSE;

  *source = parsed;
  if (name != NULL)
    *name = output_name != NULL ? g_steal_pointer (&output_name) : g_strdup (name_text);
  return TRUE;
}

/* A noise figure, which may be given as a dynamic range below the
 * output's maximum voltage. */
static gboolean
optional_noise (JsonObject  *object,
                const char  *path,
                double       max_voltage_vrms,
                double      *noise_vrms,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, "noise_vrms");
  g_autofree char *field = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  field = hr_json_path_member (path, "noise_vrms");
  return hr_json_node_get_figure_given (node, field, max_voltage_vrms, noise_vrms, NULL, NULL, error);
}

/**
 * hr_gear_json_parse_source_output:
 * @object: an output, or a source in the foundation form
 * @source: (out caller-allocates): set only on success
 *
 * The figures of one output: "output_impedance_ohm", "dc_block_uf",
 * "max_voltage_vrms", "max_current_ma", each a number or a figure object,
 * "balanced", and "kind": "balanced", which implies it.
 */
gboolean
hr_gear_json_parse_source_output (JsonObject  *object,
                                  const char  *path,
                                  HrSource    *source,
                                  GError     **error)
{
  HrSource parsed = HR_SOURCE_INIT;
  HrSource checked;
  const char *kind = NULL;

  parsed.output_impedance_ohm = HR_UNKNOWN;
  parsed.max_voltage_vrms = HR_UNKNOWN;
  parsed.max_current_ma = HR_UNKNOWN;
  parsed.noise_vrms = HR_UNKNOWN;

  /* Any figure may be unknown, but not all of them: a file with none is
   * not a source (a headphones file given by mistake). */
  if (!json_object_has_member (object, "output_impedance_ohm")
      && !json_object_has_member (object, "max_voltage_vrms")
      && !json_object_has_member (object, "max_voltage_by_load")
      && !json_object_has_member (object, "max_current_ma")
      && !json_object_has_member (object, "noise_vrms")
      && !json_object_has_member (object, "min_load_ohm"))
    {
      g_autofree char *field = hr_json_path_member (path, "output_impedance_ohm");

      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD,
                   _("%s is missing, and so is every other figure of a source "
                     "(max_voltage_vrms, max_current_ma, noise_vrms, min_load_ohm)"),
                   field);
      return FALSE;
    }

  /* An output impedance left out is unknown, as in a preset: the
   * scenario then asks for one to assume. */
  if (!hr_json_optional_figure (object, path, "output_impedance_ohm",
                                &parsed.output_impedance_ohm, NULL, error) ||
      !hr_json_optional_figure (object, path, "dc_block_uf", &parsed.dc_block_uf, NULL, error) ||
      !hr_json_optional_figure (object, path, "max_voltage_vrms",
                                &parsed.max_voltage_vrms, NULL, error) ||
      !hr_json_optional_figure (object, path, "max_current_ma",
                                &parsed.max_current_ma, NULL, error) ||
      !optional_noise (object, path, parsed.max_voltage_vrms, &parsed.noise_vrms, error) ||
      !hr_json_optional_figure (object, path, "min_load_ohm", &parsed.min_load_ohm, NULL, error) ||
      !hr_voltage_steps_json_parse (object, path, &parsed, error) ||
      !hr_json_optional_boolean (object, path, "balanced", &parsed.balanced, error) ||
      !hr_json_optional_string (object, path, "kind", &kind, error))
    return FALSE;

  if (kind != NULL && g_str_equal (kind, "balanced"))
    parsed.balanced = TRUE;

  /* hr_source_validate() takes an output impedance; an unknown one is
   * checked where it is replaced. */
  checked = parsed;
  if (isnan (checked.output_impedance_ohm))
    checked.output_impedance_ohm = 0.0;
  if (!hr_source_validate (&checked, error))
    {
      hr_json_prefix_path (error, path);
      return FALSE;
    }

  *source = parsed;
  return TRUE;
}

static void
prefix_filename (GError     **error,
                 const char  *filename)
{
  g_autofree char *display_name = g_filename_display_name (filename);

  g_prefix_error (error, "%s: ", display_name);
}

/**
 * hr_gear_json_load_file:
 *
 * Errors name the file: json-glib's parse errors read
 * "FILE:LINE:COLUMN: Parse error: …", and GLib's file errors quote it.
 *
 * Returns: (transfer full): the document's root node, or NULL
 */
JsonNode *
hr_gear_json_load_file (const char  *filename,
                        GError     **error)
{
  g_return_val_if_fail (filename != NULL, NULL);

  return hr_json_parse_file (filename, error);
}

/**
 * hr_gear_json_load_headphone:
 *
 * A file that holds one headphone. Without a "name", the headphone takes
 * the file's basename. Every error message starts with the file's name.
 */
HrHeadphone *
hr_gear_json_load_headphone (const char  *filename,
                             GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *basename = NULL;
  HrHeadphone *headphone;

  g_return_val_if_fail (filename != NULL, NULL);

  root = hr_gear_json_load_file (filename, error);
  if (root == NULL)
    return NULL;

  basename = g_filename_display_basename (filename);
  headphone = hr_gear_json_parse_headphone (root, NULL, basename, error);
  if (headphone == NULL)
    prefix_filename (error, filename);

  return headphone;
}

/**
 * hr_gear_json_load_source:
 * @source: (out caller-allocates): set only on success
 * @name: (out) (optional) (transfer full): the source's name, or the
 *   file's basename
 */
gboolean
hr_gear_json_load_source (const char  *filename,
                          HrSource    *source,
                          char       **name,
                          GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *basename = NULL;

  g_return_val_if_fail (filename != NULL, FALSE);

  root = hr_gear_json_load_file (filename, error);
  if (root == NULL)
    return FALSE;

  basename = g_filename_display_basename (filename);
  if (!hr_gear_json_parse_source (root, NULL, basename, source, name, error))
    {
      prefix_filename (error, filename);
      return FALSE;
    }

  return TRUE;
}
