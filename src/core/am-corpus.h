/* am-corpus.h: a folder of articles and their Argumark documents
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-corpus-item.h"
#include "am-document.h"
#include "am-load-report.h"

G_BEGIN_DECLS

#define AM_CORPUS_ERROR (am_corpus_error_quark ())

/**
 * AmCorpusError:
 * @AM_CORPUS_ERROR_NOT_FOUND: the folder does not exist
 * @AM_CORPUS_ERROR_NOT_A_FOLDER: the path is a file, not a folder
 * @AM_CORPUS_ERROR_UNREADABLE: the folder (or schema.json) cannot be read
 * @AM_CORPUS_ERROR_BAD_SCHEMA: schema.json is not a valid label schema
 *
 * Error codes in the %AM_CORPUS_ERROR domain. Errors about one document
 * (opening an item) stay in %AM_DOCUMENT_ERROR.
 */
typedef enum
{
  AM_CORPUS_ERROR_NOT_FOUND,
  AM_CORPUS_ERROR_NOT_A_FOLDER,
  AM_CORPUS_ERROR_UNREADABLE,
  AM_CORPUS_ERROR_BAD_SCHEMA,
} AmCorpusError;

GQuark am_corpus_error_quark (void);

/* The file names of a corpus folder. */
#define AM_CORPUS_ARTICLE_SUFFIX  ".txt"
#define AM_CORPUS_DOCUMENT_SUFFIX ".argumark.json"
#define AM_CORPUS_SCHEMA_NAME     "schema.json"

#define AM_TYPE_CORPUS (am_corpus_get_type ())

/* A GListModel of AmCorpusItem, one per NAME (NAME.txt and/or
 * NAME.argumark.json; other files, hidden files and sub-folders are
 * ignored), sorted by name as a file manager does ("a2" before "a10", case
 * ignored).
 *
 * Properties (all read-only, with notify): "folder" (GFile), "schema"
 * (AmLabelSchema or NULL), "n-items", "n-summarized", "n-new",
 * "n-in-progress", "n-done", "n-annotations", "n-problems" (totals over
 * the summaries known so far; n-new + n-in-progress + n-done =
 * n-summarized; n-problems counts the documents that cannot be read), "loading"
 * (TRUE while summaries are being loaded in the background).
 */
G_DECLARE_FINAL_TYPE (AmCorpus, am_corpus, AM, CORPUS, GObject)

/* Lists the names (fast: no document is read) and reads schema.json if
 * there is one. Summaries are not loaded: call one of the functions below.
 */
AmCorpus      *am_corpus_open                   (GFile                *folder,
                                                 GError              **error);

GFile         *am_corpus_get_folder             (AmCorpus             *self);
/* The schema of schema.json, or NULL when the folder has none. */
AmLabelSchema *am_corpus_get_schema             (AmCorpus             *self);

/* Re-reads the folder: new names are added, vanished ones removed
 * (items-changed), kept items keep their object and summary; schema.json is
 * read again. Summaries of added items are unknown until loaded. On error
 * the corpus is unchanged.
 */
gboolean       am_corpus_reload                 (AmCorpus             *self,
                                                 GError              **error);

/* While watching, changes in the folder (files added, removed or written,
 * say by git pull or a synced drive) reload it after a short pause and
 * load the new summaries in the background, as am_corpus_reload() and
 * am_corpus_load_summaries_async() do. Off by default; turning it off
 * stops any load it started.
 */
void           am_corpus_set_watching           (AmCorpus             *self,
                                                 gboolean              watching);
gboolean       am_corpus_get_watching           (AmCorpus             *self);

/* Loads every unknown summary in a worker thread, parsing as little as it
 * can; items and totals are updated on the main context that was the
 * thread-default when this was called, in batches, as they arrive. A
 * second call while one runs joins it. Completes when all are loaded (or
 * cancelled: G_IO_ERROR_CANCELLED). A document that cannot be read is not
 * an error here: its item gets a "problem".
 */
