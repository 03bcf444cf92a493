/* am-annotation.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_ANNOTATION (am_annotation_get_type ())

G_DECLARE_FINAL_TYPE (AmAnnotation, am_annotation, AM, ANNOTATION, GObject)

AmAnnotation       *am_annotation_new          (const char         *id,
                                                const char         *label,
                                                guint               start,
                                                guint               end);
const char         *am_annotation_get_id       (AmAnnotation       *self);
const char         *am_annotation_get_label    (AmAnnotation       *self);
guint               am_annotation_get_start    (AmAnnotation       *self);
guint               am_annotation_get_end      (AmAnnotation       *self);
const char         *am_annotation_get_quote    (AmAnnotation       *self);
const char         *am_annotation_get_note     (AmAnnotation       *self);
const char         *am_annotation_get_author   (AmAnnotation       *self);
const char         *am_annotation_get_created  (AmAnnotation       *self);
const char         *am_annotation_get_modified (AmAnnotation       *self);
const char * const *am_annotation_get_sources  (AmAnnotation       *self);
int                 am_annotation_compare      (AmAnnotation       *a,
                                                AmAnnotation       *b);
int                 am_id_compare              (const char         *a,
                                                const char         *b);
gboolean            am_annotation_equal        (AmAnnotation       *a,
                                                AmAnnotation       *b);

G_END_DECLS
