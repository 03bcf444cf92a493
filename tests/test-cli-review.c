/* test-cli-review.c: argumark-cli agree and diff, run as a user runs them
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "am-document-io.h"
#include "am-label-schema.h"
#include "am-test.h"

#define TEXT "Smith said taxes rose again, but Jones said they fell."

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("argumark-cli-review-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (fixture->dir), ==, 0);
  g_free (fixture->dir);
}

static char *
save (Fixture    *fixture,
      AmDocument *doc,
      const char *name)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (am_document_save (doc, file, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static AmDocument *
new_document (const char *text,
              const char *title,
              const char *annotator)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  AmDocument *doc = am_document_new (text, schema);

  am_document_set_meta (doc, "title", title);
  am_document_set_annotator (doc, annotator);
  am_document_set_status (doc, AM_DOCUMENT_STATUS_DONE);
  return doc;
}

static AmAnnotation *
add (AmDocument *doc,
     const char *label,
     const char *text,
     const char *words)
{
  const char *at = strstr (text, words);
  g_autoptr(GError) error = NULL;
  AmAnnotation *ann;
  guint start;

  g_assert_nonnull (at);
  start = g_utf8_pointer_to_offset (text, at);
  ann = am_document_add_annotation (doc, label, start, start + g_utf8_strlen (words, -1), &error);
  g_assert_no_error (error);
  return ann;
}

/* Ada and Bob on one article: an agreed attribution and its link to a claim
 * whose boundaries differ, an agreed counter-claim, and a span only Bob has.
 */
