/* test-window.c: the annotation window, driven through its actions
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "am-application.h"
#include "am-article-view.h"
#include "am-document-io.h"
#include "am-drafts.h"
#include "am-window.h"
#include "am-test-gtk.h"

#define SAMPLE_TITLE "Hamas could see a strategic advantage in aiding ISIS"
/* Each ends on a word boundary, so that snapping to words keeps it whole. */
#define CLAIM_TEXT "Hamas is aiding ISIS's branch in Egypt's Sinai Peninsula"
#define ATTRIBUTION_TEXT "a senior IDF officer responsible for monitoring Israel's southern borders"
#define OTHER_CLAIM_TEXT "a strategic alliance has been forged between Hamas in Gaza"

#ifdef __SANITIZE_ADDRESS__
/* The file chooser's places sidebar asks libcloudproviders, which keeps a
 * few strings for the life of the process, as GLib keeps what its library
 * constructor allocates. Their frames only show, for the suppressions to
 * match, when every malloc unwinds in full (fast_unwind_on_malloc=0), which
 * makes a process eight times slower under ASan: only the test that opens
 * the chooser runs so, in a process of its own (see run_in_full_unwind()).
 */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libcloudproviders.so\n"
         "leak:_dl_init\n";
}
#endif

static AmApplication *app;
static char *tmp_dir;

/* Helpers -------------------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;
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

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_for (Condition condition,
          gpointer  data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      wait_ms (20);
    }

  return TRUE;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The toplevel of @type that belongs to @window, such as a prompt. */
static GtkWindow *
find_dialog (AmWindow *window,
             GType     type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }

  return NULL;
}

static AmArticleView *
article_view (AmWindow *window)
{
  return AM_ARTICLE_VIEW (find_descendant (GTK_WIDGET (window), AM_TYPE_ARTICLE_VIEW));
}

static void
activate (AmWindow   *window,
          const char *action,
          const char *format,
          ...)
{
  g_autoptr(GVariant) parameter = NULL;
  gboolean ok;
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      parameter = g_variant_ref_sink (g_variant_new_va (format, NULL, &args));
      va_end (args);
    }

  ok = gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter);
  g_assert_true (ok);
  am_test_drain ();
}

/* The code-point range of @quote in the document's text. */
static void
find_text (AmDocument *document,
           const char *quote,
           guint      *start,
           guint      *end)
{
  const char *text = am_document_get_text_utf8 (document);
  const char *at = strstr (text, quote);

  g_assert_nonnull (at);
  *start = g_utf8_pointer_to_offset (text, at);
  *end = *start + g_utf8_strlen (quote, -1);
}

static AmAnnotation *
tag (AmWindow   *window,
     const char *quote,
     const char *label)
{
  AmDocument *document = am_window_get_document (window);
  GListModel *annotations = am_document_get_annotations (document);
  guint n = g_list_model_get_n_items (annotations);
  guint start;
  guint end;

  find_text (document, quote, &start, &end);
  am_article_view_select_range (article_view (window), start, end);
  activate (window, "doc.tag", "s", label);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n + 1);

  return am_window_get_selected_annotation (window);
}

static AmWindow *
new_window (void)
{
  AmWindow *window = am_window_new (GTK_APPLICATION (app));

  gtk_window_present (GTK_WINDOW (window));
  am_test_drain ();

  return window;
}

static AmWindow *
new_window_with_sample (void)
{
  AmWindow *window = new_window ();

  activate (window, "win.open-sample", NULL);
  g_assert_nonnull (am_window_get_document (window));

  return window;
}

static GFile *
tmp_file (const char *name)
{
  return g_file_new_build_filename (tmp_dir, name, NULL);
}

/* A fresh Argumark document of the sample article, saved to @name. */
static GFile *
write_sample_document (const char *name)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/argumark/Argumark/samples/hamas-isis-sinai.txt",
                                                     0, NULL);
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = tmp_file (name);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  document = am_document_new_from_article_data (data, size, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_save (document, file, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&file);
}

