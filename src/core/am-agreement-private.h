/* am-agreement-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-agreement.h"

G_BEGIN_DECLS

/* One annotation as the agreement, the diff and the adjudication see it. */
typedef struct
{
  guint         start;
  guint         end;
  guint         label;        /* index into a shared array of label ids */
  AmAnnotation *annotation;   /* borrowed from the document */
} AmAgreementSpan;

void _am_agreement_collect_spans (AmDocument  *document,
                                  GPtrArray   *labels,
                                  GHashTable  *index_of,
                                  GArray     **spans,
                                  GArray     **links);
void _am_agreement_match         (GArray      *spans_a,
                                  GArray      *spans_b,
                                  guint        n_labels,
                                  guint       *match_a,
                                  guint       *match_b,
                                  guint       *label_a,
                                  guint       *label_b);

G_END_DECLS
