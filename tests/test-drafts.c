/* test-drafts.c: recovery drafts on disk
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "am-drafts.h"
#include "am-test.h"

typedef struct
{
  char     *path;
  GFile    *folder;
  AmDrafts *drafts;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->path = g_dir_make_tmp ("argumark-test-drafts-XXXXXX", &error);
  g_assert_no_error (error);
  /* The drafts folder itself is made by the first write. */
  fixture->folder = g_file_new_build_filename (fixture->path, "drafts", NULL);
  fixture->drafts = am_drafts_new (fixture->folder);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GFile) root = g_file_new_for_path (fixture->path);

  am_test_remove_tree (g_file_peek_path (root));
  g_clear_object (&fixture->drafts);
  g_clear_object (&fixture->folder);
  g_free (fixture->path);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (am_drafts_write_finish (AM_DRAFTS (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
write_and_wait (AmDrafts   *drafts,
                const char *key,
                GFile      *origin,
                const char *title,
                const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  gboolean done = FALSE;

  am_drafts_write_async (drafts, key, origin, title, bytes, NULL, written_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GFile) a = g_file_new_for_path ("/tmp/article.txt");
  g_autoptr(GFile) a2 = g_file_new_for_uri ("file:///tmp/article.txt");
  g_autoptr(GFile) b = g_file_new_for_path ("/tmp/article.json");
  g_autofree char *key_a = am_drafts_key_for_file (a);
  g_autofree char *key_a2 = am_drafts_key_for_file (a2);
  g_autofree char *key_b = am_drafts_key_for_file (b);
  g_autofree char *new1 = am_drafts_new_key ();
  g_autofree char *new2 = am_drafts_new_key ();

  /* The same file always finds its draft; another file never does. */
  g_assert_cmpuint (strlen (key_a), ==, 64);
  g_assert_cmpstr (key_a, ==, key_a2);
  g_assert_cmpstr (key_a, !=, key_b);
  g_assert_true (g_uuid_string_is_valid (new1));
  g_assert_cmpstr (new1, !=, new2);
}

static void
test_write_read_remove (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GFile) origin = g_file_new_for_path ("/tmp/some article.txt");
  g_autofree char *key = am_drafts_key_for_file (origin);
  g_autofree char *uri = g_file_get_uri (origin);
  g_autofree char *origin_uri = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GDateTime) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;
  g_autofree char *draft_path = NULL;
  GStatBuf st;

  g_assert_false (am_drafts_has (fixture->drafts, key));
  bytes = am_drafts_read (fixture->drafts, key, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  write_and_wait (fixture->drafts, key, origin, "A “title”", "{ \"draft\": 1 }");
  g_assert_true (am_drafts_has (fixture->drafts, key));
  bytes = am_drafts_read (fixture->drafts, key, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "{ \"draft\": 1 }", strlen ("{ \"draft\": 1 }"));

  /* Only its owner may read unsaved work. */
  draft_path = g_strconcat (fixture->path, "/drafts/", key, ".json", NULL);
  g_assert_cmpint (g_stat (draft_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  keys = am_drafts_list_keys (fixture->drafts);
  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, key);
  origin_uri = am_drafts_dup_origin_uri (fixture->drafts, key);
  g_assert_cmpstr (origin_uri, ==, uri);
  title = am_drafts_dup_title (fixture->drafts, key);
  g_assert_cmpstr (title, ==, "A “title”");
  saved = am_drafts_get_saved_time (fixture->drafts, key);
  g_assert_nonnull (saved);

  /* A newer draft replaces the older one. */
  write_and_wait (fixture->drafts, key, origin, "A “title”", "{ \"draft\": 2 }");
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = am_drafts_read (fixture->drafts, key, &error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   "{ \"draft\": 2 }", strlen ("{ \"draft\": 2 }"));

  am_drafts_remove (fixture->drafts, key);
  g_assert_false (am_drafts_has (fixture->drafts, key));
  g_clear_pointer (&keys, g_strfreev);
  keys = am_drafts_list_keys (fixture->drafts);
  g_assert_cmpuint (g_strv_length (keys), ==, 0);
  g_clear_pointer (&title, g_free);
  title = am_drafts_dup_title (fixture->drafts, key);
  g_assert_null (title);
}

static void
test_remove_wins_over_queued_write (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *key = am_drafts_new_key ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("{}", 2);
  gboolean done = FALSE;
  guint i;

  /* Work saved (or discarded) right after a draft was queued: whichever
   * runs first, no draft is left behind.
   */
  for (i = 0; i < 20; i++)
    {
      done = FALSE;
      am_drafts_write_async (fixture->drafts, key, NULL, NULL, bytes, NULL, written_cb, &done);
      am_drafts_remove (fixture->drafts, key);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_false (am_drafts_has (fixture->drafts, key));
    }

  /* A write queued after the removal is written. */
  write_and_wait (fixture->drafts, key, NULL, NULL, "{}");
  g_assert_true (am_drafts_has (fixture->drafts, key));
}

static void
test_damaged_index (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *key = am_drafts_new_key ();
  g_autofree char *index = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  write_and_wait (fixture->drafts, key, NULL, "Title", "{}");
  index = g_strconcat (fixture->path, "/drafts/index.ini", NULL);
  g_assert_true (g_file_set_contents (index, "\x01[not a key file", -1, &error));

  /* The draft itself stays readable; only its title is gone. */
  g_assert_true (am_drafts_has (fixture->drafts, key));
  bytes = am_drafts_read (fixture->drafts, key, &error);
  g_assert_no_error (error);
  title = am_drafts_dup_title (fixture->drafts, key);
  g_assert_null (title);

  /* The next write mends the index. */
  write_and_wait (fixture->drafts, key, NULL, "Title", "{}");
  g_clear_pointer (&title, g_free);
  title = am_drafts_dup_title (fixture->drafts, key);
  g_assert_cmpstr (title, ==, "Title");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/drafts/keys", Fixture, NULL, fixture_setup, test_keys, fixture_teardown);
  g_test_add ("/drafts/write-read-remove", Fixture, NULL,
              fixture_setup, test_write_read_remove, fixture_teardown);
  g_test_add ("/drafts/remove-wins-over-queued-write", Fixture, NULL,
              fixture_setup, test_remove_wins_over_queued_write, fixture_teardown);
  g_test_add ("/drafts/damaged-index", Fixture, NULL,
              fixture_setup, test_damaged_index, fixture_teardown);

  return g_test_run ();
}
