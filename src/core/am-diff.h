/* am-diff.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-document.h"

G_BEGIN_DECLS

/**
 * AmDifferenceKind:
 * @AM_DIFFERENCE_LABEL: the same span with other labels
 * @AM_DIFFERENCE_BOUNDARY: overlapping spans of one label with other boundaries
 * @AM_DIFFERENCE_LABEL_AND_BOUNDARY: overlapping spans differing in both
 * @AM_DIFFERENCE_MISSING: a span some annotators have and the others do not
 *   (for two documents: only in A, or only in B)
 */
typedef enum
{
  AM_DIFFERENCE_LABEL,
  AM_DIFFERENCE_BOUNDARY,
  AM_DIFFERENCE_LABEL_AND_BOUNDARY,
  AM_DIFFERENCE_MISSING,
} AmDifferenceKind;

#define AM_TYPE_DIFFERENCE_KIND (am_difference_kind_get_type ())

GType am_difference_kind_get_type (void) G_GNUC_CONST;

#define AM_TYPE_DIFFERENCE (am_difference_get_type ())

G_DECLARE_FINAL_TYPE (AmDifference, am_difference, AM, DIFFERENCE, GObject)

AmDifferenceKind    am_difference_get_kind                 (AmDifference *self);
guint               am_difference_get_start                (AmDifference *self);
guint               am_difference_get_end                  (AmDifference *self);
GStrv               am_difference_dup_labels               (AmDifference *self);
guint               am_difference_get_n_candidates         (AmDifference *self);
const char         *am_difference_get_candidate_label      (AmDifference *self,
                                                            guint         candidate);
guint               am_difference_get_candidate_start      (AmDifference *self,
                                                            guint         candidate);
guint               am_difference_get_candidate_end        (AmDifference *self,
                                                            guint         candidate);
const char         *am_difference_get_candidate_quote      (AmDifference *self,
                                                            guint         candidate);
gboolean            am_difference_candidate_has            (AmDifference *self,
                                                            guint         candidate,
                                                            guint         document);
const char * const *am_difference_get_candidate_annotators (AmDifference *self,
                                                            guint         candidate);
char               *am_difference_describe                 (AmDifference *self);
const char         *am_difference_kind_to_string           (AmDifferenceKind kind);

/* The differences between documents of one article, in text order. */
GListModel         *am_diff_documents                      (AmDocument * const *documents,
                                                            guint               n_documents,
                                                            const char * const *names,
                                                            GError            **error);

G_END_DECLS
