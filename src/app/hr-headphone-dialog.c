/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-headphone-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <complex.h>
#include <math.h>

#include "hr-accessible.h"
#include "hr-curve-import.h"
#include "hr-form.h"
#include "hr-headphone-dialog-private.h"
#include "hr-preset-edit.h"
#include "hr-preset-labels.h"

/* The user's own headphones: a new pair, or a preset (bundled or theirs)
 * to change. The form is a thin layer over src/db: it edits a copy of the
 * preset's JSON object with hr-preset-edit, so that figures the user does
 * not touch keep their sources, and hr_preset_db_write_user_preset()
 * checks and writes it as loading would read it. Editing a bundled preset
 * saves the user's version, which replaces it in the lists. */

G_DEFINE_FINAL_TYPE (HrHeadphoneDialog, hr_headphone_dialog, HR_TYPE_GEAR_DIALOG)

/* The headphones edited; NULL for new ones. */
static HrHeadphonePreset *
get_preset (HrHeadphoneDialog *self)
{
  return (HrHeadphonePreset *) hr_gear_dialog_get_preset (HR_GEAR_DIALOG (self));
}

static Model
get_model (HrHeadphoneDialog *self)
{
  guint position = adw_combo_row_get_selected (self->model_row);

  return position < self->models->len ? g_array_index (self->models, Model, position) : MODEL_RESISTOR;
}

static void
select_model (HrHeadphoneDialog *self,
              Model              model)
{
  for (guint i = 0; i < self->models->len; i++)
    if (g_array_index (self->models, Model, i) == model)
      adw_combo_row_set_selected (self->model_row, i);
}

/* The preset's own Thiele–Small parameters, unscaled, if it has them. */
static const HrThieleSmall *
get_preset_thiele_small (HrHeadphoneDialog *self)
{
  HrImpedance *impedance = get_preset (self) != NULL ? hr_headphone_preset_get_impedance (get_preset (self)) : NULL;

  if (impedance == NULL || hr_impedance_get_kind (impedance) != HR_IMPEDANCE_THIELE_SMALL)
    return NULL;
  return hr_impedance_get_thiele_small (impedance);
}

static gboolean
same_value (double a,
            double b)
{
  return fabs (a - b) <= 1e-6 * fmax (fabs (a), fabs (b));
}

/* The impedance model the form describes, and whether it is the preset's
 * own unchanged, which then keeps its source and what it was fitted to.
 * Sets an error naming the first field that does not read. */
static HrImpedance *
build_impedance (HrHeadphoneDialog  *self,
                 gboolean           *unchanged,
                 GError            **error)
{
  HrImpedance *preset_impedance = get_preset (self) != NULL ? hr_headphone_preset_get_impedance (get_preset (self)) : NULL;
  double scale = preset_impedance != NULL ? hr_impedance_get_scale (preset_impedance) : 1.0;
  const HrThieleSmall *preset_ts = get_preset_thiele_small (self);
  g_autoptr(HrImpedance) unscaled = NULL;
  HrThieleSmall ts;
  double nominal_ohm;
  double le_mh;

  *unchanged = FALSE;
  switch (get_model (self))
    {
    case MODEL_RESISTOR:
      if (!hr_form_get_number (self->nominal_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &nominal_ohm))
        {
          g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                               _("A flat curve is the nominal impedance: enter it above."));
          return NULL;
        }
      return hr_impedance_new_resistor (nominal_ohm, error);

    case MODEL_THIELE_SMALL:
      {
        gboolean valid = TRUE;

        /* Every field is checked, so that each wrong one is marked. */
        valid &= hr_form_get_number (self->re_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &ts.re_ohm);
        valid &= hr_form_get_number (self->fs_row, HR_UNIT_HERTZ, HR_FORM_REQUIRED_POSITIVE, &ts.fs_hz);
        valid &= hr_form_get_number (self->qms_row, HR_UNIT_NUMBER, HR_FORM_REQUIRED_POSITIVE, &ts.qms);
        valid &= hr_form_get_number (self->qes_row, HR_UNIT_NUMBER, HR_FORM_REQUIRED_POSITIVE, &ts.qes);
        valid &= hr_form_get_number (self->le_row, HR_UNIT_MILLIHENRY, HR_FORM_REQUIRED_NON_NEGATIVE, &le_mh);
        if (!valid)
          {
            g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                                 _("Enter all five Thiele–Small parameters, each a number greater than 0 (Le may be 0)."));
            return NULL;
          }
        ts.le_h = le_mh / 1000.0;
        if (preset_ts != NULL && same_value (ts.re_ohm, preset_ts->re_ohm) && same_value (ts.fs_hz, preset_ts->fs_hz)
            && same_value (ts.qms, preset_ts->qms) && same_value (ts.qes, preset_ts->qes)
            && same_value (ts.le_h, preset_ts->le_h))
          {
            *unchanged = TRUE;
            return g_object_ref (preset_impedance);
          }
        unscaled = hr_impedance_new_thiele_small (&ts, error);
        if (unscaled == NULL)
          return NULL;
        return scale != 1.0 ? hr_impedance_new_scaled (unscaled, scale, error) : g_steal_pointer (&unscaled);
      }

    case MODEL_CURVE:
      if (self->curve == NULL)
        {
          g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_NO_FILE,
                               _("Choose a measurement file."));
          return NULL;
        }
      if (self->curve_source == NULL)
        *unchanged = TRUE;
      return g_object_ref (self->curve);

    case MODEL_PRESET_NETWORK:
      *unchanged = TRUE;
      return g_object_ref (preset_impedance);

    case MODEL_FITTED:
      return hr_headphone_dialog_build_fitted (self, error);

    case MODEL_UNKNOWN:
      if (!hr_form_get_number (self->nominal_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &nominal_ohm))
        {
          g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                               _("An unknown curve is assumed flat at the nominal impedance: enter it above."));
          return NULL;
        }
      if (preset_impedance != NULL && hr_impedance_is_assumed (preset_impedance)
          && same_value (nominal_ohm, creal (hr_impedance_eval (preset_impedance, 1000.0))))
        *unchanged = TRUE;
      return hr_impedance_new_assumed_flat (nominal_ohm, error);

    default:
      g_assert_not_reached ();
    }
}

