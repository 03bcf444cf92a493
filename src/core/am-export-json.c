/* am-export-json.c: Argumark JSONL (spaCy, Prodigy), doccano JSONL and W3C
 * Web Annotation JSON-LD
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-export"

#include "config.h"

#include <string.h>

#include "am-export-private.h"

/* How much text a TextQuoteSelector keeps on each side of the quote: enough
 * to tell repeated quotes apart, as Hypothesis does. */
#define QUOTE_CONTEXT 32

static void
append_key (GString    *buf,
            const char *key)
{
  g_string_append_c (buf, '"');
  g_string_append (buf, key);
  g_string_append (buf, "\":");
}

static void
append_string_member (GString    *buf,
                      const char *key,
                      const char *value)
{
  append_key (buf, key);
  _am_export_append_json (buf, value, -1);
}

static void
append_uint_member (GString    *buf,
                    const char *key,
                    guint64     value)
{
  append_key (buf, key);
  _am_export_append_uint (buf, value);
}

static void
append_meta (GString    *buf,
             AmDocument *doc)
{
  g_auto(GStrv) keys = am_document_dup_meta_keys (doc);
  guint i;

  g_string_append_c (buf, '{');
  for (i = 0; keys[i] != NULL; i++)
    {
      const char *value = am_document_get_meta (doc, keys[i]);

      if (i > 0)
        g_string_append_c (buf, ',');
      _am_export_append_json (buf, keys[i], -1);
      g_string_append_c (buf, ':');
      if (value != NULL)
        _am_export_append_json (buf, value, -1);
      else
        g_string_append (buf, "null");
    }
  g_string_append_c (buf, '}');
}

/* {"id", "text", "meta", "spans": [{"id", "start", "end", "label", "text"}],
 *  "relations": [{"head", "child", "label"}]}: offsets are code points, as
 * Python strings count them, so spaCy's char_span() takes them as they are. */
gboolean
_am_export_jsonl_document (AmExportWriter *w,
                           AmExportDoc    *d,
                           GError        **error)
{
  GString *buf = w->buf;
  guint i;

  g_string_append_c (buf, '{');
  append_string_member (buf, "id", d->name);
  g_string_append_c (buf, ',');
  append_key (buf, "text");
  _am_export_append_json (buf, am_text_get_utf8 (d->text), am_text_get_n_bytes (d->text));
  g_string_append_c (buf, ',');
  append_key (buf, "meta");
  append_meta (buf, d->doc);
  g_string_append (buf, ",\"spans\":[");
  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      guint start = _am_export_offset (w, d->text, am_annotation_get_start (a));
      guint end = _am_export_offset (w, d->text, am_annotation_get_end (a));

      if (i > 0)
        g_string_append_c (buf, ',');
      g_string_append_c (buf, '{');
      append_string_member (buf, "id", am_annotation_get_id (a));
      g_string_append_c (buf, ',');
      append_uint_member (buf, "start", start);
      g_string_append_c (buf, ',');
      append_uint_member (buf, "end", end);
      g_string_append_c (buf, ',');
      append_string_member (buf, "label", am_annotation_get_label (a));
      g_string_append_c (buf, ',');
      append_key (buf, "text");
      _am_export_append_span_text (buf, d->text, am_annotation_get_start (a),
                                   am_annotation_get_end (a), TRUE);
      g_string_append_c (buf, '}');
    }
  g_string_append (buf, "],\"relations\":[");
  for (i = 0; i < d->links->len; i++)
    {
      AmLink *link = g_ptr_array_index (d->links, i);

      if (i > 0)
        g_string_append_c (buf, ',');
      g_string_append_c (buf, '{');
      append_string_member (buf, "head", am_link_get_from (link));
      g_string_append_c (buf, ',');
      append_string_member (buf, "child", am_link_get_to (link));
      g_string_append_c (buf, ',');
      append_string_member (buf, "label", am_link_get_relation (link));
      g_string_append_c (buf, '}');
    }
  g_string_append (buf, "]}\n");

  return _am_export_flush (w, error);
}

/* doccano numbers entities from 1 in each document; its relations name them
 * by that number. */
