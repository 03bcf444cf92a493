/* am-import-json.c: doccano, Label Studio, Prodigy and Argumark JSONL
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-importer-private.h"

typedef struct
{
  AmImportFormat  format;
  char           *stem;
  gboolean        numeric_labels_reported;
} JsonContext;

static gboolean
has_array (JsonObject *object,
           const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node);
}

static JsonObject *
first_object_of (JsonObject *object,
                 const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (json_array_get_length (array) == 0)
    return NULL;
  node = json_array_get_element (array, 0);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

/**
 * _am_import_json_detect:
 *
 * Tells the tool from one record: Label Studio has "annotations" or
 * "predictions" with "result", or a "data" object; Prodigy has "spans"
 * with "_input_hash", "_task_hash", "tokens" or "answer"; Argumark JSONL
 * has "spans" without them; doccano has "label", "labels", "entities",
 * "annotations" with "start_offset", or a "data" string.
 */
AmImportFormat
_am_import_json_detect (JsonNode *node)
{
  JsonObject *object;
  JsonObject *first;
  JsonNode *data;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      if (json_array_get_length (array) == 0)
        return AM_IMPORT_FORMAT_AUTO;
      node = json_array_get_element (array, 0);
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return AM_IMPORT_FORMAT_AUTO;
  object = json_node_get_object (node);
  data = json_object_get_member (object, "data");

  if (json_object_has_member (object, "@context") ||
      g_strcmp0 (_am_json_get_string (object, "type"), "Annotation") == 0 ||
      g_strcmp0 (_am_json_get_string (object, "type"), "AnnotationPage") == 0 ||
      g_strcmp0 (_am_json_get_string (object, "type"), "AnnotationCollection") == 0)
    return AM_IMPORT_FORMAT_W3C;

  if (((first = first_object_of (object, "annotations")) != NULL &&
       json_object_has_member (first, "result")) ||
      ((first = first_object_of (object, "predictions")) != NULL &&
       json_object_has_member (first, "result")) ||
      (data != NULL && JSON_NODE_HOLDS_OBJECT (data)))
    return AM_IMPORT_FORMAT_LABEL_STUDIO;

  if (has_array (object, "spans"))
    {
      if (json_object_has_member (object, "_input_hash") ||
          json_object_has_member (object, "_task_hash") ||
          json_object_has_member (object, "tokens") ||
          json_object_has_member (object, "answer"))
        return AM_IMPORT_FORMAT_PRODIGY;
      return AM_IMPORT_FORMAT_JSONL;
    }

  if (has_array (object, "label") || has_array (object, "labels") ||
      has_array (object, "entities") ||
      ((first = first_object_of (object, "annotations")) != NULL &&
       json_object_has_member (first, "start_offset")) ||
      (data != NULL && JSON_NODE_HOLDS_VALUE (data) &&
       json_node_get_value_type (data) == G_TYPE_STRING))
    return AM_IMPORT_FORMAT_DOCCANO;

  if (_am_json_get_string (object, "text") != NULL)
    return AM_IMPORT_FORMAT_JSONL;

  return AM_IMPORT_FORMAT_AUTO;
}

