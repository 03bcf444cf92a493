/* am-import-w3c.c: W3C Web Annotation (JSON-LD) over plain-text files
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "am-importer-private.h"

/* A Web Annotation holds no text: each target names its source, which must
 * be a plain-text file beside the annotation file (as `argumark-cli export
 * --format w3c` writes NAME.txt for a corpus). Annotations are grouped by
 * source, one document each, in the order the sources first appear. */

typedef struct
{
  char      *source;
  GPtrArray *tagging;  /* JsonObject */
  GPtrArray *linking;  /* JsonObject */
} Source;

static void
source_free (Source *s)
{
  g_free (s->source);
  g_ptr_array_unref (s->tagging);
  g_ptr_array_unref (s->linking);
  g_free (s);
}

/* The last part of an annotation IRI, as a span or link id:
 * "urn:argumark:news:T3" → "T3", "https://example.org/anno/42" → "42". */
static char *
id_of (const char *iri)
{
  const char *cut;

  if (iri == NULL || *iri == '\0')
    return NULL;
  cut = strrchr (iri, ':');
  if (strrchr (iri, '/') > cut)
    cut = strrchr (iri, '/');
  if (strrchr (iri, '#') > cut)
    cut = strrchr (iri, '#');
  if (cut != NULL && cut[1] != '\0')
    return g_uri_unescape_string (cut + 1, NULL);
  return g_uri_unescape_string (iri, NULL);
}

static const char *
string_member (JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* Members that may hold one object (or IRI string) or an array of them. */
static GPtrArray *
nodes_of (JsonObject *object,
          const char *member)
{
  GPtrArray *nodes = g_ptr_array_new ();
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return nodes;
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint i;

      for (i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (nodes, json_array_get_element (array, i));
    }
  else
    g_ptr_array_add (nodes, node);
  return nodes;
}

static const char *
target_source (JsonNode *target)
{
  if (JSON_NODE_HOLDS_VALUE (target) && json_node_get_value_type (target) == G_TYPE_STRING)
    return json_node_get_string (target);
  if (JSON_NODE_HOLDS_OBJECT (target))
    return string_member (json_node_get_object (target), "source");
  return NULL;
}

static const char *
body_value (JsonObject *annotation,
            const char *purpose)
{
  g_autoptr(GPtrArray) bodies = nodes_of (annotation, "body");
  guint i;

  for (i = 0; i < bodies->len; i++)
    {
      JsonNode *node = g_ptr_array_index (bodies, i);
      JsonObject *body;
      const char *body_purpose;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      body = json_node_get_object (node);
      body_purpose = string_member (body, "purpose");
      if (string_member (body, "value") == NULL)
        continue;
      /* A body without purpose is the tag, unless it is a comment. */
      if (g_strcmp0 (body_purpose, purpose) == 0 ||
          (body_purpose == NULL && g_str_equal (purpose, "tagging")))
        return string_member (body, "value");
    }
  return NULL;
}

/* The span of a target: its TextPositionSelector (checked against the
 * TextQuoteSelector's exact text), or the quote found in the text, the one
 * whose prefix and suffix match when it occurs more than once. */
static gboolean
locate (AmText      *text,
        JsonObject  *target,
        guint       *start,
        guint       *end,
        char       **reason)
{
  g_autoptr(GPtrArray) selectors = nodes_of (target, "selector");
  JsonObject *position = NULL;
  JsonObject *quote = NULL;
  const char *exact = NULL;
  guint i;

  for (i = 0; i < selectors->len; i++)
    {
      JsonNode *node = g_ptr_array_index (selectors, i);
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      type = string_member (json_node_get_object (node), "type");
      if (g_strcmp0 (type, "TextPositionSelector") == 0)
        position = json_node_get_object (node);
      else if (g_strcmp0 (type, "TextQuoteSelector") == 0)
        quote = json_node_get_object (node);
    }
  if (quote != NULL)
    exact = string_member (quote, "exact");

  if (position != NULL)
    {
      gint64 s;
      gint64 e;
      gboolean as_utf16;

      if (!_am_json_get_offset (position, "start", &s) || !_am_json_get_offset (position, "end", &e))
        {
          *reason = g_strdup (_("its TextPositionSelector has no whole-number start and end"));
          return FALSE;
        }
      switch (_am_import_locate (text, s, e, exact, AM_UNIT_CODE_POINTS, start, end, &as_utf16,
                                 reason))
        {
        case AM_LOCATE_OK:
          return TRUE;
        case AM_LOCATE_EMPTY:
        case AM_LOCATE_BAD:
        default:
          if (exact == NULL)
            return FALSE;
          /* Stale offsets: the quote may still be found below. */
          g_clear_pointer (reason, g_free);
          break;
        }
    }

  if (exact != NULL && *exact != '\0')
    {
      const char *utf8 = am_text_get_utf8 (text);
      const char *prefix = quote != NULL ? string_member (quote, "prefix") : NULL;
      const char *suffix = quote != NULL ? string_member (quote, "suffix") : NULL;
      const char *matched = NULL;
      const char *first = NULL;
      guint n_found = 0;
      const char *p;

      for (p = strstr (utf8, exact); p != NULL; p = strstr (p + 1, exact))
        {
          gboolean prefix_ok = prefix == NULL ||
                               ((gsize) (p - utf8) >= strlen (prefix) &&
                                strncmp (p - strlen (prefix), prefix, strlen (prefix)) == 0);
          gboolean suffix_ok = suffix == NULL ||
                               strncmp (p + strlen (exact), suffix, strlen (suffix)) == 0;

          if (n_found++ == 0)
            first = p;
          if (matched == NULL && prefix_ok && suffix_ok && (prefix != NULL || suffix != NULL))
            matched = p;
        }
      /* The occurrence its context points at, or the only one. */
      if (matched == NULL && n_found == 1)
        matched = first;
      if (matched != NULL)
        {
          *start = am_text_byte_to_offset (text, matched - utf8);
          *end = *start + g_utf8_strlen (exact, -1);
          return TRUE;
        }
      *reason = n_found == 0 ?
                g_strdup_printf (_("its quote “%s” is not in the text"), exact) :
                g_strdup_printf (_("its quote “%s” occurs %u times and nothing says which"),
                                 exact, n_found);
      return FALSE;
    }

  if (*reason == NULL)
    *reason = g_strdup (_("it has no TextPositionSelector or TextQuoteSelector"));
  return FALSE;
}

static char *
read_source_text (GFile       *annotation_file,
                  const char  *source,
                  char       **reason)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  gboolean had_cr;

  if (annotation_file == NULL || strstr (source, "://") != NULL || g_str_has_prefix (source, "urn:"))
    {
      *reason = g_strdup_printf (_("the annotated text “%s” is not a file beside the annotations: "
                                   "save it as a .txt file there and name it in “source”"),
                                 source);
      return NULL;
    }
  parent = g_file_get_parent (annotation_file);
  file = g_file_resolve_relative_path (parent, source);
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &error))
    {
      *reason = g_strdup_printf (_("the annotated text “%s” cannot be read: %s"), source,
                                 error->message);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, NULL) || memchr (data, '\0', length) != NULL)
    {
      *reason = g_strdup_printf (_("the annotated text “%s” is not UTF-8 text"), source);
      return NULL;
    }
  return _am_import_normalize_newlines (data, length, &had_cr);
}

