/* test-corpus.c: corpus folders, their lazy summaries, and the
 * import-articles and status commands
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "am-corpus.h"
#include "am-document-io.h"
#include "am-test.h"

/* A temporary folder, removed at the end of the test. */
typedef struct
{
  char *path;
} Folder;

static void
folder_setup (Folder        *folder,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  folder->path = g_dir_make_tmp ("test-corpus-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
folder_teardown (Folder        *folder,
                 gconstpointer  data)
{
  am_test_remove_tree (folder->path);
  g_free (folder->path);
}

static void
write_file (const char *folder,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static char *
read_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  return contents;
}

/* A saved document with @n annotations and the given status. */
static void
write_document (const char       *folder,
                const char       *name,
                const char       *text,
                guint             n,
                AmDocumentStatus  status)
{
  g_autofree char *file_name = g_strconcat (name, ".argumark.json", NULL);
  g_autofree char *path = g_build_filename (folder, file_name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmDocument) document = am_document_new (text, NULL);
  g_autoptr(GError) error = NULL;
  guint i;

  am_document_set_meta (document, "title", name);
  for (i = 0; i < n; i++)
    {
      am_document_add_annotation (document, "claim", i, i + 1, &error);
      g_assert_no_error (error);
    }
  am_document_set_status (document, status);
  am_document_save (document, file, &error);
  g_assert_no_error (error);
}

static AmCorpus *
open_folder (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmCorpus *corpus = am_corpus_open (file, &error);

  g_assert_no_error (error);
  g_assert_nonnull (corpus);
  return corpus;
}

static AmCorpusItem *
item_at (AmCorpus *corpus,
         guint     position)
{
  g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), position);

  g_assert_nonnull (item);
  return item; /* the corpus holds it */
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until *@done or ten seconds. */
static void
wait_for (gboolean *done)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (10, timeout_cb, &timed_out);

  while (!*done && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (am_corpus_load_summaries_finish (AM_CORPUS (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *)user_data)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  guint *change = user_data;

  change[0] = position;
  change[1] = removed;
  change[2] = added;
  change[3]++;
}

static const char * const sample_names[] = {
  "ar-pud-news", "hamas-isis-sinai", "he-pinkwashing", "hi-pud-news", "zh-pud-news",
};

static void
test_open_sample (void)
{
  g_autoptr(AmCorpus) corpus = open_folder (SAMPLE_CORPUS);
  AmCorpusItem *item;
  guint i;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 5);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (corpus)) == AM_TYPE_CORPUS_ITEM);
  for (i = 0; i < G_N_ELEMENTS (sample_names); i++)
    {
      item = item_at (corpus, i);
      g_assert_cmpstr (am_corpus_item_get_name (item), ==, sample_names[i]);
      /* Nothing is read before the summaries are asked for. */
      g_assert_false (am_corpus_item_get_summarized (item));
      g_assert_cmpstr (am_corpus_item_get_title (item), ==, sample_names[i]);
      g_assert_nonnull (am_corpus_item_get_article_file (item));
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (corpus), 5));
  g_assert_null (am_corpus_get_schema (corpus));
  g_assert_cmpuint (am_corpus_get_n_summarized (corpus), ==, 0);

  item = am_corpus_lookup (corpus, "hamas-isis-sinai");
  g_assert_nonnull (item);
  g_assert_true (am_corpus_item_get_has_document (item));
  {
    g_autofree char *basename = g_file_get_basename (am_corpus_item_get_document_file (item));

    g_assert_cmpstr (basename, ==, "hamas-isis-sinai.argumark.json");
  }
  item = am_corpus_lookup (corpus, "zh-pud-news");
  g_assert_false (am_corpus_item_get_has_document (item));
  {
    /* Where a new document will be saved. */
    g_autofree char *basename = g_file_get_basename (am_corpus_item_get_document_file (item));

    g_assert_cmpstr (basename, ==, "zh-pud-news.argumark.json");
  }
  g_assert_null (am_corpus_lookup (corpus, "nothing"));
}

static void
check_sample_summaries (AmCorpus *corpus)
{
  AmCorpusItem *item;

  g_assert_cmpuint (am_corpus_get_n_summarized (corpus), ==, 5);
  g_assert_cmpuint (am_corpus_get_n_new (corpus), ==, 2);
  g_assert_cmpuint (am_corpus_get_n_in_progress (corpus), ==, 2);
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 1);
  g_assert_cmpuint (am_corpus_get_n_annotations (corpus), ==, 12);

  item = am_corpus_lookup (corpus, "hamas-isis-sinai");
  g_assert_true (am_corpus_item_get_summarized (item));
  g_assert_cmpstr (am_corpus_item_get_title (item), ==,
                   "Hamas could see a strategic advantage in aiding ISIS");
  g_assert_cmpint (am_corpus_item_get_status (item), ==, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 6);
  g_assert_cmpuint (am_corpus_item_get_n_links (item), ==, 4);
  g_assert_null (am_corpus_item_get_problem (item));

  item = am_corpus_lookup (corpus, "ar-pud-news");
  g_assert_cmpint (am_corpus_item_get_status (item), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 4);
  g_assert_true (g_str_has_prefix (am_corpus_item_get_title (item), "كتبت كوري شولمان"));

  /* An article without a document: its first line, marks and all. */
  item = am_corpus_lookup (corpus, "hi-pud-news");
  g_assert_cmpint (am_corpus_item_get_status (item), ==, AM_DOCUMENT_STATUS_NEW);
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 0);
  g_assert_true (g_str_has_prefix (am_corpus_item_get_title (item), "“संयुक्त राज्य अमेरिका"));
}

