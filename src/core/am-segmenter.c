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

typedef struct
{
  const UChar     *utf16;
  /* Where the walk has got to, in UTF-16 units and in code points. ICU
   * reports boundaries in increasing order and never inside a surrogate
   * pair, so one forward walk converts them all in linear time.
   */
  int32_t          unit;
  guint            offset;
} Walker;

static guint
walker_advance (Walker  *walker,
                int32_t  unit)
{
  while (walker->unit < unit)
    {
      if (U16_IS_LEAD (walker->utf16[walker->unit]))
        walker->unit += 2;
      else
        walker->unit += 1;
      walker->offset++;
    }

  return walker->offset;
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
 * pass; @units has room for one unit per byte, which is always enough.
 */
static int32_t
utf8_to_utf16 (const char *utf8,
               gsize       n_bytes,
               UChar      *units)
{
  const guchar *p = (const guchar *) utf8;
  const guchar *end = p + n_bytes;
  int32_t n = 0;

  while (p < end)
    {
      guchar b = *p;
      UChar32 c;

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
          units[n++] = U16_LEAD (c);
          units[n++] = U16_TRAIL (c);
        }
    }

  return n;
}

static GArray *
segment (AmText             *text,
         const char         *language,
         UBreakIteratorType  type,
         GError            **error)
{
  g_autofree UChar *units = NULL;
  g_autoptr(GArray) spans = NULL;
  char locale[ULOC_FULLNAME_CAPACITY];
  UErrorCode status = U_ZERO_ERROR;
  UBreakIterator *iter;
  int32_t n_units;
  Walker walker;
  int32_t from;
  int32_t next;

  if (!locale_from_language (language, locale, sizeof locale, error))
    return NULL;

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

  spans = g_array_new (FALSE, FALSE, sizeof (AmSpan));
  if (am_text_get_length (text) == 0)
    return g_steal_pointer (&spans);

  if (am_text_get_utf16_length (text) > G_MAXINT32)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("The text is too long to be split into words and sentences"));
      return NULL;
    }

  units = g_new (UChar, am_text_get_n_bytes (text) + 1);
  n_units = utf8_to_utf16 (am_text_get_utf8 (text), am_text_get_n_bytes (text), units);

  iter = open_iterator (type, locale, &status);
  if (U_FAILURE (status))
    {
      set_icu_error (error, status);
      return NULL;
    }
  ubrk_setText (iter, units, n_units, &status);
  if (U_FAILURE (status))
    {
      ubrk_close (iter);
      set_icu_error (error, status);
      return NULL;
    }

  walker.utf16 = units;
  walker.unit = 0;
  walker.offset = 0;

  from = ubrk_first (iter);
  for (next = ubrk_next (iter); next != UBRK_DONE; from = next, next = ubrk_next (iter))
    {
      int32_t start = from;
      int32_t end = next;
      AmSpan span;

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

      span.start = walker_advance (&walker, start);
      span.end = walker_advance (&walker, end);
      g_array_append_val (spans, span);
    }

  ubrk_close (iter);

  return g_steal_pointer (&spans);
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
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return segment (text, language, UBRK_WORD, error);
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
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return segment (text, language, UBRK_SENTENCE, error);
}
