/* am-corpus.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "am-corpus-private.h"
#include "am-document-io.h"

/* A corpus is nothing but its folder: the list is rebuilt from the file
 * names each time, and everything shown about a document comes from its
 * own file, so that a team can share the folder through git or a synced
 * drive without Argumark keeping state of its own.
 */

#define FLUSH_INTERVAL_MS 40
/* A git checkout or a sync touches many files at once: reload once, after. */
#define RELOAD_DELAY_MS 300
#define MAX_NAME_BYTES 100
#define LIST_ATTRIBUTES \
  G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE "," \
  G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN "," G_FILE_ATTRIBUTE_STANDARD_SIZE "," \
  G_FILE_ATTRIBUTE_TIME_MODIFIED "," G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC

struct _AmCorpus
{
  GObject        parent_instance;
  GFile         *folder;
  AmLabelSchema *schema;
  /* am_corpus_open_item() copies the schema, also from several threads at
   * once (the exporter's read-ahead); reading a GListStore moves its cached
   * iterator, so the copies are made one at a time. */
  GMutex         schema_lock;
  GPtrArray     *items;
  GHashTable    *by_name;
  GPtrArray     *waiters;
  GFileMonitor  *monitor;
  GCancellable  *watch_cancellable;
  guint          reload_source;
  guint          n_runs;
  guint          n_summarized;
  guint          n_new;
  guint          n_in_progress;
  guint          n_done;
  guint          n_annotations;
  guint          n_problems;
};

static void am_corpus_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AmCorpus, am_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      am_corpus_list_model_init))

G_DEFINE_QUARK (am-corpus-error-quark, am_corpus_error)

enum {
  PROP_0,
  PROP_FOLDER,
  PROP_SCHEMA,
  PROP_N_ITEMS,
  PROP_N_SUMMARIZED,
  PROP_N_NEW,
  PROP_N_IN_PROGRESS,
  PROP_N_DONE,
  PROP_N_ANNOTATIONS,
  PROP_N_PROBLEMS,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One NAME of the folder, as listed. */
typedef struct
{
  char    *stem;
  char    *name;
  char    *key;
  GFile   *article;
  GFile   *document;
  gboolean has_document;
  guint64  stamp;
} Entry;

static void
entry_free (Entry *entry)
{
  g_free (entry->stem);
  g_free (entry->name);
  g_free (entry->key);
  g_clear_object (&entry->article);
  g_clear_object (&entry->document);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = *(const Entry * const *)a;
  const Entry *eb = *(const Entry * const *)b;
  int cmp = strcmp (ea->key, eb->key);

  return cmp != 0 ? cmp : strcmp (ea->name, eb->name);
}

static guint64
file_stamp (GFileInfo *info)
{
  guint64 mtime = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint32 usec = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED_USEC);

  return (mtime * G_USEC_PER_SEC + usec) * 1000003u + (guint64)g_file_info_get_size (info);
}

static void
set_folder_error (GError     **error,
                  GFile       *folder,
                  const GError *io_error)
{
  g_autofree char *where = g_file_get_parse_name (folder);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_NOT_FOUND,
                 _("The folder “%s” does not exist."), where);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY))
    g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_NOT_A_FOLDER,
                 _("“%s” is a file, not a folder: open the folder that holds the articles."),
                 where);
  else
    g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_UNREADABLE,
                 _("The folder “%s” cannot be read: %s"), where, io_error->message);
}

