/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-model-error.h"
#include "hr-network.h"

struct _HrNetwork
{
  gatomicrefcount  ref_count;
  HrNetworkKind    kind;
  double           value;     /* ohm, henry or farad for the leaves */
  GPtrArray       *children;  /* of HrNetwork, for series and parallel */
};

G_DEFINE_BOXED_TYPE (HrNetwork, hr_network, hr_network_ref, hr_network_unref)

static HrNetwork *
hr_network_new (HrNetworkKind kind,
                double        value)
{
  HrNetwork *self = g_new0 (HrNetwork, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->value = value;
  if (kind == HR_NETWORK_SERIES || kind == HR_NETWORK_PARALLEL)
    self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) hr_network_unref);
  return self;
}

HrNetwork *
hr_network_new_resistor (double r_ohm)
{
  return hr_network_new (HR_NETWORK_RESISTOR, r_ohm);
}

HrNetwork *
hr_network_new_inductor (double l_h)
{
  return hr_network_new (HR_NETWORK_INDUCTOR, l_h);
}

HrNetwork *
hr_network_new_capacitor (double c_f)
{
  return hr_network_new (HR_NETWORK_CAPACITOR, c_f);
}

HrNetwork *
hr_network_new_series (void)
{
  return hr_network_new (HR_NETWORK_SERIES, 0.0);
}

HrNetwork *
hr_network_new_parallel (void)
{
  return hr_network_new (HR_NETWORK_PARALLEL, 0.0);
}

/**
 * hr_network_take_child:
 * @self: a series or parallel node
 * @child: (transfer full): the node to add
 */
void
hr_network_take_child (HrNetwork *self,
                       HrNetwork *child)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (child != NULL);
  g_return_if_fail (self->children != NULL);

  g_ptr_array_add (self->children, child);
}

HrNetwork *
hr_network_ref (HrNetwork *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hr_network_unref (HrNetwork *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_clear_pointer (&self->children, g_ptr_array_unref);
      g_free (self);
    }
}

HrNetworkKind
hr_network_get_kind (const HrNetwork *self)
{
  return self->kind;
}

double
hr_network_get_value (const HrNetwork *self)
{
  return self->value;
}

guint
hr_network_get_n_children (const HrNetwork *self)
{
  return self->children != NULL ? self->children->len : 0;
}

HrNetwork *
hr_network_get_child (const HrNetwork *self,
                      guint            index)
{
  g_return_val_if_fail (self->children != NULL, NULL);
  g_return_val_if_fail (index < self->children->len, NULL);

  return g_ptr_array_index (self->children, index);
}

/**
 * hr_network_validate:
 * @path: how the caller names this node in messages, such as "tree"
 *
 * Checks every leaf value and that no series or parallel node is empty.
 * Messages name the node by its path, "tree.series[1].C", the way the
 * JSON that describes it would.
 */
gboolean
hr_network_validate (const HrNetwork  *self,
                     const char       *path,
                     GError          **error)
{
  g_autofree char *leaf_path = NULL;
  const char *key = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  switch (self->kind)
    {
    case HR_NETWORK_RESISTOR:
      key = "R";
      break;
    case HR_NETWORK_INDUCTOR:
      key = "L";
      break;
    case HR_NETWORK_CAPACITOR:
      key = "C";
      break;
    case HR_NETWORK_SERIES:
      key = "series";
      break;
    case HR_NETWORK_PARALLEL:
      key = "parallel";
      break;
    default:
      g_assert_not_reached ();
    }

  leaf_path = g_strdup_printf ("%s.%s", path, key);

  if (self->children == NULL)
    return hr_check_positive (leaf_path, self->value, error);

  if (self->children->len == 0)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_EMPTY,
                   _("%s must hold at least one element"), leaf_path);
      return FALSE;
    }

  for (guint i = 0; i < self->children->len; i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s[%u]", leaf_path, i);

      if (!hr_network_validate (g_ptr_array_index (self->children, i), child_path, error))
        return FALSE;
    }

  return TRUE;
}

double complex
hr_network_eval (const HrNetwork *self,
                 double           freq_hz)
{
  const double omega = 2.0 * G_PI * freq_hz;
  double complex sum = 0.0;

  switch (self->kind)
    {
    case HR_NETWORK_RESISTOR:
      return self->value;

    case HR_NETWORK_INDUCTOR:
      return hr_complex (0.0, omega * self->value);

    case HR_NETWORK_CAPACITOR:
      return hr_complex (0.0, -1.0 / (omega * self->value));

    case HR_NETWORK_SERIES:
      for (guint i = 0; i < self->children->len; i++)
        sum += hr_network_eval (g_ptr_array_index (self->children, i), freq_hz);
      return sum;

    case HR_NETWORK_PARALLEL:
      /* Admittances add. An ideal series LC at its exact resonance is a
       * short, which shorts the whole node; an ideal parallel LC at its
       * resonance has no admittance left and is an open circuit. */
      for (guint i = 0; i < self->children->len; i++)
        {
          double complex z = hr_network_eval (g_ptr_array_index (self->children, i), freq_hz);

          if (z == 0.0)
            return 0.0;
          sum += 1.0 / z;
        }
      if (sum == 0.0)
        return hr_complex (INFINITY, 0.0);
      return 1.0 / sum;

    default:
      g_assert_not_reached ();
    }
}
