/* am-application.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-window.h"

G_BEGIN_DECLS

#define AM_TYPE_APPLICATION (am_application_get_type ())

G_DECLARE_FINAL_TYPE (AmApplication, am_application, AM, APPLICATION, GtkApplication)

AmApplication *am_application_new       (void);
AmWindow      *am_application_open_file (AmApplication *self,
                                         GFile         *file,
                                         AmWindow      *hint);

G_END_DECLS
