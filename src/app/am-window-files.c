/* am-window-files.c: opening, saving, closing, drafts and recovery
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-window-files"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-application.h"
#include "am-document-io.h"
#include "am-window-private.h"

#define SAMPLE_URI "resource:///org/argumark/Argumark/samples/hamas-isis-sinai.txt"

static void
add_recent (GFile *file)
{
  g_autofree char *uri = NULL;

  if (!g_file_is_native (file))
    return;

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

static void
show_report (AmWindow     *self,
             AmLoadReport *report)
{
  g_auto(GStrv) messages = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  guint i;

  if (report == NULL || am_load_report_is_empty (report))
    return;

  messages = am_load_report_dup_messages (report);
  g_string_append_printf (markup, "<b>%s</b>",
                          _("Some annotations did not match the text and were moved or set aside"));
  for (i = 0; messages[i] != NULL && i < 5; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (messages[i], -1);

      g_string_append_printf (markup, "\n%s", escaped);
    }
  if (g_strv_length (messages) > 5)
    {
      guint more = g_strv_length (messages) - 5;

      g_string_append_c (markup, '\n');
      g_string_append_printf (markup, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                   more),
                              more);
    }

  gtk_label_set_markup (GTK_LABEL (self->error_label), markup->str);
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->error_bar), GTK_MESSAGE_WARNING);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), TRUE);
}

/* An article opened as such keeps its text file as "source"; a JSON
 * document names the article it was made from, never itself.
 */
static gboolean
opened_as_article (AmDocument *document,
                   GFile      *file)
{
  const char *source = am_document_get_meta (document, "source");
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *uri = g_file_get_uri (file);

  if (source == NULL)
    return FALSE;

  return g_strcmp0 (source, path) == 0 || g_strcmp0 (source, uri) == 0;
}

static void
update_draft_key (AmWindow *self)
{
  g_clear_pointer (&self->draft_key, g_free);

  if (self->file != NULL)
    self->draft_key = am_drafts_key_for_file (self->file);
  else if (self->origin != NULL)
    self->draft_key = am_drafts_key_for_file (self->origin);
  else
    self->draft_key = am_drafts_new_key ();
}

/**
 * am_window_open:
 * @file: an article (.txt) or an Argumark document (.json)
 *
 * Shows @file in the window, in place of the start screen or of a document
 * without unsaved changes. Offers to restore a draft left by a crash.
 *
 * Returns: %FALSE with @error set (AM_DOCUMENT_ERROR) if @file cannot be opened
 */
gboolean
am_window_open (AmWindow  *self,
                GFile     *file,
                GError   **error)
{
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) document = NULL;

  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (!am_window_get_unsaved (self), FALSE);

  document = am_document_open (file, &report, error);
  if (document == NULL)
    return FALSE;

  _am_window_show_document (self, document,
                            opened_as_article (document, file) ? NULL : file,
                            file, report);
  return TRUE;
}

void
_am_window_show_document (AmWindow     *self,
                          AmDocument   *document,
                          GFile        *file,
                          GFile        *origin,
                          AmLoadReport *report)
{
  _am_window_discard_draft (self);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), FALSE);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->draft_bar), FALSE);

  _am_window_set_document (self, document, file, origin);
  update_draft_key (self);
  add_recent (origin);
  show_report (self, report);
  _am_window_check_draft (self);
}

/* Drafts --------------------------------------------------------------- */

static void
draft_written_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!am_drafts_write_finish (AM_DRAFTS (object), result, &error) &&
      !gtk_widget_in_destruction (GTK_WIDGET (self)))
    am_window_show_error (self, _("Could not keep a recovery copy of your work"), error);
}

static gboolean
write_draft_cb (gpointer user_data)
{
  AmWindow *self = user_data;
  g_autoptr(GBytes) bytes = NULL;

  self->draft_source = 0;

  if (self->document == NULL || self->draft_key == NULL)
    return G_SOURCE_REMOVE;

  /* A draft from a crash waits for the user's answer before it is replaced. */
  if (gtk_info_bar_get_revealed (GTK_INFO_BAR (self->draft_bar)))
    return G_SOURCE_REMOVE;

  if (!am_window_get_unsaved (self))
    {
      am_drafts_remove (self->drafts, self->draft_key);
      return G_SOURCE_REMOVE;
    }

  /* The model is read here, on the main thread; the disk is written on a worker. */
  bytes = am_document_to_bytes (self->document);
  am_drafts_write_async (self->drafts, self->draft_key, self->origin,
                         am_document_get_title (self->document), bytes, NULL,
                         draft_written_cb, g_object_ref (self));

  return G_SOURCE_REMOVE;
}

