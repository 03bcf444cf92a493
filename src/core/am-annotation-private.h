/* am-annotation-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-annotation.h"

G_BEGIN_DECLS

AmAnnotation *_am_annotation_new_loaded (const char         *id,
                                         const char         *label,
                                         guint               start,
                                         guint               end,
                                         const char         *quote,
                                         const char         *note,
                                         const char         *author,
                                         const char         *created,
                                         const char         *modified,
                                         const char * const *sources);

/* Only the document changes an annotation, so that every change is recorded
 * for undo. These setters notify but record nothing.
 */
void _am_annotation_set_id       (AmAnnotation       *self,
                                  const char         *id);
void _am_annotation_set_label    (AmAnnotation       *self,
                                  const char         *label);
void _am_annotation_set_span     (AmAnnotation       *self,
                                  guint               start,
                                  guint               end,
                                  const char         *quote);
void _am_annotation_set_note     (AmAnnotation       *self,
                                  const char         *note);
void _am_annotation_set_author   (AmAnnotation       *self,
                                  const char         *author);
void _am_annotation_set_created  (AmAnnotation       *self,
                                  const char         *created);
void _am_annotation_set_modified (AmAnnotation       *self,
                                  const char         *modified);
void _am_annotation_set_sources  (AmAnnotation       *self,
                                  const char * const *sources);

G_END_DECLS
