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

/* Frees with a list of its own rather than by recursion: a tree built in
 * code may be deeper than any that validates, and freeing it must not
 * run out of stack. */
void
hr_network_unref (HrNetwork *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  pending = g_ptr_array_new ();
  g_ptr_array_add (pending, self);
  while (pending->len > 0)
    {
      HrNetwork *node = g_ptr_array_steal_index_fast (pending, pending->len - 1);

      if (node->children != NULL)
        {
          for (guint i = 0; i < node->children->len; i++)
            {
              HrNetwork *child = g_ptr_array_index (node->children, i);

              if (g_atomic_ref_count_dec (&child->ref_count))
                g_ptr_array_add (pending, child);
            }
          /* The children are handled above, not by the array's free func. */
          g_ptr_array_set_free_func (node->children, NULL);
          g_ptr_array_unref (node->children);
        }
      g_free (node);
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

static gboolean
validate_at (const HrNetwork  *self,
             const char       *path,
             guint             depth,
             GError          **error)
{
  g_autofree char *leaf_path = NULL;
  const char *key = NULL;

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

  if (depth >= HR_NETWORK_MAX_DEPTH)
    {
      g_set_error (error, HR_MODEL_ERROR, HR_MODEL_ERROR_INVALID_VALUE,
                   _("%s nests deeper than %u levels"), leaf_path, (guint) HR_NETWORK_MAX_DEPTH);
      return FALSE;
    }

  for (guint i = 0; i < self->children->len; i++)
    {
      g_autofree char *child_path = g_strdup_printf ("%s[%u]", leaf_path, i);

      if (!validate_at (g_ptr_array_index (self->children, i), child_path, depth + 1, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * hr_network_validate:
 * @path: how the caller names this node in messages, such as "tree"
 *
 * Checks every leaf value, that no series or parallel node is empty, and
 * that the tree is no deeper than HR_NETWORK_MAX_DEPTH. Messages name
 * the node by its path, "tree.series[1].C", the way the JSON that
 * describes it would.
 */
gboolean
hr_network_validate (const HrNetwork  *self,
                     const char       *path,
                     GError          **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return validate_at (self, path, 0, error);
}

static double complex
eval_at (const HrNetwork *self,
         double           freq_hz,
         guint            depth)
{
  const double omega = 2.0 * G_PI * freq_hz;
  double complex sum = 0.0;

  /* A validated tree never gets here; one that was not is not followed
   * down without end. */
  if (depth > HR_NETWORK_MAX_DEPTH)
    return hr_complex (NAN, NAN);

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
        sum += eval_at (g_ptr_array_index (self->children, i), freq_hz, depth + 1);
      return sum;

    case HR_NETWORK_PARALLEL:
      /* Admittances add. An ideal series LC at its exact resonance is a
       * short, which shorts the whole node; an ideal parallel LC at its
       * resonance has no admittance left and is an open circuit. */
      for (guint i = 0; i < self->children->len; i++)
        {
          double complex z = eval_at (g_ptr_array_index (self->children, i), freq_hz, depth + 1);

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

double complex
hr_network_eval (const HrNetwork *self,
                 double           freq_hz)
{
  g_return_val_if_fail (self != NULL, hr_complex (NAN, NAN));

  return eval_at (self, freq_hz, 0);
}
