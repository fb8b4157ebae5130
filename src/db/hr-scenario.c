/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-db-error.h"
#include "hr-gear-labels.h"
#include "hr-scenario.h"

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

struct _HrScenario
{
  GObject                  parent_instance;

  HrScenarioSourceKind     source_kind;
  char                    *source_id;
  char                    *output_id;
  HrSourcePreset          *source_inline;
  HrSource                 source_figures;
  char                    *source_name;

  HrScenarioHeadphoneKind  headphone_kind;
  char                    *headphone_id;
  HrHeadphonePreset       *headphone_inline;
  HrHeadphone             *headphone_model;

  double                   zout_ohm;         /* NAN: the source's own */
  double                   headphone_z_ohm;  /* NAN: the headphones' own */
  HrDrive                  drive;
  HrConnection             connection;
  double                   crest_factor_db;

  guint                    freeze_count;
  gboolean                 changed_while_frozen;
};

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

void
hr_scenario_circuit_free (HrScenarioCircuit *resolved)
{
  if (resolved == NULL)
    return;

  g_clear_object (&resolved->headphone);
  g_clear_object (&resolved->headphone_preset);
  g_clear_object (&resolved->source_preset);
  g_free (resolved->headphone_name);
  g_free (resolved->source_name);
  g_free (resolved);
}

static gboolean
resolve_headphone (HrScenario         *self,
                   HrPresetDb         *db,
                   HrScenarioCircuit  *resolved,
                   GError            **error)
{
  HrHeadphone *model;

  switch (self->headphone_kind)
    {
    case HR_SCENARIO_HEADPHONE_NONE:
      g_set_error_literal (error, HR_DB_ERROR, HR_DB_ERROR_MISSING_FIELD,
                           _("no headphones were chosen"));
      return FALSE;

    case HR_SCENARIO_HEADPHONE_PRESET:
      if (self->headphone_inline != NULL)
        resolved->headphone_preset = g_object_ref (self->headphone_inline);
      else
        {
          HrHeadphonePreset *preset = db != NULL ? hr_preset_db_lookup_headphone (db, self->headphone_id) : NULL;

          if (preset == NULL)
            {
              g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                           _("no headphone preset has the id “%s”"), self->headphone_id);
              return FALSE;
            }
          resolved->headphone_preset = g_object_ref (preset);
        }
      model = hr_headphone_preset_get_headphone (resolved->headphone_preset);
      resolved->headphone_name = g_strdup (hr_preset_get_name (HR_PRESET (resolved->headphone_preset)));
      break;

    case HR_SCENARIO_HEADPHONE_MODEL:
      model = self->headphone_model;
      resolved->headphone_name = g_strdup (hr_headphone_get_name (model));
      break;

    default:
      g_assert_not_reached ();
    }

  /* Moved to another nominal impedance by the user: the 32, 80 and 250 Ω
   * versions of one headphone share one model. */
  if (!isnan (self->headphone_z_ohm)
      && fabs (self->headphone_z_ohm - hr_headphone_get_nominal_impedance_ohm (model))
         > 1e-9 * hr_headphone_get_nominal_impedance_ohm (model))
    {
      resolved->headphone = hr_headphone_new_renominated (model, self->headphone_z_ohm, error);
      if (resolved->headphone == NULL)
        return FALSE;
    }
  else
    resolved->headphone = g_object_ref (model);
  return TRUE;
}