/* Checks every field, marks the wrong ones, and enables Save only when the
 * whole form reads. The curve's row shows what the model gives, so that a
 * user can compare it with the plot they copied it from. */
static void
update_state (HrHeadphoneDialog *self)
{
  g_autoptr(HrImpedance) impedance = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *manufacturer = NULL;
  gboolean unchanged;
  gboolean valid = TRUE;
  double value;
  Model model;

  /* Rows emit "changed" as the template is torn down. */
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  model = get_model (self);
  gtk_widget_set_visible (GTK_WIDGET (self->file_row), model == MODEL_CURVE);
  gtk_widget_set_visible (GTK_WIDGET (self->re_row), model == MODEL_THIELE_SMALL);
  gtk_widget_set_visible (GTK_WIDGET (self->fs_row), model == MODEL_THIELE_SMALL);
  gtk_widget_set_visible (GTK_WIDGET (self->qms_row), model == MODEL_THIELE_SMALL);
  gtk_widget_set_visible (GTK_WIDGET (self->qes_row), model == MODEL_THIELE_SMALL);
  gtk_widget_set_visible (GTK_WIDGET (self->le_row), model == MODEL_THIELE_SMALL);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_peak_hz_row), model == MODEL_FITTED);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_peak_ohm_row), model == MODEL_FITTED);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_1k_ohm_row), model == MODEL_FITTED);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_20k_ohm_row), model == MODEL_FITTED);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_width_lo_row), model == MODEL_FITTED);
  gtk_widget_set_visible (GTK_WIDGET (self->fit_width_hi_row), model == MODEL_FITTED);
  if (model == MODEL_FITTED)
    hr_headphone_dialog_update_fit_rows (self);

  valid &= hr_form_get_text (self->name_row, TRUE, &name);
  valid &= hr_form_get_text (self->manufacturer_row, TRUE, &manufacturer);
  valid &= hr_form_get_number (self->nominal_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &value);
  valid &= hr_form_get_number (self->sensitivity_row, HR_UNIT_DB, HR_FORM_ANY, &value);
  valid &= hr_form_get_number (self->ref_freq_row, HR_UNIT_HERTZ, HR_FORM_REQUIRED_POSITIVE, &value);
  valid &= hr_form_get_number (self->max_input_row, HR_UNIT_MILLIWATT, HR_FORM_OPTIONAL_POSITIVE, &value);

  impedance = build_impedance (self, &unchanged, &error);
  if (impedance != NULL)
    {
      HrImpedanceFeatures features;
      g_autofree char *at_1khz = NULL;
      g_autofree char *max = NULL;
      g_autofree char *max_freq = NULL;
      g_autofree char *min = NULL;
      g_autofree char *min_freq = NULL;
      g_autofree char *text = NULL;

      hr_impedance_get_features (impedance, &features);
      at_1khz = hr_format_ohm (features.at_1khz_ohm);
      max = hr_format_ohm (features.max_ohm);
      max_freq = hr_format_freq (features.max_freq_hz);
      min = hr_format_ohm (features.min_ohm);
      min_freq = hr_format_freq (features.min_freq_hz);
      /* Translators: the features of an impedance curve,
       * "300 Ω at 1 kHz · highest 512 Ω at 90 Hz · lowest 290 Ω at 3 kHz" */
      text = g_strdup_printf (_("%s at 1 kHz · highest %s at %s · lowest %s at %s"),
                              at_1khz, max, max_freq, min, min_freq);
      /* A fit says how close it comes to each figure of the plot; a curve
       * nobody knows, that it is assumed. */
      if (model == MODEL_FITTED)
        {
          g_autofree char *summary = NULL;

          if (hr_headphone_dialog_describe_fit (self, NULL, &summary))
            {
              char *both = g_strconcat (text, "\n", summary, NULL);

              g_free (text);
              text = both;
            }
        }
      else if (model == MODEL_UNKNOWN)
        {
          char *both = g_strconcat (text, "\n",
                                    _("Assumed flat: the verdict says the change in response could not be judged."),
                                    NULL);

          g_free (text);
          text = both;
        }
      adw_action_row_set_subtitle (self->features_row, text);
    }
  else
    {
      adw_action_row_set_subtitle (self->features_row, error->message);
      valid = FALSE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "gear.save", valid);
}

