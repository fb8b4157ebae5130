/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>

#include "hr-json-read.h"
#include "hr-preset-edit.h"

/* "Sennheiser" and "HD 650 (2020)" give "sennheiser-hd-650-2020": runs of
 * anything but ASCII letters and digits become one hyphen. Letters beyond
 * ASCII lose their accents first, so "Beyerdynamic Amirón" gives
 * "beyerdynamic-amiron" rather than "beyerdynamic-amir-n". */
char *
hr_preset_make_id (const char *manufacturer,
                   const char *name)
{
  g_autofree char *joined = NULL;
  g_autofree char *ascii = NULL;
  GString *id = g_string_new (NULL);
  gboolean pending_hyphen = FALSE;

  joined = g_strjoin (" ", manufacturer != NULL ? manufacturer : "", name != NULL ? name : "", NULL);
  ascii = g_str_to_ascii (joined, "C");
  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (pending_hyphen && id->len > 0)
            g_string_append_c (id, '-');
          pending_hyphen = FALSE;
          g_string_append_c (id, g_ascii_tolower (*p));
        }
      else
        pending_hyphen = TRUE;
    }
  if (id->len == 0)
    g_string_append (id, "preset");
  return g_string_free (id, FALSE);
}

/* A new preset never takes the place of another by accident: its id gets a
 * number when the slug is taken, bundled or not. Replacing a bundled
 * preset is what editing it does. */
