/* am-document-io.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-document-io"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "am-annotation-private.h"
#include "am-document-io.h"
#include "am-document-private.h"
#include "am-json-private.h"
#include "am-load-report-private.h"
#include "am-text-private.h"

/* A document is a handful of levels deep; anything deeper is not ours, and
 * a recursive reader must stop long before the stack does.
 */
#define MAX_DEPTH 32
/* Limits that keep a hostile or mistaken file from eating the machine: the
 * longest novels are a few megabytes.
 */
#define MAX_FILE_BYTES   ((gsize) 256 * 1024 * 1024)
#define MAX_TEXT_BYTES   ((gsize) 32 * 1024 * 1024)
#define MAX_STRING_BYTES ((gsize) 1024 * 1024)
#define MAX_TITLE_CHARS  200

#define FORMAT_NAME "argumark"

/* Where a value sits in the document, turned into a JSON path only when an
 * error needs it, so that a good file costs no string formatting.
 */
typedef struct
{
  const char *array;
  int         index;
} Where;

static char *
where_path (const Where *where,
            const char  *member)
{
  GString *s = g_string_new (where->array);

  if (where->index >= 0)
    g_string_append_printf (s, "[%d]", where->index);
  if (member != NULL)
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, member);
    }

  return g_string_free (s, FALSE);
}

static void set_error (GError     **error,
                       int          code,
                       const Where *where,
                       const char  *member,
                       const char  *format,
                       ...) G_GNUC_PRINTF (5, 6);

static void
set_error (GError     **error,
           int          code,
           const Where *where,
           const char  *member,
           const char  *format,
           ...)
{
  g_autofree char *message = NULL;
  g_autofree char *path = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (where != NULL)
    path = where_path (where, member);

  if (path != NULL && *path != '\0')
    g_set_error (error, AM_DOCUMENT_ERROR, code, "%s: %s", path, message);
  else
    g_set_error_literal (error, AM_DOCUMENT_ERROR, code, message);
}

static void
prefix_error (GError      **error,
              const Where  *where,
              const char   *member)
{
  g_autofree char *path = where_path (where, member);

  g_prefix_error (error, "%s: ", path);
}

static const char *
describe_node (const AmJsonValue *node)
{
  switch (node->type)
    {
    case AM_JSON_OBJECT:
      return _("an object {…}");
    case AM_JSON_ARRAY:
      return _("a list […]");
    case AM_JSON_NULL:
      return _("null");
    case AM_JSON_STRING:
      return _("a string");
    case AM_JSON_BOOLEAN:
      return _("true or false");
    case AM_JSON_INTEGER:
      return _("a whole number");
    case AM_JSON_NUMBER:
    default:
      return _("a number with a fraction");
    }
}

/* ---------------------------------------------------------------------- */
/* Checks on the raw bytes                                                 */
/* ---------------------------------------------------------------------- */

static void
position_of (const char *data,
             gsize       offset,
             guint      *line,
             guint      *column)
{
  const char *p;

  *line = 1;
  *column = 1;
  for (p = data; p < data + offset; p++)
    {
      if (*p == '\n')
        {
          (*line)++;
          *column = 1;
        }
      else if (((guchar) *p & 0xC0) != 0x80)
        (*column)++;
    }
}

/* g_utf8_validate_len () takes its time over ASCII, which is most of a
 * document: ASCII is skipped eight bytes at a time, and each run of other
 * bytes is validated alone. That gives the same answer and the same @end,
 * as no UTF-8 sequence holds an ASCII byte.
 */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **end)
{
  const char *p = data;
  const char *limit = data + length;

  while (p < limit)
    {
      const char *run;
      guint64 word;

      if (limit - p >= 8)
        {
          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              p += 8;
              continue;
            }
        }
      if ((guchar) *p < 0x80)
        {
          p++;
          continue;
        }

      run = p;
      while (p < limit && (guchar) *p >= 0x80)
        p++;
      if (!g_utf8_validate_len (run, p - run, end))
        return FALSE;
    }

  *end = limit;
  return TRUE;
}

static gboolean
check_utf8 (const char  *data,
            gsize        length,
            const char  *what,
            GError     **error)
{
  const char *end;
  const char *nul;
  guint line;
  guint column;

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      position_of (data, nul - data, &line, &column);
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_BINARY,
                   _("The %s holds a NUL byte at byte offset %zu"
                     " (line %u): it looks like a binary file, not text"),
                   what, (gsize) (nul - data), line);
      return FALSE;
    }

  if (!validate_utf8 (data, length, &end))
    {
      position_of (data, end - data, &line, &column);
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_ENCODING,
                   _("The %s is not valid UTF-8: byte 0x%02X at byte offset %zu"
                     " (line %u, column %u) is not part of a UTF-8 character; "
                     "save it as UTF-8 and try again"),
                   what, (guchar) *end, (gsize) (end - data), line, column);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const char *key;
  gsize       key_len;
  guint       index;
  guint       is_array : 1;
} Frame;

static char *
frames_path (const Frame *frames,
             guint        depth)
{
  GString *s = g_string_new (NULL);
  guint i;

  for (i = 0; i < depth; i++)
    {
      if (frames[i].is_array)
        g_string_append_printf (s, "[%u]", frames[i].index);
      else if (frames[i].key != NULL)
        {
          if (s->len > 0)
            g_string_append_c (s, '.');
          g_string_append_len (s, frames[i].key, frames[i].key_len);
        }
    }

  if (s->len == 0)
    g_string_append (s, _("(top level)"));

  return g_string_free (s, FALSE);
}

static int
hex4 (const char *p,
      const char *end)
{
  int value = 0;
  int i;

  if (end - p < 4)
    return -1;

  for (i = 0; i < 4; i++)
    {
      int d = g_ascii_xdigit_value (p[i]);

      if (d < 0)
        return -1;
      value = value * 16 + d;
    }

  return value;
}

/* Walks JSON that the reader refused, without building anything, to name
 * the JSON path of what it refused where there is one: nesting deeper than
 * MAX_DEPTH, strings longer than MAX_TEXT_BYTES and escapes that make text no
 * C string or UTF-8 can hold (\u0000, lone surrogates). Syntax errors keep
 * the reader's line and column.
 */
static gboolean
prescan (const char  *data,
         gsize        length,
         GError     **error)
{
  Frame frames[MAX_DEPTH];
  guint depth = 0;
  gboolean expect_key = FALSE;
  const char *p = data;
  const char *end = data + length;

  while (p < end)
    {
      char c = *p;

      if (c == '"')
        {
          const char *start = ++p;
          const char *problem = NULL;

          while (p < end && *p != '"')
            {
              if (*p == '\\' && p + 1 < end)
                {
                  if (p[1] == 'u' && problem == NULL)
                    {
                      int u = hex4 (p + 2, end);

                      if (u == 0)
                        problem = _("contains a NUL character (\\u0000), which text may not hold");
                      else if (u >= 0xD800 && u <= 0xDBFF)
                        {
                          int low = (end - p >= 12 && p[6] == '\\' && p[7] == 'u') ? hex4 (p + 8, end) : -1;

                          if (low < 0xDC00 || low > 0xDFFF)
                            problem = _("contains a lone surrogate escape (\\uD800–\\uDBFF without its pair), "
                                        "which is not a character");
                          else
                            p += 6;
                        }
                      else if (u >= 0xDC00 && u <= 0xDFFF)
                        problem = _("contains a lone surrogate escape (\\uDC00–\\uDFFF without its pair), "
                                    "which is not a character");
                    }
                  p += 2;
                }
              else
                p++;
            }

          if (problem != NULL || (gsize) (p - start) > MAX_TEXT_BYTES)
            {
              g_autofree char *path = NULL;

              if (expect_key && depth > 0)
                {
                  frames[depth - 1].key = start;
                  frames[depth - 1].key_len = MIN ((gsize) (p - start), 64);
                }
              path = frames_path (frames, depth);
              if (problem != NULL)
                g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                             "%s: %s", path, problem);
              else
                g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                             _("%s: a string of %zu MB is longer than the %zu MB this build reads"),
                             path, (gsize) (p - start) / (1024 * 1024),
                             MAX_TEXT_BYTES / (1024 * 1024));
              return FALSE;
            }

          if (expect_key && depth > 0)
            {
              frames[depth - 1].key = start;
              frames[depth - 1].key_len = p - start;
              expect_key = FALSE;
            }

          p++;
          continue;
        }

      switch (c)
        {
        case '{':
        case '[':
          if (depth == MAX_DEPTH)
            {
              g_autofree char *path = frames_path (frames, depth);

              g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                           _("%s: the values are nested more than %d levels deep; "
                             "an Argumark document never is"),
                           path, MAX_DEPTH);
              return FALSE;
            }
          frames[depth].is_array = c == '[';
          frames[depth].index = 0;
          frames[depth].key = NULL;
          frames[depth].key_len = 0;
          depth++;
          expect_key = c == '{';
          break;

        case '}':
        case ']':
          if (depth > 0)
            depth--;
          expect_key = FALSE;
          break;

        case ',':
          if (depth > 0)
            {
              if (frames[depth - 1].is_array)
                frames[depth - 1].index++;
              else
                expect_key = TRUE;
            }
          break;

        default:
          break;
        }

      p++;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* Reading members                                                         */
