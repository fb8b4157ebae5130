/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-source-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-accessible.h"
#include "hr-form.h"
#include "hr-preset-edit.h"
#include "hr-preset-labels.h"
#include "hr-source-dialog.h"
#include "hr-source-sheet.h"

/* The user's own source, or a preset source to change, as a form: its
 * name, kind and outputs, each output with its figures. Like the
 * headphones' form it edits a copy of the preset's JSON object through
 * hr-preset-edit, so that an output's figures keep their sources while
 * they are unchanged, and the database checks what is written. */

/* The figures of an output: the schema's member, the unit typed, and
 * what the field takes. Every one may be left empty, unknown: most
 * mixers' and preamps' manuals do not give the output impedance, and the
 * window then explores it from an assumption the verdict names. A
 * figure may be typed as the sheet prints it ("+18 dBu"), and is kept as
 * typed. */
enum {
  FIELD_ZOUT,
  FIELD_VMAX,
  FIELD_IMAX,
  FIELD_NOISE,
  FIELD_MIN_LOAD,
  FIELD_DC_BLOCK,
  N_OUTPUT_FIELDS
};

static const struct {
  const char *member;
  const char *title;
  HrUnit      unit;
  HrFormRule  rule;
} output_fields[N_OUTPUT_FIELDS] = {
  [FIELD_ZOUT] = { "output_impedance_ohm", N_("Output impedance (Ω), empty if not known"), HR_UNIT_OHM,
                   HR_FORM_OPTIONAL_NON_NEGATIVE },
  [FIELD_VMAX] = { "max_voltage_vrms", N_("Maximum voltage, open circuit (Vrms, dBu, dBV, Vpp)"), HR_UNIT_VOLT,
                   HR_FORM_OPTIONAL_POSITIVE },
  [FIELD_IMAX] = { "max_current_ma", N_("Maximum current (mA RMS)"), HR_UNIT_MILLIAMP, HR_FORM_OPTIONAL_POSITIVE },
  /* Read by read_figure(), which knows a dynamic range. */
  [FIELD_NOISE] = { "noise_vrms", N_("Output noise, A-weighted (dBu, µV, or dB below the maximum)"), HR_UNIT_VOLT,
                    HR_FORM_OPTIONAL_NON_NEGATIVE },
  [FIELD_MIN_LOAD] = { "min_load_ohm", N_("Rated load, at least (Ω)"), HR_UNIT_OHM, HR_FORM_OPTIONAL_POSITIVE },
  [FIELD_DC_BLOCK] = { "dc_block_uf", N_("DC-blocking capacitor (µF)"), HR_UNIT_MICROFARAD, HR_FORM_OPTIONAL_POSITIVE },
};

typedef struct
{
  AdwExpanderRow *expander;
  GtkWidget      *remove_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *kind_row;
  AdwEntryRow    *figure_rows[N_OUTPUT_FIELDS];
  HrSourceSheet  *sheet;
  /* What the spec sheet's fit filled in, and where it came from: kept
   * with the figure as long as the field holds that value. */
  double          fitted[N_OUTPUT_FIELDS];
  char           *fitted_source;
  int             base_index;  /* which output of the edited preset it is; -1 for a new one */
  HrSourceDialog *dialog;
} OutputEditor;

struct _HrSourceDialog
{
  HrGearDialog         parent_instance;

  GPtrArray           *outputs;  /* of OutputEditor */

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *about_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *manufacturer_row;
  AdwComboRow         *category_row;
  AdwPreferencesGroup *outputs_group;
  AdwEntryRow         *notes_row;
  GtkWidget           *save_button;
  GtkWidget           *remove_group;
  GtkButton           *remove_button;
};

G_DEFINE_FINAL_TYPE (HrSourceDialog, hr_source_dialog, HR_TYPE_GEAR_DIALOG)

static void
output_editor_free (OutputEditor *editor)
{
  g_clear_pointer (&editor->sheet, hr_source_sheet_free);
  g_free (editor->fitted_source);
  g_free (editor);
}

/* A figure of the output as the field reads: a noise level may be a
 * dynamic range below the maximum voltage typed beside it. */
static gboolean
read_figure (OutputEditor *editor,
             guint         field,
             double       *value)
{
  AdwEntryRow *row = editor->figure_rows[field];
  g_autofree char *text = NULL;
  double vmax_vrms;
  gboolean valid;

  if (field != FIELD_NOISE)
    return hr_form_get_number (row, output_fields[field].unit, output_fields[field].rule, value);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  *value = HR_UNKNOWN;
  if (text[0] == '\0')
    valid = TRUE;
  else
    {
      if (!hr_form_get_number (editor->figure_rows[FIELD_VMAX], HR_UNIT_VOLT, HR_FORM_OPTIONAL_POSITIVE,
                               &vmax_vrms))
        vmax_vrms = HR_UNKNOWN;
      valid = hr_units_parse_noise (text, vmax_vrms, value, NULL) && *value >= 0.0;
    }
  hr_form_mark (GTK_WIDGET (row), valid);
  return valid;
}

