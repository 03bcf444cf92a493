/* am-util-private.h: small helpers shared by the core
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A copy of @array, which holds strings, as a NULL-terminated vector: what
 * the reports' dup functions hand out. */
static inline GStrv
_am_strv_from_ptr_array (GPtrArray *array)
{
  GStrv strv = g_new0 (char *, array->len + 1);
  guint i;

  for (i = 0; i < array->len; i++)
    strv[i] = g_strdup (g_ptr_array_index (array, i));
  return strv;
}

G_END_DECLS