/* A record's "id" as a string, for the document name */
static char *
record_id (JsonObject *object)
{
  JsonNode *node = json_object_get_member (object, "id");

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

static char *
document_name (JsonContext *ctx,
               JsonObject  *object,
               guint        line,
               gboolean     id_alone)
{
  g_autofree char *id = record_id (object);

  if (id != NULL && *id != '\0')
    return id_alone ? g_steal_pointer (&id) : g_strdup_printf ("%s-%s", ctx->stem, id);
  return g_strdup_printf ("%s-%u", ctx->stem, line);
}

static AmDocument *
new_document (AmImporter *self,
              const char *file,
              guint       line,
              const char *text)
{
  if (text == NULL)
    {
      _am_import_error (self, file, line, _("the record has no “text”: skipped"));
      return NULL;
    }
  if (*text == '\0')
    {
      _am_import_error (self, file, line, _("the record’s text is empty: skipped"));
      return NULL;
    }
  /* JSON escapes can smuggle in lone surrogates ("\ud800"). */
  if (!g_utf8_validate (text, -1, NULL))
    {
      _am_import_error (self, file, line,
                        _("the record’s text is not valid Unicode (a lone surrogate escape?): "
                          "skipped"));
      return NULL;
    }
  return _am_import_new_document (self, text);
}

/* Warns once per record when offsets that cannot be checked are read as
 * UTF-16 units in a text where that differs from code points. */
static void
warn_unchecked_units (AmImporter   *self,
                      AmDocument   *doc,
                      const char   *file,
                      guint         line,
                      AmOffsetUnit  unit,
                      const char   *tool)
{
  AmText *text = am_document_get_text (doc);

  if (am_text_get_utf16_length (text) == am_text_get_length (text))
    return;

  if (unit == AM_UNIT_UTF16)
    _am_import_warning (self, file, line,
                        _("the text has characters outside the Basic Multilingual Plane and "
                          "%s stores no span text to check the offsets against: they are read "
                          "as UTF-16 code units, as %s counts in the browser (use "
                          "--offsets=code-points for a file written by a script)"), tool, tool);
  else
    _am_import_warning (self, file, line,
                        _("the text has characters outside the Basic Multilingual Plane and "
                          "%s stores no span text to check the offsets against: they are read "
                          "as code points, as asked"), tool);
}

/* Places one span; returns the new annotation's id, or NULL (reported). */
static const char *
add_span (AmImporter   *self,
          AmDocument   *doc,
          const char   *file,
          guint         line,
          gint64        start,
          gint64        end,
          const char   *quote,
          const char   *label,
          const char   *id,
          const char   *author,
          AmOffsetUnit  unit,
          guint        *n_utf16)
{
  g_autoptr(AmAnnotation) annotation = NULL;
  g_autofree char *reason = NULL;
  const char *label_id;
  gboolean as_utf16;
  guint s;
  guint e;

  switch (_am_import_locate (am_document_get_text (doc), start, end, quote, unit,
                             &s, &e, &as_utf16, &reason))
    {
    case AM_LOCATE_OK:
      break;
    case AM_LOCATE_EMPTY:
    case AM_LOCATE_BAD:
    default:
      _am_import_error (self, file, line, _("“%s” %s: not imported"),
                        label != NULL ? label : "?", reason);
      return NULL;
    }
  if (as_utf16 && quote != NULL)
    (*n_utf16)++;

  label_id = _am_import_label (self, file, line, label);
  if (label_id == NULL)
    return NULL;

  if (id != NULL && am_document_lookup_annotation (doc, id) != NULL)
    {
      _am_import_warning (self, file, line,
                          _("span id “%s” is used twice: the second gets a new id"), id);
      id = NULL;
    }

  annotation = g_object_new (AM_TYPE_ANNOTATION,
                             "id", id,
                             "label", label_id,
                             "start", s,
                             "end", e,
                             "author", author,
                             NULL);
  if (!_am_import_add_annotation (self, doc, file, line, annotation))
    return NULL;
  return am_annotation_get_id (annotation);
}

static void
report_utf16 (AmImporter *self,
              const char *file,
              guint       line,
              guint       n_utf16)
{
  if (n_utf16 > 0)
    _am_import_warning (self, file, line,
                        ngettext ("%u span’s offsets count UTF-16 code units, not code "
                                  "points (checked against its text): converted",
                                  "%u spans’ offsets count UTF-16 code units, not code "
                                  "points (checked against their texts): converted", n_utf16),
                        n_utf16);
}

static char *
node_to_key (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  if (json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  return NULL;
}

/* doccano */

static void
doccano_span_array (AmImporter   *self,
                    AmDocument   *doc,
                    const char   *file,
                    guint         line,
                    JsonArray    *spans,
                    AmOffsetUnit  unit,
                    guint        *n_utf16)
{
  guint n = json_array_get_length (spans);
  guint i;

  for (i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (spans, i);
      JsonArray *triple;
      JsonNode *label_node;
      g_autofree char *label = NULL;
      gint64 start;
      gint64 end;

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        {
          _am_import_warning (self, file, line,
                              _("document label “%s” (text classification) not imported: "
                                "Argumark labels spans"), json_node_get_string (node));
          continue;
        }
      /* Label Studio's JSON_MIN export: {"start", "end", "text", "labels"} */
      if (JSON_NODE_HOLDS_OBJECT (node))
        {
          JsonObject *span = json_node_get_object (node);
          JsonNode *labels = json_object_get_member (span, "labels");
          guint k;

          if (!_am_json_get_offset (span, "start", &start) ||
              !_am_json_get_offset (span, "end", &end) ||
              labels == NULL || !JSON_NODE_HOLDS_ARRAY (labels))
            {
              _am_import_error (self, file, line,
                                _("label %u has no “start”, “end” and “labels”: not imported"), i + 1);
              continue;
            }
          for (k = 0; k < json_array_get_length (json_node_get_array (labels)); k++)
            {
              g_autofree char *name = node_to_key (json_array_get_element (json_node_get_array (labels), k));

              add_span (self, doc, file, line, start, end, _am_json_get_string (span, "text"),
                        name, NULL, NULL, unit, n_utf16);
            }
          continue;
        }
      if (!JSON_NODE_HOLDS_ARRAY (node) ||
          json_array_get_length (triple = json_node_get_array (node)) != 3 ||
          !JSON_NODE_HOLDS_VALUE (json_array_get_element (triple, 0)) ||
          !JSON_NODE_HOLDS_VALUE (json_array_get_element (triple, 1)) ||
          json_node_get_value_type (json_array_get_element (triple, 0)) != G_TYPE_INT64 ||
          json_node_get_value_type (json_array_get_element (triple, 1)) != G_TYPE_INT64)
        {
          _am_import_error (self, file, line,
                            _("label %u is not of the form [start, end, \"label\"]: not imported"),
                            i + 1);
          continue;
        }
      start = json_node_get_int (json_array_get_element (triple, 0));
      end = json_node_get_int (json_array_get_element (triple, 1));
      label_node = json_array_get_element (triple, 2);
      label = node_to_key (label_node);
      add_span (self, doc, file, line, start, end, NULL, label, NULL, NULL, unit, n_utf16);
    }
}

static void
doccano_record (AmImporter  *self,
                JsonContext *ctx,
                const char  *file,
                guint        line,
                JsonObject  *object)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GHashTable) entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *name = NULL;
  const char *text;
  AmOffsetUnit unit = _am_import_unit (self, AM_UNIT_UTF16);
  guint n_utf16 = 0;
  JsonNode *node;

  text = _am_json_get_string (object, "text");
  if (text == NULL)
    text = _am_json_get_string (object, "data");
  doc = new_document (self, file, line, text);
  if (doc == NULL)
    return;

  if (has_array (object, "label") || has_array (object, "labels") ||
      has_array (object, "entities") || has_array (object, "annotations"))
    warn_unchecked_units (self, doc, file, line, unit, "doccano");

  if (has_array (object, "label"))
    doccano_span_array (self, doc, file, line,
                        json_object_get_array_member (object, "label"), unit, &n_utf16);
  if (has_array (object, "labels"))
    doccano_span_array (self, doc, file, line,
                        json_object_get_array_member (object, "labels"), unit, &n_utf16);

  /* spaCy v2 training data: "entities": [[start, end, "LABEL"], ...] */
  if (has_array (object, "entities") &&
      json_array_get_length (json_object_get_array_member (object, "entities")) > 0 &&
      JSON_NODE_HOLDS_ARRAY (json_array_get_element (json_object_get_array_member (object, "entities"), 0)))
    doccano_span_array (self, doc, file, line,
                        json_object_get_array_member (object, "entities"), unit, &n_utf16);
  else if (has_array (object, "entities") || has_array (object, "annotations"))
    {
      gboolean entities = has_array (object, "entities");
      JsonArray *array = json_object_get_array_member (object, entities ? "entities" : "annotations");
      guint n = json_array_get_length (array);
      guint i;

      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *entity;
          g_autofree char *label = NULL;
          g_autofree char *key = NULL;
          const char *id;
          gint64 start;
          gint64 end;

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              !_am_json_get_offset (entity = json_node_get_object (element), "start_offset", &start) ||
              !_am_json_get_offset (entity, "end_offset", &end))
            {
              _am_import_error (self, file, line,
                                _("entity %u has no whole-number “start_offset” and “end_offset”: "
                                  "not imported"), i + 1);
              continue;
            }
          node = json_object_get_member (entity, "label");
          label = node_to_key (node);
          if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
              json_node_get_value_type (node) == G_TYPE_INT64 && !ctx->numeric_labels_reported)
            {
              ctx->numeric_labels_reported = TRUE;
              _am_import_warning (self, file, line,
                                  _("labels are numeric ids (doccano 1.x download): their names "
                                    "are in the doccano project, not in this file, so they are "
                                    "imported as “label-N”; rename them in the schema"));
            }
          id = add_span (self, doc, file, line, start, end, NULL, label, NULL, NULL, unit, &n_utf16);
          key = node_to_key (json_object_get_member (entity, "id"));
          if (id != NULL && key != NULL)
            g_hash_table_insert (entity_ids, g_steal_pointer (&key), g_strdup (id));
        }
    }

  if (has_array (object, "relations"))
    {
      JsonArray *array = json_object_get_array_member (object, "relations");
      guint n = json_array_get_length (array);
      guint i;

      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);
          JsonObject *relation;
          g_autofree char *from = NULL;
          g_autofree char *to = NULL;
          const char *from_id;
          const char *to_id;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              _am_import_error (self, file, line, _("relation %u is not an object: not imported"), i + 1);
              continue;
            }
          relation = json_node_get_object (element);
          from = node_to_key (json_object_get_member (relation, "from_id"));
          to = node_to_key (json_object_get_member (relation, "to_id"));
          from_id = from != NULL ? g_hash_table_lookup (entity_ids, from) : NULL;
          to_id = to != NULL ? g_hash_table_lookup (entity_ids, to) : NULL;
          if (from_id == NULL || to_id == NULL)
            {
              _am_import_error (self, file, line,
                                _("relation %u names entity %s, which was not imported or does "
                                  "not exist: not imported"), i + 1,
                                from_id == NULL ? (from != NULL ? from : "?") : (to != NULL ? to : "?"));
              continue;
            }
          _am_import_add_link (self, doc, file, line, NULL, _am_json_get_string (relation, "type"),
                               from_id, to_id);
        }
    }

  report_utf16 (self, file, line, n_utf16);

  node = json_object_get_member (object, "meta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    _am_import_copy_meta (doc, json_node_get_object (node));

  name = document_name (ctx, object, line, FALSE);
  {
    g_autofree char *id = record_id (object);

    if (id != NULL)
      am_document_set_meta (doc, "id", id);
  }
  _am_import_finish (self, doc, name);
}

