/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-tooltip"

#include "config.h"

#include "hr-tooltip.h"

/* Tooltips that read well. GTK 4.8's own tooltip label does not wrap: the
 * figures' tooltip, three sources quoted in full, was one line 1,400 px
 * wide across the window. These wrap at about sixty characters, as a
 * paragraph of text does; the text is given to the tooltip as a label of
 * our own when GTK asks for it. */

#define TEXT_KEY "hr-tooltip-text"

static GtkWidget *
new_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), HR_TOOLTIP_WIDTH_CHARS);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  return label;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (widget), TEXT_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_custom (tooltip, new_label (text));
  return TRUE;
}

/**
 * hr_tooltip_set_text:
 * @text: (nullable): the tooltip, or %NULL for none
 *
 * Gives @widget a tooltip that wraps at %HR_TOOLTIP_WIDTH_CHARS.
 */
void
hr_tooltip_set_text (GtkWidget  *widget,
                     const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (g_object_get_data (G_OBJECT (widget), "hr-tooltip-connected") == NULL)
    {
      g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
      g_object_set_data (G_OBJECT (widget), "hr-tooltip-connected", GINT_TO_POINTER (TRUE));
    }
  g_object_set_data_full (G_OBJECT (widget), TEXT_KEY, g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL && *text != '\0');
}

/* The text hr_tooltip_set_text() gave @widget, for the tests. */
const char *
hr_tooltip_get_text (GtkWidget *widget)
{
  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  return g_object_get_data (G_OBJECT (widget), TEXT_KEY);
}

static gboolean
on_query_ellipsized (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard_mode,
                     GtkTooltip *tooltip)
{
  GtkLabel *label = GTK_LABEL (widget);

  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_custom (tooltip, new_label (gtk_label_get_text (label)));
  return TRUE;
}

/**
 * hr_tooltip_set_when_ellipsized:
 *
 * Gives @label its own text as a tooltip while it is ellipsized, and
 * none while it is shown whole: a tooltip that repeats what is on the
 * screen only covers what is next to it.
 */
void
hr_tooltip_set_when_ellipsized (GtkLabel *label)
{
  g_return_if_fail (GTK_IS_LABEL (label));

  g_signal_connect (label, "query-tooltip", G_CALLBACK (on_query_ellipsized), NULL);
  gtk_widget_set_has_tooltip (GTK_WIDGET (label), TRUE);
}
