/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "hr-dropdown"

#include "config.h"

#include <string.h>

#include "hr-dropdown.h"
#include "hr-tooltip.h"

/* What the sidebar's searchable dropdowns need and GTK 4.8's GtkDropDown
 * does not offer: ellipsized items with a tooltip, a placeholder, search
 * anywhere in an item, and a way to open the list from a shortcut. Three
 * of them reach into the widgets GtkDropDown builds; each one falls back
 * to GTK's own behaviour if GTK builds them differently. */

static void
on_item_setup (GtkListItemFactory *factory,
               GtkListItem        *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Only the names cut short have one: a tooltip repeating a whole name
   * covered the item below it. */
  hr_tooltip_set_when_ellipsized (GTK_LABEL (label));
  gtk_list_item_set_child (item, label);
}

static void
on_item_bind (GtkListItemFactory *factory,
              GtkListItem        *item)
{
  GtkStringObject *string = GTK_STRING_OBJECT (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (string));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? child : find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Once the list is up, the search entry takes the focus, so that typing
 * searches: GTK 4.8 gives it to the list's first item, where typing does
 * nothing. After the popover's own focus handling, on its "map". */
static void
on_popover_map (GtkWidget *popover)
{
  GtkWidget *entry = find_descendant (popover, GTK_TYPE_SEARCH_ENTRY);

  /* A tooltip is looked for from the widget under the pointer up through
   * its parents, and the list's popover is the dropdown's child: the
   * dropdown's own tooltip ("Headphones (Ctrl+F)") came up over the
   * search entry and the first item. It has none while the list is up. */
  gtk_widget_set_has_tooltip (gtk_widget_get_parent (popover), FALSE);
  if (entry != NULL && gtk_widget_get_visible (entry))
    gtk_widget_grab_focus (entry);
}

static void
on_popover_unmap (GtkWidget *popover)
{
  GtkWidget *dropdown = gtk_widget_get_parent (popover);

  gtk_widget_set_has_tooltip (dropdown, gtk_widget_get_tooltip_text (dropdown) != NULL);
}

/* Long names ("Line out 1–8 (1/4" TRS, servo-balanced)") are ellipsized,
 * with the whole name in a tooltip when cut, so that they do not widen the sidebar;
 * search matches the whole text of an item. */
void
hr_dropdown_setup (GtkDropDown *dropdown)
{
  g_autoptr(GtkExpression) expression =
    gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_item_setup), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_item_bind), NULL);
  gtk_drop_down_set_factory (dropdown, factory);
  gtk_drop_down_set_expression (dropdown, expression);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        g_signal_connect_after (child, "map", G_CALLBACK (on_popover_map), NULL);
        g_signal_connect (child, "unmap", G_CALLBACK (on_popover_unmap), NULL);
      }
}

/* What a dropdown shows while nothing is chosen, in place of GTK's
 * "(None)", which reads as if there were nothing to choose. GTK 4.8 has
 * no property for it: the button shows a label in the "empty" page of
 * its stack, so that label is given the text, dimmed as a placeholder
 * is. Search is untouched, since the list's items are. If GTK ever
 * builds the button differently, "(None)" stays, which still works. */
void
hr_dropdown_set_placeholder (GtkDropDown *dropdown,
                             const char  *placeholder)
{
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));

  for (; button != NULL && !GTK_IS_TOGGLE_BUTTON (button); button = gtk_widget_get_next_sibling (button))
    ;
  if (button == NULL)
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_button_get_child (GTK_BUTTON (button)));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *empty;

      if (!GTK_IS_STACK (child))
        continue;
      empty = gtk_stack_get_child_by_name (GTK_STACK (child), "empty");
      if (GTK_IS_LABEL (empty))
        {
          gtk_label_set_text (GTK_LABEL (empty), placeholder);
          gtk_label_set_xalign (GTK_LABEL (empty), 0.0f);
          gtk_label_set_ellipsize (GTK_LABEL (empty), PANGO_ELLIPSIZE_END);
          gtk_widget_add_css_class (empty, "dim-label");
        }
      return;
    }
}

/* Ctrl+F and Ctrl+Shift+F: open the dropdown's popover, whose search
 * entry then takes the focus (on_popover_map). GTK 4.8 has no call for
 * that; the dropdown opens when its toggle button is toggled, so toggle
 * it. */
void
hr_dropdown_popup (GtkDropDown *dropdown)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      {
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (child), TRUE);
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (dropdown));
}