/* Label Studio */

static char *
ls_author (JsonObject *annotation)
{
  JsonNode *node = json_object_get_member (annotation, "completed_by");

  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    {
      const char *email = _am_json_get_string (json_node_get_object (node), "email");

      if (email != NULL)
        return g_strdup (email);
      node = json_object_get_member (json_node_get_object (node), "id");
    }
  if (node != NULL)
    {
      g_autofree char *key = node_to_key (node);

      if (key != NULL)
        return g_strdup_printf ("label-studio-user-%s", key);
    }
  node = json_object_get_member (annotation, "model_version");
  if (node != NULL)
    {
      g_autofree char *key = node_to_key (node);

      if (key != NULL)
        return g_strdup_printf ("model: %s", key);
    }
  return NULL;
}

static const char *
ls_pick_text (AmImporter *self,
              const char *file,
              guint       line,
              JsonObject *data,
              JsonArray  *results)
{
  g_autoptr(GList) members = json_object_get_members (data);
  const char *text = _am_json_get_string (data, "text");
  const char *only = NULL;
  const char *only_key = NULL;
  guint n_strings = 0;
  GList *l;

  if (text != NULL)
    return text;

  for (l = members; l != NULL; l = l->next)
    {
      const char *value = _am_json_get_string (data, l->data);

      /* A link to audio, an image or a web page is not the text. */
      if (value != NULL && strstr (value, "://") != NULL && strpbrk (value, " \n") == NULL)
        continue;
      if (value != NULL)
        {
          n_strings++;
          only = value;
          only_key = l->data;
        }
    }
  if (n_strings == 1)
    {
      _am_import_warning (self, file, line, _("the text is in the data key “%s”"), only_key);
      return only;
    }

  /* Several strings: the one the results' to_name points at. */
  if (results != NULL && json_array_get_length (results) > 0)
    {
      JsonNode *first = json_array_get_element (results, 0);

      if (JSON_NODE_HOLDS_OBJECT (first))
        {
          const char *to_name = _am_json_get_string (json_node_get_object (first), "to_name");

          if (to_name != NULL && _am_json_get_string (data, to_name) != NULL)
            return _am_json_get_string (data, to_name);
        }
    }

  if (n_strings == 0)
    _am_import_error (self, file, line,
                      _("the task’s data holds no text string, only links or structured data "
                        "(a dialogue, audio, an image…): Argumark imports plain text, skipped"));
  else
    _am_import_error (self, file, line,
                      _("the task’s data has several texts and none is named “text”: skipped"));
  return NULL;
}

