/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-core.h"
#include "hr-preset.h"

G_BEGIN_DECLS

#define HR_TYPE_HEADPHONE_PRESET (hr_headphone_preset_get_type ())

G_DECLARE_FINAL_TYPE (HrHeadphonePreset, hr_headphone_preset, HR, HEADPHONE_PRESET, HrPreset)

typedef enum
{
  HR_HEADPHONE_TYPE_OPEN_DYNAMIC,
  HR_HEADPHONE_TYPE_CLOSED_DYNAMIC,
  HR_HEADPHONE_TYPE_PLANAR,
  HR_HEADPHONE_TYPE_DYNAMIC_IEM,
  HR_HEADPHONE_TYPE_BA_IEM,
  HR_HEADPHONE_TYPE_HYBRID_IEM,
} HrHeadphoneType;

/* The sensitivity as the spec sheet states it. */
typedef struct
{
  double             value;
  HrSensitivityUnit  unit;
  double             ref_freq_hz;  /* 1000 unless the spec says otherwise */
  char              *source;
} HrSensitivityFigure;

const char *const         *hr_headphone_type_names                 (void);
const char                *hr_headphone_type_to_string             (HrHeadphoneType     type);

HrHeadphoneType            hr_headphone_preset_get_headphone_type  (HrHeadphonePreset  *self);
HrHeadphone               *hr_headphone_preset_get_headphone       (HrHeadphonePreset  *self);
const HrFigure            *hr_headphone_preset_get_nominal_impedance (HrHeadphonePreset *self);
const HrSensitivityFigure *hr_headphone_preset_get_sensitivity     (HrHeadphonePreset  *self);
const HrFigure            *hr_headphone_preset_get_max_input       (HrHeadphonePreset  *self);
HrImpedance               *hr_headphone_preset_get_impedance       (HrHeadphonePreset  *self);
const char                *hr_headphone_preset_get_impedance_source   (HrHeadphonePreset *self);
const char                *hr_headphone_preset_get_impedance_modelled (HrHeadphonePreset *self);
const char                *hr_headphone_preset_get_impedance_note  (HrHeadphonePreset  *self);
const HrResponsePoint     *hr_headphone_preset_get_response        (HrHeadphonePreset  *self,
                                                                    guint              *n_points);
const char                *hr_headphone_preset_get_response_source (HrHeadphonePreset  *self);

G_END_DECLS
