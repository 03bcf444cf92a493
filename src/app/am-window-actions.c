/* am-window-actions.c: the edits of the document, as actions
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-window-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "am-application.h"
#include "am-export-dialog.h"
#include "am-import-dialog.h"
#include "am-preferences-window.h"
#include "am-review-window.h"
#include "am-segmenter.h"
#include "am-window-private.h"

#define MAX_LINK_TARGETS 30
#define WORD_CONTEXT     256

static AmAnnotation *
selected (AmWindow *self)
{
  return am_article_view_get_selected_annotation (self->article_view);
}

static void
select_annotation (AmWindow     *self,
                   AmAnnotation *annotation)
{
  am_article_view_set_selected_annotation (self->article_view, annotation);
  if (annotation != NULL)
    am_article_view_scroll_to_annotation (self->article_view, annotation);
}

static void
show_edit_error (AmWindow     *self,
                 const GError *error)
{
  am_window_show_message (self, error->message);
}

/* "c, x or a", from the document's schema, for messages that teach the keys. */
static char *
describe_label_keys (AmWindow *self)
{
  GListModel *labels = am_label_schema_get_labels (am_document_get_schema (self->document));
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (labels);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);
      const char *key = am_label_get_key (label);

      if (key != NULL && key[0] != '\0')
        g_ptr_array_add (keys, (gpointer) key);
    }

  if (keys->len == 0)
    return g_strdup (_("a label button"));
  if (keys->len == 1)
    return g_strdup (g_ptr_array_index (keys, 0));

  {
    g_autoptr(GString) str = g_string_new (NULL);

    for (i = 0; i + 1 < keys->len; i++)
      {
        if (i > 0)
          g_string_append (str, ", ");
        g_string_append (str, g_ptr_array_index (keys, i));
      }

    /* Translators: the last of a list of keys, as in “c, x or a” */
    return g_strdup_printf (_("%s or %s"), str->str, (char *) g_ptr_array_index (keys, keys->len - 1));
  }
}

/* The annotation that already tags [@start, @end) with @label, if any. */
static AmAnnotation *
find_same_tag (AmWindow   *self,
               const char *label,
               guint       start,
               guint       end)
{
  g_autoptr(GPtrArray) here = am_document_list_annotations_at (self->document, start);
  guint i;

  for (i = 0; here != NULL && i < here->len; i++)
    {
      AmAnnotation *annotation = g_ptr_array_index (here, i);

      if (am_annotation_get_start (annotation) == start &&
          am_annotation_get_end (annotation) == end &&
          g_str_equal (am_annotation_get_label (annotation), label))
        return annotation;
    }

  return NULL;
}

static void
tag_range (AmWindow   *self,
           const char *label,
           guint       start,
           guint       end)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator-name");
  g_autoptr(GError) error = NULL;
  AmAnnotation *annotation;
  gboolean set_name;

  if (!am_document_check_span (self->document, start, end, &error))
    {
      show_edit_error (self, error);
      return;
    }

  if ((annotation = find_same_tag (self, label, start, end)) != NULL)
    {
      select_annotation (self, annotation);
      am_window_show_message (self, _("This span already has that label"));
      return;
    }

  g_strstrip (name);
  set_name = name[0] != '\0' &&
             g_strcmp0 (am_document_get_annotator (self->document), name) != 0;

  /* One undo step: the annotator's name, and the news that the work has
   * begun, come with the first tag.
   */
  am_document_begin_group (self->document);
  if (set_name)
    am_document_set_annotator (self->document, name);
  if (am_document_get_status (self->document) == AM_DOCUMENT_STATUS_NEW)
    am_document_set_status (self->document, AM_DOCUMENT_STATUS_IN_PROGRESS);
  annotation = am_document_add_annotation (self->document, label, start, end, &error);
  am_document_end_group (self->document);

  if (annotation == NULL)
    {
      show_edit_error (self, error);
      return;
    }

  select_annotation (self, annotation);
}

static void
name_dialog_response_cb (AmWindow  *self,
                         int        response,
                         GtkDialog *dialog)
{
  g_autofree char *label = g_steal_pointer (&self->pending_label);
  GtkWidget *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

      g_strstrip (name);
      g_settings_set_string (self->settings, "annotator-name", name);
    }

  self->name_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Skip tags without a name and stops asking; closing the dialog does neither. */
  if (response != GTK_RESPONSE_ACCEPT && response != GTK_RESPONSE_CANCEL)
    return;

  self->asked_name = TRUE;

  if (label != NULL && self->document != NULL)
    tag_range (self, label, self->pending_start, self->pending_end);
}

