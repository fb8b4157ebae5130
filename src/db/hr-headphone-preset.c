/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-json.h"
#include "hr-json-read.h"
#include "hr-preset-private.h"

/* A headphone preset: the spec sheet's figures with their provenance, the
 * impedance model with what it was fitted to, and the model's headphone
 * built once at load, so that a preset that loads is one the model takes.
 */

/* The body (hr-preset.c): read on first use for a preset listed from a
 * compiled cache, and swapped in whole. The type is the base's class
 * index. */
typedef struct
{
  HrHeadphone         *headphone;
  HrFigure             nominal_impedance_ohm;
  HrSensitivityFigure  sensitivity;
  HrFigure             max_input_mw;
  char                *impedance_source;
  char                *impedance_modelled;
  char                *impedance_note;
  GArray              *response;  /* HrResponsePoint, normalised; NULL for none */
  char                *response_source;
} HrHeadphoneBody;

struct _HrHeadphonePreset
{
  HrPreset         parent_instance;

  HrHeadphoneBody  body;
};

G_DEFINE_FINAL_TYPE (HrHeadphonePreset, hr_headphone_preset, HR_TYPE_PRESET)

static const char *const type_names[] = {
  "open-dynamic", "closed-dynamic", "planar", "dynamic-iem", "ba-iem", "hybrid-iem",
  NULL
};

const char *const *
hr_headphone_type_names (void)
{
  return type_names;
}

const char *
hr_headphone_type_to_string (HrHeadphoneType type)
{
  g_return_val_if_fail ((guint) type < G_N_ELEMENTS (type_names) - 1, NULL);

  return type_names[type];
}

static const char *
hr_headphone_preset_get_class_name (HrPreset *preset)
{
  return hr_headphone_type_to_string (hr_preset_get_class_index (preset));
}

static void
hr_headphone_preset_take_body (HrPreset *preset,
                               HrPreset *from)
{
  HrHeadphoneBody body = HR_HEADPHONE_PRESET (preset)->body;

  HR_HEADPHONE_PRESET (preset)->body = HR_HEADPHONE_PRESET (from)->body;
  HR_HEADPHONE_PRESET (from)->body = body;
}

static void
hr_headphone_preset_finalize (GObject *object)
{
  HrHeadphonePreset *self = HR_HEADPHONE_PRESET (object);

  g_clear_object (&self->body.headphone);
  hr_figure_clear (&self->body.nominal_impedance_ohm);
  g_clear_pointer (&self->body.sensitivity.source, g_free);
  hr_figure_clear (&self->body.max_input_mw);
  g_clear_pointer (&self->body.impedance_source, g_free);
  g_clear_pointer (&self->body.impedance_modelled, g_free);
  g_clear_pointer (&self->body.impedance_note, g_free);
  g_clear_pointer (&self->body.response, g_array_unref);
  g_clear_pointer (&self->body.response_source, g_free);

  G_OBJECT_CLASS (hr_headphone_preset_parent_class)->finalize (object);
}

static void
hr_headphone_preset_class_init (HrHeadphonePresetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HrPresetClass *preset_class = HR_PRESET_CLASS (klass);

  object_class->finalize = hr_headphone_preset_finalize;
  preset_class->get_class_name = hr_headphone_preset_get_class_name;
  preset_class->take_body = hr_headphone_preset_take_body;
}

static void
hr_headphone_preset_init (HrHeadphonePreset *self)
{
  self->body.nominal_impedance_ohm.value = HR_UNKNOWN;
  self->body.max_input_mw.value = HR_UNKNOWN;
  self->body.sensitivity.value = HR_UNKNOWN;
  self->body.sensitivity.unit = HR_SENSITIVITY_DB_PER_V;
  self->body.sensitivity.ref_freq_hz = 1000.0;
}

/* An optional string, kept in @value (freed first). */
static void
read_text (JsonObject  *object,
           const char  *path,
           const char  *key,
           char       **value,
           GPtrArray   *errors)
{
  GError *error = NULL;
  const char *text = NULL;

  if (!hr_json_optional_string (object, path, key, &text, &error))
    hr_preset_add_error (errors, error);
  g_free (*value);
  *value = g_strdup (text);
}