/* Returns the entries sorted by name. */
static GPtrArray *
list_folder (GFile   *folder,
             GError **error)
{
  g_autoptr(GFileInfo) folder_info = NULL;
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GHashTable) by_stem = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) local_error = NULL;

  folder_info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                   G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (folder_info == NULL)
    {
      set_folder_error (error, folder, local_error);
      return NULL;
    }
  if (g_file_info_get_file_type (folder_info) != G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GError) not_dir = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY, "");

      set_folder_error (error, folder, not_dir);
      return NULL;
    }

  enumerator = g_file_enumerate_children (folder, LIST_ATTRIBUTES, G_FILE_QUERY_INFO_NONE,
                                          NULL, &local_error);
  if (enumerator == NULL)
    {
      set_folder_error (error, folder, local_error);
      return NULL;
    }

  /* The entries own the keys. */
  by_stem = g_hash_table_new (g_str_hash, g_str_equal);
  entries = g_ptr_array_new_with_free_func ((GDestroyNotify)entry_free);
  for (;;)
    {
      GFileInfo *info = NULL;
      const char *file_name;
      gsize len;
      gboolean is_document;
      g_autofree char *stem = NULL;
      Entry *entry;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, &local_error))
        {
          set_folder_error (error, folder, local_error);
          return NULL;
        }
      if (info == NULL)
        break;

      file_name = g_file_info_get_name (info);
      if (file_name[0] == '.' || g_file_info_get_is_hidden (info) ||
          g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
        continue;

      len = strlen (file_name);
      if (g_str_has_suffix (file_name, AM_CORPUS_DOCUMENT_SUFFIX))
        {
          is_document = TRUE;
          stem = g_strndup (file_name, len - strlen (AM_CORPUS_DOCUMENT_SUFFIX));
        }
      else if (g_str_has_suffix (file_name, AM_CORPUS_ARTICLE_SUFFIX))
        {
          is_document = FALSE;
          stem = g_strndup (file_name, len - strlen (AM_CORPUS_ARTICLE_SUFFIX));
        }
      else
        continue;
      if (stem[0] == '\0')
        continue;

      entry = g_hash_table_lookup (by_stem, stem);
      if (entry == NULL)
        {
          g_autofree char *document_name = g_strconcat (stem, AM_CORPUS_DOCUMENT_SUFFIX, NULL);
          g_autofree char *folded = NULL;

          entry = g_new0 (Entry, 1);
          entry->stem = g_steal_pointer (&stem);
          entry->name = g_utf8_validate (entry->stem, -1, NULL)
            ? g_strdup (entry->stem) : g_filename_display_name (entry->stem);
          folded = g_utf8_casefold (entry->name, -1);
          entry->key = g_utf8_collate_key_for_filename (folded, -1);
          entry->document = g_file_get_child (folder, document_name);
          g_hash_table_insert (by_stem, entry->stem, entry);
          g_ptr_array_add (entries, entry);
        }
      if (is_document)
        entry->has_document = TRUE;
      else
        entry->article = g_file_get_child (folder, file_name);
      /* Independent of the order in which the two files are listed. */
      entry->stamp += file_stamp (info) * (is_document ? 31 : 1);
    }

  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

/* schema.json holds what a document's "schema" member holds; the document
 * loader is what validates schemas, so the file is checked by loading it
 * as the schema of a one-character document, and its messages (which
 * name the JSON path) are passed on. */
static gboolean
read_schema (GFile          *folder,
             AmLabelSchema **out_schema,
             GError        **error)
{
  g_autoptr(GFile) file = g_file_get_child (folder, AM_CORPUS_SCHEMA_NAME);
  g_autofree char *where = g_file_get_parse_name (file);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autofree char *data = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *wrapped = NULL;
  gsize length = 0;
  JsonNode *root;

  *out_schema = NULL;
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        return TRUE;
      g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_UNREADABLE,
                   _("%s cannot be read: %s"), where, local_error->message);
      return FALSE;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_BAD_SCHEMA,
                   _("%s is not valid JSON: %s"), where, local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_BAD_SCHEMA,
                   _("%s must hold a JSON object with “labels” and “relations”."), where);
      return FALSE;
    }

  sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "x", 1);
  wrapped = g_strdup_printf ("{\"format\": \"argumark\", \"version\": %d, \"meta\": {}, "
                             "\"text\": \"x\", \"text_sha256\": \"%s\", \"schema\": %s, "
                             "\"annotator\": \"\", \"status\": \"new\", "
                             "\"annotations\": [], \"links\": []}",
                             AM_FORMAT_VERSION, sha, data);
  document = am_document_load_from_data (wrapped, strlen (wrapped), NULL, &local_error);
  if (document == NULL)
    {
      g_set_error (error, AM_CORPUS_ERROR, AM_CORPUS_ERROR_BAD_SCHEMA,
                   _("%s is not a valid label schema: %s"), where, local_error->message);
      return FALSE;
    }

  *out_schema = g_object_ref (am_document_get_schema (document));
  return TRUE;
}

