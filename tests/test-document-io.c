/* test-document-io.c: the JSON document format, loading, saving, re-anchoring
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <unistd.h>

#include "am-document-io.h"
#include "am-test.h"

#define SAMPLE TEST_DATA_DIR "/../../data/samples/hamas-isis-sinai.txt"
#define FORMAT_DOC TEST_DATA_DIR "/../../docs/format.md"
#define JSON_SCHEMA TEST_DATA_DIR "/../../data/schema/argumark-1.schema.json"

static char *
make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-document-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* The names in @dir, sorted and joined: a fingerprint of what is there. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv ("|", (char **) names->pdata);
}

static AmAnnotation *
tag (AmDocument *doc,
     const char *label,
     const char *quote,
     guint       nth)
{
  g_autoptr(GError) error = NULL;
  const char *text = am_document_get_text_utf8 (doc);
  const char *p = text;
  AmAnnotation *annotation;
  guint start;
  guint i;

  for (i = 0; ; i++)
    {
      p = strstr (p, quote);
      g_assert_nonnull (p);
      if (i == nth)
        break;
      p++;
    }

  start = g_utf8_pointer_to_offset (text, p);
  annotation = am_document_add_annotation (doc, label, start, start + g_utf8_strlen (quote, -1), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_annotation_get_quote (annotation), ==, quote);
  return annotation;
}

/* The sample article with overlapping and nested spans of every label, links
 * of both relations, notes, sources and metadata.
 */
static AmDocument *
annotated_sample (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE);
  g_autoptr(GError) error = NULL;
  AmDocument *doc = am_document_new_from_article (file, &error);
  AmAnnotation *claim, *claim2, *nested, *attribution, *attribution2, *counter;
  const char * const sources[] = { "ana.json", "ben.json", NULL };

  g_assert_no_error (error);
  am_document_set_annotator (doc, "Ana Ñúñez");
  am_document_set_status (doc, AM_DOCUMENT_STATUS_IN_PROGRESS);
  am_document_set_meta (doc, "language", "en");
  am_document_set_meta (doc, "byline", NULL);
  am_document_set_meta (doc, "zz-project", "border \"study\"\n2026");

  claim = tag (doc, "claim", "Hamas is aiding ISIS's branch in Egypt's Sinai Peninsula", 0);
  nested = tag (doc, "claim", "Egypt's Sinai Peninsula", 0);
  attribution = tag (doc, "attribution", "Israel has claimed", 0);
  claim2 = tag (doc, "claim", "a strategic alliance has been forged", 0);
  attribution2 = tag (doc, "attribution", "a senior IDF officer", 0);
  /* The sample has a no-break space after "part". */
  counter = tag (doc, "counter-claim", "Hamas for its part\u00a0has repeatedly rejected claims by Israel", 0);
  /* Overlaps the counter-claim without nesting. */
  tag (doc, "attribution", "repeatedly rejected claims by Israel that it is aiding ISIS", 0);
  tag (doc, "claim", "aiding ISIS", 2);

  g_assert_true (am_document_set_note (doc, am_annotation_get_id (claim),
                                       "Reported speech; check the\tsource.", &error));
  g_assert_true (am_document_set_note (doc, am_annotation_get_id (nested), "العربية 🙂", &error));
  g_assert_true (am_document_set_sources (doc, am_annotation_get_id (claim2), sources, &error));
  g_assert_nonnull (am_document_link (doc, "source", am_annotation_get_id (attribution),
                                      am_annotation_get_id (claim), &error));
  g_assert_nonnull (am_document_link (doc, "source", am_annotation_get_id (attribution2),
                                      am_annotation_get_id (claim2), &error));
  g_assert_nonnull (am_document_link (doc, "counters", am_annotation_get_id (counter),
                                      am_annotation_get_id (claim), &error));
  g_assert_no_error (error);

  return doc;
}

