/* am-exporter.c: inputs, filters, splits and outputs of an export
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

#include "am-corpus.h"
#include "am-document-io.h"
#include "am-export-private.h"
#include "am-json-private.h"
#include "am-segmenter.h"
#include "am-util-private.h"

G_DEFINE_QUARK (am-export-error-quark, am_export_error)

static const struct
{
  AmExportFormat  format;
  const char     *name;
  const char     *extension;
} formats[] = {
  { AM_EXPORT_FORMAT_JSONL, "jsonl", "jsonl" },
  { AM_EXPORT_FORMAT_DOCCANO, "doccano", "jsonl" },
  { AM_EXPORT_FORMAT_DOCCANO_RELATIONS, "doccano-relations", "jsonl" },
  { AM_EXPORT_FORMAT_BRAT, "brat", NULL },
  { AM_EXPORT_FORMAT_CONLL, "conll", "conll" },
  { AM_EXPORT_FORMAT_CSV, "csv", "csv" },
  { AM_EXPORT_FORMAT_W3C, "w3c", "jsonld" },
  { AM_EXPORT_FORMAT_WEBANNO, "webanno", NULL },
};

const char *
am_export_format_to_string (AmExportFormat format)
{
  g_return_val_if_fail (format <= AM_EXPORT_FORMAT_WEBANNO, NULL);
  return formats[format].name;
}

gboolean
am_export_format_from_string (const char     *str,
                              AmExportFormat *format)
{
  guint i;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (str, formats[i].name) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }
  /* The names people know the formats by. */
  if (g_ascii_strcasecmp (str, "spacy") == 0 || g_ascii_strcasecmp (str, "prodigy") == 0)
    *format = AM_EXPORT_FORMAT_JSONL;
  else if (g_ascii_strcasecmp (str, "inception") == 0 || g_ascii_strcasecmp (str, "tsv") == 0)
    *format = AM_EXPORT_FORMAT_WEBANNO;
  else if (g_ascii_strcasecmp (str, "web-annotation") == 0 || g_ascii_strcasecmp (str, "jsonld") == 0)
    *format = AM_EXPORT_FORMAT_W3C;
  else if (g_ascii_strcasecmp (str, "bio") == 0)
    *format = AM_EXPORT_FORMAT_CONLL;
  else
    return FALSE;
  return TRUE;
}

gboolean
am_export_format_is_folder (AmExportFormat format)
{
  g_return_val_if_fail (format <= AM_EXPORT_FORMAT_WEBANNO, FALSE);
  return formats[format].extension == NULL;
}

const char *
am_export_format_get_extension (AmExportFormat format)
{
  g_return_val_if_fail (format <= AM_EXPORT_FORMAT_WEBANNO, NULL);
  return formats[format].extension;
}

/* Helpers for the writers */

/* A writer without a stream (one in a loader thread) keeps the document's
 * output in its buffer for the exporter's thread to write out. */
gboolean
_am_export_flush (AmExportWriter  *w,
                  GError         **error)
{
  gboolean ok = TRUE;

  if (w->out == NULL)
    return TRUE;
  if (w->buf->len > 0)
    ok = g_output_stream_write_all (w->out, w->buf->str, w->buf->len, NULL,
                                    w->cancellable, error);
  g_string_truncate (w->buf, 0);
  return ok;
}

static void
export_file_free (AmExportFile *file)
{
  g_free (file->basename);
  g_bytes_unref (file->contents);
  g_free (file);
}

gboolean
_am_export_write_file (AmExportWriter  *w,
                       const char      *name,
                       const char      *extension,
                       const char      *data,
                       gsize            length,
                       GError         **error)
{
  g_autofree char *basename = g_strconcat (name, extension, NULL);
  g_autoptr(GFile) file = NULL;

  if (w->folder == NULL)
    {
      AmExportFile *kept = g_new (AmExportFile, 1);

      kept->basename = g_steal_pointer (&basename);
      kept->contents = g_bytes_new (data, length);
      g_ptr_array_add (w->files, kept);
      return TRUE;
    }

  file = g_file_get_child (w->folder, basename);
  return g_file_replace_contents (file, data, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  w->cancellable, error);
}

/* Frees what @w owns: all but @notes, @kept_labels and @cancellable. */
static void
writer_clear (AmExportWriter *w)
{
  g_clear_object (&w->out);
  g_clear_object (&w->folder);
  if (w->buf != NULL)
    g_string_free (g_steal_pointer (&w->buf), TRUE);
  g_clear_pointer (&w->labels, g_ptr_array_unref);
  g_clear_pointer (&w->relations, g_ptr_array_unref);
  g_clear_pointer (&w->seen, g_hash_table_unref);
  g_clear_pointer (&w->files, g_ptr_array_unref);
}

static void
writer_init (AmExportWriter  *w,
             AmExportFormat   format,
             AmExportOffsets  offsets,
             GHashTable      *kept_labels,
             GPtrArray       *notes,
             gsize            size)
{
  w->format = format;
  w->offsets = offsets;
  w->kept_labels = kept_labels;
  w->notes = notes;
  w->buf = g_string_sized_new (size);
  w->labels = g_ptr_array_new_with_free_func (g_object_unref);
  w->relations = g_ptr_array_new_with_free_func (g_object_unref);
  w->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  w->files = g_ptr_array_new_with_free_func ((GDestroyNotify) export_file_free);
}

void
_am_export_append_uint (GString *buf,
                        guint64  value)
{
  char digits[24];
  char *p = digits + sizeof digits;

  do
    {
      *--p = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);
  _am_export_put (buf, p, digits + sizeof digits - p);
}

/* JSON string, UTF-8 kept as it is (only quotes, backslashes and control
 * characters are escaped), as json.dumps(ensure_ascii=False) writes it. */