static void
test_summaries_async (void)
{
  g_autoptr(AmCorpus) corpus = open_folder (SAMPLE_CORPUS);
  AmCorpusItem *item = am_corpus_lookup (corpus, "hamas-isis-sinai");
  guint item_notifies = 0, done_notifies = 0, loading_notifies = 0;
  guint change[4] = { 0, };
  gboolean done = FALSE;

  g_signal_connect (item, "notify::n-annotations", G_CALLBACK (count_cb), &item_notifies);
  g_signal_connect (corpus, "notify::n-done", G_CALLBACK (count_cb), &done_notifies);
  g_signal_connect (corpus, "notify::loading", G_CALLBACK (count_cb), &loading_notifies);
  g_signal_connect (corpus, "items-changed", G_CALLBACK (items_changed_cb), change);

  am_corpus_load_summaries_async (corpus, NULL, load_done_cb, &done);
  g_assert_true (am_corpus_get_loading (corpus));
  /* The list does not wait for the summaries. */
  g_assert_false (am_corpus_item_get_summarized (item));
  wait_for (&done);

  g_assert_false (am_corpus_get_loading (corpus));
  g_assert_cmpuint (loading_notifies, ==, 2);
  g_assert_cmpuint (item_notifies, ==, 1);
  g_assert_cmpuint (done_notifies, ==, 1);
  /* Summaries change items, never the list. */
  g_assert_cmpuint (change[3], ==, 0);
  check_sample_summaries (corpus);

  /* Nothing left to load: completes at once, changes nothing. */
  done = FALSE;
  am_corpus_load_summaries_async (corpus, NULL, load_done_cb, &done);
  wait_for (&done);
  g_assert_cmpuint (item_notifies, ==, 1);
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_false (am_corpus_load_summaries_finish (AM_CORPUS (object), result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  *done = TRUE;
}

static void
test_summaries_cancel (void)
{
  g_autoptr(AmCorpus) corpus = open_folder (SAMPLE_CORPUS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  gboolean done = FALSE;

  g_cancellable_cancel (cancellable);
  am_corpus_load_summaries_async (corpus, cancellable, cancelled_cb, &done);
  wait_for (&done);
  g_assert_false (am_corpus_get_loading (corpus));
  g_assert_cmpuint (am_corpus_get_n_summarized (corpus), ==, 0);

  /* Cancelled items are loaded by the next call. */
  done = FALSE;
  am_corpus_load_summaries_async (corpus, NULL, load_done_cb, &done);
  wait_for (&done);
  check_sample_summaries (corpus);
}

static void
test_summaries_sync (void)
{
  g_autoptr(AmCorpus) corpus = open_folder (SAMPLE_CORPUS);
  g_autoptr(GError) error = NULL;

  g_assert_true (am_corpus_load_summaries (corpus, NULL, &error));
  g_assert_no_error (error);
  check_sample_summaries (corpus);
}

static void
test_next_previous (void)
{
  g_autoptr(AmCorpus) corpus = open_folder (SAMPLE_CORPUS);
  AmCorpusItem *first = item_at (corpus, 0);
  AmCorpusItem *last = item_at (corpus, 4);
  g_autoptr(AmCorpusItem) second = am_corpus_dup_next (corpus, first);
  g_autoptr(AmCorpusItem) back = NULL;
  g_autoptr(AmCorpusItem) before_last = am_corpus_dup_previous (corpus, last);
  guint position = 0;

  g_assert_cmpstr (am_corpus_item_get_name (second), ==, "hamas-isis-sinai");
  back = am_corpus_dup_previous (corpus, second);
  g_assert_true (back == first);
  g_assert_cmpstr (am_corpus_item_get_name (before_last), ==, "hi-pud-news");
  g_assert_null (am_corpus_dup_previous (corpus, first));
  g_assert_null (am_corpus_dup_next (corpus, last));
  g_assert_true (am_corpus_find_item (corpus, before_last, &position));
  g_assert_cmpuint (position, ==, 3);
}

static void
test_open_items (void)
{
  g_autoptr(AmCorpus) corpus = open_folder (SAMPLE_CORPUS);
  g_autoptr(AmDocument) annotated = NULL;
  g_autoptr(AmDocument) fresh = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;

  annotated = am_corpus_open_item (corpus, am_corpus_lookup (corpus, "he-pinkwashing"),
                                   &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (annotated)), ==, 2);
  g_assert_cmpint (am_document_get_status (annotated), ==, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_true (am_load_report_is_empty (report));
  g_clear_object (&report);

  fresh = am_corpus_open_item (corpus, am_corpus_lookup (corpus, "zh-pud-news"), &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (fresh)), ==, 0);
  g_assert_cmpint (am_document_get_status (fresh), ==, AM_DOCUMENT_STATUS_NEW);
  g_assert_cmpstr (am_document_get_meta (fresh, "id"), ==, "zh-pud-news");
  g_assert_false (am_document_get_modified (fresh));
  g_assert_false (am_document_get_can_undo (fresh));
  g_assert_nonnull (am_label_schema_lookup_label (am_document_get_schema (fresh), "claim"));
}

static const char *custom_schema =
  "{\"labels\": [{\"id\": \"evidence\", \"name\": \"Evidence\", \"color\": \"#26a269\","
  " \"dark_color\": \"#8ff0a4\", \"key\": \"e\"}], \"relations\": []}";

static void
test_schema (Folder        *folder,
             gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_path = g_build_filename (folder->path, "schema.json", NULL);
  guint schema_notifies = 0;

  write_file (folder->path, "one.txt", "An article.\n\nIt says things.\n");
  write_file (folder->path, "schema.json", custom_schema);
  corpus = open_folder (folder->path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  g_assert_nonnull (am_corpus_get_schema (corpus));
  g_assert_nonnull (am_label_schema_lookup_label (am_corpus_get_schema (corpus), "evidence"));

  /* New documents take the corpus schema. */
  document = am_corpus_open_item (corpus, item_at (corpus, 0), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (am_label_schema_lookup_label (am_document_get_schema (document), "evidence"));
  g_assert_null (am_label_schema_lookup_label (am_document_get_schema (document), "claim"));
  g_assert_cmpstr (am_document_get_title (document), ==, "An article.");
  g_assert_false (am_document_get_modified (document));
  am_document_add_annotation (document, "evidence", 0, 2, &error);
  g_assert_no_error (error);

  /* A broken schema.json at a reload leaves the corpus as it was. */
  g_signal_connect (corpus, "notify::schema", G_CALLBACK (count_cb), &schema_notifies);
  write_file (folder->path, "schema.json", "{\"labels\": [");
  g_assert_false (am_corpus_reload (corpus, &error));
  g_assert_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_BAD_SCHEMA);
  g_clear_error (&error);
  g_assert_nonnull (am_label_schema_lookup_label (am_corpus_get_schema (corpus), "evidence"));

  g_unlink (schema_path);
  g_assert_true (am_corpus_reload (corpus, &error));
  g_assert_no_error (error);
  g_assert_null (am_corpus_get_schema (corpus));
  g_assert_cmpuint (schema_notifies, ==, 1);
}

static void
check_open_error (const char *path,
                  int         code)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmCorpus) corpus = am_corpus_open (file, &error);
  g_autofree char *basename = g_path_get_basename (path);

  g_assert_null (corpus);
  g_assert_error (error, AM_CORPUS_ERROR, code);
  g_test_message ("%s: %s", path, error->message);
  g_assert_nonnull (strstr (error->message, basename));
}

/* Worker threads open the items of one corpus at once (the exporter's
 * read-ahead), and each new document gets a copy of the corpus schema. */

#define N_OPENERS 4

typedef struct
{
  AmCorpus  *corpus;
  char     **label_ids;
  guint      n_wrong;
} Opener;

static gpointer
open_all_items (gpointer data)
{
  Opener *opener = data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (opener->corpus));
  guint round;
  guint i;

  for (round = 0; round < 200; round++)
    for (i = 0; i < n; i++)
      {
        g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (opener->corpus), i);
        g_autoptr(AmDocument) document = am_corpus_open_item (opener->corpus, item, NULL, NULL);
        GListModel *labels;
        guint k;

        if (document == NULL)
          {
            opener->n_wrong++;
            continue;
          }
        labels = am_label_schema_get_labels (am_document_get_schema (document));
        if (g_list_model_get_n_items (labels) != g_strv_length (opener->label_ids))
          {
            opener->n_wrong++;
            continue;
          }
        for (k = 0; opener->label_ids[k] != NULL; k++)
          {
            g_autoptr(AmLabel) label = g_list_model_get_item (labels, k);

            if (!g_str_equal (am_label_get_id (label), opener->label_ids[k]))
              {
                opener->n_wrong++;
                break;
              }
          }
      }
  return NULL;
}

