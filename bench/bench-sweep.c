/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How long one 1000-point sweep with every per-point metric takes, for each
 * impedance model; and the same with the summary and verdict on top.
 *
 * The app recomputes a sweep on every slider step, so this is the number
 * that decides whether dragging stays smooth. The target for a Thiele–Small
 * sweep is 10 µs on one core. Each figure is the median of many batches,
 * timed on the thread's CPU clock, so that other processes taking the
 * core now and then do not move it. Timings are printed, never asserted:
 * a benchmark is not a test.
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <time.h>
#include <glib.h>

#include "hr-bench.h"
#include "hr-core.h"

#define N_POINTS  1000
#define N_BATCHES 41

static HrImpedance *
make_model (HrImpedanceKind kind)
{
  switch (kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      return hr_impedance_new_resistor (32.0, NULL);

    case HR_IMPEDANCE_THIELE_SMALL:
      {
        const HrThieleSmall ts = { 28.0, 50e-6, 90.0, 2.0, 1.75 };
        return hr_impedance_new_thiele_small (&ts, NULL);
      }

    case HR_IMPEDANCE_NETWORK:
      {
        /* A two-way BA with a crossover: about the size of a real IEM model. */
        g_autoptr(HrNetwork) root = hr_network_new_parallel ();
        g_autoptr(HrNetwork) woofer = hr_network_new_series ();
        g_autoptr(HrNetwork) tweeter = hr_network_new_series ();

        hr_network_take_child (woofer, hr_network_new_resistor (12.0));
        hr_network_take_child (woofer, hr_network_new_inductor (2.2e-3));
        hr_network_take_child (tweeter, hr_network_new_capacitor (2.2e-6));
        hr_network_take_child (tweeter, hr_network_new_resistor (18.0));
        hr_network_take_child (tweeter, hr_network_new_inductor (0.1e-3));
        hr_network_take_child (root, g_steal_pointer (&woofer));
        hr_network_take_child (root, g_steal_pointer (&tweeter));
        return hr_impedance_new_network (root, NULL);
      }

    case HR_IMPEDANCE_POINTS:
      {
        /* A measured curve at REW's default 1/48-octave resolution. */
        g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (HrImpedancePoint));

        for (double f = 10.0; f < 24000.0; f *= pow (2.0, 1.0 / 48.0))
          {
            HrImpedancePoint p = { f, 30.0 + 20.0 / (1.0 + pow (log (f / 90.0) * 4.0, 2)), 10.0 * sin (log (f)) };
            g_array_append_val (points, p);
          }
        return hr_impedance_new_points (&g_array_index (points, HrImpedancePoint, 0), points->len, NULL);
      }

    default:
      g_assert_not_reached ();
    }
}

static const char *
model_name (HrImpedanceKind kind)
{
  switch (kind)
    {
    case HR_IMPEDANCE_RESISTOR:
      return "resistor";
    case HR_IMPEDANCE_THIELE_SMALL:
      return "thiele-small";
    case HR_IMPEDANCE_NETWORK:
      return "network (5 elements)";
    case HR_IMPEDANCE_POINTS:
      return "points (480)";
    default:
      g_assert_not_reached ();
    }
}

/* Median seconds per call of one sweep (and a summary, if asked). */
static double
time_sweeps (HrSweep         *sweep,
             const HrCircuit *circuit,
             gboolean         with_summary)
{
  const HrDrive drive = { HR_DRIVE_SPL, 85.0 };
  double batch_s[N_BATCHES];
  guint per_batch = 1;

  /* Grow the batch until it takes about 20 ms, so the clock's resolution
   * does not matter. */
  for (;;)
    {
      double start = hr_bench_cpu_now_s ();

      for (guint i = 0; i < per_batch; i++)
        {
          hr_sweep_compute (sweep, circuit, &drive, NULL);
          if (with_summary)
            hr_summary_free (hr_summary_compute (sweep, circuit, HR_DEFAULT_CREST_FACTOR_DB, NULL));
        }
      if (hr_bench_cpu_now_s () - start > 0.02)
        break;
      per_batch *= 2;
    }

  for (guint b = 0; b < N_BATCHES; b++)
    {
      double start = hr_bench_cpu_now_s ();

      for (guint i = 0; i < per_batch; i++)
        {
          hr_sweep_compute (sweep, circuit, &drive, NULL);
          if (with_summary)
            hr_summary_free (hr_summary_compute (sweep, circuit, HR_DEFAULT_CREST_FACTOR_DB, NULL));
        }
      batch_s[b] = (hr_bench_cpu_now_s () - start) / per_batch;
    }

  qsort (batch_s, N_BATCHES, sizeof (double), hr_bench_compare_doubles);
  return batch_s[N_BATCHES / 2];
}

int
main (void)
{
  static const HrImpedanceKind kinds[] = {
    HR_IMPEDANCE_RESISTOR, HR_IMPEDANCE_THIELE_SMALL, HR_IMPEDANCE_NETWORK, HR_IMPEDANCE_POINTS,
  };
  g_autoptr(HrSweep) sweep = hr_sweep_new_log (20.0, 20000.0, N_POINTS, NULL);
  double start, grid_s;

  setlocale (LC_ALL, "");

  start = hr_bench_cpu_now_s ();
  for (guint i = 0; i < 1000; i++)
    g_free (hr_log_frequencies (20.0, 20000.0, N_POINTS, NULL));
  grid_s = (hr_bench_cpu_now_s () - start) / 1000;

  hr_bench_print_machine ();
  g_print ("Headroom sweep benchmark: %u points, 20 Hz–20 kHz, one core\n", N_POINTS);
  g_print ("source: 10 Ω + 220 µF DC block, 2 Vrms, 50 mA, 0.1 Ω cable; drive 85 dB SPL\n");
  g_print ("frequency grid (made once, reused): %.1f µs\n", grid_s * 1e6);
  g_print ("\n");
  g_print ("%-22s %12s %14s %18s\n", "model", "sweep µs", "sweeps/s", "+summary µs");

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(HrImpedance) z = make_model (kinds[k]);
      g_autoptr(HrHeadphone) hp = hr_headphone_new ("bench", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, z, NULL);
      HrCircuit circuit = { hp, { 10.0, 220.0, 2.0, 50.0, FALSE }, { 0.1, 0.0, INFINITY } };
      double sweep_s = time_sweeps (sweep, &circuit, FALSE);
      double with_summary_s = time_sweeps (sweep, &circuit, TRUE);

      g_print ("%-22s %12.1f %14.0f %18.1f\n", model_name (kinds[k]),
               sweep_s * 1e6, 1.0 / sweep_s, with_summary_s * 1e6);
    }

  return 0;
}
