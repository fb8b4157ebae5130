/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-slider-row"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hr-slider-row.h"

/* A row of the Adjust group: a slider, an entry that takes units, and a
 * button back to the preset's value. Impedances span six decades, so
 * their slider moves over log10 of the value: 0.1 Ω and 1 kΩ are then both
 * a short drag away. The row holds the value in its own unit; the slider
 * and the entry are two views of it. */
struct _HrSliderRow
{
  AdwActionRow    parent_instance;

  GtkScale       *scale;
  GtkEntry       *entry;
  GtkButton      *reset_button;

  HrUnit          unit;
  double          min_value;
  double          max_value;
  double          step;
  double          value;
  double          default_value;
  gboolean        logarithmic;
  gboolean        off_at_max;
  gboolean        applicable;
  gboolean        updating;

  /* A second unit the entry takes, and how it becomes the row's. */
  HrUnit                  other_unit;
  HrSliderRowConvertFunc  convert;
  gpointer                convert_data;
};

G_DEFINE_FINAL_TYPE (HrSliderRow, hr_slider_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* log10 of 2^(1/3) and of 10. */
#define LOG_STEP (G_LN2 / G_LN10 / 3.0)
#define LOG_PAGE 1.0

static double
value_to_position (HrSliderRow *self,
                   double       value)
{
  g_assert (HR_IS_SLIDER_ROW (self));

  if (self->logarithmic)
    return log10 (CLAMP (value, self->min_value, self->max_value));
  return CLAMP (value, self->min_value, self->max_value);
}

static double
position_to_value (HrSliderRow *self,
                   double       position)
{
  g_assert (HR_IS_SLIDER_ROW (self));

  if (self->logarithmic)
    {
      /* Three significant digits: what the entry shows, and finer than
       * any spec sheet states an impedance. */
      double value = pow (10.0, position);
      double digits = pow (10.0, floor (log10 (value)) - 2.0);

      return CLAMP (round (value / digits) * digits, self->min_value, self->max_value);
    }
  if (self->step > 0)
    position = round (position / self->step) * self->step;
  return CLAMP (position, self->min_value, self->max_value);
}

static gboolean
is_off (HrSliderRow *self,
        double       value)
{
  return self->off_at_max && value >= self->max_value;
}

static void
sync_views (HrSliderRow *self)
{
  g_autofree char *text = NULL;

  g_assert (HR_IS_SLIDER_ROW (self));

  self->updating = TRUE;
  gtk_range_set_value (GTK_RANGE (self->scale), value_to_position (self, self->value));
  self->updating = FALSE;

  /* A dash, not the value: a number for what has not been chosen yet
   * would read as a figure of it. A sign, not a word: not translated. */
  if (!self->applicable)
    text = g_strdup ("—");
  else if (is_off (self, self->value))
    text = g_strdup (_("off"));
  else
    text = hr_units_format (self->value, self->unit);
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text);
  gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
  gtk_widget_set_sensitive (GTK_WIDGET (self->reset_button), self->value != self->default_value);
}

static void
on_scale_value_changed (HrSliderRow *self,
                        GtkRange    *range)
{
  g_assert (HR_IS_SLIDER_ROW (self));

  if (self->updating)
    return;
  hr_slider_row_set_value (self, position_to_value (self, gtk_range_get_value (range)));
}

static gboolean
parse_other_unit (HrSliderRow *self,
                  const char  *text,
                  double      *value)
{
  double other;

  if (self->convert == NULL || !hr_units_parse (text, self->other_unit, &other))
    return FALSE;
  *value = self->convert (other, self->convert_data);
  return isfinite (*value);
}

static void
on_entry_activate (HrSliderRow *self,
                   GtkEntry    *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  double value;

  g_assert (HR_IS_SLIDER_ROW (self));

  /* "off", in English or as translated, removes the shunt. */
  if (self->off_at_max && (g_ascii_strcasecmp (text, "off") == 0 || g_strcmp0 (text, _("off")) == 0))
    {
      hr_slider_row_set_value (self, self->max_value);
      return;
    }
  if (!hr_units_parse (text, self->unit, &value) && !parse_other_unit (self, text, &value))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_error_bell (GTK_WIDGET (entry));
      return;
    }
  hr_slider_row_set_value (self, value);
}

static void
on_reset_clicked (HrSliderRow *self)
{
  hr_slider_row_reset (self);
}

static void
on_scale_pressed (HrSliderRow *self,
                  int          n_press,
                  double       x,
                  double       y)
{
  /* A double-click returns to the preset's value, as the reset button does. */
  if (n_press == 2)
    hr_slider_row_reset (self);
}

