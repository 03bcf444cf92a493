/* am-importer.c: turning other tools' files into Argumark documents
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-importer-private.h"
#include "am-util-private.h"

G_DEFINE_QUARK (am-import-error-quark, am_import_error)

static const struct
{
  AmImportFormat  format;
  const char     *name;
} format_names[] = {
  { AM_IMPORT_FORMAT_AUTO, "auto" },
  { AM_IMPORT_FORMAT_JSONL, "jsonl" },
  { AM_IMPORT_FORMAT_DOCCANO, "doccano" },
  { AM_IMPORT_FORMAT_BRAT, "brat" },
  { AM_IMPORT_FORMAT_WEBANNO, "webanno" },
  { AM_IMPORT_FORMAT_LABEL_STUDIO, "label-studio" },
  { AM_IMPORT_FORMAT_PRODIGY, "prodigy" },
  { AM_IMPORT_FORMAT_TEXT, "text" },
  { AM_IMPORT_FORMAT_W3C, "w3c" },
};

const char *
am_import_format_to_string (AmImportFormat format)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (format_names[i].format == format)
        return format_names[i].name;
    }
  g_return_val_if_reached (NULL);
}

gboolean
am_import_format_from_string (const char     *str,
                              AmImportFormat *format)
{
  guint i;

  g_return_val_if_fail (str != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  for (i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_ascii_strcasecmp (str, format_names[i].name) == 0)
        {
          *format = format_names[i].format;
          return TRUE;
        }
    }
  if (g_ascii_strcasecmp (str, "spacy") == 0)
    {
      *format = AM_IMPORT_FORMAT_PRODIGY;
      return TRUE;
    }
  if (g_ascii_strcasecmp (str, "labelstudio") == 0)
    {
      *format = AM_IMPORT_FORMAT_LABEL_STUDIO;
      return TRUE;
    }
  return FALSE;
}

/* The report */

struct _AmImportReport
{
  GObject    parent_instance;
  GPtrArray *lines;
  guint      n_errors;
  guint      n_warnings;
  guint      n_documents;
  guint      n_annotations;
  guint      n_links;
  guint      n_labels_added;
};

G_DEFINE_FINAL_TYPE (AmImportReport, am_import_report, G_TYPE_OBJECT)

static void
am_import_report_finalize (GObject *object)
{
  AmImportReport *self = AM_IMPORT_REPORT (object);

  g_clear_pointer (&self->lines, g_ptr_array_unref);

  G_OBJECT_CLASS (am_import_report_parent_class)->finalize (object);
}

static void
am_import_report_class_init (AmImportReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_import_report_finalize;
}

static void
am_import_report_init (AmImportReport *self)
{
  self->lines = g_ptr_array_new_with_free_func (g_free);
}

/**
 * am_import_report_dup_lines:
 *
 * Returns: (transfer full): one line per problem or change, in the order met,
 *   each "FILE:LINE: message" (or "FILE: message" for a whole file)
 */
GStrv
am_import_report_dup_lines (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), NULL);

  return _am_strv_from_ptr_array (self->lines);
}

/* Records or spans that were bad and not imported (the CLI exits 1) */
guint
am_import_report_get_n_errors (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), 0);
  return self->n_errors;
}

/* Things dropped or changed on purpose (unsupported features, labels added) */
guint
am_import_report_get_n_warnings (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), 0);
  return self->n_warnings;
}

guint
am_import_report_get_n_documents (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), 0);
  return self->n_documents;
}

guint
am_import_report_get_n_annotations (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), 0);
  return self->n_annotations;
}

guint
am_import_report_get_n_links (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), 0);
  return self->n_links;
}

guint
am_import_report_get_n_labels_added (AmImportReport *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), 0);
  return self->n_labels_added;
}

/**
 * am_import_report_has_line:
 *
 * Returns: whether some line of the report contains @substring
 */
