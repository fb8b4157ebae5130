/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-core.h"
#include "hr-db-error.h"
#include "hr-json-read.h"
#include "hr-preset-cache.h"
#include "hr-preset-private.h"

/* What sources and headphones have in common as presets: an id, names,
 * notes, where they were read from, and the JSON they were read from,
 * which is what the user's file keeps when it is written back.
 *
 * A preset comes either whole from JSON, or from a compiled cache in two
 * steps: listed first, with only what lists and search show (its id,
 * names, category or type), and its body (everything else) read on first
 * use by hr_preset_ensure_body(), which every getter of the body calls.
 * Loading 10,000 presets thus builds 10,000 small objects over a mapped
 * file, and no figure, provenance string or JSON node until one is asked
 * for.
 */

typedef struct
{
  HrPresetKind    kind;
  guint           class_index;   /* of the source categories or headphone types */
  const char     *id;            /* these three owned, or the cache's (below) */
  const char     *name;
  const char     *manufacturer;
  char           *notes;
  HrPresetOrigin  origin;
  char           *filename;      /* a GRefString: a file's presets share theirs */
  gboolean        overrides_bundled;
  gboolean        generic;
  JsonNode       *json;
  /* A preset listed from a compiled cache (hr-preset-cache.c): what lists
   * and search need is read from the mapped file when it is listed, its
   * body (figures, notes, JSON) on first use, once, from any thread. */
  HrPresetCache  *cache;
  guint           cache_record;
  guint           cache_index;
  gsize           body_ready;
} HrPresetPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HrPreset, hr_preset, G_TYPE_OBJECT)

gboolean
hr_figure_is_known (const HrFigure *figure)
{
  g_return_val_if_fail (figure != NULL, FALSE);

  return !isnan (figure->value);
}

void
hr_figure_clear (HrFigure *figure)
{
  figure->value = HR_UNKNOWN;
  g_clear_pointer (&figure->source, g_free);
  g_clear_pointer (&figure->given, g_free);
}

void
hr_figure_set (HrFigure   *figure,
               double      value,
               const char *source)
{
  g_free (figure->source);
  g_clear_pointer (&figure->given, g_free);
  figure->value = value;
  figure->source = g_strdup (source);
}

