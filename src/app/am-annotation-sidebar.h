/* am-annotation-sidebar.h: the list of a document's annotations
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-document.h"

G_BEGIN_DECLS

#define AM_TYPE_ANNOTATION_SIDEBAR (am_annotation_sidebar_get_type ())

/* Activates, on its ancestors, "doc.go-to-annotation" (Enter or a click on
 * the selected row), "doc.delete" (Delete), "doc.relabel" (s: label id, for
 * a label key) and "doc.edit-note" (n or F2), always on the
 * selected-annotation.
 */
G_DECLARE_FINAL_TYPE (AmAnnotationSidebar, am_annotation_sidebar, AM, ANNOTATION_SIDEBAR, GtkWidget)

GtkWidget    *am_annotation_sidebar_new                     (void);

AmDocument   *am_annotation_sidebar_get_document            (AmAnnotationSidebar *self);
void          am_annotation_sidebar_set_document            (AmAnnotationSidebar *self,
                                                             AmDocument          *document);
AmAnnotation *am_annotation_sidebar_get_selected_annotation (AmAnnotationSidebar *self);
void          am_annotation_sidebar_set_selected_annotation (AmAnnotationSidebar *self,
                                                             AmAnnotation        *annotation);
/* Moves the keyboard focus to the search entry (for a "find" shortcut). */
void          am_annotation_sidebar_focus_search            (AmAnnotationSidebar *self);

G_END_DECLS
