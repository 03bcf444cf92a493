/* am-window-corpus.c: a folder of articles in the window
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-document-io.h"
#include "am-window-private.h"

/* With a folder open, the window shows one of its documents at a time and
 * the corpus sidebar lists them all. Moving to another document saves the
 * one shown first, straight to its NAME.argumark.json, so that a
 * researcher goes through a corpus without a single Save dialog. Opening a
 * document from elsewhere leaves the folder.
 */

static void
refresh_current (AmWindow *self)
{
  if (self->corpus == NULL || self->corpus_item == NULL || self->document == NULL ||
      self->document != self->corpus_document)
    return;

  am_corpus_refresh_item (self->corpus, self->corpus_item, self->document);
  _am_window_update_actions (self);
}

static void
close_corpus (AmWindow *self)
{
  if (self->corpus != NULL)
    am_corpus_set_watching (self->corpus, FALSE);
  if (self->corpus_cancellable != NULL)
    g_cancellable_cancel (self->corpus_cancellable);
  g_clear_object (&self->corpus_cancellable);
  if (self->corpus_document != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus_document, self);
  g_clear_object (&self->corpus_document);
  g_clear_object (&self->corpus_item);
  g_clear_object (&self->corpus);

  if (self->corpus_sidebar != NULL)
    {
      am_corpus_sidebar_set_corpus (self->corpus_sidebar, NULL);
      gtk_widget_set_visible (GTK_WIDGET (self->corpus_sidebar), FALSE);
    }
}

static void
follow_document (AmWindow   *self,
                 AmDocument *document)
{
  if (self->corpus_document != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus_document, self);
  g_set_object (&self->corpus_document, document);

  g_signal_connect_object (document, "changed", G_CALLBACK (refresh_current), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::status", G_CALLBACK (refresh_current), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::modified", G_CALLBACK (refresh_current), self,
                           G_CONNECT_SWAPPED);
}

static void
window_document_cb (AmWindow   *self,
                    GParamSpec *pspec,
                    gpointer    user_data)
{
  if (self->corpus == NULL || self->document == self->corpus_document)
    return;

  /* A restored draft replaces the document but not the file it belongs
   * to: the window is still on the same item. */
  if (self->document != NULL && self->corpus_item != NULL && self->file != NULL &&
      g_file_equal (self->file, am_corpus_item_get_document_file (self->corpus_item)))
    {
      follow_document (self, self->document);
      refresh_current (self);
      return;
    }

  close_corpus (self);
  _am_window_update_actions (self);
}

static gboolean
show_item (AmWindow      *self,
           AmCorpusItem  *item,
           GError       **error)
{
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) document = NULL;
  GFile *origin;

  document = am_corpus_open_item (self->corpus, item, &report, error);
  if (document == NULL)
    return FALSE;

  /* Set first, so that the window's document change does not read as
   * leaving the folder. */
  follow_document (self, document);
  g_set_object (&self->corpus_item, item);

  origin = am_corpus_item_get_article_file (item);
  if (origin == NULL)
    origin = am_corpus_item_get_document_file (item);
  _am_window_show_document (self, document, am_corpus_item_get_document_file (item), origin,
                            report);

  am_corpus_sidebar_set_current (self->corpus_sidebar, item);
  _am_window_update_actions (self);
  return TRUE;
}

/* Saves the document shown if it has changes; FALSE (and the window says
 * why) if it could not. */
static gboolean
save_before_leaving (AmWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL || !am_window_get_unsaved (self))
    return TRUE;

  if (self->saving)
    {
      am_window_show_message (self, _("Still saving, try again in a moment"));
      return FALSE;
    }

  if (!am_document_save (self->document, self->file, &error))
    {
      am_window_show_error (self, _("Could not save the document"), error);
      return FALSE;
    }

  if (self->corpus_item != NULL && self->document == self->corpus_document)
    am_corpus_refresh_item (self->corpus, self->corpus_item, self->document);
  return TRUE;
}

static void
go_to (AmWindow     *self,
       AmCorpusItem *item)
{
  g_autoptr(GError) error = NULL;

  if (item == NULL || item == self->corpus_item)
    return;
  if (!save_before_leaving (self))
    return;
  if (!show_item (self, item, &error))
    am_window_show_error (self, _("Could not open the document"), error);
}

static void
item_activated_cb (AmWindow     *self,
                   AmCorpusItem *item)
{
  go_to (self, item);
}

static void
summaries_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Unreadable documents are marked in the list; only a cancellation
   * (another folder, a closed window) ends the load early. */
  am_corpus_load_summaries_finish (AM_CORPUS (object), result, &error);
}

/**
 * am_window_open_folder:
 * @folder: a corpus folder (articles and Argumark documents)
 *
 * Lists the documents of @folder beside the article and shows the first
 * one that opens. The window must have no unsaved changes.
 *
 * Returns: %FALSE with @error set if the folder cannot be read or none of
 *   its documents opens
 */
