/* am-test-gtk.h: what every test with a display shares
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void am_test_tolerate_gtk_bugs (void);

G_END_DECLS
