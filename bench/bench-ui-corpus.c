/* bench-ui-corpus.c: the corpus sidebar on a folder of 5,000 articles
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A folder of 5,000 articles (two thirds with a document of 20
 * annotations), shown in an AmCorpusSidebar in a window under Xvfb: the
 * time from opening the folder to the first frame that shows the list
 * (the goal is one second), and to the frame after the last summary came
 * in (statuses, counts and the progress bar filled). Medians, with the
 * files in the page cache; it never fails on time.
 */

#define G_LOG_DOMAIN "bench-ui-corpus"

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>

#include "am-corpus-sidebar.h"
#include "am-document-io.h"

#define N_RUNS        5
#define N_ARTICLES    5000
#define ARTICLE_BYTES 3000

static const char *words[] = {
  "Hamas", "said", "the", "officials", "claimed", "that", "Gaza", "border", "ministry",
  "according", "to", "Reuters", "rejected", "reports", "séance", "naïve", "Ελλάδα", "中国",
  "العربية", "עברית", "army", "Sinai", "province", "smuggling", "tunnels",
};

typedef struct
{
  GtkWidget       *window;
  AmCorpusSidebar *sidebar;
  GMainLoop       *loop;
} Bench;

static void
generate (const char *folder)
{
  GRand *rand = g_rand_new_with_seed (7);
  guint n;

  for (n = 0; n < N_ARTICLES; n++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("article-%05u", n);
      g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
      g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
      g_autoptr(GError) error = NULL;
      guint i = 0;

      g_string_append_printf (text, "Article %u: officials said the border is open\n\n", n);
      while (text->len < ARTICLE_BYTES)
        {
          g_string_append (text, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
          g_string_append (text, ++i % 40 == 0 ? ".\n\n" : " ");
        }
      if (!g_file_set_contents (txt_path, text->str, -1, &error))
        g_error ("%s", error->message);

      if (n % 3 != 0)
        {
          g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
          g_autoptr(GFile) json = g_file_new_build_filename (folder, json_name, NULL);
          g_autoptr(AmDocument) doc = am_document_new (text->str, NULL);
          guint length = am_document_get_length (doc);

          for (i = 0; i < 20; i++)
            {
              guint start = g_rand_int_range (rand, 0, length - 60);

              am_document_add_annotation (doc, "claim", start, start + 5 + i, NULL);
            }
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

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  g_main_loop_quit (bench->loop);
}

static void
wait_for_frame (Bench *bench)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (bench->window);
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), bench);

  gtk_widget_queue_draw (bench->window);
  g_main_loop_run (bench->loop);
  g_signal_handler_disconnect (clock, id);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  if (!am_corpus_load_summaries_finish (AM_CORPUS (object), result, NULL))
    g_error ("the summaries did not load");
  *(gboolean *)user_data = TRUE;
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

int
main (int   argc,
      char *argv[])
{
  g_autofree char *folder = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  double to_list[N_RUNS], to_all[N_RUNS];
  Bench bench = { NULL, };
  guint run;

  gtk_init ();
  folder = g_dir_make_tmp ("bench-ui-corpus-XXXXXX", &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (folder);
  generate (folder);

  bench.loop = g_main_loop_new (NULL, FALSE);
  bench.window = gtk_window_new ();
  bench.sidebar = AM_CORPUS_SIDEBAR (am_corpus_sidebar_new ());
  gtk_window_set_default_size (GTK_WINDOW (bench.window), 320, 900);
  gtk_window_set_child (GTK_WINDOW (bench.window), GTK_WIDGET (bench.sidebar));
  gtk_window_present (GTK_WINDOW (bench.window));
  wait_for_frame (&bench);

  for (run = 0; run < N_RUNS; run++)
    {
      g_autoptr(AmCorpus) corpus = NULL;
      g_autoptr(AmCorpusItem) first = NULL;
      gboolean loaded = FALSE;
      gint64 t0 = g_get_monotonic_time ();

      corpus = am_corpus_open (file, &error);
      g_assert_no_error (error);
      am_corpus_sidebar_set_corpus (bench.sidebar, corpus);
      first = g_list_model_get_item (G_LIST_MODEL (corpus), 0);
      am_corpus_sidebar_set_current (bench.sidebar, first);
      am_corpus_load_summaries_async (corpus, NULL, loaded_cb, &loaded);
      wait_for_frame (&bench);
      to_list[run] = (g_get_monotonic_time () - t0) / 1e3;

      while (!loaded)
        g_main_context_iteration (NULL, TRUE);
      wait_for_frame (&bench);
      to_all[run] = (g_get_monotonic_time () - t0) / 1e3;
      g_assert_cmpuint (am_corpus_get_n_summarized (corpus), ==, N_ARTICLES);

      am_corpus_sidebar_set_corpus (bench.sidebar, NULL);
      wait_for_frame (&bench);
    }

  printf ("corpus sidebar, %d articles: open to the first frame of the list: median %.1f ms "
          "(goal 1000 ms)\n", N_ARTICLES, median (to_list));
  printf ("corpus sidebar, %d articles: open to the frame with every summary: median %.1f ms\n",
          N_ARTICLES, median (to_all));

  gtk_window_destroy (GTK_WINDOW (bench.window));
  g_main_loop_unref (bench.loop);
  remove_tree (folder);
  return 0;
}
