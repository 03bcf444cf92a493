/* test-import.c: importing files written by brat, INCEpTION, doccano,
 * Label Studio, Prodigy and Argumark, good and broken
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-document-io.h"
#include "am-importer.h"
#include "am-test.h"

#define INTEROP TEST_DATA_DIR "/interop"

static AmImporter *
import_path (AmImportFormat  format,
             const char     *relative)
{
  g_autofree char *path = g_build_filename (INTEROP, relative, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  AmImporter *importer = am_importer_new (format, NULL);

  g_assert_true (am_importer_import_file (importer, file, &error));
  g_assert_no_error (error);
  return importer;
}

static AmImporter *
import_string (AmImportFormat  format,
               const char     *name,
               const char     *data)
{
  g_autoptr(GError) error = NULL;
  AmImporter *importer = am_importer_new (format, NULL);

  g_assert_true (am_importer_import_data (importer, name, data, strlen (data), &error));
  g_assert_no_error (error);
  return importer;
}

static AmDocument *
document_at (AmImporter *importer,
             guint       i)
{
  GListModel *docs = am_importer_get_documents (importer);
  g_autoptr(AmDocument) doc = g_list_model_get_item (docs, i);

  g_assert_nonnull (doc);
  return doc;   /* still held by the importer */
}

static guint
n_documents (AmImporter *importer)
{
  return g_list_model_get_n_items (am_importer_get_documents (importer));
}

static guint
n_annotations (AmDocument *doc)
{
  return g_list_model_get_n_items (am_document_get_annotations (doc));
}

static guint
n_links (AmDocument *doc)
{
  return g_list_model_get_n_items (am_document_get_links (doc));
}

static AmAnnotation *
annotation_at (AmDocument *doc,
               guint       i)
{
  g_autoptr(AmAnnotation) annotation = g_list_model_get_item (am_document_get_annotations (doc), i);

  g_assert_nonnull (annotation);
  return annotation;
}

static AmDocument *
document_named (AmImporter *importer,
                const char *name)
{
  guint i;

  for (i = 0; i < n_documents (importer); i++)
    {
      AmDocument *doc = document_at (importer, i);

      if (g_strcmp0 (am_importer_get_document_name (importer, doc), name) == 0)
        return doc;
    }
  g_assert_not_reached ();
}

static void
assert_reported (AmImporter *importer,
                 const char *substring)
{
  AmImportReport *report = am_importer_get_report (importer);

  if (!am_import_report_has_line (report, substring))
    {
      g_auto(GStrv) lines = am_import_report_dup_lines (report);
      guint i;

      for (i = 0; lines[i] != NULL; i++)
        g_test_message ("report: %s", lines[i]);
      g_error ("no report line contains “%s”", substring);
    }
}

static guint
n_errors (AmImporter *importer)
{
  return am_import_report_get_n_errors (am_importer_get_report (importer));
}

/* WebAnno TSV 3.3 */

static void
test_webanno_emoji_utf16 (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO,
                                                "webanno-tsv3-inception/testSentenceWithEmoji.tsv");
  AmDocument *doc = document_at (importer, 0);
  AmAnnotation *a;

  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, "I like it \xf0\x9f\x98\x8a .");
  g_assert_cmpuint (n_annotations (doc), ==, 1);
  a = annotation_at (doc, 0);
  /* 10-12 in UTF-16 units is the single code point 10-11 */
  g_assert_cmpuint (am_annotation_get_start (a), ==, 10);
  g_assert_cmpuint (am_annotation_get_end (a), ==, 11);
  g_assert_cmpstr (am_annotation_get_quote (a), ==, "\xf0\x9f\x98\x8a");
  g_assert_cmpuint (n_errors (importer), ==, 0);
}

static void
test_webanno_stacked_multi_token (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_WEBANNO,
                                                "webanno-tsv3-inception/testMultiTokenStackedSpanWithFeatureValue.tsv");
  AmDocument *doc = document_at (importer, 0);
  AmLabelSchema *schema = am_importer_get_schema (importer);
  guint i;

  g_assert_cmpuint (n_annotations (doc), ==, 2);
  for (i = 0; i < 2; i++)
    {
      AmAnnotation *a = annotation_at (doc, i);

      g_assert_cmpuint (am_annotation_get_start (a), ==, 0);
      g_assert_cmpuint (am_annotation_get_end (a), ==, 16);
    }
  g_assert_nonnull (am_label_schema_lookup_label (schema, "PERSON"));
  g_assert_nonnull (am_label_schema_lookup_label (schema, "LOCATION"));
  assert_reported (importer, "label “PERSON” added to the schema");
  g_assert_cmpuint (am_import_report_get_n_labels_added (am_importer_get_report (importer)), ==, 2);
}

static void
test_webanno_cross_sentence (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO,
                                                "webanno-tsv3-inception/testCrossSentenceSpanWithFeatureValue.tsv");
  AmDocument *doc = document_at (importer, 0);
  AmAnnotation *a;

  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, "He loves her .\nShe loves him not .");
  g_assert_cmpuint (n_annotations (doc), ==, 1);
  a = annotation_at (doc, 0);
  g_assert_cmpuint (am_annotation_get_start (a), ==, 0);
  g_assert_cmpuint (am_annotation_get_end (a), ==, 34);
}