void
_am_export_append_json (GString    *buf,
                        const char *str,
                        gssize      length)
{
  static const char hex[] = "0123456789abcdef";
  const guchar *p = (const guchar *) str;
  const guchar *end;
  const guchar *run;

  if (length < 0)
    length = strlen (str);
  end = p + length;

  g_string_append_c (buf, '"');
  run = p;
  for (; p < end; p++)
    {
      guchar c;

      p = (const guchar *) am_json_skip_plain ((const char *) p, (const char *) end);
      if (p == end)
        break;
      c = *p;
      _am_export_put (buf, (const char *) run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': _am_export_put_literal (buf, "\\\""); break;
        case '\\': _am_export_put_literal (buf, "\\\\"); break;
        case '\n': _am_export_put_literal (buf, "\\n"); break;
        case '\t': _am_export_put_literal (buf, "\\t"); break;
        case '\r': _am_export_put_literal (buf, "\\r"); break;
        case '\b': _am_export_put_literal (buf, "\\b"); break;
        case '\f': _am_export_put_literal (buf, "\\f"); break;
        default:
          _am_export_put_literal (buf, "\\u00");
          g_string_append_c (buf, hex[c >> 4]);
          g_string_append_c (buf, hex[c & 0xf]);
          break;
        }
    }
  _am_export_put (buf, (const char *) run, p - run);
  g_string_append_c (buf, '"');
}

void
_am_export_append_span_text (GString *buf,
                             AmText  *text,
                             guint    start,
                             guint    end,
                             gboolean json)
{
  gsize b0 = am_text_offset_to_byte (text, start);
  gsize b1 = am_text_offset_to_byte (text, end);

  if (json)
    _am_export_append_json (buf, am_text_get_utf8 (text) + b0, b1 - b0);
  else
    g_string_append_len (buf, am_text_get_utf8 (text) + b0, b1 - b0);
}

guint
_am_export_offset (AmExportWriter *w,
                   AmText         *text,
                   guint           offset)
{
  return w->offsets == AM_EXPORT_OFFSETS_UTF16 ? am_text_offset_to_utf16 (text, offset) : offset;
}

void
_am_export_note (AmExportWriter *w,
                 const char     *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (w->notes, g_strdup_vprintf (format, args));
  va_end (args);
}

/* The exporter */

typedef struct
{
  char         *name;
  GFile        *file;
  GBytes       *document;
  AmCorpus     *corpus;
  AmCorpusItem *item;
} Input;

typedef struct
{
  char   *name;
  double  ratio;
} Part;

struct _AmExporter
{
  GObject          parent_instance;

  AmExportFormat   format;
  AmExportOffsets  offsets;
  GHashTable      *kept_labels;
  guint            statuses;  /* bit (1 << status) set: exported */
  GArray          *parts;     /* Part; empty: no split */
  guint64          seed;
  gboolean         overwrite;

  GPtrArray       *inputs;    /* Input */
  GHashTable      *names;

  GMainContext    *progress_context;
  guint            n_written;
  guint            n_skipped;
  guint            n_spans;
  guint            n_links;
  GPtrArray       *problems;
  GPtrArray       *notes;
  GPtrArray       *outputs;
};

G_DEFINE_FINAL_TYPE (AmExporter, am_exporter, G_TYPE_OBJECT)

enum {
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
input_free (Input *input)
{
  g_free (input->name);
  g_clear_object (&input->file);
  g_clear_pointer (&input->document, g_bytes_unref);
  g_clear_object (&input->corpus);
  g_clear_object (&input->item);
  g_free (input);
}

/* The file for messages, or the name of a document added open. */
static char *
describe_input (Input *input)
{
  return input->file != NULL ? g_file_get_parse_name (input->file) : g_strdup (input->name);
}

static void
part_clear (Part *part)
{
  g_free (part->name);
}

static void
am_exporter_dispose (GObject *object)
{
  AmExporter *self = AM_EXPORTER (object);

  g_clear_pointer (&self->inputs, g_ptr_array_unref);
  g_clear_pointer (&self->progress_context, g_main_context_unref);

  G_OBJECT_CLASS (am_exporter_parent_class)->dispose (object);
}

static void
am_exporter_finalize (GObject *object)
{
  AmExporter *self = AM_EXPORTER (object);

  g_clear_pointer (&self->kept_labels, g_hash_table_unref);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->outputs, g_ptr_array_unref);

  G_OBJECT_CLASS (am_exporter_parent_class)->finalize (object);
}

static void
am_exporter_class_init (AmExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_exporter_dispose;
  object_class->finalize = am_exporter_finalize;

  /**
   * AmExporter::progress:
   * @done: inputs handled so far
   * @total: inputs in all
   *
   * Emitted after each input, in the thread that started the export (for
   * am_exporter_export_async(), its thread-default main context).
   */
  signals[PROGRESS] =
    g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
am_exporter_init (AmExporter *self)
{
  self->statuses = (1 << AM_DOCUMENT_STATUS_NEW) | (1 << AM_DOCUMENT_STATUS_IN_PROGRESS) |
                   (1 << AM_DOCUMENT_STATUS_DONE);
  self->parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_array_set_clear_func (self->parts, (GDestroyNotify) part_clear);
  self->inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) input_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->problems = g_ptr_array_new_with_free_func (g_free);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->outputs = g_ptr_array_new_with_free_func (g_free);
}

/**
 * am_exporter_new:
 *
 * An export of documents and corpora to @format. Add inputs with
 * am_exporter_add_document() and am_exporter_add_file(), set filters, then
 * call am_exporter_export() or am_exporter_export_async() once.
 */
