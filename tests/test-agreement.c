/* test-agreement.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "am-adjudication.h"
#include "am-agreement.h"
#include "am-diff.h"
#include "am-document-io.h"

/* Reference values come from tests/data/agreement/expected.json, written by
 * make-expected.py with scikit-learn and NLTK; see docs/agreement.md.
 */

static JsonObject *
load_expected (void)
{
  static JsonParser *parser;

  if (parser == NULL)
    {
      g_autofree char *path = g_build_filename (TEST_DATA_DIR, "agreement", "expected.json", NULL);
      g_autoptr(GError) error = NULL;

      parser = json_parser_new ();
      json_parser_load_from_file (parser, path, &error);
      g_assert_no_error (error);
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static AmDocument *
document_from_json (const char *text,
                    JsonObject *annotator)
{
  AmDocument *doc;
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  JsonArray *spans = json_object_get_array_member (annotator, "spans");
  guint i;

  doc = am_document_new (text, schema);
  am_document_set_annotator (doc, json_object_get_string_member (annotator, "name"));
  am_document_set_meta (doc, "title", "Taxes");
  if (json_object_has_member (annotator, "status"))
    {
      AmDocumentStatus status;

      g_assert_true (am_document_status_from_string (json_object_get_string_member (annotator, "status"),
                                                     &status));
      am_document_set_status (doc, status);
    }
  else
    am_document_set_status (doc, AM_DOCUMENT_STATUS_IN_PROGRESS);

  for (i = 0; i < json_array_get_length (spans); i++)
    {
      JsonArray *span = json_array_get_array_element (spans, i);
      g_autoptr(GError) error = NULL;
      AmAnnotation *ann;

      ann = am_document_add_annotation (doc, json_array_get_string_element (span, 2),
                                        json_array_get_int_element (span, 0),
                                        json_array_get_int_element (span, 1), &error);
      g_assert_no_error (error);
      g_ptr_array_add (ids, g_strdup (am_annotation_get_id (ann)));
    }

  if (json_object_has_member (annotator, "links"))
    {
      JsonArray *links = json_object_get_array_member (annotator, "links");

      for (i = 0; i < json_array_get_length (links); i++)
        {
          JsonArray *link = json_array_get_array_element (links, i);
          g_autoptr(GError) error = NULL;

          am_document_link (doc, json_array_get_string_element (link, 0),
                            g_ptr_array_index (ids, json_array_get_int_element (link, 1)),
                            g_ptr_array_index (ids, json_array_get_int_element (link, 2)),
                            &error);
          g_assert_no_error (error);
        }
    }

  am_document_clear_history (doc);
  return doc;
}

static GPtrArray *
documents_of_case (JsonObject *c)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *annotators = json_object_get_array_member (c, "annotators");
  guint i;

  for (i = 0; i < json_array_get_length (annotators); i++)
    g_ptr_array_add (docs, document_from_json (json_object_get_string_member (c, "text"),
                                               json_array_get_object_element (annotators, i)));
  return docs;
}

static JsonObject *
find_case (const char *name)
{
  JsonArray *cases = json_object_get_array_member (load_expected (), "cases");
  guint i;

  for (i = 0; i < json_array_get_length (cases); i++)
    {
      JsonObject *c = json_array_get_object_element (cases, i);

      if (g_str_equal (json_object_get_string_member (c, "name"), name))
        return c;
    }
  g_assert_not_reached ();
}

static AmAgreement *
compute_case (JsonObject *c)
{
  g_autoptr(GPtrArray) docs = documents_of_case (c);
  g_autoptr(GError) error = NULL;
  AmAgreement *agreement;
  AmAgreementUnits units = g_str_equal (json_object_get_string_member (c, "units"), "char")
                           ? AM_AGREEMENT_UNITS_CHARACTERS : AM_AGREEMENT_UNITS_TOKENS;

  agreement = am_agreement_compute ((AmDocument * const *) docs->pdata, docs->len, NULL, units, &error);
  g_assert_no_error (error);
  g_assert_nonnull (agreement);
  g_assert_cmpuint (am_agreement_get_n_units (agreement), ==,
                    json_object_get_int_member (c, "n_units"));
  return agreement;
}

static void
assert_value (const char *what,
              double      actual,
              JsonObject *expected,
              const char *member)
{
  JsonNode *node;

  if (!json_object_has_member (expected, member))
    return;
  node = json_object_get_member (expected, member);
  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (!isnan (actual))
        g_error ("%s %s: expected undefined, got %.12g", what, member, actual);
      return;
    }
  if (isnan (actual) || fabs (actual - json_node_get_double (node)) > 1e-9)
    g_error ("%s %s: expected %.12g, got %.12g", what, member, json_node_get_double (node), actual);
}

static int
label_index (AmAgreement *agreement,
             const char  *label)
{
  guint i;

  if (g_str_equal (label, "*"))
    return -1;
  for (i = 0; i < am_agreement_get_n_labels (agreement); i++)
    if (g_str_equal (am_agreement_get_label (agreement, i), label))
      return i;
  g_assert_not_reached ();
}

