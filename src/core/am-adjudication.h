/* am-adjudication.h
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-diff.h"
#include "am-document.h"

G_BEGIN_DECLS

#define AM_TYPE_ADJUDICATION (am_adjudication_get_type ())

G_DECLARE_FINAL_TYPE (AmAdjudication, am_adjudication, AM, ADJUDICATION, GObject)

AmAdjudication *am_adjudication_new             (AmDocument * const *documents,
                                                 guint               n_documents,
                                                 const char * const *names,
                                                 const char         *reviewer,
                                                 GError            **error);
AmDocument     *am_adjudication_get_gold        (AmAdjudication     *self);
GListModel     *am_adjudication_get_differences (AmAdjudication     *self);
guint           am_adjudication_get_n_documents (AmAdjudication     *self);
AmDocument     *am_adjudication_get_document    (AmAdjudication     *self,
                                                 guint               document);
const char     *am_adjudication_get_name        (AmAdjudication     *self,
                                                 guint               document);
guint           am_adjudication_get_n_agreed    (AmAdjudication     *self);
guint           am_adjudication_accept_agreed   (AmAdjudication     *self,
                                                 GError            **error);
gboolean        am_adjudication_accept          (AmAdjudication     *self,
                                                 AmDifference       *difference,
                                                 guint               document,
                                                 GError            **error);
gboolean        am_adjudication_accept_all      (AmAdjudication     *self,
                                                 AmDifference       *difference,
                                                 GError            **error);
gboolean        am_adjudication_reject          (AmAdjudication     *self,
                                                 AmDifference       *difference,
                                                 GError            **error);
gboolean        am_adjudication_set_accepted    (AmAdjudication     *self,
                                                 AmDifference       *difference,
                                                 guint               candidate,
                                                 gboolean            accepted,
                                                 GError            **error);
gboolean        am_adjudication_is_accepted     (AmAdjudication     *self,
                                                 AmDifference       *difference,
                                                 guint               candidate);
gboolean        am_adjudication_edit_span       (AmAdjudication     *self,
                                                 const char         *id,
                                                 guint               start,
                                                 guint               end,
                                                 GError            **error);

G_END_DECLS
