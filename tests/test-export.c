/* test-export.c: the exporters' exact output, round trips through the
 * importers, filters, splits and the argumark-cli export command
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "am-document-io.h"
#include "am-exporter.h"
#include "am-importer.h"
#include "am-test.h"

#define GOLDEN TEST_DATA_DIR "/export"

/* The sample set: English with curly quotes, accents and an emoji before
 * later spans (so UTF-16 and code points differ), nested and crossing spans,
 * a note with a comma, quotes and a line break; Arabic and Hebrew (RTL), and
 * an article nobody has annotated yet. */

static void
add_span (AmDocument *doc,
          const char *id,
          const char *label,
          const char *quote,
          const char *note)
{
  const char *text = am_document_get_text_utf8 (doc);
  const char *found = strstr (text, quote);
  g_autoptr(AmAnnotation) annotation = NULL;
  g_autoptr(GError) error = NULL;
  glong start;

  g_assert_nonnull (found);
  start = g_utf8_pointer_to_offset (text, found);
  annotation = g_object_new (AM_TYPE_ANNOTATION,
                             "id", id,
                             "label", label,
                             "start", (guint) start,
                             "end", (guint) (start + g_utf8_strlen (quote, -1)),
                             "author", "ana",
                             "note", note,
                             "created", "2026-01-02T03:04:05Z",
                             "modified", "2026-01-02T03:04:05Z",
                             NULL);
  g_assert_true (am_document_insert_annotation (doc, annotation, &error));
  g_assert_no_error (error);
}

static void
add_link (AmDocument *doc,
          const char *id,
          const char *relation,
          const char *from,
          const char *to)
{
  g_autoptr(AmLink) link = am_link_new (id, relation, from, to);
  g_autoptr(GError) error = NULL;

  g_assert_true (am_document_insert_link (doc, link, &error));
  g_assert_no_error (error);
}

static GPtrArray *
make_samples (void)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);
  AmDocument *doc;

  doc = am_document_new ("Markets\n“Prices will fall,” said Élodie Durand 😀 on Monday.\n"
                         "Critics disagree: prices will rise.\n", NULL);
  am_document_set_meta (doc, "title", "Markets");
  am_document_set_meta (doc, "language", "en");
  add_span (doc, "T1", "claim", "Prices will fall", "Quoted, \"verbatim\"\nsecond line");
  add_span (doc, "T2", "attribution", "Élodie Durand", NULL);
  add_span (doc, "T3", "counter-claim", "prices will rise", NULL);
  add_span (doc, "T4", "claim", "prices will rise.", NULL);
  add_span (doc, "T5", "claim", "fall,” said", NULL);
  /* Across a line break, and so across sentences. */
  add_span (doc, "T6", "counter-claim", "Monday.\nCritics", NULL);
  add_link (doc, "L1", "source", "T2", "T1");
  add_link (doc, "L2", "counters", "T3", "T1");
  am_document_set_status (doc, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_object_set_data_full (G_OBJECT (doc), "name", g_strdup ("news-en"), g_free);
  g_ptr_array_add (docs, doc);

  doc = am_document_new ("قال الوزير إن الأسعار ستنخفض. ويرى المنتقدون أن الأسعار سترتفع 📈.", NULL);
  am_document_set_meta (doc, "language", "ar");
  add_span (doc, "T1", "attribution", "الوزير", NULL);
  add_span (doc, "T2", "claim", "الأسعار ستنخفض", NULL);
  add_span (doc, "T3", "counter-claim", "الأسعار سترتفع", "رأي المنتقدين");
  add_link (doc, "L1", "source", "T1", "T2");
  add_link (doc, "L2", "counters", "T3", "T2");
  am_document_set_status (doc, AM_DOCUMENT_STATUS_DONE);
  g_object_set_data_full (G_OBJECT (doc), "name", g_strdup ("news-ar"), g_free);
  g_ptr_array_add (docs, doc);

  doc = am_document_new ("לדברי השר, המחירים ירדו ב-2025.", NULL);
  am_document_set_meta (doc, "language", "he");
  am_document_set_meta (doc, "source", "https://example.org/he/1");
  add_span (doc, "T1", "attribution", "השר", NULL);
  add_span (doc, "T2", "claim", "המחירים ירדו ב-2025", NULL);
  add_link (doc, "L1", "source", "T1", "T2");
  am_document_set_status (doc, AM_DOCUMENT_STATUS_DONE);
  g_object_set_data_full (G_OBJECT (doc), "name", g_strdup ("news-he"), g_free);
  g_ptr_array_add (docs, doc);

  doc = am_document_new ("Nobody has read this one yet.", NULL);
  g_object_set_data_full (G_OBJECT (doc), "name", g_strdup ("unread"), g_free);
  g_ptr_array_add (docs, doc);

  return docs;
}

