/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "hr-json-write.h"
#include "hr-summary-json.h"

/* The summary as JSON: what `headroom-cli check --format json` prints,
 * and what each candidate of `rank` repeats, so that a script can trust
 * that the two agree to the last digit: "%.10g" is the CLI's contract. */

/* One line: {"code": …, "severity": …, the figures…, "text": English}. */
/* The figures of a reason or of an explanation's step, each as a member
 * after the ones the caller wrote: ", KEY: VALUE". */
void
hr_json_append_args (GString           *out,
                     const HrReasonArg *args,
                     guint              n_args)
{
  for (guint i = 0; i < n_args; i++)
    {
      const HrReasonArg *arg = &args[i];

      g_string_append (out, ", ");
      hr_json_append_string (out, arg->key);
      g_string_append (out, ": ");
      switch (arg->type)
        {
        case HR_REASON_ARG_NUMBER:
          hr_json_append_number (out, arg->number);
          break;
        case HR_REASON_ARG_STRING:
          hr_json_append_string (out, arg->string);
          break;
        case HR_REASON_ARG_BOOLEAN:
          g_string_append (out, arg->boolean ? "true" : "false");
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

void
hr_reason_append_json (GString        *out,
                       const HrReason *reason)
{
  g_autofree char *text = hr_reason_format (reason, FALSE);

  g_string_append (out, "{\"code\": ");
  hr_json_append_string (out, hr_reason_code_to_string (reason->code));
  g_string_append (out, ", \"severity\": ");
  hr_json_append_string (out, hr_reason_severity_to_string (reason->severity));
  hr_json_append_args (out, reason->args, reason->n_args);
  g_string_append (out, ", \"text\": ");
  hr_json_append_string (out, text);
  g_string_append (out, "}");
}

/* The verdict, its reasons and every figure of the summary, as members
 * of an object that the caller opened. */
void
hr_summary_append_json_members (HrJsonMembers   *members,
                                const HrSummary *summary)
{
  g_autofree char *reason_indent = g_strconcat (members->indent, "  ", NULL);

  hr_json_member_string (members, "verdict", hr_verdict_to_id (summary->verdict));

  hr_json_member_key (members, "reasons");
  g_string_append (members->out, "[");
  for (guint i = 0; i < summary->reasons->len; i++)
    {
      g_string_append (members->out, i == 0 ? "\n" : ",\n");
      g_string_append (members->out, reason_indent);
      hr_reason_append_json (members->out, &g_array_index (summary->reasons, HrReason, i));
    }
  if (summary->reasons->len > 0)
    {
      g_string_append_c (members->out, '\n');
      g_string_append (members->out, members->indent);
    }
  g_string_append (members->out, "]");

  hr_json_member_number (members, "voc_vrms", summary->voc_vrms);
  hr_json_member_number (members, "level_db_spl", summary->level_db_spl);
  hr_json_member_limit (members, "spl_max_1k_db", summary->spl_max_1k_db);
  hr_json_member_string (members, "limit_1k", hr_limit_to_string (summary->limit_1k));
  hr_json_member_limit (members, "headroom_db", summary->headroom_db);
  hr_json_member_number (members, "headroom_freq_hz", summary->headroom_freq_hz);
  hr_json_member_string (members, "headroom_limit", hr_limit_to_string (summary->headroom_limit));
  hr_json_member_number (members, "crest_factor_db", summary->crest_factor_db);
  hr_json_member_number (members, "dev_max_db", summary->dev_max_db);
  hr_json_member_number (members, "dev_max_freq_hz", summary->dev_max_freq_hz);
  hr_json_member_number (members, "dev_min_db", summary->dev_min_db);
  hr_json_member_number (members, "dev_min_freq_hz", summary->dev_min_freq_hz);
  hr_json_member_number (members, "deviation_span_db", summary->deviation_span_db);
  hr_json_member_number (members, "band_min_hz", summary->band_min_hz);
  hr_json_member_number (members, "band_max_hz", summary->band_max_hz);
  hr_json_member_number (members, "z_nominal_ohm", summary->z_nominal_ohm);
  hr_json_member_number (members, "z_min_ohm", summary->z_min_ohm);
  hr_json_member_number (members, "z_min_freq_hz", summary->z_min_freq_hz);
  hr_json_member_number (members, "z_max_ohm", summary->z_max_ohm);
  hr_json_member_number (members, "z_max_freq_hz", summary->z_max_freq_hz);
  hr_json_member_number (members, "zout_1k_ohm", summary->zout_1k_ohm);
  hr_json_member_number (members, "zout_max_ohm", summary->zout_max_ohm);
  hr_json_member_number (members, "zout_max_freq_hz", summary->zout_max_freq_hz);
  hr_json_member_limit (members, "damping_factor", summary->damping_factor);
  hr_json_member_boolean (members, "eighth_rule_holds", summary->eighth_rule_holds);
  hr_json_member_limit (members, "voc_available_vrms", summary->voc_available_vrms);
  /* "steps": read off the source's maximum voltage by load, at
   * voc_step_load_ohm, the load's |Z| at 1 kHz. */
  hr_json_member_string (members, "voc_available_from",
                         isnan (summary->voc_step_load_ohm) ? "figure" : "steps");
  hr_json_member_number (members, "voc_step_load_ohm", summary->voc_step_load_ohm);
  hr_json_member_number (members, "i_needed_ma", summary->i_needed_ma);
  hr_json_member_number (members, "i_needed_freq_hz", summary->i_needed_freq_hz);
  hr_json_member_limit (members, "i_available_ma", summary->i_available_ma);
  hr_json_member_number (members, "z_1k_ohm", summary->z_1k_ohm);
  /* Unknown noise is null with "unknown"; a noiseless source's hiss is
   * null with "none". */
  hr_json_member_number (members, "noise_vrms", isnan (summary->noise_vrms) ? NAN : summary->noise_vrms);
  hr_json_member_number (members, "hiss_spl_db", summary->hiss_spl_db);
  hr_json_member_string (members, "hiss_spl_db_state",
                         isnan (summary->hiss_spl_db) ? "unknown"
                         : !isfinite (summary->hiss_spl_db) ? "none" : "known");
  hr_json_member_number (members, "min_load_ohm", summary->min_load_ohm > 0.0 ? summary->min_load_ohm : NAN);
  hr_json_member_boolean (members, "zout_assumed", summary->zout_assumed);
  hr_json_member_boolean (members, "impedance_assumed", summary->impedance_assumed);
  hr_json_member_boolean (members, "sensitivity_known", summary->sensitivity_known);
}