static void
set_annotator (const char *name)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "annotator-name", name);
}

static void
close_discarding (AmWindow *window)
{
  GtkWindow *dialog;

  if (am_window_get_unsaved (window))
    {
      gtk_window_close (GTK_WINDOW (window));
      am_test_drain ();
      dialog = find_dialog (window, GTK_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (dialog);
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
      am_test_drain ();
    }
  else
    {
      gtk_window_destroy (GTK_WINDOW (window));
      am_test_drain ();
    }
}

static gboolean
saved_cb (gpointer data)
{
  return !am_window_get_unsaved (data);
}

/* Tests ---------------------------------------------------------------- */

static void
test_open_sample (void)
{
  AmWindow *window = new_window ();
  AmDocument *document;

  g_assert_null (am_window_get_document (window));
  g_assert_true (am_window_is_empty (window));

  activate (window, "win.open-sample", NULL);
  document = am_window_get_document (window);
  g_assert_nonnull (document);
  g_assert_cmpstr (am_document_get_title (document), ==, SAMPLE_TITLE);
  g_assert_false (am_window_get_unsaved (window));
  g_assert_null (am_window_get_file (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), SAMPLE_TITLE));

  /* The sample opened again goes to the window that has it. */
  activate (window, "win.open-sample", NULL);
  g_assert_true (am_window_get_document (window) == document);

  close_discarding (window);
}

static void
test_tag_relabel_delete_undo (void)
{
  AmWindow *window;
  AmDocument *document;
  AmAnnotation *annotation;
  GListModel *annotations;
  guint start;
  guint end;

  set_annotator ("Tester");
  window = new_window_with_sample ();
  document = am_window_get_document (window);
  annotations = am_document_get_annotations (document);

  annotation = tag (window, CLAIM_TEXT, "claim");
  find_text (document, CLAIM_TEXT, &start, &end);
  g_assert_cmpstr (am_annotation_get_label (annotation), ==, "claim");
  g_assert_cmpuint (am_annotation_get_start (annotation), ==, start);
  g_assert_cmpuint (am_annotation_get_end (annotation), ==, end);
  g_assert_cmpstr (am_annotation_get_quote (annotation), ==, CLAIM_TEXT);
  g_assert_cmpstr (am_annotation_get_author (annotation), ==, "Tester");
  g_assert_cmpstr (am_document_get_annotator (document), ==, "Tester");
  g_assert_cmpint (am_document_get_status (document), ==, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_true (am_window_get_unsaved (window));
  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "• "));

  /* The same span and label again selects the existing one. */
  am_article_view_select_range (article_view (window), start, end);
  activate (window, "doc.tag", "s", "claim");
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);

  activate (window, "doc.relabel", "s", "counter-claim");
  g_assert_cmpstr (am_annotation_get_label (annotation), ==, "counter-claim");

  activate (window, "doc.delete", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  g_assert_null (am_window_get_selected_annotation (window));

  activate (window, "doc.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 1);
  annotation = g_list_model_get_item (annotations, 0);
  g_object_unref (annotation);
  g_assert_cmpstr (am_annotation_get_label (annotation), ==, "counter-claim");

  activate (window, "doc.undo", NULL);
  g_assert_cmpstr (am_annotation_get_label (annotation), ==, "claim");

  activate (window, "doc.redo", NULL);
  g_assert_cmpstr (am_annotation_get_label (annotation), ==, "counter-claim");

  /* Tagging, the annotator's name included, undoes in one step. */
  activate (window, "doc.undo", NULL);
  activate (window, "doc.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, 0);
  g_assert_cmpstr (am_document_get_annotator (document), ==, "");
  g_assert_cmpint (am_document_get_status (document), ==, AM_DOCUMENT_STATUS_NEW);
  g_assert_false (am_window_get_unsaved (window));

  close_discarding (window);
}

static void
test_tag_without_selection (void)
{
  AmWindow *window;
  AmDocument *document;

  set_annotator ("Tester");
  window = new_window_with_sample ();
  document = am_window_get_document (window);

  activate (window, "doc.tag", "s", "claim");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 0);
  g_assert_false (am_window_get_unsaved (window));

  /* An unknown label changes nothing either. */
  am_article_view_select_range (article_view (window), 0, 5);
  activate (window, "doc.tag", "s", "no-such-label");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 0);

  close_discarding (window);
}