static void
parse_sensitivity (HrHeadphonePreset *self,
                   JsonObject        *object,
                   const char        *path,
                   GPtrArray         *errors)
{
  g_autofree char *sensitivity_path = hr_json_path_member (path, "sensitivity");
  g_autofree char *value_path = hr_json_path_member (sensitivity_path, "value");
  g_autofree char *ref_path = hr_json_path_member (sensitivity_path, "ref_freq_hz");
  HrSensitivityFigure *sensitivity = &self->body.sensitivity;
  JsonObject *sensitivity_object;
  JsonNode *member;
  GError *error = NULL;
  const char *unit_text = NULL;
  gboolean value_ok;

  /* Left out, the sensitivity is unknown (SCHEMA.md): a curve published
   * without it still says what a source does to the response. */
  member = json_object_get_member (object, "sensitivity");
  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return;
  if (!hr_json_node_get_object (member, sensitivity_path, &sensitivity_object, &error))
    {
      hr_preset_add_error (errors, error);
      return;
    }

  value_ok = hr_json_require_number (sensitivity_object, sensitivity_path, "value",
                                     &sensitivity->value, &error);
  if (!value_ok)
    hr_preset_add_error (errors, g_steal_pointer (&error));

  if (!hr_json_require_string (sensitivity_object, sensitivity_path, "unit", &unit_text, &error))
    {
      hr_preset_add_error (errors, g_steal_pointer (&error));
      value_ok = FALSE;
    }
  else if (!hr_sensitivity_unit_from_string (unit_text, &sensitivity->unit))
    {
      g_autofree char *field = hr_json_path_member (sensitivity_path, "unit");

      g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_UNIT,
                                            _("%s must be one of %s, got “%s”"),
                                            field, "dB/mW, dB/V, mV@94dB", unit_text));
      value_ok = FALSE;
    }

  /* What the model would refuse, said here with the whole path. */
  if (value_ok && sensitivity->unit == HR_SENSITIVITY_MV_AT_94_DB &&
      !hr_check_positive (value_path, sensitivity->value, &error))
    hr_preset_add_error (errors, g_steal_pointer (&error));
  else if (value_ok && !hr_check_finite (value_path, sensitivity->value, &error))
    hr_preset_add_error (errors, g_steal_pointer (&error));

  if (!hr_json_optional_number (sensitivity_object, sensitivity_path, "ref_freq_hz",
                                &sensitivity->ref_freq_hz, &error) ||
      !hr_check_positive (ref_path, sensitivity->ref_freq_hz, &error))
    hr_preset_add_error (errors, g_steal_pointer (&error));

  read_text (sensitivity_object, sensitivity_path, "source", &sensitivity->source, errors);
}

static HrImpedance *
parse_impedance (HrHeadphonePreset *self,
                 JsonObject        *object,
                 const char        *path,
                 GPtrArray         *errors)
{
  g_autofree char *impedance_path = hr_json_path_member (path, "impedance");
  HrImpedance *impedance;
  JsonNode *member;
  GError *error = NULL;

  member = hr_json_require_member (object, path, "impedance", &error);
  if (member == NULL)
    {
      hr_preset_add_error (errors, error);
      return NULL;
    }

  impedance = hr_gear_json_parse_impedance (member, impedance_path, &error);
  if (impedance == NULL)
    {
      hr_preset_add_error (errors, error);
      return NULL;
    }

  /* parse_impedance has checked that it is an object. */
  read_text (json_node_get_object (member), impedance_path, "source",
             &self->body.impedance_source, errors);
  read_text (json_node_get_object (member), impedance_path, "modelled",
             &self->body.impedance_modelled, errors);
  return impedance;
}

/**
 * hr_preset_read_response:
 * @node: a "frequency_response" object: {"points": [[freq_hz, db], …]}
 * @source: (out) (optional) (transfer none): its "source", in the document
 * @errors: (element-type GError): where every problem is added
 *
 * A frequency response as presets and scenarios hold it, normalised to
 * 0 dB at 1 kHz (SCHEMA.md), as the deviation the model computes is.
 *
 * Returns: (transfer full) (element-type HrResponsePoint) (nullable): the
 *   points, or %NULL when there was a problem
 */
