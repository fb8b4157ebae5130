/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-labels.h"
#include "hr-scenario-private.h"

/* A scenario: what the user asks about, as they chose it. The gear (a
 * preset's output and a preset's headphones by id, or gear held inline),
 * the level, the cable, the adapter, and the figures that the user moved
 * away from the gear's own. It is the one path from a choice to a
 * circuit: the window's live configuration and its pins, and every
 * command of `headroom-cli`, go through hr_scenario_resolve() and
 * hr_scenario_compute().
 *
 * Gear is kept by id and looked up at each resolve, so that a pin made
 * yesterday follows a preset corrected today. The figures the user moved
 * are kept as values; NAN means "the gear's own".
 *
 * Each change notifies its property and then emits "changed". Between
 * hr_scenario_freeze() and hr_scenario_thaw() the changes are gathered,
 * and "changed" comes once at the end: a new preset moves several
 * figures, and the window computes once.
 */


G_DEFINE_FINAL_TYPE (HrScenario, hr_scenario, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ZOUT_OHM,
  PROP_HEADPHONE_Z_OHM,
  PROP_LEVEL_DB_SPL,
  PROP_CABLE_OHM,
  PROP_ADAPTER_SERIES_OHM,
  PROP_ADAPTER_SHUNT_OHM,
  PROP_CREST_FACTOR_DB,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The default level: a loud but ordinary listening level at 1 kHz. */
#define DEFAULT_LEVEL_DB_SPL 90.0

static void
emit_changed (HrScenario *self)
{
  if (self->freeze_count > 0)
    {
      self->changed_while_frozen = TRUE;
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

void
hr_scenario_freeze (HrScenario *self)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  if (self->freeze_count++ == 0)
    g_object_freeze_notify (G_OBJECT (self));
}

void
hr_scenario_thaw (HrScenario *self)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (self->freeze_count > 0);

  if (--self->freeze_count > 0)
    return;
  g_object_thaw_notify (G_OBJECT (self));
  if (self->changed_while_frozen)
    {
      self->changed_while_frozen = FALSE;
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/* Two values are the same figure, NAN included: no notification for a
 * slider set to where it already is. */
static gboolean
same_value (double a,
            double b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return a == b;
}

static void
set_double (HrScenario *self,
            double     *field,
            double      value,
            guint       prop_id)
{
  if (same_value (*field, value))
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  emit_changed (self);
}

static void
clear_source (HrScenario *self)
{
  g_clear_pointer (&self->source_id, g_free);
  g_clear_pointer (&self->output_id, g_free);
  g_clear_object (&self->source_inline);
  g_clear_pointer (&self->source_name, g_free);
  self->source_figures = (HrSource) HR_SOURCE_INIT;
}

static void
clear_headphone (HrScenario *self)
{
  g_clear_pointer (&self->headphone_id, g_free);
  g_clear_object (&self->headphone_inline);
  g_clear_object (&self->headphone_model);
}

static void
hr_scenario_finalize (GObject *object)
{
  HrScenario *self = HR_SCENARIO (object);

  clear_source (self);
  clear_headphone (self);
  g_clear_pointer (&self->response, g_array_unref);

  G_OBJECT_CLASS (hr_scenario_parent_class)->finalize (object);
}

static void
hr_scenario_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HrScenario *self = HR_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ZOUT_OHM:
      g_value_set_double (value, self->zout_ohm);
      break;
    case PROP_HEADPHONE_Z_OHM:
      g_value_set_double (value, self->headphone_z_ohm);
      break;
    case PROP_LEVEL_DB_SPL:
      g_value_set_double (value, hr_scenario_get_level_db_spl (self));
      break;
    case PROP_CABLE_OHM:
      g_value_set_double (value, self->connection.cable_ohm);
      break;
    case PROP_ADAPTER_SERIES_OHM:
      g_value_set_double (value, self->connection.adapter_series_ohm);
      break;
    case PROP_ADAPTER_SHUNT_OHM:
      g_value_set_double (value, self->connection.adapter_shunt_ohm);
      break;
    case PROP_CREST_FACTOR_DB:
      g_value_set_double (value, self->crest_factor_db);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_scenario_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HrScenario *self = HR_SCENARIO (object);

  switch (prop_id)
    {
    case PROP_ZOUT_OHM:
      hr_scenario_set_zout_ohm (self, g_value_get_double (value));
      break;
    case PROP_HEADPHONE_Z_OHM:
      hr_scenario_set_headphone_z_ohm (self, g_value_get_double (value));
      break;
    case PROP_LEVEL_DB_SPL:
      hr_scenario_set_level_db_spl (self, g_value_get_double (value));
      break;
    case PROP_CABLE_OHM:
      hr_scenario_set_cable_ohm (self, g_value_get_double (value));
      break;
    case PROP_ADAPTER_SERIES_OHM:
      hr_scenario_set_adapter_series_ohm (self, g_value_get_double (value));
      break;
    case PROP_ADAPTER_SHUNT_OHM:
      hr_scenario_set_adapter_shunt_ohm (self, g_value_get_double (value));
      break;
    case PROP_CREST_FACTOR_DB:
      hr_scenario_set_crest_factor_db (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
double_property (const char *name,
                 double      default_value)
{
  /* INFINITY is a value here (no shunt): the range takes in the
   * infinities, which GObject would otherwise clamp to G_MAXDOUBLE. NAN
   * (the gear's own figure) fails GObject's checks, so it is set through
   * the C setters, never a property. */
  return g_param_spec_double (name, NULL, NULL, -INFINITY, INFINITY, default_value,
                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
hr_scenario_class_init (HrScenarioClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hr_scenario_finalize;
  object_class->get_property = hr_scenario_get_property;
  object_class->set_property = hr_scenario_set_property;

  properties[PROP_ZOUT_OHM] = double_property ("zout-ohm", 0.0);
  properties[PROP_HEADPHONE_Z_OHM] = double_property ("headphone-z-ohm", 0.0);
  properties[PROP_LEVEL_DB_SPL] = double_property ("level-db-spl", DEFAULT_LEVEL_DB_SPL);
  properties[PROP_CABLE_OHM] = double_property ("cable-ohm", 0.0);
  properties[PROP_ADAPTER_SERIES_OHM] = double_property ("adapter-series-ohm", 0.0);
  properties[PROP_ADAPTER_SHUNT_OHM] = double_property ("adapter-shunt-ohm", 0.0);
  properties[PROP_CREST_FACTOR_DB] = double_property ("crest-factor-db", HR_DEFAULT_CREST_FACTOR_DB);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HrScenario::changed:
   *
   * Anything that the computed answer depends on changed: the gear, a
   * figure, the level or the connection. Once per hr_scenario_thaw().
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
hr_scenario_init (HrScenario *self)
{
  self->source_kind = HR_SCENARIO_SOURCE_IDEAL;
  self->source_figures = (HrSource) HR_SOURCE_INIT;
  self->headphone_kind = HR_SCENARIO_HEADPHONE_NONE;
  self->zout_ohm = NAN;
  for (guint i = 0; i < HR_N_SOURCE_FIGURES; i++)
    self->source_figures_set[i] = NAN;
  self->response_zout_ohm = NAN;
  self->headphone_z_ohm = NAN;
  self->drive = (HrDrive) { HR_DRIVE_SPL, DEFAULT_LEVEL_DB_SPL };
  self->connection = (HrConnection) HR_CONNECTION_INIT;
  self->crest_factor_db = HR_DEFAULT_CREST_FACTOR_DB;
}

HrScenario *
hr_scenario_new (void)
{
  return g_object_new (HR_TYPE_SCENARIO, NULL);
}

/* A scenario of its own with the same choices: what a pin keeps. */
HrScenario *
hr_scenario_copy (HrScenario *self)
{
  HrScenario *copy;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  copy = hr_scenario_new ();
  copy->source_kind = self->source_kind;
  copy->source_id = g_strdup (self->source_id);
  copy->output_id = g_strdup (self->output_id);
  g_set_object (&copy->source_inline, self->source_inline);
  copy->source_figures = self->source_figures;
  copy->source_name = g_strdup (self->source_name);
  copy->headphone_kind = self->headphone_kind;
  copy->headphone_id = g_strdup (self->headphone_id);
  g_set_object (&copy->headphone_inline, self->headphone_inline);
  g_set_object (&copy->headphone_model, self->headphone_model);
  copy->zout_ohm = self->zout_ohm;
  memcpy (copy->source_figures_set, self->source_figures_set, sizeof self->source_figures_set);
  if (self->response != NULL)
    copy->response = g_array_copy (self->response);
  copy->response_zout_ohm = self->response_zout_ohm;
  copy->headphone_z_ohm = self->headphone_z_ohm;
  copy->drive = self->drive;
  copy->connection = self->connection;
  copy->crest_factor_db = self->crest_factor_db;
  return copy;
}

HrScenarioSourceKind
hr_scenario_get_source_kind (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), HR_SCENARIO_SOURCE_IDEAL);

  return self->source_kind;
}

void
hr_scenario_set_ideal_source (HrScenario *self)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  clear_source (self);
  self->source_kind = HR_SCENARIO_SOURCE_IDEAL;
  emit_changed (self);
}

/**
 * hr_scenario_set_source_preset:
 * @output_id: (nullable): an output's id or name; %NULL for the first
 */
void
hr_scenario_set_source_preset (HrScenario *self,
                               const char *source_id,
                               const char *output_id)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (source_id != NULL);

  if (self->source_kind == HR_SCENARIO_SOURCE_PRESET && self->source_inline == NULL
      && g_strcmp0 (self->source_id, source_id) == 0
      && g_strcmp0 (self->output_id, output_id) == 0)
    return;
  clear_source (self);
  self->source_kind = HR_SCENARIO_SOURCE_PRESET;
  self->source_id = g_strdup (source_id);
  self->output_id = g_strdup (output_id);
  emit_changed (self);
}

/* A preset that the database may not hold: one opened from a file made
 * on another machine. */
void
hr_scenario_set_source_inline (HrScenario     *self,
                               HrSourcePreset *preset,
                               const char     *output_id)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (HR_IS_SOURCE_PRESET (preset));

  clear_source (self);
  self->source_kind = HR_SCENARIO_SOURCE_PRESET;
  self->source_id = g_strdup (hr_preset_get_id (HR_PRESET (preset)));
  self->output_id = g_strdup (output_id);
  self->source_inline = g_object_ref (preset);
  emit_changed (self);
}

void
hr_scenario_set_source_figures (HrScenario     *self,
                                const HrSource *source,
                                const char     *name)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (source != NULL);

  clear_source (self);
  self->source_kind = HR_SCENARIO_SOURCE_FIGURES;
  self->source_figures = *source;
  self->source_name = g_strdup (name);
  emit_changed (self);
}

const char *
hr_scenario_get_source_id (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return self->source_id;
}

const char *
hr_scenario_get_output_id (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return self->output_id;
}

/* Returns: (transfer none) (nullable): the preset held inline */
HrSourcePreset *
hr_scenario_get_source_inline (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return self->source_inline;
}

/* @name: (out) (optional) (transfer full) */
void
hr_scenario_get_source_figures (HrScenario  *self,
                                HrSource    *source,
                                char       **name)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  *source = self->source_figures;
  if (name != NULL)
    *name = g_strdup (self->source_name);
}

HrScenarioHeadphoneKind
hr_scenario_get_headphone_kind (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), HR_SCENARIO_HEADPHONE_NONE);

  return self->headphone_kind;
}

