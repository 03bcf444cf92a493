/* am-text.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-text"

#include "config.h"

#include <string.h>

#include "am-text-private.h"

/* An article is stored once as UTF-8, but offsets are code points and some
 * formats count UTF-16 units. Converting by walking the string from the start
 * makes 20,000 annotations on a 1 MB article quadratic, so a checkpoint every
 * STRIDE code points keeps each conversion to a short walk.
 */
#define STRIDE 64

struct _AmText
{
  gatomicrefcount  ref_count;
  char            *utf8;
  gsize            n_bytes;
  guint            length;
  guint            utf16_length;
  char            *sha256;
  /* For checkpoint i (code point i * STRIDE): its byte and UTF-16 offsets. */
  gsize           *byte_at;
  guint           *utf16_at;
  guint            n_checkpoints;
  guint            ascii : 1;
};

G_DEFINE_BOXED_TYPE (AmText, am_text, am_text_ref, am_text_unref)

/**
 * am_text_new:
 * @utf8: valid UTF-8 text
 * @n_bytes: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer full): an immutable, indexed copy of @utf8
 */
AmText *
am_text_new (const char *utf8,
             gssize      n_bytes)
{
  g_return_val_if_fail (utf8 != NULL, NULL);

  if (n_bytes < 0)
    n_bytes = strlen (utf8);

  g_return_val_if_fail (g_utf8_validate (utf8, n_bytes, NULL), NULL);

  return _am_text_new_valid (utf8, n_bytes);
}

AmText *
_am_text_new_valid (const char *utf8,
                    gsize       n_bytes)
{
  AmText *self;
  const char *p;
  const char *end;
  guint length;
  guint utf16_length;

  self = g_new0 (AmText, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->utf8 = g_strndup (utf8, n_bytes);
  self->n_bytes = n_bytes;
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) self->utf8, n_bytes);

  /* One pass over the bytes counts code points and UTF-16 units and notes
   * the checkpoints; there are at most as many code points as bytes.
   */
  self->byte_at = g_new (gsize, n_bytes / STRIDE + 1);
  self->utf16_at = g_new (guint, n_bytes / STRIDE + 1);
  p = self->utf8;
  end = self->utf8 + n_bytes;
  length = 0;
  utf16_length = 0;
  for (; p < end; p++)
    {
      guchar c = (guchar) *p;

      /* Continuation bytes start no code point. */
      if ((c & 0xC0) == 0x80)
        continue;
      if (length % STRIDE == 0)
        {
          self->byte_at[length / STRIDE] = p - self->utf8;
          self->utf16_at[length / STRIDE] = utf16_length;
        }
      length++;
      /* Four-byte sequences are exactly the code points beyond the BMP. */
      utf16_length += c >= 0xF0 ? 2 : 1;
    }
  if (length % STRIDE == 0)
    {
      self->byte_at[length / STRIDE] = n_bytes;
      self->utf16_at[length / STRIDE] = utf16_length;
    }
  self->length = length;
  self->utf16_length = utf16_length;
  self->ascii = length == n_bytes;
  self->n_checkpoints = length / STRIDE + 1;
  self->byte_at = g_renew (gsize, self->byte_at, self->n_checkpoints);
  self->utf16_at = g_renew (guint, self->utf16_at, self->n_checkpoints);

  return self;
}

AmText *
am_text_ref (AmText *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
am_text_unref (AmText *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->utf8);
      g_free (self->sha256);
      g_free (self->byte_at);
      g_free (self->utf16_at);
      g_free (self);
    }
}

const char *
am_text_get_utf8 (AmText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->utf8;
}

gsize
am_text_get_n_bytes (AmText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_bytes;
}

/**
 * am_text_get_length:
 *
 * Returns: the number of Unicode code points
 */
guint
am_text_get_length (AmText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->length;
}

guint
am_text_get_utf16_length (AmText *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->utf16_length;
}

/**
 * am_text_get_sha256:
 *
 * Returns: the lower-case hex SHA-256 of the UTF-8 bytes
 */
const char *
am_text_get_sha256 (AmText *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->sha256;
}

/**
 * am_text_offset_to_byte:
 * @offset: a code point offset, at most the length
 *
 * Returns: the byte offset of code point @offset
 */