static void
test_round_trip (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(AmDocument) loaded = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GFile) file1 = NULL;
  g_autoptr(GFile) file2 = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path1 = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *path2 = g_build_filename (dir, "again.json", NULL);

  file1 = g_file_new_for_path (path1);
  file2 = g_file_new_for_path (path2);

  g_assert_true (am_document_get_modified (doc));
  g_assert_true (am_document_save (doc, file1, &error));
  g_assert_no_error (error);
  g_assert_false (am_document_get_modified (doc));

  loaded = am_document_load (file1, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (am_load_report_is_empty (report));
  g_assert_true (am_document_equal (doc, loaded));
  g_assert_false (am_document_get_modified (loaded));
  g_assert_false (am_document_get_can_undo (loaded));
  g_assert_false (am_document_get_can_redo (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (loaded)), ==, 8);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_links (loaded)), ==, 3);
  g_assert_false (am_document_get_meta (loaded, "byline") != NULL);
  g_assert_true (am_document_has_meta (loaded, "byline"));

  g_assert_true (am_document_save (loaded, file2, &error));
  g_assert_no_error (error);
  first = read_bytes (path1);
  second = read_bytes (path2);
  g_assert_true (g_bytes_equal (first, second));

  am_test_remove_tree (dir);
}

static void
test_layout (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(GBytes) bytes = am_document_to_bytes (doc);
  g_autoptr(GBytes) again = am_document_to_bytes (doc);
  const char *json = g_bytes_get_data (bytes, NULL);
  g_autofree char *text = g_strndup (json, g_bytes_get_size (bytes));
  const char *order[] = {
    "\"format\"", "\"version\"", "\"meta\"", "\"title\"", "\"source\"", "\"byline\"",
    "\"language\"", "\"zz-project\"", "\"text\"", "\"text_sha256\"", "\"schema\"", "\"labels\"",
    "\"relations\"", "\"annotator\"", "\"status\"", "\"annotations\"", "\"links\"",
  };
  const char *p = text;
  guint i;

  g_assert_true (g_bytes_equal (bytes, again));
  g_assert_true (g_str_has_prefix (text, "{\n  \"format\": \"argumark\",\n  \"version\": 1,\n  \"meta\": {\n"));
  g_assert_true (g_str_has_suffix (text, "\n}\n"));
  for (i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *q = strstr (p, order[i]);

      g_assert_nonnull (q);
      p = q;
    }

  /* Control characters are escaped, everything else is written as UTF-8. */
  g_assert_nonnull (strstr (text, "\"border \\\"study\\\"\\n2026\""));
  g_assert_nonnull (strstr (text, "\"العربية 🙂\""));
  g_assert_nonnull (strstr (text, "check the\\tsource."));
  g_assert_nonnull (strstr (text, "\"sources\": [\"ana.json\", \"ben.json\"]"));
  /* Only the annotation with sources has the member. */
  g_assert_null (strstr (strstr (text, "\"sources\"") + 1, "\"sources\""));
  /* Orphans are written only when there are some. */
  g_assert_null (strstr (text, "\"orphans\""));
  g_assert_nonnull (strstr (text, "\"text_sha256\": \""));
  g_assert_nonnull (strstr (text, am_text_get_sha256 (am_document_get_text (doc))));
}

typedef struct
{
  const char *name;
  int         code;
  const char *where;
} BadDocument;

/* Each file in tests/data/bad/ (written by make-bad.py) with the error it
 * must give and the place its message must name.
 */
