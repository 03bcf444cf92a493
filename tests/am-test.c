/* am-test.c: helpers for the tests that need no display
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "am-test.h"

/**
 * am_test_run_cli:
 * @args: the arguments after the program name, %NULL-terminated
 * @out: (out) (optional): its standard output
 * @err: (out) (optional): its standard error
 *
 * Runs argumark-cli as a user would. Both outputs go to the test log, not
 * to the TAP stream, whether the caller asks for them or not.
 *
 * Returns: its exit status
 */
int
am_test_run_cli (const char * const  *args,
                 char               **out,
                 char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *own_out = NULL;
  g_autofree char *own_err = NULL;
  int wait_status = 0;
  guint i;

  if (out == NULL)
    out = &own_out;
  if (err == NULL)
    err = &own_err;

  g_ptr_array_add (argv, (gpointer) ARGUMARK_CLI);
  for (i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("argumark-cli %s: %s %d\nstdout: %s\nstderr: %s", args[0],
                  WIFEXITED (wait_status) ? "exit" : "signal",
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : WTERMSIG (wait_status),
                  *out, *err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

/**
 * am_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and all it holds, read-only folders too, without following
 * symbolic links.
 */
void
am_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      g_chmod (path, 0755);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          am_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