static void
test_annotator_prompt (void)
{
  AmWindow *window;
  AmAnnotation *annotation;
  GtkWindow *dialog;
  GtkWidget *entry;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = NULL;
  guint start;
  guint end;

  set_annotator ("");
  window = new_window_with_sample ();

  find_text (am_window_get_document (window), CLAIM_TEXT, &start, &end);
  am_article_view_select_range (article_view (window), start, end);
  activate (window, "doc.tag", "s", "claim");

  /* Nothing is tagged until the name is given. */
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (am_window_get_document (window))),
                    ==, 0);
  dialog = find_dialog (window, GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  entry = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "  Ana Ruiz ");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  am_test_drain ();

  annotation = am_window_get_selected_annotation (window);
  g_assert_nonnull (annotation);
  g_assert_cmpstr (am_annotation_get_author (annotation), ==, "Ana Ruiz");
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "Ana Ruiz");

  close_discarding (window);
}

static void
test_edit_note (void)
{
  AmWindow *window;
  AmAnnotation *annotation;
  GtkWindow *dialog;
  GtkWidget *view;

  set_annotator ("Tester");
  window = new_window_with_sample ();
  annotation = tag (window, CLAIM_TEXT, "claim");

  activate (window, "doc.edit-note", NULL);
  dialog = find_dialog (window, GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  view = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                            "  Check the wording\n", -1);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  am_test_drain ();
  g_assert_cmpstr (am_annotation_get_note (annotation), ==, "Check the wording");

  /* Cancel leaves the note as it was. */
  activate (window, "doc.edit-note", NULL);
  dialog = find_dialog (window, GTK_TYPE_DIALOG);
  view = find_descendant (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "", -1);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  am_test_drain ();
  g_assert_cmpstr (am_annotation_get_note (annotation), ==, "Check the wording");

  activate (window, "doc.undo", NULL);
  g_assert_true (am_annotation_get_note (annotation) == NULL ||
                 am_annotation_get_note (annotation)[0] == '\0');

  close_discarding (window);
}

static void
test_link (void)
{
  AmWindow *window;
  AmDocument *document;
  AmAnnotation *claim;
  AmAnnotation *attribution;
  GListModel *links;
  g_autoptr(AmLink) link = NULL;

  set_annotator ("Tester");
  window = new_window_with_sample ();
  document = am_window_get_document (window);
  links = am_document_get_links (document);

  claim = tag (window, OTHER_CLAIM_TEXT, "claim");
  attribution = tag (window, ATTRIBUTION_TEXT, "attribution");
  g_assert_true (am_window_get_selected_annotation (window) == attribution);

  /* A claim is no link source. */
  am_article_view_set_selected_annotation (article_view (window), claim);
  gtk_widget_activate_action (GTK_WIDGET (window), "doc.link", NULL);
  am_article_view_set_selected_annotation (article_view (window), attribution);
  am_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);

  /* doc.link on the attribution, then the next span selected is the target. */
  am_article_view_set_selected_annotation (article_view (window), attribution);
  activate (window, "doc.link", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);
  am_article_view_set_selected_annotation (article_view (window), claim);
  am_test_drain ();

  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  link = g_list_model_get_item (links, 0);
  g_assert_cmpstr (am_link_get_relation (link), ==, "source");
  g_assert_cmpstr (am_link_get_from (link), ==, am_annotation_get_id (attribution));
  g_assert_cmpstr (am_link_get_to (link), ==, am_annotation_get_id (claim));

  /* Selecting another span afterwards links nothing more. */
  am_article_view_set_selected_annotation (article_view (window), attribution);
  am_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);

  activate (window, "doc.unlink", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);
  activate (window, "doc.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 1);
  activate (window, "doc.undo", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);

  /* Escape gives up a link that waits for its target. */
  am_article_view_set_selected_annotation (article_view (window), attribution);
  activate (window, "doc.link", NULL);
  activate (window, "doc.select-none", NULL);
  am_article_view_set_selected_annotation (article_view (window), claim);
  am_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (links), ==, 0);

  close_discarding (window);
}