static void
test_open_items_in_threads (Folder        *folder,
                            gconstpointer  data)
{
  g_autoptr(GString) schema = g_string_new ("{\"labels\": [");
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  Opener openers[N_OPENERS];
  GThread *threads[N_OPENERS];
  guint i;

  /* Many labels: a copy of the schema reads its list for a while. */
  for (i = 0; i < 16; i++)
    {
      g_string_append_printf (schema, "%s{\"id\": \"label-%u\", \"name\": \"Label %u\", "
                              "\"color\": \"#26a269\", \"dark_color\": \"#8ff0a4\", "
                              "\"key\": \"%c\"}", i > 0 ? ", " : "", i, i, 'a' + i);
      g_ptr_array_add (ids, g_strdup_printf ("label-%u", i));
    }
  g_string_append (schema, "], \"relations\": []}");
  g_ptr_array_add (ids, NULL);
  write_file (folder->path, "schema.json", schema->str);
  for (i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("article-%02u.txt", i);

      write_file (folder->path, name, "An article.\n\nIt says things.\n");
    }
  corpus = open_folder (folder->path);

  for (i = 0; i < N_OPENERS; i++)
    {
      openers[i].corpus = corpus;
      openers[i].label_ids = (char **) ids->pdata;
      openers[i].n_wrong = 0;
      threads[i] = g_thread_new ("opener", open_all_items, &openers[i]);
    }
  for (i = 0; i < N_OPENERS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (openers[i].n_wrong, ==, 0);
    }
}