static void
show_curve (HrHeadphoneDialog *self,
            const char        *description)
{
  adw_action_row_set_subtitle (self->file_row, description);
}

/**
 * hr_headphone_dialog_load_curve:
 *
 * Reads an impedance curve from @file (.zma, REW, ARTA or LIMP text, CSV
 * with a header) into the form, and chooses the measured-curve model. On
 * an error the form is left as it was.
 */
gboolean
hr_headphone_dialog_load_curve (HrHeadphoneDialog  *self,
                                GFile              *file,
                                GError            **error)
{
  g_autoptr(HrImpedanceCurve) curve = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *description = NULL;
  g_autofree char *lowest = NULL;
  g_autofree char *highest = NULL;
  HrImpedance *impedance;

  g_return_val_if_fail (HR_IS_HEADPHONE_DIALOG (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (file);

      g_set_error (error, HR_FORM_ERROR, HR_FORM_ERROR_NOT_LOCAL,
                   _("%s: only local files can be read"), uri);
      return FALSE;
    }
  curve = hr_curve_load_impedance (path, error);
  if (curve == NULL)
    return FALSE;
  impedance = hr_impedance_new_points (curve->points, curve->n_points, error);
  if (impedance == NULL)
    return FALSE;

  g_clear_object (&self->curve);
  self->curve = impedance;
  basename = g_file_get_basename (file);
  g_free (self->curve_source);
  /* Translators: where a user's impedance curve comes from, "imported from hd650.zma" */
  self->curve_source = g_strdup_printf (_("imported from %s"), basename);

  lowest = hr_format_freq (curve->points[0].freq_hz);
  highest = hr_format_freq (curve->points[curve->n_points - 1].freq_hz);
  description = g_strdup_printf (curve->has_phase
                                 /* Translators: "hd650.zma: 480 points, 10 Hz–20 kHz" */
                                 ? ngettext ("%s: %u point, %s–%s", "%s: %u points, %s–%s", curve->n_points)
                                 : ngettext ("%s: %u point, %s–%s, no phase", "%s: %u points, %s–%s, no phase",
                                             curve->n_points),
                                 basename, curve->n_points, lowest, highest);
  show_curve (self, description);

  /* A file dropped on an empty form names it, as the user would. */
  if (gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] == '\0')
    {
      g_autofree char *name = g_strdup (basename);
      char *dot = strrchr (name, '.');

      if (dot != NULL && dot != name)
        *dot = '\0';
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), name);
    }

  select_model (self, MODEL_CURVE);
  update_state (self);
  return TRUE;
}

