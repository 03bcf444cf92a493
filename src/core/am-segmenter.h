/* am-segmenter.h: Unicode word and sentence boundaries (ICU break iterators)
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "am-text.h"

G_BEGIN_DECLS

/* A half-open range of code points, [start, end). */
typedef struct
{
  guint start;
  guint end;
} AmSpan;

/* Words, numbers and punctuation marks as UAX #29 word boundaries give them,
 * in text order, white space left out. @language is a BCP 47 tag or NULL.
 * Returns: (transfer full) (element-type AmSpan): the tokens, or NULL with
 * @error set if ICU fails.
 */
GArray   *am_segment_words               (AmText      *text,
                                          const char  *language,
                                          GError     **error);
/* Sentences as UAX #29 sentence boundaries give them, trailing white space
 * left out, in text order.
 */
GArray   *am_segment_sentences           (AmText      *text,
                                          const char  *language,
                                          GError     **error);
/* Both, converting the text for ICU once. Returns: FALSE with @error set if
 * ICU fails.
 */
gboolean  am_segment_words_and_sentences (AmText      *text,
                                          const char  *language,
                                          GArray     **words,
                                          GArray     **sentences,
                                          GError     **error);

G_END_DECLS