static void
name_entry_changed_cb (GtkEditable *entry,
                       GtkDialog   *dialog)
{
  g_autofree char *name = g_strdup (gtk_editable_get_text (entry));

  g_strstrip (name);
  gtk_dialog_set_response_sensitive (dialog, GTK_RESPONSE_ACCEPT, name[0] != '\0');
}

/* Asked once, at the first tag, because every annotation records its author. */
static void
ask_annotator_name (AmWindow *self)
{
  GtkWidget *dialog;
  GtkWidget *content;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *entry;

  dialog = gtk_dialog_new_with_buttons (_("Your Name"), GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                        GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Skip"), GTK_RESPONSE_CANCEL,
                                        _("_Continue"), GTK_RESPONSE_ACCEPT,
                                        NULL);
  gtk_window_set_resizable (GTK_WINDOW (dialog), FALSE);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT, FALSE);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_ACCEPT),
                            "suggested-action");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  label = gtk_label_new (_("Argumark records who made each annotation, so that colleagues "
                           "can compare their work. Your name is kept in the preferences."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 44);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Name or initials"));
  gtk_box_append (GTK_BOX (box), entry);

  content = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  gtk_box_append (GTK_BOX (content), box);

  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect (entry, "changed", G_CALLBACK (name_entry_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  self->name_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
doc_tag_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  const char *label = g_variant_get_string (parameter, NULL);
  g_autofree char *name = NULL;
  guint start;
  guint end;

  if (self->document == NULL || self->name_dialog != NULL)
    return;

  if (am_label_schema_lookup_label (am_document_get_schema (self->document), label) == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s is a label id */
      message = g_strdup_printf (_("This document has no label “%s”"), label);
      am_window_show_message (self, message);
      return;
    }

  if (!am_article_view_get_selection (self->article_view, &start, &end))
    {
      g_autofree char *keys = describe_label_keys (self);
      g_autofree char *message = NULL;

      /* Translators: %s is a list of keys, as in “c, x or a” */
      message = g_strdup_printf (_("Select some text first, then press %s"), keys);
      am_window_show_message (self, message);
      return;
    }

  name = g_settings_get_string (self->settings, "annotator-name");
  g_strstrip (name);
  if (name[0] == '\0' && !self->asked_name)
    {
      g_free (self->pending_label);
      self->pending_label = g_strdup (label);
      self->pending_start = start;
      self->pending_end = end;
      ask_annotator_name (self);
      return;
    }

  tag_range (self, label, start, end);
}

static void
doc_relabel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmAnnotation *annotation = selected (self);
  g_autoptr(GError) error = NULL;

  if (annotation == NULL)
    return;

  if (!am_document_relabel (self->document, am_annotation_get_id (annotation),
                            g_variant_get_string (parameter, NULL), &error))
    show_edit_error (self, error);
}

static void
doc_delete_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  g_autoptr(AmAnnotation) annotation = NULL;
  g_autoptr(AmAnnotation) next = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *annotations;
  guint position;

  if (selected (self) == NULL)
    return;

  annotation = g_object_ref (selected (self));
  annotations = am_document_get_annotations (self->document);
  if (!am_document_find_annotation (self->document, annotation, &position))
    return;

  if (!am_document_remove_annotation (self->document, am_annotation_get_id (annotation), &error))
    {
      show_edit_error (self, error);
      return;
    }

  /* Selecting the one that took its place lets a run of Delete clean up a list. */
  if (g_list_model_get_n_items (annotations) > 0)
    {
      position = MIN (position, g_list_model_get_n_items (annotations) - 1);
      next = g_list_model_get_item (annotations, position);
    }
  am_article_view_set_selected_annotation (self->article_view, next);
}

static void
doc_undo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (self->document != NULL && !am_document_undo (self->document))
    am_window_show_message (self, _("Nothing to undo"));
}

static void
doc_redo_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (self->document != NULL && !am_document_redo (self->document))
    am_window_show_message (self, _("Nothing to redo"));
}