gboolean
_am_export_doccano_document (AmExportWriter *w,
                             AmExportDoc    *d,
                             GError        **error)
{
  GString *buf = w->buf;
  gboolean relations = w->format == AM_EXPORT_FORMAT_DOCCANO_RELATIONS;
  g_autoptr(GHashTable) numbers = NULL;
  guint i;

  g_string_append_c (buf, '{');
  append_string_member (buf, "id", d->name);
  g_string_append_c (buf, ',');
  append_key (buf, "text");
  _am_export_append_json (buf, am_text_get_utf8 (d->text), am_text_get_n_bytes (d->text));
  g_string_append (buf, relations ? ",\"entities\":[" : ",\"label\":[");

  if (relations)
    numbers = g_hash_table_new (g_str_hash, g_str_equal);

  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      guint start = _am_export_offset (w, d->text, am_annotation_get_start (a));
      guint end = _am_export_offset (w, d->text, am_annotation_get_end (a));

      if (i > 0)
        g_string_append_c (buf, ',');
      if (relations)
        {
          g_hash_table_insert (numbers, (gpointer) am_annotation_get_id (a),
                               GUINT_TO_POINTER (i + 1));
          g_string_append_c (buf, '{');
          append_uint_member (buf, "id", i + 1);
          g_string_append_c (buf, ',');
          append_string_member (buf, "label", am_annotation_get_label (a));
          g_string_append_c (buf, ',');
          append_uint_member (buf, "start_offset", start);
          g_string_append_c (buf, ',');
          append_uint_member (buf, "end_offset", end);
          g_string_append_c (buf, '}');
        }
      else
        {
          g_string_append_c (buf, '[');
          _am_export_append_uint (buf, start);
          g_string_append_c (buf, ',');
          _am_export_append_uint (buf, end);
          g_string_append_c (buf, ',');
          _am_export_append_json (buf, am_annotation_get_label (a), -1);
          g_string_append_c (buf, ']');
        }
    }
  g_string_append_c (buf, ']');

  if (relations)
    {
      g_string_append (buf, ",\"relations\":[");
      for (i = 0; i < d->links->len; i++)
        {
          AmLink *link = g_ptr_array_index (d->links, i);

          if (i > 0)
            g_string_append_c (buf, ',');
          g_string_append_c (buf, '{');
          append_uint_member (buf, "id", i + 1);
          g_string_append_c (buf, ',');
          append_uint_member (buf, "from_id",
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, am_link_get_from (link))));
          g_string_append_c (buf, ',');
          append_uint_member (buf, "to_id",
                              GPOINTER_TO_UINT (g_hash_table_lookup (numbers, am_link_get_to (link))));
          g_string_append_c (buf, ',');
          append_string_member (buf, "type", am_link_get_relation (link));
          g_string_append_c (buf, '}');
        }
      g_string_append_c (buf, ']');
    }
  g_string_append (buf, "}\n");

  return _am_export_flush (w, error);
}

/* W3C Web Annotation: one AnnotationCollection whose first page holds every
 * annotation of every document. */
gboolean
_am_export_w3c_begin (AmExportWriter *w,
                      GError        **error)
{
  g_string_append (w->buf,
                   "{\n"
                   "  \"@context\": \"http://www.w3.org/ns/anno.jsonld\",\n"
                   "  \"type\": \"AnnotationCollection\",\n"
                   "  \"label\": \"Argumark export\",\n"
                   "  \"first\": {\n"
                   "    \"type\": \"AnnotationPage\",\n"
                   "    \"items\": [");
  return _am_export_flush (w, error);
}

static void
append_iri (GString    *buf,
            const char *name,
            const char *id)
{
  g_autofree char *escaped_name = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *escaped_id = g_uri_escape_string (id, NULL, FALSE);
  g_autofree char *iri = g_strconcat ("urn:argumark:", escaped_name, ":", escaped_id, NULL);

  _am_export_append_json (buf, iri, -1);
}

static void
item_separator (AmExportWriter *w)
{
  /* The first item needs no comma. */
  g_string_append (w->buf, w->n_items++ > 0 ? ",\n" : "\n");
}

static void
append_body (GString    *buf,
             const char *purpose,
             const char *value)
{
  g_string_append (buf, "        {\"type\": \"TextualBody\", \"purpose\": ");
  _am_export_append_json (buf, purpose, -1);
  g_string_append (buf, ", \"value\": ");
  _am_export_append_json (buf, value, -1);
  g_string_append_c (buf, '}');
}