/* Reads the form, marking what does not read. */
static gboolean
validate (HrSourceDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *manufacturer = NULL;
  gboolean valid = TRUE;

  valid &= hr_form_get_text (self->name_row, TRUE, &name);
  valid &= hr_form_get_text (self->manufacturer_row, TRUE, &manufacturer);
  for (guint i = 0; i < self->outputs->len; i++)
    {
      OutputEditor *editor = g_ptr_array_index (self->outputs, i);
      g_autofree char *output_name = NULL;

      valid &= hr_form_get_text (editor->name_row, TRUE, &output_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->expander),
                                     output_name[0] != '\0' ? output_name : _("New output"));
      for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
        {
          double value;

          valid &= read_figure (editor, f, &value);
          /* An output impedance typed is given to the fit, not fitted. */
          if (f == FIELD_ZOUT)
            hr_source_sheet_set_zout_given (editor->sheet, valid ? value : HR_UNKNOWN);
        }
    }
  return valid && self->outputs->len > 0;
}

static void
update_state (HrSourceDialog *self)
{
  /* Rows emit "changed" as the template is torn down. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gear.save", validate (self));
  for (guint i = 0; i < self->outputs->len; i++)
    {
      OutputEditor *editor = g_ptr_array_index (self->outputs, i);

      gtk_widget_set_sensitive (editor->remove_button, self->outputs->len > 1);
    }
}

static void
on_remove_output (GtkButton      *button,
                  HrSourceDialog *self)
{
  for (guint i = 0; i < self->outputs->len; i++)
    {
      OutputEditor *editor = g_ptr_array_index (self->outputs, i);

      if (editor->remove_button == GTK_WIDGET (button))
        {
          adw_preferences_group_remove (self->outputs_group, GTK_WIDGET (editor->expander));
          g_ptr_array_remove_index (self->outputs, i);
          break;
        }
    }
  update_state (self);
}

static AdwEntryRow *
add_entry_row (AdwExpanderRow *expander,
               const char     *title)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

/* The spec sheet's fit, filled in: the voltage, and the output impedance
 * and current limit where the fit found them. */
static void
on_sheet_apply (const HrInferResult *result,
                const char          *provenance,
                gpointer             user_data)
{
  OutputEditor *editor = user_data;

  for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
    editor->fitted[f] = NAN;
  g_free (editor->fitted_source);
  editor->fitted_source = g_strdup (provenance);
  editor->fitted[FIELD_VMAX] = result->voc_vrms;
  if (!result->zout_given && !isnan (result->zout_ohm))
    editor->fitted[FIELD_ZOUT] = result->zout_ohm;
  if (!isnan (result->imax_ma))
    editor->fitted[FIELD_IMAX] = result->imax_ma;
  for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
    if (!isnan (editor->fitted[f]))
      hr_form_set_number (editor->figure_rows[f], editor->fitted[f]);
}

/* An output's editor: an expander row titled with its name, with a row
 * per figure, the spec sheet's rows, and a button that removes it. */
static OutputEditor *
append_output_editor (HrSourceDialog       *self,
                      const HrSourceOutput *output,
                      int                   base_index)
{
  OutputEditor *editor = g_new0 (OutputEditor, 1);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *remove;

  editor->dialog = self;
  for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
    editor->fitted[f] = NAN;

  editor->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  editor->name_row = add_entry_row (editor->expander, _("Name"));
  editor->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (editor->kind_row), _("Connector"));
  for (guint k = 0; hr_output_kind_names ()[k] != NULL; k++)
    gtk_string_list_append (kinds, hr_output_kind_label (k));
  adw_combo_row_set_model (editor->kind_row, G_LIST_MODEL (kinds));
  adw_expander_row_add_row (editor->expander, GTK_WIDGET (editor->kind_row));
  for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
    editor->figure_rows[f] = add_entry_row (editor->expander, _(output_fields[f].title));
  editor->sheet = hr_source_sheet_new (editor->expander, on_sheet_apply, editor);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Output"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove this output"), -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_output), self, 0);
  adw_expander_row_add_action (editor->expander, remove);
  editor->remove_button = remove;

  if (output != NULL)
    {
      const HrFigure *figures[N_OUTPUT_FIELDS] = {
        [FIELD_ZOUT] = &output->output_impedance_ohm,
        [FIELD_VMAX] = &output->max_voltage_vrms,
        [FIELD_IMAX] = &output->max_current_ma,
        [FIELD_NOISE] = &output->noise_vrms,
        [FIELD_MIN_LOAD] = &output->min_load_ohm,
        [FIELD_DC_BLOCK] = &output->dc_block_uf,
      };

      gtk_editable_set_text (GTK_EDITABLE (editor->name_row), output->name);
      adw_combo_row_set_selected (editor->kind_row, output->kind);
      for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
        hr_form_set_figure (editor->figure_rows[f], figures[f]);
      editor->base_index = base_index;
    }
  else
    {
      editor->base_index = -1;
      gtk_editable_set_text (GTK_EDITABLE (editor->name_row), _("Headphone out"));
      adw_combo_row_set_selected (editor->kind_row, HR_OUTPUT_KIND_HEADPHONE);
      adw_expander_row_set_expanded (editor->expander, TRUE);
    }

  g_signal_connect_object (editor->name_row, "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
    g_signal_connect_object (editor->figure_rows[f], "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  adw_preferences_group_add (self->outputs_group, GTK_WIDGET (editor->expander));
  g_ptr_array_add (self->outputs, editor);
  return editor;
}

void
hr_source_dialog_add_output (HrSourceDialog *self)
{
  g_return_if_fail (HR_IS_SOURCE_DIALOG (self));

  append_output_editor (self, NULL, -1);
  update_state (self);
}

static void
add_output_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  hr_source_dialog_add_output (HR_SOURCE_DIALOG (widget));
}