static void
test_reference_case (gconstpointer data)
{
  JsonObject *c = find_case (data);
  JsonObject *expected = json_object_get_object_member (c, "expected");
  JsonArray *pairs = json_object_get_array_member (expected, "pairs");
  JsonObject *group = json_object_get_object_member (expected, "group");
  g_autoptr(AmAgreement) agreement = compute_case (c);
  g_autoptr(GList) labels = NULL;
  guint i;

  for (i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonObject *pair = json_array_get_object_element (pairs, i);
      guint a = json_object_get_int_member (pair, "a");
      guint b = json_object_get_int_member (pair, "b");
      JsonObject *by_label = json_object_get_object_member (pair, "labels");
      g_autoptr(GList) members = json_object_get_members (by_label);
      GList *l;

      if (json_object_has_member (pair, "missing"))
        {
          const AmAgreementScores *s = am_agreement_get_pair_scores (agreement, a, b, -1);

          g_assert_true (am_agreement_is_missing (agreement, a) || am_agreement_is_missing (agreement, b));
          g_assert_true (isnan (s->f1_exact) && isnan (s->kappa) && isnan (s->alpha));
          continue;
        }

      for (l = members; l != NULL; l = l->next)
        {
          JsonObject *e = json_object_get_object_member (by_label, l->data);
          const AmAgreementScores *s = am_agreement_get_pair_scores (agreement, a, b,
                                                                     label_index (agreement, l->data));
          g_autofree char *what = g_strdup_printf ("%s pair %u-%u %s", (char *) data, a, b,
                                                   (char *) l->data);

          assert_value (what, s->kappa, e, "kappa");
          assert_value (what, s->alpha, e, "alpha");
          assert_value (what, s->alpha_u, e, "alpha_u");
          assert_value (what, s->f1_exact, e, "f1_exact");
          assert_value (what, s->f1_overlap, e, "f1_overlap");
          assert_value (what, s->precision_exact, e, "precision_exact");
          assert_value (what, s->recall_exact, e, "recall_exact");
          assert_value (what, s->link_f1_exact, e, "link_f1_exact");
          g_assert_cmpuint (s->matched_exact, ==, json_object_get_int_member (e, "matched_exact"));
          g_assert_cmpuint (s->matched_overlap, ==, json_object_get_int_member (e, "matched_overlap"));
          /* Every span falls in exactly one class. */
          g_assert_cmpuint (s->spans_a, >=, s->matched_overlap + s->only_a);
          g_assert_cmpuint (s->spans_b, >=, s->matched_overlap + s->only_b);
        }
    }

  labels = json_object_get_members (group);
  for (GList *l = labels; l != NULL; l = l->next)
    {
      JsonObject *e = json_object_get_object_member (group, l->data);
      const AmAgreementScores *s = am_agreement_get_group_scores (agreement,
                                                                  label_index (agreement, l->data));
      g_autofree char *what = g_strdup_printf ("%s group %s", (char *) data, (char *) l->data);

      assert_value (what, s->alpha, e, "alpha");
      assert_value (what, s->alpha_u, e, "alpha_u");
    }
}

