/* am-document.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-document"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-annotation-private.h"
#include "am-document-private.h"
#include "am-link-private.h"

typedef enum
{
  OP_ADD_ANNOTATION,
  OP_REMOVE_ANNOTATION,
  OP_CHANGE_ANNOTATION,
  OP_ADD_LINK,
  OP_REMOVE_LINK,
  OP_SET_FIELD,
  OP_GROUP,
} OpKind;

/* The parts of an annotation that an edit can change. */
typedef struct
{
  char  *label;
  guint  start;
  guint  end;
  char  *note;
  char  *modified;
  GStrv  sources;
} AnnotationState;

/* One undoable step. Annotations and links are kept as objects, so undoing a
 * removal brings back the very same object that views may still hold.
 */
typedef struct
{
  OpKind           kind;
  guint64          serial;
  AmAnnotation    *annotation;
  GPtrArray       *links;
  AmLink          *link;
  AnnotationState  before;
  AnnotationState  after;
  char            *field;
  char            *old_value;
  char            *new_value;
  guint            had_old : 1;
  guint            has_new : 1;
  GPtrArray       *children;
} Op;

struct _AmDocument
{
  GObject           parent_instance;

  AmText           *text;
  AmLabelSchema    *schema;
  GHashTable       *meta;
  char             *annotator;
  AmDocumentStatus  status;

  GListStore       *annotations;
  GListStore       *links;
  GListStore       *orphans;
  GHashTable       *annotation_by_id;
  GHashTable       *link_by_id;
  /* "start:end:label" of every annotation, to refuse tagging a span twice. */
  GHashTable       *span_keys;
  /* "relation\nfrom\nto" of every link, to refuse the same link twice
   * without walking all links (loading thousands would be quadratic).
   */
  GHashTable       *link_keys;
  guint             next_annotation;
  guint             next_link;
  /* Annotations the loader has checked and indexed, not yet in the list. */
  GPtrArray        *pending;

  GPtrArray        *undo_stack;
  GPtrArray        *redo_stack;
  Op               *group;
  guint             group_depth;
  guint64           last_serial;
  guint64           saved_serial;

  guint             can_undo : 1;
  guint             can_redo : 1;
  guint             modified : 1;
};

