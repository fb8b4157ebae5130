/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hr-core.h"
#include "hr-preset.h"

G_BEGIN_DECLS

/* One step of "max_voltage_by_load" as a preset holds it: its figure keeps
 * where it comes from (SCHEMA.md, "A maximum voltage that depends on the
 * load"). */
typedef struct
{
  double   load_ohm;
  gboolean above;             /* "above_ohm", not "from_ohm" */
  HrFigure max_voltage_vrms;
} HrVoltageStepFigure;

GArray   *hr_voltage_steps_json_read  (JsonObject   *object,
                                       const char   *path,
                                       GPtrArray    *errors);
gboolean  hr_voltage_steps_json_parse (JsonObject   *object,
                                       const char   *path,
                                       HrSource     *source,
                                       GError      **error);
void      hr_voltage_steps_to_source  (GArray       *steps,
                                       HrSource     *source);

G_END_DECLS