static void
on_chooser_response (HrHeadphoneDialog    *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  if (self->chooser_for_response)
    {
      if (!hr_headphone_dialog_load_response (self, file, &error))
        hr_form_show_error (GTK_WINDOW (self), _("Could Not Read the Frequency Response"), error->message);
      update_state (self);
    }
  else if (!hr_headphone_dialog_load_curve (self, file, &error))
    hr_form_show_error (GTK_WINDOW (self), _("Could Not Read the Curve"), error->message);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HrHeadphoneDialog *self = HR_HEADPHONE_DIALOG (widget);
  g_autoptr(GtkFileFilter) curves = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  self->chooser_for_response = g_str_equal (action_name, "gear.choose-response");
  if (self->chooser_for_response)
    {
      gtk_file_filter_set_name (curves, _("Frequency responses"));
      gtk_file_filter_add_suffix (curves, "frd");
    }
  else
    {
      gtk_file_filter_set_name (curves, _("Impedance curves"));
      gtk_file_filter_add_suffix (curves, "zma");
    }
  gtk_file_filter_add_suffix (curves, "txt");
  gtk_file_filter_add_suffix (curves, "csv");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");

  self->chooser = gtk_file_chooser_native_new (self->chooser_for_response ? _("Choose a Frequency Response")
                                                                          : _("Choose an Impedance Curve"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), curves);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
clear_response_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  hr_headphone_dialog_clear_response (HR_HEADPHONE_DIALOG (widget));
  update_state (HR_HEADPHONE_DIALOG (widget));
}

/* The form as a preset, for hr_gear_dialog_save(). */
static HrPresetBuilder *
build_preset (HrGearDialog  *dialog,
              GError       **error)
{
  HrHeadphoneDialog *self = HR_HEADPHONE_DIALOG (dialog);
  g_autoptr(HrImpedance) impedance = NULL;
  g_autoptr(HrPresetBuilder) builder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *manufacturer = NULL;
  g_autofree char *notes = NULL;
  double nominal_ohm, sensitivity, ref_freq_hz, max_input_mw;
  gboolean unchanged;
  gboolean valid = TRUE;

  valid &= hr_form_get_text (self->name_row, TRUE, &name);
  valid &= hr_form_get_text (self->manufacturer_row, TRUE, &manufacturer);
  valid &= hr_form_get_text (self->notes_row, FALSE, &notes);
  valid &= hr_form_get_number (self->nominal_row, HR_UNIT_OHM, HR_FORM_REQUIRED_POSITIVE, &nominal_ohm);
  valid &= hr_form_get_number (self->sensitivity_row, HR_UNIT_DB, HR_FORM_ANY, &sensitivity);
  valid &= hr_form_get_number (self->ref_freq_row, HR_UNIT_HERTZ, HR_FORM_REQUIRED_POSITIVE, &ref_freq_hz);
  valid &= hr_form_get_number (self->max_input_row, HR_UNIT_MILLIWATT, HR_FORM_OPTIONAL_POSITIVE, &max_input_mw);
  if (!valid)
    {
      g_set_error_literal (error, HR_FORM_ERROR, HR_FORM_ERROR_INVALID,
                           _("Some fields are empty or do not read as numbers; they are marked in red."));
      return NULL;
    }
  impedance = build_impedance (self, &unchanged, error);
  if (impedance == NULL)
    return NULL;

  builder = hr_gear_dialog_new_builder (dialog);
  hr_preset_builder_set_names (builder, manufacturer, name);
  hr_preset_builder_set_headphone_type (builder, adw_combo_row_get_selected (self->type_row));
  hr_preset_builder_set_figure (builder, "nominal_impedance_ohm", nominal_ohm);
  hr_preset_builder_set_sensitivity (builder, sensitivity, adw_combo_row_get_selected (self->sensitivity_unit_row),
                                     ref_freq_hz);
  hr_preset_builder_set_figure (builder, "max_input_mw", max_input_mw);
  if (!unchanged)
    {
      g_autofree char *modelled = NULL;

      if (get_model (self) == MODEL_FITTED)
        {
          hr_headphone_dialog_describe_fit (self, &modelled, NULL);
          /* The user's reading of a plot: the model is theirs, and says
           * what it was fitted to. */
          hr_preset_builder_set_impedance (builder, impedance, _("fitted to figures read off a plot"));
          hr_preset_builder_set_impedance_modelled (builder, modelled);
        }
      else
        hr_preset_builder_set_impedance (builder, impedance,
                                         get_model (self) == MODEL_CURVE ? self->curve_source : NULL);
    }
  if (self->response_changed)
    hr_preset_builder_set_response (builder, self->response, self->n_response, self->response_source);
  hr_preset_builder_set_notes (builder, notes);
  return g_steal_pointer (&builder);
}