void
hr_scenario_set_headphone_preset (HrScenario *self,
                                  const char *headphone_id)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (headphone_id != NULL);

  if (self->headphone_kind == HR_SCENARIO_HEADPHONE_PRESET && self->headphone_inline == NULL
      && g_strcmp0 (self->headphone_id, headphone_id) == 0)
    return;
  clear_headphone (self);
  self->headphone_kind = HR_SCENARIO_HEADPHONE_PRESET;
  self->headphone_id = g_strdup (headphone_id);
  emit_changed (self);
}

void
hr_scenario_set_headphone_inline (HrScenario        *self,
                                  HrHeadphonePreset *preset)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (HR_IS_HEADPHONE_PRESET (preset));

  clear_headphone (self);
  self->headphone_kind = HR_SCENARIO_HEADPHONE_PRESET;
  self->headphone_id = g_strdup (hr_preset_get_id (HR_PRESET (preset)));
  self->headphone_inline = g_object_ref (preset);
  emit_changed (self);
}

void
hr_scenario_set_headphone_model (HrScenario  *self,
                                 HrHeadphone *headphone)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (HR_IS_HEADPHONE (headphone));

  clear_headphone (self);
  self->headphone_kind = HR_SCENARIO_HEADPHONE_MODEL;
  self->headphone_model = g_object_ref (headphone);
  emit_changed (self);
}

