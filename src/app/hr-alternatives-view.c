/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-alternatives-view"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "hr-accessible.h"
#include "hr-alternatives-view.h"
#include "hr-dropdown.h"
#include "hr-gear-labels.h"

/* What instead: the sources that drive the headphones shown, or the
 * headphones the source shown drives, best first, as `headroom-cli rank`
 * orders them (hr-ranking.c). The ranking runs on a worker thread, its
 * candidates holding their gear inline; a change of the level, the cable
 * or a filter cancels the run under way and starts another. Each row
 * says its verdict in its colour and the figures that decided it;
 * activating one asks the window to show it ("choose"), its pin button
 * to pin it ("pin"). */

/* Rows are widgets: the best of a catalogue are what anyone reads. */
#define MAX_ROWS 100

struct _HrAlternativesView
{
  GtkBox              parent_instance;

  GtkToggleButton    *sources_button;
  GtkToggleButton    *headphones_button;
  GtkDropDown        *category_dropdown;
  GtkCheckButton     *mine_button;
  GtkSpinner         *spinner;
  GtkLabel           *status_label;
  GtkListBox         *ranked_list;
  GtkExpander        *unranked_expander;
  GtkLabel           *unranked_label;
  GtkListBox         *unranked_list;

  HrPresetDb         *db;
  HrScenario         *scenario;     /* the window's live configuration */
  GCancellable       *cancellable;  /* of the run under way */
  GPtrArray          *entries;      /* of HrRankingEntry, the last ranking */
  HrRankingDirection  direction;
  gboolean            dirty;        /* changed while not shown */
  gboolean            filling;      /* the filters are being set, not chosen */
  char               *ranked_key;   /* what the ranking shown was made of */
};

G_DEFINE_FINAL_TYPE (HrAlternativesView, hr_alternatives_view, GTK_TYPE_BOX)

enum {
  CHOOSE,
  PIN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const *
class_names (HrRankingDirection direction)
{
  return direction == HR_RANKING_SOURCES ? hr_source_category_names () : hr_headphone_type_names ();
}

/* "All kinds", then the categories or types, in the schema's order. */
static void
fill_categories (HrAlternativesView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  const char *const *names = class_names (self->direction);

  gtk_string_list_append (list, self->direction == HR_RANKING_SOURCES ? _("All Kinds of Source")
                                                                      : _("All Kinds of Headphones"));
  for (guint i = 0; names[i] != NULL; i++)
    gtk_string_list_append (list, self->direction == HR_RANKING_SOURCES
                                  ? hr_source_category_label ((HrSourceCategory) i)
                                  : hr_headphone_type_label ((HrHeadphoneType) i));
  self->filling = TRUE;
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  self->filling = FALSE;
}

/* A candidate's key across re-rankings: its preset and output. */
static char *
entry_key (const HrRankingEntry *entry)
{
  return g_strdup_printf ("%s\n%u", hr_preset_get_id (entry->preset), entry->output_index);
}

/* Where the keyboard focus is in the lists, kept across a re-ranking: the
 * lists are built again each time, and the focus on a row that went
 * jumped to the window's first control or to another candidate. */
typedef struct
{
  GtkListBox *list;       /* NULL: the focus is not in a list */
  char       *key;        /* the candidate's, or NULL */
  int         index;
  gboolean    on_pin;
} FocusPlace;

static void
focus_place_clear (FocusPlace *place)
{
  g_clear_pointer (&place->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FocusPlace, focus_place_clear)

static void
find_focus (HrAlternativesView *self,
            FocusPlace         *place)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW) : NULL;
  GtkWidget *list = row != NULL ? gtk_widget_get_parent (row) : NULL;
  const HrRankingEntry *entry;

  if (list != GTK_WIDGET (self->ranked_list) && list != GTK_WIDGET (self->unranked_list))
    return;
  place->list = GTK_LIST_BOX (list);
  place->index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  place->on_pin = focus != row && GTK_IS_BUTTON (focus);
  entry = g_object_get_data (G_OBJECT (row), "entry");
  place->key = entry != NULL ? entry_key (entry) : NULL;
}