static void
ls_record (AmImporter  *self,
           JsonContext *ctx,
           const char  *file,
           guint        line,
           JsonObject  *task)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GHashTable) region_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) skipped_types = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *name = NULL;
  g_autofree char *author = NULL;
  JsonNode *data_node = json_object_get_member (task, "data");
  JsonObject *annotation = NULL;
  JsonArray *results = NULL;
  JsonArray *array;
  AmOffsetUnit unit = _am_import_unit (self, AM_UNIT_UTF16);
  const char *text;
  guint n_utf16 = 0;
  gboolean unchecked = FALSE;
  guint n;
  guint i;

  if (data_node == NULL || !JSON_NODE_HOLDS_OBJECT (data_node))
    {
      _am_import_error (self, file, line, _("the task has no “data” object: skipped"));
      return;
    }

  /* One set of annotations per document: the first completed one; model
   * predictions only when no person annotated the task. */
  if (has_array (task, "annotations"))
    {
      array = json_object_get_array_member (task, "annotations");
      n = json_array_get_length (array);
      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              json_object_get_boolean_member_with_default (json_node_get_object (element),
                                                           "was_cancelled", FALSE))
            continue;
          if (annotation == NULL)
            annotation = json_node_get_object (element);
        }
      if (annotation != NULL && n > 1)
        _am_import_warning (self, file, line,
                            _("the task has %u annotations (by several people): only the first "
                              "is imported"), n);
    }
  if (annotation == NULL && has_array (task, "predictions"))
    {
      array = json_object_get_array_member (task, "predictions");
      if (json_array_get_length (array) > 0 &&
          JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
        {
          g_autofree char *version = NULL;

          annotation = json_array_get_object_element (array, 0);
          version = node_to_key (json_object_get_member (annotation, "model_version"));
          _am_import_warning (self, file, line,
                              _("the task has no annotations: the model’s predictions (%s) are "
                                "imported as annotations, for review"),
                              version != NULL ? version : _("unknown model"));
        }
    }
  else if (annotation != NULL && has_array (task, "predictions") &&
           json_array_get_length (json_object_get_array_member (task, "predictions")) > 0)
    _am_import_warning (self, file, line, _("model predictions ignored: the task has annotations"));

  if (annotation != NULL && has_array (annotation, "result"))
    results = json_object_get_array_member (annotation, "result");

  /* Offsets into HTML or into a list of paragraphs are not offsets into a
   * text: refuse the task rather than import a wrong one. */
  n = results != NULL ? json_array_get_length (results) : 0;
  for (i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (results, i);
      const char *type;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      type = _am_json_get_string (json_node_get_object (element), "type");
      if (g_strcmp0 (type, "hypertextlabels") == 0)
        {
          _am_import_error (self, file, line,
                            _("the task is labelled as HTML (“hypertextlabels”, XPath offsets): "
                              "Argumark imports offsets into plain text only, skipped"));
          return;
        }
      if (g_strcmp0 (type, "paragraphlabels") == 0)
        {
          _am_import_error (self, file, line,
                            _("the task is labelled by paragraph (“paragraphlabels”: paragraph "
                              "indices, not character offsets): Argumark imports offsets into "
                              "plain text only, skipped"));
          return;
        }
    }

  text = ls_pick_text (self, file, line, json_node_get_object (data_node), results);
  doc = new_document (self, file, line, text);
  if (doc == NULL)
    return;
  if (annotation != NULL)
    author = ls_author (annotation);

  for (i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (results, i);
      JsonObject *result;
      JsonObject *value;
      JsonArray *labels;
      const char *type;
      const char *quote;
      gint64 start;
      gint64 end;
      guint j;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      result = json_node_get_object (element);
      type = _am_json_get_string (result, "type");
      if (g_strcmp0 (type, "relation") == 0)
        continue;
      value = json_object_has_member (result, "value") &&
              JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "value")) ?
              json_object_get_object_member (result, "value") : NULL;
      if (value == NULL || !has_array (value, "labels") ||
          !json_object_has_member (value, "start"))
        {
          if (type == NULL)
            type = "?";
          if (!g_hash_table_contains (skipped_types, type))
            {
              g_hash_table_add (skipped_types, (gpointer) type);
              _am_import_warning (self, file, line,
                                  _("results of type “%s” not imported: Argumark imports labelled "
                                    "spans and relations"), type);
            }
          continue;
        }
      if (!_am_json_get_offset (value, "start", &start) ||
          !_am_json_get_offset (value, "end", &end))
        {
          _am_import_error (self, file, line,
                            _("a result’s “start” and “end” are not character offsets: not imported"));
          continue;
        }
      quote = _am_json_get_string (value, "text");
      if (quote == NULL)
        unchecked = TRUE;
      labels = json_object_get_array_member (value, "labels");
      for (j = 0; j < json_array_get_length (labels); j++)
        {
          g_autofree char *label = node_to_key (json_array_get_element (labels, j));
          g_autofree char *region = node_to_key (json_object_get_member (result, "id"));
          const char *id;

          id = add_span (self, doc, file, line, start, end, quote, label, NULL, author,
                         unit, &n_utf16);
          if (id != NULL && region != NULL && !g_hash_table_contains (region_ids, region))
            g_hash_table_insert (region_ids, g_steal_pointer (&region), g_strdup (id));
        }
    }
  if (unchecked)
    warn_unchecked_units (self, doc, file, line, unit, "Label Studio");

  for (i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (results, i);
      JsonObject *result;
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      const char *from_id;
      const char *to_id;
      const char *direction;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      result = json_node_get_object (element);
      if (g_strcmp0 (_am_json_get_string (result, "type"), "relation") != 0)
        continue;

      from = node_to_key (json_object_get_member (result, "from_id"));
      to = node_to_key (json_object_get_member (result, "to_id"));
      from_id = from != NULL ? g_hash_table_lookup (region_ids, from) : NULL;
      to_id = to != NULL ? g_hash_table_lookup (region_ids, to) : NULL;
      if (from_id == NULL || to_id == NULL)
        {
          _am_import_error (self, file, line,
                            _("a relation names region “%s”, which was not imported or does not "
                              "exist: not imported"),
                            from_id == NULL ? (from != NULL ? from : "?") : (to != NULL ? to : "?"));
          continue;
        }

      direction = _am_json_get_string (result, "direction");
      if (g_strcmp0 (direction, "left") == 0)
        {
          const char *swap = from_id;

          from_id = to_id;
          to_id = swap;
        }
      else if (g_strcmp0 (direction, "bi") == 0)
        _am_import_warning (self, file, line,
                            _("a two-way relation is imported as one link, from “%s” to “%s”"),
                            from, to);

      if (has_array (result, "labels") &&
          json_array_get_length (json_object_get_array_member (result, "labels")) > 0)
        {
          JsonArray *labels = json_object_get_array_member (result, "labels");
          guint j;

          for (j = 0; j < json_array_get_length (labels); j++)
            {
              g_autofree char *label = node_to_key (json_array_get_element (labels, j));

              _am_import_add_link (self, doc, file, line, NULL, label, from_id, to_id);
            }
        }
      else
        _am_import_add_link (self, doc, file, line, NULL, NULL, from_id, to_id);
    }

  report_utf16 (self, file, line, n_utf16);

  if (json_object_has_member (task, "meta") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (task, "meta")))
    _am_import_copy_meta (doc, json_object_get_object_member (task, "meta"));
  {
    g_autofree char *id = record_id (task);

    if (id != NULL)
      am_document_set_meta (doc, "id", id);
  }
  name = document_name (ctx, task, line, FALSE);
  _am_import_finish (self, doc, name);
}

