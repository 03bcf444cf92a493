/* am-export-tokens.c: token-based formats, CoNLL (BIO) and WebAnno TSV 3.3
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "am-export-private.h"
#include "am-segmenter.h"

typedef struct
{
  guint start;
  guint end;
  guint sentence;
} Token;

/* A span as tokens: [first, last], and its CoNLL column. */
typedef struct
{
  AmAnnotation *annotation;
  guint         first;
  guint         last;
  guint         level;
  guint         number;
} TokenSpan;

typedef struct
{
  GArray *tokens;     /* Token */
  GArray *sentences;  /* AmSpan */
  GArray *spans;      /* TokenSpan, in span order; spans with no token left out */
  guint   n_levels;
} Tokenized;

static void
tokenized_clear (Tokenized *t)
{
  g_clear_pointer (&t->tokens, g_array_unref);
  g_clear_pointer (&t->sentences, g_array_unref);
  g_clear_pointer (&t->spans, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tokenized, tokenized_clear)

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static int
compare_token_spans (gconstpointer a,
                     gconstpointer b)
{
  const TokenSpan *x = a;
  const TokenSpan *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->last != y->last)
    return x->last > y->last ? -1 : 1;
  return x->number < y->number ? -1 : x->number > y->number;
}

/* The index of the first token that ends after @offset. */
static guint
token_at_or_after (GArray *tokens,
                   guint   offset)
{
  guint lo = 0;
  guint hi = tokens->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (tokens, Token, mid).end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Tokens are the segmenter's words, cut again wherever a span begins or ends
 * inside one, so that every span is a whole number of tokens and comes back
 * exactly. A span of white space only has no token: it is reported. */
static gboolean
tokenize (AmExportWriter *w,
          AmExportDoc    *d,
          Tokenized      *t,
          GError        **error)
{
  const char *language = am_document_get_meta (d->doc, "language");
  g_autoptr(GArray) words = NULL;
  g_autoptr(GArray) cuts = g_array_sized_new (FALSE, FALSE, sizeof (guint), d->spans->len * 2);
  g_autoptr(GError) local_error = NULL;
  guint next_cut = 0;
  guint sentence = 0;
  guint *level_end = NULL;
  guint n_tokens;
  guint i;

  if (d->words != NULL && d->sentences != NULL)
    {
      words = g_array_ref (d->words);
      t->sentences = g_array_ref (d->sentences);
    }
  else if (!am_segment_words_and_sentences (d->text, language, &words, &t->sentences,
                                             &local_error))
    {
      g_set_error (error, AM_EXPORT_ERROR, AM_EXPORT_ERROR_SEGMENTATION,
                   _("%s: the text could not be cut into tokens: %s"), d->name,
                   local_error->message);
      return FALSE;
    }

  g_array_set_size (cuts, d->spans->len * 2);
  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      guint start = am_annotation_get_start (a);
      guint end = am_annotation_get_end (a);

      g_array_index (cuts, guint, 2 * i) = start;
      g_array_index (cuts, guint, 2 * i + 1) = end;
    }
  g_array_sort (cuts, compare_uint);

  /* Each cut adds at most one token: the array is sized once and filled in
   * place. */
  t->tokens = g_array_sized_new (FALSE, FALSE, sizeof (Token), words->len + cuts->len);
  g_array_set_size (t->tokens, words->len + cuts->len);
  n_tokens = 0;
  for (i = 0; i < words->len; i++)
    {
      AmSpan *word = &g_array_index (words, AmSpan, i);
      Token token = { word->start, word->end, 0 };

      while (next_cut < cuts->len && g_array_index (cuts, guint, next_cut) <= token.start)
        next_cut++;
      while (next_cut < cuts->len && g_array_index (cuts, guint, next_cut) < word->end)
        {
          token.end = g_array_index (cuts, guint, next_cut++);
          g_array_index (t->tokens, Token, n_tokens++) = token;
          token.start = token.end;
          token.end = word->end;
        }
      g_array_index (t->tokens, Token, n_tokens++) = token;
    }
  g_array_set_size (t->tokens, n_tokens);

  for (i = 0; i < t->tokens->len; i++)
    {
      Token *token = &g_array_index (t->tokens, Token, i);

      while (sentence + 1 < t->sentences->len &&
             token->start >= g_array_index (t->sentences, AmSpan, sentence).end)
        sentence++;
      token->sentence = sentence;
    }

  t->spans = g_array_sized_new (FALSE, FALSE, sizeof (TokenSpan), d->spans->len);
  for (i = 0; i < d->spans->len; i++)
    {
      AmAnnotation *a = g_ptr_array_index (d->spans, i);
      TokenSpan span = { a, 0, 0, 0, 0 };
      guint end = am_annotation_get_end (a);

      span.first = token_at_or_after (t->tokens, am_annotation_get_start (a));
      if (span.first >= t->tokens->len ||
          g_array_index (t->tokens, Token, span.first).start >= end)
        {
          _am_export_note (w, "%s: %s (%s) covers only white space and has no token: left out",
                           d->name, am_annotation_get_id (a), am_annotation_get_label (a));
          continue;
        }
      /* No token straddles a span's end: tokens were cut there. */
      span.last = token_at_or_after (t->tokens, end) - 1;
      span.number = t->spans->len + 1;
      g_array_append_val (t->spans, span);
    }

  /* Levels: each span goes to the first column still free at its first
   * token, longest first, so outer spans take column 1 and nested ones the
   * next. */
  {
    g_autoptr(GArray) order = g_array_copy (t->spans);

    g_array_sort (order, compare_token_spans);
    level_end = g_new0 (guint, order->len + 1);
    t->n_levels = 0;
    for (i = 0; i < order->len; i++)
      {
        TokenSpan *span = &g_array_index (order, TokenSpan, i);
        guint level = 0;

        /* level_end holds last token + 1 of each column's latest span. */
        while (level < t->n_levels && level_end[level] > span->first)
          level++;
        if (level == t->n_levels)
          t->n_levels++;
        level_end[level] = span->last + 1;
        g_array_index (t->spans, TokenSpan, span->number - 1).level = level;
      }
    g_free (level_end);
  }

  return TRUE;
}

