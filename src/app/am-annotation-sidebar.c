/* am-annotation-sidebar.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-annotation-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-annotation-sidebar.h"

struct _AmAnnotationSidebar
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *label_filter;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkLabel           *empty_label;
  GtkLabel           *count_label;

  AmDocument         *document;
  AmAnnotation       *selected;

  GtkCustomFilter    *filter;
  GtkFilterListModel *filter_model;
  GtkSingleSelection *selection;
  /* The label ids in schema order, as the filter's items 1.. show them. */
  GPtrArray          *label_ids;
  char               *filter_label;
  char               *needle;
  /* Rows on screen, which show links and must follow link edits. */
  GHashTable         *bound_rows;

  guint               syncing : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ANNOTATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One row of the list: color chip, label, id and author, the quote, and
 * the note and links when there are some.
 */
#define AM_TYPE_ANNOTATION_ROW (am_annotation_row_get_type ())
G_DECLARE_FINAL_TYPE (AmAnnotationRow, am_annotation_row, AM, ANNOTATION_ROW, GtkWidget)

struct _AmAnnotationRow
{
  GtkWidget     parent_instance;

  AmAnnotation *annotation;
  GtkLabel     *label;
  GtkLabel     *author;
  GtkLabel     *quote;
  GtkWidget    *note_box;
  GtkLabel     *note;
  GtkWidget    *links_box;
  GtkLabel     *links;
};

G_DEFINE_FINAL_TYPE (AmAnnotationRow, am_annotation_row, GTK_TYPE_WIDGET)
G_DEFINE_FINAL_TYPE (AmAnnotationSidebar, am_annotation_sidebar, GTK_TYPE_WIDGET)

static void
am_annotation_row_dispose (GObject *object)
{
  AmAnnotationRow *self = AM_ANNOTATION_ROW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->annotation);

  G_OBJECT_CLASS (am_annotation_row_parent_class)->dispose (object);
}

static void
am_annotation_row_class_init (AmAnnotationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_annotation_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationrow");
}

static GtkLabel *
add_label (GtkWidget  *parent,
           const char *css_class,
           gboolean    expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  if (GTK_IS_BOX (parent))
    gtk_box_append (GTK_BOX (parent), label);
  else
    gtk_widget_set_parent (label, parent);

  return GTK_LABEL (label);
}

/* The note and link lines are made when a row first needs them: most
 * annotations have neither, and the list builds a couple of hundred rows
 * at once.
 */
static void
set_indicator (AmAnnotationRow *self,
               GtkWidget      **box,
               GtkLabel       **label,
               const char      *icon_name,
               const char      *css_class,
               GtkWidget       *next_sibling,
               const char      *text)
{
  if (*box == NULL)
    {
      GtkWidget *image;

      if (text[0] == '\0')
        return;

      *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
      image = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (image, "dim-label");
      gtk_box_append (GTK_BOX (*box), image);
      *label = add_label (*box, css_class, TRUE);
      gtk_widget_insert_before (*box, GTK_WIDGET (self), next_sibling);
    }

  gtk_label_set_text (*label, text);
  gtk_widget_set_visible (*box, text[0] != '\0');
}

static void
am_annotation_row_init (AmAnnotationRow *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self))), 3);

  self->label = add_label (header, "am-row-label", FALSE);
  self->author = add_label (header, "dim-label", TRUE);
  gtk_label_set_xalign (self->author, 1.0f);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  self->quote = add_label (GTK_WIDGET (self), "am-row-quote", TRUE);
  gtk_label_set_wrap (self->quote, TRUE);
  gtk_label_set_wrap_mode (self->quote, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->quote, 3);
  gtk_label_set_width_chars (self->quote, 12);
  gtk_label_set_max_width_chars (self->quote, 40);
}

static char *
describe_links (AmDocument   *document,
                AmAnnotation *annotation)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  const char *id = am_annotation_get_id (annotation);
  guint i;

  links = am_document_list_links_for (document, id);
  for (i = 0; links != NULL && i < links->len; i++)
    {
      AmLink *link = g_ptr_array_index (links, i);
      const char *relation = am_link_get_relation (link);
      g_autofree char *part = NULL;

      if (g_strcmp0 (am_link_get_from (link), id) == 0)
        {
          const char *to = am_link_get_to (link);

          if (g_strcmp0 (relation, "source") == 0)
            /* Translators: an attribution's link to the claim it sources; %s is its id */
            part = g_strdup_printf (_("sources %s"), to);
          else if (g_strcmp0 (relation, "counters") == 0)
            /* Translators: a counter-claim's link to the claim it counters; %s is its id */
            part = g_strdup_printf (_("counters %s"), to);
          else
            part = g_strdup_printf ("%s → %s", relation, to);
        }
      else
        {
          /* Translators: a link from another annotation; %s is its id */
          part = g_strdup_printf (_("← %s"), am_link_get_from (link));
        }

      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, part);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\r\n\t", ' ');
  return line;
}