static void
test_counts (void)
{
  g_autoptr(AmAgreement) agreement = compute_case (find_case ("partial-overlaps"));
  const AmAgreementScores *all = am_agreement_get_pair_scores (agreement, 0, 1, -1);
  const AmAgreementScores *claim = am_agreement_get_pair_scores (agreement, 0, 1, 0);
  const AmAgreementScores *attribution = am_agreement_get_pair_scores (agreement, 0, 1, 2);

  g_assert_cmpstr (am_agreement_get_label (agreement, 0), ==, "claim");
  g_assert_cmpstr (am_agreement_get_label (agreement, 2), ==, "attribution");

  g_assert_cmpuint (all->spans_a, ==, 3);
  g_assert_cmpuint (all->spans_b, ==, 3);
  g_assert_cmpuint (all->matched_exact, ==, 0);
  g_assert_cmpuint (all->matched_overlap, ==, 2);
  g_assert_cmpuint (all->boundary_disagreements, ==, 2);
  g_assert_cmpuint (all->label_disagreements, ==, 1);
  g_assert_cmpuint (all->only_a, ==, 0);
  g_assert_cmpuint (all->only_b, ==, 0);
  g_assert_cmpfloat_with_epsilon (all->f1_exact, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (all->f1_overlap, 2.0 / 3.0, 1e-12);

  g_assert_cmpuint (claim->spans_a, ==, 1);
  g_assert_cmpuint (claim->spans_b, ==, 2);
  g_assert_cmpuint (claim->boundary_disagreements, ==, 1);
  g_assert_cmpuint (claim->label_disagreements, ==, 1);
  g_assert_cmpuint (claim->only_b, ==, 0);
  g_assert_cmpuint (attribution->label_disagreements, ==, 1);
  g_assert_cmpuint (attribution->only_a, ==, 0);
  g_assert_cmpfloat_with_epsilon (claim->precision_overlap, 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (claim->recall_overlap, 1.0, 1e-12);
}

static void
test_links (void)
{
  g_autoptr(AmAgreement) agreement = compute_case (find_case ("nested"));
  const AmAgreementScores *all = am_agreement_get_pair_scores (agreement, 0, 1, -1);

  /* The attribution sources "Smith said taxes rose again" in A and "taxes rose
   * again" in B: not the same link exactly, the same once spans overlap.
   */
  g_assert_cmpuint (all->links_matched_exact, ==, 0);
  g_assert_cmpuint (all->links_matched_overlap, ==, 1);
  g_assert_cmpfloat_with_epsilon (all->link_f1_exact, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (all->link_f1_overlap, 1.0, 1e-12);
  g_assert_cmpuint (all->matched_overlap, ==, 3);
  g_assert_cmpuint (all->only_b, ==, 1);
}

/* Kuhn's augmenting paths over the spans that have no identical twin. */
static gboolean
augment (const guint (*a)[3],
         const guint (*b)[3],
         guint        i,
         guint        n_b,
         const gboolean *taken_b,
         int         *match_of_b,
         gboolean    *seen)
{
  guint j;

  for (j = 0; j < n_b; j++)
    {
      if (taken_b[j] || seen[j] || a[i][2] != b[j][2] || a[i][0] >= b[j][1] || b[j][0] >= a[i][1])
        continue;
      seen[j] = TRUE;
      if (match_of_b[j] < 0 ||
          augment (a, b, match_of_b[j], n_b, taken_b, match_of_b, seen))
        {
          match_of_b[j] = i;
          return TRUE;
        }
    }
  return FALSE;
}

static guint
brute_force_matches (const guint (*a)[3],
                     guint        n_a,
                     const guint (*b)[3],
                     guint        n_b)
{
  gboolean taken_a[16] = { FALSE };
  gboolean taken_b[16] = { FALSE };
  int match_of_b[16];
  guint matches = 0;
  guint i;
  guint j;

  for (i = 0; i < n_a; i++)
    for (j = 0; j < n_b; j++)
      if (!taken_b[j] && memcmp (a[i], b[j], sizeof a[i]) == 0)
        {
          taken_a[i] = taken_b[j] = TRUE;
          matches++;
          break;
        }
  for (j = 0; j < n_b; j++)
    match_of_b[j] = -1;
  for (i = 0; i < n_a; i++)
    {
      gboolean seen[16] = { FALSE };

      if (!taken_a[i] && augment (a, b, i, n_b, taken_b, match_of_b, seen))
        matches++;
    }
  return matches;
}

static guint
random_spans (GRand          *rand,
              AmDocument     *doc,
              guint         (*spans)[3])
{
  static const char *labels[] = { "claim", "counter-claim" };
  guint n = g_rand_int_range (rand, 0, 9);
  guint kept = 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      guint start = g_rand_int_range (rand, 0, 28);
      guint end = start + g_rand_int_range (rand, 1, 9);
      guint label = g_rand_int_range (rand, 0, 2);

      /* The document refuses the same span twice with one label. */
      if (am_document_add_annotation (doc, labels[label], start, MIN (end, 30), NULL) == NULL)
        continue;
      spans[kept][0] = start;
      spans[kept][1] = MIN (end, 30);
      spans[kept][2] = label;
      kept++;
    }
  return kept;
}

/* The greedy overlap matching against brute force, on random spans dense
 * enough to nest, chain and repeat.
 */
static void
test_matching (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  guint round;

  for (round = 0; round < 2000; round++)
    {
      g_autoptr(AmDocument) a = am_document_new ("0123456789012345678901234567890", schema);
      g_autoptr(AmDocument) b = am_document_new ("0123456789012345678901234567890", schema);
      g_autoptr(AmAgreement) agreement = NULL;
      AmDocument *docs[2] = { a, b };
      guint spans_a[16][3];
      guint spans_b[16][3];
      guint n_a;
      guint n_b;
      const AmAgreementScores *s;
      guint expected;

      am_document_set_status (a, AM_DOCUMENT_STATUS_IN_PROGRESS);
      am_document_set_status (b, AM_DOCUMENT_STATUS_IN_PROGRESS);
      n_a = random_spans (rand, a, spans_a);
      n_b = random_spans (rand, b, spans_b);
      agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, NULL);
      s = am_agreement_get_pair_scores (agreement, 0, 1, -1);
      expected = brute_force_matches ((const guint (*)[3]) spans_a, n_a,
                                      (const guint (*)[3]) spans_b, n_b);
      if (s->matched_overlap != expected)
        g_error ("round %u: %u overlap matches, brute force finds %u", round,
                 s->matched_overlap, expected);
      /* Every span falls in exactly one class. */
      g_assert_cmpuint (s->spans_a, ==, n_a);
      g_assert_cmpuint (s->spans_b, ==, n_b);
      g_assert_cmpuint (s->matched_overlap, ==, s->matched_exact + s->boundary_disagreements);
      g_assert_cmpuint (n_a, >=, s->matched_overlap + s->only_a);
      g_assert_cmpuint (n_b, >=, s->matched_overlap + s->only_b);
    }
}

static void
test_missing (void)
{
  g_autoptr(AmAgreement) agreement = compute_case (find_case ("missing"));

  g_assert_false (am_agreement_is_missing (agreement, 0));
  g_assert_false (am_agreement_is_missing (agreement, 1));
  g_assert_true (am_agreement_is_missing (agreement, 2));
  /* The group is A and B alone: its mean F1 is theirs. */
  g_assert_cmpfloat_with_epsilon (am_agreement_get_group_scores (agreement, -1)->f1_overlap,
                                  am_agreement_get_pair_scores (agreement, 0, 1, -1)->f1_overlap, 1e-12);
}

/* The example of Krippendorff (2004), Content Analysis 2nd ed., p. 254, as
 * used by DKPro Agreement's tests: continuum [150, 450) shifted to [0, 300),
 * category c = claim, k = counter-claim. Published: alpha_u(c) = 0.7286,
 * alpha_u(k) = 1, over both 0.8591 (to the precision printed).
 */
static void
test_alpha_u_published (void)
{
  static const guint a_spans[][3] = { { 75, 145, 0 }, { 220, 250, 0 }, { 30, 90, 1 }, { 150, 200, 1 } };
  static const guint b_spans[][3] = { { 70, 150, 0 }, { 205, 225, 0 }, { 250, 270, 0 },
                                      { 30, 90, 1 }, { 150, 200, 1 } };
  static const char *labels[] = { "claim", "counter-claim" };
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autofree char *text = g_strnfill (300, 'x');
  g_autoptr(AmDocument) a = am_document_new (text, schema);
  g_autoptr(AmDocument) b = am_document_new (text, schema);
  g_autoptr(AmAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *docs[2];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (a_spans); i++)
    g_assert_nonnull (am_document_add_annotation (a, labels[a_spans[i][2]], a_spans[i][0], a_spans[i][1], NULL));
  for (i = 0; i < G_N_ELEMENTS (b_spans); i++)
    g_assert_nonnull (am_document_add_annotation (b, labels[b_spans[i][2]], b_spans[i][0], b_spans[i][1], NULL));
  docs[0] = a;
  docs[1] = b;

  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (am_agreement_get_group_scores (agreement, 0)->alpha_u, 0.7286, 1e-4);
  g_assert_cmpfloat_with_epsilon (am_agreement_get_group_scores (agreement, 1)->alpha_u, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (am_agreement_get_group_scores (agreement, -1)->alpha_u, 0.8591, 5e-4);
  g_assert_true (isnan (am_agreement_get_group_scores (agreement, 2)->alpha_u));
}

/* The four examples of Krippendorff (1995), "On the reliability of unitizing
 * continuous data", Sociological Methodology 25, p. 57, as DKPro Agreement's
 * tests use them: two observers on a continuum of 24, here stretched 5000
 * times since the published values treat it as continuous. Published:
 * A .553, B -.926, C .679, D .066. A, B and D agree to the precision
 * printed; C comes out .693 here and in DKPro Agreement, whose tests note an
 * error in the 1995 paper's expected disagreement (Krippendorff 2004 revised
 * it), and accept it within .02 as we do.
 */
static void
test_alpha_u_published_1995 (void)
{
  static const struct { guint begin; guint length; guint observer; const char *label; } units[] = {
    { 2, 8, 0, "A" }, { 14, 6, 0, "A" }, { 4, 4, 1, "A" }, { 15, 2, 1, "A" },
    { 0, 18, 0, "B" }, { 0, 2, 1, "B" }, { 2, 1, 1, "B" }, { 3, 1, 1, "B" }, { 4, 1, 1, "B" },
    { 5, 1, 1, "B" }, { 6, 3, 1, "B" }, { 9, 1, 1, "B" },
    { 2, 6, 0, "C" }, { 10, 2, 0, "C" }, { 14, 4, 0, "C" }, { 20, 2, 0, "C" },
    { 0, 2, 1, "C" }, { 4, 4, 1, "C" }, { 10, 4, 1, "C" }, { 16, 2, 1, "C" }, { 20, 2, 1, "C" },
    { 0, 2, 0, "D" }, { 2, 8, 0, "D" }, { 10, 4, 0, "D" }, { 14, 6, 0, "D" }, { 20, 4, 0, "D" },
    { 0, 4, 1, "D" }, { 4, 4, 1, "D" }, { 8, 7, 1, "D" }, { 15, 2, 1, "D" }, { 17, 7, 1, "D" },
  };
  static const struct { const char *label; double published; double tolerance; } expected[] = {
    { "A", 0.553, 0.0015 }, { "B", -0.926, 0.0030 }, { "C", 0.679, 0.02 }, { "D", 0.066, 0.0015 },
  };
  const guint stretch = 5000;
  g_autoptr(AmLabelSchema) schema = am_label_schema_new ();
  g_autofree char *text = g_strnfill (24 * stretch, 'x');
  g_autoptr(AmDocument) a = NULL;
  g_autoptr(AmDocument) b = NULL;
  g_autoptr(AmAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *docs[2];
  guint i;

  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(AmLabel) label = am_label_new (expected[i].label, expected[i].label, "#3465a4", "#729fcf", NULL);

      g_assert_true (am_label_schema_add_label (schema, label, &error));
    }
  docs[0] = a = am_document_new (text, schema);
  docs[1] = b = am_document_new (text, schema);
  for (i = 0; i < G_N_ELEMENTS (units); i++)
    g_assert_nonnull (am_document_add_annotation (docs[units[i].observer], units[i].label,
                                                  units[i].begin * stretch,
                                                  (units[i].begin + units[i].length) * stretch,
                                                  &error));

  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, &error);
  g_assert_no_error (error);
  for (i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      double alpha_u = am_agreement_get_pair_scores (agreement, 0, 1, i)->alpha_u;

      g_assert_cmpstr (am_agreement_get_label (agreement, i), ==, expected[i].label);
      if (fabs (alpha_u - expected[i].published) > expected[i].tolerance)
        g_error ("alpha_u(%s) = %.4f, published %.3f", expected[i].label, alpha_u,
                 expected[i].published);
    }
}

/* The example worked by hand in docs/agreement.md. */
static void
test_alpha_u_hand (void)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(AmDocument) a = am_document_new ("abcdefghij", schema);
  g_autoptr(AmDocument) b = am_document_new ("abcdefghij", schema);
  g_autoptr(AmAgreement) agreement = NULL;
  AmDocument *docs[2] = { a, b };

  am_document_add_annotation (a, "claim", 2, 6, NULL);
  am_document_add_annotation (b, "claim", 3, 6, NULL);
  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, NULL);
  g_assert_cmpfloat_with_epsilon (am_agreement_get_group_scores (agreement, 0)->alpha_u,
                                  1.0 - 0.01 / (23.0 / 362.0), 1e-12);
}

