/* am-adjudication.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-adjudication"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-adjudication.h"
#include "am-agreement.h"
#include "am-diff-private.h"
#include "am-label.h"
#include "am-label-schema.h"
#include "am-relation-type.h"

/* Settles the differences between several documents of one article into a new
 * gold document. All state lives in the gold document itself (a candidate is
 * accepted when the gold has an annotation with its start, end and label), so
 * undo and redo on the gold document are all the adjudication needs.
 *
 * Links: after every step, each link of a source document whose two ends are
 * both in the gold (same start, end and label) is added to the gold, unless it
 * is there already or the schema forbids it; removing an annotation removes its
 * links (the document does that).
 */
struct _AmAdjudication
{
  GObject      parent_instance;

  AmDocument  *gold;
  GPtrArray   *documents;     /* AmDocument, aligned onto the gold's text */
  GStrv        names;
  GListStore  *differences;
  GPtrArray   *agreed;        /* AmCandidate */
};

G_DEFINE_FINAL_TYPE (AmAdjudication, am_adjudication, G_TYPE_OBJECT)

static void
am_adjudication_dispose (GObject *object)
{
  AmAdjudication *self = (AmAdjudication *)object;

  g_clear_object (&self->gold);
  g_clear_object (&self->differences);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->agreed, g_ptr_array_unref);

  G_OBJECT_CLASS (am_adjudication_parent_class)->dispose (object);
}

static void
am_adjudication_finalize (GObject *object)
{
  AmAdjudication *self = (AmAdjudication *)object;

  g_clear_pointer (&self->names, g_strfreev);

  G_OBJECT_CLASS (am_adjudication_parent_class)->finalize (object);
}

static void
am_adjudication_class_init (AmAdjudicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_adjudication_dispose;
  object_class->finalize = am_adjudication_finalize;
}

static void
am_adjudication_init (AmAdjudication *self)
{
}

/* Labels and relations that another annotator's schema has and the first
 * one's lacks join the gold's schema, so that their spans can be accepted.
 * A shortcut key already taken is left out rather than the label.
 */
static void
merge_schema (AmLabelSchema *gold,
              AmLabelSchema *other)
{
  GListModel *labels = am_label_schema_get_labels (other);
  GListModel *relations = am_label_schema_get_relations (other);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);
      g_autoptr(AmLabel) copy = NULL;

      if (am_label_schema_lookup_label (gold, am_label_get_id (label)) != NULL)
        continue;
      copy = am_label_new (am_label_get_id (label), am_label_get_name (label),
                           am_label_get_color (label), am_label_get_dark_color (label),
                           am_label_get_key (label));
      if (!am_label_schema_add_label (gold, copy, NULL))
        {
          g_clear_object (&copy);
          copy = am_label_new (am_label_get_id (label), am_label_get_name (label),
                               am_label_get_color (label), am_label_get_dark_color (label), NULL);
          am_label_schema_add_label (gold, copy, NULL);
        }
    }

  for (i = 0; i < g_list_model_get_n_items (relations); i++)
    {
      g_autoptr(AmRelationType) relation = g_list_model_get_item (relations, i);
      g_autoptr(AmRelationType) copy = NULL;

      if (am_label_schema_lookup_relation (gold, am_relation_type_get_id (relation)) != NULL)
        continue;
      copy = am_relation_type_new (am_relation_type_get_id (relation),
                                   am_relation_type_get_name (relation),
                                   am_relation_type_get_from (relation),
                                   am_relation_type_get_to (relation));
      am_label_schema_add_relation (gold, copy, NULL);
    }
}

/**
 * am_adjudication_new:
 * @documents: (array length=n_documents): two or more documents of one article
 * @names: (array zero-terminated=1) (nullable): a name per document, or %NULL
 *   to use each document's annotator
 * @reviewer: the name of the person adjudicating
 *
 * Starts an adjudication: an empty gold document on the first document's text,
 * with its schema and metadata, annotator @reviewer and status done.
 *
 * Returns: (transfer full): the adjudication, or %NULL with @error set
 */
