/* test-document.c: the document model, its edits and their undo
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "am-document.h"

#define TEXT "Smith said taxes rose again. Jones denied it, citing \xf0\x9f\x98\x8a data."

static AmDocument *
new_document (void)
{
  AmDocument *doc = am_document_new (TEXT, NULL);

  am_document_set_annotator (doc, "ada");
  am_document_clear_history (doc);
  return doc;
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

static void
test_add_sorted_with_quotes (void)
{
  g_autoptr(AmDocument) doc = new_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(AmAnnotation) first = NULL;
  AmAnnotation *a;
  AmAnnotation *b;
  AmAnnotation *c;

  a = am_document_add_annotation (doc, "claim", 11, 27, &error);
  g_assert_no_error (error);
  b = am_document_add_annotation (doc, "attribution", 0, 5, &error);
  g_assert_no_error (error);
  /* Nested inside a and overlapping: allowed. */
  c = am_document_add_annotation (doc, "counter-claim", 11, 16, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (am_annotation_get_id (a), ==, "T1");
  g_assert_cmpstr (am_annotation_get_id (b), ==, "T2");
  g_assert_cmpstr (am_annotation_get_id (c), ==, "T3");
  g_assert_cmpstr (am_annotation_get_quote (a), ==, "taxes rose again");
  g_assert_cmpstr (am_annotation_get_author (a), ==, "ada");
  g_assert_nonnull (am_annotation_get_created (a));
  g_assert_cmpstr (am_annotation_get_created (a), ==, am_annotation_get_modified (a));

  g_assert_cmpuint (n_annotations (doc), ==, 3);
  first = g_list_model_get_item (am_document_get_annotations (doc), 0);
  g_assert_true (first == b);
  {
    g_autoptr(AmAnnotation) second = g_list_model_get_item (am_document_get_annotations (doc), 1);
    g_assert_true (second == c);
  }
  g_assert_true (am_document_lookup_annotation (doc, "T1") == a);
}

static void
test_non_bmp_quote (void)
{
  g_autoptr(AmDocument) doc = new_document ();
  g_autoptr(GError) error = NULL;
  const char *text = am_document_get_text_utf8 (doc);
  glong smile = g_utf8_pointer_to_offset (text, g_strstr_len (text, -1, "\xf0\x9f\x98\x8a"));
  AmAnnotation *a;

  a = am_document_add_annotation (doc, "claim", smile, smile + 6, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_annotation_get_quote (a), ==, "\xf0\x9f\x98\x8a data");
  g_assert_cmpuint (am_text_offset_to_utf16 (am_document_get_text (doc), smile + 1), ==, smile + 2);
}

/* Loading compares every annotation's quote with its text. */
static void
test_text_equal_at (void)
{
  /* "a😊b é€ end", € is three bytes. */
  g_autoptr(AmText) text = am_text_new ("a\xf0\x9f\x98\x8a" "b \xc3\xa9\xe2\x82\xac end", -1);
  struct {
    guint       start;
    guint       end;
    const char *quote;
    gboolean    equal;
  } cases[] = {
    { 0, 1, "a", TRUE },
    { 1, 2, "\xf0\x9f\x98\x8a", TRUE },
    { 0, 3, "a\xf0\x9f\x98\x8a" "b", TRUE },
    { 4, 6, "\xc3\xa9\xe2\x82\xac", TRUE },
    { 7, 10, "end", TRUE },
    { 0, 10, "a\xf0\x9f\x98\x8a" "b \xc3\xa9\xe2\x82\xac end", TRUE },
    /* The right bytes, the wrong number of characters. */
    { 0, 2, "a", FALSE },
    { 0, 1, "a\xf0\x9f\x98\x8a", FALSE },
    /* A quote that stops inside a character of the text. */
    { 1, 2, "\xf0\x9f", FALSE },
    { 5, 6, "\xe2\x82", FALSE },
    /* Other text, or past the end. */
    { 0, 1, "b", FALSE },
    { 7, 10, "endless", FALSE },
    { 9, 10, "dd", FALSE },
    { 8, 11, "nd!", FALSE },
    { 2, 1, "b", FALSE },
    { 3, 3, "", TRUE },
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u: %u–%u", i, cases[i].start, cases[i].end);
      g_assert_cmpint (am_text_equal_at (text, cases[i].start, cases[i].end, cases[i].quote), ==,
                       cases[i].equal);
    }
}