static void
update_totals (AmCorpus *self)
{
  guint n_summarized = 0, n_new = 0, n_in_progress = 0, n_done = 0, n_annotations = 0;
  guint n_problems = 0;
  guint i;

  for (i = 0; i < self->items->len; i++)
    {
      AmCorpusItem *item = g_ptr_array_index (self->items, i);

      if (!am_corpus_item_get_summarized (item))
        continue;
      n_summarized++;
      n_annotations += am_corpus_item_get_n_annotations (item);
      n_problems += am_corpus_item_get_problem (item) != NULL;
      switch (am_corpus_item_get_status (item))
        {
        case AM_DOCUMENT_STATUS_NEW:
          n_new++;
          break;
        case AM_DOCUMENT_STATUS_IN_PROGRESS:
          n_in_progress++;
          break;
        case AM_DOCUMENT_STATUS_DONE:
          n_done++;
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_object_freeze_notify (G_OBJECT (self));
#define SET_TOTAL(field, prop) \
  if (self->field != field) \
    { \
      self->field = field; \
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
    }
  SET_TOTAL (n_summarized, PROP_N_SUMMARIZED);
  SET_TOTAL (n_new, PROP_N_NEW);
  SET_TOTAL (n_in_progress, PROP_N_IN_PROGRESS);
  SET_TOTAL (n_done, PROP_N_DONE);
  SET_TOTAL (n_annotations, PROP_N_ANNOTATIONS);
  SET_TOTAL (n_problems, PROP_N_PROBLEMS);
#undef SET_TOTAL
  g_object_thaw_notify (G_OBJECT (self));
}

static void
am_corpus_dispose (GObject *object)
{
  AmCorpus *self = (AmCorpus *)object;

  am_corpus_set_watching (self, FALSE);
  g_clear_object (&self->folder);
  g_clear_object (&self->schema);
  if (self->items != NULL)
    g_ptr_array_set_size (self->items, 0);
  if (self->by_name != NULL)
    g_hash_table_remove_all (self->by_name);

  G_OBJECT_CLASS (am_corpus_parent_class)->dispose (object);
}

static void
am_corpus_finalize (GObject *object)
{
  AmCorpus *self = (AmCorpus *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->by_name, g_hash_table_unref);
  g_clear_pointer (&self->waiters, g_ptr_array_unref);
  g_mutex_clear (&self->schema_lock);

  G_OBJECT_CLASS (am_corpus_parent_class)->finalize (object);
}

static void
am_corpus_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmCorpus *self = AM_CORPUS (object);

  switch (prop_id)
    {
    case PROP_FOLDER:
      g_value_set_object (value, self->folder);
      break;

    case PROP_SCHEMA:
      g_value_set_object (value, self->schema);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_N_SUMMARIZED:
      g_value_set_uint (value, self->n_summarized);
      break;

    case PROP_N_NEW:
      g_value_set_uint (value, self->n_new);
      break;

    case PROP_N_IN_PROGRESS:
      g_value_set_uint (value, self->n_in_progress);
      break;

    case PROP_N_DONE:
      g_value_set_uint (value, self->n_done);
      break;

    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, self->n_annotations);
      break;

    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->n_runs > 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_corpus_class_init (AmCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = am_corpus_dispose;
  object_class->finalize = am_corpus_finalize;
  object_class->get_property = am_corpus_get_property;

  properties[PROP_FOLDER] = g_param_spec_object ("folder", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_SCHEMA] =
    g_param_spec_object ("schema", NULL, NULL, AM_TYPE_LABEL_SCHEMA, ro);
  properties[PROP_N_ITEMS] = g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_SUMMARIZED] =
    g_param_spec_uint ("n-summarized", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_NEW] = g_param_spec_uint ("n-new", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_IN_PROGRESS] =
    g_param_spec_uint ("n-in-progress", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_DONE] = g_param_spec_uint ("n-done", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_LOADING] = g_param_spec_boolean ("loading", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_corpus_init (AmCorpus *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_name = g_hash_table_new (g_str_hash, g_str_equal);
  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  g_mutex_init (&self->schema_lock);
}

static GType
am_corpus_get_item_type (GListModel *model)
{
  return AM_TYPE_CORPUS_ITEM;
}

static guint
am_corpus_get_n_items (GListModel *model)
{
  return AM_CORPUS (model)->items->len;
}

static gpointer
am_corpus_get_item (GListModel *model,
                    guint       position)
{
  AmCorpus *self = AM_CORPUS (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
am_corpus_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = am_corpus_get_item_type;
  iface->get_n_items = am_corpus_get_n_items;
  iface->get_item = am_corpus_get_item;
}

/* Replaces the items by those of @entries, keeping the objects of names
 * that stay, and announces the change as one span between the unchanged
 * head and tail, so that a list view keeps its scroll position and
 * selection when a few files come or go. */
static void
apply_entries (AmCorpus  *self,
               GPtrArray *entries)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (entries->len, g_object_unref);
  guint old_n = self->items->len;
  guint head = 0, tail = 0;
  guint i;

  for (i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);
      AmCorpusItem *item = g_hash_table_lookup (self->by_name, entry->name);

      if (item != NULL)
        {
          g_object_ref (item);
          _am_corpus_item_set_files (item, entry->article, entry->has_document);
          if (_am_corpus_item_get_stamp (item) != entry->stamp)
            _am_corpus_item_invalidate (item);
        }
      else
        item = _am_corpus_item_new (entry->name, entry->article, entry->document,
                                    entry->has_document);
      _am_corpus_item_set_stamp (item, entry->stamp);
      g_ptr_array_add (items, item);
    }

  while (head < old_n && head < items->len &&
         g_ptr_array_index (self->items, head) == g_ptr_array_index (items, head))
    head++;
  while (tail < old_n - head && tail < items->len - head &&
         g_ptr_array_index (self->items, old_n - 1 - tail) ==
         g_ptr_array_index (items, items->len - 1 - tail))
    tail++;

  g_hash_table_remove_all (self->by_name);
  for (i = 0; i < items->len; i++)
    {
      AmCorpusItem *item = g_ptr_array_index (items, i);

      g_hash_table_insert (self->by_name, (char *)am_corpus_item_get_name (item), item);
    }
  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);

  if (old_n - head - tail > 0 || self->items->len - head - tail > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), head, old_n - head - tail,
                                  self->items->len - head - tail);
      if (old_n != self->items->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  update_totals (self);
}

/**
 * am_corpus_open:
 * @folder: the corpus folder
 *
 * Returns: (transfer full): the corpus, or %NULL with @error in
 *   %AM_CORPUS_ERROR
 */
AmCorpus *
am_corpus_open (GFile   *folder,
                GError **error)
{
  g_autoptr(AmCorpus) self = NULL;

  g_return_val_if_fail (G_IS_FILE (folder), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (AM_TYPE_CORPUS, NULL);
  self->folder = g_object_ref (folder);
  if (!am_corpus_reload (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * am_corpus_get_folder:
 *
 * Returns: (transfer none): the folder
 */
GFile *
am_corpus_get_folder (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), NULL);
  return self->folder;
}

/**
 * am_corpus_get_schema:
 *
 * Returns: (transfer none) (nullable): the schema of schema.json
 */
AmLabelSchema *
am_corpus_get_schema (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), NULL);
  return self->schema;
}

gboolean
am_corpus_reload (AmCorpus  *self,
                  GError   **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(AmLabelSchema) schema = NULL;

  g_return_val_if_fail (AM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  entries = list_folder (self->folder, error);
  if (entries == NULL)
    return FALSE;
  if (!read_schema (self->folder, &schema, error))
    return FALSE;

  if (self->schema != schema &&
      (self->schema == NULL || schema == NULL || !am_label_schema_equal (self->schema, schema)))
    {
      g_set_object (&self->schema, schema);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCHEMA]);
    }
  apply_entries (self, entries);
  return TRUE;
}

