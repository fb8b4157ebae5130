/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <complex.h>
#include <math.h>
#include <glib/gi18n.h>

#include "hr-cli-private.h"

/* `headroom-cli show`: a preset for people, every figure with where it
 * comes from, and "unknown" for a figure the preset leaves out, so that
 * what was not checked is as plain as what was. */

static void
append_row (GString    *out,
            const char *label,
            const char *value)
{
  /* Translators: a label and its value; the labels end with ":" */
  g_string_append_printf (out, "  %-20s %s\n", label, value);
}

static void
append_source_line (GString    *out,
                    const char *source)
{
  if (source != NULL)
    g_string_append_printf (out, "  %-20s   %s %s\n", "", _("source:"), source);
}

/* "10 Ω" with its provenance on the next line, or "unknown". */
static void
append_figure (GString        *out,
               const char     *label,
               const HrFigure *figure,
               const char     *unit)
{
  g_autofree char *value = NULL;

  if (!hr_figure_is_known (figure))
    {
      append_row (out, label, _("unknown"));
      return;
    }

  value = g_strdup_printf ("%g %s", figure->value, unit);
  append_row (out, label, value);
  append_source_line (out, figure->source);
}

static void
append_common (GString  *out,
               HrPreset *preset)
{
  g_autofree char *display_name = hr_preset_dup_display_name (preset);
  g_autofree char *from = NULL;

  g_string_append_printf (out, "%s\n", display_name);
  append_row (out, _("Id:"), hr_preset_get_id (preset));
  append_row (out, _("Manufacturer:"), hr_preset_get_manufacturer (preset));
  if (hr_preset_get_generic (preset))
    append_row (out, _("Design:"), _("typical, not a product"));
  append_row (out, hr_preset_get_kind (preset) == HR_PRESET_KIND_SOURCE ? _("Category:") : _("Type:"),
              hr_preset_get_class_name (preset));

  if (hr_preset_get_origin (preset) == HR_PRESET_ORIGIN_BUNDLED)
    from = g_strdup_printf (_("%s (bundled)"), hr_preset_get_filename (preset));
  else if (hr_preset_get_overrides_bundled (preset))
    from = g_strdup_printf (_("%s (yours, in place of the bundled preset)"),
                            hr_preset_get_filename (preset));
  else
    from = g_strdup_printf (_("%s (yours)"), hr_preset_get_filename (preset));
  append_row (out, _("From:"), from);

  if (hr_preset_get_notes (preset) != NULL)
    append_row (out, _("Notes:"), hr_preset_get_notes (preset));
}

/* A maximum voltage that depends on the load, a row a step. */
static void
append_voltage_steps (GString *out,
                      GArray  *steps)
{
  append_row (out, _("Max voltage:"), _("by load, at the load's |Z| at 1 kHz"));
  for (guint i = 0; i < steps->len; i++)
    {
      const HrVoltageStepFigure *step = &g_array_index (steps, HrVoltageStepFigure, i);
      g_autofree char *value = step->above
        /* Translators: a step of a maximum voltage by load, "above 32 Ω: 9.76 Vrms" */
        ? g_strdup_printf (_("above %g Ω: %g Vrms"), step->load_ohm, step->max_voltage_vrms.value)
        /* Translators: a step of a maximum voltage by load, "from 150 Ω: 3 Vrms" */
        : g_strdup_printf (_("from %g Ω: %g Vrms"), step->load_ohm, step->max_voltage_vrms.value);

      append_row (out, "", value);
      append_source_line (out, step->max_voltage_vrms.source);
    }
}

static void
append_source (GString        *out,
               HrSourcePreset *preset)
{
  for (guint i = 0; i < hr_source_preset_get_n_outputs (preset); i++)
    {
      const HrSourceOutput *output = hr_source_preset_get_output (preset, i);

      g_string_append_printf (out, _("Output “%s”: %s (%s, %s)\n"), output->id, output->name,
                              hr_output_kind_to_string (output->kind),
                              output->balanced ? _("balanced") : _("unbalanced"));
      append_figure (out, _("Output impedance:"), &output->output_impedance_ohm, "Ω");
      if (hr_figure_is_known (&output->dc_block_uf))
        append_figure (out, _("DC-blocking cap:"), &output->dc_block_uf, "µF");
      else
        append_row (out, _("DC-blocking cap:"), _("none given"));
      if (output->max_voltage_by_load != NULL)
        append_voltage_steps (out, output->max_voltage_by_load);
      else
        append_figure (out, _("Max voltage:"), &output->max_voltage_vrms, "Vrms");
      append_figure (out, _("Max current:"), &output->max_current_ma, "mA");
    }
}

