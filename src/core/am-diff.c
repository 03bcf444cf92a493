/* am-diff.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-diff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-agreement.h"
#include "am-diff.h"
#include "am-diff-private.h"

/* A difference gathers the spans (candidates) that some annotators have and
 * others do not, joined when they overlap with the same label or sit at the
 * same offsets with other labels: everything a reviewer has to settle at once.
 */
struct _AmDifference
{
  GObject           parent_instance;
  AmDifferenceKind  kind;
  guint             start;
  guint             end;
  GPtrArray        *candidates;   /* AmCandidate, shared */
};

G_DEFINE_ENUM_TYPE (AmDifferenceKind, am_difference_kind,
                    G_DEFINE_ENUM_VALUE (AM_DIFFERENCE_LABEL, "label"),
                    G_DEFINE_ENUM_VALUE (AM_DIFFERENCE_BOUNDARY, "boundary"),
                    G_DEFINE_ENUM_VALUE (AM_DIFFERENCE_LABEL_AND_BOUNDARY, "label-and-boundary"),
                    G_DEFINE_ENUM_VALUE (AM_DIFFERENCE_MISSING, "missing"))

G_DEFINE_FINAL_TYPE (AmDifference, am_difference, G_TYPE_OBJECT)

/* Read-only properties, so that list rows can bind them in expressions. */
enum {
  PROP_0,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_LABELS,
  PROP_N_CANDIDATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AmCandidate *
_am_candidate_ref (AmCandidate *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
_am_candidate_unref (AmCandidate *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->label);
  g_free (self->quote);
  g_strfreev (self->annotators);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  g_free (self);
}

static void
am_difference_finalize (GObject *object)
{
  AmDifference *self = (AmDifference *)object;

  g_clear_pointer (&self->candidates, g_ptr_array_unref);

  G_OBJECT_CLASS (am_difference_parent_class)->finalize (object);
}

static void
am_difference_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmDifference *self = AM_DIFFERENCE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_LABELS:
      g_value_take_boxed (value, am_difference_dup_labels (self));
      break;

    case PROP_N_CANDIDATES:
      g_value_set_uint (value, self->candidates->len);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_difference_class_init (AmDifferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_difference_finalize;
  object_class->get_property = am_difference_get_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       AM_TYPE_DIFFERENCE_KIND, AM_DIFFERENCE_MISSING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LABELS] =
    g_param_spec_boxed ("labels", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_N_CANDIDATES] =
    g_param_spec_uint ("n-candidates", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_START] =
    g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_END] =
    g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_difference_init (AmDifference *self)
{
  self->candidates = g_ptr_array_new_with_free_func ((GDestroyNotify) _am_candidate_unref);
}

AmDifferenceKind
am_difference_get_kind (AmDifference *self)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), AM_DIFFERENCE_MISSING);

  return self->kind;
}

guint
am_difference_get_start (AmDifference *self)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), 0);

  return self->start;
}

guint
am_difference_get_end (AmDifference *self)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), 0);

  return self->end;
}

/**
 * am_difference_dup_labels:
 *
 * Returns: (transfer full): the distinct labels of the candidates, in order
 */
GStrv
am_difference_dup_labels (AmDifference *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint i;

  g_return_val_if_fail (AM_IS_DIFFERENCE (self), NULL);

  for (i = 0; i < self->candidates->len; i++)
    {
      AmCandidate *c = g_ptr_array_index (self->candidates, i);

      if (g_hash_table_add (seen, c->label))
        g_strv_builder_add (builder, c->label);
    }
  return g_strv_builder_end (builder);
}

guint
am_difference_get_n_candidates (AmDifference *self)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), 0);

  return self->candidates->len;
}

static AmCandidate *
get_candidate (AmDifference *self,
               guint         candidate)
{
  return g_ptr_array_index (self->candidates, candidate);
}

const char *
am_difference_get_candidate_label (AmDifference *self,
                                   guint         candidate)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), NULL);
  g_return_val_if_fail (candidate < self->candidates->len, NULL);

  return get_candidate (self, candidate)->label;
}