gboolean
am_import_report_has_line (AmImportReport *self,
                           const char     *substring)
{
  guint i;

  g_return_val_if_fail (AM_IS_IMPORT_REPORT (self), FALSE);
  g_return_val_if_fail (substring != NULL, FALSE);

  for (i = 0; i < self->lines->len; i++)
    {
      if (strstr (g_ptr_array_index (self->lines, i), substring) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* The importer */

struct _AmImporter
{
  GObject          parent_instance;
  AmImportFormat   format;
  AmImportOffsets  offsets;
  AmLabelSchema   *schema;
  GListStore      *documents;
  GHashTable      *names;        /* AmDocument* → file name stem */
  GHashTable      *used_names;   /* stem → TRUE */
  GHashTable      *label_map;    /* original label → label id */
  GHashTable      *relation_map; /* original relation → relation id */
  GHashTable      *once;         /* keys of things done once per import */
  AmImportReport  *report;
};

G_DEFINE_FINAL_TYPE (AmImporter, am_importer, G_TYPE_OBJECT)

static void
am_importer_dispose (GObject *object)
{
  AmImporter *self = AM_IMPORTER (object);

  g_clear_object (&self->schema);
  g_clear_object (&self->documents);
  g_clear_object (&self->report);
  g_clear_pointer (&self->names, g_hash_table_unref);

  G_OBJECT_CLASS (am_importer_parent_class)->dispose (object);
}

static void
am_importer_finalize (GObject *object)
{
  AmImporter *self = AM_IMPORTER (object);

  g_clear_pointer (&self->used_names, g_hash_table_unref);
  g_clear_pointer (&self->label_map, g_hash_table_unref);
  g_clear_pointer (&self->relation_map, g_hash_table_unref);
  g_clear_pointer (&self->once, g_hash_table_unref);

  G_OBJECT_CLASS (am_importer_parent_class)->finalize (object);
}

static void
am_importer_class_init (AmImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_importer_dispose;
  object_class->finalize = am_importer_finalize;
}

static void
am_importer_init (AmImporter *self)
{
  self->documents = g_list_store_new (AM_TYPE_DOCUMENT);
  self->names = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  self->used_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->label_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->relation_map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->once = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->report = g_object_new (AM_TYPE_IMPORT_REPORT, NULL);
}

/**
 * _am_import_once:
 *
 * Returns: %TRUE the first time it is called with @key in this import
 *   (a shared annotation.conf is read once, not once per document)
 */
gboolean
_am_import_once (AmImporter *self,
                 const char *key)
{
  if (g_hash_table_contains (self->once, key))
    return FALSE;
  g_hash_table_add (self->once, g_strdup (key));
  return TRUE;
}

/**
 * am_importer_new:
 * @format: the format of the inputs, or %AM_IMPORT_FORMAT_AUTO to guess it
 *   from each file
 * @schema: (nullable): the labels to start from (copied), or %NULL for the
 *   default schema
 *
 * Every imported document shares one schema: a copy of @schema, to which the
 * labels and relations met in the inputs are added.
 */
AmImporter *
am_importer_new (AmImportFormat  format,
                 AmLabelSchema  *schema)
{
  AmImporter *self;

  g_return_val_if_fail (schema == NULL || AM_IS_LABEL_SCHEMA (schema), NULL);

  self = g_object_new (AM_TYPE_IMPORTER, NULL);
  self->format = format;
  self->schema = schema != NULL ? am_label_schema_copy (schema) : am_label_schema_new_default ();
  return self;
}

void
am_importer_set_offsets (AmImporter      *self,
                         AmImportOffsets  offsets)
{
  g_return_if_fail (AM_IS_IMPORTER (self));
  self->offsets = offsets;
}

/**
 * am_importer_get_documents:
 *
 * Returns: (transfer none): the AmDocuments imported so far, in input order
 */
GListModel *
am_importer_get_documents (AmImporter *self)
{
  g_return_val_if_fail (AM_IS_IMPORTER (self), NULL);
  return G_LIST_MODEL (self->documents);
}

AmLabelSchema *
am_importer_get_schema (AmImporter *self)
{
  g_return_val_if_fail (AM_IS_IMPORTER (self), NULL);
  return self->schema;
}

AmImportReport *
am_importer_get_report (AmImporter *self)
{
  g_return_val_if_fail (AM_IS_IMPORTER (self), NULL);
  return self->report;
}

/**
 * am_importer_get_document_name:
 *
 * Returns: a file name stem for @document, unique among the imported
 *   documents, safe to use in a folder ("<name>.txt", "<name>.argumark.json")
 */
const char *
am_importer_get_document_name (AmImporter *self,
                               AmDocument *document)
{
  g_return_val_if_fail (AM_IS_IMPORTER (self), NULL);
  return g_hash_table_lookup (self->names, document);
}

/* Report lines */

static void
report_line (AmImporter *self,
             gboolean    error,
             const char *file,
             guint       line,
             const char *message)
{
  GString *text = g_string_new (file);
  const char *p;

  if (line > 0)
    g_string_append_printf (text, ":%u", line);
  g_string_append (text, ": ");
  /* One line each, whatever the labels and quotes hold. */
  for (p = message; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (text, "\\n");
      else if (*p == '\t')
        g_string_append (text, "\\t");
      else if (*p == '\r')
        g_string_append (text, "\\r");
      else
        g_string_append_c (text, *p);
    }

  g_ptr_array_add (self->report->lines, g_string_free (text, FALSE));
  if (error)
    self->report->n_errors++;
  else
    self->report->n_warnings++;
}

void
_am_import_error (AmImporter *self,
                  const char *file,
                  guint       line,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  report_line (self, TRUE, file, line, message);
}

void
_am_import_warning (AmImporter *self,
                    const char *file,
                    guint       line,
                    const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  report_line (self, FALSE, file, line, message);
}

AmOffsetUnit
_am_import_unit (AmImporter   *self,
                 AmOffsetUnit  tool_default)
{
  switch (self->offsets)
    {
    case AM_IMPORT_OFFSETS_CODE_POINTS:
      return AM_UNIT_CODE_POINTS;
    case AM_IMPORT_OFFSETS_UTF16:
      return AM_UNIT_UTF16;
    case AM_IMPORT_OFFSETS_AUTO:
    default:
      return tool_default;
    }
}

/* Labels and relations */

/* Ids must satisfy am_label_id_is_valid(): ASCII letters, digits, '-', '_',
 * '.', starting with a letter, at most 64 characters. Anything else becomes
 * '-', and a name that does not start with a letter gets @prefix. */
static char *
sanitize_id (const char *original,
             const char *prefix)
{
  GString *id = g_string_new (NULL);
  const char *p;

  for (p = original; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isalnum (c) || c == '_' || c == '.' || c == '-')
        g_string_append_c (id, c);
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);

  if (id->len == 0 || !g_ascii_isalpha (id->str[0]))
    g_string_prepend (id, prefix);
  if (id->len > 56)
    g_string_truncate (id, 56);

  return g_string_free (id, FALSE);
}

static const char *
lookup_label_loosely (AmLabelSchema *schema,
                      const char    *original)
{
  GListModel *labels = am_label_schema_get_labels (schema);
  guint n = g_list_model_get_n_items (labels);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

      if (g_ascii_strcasecmp (am_label_get_id (label), original) == 0 ||
          g_utf8_collate (am_label_get_name (label), original) == 0)
        return am_label_get_id (label);
    }
  return NULL;
}

static const char *
lookup_relation_loosely (AmLabelSchema *schema,
                         const char    *original)
{
  GListModel *relations = am_label_schema_get_relations (schema);
  guint n = g_list_model_get_n_items (relations);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmRelationType) relation = g_list_model_get_item (relations, i);

      if (g_ascii_strcasecmp (am_relation_type_get_id (relation), original) == 0 ||
          g_utf8_collate (am_relation_type_get_name (relation), original) == 0)
        return am_relation_type_get_id (relation);
    }
  return NULL;
}

