/* am-cli-import.c: argumark-cli import
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "am-cli.h"
#include "am-document-io.h"
#include "am-importer.h"

static gboolean
parse_offsets (const char      *str,
               AmImportOffsets *offsets)
{
  if (g_str_equal (str, "auto"))
    *offsets = AM_IMPORT_OFFSETS_AUTO;
  else if (g_str_equal (str, "code-points"))
    *offsets = AM_IMPORT_OFFSETS_CODE_POINTS;
  else if (g_str_equal (str, "utf16") || g_str_equal (str, "utf-16"))
    *offsets = AM_IMPORT_OFFSETS_UTF16;
  else
    return FALSE;
  return TRUE;
}

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  am_cli_printerr (NULL, message);
  g_printerr ("%s", help);
  return 2;
}

int
am_cli_import (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(AmImporter) importer = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *from = NULL;
  g_autofree char *output = NULL;
  g_autofree char *offsets_str = NULL;
  g_auto(GStrv) inputs = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean force = FALSE;
  gboolean bad = FALSE;
  AmImportFormat format = AM_IMPORT_FORMAT_AUTO;
  AmImportOffsets offsets = AM_IMPORT_OFFSETS_AUTO;
  AmImportReport *report;
  GListModel *documents;
  guint n_written = 0;
  guint n_refused = 0;
  guint n;
  guint i;
  const GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from,
      N_("Format of the inputs: auto (default), brat, webanno, doccano, label-studio, prodigy, "
         "jsonl, w3c or text"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Corpus folder to write the documents to (created if needed)"), N_("FOLDER") },
    { "offsets", 0, 0, G_OPTION_ARG_STRING, &offsets_str,
      N_("How to read offsets that cannot be checked against a stored span text: auto "
         "(the tool’s own unit), code-points or utf16"), N_("UNIT") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite documents that already exist in the folder"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("INPUT…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Import annotated files from brat, INCEpTION (WebAnno TSV 3), "
                                  "doccano, Label Studio, Prodigy, W3C Web Annotation or Argumark "
                                  "JSONL into a corpus."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Inputs may be files or folders. brat: the .ann (or .txt) of each pair; annotation.conf\n"
      "is read from the same folder. Each document is written as NAME.txt and\n"
      "NAME.argumark.json. Problems are listed on stderr as FILE:LINE: message.\n"
      "Exit status: 0 all imported, 1 some record or file was bad, 2 usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);

  if (from != NULL && !am_import_format_from_string (from, &format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”"), from);

      return usage_error (context, message);
    }
  if (offsets_str != NULL && !parse_offsets (offsets_str, &offsets))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown offset unit “%s”: use auto, "
                                                    "code-points or utf16"), offsets_str);

      return usage_error (context, message);
    }
  if (output == NULL)
    return usage_error (context, _("Name the corpus folder to write with -o FOLDER"));
  if (inputs == NULL || inputs[0] == NULL)
    return usage_error (context, _("Name at least one file to import"));

  importer = am_importer_new (format, NULL);
  am_importer_set_offsets (importer, offsets);

  for (i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(GError) local_error = NULL;

      if (!am_importer_import_file (importer, file, &local_error))
        {
          g_autofree char *message = g_strdup_printf (_("refused: %s"), local_error->message);

          am_cli_printerr (inputs[i], message);
          n_refused++;
          bad = TRUE;
        }
    }

  report = am_importer_get_report (importer);
  lines = am_import_report_dup_lines (report);
  for (i = 0; lines[i] != NULL; i++)
    g_printerr ("%s\n", lines[i]);

  /* Check every target first: nothing is written if anything would be
   * overwritten without --force. */
  folder = g_file_new_for_commandline_arg (output);
  documents = am_importer_get_documents (importer);
  n = g_list_model_get_n_items (documents);
  if (!force)
    {
      for (i = 0; i < n; i++)
        {
          g_autoptr(AmDocument) doc = g_list_model_get_item (documents, i);
          const char *name = am_importer_get_document_name (importer, doc);
          g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
          g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
          g_autoptr(GFile) txt = g_file_get_child (folder, txt_name);
          g_autoptr(GFile) json = g_file_get_child (folder, json_name);

          if (g_file_query_exists (txt, NULL))
            g_ptr_array_add (existing, g_file_get_parse_name (txt));
          if (g_file_query_exists (json, NULL))
            g_ptr_array_add (existing, g_file_get_parse_name (json));
        }
      if (existing->len > 0)
        {
          for (i = 0; i < existing->len; i++)
            am_cli_printerr (g_ptr_array_index (existing, i),
                             _("already exists: nothing was written (use --force to overwrite)"));
          return 1;
        }
    }

  if (n > 0 && !g_file_make_directory_with_parents (folder, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      am_cli_printerr (output, error->message);
      return 1;
    }
  g_clear_error (&error);

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDocument) doc = g_list_model_get_item (documents, i);
      const char *name = am_importer_get_document_name (importer, doc);
      g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
      g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
      g_autoptr(GFile) txt = g_file_get_child (folder, txt_name);
      g_autoptr(GFile) json = g_file_get_child (folder, json_name);
      g_autoptr(GError) local_error = NULL;
      const char *text = am_document_get_text_utf8 (doc);

      if (!g_file_replace_contents (txt, text, am_text_get_n_bytes (am_document_get_text (doc)),
                                    NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local_error) ||
          !am_document_save (doc, json, &local_error))
        {
          g_autofree char *path = g_file_get_parse_name (json);

          am_cli_printerr (path, local_error->message);
          bad = TRUE;
          continue;
        }
      n_written++;
    }

  {
    /* A refused file is a problem too: count it, so that the summary never
     * says "0 problems" above a refusal. */
    guint n_spans = am_import_report_get_n_annotations (report);
    guint n_links = am_import_report_get_n_links (report);
    guint n_labels = am_import_report_get_n_labels_added (report);
    guint n_problems = am_import_report_get_n_errors (report);
    guint n_notes = am_import_report_get_n_warnings (report);
    g_autofree char *spans =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u span", "%u spans", n_spans), n_spans);
    g_autofree char *links =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_links), n_links);
    g_autofree char *labels =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u label added", "%u labels added",
                                    n_labels), n_labels);
    g_autofree char *refused =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file refused", "%u files refused",
                                    n_refused), n_refused);
    g_autofree char *problems =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u problem", "%u problems", n_problems),
                       n_problems);
    g_autofree char *notes =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n_notes), n_notes);
    /* TRANSLATORS: %s after "to" is the corpus folder; the others are counts such as
     * "3 spans", "1 link", "0 labels added", then "1 file refused", "2 problems", "0 notes" */
    g_autofree char *summary =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                    "%u document written to %s (%s, %s, %s); %s, %s, %s",
                                    "%u documents written to %s (%s, %s, %s); %s, %s, %s",
                                    n_written),
                       n_written, output, spans, links, labels, refused, problems, notes);

    g_printerr ("%s\n", summary);
  }

  return bad || am_import_report_get_n_errors (report) > 0 ? 1 : 0;
}
