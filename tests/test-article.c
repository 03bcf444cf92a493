/* test-article.c: plain-text articles, their encodings and Unicode offsets
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

#include "am-document-io.h"

#define SAMPLE TEST_DATA_DIR "/../../data/samples/hamas-isis-sinai.txt"

static void
test_sample_kept_exactly (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (SAMPLE);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = g_file_get_path (file);
  gsize length;

  g_assert_true (g_file_get_contents (SAMPLE, &contents, &length, NULL));
  doc = am_document_new_from_article (file, &error);
  g_assert_no_error (error);

  /* NBSPs, the doubled headline and the missing final newline, all kept. */
  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, contents);
  g_assert_cmpuint (am_text_get_n_bytes (am_document_get_text (doc)), ==, length);
  g_assert_cmpstr (am_document_get_title (doc), ==, "Hamas could see a strategic advantage in aiding ISIS");
  g_assert_cmpstr (am_document_get_meta (doc, "source"), ==, path);
  g_assert_cmpint (am_document_get_status (doc), ==, AM_DOCUMENT_STATUS_NEW);
  g_assert_false (am_document_get_modified (doc));
  g_assert_false (am_document_get_can_undo (doc));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (doc)), ==, 0);
}

static void
check_unicode_article (const char *name,
                       JsonObject *expected)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "unicode", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(AmDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *spans = json_object_get_array_member (expected, "spans");
  AmText *text;
  guint i;

  doc = am_document_new_from_article (file, &error);
  g_assert_no_error (error);
  text = am_document_get_text (doc);

  g_assert_cmpuint (am_text_get_length (text), ==, json_object_get_int_member (expected, "length"));
  g_assert_cmpuint (am_text_get_utf16_length (text), ==, json_object_get_int_member (expected, "utf16_length"));
  g_assert_null (strchr (am_document_get_text_utf8 (doc), '\r'));

  for (i = 0; i < json_array_get_length (spans); i++)
    {
      JsonObject *span = json_array_get_object_element (spans, i);
      const char *quote = json_object_get_string_member (span, "quote");
      guint start = json_object_get_int_member (span, "start");
      guint end = json_object_get_int_member (span, "end");
      g_autofree char *substring = am_text_substring (text, start, end);
      AmAnnotation *annotation;

      /* Python's text[start:end] is ours. */
      g_assert_cmpstr (substring, ==, quote);
      annotation = am_document_add_annotation (doc, i % 2 == 0 ? "claim" : "attribution", start, end, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (am_annotation_get_quote (annotation), ==, quote);
    }

  /* The offsets survive the file format. */
  bytes = am_document_to_bytes (doc);
  loaded = am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (doc, loaded));
}

static void
test_unicode_offsets (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GList) names = NULL;
  JsonObject *root;
  GList *l;

  json_parser_load_from_file (parser, TEST_DATA_DIR "/unicode/expected.json", &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  names = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (names), ==, 6);

  for (l = names; l != NULL; l = l->next)
    {
      g_test_message ("%s", (const char *) l->data);
      check_unicode_article (l->data, json_object_get_object_member (root, l->data));
    }
}

static AmDocument *
article (const char *data,
         gsize       length,
         GError    **error)
{
  return am_document_new_from_article_data (data, length, error);
}

static void
test_newlines (void)
{
  const char data[] = "Title\r\nOne line\rTwo\r\n\r\nEnd\n\r";
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = article (data, sizeof data - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, "Title\nOne line\nTwo\n\nEnd\n\n");
}

static void
test_title (void)
{
  const char data[] = "\n \t\n\u00a0  Officials deny report \n\nBody";
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_line = g_strnfill (500, 'a');

  doc = article (data, sizeof data - 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_title (doc), ==, "Officials deny report");
  /* The text itself is untouched. */
  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, data);
  g_assert_false (am_document_get_modified (doc));

  g_clear_object (&doc);
  doc = article (long_line, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_utf8_strlen (am_document_get_title (doc), -1), ==, 201);
  g_assert_true (g_str_has_suffix (am_document_get_title (doc), "…"));
}