static void
test_bad_folders (Folder        *folder,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (folder->path, "missing", NULL);
  g_autofree char *file = g_build_filename (folder->path, "a.txt", NULL);
  g_autofree char *bad_schema = g_build_filename (folder->path, "bad-schema", NULL);
  g_autofree char *not_object = g_build_filename (folder->path, "not-object", NULL);
  g_autofree char *bad_label = g_build_filename (folder->path, "bad-label", NULL);
  g_autofree char *locked = g_build_filename (folder->path, "locked", NULL);

  write_file (folder->path, "a.txt", "text");
  check_open_error (missing, AM_CORPUS_ERROR_NOT_FOUND);
  check_open_error (file, AM_CORPUS_ERROR_NOT_A_FOLDER);

  g_mkdir (bad_schema, 0755);
  write_file (bad_schema, "schema.json", "{\"labels\": [}");
  check_open_error (bad_schema, AM_CORPUS_ERROR_BAD_SCHEMA);
  g_mkdir (not_object, 0755);
  write_file (not_object, "schema.json", "[1, 2]");
  check_open_error (not_object, AM_CORPUS_ERROR_BAD_SCHEMA);
  g_mkdir (bad_label, 0755);
  write_file (bad_label, "schema.json",
              "{\"labels\": [{\"id\": \"x\", \"name\": \"X\", \"color\": \"red\","
              " \"dark_color\": \"#ffffff\", \"key\": \"x\"}], \"relations\": []}");
  check_open_error (bad_label, AM_CORPUS_ERROR_BAD_SCHEMA);

  /* Nothing was written or removed by trying. */
  {
    g_autofree char *text = read_file (folder->path, "a.txt");

    g_assert_cmpstr (text, ==, "text");
  }

  g_mkdir (locked, 0755);
  g_chmod (locked, 0);
  if (access (locked, R_OK) == 0)
    g_test_message ("running as root: the unreadable folder cannot be tested");
  else
    check_open_error (locked, AM_CORPUS_ERROR_UNREADABLE);
  g_chmod (locked, 0755);
}

static void
test_listing_rules (Folder        *folder,
                    gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autofree char *sub = g_build_filename (folder->path, "sub.txt", NULL);
  const char * const expected[] = { "a2", "a10", "B3", "only-json" };
  guint i;

  write_file (folder->path, "a10.txt", "ten");
  write_file (folder->path, "a2.txt", "two");
  write_file (folder->path, "B3.txt", "three");
  write_document (folder->path, "only-json", "json only", 1, AM_DOCUMENT_STATUS_DONE);
  write_file (folder->path, ".hidden.txt", "hidden");
  write_file (folder->path, "notes.md", "not an article");
  write_file (folder->path, "data.json", "{}");
  write_file (folder->path, ".txt", "no name");
  g_mkdir (sub, 0755);

  corpus = open_folder (folder->path);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, G_N_ELEMENTS (expected));
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (am_corpus_item_get_name (item_at (corpus, i)), ==, expected[i]);
  g_assert_null (am_corpus_item_get_article_file (item_at (corpus, 3)));

  g_assert_true (am_corpus_load_summaries (corpus, NULL, NULL));
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 1);
  g_assert_cmpuint (am_corpus_get_n_new (corpus), ==, 3);
  g_assert_cmpstr (am_corpus_item_get_title (item_at (corpus, 3)), ==, "only-json");
}

/* Summaries of documents that cannot be read say why; the rest of the
 * corpus is not held up. The counts come from a scan, so strings that
 * look like JSON must not fool it. */
static void
test_summary_problems (Folder        *folder,
                       gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AmCorpusItem *item;

  write_file (folder->path, "cut.argumark.json", "{\"format\": \"argumark\", \"text\": \"abc");
  write_file (folder->path, "other.argumark.json", "{\"format\": \"something\", \"status\": \"done\"}");
  write_file (folder->path, "status.argumark.json", "{\"format\": \"argumark\", \"status\": \"finished\"}");
  write_file (folder->path, "array.argumark.json", "[]");
  write_file (folder->path, "tricky.argumark.json",
              "{\"text\": \"a \\\"]}\\\" [ {\", \"format\": \"argumark\","
              " \"meta\": {\"byline\": {\"nested\": [1, {\"title\": \"no\"}]},"
              " \"title\": \"Caf\\u00e9 \\ud83d\\ude00\\n  news\"},"
              " \"annotations\": [{\"note\": \"x],[y\"}, {\"n\": [1, 2, [3]]}, {}],"
              " \"links\": [], \"status\": \"in-progress\", \"extra\": null}");
  write_file (folder->path, "zz.txt", "\xEF\xBB\xBF\n  \n\tFirst   line  \nsecond\n");

  corpus = open_folder (folder->path);
  g_assert_true (am_corpus_load_summaries (corpus, NULL, &error));
  g_assert_no_error (error);

  item = am_corpus_lookup (corpus, "cut");
  g_assert_nonnull (am_corpus_item_get_problem (item));
  g_assert_true (am_corpus_item_get_summarized (item));
  g_assert_nonnull (strstr (am_corpus_item_get_problem (am_corpus_lookup (corpus, "other")),
                            "not an Argumark document"));
  g_assert_nonnull (strstr (am_corpus_item_get_problem (am_corpus_lookup (corpus, "status")),
                            "finished"));
  g_assert_nonnull (am_corpus_item_get_problem (am_corpus_lookup (corpus, "array")));
  g_assert_cmpuint (am_corpus_get_n_problems (corpus), ==, 4);

  item = am_corpus_lookup (corpus, "tricky");
  g_assert_null (am_corpus_item_get_problem (item));
  g_assert_cmpstr (am_corpus_item_get_title (item), ==, "Café 😀 news");
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 3);
  g_assert_cmpuint (am_corpus_item_get_n_links (item), ==, 0);
  g_assert_cmpint (am_corpus_item_get_status (item), ==, AM_DOCUMENT_STATUS_IN_PROGRESS);

  g_assert_cmpstr (am_corpus_item_get_title (am_corpus_lookup (corpus, "zz")), ==, "First line");

  /* Opening gives the loader's full error. */
  document = am_corpus_open_item (corpus, am_corpus_lookup (corpus, "cut"), NULL, &error);
  g_assert_null (document);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_JSON);
}