G_DEFINE_FINAL_TYPE (AmDocument, am_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_ANNOTATOR,
  PROP_STATUS,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  ANNOTATION_ADDED,
  ANNOTATION_REMOVED,
  ANNOTATION_CHANGED,
  LINK_ADDED,
  LINK_REMOVED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
annotation_state_clear (AnnotationState *state)
{
  g_clear_pointer (&state->label, g_free);
  g_clear_pointer (&state->note, g_free);
  g_clear_pointer (&state->modified, g_free);
  g_clear_pointer (&state->sources, g_strfreev);
}

static void
annotation_state_save (AnnotationState *state,
                       AmAnnotation    *annotation)
{
  state->label = g_strdup (am_annotation_get_label (annotation));
  state->start = am_annotation_get_start (annotation);
  state->end = am_annotation_get_end (annotation);
  state->note = g_strdup (am_annotation_get_note (annotation));
  state->modified = g_strdup (am_annotation_get_modified (annotation));
  state->sources = g_strdupv ((char **) am_annotation_get_sources (annotation));
}

static void
op_free (Op *op)
{
  g_clear_object (&op->annotation);
  g_clear_pointer (&op->links, g_ptr_array_unref);
  g_clear_object (&op->link);
  annotation_state_clear (&op->before);
  annotation_state_clear (&op->after);
  g_clear_pointer (&op->field, g_free);
  g_clear_pointer (&op->old_value, g_free);
  g_clear_pointer (&op->new_value, g_free);
  g_clear_pointer (&op->children, g_ptr_array_unref);
  g_free (op);
}

static Op *
op_new (OpKind kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  return op;
}

static char *
span_key (guint       start,
          guint       end,
          const char *label)
{
  /* Not g_strdup_printf (): loading makes one per annotation. */
  gsize label_len = strlen (label);
  char digits[2][16];
  guint values[2] = { start, end };
  gsize lengths[2];
  char *key;
  char *p;
  guint i;

  for (i = 0; i < 2; i++)
    {
      char *q = digits[i] + sizeof digits[i];
      guint v = values[i];

      do
        {
          *--q = '0' + v % 10;
          v /= 10;
        }
      while (v > 0);
      lengths[i] = digits[i] + sizeof digits[i] - q;
      memmove (digits[i], q, lengths[i]);
    }

  p = key = g_malloc (lengths[0] + lengths[1] + label_len + 3);
  memcpy (p, digits[0], lengths[0]);
  p += lengths[0];
  *p++ = ':';
  memcpy (p, digits[1], lengths[1]);
  p += lengths[1];
  *p++ = ':';
  memcpy (p, label, label_len + 1);

  return key;
}

static guint64
current_serial (AmDocument *self)
{
  if (self->undo_stack->len == 0)
    return 0;
  return ((Op *) g_ptr_array_index (self->undo_stack, self->undo_stack->len - 1))->serial;
}

static void
update_state (AmDocument *self)
{
  gboolean can_undo = self->undo_stack->len > 0;
  gboolean can_redo = self->redo_stack->len > 0;
  gboolean modified = current_serial (self) != self->saved_serial;

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static int
compare_annotations (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return am_annotation_compare ((AmAnnotation *) a, (AmAnnotation *) b);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static int
compare_links (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return am_link_compare ((AmLink *) a, (AmLink *) b);
}

/* Binary search by the sort key, which is unique because ids are. */
static gboolean
find_sorted (GListModel   *model,
             gpointer      item,
             GCompareFunc  compare,
             guint        *position)
{
  guint lo = 0;
  guint hi = g_list_model_get_n_items (model);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      g_autoptr(GObject) probe = g_list_model_get_item (model, mid);
      int r = compare (probe, item);

      if (r == 0)
        {
          if (probe != item)
            return FALSE;
          *position = mid;
          return TRUE;
        }
      if (r < 0)
        lo = mid + 1;
      else
        hi = mid;
    }

  return FALSE;
}

static void
bump_counter (guint      *counter,
              const char *id,
              char        prefix)
{
  guint64 n;
  char *end;

  if (id[0] != prefix || !g_ascii_isdigit (id[1]))
    return;

  n = g_ascii_strtoull (id + 1, &end, 10);
  if (*end == '\0' && n < G_MAXUINT && n + 1 > *counter)
    *counter = n + 1;
}

static void
insert_annotation_now (AmDocument   *self,
                       AmAnnotation *annotation)
{
  g_autofree char *quote = NULL;
  guint start = am_annotation_get_start (annotation);
  guint end = am_annotation_get_end (annotation);

  quote = am_text_substring (self->text, start, end);
  _am_annotation_set_span (annotation, start, end, quote);

  g_list_store_insert_sorted (self->annotations, annotation, compare_annotations, NULL);
  g_hash_table_insert (self->annotation_by_id,
                       g_strdup (am_annotation_get_id (annotation)), annotation);
  g_hash_table_add (self->span_keys, span_key (start, end, am_annotation_get_label (annotation)));
  bump_counter (&self->next_annotation, am_annotation_get_id (annotation), 'T');

  g_signal_emit (self, signals[ANNOTATION_ADDED], 0, annotation);
}

static void
remove_annotation_now (AmDocument   *self,
                       AmAnnotation *annotation)
{
  g_autoptr(AmAnnotation) hold = g_object_ref (annotation);
  g_autofree char *key = NULL;
  guint position;

  if (find_sorted (G_LIST_MODEL (self->annotations), annotation,
                   (GCompareFunc) am_annotation_compare, &position))
    g_list_store_remove (self->annotations, position);
  else
    g_critical ("Annotation %s is not in its document", am_annotation_get_id (annotation));

  key = span_key (am_annotation_get_start (annotation), am_annotation_get_end (annotation),
                  am_annotation_get_label (annotation));
  g_hash_table_remove (self->span_keys, key);
  g_hash_table_remove (self->annotation_by_id, am_annotation_get_id (annotation));

  g_signal_emit (self, signals[ANNOTATION_REMOVED], 0, annotation);
}

static void
apply_annotation_state (AmDocument            *self,
                        AmAnnotation          *annotation,
                        const AnnotationState *state)
{
  g_autofree char *old_key = NULL;
  g_autofree char *quote = NULL;
  guint old_start = am_annotation_get_start (annotation);
  guint old_end = am_annotation_get_end (annotation);
  guint position;
  gboolean resort;

  resort = old_start != state->start || old_end != state->end ||
           g_strcmp0 (am_annotation_get_label (annotation), state->label) != 0;

  if (!find_sorted (G_LIST_MODEL (self->annotations), annotation,
                    (GCompareFunc) am_annotation_compare, &position))
    g_return_if_reached ();

  old_key = span_key (old_start, old_end, am_annotation_get_label (annotation));

  if (resort)
    {
      g_list_store_remove (self->annotations, position);
      g_hash_table_remove (self->span_keys, old_key);
    }

  quote = am_text_substring (self->text, state->start, state->end);

  g_object_freeze_notify (G_OBJECT (annotation));
  _am_annotation_set_label (annotation, state->label);
  _am_annotation_set_span (annotation, state->start, state->end, quote);
  _am_annotation_set_note (annotation, state->note);
  _am_annotation_set_modified (annotation, state->modified);
  _am_annotation_set_sources (annotation, (const char * const *) state->sources);
  g_object_thaw_notify (G_OBJECT (annotation));

  if (resort)
    {
      g_list_store_insert_sorted (self->annotations, annotation, compare_annotations, NULL);
      g_hash_table_add (self->span_keys, span_key (state->start, state->end, state->label));
    }
  else
    {
      /* Let list views rebind the row. */
      g_list_store_splice (self->annotations, position, 1, (gpointer *) &annotation, 1);
    }

  g_signal_emit (self, signals[ANNOTATION_CHANGED], 0, annotation, old_start, old_end);
}

static char *
link_key (AmLink *link)
{
  return g_strjoin ("\n", am_link_get_relation (link), am_link_get_from (link),
                    am_link_get_to (link), NULL);
}

static void
insert_link_now (AmDocument *self,
                 AmLink     *link)
{
  g_hash_table_insert (self->link_keys, link_key (link), link);
  g_list_store_insert_sorted (self->links, link, compare_links, NULL);
  g_hash_table_insert (self->link_by_id, g_strdup (am_link_get_id (link)), link);
  bump_counter (&self->next_link, am_link_get_id (link), 'R');

  g_signal_emit (self, signals[LINK_ADDED], 0, link);
}

static void
remove_link_now (AmDocument *self,
                 AmLink     *link)
{
  g_autoptr(AmLink) hold = g_object_ref (link);
  guint position;

  if (find_sorted (G_LIST_MODEL (self->links), link, (GCompareFunc) am_link_compare, &position))
    g_list_store_remove (self->links, position);
  g_hash_table_remove (self->link_by_id, am_link_get_id (link));
  {
    g_autofree char *key = link_key (link);

    g_hash_table_remove (self->link_keys, key);
  }

  g_signal_emit (self, signals[LINK_REMOVED], 0, link);
}

static void set_field_now (AmDocument *self,
                           const char *field,
                           const char *value,
                           gboolean    has_value);

static void
op_apply (AmDocument *self,
          Op         *op,
          gboolean    forward)
{
  guint i;

  switch (op->kind)
    {
    case OP_ADD_ANNOTATION:
      if (forward)
        insert_annotation_now (self, op->annotation);
      else
        remove_annotation_now (self, op->annotation);
      break;

    case OP_REMOVE_ANNOTATION:
      if (forward)
        {
          for (i = 0; i < op->links->len; i++)
            remove_link_now (self, g_ptr_array_index (op->links, i));
          remove_annotation_now (self, op->annotation);
        }
      else
        {
          insert_annotation_now (self, op->annotation);
          for (i = 0; i < op->links->len; i++)
            insert_link_now (self, g_ptr_array_index (op->links, i));
        }
      break;

    case OP_CHANGE_ANNOTATION:
      apply_annotation_state (self, op->annotation, forward ? &op->after : &op->before);
      break;

    case OP_ADD_LINK:
      if (forward)
        insert_link_now (self, op->link);
      else
        remove_link_now (self, op->link);
      break;

    case OP_REMOVE_LINK:
      if (forward)
        remove_link_now (self, op->link);
      else
        insert_link_now (self, op->link);
      break;

    case OP_SET_FIELD:
      if (forward)
        set_field_now (self, op->field, op->new_value, op->has_new);
      else
        set_field_now (self, op->field, op->old_value, op->had_old);
      break;

    case OP_GROUP:
      if (forward)
        {
          for (i = 0; i < op->children->len; i++)
            op_apply (self, g_ptr_array_index (op->children, i), TRUE);
        }
      else
        {
          for (i = op->children->len; i > 0; i--)
            op_apply (self, g_ptr_array_index (op->children, i - 1), FALSE);
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Applies a new edit and records it for undo. */
static void
op_run (AmDocument *self,
        Op         *op)
{
  op_apply (self, op, TRUE);

  if (self->group != NULL)
    {
      g_ptr_array_add (self->group->children, op);
      return;
    }

  op->serial = ++self->last_serial;
  g_ptr_array_add (self->undo_stack, op);
  g_ptr_array_set_size (self->redo_stack, 0);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
set_field_now (AmDocument *self,
               const char *field,
               const char *value,
               gboolean    has_value)
{
  if (g_str_equal (field, "status"))
    {
      AmDocumentStatus status = AM_DOCUMENT_STATUS_NEW;

      am_document_status_from_string (value, &status);
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  else if (g_str_equal (field, "annotator"))
    {
      g_free (self->annotator);
      self->annotator = g_strdup (value != NULL ? value : "");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOTATOR]);
    }
  else if (g_str_has_prefix (field, "meta:"))
    {
      const char *key = field + strlen ("meta:");

      if (has_value)
        g_hash_table_insert (self->meta, g_strdup (key), g_strdup (value));
      else
        g_hash_table_remove (self->meta, key);

      if (g_str_equal (key, "title"))
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  else
    g_assert_not_reached ();
}

static void
run_set_field (AmDocument *self,
               const char *field,
               const char *old_value,
               gboolean    had_old,
               const char *new_value,
               gboolean    has_new)
{
  Op *op;

  if (had_old == has_new && g_strcmp0 (old_value, new_value) == 0)
    return;

  op = op_new (OP_SET_FIELD);
  op->field = g_strdup (field);
  op->old_value = g_strdup (old_value);
  op->new_value = g_strdup (new_value);
  op->had_old = had_old;
  op->has_new = has_new;
  op_run (self, op);
}

static void
am_document_dispose (GObject *object)
{
  AmDocument *self = (AmDocument *)object;

  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->group, op_free);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->annotation_by_id, g_hash_table_unref);
  g_clear_pointer (&self->link_by_id, g_hash_table_unref);
  g_clear_object (&self->annotations);
  g_clear_object (&self->links);
  g_clear_object (&self->orphans);
  g_clear_object (&self->schema);

  G_OBJECT_CLASS (am_document_parent_class)->dispose (object);
}

static void
am_document_finalize (GObject *object)
{
  AmDocument *self = (AmDocument *)object;

  g_clear_pointer (&self->text, am_text_unref);
  g_clear_pointer (&self->meta, g_hash_table_unref);
  g_clear_pointer (&self->span_keys, g_hash_table_unref);
  g_clear_pointer (&self->link_keys, g_hash_table_unref);
  g_clear_pointer (&self->annotator, g_free);

  G_OBJECT_CLASS (am_document_parent_class)->finalize (object);
}

static void
am_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  AmDocument *self = AM_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, am_document_get_title (self));
      break;

    case PROP_ANNOTATOR:
      g_value_set_string (value, self->annotator);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_document_class_init (AmDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = am_document_dispose;
  object_class->finalize = am_document_finalize;
  object_class->get_property = am_document_get_property;

  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_ANNOTATOR] = g_param_spec_string ("annotator", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, AM_DOCUMENT_STATUS_NEW, AM_DOCUMENT_STATUS_DONE,
                      AM_DOCUMENT_STATUS_NEW, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AmDocument::annotation-added:
   *
   * Emitted when an annotation joins the document, by an edit, undo or redo.
   */
  signals[ANNOTATION_ADDED] =
    g_signal_new ("annotation-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_ANNOTATION);
  signals[ANNOTATION_REMOVED] =
    g_signal_new ("annotation-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_ANNOTATION);
  /**
   * AmDocument::annotation-changed:
   * @annotation: the annotation, already changed
   * @old_start: where it started before the change
   * @old_end: where it ended before the change
   */
  signals[ANNOTATION_CHANGED] =
    g_signal_new ("annotation-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, AM_TYPE_ANNOTATION, G_TYPE_UINT, G_TYPE_UINT);
  signals[LINK_ADDED] =
    g_signal_new ("link-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_LINK);
  signals[LINK_REMOVED] =
    g_signal_new ("link-removed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_LINK);
  /**
   * AmDocument::changed:
   *
   * Emitted once after each edit, undo or redo has been applied in full.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
am_document_init (AmDocument *self)
{
  self->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->annotator = g_strdup ("");
  self->annotations = g_list_store_new (AM_TYPE_ANNOTATION);
  self->links = g_list_store_new (AM_TYPE_LINK);
  self->orphans = g_list_store_new (AM_TYPE_ANNOTATION);
  self->annotation_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->link_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->span_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->link_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
  self->next_annotation = 1;
  self->next_link = 1;
}

/**
 * am_document_new:
 * @text: the article, valid UTF-8
 * @schema: (nullable): the labels, or %NULL for the default schema
 *
 * Returns: (transfer full): a document with no annotations
 */
AmDocument *
am_document_new (const char    *text,
                 AmLabelSchema *schema)
{
  g_autoptr(AmText) t = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  t = am_text_new (text, -1);
  return am_document_new_for_text (t, schema);
}

/**
 * am_document_new_for_text:
 * @schema: (nullable): the labels, or %NULL for the default schema
 *
 * Returns: (transfer full): a document with no annotations
 */
AmDocument *
am_document_new_for_text (AmText        *text,
                          AmLabelSchema *schema)
{
  AmDocument *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (schema == NULL || AM_IS_LABEL_SCHEMA (schema), NULL);

  self = g_object_new (AM_TYPE_DOCUMENT, NULL);
  self->text = am_text_ref (text);
  self->schema = schema != NULL ? g_object_ref (schema) : am_label_schema_new_default ();

  return self;
}

/**
 * am_document_get_text:
 *
 * Returns: (transfer none): the article text, which never changes
 */
AmText *
am_document_get_text (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return self->text;
}

const char *
am_document_get_text_utf8 (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return am_text_get_utf8 (self->text);
}

/**
 * am_document_get_length:
 *
 * Returns: the length of the text in code points
 */
guint
am_document_get_length (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), 0);
  return am_text_get_length (self->text);
}

/**
 * am_document_get_schema:
 *
 * Labels may be added to the schema (importers do); removing or changing
 * them is not possible, so annotations never lose their label.
 *
 * Returns: (transfer none): the labels and relation types
 */
AmLabelSchema *
am_document_get_schema (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return self->schema;
}

/**
 * am_document_get_title:
 *
 * Returns: the "title" metadata, or "" if there is none
 */
const char *
am_document_get_title (AmDocument *self)
{
  const char *title;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  title = g_hash_table_lookup (self->meta, "title");
  return title != NULL ? title : "";
}

/**
 * am_document_get_meta:
 *
 * Well-known keys are "title", "source", "byline", "language" and "id"; any
 * other key is free.
 *
 * Returns: (nullable): the value, or %NULL if unset or null
 */
const char *
am_document_get_meta (AmDocument *self,
                      const char *key)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->meta, key);
}

/**
 * am_document_has_meta:
 *
 * Returns: whether @key is set, possibly to null
 */
gboolean
am_document_has_meta (AmDocument *self,
                      const char *key)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return g_hash_table_contains (self->meta, key);
}

/**
 * am_document_dup_meta_keys:
 *
 * Returns: (transfer full): the metadata keys, sorted
 */
GStrv
am_document_dup_meta_keys (AmDocument *self)
{
  g_autofree gpointer *keys = NULL;
  guint n;
  GStrv ret;
  guint i;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  keys = g_hash_table_get_keys_as_array (self->meta, &n);
  ret = g_new0 (char *, n + 1);
  for (i = 0; i < n; i++)
    ret[i] = g_strdup (keys[i]);
  g_qsort_with_data (ret, n, sizeof (char *), compare_strings, NULL);

  return ret;
}

/**
 * am_document_set_meta:
 * @value: (nullable): the value, or %NULL for null
 *
 * Sets a metadata value, as an undoable edit.
 */
void
am_document_set_meta (AmDocument *self,
                      const char *key,
                      const char *value)
{
  g_autofree char *field = NULL;

  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  field = g_strconcat ("meta:", key, NULL);
  run_set_field (self, field, g_hash_table_lookup (self->meta, key),
                 g_hash_table_contains (self->meta, key), value, TRUE);
}

void
am_document_unset_meta (AmDocument *self,
                        const char *key)
{
  g_autofree char *field = NULL;

  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  field = g_strconcat ("meta:", key, NULL);
  run_set_field (self, field, g_hash_table_lookup (self->meta, key),
                 g_hash_table_contains (self->meta, key), NULL, FALSE);
}

/**
 * am_document_get_annotator:
 *
 * Returns: the name of the person annotating, or ""
 */
const char *
am_document_get_annotator (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return self->annotator;
}

/**
 * am_document_set_annotator:
 *
 * Sets who annotates; new annotations carry this name as their author.
 * An undoable edit.
 */
void
am_document_set_annotator (AmDocument *self,
                           const char *annotator)
{
  g_return_if_fail (AM_IS_DOCUMENT (self));

  run_set_field (self, "annotator", self->annotator, TRUE, annotator != NULL ? annotator : "", TRUE);
}

AmDocumentStatus
am_document_get_status (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), AM_DOCUMENT_STATUS_NEW);
  return self->status;
}

/**
 * am_document_set_status:
 *
 * An undoable edit.
 */
void
am_document_set_status (AmDocument       *self,
                        AmDocumentStatus  status)
{
  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (status <= AM_DOCUMENT_STATUS_DONE);

  run_set_field (self, "status", am_document_status_to_string (self->status), TRUE,
                 am_document_status_to_string (status), TRUE);
}

/**
 * am_document_get_annotations:
 *
 * Returns: (transfer none): a #GListModel of #AmAnnotation, sorted by start,
 *   end, label and id
 */
GListModel *
am_document_get_annotations (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->annotations);
}

/**
 * am_document_get_links:
 *
 * Returns: (transfer none): a #GListModel of #AmLink, sorted by id
 */
GListModel *
am_document_get_links (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->links);
}

