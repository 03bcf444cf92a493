/* am-document-private.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-document.h"

G_BEGIN_DECLS

/* Annotations the loader could not place on the text. They are kept, shown to
 * the user and written back on save, so that nothing is lost silently.
 */
void _am_document_add_orphan (AmDocument   *self,
                              AmAnnotation *annotation);

G_END_DECLS
