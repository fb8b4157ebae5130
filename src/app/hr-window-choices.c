/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-dropdown.h"
#include "hr-preset-labels.h"
#include "hr-slider-row.h"
#include "hr-tooltip.h"
#include "hr-window-private.h"

/* The gear chosen in the sidebar: the three dropdowns, filled from the
 * database and chosen from, by the user or by the window (a saved choice,
 * a Try button, a preset just saved), and what choosing does to the
 * scenario and to the impedance sliders, whose values belong to the gear
 * chosen. */

static void
update_source_figures (HrWindow *self)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *figures = NULL;

  g_assert (HR_IS_WINDOW (self));

  figures = hr_dup_output_figures (hr_source_preset_get_output (self->source, self->output_index), &tooltip);
  gtk_label_set_text (self->source_figures_label, figures);
  hr_tooltip_set_text (GTK_WIDGET (self->source_figures_label), tooltip);
}

static void
update_headphone_figures (HrWindow *self)
{
  g_autofree char *tooltip = NULL;
  g_autofree char *figures = NULL;

  g_assert (HR_IS_WINDOW (self));

  if (self->headphone == NULL)
    {
      gtk_label_set_text (self->headphone_figures_label, _("Choose the headphones to see their figures."));
      hr_tooltip_set_text (GTK_WIDGET (self->headphone_figures_label), NULL);
      return;
    }
  figures = hr_dup_headphone_figures (self->headphone, &tooltip);
  gtk_label_set_text (self->headphone_figures_label, figures);
  hr_tooltip_set_text (GTK_WIDGET (self->headphone_figures_label), tooltip);
}

static void
fill_output_dropdown (HrWindow *self)
{
  g_autoptr(GtkStringList) outputs = gtk_string_list_new (NULL);

  g_assert (HR_IS_WINDOW (self));

  for (guint i = 0; i < hr_source_preset_get_n_outputs (self->source); i++)
    gtk_string_list_append (outputs, hr_source_preset_get_output (self->source, i)->name);
  gtk_drop_down_set_model (self->output_dropdown, G_LIST_MODEL (outputs));
  gtk_drop_down_set_selected (self->output_dropdown, self->output_index);
}

/* An output of the source chosen: its output impedance becomes the
 * slider's value and the value the reset button returns to. One that is
 * not known starts from an assumption that the verdict names. */
static void
choose_output (HrWindow *self,
               guint     output_index)
{
  const HrSourceOutput *output;
  double zout_ohm;

  g_assert (HR_IS_WINDOW (self));

  self->output_index = output_index;
  output = hr_source_preset_get_output (self->source, output_index);
  zout_ohm = hr_figure_is_known (&output->output_impedance_ohm)
             ? output->output_impedance_ohm.value
             : hr_output_kind_assumed_zout_ohm (output->kind);
  hr_scenario_freeze (self->scenario);
  hr_scenario_set_source_preset (self->scenario, hr_preset_get_id (HR_PRESET (self->source)), output->id);
  hr_slider_row_set_default_value (self->zout_row, zout_ohm);
  hr_slider_row_set_value (self->zout_row, zout_ohm);
  hr_slider_row_set_applicable (self->zout_row, TRUE);
  /* A short word under the slider, whose column is narrow; where the
   * assumption comes from in the row's tooltip. */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->zout_row),
                               hr_figure_is_known (&output->output_impedance_ohm)
                               ? "" : _("Not known: assumed"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->zout_row),
                               hr_figure_is_known (&output->output_impedance_ohm)
                               ? NULL : hr_output_kind_assumed_zout_label (output->kind));
  update_source_figures (self);
  hr_scenario_thaw (self->scenario);
}

/* The dropdowns' callbacks (template callbacks, hr-window.ui) also run
 * while the template is built and torn down, when there is nothing to
 * choose from yet or any more. */
static gboolean
can_choose (HrWindow *self)
{
  return self->source_presets != NULL && self->headphone_presets != NULL
         && !gtk_widget_in_destruction (GTK_WIDGET (self));
}

static void
on_source_selected (HrWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->source_dropdown);

  g_assert (HR_IS_WINDOW (self));

  if (!can_choose (self) || position >= self->source_presets->len)
    return;
  self->source = g_ptr_array_index (self->source_presets, position);
  self->output_index = 0;
  hr_scenario_freeze (self->scenario);
  /* Filling the outputs selects the first. */
  fill_output_dropdown (self);
  choose_output (self, 0);
  hr_scenario_thaw (self->scenario);
}

