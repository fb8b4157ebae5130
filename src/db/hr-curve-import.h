/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-core.h"

G_BEGIN_DECLS

#define HR_CURVE_ERROR (hr_curve_error_quark ())

/* Every message starts with the file's name and, where there is one, the
 * line: "curve.zma:12: “abc” is not a number", ready to show as it is. */
typedef enum
{
  HR_CURVE_ERROR_EMPTY,           /* nothing in the file at all */
  HR_CURVE_ERROR_NO_DATA,         /* only comments and headers */
  HR_CURVE_ERROR_NOT_A_NUMBER,    /* a field, or a line of text with data after it */
  HR_CURVE_ERROR_TOO_FEW_COLUMNS,
  HR_CURVE_ERROR_NOT_INCREASING,  /* a frequency not above the previous line’s */
  HR_CURVE_ERROR_OUT_OF_RANGE,    /* |Z| <= 0, f <= 0, phase beyond ±90° */
  HR_CURVE_ERROR_MISSING_COLUMN,  /* a CSV header without the column needed */
  HR_CURVE_ERROR_TOO_LARGE,
} HrCurveError;

/* Far beyond any measurement (REW's finest export is about 100 000
 * points), and small enough that a hostile file cannot exhaust memory. */
#define HR_CURVE_MAX_BYTES  (64 * 1024 * 1024)
#define HR_CURVE_MAX_POINTS 1000000

/* What a curve file holds, as hr_curve_sniff() tells it; UNKNOWN when
 * neither its name nor its words nor its values settle it, so that the
 * app can ask. */
typedef enum
{
  HR_CURVE_KIND_UNKNOWN,
  HR_CURVE_KIND_RESPONSE,
  HR_CURVE_KIND_IMPEDANCE,
} HrCurveKind;

typedef struct
{
  HrImpedancePoint *points;
  guint             n_points;
  gboolean          has_phase;  /* FALSE: every phase_deg is 0, see warnings */
  GPtrArray        *warnings;   /* of char *, translated sentences */
} HrImpedanceCurve;

typedef struct
{
  double freq_hz;
  double level_db;
  double phase_deg;
} HrCurveLevelPoint;

typedef struct
{
  HrCurveLevelPoint *points;
  guint              n_points;
  /* FALSE without a phase column, or with one of zeros only, as the
   * targets of squig.link and datasheet traces have: phase_deg is 0. */
  gboolean           has_phase;
  GPtrArray         *warnings;  /* of char *, translated sentences */
} HrResponseCurve;

GQuark            hr_curve_error_quark            (void);

HrImpedanceCurve *hr_curve_parse_zma              (const char       *data,
                                                   gsize             length,
                                                   const char       *display_name,
                                                   GError          **error);
HrImpedanceCurve *hr_curve_parse_impedance_csv    (const char       *data,
                                                   gsize             length,
                                                   const char       *display_name,
                                                   GError          **error);
HrResponseCurve  *hr_curve_parse_frd              (const char       *data,
                                                   gsize             length,
                                                   const char       *display_name,
                                                   GError          **error);
HrResponseCurve  *hr_curve_parse_autoeq           (const char       *data,
                                                   gsize             length,
                                                   const char       *display_name,
                                                   GError          **error);
HrResponseCurve  *hr_curve_parse_response         (const char       *data,
                                                   gsize             length,
                                                   const char       *display_name,
                                                   GError          **error);

HrCurveKind       hr_curve_sniff                  (const char       *data,
                                                   gsize             length,
                                                   const char       *display_name);
gboolean          hr_curve_sniff_file             (const char       *filename,
                                                   HrCurveKind      *kind,
                                                   GError          **error);

HrImpedanceCurve *hr_curve_load_impedance         (const char       *filename,
                                                   GError          **error);
HrResponseCurve  *hr_curve_load_response          (const char       *filename,
                                                   GError          **error);

void              hr_impedance_curve_free         (HrImpedanceCurve *curve);
void              hr_response_curve_free          (HrResponseCurve  *curve);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrImpedanceCurve, hr_impedance_curve_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrResponseCurve, hr_response_curve_free)

G_END_DECLS
