/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "test-ngspice"

#include "config.h"

#include <math.h>

#include "hr-core.h"
#include "hr-spice.h"

/* The core's circuit model against an independent solver.
 *
 * Every figure the app shows comes from hr_circuit_eval(): a source behind
 * its output impedance, maybe a DC-blocking capacitor, a cable, an
 * adapter, and a headphone. Here random circuits of that shape, with each
 * of the four impedance models as the headphone, are built twice: once as
 * an HrCircuit, once as a SPICE netlist of the same ideal parts. ngspice
 * solves the netlist by nodal analysis, which shares no code and no
 * algebra with the core's closed-form divider, so a wrong sign, a swapped
 * element or a lost term shows up as a disagreement far above the
 * tolerance of 1e-6, while two correct solutions agree to 1e-9 or better
 * (over a hundred seeds; the rounding is mostly ngspice's, see hr-spice.c).
 *
 * The seed is fixed so that a failure can be repeated; HR_SPICE_SEED
 * draws another set of circuits.
 */

#define DEFAULT_SEED        20240611u
#define N_CIRCUITS          200
#define FSTART_HZ           20.0
#define FSTOP_HZ            20000.0
#define POINTS_PER_DECADE   15
#define VOC_VRMS            1.0    /* the drive of the SPICE source, AC 1 */
#define REL_TOLERANCE       1e-6
#define PHASE_TOLERANCE_RAD 1e-6
#define MAX_TREE_DEPTH      3

typedef enum
{
  CHECK_V_MAG,
  CHECK_V_PHASE,
  CHECK_V_COMPLEX,
  CHECK_I_MAG,
  CHECK_I_COMPLEX,
  CHECK_I_SOURCE_COMPLEX,
  N_CHECKS
} Check;

static const char * const check_names[N_CHECKS] = {
  "|V_L| relative",
  "arg V_L (rad)",
  "V_L complex relative",
  "|I| relative",
  "I complex relative",
  "I_source complex relative",
};

static const char * const model_names[] = {
  "resistor",
  "thiele-small",
  "network",
  "points",
};

/* Circuit i gets model i % 4, in the order of HrImpedanceKind. */
G_STATIC_ASSERT (G_N_ELEMENTS (model_names) == HR_IMPEDANCE_POINTS + 1);

/* One random circuit, before it becomes either an HrCircuit or a netlist.
 * The points model needs the frequencies ngspice uses, so its impedance
 * is only made after the run; until then it is the network it samples. */
typedef struct
{
  guint            index;
  HrImpedanceKind  kind;
  double           r_ohm;
  HrThieleSmall    ts;
  HrNetwork       *tree;
  HrSource         source;
  HrConnection     connection;
} Case;

static double max_errors[N_CHECKS];

static double
log_uniform (GRand  *rng,
             double  lo,
             double  hi)
{
  return exp (g_rand_double_range (rng, log (lo), log (hi)));
}

static HrNetwork *
random_network (GRand *rng,
                guint  depth)
{
  HrNetwork *node;
  guint n_children;

  /* A third of the inner nodes stop early, so that trees of every size
   * come up, from a single element to a few dozen. */
  if (depth == 0 || g_rand_int_range (rng, 0, 3) == 0)
    {
      switch (g_rand_int_range (rng, 0, 3))
        {
        case 0:
          return hr_network_new_resistor (log_uniform (rng, 1.0, 1000.0));
        case 1:
          return hr_network_new_inductor (log_uniform (rng, 1e-6, 50e-3));
        default:
          return hr_network_new_capacitor (log_uniform (rng, 10e-9, 100e-6));
        }
    }

  node = g_rand_boolean (rng) ? hr_network_new_series () : hr_network_new_parallel ();
  n_children = g_rand_int_range (rng, 2, 4);
  for (guint i = 0; i < n_children; i++)
    hr_network_take_child (node, random_network (rng, depth - 1));
  return node;
}

