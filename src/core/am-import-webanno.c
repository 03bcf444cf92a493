/* am-import-webanno.c: WebAnno TSV 3 (INCEpTION's exchange format)
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "am-importer-private.h"

typedef enum
{
  LAYER_SPAN,
  LAYER_CHAIN,
  LAYER_RELATION,
} LayerKind;

typedef struct
{
  LayerKind  kind;
  char      *name;
  char      *short_name;
  guint      first_column;   /* index into a row's fields */
  guint      n_columns;
  guint      label_column;   /* the feature that names the label */
  char      *base;           /* relations: the span layer they connect */
  gboolean   reported;
} Layer;

static void
layer_free (gpointer data)
{
  Layer *layer = data;

  g_free (layer->name);
  g_free (layer->short_name);
  g_free (layer->base);
  g_free (layer);
}

typedef struct
{
  guint  layer;
  char  *label;
  gint64 begin;       /* UTF-16 units */
  gint64 end;
  guint  line;
  char  *id;          /* the annotation's id once placed */
} Span;

static void
span_free (gpointer data)
{
  Span *span = data;

  g_free (span->label);
  g_free (span->id);
  g_free (span);
}

typedef struct
{
  char  **fields;
  guint   n_fields;
  guint   line;
  gint64  begin;
  gint64  end;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

static void
string_free (GString *s)
{
  g_string_free (s, TRUE);
}

/* For relations: the spans of each layer at each row they cover. */
static void
register_at_row (GHashTable *at_row,
                 guint       layer,
                 const char *address,
                 Span       *span)
{
  g_autofree char *key = g_strdup_printf ("%u@%s", layer, address);
  GPtrArray *list = g_hash_table_lookup (at_row, key);

  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (at_row, g_steal_pointer (&key), list);
    }
  g_ptr_array_add (list, span);
}

static char *
unescape (const char *s)
{
  GString *out = g_string_new (NULL);

  for (; *s != '\0'; s++)
    {
      if (*s == '\\' && s[1] != '\0')
        {
          s++;
          switch (*s)
            {
            case 't':
              g_string_append_c (out, '\t');
              break;
            case 'n':
              g_string_append_c (out, '\n');
              break;
            case 'r':
              g_string_append_c (out, '\r');
              break;
            default:
              g_string_append_c (out, *s);
              break;
            }
        }
      else
        g_string_append_c (out, *s);
    }
  return g_string_free (out, FALSE);
}

/* Splits on '|' that are not escaped. */
static GPtrArray *
split_stack (const char *cell)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  const char *start = cell;
  const char *p;

  for (p = cell; *p != '\0'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '|')
        {
          g_ptr_array_add (items, g_strndup (start, p - start));
          start = p + 1;
        }
    }
  g_ptr_array_add (items, g_strdup (start));
  return items;
}

/* Cuts a trailing unescaped "[...]" off @item; returns its contents or NULL. */
static char *
cut_suffix (char *item)
{
  gsize len = strlen (item);
  char *open;

  if (len < 3 || item[len - 1] != ']' || item[len - 2] == '\\')
    return NULL;
  open = strrchr (item, '[');
  if (open == NULL || (open > item && open[-1] == '\\'))
    return NULL;
  item[len - 1] = '\0';
  *open = '\0';
  return g_strdup (open + 1);
}

static gboolean
parse_range (const char *s,
             gint64     *begin,
             gint64     *end)
{
  char *p;

  *begin = g_ascii_strtoll (s, &p, 10);
  if (p == s || *p != '-')
    return FALSE;
  s = p + 1;
  *end = g_ascii_strtoll (s, &p, 10);
  return p != s && *p == '\0';
}

static guint
utf16_length (const char *s)
{
  guint n = 0;

  for (; *s != '\0'; s = g_utf8_next_char (s))
    n += g_utf8_get_char (s) >= 0x10000 ? 2 : 1;
  return n;
}