GArray *
hr_preset_read_response (JsonNode    *node,
                         const char  *response_path,
                         const char **source,
                         GPtrArray   *errors)
{
  g_autofree char *points_path = hr_json_path_member (response_path, "points");
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (HrResponsePoint));
  JsonObject *response_object;
  JsonNode *points_node;
  JsonArray *rows;
  GError *error = NULL;
  guint n_errors = errors->len;
  double level_1k_db;

  if (!hr_json_node_get_object (node, response_path, &response_object, &error) ||
      (points_node = hr_json_require_member (response_object, response_path, "points",
                                             &error)) == NULL ||
      !hr_json_node_get_array (points_node, points_path, &rows, &error) ||
      !hr_json_optional_string (response_object, response_path, "source", source, &error))
    {
      hr_preset_add_error (errors, error);
      return NULL;
    }

  if (json_array_get_length (rows) == 0)
    {
      g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                            _("%s must hold at least one point"), points_path));
      return NULL;
    }

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_autofree char *row_path = hr_json_path_index (points_path, i);
      g_autofree char *freq_path = hr_json_path_index (row_path, 0);
      g_autofree char *level_path = hr_json_path_index (row_path, 1);
      JsonNode *row_node = json_array_get_element (rows, i);
      HrResponsePoint point;
      JsonArray *row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
          json_array_get_length (json_node_get_array (row_node)) != 2)
        {
          hr_json_set_wrong_type (&error, row_path, "[freq_hz, db]", row_node);
          hr_preset_add_error (errors, g_steal_pointer (&error));
          continue;
        }

      row = json_node_get_array (row_node);
      if (!hr_json_node_get_number (json_array_get_element (row, 0), freq_path,
                                    &point.freq_hz, &error) ||
          !hr_check_positive (freq_path, point.freq_hz, &error) ||
          !hr_json_node_get_number (json_array_get_element (row, 1), level_path,
                                    &point.level_db, &error) ||
          !hr_check_finite (level_path, point.level_db, &error))
        {
          hr_preset_add_error (errors, g_steal_pointer (&error));
          continue;
        }

      if (points->len > 0 &&
          !(point.freq_hz > g_array_index (points, HrResponsePoint, points->len - 1).freq_hz))
        {
          char freq_text[G_ASCII_DTOSTR_BUF_SIZE];

          g_ascii_formatd (freq_text, sizeof freq_text, "%g", point.freq_hz);
          g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                                _("%s must be greater than the frequency before it, got %s"),
                                                freq_path, freq_text));
          continue;
        }

      g_array_append_val (points, point);
    }

  if (errors->len > n_errors)
    return NULL;

  level_1k_db = hr_response_level_db (&g_array_index (points, HrResponsePoint, 0), points->len,
                                      HR_REFERENCE_FREQ_HZ);
  for (guint i = 0; i < points->len; i++)
    g_array_index (points, HrResponsePoint, i).level_db -= level_1k_db;
  return g_steal_pointer (&points);
}

static void
parse_response (HrHeadphonePreset *self,
                JsonObject        *object,
                const char        *path,
                GPtrArray         *errors)
{
  g_autofree char *response_path = hr_json_path_member (path, "frequency_response");
  JsonNode *member = json_object_get_member (object, "frequency_response");
  const char *source = NULL;

  if (member == NULL || JSON_NODE_HOLDS_NULL (member))
    return;
  self->body.response = hr_preset_read_response (member, response_path, &source, errors);
  if (self->body.response != NULL)
    self->body.response_source = g_strdup (source);
}

/**
 * hr_headphone_preset_new_from_json:
 * @errors: (element-type GError): where every problem is added
 *
 * Returns: (transfer full) (nullable): the preset, or NULL when it has a
 *   problem
 */
