/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stdio.h>

#include "hr-core.h"

G_BEGIN_DECLS

/* Machine output (CSV, JSON) is UTF-8, in the C locale's number format,
 * untranslated, written straight to a stream: a sweep may have a million
 * rows. The text for people is translated and built as a string, for
 * g_print() to convert to the terminal's charset.
 */

void  hr_cli_write_sweep_csv      (FILE            *out,
                                   const HrSweep   *sweep);
void  hr_cli_write_sweep_json     (FILE            *out,
                                   const HrSweep   *sweep,
                                   const char      *headphone_name,
                                   const char      *source_name);
void  hr_cli_write_summary_json   (FILE            *out,
                                   const HrSummary *summary,
                                   const char      *headphone_name,
                                   const char      *source_name);
char *hr_cli_format_summary_text  (const HrSummary *summary,
                                   const HrCircuit *circuit,
                                   const char      *source_name);

G_END_DECLS