/* ---------------------------------------------------------------------- */

/* Also refuses a member given twice: readers disagree on which one wins. */
static gboolean
check_unique (const AmJsonValue *object,
              const Where       *where,
              GError           **error)
{
  g_autoptr(GHashTable) seen = NULL;
  guint i;
  guint j;

  if (object->n > 16)
    seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (i = 1; i < object->n; i++)
    {
      const char *name = object->v.members[i].key;
      gboolean twice = FALSE;

      if (seen != NULL)
        {
          if (i == 1)
            g_hash_table_add (seen, (gpointer) object->v.members[0].key);
          twice = !g_hash_table_add (seen, (gpointer) name);
        }
      else
        for (j = 0; j < i && !twice; j++)
          twice = object->v.members[j].key[0] == name[0] && strcmp (object->v.members[j].key, name) == 0;

      if (twice)
        {
          set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, where, NULL,
                     _("the member “%s” appears twice; keep one"), name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
is_allowed (const char * const *allowed,
            const char         *name)
{
  for (; *allowed != NULL; allowed++)
    {
      if ((*allowed)[0] == name[0] && strcmp (*allowed, name) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
check_members (const AmJsonValue  *object,
               const Where        *where,
               const char * const *allowed,
               GError            **error)
{
  guint i;

  if (!check_unique (object, where, error))
    return FALSE;

  for (i = 0; i < object->n; i++)
    {
      const char *name = object->v.members[i].key;

      if (!is_allowed (allowed, name))
        {
          g_autofree char *list = g_strjoinv (", ", (char **) allowed);

          set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, where, NULL,
                     _("unknown member “%s” (a misspelling?); the members are: %s"),
                     name, list);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
get_string (const AmJsonValue *object,
            const Where  *where,
            const char   *member,
            gboolean      required,
            gsize         max_bytes,
            const char  **out,
            GError      **error)
{
  const AmJsonValue *node = am_json_object_get (object, member);

  *out = NULL;

  if (node == NULL || node->type == AM_JSON_NULL)
    {
      if (!required)
        return TRUE;
      set_error (error, AM_DOCUMENT_ERROR_MISSING_FIELD, where, member,
                 node == NULL ? _("is missing; it is required") : _("is null; it must be a string"));
      return FALSE;
    }

  if (node->type != AM_JSON_STRING)
    {
      set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, where, member,
                 _("should be a string in quotes, not %s"), describe_node (node));
      return FALSE;
    }

  if (node->n > max_bytes)
    {
      if (max_bytes >= 64 * 1024)
        set_error (error, AM_DOCUMENT_ERROR_TOO_LARGE, where, member,
                   _("is %u KB long; at most %zu KB are allowed"),
                   node->n / 1024, max_bytes / 1024);
      else
        set_error (error, AM_DOCUMENT_ERROR_TOO_LARGE, where, member,
                   _("is %u bytes long; at most %zu are allowed"),
                   node->n, max_bytes);
      return FALSE;
    }

  *out = node->v.string;
  return TRUE;
}

static gboolean
get_id (const AmJsonValue *object,
        const Where  *where,
        const char   *member,
        const char  **out,
        GError      **error)
{
  if (!get_string (object, where, member, TRUE, 256, out, error))
    return FALSE;

  if (**out == '\0')
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, where, member, _("may not be empty"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_offset (const AmJsonValue *object,
            const Where *where,
            const char  *member,
            guint       *out,
            GError     **error)
{
  const AmJsonValue *node = am_json_object_get (object, member);
  gint64 value;

  if (node == NULL)
    {
      set_error (error, AM_DOCUMENT_ERROR_MISSING_FIELD, where, member,
                 _("is missing; it is required"));
      return FALSE;
    }

  if (node->type != AM_JSON_INTEGER)
    {
      set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, where, member,
                 _("should be a whole number (a character offset), not %s"), describe_node (node));
      return FALSE;
    }

  value = node->v.integer;
  if (value < 0 || value > G_MAXINT32)
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_SPAN, where, member,
                 _("%lld is not a character offset: offsets count from 0"), (long long) value);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

static gboolean
get_container (const AmJsonValue  *object,
               const Where        *where,
               const char         *member,
               AmJsonType          type,
               const AmJsonValue **out,
               GError            **error)
{
  const AmJsonValue *node = am_json_object_get (object, member);

  *out = NULL;
  if (node == NULL || node->type == AM_JSON_NULL)
    return TRUE;

  if (node->type != type)
    {
      set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, where, member,
                 type == AM_JSON_ARRAY ? _("should be a list […], not %s")
                                         : _("should be an object {…}, not %s"),
                 describe_node (node));
      return FALSE;
    }

  *out = node;
  return TRUE;
}

/* A list of strings: "from"/"to" of relations, "sources" of annotations. */
static GStrv
get_string_list (const AmJsonValue *object,
                 const Where       *where,
                 const char        *member,
                 GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const AmJsonValue *node;
  guint i;

  if (!get_container (object, where, member, AM_JSON_ARRAY, &node, error))
    return NULL;

  if (node == NULL)
    return g_strv_builder_end (builder);

  for (i = 0; i < node->n; i++)
    {
      const AmJsonValue *item = &node->v.items[i];

      if (item->type != AM_JSON_STRING)
        {
          g_autofree char *name = g_strdup_printf ("%s[%u]", member, i);

          set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, where, name,
                     _("should be a string in quotes, not %s"), describe_node (item));
          return NULL;
        }
      if (item->n > MAX_STRING_BYTES)
        {
          g_autofree char *name = g_strdup_printf ("%s[%u]", member, i);

          set_error (error, AM_DOCUMENT_ERROR_TOO_LARGE, where, name,
                     _("is longer than the %zu KB allowed"),
                     MAX_STRING_BYTES / 1024);
          return NULL;
        }
      g_strv_builder_add (builder, item->v.string);
    }

  return g_strv_builder_end (builder);
}

static guint
digits_at (const char *s,
           guint       n)
{
  guint value = 0;
  guint i;

  for (i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');
  return value;
}

/* The form Argumark writes, "2026-11-25T14:03:00Z", checked without a
 * GDateTime (two per annotation made loading slow); anything else goes to
 * g_date_time_new_from_iso8601 ().
 */
static gboolean
is_plain_timestamp (const char *value)
{
  static const char pattern[] = "dddd-dd-ddTdd:dd:ddZ";
  guint i;

  for (i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (value[i]) : value[i] != pattern[i])
        return FALSE;
    }
  if (value[i] != '\0')
    return FALSE;

  return g_date_valid_dmy (digits_at (value + 8, 2), digits_at (value + 5, 2),
                           digits_at (value, 4)) &&
         digits_at (value + 11, 2) < 24 &&
         digits_at (value + 14, 2) < 60 &&
         digits_at (value + 17, 2) < 60;
}

static gboolean
check_timestamp (const char  *value,
                 const Where *where,
                 const char  *member,
                 GError     **error)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autoptr(GDateTime) parsed = NULL;

  if (value == NULL)
    return TRUE;

  if (is_plain_timestamp (value))
    return TRUE;

  utc = g_time_zone_new_utc ();
  parsed = g_date_time_new_from_iso8601 (value, utc);
  if (parsed == NULL)
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, where, member,
                 _("“%s” is not a date and time in ISO 8601 form, such as 2026-11-25T14:03:00Z"),
                 value);
      return FALSE;
    }

  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The schema                                                              */
/* ---------------------------------------------------------------------- */

static const char * const label_members[] = { "id", "name", "color", "dark_color", "key", NULL };
static const char * const relation_members[] = { "id", "name", "from", "to", NULL };
static const char * const schema_members[] = { "labels", "relations", NULL };

static AmLabelSchema *
read_schema (const AmJsonValue  *object,
             GError            **error)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new ();
  Where where = { "schema", -1 };
  const AmJsonValue *labels;
  const AmJsonValue *relations;
  guint n;
  guint i;

  if (!check_members (object, &where, schema_members, error) ||
      !get_container (object, &where, "labels", AM_JSON_ARRAY, &labels, error) ||
      !get_container (object, &where, "relations", AM_JSON_ARRAY, &relations, error))
    return NULL;

  if (labels == NULL || labels->n == 0)
    {
      set_error (error, AM_DOCUMENT_ERROR_MISSING_FIELD, &where, "labels",
                 _("the schema needs at least one label"));
      return NULL;
    }

  n = labels->n;
  for (i = 0; i < n; i++)
    {
      const AmJsonValue *o = &labels->v.items[i];
      Where at = { "schema.labels", i };
      g_autoptr(AmLabel) label = NULL;
      g_autoptr(GError) local = NULL;
      const char *id, *name, *color, *dark_color, *key;

      if (o->type != AM_JSON_OBJECT)
        {
          set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, &at, NULL,
                     _("should be an object {…} describing a label, not %s"), describe_node (o));
          return NULL;
        }
      if (!check_members (o, &at, label_members, error) ||
          !get_id (o, &at, "id", &id, error) ||
          !get_string (o, &at, "name", FALSE, 1024, &name, error) ||
          !get_string (o, &at, "color", TRUE, 64, &color, error) ||
          !get_string (o, &at, "dark_color", FALSE, 64, &dark_color, error) ||
          !get_string (o, &at, "key", FALSE, 64, &key, error))
        return NULL;

      if (!am_label_color_is_valid (color) ||
          (dark_color != NULL && !am_label_color_is_valid (dark_color)))
        {
          set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, &at,
                     am_label_color_is_valid (color) ? "dark_color" : "color",
                     _("“%s” is not a colour of the form #rrggbb"),
                     am_label_color_is_valid (color) ? dark_color : color);
          return NULL;
        }

      label = am_label_new (id, name, color, dark_color, key);
      if (!am_label_schema_add_label (schema, label, &local))
        {
          prefix_error (&local, &at, NULL);
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }

  n = relations != NULL ? relations->n : 0;
  for (i = 0; i < n; i++)
    {
      const AmJsonValue *o = &relations->v.items[i];
      Where at = { "schema.relations", i };
      g_autoptr(AmRelationType) relation = NULL;
      g_autoptr(GError) local = NULL;
      g_auto(GStrv) from = NULL;
      g_auto(GStrv) to = NULL;
      const char *id, *name;

      if (o->type != AM_JSON_OBJECT)
        {
          set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, &at, NULL,
                     _("should be an object {…} describing a relation, not %s"), describe_node (o));
          return NULL;
        }
      if (!check_members (o, &at, relation_members, error) ||
          !get_id (o, &at, "id", &id, error) ||
          !get_string (o, &at, "name", FALSE, 1024, &name, error))
        return NULL;

      if (am_json_object_get (o, "from") == NULL || am_json_object_get (o, "to") == NULL)
        {
          set_error (error, AM_DOCUMENT_ERROR_MISSING_FIELD, &at,
                     am_json_object_get (o, "from") == NULL ? "from" : "to",
                     _("is missing: list the labels the relation may link"));
          return NULL;
        }
      if (!(from = get_string_list (o, &at, "from", error)) ||
          !(to = get_string_list (o, &at, "to", error)))
        return NULL;

      relation = am_relation_type_new (id, name != NULL ? name : id,
                                       (const char * const *) from,
                                       (const char * const *) to);
      if (!am_label_schema_add_relation (schema, relation, &local))
        {
          prefix_error (&local, &at, NULL);
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }

  return g_steal_pointer (&schema);
}

/* ---------------------------------------------------------------------- */
/* Annotations and links                                                   */
/* ---------------------------------------------------------------------- */

static const char * const annotation_members[] = {
  "id", "label", "start", "end", "quote", "note", "author", "created", "modified", "sources", NULL
};
static const char * const link_members[] = { "id", "relation", "from", "to", NULL };
static const char * const top_members[] = {
  "format", "version", "meta", "text", "text_sha256", "schema", "annotator", "status",
  "annotations", "links", "orphans", NULL
};
/* Written first, in this order; other meta keys follow sorted. */
static const char * const well_known_meta[] = { "title", "source", "byline", "language", "id", NULL };

/* Looking a label up in the schema takes a reference per label tried; the
 * few labels a document uses are remembered (@known holds their ids, owned
 * by the schema) and compared as strings.
 */
static gboolean
is_known_label (GPtrArray     *known,
                AmLabelSchema *schema,
                const char    *label)
{
  AmLabel *found;
  guint i;

  for (i = 0; i < known->len; i++)
    if (strcmp (g_ptr_array_index (known, i), label) == 0)
      return TRUE;

  found = am_label_schema_lookup_label (schema, label);
  if (found == NULL)
    return FALSE;
  g_ptr_array_add (known, (gpointer) am_label_get_id (found));
  return TRUE;
}

static AmAnnotation *
read_annotation (const AmJsonValue  *o,
                 const Where        *at,
                 AmLabelSchema      *schema,
                 GPtrArray          *known_labels,
                 GError            **error)
{
  g_auto(GStrv) sources = NULL;
  const char *id, *label, *quote, *note, *author, *created, *modified;
  guint start;
  guint end;

  if (o->type != AM_JSON_OBJECT)
    {
      set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, at, NULL,
                 _("should be an object {…} describing an annotation, not %s"), describe_node (o));
      return NULL;
    }
  if (!check_members (o, at, annotation_members, error) ||
      !get_id (o, at, "id", &id, error) ||
      !get_string (o, at, "label", TRUE, 256, &label, error) ||
      !get_offset (o, at, "start", &start, error) ||
      !get_offset (o, at, "end", &end, error) ||
      !get_string (o, at, "quote", FALSE, MAX_TEXT_BYTES, &quote, error) ||
      !get_string (o, at, "note", FALSE, MAX_STRING_BYTES, &note, error) ||
      !get_string (o, at, "author", FALSE, 1024, &author, error) ||
      !get_string (o, at, "created", FALSE, 64, &created, error) ||
      !get_string (o, at, "modified", FALSE, 64, &modified, error) ||
      !check_timestamp (created, at, "created", error) ||
      !check_timestamp (modified, at, "modified", error) ||
      !(sources = get_string_list (o, at, "sources", error)))
    return NULL;

  if (!is_known_label (known_labels, schema, label))
    {
      set_error (error, AM_DOCUMENT_ERROR_UNKNOWN_LABEL, at, "label",
                 _("“%s” is not a label of this document’s schema"), label);
      return NULL;
    }

  if (end < start)
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_SPAN, at, "end",
                 _("the span ends (at %u) before it starts (at %u)"), end, start);
      return NULL;
    }
  if (end == start)
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_SPAN, at, "end",
                 _("the span %u–%u is empty; a span covers at least one character"), start, end);
      return NULL;
    }
  if (quote != NULL && *quote == '\0')
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, at, "quote",
                 _("is empty; it should be the text the span covers"));
      return NULL;
    }

  return _am_annotation_new_loaded (id, label, start, end, quote, note, author, created, modified,
                                    (const char * const *) sources);
}

