/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-headphone-preset.h"
#include "hr-source-preset.h"

G_BEGIN_DECLS

const char *hr_output_kind_label     (HrOutputKind      kind);
const char *hr_output_kind_assumed_zout_label (HrOutputKind kind);
const char *hr_source_category_label (HrSourceCategory  category);
const char *hr_source_category_typical_label (HrSourceCategory category);
char       *hr_source_preset_dup_list_label  (HrSourcePreset  *preset);
const char *hr_headphone_type_label  (HrHeadphoneType   type);

G_END_DECLS
