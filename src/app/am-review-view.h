/* am-review-view.h: the article with every annotator's spans, for review
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-adjudication.h"

G_BEGIN_DECLS

#define AM_TYPE_REVIEW_VIEW (am_review_view_get_type ())

/* A read-only text view: spans everyone agrees on in their label's color,
 * the spans of each difference lighter and underlined by the difference's
 * kind, and the gold document's spans in bold with a line above. Tags are
 * shared per label and per kind, never one per annotation.
 */
G_DECLARE_FINAL_TYPE (AmReviewView, am_review_view, AM, REVIEW_VIEW, GtkTextView)

GtkWidget    *am_review_view_new                     (void);
void          am_review_view_set_adjudication        (AmReviewView     *self,
                                                      AmAdjudication   *adjudication,
                                                      GPtrArray        *agreed);
void          am_review_view_set_annotator_visible   (AmReviewView     *self,
                                                      guint             annotator,
                                                      gboolean          visible);
gboolean      am_review_view_get_annotator_visible   (AmReviewView     *self,
                                                      guint             annotator);
void          am_review_view_show_difference         (AmReviewView     *self,
                                                      AmDifference     *difference);
const char   *am_review_view_get_kind_color          (AmDifferenceKind  kind);
char         *am_review_view_dup_annotator_color     (guint             annotator);

G_END_DECLS
