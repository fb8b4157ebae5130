/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-headphone-dialog.h"

G_BEGIN_DECLS

/* The headphones' form, split by concern: hr-headphone-dialog.c (the form
 * and its impedance models), hr-headphone-fit.c (a driver fitted to a
 * plot's figures), hr-headphone-response.c (the frequency response). */

typedef enum
{
  MODEL_RESISTOR,
  MODEL_THIELE_SMALL,
  MODEL_CURVE,
  MODEL_PRESET_NETWORK,  /* only when the preset has one: a fitted network */
  MODEL_FITTED,          /* a dynamic driver fitted to a plot's figures */
  MODEL_UNKNOWN,         /* no curve known: flat, and said to be assumed */
} Model;

struct _HrHeadphoneDialog
{
  HrGearDialog         parent_instance;

  HrImpedance         *curve;          /* measured points, from a file or the preset */
  char                *curve_source;   /* "imported from hd650.zma"; NULL: the preset's own */
  GArray              *models;         /* of Model, in the model row's order */
  GtkFileChooserNative *chooser;
  gboolean             chooser_for_response;
  HrResponsePoint     *response;       /* the headphones' own frequency response, or NULL */
  guint                n_response;
  char                *response_source; /* "imported from hd650.csv"; NULL: the preset's own */
  gboolean             response_changed;
  gboolean             showing_response_source;  /* the row set by the form, not typed */

  AdwWindowTitle      *window_title;
  AdwPreferencesGroup *about_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *manufacturer_row;
  AdwComboRow         *type_row;
  AdwEntryRow         *nominal_row;
  AdwEntryRow         *sensitivity_row;
  AdwComboRow         *sensitivity_unit_row;
  AdwEntryRow         *ref_freq_row;
  AdwEntryRow         *max_input_row;
  AdwComboRow         *model_row;
  AdwActionRow        *file_row;
  AdwEntryRow         *re_row;
  AdwEntryRow         *fs_row;
  AdwEntryRow         *qms_row;
  AdwEntryRow         *qes_row;
  AdwEntryRow         *le_row;
  AdwEntryRow         *fit_peak_hz_row;
  AdwEntryRow         *fit_peak_ohm_row;
  AdwEntryRow         *fit_1k_ohm_row;
  AdwEntryRow         *fit_20k_ohm_row;
  AdwEntryRow         *fit_width_lo_row;
  AdwEntryRow         *fit_width_hi_row;
  AdwActionRow        *features_row;
  AdwActionRow        *response_row;
  GtkWidget           *clear_response_button;
  AdwEntryRow         *response_source_row;
  AdwEntryRow         *notes_row;
  GtkWidget           *save_button;
  GtkWidget           *remove_group;
  GtkButton           *remove_button;
};


/* hr-headphone-fit.c */
void         hr_headphone_dialog_update_fit_rows   (HrHeadphoneDialog  *self);
HrImpedance *hr_headphone_dialog_build_fitted       (HrHeadphoneDialog  *self,
                                                     GError            **error);
gboolean     hr_headphone_dialog_describe_fit       (HrHeadphoneDialog  *self,
                                                     char              **modelled,
                                                     char              **summary);
void         hr_headphone_dialog_show_fit_features  (HrHeadphoneDialog  *self,
                                                     const HrThieleSmall *ts);

/* hr-headphone-response.c */
void         hr_headphone_dialog_show_response      (HrHeadphoneDialog  *self);
void         hr_headphone_dialog_load_preset_response (HrHeadphoneDialog *self,
                                                     HrHeadphonePreset  *preset);
void         hr_headphone_dialog_clear_response     (HrHeadphoneDialog  *self);
void         hr_headphone_dialog_response_source_changed (HrHeadphoneDialog *self);

G_END_DECLS