HrHeadphonePreset *
hr_headphone_preset_new_from_json (JsonNode   *node,
                                   const char *path,
                                   GPtrArray  *errors)
{
  g_autoptr(HrHeadphonePreset) self = g_object_new (HR_TYPE_HEADPHONE_PRESET, NULL);
  g_autoptr(HrImpedance) impedance = NULL;
  g_autofree char *display_name = NULL;
  guint n_errors = errors->len;
  GError *error = NULL;
  JsonObject *object;
  const char *id;
  const char *name;
  const char *manufacturer;
  const char *notes;
  guint type = 0;

  if (!hr_json_node_get_object (node, path, &object, &error))
    {
      hr_preset_add_error (errors, error);
      return NULL;
    }

  hr_preset_read_common (object, path, errors, &id, &name, &manufacturer, &notes);
  hr_preset_read_choice (object, path, "type", type_names, &type, errors);
  hr_preset_read_figure (object, path, "nominal_impedance_ohm", TRUE, FALSE,
                         &self->body.nominal_impedance_ohm, errors);
  parse_sensitivity (self, object, path, errors);
  hr_preset_read_figure (object, path, "max_input_mw", FALSE, FALSE, &self->body.max_input_mw, errors);
  impedance = parse_impedance (self, object, path, errors);
  read_text (object, path, "impedance_note", &self->body.impedance_note, errors);
  parse_response (self, object, path, errors);

  if (errors->len > n_errors)
    return NULL;

  hr_preset_set_common (HR_PRESET (self), HR_PRESET_KIND_HEADPHONE, type, id, name, manufacturer,
                        notes, node);

  /* Everything the model checks has been checked above with its path;
   * this catches what only the model knows, such as a sensitivity that
   * overflows once converted. */
  display_name = hr_preset_dup_display_name (HR_PRESET (self));
  self->body.headphone = hr_headphone_new (display_name, self->body.nominal_impedance_ohm.value,
                                      self->body.sensitivity.value, self->body.sensitivity.unit,
                                      impedance, &error);
  if (self->body.headphone != NULL && self->body.response != NULL)
    {
      HrHeadphone *flat = self->body.headphone;

      self->body.headphone = hr_headphone_new_with_response (flat,
                                                        &g_array_index (self->body.response, HrResponsePoint, 0),
                                                        self->body.response->len,
                                                        self->body.sensitivity.ref_freq_hz, &error);
      g_object_unref (flat);
    }
  if (self->body.headphone == NULL)
    {
      hr_json_prefix_path (&error, path);
      hr_preset_add_error (errors, error);
      return NULL;
    }

  return g_steal_pointer (&self);
}

HrHeadphoneType
hr_headphone_preset_get_headphone_type (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), HR_HEADPHONE_TYPE_OPEN_DYNAMIC);

  return hr_preset_get_class_index (HR_PRESET (self));
}

/**
 * hr_headphone_preset_get_headphone:
 *
 * Returns: (transfer none): the headphone as the model takes it
 */
HrHeadphone *
hr_headphone_preset_get_headphone (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return self->body.headphone;
}

const HrFigure *
hr_headphone_preset_get_nominal_impedance (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return &self->body.nominal_impedance_ohm;
}

const HrSensitivityFigure *
hr_headphone_preset_get_sensitivity (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return &self->body.sensitivity;
}

const HrFigure *
hr_headphone_preset_get_max_input (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return &self->body.max_input_mw;
}

HrImpedance *
hr_headphone_preset_get_impedance (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return hr_headphone_get_impedance (self->body.headphone);
}

const char *
hr_headphone_preset_get_impedance_source (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return self->body.impedance_source;
}

const char *
hr_headphone_preset_get_impedance_modelled (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return self->body.impedance_modelled;
}

const char *
hr_headphone_preset_get_impedance_note (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return self->body.impedance_note;
}

/**
 * hr_headphone_preset_get_response:
 *
 * Returns: (nullable) (array length=n_points): the frequency response,
 *   0 dB at 1 kHz, or NULL when the preset has none
 */
const HrResponsePoint *
hr_headphone_preset_get_response (HrHeadphonePreset *self,
                                  guint             *n_points)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  *n_points = self->body.response != NULL ? self->body.response->len : 0;
  return self->body.response != NULL ? (const HrResponsePoint *) (gpointer) self->body.response->data : NULL;
}

const char *
hr_headphone_preset_get_response_source (HrHeadphonePreset *self)
{
  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (self), NULL);

  hr_preset_ensure_body (HR_PRESET (self));
  return self->body.response_source;
}
