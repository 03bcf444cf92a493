/* am-export-text.c: CSV (RFC 4180) and brat standoff
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-export"

#include "config.h"

#include <string.h>

#include "am-export-private.h"

/* CSV */

static void
append_csv_field (GString    *buf,
                  const char *value)
{
  const char *p;

  if (value == NULL)
    return;
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      g_string_append (buf, value);
      return;
    }
  g_string_append_c (buf, '"');
  for (p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (buf, '"');
      g_string_append_c (buf, *p);
    }
  g_string_append_c (buf, '"');
}

gboolean
_am_export_csv_begin (AmExportWriter *w,
                      GError        **error)
{
  g_string_append (w->buf, "document,id,label,start,end,text,author,note,status\r\n");
  return _am_export_flush (w, error);
}

gboolean
_am_export_csv_document (AmExportWriter *w,
                         AmExportDoc    *d,
                         GError        **error)
{
  const char *status = am_document_status_to_string (am_document_get_status (d->doc));
  guint i;

  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      g_autofree char *text = am_text_substring (d->text, am_annotation_get_start (a),
                                                 am_annotation_get_end (a));

      append_csv_field (w->buf, d->name);
      g_string_append_c (w->buf, ',');
      append_csv_field (w->buf, am_annotation_get_id (a));
      g_string_append_c (w->buf, ',');
      append_csv_field (w->buf, am_annotation_get_label (a));
      g_string_append_c (w->buf, ',');
      _am_export_append_uint (w->buf, _am_export_offset (w, d->text, am_annotation_get_start (a)));
      g_string_append_c (w->buf, ',');
      _am_export_append_uint (w->buf, _am_export_offset (w, d->text, am_annotation_get_end (a)));
      g_string_append_c (w->buf, ',');
      append_csv_field (w->buf, text);
      g_string_append_c (w->buf, ',');
      append_csv_field (w->buf, am_annotation_get_author (a));
      g_string_append_c (w->buf, ',');
      append_csv_field (w->buf, am_annotation_get_note (a));
      g_string_append_c (w->buf, ',');
      append_csv_field (w->buf, status);
      g_string_append (w->buf, "\r\n");
    }

  return _am_export_flush (w, error);
}

/* brat standoff */

/* One .ann line holds one field per TAB: span texts and notes lose their
 * TABs and line breaks (brat itself shows a line break as a space). */
static void
append_ann_field (GString    *buf,
                  const char *str,
                  gsize       length)
{
  gsize i;

  for (i = 0; i < length; i++)
    {
      char c = str[i];

      g_string_append_c (buf, c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
    }
}

/* Adds @object (a label or relation type) to @list unless one of the same
 * @kind ("L" or "R") and @id is there already. */
static void
remember (AmExportWriter *w,
          const char     *kind,
          const char     *id,
          gpointer        object,
          GPtrArray      *list)
{
  g_autofree char *key = g_strconcat (kind, ":", id, NULL);

  if (g_hash_table_contains (w->seen, key))
    return;
  g_hash_table_add (w->seen, g_steal_pointer (&key));
  g_ptr_array_add (list, g_object_ref (object));
}

static void
remember_label (AmExportWriter *w,
                AmLabel        *label)
{
  remember (w, "L", am_label_get_id (label), label, w->labels);
}

static void
remember_relation (AmExportWriter *w,
                   AmRelationType *relation)
{
  remember (w, "R", am_relation_type_get_id (relation), relation, w->relations);
}

static void
remember_schema (AmExportWriter *w,
                 AmDocument     *doc,
                 GHashTable     *kept_labels)
{
  AmLabelSchema *schema = am_document_get_schema (doc);
  GListModel *labels = am_label_schema_get_labels (schema);
  GListModel *relations = am_label_schema_get_relations (schema);
  guint n;
  guint i;

  n = g_list_model_get_n_items (labels);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

      if (kept_labels == NULL || g_hash_table_contains (kept_labels, am_label_get_id (label)))
        remember_label (w, label);
    }

  n = g_list_model_get_n_items (relations);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmRelationType) relation = g_list_model_get_item (relations, i);

      remember_relation (w, relation);
    }
}

/* Adds the labels and relations that @from met to those of @w. */
void
_am_export_brat_merge (AmExportWriter *w,
                       AmExportWriter *from)
{
  guint i;

  for (i = 0; i < from->labels->len; i++)
    remember_label (w, g_ptr_array_index (from->labels, i));
  for (i = 0; i < from->relations->len; i++)
    remember_relation (w, g_ptr_array_index (from->relations, i));
}

