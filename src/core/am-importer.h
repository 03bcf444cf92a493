/* am-importer.h: documents from brat, WebAnno TSV, doccano, Label Studio,
 * Prodigy and Argumark JSONL files
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-document.h"

G_BEGIN_DECLS

#define AM_IMPORT_ERROR (am_import_error_quark ())

/* Errors that refuse a whole input file. Problems with single records are
 * not errors: they go to the AmImportReport and the rest is imported. */
typedef enum
{
  AM_IMPORT_ERROR_IO,
  AM_IMPORT_ERROR_INVALID_ENCODING,
  AM_IMPORT_ERROR_UNKNOWN_FORMAT,
  AM_IMPORT_ERROR_UNSUPPORTED,
  AM_IMPORT_ERROR_INVALID,
} AmImportError;

GQuark am_import_error_quark (void);

typedef enum
{
  AM_IMPORT_FORMAT_AUTO,
  AM_IMPORT_FORMAT_JSONL,
  AM_IMPORT_FORMAT_DOCCANO,
  AM_IMPORT_FORMAT_BRAT,
  AM_IMPORT_FORMAT_WEBANNO,
  AM_IMPORT_FORMAT_LABEL_STUDIO,
  AM_IMPORT_FORMAT_PRODIGY,
  AM_IMPORT_FORMAT_TEXT,
  AM_IMPORT_FORMAT_W3C,
} AmImportFormat;

/* How to read offsets that the file does not let us check against a stored
 * span text. AUTO: the unit the tool writes (UTF-16 code units for doccano and
 * Label Studio, which count in the browser; code points for the others;
 * WebAnno TSV is always UTF-16). */
typedef enum
{
  AM_IMPORT_OFFSETS_AUTO,
  AM_IMPORT_OFFSETS_CODE_POINTS,
  AM_IMPORT_OFFSETS_UTF16,
} AmImportOffsets;

const char     *am_import_format_to_string   (AmImportFormat  format);
gboolean        am_import_format_from_string (const char     *str,
                                              AmImportFormat *format);

#define AM_TYPE_IMPORT_REPORT (am_import_report_get_type ())

G_DECLARE_FINAL_TYPE (AmImportReport, am_import_report, AM, IMPORT_REPORT, GObject)

GStrv           am_import_report_dup_lines         (AmImportReport *self);
guint           am_import_report_get_n_errors      (AmImportReport *self);
guint           am_import_report_get_n_warnings    (AmImportReport *self);
guint           am_import_report_get_n_documents   (AmImportReport *self);
guint           am_import_report_get_n_annotations (AmImportReport *self);
guint           am_import_report_get_n_links       (AmImportReport *self);
guint           am_import_report_get_n_labels_added (AmImportReport *self);
gboolean        am_import_report_has_line          (AmImportReport *self,
                                                    const char     *substring);

#define AM_TYPE_IMPORTER (am_importer_get_type ())

G_DECLARE_FINAL_TYPE (AmImporter, am_importer, AM, IMPORTER, GObject)

AmImporter     *am_importer_new               (AmImportFormat   format,
                                               AmLabelSchema   *schema);
void            am_importer_set_offsets       (AmImporter      *self,
                                               AmImportOffsets  offsets);
gboolean        am_importer_import_file       (AmImporter      *self,
                                               GFile           *file,
                                               GError         **error);
gboolean        am_importer_import_data       (AmImporter      *self,
                                               const char      *name,
                                               const char      *data,
                                               gsize            length,
                                               GError         **error);
AmImportFormat  am_importer_guess_format      (GFile           *file,
                                               const char      *data,
                                               gsize            length);
GListModel     *am_importer_get_documents     (AmImporter      *self);
AmLabelSchema  *am_importer_get_schema        (AmImporter      *self);
AmImportReport *am_importer_get_report        (AmImporter      *self);
const char     *am_importer_get_document_name (AmImporter      *self,
                                               AmDocument      *document);

G_END_DECLS
