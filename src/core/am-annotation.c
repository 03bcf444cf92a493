/* am-annotation.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-annotation"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "am-annotation-private.h"

/* A tagged span of the article. Outside a document an annotation is a plain
 * value (importers build them with g_object_new); inside one, only the
 * document changes it, so that every change can be undone.
 */
struct _AmAnnotation
{
  GObject  parent_instance;
  char    *id;
  char    *label;
  guint    start;
  guint    end;
  char    *quote;
  char    *note;
  char    *author;
  char    *created;
  char    *modified;
  GStrv    sources;
};

G_DEFINE_FINAL_TYPE (AmAnnotation, am_annotation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  PROP_START,
  PROP_END,
  PROP_QUOTE,
  PROP_NOTE,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_MODIFIED,
  PROP_SOURCES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
am_annotation_finalize (GObject *object)
{
  AmAnnotation *self = (AmAnnotation *)object;

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->quote, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->created, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->sources, g_strfreev);

  G_OBJECT_CLASS (am_annotation_parent_class)->finalize (object);
}

static void
am_annotation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AmAnnotation *self = AM_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_START:
      g_value_set_uint (value, self->start);
      break;

    case PROP_END:
      g_value_set_uint (value, self->end);
      break;

    case PROP_QUOTE:
      g_value_set_string (value, self->quote);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CREATED:
      g_value_set_string (value, self->created);
      break;

    case PROP_MODIFIED:
      g_value_set_string (value, self->modified);
      break;

    case PROP_SOURCES:
      g_value_set_boxed (value, self->sources);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_annotation_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AmAnnotation *self = AM_ANNOTATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;

    case PROP_START:
      self->start = g_value_get_uint (value);
      break;

    case PROP_END:
      self->end = g_value_get_uint (value);
      break;

    case PROP_NOTE:
      g_free (self->note);
      self->note = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;

    case PROP_AUTHOR:
      g_free (self->author);
      self->author = g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
      break;

    case PROP_CREATED:
      self->created = g_value_dup_string (value);
      break;

    case PROP_MODIFIED:
      self->modified = g_value_dup_string (value);
      break;

    case PROP_SOURCES:
      self->sources = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_annotation_class_init (AmAnnotationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = am_annotation_finalize;
  object_class->get_property = am_annotation_get_property;
  object_class->set_property = am_annotation_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, construct);
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] = g_param_spec_string ("note", NULL, NULL, NULL, construct);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, construct);
  properties[PROP_CREATED] = g_param_spec_string ("created", NULL, NULL, NULL, construct);
  properties[PROP_MODIFIED] = g_param_spec_string ("modified", NULL, NULL, NULL, construct);
  properties[PROP_SOURCES] = g_param_spec_boxed ("sources", NULL, NULL, G_TYPE_STRV, construct);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_annotation_init (AmAnnotation *self)
{
  self->note = g_strdup ("");
  self->author = g_strdup ("");
}

/**
 * am_annotation_new:
 * @id: (nullable): the id, or %NULL to let the document choose one
 * @label: the label id
 * @start: first code point
 * @end: code point after the last
 *
 * Creates an annotation outside any document, for am_document_insert_annotation().
 * Other fields (note, author, created, modified, sources) can be given as
 * construct properties with g_object_new().
 *
 * Returns: (transfer full): a new annotation
 */
AmAnnotation *
am_annotation_new (const char *id,
                   const char *label,
                   guint       start,
                   guint       end)
{
  g_return_val_if_fail (label != NULL, NULL);

  return g_object_new (AM_TYPE_ANNOTATION,
                       "id", id,
                       "label", label,
                       "start", start,
                       "end", end,
                       NULL);
}

/* For the loader, which makes thousands of annotations that nobody watches
 * yet: the fields are set without the GValues of g_object_new () and
 * without notifications, which take GObject's global locks and made up
 * much of loading a document. Empty @note and @author are "" like unset
 * ones; empty @sources is none.
 */
AmAnnotation *
_am_annotation_new_loaded (const char         *id,
                           const char         *label,
                           guint               start,
                           guint               end,
                           const char         *quote,
                           const char         *note,
                           const char         *author,
                           const char         *created,
                           const char         *modified,
                           const char * const *sources)
{
  AmAnnotation *self;

  g_assert (label != NULL);

  self = g_object_new (AM_TYPE_ANNOTATION, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label);
  self->start = start;
  self->end = end;
  self->quote = g_strdup (quote);
  if (note != NULL && note[0] != '\0')
    {
      g_free (self->note);
      self->note = g_strdup (note);
    }
  if (author != NULL && author[0] != '\0')
    {
      g_free (self->author);
      self->author = g_strdup (author);
    }
  self->created = g_strdup (created);
  self->modified = g_strdup (modified);
  if (sources != NULL && sources[0] != NULL)
    self->sources = g_strdupv ((char **) sources);

  return self;
}

/**
 * am_annotation_get_id:
 *
 * Returns: (nullable): the id; %NULL only before the annotation joins a document
 */
const char *
am_annotation_get_id (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->id;
}

const char *
am_annotation_get_label (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->label;
}

guint
am_annotation_get_start (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), 0);
  return self->start;
}

guint
am_annotation_get_end (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), 0);
  return self->end;
}

/**
 * am_annotation_get_quote:
 *
 * Returns: (nullable): the text the span covers; %NULL before it joins a document
 */
const char *
am_annotation_get_quote (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->quote;
}

const char *
am_annotation_get_note (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->note;
}

