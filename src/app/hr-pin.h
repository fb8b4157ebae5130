/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-chart.h"
#include "hr-preset-db.h"

G_BEGIN_DECLS

/* The most pins: the chart's palette has HR_CHART_N_SLOTS colours and
 * the live configuration takes the first. */
#define HR_PIN_MAX (HR_CHART_N_SLOTS - 1)

/* The shunt slider's top end, which means no shunt resistor at all. */
#define HR_SHUNT_OFF_OHM 10000.0

/* A configuration as the sidebar describes it: presets by id, and the
 * values of the sliders. */
typedef struct
{
  char     *source_id;
  char     *output_id;
  char     *headphone_id;
  double    zout_ohm;
  double    headphone_z_ohm;
  double    level_db_spl;
  double    cable_ohm;
  double    adapter_series_ohm;
  double    adapter_shunt_ohm;   /* HR_SHUNT_OFF_OHM for none */
} HrConfig;

/* A pinned configuration: its name, whether it is drawn, and its trace. */
typedef struct
{
  char         *name;
  gboolean      visible;
  HrConfig      config;
  HrChartTrace *trace;
} HrPin;

#define HR_PINS_VARIANT_TYPE "a(sbsssdddddd)"

void      hr_config_clear       (HrConfig        *config);
void      hr_config_copy        (HrConfig        *dest,
                                 const HrConfig  *src);
gboolean  hr_config_build       (const HrConfig  *config,
                                 HrPresetDb      *db,
                                 HrCircuit       *circuit,
                                 HrDrive         *drive,
                                 HrHeadphone    **headphone_owned,
                                 GError         **error);
HrChartTrace *hr_config_compute_trace (const HrConfig *config,
                                       HrPresetDb     *db,
                                       const char     *label,
                                       GError        **error);

HrPin    *hr_pin_new            (const char      *name,
                                 const HrConfig  *config);
void      hr_pin_free           (HrPin           *pin);
gboolean  hr_pin_compute        (HrPin           *pin,
                                 HrPresetDb      *db,
                                 GError         **error);
GVariant *hr_pins_to_variant    (GPtrArray       *pins);
GPtrArray *hr_pins_from_variant (GVariant        *variant);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HrConfig, hr_config_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrPin, hr_pin_free)

G_END_DECLS