static void
test_refusals (void)
{
  g_autoptr(AmDocument) doc = new_document ();
  guint len = am_document_get_length (doc);
  struct {
    const char *label;
    guint start;
    guint end;
    int code;
  } bad[] = {
    { "claim", 5, 5, AM_DOCUMENT_ERROR_INVALID_SPAN },
    { "claim", 6, 5, AM_DOCUMENT_ERROR_INVALID_SPAN },
    { "claim", 0, len + 1, AM_DOCUMENT_ERROR_INVALID_SPAN },
    { "claim", len, len + 3, AM_DOCUMENT_ERROR_INVALID_SPAN },
    { "opinion", 0, 5, AM_DOCUMENT_ERROR_UNKNOWN_LABEL },
    { "claim", 0, 5, AM_DOCUMENT_ERROR_DUPLICATE_SPAN },
  };
  guint i;

  g_assert_nonnull (am_document_add_annotation (doc, "claim", 0, 5, NULL));

  for (i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (am_document_add_annotation (doc, bad[i].label, bad[i].start, bad[i].end, &error));
      g_assert_error (error, AM_DOCUMENT_ERROR, bad[i].code);
      g_assert_nonnull (error->message);
    }
  g_assert_cmpuint (n_annotations (doc), ==, 1);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AmAnnotation) dup = am_annotation_new ("T1", "claim", 6, 10);

    g_assert_false (am_document_insert_annotation (doc, dup, &error));
    g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_ID);
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (am_document_remove_annotation (doc, "T99", &error));
    g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_NOT_FOUND);
  }
}

