/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-gear-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hr-form.h"
#include "hr-gear-dialog.h"
#include "hr-preset-edit.h"

/* The base of the gear forms. It holds the database and the preset being
 * edited (NULL for new gear), writes what the subclass builds into the
 * user's presets (editing a bundled preset makes the user's override),
 * removes the user's own preset after asking, and says so with "saved"
 * and "removed". Subclasses have a template of their own. */

typedef struct
{
  HrPresetDb *db;
  HrPreset   *preset;
} HrGearDialogPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HrGearDialog, hr_gear_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DB,
  PROP_PRESET,
  N_PROPS
};

enum {
  SAVED,
  REMOVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

HrPresetDb *
hr_gear_dialog_get_db (HrGearDialog *self)
{
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);

  g_return_val_if_fail (HR_IS_GEAR_DIALOG (self), NULL);

  return priv->db;
}

/* Returns: (transfer none) (nullable): the preset being edited */
HrPreset *
hr_gear_dialog_get_preset (HrGearDialog *self)
{
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);

  g_return_val_if_fail (HR_IS_GEAR_DIALOG (self), NULL);

  return priv->preset;
}

HrPresetKind
hr_gear_dialog_get_kind (HrGearDialog *self)
{
  g_return_val_if_fail (HR_IS_GEAR_DIALOG (self), HR_PRESET_KIND_HEADPHONE);

  return HR_GEAR_DIALOG_GET_CLASS (self)->kind;
}

/**
 * hr_gear_dialog_new_builder:
 *
 * The preset for the subclass to fill in: the edited preset's, so that
 * what the form does not show is kept, or new gear.
 *
 * Returns: (transfer full): a builder
 */
HrPresetBuilder *
hr_gear_dialog_new_builder (HrGearDialog *self)
{
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);

  g_return_val_if_fail (HR_IS_GEAR_DIALOG (self), NULL);

  return hr_preset_builder_new (priv->db, hr_gear_dialog_get_kind (self), priv->preset);
}

/**
 * hr_gear_dialog_set_up:
 *
 * Titles the form for new gear or for the preset edited, says what
 * saving an edited bundled preset does, and shows the Remove button for
 * the user's own presets only.
 */
void
hr_gear_dialog_set_up (HrGearDialog        *self,
                       AdwWindowTitle      *window_title,
                       AdwPreferencesGroup *about_group,
                       GtkWidget           *remove_group,
                       GtkButton           *remove_button)
{
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);
  HrGearDialogClass *klass = HR_GEAR_DIALOG_GET_CLASS (self);
  const char *title = _(priv->preset != NULL ? klass->edit_title : klass->new_title);
  gboolean removable = priv->preset != NULL && hr_preset_get_origin (priv->preset) == HR_PRESET_ORIGIN_USER;

  g_return_if_fail (HR_IS_GEAR_DIALOG (self));

  adw_window_title_set_title (window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  if (priv->preset != NULL)
    {
      g_autofree char *name = hr_preset_dup_display_name (priv->preset);

      adw_window_title_set_subtitle (window_title, name);
    }
  if (priv->preset != NULL && hr_preset_get_origin (priv->preset) == HR_PRESET_ORIGIN_BUNDLED)
    adw_preferences_group_set_description (about_group,
                                           _("Your changes are saved as your own preset, which takes the place "
                                             "of the bundled one. A figure you change loses the source that "
                                             "the bundled preset gives for it."));

  /* Only the user's own presets can be removed; removing one that stands
   * in for a bundled preset brings the bundled one back, and says so. */
  gtk_widget_set_visible (remove_group, removable);
  if (removable && hr_preset_get_overrides_bundled (priv->preset))
    gtk_button_set_label (remove_button, _("_Restore the Bundled Preset"));
}

/**
 * hr_gear_dialog_save:
 *
 * Writes the form into the user's presets.
 *
 * Returns: (transfer full): the saved preset's id, or %NULL with @error set
 */
