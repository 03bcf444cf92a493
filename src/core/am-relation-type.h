/* am-relation-type.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_RELATION_TYPE (am_relation_type_get_type ())

G_DECLARE_FINAL_TYPE (AmRelationType, am_relation_type, AM, RELATION_TYPE, GObject)

AmRelationType     *am_relation_type_new            (const char         *id,
                                                     const char         *name,
                                                     const char * const *from_labels,
                                                     const char * const *to_labels);
const char         *am_relation_type_get_id         (AmRelationType     *self);
const char         *am_relation_type_get_name       (AmRelationType     *self);
const char * const *am_relation_type_get_from       (AmRelationType     *self);
const char * const *am_relation_type_get_to         (AmRelationType     *self);
gboolean            am_relation_type_allows         (AmRelationType     *self,
                                                     const char         *from_label,
                                                     const char         *to_label);
gboolean            am_relation_type_allows_from    (AmRelationType     *self,
                                                     const char         *from_label);
gboolean            am_relation_type_equal          (AmRelationType     *a,
                                                     AmRelationType     *b);

G_END_DECLS
