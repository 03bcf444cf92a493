/* am-article-view.h: the article text with its annotations
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-document.h"
#include "am-snap.h"

G_BEGIN_DECLS

#define AM_TYPE_ARTICLE_VIEW (am_article_view_get_type ())

/* A composite widget that scrolls by itself (it holds its own
 * GtkScrolledWindow and read-only GtkTextView): pack it directly, do not
 * put it inside another GtkScrolledWindow.
 *
 * It activates, on its ancestors, "doc.tag" (s: label id) for a label key,
 * and from its context menu "doc.tag", "doc.relabel" (s), "doc.delete",
 * "doc.link", "doc.unlink" and "doc.edit-note".
 */
G_DECLARE_FINAL_TYPE (AmArticleView, am_article_view, AM, ARTICLE_VIEW, GtkWidget)

GtkWidget    *am_article_view_new                     (void);

AmDocument   *am_article_view_get_document            (AmArticleView *self);
void          am_article_view_set_document            (AmArticleView *self,
                                                       AmDocument    *document);
AmAnnotation *am_article_view_get_selected_annotation (AmArticleView *self);
void          am_article_view_set_selected_annotation (AmArticleView *self,
                                                       AmAnnotation  *annotation);
AmSnapMode    am_article_view_get_snap_mode           (AmArticleView *self);
void          am_article_view_set_snap_mode           (AmArticleView *self,
                                                       AmSnapMode     snap_mode);
int           am_article_view_get_font_size           (AmArticleView *self);
void          am_article_view_set_font_size           (AmArticleView *self,
                                                       int            font_size);
gboolean      am_article_view_get_dark                (AmArticleView *self);
void          am_article_view_set_dark                (AmArticleView *self,
                                                       gboolean       dark);

gboolean      am_article_view_get_selection           (AmArticleView *self,
                                                       guint         *start,
                                                       guint         *end);
void          am_article_view_select_range            (AmArticleView *self,
                                                       guint          start,
                                                       guint          end);
void          am_article_view_scroll_to_annotation    (AmArticleView *self,
                                                       AmAnnotation  *annotation);

G_END_DECLS
