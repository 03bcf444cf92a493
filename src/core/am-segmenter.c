/* am-segmenter.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-segmenter"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/utf16.h>

#include "am-error.h"
#include "am-segmenter.h"

/* Only code points that show nothing on their own: a segment made of these
 * alone (spaces, line breaks, NBSP, a stray ZWJ or BOM) is not a token.
 */
static gboolean
is_blank (gunichar c)
{
  int8_t category;

  /* ASCII without asking ICU: white space and controls are the bytes up to
   * the space, and DEL. */
  if (c < 0x80)
    return c <= 0x20 || c == 0x7F;

  if (u_isUWhiteSpace ((UChar32) c))
    return TRUE;

  category = u_charType ((UChar32) c);
  return category == U_CONTROL_CHAR || category == U_FORMAT_CHAR;
}

static void
set_icu_error (GError     **error,
               UErrorCode   status)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Unicode segmentation failed: %s"), u_errorName (status));
}

/* ICU wants a locale id such as "zh_Hant_TW"; the documents carry BCP 47
 * tags such as "zh-Hant-TW". NULL or "" is the root locale: the default
 * UAX #29 rules, with ICU's dictionaries for Thai, Lao, Khmer, Burmese,
 * Chinese and Japanese whatever the locale.
 */
static gboolean
locale_from_language (const char  *language,
                      char        *locale,
                      gsize        size,
                      GError     **error)
{
  UErrorCode status = U_ZERO_ERROR;
  int32_t parsed = 0;
  int32_t length;

  locale[0] = '\0';
  if (language == NULL || language[0] == '\0')
    return TRUE;

  length = uloc_forLanguageTag (language, locale, (int32_t) size, &parsed, &status);
  if (U_FAILURE (status) || status == U_STRING_NOT_TERMINATED_WARNING ||
      length <= 0 || (gsize) parsed != strlen (language))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not a language tag (BCP 47, such as “en” or “zh-Hant”)"),
                   language);
      return FALSE;
    }

  return TRUE;
}

/* The text in UTF-16, as ICU reads it, and where each surrogate pair
 * starts: a boundary at unit u is code point u minus the pairs before it.
 */
typedef struct
{
  UChar   *units;
  int32_t  n_units;
  GArray  *pairs;  /* int32_t, increasing */
} Utf16;

static void
utf16_clear (Utf16 *u)
{
  g_clear_pointer (&u->units, g_free);
  g_clear_pointer (&u->pairs, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Utf16, utf16_clear)

/* ICU reports boundaries in increasing order and never inside a surrogate
 * pair, so one walk through the pairs converts them all. */
typedef struct
{
  const Utf16 *utf16;
  guint        n_pairs;
} Walker;

static guint
walker_advance (Walker  *walker,
                int32_t  unit)
{
  const GArray *pairs = walker->utf16->pairs;

  while (walker->n_pairs < pairs->len && g_array_index (pairs, int32_t, walker->n_pairs) < unit)
    walker->n_pairs++;

  return (guint) unit - walker->n_pairs;
}

/* Opening a break iterator builds its rules and, for sentences in a
 * language, the trie of abbreviations that do not end a sentence: far more
 * work than segmenting a news article. One template per type and locale is
 * opened once and cloned for each text; clones share the rules.
 */
static GMutex      templates_lock;
static GHashTable *templates;

static UBreakIterator *
open_iterator (UBreakIteratorType  type,
               const char         *locale,
               UErrorCode         *status)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", (int) type, locale);
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&templates_lock);
  UBreakIterator *template;

  if (templates == NULL)
    templates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) ubrk_close);

  template = g_hash_table_lookup (templates, key);
  if (template == NULL)
    {
      template = ubrk_open (type, locale, NULL, 0, status);
      if (U_FAILURE (*status))
        return NULL;
      g_hash_table_insert (templates, g_steal_pointer (&key), template);
    }

  /* Under the lock: a template is not to be read by two threads at once. */
  return ubrk_clone (template, status);
}

/* AmText holds valid UTF-8 only, so this converts without checking, in one
 * pass, eight ASCII bytes at a time where it can; @units has room for one
 * unit per byte, which is always enough.
 */
