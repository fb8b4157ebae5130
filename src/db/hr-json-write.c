/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "hr-json-locate.h"
#include "hr-json-write.h"

void
hr_json_members_init (HrJsonMembers *members,
                      GString       *out,
                      const char    *indent)
{
  members->out = out;
  members->indent = indent;
  members->first = TRUE;
}

/* JSON has no infinity or NaN: those become null. Ten digits, the CLI's
 * contract. */
void
hr_json_append_number (GString *out,
                       double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (isfinite (value))
    g_string_append (out, g_ascii_formatd (text, sizeof text, "%.10g", value));
  else
    g_string_append (out, "null");
}

void
hr_json_append_string (GString    *out,
                       const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  /* json-glib escapes quotes and control characters as JSON wants. */
  node = json_node_init_string (json_node_alloc (), text);
  json = json_to_string (node, FALSE);
  g_string_append (out, json);
}

void
hr_json_member_key (HrJsonMembers *members,
                    const char    *key)
{
  g_string_append (members->out, members->first ? "\n" : ",\n");
  g_string_append (members->out, members->indent);
  members->first = FALSE;
  hr_json_append_string (members->out, key);
  g_string_append (members->out, ": ");
}

void
hr_json_member_number (HrJsonMembers *members,
                       const char    *key,
                       double         value)
{
  hr_json_member_key (members, key);
  hr_json_append_number (members->out, value);
}

void
hr_json_member_string (HrJsonMembers *members,
                       const char    *key,
                       const char    *value)
{
  hr_json_member_key (members, key);
  hr_json_append_string (members->out, value);
}

void
hr_json_member_boolean (HrJsonMembers *members,
                        const char    *key,
                        gboolean       value)
{
  hr_json_member_key (members, key);
  g_string_append (members->out, value ? "true" : "false");
}

static const char *
limit_state (double value)
{
  if (isnan (value))
    return "unknown";
  if (isinf (value))
    return "unlimited";
  return "known";
}

/* A figure that may be unknown or unlimited: the number, or null, and
 * always a sibling "<key>_state" saying which, so a script need not guess
 * what a null means. */
void
hr_json_member_limit (HrJsonMembers *members,
                      const char    *key,
                      double         value)
{
  g_autofree char *state_key = g_strconcat (key, "_state", NULL);

  hr_json_member_number (members, key, value);
  hr_json_member_string (members, state_key, limit_state (value));
}

/* The fewest digits that read back as the same double: "0.9", not
 * "0.90000000000000002", and "5e-15", which is JSON, not "5e-15.0". */
static void
append_double (GString *out,
               double   value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }
  for (int digits = 15; digits <= 17; digits++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", digits);
      g_ascii_formatd (text, sizeof text, format, value);
      if (g_ascii_strtod (text, NULL) == value)
        break;
    }
  g_string_append (out, text);
}

static void
append_indent (GString *out,
               gboolean pretty,
               guint    depth)
{
  if (!pretty)
    return;
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* Trees written here were read through hr_json_parse_data() or built by
 * Headroom, so their depth is bounded; this bound is only a guard. */
static void
append_node (GString  *out,
             JsonNode *node,
             gboolean  pretty,
             guint     depth)
{
  if (node == NULL || depth > 2 * HR_JSON_MAX_DEPTH)
    {
      g_string_append (out, "null");
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr(GList) members = json_object_get_members (object);

        if (members == NULL)
          {
            g_string_append (out, "{}");
            break;
          }
        g_string_append_c (out, '{');
        for (GList *l = members; l != NULL; l = l->next)
          {
            append_indent (out, pretty, depth + 1);
            hr_json_append_string (out, l->data);
            g_string_append (out, pretty ? ": " : ":");
            append_node (out, json_object_get_member (object, l->data), pretty, depth + 1);
            if (l->next != NULL)
              g_string_append_c (out, ',');
          }
        append_indent (out, pretty, depth);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = json_array_get_length (array);

        if (length == 0)
          {
            g_string_append (out, "[]");
            break;
          }
        g_string_append_c (out, '[');
        for (guint i = 0; i < length; i++)
          {
            append_indent (out, pretty, depth + 1);
            append_node (out, json_array_get_element (array, i), pretty, depth + 1);
            if (i + 1 < length)
              g_string_append_c (out, ',');
          }
        append_indent (out, pretty, depth);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_DOUBLE:
          append_double (out, json_node_get_double (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_STRING:
          hr_json_append_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
          break;
        }
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * hr_json_to_text:
 * @pretty: one member or element a line, indented by two spaces
 * @length: (out) (optional): the text's length
 *
 * Returns: (transfer full): @node as JSON text
 */
char *
hr_json_to_text (JsonNode *node,
                 gboolean  pretty,
                 gsize    *length)
{
  GString *out = g_string_new (NULL);

  append_node (out, node, pretty, 0);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * hr_json_deep_copy:
 *
 * A copy that shares nothing with @node: json_node_copy() shares the
 * objects and arrays inside, so that changing the copy changes the
 * original, a preset's own JSON among them.
 *
 * Returns: (transfer full): the copy
 */
JsonNode *
hr_json_deep_copy (JsonNode *node)
{
  g_autofree char *text = NULL;
  gsize length;
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_return_val_if_fail (node != NULL, NULL);

  /* Through text: the tree was read through the depth check or built by
   * Headroom, and what it writes it reads back (test-scenario). */
  text = hr_json_to_text (node, FALSE, &length);
  if (!json_parser_load_from_data (parser, text, (gssize) length, NULL))
    g_return_val_if_reached (json_node_init_null (json_node_alloc ()));
  return json_parser_steal_root (parser);
}