AmExporter *
am_exporter_new (AmExportFormat format)
{
  AmExporter *self;

  g_return_val_if_fail (format <= AM_EXPORT_FORMAT_WEBANNO, NULL);

  self = g_object_new (AM_TYPE_EXPORTER, NULL);
  self->format = format;
  return self;
}

AmExportFormat
am_exporter_get_format (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), AM_EXPORT_FORMAT_JSONL);
  return self->format;
}

/**
 * am_exporter_set_labels:
 * @labels: (nullable) (array zero-terminated=1): label ids to keep, or %NULL
 *   for every label
 *
 * Spans with other labels are left out, and so are links to or from them.
 */
void
am_exporter_set_labels (AmExporter         *self,
                        const char * const *labels)
{
  guint i;

  g_return_if_fail (AM_IS_EXPORTER (self));

  g_clear_pointer (&self->kept_labels, g_hash_table_unref);
  if (labels == NULL)
    return;
  self->kept_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (i = 0; labels[i] != NULL; i++)
    g_hash_table_add (self->kept_labels, g_strdup (labels[i]));
}

/**
 * am_exporter_set_statuses:
 * @statuses: (array length=n_statuses): the statuses of the documents to
 *   export; documents with another status are skipped
 *
 * By default every document is exported.
 */
void
am_exporter_set_statuses (AmExporter             *self,
                          const AmDocumentStatus *statuses,
                          guint                   n_statuses)
{
  guint i;

  g_return_if_fail (AM_IS_EXPORTER (self));
  g_return_if_fail (statuses != NULL || n_statuses == 0);

  self->statuses = 0;
  for (i = 0; i < n_statuses; i++)
    self->statuses |= 1 << statuses[i];
}

void
am_exporter_set_offsets (AmExporter      *self,
                         AmExportOffsets  offsets)
{
  g_return_if_fail (AM_IS_EXPORTER (self));
  self->offsets = offsets;
}

/**
 * am_exporter_set_overwrite:
 *
 * Whether existing output files may be replaced. Off by default: the export
 * then refuses to start if any output exists.
 */
void
am_exporter_set_overwrite (AmExporter *self,
                           gboolean    overwrite)
{
  g_return_if_fail (AM_IS_EXPORTER (self));
  self->overwrite = !!overwrite;
}

static gboolean
part_name_is_valid (const char *name)
{
  const char *p;

  if (*name == '\0')
    return FALSE;
  for (p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

/**
 * am_exporter_set_split:
 * @spec: parts and their shares, such as "train=0.8,dev=0.1,test=0.1"
 * @seed: any number; the same seed gives the same split
 *
 * Splits the documents into parts, each written to its own file or folder
 * named after the part. A document's part depends only on its name and
 * @seed (a 64-bit hash, not a random generator), so it is the same on every
 * machine, and does not change when documents are added, removed or
 * filtered out.
 *
 * Returns: %FALSE with @error set if @spec is not a list of NAME=SHARE with
 *   shares that add up to 1
 */
gboolean
am_exporter_set_split (AmExporter  *self,
                       const char  *spec,
                       guint64      seed,
                       GError     **error)
{
  g_autoptr(GArray) parts = NULL;
  g_auto(GStrv) items = NULL;
  double sum = 0;
  guint i;

  g_return_val_if_fail (AM_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (spec != NULL, FALSE);

  parts = g_array_new (FALSE, FALSE, sizeof (Part));
  g_array_set_clear_func (parts, (GDestroyNotify) part_clear);
  items = g_strsplit (spec, ",", -1);
  for (i = 0; items[i] != NULL; i++)
    {
      const char *eq = strchr (items[i], '=');
      g_autofree char *name = NULL;
      char *end = NULL;
      Part part;
      guint k;

      if (eq == NULL)
        {
          g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_OPTION,
                       _("“%s” is not NAME=SHARE (such as train=0.8)"), items[i]);
          return FALSE;
        }
      name = g_strstrip (g_strndup (items[i], eq - items[i]));
      if (!part_name_is_valid (name))
        {
          g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_OPTION,
                       _("“%s” is not a part name: use letters, digits, “-” and “_”"), name);
          return FALSE;
        }
      for (k = 0; k < parts->len; k++)
        {
          if (g_str_equal (g_array_index (parts, Part, k).name, name))
            {
              g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_OPTION,
                           _("The part “%s” is named twice"), name);
              return FALSE;
            }
        }
      part.ratio = g_ascii_strtod (eq + 1, &end);
      if (end == eq + 1 || *end != '\0' || !(part.ratio >= 0 && part.ratio <= 1))
        {
          g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_OPTION,
                       _("The share of “%s” must be a number from 0 to 1, not “%s”"),
                       name, eq + 1);
          return FALSE;
        }
      sum += part.ratio;
      part.name = g_steal_pointer (&name);
      g_array_append_val (parts, part);
    }
  if (parts->len < 2 || sum < 0.999 || sum > 1.001)
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_INVALID_OPTION,
                   _("A split needs at least two parts whose shares add up to 1 (these add up to "
                     "%g)"), sum);
      return FALSE;
    }

  g_clear_pointer (&self->parts, g_array_unref);
  self->parts = g_steal_pointer (&parts);
  self->seed = seed;
  return TRUE;
}

/* SplitMix64's finaliser: a bijection that spreads every input bit over the
 * whole word, the same on every machine. */
static guint64
mix64 (guint64 x)
{
  x ^= x >> 30;
  x *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x ^= x >> 27;
  x *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return x;
}

/**
 * am_exporter_assign_part:
 * @name: a document name
 *
 * Returns: (nullable): the part of the split that the document @name goes
 *   to, or %NULL if there is no split
 */