static void
on_output_selected (HrWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->output_dropdown);

  g_assert (HR_IS_WINDOW (self));

  if (!can_choose (self) || self->source == NULL
      || position >= hr_source_preset_get_n_outputs (self->source)
      || position == self->output_index)
    return;
  choose_output (self, position);
}

static void
on_headphone_selected (HrWindow *self)
{
  guint position = gtk_drop_down_get_selected (self->headphone_dropdown);
  double nominal_ohm;

  g_assert (HR_IS_WINDOW (self));

  if (!can_choose (self))
    return;
  hr_scenario_freeze (self->scenario);
  if (position >= self->headphone_presets->len)
    {
      self->headphone = NULL;
      hr_scenario_clear_headphone (self->scenario);
      hr_slider_row_set_applicable (self->headphone_z_row, FALSE);
    }
  else
    {
      self->headphone = g_ptr_array_index (self->headphone_presets, position);
      nominal_ohm = hr_headphone_get_nominal_impedance_ohm (hr_headphone_preset_get_headphone (self->headphone));
      hr_scenario_set_headphone_preset (self->scenario, hr_preset_get_id (HR_PRESET (self->headphone)));
      hr_slider_row_set_default_value (self->headphone_z_row, nominal_ohm);
      hr_slider_row_set_value (self->headphone_z_row, nominal_ohm);
      hr_slider_row_set_applicable (self->headphone_z_row, TRUE);
    }
  update_headphone_figures (self);
  hr_scenario_thaw (self->scenario);
}

/* The presets as the dropdowns list them, read from the database: the
 * sources by category, the headphones by name. */
static void
fill_preset_lists (HrWindow *self)
{
  g_autoptr(GListModel) sources = NULL;
  g_autoptr(GListModel) headphones = NULL;

  g_clear_pointer (&self->source_presets, g_ptr_array_unref);
  g_clear_pointer (&self->headphone_presets, g_ptr_array_unref);
  self->source_presets = hr_preset_db_list (self->db, HR_PRESET_KIND_SOURCE, NULL);
  hr_sort_sources_by_category (self->source_presets);
  self->headphone_presets = hr_preset_db_list (self->db, HR_PRESET_KIND_HEADPHONE, NULL);
  sources = hr_preset_list_model_new (self->source_presets);
  headphones = hr_preset_list_model_new (self->headphone_presets);
  gtk_drop_down_set_model (self->source_dropdown, sources);
  gtk_drop_down_set_model (self->headphone_dropdown, headphones);
  hr_dropdown_search_anywhere (self->source_dropdown);
  hr_dropdown_search_anywhere (self->headphone_dropdown);
}

/* Fills the dropdowns and selects what was chosen last. Says whether the
 * stored source and headphones were found, so that their slider values,
 * which belong to them, can be restored too. */
void
hr_window_populate_choices (HrWindow *self,
                            gboolean *source_restored,
                            gboolean *headphone_restored)
{
  g_autofree char *source_id = g_settings_get_string (self->settings, "source-id");
  g_autofree char *output_id = g_settings_get_string (self->settings, "output-id");
  g_autofree char *headphone_id = g_settings_get_string (self->settings, "headphone-id");

  g_assert (HR_IS_WINDOW (self));

  hr_dropdown_setup (self->source_dropdown);
  hr_dropdown_setup (self->headphone_dropdown);
  hr_dropdown_setup (self->output_dropdown);

  hr_scenario_freeze (self->scenario);
  fill_preset_lists (self);

  /* No headphones until the user picks some (or picked some last time):
   * the empty state says what to do. */
  gtk_drop_down_set_selected (self->headphone_dropdown, hr_preset_list_find (self->headphone_presets, headphone_id));
  *source_restored = FALSE;
  if (self->source_presets->len > 0)
    {
      guint position = hr_preset_list_find (self->source_presets, source_id);
      gboolean selected;

      selected = hr_window_select_source (self, hr_preset_get_id (g_ptr_array_index (self->source_presets,
                                                                                     position != GTK_INVALID_LIST_POSITION ? position : 0)),
                                          output_id);
      *source_restored = selected && position != GTK_INVALID_LIST_POSITION;
    }
  on_headphone_selected (self);
  *headphone_restored = self->headphone != NULL;
  hr_scenario_thaw (self->scenario);
}

