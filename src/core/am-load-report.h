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
/* Ids of the annotations that were moved to a new place, and of those that
 * could not be placed (now in am_document_get_orphans()), in file order.
 */
GStrv         am_load_report_dup_moved_ids   (AmLoadReport *self);
GStrv         am_load_report_dup_orphan_ids  (AmLoadReport *self);
/* Links that named an orphan: the model cannot hold them, so they are left
 * out of the document and listed here, and in the messages.
 */
guint         am_load_report_get_n_dropped_links (AmLoadReport *self);

G_END_DECLS
