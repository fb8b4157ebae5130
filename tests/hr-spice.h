/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <glib.h>

G_BEGIN_DECLS

#define HR_SPICE_ERROR (hr_spice_error_quark ())

/* A linear R, L, C netlist for ngspice, driven by one 1 V AC source and
 * probed at one load: the reference the core model is checked against.
 * Node 0 is ground.
 */
typedef struct _HrSpice HrSpice;

/* What ngspice computed, at the frequencies it actually used. */
typedef struct
{
  guint           n_points;
  double         *freq_hz;
  double complex *v_load;       /* the probe's output node, against ground */
  double complex *i_load_a;     /* through the probe, towards the load */
  double complex *i_source_a;   /* out of the drive's positive terminal */
} HrSpiceAc;

GQuark      hr_spice_error_quark    (void);
HrSpice    *hr_spice_new            (const char  *title);
void        hr_spice_free           (HrSpice     *self);
guint       hr_spice_new_node       (HrSpice     *self);
void        hr_spice_add_resistor   (HrSpice     *self,
                                     guint        node_a,
                                     guint        node_b,
                                     double       r_ohm);
void        hr_spice_add_inductor   (HrSpice     *self,
                                     guint        node_a,
                                     guint        node_b,
                                     double       l_h);
void        hr_spice_add_capacitor  (HrSpice     *self,
                                     guint        node_a,
                                     guint        node_b,
                                     double       c_f);
void        hr_spice_set_drive      (HrSpice     *self,
                                     guint        node);
void        hr_spice_set_probe      (HrSpice     *self,
                                     guint        node_from,
                                     guint        node_load);
const char *hr_spice_get_netlist    (HrSpice     *self);
HrSpiceAc  *hr_spice_run_ac         (HrSpice     *self,
                                     double       fstart_hz,
                                     double       fstop_hz,
                                     guint        points_per_decade,
                                     GError     **error);
void        hr_spice_ac_free        (HrSpiceAc   *ac);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrSpice, hr_spice_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrSpiceAc, hr_spice_ac_free)

G_END_DECLS
