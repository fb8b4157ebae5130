/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "hr-core.h"
#include "hr-preset-db.h"

G_BEGIN_DECLS

#define HR_TYPE_SCENARIO (hr_scenario_get_type ())

G_DECLARE_FINAL_TYPE (HrScenario, hr_scenario, HR, SCENARIO, GObject)

/* Where a scenario's source comes from. */
typedef enum
{
  HR_SCENARIO_SOURCE_IDEAL,    /* none chosen: 0 Ω, no limits (an output impedance may be set) */
  HR_SCENARIO_SOURCE_PRESET,   /* an output of a preset, by id or held inline */
  HR_SCENARIO_SOURCE_FIGURES,  /* figures without a preset: a --source-file */
} HrScenarioSourceKind;

/* Where its headphones come from. */
typedef enum
{
  HR_SCENARIO_HEADPHONE_NONE,
  HR_SCENARIO_HEADPHONE_PRESET,   /* a preset, by id or held inline */
  HR_SCENARIO_HEADPHONE_MODEL,    /* a model without a preset: a --headphone-file */
} HrScenarioHeadphoneKind;

/* The figures of a source that a scenario may put in place of its own:
 * headroom-cli's --vmax, --imax, --noise and --min-load. */
typedef enum
{
  HR_SOURCE_FIGURE_MAX_VOLTAGE,  /* Vrms */
  HR_SOURCE_FIGURE_MAX_CURRENT,  /* mA */
  HR_SOURCE_FIGURE_NOISE,        /* Vrms, A-weighted */
  HR_SOURCE_FIGURE_MIN_LOAD,     /* Ω */
} HrSourceFigure;

#define HR_N_SOURCE_FIGURES 4

/* A scenario as it stands against the presets of the moment: the circuit
 * to compute and what to call it. Made by hr_scenario_resolve(). */
typedef struct
{
  HrCircuit          circuit;           /* borrows @headphone */
  HrDrive            drive;
  double             crest_factor_db;
  HrHeadphone       *headphone;         /* the model, moved to the headphone impedance asked for */
  HrHeadphonePreset *headphone_preset;  /* NULL for a model without a preset */
  HrSourcePreset    *source_preset;     /* NULL for an ideal source or bare figures */
  guint              output_index;
  char              *headphone_name;    /* "HD 650" */
  char              *source_name;       /* "Fireface 800 · Line out", "a 10 Ω source" */
} HrScenarioCircuit;

HrScenario            *hr_scenario_new                  (void);
HrScenario            *hr_scenario_copy                 (HrScenario          *self);
void                   hr_scenario_freeze               (HrScenario          *self);
void                   hr_scenario_thaw                 (HrScenario          *self);

HrScenarioSourceKind   hr_scenario_get_source_kind      (HrScenario          *self);
void                   hr_scenario_set_ideal_source     (HrScenario          *self);
void                   hr_scenario_set_source_preset    (HrScenario          *self,
                                                         const char          *source_id,
                                                         const char          *output_id);
void                   hr_scenario_set_source_inline    (HrScenario          *self,
                                                         HrSourcePreset      *preset,
                                                         const char          *output_id);
void                   hr_scenario_set_source_figures   (HrScenario          *self,
                                                         const HrSource      *source,
                                                         const char          *name);
const char            *hr_scenario_get_source_id        (HrScenario          *self);
HrSourcePreset        *hr_scenario_get_source_inline    (HrScenario          *self);
void                   hr_scenario_get_source_figures   (HrScenario          *self,
                                                         HrSource            *source,
                                                         char               **name);
const char            *hr_scenario_get_output_id        (HrScenario          *self);

HrScenarioHeadphoneKind hr_scenario_get_headphone_kind  (HrScenario          *self);
void                   hr_scenario_set_headphone_preset (HrScenario          *self,
                                                         const char          *headphone_id);
void                   hr_scenario_set_headphone_inline (HrScenario          *self,
                                                         HrHeadphonePreset   *preset);