static const BadDocument bad_documents[] = {
  { "annotations-object.json", AM_DOCUMENT_ERROR_WRONG_TYPE, "annotations: " },
  { "bad-color.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "schema.labels[0].color: " },
  { "bad-sha.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "text_sha256: " },
  { "bad-status.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "status: " },
  { "bad-timestamp.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "annotations[0].created: " },
  { "dangling-link.json", AM_DOCUMENT_ERROR_DANGLING_LINK, "links[0].to: " },
  { "deep-nesting.json", AM_DOCUMENT_ERROR_TOO_LARGE, "meta.x[0][0]" },
  { "duplicate-annotation-id.json", AM_DOCUMENT_ERROR_DUPLICATE_ID, "annotations[2].id: " },
  { "duplicate-link-id.json", AM_DOCUMENT_ERROR_DUPLICATE_ID, "links[1].id: " },
  { "duplicate-link.json", AM_DOCUMENT_ERROR_DUPLICATE_LINK, "links[2]: " },
  { "duplicate-member.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "annotations[0]: " },
  { "duplicate-span.json", AM_DOCUMENT_ERROR_DUPLICATE_SPAN, "annotations[3]: " },
  { "empty-file.json", AM_DOCUMENT_ERROR_EMPTY, "empty" },
  { "empty-span.json", AM_DOCUMENT_ERROR_INVALID_SPAN, "annotations[2].end: " },
  { "empty-text.json", AM_DOCUMENT_ERROR_EMPTY, "text: " },
  { "forbidden-link.json", AM_DOCUMENT_ERROR_FORBIDDEN_LINK, "links[0]: " },
  { "future-version.json", AM_DOCUMENT_ERROR_UNSUPPORTED_VERSION, "version: " },
  { "invalid-json.json", AM_DOCUMENT_ERROR_INVALID_JSON, "line 1, column 37" },
  { "lone-surrogate.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "annotations[2].quote: " },
  { "meta-number.json", AM_DOCUMENT_ERROR_WRONG_TYPE, "meta.title: " },
  { "missing-label.json", AM_DOCUMENT_ERROR_MISSING_FIELD, "annotations[0].label: " },
  { "missing-text.json", AM_DOCUMENT_ERROR_MISSING_FIELD, "text: " },
  { "negative-start.json", AM_DOCUMENT_ERROR_INVALID_SPAN, "annotations[0].start: " },
  { "non-utf8.json", AM_DOCUMENT_ERROR_INVALID_ENCODING, "byte offset 171 (line 10, column 27)" },
  { "not-an-object.json", AM_DOCUMENT_ERROR_NOT_ARGUMARK, "a list" },
  { "nul-byte.json", AM_DOCUMENT_ERROR_BINARY, "byte offset 520 (line 21)" },
  { "nul-escape.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "annotations[0].note: " },
  { "out-of-range.json", AM_DOCUMENT_ERROR_INVALID_SPAN, "annotations[2].end: " },
  { "relation-unknown-label.json", AM_DOCUMENT_ERROR_UNKNOWN_LABEL, "schema.relations[0]: " },
  { "reversed-span.json", AM_DOCUMENT_ERROR_INVALID_SPAN, "annotations[1].end: " },
  { "start-float.json", AM_DOCUMENT_ERROR_WRONG_TYPE, "annotations[0].start: " },
  { "start-string.json", AM_DOCUMENT_ERROR_WRONG_TYPE, "annotations[0].start: " },
  { "text-number.json", AM_DOCUMENT_ERROR_WRONG_TYPE, "text: " },
  { "trailing-garbage.json", AM_DOCUMENT_ERROR_INVALID_JSON, "line 64, column 1" },
  { "truncated.json", AM_DOCUMENT_ERROR_INVALID_JSON, "line 29, column 2" },
  { "unknown-label.json", AM_DOCUMENT_ERROR_UNKNOWN_LABEL, "annotations[0].label: " },
  { "unknown-member.json", AM_DOCUMENT_ERROR_INVALID_VALUE, "annotations[1]: " },
  { "unknown-relation.json", AM_DOCUMENT_ERROR_UNKNOWN_RELATION, "links[1].relation: " },
  { "version-string.json", AM_DOCUMENT_ERROR_WRONG_TYPE, "version: " },
  { "wrong-format.json", AM_DOCUMENT_ERROR_NOT_ARGUMARK, "format: " },
};

static void
check_refused (const char *path,
               int         code,
               const char *where)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) before = read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) doc = NULL;

  doc = am_document_load (file, &report, &error);
  g_test_message ("%s: %s", path, error != NULL ? error->message : "(loaded)");
  g_assert_null (doc);
  g_assert_null (report);
  g_assert_error (error, AM_DOCUMENT_ERROR, code);
  g_assert_nonnull (strstr (error->message, where));

  /* am_document_open takes the same path for anything that looks like JSON. */
  g_clear_error (&error);
  g_clear_object (&doc);
  doc = am_document_open (file, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);

  after = read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_bad_documents (void)
{
  g_autoptr(GDir) dir = g_dir_open (TEST_DATA_DIR "/bad", 0, NULL);
  const char *name;
  guint n_files = 0;
  guint i;

  g_assert_cmpuint (G_N_ELEMENTS (bad_documents), >=, 25);

  /* Every file has its row, so that none is left untested. */
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gboolean found = FALSE;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      n_files++;
      for (i = 0; i < G_N_ELEMENTS (bad_documents); i++)
        found |= g_str_equal (bad_documents[i].name, name);
      if (!found)
        g_error ("%s has no expected error in the table", name);
    }
  g_assert_cmpuint (n_files, ==, G_N_ELEMENTS (bad_documents));

  for (i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, "bad", bad_documents[i].name, NULL);

      check_refused (path, bad_documents[i].code, bad_documents[i].where);
    }
}

/* Generated here, not committed: a 50 MB string in the text. */
static void
test_huge_string (void)
{
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  const gsize n = 50 * 1024 * 1024;
  GString *s = g_string_sized_new (n + 128);

  g_string_append (s, "{\"format\": \"argumark\", \"version\": 1, \"text\": \"");
  g_string_set_size (s, s->len + n);
  memset (s->str + s->len - n, 'a', n);
  g_string_append (s, "\"}\n");
  g_assert_true (g_file_set_contents (path, s->str, s->len, NULL));
  g_string_free (s, TRUE);

  check_refused (path, AM_DOCUMENT_ERROR_TOO_LARGE, "text: ");
  am_test_remove_tree (dir);
}

static void
test_garbage_never_crashes (void)
{
  const char *inputs[] = {
    "{", "}", "[", "\"", "{\"", "{\"format\"", "{\"format\":", "nul", "tru", "-", "1e", "0.",
    "{\"a\":1,}", "[1,]", "\"\\u12\"", "\"\\x\"", "{\"format\":\"argumark\",\"version\":1e400}",
    "{\"format\":\"argumark\",\"version\":99999999999999999999999}",
    "{\"format\":\"argumark\",\"version\":1,\"text\":\"a\",\"annotations\":[{\"id\":\"T1\",\"label\":\"claim\",\"start\":0,\"end\":4294967297}]}",
    "\xef\xbb\xbf", "\xef\xbb\xbf{}", "  \n\t ", "\"\\ud800\\u0041\"", "[\"\x01\"]",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) doc = am_document_load_from_data (inputs[i], strlen (inputs[i]), NULL, &error);

      g_assert_null (doc);
      g_assert_true (error != NULL && error->domain == AM_DOCUMENT_ERROR);
    }
}

static void
test_failed_save (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) good = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *good_path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "folder.json", NULL);
  g_autofree char *inside = g_build_filename (folder_path, "keep.txt", NULL);
  g_autofree char *long_name = g_strnfill (300, 'x');
  g_autofree char *long_path = g_build_filename (dir, long_name, NULL);
  g_autofree char *missing_path = g_build_filename (dir, "no-such-folder", "doc.json", NULL);
  g_autofree char *listing = NULL;
  const char *targets[] = { folder_path, long_path, missing_path };
  guint i;

  good = g_file_new_for_path (good_path);
  g_assert_true (am_document_save (doc, good, &error));
  g_assert_no_error (error);
  before = read_bytes (good_path);

  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "keep", -1, NULL));
  listing = list_dir (dir);

  g_assert_true (am_document_set_note (doc, "T1", "changed after the save", &error));
  g_assert_true (am_document_get_modified (doc));

  for (i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
      g_autofree char *now = NULL;

      g_assert_false (am_document_save (doc, file, &error));
      g_test_message ("%s", error->message);
      g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "not changed"));
      g_clear_error (&error);

      /* Nothing was left behind or lost, and the work is still unsaved. */
      g_assert_true (am_document_get_modified (doc));
      now = list_dir (dir);
      g_assert_cmpstr (now, ==, listing);
      g_assert_true (g_file_test (inside, G_FILE_TEST_IS_REGULAR));
    }

  /* Root writes in any folder, so the read-only case needs another user. */
  if (getuid () != 0)
    {
      g_autoptr(GBytes) after = NULL;

      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      g_assert_false (am_document_save (doc, good, &error));
      g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO);
      g_clear_error (&error);
      g_chmod (dir, 0755);
      after = read_bytes (good_path);
      g_assert_true (g_bytes_equal (before, after));
    }
  else
    g_test_message ("running as root: the read-only folder case is not tested");

  {
    g_autoptr(GBytes) after = read_bytes (good_path);

    g_assert_true (g_bytes_equal (before, after));
  }

  am_test_remove_tree (dir);
}

