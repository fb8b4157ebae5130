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
  HR_DB_ERROR_INVALID_VALUE,   /* a preset field out of its set: id, category, type, kind */
  HR_DB_ERROR_DUPLICATE_ID,    /* a second preset with an id already used in the file */
  HR_DB_ERROR_UNSUPPORTED_VERSION, /* schema_version newer than this Headroom reads */
  HR_DB_ERROR_NOT_JSON,        /* a syntax error, text that is not UTF-8, nesting too deep */
  HR_DB_ERROR_NOT_FOUND,       /* no preset with that id */
  HR_DB_ERROR_EXISTS,          /* adding a user preset whose id the user file already has */
  HR_DB_ERROR_BROKEN_USER_FILE, /* the user's file cannot be read, so it is not written */
  HR_DB_ERROR_INVALID_PRESET,  /* a preset handed to add or edit has problems */
  HR_DB_ERROR_UNKNOWN_FIGURE,  /* a figure the computation needs is unknown: an output impedance */
} HrDbError;

GQuark hr_db_error_quark (void);

G_END_DECLS
