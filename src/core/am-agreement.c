/* am-agreement.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-agreement"
/* memmem */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "am-agreement.h"
#include "am-agreement-private.h"
#include "am-diff-private.h"
#include "am-label.h"
#include "am-segmenter.h"

/* Inter-annotator agreement over several documents of one article. The
 * definitions (and why every measure counts a boundary disagreement as a
 * disagreement) are in docs/agreement.md; the comments here only explain
 * choices the formulas do not dictate.
 */

#define MAX_LABELS 64

typedef struct
{
  GQuark relation;
  guint  from;
  guint  to;
} LinkRef;

typedef struct
{
  char       *name;
  AmDocument *document;
  gboolean    missing;
  GArray     *spans;         /* AmAgreementSpan, sorted by start, end, label */
  GArray     *links;         /* LinkRef, span indices */
  guint64    *masks;         /* per unit: bit l set when a span of label l covers it */
  guint      *n_spans;       /* per label */
} Rater;

struct _AmAgreement
{
  GObject            parent_instance;

  AmAgreementUnits   units;
  AmText            *text;
  guint              n_units;
  GPtrArray         *labels;      /* char*, label ids */
  Rater             *raters;
  guint              n_raters;
  guint              n_moved;
  guint              n_unplaced;

  /* (n_labels + 1) scores per pair (a < b), the last one for all labels */
  AmAgreementScores *pair_scores;
  AmAgreementScores *group_scores;
};

G_DEFINE_FINAL_TYPE (AmAgreement, am_agreement, G_TYPE_OBJECT)

static void
am_agreement_finalize (GObject *object)
{
  AmAgreement *self = (AmAgreement *)object;
  guint i;

  for (i = 0; i < self->n_raters; i++)
    {
      Rater *r = &self->raters[i];

      g_free (r->name);
      g_clear_object (&r->document);
      g_clear_pointer (&r->spans, g_array_unref);
      g_clear_pointer (&r->links, g_array_unref);
      g_free (r->masks);
      g_free (r->n_spans);
    }
  g_free (self->raters);
  g_clear_pointer (&self->text, am_text_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_free (self->pair_scores);
  g_free (self->group_scores);

  G_OBJECT_CLASS (am_agreement_parent_class)->finalize (object);
}

static void
am_agreement_class_init (AmAgreementClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_agreement_finalize;
}

static void
am_agreement_init (AmAgreement *self)
{
}

/* ---------------------------------------------------------------------- */
/* Aligning a document of the same article onto the reference text        */

/* The occurrence of @quote (@quote_len bytes) in @text whose start is
 * nearest to @hint, the earlier one on a tie. Searching outwards from @hint
 * (forwards once, backwards in doubling windows) keeps re-anchoring an
 * edited article linear in practice: most quotes are found at or near the
 * place they moved to.
 */
static gboolean
find_nearest_quote (AmText     *text,
                    const char *quote,
                    gsize       quote_len,
                    guint       hint,
                    guint      *start)
{
  const char *utf8 = am_text_get_utf8 (text);
  gsize n_bytes = am_text_get_n_bytes (text);
  gsize hint_byte;
  const char *forward = NULL;
  const char *backward = NULL;
  guint forward_distance = G_MAXUINT;
  gsize low;
  gsize width = 256;

  if (quote_len == 0 || quote_len > n_bytes)
    return FALSE;

  hint = MIN (hint, am_text_get_length (text));
  hint_byte = am_text_offset_to_byte (text, hint);
  if (hint_byte + quote_len <= n_bytes && memcmp (utf8 + hint_byte, quote, quote_len) == 0)
    {
      *start = hint;
      return TRUE;
    }

  /* Both texts are valid UTF-8, so a match always starts on a character. */
  forward = memmem (utf8 + hint_byte, n_bytes - hint_byte, quote, quote_len);
  if (forward != NULL)
    forward_distance = am_text_byte_to_offset (text, forward - utf8) - hint;

  low = hint_byte;
  while (low > 0)
    {
      gsize from = low > width ? low - width : 0;
      const char *limit = utf8 + MIN (low - 1 + quote_len, n_bytes);
      const char *p = utf8 + from;
      const char *match;

      /* The last match starting in [from, low). */
      while (p < limit && (match = memmem (p, limit - p, quote, quote_len)) != NULL)
        {
          backward = match;
          p = match + 1;
        }
      if (backward != NULL)
        break;
      /* Anything further back is at least (hint_byte - from) / 4 code points
       * away: no nearer than the forward match.
       */
      if (forward != NULL && (hint_byte - from) / 4 > forward_distance)
        break;
      low = from;
      width *= 2;
    }

  if (backward != NULL &&
      hint - am_text_byte_to_offset (text, backward - utf8) <= forward_distance)
    *start = am_text_byte_to_offset (text, backward - utf8);
  else if (forward != NULL)
    *start = hint + forward_distance;
  else
    return FALSE;

  return TRUE;
}

/* Every 8-byte substring of a text, hashed into a bit set: a quote with an
 * 8-byte substring whose bit is clear is not in the text, which tells in
 * microseconds what a full search of a 1 MB article would find in one: an
 * annotation of another article has no place here.
 */
#define GRAM_BYTES 8
#define GRAM_BITS  24

static guint
gram_hash (const char *p)
{
  guint64 gram;

  memcpy (&gram, p, GRAM_BYTES);
  return (guint) ((gram * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - GRAM_BITS));
}

static guint8 *
gram_filter_new (AmText *text)
{
  const char *utf8 = am_text_get_utf8 (text);
  gsize n_bytes = am_text_get_n_bytes (text);
  guint8 *bits = g_malloc0 ((1 << GRAM_BITS) / 8);
  gsize i;

  for (i = 0; i + GRAM_BYTES <= n_bytes; i++)
    {
      guint h = gram_hash (utf8 + i);

      bits[h / 8] |= 1 << (h % 8);
    }
  return bits;
}

static gboolean
gram_filter_may_contain (const guint8 *bits,
                         const char   *quote,
                         gsize         quote_len)
{
  gsize i;

  for (i = 0; i + GRAM_BYTES <= quote_len; i++)
    {
      guint h = gram_hash (quote + i);

      if ((bits[h / 8] & (1 << (h % 8))) == 0)
        return FALSE;
    }
  return TRUE;
}

/* What a person calls the article: its title, or else its first line. */
static char *
article_name (AmDocument *document)
{
  const char *title = am_document_get_title (document);
  const char *text = am_document_get_text_utf8 (document);
  const char *end;
  g_autofree char *line = NULL;

  if (title[0] != '\0')
    return g_strdup (title);

  while (g_unichar_isspace (g_utf8_get_char (text)))
    text = g_utf8_next_char (text);
  end = strchr (text, '\n');
  line = end != NULL ? g_strndup (text, end - text) : g_strdup (text);
  g_strchomp (line);
  if (g_utf8_strlen (line, -1) > 60)
    {
      *g_utf8_offset_to_pointer (line, 59) = '\0';
      return g_strconcat (line, "…", NULL);
    }
  return g_steal_pointer (&line);
}

/**
 * am_agreement_align_document:
 * @reference: the document whose text the others are compared on
 * @document: a document of the same article, maybe of another version of its text
 * @n_moved: (out) (optional): annotations placed at another offset
 * @n_unplaced: (out) (optional): annotations whose quote is not in @reference's text
 *
 * Returns @document itself when both texts are equal. Otherwise builds a copy
 * of @document on the reference text: each annotation is placed at the
 * occurrence of its quote nearest to its old start (moved by as much as the
 * annotation before it moved), and links follow when both
 * ends are placed. The texts are taken to be two versions of one article when at
 * least half of the annotations could be placed (or, without annotations, when
 * the titles, or else the first lines, are equal); otherwise the document is
 * refused with
 * %AM_DOCUMENT_ERROR_TEXT_MISMATCH.
 *
 * Returns: (transfer full): the aligned document, or %NULL with @error set
 */
AmDocument *
am_agreement_align_document (AmDocument  *reference,
                             AmDocument  *document,
                             guint       *n_moved,
                             guint       *n_unplaced,
                             GError     **error)
{
  g_autoptr(AmDocument) aligned = NULL;
  AmText *text;
  GListModel *annotations;
  GListModel *links;
  g_autofree guint8 *grams = NULL;
  g_autofree char *reference_name = NULL;
  g_autofree char *document_name = NULL;
  gint64 shift = 0;
  guint moved = 0;
  guint unplaced = 0;
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_DOCUMENT (reference), NULL);
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);

  if (n_moved)
    *n_moved = 0;
  if (n_unplaced)
    *n_unplaced = 0;

  text = am_document_get_text (reference);
  if (g_str_equal (am_text_get_sha256 (text),
                   am_text_get_sha256 (am_document_get_text (document))))
    return g_object_ref (document);

  aligned = am_document_new_for_text (text, am_document_get_schema (document));
  grams = gram_filter_new (text);
  annotations = am_document_get_annotations (document);
  n = g_list_model_get_n_items (annotations);
  for (i = 0; i < n && unplaced * 2 <= n; i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);
      g_autoptr(AmAnnotation) copy = NULL;
      AmText *old_text = am_document_get_text (document);
      guint old_start = am_annotation_get_start (ann);
      guint length = am_annotation_get_end (ann) - old_start;
      gsize quote_byte = am_text_offset_to_byte (old_text, old_start);
      gsize quote_len = am_text_offset_to_byte (old_text, am_annotation_get_end (ann)) - quote_byte;
      gint64 hint = (gint64) old_start + shift;
      guint start;

      /* Annotations come in text order, and an edit moves all the text
       * after it alike: look where the previous one went first.
       */
      if (!gram_filter_may_contain (grams, am_text_get_utf8 (old_text) + quote_byte, quote_len) ||
          !find_nearest_quote (text, am_text_get_utf8 (old_text) + quote_byte, quote_len,
                               (guint) CLAMP (hint, 0, G_MAXUINT), &start))
        {
          unplaced++;
          continue;
        }

      copy = g_object_new (AM_TYPE_ANNOTATION,
                           "id", am_annotation_get_id (ann),
                           "label", am_annotation_get_label (ann),
                           "start", start,
                           "end", start + length,
                           "note", am_annotation_get_note (ann),
                           "author", am_annotation_get_author (ann),
                           "created", am_annotation_get_created (ann),
                           "modified", am_annotation_get_modified (ann),
                           "sources", am_annotation_get_sources (ann),
                           NULL);
      if (!am_document_insert_annotation (aligned, copy, NULL))
        {
          unplaced++;
          continue;
        }
      shift = (gint64) start - old_start;
      if (start != old_start)
        moved++;
    }

  reference_name = article_name (reference);
  document_name = article_name (document);
  if (n > 0 ? unplaced * 2 > n : !g_str_equal (reference_name, document_name))
    {
      /* Isolated, so that a right-to-left title does not reorder the sentence. */
      g_autofree char *isolated_reference = g_strdup_printf ("\u2068%s\u2069", reference_name);
      g_autofree char *isolated_document = g_strdup_printf ("\u2068%s\u2069", document_name);

      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TEXT_MISMATCH,
                   _("“%s” and “%s” are not the same article: their texts differ and "
                     "their annotations cannot be placed on one text"),
                   isolated_reference, isolated_document);
      return NULL;
    }

  links = am_document_get_links (document);
  n = g_list_model_get_n_items (links);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLink) link = g_list_model_get_item (links, i);
      g_autoptr(AmLink) copy = am_link_new (am_link_get_id (link), am_link_get_relation (link),
                                            am_link_get_from (link), am_link_get_to (link));

      /* A link whose end could not be placed is dropped with it. */
      am_document_insert_link (aligned, copy, NULL);
    }

  if (am_document_get_annotator (document) != NULL)
    am_document_set_annotator (aligned, am_document_get_annotator (document));
  am_document_set_status (aligned, am_document_get_status (document));
  {
    g_auto(GStrv) keys = am_document_dup_meta_keys (document);

    for (i = 0; keys[i] != NULL; i++)
      am_document_set_meta (aligned, keys[i], am_document_get_meta (document, keys[i]));
  }
  am_document_clear_history (aligned);

  if (n_moved)
    *n_moved = moved;
  if (n_unplaced)
    *n_unplaced = unplaced;

  return g_steal_pointer (&aligned);
}