/* Where every sequence of 1 to 4 bytes starting a character occurs, sorted by
 * those bytes and then by position: one table per length, built the first
 * time a quote of that length must be looked for, so that finding a quote
 * costs a binary search, not a walk through the whole article (20,000
 * annotations of a replaced article would otherwise take minutes).
 */
typedef struct
{
  guint32 key;
  guint32 pos;
} KeyPos;

typedef struct
{
  AmText *text;
  KeyPos *items[4];
  gsize   n[4];
  guint   built : 4;
} QuoteIndex;

static guint32
key_at (const char *p,
        guint       width)
{
  guint32 key = 0;
  guint i;

  for (i = 0; i < width; i++)
    key = key << 8 | (guchar) p[i];

  return key;
}

static void
quote_index_build (QuoteIndex *index,
                   guint       width)
{
  const char *utf8 = am_text_get_utf8 (index->text);
  gsize n_bytes = am_text_get_n_bytes (index->text);
  g_autofree KeyPos *tmp = NULL;
  KeyPos *items;
  gsize n = 0;
  gsize i;
  guint shift;

  index->built |= 1 << (width - 1);
  if (n_bytes < width)
    return;

  items = g_new (KeyPos, n_bytes - width + 1);
  for (i = 0; i + width <= n_bytes; i++)
    {
      if (((guchar) utf8[i] & 0xC0) == 0x80)
        continue;
      items[n].key = key_at (utf8 + i, width);
      items[n].pos = i;
      n++;
    }

  /* Least significant byte first; each pass is stable, so positions stay
   * in order among equal keys.
   */
  tmp = g_new (KeyPos, MAX (n, 1));
  for (shift = 0; shift < 8 * width; shift += 8)
    {
      gsize count[257] = { 0 };

      for (i = 0; i < n; i++)
        count[((items[i].key >> shift) & 0xff) + 1]++;
      for (i = 1; i < 257; i++)
        count[i] += count[i - 1];
      for (i = 0; i < n; i++)
        tmp[count[(items[i].key >> shift) & 0xff]++] = items[i];
      memcpy (items, tmp, n * sizeof (KeyPos));
    }

  index->items[width - 1] = items;
  index->n[width - 1] = n;
}

