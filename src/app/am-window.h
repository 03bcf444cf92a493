/* am-window.h: a window on one document
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-document.h"

G_BEGIN_DECLS

#define AM_TYPE_WINDOW (am_window_get_type ())

/* Every command is an action on the window ("win.*" for files and windows,
 * "doc.*" for edits of the document), so buttons, menus, keys and tests take
 * one path. doc.move-start and doc.move-end take a step: -1/+1 moves the
 * boundary by a character, -2/+2 by a word (AM_WINDOW_STEP_*).
 */
G_DECLARE_FINAL_TYPE (AmWindow, am_window, AM, WINDOW, GtkApplicationWindow)

#define AM_WINDOW_STEP_CHARACTER 1
#define AM_WINDOW_STEP_WORD      2

AmWindow     *am_window_new                     (GtkApplication       *application);
AmDocument   *am_window_get_document            (AmWindow             *self);
GFile        *am_window_get_file                (AmWindow             *self);
GFile        *am_window_get_origin              (AmWindow             *self);
gboolean      am_window_get_unsaved             (AmWindow             *self);
gboolean      am_window_is_empty                (AmWindow             *self);
gboolean      am_window_has_file                (AmWindow             *self,
                                                 GFile                *file);
gboolean      am_window_open                    (AmWindow             *self,
                                                 GFile                *file,
                                                 GError              **error);
gboolean      am_window_open_folder             (AmWindow             *self,
                                                 GFile                *folder,
                                                 GError              **error);
AmAnnotation *am_window_get_selected_annotation (AmWindow             *self);
void          am_window_show_message            (AmWindow             *self,
                                                 const char           *message);
void          am_window_show_error              (AmWindow             *self,
                                                 const char           *primary,
                                                 const GError         *error);
void          am_window_close_async             (AmWindow             *self,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean      am_window_close_finish            (AmWindow             *self,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