void                   hr_scenario_set_headphone_model  (HrScenario          *self,
                                                         HrHeadphone         *headphone);
void                   hr_scenario_clear_headphone      (HrScenario          *self);
const char            *hr_scenario_get_headphone_id     (HrScenario          *self);
HrHeadphonePreset     *hr_scenario_get_headphone_inline (HrScenario          *self);
HrHeadphone           *hr_scenario_get_headphone_model  (HrScenario          *self);

double                 hr_scenario_get_zout_ohm         (HrScenario          *self);
void                   hr_scenario_set_zout_ohm         (HrScenario          *self,
                                                         double               zout_ohm);
double                 hr_scenario_get_source_figure    (HrScenario          *self,
                                                         HrSourceFigure       figure);
void                   hr_scenario_set_source_figure    (HrScenario          *self,
                                                         HrSourceFigure       figure,
                                                         double               value);
const char            *hr_source_figure_to_key          (HrSourceFigure       figure);
void                   hr_scenario_set_response         (HrScenario          *self,
                                                         const HrResponsePoint *points,
                                                         guint                n_points);
const HrResponsePoint *hr_scenario_get_response         (HrScenario          *self,
                                                         guint               *n_points);
void                   hr_scenario_set_response_zout_ohm (HrScenario         *self,
                                                         double               zout_ohm);
double                 hr_scenario_get_response_zout_ohm (HrScenario         *self);
double                 hr_scenario_get_headphone_z_ohm  (HrScenario          *self);
void                   hr_scenario_set_headphone_z_ohm  (HrScenario          *self,
                                                         double               z_ohm);
const HrDrive         *hr_scenario_get_drive            (HrScenario          *self);
void                   hr_scenario_set_drive            (HrScenario          *self,
                                                         const HrDrive       *drive);
double                 hr_scenario_get_level_db_spl     (HrScenario          *self);
void                   hr_scenario_set_level_db_spl     (HrScenario          *self,
                                                         double               level_db_spl);
const HrConnection    *hr_scenario_get_connection       (HrScenario          *self);
double                 hr_scenario_get_cable_ohm        (HrScenario          *self);
void                   hr_scenario_set_cable_ohm        (HrScenario          *self,
                                                         double               cable_ohm);
double                 hr_scenario_get_adapter_series_ohm (HrScenario        *self);
void                   hr_scenario_set_adapter_series_ohm (HrScenario        *self,
                                                         double               series_ohm);
double                 hr_scenario_get_adapter_shunt_ohm (HrScenario         *self);
void                   hr_scenario_set_adapter_shunt_ohm (HrScenario         *self,
                                                         double               shunt_ohm);
double                 hr_scenario_get_crest_factor_db  (HrScenario          *self);
void                   hr_scenario_set_crest_factor_db  (HrScenario          *self,
                                                         double               crest_factor_db);

HrScenarioCircuit     *hr_scenario_resolve              (HrScenario          *self,
                                                         HrPresetDb          *db,
                                                         GError             **error);
HrSummary             *hr_scenario_compute              (HrScenario          *self,
                                                         HrPresetDb          *db,
                                                         HrSweep             *sweep,
                                                         HrScenarioCircuit  **resolved,
                                                         GError             **error);
char                  *hr_scenario_circuit_dup_label    (const HrScenarioCircuit *resolved);
char                  *hr_scenario_dup_name             (HrScenario          *self,
                                                         const HrScenarioCircuit *resolved);
void                   hr_scenario_circuit_free         (HrScenarioCircuit   *resolved);

JsonNode              *hr_scenario_to_json              (HrScenario          *self);
HrScenario            *hr_scenario_new_from_json        (JsonNode            *node,
                                                         const char          *path,
                                                         GError             **error);
char                  *hr_scenario_to_string            (HrScenario          *self);
HrScenario            *hr_scenario_new_from_string      (const char          *text,
                                                         const char          *display_name,
                                                         GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrScenarioCircuit, hr_scenario_circuit_free)

G_END_DECLS
