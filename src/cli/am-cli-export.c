/* am-cli-export.c: argumark-cli export
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <unistd.h>

#include "am-cli.h"
#include "am-exporter.h"

#define BAR_WIDTH 30

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  am_cli_printerr (NULL, message);
  g_printerr ("%s", help);
  return 2;
}

static void
on_progress (AmExporter *exporter,
             guint       done,
             guint       total,
             gpointer    user_data)
{
  guint filled = total > 0 ? (guint) ((guint64) done * BAR_WIDTH / total) : BAR_WIDTH;
  char bar[BAR_WIDTH + 1];
  guint i;

  for (i = 0; i < BAR_WIDTH; i++)
    bar[i] = i < filled ? '#' : '-';
  bar[BAR_WIDTH] = '\0';
  g_printerr ("\r[%s] ", bar);
  /* TRANSLATORS: after a progress bar: documents done and in all */
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u/%u document", "%u/%u documents", total),
              done, total);
  if (done == total)
    g_printerr ("\r%*s\r", BAR_WIDTH + 40, "");
}

static gboolean
parse_statuses (const char *str,
                GArray     *statuses)
{
  g_auto(GStrv) items = g_strsplit (str, ",", -1);
  guint i;

  for (i = 0; items[i] != NULL; i++)
    {
      AmDocumentStatus status;

      g_strstrip (items[i]);
      if (!am_document_status_from_string (items[i], &status))
        return FALSE;
      g_array_append_val (statuses, status);
    }
  return statuses->len > 0;
}

