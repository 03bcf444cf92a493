/* am-load-report-private.h: how the loader fills in a report
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-load-report.h"

G_BEGIN_DECLS

void _am_load_report_set_text_changed (AmLoadReport *self);
void _am_load_report_add_moved        (AmLoadReport *self,
                                       const char   *path,
                                       const char   *id,
                                       guint         old_start,
                                       guint         old_end,
                                       guint         new_start,
                                       guint         new_end);
void _am_load_report_add_orphan       (AmLoadReport *self,
                                       const char   *path,
                                       const char   *id,
                                       const char   *reason);
void _am_load_report_add_dropped_link (AmLoadReport *self,
                                       const char   *path,
                                       const char   *id,
                                       const char   *orphan_id);

G_END_DECLS