const char *
am_exporter_assign_part (AmExporter *self,
                         const char *name)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);
  const guchar *p;
  double u;
  double cumulative = 0;
  guint i;

  g_return_val_if_fail (AM_IS_EXPORTER (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->parts->len == 0)
    return NULL;

  /* FNV-1a of the name, mixed with the seed. */
  for (p = (const guchar *) name; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= G_GUINT64_CONSTANT (0x100000001b3);
    }
  hash = mix64 (hash ^ mix64 (self->seed + G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
  u = (double) (hash >> 11) / (double) (G_GUINT64_CONSTANT (1) << 53);

  for (i = 0; i < self->parts->len; i++)
    {
      Part *part = &g_array_index (self->parts, Part, i);

      cumulative += part->ratio;
      if (u < cumulative && part->ratio > 0)
        return part->name;
    }
  /* Rounding: shares that add up to 0.9999 leave the last sliver to the
   * last part with a share. */
  for (i = self->parts->len; i > 0; i--)
    {
      Part *part = &g_array_index (self->parts, Part, i - 1);

      if (part->ratio > 0)
        return part->name;
    }
  return g_array_index (self->parts, Part, 0).name;
}

/* Inputs */

/* A name that is safe as a file name and unique in this export. */
static char *
unique_name (AmExporter *self,
             const char *wanted)
{
  g_autofree char *base = NULL;
  char *name;
  char *p;
  guint n;

  base = g_strdup (wanted != NULL && *wanted != '\0' ? wanted : "document");
  for (p = base; *p != '\0'; p++)
    {
      if (*p == '/' || *p == '\\' || (guchar) *p < 0x20)
        *p = '-';
    }
  if (base[0] == '.')
    base[0] = '_';

  name = g_strdup (base);
  for (n = 2; g_hash_table_contains (self->names, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (self->names, g_strdup (name));
  return name;
}

/**
 * am_exporter_add_document:
 * @name: (nullable): the document's name in the export (its id, and its file
 *   name in brat and webanno folders), or %NULL for its "id" metadata
 *
 * Adds a document that is already open, as it is now: the export threads
 * read a copy, so the document may be edited (and shown) meanwhile, and
 * later edits are not exported.
 */
void
am_exporter_add_document (AmExporter *self,
                          AmDocument *document,
                          const char *name)
{
  Input *input;

  g_return_if_fail (AM_IS_EXPORTER (self));
  g_return_if_fail (AM_IS_DOCUMENT (document));

  input = g_new0 (Input, 1);
  input->name = unique_name (self, name != NULL ? name : am_document_get_meta (document, "id"));
  /* A GListStore is not to be read from two threads at once, not even
   * read: it caches the position last looked up. */
  input->document = am_document_to_bytes (document);
  g_ptr_array_add (self->inputs, input);
}

static char *
name_of_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".argumark.json"))
    basename[strlen (basename) - strlen (".argumark.json")] = '\0';
  else if (g_str_has_suffix (basename, ".json") || g_str_has_suffix (basename, ".txt"))
    *strrchr (basename, '.') = '\0';
  return g_steal_pointer (&basename);
}

static void
add_input_file (AmExporter *self,
                GFile      *file)
{
  g_autofree char *stem = name_of_file (file);
  Input *input = g_new0 (Input, 1);

  input->name = unique_name (self, stem);
  input->file = g_object_ref (file);
  g_ptr_array_add (self->inputs, input);
}

/* A corpus folder (am-corpus.h): its documents and the articles that have
 * none yet, in the corpus's order. Loading waits for the export itself, so
 * the memory an export takes does not grow with the corpus. */
static gboolean
add_corpus (AmExporter  *self,
            GFile       *folder,
            GError     **error)
{
  g_autoptr(AmCorpus) corpus = am_corpus_open (folder, error);
  guint n;
  guint i;

  if (corpus == NULL)
    return FALSE;

  n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  if (n == 0)
    {
      g_autofree char *path = g_file_get_parse_name (folder);

      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_NO_INPUT,
                   _("%s holds no Argumark documents (NAME.argumark.json) or articles (NAME.txt)"),
                   path);
      return FALSE;
    }

  for (i = 0; i < n; i++)
    {
      AmCorpusItem *item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      Input *input = g_new0 (Input, 1);
      GFile *file = am_corpus_item_get_has_document (item) ?
                    am_corpus_item_get_document_file (item) :
                    am_corpus_item_get_article_file (item);

      input->name = unique_name (self, am_corpus_item_get_name (item));
      input->file = g_object_ref (file);
      input->corpus = g_object_ref (corpus);
      input->item = item;
      g_ptr_array_add (self->inputs, input);
    }
  return TRUE;
}

/**
 * am_exporter_add_file:
 * @file: an Argumark document, an article, or a corpus folder
 *
 * Adds the document in @file, or every document of the corpus folder @file.
 * Documents are loaded one at a time during the export.
 *
 * Returns: %FALSE with @error set if @file cannot be read
 */
gboolean
am_exporter_add_file (AmExporter  *self,
                      GFile       *file,
                      GError     **error)
{
  GFileType type;

  g_return_val_if_fail (AM_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);
  if (type == G_FILE_TYPE_DIRECTORY)
    return add_corpus (self, file, error);
  if (type == G_FILE_TYPE_UNKNOWN)
    {
      g_autofree char *path = g_file_get_parse_name (file);

      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_NO_INPUT,
                   _("%s does not exist"), path);
      return FALSE;
    }
  add_input_file (self, file);
  return TRUE;
}

guint
am_exporter_get_n_inputs (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), 0);
  return self->inputs->len;
}

/* Running the export */

typedef struct
{
  const char     *part;
  GFile          *target;
  GFile          *temp;
  AmExportWriter  w;
} Output;

static void
output_clear (Output *o)
{
  g_clear_object (&o->target);
  g_clear_object (&o->temp);
  writer_clear (&o->w);
}

