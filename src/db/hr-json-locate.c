/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "hr-json-locate.h"
#include "hr-json-read.h"

/* A second, forgiving pass over a JSON text that json-glib has already
 * accepted: it only has to find where values start, so it follows the
 * structure and skips over scalars without reading them. It accepts what
 * json-glib's scanner accepts besides strict JSON (single-quoted strings,
 * C comments, hex numbers) and, on anything it does not follow, stops and
 * keeps what it found: a problem then points at an enclosing value, never
 * at a wrong one.
 */

typedef struct
{
  guint line;
  guint column;
} Position;

struct _HrJsonLocator
{
  GHashTable *positions;  /* path → Position */
};

typedef struct
{
  const char *p;
  const char *end;
  guint       line;
  guint       column;
} Cursor;

typedef struct
{
  char     *path;
  guint     index;
  gboolean  is_array;
} Frame;

typedef enum
{
  STATE_VALUE,
  STATE_AFTER_VALUE,
  STATE_KEY,
  STATE_DONE,
} State;

static gboolean
at_end (const Cursor *cursor)
{
  return cursor->p >= cursor->end;
}

/* A column counts characters: it moves on at the first byte of each
 * UTF-8 sequence, not at its continuation bytes; the end counts as the
 * start of one more. */
static void
advance (Cursor *cursor)
{
  char c = *cursor->p;

  cursor->p++;
  if (c == '\n')
    {
      cursor->line++;
      cursor->column = 1;
    }
  else if (at_end (cursor) || (*cursor->p & 0xC0) != 0x80)
    cursor->column++;
}

static void
skip_space (Cursor *cursor)
{
  while (!at_end (cursor))
    {
      char c = *cursor->p;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        advance (cursor);
      else if (c == '/' && cursor->p + 1 < cursor->end && cursor->p[1] == '*')
        {
          advance (cursor);
          advance (cursor);
          while (!at_end (cursor) &&
                 !(*cursor->p == '*' && cursor->p + 1 < cursor->end && cursor->p[1] == '/'))
            advance (cursor);
          if (!at_end (cursor))
            {
              advance (cursor);
              advance (cursor);
            }
        }
      else
        return;
    }
}

static guint
hex_digits (const char *p,
            const char *end)
{
  guint value = 0;

  if (end - p < 4)
    return G_MAXUINT;
  for (guint i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return G_MAXUINT;
      value = value * 16 + (guint) digit;
    }
  return value;
}

/* Reads a quoted string; with @out, decodes it as json-glib does, so that
 * a key spelt with escapes makes the same path. */
static gboolean
read_string (Cursor  *cursor,
             GString *out)
{
  char quote = *cursor->p;

  advance (cursor);
  while (!at_end (cursor) && *cursor->p != quote)
    {
      char c = *cursor->p;

      if (c != '\\')
        {
          if (out != NULL)
            g_string_append_c (out, c);
          advance (cursor);
          continue;
        }

      advance (cursor);
      if (at_end (cursor))
        return FALSE;
      c = *cursor->p;
      advance (cursor);
      if (out == NULL)
        continue;

      switch (c)
        {
        case 'b': g_string_append_c (out, '\b'); break;
        case 'f': g_string_append_c (out, '\f'); break;
        case 'n': g_string_append_c (out, '\n'); break;
        case 'r': g_string_append_c (out, '\r'); break;
        case 't': g_string_append_c (out, '\t'); break;
        case 'u':
          {
            guint unit = hex_digits (cursor->p, cursor->end);
            gunichar ch;

            if (unit == G_MAXUINT)
              return FALSE;
            for (guint i = 0; i < 4; i++)
              advance (cursor);
            ch = unit;
            /* A surrogate pair spells one character outside the BMP. */
            if (unit >= 0xD800 && unit < 0xDC00 && cursor->end - cursor->p >= 6 &&
                cursor->p[0] == '\\' && cursor->p[1] == 'u')
              {
                guint low = hex_digits (cursor->p + 2, cursor->end);

                if (low >= 0xDC00 && low < 0xE000)
                  {
                    ch = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    for (guint i = 0; i < 6; i++)
                      advance (cursor);
                  }
              }
            g_string_append_unichar (out, ch);
          }
          break;
        default:
          g_string_append_c (out, c);
          break;
        }
    }

  if (at_end (cursor))
    return FALSE;
  advance (cursor);
  return TRUE;
}

static void
skip_scalar (Cursor *cursor)
{
  while (!at_end (cursor) && strchr (",]}: \t\r\n/", *cursor->p) == NULL)
    advance (cursor);
}

static void
record (HrJsonLocator *self,
        const char    *path,
        const Cursor  *cursor)
{
  Position *position = g_new (Position, 1);

  position->line = cursor->line;
  position->column = cursor->column;
  /* json-glib keeps the last of two members with one name; so do we. */
  g_hash_table_replace (self->positions, g_strdup (path), position);
}

static void
frame_clear (Frame *frame)
{
  g_clear_pointer (&frame->path, g_free);
}

static void
push (GArray     *frames,
      const char *path,
      gboolean    is_array)
{
  Frame frame = { g_strdup (path), 0, is_array };

  g_array_append_val (frames, frame);
}