static void
test_webanno_zero_length_and_sub_tokens (void)
{
  g_autoptr(AmImporter) zero = import_path (AM_IMPORT_FORMAT_AUTO,
                                            "webanno-tsv3-inception/testZeroLengthSpansWithFeatureValues.tsv");
  g_autoptr(AmImporter) sub = import_path (AM_IMPORT_FORMAT_AUTO,
                                           "webanno-tsv3-inception/testSubMultiTokenSpanWithFeatureValue.tsv");
  AmDocument *doc;

  doc = document_at (zero, 0);
  g_assert_cmpuint (n_annotations (doc), ==, 0);
  assert_reported (zero, "2 zero-length spans skipped");
  g_assert_cmpuint (n_errors (zero), ==, 0);

  doc = document_at (sub, 0);
  /* 12 stacked or sub-token spans, 3 of them empty */
  g_assert_cmpuint (n_annotations (doc), ==, 9);
  assert_reported (sub, "3 zero-length spans skipped");
  /* "9[4]" runs from sub-token 1-1.1 (3-6) to 1-3.1 (14-17) */
  g_assert_nonnull (am_label_schema_lookup_label (am_importer_get_schema (sub), "label-9"));
  {
    guint i;
    gboolean found = FALSE;

    for (i = 0; i < n_annotations (doc); i++)
      {
        AmAnnotation *a = annotation_at (doc, i);

        if (g_str_equal (am_annotation_get_label (a), "label-9"))
          {
            g_assert_cmpuint (am_annotation_get_start (a), ==, 3);
            g_assert_cmpuint (am_annotation_get_end (a), ==, 17);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
}

static void
test_webanno_relations (void)
{
  g_autoptr(AmImporter) spans = import_path (AM_IMPORT_FORMAT_AUTO,
                                             "webanno-tsv3-inception/testSingleNonTokenRelationWithoutFeatureValue.tsv");
  g_autoptr(AmImporter) tokens = import_path (AM_IMPORT_FORMAT_AUTO,
                                              "webanno-tsv3-inception/testSingleTokenRelationWithFeatureValue.tsv");
  AmDocument *doc = document_at (spans, 0);
  g_autoptr(AmLink) link = NULL;
  AmAnnotation *from;
  AmAnnotation *to;

  g_assert_cmpuint (n_links (doc), ==, 1);
  link = g_list_model_get_item (am_document_get_links (doc), 0);
  from = am_document_lookup_annotation (doc, am_link_get_from (link));
  to = am_document_lookup_annotation (doc, am_link_get_to (link));
  /* The relation sits on the row of its target and names its source. */
  g_assert_cmpstr (am_annotation_get_quote (from), ==, "This");
  g_assert_cmpstr (am_annotation_get_quote (to), ==, ".");
  assert_reported (spans, "relation “Relation” added to the schema");

  doc = document_at (tokens, 0);
  g_assert_cmpuint (n_links (doc), ==, 0);
  assert_reported (tokens, "connects de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token");
}

static void
test_webanno_escaped_text (void)
{
  g_autoptr(AmImporter) tab = import_path (AM_IMPORT_FORMAT_AUTO,
                                           "webanno-tsv3-inception/testSentenceWithTab.tsv");
  g_autoptr(AmImporter) lines = import_path (AM_IMPORT_FORMAT_AUTO,
                                             "webanno-tsv3-inception/testSentenceWithLineBreak.tsv");
  g_autoptr(AmImporter) nospace = import_path (AM_IMPORT_FORMAT_AUTO,
                                               "webanno-tsv3-inception/testTwoSentencesWithNoSpaceInBetween.tsv");

  g_assert_cmpstr (am_document_get_text_utf8 (document_at (tab, 0)), ==, "This is\ta test .");
  g_assert_cmpstr (am_document_get_text_utf8 (document_at (lines, 0)), ==, "This is\na test .");
  g_assert_cmpstr (am_document_get_text_utf8 (document_at (nospace, 0)), ==, "onetwo");
  g_assert_cmpuint (n_errors (tab) + n_errors (lines) + n_errors (nospace), ==, 0);
}

static void
test_webanno_all_files (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO, "webanno-tsv3-inception");
  AmDocument *doc;
  AmAnnotation *a;

  g_assert_cmpuint (n_documents (importer), ==, 17);
  g_assert_cmpuint (n_errors (importer), ==, 0);

  /* Feature values that look like BIO tags are labels, not tags */
  doc = document_named (importer, "testTokenBoundedBioLookAlike");
  a = annotation_at (doc, 0);
  g_assert_cmpstr (am_label_get_name (am_label_schema_lookup_label (am_importer_get_schema (importer),
                                                                    am_annotation_get_label (a))),
                   ==, "B-NOTBIO!");

  /* NamedEntity|identifier|value: the label is the "value" feature */
  doc = document_named (importer, "testAnnotationWithLeadingWhitespace");
  g_assert_cmpuint (n_annotations (doc), ==, 1);
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (doc, 0)), ==, "two");

  doc = document_named (importer, "example2");
  g_assert_cmpuint (n_annotations (doc), >, 50);
  g_assert_cmpuint (n_links (doc), >, 20);
}

