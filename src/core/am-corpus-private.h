/* am-corpus-private.h: what AmCorpus and AmCorpusItem share
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-corpus.h"

G_BEGIN_DECLS

/* What the list shows of a document, found without loading it. */
typedef struct
{
  char             *title;
  AmDocumentStatus  status;
  guint             n_annotations;
  guint             n_links;
  char             *problem;
} AmCorpusSummary;

void              _am_corpus_summary_free        (AmCorpusSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmCorpusSummary, _am_corpus_summary_free)

/* Thread-safe: reads the files only. @document is NULL when there is no
 * NAME.argumark.json. */
AmCorpusSummary  *_am_corpus_summarize           (GFile           *article,
                                                  GFile           *document,
                                                  GCancellable    *cancellable);
AmCorpusSummary  *_am_corpus_summarize_document  (AmDocument      *document);
/* Parses as little of the JSON as it can; FALSE if @data is not a readable
 * Argumark document (then summary->problem says why). */
gboolean          _am_corpus_scan_document       (const char      *data,
                                                  gsize            length,
                                                  AmCorpusSummary *summary);

AmCorpusItem     *_am_corpus_item_new            (const char      *name,
                                                  GFile           *article,
                                                  GFile           *document,
                                                  gboolean         has_document);
void              _am_corpus_item_set_files      (AmCorpusItem    *self,
                                                  GFile           *article,
                                                  gboolean         has_document);
void              _am_corpus_item_apply_summary  (AmCorpusItem    *self,
                                                  const AmCorpusSummary *summary);
void              _am_corpus_item_invalidate     (AmCorpusItem    *self);
/* A summary read before the last bump is out of date: it is dropped. */
guint             _am_corpus_item_get_generation (AmCorpusItem    *self);
void              _am_corpus_item_bump           (AmCorpusItem    *self);
gboolean          _am_corpus_item_get_queued     (AmCorpusItem    *self);
void              _am_corpus_item_set_queued     (AmCorpusItem    *self,
                                                  gboolean         queued);
/* Size and modification time of the two files when last listed, to see
 * which items changed on disk at a reload. */
guint64           _am_corpus_item_get_stamp      (AmCorpusItem    *self);
void              _am_corpus_item_set_stamp      (AmCorpusItem    *self,
                                                  guint64          stamp);

G_END_DECLS
