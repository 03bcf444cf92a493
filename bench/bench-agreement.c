/* bench-agreement.c: agreement between two annotators on a large article
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two annotators on a 1 MB article with 20,000 spans each (most shared, some
 * moved, relabelled or missing). Target: the full agreement (token units, all
 * measures) under 300 ms. Prints medians; never fails on time.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "am-agreement.h"
#include "am-diff.h"

#define TEXT_BYTES   (1024 * 1024)
#define N_SPANS      20000
#define N_RUNS       7

static const char *words[] = {
  "the", "minister", "said", "taxes", "would", "rise", "again", "but", "critics",
  "argued", "that", "growth", "had", "stalled", "in", "every", "region", "of", "country",
};

static char *
make_text (void)
{
  GString *text = g_string_sized_new (TEXT_BYTES + 16);
  guint32 seed = 1;
  guint n = 0;

  while (text->len < TEXT_BYTES)
    {
      seed = seed * 1103515245 + 12345;
      g_string_append (text, words[(seed >> 16) % G_N_ELEMENTS (words)]);
      if (++n % 12 == 0)
        g_string_append (text, ". ");
      else
        g_string_append_c (text, ' ');
    }
  return g_string_free (text, FALSE);
}

static AmDocument *
make_document (AmText        *text,
               AmLabelSchema *schema,
               const char    *annotator,
               guint32        variant)
{
  static const char *labels[] = { "claim", "counter-claim", "attribution" };
  AmDocument *doc = am_document_new_for_text (text, schema);
  guint length = am_text_get_length (text);
  guint step = length / N_SPANS;
  guint32 seed = 7;
  guint i;

  am_document_set_annotator (doc, annotator);
  for (i = 0; i < N_SPANS; i++)
    {
      guint start = i * step;
      guint end = start + 10 + (i % 30);
      const char *label = labels[i % 3];

      seed = seed * 1103515245 + 12345;
      /* About one span in ten differs between the two annotators. */
      if (variant && (seed >> 16) % 10 == 0)
        {
          switch ((seed >> 8) % 3)
            {
            case 0:
              end += 3;
              break;
            case 1:
              label = labels[(i + 1) % 3];
              break;
            default:
              start += 2;
              break;
            }
        }
      am_document_add_annotation (doc, label, start, MIN (end, length), NULL);
    }
  am_document_clear_history (doc);
  return doc;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (double *runs)
{
  qsort (runs, N_RUNS, sizeof (double), (int (*) (const void *, const void *)) compare_doubles);
  return runs[N_RUNS / 2] * 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *utf8 = make_text ();
  g_autoptr(AmText) text = am_text_new (utf8, -1);
  g_autoptr(AmLabelSchema) schema = am_label_schema_new_default ();
  g_autoptr(AmDocument) a = make_document (text, schema, "A", 0);
  g_autoptr(AmDocument) b = make_document (text, schema, "B", 1);
  AmDocument *docs[2] = { a, b };
  double tokens[N_RUNS];
  double chars[N_RUNS];
  double diff[N_RUNS];
  double realigned[N_RUNS];
  double refused[N_RUNS];
  guint n_moved = 0;
  guint i;

  for (i = 0; i < N_RUNS; i++)
    {
      g_autoptr(AmAgreement) agreement = NULL;
      g_autoptr(GListModel) differences = NULL;
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();

      agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_TOKENS, &error);
      g_assert_no_error (error);
      tokens[i] = (g_get_monotonic_time () - t0) / 1e6;
      g_clear_object (&agreement);

      t0 = g_get_monotonic_time ();
      agreement = am_agreement_compute (docs, 2, NULL, AM_AGREEMENT_UNITS_CHARACTERS, &error);
      g_assert_no_error (error);
      chars[i] = (g_get_monotonic_time () - t0) / 1e6;

      t0 = g_get_monotonic_time ();
      differences = am_diff_documents (docs, 2, NULL, &error);
      g_assert_no_error (error);
      diff[i] = (g_get_monotonic_time () - t0) / 1e6;
    }

  {
    /* B's article as it was before an edit: a paragraph more at the start
     * and one less in the middle, so that every span has to be re-anchored.
     */
    g_autoptr(GString) edited = g_string_new ("An editor's note added later. ");
    g_autoptr(AmText) edited_text = NULL;
    g_autoptr(AmDocument) moved = NULL;
    AmDocument *pair[2];
    gsize middle = strlen (utf8) / 2;

    g_string_append_len (edited, utf8, middle);
    g_string_append (edited, "A sentence cut from the final version. ");
    g_string_append (edited, utf8 + middle);
    edited_text = am_text_new (edited->str, edited->len);
    moved = make_document (edited_text, schema, "B", 1);
    pair[0] = a;
    pair[1] = moved;
    for (i = 0; i < N_RUNS; i++)
      {
        g_autoptr(AmAgreement) agreement = NULL;
        g_autoptr(GError) error = NULL;
        gint64 t0 = g_get_monotonic_time ();

        agreement = am_agreement_compute (pair, 2, NULL, AM_AGREEMENT_UNITS_TOKENS, &error);
        g_assert_no_error (error);
        realigned[i] = (g_get_monotonic_time () - t0) / 1e6;
        if (i == 0)
          n_moved = am_agreement_get_n_moved (agreement);
      }
  }

  {
    /* Another article altogether: refused, and not slowly. */
    g_autoptr(GString) other = g_string_new (NULL);
    g_autoptr(AmText) other_text = NULL;
    g_autoptr(AmDocument) stranger = NULL;
    AmDocument *pair[2];

    for (i = 0; other->len < TEXT_BYTES; i++)
      g_string_append_printf (other, "Line %u of a wholly different report. ", i);
    other_text = am_text_new (other->str, other->len);
    stranger = make_document (other_text, schema, "C", 0);
    pair[0] = a;
    pair[1] = stranger;
    for (i = 0; i < N_RUNS; i++)
      {
        g_autoptr(AmAgreement) agreement = NULL;
        g_autoptr(GError) error = NULL;
        gint64 t0 = g_get_monotonic_time ();

        agreement = am_agreement_compute (pair, 2, NULL, AM_AGREEMENT_UNITS_TOKENS, &error);
        g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH);
        refused[i] = (g_get_monotonic_time () - t0) / 1e6;
      }
  }

  printf ("agreement: %u code points, %d spans per annotator, median of %d runs\n",
          am_text_get_length (text), N_SPANS, N_RUNS);
  printf ("  agreement by token  %8.1f ms  (target 300 ms: %.2fx)\n",
          median_ms (tokens), median_ms (tokens) / 300.0);
  printf ("  agreement by char   %8.1f ms\n", median_ms (chars));
  printf ("  diff                %8.1f ms\n", median_ms (diff));
  printf ("  agreement, edited text (%u spans re-anchored)  %8.1f ms\n",
          n_moved, median_ms (realigned));
  printf ("  another article refused  %8.1f ms\n", median_ms (refused));

  return 0;
}