typedef struct
{
  AmExporter *self;
  guint       done;
  guint       total;
} Progress;

static gboolean
emit_progress_cb (gpointer data)
{
  Progress *p = data;

  g_signal_emit (p->self, signals[PROGRESS], 0, p->done, p->total);
  return G_SOURCE_REMOVE;
}

static void
progress_free (Progress *p)
{
  g_object_unref (p->self);
  g_free (p);
}

static void
emit_progress (AmExporter *self,
               guint       done)
{
  Progress *p;

  if (self->progress_context == NULL)
    {
      g_signal_emit (self, signals[PROGRESS], 0, done, self->inputs->len);
      return;
    }
  p = g_new (Progress, 1);
  p->self = g_object_ref (self);
  p->done = done;
  p->total = self->inputs->len;
  g_main_context_invoke_full (self->progress_context, G_PRIORITY_DEFAULT, emit_progress_cb, p,
                              (GDestroyNotify) progress_free);
}

static void
add_problem (AmExporter *self,
             const char *where,
             const char *message)
{
  g_ptr_array_add (self->problems, g_strdup_printf ("%s: %s", where, message));
}

static gboolean
open_output (AmExporter  *self,
             Output      *o,
             GError     **error)
{
  if (am_export_format_is_folder (self->format))
    {
      o->w.folder = g_object_ref (o->target);
      if (!g_file_make_directory_with_parents (o->target, NULL, error))
        {
          if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            return FALSE;
          g_clear_error (error);
        }
    }
  else
    {
      g_autoptr(GFile) parent = g_file_get_parent (o->target);
      g_autofree char *basename = g_file_get_basename (o->target);
      g_autofree char *temp_name = g_strdup_printf (".%s.%d.part", basename, (int) getpid ());

      /* Written beside the target and renamed over it at the end: a failed
       * or cancelled export leaves any earlier file as it was. */
      if (parent != NULL && !g_file_make_directory_with_parents (parent, NULL, error))
        {
          if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_EXISTS))
            return FALSE;
          g_clear_error (error);
        }
      o->temp = parent != NULL ? g_file_get_child (parent, temp_name) : g_file_new_for_path (temp_name);
      o->w.out = G_OUTPUT_STREAM (g_file_replace (o->temp, NULL, FALSE, G_FILE_CREATE_NONE,
                                                  o->w.cancellable, error));
      if (o->w.out == NULL)
        return FALSE;
    }

  switch (self->format)
    {
    case AM_EXPORT_FORMAT_CSV:
      return _am_export_csv_begin (&o->w, error);
    case AM_EXPORT_FORMAT_W3C:
      return _am_export_w3c_begin (&o->w, error);
    case AM_EXPORT_FORMAT_JSONL:
    case AM_EXPORT_FORMAT_DOCCANO:
    case AM_EXPORT_FORMAT_DOCCANO_RELATIONS:
    case AM_EXPORT_FORMAT_BRAT:
    case AM_EXPORT_FORMAT_CONLL:
    case AM_EXPORT_FORMAT_WEBANNO:
    default:
      return TRUE;
    }
}

static gboolean
close_output (AmExporter  *self,
              Output      *o,
              GError     **error)
{
  gboolean ok = TRUE;

  if (self->format == AM_EXPORT_FORMAT_W3C)
    ok = _am_export_w3c_end (&o->w, error);
  else if (self->format == AM_EXPORT_FORMAT_BRAT)
    ok = _am_export_brat_end (&o->w, error);

  if (o->w.out != NULL)
    {
      ok = ok && g_output_stream_close (o->w.out, o->w.cancellable, error);
      ok = ok && g_file_move (o->temp, o->target, G_FILE_COPY_OVERWRITE, o->w.cancellable,
                              NULL, NULL, error);
    }
  return ok;
}

static void
discard_output (Output *o)
{
  if (o->w.out != NULL)
    g_output_stream_close (o->w.out, NULL, NULL);
  if (o->temp != NULL)
    g_file_delete (o->temp, NULL, NULL);
}

/* Writes @doc into @w; adds the spans and links written to *@n_spans and
 * *@n_links. Runs in a loader thread: it reads @self but changes nothing in
 * it. */