static void
schedule_draft (AmWindow *self)
{
  guint interval;

  if (self->draft_source != 0)
    return;

  interval = g_settings_get_uint (self->settings, "draft-interval");
  self->draft_source = g_timeout_add_seconds (MAX (interval, 1), write_draft_cb, self);
}

void
_am_window_document_changed (AmWindow *self)
{
  _am_window_update_actions (self);
  _am_window_update_title (self);
  schedule_draft (self);
}

/* The work is saved or given up: its recovery copy goes. */
void
_am_window_discard_draft (AmWindow *self)
{
  g_clear_handle_id (&self->draft_source, g_source_remove);

  if (self->draft_key != NULL &&
      !gtk_info_bar_get_revealed (GTK_INFO_BAR (self->draft_bar)))
    am_drafts_remove (self->drafts, self->draft_key);
}

void
_am_window_check_draft (AmWindow *self)
{
  g_autoptr(GDateTime) saved = NULL;
  g_autofree char *text = NULL;

  if (self->draft_key == NULL || !am_drafts_has (self->drafts, self->draft_key))
    return;

  saved = am_drafts_get_saved_time (self->drafts, self->draft_key);
  if (saved != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (saved);
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = NULL;

      /* Translators: times for a date format (see man strftime): a time
       * today, then a date and time
       */
      if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
          g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
        when = g_date_time_format (local, _("today at %H:%M"));
      else
        when = g_date_time_format (local, _("%x at %H:%M"));

      /* Translators: %s is “today at 14:05” or a date and time */
      text = g_strdup_printf (_("Unsaved changes to this document from %s were recovered. "
                                "Restore them, or discard them and keep the saved version?"),
                              when);
    }
  else
    {
      text = g_strdup (_("Unsaved changes to this document were recovered. "
                         "Restore them, or discard them and keep the saved version?"));
    }

  gtk_label_set_text (GTK_LABEL (self->draft_label), text);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->draft_bar), TRUE);
  _am_window_update_actions (self);
}

static void
restore_draft (AmWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) origin = NULL;
  g_autofree char *key = NULL;
  gsize size;
  const char *data;

  bytes = am_drafts_read (self->drafts, self->draft_key, &error);
  if (bytes != NULL)
    {
      data = g_bytes_get_data (bytes, &size);
      document = am_document_load_from_data (data, size, &report, &error);
    }

  if (document == NULL)
    {
      am_window_show_error (self, _("Could not restore the recovered changes"), error);
      return;
    }

  file = self->file != NULL ? g_object_ref (self->file) : NULL;
  origin = self->origin != NULL ? g_object_ref (self->origin) : NULL;
  key = g_steal_pointer (&self->draft_key);

  _am_window_set_document (self, document, file, origin);
  self->draft_key = g_steal_pointer (&key);
  self->restored = TRUE;
  _am_window_update_title (self);
  show_report (self, report);
}

/* Opens a draft on its own, as unsaved work with no file, when the file it
 * belongs to is gone: Save then asks where to put it.
 */
gboolean
_am_window_open_draft (AmWindow    *self,
                       const char  *key,
                       GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) document = NULL;
  const char *data;
  gsize size;

  g_assert (am_window_is_empty (self));

  bytes = am_drafts_read (self->drafts, key, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &size);
  document = am_document_load_from_data (data, size, &report, error);
  if (document == NULL)
    return FALSE;

  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), FALSE);
  _am_window_set_document (self, document, NULL, NULL);
  g_free (self->draft_key);
  self->draft_key = g_strdup (key);
  self->restored = TRUE;
  _am_window_update_title (self);
  show_report (self, report);

  return TRUE;
}

static void
win_restore_draft_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (!gtk_info_bar_get_revealed (GTK_INFO_BAR (self->draft_bar)))
    return;

  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->draft_bar), FALSE);
  restore_draft (self);
  _am_window_update_actions (self);
}

static void
win_discard_draft_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (!gtk_info_bar_get_revealed (GTK_INFO_BAR (self->draft_bar)))
    return;

  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->draft_bar), FALSE);
  if (self->draft_key != NULL)
    am_drafts_remove (self->drafts, self->draft_key);
  /* Edits made while the question was open still need their own draft. */
  if (am_window_get_unsaved (self))
    schedule_draft (self);
  _am_window_update_actions (self);
}