const char *
am_annotation_get_author (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->author;
}

/**
 * am_annotation_get_created:
 *
 * Returns: (nullable): ISO 8601 UTC time, such as "2026-11-25T10:00:00Z"
 */
const char *
am_annotation_get_created (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->created;
}

const char *
am_annotation_get_modified (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return self->modified;
}

/**
 * am_annotation_get_sources:
 *
 * The annotators who had this span, for a gold document made by adjudication.
 *
 * Returns: (nullable) (array zero-terminated=1): annotator names, or %NULL
 */
const char * const *
am_annotation_get_sources (AmAnnotation *self)
{
  g_return_val_if_fail (AM_IS_ANNOTATION (self), NULL);
  return (const char * const *) self->sources;
}

/**
 * am_id_compare:
 *
 * Orders ids such as "T2" before "T10": a common prefix, then the trailing
 * number by value.
 */
int
am_id_compare (const char *a,
               const char *b)
{
  gsize la;
  gsize lb;
  gsize pa;
  gsize pb;
  int r;

  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);

  la = strlen (a);
  lb = strlen (b);
  for (pa = la; pa > 0 && g_ascii_isdigit (a[pa - 1]); pa--)
    ;
  for (pb = lb; pb > 0 && g_ascii_isdigit (b[pb - 1]); pb--)
    ;

  if (pa == pb && strncmp (a, b, pa) == 0 && pa < la && pb < lb)
    {
      const char *da = a + pa;
      const char *db = b + pb;

      while (*da == '0' && da[1] != '\0')
        da++;
      while (*db == '0' && db[1] != '\0')
        db++;
      if (strlen (da) != strlen (db))
        return strlen (da) < strlen (db) ? -1 : 1;
      r = strcmp (da, db);
      if (r != 0)
        return r;
    }

  return strcmp (a, b);
}

/**
 * am_annotation_compare:
 *
 * The order of a document's annotations: by start, end, label, then id.
 */
int
am_annotation_compare (AmAnnotation *a,
                       AmAnnotation *b)
{
  int r;

  g_return_val_if_fail (AM_IS_ANNOTATION (a), 0);
  g_return_val_if_fail (AM_IS_ANNOTATION (b), 0);

  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  if (a->end != b->end)
    return a->end < b->end ? -1 : 1;
  r = strcmp (a->label, b->label);
  if (r != 0)
    return r;
  return am_id_compare (a->id, b->id);
}

/**
 * am_annotation_equal:
 *
 * Returns: whether every field of @a and @b is the same
 */
gboolean
am_annotation_equal (AmAnnotation *a,
                     AmAnnotation *b)
{
  const char * const empty[] = { NULL };

  g_return_val_if_fail (AM_IS_ANNOTATION (a), FALSE);
  g_return_val_if_fail (AM_IS_ANNOTATION (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         a->start == b->start &&
         a->end == b->end &&
         g_strcmp0 (a->quote, b->quote) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->author, b->author) == 0 &&
         g_strcmp0 (a->created, b->created) == 0 &&
         g_strcmp0 (a->modified, b->modified) == 0 &&
         g_strv_equal (a->sources != NULL ? (const char * const *) a->sources : empty,
                       b->sources != NULL ? (const char * const *) b->sources : empty);
}

void
_am_annotation_set_id (AmAnnotation *self,
                       const char   *id)
{
  g_assert (AM_IS_ANNOTATION (self));

  g_free (self->id);
  self->id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

void
_am_annotation_set_label (AmAnnotation *self,
                          const char   *label)
{
  g_assert (AM_IS_ANNOTATION (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;

  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
_am_annotation_set_span (AmAnnotation *self,
                         guint         start,
                         guint         end,
                         const char   *quote)
{
  g_assert (AM_IS_ANNOTATION (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->start != start)
    {
      self->start = start;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START]);
    }
  if (self->end != end)
    {
      self->end = end;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
    }
  if (g_strcmp0 (self->quote, quote) != 0)
    {
      g_free (self->quote);
      self->quote = g_strdup (quote);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUOTE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

void
_am_annotation_set_note (AmAnnotation *self,
                         const char   *note)
{
  g_assert (AM_IS_ANNOTATION (self));

  if (note == NULL)
    note = "";
  if (g_strcmp0 (self->note, note) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (note);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

void
_am_annotation_set_author (AmAnnotation *self,
                           const char   *author)
{
  g_assert (AM_IS_ANNOTATION (self));

  if (author == NULL)
    author = "";
  if (g_strcmp0 (self->author, author) == 0)
    return;

  g_free (self->author);
  self->author = g_strdup (author);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTHOR]);
}

void
_am_annotation_set_created (AmAnnotation *self,
                            const char   *created)
{
  g_assert (AM_IS_ANNOTATION (self));

  if (g_strcmp0 (self->created, created) == 0)
    return;

  g_free (self->created);
  self->created = g_strdup (created);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED]);
}

void
_am_annotation_set_modified (AmAnnotation *self,
                             const char   *modified)
{
  g_assert (AM_IS_ANNOTATION (self));

  if (g_strcmp0 (self->modified, modified) == 0)
    return;

  g_free (self->modified);
  self->modified = g_strdup (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

void
_am_annotation_set_sources (AmAnnotation       *self,
                            const char * const *sources)
{
  g_assert (AM_IS_ANNOTATION (self));

  g_strfreev (self->sources);
  self->sources = sources != NULL && sources[0] != NULL ? g_strdupv ((char **) sources) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCES]);
}