static void
watch_loaded_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!am_corpus_load_summaries_finish (AM_CORPUS (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("Could not load the summaries: %s", error->message);
}

static gboolean
reload_cb (gpointer user_data)
{
  AmCorpus *self = user_data;
  g_autoptr(GError) error = NULL;

  self->reload_source = 0;
  /* A folder that went away or a schema.json being written leaves the list
   * as it was; the next change tries again. */
  if (!am_corpus_reload (self, &error))
    g_debug ("Could not reload the corpus: %s", error->message);
  am_corpus_load_summaries_async (self, self->watch_cancellable, watch_loaded_cb, NULL);
  return G_SOURCE_REMOVE;
}

static void
monitor_changed_cb (GFileMonitor      *monitor,
                    GFile             *file,
                    GFile             *other_file,
                    GFileMonitorEvent  event,
                    AmCorpus          *self)
{
  if (event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED ||
      event == G_FILE_MONITOR_EVENT_PRE_UNMOUNT)
    return;
  if (self->reload_source == 0)
    {
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->reload_source),
                                "[argumark] corpus reload");
    }
}

void
am_corpus_set_watching (AmCorpus *self,
                        gboolean  watching)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AM_IS_CORPUS (self));

  if (!watching)
    {
      g_clear_handle_id (&self->reload_source, g_source_remove);
      if (self->watch_cancellable != NULL)
        g_cancellable_cancel (self->watch_cancellable);
      g_clear_object (&self->watch_cancellable);
      if (self->monitor != NULL)
        {
          g_signal_handlers_disconnect_by_data (self->monitor, self);
          g_file_monitor_cancel (self->monitor);
        }
      g_clear_object (&self->monitor);
      return;
    }

  if (self->monitor != NULL)
    return;
  self->monitor = g_file_monitor_directory (self->folder, G_FILE_MONITOR_WATCH_MOVES, NULL,
                                            &error);
  if (self->monitor == NULL)
    {
      g_debug ("Cannot watch the corpus folder: %s", error->message);
      return;
    }
  self->watch_cancellable = g_cancellable_new ();
  g_signal_connect (self->monitor, "changed", G_CALLBACK (monitor_changed_cb), self);
}

