/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-json-locate.h"
#include "hr-json-parse.h"

static int
hex_value (const char *p)
{
  int value = 0;

  for (int i = 0; i < 4; i++)
    {
      if (!g_ascii_isxdigit (p[i]))
        return -1;
      value = value * 16 + g_ascii_xdigit_value (p[i]);
    }
  return value;
}

typedef enum {
  LEXIS_OK,
  LEXIS_BAD_ESCAPE,
  LEXIS_SINGLE_QUOTE,
  LEXIS_TOO_DEEP,
} Lexis;

/* The length of the escape at @i (a backslash in a string), or 0 if JSON
 * has no such escape (RFC 8259, §7). json-glib 1.6 takes others, "\6"
 * among them, and lone surrogates, "\ud800", and makes of them strings
 * that are not UTF-8, which nothing downstream expects. */
static gsize
escape_length (const char *text,
               gsize       length,
               gsize       i)
{
  char next = i + 1 < length ? text[i + 1] : '\0';
  int unit;
  int low;

  if (next == '"' || next == '\\' || next == '/' || next == 'b' || next == 'f'
      || next == 'n' || next == 'r' || next == 't')
    return 2;
  if (next != 'u')
    return 0;
  unit = i + 6 <= length ? hex_value (text + i + 2) : -1;
  if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
    return 0;
  if (unit < 0xD800 || unit > 0xDBFF)
    return 6;
  /* A high surrogate needs its low one. */
  low = i + 12 <= length && text[i + 6] == '\\' && text[i + 7] == 'u' ? hex_value (text + i + 8) : -1;
  return low >= 0xDC00 && low <= 0xDFFF ? 12 : 0;
}

/* One pass over the text as json-glib's scanner reads it, so that what
 * is a string or a comment to one is so to the other: a bracket counted
 * here as nesting is one there, and none is hidden from the count. Its
 * scanner also takes strings in single quotes, in which a backslash is
 * no escape; they are not JSON, and told apart from double-quoted ones a
 * backslash at the end of one hid every bracket up to the next quote
 * from the count, so that a file nested 100,000 deep crashed json-glib.
 * They are refused instead. Comments (slash-star) json-glib skips, and
 * so does this; "//" is no comment to it, nor here. @offset: where the
 * problem starts; @max_depth: how deep it nests at the most. */
static Lexis
check_lexis (const char *text,
             gsize       length,
             gsize      *offset,
             guint      *max_depth)
{
  Lexis found = LEXIS_OK;
  guint deepest = 0;
  guint depth = 0;

  /* Indices rather than pointers: an escape or a comment cut short at
   * the end of the text must not step a pointer past it. */
  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        {
          for (i++; i < length && text[i] != '"'; i++)
            {
              gsize escape;

              if (text[i] != '\\')
                continue;
              escape = escape_length (text, length, i);
              if (escape == 0 && found == LEXIS_OK)
                {
                  *offset = i;
                  return LEXIS_BAD_ESCAPE;
                }
              /* Already too deep, which is said first: read on for how
               * deep. */
              if (escape == 0)
                escape = 2;
              i += escape - 1;
            }
        }
      else if (c == '\'')
        {
          if (found != LEXIS_OK)
            break;      /* how deep, as far as it can be told */
          *offset = i;
          return LEXIS_SINGLE_QUOTE;
        }
      else if (c == '/' && i + 1 < length && text[i + 1] == '*')
        {
          for (i += 2; i + 1 < length && !(text[i] == '*' && text[i + 1] == '/'); i++)
            ;
          i++;
        }
      else if (c == '[' || c == '{')
        {
          if (++depth > HR_JSON_MAX_DEPTH && found == LEXIS_OK)
            {
              *offset = i;
              found = LEXIS_TOO_DEEP;
            }
          deepest = MAX (deepest, depth);
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  *max_depth = deepest;
  return found;
}

/**
 * hr_json_check_text:
 * @line: (out): where the problem is, counted from 1
 * @column: (out): the column there, in characters
 *
 * What json-glib would refuse without saying where, would recurse
 * through without end, or would take and turn into a string that is not
 * UTF-8: text that is not UTF-8, an escape JSON does not have, a string
 * in single quotes, and nesting deeper than HR_JSON_MAX_DEPTH. The
 * message names no place; @line and @column do.
 *
 * Returns: %TRUE if json-glib may be given @text
 */
gboolean
hr_json_check_text (const char  *text,
                    gsize        length,
                    guint       *line,
                    guint       *column,
                    GError     **error)
{
  const char *invalid = NULL;
  gsize offset = 0;
  guint depth = 0;

  if (!g_utf8_validate (text, (gssize) length, &invalid))
    {
      hr_json_text_position (text, (gsize) (invalid - text), line, column);
      g_set_error_literal (error, HR_DB_ERROR, HR_DB_ERROR_NOT_JSON,
                           _("the file is not UTF-8 text"));
      return FALSE;
    }

  switch (check_lexis (text, length, &offset, &depth))
    {
    case LEXIS_OK:
      return TRUE;
    case LEXIS_BAD_ESCAPE:
      g_set_error_literal (error, HR_DB_ERROR, HR_DB_ERROR_NOT_JSON,
                           _("a string holds an escape that JSON does not have"));
      break;
    case LEXIS_SINGLE_QUOTE:
      g_set_error_literal (error, HR_DB_ERROR, HR_DB_ERROR_NOT_JSON,
                           _("a string in single quotes, which JSON does not have: use double quotes"));
      break;
    case LEXIS_TOO_DEEP:
      g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_JSON,
                   _("arrays and objects nest %u levels deep here, more than the %u that any preset needs"),
                   depth, (guint) HR_JSON_MAX_DEPTH);
      break;
    default:
      g_assert_not_reached ();
    }
  hr_json_text_position (text, offset, line, column);
  return FALSE;
}

/**
 * hr_json_parse_data:
 * @display_name: what to call the text in messages: a file's name, or
 *   "standard input"
 *
 * Returns: (transfer full): the document's root, or %NULL with @error
 *   set, its message starting with @display_name and the place
 */
JsonNode *
hr_json_parse_data (const char  *text,
                    gsize        length,
                    const char  *display_name,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  guint line = 1;
  guint column = 1;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (!hr_json_check_text (text != NULL ? text : "", length, &line, &column, &local_error))
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s:%u:%u: ",
                                  display_name, line, column);
      return NULL;
    }

  /* Mutable: the user's file is read to be edited. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text != NULL ? text : "", (gssize) length, &local_error))
    {
      /* json-glib names the text "<data>": "<data>:2:9: Parse error: …"
       * becomes "hp.json:2:9: Parse error: …". */
      if (g_str_has_prefix (local_error->message, "<data>:"))
        {
          char *message = g_strconcat (display_name, local_error->message + strlen ("<data>"), NULL);

          g_free (local_error->message);
          local_error->message = message;
        }
      else
        g_prefix_error (&local_error, "%s: ", display_name);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  root = json_parser_steal_root (parser);
  if (root == NULL)
    g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_EMPTY_DOCUMENT,
                 _("%s: the file holds no JSON value"), display_name);
  return root;
}

/**
 * hr_json_parse_file:
 *
 * Returns: (transfer full): the root of @filename's document, or %NULL
 *   with @error set and naming the file
 */
JsonNode *
hr_json_parse_file (const char  *filename,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display_name = NULL;
  gsize length = 0;

  g_return_val_if_fail (filename != NULL, NULL);

  if (!g_file_get_contents (filename, &contents, &length, error))
    return NULL;

  display_name = g_filename_display_name (filename);
  return hr_json_parse_data (contents, length, display_name, error);
}
