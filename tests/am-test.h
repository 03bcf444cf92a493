/* am-test.h: helpers for the tests that need no display
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  am_test_run_cli     (const char * const  *args,
                          char               **out,
                          char               **err);
void am_test_remove_tree (const char          *path);

G_END_DECLS
