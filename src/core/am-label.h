/* am-label.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_LABEL (am_label_get_type ())

G_DECLARE_FINAL_TYPE (AmLabel, am_label, AM, LABEL, GObject)

AmLabel    *am_label_new            (const char *id,
                                     const char *name,
                                     const char *color,
                                     const char *dark_color,
                                     const char *key);
const char *am_label_get_id         (AmLabel    *self);
const char *am_label_get_name       (AmLabel    *self);
const char *am_label_get_color      (AmLabel    *self);
const char *am_label_get_dark_color (AmLabel    *self);
const char *am_label_get_key        (AmLabel    *self);
gboolean    am_label_equal          (AmLabel    *a,
                                     AmLabel    *b);
gboolean    am_label_id_is_valid    (const char *id);
gboolean    am_label_color_is_valid (const char *color);

G_END_DECLS
