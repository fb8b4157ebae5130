/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-json-write.h"
#include "hr-preset-builder.h"
#include "hr-preset-edit.h"

/* A preset as a form fills it in, and its saving into the user's presets:
 * so that the app's forms set figures and never write JSON.
 *
 * The builder starts from a copy of the preset edited, so that what the
 * form does not show is kept, or from nothing for new gear. The rules of
 * hr-preset-edit.c apply: a figure set to the value it holds keeps its
 * `source`; a changed one becomes the user's own, a bare number.
 *
 * A source's outputs are given anew, in the form's order: each either a
 * new one or one of the edited preset's, whose object (its id, the
 * sources of its figures, what the form does not show) it starts from.
 */

struct _HrPresetBuilder
{
  GObject       parent_instance;

  HrPresetDb   *db;
  HrPresetKind  kind;
  HrPreset     *base;
  JsonNode     *node;
  JsonArray    *outputs;   /* set by the first hr_preset_builder_add_output() */
};

G_DEFINE_FINAL_TYPE (HrPresetBuilder, hr_preset_builder, G_TYPE_OBJECT)

/* An output's own members, which the foundation's one-output form has at
 * the top of the source object and a built source moves into "outputs". */
static const char *const top_level_output_members[] = {
  "output_impedance_ohm", "dc_block_uf", "max_voltage_vrms", "max_current_ma", "noise_vrms",
  "min_load_ohm", "balanced", "max_voltage_by_load",
};

/* A maximum voltage typed in holds at every load: it replaces the steps
 * of one that depends on the load, which the form does not show. */
static void
drop_steps_for (JsonObject *output,
                const char *member,
                double      value)
{
  if (g_str_equal (member, "max_voltage_vrms") && !isnan (value))
    json_object_remove_member (output, "max_voltage_by_load");
}

static void
hr_preset_builder_finalize (GObject *object)
{
  HrPresetBuilder *self = HR_PRESET_BUILDER (object);

  g_clear_object (&self->db);
  g_clear_object (&self->base);
  g_clear_pointer (&self->node, json_node_unref);

  G_OBJECT_CLASS (hr_preset_builder_parent_class)->finalize (object);
}

static void
hr_preset_builder_class_init (HrPresetBuilderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hr_preset_builder_finalize;
}

static void
hr_preset_builder_init (HrPresetBuilder *self)
{
}

/**
 * hr_preset_builder_new:
 * @db: the presets that a new id must not clash with, and that the preset
 *   is saved into
 * @base: (nullable): the preset edited, %NULL for new gear
 */
HrPresetBuilder *
hr_preset_builder_new (HrPresetDb   *db,
                       HrPresetKind  kind,
                       HrPreset     *base)
{
  HrPresetBuilder *self;

  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);
  g_return_val_if_fail (base == NULL || hr_preset_get_kind (base) == kind, NULL);

  self = g_object_new (HR_TYPE_PRESET_BUILDER, NULL);
  self->db = g_object_ref (db);
  self->kind = kind;
  if (base != NULL)
    {
      self->base = g_object_ref (base);
      self->node = hr_json_deep_copy (hr_preset_get_json (base));
    }
  else
    self->node = json_node_init_object (json_node_alloc (), json_object_new ());
  return self;
}

HrPresetKind
hr_preset_builder_get_kind (HrPresetBuilder *self)
{
  g_return_val_if_fail (HR_IS_PRESET_BUILDER (self), HR_PRESET_KIND_SOURCE);

  return self->kind;
}

static JsonObject *
get_object (HrPresetBuilder *self)
{
  return json_node_get_object (self->node);
}

/* New gear gets its id from its names the first time they are set; an
 * edited preset keeps its own, which other presets and pins refer to. */
void
hr_preset_builder_set_names (HrPresetBuilder *self,
                             const char      *manufacturer,
                             const char      *name)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (manufacturer != NULL && name != NULL);

  if (!json_object_has_member (get_object (self), "id"))
    {
      g_autofree char *id = hr_preset_db_make_unique_id (self->db, self->kind, manufacturer, name);

      json_object_set_string_member (get_object (self), "id", id);
    }
  hr_preset_json_set_text (get_object (self), "manufacturer", manufacturer);
  hr_preset_json_set_text (get_object (self), "name", name);
}

/* @notes: (nullable): empty or %NULL for none */
void
hr_preset_builder_set_notes (HrPresetBuilder *self,
                             const char      *notes)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));

  hr_preset_json_set_text (get_object (self), "notes", notes);
}

