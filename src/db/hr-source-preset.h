/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-core.h"
#include "hr-preset.h"
#include "hr-voltage-steps-json.h"

G_BEGIN_DECLS

#define HR_TYPE_SOURCE_PRESET (hr_source_preset_get_type ())

G_DECLARE_FINAL_TYPE (HrSourcePreset, hr_source_preset, HR, SOURCE_PRESET, HrPreset)

typedef enum
{
  HR_SOURCE_CATEGORY_MIC_PREAMP,
  HR_SOURCE_CATEGORY_LINE_PREAMP,
  HR_SOURCE_CATEGORY_LINE_PROCESSOR,
  HR_SOURCE_CATEGORY_TUBE_PREAMP,
  HR_SOURCE_CATEGORY_AUDIO_INTERFACE,
  HR_SOURCE_CATEGORY_MIXER,
  HR_SOURCE_CATEGORY_HEADPHONE_AMP,
  HR_SOURCE_CATEGORY_DAC_AMP,
  HR_SOURCE_CATEGORY_USB_DONGLE,
  HR_SOURCE_CATEGORY_PHONE,
  HR_SOURCE_CATEGORY_PLAYER,
  HR_SOURCE_CATEGORY_COMPUTER,
  HR_SOURCE_CATEGORY_REFERENCE,
} HrSourceCategory;

typedef enum
{
  HR_OUTPUT_KIND_LINE,
  HR_OUTPUT_KIND_HEADPHONE,
  HR_OUTPUT_KIND_BALANCED,
} HrOutputKind;

/* One output of a source, read-only. A figure left out is unknown. */
typedef struct
{
  char         *id;
  char         *name;
  HrOutputKind  kind;
  gboolean      balanced;
  HrFigure      output_impedance_ohm;
  HrFigure      dc_block_uf;
  HrFigure      max_voltage_vrms;
  HrFigure      max_current_ma;
  HrFigure      noise_vrms;
  HrFigure      min_load_ohm;
  /* The maximum voltage as steps over the load, in place of
   * max_voltage_vrms (then unknown); NULL for none. */
  GArray       *max_voltage_by_load;  /* HrVoltageStepFigure */
} HrSourceOutput;

const char *const    *hr_source_category_names           (void);
const char           *hr_source_category_to_string       (HrSourceCategory  category);
const char *const    *hr_output_kind_names               (void);
const char           *hr_output_kind_to_string           (HrOutputKind      kind);
double                hr_output_kind_assumed_zout_ohm    (HrOutputKind      kind);

HrSourceCategory      hr_source_preset_get_category      (HrSourcePreset   *self);
gboolean              hr_source_preset_get_generic       (HrSourcePreset   *self);
guint                 hr_source_preset_get_n_outputs     (HrSourcePreset   *self);
const HrSourceOutput *hr_source_preset_get_output        (HrSourcePreset   *self,
                                                          guint             index);
gboolean              hr_source_preset_find_output       (HrSourcePreset   *self,
                                                          const char       *id_or_name,
                                                          guint            *index);
void                  hr_source_preset_build_source      (HrSourcePreset   *self,
                                                          guint             index,
                                                          HrSource         *source);
char                 *hr_source_preset_dup_output_label  (HrSourcePreset   *self,
                                                          guint             index);

G_END_DECLS