/* GtkDropDown's search matches the start of an item only until GTK 4.12,
 * so "650" would not find "Sennheiser HD 650"; and its GtkStringFilter
 * normalises and casefolds every item at every keystroke, which with
 * thousands of presets was most of a keystroke's time. So the list's
 * filter is replaced by one that matches anywhere in an item's text,
 * folded once per item and kept on it, and the search entry tells it
 * what changed, the way GtkStringFilter does. */

typedef struct
{
  char *folded_search;  /* NULL: everything matches */
} Search;

static void
search_free (gpointer data)
{
  Search *search = data;

  g_free (search->folded_search);
  g_free (search);
}

/* Normalised and casefolded as GtkStringFilter does it. */
static char *
fold (const char *text)
{
  g_autofree char *normalized = NULL;

  if (text == NULL || text[0] == '\0')
    return NULL;
  normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);
  return normalized != NULL ? g_utf8_casefold (normalized, -1) : NULL;
}

static const char *
item_folded (GObject *item)
{
  static GQuark quark;
  const char *folded;

  if (quark == 0)
    quark = g_quark_from_static_string ("hr-dropdown-folded");
  folded = g_object_get_qdata (item, quark);
  if (folded == NULL)
    {
      char *made = fold (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));

      folded = made != NULL ? made : g_strdup ("");
      g_object_set_qdata_full (item, quark, (gpointer) folded, g_free);
    }
  return folded;
}

static gboolean
match_item (gpointer item,
            gpointer user_data)
{
  Search *search = user_data;

  if (search->folded_search == NULL)
    return TRUE;
  return GTK_IS_STRING_OBJECT (item) && strstr (item_folded (item), search->folded_search) != NULL;
}

static GtkFilterListModel *
find_filter_model (GtkWidget *dropdown)
{
  GtkWidget *list_view = find_descendant (dropdown, GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection;
  GListModel *model;

  if (list_view == NULL)
    return NULL;
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  if (!GTK_IS_SINGLE_SELECTION (selection))
    return NULL;
  model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
  return GTK_IS_FILTER_LIST_MODEL (model) ? GTK_FILTER_LIST_MODEL (model) : NULL;
}

/* After GtkDropDown's own handler, which leaves a filter that is not its
 * GtkStringFilter alone. Narrowing only rechecks what still matches, and
 * widening only what does not. */
static void
on_search_changed (GtkSearchEntry *entry,
                   GtkWidget      *dropdown)
{
  GtkFilterListModel *model = find_filter_model (dropdown);
  GtkFilter *filter = model != NULL ? gtk_filter_list_model_get_filter (model) : NULL;
  Search *search = filter != NULL ? g_object_get_data (G_OBJECT (filter), "hr-search") : NULL;
  g_autofree char *before = NULL;
  GtkFilterChange change;

  if (search == NULL)
    return;
  before = g_steal_pointer (&search->folded_search);
  search->folded_search = fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  if (g_strcmp0 (before, search->folded_search) == 0)
    return;
  if (before == NULL || (search->folded_search != NULL && strstr (search->folded_search, before) != NULL))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (search->folded_search == NULL || strstr (before, search->folded_search) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;
  gtk_filter_changed (filter, change);
}

/* GtkDropDown makes its filter anew with each model: call this after
 * every gtk_drop_down_set_model(). */
void
hr_dropdown_search_anywhere (GtkDropDown *dropdown)
{
  GtkFilterListModel *model;
  GtkWidget *entry;
  g_autoptr(GtkFilter) filter = NULL;
  Search *search;

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  model = find_filter_model (GTK_WIDGET (dropdown));
  entry = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_SEARCH_ENTRY);
  if (model == NULL || entry == NULL || !GTK_IS_STRING_FILTER (gtk_filter_list_model_get_filter (model)))
    return;

  search = g_new0 (Search, 1);
  search->folded_search = fold (gtk_editable_get_text (GTK_EDITABLE (entry)));
  filter = GTK_FILTER (gtk_custom_filter_new (match_item, search, NULL));
  g_object_set_data_full (G_OBJECT (filter), "hr-search", search, search_free);
  gtk_filter_list_model_set_filter (model, filter);

  if (g_object_get_data (G_OBJECT (entry), "hr-search-connected") == NULL)
    {
      g_signal_connect_object (entry, "search-changed", G_CALLBACK (on_search_changed), dropdown, G_CONNECT_AFTER);
      g_object_set_data (G_OBJECT (entry), "hr-search-connected", GINT_TO_POINTER (TRUE));
    }
}

/* GtkDropDown 4.8 names itself to assistive technologies, but the button
 * inside it, which is what takes the focus, reads as "GtkToggleButton".
 * Both get the name. */
void
hr_dropdown_set_accessible_label (GtkDropDown *dropdown,
                                  const char  *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_TOGGLE_BUTTON (child))
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
}
