/* am-label-schema.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-label-schema"

#include "config.h"

#include <glib/gi18n.h>

#include "am-error.h"
#include "am-label-schema.h"

/* The labels and relation types a document may use. A document carries its
 * own schema, so a project can define other labels than the default three.
 */
struct _AmLabelSchema
{
  GObject     parent_instance;
  GListStore *labels;
  GListStore *relations;
};

G_DEFINE_FINAL_TYPE (AmLabelSchema, am_label_schema, G_TYPE_OBJECT)

/* Colours for labels added without one (imported from other tools): distinct
 * hues that stay apart for the common forms of colour blindness.
 */
static const char * const palette_light[] = {
  "#1c71d8", "#c64600", "#813d9c", "#26a269", "#a51d2d", "#986a44", "#1a5fb4", "#e5a50a",
};
static const char * const palette_dark[] = {
  "#99c1f1", "#ffa348", "#dc8add", "#8ff0a4", "#f66151", "#cdab8f", "#62a0ea", "#f9f06b",
};

static void
am_label_schema_dispose (GObject *object)
{
  AmLabelSchema *self = (AmLabelSchema *)object;

  g_clear_object (&self->labels);
  g_clear_object (&self->relations);

  G_OBJECT_CLASS (am_label_schema_parent_class)->dispose (object);
}

static void
am_label_schema_class_init (AmLabelSchemaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_label_schema_dispose;
}

static void
am_label_schema_init (AmLabelSchema *self)
{
  self->labels = g_list_store_new (AM_TYPE_LABEL);
  self->relations = g_list_store_new (AM_TYPE_RELATION_TYPE);
}

/**
 * am_label_schema_new:
 *
 * Returns: (transfer full): a schema with no labels
 */
AmLabelSchema *
am_label_schema_new (void)
{
  return g_object_new (AM_TYPE_LABEL_SCHEMA, NULL);
}

/**
 * am_label_schema_new_default:
 *
 * Returns: (transfer full): claim (c), counter-claim (x), attribution (a), with
 *   the relations source (attribution → claim or counter-claim) and
 *   counters (counter-claim → claim)
 */
AmLabelSchema *
am_label_schema_new_default (void)
{
  AmLabelSchema *self = am_label_schema_new ();
  const char * const attribution[] = { "attribution", NULL };
  const char * const claims[] = { "claim", "counter-claim", NULL };
  const char * const counter[] = { "counter-claim", NULL };
  const char * const claim[] = { "claim", NULL };
  g_autoptr(AmLabel) l1 = am_label_new ("claim", "Claim", "#1c71d8", "#99c1f1", "c");
  g_autoptr(AmLabel) l2 = am_label_new ("counter-claim", "Counter-claim", "#c64600", "#ffa348", "x");
  g_autoptr(AmLabel) l3 = am_label_new ("attribution", "Attribution", "#813d9c", "#dc8add", "a");
  g_autoptr(AmRelationType) r1 = am_relation_type_new ("source", "Source", attribution, claims);
  g_autoptr(AmRelationType) r2 = am_relation_type_new ("counters", "Counters", counter, claim);

  g_list_store_append (self->labels, l1);
  g_list_store_append (self->labels, l2);
  g_list_store_append (self->labels, l3);
  g_list_store_append (self->relations, r1);
  g_list_store_append (self->relations, r2);

  return self;
}

/**
 * am_label_schema_copy:
 *
 * Labels and relation types are immutable, so they are shared.
 *
 * Returns: (transfer full): a schema with the same labels and relations
 */
AmLabelSchema *
am_label_schema_copy (AmLabelSchema *self)
{
  AmLabelSchema *copy;
  guint i;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);

  copy = am_label_schema_new ();
  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->labels)); i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);
      g_list_store_append (copy->labels, label);
    }
  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->relations)); i++)
    {
      g_autoptr(AmRelationType) rel = g_list_model_get_item (G_LIST_MODEL (self->relations), i);
      g_list_store_append (copy->relations, rel);
    }

  return copy;
}

/**
 * am_label_schema_get_labels:
 *
 * Returns: (transfer none): a #GListModel of #AmLabel, in schema order
 */
GListModel *
am_label_schema_get_labels (AmLabelSchema *self)
{
  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);
  return G_LIST_MODEL (self->labels);
}

/**
 * am_label_schema_get_relations:
 *
 * Returns: (transfer none): a #GListModel of #AmRelationType
 */
GListModel *
am_label_schema_get_relations (AmLabelSchema *self)
{
  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);
  return G_LIST_MODEL (self->relations);
}

/**
 * am_label_schema_lookup_label:
 *
 * Returns: (transfer none) (nullable): the label with @id
 */
AmLabel *
am_label_schema_lookup_label (AmLabelSchema *self,
                              const char    *id)
{
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  for (i = 0; i < n; i++)
    {
      AmLabel *label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      /* The store keeps its own reference. */
      g_object_unref (label);
      if (g_str_equal (am_label_get_id (label), id))
        return label;
    }

  return NULL;
}

/**
 * am_label_schema_lookup_label_by_key:
 *
 * Returns: (transfer none) (nullable): the label whose shortcut is @key
 */
AmLabel *
am_label_schema_lookup_label_by_key (AmLabelSchema *self,
                                     const char    *key)
{
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels));
  for (i = 0; i < n; i++)
    {
      AmLabel *label = g_list_model_get_item (G_LIST_MODEL (self->labels), i);

      g_object_unref (label);
      if (g_strcmp0 (am_label_get_key (label), key) == 0)
        return label;
    }

  return NULL;
}

