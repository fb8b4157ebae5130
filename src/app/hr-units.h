/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a numeric entry of the sidebar holds: the unit its text may name. */
typedef enum
{
  HR_UNIT_OHM,
  HR_UNIT_DB_SPL,
} HrUnit;

gboolean  hr_units_parse   (const char *text,
                            HrUnit      unit,
                            double     *value);
char     *hr_units_format  (double      value,
                            HrUnit      unit);

G_END_DECLS