void
hr_scenario_clear_headphone (HrScenario *self)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  if (self->headphone_kind == HR_SCENARIO_HEADPHONE_NONE)
    return;
  clear_headphone (self);
  self->headphone_kind = HR_SCENARIO_HEADPHONE_NONE;
  emit_changed (self);
}

const char *
hr_scenario_get_headphone_id (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return self->headphone_id;
}

/* Returns: (transfer none) (nullable): the preset held inline */
HrHeadphonePreset *
hr_scenario_get_headphone_inline (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return self->headphone_inline;
}

/* Returns: (transfer none) (nullable): the model of a headphone file */
HrHeadphone *
hr_scenario_get_headphone_model (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return self->headphone_model;
}

/* Returns: the output impedance in place of the source's own, NAN for none */
double
hr_scenario_get_zout_ohm (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->zout_ohm;
}

/* @zout_ohm: NAN to use the source's own */
void
hr_scenario_set_zout_ohm (HrScenario *self,
                          double      zout_ohm)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  set_double (self, &self->zout_ohm, zout_ohm, PROP_ZOUT_OHM);
}

/* The names of the figures in a scenario's JSON, and in the presets. */
const char *
hr_source_figure_to_key (HrSourceFigure figure)
{
  static const char *const keys[HR_N_SOURCE_FIGURES] = {
    [HR_SOURCE_FIGURE_MAX_VOLTAGE] = "max_voltage_vrms",
    [HR_SOURCE_FIGURE_MAX_CURRENT] = "max_current_ma",
    [HR_SOURCE_FIGURE_NOISE] = "noise_vrms",
    [HR_SOURCE_FIGURE_MIN_LOAD] = "min_load_ohm",
  };

  g_return_val_if_fail ((guint) figure < HR_N_SOURCE_FIGURES, NULL);
  return keys[figure];
}