static void
am_annotation_row_update (AmAnnotationRow     *self,
                          AmAnnotationSidebar *sidebar)
{
  AmLabelSchema *schema = am_document_get_schema (sidebar->document);
  const char *label_id = am_annotation_get_label (self->annotation);
  AmLabel *label = am_label_schema_lookup_label (schema, label_id);
  const char *author = am_annotation_get_author (self->annotation);
  const char *note = am_annotation_get_note (self->annotation);
  g_autofree char *quote = one_line (am_annotation_get_quote (self->annotation));
  g_autofree char *isolated = g_strconcat ("\u2068", quote, "\u2069", NULL);
  g_autofree char *quoted = NULL;
  g_autofree char *note_line = NULL;
  g_autofree char *links = NULL;
  g_autofree char *header = NULL;

  /* The chip is a glyph in the label's colour, not a widget with its own
   * style provider: the list creates a couple of hundred rows at once.
   */
  header = g_markup_printf_escaped ("<span foreground=\"%s\">■</span> <b>%s</b> "
                                    "<span alpha=\"55%%\">%s</span>",
                                    label != NULL ? am_label_get_color (label) : "#77767b",
                                    label != NULL ? am_label_get_name (label) : label_id,
                                    am_annotation_get_id (self->annotation));
  gtk_label_set_markup (self->label, header);
  gtk_label_set_text (self->author, author != NULL ? author : "");

  /* The quote is isolated (FSI … PDI) so that an Arabic or Hebrew quote
   * keeps its own direction inside quotation marks that follow the
   * interface's.
   */
  /* Translators: a quotation from the article */
  quoted = g_strdup_printf (_("“%s”"), isolated);
  gtk_label_set_text (self->quote, quoted);

  note_line = one_line (note);
  set_indicator (self, &self->note_box, &self->note, "document-edit-symbolic", "am-row-note",
                 self->links_box, note_line);

  links = describe_links (sidebar->document, self->annotation);
  set_indicator (self, &self->links_box, &self->links, "insert-link-symbolic", "am-row-links",
                 NULL, links);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AmAnnotationSidebar      *self)
{
  gtk_list_item_set_child (item, g_object_new (AM_TYPE_ANNOTATION_ROW, NULL));
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AmAnnotationSidebar      *self)
{
  AmAnnotationRow *row = AM_ANNOTATION_ROW (gtk_list_item_get_child (item));

  g_set_object (&row->annotation, gtk_list_item_get_item (item));
  if (self->document != NULL)
    am_annotation_row_update (row, self);
  g_hash_table_add (self->bound_rows, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AmAnnotationSidebar      *self)
{
  AmAnnotationRow *row = AM_ANNOTATION_ROW (gtk_list_item_get_child (item));

  g_hash_table_remove (self->bound_rows, row);
  g_clear_object (&row->annotation);
}

static void
links_changed_cb (AmAnnotationSidebar *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->bound_rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    am_annotation_row_update (row, self);
}

static gboolean
contains_casefolded (const char *haystack,
                     const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL || haystack[0] == '\0')
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  AmAnnotationSidebar *self = user_data;
  AmAnnotation *annotation = item;

  if (self->filter_label != NULL &&
      g_strcmp0 (am_annotation_get_label (annotation), self->filter_label) != 0)
    return FALSE;

  if (self->needle != NULL &&
      !contains_casefolded (am_annotation_get_quote (annotation), self->needle) &&
      !contains_casefolded (am_annotation_get_note (annotation), self->needle))
    return FALSE;

  return TRUE;
}

static void
update_status (AmAnnotationSidebar *self)
{
  guint total = 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  g_autofree char *count = NULL;

  if (self->document != NULL)
    total = g_list_model_get_n_items (am_document_get_annotations (self->document));

  if (shown == total)
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations", total),
                             total);
  else
    /* Translators: the number of annotations the filter shows, of all */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u annotation",
                                          "%u of %u annotations", total),
                             shown, total);
  gtk_label_set_text (self->count_label, count);
  gtk_widget_set_visible (GTK_WIDGET (self->count_label), self->document != NULL);

  if (total == 0)
    gtk_label_set_text (self->empty_label,
                        _("No annotations yet. Select text in the article and press a label’s key."));
  else
    gtk_label_set_text (self->empty_label, _("No annotation matches the search or the label filter."));
  gtk_stack_set_visible_child_name (self->stack, shown > 0 ? "list" : "empty");
}