/* Open ----------------------------------------------------------------- */

static void
add_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) articles = gtk_file_filter_new ();

  gtk_file_filter_set_name (all, _("Articles and Argumark documents"));
  gtk_file_filter_add_pattern (all, "*.txt");
  gtk_file_filter_add_pattern (all, "*.json");
  gtk_file_filter_add_mime_type (all, "text/plain");
  gtk_file_filter_add_mime_type (all, "application/json");
  gtk_file_chooser_add_filter (chooser, all);

  gtk_file_filter_set_name (documents, _("Argumark documents (.json)"));
  gtk_file_filter_add_pattern (documents, "*.json");
  gtk_file_filter_add_mime_type (documents, "application/json");
  gtk_file_chooser_add_filter (chooser, documents);

  gtk_file_filter_set_name (articles, _("Articles (.txt)"));
  gtk_file_filter_add_pattern (articles, "*.txt");
  gtk_file_filter_add_mime_type (articles, "text/plain");
  gtk_file_chooser_add_filter (chooser, articles);

  gtk_file_chooser_set_filter (chooser, all);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  AmWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
      guint n = g_list_model_get_n_items (files);
      guint i;

      for (i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          am_application_open_file (AM_APPLICATION (app), file, self);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
win_open_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  add_filters (GTK_FILE_CHOOSER (dialog));
  if (self->origin != NULL && g_file_is_native (self->origin))
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->origin);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
win_open_sample_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);
  g_autoptr(GFile) file = g_file_new_for_uri (SAMPLE_URI);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  am_application_open_file (AM_APPLICATION (app), file, self);
}

/* Save ----------------------------------------------------------------- */

static void
finish_close (AmWindow *self,
              gboolean  closed)
{
  g_autoptr(AmWindow) hold = g_object_ref (self);
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  self->close_after_save = FALSE;

  /* Closed before the task returns, so that whoever waits sees it gone. */
  if (closed)
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }

  if (task == NULL)
    return;

  if (closed)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             "The window was not closed");
}

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(AmWindow) self = user_data;
  AmDocument *document = AM_DOCUMENT (object);
  g_autoptr(GFile) file = g_steal_pointer (&self->saving_file);
  g_autoptr(GError) error = NULL;
  g_autofree char *old_key = NULL;

  self->saving = FALSE;

  if (!am_document_save_finish (document, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        am_window_show_error (self, _("Could not save the document"), error);
      if (self->close_after_save)
        finish_close (self, FALSE);
      return;
    }

  /* The window may have moved on to a restored draft meanwhile. */
  if (document != self->document)
    return;

  old_key = g_steal_pointer (&self->draft_key);
  g_set_object (&self->file, file);
  self->restored = FALSE;
  update_draft_key (self);
  if (old_key != NULL && g_strcmp0 (old_key, self->draft_key) != 0 &&
      !gtk_info_bar_get_revealed (GTK_INFO_BAR (self->draft_bar)))
    am_drafts_remove (self->drafts, old_key);
  if (!am_window_get_unsaved (self))
    _am_window_discard_draft (self);

  add_recent (file);
  _am_window_update_title (self);
  _am_window_update_actions (self);

  if (self->close_after_save)
    finish_close (self, TRUE);
}

static void
save_to (AmWindow *self,
         GFile    *file,
         gboolean  close_after)
{
  if (self->document == NULL)
    return;

  if (self->saving)
    {
      am_window_show_message (self, _("Still saving, try again in a moment"));
      if (close_after)
        finish_close (self, FALSE);
      return;
    }

  self->saving = TRUE;
  self->close_after_save = close_after;
  g_set_object (&self->saving_file, file);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), FALSE);
  am_document_save_async (self->document, file, self->cancellable, save_cb, g_object_ref (self));
}