static void
test_save_keeps_mode (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);
  g_assert_true (am_document_save (doc, file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  am_test_remove_tree (dir);
}

static void
test_modified (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmDocument) loaded = NULL;

  g_assert_true (am_document_get_modified (doc));
  g_assert_true (am_document_save (doc, file, &error));
  g_assert_false (am_document_get_modified (doc));

  tag (doc, "claim", "Gaza", 0);
  g_assert_true (am_document_get_modified (doc));
  g_assert_true (am_document_undo (doc));
  g_assert_false (am_document_get_modified (doc));
  g_assert_true (am_document_redo (doc));
  g_assert_true (am_document_get_modified (doc));
  g_assert_true (am_document_save (doc, file, &error));
  g_assert_false (am_document_get_modified (doc));
  g_assert_true (am_document_undo (doc));
  g_assert_true (am_document_get_modified (doc));
  g_assert_true (am_document_redo (doc));
  g_assert_false (am_document_get_modified (doc));

  loaded = am_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (am_document_get_modified (loaded));
  g_assert_false (am_document_get_can_undo (loaded));
  g_assert_true (am_document_remove_annotation (loaded, "T1", &error));
  g_assert_true (am_document_get_modified (loaded));
  g_assert_true (am_document_undo (loaded));
  g_assert_false (am_document_get_modified (loaded));
  g_assert_true (am_document_equal (doc, loaded));

  am_test_remove_tree (dir);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GError **error = user_data;

  am_document_save_finish (AM_DOCUMENT (source), result, error);
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
save_async_and_wait (AmDocument *doc,
                     GFile      *file,
                     gboolean    edit_meanwhile)
{
  g_autoptr(GError) error = NULL;

  am_document_save_async (doc, file, NULL, on_saved, &error);
  if (edit_meanwhile)
    tag (doc, "attribution", "Reuters", 0);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);

  /* on_saved marks success with G_IO_ERROR_EXISTS. */
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
test_save_async (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(AmDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "doc.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  save_async_and_wait (doc, file, FALSE);
  g_assert_false (am_document_get_modified (doc));
  loaded = am_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (doc, loaded));

  /* What was written is the state when saving began: the edit is unsaved. */
  save_async_and_wait (doc, file, TRUE);
  g_assert_true (am_document_get_modified (doc));
  g_clear_object (&loaded);
  loaded = am_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (am_document_equal (doc, loaded));
  g_assert_true (am_document_undo (doc));
  g_assert_true (am_document_equal (doc, loaded));

  am_test_remove_tree (dir);
}

/* The JSON of @doc with @old replaced by @new, once. */
static char *
edited_json (AmDocument *doc,
             const char *old,
             const char *new)
{
  g_autoptr(GBytes) bytes = am_document_to_bytes (doc);
  GString *s = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  g_assert_cmpuint (g_string_replace (s, old, new, 1), ==, 1);
  return g_string_free (s, FALSE);
}

static void
test_reanchor (void)
{
  g_autoptr(AmDocument) doc = am_document_new ("Smith said taxes rose. Jones said they fell. Lee said nothing.", NULL);
  g_autoptr(AmDocument) loaded = NULL;
  g_autoptr(AmDocument) reloaded = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *json = NULL;
  g_auto(GStrv) messages = NULL;
  g_auto(GStrv) moved = NULL;
  g_auto(GStrv) orphans = NULL;
  AmAnnotation *said, *jones, *fell, *lee;
  AmAnnotation *annotation;

  said = tag (doc, "attribution", "said", 1);                /* Jones's */
  jones = tag (doc, "attribution", "Jones said", 0);
  fell = tag (doc, "claim", "they fell", 0);
  lee = tag (doc, "claim", "Lee said nothing", 0);
  g_assert_nonnull (am_document_link (doc, "source", am_annotation_get_id (jones),
                                      am_annotation_get_id (fell), &error));
  g_assert_nonnull (am_document_link (doc, "source", am_annotation_get_id (said),
                                      am_annotation_get_id (lee), &error));
  g_assert_no_error (error);

  /* The article was edited by hand: a word in front, Lee's sentence gone. */
  json = edited_json (doc, "\"text\": \"Smith said taxes rose. Jones said they fell. Lee said nothing.\"",
                      "\"text\": \"Today Smith said taxes rose. Jones said they fell.\"");
  loaded = am_document_load_from_data (json, strlen (json), &report, &error);
  g_assert_no_error (error);
  g_assert_true (am_load_report_get_text_changed (report));
  g_assert_cmpuint (am_load_report_get_n_moved (report), ==, 3);
  g_assert_cmpuint (am_load_report_get_n_orphans (report), ==, 1);
  g_assert_cmpuint (am_load_report_get_n_dropped_links (report), ==, 1);

  /* The "said" nearest its old place is Jones's, not Smith's. */
  annotation = am_document_lookup_annotation (loaded, am_annotation_get_id (said));
  g_assert_cmpuint (am_annotation_get_start (annotation), ==, am_annotation_get_start (said) + 6);
  annotation = am_document_lookup_annotation (loaded, am_annotation_get_id (fell));
  g_assert_cmpuint (am_annotation_get_start (annotation), ==, am_annotation_get_start (fell) + 6);
  g_assert_cmpstr (am_annotation_get_quote (annotation), ==, "they fell");
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_links (loaded)), ==, 1);

  moved = am_load_report_dup_moved_ids (report);
  g_assert_cmpuint (g_strv_length (moved), ==, 3);
  orphans = am_load_report_dup_orphan_ids (report);
  g_assert_cmpstrv (orphans, ((const char *[]) { am_annotation_get_id (lee), NULL }));
  messages = am_load_report_dup_messages (report);
  g_assert_cmpuint (g_strv_length (messages), ==, 1 + 3 + 1 + 1);
  g_assert_nonnull (strstr (messages[0], "text"));
  g_test_message ("%s", messages[1]);
  g_assert_nonnull (strstr (messages[1], "annotations[0] (T2): moved from 23–33 to 29–39"));

  /* The orphan is kept with its old offsets and quote. */
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_orphans (loaded)), ==, 1);
  annotation = g_list_model_get_item (am_document_get_orphans (loaded), 0);
  g_assert_cmpstr (am_annotation_get_quote (annotation), ==, "Lee said nothing");
  g_assert_cmpuint (am_annotation_get_start (annotation), ==, am_annotation_get_start (lee));
  g_object_unref (annotation);
  g_assert_false (am_document_get_modified (loaded));

  /* Saved and loaded again, the orphan survives, reported again. */
  g_clear_object (&report);
  bytes = am_document_to_bytes (loaded);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), "\"orphans\": ["));
  reloaded = am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &report, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (loaded, reloaded));
  g_assert_false (am_load_report_get_text_changed (report));
  g_assert_cmpuint (am_load_report_get_n_orphans (report), ==, 1);
  g_assert_cmpuint (am_load_report_get_n_moved (report), ==, 0);

  /* A new annotation does not take the orphan's id. */
  annotation = tag (reloaded, "claim", "taxes rose", 0);
  g_assert_cmpstr (am_annotation_get_id (annotation), !=, am_annotation_get_id (lee));
}

