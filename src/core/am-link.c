/* am-link.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-link"

#include "config.h"

#include "am-annotation.h"
#include "am-link-private.h"

/* A typed, directed link between two annotations of one document, such as an
 * attribution that is the source of a claim. Links are never edited in place:
 * changing one is unlinking and linking again.
 */
struct _AmLink
{
  GObject  parent_instance;
  char    *id;
  char    *relation;
  char    *from;
  char    *to;
};

G_DEFINE_FINAL_TYPE (AmLink, am_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_RELATION,
  PROP_FROM,
  PROP_TO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
am_link_finalize (GObject *object)
{
  AmLink *self = (AmLink *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->relation, g_free);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->to, g_free);

  G_OBJECT_CLASS (am_link_parent_class)->finalize (object);
}

static void
am_link_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  AmLink *self = AM_LINK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_RELATION:
      g_value_set_string (value, self->relation);
      break;

    case PROP_FROM:
      g_value_set_string (value, self->from);
      break;

    case PROP_TO:
      g_value_set_string (value, self->to);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_link_class_init (AmLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_link_finalize;
  object_class->get_property = am_link_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RELATION] =
    g_param_spec_string ("relation", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_link_init (AmLink *self)
{
}

/**
 * am_link_new:
 * @id: (nullable): the id, or %NULL to let the document choose one
 * @relation: the relation type id
 * @from_id: the annotation the link starts at
 * @to_id: the annotation it points to
 *
 * Returns: (transfer full): a link for am_document_insert_link()
 */
AmLink *
am_link_new (const char *id,
             const char *relation,
             const char *from_id,
             const char *to_id)
{
  AmLink *self;

  g_return_val_if_fail (relation != NULL, NULL);
  g_return_val_if_fail (from_id != NULL, NULL);
  g_return_val_if_fail (to_id != NULL, NULL);

  self = g_object_new (AM_TYPE_LINK, NULL);
  self->id = g_strdup (id);
  self->relation = g_strdup (relation);
  self->from = g_strdup (from_id);
  self->to = g_strdup (to_id);

  return self;
}

const char *
am_link_get_id (AmLink *self)
{
  g_return_val_if_fail (AM_IS_LINK (self), NULL);
  return self->id;
}

const char *
am_link_get_relation (AmLink *self)
{
  g_return_val_if_fail (AM_IS_LINK (self), NULL);
  return self->relation;
}

const char *
am_link_get_from (AmLink *self)
{
  g_return_val_if_fail (AM_IS_LINK (self), NULL);
  return self->from;
}

const char *
am_link_get_to (AmLink *self)
{
  g_return_val_if_fail (AM_IS_LINK (self), NULL);
  return self->to;
}

gboolean
am_link_equal (AmLink *a,
               AmLink *b)
{
  g_return_val_if_fail (AM_IS_LINK (a), FALSE);
  g_return_val_if_fail (AM_IS_LINK (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->relation, b->relation) == 0 &&
         g_strcmp0 (a->from, b->from) == 0 &&
         g_strcmp0 (a->to, b->to) == 0;
}

/**
 * am_link_compare:
 *
 * The order of a document's links: by id, "R2" before "R10".
 */
int
am_link_compare (AmLink *a,
                 AmLink *b)
{
  g_return_val_if_fail (AM_IS_LINK (a), 0);
  g_return_val_if_fail (AM_IS_LINK (b), 0);

  return am_id_compare (a->id, b->id);
}

void
_am_link_set_id (AmLink     *self,
                 const char *id)
{
  g_assert (AM_IS_LINK (self));

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}