static void
test_reload (Folder        *folder,
             gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmCorpusItem) kept = NULL;
  g_autofree char *gone = g_build_filename (folder->path, "b.txt", NULL);
  guint change[4] = { 0, };
  guint n_items_notifies = 0;

  write_file (folder->path, "a.txt", "A");
  write_file (folder->path, "b.txt", "B");
  write_document (folder->path, "c", "C text", 2, AM_DOCUMENT_STATUS_IN_PROGRESS);
  corpus = open_folder (folder->path);
  g_assert_true (am_corpus_load_summaries (corpus, NULL, NULL));
  kept = g_object_ref (am_corpus_lookup (corpus, "c"));
  g_signal_connect (corpus, "items-changed", G_CALLBACK (items_changed_cb), change);
  g_signal_connect (corpus, "notify::n-items", G_CALLBACK (count_cb), &n_items_notifies);

  /* Unchanged folder: no signal. */
  g_assert_true (am_corpus_reload (corpus, NULL));
  g_assert_cmpuint (change[3], ==, 0);

  g_unlink (gone);
  write_file (folder->path, "b2.txt", "B2");
  g_assert_true (am_corpus_reload (corpus, NULL));
  g_assert_cmpuint (change[3], ==, 1);
  g_assert_cmpuint (change[0], ==, 1);
  g_assert_cmpuint (change[1], ==, 1);
  g_assert_cmpuint (change[2], ==, 1);
  g_assert_cmpuint (n_items_notifies, ==, 0);
  g_assert_cmpstr (am_corpus_item_get_name (item_at (corpus, 1)), ==, "b2");
  g_assert_true (am_corpus_lookup (corpus, "c") == kept);
  g_assert_true (am_corpus_item_get_summarized (kept));
  g_assert_false (am_corpus_item_get_summarized (item_at (corpus, 1)));

  /* A document changed on disk (say, by git pull) is summarized again. */
  g_usleep (10000);
  write_document (folder->path, "c", "C text", 5, AM_DOCUMENT_STATUS_DONE);
  g_assert_true (am_corpus_reload (corpus, NULL));
  g_assert_false (am_corpus_item_get_summarized (kept));
  g_assert_cmpuint (am_corpus_item_get_n_annotations (kept), ==, 2);
  g_assert_true (am_corpus_load_summaries (corpus, NULL, NULL));
  g_assert_cmpuint (am_corpus_item_get_n_annotations (kept), ==, 5);
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 1);
  g_assert_cmpuint (am_corpus_get_n_annotations (corpus), ==, 5);

  /* The folder went away: an error, and the list stays. */
  am_test_remove_tree (folder->path);
  g_assert_false (am_corpus_reload (corpus, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 3);
  g_mkdir (folder->path, 0755);
}

static gboolean
n_items_is (AmCorpus *corpus,
            guint     n)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (G_LIST_MODEL (corpus)) != n &&
         g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (corpus)) == n;
}

static void
test_watch (Folder        *folder,
            gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autofree char *first = g_build_filename (folder->path, "a.txt", NULL);
  AmCorpusItem *item;
  gboolean timed_out = FALSE;

  write_file (folder->path, "a.txt", "First article");
  corpus = open_folder (folder->path);
  g_assert_false (am_corpus_get_watching (corpus));
  am_corpus_set_watching (corpus, TRUE);
  g_assert_true (am_corpus_get_watching (corpus));

  /* Added by someone else: listed, then summarized in the background. */
  write_document (folder->path, "b", "Second article", 3, AM_DOCUMENT_STATUS_DONE);
  g_assert_true (n_items_is (corpus, 2));
  item = am_corpus_lookup (corpus, "b");
  g_assert_nonnull (item);
  while (!am_corpus_item_get_summarized (item))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 3);
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 1);

  g_unlink (first);
  g_assert_true (n_items_is (corpus, 1));

  /* Not watching: the list stays as it is until reloaded. */
  am_corpus_set_watching (corpus, FALSE);
  write_file (folder->path, "c.txt", "Third");
  g_timeout_add (800, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 1);
  g_assert_true (am_corpus_reload (corpus, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 2);
}