/* Tokens come in text order: walking from the previous one to the next is
 * much cheaper than converting each offset from scratch. */
typedef struct
{
  AmText     *text;
  const char *utf8;
  guint       offset;
  gsize       byte;
  guint       utf16;
} Cursor;

static void
cursor_init (Cursor *c,
             AmText *text)
{
  c->text = text;
  c->utf8 = am_text_get_utf8 (text);
  c->offset = 0;
  c->byte = 0;
  c->utf16 = 0;
}

static void
cursor_move (Cursor *c,
             guint   offset)
{
  if (offset < c->offset || offset - c->offset > 256)
    {
      c->offset = offset;
      c->byte = am_text_offset_to_byte (c->text, offset);
      c->utf16 = am_text_offset_to_utf16 (c->text, offset);
      return;
    }
  while (c->offset < offset)
    {
      guchar ch = (guchar) c->utf8[c->byte];

      /* Four-byte sequences are the code points beyond the BMP. */
      c->utf16 += ch >= 0xF0 ? 2 : 1;
      c->byte = g_utf8_next_char (c->utf8 + c->byte) - c->utf8;
      c->offset++;
    }
}

/* For each token, the span of each column that covers it: a table of
 * n_tokens × n_levels span numbers (0 = none). */
static guint *
level_table (Tokenized *t)
{
  guint *table = g_new0 (guint, (gsize) t->tokens->len * MAX (t->n_levels, 1));
  guint i;

  for (i = 0; i < t->spans->len; i++)
    {
      TokenSpan *span = &g_array_index (t->spans, TokenSpan, i);
      guint k;

      for (k = span->first; k <= span->last; k++)
        table[(gsize) k * t->n_levels + span->level] = span->number;
    }
  return table;
}

/* CoNLL: "# doc_id = NAME", then one token a line, TAB, one BIO tag per
 * column; a blank line after each sentence. Overlapping spans go to further
 * columns, one per nesting level; every token line of a document has the
 * same number of columns (at least one). */
