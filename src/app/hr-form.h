/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hr-preset.h"
#include "hr-units.h"

G_BEGIN_DECLS

/* The fields of the gear dialogs: AdwEntryRows that hold a number in a
 * unit, or a text. A field that does not read is marked with the "error"
 * style class, so that the user sees which one is wrong before saving. */

#define HR_FORM_ERROR (hr_form_error_quark ())

/* Why a form cannot be saved yet. The message is for the user, as it is. */
typedef enum
{
  HR_FORM_ERROR_INVALID,     /* a field is empty or does not read */
  HR_FORM_ERROR_NO_FILE,     /* a measurement file is needed and none was chosen */
  HR_FORM_ERROR_NOT_LOCAL,   /* a file that is not on this machine */
} HrFormError;

typedef enum
{
  HR_FORM_REQUIRED_POSITIVE,   /* > 0 */
  HR_FORM_REQUIRED_NON_NEGATIVE,
  HR_FORM_OPTIONAL_POSITIVE,   /* empty: unknown */
  HR_FORM_OPTIONAL_NON_NEGATIVE, /* empty: unknown; 0 allowed */
  HR_FORM_ANY,                 /* a sensitivity in dB may be anything */
} HrFormRule;

GQuark    hr_form_error_quark (void);
void      hr_form_set_number (AdwEntryRow *row,
                              double       value);
gboolean  hr_form_get_number (AdwEntryRow *row,
                              HrUnit       unit,
                              HrFormRule   rule,
                              double      *value);
void      hr_form_set_figure (AdwEntryRow    *row,
                              const HrFigure *figure);
char     *hr_form_dup_given  (AdwEntryRow *row);
gboolean  hr_form_get_text   (AdwEntryRow *row,
                              gboolean     required,
                              char       **text);
void      hr_form_mark       (GtkWidget   *row,
                              gboolean     valid);
void      hr_form_show_error (GtkWindow   *parent,
                              const char  *heading,
                              const char  *message);

G_END_DECLS