/**
 * hr_preset_builder_set_figure:
 * @member: "nominal_impedance_ohm", "max_input_mw"…
 * @value: %HR_UNKNOWN to leave the figure out
 */
void
hr_preset_builder_set_figure (HrPresetBuilder *self,
                              const char      *member,
                              double           value)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));

  hr_preset_json_set_figure (get_object (self), member, value);
}

void
hr_preset_builder_set_headphone_type (HrPresetBuilder *self,
                                      HrHeadphoneType  type)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->kind == HR_PRESET_KIND_HEADPHONE);

  json_object_set_string_member (get_object (self), "type", hr_headphone_type_to_string (type));
}

void
hr_preset_builder_set_sensitivity (HrPresetBuilder   *self,
                                   double             value,
                                   HrSensitivityUnit  unit,
                                   double             ref_freq_hz)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->kind == HR_PRESET_KIND_HEADPHONE);

  hr_preset_json_set_sensitivity (get_object (self), value, unit, ref_freq_hz);
}

/**
 * hr_preset_builder_set_impedance:
 * @source: (nullable): where the model comes from, "imported from hd650.zma"
 *
 * A new impedance model. Not called, the edited preset's stays, with its
 * source and what it was fitted to.
 */
void
hr_preset_builder_set_impedance (HrPresetBuilder *self,
                                 HrImpedance     *impedance,
                                 const char      *source)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->kind == HR_PRESET_KIND_HEADPHONE);
  g_return_if_fail (HR_IS_IMPEDANCE (impedance));

  json_object_set_member (get_object (self), "impedance", hr_impedance_json_new (impedance, source));
  /* A note on the old model's |Z| at 1 kHz says nothing of the new one. */
  json_object_remove_member (get_object (self), "impedance_note");
}

/* What a fitted model was fitted to: "fitted to the peak of 510 Ω at
 * 95 Hz and 310 Ω at 1 kHz (Qms assumed 0.56)". */
void
hr_preset_builder_set_impedance_modelled (HrPresetBuilder *self,
                                          const char      *modelled)
{
  JsonNode *node;

  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->kind == HR_PRESET_KIND_HEADPHONE);

  node = json_object_get_member (get_object (self), "impedance");
  g_return_if_fail (node != NULL && JSON_NODE_HOLDS_OBJECT (node));
  if (modelled != NULL)
    json_object_set_string_member (json_node_get_object (node), "modelled", modelled);
  else
    json_object_remove_member (json_node_get_object (node), "modelled");
}

/**
 * hr_preset_builder_set_response:
 * @points: (array length=n_points) (nullable): the headphones' frequency
 *   response, as measured; %NULL removes it
 * @source: (nullable): where it comes from, "imported from hd650.csv"
 */
void
hr_preset_builder_set_response (HrPresetBuilder       *self,
                                const HrResponsePoint *points,
                                guint                  n_points,
                                const char            *source)
{
  g_autoptr(JsonObject) response = NULL;
  JsonArray *array;

  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->kind == HR_PRESET_KIND_HEADPHONE);

  if (points == NULL || n_points == 0)
    {
      json_object_remove_member (get_object (self), "frequency_response");
      return;
    }
  response = json_object_new ();
  array = json_array_sized_new (n_points);
  for (guint i = 0; i < n_points; i++)
    {
      JsonArray *point = json_array_sized_new (2);

      json_array_add_double_element (point, points[i].freq_hz);
      json_array_add_double_element (point, points[i].level_db);
      json_array_add_array_element (array, point);
    }
  json_object_set_array_member (response, "points", array);
  if (source != NULL)
    json_object_set_string_member (response, "source", source);
  json_object_set_object_member (get_object (self), "frequency_response", g_steal_pointer (&response));
}

void
hr_preset_builder_set_source_category (HrPresetBuilder  *self,
                                       HrSourceCategory  category)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->kind == HR_PRESET_KIND_SOURCE);

  json_object_set_string_member (get_object (self), "category", hr_source_category_to_string (category));
}

/* The edited preset's output @index as an object to start from: its own
 * in "outputs", or the whole source object in the one-output form. */
static JsonObject *
base_output (HrPresetBuilder *self,
             guint            index)
{
  JsonObject *object = json_node_get_object (hr_preset_get_json (self->base));
  JsonNode *outputs = json_object_get_member (object, "outputs");

  if (outputs == NULL || !JSON_NODE_HOLDS_ARRAY (outputs))
    return index == 0 ? object : NULL;
  if (index >= json_array_get_length (json_node_get_array (outputs)))
    return NULL;
  return json_array_get_object_element (json_node_get_array (outputs), index);
}