static void
test_different_article (void)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(AmDocument) a = am_document_new ("Smith said taxes rose again.", schema);
  g_autoptr(AmDocument) b = am_document_new ("The weather was fine all week long.", schema);
  g_autoptr(GError) error = NULL;
  AmDocument *docs[2] = { a, b };
  AmAgreement *agreement;
  GListModel *diff;

  am_document_set_meta (a, "title", "Taxes");
  am_document_set_meta (b, "title", "Weather");
  am_document_add_annotation (a, "claim", 11, 27, NULL);
  am_document_add_annotation (b, "claim", 4, 11, NULL);

  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, &error);
  g_assert_null (agreement);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH);
  /* Each title isolated, so a right-to-left one cannot reorder the sentence. */
  g_assert_nonnull (strstr (error->message, "“\u2068Taxes\u2069”"));
  g_assert_nonnull (strstr (error->message, "“\u2068Weather\u2069”"));
  g_clear_error (&error);

  diff = am_diff_documents (docs, 2, NULL, &error);
  g_assert_null (diff);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH);
  g_clear_error (&error);

  /* Without titles, the articles go by their first lines. */
  am_document_unset_meta (a, "title");
  am_document_unset_meta (b, "title");
  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, &error);
  g_assert_null (agreement);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH);
  g_assert_nonnull (strstr (error->message, "“\u2068Smith said taxes rose again.\u2069”"));
  g_assert_nonnull (strstr (error->message, "“\u2068The weather was fine all week long.\u2069”"));
}

