/* am-label.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-label"

#include "config.h"

#include "am-label.h"

/* A label of the schema: what a span can be tagged as. Immutable. */
struct _AmLabel
{
  GObject  parent_instance;
  char    *id;
  char    *name;
  char    *color;
  char    *dark_color;
  char    *key;
};

G_DEFINE_FINAL_TYPE (AmLabel, am_label, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COLOR,
  PROP_DARK_COLOR,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
am_label_finalize (GObject *object)
{
  AmLabel *self = (AmLabel *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->color, g_free);
  g_clear_pointer (&self->dark_color, g_free);
  g_clear_pointer (&self->key, g_free);

  G_OBJECT_CLASS (am_label_parent_class)->finalize (object);
}

static void
am_label_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  AmLabel *self = AM_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    case PROP_DARK_COLOR:
      g_value_set_string (value, self->dark_color);
      break;

    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_label_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  AmLabel *self = AM_LABEL (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    case PROP_COLOR:
      self->color = g_value_dup_string (value);
      break;

    case PROP_DARK_COLOR:
      self->dark_color = g_value_dup_string (value);
      break;

    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_label_class_init (AmLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_label_finalize;
  object_class->get_property = am_label_get_property;
  object_class->set_property = am_label_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DARK_COLOR] =
    g_param_spec_string ("dark-color", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_label_init (AmLabel *self)
{
}

/**
 * am_label_new:
 * @id: a stable identifier such as "claim"
 * @name: the name shown to people
 * @color: "#rrggbb" for light backgrounds
 * @dark_color: (nullable): "#rrggbb" for dark backgrounds, or %NULL to reuse @color
 * @key: (nullable): a single-character shortcut, or %NULL
 */
AmLabel *
am_label_new (const char *id,
              const char *name,
              const char *color,
              const char *dark_color,
              const char *key)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (color != NULL, NULL);

  return g_object_new (AM_TYPE_LABEL,
                       "id", id,
                       "name", name != NULL ? name : id,
                       "color", color,
                       "dark-color", dark_color != NULL ? dark_color : color,
                       "key", key != NULL && *key != '\0' ? key : NULL,
                       NULL);
}

const char *
am_label_get_id (AmLabel *self)
{
  g_return_val_if_fail (AM_IS_LABEL (self), NULL);
  return self->id;
}

const char *
am_label_get_name (AmLabel *self)
{
  g_return_val_if_fail (AM_IS_LABEL (self), NULL);
  return self->name;
}

const char *
am_label_get_color (AmLabel *self)
{
  g_return_val_if_fail (AM_IS_LABEL (self), NULL);
  return self->color;
}

const char *
am_label_get_dark_color (AmLabel *self)
{
  g_return_val_if_fail (AM_IS_LABEL (self), NULL);
  return self->dark_color;
}

/**
 * am_label_get_key:
 *
 * Returns: (nullable): the single-character shortcut
 */
const char *
am_label_get_key (AmLabel *self)
{
  g_return_val_if_fail (AM_IS_LABEL (self), NULL);
  return self->key;
}

gboolean
am_label_equal (AmLabel *a,
                AmLabel *b)
{
  g_return_val_if_fail (AM_IS_LABEL (a), FALSE);
  g_return_val_if_fail (AM_IS_LABEL (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->name, b->name) == 0 &&
         g_strcmp0 (a->color, b->color) == 0 &&
         g_strcmp0 (a->dark_color, b->dark_color) == 0 &&
         g_strcmp0 (a->key, b->key) == 0;
}

/**
 * am_label_id_is_valid:
 *
 * Label and relation ids end up as brat types, CSS-like names and CoNLL tags,
 * so they are kept to letters, digits, '-', '_' and '.', starting with a letter.
 */
gboolean
am_label_id_is_valid (const char *id)
{
  const char *p;

  if (id == NULL || !g_ascii_isalpha (*id))
    return FALSE;

  for (p = id; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_' && *p != '.')
        return FALSE;
    }

  return p - id <= 64;
}

/**
 * am_label_color_is_valid:
 *
 * Returns: whether @color is of the form "#rrggbb"
 */
gboolean
am_label_color_is_valid (const char *color)
{
  guint i;

  if (color == NULL || color[0] != '#')
    return FALSE;

  for (i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }

  return color[7] == '\0';
}