static const char *
model_label (HrImpedanceKind kind)
{
  switch (kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      return _("resistor");
    case HR_IMPEDANCE_THIELE_SMALL:
      return _("Thiele–Small");
    case HR_IMPEDANCE_NETWORK:
      return _("R, L, C network");
    case HR_IMPEDANCE_POINTS:
      return _("measured points");
    default:
      g_return_val_if_reached ("");
    }
}

static void
append_headphone (GString           *out,
                  HrHeadphonePreset *preset)
{
  const HrSensitivityFigure *sensitivity = hr_headphone_preset_get_sensitivity (preset);
  HrImpedance *impedance = hr_headphone_preset_get_impedance (preset);
  HrHeadphone *headphone = hr_headphone_preset_get_headphone (preset);
  g_autofree char *sensitivity_text = NULL;
  g_autofree char *model_text = NULL;
  g_autofree char *z_text = NULL;
  const HrResponsePoint *response;
  guint n_response;

  append_figure (out, _("Nominal impedance:"), hr_headphone_preset_get_nominal_impedance (preset), "Ω");

  if (!hr_headphone_has_sensitivity (headphone))
    sensitivity_text = g_strdup (_("unknown"));
  else
    sensitivity_text = g_strdup_printf (_("%g %s at %g Hz (%.1f dB/V, %.1f dB/mW)"),
                                        sensitivity->value,
                                        hr_sensitivity_unit_to_string (sensitivity->unit),
                                        sensitivity->ref_freq_hz,
                                        hr_headphone_get_sensitivity_db_per_v (headphone),
                                        hr_headphone_get_sensitivity_db_per_mw (headphone));
  append_row (out, _("Sensitivity:"), sensitivity_text);
  append_source_line (out, sensitivity->source);
  append_figure (out, _("Max input power:"), hr_headphone_preset_get_max_input (preset), "mW");

  if (hr_impedance_get_scale (impedance) != 1.0)
    model_text = g_strdup_printf (_("%s, scaled by %g"),
                                  model_label (hr_impedance_get_kind (impedance)),
                                  hr_impedance_get_scale (impedance));
  else
    model_text = g_strdup (model_label (hr_impedance_get_kind (impedance)));
  append_row (out, _("Impedance model:"), model_text);
  append_source_line (out, hr_headphone_preset_get_impedance_source (preset));
  if (hr_headphone_preset_get_impedance_modelled (preset) != NULL)
    g_string_append_printf (out, "  %-20s   %s %s\n", "", _("modelled:"),
                            hr_headphone_preset_get_impedance_modelled (preset));
  z_text = g_strdup_printf ("%.1f Ω", cabs (hr_impedance_eval (impedance, 1000.0)));
  append_row (out, _("|Z| at 1 kHz:"), z_text);
  if (hr_headphone_preset_get_impedance_note (preset) != NULL)
    append_row (out, _("Impedance note:"), hr_headphone_preset_get_impedance_note (preset));

  response = hr_headphone_preset_get_response (preset, &n_response);
  if (response != NULL)
    {
      g_autofree char *response_text =
        g_strdup_printf (ngettext ("%u point, %g Hz to %g Hz, 0 dB at 1 kHz",
                                   "%u points, %g Hz to %g Hz, 0 dB at 1 kHz", n_response),
                         n_response, response[0].freq_hz, response[n_response - 1].freq_hz);

      append_row (out, _("Frequency response:"), response_text);
      append_source_line (out, hr_headphone_preset_get_response_source (preset));
    }
  else
    append_row (out, _("Frequency response:"), _("unknown"));
}

/* Returns: (transfer full): the preset for people, several lines */
char *
hr_cli_format_preset (HrPreset *preset)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_common (out, preset);
  if (HR_IS_SOURCE_PRESET (preset))
    append_source (out, HR_SOURCE_PRESET (preset));
  else
    append_headphone (out, HR_HEADPHONE_PRESET (preset));
  return g_string_free (g_steal_pointer (&out), FALSE);
}