static void
test_refresh_after_save (Folder        *folder,
                         gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AmCorpusItem *item;
  guint status_notifies = 0;

  write_file (folder->path, "story.txt", "The mayor said the bridge is safe.\n");
  corpus = open_folder (folder->path);
  g_assert_true (am_corpus_load_summaries (corpus, NULL, NULL));
  item = item_at (corpus, 0);
  g_signal_connect (item, "notify::status", G_CALLBACK (count_cb), &status_notifies);
  g_assert_cmpuint (am_corpus_get_n_new (corpus), ==, 1);

  document = am_corpus_open_item (corpus, item, NULL, &error);
  g_assert_no_error (error);
  am_document_add_annotation (document, "claim", 16, 34, &error);
  g_assert_no_error (error);
  am_document_set_status (document, AM_DOCUMENT_STATUS_DONE);

  /* From the document in memory. */
  am_corpus_refresh_item (corpus, item, document);
  g_assert_cmpint (am_corpus_item_get_status (item), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpuint (am_corpus_get_n_done (corpus), ==, 1);
  g_assert_cmpuint (am_corpus_get_n_new (corpus), ==, 0);
  g_assert_cmpuint (am_corpus_get_n_annotations (corpus), ==, 1);
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_false (am_corpus_item_get_has_document (item));

  /* From disk, after a save. */
  am_document_save (document, am_corpus_item_get_document_file (item), &error);
  g_assert_no_error (error);
  am_corpus_refresh_item (corpus, item, NULL);
  g_assert_true (am_corpus_item_get_has_document (item));
  g_assert_cmpint (am_corpus_item_get_status (item), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 1);
  g_assert_cmpstr (am_corpus_item_get_title (item), ==, "The mayor said the bridge is safe.");

  /* Re-opened, the item is the saved document now. */
  g_clear_object (&document);
  document = am_corpus_open_item (corpus, item, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (document)), ==, 1);
}

/* The window refreshes an item from the document it edits while a load
 * started earlier is still reading the file: the newer summary stays. */
static void
test_refresh_beats_pending_load (Folder        *folder,
                                 gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  AmCorpusItem *item;
  gboolean done = FALSE;

  write_document (folder->path, "doc", "Some article text", 2, AM_DOCUMENT_STATUS_IN_PROGRESS);
  write_file (folder->path, "other.txt", "Other");
  corpus = open_folder (folder->path);
  item = am_corpus_lookup (corpus, "doc");
  document = am_corpus_open_item (corpus, item, NULL, &error);
  g_assert_no_error (error);
  am_document_add_annotation (document, "claim", 5, 12, &error);
  g_assert_no_error (error);

  am_corpus_load_summaries_async (corpus, NULL, load_done_cb, &done);
  am_corpus_refresh_item (corpus, item, document);
  wait_for (&done);

  g_assert_cmpuint (am_corpus_item_get_n_annotations (item), ==, 3);
  g_assert_true (am_corpus_item_get_summarized (am_corpus_lookup (corpus, "other")));
  g_assert_cmpuint (am_corpus_get_n_annotations (corpus), ==, 3);
}

static void
test_iterator (Folder        *folder,
               gconstpointer  data)
{
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmCorpusIter) iter = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  guint n_failed = 0;

  write_document (folder->path, "a", "Alpha text", 2, AM_DOCUMENT_STATUS_DONE);
  write_file (folder->path, "b.argumark.json", "{\"format\": \"argumark\"");
  write_file (folder->path, "c.txt", "Gamma text");
  corpus = open_folder (folder->path);

  iter = am_corpus_iter_new (corpus);
  g_assert_cmpuint (am_corpus_iter_get_n_items (iter), ==, 3);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      AmCorpusItem *item = NULL;
      AmDocument *document = NULL;
      AmLoadReport *report = NULL;

      if (!am_corpus_iter_next (iter, &item, &document, &report, &error))
        {
          g_assert_nonnull (item);
          g_assert_null (document);
          g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_JSON);
          g_assert_cmpstr (am_corpus_item_get_name (item), ==, "b");
          n_failed++;
          continue;
        }
      if (item == NULL)
        break;
      g_assert_nonnull (document);
      g_assert_nonnull (report);
      g_ptr_array_add (seen, g_strdup (am_document_get_text_utf8 (document)));
      g_assert_cmpuint (am_corpus_iter_get_position (iter), ==, n_failed + seen->len);
    }
  g_assert_cmpuint (n_failed, ==, 1);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "Alpha text");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "Gamma text");
}