const char *
hr_preset_kind_to_string (HrPresetKind kind)
{
  switch (kind)
    {
    case HR_PRESET_KIND_SOURCE:
      return "source";
    case HR_PRESET_KIND_HEADPHONE:
      return "headphone";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
hr_preset_kind_from_string (const char   *text,
                            HrPresetKind *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (g_strcmp0 (text, "source") == 0)
    *kind = HR_PRESET_KIND_SOURCE;
  else if (g_strcmp0 (text, "headphone") == 0)
    *kind = HR_PRESET_KIND_HEADPHONE;
  else
    return FALSE;
  return TRUE;
}

const char *
hr_preset_origin_to_string (HrPresetOrigin origin)
{
  switch (origin)
    {
    case HR_PRESET_ORIGIN_BUNDLED:
      return "bundled";
    case HR_PRESET_ORIGIN_USER:
      return "user";
    case HR_PRESET_ORIGIN_OPENED:
      return "opened";
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
hr_preset_finalize (GObject *object)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (HR_PRESET (object));

  if (priv->cache == NULL)
    {
      g_free ((char *) priv->id);
      g_free ((char *) priv->name);
      g_free ((char *) priv->manufacturer);
    }
  g_clear_pointer (&priv->notes, g_free);
  g_clear_pointer (&priv->filename, g_ref_string_release);
  g_clear_pointer (&priv->json, json_node_unref);
  g_clear_pointer (&priv->cache, hr_preset_cache_unref);

  G_OBJECT_CLASS (hr_preset_parent_class)->finalize (object);
}

static void
hr_preset_class_init (HrPresetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hr_preset_finalize;
}

static void
hr_preset_init (HrPreset *self)
{
}

/* @json: (transfer none): the preset's own object, kept as it is */
void
hr_preset_set_common (HrPreset     *self,
                      HrPresetKind  kind,
                      guint         class_index,
                      const char   *id,
                      const char   *name,
                      const char   *manufacturer,
                      const char   *notes,
                      JsonNode     *json)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_assert (priv->cache == NULL);

  priv->kind = kind;
  priv->class_index = class_index;
  priv->id = g_strdup (id);
  priv->name = g_strdup (name);
  priv->manufacturer = g_strdup (manufacturer);
  priv->notes = g_strdup (notes);
  priv->json = json_node_ref (json);
  /* Whole from the start: not yet seen by any other thread. */
  priv->body_ready = 1;
}

/**
 * hr_preset_new_compiled:
 * @id: (transfer none): in @cache's data, as @name and @manufacturer are
 * @filename: (transfer none): a #GRefString, shared by the file's presets
 *
 * A preset as a compiled cache lists it: its body is read from @cache on
 * first use.
 *
 * Returns: (transfer full): the preset, of @type
 */
HrPreset *
hr_preset_new_compiled (GType           type,
                        HrPresetKind    kind,
                        guint           class_index,
                        gboolean        generic,
                        const char     *id,
                        const char     *name,
                        const char     *manufacturer,
                        HrPresetCache  *cache,
                        guint           record,
                        guint           index,
                        HrPresetOrigin  origin,
                        char           *filename)
{
  HrPreset *self = g_object_new (type, NULL);
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  priv->kind = kind;
  priv->class_index = class_index;
  priv->generic = generic;
  priv->id = id;
  priv->name = name;
  priv->manufacturer = manufacturer;
  priv->cache = hr_preset_cache_ref (cache);
  priv->cache_record = record;
  priv->cache_index = index;
  priv->origin = origin;
  priv->filename = g_ref_string_acquire (filename);
  return self;
}

/* Reads the body of a preset listed from a compiled cache, once; a no-op
 * for any other. The cache hands over a whole preset, with the same id,
 * names, class and generic flag (hr_preset_cache_read_body() sees to it,
 * whatever the cache holds), whose body this one takes. Ranking reads
 * presets from a worker thread: whichever thread comes first reads it,
 * any other waits for it. */
void
hr_preset_ensure_body (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  if (g_once_init_enter (&priv->body_ready))
    {
      g_autoptr(HrPreset) whole = hr_preset_cache_read_body (priv->cache, priv->cache_record,
                                                             priv->cache_index, self);
      HrPresetPrivate *whole_priv = hr_preset_get_instance_private (whole);

      HR_PRESET_GET_CLASS (self)->take_body (self, whole);
      priv->notes = g_steal_pointer (&whole_priv->notes);
      priv->json = g_steal_pointer (&whole_priv->json);
      g_once_init_leave (&priv->body_ready, 1);
    }
}

/* Whether the preset was listed from a compiled cache (for the tests). */
gboolean
hr_preset_get_compiled (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  return priv->cache != NULL;
}

guint
hr_preset_get_class_index (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  return priv->class_index;
}

void
hr_preset_set_origin (HrPreset       *self,
                      HrPresetOrigin  origin,
                      const char     *filename)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  priv->origin = origin;
  g_clear_pointer (&priv->filename, g_ref_string_release);
  priv->filename = filename != NULL ? g_ref_string_new (filename) : NULL;
}

void
hr_preset_set_overrides_bundled (HrPreset *self,
                                 gboolean  overrides)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  priv->overrides_bundled = overrides;
}

HrPresetKind
hr_preset_get_kind (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), HR_PRESET_KIND_SOURCE);

  return priv->kind;
}

const char *
hr_preset_get_id (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  return priv->id;
}

const char *
hr_preset_get_name (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  return priv->name;
}

const char *
hr_preset_get_manufacturer (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  return priv->manufacturer;
}

void
hr_preset_set_generic (HrPreset *self,
                       gboolean  generic)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  priv->generic = generic;
}

/**
 * hr_preset_get_generic:
 *
 * Whether the preset is a typical design and not a product ("generic":
 * true, SCHEMA.md): built from a datasheet or an engineering reference,
 * and listed as "Typical …".
 */
