/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-preset-labels"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hr-format.h"
#include "hr-preset-labels.h"

/* What the sidebar says about a preset: its category in words, and its key
 * figures on one line with a tooltip that names where each comes from. */

/* "Maximum voltage: 6.16 Vrms (+18 dBu as given; RME manual)". */
static void
append_provenance (GString        *provenance,
                   const char     *what,
                   const char     *text,
                   const HrFigure *figure)
{
  const char *source = figure->source != NULL ? figure->source : _("source not stated");

  if (figure->given != NULL)
    /* Translators: a figure as the spec sheet printed it, then where it comes from */
    g_string_append_printf (provenance, _("%s%s: %s (%s as given; %s)"), provenance->len > 0 ? "\n" : "",
                            what, text, figure->given, source);
  else
    g_string_append_printf (provenance, "%s%s: %s (%s)", provenance->len > 0 ? "\n" : "", what, text, source);
}

/* One figure for the rows under the dropdowns: "?" when the spec sheet
 * does not give it, and a line of the tooltip saying where it comes from. */
static void
append_figure (GString        *figures,
               GString        *provenance,
               const char     *what,
               const HrFigure *figure,
               char           *(*format) (double))
{
  g_autofree char *text = NULL;

  if (figures->len > 0)
    g_string_append (figures, " · ");
  if (!hr_figure_is_known (figure))
    {
      /* Translators: a figure the spec sheet does not give, "? mA" */
      g_string_append (figures, "?");
      g_string_append_printf (provenance, "%s%s: %s", provenance->len > 0 ? "\n" : "", what, _("unknown"));
      return;
    }
  text = format (figure->value);
  g_string_append (figures, text);
  append_provenance (provenance, what, text, figure);
}

static char *
format_vrms (double vrms)
{
  /* Translators: a voltage, "5.5 Vrms" */
  return g_strdup_printf (_("%.3g Vrms"), vrms);
}

static char *
format_ma (double ma)
{
  /* Translators: a current, "120 mA" */
  return g_strdup_printf (_("%.3g mA"), ma);
}

/* A noise voltage in the unit that reads best: "14 µV" */
static char *
format_noise (double vrms)
{
  if (vrms == 0.0)
    return g_strdup (_("none"));
  if (vrms < 1e-3)
    /* Translators: an A-weighted noise voltage, "14 µV (A)" */
    return g_strdup_printf (_("%.3g µV (A)"), vrms * 1e6);
  /* Translators: an A-weighted noise voltage, "1.2 mV (A)" */
  return g_strdup_printf (_("%.3g mV (A)"), vrms * 1e3);
}

/* A maximum voltage that depends on the load: its range on the row,
 * "1.25–3 Vrms by load", and each step in the tooltip with its source. */
static void
append_voltage_steps (GString *figures,
                      GString *provenance,
                      GArray  *steps)
{
  double least_vrms = INFINITY;
  double most_vrms = 0.0;
  g_autofree char *least = NULL;
  g_autofree char *most = NULL;

  for (guint i = 0; i < steps->len; i++)
    {
      const HrVoltageStepFigure *step = &g_array_index (steps, HrVoltageStepFigure, i);

      least_vrms = MIN (least_vrms, step->max_voltage_vrms.value);
      most_vrms = MAX (most_vrms, step->max_voltage_vrms.value);
    }
  least = g_strdup_printf ("%.3g", least_vrms);
  most = g_strdup_printf ("%.3g", most_vrms);
  g_string_append (figures, " · ");
  if (least_vrms == most_vrms)
    /* Translators: a maximum voltage that depends on the load, on the row of figures, "3 Vrms by load" */
    g_string_append_printf (figures, _("%s Vrms by load"), most);
  else
    /* Translators: the range of a maximum voltage that depends on the load, "1.25–3 Vrms by load" */
    g_string_append_printf (figures, _("%s–%s Vrms by load"), least, most);

  g_string_append_printf (provenance, "\n%s", _("Maximum voltage by load (the load's |Z| at 1 kHz decides):"));
  for (guint i = 0; i < steps->len; i++)
    {
      const HrVoltageStepFigure *step = &g_array_index (steps, HrVoltageStepFigure, i);
      g_autofree char *load = hr_format_ohm (step->load_ohm);
      g_autofree char *what = step->above
        /* Translators: a step of a maximum voltage by load, "above 32 Ω" */
        ? g_strdup_printf (_("  above %s"), load)
        /* Translators: a step of a maximum voltage by load, "from 150 Ω" */
        : g_strdup_printf (_("  from %s"), load);
      g_autofree char *text = format_vrms (step->max_voltage_vrms.value);

      append_provenance (provenance, what, text, &step->max_voltage_vrms);
    }
}

