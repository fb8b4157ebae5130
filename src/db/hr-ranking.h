/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hr-preset-db.h"
#include "hr-scenario.h"

G_BEGIN_DECLS

/* Ranking the alternatives: one pair of headphones on every output the
 * database has, or one output into every pair of headphones, each
 * candidate computed by the scenario as `check` computes it and ordered
 * by hr_rank_compare() (hr-rank.h). */

typedef enum
{
  HR_RANKING_SOURCES,     /* the outputs that drive the scenario's headphones */
  HR_RANKING_HEADPHONES,  /* the headphones the scenario's output drives */
} HrRankingDirection;

typedef struct
{
  HrRankingDirection   direction;
  const char *const   *categories;  /* source categories or headphone types to keep; NULL: all */
  gboolean             mine_only;   /* only the user's own gear */
  guint                n_points;    /* the grid; 0: the summary's, as `check` */
} HrRankingOptions;

#define HR_RANKING_OPTIONS_INIT { HR_RANKING_SOURCES, NULL, FALSE, 0 }

typedef struct
{
  HrScenario     *scenario;      /* the candidate's configuration */
  HrPreset       *preset;        /* the candidate: a source or headphones */
  guint           output_index;  /* the source's output */
  char           *source_name;   /* as `check --format json` names it */
  char           *headphone_name;
  HrSummary      *summary;       /* NULL when it could not be computed */
  GError         *error;         /* why, then */
  HrRankMissing   missing;       /* what its verdict lacks; none: ranked */
  double          score_db;      /* hr_rank_score(), when ranked */
  guint           rank;          /* from 1; 0 for "can't tell" */
} HrRankingEntry;

/* What a ranking needs, gathered from the database on the thread that
 * owns it; run on any thread, since its candidates hold their gear
 * inline and nothing reads the database again. */
typedef struct _HrRankingJob HrRankingJob;

HrRankingJob *hr_ranking_job_new  (HrPresetDb              *db,
                                   HrScenario              *base,
                                   const HrRankingOptions  *options,
                                   GError                 **error);
GPtrArray    *hr_ranking_job_run  (HrRankingJob            *job,
                                   GCancellable            *cancellable);
void          hr_ranking_job_free (HrRankingJob            *job);

GPtrArray    *hr_ranking_new      (HrPresetDb              *db,
                                   HrScenario              *base,
                                   const HrRankingOptions  *options,
                                   GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrRankingJob, hr_ranking_job_free)

G_END_DECLS
