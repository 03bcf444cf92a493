/* am-export-dialog.h: File > Export, a dataset from the document or corpus
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-corpus.h"
#include "am-document.h"
#include "am-exporter.h"

G_BEGIN_DECLS

typedef enum
{
  AM_EXPORT_SCOPE_DOCUMENT,
  AM_EXPORT_SCOPE_CORPUS,
} AmExportScope;

#define AM_TYPE_EXPORT_DIALOG (am_export_dialog_get_type ())

/* A modal window with the options of `argumark-cli export`. Its commands are
 * actions: "export.run" starts the export in a worker thread,
 * "export.cancel" stops it (or closes the dialog when nothing runs),
 * "export.choose-target" asks where to write and "export.open-folder" shows
 * the result. The setters below do what the controls do, for tests and for
 * callers that know the answer already.
 */
G_DECLARE_FINAL_TYPE (AmExportDialog, am_export_dialog, AM, EXPORT_DIALOG, GtkWindow)

AmExportDialog *am_export_dialog_new              (GtkWindow      *parent,
                                                   AmDocument     *document,
                                                   GFile          *file,
                                                   AmCorpus       *corpus);
AmExportScope   am_export_dialog_get_scope        (AmExportDialog *self);
void            am_export_dialog_set_scope        (AmExportDialog *self,
                                                   AmExportScope   scope);
AmExportFormat  am_export_dialog_get_format       (AmExportDialog *self);
void            am_export_dialog_set_format       (AmExportDialog *self,
                                                   AmExportFormat  format);
GFile          *am_export_dialog_get_target       (AmExportDialog *self);
void            am_export_dialog_set_target       (AmExportDialog *self,
                                                   GFile          *target);
void            am_export_dialog_set_label_kept   (AmExportDialog *self,
                                                   const char     *label_id,
                                                   gboolean        kept);
void            am_export_dialog_set_only_done    (AmExportDialog *self,
                                                   gboolean        only_done);
void            am_export_dialog_set_split        (AmExportDialog *self,
                                                   const char     *spec,
                                                   guint           seed);
void            am_export_dialog_set_overwrite    (AmExportDialog *self,
                                                   gboolean        overwrite);
gboolean        am_export_dialog_get_running      (AmExportDialog *self);
const char     *am_export_dialog_get_summary      (AmExportDialog *self);
const char     *am_export_dialog_get_error_message (AmExportDialog *self);

G_END_DECLS
