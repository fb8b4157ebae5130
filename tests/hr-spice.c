/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "hr-spice"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>

#include "hr-complex-private.h"
#include "hr-spice.h"

/* A deliberately small bridge to ngspice: it writes a netlist, runs
 * `ngspice -b` on it in a private temporary directory, and reads back the
 * AC results with every digit a double holds.
 *
 * Two choices matter for the precision of the reference:
 *
 * - ngspice's default output has 9 significant digits, not enough to check
 *   1e-6 with a margin. `option numdgt=16` makes `wrdata` print 17 (the
 *   round trip of a double), and the parser refuses fewer than 15, so a
 *   change in ngspice cannot weaken the test in silence.
 *
 * - ngspice's sparse solver picks pivots for sparsity, accepting any
 *   pivot within 1e-3 of the largest in its column (`pivrel`). Our
 *   matrices mix 2 S conductances with 1e-6 S admittances, and with that
 *   threshold the current through a chain of small capacitors came out
 *   only to 1e-7. `pivrel=1` is plain partial pivoting: the currents then
 *   agree with an exact solution to about 1e-10, for a few microseconds
 *   more per solve.
 *
 * - A series capacitor leaves a node with no DC path to ground, and
 *   parallel inductors make a loop of shorts: both make the DC operating
 *   point singular. ngspice then falls back on gmin and source stepping,
 *   which may fail. Our circuits are linear, so the operating point is not
 *   needed at all: `.options noopac` skips it. Nothing is added to the
 *   circuit (no rshunt, no gmin resistor), so the AC solution is that of
 *   the ideal elements, not a perturbation of it.
 */

#define OUTPUT_NAME "ac.txt"
#define DECK_NAME   "circuit.cir"
#define MIN_DIGITS  15

struct _HrSpice
{
  GString *elements;
  guint    n_nodes;     /* the highest node handed out; 0 is ground */
  guint    n_elements;  /* to give each element a unique name */
  guint    drive_node;
  guint    probe_node;
  gboolean has_drive;
  gboolean has_probe;
};

G_DEFINE_QUARK (hr-spice-error-quark, hr_spice_error)

HrSpice *
hr_spice_new (const char *title)
{
  HrSpice *self = g_new0 (HrSpice, 1);

  /* The first line of a SPICE deck is its title, whatever it says. */
  self->elements = g_string_new (NULL);
  g_string_append_printf (self->elements, "%s\n", title != NULL ? title : "headroom");
  return self;
}

void
hr_spice_free (HrSpice *self)
{
  if (self == NULL)
    return;

  g_string_free (self->elements, TRUE);
  g_free (self);
}

guint
hr_spice_new_node (HrSpice *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return ++self->n_nodes;
}

static void
add_element (HrSpice *self,
             char     letter,
             guint    node_a,
             guint    node_b,
             double   value)
{
  char value_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_if_fail (self != NULL);
  g_return_if_fail (node_a <= self->n_nodes && node_b <= self->n_nodes);
  g_return_if_fail (value > 0.0 && value < G_MAXDOUBLE);

  /* %.17g round-trips the double, in the C locale whatever the test's. */
  g_ascii_formatd (value_text, sizeof value_text, "%.17g", value);
  g_string_append_printf (self->elements, "%c%u %u %u %s\n",
                          letter, ++self->n_elements, node_a, node_b, value_text);
}

void
hr_spice_add_resistor (HrSpice *self,
                       guint    node_a,
                       guint    node_b,
                       double   r_ohm)
{
  add_element (self, 'R', node_a, node_b, r_ohm);
}

void
hr_spice_add_inductor (HrSpice *self,
                       guint    node_a,
                       guint    node_b,
                       double   l_h)
{
  add_element (self, 'L', node_a, node_b, l_h);
}

void
hr_spice_add_capacitor (HrSpice *self,
                        guint    node_a,
                        guint    node_b,
                        double   c_f)
{
  add_element (self, 'C', node_a, node_b, c_f);
}

/**
 * hr_spice_set_drive:
 *
 * A 1 V AC source from @node to ground, so that every result is per volt
 * of open-circuit drive.
 */
void
hr_spice_set_drive (HrSpice *self,
                    guint    node)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->has_drive);
  g_return_if_fail (node > 0 && node <= self->n_nodes);

  g_string_append_printf (self->elements, "Vdrive %u 0 DC 0 AC 1\n", node);
  self->drive_node = node;
  self->has_drive = TRUE;
}