static void
test_webanno_broken (void)
{
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_WEBANNO, NULL);
  g_autoptr(GError) error = NULL;
  const char *bad = "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|value\n\n\n"
                    "#Text=Good one .\n1-1\t0-4\tGood\tX\t\n1-2\t5-8\tone\t_\t\n"
                    "1-3\toops\t.\t_\t\n";

  g_assert_false (am_importer_import_data (importer, "x.tsv", "#FORMAT=WebAnno TSV 2\n", 22, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (am_importer_import_data (importer, "bad.tsv", bad, strlen (bad), &error));
  g_assert_no_error (error);
  assert_reported (importer, "bad.tsv:8: not a token row");
  g_assert_cmpuint (n_annotations (document_at (importer, 0)), ==, 1);
}

/* brat */

static void
test_brat_tutorial (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO, "brat-examples/tutorial-news");
  AmLabelSchema *schema = am_importer_get_schema (importer);
  AmDocument *doc;
  AmAnnotation *a;

  g_assert_cmpuint (n_documents (importer), ==, 13);
  g_assert_cmpuint (n_errors (importer), ==, 0);

  /* annotation.conf: its entity types and relations are in the schema */
  g_assert_nonnull (am_label_schema_lookup_label (schema, "Organization"));
  g_assert_nonnull (am_label_schema_lookup_relation (schema, "Located"));

  doc = document_named (importer, "000-introduction");
  /* T1-T7 kept with their ids; R1, R2 with trailing TABs */
  g_assert_cmpuint (n_annotations (doc), ==, 7);
  g_assert_cmpuint (n_links (doc), ==, 2);
  a = am_document_lookup_annotation (doc, "T5");
  g_assert_cmpstr (am_annotation_get_quote (a), ==, "former Mexican president");
  g_assert_cmpstr (am_annotation_get_note (a), ==,
                   "Mention: Nominal\nIndividual\nReference: Wikipedia:64488 “Carlos Salinas de Gortari”");
  g_assert_cmpstr (am_annotation_get_note (am_document_lookup_annotation (doc, "T2")), ==,
                   "100000000 USD");
  assert_reported (importer, "000-introduction.ann:4: event E1 (Transfer-money:T3) not imported");
  assert_reported (importer, "equivalence “Alias T3 T4 T5” not imported");

  {
    AmLink *origin = am_document_lookup_link (doc, "R2");

    g_assert_nonnull (origin);
    g_assert_cmpstr (am_link_get_relation (origin), ==, "Origin");
    g_assert_cmpstr (am_link_get_from (origin), ==, "T6");
    g_assert_cmpstr (am_link_get_to (origin), ==, "T7");
  }
  g_assert_cmpint (am_document_get_status (doc), ==, AM_DOCUMENT_STATUS_IN_PROGRESS);
  g_assert_false (am_document_get_modified (doc));
  g_assert_false (am_document_get_can_undo (doc));

  /* Empty .ann files */
  doc = document_named (importer, "010-navigation");
  g_assert_cmpuint (n_annotations (doc), ==, 0);
  g_assert_cmpint (am_document_get_status (doc), ==, AM_DOCUMENT_STATUS_NEW);
  g_assert_cmpuint (am_document_get_length (doc), >, 100);
}