static void
hr_slider_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HrSliderRow *self = HR_SLIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_double (value, self->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_slider_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HrSliderRow *self = HR_SLIDER_ROW (object);

  switch (prop_id)
    {
    case PROP_VALUE:
      hr_slider_row_set_value (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hr_slider_row_class_init (HrSliderRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hr_slider_row_get_property;
  object_class->set_property = hr_slider_row_set_property;

  properties[PROP_VALUE] =
    g_param_spec_double ("value", NULL, NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

/* AdwActionRow wraps its title and subtitle at word boundaries but, when
 * a word is wider than the room left beside the slider, anywhere inside
 * it: German compounds came out as "Ausgangsim-pedanz". Here they break
 * only between words, after a hyphen, or at a soft hyphen a translation
 * may put where a word can be split; the row is then as wide as its
 * longest word, which widens the sidebar a little in German rather than
 * cut a word. libadwaita 1.2 has no property for this, so find the labels
 * by their style classes; if they are not found, the row keeps
 * libadwaita's wrapping. */
static void
wrap_labels_at_words (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child)
          && (gtk_widget_has_css_class (child, "title") || gtk_widget_has_css_class (child, "subtitle")))
        gtk_label_set_wrap_mode (GTK_LABEL (child), PANGO_WRAP_WORD);
      else
        wrap_labels_at_words (child);
    }
}

/* A wheel over a slider that does not have the focus scrolls the page it
 * is on, not the slider: the sidebar is scrolled with sliders all down
 * it, and scrolling it moved the output impedance and the headphones'
 * impedance under the pointer as it passed. Once the slider has the
 * focus (clicked or tabbed to), the wheel moves it, as GTK's does. The
 * page moves as a GtkScrolledWindow moves it: a wheel's notch is the
 * page size to the power 2/3. */
static gboolean
on_scale_scroll (HrSliderRow              *self,
                 double                    dx,
                 double                    dy,
                 GtkEventControllerScroll *controller)
{
  GtkWidget *scroller;
  GtkAdjustment *vadjustment;
  double page_size;

  if (gtk_widget_has_focus (GTK_WIDGET (self->scale)))
    return GDK_EVENT_PROPAGATE;
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (self), GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      page_size = gtk_adjustment_get_page_size (vadjustment);
      gtk_adjustment_set_value (vadjustment,
                                gtk_adjustment_get_value (vadjustment) + dy * pow (page_size, 2.0 / 3.0));
    }
  return GDK_EVENT_STOP;
}

static void
hr_slider_row_init (HrSliderRow *self)
{
  GtkEventController *scroll;
  GtkGesture *click;
  GtkWidget *box;

  self->unit = HR_UNIT_OHM;
  self->min_value = 0.0;
  self->max_value = 1.0;
  self->applicable = TRUE;
  /* The slider and the value box take the focus; the row itself does
   * nothing when activated, and was a third stop of the Tab cycle. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);

  /* Before the suffix is added: only the row's own labels. */
  wrap_labels_at_words (GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);

  self->scale = GTK_SCALE (gtk_scale_new (GTK_ORIENTATION_HORIZONTAL, NULL));
  gtk_scale_set_draw_value (self->scale, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->scale), 120, -1);
  g_signal_connect_object (self->scale, "value-changed",
                           G_CALLBACK (on_scale_value_changed), self, G_CONNECT_SWAPPED);
  click = gtk_gesture_click_new ();
  /* Capture, so that the double-click is seen before the slider takes it. */
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect_object (click, "pressed", G_CALLBACK (on_scale_pressed), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), GTK_EVENT_CONTROLLER (click));
  /* Capture, so that it is seen before the slider's own. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (on_scale_scroll), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scale), scroll);

  /* Wide enough for "0.0102 Ω" and "1.23 kΩ" with their units. */
  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_editable_set_width_chars (GTK_EDITABLE (self->entry), 8);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (self->entry), 8);
  g_signal_connect_object (self->entry, "activate",
                           G_CALLBACK (on_entry_activate), self, G_CONNECT_SWAPPED);

  self->reset_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-undo-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (self->reset_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->reset_button), _("Back to the preset’s value"));
  g_signal_connect_object (self->reset_button, "clicked",
                           G_CALLBACK (on_reset_clicked), self, G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->scale));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->reset_button));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), box);
}

/* Sets the range; the slider's labels come from the row's title, which
 * the accessible names of the slider, entry and button repeat so that a
 * screen reader says which value each one changes. */
