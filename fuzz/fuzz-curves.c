/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <stdint.h>

#include "hr-curve-import.h"

/* Every curve importer and the sniffer on the same bytes, straight from
 * memory: each must either return points the model accepts or a GError,
 * never crash, leak or read out of bounds. The buffer is not
 * NUL-terminated, as a mapped file is not. */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_impedance (HrImpedanceCurve *curve,
                 GError           *error)
{
  g_autoptr(HrImpedance) impedance = NULL;

  g_assert ((curve == NULL) != (error == NULL));
  if (curve == NULL)
    return;

  /* The importers' promise: what they return, the model takes. */
  impedance = hr_impedance_new_points (curve->points, curve->n_points, NULL);
  g_assert (impedance != NULL);
}

/* A response's promise: frequencies above 0 and rising, values finite,
 * and a phase of 0 where the curve says it has none. */
static void
check_response (HrResponseCurve *curve,
                GError          *error)
{
  g_assert ((curve == NULL) != (error == NULL));
  if (curve == NULL)
    return;

  g_assert (curve->n_points > 0 && curve->n_points <= HR_CURVE_MAX_POINTS);
  g_assert (curve->warnings != NULL);
  for (guint i = 0; i < curve->n_points; i++)
    {
      const HrCurveLevelPoint *point = &curve->points[i];

      g_assert (isfinite (point->freq_hz) && point->freq_hz > 0.0);
      g_assert (isfinite (point->level_db) && isfinite (point->phase_deg));
      g_assert (i == 0 || point->freq_hz > curve->points[i - 1].freq_hz);
      g_assert (curve->has_phase || point->phase_deg == 0.0);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The names the sniffer weighs: its extensions, words that say a
   * kind, and none. */
  static const char *const names[] = { "fuzz.zma", "fuzz.frd", "fuzz.txt", "fuzz impedance.txt", NULL };
  const char *text = (const char *) data;

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HrImpedanceCurve) curve = hr_curve_parse_zma (text, size, "fuzz.zma", &error);

    check_impedance (curve, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HrImpedanceCurve) curve = hr_curve_parse_impedance_csv (text, size, "fuzz.csv", &error);

    check_impedance (curve, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HrResponseCurve) curve = hr_curve_parse_frd (text, size, "fuzz.frd", &error);

    check_response (curve, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HrResponseCurve) curve = hr_curve_parse_autoeq (text, size, "fuzz.csv", &error);

    check_response (curve, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HrResponseCurve) curve = hr_curve_parse_response (text, size, "fuzz.txt", &error);

    check_response (curve, error);
  }

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      HrCurveKind kind = hr_curve_sniff (text, size, names[i]);

      g_assert (kind == HR_CURVE_KIND_UNKNOWN || kind == HR_CURVE_KIND_RESPONSE ||
                kind == HR_CURVE_KIND_IMPEDANCE);
      /* A .zma is an impedance whatever it holds. */
      g_assert (i != 0 || kind == HR_CURVE_KIND_IMPEDANCE);
    }

  return 0;
}
