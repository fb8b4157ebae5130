/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-json-read.h"
#include "hr-preset-private.h"
#include "hr-voltage-steps-json.h"

/* "max_voltage_by_load": an output's maximum voltage as steps over the
 * load, for the sources that change their level with the load they see
 * (Apple's jacks, RME's current-limited phones outputs):
 *
 *   "max_voltage_by_load": [
 *     { "from_ohm": 0,    "max_voltage_vrms": FIGURE },
 *     { "from_ohm": 150,  "max_voltage_vrms": FIGURE },
 *     { "above_ohm": 1000, "max_voltage_vrms": FIGURE }
 *   ]
 *
 * Each step holds from its load ("from_ohm", that load included, or
 * "above_ohm", just above it) up to the next step's. Every voltage is a
 * figure with its own source, and may be given as the sheet prints it
 * ("+19 dBu"). The model checks the order (hr_source_validate()); this
 * layer checks the shape, and that the steps are not also a single
 * max_voltage_vrms. */

static void
step_figure_clear (HrVoltageStepFigure *step)
{
  hr_figure_clear (&step->max_voltage_vrms);
}

void
hr_voltage_steps_to_source (GArray   *steps,
                            HrSource *source)
{
  source->n_voltage_steps = 0;
  if (steps == NULL)
    return;

  for (guint i = 0; i < steps->len && i < HR_VOLTAGE_STEPS_MAX; i++)
    {
      const HrVoltageStepFigure *step = &g_array_index (steps, HrVoltageStepFigure, i);

      source->voltage_steps[i].load_ohm = step->load_ohm;
      source->voltage_steps[i].above = step->above;
      source->voltage_steps[i].vrms = step->max_voltage_vrms.value;
    }
  source->n_voltage_steps = MIN (steps->len, HR_VOLTAGE_STEPS_MAX);
  source->max_voltage_vrms = HR_UNKNOWN;
}

/* One step's load: exactly one of "from_ohm" and "above_ohm". */
static gboolean
read_bound (JsonObject  *object,
            const char  *path,
            double      *load_ohm,
            gboolean    *above,
            GError     **error)
{
  gboolean has_from = json_object_has_member (object, "from_ohm");
  gboolean has_above = json_object_has_member (object, "above_ohm");

  if (has_from == has_above)
    {
      g_autofree char *field = hr_json_path_member (path, "from_ohm");

      g_set_error (error, HR_DB_ERROR, has_from ? HR_DB_ERROR_INVALID_VALUE : HR_DB_ERROR_MISSING_FIELD,
                   /* Translators: keep from_ohm and above_ohm as they are, they are JSON keys */
                   has_from ? _("%s and above_ohm are both given: a step starts at one load")
                            : _("%s is missing: a step starts at a load, from_ohm or above_ohm"),
                   field);
      return FALSE;
    }

  *above = has_above;
  return hr_json_require_number (object, path, has_above ? "above_ohm" : "from_ohm", load_ohm, error);
}

/**
 * hr_voltage_steps_json_read:
 * @object: an output
 * @errors: (element-type GError): where every problem is added
 *
 * Returns: (transfer full) (nullable) (element-type HrVoltageStepFigure):
 *   the steps, or NULL when the output has none or they have a problem
 */
GArray *
hr_voltage_steps_json_read (JsonObject *object,
                            const char *path,
                            GPtrArray  *errors)
{
  g_autofree char *steps_path = hr_json_path_member (path, "max_voltage_by_load");
  g_autoptr(GArray) steps = NULL;
  JsonNode *node = json_object_get_member (object, "max_voltage_by_load");
  guint n_errors = errors->len;
  GError *error = NULL;
  JsonArray *array;
  HrSource checked = HR_SOURCE_INIT;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!hr_json_node_get_array (node, steps_path, &array, &error))
    {
      hr_preset_add_error (errors, error);
      return NULL;
    }
  if (json_array_get_length (array) == 0)
    {
      hr_json_set_wrong_type (&error, steps_path, _("a list of at least one step"), node);
      hr_preset_add_error (errors, error);
      return NULL;
    }
  if (json_object_has_member (object, "max_voltage_vrms"))
    {
      g_autofree char *field = hr_json_path_member (path, "max_voltage_vrms");

      g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                            _("%s and max_voltage_by_load are both given: "
                                              "an output has one maximum voltage or steps of it"),
                                            field));
      return NULL;
    }

  steps = g_array_new (FALSE, TRUE, sizeof (HrVoltageStepFigure));
  g_array_set_clear_func (steps, (GDestroyNotify) step_figure_clear);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *step_path = hr_json_path_index (steps_path, i);
      HrVoltageStepFigure step = { 0 };
      JsonObject *step_object;

      step.max_voltage_vrms.value = HR_UNKNOWN;
      error = NULL;
      if (!hr_json_node_get_object (json_array_get_element (array, i), step_path, &step_object, &error) ||
          !read_bound (step_object, step_path, &step.load_ohm, &step.above, &error))
        {
          hr_preset_add_error (errors, error);
          continue;
        }
      if (!hr_preset_read_figure (step_object, step_path, "max_voltage_vrms", TRUE, FALSE,
                                  &step.max_voltage_vrms, errors))
        continue;
      g_array_append_val (steps, step);
    }
  if (errors->len > n_errors)
    return NULL;

  /* The order, the signs and the count are the model's to judge; its
   * messages name the steps from the output. */
  for (guint i = 0; i < steps->len && i < HR_VOLTAGE_STEPS_MAX; i++)
    {
      const HrVoltageStepFigure *step = &g_array_index (steps, HrVoltageStepFigure, i);

      checked.voltage_steps[i].load_ohm = step->load_ohm;
      checked.voltage_steps[i].above = step->above;
      checked.voltage_steps[i].vrms = step->max_voltage_vrms.value;
    }
  checked.n_voltage_steps = steps->len;
  if (!hr_source_validate (&checked, &error))
    {
      hr_json_prefix_path (&error, path);
      hr_preset_add_error (errors, error);
      return NULL;
    }
  return g_steal_pointer (&steps);
}

/**
 * hr_voltage_steps_json_parse:
 * @source: (inout): gets the steps, when the output has them
 *
 * hr_voltage_steps_json_read() for the readers of one source
 * (`--source-file`): the first problem, as a GError.
 */
gboolean
hr_voltage_steps_json_parse (JsonObject  *object,
                             const char  *path,
                             HrSource    *source,
                             GError     **error)
{
  g_autoptr(GPtrArray) errors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  g_autoptr(GArray) steps = hr_voltage_steps_json_read (object, path, errors);

  if (errors->len > 0)
    {
      g_propagate_error (error, g_error_copy (g_ptr_array_index (errors, 0)));
      return FALSE;
    }
  if (steps != NULL)
    hr_voltage_steps_to_source (steps, source);
  return TRUE;
}