AmAdjudication *
am_adjudication_new (AmDocument * const  *documents,
                     guint                n_documents,
                     const char * const  *names,
                     const char          *reviewer,
                     GError             **error)
{
  g_autoptr(AmAdjudication) self = NULL;
  g_autoptr(AmLabelSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;
  guint i;

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (n_documents >= 2, NULL);
  g_return_val_if_fail (reviewer != NULL, NULL);

  if (n_documents > AM_DIFF_MAX_DOCUMENTS)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_TOO_LARGE,
                   _("At most %d documents can be adjudicated at once"), AM_DIFF_MAX_DOCUMENTS);
      return NULL;
    }

  self = g_object_new (AM_TYPE_ADJUDICATION, NULL);
  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  for (i = 0; i < n_documents; i++)
    {
      AmDocument *doc = am_agreement_align_document (documents[0], documents[i], NULL, NULL, error);

      if (doc == NULL)
        return NULL;
      g_ptr_array_add (self->documents, doc);
    }
  self->names = _am_diff_names (documents, n_documents, names);
  _am_diff_compute ((AmDocument * const *) self->documents->pdata, n_documents,
                    (const char * const *) self->names, &self->differences, &self->agreed);

  schema = am_label_schema_copy (am_document_get_schema (documents[0]));
  for (i = 1; i < n_documents; i++)
    merge_schema (schema, am_document_get_schema (documents[i]));
  self->gold = am_document_new_for_text (am_document_get_text (documents[0]), schema);
  keys = am_document_dup_meta_keys (documents[0]);
  for (i = 0; keys[i] != NULL; i++)
    am_document_set_meta (self->gold, keys[i], am_document_get_meta (documents[0], keys[i]));
  am_document_set_annotator (self->gold, reviewer);
  am_document_set_status (self->gold, AM_DOCUMENT_STATUS_DONE);
  am_document_clear_history (self->gold);

  return g_steal_pointer (&self);
}

/**
 * am_adjudication_get_gold:
 *
 * Returns: (transfer none): the gold document being built
 */
AmDocument *
am_adjudication_get_gold (AmAdjudication *self)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), NULL);

  return self->gold;
}

/**
 * am_adjudication_get_differences:
 *
 * Returns: (transfer none): the differences (#AmDifference) in text order
 */
GListModel *
am_adjudication_get_differences (AmAdjudication *self)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), NULL);

  return G_LIST_MODEL (self->differences);
}

guint
am_adjudication_get_n_documents (AmAdjudication *self)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), 0);

  return self->documents->len;
}

/**
 * am_adjudication_get_document:
 * @document: the index of a document given to am_adjudication_new()
 *
 * Returns: (transfer none): that document placed on the gold's text (the
 *   document itself when their texts are equal), for showing its spans
 */
AmDocument *
am_adjudication_get_document (AmAdjudication *self,
                              guint           document)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (document < self->documents->len, NULL);

  return g_ptr_array_index (self->documents, document);
}

const char *
am_adjudication_get_name (AmAdjudication *self,
                          guint           document)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), NULL);
  g_return_val_if_fail (document < self->documents->len, NULL);

  return self->names[document];
}

/**
 * am_adjudication_get_n_agreed:
 *
 * Returns: the number of spans every annotator has
 */
guint
am_adjudication_get_n_agreed (AmAdjudication *self)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), 0);

  return self->agreed->len;
}

static char *
span_key (guint       start,
          guint       end,
          const char *label)
{
  return g_strdup_printf ("%u:%u:%s", start, end, label);
}

/* The gold's annotations by start, end and label, for one step. */
static GHashTable *
index_gold (AmAdjudication *self)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  GListModel *annotations = am_document_get_annotations (self->gold);
  guint n = g_list_model_get_n_items (annotations);
  guint i;

  for (i = 0; i < n; i++)
    {
      AmAnnotation *ann = g_list_model_get_item (annotations, i);

      g_hash_table_insert (index,
                           span_key (am_annotation_get_start (ann), am_annotation_get_end (ann),
                                     am_annotation_get_label (ann)),
                           ann);
    }
  return index;
}

static AmAnnotation *
lookup_candidate (GHashTable  *index,
                  AmCandidate *c)
{
  g_autofree char *key = span_key (c->start, c->end, c->label);

  return g_hash_table_lookup (index, key);
}

static gboolean
check_candidate (AmAdjudication  *self,
                 AmCandidate     *c,
                 GError         **error)
{
  if (am_label_schema_lookup_label (am_document_get_schema (self->gold), c->label) == NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_UNKNOWN_LABEL,
                   _("The gold document’s schema has no label “%s”"), c->label);
      return FALSE;
    }
  return am_document_check_span (self->gold, c->start, c->end, error);
}

static gboolean
add_candidate (AmAdjudication  *self,
               GHashTable      *index,
               AmCandidate     *c,
               GError         **error)
{
  g_autoptr(AmAnnotation) ann = NULL;
  const char *note = NULL;
  guint i;

  /* The first annotator who wrote a note on it. */
  for (i = 0; i < c->annotations->len && (note == NULL || *note == '\0'); i++)
    note = am_annotation_get_note (g_ptr_array_index (c->annotations, i));

  ann = g_object_new (AM_TYPE_ANNOTATION,
                      "label", c->label,
                      "start", c->start,
                      "end", c->end,
                      "note", note,
                      "author", am_document_get_annotator (self->gold),
                      "sources", c->annotators,
                      NULL);
  if (!am_document_insert_annotation (self->gold, ann, error))
    return FALSE;
  g_hash_table_insert (index, span_key (c->start, c->end, c->label), g_object_ref (ann));
  return TRUE;
}

