/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-preset-db.h"
#include "hr-ranking.h"
#include "hr-scenario.h"

G_BEGIN_DECLS

#define HR_TYPE_ALTERNATIVES_VIEW (hr_alternatives_view_get_type ())

G_DECLARE_FINAL_TYPE (HrAlternativesView, hr_alternatives_view, HR, ALTERNATIVES_VIEW, GtkBox)

void                hr_alternatives_view_set_context   (HrAlternativesView *self,
                                                        HrPresetDb         *db,
                                                        HrScenario         *scenario);
void                hr_alternatives_view_refresh       (HrAlternativesView *self);
void                hr_alternatives_view_invalidate    (HrAlternativesView *self);
HrRankingDirection  hr_alternatives_view_get_direction (HrAlternativesView *self);
void                hr_alternatives_view_set_direction (HrAlternativesView *self,
                                                        HrRankingDirection  direction);
GPtrArray          *hr_alternatives_view_get_entries   (HrAlternativesView *self);
gboolean            hr_alternatives_view_get_busy      (HrAlternativesView *self);
HrScenario         *hr_alternatives_view_dup_candidate (HrAlternativesView *self,
                                                        const HrRankingEntry *entry);

G_END_DECLS
