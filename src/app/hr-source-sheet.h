/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-core.h"

G_BEGIN_DECLS

/* The "from the spec sheet" rows of a source output's editor: the sheet's
 * power table typed on one line, the fit it implies against each pair,
 * and a button that fills the output's figures from it. */

typedef struct _HrSourceSheet HrSourceSheet;

/* What Apply hands back: the fit, and the words of its provenance. */
typedef void (*HrSourceSheetApply) (const HrInferResult *result,
                                    const char          *provenance,
                                    gpointer             user_data);

HrSourceSheet *hr_source_sheet_new            (AdwExpanderRow     *expander,
                                               HrSourceSheetApply  apply,
                                               gpointer            user_data);
void           hr_source_sheet_free           (HrSourceSheet      *self);
void           hr_source_sheet_set_zout_given (HrSourceSheet      *self,
                                               double              zout_ohm);
AdwEntryRow   *hr_source_sheet_get_entry      (HrSourceSheet      *self);
const char    *hr_source_sheet_get_summary    (HrSourceSheet      *self);
gboolean       hr_source_sheet_apply          (HrSourceSheet      *self);

G_END_DECLS