static void
test_navigate_and_boundaries (void)
{
  AmWindow *window;
  AmDocument *document;
  AmAnnotation *first;
  AmAnnotation *second;
  guint start;
  guint end;

  set_annotator ("Tester");
  window = new_window_with_sample ();
  document = am_window_get_document (window);

  second = tag (window, ATTRIBUTION_TEXT, "attribution");
  first = tag (window, CLAIM_TEXT, "claim");
  find_text (document, CLAIM_TEXT, &start, &end);

  activate (window, "doc.select-none", NULL);
  g_assert_null (am_window_get_selected_annotation (window));
  activate (window, "doc.next-annotation", NULL);
  g_assert_true (am_window_get_selected_annotation (window) == first);
  activate (window, "doc.next-annotation", NULL);
  g_assert_true (am_window_get_selected_annotation (window) == second);
  activate (window, "doc.prev-annotation", NULL);
  g_assert_true (am_window_get_selected_annotation (window) == first);

  /* "Hamas is aiding…": the start moves to "is", then back. */
  activate (window, "doc.move-start", "i", 2);
  g_assert_cmpuint (am_annotation_get_start (first), ==, start + strlen ("Hamas "));
  activate (window, "doc.move-start", "i", -2);
  g_assert_cmpuint (am_annotation_get_start (first), ==, start);
  activate (window, "doc.move-end", "i", -1);
  g_assert_cmpuint (am_annotation_get_end (first), ==, end - 1);
  activate (window, "doc.move-end", "i", 2);
  g_assert_cmpuint (am_annotation_get_end (first), ==, end);
  activate (window, "doc.move-end", "i", -2);
  g_assert_cmpuint (am_annotation_get_end (first), ==, end - strlen (" Peninsula"));

  /* Every move is an edit of its own. */
  activate (window, "doc.undo", NULL);
  g_assert_cmpuint (am_annotation_get_end (first), ==, end);

  close_discarding (window);
}

