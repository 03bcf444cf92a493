/* am-diff-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-diff.h"

G_BEGIN_DECLS

/* Differences and adjudication track documents in a 64-bit set. */
#define AM_DIFF_MAX_DOCUMENTS 64

/* One distinct (start, end, label) found in any of the documents. */
typedef struct
{
  gatomicrefcount  ref_count;
  char            *label;
  guint            start;
  guint            end;
  char            *quote;
  guint64          documents;     /* bit d: document d has it */
  GStrv            annotators;    /* their names, in document order */
  GPtrArray       *annotations;   /* AmAnnotation, one per document that has it */
} AmCandidate;

AmCandidate *_am_candidate_ref   (AmCandidate        *self);
void         _am_candidate_unref (AmCandidate        *self);
gboolean     _am_diff_is_missing (AmDocument         *document);
GStrv        _am_diff_names      (AmDocument * const *documents,
                                  guint               n_documents,
                                  const char * const *names);
void         _am_diff_compute    (AmDocument * const *aligned,
                                  guint               n_documents,
                                  const char * const *names,
                                  GListStore        **differences,
                                  GPtrArray         **agreed);
AmCandidate *_am_difference_get_candidate (AmDifference *self,
                                           guint         candidate);

G_END_DECLS
