/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HR_DB_ERROR (hr_db_error_quark ())

/* Problems with the shape of a gear description, before any number reaches
 * the model: the model's own checks report HR_MODEL_ERROR instead. Reading
 * the file and parsing its JSON keep the errors of GLib and json-glib
 * (G_FILE_ERROR, JSON_PARSER_ERROR). Every message names the JSON path of
 * the field, and the value where there is one.
 */
typedef enum
{
  HR_DB_ERROR_EMPTY_DOCUMENT,  /* the file holds no JSON value at all */
  HR_DB_ERROR_WRONG_TYPE,      /* a string where a number belongs, … */
  HR_DB_ERROR_MISSING_FIELD,
  HR_DB_ERROR_UNKNOWN_MODEL,   /* impedance.model */
  HR_DB_ERROR_UNKNOWN_UNIT,    /* sensitivity.unit */
  HR_DB_ERROR_INVALID_NODE,    /* a network node that is not one element */
} HrDbError;

GQuark hr_db_error_quark (void);

G_END_DECLS
