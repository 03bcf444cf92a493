/* am-drafts.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-drafts"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "am-drafts.h"

/* Unsaved work lives in one JSON file a document, named by a key: the SHA-256
 * of the URI the document was opened from, so that reopening the same file
 * after a crash finds its draft, or a random UUID for work that has no file.
 * index.ini maps each key back to that URI and the document's title, so that
 * drafts can be listed without parsing them.
 */

#define INDEX_NAME "index.ini"

struct _AmDrafts
{
  GObject  parent_instance;
  GFile   *folder;
};

G_DEFINE_FINAL_TYPE (AmDrafts, am_drafts, G_TYPE_OBJECT)

static void
am_drafts_finalize (GObject *object)
{
  AmDrafts *self = AM_DRAFTS (object);

  g_clear_object (&self->folder);

  G_OBJECT_CLASS (am_drafts_parent_class)->finalize (object);
}

static void
am_drafts_class_init (AmDraftsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_drafts_finalize;
}

static void
am_drafts_init (AmDrafts *self)
{
}

/**
 * am_drafts_new:
 * @folder: where the drafts are kept; created on the first write
 */
AmDrafts *
am_drafts_new (GFile *folder)
{
  AmDrafts *self;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);

  self = g_object_new (AM_TYPE_DRAFTS, NULL);
  self->folder = g_object_ref (folder);

  return self;
}

/**
 * am_drafts_new_default:
 *
 * Returns: (transfer full): the drafts under $XDG_DATA_HOME/argumark/drafts
 */
AmDrafts *
am_drafts_new_default (void)
{
  g_autoptr(GFile) folder = g_file_new_build_filename (g_get_user_data_dir (),
                                                       "argumark", "drafts", NULL);

  return am_drafts_new (folder);
}

GFile *
am_drafts_get_folder (AmDrafts *self)
{
  g_return_val_if_fail (AM_IS_DRAFTS (self), NULL);

  return self->folder;
}

/**
 * am_drafts_key_for_file:
 *
 * Returns: (transfer full): the key of the draft of the document opened from @file
 */
char *
am_drafts_key_for_file (GFile *file)
{
  g_autofree char *uri = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, uri, -1);
}

/**
 * am_drafts_new_key:
 *
 * Returns: (transfer full): a fresh key for a document that has no file
 */
char *
am_drafts_new_key (void)
{
  return g_uuid_string_random ();
}

static gboolean
key_is_valid (const char *key)
{
  const char *p;

  if (key == NULL || key[0] == '\0')
    return FALSE;

  for (p = key; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-')
        return FALSE;
    }

  return TRUE;
}

static char *
draft_path (AmDrafts   *self,
            const char *key)
{
  g_autofree char *folder = g_file_get_path (self->folder);
  g_autofree char *name = g_strconcat (key, ".json", NULL);

  return g_build_filename (folder, name, NULL);
}

static char *
index_path (AmDrafts *self)
{
  g_autofree char *folder = g_file_get_path (self->folder);

  return g_build_filename (folder, INDEX_NAME, NULL);
}

static GKeyFile *
load_index (AmDrafts *self)
{
  g_autofree char *path = index_path (self);
  GKeyFile *index = g_key_file_new ();

  /* A missing or damaged index only loses the titles: the drafts stay. */
  g_key_file_load_from_file (index, path, G_KEY_FILE_NONE, NULL);

  return index;
}

static gboolean
save_index (AmDrafts  *self,
            GKeyFile  *index,
            GError   **error)
{
  g_autofree char *path = index_path (self);

  return g_key_file_save_to_file (index, path, error);
}

/* Drafts are written on worker threads while windows delete them on the
 * main thread, and every window has its own AmDrafts: one lock for all, and
 * a generation a key, bumped by each removal, so that a write queued before
 * the work was saved or discarded does not bring its draft back.
 */
static GMutex lock;
static GHashTable *generations;

static guint
get_generation (const char *key)
{
  if (generations == NULL)
    return 0;

  return GPOINTER_TO_UINT (g_hash_table_lookup (generations, key));
}

static void
bump_generation (const char *key)
{
  if (generations == NULL)
    generations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_hash_table_insert (generations, g_strdup (key), GUINT_TO_POINTER (get_generation (key) + 1));
}

