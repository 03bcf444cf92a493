/* am-document.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-annotation.h"
#include "am-error.h"
#include "am-label-schema.h"
#include "am-link.h"
#include "am-text.h"

G_BEGIN_DECLS

#define AM_TYPE_DOCUMENT (am_document_get_type ())

G_DECLARE_FINAL_TYPE (AmDocument, am_document, AM, DOCUMENT, GObject)

AmDocument       *am_document_new                    (const char        *text,
                                                      AmLabelSchema     *schema);
AmDocument       *am_document_new_for_text           (AmText            *text,
                                                      AmLabelSchema     *schema);

AmText           *am_document_get_text               (AmDocument        *self);
const char       *am_document_get_text_utf8          (AmDocument        *self);
guint             am_document_get_length             (AmDocument        *self);
AmLabelSchema    *am_document_get_schema             (AmDocument        *self);

const char       *am_document_get_title              (AmDocument        *self);
const char       *am_document_get_meta               (AmDocument        *self,
                                                      const char        *key);
gboolean          am_document_has_meta               (AmDocument        *self,
                                                      const char        *key);
GStrv             am_document_dup_meta_keys          (AmDocument        *self);
void              am_document_set_meta               (AmDocument        *self,
                                                      const char        *key,
                                                      const char        *value);
void              am_document_unset_meta             (AmDocument        *self,
                                                      const char        *key);
const char       *am_document_get_annotator          (AmDocument        *self);
void              am_document_set_annotator          (AmDocument        *self,
                                                      const char        *annotator);
AmDocumentStatus  am_document_get_status             (AmDocument        *self);
void              am_document_set_status             (AmDocument        *self,
                                                      AmDocumentStatus   status);

GListModel       *am_document_get_annotations        (AmDocument        *self);
GListModel       *am_document_get_links              (AmDocument        *self);
GListModel       *am_document_get_orphans            (AmDocument        *self);
AmAnnotation     *am_document_lookup_annotation      (AmDocument        *self,
                                                      const char        *id);
AmLink           *am_document_lookup_link            (AmDocument        *self,
                                                      const char        *id);
gboolean          am_document_find_annotation        (AmDocument        *self,
                                                      AmAnnotation      *annotation,
                                                      guint             *position);
GPtrArray        *am_document_list_links_for         (AmDocument        *self,
                                                      const char        *annotation_id);
GPtrArray        *am_document_list_annotations_at    (AmDocument        *self,
                                                      guint              offset);

AmAnnotation     *am_document_add_annotation         (AmDocument        *self,
                                                      const char        *label,
                                                      guint              start,
                                                      guint              end,
                                                      GError           **error);
gboolean          am_document_insert_annotation      (AmDocument        *self,
                                                      AmAnnotation      *annotation,
                                                      GError           **error);
gboolean          am_document_remove_annotation      (AmDocument        *self,
                                                      const char        *id,
                                                      GError           **error);
gboolean          am_document_relabel                (AmDocument        *self,
                                                      const char        *id,
                                                      const char        *label,
                                                      GError           **error);
gboolean          am_document_set_span               (AmDocument        *self,
                                                      const char        *id,
                                                      guint              start,
                                                      guint              end,
                                                      GError           **error);
gboolean          am_document_set_note               (AmDocument        *self,
                                                      const char        *id,
                                                      const char        *note,
                                                      GError           **error);
gboolean          am_document_set_sources            (AmDocument        *self,
                                                      const char        *id,
                                                      const char * const *sources,
                                                      GError           **error);
AmLink           *am_document_link                   (AmDocument        *self,
                                                      const char        *relation,
                                                      const char        *from_id,
                                                      const char        *to_id,
                                                      GError           **error);
gboolean          am_document_insert_link            (AmDocument        *self,
                                                      AmLink            *link,
                                                      GError           **error);
gboolean          am_document_unlink                 (AmDocument        *self,
                                                      const char        *link_id,
                                                      GError           **error);
gboolean          am_document_check_span             (AmDocument        *self,
                                                      guint              start,
                                                      guint              end,
                                                      GError           **error);

void              am_document_begin_group            (AmDocument        *self);
void              am_document_end_group              (AmDocument        *self);
gboolean          am_document_undo                   (AmDocument        *self);
gboolean          am_document_redo                   (AmDocument        *self);
gboolean          am_document_get_can_undo           (AmDocument        *self);
gboolean          am_document_get_can_redo           (AmDocument        *self);
gboolean          am_document_get_modified           (AmDocument        *self);
void              am_document_clear_history          (AmDocument        *self);
void              am_document_mark_saved             (AmDocument        *self);

gboolean          am_document_equal                  (AmDocument        *a,
                                                      AmDocument        *b);

const char       *am_document_status_to_string       (AmDocumentStatus   status);
gboolean          am_document_status_from_string     (const char        *str,
                                                      AmDocumentStatus  *status);
char             *am_now_iso8601                     (void);

G_END_DECLS