/**
 * _am_import_label:
 *
 * Maps a label name found in an input to a label of the shared schema:
 * the same id, else the same id or name ignoring case, else a new label
 * (its id sanitised, the original kept as its name), which is reported.
 *
 * Returns: (nullable): the label id, or %NULL (reported) if none could be made
 */
const char *
_am_import_label (AmImporter *self,
                  const char *file,
                  guint       line,
                  const char *original)
{
  g_autoptr(AmLabel) label = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  const char *found;
  guint n;

  if (original == NULL || *original == '\0')
    {
      _am_import_error (self, file, line, _("a span has an empty label: not imported"));
      return NULL;
    }

  found = g_hash_table_lookup (self->label_map, original);
  if (found != NULL)
    return found;

  if (am_label_schema_lookup_label (self->schema, original) != NULL)
    found = original;
  else
    found = lookup_label_loosely (self->schema, original);

  if (found != NULL)
    {
      if (!g_str_equal (found, original))
        _am_import_warning (self, file, line, _("label “%s” read as the schema’s label “%s”"),
                            original, found);
      g_hash_table_insert (self->label_map, g_strdup (original), g_strdup (found));
      return g_hash_table_lookup (self->label_map, original);
    }

  base = sanitize_id (original, "label-");
  id = g_strdup (base);
  for (n = 2; am_label_schema_lookup_label (self->schema, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  label = am_label_new (id, original,
                        am_label_schema_suggest_color (self->schema, FALSE),
                        am_label_schema_suggest_color (self->schema, TRUE),
                        NULL);
  if (!am_label_schema_add_label (self->schema, label, &error))
    {
      _am_import_error (self, file, line, _("label “%s” cannot be added to the schema: %s"),
                        original, error->message);
      return NULL;
    }

  self->report->n_labels_added++;
  if (g_str_equal (id, original))
    _am_import_warning (self, file, line, _("label “%s” added to the schema"), original);
  else
    _am_import_warning (self, file, line, _("label “%s” added to the schema as “%s”"),
                        original, id);

  g_hash_table_insert (self->label_map, g_strdup (original), g_steal_pointer (&id));
  return g_hash_table_lookup (self->label_map, original);
}

/**
 * _am_import_relation:
 *
 * Like _am_import_label() for relations; a new relation allows any labels
 * at both ends.
 */
const char *
_am_import_relation (AmImporter *self,
                     const char *file,
                     guint       line,
                     const char *original)
{
  g_autoptr(AmRelationType) relation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *id = NULL;
  const char *found;
  guint n;

  if (original == NULL || *original == '\0')
    original = "related";

  found = g_hash_table_lookup (self->relation_map, original);
  if (found != NULL)
    return found;

  if (am_label_schema_lookup_relation (self->schema, original) != NULL)
    found = original;
  else
    found = lookup_relation_loosely (self->schema, original);

  if (found != NULL)
    {
      if (!g_str_equal (found, original))
        _am_import_warning (self, file, line, _("relation “%s” read as the schema’s relation “%s”"),
                            original, found);
      g_hash_table_insert (self->relation_map, g_strdup (original), g_strdup (found));
      return g_hash_table_lookup (self->relation_map, original);
    }

  base = sanitize_id (original, "relation-");
  id = g_strdup (base);
  for (n = 2; am_label_schema_lookup_relation (self->schema, id) != NULL; n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }

  relation = am_relation_type_new (id, original, NULL, NULL);
  if (!am_label_schema_add_relation (self->schema, relation, &error))
    {
      _am_import_error (self, file, line, _("relation “%s” cannot be added to the schema: %s"),
                        original, error->message);
      return NULL;
    }

  if (g_str_equal (id, original))
    _am_import_warning (self, file, line,
                        _("relation “%s” added to the schema (between any labels)"), original);
  else
    _am_import_warning (self, file, line,
                        _("relation “%s” added to the schema as “%s” (between any labels)"),
                        original, id);

  g_hash_table_insert (self->relation_map, g_strdup (original), g_steal_pointer (&id));
  return g_hash_table_lookup (self->relation_map, original);
}

/* Offsets */

static char *
excerpt (AmText *text,
         guint   start,
         guint   end)
{
  guint length = am_text_get_length (text);

  start = MIN (start, length);
  end = MIN (end, length);
  if (end - start > 40)
    {
      g_autofree char *head = am_text_substring (text, start, start + 37);

      return g_strconcat (head, "…", NULL);
    }
  return am_text_substring (text, start, end);
}

static gboolean
utf16_span (AmText *text,
            gint64  start,
            gint64  end,
            guint  *out_start,
            guint  *out_end)
{
  return end <= G_MAXUINT &&
         am_text_utf16_to_offset (text, (guint) start, out_start) &&
         am_text_utf16_to_offset (text, (guint) end, out_end);
}

/**
 * _am_import_locate:
 * @quote: (nullable): the span's text as the file stores it
 * @unit: how to read the offsets when there is no @quote to check against
 * @as_utf16: (out): set to %TRUE if the offsets had to be read as UTF-16
 *
 * Turns a span's offsets from a file into code points. With a @quote, code
 * points are tried first, then UTF-16 code units; a span that matches
 * neither is refused rather than imported shifted.
 */
AmLocateResult
_am_import_locate (AmText      *text,
                   gint64       start,
                   gint64       end,
                   const char  *quote,
                   AmOffsetUnit unit,
                   guint       *out_start,
                   guint       *out_end,
                   gboolean    *as_utf16,
                   char       **reason)
{
  guint length = am_text_get_length (text);
  guint s;
  guint e;

  *as_utf16 = FALSE;

  if (start < 0 || end < 0)
    {
      *reason = g_strdup_printf (_("span %lld–%lld"
                                   " has a negative offset"), (long long) start, (long long) end);
      return AM_LOCATE_BAD;
    }
  if (start > end)
    {
      *reason = g_strdup_printf (_("span %lld–%lld"
                                   " ends before it starts"), (long long) start, (long long) end);
      return AM_LOCATE_BAD;
    }
  if (start == end)
    {
      *reason = g_strdup_printf (_("span %lld–%lld"
                                   " is empty (zero length), which Argumark does not allow"),
                                 (long long) start, (long long) end);
      return AM_LOCATE_EMPTY;
    }

  if (quote != NULL)
    {
      if (end <= length && am_text_equal_at (text, (guint) start, (guint) end, quote))
        {
          *out_start = (guint) start;
          *out_end = (guint) end;
          return AM_LOCATE_OK;
        }
      if (utf16_span (text, (long long) start, (long long) end, &s, &e) && am_text_equal_at (text, s, e, quote))
        {
          *out_start = s;
          *out_end = e;
          *as_utf16 = TRUE;
          return AM_LOCATE_OK;
        }
      if (end > length && end > am_text_get_utf16_length (text))
        *reason = g_strdup_printf (_("span %lld–%lld"
                                     " “%s” reaches past the end of the text (%u characters)"),
                                   (long long) start, (long long) end, quote, length);
      else
        {
          g_autofree char *found = excerpt (text, (guint) start, (guint) end);

          *reason = g_strdup_printf (_("span %lld–%lld"
                                       " should read “%s” but the text there is “%s” "
                                       "(neither as code points nor as UTF-16 units): "
                                       "stale or shifted"),
                                     (long long) start, (long long) end, quote, found);
        }
      return AM_LOCATE_BAD;
    }

  if (unit == AM_UNIT_UTF16)
    {
      if (!utf16_span (text, (long long) start, (long long) end, &s, &e))
        {
          if (am_text_get_utf16_length (text) == length)
            *reason = g_strdup_printf (_("span %lld–%lld"
                                         " reaches past the end of the text (%u characters)"),
                                       (long long) start, (long long) end, length);
          else if ((guint64) end > am_text_get_utf16_length (text))
            *reason = g_strdup_printf (_("span %lld–%lld"
                                         " reaches past the end of the text (%u UTF-16 units)"),
                                       (long long) start, (long long) end, am_text_get_utf16_length (text));
          else
            *reason = g_strdup_printf (_("span %lld–%lld"
                                         " cuts a character outside the Basic Multilingual "
                                         "Plane in half (UTF-16 offsets)"), (long long) start, (long long) end);
          return AM_LOCATE_BAD;
        }
      *out_start = s;
      *out_end = e;
      *as_utf16 = s != start || e != end;
      return AM_LOCATE_OK;
    }

  if (end > length)
    {
      *reason = g_strdup_printf (_("span %lld–%lld"
                                   " reaches past the end of the text (%u characters)"),
                                 (long long) start, (long long) end, length);
      return AM_LOCATE_BAD;
    }
  *out_start = (guint) start;
  *out_end = (guint) end;
  return AM_LOCATE_OK;
}

/* Documents */

AmDocument *
_am_import_new_document (AmImporter *self,
                         const char *text)
{
  return am_document_new (text, self->schema);
}

/**
 * _am_import_add_annotation:
 *
 * Inserts @annotation through the document's own checks; a refusal is
 * reported (a span already tagged with the same label as a warning, the
 * rest as errors).
 */
gboolean
_am_import_add_annotation (AmImporter   *self,
                           AmDocument   *doc,
                           const char   *file,
                           guint         line,
                           AmAnnotation *annotation)
{
  g_autoptr(GError) error = NULL;

  if (am_document_insert_annotation (doc, annotation, &error))
    {
      self->report->n_annotations++;
      return TRUE;
    }

  if (g_error_matches (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_SPAN))
    _am_import_warning (self, file, line, _("duplicate span skipped: %s"), error->message);
  else
    _am_import_error (self, file, line, _("span not imported: %s"), error->message);
  return FALSE;
}

gboolean
_am_import_add_link (AmImporter *self,
                     AmDocument *doc,
                     const char *file,
                     guint       line,
                     const char *link_id,
                     const char *relation,
                     const char *from_id,
                     const char *to_id)
{
  g_autoptr(AmLink) link = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  id = _am_import_relation (self, file, line, relation);
  if (id == NULL)
    return FALSE;

  if (link_id != NULL && am_document_lookup_link (doc, link_id) != NULL)
    {
      _am_import_warning (self, file, line,
                          _("relation id “%s” is used twice: the second gets a new id"), link_id);
      link_id = NULL;
    }
  link = am_link_new (link_id, id, from_id, to_id);
  if (am_document_insert_link (doc, link, &error))
    {
      self->report->n_links++;
      return TRUE;
    }

  if (g_error_matches (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_LINK))
    _am_import_warning (self, file, line, _("duplicate relation skipped: %s"), error->message);
  else
    _am_import_error (self, file, line, _("relation not imported: %s"), error->message);
  return FALSE;
}

static char *
sanitize_name (const char *hint)
{
  GString *name = g_string_new (NULL);
  const char *p;

  for (p = hint; *p != '\0' && name->len < 100; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || c < 0x20 || c == 0x7f ||
          (name->len == 0 && c == '.'))
        g_string_append_c (name, '_');
      else
        g_string_append_unichar (name, c);
    }
  if (name->len == 0)
    g_string_append (name, "document");

  return g_string_free (name, FALSE);
}

/**
 * _am_import_finish:
 *
 * Adds a fully built document to the results: nothing is added for a
 * record that could not be read, so no half-made document ever comes out.
 */
void
_am_import_finish (AmImporter *self,
                   AmDocument *doc,
                   const char *name)
{
  g_autofree char *base = sanitize_name (name);
  char *unique = g_strdup (base);
  guint n;

  for (n = 2; g_hash_table_contains (self->used_names, unique); n++)
    {
      g_free (unique);
      unique = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (self->used_names, g_strdup (unique));
  g_hash_table_insert (self->names, doc, unique);

  /* Annotated elsewhere: work has started, but only a person can say it is done. */
  if (g_list_model_get_n_items (am_document_get_annotations (doc)) > 0)
    am_document_set_status (doc, AM_DOCUMENT_STATUS_IN_PROGRESS);
  am_document_clear_history (doc);
  g_list_store_append (self->documents, doc);
  self->report->n_documents++;
}

void
_am_import_copy_meta (AmDocument *doc,
                      JsonObject *meta)
{
  g_autoptr(GList) members = json_object_get_members (meta);
  GList *l;

  for (l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (meta, key);

      if (*key == '\0')
        continue;

      if (JSON_NODE_HOLDS_NULL (node))
        am_document_set_meta (doc, key, NULL);
      else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        am_document_set_meta (doc, key, json_node_get_string (node));
      else
        {
          g_autofree char *value = json_to_string (node, FALSE);

          am_document_set_meta (doc, key, value);
        }
    }
}

/**
 * _am_import_normalize_newlines:
 *
 * Returns: @text with CRLF and lone CR turned into LF, as brat's server and
 *   Argumark's article reader see them
 */
char *
_am_import_normalize_newlines (const char *text,
                               gsize       length,
                               gboolean   *had_cr)
{
  GString *out = g_string_sized_new (length);
  gsize i;

  *had_cr = FALSE;
  for (i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          *had_cr = TRUE;
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

/* JSON */

gboolean
_am_json_get_offset (JsonObject *object,
                     const char *member,
                     gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      *value = json_node_get_int (node);
      return TRUE;
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        if (d != (double) (gint64) d)
          return FALSE;
        *value = (gint64) d;
        return TRUE;
      }
    default:
      return FALSE;
    }
}

const char *
_am_json_get_string (JsonObject *object,
                     const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Finds where the JSON value that starts at @pos ends, knowing nothing but
 * brackets and strings; *complete is FALSE if the data ends first. */
static gsize
scan_value (const char *data,
            gsize       length,
            gsize       pos,
            gboolean   *complete)
{
  gboolean in_string = FALSE;
  int depth = 0;
  gsize i;

  for (i = pos; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        depth++;
      else if (c == '}' || c == ']')
        {
          depth--;
          if (depth <= 0)
            {
              *complete = TRUE;
              return i + 1;
            }
        }
      else if (depth == 0 && (c == ',' || c == '\n'))
        {
          *complete = TRUE;
          return i;
        }
    }

  *complete = depth == 0 && !in_string;
  return length;
}

static guint
count_lines (const char *data,
             gsize       from,
             gsize       to)
{
  guint n = 0;

  for (; from < to; from++)
    if (data[from] == '\n')
      n++;
  return n;
}

static JsonNode *
parse_chunk (const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, data, length, error))
    return NULL;
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_PARSE, _("empty"));
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

static gsize
skip_space (const char *data,
            gsize       length,
            gsize       pos,
            guint      *line)
{
  while (pos < length && g_ascii_isspace (data[pos]))
    {
      if (data[pos] == '\n')
        (*line)++;
      pos++;
    }
  return pos;
}

static gsize
line_end (const char *data,
          gsize       length,
          gsize       pos)
{
  const char *nl = memchr (data + pos, '\n', length - pos);

  return nl != NULL ? (gsize) (nl - data) : length;
}

/**
 * _am_import_json_records:
 *
 * Calls @func for each record of a JSON file, whatever its shape: JSONL
 * (one object a line), "JSONL" whose objects are pretty-printed over many
 * lines, a JSON array of objects, or a single object. A record that does not
 * parse (a truncated line) is reported with its line and the rest continue.
 */
gboolean
_am_import_json_records (AmImporter       *self,
                         const char       *file,
                         const char       *data,
                         gsize             length,
                         AmJsonRecordFunc  func,
                         gpointer          user_data,
                         GError          **error)
{
  guint line = 1;
  gsize pos = 0;
  gboolean array;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  pos = skip_space (data, length, pos, &line);
  if (pos == length)
    {
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("The file is empty"));
      return FALSE;
    }

  array = data[pos] == '[';
  if (array)
    pos++;

  while (TRUE)
    {
      gboolean complete;
      gsize end;
      guint start_line;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(GError) local_error = NULL;

      pos = skip_space (data, length, pos, &line);
      if (array)
        {
          while (pos < length && (data[pos] == ',' || g_ascii_isspace (data[pos])))
            {
              if (data[pos] == '\n')
                line++;
              pos++;
            }
          if (pos < length && data[pos] == ']')
            {
              pos = skip_space (data, length, pos + 1, &line);
              if (pos < length)
                _am_import_error (self, file, line, _("text after the end of the JSON array ignored"));
              return TRUE;
            }
        }
      if (pos >= length)
        {
          if (array)
            _am_import_error (self, file, line,
                              _("the JSON array is not closed: the file is truncated"));
          return TRUE;
        }

      start_line = line;
      end = scan_value (data, length, pos, &complete);
      if (complete)
        node = parse_chunk (data + pos, end - pos, &local_error);

      /* json-glib cuts strings at "\u0000": refuse rather than lose text. */
      if (node != NULL && g_strstr_len (data + pos, end - pos, "\\u0000") != NULL)
        {
          _am_import_error (self, file, start_line,
                            _("the record holds a NUL character (\\u0000), which a text cannot "
                              "hold: skipped"));
          g_clear_pointer (&node, json_node_unref);
          line += count_lines (data, pos, end);
          pos = end;
          continue;
        }

      if (node != NULL)
        {
          line += count_lines (data, pos, end);
          pos = end;
          if (!array)
            {
              gsize eol = line_end (data, length, pos);
              gsize p = pos;

              while (p < eol && g_ascii_isspace (data[p]))
                p++;
              if (p < eol)
                {
                  _am_import_error (self, file, line,
                                    _("text after the JSON record on this line ignored"));
                  pos = eol;
                }
            }
          func (self, file, start_line, node, user_data);
          continue;
        }

      /* Report the bad line with the parser's own words, then go on with the
       * next line: one truncated record must not cost the ones after it. */
      {
        gsize eol = line_end (data, length, pos);
        g_autoptr(GError) line_error = NULL;
        g_autoptr(JsonNode) alone = parse_chunk (data + pos, eol - pos, &line_error);
        const char *why = line_error != NULL ? line_error->message :
                          local_error != NULL ? local_error->message : _("incomplete");

        _am_import_error (self, file, start_line,
                          _("not a valid JSON record (truncated?), skipped: %s"), why);
        pos = eol;
      }
    }
}

