/* am-link.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_LINK (am_link_get_type ())

G_DECLARE_FINAL_TYPE (AmLink, am_link, AM, LINK, GObject)

AmLink     *am_link_new          (const char *id,
                                  const char *relation,
                                  const char *from_id,
                                  const char *to_id);
const char *am_link_get_id       (AmLink     *self);
const char *am_link_get_relation (AmLink     *self);
const char *am_link_get_from     (AmLink     *self);
const char *am_link_get_to       (AmLink     *self);
gboolean    am_link_equal        (AmLink     *a,
                                  AmLink     *b);
int         am_link_compare      (AmLink     *a,
                                  AmLink     *b);

G_END_DECLS