static void
note_dialog_response_cb (AmWindow  *self,
                         int        response,
                         GtkDialog *dialog)
{
  AmAnnotation *annotation = g_object_get_data (G_OBJECT (dialog), "annotation");
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL &&
      am_document_find_annotation (self->document, annotation, NULL))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *note = NULL;
      GtkTextIter start;
      GtkTextIter end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      note = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_strstrip (note);
      if (g_strcmp0 (note, am_annotation_get_note (annotation) != NULL
                           ? am_annotation_get_note (annotation) : "") != 0 &&
          !am_document_set_note (self->document, am_annotation_get_id (annotation),
                                 note[0] != '\0' ? note : NULL, &error))
        show_edit_error (self, error);
    }

  self->note_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
save_note_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  gtk_dialog_response (GTK_DIALOG (user_data), GTK_RESPONSE_ACCEPT);
  return TRUE;
}

static void
doc_edit_note_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmAnnotation *annotation = selected (self);
  const char *note;
  g_autofree char *quote = NULL;
  g_autofree char *title = NULL;
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *label;
  GtkWidget *scrolled;
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkEventController *controller;

  if (annotation == NULL || self->note_dialog != NULL)
    return;

  dialog = gtk_dialog_new_with_buttons (_("Note"), GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT |
                                        GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        _("_Save"), GTK_RESPONSE_ACCEPT,
                                        NULL);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, 260);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_ACCEPT),
                            "suggested-action");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  quote = g_strdup (am_annotation_get_quote (annotation));
  /* Translators: %s is the annotated text */
  title = g_strdup_printf (_("“%s”"), quote);
  label = gtk_label_new (title);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  note = am_annotation_get_note (annotation);
  gtk_text_buffer_set_text (buffer, note != NULL ? note : "", -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), box);

  /* Enter makes new lines in the note, so Ctrl+Enter saves it. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                                            gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
                                                          gtk_callback_action_new (save_note_cb, dialog, NULL)));
  gtk_widget_add_controller (dialog, controller);
  gtk_widget_set_tooltip_text (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                   GTK_RESPONSE_ACCEPT),
                               _("Save the note (Ctrl+Enter)"));

  g_object_set_data_full (G_OBJECT (dialog), "annotation",
                          g_object_ref (annotation), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "buffer", buffer);
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  self->note_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

/* The relation that links @from to @to, or NULL if the schema has none. */
static AmRelationType *
find_relation (AmWindow     *self,
               AmAnnotation *from,
               AmAnnotation *to)
{
  GListModel *relations = am_label_schema_get_relations (am_document_get_schema (self->document));
  guint n = g_list_model_get_n_items (relations);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmRelationType) relation = g_list_model_get_item (relations, i);

      if (am_relation_type_allows (relation, am_annotation_get_label (from),
                                   am_annotation_get_label (to)))
        return relation;
    }

  return NULL;
}

static gboolean
can_link_from (AmWindow     *self,
               AmAnnotation *from)
{
  GListModel *relations = am_label_schema_get_relations (am_document_get_schema (self->document));
  guint n = g_list_model_get_n_items (relations);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmRelationType) relation = g_list_model_get_item (relations, i);

      if (am_relation_type_allows_from (relation, am_annotation_get_label (from)))
        return TRUE;
    }

  return FALSE;
}

static void
link_to (AmWindow     *self,
         AmAnnotation *to)
{
  g_autoptr(AmAnnotation) from = g_steal_pointer (&self->link_source);
  g_autoptr(GError) error = NULL;
  AmRelationType *relation;
  AmLabel *label;
  g_autofree char *message = NULL;

  gtk_popover_popdown (GTK_POPOVER (self->link_popover));

  relation = find_relation (self, from, to);
  if (relation == NULL)
    {
      label = am_label_schema_lookup_label (am_document_get_schema (self->document),
                                            am_annotation_get_label (to));
      /* Translators: %s is a label, such as “Attribution” */
      message = g_strdup_printf (_("Cannot link to an annotation labeled %s"),
                                 label != NULL ? am_label_get_name (label)
                                               : am_annotation_get_label (to));
      am_window_show_message (self, message);
      return;
    }

  if (am_document_link (self->document, am_relation_type_get_id (relation),
                        am_annotation_get_id (from), am_annotation_get_id (to), &error) == NULL)
    {
      show_edit_error (self, error);
      return;
    }

  /* Translators: %s is a relation, such as “Source” */
  message = g_strdup_printf (_("Linked: %s"), am_relation_type_get_name (relation));
  am_window_show_message (self, message);
  _am_window_update_actions (self);
}

