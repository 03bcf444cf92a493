/* am-corpus-sidebar.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-corpus-sidebar"

#include "config.h"

#include <glib/gi18n.h>

#include "am-corpus-sidebar.h"

struct _AmCorpusSidebar
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkLabel           *folder_label;
  GtkProgressBar     *progress_bar;
  GtkLabel           *totals_label;
  GtkListView        *list_view;

  AmCorpus           *corpus;
  AmCorpusItem       *current;
  GtkSingleSelection *selection;
  char               *progress_text;

  guint               syncing : 1;
};

G_DEFINE_FINAL_TYPE (AmCorpusSidebar, am_corpus_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CORPUS,
  PROP_CURRENT,
  N_PROPS
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Rows ----------------------------------------------------------------- */

/* A row is a GtkBox whose children are found by name; the item it shows is
 * followed through notify while the row is bound. */
typedef struct
{
  GtkLabel *title;
  GtkLabel *status;
  GtkLabel *details;
  GtkImage *problem;
} Row;

static const char *
status_text (AmDocumentStatus status)
{
  switch (status)
    {
    case AM_DOCUMENT_STATUS_NEW:
      return _("New");
    case AM_DOCUMENT_STATUS_IN_PROGRESS:
      return _("In progress");
    case AM_DOCUMENT_STATUS_DONE:
      return _("Done");
    default:
      g_assert_not_reached ();
    }
}

static void
update_row (GtkListItem *list_item)
{
  Row *row = g_object_get_data (G_OBJECT (list_item), "am-row");
  AmCorpusItem *item = gtk_list_item_get_item (list_item);
  const char *problem;
  g_autofree char *details = NULL;
  g_autofree char *tooltip = NULL;
  AmDocumentStatus status;
  guint n;

  if (row == NULL || item == NULL)
    return;

  status = am_corpus_item_get_status (item);
  n = am_corpus_item_get_n_annotations (item);
  problem = am_corpus_item_get_problem (item);

  gtk_label_set_text (row->title, am_corpus_item_get_title (item));
  gtk_label_set_text (row->status, am_corpus_item_get_summarized (item) ? status_text (status) : "…");
  gtk_widget_remove_css_class (GTK_WIDGET (row->status), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (row->status), "accent");
  if (am_corpus_item_get_summarized (item) && status == AM_DOCUMENT_STATUS_DONE)
    gtk_widget_add_css_class (GTK_WIDGET (row->status), "success");
  else if (am_corpus_item_get_summarized (item) && status == AM_DOCUMENT_STATUS_IN_PROGRESS)
    gtk_widget_add_css_class (GTK_WIDGET (row->status), "accent");

  details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation · %s",
                                          "%u annotations · %s", n),
                             n, am_corpus_item_get_name (item));
  gtk_label_set_text (row->details, details);

  gtk_widget_set_visible (GTK_WIDGET (row->problem), problem != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->problem), problem);

  tooltip = g_strdup_printf ("%s\n%s", am_corpus_item_get_title (item), details);
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (list_item), tooltip);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  Row *row = g_new0 (Row, 1);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);

  row->title = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->title, 0);
  gtk_label_set_ellipsize (row->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (row->title, TRUE);

  row->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (row->status), "caption-heading");

  row->details = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->details, 0);
  gtk_label_set_ellipsize (row->details, PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (GTK_WIDGET (row->details), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (row->details), "dim-label");

  row->problem = GTK_IMAGE (gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
  gtk_widget_add_css_class (GTK_WIDGET (row->problem), "warning");
  gtk_widget_set_visible (GTK_WIDGET (row->problem), FALSE);
  gtk_widget_set_valign (GTK_WIDGET (row->problem), GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->status));
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (row->details));
  gtk_box_append (GTK_BOX (text), GTK_WIDGET (row->title));
  gtk_box_append (GTK_BOX (text), line);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (row->problem));

  g_object_set_data_full (G_OBJECT (list_item), "am-row", row, g_free);
  gtk_list_item_set_child (list_item, box);
}