static GFile *
write_pair (const char *dir,
            const char *stem,
            const char *txt,
            gssize      txt_length,
            const char *ann)
{
  g_autofree char *txt_path = g_strdup_printf ("%s/%s.txt", dir, stem);
  g_autofree char *ann_path = g_strdup_printf ("%s/%s.ann", dir, stem);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (txt_path, txt, txt_length, &error);
  g_assert_no_error (error);
  if (ann != NULL)
    {
      g_file_set_contents (ann_path, ann, -1, &error);
      g_assert_no_error (error);
    }
  return g_file_new_for_path (ann_path);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

static void
test_brat_broken (void)
{
  g_autofree char *dir = g_dir_make_tmp ("argumark-import-XXXXXX", NULL);
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_AUTO, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) ann = NULL;
  AmDocument *doc;
  AmAnnotation *a;

  /* Discontinuous span, a stale span, a relation to a missing span, a
   * relation to a span that was refused, CRLF text counted as brat does. */
  ann = write_pair (dir, "doc", "Smith said\r\ntaxes rose again.\r\nJones denied it.", -1,
                    "T1\tSource 0 5\tSmith\n"
                    "T2\tClaim 11 16;17 21\ttaxes rose\n"
                    "T3\tClaim 30 35\tWrong\n"
                    "T4\tClaim 11 27\ttaxes rose again\n"
                    "R1\tSupports Arg1:T1 Arg2:T9\t\n"
                    "R2\tSupports Arg1:T1 Arg2:T3\t\n"
                    "R3\tSupports Arg1:T1 Arg2:T2\t\n"
                    "X1\tsomething\n");
  g_assert_true (am_importer_import_file (importer, ann, &error));
  g_assert_no_error (error);

  doc = document_at (importer, 0);
  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, "Smith said\ntaxes rose again.\nJones denied it.");
  /* T1, both fragments of T2, T4; not T3 */
  g_assert_cmpuint (n_annotations (doc), ==, 4);
  a = am_document_lookup_annotation (doc, "T2");
  g_assert_cmpstr (am_annotation_get_quote (a), ==, "taxes");
  g_assert_cmpstr (am_annotation_get_note (a), ==, "Fragment 1 of 2 of brat T2");
  assert_reported (importer, "T2 is a discontinuous span of 2 fragments");
  assert_reported (importer, "doc.ann:3: T3 (Claim) should read “Wrong”");
  assert_reported (importer, "doc.ann:5: relation Supports names “T9”, which does not exist");
  assert_reported (importer, "doc.ann:6: relation Supports not imported: span T3 was not imported");
  assert_reported (importer, "unknown line type “X1”");
  assert_reported (importer, "CR LF line ends read as LF");
  g_assert_cmpuint (n_links (doc), ==, 1);
  g_assert_cmpuint (n_errors (importer), ==, 4);

  /* An .ann without its .txt is refused; a .txt without .ann is an article */
  g_clear_object (&ann);
  ann = write_pair (dir, "alone", "x", -1, "T1\tX 0 1\tx\n");
  {
    g_autofree char *txt = g_build_filename (dir, "alone.txt", NULL);

    g_remove (txt);
  }
  g_assert_false (am_importer_import_file (importer, ann, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no text file “alone.txt”"));
  g_clear_error (&error);

  remove_dir (dir);
}

static void
test_brat_empty_ann (void)
{
  g_autofree char *dir = g_dir_make_tmp ("argumark-import-XXXXXX", NULL);
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_BRAT, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) ann = write_pair (dir, "empty", "Nothing here.\n", -1, "");

  g_assert_true (am_importer_import_file (importer, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_annotations (document_at (importer, 0)), ==, 0);
  g_assert_cmpuint (n_errors (importer), ==, 0);
  remove_dir (dir);
}

/* doccano */

static void
test_doccano_official (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO, "doccano-jsonl/official-examples");
  AmDocument *doc;

  g_assert_cmpuint (n_documents (importer), ==, 14);

  /* Pretty-printed "JSONL": one object over 49 lines, entities and relations */
  doc = document_named (importer, "export-relation-extraction.pretty-1");
  g_assert_cmpuint (n_annotations (doc), ==, 4);
  g_assert_cmpuint (n_links (doc), ==, 3);
  g_assert_nonnull (am_label_schema_lookup_relation (am_importer_get_schema (importer), "foundedAt"));

  /* No final newline */
  doc = document_named (importer, "import-relation-extraction-1");
  g_assert_cmpuint (n_links (doc), ==, 3);

  /* Duplicates, a missing text, offsets past the end: reported, rest kept */
  assert_reported (importer, "test-overlapping-duplicate.jsonl:1: duplicate span skipped");
  assert_reported (importer, "test-sequence-labeling-missing-text.jsonl:3: the record has no “text”");
  assert_reported (importer, "v1-download-labels-key.jsonl:1: “MISC” span 11–17 reaches past the end "
                             "of the text (14 characters)");
  doc = document_named (importer, "v1-download-labels-key-1");
  g_assert_cmpuint (n_annotations (doc), ==, 1);
  g_assert_cmpuint (n_errors (importer), ==, 3);

  /* Numeric label ids */
  assert_reported (importer, "labels are numeric ids");
  g_assert_nonnull (am_label_schema_lookup_label (am_importer_get_schema (importer), "label-2"));
  doc = document_named (importer, "v1-download-annotations-numeric-labels-1");
  g_assert_cmpstr (am_annotation_get_label (annotation_at (doc, 0)), ==, "label-2");
  g_assert_cmpstr (am_document_get_meta (doc, "id"), ==, "1");
}

static void
test_doccano_setswana (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_DOCCANO,
                                                "doccano-jsonl/bsner-bw-setswana/admin.jsonl");
  AmDocument *doc;

  g_assert_cmpuint (n_documents (importer), ==, 454);
  g_assert_cmpuint (n_errors (importer), ==, 0);
  doc = document_named (importer, "admin-5117");
  g_assert_cmpuint (n_annotations (doc), ==, 2);
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (doc, 0)), ==, " kgotla ya Magapatona");
}

static void
test_doccano_broken_and_utf16 (void)
{
  /* A truncated line between good ones; doccano's browser count (UTF-16)
   * after an emoji with a skin tone and a ZWJ. */
  const char *data =
    "{\"text\": \"EU rejects lamb.\", \"label\": [[0, 2, \"ORG\"]]}\n"
    "{\"text\": \"Truncated\", \"label\": [[0, \n"
    "{\"text\": \"\xf0\x9f\x91\xa8\xf0\x9f\x8f\xbb\xe2\x80\x8d\xf0\x9f\x9a\x92 firemen drive firetrucks\", "
    "\"label\": [[22, 32, \"VEHICLE\"]]}\n"
    "{\"text\": \"a\\ud800b\", \"label\": [[0, 1, \"X\"]]}\n"
    "{\"text\": \"a\\u0000b\", \"label\": [[2, 3, \"X\"]]}\n"
    "{\"text\": \"min\", \"label\": [{\"start\": 0, \"end\": 3, \"text\": \"min\", \"labels\": [\"Y\"]}]}\n"
    "{\"text\": \"spaCy v2\", \"entities\": [[0, 5, \"LIB\"]]}\n";
  g_autoptr(AmImporter) importer = import_string (AM_IMPORT_FORMAT_AUTO, "d.jsonl", data);
  g_autoptr(AmImporter) cp = am_importer_new (AM_IMPORT_FORMAT_DOCCANO, NULL);
  const char *script = "{\"text\": \"\xf0\x9f\x98\x8a ok\", \"label\": [[2, 4, \"X\"]]}";
  g_autoptr(GError) error = NULL;
  AmDocument *doc;

  g_assert_cmpuint (n_documents (importer), ==, 4);
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (document_at (importer, 3), 0)), ==, "spaCy");
  assert_reported (importer, "d.jsonl:2: not a valid JSON record");
  assert_reported (importer, "d.jsonl:4: the record’s text is not valid Unicode");
  assert_reported (importer, "d.jsonl:5: the record holds a NUL character");
  /* Label Studio's JSON_MIN shape read as well */
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (document_at (importer, 2), 0)), ==, "min");
  doc = document_at (importer, 1);
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (doc, 0)), ==, "firetrucks");
  g_assert_cmpuint (am_annotation_get_start (annotation_at (doc, 0)), ==, 19);
  assert_reported (importer, "d.jsonl:3: the text has characters outside the Basic Multilingual Plane");

  /* Files written by scripts count code points: say so */
  am_importer_set_offsets (cp, AM_IMPORT_OFFSETS_CODE_POINTS);
  g_assert_true (am_importer_import_data (cp, "c.jsonl", script, strlen (script), &error));
  g_assert_no_error (error);
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (document_at (cp, 0), 0)), ==, "ok");
}