static void
fill_models (HrHeadphoneDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  HrImpedance *impedance = get_preset (self) != NULL ? hr_headphone_preset_get_impedance (get_preset (self)) : NULL;
  Model model;

  model = MODEL_CURVE;
  g_array_append_val (self->models, model);
  gtk_string_list_append (labels, _("From a file"));
  model = MODEL_FITTED;
  g_array_append_val (self->models, model);
  gtk_string_list_append (labels, _("From a published plot"));
  model = MODEL_THIELE_SMALL;
  g_array_append_val (self->models, model);
  gtk_string_list_append (labels, _("Dynamic driver"));
  model = MODEL_RESISTOR;
  g_array_append_val (self->models, model);
  gtk_string_list_append (labels, _("Flat"));
  model = MODEL_UNKNOWN;
  g_array_append_val (self->models, model);
  gtk_string_list_append (labels, _("Not known (assumed flat)"));
  if (impedance != NULL && hr_impedance_get_kind (impedance) == HR_IMPEDANCE_NETWORK)
    {
      model = MODEL_PRESET_NETWORK;
      g_array_append_val (self->models, model);
      gtk_string_list_append (labels, _("Fitted network"));
    }
  adw_combo_row_set_model (self->model_row, G_LIST_MODEL (labels));
}

/* The form shows the preset's figures; a figure that it does not know
 * stays empty. */
static void
load_preset (HrHeadphoneDialog *self)
{
  HrHeadphonePreset *preset = get_preset (self);
  const HrSensitivityFigure *sensitivity = hr_headphone_preset_get_sensitivity (preset);
  HrImpedance *impedance = hr_headphone_preset_get_impedance (preset);
  const HrThieleSmall *ts = get_preset_thiele_small (self);
  const char *notes = hr_preset_get_notes (HR_PRESET (preset));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), hr_preset_get_name (HR_PRESET (preset)));
  gtk_editable_set_text (GTK_EDITABLE (self->manufacturer_row), hr_preset_get_manufacturer (HR_PRESET (preset)));
  adw_combo_row_set_selected (self->type_row, hr_headphone_preset_get_headphone_type (preset));
  hr_form_set_number (self->nominal_row, hr_headphone_preset_get_nominal_impedance (preset)->value);
  /* An unknown sensitivity stays empty: the form asks for one to save. */
  if (!isnan (sensitivity->value))
    hr_form_set_number (self->sensitivity_row, sensitivity->value);
  adw_combo_row_set_selected (self->sensitivity_unit_row, sensitivity->unit);
  hr_form_set_number (self->ref_freq_row, sensitivity->ref_freq_hz);
  hr_form_set_number (self->max_input_row, hr_headphone_preset_get_max_input (preset)->value);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), notes != NULL ? notes : "");
  hr_headphone_dialog_load_preset_response (self, preset);

  switch (hr_impedance_get_kind (impedance))
    {
    case HR_IMPEDANCE_RESISTOR:
      select_model (self, hr_impedance_is_assumed (impedance) ? MODEL_UNKNOWN : MODEL_RESISTOR);
      break;
    case HR_IMPEDANCE_THIELE_SMALL:
      hr_headphone_dialog_show_fit_features (self, ts);
      hr_form_set_number (self->re_row, ts->re_ohm);
      hr_form_set_number (self->fs_row, ts->fs_hz);
      hr_form_set_number (self->qms_row, ts->qms);
      hr_form_set_number (self->qes_row, ts->qes);
      hr_form_set_number (self->le_row, ts->le_h * 1000.0);
      select_model (self, MODEL_THIELE_SMALL);
      break;
    case HR_IMPEDANCE_POINTS:
      self->curve = g_object_ref (impedance);
      show_curve (self, _("The preset's own measurement"));
      select_model (self, MODEL_CURVE);
      break;
    case HR_IMPEDANCE_NETWORK:
      select_model (self, MODEL_PRESET_NETWORK);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
hr_headphone_dialog_dispose (GObject *object)
{
  HrHeadphoneDialog *self = HR_HEADPHONE_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), HR_TYPE_HEADPHONE_DIALOG);
  g_clear_object (&self->curve);
  g_clear_pointer (&self->curve_source, g_free);
  g_clear_pointer (&self->response, g_free);
  g_clear_pointer (&self->response_source, g_free);

  G_OBJECT_CLASS (hr_headphone_dialog_parent_class)->dispose (object);
}

