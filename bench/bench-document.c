/* bench-document.c: load and save of a large Argumark document
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 1 MB article with 20,000 annotations and 2,000 links, loaded (parse,
 * validate, build the model) and saved (serialize, write, rename) several
 * times; medians are printed with MB/s, beside Python's json.load/json.dump
 * of the same file. It prints figures and never fails on time.
 */

#define G_LOG_DOMAIN "bench-document"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <glib/gstdio.h>
#include <sys/resource.h>
#include <time.h>

#include "am-document-io.h"

#define N_RUNS        9
#define TEXT_BYTES    (1024 * 1024)
#define N_ANNOTATIONS 20000
#define N_LINKS       2000

static const char *words[] = {
  "Hamas", "said", "the", "officials", "claimed", "that", "Gaza", "border", "ministry",
  "according", "to", "Reuters", "rejected", "reports", "séance", "naïve", "Ελλάδα", "中国",
  "العربية", "עברית", "🙂", "army", "Sinai", "province", "smuggling", "tunnels",
};

static char *
make_text (void)
{
  GString *s = g_string_sized_new (TEXT_BYTES + 64);
  GRand *rand = g_rand_new_with_seed (42);
  guint n = 0;

  while (s->len < TEXT_BYTES)
    {
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      n++;
      if (n % 60 == 0)
        g_string_append (s, ".\n\n");
      else
        g_string_append_c (s, ' ');
    }
  g_rand_free (rand);

  return g_string_free (s, FALSE);
}