static void
quote_index_clear (QuoteIndex *index)
{
  guint i;

  for (i = 0; i < G_N_ELEMENTS (index->items); i++)
    g_clear_pointer (&index->items[i], g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (QuoteIndex, quote_index_clear)

/* The first item in [lo, hi) whose (key, pos) is not below (key, pos). */
static gsize
lower_bound (const KeyPos *items,
             gsize         lo,
             gsize         hi,
             guint32       key,
             guint64       pos)
{
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo) / 2;

      if (items[mid].key < key || (items[mid].key == key && items[mid].pos < pos))
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* The occurrence of @quote whose start is nearest @old_start (the earlier one
 * on a tie), as code point offsets.
 */
static gboolean
find_nearest (QuoteIndex *index,
              const char *quote,
              guint       old_start,
              guint      *new_start)
{
  AmText *text = index->text;
  const char *utf8 = am_text_get_utf8 (text);
  gsize n_bytes = am_text_get_n_bytes (text);
  gsize quote_len = strlen (quote);
  guint width = MIN (quote_len, 4);
  guint best_distance = G_MAXUINT;
  const KeyPos *items;
  guint32 key;
  gsize origin;
  gsize lo, hi, k, i;

  if (quote_len == 0 || quote_len > n_bytes)
    return FALSE;

  if (!(index->built & (1 << (width - 1))))
    quote_index_build (index, width);
  items = index->items[width - 1];

  origin = am_text_offset_to_byte (text, MIN (old_start, am_text_get_length (text)));
  key = key_at (quote, width);
  lo = lower_bound (items, 0, index->n[width - 1], key, 0);
  hi = lower_bound (items, lo, index->n[width - 1], key, G_MAXUINT64);
  k = lower_bound (items, lo, hi, key, origin);

  /* Items share the first bytes of the quote; longer quotes must match on. */
  for (i = k; i > lo; i--)
    {
      gsize pos = items[i - 1].pos;

      if (pos + quote_len <= n_bytes && memcmp (utf8 + pos, quote, quote_len) == 0)
        {
          *new_start = am_text_byte_to_offset (text, pos);
          best_distance = old_start - *new_start;
          break;
        }
    }

  for (i = k; i < hi; i++)
    {
      gsize pos = items[i].pos;

      if (pos + quote_len <= n_bytes && memcmp (utf8 + pos, quote, quote_len) == 0)
        {
          guint offset = am_text_byte_to_offset (text, pos);

          if (offset - old_start < best_distance)
            {
              *new_start = offset;
              best_distance = offset - old_start;
            }
          break;
        }
    }

  return best_distance != G_MAXUINT;
}

typedef struct
{
  AmAnnotation *annotation;
  Where         where;
  gboolean      from_orphans;
} Entry;

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->annotation);
}

static gboolean
read_annotation_list (const AmJsonValue *node,
                      const char     *name,
                      gboolean        from_orphans,
                      AmLabelSchema  *schema,
                      GPtrArray      *known_labels,
                      GHashTable     *paths,
                      GArray         *entries,
                      GError        **error)
{
  guint i;

  if (node == NULL)
    return TRUE;

  for (i = 0; i < node->n; i++)
    {
      Entry entry = { NULL, { name, i }, from_orphans };
      const Where *other;

      entry.annotation = read_annotation (&node->v.items[i], &entry.where, schema, known_labels,
                                          error);
      if (entry.annotation == NULL)
        return FALSE;

      other = g_hash_table_lookup (paths, am_annotation_get_id (entry.annotation));
      if (other != NULL)
        {
          g_autofree char *first = where_path (other, NULL);

          set_error (error, AM_DOCUMENT_ERROR_DUPLICATE_ID, &entry.where, "id",
                     _("“%s” is already the id of %s; every annotation needs its own id"),
                     am_annotation_get_id (entry.annotation), first);
          g_object_unref (entry.annotation);
          return FALSE;
        }

      g_array_append_val (entries, entry);
      g_hash_table_insert (paths, (gpointer) am_annotation_get_id (entry.annotation),
                           &g_array_index (entries, Entry, entries->len - 1).where);
    }

  return TRUE;
}

/* Places one annotation on the text, moving it to its quote when the text or
 * the quote changed; returns FALSE with @reason set if it cannot be placed.
 */
static gboolean
place (AmDocument    *doc,
       QuoteIndex    *index,
       Entry         *entry,
       gboolean       text_changed,
       AmLoadReport  *report,
       char         **reason,
       GError       **error)
{
  AmAnnotation *annotation = entry->annotation;
  AmText *text = am_document_get_text (doc);
  const char *quote = am_annotation_get_quote (annotation);
  guint start = am_annotation_get_start (annotation);
  guint end = am_annotation_get_end (annotation);
  guint length = am_text_get_length (text);
  guint new_start = 0;
  g_autoptr(GError) local = NULL;

  if (!entry->from_orphans)
    {
      gboolean in_range = end <= length;

      if (in_range && (quote == NULL || am_text_equal_at (text, start, end, quote)))
        {
          if (!_am_document_insert_annotation_bulk (doc, annotation, quote != NULL, &local))
            {
              prefix_error (&local, &entry->where, NULL);
              g_propagate_error (error, g_steal_pointer (&local));
              return FALSE;
            }
          return TRUE;
        }

      /* Offsets past the end of an unchanged text are a broken file, not an
       * edited article.
       */
      if (!in_range && !text_changed)
        {
          set_error (error, AM_DOCUMENT_ERROR_INVALID_SPAN, &entry->where, "end",
                     _("the span %u–%u reaches past the end of the text, which has %u characters"),
                     start, end, length);
          return FALSE;
        }

      if (quote == NULL)
        {
          *reason = g_strdup (_("the text changed and it has no quote to find it by"));
          return FALSE;
        }
    }

  if (quote == NULL)
    {
      *reason = g_strdup (_("it has no quote to find it by"));
      return FALSE;
    }

  if (!find_nearest (index, quote, start, &new_start))
    {
      *reason = g_strdup (_("its quote is not in the text"));
      return FALSE;
    }

  {
    guint new_end = new_start + g_utf8_strlen (quote, -1);

    _am_annotation_set_span (annotation, new_start, new_end, quote);
    if (!_am_document_insert_annotation_bulk (doc, annotation, TRUE, &local))
      {
        _am_annotation_set_span (annotation, start, end, quote);
        if (g_error_matches (local, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_SPAN))
          {
            *reason = g_strdup_printf (_("its quote is at %u–%u, which already has that label"),
                                       new_start, new_end);
            return FALSE;
          }
        prefix_error (&local, &entry->where, NULL);
        g_propagate_error (error, g_steal_pointer (&local));
        return FALSE;
      }

    if (new_start != start || new_end != end || entry->from_orphans)
      {
        g_autofree char *path = where_path (&entry->where, NULL);

        _am_load_report_add_moved (report, path, am_annotation_get_id (annotation),
                                   start, end, new_start, new_end);
      }
  }

  return TRUE;
}

