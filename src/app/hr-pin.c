/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-pin"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-pin.h"

/* A configuration is kept as the user chose it (preset ids and slider
 * values), not as computed numbers: a pin remembered between runs is
 * recomputed from the presets, so it follows a corrected preset. The live
 * configuration and the pins go through hr_config_build(), one path from
 * the sidebar's values to the circuit. */

void
hr_config_clear (HrConfig *config)
{
  g_clear_pointer (&config->source_id, g_free);
  g_clear_pointer (&config->output_id, g_free);
  g_clear_pointer (&config->headphone_id, g_free);
}

void
hr_config_copy (HrConfig       *dest,
                const HrConfig *src)
{
  *dest = *src;
  dest->source_id = g_strdup (src->source_id);
  dest->output_id = g_strdup (src->output_id);
  dest->headphone_id = g_strdup (src->headphone_id);
}

/**
 * hr_config_build:
 * @headphone_owned: (out): set to a headphone moved to the slider's
 *   impedance, which @circuit borrows, or to %NULL when the preset's own is
 *   used; the caller frees it after @circuit
 *
 * Returns: %TRUE if @circuit and @drive describe @config
 */
gboolean
hr_config_build (const HrConfig  *config,
                 HrPresetDb      *db,
                 HrCircuit       *circuit,
                 HrDrive         *drive,
                 HrHeadphone    **headphone_owned,
                 GError         **error)
{
  HrSourcePreset *source = hr_preset_db_lookup_source (db, config->source_id);
  HrHeadphonePreset *headphone = hr_preset_db_lookup_headphone (db, config->headphone_id);
  HrHeadphone *preset_headphone;
  guint output_index = 0;
  double nominal_ohm;

  *headphone_owned = NULL;
  if (source == NULL || headphone == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The preset “%s” is no longer there"),
                   source == NULL ? config->source_id : config->headphone_id);
      return FALSE;
    }
  if (config->output_id != NULL && config->output_id[0] != '\0'
      && !hr_source_preset_find_output (source, config->output_id, &output_index))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The source “%s” has no output “%s”"), config->source_id, config->output_id);
      return FALSE;
    }

  hr_source_preset_build_source (source, output_index, &circuit->source);
  circuit->source.output_impedance_ohm = config->zout_ohm;
  circuit->connection.cable_ohm = config->cable_ohm;
  circuit->connection.adapter_series_ohm = config->adapter_series_ohm;
  circuit->connection.adapter_shunt_ohm =
    config->adapter_shunt_ohm < HR_SHUNT_OFF_OHM ? config->adapter_shunt_ohm : INFINITY;
  drive->kind = HR_DRIVE_SPL;
  drive->value = config->level_db_spl;

  preset_headphone = hr_headphone_preset_get_headphone (headphone);
  nominal_ohm = hr_headphone_get_nominal_impedance_ohm (preset_headphone);
  circuit->headphone = preset_headphone;
  if (fabs (config->headphone_z_ohm - nominal_ohm) > 1e-9 * nominal_ohm)
    {
      *headphone_owned = hr_headphone_new_renominated (preset_headphone, config->headphone_z_ohm, error);
      if (*headphone_owned == NULL)
        return FALSE;
      circuit->headphone = *headphone_owned;
    }
  return hr_circuit_validate (circuit, error);
}

/* A trace of @config with its own sweep, with what the impedance chart
 * needs of the source: |Zout| as the headphone sees it, per frequency. */
HrChartTrace *
hr_config_compute_trace (const HrConfig  *config,
                         HrPresetDb      *db,
                         const char      *label,
                         GError         **error)
{
  g_autoptr(HrHeadphone) headphone_owned = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  g_autofree double *zout_ohm = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  HrDrive drive = { HR_DRIVE_SPL, 0.0 };
  HrChartTrace *trace;
  guint n_points;

  if (!hr_config_build (config, db, &circuit, &drive, &headphone_owned, error))
    return NULL;
  sweep = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ, HR_SUMMARY_DEFAULT_POINTS, error);
  if (sweep == NULL || !hr_sweep_compute (sweep, &circuit, &drive, error))
    return NULL;

  n_points = sweep->n_points;
  zout_ohm = g_new (double, n_points);
  for (guint i = 0; i < n_points; i++)
    {
      HrCircuitPoint point;

      hr_circuit_eval (&circuit, sweep->freq_hz[i], &point);
      zout_ohm[i] = cabs (point.z_thevenin_ohm);
    }
  trace = hr_chart_trace_new (label, g_steal_pointer (&sweep), (GDestroyNotify) hr_sweep_free);
  hr_chart_trace_set_zout_curve (trace, zout_ohm, n_points);
  hr_chart_trace_set_current_limit_ma (trace, circuit.source.max_current_ma);
  return trace;
}

HrPin *
hr_pin_new (const char     *name,
            const HrConfig *config)
{
  HrPin *pin = g_new0 (HrPin, 1);

  pin->name = g_strdup (name);
  pin->visible = TRUE;
  hr_config_copy (&pin->config, config);
  return pin;
}

void
hr_pin_free (HrPin *pin)
{
  if (pin == NULL)
    return;
  g_free (pin->name);
  hr_config_clear (&pin->config);
  g_clear_pointer (&pin->trace, hr_chart_trace_unref);
  g_free (pin);
}

gboolean
hr_pin_compute (HrPin       *pin,
                HrPresetDb  *db,
                GError     **error)
{
  HrChartTrace *trace = hr_config_compute_trace (&pin->config, db, pin->name, error);

  if (trace == NULL)
    return FALSE;
  g_clear_pointer (&pin->trace, hr_chart_trace_unref);
  pin->trace = trace;
  hr_chart_trace_set_visible (pin->trace, pin->visible);
  return TRUE;
}

GVariant *
hr_pins_to_variant (GPtrArray *pins)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE (HR_PINS_VARIANT_TYPE));
  for (guint i = 0; i < pins->len; i++)
    {
      const HrPin *pin = g_ptr_array_index (pins, i);
      const HrConfig *c = &pin->config;

      g_variant_builder_add (&builder, "(sbsssdddddd)", pin->name, pin->visible,
                             c->source_id, c->output_id != NULL ? c->output_id : "", c->headphone_id,
                             c->zout_ohm, c->headphone_z_ohm, c->level_db_spl,
                             c->cable_ohm, c->adapter_series_ohm, c->adapter_shunt_ohm);
    }
  return g_variant_builder_end (&builder);
}

/* Returns: (transfer full) (element-type HrPin): the pins, not computed */
GPtrArray *
hr_pins_from_variant (GVariant *variant)
{
  GPtrArray *pins = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_pin_free);
  GVariantIter iter;
  const char *name;
  gboolean visible;
  HrConfig c = { 0 };

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE (HR_PINS_VARIANT_TYPE)), pins);

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_next (&iter, "(&sb&s&s&sdddddd)", &name, &visible,
                              &c.source_id, &c.output_id, &c.headphone_id,
                              &c.zout_ohm, &c.headphone_z_ohm, &c.level_db_spl,
                              &c.cable_ohm, &c.adapter_series_ohm, &c.adapter_shunt_ohm))
    {
      HrPin *pin = hr_pin_new (name, &c);

      pin->visible = visible;
      g_ptr_array_add (pins, pin);
      if (pins->len == HR_PIN_MAX)
        break;
    }
  return pins;
}
