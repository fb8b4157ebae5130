/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "hr-db-error.h"
#include "hr-json-read.h"
#include "hr-units.h"

/* The longest value, in characters, that a message quotes. A wrong type
 * can be a whole subtree, which would drown the message and, once the
 * caller prefixes it, break the promise of one line per error.
 */
#define MAX_QUOTED_CHARS 40

char *
hr_json_path_member (const char *path,
                     const char *key)
{
  if (path == NULL || path[0] == '\0')
    return g_strdup (key);
  return g_strconcat (path, ".", key, NULL);
}

char *
hr_json_path_index (const char *path,
                    guint       index)
{
  return g_strdup_printf ("%s[%u]", path != NULL ? path : "", index);
}

const char *
hr_json_path_display (const char *path)
{
  if (path == NULL || path[0] == '\0')
    return _("the document");
  return path;
}

/**
 * hr_json_describe_node:
 *
 * The value as the file spells it, in compact JSON (strings quoted and
 * escaped, so a newline in a value cannot split the message), cut short
 * after MAX_QUOTED_CHARS characters.
 */
char *
hr_json_describe_node (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return g_strdup (_("nothing"));

  text = json_to_string (node, FALSE);
  if (g_utf8_strlen (text, -1) > MAX_QUOTED_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (text, MAX_QUOTED_CHARS);

      *end = '\0';
      return g_strconcat (text, "…", NULL);
    }

  return g_steal_pointer (&text);
}

/* Model errors name their field relative to the object they describe
 * ("re_ohm"); this makes that a JSON path ("impedance.re_ohm"). */
void
hr_json_prefix_path (GError     **error,
                     const char  *path)
{
  if (path != NULL && path[0] != '\0')
    g_prefix_error (error, "%s.", path);
}

void
hr_json_set_wrong_type (GError     **error,
                        const char  *path,
                        const char  *expected,
                        JsonNode    *node)
{
  g_autofree char *value_text = hr_json_describe_node (node);

  g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_WRONG_TYPE,
               /* Translators: "impedance.re_ohm must be a number, got "6 ohm"" */
               _("%s must be %s, got %s"),
               hr_json_path_display (path), expected, value_text);
}

gboolean
hr_json_node_get_object (JsonNode    *node,
                         const char  *path,
                         JsonObject **object,
                         GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      *object = json_node_get_object (node);
      return TRUE;
    }

  hr_json_set_wrong_type (error, path, _("an object"), node);
  return FALSE;
}

gboolean
hr_json_node_get_array (JsonNode    *node,
                        const char  *path,
                        JsonArray  **array,
                        GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      *array = json_node_get_array (node);
      return TRUE;
    }

  hr_json_set_wrong_type (error, path, _("an array"), node);
  return FALSE;
}

/* json_node_get_double() would turn true into 1 and "3" into 0; only JSON
 * numbers are numbers here. */
gboolean
hr_json_node_get_number (JsonNode    *node,
                         const char  *path,
                         double      *value,
                         GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        {
          *value = json_node_get_double (node);
          return TRUE;
        }
    }

  hr_json_set_wrong_type (error, path, _("a number"), node);
  return FALSE;
}

JsonNode *
hr_json_require_member (JsonObject  *object,
                        const char  *path,
                        const char  *key,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL)
    {
      g_autofree char *field = hr_json_path_member (path, key);

      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD,
                   /* Translators: "impedance.fs_hz is missing" */
                   _("%s is missing"), field);
    }

  return node;
}

gboolean
hr_json_require_number (JsonObject  *object,
                        const char  *path,
                        const char  *key,
                        double      *value,
                        GError     **error)
{
  JsonNode *node = hr_json_require_member (object, path, key, error);
  g_autofree char *field = NULL;

  if (node == NULL)
    return FALSE;

  field = hr_json_path_member (path, key);
  return hr_json_node_get_number (node, field, value, error);
}

gboolean
hr_json_require_string (JsonObject  *object,
                        const char  *path,
                        const char  *key,
                        const char **value,
                        GError     **error)
{
  JsonNode *node = hr_json_require_member (object, path, key, error);

  if (node == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      *value = json_node_get_string (node);
      return TRUE;
    }

  {
    g_autofree char *field = hr_json_path_member (path, key);

    hr_json_set_wrong_type (error, field, _("a string"), node);
  }
  return FALSE;
}

/* The optional readers leave *value alone when the key is absent or null:
 * the caller has put the default there. */

gboolean
hr_json_optional_number (JsonObject  *object,
                         const char  *path,
                         const char  *key,
                         double      *value,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *field = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  field = hr_json_path_member (path, key);
  return hr_json_node_get_number (node, field, value, error);
}

gboolean
hr_json_optional_string (JsonObject  *object,
                         const char  *path,
                         const char  *key,
                         const char **value,
                         GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  return hr_json_require_string (object, path, key, value, error);
}

gboolean
hr_json_optional_boolean (JsonObject  *object,
                          const char  *path,
                          const char  *key,
                          gboolean    *value,
                          GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *field = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *value = json_node_get_boolean (node);
      return TRUE;
    }

  field = hr_json_path_member (path, key);
  hr_json_set_wrong_type (error, field, _("true or false"), node);
  return FALSE;
}

