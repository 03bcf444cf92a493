/* test-review-window.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "am-document-io.h"
#include "am-review-view.h"
#include "am-review-window.h"
#include "am-test-gtk.h"

/* Two annotators, Ann (mine) and Ben (theirs), on one short article:
 * - "taxes will rise": a claim for both (agreed);
 * - "The minister" (Ann) and "The minister said" (Ben): attribution, boundary;
 * - "they will fall": counter-claim (Ann) and claim (Ben), label;
 * - "the plan on Monday": a claim only Ben has, missing.
 */
static const char article[] =
  "The minister said taxes will rise. Critics argue they will fall. "
  "Officials confirmed the plan on Monday.";

static guint
offset_of (const char *quote)
{
  const char *at = strstr (article, quote);

  g_assert_nonnull (at);
  return (guint) (at - article);
}

static void
tag (AmDocument *doc,
     const char *label,
     const char *quote)
{
  g_autoptr(GError) error = NULL;
  guint start = offset_of (quote);

  g_assert_nonnull (am_document_add_annotation (doc, label, start, start + strlen (quote), &error));
  g_assert_no_error (error);
}

static AmDocument *
make_document (const char *text,
               const char *title,
               const char *annotator)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  AmDocument *doc = am_document_new (text, schema);

  am_document_set_meta (doc, "title", title);
  am_document_set_annotator (doc, annotator);
  am_document_set_status (doc, AM_DOCUMENT_STATUS_IN_PROGRESS);
  return doc;
}

static AmDocument *
make_mine (void)
{
  AmDocument *doc = make_document (article, "Taxes", "Ann");

  tag (doc, "attribution", "The minister");
  tag (doc, "claim", "taxes will rise");
  tag (doc, "counter-claim", "they will fall");
  am_document_clear_history (doc);
  am_document_mark_saved (doc);
  return doc;
}

static AmDocument *
make_theirs (void)
{
  AmDocument *doc = make_document (article, "Taxes", "Ben");

  tag (doc, "attribution", "The minister said");
  tag (doc, "claim", "taxes will rise");
  tag (doc, "claim", "they will fall");
  tag (doc, "claim", "the plan on Monday");
  am_document_clear_history (doc);
  am_document_mark_saved (doc);
  return doc;
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *name)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
shown (AmReviewWindow *window,
       const char     *name)
{
  GtkWidget *label = find_widget (GTK_WIDGET (window), GTK_TYPE_LABEL, name);

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
activate (AmReviewWindow *window,
          const char     *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), action, NULL));
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static AmReviewWindow *
open_review (void)
{
  g_autoptr(AmDocument) mine = make_mine ();
  g_autoptr(AmDocument) theirs = make_theirs ();
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;

  window = am_review_window_new (NULL, mine, NULL, &theirs, 1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  return window;
}

static AmAnnotation *
gold_annotation (AmReviewWindow *window,
                 const char     *quote)
{
  GListModel *annotations = am_document_get_annotations (am_review_window_get_gold (window));
  guint i;

  for (i = 0; i < g_list_model_get_n_items (annotations); i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);

      if (g_str_equal (am_annotation_get_quote (ann), quote))
        return ann;
    }
  return NULL;
}

static guint
n_gold (AmReviewWindow *window)
{
  return g_list_model_get_n_items (am_document_get_annotations (am_review_window_get_gold (window)));
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint i;

  for (i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return w;
    }
  return NULL;
}

