/* am-export-private.h: what the format writers share
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <string.h>

#include "am-exporter.h"

G_BEGIN_DECLS

/* One document as a writer sees it: the spans and links that pass the label
 * filter, in the document's order (spans by start, end, label, id; links by
 * id); links whose ends were filtered out are left out. */
typedef struct
{
  AmDocument *doc;
  AmText     *text;
  const char *name;
  GPtrArray  *spans;
  GPtrArray  *links;
  /* Tokens and sentences (AmSpan) if already cut, or NULL */
  GArray     *words;
  GArray     *sentences;
} AmExportDoc;

/* A file a writer without a folder would have written. */
typedef struct
{
  char   *basename;
  GBytes *contents;
} AmExportFile;

/* One output: a file for one-file formats, a folder for brat and webanno.
 * Text is gathered in @buf and written out once per document.
 *
 * The loader threads write each document with a writer of their own, which
 * has neither @out nor @folder: its @buf keeps the document's text, @files
 * the files it would write, and its @labels and @relations the document's
 * schema; the exporter's thread then moves them to the writer of the
 * document's output, in input order. */
typedef struct
{
  AmExportFormat   format;
  AmExportOffsets  offsets;
  GOutputStream   *out;
  GFile           *folder;
  GCancellable    *cancellable;
  /* The set of labels kept, or NULL for every label. */
  GHashTable      *kept_labels;
  /* Things left out or changed, for the person exporting (owned by the exporter). */
  GPtrArray       *notes;
  GString         *buf;
  /* w3c: annotations written so far (the first needs no comma) */
  guint            n_items;
  /* brat: the labels and relations met, for annotation.conf and visual.conf */
  GPtrArray       *labels;
  GPtrArray       *relations;
  GHashTable      *seen;
  /* AmExportFile: in a loader thread, the files of the document */
  GPtrArray       *files;
} AmExportWriter;

gboolean _am_export_flush           (AmExportWriter  *w,
                                     GError         **error);
gboolean _am_export_write_file      (AmExportWriter  *w,
                                     const char      *name,
                                     const char      *extension,
                                     const char      *data,
                                     gsize            length,
                                     GError         **error);
/* g_string_append_len () without a call and its checks while @buf has
 * room: the writers append millions of short pieces.
 */
static inline void
_am_export_put (GString    *buf,
                const char *data,
                gsize       length)
{
  if (G_LIKELY (buf->len + length < buf->allocated_len))
    {
      memcpy (buf->str + buf->len, data, length);
      buf->len += length;
      buf->str[buf->len] = '\0';
    }
  else
    g_string_append_len (buf, data, length);
}

#define _am_export_put_literal(buf, literal) \
  _am_export_put ((buf), "" literal "", sizeof (literal) - 1)

void     _am_export_append_uint     (GString         *buf,
                                     guint64          value);
void     _am_export_append_json     (GString         *buf,
                                     const char      *str,
                                     gssize           length);
void     _am_export_append_span_text (GString        *buf,
                                     AmText          *text,
                                     guint            start,
                                     guint            end,
                                     gboolean         json);
void     _am_export_note            (AmExportWriter  *w,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (2, 3);
guint    _am_export_offset          (AmExportWriter  *w,
                                     AmText          *text,
                                     guint            offset);

/* am-export-json.c */
gboolean _am_export_jsonl_document   (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);
gboolean _am_export_doccano_document (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);
gboolean _am_export_w3c_begin        (AmExportWriter *w,
                                      GError        **error);
gboolean _am_export_w3c_document     (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);
gboolean _am_export_w3c_end          (AmExportWriter *w,
                                      GError        **error);

/* am-export-text.c */
gboolean _am_export_csv_begin        (AmExportWriter *w,
                                      GError        **error);
gboolean _am_export_csv_document     (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);
gboolean _am_export_brat_document    (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);
gboolean _am_export_brat_end         (AmExportWriter *w,
                                      GError        **error);
void     _am_export_brat_merge       (AmExportWriter *w,
                                      AmExportWriter *from);

/* am-export-tokens.c */
gboolean _am_export_conll_document   (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);
gboolean _am_export_webanno_document (AmExportWriter *w,
                                      AmExportDoc    *d,
                                      GError        **error);

G_END_DECLS
