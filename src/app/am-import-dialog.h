/* am-import-dialog.h: File > Import, files of other tools into a corpus
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "am-importer.h"

G_BEGIN_DECLS

#define AM_TYPE_IMPORT_PROBLEM (am_import_problem_get_type ())

/* One line of the import report: a refused file, or a record that was left
 * out or changed, with the reason. */
G_DECLARE_FINAL_TYPE (AmImportProblem, am_import_problem, AM, IMPORT_PROBLEM, GObject)

const char *am_import_problem_get_file   (AmImportProblem *self);
/* 0 when the problem concerns the whole file. */
guint       am_import_problem_get_line   (AmImportProblem *self);
const char *am_import_problem_get_reason (AmImportProblem *self);

#define AM_TYPE_IMPORT_DIALOG (am_import_dialog_get_type ())

/* A modal window with the options of `argumark-cli import`. Its commands are
 * actions: "import.add-files", "import.add-folder", "import.clear",
 * "import.choose-target", "import.run" (imports in a worker thread and
 * writes NAME.txt and NAME.argumark.json into the target folder),
 * "import.cancel" and "import.open" (shows the corpus, or the single
 * document imported, in a window).
 */
G_DECLARE_FINAL_TYPE (AmImportDialog, am_import_dialog, AM, IMPORT_DIALOG, GtkWindow)

AmImportDialog *am_import_dialog_new               (GtkWindow       *parent);
void            am_import_dialog_add_input         (AmImportDialog  *self,
                                                    GFile           *file);
GListModel     *am_import_dialog_get_inputs        (AmImportDialog  *self);
void            am_import_dialog_set_format        (AmImportDialog  *self,
                                                    AmImportFormat   format);
AmImportFormat  am_import_dialog_get_format        (AmImportDialog  *self);
void            am_import_dialog_set_offsets       (AmImportDialog  *self,
                                                    AmImportOffsets  offsets);
AmImportOffsets am_import_dialog_get_offsets       (AmImportDialog  *self);
void            am_import_dialog_set_target        (AmImportDialog  *self,
                                                    GFile           *folder);
GFile          *am_import_dialog_get_target        (AmImportDialog  *self);
void            am_import_dialog_set_overwrite     (AmImportDialog  *self,
                                                    gboolean         overwrite);
gboolean        am_import_dialog_get_running       (AmImportDialog  *self);
GListModel     *am_import_dialog_get_problems      (AmImportDialog  *self);
GFile          *am_import_dialog_get_result        (AmImportDialog  *self);
const char     *am_import_dialog_get_summary       (AmImportDialog  *self);
const char     *am_import_dialog_get_error_message (AmImportDialog  *self);

G_END_DECLS