static gboolean
read_links (AmDocument        *doc,
            const AmJsonValue *node,
            GHashTable    *orphan_ids,
            AmLoadReport  *report,
            GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  AmLabelSchema *schema = am_document_get_schema (doc);
  guint i;

  if (node == NULL)
    return TRUE;

  for (i = 0; i < node->n; i++)
    {
      const AmJsonValue *o = &node->v.items[i];
      Where at = { "links", i };
      g_autoptr(AmLink) link = NULL;
      g_autoptr(GError) local = NULL;
      const char *id, *relation, *from, *to;
      const char *orphan = NULL;

      if (o->type != AM_JSON_OBJECT)
        {
          set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, &at, NULL,
                     _("should be an object {…} describing a link, not %s"), describe_node (o));
          return FALSE;
        }
      if (!check_members (o, &at, link_members, error) ||
          !get_id (o, &at, "id", &id, error) ||
          !get_id (o, &at, "relation", &relation, error) ||
          !get_id (o, &at, "from", &from, error) ||
          !get_id (o, &at, "to", &to, error))
        return FALSE;

      if (g_hash_table_contains (seen, id))
        {
          set_error (error, AM_DOCUMENT_ERROR_DUPLICATE_ID, &at, "id",
                     _("“%s” is already the id of another link; every link needs its own id"), id);
          return FALSE;
        }
      g_hash_table_add (seen, (gpointer) id);

      if (am_label_schema_lookup_relation (schema, relation) == NULL)
        {
          set_error (error, AM_DOCUMENT_ERROR_UNKNOWN_RELATION, &at, "relation",
                     _("“%s” is not a relation of this document’s schema"), relation);
          return FALSE;
        }

      if (g_hash_table_contains (orphan_ids, from))
        orphan = from;
      else if (g_hash_table_contains (orphan_ids, to))
        orphan = to;
      if (orphan != NULL)
        {
          g_autofree char *path = where_path (&at, NULL);

          _am_load_report_add_dropped_link (report, path, id, orphan);
          continue;
        }

      if (am_document_lookup_annotation (doc, from) == NULL ||
          am_document_lookup_annotation (doc, to) == NULL)
        {
          gboolean bad_from = am_document_lookup_annotation (doc, from) == NULL;

          set_error (error, AM_DOCUMENT_ERROR_DANGLING_LINK, &at, bad_from ? "from" : "to",
                     _("there is no annotation “%s” for the link to point at"),
                     bad_from ? from : to);
          return FALSE;
        }

      link = am_link_new (id, relation, from, to);
      if (!am_document_insert_link (doc, link, &local))
        {
          prefix_error (&local, &at, NULL);
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_meta (AmDocument         *doc,
           const AmJsonValue  *node,
           GError            **error)
{
  Where at = { "meta", -1 };
  guint i;

  if (node == NULL)
    return TRUE;

  if (!check_unique (node, &at, error))
    return FALSE;

  for (i = 0; i < node->n; i++)
    {
      const char *name = node->v.members[i].key;
      const AmJsonValue *value = &node->v.members[i].value;

      if (*name == '\0')
        {
          set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, &at, NULL,
                     _("a key may not be empty"));
          return FALSE;
        }
      if (value->type == AM_JSON_NULL)
        {
          am_document_set_meta (doc, name, NULL);
          continue;
        }
      if (value->type != AM_JSON_STRING)
        {
          set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, &at, name,
                     _("should be a string in quotes or null, not %s"), describe_node (value));
          return FALSE;
        }
      if (value->n > MAX_STRING_BYTES)
        {
          set_error (error, AM_DOCUMENT_ERROR_TOO_LARGE, &at, name,
                     _("is longer than the %zu KB allowed"), MAX_STRING_BYTES / 1024);
          return FALSE;
        }
      am_document_set_meta (doc, name, value->v.string);
    }

  return TRUE;
}

static gboolean
read_header (const AmJsonValue  *root,
             GError            **error)
{
  Where top = { "", -1 };
  const AmJsonValue *format = am_json_object_get (root, "format");
  const AmJsonValue *version = am_json_object_get (root, "version");
  gint64 v;

  if (format == NULL || format->type != AM_JSON_STRING || strcmp (format->v.string, FORMAT_NAME) != 0)
    {
      set_error (error, AM_DOCUMENT_ERROR_NOT_ARGUMARK, &top, "format",
                 _("this JSON file is not an Argumark document (it needs \"format\": \"argumark\"); "
                   "to bring in annotations from another tool, use Import"));
      return FALSE;
    }

  if (version == NULL)
    {
      set_error (error, AM_DOCUMENT_ERROR_MISSING_FIELD, &top, "version",
                 _("is missing; this build reads version %d"), AM_FORMAT_VERSION);
      return FALSE;
    }
  if (version->type != AM_JSON_INTEGER)
    {
      set_error (error, AM_DOCUMENT_ERROR_WRONG_TYPE, &top, "version",
                 _("should be a whole number such as %d, not %s"), AM_FORMAT_VERSION,
                 describe_node (version));
      return FALSE;
    }

  v = version->v.integer;
  if (v > AM_FORMAT_VERSION)
    {
      set_error (error, AM_DOCUMENT_ERROR_UNSUPPORTED_VERSION, &top, "version",
                 _("the file is in format version %lld, written by a newer Argumark; "
                   "this build reads version %d only: update Argumark to open it"),
                 (long long) v, AM_FORMAT_VERSION);
      return FALSE;
    }
  if (v < 1)
    {
      set_error (error, AM_DOCUMENT_ERROR_UNSUPPORTED_VERSION, &top, "version",
                 _("%lld is not a format version; this build reads version %d"),
                 (long long) v, AM_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_sha256 (const char *s)
{
  guint i;

  for (i = 0; i < 64; i++)
    {
      if (!g_ascii_isdigit (s[i]) && !(s[i] >= 'a' && s[i] <= 'f'))
        return FALSE;
    }

  return s[64] == '\0';
}

static AmDocument *
build_document (const AmJsonValue *root,
                AmLoadReport  *report,
                GError       **error)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(AmLabelSchema) schema = NULL;
  g_autoptr(AmText) text = NULL;
  g_autoptr(GHashTable) paths = NULL;
  g_autoptr(GHashTable) orphan_ids = NULL;
  g_autoptr(GPtrArray) known_labels = NULL;
  g_autoptr(GArray) entries = NULL;
  g_auto(QuoteIndex) index = { NULL };
  Where top = { "", -1 };
  const AmJsonValue *meta, *schema_node, *annotations, *orphans, *links;
  const char *text_utf8, *sha, *annotator, *status;
  AmDocumentStatus status_value = AM_DOCUMENT_STATUS_NEW;
  gboolean text_changed;
  guint i;

  if (!read_header (root, error) ||
      !check_members (root, &top, top_members, error) ||
      !get_string (root, &top, "text", TRUE, MAX_TEXT_BYTES, &text_utf8, error) ||
      !get_string (root, &top, "text_sha256", FALSE, 1024, &sha, error) ||
      !get_container (root, &top, "meta", AM_JSON_OBJECT, &meta, error) ||
      !get_container (root, &top, "schema", AM_JSON_OBJECT, &schema_node, error) ||
      !get_string (root, &top, "annotator", FALSE, 1024, &annotator, error) ||
      !get_string (root, &top, "status", FALSE, 64, &status, error) ||
      !get_container (root, &top, "annotations", AM_JSON_ARRAY, &annotations, error) ||
      !get_container (root, &top, "links", AM_JSON_ARRAY, &links, error) ||
      !get_container (root, &top, "orphans", AM_JSON_ARRAY, &orphans, error))
    return NULL;

  if (*text_utf8 == '\0')
    {
      set_error (error, AM_DOCUMENT_ERROR_EMPTY, &top, "text",
                 _("is empty; a document holds the whole article"));
      return NULL;
    }
  if (sha != NULL && !is_sha256 (sha))
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, &top, "text_sha256",
                 _("should be 64 lower-case hexadecimal digits (the SHA-256 of the text)"));
      return NULL;
    }
  if (status != NULL && !am_document_status_from_string (status, &status_value))
    {
      set_error (error, AM_DOCUMENT_ERROR_INVALID_VALUE, &top, "status",
                 _("“%s” is not a status; use “new”, “in-progress” or “done”"), status);
      return NULL;
    }

  if (schema_node != NULL)
    {
      if (!(schema = read_schema (schema_node, error)))
        return NULL;
    }
  else
    schema = am_label_schema_new_default ();

  /* The whole file was checked by check_utf8 (). */
  text = _am_text_new_valid (text_utf8, strlen (text_utf8));
  text_changed = sha != NULL && strcmp (sha, am_text_get_sha256 (text)) != 0;

  /* Every id is checked before any is placed, so that a duplicate is an
   * error wherever it is, orphan or not.
   */
  /* Reserved up front: the id table points into the array. */
  entries = g_array_sized_new (FALSE, FALSE, sizeof (Entry),
                               (annotations != NULL ? annotations->n : 0) + (orphans != NULL ? orphans->n : 0));
  g_array_set_clear_func (entries, entry_clear);
  paths = g_hash_table_new (g_str_hash, g_str_equal);
  known_labels = g_ptr_array_new ();
  if (!read_annotation_list (annotations, "annotations", FALSE, schema, known_labels, paths,
                             entries, error) ||
      !read_annotation_list (orphans, "orphans", TRUE, schema, known_labels, paths, entries,
                             error))
    return NULL;

  doc = am_document_new_for_text (text, schema);
  if (!read_meta (doc, meta, error))
    return NULL;
  if (annotator != NULL)
    am_document_set_annotator (doc, annotator);
  am_document_set_status (doc, status_value);

  if (text_changed)
    _am_load_report_set_text_changed (report);

  orphan_ids = g_hash_table_new (g_str_hash, g_str_equal);
  index.text = text;
  for (i = 0; i < entries->len; i++)
    {
      Entry *entry = &g_array_index (entries, Entry, i);
      g_autofree char *reason = NULL;

      if (!place (doc, &index, entry, text_changed, report, &reason, error))
        {
          g_autofree char *path = NULL;

          if (reason == NULL)
            return NULL;

          path = where_path (&entry->where, NULL);
          _am_document_add_orphan (doc, entry->annotation);
          g_hash_table_add (orphan_ids, (gpointer) am_annotation_get_id (entry->annotation));
          _am_load_report_add_orphan (report, path, am_annotation_get_id (entry->annotation), reason);
        }
    }

  _am_document_end_bulk (doc);

  if (!read_links (doc, links, orphan_ids, report, error))
    return NULL;

  am_document_clear_history (doc);

  return g_steal_pointer (&doc);
}