static void
test_make_name (void)
{
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *long_id = g_strnfill (300, 'x');
  struct { const char *id; const char *name; } cases[] = {
    { "article-1", "article-1" },
    { "a/b\\c:d*e?f\"g<h>i|j", "a_b_c_d_e_f_g_h_i_j" },
    { "../../etc/passwd", "_.._etc_passwd" },
    { "  .hidden. ", "hidden" },
    { "two words\there", "two_words_here" },
    { "", "document" },
    { NULL, "document" },
    { "...", "document" },
    { "CON", "_CON" },
    { "lpt1.txt", "_lpt1.txt" },
    { "خبر ١", "خبر_١" },
    { "Cafe\xCC\x81", "Caf\xC3\xA9" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = am_corpus_make_name (cases[i].id, NULL);

      g_assert_cmpstr (name, ==, cases[i].name);
    }

  {
    g_autofree char *name = am_corpus_make_name (long_id, NULL);
    g_autofree char *emoji = NULL;
    g_autoptr(GString) many = g_string_new (NULL);

    g_assert_cmpuint (strlen (name), ==, 100);
    for (i = 0; i < 60; i++)
      g_string_append (many, "😀");
    emoji = am_corpus_make_name (many->str, NULL);
    g_assert_true (g_utf8_validate (emoji, -1, NULL));
    g_assert_cmpuint (strlen (emoji), ==, 100);
  }

  /* Clashes, ignoring case as macOS and Windows do. */
  {
    g_autofree char *a = am_corpus_make_name ("Story", taken);
    g_autofree char *b = am_corpus_make_name ("story", taken);
    g_autofree char *c = am_corpus_make_name ("STORY", taken);
    g_autofree char *d = am_corpus_make_name ("story-2", taken);

    g_assert_cmpstr (a, ==, "Story");
    g_assert_cmpstr (b, ==, "story-2");
    g_assert_cmpstr (c, ==, "STORY-3");
    g_assert_cmpstr (d, ==, "story-2-2");
  }
}

/* The command line. */

static void
test_cli_import_articles (Folder        *folder,
                          gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (folder->path, "corpus", NULL);
  g_autofree char *jsonl = g_build_filename (folder->path, "articles.jsonl", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autoptr(AmCorpus) corpus = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *args[] = { "import-articles", jsonl, "-o", out_dir, NULL, NULL };

  write_file (folder->path, "articles.jsonl",
              "{\"id\": \"n-1\", \"title\": \"Mayor speaks\", \"text\": \"Mayor speaks\\n\\nThe "
              "mayor said the bridge is safe.\", \"url\": \"https://example.org/1\", \"year\": 2024}\n"
              "{\"id\": 2, \"text\": \"Second article, with an emoji 😀.\", "
              "\"meta\": {\"language\": \"en\"}}\n"
              "\n"
              "{\"id\": \"N-1\", \"text\": \"A clash with the first name.\"}\n"
              "{\"id\": \"a/b\", \"text\": \"Slashes are not folders.\"}\n");
  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  corpus = open_folder (out_dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 4);
  g_assert_nonnull (am_corpus_lookup (corpus, "2"));
  g_assert_nonnull (am_corpus_lookup (corpus, "a_b"));
  g_assert_nonnull (am_corpus_lookup (corpus, "n-1"));
  g_assert_nonnull (am_corpus_lookup (corpus, "N-1-2"));

  text = read_file (out_dir, "2.txt");
  g_assert_cmpstr (text, ==, "Second article, with an emoji 😀.");
  document = am_corpus_open_item (corpus, am_corpus_lookup (corpus, "n-1"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (document), ==, "Mayor speaks");
  g_assert_cmpstr (am_document_get_meta (document, "id"), ==, "n-1");
  g_assert_cmpstr (am_document_get_meta (document, "url"), ==, "https://example.org/1");
  g_assert_cmpstr (am_document_get_meta (document, "year"), ==, "2024");
  g_assert_cmpint (am_document_get_status (document), ==, AM_DOCUMENT_STATUS_NEW);
  g_clear_object (&document);
  document = am_corpus_open_item (corpus, am_corpus_lookup (corpus, "2"), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_meta (document, "id"), ==, "2");
  g_assert_cmpstr (am_document_get_meta (document, "language"), ==, "en");

  /* Again: nothing is overwritten, and each refusal is reported. */
  write_file (out_dir, "2.txt", "edited by hand");
  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "articles.jsonl:2: "));
  g_assert_nonnull (strstr (err, "already exists"));
  g_assert_nonnull (strstr (err, "--force"));
  g_clear_pointer (&text, g_free);
  text = read_file (out_dir, "2.txt");
  g_assert_cmpstr (text, ==, "edited by hand");
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  /* --force overwrites. */
  args[4] = "--force";
  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  g_clear_pointer (&text, g_free);
  text = read_file (out_dir, "2.txt");
  g_assert_cmpstr (text, ==, "Second article, with an emoji 😀.");
}

static void
test_cli_import_bad_lines (Folder        *folder,
                           gconstpointer  data)
{
  g_autofree char *out_dir = g_build_filename (folder->path, "corpus", NULL);
  g_autofree char *jsonl = g_build_filename (folder->path, "bad.jsonl", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(AmCorpus) corpus = NULL;
  const char *args[] = { "import-articles", jsonl, "-o", out_dir, NULL };
  const char *no_output[] = { "import-articles", jsonl, NULL };
  struct { const char *where; const char *reason; } expected[] = {
    { "bad.jsonl:2: ", "not valid JSON" },
    { "bad.jsonl:3: ", "not a JSON object" },
    { "bad.jsonl:4: ", "“id” is missing" },
    { "bad.jsonl:5: ", "“text” is missing" },
    { "bad.jsonl:6: ", "“text” must be a string" },
    { "bad.jsonl:7: ", "empty" },
    { "bad.jsonl:8: ", "“id” must be" },
    { "bad.jsonl:9: ", "“title” must be a string" },
  };
  guint i;

  write_file (folder->path, "bad.jsonl",
              "{\"id\": \"good\", \"text\": \"A good article.\"}\n"
              "{\"id\": \"x\", \"text\": \"cut\n"
              "[1, 2]\n"
              "{\"text\": \"no id\"}\n"
              "{\"id\": \"no-text\"}\n"
              "{\"id\": \"number-text\", \"text\": 42}\n"
              "{\"id\": \"empty\", \"text\": \"\"}\n"
              "{\"id\": [1], \"text\": \"array id\"}\n"
              "{\"id\": \"t\", \"title\": 5, \"text\": \"bad title\"}\n"
              "{\"id\": \"good-too\", \"text\": \"Another good one.\"}");
  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 1);
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const char *line = strstr (err, expected[i].where);

      g_assert_nonnull (line);
      g_assert_nonnull (strstr (line, expected[i].reason));
    }
  g_assert_nonnull (strstr (err, "2 articles written"));

  corpus = open_folder (out_dir);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, 2);
  g_clear_pointer (&err, g_free);
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (am_test_run_cli (no_output, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "-o FOLDER"));
}