/* ---------------------------------------------------------------------- */
/* Spans and units                                                        */

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const AmAgreementSpan *x = a;
  const AmAgreementSpan *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  if (x->label != y->label)
    return x->label < y->label ? -1 : 1;
  return 0;
}

static guint
label_index (GPtrArray  *labels,
             GHashTable *index_of,
             const char *label)
{
  gpointer value;

  if (g_hash_table_lookup_extended (index_of, label, NULL, &value))
    return GPOINTER_TO_UINT (value);

  g_ptr_array_add (labels, g_strdup (label));
  g_hash_table_insert (index_of, g_ptr_array_index (labels, labels->len - 1),
                       GUINT_TO_POINTER (labels->len - 1));
  return labels->len - 1;
}

/**
 * _am_agreement_collect_spans:
 *
 * The annotations of @document as spans sorted by start, end and label (label
 * indices into @labels, extended with labels not seen yet), and its links as
 * span indices.
 */
void
_am_agreement_collect_spans (AmDocument *document,
                             GPtrArray  *labels,
                             GHashTable *index_of,
                             GArray    **spans_out,
                             GArray    **links_out)
{
  g_autoptr(GHashTable) span_of_id = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *annotations = am_document_get_annotations (document);
  GListModel *links = am_document_get_links (document);
  GArray *spans;
  guint n = g_list_model_get_n_items (annotations);
  guint i;

  spans = g_array_sized_new (FALSE, FALSE, sizeof (AmAgreementSpan), n);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);
      AmAgreementSpan span;

      span.start = am_annotation_get_start (ann);
      span.end = am_annotation_get_end (ann);
      span.label = label_index (labels, index_of, am_annotation_get_label (ann));
      span.annotation = ann;
      g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);

  for (i = 0; i < spans->len; i++)
    g_hash_table_insert (span_of_id,
                         (gpointer) am_annotation_get_id (g_array_index (spans, AmAgreementSpan, i).annotation),
                         GUINT_TO_POINTER (i));

  if (links_out != NULL)
    {
      n = g_list_model_get_n_items (links);
      *links_out = g_array_sized_new (FALSE, FALSE, sizeof (LinkRef), n);
      for (i = 0; i < n; i++)
        {
          g_autoptr(AmLink) link = g_list_model_get_item (links, i);
          gpointer from;
          gpointer to;
          LinkRef ref;

          if (!g_hash_table_lookup_extended (span_of_id, am_link_get_from (link), NULL, &from) ||
              !g_hash_table_lookup_extended (span_of_id, am_link_get_to (link), NULL, &to))
            continue;
          ref.relation = g_quark_from_string (am_link_get_relation (link));
          ref.from = GPOINTER_TO_UINT (from);
          ref.to = GPOINTER_TO_UINT (to);
          g_array_append_val (*links_out, ref);
        }
    }

  *spans_out = spans;
}

