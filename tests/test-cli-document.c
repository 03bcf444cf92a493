/* test-cli-document.c: argumark-cli validate and new, run as a process
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-document-io.h"
#include "am-test.h"

#define SAMPLE TEST_DATA_DIR "/../../data/samples/hamas-isis-sinai.txt"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
run_cli (Run                *run,
         const char * const *args)
{
  run->status = am_test_run_cli (args, &run->out, &run->err);
}

static guint
count_lines (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s++)
    n += *s == '\n';
  return n;
}

static void
test_new_and_validate (void)
{
  g_auto(Run) run = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("test-cli-document-XXXXXX", NULL);
  g_autofree char *doc_path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (doc_path);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run_cli (&run, (const char *[]) { "new", SAMPLE, "-o", doc_path, "--annotator", "Ana", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");

  doc = am_document_load (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_annotator (doc), ==, "Ana");
  g_assert_cmpstr (am_document_get_title (doc), ==, "Hamas could see a strategic advantage in aiding ISIS");
  g_assert_true (g_file_get_contents (doc_path, &before, NULL, NULL));

  /* An existing file is kept unless --force. */
  run_clear (&run);
  run_cli (&run, (const char *[]) { "new", SAMPLE, "-o", doc_path, NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_true (g_str_has_prefix (run.err, doc_path));
  g_assert_nonnull (strstr (run.err, "--force"));
  g_assert_true (g_file_get_contents (doc_path, &after, NULL, NULL));
  g_assert_cmpstr (before, ==, after);

  run_clear (&run);
  run_cli (&run, (const char *[]) { "new", "--force", SAMPLE, "-o", doc_path, NULL });
  g_assert_cmpint (run.status, ==, 0);

  run_clear (&run);
  run_cli (&run, (const char *[]) { "validate", doc_path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  expected = g_strdup_printf ("%s: ok (0 annotations, 0 links)\n", doc_path);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpstr (run.err, ==, "");

  g_unlink (doc_path);
  g_rmdir (dir);
}

static void
test_validate_bad (void)
{
  g_auto(Run) run = { 0 };
  const char *bad1 = TEST_DATA_DIR "/bad/reversed-span.json";
  const char *bad2 = TEST_DATA_DIR "/bad/future-version.json";
  g_autofree char *dir = g_dir_make_tmp ("test-cli-document-XXXXXX", NULL);
  g_autofree char *good_path = g_build_filename (dir, "good.json", NULL);
  g_autoptr(AmDocument) doc = am_document_new ("Jones denied it. Smith said so.", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (good_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  g_assert_nonnull (am_document_add_annotation (doc, "counter-claim", 6, 15, &error));
  g_assert_nonnull (am_document_add_annotation (doc, "attribution", 17, 27, &error));
  g_assert_nonnull (am_document_link (doc, "source", "T2", "T1", &error));
  g_assert_true (am_document_save (doc, file, &error));
  g_assert_no_error (error);

  run_cli (&run, (const char *[]) { "validate", good_path, bad1, bad2, NULL });
  g_assert_cmpint (run.status, ==, 1);
  line = g_strdup_printf ("%s: ok (2 annotations, 1 link)\n", good_path);
  g_assert_cmpstr (run.out, ==, line);

  /* One line per bad file, with the file name and the JSON path. */
  g_assert_cmpuint (count_lines (run.err), ==, 2);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%s: annotations[1].end: ", bad1);
  g_assert_nonnull (strstr (run.err, line));
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf ("%s: version: ", bad2);
  g_assert_nonnull (strstr (run.err, line));
  g_assert_nonnull (strstr (run.err, "reads version 1"));

  g_unlink (good_path);
  g_rmdir (dir);
}

static void
test_validate_report (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(AmDocument) doc = am_document_new ("Smith said taxes rose. Lee said nothing.", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-cli-document-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "edited.json", NULL);
  GString *json;

  g_assert_nonnull (am_document_add_annotation (doc, "claim", 11, 21, &error));
  g_assert_nonnull (am_document_add_annotation (doc, "claim", 23, 39, &error));
  bytes = am_document_to_bytes (doc);
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  g_string_replace (json, "\"text\": \"Smith said taxes rose. Lee said nothing.\"",
                    "\"text\": \"Yesterday Smith said taxes rose.\"", 1);
  g_assert_true (g_file_set_contents (path, json->str, json->len, NULL));
  g_string_free (json, TRUE);

  /* Moved and orphaned annotations are reported, but the file is valid. */
  run_cli (&run, (const char *[]) { "validate", path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "ok (1 annotation, 0 links, 1 orphan)"));
  g_assert_cmpuint (count_lines (run.err), ==, 3);
  g_assert_nonnull (strstr (run.err, "moved from 11–21 to 21–31"));
  g_assert_nonnull (strstr (run.err, "orphan"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_usage (void)
{
  g_auto(Run) run = { 0 };

  run_cli (&run, (const char *[]) { "validate", "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "validate"));
  g_assert_nonnull (strstr (run.out, "JSON path"));

  run_clear (&run);
  run_cli (&run, (const char *[]) { "new", "--help", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "--force"));
  g_assert_nonnull (strstr (run.out, "--annotator"));

  run_clear (&run);
  run_cli (&run, (const char *[]) { "validate", NULL });
  g_assert_cmpint (run.status, ==, 2);

  run_clear (&run);
  run_cli (&run, (const char *[]) { "new", SAMPLE, NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o FILE"));

  run_clear (&run);
  run_cli (&run, (const char *[]) { "new", TEST_DATA_DIR "/bad/nul-byte.json", "-o", "/nonexistent/x.json", NULL });
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "NUL byte"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-document/new-and-validate", test_new_and_validate);
  g_test_add_func ("/cli-document/validate-bad", test_validate_bad);
  g_test_add_func ("/cli-document/validate-report", test_validate_report);
  g_test_add_func ("/cli-document/usage", test_usage);

  return g_test_run ();
}