/* Where a value starts: records it, and opens a container. */
static State
scan_value (HrJsonLocator *self,
            Cursor        *cursor,
            GArray        *frames,
            char         **path)
{
  char c;

  skip_space (cursor);
  if (at_end (cursor))
    return STATE_DONE;

  record (self, *path, cursor);
  c = *cursor->p;

  if (c == '{' || c == '[')
    {
      gboolean is_array = c == '[';

      push (frames, *path, is_array);
      advance (cursor);
      skip_space (cursor);
      if (!at_end (cursor) && *cursor->p == (is_array ? ']' : '}'))
        return STATE_AFTER_VALUE;
      if (!is_array)
        return STATE_KEY;
      g_free (*path);
      *path = hr_json_path_index (g_array_index (frames, Frame, frames->len - 1).path, 0);
      return STATE_VALUE;
    }

  if (c == '"' || c == '\'')
    return read_string (cursor, NULL) ? STATE_AFTER_VALUE : STATE_DONE;

  skip_scalar (cursor);
  return STATE_AFTER_VALUE;
}

static State
scan_key (Cursor  *cursor,
          GArray  *frames,
          char   **path)
{
  g_autoptr(GString) key = g_string_new (NULL);

  skip_space (cursor);
  if (at_end (cursor) || (*cursor->p != '"' && *cursor->p != '\'') ||
      !read_string (cursor, key))
    return STATE_DONE;

  skip_space (cursor);
  if (at_end (cursor) || *cursor->p != ':')
    return STATE_DONE;
  advance (cursor);

  g_free (*path);
  *path = hr_json_path_member (g_array_index (frames, Frame, frames->len - 1).path, key->str);
  return STATE_VALUE;
}

static State
scan_after_value (Cursor  *cursor,
                  GArray  *frames,
                  char   **path)
{
  Frame *frame;

  skip_space (cursor);
  if (frames->len == 0 || at_end (cursor))
    return STATE_DONE;

  frame = &g_array_index (frames, Frame, frames->len - 1);
  if (*cursor->p == ',')
    {
      advance (cursor);
      if (!frame->is_array)
        return STATE_KEY;
      frame->index++;
      g_free (*path);
      *path = hr_json_path_index (frame->path, frame->index);
      return STATE_VALUE;
    }

  if (*cursor->p == (frame->is_array ? ']' : '}'))
    {
      advance (cursor);
      g_array_set_size (frames, frames->len - 1);
      return STATE_AFTER_VALUE;
    }

  return STATE_DONE;
}

/**
 * hr_json_locator_new:
 * @text: the document, which need not be NUL-terminated
 *
 * Returns: (transfer full): the positions of every value in @text
 */
HrJsonLocator *
hr_json_locator_new (const char *text,
                     gsize       length)
{
  HrJsonLocator *self = g_new0 (HrJsonLocator, 1);
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autofree char *path = g_strdup ("");
  Cursor cursor = { text, text + length, 1, 1 };
  State state = STATE_VALUE;

  g_return_val_if_fail (text != NULL || length == 0, self);

  self->positions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_array_set_clear_func (frames, (GDestroyNotify) frame_clear);

  while (state != STATE_DONE)
    {
      switch (state)
        {
        case STATE_VALUE:
          state = scan_value (self, &cursor, frames, &path);
          break;
        case STATE_KEY:
          state = scan_key (&cursor, frames, &path);
          break;
        case STATE_AFTER_VALUE:
          state = scan_after_value (&cursor, frames, &path);
          break;
        case STATE_DONE:
        default:
          g_assert_not_reached ();
        }
    }

  return self;
}

void
hr_json_locator_free (HrJsonLocator *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->positions, g_hash_table_unref);
  g_free (self);
}

/* "a.b[2].c" → "a.b[2]" → "a.b" → "a" → "": the enclosing value. Keys
 * with dots or brackets in them are not in our schema. */
static gboolean
strip_last_step (char *path)
{
  char *last;

  if (path[0] == '\0')
    return FALSE;

  last = path + strlen (path) - 1;
  if (*last == ']')
    {
      char *open = strrchr (path, '[');

      if (open != NULL)
        {
          *open = '\0';
          return TRUE;
        }
    }

  last = strrchr (path, '.');
  if (last != NULL)
    *last = '\0';
  else
    path[0] = '\0';
  return TRUE;
}

/**
 * hr_json_locator_find:
 * @path: a JSON path, which may name a value that is not there (a missing
 *   field, or a model's name for a field such as "points[1].freq_hz")
 *
 * Finds the value at @path or, failing that, the nearest value that
 * encloses it, which is where the missing thing belongs.
 *
 * Returns: the path that was found, owned by @self, or NULL when the text
 *   held no value at all (then line and column are 1)
 */
const char *
hr_json_locator_find (HrJsonLocator *self,
                      const char    *path,
                      guint         *line,
                      guint         *column)
{
  g_autofree char *candidate = g_strdup (path != NULL ? path : "");

  *line = 1;
  *column = 1;

  do
    {
      gpointer key;
      gpointer value;

      if (g_hash_table_lookup_extended (self->positions, candidate, &key, &value))
        {
          const Position *position = value;

          *line = position->line;
          *column = position->column;
          return key;
        }
    }
  while (strip_last_step (candidate));

  return NULL;
}

/* The line and column of a byte offset, counted as the locator counts. */
void
hr_json_text_position (const char *text,
                       gsize       offset,
                       guint      *line,
                       guint      *column)
{
  Cursor cursor = { text, text + offset, 1, 1 };

  while (!at_end (&cursor))
    advance (&cursor);
  *line = cursor.line;
  *column = cursor.column;
}