/* First unit that ends after @offset. */
static guint
first_unit_ending_after (const AmSpan *units,
                         guint         n_units,
                         guint         offset)
{
  guint lo = 0;
  guint hi = n_units;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (units[mid].end <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* First unit that starts at or after @offset. */
static guint
first_unit_starting_at (const AmSpan *units,
                        guint         n_units,
                        guint         offset)
{
  guint lo = 0;
  guint hi = n_units;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (units[mid].start < offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A unit is inside a span of a label when they share at least one character:
 * a span that cuts a token in two still claims the token.
 */
static void
compute_masks (AmAgreement  *self,
               Rater        *rater,
               const AmSpan *units)
{
  g_autofree int *delta = g_new (int, self->n_units + 1);
  guint l;
  guint i;

  rater->masks = g_new0 (guint64, MAX (self->n_units, 1));
  rater->n_spans = g_new0 (guint, self->labels->len);

  for (l = 0; l < self->labels->len; l++)
    {
      int depth = 0;
      gboolean any = FALSE;

      memset (delta, 0, sizeof (int) * (self->n_units + 1));
      for (i = 0; i < rater->spans->len; i++)
        {
          const AmAgreementSpan *span = &g_array_index (rater->spans, AmAgreementSpan, i);
          guint first;
          guint last;

          if (span->label != l)
            continue;
          rater->n_spans[l]++;
          if (units != NULL)
            {
              first = first_unit_ending_after (units, self->n_units, span->start);
              last = first_unit_starting_at (units, self->n_units, span->end);
            }
          else
            {
              first = span->start;
              last = span->end;
            }
          if (first >= last)
            continue;
          delta[first]++;
          delta[last]--;
          any = TRUE;
        }

      if (!any)
        continue;
      for (i = 0; i < self->n_units; i++)
        {
          depth += delta[i];
          if (depth > 0)
            rater->masks[i] |= G_GUINT64_CONSTANT (1) << l;
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Span matching                                                          */

typedef struct
{
  guint start;
  guint end;
  guint side;    /* 0: a, 1: b */
  guint index;   /* into that side's spans */
} Interval;

static gboolean
interval_less (const Interval *x,
               const Interval *y)
{
  if (x->end != y->end)
    return x->end < y->end;
  if (x->start != y->start)
    return x->start < y->start;
  if (x->side != y->side)
    return x->side < y->side;
  return x->index < y->index;
}

static int
compare_by_end (gconstpointer a,
                gconstpointer b)
{
  if (interval_less (a, b))
    return -1;
  return interval_less (b, a) ? 1 : 0;
}

static int
compare_by_start (gconstpointer a,
                  gconstpointer b)
{
  const Interval *x = a;
  const Interval *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return compare_by_end (a, b);
}

/* Binary min-heap of intervals ordered by end. */
static void
heap_push (GArray   *heap,
           Interval *item)
{
  guint i;

  g_array_append_val (heap, *item);
  i = heap->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      Interval *h = (Interval *) heap->data;

      if (!interval_less (&h[i], &h[parent]))
        break;
      Interval tmp = h[i];
      h[i] = h[parent];
      h[parent] = tmp;
      i = parent;
    }
}

static void
heap_pop (GArray *heap)
{
  Interval *h = (Interval *) heap->data;
  guint n = heap->len - 1;
  guint i = 0;

  h[0] = h[n];
  g_array_set_size (heap, n);
  h = (Interval *) heap->data;
  for (;;)
    {
      guint left = 2 * i + 1;
      guint right = left + 1;
      guint smallest = i;

      if (left < n && interval_less (&h[left], &h[smallest]))
        smallest = left;
      if (right < n && interval_less (&h[right], &h[smallest]))
        smallest = right;
      if (smallest == i)
        break;
      Interval tmp = h[i];
      h[i] = h[smallest];
      h[smallest] = tmp;
      i = smallest;
    }
}

/* A maximum matching between the spans of one label of a and b where two spans
 * may be matched when they share a character. Identical spans are paired
 * first, which keeps the matching maximum (an identical pair can always be
 * swapped into a maximum matching). Then, in order of end, each span still
 * open is paired with the open span of the other side that overlaps it and
 * ends first: the span ending first is the most constrained, and every span
 * that overlaps it contains its last character, so this exchange argument
 * shows the greedy choice is never worse. O(n log n).
 */
static void
match_overlapping (const AmAgreementSpan *a,
                   const AmAgreementSpan *b,
                   GArray                *open_a,
                   GArray                *open_b,
                   guint                 *match_a,
                   guint                 *match_b)
{
  g_autoptr(GArray) by_end = g_array_new (FALSE, FALSE, sizeof (Interval));
  g_autoptr(GArray) by_start = NULL;
  g_autoptr(GArray) heap_a = NULL;
  g_autoptr(GArray) heap_b = NULL;
  GArray *heaps[2];
  guint next = 0;
  guint i;

  for (i = 0; i < open_a->len; i++)
    {
      guint k = g_array_index (open_a, guint, i);
      Interval iv = { a[k].start, a[k].end, 0, k };

      g_array_append_val (by_end, iv);
    }
  for (i = 0; i < open_b->len; i++)
    {
      guint k = g_array_index (open_b, guint, i);
      Interval iv = { b[k].start, b[k].end, 1, k };

      g_array_append_val (by_end, iv);
    }
  if (by_end->len == 0 || open_a->len == 0 || open_b->len == 0)
    return;

  by_start = g_array_copy (by_end);
  g_array_sort (by_end, compare_by_end);
  g_array_sort (by_start, compare_by_start);
  heaps[0] = heap_a = g_array_new (FALSE, FALSE, sizeof (Interval));
  heaps[1] = heap_b = g_array_new (FALSE, FALSE, sizeof (Interval));

  /* Spans processed without a partner are marked dead in match_* with
   * G_MAXUINT - 1 so that later spans skip them; reset at the end.
   */
  for (i = 0; i < by_end->len; i++)
    {
      const Interval *x = &g_array_index (by_end, Interval, i);
      guint *match_x = x->side == 0 ? match_a : match_b;
      guint *match_y = x->side == 0 ? match_b : match_a;
      GArray *heap = heaps[1 - x->side];

      if (match_x[x->index] != G_MAXUINT)
        continue;

      while (next < by_start->len && g_array_index (by_start, Interval, next).start < x->end)
        {
          Interval *s = &g_array_index (by_start, Interval, next);

          heap_push (heaps[s->side], s);
          next++;
        }

      while (heap->len > 0 &&
             match_y[g_array_index (heap, Interval, 0).index] != G_MAXUINT)
        heap_pop (heap);

      if (heap->len > 0)
        {
          guint y = g_array_index (heap, Interval, 0).index;

          match_x[x->index] = y;
          match_y[y] = x->index;
          heap_pop (heap);
        }
      else
        match_x[x->index] = G_MAXUINT - 1;
    }

  for (i = 0; i < open_a->len; i++)
    {
      guint k = g_array_index (open_a, guint, i);

      if (match_a[k] == G_MAXUINT - 1)
        match_a[k] = G_MAXUINT;
    }
  for (i = 0; i < open_b->len; i++)
    {
      guint k = g_array_index (open_b, guint, i);

      if (match_b[k] == G_MAXUINT - 1)
        match_b[k] = G_MAXUINT;
    }
}

/**
 * _am_agreement_match:
 *
 * Pairs the spans of two annotators: @match_a[i] is the span of b matched
 * with span i of a (G_MAXUINT: none), same label, identical first and then
 * overlapping; @label_a[i] is the span of b at the same offsets with another
 * label, for spans left unmatched.
 */
void
_am_agreement_match (GArray *spans_a,
                     GArray *spans_b,
                     guint   n_labels,
                     guint  *match_a,
                     guint  *match_b,
                     guint  *label_a,
                     guint  *label_b)
{
  const AmAgreementSpan *a = (const AmAgreementSpan *) spans_a->data;
  const AmAgreementSpan *b = (const AmAgreementSpan *) spans_b->data;
  g_autoptr(GPtrArray) open_a = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GPtrArray) open_b = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint i;
  guint j;
  guint l;

  for (i = 0; i < spans_a->len; i++)
    match_a[i] = label_a[i] = G_MAXUINT;
  for (j = 0; j < spans_b->len; j++)
    match_b[j] = label_b[j] = G_MAXUINT;

  /* Identical spans: both arrays are sorted by start, end, label. */
  for (i = 0, j = 0; i < spans_a->len && j < spans_b->len;)
    {
      int c = compare_spans (&a[i], &b[j]);

      if (c == 0)
        {
          match_a[i] = j;
          match_b[j] = i;
          i++;
          j++;
        }
      else if (c < 0)
        i++;
      else
        j++;
    }

  for (l = 0; l < n_labels; l++)
    {
      g_ptr_array_add (open_a, g_array_new (FALSE, FALSE, sizeof (guint)));
      g_ptr_array_add (open_b, g_array_new (FALSE, FALSE, sizeof (guint)));
    }
  for (i = 0; i < spans_a->len; i++)
    if (match_a[i] == G_MAXUINT)
      g_array_append_val (g_ptr_array_index (open_a, a[i].label), i);
  for (j = 0; j < spans_b->len; j++)
    if (match_b[j] == G_MAXUINT)
      g_array_append_val (g_ptr_array_index (open_b, b[j].label), j);
  for (l = 0; l < n_labels; l++)
    match_overlapping (a, b, g_ptr_array_index (open_a, l), g_ptr_array_index (open_b, l),
                       match_a, match_b);

  /* Same offsets, other label, among spans still unmatched. */
  for (i = 0, j = 0; i < spans_a->len && j < spans_b->len;)
    {
      if (a[i].start != b[j].start || a[i].end != b[j].end)
        {
          if (a[i].start < b[j].start || (a[i].start == b[j].start && a[i].end < b[j].end))
            i++;
          else
            j++;
          continue;
        }
      {
        guint i_end = i;
        guint j_end = j;
        guint p;
        guint q = j;

        while (i_end < spans_a->len && a[i_end].start == a[i].start && a[i_end].end == a[i].end)
          i_end++;
        while (j_end < spans_b->len && b[j_end].start == b[j].start && b[j_end].end == b[j].end)
          j_end++;
        for (p = i; p < i_end; p++)
          {
            if (match_a[p] != G_MAXUINT)
              continue;
            while (q < j_end && match_b[q] != G_MAXUINT)
              q++;
            if (q == j_end)
              break;
            label_a[p] = q;
            label_b[q] = p;
            q++;
            while (q < j_end && (match_b[q] != G_MAXUINT || label_b[q] != G_MAXUINT))
              q++;
          }
        i = i_end;
        j = j_end;
      }
    }
}

/* ---------------------------------------------------------------------- */
/* Coefficients                                                           */

static double
ratio (guint num,
       guint den)
{
  return den == 0 ? NAN : (double) num / den;
}

/* As scikit-learn's cohen_kappa_score: 1 - sum(w * C) / sum(w * E), w = 1 off
 * the diagonal. Categories are small integers below n_categories.
 */
static double
cohen_kappa (const guint *x,
             const guint *y,
             guint        n,
             guint        n_categories)
{
  g_autofree double *matrix = g_new0 (double, n_categories * n_categories);
  g_autofree double *rows = g_new0 (double, n_categories);
  g_autofree double *cols = g_new0 (double, n_categories);
  double observed = 0;
  double expected = 0;
  guint i;
  guint j;

  if (n == 0)
    return NAN;

  for (i = 0; i < n; i++)
    matrix[x[i] * n_categories + y[i]] += 1;
  for (i = 0; i < n_categories; i++)
    for (j = 0; j < n_categories; j++)
      {
        rows[i] += matrix[i * n_categories + j];
        cols[j] += matrix[i * n_categories + j];
      }
  for (i = 0; i < n_categories; i++)
    for (j = 0; j < n_categories; j++)
      if (i != j)
        {
          observed += matrix[i * n_categories + j];
          expected += cols[j] * rows[i] / n;
        }

  if (expected == 0)
    return NAN;
  return 1.0 - observed / expected;
}

/* Nominal Krippendorff's alpha as NLTK's AnnotationTask.alpha(): values[u * m + c]
 * is the category rater c gave unit u. Every rater here rates every unit.
 */
static double
krippendorff_alpha (const guint *values,
                    guint        n_units,
                    guint        m,
                    guint        n_categories)
{
  g_autofree double *totals = g_new0 (double, n_categories);
  g_autofree guint *counts = g_new0 (guint, n_categories);
  double total_do = 0;
  double n = 0;
  double pairs = 0;
  guint n_seen = 0;
  guint u;
  guint k;

  if (n_units == 0 || m < 2)
    return NAN;

  for (u = 0; u < n_units; u++)
    {
      double same = 0;
      guint c;

      for (c = 0; c < m; c++)
        counts[values[u * m + c]]++;
      for (c = 0; c < m; c++)
        {
          guint v = values[u * m + c];

          if (counts[v] > 0)
            {
              same += (double) counts[v] * counts[v];
              totals[v] += counts[v];
              counts[v] = 0;
            }
        }
      total_do += ((double) m * m - same) / (m - 1);
      n += m;
    }

  for (k = 0; k < n_categories; k++)
    if (totals[k] > 0)
      {
        n_seen++;
        pairs += totals[k] * totals[k];
      }
  if (n_seen == 1)
    return 1.0;

  return 1.0 - (total_do / n) / ((n * n - pairs) / (n * (n - 1)));
}

/* The units of one label of one rater for alpha_u: the union of overlapping
 * spans (Krippendorff's definition has one observer's units of a category
 * not overlap; nested spans of one label become one unit).
 */
static GArray *
unitize (GArray *spans,
         guint   label)
{
  GArray *units = g_array_new (FALSE, FALSE, sizeof (AmSpan));
  guint i;

  for (i = 0; i < spans->len; i++)
    {
      const AmAgreementSpan *s = &g_array_index (spans, AmAgreementSpan, i);

      if (s->label != label)
        continue;
      if (units->len > 0 && s->start < g_array_index (units, AmSpan, units->len - 1).end)
        {
          AmSpan *last = &g_array_index (units, AmSpan, units->len - 1);

          last->end = MAX (last->end, s->end);
        }
      else
        {
          AmSpan unit = { s->start, s->end };

          g_array_append_val (units, unit);
        }
    }
  return units;
}

typedef struct
{
  guint    start;
  guint    end;
  gboolean unit;
} Section;

/* The continuum [0, length) cut into units and the gaps between them. */
static GArray *
sections_of (GArray *units,
             guint   length)
{
  GArray *sections = g_array_new (FALSE, FALSE, sizeof (Section));
  guint pos = 0;
  guint i;

  for (i = 0; i < units->len; i++)
    {
      const AmSpan *u = &g_array_index (units, AmSpan, i);
      Section unit = { u->start, u->end, TRUE };

      if (u->start > pos)
        {
          Section gap = { pos, u->start, FALSE };

          g_array_append_val (sections, gap);
        }
      g_array_append_val (sections, unit);
      pos = u->end;
    }
  if (pos < length)
    {
      Section gap = { pos, length, FALSE };

      g_array_append_val (sections, gap);
    }
  return sections;
}

static double
section_distance (const Section *g,
                  const Section *h)
{
  double lg = (double) g->end - g->start;
  double lh = (double) h->end - h->start;

  if (g->unit && h->unit)
    {
      double db = (double) g->start - h->start;
      double de = (double) g->end - h->end;

      return db * db + de * de;
    }
  if (g->unit && h->start <= g->start && g->end <= h->end)
    return lg * lg;
  if (h->unit && g->start <= h->start && h->end <= g->end)
    return lh * lh;
  return 0;
}

/* Sum of the squared distances between overlapping sections of two observers. */
static double
observed_pair (GArray *x,
               GArray *y)
{
  double sum = 0;
  guint i = 0;
  guint j = 0;

  while (i < x->len && j < y->len)
    {
      const Section *g = &g_array_index (x, Section, i);
      const Section *h = &g_array_index (y, Section, j);

      sum += section_distance (g, h);
      if (g->end < h->end)
        i++;
      else if (h->end < g->end)
        j++;
      else
        {
          i++;
          j++;
        }
    }
  return sum;
}

static int
compare_guint (gconstpointer a,
               gconstpointer b)
{
  guint x = *(const guint *) a;
  guint y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* Krippendorff's (2004) alpha_u for one label among the raters in @members,
 * with its observed and expected disagreements for the overall value.
 */
static double
alpha_u (AmAgreement *self,
         const guint *members,
         guint        m,
         guint        label,
         double      *observed_out,
         double      *expected_out)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lengths = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree double *suffix = NULL;
  double length = am_text_get_length (self->text);
  double observed = 0;
  double expected = 0;
  double squares = 0;
  double n_units;
  double denominator;
  guint i;
  guint j;

  *observed_out = *expected_out = 0;
  if (m < 2 || length == 0)
    return NAN;

  for (i = 0; i < m; i++)
    {
      g_autoptr(GArray) units = unitize (self->raters[members[i]].spans, label);
      GArray *s = sections_of (units, (guint) length);

      for (j = 0; j < s->len; j++)
        {
          const Section *sec = &g_array_index (s, Section, j);
          guint l = sec->end - sec->start;

          if (sec->unit)
            {
              g_array_append_val (lengths, l);
              squares += (double) l * (l - 1);
            }
          else
            g_array_append_val (gaps, l);
        }
      g_ptr_array_add (sections, s);
    }

  for (i = 0; i < m; i++)
    for (j = i + 1; j < m; j++)
      observed += observed_pair (g_ptr_array_index (sections, i), g_ptr_array_index (sections, j));
  observed = 2 * observed / ((double) m * (m - 1) * length * length);

  /* Sum over gaps at least as long as a unit of (gap - unit + 1): sorted gaps
   * with suffix sums of (gap + 1) make it one binary search per unit.
   */
  g_array_sort (gaps, compare_guint);
  suffix = g_new0 (double, gaps->len + 1);
  for (i = gaps->len; i > 0; i--)
    suffix[i - 1] = suffix[i] + g_array_index (gaps, guint, i - 1) + 1.0;

  n_units = lengths->len;
  for (i = 0; i < lengths->len; i++)
    {
      double l = g_array_index (lengths, guint, i);
      guint lo = 0;
      guint hi = gaps->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (gaps, guint, mid) < l)
            lo = mid + 1;
          else
            hi = mid;
        }
      expected += (n_units - 1) * (2 * l * l * l - 3 * l * l + l) / 3.0;
      expected += l * l * (suffix[lo] - (double) (gaps->len - lo) * l);
    }
  denominator = m * length * (m * length - 1) - squares;
  if (denominator <= 0)
    return NAN;
  expected = 2 / length * expected / denominator;

  *observed_out = observed;
  *expected_out = expected;
  if (expected == 0)
    return NAN;
  return 1.0 - observed / expected;
}

/* alpha_u per label, and over all labels as Σ D_o / Σ D_e (the ratio of the
 * mean disagreements over labels, as DKPro Agreement does).
 */
static void
set_alpha_u (AmAgreement       *self,
             const guint       *members,
             guint              m,
             AmAgreementScores *scores)
{
  double o_sum = 0;
  double e_sum = 0;
  guint l;

  for (l = 0; l < self->labels->len; l++)
    {
      double o;
      double e;

      scores[l].alpha_u = alpha_u (self, members, m, l, &o, &e);
      o_sum += o;
      e_sum += e;
    }
  scores[self->labels->len].alpha_u = e_sum > 0 ? 1.0 - o_sum / e_sum : NAN;
}

/* ---------------------------------------------------------------------- */
/* Putting it together                                                    */

static guint
n_scores (AmAgreement *self)
{
  return self->labels->len + 1;
}

static AmAgreementScores *
pair_scores (AmAgreement *self,
             guint        a,
             guint        b)
{
  guint index = 0;
  guint i;

  g_assert (a < b);
  for (i = 0; i < a; i++)
    index += self->n_raters - i - 1;
  index += b - a - 1;
  return &self->pair_scores[index * n_scores (self)];
}

static void
set_undefined (AmAgreementScores *s)
{
  s->precision_exact = s->recall_exact = s->f1_exact = NAN;
  s->precision_overlap = s->recall_overlap = s->f1_overlap = NAN;
  s->kappa = s->alpha = s->alpha_u = NAN;
  s->link_f1_exact = s->link_f1_overlap = NAN;
}

static void
finish_f1 (AmAgreementScores *s)
{
  s->precision_exact = ratio (s->matched_exact, s->spans_b);
  s->recall_exact = ratio (s->matched_exact, s->spans_a);
  s->f1_exact = ratio (2 * s->matched_exact, s->spans_a + s->spans_b);
  s->precision_overlap = ratio (s->matched_overlap, s->spans_b);
  s->recall_overlap = ratio (s->matched_overlap, s->spans_a);
  s->f1_overlap = ratio (2 * s->matched_overlap, s->spans_a + s->spans_b);
}

static char *
link_key (GQuark relation,
          guint  from,
          guint  to)
{
  return g_strdup_printf ("%u:%u:%u", relation, from, to);
}

static char *
link_key_exact (GQuark                 relation,
                const AmAgreementSpan *from,
                const AmAgreementSpan *to)
{
  return g_strdup_printf ("%u:%u-%u/%u:%u-%u/%u", relation,
                          from->start, from->end, from->label,
                          to->start, to->end, to->label);
}

static void
compare_links (Rater             *ra,
               Rater             *rb,
               const guint       *match_a,
               AmAgreementScores *s)
{
  g_autoptr(GHashTable) exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) mapped = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const AmAgreementSpan *a = (const AmAgreementSpan *) ra->spans->data;
  const AmAgreementSpan *b = (const AmAgreementSpan *) rb->spans->data;
  guint i;

  s->links_a = ra->links->len;
  s->links_b = rb->links->len;
  for (i = 0; i < rb->links->len; i++)
    {
      const LinkRef *l = &g_array_index (rb->links, LinkRef, i);

      g_hash_table_add (exact, link_key_exact (l->relation, &b[l->from], &b[l->to]));
      g_hash_table_add (mapped, link_key (l->relation, l->from, l->to));
    }
  for (i = 0; i < ra->links->len; i++)
    {
      const LinkRef *l = &g_array_index (ra->links, LinkRef, i);
      g_autofree char *key = link_key_exact (l->relation, &a[l->from], &a[l->to]);

      if (g_hash_table_remove (exact, key))
        s->links_matched_exact++;
      if (match_a[l->from] != G_MAXUINT && match_a[l->to] != G_MAXUINT)
        {
          g_autofree char *mkey = link_key (l->relation, match_a[l->from], match_a[l->to]);

          if (g_hash_table_remove (mapped, mkey))
            s->links_matched_overlap++;
        }
    }
  s->link_f1_exact = ratio (2 * s->links_matched_exact, s->links_a + s->links_b);
  s->link_f1_overlap = ratio (2 * s->links_matched_overlap, s->links_a + s->links_b);
}

/* Category of a unit over all labels: the set of labels covering it. */
static guint
category_of (GHashTable *categories,
             guint64     mask)
{
  gpointer value;
  guint64 *key;

  if (g_hash_table_lookup_extended (categories, &mask, NULL, &value))
    return GPOINTER_TO_UINT (value);
  key = g_new (guint64, 1);
  *key = mask;
  g_hash_table_insert (categories, key, GUINT_TO_POINTER (g_hash_table_size (categories)));
  return g_hash_table_size (categories) - 1;
}

/* Fills values[u * m + c] with the category of unit u for member c, for one
 * label (binary) or for all (label == G_MAXUINT: the set of labels).
 */
static guint
unit_values (AmAgreement *self,
             const guint *members,
             guint        m,
             guint        label,
             GHashTable  *categories,
             guint       *values)
{
  guint u;
  guint c;

  for (u = 0; u < self->n_units; u++)
    for (c = 0; c < m; c++)
      {
        guint64 mask = self->raters[members[c]].masks[u];

        if (label == G_MAXUINT)
          values[u * m + c] = category_of (categories, mask);
        else
          values[u * m + c] = (mask >> label) & 1;
      }
  return label == G_MAXUINT ? MAX (g_hash_table_size (categories), 1) : 2;
}

static void
compute_pair (AmAgreement *self,
              guint        ia,
              guint        ib,
              GHashTable  *categories)
{
  Rater *ra = &self->raters[ia];
  Rater *rb = &self->raters[ib];
  AmAgreementScores *scores = pair_scores (self, ia, ib);
  AmAgreementScores *all = &scores[self->labels->len];
  const AmAgreementSpan *a = (const AmAgreementSpan *) ra->spans->data;
  const AmAgreementSpan *b = (const AmAgreementSpan *) rb->spans->data;
  g_autofree guint *match_a = g_new (guint, ra->spans->len + 1);
  g_autofree guint *match_b = g_new (guint, rb->spans->len + 1);
  g_autofree guint *label_a = g_new (guint, ra->spans->len + 1);
  g_autofree guint *label_b = g_new (guint, rb->spans->len + 1);
  g_autofree guint *values = g_new (guint, 2 * (gsize) MAX (self->n_units, 1));
  g_autofree guint *xs = g_new (guint, MAX (self->n_units, 1));
  g_autofree guint *ys = g_new (guint, MAX (self->n_units, 1));
  guint members[2] = { ia, ib };
  guint l;
  guint i;

  for (l = 0; l <= self->labels->len; l++)
    set_undefined (&scores[l]);
  if (ra->missing || rb->missing)
    return;

  _am_agreement_match (ra->spans, rb->spans, self->labels->len,
                       match_a, match_b, label_a, label_b);

  for (i = 0; i < ra->spans->len; i++)
    {
      AmAgreementScores *s = &scores[a[i].label];

      s->spans_a++;
      all->spans_a++;
      if (match_a[i] != G_MAXUINT)
        {
          gboolean exact = b[match_a[i]].start == a[i].start && b[match_a[i]].end == a[i].end;

          s->matched_overlap++;
          all->matched_overlap++;
          if (exact)
            {
              s->matched_exact++;
              all->matched_exact++;
            }
          else
            {
              s->boundary_disagreements++;
              all->boundary_disagreements++;
            }
        }
      else if (label_a[i] != G_MAXUINT)
        {
          s->label_disagreements++;
          scores[b[label_a[i]].label].label_disagreements++;
          all->label_disagreements++;
        }
      else
        {
          s->only_a++;
          all->only_a++;
        }
    }
  for (i = 0; i < rb->spans->len; i++)
    {
      AmAgreementScores *s = &scores[b[i].label];

      s->spans_b++;
      all->spans_b++;
      if (match_b[i] == G_MAXUINT && label_b[i] == G_MAXUINT)
        {
          s->only_b++;
          all->only_b++;
        }
    }

  for (l = 0; l <= self->labels->len; l++)
    {
      AmAgreementScores *s = &scores[l];
      guint label = l < self->labels->len ? l : G_MAXUINT;
      guint n_categories;

      finish_f1 (s);
      n_categories = unit_values (self, members, 2, label, categories, values);
      for (i = 0; i < self->n_units; i++)
        {
          xs[i] = values[2 * i];
          ys[i] = values[2 * i + 1];
        }
      s->kappa = cohen_kappa (xs, ys, self->n_units, n_categories);
      s->alpha = krippendorff_alpha (values, self->n_units, 2, n_categories);
    }
  set_alpha_u (self, members, 2, scores);

  compare_links (ra, rb, match_a, all);
}

static void
mean_into (double *target,
           double  value,
           guint  *count)
{
  if (isnan (value))
    return;
  if (*count == 0)
    *target = 0;
  *target += value;
  (*count)++;
}

static void
compute_group (AmAgreement *self,
               GHashTable  *categories)
{
  g_autofree guint *members = g_new (guint, self->n_raters);
  g_autofree guint *values = NULL;
  guint m = 0;
  guint l;
  guint i;
  guint j;

  for (i = 0; i < self->n_raters; i++)
    if (!self->raters[i].missing)
      members[m++] = i;
  values = g_new (guint, (gsize) m * MAX (self->n_units, 1));

  for (l = 0; l <= self->labels->len; l++)
    {
      AmAgreementScores *g = &self->group_scores[l];
      guint label = l < self->labels->len ? l : G_MAXUINT;
      guint counts[9] = { 0 };
      guint n_categories;

      set_undefined (g);
      for (i = 0; i < self->n_raters; i++)
        for (j = i + 1; j < self->n_raters; j++)
          {
            const AmAgreementScores *s = &pair_scores (self, i, j)[l];

            if (self->raters[i].missing || self->raters[j].missing)
              continue;
            mean_into (&g->precision_exact, s->precision_exact, &counts[0]);
            mean_into (&g->recall_exact, s->recall_exact, &counts[1]);
            mean_into (&g->f1_exact, s->f1_exact, &counts[2]);
            mean_into (&g->precision_overlap, s->precision_overlap, &counts[3]);
            mean_into (&g->recall_overlap, s->recall_overlap, &counts[4]);
            mean_into (&g->f1_overlap, s->f1_overlap, &counts[5]);
            mean_into (&g->kappa, s->kappa, &counts[6]);
            mean_into (&g->link_f1_exact, s->link_f1_exact, &counts[7]);
            mean_into (&g->link_f1_overlap, s->link_f1_overlap, &counts[8]);
            g->spans_a += s->spans_a;
            g->spans_b += s->spans_b;
            g->matched_exact += s->matched_exact;
            g->matched_overlap += s->matched_overlap;
            g->label_disagreements += s->label_disagreements;
            g->boundary_disagreements += s->boundary_disagreements;
            g->only_a += s->only_a;
            g->only_b += s->only_b;
            g->links_a += s->links_a;
            g->links_b += s->links_b;
            g->links_matched_exact += s->links_matched_exact;
            g->links_matched_overlap += s->links_matched_overlap;
          }
      {
        double *means[9] = {
          &g->precision_exact, &g->recall_exact, &g->f1_exact,
          &g->precision_overlap, &g->recall_overlap, &g->f1_overlap,
          &g->kappa, &g->link_f1_exact, &g->link_f1_overlap,
        };

        for (i = 0; i < G_N_ELEMENTS (means); i++)
          if (counts[i] > 0)
            *means[i] /= counts[i];
      }

      if (m >= 2)
        {
          n_categories = unit_values (self, members, m, label, categories, values);
          g->alpha = krippendorff_alpha (values, self->n_units, m, n_categories);
        }
    }

  if (m >= 2)
    set_alpha_u (self, members, m, self->group_scores);
}

/**
 * am_agreement_compute:
 * @documents: (array length=n_documents): two or more documents of one article
 * @names: (array zero-terminated=1) (nullable): a name per document, or %NULL
 *   to use each document's annotator
 * @units: the units for kappa and alpha
 *
 * Measures the agreement between the annotators of @documents. Documents
 * whose text differs from the first one's are aligned onto it by quote (see
 * am_agreement_align_document()). A document whose status is “new” and that
 * has no annotation is taken as not annotated yet: its annotator is missing
 * and contributes no values.
 *
 * Returns: (transfer full): the results, or %NULL with @error set
 */
AmAgreement *
am_agreement_compute (AmDocument * const  *documents,
                      guint                n_documents,
                      const char * const  *names,
                      AmAgreementUnits     units,
                      GError             **error)
{
  g_autoptr(AmAgreement) self = NULL;
  g_autoptr(GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(GStrv) unique = NULL;
  g_autoptr(GArray) tokens = NULL;
  GListModel *schema_labels;
  guint i;
  guint j;

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (n_documents >= 2, NULL);

  unique = _am_diff_names (documents, n_documents, names);
  self = g_object_new (AM_TYPE_AGREEMENT, NULL);
  self->units = units;
  self->text = am_text_ref (am_document_get_text (documents[0]));
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->n_raters = n_documents;
  self->raters = g_new0 (Rater, n_documents);

  schema_labels = am_label_schema_get_labels (am_document_get_schema (documents[0]));
  for (i = 0; i < g_list_model_get_n_items (schema_labels); i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (schema_labels, i);

      label_index (self->labels, index_of, am_label_get_id (label));
    }

  for (i = 0; i < n_documents; i++)
    {
      Rater *r = &self->raters[i];
      guint moved = 0;
      guint unplaced = 0;

      g_return_val_if_fail (AM_IS_DOCUMENT (documents[i]), NULL);

      r->document = am_agreement_align_document (documents[0], documents[i],
                                                 &moved, &unplaced, error);
      if (r->document == NULL)
        return NULL;
      self->n_moved += moved;
      self->n_unplaced += unplaced;
      r->missing = _am_diff_is_missing (r->document);

      r->name = g_strdup (unique[i]);

      _am_agreement_collect_spans (r->document, self->labels, index_of, &r->spans, &r->links);
    }

  if (self->labels->len > MAX_LABELS)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("Agreement can be measured on at most %d labels; these documents use %u"),
                   MAX_LABELS, self->labels->len);
      return NULL;
    }

  if (units == AM_AGREEMENT_UNITS_TOKENS)
    {
      const char *language = am_document_get_meta (documents[0], "language");

      tokens = am_segment_words (self->text, language, error);
      if (tokens == NULL)
        return NULL;
      self->n_units = tokens->len;
    }
  else
    self->n_units = am_text_get_length (self->text);

  for (i = 0; i < n_documents; i++)
    compute_masks (self, &self->raters[i],
                   tokens != NULL ? (const AmSpan *) tokens->data : NULL);

  self->pair_scores = g_new0 (AmAgreementScores,
                              (gsize) n_scores (self) * n_documents * (n_documents - 1) / 2);
  self->group_scores = g_new0 (AmAgreementScores, n_scores (self));
  for (i = 0; i < n_documents; i++)
    for (j = i + 1; j < n_documents; j++)
      compute_pair (self, i, j, categories);
  compute_group (self, categories);

  return g_steal_pointer (&self);
}

AmAgreementUnits
am_agreement_get_units (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), AM_AGREEMENT_UNITS_TOKENS);

  return self->units;
}

