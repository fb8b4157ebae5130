/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-json.h"
#include "hr-json-read.h"

/* The impedance models in JSON, the network tree among them. Shape only,
 * as in hr-gear-json.c: the model checks the numbers, and its messages are
 * prefixed with the path of the object that holds them.
 */

static const char *const network_keys = "R, L, C, series, parallel";

static gboolean
network_key_to_kind (const char    *key,
                     HrNetworkKind *kind)
{
  static const struct {
    const char    *key;
    HrNetworkKind  kind;
  } keys[] = {
    { "R", HR_NETWORK_RESISTOR },
    { "L", HR_NETWORK_INDUCTOR },
    { "C", HR_NETWORK_CAPACITOR },
    { "series", HR_NETWORK_SERIES },
    { "parallel", HR_NETWORK_PARALLEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      if (g_str_equal (key, keys[i].key))
        {
          *kind = keys[i].kind;
          return TRUE;
        }
    }

  return FALSE;
}

/* Builds the tree without checking the values: hr_network_validate()
 * does that once the whole tree stands, with the same paths. A JsonNode
 * need not come from text that was checked for its depth, so the depth
 * is bounded here too, as the model bounds it. */
static HrNetwork *
build_network (JsonNode    *node,
               const char  *path,
               guint        depth,
               GError     **error)
{
  g_autoptr(HrNetwork) network = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *child_path = NULL;
  JsonObject *object;
  JsonNode *child_node;
  JsonArray *children;
  const char *key;
  HrNetworkKind kind;
  double value;

  if (!hr_json_node_get_object (node, path, &object, error))
    return NULL;

  /* One key per node keeps the tree unambiguous: {"R": 8, "L": 1e-3}
   * could mean either series or parallel. */
  members = json_object_get_members (object);
  if (json_object_get_size (object) != 1 || !network_key_to_kind (members->data, &kind))
    {
      g_autofree char *value_text = hr_json_describe_node (node);

      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_NODE,
                   /* Translators: the list is "R, L, C, series, parallel" */
                   _("%s must hold exactly one of %s, got %s"),
                   hr_json_path_display (path), network_keys, value_text);
      return NULL;
    }

  key = members->data;
  child_node = json_object_get_member (object, key);
  child_path = hr_json_path_member (path, key);

  if (depth >= HR_NETWORK_MAX_DEPTH)
    {
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_NODE,
                   _("%s nests deeper than %u levels"),
                   hr_json_path_display (child_path), (guint) HR_NETWORK_MAX_DEPTH);
      return NULL;
    }

  switch (kind)
    {
    case HR_NETWORK_RESISTOR:
    case HR_NETWORK_INDUCTOR:
    case HR_NETWORK_CAPACITOR:
      if (!hr_json_node_get_number (child_node, child_path, &value, error))
        return NULL;
      if (kind == HR_NETWORK_RESISTOR)
        return hr_network_new_resistor (value);
      if (kind == HR_NETWORK_INDUCTOR)
        return hr_network_new_inductor (value);
      return hr_network_new_capacitor (value);

    case HR_NETWORK_SERIES:
    case HR_NETWORK_PARALLEL:
      if (!hr_json_node_get_array (child_node, child_path, &children, error))
        return NULL;
      network = kind == HR_NETWORK_SERIES ? hr_network_new_series () : hr_network_new_parallel ();
      for (guint i = 0; i < json_array_get_length (children); i++)
        {
          g_autofree char *element_path = hr_json_path_index (child_path, i);
          HrNetwork *child = build_network (json_array_get_element (children, i),
                                            element_path, depth + 1, error);

          if (child == NULL)
            return NULL;
          hr_network_take_child (network, child);
        }
      return g_steal_pointer (&network);

    default:
      g_assert_not_reached ();
    }
}

/**
 * hr_gear_json_parse_network:
 * @node: a tree node: {"R": ohm}, {"L": henry}, {"C": farad},
 *   {"series": [node, …]} or {"parallel": [node, …]}
 *
 * Returns: (transfer full): the tree, every value checked, or NULL
 */
HrNetwork *
hr_gear_json_parse_network (JsonNode    *node,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(HrNetwork) network = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  network = build_network (node, path, 0, error);
  if (network == NULL)
    return NULL;

  /* hr_network_validate() adds the node's own key to the path it is
   * given, as build_network() did: "tree" + ".series[1].C". */
  if (!hr_network_validate (network, path != NULL ? path : "", error))
    return NULL;

  return g_steal_pointer (&network);
}

static HrImpedance *
parse_resistor (JsonObject  *object,
                const char  *path,
                GError     **error)
{
  double r_ohm;
  gboolean assumed = FALSE;
  HrImpedance *impedance;

  /* "assumed": a flat line standing in for a curve nobody knows, which
   * the verdict then does not state a flat response of. */
  if (!hr_json_require_number (object, path, "r_ohm", &r_ohm, error) ||
      !hr_json_optional_boolean (object, path, "assumed", &assumed, error))
    return NULL;

  impedance = assumed ? hr_impedance_new_assumed_flat (r_ohm, error) : hr_impedance_new_resistor (r_ohm, error);
  if (impedance == NULL)
    hr_json_prefix_path (error, path);
  return impedance;
}