gboolean
hr_preset_get_generic (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), FALSE);

  return priv->generic;
}

/* "Sennheiser HD 600": the name alone often says nothing. A typical
 * design has no maker to name. */
char *
hr_preset_dup_display_name (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  if (priv->generic || priv->manufacturer == NULL || priv->manufacturer[0] == '\0' ||
      g_str_has_prefix (priv->name, priv->manufacturer))
    return g_strdup (priv->name);
  return g_strdup_printf ("%s %s", priv->manufacturer, priv->name);
}

const char *
hr_preset_get_class_name (HrPreset *self)
{
  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  return HR_PRESET_GET_CLASS (self)->get_class_name (self);
}

const char *
hr_preset_get_notes (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  hr_preset_ensure_body (self);
  return priv->notes;
}

HrPresetOrigin
hr_preset_get_origin (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), HR_PRESET_ORIGIN_BUNDLED);

  return priv->origin;
}

const char *
hr_preset_get_filename (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  return priv->filename;
}

gboolean
hr_preset_get_overrides_bundled (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), FALSE);

  return priv->overrides_bundled;
}

/**
 * hr_preset_get_json:
 *
 * Returns: (transfer none): the preset's object as the file has it
 */
JsonNode *
hr_preset_get_json (HrPreset *self)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), NULL);

  hr_preset_ensure_body (self);
  return priv->json;
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *casefolded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, casefolded_needle) != NULL;
}

/**
 * hr_preset_matches:
 * @casefolded_text: what the user typed, through g_utf8_casefold()
 *
 * Search is a substring of the name, the manufacturer, the id, or the
 * category or type, whatever the case.
 */
gboolean
hr_preset_matches (HrPreset   *self,
                   const char *casefolded_text)
{
  HrPresetPrivate *priv = hr_preset_get_instance_private (self);

  g_return_val_if_fail (HR_IS_PRESET (self), FALSE);

  if (casefolded_text == NULL || casefolded_text[0] == '\0')
    return TRUE;

  return contains_casefolded (priv->name, casefolded_text) ||
         contains_casefolded (priv->manufacturer, casefolded_text) ||
         contains_casefolded (priv->id, casefolded_text) ||
         contains_casefolded (hr_preset_get_class_name (self), casefolded_text);
}

/* [a-z0-9]+(-[a-z0-9]+)*: stable in URLs, file names and command lines. */
gboolean
hr_preset_id_is_valid (const char *id)
{
  gboolean after_hyphen = TRUE;

  if (id == NULL || id[0] == '\0')
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    {
      if (*p == '-')
        {
          if (after_hyphen)
            return FALSE;
          after_hyphen = TRUE;
        }
      else if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        after_hyphen = FALSE;
      else
        return FALSE;
    }

  return !after_hyphen;
}

void
hr_preset_add_error (GPtrArray *errors,
                     GError    *error)
{
  if (error != NULL)
    g_ptr_array_add (errors, error);
}

static void
read_required_text (JsonObject  *object,
                    const char  *path,
                    const char  *key,
                    GPtrArray   *errors,
                    const char **value)
{
  GError *error = NULL;

  *value = NULL;
  if (!hr_json_require_string (object, path, key, value, &error))
    {
      hr_preset_add_error (errors, error);
      return;
    }

  if ((*value)[0] == '\0')
    {
      g_autofree char *field = hr_json_path_member (path, key);

      *value = NULL;
      g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                            _("%s must not be empty"), field));
    }
}

/**
 * hr_preset_read_common:
 *
 * Reads "id", "name", "manufacturer" and "notes", adding a problem for
 * each that is wrong; a wrong one is left NULL. The strings point into
 * @object.
 */