static gboolean
resolve_source (HrScenario         *self,
                HrPresetDb         *db,
                HrScenarioCircuit  *resolved,
                GError            **error)
{
  HrSource *source = &resolved->circuit.source;

  switch (self->source_kind)
    {
    case HR_SCENARIO_SOURCE_IDEAL:
      *source = (HrSource) HR_SOURCE_INIT;
      if (isnan (self->zout_ohm))
        /* Translators: the source when none was chosen: 0 Ω, no limits */
        resolved->source_name = g_strdup (_("an ideal source"));
      else
        {
          g_autofree char *ohm = hr_format_ohm (self->zout_ohm);

          /* Translators: "a 10 Ω source", for a bare output impedance */
          resolved->source_name = g_strdup_printf (_("a %s source"), ohm);
        }
      break;

    case HR_SCENARIO_SOURCE_PRESET:
      {
        HrSourcePreset *preset = self->source_inline;
        const HrSourceOutput *output;
        guint index = 0;

        if (preset == NULL && db != NULL)
          preset = hr_preset_db_lookup_source (db, self->source_id);
        if (preset == NULL)
          {
            g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                         _("no source preset has the id “%s”"), self->source_id);
            return FALSE;
          }
        if (self->output_id != NULL && self->output_id[0] != '\0'
            && !hr_source_preset_find_output (preset, self->output_id, &index))
          {
            g_autoptr(GString) outputs = g_string_new (NULL);

            for (guint i = 0; i < hr_source_preset_get_n_outputs (preset); i++)
              {
                const HrSourceOutput *candidate = hr_source_preset_get_output (preset, i);

                g_string_append_printf (outputs, "%s%s (%s)", i > 0 ? ", " : "",
                                        candidate->id, candidate->name);
              }
            g_set_error (error, HR_DB_ERROR, HR_DB_ERROR_NOT_FOUND,
                         _("the source “%s” has no output “%s”; its outputs are %s"),
                         self->source_id, self->output_id, outputs->str);
            return FALSE;
          }

        resolved->source_preset = g_object_ref (preset);
        resolved->output_index = index;
        hr_source_preset_build_source (preset, index, source);
        output = hr_source_preset_get_output (preset, index);
        /* Translators: a source's output, "Fireface 800 · Line out" */
        resolved->source_name = g_strdup_printf (_("%s · %s"), hr_preset_get_name (HR_PRESET (preset)),
                                                 hr_output_kind_label (output->kind));
      }
      break;

    case HR_SCENARIO_SOURCE_FIGURES:
      *source = self->source_figures;
      resolved->source_name = g_strdup (self->source_name);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!isnan (self->zout_ohm))
    source->output_impedance_ohm = self->zout_ohm;
  return TRUE;
}

/**
 * hr_scenario_resolve:
 * @db: (nullable): the presets that ids are looked up in
 *
 * The circuit that the scenario describes with today's presets: the gear
 * looked up, the user's figures put in place of the gear's own.
 *
 * Returns: (transfer full): the circuit and its names, or %NULL with
 *   @error set (HR_DB_ERROR_NOT_FOUND for a preset that is gone)
 */
HrScenarioCircuit *
hr_scenario_resolve (HrScenario  *self,
                     HrPresetDb  *db,
                     GError     **error)
{
  g_autoptr(HrScenarioCircuit) resolved = NULL;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (db == NULL || HR_IS_PRESET_DB (db), NULL);

  resolved = g_new0 (HrScenarioCircuit, 1);
  resolved->circuit.connection = self->connection;
  resolved->drive = self->drive;
  resolved->crest_factor_db = self->crest_factor_db;

  if (!resolve_headphone (self, db, resolved, error) ||
      !resolve_source (self, db, resolved, error))
    return NULL;
  resolved->circuit.headphone = resolved->headphone;

  if (!hr_circuit_validate (&resolved->circuit, error) ||
      !hr_drive_validate (&resolved->drive, error))
    return NULL;
  return g_steal_pointer (&resolved);
}

/**
 * hr_scenario_compute:
 * @sweep: the grid to compute on, recomputed in place
 * @resolved: (out) (optional) (transfer full): the circuit it came from
 *
 * The one computation behind every answer: the scenario resolved, the
 * sweep computed on @sweep's frequencies and the summary with its
 * verdict from it.
 *
 * Returns: (transfer full): the summary, or %NULL with @error set
 */
HrSummary *
hr_scenario_compute (HrScenario          *self,
                     HrPresetDb          *db,
                     HrSweep             *sweep,
                     HrScenarioCircuit  **resolved,
                     GError             **error)
{
  g_autoptr(HrScenarioCircuit) circuit = NULL;
  HrSummary *summary;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (sweep != NULL, NULL);

  circuit = hr_scenario_resolve (self, db, error);
  if (circuit == NULL ||
      !hr_sweep_compute (sweep, &circuit->circuit, &circuit->drive, error))
    return NULL;
  summary = hr_summary_compute (sweep, &circuit->circuit, circuit->crest_factor_db, error);
  if (summary != NULL && resolved != NULL)
    *resolved = g_steal_pointer (&circuit);
  return summary;
}

