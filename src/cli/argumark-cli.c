/* argumark-cli.c: headless commands over the Argumark core
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "am-cli.h"

/* One line per command; each part of Argumark adds its own. */
static const AmCliCommand commands[] = {
  { "agree", N_("Measure the agreement between annotators of one article"), am_cli_agree },
  { "diff", N_("List the differences between annotators of one article"), am_cli_diff },
  { "export", N_("Export documents and corpus folders as a dataset (JSONL, doccano, brat, CoNLL, "
                  "CSV, W3C, WebAnno TSV)"), am_cli_export },
  { "import", N_("Import files from brat, INCEpTION, doccano, Label Studio or Prodigy into a "
                  "corpus folder"), am_cli_import },
  { "import-articles", N_("Split a JSONL file of articles into a corpus folder"),
    am_cli_import_articles },
  { "new", N_("Create an empty document for a plain-text article"), am_cli_new },
  { "status", N_("Show the documents of a corpus folder with their status and counts"),
    am_cli_status },
  { "validate", N_("Check Argumark documents and print every problem with its place"),
    am_cli_validate },
  { NULL, NULL, NULL }
};

void
am_cli_printerr (const char *file,
                 const char *message)
{
  if (file != NULL)
    g_printerr ("%s: %s\n", file, message);
  else
    g_printerr ("argumark-cli: %s\n", message);
}

static void
print_usage (FILE *out)
{
  guint i;

  fprintf (out, "%s\n\n", _("Usage: argumark-cli COMMAND [OPTION…] [FILE…]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (i = 0; commands[i].name != NULL; i++)
    fprintf (out, "  %-16s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Run “argumark-cli COMMAND --help” for the options of a command."));
}

int
main (int   argc,
      char *argv[])
{
  guint i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_usage (stderr);
      return 2;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      print_usage (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("argumark-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (i = 0; commands[i].name != NULL; i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          g_autofree char *prgname = g_strdup_printf ("argumark-cli %s", argv[1]);

          argv[1] = prgname;
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  {
    g_autofree char *message = g_strdup_printf (_("Unknown command “%s”"), argv[1]);

    am_cli_printerr (NULL, message);
  }
  print_usage (stderr);
  return 2;
}