static AmExporter *
exporter_for_samples (AmExportFormat format,
                      GPtrArray     *docs)
{
  AmExporter *exporter = am_exporter_new (format);
  guint i;

  for (i = 0; i < docs->len; i++)
    {
      AmDocument *doc = g_ptr_array_index (docs, i);

      am_exporter_add_document (exporter, doc, g_object_get_data (G_OBJECT (doc), "name"));
    }
  return exporter;
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("argumark-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
assert_same_file (const char *golden,
                  const char *actual)
{
  g_autofree char *expected_data = NULL;
  g_autofree char *actual_data = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (actual, &actual_data, NULL, &error));
  g_assert_no_error (error);
  /* AM_UPDATE_GOLDEN=1 rewrites the expected files after a deliberate
   * change of format; review the diff before committing it. */
  if (g_getenv ("AM_UPDATE_GOLDEN") != NULL)
    {
      g_assert_true (g_file_set_contents (golden, actual_data, -1, &error));
      g_assert_no_error (error);
    }
  g_assert_true (g_file_get_contents (golden, &expected_data, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (actual_data, ==, expected_data);
}

static void
test_golden (gconstpointer data)
{
  AmExportFormat format = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (format, docs);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  const char *name = am_export_format_to_string (format);
  const char *extension = am_export_format_get_extension (format);
  g_autofree char *basename = extension != NULL ? g_strconcat (name, ".", extension, NULL)
                                                : g_strdup (name);
  g_autofree char *out_path = g_build_filename (dir, basename, NULL);
  g_autofree char *golden_path = g_build_filename (GOLDEN, basename, NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);

  g_assert_true (am_exporter_export (exporter, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (am_exporter_get_n_written (exporter), ==, 4);
  g_assert_cmpuint (am_exporter_get_n_spans (exporter), ==, 11);
  g_assert_cmpuint (am_exporter_get_n_links (exporter), ==,
                    format == AM_EXPORT_FORMAT_DOCCANO || format == AM_EXPORT_FORMAT_CONLL ||
                    format == AM_EXPORT_FORMAT_CSV ? 0 : 5);

  if (extension != NULL)
    assert_same_file (golden_path, out_path);
  else
    {
      g_autoptr(GDir) golden_dir = NULL;
      g_autoptr(GDir) out_dir = g_dir_open (out_path, 0, &error);
      const char *child;
      guint n_out = 0;
      guint n_golden = 0;

      g_assert_no_error (error);
      if (g_getenv ("AM_UPDATE_GOLDEN") != NULL)
        g_mkdir_with_parents (golden_path, 0755);
      while ((child = g_dir_read_name (out_dir)) != NULL)
        {
          g_autofree char *a = g_build_filename (out_path, child, NULL);
          g_autofree char *g = g_build_filename (golden_path, child, NULL);

          assert_same_file (g, a);
          n_out++;
        }
      golden_dir = g_dir_open (golden_path, 0, &error);
      g_assert_no_error (error);
      while (g_dir_read_name (golden_dir) != NULL)
        n_golden++;
      g_assert_cmpuint (n_out, ==, n_golden);
    }

  am_test_remove_tree (dir);
}

/* Round trips: what each format can hold comes back through the importer. */

static char *
span_key (AmDocument *doc,
          const char *id)
{
  AmAnnotation *a = am_document_lookup_annotation (doc, id);

  g_assert_nonnull (a);
  return g_strdup_printf ("%u-%u %s", am_annotation_get_start (a), am_annotation_get_end (a),
                          am_annotation_get_label (a));
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The spans and links of a document as sorted lines, independent of ids. */
static char *
describe (AmDocument *doc)
{
  GListModel *annotations = am_document_get_annotations (doc);
  GListModel *links = am_document_get_links (doc);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(AmAnnotation) a = g_list_model_get_item (annotations, i);

      g_ptr_array_add (lines, span_key (doc, am_annotation_get_id (a)));
    }
  for (i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(AmLink) link = g_list_model_get_item (links, i);
      g_autofree char *from = span_key (doc, am_link_get_from (link));
      g_autofree char *to = span_key (doc, am_link_get_to (link));

      g_ptr_array_add (lines, g_strdup_printf ("%s: %s -> %s", am_link_get_relation (link),
                                               from, to));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (i = 0; i < lines->len; i++)
    {
      g_string_append (out, g_ptr_array_index (lines, i));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  AmExportFormat  export_format;
  AmImportFormat  import_format;
  AmExportOffsets offsets;
  gboolean        links;
} RoundTrip;

static const RoundTrip round_trips[] = {
  { AM_EXPORT_FORMAT_JSONL, AM_IMPORT_FORMAT_JSONL, AM_EXPORT_OFFSETS_DEFAULT, TRUE },
  { AM_EXPORT_FORMAT_DOCCANO, AM_IMPORT_FORMAT_DOCCANO, AM_EXPORT_OFFSETS_DEFAULT, FALSE },
  { AM_EXPORT_FORMAT_DOCCANO_RELATIONS, AM_IMPORT_FORMAT_DOCCANO, AM_EXPORT_OFFSETS_DEFAULT, TRUE },
  { AM_EXPORT_FORMAT_DOCCANO_RELATIONS, AM_IMPORT_FORMAT_DOCCANO, AM_EXPORT_OFFSETS_CODE_POINTS, TRUE },
  { AM_EXPORT_FORMAT_BRAT, AM_IMPORT_FORMAT_BRAT, AM_EXPORT_OFFSETS_DEFAULT, TRUE },
  { AM_EXPORT_FORMAT_WEBANNO, AM_IMPORT_FORMAT_WEBANNO, AM_EXPORT_OFFSETS_DEFAULT, TRUE },
};

static void
test_round_trip (gconstpointer data)
{
  const RoundTrip *rt = data;
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (rt->export_format, docs);
  g_autoptr(AmImporter) importer = am_importer_new (rt->import_format, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out_path = g_build_filename (dir, "out", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  GListModel *imported;
  guint i;

  am_exporter_set_offsets (exporter, rt->offsets);
  g_assert_true (am_exporter_export (exporter, out, NULL, &error));
  g_assert_no_error (error);

  if (rt->offsets == AM_EXPORT_OFFSETS_CODE_POINTS)
    am_importer_set_offsets (importer, AM_IMPORT_OFFSETS_CODE_POINTS);
  g_assert_true (am_importer_import_file (importer, out, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (am_import_report_get_n_errors (am_importer_get_report (importer)), ==, 0);

  imported = am_importer_get_documents (importer);
  g_assert_cmpuint (g_list_model_get_n_items (imported), ==, docs->len);
  for (i = 0; i < docs->len; i++)
    {
      AmDocument *original = g_ptr_array_index (docs, i);
      const char *name = g_object_get_data (G_OBJECT (original), "name");
      g_autoptr(AmDocument) back = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      guint k;

      /* Folder formats come back in file name order, and doccano names are
       * FILE-ID: find by name. */
      for (k = 0; k < g_list_model_get_n_items (imported) && back == NULL; k++)
        {
          g_autoptr(AmDocument) candidate = g_list_model_get_item (imported, k);

          const char *back_name = am_importer_get_document_name (importer, candidate);
          g_autofree char *suffix = g_strconcat ("-", name, NULL);

          if (g_str_equal (back_name, name) || g_str_has_suffix (back_name, suffix))
            back = g_steal_pointer (&candidate);
        }
      g_assert_nonnull (back);

      if (rt->export_format != AM_EXPORT_FORMAT_WEBANNO)
        g_assert_cmpstr (am_document_get_text_utf8 (back), ==, am_document_get_text_utf8 (original));

      if (!rt->links)
        {
          GListModel *links = am_document_get_links (original);

          while (g_list_model_get_n_items (links) > 0)
            {
              g_autoptr(AmLink) link = g_list_model_get_item (links, 0);

              g_assert_true (am_document_unlink (original, am_link_get_id (link), NULL));
            }
        }
      want = describe (original);
      got = describe (back);
      g_assert_cmpstr (got, ==, want);
    }

  am_test_remove_tree (dir);
}

/* W3C annotations hold no text: they name NAME.txt beside them, or a web
 * address, which cannot be imported from. */
static void
test_round_trip_w3c (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_W3C, docs);
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_AUTO, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out_path = g_build_filename (dir, "all.jsonld", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  AmImportReport *report;
  GListModel *imported;
  guint i;

  g_assert_true (am_exporter_export (exporter, out, NULL, &error));
  g_assert_no_error (error);
  for (i = 0; i < docs->len; i++)
    {
      AmDocument *doc = g_ptr_array_index (docs, i);
      g_autofree char *name = g_strconcat (g_object_get_data (G_OBJECT (doc), "name"), ".txt", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, am_document_get_text_utf8 (doc), -1, &error));
    }

  g_assert_true (am_importer_import_file (importer, out, &error));
  g_assert_no_error (error);
  report = am_importer_get_report (importer);
  g_assert_cmpuint (am_import_report_get_n_errors (report), ==, 1);
  g_assert_true (am_import_report_has_line (report, "“https://example.org/he/1” is not a file"));

  /* news-en and news-ar; news-he names a web address; unread has no annotation. */
  imported = am_importer_get_documents (importer);
  g_assert_cmpuint (g_list_model_get_n_items (imported), ==, 2);
  for (i = 0; i < 2; i++)
    {
      AmDocument *original = g_ptr_array_index (docs, i);
      g_autoptr(AmDocument) back = g_list_model_get_item (imported, i);
      g_autofree char *want = describe (original);
      g_autofree char *got = describe (back);
      g_autoptr(AmAnnotation) first = g_list_model_get_item (am_document_get_annotations (back), 0);

      g_assert_cmpstr (am_importer_get_document_name (importer, back), ==,
                       g_object_get_data (G_OBJECT (original), "name"));
      g_assert_cmpstr (am_document_get_text_utf8 (back), ==, am_document_get_text_utf8 (original));
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpstr (am_annotation_get_author (first), ==, "ana");
      g_assert_cmpstr (am_annotation_get_created (first), ==, "2026-01-02T03:04:05Z");
    }

  am_test_remove_tree (dir);
}

/* Filters */

static char *
export_to_string (AmExporter *exporter)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *out_path = g_build_filename (dir, "out", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (out_path);
  char *contents = NULL;

  g_assert_true (am_exporter_export (exporter, out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out_path, &contents, NULL, &error));
  am_test_remove_tree (dir);
  return contents;
}

static void
test_label_filter (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_JSONL, docs);
  const char *labels[] = { "claim", "attribution", "opinion", NULL };
  g_autofree char *out = NULL;
  g_auto(GStrv) notes = NULL;

  am_exporter_set_labels (exporter, labels);
  out = export_to_string (exporter);
  g_assert_null (strstr (out, "counter-claim"));
  g_assert_nonnull (strstr (out, "\"head\":\"T2\",\"child\":\"T1\",\"label\":\"source\""));
  /* The counters links lose their counter-claim end and go with it. */
  g_assert_null (strstr (out, "counters"));
  g_assert_cmpuint (am_exporter_get_n_spans (exporter), ==, 8);
  g_assert_cmpuint (am_exporter_get_n_links (exporter), ==, 3);
  notes = am_exporter_dup_notes (exporter);
  g_assert_cmpuint (g_strv_length (notes), ==, 1);
  g_assert_nonnull (strstr (notes[0], "opinion"));
}

static void
test_status_filter (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_CSV, docs);
  const AmDocumentStatus done[] = { AM_DOCUMENT_STATUS_DONE };
  g_autofree char *out = NULL;

  am_exporter_set_statuses (exporter, done, 1);
  out = export_to_string (exporter);
  g_assert_null (strstr (out, "news-en"));
  g_assert_nonnull (strstr (out, "news-ar"));
  g_assert_nonnull (strstr (out, "news-he"));
  g_assert_cmpuint (am_exporter_get_n_written (exporter), ==, 2);
  g_assert_cmpuint (am_exporter_get_n_skipped (exporter), ==, 2);
}

/* Splits */

static void
test_split_spec (void)
{
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  const char *bad[] = {
    "train=0.8,dev=0.1",            /* adds up to 0.9 */
    "train=0.8,test",               /* no share */
    "train=1.5,test=-0.5",          /* out of range */
    "train=0.5,train=0.5",          /* twice */
    "tr/ain=0.5,test=0.5",          /* not a file name */
    "all=1",                        /* one part */
    "train=0.5x,test=0.5",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (am_exporter_set_split (exporter, bad[i], 1, &error));
      g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_OPTION);
    }
  g_assert_null (am_exporter_assign_part (exporter, "a"));
}

static void
test_split_assignment (void)
{
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  g_autoptr(AmExporter) other_seed = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  g_autoptr(GError) error = NULL;
  guint train = 0;
  guint dev = 0;
  guint test = 0;
  guint moved = 0;
  guint i;

  g_assert_true (am_exporter_set_split (exporter, "train=0.8, dev=0.1, test=0.1", 42, &error));
  g_assert_true (am_exporter_set_split (other_seed, "train=0.8,dev=0.1,test=0.1", 43, &error));
  g_assert_no_error (error);

  /* Fixed by the hash, not by this machine: the same on every platform, and
   * the same as the Python version in docs/export.md gives. */
  g_assert_cmpstr (am_exporter_assign_part (exporter, "news-en"), ==, "train");
  g_assert_cmpstr (am_exporter_assign_part (exporter, "news-ar"), ==, "dev");
  g_assert_cmpstr (am_exporter_assign_part (exporter, "doc-0001"), ==, "dev");
  g_assert_cmpstr (am_exporter_assign_part (exporter, "doc-0009"), ==, "train");
  g_assert_cmpstr (am_exporter_assign_part (exporter, "doc-0010"), ==, "test");
  g_assert_cmpstr (am_exporter_assign_part (exporter, "doc-0015"), ==, "test");

  for (i = 0; i < 10000; i++)
    {
      g_autofree char *name = g_strdup_printf ("doc-%04u", i);
      const char *part = am_exporter_assign_part (exporter, name);

      if (g_str_equal (part, "train"))
        train++;
      else if (g_str_equal (part, "dev"))
        dev++;
      else if (g_str_equal (part, "test"))
        test++;
      else
        g_assert_not_reached ();
      if (!g_str_equal (part, am_exporter_assign_part (other_seed, name)))
        moved++;
    }
  g_assert_cmpuint (train, >, 7800);
  g_assert_cmpuint (train, <, 8200);
  g_assert_cmpuint (dev, >, 900);
  g_assert_cmpuint (dev, <, 1100);
  g_assert_cmpuint (test, >, 900);
  g_assert_cmpuint (test, <, 1100);
  /* Another seed is another split (about 1 - (0.64 + 0.01 + 0.01) differ). */
  g_assert_cmpuint (moved, >, 3000);
}

static void
test_split_files (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_JSONL, docs);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) out = g_file_new_for_path (dir);
  g_auto(GStrv) outputs = NULL;
  const char *parts[] = { "train", "dev", "test" };
  guint total = 0;
  guint i;

  g_assert_true (am_exporter_set_split (exporter, "train=0.5,dev=0.25,test=0.25", 7, &error));
  am_exporter_set_overwrite (exporter, TRUE);
  g_assert_true (am_exporter_export (exporter, out, NULL, &error));
  g_assert_no_error (error);
  outputs = am_exporter_dup_outputs (exporter);
  g_assert_cmpuint (g_strv_length (outputs), ==, 3);

  for (i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strconcat (parts[i], ".jsonl", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      guint k;

      g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
      for (k = 0; k < docs->len; k++)
        {
          const char *doc_name = g_object_get_data (G_OBJECT (g_ptr_array_index (docs, k)), "name");
          g_autofree char *needle = g_strdup_printf ("{\"id\":\"%s\"", doc_name);
          gboolean here = strstr (contents, needle) != NULL;

          g_assert_cmpint (here, ==,
                           g_str_equal (am_exporter_assign_part (exporter, doc_name), parts[i]));
          total += here;
        }
    }
  g_assert_cmpuint (total, ==, docs->len);
  am_test_remove_tree (dir);
}

/* Inputs, outputs and errors */

static void
write_corpus (const char *dir,
              GPtrArray  *docs)
{
  guint i;

  for (i = 0; i < docs->len; i++)
    {
      AmDocument *doc = g_ptr_array_index (docs, i);
      const char *name = g_object_get_data (G_OBJECT (doc), "name");
      g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
      g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
      g_autofree char *json_path = g_build_filename (dir, json_name, NULL);
      g_autofree char *txt_path = g_build_filename (dir, txt_name, NULL);
      g_autoptr(GFile) json = g_file_new_for_path (json_path);
      g_autoptr(GError) error = NULL;

      g_assert_true (g_file_set_contents (txt_path, am_document_get_text_utf8 (doc), -1, &error));
      g_assert_true (am_document_save (doc, json, &error));
      g_assert_no_error (error);
    }
}

static void
test_corpus_folder (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) from_memory = exporter_for_samples (AM_EXPORT_FORMAT_JSONL, docs);
  g_autoptr(AmExporter) from_disk = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *corpus_path = g_build_filename (dir, "corpus", NULL);
  g_autofree char *broken_path = g_build_filename (corpus_path, "broken.argumark.json", NULL);
  g_autofree char *article_path = g_build_filename (corpus_path, "zz-article.txt", NULL);
  g_autoptr(GFile) corpus = g_file_new_for_path (corpus_path);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_auto(GStrv) problems = NULL;
  char *line;

  g_mkdir (corpus_path, 0755);
  write_corpus (corpus_path, docs);
  g_assert_true (g_file_set_contents (broken_path, "{\"format\": ", -1, &error));
  g_assert_true (g_file_set_contents (article_path, "An article nobody opened.\n", -1, &error));

  g_assert_true (am_exporter_add_file (from_disk, corpus, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (am_exporter_get_n_inputs (from_disk), ==, 6);
  got = export_to_string (from_disk);

  problems = am_exporter_dup_problems (from_disk);
  g_assert_cmpuint (g_strv_length (problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "broken.argumark.json"));
  g_assert_cmpuint (am_exporter_get_n_written (from_disk), ==, 5);

  /* The same lines as the documents exported from memory, in name order,
   * then the article with no annotations. */
  expected = export_to_string (from_memory);
  line = strstr (got, "{\"id\":\"zz-article\"");
  g_assert_nonnull (line);
  *line = '\0';
  {
    g_auto(GStrv) got_lines = g_strsplit (got, "\n", -1);
    g_auto(GStrv) want_lines = g_strsplit (expected, "\n", -1);
    guint i;

    g_assert_cmpuint (g_strv_length (got_lines), ==, g_strv_length (want_lines));
    for (i = 0; want_lines[i] != NULL; i++)
      g_assert_true (g_strv_contains ((const char * const *) got_lines, want_lines[i]));
  }

  am_test_remove_tree (dir);
}

static void
test_no_overwrite (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_CSV, docs);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.csv", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *contents = NULL;

  g_assert_true (g_file_set_contents (path, "precious", -1, &error));
  g_assert_false (am_exporter_export (exporter, out, NULL, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_EXISTS);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "precious");
  am_test_remove_tree (dir);
}

/* Several outputs of a split exist: one error, and none of them touched. */
static void
test_split_no_overwrite (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_JSONL, docs);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autoptr(GFile) out = g_file_new_for_path (dir);
  const char *parts[] = { "train", "dev", "test" };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strconcat (parts[i], ".jsonl", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, "precious", -1, &error));
    }
  g_assert_true (am_exporter_set_split (exporter, "train=0.5,dev=0.25,test=0.25", 7, &error));
  g_assert_false (am_exporter_export (exporter, out, NULL, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_EXISTS);
  for (i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *name = g_strconcat (parts[i], ".jsonl", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "precious");
    }
  am_test_remove_tree (dir);
}

static void
test_missing_input (void)
{
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/argumark/corpus");
  g_autoptr(GFile) out = g_file_new_for_path ("/nonexistent/argumark/out.jsonl");
  g_autoptr(GError) error = NULL;

  g_assert_false (am_exporter_add_file (exporter, missing, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_NO_INPUT);
  g_clear_error (&error);
  g_assert_false (am_exporter_export (exporter, out, NULL, &error));
  g_assert_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_NO_INPUT);
}

static void
test_cancel_keeps_old_file (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_JSONL, docs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  g_assert_true (g_file_set_contents (path, "old", -1, &error));
  am_exporter_set_overwrite (exporter, TRUE);
  g_cancellable_cancel (cancellable);
  g_assert_false (am_exporter_export (exporter, out, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  am_test_remove_tree (dir);
}

static void
on_progress (AmExporter *exporter,
             guint       done,
             guint       total,
             gpointer    user_data)
{
  GArray *seen = user_data;

  g_assert_cmpuint (total, ==, 4);
  g_array_append_val (seen, done);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (am_exporter_export_finish (AM_EXPORTER (source), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_async (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_CONLL, docs);
  g_autoptr(GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.conll", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  g_autofree char *golden_path = g_build_filename (GOLDEN, "conll.conll", NULL);
  gboolean done = FALSE;
  guint i;

  g_signal_connect (exporter, "progress", G_CALLBACK (on_progress), seen);
  am_exporter_export_async (exporter, out, NULL, on_exported, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* Progress callbacks queued before the result may still be pending. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (seen->len, ==, 4);
  for (i = 0; i < seen->len; i++)
    g_assert_cmpuint (g_array_index (seen, guint, i), ==, i + 1);
  assert_same_file (golden_path, path);
  am_test_remove_tree (dir);
}

/* A stop that comes once the output is in place, before the result
 * reaches the caller, does not turn a finished export into a cancelled one.
 */
static void
test_async_stop_after_done (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_JSONL, docs);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(GFile) out = g_file_new_for_path (path);
  gboolean done = FALSE;
  guint waited_ms = 0;

  am_exporter_export_async (exporter, out, cancellable, on_exported, &done);
  /* The result is delivered through this thread's main context, which is not
   * iterated until the file is there.
   */
  while (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpuint (waited_ms, <, 60000);
      g_usleep (10 * 1000);
      waited_ms += 10;
    }
  g_cancellable_cancel (cancellable);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (am_exporter_get_n_written (exporter), ==, docs->len);
  am_test_remove_tree (dir);
}

/* argumark-cli export, as a user runs it */

/* Runs the command and asserts its exit status; when that is not the one
 * expected, its error output goes to the test log, to tell why. */
static void
assert_cli (const char * const  *args,
            int                  expected,
            char               **out,
            char               **err)
{
  g_autofree char *own_err = NULL;
  int status;

  if (err == NULL)
    err = &own_err;
  status = am_test_run_cli (args, out, err);
  if (status != expected)
    g_test_message ("argumark-cli %s exited with %d, not %d; its error output:\n%s",
                    args[0], status, expected, *err);
  g_assert_cmpint (status, ==, expected);
}

static void
test_cli (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *split1 = g_build_filename (dir, "split1", NULL);
  g_autofree char *split2 = g_build_filename (dir, "split2", NULL);
  g_autofree char *done_csv = g_build_filename (dir, "done.csv", NULL);
  g_autofree char *contents = NULL;
  const char *parts[] = { "train.jsonl", "dev.jsonl", "test.jsonl" };
  guint i;

  g_mkdir (corpus, 0755);
  write_corpus (corpus, docs);

  {
    const char *args[] = { "export", "--format", "jsonl", corpus, "-o", split1,
                           "--split", "train=0.5,dev=0.25,test=0.25", "--seed", "7", NULL };
    g_autofree char *out = NULL;
    g_autofree char *err = NULL;

    assert_cli (args, 0, &out, &err);
    g_assert_nonnull (strstr (err, "4 documents"));
  }
  {
    const char *args[] = { "export", "--format=jsonl", "-o", split2, "--seed=7",
                           "--split=train=0.5,dev=0.25,test=0.25", corpus, NULL };

    assert_cli (args, 0, NULL, NULL);
  }
  for (i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *a_path = g_build_filename (split1, parts[i], NULL);
      g_autofree char *b_path = g_build_filename (split2, parts[i], NULL);
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      g_assert_true (g_file_get_contents (a_path, &a, NULL, NULL));
      g_assert_true (g_file_get_contents (b_path, &b, NULL, NULL));
      g_assert_cmpstr (a, ==, b);
    }

  {
    const char *args[] = { "export", "--format", "csv", "--status", "done", "--labels",
                           "claim", corpus, "-o", done_csv, NULL };

    assert_cli (args, 0, NULL, NULL);
    g_assert_true (g_file_get_contents (done_csv, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==,
                     "document,id,label,start,end,text,author,note,status\r\n"
                     "news-ar,T2,claim,14,28,الأسعار ستنخفض,ana,,done\r\n"
                     "news-he,T2,claim,11,30,המחירים ירדו ב-2025,ana,,done\r\n");
  }
  {
    /* The output exists now: refused, untouched, status 1. */
    const char *args[] = { "export", "--format", "csv", corpus, "-o", done_csv, NULL };
    g_autofree char *err = NULL;
    g_autofree char *after = NULL;

    assert_cli (args, 1, NULL, &err);
    g_assert_nonnull (strstr (err, "already exists"));
    g_assert_true (g_file_get_contents (done_csv, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, contents);
  }
  {
    const char *bad[][10] = {
      { "export", "--format", "excel", corpus, "-o", done_csv, NULL },
      { "export", "--format", "csv", corpus, NULL },
      { "export", "--format", "csv", "-o", done_csv, NULL },
      { "export", "--format", "csv", "--split", "train=2", corpus, "-o", split1, NULL },
      { "export", "--format", "csv", "--status", "finished", corpus, "-o", done_csv, NULL },
      { "export", "--format", "csv", "--offsets", "bytes", corpus, "-o", done_csv, NULL },
    };

    for (i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *err = NULL;

        assert_cli (bad[i], 2, NULL, &err);
        g_assert_cmpstr (err, !=, "");
      }
  }

  am_test_remove_tree (dir);
}

/* Each run of the command is a new process whose worker threads read the
 * first documents at the same moment; a number read there once came out as
 * a fraction ("version": 1) and the document was reported unreadable. */
static void
test_cli_repeated (void)
{
  g_autoptr(GPtrArray) docs = make_samples ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *reference_path = g_build_filename (dir, "reference.jsonl", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.jsonl", NULL);
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_JSONL);
  g_autoptr(GFile) corpus_file = NULL;
  g_autoptr(GFile) reference_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reference = NULL;
  guint i;

  g_mkdir (corpus, 0755);
  write_corpus (corpus, docs);
  corpus_file = g_file_new_for_path (corpus);
  reference_file = g_file_new_for_path (reference_path);
  g_assert_true (am_exporter_add_file (exporter, corpus_file, &error));
  g_assert_true (am_exporter_export (exporter, reference_file, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (reference_path, &reference, NULL, NULL));

  for (i = 0; i < 40; i++)
    {
      const char *args[] = { "export", "--format", "jsonl", "--force", "--quiet", corpus,
                             "-o", out_path, NULL };
      g_autofree char *out = NULL;

      assert_cli (args, 0, NULL, NULL);
      g_assert_true (g_file_get_contents (out_path, &out, NULL, NULL));
      g_assert_cmpstr (out, ==, reference);
    }

  am_test_remove_tree (dir);
}

/* More documents than are read ahead, written by the loader threads or by
 * the exporter's: the output, the notes and the problems keep the input
 * order, and a document that cannot be cut into tokens is left out alone. */
static void
test_many_documents (gconstpointer data)
{
  AmExportFormat format = GPOINTER_TO_UINT (data);
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmExporter) exporter = NULL;
  g_autoptr(AmExporter) done_only = NULL;
  AmDocumentStatus done = AM_DOCUMENT_STATUS_DONE;
  g_autofree char *out = NULL;
  g_auto(GStrv) problems = NULL;
  g_auto(GStrv) notes = NULL;
  const char *p;
  guint n_spans = 0;
  guint i;

  for (i = 0; i < 40; i++)
    {
      g_autofree char *text = g_strdup_printf ("Document %u says prices rose.  Critics disagree "
                                               "with document %u.\n", i, i);
      AmDocument *doc = am_document_new (text, NULL);
      g_autofree char *id = g_strdup_printf ("T%u", i);

      am_document_set_meta (doc, "language", i == 7 ? "not a tag!" : "en");
      add_span (doc, id, "claim", "prices rose", NULL);
      n_spans++;
      if (i == 11)
        {
          /* The two spaces between the sentences: no token. */
          g_autoptr(GError) error = NULL;
          guint start = g_utf8_strlen (text, strstr (text, "  ") - text);

          g_assert_nonnull (am_document_add_annotation (doc, "counter-claim", start, start + 2,
                                                        &error));
          g_assert_no_error (error);
          n_spans++;
        }
      if (i % 5 == 0)
        am_document_set_status (doc, AM_DOCUMENT_STATUS_DONE);
      g_object_set_data_full (G_OBJECT (doc), "name", g_strdup_printf ("doc-%02u", i), g_free);
      g_ptr_array_add (docs, doc);
    }

  exporter = exporter_for_samples (format, docs);
  out = export_to_string (exporter);
  problems = am_exporter_dup_problems (exporter);
  notes = am_exporter_dup_notes (exporter);

  p = out;
  for (i = 0; i < 40; i++)
    {
      g_autofree char *mark = format == AM_EXPORT_FORMAT_CONLL ?
                              g_strdup_printf ("# doc_id = doc-%02u\n", i) :
                              format == AM_EXPORT_FORMAT_W3C ?
                              g_strdup_printf ("\"urn:argumark:doc-%02u:T%u\"", i, i) :
                              g_strdup_printf ("{\"id\":\"doc-%02u\"", i);
      const char *found = strstr (out, mark);

      if (format == AM_EXPORT_FORMAT_CONLL && i == 7)
        {
          g_assert_null (found);
          continue;
        }
      g_assert_nonnull (found);
      g_assert_true (found >= p);
      p = found;
    }

  if (format == AM_EXPORT_FORMAT_CONLL)
    {
      g_assert_cmpuint (g_strv_length (problems), ==, 1);
      g_assert_true (g_str_has_prefix (problems[0], "doc-07: "));
      g_assert_nonnull (strstr (problems[0], "tokens"));
      g_assert_cmpuint (g_strv_length (notes), ==, 1);
      g_assert_true (g_str_has_prefix (notes[0], "doc-11: "));
      g_assert_nonnull (strstr (notes[0], "white space"));
      g_assert_cmpuint (am_exporter_get_n_written (exporter), ==, 39);
      g_assert_cmpuint (am_exporter_get_n_spans (exporter), ==, n_spans - 1);
    }
  else
    {
      if (format == AM_EXPORT_FORMAT_W3C)
        {
          g_autoptr(JsonParser) parser = json_parser_new ();
          g_autoptr(GError) error = NULL;
          JsonObject *page;

          /* One collection, its items joined across documents. */
          g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
          g_assert_no_error (error);
          page = json_object_get_object_member (json_node_get_object (json_parser_get_root (parser)),
                                                "first");
          g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "items")),
                            ==, n_spans);
        }
      g_assert_cmpuint (g_strv_length (problems), ==, 0);
      g_assert_cmpuint (am_exporter_get_n_written (exporter), ==, 40);
      g_assert_cmpuint (am_exporter_get_n_spans (exporter), ==, n_spans);
    }

  done_only = exporter_for_samples (format, docs);
  am_exporter_set_statuses (done_only, &done, 1);
  g_clear_pointer (&out, g_free);
  out = export_to_string (done_only);
  g_assert_cmpuint (am_exporter_get_n_written (done_only), ==, 8);
  g_assert_cmpuint (am_exporter_get_n_skipped (done_only), ==, 32);
  g_assert_nonnull (strstr (out, "doc-35"));
  g_assert_null (strstr (out, "doc-36"));
}

/* brat's annotation.conf lists the labels of every document's schema once,
 * though each document is written in a loader thread of its own. */
static void
test_brat_many_schemas (void)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func (g_object_unref);
  const char *kept[] = { "claim", "opinion", NULL };
  guint i;

  for (i = 0; i < 30; i++)
    {
      AmDocument *doc = am_document_new ("The minister said prices rose.", NULL);
      g_autofree char *name = g_strdup_printf ("doc-%02u", i);

      if (i == 17)
        {
          g_autoptr(AmLabel) opinion = am_label_new ("opinion", "Opinion", "#888888", "#aaaaaa",
                                                     "o");
          g_autoptr(GError) error = NULL;

          g_assert_true (am_label_schema_add_label (am_document_get_schema (doc), opinion, &error));
          g_assert_no_error (error);
          add_span (doc, "T1", "opinion", "prices rose", NULL);
        }
      else
        add_span (doc, "T1", "claim", "prices rose", NULL);
      g_object_set_data_full (G_OBJECT (doc), "name", g_steal_pointer (&name), g_free);
      g_ptr_array_add (docs, doc);
    }

  for (i = 0; i < 2; i++)
    {
      g_autoptr(AmExporter) exporter = exporter_for_samples (AM_EXPORT_FORMAT_BRAT, docs);
      g_autoptr(GError) error = NULL;
      g_autofree char *dir = make_temp_dir ();
      g_autofree char *out_path = g_build_filename (dir, "brat", NULL);
      g_autofree char *conf_path = g_build_filename (out_path, "annotation.conf", NULL);
      g_autofree char *ann_path = g_build_filename (out_path, "doc-17.ann", NULL);
      g_autoptr(GFile) out = g_file_new_for_path (out_path);
      g_autofree char *conf = NULL;
      g_autofree char *ann = NULL;
      g_autofree char *entities = NULL;
      g_autoptr(GDir) listing = NULL;
      const char *section;
      guint n_files = 0;

      if (i == 1)
        am_exporter_set_labels (exporter, kept);
      g_assert_true (am_exporter_export (exporter, out, NULL, &error));
      g_assert_no_error (error);

      listing = g_dir_open (out_path, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n_files++;
      /* .txt and .ann for each document, annotation.conf and visual.conf */
      g_assert_cmpuint (n_files, ==, 62);

      g_assert_true (g_file_get_contents (ann_path, &ann, NULL, NULL));
      g_assert_cmpstr (ann, ==, "T1\topinion 18 29\tprices rose\n");

      g_assert_true (g_file_get_contents (conf_path, &conf, NULL, NULL));
      section = strstr (conf, "[entities]\n");
      g_assert_nonnull (section);
      entities = g_strndup (section, strstr (section, "\n\n[relations]") - section);
      if (i == 0)
        g_assert_cmpstr (entities, ==, "[entities]\nclaim\ncounter-claim\nattribution\nopinion");
      else
        g_assert_cmpstr (entities, ==, "[entities]\nclaim\nopinion");
      am_test_remove_tree (dir);
    }
}

/* An open document is exported as it was when added: it may be edited
 * meanwhile, and the annotations it could not place are named. */
static void
test_open_document_copied (void)
{
  g_autoptr(AmDocument) doc = am_document_new ("Smith said taxes rose. Lee said nothing.", NULL);
  g_autoptr(AmDocument) edited = NULL;
  g_autoptr(AmExporter) exporter = am_exporter_new (AM_EXPORT_FORMAT_CSV);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) notes = NULL;

  add_span (doc, "T1", "claim", "taxes rose", NULL);
  add_span (doc, "T2", "claim", "Lee said nothing", NULL);
  bytes = am_document_to_bytes (doc);
  json = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* Lee's sentence was taken out of the article by hand. */
  g_assert_cmpuint (g_string_replace (json, " Lee said nothing.\"", "\"", 1), ==, 1);
  edited = am_document_load_from_data (json->str, json->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_orphans (edited)), ==, 1);

  am_exporter_add_document (exporter, edited, "edited");
  g_assert_nonnull (am_document_add_annotation (edited, "attribution", 0, 5, &error));
  g_assert_no_error (error);

  out = export_to_string (exporter);
  g_assert_nonnull (strstr (out, "edited,T1,claim,"));
  g_assert_null (strstr (out, "attribution"));
  g_assert_null (strstr (out, "T2"));
  g_assert_cmpuint (am_exporter_get_n_spans (exporter), ==, 1);
  notes = am_exporter_dup_notes (exporter);
  g_assert_cmpuint (g_strv_length (notes), ==, 1);
  g_assert_cmpstr (notes[0], ==, "edited: 1 annotation no longer fits the text and is not "
                                 "exported (open the document to place it again)");
}

int
main (int   argc,
      char *argv[])
{
  AmExportFormat golden[] = {
    AM_EXPORT_FORMAT_JSONL, AM_EXPORT_FORMAT_DOCCANO, AM_EXPORT_FORMAT_DOCCANO_RELATIONS,
    AM_EXPORT_FORMAT_BRAT, AM_EXPORT_FORMAT_CONLL, AM_EXPORT_FORMAT_CSV, AM_EXPORT_FORMAT_W3C,
    AM_EXPORT_FORMAT_WEBANNO,
  };
  guint i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (golden); i++)
    {
      g_autofree char *path = g_strdup_printf ("/export/golden/%s",
                                               am_export_format_to_string (golden[i]));

      g_test_add_data_func (path, GUINT_TO_POINTER (golden[i]), test_golden);
    }
  for (i = 0; i < G_N_ELEMENTS (round_trips); i++)
    {
      g_autofree char *path =
        g_strdup_printf ("/export/round-trip/%s%s",
                         am_export_format_to_string (round_trips[i].export_format),
                         round_trips[i].offsets == AM_EXPORT_OFFSETS_CODE_POINTS ? "-code-points" : "");

      g_test_add_data_func (path, &round_trips[i], test_round_trip);
    }
  g_test_add_func ("/export/round-trip/w3c", test_round_trip_w3c);
  g_test_add_data_func ("/export/many-documents/jsonl", GUINT_TO_POINTER (AM_EXPORT_FORMAT_JSONL),
                        test_many_documents);
  g_test_add_data_func ("/export/many-documents/conll", GUINT_TO_POINTER (AM_EXPORT_FORMAT_CONLL),
                        test_many_documents);
  g_test_add_func ("/export/brat/many-schemas", test_brat_many_schemas);
  g_test_add_data_func ("/export/many-documents/w3c", GUINT_TO_POINTER (AM_EXPORT_FORMAT_W3C),
                        test_many_documents);
  g_test_add_func ("/export/filter/labels", test_label_filter);
  g_test_add_func ("/export/filter/status", test_status_filter);
  g_test_add_func ("/export/split/spec", test_split_spec);
  g_test_add_func ("/export/split/assignment", test_split_assignment);
  g_test_add_func ("/export/split/files", test_split_files);
  g_test_add_func ("/export/input/corpus-folder", test_corpus_folder);
  g_test_add_func ("/export/input/missing", test_missing_input);
  g_test_add_func ("/export/input/open-document-copied", test_open_document_copied);
  g_test_add_func ("/export/output/no-overwrite", test_no_overwrite);
  g_test_add_func ("/export/output/no-overwrite-split", test_split_no_overwrite);
  g_test_add_func ("/export/output/cancel", test_cancel_keeps_old_file);
  g_test_add_func ("/export/async", test_async);
  g_test_add_func ("/export/async/stop-after-done", test_async_stop_after_done);
  g_test_add_func ("/export/cli", test_cli);
  g_test_add_func ("/export/cli/repeated", test_cli_repeated);

  return g_test_run ();
}