void
_am_window_cancel_link (AmWindow *self)
{
  g_clear_object (&self->link_source);
  if (self->link_popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->link_popover));
}

static void
link_row_activated_cb (AmWindow      *self,
                       GtkListBoxRow *row)
{
  AmAnnotation *to = g_object_get_data (G_OBJECT (row), "annotation");

  if (self->link_source != NULL && self->document != NULL)
    link_to (self, to);
}

static GtkWidget *
make_link_row (AmWindow     *self,
               AmAnnotation *annotation,
               gboolean      linked)
{
  AmLabel *label = am_label_schema_lookup_label (am_document_get_schema (self->document),
                                                 am_annotation_get_label (annotation));
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *quote;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  name = gtk_label_new (label != NULL ? am_label_get_name (label) : am_annotation_get_label (annotation));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_add_css_class (name, "caption-heading");
  gtk_box_append (GTK_BOX (box), name);
  quote = gtk_label_new (am_annotation_get_quote (annotation));
  gtk_label_set_xalign (GTK_LABEL (quote), 0);
  gtk_label_set_ellipsize (GTK_LABEL (quote), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (quote), 2);
  gtk_label_set_wrap (GTK_LABEL (quote), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (quote), 40);
  gtk_box_append (GTK_BOX (box), quote);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "annotation", g_object_ref (annotation), g_object_unref);
  if (linked)
    {
      gtk_widget_set_sensitive (row, FALSE);
      gtk_widget_set_tooltip_text (row, _("Already linked"));
    }

  return row;
}

/* The ids of the annotations @from already links to. */
static GHashTable *
linked_targets (AmWindow     *self,
                AmAnnotation *from)
{
  g_autoptr(GPtrArray) links = am_document_list_links_for (self->document,
                                                           am_annotation_get_id (from));
  GHashTable *targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < links->len; i++)
    {
      AmLink *link = g_ptr_array_index (links, i);

      if (g_str_equal (am_link_get_from (link), am_annotation_get_id (from)))
        g_hash_table_add (targets, g_strdup (am_link_get_to (link)));
    }

  return targets;
}

static guint
distance (AmAnnotation *a,
          AmAnnotation *b)
{
  guint sa = am_annotation_get_start (a);
  guint sb = am_annotation_get_start (b);

  return sa > sb ? sa - sb : sb - sa;
}

static int
compare_by_distance (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  AmAnnotation *from = user_data;
  guint da = distance (*(AmAnnotation **) a, from);
  guint db = distance (*(AmAnnotation **) b, from);

  return da < db ? -1 : da > db;
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_TEXT_VIEW (widget))
    return widget;

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Points the link list at the end of @annotation in the article, where the
 * eye already is; at the top of the article if that is out of sight.
 */
static void
point_link_popover (AmWindow     *self,
                    AmAnnotation *annotation)
{
  GtkWidget *view = GTK_WIDGET (self->article_view);
  GtkWidget *text_view = find_text_view (view);
  GdkRectangle rect = { gtk_widget_get_width (view) / 2, 0, 1, 1 };

  if (text_view != NULL)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
      GdkRectangle location;
      GtkTextIter iter;
      double x;
      double y;
      int wx;
      int wy;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, am_annotation_get_end (annotation));
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (text_view), &iter, &location);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (text_view), GTK_TEXT_WINDOW_WIDGET,
                                             location.x, location.y + location.height, &wx, &wy);
      if (gtk_widget_translate_coordinates (text_view, view, wx, wy, &x, &y) &&
          x >= 0 && y >= 0 && x < gtk_widget_get_width (view) && y < gtk_widget_get_height (view))
        rect = (GdkRectangle) { (int) x, (int) y, 1, 1 };
    }

  gtk_popover_set_pointing_to (GTK_POPOVER (self->link_popover), &rect);
}