static void
save_pair (Fixture  *fixture,
           char    **a_path,
           char    **b_path)
{
  g_autoptr(AmDocument) a = new_document (TEXT, "Taxes", "ada");
  g_autoptr(AmDocument) b = new_document (TEXT, "Taxes", "bob");
  AmAnnotation *from;
  AmAnnotation *to;

  from = add (a, "attribution", TEXT, "Smith said");
  to = add (a, "claim", TEXT, "taxes rose again");
  g_assert_nonnull (am_document_link (a, "source", am_annotation_get_id (from), am_annotation_get_id (to), NULL));
  add (a, "counter-claim", TEXT, "they fell");

  from = add (b, "attribution", TEXT, "Smith said");
  to = add (b, "claim", TEXT, "taxes rose");
  g_assert_nonnull (am_document_link (b, "source", am_annotation_get_id (from), am_annotation_get_id (to), NULL));
  add (b, "claim", TEXT, "Jones said");
  add (b, "counter-claim", TEXT, "they fell");

  *a_path = save (fixture, a, "ada.json");
  *b_path = save (fixture, b, "bob.json");
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static JsonObject *
pair_overall (JsonObject *root)
{
  JsonArray *pairs = json_object_get_array_member (root, "pairs");

  g_assert_cmpuint (json_array_get_length (pairs), ==, 1);
  return json_object_get_object_member (json_array_get_object_element (pairs, 0), "overall");
}

static void
test_agree_json (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonObject *overall;
  JsonObject *counts;
  JsonObject *links;

  save_pair (fixture, &a, &b);

  {
    const char *args[] = { "agree", "--json", a, b, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  g_assert_cmpstr (err, ==, "");
  root = parse_object (parser, out);
  /* Tokens by default: Smith|said|taxes|rose|again|,|but|Jones|said|they|fell|. */
  g_assert_cmpstr (json_object_get_string_member (root, "units"), ==, "token");
  g_assert_cmpint (json_object_get_int_member (root, "n_units"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (root, "text_length"), ==, 54);
  g_assert_cmpint (json_object_get_int_member (root, "moved"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (root, "annotators"), 1), "name"),
                   ==, "bob");

  overall = pair_overall (root);
  counts = json_object_get_object_member (overall, "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "spans_a"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (counts, "spans_b"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (counts, "matched_exact"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "boundary_disagreements"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counts, "only_b"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "f1_exact"), 4.0 / 7.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "f1_overlap"), 6.0 / 7.0, 1e-12);
  /* scikit-learn 1.2.1: cohen_kappa_score ("a a c c c O O O O k k O".split (),
   * "a a c c O O O c c k k O".split ()) = 0.6538461538461537
   */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (overall, "kappa"), 0.6538461538461537, 1e-9);
  links = json_object_get_object_member (overall, "links");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (links, "f1_exact"), 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (links, "f1_overlap"), 1.0, 1e-12);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "agree", "--json", "--by-char", a, b, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "units"), ==, "char");
  g_assert_cmpint (json_object_get_int_member (root, "n_units"), ==, 54);
  /* Span F1 does not depend on the units. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (pair_overall (root), "f1_overlap"),
                                  6.0 / 7.0, 1e-12);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "agree", "--json", "--by-token", a, b, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  root = parse_object (parser, out);
  g_assert_cmpstr (json_object_get_string_member (root, "units"), ==, "token");
}

static void
test_agree_table (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[4] = { "agree", NULL, NULL, NULL };

  save_pair (fixture, &a, &b);
  args[1] = a;
  args[2] = b;
  g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_nonnull (strstr (out, "ada (A) and bob (B)"));
  g_assert_nonnull (strstr (out, "counter-claim"));
  g_assert_nonnull (strstr (out, "all labels"));
  g_assert_nonnull (strstr (out, "Links: F1 exact 0.000, F1 overlap 1.000"));
  g_assert_null (strstr (out, "re-anchored"));
}

/* Three annotators: the table of the group comes first. */
static void
test_agree_three (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *c = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(AmDocument) cy = new_document (TEXT, "Taxes", "cy");
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  save_pair (fixture, &a, &b);
  add (cy, "claim", TEXT, "taxes rose again");
  c = save (fixture, cy, "cy.json");
  {
    const char *args[] = { "agree", a, b, c, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  g_assert_nonnull (strstr (out, "Group"));
  g_assert_nonnull (strstr (out, "bob (A) and cy (B)"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "agree", "--json", a, b, c, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  root = parse_object (parser, out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "pairs")), ==, 3);
  g_assert_true (json_object_has_member (json_object_get_object_member (root, "group"), "overall"));
}

/* Bob annotated an earlier version of the article: his spans are placed on
 * Ada's text by their quotes, and the output says how many moved.
 */
static void
test_agree_reanchor (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *edited = "Updated at noon. " TEXT;
  g_autoptr(AmDocument) a = new_document (TEXT, "Taxes", "ada");
  g_autoptr(AmDocument) b = new_document (edited, "Taxes", "bob");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonObject *root;
  JsonObject *counts;

  add (a, "claim", TEXT, "taxes rose again");
  add (a, "attribution", TEXT, "Jones said");
  add (b, "claim", edited, "taxes rose again");
  add (b, "attribution", edited, "Jones said");
  add (b, "counter-claim", edited, "noon");
  a_path = save (fixture, a, "ada.json");
  b_path = save (fixture, b, "bob.json");

  {
    const char *args[] = { "agree", "--json", a_path, b_path, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  root = parse_object (parser, out);
  g_assert_cmpint (json_object_get_int_member (root, "moved"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (root, "unplaced"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (root, "text_sha256"), ==,
                   am_text_get_sha256 (am_document_get_text (a)));
  counts = json_object_get_object_member (pair_overall (root), "counts");
  g_assert_cmpint (json_object_get_int_member (counts, "matched_exact"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counts, "spans_b"), ==, 2);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "agree", a_path, b_path, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  g_assert_nonnull (strstr (out, "Texts differ: 2 spans re-anchored by quote, 1 could not be placed"));
}

static void
test_different_article (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmDocument) a = new_document (TEXT, "Taxes rise again", "ada");
  g_autoptr(AmDocument) b = new_document ("The weather stayed fine all week.", "Fine weather", "bob");
  g_autofree char *a_path = NULL;
  g_autofree char *b_path = NULL;
  const char *commands[] = { "agree", "diff" };
  guint i;

  add (a, "claim", TEXT, "taxes rose again");
  add (b, "claim", "The weather stayed fine all week.", "stayed fine");
  a_path = save (fixture, a, "ada.json");
  b_path = save (fixture, b, "bob.json");

  for (i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *args[] = { commands[i], a_path, b_path, NULL };

      g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 1);
      g_assert_cmpstr (out, ==, "");
      g_assert_nonnull (strstr (err, "“\u2068Taxes rise again\u2069”"));
      g_assert_nonnull (strstr (err, "“\u2068Fine weather\u2069”"));
      g_assert_nonnull (strstr (err, "not the same article"));
    }
}

static void
test_usage_and_bad_files (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "nobody.json", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.json", NULL);
  struct {
    const char *args[6];
    int         status;
    const char *in_err;
  } cases[] = {
    { { "agree", NULL }, 2, "two or more" },
    { { "agree", "A", NULL }, 2, "two or more" },
    { { "agree", "--by-char", "--by-token", "A", "B", NULL }, 2, "--by-token" },
    { { "agree", "--no-such-option", "A", "B", NULL }, 2, "no-such-option" },
    { { "diff", "A", NULL }, 2, "two or more" },
    { { "agree", "A", "MISSING", NULL }, 1, "nobody.json" },
    { { "diff", "BROKEN", "A", NULL }, 1, "broken.json" },
  };
  guint i;

  save_pair (fixture, &a, &b);
  g_assert_true (g_file_set_contents (broken, "{\"format\": ", -1, NULL));

  for (i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      const char *args[6];
      guint k;

      for (k = 0; k < G_N_ELEMENTS (args); k++)
        {
          const char *arg = cases[i].args[k];

          if (g_strcmp0 (arg, "A") == 0)
            arg = a;
          else if (g_strcmp0 (arg, "B") == 0)
            arg = b;
          else if (g_strcmp0 (arg, "MISSING") == 0)
            arg = missing;
          else if (g_strcmp0 (arg, "BROKEN") == 0)
            arg = broken;
          args[k] = arg;
          if (arg == NULL)
            break;
        }
      g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, cases[i].status);
      if (strstr (err, cases[i].in_err) == NULL)
        g_error ("case %u: “%s” not in “%s”", i, cases[i].in_err, err);
    }
}

static void
test_diff_json (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *differences;
  JsonObject *boundary;
  JsonObject *missing;
  JsonObject *span;

  save_pair (fixture, &a, &b);
  {
    const char *args[] = { "diff", "--json", a, b, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  differences = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (differences), ==, 2);

  boundary = json_array_get_object_element (differences, 0);
  g_assert_cmpstr (json_object_get_string_member (boundary, "kind"), ==, "boundary");
  g_assert_cmpint (json_object_get_int_member (boundary, "start"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (boundary, "end"), ==, 27);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (boundary, "spans")), ==, 2);
  span = json_array_get_object_element (json_object_get_array_member (boundary, "spans"), 0);
  g_assert_cmpstr (json_object_get_string_member (span, "quote"), ==, "taxes rose");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (span, "annotators"), 0),
                   ==, "bob");

  missing = json_array_get_object_element (differences, 1);
  g_assert_cmpstr (json_object_get_string_member (missing, "kind"), ==, "missing");
  span = json_array_get_object_element (json_object_get_array_member (missing, "spans"), 0);
  g_assert_cmpstr (json_object_get_string_member (span, "label"), ==, "claim");
  g_assert_cmpstr (json_object_get_string_member (span, "quote"), ==, "Jones said");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    const char *args[] = { "diff", a, b, NULL };

    g_assert_cmpint (am_test_run_cli (args, &out, &err), ==, 0);
  }
  g_assert_nonnull (strstr (out, "[11, 27)  boundary  claim\n"));
  g_assert_nonnull (strstr (out, "    claim [11, 21) “taxes rose”  (bob)\n"));
  g_assert_nonnull (strstr (out, "[33, 43)  only in bob  claim\n"));
  g_assert_nonnull (strstr (out, "2 differences\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/agree/json", test_agree_json);
  ADD ("/cli/agree/table", test_agree_table);
  ADD ("/cli/agree/three", test_agree_three);
  ADD ("/cli/agree/reanchor", test_agree_reanchor);
  ADD ("/cli/review/different-article", test_different_article);
  ADD ("/cli/review/usage-and-bad-files", test_usage_and_bad_files);
  ADD ("/cli/diff/json", test_diff_json);

#undef ADD

  return g_test_run ();
}