gboolean
_am_export_brat_document (AmExportWriter *w,
                          AmExportDoc    *d,
                          GError        **error)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  GString *buf = w->buf;
  guint n_notes = 0;
  guint i;

  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      guint start = am_annotation_get_start (a);
      guint end = am_annotation_get_end (a);
      gsize b0 = am_text_offset_to_byte (d->text, start);
      gsize b1 = am_text_offset_to_byte (d->text, end);

      g_hash_table_insert (numbers, (gpointer) am_annotation_get_id (a), GUINT_TO_POINTER (i + 1));
      g_string_append_printf (buf, "T%u\t%s %u %u\t", i + 1, am_annotation_get_label (a), start, end);
      append_ann_field (buf, am_text_get_utf8 (d->text) + b0, b1 - b0);
      g_string_append_c (buf, '\n');
    }
  for (i = 0; i < d->links->len; i++)
    {
      AmLink *link = g_ptr_array_index (d->links, i);

      g_string_append_printf (buf, "R%u\t%s Arg1:T%u Arg2:T%u\t\n", i + 1,
                              am_link_get_relation (link),
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, am_link_get_from (link))),
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, am_link_get_to (link))));
    }
  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      const char *note = am_annotation_get_note (a);

      if (note == NULL || *note == '\0')
        continue;
      g_string_append_printf (buf, "#%u\tAnnotatorNotes T%u\t", ++n_notes, i + 1);
      append_ann_field (buf, note, strlen (note));
      g_string_append_c (buf, '\n');
    }

  if (!_am_export_write_file (w, d->name, ".txt", am_text_get_utf8 (d->text),
                              am_text_get_n_bytes (d->text), error) ||
      !_am_export_write_file (w, d->name, ".ann", buf->str, buf->len, error))
    return FALSE;
  g_string_truncate (buf, 0);

  remember_schema (w, d->doc, w->kept_labels);
  return TRUE;
}

/* No labels means any label; labels of which none is exported mean none. */
static gboolean
append_conf_labels (GString            *buf,
                    const char * const *labels,
                    GHashTable         *known)
{
  guint n = 0;
  guint i;

  if (labels == NULL || labels[0] == NULL)
    {
      g_string_append (buf, "<ENTITY>");
      return TRUE;
    }
  for (i = 0; labels[i] != NULL; i++)
    {
      if (!g_hash_table_contains (known, labels[i]))
        continue;
      if (n++ > 0)
        g_string_append_c (buf, '|');
      g_string_append (buf, labels[i]);
    }
  return n > 0;
}

/* annotation.conf lists the labels and relations, so that brat lets people
 * go on annotating with the same schema; visual.conf keeps the colours. */
gboolean
_am_export_brat_end (AmExportWriter *w,
                     GError        **error)
{
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  GString *buf = w->buf;
  guint i;

  g_string_append (buf, "# The labels and relations of the Argumark documents exported here.\n"
                        "[entities]\n");
  for (i = 0; i < w->labels->len; i++)
    {
      AmLabel *label = g_ptr_array_index (w->labels, i);

      g_hash_table_add (known, (gpointer) am_label_get_id (label));
      g_string_append_printf (buf, "%s\n", am_label_get_id (label));
    }
  g_string_append (buf, "\n[relations]\n");
  for (i = 0; i < w->relations->len; i++)
    {
      AmRelationType *relation = g_ptr_array_index (w->relations, i);
      gsize line_start = buf->len;

      g_string_append_printf (buf, "%s\tArg1:", am_relation_type_get_id (relation));
      if (!append_conf_labels (buf, am_relation_type_get_from (relation), known))
        {
          g_string_truncate (buf, line_start);
          continue;
        }
      g_string_append (buf, ", Arg2:");
      if (!append_conf_labels (buf, am_relation_type_get_to (relation), known))
        {
          g_string_truncate (buf, line_start);
          continue;
        }
      g_string_append_c (buf, '\n');
    }
  /* Argumark lets spans overlap and nest; brat only does if told. */
  g_string_append (buf, "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
                        "\n[events]\n\n[attributes]\n");
  if (!_am_export_write_file (w, "annotation", ".conf", buf->str, buf->len, error))
    return FALSE;
  g_string_truncate (buf, 0);

  g_string_append (buf, "[labels]\n");
  for (i = 0; i < w->labels->len; i++)
    {
      AmLabel *label = g_ptr_array_index (w->labels, i);

      g_string_append_printf (buf, "%s | %s\n", am_label_get_id (label), am_label_get_name (label));
    }
  for (i = 0; i < w->relations->len; i++)
    {
      AmRelationType *relation = g_ptr_array_index (w->relations, i);

      g_string_append_printf (buf, "%s | %s\n", am_relation_type_get_id (relation),
                              am_relation_type_get_name (relation));
    }
  g_string_append (buf, "\n[drawing]\n");
  for (i = 0; i < w->labels->len; i++)
    {
      AmLabel *label = g_ptr_array_index (w->labels, i);

      g_string_append_printf (buf, "%s\tbgColor:%s\n", am_label_get_id (label),
                              am_label_get_color (label));
    }
  if (!_am_export_write_file (w, "visual", ".conf", buf->str, buf->len, error))
    return FALSE;
  g_string_truncate (buf, 0);
  return TRUE;
}