static void
doc_link_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmAnnotation *from = selected (self);
  GListModel *annotations;
  GtkWidget *child;
  AmLabel *label;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) linked = NULL;
  guint n;
  guint i;

  if (from == NULL || !can_link_from (self, from))
    return;

  g_set_object (&self->link_source, from);

  while ((child = gtk_widget_get_first_child (self->link_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->link_list), child);

  annotations = am_document_get_annotations (self->document);
  n = g_list_model_get_n_items (annotations);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) to = g_list_model_get_item (annotations, i);

      if (to != from && find_relation (self, from, to) != NULL)
        g_ptr_array_add (targets, g_steal_pointer (&to));
    }

  /* What an attribution sources is nearly always close by: the nearest
   * come first, and a long article does not list thousands.
   */
  g_ptr_array_sort_with_data (targets, compare_by_distance, from);
  linked = linked_targets (self, from);
  for (i = 0; i < targets->len && i < MAX_LINK_TARGETS; i++)
    {
      AmAnnotation *to = g_ptr_array_index (targets, i);

      gtk_list_box_append (GTK_LIST_BOX (self->link_list),
                           make_link_row (self, to,
                                          g_hash_table_contains (linked, am_annotation_get_id (to))));
    }

  label = am_label_schema_lookup_label (am_document_get_schema (self->document),
                                        am_annotation_get_label (from));
  /* Translators: %s is a label, such as “Attribution” */
  title = g_strdup_printf (_("Link this %s to"), label != NULL ? am_label_get_name (label)
                                                                : am_annotation_get_label (from));
  gtk_label_set_text (GTK_LABEL (self->link_title), title);

  if (targets->len == 0)
    {
      am_window_show_message (self, _("Tag the span to link to first, then link to it"));
      g_clear_object (&self->link_source);
      return;
    }

  am_window_show_message (self, _("Choose the span to link to, or click it in the article"));
  point_link_popover (self, from);
  gtk_popover_popup (GTK_POPOVER (self->link_popover));
  gtk_widget_grab_focus (self->link_list);
}

static void
doc_unlink_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmAnnotation *annotation = selected (self);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *message = NULL;
  guint i;

  if (annotation == NULL)
    return;

  links = am_document_list_links_for (self->document, am_annotation_get_id (annotation));
  if (links->len == 0)
    return;

  am_document_begin_group (self->document);
  for (i = 0; i < links->len; i++)
    am_document_unlink (self->document, am_link_get_id (g_ptr_array_index (links, i)), NULL);
  am_document_end_group (self->document);

  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Removed %u link", "Removed %u links",
                                          links->len),
                             links->len);
  am_window_show_message (self, message);
}

static void
doc_go_to_annotation_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmAnnotation *annotation = selected (self);

  if (annotation == NULL)
    return;

  am_article_view_scroll_to_annotation (self->article_view, annotation);
  gtk_widget_grab_focus (GTK_WIDGET (self->article_view));
}

static void
step_annotation (AmWindow *self,
                 int       step)
{
  GListModel *annotations;
  g_autoptr(AmAnnotation) next = NULL;
  guint n;
  guint position;

  if (self->document == NULL)
    return;

  annotations = am_document_get_annotations (self->document);
  n = g_list_model_get_n_items (annotations);
  if (n == 0)
    {
      am_window_show_message (self, _("This document has no annotations yet"));
      return;
    }

  if (selected (self) == NULL ||
      !am_document_find_annotation (self->document, selected (self), &position))
    position = step > 0 ? 0 : n - 1;
  else if (step > 0)
    position = position + 1 < n ? position + 1 : position;
  else
    position = position > 0 ? position - 1 : 0;

  next = g_list_model_get_item (annotations, position);
  select_annotation (self, next);
}

static void
doc_next_annotation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  step_annotation (AM_WINDOW (widget), 1);
}

static void
doc_prev_annotation_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  step_annotation (AM_WINDOW (widget), -1);
}

/* Where a boundary at @offset lands after a step of a word: word starts for
 * the start of a span, word ends for its end, so a span always holds whole
 * words. Only the text around @offset is segmented, so that a step costs
 * the same in a long article as in a short one.
 */
static guint
step_by_word (AmWindow *self,
              guint     offset,
              gboolean  is_end,
              int       direction)
{
  AmText *text = am_document_get_text (self->document);
  guint length = am_text_get_length (text);
  guint lo = offset > WORD_CONTEXT ? offset - WORD_CONTEXT : 0;
  guint hi = MIN (length, offset + WORD_CONTEXT);
  g_autofree char *excerpt = am_text_substring (text, lo, hi);
  g_autoptr(AmText) local = am_text_new (excerpt, -1);
  g_autoptr(GArray) words = NULL;
  guint result = offset;
  guint i;

  words = am_segment_words (local, am_document_get_meta (self->document, "language"), NULL);
  if (words == NULL)
    return offset;

  for (i = 0; i < words->len; i++)
    {
      const AmSpan *word = &g_array_index (words, AmSpan, i);
      guint edge;

      /* A word cut by the edge of the excerpt has a false boundary there. */
      if ((word->start == 0 && lo > 0) || (word->end == hi - lo && hi < length))
        continue;

      edge = lo + (is_end ? word->end : word->start);
      if (direction < 0 && edge < offset)
        result = edge;
      else if (direction > 0 && edge > offset)
        return edge;
    }

  return direction > 0 ? offset : result;
}

