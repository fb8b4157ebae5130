/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "hr-cli.h"
#include "hr-cli-fit.h"
#include "hr-cli-private.h"
#include "hr-json-write.h"

/* headroom-cli fit: what the headphones form's "From a published plot"
 * does, on the command line. The figures a review's or a maker's plot
 * shows (where the bass peak tops out and how high, |Z| at 1 kHz, and if
 * shown |Z| at 20 kHz and the peak's width) are fitted to a driver
 * (hr_fit_driver()); the text says how close it comes to each and what it
 * assumed, and --format json prints the "impedance" object a preset holds,
 * with what it was fitted to. */

typedef struct
{
  char     *peak_hz;
  char     *peak_ohm;
  char     *z_1k;
  char     *z_20k;
  char     *width_lo;
  char     *width_hi;
  char     *qms;
  char     *format;
  gboolean  help;
} FitOptions;

static void
fit_options_clear (FitOptions *options)
{
  g_clear_pointer (&options->peak_hz, g_free);
  g_clear_pointer (&options->peak_ohm, g_free);
  g_clear_pointer (&options->z_1k, g_free);
  g_clear_pointer (&options->z_20k, g_free);
  g_clear_pointer (&options->width_lo, g_free);
  g_clear_pointer (&options->width_hi, g_free);
  g_clear_pointer (&options->qms, g_free);
  g_clear_pointer (&options->format, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FitOptions, fit_options_clear)

static gboolean
parse_figure (const char  *option,
              const char  *text,
              HrUnit       unit,
              gboolean     required,
              double      *value,
              GError     **error)
{
  *value = HR_UNKNOWN;
  if (text == NULL)
    {
      if (required)
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("%s is required"), option);
      return !required;
    }
  if (!hr_units_parse (text, unit, value))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("%s needs a number, got “%s”"), option, text);
      return FALSE;
    }
  return TRUE;
}

static char *
format_text (const HrDriverFit *fit)
{
  static const char *const names[HR_DRIVER_N_FIGURES] = {
    [HR_DRIVER_FIGURE_PEAK_HZ] = N_("Peak at"),
    [HR_DRIVER_FIGURE_PEAK_OHM] = N_("Peak |Z|"),
    [HR_DRIVER_FIGURE_1KHZ_OHM] = N_("|Z| at 1 kHz"),
    [HR_DRIVER_FIGURE_20KHZ_OHM] = N_("|Z| at 20 kHz"),
    [HR_DRIVER_FIGURE_WIDTH_LO_HZ] = N_("Width from"),
    [HR_DRIVER_FIGURE_WIDTH_HI_HZ] = N_("Width to"),
  };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = hr_driver_fit_format_summary (fit, TRUE);
  g_autofree char *note = hr_driver_fit_format_note (fit, TRUE);

  g_string_append_printf (text, _("Re:   %.6g Ω\nLe:   %.6g mH\nfs:   %.6g Hz\nQms:  %.6g%s\nQes:  %.6g\n\n"),
                          fit->ts.re_ohm, fit->ts.le_h * 1000.0, fit->ts.fs_hz, fit->ts.qms,
                          fit->qms_assumed ? _(" (assumed)") : "", fit->ts.qes);
  for (guint f = 0; f < HR_DRIVER_N_FIGURES; f++)
    {
      const HrDriverFigureFit *figure = &fit->figures[f];
      const char *unit = f == HR_DRIVER_FIGURE_PEAK_HZ || f == HR_DRIVER_FIGURE_WIDTH_LO_HZ
                         || f == HR_DRIVER_FIGURE_WIDTH_HI_HZ ? "Hz" : "Ω";

      if (figure->given)
        /* Translators: "Peak |Z|: 510 Ω given, model 510 Ω (+0.00 %)" */
        g_string_append_printf (text, _("%s: %.6g %s given, model %.6g %s (%+.2f %%)\n"), _(names[f]),
                                figure->target, unit, figure->model, unit, 100.0 * figure->rel_error);
      else
        /* Translators: "|Z| at 20 kHz: not given, model 302 Ω" */
        g_string_append_printf (text, _("%s: not given, model %.6g %s\n"), _(names[f]), figure->model, unit);
    }
  if (summary != NULL)
    g_string_append_printf (text, "\n%s\n", summary);
  g_string_append_printf (text, _("\nModelled: %s\n"), note);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The preset's "impedance" object, numbers as the other commands print
 * them; the note in English, as JSON is. */
static char *
format_json (const HrDriverFit *fit)
{
  g_autoptr(GString) out = g_string_new ("{");
  g_autofree char *note = hr_driver_fit_format_note (fit, FALSE);
  HrJsonMembers members;

  hr_json_members_init (&members, out, "  ");
  hr_json_member_string (&members, "model", "thiele-small");
  hr_json_member_number (&members, "re_ohm", fit->ts.re_ohm);
  hr_json_member_number (&members, "le_h", fit->ts.le_h);
  hr_json_member_number (&members, "fs_hz", fit->ts.fs_hz);
  hr_json_member_number (&members, "qms", fit->ts.qms);
  hr_json_member_number (&members, "qes", fit->ts.qes);
  hr_json_member_string (&members, "modelled", note);
  hr_json_member_number (&members, "max_rel_error", fit->max_rel_error);
  g_string_append (out, "\n}\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
run_fit (gpointer   user_data,
         GError   **error)
{
  const FitOptions *options = user_data;
  g_autofree char *output = NULL;
  HrDriverFeatures features = HR_DRIVER_FEATURES_INIT;
  HrDriverFit fit;
  gboolean json = FALSE;

  if (options->format != NULL)
    {
      json = g_str_equal (options->format, "json");
      if (!json && !g_str_equal (options->format, "text"))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--format must be text or json, got “%s”"), options->format);
          return FALSE;
        }
    }
  if (!parse_figure ("--peak-hz", options->peak_hz, HR_UNIT_HERTZ, TRUE, &features.fs_hz, error) ||
      !parse_figure ("--peak-ohm", options->peak_ohm, HR_UNIT_OHM, TRUE, &features.z_fs_ohm, error) ||
      !parse_figure ("--z-1k", options->z_1k, HR_UNIT_OHM, TRUE, &features.z_1k_ohm, error) ||
      !parse_figure ("--z-20k", options->z_20k, HR_UNIT_OHM, FALSE, &features.z_20k_ohm, error) ||
      !parse_figure ("--width-lo", options->width_lo, HR_UNIT_HERTZ, FALSE, &features.width_lo_hz, error) ||
      !parse_figure ("--width-hi", options->width_hi, HR_UNIT_HERTZ, FALSE, &features.width_hi_hz, error) ||
      !parse_figure ("--qms", options->qms, HR_UNIT_NUMBER, FALSE, &features.qms, error))
    return FALSE;
  if (isnan (features.width_lo_hz) != isnan (features.width_hi_hz))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("--width-lo and --width-hi go together"));
      return FALSE;
    }
  if (!hr_fit_driver (&features, &fit, error))
    return FALSE;
  output = json ? format_json (&fit) : format_text (&fit);
  /* JSON is UTF-8 whatever the terminal; the text follows its charset. */
  if (json)
    fputs (output, stdout);
  else
    g_print ("%s", output);
  return TRUE;
}