static void
item_notify_cb (AmCorpusItem *item,
                GParamSpec   *pspec,
                GtkListItem  *list_item)
{
  update_row (list_item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  AmCorpusItem *item = gtk_list_item_get_item (list_item);

  g_signal_connect_object (item, "notify", G_CALLBACK (item_notify_cb), list_item, 0);
  update_row (list_item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  AmCorpusItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_notify_cb, list_item);
}

/* Header --------------------------------------------------------------- */

static void
update_totals (AmCorpusSidebar *self)
{
  g_autofree char *totals = NULL;
  guint n_items, n_done;

  if (self->corpus == NULL)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->corpus));
  n_done = am_corpus_get_n_done (self->corpus);

  g_free (self->progress_text);
  self->progress_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u document done",
                                                      "%u of %u documents done", n_items),
                                         n_done, n_items);
  gtk_progress_bar_set_text (self->progress_bar, self->progress_text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_items > 0 ? (double)n_done / n_items : 0);

  if (am_corpus_get_loading (self->corpus))
    totals = g_strdup_printf (_("Reading the documents… %u of %u"),
                              am_corpus_get_n_summarized (self->corpus), n_items);
  else
    {
      guint n_annotations = am_corpus_get_n_annotations (self->corpus);
      g_autofree char *annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "%u annotation",
                                                                   "%u annotations",
                                                                   n_annotations),
                                                      n_annotations);

      /* TRANSLATORS: the last %s is "N annotations" */
      totals = g_strdup_printf (_("%u new · %u in progress · %u done · %s"),
                                am_corpus_get_n_new (self->corpus),
                                am_corpus_get_n_in_progress (self->corpus), n_done, annotations);
    }
  if (am_corpus_get_n_problems (self->corpus) > 0)
    {
      g_autofree char *problems =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document cannot be read",
                                      "%u documents cannot be read",
                                      am_corpus_get_n_problems (self->corpus)),
                         am_corpus_get_n_problems (self->corpus));
      char *joined = g_strconcat (totals, " · ", problems, NULL);

      g_free (totals);
      totals = joined;
    }
  gtk_label_set_text (self->totals_label, totals);
}

static void
corpus_notify_cb (AmCorpusSidebar *self)
{
  update_totals (self);
}

/* Selection ------------------------------------------------------------ */

static void
select_current (AmCorpusSidebar *self)
{
  guint position;

  if (self->selection == NULL)
    return;

  self->syncing = TRUE;
  if (self->current != NULL && am_corpus_find_item (self->corpus, self->current, &position))
    {
      gtk_single_selection_set_selected (self->selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                                  position);
    }
  else
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->syncing = FALSE;
}

static void
items_changed_cb (AmCorpusSidebar *self)
{
  /* A reload may have moved the current document. */
  select_current (self);
  update_totals (self);
}

static void
choose (AmCorpusSidebar *self,
        guint            position)
{
  g_autoptr(AmCorpusItem) item = NULL;

  if (self->corpus == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->corpus), position);
  if (item == NULL || item == self->current)
    return;

  g_signal_emit (self, signals[ITEM_ACTIVATED], 0, item);
  /* If the window did not move (a failed save), the row of the document
   * it shows is selected again. */
  select_current (self);
}

static void
list_activate_cb (AmCorpusSidebar *self,
                  guint            position)
{
  choose (self, position);
}

/* A click or the arrow keys select a row: that opens it, as in a file
 * manager's sidebar. */
static void
selected_cb (AmCorpusSidebar *self)
{
  guint position;

  if (self->syncing)
    return;
  position = gtk_single_selection_get_selected (self->selection);
  if (position != GTK_INVALID_LIST_POSITION)
    choose (self, position);
}

/* Class ---------------------------------------------------------------- */

static void
am_corpus_sidebar_dispose (GObject *object)
{
  AmCorpusSidebar *self = AM_CORPUS_SIDEBAR (object);

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  g_clear_object (&self->corpus);
  g_clear_object (&self->current);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_CORPUS_SIDEBAR);

  G_OBJECT_CLASS (am_corpus_sidebar_parent_class)->dispose (object);
}

