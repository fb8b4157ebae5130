/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hr-scenario.h"

G_BEGIN_DECLS

/* The scenario's fields, for the files that make it up: hr-scenario.c
 * (the object and its figures), hr-scenario-resolve.c (from a scenario to
 * a circuit and a name), hr-scenario-json.c. */
struct _HrScenario
{
  GObject                  parent_instance;

  HrScenarioSourceKind     source_kind;
  char                    *source_id;
  char                    *output_id;
  HrSourcePreset          *source_inline;
  HrSource                 source_figures;
  char                    *source_name;

  HrScenarioHeadphoneKind  headphone_kind;
  char                    *headphone_id;
  HrHeadphonePreset       *headphone_inline;
  HrHeadphone             *headphone_model;

  double                   zout_ohm;         /* NAN: the source's own */
  double                   source_figures_set[HR_N_SOURCE_FIGURES];  /* NAN: the source's own */
  double                   headphone_z_ohm;  /* NAN: the headphones' own */
  GArray                  *response;         /* of HrResponsePoint, in place of theirs; NULL: their own */
  double                   response_zout_ohm; /* what the response was measured on; NAN: 0 Ω */
  HrDrive                  drive;
  HrConnection             connection;
  double                   crest_factor_db;

  guint                    freeze_count;
  gboolean                 changed_while_frozen;
};

G_END_DECLS