char *
hr_dup_output_figures (const HrSourceOutput  *output,
                       char                 **tooltip)
{
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GString) provenance = g_string_new (NULL);

  g_return_val_if_fail (output != NULL, NULL);

  if (hr_figure_is_known (&output->output_impedance_ohm))
    append_figure (figures, provenance, _("Output impedance"), &output->output_impedance_ohm, hr_format_ohm);
  else
    {
      g_string_append (figures, _("? Ω"));
      g_string_append_printf (provenance, "%s: %s", _("Output impedance"),
                              _("unknown; the slider sets one to assume"));
    }
  if (output->max_voltage_by_load != NULL)
    append_voltage_steps (figures, provenance, output->max_voltage_by_load);
  else if (hr_figure_is_known (&output->max_voltage_vrms))
    append_figure (figures, provenance, _("Maximum voltage"), &output->max_voltage_vrms, format_vrms);
  else
    {
      /* The "?" alone would not say which figure is missing. */
      g_string_append_printf (figures, " · %s", _("? Vrms"));
      g_string_append_printf (provenance, "\n%s: %s", _("Maximum voltage"), _("unknown"));
    }
  if (hr_figure_is_known (&output->max_current_ma))
    append_figure (figures, provenance, _("Maximum current"), &output->max_current_ma, format_ma);
  else
    {
      g_string_append_printf (figures, " · %s", _("? mA"));
      g_string_append_printf (provenance, "\n%s: %s", _("Maximum current"),
                              _("unknown, so the current check is skipped"));
    }
  /* The rated load is on the row, since a load below it is the lesson;
   * the noise is in the verdict, as hiss. */
  if (hr_figure_is_known (&output->min_load_ohm))
    {
      g_autofree char *load = hr_format_ohm (output->min_load_ohm.value);
      g_autofree char *rated = NULL;

      /* Translators: the least load an output is rated for, on the row of figures, "≥ 600 Ω load" */
      rated = g_strdup_printf (_("≥ %s load"), load);
      g_string_append_printf (figures, " · %s", rated);
      append_provenance (provenance, _("Rated load"), rated, &output->min_load_ohm);
    }
  if (hr_figure_is_known (&output->noise_vrms))
    {
      g_autofree char *noise = format_noise (output->noise_vrms.value);

      append_provenance (provenance, _("Output noise"), noise, &output->noise_vrms);
    }
  else
    g_string_append_printf (provenance, "\n%s: %s", _("Output noise"),
                            _("unknown, so hiss is not checked"));
  if (tooltip != NULL)
    *tooltip = g_strdup (provenance->str);
  return g_strdup (figures->str);
}

char *
hr_dup_headphone_figures (HrHeadphonePreset  *preset,
                          char              **tooltip)
{
  g_autoptr(GString) figures = g_string_new (NULL);
  g_autoptr(GString) provenance = g_string_new (NULL);
  const HrSensitivityFigure *sensitivity;
  HrHeadphone *headphone;

  g_return_val_if_fail (HR_IS_HEADPHONE_PRESET (preset), NULL);

  headphone = hr_headphone_preset_get_headphone (preset);
  sensitivity = hr_headphone_preset_get_sensitivity (preset);
  append_figure (figures, provenance, _("Nominal impedance"),
                 hr_headphone_preset_get_nominal_impedance (preset), hr_format_ohm);
  /* Translators: a sensitivity, "102 dB/V" */
  g_string_append_printf (figures, " · ");
  if (!hr_headphone_has_sensitivity (headphone))
    {
      /* Translators: a sensitivity nobody published, on the row of figures */
      g_string_append (figures, _("? dB/V"));
      g_string_append_printf (provenance, "\n%s: %s", _("Sensitivity"),
                              _("unknown, so the level is not checked"));
    }
  else
    {
      g_string_append_printf (figures, _("%.0f dB/V"), hr_headphone_get_sensitivity_db_per_v (headphone));
      g_string_append_printf (provenance, "\n%s: %g %s (%s)", _("Sensitivity"), sensitivity->value,
                              hr_sensitivity_unit_to_string (sensitivity->unit),
                              sensitivity->source != NULL ? sensitivity->source : _("source not stated"));
    }
  g_string_append_printf (figures, " · %s",
                          hr_headphone_type_label (hr_headphone_preset_get_headphone_type (preset)));
  if (hr_headphone_preset_get_impedance_source (preset) != NULL)
    g_string_append_printf (provenance, "\n%s: %s", _("Impedance curve"),
                            hr_headphone_preset_get_impedance_source (preset));
  if (tooltip != NULL)
    *tooltip = g_strdup (provenance->str);
  return g_strdup (figures->str);
}