static void
test_links (void)
{
  g_autoptr(AmDocument) doc = new_document ();
  g_autoptr(GError) error = NULL;
  AmAnnotation *who = am_document_add_annotation (doc, "attribution", 0, 5, NULL);
  AmAnnotation *claim = am_document_add_annotation (doc, "claim", 11, 27, NULL);
  AmAnnotation *counter = am_document_add_annotation (doc, "counter-claim", 35, 44, NULL);
  AmLink *link;

  link = am_document_link (doc, "source", am_annotation_get_id (who),
                           am_annotation_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_link_get_id (link), ==, "R1");

  link = am_document_link (doc, "counters", am_annotation_get_id (counter),
                           am_annotation_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (am_link_get_id (link), ==, "R2");

  /* claim → attribution is not what "source" allows. */
  g_assert_null (am_document_link (doc, "source", am_annotation_get_id (claim),
                                   am_annotation_get_id (who), &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_FORBIDDEN_LINK);
  g_clear_error (&error);

  g_assert_null (am_document_link (doc, "source", "T1", "T42", &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DANGLING_LINK);
  g_clear_error (&error);

  g_assert_null (am_document_link (doc, "supports", "T1", "T2", &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_UNKNOWN_RELATION);
  g_clear_error (&error);

  g_assert_null (am_document_link (doc, "source", "T1", "T2", &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_LINK);
  g_clear_error (&error);

  /* A relabel that would break a link is refused. */
  g_assert_false (am_document_relabel (doc, "T1", "claim", &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_FORBIDDEN_LINK);
  g_clear_error (&error);

  /* Removing the claim removes both links; undo brings all three back. */
  g_assert_true (am_document_remove_annotation (doc, "T2", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_annotations (doc), ==, 2);
  g_assert_cmpuint (n_links (doc), ==, 0);

  g_assert_true (am_document_undo (doc));
  g_assert_cmpuint (n_annotations (doc), ==, 3);
  g_assert_cmpuint (n_links (doc), ==, 2);
  g_assert_true (am_document_lookup_annotation (doc, "T2") == claim);
  g_assert_nonnull (am_document_lookup_link (doc, "R1"));

  g_assert_true (am_document_redo (doc));
  g_assert_cmpuint (n_links (doc), ==, 0);
}

typedef struct
{
  const char *name;
  gboolean  (*edit) (AmDocument *doc);
} Edit;

static gboolean edit_add (AmDocument *doc) { return am_document_add_annotation (doc, "claim", 29, 34, NULL) != NULL; }
static gboolean edit_remove (AmDocument *doc) { return am_document_remove_annotation (doc, "T1", NULL); }
static gboolean edit_relabel (AmDocument *doc) { return am_document_relabel (doc, "T2", "counter-claim", NULL); }
static gboolean edit_move (AmDocument *doc) { return am_document_set_span (doc, "T2", 11, 16, NULL); }
static gboolean edit_note (AmDocument *doc) { return am_document_set_note (doc, "T2", "hedged", NULL); }
static gboolean edit_link (AmDocument *doc) { return am_document_link (doc, "source", "T1", "T2", NULL) != NULL; }
static gboolean edit_unlink (AmDocument *doc) { return am_document_unlink (doc, "R1", NULL); }
static gboolean edit_status (AmDocument *doc) { am_document_set_status (doc, AM_DOCUMENT_STATUS_DONE); return TRUE; }
static gboolean edit_meta (AmDocument *doc) { am_document_set_meta (doc, "title", "Taxes"); return TRUE; }
static gboolean edit_sources (AmDocument *doc)
{
  const char * const who[] = { "ada", "bob", NULL };
  return am_document_set_sources (doc, "T2", who, NULL);
}

/* The state of a document as text, to compare before and after. */
static char *
snapshot (AmDocument *doc)
{
  GString *s = g_string_new (NULL);
  GListModel *anns = am_document_get_annotations (doc);
  GListModel *links = am_document_get_links (doc);
  guint i;

  g_string_append_printf (s, "%s|%s|%s\n", am_document_get_title (doc),
                          am_document_status_to_string (am_document_get_status (doc)),
                          am_document_get_annotator (doc));
  for (i = 0; i < g_list_model_get_n_items (anns); i++)
    {
      g_autoptr(AmAnnotation) a = g_list_model_get_item (anns, i);
      g_autofree char *sources = g_strjoinv (",", (char **) (am_annotation_get_sources (a) ?: (const char * const[]) { NULL }));

      g_string_append_printf (s, "%s %s %u-%u [%s] {%s} %s\n", am_annotation_get_id (a),
                              am_annotation_get_label (a), am_annotation_get_start (a),
                              am_annotation_get_end (a), am_annotation_get_quote (a),
                              am_annotation_get_note (a), sources);
    }
  for (i = 0; i < g_list_model_get_n_items (links); i++)
    {
      g_autoptr(AmLink) l = g_list_model_get_item (links, i);

      g_string_append_printf (s, "%s %s %s>%s\n", am_link_get_id (l), am_link_get_relation (l),
                              am_link_get_from (l), am_link_get_to (l));
    }

  return g_string_free (s, FALSE);
}

static void
test_undo_redo_each_edit (gconstpointer data)
{
  const Edit *edit = data;
  g_autoptr(AmDocument) doc = new_document ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  am_document_add_annotation (doc, "attribution", 0, 5, NULL);
  am_document_add_annotation (doc, "claim", 11, 27, NULL);
  am_document_link (doc, "source", "T1", "T2", NULL);
  if (g_str_equal (edit->name, "link"))
    am_document_unlink (doc, "R1", NULL);
  am_document_clear_history (doc);

  before = snapshot (doc);
  g_assert_false (am_document_get_modified (doc));
  g_assert_false (am_document_get_can_undo (doc));

  g_assert_true (edit->edit (doc));
  after = snapshot (doc);
  g_assert_cmpstr (before, !=, after);
  g_assert_true (am_document_get_modified (doc));
  g_assert_true (am_document_get_can_undo (doc));
  g_assert_false (am_document_get_can_redo (doc));

  g_assert_true (am_document_undo (doc));
  undone = snapshot (doc);
  g_assert_cmpstr (before, ==, undone);
  g_assert_false (am_document_get_modified (doc));
  g_assert_true (am_document_get_can_redo (doc));

  g_assert_true (am_document_redo (doc));
  redone = snapshot (doc);
  g_assert_cmpstr (after, ==, redone);
  g_assert_true (am_document_get_modified (doc));
  g_assert_false (am_document_redo (doc));
}

static void
test_modified_tracking (void)
{
  g_autoptr(AmDocument) doc = new_document ();

  g_assert_false (am_document_get_modified (doc));
  am_document_add_annotation (doc, "claim", 0, 5, NULL);
  am_document_add_annotation (doc, "claim", 6, 10, NULL);
  g_assert_true (am_document_get_modified (doc));

  am_document_mark_saved (doc);
  g_assert_false (am_document_get_modified (doc));

  am_document_undo (doc);
  g_assert_true (am_document_get_modified (doc));
  am_document_redo (doc);
  g_assert_false (am_document_get_modified (doc));

  /* A new edit after undo makes the saved state unreachable by redo. */
  am_document_undo (doc);
  am_document_add_annotation (doc, "claim", 11, 16, NULL);
  g_assert_true (am_document_get_modified (doc));
  g_assert_false (am_document_get_can_redo (doc));
  am_document_undo (doc);
  g_assert_true (am_document_get_modified (doc));

  /* Undoing everything back to the loaded state while the save is elsewhere. */
  am_document_undo (doc);
  g_assert_true (am_document_get_modified (doc));
}

static void
test_ids_never_reused (void)
{
  g_autoptr(AmDocument) doc = new_document ();
  AmAnnotation *a;

  am_document_add_annotation (doc, "claim", 0, 5, NULL);
  am_document_add_annotation (doc, "claim", 6, 10, NULL);
  am_document_undo (doc);
  a = am_document_add_annotation (doc, "claim", 11, 16, NULL);
  g_assert_cmpstr (am_annotation_get_id (a), ==, "T3");

  am_document_remove_annotation (doc, "T3", NULL);
  a = am_document_add_annotation (doc, "claim", 11, 16, NULL);
  g_assert_cmpstr (am_annotation_get_id (a), ==, "T4");
}

static void
test_group (void)
{
  g_autoptr(AmDocument) doc = new_document ();

  am_document_begin_group (doc);
  am_document_add_annotation (doc, "attribution", 0, 5, NULL);
  am_document_add_annotation (doc, "claim", 11, 27, NULL);
  am_document_link (doc, "source", "T1", "T2", NULL);
  am_document_end_group (doc);

  g_assert_cmpuint (n_annotations (doc), ==, 2);
  g_assert_cmpuint (n_links (doc), ==, 1);
  g_assert_true (am_document_undo (doc));
  g_assert_cmpuint (n_annotations (doc), ==, 0);
  g_assert_cmpuint (n_links (doc), ==, 0);
  g_assert_false (am_document_get_can_undo (doc));
  g_assert_true (am_document_redo (doc));
  g_assert_cmpuint (n_annotations (doc), ==, 2);
  g_assert_cmpuint (n_links (doc), ==, 1);
}

static void
count_cb (gpointer  instance,
          gpointer  arg,
          guint    *count)
{
  (*count)++;
}

static void
test_signals (void)
{
  g_autoptr(AmDocument) doc = new_document ();
  guint changed = 0;
  guint added = 0;
  guint removed = 0;

  g_signal_connect (doc, "changed", G_CALLBACK (count_cb), &changed);
  g_signal_connect (doc, "annotation-added", G_CALLBACK (count_cb), &added);
  g_signal_connect (doc, "annotation-removed", G_CALLBACK (count_cb), &removed);

  am_document_add_annotation (doc, "claim", 0, 5, NULL);
  g_assert_cmpuint (added, ==, 1);
  g_assert_cmpuint (changed, ==, 1);
  am_document_undo (doc);
  g_assert_cmpuint (removed, ==, 1);
  g_assert_cmpuint (changed, ==, 2);
  am_document_redo (doc);
  g_assert_cmpuint (added, ==, 2);
  g_assert_cmpuint (changed, ==, 3);
}

static void
test_id_compare (void)
{
  g_assert_cmpint (am_id_compare ("T2", "T10"), <, 0);
  g_assert_cmpint (am_id_compare ("T10", "T2"), >, 0);
  g_assert_cmpint (am_id_compare ("T10", "T10"), ==, 0);
  g_assert_cmpint (am_id_compare ("A1", "T1"), <, 0);
  g_assert_cmpint (am_id_compare ("x", "T1"), >, 0);
}

int
main (int   argc,
      char *argv[])
{
  static const Edit edits[] = {
    { "add", edit_add },
    { "remove", edit_remove },
    { "relabel", edit_relabel },
    { "move-boundary", edit_move },
    { "note", edit_note },
    { "link", edit_link },
    { "unlink", edit_unlink },
    { "status", edit_status },
    { "meta", edit_meta },
    { "sources", edit_sources },
  };
  guint i;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/document/add-sorted-with-quotes", test_add_sorted_with_quotes);
  g_test_add_func ("/document/non-bmp-quote", test_non_bmp_quote);
  g_test_add_func ("/document/text-equal-at", test_text_equal_at);
  g_test_add_func ("/document/refusals", test_refusals);
  g_test_add_func ("/document/links", test_links);
  g_test_add_func ("/document/modified", test_modified_tracking);
  g_test_add_func ("/document/ids-never-reused", test_ids_never_reused);
  g_test_add_func ("/document/group", test_group);
  g_test_add_func ("/document/id-compare", test_id_compare);
  g_test_add_func ("/document/signals", test_signals);
  for (i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autofree char *path = g_strdup_printf ("/document/undo-redo/%s", edits[i].name);
      g_test_add_data_func (path, &edits[i], test_undo_redo_each_edit);
    }

  return g_test_run ();
}
