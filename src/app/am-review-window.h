/* am-review-window.h: compare annotators, measure agreement, adjudicate gold
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-adjudication.h"
#include "am-agreement.h"

G_BEGIN_DECLS

#define AM_TYPE_REVIEW_WINDOW (am_review_window_get_type ())

/* Every command is an action on the window ("review.*"): next-difference,
 * previous-difference, accept(u) (a document's side, by index; 0 is mine),
 * accept-mine, accept-theirs (two documents only), accept-both, accept-neither,
 * accept-agreed, toggle-annotator(u) (shows or hides a document's spans),
 * move-start(i) and move-end(i) (the gold span of the selected
 * difference: -1/+1 by a character, -2/+2 by a word, as in the main window),
 * undo, redo, save, save-as, close, and the property action
 * units(s) ("tokens" or "characters").
 */
G_DECLARE_FINAL_TYPE (AmReviewWindow, am_review_window, AM, REVIEW_WINDOW, GtkApplicationWindow)

AmReviewWindow *am_review_window_new              (GtkApplication     *application,
                                                   AmDocument         *mine,
                                                   GFile              *mine_file,
                                                   AmDocument * const *theirs,
                                                   guint               n_theirs,
                                                   GError            **error);
void            am_review_window_choose           (GtkWindow          *parent,
                                                   AmDocument         *mine,
                                                   GFile              *mine_file);
AmAdjudication *am_review_window_get_adjudication (AmReviewWindow     *self);
AmAgreement    *am_review_window_get_agreement    (AmReviewWindow     *self);
AmDocument     *am_review_window_get_gold         (AmReviewWindow     *self);
AmDifference   *am_review_window_get_selected     (AmReviewWindow     *self);
void            am_review_window_select           (AmReviewWindow     *self,
                                                   guint               position);
gboolean        am_review_window_is_settled       (AmReviewWindow     *self,
                                                   AmDifference       *difference);
GFile          *am_review_window_get_gold_file    (AmReviewWindow     *self);
void            am_review_window_set_gold_file    (AmReviewWindow     *self,
                                                   GFile              *file);
GFile          *am_review_window_suggest_gold_file (GFile             *mine_file);
void            am_review_window_close_async      (AmReviewWindow     *self,
                                                   GCancellable       *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer            user_data);
gboolean        am_review_window_close_finish     (AmReviewWindow     *self,
                                                   GAsyncResult       *result,
                                                   GError            **error);

G_END_DECLS
