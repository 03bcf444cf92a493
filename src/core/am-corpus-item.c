/* am-corpus-item.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-corpus-item"

#include "config.h"

#include "am-corpus-private.h"

/* Changed on the main context only; the summary workers read copies of the
 * files, never the item. */
struct _AmCorpusItem
{
  GObject           parent_instance;
  char             *name;
  GFile            *article;
  GFile            *document;
  char             *title;
  char             *problem;
  guint64           stamp;
  /* Changes whenever the summary being read may be out of date. */
  guint             generation;
  AmDocumentStatus  status;
  guint             n_annotations;
  guint             n_links;
  guint             has_document : 1;
  guint             summarized : 1;
  guint             queued : 1;
};

G_DEFINE_FINAL_TYPE (AmCorpusItem, am_corpus_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ARTICLE_FILE,
  PROP_DOCUMENT_FILE,
  PROP_HAS_DOCUMENT,
  PROP_SUMMARIZED,
  PROP_TITLE,
  PROP_STATUS,
  PROP_N_ANNOTATIONS,
  PROP_N_LINKS,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_am_corpus_summary_free (AmCorpusSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->title);
  g_free (summary->problem);
  g_free (summary);
}

static void
am_corpus_item_dispose (GObject *object)
{
  AmCorpusItem *self = (AmCorpusItem *)object;

  g_clear_object (&self->article);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (am_corpus_item_parent_class)->dispose (object);
}

static void
am_corpus_item_finalize (GObject *object)
{
  AmCorpusItem *self = (AmCorpusItem *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (am_corpus_item_parent_class)->finalize (object);
}

static void
am_corpus_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  AmCorpusItem *self = AM_CORPUS_ITEM (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_ARTICLE_FILE:
      g_value_set_object (value, self->article);
      break;

    case PROP_DOCUMENT_FILE:
      g_value_set_object (value, self->document);
      break;

    case PROP_HAS_DOCUMENT:
      g_value_set_boolean (value, self->has_document);
      break;

    case PROP_SUMMARIZED:
      g_value_set_boolean (value, self->summarized);
      break;

    case PROP_TITLE:
      g_value_set_string (value, am_corpus_item_get_title (self));
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_N_ANNOTATIONS:
      g_value_set_uint (value, self->n_annotations);
      break;

    case PROP_N_LINKS:
      g_value_set_uint (value, self->n_links);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_corpus_item_class_init (AmCorpusItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = am_corpus_item_dispose;
  object_class->finalize = am_corpus_item_finalize;
  object_class->get_property = am_corpus_item_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ARTICLE_FILE] =
    g_param_spec_object ("article-file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_DOCUMENT_FILE] =
    g_param_spec_object ("document-file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_HAS_DOCUMENT] =
    g_param_spec_boolean ("has-document", NULL, NULL, FALSE, ro);
  properties[PROP_SUMMARIZED] =
    g_param_spec_boolean ("summarized", NULL, NULL, FALSE, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL, AM_DOCUMENT_STATUS_NEW, AM_DOCUMENT_STATUS_DONE,
                      AM_DOCUMENT_STATUS_NEW, ro);
  properties[PROP_N_ANNOTATIONS] =
    g_param_spec_uint ("n-annotations", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_N_LINKS] = g_param_spec_uint ("n-links", NULL, NULL, 0, G_MAXUINT, 0, ro);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
am_corpus_item_init (AmCorpusItem *self)
{
  self->status = AM_DOCUMENT_STATUS_NEW;
}

AmCorpusItem *
_am_corpus_item_new (const char *name,
                     GFile      *article,
                     GFile      *document,
                     gboolean    has_document)
{
  AmCorpusItem *self = g_object_new (AM_TYPE_CORPUS_ITEM, NULL);

  self->name = g_strdup (name);
  self->article = article != NULL ? g_object_ref (article) : NULL;
  self->document = g_object_ref (document);
  self->has_document = !!has_document;
  return self;
}

void
_am_corpus_item_set_files (AmCorpusItem *self,
                           GFile        *article,
                           gboolean      has_document)
{
  if (self->article != article &&
      (self->article == NULL || article == NULL || !g_file_equal (self->article, article)))
    {
      g_set_object (&self->article, article);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTICLE_FILE]);
    }
  if (self->has_document != !!has_document)
    {
      self->has_document = !!has_document;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_DOCUMENT]);
    }
}

void
_am_corpus_item_apply_summary (AmCorpusItem          *self,
                               const AmCorpusSummary *summary)
{
  const char *title = summary->title != NULL && summary->title[0] != '\0' ? summary->title : NULL;

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->title, title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
  if (self->status != summary->status)
    {
      self->status = summary->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
  if (self->n_annotations != summary->n_annotations)
    {
      self->n_annotations = summary->n_annotations;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ANNOTATIONS]);
    }
  if (self->n_links != summary->n_links)
    {
      self->n_links = summary->n_links;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LINKS]);
    }
  if (g_strcmp0 (self->problem, summary->problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (summary->problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  if (!self->summarized)
    {
      self->summarized = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARIZED]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

guint
_am_corpus_item_get_generation (AmCorpusItem *self)
{
  return self->generation;
}

void
_am_corpus_item_bump (AmCorpusItem *self)
{
  self->generation++;
}

/* The old summary stays visible until the new one arrives. */
void
_am_corpus_item_invalidate (AmCorpusItem *self)
{
  self->generation++;
  if (self->summarized)
    {
      self->summarized = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARIZED]);
    }
}

gboolean
_am_corpus_item_get_queued (AmCorpusItem *self)
{
  return self->queued;
}

void
_am_corpus_item_set_queued (AmCorpusItem *self,
                            gboolean      queued)
{
  self->queued = !!queued;
}

guint64
_am_corpus_item_get_stamp (AmCorpusItem *self)
{
  return self->stamp;
}

void
_am_corpus_item_set_stamp (AmCorpusItem *self,
                           guint64       stamp)
{
  self->stamp = stamp;
}

const char *
am_corpus_item_get_name (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), NULL);
  return self->name;
}

GFile *
am_corpus_item_get_article_file (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), NULL);
  return self->article;
}

GFile *
am_corpus_item_get_document_file (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), NULL);
  return self->document;
}

gboolean
am_corpus_item_get_has_document (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), FALSE);
  return self->has_document;
}

gboolean
am_corpus_item_get_summarized (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), FALSE);
  return self->summarized;
}

const char *
am_corpus_item_get_title (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), NULL);
  return self->title != NULL ? self->title : self->name;
}

AmDocumentStatus
am_corpus_item_get_status (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), AM_DOCUMENT_STATUS_NEW);
  return self->status;
}

guint
am_corpus_item_get_n_annotations (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), 0);
  return self->n_annotations;
}

guint
am_corpus_item_get_n_links (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), 0);
  return self->n_links;
}

/**
 * am_corpus_item_get_problem:
 *
 * Returns: (nullable): why the summary could not be read, for a person
 */
const char *
am_corpus_item_get_problem (AmCorpusItem *self)
{
  g_return_val_if_fail (AM_IS_CORPUS_ITEM (self), NULL);
  return self->problem;
}
