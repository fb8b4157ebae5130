/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-form"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-form.h"

G_DEFINE_QUARK (hr-form-error-quark, hr_form_error)

/* "%.6g": as many digits as a spec sheet gives, so that a figure shown and
 * read back unchanged is the figure it was, and keeps its source. Empty
 * for an unknown figure. */
void
hr_form_set_number (AdwEntryRow *row,
                    double       value)
{
  g_autofree char *text = isnan (value) ? g_strdup ("") : g_strdup_printf ("%.6g", value);

  g_return_if_fail (ADW_IS_ENTRY_ROW (row));

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

/* A figure as it was given, "+18 dBu", or its number. */
void
hr_form_set_figure (AdwEntryRow    *row,
                    const HrFigure *figure)
{
  g_return_if_fail (ADW_IS_ENTRY_ROW (row));
  g_return_if_fail (figure != NULL);

  if (figure->given != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), figure->given);
  else
    hr_form_set_number (row, figure->value);
}

/**
 * hr_form_dup_given:
 *
 * The field's text when it is more than a bare number ("+18 dBu", "7 Vpp"),
 * to be kept as given; %NULL for a bare number or an empty field.
 */
char *
hr_form_dup_given (AdwEntryRow *row)
{
  g_autofree char *stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  char *end = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  g_strdelimit (stripped, ",", '.');
  if (stripped[0] == '\0')
    return NULL;
  g_ascii_strtod (stripped, &end);
  if (end != stripped && *end == '\0')
    return NULL;
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

void
hr_form_mark (GtkWidget *row,
              gboolean   valid)
{
  if (valid)
    gtk_widget_remove_css_class (row, "error");
  else
    gtk_widget_add_css_class (row, "error");
}

/**
 * hr_form_get_number:
 * @value: (out): the number in @unit; %HR_UNKNOWN for an empty optional field
 *
 * Returns: whether the field holds what @rule asks for; the row is marked
 */
gboolean
hr_form_get_number (AdwEntryRow *row,
                    HrUnit       unit,
                    HrFormRule   rule,
                    double      *value)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  gboolean valid;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  *value = NAN;
  /* An empty required field keeps Save disabled but is not marked: a new
   * form is not a page of errors. */
  if (stripped[0] == '\0')
    {
      hr_form_mark (GTK_WIDGET (row), TRUE);
      return rule == HR_FORM_OPTIONAL_POSITIVE || rule == HR_FORM_OPTIONAL_NON_NEGATIVE;
    }
  if (!hr_units_parse (stripped, unit, value))
    valid = FALSE;
  else
    switch (rule)
      {
      case HR_FORM_REQUIRED_POSITIVE:
      case HR_FORM_OPTIONAL_POSITIVE:
        valid = *value > 0.0;
        break;
      case HR_FORM_REQUIRED_NON_NEGATIVE:
      case HR_FORM_OPTIONAL_NON_NEGATIVE:
        valid = *value >= 0.0;
        break;
      case HR_FORM_ANY:
        valid = TRUE;
        break;
      default:
        g_assert_not_reached ();
      }

  hr_form_mark (GTK_WIDGET (row), valid);
  return valid;
}

/**
 * hr_form_get_text:
 * @text: (out) (transfer full): the text without the blanks around it
 */
gboolean
hr_form_get_text (AdwEntryRow  *row,
                  gboolean      required,
                  char        **text)
{
  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);

  *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  return !required || (*text)[0] != '\0';
}

/* A problem the user must read before going on: what could not be read,
 * saved or imported, in a dialog in front of @parent. */
void
hr_form_show_error (GtkWindow  *parent,
                    const char *heading,
                    const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
