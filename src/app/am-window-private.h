/* am-window-private.h: what the parts of AmWindow share
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-annotation-sidebar.h"
#include "am-article-view.h"
#include "am-corpus-sidebar.h"
#include "am-drafts.h"
#include "am-window.h"

G_BEGIN_DECLS

struct _AmWindow
{
  GtkApplicationWindow  parent_instance;

  GSettings            *settings;
  AmDrafts             *drafts;

  AmDocument           *document;
  /* Where Save writes (an Argumark JSON file), NULL until the work has one. */
  GFile                *file;
  /* What was opened: an article or a JSON document (or the bundled sample). */
  GFile                *origin;
  char                 *draft_key;
  guint                 draft_source;
  GCancellable         *cancellable;
  GFile                *saving_file;
  GTask                *close_task;
  GtkWidget            *close_dialog;
  GtkWidget            *name_dialog;
  GtkWidget            *note_dialog;

  /* A tag waiting for the annotator's name. */
  char                 *pending_label;
  guint                 pending_start;
  guint                 pending_end;

  /* doc.link waits for its target: from the list or the next span selected. */
  AmAnnotation         *link_source;

  guint                 toast_source;

  /* A corpus folder open in the window (am-window-corpus.c). */
  AmCorpus             *corpus;
  AmCorpusItem         *corpus_item;
  AmDocument           *corpus_document;
  GCancellable         *corpus_cancellable;

  /* The work holds changes the model does not know of: a restored draft. */
  guint                 restored : 1;
  guint                 saving : 1;
  guint                 close_after_save : 1;
  guint                 asked_name : 1;
  guint                 close_confirmed : 1;
  guint                 show_sidebar : 1;

  /* Template children */
  GtkWidget            *title_label;
  GtkWidget            *subtitle_label;
  GtkWidget            *label_buttons;
  GtkWidget            *undo_button;
  GtkWidget            *stack;
  GtkWidget            *drafts_group;
  GtkWidget            *drafts_list;
  GtkWidget            *recent_group;
  GtkWidget            *recent_list;
  GtkWidget            *paned;
  AmAnnotationSidebar  *sidebar;
  AmArticleView        *article_view;
  AmCorpusSidebar      *corpus_sidebar;
  GtkWidget            *error_bar;
  GtkWidget            *error_label;
  GtkWidget            *draft_bar;
  GtkWidget            *draft_label;
  GtkWidget            *toast_revealer;
  GtkWidget            *toast_label;
  GtkWidget            *link_popover;
  GtkWidget            *link_list;
  GtkWidget            *link_title;
};

void      _am_window_class_actions_init   (GtkWidgetClass *widget_class);
void      _am_window_update_actions       (AmWindow       *self);
void      _am_window_class_files_init     (GtkWidgetClass *widget_class);
void      _am_window_set_document         (AmWindow       *self,
                                           AmDocument     *document,
                                           GFile          *file,
                                           GFile          *origin);
void      _am_window_update_title         (AmWindow       *self);
void      _am_window_document_changed     (AmWindow       *self);
void      _am_window_check_draft          (AmWindow       *self);
void      _am_window_discard_draft        (AmWindow       *self);
gboolean  _am_window_open_draft           (AmWindow       *self,
                                           const char     *key,
                                           GError        **error);
void      _am_window_save_async           (AmWindow       *self,
                                           GFile          *file,
                                           gboolean        close_after);
void      _am_window_cancel_link          (AmWindow       *self);
void      _am_window_selection_changed    (AmWindow       *self);
void      _am_window_files_dispose        (AmWindow       *self);
/* What am_window_open does once the document is loaded. */
void      _am_window_show_document        (AmWindow       *self,
                                           AmDocument     *document,
                                           GFile          *file,
                                           GFile          *origin,
                                           AmLoadReport   *report);
void      _am_window_class_corpus_init    (GtkWidgetClass *widget_class);
void      _am_window_corpus_init          (AmWindow       *self);
void      _am_window_corpus_update_actions (AmWindow      *self);
void      _am_window_corpus_dispose       (AmWindow       *self);

G_END_DECLS