/* Reading files */

static gboolean
check_text (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end;
  gsize offset;
  guint line;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  offset = end - data;
  line = 1 + count_lines (data, 0, offset);
  if (*end == '\0')
    g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID_ENCODING,
                 _("NUL byte at byte offset %zu (line %u): this is a binary "
                   "file, not text"), offset, line);
  else
    g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID_ENCODING,
                 _("not UTF-8: byte 0x%02X at byte offset %zu (line %u) is not "
                   "valid UTF-8. Convert the file to UTF-8 first (for example “iconv -f "
                   "ISO-8859-1 -t UTF-8” for Latin-1)"),
                 (guchar) *end, offset, line);
  return FALSE;
}

static char *
display_name (GFile *file)
{
  g_autofree char *cwd = g_get_current_dir ();
  g_autoptr(GFile) here = g_file_new_for_path (cwd);
  char *relative = g_file_get_relative_path (here, file);

  if (relative != NULL)
    return relative;
  return g_file_get_parse_name (file);
}

static char *
stem_of (const char *basename)
{
  const char *dot = strrchr (basename, '.');

  if (dot != NULL && dot != basename)
    return g_strndup (basename, dot - basename);
  return g_strdup (basename);
}

static gboolean
has_suffix_nocase (const char *name,
                   const char *suffix)
{
  gsize n = strlen (name);
  gsize m = strlen (suffix);

  return n >= m && g_ascii_strcasecmp (name + n - m, suffix) == 0;
}