/* The dropdowns list "name · category"; search matches any part of it,
 * so typing "dongle" or "planar" narrows the list as a name does. Gear
 * from a comparison file opened this session says which. */
GListModel *
hr_preset_list_model_new (GPtrArray *presets)
{
  g_auto(GStrv) items = g_new0 (char *, presets->len + 1);

  for (guint i = 0; i < presets->len; i++)
    {
      HrPreset *preset = g_ptr_array_index (presets, i);
      char *item;

      if (HR_IS_SOURCE_PRESET (preset))
        item = hr_source_preset_dup_list_label (HR_SOURCE_PRESET (preset));
      else
        {
          g_autofree char *name = hr_preset_dup_display_name (preset);

          item = g_strdup_printf ("%s · %s", name,
                                  hr_headphone_type_label (hr_headphone_preset_get_headphone_type (HR_HEADPHONE_PRESET (preset))));
        }
      if (hr_preset_get_origin (preset) == HR_PRESET_ORIGIN_OPENED)
        {
          char *from;

          /* Translators: a dropdown's item for gear from a comparison file,
           * "HD 650 (my unit) · Open-back dynamic · from shootout.headroom" */
          from = g_strdup_printf (_("%s · from %s"), item, hr_preset_get_filename (preset));
          g_free (item);
          item = from;
        }
      items[i] = item;
    }
  /* At once: appended one at a time, each would say so to no one. */
  return G_LIST_MODEL (gtk_string_list_new ((const char *const *) items));
}

typedef struct
{
  HrSourceCategory  category;
  char             *name_key;  /* the name's collation key */
  guint             position;
  HrSourcePreset   *preset;
} SourceEntry;

static int
compare_source_entries (gconstpointer a,
                        gconstpointer b)
{
  const SourceEntry *ea = a;
  const SourceEntry *eb = b;
  int order;

  if (ea->category != eb->category)
    return ea->category < eb->category ? -1 : 1;
  order = strcmp (ea->name_key, eb->name_key);
  if (order != 0)
    return order;
  return ea->position < eb->position ? -1 : ea->position > eb->position;
}

/**
 * hr_sort_sources_by_category:
 * @sources: (element-type HrSourcePreset)
 *
 * Sorts @sources by category, then by name as the user's language orders
 * names; sources alike in both keep their order. Each name's collation
 * key is made once: with thousands of sources, g_utf8_collate() at every
 * comparison took longer than the rest of the start-up.
 */
void
hr_sort_sources_by_category (GPtrArray *sources)
{
  g_autofree SourceEntry *entries = g_new (SourceEntry, MAX (sources->len, 1));

  for (guint i = 0; i < sources->len; i++)
    {
      HrSourcePreset *preset = g_ptr_array_index (sources, i);

      entries[i].category = hr_source_preset_get_category (preset);
      entries[i].name_key = g_utf8_collate_key (hr_preset_get_name (HR_PRESET (preset)), -1);
      entries[i].position = i;
      entries[i].preset = preset;
    }
  qsort (entries, sources->len, sizeof (SourceEntry), compare_source_entries);
  for (guint i = 0; i < sources->len; i++)
    {
      sources->pdata[i] = entries[i].preset;
      g_free (entries[i].name_key);
    }
}

guint
hr_preset_list_find (GPtrArray  *presets,
                     const char *id)
{
  for (guint i = 0; id != NULL && i < presets->len; i++)
    if (g_strcmp0 (hr_preset_get_id (g_ptr_array_index (presets, i)), id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}