/* Label Studio */

static void
test_label_studio (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO, "label-studio-json");
  AmDocument *doc;

  /* named_entity (annotations + predictions), rich_text_plain (both) */
  g_assert_cmpuint (n_documents (importer), ==, 4);
  doc = document_named (importer, "annotations-1-1");
  g_assert_cmpuint (n_annotations (doc), ==, 1);
  g_assert_cmpstr (am_annotation_get_quote (annotation_at (doc, 0)), ==, "February 22");

  assert_reported (importer, "the model’s predictions (model 1) are imported");
  assert_reported (importer, "the text is in the data key “ner”");
  assert_reported (importer, "rich_text_plain/annotations-1.json:1: “Date” span 343–354 should read "
                             "“February 22” but the text there is “ supporters”");
  assert_reported (importer, "phrases/annotations-1.json:1: the task is labelled by paragraph");
  assert_reported (importer, "rich_text_html/annotations-1.json:1: the task is labelled as HTML");
  assert_reported (importer, "phrases/tasks.json:2: the task’s data holds no text string");
}

static void
test_label_studio_utf16_relations (void)
{
  const char *data =
    "[{\"id\": 7, \"data\": {\"text\": \"\xf0\x9f\x92\xa9This is an annotation by Smith.\"},"
    " \"annotations\": [{\"completed_by\": {\"email\": \"ada@example.org\"}, \"result\": ["
    "  {\"id\": \"a\", \"type\": \"labels\", \"value\": {\"start\": 13, \"end\": 23, \"text\": \"annotation\", \"labels\": [\"Claim\"]}},"
    "  {\"id\": \"b\", \"type\": \"labels\", \"value\": {\"start\": 27, \"end\": 32, \"text\": \"Smith\", \"labels\": [\"Attribution\"]}},"
    "  {\"type\": \"relation\", \"from_id\": \"b\", \"to_id\": \"a\", \"direction\": \"right\", \"labels\": [\"source\"]},"
    "  {\"type\": \"relation\", \"from_id\": \"b\", \"to_id\": \"zz\", \"labels\": []},"
    "  {\"id\": \"c\", \"type\": \"choices\", \"value\": {\"choices\": [\"news\"]}}"
    "]}]}]\n";
  g_autoptr(AmImporter) importer = import_string (AM_IMPORT_FORMAT_LABEL_STUDIO, "ls.json", data);
  AmDocument *doc = document_at (importer, 0);
  AmAnnotation *a;
  g_autoptr(AmLink) link = NULL;

  g_assert_cmpuint (n_annotations (doc), ==, 2);
  a = annotation_at (doc, 0);
  g_assert_cmpuint (am_annotation_get_start (a), ==, 12);
  g_assert_cmpstr (am_annotation_get_label (a), ==, "claim");
  g_assert_cmpstr (am_annotation_get_author (a), ==, "ada@example.org");
  assert_reported (importer, "ls.json:1: 2 spans’ offsets count UTF-16 code units");
  assert_reported (importer, "a relation names region “zz”");
  assert_reported (importer, "results of type “choices” not imported");

  /* The default schema's "source" relation: attribution → claim */
  g_assert_cmpuint (n_links (doc), ==, 1);
  link = g_list_model_get_item (am_document_get_links (doc), 0);
  g_assert_cmpstr (am_link_get_relation (link), ==, "source");
  g_assert_cmpstr (am_annotation_get_label (am_document_lookup_annotation (doc, am_link_get_from (link))),
                   ==, "attribution");
  g_assert_cmpstr (am_document_get_meta (doc, "id"), ==, "7");
}

/* Prodigy */

