/* am-cli.h: the commands of argumark-cli
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Each command gets argv with argv[0] = "argumark-cli COMMAND", parses its own
 * options with GOptionContext (so --help works), prints errors to stderr one
 * line each prefixed with the file name, and returns the exit status:
 * 0 success, 1 some input was invalid, 2 usage error.
 */
typedef int (*AmCliCommandFunc) (int    argc,
                                 char **argv);

typedef struct
{
  const char       *name;
  const char       *summary;
  AmCliCommandFunc  run;
} AmCliCommand;

void am_cli_printerr (const char *file,
                      const char *message);

int  am_cli_export   (int         argc,
                      char      **argv);
int  am_cli_import   (int         argc,
                      char      **argv);

int  am_cli_import_articles (int    argc,
                             char **argv);
int  am_cli_status          (int    argc,
                             char **argv);

int  am_cli_new      (int         argc,
                      char      **argv);
int  am_cli_validate (int         argc,
                      char      **argv);

int  am_cli_agree    (int         argc,
                      char      **argv);
int  am_cli_diff     (int         argc,
                      char      **argv);

G_END_DECLS