static GBytes *
utf16_with_bom (const char *utf8,
                gboolean    big_endian)
{
  g_autofree gunichar2 *units = NULL;
  GByteArray *out = g_byte_array_new ();
  glong n = 0;
  glong i;

  units = g_utf8_to_utf16 (utf8, -1, NULL, &n, NULL);
  g_byte_array_append (out, (const guint8 *) (big_endian ? "\xfe\xff" : "\xff\xfe"), 2);
  for (i = 0; i < n; i++)
    {
      guint8 pair[2];

      pair[big_endian ? 0 : 1] = units[i] >> 8;
      pair[big_endian ? 1 : 0] = units[i] & 0xff;
      g_byte_array_append (out, pair, 2);
    }

  return g_byte_array_free_to_bytes (out);
}

static void
test_encodings (void)
{
  const char *text = "Ḥamās said 🙂 “no”.\r\nעברית";
  const char *stored = "Ḥamās said 🙂 “no”.\nעברית";
  g_autofree char *with_bom = g_strconcat ("\xef\xbb\xbf", text, NULL);
  g_autofree char *dir = g_dir_make_tmp ("test-article-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "utf16.txt", NULL);
  guint big_endian;

  for (big_endian = 0; big_endian < 2; big_endian++)
    {
      g_autoptr(GBytes) bytes = utf16_with_bom (text, big_endian);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(AmDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
      doc = am_document_new_from_article (file, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, stored);
      g_assert_cmpuint (am_document_get_length (doc), ==, g_utf8_strlen (stored, -1));
    }

  {
    g_autoptr(AmDocument) doc = NULL;
    g_autoptr(GError) error = NULL;

    doc = article (with_bom, strlen (with_bom), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, stored);
  }

  g_unlink (path);
  g_rmdir (dir);
}

typedef struct
{
  const char *data;
  gsize       length;
  int         code;
  const char *words;
} BadArticle;

static void
test_bad_articles (void)
{
  static const BadArticle bad[] = {
    { "", 0, AM_DOCUMENT_ERROR_EMPTY, "empty" },
    { " \n\r\n\t ", 6, AM_DOCUMENT_ERROR_EMPTY, "blank" },
    { "\xef\xbb\xbf", 3, AM_DOCUMENT_ERROR_EMPTY, "empty" },
    { "Hamas\xff said", 11, AM_DOCUMENT_ERROR_INVALID_ENCODING, "byte offset 5 (line 1, column 6)" },
    { "ok\nline two \xc3\x28", 14, AM_DOCUMENT_ERROR_INVALID_ENCODING, "byte offset 12 (line 2, column 10)" },
    { "abc\xed\xa0\x80", 6, AM_DOCUMENT_ERROR_INVALID_ENCODING, "byte offset 3" },
    { "Hamas\0said", 10, AM_DOCUMENT_ERROR_BINARY, "byte offset 5" },
    { "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, AM_DOCUMENT_ERROR_BINARY, "byte offset 8" },
    /* UTF-16: an odd number of bytes, a lone surrogate, a NUL character. */
    { "\xff\xfe" "a\0b", 5, AM_DOCUMENT_ERROR_INVALID_ENCODING, "odd number of bytes" },
    { "\xff\xfe" "a\0\x00\xd8" "b\0", 8, AM_DOCUMENT_ERROR_INVALID_ENCODING, "byte offset 4" },
    { "\xfe\xff" "\0a\0\0\0b", 8, AM_DOCUMENT_ERROR_BINARY, "NUL" },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(AmDocument) doc = NULL;
      g_autoptr(GError) error = NULL;

      doc = article (bad[i].data, bad[i].length, &error);
      g_test_message ("%u: %s", i, error != NULL ? error->message : "(accepted)");
      g_assert_null (doc);
      g_assert_error (error, AM_DOCUMENT_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].words));
    }
}

static void
test_open_sniffs (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-article-XXXXXX", NULL);
  g_autofree char *json_path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *braces_path = g_build_filename (dir, "braces.txt", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "article", NULL);
  g_autoptr(GFile) json_file = g_file_new_for_path (json_path);
  g_autoptr(GFile) braces_file = g_file_new_for_path (braces_path);
  g_autoptr(GFile) plain_file = g_file_new_for_path (plain_path);
  g_autoptr(AmDocument) doc = am_document_new ("Jones denied it.", NULL);
  g_autoptr(AmDocument) opened = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (am_document_add_annotation (doc, "counter-claim", 6, 15, &error));
  g_assert_true (am_document_save (doc, json_file, &error));
  g_assert_no_error (error);

  opened = am_document_open (json_file, &report, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_true (am_document_equal (doc, opened));
  g_clear_object (&opened);
  g_clear_object (&report);

  /* A .txt that looks like JSON is still an article. */
  g_assert_true (g_file_set_contents (braces_path, "{\"format\": \"argumark\"}", -1, NULL));
  opened = am_document_open (braces_file, &report, &error);
  g_assert_no_error (error);
  g_assert_null (report);
  g_assert_cmpstr (am_document_get_text_utf8 (opened), ==, "{\"format\": \"argumark\"}");
  g_clear_object (&opened);

  /* Without a telling name, the content decides. */
  g_assert_true (g_file_set_contents (plain_path, "\xef\xbb\xbf  Plain words.\r\n", -1, NULL));
  opened = am_document_open (plain_file, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_text_utf8 (opened), ==, "  Plain words.\n");
  g_assert_cmpstr (am_document_get_title (opened), ==, "Plain words.");
  g_clear_object (&opened);

  g_unlink (json_path);
  g_unlink (braces_path);
  g_unlink (plain_path);
  g_rmdir (dir);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (TEST_DATA_DIR "/no-such-article.txt");
  g_autoptr(GFile) folder = g_file_new_for_path (TEST_DATA_DIR);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  doc = am_document_new_from_article (file, &error);
  g_assert_null (doc);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no-such-article.txt"));
  g_clear_error (&error);

  doc = am_document_open (folder, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO);
}

static gpointer
write_to_pipe (gpointer data)
{
  const char *path = data;
  g_autoptr(GString) text = g_string_new ("Piped article\n\n");
  FILE *out;

  /* Longer than any first guess at the size of a pipe, which has none. */
  while (text->len < 300000)
    g_string_append (text, "A sentence read through a pipe, caf\xc3\xa9 \xf0\x9f\x99\x82. ");
  out = fopen (path, "w");
  g_assert_nonnull (out);
  g_assert_cmpuint (fwrite (text->str, 1, text->len, out), ==, text->len);
  fclose (out);
  return GUINT_TO_POINTER (text->len);
}

/* A file whose size is unknown before reading it: a named pipe. */
static void
test_read_pipe (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-article-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "article.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  GThread *writer;
  gsize written;

  g_assert_cmpint (mkfifo (path, 0600), ==, 0);
  writer = g_thread_new ("writer", write_to_pipe, path);
  doc = am_document_new_from_article (file, &error);
  written = GPOINTER_TO_UINT (g_thread_join (writer));
  g_assert_no_error (error);
  g_assert_cmpuint (am_text_get_n_bytes (am_document_get_text (doc)), ==, written);
  g_assert_cmpstr (am_document_get_title (doc), ==, "Piped article");
  g_assert_true (g_str_has_suffix (am_document_get_text_utf8 (doc), "\xf0\x9f\x99\x82. "));

  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/article/sample-kept-exactly", test_sample_kept_exactly);
  g_test_add_func ("/article/unicode-offsets", test_unicode_offsets);
  g_test_add_func ("/article/newlines", test_newlines);
  g_test_add_func ("/article/title", test_title);
  g_test_add_func ("/article/encodings", test_encodings);
  g_test_add_func ("/article/bad", test_bad_articles);
  g_test_add_func ("/article/open-sniffs", test_open_sniffs);
  g_test_add_func ("/article/missing-file", test_missing_file);
  g_test_add_func ("/article/read-pipe", test_read_pipe);

  return g_test_run ();
}
