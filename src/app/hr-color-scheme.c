/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "headroom"

#include "config.h"

#include <adwaita.h>

#include "hr-color-scheme.h"

/* The "color-scheme" setting: follow the system's light or dark style, as
 * a GNOME app does by default, or keep one of them whatever the system
 * says (a studio at night, a chart for print). The charts follow too,
 * since they ask AdwStyleManager whether it is dark. */

static void
apply (GSettings *settings)
{
  g_autofree char *scheme = g_settings_get_string (settings, "color-scheme");
  AdwColorScheme color_scheme = ADW_COLOR_SCHEME_DEFAULT;

  if (g_str_equal (scheme, "light"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_LIGHT;
  else if (g_str_equal (scheme, "dark"))
    color_scheme = ADW_COLOR_SCHEME_FORCE_DARK;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), color_scheme);
}

/**
 * hr_color_scheme_follow:
 * @settings: the application's settings
 *
 * Applies the setting now and whenever it changes.
 *
 * Returns: the handler on @settings, for the caller to disconnect when it
 *   stops following: others may hold @settings longer (a settings action
 *   does)
 */
gulong
hr_color_scheme_follow (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);

  apply (settings);
  return g_signal_connect (settings, "changed::color-scheme", G_CALLBACK (apply), NULL);
}
