/* am-text.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_TEXT (am_text_get_type ())

GType       am_text_get_type           (void) G_GNUC_CONST;
AmText     *am_text_new                (const char *utf8,
                                        gssize      n_bytes);
AmText     *am_text_ref                (AmText     *self);
void        am_text_unref              (AmText     *self);
const char *am_text_get_utf8           (AmText     *self);
gsize       am_text_get_n_bytes        (AmText     *self);
guint       am_text_get_length         (AmText     *self);
guint       am_text_get_utf16_length   (AmText     *self);
const char *am_text_get_sha256         (AmText     *self);
gsize       am_text_offset_to_byte     (AmText     *self,
                                        guint       offset);
guint       am_text_byte_to_offset     (AmText     *self,
                                        gsize       byte);
char       *am_text_substring          (AmText     *self,
                                        guint       start,
                                        guint       end);
gunichar    am_text_get_char           (AmText     *self,
                                        guint       offset);
guint       am_text_offset_to_utf16    (AmText     *self,
                                        guint       offset);
gboolean    am_text_utf16_to_offset    (AmText     *self,
                                        guint       utf16,
                                        guint      *offset);
gboolean    am_text_equal_at           (AmText     *self,
                                        guint       start,
                                        guint       end,
                                        const char *quote);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AmText, am_text_unref)

G_END_DECLS