/* The saved JSON, with the times of the edits left out. */
static char *
normalized_json (GFile *file)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *root;
  JsonArray *annotations;
  guint i;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  if (json_object_has_member (root, "annotations"))
    {
      annotations = json_object_get_array_member (root, "annotations");
      for (i = 0; i < json_array_get_length (annotations); i++)
        {
          JsonObject *annotation = json_array_get_object_element (annotations, i);

          json_object_remove_member (annotation, "created");
          json_object_remove_member (annotation, "modified");
        }
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

static void
test_save (void)
{
  g_autoptr(GFile) file = write_sample_document ("save.json");
  g_autoptr(GFile) expected = g_file_new_build_filename (TEST_DATA_DIR, "window",
                                                         "expected-save.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *saved_json = NULL;
  g_autofree char *expected_json = NULL;
  AmWindow *window;
  AmAnnotation *claim;

  set_annotator ("Tester");
  window = new_window ();
  g_assert_true (am_window_open (window, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_equal (am_window_get_file (window), file));

  claim = tag (window, CLAIM_TEXT, "claim");
  tag (window, ATTRIBUTION_TEXT, "attribution");
  activate (window, "doc.link", NULL);
  am_article_view_set_selected_annotation (article_view (window), claim);
  am_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_links (am_window_get_document (window))),
                    ==, 1);

  activate (window, "win.save", NULL);
  g_assert_true (wait_for (saved_cb, window));

  saved_json = normalized_json (file);
  expected_json = normalized_json (expected);
  g_assert_cmpstr (saved_json, ==, expected_json);

  close_discarding (window);
}

/* Under ASan, runs the calling test in a child process whose mallocs unwind
 * in full, and returns TRUE once it passed; otherwise returns FALSE for the
 * test to run here.
 */
static gboolean
run_in_full_unwind (void)
{
#ifdef __SANITIZE_ADDRESS__
  if (!g_test_subprocess ())
    {
      const char *options = g_getenv ("ASAN_OPTIONS");
      g_autofree char *saved = g_strdup (options);
      g_autofree char *full = g_strconcat (options != NULL ? options : "",
                                           options != NULL && options[0] != '\0' ? ":" : "",
                                           "fast_unwind_on_malloc=0", NULL);

      g_setenv ("ASAN_OPTIONS", full, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      if (saved != NULL)
        g_setenv ("ASAN_OPTIONS", saved, TRUE);
      else
        g_unsetenv ("ASAN_OPTIONS");
      g_test_trap_assert_passed ();
      return TRUE;
    }
#endif
  return FALSE;
}

static void
test_save_article_asks_where (void)
{
  g_autoptr(GFile) article = tmp_file ("article.txt");
  g_autoptr(GFile) target = tmp_file ("article.argumark.json");
  g_autoptr(GBytes) bytes = g_resources_lookup_data ("/org/argumark/Argumark/samples/hamas-isis-sinai.txt",
                                                     0, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GFile) parent = g_file_get_parent (article);
  g_autofree char *name = NULL;
  AmWindow *window;
  GtkWindow *chooser;

  if (run_in_full_unwind ())
    return;

  g_file_replace_contents (article, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_delete (target, NULL, NULL);

  set_annotator ("Tester");
  window = new_window ();
  g_assert_true (am_window_open (window, article, &error));
  g_assert_no_error (error);
  g_assert_null (am_window_get_file (window));
  g_assert_true (g_file_equal (am_window_get_origin (window), article));
  tag (window, CLAIM_TEXT, "claim");

  activate (window, "win.save", NULL);
  chooser = find_dialog (window, GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_nonnull (chooser);
  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "article.argumark.json");
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  g_assert_true (g_file_equal (folder, parent));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (wait_for (saved_cb, window));
  g_assert_true (g_file_equal (am_window_get_file (window), target));
  g_assert_true (g_file_query_exists (target, NULL));
  close_discarding (window);

  /* The article opened again comes with its saved annotations. */
  window = am_application_open_file (app, article, NULL);
  am_test_drain ();
  g_assert_nonnull (am_window_get_file (window));
  g_assert_true (g_file_equal (am_window_get_file (window), target));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (am_window_get_document (window))),
                    ==, 1);

  close_discarding (window);
}

static void
test_save_error (void)
{
  g_autoptr(GFile) file = write_sample_document ("save-error.json");
  g_autoptr(GError) error = NULL;
  AmWindow *window;

  set_annotator ("Tester");
  window = new_window ();
  g_assert_true (am_window_open (window, file, &error));
  g_assert_no_error (error);
  tag (window, CLAIM_TEXT, "claim");

  /* A folder now stands where the document was: the save fails, the work
   * stays in the window, unsaved, and the folder is untouched.
   */
  g_assert_true (g_file_delete (file, NULL, &error));
  g_assert_true (g_file_make_directory (file, NULL, &error));
  g_assert_no_error (error);

  activate (window, "win.save", NULL);
  wait_ms (300);
  g_assert_true (am_window_get_unsaved (window));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (am_window_get_document (window))),
                    ==, 1);
  g_assert_cmpint (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL), ==,
                   G_FILE_TYPE_DIRECTORY);

  close_discarding (window);
}

static gboolean
window_gone_cb (gpointer data)
{
  return *(AmWindow **) data == NULL;
}