static void
describe_network (GString         *text,
                  const HrNetwork *node)
{
  const HrNetworkKind kind = hr_network_get_kind (node);

  switch (kind)
    {
    case HR_NETWORK_RESISTOR:
      g_string_append_printf (text, "R%.6g", hr_network_get_value (node));
      return;
    case HR_NETWORK_INDUCTOR:
      g_string_append_printf (text, "L%.6g", hr_network_get_value (node));
      return;
    case HR_NETWORK_CAPACITOR:
      g_string_append_printf (text, "C%.6g", hr_network_get_value (node));
      return;
    case HR_NETWORK_SERIES:
    case HR_NETWORK_PARALLEL:
      g_string_append (text, kind == HR_NETWORK_SERIES ? "series(" : "parallel(");
      for (guint i = 0; i < hr_network_get_n_children (node); i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          describe_network (text, hr_network_get_child (node, i));
        }
      g_string_append_c (text, ')');
      return;
    default:
      g_assert_not_reached ();
    }
}

/* A series node chains its children through fresh nodes; a parallel node
 * puts them all between the same two. */
static void
emit_network (HrSpice         *spice,
              const HrNetwork *node,
              guint            node_a,
              guint            node_b)
{
  const guint n_children = hr_network_get_n_children (node);
  guint from = node_a;

  switch (hr_network_get_kind (node))
    {
    case HR_NETWORK_RESISTOR:
      hr_spice_add_resistor (spice, node_a, node_b, hr_network_get_value (node));
      break;
    case HR_NETWORK_INDUCTOR:
      hr_spice_add_inductor (spice, node_a, node_b, hr_network_get_value (node));
      break;
    case HR_NETWORK_CAPACITOR:
      hr_spice_add_capacitor (spice, node_a, node_b, hr_network_get_value (node));
      break;
    case HR_NETWORK_SERIES:
      for (guint i = 0; i < n_children; i++)
        {
          guint to = i + 1 == n_children ? node_b : hr_spice_new_node (spice);

          emit_network (spice, hr_network_get_child (node, i), from, to);
          from = to;
        }
      break;
    case HR_NETWORK_PARALLEL:
      for (guint i = 0; i < n_children; i++)
        emit_network (spice, hr_network_get_child (node, i), node_a, node_b);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
make_case (GRand *rng,
           guint  index,
           Case  *c)
{
  const HrSource source = HR_SOURCE_INIT;
  const HrConnection connection = HR_CONNECTION_INIT;

  c->index = index;
  c->kind = (HrImpedanceKind) (index % 4);
  c->tree = NULL;
  c->source = source;
  c->connection = connection;

  switch (c->kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      c->r_ohm = log_uniform (rng, 4.0, 600.0);
      break;
    case HR_IMPEDANCE_THIELE_SMALL:
      c->ts.re_ohm = log_uniform (rng, 4.0, 600.0);
      c->ts.fs_hz = log_uniform (rng, 15.0, 200.0);
      c->ts.qms = log_uniform (rng, 0.5, 10.0);
      c->ts.qes = log_uniform (rng, 0.2, 3.0);
      c->ts.le_h = log_uniform (rng, 10e-6, 5e-3);
      break;
    case HR_IMPEDANCE_NETWORK:
    case HR_IMPEDANCE_POINTS:
      c->tree = random_network (rng, MAX_TREE_DEPTH);
      break;
    default:
      g_assert_not_reached ();
    }

  c->source.output_impedance_ohm = log_uniform (rng, 0.05, 5000.0);
  /* Half of each model's circuits have a DC-blocking capacitor. */
  if ((index / 4) % 2 == 1)
    c->source.dc_block_uf = log_uniform (rng, 1.0, 1000.0);

  /* Each part of the connection in about half the circuits, so that every
   * combination comes up, the bare circuit included. */
  if (g_rand_boolean (rng))
    c->connection.cable_ohm = log_uniform (rng, 0.01, 5.0);
  if (g_rand_boolean (rng))
    c->connection.adapter_series_ohm = log_uniform (rng, 1.0, 300.0);
  if (g_rand_boolean (rng))
    c->connection.adapter_shunt_ohm = log_uniform (rng, 1.0, 1000.0);
}

static char *
describe_case (const Case *c,
               guint32     seed)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "circuit %u (seed %u), %s ", c->index, seed, model_names[c->kind]);
  switch (c->kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      g_string_append_printf (text, "%.6g ohm", c->r_ohm);
      break;
    case HR_IMPEDANCE_THIELE_SMALL:
      g_string_append_printf (text, "Re %.6g ohm, Le %.6g H, fs %.6g Hz, Qms %.6g, Qes %.6g",
                              c->ts.re_ohm, c->ts.le_h, c->ts.fs_hz, c->ts.qms, c->ts.qes);
      break;
    case HR_IMPEDANCE_NETWORK:
    case HR_IMPEDANCE_POINTS:
      describe_network (text, c->tree);
      break;
    default:
      g_assert_not_reached ();
    }

  g_string_append_printf (text, "; zout %.6g ohm, ", c->source.output_impedance_ohm);
  if (c->source.dc_block_uf > 0.0)
    g_string_append_printf (text, "DC block %.6g uF", c->source.dc_block_uf);
  else
    g_string_append (text, "no DC block");
  g_string_append_printf (text, "; cable %.6g ohm, adapter series %.6g ohm, shunt %.6g ohm",
                          c->connection.cable_ohm, c->connection.adapter_series_ohm,
                          c->connection.adapter_shunt_ohm);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* drive → Rout → [C_block] → [R_cable] → [R_series] → tap, [R_shunt] from
 * the tap to ground, the current probe from the tap to the load, and the
 * load from there to ground. The shunt sits across the headphone, after
 * the cable, as in PHYSICS.md ("The circuit"). */
static HrSpice *
make_netlist (const Case *c)
{
  g_autofree char *title = g_strdup_printf ("headroom cross-check, circuit %u", c->index);
  HrSpice *spice = hr_spice_new (title);
  guint node = hr_spice_new_node (spice);
  guint next;
  guint load;

  hr_spice_set_drive (spice, node);

  next = hr_spice_new_node (spice);
  hr_spice_add_resistor (spice, node, next, c->source.output_impedance_ohm);
  node = next;

  if (c->source.dc_block_uf > 0.0)
    {
      next = hr_spice_new_node (spice);
      hr_spice_add_capacitor (spice, node, next, c->source.dc_block_uf * 1e-6);
      node = next;
    }

  /* SPICE has no 0 ohm resistor: a missing part is a missing element. */
  if (c->connection.cable_ohm > 0.0)
    {
      next = hr_spice_new_node (spice);
      hr_spice_add_resistor (spice, node, next, c->connection.cable_ohm);
      node = next;
    }
  if (c->connection.adapter_series_ohm > 0.0)
    {
      next = hr_spice_new_node (spice);
      hr_spice_add_resistor (spice, node, next, c->connection.adapter_series_ohm);
      node = next;
    }
  if (isfinite (c->connection.adapter_shunt_ohm))
    hr_spice_add_resistor (spice, node, 0, c->connection.adapter_shunt_ohm);

  load = hr_spice_new_node (spice);
  hr_spice_set_probe (spice, node, load);

  switch (c->kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      hr_spice_add_resistor (spice, load, 0, c->r_ohm);
      break;
    case HR_IMPEDANCE_THIELE_SMALL:
      {
        /* Re + jωLe in series with Res ∥ Lces ∥ Cmes (PHYSICS.md). */
        guint coil = hr_spice_new_node (spice);
        guint motional = hr_spice_new_node (spice);
        double res_ohm;
        double lces_h;
        double cmes_f;

        hr_thiele_small_derived (&c->ts, &res_ohm, &lces_h, &cmes_f);
        hr_spice_add_resistor (spice, load, coil, c->ts.re_ohm);
        hr_spice_add_inductor (spice, coil, motional, c->ts.le_h);
        hr_spice_add_resistor (spice, motional, 0, res_ohm);
        hr_spice_add_inductor (spice, motional, 0, lces_h);
        hr_spice_add_capacitor (spice, motional, 0, cmes_f);
      }
      break;
    case HR_IMPEDANCE_NETWORK:
    case HR_IMPEDANCE_POINTS:
      emit_network (spice, c->tree, load, 0);
      break;
    default:
      g_assert_not_reached ();
    }

  return spice;
}

/* There is no SPICE element for a table, so the points model is checked
 * where it has to be exact: at its own points, sampled from the network
 * that ngspice simulates, at the very frequencies ngspice used. How it
 * interpolates between points is tested analytically in test-impedance. */
static HrImpedance *
make_points_impedance (const HrNetwork  *tree,
                       const HrSpiceAc  *ac,
                       GError          **error)
{
  g_autofree HrImpedancePoint *points = g_new (HrImpedancePoint, ac->n_points);

  for (guint i = 0; i < ac->n_points; i++)
    {
      double complex z_ohm = hr_network_eval (tree, ac->freq_hz[i]);

      points[i].freq_hz = ac->freq_hz[i];
      points[i].mag_ohm = cabs (z_ohm);
      /* A pure L or C is at ±90° exactly; only rounding can take the
       * degrees past it, and the model rightly refuses beyond. */
      points[i].phase_deg = CLAMP (carg (z_ohm) * (180.0 / G_PI), -90.0, 90.0);
    }

  return hr_impedance_new_points (points, ac->n_points, error);
}

static HrImpedance *
make_impedance (const Case       *c,
                const HrSpiceAc  *ac,
                GError          **error)
{
  switch (c->kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      return hr_impedance_new_resistor (c->r_ohm, error);
    case HR_IMPEDANCE_THIELE_SMALL:
      return hr_impedance_new_thiele_small (&c->ts, error);
    case HR_IMPEDANCE_NETWORK:
      return hr_impedance_new_network (c->tree, error);
    case HR_IMPEDANCE_POINTS:
      return make_points_impedance (c->tree, ac, error);
    default:
      g_assert_not_reached ();
    }
}

static double
relative_error (double complex model,
                double complex reference)
{
  return cabs (model - reference) / cabs (reference);
}

static double
magnitude_error (double complex model,
                 double complex reference)
{
  return fabs (cabs (model) - cabs (reference)) / cabs (reference);
}

/* Compares one circuit at every frequency of the run. Returns FALSE after
 * marking the test failed, with a message that is enough to rebuild the
 * circuit by hand. */
static gboolean
check_case (const Case      *c,
            guint32          seed,
            HrSpice         *spice,
            const HrSpiceAc *ac,
            const HrCircuit *circuit)
{
  for (guint i = 0; i < ac->n_points; i++)
    {
      const double freq_hz = ac->freq_hz[i];
      const double complex v_spice = ac->v_load[i];
      const double complex i_spice = ac->i_load_a[i];
      const double complex i_source_spice = ac->i_source_a[i];
      HrCircuitPoint point;
      double complex v_model;
      double complex i_model;
      double complex i_source_model;
      double errors[N_CHECKS];
      const double tolerance[N_CHECKS] = {
        REL_TOLERANCE, PHASE_TOLERANCE_RAD, REL_TOLERANCE,
        REL_TOLERANCE, REL_TOLERANCE, REL_TOLERANCE,
      };

      hr_circuit_eval (circuit, freq_hz, &point);
      v_model = VOC_VRMS * point.transfer;
      i_model = VOC_VRMS * point.i_load_per_v;
      i_source_model = VOC_VRMS * point.i_source_per_v;

      errors[CHECK_V_MAG] = magnitude_error (v_model, v_spice);
      errors[CHECK_V_PHASE] = fabs (carg (v_model / v_spice));
      errors[CHECK_V_COMPLEX] = relative_error (v_model, v_spice);
      errors[CHECK_I_MAG] = magnitude_error (i_model, i_spice);
      errors[CHECK_I_COMPLEX] = relative_error (i_model, i_spice);
      errors[CHECK_I_SOURCE_COMPLEX] = relative_error (i_source_model, i_source_spice);

      for (guint k = 0; k < N_CHECKS; k++)
        {
          g_autofree char *description = NULL;

          /* Written so that a NaN fails too. */
          if (errors[k] <= tolerance[k])
            {
              max_errors[k] = MAX (max_errors[k], errors[k]);
              continue;
            }

          description = describe_case (c, seed);
          g_test_message ("netlist:\n%s", hr_spice_get_netlist (spice));
          g_test_fail_printf ("%s: at %.17g Hz, %s error %.3g > %.3g; "
                              "model V_L %.12g V at %.12g rad, |I| %.12g A, |I_source| %.12g A; "
                              "ngspice V_L %.12g V at %.12g rad, |I| %.12g A, |I_source| %.12g A",
                              description, freq_hz, check_names[k], errors[k], tolerance[k],
                              cabs (v_model), carg (v_model), cabs (i_model), cabs (i_source_model),
                              cabs (v_spice), carg (v_spice), cabs (i_spice), cabs (i_source_spice));
          return FALSE;
        }
    }

  return TRUE;
}

/* The sweep computes the same divider in loops of its own, written out in
 * real parts so that they vectorise: its magnitudes against ngspice's at
 * the same frequencies, to the same tolerance. */
static gboolean
check_sweep (const Case      *c,
             guint32          seed,
             HrSpice         *spice,
             const HrSpiceAc *ac,
             const HrCircuit *circuit)
{
  const HrDrive drive = { HR_DRIVE_VOLTAGE, VOC_VRMS };
  g_autoptr(HrSweep) sweep = NULL;
  g_autoptr(GError) error = NULL;

  sweep = hr_sweep_new (ac->freq_hz, ac->n_points, &error);
  g_assert_no_error (error);
  g_assert_true (hr_sweep_compute (sweep, circuit, &drive, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < ac->n_points; i++)
    {
      const double errors[] = {
        fabs (sweep->v_load_vrms[i] - cabs (ac->v_load[i])) / cabs (ac->v_load[i]),
        fabs (1e-3 * sweep->i_ma[i] - cabs (ac->i_load_a[i])) / cabs (ac->i_load_a[i]),
        fabs (1e-3 * sweep->i_source_ma[i] - cabs (ac->i_source_a[i])) / cabs (ac->i_source_a[i]),
      };
      static const char *const names[] = { "sweep |V_L|", "sweep |I|", "sweep |I_source|" };

      for (guint k = 0; k < G_N_ELEMENTS (errors); k++)
        {
          g_autofree char *description = NULL;

          if (errors[k] <= REL_TOLERANCE)
            continue;
          description = describe_case (c, seed);
          g_test_message ("netlist:\n%s", hr_spice_get_netlist (spice));
          g_test_fail_printf ("%s: at %.17g Hz, %s relative error %.3g > %.3g",
                              description, ac->freq_hz[i], names[k], errors[k], REL_TOLERANCE);
          return FALSE;
        }
    }
  return TRUE;
}

static guint32
get_seed (void)
{
  const char *text = g_getenv ("HR_SPICE_SEED");
  guint64 seed = DEFAULT_SEED;
  g_autoptr(GError) error = NULL;

  if (text != NULL &&
      !g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT32, &seed, &error))
    g_error ("HR_SPICE_SEED: %s", error->message);

  return (guint32) seed;
}

static void
test_ngspice_random_circuits (void)
{
  const guint32 seed = get_seed ();
  g_autoptr(GRand) rng = g_rand_new_with_seed (seed);
  g_autofree char *ngspice = g_find_program_in_path ("ngspice");
  guint n_per_model[G_N_ELEMENTS (model_names)] = { 0, };
  guint n_dc_block = 0;
  guint n_connection = 0;
  guint n_frequencies = 0;

  g_test_message ("seed %u (HR_SPICE_SEED overrides it)", seed);

  /* A missing solver must not turn the cross-check into a silent pass. */
  if (ngspice == NULL)
    {
      g_test_fail_printf ("ngspice is not in PATH, so the circuit model cannot be "
                          "cross-checked: build-aux/test installs it "
                          "(or apt-get install ngspice)");
      return;
    }

  for (guint index = 0; index < N_CIRCUITS; index++)
    {
      Case c;
      g_autoptr(HrSpice) spice = NULL;
      g_autoptr(HrSpiceAc) ac = NULL;
      g_autoptr(HrImpedance) impedance = NULL;
      g_autoptr(HrHeadphone) headphone = NULL;
      g_autoptr(HrNetwork) tree = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = NULL;
      HrCircuit circuit;
      double nominal_ohm;

      make_case (rng, index, &c);
      tree = c.tree;
      spice = make_netlist (&c);
      ac = hr_spice_run_ac (spice, FSTART_HZ, FSTOP_HZ, POINTS_PER_DECADE, &error);
      g_assert_no_error (error);

      /* ngspice must have swept the whole band, or a check of a part of
       * it would pass for a check of all of it. */
      g_assert_cmpuint (ac->n_points, >=, 3 * POINTS_PER_DECADE + 1);
      g_assert_cmpfloat_with_epsilon (ac->freq_hz[0], FSTART_HZ, 1e-9 * FSTART_HZ);
      g_assert_cmpfloat_with_epsilon (ac->freq_hz[ac->n_points - 1], FSTOP_HZ, 1e-9 * FSTOP_HZ);

      impedance = make_impedance (&c, ac, &error);
      g_assert_no_error (error);

      /* The nominal figure only enters sensitivity conversions, which this
       * test does not look at. */
      nominal_ohm = cabs (hr_impedance_eval (impedance, 1000.0));
      if (!(isfinite (nominal_ohm) && nominal_ohm > 0.0))
        nominal_ohm = 32.0;
      name = g_strdup_printf ("random %s %u", model_names[c.kind], index);
      headphone = hr_headphone_new (name, nominal_ohm, 100.0, HR_SENSITIVITY_DB_PER_V,
                                    impedance, &error);
      g_assert_no_error (error);

      circuit.headphone = headphone;
      circuit.source = c.source;
      circuit.connection = c.connection;
      hr_circuit_validate (&circuit, &error);
      g_assert_no_error (error);

      if (!check_case (&c, seed, spice, ac, &circuit) ||
          !check_sweep (&c, seed, spice, ac, &circuit))
        return;

      n_per_model[c.kind]++;
      n_dc_block += c.source.dc_block_uf > 0.0;
      n_connection += c.connection.cable_ohm > 0.0 ||
                      c.connection.adapter_series_ohm > 0.0 ||
                      isfinite (c.connection.adapter_shunt_ohm);
      n_frequencies += ac->n_points;
    }

  g_test_message ("%u circuits (%u resistor, %u thiele-small, %u network, %u points), "
                  "%u with a DC-blocking capacitor, %u with a cable or adapter, "
                  "%u frequencies in all",
                  N_CIRCUITS, n_per_model[HR_IMPEDANCE_RESISTOR],
                  n_per_model[HR_IMPEDANCE_THIELE_SMALL], n_per_model[HR_IMPEDANCE_NETWORK],
                  n_per_model[HR_IMPEDANCE_POINTS], n_dc_block, n_connection, n_frequencies);
  for (guint k = 0; k < N_CHECKS; k++)
    g_test_message ("max %s error: %.3g", check_names[k], max_errors[k]);
}

/* The netlist takes the Thiele–Small motional branch from
 * hr_thiele_small_derived(), the very function the model uses, so a wrong
 * formula there would agree with itself. The worked example of PHYSICS.md
 * (integracoustics MUG) pins it to the published figures. */
static void
test_ngspice_thiele_small_derived (void)
{
  const HrThieleSmall ts = { .re_ohm = 6.0, .le_h = 0.0, .fs_hz = 70.7, .qms = 4.27, .qes = 0.34 };
  double res_ohm;
  double lces_h;
  double cmes_f;

  hr_thiele_small_derived (&ts, &res_ohm, &lces_h, &cmes_f);
  g_assert_cmpfloat_with_epsilon (res_ohm, 75.4, 0.05);
  g_assert_cmpfloat_with_epsilon (lces_h, 39.7e-3, 0.05e-3);
  g_assert_cmpfloat_with_epsilon (cmes_f, 127.6e-6, 0.05e-6);
}

int
main (int   argc,
      char *argv[])
{
  /* No G_TEST_OPTION_ISOLATE_DIRS: GLib 2.74 leaks the directories it
   * sets, which fails the LeakSanitizer run of build-aux/test. ngspice is
   * the only thing here that reads a home directory, and hr-spice.c gives
   * it an empty one. */
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ngspice/thiele-small-derived", test_ngspice_thiele_small_derived);
  g_test_add_func ("/ngspice/random-circuits", test_ngspice_random_circuits);

  return g_test_run ();
}
