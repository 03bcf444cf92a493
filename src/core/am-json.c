/* am-json.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib builds a GObject-backed tree with a hash table per object, which
 * alone takes longer than the whole load may (docs/format.md: 20,000
 * annotations in under 200 ms), and it recurses without a depth limit. This
 * reader puts every value and string into a few large blocks, freed at once.
 */

#define G_LOG_DOMAIN "am-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "am-error.h"
#include "am-json-private.h"

#define BLOCK_SIZE (256 * 1024)

struct _AmJsonTree
{
  GSList      *blocks;
  char        *block;
  gsize        used;
  gsize        size;
  AmJsonValue  root;
};

typedef struct
{
  AmJsonTree *tree;
  const char *data;
  const char *p;
  const char *end;
  guint       max_depth;
  int         code;
  GArray     *items;
  GArray     *members;
  GError    **error;
} Parser;

static gpointer
arena_alloc (AmJsonTree *tree,
             gsize       size)
{
  gpointer ret;

  size = (size + 7) & ~(gsize) 7;
  if (tree->block == NULL || tree->used + size > tree->size)
    {
      gsize block_size = MAX (BLOCK_SIZE, size);

      tree->block = g_malloc (block_size);
      tree->size = block_size;
      tree->used = 0;
      tree->blocks = g_slist_prepend (tree->blocks, tree->block);
    }

  ret = tree->block + tree->used;
  tree->used += size;
  return ret;
}