static void
move_boundary (AmWindow *self,
               gboolean  is_end,
               int       step)
{
  AmAnnotation *annotation = selected (self);
  g_autoptr(GError) error = NULL;
  guint start;
  guint end;
  guint length;
  int direction = step < 0 ? -1 : 1;

  if (annotation == NULL || step == 0)
    return;

  start = am_annotation_get_start (annotation);
  end = am_annotation_get_end (annotation);
  length = am_document_get_length (self->document);

  if (ABS (step) == AM_WINDOW_STEP_WORD)
    {
      if (is_end)
        end = step_by_word (self, end, TRUE, direction);
      else
        start = step_by_word (self, start, FALSE, direction);
    }
  else if (is_end)
    {
      end = direction < 0 ? (end > 0 ? end - 1 : 0) : MIN (end + 1, length);
    }
  else
    {
      start = direction < 0 ? (start > 0 ? start - 1 : 0) : MIN (start + 1, length);
    }

  if (start == am_annotation_get_start (annotation) && end == am_annotation_get_end (annotation))
    return;

  if (start >= end)
    {
      am_window_show_message (self, _("An annotation needs at least one character"));
      return;
    }

  if (!am_document_set_span (self->document, am_annotation_get_id (annotation), start, end, &error))
    show_edit_error (self, error);
}

static void
doc_move_start_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_boundary (AM_WINDOW (widget), FALSE, g_variant_get_int32 (parameter));
}

static void
doc_move_end_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_boundary (AM_WINDOW (widget), TRUE, g_variant_get_int32 (parameter));
}

static void
doc_select_none_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  _am_window_cancel_link (self);
  am_article_view_set_selected_annotation (self->article_view, NULL);
}

static void
win_show_preferences_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  GtkWidget *preferences = am_preferences_window_new (GTK_WINDOW (self));

  gtk_window_present (GTK_WINDOW (preferences));
}

static void
win_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  GFile *mine_file = self->file;

  /* An article not yet saved as a document still says where the gold goes. */
  if (mine_file == NULL && self->origin != NULL && g_file_is_native (self->origin))
    mine_file = self->origin;
  if (self->document != NULL)
    am_review_window_choose (GTK_WINDOW (self), self->document, mine_file);
}

static void
win_export_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  AmExportDialog *dialog;

  if (self->document == NULL)
    return;

  dialog = am_export_dialog_new (GTK_WINDOW (self), self->document,
                                 self->file != NULL ? self->file : self->origin, self->corpus);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
win_import_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (am_import_dialog_new (GTK_WINDOW (self))));
}

static void
win_find_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (self->document == NULL)
    return;

  g_object_set (self, "show-sidebar", TRUE, NULL);
  am_annotation_sidebar_focus_search (self->sidebar);
}

void
_am_window_selection_changed (AmWindow *self)
{
  AmAnnotation *annotation = selected (self);

  /* The next span clicked while a link waits for its target completes it. */
  if (self->link_source != NULL && annotation != NULL && annotation != self->link_source)
    link_to (self, annotation);

  _am_window_update_actions (self);
}