/* "<article>.argumark.json" beside the article, or the document's own name. */
static void
propose_save_location (AmWindow       *self,
                       GtkFileChooser *chooser)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = NULL;
  GFile *near = self->file != NULL ? self->file : self->origin;

  if (self->file != NULL)
    {
      name = g_file_get_basename (self->file);
    }
  else if (self->origin != NULL)
    {
      g_autofree char *base = g_file_get_basename (self->origin);
      char *dot = strrchr (base, '.');

      if (dot != NULL && dot != base)
        *dot = '\0';
      name = g_strconcat (base, ".argumark.json", NULL);
    }
  else
    {
      name = g_strdup (_("Untitled.argumark.json"));
    }

  if (near != NULL && g_file_is_native (near))
    folder = g_file_get_parent (near);
  else if (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS) != NULL)
    folder = g_file_new_for_path (g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS));
  else
    folder = g_file_new_for_path (g_get_home_dir ());

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
  gtk_file_chooser_set_current_name (chooser, name);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     AmWindow        *self)
{
  gboolean close_after = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "close-after"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_to (self, file, close_after);
    }
  else if (close_after)
    {
      finish_close (self, FALSE);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as (AmWindow *self,
         gboolean  close_after)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Save As"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Argumark documents (.json)"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  propose_save_location (self, GTK_FILE_CHOOSER (dialog));

  g_object_set_data (G_OBJECT (dialog), "close-after", GINT_TO_POINTER (close_after));
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_am_window_save_async (AmWindow *self,
                       GFile    *file,
                       gboolean  close_after)
{
  if (file != NULL)
    save_to (self, file, close_after);
  else if (self->file != NULL)
    save_to (self, self->file, close_after);
  else
    save_as (self, close_after);
}

static void
win_save_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  _am_window_save_async (AM_WINDOW (widget), NULL, FALSE);
}

static void
win_save_as_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmWindow *self = AM_WINDOW (widget);

  if (self->document != NULL)
    save_as (self, FALSE);
}

/* Close ---------------------------------------------------------------- */

static void
close_dialog_response_cb (AmWindow  *self,
                          int        response,
                          GtkDialog *dialog)
{
  self->close_dialog = NULL;
  gtk_window_destroy (GTK_WINDOW (dialog));

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      _am_window_save_async (self, NULL, TRUE);
      break;

    case GTK_RESPONSE_REJECT:
      self->restored = FALSE;
      _am_window_discard_draft (self);
      finish_close (self, TRUE);
      break;

    default:
      finish_close (self, FALSE);
      break;
    }
}

static void
ask_to_save (AmWindow *self)
{
  const char *title = am_document_get_title (self->document);
  GtkWidget *dialog;

  if (title == NULL || title[0] == '\0')
    title = _("Untitled Article");

  dialog = gtk_message_dialog_new (GTK_WINDOW (self),
                                   GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save changes to “%s” before closing?"), title);
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s",
                                            _("If you don’t save, the changes since the last "
                                              "save will be lost."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog),
                                                                GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb),
                           self, G_CONNECT_SWAPPED);

  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * am_window_close_async:
 *
 * Closes the window, first asking to save unsaved changes (Save, Discard
 * or Cancel). Finishes with %TRUE once the window is closed, or an error
 * (G_IO_ERROR_CANCELLED) if the user kept it open or the save failed.
 */
void
am_window_close_async (AmWindow            *self,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AM_IS_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_window_close_async);

  if (self->close_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The window is already asking whether to save");
      gtk_window_present (GTK_WINDOW (self));
      return;
    }

  self->close_task = g_steal_pointer (&task);

  if (!am_window_get_unsaved (self))
    {
      finish_close (self, TRUE);
      return;
    }

  gtk_window_present (GTK_WINDOW (self));
  ask_to_save (self);
}

gboolean
am_window_close_finish (AmWindow      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
win_close_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
destroy_dialog (GtkWidget **dialog)
{
  GtkWidget *widget = g_steal_pointer (dialog);

  if (widget != NULL)
    gtk_window_destroy (GTK_WINDOW (widget));
}

void
_am_window_files_dispose (AmWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->draft_source, g_source_remove);
  g_clear_object (&self->saving_file);
  destroy_dialog (&self->close_dialog);
  destroy_dialog (&self->name_dialog);
  destroy_dialog (&self->note_dialog);

  if (self->close_task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

      g_task_return_boolean (task, TRUE);
    }
}

void
_am_window_class_files_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.restore-draft", NULL, win_restore_draft_action);
  gtk_widget_class_install_action (widget_class, "win.discard-draft", NULL, win_discard_draft_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, win_open_action);
  gtk_widget_class_install_action (widget_class, "win.open-sample", NULL, win_open_sample_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, win_save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, win_save_as_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, win_close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "win.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close", NULL);
}
