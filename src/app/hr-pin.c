/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-pin"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-pin.h"

/* A pin keeps its scenario (presets by id, and the figures the user
 * moved), not computed numbers: a pin remembered between runs is
 * recomputed from the presets, so it follows a corrected preset. The
 * live configuration and the pins are computed the same way, by
 * hr_scenario_compute(). */

G_DEFINE_QUARK (hr-pin-error-quark, hr_pin_error)

/* @scenario: copied, so that the pin does not follow the sliders */
HrPin *
hr_pin_new (const char *name,
            HrScenario *scenario)
{
  HrPin *pin = g_new0 (HrPin, 1);

  pin->name = g_strdup (name);
  pin->visible = TRUE;
  pin->scenario = hr_scenario_copy (scenario);
  return pin;
}

void
hr_pin_free (HrPin *pin)
{
  if (pin == NULL)
    return;
  g_free (pin->name);
  g_clear_object (&pin->scenario);
  g_clear_pointer (&pin->trace, hr_chart_trace_unref);
  g_free (pin);
}

gboolean
hr_pin_compute (HrPin       *pin,
                HrPresetDb  *db,
                GError     **error)
{
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(HrSummary) summary = NULL;
  g_autoptr(HrScenarioCircuit) resolved = NULL;
  HrChartTrace *trace;

  sweep = hr_sweep_new_log (HR_AUDIO_BAND_MIN_HZ, HR_AUDIO_BAND_MAX_HZ, HR_SUMMARY_DEFAULT_POINTS, error);
  if (sweep == NULL)
    return FALSE;
  summary = hr_scenario_compute (pin->scenario, db, sweep, &resolved, error);
  if (summary == NULL)
    return FALSE;

  trace = hr_chart_trace_new_computed (pin->name, g_steal_pointer (&sweep), (GDestroyNotify) hr_sweep_free,
                                       &resolved->circuit, summary);
  hr_chart_trace_set_visible (trace, pin->visible);
  g_clear_pointer (&pin->trace, hr_chart_trace_unref);
  pin->trace = trace;
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
      g_autofree char *scenario = hr_scenario_to_string (pin->scenario);

      g_variant_builder_add (&builder, "(sbus)", pin->name, pin->visible, pin->slot, scenario);
    }
  return g_variant_builder_end (&builder);
}

/**
 * hr_pins_from_variant:
 * @error: set to the first pin that does not read; the others are kept
 *
 * Returns: (transfer full) (element-type HrPin): the pins, not computed
 */
GPtrArray *
hr_pins_from_variant (GVariant  *variant,
                      GError   **error)
{
  GPtrArray *pins = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_pin_free);
  GVariantIter iter;
  const char *name;
  const char *text;
  gboolean visible;
  guint slot;

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE (HR_PINS_VARIANT_TYPE)), pins);

  g_variant_iter_init (&iter, variant);
  while (pins->len < HR_PIN_MAX && g_variant_iter_next (&iter, "(&sbu&s)", &name, &visible, &slot, &text))
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(HrScenario) scenario = hr_scenario_new_from_string (text, name, &local_error);
      HrPin *pin;

      if (scenario == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, HR_PIN_ERROR, HR_PIN_ERROR_STORED,
                         _("The pin “%s” could not be read: %s"), name, local_error->message);
          continue;
        }
      pin = hr_pin_new (name, scenario);
      pin->visible = visible;
      pin->slot = slot;
      g_ptr_array_add (pins, pin);
    }
  return pins;
}

/* The pins of a version that kept the sidebar's values, as scenarios. */
GPtrArray *
hr_pins_from_legacy_variant (GVariant *variant)
{
  GPtrArray *pins = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_pin_free);
  GVariantIter iter;
  const char *name;
  const char *source_id;
  const char *output_id;
  const char *headphone_id;
  gboolean visible;
  double zout_ohm;
  double headphone_z_ohm;
  double level_db_spl;
  double cable_ohm;
  double series_ohm;
  double shunt_ohm;

  g_return_val_if_fail (g_variant_is_of_type (variant, G_VARIANT_TYPE (HR_PINS_LEGACY_VARIANT_TYPE)), pins);

  g_variant_iter_init (&iter, variant);
  while (pins->len < HR_PIN_MAX
         && g_variant_iter_next (&iter, "(&sb&s&s&sdddddd)", &name, &visible,
                                 &source_id, &output_id, &headphone_id,
                                 &zout_ohm, &headphone_z_ohm, &level_db_spl,
                                 &cable_ohm, &series_ohm, &shunt_ohm))
    {
      g_autoptr(HrScenario) scenario = hr_scenario_new ();
      HrPin *pin;

      hr_scenario_set_source_preset (scenario, source_id, output_id[0] != '\0' ? output_id : NULL);
      hr_scenario_set_headphone_preset (scenario, headphone_id);
      hr_scenario_set_zout_ohm (scenario, zout_ohm);
      hr_scenario_set_headphone_z_ohm (scenario, headphone_z_ohm);
      hr_scenario_set_level_db_spl (scenario, level_db_spl);
      hr_scenario_set_cable_ohm (scenario, cable_ohm);
      hr_scenario_set_adapter_series_ohm (scenario, series_ohm);
      hr_scenario_set_adapter_shunt_ohm (scenario, shunt_ohm < HR_SHUNT_OFF_OHM ? shunt_ohm : INFINITY);
      pin = hr_pin_new (name, scenario);
      pin->visible = visible;
      pin->slot = pins->len + 1;
      g_ptr_array_add (pins, pin);
    }
  return pins;
}