static gboolean
write_locked (AmDrafts    *self,
              const char  *key,
              GFile       *origin,
              const char  *title,
              GBytes      *bytes,
              GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) index = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *saved = NULL;
  gconstpointer data;
  gsize size;

  folder = g_file_get_path (self->folder);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the drafts folder “%s”: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  path = draft_path (self, key);
  data = g_bytes_get_data (bytes, &size);
  if (!g_file_set_contents_full (path, data, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  now = g_date_time_new_now_utc ();
  saved = g_date_time_format_iso8601 (now);
  index = load_index (self);
  if (origin != NULL)
    {
      g_autofree char *uri = g_file_get_uri (origin);

      g_key_file_set_string (index, key, "origin", uri);
    }
  g_key_file_set_string (index, key, "title", title != NULL ? title : "");
  g_key_file_set_string (index, key, "saved", saved);

  return save_index (self, index, error);
}

typedef struct
{
  char   *key;
  GFile  *origin;
  char   *title;
  GBytes *bytes;
  guint   generation;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_free (data->key);
  g_clear_object (&data->origin);
  g_free (data->title);
  g_bytes_unref (data->bytes);
  g_free (data);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  AmDrafts *self = source_object;
  WriteData *data = task_data;
  GError *error = NULL;
  gboolean ok = TRUE;

  g_mutex_lock (&lock);
  if (get_generation (data->key) == data->generation)
    ok = write_locked (self, data->key, data->origin, data->title, data->bytes, &error);
  g_mutex_unlock (&lock);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * am_drafts_write_async:
 *
 * @key: the draft's key
 * @origin: (nullable): the file the document was opened from
 * @title: (nullable): the document's title, for lists of drafts
 * @bytes: the document, as am_document_to_bytes() gives it
 *
 * Writes the draft on a worker thread, so that a large document's draft
 * does not hold up the window; atomically, so that a crash in the middle
 * leaves the previous draft whole; readable by the user only. If the draft
 * is removed before the write starts, nothing is written.
 */
void
am_drafts_write_async (AmDrafts            *self,
                       const char          *key,
                       GFile               *origin,
                       const char          *title,
                       GBytes              *bytes,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *data;

  g_return_if_fail (AM_IS_DRAFTS (self));
  g_return_if_fail (key_is_valid (key));
  g_return_if_fail (origin == NULL || G_IS_FILE (origin));
  g_return_if_fail (bytes != NULL);

  data = g_new0 (WriteData, 1);
  data->key = g_strdup (key);
  data->origin = origin != NULL ? g_object_ref (origin) : NULL;
  data->title = g_strdup (title);
  data->bytes = g_bytes_ref (bytes);
  g_mutex_lock (&lock);
  data->generation = get_generation (key);
  g_mutex_unlock (&lock);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_drafts_write_async);
  g_task_set_task_data (task, data, (GDestroyNotify) write_data_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
am_drafts_write_finish (AmDrafts      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (AM_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * am_drafts_read:
 *
 * Returns: (transfer full) (nullable): the draft's bytes, or %NULL with
 *   @error set (G_FILE_ERROR_NOENT when there is none)
 */
GBytes *
am_drafts_read (AmDrafts    *self,
                const char  *key,
                GError     **error)
{
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (AM_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (key_is_valid (key), NULL);

  path = draft_path (self, key);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

gboolean
am_drafts_has (AmDrafts   *self,
               const char *key)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (AM_IS_DRAFTS (self), FALSE);
  g_return_val_if_fail (key_is_valid (key), FALSE);

  path = draft_path (self, key);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * am_drafts_get_saved_time:
 *
 * Returns: (transfer full) (nullable): when the draft was last written
 */
GDateTime *
am_drafts_get_saved_time (AmDrafts   *self,
                          const char *key)
{
  g_autoptr(GKeyFile) index = NULL;
  g_autofree char *saved = NULL;

  g_return_val_if_fail (AM_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (key_is_valid (key), NULL);

  index = load_index (self);
  saved = g_key_file_get_string (index, key, "saved", NULL);
  if (saved == NULL)
    return NULL;

  return g_date_time_new_from_iso8601 (saved, NULL);
}

/**
 * am_drafts_remove:
 *
 * Deletes the draft, once its work is saved or the user discarded it.
 */
void
am_drafts_remove (AmDrafts   *self,
                  const char *key)
{
  g_autofree char *path = NULL;
  g_autoptr(GKeyFile) index = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AM_IS_DRAFTS (self));
  g_return_if_fail (key_is_valid (key));

  path = draft_path (self, key);

  g_mutex_lock (&lock);
  bump_generation (key);
  if (g_unlink (path) != 0 && errno != ENOENT)
    g_debug ("Could not delete the draft %s: %s", path, g_strerror (errno));

  index = load_index (self);
  if (g_key_file_remove_group (index, key, NULL) && !save_index (self, index, &error))
    g_debug ("Could not update the drafts index: %s", error->message);
  g_mutex_unlock (&lock);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * am_drafts_list_keys:
 *
 * Returns: (transfer full): the keys of the drafts on disk, sorted
 */
GStrv
am_drafts_list_keys (AmDrafts *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_auto(GStrv) keys = NULL;
  const char *name;

  g_return_val_if_fail (AM_IS_DRAFTS (self), NULL);

  folder = g_file_get_path (self->folder);
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *key = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;

      key = g_strndup (name, strlen (name) - strlen (".json"));
      if (key_is_valid (key))
        g_strv_builder_add (builder, key);
    }

  keys = g_strv_builder_end (builder);
  g_qsort_with_data (keys, g_strv_length (keys), sizeof (char *), compare_strings, NULL);

  return g_steal_pointer (&keys);
}

/**
 * am_drafts_dup_origin_uri:
 *
 * Returns: (transfer full) (nullable): the URI the draft's document was opened from
 */
char *
am_drafts_dup_origin_uri (AmDrafts   *self,
                          const char *key)
{
  g_autoptr(GKeyFile) index = NULL;

  g_return_val_if_fail (AM_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (key_is_valid (key), NULL);

  index = load_index (self);

  return g_key_file_get_string (index, key, "origin", NULL);
}

/**
 * am_drafts_dup_title:
 *
 * Returns: (transfer full) (nullable): the title of the draft's document
 */
char *
am_drafts_dup_title (AmDrafts   *self,
                     const char *key)
{
  g_autoptr(GKeyFile) index = NULL;

  g_return_val_if_fail (AM_IS_DRAFTS (self), NULL);
  g_return_val_if_fail (key_is_valid (key), NULL);

  index = load_index (self);

  return g_key_file_get_string (index, key, "title", NULL);
}
