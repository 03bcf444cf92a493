/* am-test-gtk.h: what every test with a display shares
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-application.h"

G_BEGIN_DECLS

void           am_test_tolerate_gtk_bugs (void);
void           am_test_drain             (void);
AmApplication *am_test_app_start         (int            *argc,
                                          char         ***argv,
                                          const char     *name,
                                          char          **tmp_dir);
void           am_test_app_finish        (AmApplication **app,
                                          char          **tmp_dir);

G_END_DECLS
