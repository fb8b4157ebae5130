/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hr-core.h"

/* Deviation curves the EQ is fitted to, computed by the model from real
 * circuits, for test-eq.c and test-eq-export.c. */

/* An HD 600-like dynamic driver: 300 Ω, its bass resonance at 90 Hz
 * (Qms 1.6, Qes 0.9: about 830 Ω at the peak), and a voice-coil
 * inductance that lifts the treble a little. */
static const HrThieleSmall eq_fixture_hd600 = { 300.0, 1e-3, 90.0, 1.6, 0.9 };

/* A three-way hybrid IEM as a network: a dynamic woofer (8 Ω behind its
 * own inductance), a mid BA and a tweeter BA, each behind a series
 * capacitor, in parallel. Its impedance runs from 8 Ω to 83 Ω with dips
 * at the two series resonances (820 Hz, 5 kHz): on a 10 Ω source the
 * deviation swings from −2.7 to +4.1 dB. */
static HrNetwork *
eq_fixture_iem_network (void)
{
  HrNetwork *parallel = hr_network_new_parallel ();
  HrNetwork *woofer = hr_network_new_series ();
  HrNetwork *mid = hr_network_new_series ();
  HrNetwork *tweeter = hr_network_new_series ();

  hr_network_take_child (woofer, hr_network_new_resistor (8.0));
  hr_network_take_child (woofer, hr_network_new_inductor (3e-3));
  hr_network_take_child (mid, hr_network_new_capacitor (4.7e-6));
  hr_network_take_child (mid, hr_network_new_resistor (18.0));
  hr_network_take_child (mid, hr_network_new_inductor (8e-3));
  hr_network_take_child (tweeter, hr_network_new_capacitor (1e-6));
  hr_network_take_child (tweeter, hr_network_new_resistor (15.0));
  hr_network_take_child (tweeter, hr_network_new_inductor (1e-3));
  hr_network_take_child (parallel, woofer);
  hr_network_take_child (parallel, mid);
  hr_network_take_child (parallel, tweeter);
  return parallel;
}

/* The sweep of @impedance behind @zout_ohm on @n_points log-spaced from
 * 20 Hz to 20 kHz: its dev_db is what the source does. */
static HrSweep *
eq_fixture_sweep (HrImpedance *impedance,
                  double       zout_ohm,
                  guint        n_points)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HrHeadphone) headphone = NULL;
  g_autoptr(HrSweep) sweep = NULL;
  HrCircuit circuit = { NULL, HR_SOURCE_INIT, HR_CONNECTION_INIT };
  HrDrive drive = { HR_DRIVE_VOLTAGE, 1.0 };

  headphone = hr_headphone_new ("EQ fixture", 32.0, 100.0, HR_SENSITIVITY_DB_PER_V, impedance, &error);
  g_assert_no_error (error);
  circuit.headphone = headphone;
  circuit.source.output_impedance_ohm = zout_ohm;
  sweep = hr_sweep_new_log (20.0, 20000.0, n_points, &error);
  g_assert_no_error (error);
  g_assert_true (hr_sweep_compute (sweep, &circuit, &drive, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&sweep);
}

static HrImpedance *
eq_fixture_impedance (gboolean iem)
{
  g_autoptr(GError) error = NULL;
  HrImpedance *impedance;

  if (iem)
    {
      g_autoptr(HrNetwork) tree = eq_fixture_iem_network ();

      impedance = hr_impedance_new_network (tree, &error);
    }
  else
    impedance = hr_impedance_new_thiele_small (&eq_fixture_hd600, &error);
  g_assert_no_error (error);
  return impedance;
}