gboolean
am_corpus_get_watching (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), FALSE);
  return self->monitor != NULL;
}

/* Summaries in the background. */

typedef struct
{
  AmCorpusItem *item;
  GFile        *article;
  GFile        *document;
  guint         generation;
} Job;

typedef struct
{
  AmCorpusItem    *item;
  AmCorpusSummary *summary;
  guint            generation;
} Result;

typedef struct
{
  AmCorpus     *corpus;
  GArray       *jobs;
  GCancellable *cancellable;
  /* Summaries dropped because their files changed while being read. */
  guint         n_stale;
  GMainContext *context;
  GMutex        lock;
  GArray       *results;
  GSource      *flush_source;
} Run;

static void
job_clear (Job *job)
{
  g_clear_object (&job->item);
  g_clear_object (&job->article);
  g_clear_object (&job->document);
}

static void
result_clear (Result *result)
{
  g_clear_object (&result->item);
  g_clear_pointer (&result->summary, _am_corpus_summary_free);
}

static void
run_free (Run *run)
{
  g_assert (run->flush_source == NULL);
  g_clear_object (&run->corpus);
  g_clear_object (&run->cancellable);
  g_clear_pointer (&run->jobs, g_array_unref);
  g_clear_pointer (&run->results, g_array_unref);
  g_clear_pointer (&run->context, g_main_context_unref);
  g_mutex_clear (&run->lock);
  g_free (run);
}

/* Called on the corpus' context. */
static void
run_flush (Run *run)
{
  g_autoptr(GArray) results = NULL;
  guint i;

  g_mutex_lock (&run->lock);
  results = g_steal_pointer (&run->results);
  run->results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_array_set_clear_func (run->results, (GDestroyNotify)result_clear);
  if (run->flush_source != NULL)
    {
      g_source_destroy (run->flush_source);
      g_clear_pointer (&run->flush_source, g_source_unref);
    }
  g_mutex_unlock (&run->lock);

  if (results->len == 0)
    return;
  for (i = 0; i < results->len; i++)
    {
      Result *result = &g_array_index (results, Result, i);

      _am_corpus_item_set_queued (result->item, FALSE);
      if (result->generation != _am_corpus_item_get_generation (result->item))
        run->n_stale++;
      else
        _am_corpus_item_apply_summary (result->item, result->summary);
    }
  update_totals (run->corpus);
}

static gboolean
run_flush_cb (gpointer data)
{
  run_flush (data);
  return G_SOURCE_REMOVE;
}

static void
run_worker (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  Run *run = task_data;
  guint i;

  for (i = 0; i < run->jobs->len; i++)
    {
      Job *job = &g_array_index (run->jobs, Job, i);
      Result result;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      result.item = g_object_ref (job->item);
      result.generation = job->generation;
      result.summary = _am_corpus_summarize (job->article, job->document, cancellable);

      g_mutex_lock (&run->lock);
      g_array_append_val (run->results, result);
      if (run->flush_source == NULL)
        {
          run->flush_source = g_timeout_source_new (FLUSH_INTERVAL_MS);
          /* Below redrawing, so that the list shows while summaries pour in. */
          g_source_set_priority (run->flush_source, G_PRIORITY_DEFAULT_IDLE);
          g_source_set_static_name (run->flush_source, "[argumark] corpus summaries");
          g_source_set_callback (run->flush_source, run_flush_cb, run, NULL);
          g_source_attach (run->flush_source, run->context);
        }
      g_mutex_unlock (&run->lock);
    }

  g_task_return_boolean (task, TRUE);
}

static void
complete_waiters (AmCorpus *self)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->waiters);
  guint i;

  self->waiters = g_ptr_array_new_with_free_func (g_object_unref);
  for (i = 0; i < waiters->len; i++)
    g_task_return_boolean (g_ptr_array_index (waiters, i), TRUE);
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = g_task_get_task_data (G_TASK (result));
  g_autoptr(AmCorpus) self = g_object_ref (run->corpus);
  guint i;

  run_flush (run);
  /* Jobs a cancellation left undone may be queued again. */
  for (i = 0; i < run->jobs->len; i++)
    _am_corpus_item_set_queued (g_array_index (run->jobs, Job, i).item, FALSE);

  /* Files that changed under the worker are read again before the waiters
   * hear that all is loaded. */
  if (run->n_stale > 0 && !g_cancellable_is_cancelled (run->cancellable))
    am_corpus_load_summaries_async (self, run->cancellable, NULL, NULL);

  g_assert (self->n_runs > 0);
  self->n_runs--;
  if (self->n_runs == 0)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      complete_waiters (self);
    }
}