/**
 * am_document_get_orphans:
 *
 * Annotations that the loader could not place on the text (their quote is no
 * longer in it). Their offsets are the stale ones from the file.
 *
 * Returns: (transfer none): a #GListModel of #AmAnnotation
 */
GListModel *
am_document_get_orphans (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  return G_LIST_MODEL (self->orphans);
}

void
_am_document_add_orphan (AmDocument   *self,
                         AmAnnotation *annotation)
{
  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (AM_IS_ANNOTATION (annotation));

  g_list_store_append (self->orphans, annotation);
  /* A new annotation must not take an orphan's id: both are saved. */
  bump_counter (&self->next_annotation, am_annotation_get_id (annotation), 'T');
}

/**
 * am_document_lookup_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation with @id
 */
AmAnnotation *
am_document_lookup_annotation (AmDocument *self,
                               const char *id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->annotation_by_id, id);
}

/**
 * am_document_lookup_link:
 *
 * Returns: (transfer none) (nullable): the link with @id
 */
AmLink *
am_document_lookup_link (AmDocument *self,
                         const char *id)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->link_by_id, id);
}

/**
 * am_document_find_annotation:
 * @position: (out) (optional): its position in the annotations model
 *
 * Returns: whether @annotation is in the document
 */
gboolean
am_document_find_annotation (AmDocument   *self,
                             AmAnnotation *annotation,
                             guint        *position)
{
  guint pos;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (AM_IS_ANNOTATION (annotation), FALSE);

  if (!find_sorted (G_LIST_MODEL (self->annotations), annotation,
                    (GCompareFunc) am_annotation_compare, &pos))
    return FALSE;

  if (position != NULL)
    *position = pos;
  return TRUE;
}

