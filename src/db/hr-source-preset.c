/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-json-read.h"
#include "hr-preset-private.h"
#include "hr-source-preset.h"

/* A source preset: a device and its outputs, each output a Thévenin source
 * of its own (PHYSICS.md, "The circuit"), its figures with their
 * provenance. Reading it reports every problem it has, not only the first,
 * so that whoever fixes the file can fix it in one go.
 */

struct _HrSourcePreset
{
  HrPreset          parent_instance;

  /* The body (hr-preset.c): read on first use for a preset listed from a
   * compiled cache. The category is the base's class index. */
  GPtrArray        *outputs;  /* HrSourceOutput */
};

G_DEFINE_FINAL_TYPE (HrSourcePreset, hr_source_preset, HR_TYPE_PRESET)

/* In the order of the enums; the schema's own words. */
static const char *const category_names[] = {
  "mic-preamp", "line-preamp", "line-processor", "tube-preamp", "audio-interface", "mixer",
  "headphone-amp", "dac-amp", "usb-dongle", "phone", "player", "computer", "reference",
  NULL
};

static const char *const output_kind_names[] = {
  "line", "headphone", "balanced",
  NULL
};

const char *const *
hr_source_category_names (void)
{
  return category_names;
}

const char *
hr_source_category_to_string (HrSourceCategory category)
{
  g_return_val_if_fail ((guint) category < G_N_ELEMENTS (category_names) - 1, NULL);

  return category_names[category];
}

const char *const *
hr_output_kind_names (void)
{
  return output_kind_names;
}

const char *
hr_output_kind_to_string (HrOutputKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (output_kind_names) - 1, NULL);

  return output_kind_names[kind];
}

static void
output_free (HrSourceOutput *output)
{
  g_free (output->id);
  g_free (output->name);
  hr_figure_clear (&output->output_impedance_ohm);
  hr_figure_clear (&output->dc_block_uf);
  hr_figure_clear (&output->max_voltage_vrms);
  hr_figure_clear (&output->max_current_ma);
  hr_figure_clear (&output->noise_vrms);
  hr_figure_clear (&output->min_load_ohm);
  g_clear_pointer (&output->max_voltage_by_load, g_array_unref);
  g_free (output);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrSourceOutput, output_free)

static const char *
hr_source_preset_get_class_name (HrPreset *preset)
{
  return hr_source_category_to_string (hr_preset_get_class_index (preset));
}

static void
hr_source_preset_take_body (HrPreset *preset,
                            HrPreset *from)
{
  HrSourcePreset *self = HR_SOURCE_PRESET (preset);
  GPtrArray *outputs = self->outputs;

  self->outputs = HR_SOURCE_PRESET (from)->outputs;
  HR_SOURCE_PRESET (from)->outputs = outputs;
}

static void
hr_source_preset_finalize (GObject *object)
{
  HrSourcePreset *self = HR_SOURCE_PRESET (object);

  g_clear_pointer (&self->outputs, g_ptr_array_unref);

  G_OBJECT_CLASS (hr_source_preset_parent_class)->finalize (object);
}

static void
hr_source_preset_class_init (HrSourcePresetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  HrPresetClass *preset_class = HR_PRESET_CLASS (klass);

  object_class->finalize = hr_source_preset_finalize;
  preset_class->get_class_name = hr_source_preset_get_class_name;
  preset_class->take_body = hr_source_preset_take_body;
}

static void
hr_source_preset_init (HrSourcePreset *self)
{
  self->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) output_free);
}

/* @foundation: the source object itself in the foundation form, which is
 * one output with no id, name or kind of its own. */