/**
 * am_corpus_load_summaries_async:
 *
 * Loads the unknown summaries in a worker thread. The corpus lives until
 * the load ends: cancel @cancellable to stop it early, for example when a
 * window drops the corpus for another one.
 */
void
am_corpus_load_summaries_async (AmCorpus            *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Run *run;
  guint i;

  g_return_if_fail (AM_IS_CORPUS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_corpus_load_summaries_async);

  run = g_new0 (Run, 1);
  run->corpus = g_object_ref (self);
  run->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  run->context = g_main_context_ref_thread_default ();
  g_mutex_init (&run->lock);
  run->jobs = g_array_new (FALSE, TRUE, sizeof (Job));
  g_array_set_clear_func (run->jobs, (GDestroyNotify)job_clear);
  run->results = g_array_new (FALSE, TRUE, sizeof (Result));
  g_array_set_clear_func (run->results, (GDestroyNotify)result_clear);

  for (i = 0; i < self->items->len; i++)
    {
      AmCorpusItem *item = g_ptr_array_index (self->items, i);
      Job job;

      if (am_corpus_item_get_summarized (item) || _am_corpus_item_get_queued (item))
        continue;
      _am_corpus_item_set_queued (item, TRUE);
      job.item = g_object_ref (item);
      job.generation = _am_corpus_item_get_generation (item);
      job.article = am_corpus_item_get_article_file (item) != NULL
        ? g_object_ref (am_corpus_item_get_article_file (item)) : NULL;
      job.document = am_corpus_item_get_has_document (item)
        ? g_object_ref (am_corpus_item_get_document_file (item)) : NULL;
      g_array_append_val (run->jobs, job);
    }

  if (run->jobs->len == 0)
    {
      run_free (run);
      if (self->n_runs == 0)
        g_task_return_boolean (task, TRUE);
      else
        g_ptr_array_add (self->waiters, g_steal_pointer (&task));
      return;
    }

  g_ptr_array_add (self->waiters, g_steal_pointer (&task));
  self->n_runs++;
  if (self->n_runs == 1)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  worker = g_task_new (NULL, cancellable, run_done_cb, NULL);
  g_task_set_source_tag (worker, am_corpus_load_summaries_async);
  g_task_set_task_data (worker, run, (GDestroyNotify)run_free);
  g_task_run_in_thread (worker, run_worker);
}

gboolean
am_corpus_load_summaries_finish (AmCorpus      *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
am_corpus_load_summaries (AmCorpus      *self,
                          GCancellable  *cancellable,
                          GError       **error)
{
  guint i;

  g_return_val_if_fail (AM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (i = 0; i < self->items->len; i++)
    {
      AmCorpusItem *item = g_ptr_array_index (self->items, i);
      g_autoptr(AmCorpusSummary) summary = NULL;

      if (am_corpus_item_get_summarized (item) || _am_corpus_item_get_queued (item))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          update_totals (self);
          return FALSE;
        }
      summary = _am_corpus_summarize (am_corpus_item_get_article_file (item),
                                      am_corpus_item_get_has_document (item)
                                        ? am_corpus_item_get_document_file (item) : NULL,
                                      cancellable);
      _am_corpus_item_apply_summary (item, summary);
    }
  update_totals (self);
  return TRUE;
}

gboolean
am_corpus_get_loading (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), FALSE);
  return self->n_runs > 0;
}

guint
am_corpus_get_n_summarized (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), 0);
  return self->n_summarized;
}

guint
am_corpus_get_n_new (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), 0);
  return self->n_new;
}

guint
am_corpus_get_n_in_progress (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), 0);
  return self->n_in_progress;
}

guint
am_corpus_get_n_done (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), 0);
  return self->n_done;
}

guint
am_corpus_get_n_annotations (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), 0);
  return self->n_annotations;
}

guint
am_corpus_get_n_problems (AmCorpus *self)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), 0);
  return self->n_problems;
}

/**
 * am_corpus_lookup:
 *
 * Returns: (transfer none) (nullable): the item called @name
 */
AmCorpusItem *
am_corpus_lookup (AmCorpus   *self,
                  const char *name)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->by_name, name);
}

gboolean
am_corpus_find_item (AmCorpus     *self,
                     AmCorpusItem *item,
                     guint        *position)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), FALSE);
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (item), FALSE);

  if (g_hash_table_lookup (self->by_name, am_corpus_item_get_name (item)) != item)
    return FALSE;
  return g_ptr_array_find (self->items, item, position);
}

