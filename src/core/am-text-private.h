/* am-text-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-text.h"

G_BEGIN_DECLS

/* am_text_new () for UTF-8 the caller has already validated (the loader
 * checks the whole file first), so that it is not validated twice.
 */
AmText *_am_text_new_valid (const char *utf8,
                            gsize       n_bytes);

G_END_DECLS