static HrSourceOutput *
parse_output (JsonObject *object,
              const char *path,
              gboolean    foundation,
              GPtrArray  *errors)
{
  g_autoptr(HrSourceOutput) output = g_new0 (HrSourceOutput, 1);
  guint n_errors = errors->len;
  GError *error = NULL;
  const char *id = "output";
  const char *name = _("Output");
  gboolean balanced = FALSE;
  guint kind = HR_OUTPUT_KIND_LINE;

  if (!foundation)
    {
      id = NULL;
      name = NULL;
      if (!hr_json_require_string (object, path, "id", &id, &error))
        hr_preset_add_error (errors, error);
      else if (!hr_preset_id_is_valid (id))
        {
          g_autofree char *field = hr_json_path_member (path, "id");

          g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                                _("%s must be lower-case letters and digits in words "
                                                  "joined by single hyphens ([a-z0-9]+(-[a-z0-9]+)*), "
                                                  "got “%s”"),
                                                field, id));
        }
      error = NULL;
      if (!hr_json_require_string (object, path, "name", &name, &error))
        hr_preset_add_error (errors, error);
      hr_preset_read_choice (object, path, "kind", output_kind_names, &kind, errors);
    }

  error = NULL;
  if (!hr_json_optional_boolean (object, path, "balanced", &balanced, &error))
    hr_preset_add_error (errors, error);

  /* Left out, the output impedance is unknown: most mixers' and
   * preamps' manuals do not give it, and it is explored, never guessed. */
  hr_preset_read_figure (object, path, "output_impedance_ohm", FALSE, TRUE,
                         &output->output_impedance_ohm, errors);
  hr_preset_read_figure (object, path, "dc_block_uf", FALSE, TRUE, &output->dc_block_uf, errors);
  hr_preset_read_figure (object, path, "max_voltage_vrms", FALSE, FALSE,
                         &output->max_voltage_vrms, errors);
  hr_preset_read_figure (object, path, "max_current_ma", FALSE, FALSE,
                         &output->max_current_ma, errors);
  hr_preset_read_figure_given (object, path, "noise_vrms", FALSE, TRUE, output->max_voltage_vrms.value,
                               &output->noise_vrms, errors);
  hr_preset_read_figure (object, path, "min_load_ohm", FALSE, FALSE, &output->min_load_ohm, errors);
  output->max_voltage_by_load = hr_voltage_steps_json_read (object, path, errors);

  if (errors->len > n_errors)
    return NULL;

  output->id = g_strdup (id);
  output->name = g_strdup (name);
  output->kind = kind;
  output->balanced = balanced || kind == HR_OUTPUT_KIND_BALANCED;
  return g_steal_pointer (&output);
}

static void
parse_outputs (HrSourcePreset *self,
               JsonObject     *object,
               const char     *path,
               GPtrArray      *errors)
{
  g_autofree char *outputs_path = hr_json_path_member (path, "outputs");
  JsonNode *outputs_node = json_object_get_member (object, "outputs");
  GError *error = NULL;
  JsonArray *outputs;

  /* The foundation form: the figures at the top, no outputs. */
  if (outputs_node == NULL && (json_object_has_member (object, "output_impedance_ohm")
                               || json_object_has_member (object, "max_voltage_vrms")))
    {
      HrSourceOutput *output = parse_output (object, path, TRUE, errors);

      if (output != NULL)
        g_ptr_array_add (self->outputs, output);
      return;
    }

  if (hr_json_require_member (object, path, "outputs", &error) == NULL ||
      !hr_json_node_get_array (outputs_node, outputs_path, &outputs, &error))
    {
      hr_preset_add_error (errors, error);
      return;
    }

  if (json_array_get_length (outputs) == 0)
    {
      g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                            _("%s must hold at least one output"), outputs_path));
      return;
    }

  for (guint i = 0; i < json_array_get_length (outputs); i++)
    {
      g_autofree char *output_path = hr_json_path_index (outputs_path, i);
      HrSourceOutput *output;
      JsonObject *output_object;

      error = NULL;
      if (!hr_json_node_get_object (json_array_get_element (outputs, i), output_path,
                                    &output_object, &error))
        {
          hr_preset_add_error (errors, error);
          continue;
        }

      output = parse_output (output_object, output_path, FALSE, errors);
      if (output == NULL)
        continue;

      /* --output picks an output by its id, so an id must say which. */
      for (guint j = 0; j < self->outputs->len; j++)
        {
          const HrSourceOutput *other = g_ptr_array_index (self->outputs, j);

          if (g_str_equal (other->id, output->id))
            {
              g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_DUPLICATE_ID,
                                                    _("%s.id “%s” is already used by another output"),
                                                    output_path, output->id));
              g_clear_pointer (&output, output_free);
              break;
            }
        }
      if (output != NULL)
        g_ptr_array_add (self->outputs, output);
    }
}

