/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-chart-export.h"
#include "hr-chart-private.h"

/* The data behind the charts as CSV: one row per frequency, and for each
 * visible trace one column per metric, headed "LABEL: metric" with the
 * metric's name as `headroom-cli sweep` prints it. Numbers are %.10g with
 * a dot whatever the locale, "inf" where nothing limits, as in sweep's
 * CSV. Traces computed on other frequencies than the first leave their
 * cells empty on rows that are not theirs; the two response columns are
 * there for a trace whose headphones have a response, and empty outside
 * the band it was measured over. */

static const char *const metrics[] = {
  "z_mag_ohm", "z_phase_deg", "zout_ohm", "i_ma", "i_source_ma", "p_mw",
  "spl_db", "spl_max_db", "limit", "dev_db", "fr_db", "fr_pred_db",
};

#define N_RESPONSE_METRICS 2

static guint
n_metrics (HrChartTrace *trace)
{
  return G_N_ELEMENTS (metrics) - (trace->sweep->has_response ? 0 : N_RESPONSE_METRICS);
}

static void
append_quoted (GString    *out,
               const char *label,
               const char *metric)
{
  g_string_append_c (out, '"');
  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_printf (out, ": %s\"", metric);
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* NaN: a figure nobody knows, such as an unknown Zout, is left empty. */
  if (isnan (value))
    return;
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.10g", value));
}

static void
append_cells (GString      *out,
              HrChartTrace *trace,
              guint         index)
{
  const HrSweep *sweep = trace->sweep;
  const double values[] = {
    sweep->z_mag_ohm[index], sweep->z_phase_deg[index], hr_chart_trace_get_zout_ohm (trace, index),
    sweep->i_ma[index], sweep->i_source_ma[index], sweep->p_mw[index],
    sweep->spl_db[index], sweep->spl_max_db[index], NAN, sweep->dev_db[index],
    sweep->has_response ? sweep->fr_db[index] : NAN,
    sweep->has_response ? sweep->fr_pred_db[index] : NAN,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (values) == G_N_ELEMENTS (metrics));
  for (guint m = 0; m < n_metrics (trace); m++)
    {
      g_string_append_c (out, ',');
      if (g_str_equal (metrics[m], "limit"))
        g_string_append (out, hr_limit_to_string (sweep->limit[index]));
      else
        append_number (out, values[m]);
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a;
  double db = *(const double *) b;

  return (da > db) - (da < db);
}

char *
hr_chart_export_csv (HrChartView *view)
{
  g_autoptr(GPtrArray) traces = g_ptr_array_new ();
  g_autoptr(GArray) freqs_hz = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree guint *cursor = NULL;
  GString *out = g_string_new ("freq_hz");

  g_return_val_if_fail (view != NULL, NULL);

  for (guint i = 0; i < view->traces->len; i++)
    {
      HrChartTrace *trace = g_ptr_array_index (view->traces, i);

      if (!hr_chart_trace_is_drawn (trace))
        continue;
      g_ptr_array_add (traces, trace);
      g_array_append_vals (freqs_hz, trace->sweep->freq_hz, trace->sweep->n_points);
      for (guint m = 0; m < n_metrics (trace); m++)
        {
          g_string_append_c (out, ',');
          append_quoted (out, trace->label, metrics[m]);
        }
    }
  g_string_append_c (out, '\n');

  /* The union of the frequencies, each once; sweeps are increasing, so a
   * cursor per trace walks its points along the rows. */
  g_array_sort (freqs_hz, compare_doubles);
  cursor = g_new0 (guint, MAX (traces->len, 1));
  for (guint r = 0; r < freqs_hz->len; r++)
    {
      double freq_hz = g_array_index (freqs_hz, double, r);

      if (r > 0 && freq_hz == g_array_index (freqs_hz, double, r - 1))
        continue;

      append_number (out, freq_hz);
      for (guint t = 0; t < traces->len; t++)
        {
          HrChartTrace *trace = g_ptr_array_index (traces, t);
          const HrSweep *sweep = trace->sweep;

          if (cursor[t] < sweep->n_points && sweep->freq_hz[cursor[t]] == freq_hz)
            append_cells (out, trace, cursor[t]++);
          else
            for (guint m = 0; m < n_metrics (trace); m++)
              g_string_append_c (out, ',');
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