static void
hr_headphone_dialog_finalize (GObject *object)
{
  HrHeadphoneDialog *self = HR_HEADPHONE_DIALOG (object);

  g_clear_pointer (&self->models, g_array_unref);
  g_clear_pointer (&self->curve_source, g_free);

  G_OBJECT_CLASS (hr_headphone_dialog_parent_class)->finalize (object);
}

static void
hr_headphone_dialog_class_init (HrHeadphoneDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HrGearDialogClass *klass_gear = HR_GEAR_DIALOG_CLASS (klass);

  object_class->dispose = hr_headphone_dialog_dispose;
  object_class->finalize = hr_headphone_dialog_finalize;

  klass_gear->kind = HR_PRESET_KIND_HEADPHONE;
  klass_gear->new_title = N_("New Headphones");
  klass_gear->edit_title = N_("Edit Headphones");
  klass_gear->save_error_heading = N_("Could Not Save the Headphones");
  klass_gear->build_preset = build_preset;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/headroom/Headroom/ui/hr-headphone-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, about_group);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, manufacturer_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, type_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, nominal_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, sensitivity_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, sensitivity_unit_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, ref_freq_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, max_input_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, model_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, re_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fs_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, qms_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, qes_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, le_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fit_peak_hz_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fit_peak_ohm_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fit_1k_ohm_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fit_20k_ohm_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fit_width_lo_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, fit_width_hi_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, response_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, clear_response_button);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, response_source_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_response_source_changed",
                                                G_CALLBACK (hr_headphone_dialog_response_source_changed));
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, features_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, remove_group);
  gtk_widget_class_bind_template_child (widget_class, HrHeadphoneDialog, remove_button);

  gtk_widget_class_install_action (widget_class, "gear.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "gear.choose-response", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "gear.clear-response", NULL, clear_response_action);
}

static void
hr_headphone_dialog_init (HrHeadphoneDialog *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  self->models = g_array_new (FALSE, FALSE, sizeof (Model));
  gtk_widget_init_template (GTK_WIDGET (self));
  hr_accessible_name_mnemonics (GTK_WIDGET (self));

  for (guint i = 0; hr_headphone_type_names ()[i] != NULL; i++)
    gtk_string_list_append (types, hr_headphone_type_label (i));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));
}

static void
connect_rows (HrHeadphoneDialog *self)
{
  AdwEntryRow *const entries[] = {
    self->name_row, self->manufacturer_row, self->nominal_row, self->sensitivity_row, self->ref_freq_row,
    self->max_input_row, self->re_row, self->fs_row, self->qms_row, self->qes_row, self->le_row,
    self->fit_peak_hz_row, self->fit_peak_ohm_row, self->fit_1k_ohm_row, self->fit_20k_ohm_row,
    self->fit_width_lo_row, self->fit_width_hi_row,
  };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    g_signal_connect_object (entries[i], "changed", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model_row, "notify::selected", G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
}

/**
 * hr_headphone_dialog_new:
 * @preset: (nullable): the headphones to edit; %NULL for new ones
 */
HrHeadphoneDialog *
hr_headphone_dialog_new (GtkWindow         *parent,
                         HrPresetDb        *db,
                         HrHeadphonePreset *preset)
{
  HrHeadphoneDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HR_IS_PRESET_DB (db), NULL);
  g_return_val_if_fail (preset == NULL || HR_IS_HEADPHONE_PRESET (preset), NULL);

  self = g_object_new (HR_TYPE_HEADPHONE_DIALOG, "transient-for", parent, "db", db, "preset", preset, NULL);
  fill_models (self);
  hr_gear_dialog_set_up (HR_GEAR_DIALOG (self), self->window_title, self->about_group,
                         self->remove_group, self->remove_button);

  if (preset != NULL)
    load_preset (self);
  else
    {
      hr_form_set_number (self->ref_freq_row, 1000.0);
      select_model (self, MODEL_RESISTOR);
      show_curve (self, _("No file chosen"));
      hr_headphone_dialog_show_response (self);
    }
  connect_rows (self);
  update_state (self);
  return self;
}
