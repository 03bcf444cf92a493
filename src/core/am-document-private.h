/* am-document-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-document.h"

G_BEGIN_DECLS

/* Annotations the loader could not place on the text. They are kept, shown to
 * the user and written back on save, so that nothing is lost silently.
 */
void _am_document_add_orphan (AmDocument   *self,
                              AmAnnotation *annotation);

/* Loading: indexed as by am_document_insert_annotation(), but not undoable
 * and without signals; _am_document_end_bulk() adds them all to the
 * annotations model at once, sorted. For a document no one watches yet. The
 * caller checks the label and the span; @quote_matches says whether the
 * annotation's quote is the text of its span (if not, the quote is set).
 */
gboolean _am_document_insert_annotation_bulk (AmDocument    *self,
                                              AmAnnotation  *annotation,
                                              gboolean       quote_matches,
                                              GError       **error);
void     _am_document_end_bulk               (AmDocument    *self);

G_END_DECLS