static char *
short_name_of (const char *name)
{
  const char *dot = strrchr (name, '.');

  return g_strdup (dot != NULL ? dot + 1 : name);
}

static gboolean
read_header (AmImporter  *self,
             const char  *file,
             char       **lines,
             guint       *i,
             GPtrArray   *layers,
             guint       *n_columns,
             GError     **error)
{
  guint column = 3;

  if (lines[0] == NULL || !g_str_has_prefix (lines[0], "#FORMAT=WebAnno TSV 3"))
    {
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("this is not WebAnno TSV 3: the first line is not "
                             "“#FORMAT=WebAnno TSV 3.x”"));
      return FALSE;
    }

  for (*i = 1; lines[*i] != NULL; (*i)++)
    {
      const char *line = lines[*i];
      g_auto(GStrv) parts = NULL;
      Layer *layer;
      guint n;
      guint k;

      if (g_str_has_prefix (line, "#T_SP="))
        {
          parts = g_strsplit (line + 6, "|", -1);
          layer = g_new0 (Layer, 1);
          layer->kind = LAYER_SPAN;
        }
      else if (g_str_has_prefix (line, "#T_CH="))
        {
          parts = g_strsplit (line + 6, "|", -1);
          layer = g_new0 (Layer, 1);
          layer->kind = LAYER_CHAIN;
        }
      else if (g_str_has_prefix (line, "#T_RL="))
        {
          parts = g_strsplit (line + 6, "|", -1);
          layer = g_new0 (Layer, 1);
          layer->kind = LAYER_RELATION;
        }
      else if (*line == '\0' || g_str_has_prefix (line, "#FORMAT"))
        continue;
      else
        break;

      n = g_strv_length (parts);
      layer->name = g_strdup (parts[0]);
      layer->short_name = short_name_of (parts[0]);
      layer->first_column = column;
      layer->label_column = column;

      if (layer->kind == LAYER_RELATION)
        {
          if (n < 2 || !g_str_has_prefix (parts[n - 1], "BT_"))
            {
              g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("line %u: relation layer “%s” has no “BT_” base type"),
                           *i + 1, parts[0]);
              layer_free (layer);
              return FALSE;
            }
          layer->base = g_strdup (parts[n - 1] + 3);
          layer->n_columns = n - 1;   /* features, then the source address */
        }
      else
        layer->n_columns = MAX (n - 1, 1);

      for (k = 1; k < n; k++)
        {
          if (g_str_equal (parts[k], "value") || g_str_equal (parts[k], "label"))
            layer->label_column = column + k - 1;
        }

      column += layer->n_columns;
      g_ptr_array_add (layers, layer);
    }

  *n_columns = column;
  return TRUE;
}

static int
find_span_layer (GPtrArray  *layers,
                 const char *name)
{
  guint i;

  for (i = 0; i < layers->len; i++)
    {
      Layer *layer = g_ptr_array_index (layers, i);

      if (layer->kind == LAYER_SPAN && g_str_equal (layer->name, name))
        return i;
    }
  return -1;
}