guint
hr_source_dialog_get_n_outputs (HrSourceDialog *self)
{
  g_return_val_if_fail (HR_IS_SOURCE_DIALOG (self), 0);

  return self->outputs->len;
}

/**
 * hr_source_dialog_get_output_row:
 * @field: "name", or a figure's member: "output_impedance_ohm" …
 *
 * Returns: (transfer none) (nullable): the row of output @index that holds @field
 */
AdwEntryRow *
hr_source_dialog_get_output_row (HrSourceDialog *self,
                                 guint           index,
                                 const char     *field)
{
  OutputEditor *editor;

  g_return_val_if_fail (HR_IS_SOURCE_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->outputs->len, NULL);

  editor = g_ptr_array_index (self->outputs, index);
  if (g_str_equal (field, "name"))
    return editor->name_row;
  if (g_str_equal (field, "spec-sheet"))
    return hr_source_sheet_get_entry (editor->sheet);
  for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
    if (g_str_equal (field, output_fields[f].member))
      return editor->figure_rows[f];
  return NULL;
}

/* The spec sheet's fit of output @index: what it says, and filling it in. */
const char *
hr_source_dialog_get_sheet_summary (HrSourceDialog *self,
                                    guint           index)
{
  g_return_val_if_fail (HR_IS_SOURCE_DIALOG (self), NULL);
  g_return_val_if_fail (index < self->outputs->len, NULL);

  return hr_source_sheet_get_summary (((OutputEditor *) g_ptr_array_index (self->outputs, index))->sheet);
}

gboolean
hr_source_dialog_apply_sheet (HrSourceDialog *self,
                              guint           index)
{
  g_return_val_if_fail (HR_IS_SOURCE_DIALOG (self), FALSE);
  g_return_val_if_fail (index < self->outputs->len, FALSE);

  return hr_source_sheet_apply (((OutputEditor *) g_ptr_array_index (self->outputs, index))->sheet);
}

/* The form as a preset, for hr_gear_dialog_save(). */
static HrPresetBuilder *
build_preset (HrGearDialog  *dialog,
              GError       **error)
{
  HrSourceDialog *self = HR_SOURCE_DIALOG (dialog);
  g_autoptr(HrPresetBuilder) builder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *manufacturer = NULL;
  g_autofree char *notes = NULL;

  if (!validate (self))
    {
      g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                           _("Some fields are empty or do not read as numbers; they are marked in red."));
      return NULL;
    }
  hr_form_get_text (self->name_row, TRUE, &name);
  hr_form_get_text (self->manufacturer_row, TRUE, &manufacturer);
  hr_form_get_text (self->notes_row, FALSE, &notes);

  builder = hr_gear_dialog_new_builder (dialog);
  hr_preset_builder_set_names (builder, manufacturer, name);
  hr_preset_builder_set_source_category (builder, adw_combo_row_get_selected (self->category_row));
  for (guint i = 0; i < self->outputs->len; i++)
    {
      OutputEditor *editor = g_ptr_array_index (self->outputs, i);
      g_autofree char *output_name = NULL;
      guint output;

      hr_form_get_text (editor->name_row, TRUE, &output_name);
      output = hr_preset_builder_add_output (builder, editor->base_index, output_name,
                                             adw_combo_row_get_selected (editor->kind_row));
      for (guint f = 0; f < N_OUTPUT_FIELDS; f++)
        {
          g_autofree char *given = hr_form_dup_given (editor->figure_rows[f]);
          const char *source = NULL;
          double value;

          read_figure (editor, f, &value);
          /* The fit's figure, still as it filled it in, says where it
           * came from. */
          if (!isnan (editor->fitted[f]) && fabs (value - editor->fitted[f]) <= 1e-6 * fabs (value))
            source = editor->fitted_source;
          hr_preset_builder_set_output_figure_given (builder, output, output_fields[f].member, value,
                                                     given, source);
        }
    }
  hr_preset_builder_set_notes (builder, notes);
  return g_steal_pointer (&builder);
}