static GtkWidget *
find_pin_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "view-pin-symbolic") == 0)
        return child;
      found = find_pin_button (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The same candidate's row takes the focus back, or, gone from the list,
 * the row that took its place. */
static void
restore_focus (const FocusPlace *place)
{
  GtkListBoxRow *row = NULL;
  GtkWidget *pin;

  if (place->list == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (place->list));
       child != NULL && row == NULL && place->key != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const HrRankingEntry *entry = g_object_get_data (G_OBJECT (child), "entry");
      g_autofree char *key = entry != NULL ? entry_key (entry) : NULL;

      if (g_strcmp0 (key, place->key) == 0)
        row = GTK_LIST_BOX_ROW (child);
    }
  for (int index = place->index; row == NULL && index >= 0; index--)
    row = gtk_list_box_get_row_at_index (place->list, index);
  if (row == NULL || !gtk_widget_get_visible (GTK_WIDGET (place->list)))
    return;
  pin = place->on_pin ? find_pin_button (GTK_WIDGET (row)) : NULL;
  gtk_widget_grab_focus (pin != NULL ? pin : GTK_WIDGET (row));
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
gear_label (const HrRankingEntry *entry,
            HrRankingDirection    direction)
{
  return direction == HR_RANKING_SOURCES ? entry->source_name : entry->headphone_name;
}

static gboolean
is_shown (HrAlternativesView   *self,
          const HrRankingEntry *entry)
{
  if (self->direction == HR_RANKING_HEADPHONES)
    return g_strcmp0 (hr_scenario_get_headphone_id (self->scenario), hr_preset_get_id (entry->preset)) == 0;
  return g_strcmp0 (hr_scenario_get_source_id (self->scenario), hr_preset_get_id (entry->preset)) == 0
         && g_strcmp0 (hr_scenario_get_output_id (self->scenario),
                       hr_source_preset_get_output (HR_SOURCE_PRESET (entry->preset), entry->output_index)->id) == 0;
}

static void
on_pin_clicked (GtkButton          *button,
                HrAlternativesView *self)
{
  const HrRankingEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  g_signal_emit (self, signals[PIN], 0, entry);
}

/* A ranked candidate: the verdict's icon in its colour, the gear, the
 * verdict and the figures that decided it; the deciding reason as its
 * tooltip; a pin button. */
static GtkWidget *
ranked_row_new (HrAlternativesView   *self,
                const HrRankingEntry *entry)
{
  static const struct
  {
    const char *icon_name;
    const char *css_class;
  } looks[] = {
    [HR_VERDICT_DRIVES_WELL] = { "emblem-ok-symbolic", "success" },
    [HR_VERDICT_CAVEATS] = { "dialog-warning-symbolic", "warning" },
    [HR_VERDICT_CANNOT_DRIVE] = { "dialog-error-symbolic", "error" },
  };
  const HrSummary *summary = entry->summary;
  const HrReason *deciding = hr_rank_deciding_reason (summary);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (looks[summary->verdict].icon_name);
  GtkWidget *pin = gtk_button_new_from_icon_name ("view-pin-symbolic");
  GtkWidget *shown;
  g_autofree char *title = g_strdup_printf ("%u. %s", entry->rank, gear_label (entry, self->direction));
  g_autofree char *headroom = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *reason = deciding != NULL ? hr_reason_format (deciding, TRUE) : NULL;

  if (isfinite (summary->headroom_db))
    /* Translators: the headroom of a candidate, "19.2 dB headroom" */
    headroom = g_strdup_printf (_("%.1f dB headroom"), summary->headroom_db);
  else
    headroom = g_strdup (_("no limit"));
  /* Translators: "Drives it well · 19.2 dB headroom · 0.02 dB change" */
  subtitle = g_strdup_printf (_("%s · %s · %.2f dB change"), hr_verdict_to_string (summary->verdict),
                              headroom, summary->deviation_span_db);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, reason);
  gtk_widget_add_css_class (icon, looks[summary->verdict].css_class);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  hr_verdict_to_string (summary->verdict), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  /* The candidate the sidebar shows; update_shown() moves it. */
  shown = gtk_label_new (_("Shown"));
  gtk_widget_add_css_class (shown, "dim-label");
  gtk_widget_set_visible (shown, is_shown (self, entry));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), shown);
  g_object_set_data (G_OBJECT (row), "shown", shown);
  gtk_widget_set_valign (pin, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (pin, "flat");
  gtk_widget_set_tooltip_text (pin, _("Pin to Compare"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (pin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pin to compare"), -1);
  g_object_set_data (G_OBJECT (pin), "entry", (gpointer) entry);
  g_signal_connect_object (pin, "clicked", G_CALLBACK (on_pin_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "entry", (gpointer) entry);
  return row;
}

/* A candidate that cannot be told: what it lacks. */
static GtkWidget *
unranked_row_new (HrAlternativesView   *self,
                  const HrRankingEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GPtrArray) missing = g_ptr_array_new ();
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *gear = NULL;

  for (guint bit = 0; bit < HR_RANK_N_MISSING; bit++)
    if (entry->missing & (1u << bit))
      g_ptr_array_add (missing, (gpointer) hr_rank_missing_to_string (1u << bit));
  g_ptr_array_add (missing, NULL);
  what = g_strjoinv (", ", (char **) missing->pdata);
  /* Translators: why a candidate is not ranked, "output impedance unknown" */
  subtitle = g_strdup_printf (_("%s unknown"), what);
  if (gear_label (entry, self->direction) != NULL)
    gear = g_strdup (gear_label (entry, self->direction));
  else if (self->direction == HR_RANKING_SOURCES)
    gear = hr_source_preset_dup_output_label (HR_SOURCE_PRESET (entry->preset), entry->output_index);
  else
    gear = hr_preset_dup_display_name (entry->preset);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gear);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "entry", (gpointer) entry);
  return row;
}

/* The sidebar chose another candidate of the same ranking. */
static void
update_shown (HrAlternativesView *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->ranked_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      const HrRankingEntry *entry = g_object_get_data (G_OBJECT (row), "entry");
      GtkWidget *shown = g_object_get_data (G_OBJECT (row), "shown");

      if (entry != NULL && shown != NULL)
        gtk_widget_set_visible (shown, is_shown (self, entry));
    }
}