/**
 * am_agreement_get_text:
 *
 * Returns: (transfer none): the text every document was aligned onto
 */
AmText *
am_agreement_get_text (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);

  return self->text;
}

guint
am_agreement_get_n_units (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), 0);

  return self->n_units;
}

guint
am_agreement_get_n_annotators (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), 0);

  return self->n_raters;
}

const char *
am_agreement_get_annotator (AmAgreement *self,
                            guint        index)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (index < self->n_raters, NULL);

  return self->raters[index].name;
}

gboolean
am_agreement_is_missing (AmAgreement *self,
                         guint        index)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (index < self->n_raters, FALSE);

  return self->raters[index].missing;
}

/**
 * am_agreement_get_document:
 *
 * Returns: (transfer none): document @index, aligned onto the first one's text
 */
AmDocument *
am_agreement_get_document (AmAgreement *self,
                           guint        index)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (index < self->n_raters, NULL);

  return self->raters[index].document;
}

guint
am_agreement_get_n_labels (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), 0);

  return self->labels->len;
}

const char *
am_agreement_get_label (AmAgreement *self,
                        guint        index)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (index < self->labels->len, NULL);

  return g_ptr_array_index (self->labels, index);
}

/**
 * am_agreement_get_n_spans:
 * @label: a label index, or -1 for all labels
 */