double
hr_scenario_get_source_figure (HrScenario     *self,
                               HrSourceFigure  figure)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);
  g_return_val_if_fail ((guint) figure < HR_N_SOURCE_FIGURES, NAN);

  return self->source_figures_set[figure];
}

/**
 * hr_scenario_set_source_figure:
 * @value: the figure in its unit (see #HrSourceFigure); NAN for the
 *   source's own, INFINITY for no limit
 */
void
hr_scenario_set_source_figure (HrScenario     *self,
                               HrSourceFigure  figure,
                               double          value)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail ((guint) figure < HR_N_SOURCE_FIGURES);

  if (same_value (self->source_figures_set[figure], value))
    return;
  self->source_figures_set[figure] = value;
  emit_changed (self);
}

/**
 * hr_scenario_set_response:
 * @points: (array length=n_points) (nullable): a frequency response in
 *   place of the headphones' own (headroom-cli --fr); %NULL for theirs
 */
void
hr_scenario_set_response (HrScenario            *self,
                          const HrResponsePoint *points,
                          guint                  n_points)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  g_clear_pointer (&self->response, g_array_unref);
  if (points != NULL && n_points > 0)
    {
      self->response = g_array_sized_new (FALSE, FALSE, sizeof (HrResponsePoint), n_points);
      g_array_append_vals (self->response, points, n_points);
    }
  emit_changed (self);
}