static void
am_corpus_sidebar_finalize (GObject *object)
{
  AmCorpusSidebar *self = AM_CORPUS_SIDEBAR (object);

  g_clear_pointer (&self->progress_text, g_free);

  G_OBJECT_CLASS (am_corpus_sidebar_parent_class)->finalize (object);
}

static void
am_corpus_sidebar_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AmCorpusSidebar *self = AM_CORPUS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      g_value_set_object (value, self->corpus);
      break;

    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_corpus_sidebar_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AmCorpusSidebar *self = AM_CORPUS_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_CORPUS:
      am_corpus_sidebar_set_corpus (self, g_value_get_object (value));
      break;

    case PROP_CURRENT:
      am_corpus_sidebar_set_current (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_corpus_sidebar_class_init (AmCorpusSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = am_corpus_sidebar_dispose;
  object_class->finalize = am_corpus_sidebar_finalize;
  object_class->get_property = am_corpus_sidebar_get_property;
  object_class->set_property = am_corpus_sidebar_set_property;

  properties[PROP_CORPUS] = g_param_spec_object ("corpus", NULL, NULL, AM_TYPE_CORPUS, rw);
  properties[PROP_CURRENT] = g_param_spec_object ("current", NULL, NULL, AM_TYPE_CORPUS_ITEM, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmCorpusSidebar::item-activated:
   * @item: the document chosen in the list
   */
  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_CORPUS_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/argumark/Argumark/ui/am-corpus-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AmCorpusSidebar, box);
  gtk_widget_class_bind_template_child (widget_class, AmCorpusSidebar, folder_label);
  gtk_widget_class_bind_template_child (widget_class, AmCorpusSidebar, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmCorpusSidebar, totals_label);
  gtk_widget_class_bind_template_child (widget_class, AmCorpusSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "corpussidebar");
}

static void
am_corpus_sidebar_init (AmCorpusSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
am_corpus_sidebar_new (void)
{
  return g_object_new (AM_TYPE_CORPUS_SIDEBAR, NULL);
}

/**
 * am_corpus_sidebar_get_corpus:
 *
 * Returns: (transfer none) (nullable): the corpus shown
 */
AmCorpus *
am_corpus_sidebar_get_corpus (AmCorpusSidebar *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_SIDEBAR (self), NULL);
  return self->corpus;
}

void
am_corpus_sidebar_set_corpus (AmCorpusSidebar *self,
                              AmCorpus        *corpus)
{
  g_return_if_fail (AM_IS_CORPUS_SIDEBAR (self));
  g_return_if_fail (corpus == NULL || AM_IS_CORPUS (corpus));

  if (self->corpus == corpus)
    return;

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->current);
  g_set_object (&self->corpus, corpus);

  if (corpus != NULL)
    {
      g_autofree char *folder = g_file_get_basename (am_corpus_get_folder (corpus));
      g_autofree char *path = g_file_get_parse_name (am_corpus_get_folder (corpus));

      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (corpus)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb),
                               self, G_CONNECT_SWAPPED);

      gtk_label_set_text (self->folder_label, folder);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), path);

      g_signal_connect_object (corpus, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (corpus, "notify", G_CALLBACK (corpus_notify_cb), self,
                               G_CONNECT_SWAPPED);
      update_totals (self);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CORPUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
}

/**
 * am_corpus_sidebar_get_current:
 *
 * Returns: (transfer none) (nullable): the document marked as shown
 */
AmCorpusItem *
am_corpus_sidebar_get_current (AmCorpusSidebar *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_SIDEBAR (self), NULL);
  return self->current;
}

void
am_corpus_sidebar_set_current (AmCorpusSidebar *self,
                               AmCorpusItem    *item)
{
  g_return_if_fail (AM_IS_CORPUS_SIDEBAR (self));
  g_return_if_fail (item == NULL || AM_IS_CORPUS_ITEM (item));

  if (g_set_object (&self->current, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);
  select_current (self);
}

const char *
am_corpus_sidebar_get_progress_text (AmCorpusSidebar *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_SIDEBAR (self), NULL);
  return self->progress_text != NULL ? self->progress_text : "";
}
