/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <glib.h>
#include <json-glib/json-glib.h>

#include "test-run.h"

/* Running headroom-cli from a test and reading what it printed. Static
 * helpers for test-cli.c alone, kept apart so that the tests read as a
 * list of cases. */

#define CSV_HEADER \
  "freq_hz,z_mag_ohm,z_phase_deg,v_load_vrms,i_ma,p_mw,spl_db,dev_db,atten_db,spl_max_db,limit,zth_ohm"

enum
{
  COL_FREQ_HZ,
  COL_Z_MAG_OHM,
  COL_Z_PHASE_DEG,
  COL_V_LOAD_VRMS,
  COL_I_MA,
  COL_P_MW,
  COL_SPL_DB,
  COL_DEV_DB,
  COL_ATTEN_DB,
  COL_SPL_MAX_DB,
  COL_LIMIT,
  COL_ZTH_OHM,    /* added after the first eleven, which keep their places */
  N_COLUMNS,
};

/* %.10g keeps ten significant digits: half a unit in the tenth is 5e-10. */
#define PRINTED_REL 1e-9

#define assert_close(a, b, rel) \
  g_assert_cmpfloat_with_epsilon ((a), (b), (rel) * MAX (fabs (a), fabs (b)) + 1e-12)

static inline char *
data_file (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", name, NULL);
}

/* Runs headroom-cli with @args (NULL-terminated, without argv[0]); names
 * starting with "@" are replaced by the path of that fixture. */
static inline void
run_cli (Run               *run,
         const char *const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("HR_CLI");
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, g_strdup (cli));
  for (guint i = 0; args[i] != NULL; i++)
    {
      if (args[i][0] == '@')
        g_ptr_array_add (argv, data_file (args[i] + 1));
      else
        g_ptr_array_add (argv, g_strdup (args[i]));
    }
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define RUN(run, ...) run_cli ((run), (const char *const[]) { __VA_ARGS__, NULL })

static inline void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, 0);
  g_assert_cmpstr (run->err, ==, "");
}

/* The rows of a CSV output, the header checked and dropped; each row split
 * into its N_COLUMNS fields. */
static inline GPtrArray *
parse_csv (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  guint n_lines = g_strv_length (lines);

  g_assert_cmpuint (n_lines, >=, 2);
  g_assert_cmpstr (lines[0], ==, CSV_HEADER);
  /* The output ends with a newline, so the last piece is empty. */
  g_assert_cmpstr (lines[n_lines - 1], ==, "");

  for (guint i = 1; i + 1 < n_lines; i++)
    {
      char **fields = g_strsplit (lines[i], ",", -1);

      g_assert_cmpuint (g_strv_length (fields), ==, N_COLUMNS);
      g_ptr_array_add (rows, fields);
    }

  return rows;
}

static inline double
field (GPtrArray *rows,
       guint      row,
       guint      column)
{
  const char *text = ((char **) g_ptr_array_index (rows, row))[column];
  char *end = NULL;
  double value = g_ascii_strtod (text, &end);

  g_assert_true (end != text && *end == '\0');
  return value;
}

G_GNUC_UNUSED static const char *
field_text (GPtrArray *rows,
            guint      row,
            guint      column)
{
  return ((char **) g_ptr_array_index (rows, row))[column];
}

static inline JsonObject *
parse_json_object (const char  *text,
                   JsonNode   **root)
{
  g_autoptr(GError) error = NULL;

  *root = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*root));
  return json_node_get_object (*root);
}

static inline void
assert_one_line_error (const Run         *run,
                       int                status,
                       const char *const *needles)
{
  if (run->status != status)
    g_test_message ("stderr: %s", run->err);
  g_assert_cmpint (run->status, ==, status);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "headroom-cli: "));
  /* One line: its only newline is the last character. */
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
  for (guint i = 0; needles != NULL && needles[i] != NULL; i++)
    {
      if (strstr (run->err, needles[i]) == NULL)
        g_test_message ("“%s” not in: %s", needles[i], run->err);
      g_assert_nonnull (strstr (run->err, needles[i]));
    }
}