const HrResponsePoint *
hr_scenario_get_response (HrScenario *self,
                          guint      *n_points)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  *n_points = self->response != NULL ? self->response->len : 0;
  return self->response != NULL ? (const HrResponsePoint *) (gpointer) self->response->data : NULL;
}

/* @zout_ohm: the output impedance the response was measured on; NAN for
 * a measurement amplifier's nothing */
void
hr_scenario_set_response_zout_ohm (HrScenario *self,
                                   double      zout_ohm)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  if (same_value (self->response_zout_ohm, zout_ohm))
    return;
  self->response_zout_ohm = zout_ohm;
  emit_changed (self);
}

double
hr_scenario_get_response_zout_ohm (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->response_zout_ohm;
}

double
hr_scenario_get_headphone_z_ohm (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->headphone_z_ohm;
}

/* @z_ohm: the nominal impedance to move the headphones to, NAN for theirs */
void
hr_scenario_set_headphone_z_ohm (HrScenario *self,
                                 double      z_ohm)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  set_double (self, &self->headphone_z_ohm, z_ohm, PROP_HEADPHONE_Z_OHM);
}

const HrDrive *
hr_scenario_get_drive (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return &self->drive;
}

void
hr_scenario_set_drive (HrScenario    *self,
                       const HrDrive *drive)
{
  g_return_if_fail (HR_IS_SCENARIO (self));
  g_return_if_fail (drive != NULL);

  if (self->drive.kind == drive->kind && same_value (self->drive.value, drive->value))
    return;
  self->drive = *drive;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL_DB_SPL]);
  emit_changed (self);
}

/* Returns: the level asked for at 1 kHz, NAN when the drive is a voltage */
double
hr_scenario_get_level_db_spl (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->drive.kind == HR_DRIVE_SPL ? self->drive.value : NAN;
}

void
hr_scenario_set_level_db_spl (HrScenario *self,
                              double      level_db_spl)
{
  const HrDrive drive = { HR_DRIVE_SPL, level_db_spl };

  hr_scenario_set_drive (self, &drive);
}

const HrConnection *
hr_scenario_get_connection (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);

  return &self->connection;
}

double
hr_scenario_get_cable_ohm (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->connection.cable_ohm;
}

void
hr_scenario_set_cable_ohm (HrScenario *self,
                           double      cable_ohm)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  set_double (self, &self->connection.cable_ohm, cable_ohm, PROP_CABLE_OHM);
}

double
hr_scenario_get_adapter_series_ohm (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->connection.adapter_series_ohm;
}

void
hr_scenario_set_adapter_series_ohm (HrScenario *self,
                                    double      series_ohm)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  set_double (self, &self->connection.adapter_series_ohm, series_ohm, PROP_ADAPTER_SERIES_OHM);
}

/* Returns: the adapter's shunt resistor, INFINITY for none */
double
hr_scenario_get_adapter_shunt_ohm (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->connection.adapter_shunt_ohm;
}

void
hr_scenario_set_adapter_shunt_ohm (HrScenario *self,
                                   double      shunt_ohm)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  set_double (self, &self->connection.adapter_shunt_ohm, shunt_ohm, PROP_ADAPTER_SHUNT_OHM);
}

double
hr_scenario_get_crest_factor_db (HrScenario *self)
{
  g_return_val_if_fail (HR_IS_SCENARIO (self), NAN);

  return self->crest_factor_db;
}

void
hr_scenario_set_crest_factor_db (HrScenario *self,
                                 double      crest_factor_db)
{
  g_return_if_fail (HR_IS_SCENARIO (self));

  set_double (self, &self->crest_factor_db, crest_factor_db, PROP_CREST_FACTOR_DB);
}