/* A colleague who has not started (no spans) on another article: without
 * spans to place, the titles tell.
 */
static void
test_different_article_without_spans (void)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(AmDocument) a = am_document_new ("Smith said taxes rose again.", schema);
  g_autoptr(AmDocument) b = am_document_new ("Smith said taxes rose again, twice.", schema);
  g_autoptr(AmDocument) c = am_document_new ("The weather was fine all week long.", schema);
  g_autoptr(AmAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *docs[2] = { a, b };

  am_document_set_meta (a, "title", "Taxes");
  am_document_set_meta (b, "title", "Taxes");
  am_document_set_meta (c, "title", "Weather");
  am_document_add_annotation (a, "claim", 11, 27, NULL);

  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_TOKENS, &error);
  g_assert_no_error (error);
  g_assert_true (am_agreement_is_missing (agreement, 1));

  docs[1] = c;
  g_clear_object (&agreement);
  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_TOKENS, &error);
  g_assert_null (agreement);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH);
  g_assert_nonnull (strstr (error->message, "“\u2068Weather\u2069”"));
}

static void
test_reanchor (void)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(AmDocument) a = am_document_new ("Smith said taxes rose again, Jones said no.", schema);
  g_autoptr(AmDocument) b = am_document_new ("Updated. Smith said taxes rose again, Jones said no.", schema);
  g_autoptr(AmAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *docs[2] = { a, b };

  am_document_add_annotation (a, "claim", 11, 27, NULL);
  am_document_add_annotation (a, "attribution", 29, 39, NULL);
  am_document_add_annotation (b, "claim", 20, 36, NULL);
  am_document_add_annotation (b, "attribution", 38, 48, NULL);
  /* "said" occurs twice; the one nearest to the old place wins. */
  am_document_add_annotation (b, "counter-claim", 44, 48, NULL);

  agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (am_agreement_get_n_moved (agreement), ==, 3);
  g_assert_cmpuint (am_agreement_get_n_unplaced (agreement), ==, 0);
  g_assert_cmpuint (am_agreement_get_pair_scores (agreement, 0, 1, -1)->matched_exact, ==, 2);
  g_assert_cmpuint (am_agreement_get_pair_scores (agreement, 0, 1, -1)->only_b, ==, 1);
  g_assert_nonnull (am_document_lookup_annotation (am_agreement_get_document (agreement, 1), "T3"));
  g_assert_cmpuint (am_annotation_get_start (am_document_lookup_annotation (am_agreement_get_document (agreement, 1), "T3")), ==, 35);
}

static void
test_json (void)
{
  g_autoptr(AmAgreement) agreement = compute_case (find_case ("one-empty"));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *json = am_agreement_to_json (agreement);
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonObject *overall;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "units"), ==, "token");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (root, "annotators")), ==, 2);
  overall = json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (root, "pairs"), 0),
                                           "overall");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "f1_overlap"), 0.0, 1e-12);
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (overall, "precision_exact")));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (overall, "counts"), "only_a"), ==, 2);
}

static void
test_diff (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("partial-overlaps"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) diff = NULL;
  g_autoptr(AmDifference) first = NULL;
  g_autoptr(AmDifference) second = NULL;
  g_autoptr(AmDifference) third = NULL;

  diff = am_diff_documents ((AmDocument * const *) docs->pdata, docs->len, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (diff), ==, 3);
  g_assert_true (g_list_model_get_item_type (diff) == AM_TYPE_DIFFERENCE);

  first = g_list_model_get_item (diff, 0);
  g_assert_cmpint (am_difference_get_kind (first), ==, AM_DIFFERENCE_BOUNDARY);
  g_assert_cmpuint (am_difference_get_start (first), ==, 11);
  g_assert_cmpuint (am_difference_get_end (first), ==, 27);
  g_assert_cmpuint (am_difference_get_n_candidates (first), ==, 2);
  g_assert_cmpstr (am_difference_get_candidate_quote (first, 0), ==, "taxes rose");
  g_assert_true (am_difference_candidate_has (first, 0, 1));
  g_assert_false (am_difference_candidate_has (first, 0, 0));
  g_assert_cmpstr (am_difference_get_candidate_annotators (first, 1)[0], ==, "A");

  second = g_list_model_get_item (diff, 1);
  g_assert_cmpint (am_difference_get_kind (second), ==, AM_DIFFERENCE_LABEL);
  {
    g_auto(GStrv) labels = am_difference_dup_labels (second);

    g_assert_cmpuint (g_strv_length (labels), ==, 2);
    g_assert_cmpstr (labels[0], ==, "attribution");
    g_assert_cmpstr (labels[1], ==, "claim");
  }

  third = g_list_model_get_item (diff, 2);
  g_assert_cmpint (am_difference_get_kind (third), ==, AM_DIFFERENCE_BOUNDARY);
  g_assert_cmpuint (am_difference_get_start (third), ==, 39);
}