/**
 * hr_source_preset_new_from_json:
 * @errors: (element-type GError): where every problem is added
 *
 * Returns: (transfer full) (nullable): the preset, or NULL when it has a
 *   problem
 */
HrSourcePreset *
hr_source_preset_new_from_json (JsonNode   *node,
                                const char *path,
                                GPtrArray  *errors)
{
  g_autoptr(HrSourcePreset) self = g_object_new (HR_TYPE_SOURCE_PRESET, NULL);
  guint n_errors = errors->len;
  GError *error = NULL;
  JsonObject *object;
  const char *id;
  const char *name;
  const char *manufacturer;
  const char *notes;
  guint category = 0;
  gboolean generic = FALSE;

  if (!hr_json_node_get_object (node, path, &object, &error))
    {
      hr_preset_add_error (errors, error);
      return NULL;
    }

  hr_preset_read_common (object, path, errors, &id, &name, &manufacturer, &notes);
  hr_preset_read_choice (object, path, "category", category_names, &category, errors);
  if (!hr_json_optional_boolean (object, path, "generic", &generic, &error))
    hr_preset_add_error (errors, error);
  parse_outputs (self, object, path, errors);

  if (errors->len > n_errors)
    return NULL;

  hr_preset_set_common (HR_PRESET (self), HR_PRESET_KIND_SOURCE, category, id, name, manufacturer,
                        notes, node);
  hr_preset_set_generic (HR_PRESET (self), generic);
  return g_steal_pointer (&self);
}

HrSourceCategory
hr_source_preset_get_category (HrSourcePreset *self)
{
  g_return_val_if_fail (HR_IS_SOURCE_PRESET (self), HR_SOURCE_CATEGORY_REFERENCE);

  return hr_preset_get_class_index (HR_PRESET (self));
}

/**
 * hr_source_preset_get_generic:
 *
 * Whether the preset is a typical design and not a product ("generic":
 * true): an archetype built from a datasheet or an engineering reference,
 * for the question "can *a* mic preamp drive headphones?" where the
 * user's own is missing. Lists call it "Typical …".
 */
gboolean
hr_source_preset_get_generic (HrSourcePreset *self)
{
  g_return_val_if_fail (HR_IS_SOURCE_PRESET (self), FALSE);

  return hr_preset_get_generic (HR_PRESET (self));
}

guint
hr_source_preset_get_n_outputs (HrSourcePreset *self)
{
  g_return_val_if_fail (HR_IS_SOURCE_PRESET (self), 0);

  hr_preset_ensure_body (HR_PRESET (self));
  return self->outputs->len;
}

const HrSourceOutput *
hr_source_preset_get_output (HrSourcePreset *self,
                             guint           index)
{
  g_return_val_if_fail (HR_IS_SOURCE_PRESET (self), NULL);
  hr_preset_ensure_body (HR_PRESET (self));
  g_return_val_if_fail (index < self->outputs->len, NULL);

  return g_ptr_array_index (self->outputs, index);
}

/**
 * hr_source_preset_find_output:
 * @id_or_name: an output's id or its name, in any case
 *
 * Returns: whether there is such an output; @index says which
 */