static void
test_cli_status (void)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *table[] = { "status", SAMPLE_CORPUS, NULL };
  const char *json[] = { "status", "--json", SAMPLE_CORPUS, NULL };
  const char *missing[] = { "status", SAMPLE_CORPUS "/missing", NULL };
  JsonObject *root, *totals, *first;
  JsonArray *documents;

  g_assert_cmpint (am_test_run_cli (table, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "in progress            6      4  hamas-isis-sinai  "
                                 "Hamas could see a strategic advantage in aiding ISIS\n"));
  g_assert_nonnull (strstr (out, "5 documents: 2 new, 2 in progress, 1 done; 12 annotations"));
  g_assert_nonnull (strstr (out, "] 20% done"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (am_test_run_cli (json, &out, &err), ==, 0);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  documents = json_object_get_array_member (root, "documents");
  g_assert_cmpuint (json_array_get_length (documents), ==, 5);
  first = json_array_get_object_element (documents, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "ar-pud-news");
  g_assert_cmpstr (json_object_get_string_member (first, "status"), ==, "done");
  g_assert_cmpint (json_object_get_int_member (first, "annotations"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (first, "links"), ==, 2);
  totals = json_object_get_object_member (root, "totals");
  g_assert_cmpint (json_object_get_int_member (totals, "documents"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (totals, "new"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (totals, "in_progress"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (totals, "done"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (totals, "annotations"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (totals, "problems"), ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (am_test_run_cli (missing, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "does not exist"));
}

static void
test_cli_status_problem (Folder        *folder,
                         gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "status", folder->path, NULL };

  write_file (folder->path, "fine.txt", "Fine.");
  write_file (folder->path, "broken.argumark.json", "{");
  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "broken"));
  g_assert_nonnull (strstr (out, "problem:"));
  g_assert_nonnull (strstr (out, "1 document cannot be read"));
}

/* One of each: the summary line is in the singular. */
static void
test_cli_status_singular (Folder        *folder,
                          gconstpointer  data)
{
  g_autoptr(AmDocument) doc = am_document_new ("The minister said prices rose.", NULL);
  g_autofree char *path = g_build_filename (folder->path, "one.argumark.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "status", folder->path, NULL };

  g_assert_nonnull (am_document_add_annotation (doc, "claim", 18, 29, &error));
  g_assert_no_error (error);
  am_document_set_status (doc, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_true (am_document_save (doc, file, &error));
  g_assert_no_error (error);

  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, ": 1 document: 0 new, 1 in progress, 0 done; 1 annotation\n"));
}

#define ADD_FOLDER_TEST(path, func) \
  g_test_add (path, Folder, NULL, folder_setup, func, folder_teardown)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corpus/open-sample", test_open_sample);
  g_test_add_func ("/corpus/summaries/async", test_summaries_async);
  g_test_add_func ("/corpus/summaries/cancel", test_summaries_cancel);
  g_test_add_func ("/corpus/summaries/sync", test_summaries_sync);
  ADD_FOLDER_TEST ("/corpus/summaries/problems", test_summary_problems);
  g_test_add_func ("/corpus/next-previous", test_next_previous);
  g_test_add_func ("/corpus/open-items", test_open_items);
  ADD_FOLDER_TEST ("/corpus/schema", test_schema);
  ADD_FOLDER_TEST ("/corpus/open-items/threads", test_open_items_in_threads);
  ADD_FOLDER_TEST ("/corpus/bad-folders", test_bad_folders);
  ADD_FOLDER_TEST ("/corpus/listing-rules", test_listing_rules);
  ADD_FOLDER_TEST ("/corpus/reload", test_reload);
  ADD_FOLDER_TEST ("/corpus/watch", test_watch);
  ADD_FOLDER_TEST ("/corpus/refresh-after-save", test_refresh_after_save);
  ADD_FOLDER_TEST ("/corpus/refresh-beats-pending-load", test_refresh_beats_pending_load);
  ADD_FOLDER_TEST ("/corpus/iterator", test_iterator);
  g_test_add_func ("/corpus/make-name", test_make_name);
  ADD_FOLDER_TEST ("/corpus/cli/import-articles", test_cli_import_articles);
  ADD_FOLDER_TEST ("/corpus/cli/import-bad-lines", test_cli_import_bad_lines);
  g_test_add_func ("/corpus/cli/status", test_cli_status);
  ADD_FOLDER_TEST ("/corpus/cli/status-problem", test_cli_status_problem);
  ADD_FOLDER_TEST ("/corpus/cli/status-singular", test_cli_status_singular);

  return g_test_run ();
}