/* Prodigy and Argumark JSONL */

typedef struct
{
  gint64      start;
  gint64      end;
  gint64      token_start;
  gint64      token_end;
  const char *id;
} SpanRef;

static const char *
prodigy_end (GArray     *refs,
             JsonObject *relation,
             const char *end_name,
             const char *span_name)
{
  JsonNode *node = json_object_get_member (relation, end_name);
  JsonNode *span = json_object_get_member (relation, span_name);
  gint64 token;
  guint i;

  if (span != NULL && JSON_NODE_HOLDS_OBJECT (span))
    {
      gint64 start;
      gint64 end;

      if (_am_json_get_offset (json_node_get_object (span), "start", &start) &&
          _am_json_get_offset (json_node_get_object (span), "end", &end))
        {
          for (i = 0; i < refs->len; i++)
            {
              SpanRef *ref = &g_array_index (refs, SpanRef, i);

              if (ref->start == start && ref->end == end)
                return ref->id;
            }
        }
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return NULL;
  token = json_node_get_int (node);
  for (i = 0; i < refs->len; i++)
    {
      SpanRef *ref = &g_array_index (refs, SpanRef, i);

      if (ref->token_start >= 0 && ref->token_start <= token && token <= ref->token_end)
        return ref->id;
    }
  return NULL;
}

static void
spans_record (AmImporter     *self,
              JsonContext    *ctx,
              AmImportFormat  format,
              const char     *file,
              guint           line,
              JsonObject     *object)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(GHashTable) span_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (SpanRef));
  g_autofree char *name = NULL;
  AmOffsetUnit unit = _am_import_unit (self, AM_UNIT_CODE_POINTS);
  const char *answer = _am_json_get_string (object, "answer");
  gboolean unchecked = FALSE;
  guint n_utf16 = 0;
  JsonNode *node;

  if (answer != NULL && !g_str_equal (answer, "accept"))
    {
      _am_import_warning (self, file, line,
                          _("answer “%s”: the record is skipped, as Prodigy leaves it out of "
                            "training data"), answer);
      return;
    }

  doc = new_document (self, file, line, _am_json_get_string (object, "text"));
  if (doc == NULL)
    return;

  if (has_array (object, "spans"))
    {
      JsonArray *spans = json_object_get_array_member (object, "spans");
      guint n = json_array_get_length (spans);
      guint i;

      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (spans, i);
          JsonObject *span;
          g_autofree char *key = NULL;
          g_autofree char *label = NULL;
          const char *quote;
          const char *id;
          SpanRef ref = { 0, 0, -1, -1, NULL };

          if (!JSON_NODE_HOLDS_OBJECT (element) ||
              !_am_json_get_offset (span = json_node_get_object (element), "start", &ref.start) ||
              !_am_json_get_offset (span, "end", &ref.end))
            {
              _am_import_error (self, file, line,
                                _("span %u has no whole-number “start” and “end”: not imported"),
                                i + 1);
              continue;
            }
          if (!_am_json_get_offset (span, "token_start", &ref.token_start) ||
              !_am_json_get_offset (span, "token_end", &ref.token_end))
            ref.token_start = ref.token_end = -1;

          label = node_to_key (json_object_get_member (span, "label"));
          quote = _am_json_get_string (span, "text");
          if (quote == NULL)
            unchecked = TRUE;
          key = node_to_key (json_object_get_member (span, "id"));
          id = add_span (self, doc, file, line, ref.start, ref.end, quote, label,
                         format == AM_IMPORT_FORMAT_JSONL &&
                         key != NULL && *key != '\0' ? key : NULL,
                         _am_json_get_string (span, "author"), unit, &n_utf16);
          if (id == NULL)
            continue;

          if (key != NULL)
            g_hash_table_insert (span_ids, g_steal_pointer (&key), g_strdup (id));
          ref.id = am_annotation_get_id (am_document_lookup_annotation (doc, id));
          g_array_append_val (refs, ref);
        }
    }
  if (unchecked)
    warn_unchecked_units (self, doc, file, line, unit,
                          format == AM_IMPORT_FORMAT_JSONL ? "the file" : "Prodigy");

  if (has_array (object, "relations"))
    {
      JsonArray *relations = json_object_get_array_member (object, "relations");
      guint n = json_array_get_length (relations);
      guint i;

      for (i = 0; i < n; i++)
        {
          JsonNode *element = json_array_get_element (relations, i);
          JsonObject *relation;
          JsonNode *head;
          const char *from_id = NULL;
          const char *to_id = NULL;
          g_autofree char *label = NULL;

          if (!JSON_NODE_HOLDS_OBJECT (element))
            {
              _am_import_error (self, file, line, _("relation %u is not an object: not imported"), i + 1);
              continue;
            }
          relation = json_node_get_object (element);
          label = node_to_key (json_object_get_member (relation, "label"));
          head = json_object_get_member (relation, "head");

          if (head != NULL && JSON_NODE_HOLDS_VALUE (head) &&
              json_node_get_value_type (head) == G_TYPE_STRING)
            {
              /* Argumark JSONL: head and child are span ids. */
              const char *child = _am_json_get_string (relation, "child");

              from_id = g_hash_table_lookup (span_ids, json_node_get_string (head));
              to_id = child != NULL ? g_hash_table_lookup (span_ids, child) : NULL;
              if (from_id == NULL || to_id == NULL)
                {
                  _am_import_error (self, file, line,
                                    _("relation %u names span “%s”, which was not imported or "
                                      "does not exist: not imported"), i + 1,
                                    from_id == NULL ? json_node_get_string (head) :
                                    child != NULL ? child : "?");
                  continue;
                }
            }
          else
            {
              /* Prodigy: head and child are token indices of the spans. */
              from_id = prodigy_end (refs, relation, "head", "head_span");
              to_id = prodigy_end (refs, relation, "child", "child_span");
              if (from_id == NULL || to_id == NULL)
                {
                  _am_import_error (self, file, line,
                                    _("relation %u (“%s”): its %s token is not inside any imported "
                                      "span: not imported"), i + 1, label != NULL ? label : "?",
                                    from_id == NULL ? "head" : "child");
                  continue;
                }
            }
          _am_import_add_link (self, doc, file, line, NULL, label, from_id, to_id);
        }
    }

  report_utf16 (self, file, line, n_utf16);

  node = json_object_get_member (object, "meta");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    _am_import_copy_meta (doc, json_node_get_object (node));
  {
    g_autofree char *id = record_id (object);

    if (id != NULL)
      am_document_set_meta (doc, "id", id);
  }
  name = document_name (ctx, object, line, format == AM_IMPORT_FORMAT_JSONL);
  _am_import_finish (self, doc, name);
}