static void
test_diff_missing_span (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("one-empty"));
  g_autoptr(GListModel) diff = am_diff_documents ((AmDocument * const *) docs->pdata, docs->len, NULL, NULL);
  g_autoptr(AmDifference) first = g_list_model_get_item (diff, 0);

  g_assert_cmpuint (g_list_model_get_n_items (diff), ==, 2);
  g_assert_cmpint (am_difference_get_kind (first), ==, AM_DIFFERENCE_MISSING);
  g_assert_cmpstr (am_difference_kind_to_string (am_difference_get_kind (first)), ==, "missing");
}

typedef struct
{
  const char *label;
  guint       start;
  guint       end;
  const char *sources;
} GoldSpan;

static void
assert_gold (AmDocument     *gold,
             const GoldSpan *expected,
             guint           n)
{
  GListModel *annotations = am_document_get_annotations (gold);
  guint i;

  g_assert_cmpuint (g_list_model_get_n_items (annotations), ==, n);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);
      g_autofree char *sources = g_strjoinv (",", (char **) am_annotation_get_sources (ann));

      g_assert_cmpstr (am_annotation_get_label (ann), ==, expected[i].label);
      g_assert_cmpuint (am_annotation_get_start (ann), ==, expected[i].start);
      g_assert_cmpuint (am_annotation_get_end (ann), ==, expected[i].end);
      g_assert_cmpstr (sources, ==, expected[i].sources);
      g_assert_cmpstr (am_annotation_get_author (ann), ==, "Reviewer");
    }
}

static void
test_adjudication (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("partial-overlaps"));
  g_autoptr(AmAdjudication) adj = NULL;
  g_autoptr(AmDifference) d0 = NULL;
  g_autoptr(AmDifference) d1 = NULL;
  g_autoptr(AmDifference) d2 = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *gold;
  static const GoldSpan after_steps[] = {
    { "claim", 11, 27, "A" },
    { "attribution", 33, 43, "A" },
    { "claim", 33, 43, "B" },
    { "counter-claim", 39, 53, "B" },
  };
  static const GoldSpan after_switch[] = {
    { "claim", 11, 21, "B" },
    { "attribution", 33, 43, "A" },
    { "claim", 33, 43, "B" },
    { "counter-claim", 39, 53, "B" },
  };

  adj = am_adjudication_new ((AmDocument * const *) docs->pdata, docs->len, NULL, "Reviewer", &error);
  g_assert_no_error (error);
  gold = am_adjudication_get_gold (adj);
  g_assert_cmpstr (am_document_get_annotator (gold), ==, "Reviewer");
  g_assert_cmpint (am_document_get_status (gold), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (am_document_get_title (gold), ==, "Taxes");
  g_assert_false (am_document_get_can_undo (gold));
  g_assert_cmpuint (am_adjudication_get_n_documents (adj), ==, 2);
  g_assert_cmpstr (am_adjudication_get_name (adj, 1), ==, "B");
  g_assert_true (am_adjudication_get_document (adj, 1) == g_ptr_array_index (docs, 1));
  g_assert_cmpuint (am_adjudication_get_n_agreed (adj), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_adjudication_get_differences (adj)), ==, 3);

  d0 = g_list_model_get_item (am_adjudication_get_differences (adj), 0);
  d1 = g_list_model_get_item (am_adjudication_get_differences (adj), 1);
  d2 = g_list_model_get_item (am_adjudication_get_differences (adj), 2);

  g_assert_true (am_adjudication_accept (adj, d0, 0, &error));
  g_assert_no_error (error);
  g_assert_true (am_adjudication_is_accepted (adj, d0, 1));
  g_assert_false (am_adjudication_is_accepted (adj, d0, 0));
  g_assert_true (am_adjudication_accept_all (adj, d1, &error));
  g_assert_true (am_adjudication_accept (adj, d2, 1, &error));
  assert_gold (gold, after_steps, G_N_ELEMENTS (after_steps));

  /* Neither, then undo it: one step each. */
  g_assert_true (am_adjudication_reject (adj, d2, &error));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (gold)), ==, 3);
  g_assert_true (am_document_undo (gold));
  assert_gold (gold, after_steps, G_N_ELEMENTS (after_steps));

  /* Switching sides replaces A's claim with B's in one step. */
  g_assert_true (am_adjudication_accept (adj, d0, 1, &error));
  assert_gold (gold, after_switch, G_N_ELEMENTS (after_switch));
  g_assert_true (am_document_undo (gold));
  assert_gold (gold, after_steps, G_N_ELEMENTS (after_steps));
  g_assert_true (am_document_redo (gold));
  assert_gold (gold, after_switch, G_N_ELEMENTS (after_switch));

  /* Editing a span keeps its provenance. */
  {
    g_autoptr(AmAnnotation) first = g_list_model_get_item (am_document_get_annotations (gold), 0);

    g_assert_true (am_adjudication_edit_span (adj, am_annotation_get_id (first), 11, 27, &error));
    g_assert_cmpuint (am_annotation_get_end (first), ==, 27);
    g_assert_cmpstr (am_annotation_get_sources (first)[0], ==, "B");
    g_assert_true (am_document_undo (gold));
    g_assert_cmpuint (am_annotation_get_end (first), ==, 21);
  }
}

