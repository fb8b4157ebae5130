/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "hr-cli-output.h"
#include "hr-export.h"
#include "hr-summary-json.h"

/* JSON points use the keys of the CSV columns (hr-export.h): scripts
 * depend on these names and on the "%.10g" number format. */
static const char *const sweep_keys[] = {
  "freq_hz", "z_mag_ohm", "z_phase_deg", "v_load_vrms", "i_ma", "p_mw",
  "spl_db", "dev_db", "atten_db", "spl_max_db",
};

static void
sweep_row_values (const HrSweep *sweep,
                  guint          i,
                  double         values[G_N_ELEMENTS (sweep_keys)])
{
  values[0] = sweep->freq_hz[i];
  values[1] = sweep->z_mag_ohm[i];
  values[2] = sweep->z_phase_deg[i];
  values[3] = sweep->v_load_vrms[i];
  values[4] = sweep->i_ma[i];
  values[5] = sweep->p_mw[i];
  values[6] = sweep->spl_db[i];
  values[7] = sweep->dev_db[i];
  values[8] = sweep->atten_db[i];
  values[9] = sweep->spl_max_db[i];
}

/* g_ascii_formatd, never printf: LC_NUMERIC could make the dot a comma. */
static void
write_number (FILE   *out,
              double  value)
{
  char text[G_ASCII_DTOSTR_BUF_SIZE];

  fputs (g_ascii_formatd (text, sizeof text, "%.10g", value), out);
}

/* The writer the app's CSV export uses too, so the two cannot drift. */
void
hr_cli_write_sweep_csv (FILE          *out,
                        const HrSweep *sweep)
{
  hr_export_write_sweep_csv (out, sweep);
}

/* JSON has no infinity or NaN: those become null. */
static void
write_json_number (FILE   *out,
                   double  value)
{
  if (isfinite (value))
    write_number (out, value);
  else
    fputs ("null", out);
}

static void
write_json_string (FILE       *out,
                   const char *text)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *json = NULL;

  if (text == NULL)
    {
      fputs ("null", out);
      return;
    }

  /* json-glib escapes quotes and control characters as JSON wants. */
  node = json_node_init_string (json_node_alloc (), text);
  json = json_to_string (node, FALSE);
  fputs (json, out);
}

void
hr_cli_write_sweep_json (FILE          *out,
                         const HrSweep *sweep,
                         const char    *headphone_name,
                         const char    *source_name)
{
  fputs ("{\n  \"headphone\": ", out);
  write_json_string (out, headphone_name);
  fputs (",\n  \"source\": ", out);
  write_json_string (out, source_name);
  fputs (",\n  \"drive\": {\"voc_vrms\": ", out);
  write_json_number (out, sweep->voc_vrms);
  fputs (", \"spl_1k_db\": ", out);
  write_json_number (out, sweep->spl_1k_db);
  fputs ("},\n  \"points\": [", out);

  /* One point a line: a million of them stay greppable. */
  for (guint i = 0; i < sweep->n_points; i++)
    {
      double values[G_N_ELEMENTS (sweep_keys)];

      sweep_row_values (sweep, i, values);
      fputs (i == 0 ? "\n    {" : ",\n    {", out);
      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          fprintf (out, "\"%s\": ", sweep_keys[j]);
          write_json_number (out, values[j]);
          fputs (", ", out);
        }
      fprintf (out, "\"limit\": \"%s\", \"zth_ohm\": ", hr_limit_to_string (sweep->limit[i]));
      write_json_number (out, sweep->zth_ohm[i]);
      if (sweep->has_response)
        {
          fputs (", \"fr_db\": ", out);
          write_json_number (out, sweep->fr_db[i]);
          fputs (", \"fr_pred_db\": ", out);
          write_json_number (out, sweep->fr_pred_db[i]);
        }
      fputc ('}', out);
    }

  fputs ("\n  ]\n}\n", out);
}

void
hr_cli_write_summary_json (FILE            *out,
                           const HrSummary *summary,
                           const char      *headphone_name,
                           const char      *source_name)
{
  g_autoptr(GString) text = g_string_new ("{");
  HrJsonMembers members;

  hr_json_members_init (&members, text, "  ");
  hr_json_member_string (&members, "headphone", headphone_name);
  hr_json_member_string (&members, "source", source_name);
  hr_summary_append_json_members (&members, summary);
  g_string_append (text, "\n}\n");
  fputs (text->str, out);
}

/* The text for people from here on: translated, in the user's number
 * format, with the precision a person can use. */

/* A source's limit: a figure, or the words for NaN and infinity that the
 * contract of `check` promises. */
static char *
format_available (double      value,
                  const char *unit)
{
  if (!hr_limit_is_known (value))
    return g_strdup (_("unknown"));
  if (!hr_limit_is_finite (value))
    return g_strdup (_("no limit"));
  /* Translators: a figure and its unit, "5 Vrms" */
  return g_strdup_printf (_("%.3g %s"), value, unit);
}