static void
test_prodigy (void)
{
  g_autoptr(AmImporter) emoji = import_path (AM_IMPORT_FORMAT_AUTO,
                                             "prodigy-jsonl/reddit-fashion-brands-emoji.jsonl");
  g_autoptr(AmImporter) news = import_path (AM_IMPORT_FORMAT_AUTO,
                                            "prodigy-jsonl/nyt-headlines-ner-manual.jsonl");
  g_autoptr(AmImporter) rel = import_path (AM_IMPORT_FORMAT_PRODIGY,
                                           "prodigy-jsonl/bio-rel-manual.jsonl");
  AmDocument *doc;
  AmAnnotation *a;
  g_autoptr(AmLink) link = NULL;

  /* Code points after 😂: 131-144, not 132-145 (UTF-16) */
  doc = document_at (emoji, 0);
  a = annotation_at (doc, 0);
  g_assert_cmpuint (am_annotation_get_start (a), ==, 131);
  g_assert_cmpstr (am_annotation_get_quote (a), ==, "Allen Edmonds");
  g_assert_cmpuint (n_errors (emoji), ==, 0);

  /* 116 records, the last "ignore" */
  g_assert_cmpuint (n_documents (news), ==, 115);
  assert_reported (news, "nyt-headlines-ner-manual.jsonl:116: answer “ignore”");
  g_assert_cmpuint (n_errors (news), ==, 0);

  /* Relations by head token: "Smad" (token 2) → "Id1" (token 10) */
  doc = document_at (rel, 0);
  g_assert_cmpuint (n_links (doc), ==, 4);
  link = g_list_model_get_item (am_document_get_links (doc), 0);
  g_assert_cmpstr (am_annotation_get_quote (am_document_lookup_annotation (doc, am_link_get_from (link))),
                   ==, "Smad");
  g_assert_cmpuint (n_errors (rel), ==, 0);
}

/* Argumark JSONL */

static void
test_jsonl (void)
{
  const char *data =
    "{\"id\": \"he-1\", \"text\": \"\xd7\x94\xd7\x95\xd7\x90 \xd7\x90\xd7\x9e\xd7\xa8 \xd7\xa9\xd7\x94\xd7\x9e\xd7\xa1\xd7\x99\xd7\x9d \xd7\xa2\xd7\x9c\xd7\x95.\","
    " \"meta\": {\"title\": \"RTL\", \"language\": \"he\"},"
    " \"spans\": [{\"id\": \"T1\", \"start\": 0, \"end\": 3, \"label\": \"attribution\", \"text\": \"\xd7\x94\xd7\x95\xd7\x90\"},"
    "           {\"id\": \"T2\", \"start\": 8, \"end\": 18, \"label\": \"claim\", \"text\": \"\xd7\xa9\xd7\x94\xd7\x9e\xd7\xa1\xd7\x99\xd7\x9d \xd7\xa2\xd7\x9c\xd7\x95\"},"
    "           {\"id\": \"T3\", \"start\": 0, \"end\": 3, \"label\": \"Speaker\", \"text\": \"stale\"}],"
    " \"relations\": [{\"head\": \"T1\", \"child\": \"T2\", \"label\": \"source\"},"
    "                 {\"head\": \"T1\", \"child\": \"T7\", \"label\": \"source\"}]}\n"
    "{\"id\": \"en-1\", \"text\": \"Short.\", \"meta\": {}, \"spans\": [{\"id\": \"T1\", \"start\": 0, \"end\": 9, \"label\": \"claim\"}], \"relations\": []}\n";
  g_autoptr(AmImporter) importer = import_string (AM_IMPORT_FORMAT_AUTO, "a.jsonl", data);
  AmDocument *doc = document_at (importer, 0);

  g_assert_cmpstr (am_importer_get_document_name (importer, doc), ==, "he-1");
  g_assert_cmpstr (am_document_get_meta (doc, "language"), ==, "he");
  g_assert_cmpuint (n_annotations (doc), ==, 2);
  g_assert_nonnull (am_document_lookup_annotation (doc, "T2"));
  g_assert_cmpuint (n_links (doc), ==, 1);
  assert_reported (importer, "a.jsonl:1: “Speaker” span 0–3 should read “stale”");
  assert_reported (importer, "relation 2 names span “T7”");
  assert_reported (importer, "a.jsonl:2: “claim” span 0–9 reaches past the end");
  g_assert_cmpuint (n_errors (importer), ==, 3);
  g_assert_cmpuint (n_documents (importer), ==, 2);
}

/* Whole files refused */

