/* am-load-report.h: what the loader changed or could not place
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "am-types.h"

G_BEGIN_DECLS

#define AM_TYPE_LOAD_REPORT (am_load_report_get_type ())

G_DECLARE_FINAL_TYPE (AmLoadReport, am_load_report, AM, LOAD_REPORT, GObject)

AmLoadReport *am_load_report_new             (void);
gboolean      am_load_report_is_empty        (AmLoadReport *self);
/* One line a problem, for a person: "annotations[2] (T3): moved from 10–15 to 42–47". */
GStrv         am_load_report_dup_messages    (AmLoadReport *self);
guint         am_load_report_get_n_moved     (AmLoadReport *self);
guint         am_load_report_get_n_orphans   (AmLoadReport *self);
gboolean      am_load_report_get_text_changed (AmLoadReport *self);

G_END_DECLS