static void
test_adjudication_agreed_links (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("identical"));
  g_autoptr(AmAdjudication) adj = NULL;
  g_autoptr(AmLink) link = NULL;
  g_autoptr(AmAnnotation) from = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *gold;

  adj = am_adjudication_new ((AmDocument * const *) docs->pdata, docs->len, NULL, "Reviewer", &error);
  g_assert_no_error (error);
  gold = am_adjudication_get_gold (adj);
  g_assert_cmpuint (g_list_model_get_n_items (am_adjudication_get_differences (adj)), ==, 0);
  g_assert_cmpuint (am_adjudication_accept_agreed (adj, &error), ==, 3);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (gold)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_links (gold)), ==, 1);

  link = g_list_model_get_item (am_document_get_links (gold), 0);
  from = g_object_ref (am_document_lookup_annotation (gold, am_link_get_from (link)));
  g_assert_cmpstr (am_annotation_get_label (from), ==, "attribution");
  g_assert_cmpstr (am_annotation_get_sources (from)[0], ==, "A");
  g_assert_cmpstr (am_annotation_get_sources (from)[1], ==, "B");

  /* Accepting again adds nothing; one undo removes the whole step. */
  g_assert_cmpuint (am_adjudication_accept_agreed (adj, &error), ==, 0);
  g_assert_true (am_document_undo (gold));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (gold)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_links (gold)), ==, 0);
  g_assert_false (am_document_get_can_undo (gold));
}

/* Replaces the times of day, which are the time of the test run. */
static char *
without_times (GBytes *bytes)
{
  g_autoptr(GRegex) times = g_regex_new ("\"(created|modified)\": \"[^\"]*\"", 0, 0, NULL);
  g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return g_regex_replace (times, text, -1, 0, "\"\\1\": \"TIME\"", 0, NULL);
}

/* Three annotators, every kind of step; the gold document's JSON must be
 * tests/data/agreement/gold.json (with the times of day left out), and
 * load back with its provenance.
 */
static void
test_adjudication_gold_json (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("three"));
  g_autoptr(AmAdjudication) adj = NULL;
  g_autoptr(AmDocument) reloaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *expected_path = g_build_filename (TEST_DATA_DIR, "agreement", "gold.json", NULL);
  g_autofree char *json = NULL;
  GListModel *differences;
  AmDocument *gold;
  guint n;
  guint i;

  adj = am_adjudication_new ((AmDocument * const *) docs->pdata, docs->len, NULL, "Reviewer", &error);
  g_assert_no_error (error);
  gold = am_adjudication_get_gold (adj);
  differences = am_adjudication_get_differences (adj);
  n = g_list_model_get_n_items (differences);
  g_assert_cmpuint (n, >=, 4);

  g_assert_cmpuint (am_adjudication_accept_agreed (adj, &error), ==, am_adjudication_get_n_agreed (adj));
  g_assert_no_error (error);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);

      switch (i % 4)
        {
        case 0:
          g_assert_true (am_adjudication_accept (adj, difference, 0, &error));
          break;
        case 1:
          g_assert_true (am_adjudication_accept_all (adj, difference, &error));
          break;
        case 2:
          g_assert_true (am_adjudication_reject (adj, difference, &error));
          break;
        default:
          g_assert_true (am_adjudication_set_accepted (adj, difference,
                                                       am_difference_get_n_candidates (difference) - 1,
                                                       TRUE, &error));
          g_assert_true (am_adjudication_is_accepted (adj, difference,
                                                      am_difference_get_n_candidates (difference) - 1));
          break;
        }
      g_assert_no_error (error);
    }

  bytes = am_document_to_bytes (gold);
  json = without_times (bytes);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, expected);

  reloaded = am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                         NULL, &error);
  g_assert_no_error (error);
  g_assert_true (am_document_equal (reloaded, gold));
  g_assert_cmpint (am_document_get_status (reloaded), ==, AM_DOCUMENT_STATUS_DONE);
  g_assert_cmpstr (am_document_get_annotator (reloaded), ==, "Reviewer");

  /* Every step that changed the gold undoes in one go, back to the empty
   * gold: the three differences accepted (nothing was agreed by all three,
   * and rejecting or taking a side without spans changed nothing).
   */
  for (i = 0; am_document_get_can_undo (gold); i++)
    g_assert_true (am_document_undo (gold));
  g_assert_cmpuint (i, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (gold)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_links (gold)), ==, 0);
}

/* One candidate at a time, among three annotators. */
static void
test_adjudication_set_accepted (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("three"));
  g_autoptr(AmAdjudication) adj = NULL;
  g_autoptr(AmDifference) difference = NULL;
  g_autoptr(GError) error = NULL;
  AmDocument *gold;
  guint n;
  guint i;

  adj = am_adjudication_new ((AmDocument * const *) docs->pdata, docs->len, NULL, "Reviewer", &error);
  g_assert_no_error (error);
  gold = am_adjudication_get_gold (adj);
  difference = g_list_model_get_item (am_adjudication_get_differences (adj), 0);
  n = am_difference_get_n_candidates (difference);
  g_assert_cmpuint (n, >=, 2);

  g_assert_true (am_adjudication_set_accepted (adj, difference, 0, TRUE, &error));
  g_assert_true (am_adjudication_set_accepted (adj, difference, 1, TRUE, &error));
  g_assert_true (am_adjudication_is_accepted (adj, difference, 0));
  g_assert_true (am_adjudication_is_accepted (adj, difference, 1));
  g_assert_true (am_adjudication_set_accepted (adj, difference, 0, FALSE, &error));
  g_assert_false (am_adjudication_is_accepted (adj, difference, 0));
  g_assert_true (am_adjudication_is_accepted (adj, difference, 1));
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (gold)), ==, 1);
  for (i = 2; i < n; i++)
    g_assert_false (am_adjudication_is_accepted (adj, difference, i));

  g_assert_true (am_document_undo (gold));
  g_assert_true (am_adjudication_is_accepted (adj, difference, 0));
  g_assert_no_error (error);
}

/* Bob's schema has a label Ada's lacks, with a shortcut key one of Ada's
 * labels uses: the gold takes the label (without the key) and his span.
 * The gold's note is the first note anyone wrote.
 */
