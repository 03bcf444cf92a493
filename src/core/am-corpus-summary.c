/* am-corpus-summary.c: a document's title, status and counts, cheaply
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-corpus"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "am-corpus-private.h"

/* A corpus list must show thousands of documents in a second, so the
 * summary does not build models: it walks the JSON text once, looks at
 * "format", "meta.title" and "status", counts the elements of
 * "annotations" and "links" and skips everything else (the article text
 * above all) without copying it. Full validation waits until a document is
 * opened; a summary only needs to say when a file is plainly unreadable.
 */

#define MAX_DEPTH 512
#define MAX_TITLE_CHARS 200
/* Enough for the first line of any article. */
#define ARTICLE_HEAD_BYTES 8192

typedef struct
{
  const char *p;
  const char *end;
} Scan;

static void
skip_ws (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* On success, [*start, *stop) is the raw content between the quotes. */
static gboolean
scan_string (Scan        *s,
             const char **start,
             const char **stop)
{
  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  s->p++;
  *start = s->p;
  for (;;)
    {
      const char *q = s->p;
      gsize left = s->end - q;
      const char *quote = memchr (q, '"', left);
      const char *backslash;

      if (quote == NULL)
        return FALSE;
      backslash = memchr (q, '\\', quote - q);
      if (backslash == NULL)
        {
          *stop = quote;
          s->p = quote + 1;
          return TRUE;
        }
      if (backslash + 1 >= s->end)
        return FALSE;
      s->p = backslash + 2;
    }
}

static gboolean skip_value (Scan *s, guint depth);

static gboolean
skip_container (Scan *s,
                guint depth,
                guint *n_elements)
{
  gboolean object = *s->p == '{';
  char close = object ? '}' : ']';
  guint n = 0;

  if (depth >= MAX_DEPTH)
    return FALSE;
  s->p++;
  skip_ws (s);
  if (s->p < s->end && *s->p == close)
    {
      s->p++;
      if (n_elements != NULL)
        *n_elements = 0;
      return TRUE;
    }
  for (;;)
    {
      if (object)
        {
          const char *a, *b;

          if (!scan_string (s, &a, &b))
            return FALSE;
          skip_ws (s);
          if (s->p >= s->end || *s->p != ':')
            return FALSE;
          s->p++;
          skip_ws (s);
        }
      if (!skip_value (s, depth + 1))
        return FALSE;
      n++;
      skip_ws (s);
      if (s->p >= s->end)
        return FALSE;
      if (*s->p == close)
        {
          s->p++;
          if (n_elements != NULL)
            *n_elements = n;
          return TRUE;
        }
      if (*s->p != ',')
        return FALSE;
      s->p++;
      skip_ws (s);
    }
}

static gboolean
skip_value (Scan  *s,
            guint  depth)
{
  const char *a, *b;
  const char *start;

  if (s->p >= s->end)
    return FALSE;
  switch (*s->p)
    {
    case '"':
      return scan_string (s, &a, &b);

    case '{':
    case '[':
      return skip_container (s, depth, NULL);

    default:
      start = s->p;
      while (s->p < s->end &&
             (g_ascii_isalnum (*s->p) || *s->p == '-' || *s->p == '+' || *s->p == '.'))
        s->p++;
      return s->p > start;
    }
}

static gunichar
read_hex4 (const char *p)
{
  gunichar c = 0;
  int i;

  for (i = 0; i < 4; i++)
    {
      int v = g_ascii_xdigit_value (p[i]);

      if (v < 0)
        return (gunichar)-1;
      c = c * 16 + v;
    }
  return c;
}

/* NULL if the escapes or the UTF-8 are broken. */
static char *
decode_string (const char *start,
               const char *stop)
{
  g_autoptr(GString) out = g_string_sized_new (stop - start);
  const char *p = start;

  while (p < stop)
    {
      if (*p != '\\')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (p + 1 >= stop)
        return NULL;
      switch (p[1])
        {
        case '"': g_string_append_c (out, '"'); p += 2; break;
        case '\\': g_string_append_c (out, '\\'); p += 2; break;
        case '/': g_string_append_c (out, '/'); p += 2; break;
        case 'b': g_string_append_c (out, '\b'); p += 2; break;
        case 'f': g_string_append_c (out, '\f'); p += 2; break;
        case 'n': g_string_append_c (out, '\n'); p += 2; break;
        case 'r': g_string_append_c (out, '\r'); p += 2; break;
        case 't': g_string_append_c (out, '\t'); p += 2; break;
        case 'u':
          {
            gunichar c;

            if (stop - p < 6 || (c = read_hex4 (p + 2)) == (gunichar)-1)
              return NULL;
            p += 6;
            if (c >= 0xD800 && c < 0xDC00)
              {
                gunichar low;

                if (stop - p < 6 || p[0] != '\\' || p[1] != 'u' ||
                    (low = read_hex4 (p + 2)) == (gunichar)-1 ||
                    low < 0xDC00 || low >= 0xE000)
                  return NULL;
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                p += 6;
              }
            else if (c >= 0xDC00 && c < 0xE000)
              return NULL;
            if (c == 0)
              return NULL;
            g_string_append_unichar (out, c);
          }
          break;

        default:
          return NULL;
        }
    }

  if (!g_utf8_validate (out->str, out->len, NULL))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
raw_equal (const char *start,
           const char *stop,
           const char *literal)
{
  gsize len = strlen (literal);

  return (gsize)(stop - start) == len && memcmp (start, literal, len) == 0;
}

/* A title for one line of a list: whitespace runs become one space. */
static char *
tidy_title (const char *text,
            gsize       length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;
  const char *end = text + length;
  guint n_chars = 0;
  gboolean space = FALSE;

  while (p < end && n_chars < MAX_TITLE_CHARS)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        space = out->len > 0;
      else if (!g_unichar_iscntrl (c) && c != 0xFEFF)
        {
          if (space)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
          n_chars++;
        }
      p = g_utf8_next_char (p);
    }
  if (p < end)
    g_string_append (out, "…");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
fail (AmCorpusSummary *summary,
      const char      *problem)
{
  g_free (summary->problem);
  summary->problem = g_strdup (problem);
  return FALSE;
}

gboolean
_am_corpus_scan_document (const char      *data,
                          gsize            length,
                          AmCorpusSummary *summary)
{
  Scan s = { data, data + length };
  gboolean is_argumark = FALSE;
  const char *a, *b;

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    s.p += 3;
  skip_ws (&s);
  if (s.p >= s.end || *s.p != '{')
    return fail (summary, _("The file is not an Argumark document (it is not a JSON object)."));
  s.p++;
  skip_ws (&s);
  if (s.p < s.end && *s.p == '}')
    return fail (summary, _("The file is not an Argumark document (“format” is missing)."));

  for (;;)
    {
      const char *key_start, *key_stop;

      if (!scan_string (&s, &key_start, &key_stop))
        break;
      skip_ws (&s);
      if (s.p >= s.end || *s.p != ':')
        break;
      s.p++;
      skip_ws (&s);
      if (s.p >= s.end)
        break;

      if (raw_equal (key_start, key_stop, "format") && *s.p == '"')
        {
          if (!scan_string (&s, &a, &b))
            break;
          is_argumark = raw_equal (a, b, "argumark");
        }
      else if (raw_equal (key_start, key_stop, "status") && *s.p == '"')
        {
          g_autofree char *status = NULL;

          if (!scan_string (&s, &a, &b))
            break;
          status = decode_string (a, b);
          if (status == NULL || !am_document_status_from_string (status, &summary->status))
            {
              g_autofree char *message =
                g_strdup_printf (_("The status “%s” is not new, in-progress or done."),
                                 status != NULL ? status : "?");
              return fail (summary, message);
            }
        }
      else if ((raw_equal (key_start, key_stop, "annotations") ||
                raw_equal (key_start, key_stop, "links")) && *s.p == '[')
        {
          guint n = 0;
          gboolean annotations = (gsize)(key_stop - key_start) == strlen ("annotations");

          if (!skip_container (&s, 1, &n))
            break;
          if (annotations)
            summary->n_annotations = n;
          else
            summary->n_links = n;
        }
      else if (raw_equal (key_start, key_stop, "meta") && *s.p == '{')
        {
          /* Only "title" matters here; the rest is skipped key by key. */
          s.p++;
          skip_ws (&s);
          while (s.p < s.end && *s.p != '}')
            {
              const char *k1, *k2;

              if (!scan_string (&s, &k1, &k2))
                goto broken;
              skip_ws (&s);
              if (s.p >= s.end || *s.p != ':')
                goto broken;
              s.p++;
              skip_ws (&s);
              if (raw_equal (k1, k2, "title") && s.p < s.end && *s.p == '"')
                {
                  g_autofree char *title = NULL;

                  if (!scan_string (&s, &a, &b) || (title = decode_string (a, b)) == NULL)
                    goto broken;
                  g_free (summary->title);
                  summary->title = tidy_title (title, strlen (title));
                }
              else if (!skip_value (&s, 2))
                goto broken;
              skip_ws (&s);
              if (s.p < s.end && *s.p == ',')
                {
                  s.p++;
                  skip_ws (&s);
                }
              else if (s.p >= s.end || *s.p != '}')
                goto broken;
            }
          if (s.p >= s.end)
            break;
          s.p++;
        }
      else if (!skip_value (&s, 1))
        break;

      skip_ws (&s);
      if (s.p < s.end && *s.p == ',')
        {
          s.p++;
          skip_ws (&s);
          continue;
        }
      if (s.p < s.end && *s.p == '}')
        {
          if (!is_argumark)
            return fail (summary,
                         _("The file is not an Argumark document (“format” is not “argumark”)."));
          return TRUE;
        }
      break;
    }

broken:
  return fail (summary, _("The file is not valid JSON or is cut short; open it to see where."));
}

/* The first non-empty line, as am_document_new_from_article takes it. */
static char *
article_title (GFile        *article,
               GCancellable *cancellable,
               GError      **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = g_malloc (ARTICLE_HEAD_BYTES);
  g_autofree char *converted = NULL;
  const char *text;
  gsize n_read = 0;
  gsize length;
  const char *p, *end;

  stream = g_file_read (article, cancellable, error);
  if (stream == NULL)
    return NULL;
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, ARTICLE_HEAD_BYTES,
                                &n_read, cancellable, error))
    return NULL;

  text = buffer;
  length = n_read;
  if (length >= 2 && ((guchar)buffer[0] == 0xFF && (guchar)buffer[1] == 0xFE))
    {
      converted = g_convert (buffer + 2, (length - 2) & ~(gsize)1, "UTF-8", "UTF-16LE",
                             NULL, &length, NULL);
      text = converted;
    }
  else if (length >= 2 && ((guchar)buffer[0] == 0xFE && (guchar)buffer[1] == 0xFF))
    {
      converted = g_convert (buffer + 2, (length - 2) & ~(gsize)1, "UTF-8", "UTF-16BE",
                             NULL, &length, NULL);
      text = converted;
    }
  else if (length >= 3 && memcmp (buffer, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  if (text == NULL)
    return g_strdup ("");

  /* The buffer may end inside a character: keep the valid part. */
  g_utf8_validate (text, length, &p);
  end = p;
  p = text;
  while (p < end)
    {
      const char *eol = p;
      const char *q;

      while (eol < end && *eol != '\n' && *eol != '\r')
        eol++;
      for (q = p; q < eol; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (!g_unichar_isspace (c) && c != 0xA0 && c != 0xFEFF)
            return tidy_title (p, eol - p);
        }
      p = eol < end ? eol + 1 : end;
    }
  return g_strdup ("");
}

AmCorpusSummary *
_am_corpus_summarize (GFile        *article,
                      GFile        *document,
                      GCancellable *cancellable)
{
  g_autoptr(AmCorpusSummary) summary = g_new0 (AmCorpusSummary, 1);
  g_autoptr(GError) error = NULL;

  summary->status = AM_DOCUMENT_STATUS_NEW;

  if (document != NULL)
    {
      g_autofree char *data = NULL;
      gsize length = 0;

      if (!g_file_load_contents (document, cancellable, &data, &length, NULL, &error))
        {
          summary->problem = g_strdup (error->message);
          return g_steal_pointer (&summary);
        }
      _am_corpus_scan_document (data, length, summary);
    }

  if ((summary->title == NULL || summary->title[0] == '\0') && article != NULL)
    {
      g_autofree char *title = article_title (article, cancellable, &error);

      if (title == NULL && summary->problem == NULL)
        summary->problem = g_strdup (error->message);
      else if (title != NULL)
        {
          g_free (summary->title);
          summary->title = g_steal_pointer (&title);
        }
    }

  return g_steal_pointer (&summary);
}

AmCorpusSummary *
_am_corpus_summarize_document (AmDocument *document)
{
  AmCorpusSummary *summary = g_new0 (AmCorpusSummary, 1);

  summary->title = tidy_title (am_document_get_title (document),
                               strlen (am_document_get_title (document)));
  summary->status = am_document_get_status (document);
  summary->n_annotations = g_list_model_get_n_items (am_document_get_annotations (document));
  summary->n_links = g_list_model_get_n_items (am_document_get_links (document));
  return summary;
}
