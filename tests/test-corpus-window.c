/* test-corpus-window.c: a corpus folder in the window, driven through its
 * actions: the sidebar list, next and previous (saving first), Mark as Done
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-application.h"
#include "am-article-view.h"
#include "am-corpus-sidebar.h"
#include "am-drafts.h"
#include "am-document-io.h"
#include "am-window.h"
#include "am-test-gtk.h"

static AmApplication *app;
static char *tmp_dir;

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *)user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static AmCorpusSidebar *
corpus_sidebar (AmWindow *window)
{
  return AM_CORPUS_SIDEBAR (find_descendant (GTK_WIDGET (window), AM_TYPE_CORPUS_SIDEBAR));
}

static void
activate (AmWindow   *window,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, NULL));
  am_test_drain ();
}

static void
copy_folder (const char *from,
             const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_nonnull (dir);
  g_mkdir (to, 0755);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length = 0;

      g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (target, contents, length, NULL));
    }
}

/* A private copy of the sample corpus. */
static char *
make_corpus (const char *name)
{
  char *path = g_build_filename (tmp_dir, name, NULL);

  copy_folder (SAMPLE_CORPUS, path);
  return path;
}

static char *
read_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, NULL);
  return contents;
}

static AmDocument *
load_saved (const char *folder,
            const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmDocument *document = am_document_load (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static const char *
shown_name (AmWindow *window)
{
  AmCorpusItem *item = am_corpus_sidebar_get_current (corpus_sidebar (window));

  g_assert_nonnull (item);
  return am_corpus_item_get_name (item);
}

static AmWindow *
open_corpus (const char *path)
{
  AmWindow *window = am_window_new (GTK_APPLICATION (app));
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmCorpus *corpus;
  gint64 deadline;

  gtk_window_present (GTK_WINDOW (window));
  am_test_drain ();
  g_assert_true (am_window_open_folder (window, folder, &error));
  g_assert_no_error (error);

  corpus = am_corpus_sidebar_get_corpus (corpus_sidebar (window));
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (am_corpus_get_loading (corpus) && g_get_monotonic_time () < deadline)
    wait_ms (10);
  g_assert_false (am_corpus_get_loading (corpus));
  am_test_drain ();
  return window;
}

static void
tag_text (AmWindow   *window,
          const char *quote,
          const char *label)
{
  AmDocument *document = am_window_get_document (window);
  const char *text = am_document_get_text_utf8 (document);
  const char *at = strstr (text, quote);
  AmArticleView *view = AM_ARTICLE_VIEW (find_descendant (GTK_WIDGET (window),
                                                          AM_TYPE_ARTICLE_VIEW));
  guint start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  am_article_view_select_range (view, start, start + g_utf8_strlen (quote, -1));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", label));
  am_test_drain ();
}

static void
set_annotator (const char *name)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "annotator-name", name);
}

static void
test_open_folder (void)
{
  g_autofree char *path = make_corpus ("open");
  g_autofree char *before = read_file (path, "ar-pud-news.argumark.json");
  AmWindow *window = open_corpus (path);
  AmCorpusSidebar *sidebar = corpus_sidebar (window);
  AmCorpus *corpus = am_corpus_sidebar_get_corpus (sidebar);
  g_autofree char *after = NULL;

  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (sidebar)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 5);
  /* The first document, with its annotations. */
  g_assert_cmpstr (shown_name (window), ==, "ar-pud-news");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (am_window_get_document (window))),
                    ==, 4);
  g_assert_cmpstr (am_corpus_sidebar_get_progress_text (sidebar), ==, "1 of 5 documents done");
  g_assert_cmpuint (am_corpus_get_n_annotations (corpus), ==, 12);

  /* Moving on without changes writes nothing. */
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "hamas-isis-sinai");
  g_assert_cmpstr (am_document_get_title (am_window_get_document (window)), ==,
                   "Hamas could see a strategic advantage in aiding ISIS");
  after = read_file (path, "ar-pud-news.argumark.json");
  g_assert_cmpstr (before, ==, after);

  activate (window, "win.previous-document");
  g_assert_cmpstr (shown_name (window), ==, "ar-pud-news");
  /* At the start: the window stays. */
  activate (window, "win.previous-document");
  g_assert_cmpstr (shown_name (window), ==, "ar-pud-news");

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