/**
 * am_document_list_links_for:
 *
 * Returns: (transfer container) (element-type AmLink): the links that start or
 *   end at the annotation, by id
 */
GPtrArray *
am_document_list_links_for (AmDocument *self,
                            const char *annotation_id)
{
  GPtrArray *ret;
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (annotation_id != NULL, NULL);

  ret = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->links));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLink) link = g_list_model_get_item (G_LIST_MODEL (self->links), i);

      if (g_str_equal (am_link_get_from (link), annotation_id) ||
          g_str_equal (am_link_get_to (link), annotation_id))
        g_ptr_array_add (ret, g_steal_pointer (&link));
    }

  return ret;
}

/**
 * am_document_list_annotations_at:
 * @offset: a code point offset
 *
 * Returns: (transfer container) (element-type AmAnnotation): the annotations
 *   that cover @offset, in document order (outer spans first)
 */
GPtrArray *
am_document_list_annotations_at (AmDocument *self,
                                 guint       offset)
{
  GPtrArray *ret;
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);

  ret = g_ptr_array_new_with_free_func (g_object_unref);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->annotations));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) annotation = g_list_model_get_item (G_LIST_MODEL (self->annotations), i);

      if (am_annotation_get_start (annotation) > offset)
        break;
      if (am_annotation_get_end (annotation) > offset)
        g_ptr_array_add (ret, g_steal_pointer (&annotation));
    }

  return ret;
}