/* Nearest occurrence, the earlier on a tie, through both search paths:
 * quotes under four bytes and longer ones.
 */
static void
test_reanchor_nearest (void)
{
  const struct
  {
    const char *before;
    const char *quote;
    guint       nth;
    const char *after;
    guint       expected;
  } cases[] = {
    { "xx he yy he zz he", "he", 1, "Xxx he yy he zz he", 10 },
    { "aa he bb", "he", 0, "he xx he", 0 },
    { "aa he bb", "he", 0, "xxxxxxxxxxxxxx he", 15 },
    { "xx heed yy heed zz heed", "heed", 1, "Xxx heed yy heed zz heed", 12 },
    { "aaa heed bbb", "heed", 0, "heed xx heed", 0 },
    { "aaa heed bbb", "heed", 0, "xx heed", 3 },
    { "é 🙂 said ü", "said", 0, "said é 🙂 é 🙂 said", 0 },
    { "中国 和 中国", "中", 1, "X中国 和 中国", 6 },
    { "a b a b a", "b", 1, "b a b a b a", 4 },
    { "ab 🙂 cd", "🙂", 0, "🙂🙂 ab cd 🙂", 1 },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(AmDocument) doc = am_document_new (cases[i].before, NULL);
      g_autoptr(AmDocument) loaded = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *old_text = g_strdup_printf ("\"text\": \"%s\"", cases[i].before);
      g_autofree char *new_text = g_strdup_printf ("\"text\": \"%s\"", cases[i].after);
      g_autofree char *json = NULL;
      AmAnnotation *annotation;

      tag (doc, "claim", cases[i].quote, cases[i].nth);
      json = edited_json (doc, old_text, new_text);
      loaded = am_document_load_from_data (json, strlen (json), NULL, &error);
      g_assert_no_error (error);
      annotation = am_document_lookup_annotation (loaded, "T1");
      g_assert_nonnull (annotation);
      g_assert_cmpuint (am_annotation_get_start (annotation), ==, cases[i].expected);
    }
}