static void
test_close_prompt (void)
{
  AmWindow *window;
  GtkWindow *dialog;
  g_autoptr(GFile) file = write_sample_document ("close.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) reloaded = NULL;

  set_annotator ("Tester");
  window = new_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (am_window_open (window, file, &error));
  tag (window, CLAIM_TEXT, "claim");

  /* Cancel keeps the window and the work. */
  activate (window, "win.close", NULL);
  dialog = find_dialog (window, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  am_test_drain ();
  g_assert_nonnull (window);
  g_assert_true (am_window_get_unsaved (window));
  g_assert_null (find_dialog (window, GTK_TYPE_MESSAGE_DIALOG));

  /* Save writes the work, then closes. */
  activate (window, "win.close", NULL);
  dialog = find_dialog (window, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_assert_true (wait_for (window_gone_cb, &window));

  reloaded = am_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (reloaded)), ==, 1);
}

static void
test_close_discard (void)
{
  AmWindow *window;
  GtkWindow *dialog;
  g_autoptr(GFile) file = write_sample_document ("discard.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) reloaded = NULL;

  set_annotator ("Tester");
  window = new_window ();
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (am_window_open (window, file, &error));
  tag (window, CLAIM_TEXT, "claim");

  gtk_window_close (GTK_WINDOW (window));
  am_test_drain ();
  dialog = find_dialog (window, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  am_test_drain ();
  g_assert_null (window);

  reloaded = am_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (reloaded)), ==, 0);
}

static gboolean
draft_exists_cb (gpointer data)
{
  GFile *file = data;
  g_autoptr(AmDrafts) drafts = am_drafts_new_default ();
  g_autofree char *key = am_drafts_key_for_file (file);

  return am_drafts_has (drafts, key);
}

static void
test_draft_recovery (void)
{
  g_autoptr(GFile) file = write_sample_document ("draft.json");
  g_autoptr(AmDrafts) drafts = am_drafts_new_default ();
  g_autofree char *key = am_drafts_key_for_file (file);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  AmWindow *window;
  AmDocument *document;

  set_annotator ("Tester");
  g_settings_set_uint (settings, "draft-interval", 1);

  window = new_window ();
  g_assert_true (am_window_open (window, file, &error));
  tag (window, CLAIM_TEXT, "claim");
  g_assert_true (wait_for (draft_exists_cb, file));

  /* A crash: the window goes without being asked to close. */
  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
  g_assert_true (am_drafts_has (drafts, key));

  /* Reopened: the saved version first, with the offer to restore. */
  window = new_window ();
  g_assert_true (am_window_open (window, file, &error));
  document = am_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 0);
  g_assert_false (am_window_get_unsaved (window));

  /* No edits until the question is answered. */
  {
    guint start;
    guint end;

    find_text (document, ATTRIBUTION_TEXT, &start, &end);
    am_article_view_select_range (article_view (window), start, end);
    gtk_widget_activate_action (GTK_WIDGET (window), "doc.tag", "s", "attribution");
    am_test_drain ();
    g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 0);
  }

  activate (window, "win.restore-draft", NULL);

  document = am_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 1);
  g_assert_true (am_window_get_unsaved (window));
  g_assert_true (g_file_equal (am_window_get_file (window), file));

  /* Saving it removes the draft. */
  activate (window, "win.save", NULL);
  g_assert_true (wait_for (saved_cb, window));
  g_assert_false (am_drafts_has (drafts, key));
  close_discarding (window);

  /* Discarding a draft keeps the saved version. */
  window = new_window ();
  g_assert_true (am_window_open (window, file, &error));
  tag (window, ATTRIBUTION_TEXT, "attribution");
  g_assert_true (wait_for (draft_exists_cb, file));
  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();

  window = new_window ();
  g_assert_true (am_window_open (window, file, &error));
  activate (window, "win.discard-draft", NULL);
  g_assert_false (am_drafts_has (drafts, key));
  document = am_window_get_document (window);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 1);
  g_assert_false (am_window_get_unsaved (window));
  close_discarding (window);

  g_settings_reset (settings, "draft-interval");
}