gboolean
_am_export_conll_document (AmExportWriter *w,
                           AmExportDoc    *d,
                           GError        **error)
{
  g_auto(Tokenized) t = { NULL, NULL, NULL, 0 };
  g_autofree guint *table = NULL;
  GString *buf = w->buf;
  gsize max_label = 0;
  Cursor cursor;
  guint i;

  if (!tokenize (w, d, &t, error))
    return FALSE;
  table = level_table (&t);
  cursor_init (&cursor, d->text);

  for (i = 0; i < t.spans->len; i++)
    {
      TokenSpan *span = &g_array_index (t.spans, TokenSpan, i);

      max_label = MAX (max_label, strlen (am_annotation_get_label (span->annotation)));
    }

  g_string_append (buf, "# doc_id = ");
  g_string_append (buf, d->name);
  g_string_append_c (buf, '\n');
  for (i = 0; i < t.tokens->len; i++)
    {
      Token *token = &g_array_index (t.tokens, Token, i);
      guint n_columns = MAX (t.n_levels, 1);
      gsize b0;
      gsize need;
      char *out;
      guint level;

      cursor_move (&cursor, token->start);
      b0 = cursor.byte;
      cursor_move (&cursor, token->end);

      /* A token line is written straight into the buffer, made large enough
       * first: a g_string_append () per piece was most of the writing. */
      need = cursor.byte - b0 + (gsize) n_columns * (3 + max_label) + 3;
      if (buf->len + need >= buf->allocated_len)
        {
          gsize len = buf->len;

          g_string_set_size (buf, len + need);
          g_string_truncate (buf, len);
        }
      out = buf->str + buf->len;
      memcpy (out, cursor.utf8 + b0, cursor.byte - b0);
      out += cursor.byte - b0;
      for (level = 0; level < n_columns; level++)
        {
          guint number = t.n_levels > 0 ? table[(gsize) i * t.n_levels + level] : 0;

          *out++ = '\t';
          if (number == 0)
            *out++ = 'O';
          else
            {
              TokenSpan *span = &g_array_index (t.spans, TokenSpan, number - 1);
              const char *label = am_annotation_get_label (span->annotation);
              gsize label_len = strlen (label);

              *out++ = span->first == i ? 'B' : 'I';
              *out++ = '-';
              memcpy (out, label, label_len);
              out += label_len;
            }
        }
      *out++ = '\n';
      if (i + 1 == t.tokens->len ||
          g_array_index (t.tokens, Token, i + 1).sentence != token->sentence)
        *out++ = '\n';
      *out = '\0';
      buf->len = out - buf->str;

      if (buf->len > 1 << 16 && !_am_export_flush (w, error))
        return FALSE;
    }
  if (t.tokens->len == 0)
    g_string_append_c (buf, '\n');

  return _am_export_flush (w, error);
}

/* WebAnno TSV 3.3 */

static void
append_tsv_value (GString    *buf,
                  const char *value)
{
  const char *p = value;

  while (TRUE)
    {
      gsize plain = strcspn (p, "\\[]|_;*-\t\n");

      _am_export_put (buf, p, plain);
      p += plain;
      if (*p == '\0')
        break;
      switch (*p)
        {
        case '\\': case '[': case ']': case '|': case '_': case ';': case '*':
          g_string_append_c (buf, '\\');
          g_string_append_c (buf, *p);
          break;
        case '-':
          if (p[1] == '>')
            g_string_append_c (buf, '\\');
          g_string_append_c (buf, '-');
          break;
        case '\t':
          g_string_append (buf, "\\t");
          break;
        case '\n':
          g_string_append (buf, "\\n");
          break;
        default:
          g_assert_not_reached ();
        }
      p++;
    }
}

static void
append_text_line (GString *buf,
                  AmText  *text,
                  guint    start,
                  guint    end)
{
  gsize b0 = am_text_offset_to_byte (text, start);
  gsize b1 = am_text_offset_to_byte (text, end);
  const char *p = am_text_get_utf8 (text) + b0;
  const char *stop = am_text_get_utf8 (text) + b1;

  /* As INCEpTION writes it: a line break starts a new #Text= line. */
  g_string_append (buf, "#Text=");
  for (; p < stop; p++)
    {
      if (*p == '\\')
        g_string_append (buf, "\\\\");
      else if (*p == '\t')
        g_string_append (buf, "\\t");
      else if (*p == '\n')
        g_string_append (buf, "\n#Text=");
      else
        g_string_append_c (buf, *p);
    }
  g_string_append_c (buf, '\n');
}

static void
append_address (GString   *buf,
                Tokenized *t,
                guint      token)
{
  Token *tok = &g_array_index (t->tokens, Token, token);
  guint first_of_sentence = token;

  while (first_of_sentence > 0 &&
         g_array_index (t->tokens, Token, first_of_sentence - 1).sentence == tok->sentence)
    first_of_sentence--;
  g_string_append_printf (buf, "%u-%u", tok->sentence + 1, token - first_of_sentence + 1);
}