static GFile *
sibling_with_suffix (GFile      *file,
                     const char *suffix)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *stem = stem_of (basename);
  g_autofree char *name = g_strconcat (stem, suffix, NULL);
  g_autoptr(GFile) parent = g_file_get_parent (file);

  return g_file_get_child (parent, name);
}

/* Lines that look like CoNLL: token and tag columns, tags in BIO/BIOES. */
static gboolean
looks_like_conll (const char *data,
                  gsize       length)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", 200);
  guint tagged = 0;
  guint total = 0;
  guint i;

  (void) length;
  for (i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      const char *last;
      guint n;

      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        continue;
      total++;
      fields = g_regex_split_simple ("[ \t]+", lines[i], 0, 0);
      n = g_strv_length (fields);
      if (n < 2 || n > 12)
        continue;
      last = fields[n - 1];
      if (g_str_equal (last, "O") || g_str_equal (last, "_") ||
          ((last[0] == 'B' || last[0] == 'I' || last[0] == 'E' || last[0] == 'S' ||
            last[0] == 'L' || last[0] == 'U') && last[1] == '-'))
        tagged++;
    }
  return total >= 2 && tagged * 10 >= total * 7;
}

static gboolean
looks_like_table (const char *data)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", 50);
  guint tabbed = 0;
  guint total = 0;
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      total++;
      if (strchr (lines[i], '\t') != NULL)
        tabbed++;
    }
  return total >= 2 && tabbed * 10 >= total * 8;
}