static void
on_record (AmImporter *self,
           const char *file,
           guint       line,
           JsonNode   *node,
           gpointer    user_data)
{
  JsonContext *ctx = user_data;
  AmImportFormat format = ctx->format;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      _am_import_error (self, file, line, _("the record is not a JSON object: skipped"));
      return;
    }
  object = json_node_get_object (node);

  if (format == AM_IMPORT_FORMAT_AUTO)
    {
      format = _am_import_json_detect (node);
      if (format == AM_IMPORT_FORMAT_AUTO)
        {
          _am_import_error (self, file, line,
                            _("the record has none of the keys of a known format: skipped"));
          return;
        }
      ctx->format = format;
    }

  switch (format)
    {
    case AM_IMPORT_FORMAT_DOCCANO:
      doccano_record (self, ctx, file, line, object);
      break;
    case AM_IMPORT_FORMAT_LABEL_STUDIO:
      ls_record (self, ctx, file, line, object);
      break;
    case AM_IMPORT_FORMAT_PRODIGY:
    case AM_IMPORT_FORMAT_JSONL:
    default:
      spans_record (self, ctx, format, file, line, object);
      break;
    }
}

gboolean
_am_import_json (AmImporter      *self,
                 AmImportFormat   format,
                 const char      *file,
                 const char      *data,
                 gsize            length,
                 GError         **error)
{
  g_autofree char *basename = g_path_get_basename (file);
  const char *dot = strrchr (basename, '.');
  JsonContext ctx = { format, NULL, FALSE };
  gboolean ok;

  ctx.stem = dot != NULL && dot != basename ? g_strndup (basename, dot - basename) : g_strdup (basename);
  ok = _am_import_json_records (self, file, data, length, on_record, &ctx, error);
  g_free (ctx.stem);
  return ok;
}