guint
am_agreement_get_n_spans (AmAgreement *self,
                          guint        annotator,
                          int          label)
{
  guint n = 0;
  guint l;

  g_return_val_if_fail (AM_IS_AGREEMENT (self), 0);
  g_return_val_if_fail (annotator < self->n_raters, 0);
  g_return_val_if_fail (label < (int) self->labels->len, 0);

  if (label >= 0)
    return self->raters[annotator].n_spans[label];
  for (l = 0; l < self->labels->len; l++)
    n += self->raters[annotator].n_spans[l];
  return n;
}

guint
am_agreement_get_n_moved (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), 0);

  return self->n_moved;
}

guint
am_agreement_get_n_unplaced (AmAgreement *self)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), 0);

  return self->n_unplaced;
}

/**
 * am_agreement_get_pair_scores:
 * @a: an annotator index
 * @b: another annotator index, greater than @a
 * @label: a label index, or -1 for all labels
 *
 * Returns: (transfer none): the scores between @a and @b; precision and recall
 *   take @a as the reference
 */
const AmAgreementScores *
am_agreement_get_pair_scores (AmAgreement *self,
                              guint        a,
                              guint        b,
                              int          label)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (a < b && b < self->n_raters, NULL);
  g_return_val_if_fail (label < (int) self->labels->len, NULL);

  return &pair_scores (self, a, b)[label < 0 ? self->labels->len : (guint) label];
}