static void
test_reanchor_quote_edited (void)
{
  g_autoptr(AmDocument) doc = am_document_new ("Smith said taxes rose. Jones said they fell.", NULL);
  g_autoptr(AmDocument) loaded = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  AmAnnotation *annotation;

  tag (doc, "claim", "taxes rose", 0);
  /* Same text, but the quote in the file names another phrase. */
  json = edited_json (doc, "\"quote\": \"taxes rose\"", "\"quote\": \"they fell\"");
  loaded = am_document_load_from_data (json, strlen (json), &report, &error);
  g_assert_no_error (error);
  g_assert_false (am_load_report_get_text_changed (report));
  g_assert_cmpuint (am_load_report_get_n_moved (report), ==, 1);
  annotation = am_document_lookup_annotation (loaded, "T1");
  g_assert_cmpstr (am_annotation_get_quote (annotation), ==, "they fell");
  g_assert_cmpuint (am_annotation_get_start (annotation), ==, 34);
}

static void
test_minimal_document (void)
{
  const char *json = "{\"format\": \"argumark\", \"version\": 1, \"text\": \"Jones denied it.\",\n"
                     " \"annotations\": [{\"id\": \"A\", \"label\": \"counter-claim\", \"start\": 6, \"end\": 15}]}";
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AmAnnotation *annotation;

  doc = am_document_load_from_data (json, strlen (json), &report, &error);
  g_assert_no_error (error);
  g_assert_true (am_load_report_is_empty (report));
  g_assert_cmpint (am_document_get_status (doc), ==, AM_DOCUMENT_STATUS_NEW);
  g_assert_cmpstr (am_document_get_annotator (doc), ==, "");
  annotation = am_document_lookup_annotation (doc, "A");
  g_assert_cmpstr (am_annotation_get_quote (annotation), ==, "denied it");
  g_assert_cmpstr (am_annotation_get_note (annotation), ==, "");
}