static void
test_refused (void)
{
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_AUTO, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *readme = g_build_filename (INTEROP, "ibm-debater-ce-acl14", "ReadMe.txt", NULL);
  g_autofree char *conll = g_build_filename (INTEROP, "conll-doccano-examples", "example.conll", NULL);
  g_autoptr(GFile) readme_file = g_file_new_for_path (readme);
  g_autoptr(GFile) conll_file = g_file_new_for_path (conll);
  const char latin1[] = "Melbourne NP B-LOC\n( Fpa O\nAustralia NP B-LOC\nEFE NC B-ORG\nla DA O\nAgencia NC B-ORG\nespa\xf1ola AQ O\n";

  /* Latin-1 CoNLL: refused with the byte offset, never mis-decoded */
  g_assert_false (am_importer_import_data (importer, "esp.train", latin1, sizeof latin1 - 1, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 0xF1 at byte offset 88 (line 7)"));
  g_clear_error (&error);

  /* Windows-1252 bullets */
  g_assert_false (am_importer_import_file (importer, readme_file, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID_ENCODING);
  g_assert_nonnull (strstr (error->message, "byte 0x95"));
  g_clear_error (&error);

  g_assert_false (am_importer_import_file (importer, conll_file, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED);
  g_assert_nonnull (strstr (error->message, "CoNLL"));
  g_clear_error (&error);

  g_assert_false (am_importer_import_data (importer, "e.jsonl", "", 0, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);

  g_assert_false (am_importer_import_data (importer, "x.json", "{\"foo\": 1}", 10, &error));
  g_assert_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNKNOWN_FORMAT);
  g_clear_error (&error);

  g_assert_cmpuint (n_documents (importer), ==, 0);
}

static AmImportFormat
guess (const char *data)
{
  return am_importer_guess_format (NULL, data, strlen (data));
}

static void
test_guess_and_text (void)
{
  g_autoptr(AmImporter) importer = import_path (AM_IMPORT_FORMAT_AUTO,
                                                "multiscript-news-text/hebrew/pinkwashing.txt");
  AmDocument *doc = document_at (importer, 0);
  AmImportFormat format;

  g_assert_cmpuint (n_annotations (doc), ==, 0);
  g_assert_true (g_str_has_prefix (am_document_get_text_utf8 (doc), "\xd7\x94\xd7\x9e\xd7\x95\xd7\xa0\xd7\x97"));

  g_assert_cmpint (guess ("#FORMAT=WebAnno TSV 3.3\n"), ==, AM_IMPORT_FORMAT_WEBANNO);
  g_assert_cmpint (guess ("{\"text\": \"a\", \"label\": []}"), ==, AM_IMPORT_FORMAT_DOCCANO);
  g_assert_cmpint (guess ("[{\"data\": {\"text\": \"a\"}}]"), ==, AM_IMPORT_FORMAT_LABEL_STUDIO);
  g_assert_cmpint (guess ("{\"text\": \"a\", \"spans\": [], \"answer\": \"accept\"}"), ==, AM_IMPORT_FORMAT_PRODIGY);
  g_assert_cmpint (guess ("{\"id\": \"a\", \"text\": \"a\", \"spans\": []}"), ==, AM_IMPORT_FORMAT_JSONL);
  g_assert_true (am_import_format_from_string ("label-studio", &format));
  g_assert_cmpint (format, ==, AM_IMPORT_FORMAT_LABEL_STUDIO);
  g_assert_false (am_import_format_from_string ("conll", &format));
}

/* W3C Web Annotation: texts beside the file, stale positions re-anchored by
 * their quote, ambiguous and missing quotes refused. */
static void
test_w3c (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("argumark-w3c-XXXXXX", &error);
  g_autofree char *text_path = g_build_filename (dir, "a.txt", NULL);
  g_autofree char *anno_path = g_build_filename (dir, "anno.jsonld", NULL);
  g_autoptr(GFile) anno = g_file_new_for_path (anno_path);
  g_autoptr(AmImporter) importer = am_importer_new (AM_IMPORT_FORMAT_AUTO, NULL);
  AmDocument *doc;
  AmAnnotation *a;
  const char *json =
    "[\n"
    " {\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"id\": \"urn:x:a:S1\", \"type\": \"Annotation\",\n"
    "  \"body\": {\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"claim\"},\n"
    "  \"target\": {\"source\": \"a.txt\", \"selector\": [\n"
    "    {\"type\": \"TextPositionSelector\", \"start\": 100, \"end\": 103},\n"
    "    {\"type\": \"TextQuoteSelector\", \"exact\": \"two\"}]}},\n"
    " {\"id\": \"urn:x:a:S2\", \"type\": \"Annotation\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"claim\"}],\n"
    "  \"target\": {\"source\": \"a.txt\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"one\", \"prefix\": \"two \"}}},\n"
    " {\"id\": \"urn:x:a:S3\", \"type\": \"Annotation\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"claim\"}],\n"
    "  \"target\": {\"source\": \"a.txt\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"one\"}}},\n"
    " {\"id\": \"urn:x:a:S4\", \"type\": \"Annotation\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"claim\"}],\n"
    "  \"target\": {\"source\": \"a.txt\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"zzz\"}}},\n"
    " {\"id\": \"urn:x:a:S5\", \"type\": \"Annotation\", \"target\": {\"source\": \"a.txt\"}},\n"
    " {\"id\": \"urn:x:a:L1\", \"type\": \"Annotation\", \"motivation\": \"linking\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"purpose\": \"tagging\", \"value\": \"supports\"},\n"
    "           {\"type\": \"SpecificResource\", \"source\": \"urn:x:a:S2\"}],\n"
    "  \"target\": \"urn:x:a:S1\"},\n"
    " {\"id\": \"urn:x:b:T1\", \"type\": \"Annotation\",\n"
    "  \"body\": [{\"type\": \"TextualBody\", \"value\": \"claim\"}],\n"
    "  \"target\": {\"source\": \"b.txt\", \"selector\": {\"type\": \"TextQuoteSelector\", \"exact\": \"x\"}}}\n"
    "]\n";

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (text_path, "one two one three\n", -1, &error));
  g_assert_true (g_file_set_contents (anno_path, json, -1, &error));
  g_assert_cmpint (am_importer_guess_format (anno, json, strlen (json)), ==, AM_IMPORT_FORMAT_W3C);

  g_assert_true (am_importer_import_file (importer, anno, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_documents (importer), ==, 1);
  doc = document_at (importer, 0);
  g_assert_cmpuint (n_annotations (doc), ==, 2);
  a = am_document_lookup_annotation (doc, "S1");
  g_assert_cmpuint (am_annotation_get_start (a), ==, 4);
  g_assert_cmpuint (am_annotation_get_end (a), ==, 7);
  a = am_document_lookup_annotation (doc, "S2");
  g_assert_cmpuint (am_annotation_get_start (a), ==, 8);
  g_assert_cmpuint (am_annotation_get_end (a), ==, 11);
  g_assert_cmpuint (n_links (doc), ==, 1);
  assert_reported (importer, "relation “supports” added to the schema");
  assert_reported (importer, "“one” occurs 2 times and nothing says which");
  assert_reported (importer, "“zzz” is not in the text");
  assert_reported (importer, "annotation “S5” has no tag");
  assert_reported (importer, "the annotated text “b.txt” cannot be read");
  g_assert_cmpuint (n_errors (importer), ==, 4);

  g_remove (text_path);
  g_remove (anno_path);
  g_rmdir (dir);
}

/* argumark-cli import, as a user runs it */

static void
test_cli (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("argumark-import-XXXXXX", &error);
  g_autofree char *corpus = g_build_filename (dir, "corpus", NULL);
  g_autofree char *doc_path = g_build_filename (corpus, "test-sequence-labeling-missing-text-1.argumark.json", NULL);
  g_autofree char *txt_path = g_build_filename (corpus, "test-sequence-labeling-missing-text-1.txt", NULL);
  g_autofree char *missing = g_build_filename (INTEROP, "doccano-jsonl", "official-examples",
                                               "test-sequence-labeling-missing-text.jsonl", NULL);
  g_autofree char *conll = g_build_filename (INTEROP, "conll-doccano-examples", "example.conll", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GFile) doc_file = g_file_new_for_path (doc_path);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(AmLoadReport) report = NULL;

  g_assert_no_error (error);

  {
    /* A record without text is reported with file, line and reason; the
     * others are written; exit status 1. */
    const char *args[] = { "import", "--from", "doccano", missing, "-o", corpus, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (am_test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "test-sequence-labeling-missing-text.jsonl:3: the record has no"));
    g_assert_nonnull (strstr (err, "label “LOC” added to the schema"));
    g_assert_nonnull (strstr (err, "2 documents written"));
  }
  doc = am_document_load (doc_file, &report, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_document_get_text_utf8 (doc), ==, "exampleA");
  g_assert_cmpuint (n_annotations (doc), ==, 1);
  g_assert_nonnull (am_label_schema_lookup_label (am_document_get_schema (doc), "LOC"));
  g_assert_true (g_file_test (txt_path, G_FILE_TEST_IS_REGULAR));

  {
    /* Again: everything exists, nothing is written. */
    const char *args[] = { "import", missing, "--offsets", "code-points", "-o", corpus, NULL };
    g_autofree char *err = NULL;

    g_assert_true (g_file_get_contents (doc_path, &before, NULL, NULL));
    g_assert_cmpint (am_test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "already exists: nothing was written"));
    g_assert_true (g_file_get_contents (doc_path, &after, NULL, NULL));
    g_assert_cmpstr (before, ==, after);
  }
  {
    /* A refused file is counted as refused. */
    const char *args[] = { "import", conll, "-o", corpus, NULL };
    g_autofree char *err = NULL;

    g_assert_cmpint (am_test_run_cli (args, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "refused: this looks like a CoNLL"));
    g_assert_nonnull (strstr (err, "1 file refused"));
  }
  {
    const char *bad[][7] = {
      { "import", "--from", "excel", missing, "-o", corpus, NULL },
      { "import", missing, NULL },
      { "import", "-o", corpus, NULL },
      { "import", "--offsets", "bytes", missing, "-o", corpus, NULL },
    };
    guint i;

    for (i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *err = NULL;

        g_assert_cmpint (am_test_run_cli (bad[i], NULL, &err), ==, 2);
      }
  }

  am_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/webanno/emoji-utf16", test_webanno_emoji_utf16);
  g_test_add_func ("/import/webanno/stacked-multi-token", test_webanno_stacked_multi_token);
  g_test_add_func ("/import/webanno/cross-sentence", test_webanno_cross_sentence);
  g_test_add_func ("/import/webanno/zero-length-sub-tokens", test_webanno_zero_length_and_sub_tokens);
  g_test_add_func ("/import/webanno/relations", test_webanno_relations);
  g_test_add_func ("/import/webanno/escaped-text", test_webanno_escaped_text);
  g_test_add_func ("/import/webanno/all-files", test_webanno_all_files);
  g_test_add_func ("/import/webanno/broken", test_webanno_broken);
  g_test_add_func ("/import/brat/tutorial", test_brat_tutorial);
  g_test_add_func ("/import/brat/broken", test_brat_broken);
  g_test_add_func ("/import/brat/empty-ann", test_brat_empty_ann);
  g_test_add_func ("/import/doccano/official", test_doccano_official);
  g_test_add_func ("/import/doccano/setswana", test_doccano_setswana);
  g_test_add_func ("/import/doccano/broken-utf16", test_doccano_broken_and_utf16);
  g_test_add_func ("/import/label-studio/examples", test_label_studio);
  g_test_add_func ("/import/label-studio/utf16-relations", test_label_studio_utf16_relations);
  g_test_add_func ("/import/prodigy", test_prodigy);
  g_test_add_func ("/import/jsonl", test_jsonl);
  g_test_add_func ("/import/refused", test_refused);
  g_test_add_func ("/import/guess-and-text", test_guess_and_text);
  g_test_add_func ("/import/w3c", test_w3c);
  g_test_add_func ("/import/cli", test_cli);

  return g_test_run ();
}