/**
 * am_document_load_from_data:
 * @data: the bytes of an Argumark JSON document
 * @report: (out) (optional) (transfer full): what was moved or could not be
 *   placed
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_load_from_data (const char    *data,
                            gsize          length,
                            AmLoadReport **report,
                            GError       **error)
{
  g_autoptr(AmJsonTree) tree = NULL;
  g_autoptr(AmLoadReport) local_report = NULL;
  g_autoptr(GError) local = NULL;
  const AmJsonValue *root;
  AmDocument *doc;
  gsize i;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = NULL;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  for (i = 0; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i == length)
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_EMPTY,
                           _("The file is empty: it holds no Argumark document"));
      return NULL;
    }

  if (length > MAX_FILE_BYTES)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("The file is %zu MB, more than the %zu"
                     " MB this build reads"),
                   length / (1024 * 1024), MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }

  if (!check_utf8 (data, length, _("document"), error))
    return NULL;

  tree = am_json_parse (data, length, MAX_DEPTH, &local);
  if (tree == NULL)
    {
      /* The walk finds the JSON path of the errors that have one. */
      if (!prescan (data, length, error))
        return NULL;
      if (local->code == AM_DOCUMENT_ERROR_INVALID_JSON)
        g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_JSON,
                     _("The file is not valid JSON (is it cut short or edited by hand?): %s"),
                     local->message);
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  root = am_json_tree_get_root (tree);
  if (root->type != AM_JSON_OBJECT)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_NOT_ARGUMARK,
                   _("The file is JSON, but not an Argumark document: that is an object {…} "
                     "with \"format\": \"argumark\", and this is %s"),
                   describe_node (root));
      return NULL;
    }

  local_report = am_load_report_new ();
  doc = build_document (root, local_report, error);
  if (doc != NULL && report != NULL)
    *report = g_steal_pointer (&local_report);

  return doc;
}

static char *
display_name (GFile *file)
{
  return g_file_get_parse_name (file);
}

static void
set_too_large_error (GError     **error,
                     const char  *name,
                     guint64      size)
{
  g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
               _("“%s” is %llu MB, more than the %zu"
                 " MB this build reads"),
               name, (unsigned long long) size / (1024 * 1024),
               MAX_FILE_BYTES / (1024 * 1024));
}

static void
set_read_error (GError     **error,
                const char  *name,
                int          saved_errno)
{
  g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO,
               _("Could not read “%s”: %s"), name, g_strerror (saved_errno));
}

/* A local file is read with one open, fstat and read: GIO's streams and
 * growing buffer were a tenth of exporting a corpus of small documents. */
static GBytes *
read_local_file (const char  *path,
                 const char  *name,
                 GError     **error)
{
  g_autofree char *contents = NULL;
  GStatBuf st;
  gsize allocated;
  gsize length = 0;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_read_error (error, name, errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      set_read_error (error, name, errno);
      g_close (fd, NULL);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO,
                   _("“%s” is a folder, not a file"), name);
      g_close (fd, NULL);
      return NULL;
    }
  if ((guint64) st.st_size > MAX_FILE_BYTES)
    {
      set_too_large_error (error, name, st.st_size);
      g_close (fd, NULL);
      return NULL;
    }

  /* The size is a hint: a pipe has none, and a file may grow meanwhile. */
  allocated = (gsize) st.st_size + 1;
  contents = g_malloc (allocated);
  while (TRUE)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > MAX_FILE_BYTES)
            {
              set_too_large_error (error, name, allocated);
              g_close (fd, NULL);
              return NULL;
            }
          allocated *= 2;
          contents = g_realloc (contents, allocated);
        }
      n = read (fd, contents + length, allocated - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_read_error (error, name, errno);
          g_close (fd, NULL);
          return NULL;
        }
      if (n == 0)
        break;
      length += n;
    }
  g_close (fd, NULL);

  return g_bytes_new_take (g_steal_pointer (&contents), length);
}

static GBytes *
read_file (GFile   *file,
           GError **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *name = display_name (file);
  const char *path = g_file_peek_path (file);
  char *contents = NULL;
  gsize length = 0;

  if (path != NULL)
    return read_local_file (path, name, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info != NULL)
    {
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO,
                       _("“%s” is a folder, not a file"), name);
          return NULL;
        }
      if ((guint64) g_file_info_get_size (info) > MAX_FILE_BYTES)
        {
          set_too_large_error (error, name, g_file_info_get_size (info));
          return NULL;
        }
    }
  g_clear_error (&local);

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &local))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO,
                   _("Could not read “%s”: %s"), name, local->message);
      return NULL;
    }

  return g_bytes_new_take (contents, length);
}

/**
 * am_document_load:
 * @report: (out) (optional) (transfer full): what was moved or could not be
 *   placed
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_load (GFile         *file,
                  AmLoadReport **report,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = NULL;

  if (!(bytes = read_file (file, error)))
    return NULL;

  return am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                     report, error);
}

/* ---------------------------------------------------------------------- */
/* Articles                                                                */
/* ---------------------------------------------------------------------- */

static char *
decode_utf16 (const guchar  *data,
              gsize          length,
              gboolean       big_endian,
              gsize         *out_length,
              GError       **error)
{
  g_autofree gunichar2 *units = NULL;
  g_autoptr(GError) local = NULL;
  glong items_read = 0;
  glong items_written = 0;
  gsize n = length / 2;
  gsize i;
  char *utf8;

  if (length % 2 != 0)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_ENCODING,
                   _("The article says it is UTF-16 (it starts with a byte order mark) "
                     "but has an odd number of bytes: it is cut short or not UTF-16"));
      return NULL;
    }

  units = g_new (gunichar2, n + 1);
  for (i = 0; i < n; i++)
    units[i] = big_endian ? (data[2 * i] << 8) | data[2 * i + 1]
                          : data[2 * i] | (data[2 * i + 1] << 8);
  units[n] = 0;

  /* GLib would stop at a NUL character without a word. */
  for (i = 0; i < n; i++)
    {
      if (units[i] == 0)
        {
          g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_BINARY,
                       _("The article holds a NUL character at byte offset %zu"
                         ": it looks like a binary file, not text"),
                       i * 2 + 2);
          return NULL;
        }
    }

  utf8 = g_utf16_to_utf8 (units, n, &items_read, &items_written, &local);
  if (utf8 == NULL)
    {
      /* GLib stops after a high surrogate that lacks its pair: name the
       * surrogate itself, counting the byte order mark.
       */
      if (items_read > 0 && units[items_read - 1] >= 0xD800 && units[items_read - 1] <= 0xDBFF)
        items_read--;
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_ENCODING,
                   _("The article is not valid UTF-16: the unit at byte offset %zu"
                     " is half of a character whose other half is missing"),
                   (gsize) items_read * 2 + 2);
      return NULL;
    }

  *out_length = items_written;
  return utf8;
}

