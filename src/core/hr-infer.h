/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-circuit.h"

G_BEGIN_DECLS

/* A spec sheet's "P mW into R Ω", or its maximum level: "+19 dBu into
 * 32 Ω", or "+22 dBu" with no load given, which is taken as open
 * circuit (load_ohm INFINITY). */
typedef struct
{
  double power_mw;    /* a power figure; 0 for a level */
  double load_ohm;    /* INFINITY: a level with no load */
  double level_vrms;  /* a level figure, RMS; 0 for a power */
} HrPowerSpec;

typedef struct
{
  double  power_mw;        /* as published, or V²/R for a level (0 open circuit) */
  double  level_vrms;      /* the level as published, 0 for a power figure */
  double  load_ohm;
  double  v_vrms;          /* √(P·R) */
  double  i_ma;            /* √(P/R) */
  HrLimit limit;           /* HR_LIMIT_VOLTAGE or HR_LIMIT_CURRENT */
  double  model_power_mw;  /* what the inferred source gives into load_ohm */
  double  model_vrms;      /* the same as a voltage, for a level */
  double  residual_pct;    /* 100·(model_power_mw/power_mw − 1), that is 100·((V_model/V)² − 1) */
} HrInferPair;

typedef struct
{
  double       voc_vrms;          /* open circuit */
  double       zout_ohm;          /* HR_UNKNOWN when it could not be fitted */
  gboolean     zout_given;        /* the caller gave it; not fitted */
  gboolean     zout_clamped;      /* the fit went negative and was set to 0 */
  double       imax_ma;           /* HR_UNKNOWN when no pair is current-bound */
  double       rms_residual_pct;  /* over all pairs, in power */
  guint        n_pairs;
  HrInferPair *pairs;             /* in the order given */
  GPtrArray   *notes;             /* of char *, translated sentences */
} HrInferResult;

HrInferResult *hr_infer_source      (const HrPowerSpec  *specs,
                                     guint               n_specs,
                                     double              zout_known_ohm,
                                     GError            **error);
void           hr_infer_result_free (HrInferResult      *result);
char          *hr_infer_pair_format (const HrInferPair  *pair);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrInferResult, hr_infer_result_free)

G_END_DECLS