/**
 * hr_preset_builder_add_output:
 * @base_index: which output of the edited preset this one is, or -1 for
 *   a new one
 *
 * The first call drops the outputs the source had: the form gives them
 * all, in its order.
 *
 * Returns: the output's index, for hr_preset_builder_set_output_figure()
 */
guint
hr_preset_builder_add_output (HrPresetBuilder *self,
                              int              base_index,
                              const char      *name,
                              HrOutputKind     kind)
{
  JsonObject *original = NULL;
  g_autoptr(JsonObject) output = json_object_new ();

  g_return_val_if_fail (HR_IS_PRESET_BUILDER (self), 0);
  g_return_val_if_fail (self->kind == HR_PRESET_KIND_SOURCE, 0);
  g_return_val_if_fail (name != NULL, 0);

  if (self->outputs == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (top_level_output_members); i++)
        json_object_remove_member (get_object (self), top_level_output_members[i]);
      self->outputs = json_array_new ();
      json_object_set_array_member (get_object (self), "outputs", self->outputs);
    }

  if (base_index >= 0 && self->base != NULL)
    original = base_output (self, (guint) base_index);
  if (original != NULL)
    {
      /* Only the output's own members: the original of a one-output
       * source is the whole source object. */
      json_object_set_string_member (output, "id",
                                     json_object_get_string_member_with_default (original, "id", "output"));
      for (guint m = 0; m < G_N_ELEMENTS (top_level_output_members); m++)
        if (json_object_has_member (original, top_level_output_members[m]))
          json_object_set_member (output, top_level_output_members[m],
                                  json_node_copy (json_object_get_member (original, top_level_output_members[m])));
    }
  else
    {
      g_autofree char *id = hr_preset_make_unique_output_id (self->outputs, name);

      json_object_set_string_member (output, "id", id);
    }
  json_object_set_string_member (output, "name", name);
  json_object_set_string_member (output, "kind", hr_output_kind_to_string (kind));
  if (kind == HR_OUTPUT_KIND_BALANCED)
    json_object_set_boolean_member (output, "balanced", TRUE);
  json_array_add_object_element (self->outputs, g_steal_pointer (&output));
  return json_array_get_length (self->outputs) - 1;
}

/* @value: %HR_UNKNOWN to leave the figure out */
void
hr_preset_builder_set_output_figure (HrPresetBuilder *self,
                                     guint            output,
                                     const char      *member,
                                     double           value)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->outputs != NULL && output < json_array_get_length (self->outputs));

  drop_steps_for (json_array_get_object_element (self->outputs, output), member, value);
  hr_preset_json_set_figure (json_array_get_object_element (self->outputs, output), member, value);
}

/**
 * hr_preset_builder_set_output_figure_given:
 * @given: (nullable): the figure as typed, when not a bare number
 * @source: (nullable): where a new value comes from, "inferred from …"
 */
void
hr_preset_builder_set_output_figure_given (HrPresetBuilder *self,
                                           guint            output,
                                           const char      *member,
                                           double           value,
                                           const char      *given,
                                           const char      *source)
{
  g_return_if_fail (HR_IS_PRESET_BUILDER (self));
  g_return_if_fail (self->outputs != NULL && output < json_array_get_length (self->outputs));

  drop_steps_for (json_array_get_object_element (self->outputs, output), member, value);
  hr_preset_json_set_figure_given (json_array_get_object_element (self->outputs, output), member,
                                   value, given, source);
}

/* Returns: (transfer none): the preset object as it stands */
JsonNode *
hr_preset_builder_get_json (HrPresetBuilder *self)
{
  g_return_val_if_fail (HR_IS_PRESET_BUILDER (self), NULL);

  return self->node;
}

/**
 * hr_preset_builder_save:
 *
 * Writes the preset into the user's presets: in place of the edited one,
 * or added.
 *
 * Returns: (transfer full): the saved preset's id, or %NULL with @error
 *   set (the preset's problems, or why the user's file is not written)
 */
char *
hr_preset_builder_save (HrPresetBuilder  *self,
                        GError          **error)
{
  g_return_val_if_fail (HR_IS_PRESET_BUILDER (self), NULL);

  if (!hr_preset_db_write_user_preset (self->db, self->kind, self->node,
                                       self->base != NULL ? HR_PRESET_WRITE_EDIT : HR_PRESET_WRITE_ADD,
                                       error))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (get_object (self), "id", ""));
}