gboolean
am_window_open_folder (AmWindow  *self,
                       GFile     *folder,
                       GError   **error)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(GError) first_error = NULL;
  guint n, i;

  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);
  g_return_val_if_fail (!am_window_get_unsaved (self), FALSE);

  corpus = am_corpus_open (folder, error);
  if (corpus == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  if (n == 0)
    {
      g_autofree char *name = g_file_get_parse_name (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” holds no articles (.txt) and no Argumark documents (.argumark.json)."),
                   name);
      return FALSE;
    }

  close_corpus (self);
  self->corpus = g_object_ref (corpus);
  self->corpus_cancellable = g_cancellable_new ();
  am_corpus_sidebar_set_corpus (self->corpus_sidebar, corpus);
  gtk_widget_set_visible (GTK_WIDGET (self->corpus_sidebar), TRUE);
  am_corpus_load_summaries_async (corpus, self->corpus_cancellable, summaries_cb, NULL);
  /* Files that a git pull or a synced drive brings in appear in the list. */
  am_corpus_set_watching (corpus, TRUE);

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      g_autoptr(GError) local_error = NULL;

      if (show_item (self, item, &local_error))
        {
          if (first_error != NULL)
            am_window_show_error (self, _("Could not open the first documents of the folder"),
                                  first_error);
          return TRUE;
        }
      if (first_error == NULL)
        first_error = g_steal_pointer (&local_error);
    }

  close_corpus (self);
  _am_window_update_actions (self);
  g_propagate_error (error, g_steal_pointer (&first_error));
  return FALSE;
}

static void
open_folder_response_cb (GtkNativeDialog *dialog,
                         int              response,
                         AmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(GError) error = NULL;
      AmWindow *target = self;

      /* Unsaved work stays where it is: the folder gets its own window. */
      if (am_window_get_unsaved (self))
        {
          target = am_window_new (gtk_window_get_application (GTK_WINDOW (self)));
          gtk_window_present (GTK_WINDOW (target));
        }
      if (!am_window_open_folder (target, folder, &error))
        am_window_show_error (target, _("Could not open the folder"), error);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
win_open_folder_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open Folder"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (self->corpus != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (dialog), am_corpus_get_folder (self->corpus),
                               NULL);
  g_signal_connect (dialog, "response", G_CALLBACK (open_folder_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static AmCorpusItem *
dup_neighbour (AmWindow     *self,
               AmCorpusItem *item,
               gboolean      forward)
{
  return forward ? am_corpus_dup_next (self->corpus, item)
                 : am_corpus_dup_previous (self->corpus, item);
}

/* Next or previous; a document that cannot be opened is passed over (and
 * the window says why), so that one broken file does not stop the way
 * through a corpus. */
static void
step (AmWindow *self,
      gboolean  forward)
{
  g_autoptr(AmCorpusItem) candidate = NULL;
  g_autoptr(GError) first_error = NULL;

  if (self->corpus_item == NULL)
    return;

  candidate = dup_neighbour (self, self->corpus_item, forward);
  if (candidate == NULL)
    {
      am_window_show_message (self, forward ? _("This is the last document of the folder")
                                            : _("This is the first document of the folder"));
      return;
    }
  if (!save_before_leaving (self))
    return;

  while (candidate != NULL)
    {
      g_autoptr(GError) error = NULL;
      AmCorpusItem *next;

      if (show_item (self, candidate, &error))
        break;
      if (first_error == NULL)
        {
          g_autofree char *name = g_strdup (am_corpus_item_get_name (candidate));

          g_prefix_error (&error, _("“%s” was passed over: "), name);
          first_error = g_steal_pointer (&error);
        }
      next = dup_neighbour (self, candidate, forward);
      g_object_unref (candidate);
      candidate = next;
    }

  if (first_error != NULL)
    am_window_show_error (self, _("Could not open a document"), first_error);
}

static void
win_next_document_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  step (AM_WINDOW (widget), TRUE);
}

static void
win_previous_document_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  step (AM_WINDOW (widget), FALSE);
}

static void
doc_mark_done_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (self->document == NULL ||
      am_document_get_status (self->document) == AM_DOCUMENT_STATUS_DONE)
    return;

  am_document_set_status (self->document, AM_DOCUMENT_STATUS_DONE);
  am_window_show_message (self, _("Marked as done (Ctrl+Z to undo)"));
}

void
_am_window_corpus_update_actions (AmWindow *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean in_corpus = self->corpus_item != NULL;

  gtk_widget_action_set_enabled (widget, "win.next-document", in_corpus);
  gtk_widget_action_set_enabled (widget, "win.previous-document", in_corpus);
  gtk_widget_action_set_enabled (widget, "doc.mark-done",
                                 self->document != NULL &&
                                 am_document_get_status (self->document) != AM_DOCUMENT_STATUS_DONE);
}

static void
add_shortcut (GtkShortcutController *controller,
              guint                  keyval,
              const char            *action)
{
  gtk_shortcut_controller_add_shortcut (controller,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (keyval, GDK_CONTROL_MASK),
                                                          gtk_named_action_new (action)));
}

void
_am_window_corpus_init (AmWindow *self)
{
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Before the focused widget sees them: the article view's text view
   * takes Ctrl+Page Up/Down for itself. */
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Down, "win.next-document");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Page_Down, "win.next-document");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Page_Up, "win.previous-document");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Page_Up, "win.previous-document");
  add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_d, "doc.mark-done");
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  g_signal_connect_object (self->corpus_sidebar, "item-activated",
                           G_CALLBACK (item_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::document", G_CALLBACK (window_document_cb), NULL);
}

void
_am_window_corpus_dispose (AmWindow *self)
{
  close_corpus (self);
}

void
_am_window_class_corpus_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (AM_TYPE_CORPUS_SIDEBAR);

  gtk_widget_class_bind_template_child (widget_class, AmWindow, corpus_sidebar);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, win_open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL,
                                   win_next_document_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL,
                                   win_previous_document_action);
  gtk_widget_class_install_action (widget_class, "doc.mark-done", NULL, doc_mark_done_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-folder", NULL);
}