/* A spinner that stops still takes its place: it goes. */
static void
set_spinning (HrAlternativesView *self,
              gboolean            spinning)
{
  gtk_spinner_set_spinning (self->spinner, spinning);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), spinning);
}

static void
show_entries (HrAlternativesView *self,
              GPtrArray          *entries)
{
  g_autofree char *status = NULL;
  g_autofree char *unranked = NULL;
  g_auto(FocusPlace) focus = { NULL, NULL, 0, FALSE };
  guint n_ranked = 0;
  guint n_unranked = 0;

  find_focus (self, &focus);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  self->entries = g_ptr_array_ref (entries);
  clear_list (self->ranked_list);
  clear_list (self->unranked_list);
  for (guint i = 0; i < entries->len; i++)
    {
      const HrRankingEntry *entry = g_ptr_array_index (entries, i);

      if (entry->rank > 0)
        {
          if (n_ranked++ < MAX_ROWS)
            gtk_list_box_append (self->ranked_list, ranked_row_new (self, entry));
        }
      else if (n_unranked++ < MAX_ROWS)
        gtk_list_box_append (self->unranked_list, unranked_row_new (self, entry));
    }

  if (entries->len == 0)
    status = g_strdup (gtk_check_button_get_active (self->mine_button)
                       ? _("None of your own gear is of this kind.")
                       : _("No gear of this kind."));
  else if (n_ranked == 0)
    status = g_strdup (_("None of them can be ranked: each lacks a figure its verdict needs."));
  else if (n_ranked > MAX_ROWS)
    /* Translators: "The best 100 of 2400, ranked by verdict, then headroom above the music's peaks, response change and hiss" */
    status = g_strdup_printf (_("The best %u of %u, ranked by verdict, then headroom above the music’s peaks, "
                                "response change and hiss"), MAX_ROWS, n_ranked);
  else
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u candidate, ranked by verdict, then headroom above the music’s "
                                           "peaks, response change and hiss",
                                           "%u candidates, ranked by verdict, then headroom above the music’s "
                                           "peaks, response change and hiss", n_ranked), n_ranked);
  gtk_label_set_label (self->status_label, status);
  gtk_widget_set_visible (GTK_WIDGET (self->ranked_list), n_ranked > 0);
  unranked = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u can’t be told: figures missing",
                                           "%u can’t be told: figures missing", n_unranked), n_unranked);
  gtk_label_set_label (self->unranked_label, unranked);
  /* The expander's button is named by its label for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->unranked_expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  unranked, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->unranked_expander), n_unranked > 0);
  restore_focus (&focus);
}

static void
on_ranked (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HrAlternativesView) self = user_data;
  g_autoptr(GPtrArray) entries = g_task_propagate_pointer (G_TASK (result), NULL);

  /* Cancelled: a newer run has taken its place. */
  if (entries == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  set_spinning (self, FALSE);
  show_entries (self, entries);
}