static void
utf16_init (Utf16  *u,
            AmText *text)
{
  const guchar *p = (const guchar *) am_text_get_utf8 (text);
  const guchar *end = p + am_text_get_n_bytes (text);
  UChar *units = g_new (UChar, am_text_get_n_bytes (text) + 1);
  int32_t n = 0;
  guint i;

  u->pairs = g_array_new (FALSE, FALSE, sizeof (int32_t));
  while (p < end)
    {
      guchar b = *p;
      UChar32 c;

      if (end - p >= 8)
        {
          guint64 word;

          memcpy (&word, p, sizeof word);
          if ((word & G_GUINT64_CONSTANT (0x8080808080808080)) == 0)
            {
              for (i = 0; i < 8; i++)
                units[n + i] = p[i];
              n += 8;
              p += 8;
              continue;
            }
        }
      if (b < 0x80)
        {
          units[n++] = b;
          p++;
          continue;
        }
      if (b < 0xE0)
        {
          c = ((b & 0x1F) << 6) | (p[1] & 0x3F);
          p += 2;
        }
      else if (b < 0xF0)
        {
          c = ((b & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
          p += 3;
        }
      else
        {
          c = ((b & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
          p += 4;
        }
      if (c < 0x10000)
        units[n++] = (UChar) c;
      else
        {
          g_array_append_val (u->pairs, n);
          units[n++] = U16_LEAD (c);
          units[n++] = U16_TRAIL (c);
        }
    }

  u->units = units;
  u->n_units = n;
}

/* Appending one span at a time through g_array_append_val () was a good
 * part of the cost: spans are gathered here and appended in batches. */
typedef struct
{
  GArray *spans;
  AmSpan  batch[256];
  guint   n;
} Collector;

static inline void
collector_add (Collector *c,
               guint      start,
               guint      end)
{
  if (c->n == G_N_ELEMENTS (c->batch))
    {
      g_array_append_vals (c->spans, c->batch, c->n);
      c->n = 0;
    }
  c->batch[c->n].start = start;
  c->batch[c->n].end = end;
  c->n++;
}

static GArray *
segment_utf16 (const Utf16         *utf16,
               const char          *language_locale,
               UBreakIteratorType   type,
               GError             **error)
{
  Collector collector;
  char locale[ULOC_FULLNAME_CAPACITY];
  const UChar *units = utf16->units;
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iter;
  Walker walker = { utf16, 0 };
  int32_t from;
  int32_t next;

  g_strlcpy (locale, language_locale, sizeof locale);

  /* "Mr. Smith" is one sentence: ICU's sentence break suppressions (the
   * abbreviations of the language, from CLDR) keep it together. The root
   * locale has no such list.
   */
  if (type == UBRK_SENTENCE && locale[0] != '\0')
    {
      uloc_setKeywordValue ("ss", "standard", locale, sizeof locale, &status);
      if (U_FAILURE (status))
        {
          set_icu_error (error, status);
          return NULL;
        }
    }

  collector.spans = g_array_sized_new (FALSE, FALSE, sizeof (AmSpan),
                                       type == UBRK_WORD ? utf16->n_units / 4 + 1 : 16);
  collector.n = 0;
  if (utf16->n_units == 0)
    return collector.spans;

  iter = open_iterator (type, locale, &status);
  if (U_FAILURE (status))
    {
      g_array_unref (collector.spans);
      set_icu_error (error, status);
      return NULL;
    }
  ubrk_setText (iter, units, utf16->n_units, &status);
  if (U_FAILURE (status))
    {
      ubrk_close (iter);
      g_array_unref (collector.spans);
      set_icu_error (error, status);
      return NULL;
    }

  from = ubrk_first (iter);
  for (next = ubrk_next (iter); next != UBRK_DONE; from = next, next = ubrk_next (iter))
    {
      int32_t start = from;
      int32_t end = next;

      /* White space around a segment is not part of it: a sentence
       * keeps neither the line breaks after it nor the indentation before
       * it, and a word keeps no narrow no-break space, which UAX #29
       * attaches to numbers ("5\u202F%"). Segments of white space alone
       * (spaces between words, blank lines) are dropped.
       */
      while (start < end)
        {
          int32_t i = start;
          UChar32 c;

          U16_NEXT (units, i, end, c);
          if (!is_blank ((gunichar) c))
            break;
          start = i;
        }
      while (end > start)
        {
          int32_t i = end;
          UChar32 c;

          U16_PREV (units, start, i, c);
          if (!is_blank ((gunichar) c))
            break;
          end = i;
        }
      if (start == end)
        continue;

      start = walker_advance (&walker, start);
      collector_add (&collector, start, walker_advance (&walker, end));
    }
  g_array_append_vals (collector.spans, collector.batch, collector.n);

  ubrk_close (iter);

  return collector.spans;
}

/* Words into *@words and sentences into *@sentences, either may be NULL:
 * the text is converted to UTF-16 once for both. */
static gboolean
segment (AmText      *text,
         const char  *language,
         GArray     **words,
         GArray     **sentences,
         GError     **error)
{
  g_auto(Utf16) utf16 = { NULL, 0, NULL };
  g_autoptr(GArray) word_spans = NULL;
  g_autoptr(GArray) sentence_spans = NULL;
  char locale[ULOC_FULLNAME_CAPACITY];

  if (!locale_from_language (language, locale, sizeof locale, error))
    return FALSE;

  if (am_text_get_utf16_length (text) > G_MAXINT32)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("The text is too long to be split into words and sentences"));
      return FALSE;
    }

  utf16_init (&utf16, text);
  if (words != NULL &&
      !(word_spans = segment_utf16 (&utf16, locale, UBRK_WORD, error)))
    return FALSE;
  if (sentences != NULL &&
      !(sentence_spans = segment_utf16 (&utf16, locale, UBRK_SENTENCE, error)))
    return FALSE;

  if (words != NULL)
    *words = g_steal_pointer (&word_spans);
  if (sentences != NULL)
    *sentences = g_steal_pointer (&sentence_spans);
  return TRUE;
}

/**
 * am_segment_words:
 * @text: the text
 * @language: (nullable): a BCP 47 language tag, or %NULL for the root locale
 * @error: return location for a #GError
 *
 * Splits @text at Unicode word boundaries (UAX #29 as ICU implements it,
 * with its dictionaries for languages written without spaces). Every
 * segment that is not pure white space is a token: words, numbers,
 * punctuation marks, emoji (a ZWJ sequence or a flag stays one token).
 *
 * Returns: (transfer full) (element-type AmSpan): the tokens in text order
 */
GArray *
am_segment_words (AmText      *text,
                  const char  *language,
                  GError     **error)
{
  GArray *words = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  segment (text, language, &words, NULL, error);
  return words;
}

/**
 * am_segment_sentences:
 * @text: the text
 * @language: (nullable): a BCP 47 language tag, or %NULL for the root locale
 * @error: return location for a #GError
 *
 * Splits @text at Unicode sentence boundaries (UAX #29 as ICU implements
 * it). White space around each sentence is left out, and segments that are
 * nothing but white space (blank lines) are dropped.
 *
 * Returns: (transfer full) (element-type AmSpan): the sentences in text order
 */
GArray *
am_segment_sentences (AmText      *text,
                      const char  *language,
                      GError     **error)
{
  GArray *sentences = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  segment (text, language, NULL, &sentences, error);
  return sentences;
}

/**
 * am_segment_words_and_sentences:
 * @text: the text
 * @language: (nullable): a BCP 47 language tag, or %NULL for the root locale
 * @words: (out) (transfer full) (element-type AmSpan): the tokens
 * @sentences: (out) (transfer full) (element-type AmSpan): the sentences
 * @error: return location for a #GError
 *
 * Does what am_segment_words() and am_segment_sentences() do, for less
 * than the two cost apart.
 *
 * Returns: %FALSE with @error set (and nothing in @words or @sentences) if
 *   @language is not a language tag or ICU fails
 */
gboolean
am_segment_words_and_sentences (AmText      *text,
                                const char  *language,
                                GArray     **words,
                                GArray     **sentences,
                                GError     **error)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (words != NULL, FALSE);
  g_return_val_if_fail (sentences != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return segment (text, language, words, sentences, error);
}