static AmDocument *
make_document (void)
{
  g_autofree char *text = make_text ();
  AmDocument *doc = am_document_new (text, NULL);
  guint length = am_document_get_length (doc);
  guint step = length / N_ANNOTATIONS;
  g_autoptr(GPtrArray) claims = g_ptr_array_new ();
  g_autoptr(GPtrArray) attributions = g_ptr_array_new ();
  guint i;

  am_document_set_meta (doc, "title", "Benchmark article");
  am_document_set_annotator (doc, "bench");
  for (i = 0; i < N_ANNOTATIONS; i++)
    {
      const char *label = i % 10 == 0 ? "attribution" : i % 3 == 0 ? "counter-claim" : "claim";
      guint start = i * step;
      guint end = MIN (start + 10 + i % 80, length);
      g_autoptr(GError) error = NULL;
      AmAnnotation *annotation = am_document_add_annotation (doc, label, start, end, &error);

      g_assert_no_error (error);
      if (i % 7 == 0)
        am_document_set_note (doc, am_annotation_get_id (annotation), "checked \"twice\"", NULL);
      g_ptr_array_add (g_str_equal (label, "attribution") ? attributions : claims,
                       (gpointer) am_annotation_get_id (annotation));
    }

  for (i = 0; i < N_LINKS; i++)
    {
      g_autoptr(GError) error = NULL;

      am_document_link (doc, "source", g_ptr_array_index (attributions, i),
                        g_ptr_array_index (claims, i * 3), &error);
      g_assert_no_error (error);
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
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* CPU time of this process: on a shared machine it moves less than the wall
 * clock when other work competes for the cores.
 */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
peak_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

/* In a fresh process, so that the figure is what opening the file costs. */
static int
load_only (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(AmDocument) doc = am_document_load (file, NULL, &error);

  g_assert_no_error (error);
  printf ("%ld\n", peak_rss_kb ());
  return 0;
}

static gboolean
python_times (const char *path,
              const char *out_path,
              double     *load_ms,
              double     *dump_ms)
{
  const char *script =
    "import json, sys, time\n"
    "loads, dumps = [], []\n"
    "for i in range(" G_STRINGIFY (N_RUNS) "):\n"
    "    t = time.perf_counter()\n"
    "    with open(sys.argv[1], encoding='utf-8') as f: d = json.load(f)\n"
    "    loads.append(time.perf_counter() - t)\n"
    "    t = time.perf_counter()\n"
    "    with open(sys.argv[2], 'w', encoding='utf-8') as f: json.dump(d, f, indent=2, ensure_ascii=False)\n"
    "    dumps.append(time.perf_counter() - t)\n"
    "loads.sort(); dumps.sort()\n"
    "print(loads[len(loads)//2] * 1000, dumps[len(dumps)//2] * 1000)\n";
  const char *argv[] = { "python3", "-c", script, path, out_path, NULL };
  g_autofree char *out = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, &status, NULL) ||
      !g_spawn_check_wait_status (status, NULL) ||
      sscanf (out, "%lf %lf", load_ms, dump_ms) != 2)
    return FALSE;

  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *py_out = NULL;
  g_autofree char *rss_out = NULL;
  double load[N_RUNS];
  double save[N_RUNS];
  double load_cpu[N_RUNS];
  double save_cpu[N_RUNS];
  double load_ms, save_ms, py_load, py_dump;
  double mb;
  long rss_kb = -1;
  guint i;

  if (argc == 3 && g_str_equal (argv[1], "--load-only"))
    return load_only (argv[2]);

  dir = g_dir_make_tmp ("bench-document-XXXXXX", NULL);
  g_assert_nonnull (dir);
  path = g_build_filename (dir, "big.json", NULL);
  py_out = g_build_filename (dir, "python.json", NULL);
  file = g_file_new_for_path (path);

  doc = make_document ();
  bytes = am_document_to_bytes (doc);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  mb = g_bytes_get_size (bytes) / (1024.0 * 1024.0);

  for (i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AmDocument) loaded = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();

      loaded = am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           NULL, &error);
      load[i] = (g_get_monotonic_time () - t0) / 1000.0;
      load_cpu[i] = cpu_ms () - c0;
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (am_document_get_annotations (loaded)), ==, N_ANNOTATIONS);
    }

  for (i = 0; i < N_RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 t0 = g_get_monotonic_time ();
      double c0 = cpu_ms ();

      am_document_save (doc, file, &error);
      save[i] = (g_get_monotonic_time () - t0) / 1000.0;
      save_cpu[i] = cpu_ms () - c0;
      g_assert_no_error (error);
    }

  load_ms = median (load, N_RUNS);
  save_ms = median (save, N_RUNS);

  {
    const char *child[] = { "/proc/self/exe", "--load-only", path, NULL };
    int status;

    if (g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                      &rss_out, NULL, &status, NULL) &&
        g_spawn_check_wait_status (status, NULL))
      rss_kb = atol (rss_out);
  }

  printf ("bench-document: %.2f MB, %u annotations, %u links, median of %d runs\n",
          mb, N_ANNOTATIONS, N_LINKS, N_RUNS);
  printf ("  load  %8.1f ms  %6.1f MB/s  (CPU %.1f ms; target < 200 ms)\n",
          load_ms, mb / (load_ms / 1000.0), median (load_cpu, N_RUNS));
  printf ("  save  %8.1f ms  %6.1f MB/s  (CPU %.1f ms; target < 100 ms)\n",
          save_ms, mb / (save_ms / 1000.0), median (save_cpu, N_RUNS));
  if (rss_kb > 0)
    printf ("  peak RSS of a process that loads the file: %.1f MB  (target < 60 MB)\n", rss_kb / 1024.0);

  if (python_times (path, py_out, &py_load, &py_dump))
    {
      printf ("  python3 json.load  %8.1f ms  (Argumark load / Python = %.2f)\n",
              py_load, load_ms / py_load);
      printf ("  python3 json.dump  %8.1f ms  (Argumark save / Python = %.2f)\n",
              py_dump, save_ms / py_dump);
    }
  else
    printf ("  python3 not available: no comparison\n");

  g_unlink (py_out);
  g_unlink (path);
  g_rmdir (dir);

  return 0;
}
