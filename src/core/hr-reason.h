/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A reason behind a verdict, as data: a code and the figures it speaks
 * of. The summary holds reasons, never sentences; hr_reason_format() is
 * the one place that turns a reason into words, in the user's language
 * for people and in English for machine output, without touching the
 * process's locale.
 *
 * The codes and the keys of their figures are part of `headroom-cli
 * check --format json`: scripts read them, so they are only ever added to.
 */
typedef enum
{
  HR_REASON_VOLTAGE_CLIPS,       /* level_db_spl, vmax_vrms, spl_max_db */
  HR_REASON_CURRENT_CLIPS,       /* freq_hz, i_needed_ma, i_available_ma, clip_db, level_db_spl */
  HR_REASON_LOW_HEADROOM,        /* headroom_db, level_db_spl, crest_factor_db, limit */
  HR_REASON_VOLTAGE_UNKNOWN,
  HR_REASON_DEVIATION,           /* dev_db, freq_hz, span_db, at_resonance, cause, and the cause's figures */
  HR_REASON_CURRENT_UNKNOWN,
  HR_REASON_HEADROOM,            /* spl_max_db, limit, headroom_db, at 1 kHz */
  HR_REASON_EIGHTH_RULE_FLAT,    /* zout_ohm, z_nominal_ohm, span_db */
  HR_REASON_DEVIATION_SLIGHT,    /* span_db, between 0.2 and 0.5 dB */
  HR_REASON_DEVIATION_INAUDIBLE, /* span_db, under 0.2 dB */
  HR_REASON_DEVIATION_EDGE,      /* span_db */
  HR_REASON_NO_LIMITS,
  HR_REASON_BELOW_RATED_LOAD,    /* min_load_ohm, z_1k_ohm, z_min_ohm, z_min_freq_hz */
  HR_REASON_HISS,                /* hiss_spl_db, noise_vrms, threshold_db_spl */
  HR_REASON_HISS_INAUDIBLE,      /* hiss_spl_db, threshold_db_spl */
  HR_REASON_NOISE_UNKNOWN,
  HR_REASON_ZOUT_ASSUMED,        /* zout_ohm */
  HR_REASON_IMPEDANCE_ASSUMED,   /* z_nominal_ohm, eighth_rule_holds */
  HR_REASON_VOLTAGE_BY_LOAD,     /* load_ohm, vmax_vrms (NAN below the source's first step) */
  HR_REASON_SENSITIVITY_UNKNOWN,
  HR_N_REASON_CODES
} HrReasonCode;

/* How much a reason weighs: the app shows the first three, the heaviest
 * first. */
typedef enum
{
  HR_REASON_SEVERITY_CANNOT,
  HR_REASON_SEVERITY_CAVEAT,
  HR_REASON_SEVERITY_NOTE,
  HR_REASON_SEVERITY_DETAIL,
} HrReasonSeverity;

typedef enum
{
  HR_REASON_ARG_NUMBER,
  HR_REASON_ARG_STRING,
  HR_REASON_ARG_BOOLEAN,
} HrReasonArgType;

/* One figure of a reason. Keys and string values are static strings:
 * a reason is copied by value. */
typedef struct
{
  const char      *key;
  HrReasonArgType  type;
  double           number;
  const char      *string;
  gboolean         boolean;
} HrReasonArg;

#define HR_REASON_MAX_ARGS 10

/* A list of figures in an array of @max_args, as a reason and an
 * explanation's step (hr-explain.h) keep theirs. */
HrReasonArg       *hr_reason_args_add  (HrReasonArg       *args,
                                        guint             *n_args,
                                        guint              max_args,
                                        const char        *key,
                                        HrReasonArgType    type);
const HrReasonArg *hr_reason_args_find (const HrReasonArg *args,
                                        guint              n_args,
                                        const char        *key);
void               hr_reason_args_add_number  (HrReasonArg       *args,
                                               guint             *n_args,
                                               guint              max_args,
                                               const char        *key,
                                               double             value);
void               hr_reason_args_add_string  (HrReasonArg       *args,
                                               guint             *n_args,
                                               guint              max_args,
                                               const char        *key,
                                               const char        *value);
void               hr_reason_args_add_boolean (HrReasonArg       *args,
                                               guint             *n_args,
                                               guint              max_args,
                                               const char        *key,
                                               gboolean           value);
double             hr_reason_args_get_number  (const HrReasonArg *args,
                                               guint              n_args,
                                               const char        *key);
const char        *hr_reason_args_get_string  (const HrReasonArg *args,
                                               guint              n_args,
                                               const char        *key);
gboolean           hr_reason_args_get_boolean (const HrReasonArg *args,
                                               guint              n_args,
                                               const char        *key);

typedef struct
{
  HrReasonCode      code;
  HrReasonSeverity  severity;
  guint             n_args;
  HrReasonArg       args[HR_REASON_MAX_ARGS];
} HrReason;

void         hr_reason_init                (HrReason         *reason,
                                            HrReasonCode      code,
                                            HrReasonSeverity  severity);
void         hr_reason_add_number          (HrReason         *reason,
                                            const char       *key,
                                            double            value);
void         hr_reason_add_string          (HrReason         *reason,
                                            const char       *key,
                                            const char       *value);
void         hr_reason_add_boolean         (HrReason         *reason,
                                            const char       *key,
                                            gboolean          value);
const HrReasonArg *hr_reason_find          (const HrReason   *reason,
                                            const char       *key);
double       hr_reason_get_number          (const HrReason   *reason,
                                            const char       *key);
const char  *hr_reason_get_string          (const HrReason   *reason,
                                            const char       *key);
gboolean     hr_reason_get_boolean         (const HrReason   *reason,
                                            const char       *key);
const char  *hr_reason_code_to_string      (HrReasonCode      code);
const char  *hr_reason_severity_to_string  (HrReasonSeverity  severity);
char        *hr_reason_format              (const HrReason   *reason,
                                            gboolean          translate);

G_END_DECLS