/* Orphans written by another program may lack a quote: they stay orphans. */
static void
test_orphan_without_quote (void)
{
  const char *json = "{\"format\": \"argumark\", \"version\": 1, \"text\": \"Jones denied it.\",\n"
                     " \"orphans\": [{\"id\": \"T7\", \"label\": \"claim\", \"start\": 60, \"end\": 70}]}";
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;
  AmAnnotation *annotation;

  doc = am_document_load_from_data (json, strlen (json), &report, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_load_report_get_n_orphans (report), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_orphans (doc)), ==, 1);

  annotation = am_document_add_annotation (doc, "claim", 0, 5, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_annotation_get_id (annotation), ==, "T8");
}

/* Every ```json example of the specification is a document Argumark loads. */
static void
test_docs_examples (void)
{
  g_autofree char *markdown = NULL;
  const char *p;
  guint n = 0;

  g_assert_true (g_file_get_contents (FORMAT_DOC, &markdown, NULL, NULL));
  for (p = strstr (markdown, "```json\n"); p != NULL; p = strstr (p, "```json\n"))
    {
      g_autoptr(AmDocument) doc = NULL;
      g_autoptr(AmLoadReport) report = NULL;
      g_autoptr(GError) error = NULL;
      const char *end;

      p += strlen ("```json\n");
      end = strstr (p, "```");
      g_assert_nonnull (end);
      doc = am_document_load_from_data (p, end - p, &report, &error);
      g_assert_no_error (error);
      g_assert_true (am_load_report_is_empty (report));
      n++;
      p = end + 3;
    }

  g_assert_cmpuint (n, >=, 2);
}

