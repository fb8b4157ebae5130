/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-accessible"

#include "config.h"

#include <string.h>

#include "hr-accessible.h"

/* GTK 4.8 names a button for screen readers from two things at once: its
 * accessible label, which a button with a mnemonic sets to the label as
 * written ("_Alternatives"), and the label inside it that it is labelled
 * by ("Alternatives"). Orca read "underscore Alternatives Alternatives",
 * or "Pin Pin" where the label was set by hand. A button named here
 * keeps one name, without the underscore. */

/**
 * hr_accessible_name_button:
 * @name: the name, as a screen reader should say it
 *
 * Gives @button this one name: its accessible label, and no longer the
 * label inside it besides.
 */
void
hr_accessible_name_button (GtkWidget  *button,
                           const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (button));
  g_return_if_fail (name != NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* "_Save" → "Save", "Rock __n Roll" → "Rock _n Roll", as GTK shows them. */
static char *
strip_mnemonic (const char *label)
{
  GString *name = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          if (p[1] != '_')
            continue;
          p++;
        }
      g_string_append_c (name, *p);
    }
  return g_string_free (name, FALSE);
}

static const char *
mnemonic_label (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) && gtk_button_get_use_underline (GTK_BUTTON (widget)))
    return gtk_button_get_label (GTK_BUTTON (widget));
  if (GTK_IS_CHECK_BUTTON (widget) && gtk_check_button_get_use_underline (GTK_CHECK_BUTTON (widget)))
    return gtk_check_button_get_label (GTK_CHECK_BUTTON (widget));
  return NULL;
}

/**
 * hr_accessible_name_mnemonics:
 *
 * Names every button and check button under @root (itself included)
 * whose label has a mnemonic by that label, as shown: a window or a
 * dialog calls it once its template is built. A name set in the template
 * gives way to the label; a button that must be called otherwise is
 * named with hr_accessible_name_button() after this.
 */
void
hr_accessible_name_mnemonics (GtkWidget *root)
{
  const char *label;

  g_return_if_fail (GTK_IS_WIDGET (root));

  label = mnemonic_label (root);
  if (label != NULL)
    {
      g_autofree char *name = strip_mnemonic (label);

      hr_accessible_name_button (root, name);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hr_accessible_name_mnemonics (child);
}