static gboolean
write_document (AmExporter      *self,
                AmExportWriter  *w,
                AmDocument      *doc,
                const char      *name,
                GArray          *words,
                GArray          *sentences,
                guint           *n_spans,
                guint           *n_links,
                GError         **error)
{
  GListModel *annotations = am_document_get_annotations (doc);
  GListModel *links = am_document_get_links (doc);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) kept_links = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) kept_ids = NULL;
  AmExportDoc d;
  guint n;
  guint i;

  if (self->kept_labels != NULL)
    kept_ids = g_hash_table_new (g_str_hash, g_str_equal);

  n = g_list_model_get_n_items (annotations);
  for (i = 0; i < n; i++)
    {
      AmAnnotation *a = g_list_model_get_item (annotations, i);

      if (kept_ids != NULL)
        {
          if (!g_hash_table_contains (self->kept_labels, am_annotation_get_label (a)))
            {
              g_object_unref (a);
              continue;
            }
          g_hash_table_add (kept_ids, (gpointer) am_annotation_get_id (a));
        }
      g_ptr_array_add (spans, a);
    }
  n = g_list_model_get_n_items (links);
  for (i = 0; i < n; i++)
    {
      AmLink *link = g_list_model_get_item (links, i);

      if (kept_ids != NULL &&
          (!g_hash_table_contains (kept_ids, am_link_get_from (link)) ||
           !g_hash_table_contains (kept_ids, am_link_get_to (link))))
        {
          g_object_unref (link);
          continue;
        }
      g_ptr_array_add (kept_links, link);
    }

  d.doc = doc;
  d.text = am_document_get_text (doc);
  d.name = name;
  d.spans = spans;
  d.links = kept_links;
  d.words = words;
  d.sentences = sentences;

  switch (self->format)
    {
    case AM_EXPORT_FORMAT_JSONL:
      if (!_am_export_jsonl_document (w, &d, error))
        return FALSE;
      break;
    case AM_EXPORT_FORMAT_DOCCANO:
    case AM_EXPORT_FORMAT_DOCCANO_RELATIONS:
      if (!_am_export_doccano_document (w, &d, error))
        return FALSE;
      break;
    case AM_EXPORT_FORMAT_BRAT:
      if (!_am_export_brat_document (w, &d, error))
        return FALSE;
      break;
    case AM_EXPORT_FORMAT_CONLL:
      if (!_am_export_conll_document (w, &d, error))
        return FALSE;
      break;
    case AM_EXPORT_FORMAT_CSV:
      if (!_am_export_csv_document (w, &d, error))
        return FALSE;
      break;
    case AM_EXPORT_FORMAT_W3C:
      if (!_am_export_w3c_document (w, &d, error))
        return FALSE;
      break;
    case AM_EXPORT_FORMAT_WEBANNO:
      if (!_am_export_webanno_document (w, &d, error))
        return FALSE;
      break;
    default:
      g_assert_not_reached ();
    }

  *n_spans += spans->len;
  /* Count only the links that the format holds. */
  if (self->format != AM_EXPORT_FORMAT_DOCCANO && self->format != AM_EXPORT_FORMAT_CONLL &&
      self->format != AM_EXPORT_FORMAT_CSV)
    *n_links += kept_links->len;
  return TRUE;
}

/* Read-ahead: documents are loaded and written by a few worker threads, at
 * most READ_AHEAD inputs ahead of the one being written out, so that the
 * work uses every core while memory stays flat and the output keeps the
 * input order. Each worker writes its document with a writer of its own and
 * frees the document itself: the exporter's thread only moves the results
 * to the outputs, and no document crosses threads. */
#define READ_AHEAD 16

typedef struct
{
  gboolean          ready;
  /* Why the input could not be read, or what it held: its status, the
   * schema's label ids (only for --labels, which reports labels no
   * document has) and annotations that no longer fit the text. */
  GError           *error;
  AmDocumentStatus  status;
  GStrv             label_ids;
  guint             n_orphans;
  /* If the status passes the filter: the document written, or why not. */
  AmExportWriter    w;
  GError           *write_error;
  guint             n_spans;
  guint             n_links;
} Slot;

typedef struct
{
  AmExporter      *exporter;
  AmExportOffsets  offsets;
  GPtrArray       *inputs;
  Slot            *slots;
  GMutex           lock;
  GCond            cond;
  /* The slot the exporter's thread waits for, if it waits: only its
   * loader wakes it, not every loader that finishes. */
  guint            waiting_for;
  GThreadPool     *pool;
} Loader;

static void
slot_clear (Slot *slot)
{
  g_clear_error (&slot->error);
  g_clear_pointer (&slot->label_ids, g_strfreev);
  g_clear_pointer (&slot->w.notes, g_ptr_array_unref);
  writer_clear (&slot->w);
  g_clear_error (&slot->write_error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Slot, slot_clear)

static GStrv
dup_label_ids (AmDocument *doc)
{
  GListModel *labels = am_label_schema_get_labels (am_document_get_schema (doc));
  guint n = g_list_model_get_n_items (labels);
  GStrv ids = g_new0 (char *, n + 1);
  guint k;

  for (k = 0; k < n; k++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, k);

      ids[k] = g_strdup (am_label_get_id (label));
    }
  return ids;
}

static void
load_one (gpointer data,
          gpointer user_data)
{
  Loader *loader = user_data;
  AmExporter *self = loader->exporter;
  guint i = GPOINTER_TO_UINT (data) - 1;
  Input *input = g_ptr_array_index (loader->inputs, i);
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) sentences = NULL;
  Slot done = { 0, };

  if (input->document != NULL)
    doc = am_document_load_from_data (g_bytes_get_data (input->document, NULL),
                                      g_bytes_get_size (input->document), &report, &done.error);
  else if (input->item != NULL)
    doc = am_corpus_open_item (input->corpus, input->item, &report, &done.error);
  else
    doc = am_document_open (input->file, &report, &done.error);

  if (doc != NULL)
    {
      done.n_orphans = report != NULL ? am_load_report_get_n_orphans (report) : 0;
      done.status = am_document_get_status (doc);
      if (self->kept_labels != NULL)
        done.label_ids = dup_label_ids (doc);
    }

  if (doc != NULL && (self->statuses & (1 << done.status)) != 0)
    {
      /* Token formats cut the text here; if that fails, the writer tries
       * again and says why. */
      if (self->format == AM_EXPORT_FORMAT_CONLL || self->format == AM_EXPORT_FORMAT_WEBANNO)
        am_segment_words_and_sentences (am_document_get_text (doc),
                                        am_document_get_meta (doc, "language"),
                                        &words, &sentences, NULL);

      writer_init (&done.w, self->format, loader->offsets, self->kept_labels,
                   g_ptr_array_new_with_free_func (g_free),
                   2 * am_text_get_n_bytes (am_document_get_text (doc)) + 4096);
      write_document (self, &done.w, doc, input->name, words, sentences, &done.n_spans,
                      &done.n_links, &done.write_error);
    }

  g_mutex_lock (&loader->lock);
  done.ready = TRUE;
  loader->slots[i] = done;
  if (loader->waiting_for == i)
    g_cond_signal (&loader->cond);
  g_mutex_unlock (&loader->lock);
}

