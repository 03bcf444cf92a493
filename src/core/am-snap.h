/* am-snap.h: widen a text selection to whole words or sentences
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "am-text.h"

G_BEGIN_DECLS

/* The nicks ("characters", "words", "sentences") are the values of the
 * org.argumark.Argumark.SnapMode settings enum, so g_settings_bind() maps
 * the snap-mode key onto an AmSnapMode property directly.
 */
typedef enum
{
  AM_SNAP_CHARACTERS,
  AM_SNAP_WORDS,
  AM_SNAP_SENTENCES,
} AmSnapMode;

#define AM_TYPE_SNAP_MODE (am_snap_mode_get_type ())

GType    am_snap_mode_get_type (void) G_GNUC_CONST;

/* Snaps the code-point range [@start, @end) of @text by @mode: outward to the
 * words or sentences it touches, then trims white space (any Unicode space,
 * NBSP included, and invisible format characters) and punctuation (quotes,
 * brackets, dashes, full stops, commas; not symbols such as % or emoji)
 * from both ends. AM_SNAP_CHARACTERS keeps the ends the user chose and trims
 * only white space. A range given backwards is taken in order.
 * Returns: TRUE and the snapped range in @out_start and @out_end, or FALSE
 * (outputs untouched) if nothing but space and punctuation remains.
 */
gboolean am_snap_span          (AmText     *text,
                                AmSnapMode  mode,
                                guint       start,
                                guint       end,
                                guint      *out_start,
                                guint      *out_end);
/* The same with the words and sentences of @language (a BCP 47 tag such as
 * a document's "language" metadata, or NULL): in "en", "Mr. Smith" does
 * not end a sentence at "Mr.". A tag ICU cannot read counts as NULL.
 */
gboolean am_snap_span_for_language (AmText     *text,
                                    const char *language,
                                    AmSnapMode  mode,
                                    guint       start,
                                    guint       end,
                                    guint      *out_start,
                                    guint      *out_end);

G_END_DECLS
