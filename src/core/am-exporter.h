/* am-exporter.h: datasets from Argumark documents and corpora, in the
 * formats of spaCy, Prodigy, doccano, brat, CoNLL, spreadsheets, W3C Web
 * Annotation and INCEpTION (WebAnno TSV 3.3)
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "am-document.h"

G_BEGIN_DECLS

#define AM_EXPORT_ERROR (am_export_error_quark ())

typedef enum
{
  AM_EXPORT_ERROR_IO,
  AM_EXPORT_ERROR_INVALID_OPTION,
  AM_EXPORT_ERROR_EXISTS,
  AM_EXPORT_ERROR_NO_INPUT,
  AM_EXPORT_ERROR_SEGMENTATION,
} AmExportError;

GQuark am_export_error_quark (void);

typedef enum
{
  AM_EXPORT_FORMAT_JSONL,
  AM_EXPORT_FORMAT_DOCCANO,
  AM_EXPORT_FORMAT_DOCCANO_RELATIONS,
  AM_EXPORT_FORMAT_BRAT,
  AM_EXPORT_FORMAT_CONLL,
  AM_EXPORT_FORMAT_CSV,
  AM_EXPORT_FORMAT_W3C,
  AM_EXPORT_FORMAT_WEBANNO,
} AmExportFormat;

/* The unit of character offsets where the format lets us choose (doccano).
 * DEFAULT is the format's own: code points everywhere except doccano, which
 * counts UTF-16 code units as the browser does, and WebAnno TSV, which is
 * always UTF-16. */
typedef enum
{
  AM_EXPORT_OFFSETS_DEFAULT,
  AM_EXPORT_OFFSETS_CODE_POINTS,
  AM_EXPORT_OFFSETS_UTF16,
} AmExportOffsets;

const char *am_export_format_to_string     (AmExportFormat   format);
gboolean    am_export_format_from_string   (const char      *str,
                                            AmExportFormat  *format);
/* Formats with one file per document (brat, webanno) write a folder. */
gboolean    am_export_format_is_folder     (AmExportFormat   format);
/* The file name extension of a one-file format ("jsonl", "csv"...). */
const char *am_export_format_get_extension (AmExportFormat   format);

#define AM_TYPE_EXPORTER (am_exporter_get_type ())

G_DECLARE_FINAL_TYPE (AmExporter, am_exporter, AM, EXPORTER, GObject)

AmExporter *am_exporter_new                (AmExportFormat       format);
AmExportFormat am_exporter_get_format      (AmExporter          *self);
void        am_exporter_set_labels         (AmExporter          *self,
                                            const char * const  *labels);
void        am_exporter_set_statuses       (AmExporter          *self,
                                            const AmDocumentStatus *statuses,
                                            guint                n_statuses);
void        am_exporter_set_offsets        (AmExporter          *self,
                                            AmExportOffsets      offsets);
gboolean    am_exporter_set_split          (AmExporter          *self,
                                            const char          *spec,
                                            guint64              seed,
                                            GError             **error);
void        am_exporter_set_overwrite      (AmExporter          *self,
                                            gboolean             overwrite);

void        am_exporter_add_document       (AmExporter          *self,
                                            AmDocument          *document,
                                            const char          *name);
gboolean    am_exporter_add_file           (AmExporter          *self,
                                            GFile               *file,
                                            GError             **error);
guint       am_exporter_get_n_inputs       (AmExporter          *self);

const char *am_exporter_assign_part        (AmExporter          *self,
                                            const char          *name);

gboolean    am_exporter_export             (AmExporter          *self,
                                            GFile               *output,
                                            GCancellable        *cancellable,
                                            GError             **error);
void        am_exporter_export_async       (AmExporter          *self,
                                            GFile               *output,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    am_exporter_export_finish      (AmExporter          *self,
                                            GAsyncResult        *result,
                                            GError             **error);

guint       am_exporter_get_n_written      (AmExporter          *self);
guint       am_exporter_get_n_skipped      (AmExporter          *self);
guint       am_exporter_get_n_spans        (AmExporter          *self);
guint       am_exporter_get_n_links        (AmExporter          *self);
GStrv       am_exporter_dup_problems       (AmExporter          *self);
GStrv       am_exporter_dup_notes          (AmExporter          *self);
GStrv       am_exporter_dup_outputs        (AmExporter          *self);

G_END_DECLS