/**
 * am_document_check_span:
 *
 * Returns: whether a span from @start to @end could be tagged: it is not
 *   empty and lies within the text
 */
gboolean
am_document_check_span (AmDocument  *self,
                        guint        start,
                        guint        end,
                        GError     **error)
{
  guint length;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);

  length = am_text_get_length (self->text);

  if (start > end)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_SPAN,
                   _("The span ends (at %u) before it starts (at %u)"), end, start);
      return FALSE;
    }
  if (start == end)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_SPAN,
                   _("The span at %u is empty: select at least one character"), start);
      return FALSE;
    }
  if (end > length)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_SPAN,
                   _("The span %u–%u reaches past the end of the text, which has %u characters"),
                   start, end, length);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_label (AmDocument  *self,
             const char  *label,
             GError     **error)
{
  if (am_label_schema_lookup_label (self->schema, label) == NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_UNKNOWN_LABEL,
                   _("There is no label “%s” in this document’s schema"), label);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_not_tagged (AmDocument  *self,
                  guint        start,
                  guint        end,
                  const char  *label,
                  GError     **error)
{
  g_autofree char *key = span_key (start, end, label);

  if (g_hash_table_contains (self->span_keys, key))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_SPAN,
                   _("The span %u–%u is already tagged as “%s”"), start, end, label);
      return FALSE;
    }
  return TRUE;
}

static AmAnnotation *
lookup_or_error (AmDocument  *self,
                 const char  *id,
                 GError     **error)
{
  AmAnnotation *annotation = g_hash_table_lookup (self->annotation_by_id, id);

  if (annotation == NULL)
    g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_NOT_FOUND,
                 _("There is no annotation “%s” in this document"), id);

  return annotation;
}

/**
 * am_now_iso8601:
 *
 * Returns: (transfer full): the current time as "YYYY-MM-DDTHH:MM:SSZ"
 */
char *
am_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/**
 * am_document_add_annotation:
 *
 * Tags the span from @start to @end with @label, by the document's annotator,
 * as an undoable edit.
 *
 * Returns: (transfer none) (nullable): the new annotation, or %NULL with
 *   @error set
 */
AmAnnotation *
am_document_add_annotation (AmDocument  *self,
                            const char  *label,
                            guint        start,
                            guint        end,
                            GError     **error)
{
  g_autoptr(AmAnnotation) annotation = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (label != NULL, NULL);

  now = am_now_iso8601 ();
  annotation = g_object_new (AM_TYPE_ANNOTATION,
                             "label", label,
                             "start", start,
                             "end", end,
                             "author", self->annotator,
                             "created", now,
                             "modified", now,
                             NULL);

  if (!am_document_insert_annotation (self, annotation, error))
    return NULL;

  return annotation;
}

/* Gives @annotation an id and times if it has none, and checks the id. */
static gboolean
check_new_id (AmDocument    *self,
              AmAnnotation  *annotation,
              GError       **error)
{
  const char *id = am_annotation_get_id (annotation);

  if (id == NULL)
    {
      g_autofree char *new_id = NULL;

      do
        {
          g_free (new_id);
          new_id = g_strdup_printf ("T%u", self->next_annotation++);
        }
      while (g_hash_table_contains (self->annotation_by_id, new_id));

      _am_annotation_set_id (annotation, new_id);
    }
  else if (*id == '\0')
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                           _("An annotation id may not be empty"));
      return FALSE;
    }
  else if (g_hash_table_contains (self->annotation_by_id, id))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_ID,
                   _("The id “%s” is already used by another annotation"), id);
      return FALSE;
    }

  if (am_annotation_get_created (annotation) == NULL)
    {
      g_autofree char *now = am_now_iso8601 ();

      _am_annotation_set_created (annotation, now);
    }
  if (am_annotation_get_modified (annotation) == NULL)
    _am_annotation_set_modified (annotation, am_annotation_get_created (annotation));

  return TRUE;
}

/* Checks @annotation as am_document_insert_annotation() takes it, giving it
 * an id and times if it has none. */
static gboolean
check_new_annotation (AmDocument    *self,
                      AmAnnotation  *annotation,
                      GError       **error)
{
  return am_document_check_span (self, am_annotation_get_start (annotation),
                                 am_annotation_get_end (annotation), error) &&
         check_label (self, am_annotation_get_label (annotation), error) &&
         check_not_tagged (self, am_annotation_get_start (annotation),
                           am_annotation_get_end (annotation),
                           am_annotation_get_label (annotation), error) &&
         check_new_id (self, annotation, error);
}

/**
 * am_document_insert_annotation:
 * @annotation: an annotation made with am_annotation_new() or g_object_new()
 *
 * Adds @annotation, keeping its id, author, times and note, as an undoable
 * edit. An annotation without id gets the next free one, one without times
 * gets the current time.
 *
 * Returns: %FALSE with @error set if the span, label or id is not acceptable
 */