/* The preset's outputs, each remembering which one it is, so that saving
 * keeps what the form does not show of it. */
static void
load_preset (HrSourceDialog *self,
             HrSourcePreset *preset)
{
  const char *notes = hr_preset_get_notes (HR_PRESET (preset));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), hr_preset_get_name (HR_PRESET (preset)));
  gtk_editable_set_text (GTK_EDITABLE (self->manufacturer_row), hr_preset_get_manufacturer (HR_PRESET (preset)));
  adw_combo_row_set_selected (self->category_row, hr_source_preset_get_category (preset));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), notes != NULL ? notes : "");
  for (guint i = 0; i < hr_source_preset_get_n_outputs (preset); i++)
    append_output_editor (self, hr_source_preset_get_output (preset, i), (int) i);
  /* One output: nothing to choose between, so show its figures. */
  if (self->outputs->len == 1)
    adw_expander_row_set_expanded (((OutputEditor *) g_ptr_array_index (self->outputs, 0))->expander, TRUE);
}

static void
hr_source_dialog_dispose (GObject *object)
{
  HrSourceDialog *self = HR_SOURCE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HR_TYPE_SOURCE_DIALOG);
  g_clear_pointer (&self->outputs, g_ptr_array_unref);

  G_OBJECT_CLASS (hr_source_dialog_parent_class)->dispose (object);
}

static void
hr_source_dialog_class_init (HrSourceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HrGearDialogClass *klass_gear = HR_GEAR_DIALOG_CLASS (klass);

  object_class->dispose = hr_source_dialog_dispose;

  klass_gear->kind = HR_PRESET_KIND_SOURCE;
  klass_gear->new_title = N_("New Source");
  klass_gear->edit_title = N_("Edit Source");
  klass_gear->save_error_heading = N_("Could Not Save the Source");
  klass_gear->build_preset = build_preset;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/headroom/Headroom/ui/hr-source-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, about_group);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, manufacturer_row);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, outputs_group);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, remove_group);
  gtk_widget_class_bind_template_child (widget_class, HrSourceDialog, remove_button);

  gtk_widget_class_install_action (widget_class, "gear.add-output", NULL, add_output_action);
}

static void
hr_source_dialog_init (HrSourceDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  self->outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) output_editor_free);
  gtk_widget_init_template (GTK_WIDGET (self));
  hr_accessible_name_mnemonics (GTK_WIDGET (self));

  for (guint i = 0; hr_source_category_names ()[i] != NULL; i++)
    gtk_string_list_append (categories, hr_source_category_label (i));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  g_signal_connect_object (self->name_row, "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->manufacturer_row, "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
}

/**
 * hr_source_dialog_new:
 * @preset: (nullable): the source to edit; %NULL for a new one
 */
HrSourceDialog *
hr_source_dialog_new (GtkWindow      *parent,
                      HrPresetDb     *db,
                      HrSourcePreset *preset)
{
  HrSourceDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);
  g_return_val_if_fail (preset == NULL || HR_IS_SOURCE_PRESET (preset), NULL);

  self = g_object_new (HR_TYPE_SOURCE_DIALOG, "transient-for", parent, "db", db, "preset", preset, NULL);
  hr_gear_dialog_set_up (HR_GEAR_DIALOG (self), self->window_title, self->about_group,
                         self->remove_group, self->remove_button);

  if (preset != NULL)
    load_preset (self, preset);
  else
    {
      adw_combo_row_set_selected (self->category_row, HR_SOURCE_CATEGORY_HEADPHONE_AMP);
      append_output_editor (self, NULL, -1);
    }
  update_state (self);
  return self;
}
