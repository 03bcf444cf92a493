/* fuzz-main.c: runs every file of the seed corpus through the fuzz target
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same entry point as under libFuzzer, without clang: a regular test.
 */

#include "config.h"

#include <glib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (FUZZ_CORPUS, 0, &error);
  g_assert_no_error (error);

  g_print ("1..1\n");
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (FUZZ_CORPUS, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      LLVMFuzzerTestOneInput ((const guint8 *) contents, length);
      n++;
    }

  g_assert_cmpuint (n, >=, 20);
  g_print ("ok 1 - %u seed files\n", n);
  return 0;
}