static void
test_open_errors (void)
{
  g_autoptr(GFile) bad = tmp_file ("bad.json");
  g_autoptr(GError) error = NULL;
  AmWindow *window = new_window ();
  AmWindow *shown;
  guint n_windows = g_list_length (gtk_application_get_windows (GTK_APPLICATION (app)));

  g_file_replace_contents (bad, "{ \"format\": ", strlen ("{ \"format\": "), NULL, FALSE,
                           G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);

  /* The error shows in the window it came from; no window is added. */
  shown = am_application_open_file (app, bad, window);
  g_assert_true (shown == window);
  g_assert_null (am_window_get_document (window));
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, n_windows);

  g_assert_false (am_window_open (window, bad, &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_JSON);

  close_discarding (window);
}

static void
test_preferences_apply (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AmWindow *window = new_window_with_sample ();
  AmArticleView *view = article_view (window);
  gboolean show = FALSE;

  g_settings_set_int (settings, "font-size", 20);
  g_settings_set_enum (settings, "snap-mode", AM_SNAP_SENTENCES);
  g_assert_cmpint (am_article_view_get_font_size (view), ==, 20);
  g_assert_cmpint (am_article_view_get_snap_mode (view), ==, AM_SNAP_SENTENCES);

  activate (window, "win.toggle-sidebar", NULL);
  g_assert_false (g_settings_get_boolean (settings, "show-sidebar"));
  g_object_get (window, "show-sidebar", &show, NULL);
  g_assert_false (show);
  g_settings_set_boolean (settings, "show-sidebar", TRUE);
  g_object_get (window, "show-sidebar", &show, NULL);
  g_assert_true (show);

  g_settings_reset (settings, "font-size");
  g_settings_reset (settings, "snap-mode");
  close_discarding (window);
}

static void
test_drop_files (void)
{
  g_autoptr(GFile) file = write_sample_document ("dropped.json");
  g_autoptr(GListModel) controllers = NULL;
  GtkDropTarget *target = NULL;
  GValue value = G_VALUE_INIT;
  GSList *files;
  AmWindow *window = new_window ();
  gboolean handled = FALSE;
  guint i;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (window));
  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);

  files = g_slist_append (NULL, file);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (files));
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &handled);
  g_value_unset (&value);
  g_slist_free (files);
  am_test_drain ();

  g_assert_true (handled);
  g_assert_nonnull (am_window_get_document (window));
  g_assert_true (g_file_equal (am_window_get_file (window), file));

  close_discarding (window);
}

static void
test_preferences_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *name = NULL;
  AmWindow *window = new_window ();
  GtkWindow *preferences;
  GtkWidget *entry;

  activate (window, "win.show-preferences", NULL);
  preferences = find_dialog (window, GTK_TYPE_WINDOW);
  g_assert_nonnull (preferences);
  g_assert_cmpstr (G_OBJECT_TYPE_NAME (preferences), ==, "AmPreferencesWindow");

  /* Bound to the settings: a change applies without a confirmation. */
  entry = find_descendant (GTK_WIDGET (preferences), GTK_TYPE_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Kim");
  name = g_settings_get_string (settings, "annotator-name");
  g_assert_cmpstr (name, ==, "Kim");

  g_settings_set_enum (settings, "color-scheme", 2);
  am_test_drain ();
  g_assert_true (am_article_view_get_dark (article_view (window)));
  g_settings_set_enum (settings, "color-scheme", 1);
  am_test_drain ();
  g_assert_false (am_article_view_get_dark (article_view (window)));
  g_settings_reset (settings, "color-scheme");

  gtk_window_destroy (preferences);
  close_discarding (window);
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  guint *frames = user_data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

/* Lets @widget lay out and draw a few times, so that a size or drawing
 * warning has its chance to show.
 */
static void
wait_frames (GtkWidget *widget,
             guint      n_frames)
{
  guint frames = 0;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint id = gtk_widget_add_tick_callback (widget, count_frame_cb, &frames, NULL);

  while (frames < n_frames && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_widget_remove_tick_callback (widget, id);
  g_assert_cmpuint (frames, >=, n_frames);
}

static void
test_shortcuts_window (void)
{
  AmWindow *window = new_window_with_sample ();
  GtkWindow *shortcuts;

  activate (window, "win.show-help-overlay", NULL);
  shortcuts = find_dialog (window, GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  wait_frames (GTK_WIDGET (shortcuts), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (shortcuts)));

  gtk_window_close (shortcuts);
  am_test_drain ();
  close_discarding (window);
}

static void
test_preferences_window_drawn (void)
{
  AmWindow *window = new_window ();
  GtkWindow *preferences;

  activate (window, "win.show-preferences", NULL);
  preferences = find_dialog (window, GTK_TYPE_WINDOW);
  g_assert_nonnull (preferences);
  wait_frames (GTK_WIDGET (preferences), 3);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (preferences)));

  gtk_window_destroy (preferences);
  am_test_drain ();
  close_discarding (window);
}

