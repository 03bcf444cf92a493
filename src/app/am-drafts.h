/* am-drafts.h: recovery drafts of unsaved work
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AM_TYPE_DRAFTS (am_drafts_get_type ())

G_DECLARE_FINAL_TYPE (AmDrafts, am_drafts, AM, DRAFTS, GObject)

AmDrafts   *am_drafts_new              (GFile                *folder);
AmDrafts   *am_drafts_new_default      (void);
GFile      *am_drafts_get_folder       (AmDrafts             *self);
char       *am_drafts_key_for_file     (GFile                *file);
char       *am_drafts_new_key          (void);
void        am_drafts_write_async      (AmDrafts             *self,
                                        const char           *key,
                                        GFile                *origin,
                                        const char           *title,
                                        GBytes               *bytes,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
gboolean    am_drafts_write_finish     (AmDrafts             *self,
                                        GAsyncResult         *result,
                                        GError              **error);
GBytes     *am_drafts_read             (AmDrafts             *self,
                                        const char           *key,
                                        GError              **error);
gboolean    am_drafts_has              (AmDrafts             *self,
                                        const char           *key);
GDateTime  *am_drafts_get_saved_time   (AmDrafts             *self,
                                        const char           *key);
void        am_drafts_remove           (AmDrafts             *self,
                                        const char           *key);
GStrv       am_drafts_list_keys        (AmDrafts             *self);
char       *am_drafts_dup_origin_uri   (AmDrafts             *self,
                                        const char           *key);
char       *am_drafts_dup_title        (AmDrafts             *self,
                                        const char           *key);

G_END_DECLS
