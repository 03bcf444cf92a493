/* am-preferences-window.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define AM_TYPE_PREFERENCES_WINDOW (am_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (AmPreferencesWindow, am_preferences_window, AM, PREFERENCES_WINDOW, GtkWindow)

GtkWidget *am_preferences_window_new (GtkWindow *parent);

G_END_DECLS
