/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-chart.h"
#include "hr-preset-db.h"
#include "hr-scenario.h"

G_BEGIN_DECLS

/* The most pins: the chart's palette has HR_CHART_N_SLOTS colours and
 * the live configuration takes the first. */
#define HR_PIN_MAX (HR_CHART_N_SLOTS - 1)

/* The shunt slider's top end, which means no shunt resistor at all. */
#define HR_SHUNT_OFF_OHM 10000.0

#define HR_PIN_ERROR (hr_pin_error_quark ())

typedef enum
{
  HR_PIN_ERROR_NOTHING_TO_PIN,  /* no configuration is shown */
  HR_PIN_ERROR_TOO_MANY,        /* HR_PIN_MAX are pinned already */
  HR_PIN_ERROR_STORED,          /* a remembered pin does not read */
} HrPinError;

/* A pinned configuration: its name, whether it is drawn, the scenario it
 * keeps (its own copy), and its trace, computed from the presets. */
typedef struct
{
  char         *name;
  gboolean      visible;
  guint         slot;      /* its colour in the palette, 1…HR_PIN_MAX, kept for good */
  HrScenario   *scenario;
  HrChartTrace *trace;
} HrPin;

/* Remembered as (name, visible, slot, the scenario as JSON). */
#define HR_PINS_VARIANT_TYPE "a(sbus)"
/* How pins were remembered before scenarios: the sidebar's values. */
#define HR_PINS_LEGACY_VARIANT_TYPE "a(sbsssdddddd)"

GQuark        hr_pin_error_quark      (void);

HrPin        *hr_pin_new              (const char      *name,
                                       HrScenario      *scenario);
void          hr_pin_free             (HrPin           *pin);
gboolean      hr_pin_compute          (HrPin           *pin,
                                       HrPresetDb      *db,
                                       GError         **error);
GVariant     *hr_pins_to_variant      (GPtrArray       *pins);
GPtrArray    *hr_pins_from_variant    (GVariant        *variant,
                                       GError         **error);
GPtrArray    *hr_pins_from_legacy_variant (GVariant    *variant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrPin, hr_pin_free)

G_END_DECLS
