/* am-label-schema.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-label.h"
#include "am-relation-type.h"

G_BEGIN_DECLS

#define AM_TYPE_LABEL_SCHEMA (am_label_schema_get_type ())

G_DECLARE_FINAL_TYPE (AmLabelSchema, am_label_schema, AM, LABEL_SCHEMA, GObject)

AmLabelSchema  *am_label_schema_new                  (void);
AmLabelSchema  *am_label_schema_new_default          (void);
AmLabelSchema  *am_label_schema_copy                 (AmLabelSchema  *self);
GListModel     *am_label_schema_get_labels           (AmLabelSchema  *self);
GListModel     *am_label_schema_get_relations        (AmLabelSchema  *self);
AmLabel        *am_label_schema_lookup_label         (AmLabelSchema  *self,
                                                      const char     *id);
AmLabel        *am_label_schema_lookup_label_by_key  (AmLabelSchema  *self,
                                                      const char     *key);
AmRelationType *am_label_schema_lookup_relation      (AmLabelSchema  *self,
                                                      const char     *id);
gboolean        am_label_schema_add_label            (AmLabelSchema  *self,
                                                      AmLabel        *label,
                                                      GError        **error);
gboolean        am_label_schema_add_relation         (AmLabelSchema  *self,
                                                      AmRelationType *relation,
                                                      GError        **error);
gboolean        am_label_schema_equal                (AmLabelSchema  *a,
                                                      AmLabelSchema  *b);
const char     *am_label_schema_suggest_color        (AmLabelSchema  *self,
                                                      gboolean        dark);

G_END_DECLS
