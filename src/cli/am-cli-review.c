/* am-cli-review.c: argumark-cli agree and diff
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "am-agreement.h"
#include "am-cli.h"
#include "am-diff.h"
#include "am-document-io.h"
#include "am-load-report.h"

#define QUOTE_WIDTH 60

/* Loads every file; the name of each annotator is the document's annotator,
 * or the file's base name when it has none.
 */
static gboolean
load_documents (char       **files,
                GPtrArray  *documents,
                GPtrArray  *names)
{
  gboolean ok = TRUE;
  guint i;

  for (i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(AmLoadReport) report = NULL;
      g_autoptr(GError) error = NULL;
      AmDocument *doc;
      const char *annotator;

      doc = am_document_load (file, &report, &error);
      if (doc == NULL)
        {
          am_cli_printerr (files[i], error->message);
          ok = FALSE;
          continue;
        }
      if (report != NULL && !am_load_report_is_empty (report))
        {
          g_auto(GStrv) messages = am_load_report_dup_messages (report);
          guint j;

          for (j = 0; messages[j] != NULL; j++)
            am_cli_printerr (files[i], messages[j]);
        }

      annotator = am_document_get_annotator (doc);
      g_ptr_array_add (names, annotator != NULL && *annotator != '\0'
                              ? g_strdup (annotator) : g_file_get_basename (file));
      g_ptr_array_add (documents, doc);
    }
  g_ptr_array_add (names, NULL);
  return ok;
}

static char *
format_number (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.3f", value);
}

/* printf pads by bytes; pad by characters so that “—” and names line up. */
static void
print_cell (const char *text,
            int         width,
            gboolean    left)
{
  glong n = g_utf8_strlen (text, -1);
  int pad = width > n ? (int) (width - n) : 0;

  if (left)
    printf ("%s%*s", text, pad, "");
  else
    printf ("%*s%s", pad, "", text);
}

static void
print_row (const char              *label,
           const AmAgreementScores *s,
           gboolean                 pair)
{
  double values[] = { s->f1_exact, s->f1_overlap, s->precision_overlap, s->recall_overlap,
                      s->kappa, s->alpha, s->alpha_u };
  g_autofree char *spans = g_strdup_printf ("%u/%u", s->spans_a, s->spans_b);
  g_autofree char *only = g_strdup_printf ("%u/%u", s->only_a, s->only_b);
  g_autofree char *matched = g_strdup_printf ("%u", s->matched_exact);
  g_autofree char *label_diff = g_strdup_printf ("%u", s->label_disagreements);
  g_autofree char *boundary_diff = g_strdup_printf ("%u", s->boundary_disagreements);
  guint i;

  printf ("  ");
  print_cell (label, 16, TRUE);
  for (i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *cell = format_number (values[i]);

      if (!pair && (i == 2 || i == 3))
        continue;
      print_cell (cell, 9, FALSE);
    }
  if (pair)
    print_cell (spans, 11, FALSE);
  print_cell (matched, 8, FALSE);
  print_cell (label_diff, 7, FALSE);
  print_cell (boundary_diff, 7, FALSE);
  if (pair)
    print_cell (only, 9, FALSE);
  printf ("\n");
}

static void
print_header (gboolean pair)
{
  printf ("  ");
  print_cell (_("Label"), 16, TRUE);
  print_cell (_("F1 exact"), 9, FALSE);
  print_cell (_("F1 ovl"), 9, FALSE);
  if (pair)
    {
      print_cell (_("P ovl"), 9, FALSE);
      print_cell (_("R ovl"), 9, FALSE);
    }
  print_cell (_("kappa"), 9, FALSE);
  print_cell (_("alpha"), 9, FALSE);
  print_cell (_("alpha_u"), 9, FALSE);
  if (pair)
    print_cell (_("spans A/B"), 11, FALSE);
  print_cell (_("exact"), 8, FALSE);
  print_cell (_("label≠"), 7, FALSE);
  print_cell (_("bound≠"), 7, FALSE);
  if (pair)
    print_cell (_("only A/B"), 9, FALSE);
  printf ("\n");
}