gsize
am_text_offset_to_byte (AmText *self,
                        guint   offset)
{
  const char *p;
  guint i;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (offset <= self->length, self->n_bytes);

  if (self->ascii)
    return offset;

  p = self->utf8 + self->byte_at[offset / STRIDE];
  for (i = offset - offset % STRIDE; i < offset; i++)
    p = g_utf8_next_char (p);

  return p - self->utf8;
}

/**
 * am_text_byte_to_offset:
 * @byte: a byte offset at a character boundary, at most the byte length
 *
 * Returns: the code point offset of @byte
 */
guint
am_text_byte_to_offset (AmText *self,
                        gsize   byte)
{
  guint lo;
  guint hi;
  guint offset;
  const char *p;
  const char *target;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (byte <= self->n_bytes, self->length);

  if (self->ascii)
    return byte;

  lo = 0;
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->byte_at[mid] <= byte)
        lo = mid;
      else
        hi = mid;
    }

  offset = lo * STRIDE;
  p = self->utf8 + self->byte_at[lo];
  target = self->utf8 + byte;
  while (p < target)
    {
      p = g_utf8_next_char (p);
      offset++;
    }

  return offset;
}

/**
 * am_text_substring:
 *
 * Returns: (transfer full): the code points from @start to @end (exclusive)
 */
char *
am_text_substring (AmText *self,
                   guint   start,
                   guint   end)
{
  gsize b0;
  gsize b1;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (end <= self->length, NULL);

  b0 = am_text_offset_to_byte (self, start);
  b1 = am_text_offset_to_byte (self, end);

  return g_strndup (self->utf8 + b0, b1 - b0);
}

gunichar
am_text_get_char (AmText *self,
                  guint   offset)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (offset < self->length, 0);

  return g_utf8_get_char (self->utf8 + am_text_offset_to_byte (self, offset));
}

/**
 * am_text_offset_to_utf16:
 * @offset: a code point offset, at most the length
 *
 * Returns: the same position counted in UTF-16 code units
 */
guint
am_text_offset_to_utf16 (AmText *self,
                         guint   offset)
{
  const char *p;
  guint units;
  guint i;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (offset <= self->length, self->utf16_length);

  if (self->ascii)
    return offset;

  units = self->utf16_at[offset / STRIDE];
  p = self->utf8 + self->byte_at[offset / STRIDE];
  for (i = offset - offset % STRIDE; i < offset; i++)
    {
      units += (guchar) *p >= 0xF0 ? 2 : 1;
      p = g_utf8_next_char (p);
    }

  return units;
}

/**
 * am_text_utf16_to_offset:
 * @utf16: a position in UTF-16 code units
 * @offset: (out): the code point offset
 *
 * Returns: %FALSE if @utf16 is past the end or falls inside a surrogate pair
 */
gboolean
am_text_utf16_to_offset (AmText *self,
                         guint   utf16,
                         guint  *offset)
{
  guint lo;
  guint hi;
  guint units;
  guint cp;
  const char *p;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (offset != NULL, FALSE);

  if (utf16 > self->utf16_length)
    return FALSE;

  if (self->ascii)
    {
      *offset = utf16;
      return TRUE;
    }

  lo = 0;
  hi = self->n_checkpoints;
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->utf16_at[mid] <= utf16)
        lo = mid;
      else
        hi = mid;
    }

  cp = lo * STRIDE;
  units = self->utf16_at[lo];
  p = self->utf8 + self->byte_at[lo];
  while (units < utf16)
    {
      units += (guchar) *p >= 0xF0 ? 2 : 1;
      p = g_utf8_next_char (p);
      cp++;
    }

  *offset = cp;
  return units == utf16;
}

/**
 * am_text_equal_at:
 *
 * Returns: whether the code points from @start to @end are exactly @quote
 */
gboolean
am_text_equal_at (AmText     *self,
                  guint       start,
                  guint       end,
                  const char *quote)
{
  gsize b0;
  gsize b1;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (start > end || end > self->length)
    return FALSE;

  b0 = am_text_offset_to_byte (self, start);
  b1 = am_text_offset_to_byte (self, end);

  return strlen (quote) == b1 - b0 && memcmp (self->utf8 + b0, quote, b1 - b0) == 0;
}