/**
 * hr_spice_set_probe:
 *
 * A 0 V source from @node_from to @node_load: SPICE measures current only
 * through voltage sources, and a 0 V one changes nothing else. The load
 * goes between @node_load and ground.
 */
void
hr_spice_set_probe (HrSpice *self,
                    guint    node_from,
                    guint    node_load)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (!self->has_probe);
  g_return_if_fail (node_from <= self->n_nodes && node_load <= self->n_nodes);
  g_return_if_fail (node_load > 0 && node_from != node_load);

  g_string_append_printf (self->elements, "Vprobe %u %u DC 0\n", node_from, node_load);
  self->probe_node = node_load;
  self->has_probe = TRUE;
}

const char *
hr_spice_get_netlist (HrSpice *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->elements->str;
}

void
hr_spice_ac_free (HrSpiceAc *ac)
{
  if (ac == NULL)
    return;

  g_free (ac->freq_hz);
  g_free (ac->v_load);
  g_free (ac->i_load_a);
  g_free (ac->i_source_a);
  g_free (ac);
}

/* Digits in the mantissa of a number as printed, "-1.25e+03" giving 3. */
static guint
count_significant_digits (const char *text)
{
  guint n_digits = 0;

  for (const char *p = text; *p != '\0' && *p != 'e' && *p != 'E'; p++)
    if (g_ascii_isdigit (*p))
      n_digits++;

  return n_digits;
}

/* `wrdata` with wr_vecnames and wr_singlescale writes one header line,
 * then per frequency: the frequency, and the real and imaginary parts of
 * v(load), i(vprobe) and i(vdrive). */
static HrSpiceAc *
parse_wrdata (const char  *text,
              GError     **error)
{
  g_autoptr(HrSpiceAc) ac = g_new0 (HrSpiceAc, 1);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  guint n_rows = 0;

  if (n_lines < 2 || strstr (lines[0], "frequency") == NULL)
    {
      g_set_error (error, HR_SPICE_ERROR, 0,
                   "ngspice output does not start with a header naming frequency: \"%s\"",
                   n_lines > 0 ? lines[0] : "");
      return NULL;
    }

  ac->freq_hz = g_new (double, n_lines);
  ac->v_load = g_new (double complex, n_lines);
  ac->i_load_a = g_new (double complex, n_lines);
  ac->i_source_a = g_new (double complex, n_lines);

  for (guint i = 1; i < n_lines; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " \t", -1);
      double values[7];
      guint n_values = 0;

      for (guint j = 0; fields[j] != NULL; j++)
        {
          char *end = NULL;

          if (fields[j][0] == '\0')
            continue;
          if (n_values == G_N_ELEMENTS (values))
            {
              n_values++;
              break;
            }
          if (count_significant_digits (fields[j]) < MIN_DIGITS)
            {
              g_set_error (error, HR_SPICE_ERROR, 0,
                           "ngspice printed \"%s\" with fewer than %d significant digits",
                           fields[j], MIN_DIGITS);
              return NULL;
            }
          values[n_values++] = g_ascii_strtod (fields[j], &end);
          if (end == fields[j] || *end != '\0')
            {
              g_set_error (error, HR_SPICE_ERROR, 0,
                           "ngspice output line %u: \"%s\" is not a number", i + 1, fields[j]);
              return NULL;
            }
        }

      if (n_values == 0)
        continue;
      if (n_values != G_N_ELEMENTS (values))
        {
          g_set_error (error, HR_SPICE_ERROR, 0,
                       "ngspice output line %u has %u fields, not %u",
                       i + 1, n_values, (guint) G_N_ELEMENTS (values));
          return NULL;
        }

      ac->freq_hz[n_rows] = values[0];
      ac->v_load[n_rows] = hr_complex (values[1], values[2]);
      ac->i_load_a[n_rows] = hr_complex (values[3], values[4]);
      /* SPICE counts a source's current from its + terminal through the
       * source, so a source that delivers current reads negative. */
      ac->i_source_a[n_rows] = -hr_complex (values[5], values[6]);
      n_rows++;
    }

  ac->n_points = n_rows;
  return g_steal_pointer (&ac);
}

