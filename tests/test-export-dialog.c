/* test-export-dialog.c: File > Export and File > Import in the window
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-application.h"
#include "am-document-io.h"
#include "am-export-dialog.h"
#include "am-exporter.h"
#include "am-import-dialog.h"
#include "am-importer.h"
#include "am-label-schema.h"
#include "am-label.h"
#include "am-window.h"
#include "am-test-gtk.h"

#define UNSAVED_WARNING "The corpus is read from its folder: save the open document first " \
                        "to include its latest changes."

static AmApplication *app;
static char *tmp_dir;

/* Helpers -------------------------------------------------------------- */

static gboolean
is_running (gpointer dialog)
{
  gboolean running;

  g_object_get (dialog, "running", &running, NULL);
  return running;
}

/* Runs the main loop until the dialog's worker has finished. */
static void
wait_done (gpointer dialog)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (is_running (dialog))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  am_test_drain ();
}

static gpointer
find_dialog (AmWindow *window,
             GType     type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (toplevel, type) &&
          gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return toplevel;
    }
  return NULL;
}

/* Whether a label in @widget shows @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }
  return FALSE;
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static void
copy_to (const char *source,
         const char *folder)
{
  g_autofree char *basename = g_path_get_basename (source);
  g_autofree char *target = g_build_filename (folder, basename, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

static char *
make_case_dir (const char *name)
{
  char *dir = g_build_filename (tmp_dir, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  return dir;
}

/* Equal files, or folders holding the same files with the same bytes. */
static void
assert_same_output (const char *expected,
                    const char *actual)
{
  if (g_file_test (expected, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (expected, 0, NULL);
      const char *name;
      guint n_expected = 0;
      guint n_actual = 0;

      g_assert_true (g_file_test (actual, G_FILE_TEST_IS_DIR));
      g_assert_nonnull (dir);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *a = g_build_filename (expected, name, NULL);
          g_autofree char *b = g_build_filename (actual, name, NULL);

          assert_same_output (a, b);
          n_expected++;
        }
      g_clear_pointer (&dir, g_dir_close);
      dir = g_dir_open (actual, 0, NULL);
      while (g_dir_read_name (dir) != NULL)
        n_actual++;
      g_assert_cmpuint (n_expected, >, 0);
      g_assert_cmpuint (n_actual, ==, n_expected);
    }
  else
    {
      g_autofree char *a = read_text (expected);
      g_autofree char *b = read_text (actual);

      g_assert_cmpstr (b, ==, a);
    }
}

/* Annotations carry the time they were made: another second, other bytes. */
static char *
without_times (const char *json)
{
  g_autoptr(GRegex) regex = g_regex_new ("\"(created|modified)\": \"[^\"]*\"", 0, 0, NULL);

  return g_regex_replace_literal (regex, json, -1, 0, "", 0, NULL);
}

static AmWindow *
open_in_window (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmWindow *window = am_application_open_file (app, file, NULL);

  am_test_drain ();
  g_assert_nonnull (am_window_get_document (window));
  return window;
}