static void
test_differences_and_agreement (void)
{
  AmReviewWindow *window = open_review ();
  GtkListView *list = GTK_LIST_VIEW (find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL));
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr(AmDifference) first = NULL;
  g_autoptr(AmDifference) second = NULL;
  g_autoptr(AmDifference) third = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  first = g_list_model_get_item (model, 0);
  second = g_list_model_get_item (model, 1);
  third = g_list_model_get_item (model, 2);
  g_assert_cmpint (am_difference_get_kind (first), ==, AM_DIFFERENCE_BOUNDARY);
  g_assert_cmpint (am_difference_get_kind (second), ==, AM_DIFFERENCE_LABEL);
  g_assert_cmpint (am_difference_get_kind (third), ==, AM_DIFFERENCE_MISSING);
  g_assert_true (am_review_window_get_selected (window) == first);
  g_assert_false (am_review_window_is_settled (window, first));

  /* Exact: 1 of Ann's 3 and Ben's 4 spans, F1 = 2/7; overlap: 2, F1 = 4/7;
   * claims: 1 of Ann's 1 and Ben's 3, F1 = 2/4. */
  g_assert_cmpstr (shown (window, "agreement-f1-exact-all"), ==, "0.286");
  g_assert_cmpstr (shown (window, "agreement-f1-overlap-all"), ==, "0.571");
  g_assert_cmpstr (shown (window, "agreement-f1-exact-claim"), ==, "0.500");
  g_assert_cmpstr (shown (window, "agreement-spans-all"), ==, "3 / 4");
  g_assert_cmpstr (shown (window, "agreement-matched-all"), ==, "1");
  g_assert_cmpstr (shown (window, "agreement-label-disagreements-all"), ==, "1");
  g_assert_cmpstr (shown (window, "agreement-boundary-disagreements-all"), ==, "1");

  /* Hiding Ben hides the span only he has, not the agreed one. */
  {
    AmReviewView *view = AM_REVIEW_VIEW (find_widget (GTK_WIDGET (window), AM_TYPE_REVIEW_VIEW, NULL));
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
    GtkWidget *ben = find_widget (GTK_WIDGET (window), GTK_TYPE_CHECK_BUTTON, "annotator-2");
    GtkTextIter only_ben;
    GtkTextIter agreed;

    gtk_text_buffer_get_iter_at_offset (buffer, &only_ben, offset_of ("the plan on Monday"));
    g_assert_true (gtk_text_iter_has_tag (&only_ben, gtk_text_tag_table_lookup (tags, "candidate:claim")));
    g_assert_true (gtk_text_iter_has_tag (&only_ben, gtk_text_tag_table_lookup (tags, "missing")));

    g_assert_nonnull (ben);
    gtk_check_button_set_active (GTK_CHECK_BUTTON (ben), FALSE);
    g_assert_false (am_review_view_get_annotator_visible (view, 1));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    gtk_text_buffer_get_iter_at_offset (buffer, &only_ben, offset_of ("the plan on Monday"));
    gtk_text_buffer_get_iter_at_offset (buffer, &agreed, offset_of ("taxes will rise"));
    g_assert_false (gtk_text_iter_has_tag (&only_ben, gtk_text_tag_table_lookup (tags, "candidate:claim")));
    g_assert_true (gtk_text_iter_has_tag (&agreed, gtk_text_tag_table_lookup (tags, "agreed:claim")));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.toggle-annotator", "u", 1));
    g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (ben)));
    g_assert_true (am_review_view_get_annotator_visible (view, 1));
    buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
    gtk_text_buffer_get_iter_at_offset (buffer, &only_ben, offset_of ("the plan on Monday"));
    g_assert_true (gtk_text_iter_has_tag (&only_ben, gtk_text_tag_table_lookup (tags, "candidate:claim")));
  }

  /* The units switch recomputes kappa and alpha; F1 does not depend on them. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.units", "s", "characters"));
  g_assert_cmpint (am_agreement_get_units (am_review_window_get_agreement (window)), ==,
                   AM_AGREEMENT_UNITS_CHARACTERS);
  g_assert_cmpuint (am_agreement_get_n_units (am_review_window_get_agreement (window)), ==, strlen (article));
  g_assert_cmpstr (shown (window, "agreement-f1-exact-all"), ==, "0.286");
  {
    g_autofree char *kappa = g_strdup_printf ("%.3f", am_agreement_get_group_scores (am_review_window_get_agreement (window), -1)->kappa);

    g_assert_cmpstr (shown (window, "agreement-kappa-all"), ==, kappa);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
check_sources (AmAnnotation *ann,
               const char   *first,
               const char   *second)
{
  const char * const *sources;

  g_assert_nonnull (ann);
  sources = am_annotation_get_sources (ann);
  g_assert_nonnull (sources);
  g_assert_cmpstr (sources[0], ==, first);
  g_assert_cmpstr (sources[1], ==, second);
  if (second != NULL)
    g_assert_null (sources[2]);
}

static void
test_adjudicate_undo_save (void)
{
  AmReviewWindow *window = open_review ();
  AmDocument *gold = am_review_window_get_gold (window);
  GListModel *differences = am_adjudication_get_differences (am_review_window_get_adjudication (window));
  g_autoptr(AmDifference) label = g_list_model_get_item (differences, 1);
  g_autoptr(AmDifference) missing = g_list_model_get_item (differences, 2);
  g_autofree char *dir = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  JsonObject *root;
  JsonArray *annotations;
  guint i;
  static const struct {
    const char *label;
    const char *quote;
    const char *sources[3];
  } expected[] = {
    { "attribution", "The minister said", { "Ben", NULL } },
    { "claim", "taxes will rise", { "Ann", "Ben", NULL } },
    { "counter-claim", "they will fall", { "Ann", NULL } },
  };

  g_assert_cmpstr (am_document_get_annotator (gold), ==, "Rita Reviewer");
  g_assert_cmpint (am_document_get_status (gold), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpuint (n_gold (window), ==, 0);

  /* Boundary: Ben's wider attribution; the selection moves on by itself. */
  activate (window, "review.accept-theirs");
  check_sources (gold_annotation (window, "The minister said"), "Ben", NULL);
  g_assert_true (am_review_window_get_selected (window) == label);

  /* Label: Ann's counter-claim. */
  activate (window, "review.accept-mine");
  check_sources (gold_annotation (window, "they will fall"), "Ann", NULL);
  g_assert_null (gold_annotation (window, "the plan on Monday"));

  /* Missing: neither, which settles it without touching the gold. */
  g_assert_true (am_review_window_get_selected (window) == missing);
  activate (window, "review.accept-neither");
  g_assert_true (am_review_window_is_settled (window, missing));
  g_assert_cmpuint (n_gold (window), ==, 2);

  g_assert_nonnull (strstr (shown (window, "review-subtitle"), "1 agreed span to accept"));
  activate (window, "review.accept-agreed");
  check_sources (gold_annotation (window, "taxes will rise"), "Ann", "Ben");
  g_assert_cmpuint (n_gold (window), ==, 3);
  g_assert_null (strstr (shown (window, "review-subtitle"), "agreed"));
  g_assert_nonnull (strstr (shown (window, "review-subtitle"), "3 of 3 differences settled"));
  g_assert_nonnull (strstr (shown (window, "review-message"), "Every difference is settled"));

  /* Undo takes back accept agreed, then neither; redo does both again. */
  activate (window, "review.undo");
  g_assert_cmpuint (n_gold (window), ==, 2);
  g_assert_null (gold_annotation (window, "taxes will rise"));
  activate (window, "review.undo");
  g_assert_false (am_review_window_is_settled (window, missing));
  g_assert_true (am_review_window_get_selected (window) == missing);
  activate (window, "review.undo");
  g_assert_null (gold_annotation (window, "they will fall"));
  activate (window, "review.redo");
  activate (window, "review.redo");
  activate (window, "review.redo");
  g_assert_true (am_review_window_is_settled (window, missing));
  g_assert_cmpuint (n_gold (window), ==, 3);

  /* Boundaries of the selected difference's gold span move by word, undoably. */
  am_review_window_select (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.move-end", "i", -2));
  g_assert_nonnull (gold_annotation (window, "The minister"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.move-end", "i", 1));
  g_assert_nonnull (gold_annotation (window, "The minister "));
  activate (window, "review.undo");
  activate (window, "review.undo");
  g_assert_nonnull (gold_annotation (window, "The minister said"));
  check_sources (gold_annotation (window, "The minister said"), "Ben", NULL);

  /* Save writes the gold version with its provenance. */
  dir = g_dir_make_tmp ("test-review-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_build_filename (dir, "taxes.gold.argumark.json", NULL);
  am_review_window_set_gold_file (window, file);
  g_assert_true (am_document_get_modified (gold));
  activate (window, "review.save");
  while (am_document_get_modified (gold))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (g_file_load_contents (file, NULL, &data, NULL, NULL, &error));
  g_assert_no_error (error);
  json_parser_load_from_data (parser, data, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "annotator"), ==, "Rita Reviewer");
  g_assert_cmpstr (json_object_get_string_member (root, "status"), ==, "done");
  annotations = json_object_get_array_member (root, "annotations");
  g_assert_cmpuint (json_array_get_length (annotations), ==, G_N_ELEMENTS (expected));
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *ann = json_array_get_object_element (annotations, i);
      JsonArray *sources = json_object_get_array_member (ann, "sources");
      guint s;

      g_assert_cmpstr (json_object_get_string_member (ann, "label"), ==, expected[i].label);
      g_assert_cmpstr (json_object_get_string_member (ann, "quote"), ==, expected[i].quote);
      g_assert_cmpint (json_object_get_int_member (ann, "start"), ==, offset_of (expected[i].quote));
      g_assert_cmpint (json_object_get_int_member (ann, "end"), ==,
                       offset_of (expected[i].quote) + strlen (expected[i].quote));
      g_assert_cmpstr (json_object_get_string_member (ann, "author"), ==, "Rita Reviewer");
      g_assert_nonnull (sources);
      for (s = 0; expected[i].sources[s] != NULL; s++)
        g_assert_cmpstr (json_array_get_string_element (sources, s), ==, expected[i].sources[s]);
      g_assert_cmpuint (json_array_get_length (sources), ==, s);
    }

  /* Saved: closing asks nothing. */
  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  g_assert_null (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_toplevel (AM_TYPE_REVIEW_WINDOW));

  g_assert_no_errno (g_remove (g_file_peek_path (file)));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_close_unsaved (void)
{
  AmReviewWindow *window = open_review ();
  GtkWidget *dialog;

  activate (window, "review.accept-mine");
  gtk_window_close (GTK_WINDOW (window));
  iterate ();

  /* The window stays, with the Save / Discard / Cancel question. */
  g_assert_true (find_toplevel (AM_TYPE_REVIEW_WINDOW) == GTK_WIDGET (window));
  dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  iterate ();
  g_assert_null (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_true (find_toplevel (AM_TYPE_REVIEW_WINDOW) == GTK_WIDGET (window));

  gtk_window_close (GTK_WINDOW (window));
  iterate ();
  dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT);
  iterate ();
  g_assert_null (find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  g_assert_null (find_toplevel (AM_TYPE_REVIEW_WINDOW));
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  int *closed = user_data;
  g_autoptr(GError) error = NULL;

  *closed = am_review_window_close_finish (AM_REVIEW_WINDOW (object), result, &error);
  g_assert_no_error (error);
}

/* What the application does for each window before quitting. */
static void
test_close_async (void)
{
  AmReviewWindow *window = open_review ();
  g_autofree char *dir = g_dir_make_tmp ("test-review-XXXXXX", NULL);
  g_autoptr(GFile) file = g_file_new_build_filename (dir, "gold.argumark.json", NULL);
  GtkWidget *dialog;
  int closed = -1;

  activate (window, "review.accept-mine");
  g_object_ref (window);

  am_review_window_close_async (window, NULL, closed_cb, &closed);
  iterate ();
  dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  while (closed == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (closed);
  g_assert_true (find_toplevel (AM_TYPE_REVIEW_WINDOW) == GTK_WIDGET (window));

  /* Save, then close: the gold version is on disk. */
  closed = -1;
  am_review_window_set_gold_file (window, file);
  am_review_window_close_async (window, NULL, closed_cb, &closed);
  iterate ();
  dialog = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  while (closed == -1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (closed);
  g_assert_null (find_toplevel (AM_TYPE_REVIEW_WINDOW));
  g_assert_true (g_file_query_exists (file, NULL));
  g_object_unref (window);

  g_assert_no_errno (g_remove (g_file_peek_path (file)));
  g_assert_no_errno (g_rmdir (dir));
}

static void
test_other_article_refused (void)
{
  g_autoptr(AmDocument) mine = make_mine ();
  g_autoptr(AmDocument) other = make_document ("Rain is expected over the weekend, forecasters said.",
                                               "Weather", "Ben");
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;
  guint start = 0;

  g_assert_nonnull (am_document_add_annotation (other, "claim", start, 32, &error));
  g_assert_no_error (error);

  window = am_review_window_new (NULL, mine, NULL, &other, 1, &error);
  g_assert_null (window);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH);
  g_assert_nonnull (strstr (error->message, "Taxes"));
  g_assert_nonnull (strstr (error->message, "Weather"));
}

static void
test_other_version_moved (void)
{
  g_autoptr(AmDocument) mine = make_mine ();
  g_autoptr(AmDocument) theirs = NULL;
  g_autofree char *longer = g_strconcat ("Updated: ", article, NULL);
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;
  guint start = offset_of ("taxes will rise") + strlen ("Updated: ");
  GtkWidget *revealer;

  theirs = make_document (longer, "Taxes", "Ben");
  g_assert_nonnull (am_document_add_annotation (theirs, "claim", start, start + strlen ("taxes will rise"), &error));
  g_assert_no_error (error);

  window = am_review_window_new (NULL, mine, NULL, &theirs, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_agreement_get_n_moved (am_review_window_get_agreement (window)), ==, 1);
  revealer = find_widget (GTK_WIDGET (window), GTK_TYPE_REVEALER, NULL);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (find_widget (revealer, GTK_TYPE_LABEL, NULL))),
                            "1 span was moved"));
  /* On mine's text: the claim is agreed, Ann's other two spans are only hers. */
  g_assert_cmpuint (g_list_model_get_n_items (am_adjudication_get_differences (am_review_window_get_adjudication (window))),
                    ==, 2);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Cid agrees with Ann on everything but the attribution, which he leaves out. */
static void
test_three_annotators (void)
{
  g_autoptr(AmDocument) mine = make_mine ();
  g_autoptr(AmDocument) ben = make_theirs ();
  g_autoptr(AmDocument) cid = make_document (article, "Taxes", "Cid");
  AmDocument *theirs[2] = { ben, cid };
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;
  GtkDropDown *pairs;
  GListModel *differences;
  g_autoptr(AmDifference) first = NULL;

  tag (cid, "claim", "taxes will rise");
  tag (cid, "counter-claim", "they will fall");

  window = am_review_window_new (NULL, mine, NULL, theirs, 2, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  /* "Theirs" means nothing with three: sides are taken by number. */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.accept-theirs", NULL);
  g_assert_cmpuint (n_gold (window), ==, 0);

  /* The table shows the group, or one pair: Ann and Ben as in a review of two. */
  pairs = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window), GTK_TYPE_DROP_DOWN, NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (pairs)));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (pairs)), ==, 4);
  g_assert_cmpstr (shown (window, "agreement-spans-all"), ==, "3 / 4 / 2");
  gtk_drop_down_set_selected (pairs, 1);
  g_assert_cmpstr (shown (window, "agreement-f1-exact-all"), ==, "0.286");
  g_assert_cmpstr (shown (window, "agreement-spans-all"), ==, "3 / 4");
  /* Ann and Cid: 2 of 3 and 2 spans exactly alike, F1 = 4/5. */
  gtk_drop_down_set_selected (pairs, 2);
  g_assert_cmpstr (shown (window, "agreement-f1-exact-all"), ==, "0.800");

  /* The attribution boundary: Cid has none, so taking his side leaves it out. */
  differences = am_adjudication_get_differences (am_review_window_get_adjudication (window));
  first = g_list_model_get_item (differences, 0);
  g_assert_true (am_review_window_get_selected (window) == first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.accept", "u", 2));
  g_assert_true (am_review_window_is_settled (window, first));
  g_assert_cmpuint (n_gold (window), ==, 0);
  am_review_window_select (window, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.accept", "u", 0));
  check_sources (gold_annotation (window, "The minister"), "Ann", NULL);
  g_assert_true (am_review_window_is_settled (window, first));
  activate (window, "review.undo");
  g_assert_cmpuint (n_gold (window), ==, 0);
  g_assert_true (am_review_window_is_settled (window, first));
  activate (window, "review.undo");
  g_assert_false (am_review_window_is_settled (window, first));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A reviewer who did not annotate adjudicates Ann's and Ben's work alone. */
static void
test_reviewer_only (void)
{
  g_autoptr(AmDocument) empty = make_document (article, "Taxes", "Rita Reviewer");
  g_autoptr(AmDocument) ann = make_mine ();
  g_autoptr(AmDocument) ben = make_theirs ();
  AmDocument *theirs[2] = { ann, ben };
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;

  am_document_set_status (empty, AM_DOCUMENT_STATUS_NEW);
  window = am_review_window_new (NULL, empty, NULL, theirs, 2, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  g_assert_cmpuint (am_adjudication_get_n_documents (am_review_window_get_adjudication (window)), ==, 2);
  g_assert_cmpstr (am_adjudication_get_name (am_review_window_get_adjudication (window), 0), ==, "Ann");
  g_assert_cmpuint (g_list_model_get_n_items (am_adjudication_get_differences (am_review_window_get_adjudication (window))),
                    ==, 3);
  g_assert_cmpstr (shown (window, "agreement-f1-exact-all"), ==, "0.286");

  /* Nobody here is "mine": sides are taken by number. */
  gtk_widget_activate_action (GTK_WIDGET (window), "review.accept-mine", NULL);
  g_assert_cmpuint (n_gold (window), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "review.accept", "u", 1));
  check_sources (gold_annotation (window, "The minister said"), "Ben", NULL);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
gold_tag_at (AmReviewWindow *window,
             guint           offset)
{
  AmReviewView *view = AM_REVIEW_VIEW (find_widget (GTK_WIDGET (window), AM_TYPE_REVIEW_VIEW, NULL));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  return gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                                 "gold:claim"));
}

/* Accepting hundreds of agreed spans at once, and undoing it, shows in the text. */
static void
test_bulk_agreed (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(AmDocument) mine = NULL;
  g_autoptr(AmDocument) theirs = NULL;
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;
  guint i;

  for (i = 0; i < 300; i++)
    g_string_append_printf (text, "word%03u ", i);
  mine = make_document (text->str, "Words", "Ann");
  theirs = make_document (text->str, "Words", "Ben");
  for (i = 0; i < 300; i++)
    {
      g_assert_nonnull (am_document_add_annotation (mine, "claim", i * 8, i * 8 + 7, &error));
      if (i != 150)
        g_assert_nonnull (am_document_add_annotation (theirs, "claim", i * 8, i * 8 + 7, &error));
      g_assert_no_error (error);
    }

  window = am_review_window_new (NULL, mine, NULL, &theirs, 1, &error);
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();
  g_assert_false (gold_tag_at (window, 0));

  activate (window, "review.accept-agreed");
  g_assert_cmpuint (n_gold (window), ==, 299);
  g_assert_true (gold_tag_at (window, 0));
  g_assert_true (gold_tag_at (window, 299 * 8));
  g_assert_false (gold_tag_at (window, 150 * 8));

  activate (window, "review.undo");
  g_assert_cmpuint (n_gold (window), ==, 0);
  g_assert_false (gold_tag_at (window, 0));
  g_assert_false (gold_tag_at (window, 299 * 8));

  activate (window, "review.redo");
  g_assert_true (gold_tag_at (window, 100 * 8));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_suggest_gold_file (void)
{
  g_autoptr(GFile) json = g_file_new_for_path ("/data/taxes.argumark.json");
  g_autoptr(GFile) txt = g_file_new_for_path ("/data/taxes.txt");
  g_autoptr(GFile) gold1 = am_review_window_suggest_gold_file (json);
  g_autoptr(GFile) gold2 = am_review_window_suggest_gold_file (txt);

  g_assert_cmpstr (g_file_peek_path (gold1), ==, "/data/taxes.gold.argumark.json");
  g_assert_cmpstr (g_file_peek_path (gold2), ==, "/data/taxes.gold.argumark.json");
  g_assert_null (am_review_window_suggest_gold_file (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettings) settings = NULL;

  gtk_test_init (&argc, &argv, NULL);
  am_test_tolerate_gtk_bugs ();

  settings = g_settings_new (APP_ID);
  g_settings_set_string (settings, "annotator-name", "Rita Reviewer");

  g_test_add_func ("/review-window/differences-and-agreement", test_differences_and_agreement);
  g_test_add_func ("/review-window/adjudicate-undo-save", test_adjudicate_undo_save);
  g_test_add_func ("/review-window/close-unsaved", test_close_unsaved);
  g_test_add_func ("/review-window/close-async", test_close_async);
  g_test_add_func ("/review-window/other-article-refused", test_other_article_refused);
  g_test_add_func ("/review-window/other-version-moved", test_other_version_moved);
  g_test_add_func ("/review-window/three-annotators", test_three_annotators);
  g_test_add_func ("/review-window/bulk-agreed", test_bulk_agreed);
  g_test_add_func ("/review-window/reviewer-only", test_reviewer_only);
  g_test_add_func ("/review-window/suggest-gold-file", test_suggest_gold_file);

  return g_test_run ();
}