static void
test_remembers_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AmWindow *window = new_window ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  activate (window, "win.close", NULL);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);

  window = new_window ();
  {
    int width;
    int height;

    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 900);
    g_assert_cmpint (height, ==, 640);
  }

  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  close_discarding (window);
}

/* Last: it ends with the application quitting. */
static void
test_quit_asks_every_window (void)
{
  AmWindow *first;
  AmWindow *second;
  GtkWindow *dialog;

  set_annotator ("Tester");
  first = new_window_with_sample ();
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);
  tag (first, CLAIM_TEXT, "claim");
  second = new_window ();
  g_object_add_weak_pointer (G_OBJECT (second), (gpointer *) &second);
  {
    g_autoptr(GFile) file = write_sample_document ("quit.json");
    g_autoptr(GError) error = NULL;

    g_assert_true (am_window_open (second, file, &error));
  }
  tag (second, CLAIM_TEXT, "claim");

  /* Cancel at the first prompt stops the quit: both windows stay. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  am_test_drain ();
  dialog = find_dialog (first, GTK_TYPE_MESSAGE_DIALOG);
  if (dialog == NULL)
    dialog = find_dialog (second, GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  am_test_drain ();
  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_null (find_dialog (first, GTK_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_dialog (second, GTK_TYPE_MESSAGE_DIALOG));

  /* Discard in each, one prompt at a time: every window closes. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  am_test_drain ();
  while (first != NULL || second != NULL)
    {
      dialog = first != NULL ? find_dialog (first, GTK_TYPE_MESSAGE_DIALOG) : NULL;
      if (dialog == NULL && second != NULL)
        dialog = find_dialog (second, GTK_TYPE_MESSAGE_DIALOG);
      g_assert_nonnull (dialog);
      gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
      am_test_drain ();
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = am_test_app_start (&argc, &argv, "test-window", &tmp_dir);

  g_test_add_func ("/window/open-sample", test_open_sample);
  g_test_add_func ("/window/tag-relabel-delete-undo", test_tag_relabel_delete_undo);
  g_test_add_func ("/window/tag-without-selection", test_tag_without_selection);
  g_test_add_func ("/window/annotator-prompt", test_annotator_prompt);
  g_test_add_func ("/window/edit-note", test_edit_note);
  g_test_add_func ("/window/link", test_link);
  g_test_add_func ("/window/navigate-and-boundaries", test_navigate_and_boundaries);
  g_test_add_func ("/window/save", test_save);
  g_test_add_func ("/window/save-article-asks-where", test_save_article_asks_where);
  g_test_add_func ("/window/save-error", test_save_error);
  g_test_add_func ("/window/close-prompt", test_close_prompt);
  g_test_add_func ("/window/close-discard", test_close_discard);
  g_test_add_func ("/window/draft-recovery", test_draft_recovery);
  g_test_add_func ("/window/open-errors", test_open_errors);
  g_test_add_func ("/window/preferences-apply", test_preferences_apply);
  g_test_add_func ("/window/preferences-window", test_preferences_window);
  g_test_add_func ("/window/preferences-window-drawn", test_preferences_window_drawn);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/drop-files", test_drop_files);
  g_test_add_func ("/window/remembers-size", test_remembers_size);
  g_test_add_func ("/window/quit-asks-every-window", test_quit_asks_every_window);

  status = g_test_run ();
  am_test_app_finish (&app, &tmp_dir);

  return status;
}
