/* am-document-io.h: reading and writing Argumark documents and articles
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-document.h"
#include "am-load-report.h"

G_BEGIN_DECLS

/* The version of the JSON format (docs/format.md) this build reads and writes. */
#define AM_FORMAT_VERSION 1

/* Argumark JSON documents (docs/format.md). Loading validates everything;
 * on failure the error is in AM_DOCUMENT_ERROR and its message names the
 * JSON path ("annotations[3].end") and what is wrong. Annotations whose quote
 * no longer matches are re-anchored or kept as orphans, and @report says so.
 * The loaded document has no undo history and is not modified.
 */
AmDocument *am_document_load                (GFile                *file,
                                             AmLoadReport        **report,
                                             GError              **error);
AmDocument *am_document_load_from_data      (const char           *data,
                                             gsize                 length,
                                             AmLoadReport        **report,
                                             GError              **error);

/* Plain-text articles: UTF-8 with or without BOM, UTF-16 with BOM; CRLF and
 * CR become LF. The title is the first non-empty line; meta "source" is the
 * file's path or URI. The document is new and not modified.
 */
AmDocument *am_document_new_from_article      (GFile              *file,
                                               GError            **error);
AmDocument *am_document_new_from_article_data (const char         *data,
                                               gsize               length,
                                               GError            **error);

/* Either of the above, by content: an Argumark JSON document or an article. */
AmDocument *am_document_open                (GFile                *file,
                                             AmLoadReport        **report,
                                             GError              **error);

/* The deterministic, pretty-printed JSON of the document: the same model
 * always gives the same bytes.
 */
GBytes     *am_document_to_bytes            (AmDocument           *self);

/* Atomic: a temporary file in the same folder, renamed over @file. On
 * failure the old file is untouched and the error is AM_DOCUMENT_ERROR_IO
 * with a message a person can act on. On success the document is marked
 * saved (not modified).
 */
gboolean    am_document_save                (AmDocument           *self,
                                             GFile                *file,
                                             GError              **error);
void        am_document_save_async          (AmDocument           *self,
                                             GFile                *file,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
gboolean    am_document_save_finish         (AmDocument           *self,
                                             GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
