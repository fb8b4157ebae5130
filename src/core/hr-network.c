/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "hr-complex-private.h"
#include "hr-model-error.h"
#include "hr-network-private.h"

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

/* The tree over a whole grid, node by node rather than point by point:
 * each node's loop is plain arithmetic over arrays, which vectorises, and
 * the tree is walked once a sweep instead of once a point. The same
 * algebra as eval_at(), a short and an open circuit included; admittances
 * are 1/Z = conj(Z)/|Z|², the real form of the division that eval_at()'s
 * complex arithmetic does under -fcx-limited-range. */

static void
add_admittance (guint         n_freqs,
                const double *restrict z_re,
                const double *restrict z_im,
                double       *restrict y_re,
                double       *restrict y_im,
                double       *restrict shorted)
{
  for (guint i = 0; i < n_freqs; i++)
    {
      const double inv_z2 = 1.0 / (z_re[i] * z_re[i] + z_im[i] * z_im[i]);

      y_re[i] += z_re[i] * inv_z2;
      y_im[i] -= z_im[i] * inv_z2;
      shorted[i] = z_re[i] == 0.0 && z_im[i] == 0.0 ? 1.0 : shorted[i];
    }
}

static void
invert_admittance (guint         n_freqs,
                   const double *restrict shorted,
                   double       *restrict z_re,
                   double       *restrict z_im)
{
  for (guint i = 0; i < n_freqs; i++)
    {
      const double y_re = z_re[i];
      const double y_im = z_im[i];
      const gboolean open = y_re == 0.0 && y_im == 0.0;
      const double inv_y2 = 1.0 / (y_re * y_re + y_im * y_im);

      z_re[i] = shorted[i] != 0.0 ? 0.0 : open ? INFINITY : y_re * inv_y2;
      z_im[i] = shorted[i] != 0.0 || open ? 0.0 : -y_im * inv_y2;
    }
}

static void
eval_grid_at (const HrNetwork *self,
              const double    *restrict omega,
              const double    *restrict inv_omega,
              guint            n_freqs,
              double          *restrict z_re,
              double          *restrict z_im,
              guint            depth)
{
  g_autofree double *child_re = NULL;
  g_autofree double *child_im = NULL;
  g_autofree double *shorted = NULL;

  if (depth > HR_NETWORK_MAX_DEPTH)
    {
      for (guint i = 0; i < n_freqs; i++)
        z_re[i] = z_im[i] = NAN;
      return;
    }

  switch (self->kind)
    {
    case HR_NETWORK_RESISTOR:
      for (guint i = 0; i < n_freqs; i++)
        {
          z_re[i] = self->value;
          z_im[i] = 0.0;
        }
      return;

    case HR_NETWORK_INDUCTOR:
      for (guint i = 0; i < n_freqs; i++)
        {
          z_re[i] = 0.0;
          z_im[i] = omega[i] * self->value;
        }
      return;

    case HR_NETWORK_CAPACITOR:
      {
        const double inv_c = 1.0 / self->value;

        for (guint i = 0; i < n_freqs; i++)
          {
            z_re[i] = 0.0;
            z_im[i] = -inv_omega[i] * inv_c;
          }
      }
      return;

    case HR_NETWORK_SERIES:
      child_re = g_new (double, n_freqs);
      child_im = g_new (double, n_freqs);
      eval_grid_at (g_ptr_array_index (self->children, 0), omega, inv_omega, n_freqs, z_re, z_im, depth + 1);
      for (guint c = 1; c < self->children->len; c++)
        {
          eval_grid_at (g_ptr_array_index (self->children, c), omega, inv_omega, n_freqs,
                        child_re, child_im, depth + 1);
          for (guint i = 0; i < n_freqs; i++)
            {
              z_re[i] += child_re[i];
              z_im[i] += child_im[i];
            }
        }
      return;

    case HR_NETWORK_PARALLEL:
      /* The admittance is summed in @z_re and @z_im, then inverted. */
      child_re = g_new (double, n_freqs);
      child_im = g_new (double, n_freqs);
      shorted = g_new0 (double, n_freqs);
      for (guint i = 0; i < n_freqs; i++)
        z_re[i] = z_im[i] = 0.0;
      for (guint c = 0; c < self->children->len; c++)
        {
          eval_grid_at (g_ptr_array_index (self->children, c), omega, inv_omega, n_freqs,
                        child_re, child_im, depth + 1);
          add_admittance (n_freqs, child_re, child_im, z_re, z_im, shorted);
        }
      invert_admittance (n_freqs, shorted, z_re, z_im);
      return;

    default:
      g_assert_not_reached ();
    }
}

/**
 * hr_network_eval_grid:
 * @omega_rad_s: (array length=n_freqs): 2πf
 * @inv_omega: (array length=n_freqs): 1/(2πf)
 * @z_re_ohm: (out caller-allocates) (array length=n_freqs): Re Z
 * @z_im_ohm: (out caller-allocates) (array length=n_freqs): Im Z
 *
 * hr_network_eval() at every frequency of a sweep's grid at once.
 */
void
hr_network_eval_grid (const HrNetwork *self,
                      const double    *omega_rad_s,
                      const double    *inv_omega,
                      guint            n_freqs,
                      double          *z_re_ohm,
                      double          *z_im_ohm)
{
  g_return_if_fail (self != NULL);

  eval_grid_at (self, omega_rad_s, inv_omega, n_freqs, z_re_ohm, z_im_ohm, 0);
}
