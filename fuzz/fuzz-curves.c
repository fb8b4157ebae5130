/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdint.h>

#include "hr-curve-import.h"

/* Every curve importer on the same bytes, straight from memory: each must
 * either return points the model accepts or a GError, never crash, leak
 * or read out of bounds. The buffer is not NUL-terminated, as a mapped
 * file is not. */

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

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
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

    g_assert ((curve == NULL) != (error == NULL));
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HrResponseCurve) curve = hr_curve_parse_autoeq (text, size, "fuzz.csv", &error);

    g_assert ((curve == NULL) != (error == NULL));
  }

  return 0;
}
