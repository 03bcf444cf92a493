/* am-corpus-sidebar.h: the documents of a corpus folder, with progress
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-corpus.h"

G_BEGIN_DECLS

#define AM_TYPE_CORPUS_SIDEBAR (am_corpus_sidebar_get_type ())

/* One row per document (title, status in words, annotation count, a mark
 * when the file cannot be read) and, above them, the folder, a progress
 * bar of the documents done and the totals. Its buttons activate
 * "win.previous-document", "win.next-document" and "doc.mark-done" on its
 * ancestors. A click on a row, or Enter, emits ::item-activated; the
 * window decides what opening a document means (saving the current one
 * first).
 */
G_DECLARE_FINAL_TYPE (AmCorpusSidebar, am_corpus_sidebar, AM, CORPUS_SIDEBAR, GtkWidget)

GtkWidget    *am_corpus_sidebar_new          (void);

AmCorpus     *am_corpus_sidebar_get_corpus   (AmCorpusSidebar *self);
void          am_corpus_sidebar_set_corpus   (AmCorpusSidebar *self,
                                              AmCorpus        *corpus);
/* Selects and scrolls to the document shown in the window. */
AmCorpusItem *am_corpus_sidebar_get_current  (AmCorpusSidebar *self);
void          am_corpus_sidebar_set_current  (AmCorpusSidebar *self,
                                              AmCorpusItem    *item);
/* The progress line, as shown ("2 of 5 done"), for tests and tooltips. */
const char   *am_corpus_sidebar_get_progress_text (AmCorpusSidebar *self);

G_END_DECLS
