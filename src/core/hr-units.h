/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-infer.h"

G_BEGIN_DECLS

/* What a numeric entry holds: the unit its text may name. */
typedef enum
{
  HR_UNIT_OHM,
  HR_UNIT_DB_SPL,
  HR_UNIT_DB,          /* a sensitivity's value, whatever its unit */
  HR_UNIT_HERTZ,
  HR_UNIT_MILLIHENRY,
  HR_UNIT_MILLIWATT,
  HR_UNIT_VOLT,        /* RMS */
  HR_UNIT_MILLIAMP,    /* RMS */
  HR_UNIT_MICROFARAD,
  HR_UNIT_NUMBER,      /* a Q, a ratio: no unit */
} HrUnit;

gboolean  hr_units_parse             (const char   *text,
                                      HrUnit        unit,
                                      double       *value);
gboolean  hr_units_parse_noise       (const char   *text,
                                      double        max_voltage_vrms,
                                      double       *noise_vrms,
                                      GError      **error);
gboolean  hr_units_parse_power_pair  (const char   *text,
                                      HrPowerSpec  *spec,
                                      GError      **error);
GArray   *hr_units_parse_power_pairs (const char   *text,
                                      GError      **error);
char     *hr_units_format            (double        value,
                                      HrUnit        unit);

G_END_DECLS