static void
free_links (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/* One file per document: a span layer "webanno.custom.Argument" whose
 * "label" feature holds the label, and a relation layer
 * "webanno.custom.ArgumentRelation" between its spans. Every span carries an
 * id ("claim[3]") so that relations can name it even when stacked. Offsets
 * count UTF-16 code units, as Java does. */
gboolean
_am_export_webanno_document (AmExportWriter *w,
                             AmExportDoc    *d,
                             GError        **error)
{
  g_auto(Tokenized) t = { NULL, NULL, NULL, 0 };
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) relations_at = NULL;
  g_autofree guint *table = NULL;
  GString *buf = w->buf;
  guint sentence_start = 0;
  Cursor cursor;
  guint i;

  if (!tokenize (w, d, &t, error))
    return FALSE;
  table = level_table (&t);
  cursor_init (&cursor, d->text);

  for (i = 0; i < t.spans->len; i++)
    {
      TokenSpan *span = &g_array_index (t.spans, TokenSpan, i);

      g_hash_table_insert (by_id, (gpointer) am_annotation_get_id (span->annotation), span);
    }
  /* Relations sit on the first token of their target span. */
  relations_at = g_ptr_array_new_full (t.tokens->len, free_links);
  for (i = 0; i < t.tokens->len; i++)
    g_ptr_array_add (relations_at, NULL);
  for (i = 0; i < d->links->len; i++)
    {
      AmLink *link = g_ptr_array_index (d->links, i);
      TokenSpan *from = g_hash_table_lookup (by_id, am_link_get_from (link));
      TokenSpan *to = g_hash_table_lookup (by_id, am_link_get_to (link));
      GPtrArray *here;

      if (from == NULL || to == NULL)
        {
          _am_export_note (w, "%s: link %s joins a span without tokens: left out", d->name,
                           am_link_get_id (link));
          continue;
        }
      here = g_ptr_array_index (relations_at, to->first);
      if (here == NULL)
        {
          here = g_ptr_array_new ();
          g_ptr_array_index (relations_at, to->first) = here;
        }
      g_ptr_array_add (here, link);
    }

  g_string_append (buf, "#FORMAT=WebAnno TSV 3.3\n"
                        "#T_SP=webanno.custom.Argument|label\n"
                        "#T_RL=webanno.custom.ArgumentRelation|label|BT_webanno.custom.Argument\n"
                        "\n\n");

  for (i = 0; i < t.tokens->len; i++)
    {
      Token *token = &g_array_index (t.tokens, Token, i);
      GPtrArray *here = g_ptr_array_index (relations_at, i);
      gsize token_byte;
      gboolean any = FALSE;
      guint k;

      if (i == 0 || g_array_index (t.tokens, Token, i - 1).sentence != token->sentence)
        {
          guint last = i;

          while (last + 1 < t.tokens->len &&
                 g_array_index (t.tokens, Token, last + 1).sentence == token->sentence)
            last++;
          if (i > 0)
            g_string_append_c (buf, '\n');
          append_text_line (buf, d->text, token->start, g_array_index (t.tokens, Token, last).end);
          sentence_start = i;
        }

      cursor_move (&cursor, token->start);
      token_byte = cursor.byte;
      _am_export_append_uint (buf, token->sentence + 1);
      g_string_append_c (buf, '-');
      _am_export_append_uint (buf, i - sentence_start + 1);
      g_string_append_c (buf, '\t');
      _am_export_append_uint (buf, cursor.utf16);
      g_string_append_c (buf, '-');
      cursor_move (&cursor, token->end);
      _am_export_append_uint (buf, cursor.utf16);
      g_string_append_c (buf, '\t');
      _am_export_put (buf, cursor.utf8 + token_byte, cursor.byte - token_byte);
      g_string_append_c (buf, '\t');

      for (k = 0; k < t.n_levels; k++)
        {
          guint number = table[(gsize) i * t.n_levels + k];
          TokenSpan *span;

          if (number == 0)
            continue;
          span = &g_array_index (t.spans, TokenSpan, number - 1);
          if (any)
            g_string_append_c (buf, '|');
          append_tsv_value (buf, am_annotation_get_label (span->annotation));
          g_string_append_c (buf, '[');
          _am_export_append_uint (buf, span->number);
          g_string_append_c (buf, ']');
          any = TRUE;
        }
      if (any)
        g_string_append_c (buf, '\t');
      else
        _am_export_put_literal (buf, "_\t");

      if (here == NULL)
        _am_export_put_literal (buf, "_\t_\t\n");
      else
        {
          for (k = 0; k < here->len; k++)
            {
              if (k > 0)
                g_string_append_c (buf, '|');
              append_tsv_value (buf, am_link_get_relation (g_ptr_array_index (here, k)));
            }
          g_string_append_c (buf, '\t');
          for (k = 0; k < here->len; k++)
            {
              AmLink *link = g_ptr_array_index (here, k);
              TokenSpan *from = g_hash_table_lookup (by_id, am_link_get_from (link));
              TokenSpan *to = g_hash_table_lookup (by_id, am_link_get_to (link));

              if (k > 0)
                g_string_append_c (buf, '|');
              append_address (buf, &t, from->first);
              g_string_append_printf (buf, "[%u_%u]", from->number, to->number);
            }
          _am_export_put_literal (buf, "\t\n");
        }
    }

  if (!_am_export_write_file (w, d->name, ".tsv", buf->str, buf->len, error))
    return FALSE;
  g_string_truncate (buf, 0);
  return TRUE;
}