void           am_corpus_load_summaries_async   (AmCorpus             *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean       am_corpus_load_summaries_finish  (AmCorpus             *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);
/* The same, in the calling thread (for the CLI). */
gboolean       am_corpus_load_summaries         (AmCorpus             *self,
                                                 GCancellable         *cancellable,
                                                 GError              **error);
gboolean       am_corpus_get_loading            (AmCorpus             *self);

guint          am_corpus_get_n_summarized       (AmCorpus             *self);
guint          am_corpus_get_n_new              (AmCorpus             *self);
guint          am_corpus_get_n_in_progress      (AmCorpus             *self);
guint          am_corpus_get_n_done             (AmCorpus             *self);
guint          am_corpus_get_n_annotations      (AmCorpus             *self);
guint          am_corpus_get_n_problems         (AmCorpus             *self);

/* (transfer none) The item called @name, or NULL. */
AmCorpusItem  *am_corpus_lookup                 (AmCorpus             *self,
                                                 const char           *name);
gboolean       am_corpus_find_item              (AmCorpus             *self,
                                                 AmCorpusItem         *item,
                                                 guint                *position);
/* (transfer full) The item after / before @item in the list, or NULL at
 * the end / start or when @item is no longer in the corpus. */
AmCorpusItem  *am_corpus_dup_next               (AmCorpus             *self,
                                                 AmCorpusItem         *item);
AmCorpusItem  *am_corpus_dup_previous           (AmCorpus             *self,
                                                 AmCorpusItem         *item);

/* Opens the item as a document: NAME.argumark.json when it exists (its own
 * schema), otherwise a new document from NAME.txt with the corpus schema
 * (or the default one) and meta "id" = NAME. The document is not modified
 * and has no history; save it to am_corpus_item_get_document_file(). Errors
 * are those of am_document_load / am_document_new_from_article. It may be
 * called from worker threads as long as the corpus is not reloaded or
 * refreshed meanwhile (and not watching).
 */
AmDocument    *am_corpus_open_item              (AmCorpus             *self,
                                                 AmCorpusItem         *item,
                                                 AmLoadReport        **report,
                                                 GError              **error);

/* Updates the item's summary (and the totals) after its document was saved
 * or changed: from @document when given (no I/O), otherwise by reading the
 * files again. */
void           am_corpus_refresh_item           (AmCorpus             *self,
                                                 AmCorpusItem         *item,
                                                 AmDocument           *document);

/* Document by document, for exporters: memory stays flat because each
 * document is released at the next call. The items are those of the corpus
 * when the iterator was made.
 *
 * am_corpus_iter_next() returns TRUE and sets *out_item (and *out_document,
 * *out_report when not NULL; all transfer none, valid until the next call)
 * for the next document, or TRUE with *out_item = NULL at the end. When a
 * document cannot be opened it returns FALSE with @error set and *out_item
 * naming it; the caller may report it and call next again.
 */
typedef struct _AmCorpusIter AmCorpusIter;

AmCorpusIter  *am_corpus_iter_new               (AmCorpus             *corpus);
gboolean       am_corpus_iter_next              (AmCorpusIter         *iter,
                                                 AmCorpusItem        **out_item,
                                                 AmDocument          **out_document,
                                                 AmLoadReport        **out_report,
                                                 GError              **error);
/* How many items the iterator has passed, and how many it has in all: for
 * a progress bar. */
guint          am_corpus_iter_get_position      (AmCorpusIter         *iter);
guint          am_corpus_iter_get_n_items       (AmCorpusIter         *iter);
void           am_corpus_iter_free              (AmCorpusIter         *iter);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmCorpusIter, am_corpus_iter_free)

/* A file name stem for a record id: safe on Linux, macOS and Windows (no
 * path separators, reserved characters, control characters, leading dots
 * or trailing dots and spaces; at most 100 bytes, cut at a character
 * boundary; "document" when nothing is left). When @taken is not NULL (a
 * set of case-folded names, as made by g_hash_table_new_full (g_str_hash,
 * g_str_equal, g_free, NULL)) the stem is made unique there with "-2",
 * "-3"… ignoring case, and added to it.
 */
char          *am_corpus_make_name              (const char           *id,
                                                 GHashTable           *taken);

G_END_DECLS