static void
rank_in_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GPtrArray *entries = hr_ranking_job_run (task_data, cancellable);

  if (entries == NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
  else
    g_task_return_pointer (task, entries, (GDestroyNotify) g_ptr_array_unref);
}

/* What a ranking depends on: the gear that stays, the level, the
 * connection and the filters. Moving the output impedance or the
 * headphones' impedance slider changes none of it. */
static char *
dup_ranking_key (HrAlternativesView *self)
{
  const HrDrive *drive = hr_scenario_get_drive (self->scenario);

  return g_strdup_printf ("%d|%s|%s|%s|%d|%.17g|%.17g|%.17g|%.17g|%.17g|%u|%d", self->direction,
                          self->direction == HR_RANKING_SOURCES ? hr_scenario_get_headphone_id (self->scenario) : "",
                          self->direction == HR_RANKING_HEADPHONES ? hr_scenario_get_source_id (self->scenario) : "",
                          self->direction == HR_RANKING_HEADPHONES ? hr_scenario_get_output_id (self->scenario) : "",
                          drive->kind, drive->value, hr_scenario_get_cable_ohm (self->scenario),
                          hr_scenario_get_adapter_series_ohm (self->scenario),
                          hr_scenario_get_adapter_shunt_ohm (self->scenario),
                          hr_scenario_get_crest_factor_db (self->scenario),
                          gtk_drop_down_get_selected (self->category_dropdown),
                          gtk_check_button_get_active (self->mine_button));
}

/* The presets changed: the next refresh ranks again whatever it keys. */
void
hr_alternatives_view_invalidate (HrAlternativesView *self)
{
  g_return_if_fail (HR_IS_ALTERNATIVES_VIEW (self));

  g_clear_pointer (&self->ranked_key, g_free);
  hr_alternatives_view_refresh (self);
}

/**
 * hr_alternatives_view_refresh:
 *
 * Ranks again for the live configuration as it is now; while the view is
 * not shown, only notes that it must.
 */