gboolean
_am_import_webanno (AmImporter  *self,
                    const char  *file,
                    const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr(GPtrArray) layers = g_ptr_array_new_with_free_func (layer_free);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GPtrArray) spans = g_ptr_array_new_with_free_func (span_free);
  g_autoptr(GHashTable) row_by_address = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) multi = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) at_row = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                        (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) sentence = NULL;
  g_autoptr(AmDocument) doc = NULL;
  g_autofree char *copy = NULL;
  g_autofree char *basename = g_path_get_basename (file);
  g_autofree char *stem = NULL;
  g_auto(GStrv) lines = NULL;
  AmText *am_text;
  guint text_utf16 = 0;
  guint n_columns;
  guint n_empty = 0;
  guint n_token_mismatch = 0;
  gboolean sentence_placed = TRUE;
  guint i;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  copy = g_strndup (data, length);
  lines = g_strsplit (copy, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      gsize len = strlen (lines[i]);

      if (len > 0 && lines[i][len - 1] == '\r')
        lines[i][len - 1] = '\0';
    }

  if (!read_header (self, file, lines, &i, layers, &n_columns, error))
    return FALSE;

  /* The text: each sentence at the offset of its first token, gaps filled
   * with a line break and spaces (the TSV does not say what was there). */
  for (; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      Row *row;

      if (g_str_has_prefix (line, "#Text="))
        {
          g_autofree char *part = unescape (line + 6);

          if (sentence == NULL || sentence_placed)
            {
              g_clear_pointer (&sentence, string_free);
              sentence = g_string_new (part);
              sentence_placed = FALSE;
            }
          else
            {
              g_string_append_c (sentence, '\n');
              g_string_append (sentence, part);
            }
          continue;
        }
      if (*line == '\0' || *line == '#')
        continue;

      row = g_new0 (Row, 1);
      row->fields = g_strsplit (line, "\t", -1);
      row->n_fields = g_strv_length (row->fields);
      row->line = i + 1;
      if (row->n_fields < n_columns || !parse_range (row->fields[1], &row->begin, &row->end))
        {
          _am_import_error (self, file, i + 1,
                            _("not a token row of this file (%u columns expected, “begin-end” "
                              "offsets in the second): skipped"), n_columns);
          row_free (row);
          continue;
        }

      if (!sentence_placed && sentence != NULL)
        {
          gint64 gap = row->begin - (gint64) text_utf16;

          if (gap < 0)
            {
              g_set_error (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("line %u: the sentence starts at %lld, inside the "
                             "previous one: the offsets are inconsistent"), i + 1,
                           (long long) row->begin);
              row_free (row);
              return FALSE;
            }
          if (gap > 0 && text->len > 0)
            {
              g_string_append_c (text, '\n');
              gap--;
              text_utf16++;
            }
          for (; gap > 0; gap--, text_utf16++)
            g_string_append_c (text, ' ');
          g_string_append (text, sentence->str);
          text_utf16 += utf16_length (sentence->str);
          sentence_placed = TRUE;
        }

      g_hash_table_insert (row_by_address, row->fields[0], row);
      g_ptr_array_add (rows, row);
    }
  g_clear_pointer (&sentence, string_free);

  if (text->len == 0)
    {
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("the file has no sentence (“#Text=” line with tokens)"));
      return FALSE;
    }

  doc = _am_import_new_document (self, text->str);
  am_text = am_document_get_text (doc);

  for (i = 0; i < layers->len; i++)
    {
      Layer *layer = g_ptr_array_index (layers, i);

      if (layer->kind == LAYER_CHAIN)
        _am_import_warning (self, file, 0,
                            _("chain layer “%s” (coreference chains) not imported"), layer->name);
      else if (layer->kind == LAYER_SPAN && layer->n_columns > 1)
        _am_import_warning (self, file, 0,
                            _("layer “%s”: only feature column %u names the label; its other "
                              "features are not imported"),
                            layer->name, layer->label_column - layer->first_column + 1);
    }

  /* Spans */
  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      g_autofree char *token = unescape (row->fields[2]);
      gboolean as_utf16;
      g_autofree char *reason = NULL;
      guint s;
      guint e;
      guint l;

      if (row->begin < row->end &&
          (_am_import_locate (am_text, row->begin, row->end, NULL, AM_UNIT_UTF16, &s, &e,
                              &as_utf16, &reason) != AM_LOCATE_OK ||
           !am_text_equal_at (am_text, s, e, token)))
        n_token_mismatch++;

      for (l = 0; l < layers->len; l++)
        {
          Layer *layer = g_ptr_array_index (layers, l);
          g_autoptr(GPtrArray) items = NULL;
          g_autoptr(GPtrArray) labels = NULL;
          guint reference = layer->label_column;
          guint c;
          guint k;

          if (layer->kind != LAYER_SPAN)
            continue;

          /* The label feature may be empty while another feature shows the
           * annotation: take the stack from the first column that has one. */
          if (g_str_equal (row->fields[reference], "_"))
            {
              for (c = layer->first_column; c < layer->first_column + layer->n_columns; c++)
                {
                  if (!g_str_equal (row->fields[c], "_"))
                    {
                      reference = c;
                      break;
                    }
                }
              if (g_str_equal (row->fields[reference], "_"))
                continue;
            }

          items = split_stack (row->fields[reference]);
          if (reference == layer->label_column)
            labels = g_ptr_array_ref (items);

          for (k = 0; k < items->len; k++)
            {
              char *item = g_ptr_array_index (items, k);
              g_autofree char *n = cut_suffix (item);
              g_autofree char *label = NULL;
              g_autofree char *key = NULL;
              Span *span;

              if (labels != NULL && !g_str_equal (item, "*") && !g_str_equal (item, "_") &&
                  *item != '\0')
                label = unescape (item);
              else
                label = g_strdup (layer->short_name);

              if (n != NULL)
                {
                  key = g_strdup_printf ("%u#%s", l, n);
                  span = g_hash_table_lookup (multi, key);
                  if (span != NULL)
                    {
                      span->begin = MIN (span->begin, row->begin);
                      span->end = MAX (span->end, row->end);
                      register_at_row (at_row, l, row->fields[0], span);
                      continue;
                    }
                }

              span = g_new0 (Span, 1);
              span->layer = l;
              span->label = g_steal_pointer (&label);
              span->begin = row->begin;
              span->end = row->end;
              span->line = row->line;
              g_ptr_array_add (spans, span);
              if (key != NULL)
                g_hash_table_insert (multi, g_steal_pointer (&key), span);
              register_at_row (at_row, l, row->fields[0], span);
            }
        }
    }

  for (i = 0; i < spans->len; i++)
    {
      Span *span = g_ptr_array_index (spans, i);
      Layer *layer = g_ptr_array_index (layers, span->layer);
      g_autoptr(AmAnnotation) annotation = NULL;
      g_autofree char *reason = NULL;
      const char *label;
      gboolean as_utf16;
      guint s;
      guint e;

      switch (_am_import_locate (am_text, span->begin, span->end, NULL, AM_UNIT_UTF16,
                                 &s, &e, &as_utf16, &reason))
        {
        case AM_LOCATE_OK:
          break;
        case AM_LOCATE_EMPTY:
          n_empty++;
          continue;
        case AM_LOCATE_BAD:
        default:
          _am_import_error (self, file, span->line, _("%s “%s”: %s: not imported"),
                            layer->short_name, span->label, reason);
          continue;
        }

      label = _am_import_label (self, file, span->line, span->label);
      if (label == NULL)
        continue;
      annotation = g_object_new (AM_TYPE_ANNOTATION,
                                 "label", label,
                                 "start", s,
                                 "end", e,
                                 NULL);
      if (_am_import_add_annotation (self, doc, file, span->line, annotation))
        span->id = g_strdup (am_annotation_get_id (annotation));
      else
        {
          /* The same span and label twice (stacked): links to it go to the
           * one already there. */
          guint k;

          for (k = 0; k < i; k++)
            {
              Span *other = g_ptr_array_index (spans, k);

              if (other->id != NULL && other->begin == span->begin && other->end == span->end &&
                  g_str_equal (other->label, span->label))
                span->id = g_strdup (other->id);
            }
        }
    }

  if (n_empty > 0)
    _am_import_warning (self, file, 0,
                        ngettext ("%u zero-length span skipped: Argumark does not allow empty spans",
                                  "%u zero-length spans skipped: Argumark does not allow empty spans",
                                  n_empty), n_empty);
  if (n_token_mismatch > 0)
    _am_import_error (self, file, 0,
                      ngettext ("%u token does not match the “#Text=” lines at its offsets: the "
                                "file may have been edited by hand",
                                "%u tokens do not match the “#Text=” lines at their offsets: the "
                                "file may have been edited by hand", n_token_mismatch),
                      n_token_mismatch);

  /* Relations: on the row of the target, the source's address. */
  for (i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      guint l;

      for (l = 0; l < layers->len; l++)
        {
          Layer *layer = g_ptr_array_index (layers, l);
          g_autoptr(GPtrArray) features = NULL;
          g_autoptr(GPtrArray) sources = NULL;
          const char *source_cell;
          int base;
          guint k;

          if (layer->kind != LAYER_RELATION)
            continue;
          source_cell = row->fields[layer->first_column + layer->n_columns - 1];
          if (g_str_equal (source_cell, "_"))
            continue;

          base = find_span_layer (layers, layer->base);
          if (base < 0)
            {
              if (!layer->reported)
                {
                  layer->reported = TRUE;
                  _am_import_warning (self, file, row->line,
                                      _("relation layer “%s” connects %s, not span annotations: "
                                        "not imported"), layer->name, layer->base);
                }
              continue;
            }

          sources = split_stack (source_cell);
          features = layer->n_columns > 1 ? split_stack (row->fields[layer->label_column]) : NULL;

          for (k = 0; k < sources->len; k++)
            {
              char *source = g_ptr_array_index (sources, k);
              g_autofree char *ids = cut_suffix (source);
              g_autofree char *label = NULL;
              g_autofree char *from_key = NULL;
              g_autofree char *to_key = NULL;
              const char *feature = features != NULL && k < features->len ?
                                    g_ptr_array_index (features, k) : "*";
              Span *from = NULL;
              Span *to = NULL;
              GPtrArray *list;

              label = g_str_equal (feature, "*") || g_str_equal (feature, "_") ?
                      g_strdup (layer->short_name) : unescape (feature);

              if (ids != NULL)
                {
                  g_auto(GStrv) pair = g_strsplit (ids, "_", 2);

                  if (g_strv_length (pair) == 2)
                    {
                      from_key = g_strdup_printf ("%d#%s", base, pair[0]);
                      to_key = g_strdup_printf ("%d#%s", base, pair[1]);
                      if (!g_str_equal (pair[0], "0"))
                        from = g_hash_table_lookup (multi, from_key);
                      if (!g_str_equal (pair[1], "0"))
                        to = g_hash_table_lookup (multi, to_key);
                    }
                }
              g_free (from_key);
              from_key = g_strdup_printf ("%d@%s", base, source);
              g_free (to_key);
              to_key = g_strdup_printf ("%d@%s", base, row->fields[0]);
              if (from == NULL && (list = g_hash_table_lookup (at_row, from_key)) != NULL)
                from = g_ptr_array_index (list, 0);
              if (to == NULL && (list = g_hash_table_lookup (at_row, to_key)) != NULL)
                to = g_ptr_array_index (list, 0);

              if (from == NULL || to == NULL || from->id == NULL || to->id == NULL)
                {
                  _am_import_error (self, file, row->line,
                                    _("relation “%s” from %s to %s: no imported %s span there: "
                                      "not imported"), label, source, row->fields[0],
                                    ((Layer *) g_ptr_array_index (layers, base))->short_name);
                  continue;
                }
              if (g_str_equal (from->id, to->id))
                {
                  _am_import_warning (self, file, row->line,
                                      _("relation “%s” from a span to itself (a dependency root?) "
                                        "not imported: Argumark links two different spans"), label);
                  continue;
                }
              _am_import_add_link (self, doc, file, row->line, NULL, label, from->id, to->id);
            }
        }
    }

  stem = g_strdup (basename);
  if (strrchr (stem, '.') != NULL && strrchr (stem, '.') != stem)
    *strrchr (stem, '.') = '\0';
  am_document_set_meta (doc, "id", stem);
  _am_import_finish (self, doc, stem);
  return TRUE;
}
