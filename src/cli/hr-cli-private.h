/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-comparison.h"
#include "hr-core.h"
#include "hr-preset-db.h"
#include "hr-scenario.h"

G_BEGIN_DECLS

/* Shared by hr-cli.c, which reads the command line, and hr-cli-request.c,
 * which does what it asks. Not a library API. */

#define HR_CLI_PROGRAM_NAME "headroom-cli"

typedef enum
{
  HR_CLI_COMMAND_SWEEP,
  HR_CLI_COMMAND_CHECK,
  HR_CLI_COMMAND_RANK,
} HrCliCommand;

/* The options as GOption leaves them: strings, NULL when not given. */
typedef struct
{
  char     *headphone_file;
  char     *headphone_id;
  char     *source_file;
  char     *source_id;
  char     *output_name;
  char     *zout_text;
  char     *vmax_text;
  char     *imax_text;
  char     *noise_text;
  char     *min_load_text;
  char     *headphone_z_text;
  char     *fr_file;
  char     *comparison_file;
  char     *fr_zout_text;
  char     *cable_text;
  char     *adapter_series_text;
  char     *adapter_shunt_text;
  char     *vs_text;
  char     *spl_text;
  char     *points_text;
  char     *fmin_text;
  char     *fmax_text;
  char     *crest_factor_text;
  char     *format;
  gboolean  help;
} HrCliOptions;

/* What the options ask for, parsed and checked. */
typedef struct
{
  HrCliCommand command;
  HrDrive      drive;
  double       zout_ohm;            /* NAN: the source's own */
  double       source_figures[HR_N_SOURCE_FIGURES];  /* NAN: the source's own */
  double       headphone_z_ohm;     /* NAN: the headphones' own */
  double       fr_zout_ohm;         /* NAN: 0 Ω, a measurement amplifier */
  double       cable_ohm;
  double       adapter_series_ohm;
  double       adapter_shunt_ohm;   /* INFINITY: none */
  double       fmin_hz;
  double       fmax_hz;
  guint        n_points;
  double       crest_factor_db;
  gboolean     json;
} HrCliRequest;

void     hr_cli_options_clear  (HrCliOptions        *options);
gboolean hr_cli_build_request  (HrCliCommand         command,
                                const HrCliOptions  *options,
                                HrCliRequest        *request,
                                GError             **error);
gboolean hr_cli_run_request    (const HrCliOptions  *options,
                                const HrCliRequest  *request,
                                GError             **error);

/* The scenario the options describe, for sweep, check and export; the
 * preset database is loaded on first use, into @db. */
GArray      *hr_cli_scenario_entries (HrCliOptions        *options,
                                      const char          *points_help);
HrScenario  *hr_cli_build_scenario   (const HrCliOptions  *options,
                                      const HrCliRequest  *request,
                                      GError             **error);
HrComparison *hr_cli_load_comparison (const HrCliOptions  *options,
                                      GError             **error);
HrScenario  *hr_cli_compare_scenario (HrScenario          *first,
                                      const char          *spec,
                                      GError             **error);
HrSummary   *hr_cli_compute          (HrScenario          *scenario,
                                      HrPresetDb         **db,
                                      HrSweep             *sweep,
                                      HrScenarioCircuit  **resolved,
                                      GError             **error);

/* One configuration as the options describe it, swept and computed:
 * where sweep, check, eq, explain and export of a circuit or a .zma
 * start (hr_cli_compute_options()). */
typedef struct
{
  HrScenario        *scenario;
  HrPresetDb        *db;        /* NULL if no preset was asked for */
  HrSweep           *sweep;
  HrSummary         *summary;
  HrScenarioCircuit *resolved;
} HrCliComputed;

gboolean     hr_cli_compute_options  (const HrCliOptions  *options,
                                      const HrCliRequest  *request,
                                      double               fmin_hz,
                                      double               fmax_hz,
                                      HrCliComputed       *computed,
                                      GError             **error);
void         hr_cli_computed_clear   (HrCliComputed       *computed);

/* hr-cli.c: what every command with options of its own does with them.
 * @context holds the command's entries and its help text; @help is the
 * entry --help sets; @run does the work on @options, reporting a mistake
 * in the command line in G_OPTION_ERROR and any other in its own domain.
 * @argv[0] is the command's name. Returns: the exit status */
typedef gboolean (*HrCliRunFunc) (gpointer   options,
                                  GError   **error);

int      hr_cli_run_with_options (char             **argv,
                                  GOptionContext    *context,
                                  const gboolean    *help,
                                  HrCliRunFunc       run,
                                  gpointer           options);

/* hr-cli-presets.c: the preset commands, and what sweep and check need
 * of the preset database. @argv[0] is the command's name; they return
 * the exit status. */
int      hr_cli_list           (char               **argv);
int      hr_cli_show           (char               **argv);
int      hr_cli_preset         (char               **argv);
void     hr_cli_print_problems (HrPresetDb          *db);
HrPresetDb *hr_cli_open_db     (GError             **error);
char    *hr_cli_format_preset  (HrPreset            *preset);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HrCliOptions, hr_cli_options_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HrCliComputed, hr_cli_computed_clear)

G_END_DECLS