static void
carry_links (AmAdjudication *self,
             GHashTable     *index)
{
  g_autoptr(GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *gold_links = am_document_get_links (self->gold);
  guint n = g_list_model_get_n_items (gold_links);
  guint d;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLink) link = g_list_model_get_item (gold_links, i);

      g_hash_table_add (present, g_strdup_printf ("%s\t%s\t%s", am_link_get_relation (link),
                                                  am_link_get_from (link), am_link_get_to (link)));
    }

  for (d = 0; d < self->documents->len; d++)
    {
      AmDocument *doc = g_ptr_array_index (self->documents, d);
      GListModel *links = am_document_get_links (doc);

      n = g_list_model_get_n_items (links);
      for (i = 0; i < n; i++)
        {
          g_autoptr(AmLink) link = g_list_model_get_item (links, i);
          AmAnnotation *from = am_document_lookup_annotation (doc, am_link_get_from (link));
          AmAnnotation *to = am_document_lookup_annotation (doc, am_link_get_to (link));
          g_autofree char *from_key = NULL;
          g_autofree char *to_key = NULL;
          g_autofree char *key = NULL;
          AmAnnotation *gold_from;
          AmAnnotation *gold_to;

          if (from == NULL || to == NULL)
            continue;
          from_key = span_key (am_annotation_get_start (from), am_annotation_get_end (from),
                               am_annotation_get_label (from));
          to_key = span_key (am_annotation_get_start (to), am_annotation_get_end (to),
                             am_annotation_get_label (to));
          gold_from = g_hash_table_lookup (index, from_key);
          gold_to = g_hash_table_lookup (index, to_key);
          if (gold_from == NULL || gold_to == NULL)
            continue;

          key = g_strdup_printf ("%s\t%s\t%s", am_link_get_relation (link),
                                 am_annotation_get_id (gold_from), am_annotation_get_id (gold_to));
          if (g_hash_table_contains (present, key))
            continue;
          /* A relation the gold schema forbids is simply not carried over. */
          if (am_document_link (self->gold, am_link_get_relation (link),
                                am_annotation_get_id (gold_from), am_annotation_get_id (gold_to),
                                NULL) != NULL)
            g_hash_table_add (present, g_steal_pointer (&key));
        }
    }
}

/* Makes the gold hold exactly the candidates of @difference marked in
 * @wanted, as one undoable step.
 */
static gboolean
settle (AmAdjudication  *self,
        AmDifference    *difference,
        const gboolean  *wanted,
        GError         **error)
{
  g_autoptr(GHashTable) index = NULL;
  guint n = am_difference_get_n_candidates (difference);
  gboolean ok = TRUE;
  guint i;

  for (i = 0; i < n; i++)
    if (wanted[i] && !check_candidate (self, _am_difference_get_candidate (difference, i), error))
      return FALSE;

  index = index_gold (self);
  am_document_begin_group (self->gold);
  for (i = 0; i < n && ok; i++)
    {
      AmCandidate *c = _am_difference_get_candidate (difference, i);
      AmAnnotation *ann = lookup_candidate (index, c);

      if (wanted[i] && ann == NULL)
        ok = add_candidate (self, index, c, error);
      else if (!wanted[i] && ann != NULL)
        {
          g_autofree char *key = span_key (c->start, c->end, c->label);

          ok = am_document_remove_annotation (self->gold, am_annotation_get_id (ann), error);
          g_hash_table_remove (index, key);
        }
    }
  if (ok)
    carry_links (self, index);
  am_document_end_group (self->gold);

  return ok;
}

/* Which candidates of @difference @document has (all when @document is
 * G_MAXUINT and @all, none when it is G_MAXUINT and not @all).
 */
static gboolean *
wanted_of (AmDifference *difference,
           guint         document,
           gboolean      all)
{
  guint n = am_difference_get_n_candidates (difference);
  gboolean *wanted = g_new0 (gboolean, MAX (n, 1));
  guint i;

  for (i = 0; i < n; i++)
    wanted[i] = all || (document != G_MAXUINT && am_difference_candidate_has (difference, i, document));
  return wanted;
}

/**
 * am_adjudication_accept_agreed:
 *
 * Adds every span all annotators agree on (and the links between them), as
 * one undoable step.
 *
 * Returns: the number of spans added, 0 with @error set on failure
 */