static void
test_next_saves_first (void)
{
  g_autofree char *path = make_corpus ("saves");
  AmWindow *window = open_corpus (path);
  AmCorpusSidebar *sidebar = corpus_sidebar (window);
  AmCorpus *corpus = am_corpus_sidebar_get_corpus (sidebar);
  AmCorpusItem *item;
  g_autoptr(AmDocument) saved = NULL;
  g_autofree char *zh_json = g_build_filename (path, "zh-pud-news.argumark.json", NULL);

  set_annotator ("tester");
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "hamas-isis-sinai");
  tag_text (window, "Egypt has taken a hard line against Hamas", "claim");
  g_assert_true (am_window_get_unsaved (window));
  /* The list follows the document as it is edited. */
  item = am_corpus_lookup (corpus, "hamas-isis-sinai");
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 7);
  g_assert_cmpuint (am_corpus_get_n_annotations (corpus), ==, 13);

  /* Ctrl+Page Down saves, then moves on. */
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "he-pinkwashing");
  saved = load_saved (path, "hamas-isis-sinai.argumark.json");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (saved)), ==, 7);

  /* An article without a document: saving creates NAME.argumark.json. */
  activate (window, "win.next-document");
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "zh-pud-news");
  g_assert_false (g_file_test (zh_json, G_FILE_TEST_EXISTS));
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "zh-pud-news");
  tag_text (window, "奧巴馬的特別助理科瑞·舒爾曼", "attribution");

  /* A save that fails keeps the window on the document, work and all. */
  g_mkdir (zh_json, 0755);
  activate (window, "win.previous-document");
  g_assert_cmpstr (shown_name (window), ==, "zh-pud-news");
  g_assert_true (am_window_get_unsaved (window));
  g_rmdir (zh_json);

  activate (window, "win.previous-document");
  g_assert_cmpstr (shown_name (window), ==, "hi-pud-news");
  g_clear_object (&saved);
  saved = load_saved (path, "zh-pud-news.argumark.json");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (saved)), ==, 1);
  g_assert_cmpstr (am_document_get_meta (saved, "id"), ==, "zh-pud-news");
  item = am_corpus_lookup (corpus, "zh-pud-news");
  g_assert_true (am_corpus_item_get_has_document (item));
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

/* One broken file does not stop the way through the corpus. */
static void
test_pass_over_broken (void)
{
  g_autofree char *path = make_corpus ("broken");
  g_autofree char *broken = g_build_filename (path, "broken.argumark.json", NULL);
  AmWindow *window;

  g_assert_true (g_file_set_contents (broken, "{\"format\": \"argumark\", \"text\": \"cut", -1, NULL));
  window = open_corpus (path);
  g_assert_cmpstr (shown_name (window), ==, "ar-pud-news");

  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "hamas-isis-sinai");
  activate (window, "win.previous-document");
  g_assert_cmpstr (shown_name (window), ==, "ar-pud-news");
  g_assert_nonnull (am_corpus_item_get_problem (am_corpus_lookup (am_corpus_sidebar_get_corpus (corpus_sidebar (window)),
                                                                  "broken")));

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

static gboolean
draft_exists (const char *document_path)
{
  g_autoptr(AmDrafts) drafts = am_drafts_new_default ();
  g_autoptr(GFile) file = g_file_new_for_path (document_path);
  g_autofree char *key = am_drafts_key_for_file (file);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!am_drafts_has (drafts, key) && g_get_monotonic_time () < deadline)
    wait_ms (50);
  return am_drafts_has (drafts, key);
}

/* After a crash, the work on a corpus document comes back in the corpus. */
static void
test_draft_in_corpus (void)
{
  g_autofree char *path = make_corpus ("draft");
  g_autofree char *hamas = g_build_filename (path, "hamas-isis-sinai.argumark.json", NULL);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(AmDocument) saved = NULL;
  AmWindow *window;
  AmCorpus *corpus;

  set_annotator ("tester");
  g_settings_set_uint (settings, "draft-interval", 1);

  window = open_corpus (path);
  activate (window, "win.next-document");
  tag_text (window, "Egypt has taken a hard line against Hamas", "claim");
  g_assert_true (draft_exists (hamas));
  /* A crash: the window goes without being asked. */
  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();

  window = open_corpus (path);
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "hamas-isis-sinai");
  activate (window, "win.restore-draft");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (am_window_get_document (window))),
                    ==, 7);
  /* Still in the folder, and the list counts the restored work. */
  corpus = am_corpus_sidebar_get_corpus (corpus_sidebar (window));
  g_assert_nonnull (corpus);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (corpus_sidebar (window))));
  g_assert_cmpuint (am_corpus_item_get_n_annotations (am_corpus_lookup (corpus, "hamas-isis-sinai")),
                    ==, 7);

  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "he-pinkwashing");
  saved = load_saved (path, "hamas-isis-sinai.argumark.json");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (saved)), ==, 7);

  g_settings_reset (settings, "draft-interval");
  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