static char *
normalize_newlines (const char *text,
                    gsize       length)
{
  GString *out;
  gsize i;

  if (memchr (text, '\r', length) == NULL)
    return g_strndup (text, length);

  out = g_string_sized_new (length);
  for (i = 0; i < length; i++)
    {
      if (text[i] == '\r')
        {
          g_string_append_c (out, '\n');
          if (i + 1 < length && text[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (out, text[i]);
    }

  return g_string_free (out, FALSE);
}

static char *
first_line_title (const char *text)
{
  const char *line = text;

  while (*line != '\0')
    {
      const char *eol = strchr (line, '\n');
      const char *end = eol != NULL ? eol : line + strlen (line);
      const char *start = line;
      GString *title;
      guint n = 0;

      while (start < end && g_unichar_isspace (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
      while (end > start)
        {
          const char *prev = g_utf8_prev_char (end);

          if (!g_unichar_isspace (g_utf8_get_char (prev)))
            break;
          end = prev;
        }

      if (start < end)
        {
          const char *p;

          title = g_string_new (NULL);
          for (p = start; p < end && n < MAX_TITLE_CHARS; p = g_utf8_next_char (p), n++)
            g_string_append_unichar (title, g_utf8_get_char (p));
          if (p < end)
            g_string_append (title, "…");
          return g_string_free (title, FALSE);
        }

      if (eol == NULL)
        break;
      line = eol + 1;
    }

  return NULL;
}

/**
 * am_document_new_from_article_data:
 *
 * Returns: (transfer full) (nullable): a new document for the article, or
 *   %NULL with @error set
 */
AmDocument *
am_document_new_from_article_data (const char  *data,
                                   gsize        length,
                                   GError     **error)
{
  g_autofree char *decoded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autoptr(AmDocument) doc = NULL;
  const guchar *bytes = (const guchar *) data;
  const char *utf8;
  gsize utf8_length;
  gsize i;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > MAX_TEXT_BYTES)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("The article is %zu MB, more than the %zu"
                     " MB this build reads"),
                   length / (1024 * 1024), MAX_TEXT_BYTES / (1024 * 1024));
      return NULL;
    }

  if (length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
    {
      if (!(decoded = decode_utf16 (bytes + 2, length - 2, bytes[0] == 0xFE, &utf8_length, error)) ||
          !check_utf8 (decoded, utf8_length, _("article"), error))
        return NULL;
      utf8 = decoded;
    }
  else
    {
      utf8 = data;
      utf8_length = length;
      if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
        {
          utf8 += 3;
          utf8_length -= 3;
        }
      if (!check_utf8 (utf8, utf8_length, _("article"), error))
        return NULL;
    }

  for (i = 0; i < utf8_length && g_ascii_isspace (utf8[i]); i++)
    ;
  if (i == utf8_length)
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_EMPTY,
                           utf8_length == 0 ? _("The article is empty: there is no text to annotate")
                                            : _("The article holds only blank space: there is no text to annotate"));
      return NULL;
    }

  text = normalize_newlines (utf8, utf8_length);
  doc = am_document_new (text, NULL);

  title = first_line_title (text);
  if (title != NULL)
    am_document_set_meta (doc, "title", title);
  am_document_clear_history (doc);

  return g_steal_pointer (&doc);
}

static AmDocument *
article_from_bytes (GFile   *file,
                    GBytes  *bytes,
                    GError **error)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autofree char *source = NULL;

  doc = am_document_new_from_article_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
  if (doc == NULL)
    return NULL;

  source = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);
  am_document_set_meta (doc, "source", source);
  am_document_clear_history (doc);

  return g_steal_pointer (&doc);
}

/**
 * am_document_new_from_article:
 *
 * Returns: (transfer full) (nullable): a new document for the article in
 *   @file, or %NULL with @error set
 */
AmDocument *
am_document_new_from_article (GFile   *file,
                              GError **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!(bytes = read_file (file, error)))
    return NULL;

  return article_from_bytes (file, bytes, error);
}

/* By name first (.json is a document, .txt an article), then by content: an
 * Argumark document is a JSON object, and an article that starts with “{”
 * is too rare to guess for; it opens as an article when named .txt.
 */
static gboolean
looks_like_json (GFile  *file,
                 GBytes *bytes)
{
  const char *data = g_bytes_get_data (bytes, NULL);
  gsize length = g_bytes_get_size (bytes);
  g_autofree char *basename = g_file_get_basename (file);
  gsize i = 0;

  if (basename != NULL && g_str_has_suffix (basename, ".txt"))
    return FALSE;
  if (basename != NULL && g_str_has_suffix (basename, ".json"))
    return TRUE;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && data[i] == '{';
}

/**
 * am_document_open:
 * @report: (out) (optional) (transfer full): for a JSON document, what was
 *   moved or could not be placed; %NULL for an article
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with @error set
 */
AmDocument *
am_document_open (GFile         *file,
                  AmLoadReport **report,
                  GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (report != NULL)
    *report = NULL;

  if (!(bytes = read_file (file, error)))
    return NULL;

  if (looks_like_json (file, bytes))
    return am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                       report, error);

  return article_from_bytes (file, bytes, error);
}

/* ---------------------------------------------------------------------- */
/* Writing                                                                 */
/* ---------------------------------------------------------------------- */

static void
append_string (GString    *out,
               const char *s)
{
  const char *run = s;
  const char *p;

  g_string_append_c (out, '"');
  for (p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\b':
          g_string_append (out, "\\b");
          break;
        case '\f':
          g_string_append (out, "\\f");
          break;
        default:
          g_string_append_printf (out, "\\u%04x", c);
          break;
        }
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
  g_string_append_c (out, '"');
}

static void
append_uint (GString *out,
             guint    value)
{
  char buf[16];
  int i = sizeof buf;

  do
    {
      buf[--i] = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);

  g_string_append_len (out, buf + i, sizeof buf - i);
}

/* Opens a member: the separator from the previous one, the indent and the key. */
static void
append_key (GString    *out,
            int         indent,
            gboolean   *first,
            const char *key)
{
  g_string_append (out, *first ? "\n" : ",\n");
  *first = FALSE;
  g_string_append_len (out, "                ", MIN (indent, 16));
  append_string (out, key);
  g_string_append (out, ": ");
}

static void
append_string_member (GString    *out,
                      int         indent,
                      gboolean   *first,
                      const char *key,
                      const char *value)
{
  append_key (out, indent, first, key);
  if (value != NULL)
    append_string (out, value);
  else
    g_string_append (out, "null");
}

static void
append_uint_member (GString    *out,
                    int         indent,
                    gboolean   *first,
                    const char *key,
                    guint       value)
{
  append_key (out, indent, first, key);
  append_uint (out, value);
}

static void
append_strv_member (GString            *out,
                    int                 indent,
                    gboolean           *first,
                    const char         *key,
                    const char * const *values)
{
  guint i;

  append_key (out, indent, first, key);
  g_string_append_c (out, '[');
  for (i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      append_string (out, values[i]);
    }
  g_string_append_c (out, ']');
}

static void
close_container (GString  *out,
                 int       indent,
                 gboolean  empty,
                 char      bracket)
{
  if (!empty)
    {
      g_string_append_c (out, '\n');
      g_string_append_len (out, "                ", MIN (indent, 16));
    }
  g_string_append_c (out, bracket);
}

static void
append_annotation (GString      *out,
                   AmAnnotation *annotation)
{
  const char * const *sources = am_annotation_get_sources (annotation);
  gboolean first = TRUE;

  g_string_append (out, "    {");
  append_string_member (out, 6, &first, "id", am_annotation_get_id (annotation));
  append_string_member (out, 6, &first, "label", am_annotation_get_label (annotation));
  append_uint_member (out, 6, &first, "start", am_annotation_get_start (annotation));
  append_uint_member (out, 6, &first, "end", am_annotation_get_end (annotation));
  if (am_annotation_get_quote (annotation) != NULL)
    append_string_member (out, 6, &first, "quote", am_annotation_get_quote (annotation));
  append_string_member (out, 6, &first, "note", am_annotation_get_note (annotation));
  append_string_member (out, 6, &first, "author", am_annotation_get_author (annotation));
  if (am_annotation_get_created (annotation) != NULL)
    append_string_member (out, 6, &first, "created", am_annotation_get_created (annotation));
  if (am_annotation_get_modified (annotation) != NULL)
    append_string_member (out, 6, &first, "modified", am_annotation_get_modified (annotation));
  if (sources != NULL && sources[0] != NULL)
    append_strv_member (out, 6, &first, "sources", sources);
  close_container (out, 4, FALSE, '}');
}

static void
append_annotations (GString    *out,
                    gboolean   *first,
                    const char *key,
                    GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  guint i;

  append_key (out, 2, first, key);
  g_string_append_c (out, '[');
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) annotation = g_list_model_get_item (model, i);

      g_string_append (out, i == 0 ? "\n" : ",\n");
      append_annotation (out, annotation);
    }
  close_container (out, 2, n == 0, ']');
}

static void
append_schema (GString       *out,
               gboolean      *top_first,
               AmLabelSchema *schema)
{
  GListModel *labels = am_label_schema_get_labels (schema);
  GListModel *relations = am_label_schema_get_relations (schema);
  gboolean first = TRUE;
  guint n;
  guint i;

  append_key (out, 2, top_first, "schema");
  g_string_append_c (out, '{');

  n = g_list_model_get_n_items (labels);
  append_key (out, 4, &first, "labels");
  g_string_append_c (out, '[');
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);
      gboolean f = TRUE;

      g_string_append (out, i == 0 ? "\n      {" : ",\n      {");
      append_string_member (out, 8, &f, "id", am_label_get_id (label));
      append_string_member (out, 8, &f, "name", am_label_get_name (label));
      append_string_member (out, 8, &f, "color", am_label_get_color (label));
      append_string_member (out, 8, &f, "dark_color", am_label_get_dark_color (label));
      append_string_member (out, 8, &f, "key", am_label_get_key (label));
      close_container (out, 6, FALSE, '}');
    }
  close_container (out, 4, n == 0, ']');

  n = g_list_model_get_n_items (relations);
  append_key (out, 4, &first, "relations");
  g_string_append_c (out, '[');
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmRelationType) relation = g_list_model_get_item (relations, i);
      gboolean f = TRUE;

      g_string_append (out, i == 0 ? "\n      {" : ",\n      {");
      append_string_member (out, 8, &f, "id", am_relation_type_get_id (relation));
      append_string_member (out, 8, &f, "name", am_relation_type_get_name (relation));
      append_strv_member (out, 8, &f, "from", am_relation_type_get_from (relation));
      append_strv_member (out, 8, &f, "to", am_relation_type_get_to (relation));
      close_container (out, 6, FALSE, '}');
    }
  close_container (out, 4, n == 0, ']');

  close_container (out, 2, FALSE, '}');
}