guint
am_difference_get_candidate_start (AmDifference *self,
                                   guint         candidate)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), 0);
  g_return_val_if_fail (candidate < self->candidates->len, 0);

  return get_candidate (self, candidate)->start;
}

guint
am_difference_get_candidate_end (AmDifference *self,
                                 guint         candidate)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), 0);
  g_return_val_if_fail (candidate < self->candidates->len, 0);

  return get_candidate (self, candidate)->end;
}

const char *
am_difference_get_candidate_quote (AmDifference *self,
                                   guint         candidate)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), NULL);
  g_return_val_if_fail (candidate < self->candidates->len, NULL);

  return get_candidate (self, candidate)->quote;
}

/**
 * am_difference_candidate_has:
 * @document: the index of a document given to am_diff_documents()
 *
 * Returns: whether that document has the candidate span
 */
gboolean
am_difference_candidate_has (AmDifference *self,
                             guint         candidate,
                             guint         document)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), FALSE);
  g_return_val_if_fail (candidate < self->candidates->len, FALSE);

  return document < AM_DIFF_MAX_DOCUMENTS &&
         (get_candidate (self, candidate)->documents & (G_GUINT64_CONSTANT (1) << document)) != 0;
}

/**
 * am_difference_get_candidate_annotators:
 *
 * Returns: (transfer none): the names of the annotators who have the candidate
 */
const char * const *
am_difference_get_candidate_annotators (AmDifference *self,
                                        guint         candidate)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), NULL);
  g_return_val_if_fail (candidate < self->candidates->len, NULL);

  return (const char * const *) get_candidate (self, candidate)->annotators;
}

/**
 * am_difference_kind_to_string:
 *
 * Returns: the stable name of @kind used in the CLI's output
 */