void
_am_window_update_actions (AmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean has_doc = self->document != NULL;
  AmAnnotation *annotation = has_doc ? selected (self) : NULL;
  gboolean has_selected = annotation != NULL;
  gboolean has_links = FALSE;
  gboolean draft_pending = gtk_info_bar_get_revealed (GTK_INFO_BAR (self->draft_bar));
  /* Until the user answers whether to restore a draft, edits would be lost
   * to Restore, or would bury the draft: the document waits.
   */
  gboolean editable = has_doc && !draft_pending;

  if (has_selected)
    {
      g_autoptr(GPtrArray) links = am_document_list_links_for (self->document,
                                                               am_annotation_get_id (annotation));
      has_links = links->len > 0;
    }

  gtk_widget_action_set_enabled (widget, "win.export", has_doc);
  gtk_widget_action_set_enabled (widget, "win.review", has_doc);
  gtk_widget_action_set_enabled (widget, "win.restore-draft", draft_pending);
  gtk_widget_action_set_enabled (widget, "win.discard-draft", draft_pending);
  gtk_widget_action_set_enabled (widget, "win.save", has_doc);
  gtk_widget_action_set_enabled (widget, "win.save-as", has_doc);
  gtk_widget_action_set_enabled (widget, "win.find", has_doc);
  gtk_widget_action_set_enabled (widget, "doc.tag", editable);
  gtk_widget_action_set_enabled (widget, "doc.undo", editable && am_document_get_can_undo (self->document));
  gtk_widget_action_set_enabled (widget, "doc.redo", editable && am_document_get_can_redo (self->document));
  gtk_widget_action_set_enabled (widget, "doc.next-annotation", has_doc);
  gtk_widget_action_set_enabled (widget, "doc.prev-annotation", has_doc);
  gtk_widget_action_set_enabled (widget, "doc.select-none", has_doc);
  gtk_widget_action_set_enabled (widget, "doc.relabel", editable && has_selected);
  gtk_widget_action_set_enabled (widget, "doc.delete", editable && has_selected);
  gtk_widget_action_set_enabled (widget, "doc.edit-note", editable && has_selected);
  gtk_widget_action_set_enabled (widget, "doc.go-to-annotation", has_selected);
  gtk_widget_action_set_enabled (widget, "doc.move-start", editable && has_selected);
  gtk_widget_action_set_enabled (widget, "doc.move-end", editable && has_selected);
  gtk_widget_action_set_enabled (widget, "doc.link",
                                 editable && has_selected && can_link_from (self, annotation));
  gtk_widget_action_set_enabled (widget, "doc.unlink", editable && has_links);
  _am_window_corpus_update_actions (self);
}

void
_am_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, link_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-preferences", NULL, win_show_preferences_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, win_find_action);
  gtk_widget_class_install_action (widget_class, "win.review", NULL, win_review_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, win_export_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, win_import_action);

  gtk_widget_class_install_action (widget_class, "doc.tag", "s", doc_tag_action);
  gtk_widget_class_install_action (widget_class, "doc.relabel", "s", doc_relabel_action);
  gtk_widget_class_install_action (widget_class, "doc.delete", NULL, doc_delete_action);
  gtk_widget_class_install_action (widget_class, "doc.undo", NULL, doc_undo_action);
  gtk_widget_class_install_action (widget_class, "doc.redo", NULL, doc_redo_action);
  gtk_widget_class_install_action (widget_class, "doc.edit-note", NULL, doc_edit_note_action);
  gtk_widget_class_install_action (widget_class, "doc.link", NULL, doc_link_action);
  gtk_widget_class_install_action (widget_class, "doc.unlink", NULL, doc_unlink_action);
  gtk_widget_class_install_action (widget_class, "doc.go-to-annotation", NULL, doc_go_to_annotation_action);
  gtk_widget_class_install_action (widget_class, "doc.next-annotation", NULL, doc_next_annotation_action);
  gtk_widget_class_install_action (widget_class, "doc.prev-annotation", NULL, doc_prev_annotation_action);
  gtk_widget_class_install_action (widget_class, "doc.move-start", "i", doc_move_start_action);
  gtk_widget_class_install_action (widget_class, "doc.move-end", "i", doc_move_end_action);
  gtk_widget_class_install_action (widget_class, "doc.select-none", NULL, doc_select_none_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.show-preferences", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "doc.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "doc.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "doc.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "doc.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "doc.edit-note", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, 0, "doc.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "doc.go-to-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "doc.go-to-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, 0, "doc.next-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, 0, "doc.prev-annotation", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "doc.select-none", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "doc.move-start", "i", -AM_WINDOW_STEP_WORD);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "doc.move-start", "i", AM_WINDOW_STEP_WORD);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "doc.move-end", "i", -AM_WINDOW_STEP_WORD);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK,
                                       "doc.move-end", "i", AM_WINDOW_STEP_WORD);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK,
                                       "doc.move-start", "i", -AM_WINDOW_STEP_CHARACTER);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK,
                                       "doc.move-start", "i", AM_WINDOW_STEP_CHARACTER);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left,
                                       GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "doc.move-end", "i", -AM_WINDOW_STEP_CHARACTER);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right,
                                       GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "doc.move-end", "i", AM_WINDOW_STEP_CHARACTER);
}