static const char *
limit_phrase (HrLimit limit)
{
  switch (limit)
    {
    case HR_LIMIT_VOLTAGE:
      return _("limited by the voltage swing");
    case HR_LIMIT_CURRENT:
      return _("limited by the current limit");
    case HR_LIMIT_NONE:
      return _("nothing limits it");
    default:
      g_return_val_if_reached ("");
    }
}

typedef struct
{
  GPtrArray *labels;  /* const char *, translated */
  GPtrArray *values;  /* char *, owned */
} Figures;

static void
add_figure (Figures    *figures,
            const char *label,
            char       *value)
{
  g_ptr_array_add (figures->labels, (gpointer) label);
  g_ptr_array_add (figures->values, value);
}

/* Labels padded to one column, measured in characters: translations
 * change their widths. */
static void
append_figures (GString       *text,
                const Figures *figures)
{
  glong width = 0;

  for (guint i = 0; i < figures->labels->len; i++)
    width = MAX (width, g_utf8_strlen (g_ptr_array_index (figures->labels, i), -1));

  for (guint i = 0; i < figures->labels->len; i++)
    {
      const char *label = g_ptr_array_index (figures->labels, i);

      g_string_append (text, label);
      for (glong pad = g_utf8_strlen (label, -1); pad < width + 2; pad++)
        g_string_append_c (text, ' ');
      g_string_append (text, g_ptr_array_index (figures->values, i));
      g_string_append_c (text, '\n');
    }
}

static char *
describe_headroom (const HrSummary *summary)
{
  g_autofree char *freq = NULL;

  if (!isfinite (summary->headroom_db))
    return g_strdup (_("no limit"));

  freq = hr_format_freq (summary->headroom_freq_hz);
  return g_strdup_printf (_("%.1f dB at the least, at %s (%s); music peaks need %.0f dB"),
                          summary->headroom_db, freq,
                          limit_phrase (summary->headroom_limit),
                          summary->crest_factor_db);
}

static char *
describe_eighth_rule (const HrSummary *summary)
{
  g_autofree char *zout = hr_format_ohm (summary->zout_1k_ohm);
  g_autofree char *zmax = hr_format_ohm (summary->z_nominal_ohm / 8.0);

  if (summary->eighth_rule_holds)
    return g_strdup_printf (_("yes (%s output impedance, at most %s allowed)"), zout, zmax);
  return g_strdup_printf (_("no (%s output impedance, at most %s allowed)"), zout, zmax);
}

