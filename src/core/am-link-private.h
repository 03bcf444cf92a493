/* am-link-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-link.h"

G_BEGIN_DECLS

void _am_link_set_id (AmLink     *self,
                      const char *id);

G_END_DECLS