/* The position of @annotation among the rows shown, if it is shown. */
static gboolean
find_row (AmAnnotationSidebar *self,
          AmAnnotation        *annotation,
          guint               *position)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n;
  guint i;

  if (self->document == NULL)
    return FALSE;

  if (self->filter_label == NULL && self->needle == NULL)
    return am_document_find_annotation (self->document, annotation, position);

  n = g_list_model_get_n_items (model);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) item = g_list_model_get_item (model, i);

      if (item == annotation)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* Shows the selected-annotation as the list's selection, scrolled to. */
static void
sync_selection (AmAnnotationSidebar *self)
{
  guint position = GTK_INVALID_LIST_POSITION;

  if (self->selected != NULL && !find_row (self, self->selected, &position))
    position = GTK_INVALID_LIST_POSITION;

  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;

  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

static void
set_selected (AmAnnotationSidebar *self,
              AmAnnotation        *annotation)
{
  if (g_set_object (&self->selected, annotation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

static void
selection_changed_cb (AmAnnotationSidebar *self)
{
  AmAnnotation *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing)
    return;

  /* A row drops out of the selection while an edit re-sorts it or the
   * filter hides it: the annotation stays selected. Removals are
   * handled by annotation_removed_cb().
   */
  if (item == NULL && self->selected != NULL && self->document != NULL &&
      am_document_lookup_annotation (self->document, am_annotation_get_id (self->selected)) != NULL)
    return;

  set_selected (self, item);
}

static void
filter_items_changed_cb (AmAnnotationSidebar *self)
{
  update_status (self);
}

static void
document_changed_cb (AmAnnotationSidebar *self)
{
  /* An edit may move the selected row (a relabel or a new span re-sorts
   * it), which drops it from the list's selection.
   */
  sync_selection (self);
}

static void
annotation_removed_cb (AmAnnotationSidebar *self,
                       AmAnnotation        *annotation)
{
  if (self->selected == annotation)
    set_selected (self, NULL);
}

/* No filter at all when nothing is filtered: the list then passes the
 * document's model through instead of keeping a bitset of 20,000 matches.
 */
static void
refilter (AmAnnotationSidebar *self)
{
  if (self->filter_label == NULL && self->needle == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, NULL);
  else if (gtk_filter_list_model_get_filter (self->filter_model) == NULL)
    gtk_filter_list_model_set_filter (self->filter_model, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  sync_selection (self);
}

static void
search_changed_cb (AmAnnotationSidebar *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_pointer (&self->needle, g_free);
  if (text[0] != '\0')
    self->needle = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
stop_search_cb (AmAnnotationSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
label_filter_changed_cb (AmAnnotationSidebar *self)
{
  guint selected = gtk_drop_down_get_selected (self->label_filter);

  g_clear_pointer (&self->filter_label, g_free);
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->label_ids->len)
    self->filter_label = g_strdup (g_ptr_array_index (self->label_ids, selected - 1));
  refilter (self);
}

static void
list_activate_cb (AmAnnotationSidebar *self,
                  guint                position)
{
  g_autoptr(AmAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->filter_model),
                                                              position);

  if (annotation == NULL)
    return;

  set_selected (self, annotation);
  gtk_widget_activate_action (GTK_WIDGET (self), "doc.go-to-annotation", NULL);
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AmAnnotationSidebar   *self)
{
  AmLabel *label;
  gunichar c;
  char key[8];
  int len;

  if (self->document == NULL || self->selected == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      return gtk_widget_activate_action (GTK_WIDGET (self), "doc.delete", NULL);

    case GDK_KEY_F2:
    case GDK_KEY_n:
      return gtk_widget_activate_action (GTK_WIDGET (self), "doc.edit-note", NULL);

    default:
      break;
    }

  c = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  if (c == 0 || !g_unichar_isgraph (c))
    return FALSE;

  len = g_unichar_to_utf8 (c, key);
  key[len] = '\0';
  label = am_label_schema_lookup_label_by_key (am_document_get_schema (self->document), key);
  if (label == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self), "doc.relabel", "s", am_label_get_id (label));
}

static void
load_labels (AmAnnotationSidebar *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint i;

  g_ptr_array_set_size (self->label_ids, 0);
  gtk_string_list_append (names, _("All labels"));

  if (self->document != NULL)
    {
      GListModel *labels = am_label_schema_get_labels (am_document_get_schema (self->document));
      guint n = g_list_model_get_n_items (labels);

      for (i = 0; i < n; i++)
        {
          g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

          g_ptr_array_add (self->label_ids, g_strdup (am_label_get_id (label)));
          gtk_string_list_append (names, am_label_get_name (label));
        }
    }

  g_clear_pointer (&self->filter_label, g_free);
  gtk_drop_down_set_model (self->label_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->label_filter, 0);
}

static void
am_annotation_sidebar_dispose (GObject *object)
{
  AmAnnotationSidebar *self = AM_ANNOTATION_SIDEBAR (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_object (&self->selected);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_ANNOTATION_SIDEBAR);

  g_clear_object (&self->selection);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (am_annotation_sidebar_parent_class)->dispose (object);
}

static void
am_annotation_sidebar_finalize (GObject *object)
{
  AmAnnotationSidebar *self = AM_ANNOTATION_SIDEBAR (object);

  g_clear_pointer (&self->label_ids, g_ptr_array_unref);
  g_clear_pointer (&self->bound_rows, g_hash_table_unref);
  g_clear_pointer (&self->filter_label, g_free);
  g_clear_pointer (&self->needle, g_free);

  G_OBJECT_CLASS (am_annotation_sidebar_parent_class)->finalize (object);
}

static void
am_annotation_sidebar_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  AmAnnotationSidebar *self = AM_ANNOTATION_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_annotation_sidebar_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  AmAnnotationSidebar *self = AM_ANNOTATION_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      am_annotation_sidebar_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ANNOTATION:
      am_annotation_sidebar_set_selected_annotation (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_annotation_sidebar_class_init (AmAnnotationSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_annotation_sidebar_dispose;
  object_class->finalize = am_annotation_sidebar_finalize;
  object_class->get_property = am_annotation_sidebar_get_property;
  object_class->set_property = am_annotation_sidebar_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, AM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, AM_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/argumark/Argumark/ui/am-annotation-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, label_filter);
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, empty_label);
  gtk_widget_class_bind_template_child (widget_class, AmAnnotationSidebar, count_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "annotationsidebar");
}

static void
am_annotation_sidebar_init (AmAnnotationSidebar *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;

  self->label_ids = g_ptr_array_new_with_free_func (g_free);
  self->bound_rows = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_swapped (self->selection, "selection-changed",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->filter_model, "items-changed",
                            G_CALLBACK (filter_items_changed_cb), self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  load_labels (self);
  update_status (self);
}

/**
 * am_annotation_sidebar_new:
 *
 * Returns: (transfer floating): a new, empty annotation list
 */
GtkWidget *
am_annotation_sidebar_new (void)
{
  return g_object_new (AM_TYPE_ANNOTATION_SIDEBAR, NULL);
}

AmDocument *
am_annotation_sidebar_get_document (AmAnnotationSidebar *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION_SIDEBAR (self), NULL);

  return self->document;
}

void
am_annotation_sidebar_set_document (AmAnnotationSidebar *self,
                                    AmDocument          *document)
{
  g_return_if_fail (AM_IS_ANNOTATION_SIDEBAR (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  set_selected (self, NULL);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "link-added",
                               G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "link-removed",
                               G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (annotation_removed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
    }

  g_clear_pointer (&self->needle, g_free);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  load_labels (self);
  gtk_filter_list_model_set_model (self->filter_model,
                                   document != NULL ? am_document_get_annotations (document) : NULL);
  update_status (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

AmAnnotation *
am_annotation_sidebar_get_selected_annotation (AmAnnotationSidebar *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION_SIDEBAR (self), NULL);

  return self->selected;
}

/**
 * am_annotation_sidebar_set_selected_annotation:
 * @annotation: (nullable): an annotation of the document
 *
 * Selects the row of @annotation and scrolls the list to it. An
 * annotation the filter hides stays selected, with no row selected.
 */
void
am_annotation_sidebar_set_selected_annotation (AmAnnotationSidebar *self,
                                               AmAnnotation        *annotation)
{
  g_return_if_fail (AM_IS_ANNOTATION_SIDEBAR (self));
  g_return_if_fail (annotation == NULL || AM_IS_ANNOTATION (annotation));

  if (self->selected == annotation)
    return;

  g_set_object (&self->selected, annotation);
  sync_selection (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

void
am_annotation_sidebar_focus_search (AmAnnotationSidebar *self)
{
  g_return_if_fail (AM_IS_ANNOTATION_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