int
hr_cli_fit (int    argc,
            char **argv)
{
  g_auto(FitOptions) options = { 0 };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  const GOptionEntry entries[] = {
    { "peak-hz", 0, 0, G_OPTION_ARG_STRING, &options.peak_hz,
      N_("Where the bass peak of |Z| tops out (required)"), N_("HZ") },
    { "peak-ohm", 0, 0, G_OPTION_ARG_STRING, &options.peak_ohm,
      N_("|Z| at the top of the peak (required)"), N_("OHM") },
    { "z-1k", 0, 0, G_OPTION_ARG_STRING, &options.z_1k, N_("|Z| at 1 kHz (required)"), N_("OHM") },
    { "z-20k", 0, 0, G_OPTION_ARG_STRING, &options.z_20k, N_("|Z| at 20 kHz, if the plot shows it"), N_("OHM") },
    { "width-lo", 0, 0, G_OPTION_ARG_STRING, &options.width_lo,
      N_("Below the peak, where |Z| crosses √(peak × |Z| at 1 kHz)"), N_("HZ") },
    { "width-hi", 0, 0, G_OPTION_ARG_STRING, &options.width_hi,
      N_("Above the peak, where it crosses the same level"), N_("HZ") },
    { "qms", 0, 0, G_OPTION_ARG_STRING, &options.qms, N_("A known Qms, in place of the width"), N_("Q") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &options.format,
      N_("text (default), or json: the preset's \"impedance\" object"), N_("FORMAT") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &options.help, N_("Show the options and exit"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("Fits a dynamic driver's Thiele–Small model to the figures a published impedance plot shows."));
  g_option_context_set_description (context,
    _("Without the peak's width or a Qms, Qms is assumed (the median of the bundled headphones whose "
      "plots show it); without |Z| at 20 kHz, the voice-coil inductance is taken as 0. The output says "
      "how close the model comes to each figure, and what was assumed.\n"
      "\n"
      "Exit status: 0 on success, 1 on figures that cannot be fitted, 2 on bad usage."));

  return hr_cli_run_with_options (argv, context, &options.help, run_fit, &options);
}