/* The unit a figure's "given" text is read in: its key's suffix. */
static HrUnit
unit_of_path (const char *path)
{
  static const struct { const char *suffix; HrUnit unit; } suffixes[] = {
    { "_vrms", HR_UNIT_VOLT },
    { "_ma", HR_UNIT_MILLIAMP },
    { "_ohm", HR_UNIT_OHM },
    { "_uf", HR_UNIT_MICROFARAD },
    { "_mw", HR_UNIT_MILLIWATT },
    { "_hz", HR_UNIT_HERTZ },
  };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (path, suffixes[i].suffix))
      return suffixes[i].unit;
  return HR_UNIT_NUMBER;
}

/* A figure's "given" text read in its key's unit: a noise level may be
 * a dynamic range below @max_voltage_vrms. */
static gboolean
parse_given (const char  *path,
             const char  *given,
             double       max_voltage_vrms,
             double      *value,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_str_has_suffix (path, "noise_vrms"))
    {
      if (hr_units_parse_noise (given, max_voltage_vrms, value, &local_error))
        return TRUE;
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE, "%s.given: %s", path, local_error->message);
      return FALSE;
    }
  if (hr_units_parse (given, unit_of_path (path), value))
    return TRUE;
  g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
               _("%s.given must be a figure in the unit of its name, got “%s”"), path, given);
  return FALSE;
}

/* A figure is a bare number or {"value": n, "source": "…"} (SCHEMA.md,
 * "Figures and their provenance"), or {"given": "+18 dBu", …}: the figure
 * as the spec sheet prints it, read in the unit of its name and kept as
 * given. Both forms are read wherever a figure is, so that every preset
 * object is also a valid single gear file. @source and @given, when asked
 * for, point into the document or are NULL. @max_voltage_vrms reads a
 * noise given as a dynamic range; NAN where there is none. */
gboolean
hr_json_node_get_figure_given (JsonNode     *node,
                               const char   *path,
                               double        max_voltage_vrms,
                               double       *value,
                               const char  **source,
                               const char  **given,
                               GError      **error)
{
  const char *source_text = NULL;
  const char *given_text = NULL;

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      double from_given;

      if (!hr_json_optional_string (object, path, "given", &given_text, error) ||
          !hr_json_optional_string (object, path, "source", &source_text, error))
        return FALSE;
      if (given_text == NULL)
        {
          if (!hr_json_require_number (object, path, "value", value, error))
            return FALSE;
        }
      else
        {
          double stated = NAN;

          if (!parse_given (path, given_text, max_voltage_vrms, &from_given, error) ||
              !hr_json_optional_number (object, path, "value", &stated, error))
            return FALSE;
          /* Both: they must say the same, to the digits a sheet prints. */
          if (!isnan (stated) && !(fabs (stated - from_given) <= 0.005 * fabs (from_given)))
            {
              char stated_text[G_ASCII_DTOSTR_BUF_SIZE];
              char given_value[G_ASCII_DTOSTR_BUF_SIZE];

              g_ascii_formatd (stated_text, sizeof stated_text, "%g", stated);
              g_ascii_formatd (given_value, sizeof given_value, "%.4g", from_given);
              g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                           _("%s.value %s does not match its given “%s”, which is %s"),
                           path, stated_text, given_text, given_value);
              return FALSE;
            }
          *value = from_given;
        }
    }
  else if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
           (json_node_get_value_type (node) == G_TYPE_INT64 ||
            json_node_get_value_type (node) == G_TYPE_DOUBLE))
    {
      *value = json_node_get_double (node);
    }
  else
    {
      hr_json_set_wrong_type (error, path, _("a number or {\"value\": number, \"source\": text}"),
                              node);
      return FALSE;
    }

  if (source != NULL)
    *source = source_text;
  if (given != NULL)
    *given = given_text;
  return TRUE;
}

gboolean
hr_json_node_get_figure (JsonNode     *node,
                         const char   *path,
                         double       *value,
                         const char  **source,
                         GError      **error)
{
  return hr_json_node_get_figure_given (node, path, NAN, value, source, NULL, error);
}

gboolean
hr_json_require_figure (JsonObject   *object,
                        const char   *path,
                        const char   *key,
                        double       *value,
                        const char  **source,
                        GError      **error)
{
  JsonNode *node = hr_json_require_member (object, path, key, error);
  g_autofree char *field = NULL;

  if (node == NULL)
    return FALSE;

  field = hr_json_path_member (path, key);
  return hr_json_node_get_figure (node, field, value, source, error);
}

/* Absent or null leaves *value and *source alone, as the other optional
 * readers do. */
gboolean
hr_json_optional_figure (JsonObject   *object,
                         const char   *path,
                         const char   *key,
                         double       *value,
                         const char  **source,
                         GError      **error)
{
  JsonNode *node = json_object_get_member (object, key);
  g_autofree char *field = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  field = hr_json_path_member (path, key);
  return hr_json_node_get_figure (node, field, value, source, error);
}