gboolean
am_document_insert_annotation (AmDocument    *self,
                               AmAnnotation  *annotation,
                               GError       **error)
{
  Op *op;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (AM_IS_ANNOTATION (annotation), FALSE);

  if (!check_new_annotation (self, annotation, error))
    return FALSE;

  op = op_new (OP_ADD_ANNOTATION);
  op->annotation = g_object_ref (annotation);
  op_run (self, op);

  return TRUE;
}

/* The loader's path: the indexes of am_document_insert_annotation(), but
 * no undo record and no signal, and the list model is filled once, sorted,
 * by _am_document_end_bulk() rather than by one sorted insertion per
 * annotation. Only for a document that nobody watches yet. The loader has
 * checked the label against the schema and the span against the text, and
 * says whether the quote is the text the span covers.
 */
gboolean
_am_document_insert_annotation_bulk (AmDocument    *self,
                                     AmAnnotation  *annotation,
                                     gboolean       quote_matches,
                                     GError       **error)
{
  guint start;
  guint end;
  const char *label;
  g_autofree char *key = NULL;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (AM_IS_ANNOTATION (annotation), FALSE);

  start = am_annotation_get_start (annotation);
  end = am_annotation_get_end (annotation);
  label = am_annotation_get_label (annotation);
  g_assert (start < end && end <= am_text_get_length (self->text));

  /* One key both to look for and to keep. */
  key = span_key (start, end, label);
  if (g_hash_table_contains (self->span_keys, key))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_SPAN,
                   _("The span %u–%u is already tagged as “%s”"), start, end, label);
      return FALSE;
    }
  if (!check_new_id (self, annotation, error))
    return FALSE;

  if (!quote_matches)
    {
      g_autofree char *quote = am_text_substring (self->text, start, end);

      _am_annotation_set_span (annotation, start, end, quote);
    }

  if (self->pending == NULL)
    self->pending = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->pending, g_object_ref (annotation));
  g_hash_table_insert (self->annotation_by_id,
                       g_strdup (am_annotation_get_id (annotation)), annotation);
  g_hash_table_add (self->span_keys, g_steal_pointer (&key));
  bump_counter (&self->next_annotation, am_annotation_get_id (annotation), 'T');

  return TRUE;
}

static int
compare_annotation_pointers (gconstpointer a,
                             gconstpointer b)
{
  return am_annotation_compare (*(AmAnnotation * const *) a, *(AmAnnotation * const *) b);
}

void
_am_document_end_bulk (AmDocument *self)
{
  g_autoptr(GPtrArray) pending = NULL;
  guint i;

  g_return_if_fail (AM_IS_DOCUMENT (self));

  pending = g_steal_pointer (&self->pending);
  if (pending == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (self->annotations)) > 0)
    {
      for (i = 0; i < pending->len; i++)
        g_list_store_insert_sorted (self->annotations, g_ptr_array_index (pending, i),
                                    compare_annotations, NULL);
      return;
    }

  /* Files list their annotations sorted: check before sorting. */
  for (i = 1; i < pending->len; i++)
    if (compare_annotation_pointers (&pending->pdata[i - 1], &pending->pdata[i]) > 0)
      {
        g_ptr_array_sort (pending, compare_annotation_pointers);
        break;
      }
  g_list_store_splice (self->annotations, 0, 0, pending->pdata, pending->len);
}

/**
 * am_document_remove_annotation:
 *
 * Removes the annotation and every link that starts or ends at it, as one
 * undoable edit.
 */
gboolean
am_document_remove_annotation (AmDocument  *self,
                               const char  *id,
                               GError     **error)
{
  AmAnnotation *annotation;
  Op *op;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(annotation = lookup_or_error (self, id, error)))
    return FALSE;

  op = op_new (OP_REMOVE_ANNOTATION);
  op->annotation = g_object_ref (annotation);
  op->links = am_document_list_links_for (self, id);
  op_run (self, op);

  return TRUE;
}

static gboolean
change_annotation (AmDocument             *self,
                   AmAnnotation           *annotation,
                   AnnotationState        *after)
{
  Op *op = op_new (OP_CHANGE_ANNOTATION);

  op->annotation = g_object_ref (annotation);
  annotation_state_save (&op->before, annotation);
  op->after = *after;
  g_free (op->after.modified);
  op->after.modified = am_now_iso8601 ();
  op_run (self, op);

  return TRUE;
}