void
hr_alternatives_view_refresh (HrAlternativesView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  g_auto(GStrv) categories = NULL;
  g_autofree char *key = NULL;
  HrRankingOptions options = HR_RANKING_OPTIONS_INIT;
  HrRankingJob *job;
  guint selected;

  g_return_if_fail (HR_IS_ALTERNATIVES_VIEW (self));

  if (self->db == NULL || self->scenario == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  key = dup_ranking_key (self);
  if (g_strcmp0 (key, self->ranked_key) == 0)
    {
      update_shown (self);
      return;
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_free (self->ranked_key);
  self->ranked_key = g_steal_pointer (&key);

  options.direction = self->direction;
  options.mine_only = gtk_check_button_get_active (self->mine_button);
  selected = gtk_drop_down_get_selected (self->category_dropdown);
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    {
      categories = g_new0 (char *, 2);
      categories[0] = g_strdup (class_names (self->direction)[selected - 1]);
      options.categories = (const char *const *) categories;
    }

  job = hr_ranking_job_new (self->db, self->scenario, &options, &error);
  if (job == NULL)
    {
      /* Nothing to rank for: said in the words of the sidebar. */
      set_spinning (self, FALSE);
      clear_list (self->ranked_list);
      clear_list (self->unranked_list);
      gtk_widget_set_visible (GTK_WIDGET (self->ranked_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->unranked_expander), FALSE);
      g_clear_pointer (&self->entries, g_ptr_array_unref);
      gtk_label_set_label (self->status_label, self->direction == HR_RANKING_SOURCES
                                               ? _("Choose headphones to see the sources that drive them.")
                                               : _("Choose a source to see the headphones it drives."));
      return;
    }
  self->cancellable = g_cancellable_new ();
  set_spinning (self, TRUE);
  gtk_label_set_label (self->status_label, _("Ranking…"));
  task = g_task_new (NULL, self->cancellable, on_ranked, g_object_ref (self));
  g_task_set_task_data (task, job, (GDestroyNotify) hr_ranking_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, rank_in_thread);
}

static void
on_map (HrAlternativesView *self)
{
  if (self->dirty || self->entries == NULL)
    hr_alternatives_view_refresh (self);
}

static void
on_direction_toggled (HrAlternativesView *self,
                      GtkToggleButton    *button)
{
  HrRankingDirection direction = gtk_toggle_button_get_active (self->sources_button) ? HR_RANKING_SOURCES
                                                                                    : HR_RANKING_HEADPHONES;

  if (!gtk_toggle_button_get_active (button) || direction == self->direction)
    return;
  self->direction = direction;
  fill_categories (self);
  hr_alternatives_view_refresh (self);
}

static void
on_filter_changed (HrAlternativesView *self)
{
  if (!self->filling)
    hr_alternatives_view_refresh (self);
}

static void
on_row_activated (HrAlternativesView *self,
                  GtkListBoxRow      *row)
{
  const HrRankingEntry *entry = g_object_get_data (G_OBJECT (row), "entry");

  if (entry != NULL)
    g_signal_emit (self, signals[CHOOSE], 0, entry);
}

static void
hr_alternatives_view_dispose (GObject *object)
{
  HrAlternativesView *self = HR_ALTERNATIVES_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->ranked_key, g_free);
  g_clear_object (&self->db);
  g_clear_object (&self->scenario);
  gtk_widget_dispose_template (GTK_WIDGET (object), HR_TYPE_ALTERNATIVES_VIEW);

  G_OBJECT_CLASS (hr_alternatives_view_parent_class)->dispose (object);
}

static void
hr_alternatives_view_class_init (HrAlternativesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hr_alternatives_view_dispose;

  /**
   * HrAlternativesView::choose:
   * @entry: (type gpointer): the #HrRankingEntry to show in the sidebar
   */
  signals[CHOOSE] = g_signal_new ("choose", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  /**
   * HrAlternativesView::pin:
   * @entry: (type gpointer): the #HrRankingEntry to pin
   */
  signals[PIN] = g_signal_new ("pin", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                               NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/headroom/Headroom/ui/hr-alternatives-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, sources_button);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, headphones_button);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, status_label);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, ranked_list);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, unranked_expander);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, unranked_label);
  gtk_widget_class_bind_template_child (widget_class, HrAlternativesView, unranked_list);
  gtk_widget_class_bind_template_callback (widget_class, on_direction_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
hr_alternatives_view_init (HrAlternativesView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hr_accessible_name_mnemonics (GTK_WIDGET (self));
  /* The name reaches the dropdown's own button, which a screen reader
   * lands on. */
  hr_dropdown_set_accessible_label (self->category_dropdown, _("Kind of candidate"));
  self->direction = HR_RANKING_SOURCES;
  fill_categories (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
}

/**
 * hr_alternatives_view_set_context:
 * @scenario: the window's live configuration, followed as it changes
 */
void
hr_alternatives_view_set_context (HrAlternativesView *self,
                                  HrPresetDb         *db,
                                  HrScenario         *scenario)
{
  g_return_if_fail (HR_IS_ALTERNATIVES_VIEW (self));

  g_set_object (&self->db, db);
  g_set_object (&self->scenario, scenario);
  hr_alternatives_view_refresh (self);
}

HrRankingDirection
hr_alternatives_view_get_direction (HrAlternativesView *self)
{
  g_return_val_if_fail (HR_IS_ALTERNATIVES_VIEW (self), HR_RANKING_SOURCES);

  return self->direction;
}

void
hr_alternatives_view_set_direction (HrAlternativesView *self,
                                    HrRankingDirection  direction)
{
  g_return_if_fail (HR_IS_ALTERNATIVES_VIEW (self));

  gtk_toggle_button_set_active (direction == HR_RANKING_SOURCES ? self->sources_button : self->headphones_button,
                                TRUE);
}

/* Returns: (transfer none) (nullable) (element-type HrRankingEntry): the
 * last ranking shown */
GPtrArray *
hr_alternatives_view_get_entries (HrAlternativesView *self)
{
  g_return_val_if_fail (HR_IS_ALTERNATIVES_VIEW (self), NULL);

  return self->entries;
}

/* Whether a ranking is being computed. */
gboolean
hr_alternatives_view_get_busy (HrAlternativesView *self)
{
  g_return_val_if_fail (HR_IS_ALTERNATIVES_VIEW (self), FALSE);

  return self->cancellable != NULL;
}

/* Returns: (transfer full): @entry's configuration, to pin */
HrScenario *
hr_alternatives_view_dup_candidate (HrAlternativesView   *self,
                                    const HrRankingEntry *entry)
{
  g_return_val_if_fail (HR_IS_ALTERNATIVES_VIEW (self), NULL);
  g_return_val_if_fail (entry != NULL, NULL);

  return hr_scenario_copy (entry->scenario);
}