const char *
am_difference_kind_to_string (AmDifferenceKind kind)
{
  switch (kind)
    {
    case AM_DIFFERENCE_LABEL:
      return "label";
    case AM_DIFFERENCE_BOUNDARY:
      return "boundary";
    case AM_DIFFERENCE_LABEL_AND_BOUNDARY:
      return "label+boundary";
    case AM_DIFFERENCE_MISSING:
      return "missing";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * am_difference_describe:
 *
 * Returns: (transfer full): one readable line per candidate: label, offsets,
 *   quote and who has it
 */
char *
am_difference_describe (AmDifference *self)
{
  GString *out = g_string_new (NULL);
  guint i;

  g_return_val_if_fail (AM_IS_DIFFERENCE (self), NULL);

  for (i = 0; i < self->candidates->len; i++)
    {
      AmCandidate *c = get_candidate (self, i);
      g_autofree char *who = g_strjoinv (", ", c->annotators);

      /* TRANSLATORS: label [start, end) “quote”: annotators */
      g_string_append_printf (out, _("%s [%u, %u) “%s”: %s\n"),
                              c->label, c->start, c->end, c->quote, who);
    }
  return g_string_free (out, FALSE);
}

/* ---------------------------------------------------------------------- */

static guint
find_root (guint *parent,
           guint  i)
{
  while (parent[i] != i)
    {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
  return i;
}

static void
join (guint *parent,
      guint  i,
      guint  j)
{
  i = find_root (parent, i);
  j = find_root (parent, j);
  if (i != j)
    parent[MAX (i, j)] = MIN (i, j);
}

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const AmCandidate *x = *(AmCandidate * const *) a;
  const AmCandidate *y = *(AmCandidate * const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return g_strcmp0 (x->label, y->label);
}

static AmDifference *
difference_new (GPtrArray *members)
{
  AmDifference *self = g_object_new (AM_TYPE_DIFFERENCE, NULL);
  gboolean same_offsets = TRUE;
  gboolean same_label = TRUE;
  guint i;

  for (i = 0; i < members->len; i++)
    {
      AmCandidate *c = g_ptr_array_index (members, i);
      AmCandidate *first = g_ptr_array_index (members, 0);

      g_ptr_array_add (self->candidates, _am_candidate_ref (c));
      self->start = i == 0 ? c->start : MIN (self->start, c->start);
      self->end = MAX (self->end, c->end);
      same_offsets &= c->start == first->start && c->end == first->end;
      same_label &= g_str_equal (c->label, first->label);
    }

  if (members->len == 1)
    self->kind = AM_DIFFERENCE_MISSING;
  else if (same_offsets)
    self->kind = AM_DIFFERENCE_LABEL;
  else if (same_label)
    self->kind = AM_DIFFERENCE_BOUNDARY;
  else
    self->kind = AM_DIFFERENCE_LABEL_AND_BOUNDARY;

  return self;
}

/**
 * _am_diff_is_missing:
 *
 * A document whose status is “new” and that has no annotation has not been
 * annotated yet: its annotator takes no part in a comparison. (One in
 * progress or done without spans found nothing, and counts.)
 */
gboolean
_am_diff_is_missing (AmDocument *document)
{
  return am_document_get_status (document) == AM_DOCUMENT_STATUS_NEW &&
         g_list_model_get_n_items (am_document_get_annotations (document)) == 0;
}

/**
 * _am_diff_compute:
 * @aligned: documents already aligned onto one text
 * @names: one name per document
 * @differences: (out): the differences, a GListStore of AmDifference
 * @agreed: (out): the candidates every present annotator has, in text order
 *
 * A document whose status is “new” without annotations is not annotated yet:
 * it takes no part (as in the agreement).
 */
void
_am_diff_compute (AmDocument * const *aligned,
                  guint               n_documents,
                  const char * const *names,
                  GListStore        **differences,
                  GPtrArray         **agreed)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) _am_candidate_unref);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  g_autofree guint *parent = NULL;
  AmText *text = am_document_get_text (aligned[0]);
  guint64 present = 0;
  guint i;
  guint d;

  *differences = g_list_store_new (AM_TYPE_DIFFERENCE);
  *agreed = g_ptr_array_new_with_free_func ((GDestroyNotify) _am_candidate_unref);

  for (d = 0; d < n_documents && d < AM_DIFF_MAX_DOCUMENTS; d++)
    {
      GListModel *annotations = am_document_get_annotations (aligned[d]);
      guint n = g_list_model_get_n_items (annotations);

      if (_am_diff_is_missing (aligned[d]))
        continue;
      present |= G_GUINT64_CONSTANT (1) << d;

      for (i = 0; i < n; i++)
        {
          g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);
          g_autofree char *key = g_strdup_printf ("%u:%u:%s",
                                                  am_annotation_get_start (ann),
                                                  am_annotation_get_end (ann),
                                                  am_annotation_get_label (ann));
          AmCandidate *c = g_hash_table_lookup (by_key, key);

          if (c == NULL)
            {
              c = g_new0 (AmCandidate, 1);
              g_atomic_ref_count_init (&c->ref_count);
              c->label = g_strdup (am_annotation_get_label (ann));
              c->start = am_annotation_get_start (ann);
              c->end = am_annotation_get_end (ann);
              c->quote = am_text_substring (text, c->start, c->end);
              c->annotations = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_key, g_steal_pointer (&key), c);
              g_ptr_array_add (all, c);
            }
          c->documents |= G_GUINT64_CONSTANT (1) << d;
          g_ptr_array_add (c->annotations, g_object_ref (ann));
        }
    }

  g_ptr_array_sort (all, compare_candidates);
  for (i = 0; i < all->len; i++)
    {
      AmCandidate *c = g_ptr_array_index (all, i);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (d = 0; d < n_documents && d < AM_DIFF_MAX_DOCUMENTS; d++)
        if (c->documents & (G_GUINT64_CONSTANT (1) << d))
          g_strv_builder_add (builder, names[d]);
      c->annotators = g_strv_builder_end (builder);

      if (c->documents == present)
        g_ptr_array_add (*agreed, _am_candidate_ref (c));
      else
        g_ptr_array_add (open, c);
    }

  /* Join candidates at the same offsets, then overlapping ones of one label
   * (sweeping each label in order of start: a span that starts before the
   * running maximum end overlaps the span reaching it).
   */
  parent = g_new (guint, open->len + 1);
  for (i = 0; i < open->len; i++)
    {
      parent[i] = i;
      if (i > 0)
        {
          AmCandidate *p = g_ptr_array_index (open, i - 1);
          AmCandidate *c = g_ptr_array_index (open, i);

          if (p->start == c->start && p->end == c->end)
            join (parent, i - 1, i);
        }
    }
  {
    g_autoptr(GHashTable) reach = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

    for (i = 0; i < open->len; i++)
      {
        AmCandidate *c = g_ptr_array_index (open, i);
        guint *r = g_hash_table_lookup (reach, c->label);

        if (r == NULL)
          {
            r = g_new (guint, 2);
            r[0] = c->end;
            r[1] = i;
            g_hash_table_insert (reach, c->label, r);
            continue;
          }
        if (c->start < r[0])
          join (parent, r[1], i);
        if (c->end > r[0])
          {
            r[0] = c->end;
            r[1] = i;
          }
      }
  }

  /* Components in order of their first candidate. */
  {
    g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
    g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));

    for (i = 0; i < open->len; i++)
      {
        guint root = find_root (parent, i);
        GPtrArray *members = g_hash_table_lookup (groups, GUINT_TO_POINTER (root));

        if (members == NULL)
          {
            members = g_ptr_array_new ();
            g_hash_table_insert (groups, GUINT_TO_POINTER (root), members);
            g_array_append_val (order, root);
          }
        g_ptr_array_add (members, g_ptr_array_index (open, i));
      }
    for (i = 0; i < order->len; i++)
      {
        GPtrArray *members = g_hash_table_lookup (groups, GUINT_TO_POINTER (g_array_index (order, guint, i)));
        g_autoptr(AmDifference) difference = difference_new (members);

        g_list_store_append (*differences, difference);
      }
  }
}