void
hr_preset_read_common (JsonObject  *object,
                       const char  *path,
                       GPtrArray   *errors,
                       const char **id,
                       const char **name,
                       const char **manufacturer,
                       const char **notes)
{
  GError *error = NULL;

  read_required_text (object, path, "id", errors, id);
  if (*id != NULL && !hr_preset_id_is_valid (*id))
    {
      g_autofree char *field = hr_json_path_member (path, "id");

      g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                            /* Translators: keep the pattern as it is */
                                            _("%s must be lower-case letters and digits in words "
                                              "joined by single hyphens ([a-z0-9]+(-[a-z0-9]+)*), "
                                              "got “%s”"),
                                            field, *id));
      *id = NULL;
    }

  read_required_text (object, path, "name", errors, name);
  read_required_text (object, path, "manufacturer", errors, manufacturer);

  *notes = NULL;
  if (!hr_json_optional_string (object, path, "notes", notes, &error))
    hr_preset_add_error (errors, error);
}

/**
 * hr_preset_read_choice:
 * @choices: (array zero-terminated=1): the words the schema allows
 * @index: (out): which one it is
 *
 * A required string out of a fixed set: a category, a type, a kind.
 */
gboolean
hr_preset_read_choice (JsonObject         *object,
                       const char         *path,
                       const char         *key,
                       const char *const  *choices,
                       guint              *index,
                       GPtrArray          *errors)
{
  g_autofree char *field = NULL;
  g_autofree char *list = NULL;
  GError *error = NULL;
  const char *text;

  if (!hr_json_require_string (object, path, key, &text, &error))
    {
      hr_preset_add_error (errors, error);
      return FALSE;
    }

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (text, choices[i]))
        {
          *index = i;
          return TRUE;
        }
    }

  field = hr_json_path_member (path, key);
  list = g_strjoinv (", ", (char **) choices);
  g_ptr_array_add (errors, g_error_new (HR_DB_ERROR, HR_DB_ERROR_INVALID_VALUE,
                                        _("%s must be one of %s, got “%s”"),
                                        field, list, text));
  return FALSE;
}

/**
 * hr_preset_read_figure:
 * @zero_allowed: whether 0 is a figure (an output impedance, a capacitor
 *   for none) or a mistake (a limit, an impedance)
 * @figure: (out caller-allocates): unknown when the figure is left out
 *
 * Returns: FALSE when there was a problem, added to @errors
 */
gboolean
hr_preset_read_figure (JsonObject *object,
                       const char *path,
                       const char *key,
                       gboolean    required,
                       gboolean    zero_allowed,
                       HrFigure   *figure,
                       GPtrArray  *errors)
{
  return hr_preset_read_figure_given (object, path, key, required, zero_allowed, NAN, figure, errors);
}

/**
 * hr_preset_read_figure_given:
 * @max_voltage_vrms: the output's maximum, for a noise given as a dynamic
 *   range; NAN where there is none
 *
 * hr_preset_read_figure(), for a figure that may be given as a sheet
 * prints it ("given": "-95 dBu"), kept as given.
 */
gboolean
hr_preset_read_figure_given (JsonObject *object,
                             const char *path,
                             const char *key,
                             gboolean    required,
                             gboolean    zero_allowed,
                             double      max_voltage_vrms,
                             HrFigure   *figure,
                             GPtrArray  *errors)
{
  g_autofree char *field = hr_json_path_member (path, key);
  GError *error = NULL;
  const char *source = NULL;
  const char *given = NULL;
  double value = HR_UNKNOWN;
  JsonNode *node = json_object_get_member (object, key);
  gboolean ok = TRUE;

  figure->value = HR_UNKNOWN;
  figure->source = NULL;
  figure->given = NULL;

  if (required && hr_json_require_member (object, path, key, &error) == NULL)
    ok = FALSE;
  else if (node != NULL && (required || !JSON_NODE_HOLDS_NULL (node)))
    ok = hr_json_node_get_figure_given (node, field, max_voltage_vrms, &value, &source, &given, &error);

  if (ok && !isnan (value))
    {
      /* The check names the whole path, so that the message is one the
       * loader can place. */
      ok = zero_allowed ? hr_check_non_negative (field, value, &error)
                        : hr_check_positive (field, value, &error);
    }

  if (!ok)
    {
      hr_preset_add_error (errors, error);
      return FALSE;
    }

  hr_figure_set (figure, value, source);
  figure->given = g_strdup (given);
  return TRUE;
}