static void
check_properties (JsonObject *written,
                  JsonObject *definition,
                  const char *what)
{
  JsonObject *properties = json_object_get_object_member (definition, "properties");
  JsonArray *required = json_object_get_array_member (definition, "required");
  g_autoptr(GList) members = json_object_get_members (written);
  GList *l;
  guint i;

  g_test_message ("%s", what);
  g_assert_false (json_object_get_boolean_member (definition, "additionalProperties"));
  for (l = members; l != NULL; l = l->next)
    g_assert_true (json_object_has_member (properties, l->data));
  for (i = 0; i < json_array_get_length (required); i++)
    g_assert_true (json_object_has_member (written, json_array_get_string_element (required, i)));
}

/* The JSON Schema and the writer agree: every member written is in the
 * schema, every member the schema requires is written.
 */
static void
test_json_schema (void)
{
  g_autoptr(AmDocument) doc = annotated_sample ();
  g_autoptr(AmDocument) loaded = NULL;
  g_autoptr(JsonParser) schema_parser = json_parser_new ();
  g_autoptr(JsonParser) doc_parser = json_parser_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  JsonObject *schema, *defs, *root, *annotation, *orphan, *sources_holder = NULL;
  JsonArray *annotations;
  GString *s;
  guint i;

  /* An orphan and sources, so that every optional part is written. */
  bytes = am_document_to_bytes (doc);
  s = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_string_replace (s, "Israel has claimed that", "Israel has said that", 1);
  g_string_replace (s, am_text_get_sha256 (am_document_get_text (doc)),
                    "0000000000000000000000000000000000000000000000000000000000000000", 1);
  json = g_string_free (s, FALSE);
  loaded = am_document_load_from_data (json, strlen (json), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_orphans (loaded)), ==, 1);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = am_document_to_bytes (loaded);

  json_parser_load_from_file (schema_parser, JSON_SCHEMA, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (doc_parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  schema = json_node_get_object (json_parser_get_root (schema_parser));
  defs = json_object_get_object_member (schema, "$defs");
  root = json_node_get_object (json_parser_get_root (doc_parser));

  check_properties (root, schema, "top level");
  check_properties (json_object_get_object_member (root, "schema"),
                    json_object_get_object_member (defs, "schema"), "schema");
  check_properties (json_array_get_object_element (json_object_get_array_member (
                      json_object_get_object_member (root, "schema"), "labels"), 0),
                    json_object_get_object_member (defs, "label"), "label");
  check_properties (json_array_get_object_element (json_object_get_array_member (
                      json_object_get_object_member (root, "schema"), "relations"), 0),
                    json_object_get_object_member (defs, "relation"), "relation");
  check_properties (json_array_get_object_element (json_object_get_array_member (root, "links"), 0),
                    json_object_get_object_member (defs, "link"), "link");

  annotations = json_object_get_array_member (root, "annotations");
  for (i = 0; i < json_array_get_length (annotations); i++)
    {
      annotation = json_array_get_object_element (annotations, i);
      check_properties (annotation, json_object_get_object_member (defs, "annotation"), "annotation");
      if (json_object_has_member (annotation, "sources"))
        sources_holder = annotation;
    }
  g_assert_nonnull (sources_holder);
  orphan = json_array_get_object_element (json_object_get_array_member (root, "orphans"), 0);
  check_properties (orphan, json_object_get_object_member (defs, "annotation"), "orphan");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document-io/round-trip", test_round_trip);
  g_test_add_func ("/document-io/layout", test_layout);
  g_test_add_func ("/document-io/bad-documents", test_bad_documents);
  g_test_add_func ("/document-io/huge-string", test_huge_string);
  g_test_add_func ("/document-io/garbage", test_garbage_never_crashes);
  g_test_add_func ("/document-io/failed-save", test_failed_save);
  g_test_add_func ("/document-io/save-keeps-mode", test_save_keeps_mode);
  g_test_add_func ("/document-io/modified", test_modified);
  g_test_add_func ("/document-io/save-async", test_save_async);
  g_test_add_func ("/document-io/reanchor", test_reanchor);
  g_test_add_func ("/document-io/reanchor-quote-edited", test_reanchor_quote_edited);
  g_test_add_func ("/document-io/reanchor-nearest", test_reanchor_nearest);
  g_test_add_func ("/document-io/minimal", test_minimal_document);
  g_test_add_func ("/document-io/orphan-without-quote", test_orphan_without_quote);
  g_test_add_func ("/document-io/docs-examples", test_docs_examples);
  g_test_add_func ("/document-io/json-schema", test_json_schema);

  return g_test_run ();
}