char *
hr_gear_dialog_save (HrGearDialog  *self,
                     GError       **error)
{
  g_autoptr(HrPresetBuilder) builder = NULL;

  g_return_val_if_fail (HR_IS_GEAR_DIALOG (self), NULL);

  builder = HR_GEAR_DIALOG_GET_CLASS (self)->build_preset (self, error);
  if (builder == NULL)
    return NULL;
  return hr_preset_builder_save (builder, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HrGearDialog *self = HR_GEAR_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = hr_gear_dialog_save (self, &error);

  if (id == NULL)
    {
      hr_form_show_error (GTK_WINDOW (self), _(HR_GEAR_DIALOG_GET_CLASS (self)->save_error_heading),
                          error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
destroy_window (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

/* Called from the confirmation's response: the form closes once that
 * dialog is gone, since a window must outlive the dialogs that are
 * transient for it. */
static void
on_removal_confirmed (HrGearDialog *self)
{
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (hr_preset_get_id (priv->preset));

  if (!hr_preset_db_remove_user_preset (priv->db, hr_gear_dialog_get_kind (self), id, &error))
    {
      hr_form_show_error (GTK_WINDOW (self), _("Could Not Remove the Preset"), error->message);
      return;
    }
  g_signal_emit (self, signals[REMOVED], 0, id);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_window, g_object_ref (self), g_object_unref);
}

/* Asks before the preset goes, saying what removing it brings back. */
static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HrGearDialog *self = HR_GEAR_DIALOG (widget);
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);
  g_autofree char *name = NULL;
  g_autofree char *heading = NULL;
  const char *body;
  AdwMessageDialog *confirm;

  if (priv->preset == NULL)
    return;
  name = hr_preset_dup_display_name (priv->preset);
  if (hr_preset_get_overrides_bundled (priv->preset))
    {
      /* Translators: "Restore the Bundled Sennheiser HD 650?" */
      heading = g_strdup_printf (_("Restore the Bundled %s?"), name);
      body = _("Your version is removed from your presets, and the bundled preset, with its "
               "sources, takes its place again.");
    }
  else
    {
      /* Translators: "Remove Sennheiser HD 650?" */
      heading = g_strdup_printf (_("Remove %s?"), name);
      body = _("It is removed from your presets. The file keeps the version before this "
               "change as a backup (presets.json.bak).");
    }
  confirm = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  adw_message_dialog_add_responses (confirm, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (confirm, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (confirm, "cancel");
  adw_message_dialog_set_close_response (confirm, "cancel");
  g_signal_connect_object (confirm, "response::remove", G_CALLBACK (on_removal_confirmed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (confirm));
}

static void
hr_gear_dialog_dispose (GObject *object)
{
  HrGearDialog *self = HR_GEAR_DIALOG (object);
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);

  g_clear_object (&priv->preset);
  g_clear_object (&priv->db);

  G_OBJECT_CLASS (hr_gear_dialog_parent_class)->dispose (object);
}

static void
hr_gear_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HrGearDialog *self = HR_GEAR_DIALOG (object);
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, priv->db);
      break;
    case PROP_PRESET:
      g_value_set_object (value, priv->preset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_gear_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HrGearDialog *self = HR_GEAR_DIALOG (object);
  HrGearDialogPrivate *priv = hr_gear_dialog_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_DB:
      priv->db = g_value_dup_object (value);
      break;
    case PROP_PRESET:
      priv->preset = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_gear_dialog_class_init (HrGearDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hr_gear_dialog_dispose;
  object_class->get_property = hr_gear_dialog_get_property;
  object_class->set_property = hr_gear_dialog_set_property;

  properties[PROP_DB] =
    g_param_spec_object ("db", NULL, NULL, HR_TYPE_PRESET_DB,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PRESET] =
    g_param_spec_object ("preset", NULL, NULL, HR_TYPE_PRESET,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HrGearDialog::saved:
   * @id: the id of the preset written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * HrGearDialog::removed:
   * @id: the id of the preset removed from the user's presets
   */
  signals[REMOVED] = g_signal_new ("removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "gear.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "gear.remove", NULL, remove_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "gear.save", NULL);
}

static void
hr_gear_dialog_init (HrGearDialog *self)
{
}