char *
hr_cli_format_summary_text (const HrSummary *summary,
                            const HrCircuit *circuit,
                            const char      *source_name)
{
  /* Music peaks sit the crest factor above the average level: the source
   * must deliver that much more voltage and current for them. */
  const double peak_factor = pow (10.0, summary->crest_factor_db / 20.0);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  Figures figures = { labels, values };
  g_autofree char *z_min = hr_format_ohm (summary->z_min_ohm);
  g_autofree char *z_max = hr_format_ohm (summary->z_max_ohm);
  g_autofree char *z_nominal = hr_format_ohm (summary->z_nominal_ohm);
  g_autofree char *zout_1k = hr_format_ohm (summary->zout_1k_ohm);
  g_autofree char *dev_max_freq = hr_format_freq (summary->dev_max_freq_hz);
  g_autofree char *dev_min_freq = hr_format_freq (summary->dev_min_freq_hz);
  g_autofree char *i_needed_freq = hr_format_freq (summary->i_needed_freq_hz);
  g_autofree char *voc_available = format_available (summary->voc_available_vrms, "Vrms");
  g_autofree char *step_note = NULL;
  g_autofree char *i_available = format_available (summary->i_available_ma, "mA");

  g_string_append_printf (text, _("Verdict: %s"), hr_verdict_to_string (summary->verdict));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < summary->reasons->len; i++)
    {
      g_autofree char *reason = hr_reason_format (&g_array_index (summary->reasons, HrReason, i), TRUE);

      g_string_append_printf (text, "  • %s\n", reason);
    }
  g_string_append_c (text, '\n');

  add_figure (&figures, _("Headphones:"),
              g_strdup_printf (_("%s, %s nominal, %s to %s"),
                               hr_headphone_get_name (circuit->headphone),
                               z_nominal, z_min, z_max));
  add_figure (&figures, _("Source:"),
              g_strdup_printf (_("%s, %s output impedance at 1 kHz"), source_name, zout_1k));
  /* A maximum that depends on the load says which load it was read at. */
  if (!isnan (summary->voc_step_load_ohm))
    {
      g_autofree char *load = hr_format_ohm (summary->voc_step_load_ohm);

      /* Translators: after a voltage read off a source's table of maximum voltage by load */
      step_note = g_strdup_printf (_(" (from its maximum voltage by load, at the load's |Z| at 1 kHz, %s)"), load);
    }
  if (!summary->sensitivity_known)
    {
      /* No sensitivity, no SPL: say so rather than print NaN. */
      add_figure (&figures, _("Level:"),
                  isnan (summary->voc_vrms)
                  ? g_strdup (_("unknown (the headphones' sensitivity is not known; give the level as a voltage)"))
                  : g_strdup_printf (_("%.3g Vrms open circuit; its SPL is unknown (the headphones' sensitivity is not known)"),
                                     summary->voc_vrms));
      add_figure (&figures, _("Max clean SPL:"), g_strdup (_("unknown")));
      add_figure (&figures, _("Headroom:"), g_strdup (_("not checked")));
    }
  else
    add_figure (&figures, _("Level:"),
                g_strdup_printf (_("%.1f dB SPL at 1 kHz, from %.3g Vrms open circuit"),
                                 summary->level_db_spl, summary->voc_vrms));
  if (!summary->sensitivity_known)
    ;
  else if (isfinite (summary->spl_max_1k_db))
    add_figure (&figures, _("Max clean SPL:"),
                g_strdup_printf (_("%.1f dB SPL at 1 kHz, %s%s"),
                                 summary->spl_max_1k_db, limit_phrase (summary->limit_1k),
                                 summary->limit_1k == HR_LIMIT_VOLTAGE && step_note != NULL ? step_note : ""));
  else
    add_figure (&figures, _("Max clean SPL:"), g_strdup (_("no limit")));
  if (summary->sensitivity_known)
    add_figure (&figures, _("Headroom:"), describe_headroom (summary));
  /* Where the response stays flat to the printed precision, the places
   * of its maximum and minimum are noise. */
  if (summary->impedance_assumed)
    /* An assumed flat curve gives a flat line, which is no result. */
    add_figure (&figures, _("Deviation:"),
                g_strdup (_("not computed (the headphones' impedance curve is not known)")));
  else if (summary->deviation_span_db < 0.005)
    add_figure (&figures, _("Deviation:"),
                g_strdup_printf (_("%.2f dB from max to min (flat)"), summary->deviation_span_db));
  else
    add_figure (&figures, _("Deviation:"),
                g_strdup_printf (_("%.2f dB from max to min (%+.2f dB at %s, %+.2f dB at %s)"),
                                 summary->deviation_span_db,
                                 summary->dev_max_db, dev_max_freq,
                                 summary->dev_min_db, dev_min_freq));
  if (isfinite (summary->damping_factor))
    add_figure (&figures, _("Damping factor:"),
                g_strdup_printf ("%.3g", summary->damping_factor));
  else
    add_figure (&figures, _("Damping factor:"), g_strdup (_("no limit (0 Ω source)")));
  add_figure (&figures, _("1/8 rule:"), describe_eighth_rule (summary));
  if (isnan (summary->voc_vrms))
    {
      add_figure (&figures, _("Voltage:"),
                  g_strdup_printf (_("needs an unknown voltage; available %s%s"),
                                   voc_available, step_note != NULL ? step_note : ""));
      add_figure (&figures, _("Current:"),
                  g_strdup_printf (_("draws an unknown current; available %s"), i_available));
    }
  else
    {
      add_figure (&figures, _("Voltage:"),
                  g_strdup_printf (_("needs %.3g Vrms, %.3g Vrms for peaks; available %s%s"),
                                   summary->voc_vrms, summary->voc_vrms * peak_factor,
                                   voc_available, step_note != NULL ? step_note : ""));
      add_figure (&figures, _("Current:"),
                  g_strdup_printf (_("needs %.3g mA at %s, %.3g mA for peaks; available %s"),
                                   summary->i_needed_ma, i_needed_freq,
                                   summary->i_needed_ma * peak_factor, i_available));
    }
  if (!summary->sensitivity_known)
    add_figure (&figures, _("Hiss:"), g_strdup (_("unknown (the headphones' sensitivity is not known)")));
  else if (isnan (summary->hiss_spl_db))
    add_figure (&figures, _("Hiss:"), g_strdup (_("unknown (the source's noise is not known)")));
  else if (isfinite (summary->hiss_spl_db))
    add_figure (&figures, _("Hiss:"),
                g_strdup_printf (_("%.1f dB SPL, from %.3g µV of noise (audible above %.0f dB SPL)"),
                                 summary->hiss_spl_db, summary->noise_vrms * 1e6, HR_HISS_AUDIBLE_DB_SPL));
  if (summary->min_load_ohm > 0.0)
    add_figure (&figures, _("Rated load:"),
                g_strdup_printf (_("%.4g Ω or more; these headphones are %.4g Ω at 1 kHz"),
                                 summary->min_load_ohm, summary->z_1k_ohm));

  append_figures (text, &figures);
  return g_string_free (g_steal_pointer (&text), FALSE);
}