gboolean
hr_source_preset_find_output (HrSourcePreset *self,
                              const char     *id_or_name,
                              guint          *index)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (HR_IS_SOURCE_PRESET (self), FALSE);
  g_return_val_if_fail (id_or_name != NULL, FALSE);

  hr_preset_ensure_body (HR_PRESET (self));
  wanted = g_utf8_casefold (id_or_name, -1);
  for (guint i = 0; i < self->outputs->len; i++)
    {
      const HrSourceOutput *output = g_ptr_array_index (self->outputs, i);
      g_autofree char *id = g_utf8_casefold (output->id, -1);
      g_autofree char *name = g_utf8_casefold (output->name, -1);

      if (g_str_equal (wanted, id) || g_str_equal (wanted, name))
        {
          *index = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * hr_source_preset_build_source:
 * @source: (out caller-allocates): the output as the model takes it
 *
 * A limit left out stays unknown (the model then skips that check); a
 * DC-blocking capacitor left out is none.
 */
void
hr_source_preset_build_source (HrSourcePreset *self,
                               guint           index,
                               HrSource       *source)
{
  const HrSourceOutput *output;

  g_return_if_fail (HR_IS_SOURCE_PRESET (self));
  hr_preset_ensure_body (HR_PRESET (self));
  g_return_if_fail (index < self->outputs->len);

  output = g_ptr_array_index (self->outputs, index);
  source->output_impedance_ohm = output->output_impedance_ohm.value;
  source->dc_block_uf = hr_figure_is_known (&output->dc_block_uf) ? output->dc_block_uf.value : 0.0;
  source->max_voltage_vrms = output->max_voltage_vrms.value;
  source->max_current_ma = output->max_current_ma.value;
  source->balanced = output->balanced;
  source->noise_vrms = output->noise_vrms.value;
  source->min_load_ohm = hr_figure_is_known (&output->min_load_ohm) ? output->min_load_ohm.value : 0.0;
  source->zout_assumed = FALSE;
  hr_voltage_steps_to_source (output->max_voltage_by_load, source);
}

/* "Focusrite Scarlett 2i2 (3rd gen), Headphone out": what the CLI and
 * the app call one output of one source. */
char *
hr_source_preset_dup_output_label (HrSourcePreset *self,
                                   guint           index)
{
  g_autofree char *device = NULL;
  const HrSourceOutput *output;

  g_return_val_if_fail (HR_IS_SOURCE_PRESET (self), NULL);
  hr_preset_ensure_body (HR_PRESET (self));
  g_return_val_if_fail (index < self->outputs->len, NULL);

  output = g_ptr_array_index (self->outputs, index);
  device = hr_preset_dup_display_name (HR_PRESET (self));
  return g_strdup_printf ("%s, %s", device, output->name);
}

/**
 * hr_output_kind_assumed_zout_ohm:
 *
 * Where the output-impedance slider starts for an output whose impedance
 * is not known: not a figure of the product but a typical one for its
 * kind, as a named reference gives it, and which the verdict and the
 * slider call an assumption (hr_output_kind_assumed_zout_label()):
 *
 *  - a line or balanced output, 100 Ω: "A typical line out connection
 *    has an output impedance from 100 to 600 Ω, with lower values being
 *    more common in newer equipment" (Wikipedia, "Line level",
 *    Impedances, citing RaneNote 126, Dennis Bohn, 1996); the low end,
 *    as the newer equipment is.
 *  - a headphone output, 120 Ω: the source impedance that IEC 61938
 *    recommends for headphone outputs, "an intermediate-impedance source
 *    of 120 ohms" (as quoted on epanorama.net, "Headphone details"; the
 *    standard's 2018 edition adjusted it, to a value not quoted there).
 */
double
hr_output_kind_assumed_zout_ohm (HrOutputKind kind)
{
  return kind == HR_OUTPUT_KIND_HEADPHONE ? 120.0 : 100.0;
}
