/* am-cli-document.c: argumark-cli validate and new
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "am-cli.h"
#include "am-document-io.h"

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  am_cli_printerr (NULL, message);
  g_printerr ("%s", help);
  return 2;
}

/* Checks one file; problems go to stderr, one line each, with the file name. */
static gboolean
validate_one (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *annotations = NULL;
  g_autofree char *links = NULL;
  guint n_annotations;
  guint n_links;
  guint n_orphans;

  doc = am_document_load (file, &report, &error);
  if (doc == NULL)
    {
      am_cli_printerr (path, error->message);
      return FALSE;
    }

  if (!am_load_report_is_empty (report))
    {
      g_auto(GStrv) messages = am_load_report_dup_messages (report);
      guint i;

      for (i = 0; messages[i] != NULL; i++)
        am_cli_printerr (path, messages[i]);
    }

  n_annotations = g_list_model_get_n_items (am_document_get_annotations (doc));
  n_links = g_list_model_get_n_items (am_document_get_links (doc));
  n_orphans = g_list_model_get_n_items (am_document_get_orphans (doc));
  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                              n_annotations), n_annotations);
  links = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u link", "%u links", n_links), n_links);
  if (n_orphans > 0)
    {
      g_autofree char *orphans = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u orphan",
                                                               "%u orphans", n_orphans),
                                                  n_orphans);

      /* TRANSLATORS: FILE: ok (N annotations, N links, N orphans) */
      g_print (_("%s: ok (%s, %s, %s)\n"), path, annotations, links, orphans);
    }
  else
    {
      /* TRANSLATORS: FILE: ok (N annotations, N links) */
      g_print (_("%s: ok (%s, %s)\n"), path, annotations, links);
    }

  return TRUE;
}

int
am_cli_validate (int    argc,
                 char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean all_ok = TRUE;
  const GOptionEntry entries[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("DOCUMENT.json…") },
    { NULL }
  };
  guint i;

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Check Argumark documents: every problem is printed with the "
                                  "file and the place in it (a JSON path such as "
                                  "annotations[3].end). Annotations that had to be moved to their "
                                  "quote, or could not be placed, are listed too.\n\n"
                                  "Exit status: 0 if every document is valid, 1 if any is not."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (files == NULL || files[0] == NULL)
    return usage_error (context, _("Name at least one document to validate"));

  for (i = 0; files[i] != NULL; i++)
    {
      if (!validate_one (files[i]))
        all_ok = FALSE;
    }

  return all_ok ? 0 : 1;
}

int
am_cli_new (int    argc,
            char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) article = NULL;
  g_autoptr(GFile) output = NULL;
  g_autoptr(AmDocument) doc = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *output_path = NULL;
  g_autofree char *annotator = NULL;
  gboolean force = FALSE;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output_path,
      N_("Write the document to FILE (required)"), N_("FILE") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator,
      N_("Who will annotate it"), N_("NAME") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force,
      N_("Replace FILE if it exists"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("ARTICLE.txt") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Create an empty Argumark document for a plain-text article "
                                  "(UTF-8, or UTF-16 with a byte order mark). Line endings become "
                                  "LF; the first non-empty line is the title. An existing FILE is "
                                  "kept unless --force is given."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (files == NULL || files[0] == NULL)
    return usage_error (context, _("Name the article to annotate"));
  if (files[1] != NULL)
    return usage_error (context, _("Name one article only"));
  if (output_path == NULL)
    return usage_error (context, _("Say where to write the document with -o FILE"));

  article = g_file_new_for_commandline_arg (files[0]);
  output = g_file_new_for_commandline_arg (output_path);

  if (!force && g_file_query_exists (output, NULL))
    {
      am_cli_printerr (output_path, _("already exists; use --force to replace it"));
      return 1;
    }

  doc = am_document_new_from_article (article, &error);
  if (doc == NULL)
    {
      am_cli_printerr (files[0], error->message);
      return 1;
    }

  if (annotator != NULL)
    {
      am_document_set_annotator (doc, annotator);
      am_document_clear_history (doc);
    }

  if (!am_document_save (doc, output, &error))
    {
      am_cli_printerr (output_path, error->message);
      return 1;
    }

  g_print (_("%s: created for “%s” (%u characters)\n"), output_path,
           am_document_get_title (doc), am_document_get_length (doc));
  return 0;
}