static void
remove_tmp_dir (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  /* ngspice writes only the files named in the deck, but whatever else
   * it leaves must not outlive the test either. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);

      if (g_remove (path) != 0)
        g_warning ("Could not remove %s: %s", path, g_strerror (errno));
    }
  if (g_rmdir (dir_path) != 0)
    g_warning ("Could not remove %s: %s", dir_path, g_strerror (errno));
}

static char *
describe_run (const char *deck,
              const char *out,
              const char *err)
{
  return g_strdup_printf ("\n--- deck ---\n%s--- stdout ---\n%s\n--- stderr ---\n%s",
                          deck, out != NULL ? out : "", err != NULL ? err : "");
}

/**
 * hr_spice_run_ac:
 * @points_per_decade: as in `.ac dec`
 *
 * Runs the netlist in ngspice and returns what it computed at each
 * frequency of the sweep, and which frequency that was: ngspice steps the
 * frequency by multiplication, so the points are not exactly the nominal
 * grid, and the caller should evaluate its model at these very values.
 */
HrSpiceAc *
hr_spice_run_ac (HrSpice  *self,
                 double    fstart_hz,
                 double    fstop_hz,
                 guint     points_per_decade,
                 GError  **error)
{
  g_autofree char *ngspice = NULL;
  g_autofree char *dir_path = NULL;
  g_autofree char *deck_path = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *deck = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *results = NULL;
  g_autoptr(HrSpiceAc) ac = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) envp = NULL;
  char fstart_text[G_ASCII_DTOSTR_BUF_SIZE];
  char fstop_text[G_ASCII_DTOSTR_BUF_SIZE];
  int wait_status = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->has_drive && self->has_probe, NULL);
  g_return_val_if_fail (fstart_hz > 0.0 && fstop_hz > fstart_hz, NULL);
  g_return_val_if_fail (points_per_decade > 0, NULL);

  ngspice = g_find_program_in_path ("ngspice");
  if (ngspice == NULL)
    {
      g_set_error_literal (error, HR_SPICE_ERROR, 0,
                           "ngspice is not in PATH: install it (build-aux/test does, "
                           "or apt-get install ngspice)");
      return NULL;
    }

  g_ascii_formatd (fstart_text, sizeof fstart_text, "%.17g", fstart_hz);
  g_ascii_formatd (fstop_text, sizeof fstop_text, "%.17g", fstop_hz);
  deck = g_strdup_printf ("%s"
                          ".ac dec %u %s %s\n"
                          ".options noopac pivrel=1\n"
                          ".control\n"
                          "set wr_singlescale\n"
                          "set wr_vecnames\n"
                          "option numdgt=16\n"
                          "run\n"
                          "wrdata " OUTPUT_NAME " v(%u) i(vprobe) i(vdrive)\n"
                          "quit\n"
                          ".endc\n"
                          ".end\n",
                          self->elements->str, points_per_decade,
                          fstart_text, fstop_text, self->probe_node);

  dir_path = g_dir_make_tmp ("hr-spice-XXXXXX", error);
  if (dir_path == NULL)
    return NULL;
  deck_path = g_build_filename (dir_path, DECK_NAME, NULL);
  output_path = g_build_filename (dir_path, OUTPUT_NAME, NULL);

  if (g_file_set_contents (deck_path, deck, -1, &local_error))
    {
      /* ngspice writes the output file relative to its working directory,
       * which keeps the deck free of paths that would need quoting. */
      const char *argv[] = { ngspice, "-b", DECK_NAME, NULL };

      /* ngspice reads ~/.spiceinit, where a user may set other options or
       * another output format: HOME is the empty directory instead. */
      envp = g_environ_setenv (g_get_environ (), "HOME", dir_path, TRUE);
      if (g_spawn_sync (dir_path, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL,
                        &out, &err, &wait_status, &local_error) &&
          g_spawn_check_wait_status (wait_status, &local_error) &&
          g_file_get_contents (output_path, &results, NULL, &local_error))
        ac = parse_wrdata (results, &local_error);
    }

  remove_tmp_dir (dir_path);

  if (ac != NULL && ac->n_points == 0)
    g_set_error_literal (&local_error, HR_SPICE_ERROR, 0, "ngspice computed no points");

  if (ac == NULL || local_error != NULL)
    {
      g_autofree char *details = describe_run (deck, out, err);

      g_set_error (error, HR_SPICE_ERROR, 0, "ngspice failed: %s%s",
                   local_error != NULL ? local_error->message : "no output", details);
      return NULL;
    }

  return g_steal_pointer (&ac);
}