static HrImpedance *
parse_thiele_small (JsonObject  *object,
                    const char  *path,
                    GError     **error)
{
  HrImpedance *impedance;
  HrThieleSmall ts;

  /* le_h is required although the model takes 0: a misspelt key must not
   * quietly remove the voice coil's inductance. */
  if (!hr_json_require_number (object, path, "re_ohm", &ts.re_ohm, error) ||
      !hr_json_require_number (object, path, "le_h", &ts.le_h, error) ||
      !hr_json_require_number (object, path, "fs_hz", &ts.fs_hz, error) ||
      !hr_json_require_number (object, path, "qms", &ts.qms, error) ||
      !hr_json_require_number (object, path, "qes", &ts.qes, error))
    return NULL;

  impedance = hr_impedance_new_thiele_small (&ts, error);
  if (impedance == NULL)
    hr_json_prefix_path (error, path);
  return impedance;
}

static HrImpedance *
parse_network_model (JsonObject  *object,
                     const char  *path,
                     GError     **error)
{
  g_autofree char *tree_path = hr_json_path_member (path, "tree");
  g_autoptr(HrNetwork) tree = NULL;
  HrImpedance *impedance;
  JsonNode *tree_node;

  tree_node = hr_json_require_member (object, path, "tree", error);
  if (tree_node == NULL)
    return NULL;

  tree = hr_gear_json_parse_network (tree_node, tree_path, error);
  if (tree == NULL)
    return NULL;

  /* Already validated with its full path; the model checks it again and
   * names it relative to the impedance, "tree.…". */
  impedance = hr_impedance_new_network (tree, error);
  if (impedance == NULL)
    hr_json_prefix_path (error, path);
  return impedance;
}

static HrImpedance *
parse_points (JsonObject  *object,
              const char  *path,
              GError     **error)
{
  g_autofree char *points_path = hr_json_path_member (path, "points");
  g_autofree HrImpedancePoint *points = NULL;
  HrImpedance *impedance;
  JsonNode *points_node;
  JsonArray *rows;
  guint n_points;

  points_node = hr_json_require_member (object, path, "points", error);
  if (points_node == NULL ||
      !hr_json_node_get_array (points_node, points_path, &rows, error))
    return NULL;

  n_points = json_array_get_length (rows);
  points = g_new0 (HrImpedancePoint, MAX (n_points, 1));

  for (guint i = 0; i < n_points; i++)
    {
      g_autofree char *row_path = hr_json_path_index (points_path, i);
      JsonNode *row_node = json_array_get_element (rows, i);
      double *fields[] = { &points[i].freq_hz, &points[i].mag_ohm, &points[i].phase_deg };
      JsonArray *row;

      if (!JSON_NODE_HOLDS_ARRAY (row_node) ||
          json_array_get_length (json_node_get_array (row_node)) != G_N_ELEMENTS (fields))
        {
          hr_json_set_wrong_type (error, row_path, "[freq_hz, mag_ohm, phase_deg]", row_node);
          return NULL;
        }

      row = json_node_get_array (row_node);
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          g_autofree char *field_path = hr_json_path_index (row_path, j);

          if (!hr_json_node_get_number (json_array_get_element (row, j), field_path,
                                        fields[j], error))
            return NULL;
        }
    }

  /* The model names a bad point "points[2].freq_hz": its meaning rather
   * than its position in the row, which reads better. */
  impedance = hr_impedance_new_points (points, n_points, error);
  if (impedance == NULL)
    hr_json_prefix_path (error, path);
  return impedance;
}

/**
 * hr_gear_json_parse_impedance:
 * @node: {"model": "resistor" | "thiele-small" | "network" | "points", …},
 *   with an optional "scale" factor
 *
 * Returns: (transfer full): the impedance model, or NULL
 */
HrImpedance *
hr_gear_json_parse_impedance (JsonNode    *node,
                              const char  *path,
                              GError     **error)
{
  static const struct {
    const char  *name;
    HrImpedance *(*parse) (JsonObject *, const char *, GError **);
  } models[] = {
    { "resistor", parse_resistor },
    { "thiele-small", parse_thiele_small },
    { "network", parse_network_model },
    { "points", parse_points },
  };
  g_autoptr(HrImpedance) impedance = NULL;
  JsonObject *object;
  JsonNode *scale_node;
  const char *model;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!hr_json_node_get_object (node, path, &object, error) ||
      !hr_json_require_string (object, path, "model", &model, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (models) && impedance == NULL; i++)
    {
      if (!g_str_equal (model, models[i].name))
        continue;

      impedance = models[i].parse (object, path, error);
      if (impedance == NULL)
        return NULL;
    }

  if (impedance == NULL)
    {
      g_autofree char *field = hr_json_path_member (path, "model");

      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_UNKNOWN_MODEL,
                   /* Translators: the list is of names that stay in English */
                   _("%s must be one of %s, got “%s”"),
                   field, "resistor, thiele-small, network, points", model);
      return NULL;
    }

  /* A scale moves a curve to another winding of the same driver; without
   * one the model is used as it is, not copied. */
  scale_node = json_object_get_member (object, "scale");
  if (scale_node != NULL && !JSON_NODE_HOLDS_NULL (scale_node))
    {
      g_autofree char *scale_path = hr_json_path_member (path, "scale");
      HrImpedance *scaled;
      double scale;

      if (!hr_json_node_get_number (scale_node, scale_path, &scale, error))
        return NULL;

      scaled = hr_impedance_new_scaled (impedance, scale, error);

      if (scaled == NULL)
        {
          hr_json_prefix_path (error, path);
          return NULL;
        }
      g_object_unref (impedance);
      impedance = scaled;
    }

  return g_steal_pointer (&impedance);
}
