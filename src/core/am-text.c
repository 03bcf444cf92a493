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

/* The text's SHA-256 is taken on every load, and GLib's is plain C. On x86-64
 * processors with the SHA extensions it is done with them instead, several
 * times faster; the result is the same digest.
 */
#if defined(__x86_64__) && defined(__GNUC__)
#include <cpuid.h>
#include <immintrin.h>

static const guint32 sha256_k[64] = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static gboolean
have_sha_extensions (void)
{
  static gsize checked = 0;
  static gboolean have = FALSE;

  if (g_once_init_enter (&checked))
    {
      unsigned int a, b, c, d;

      if (__get_cpuid (1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1) &&
          __get_cpuid_count (7, 0, &a, &b, &c, &d) && (b & bit_SHA))
        have = TRUE;
      g_once_init_leave (&checked, 1);
    }

  return have;
}

__attribute__ ((target ("sha,ssse3,sse4.1")))
static void
sha256_blocks (guint32       state[8],
               const guchar *data,
               gsize         n_blocks)
{
  const __m128i swap = _mm_set_epi64x (0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i state0, state1, tmp;

  /* The instructions want the state as ABEF and CDGH. */
  tmp = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[0]), 0xB1);
  state1 = _mm_shuffle_epi32 (_mm_loadu_si128 ((const __m128i *) &state[4]), 0x1B);
  state0 = _mm_alignr_epi8 (tmp, state1, 8);
  state1 = _mm_blend_epi16 (state1, tmp, 0xF0);

  for (; n_blocks > 0; n_blocks--, data += 64)
    {
      __m128i abef = state0;
      __m128i cdgh = state1;
      __m128i w[4];
      guint i;

      for (i = 0; i < 16; i++)
        {
          __m128i msg;

          if (i < 4)
            w[i] = _mm_shuffle_epi8 (_mm_loadu_si128 ((const __m128i *) (data + 16 * i)), swap);
          else
            {
              /* W[t-16] + s0(W[t-15]), + W[t-7], then + s1(W[t-2]). */
              __m128i x = _mm_sha256msg1_epu32 (w[i % 4], w[(i + 1) % 4]);

              x = _mm_add_epi32 (x, _mm_alignr_epi8 (w[(i + 3) % 4], w[(i + 2) % 4], 4));
              w[i % 4] = _mm_sha256msg2_epu32 (x, w[(i + 3) % 4]);
            }

          msg = _mm_add_epi32 (w[i % 4], _mm_loadu_si128 ((const __m128i *) &sha256_k[4 * i]));
          state1 = _mm_sha256rnds2_epu32 (state1, state0, msg);
          state0 = _mm_sha256rnds2_epu32 (state0, state1, _mm_shuffle_epi32 (msg, 0x0E));
        }

      state0 = _mm_add_epi32 (state0, abef);
      state1 = _mm_add_epi32 (state1, cdgh);
    }

  tmp = _mm_shuffle_epi32 (state0, 0x1B);
  state1 = _mm_shuffle_epi32 (state1, 0xB1);
  state0 = _mm_blend_epi16 (tmp, state1, 0xF0);
  state1 = _mm_alignr_epi8 (state1, tmp, 8);
  _mm_storeu_si128 ((__m128i *) &state[0], state0);
  _mm_storeu_si128 ((__m128i *) &state[4], state1);
}

static char *
sha256_hex (const guchar *data,
            gsize         length)
{
  static const char hex[] = "0123456789abcdef";
  guint32 state[8] = {
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  };
  guchar tail[128] = { 0 };
  gsize full = length / 64;
  gsize rest = length % 64;
  gsize tail_len = rest < 56 ? 64 : 128;
  guint64 bits = (guint64) length * 8;
  char *out;
  guint i;

  if (!have_sha_extensions ())
    return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);

  sha256_blocks (state, data, full);
  memcpy (tail, data + full * 64, rest);
  tail[rest] = 0x80;
  for (i = 0; i < 8; i++)
    tail[tail_len - 1 - i] = (guchar) (bits >> (8 * i));
  sha256_blocks (state, tail, tail_len / 64);

  out = g_malloc (65);
  for (i = 0; i < 32; i++)
    {
      guchar byte = (guchar) (state[i / 4] >> (24 - 8 * (i % 4)));

      out[2 * i] = hex[byte >> 4];
      out[2 * i + 1] = hex[byte & 0xf];
    }
  out[64] = '\0';

  return out;
}
#else
static char *
sha256_hex (const guchar *data,
            gsize         length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, length);
}
#endif

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
  self->sha256 = sha256_hex ((const guchar *) self->utf8, n_bytes);

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
  gsize n_chars = 0;
  gsize b0;
  gsize n;
  gsize i;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (quote != NULL, FALSE);

  if (start > end || end > self->length)
    return FALSE;

  /* Only the start is converted: bytes that match the text from there and
   * end at a character boundary are whole characters, so the quote is the
   * span if it has as many as the span. */
  b0 = am_text_offset_to_byte (self, start);
  n = strlen (quote);
  if (n > self->n_bytes - b0 || memcmp (self->utf8 + b0, quote, n) != 0)
    return FALSE;
  if (b0 + n < self->n_bytes && ((guchar) self->utf8[b0 + n] & 0xC0) == 0x80)
    return FALSE;

  for (i = 0; i < n; i++)
    n_chars += ((guchar) quote[i] & 0xC0) != 0x80;

  return n_chars == end - start;
}