static AmCorpusItem *
dup_neighbour (AmCorpus     *self,
               AmCorpusItem *item,
               int           step)
{
  guint position;

  if (!am_corpus_find_item (self, item, &position))
    return NULL;
  if ((step < 0 && position == 0) || (step > 0 && position + 1 >= self->items->len))
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position + step));
}

/**
 * am_corpus_dup_next:
 *
 * Returns: (transfer full) (nullable): the item after @item
 */
AmCorpusItem *
am_corpus_dup_next (AmCorpus     *self,
                    AmCorpusItem *item)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (item), NULL);
  return dup_neighbour (self, item, 1);
}

/**
 * am_corpus_dup_previous:
 *
 * Returns: (transfer full) (nullable): the item before @item
 */
AmCorpusItem *
am_corpus_dup_previous (AmCorpus     *self,
                        AmCorpusItem *item)
{
  g_return_val_if_fail (AM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (item), NULL);
  return dup_neighbour (self, item, -1);
}

/**
 * am_corpus_open_item:
 *
 * Several threads may open items at once, as long as the corpus is not
 * reloaded, refreshed or watched meanwhile and its schema is not read.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
AmDocument *
am_corpus_open_item (AmCorpus      *self,
                     AmCorpusItem  *item,
                     AmLoadReport **report,
                     GError       **error)
{
  g_autoptr(AmDocument) article = NULL;
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(AmLabelSchema) schema = NULL;
  GFile *article_file;

  g_return_val_if_fail (AM_IS_CORPUS (self), NULL);
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (item), NULL);
  g_return_val_if_fail (report == NULL || *report == NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  article_file = am_corpus_item_get_article_file (item);
  if (am_corpus_item_get_has_document (item) || article_file == NULL)
    return am_document_load (am_corpus_item_get_document_file (item), report, error);

  article = am_document_new_from_article (article_file, error);
  if (article == NULL)
    return NULL;

  if (self->schema != NULL)
    {
      g_auto(GStrv) keys = am_document_dup_meta_keys (article);
      guint i;

      g_mutex_lock (&self->schema_lock);
      schema = am_label_schema_copy (self->schema);
      g_mutex_unlock (&self->schema_lock);
      document = am_document_new_for_text (am_document_get_text (article), schema);
      for (i = 0; keys[i] != NULL; i++)
        am_document_set_meta (document, keys[i], am_document_get_meta (article, keys[i]));
    }
  else
    document = g_steal_pointer (&article);

  if (!am_document_has_meta (document, "id"))
    am_document_set_meta (document, "id", am_corpus_item_get_name (item));
  am_document_clear_history (document);
  am_document_mark_saved (document);

  if (report != NULL)
    *report = am_load_report_new ();
  return g_steal_pointer (&document);
}

void
am_corpus_refresh_item (AmCorpus     *self,
                        AmCorpusItem *item,
                        AmDocument   *document)
{
  g_autoptr(AmCorpusSummary) summary = NULL;
  GFile *document_file;
  gboolean has_document;

  g_return_if_fail (AM_IS_CORPUS (self));
  g_return_if_fail (AM_IS_CORPUS_ITEM (item));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  document_file = am_corpus_item_get_document_file (item);
  has_document = g_file_query_exists (document_file, NULL);
  _am_corpus_item_set_files (item, am_corpus_item_get_article_file (item), has_document);

  /* A summary being read in the background is older than this one. */
  _am_corpus_item_bump (item);
  if (document != NULL)
    summary = _am_corpus_summarize_document (document);
  else
    summary = _am_corpus_summarize (am_corpus_item_get_article_file (item),
                                    has_document ? document_file : NULL, NULL);
  _am_corpus_item_apply_summary (item, summary);
  update_totals (self);
}

/* The exporters' iterator. */

struct _AmCorpusIter
{
  AmCorpus     *corpus;
  GPtrArray    *items;
  guint         position;
  AmDocument   *document;
  AmLoadReport *report;
};

/**
 * am_corpus_iter_new:
 *
 * Returns: (transfer full): an iterator over the items as they are now
 */
AmCorpusIter *
am_corpus_iter_new (AmCorpus *corpus)
{
  AmCorpusIter *iter;

  g_return_val_if_fail (AM_IS_CORPUS (corpus), NULL);

  iter = g_new0 (AmCorpusIter, 1);
  iter->corpus = g_object_ref (corpus);
  iter->items = g_ptr_array_copy (corpus->items, (GCopyFunc)(void (*) (void))g_object_ref, NULL);
  g_ptr_array_set_free_func (iter->items, g_object_unref);
  return iter;
}