static void
import_source (AmImporter *self,
               const char *file,
               GFile      *gfile,
               Source     *s)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *text = read_source_text (gfile, s->source, &reason);
  g_autofree char *basename = NULL;
  char *dot;
  guint i;

  if (text == NULL || *text == '\0')
    {
      _am_import_error (self, file, 0, _("%u annotations not imported: %s"),
                        s->tagging->len + s->linking->len,
                        reason != NULL ? reason : _("the annotated text is empty"));
      return;
    }

  doc = _am_import_new_document (self, text);
  for (i = 0; i < s->tagging->len; i++)
    {
      JsonObject *a = g_ptr_array_index (s->tagging, i);
      g_autoptr(GPtrArray) targets = nodes_of (a, "target");
      g_autoptr(AmAnnotation) annotation = NULL;
      g_autofree char *id = id_of (string_member (a, "id"));
      g_autofree char *why = NULL;
      const char *tag = body_value (a, "tagging");
      const char *note = body_value (a, "commenting");
      const char *author = NULL;
      const char *label;
      JsonNode *creator = json_object_get_member (a, "creator");
      guint start = 0;
      guint end = 0;

      if (tag == NULL)
        {
          _am_import_error (self, file, 0, _("annotation “%s” has no tag (a TextualBody with "
                                             "purpose “tagging”): not imported"),
                            id != NULL ? id : "?");
          continue;
        }
      if (!JSON_NODE_HOLDS_OBJECT (g_ptr_array_index (targets, 0)) ||
          !locate (am_document_get_text (doc),
                   json_node_get_object (g_ptr_array_index (targets, 0)), &start, &end, &why))
        {
          _am_import_error (self, file, 0, _("annotation “%s” (%s): %s: not imported"),
                            id != NULL ? id : "?", tag,
                            why != NULL ? why : _("its target is not a text selection"));
          continue;
        }
      label = _am_import_label (self, file, 0, tag);
      if (label == NULL)
        continue;
      if (creator != NULL && JSON_NODE_HOLDS_OBJECT (creator))
        author = string_member (json_node_get_object (creator), "name");
      else if (creator != NULL && JSON_NODE_HOLDS_VALUE (creator) &&
               json_node_get_value_type (creator) == G_TYPE_STRING)
        author = json_node_get_string (creator);
      if (id != NULL && am_document_lookup_annotation (doc, id) != NULL)
        g_clear_pointer (&id, g_free);

      annotation = g_object_new (AM_TYPE_ANNOTATION,
                                 "id", id,
                                 "label", label,
                                 "start", start,
                                 "end", end,
                                 "note", note,
                                 "author", author,
                                 "created", string_member (a, "created"),
                                 "modified", string_member (a, "modified"),
                                 NULL);
      _am_import_add_annotation (self, doc, file, 0, annotation);
    }

  for (i = 0; i < s->linking->len; i++)
    {
      JsonObject *a = g_ptr_array_index (s->linking, i);
      g_autoptr(GPtrArray) bodies = nodes_of (a, "body");
      g_autoptr(GPtrArray) targets = nodes_of (a, "target");
      g_autofree char *id = id_of (string_member (a, "id"));
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const char *relation = body_value (a, "tagging");
      guint k;

      from = id_of (target_source (g_ptr_array_index (targets, 0)));
      for (k = 0; k < bodies->len && to == NULL; k++)
        {
          JsonNode *node = g_ptr_array_index (bodies, k);

          if (JSON_NODE_HOLDS_OBJECT (node) &&
              string_member (json_node_get_object (node), "value") == NULL)
            to = id_of (target_source (node) != NULL ? target_source (node)
                                                     : string_member (json_node_get_object (node), "id"));
          else if (JSON_NODE_HOLDS_VALUE (node))
            to = id_of (target_source (node));
        }
      if (from == NULL || to == NULL ||
          am_document_lookup_annotation (doc, from) == NULL ||
          am_document_lookup_annotation (doc, to) == NULL)
        {
          _am_import_error (self, file, 0, _("link “%s” does not join two imported spans of “%s”: "
                                             "not imported"), id != NULL ? id : "?", s->source);
          continue;
        }
      _am_import_add_link (self, doc, file, 0, id, relation, from, to);
    }

  basename = g_path_get_basename (s->source);
  dot = strrchr (basename, '.');
  if (dot != NULL && dot != basename)
    *dot = '\0';
  am_document_set_meta (doc, "source", s->source);
  _am_import_finish (self, doc, basename);
}