/* "HD 650 on Fireface 800 · Line out": what a chart's legend and the
 * window's title call the configuration. */
char *
hr_scenario_circuit_dup_label (const HrScenarioCircuit *resolved)
{
  g_return_val_if_fail (resolved != NULL, NULL);

  /* Translators: headphones on a source, "HD 650 on Fireface 800 · Line out" */
  return g_strdup_printf (_("%s on %s"), resolved->headphone_name, resolved->source_name);
}

static gboolean
differs (double value,
         double own)
{
  return !isnan (value) && !(fabs (value - own) <= 1e-6 * fmax (fabs (value), fabs (own)));
}

/**
 * hr_scenario_dup_name:
 * @resolved: the scenario resolved
 *
 * What to call a pin of the scenario: its label, and in brackets what
 * differs from the gear's own figures and from a plain cable, so that two
 * pins of one pair at other settings are told apart: "HD 650 on Fireface
 * 800 · Line out (Zout 300 Ω, cable 0.5 Ω)".
 *
 * Returns: (transfer full): the name
 */
char *
hr_scenario_dup_name (HrScenario              *self,
                      const HrScenarioCircuit *resolved)
{
  g_autofree char *label = NULL;
  g_autoptr(GPtrArray) differences = g_ptr_array_new_with_free_func (g_free);
  const HrConnection *connection;

  g_return_val_if_fail (HR_IS_SCENARIO (self), NULL);
  g_return_val_if_fail (resolved != NULL, NULL);

  label = hr_scenario_circuit_dup_label (resolved);
  if (resolved->source_preset != NULL)
    {
      const HrSourceOutput *output = hr_source_preset_get_output (resolved->source_preset,
                                                                  resolved->output_index);

      if (differs (self->zout_ohm, output->output_impedance_ohm.value))
        {
          g_autofree char *ohm = hr_format_ohm (self->zout_ohm);

          /* Translators: in a pin's name, the output impedance set */
          g_ptr_array_add (differences, g_strdup_printf (_("Zout %s"), ohm));
        }
    }
  if (resolved->headphone_preset != NULL
      && differs (self->headphone_z_ohm,
                  hr_headphone_get_nominal_impedance_ohm (hr_headphone_preset_get_headphone (resolved->headphone_preset))))
    {
      g_autofree char *ohm = hr_format_ohm (self->headphone_z_ohm);

      /* Translators: in a pin's name, the headphones moved to another impedance, "150 Ω version" */
      g_ptr_array_add (differences, g_strdup_printf (_("%s version"), ohm));
    }
  connection = &self->connection;
  if (connection->cable_ohm > 0.0)
    {
      g_autofree char *ohm = hr_format_ohm (connection->cable_ohm);

      /* Translators: in a pin's name, the cable's resistance */
      g_ptr_array_add (differences, g_strdup_printf (_("cable %s"), ohm));
    }
  if (connection->adapter_series_ohm > 0.0 || isfinite (connection->adapter_shunt_ohm))
    {
      g_autofree char *series = hr_format_ohm (connection->adapter_series_ohm);
      g_autofree char *shunt = isfinite (connection->adapter_shunt_ohm)
                               ? hr_format_ohm (connection->adapter_shunt_ohm) : g_strdup ("∞");

      /* Translators: in a pin's name, an adapter's series and shunt resistors */
      g_ptr_array_add (differences, g_strdup_printf (_("adapter %s/%s"), series, shunt));
    }

  if (differences->len == 0)
    return g_steal_pointer (&label);
  g_ptr_array_add (differences, NULL);
  {
    g_autofree char *joined = g_strjoinv (", ", (char **) differences->pdata);

    /* Translators: a pin's name with what differs, "HD 650 on Fireface 800 · Line out (Zout 300 Ω)" */
    return g_strdup_printf (_("%s (%s)"), label, joined);
  }
}
