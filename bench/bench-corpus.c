/* bench-corpus.c: opening a corpus folder of 5,000 articles
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Generates a folder of 5,000 articles (about 3 KB each), two thirds of them
 * with a document of 20 annotations and 5 links, then times, over several
 * runs with the files in the page cache: listing the folder (what the
 * window shows at once), all summaries in the worker thread until the
 * last notify (the status and counts filling in), the same in the calling
 * thread (argumark-cli status), and opening one document. Medians are
 * printed; it never fails on time. The target is a listing in well under
 * a second.
 */

#define G_LOG_DOMAIN "bench-corpus"

#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>
#include <sys/resource.h>

#include "am-corpus.h"
#include "am-document-io.h"

#define N_RUNS        7
#define N_ARTICLES    5000
#define ARTICLE_BYTES 3000

static const char *words[] = {
  "Hamas", "said", "the", "officials", "claimed", "that", "Gaza", "border", "ministry",
  "according", "to", "Reuters", "rejected", "reports", "séance", "naïve", "Ελλάδα", "中国",
  "العربية", "עברית", "army", "Sinai", "province", "smuggling", "tunnels",
};

static char *
make_text (GRand *rand,
           guint  n)
{
  GString *s = g_string_new (NULL);
  guint i = 0;

  g_string_append_printf (s, "Article %u: officials said the border is open\n\n", n);
  while (s->len < ARTICLE_BYTES)
    {
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (s, ++i % 40 == 0 ? ".\n\n" : " ");
    }
  return g_string_free (s, FALSE);
}

static void
generate (const char *folder)
{
  GRand *rand = g_rand_new_with_seed (7);
  guint n;

  for (n = 0; n < N_ARTICLES; n++)
    {
      g_autofree char *text = make_text (rand, n);
      g_autofree char *name = g_strdup_printf ("article-%05u", n);
      g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
      g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (txt_path, text, -1, &error))
        g_error ("%s", error->message);

      if (n % 3 != 0)
        {
          g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
          g_autofree char *json_path = g_build_filename (folder, json_name, NULL);
          g_autoptr(GFile) json = g_file_new_for_path (json_path);
          g_autoptr(AmDocument) doc = am_document_new (text, NULL);
          g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
          guint length = am_document_get_length (doc);
          guint i;

          for (i = 0; i < 20; i++)
            {
              guint start = g_rand_int_range (rand, 0, length - 60);
              AmAnnotation *a = am_document_add_annotation (doc, i % 2 ? "claim" : "attribution",
                                                            start, start + 5 + i, NULL);

              if (a != NULL)
                g_ptr_array_add (ids, g_strdup (am_annotation_get_id (a)));
            }
          for (i = 0; i + 1 < ids->len && i < 10; i += 2)
            am_document_link (doc, "source", g_ptr_array_index (ids, i),
                              g_ptr_array_index (ids, i + 1), NULL);
          am_document_set_status (doc, n % 3 == 1 ? AM_DOCUMENT_STATUS_DONE
                                                  : AM_DOCUMENT_STATUS_IN_PROGRESS);
          if (!am_document_save (doc, json, &error))
            g_error ("%s", error->message);
        }
    }
  g_rand_free (rand);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static double
median (double *values)
{
  qsort (values, N_RUNS, sizeof (double), compare_doubles);
  return values[N_RUNS / 2];
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  if (!am_corpus_load_summaries_finish (AM_CORPUS (object), result, NULL))
    g_error ("summaries failed");
  *(gboolean *)user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  double listing[N_RUNS], async_all[N_RUNS], sync_all[N_RUNS], open_one[N_RUNS];
  double generation;
  struct rusage usage;
  gint64 t0;
  guint run;

  folder = g_dir_make_tmp ("bench-corpus-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (folder);

  t0 = g_get_monotonic_time ();
  generate (folder);
  generation = (g_get_monotonic_time () - t0) / 1e6;
  printf ("corpus: %d articles (2/3 with a document of 20 annotations), generated in %.1f s\n",
          N_ARTICLES, generation);

  for (run = 0; run < N_RUNS; run++)
    {
      g_autoptr(AmCorpus) corpus = NULL;
      g_autoptr(AmCorpus) corpus2 = NULL;
      g_autoptr(AmCorpusItem) item = NULL;
      g_autoptr(AmDocument) doc = NULL;
      gboolean done = FALSE;

      t0 = g_get_monotonic_time ();
      corpus = am_corpus_open (file, &error);
      g_assert_no_error (error);
      listing[run] = (g_get_monotonic_time () - t0) / 1e3;
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (corpus)), ==, N_ARTICLES);

      am_corpus_load_summaries_async (corpus, NULL, done_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      async_all[run] = (g_get_monotonic_time () - t0) / 1e3;
      g_assert_cmpuint (am_corpus_get_n_summarized (corpus), ==, N_ARTICLES);

      corpus2 = am_corpus_open (file, &error);
      g_assert_no_error (error);
      t0 = g_get_monotonic_time ();
      am_corpus_load_summaries (corpus2, NULL, &error);
      g_assert_no_error (error);
      sync_all[run] = (g_get_monotonic_time () - t0) / 1e3;

      item = g_list_model_get_item (G_LIST_MODEL (corpus), N_ARTICLES / 2 + 1);
      t0 = g_get_monotonic_time ();
      doc = am_corpus_open_item (corpus, item, NULL, &error);
      g_assert_no_error (error);
      open_one[run] = (g_get_monotonic_time () - t0) / 1e3;
    }

  printf ("listing (am_corpus_open):              median %7.1f ms\n", median (listing));
  printf ("all summaries, worker thread:          median %7.1f ms (from the open)\n",
          median (async_all));
  printf ("all summaries, calling thread:         median %7.1f ms\n", median (sync_all));
  printf ("open one document (am_corpus_open_item): median %5.2f ms\n", median (open_one));
  getrusage (RUSAGE_SELF, &usage);
  printf ("max resident: %.1f MB\n", usage.ru_maxrss / 1024.0);

  remove_tree (folder);
  return 0;
}
