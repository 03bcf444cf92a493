/* am-snap.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-snap"

#include "config.h"

#include "am-segmenter.h"
#include "am-snap.h"

G_DEFINE_ENUM_TYPE (AmSnapMode, am_snap_mode,
                    G_DEFINE_ENUM_VALUE (AM_SNAP_CHARACTERS, "characters"),
                    G_DEFINE_ENUM_VALUE (AM_SNAP_WORDS, "words"),
                    G_DEFINE_ENUM_VALUE (AM_SNAP_SENTENCES, "sentences"))

/* Line and paragraph separators: UAX #29 breaks words and sentences after
 * each of them, so segmenting only the paragraphs that a selection touches
 * gives the same boundaries as segmenting the whole text, and snapping in a
 * 1 MB article costs no more than in a short one.
 */
static gboolean
is_paragraph_separator (gunichar c)
{
  return c == '\n' || c == '\r' || c == 0x0085 || c == 0x2028 || c == 0x2029;
}

static gboolean
is_blank (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isspace (c))
    return TRUE;

  /* Zero-width spaces and joiners, direction marks, BOM, soft hyphen. */
  type = g_unichar_type (c);
  return type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT;
}

/* Quotes, brackets, dashes, full stops and commas are not part of what was
 * said. Symbols (currency, emoji) are, and so are the few punctuation marks
 * that belong to the word before or after them.
 */
static gboolean
is_trimmed_punctuation (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_CONNECT_PUNCTUATION:
    case G_UNICODE_DASH_PUNCTUATION:
    case G_UNICODE_OPEN_PUNCTUATION:
    case G_UNICODE_CLOSE_PUNCTUATION:
    case G_UNICODE_INITIAL_PUNCTUATION:
    case G_UNICODE_FINAL_PUNCTUATION:
      return TRUE;

    case G_UNICODE_OTHER_PUNCTUATION:
      return c != '%' && c != 0x2030 && c != 0x2031 && c != '#' && c != '@' && c != '&';

    default:
      return FALSE;
    }
}

static gboolean
is_trimmed (gunichar c,
            gboolean punctuation)
{
  return is_blank (c) || (punctuation && is_trimmed_punctuation (c));
}

/* The code-point range of the paragraphs that [start, end) touches. */
static void
paragraph_window (AmText *text,
                  guint   start,
                  guint   end,
                  guint  *window_start,
                  guint  *window_end)
{
  const char *utf8 = am_text_get_utf8 (text);
  const char *limit = utf8 + am_text_get_n_bytes (text);
  const char *p;

  p = utf8 + am_text_offset_to_byte (text, start);
  while (p > utf8)
    {
      const char *prev = g_utf8_prev_char (p);

      if (is_paragraph_separator (g_utf8_get_char (prev)))
        break;
      p = prev;
    }
  *window_start = am_text_byte_to_offset (text, p - utf8);

  p = utf8 + am_text_offset_to_byte (text, end);
  while (p < limit && !is_paragraph_separator (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  *window_end = am_text_byte_to_offset (text, p - utf8);
}

/* Widens [*start, *end) to the segments (words or sentences) that contain
 * its first and its last code point.
 */
static GArray *
segment (AmText      *text,
         const char  *language,
         AmSnapMode   mode,
         GError     **error)
{
  if (mode == AM_SNAP_SENTENCES)
    return am_segment_sentences (text, language, error);
  return am_segment_words (text, language, error);
}

static void
snap_outward (AmText     *text,
              const char *language,
              AmSnapMode  mode,
              guint      *start,
              guint      *end)
{
  g_autoptr(AmText) window = NULL;
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GError) error = NULL;
  guint window_start;
  guint window_end;
  gsize b0;
  gsize b1;
  guint first = *start;
  guint last = *end - 1;
  guint i;

  paragraph_window (text, *start, *end, &window_start, &window_end);
  b0 = am_text_offset_to_byte (text, window_start);
  b1 = am_text_offset_to_byte (text, window_end);
  window = am_text_new (am_text_get_utf8 (text) + b0, (gssize) (b1 - b0));

  spans = segment (window, language, mode, &error);
  if (spans == NULL && language != NULL)
    {
      g_debug ("Snapping without the language “%s”: %s", language, error->message);
      g_clear_error (&error);
      spans = segment (window, NULL, mode, &error);
    }

  /* ICU fails only when it cannot allocate; the selection then stays as
   * the user made it, which is still a valid span.
   */
  if (spans == NULL)
    {
      g_warning ("Cannot snap the selection: %s", error->message);
      return;
    }

  for (i = 0; i < spans->len; i++)
    {
      const AmSpan *span = &g_array_index (spans, AmSpan, i);
      guint span_start = span->start + window_start;
      guint span_end = span->end + window_start;

      if (span_start > last)
        break;
      if (span_start <= first && first < span_end)
        *start = span_start;
      if (span_start <= last && last < span_end)
        *end = span_end;
    }
}

gboolean
am_snap_span (AmText     *text,
              AmSnapMode  mode,
              guint       start,
              guint       end,
              guint      *out_start,
              guint      *out_end)
{
  return am_snap_span_for_language (text, NULL, mode, start, end, out_start, out_end);
}

gboolean
am_snap_span_for_language (AmText     *text,
                           const char *language,
                           AmSnapMode  mode,
                           guint       start,
                           guint       end,
                           guint      *out_start,
                           guint      *out_end)
{
  gboolean punctuation = mode != AM_SNAP_CHARACTERS;
  guint length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (mode <= AM_SNAP_SENTENCES, FALSE);

  length = am_text_get_length (text);
  if (start > end)
    {
      guint tmp = start;

      start = end;
      end = tmp;
    }
  start = MIN (start, length);
  end = MIN (end, length);
  if (start == end)
    return FALSE;

  if (language != NULL && language[0] == '\0')
    language = NULL;
  if (mode != AM_SNAP_CHARACTERS)
    snap_outward (text, language, mode, &start, &end);

  while (start < end && is_trimmed (am_text_get_char (text, start), punctuation))
    start++;
  while (end > start && is_trimmed (am_text_get_char (text, end - 1), punctuation))
    end--;

  if (start == end)
    return FALSE;

  if (out_start != NULL)
    *out_start = start;
  if (out_end != NULL)
    *out_end = end;

  return TRUE;
}