/**
 * am_agreement_get_group_scores:
 * @label: a label index, or -1 for all labels
 *
 * Returns: (transfer none): the scores of the whole group
 */
const AmAgreementScores *
am_agreement_get_group_scores (AmAgreement *self,
                               int          label)
{
  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (label < (int) self->labels->len, NULL);

  return &self->group_scores[label < 0 ? self->labels->len : (guint) label];
}

static void
add_number (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_count (JsonBuilder *builder,
           const char  *name,
           guint        value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_scores (JsonBuilder             *builder,
            const AmAgreementScores *s,
            gboolean                 with_links,
            gboolean                 pair)
{
  json_builder_begin_object (builder);
  add_number (builder, "f1_exact", s->f1_exact);
  add_number (builder, "precision_exact", s->precision_exact);
  add_number (builder, "recall_exact", s->recall_exact);
  add_number (builder, "f1_overlap", s->f1_overlap);
  add_number (builder, "precision_overlap", s->precision_overlap);
  add_number (builder, "recall_overlap", s->recall_overlap);
  add_number (builder, "kappa", s->kappa);
  add_number (builder, "alpha", s->alpha);
  add_number (builder, "alpha_u", s->alpha_u);
  json_builder_set_member_name (builder, "counts");
  json_builder_begin_object (builder);
  add_count (builder, pair ? "spans_a" : "spans_a_total", s->spans_a);
  add_count (builder, pair ? "spans_b" : "spans_b_total", s->spans_b);
  add_count (builder, "matched_exact", s->matched_exact);
  add_count (builder, "matched_overlap", s->matched_overlap);
  add_count (builder, "label_disagreements", s->label_disagreements);
  add_count (builder, "boundary_disagreements", s->boundary_disagreements);
  add_count (builder, "only_a", s->only_a);
  add_count (builder, "only_b", s->only_b);
  json_builder_end_object (builder);
  if (with_links)
    {
      json_builder_set_member_name (builder, "links");
      json_builder_begin_object (builder);
      add_number (builder, "f1_exact", s->link_f1_exact);
      add_number (builder, "f1_overlap", s->link_f1_overlap);
      add_count (builder, "links_a", s->links_a);
      add_count (builder, "links_b", s->links_b);
      add_count (builder, "matched_exact", s->links_matched_exact);
      add_count (builder, "matched_overlap", s->links_matched_overlap);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_score_table (AmAgreement       *self,
                 JsonBuilder       *builder,
                 AmAgreementScores *scores,
                 gboolean           pair)
{
  guint l;

  json_builder_set_member_name (builder, "labels");
  json_builder_begin_object (builder);
  for (l = 0; l < self->labels->len; l++)
    {
      json_builder_set_member_name (builder, g_ptr_array_index (self->labels, l));
      add_scores (builder, &scores[l], FALSE, pair);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "overall");
  add_scores (builder, &scores[self->labels->len], TRUE, pair);
}

/**
 * am_agreement_to_json:
 *
 * The results as JSON for scripts; the schema is in docs/agreement.md.
 *
 * Returns: (transfer full): a pretty-printed JSON object
 */
char *
am_agreement_to_json (AmAgreement *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  guint i;
  guint j;
  guint l;

  g_return_val_if_fail (AM_IS_AGREEMENT (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "units");
  json_builder_add_string_value (builder,
                                 self->units == AM_AGREEMENT_UNITS_TOKENS ? "token" : "char");
  add_count (builder, "n_units", self->n_units);
  add_count (builder, "text_length", am_text_get_length (self->text));
  json_builder_set_member_name (builder, "text_sha256");
  json_builder_add_string_value (builder, am_text_get_sha256 (self->text));
  add_count (builder, "moved", self->n_moved);
  add_count (builder, "unplaced", self->n_unplaced);

  json_builder_set_member_name (builder, "annotators");
  json_builder_begin_array (builder);
  for (i = 0; i < self->n_raters; i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->raters[i].name);
      json_builder_set_member_name (builder, "missing");
      json_builder_add_boolean_value (builder, self->raters[i].missing);
      add_count (builder, "spans", am_agreement_get_n_spans (self, i, -1));
      add_count (builder, "links", self->raters[i].links->len);
      json_builder_set_member_name (builder, "spans_per_label");
      json_builder_begin_object (builder);
      for (l = 0; l < self->labels->len; l++)
        add_count (builder, g_ptr_array_index (self->labels, l), self->raters[i].n_spans[l]);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "group");
  json_builder_begin_object (builder);
  add_score_table (self, builder, self->group_scores, FALSE);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (i = 0; i < self->n_raters; i++)
    for (j = i + 1; j < self->n_raters; j++)
      {
        json_builder_begin_object (builder);
        add_count (builder, "a", i);
        add_count (builder, "b", j);
        add_score_table (self, builder, pair_scores (self, i, j), TRUE);
        json_builder_end_object (builder);
      }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}