/**
 * am_importer_guess_format:
 * @file: (nullable): where @data comes from, for its name and neighbours
 *
 * The rules, in order: a ".ann" file, or a ".txt" with a ".ann" beside it,
 * is brat; a file starting "#FORMAT=WebAnno TSV 3" is WebAnno; a file
 * starting with "{" or "[" is JSON, and its first record tells the tool
 * (see _am_import_json_detect()); a ".txt" file (or one without extension)
 * that is not a token-per-line table is a plain article.
 *
 * Returns: the format, or %AM_IMPORT_FORMAT_AUTO if none fits
 */
AmImportFormat
am_importer_guess_format (GFile      *file,
                          const char *data,
                          gsize       length)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;
  gsize pos = 0;
  guint line = 1;

  if (basename != NULL && has_suffix_nocase (basename, ".ann"))
    return AM_IMPORT_FORMAT_BRAT;
  if (basename != NULL && has_suffix_nocase (basename, ".txt"))
    {
      g_autoptr(GFile) ann = sibling_with_suffix (file, ".ann");

      if (g_file_query_exists (ann, NULL))
        return AM_IMPORT_FORMAT_BRAT;
    }

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  if (length - pos >= 21 && strncmp (data + pos, "#FORMAT=WebAnno TSV 3", 21) == 0)
    return AM_IMPORT_FORMAT_WEBANNO;

  pos = skip_space (data, length, pos, &line);
  if (pos < length && (data[pos] == '{' || data[pos] == '['))
    {
      gsize start = pos;
      gboolean complete;
      gsize end;
      g_autoptr(JsonNode) node = NULL;

      if (data[pos] == '[')
        {
          start = skip_space (data, length, pos + 1, &line);
          if (start >= length || data[start] != '{')
            return AM_IMPORT_FORMAT_AUTO;
        }
      end = scan_value (data, length, start, &complete);
      if (complete)
        node = parse_chunk (data + start, end - start, NULL);
      if (node == NULL)
        {
          /* A truncated first line: judge by the next record instead. */
          gsize eol = line_end (data, length, start);

          if (eol < length && data[pos] != '[')
            return am_importer_guess_format (NULL, data + eol + 1, length - eol - 1);
          return AM_IMPORT_FORMAT_AUTO;
        }
      return _am_import_json_detect (node);
    }

  if (basename == NULL || has_suffix_nocase (basename, ".txt") || strchr (basename, '.') == NULL)
    {
      if (!looks_like_conll (data, length) && !looks_like_table (data))
        return AM_IMPORT_FORMAT_TEXT;
    }

  return AM_IMPORT_FORMAT_AUTO;
}