static AmExportDialog *
open_export_dialog (AmWindow *window)
{
  AmExportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
  am_test_drain ();
  dialog = find_dialog (window, AM_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
run_export (AmExportDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  g_assert_true (am_export_dialog_get_running (dialog));
  wait_done (dialog);
}

/* Each test starts from the default options, whatever the last one used. */
static void
close_all (AmWindow *window)
{
  static const char * const keys[] = {
    "export-format", "export-excluded-labels", "export-only-done", "export-split-enabled",
    "export-split", "export-seed", "import-format", "import-offsets",
  };
  g_autoptr(GSettings) settings = g_settings_new ("org.argumark.Argumark");
  guint i;

  for (i = 0; i < G_N_ELEMENTS (keys); i++)
    g_settings_reset (settings, keys[i]);
  gtk_window_destroy (GTK_WINDOW (window));
  am_test_drain ();
}

/* Export --------------------------------------------------------------- */

static void
test_export_document (void)
{
  static const AmExportFormat formats[] = {
    AM_EXPORT_FORMAT_JSONL, AM_EXPORT_FORMAT_DOCCANO, AM_EXPORT_FORMAT_DOCCANO_RELATIONS,
    AM_EXPORT_FORMAT_BRAT, AM_EXPORT_FORMAT_CONLL, AM_EXPORT_FORMAT_CSV, AM_EXPORT_FORMAT_W3C,
    AM_EXPORT_FORMAT_WEBANNO,
  };
  g_autofree char *dir = make_case_dir ("document");
  g_autofree char *path = g_build_filename (dir, "hamas-isis-sinai.argumark.json", NULL);
  g_autofree char *proposed = g_build_filename (dir, "hamas-isis-sinai.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AmExportDialog *dialog;
  AmWindow *window;
  guint i;

  copy_to (SAMPLE_CORPUS "/hamas-isis-sinai.argumark.json", dir);
  window = open_in_window (path);
  dialog = open_export_dialog (window);

  /* The output is proposed beside the document, named after it. */
  g_assert_cmpint (am_export_dialog_get_scope (dialog), ==, AM_EXPORT_SCOPE_DOCUMENT);
  g_assert_cmpint (am_export_dialog_get_format (dialog), ==, AM_EXPORT_FORMAT_JSONL);
  {
    g_autofree char *target = g_file_get_path (am_export_dialog_get_target (dialog));

    g_assert_cmpstr (target, ==, proposed);
  }

  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autoptr(AmExporter) exporter = am_exporter_new (formats[i]);
      g_autoptr(GError) error = NULL;
      const char *name = am_export_format_to_string (formats[i]);
      g_autofree char *actual = g_strdup_printf ("%s/out-%s", dir, name);
      g_autofree char *expected = g_strdup_printf ("%s/expected-%s", dir, name);
      g_autoptr(GFile) actual_file = g_file_new_for_path (actual);
      g_autoptr(GFile) expected_file = g_file_new_for_path (expected);

      am_export_dialog_set_format (dialog, formats[i]);
      am_export_dialog_set_target (dialog, actual_file);
      run_export (dialog);
      g_assert_null (am_export_dialog_get_error_message (dialog));
      g_assert_true (g_str_has_prefix (am_export_dialog_get_summary (dialog), "Exported 1 document, "));
      g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (dialog)));
      g_assert_true (shows_text (GTK_WIDGET (dialog), am_export_dialog_get_summary (dialog)));

      g_assert_true (am_exporter_add_file (exporter, file, &error));
      g_assert_no_error (error);
      g_assert_true (am_exporter_export (exporter, expected_file, NULL, &error));
      g_assert_no_error (error);
      assert_same_output (expected, actual);
    }

  /* Labels left out, as --labels keeps the others. */
  {
    g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
    g_autoptr(GError) error = NULL;
    g_autoptr(AmDocument) doc = am_document_load (file, NULL, &error);
    g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *actual = g_build_filename (dir, "claims.jsonl", NULL);
    g_autofree char *expected = g_build_filename (dir, "claims-expected.jsonl", NULL);
    g_autoptr(GFile) actual_file = g_file_new_for_path (actual);
    g_autoptr(GFile) expected_file = g_file_new_for_path (expected);
    GListModel *labels;

    g_assert_no_error (error);
    labels = am_label_schema_get_labels (am_document_get_schema (doc));
    for (i = 0; i < g_list_model_get_n_items (labels); i++)
      {
        g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

        if (!g_str_equal (am_label_get_id (label), "attribution"))
          g_ptr_array_add (kept, g_strdup (am_label_get_id (label)));
      }
    g_ptr_array_add (kept, NULL);

    am_export_dialog_set_format (dialog, AM_EXPORT_FORMAT_JSONL);
    am_export_dialog_set_label_kept (dialog, "attribution", FALSE);
    am_export_dialog_set_target (dialog, actual_file);
    run_export (dialog);
    g_assert_null (am_export_dialog_get_error_message (dialog));

    am_exporter_set_labels (exporter, (const char * const *) kept->pdata);
    g_assert_true (am_exporter_add_file (exporter, file, &error));
    g_assert_true (am_exporter_export (exporter, expected_file, NULL, &error));
    g_assert_no_error (error);
    assert_same_output (expected, actual);
    {
      g_autofree char *text = read_text (actual);

      g_assert_null (strstr (text, "\"attribution\""));
      g_assert_nonnull (strstr (text, "\"claim\""));
    }
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all (window);
}

/* The dialog of the next window starts from the options used last. */
static void
test_export_remembers (void)
{
  g_autofree char *dir = make_case_dir ("remember");
  g_autofree char *path = g_build_filename (dir, "hamas-isis-sinai.argumark.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  AmExportDialog *dialog;
  AmWindow *window;

  copy_to (SAMPLE_CORPUS "/hamas-isis-sinai.argumark.json", dir);
  window = open_in_window (path);
  dialog = open_export_dialog (window);
  am_export_dialog_set_format (dialog, AM_EXPORT_FORMAT_CSV);
  am_export_dialog_set_target (dialog, out_file);
  run_export (dialog);
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = open_export_dialog (window);
  g_assert_cmpint (am_export_dialog_get_format (dialog), ==, AM_EXPORT_FORMAT_CSV);
  gtk_window_destroy (GTK_WINDOW (dialog));

  close_all (window);
}

static void
test_export_corpus_split (void)
{
  static const char * const names[] = {
    "ar-pud-news", "hamas-isis-sinai", "he-pinkwashing",
  };
  g_autofree char *dir = make_case_dir ("corpus");
  g_autofree char *corpus = g_build_filename (dir, "news", NULL);
  g_autofree char *actual = g_build_filename (dir, "split", NULL);
  g_autofree char *expected = g_build_filename (dir, "split-expected", NULL);
  g_autoptr(GFile) corpus_file = g_file_new_for_path (corpus);
  g_autoptr(GFile) actual_file = g_file_new_for_path (actual);
  g_autoptr(GFile) expected_file = g_file_new_for_path (expected);
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_CONLL);
  g_autoptr(GError) error = NULL;
  const AmDocumentStatus done = AM_DOCUMENT_STATUS_DONE;
  AmExportDialog *dialog;
  AmWindow *window;
  guint i;

  g_assert_cmpint (g_mkdir_with_parents (corpus, 0700), ==, 0);
  for (i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *json = g_strdup_printf (SAMPLE_CORPUS "/%s.argumark.json", names[i]);
      g_autofree char *txt = g_strdup_printf (SAMPLE_CORPUS "/%s.txt", names[i]);

      copy_to (json, corpus);
      copy_to (txt, corpus);
    }

  window = am_application_open_file (app, corpus_file, NULL);
  am_test_drain ();
  /* An unsaved change: the dialog warns that the corpus comes from disk. */
  am_document_set_status (am_window_get_document (window), AM_DOCUMENT_STATUS_NEW);
  g_assert_true (am_window_get_unsaved (window));
  dialog = open_export_dialog (window);
  g_assert_false (shows_text (GTK_WIDGET (dialog), UNSAVED_WARNING));
  am_export_dialog_set_scope (dialog, AM_EXPORT_SCOPE_CORPUS);
  g_assert_true (shows_text (GTK_WIDGET (dialog), UNSAVED_WARNING));
  /* Beside the corpus, not in it. */
  {
    g_autoptr(GFile) parent = g_file_get_parent (am_export_dialog_get_target (dialog));

    g_autoptr(GFile) dir_file = g_file_new_for_path (dir);

    g_assert_true (g_file_equal (parent, dir_file));
  }
  am_export_dialog_set_format (dialog, AM_EXPORT_FORMAT_CONLL);
  am_export_dialog_set_split (dialog, "train=0.5,test=0.5", 7);
  am_export_dialog_set_only_done (dialog, TRUE);
  am_export_dialog_set_target (dialog, actual_file);
  run_export (dialog);
  g_assert_null (am_export_dialog_get_error_message (dialog));
  /* One of the three is done. */
  g_assert_true (g_str_has_prefix (am_export_dialog_get_summary (dialog), "Exported 1 document, "));
  g_assert_nonnull (strstr (am_export_dialog_get_summary (dialog),
                            "2 documents were left out because they are not done."));

  g_assert_true (am_exporter_set_split (exporter, "train=0.5,test=0.5", 7, &error));
  am_exporter_set_statuses (exporter, &done, 1);
  g_assert_true (am_exporter_add_file (exporter, corpus_file, &error));
  g_assert_true (am_exporter_export (exporter, expected_file, NULL, &error));
  g_assert_no_error (error);
  assert_same_output (expected, actual);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all (window);
}

static void
test_export_errors (void)
{
  g_autofree char *dir = make_case_dir ("errors");
  g_autofree char *path = g_build_filename (dir, "hamas-isis-sinai.argumark.json", NULL);
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *unwritable = g_build_filename (blocker, "out.jsonl", NULL);
  g_autofree char *existing = g_build_filename (dir, "existing.jsonl", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) unwritable_file = g_file_new_for_path (unwritable);
  g_autoptr(GFile) existing_file = g_file_new_for_path (existing);
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  g_autoptr(GError) error = NULL;
  AmExportDialog *dialog;
  AmWindow *window;

  copy_to (SAMPLE_CORPUS "/hamas-isis-sinai.argumark.json", dir);
  g_file_set_contents (blocker, "a file, not a folder\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (existing, "earlier work\n", -1, &error);
  g_assert_no_error (error);

  window = open_in_window (path);
  dialog = open_export_dialog (window);
  am_export_dialog_set_format (dialog, AM_EXPORT_FORMAT_JSONL);

  /* A target inside a file: the core's message, shown, and nothing written. */
  am_export_dialog_set_target (dialog, unwritable_file);
  run_export (dialog);
  g_assert_null (am_export_dialog_get_summary (dialog));
  g_assert_nonnull (am_export_dialog_get_error_message (dialog));
  g_assert_true (shows_text (GTK_WIDGET (dialog), am_export_dialog_get_error_message (dialog)));
  g_assert_true (am_exporter_add_file (exporter, file, &error));
  g_assert_false (am_exporter_export (exporter, unwritable_file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (am_export_dialog_get_error_message (dialog), ==, error->message);
  g_clear_error (&error);
  {
    g_autofree char *text = read_text (blocker);

    g_assert_cmpstr (text, ==, "a file, not a folder\n");
  }
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;
    guint n = 0;

    while ((name = g_dir_read_name (listing)) != NULL)
      n++;
    g_assert_cmpuint (n, ==, 3);
  }

  /* An existing file is kept unless replacing is allowed. */
  am_export_dialog_set_target (dialog, existing_file);
  run_export (dialog);
  g_assert_nonnull (strstr (am_export_dialog_get_error_message (dialog), "already exists"));
  {
    g_autofree char *text = read_text (existing);

    g_assert_cmpstr (text, ==, "earlier work\n");
  }
  am_export_dialog_set_overwrite (dialog, TRUE);
  run_export (dialog);
  g_assert_null (am_export_dialog_get_error_message (dialog));
  {
    g_autofree char *text = read_text (existing);

    g_assert_true (g_str_has_prefix (text, "{\"id\""));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all (window);
}

/* Closing the window while the worker writes: the export finishes on its own. */
static void
test_export_parent_closed (void)
{
  g_autofree char *dir = make_case_dir ("closed");
  g_autofree char *path = g_build_filename (dir, "hamas-isis-sinai.argumark.json", NULL);
  g_autofree char *out = g_build_filename (dir, "out.conll", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(AmExportDialog) dialog = NULL;
  AmWindow *window;

  copy_to (SAMPLE_CORPUS "/hamas-isis-sinai.argumark.json", dir);
  window = open_in_window (path);
  dialog = g_object_ref (open_export_dialog (window));
  am_export_dialog_set_format (dialog, AM_EXPORT_FORMAT_CONLL);
  am_export_dialog_set_target (dialog, out_file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "export.run", NULL));
  close_all (window);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  wait_done (dialog);
  /* Finished or stopped, but never half-written. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".part"));
  }
  if (am_export_dialog_get_summary (dialog) == NULL)
    {
      g_assert_cmpstr (am_export_dialog_get_error_message (dialog), ==,
                       "The export was stopped; nothing was written.");
      g_assert_false (g_file_query_exists (out_file, NULL));
    }
  else
    g_assert_true (g_file_query_exists (out_file, NULL));
}

/* Import --------------------------------------------------------------- */

static AmImportDialog *
open_import_dialog (AmWindow *window)
{
  AmImportDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  am_test_drain ();
  dialog = find_dialog (window, AM_TYPE_IMPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
run_import (AmImportDialog *dialog)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  g_assert_true (am_import_dialog_get_running (dialog));
  wait_done (dialog);
}

static void
test_import_brat (void)
{
  g_autofree char *dir = make_case_dir ("import");
  g_autofree char *path = g_build_filename (dir, "hamas-isis-sinai.argumark.json", NULL);
  g_autofree char *corpus = g_build_filename (dir, "imported", NULL);
  g_autofree char *written_json = g_build_filename (corpus, "pair.argumark.json", NULL);
  g_autofree char *written_txt = g_build_filename (corpus, "pair.txt", NULL);
  g_autofree char *ann = g_build_filename (dir, "pair.ann", NULL);
  g_autofree char *txt = g_build_filename (dir, "pair.txt", NULL);
  g_autoptr(GFile) corpus_file = g_file_new_for_path (corpus);
  g_autoptr(GFile) ann_file = g_file_new_for_path (ann);
  g_autoptr(GFile) txt_file = g_file_new_for_path (txt);
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_AUTO, NULL);
  g_autoptr(AmDocument) expected = NULL;
  g_autoptr(GBytes) expected_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  AmImportDialog *dialog;
  AmImportProblem *problem;
  AmWindow *window;
  AmWindow *shown;

  /* A span whose stored text is not the article's, so that the report has
   * a line to show; the rest imports. */
  g_file_set_contents (txt, "Officials said the bridge will open in May. Critics disagree.\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (ann,
                       "T1\tattribution 0 9\tOfficials\n"
                       "T2\tclaim 15 42\tthe bridge will open in May\n"
                       "R1\tsource Arg1:T1 Arg2:T2\n"
                       "T3\tclaim 44 51\tNothing\n",
                       -1, &error);
  g_assert_no_error (error);
  copy_to (SAMPLE_CORPUS "/hamas-isis-sinai.argumark.json", dir);

  window = open_in_window (path);
  dialog = open_import_dialog (window);
  /* Both halves of the pair chosen: imported once. */
  am_import_dialog_add_input (dialog, ann_file);
  am_import_dialog_add_input (dialog, txt_file);
  am_import_dialog_add_input (dialog, txt_file);
  g_assert_cmpuint (g_list_model_get_n_items (am_import_dialog_get_inputs (dialog)), ==, 2);
  {
    g_autofree char *proposed = g_file_get_path (am_import_dialog_get_target (dialog));
    g_autofree char *wanted = g_build_filename (dir, "pair-argumark", NULL);

    g_assert_cmpstr (proposed, ==, wanted);
  }
  am_import_dialog_set_format (dialog, AM_IMPORT_FORMAT_BRAT);
  am_import_dialog_set_target (dialog, corpus_file);
  run_import (dialog);

  g_assert_null (am_import_dialog_get_error_message (dialog));
  g_assert_true (g_str_has_prefix (am_import_dialog_get_summary (dialog), "Imported 1 document, "));
  g_assert_true (shows_text (GTK_WIDGET (dialog), am_import_dialog_get_summary (dialog)));

  /* What the core importer makes of the same pair, written as the CLI does. */
  g_assert_true (am_importer_import_file (importer, ann_file, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_importer_get_documents (importer)), ==, 1);
  expected = g_list_model_get_item (am_importer_get_documents (importer), 0);
  expected_bytes = am_document_to_bytes (expected);
  json = read_text (written_json);
  {
    g_autofree char *expected_json = g_strndup (g_bytes_get_data (expected_bytes, NULL),
                                                g_bytes_get_size (expected_bytes));
    g_autofree char *a = without_times (json);
    g_autofree char *b = without_times (expected_json);

    g_assert_cmpstr (a, ==, b);
  }
  text = read_text (written_txt);
  g_assert_cmpstr (text, ==, am_document_get_text_utf8 (expected));

  /* The report, one row per line: file, line and reason. */
  {
    g_auto(GStrv) lines = am_import_report_dup_lines (am_importer_get_report (importer));
    GListModel *problems = am_import_dialog_get_problems (dialog);

    g_assert_cmpuint (g_strv_length (lines), >, 0);
    g_assert_cmpuint (g_list_model_get_n_items (problems), ==, g_strv_length (lines));
    problem = g_list_model_get_item (problems, 0);
    g_assert_true (g_str_has_suffix (am_import_problem_get_file (problem), "pair.ann"));
    g_assert_cmpuint (am_import_problem_get_line (problem), ==, 4);
    g_assert_nonnull (strstr (lines[0], am_import_problem_get_reason (problem)));
    g_object_unref (problem);
  }

  /* Open shows the single document in a window. */
  {
    g_autoptr(GFile) json_file = g_file_new_for_path (written_json);

    g_assert_true (g_file_equal (am_import_dialog_get_result (dialog), json_file));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.open", NULL));
    am_test_drain ();
    shown = NULL;
    for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
      {
        if (AM_IS_WINDOW (l->data) && am_window_has_file (l->data, json_file))
          shown = l->data;
      }
    g_assert_nonnull (shown);
    g_assert_cmpstr (am_document_get_text_utf8 (am_window_get_document (shown)), ==,
                     am_document_get_text_utf8 (expected));
    g_assert_null (find_dialog (window, AM_TYPE_IMPORT_DIALOG));
  }

  /* Again into the same folder: refused, and what is there stays. */
  dialog = open_import_dialog (window);
  am_import_dialog_add_input (dialog, ann_file);
  am_import_dialog_set_target (dialog, corpus_file);
  run_import (dialog);
  g_assert_nonnull (strstr (am_import_dialog_get_error_message (dialog), "already exist"));
  g_assert_null (am_import_dialog_get_result (dialog));
  /* What was read is still listed, so that it can be fixed before trying again. */
  g_assert_cmpuint (g_list_model_get_n_items (am_import_dialog_get_problems (dialog)), ==, 1);
  {
    g_autofree char *again = read_text (written_json);

    g_assert_cmpstr (again, ==, json);
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  if (shown != window)
    close_all (shown);
  close_all (window);
}

static void
test_import_refused (void)
{
  g_autofree char *dir = make_case_dir ("refused");
  g_autofree char *path = g_build_filename (dir, "hamas-isis-sinai.argumark.json", NULL);
  g_autofree char *bad = g_build_filename (dir, "broken.jsonl", NULL);
  g_autofree char *corpus = g_build_filename (dir, "out", NULL);
  g_autoptr(GFile) bad_file = g_file_new_for_path (bad);
  g_autoptr(GFile) corpus_file = g_file_new_for_path (corpus);
  g_autoptr(GError) error = NULL;
  AmImportDialog *dialog;
  AmImportProblem *problem;
  AmWindow *window;

  copy_to (SAMPLE_CORPUS "/hamas-isis-sinai.argumark.json", dir);
  g_file_set_contents (bad, "\xff\xfe not UTF-8 at all {\n", -1, &error);
  g_assert_no_error (error);

  window = open_in_window (path);
  dialog = open_import_dialog (window);
  am_import_dialog_add_input (dialog, bad_file);
  am_import_dialog_set_format (dialog, AM_IMPORT_FORMAT_DOCCANO);
  am_import_dialog_set_target (dialog, corpus_file);
  run_import (dialog);

  g_assert_nonnull (am_import_dialog_get_error_message (dialog));
  g_assert_null (am_import_dialog_get_result (dialog));
  g_assert_false (g_file_query_exists (corpus_file, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (am_import_dialog_get_problems (dialog)), ==, 1);
  problem = g_list_model_get_item (am_import_dialog_get_problems (dialog), 0);
  g_assert_cmpstr (am_import_problem_get_file (problem), ==, bad);
  g_assert_true (g_str_has_prefix (am_import_problem_get_reason (problem), "refused: "));
  g_object_unref (problem);

  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = am_test_app_start (&argc, &argv, "test-export-dialog", &tmp_dir);

  g_test_add_func ("/export-dialog/document", test_export_document);
  g_test_add_func ("/export-dialog/remembers", test_export_remembers);
  g_test_add_func ("/export-dialog/corpus-split", test_export_corpus_split);
  g_test_add_func ("/export-dialog/errors", test_export_errors);
  g_test_add_func ("/export-dialog/parent-closed", test_export_parent_closed);
  g_test_add_func ("/import-dialog/brat", test_import_brat);
  g_test_add_func ("/import-dialog/refused", test_import_refused);

  status = g_test_run ();
  am_test_app_finish (&app, &tmp_dir);

  return status;
}