static void
print_table (AmAgreement       *agreement,
             guint              a,
             guint              b,
             gboolean           pair)
{
  const AmAgreementScores *all;
  guint l;

  print_header (pair);
  for (l = 0; l < am_agreement_get_n_labels (agreement); l++)
    print_row (am_agreement_get_label (agreement, l),
               pair ? am_agreement_get_pair_scores (agreement, a, b, l)
                    : am_agreement_get_group_scores (agreement, l),
               pair);
  all = pair ? am_agreement_get_pair_scores (agreement, a, b, -1)
             : am_agreement_get_group_scores (agreement, -1);
  print_row (_("all labels"), all, pair);

  {
    g_autofree char *exact = format_number (all->link_f1_exact);
    g_autofree char *overlap = format_number (all->link_f1_overlap);

    /* TRANSLATORS: link F1 values, then the counts */
    printf (_("  Links: F1 exact %s, F1 overlap %s (%u/%u links, %u matched exactly, %u with overlapping ends)\n"),
            exact, overlap, all->links_a, all->links_b,
            all->links_matched_exact, all->links_matched_overlap);
  }
}

static void
print_agreement (AmAgreement *agreement)
{
  guint n = am_agreement_get_n_annotators (agreement);
  guint i;
  guint j;

  printf (_("Agreement of %u annotators on %u %s (%u characters)\n"), n,
          am_agreement_get_n_units (agreement),
          am_agreement_get_units (agreement) == AM_AGREEMENT_UNITS_TOKENS ? _("tokens") : _("characters"),
          am_text_get_length (am_agreement_get_text (agreement)));
  for (i = 0; i < n; i++)
    {
      if (am_agreement_is_missing (agreement, i))
        printf (_("  %s: not annotated yet (left out)\n"), am_agreement_get_annotator (agreement, i));
      else
        printf (_("  %s: %u spans\n"), am_agreement_get_annotator (agreement, i),
                am_agreement_get_n_spans (agreement, i, -1));
    }
  if (am_agreement_get_n_moved (agreement) > 0 || am_agreement_get_n_unplaced (agreement) > 0)
    printf (_("  Texts differ: %u spans re-anchored by quote, %u could not be placed\n"),
            am_agreement_get_n_moved (agreement), am_agreement_get_n_unplaced (agreement));

  if (n > 2)
    {
      printf ("\n%s\n", _("Group (F1 and kappa: mean over pairs; alpha, alpha_u: all annotators)"));
      print_table (agreement, 0, 0, FALSE);
    }

  for (i = 0; i < n; i++)
    for (j = i + 1; j < n; j++)
      {
        if (am_agreement_is_missing (agreement, i) || am_agreement_is_missing (agreement, j))
          continue;
        printf ("\n");
        printf (_("%s (A) and %s (B); precision and recall take A as the reference"),
                am_agreement_get_annotator (agreement, i), am_agreement_get_annotator (agreement, j));
        printf ("\n");
        print_table (agreement, i, j, TRUE);
      }
}