static void
loader_init (Loader          *loader,
             AmExporter      *self,
             AmExportOffsets  offsets)
{
  guint i;

  loader->exporter = self;
  loader->offsets = offsets;
  loader->inputs = self->inputs;
  loader->slots = g_new0 (Slot, loader->inputs->len);
  loader->waiting_for = G_MAXUINT;
  g_mutex_init (&loader->lock);
  g_cond_init (&loader->cond);
  loader->pool = g_thread_pool_new (load_one, loader, CLAMP (g_get_num_processors (), 1, 4),
                                    FALSE, NULL);
  for (i = 0; i < MIN (loader->inputs->len, READ_AHEAD); i++)
    g_thread_pool_push (loader->pool, GUINT_TO_POINTER (i + 1), NULL);
}

/* Waits for input @i and moves it into @slot; asks for input i + READ_AHEAD. */
static void
loader_take (Loader *loader,
             guint   i,
             Slot   *slot)
{
  if (i + READ_AHEAD < loader->inputs->len)
    g_thread_pool_push (loader->pool, GUINT_TO_POINTER (i + READ_AHEAD + 1), NULL);

  g_mutex_lock (&loader->lock);
  loader->waiting_for = i;
  while (!loader->slots[i].ready)
    g_cond_wait (&loader->cond, &loader->lock);
  loader->waiting_for = G_MAXUINT;
  *slot = loader->slots[i];
  memset (&loader->slots[i], 0, sizeof (Slot));
  g_mutex_unlock (&loader->lock);
}

static void
loader_clear (Loader *loader)
{
  guint i;

  /* Queued loads are dropped, running ones finish. */
  g_thread_pool_free (loader->pool, TRUE, TRUE);
  for (i = 0; i < loader->inputs->len; i++)
    slot_clear (&loader->slots[i]);
  g_free (loader->slots);
  g_mutex_clear (&loader->lock);
  g_cond_clear (&loader->cond);
}

/* Moves what a loader wrote for one document to the output @w. */
static gboolean
write_out (AmExportWriter *w,
           AmExportWriter *from,
           GError        **error)
{
  guint i;

  /* w3c items are separated by commas across documents too. */
  if (from->n_items > 0 && w->n_items > 0)
    g_string_append_c (w->buf, ',');
  w->n_items += from->n_items;
  if (!_am_export_flush (w, error))
    return FALSE;
  if (w->out != NULL && from->buf->len > 0 &&
      !g_output_stream_write_all (w->out, from->buf->str, from->buf->len, NULL, w->cancellable,
                                  error))
    return FALSE;

  for (i = 0; i < from->files->len; i++)
    {
      AmExportFile *file = g_ptr_array_index (from->files, i);
      gsize length;
      const char *data = g_bytes_get_data (file->contents, &length);

      /* An empty GBytes has no data, an empty file still has contents. */
      if (!_am_export_write_file (w, file->basename, "", data != NULL ? data : "", length, error))
        return FALSE;
    }

  if (w->format == AM_EXPORT_FORMAT_BRAT)
    _am_export_brat_merge (w, from);
  return TRUE;
}

