/* am-error.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-error"

#include "config.h"

#include "am-error.h"

G_DEFINE_QUARK (am-document-error-quark, am_document_error)