guint
am_adjudication_accept_agreed (AmAdjudication  *self,
                               GError         **error)
{
  g_autoptr(GHashTable) index = NULL;
  guint added = 0;
  guint i;

  g_return_val_if_fail (AM_IS_ADJUDICATION (self), 0);

  for (i = 0; i < self->agreed->len; i++)
    if (!check_candidate (self, g_ptr_array_index (self->agreed, i), error))
      return 0;

  index = index_gold (self);
  am_document_begin_group (self->gold);
  for (i = 0; i < self->agreed->len; i++)
    {
      AmCandidate *c = g_ptr_array_index (self->agreed, i);

      if (lookup_candidate (index, c) != NULL)
        continue;
      if (!add_candidate (self, index, c, error))
        break;
      added++;
    }
  carry_links (self, index);
  am_document_end_group (self->gold);

  return added;
}

/**
 * am_adjudication_accept:
 * @document: the index of the document whose side to take
 *
 * Settles @difference with the spans @document has in it (none, if it has
 * none: accepting an “only in the other” side removes it), as one undoable step.
 */
gboolean
am_adjudication_accept (AmAdjudication  *self,
                        AmDifference    *difference,
                        guint            document,
                        GError         **error)
{
  g_autofree gboolean *wanted = NULL;

  g_return_val_if_fail (AM_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (AM_IS_DIFFERENCE (difference), FALSE);
  g_return_val_if_fail (document < self->documents->len, FALSE);

  wanted = wanted_of (difference, document, FALSE);
  return settle (self, difference, wanted, error);
}

/**
 * am_adjudication_accept_all:
 *
 * Settles @difference with every candidate span (“both”), as one undoable step.
 */
gboolean
am_adjudication_accept_all (AmAdjudication  *self,
                            AmDifference    *difference,
                            GError         **error)
{
  g_autofree gboolean *wanted = NULL;

  g_return_val_if_fail (AM_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (AM_IS_DIFFERENCE (difference), FALSE);

  wanted = wanted_of (difference, G_MAXUINT, TRUE);
  return settle (self, difference, wanted, error);
}

/**
 * am_adjudication_reject:
 *
 * Settles @difference with none of its spans (“neither”), as one undoable step.
 */
gboolean
am_adjudication_reject (AmAdjudication  *self,
                        AmDifference    *difference,
                        GError         **error)
{
  g_autofree gboolean *wanted = NULL;

  g_return_val_if_fail (AM_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (AM_IS_DIFFERENCE (difference), FALSE);

  wanted = wanted_of (difference, G_MAXUINT, FALSE);
  return settle (self, difference, wanted, error);
}

/**
 * am_adjudication_set_accepted:
 * @candidate: a candidate of @difference
 * @accepted: whether the gold should have it
 *
 * Adds one candidate span of @difference to the gold, or removes it, leaving
 * the others as they are, as one undoable step: for choosing among three or
 * more annotators' spans one by one.
 */
gboolean
am_adjudication_set_accepted (AmAdjudication  *self,
                              AmDifference    *difference,
                              guint            candidate,
                              gboolean         accepted,
                              GError         **error)
{
  g_autofree gboolean *wanted = NULL;
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (AM_IS_DIFFERENCE (difference), FALSE);
  n = am_difference_get_n_candidates (difference);
  g_return_val_if_fail (candidate < n, FALSE);

  wanted = g_new0 (gboolean, n);
  for (i = 0; i < n; i++)
    wanted[i] = i == candidate ? accepted : am_adjudication_is_accepted (self, difference, i);
  return settle (self, difference, wanted, error);
}

/**
 * am_adjudication_is_accepted:
 *
 * Returns: whether the gold has the candidate span (same start, end and label)
 */
gboolean
am_adjudication_is_accepted (AmAdjudication *self,
                             AmDifference   *difference,
                             guint           candidate)
{
  g_autoptr(GPtrArray) at = NULL;
  AmCandidate *c;
  guint i;

  g_return_val_if_fail (AM_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (AM_IS_DIFFERENCE (difference), FALSE);
  g_return_val_if_fail (candidate < am_difference_get_n_candidates (difference), FALSE);

  c = _am_difference_get_candidate (difference, candidate);
  at = am_document_list_annotations_at (self->gold, c->start);
  for (i = 0; i < at->len; i++)
    {
      AmAnnotation *ann = g_ptr_array_index (at, i);

      if (am_annotation_get_start (ann) == c->start && am_annotation_get_end (ann) == c->end &&
          g_str_equal (am_annotation_get_label (ann), c->label))
        return TRUE;
    }
  return FALSE;
}

/**
 * am_adjudication_edit_span:
 * @id: a gold annotation
 *
 * Moves the boundaries of a gold annotation, keeping its provenance, as one
 * undoable step.
 */
gboolean
am_adjudication_edit_span (AmAdjudication  *self,
                           const char      *id,
                           guint            start,
                           guint            end,
                           GError         **error)
{
  g_return_val_if_fail (AM_IS_ADJUDICATION (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  return am_document_set_span (self->gold, id, start, end, error);
}