static gboolean
links_allow_label (AmDocument   *self,
                   AmAnnotation *annotation,
                   const char   *label,
                   GError      **error)
{
  g_autoptr(GPtrArray) links = am_document_list_links_for (self, am_annotation_get_id (annotation));
  const char *id = am_annotation_get_id (annotation);
  guint i;

  for (i = 0; i < links->len; i++)
    {
      AmLink *link = g_ptr_array_index (links, i);
      AmRelationType *relation = am_label_schema_lookup_relation (self->schema,
                                                                  am_link_get_relation (link));
      gboolean is_from = g_str_equal (am_link_get_from (link), id);
      AmAnnotation *other = g_hash_table_lookup (self->annotation_by_id,
                                                 is_from ? am_link_get_to (link)
                                                         : am_link_get_from (link));
      const char *other_label = am_annotation_get_label (other);

      if (!am_relation_type_allows (relation,
                                    is_from ? label : other_label,
                                    is_from ? other_label : label))
        {
          g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_FORBIDDEN_LINK,
                       _("%s cannot become “%s” while link %s (%s) joins it to %s: "
                         "remove the link first"),
                       id, label, am_link_get_id (link), am_link_get_relation (link),
                       am_annotation_get_id (other));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * am_document_relabel:
 *
 * Gives the annotation another label, as an undoable edit. Refused if one of
 * its links would no longer be allowed.
 */
gboolean
am_document_relabel (AmDocument  *self,
                     const char  *id,
                     const char  *label,
                     GError     **error)
{
  AnnotationState after = { 0 };
  AmAnnotation *annotation;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  g_return_val_if_fail (label != NULL, FALSE);

  if (!(annotation = lookup_or_error (self, id, error)) ||
      !check_label (self, label, error))
    return FALSE;

  if (g_str_equal (label, am_annotation_get_label (annotation)))
    return TRUE;

  if (!check_not_tagged (self, am_annotation_get_start (annotation),
                         am_annotation_get_end (annotation), label, error) ||
      !links_allow_label (self, annotation, label, error))
    return FALSE;

  annotation_state_save (&after, annotation);
  g_free (after.label);
  after.label = g_strdup (label);

  return change_annotation (self, annotation, &after);
}

/**
 * am_document_set_span:
 *
 * Moves the boundaries of the annotation, as an undoable edit.
 */
gboolean
am_document_set_span (AmDocument  *self,
                      const char  *id,
                      guint        start,
                      guint        end,
                      GError     **error)
{
  AnnotationState after = { 0 };
  AmAnnotation *annotation;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(annotation = lookup_or_error (self, id, error)) ||
      !am_document_check_span (self, start, end, error))
    return FALSE;

  if (start == am_annotation_get_start (annotation) && end == am_annotation_get_end (annotation))
    return TRUE;

  if (!check_not_tagged (self, start, end, am_annotation_get_label (annotation), error))
    return FALSE;

  annotation_state_save (&after, annotation);
  after.start = start;
  after.end = end;

  return change_annotation (self, annotation, &after);
}

/**
 * am_document_set_note:
 * @note: (nullable): the note, or %NULL for none
 *
 * An undoable edit.
 */
gboolean
am_document_set_note (AmDocument  *self,
                      const char  *id,
                      const char  *note,
                      GError     **error)
{
  AnnotationState after = { 0 };
  AmAnnotation *annotation;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(annotation = lookup_or_error (self, id, error)))
    return FALSE;

  if (note == NULL)
    note = "";
  if (!g_utf8_validate (note, -1, NULL))
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_ENCODING,
                           _("The note is not valid UTF-8 text"));
      return FALSE;
    }
  if (g_str_equal (note, am_annotation_get_note (annotation)))
    return TRUE;

  annotation_state_save (&after, annotation);
  g_free (after.note);
  after.note = g_strdup (note);

  return change_annotation (self, annotation, &after);
}

/**
 * am_document_set_sources:
 * @sources: (nullable) (array zero-terminated=1): annotator names
 *
 * Records which annotators had this span (for adjudicated gold documents), as
 * an undoable edit.
 */
gboolean
am_document_set_sources (AmDocument          *self,
                         const char          *id,
                         const char * const  *sources,
                         GError             **error)
{
  AnnotationState after = { 0 };
  AmAnnotation *annotation;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!(annotation = lookup_or_error (self, id, error)))
    return FALSE;

  annotation_state_save (&after, annotation);
  g_clear_pointer (&after.sources, g_strfreev);
  if (sources != NULL && sources[0] != NULL)
    after.sources = g_strdupv ((char **) sources);

  return change_annotation (self, annotation, &after);
}

/**
 * am_document_link:
 *
 * Links two annotations with a relation of the schema, as an undoable edit.
 *
 * Returns: (transfer none) (nullable): the new link, or %NULL with @error set
 */
AmLink *
am_document_link (AmDocument  *self,
                  const char  *relation,
                  const char  *from_id,
                  const char  *to_id,
                  GError     **error)
{
  g_autoptr(AmLink) link = NULL;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (relation != NULL, NULL);
  g_return_val_if_fail (from_id != NULL, NULL);
  g_return_val_if_fail (to_id != NULL, NULL);

  link = am_link_new (NULL, relation, from_id, to_id);
  if (!am_document_insert_link (self, link, error))
    return NULL;

  return link;
}

/**
 * am_document_insert_link:
 * @link: a link made with am_link_new()
 *
 * Adds @link, keeping its id, or giving it the next free one. Refused if an
 * end does not exist, the relation does not allow the labels at its ends, or
 * the same link exists.
 */
gboolean
am_document_insert_link (AmDocument  *self,
                         AmLink      *link,
                         GError     **error)
{
  AmRelationType *relation;
  AmAnnotation *from;
  AmAnnotation *to;
  AmLink *other;
  g_autofree char *key = NULL;
  const char *id;
  Op *op;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (AM_IS_LINK (link), FALSE);

  relation = am_label_schema_lookup_relation (self->schema, am_link_get_relation (link));
  if (relation == NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_UNKNOWN_RELATION,
                   _("There is no relation “%s” in this document’s schema"),
                   am_link_get_relation (link));
      return FALSE;
    }

  from = g_hash_table_lookup (self->annotation_by_id, am_link_get_from (link));
  to = g_hash_table_lookup (self->annotation_by_id, am_link_get_to (link));
  if (from == NULL || to == NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DANGLING_LINK,
                   _("The link names annotation “%s”, which does not exist"),
                   from == NULL ? am_link_get_from (link) : am_link_get_to (link));
      return FALSE;
    }

  if (from == to)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_FORBIDDEN_LINK,
                   _("An annotation cannot be linked to itself (%s)"), am_link_get_from (link));
      return FALSE;
    }

  if (!am_relation_type_allows (relation, am_annotation_get_label (from),
                                am_annotation_get_label (to)))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_FORBIDDEN_LINK,
                   _("A “%s” link cannot go from a %s (%s) to a %s (%s)"),
                   am_relation_type_get_name (relation),
                   am_annotation_get_label (from), am_annotation_get_id (from),
                   am_annotation_get_label (to), am_annotation_get_id (to));
      return FALSE;
    }

  key = link_key (link);
  other = g_hash_table_lookup (self->link_keys, key);
  if (other != NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_LINK,
                   _("%s is already linked to %s as “%s” (%s)"),
                   am_link_get_from (link), am_link_get_to (link),
                   am_link_get_relation (link), am_link_get_id (other));
      return FALSE;
    }

  id = am_link_get_id (link);
  if (id == NULL)
    {
      g_autofree char *new_id = NULL;

      do
        {
          g_free (new_id);
          new_id = g_strdup_printf ("R%u", self->next_link++);
        }
      while (g_hash_table_contains (self->link_by_id, new_id));

      _am_link_set_id (link, new_id);
    }
  else if (*id == '\0')
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                           _("A link id may not be empty"));
      return FALSE;
    }
  else if (g_hash_table_contains (self->link_by_id, id))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_ID,
                   _("The id “%s” is already used by another link"), id);
      return FALSE;
    }

  op = op_new (OP_ADD_LINK);
  op->link = g_object_ref (link);
  op_run (self, op);

  return TRUE;
}