static void
search_headphones_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  hr_dropdown_popup (self->headphone_dropdown);
}

static void
search_sources_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HrWindow *self = HR_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, TRUE);
  hr_dropdown_popup (self->source_dropdown);
}

gboolean
hr_window_select_source (HrWindow   *self,
                         const char *source_id,
                         const char *output_id)
{
  guint position;
  guint output_index = 0;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  position = hr_preset_list_find (self->source_presets, source_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (gtk_drop_down_get_selected (self->source_dropdown) != position)
    gtk_drop_down_set_selected (self->source_dropdown, position);
  else if (self->source == NULL)
    on_source_selected (self);
  if (output_id != NULL && output_id[0] != '\0'
      && !hr_source_preset_find_output (self->source, output_id, &output_index))
    return FALSE;
  gtk_drop_down_set_selected (self->output_dropdown, output_index);
  return TRUE;
}

gboolean
hr_window_select_headphone (HrWindow   *self,
                            const char *headphone_id)
{
  guint position;

  g_return_val_if_fail (HR_IS_WINDOW (self), FALSE);

  position = hr_preset_list_find (self->headphone_presets, headphone_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->headphone_dropdown, position);
  return TRUE;
}

/* After the user's presets changed: the lists are read again from the
 * database, whose presets are new objects now, and the choices are kept
 * by id. The preset of @kind with @id (the one just saved) is chosen and
 * its figures applied; the other side keeps its sliders as they were.
 *
 * The dropdowns' callbacks run as the lists are filled and chosen from,
 * as they do when the user chooses; the scenario is frozen meanwhile, so
 * that it is computed once, at the end, and the other side's figures are
 * put back from a copy taken before. */
void
hr_window_reload_presets (HrWindow     *self,
                          HrPresetKind  kind,
                          const char   *id)
{
  g_autoptr(HrScenario) before = NULL;
  const char *source_id;
  const char *output_id;
  const char *headphone_id;

  g_return_if_fail (HR_IS_WINDOW (self));

  before = hr_scenario_copy (self->scenario);
  source_id = kind == HR_PRESET_KIND_SOURCE && id != NULL ? id : hr_scenario_get_source_id (before);
  output_id = kind == HR_PRESET_KIND_SOURCE && id != NULL ? NULL : hr_scenario_get_output_id (before);
  headphone_id = kind == HR_PRESET_KIND_HEADPHONE && id != NULL ? id : hr_scenario_get_headphone_id (before);

  hr_scenario_freeze (self->scenario);
  self->source = NULL;
  self->headphone = NULL;
  fill_preset_lists (self);

  if (self->source_presets->len > 0
      && (source_id == NULL || !hr_window_select_source (self, source_id, output_id)))
    hr_window_select_source (self, hr_preset_get_id (g_ptr_array_index (self->source_presets, 0)), NULL);
  gtk_drop_down_set_selected (self->headphone_dropdown, hr_preset_list_find (self->headphone_presets, headphone_id));
  /* The dropdown says nothing if the position did not move. */
  on_headphone_selected (self);

  if (kind != HR_PRESET_KIND_SOURCE && self->source != NULL
      && g_strcmp0 (hr_scenario_get_source_id (before), hr_preset_get_id (HR_PRESET (self->source))) == 0)
    hr_scenario_set_zout_ohm (self->scenario, hr_scenario_get_zout_ohm (before));
  if (kind != HR_PRESET_KIND_HEADPHONE && self->headphone != NULL
      && g_strcmp0 (hr_scenario_get_headphone_id (before), hr_preset_get_id (HR_PRESET (self->headphone))) == 0)
    hr_scenario_set_headphone_z_ohm (self->scenario, hr_scenario_get_headphone_z_ohm (before));
  hr_scenario_thaw (self->scenario);
  /* The gear to rank among has changed too. */
  if (self->alternatives != NULL)
    hr_alternatives_view_invalidate (self->alternatives);
}

void
hr_window_choices_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_source_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_output_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_headphone_selected);
  gtk_widget_class_install_action (widget_class, "win.search-headphones", NULL, search_headphones_action);
  gtk_widget_class_install_action (widget_class, "win.search-sources", NULL, search_sources_action);
}