int
am_cli_agree (int    argc,
              char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AmAgreement) agreement = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  gboolean by_char = FALSE;
  gboolean by_token = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts (schema in docs/agreement.md)"), NULL },
    { "by-token", 0, 0, G_OPTION_ARG_NONE, &by_token, N_("Kappa and alpha on word tokens (the default)"), NULL },
    { "by-char", 0, 0, G_OPTION_ARG_NONE, &by_char, N_("Kappa and alpha on characters"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("A.json B.json [C.json…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Measure the agreement between annotators of one article."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      am_cli_printerr (NULL, error->message);
      return 2;
    }
  if (by_char && by_token)
    {
      am_cli_printerr (NULL, _("Choose one of --by-token and --by-char"));
      return 2;
    }
  if (files == NULL || g_strv_length (files) < 2)
    {
      am_cli_printerr (NULL, _("Give two or more documents of the same article"));
      return 2;
    }

  if (!load_documents (files, documents, names))
    return 1;

  agreement = am_agreement_compute ((AmDocument * const *) documents->pdata, documents->len,
                                    (const char * const *) names->pdata,
                                    by_char ? AM_AGREEMENT_UNITS_CHARACTERS : AM_AGREEMENT_UNITS_TOKENS,
                                    &error);
  if (agreement == NULL)
    {
      am_cli_printerr (NULL, error->message);
      return 1;
    }

  if (json)
    {
      g_autofree char *out = am_agreement_to_json (agreement);

      printf ("%s\n", out);
    }
  else
    print_agreement (agreement);

  return 0;
}

static char *
shorten_quote (const char *quote)
{
  g_autofree char *flat = g_strdup (quote);
  char *p;

  for (p = flat; *p != '\0'; p++)
    if (*p == '\n' || *p == '\t' || *p == '\r')
      *p = ' ';
  if (g_utf8_strlen (flat, -1) <= QUOTE_WIDTH)
    return g_steal_pointer (&flat);
  *g_utf8_offset_to_pointer (flat, QUOTE_WIDTH - 1) = '\0';
  return g_strconcat (flat, "…", NULL);
}

static void
print_difference_json (JsonBuilder  *builder,
                       AmDifference *difference)
{
  guint n = am_difference_get_n_candidates (difference);
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, am_difference_kind_to_string (am_difference_get_kind (difference)));
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, am_difference_get_start (difference));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, am_difference_get_end (difference));
  json_builder_set_member_name (builder, "spans");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      const char * const *who = am_difference_get_candidate_annotators (difference, i);
      guint k;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, am_difference_get_candidate_label (difference, i));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, am_difference_get_candidate_start (difference, i));
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, am_difference_get_candidate_end (difference, i));
      json_builder_set_member_name (builder, "quote");
      json_builder_add_string_value (builder, am_difference_get_candidate_quote (difference, i));
      json_builder_set_member_name (builder, "annotators");
      json_builder_begin_array (builder);
      for (k = 0; who[k] != NULL; k++)
        json_builder_add_string_value (builder, who[k]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static const char *
kind_label (AmDifferenceKind kind)
{
  switch (kind)
    {
    case AM_DIFFERENCE_LABEL:
      return _("label");
    case AM_DIFFERENCE_BOUNDARY:
      return _("boundary");
    case AM_DIFFERENCE_LABEL_AND_BOUNDARY:
      return _("label and boundary");
    case AM_DIFFERENCE_MISSING:
    default:
      return _("missing");
    }
}

static void
print_difference (AmDifference *difference,
                  guint         n_documents)
{
  AmDifferenceKind kind = am_difference_get_kind (difference);
  guint n = am_difference_get_n_candidates (difference);
  g_auto(GStrv) labels = am_difference_dup_labels (difference);
  g_autofree char *label_list = g_strjoinv (" / ", labels);
  guint i;

  if (kind == AM_DIFFERENCE_MISSING && n_documents == 2)
    {
      /* The one annotator who has it, by the unique name the diff gave. */
      const char *who = am_difference_get_candidate_annotators (difference, 0)[0];

      /* TRANSLATORS: "only in ANNOTATOR" */
      printf ("[%u, %u)  %s %s  %s\n", am_difference_get_start (difference),
              am_difference_get_end (difference), _("only in"), who, label_list);
    }
  else
    printf ("[%u, %u)  %s  %s\n", am_difference_get_start (difference),
            am_difference_get_end (difference), kind_label (kind), label_list);

  for (i = 0; i < n; i++)
    {
      g_autofree char *quote = shorten_quote (am_difference_get_candidate_quote (difference, i));
      g_autofree char *who = g_strjoinv (", ", (char **) am_difference_get_candidate_annotators (difference, i));

      printf ("    %s [%u, %u) “%s”  (%s)\n", am_difference_get_candidate_label (difference, i),
              am_difference_get_candidate_start (difference, i),
              am_difference_get_candidate_end (difference, i), quote, who);
    }
}

int
am_cli_diff (int    argc,
             char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GListModel) differences = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean json = FALSE;
  guint n;
  guint i;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON for scripts"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("A.json B.json [C.json…]") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("List the differences between annotators of one article, span by span."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      am_cli_printerr (NULL, error->message);
      return 2;
    }
  if (files == NULL || g_strv_length (files) < 2)
    {
      am_cli_printerr (NULL, _("Give two or more documents of the same article"));
      return 2;
    }

  if (!load_documents (files, documents, names))
    return 1;

  differences = am_diff_documents ((AmDocument * const *) documents->pdata, documents->len,
                                   (const char * const *) names->pdata, &error);
  if (differences == NULL)
    {
      am_cli_printerr (NULL, error->message);
      return 1;
    }

  n = g_list_model_get_n_items (differences);
  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *out = NULL;

      json_builder_begin_array (builder);
      for (i = 0; i < n; i++)
        {
          g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);

          print_difference_json (builder, difference);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      out = json_generator_to_data (generator, NULL);
      printf ("%s\n", out);
      return 0;
    }

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);

      print_difference (difference, documents->len);
    }
  printf (g_dngettext (GETTEXT_PACKAGE, "%u difference\n", "%u differences\n", n), n);

  return 0;
}
