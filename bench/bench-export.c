/* bench-export.c: exporting a corpus of 2,000 documents to every format
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A generated corpus folder (2,000 documents, 20 MB of text, 200,000 spans,
 * 20,000 links, some text in Greek, Arabic, Hebrew, Chinese and emoji) is
 * exported to each format by a child process, as argumark-cli export does,
 * several times; the median time gives MB of article text per second and the
 * child's peak RSS shows that memory stays flat. Beside JSONL it times a
 * plain Python script (json module) that reads the same corpus and writes
 * the same JSONL, and checks that the two outputs are the same bytes. It
 * prints figures and never fails on time.
 */

#define G_LOG_DOMAIN "bench-export"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "am-document-io.h"
#include "am-exporter.h"

#define N_RUNS       5
#define N_DOCUMENTS  2000
#define DOC_BYTES    10000
#define N_SPANS      100
#define N_LINKS      10

static const char *words[] = {
  "the", "minister", "said", "that", "prices", "will", "fall", "according", "to", "officials",
  "critics", "argue", "reports", "claimed", "government", "border", "naïve", "séance",
  "Ελλάδα", "中国", "العربية", "עברית", "🙂", "army", "province", "economy", "2025,",
};

static const char python_script[] =
  "import json, os, sys\n"
  "folder, out_path = sys.argv[1], sys.argv[2]\n"
  "with open(out_path, 'w', encoding='utf-8') as out:\n"
  "    for name in sorted(os.listdir(folder)):\n"
  "        if not name.endswith('.argumark.json'):\n"
  "            continue\n"
  "        with open(os.path.join(folder, name), encoding='utf-8') as f:\n"
  "            d = json.load(f)\n"
  "        text = d['text']\n"
  "        spans = [{'id': a['id'], 'start': a['start'], 'end': a['end'],\n"
  "                  'label': a['label'], 'text': text[a['start']:a['end']]}\n"
  "                 for a in d['annotations']]\n"
  "        relations = [{'head': l['from'], 'child': l['to'], 'label': l['relation']}\n"
  "                     for l in d['links']]\n"
  "        record = {'id': name[:-len('.argumark.json')], 'text': text,\n"
  "                  'meta': dict(sorted(d['meta'].items())), 'spans': spans,\n"
  "                  'relations': relations}\n"
  "        out.write(json.dumps(record, ensure_ascii=False, separators=(',', ':')) + '\\n')\n";