gboolean
_am_import_w3c (AmImporter  *self,
                GFile       *gfile,
                const char  *file,
                const char  *data,
                gsize        length,
                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  g_autoptr(GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) source_free);
  g_autoptr(GHashTable) by_source = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  guint i;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                   _("not valid JSON: %s"), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);

  /* An AnnotationCollection (with its first page embedded), a page, an
   * array of annotations, or one annotation. */
  if (JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (i = 0; i < json_array_get_length (array); i++)
        g_ptr_array_add (items, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *page;
      JsonNode *first;

      object = json_node_get_object (root);
      first = json_object_get_member (object, "first");
      page = first != NULL && JSON_NODE_HOLDS_OBJECT (first) ? json_node_get_object (first) : object;
      if (json_object_has_member (page, "items"))
        {
          g_autoptr(GPtrArray) nodes = nodes_of (page, "items");

          g_ptr_array_extend (items, nodes, NULL, NULL);
        }
      else if (first != NULL)
        {
          g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_UNSUPPORTED,
                               _("the annotation collection’s pages are elsewhere (“first” is a "
                                 "link): save them in the file"));
          return FALSE;
        }
      else
        g_ptr_array_add (items, root);
    }

  /* Spans first, by source; then links, filed under the document of the
   * span they come from, wherever they stand in the file. */
  for (i = 0; i < items->len; i++)
    {
      JsonNode *node = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) targets = NULL;
      const char *source;
      const char *id;
      Source *s;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          _am_import_error (self, file, 0, _("item %u is not an annotation object: skipped"), i + 1);
          continue;
        }
      object = json_node_get_object (node);
      if (g_strcmp0 (string_member (object, "motivation"), "linking") == 0)
        continue;
      targets = nodes_of (object, "target");
      source = targets->len > 0 ? target_source (g_ptr_array_index (targets, 0)) : NULL;
      if (source == NULL)
        {
          _am_import_error (self, file, 0, _("item %u names no source text: skipped"), i + 1);
          continue;
        }

      s = g_hash_table_lookup (by_source, source);
      if (s == NULL)
        {
          s = g_new0 (Source, 1);
          s->source = g_strdup (source);
          s->tagging = g_ptr_array_new ();
          s->linking = g_ptr_array_new ();
          g_ptr_array_add (sources, s);
          g_hash_table_insert (by_source, s->source, s);
        }
      g_ptr_array_add (s->tagging, object);
      id = string_member (object, "id");
      if (id != NULL)
        g_hash_table_insert (by_id, (gpointer) id, s);
    }

  for (i = 0; i < items->len; i++)
    {
      JsonNode *node = g_ptr_array_index (items, i);
      g_autoptr(GPtrArray) targets = NULL;
      const char *from;
      Source *s;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      if (g_strcmp0 (string_member (object, "motivation"), "linking") != 0)
        continue;
      targets = nodes_of (object, "target");
      from = targets->len > 0 ? target_source (g_ptr_array_index (targets, 0)) : NULL;
      s = from != NULL ? g_hash_table_lookup (by_id, from) : NULL;
      if (s == NULL)
        {
          _am_import_error (self, file, 0, _("link %u comes from no span of this file: skipped"),
                            i + 1);
          continue;
        }
      g_ptr_array_add (s->linking, object);
    }

  for (i = 0; i < sources->len; i++)
    import_source (self, file, gfile, g_ptr_array_index (sources, i));

  return TRUE;
}