void
hr_slider_row_configure (HrSliderRow *self,
                         HrUnit       unit,
                         double       min_value,
                         double       max_value,
                         gboolean     logarithmic,
                         double       step)
{
  const char *title;
  g_autofree char *reset_label = NULL;

  g_return_if_fail (HR_IS_SLIDER_ROW (self));
  g_return_if_fail (min_value < max_value);
  g_return_if_fail (!logarithmic || min_value > 0);

  self->unit = unit;
  self->min_value = min_value;
  self->max_value = max_value;
  self->logarithmic = logarithmic;
  self->step = step;

  self->updating = TRUE;
  gtk_range_set_range (GTK_RANGE (self->scale),
                       value_to_position (self, min_value), value_to_position (self, max_value));
  /* On a log slider an arrow key moves a third of an octave and Page Up
   * or Down a decade: steps of 1 % took 60 Page Ups from 0.01 Ω to
   * 100 Ω, and three arrows moved 0.01 Ω to 0.0106 Ω. */
  gtk_range_set_increments (GTK_RANGE (self->scale),
                            logarithmic ? LOG_STEP : step, logarithmic ? LOG_PAGE : step * 10);
  self->updating = FALSE;

  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (self));
  reset_label = g_strdup_printf (_("Reset %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, reset_label, -1);

  self->value = CLAMP (self->value, min_value, max_value);
  self->default_value = CLAMP (self->default_value, min_value, max_value);
  sync_views (self);
}

void
hr_slider_row_set_off_at_max (HrSliderRow *self,
                              gboolean     off_at_max)
{
  g_return_if_fail (HR_IS_SLIDER_ROW (self));

  self->off_at_max = !!off_at_max;
  sync_views (self);
}

/* A row whose value does not apply yet, such as the headphones'
 * impedance before any headphones are chosen, is insensitive and shows a
 * dash; it keeps its value, which the next preset replaces. */
void
hr_slider_row_set_applicable (HrSliderRow *self,
                              gboolean     applicable)
{
  g_return_if_fail (HR_IS_SLIDER_ROW (self));

  self->applicable = !!applicable;
  gtk_widget_set_sensitive (GTK_WIDGET (self), self->applicable);
  sync_views (self);
}

gboolean
hr_slider_row_get_applicable (HrSliderRow *self)
{
  g_return_val_if_fail (HR_IS_SLIDER_ROW (self), FALSE);

  return self->applicable;
}

double
hr_slider_row_get_value (HrSliderRow *self)
{
  g_return_val_if_fail (HR_IS_SLIDER_ROW (self), 0.0);

  return self->value;
}

/**
 * hr_slider_row_set_other_unit:
 * @convert: (nullable): turns a value in @unit into one in the row's
 *
 * Lets the entry take a value in a second unit, tried after the row's
 * own: the level's entry takes the source's voltage.
 */
void
hr_slider_row_set_other_unit (HrSliderRow            *self,
                              HrUnit                  unit,
                              HrSliderRowConvertFunc  convert,
                              gpointer                user_data)
{
  g_return_if_fail (HR_IS_SLIDER_ROW (self));

  self->other_unit = unit;
  self->convert = convert;
  self->convert_data = user_data;
}

void
hr_slider_row_set_value (HrSliderRow *self,
                         double       value)
{
  g_return_if_fail (HR_IS_SLIDER_ROW (self));

  if (!isfinite (value))
    value = self->max_value;
  value = CLAMP (value, self->min_value, self->max_value);
  if (value == self->value)
    {
      /* The entry may hold text that did not change the value ("470"
       * for 470 Ω): show the value as the row writes it. */
      sync_views (self);
      return;
    }
  self->value = value;
  sync_views (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
hr_slider_row_set_default_value (HrSliderRow *self,
                                 double       value)
{
  g_return_if_fail (HR_IS_SLIDER_ROW (self));

  if (!isfinite (value))
    value = self->max_value;
  self->default_value = CLAMP (value, self->min_value, self->max_value);
  sync_views (self);
}

void
hr_slider_row_reset (HrSliderRow *self)
{
  g_return_if_fail (HR_IS_SLIDER_ROW (self));

  hr_slider_row_set_value (self, self->default_value);
}

GtkEditable *
hr_slider_row_get_entry (HrSliderRow *self)
{
  g_return_val_if_fail (HR_IS_SLIDER_ROW (self), NULL);

  return GTK_EDITABLE (self->entry);
}

GtkWidget *
hr_slider_row_get_scale (HrSliderRow *self)
{
  g_return_val_if_fail (HR_IS_SLIDER_ROW (self), NULL);

  return GTK_WIDGET (self->scale);
}