/**
 * am_label_schema_lookup_relation:
 *
 * Returns: (transfer none) (nullable): the relation type with @id
 */
AmRelationType *
am_label_schema_lookup_relation (AmLabelSchema *self,
                                 const char    *id)
{
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->relations));
  for (i = 0; i < n; i++)
    {
      AmRelationType *rel = g_list_model_get_item (G_LIST_MODEL (self->relations), i);

      g_object_unref (rel);
      if (g_str_equal (am_relation_type_get_id (rel), id))
        return rel;
    }

  return NULL;
}

/**
 * am_label_schema_add_label:
 *
 * Refuses a label whose id is malformed or taken, or whose shortcut key is
 * already used by another label.
 */
gboolean
am_label_schema_add_label (AmLabelSchema  *self,
                           AmLabel        *label,
                           GError        **error)
{
  const char *key;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), FALSE);
  g_return_val_if_fail (AM_IS_LABEL (label), FALSE);

  if (!am_label_id_is_valid (am_label_get_id (label)))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not a valid label id: use letters, digits, “-”, “_” or “.”, "
                     "starting with a letter"),
                   am_label_get_id (label));
      return FALSE;
    }

  if (am_label_schema_lookup_label (self, am_label_get_id (label)) != NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_ID,
                   _("The schema already has a label “%s”"), am_label_get_id (label));
      return FALSE;
    }

  if (!am_label_color_is_valid (am_label_get_color (label)) ||
      !am_label_color_is_valid (am_label_get_dark_color (label)))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                   _("Label “%s” has a colour that is not of the form #rrggbb"),
                   am_label_get_id (label));
      return FALSE;
    }

  key = am_label_get_key (label);
  if (key != NULL)
    {
      if (g_utf8_strlen (key, -1) != 1)
        {
          g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                       _("The shortcut of label “%s” must be a single character, not “%s”"),
                       am_label_get_id (label), key);
          return FALSE;
        }
      if (am_label_schema_lookup_label_by_key (self, key) != NULL)
        {
          g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_ID,
                       _("The shortcut “%s” of label “%s” is already used by label “%s”"),
                       key, am_label_get_id (label),
                       am_label_get_id (am_label_schema_lookup_label_by_key (self, key)));
          return FALSE;
        }
    }

  g_list_store_append (self->labels, label);
  return TRUE;
}

/**
 * am_label_schema_add_relation:
 *
 * Refuses a relation type whose id is malformed or taken, or that names a
 * label the schema does not have.
 */
gboolean
am_label_schema_add_relation (AmLabelSchema   *self,
                              AmRelationType  *relation,
                              GError         **error)
{
  const char * const *lists[2];
  guint i;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), FALSE);
  g_return_val_if_fail (AM_IS_RELATION_TYPE (relation), FALSE);

  if (!am_label_id_is_valid (am_relation_type_get_id (relation)))
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE,
                   _("“%s” is not a valid relation id: use letters, digits, “-”, “_” or “.”, "
                     "starting with a letter"),
                   am_relation_type_get_id (relation));
      return FALSE;
    }

  if (am_label_schema_lookup_relation (self, am_relation_type_get_id (relation)) != NULL)
    {
      g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_DUPLICATE_ID,
                   _("The schema already has a relation “%s”"),
                   am_relation_type_get_id (relation));
      return FALSE;
    }

  lists[0] = am_relation_type_get_from (relation);
  lists[1] = am_relation_type_get_to (relation);
  for (i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      guint j;

      for (j = 0; lists[i][j] != NULL; j++)
        {
          if (am_label_schema_lookup_label (self, lists[i][j]) == NULL)
            {
              g_set_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_UNKNOWN_LABEL,
                           _("Relation “%s” names label “%s”, which the schema does not define"),
                           am_relation_type_get_id (relation), lists[i][j]);
              return FALSE;
            }
        }
    }

  g_list_store_append (self->relations, relation);
  return TRUE;
}

gboolean
am_label_schema_equal (AmLabelSchema *a,
                       AmLabelSchema *b)
{
  guint n;
  guint i;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (a), FALSE);
  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (b), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (a->labels));
  if (n != g_list_model_get_n_items (G_LIST_MODEL (b->labels)))
    return FALSE;
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) la = g_list_model_get_item (G_LIST_MODEL (a->labels), i);
      g_autoptr(AmLabel) lb = g_list_model_get_item (G_LIST_MODEL (b->labels), i);

      if (!am_label_equal (la, lb))
        return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (a->relations));
  if (n != g_list_model_get_n_items (G_LIST_MODEL (b->relations)))
    return FALSE;
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmRelationType) ra = g_list_model_get_item (G_LIST_MODEL (a->relations), i);
      g_autoptr(AmRelationType) rb = g_list_model_get_item (G_LIST_MODEL (b->relations), i);

      if (!am_relation_type_equal (ra, rb))
        return FALSE;
    }

  return TRUE;
}

/**
 * am_label_schema_suggest_color:
 * @dark: whether the colour is for dark backgrounds
 *
 * Returns: a colour for the next label added, from a colour-blind safe palette
 */
const char *
am_label_schema_suggest_color (AmLabelSchema *self,
                               gboolean       dark)
{
  guint n;

  g_return_val_if_fail (AM_IS_LABEL_SCHEMA (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->labels)) % G_N_ELEMENTS (palette_light);
  return dark ? palette_dark[n] : palette_light[n];
}