static AmDocument *
make_document (GRand *rand,
               guint  n)
{
  GString *s = g_string_sized_new (DOC_BYTES + 64);
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  guint length;
  guint step;
  guint i;

  while (s->len < DOC_BYTES)
    {
      g_string_append (s, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (s, g_rand_int_range (rand, 0, 15) == 0 ? ".\n" : " ");
    }
  doc = am_document_new (s->str, NULL);
  g_string_free (s, TRUE);
  length = am_document_get_length (doc);
  step = length / N_SPANS;

  am_document_set_meta (doc, "title", "Generated article");
  am_document_set_meta (doc, "language", "en");
  am_document_set_annotator (doc, "bench");
  for (i = 0; i < N_SPANS; i++)
    {
      const char *label = i % 10 == 0 ? "attribution" : i % 3 == 0 ? "counter-claim" : "claim";
      guint start = i * step + g_rand_int_range (rand, 0, step / 2);
      guint end = MIN (start + 5 + g_rand_int_range (rand, 0, 2 * step), length);
      AmAnnotation *annotation = am_document_add_annotation (doc, label, start, end, NULL);

      if (annotation != NULL && i % 10 == 0)
        g_ptr_array_add (ids, (gpointer) am_annotation_get_id (annotation));
    }
  for (i = 0; i < N_LINKS && i < ids->len; i++)
    {
      guint position = 0;
      AmAnnotation *from = am_document_lookup_annotation (doc, g_ptr_array_index (ids, i));
      g_autoptr(AmAnnotation) to = NULL;

      am_document_find_annotation (doc, from, &position);
      to = g_list_model_get_item (am_document_get_annotations (doc), position + 1);
      if (to != NULL && !g_str_equal (am_annotation_get_label (to), "attribution"))
        am_document_link (doc, "source", am_annotation_get_id (from), am_annotation_get_id (to),
                          NULL);
    }
  am_document_set_status (doc, n % 3 == 0 ? AM_DOCUMENT_STATUS_DONE : AM_DOCUMENT_STATUS_IN_PROGRESS);
  return g_steal_pointer (&doc);
}

static void
make_corpus (const char *folder,
             guint64    *text_bytes,
             guint      *n_spans)
{
  GRand *rand = g_rand_new_with_seed (42);
  guint i;

  *text_bytes = 0;
  *n_spans = 0;
  for (i = 0; i < N_DOCUMENTS; i++)
    {
      g_autoptr(AmDocument) doc = make_document (rand, i);
      g_autofree char *json_name = g_strdup_printf ("doc-%04u.argumark.json", i);
      g_autofree char *txt_name = g_strdup_printf ("doc-%04u.txt", i);
      g_autofree char *json_path = g_build_filename (folder, json_name, NULL);
      g_autofree char *txt_path = g_build_filename (folder, txt_name, NULL);
      g_autoptr(GFile) json = g_file_new_for_path (json_path);
      g_autoptr(GError) error = NULL;

      if (!g_file_set_contents (txt_path, am_document_get_text_utf8 (doc), -1, &error) ||
          !am_document_save (doc, json, &error))
        g_error ("%s", error->message);
      *text_bytes += am_text_get_n_bytes (am_document_get_text (doc));
      *n_spans += g_list_model_get_n_items (am_document_get_annotations (doc));
    }
  g_rand_free (rand);
}

/* The child: one export, as argumark-cli export runs it. */
static int
run_child (const char *format_name,
           const char *corpus,
           const char *output)
{
  g_autoptr(AmExporter) exporter = NULL;
  g_autoptr(GFile) folder = g_file_new_for_path (corpus);
  g_autoptr(GFile) out = g_file_new_for_path (output);
  g_autoptr(GError) error = NULL;
  AmExportFormat format;

  if (!am_export_format_from_string (format_name, &format))
    return 2;
  exporter = am_exporter_new (format);
  am_exporter_set_overwrite (exporter, TRUE);
  if (!am_exporter_add_file (exporter, folder, &error) ||
      !am_exporter_export (exporter, out, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  return 0;
}

/* Runs @argv to completion; returns seconds, and the child's CPU seconds
 * (user + system, all threads) and peak RSS. */
static double
time_child (char   **argv,
            double  *cpu,
            long    *max_rss_kb)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  GPid pid;
  int status;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH, NULL,
                      NULL, &pid, &error))
    g_error ("%s", error->message);
  if (wait4 (pid, &status, 0, &usage) < 0 || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed", argv[0]);
  *max_rss_kb = usage.ru_maxrss;
  *cpu = usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
  return (g_get_monotonic_time () - start) / 1e6;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void remove_tree (const char *path);

/* Each run writes a fresh output, as a first export does (replacing files
 * costs an fsync each). */
static double
median_run (char       **argv,
            const char  *output,
            double      *cpu,
            long        *max_rss_kb)
{
  double times[N_RUNS];
  double cpus[N_RUNS];
  guint i;

  *max_rss_kb = 0;
  for (i = 0; i < N_RUNS; i++)
    {
      long rss = 0;

      remove_tree (output);
      times[i] = time_child (argv, &cpus[i], &rss);
      *max_rss_kb = MAX (*max_rss_kb, rss);
    }
  qsort (times, N_RUNS, sizeof (double), compare_doubles);
  qsort (cpus, N_RUNS, sizeof (double), compare_doubles);
  *cpu = cpus[N_RUNS / 2];
  return times[N_RUNS / 2];
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  static const char *format_names[] = {
    "jsonl", "doccano", "doccano-relations", "brat", "conll", "csv", "w3c", "webanno",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *script = NULL;
  g_autofree char *python_out = NULL;
  g_autofree char *jsonl_out = NULL;
  double jsonl_seconds = 0;
  double python_seconds;
  guint64 text_bytes;
  guint n_spans;
  long rss;
  double mb;
  guint i;

  if (argc == 5 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2], argv[3], argv[4]);

  self = g_file_read_link ("/proc/self/exe", NULL);
  if (self == NULL)
    self = g_strdup (argv[0]);

  dir = g_dir_make_tmp ("bench-export-XXXXXX", &error);
  g_assert_no_error (error);
  corpus = g_build_filename (dir, "corpus", NULL);
  g_mkdir (corpus, 0755);
  make_corpus (corpus, &text_bytes, &n_spans);
  mb = text_bytes / 1e6;
  printf ("corpus: %u documents, %.1f MB of text, %u spans; median of %u runs, each in a child "
          "process\n\n", N_DOCUMENTS, mb, n_spans, N_RUNS);
  /* Loading (and, for conll and webanno, cutting into tokens) runs on a few
   * threads: wall time is what a user waits, CPU time what it costs. */
  printf ("%-18s %9s %9s %9s %12s\n", "format", "seconds", "MB/s", "CPU s", "peak RSS MB");

  for (i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      g_autofree char *out = g_build_filename (dir, format_names[i], NULL);
      char *child_argv[] = { self, (char *) "--child", (char *) format_names[i], corpus, out, NULL };
      double cpu;
      double seconds = median_run (child_argv, out, &cpu, &rss);

      printf ("%-18s %9.3f %9.1f %9.3f %12.1f\n", format_names[i], seconds, mb / seconds, cpu,
              rss / 1024.0);
      if (i == 0)
        {
          jsonl_seconds = seconds;
          jsonl_out = g_steal_pointer (&out);
        }
      else
        remove_tree (out);
    }

  script = g_build_filename (dir, "export.py", NULL);
  python_out = g_build_filename (dir, "python.jsonl", NULL);
  g_assert_true (g_file_set_contents (script, python_script, -1, &error));
  {
    char *python_argv[] = { (char *) "python3", script, corpus, python_out, NULL };
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;
    gsize a_len = 0;
    gsize b_len = 0;

    double cpu;

    python_seconds = median_run (python_argv, python_out, &cpu, &rss);
    printf ("%-18s %9.3f %9.1f %9.3f %12.1f\n", "python3 json", python_seconds,
            mb / python_seconds, cpu, rss / 1024.0);
    printf ("\nJSONL export vs Python: %.2fx the speed (target: at least 1x)\n",
            python_seconds / jsonl_seconds);
    g_file_get_contents (jsonl_out, &a, &a_len, NULL);
    g_file_get_contents (python_out, &b, &b_len, NULL);
    printf ("same bytes as Python's output: %s\n",
            a_len == b_len && memcmp (a, b, a_len) == 0 ? "yes" : "NO");
  }

  remove_tree (dir);
  return 0;
}
