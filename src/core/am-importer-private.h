/* am-importer-private.h: what the format readers share
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "am-importer.h"

G_BEGIN_DECLS

typedef enum
{
  AM_LOCATE_OK,
  AM_LOCATE_EMPTY,
  AM_LOCATE_BAD,
} AmLocateResult;

typedef enum
{
  AM_UNIT_CODE_POINTS,
  AM_UNIT_UTF16,
} AmOffsetUnit;

typedef void (*AmJsonRecordFunc) (AmImporter *self,
                                  const char *file,
                                  guint       line,
                                  JsonNode   *node,
                                  gpointer    user_data);

void            _am_import_error         (AmImporter     *self,
                                          const char     *file,
                                          guint           line,
                                          const char     *format,
                                          ...) G_GNUC_PRINTF (4, 5);
void            _am_import_warning       (AmImporter     *self,
                                          const char     *file,
                                          guint           line,
                                          const char     *format,
                                          ...) G_GNUC_PRINTF (4, 5);
gboolean        _am_import_once          (AmImporter     *self,
                                          const char     *key);
AmOffsetUnit    _am_import_unit          (AmImporter     *self,
                                          AmOffsetUnit    tool_default);
const char     *_am_import_label         (AmImporter     *self,
                                          const char     *file,
                                          guint           line,
                                          const char     *original);
const char     *_am_import_relation      (AmImporter     *self,
                                          const char     *file,
                                          guint           line,
                                          const char     *original);
AmLocateResult  _am_import_locate        (AmText         *text,
                                          gint64          start,
                                          gint64          end,
                                          const char     *quote,
                                          AmOffsetUnit    unit,
                                          guint          *out_start,
                                          guint          *out_end,
                                          gboolean       *as_utf16,
                                          char          **reason);
AmDocument     *_am_import_new_document  (AmImporter     *self,
                                          const char     *text);
gboolean        _am_import_add_annotation (AmImporter    *self,
                                          AmDocument     *doc,
                                          const char     *file,
                                          guint           line,
                                          AmAnnotation   *annotation);
gboolean        _am_import_add_link      (AmImporter     *self,
                                          AmDocument     *doc,
                                          const char     *file,
                                          guint           line,
                                          const char     *link_id,
                                          const char     *relation,
                                          const char     *from_id,
                                          const char     *to_id);
void            _am_import_finish        (AmImporter     *self,
                                          AmDocument     *doc,
                                          const char     *name);
void            _am_import_copy_meta     (AmDocument     *doc,
                                          JsonObject     *meta);
char           *_am_import_normalize_newlines (const char *text,
                                          gsize           length,
                                          gboolean       *had_cr);
gboolean        _am_import_json_records  (AmImporter     *self,
                                          const char     *file,
                                          const char     *data,
                                          gsize           length,
                                          AmJsonRecordFunc func,
                                          gpointer        user_data,
                                          GError        **error);
gboolean        _am_json_get_offset      (JsonObject     *object,
                                          const char     *member,
                                          gint64         *value);
const char     *_am_json_get_string      (JsonObject     *object,
                                          const char     *member);

/* Format readers (one file each) */
gboolean        _am_import_json          (AmImporter     *self,
                                          AmImportFormat  format,
                                          const char     *file,
                                          const char     *data,
                                          gsize           length,
                                          GError        **error);
AmImportFormat  _am_import_json_detect   (JsonNode       *node);
gboolean        _am_import_brat          (AmImporter     *self,
                                          const char     *name,
                                          const char     *txt_file,
                                          const char     *text,
                                          gsize           text_length,
                                          const char     *ann_file,
                                          const char     *ann,
                                          gsize           ann_length,
                                          const char     *conf_file,
                                          const char     *conf,
                                          gsize           conf_length,
                                          GError        **error);
gboolean        _am_import_w3c           (AmImporter     *self,
                                          GFile          *gfile,
                                          const char     *file,
                                          const char     *data,
                                          gsize           length,
                                          GError        **error);
gboolean        _am_import_webanno       (AmImporter     *self,
                                          const char     *file,
                                          const char     *data,
                                          gsize           length,
                                          GError        **error);

G_END_DECLS
