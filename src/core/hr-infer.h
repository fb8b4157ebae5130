/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-circuit.h"

G_BEGIN_DECLS

/* A spec sheet's "P mW into R Ω". */
typedef struct
{
  double power_mw;
  double load_ohm;
} HrPowerSpec;

typedef struct
{
  double  power_mw;        /* as published */
  double  load_ohm;
  double  v_vrms;          /* √(P·R) */
  double  i_ma;            /* √(P/R) */
  HrLimit limit;           /* HR_LIMIT_VOLTAGE or HR_LIMIT_CURRENT */
  double  model_power_mw;  /* what the inferred source gives into load_ohm */
  double  residual_pct;    /* 100·(model_power_mw/power_mw − 1) */
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
