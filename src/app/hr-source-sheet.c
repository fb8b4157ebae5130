/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-source-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-accessible.h"
#include "hr-source-sheet.h"

/* A mixer's manual prints "PHONES: 1000 mW @ 32 Ω, 320 mW @ 300 Ω", not an
 * output impedance and a current limit. Typed on one line, the pairs are
 * fitted as headroom-cli infer fits them (hr_infer_source()): the
 * open-circuit voltage, the output impedance and the current limit they
 * imply, with the model's figure beside each pair of the sheet and the
 * difference, and which limit binds there. Apply fills the output's
 * fields with them, saying where they come from. An output impedance
 * already typed in the form is taken as given, not fitted. */

struct _HrSourceSheet
{
  AdwEntryRow        *entry;
  AdwActionRow       *result_row;
  GtkWidget          *apply_button;
  HrSourceSheetApply  apply;
  gpointer            user_data;
  double              zout_given_ohm;
  HrInferResult      *result;
  char               *summary;
};

static void
set_result (HrSourceSheet *self,
            const char    *title,
            const char    *lines)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->result_row), title);
  adw_action_row_set_subtitle (self->result_row, lines);
  g_free (self->summary);
  self->summary = g_strconcat (title, lines[0] != '\0' ? "\n" : "", lines, NULL);
  gtk_widget_set_sensitive (self->apply_button, self->result != NULL);
}

static void
update (HrSourceSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pairs = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *zout = NULL;
  g_autofree char *imax = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  g_clear_pointer (&self->result, hr_infer_result_free);
  if (text[0] == '\0')
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
      set_result (self, _("Type the sheet’s powers into loads, such as 1000 mW @ 32 Ω, 320 mW @ 300 Ω, and its maximum level: +18 dBu, or +15 dBu @ 16 Ω"), "");
      return;
    }
  pairs = hr_units_parse_power_pairs (text, &error);
  if (pairs != NULL)
    self->result = hr_infer_source (&g_array_index (pairs, HrPowerSpec, 0), pairs->len,
                                    self->zout_given_ohm, &error);
  if (self->result == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
      set_result (self, _("These figures do not fit"), error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");

  if (isnan (self->result->zout_ohm))
    zout = g_strdup (_("output impedance unknown"));
  else
    {
      g_autofree char *ohm = hr_format_ohm (self->result->zout_ohm);

      zout = self->result->zout_given
             /* Translators: in the fit of a sheet's powers, "4.2 Ω output impedance (as typed)" */
             ? g_strdup_printf (_("%s output impedance (as typed)"), ohm)
             /* Translators: in the fit of a sheet's powers, "4.2 Ω output impedance" */
             : g_strdup_printf (_("%s output impedance"), ohm);
    }
  imax = isnan (self->result->imax_ma)
         ? g_strdup (_("no current limit seen"))
         /* Translators: in the fit of a sheet's powers, "180 mA limit" */
         : g_strdup_printf (_("%.3g mA limit"), self->result->imax_ma);
  /* Translators: the fit of a sheet's powers, "Fits 5.6 Vrms open circuit, 4.2 Ω output impedance, 180 mA limit" */
  title = g_strdup_printf (_("Fits %.3g Vrms open circuit, %s, %s"), self->result->voc_vrms, zout, imax);
  for (guint i = 0; i < self->result->n_pairs; i++)
    {
      g_autofree char *line = hr_infer_pair_format (&self->result->pairs[i]);

      g_string_append_printf (lines, "%s%s", i > 0 ? "\n" : "", line);
    }
  for (guint i = 0; i < self->result->notes->len; i++)
    g_string_append_printf (lines, "\n%s", (const char *) g_ptr_array_index (self->result->notes, i));
  set_result (self, title, lines->str);
}

static void
on_apply_clicked (HrSourceSheet *self)
{
  hr_source_sheet_apply (self);
}

/**
 * hr_source_sheet_new:
 * @expander: the output's editor, to which the rows are added
 */
HrSourceSheet *
hr_source_sheet_new (AdwExpanderRow     *expander,
                     HrSourceSheetApply  apply,
                     gpointer            user_data)
{
  HrSourceSheet *self = g_new0 (HrSourceSheet, 1);

  self->apply = apply;
  self->user_data = user_data;
  self->zout_given_ohm = HR_UNKNOWN;

  self->entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry),
                                 _("From the spec sheet: power into loads, maximum level"));
  adw_expander_row_add_row (expander, GTK_WIDGET (self->entry));

  self->result_row = ADW_ACTION_ROW (adw_action_row_new ());
  adw_action_row_set_subtitle_lines (self->result_row, 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->result_row), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->result_row), "property");
  self->apply_button = gtk_button_new_with_mnemonic (_("_Fill In"));
  hr_accessible_name_button (self->apply_button, _("Fill In"));
  gtk_widget_set_valign (self->apply_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->apply_button,
                               _("Fill the output’s voltage, output impedance and current limit from the fit"));
  adw_action_row_add_suffix (self->result_row, self->apply_button);
  adw_expander_row_add_row (expander, GTK_WIDGET (self->result_row));

  g_signal_connect_swapped (self->entry, "changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  update (self);
  return self;
}

void
hr_source_sheet_free (HrSourceSheet *self)
{
  if (self == NULL)
    return;
  /* The rows belong to the expander; only their handlers go. */
  g_signal_handlers_disconnect_by_data (self->entry, self);
  g_signal_handlers_disconnect_by_data (self->apply_button, self);
  g_clear_pointer (&self->result, hr_infer_result_free);
  g_free (self->summary);
  g_free (self);
}

/* The output impedance typed in the form, which the fit then takes as
 * given; NAN to fit it. */
void
hr_source_sheet_set_zout_given (HrSourceSheet *self,
                                double         zout_ohm)
{
  g_return_if_fail (self != NULL);

  if (self->zout_given_ohm == zout_ohm || (isnan (self->zout_given_ohm) && isnan (zout_ohm)))
    return;
  self->zout_given_ohm = zout_ohm;
  update (self);
}

AdwEntryRow *
hr_source_sheet_get_entry (HrSourceSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->entry;
}

/* What the result row says, title and lines, for the tests. */
const char *
hr_source_sheet_get_summary (HrSourceSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->summary;
}

/* Fills the output from the fit; FALSE when there is none. */
gboolean
hr_source_sheet_apply (HrSourceSheet *self)
{
  g_autofree char *stripped = NULL;
  g_autofree char *provenance = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->result == NULL)
    return FALSE;
  stripped = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));
  /* Translators: the provenance of figures fitted to a sheet's powers, "inferred from 1000 mW @ 32 Ω, 320 mW @ 300 Ω" */
  provenance = g_strdup_printf (_("inferred from %s"), stripped);
  self->apply (self->result, provenance, self->user_data);
  return TRUE;
}