static void
test_adjudication_merged_schema (void)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(AmLabelSchema) extended = am_label_schema_new_default ();
  g_autoptr(AmLabel) quote = am_label_new ("quote", "Quote", "#e66100", "#ffbe6f", "e");
  g_autoptr(AmLabel) evidence = am_label_new ("evidence", "Evidence", "#26a269", "#8ff0a4", "e");
  g_autoptr(AmDocument) a = NULL;
  g_autoptr(AmDocument) b = NULL;
  g_autoptr(AmAdjudication) adj = NULL;
  g_autoptr(AmDifference) difference = NULL;
  g_autoptr(AmAnnotation) first = NULL;
  g_autoptr(GError) error = NULL;
  AmAnnotation *ann;
  AmDocument *docs[2];
  AmLabel *merged;

  g_assert_true (am_label_schema_add_label (schema, quote, &error));
  g_assert_true (am_label_schema_add_label (extended, evidence, &error));
  a = am_document_new ("Smith said taxes rose again, citing data.", schema);
  b = am_document_new ("Smith said taxes rose again, citing data.", extended);
  am_document_set_annotator (a, "ada");
  am_document_set_annotator (b, "bob");
  am_document_set_status (a, AM_DOCUMENT_STATUS_DONE);
  am_document_set_status (b, AM_DOCUMENT_STATUS_DONE);
  am_document_add_annotation (a, "claim", 11, 27, NULL);
  ann = am_document_add_annotation (b, "claim", 11, 27, NULL);
  g_assert_true (am_document_set_note (b, am_annotation_get_id (ann), "hedged", NULL));
  am_document_add_annotation (b, "evidence", 36, 40, NULL);
  docs[0] = a;
  docs[1] = b;

  adj = am_adjudication_new (docs, 2, NULL, "Reviewer", &error);
  g_assert_no_error (error);
  merged = am_label_schema_lookup_label (am_document_get_schema (am_adjudication_get_gold (adj)), "evidence");
  g_assert_nonnull (merged);
  g_assert_cmpstr (am_label_get_color (merged), ==, "#26a269");
  g_assert_null (am_label_get_key (merged));
  g_assert_nonnull (am_label_schema_lookup_label (am_document_get_schema (am_adjudication_get_gold (adj)), "quote"));
  /* Ada's own schema is left alone. */
  g_assert_null (am_label_schema_lookup_label (am_document_get_schema (a), "evidence"));

  g_assert_cmpuint (am_adjudication_accept_agreed (adj, &error), ==, 1);
  difference = g_list_model_get_item (am_adjudication_get_differences (adj), 0);
  g_assert_true (am_adjudication_accept (adj, difference, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (am_adjudication_get_gold (adj))), ==, 2);
  first = g_list_model_get_item (am_document_get_annotations (am_adjudication_get_gold (adj)), 0);
  g_assert_cmpstr (am_annotation_get_note (first), ==, "hedged");
}

/* The properties list rows bind to. */
static void
test_difference_properties (void)
{
  g_autoptr(GPtrArray) docs = documents_of_case (find_case ("partial-overlaps"));
  g_autoptr(GListModel) diff = am_diff_documents ((AmDocument * const *) docs->pdata, docs->len, NULL, NULL);
  g_autoptr(AmDifference) second = g_list_model_get_item (diff, 1);
  g_auto(GStrv) labels = NULL;
  g_autoptr(GEnumClass) kinds = g_type_class_ref (AM_TYPE_DIFFERENCE_KIND);
  AmDifferenceKind kind;
  guint start;
  guint n;

  g_object_get (second, "kind", &kind, "labels", &labels, "start", &start, "n-candidates", &n, NULL);
  g_assert_cmpint (kind, ==, AM_DIFFERENCE_LABEL);
  g_assert_cmpstr (g_enum_get_value (kinds, kind)->value_nick, ==, "label");
  g_assert_cmpstr (g_enum_get_value (kinds, AM_DIFFERENCE_LABEL_AND_BOUNDARY)->value_nick, ==,
                   "label-and-boundary");
  g_assert_cmpuint (g_strv_length (labels), ==, 2);
  g_assert_cmpuint (start, ==, 33);
  g_assert_cmpuint (n, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  static const char *cases[] = {
    "identical", "disjoint", "nested", "partial-overlaps", "one-empty", "three",
    "same-label-overlaps", "missing",
  };
  guint i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/agreement/reference/%s", cases[i]);

      g_test_add_data_func (path, cases[i], test_reference_case);
    }
  g_test_add_func ("/agreement/counts", test_counts);
  g_test_add_func ("/agreement/matching", test_matching);
  g_test_add_func ("/agreement/links", test_links);
  g_test_add_func ("/agreement/missing", test_missing);
  g_test_add_func ("/agreement/alpha-u/published", test_alpha_u_published);
  g_test_add_func ("/agreement/alpha-u/published-1995", test_alpha_u_published_1995);
  g_test_add_func ("/agreement/alpha-u/hand", test_alpha_u_hand);
  g_test_add_func ("/agreement/different-article", test_different_article);
  g_test_add_func ("/agreement/different-article-without-spans", test_different_article_without_spans);
  g_test_add_func ("/agreement/reanchor", test_reanchor);
  g_test_add_func ("/agreement/json", test_json);
  g_test_add_func ("/diff/kinds", test_diff);
  g_test_add_func ("/diff/missing-span", test_diff_missing_span);
  g_test_add_func ("/adjudication/steps", test_adjudication);
  g_test_add_func ("/adjudication/agreed-links", test_adjudication_agreed_links);
  g_test_add_func ("/adjudication/set-accepted", test_adjudication_set_accepted);
  g_test_add_func ("/adjudication/gold-json", test_adjudication_gold_json);
  g_test_add_func ("/adjudication/merged-schema", test_adjudication_merged_schema);
  g_test_add_func ("/diff/properties", test_difference_properties);

  return g_test_run ();
}