gboolean
_am_export_w3c_document (AmExportWriter *w,
                         AmExportDoc    *d,
                         GError        **error)
{
  GString *buf = w->buf;
  const char *source = am_document_get_meta (d->doc, "source");
  g_autofree char *target = NULL;
  guint length = am_text_get_length (d->text);
  guint i;

  /* A web page keeps its address; an article of a corpus is NAME.txt beside
   * the exported file's corpus. */
  if (source != NULL && strstr (source, "://") != NULL)
    target = g_strdup (source);
  else
    target = g_strconcat (d->name, ".txt", NULL);

  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      guint start = am_annotation_get_start (a);
      guint end = am_annotation_get_end (a);
      const char *author = am_annotation_get_author (a);
      const char *note = am_annotation_get_note (a);

      item_separator (w);
      g_string_append (buf, "      {\n        \"id\": ");
      append_iri (buf, d->name, am_annotation_get_id (a));
      g_string_append (buf, ",\n        \"type\": \"Annotation\",\n"
                            "        \"motivation\": \"tagging\",\n");
      if (author != NULL && *author != '\0')
        {
          g_string_append (buf, "        \"creator\": {\"type\": \"Person\", \"name\": ");
          _am_export_append_json (buf, author, -1);
          g_string_append (buf, "},\n");
        }
      if (am_annotation_get_created (a) != NULL)
        {
          g_string_append (buf, "        \"created\": ");
          _am_export_append_json (buf, am_annotation_get_created (a), -1);
          g_string_append (buf, ",\n");
        }
      if (am_annotation_get_modified (a) != NULL)
        {
          g_string_append (buf, "        \"modified\": ");
          _am_export_append_json (buf, am_annotation_get_modified (a), -1);
          g_string_append (buf, ",\n");
        }
      g_string_append (buf, "        \"body\": [\n  ");
      append_body (buf, "tagging", am_annotation_get_label (a));
      if (note != NULL && *note != '\0')
        {
          g_string_append (buf, ",\n  ");
          append_body (buf, "commenting", note);
        }
      g_string_append (buf, "\n        ],\n        \"target\": {\n          \"source\": ");
      _am_export_append_json (buf, target, -1);
      g_string_append (buf, ",\n          \"selector\": [\n"
                            "            {\"type\": \"TextPositionSelector\", \"start\": ");
      _am_export_append_uint (buf, start);
      g_string_append (buf, ", \"end\": ");
      _am_export_append_uint (buf, end);
      g_string_append (buf, "},\n            {\"type\": \"TextQuoteSelector\", \"exact\": ");
      _am_export_append_span_text (buf, d->text, start, end, TRUE);
      g_string_append (buf, ", \"prefix\": ");
      _am_export_append_span_text (buf, d->text, start > QUOTE_CONTEXT ? start - QUOTE_CONTEXT : 0,
                                   start, TRUE);
      g_string_append (buf, ", \"suffix\": ");
      _am_export_append_span_text (buf, d->text, end, MIN (length, end + QUOTE_CONTEXT), TRUE);
      g_string_append (buf, "}\n          ]\n        }\n      }");
    }

  for (i = 0; i < d->links->len; i++)
    {
      AmLink *link = g_ptr_array_index (d->links, i);

      item_separator (w);
      g_string_append (buf, "      {\n        \"id\": ");
      append_iri (buf, d->name, am_link_get_id (link));
      g_string_append (buf, ",\n        \"type\": \"Annotation\",\n"
                            "        \"motivation\": \"linking\",\n"
                            "        \"body\": [\n  ");
      append_body (buf, "tagging", am_link_get_relation (link));
      g_string_append (buf, ",\n          {\"type\": \"SpecificResource\", \"purpose\": \"linking\", "
                            "\"source\": ");
      append_iri (buf, d->name, am_link_get_to (link));
      g_string_append (buf, "}\n        ],\n        \"target\": ");
      append_iri (buf, d->name, am_link_get_from (link));
      g_string_append (buf, "\n      }");
    }

  return _am_export_flush (w, error);
}

gboolean
_am_export_w3c_end (AmExportWriter *w,
                    GError        **error)
{
  g_string_append (w->buf, w->n_items > 0 ? "\n    ]\n  }\n}\n" : "]\n  }\n}\n");
  return _am_export_flush (w, error);
}