static void fail (Parser     *parser,
                  const char *at,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
fail (Parser     *parser,
      const char *at,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  const char *q;
  guint line = 1;
  guint column = 1;
  va_list args;

  if (parser->error == NULL || *parser->error != NULL)
    return;

  for (q = parser->data; q < at; q++)
    {
      if (*q == '\n')
        {
          line++;
          column = 1;
        }
      else if (((guchar) *q & 0xC0) != 0x80)
        column++;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (parser->error, AM_DOCUMENT_ERROR, parser->code,
               _("line %u, column %u: %s"), line, column, message);
}

static void
skip_space (Parser *parser)
{
  while (parser->p < parser->end &&
         (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t'))
    parser->p++;
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

/* At the opening quote; leaves the parser after the closing one. */
#define ONES  G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether any byte of @word is below @n (at most 0x80), exactly. */
#define HAS_BYTE_BELOW(word, n) ((((word) - ONES * (n)) & ~(word) & HIGHS) != 0)

const char *
am_json_skip_plain (const char *p,
                    const char *end)
{
  /* Eight bytes at a time while none of them is special. */
  while (end - p >= 8)
    {
      guint64 word;

      memcpy (&word, p, sizeof word);
      if (HAS_BYTE_BELOW (word, 0x20) ||
          HAS_BYTE_BELOW (word ^ (ONES * '"'), 1) ||
          HAS_BYTE_BELOW (word ^ (ONES * '\\'), 1))
        break;
      p += 8;
    }

  while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
    p++;

  return p;
}

static gboolean
parse_string (Parser      *parser,
              const char **out,
              guint       *out_len)
{
  const char *start = ++parser->p;
  const char *q = start;
  char *buf;
  char *w;

  /* The common case: no escapes, copied in one go. */
  q = am_json_skip_plain (q, parser->end);

  if (q >= parser->end)
    {
      fail (parser, start - 1, _("the file ends inside a string: it is cut short"));
      return FALSE;
    }

  if (q - start > G_MAXINT32)
    {
      fail (parser, start, _("a string is too long"));
      return FALSE;
    }

  if (*q == '"')
    {
      buf = arena_alloc (parser->tree, q - start + 1);
      memcpy (buf, start, q - start);
      buf[q - start] = '\0';
      *out = buf;
      *out_len = q - start;
      parser->p = q + 1;
      return TRUE;
    }

  /* Unescaping never makes a string longer, so the raw length bounds it. */
  {
    const char *close = q;

    while (close < parser->end && *close != '"')
      {
        if (*close == '\\' && close + 1 < parser->end)
          close += 2;
        else
          close = am_json_skip_plain (close + 1, parser->end);
      }
    if (close >= parser->end)
      {
        fail (parser, start - 1, _("the file ends inside a string: it is cut short"));
        return FALSE;
      }
    if (close - start > G_MAXINT32)
      {
        fail (parser, start, _("a string is too long"));
        return FALSE;
      }
    buf = arena_alloc (parser->tree, close - start + 1);
  }

  memcpy (buf, start, q - start);
  w = buf + (q - start);

  while (TRUE)
    {
      guchar c = (guchar) *q;

      if (c == '"')
        break;

      if (c < 0x20)
        {
          fail (parser, q, _("a string holds a raw control character (0x%02X); "
                             "write it as an escape such as \\n"), c);
          return FALSE;
        }

      if (c != '\\')
        {
          const char *plain = am_json_skip_plain (q + 1, parser->end);

          memcpy (w, q, plain - q);
          w += plain - q;
          q = plain;
          continue;
        }

      switch (q[1])
        {
        case '"':  *w++ = '"';  q += 2; break;
        case '\\': *w++ = '\\'; q += 2; break;
        case '/':  *w++ = '/';  q += 2; break;
        case 'b':  *w++ = '\b'; q += 2; break;
        case 'f':  *w++ = '\f'; q += 2; break;
        case 'n':  *w++ = '\n'; q += 2; break;
        case 'r':  *w++ = '\r'; q += 2; break;
        case 't':  *w++ = '\t'; q += 2; break;
        case 'u':
          {
            int u = hex4 (q + 2, parser->end);
            gunichar ch;

            if (u < 0)
              {
                fail (parser, q, _("“\\u” must be followed by four hexadecimal digits"));
                return FALSE;
              }
            if (u == 0)
              {
                fail (parser, q, _("a string holds a NUL character (\\u0000), which text may not hold"));
                return FALSE;
              }
            if (u >= 0xDC00 && u <= 0xDFFF)
              {
                fail (parser, q, _("a string holds a lone surrogate escape, which is not a character"));
                return FALSE;
              }
            if (u >= 0xD800 && u <= 0xDBFF)
              {
                int low = (parser->end - q >= 12 && q[6] == '\\' && q[7] == 'u') ? hex4 (q + 8, parser->end) : -1;

                if (low < 0xDC00 || low > 0xDFFF)
                  {
                    fail (parser, q, _("a string holds a lone surrogate escape, which is not a character"));
                    return FALSE;
                  }
                ch = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                q += 12;
              }
            else
              {
                ch = u;
                q += 6;
              }
            w += g_unichar_to_utf8 (ch, w);
            break;
          }
        default:
          fail (parser, q, _("“\\%c” is not an escape JSON knows"), q[1] != '\0' ? q[1] : '?');
          return FALSE;
        }
    }

  *w = '\0';
  *out = buf;
  *out_len = w - buf;
  parser->p = q + 1;
  return TRUE;
}

static gboolean
parse_number (Parser      *parser,
              AmJsonValue *value)
{
  const char *start = parser->p;
  const char *q = start;
  gboolean integer = TRUE;
  char buf[64];

  if (q < parser->end && *q == '-')
    q++;
  if (q >= parser->end || !g_ascii_isdigit (*q))
    {
      fail (parser, start, _("expected a value (a string, number, object, list, true, false or null)"));
      return FALSE;
    }
  if (*q == '0')
    q++;
  else
    while (q < parser->end && g_ascii_isdigit (*q))
      q++;
  if (q < parser->end && *q == '.')
    {
      integer = FALSE;
      q++;
      if (q >= parser->end || !g_ascii_isdigit (*q))
        {
          fail (parser, q, _("a number needs digits after its decimal point"));
          return FALSE;
        }
      while (q < parser->end && g_ascii_isdigit (*q))
        q++;
    }
  if (q < parser->end && (*q == 'e' || *q == 'E'))
    {
      integer = FALSE;
      q++;
      if (q < parser->end && (*q == '+' || *q == '-'))
        q++;
      if (q >= parser->end || !g_ascii_isdigit (*q))
        {
          fail (parser, q, _("a number needs digits in its exponent"));
          return FALSE;
        }
      while (q < parser->end && g_ascii_isdigit (*q))
        q++;
    }

  parser->p = q;

  /* Longer numbers than this are no offsets; they stay numbers. */
  if (q - start >= (gssize) sizeof buf)
    {
      value->type = AM_JSON_NUMBER;
      value->v.number = start[0] == '-' ? -1e300 : 1e300;
      return TRUE;
    }

  memcpy (buf, start, q - start);
  buf[q - start] = '\0';

  /* The digits are summed here rather than by g_ascii_strtoll () and a look
   * at errno: with documents read in several threads at once, errno came
   * back set (EAGAIN) although the number fitted, since a wait on a lock
   * inside GLib can leave it so, and "version": 1 was then refused as a
   * number with a fraction. */
  if (integer)
    {
      gboolean negative = start[0] == '-';
      guint64 limit = negative ? (guint64) G_MAXINT64 + 1 : (guint64) G_MAXINT64;
      const char *d = negative ? start + 1 : start;
      guint64 n = 0;

      for (; d < q; d++)
        {
          guint digit = (guint) (*d - '0');

          if (n > (limit - digit) / 10)
            break;
          n = n * 10 + digit;
        }
      if (d == q)
        {
          value->type = AM_JSON_INTEGER;
          value->v.integer = !negative ? (gint64) n : n == 0 ? 0 : -(gint64) (n - 1) - 1;
          return TRUE;
        }
    }

  value->type = AM_JSON_NUMBER;
  value->v.number = g_ascii_strtod (buf, NULL);
  return TRUE;
}

static gboolean
parse_literal (Parser      *parser,
               const char  *word,
               AmJsonValue *value)
{
  gsize len = strlen (word);

  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, word, len) != 0)
    {
      fail (parser, parser->p, _("expected a value (a string, number, object, list, true, false or null)"));
      return FALSE;
    }

  parser->p += len;
  return TRUE;
}

static gboolean parse_value (Parser      *parser,
                             AmJsonValue *value,
                             guint        depth);

static gboolean
parse_array (Parser      *parser,
             AmJsonValue *value,
             guint        depth)
{
  guint base = parser->items->len;
  guint n;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == ']')
    parser->p++;
  else
    while (TRUE)
      {
        AmJsonValue item;

        if (!parse_value (parser, &item, depth))
          return FALSE;
        g_array_append_val (parser->items, item);

        skip_space (parser);
        if (parser->p >= parser->end)
          {
            fail (parser, parser->p, _("the file ends inside a list: it is cut short"));
            return FALSE;
          }
        if (*parser->p == ']')
          {
            parser->p++;
            break;
          }
        if (*parser->p != ',')
          {
            fail (parser, parser->p, _("expected “,” or “]” after an item of a list"));
            return FALSE;
          }
        parser->p++;
      }

  n = parser->items->len - base;
  value->type = AM_JSON_ARRAY;
  value->n = n;
  value->v.items = arena_alloc (parser->tree, MAX (n, 1) * sizeof (AmJsonValue));
  if (n > 0)
    memcpy (value->v.items, &g_array_index (parser->items, AmJsonValue, base), n * sizeof (AmJsonValue));
  g_array_set_size (parser->items, base);

  return TRUE;
}

static gboolean
parse_object (Parser      *parser,
              AmJsonValue *value,
              guint        depth)
{
  guint base = parser->members->len;
  guint n;

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == '}')
    parser->p++;
  else
    while (TRUE)
      {
        AmJsonMember member;
        guint key_len;

        skip_space (parser);
        if (parser->p >= parser->end)
          {
            fail (parser, parser->p, _("the file ends inside an object: it is cut short"));
            return FALSE;
          }
        if (*parser->p != '"')
          {
            fail (parser, parser->p, _("expected a member name in double quotes"));
            return FALSE;
          }
        if (!parse_string (parser, &member.key, &key_len))
          return FALSE;
        skip_space (parser);
        if (parser->p >= parser->end || *parser->p != ':')
          {
            fail (parser, parser->p, _("expected “:” after the member name “%s”"), member.key);
            return FALSE;
          }
        parser->p++;
        if (!parse_value (parser, &member.value, depth))
          return FALSE;
        g_array_append_val (parser->members, member);

        skip_space (parser);
        if (parser->p >= parser->end)
          {
            fail (parser, parser->p, _("the file ends inside an object: it is cut short"));
            return FALSE;
          }
        if (*parser->p == '}')
          {
            parser->p++;
            break;
          }
        if (*parser->p != ',')
          {
            fail (parser, parser->p, _("expected “,” or “}” after the member “%s”"), member.key);
            return FALSE;
          }
        parser->p++;
      }

  n = parser->members->len - base;
  value->type = AM_JSON_OBJECT;
  value->n = n;
  value->v.members = arena_alloc (parser->tree, MAX (n, 1) * sizeof (AmJsonMember));
  if (n > 0)
    memcpy (value->v.members, &g_array_index (parser->members, AmJsonMember, base),
            n * sizeof (AmJsonMember));
  g_array_set_size (parser->members, base);

  return TRUE;
}

static gboolean
parse_value (Parser      *parser,
             AmJsonValue *value,
             guint        depth)
{
  skip_space (parser);
  memset (value, 0, sizeof *value);

  if (parser->p >= parser->end)
    {
      fail (parser, parser->p, _("the file ends where a value should be: it is cut short"));
      return FALSE;
    }

  switch (*parser->p)
    {
    case '{':
    case '[':
      if (depth >= parser->max_depth)
        {
          parser->code = AM_DOCUMENT_ERROR_TOO_LARGE;
          fail (parser, parser->p, _("values are nested more than %u levels deep"), parser->max_depth);
          return FALSE;
        }
      return *parser->p == '{' ? parse_object (parser, value, depth + 1)
                               : parse_array (parser, value, depth + 1);

    case '"':
      value->type = AM_JSON_STRING;
      return parse_string (parser, &value->v.string, &value->n);

    case 't':
      value->type = AM_JSON_BOOLEAN;
      value->v.boolean = TRUE;
      return parse_literal (parser, "true", value);

    case 'f':
      value->type = AM_JSON_BOOLEAN;
      value->v.boolean = FALSE;
      return parse_literal (parser, "false", value);

    case 'n':
      value->type = AM_JSON_NULL;
      return parse_literal (parser, "null", value);

    default:
      return parse_number (parser, value);
    }
}

/**
 * am_json_parse:
 *
 * Returns: (transfer full) (nullable): the tree, or %NULL with @error set
 */
AmJsonTree *
am_json_parse (const char  *data,
               gsize        length,
               guint        max_depth,
               GError     **error)
{
  g_autoptr(AmJsonTree) tree = g_new0 (AmJsonTree, 1);
  Parser parser = { tree, data, data, data + length, max_depth, AM_DOCUMENT_ERROR_INVALID_JSON,
                    NULL, NULL, error };
  gboolean ok;

  parser.items = g_array_sized_new (FALSE, FALSE, sizeof (AmJsonValue), 64);
  parser.members = g_array_sized_new (FALSE, FALSE, sizeof (AmJsonMember), 64);

  ok = parse_value (&parser, &tree->root, 0);
  if (ok)
    {
      skip_space (&parser);
      if (parser.p < parser.end)
        {
          fail (&parser, parser.p, _("there is more after the end of the document"));
          ok = FALSE;
        }
    }

  g_array_unref (parser.items);
  g_array_unref (parser.members);

  return ok ? g_steal_pointer (&tree) : NULL;
}

const AmJsonValue *
am_json_tree_get_root (AmJsonTree *tree)
{
  return &tree->root;
}

void
am_json_tree_free (AmJsonTree *tree)
{
  g_slist_free_full (tree->blocks, g_free);
  g_free (tree);
}

/**
 * am_json_object_get:
 *
 * Returns: (nullable): the last member named @key, as other readers do
 */
const AmJsonValue *
am_json_object_get (const AmJsonValue *object,
                    const char        *key)
{
  guint i;

  g_assert (object->type == AM_JSON_OBJECT);

  for (i = object->n; i > 0; i--)
    {
      const char *name = object->v.members[i - 1].key;

      /* The first byte settles almost every comparison. */
      if (name[0] == key[0] && strcmp (name, key) == 0)
        return &object->v.members[i - 1].value;
    }

  return NULL;
}