char *
hr_preset_db_make_unique_id (HrPresetDb   *db,
                             HrPresetKind  kind,
                             const char   *manufacturer,
                             const char   *name)
{
  g_autofree char *base = hr_preset_make_id (manufacturer, name);
  char *id = g_strdup (base);

  g_return_val_if_fail (HR_IS_PRESET_DB (db), id);

  for (guint n = 2; hr_preset_db_lookup (db, kind, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

static gboolean
outputs_have_id (JsonArray  *outputs,
                 const char *id)
{
  for (guint i = 0; outputs != NULL && i < json_array_get_length (outputs); i++)
    {
      JsonNode *node = json_array_get_element (outputs, i);

      if (JSON_NODE_HOLDS_OBJECT (node)
          && g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "id", NULL), id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* An output's id is a slug of its name, unique within the source. */
char *
hr_preset_make_unique_output_id (JsonArray  *outputs,
                                 const char *name)
{
  g_autofree char *base = hr_preset_make_id (NULL, name);
  char *id = g_strdup (base);

  for (guint n = 2; outputs_have_id (outputs, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  return id;
}

/**
 * hr_preset_json_get_figure:
 *
 * Returns: the figure's value, bare or in `{"value": …}`; %HR_UNKNOWN
 *   (NAN) when the member is missing or not a number
 */
double
hr_preset_json_get_figure (JsonObject *object,
                           const char *member)
{
  JsonNode *node;

  g_return_val_if_fail (object != NULL, HR_UNKNOWN);

  node = json_object_get_member (object, member);
  /* {"given": "+18 dBu"} is read as the loader reads it. */
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node)
      && json_object_has_member (json_node_get_object (node), "given"))
    {
      double value = HR_UNKNOWN;

      if (!hr_json_node_get_figure_given (node, member, HR_UNKNOWN, &value, NULL, NULL, NULL))
        return HR_UNKNOWN;
      return value;
    }
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    node = json_object_get_member (json_node_get_object (node), "value");
  if (node == NULL || json_node_get_value_type (node) == G_TYPE_BOOLEAN
      || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) == G_TYPE_STRING)
    return HR_UNKNOWN;
  return json_node_get_double (node);
}

/* Equal as typed: a form shows "%.6g" of a figure and reads back what it
 * shows, so a figure the user did not touch can come back rounded. */
static gboolean
same_figure (double a,
             double b)
{
  return a == b || fabs (a - b) <= 1e-6 * fmax (fabs (a), fabs (b));
}

/**
 * hr_preset_json_set_figure:
 * @value: the new value; %HR_UNKNOWN (NAN) removes the figure
 *
 * Keeps the figure, and its `source`, if @value is what it already holds;
 * otherwise stores @value as a bare number, the user's own.
 */
void
hr_preset_json_set_figure (JsonObject *object,
                           const char *member,
                           double      value)
{
  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if (isnan (value))
    {
      json_object_remove_member (object, member);
      return;
    }
  if (same_figure (hr_preset_json_get_figure (object, member), value))
    return;
  json_object_set_double_member (object, member, value);
}

/**
 * hr_preset_json_set_figure_given:
 * @value: the new value; %HR_UNKNOWN (NAN) removes the figure
 * @given: (nullable): the figure as typed, "+18 dBu", when not a bare number
 * @source: (nullable): where a new value comes from, "inferred from …"
 *
 * hr_preset_json_set_figure() for a figure typed as a sheet prints it:
 * unchanged (the same value, given the same way) it keeps its source;
 * otherwise it is stored with what is given of it.
 */
void
hr_preset_json_set_figure_given (JsonObject *object,
                                 const char *member,
                                 double      value,
                                 const char *given,
                                 const char *source)
{
  g_autoptr(JsonObject) figure = NULL;
  JsonNode *old;
  const char *old_given = NULL;

  g_return_if_fail (object != NULL);
  g_return_if_fail (member != NULL);

  if (isnan (value))
    {
      json_object_remove_member (object, member);
      return;
    }
  old = json_object_get_member (object, member);
  if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
    old_given = json_object_get_string_member_with_default (json_node_get_object (old), "given", NULL);
  if (same_figure (hr_preset_json_get_figure (object, member), value) && g_strcmp0 (old_given, given) == 0)
    return;
  if (given == NULL && source == NULL)
    {
      json_object_set_double_member (object, member, value);
      return;
    }
  figure = json_object_new ();
  /* The value with the text: the loader checks that they agree. */
  json_object_set_double_member (figure, "value", value);
  if (given != NULL)
    json_object_set_string_member (figure, "given", given);
  if (source != NULL)
    json_object_set_string_member (figure, "source", source);
  json_object_set_object_member (object, member, g_steal_pointer (&figure));
}

/* Empty or NULL @text removes the member: an optional text left blank. */
void
hr_preset_json_set_text (JsonObject *object,
                         const char *member,
                         const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_return_if_fail (object != NULL);

  if (stripped[0] == '\0')
    json_object_remove_member (object, member);
  else
    json_object_set_string_member (object, member, stripped);
}

/* The sensitivity is one figure with its unit and reference frequency: if
 * any of the three changes, its source no longer vouches for it. */
void
hr_preset_json_set_sensitivity (JsonObject        *object,
                                double             value,
                                HrSensitivityUnit  unit,
                                double             ref_freq_hz)
{
  JsonNode *old = json_object_get_member (object, "sensitivity");
  JsonObject *sensitivity;

  g_return_if_fail (object != NULL);

  if (old != NULL && JSON_NODE_HOLDS_OBJECT (old))
    {
      JsonObject *old_object = json_node_get_object (old);
      const char *old_unit = json_object_get_string_member_with_default (old_object, "unit", "");
      double old_ref_hz = json_object_has_member (old_object, "ref_freq_hz")
                          ? hr_preset_json_get_figure (old_object, "ref_freq_hz") : 1000.0;

      if (same_figure (hr_preset_json_get_figure (object, "sensitivity"), value)
          && g_strcmp0 (old_unit, hr_sensitivity_unit_to_string (unit)) == 0
          && same_figure (old_ref_hz, ref_freq_hz))
        return;
    }

  sensitivity = json_object_new ();
  json_object_set_double_member (sensitivity, "value", value);
  json_object_set_string_member (sensitivity, "unit", hr_sensitivity_unit_to_string (unit));
  json_object_set_double_member (sensitivity, "ref_freq_hz", ref_freq_hz);
  json_object_set_object_member (object, "sensitivity", sensitivity);
}

static JsonNode *
network_to_json (const HrNetwork *network)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  JsonArray *children;

  switch (hr_network_get_kind (network))
    {
    case HR_NETWORK_RESISTOR:
      json_object_set_double_member (object, "R", hr_network_get_value (network));
      break;
    case HR_NETWORK_INDUCTOR:
      json_object_set_double_member (object, "L", hr_network_get_value (network));
      break;
    case HR_NETWORK_CAPACITOR:
      json_object_set_double_member (object, "C", hr_network_get_value (network));
      break;
    case HR_NETWORK_SERIES:
    case HR_NETWORK_PARALLEL:
      children = json_array_new ();
      for (guint i = 0; i < hr_network_get_n_children (network); i++)
        json_array_add_element (children, network_to_json (hr_network_get_child (network, i)));
      json_object_set_array_member (object,
                                    hr_network_get_kind (network) == HR_NETWORK_SERIES ? "series" : "parallel",
                                    children);
      break;
    default:
      g_assert_not_reached ();
    }
  json_node_set_object (node, object);
  return node;
}

/**
 * hr_impedance_json_new:
 * @source: (nullable): where the model comes from, "imported from hd650.zma"
 *
 * The impedance object of the schema for @impedance, scale included.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
hr_impedance_json_new (HrImpedance *impedance,
                       const char  *source)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  g_return_val_if_fail (HR_IS_IMPEDANCE (impedance), NULL);

  switch (hr_impedance_get_kind (impedance))
    {
    case HR_IMPEDANCE_RESISTOR:
      json_object_set_string_member (object, "model", "resistor");
      json_object_set_double_member (object, "r_ohm", creal (hr_impedance_eval (impedance, 1000.0))
                                                       / hr_impedance_get_scale (impedance));
      if (hr_impedance_is_assumed (impedance))
        json_object_set_boolean_member (object, "assumed", TRUE);
      break;

    case HR_IMPEDANCE_THIELE_SMALL:
      {
        const HrThieleSmall *ts = hr_impedance_get_thiele_small (impedance);

        json_object_set_string_member (object, "model", "thiele-small");
        json_object_set_double_member (object, "re_ohm", ts->re_ohm);
        json_object_set_double_member (object, "le_h", ts->le_h);
        json_object_set_double_member (object, "fs_hz", ts->fs_hz);
        json_object_set_double_member (object, "qms", ts->qms);
        json_object_set_double_member (object, "qes", ts->qes);
      }
      break;

    case HR_IMPEDANCE_NETWORK:
      json_object_set_string_member (object, "model", "network");
      json_object_set_member (object, "tree", network_to_json (hr_impedance_get_network (impedance)));
      break;

    case HR_IMPEDANCE_POINTS:
      {
        guint n_points;
        const HrImpedancePoint *points = hr_impedance_get_points (impedance, &n_points);
        JsonArray *array = json_array_sized_new (n_points);

        json_object_set_string_member (object, "model", "points");
        for (guint i = 0; i < n_points; i++)
          {
            JsonArray *point = json_array_sized_new (3);

            json_array_add_double_element (point, points[i].freq_hz);
            json_array_add_double_element (point, points[i].mag_ohm);
            json_array_add_double_element (point, points[i].phase_deg);
            json_array_add_array_element (array, point);
          }
        json_object_set_array_member (object, "points", array);
      }
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (hr_impedance_get_scale (impedance) != 1.0)
    json_object_set_double_member (object, "scale", hr_impedance_get_scale (impedance));
  if (source != NULL)
    json_object_set_string_member (object, "source", source);

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_set_object (node, object);
  return node;
}
