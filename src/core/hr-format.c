/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "hr-format.h"

/* Figures as people read them, in the user's locale: three significant
 * digits, with the prefix an audio spec sheet would use. Machine output
 * never comes through here. */

char *
hr_format_freq (double freq_hz)
{
  if (freq_hz >= 1000.0)
    return g_strdup_printf (_("%.3g kHz"), freq_hz / 1000.0);
  return g_strdup_printf (_("%.0f Hz"), freq_hz);
}

char *
hr_format_ohm (double ohm)
{
  if (ohm >= 1000.0)
    return g_strdup_printf (_("%.3g kΩ"), ohm / 1000.0);
  return g_strdup_printf (_("%.3g Ω"), ohm);
}