static void
test_mark_done (void)
{
  g_autofree char *path = make_corpus ("done");
  AmWindow *window = open_corpus (path);
  AmCorpusSidebar *sidebar = corpus_sidebar (window);
  AmCorpus *corpus = am_corpus_sidebar_get_corpus (sidebar);
  AmDocument *document;
  g_autoptr(AmDocument) saved = NULL;

  activate (window, "win.next-document");
  activate (window, "win.next-document");
  g_assert_cmpstr (shown_name (window), ==, "he-pinkwashing");
  document = am_window_get_document (window);

  activate (window, "doc.mark-done");
  g_assert_cmpint (am_document_get_status (document), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpint (am_corpus_item_get_status (am_corpus_lookup (corpus, "he-pinkwashing")), ==,
                   AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 2);
  g_assert_cmpstr (am_corpus_sidebar_get_progress_text (sidebar), ==, "2 of 5 documents done");

  /* Through the model: undoable. */
  activate (window, "doc.undo");
  g_assert_cmpint (am_document_get_status (document), ==, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 1);
  activate (window, "doc.redo");
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 2);

  activate (window, "win.previous-document");
  saved = load_saved (path, "he-pinkwashing.argumark.json");
  g_assert_cmpint (am_document_get_status (saved), ==, AM_DOCUMENT_STATUS_DONE);

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

static void
test_choose_in_list (void)
{
  g_autofree char *path = make_corpus ("list");
  AmWindow *window = open_corpus (path);
  AmCorpusSidebar *sidebar = corpus_sidebar (window);
  AmCorpus *corpus = am_corpus_sidebar_get_corpus (sidebar);

  /* What a click on a row does. */
  g_signal_emit_by_name (sidebar, "item-activated", am_corpus_lookup (corpus, "hi-pud-news"));
  am_test_drain ();
  g_assert_cmpstr (shown_name (window), ==, "hi-pud-news");
  g_assert_true (am_corpus_sidebar_get_current (sidebar) == am_corpus_lookup (corpus, "hi-pud-news"));

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

static void
test_leave_folder (void)
{
  g_autofree char *path = make_corpus ("leave");
  g_autofree char *article = g_build_filename (tmp_dir, "lone.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (article);
  g_autoptr(GError) error = NULL;
  AmWindow *window = open_corpus (path);
  AmCorpusSidebar *sidebar = corpus_sidebar (window);

  g_assert_true (g_file_set_contents (article, "A lone article.\n", -1, NULL));
  g_assert_true (am_window_open (window, file, &error));
  g_assert_no_error (error);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (sidebar)));
  g_assert_null (am_corpus_sidebar_get_corpus (sidebar));
  /* No folder, nothing to move to. */
  activate (window, "win.next-document");
  g_assert_cmpstr (am_document_get_title (am_window_get_document (window)), ==, "A lone article.");

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

/* `argumark FOLDER`, a folder dropped on a window. */
static void
test_application_opens_folder (void)
{
  g_autofree char *path = make_corpus ("app");
  g_autoptr(GFile) folder = g_file_new_for_path (path);
  AmWindow *window = am_application_open_file (app, folder, NULL);

  g_assert_nonnull (window);
  am_test_drain ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (corpus_sidebar (window))));
  g_assert_cmpstr (shown_name (window), ==, "ar-pud-news");

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

/* The article's text view takes Ctrl+Page Up/Down for itself, so the
 * window must see them first: in the capture phase. */
static const char *
capture_action_for (AmWindow   *window,
                    const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  guint n = g_list_model_get_n_items (controllers);
  guint i, j;

  for (i = 0; i < n; i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      for (j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (g_str_equal (trigger, accelerator) && GTK_IS_NAMED_ACTION (action))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

static void
test_shortcuts (void)
{
  AmWindow *window = am_window_new (GTK_APPLICATION (app));

  g_assert_cmpstr (capture_action_for (window, "<Control>Page_Down"), ==, "win.next-document");
  g_assert_cmpstr (capture_action_for (window, "<Control>Page_Up"), ==, "win.previous-document");
  g_assert_cmpstr (capture_action_for (window, "<Control>d"), ==, "doc.mark-done");

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

static void
test_bad_folders (void)
{
  g_autofree char *missing = g_build_filename (tmp_dir, "missing", NULL);
  g_autofree char *empty = g_build_filename (tmp_dir, "empty", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) empty_file = g_file_new_for_path (empty);
  g_autoptr(GError) error = NULL;
  AmWindow *window = am_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  am_test_drain ();

  g_assert_false (am_window_open_folder (window, missing_file, &error));
  g_assert_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_mkdir (empty, 0755);
  g_assert_false (am_window_open_folder (window, empty_file, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no articles"));
  g_assert_null (am_window_get_document (window));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (corpus_sidebar (window))));

  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = am_test_app_start (&argc, &argv, "test-corpus-window", &tmp_dir);

  g_test_add_func ("/corpus-window/open-folder", test_open_folder);
  g_test_add_func ("/corpus-window/next-saves-first", test_next_saves_first);
  g_test_add_func ("/corpus-window/mark-done", test_mark_done);
  g_test_add_func ("/corpus-window/draft-in-corpus", test_draft_in_corpus);
  g_test_add_func ("/corpus-window/pass-over-broken", test_pass_over_broken);
  g_test_add_func ("/corpus-window/choose-in-list", test_choose_in_list);
  g_test_add_func ("/corpus-window/leave-folder", test_leave_folder);
  g_test_add_func ("/corpus-window/bad-folders", test_bad_folders);
  g_test_add_func ("/corpus-window/shortcuts", test_shortcuts);
  g_test_add_func ("/corpus-window/application-opens-folder", test_application_opens_folder);

  status = g_test_run ();
  am_test_app_finish (&app, &tmp_dir);

  return status;
}