int
am_cli_export (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AmExporter) exporter = NULL;
  g_autoptr(GFile) output_file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) statuses = g_array_new (FALSE, FALSE, sizeof (AmDocumentStatus));
  g_autofree char *format_str = NULL;
  g_autofree char *output = NULL;
  g_autofree char *labels_str = NULL;
  g_autofree char *status_str = NULL;
  g_autofree char *split = NULL;
  g_autofree char *seed_str = NULL;
  g_autofree char *offsets_str = NULL;
  g_auto(GStrv) inputs = NULL;
  g_auto(GStrv) problems = NULL;
  g_auto(GStrv) notes = NULL;
  g_auto(GStrv) outputs = NULL;
  gboolean force = FALSE;
  gboolean quiet = FALSE;
  gboolean bad = FALSE;
  AmExportFormat format;
  guint64 seed = 0;
  guint i;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_str,
      N_("jsonl, doccano, doccano-relations, brat, conll, csv, w3c or webanno"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write; a folder for brat, webanno and --split"), N_("OUT") },
    { "labels", 0, 0, G_OPTION_ARG_STRING, &labels_str,
      N_("Keep only spans with these labels (and the links between them)"), N_("LABEL,…") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_str,
      N_("Export only documents with this status: done, in-progress or new"), N_("STATUS,…") },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split,
      N_("Split the documents into parts, such as train=0.8,dev=0.1,test=0.1"), N_("SPEC") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_str,
      N_("Seed of the split (default 0): the same seed gives the same split"), N_("N") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_str,
      N_("Unit of character offsets: code-points or utf16 (default: the format’s own)"),
      N_("UNIT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite outputs that already exist"), NULL },
    { "quiet", 'q', 0, G_OPTION_ARG_NONE, &quiet,
      N_("No progress bar and no summary"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("INPUT…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Export Argumark documents and corpus folders as a dataset for "
                                  "spaCy, Prodigy, doccano, brat, CoNLL tools, spreadsheets, W3C "
                                  "Web Annotation or INCEpTION."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Inputs are Argumark documents (NAME.argumark.json) or corpus folders. Offsets count\n"
      "code points, except doccano (UTF-16 code units, as in the browser; --offsets\n"
      "code-points for scripts) and webanno (always UTF-16). With --split, OUT is a folder\n"
      "that gets one file (or folder) per part: train.jsonl, dev.jsonl, test.jsonl.\n"
      "See docs/export.md for the exact shape of each format.\n"
      "Exit status: 0 all exported, 1 some input could not be read or written, 2 usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (format_str == NULL)
    return usage_error (context, _("Choose a format with --format"));
  if (!am_export_format_from_string (format_str, &format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”"), format_str);

      return usage_error (context, message);
    }
  if (output == NULL)
    return usage_error (context, _("Name the output with -o OUT"));
  if (inputs == NULL || inputs[0] == NULL)
    return usage_error (context, _("Name at least one document or corpus folder to export"));

  exporter = am_exporter_new (format);

  if (labels_str != NULL)
    {
      g_auto(GStrv) labels = g_strsplit (labels_str, ",", -1);

      for (i = 0; labels[i] != NULL; i++)
        g_strstrip (labels[i]);
      am_exporter_set_labels (exporter, (const char * const *) labels);
    }
  if (status_str != NULL)
    {
      if (!parse_statuses (status_str, statuses))
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown status “%s”: use done, in-progress or new"), status_str);

          return usage_error (context, message);
        }
      am_exporter_set_statuses (exporter, (const AmDocumentStatus *) statuses->data, statuses->len);
    }
  if (seed_str != NULL &&
      !g_ascii_string_to_unsigned (seed_str, 10, 0, G_MAXUINT64, &seed, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("The seed must be a whole number, not “%s”"),
                                                  seed_str);

      return usage_error (context, message);
    }
  if (split != NULL && !am_exporter_set_split (exporter, split, seed, &error))
    return usage_error (context, error->message);
  if (offsets_str != NULL)
    {
      if (g_str_equal (offsets_str, "code-points"))
        am_exporter_set_offsets (exporter, AM_EXPORT_OFFSETS_CODE_POINTS);
      else if (g_str_equal (offsets_str, "utf16") || g_str_equal (offsets_str, "utf-16"))
        am_exporter_set_offsets (exporter, AM_EXPORT_OFFSETS_UTF16);
      else
        {
          g_autofree char *message =
            g_strdup_printf (_("Unknown offset unit “%s”: use code-points or utf16"), offsets_str);

          return usage_error (context, message);
        }
    }
  am_exporter_set_overwrite (exporter, force);

  for (i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(GError) local_error = NULL;

      if (!am_exporter_add_file (exporter, file, &local_error))
        {
          am_cli_printerr (inputs[i], local_error->message);
          bad = TRUE;
        }
    }
  if (am_exporter_get_n_inputs (exporter) == 0)
    return 1;

  if (!quiet && isatty (fileno (stderr)))
    g_signal_connect (exporter, "progress", G_CALLBACK (on_progress), NULL);

  output_file = g_file_new_for_commandline_arg (output);
  if (!am_exporter_export (exporter, output_file, NULL, &error))
    {
      am_cli_printerr (NULL, error->message);
      return 1;
    }

  problems = am_exporter_dup_problems (exporter);
  for (i = 0; problems[i] != NULL; i++)
    g_printerr ("%s\n", problems[i]);
  notes = am_exporter_dup_notes (exporter);
  for (i = 0; notes[i] != NULL; i++)
    g_printerr ("%s\n", notes[i]);
  bad = bad || problems[0] != NULL;

  if (!quiet)
    {
      guint n_docs = am_exporter_get_n_written (exporter);
      guint n_spans = am_exporter_get_n_spans (exporter);
      guint n_links = am_exporter_get_n_links (exporter);
      g_autofree char *spans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span",
                                                             "%u spans", n_spans), n_spans);
      g_autofree char *links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link",
                                                             "%u links", n_links), n_links);

      outputs = am_exporter_dup_outputs (exporter);
      /* TRANSLATORS: %s is the output file or folder, then "N spans" and "N links" */
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "%u document exported to %s (%s, %s)",
                               "%u documents exported to %s (%s, %s)", n_docs),
                  n_docs, g_strv_length (outputs) == 1 ? outputs[0] : output, spans, links);
      if (am_exporter_get_n_skipped (exporter) > 0)
        g_printerr (_("; %u skipped by --status"), am_exporter_get_n_skipped (exporter));
      if (problems[0] != NULL)
        g_printerr (_("; %u could not be read"), g_strv_length (problems));
      g_printerr ("\n");
    }

  return bad ? 1 : 0;
}