static void
refuse_unknown (GFile       *file,
                const char  *data,
                gsize        length,
                GError     **error)
{
  g_autofree char *basename = file != NULL ? g_file_get_basename (file) : NULL;

  if (basename != NULL && has_suffix_nocase (basename, ".conf"))
    g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED,
                         _("this is a brat configuration file, not a document: import the .ann "
                           "files (annotation.conf beside them is read with them)"));
  else if (basename != NULL && has_suffix_nocase (basename, ".xml"))
    g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED,
                         _("XML is not a format Argumark imports (a Label Studio labelling "
                           "configuration is not needed: import the JSON export)"));
  else if (length >= 21 && strncmp (data, "#FORMAT=WebAnno TSV ", 20) == 0)
    g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED,
                 _("only WebAnno TSV version 3 is supported; this file is “%.*s”"),
                 (int) MIN (line_end (data, length, 0), 40), data);
  else if (looks_like_conll (data, length))
    g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED,
                         _("this looks like a CoNLL/BIO token-per-line file: it holds tokens "
                           "and tags but not the article’s text, so Argumark cannot import it "
                           "(export it from the tool that made it as brat, WebAnno TSV, doccano "
                           "or JSONL instead)"));
  else if (looks_like_table (data))
    g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNKNOWN_FORMAT,
                         _("this is a tab-separated table, not an annotation format Argumark "
                           "knows (brat, WebAnno TSV 3, doccano, Label Studio, Prodigy or "
                           "Argumark JSONL)"));
  else if (length > 0 && (data[0] == '{' || data[0] == '['))
    g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNKNOWN_FORMAT,
                         _("this JSON has none of the keys of a known format (doccano "
                           "“label”/“entities”, Label Studio “annotations”/“data”, Prodigy or "
                           "Argumark “spans”, with a “text”); name the format with --from"));
  else
    g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNKNOWN_FORMAT,
                 _("cannot tell the format of “%s”; name it with --from"),
                 basename != NULL ? basename : "?");
}

static gboolean
import_text (AmImporter  *self,
             const char  *file,
             const char  *name,
             const char  *data,
             gsize        length,
             GError     **error)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autofree char *text = NULL;
  gboolean had_cr;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  text = _am_import_normalize_newlines (data, length, &had_cr);
  if (*text == '\0')
    {
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("the file is empty: there is no article to import"));
      return FALSE;
    }

  doc = _am_import_new_document (self, text);
  if (had_cr)
    _am_import_warning (self, file, 0, _("CR LF line ends read as LF"));
  _am_import_finish (self, doc, name);
  return TRUE;
}

static gboolean
import_brat_file (AmImporter  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autoptr(GFile) txt = sibling_with_suffix (file, ".txt");
  g_autoptr(GFile) ann = sibling_with_suffix (file, ".ann");
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) conf = NULL;
  g_autofree char *txt_data = NULL;
  g_autofree char *ann_data = NULL;
  g_autofree char *conf_data = NULL;
  g_autofree char *txt_name = display_name (txt);
  g_autofree char *ann_name = display_name (ann);
  g_autofree char *conf_name = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *stem = stem_of (basename);
  gsize txt_length = 0;
  gsize ann_length = 0;
  gsize conf_length = 0;
  g_autoptr(GError) local_error = NULL;
  guint depth;

  if (!g_file_load_contents (txt, NULL, &txt_data, &txt_length, NULL, &local_error))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                     _("no text file “%s.txt” beside it: brat keeps the article in a .txt "
                       "file of the same name"), stem);
      else
        g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_IO, "%s: %s",
                     txt_name, local_error->message);
      return FALSE;
    }
  if (!check_text (txt_data, txt_length, &local_error))
    {
      g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID_ENCODING, "%s: %s",
                   txt_name, local_error->message);
      return FALSE;
    }

  if (!g_file_load_contents (ann, NULL, &ann_data, &ann_length, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_IO, "%s: %s",
                       ann_name, local_error->message);
          return FALSE;
        }
      g_clear_error (&local_error);
      _am_import_warning (self, ann_name, 0,
                          _("no .ann file: the article is imported without annotations"));
    }
  else if (!check_text (ann_data, ann_length, &local_error))
    {
      g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID_ENCODING, "%s: %s",
                   ann_name, local_error->message);
      return FALSE;
    }

  /* brat looks for annotation.conf in the document's folder, then upwards. */
  for (depth = 0; parent != NULL && depth < 2 && conf == NULL; depth++)
    {
      g_autoptr(GFile) candidate = g_file_get_child (parent, "annotation.conf");
      GFile *up;

      if (g_file_query_exists (candidate, NULL))
        conf = g_steal_pointer (&candidate);
      up = g_file_get_parent (parent);
      g_object_unref (parent);
      parent = up;
    }
  if (conf != NULL)
    {
      conf_name = display_name (conf);
      if (!g_file_load_contents (conf, NULL, &conf_data, &conf_length, NULL, NULL) ||
          !g_utf8_validate_len (conf_data, conf_length, NULL))
        {
          _am_import_warning (self, conf_name, 0,
                              _("cannot be read as UTF-8 text: ignored"));
          g_clear_pointer (&conf_data, g_free);
        }
    }

  return _am_import_brat (self, stem, txt_name, txt_data, txt_length,
                          ann_name, ann_data != NULL ? ann_data : "", ann_length,
                          conf_name, conf_data, conf_length, error);
}