/**
 * am_document_unlink:
 *
 * Removes a link, as an undoable edit.
 */
gboolean
am_document_unlink (AmDocument  *self,
                    const char  *link_id,
                    GError     **error)
{
  AmLink *link;
  Op *op;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (link_id != NULL, FALSE);

  link = g_hash_table_lookup (self->link_by_id, link_id);
  if (link == NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_NOT_FOUND,
                   _("There is no link “%s” in this document"), link_id);
      return FALSE;
    }

  op = op_new (OP_REMOVE_LINK);
  op->link = g_object_ref (link);
  op_run (self, op);

  return TRUE;
}

/**
 * am_document_begin_group:
 *
 * Edits until the matching am_document_end_group() are undone and redone as
 * one step. Groups nest.
 */
void
am_document_begin_group (AmDocument *self)
{
  g_return_if_fail (AM_IS_DOCUMENT (self));

  if (self->group_depth++ == 0)
    {
      self->group = op_new (OP_GROUP);
      self->group->children = g_ptr_array_new_with_free_func ((GDestroyNotify) op_free);
    }
}

void
am_document_end_group (AmDocument *self)
{
  Op *group;

  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth > 0);

  if (--self->group_depth > 0)
    return;

  group = g_steal_pointer (&self->group);
  if (group->children->len == 0)
    {
      op_free (group);
      return;
    }

  group->serial = ++self->last_serial;
  g_ptr_array_add (self->undo_stack, group);
  g_ptr_array_set_size (self->redo_stack, 0);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * am_document_undo:
 *
 * Returns: %FALSE if there was nothing to undo
 */
gboolean
am_document_undo (AmDocument *self)
{
  Op *op;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;

  op = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  op_apply (self, op, FALSE);
  g_ptr_array_add (self->redo_stack, op);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * am_document_redo:
 *
 * Returns: %FALSE if there was nothing to redo
 */
gboolean
am_document_redo (AmDocument *self)
{
  Op *op;

  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->group_depth == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;

  op = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  op_apply (self, op, TRUE);
  g_ptr_array_add (self->undo_stack, op);
  update_state (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

gboolean
am_document_get_can_undo (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  return self->can_undo;
}

gboolean
am_document_get_can_redo (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  return self->can_redo;
}

/**
 * am_document_get_modified:
 *
 * Returns: whether the document differs from what was last saved or loaded
 */
gboolean
am_document_get_modified (AmDocument *self)
{
  g_return_val_if_fail (AM_IS_DOCUMENT (self), FALSE);
  return self->modified;
}

/**
 * am_document_clear_history:
 *
 * Forgets every undo and redo step and takes the current state as saved.
 * Loaders call it once the document is built.
 */
void
am_document_clear_history (AmDocument *self)
{
  g_return_if_fail (AM_IS_DOCUMENT (self));
  g_return_if_fail (self->group_depth == 0);

  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  self->saved_serial = 0;
  update_state (self);
}

/**
 * am_document_mark_saved:
 *
 * Takes the current state as the saved one: #AmDocument:modified becomes
 * %FALSE until the next edit, and again when undo or redo comes back here.
 */
void
am_document_mark_saved (AmDocument *self)
{
  g_return_if_fail (AM_IS_DOCUMENT (self));

  self->saved_serial = current_serial (self);
  update_state (self);
}

static gboolean
models_equal (GListModel *a,
              GListModel *b,
              gboolean   (*equal) (gpointer, gpointer))
{
  guint n = g_list_model_get_n_items (a);
  guint i;

  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, i);
      g_autoptr(GObject) y = g_list_model_get_item (b, i);

      if (!equal (x, y))
        return FALSE;
    }

  return TRUE;
}

/**
 * am_document_equal:
 *
 * Returns: whether the two documents have the same text, schema, metadata,
 *   annotator, status, annotations, links and orphans
 */
gboolean
am_document_equal (AmDocument *a,
                   AmDocument *b)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_return_val_if_fail (AM_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (AM_IS_DOCUMENT (b), FALSE);

  if (strcmp (am_text_get_sha256 (a->text), am_text_get_sha256 (b->text)) != 0 ||
      !am_label_schema_equal (a->schema, b->schema) ||
      g_strcmp0 (a->annotator, b->annotator) != 0 ||
      a->status != b->status ||
      g_hash_table_size (a->meta) != g_hash_table_size (b->meta))
    return FALSE;

  g_hash_table_iter_init (&iter, a->meta);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (!g_hash_table_contains (b->meta, key) ||
          g_strcmp0 (value, g_hash_table_lookup (b->meta, key)) != 0)
        return FALSE;
    }

  return models_equal (G_LIST_MODEL (a->annotations), G_LIST_MODEL (b->annotations),
                       (gboolean (*) (gpointer, gpointer)) am_annotation_equal) &&
         models_equal (G_LIST_MODEL (a->links), G_LIST_MODEL (b->links),
                       (gboolean (*) (gpointer, gpointer)) am_link_equal) &&
         models_equal (G_LIST_MODEL (a->orphans), G_LIST_MODEL (b->orphans),
                       (gboolean (*) (gpointer, gpointer)) am_annotation_equal);
}

const char *
am_document_status_to_string (AmDocumentStatus status)
{
  switch (status)
    {
    case AM_DOCUMENT_STATUS_NEW:
      return "new";

    case AM_DOCUMENT_STATUS_IN_PROGRESS:
      return "in-progress";

    case AM_DOCUMENT_STATUS_DONE:
      return "done";

    default:
      g_return_val_if_reached ("new");
    }
}

/**
 * am_document_status_from_string:
 * @status: (out): the status
 *
 * Returns: %FALSE if @str is not "new", "in-progress" or "done"
 */
gboolean
am_document_status_from_string (const char       *str,
                                AmDocumentStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  if (g_strcmp0 (str, "new") == 0)
    *status = AM_DOCUMENT_STATUS_NEW;
  else if (g_strcmp0 (str, "in-progress") == 0)
    *status = AM_DOCUMENT_STATUS_IN_PROGRESS;
  else if (g_strcmp0 (str, "done") == 0)
    *status = AM_DOCUMENT_STATUS_DONE;
  else
    return FALSE;

  return TRUE;
}
