/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HR_TYPE_PRESET (hr_preset_get_type ())

G_DECLARE_DERIVABLE_TYPE (HrPreset, hr_preset, HR, PRESET, GObject)

typedef enum
{
  HR_PRESET_KIND_SOURCE,
  HR_PRESET_KIND_HEADPHONE,
} HrPresetKind;

/* Where a preset was read from. A user preset with the id of a bundled
 * one replaces it, and says so (hr_preset_get_overrides_bundled()). */
typedef enum
{
  HR_PRESET_ORIGIN_BUNDLED,
  HR_PRESET_ORIGIN_USER,
  HR_PRESET_ORIGIN_OPENED,  /* inline in a comparison opened this session; its filename is the file's */
} HrPresetOrigin;

/* A figure of a spec sheet and where it comes from (SCHEMA.md, "Figures
 * and their provenance"). A figure left out of the preset is unknown:
 * value HR_UNKNOWN (NAN), and no source. */
typedef struct
{
  double  value;
  char   *source;  /* the document or measurement, or NULL when not said */
  char   *given;   /* as the sheet prints it, "+18 dBu", or NULL */
} HrFigure;

struct _HrPresetClass
{
  GObjectClass parent_class;

  /* The category of a source, the type of a headphone, as the schema
   * spells it: what search and listings show next to the name. */
  const char *(*get_class_name) (HrPreset *self);
  /* Swaps the body of the kind (everything but the common fields) with
   * @from's, of the same type: how a preset listed from a compiled cache
   * gets its figures (hr_preset_ensure_body()). */
  void        (*take_body)      (HrPreset *self,
                                 HrPreset *from);
};

gboolean        hr_figure_is_known               (const HrFigure *figure);
void            hr_figure_clear                  (HrFigure       *figure);

const char     *hr_preset_kind_to_string         (HrPresetKind    kind);
gboolean        hr_preset_kind_from_string       (const char     *text,
                                                  HrPresetKind   *kind);
const char     *hr_preset_origin_to_string       (HrPresetOrigin  origin);

HrPresetKind    hr_preset_get_kind               (HrPreset       *self);
const char     *hr_preset_get_id                 (HrPreset       *self);
const char     *hr_preset_get_name               (HrPreset       *self);
const char     *hr_preset_get_manufacturer       (HrPreset       *self);
char           *hr_preset_dup_display_name       (HrPreset       *self);
const char     *hr_preset_get_class_name         (HrPreset       *self);
const char     *hr_preset_get_notes              (HrPreset       *self);
HrPresetOrigin  hr_preset_get_origin             (HrPreset       *self);
const char     *hr_preset_get_filename           (HrPreset       *self);
gboolean        hr_preset_get_overrides_bundled  (HrPreset       *self);
gboolean        hr_preset_get_generic            (HrPreset       *self);
JsonNode       *hr_preset_get_json               (HrPreset       *self);
gboolean        hr_preset_matches                (HrPreset       *self,
                                                  const char     *casefolded_text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HrFigure, hr_figure_clear)

G_END_DECLS