static gboolean
import_data_as (AmImporter      *self,
                AmImportFormat   format,
                GFile           *gfile,
                const char      *name,
                const char      *data,
                gsize            length,
                GError         **error)
{
  g_autofree char *basename = g_path_get_basename (name);
  g_autofree char *stem = stem_of (basename);

  if (!check_text (data, length, error))
    return FALSE;

  if (format == AM_IMPORT_FORMAT_AUTO)
    format = am_importer_guess_format (gfile, data, length);

  switch (format)
    {
    case AM_IMPORT_FORMAT_AUTO:
      refuse_unknown (gfile, data, length, error);
      return FALSE;
    case AM_IMPORT_FORMAT_TEXT:
      return import_text (self, name, stem, data, length, error);
    case AM_IMPORT_FORMAT_WEBANNO:
      return _am_import_webanno (self, name, data, length, error);
    case AM_IMPORT_FORMAT_W3C:
      return _am_import_w3c (self, gfile, name, data, length, error);
    case AM_IMPORT_FORMAT_BRAT:
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED,
                           _("brat standoff needs the .txt and .ann files: import a file"));
      return FALSE;
    case AM_IMPORT_FORMAT_JSONL:
    case AM_IMPORT_FORMAT_DOCCANO:
    case AM_IMPORT_FORMAT_LABEL_STUDIO:
    case AM_IMPORT_FORMAT_PRODIGY:
    default:
      return _am_import_json (self, format, name, data, length, error);
    }
}

/**
 * am_importer_import_data:
 * @name: the name to report problems under (a file name)
 *
 * Imports one file's contents (any format but brat, which needs two files).
 *
 * Returns: %FALSE with @error set if the whole input is refused (not UTF-8,
 *   unknown or unsupported format, empty); problems with single records are
 *   only reported
 */
gboolean
am_importer_import_data (AmImporter  *self,
                         const char  *name,
                         const char  *data,
                         gsize        length,
                         GError     **error)
{
  g_return_val_if_fail (AM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  return import_data_as (self, self->format, NULL, name, data != NULL ? data : "", length, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
import_folder (AmImporter  *self,
               GFile       *folder,
               GError     **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folder_name = display_name (folder);
  GFileInfo *info;
  guint i;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, error);
  if (children == NULL)
    return FALSE;

  while ((info = g_file_enumerator_next_file (children, NULL, error)) != NULL)
    {
      g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  if (error != NULL && *error != NULL)
    return FALSE;

  /* Sorted, so that a corpus imports the same way on every machine. */
  g_ptr_array_sort (names, compare_names);

  for (i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);
      g_autoptr(GFile) child = g_file_get_child (folder, name);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *child_name = display_name (child);

      if (name[0] == '.')
        continue;

      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
        {
          if (!import_folder (self, child, &local_error))
            _am_import_error (self, child_name, 0, "%s", local_error->message);
          continue;
        }

      /* brat's configuration, and the notes that travel with data sets */
      if (has_suffix_nocase (name, ".conf"))
        continue;
      if (has_suffix_nocase (name, ".md") || has_suffix_nocase (name, ".xml") ||
          g_ascii_strncasecmp (name, "README", 6) == 0 ||
          g_ascii_strncasecmp (name, "LICENSE", 7) == 0 ||
          g_ascii_strncasecmp (name, "LICENCE", 7) == 0)
        {
          _am_import_warning (self, child_name, 0,
                              _("skipped: documentation or configuration, not data"));
          continue;
        }
      if (has_suffix_nocase (name, ".txt"))
        {
          g_autoptr(GFile) ann = sibling_with_suffix (child, ".ann");

          if (g_file_query_exists (ann, NULL))
            continue;
        }
      if (!am_importer_import_file (self, child, &local_error))
        _am_import_error (self, child_name, 0, _("refused: %s"), local_error->message);
    }

  return TRUE;
}

/**
 * am_importer_import_file:
 * @file: a file, or a folder (its importable files are imported, sorted by
 *   name, sub-folders too; refusals inside a folder are reported)
 *
 * Returns: %FALSE with @error set if the whole file is refused
 */
gboolean
am_importer_import_file (AmImporter  *self,
                         GFile       *file,
                         GError     **error)
{
  g_autofree char *data = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GError) local_error = NULL;
  AmImportFormat format;
  gsize length;

  g_return_val_if_fail (AM_IS_IMPORTER (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY)
    return import_folder (self, file, error);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_IO, local_error->message);
      return FALSE;
    }

  format = self->format;
  if (format == AM_IMPORT_FORMAT_AUTO || format == AM_IMPORT_FORMAT_BRAT)
    {
      g_autofree char *basename = g_file_get_basename (file);

      if (has_suffix_nocase (basename, ".ann") || format == AM_IMPORT_FORMAT_BRAT)
        return import_brat_file (self, file, error);
      if (has_suffix_nocase (basename, ".txt"))
        {
          g_autoptr(GFile) ann = sibling_with_suffix (file, ".ann");

          if (g_file_query_exists (ann, NULL))
            return import_brat_file (self, file, error);
        }
    }

  name = display_name (file);
  return import_data_as (self, format, file, name, data, length, error);
}
