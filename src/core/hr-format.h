/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *hr_format_freq      (double       freq_hz);
char       *hr_format_ohm       (double       ohm);
char       *hr_format_freq_full (double       freq_hz,
                                 gboolean     translate);
char       *hr_format_ohm_full  (double       ohm,
                                 gboolean     translate);
char       *hr_format_number    (const char  *printf_format,
                                 double       value,
                                 gboolean     translate);
const char *hr_format_text      (const char  *msgid,
                                 gboolean     translate) G_GNUC_FORMAT (1);
char       *hr_format_voltage   (double       vrms);
char       *hr_format_current   (double       ma);
char       *hr_format_power     (double       mw);
char       *hr_format_capacitance (double     uf);

G_END_DECLS
