/* am-corpus-item.h: one document of a corpus folder, with a cheap summary
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_CORPUS_ITEM (am_corpus_item_get_type ())

G_DECLARE_FINAL_TYPE (AmCorpusItem, am_corpus_item, AM, CORPUS_ITEM, GObject)

/* An item is the pair NAME.txt / NAME.argumark.json of a corpus folder; either
 * file may be missing (not both). Items are made by AmCorpus only.
 *
 * The summary (title, status, counts) starts out unknown: "summarized" is
 * FALSE, the title is the name, the status is new and the counts are 0. It
 * is filled in by am_corpus_load_summaries*() or am_corpus_refresh_item(),
 * and each change is announced with notify (on the main context of the
 * corpus), so that a list row bound to these properties updates itself.
 *
 * Properties: "name", "title", "status" (AmDocumentStatus as int),
 * "n-annotations", "n-links", "summarized" (boolean), "problem" (string or
 * NULL: why the document could not be read, for a person).
 */

/* The file name stem shared by the two files: "NAME". */
const char       *am_corpus_item_get_name            (AmCorpusItem *self);
/* NAME.txt, or NULL when the corpus has only the document. */
GFile            *am_corpus_item_get_article_file    (AmCorpusItem *self);
/* NAME.argumark.json: where the document is (or will be) saved. Never NULL. */
GFile            *am_corpus_item_get_document_file   (AmCorpusItem *self);
/* Whether NAME.argumark.json existed when the folder was last read or the
 * item refreshed. */
gboolean          am_corpus_item_get_has_document    (AmCorpusItem *self);

gboolean          am_corpus_item_get_summarized      (AmCorpusItem *self);
/* The document's title, or the first non-empty line of the article, or the
 * name until the summary is known. */
const char       *am_corpus_item_get_title           (AmCorpusItem *self);
AmDocumentStatus  am_corpus_item_get_status          (AmCorpusItem *self);
guint             am_corpus_item_get_n_annotations   (AmCorpusItem *self);
guint             am_corpus_item_get_n_links         (AmCorpusItem *self);
const char       *am_corpus_item_get_problem         (AmCorpusItem *self);

G_END_DECLS