/**
 * _am_diff_names:
 *
 * Returns: (transfer full): @names, or each document's annotator, made unique
 */
GStrv
_am_diff_names (AmDocument * const *documents,
                guint               n_documents,
                const char * const *names)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i;

  for (i = 0; i < n_documents; i++)
    {
      const char *name = names != NULL ? names[i] : am_document_get_annotator (documents[i]);
      g_autofree char *unique = NULL;

      if (name == NULL || *name == '\0')
        unique = g_strdup_printf (_("Annotator %u"), i + 1);
      else if (g_hash_table_contains (seen, name))
        unique = g_strdup_printf ("%s (%u)", name, i + 1);
      else
        unique = g_strdup (name);
      g_hash_table_add (seen, g_strdup (unique));
      g_strv_builder_add (builder, unique);
    }
  return g_strv_builder_end (builder);
}

/**
 * am_diff_documents:
 * @documents: (array length=n_documents): two or more documents of one article
 * @names: (array zero-terminated=1) (nullable): a name per document, or %NULL
 *   to use each document's annotator
 *
 * Compares the documents span by span. Documents whose text differs from the
 * first one's are aligned onto it by quote first.
 *
 * Returns: (transfer full): a list model of #AmDifference in text order, or
 *   %NULL with @error set
 */
GListModel *
am_diff_documents (AmDocument * const *documents,
                   guint               n_documents,
                   const char * const *names,
                   GError            **error)
{
  g_autoptr(GPtrArray) aligned = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) agreed = NULL;
  g_auto(GStrv) unique = NULL;
  GListStore *differences;
  guint i;

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (n_documents >= 2, NULL);

  if (n_documents > AM_DIFF_MAX_DOCUMENTS)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("At most %d documents can be compared at once"), AM_DIFF_MAX_DOCUMENTS);
      return NULL;
    }

  for (i = 0; i < n_documents; i++)
    {
      AmDocument *doc = am_agreement_align_document (documents[0], documents[i], NULL, NULL, error);

      if (doc == NULL)
        return NULL;
      g_ptr_array_add (aligned, doc);
    }

  unique = _am_diff_names (documents, n_documents, names);
  _am_diff_compute ((AmDocument * const *) aligned->pdata, n_documents,
                    (const char * const *) unique, &differences, &agreed);

  return G_LIST_MODEL (differences);
}

AmCandidate *
_am_difference_get_candidate (AmDifference *self,
                              guint         candidate)
{
  g_return_val_if_fail (AM_IS_DIFFERENCE (self), NULL);
  g_return_val_if_fail (candidate < self->candidates->len, NULL);

  return g_ptr_array_index (self->candidates, candidate);
}
