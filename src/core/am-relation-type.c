/* am-relation-type.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-relation-type"

#include "config.h"

#include "am-relation-type.h"

/* A kind of link between two spans, and which labels may stand at its ends.
 * An empty list of labels allows any label at that end. Immutable.
 */
struct _AmRelationType
{
  GObject   parent_instance;
  char     *id;
  char     *name;
  GStrv     from;
  GStrv     to;
};

G_DEFINE_FINAL_TYPE (AmRelationType, am_relation_type, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
am_relation_type_finalize (GObject *object)
{
  AmRelationType *self = (AmRelationType *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->from, g_strfreev);
  g_clear_pointer (&self->to, g_strfreev);

  G_OBJECT_CLASS (am_relation_type_parent_class)->finalize (object);
}

static void
am_relation_type_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmRelationType *self = AM_RELATION_TYPE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_relation_type_class_init (AmRelationTypeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_relation_type_finalize;
  object_class->get_property = am_relation_type_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_relation_type_init (AmRelationType *self)
{
}

/**
 * am_relation_type_new:
 * @from_labels: (nullable) (array zero-terminated=1): labels allowed at the start
 * @to_labels: (nullable) (array zero-terminated=1): labels allowed at the end
 */
AmRelationType *
am_relation_type_new (const char         *id,
                      const char         *name,
                      const char * const *from_labels,
                      const char * const *to_labels)
{
  AmRelationType *self;
  const char * const empty[] = { NULL };

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (AM_TYPE_RELATION_TYPE, NULL);
  self->id = g_strdup (id);
  self->name = g_strdup (name != NULL ? name : id);
  self->from = g_strdupv ((char **) (from_labels != NULL ? from_labels : empty));
  self->to = g_strdupv ((char **) (to_labels != NULL ? to_labels : empty));

  return self;
}

const char *
am_relation_type_get_id (AmRelationType *self)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (self), NULL);
  return self->id;
}

const char *
am_relation_type_get_name (AmRelationType *self)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (self), NULL);
  return self->name;
}

const char * const *
am_relation_type_get_from (AmRelationType *self)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (self), NULL);
  return (const char * const *) self->from;
}

const char * const *
am_relation_type_get_to (AmRelationType *self)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (self), NULL);
  return (const char * const *) self->to;
}

static gboolean
list_allows (GStrv       list,
             const char *label)
{
  return list[0] == NULL || g_strv_contains ((const char * const *) list, label);
}

gboolean
am_relation_type_allows_from (AmRelationType *self,
                              const char     *from_label)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (self), FALSE);
  g_return_val_if_fail (from_label != NULL, FALSE);

  return list_allows (self->from, from_label);
}

gboolean
am_relation_type_allows (AmRelationType *self,
                         const char     *from_label,
                         const char     *to_label)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (self), FALSE);
  g_return_val_if_fail (from_label != NULL, FALSE);
  g_return_val_if_fail (to_label != NULL, FALSE);

  return list_allows (self->from, from_label) && list_allows (self->to, to_label);
}

gboolean
am_relation_type_equal (AmRelationType *a,
                        AmRelationType *b)
{
  g_return_val_if_fail (AM_IS_RELATION_TYPE (a), FALSE);
  g_return_val_if_fail (AM_IS_RELATION_TYPE (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strv_equal ((const char * const *) a->from, (const char * const *) b->from) &&
         g_strv_equal ((const char * const *) a->to, (const char * const *) b->to);
}