static gboolean
export_all (AmExporter    *self,
            GFile         *output,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GHashTable) labels_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_outputs = MAX (self->parts->len, 1);
  Loader loader = { 0, };
  Output *outputs;
  gboolean ok = TRUE;
  AmExportOffsets offsets = self->offsets;
  guint i;

  if (self->inputs->len == 0)
    {
      g_set_error_literal (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_NO_INPUT,
                           _("There are no documents to export"));
      return FALSE;
    }

  if (offsets == AM_EXPORT_OFFSETS_DEFAULT)
    offsets = self->format == AM_EXPORT_FORMAT_DOCCANO ||
              self->format == AM_EXPORT_FORMAT_DOCCANO_RELATIONS ?
              AM_EXPORT_OFFSETS_UTF16 : AM_EXPORT_OFFSETS_CODE_POINTS;

  outputs = g_new0 (Output, n_outputs);
  for (i = 0; i < n_outputs; i++)
    {
      Output *o = &outputs[i];
      const char *extension = am_export_format_get_extension (self->format);

      if (self->parts->len > 0)
        {
          g_autofree char *basename = NULL;

          o->part = g_array_index (self->parts, Part, i).name;
          basename = extension != NULL ? g_strconcat (o->part, ".", extension, NULL) : g_strdup (o->part);
          o->target = g_file_get_child (output, basename);
        }
      else
        o->target = g_object_ref (output);

      writer_init (&o->w, self->format, offsets, self->kept_labels, self->notes, 1 << 12);
      o->w.cancellable = cancellable;
    }

  /* Nothing is written if anything would be overwritten. */
  for (i = 0; ok && i < n_outputs && !self->overwrite; i++)
    {
      if (g_file_query_exists (outputs[i].target, cancellable))
        {
          g_autofree char *path = g_file_get_parse_name (outputs[i].target);

          g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_EXISTS,
                       _("%s already exists: nothing was written (choose another name, or "
                         "allow overwriting)"), path);
          ok = FALSE;
        }
    }

  for (i = 0; ok && i < n_outputs; i++)
    {
      if (!open_output (self, &outputs[i], error))
        {
          g_autofree char *path = g_file_get_parse_name (outputs[i].target);

          g_prefix_error (error, _("Cannot write %s: "), path);
          ok = FALSE;
        }
    }

  if (ok)
    loader_init (&loader, self, offsets);
  for (i = 0; ok && i < self->inputs->len; i++)
    {
      Input *input = g_ptr_array_index (self->inputs, i);
      g_auto(Slot) slot = { 0, };
      g_autoptr(GError) local_error = NULL;
      Output *o = &outputs[0];
      const char *part;
      gboolean written;
      guint k;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }

      loader_take (&loader, i, &slot);
      if (slot.error != NULL)
        {
          g_autofree char *path = describe_input (input);

          add_problem (self, path, slot.error->message);
          emit_progress (self, i + 1);
          continue;
        }
      if (slot.n_orphans > 0)
        {
          g_autofree char *path = describe_input (input);

          g_ptr_array_add (self->notes,
                           g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "%s: %u annotation no longer fits the "
                                                         "text and is not exported (open the "
                                                         "document to place it again)",
                                                         "%s: %u annotations no longer fit the "
                                                         "text and are not exported (open the "
                                                         "document to place them again)",
                                                         slot.n_orphans),
                                            path, slot.n_orphans));
        }

      for (k = 0; slot.label_ids != NULL && slot.label_ids[k] != NULL; k++)
        {
          if (!g_hash_table_contains (labels_seen, slot.label_ids[k]))
            g_hash_table_add (labels_seen, g_strdup (slot.label_ids[k]));
        }

      if ((self->statuses & (1 << slot.status)) == 0)
        {
          self->n_skipped++;
          emit_progress (self, i + 1);
          continue;
        }

      part = am_exporter_assign_part (self, input->name);
      if (part != NULL)
        {
          for (k = 0; k < n_outputs; k++)
            {
              if (g_str_equal (outputs[k].part, part))
                o = &outputs[k];
            }
        }

      for (k = 0; k < slot.w.notes->len; k++)
        g_ptr_array_add (self->notes, g_steal_pointer (&g_ptr_array_index (slot.w.notes, k)));
      if (slot.write_error != NULL)
        {
          written = FALSE;
          local_error = g_steal_pointer (&slot.write_error);
        }
      else
        {
          written = write_out (&o->w, &slot.w, &local_error);
          self->n_spans += slot.n_spans;
          self->n_links += slot.n_links;
        }

      if (!written)
        {
          if (!g_error_matches (local_error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_SEGMENTATION))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              ok = FALSE;
              break;
            }
          add_problem (self, input->name, local_error->message);
        }
      else
        self->n_written++;
      emit_progress (self, i + 1);
    }
  if (loader.slots != NULL)
    loader_clear (&loader);

  for (i = 0; i < n_outputs; i++)
    {
      if (ok && !close_output (self, &outputs[i], error))
        ok = FALSE;
      if (!ok)
        discard_output (&outputs[i]);
      else
        g_ptr_array_add (self->outputs, g_file_get_parse_name (outputs[i].target));
      output_clear (&outputs[i]);
    }
  g_free (outputs);

  if (ok && self->kept_labels != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->kept_labels);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          if (!g_hash_table_contains (labels_seen, key))
            g_ptr_array_add (self->notes,
                             g_strdup_printf (_("the label “%s” is in no document’s schema"),
                                              (const char *) key));
        }
    }

  return ok;
}

/**
 * am_exporter_export:
 * @output: the file to write, or the folder for brat, webanno and splits
 *   (a split writes PART.EXT files, or PART folders, into @output)
 *
 * Writes every input that passes the filters, one document at a time.
 * Inputs that cannot be read are listed by am_exporter_dup_problems() and
 * the others are exported. One-file outputs are written beside the target
 * and renamed over it at the end, so a failed or cancelled export leaves no
 * half-written file.
 *
 * Returns: %FALSE with @error set if the output cannot be written, exists
 *   (see am_exporter_set_overwrite()), or the export was cancelled
 */
gboolean
am_exporter_export (AmExporter    *self,
                    GFile         *output,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (output), FALSE);

  return export_all (self, output, cancellable, error);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AmExporter *self = source_object;
  GError *error = NULL;

  if (export_all (self, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * am_exporter_export_async:
 *
 * Runs am_exporter_export() in a worker thread. #AmExporter::progress is
 * emitted in the thread-default main context of the caller.
 */
void
am_exporter_export_async (AmExporter          *self,
                          GFile               *output,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AM_IS_EXPORTER (self));
  g_return_if_fail (G_IS_FILE (output));

  g_clear_pointer (&self->progress_context, g_main_context_unref);
  self->progress_context = g_main_context_ref_thread_default ();

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_exporter_export_async);
  /* A stop that comes after the output is in place must not report the
   * export as cancelled: export_all() checks @cancellable itself.
   */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, g_object_ref (output), g_object_unref);
  g_task_run_in_thread (task, export_thread);
}

gboolean
am_exporter_export_finish (AmExporter    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
am_exporter_get_n_written (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), 0);
  return self->n_written;
}

/**
 * am_exporter_get_n_skipped:
 *
 * Returns: the documents left out by the status filter
 */
guint
am_exporter_get_n_skipped (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), 0);
  return self->n_skipped;
}

guint
am_exporter_get_n_spans (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), 0);
  return self->n_spans;
}

guint
am_exporter_get_n_links (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), 0);
  return self->n_links;
}

/**
 * am_exporter_dup_problems:
 *
 * Returns: (transfer full): one line per input that could not be exported,
 *   "FILE: reason"
 */
GStrv
am_exporter_dup_problems (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), NULL);
  return _am_strv_from_ptr_array (self->problems);
}

/**
 * am_exporter_dup_notes:
 *
 * Returns: (transfer full): one line per thing the format could not hold
 *   and that was left out
 */
GStrv
am_exporter_dup_notes (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), NULL);
  return _am_strv_from_ptr_array (self->notes);
}

/**
 * am_exporter_dup_outputs:
 *
 * Returns: (transfer full): the files and folders written
 */
GStrv
am_exporter_dup_outputs (AmExporter *self)
{
  g_return_val_if_fail (AM_IS_EXPORTER (self), NULL);
  return _am_strv_from_ptr_array (self->outputs);
}
