/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <complex.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define HR_TYPE_NETWORK (hr_network_get_type ())

typedef enum
{
  HR_NETWORK_RESISTOR,
  HR_NETWORK_INDUCTOR,
  HR_NETWORK_CAPACITOR,
  HR_NETWORK_SERIES,
  HR_NETWORK_PARALLEL,
} HrNetworkKind;

/* A series/parallel tree of ideal R, L and C: the model for balanced
 * armatures and crossovers, where no parametric model exists. Nodes are
 * reference counted and immutable once handed to an HrImpedance.
 */
typedef struct _HrNetwork HrNetwork;

/* No published model needs more than a few levels; a tree deeper than
 * this is refused by hr_network_validate(), so that nothing that walks a
 * tree (validation, evaluation) recurses without a bound. */
#define HR_NETWORK_MAX_DEPTH 32

GType           hr_network_get_type      (void) G_GNUC_CONST;
HrNetwork      *hr_network_new_resistor  (double            r_ohm);
HrNetwork      *hr_network_new_inductor  (double            l_h);
HrNetwork      *hr_network_new_capacitor (double            c_f);
HrNetwork      *hr_network_new_series    (void);
HrNetwork      *hr_network_new_parallel  (void);
void            hr_network_take_child    (HrNetwork        *self,
                                          HrNetwork        *child);
HrNetwork      *hr_network_ref           (HrNetwork        *self);
void            hr_network_unref         (HrNetwork        *self);
HrNetworkKind   hr_network_get_kind      (const HrNetwork  *self);
double          hr_network_get_value     (const HrNetwork  *self);
guint           hr_network_get_n_children(const HrNetwork  *self);
HrNetwork      *hr_network_get_child     (const HrNetwork  *self,
                                          guint             index);
gboolean        hr_network_validate      (const HrNetwork  *self,
                                          const char       *path,
                                          GError          **error);
double complex  hr_network_eval          (const HrNetwork  *self,
                                          double            freq_hz);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HrNetwork, hr_network_unref)

G_END_DECLS