static void
append_meta (GString    *out,
             gboolean   *top_first,
             AmDocument *self)
{
  g_auto(GStrv) keys = am_document_dup_meta_keys (self);
  gboolean first = TRUE;
  guint i;

  append_key (out, 2, top_first, "meta");
  g_string_append_c (out, '{');
  for (i = 0; well_known_meta[i] != NULL; i++)
    {
      if (am_document_has_meta (self, well_known_meta[i]))
        append_string_member (out, 4, &first, well_known_meta[i],
                              am_document_get_meta (self, well_known_meta[i]));
    }
  for (i = 0; keys[i] != NULL; i++)
    {
      if (!g_strv_contains (well_known_meta, keys[i]))
        append_string_member (out, 4, &first, keys[i], am_document_get_meta (self, keys[i]));
    }
  close_container (out, 2, first, '}');
}

/**
 * am_document_to_bytes:
 *
 * Returns: (transfer full): the document as Argumark JSON (docs/format.md)
 */
GBytes *
am_document_to_bytes (AmDocument *self)
{
  GListModel *annotations;
  GListModel *links;
  GListModel *orphans;
  AmText *text;
  GString *out;
  gboolean first = TRUE;
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  text = am_document_get_text (self);
  annotations = am_document_get_annotations (self);
  links = am_document_get_links (self);
  orphans = am_document_get_orphans (self);

  out = g_string_sized_new (am_text_get_n_bytes (text) * 11 / 10 + 4096 +
                            g_list_model_get_n_items (annotations) * 320 +
                            g_list_model_get_n_items (links) * 100);

  g_string_append_c (out, '{');
  append_string_member (out, 2, &first, "format", FORMAT_NAME);
  append_uint_member (out, 2, &first, "version", AM_FORMAT_VERSION);
  append_meta (out, &first, self);
  append_string_member (out, 2, &first, "text", am_text_get_utf8 (text));
  append_string_member (out, 2, &first, "text_sha256", am_text_get_sha256 (text));
  append_schema (out, &first, am_document_get_schema (self));
  append_string_member (out, 2, &first, "annotator", am_document_get_annotator (self));
  append_string_member (out, 2, &first, "status",
                        am_document_status_to_string (am_document_get_status (self)));
  append_annotations (out, &first, "annotations", annotations);

  n = g_list_model_get_n_items (links);
  append_key (out, 2, &first, "links");
  g_string_append_c (out, '[');
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLink) link = g_list_model_get_item (links, i);
      gboolean f = TRUE;

      g_string_append (out, i == 0 ? "\n    {" : ",\n    {");
      append_string_member (out, 6, &f, "id", am_link_get_id (link));
      append_string_member (out, 6, &f, "relation", am_link_get_relation (link));
      append_string_member (out, 6, &f, "from", am_link_get_from (link));
      append_string_member (out, 6, &f, "to", am_link_get_to (link));
      close_container (out, 4, FALSE, '}');
    }
  close_container (out, 2, n == 0, ']');

  /* Orphans keep their stale offsets and quote, so that the next load tries
   * to place them again; written only when there are some.
   */
  if (g_list_model_get_n_items (orphans) > 0)
    append_annotations (out, &first, "orphans", orphans);

  g_string_append (out, "\n}\n");

  return g_string_free_to_bytes (out);
}

/* ---------------------------------------------------------------------- */
/* Saving                                                                  */
/* ---------------------------------------------------------------------- */

static void
set_save_error (GError     **error,
                GFile       *file,
                int          errsv,
                const char  *fallback)
{
  g_autofree char *name = display_name (file);
  const char *why;

  switch (errsv)
    {
    case EACCES:
    case EPERM:
      why = _("you may not write in that folder; choose another one");
      break;
    case EROFS:
      why = _("the disk is read-only; choose another place");
      break;
    case ENAMETOOLONG:
      why = _("the file name is too long; choose a shorter one");
      break;
    case ENOENT:
    case ENOTDIR:
      why = _("the folder does not exist");
      break;
    case EISDIR:
      why = _("that is a folder; choose a file name");
      break;
    case ENOSPC:
    case EDQUOT:
      why = _("the disk is full; free some space or choose another place");
      break;
    default:
      why = fallback != NULL ? fallback : g_strerror (errsv);
      break;
    }

  g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_IO,
               _("Could not save “%s”: %s. The file on disk was not changed."), name, why);
}

/* Writes a temporary file beside @path and renames it over @path, so that
 * the old file stays whole until the new one is complete on disk.
 */
static gboolean
write_native (GFile       *file,
              const char  *path,
              const char  *data,
              gsize        length,
              GError     **error)
{
  g_autofree char *target = NULL;
  g_autofree char *dirname = NULL;
  g_autofree char *tmp = NULL;
  GStatBuf st;
  int mode = -1;
  int fd;
  gsize written = 0;
  int errsv;

  /* Through a symbolic link, replace the file it points to, not the link. */
  target = g_file_test (path, G_FILE_TEST_IS_SYMLINK) ? realpath (path, NULL) : NULL;
  if (target == NULL)
    target = g_strdup (path);

  if (g_stat (target, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          set_save_error (error, file, EISDIR, NULL);
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  else if (errno != ENOENT)
    {
      set_save_error (error, file, errno, NULL);
      return FALSE;
    }

  {
    g_autofree char *basename = g_path_get_basename (target);

    if (strlen (basename) > 255)
      {
        set_save_error (error, file, ENAMETOOLONG, NULL);
        return FALSE;
      }
  }

  dirname = g_path_get_dirname (target);
  tmp = g_build_filename (dirname, ".argumark-save-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_save_error (error, file, errno, NULL);
      return FALSE;
    }

  while (written < length)
    {
      gssize r = write (fd, data + written, length - written);

      if (r < 0)
        {
          if (errno == EINTR)
            continue;
          goto fail;
        }
      written += r;
    }

  if ((mode >= 0 && fchmod (fd, mode) != 0) || fsync (fd) != 0)
    goto fail;

  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  fd = -1;

  if (g_rename (tmp, target) != 0)
    goto fail;

  return TRUE;

fail:
  errsv = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  set_save_error (error, file, errsv, NULL);
  return FALSE;
}

static gboolean
write_bytes (GFile   *file,
             GBytes  *bytes,
             GError **error)
{
  g_autoptr(GError) local = NULL;
  const char *path = g_file_peek_path (file);

  if (path != NULL)
    return write_native (file, path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);

  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &local))
    {
      set_save_error (error, file, 0, local->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * am_document_save:
 *
 * Returns: %FALSE with @error set (%AM_DOCUMENT_ERROR_IO) if the file could
 *   not be written; the old file is then untouched
 */
gboolean
am_document_save (AmDocument  *self,
                  GFile       *file,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = am_document_to_bytes (self);
  if (!write_bytes (file, bytes, error))
    return FALSE;

  am_document_mark_saved (self);
  return TRUE;
}

typedef struct
{
  AmDocument *doc;
  GFile   *file;
  GBytes  *bytes;
  gulong   changed_id;
  gboolean changed;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_signal_handler (&data->changed_id, data->doc);
  g_clear_object (&data->doc);
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  g_free (data);
}

static void
on_changed_during_save (AmDocument *doc,
                        SaveData   *data)
{
  data->changed = TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (write_bytes (data->file, data->bytes, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * am_document_save_async:
 *
 * Serializes the document now, on the calling thread, and writes it in the
 * background. Edits made while the file is written keep the document
 * modified.
 */
void
am_document_save_async (AmDocument          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  data = g_new0 (SaveData, 1);
  data->doc = g_object_ref (self);
  data->file = g_object_ref (file);
  data->bytes = am_document_to_bytes (self);
  data->changed_id = g_signal_connect (self, "changed", G_CALLBACK (on_changed_during_save), data);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_document_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
am_document_save_finish (AmDocument    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;
  gboolean ok;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  data = g_task_get_task_data (G_TASK (result));
  g_clear_signal_handler (&data->changed_id, self);

  ok = g_task_propagate_boolean (G_TASK (result), error);
  if (ok && !data->changed)
    am_document_mark_saved (self);

  return ok;
}