gboolean
am_corpus_iter_next (AmCorpusIter  *iter,
                     AmCorpusItem **out_item,
                     AmDocument   **out_document,
                     AmLoadReport **out_report,
                     GError       **error)
{
  AmCorpusItem *item;

  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (out_item != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_object (&iter->document);
  g_clear_object (&iter->report);
  if (out_document != NULL)
    *out_document = NULL;
  if (out_report != NULL)
    *out_report = NULL;

  if (iter->position >= iter->items->len)
    {
      *out_item = NULL;
      return TRUE;
    }

  item = g_ptr_array_index (iter->items, iter->position++);
  *out_item = item;
  iter->document = am_corpus_open_item (iter->corpus, item, &iter->report, error);
  if (iter->document == NULL)
    return FALSE;

  if (out_document != NULL)
    *out_document = iter->document;
  if (out_report != NULL)
    *out_report = iter->report;
  return TRUE;
}

guint
am_corpus_iter_get_position (AmCorpusIter *iter)
{
  g_return_val_if_fail (iter != NULL, 0);
  return iter->position;
}

guint
am_corpus_iter_get_n_items (AmCorpusIter *iter)
{
  g_return_val_if_fail (iter != NULL, 0);
  return iter->items->len;
}

void
am_corpus_iter_free (AmCorpusIter *iter)
{
  if (iter == NULL)
    return;
  g_clear_object (&iter->document);
  g_clear_object (&iter->report);
  g_clear_pointer (&iter->items, g_ptr_array_unref);
  g_clear_object (&iter->corpus);
  g_free (iter);
}

/* File names. */

static gboolean
is_reserved_on_windows (const char *name)
{
  static const char * const reserved[] = { "CON", "PRN", "AUX", "NUL", NULL };
  gsize base_len = strcspn (name, ".");
  guint i;

  for (i = 0; reserved[i] != NULL; i++)
    if (base_len == 3 && g_ascii_strncasecmp (name, reserved[i], 3) == 0)
      return TRUE;
  return base_len == 4 &&
         (g_ascii_strncasecmp (name, "COM", 3) == 0 || g_ascii_strncasecmp (name, "LPT", 3) == 0) &&
         name[3] >= '1' && name[3] <= '9';
}

/* At most @max bytes of @str, cut at a character boundary. */
static void
truncate_utf8 (GString *str,
               gsize    max)
{
  const char *cut;

  if (str->len <= max)
    return;
  cut = g_utf8_find_prev_char (str->str, str->str + max + 1);
  g_string_truncate (str, cut != NULL ? (gsize)(cut - str->str) : 0);
}

static void
trim_name (GString *str)
{
  gsize start = 0;

  while (start < str->len && (str->str[start] == '.' || str->str[start] == ' '))
    start++;
  g_string_erase (str, 0, start);
  while (str->len > 0 && (str->str[str->len - 1] == '.' || str->str[str->len - 1] == ' '))
    g_string_truncate (str, str->len - 1);
}

/**
 * am_corpus_make_name:
 * @id: (nullable): a record id
 * @taken: (nullable): case-folded names already used
 *
 * Returns: (transfer full): a safe, and with @taken unique, file name stem
 */
char *
am_corpus_make_name (const char *id,
                     GHashTable *taken)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  const char *p;
  guint n;

  valid = g_utf8_make_valid (id != NULL ? id : "", -1);
  normal = g_utf8_normalize (g_strstrip (valid), -1, G_NORMALIZE_NFC);

  for (p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
          (c < 0x80 && strchr ("/\\:*?\"<>|", (int)c) != NULL) ||
          g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  trim_name (name);
  truncate_utf8 (name, MAX_NAME_BYTES);
  trim_name (name);
  if (name->len == 0)
    g_string_assign (name, "document");
  if (is_reserved_on_windows (name->str))
    g_string_prepend_c (name, '_');

  if (taken == NULL)
    return g_string_free (g_steal_pointer (&name), FALSE);

  for (n = 1; ; n++)
    {
      g_autoptr(GString) candidate = g_string_new (name->str);
      g_autofree char *folded = NULL;

      if (n > 1)
        {
          char suffix[16];

          g_snprintf (suffix, sizeof suffix, "-%u", n);
          truncate_utf8 (candidate, MAX_NAME_BYTES - strlen (suffix));
          g_string_append (candidate, suffix);
        }
      folded = g_utf8_casefold (candidate->str, -1);
      if (!g_hash_table_contains (taken, folded))
        {
          g_hash_table_add (taken, g_steal_pointer (&folded));
          return g_string_free (g_steal_pointer (&candidate), FALSE);
        }
    }
}
