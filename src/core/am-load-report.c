/* am-load-report.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-load-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "am-load-report-private.h"
#include "am-util-private.h"

struct _AmLoadReport
{
  GObject    parent_instance;

  GPtrArray *messages;
  GPtrArray *moved_ids;
  GPtrArray *orphan_ids;
  guint      n_dropped_links;
  guint      text_changed : 1;
};

G_DEFINE_FINAL_TYPE (AmLoadReport, am_load_report, G_TYPE_OBJECT)

static void
am_load_report_finalize (GObject *object)
{
  AmLoadReport *self = (AmLoadReport *) object;

  g_clear_pointer (&self->messages, g_ptr_array_unref);
  g_clear_pointer (&self->moved_ids, g_ptr_array_unref);
  g_clear_pointer (&self->orphan_ids, g_ptr_array_unref);

  G_OBJECT_CLASS (am_load_report_parent_class)->finalize (object);
}

static void
am_load_report_class_init (AmLoadReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = am_load_report_finalize;
}

static void
am_load_report_init (AmLoadReport *self)
{
  self->messages = g_ptr_array_new_with_free_func (g_free);
  self->moved_ids = g_ptr_array_new_with_free_func (g_free);
  self->orphan_ids = g_ptr_array_new_with_free_func (g_free);
}

/**
 * am_load_report_new:
 *
 * Returns: (transfer full): an empty report
 */
AmLoadReport *
am_load_report_new (void)
{
  return g_object_new (AM_TYPE_LOAD_REPORT, NULL);
}

/**
 * am_load_report_is_empty:
 *
 * Returns: whether the document loaded exactly as it was written
 */
gboolean
am_load_report_is_empty (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), TRUE);

  return self->messages->len == 0;
}

/**
 * am_load_report_dup_messages:
 *
 * Returns: (transfer full): one line for each thing the loader changed or
 *   could not place, in file order
 */
GStrv
am_load_report_dup_messages (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), NULL);

  return _am_strv_from_ptr_array (self->messages);
}

guint
am_load_report_get_n_moved (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), 0);

  return self->moved_ids->len;
}

guint
am_load_report_get_n_orphans (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), 0);

  return self->orphan_ids->len;
}

/**
 * am_load_report_get_text_changed:
 *
 * Returns: whether the text no longer has the checksum ("text_sha256") it
 *   was saved with, that is, it was edited outside Argumark
 */
gboolean
am_load_report_get_text_changed (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), FALSE);

  return self->text_changed;
}

/**
 * am_load_report_dup_moved_ids:
 *
 * Returns: (transfer full): the ids of the annotations that were re-anchored
 */
GStrv
am_load_report_dup_moved_ids (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), NULL);

  return _am_strv_from_ptr_array (self->moved_ids);
}

/**
 * am_load_report_dup_orphan_ids:
 *
 * Returns: (transfer full): the ids of the annotations that could not be
 *   placed on the text
 */
GStrv
am_load_report_dup_orphan_ids (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), NULL);

  return _am_strv_from_ptr_array (self->orphan_ids);
}

guint
am_load_report_get_n_dropped_links (AmLoadReport *self)
{
  g_return_val_if_fail (AM_IS_LOAD_REPORT (self), 0);

  return self->n_dropped_links;
}

void
_am_load_report_set_text_changed (AmLoadReport *self)
{
  g_return_if_fail (AM_IS_LOAD_REPORT (self));

  if (self->text_changed)
    return;

  self->text_changed = TRUE;
  g_ptr_array_add (self->messages,
                   g_strdup (_("text: the article was changed outside Argumark "
                               "(its checksum differs); annotations were placed again by their quotes")));
}

void
_am_load_report_add_moved (AmLoadReport *self,
                           const char   *path,
                           const char   *id,
                           guint         old_start,
                           guint         old_end,
                           guint         new_start,
                           guint         new_end)
{
  g_return_if_fail (AM_IS_LOAD_REPORT (self));

  g_ptr_array_add (self->moved_ids, g_strdup (id));
  g_ptr_array_add (self->messages,
                   g_strdup_printf (_("%s (%s): moved from %u–%u to %u–%u, where its quote is"),
                                    path, id, old_start, old_end, new_start, new_end));
}

void
_am_load_report_add_orphan (AmLoadReport *self,
                            const char   *path,
                            const char   *id,
                            const char   *reason)
{
  g_return_if_fail (AM_IS_LOAD_REPORT (self));

  g_ptr_array_add (self->orphan_ids, g_strdup (id));
  g_ptr_array_add (self->messages,
                   g_strdup_printf (_("%s (%s): %s; kept as an orphan, not placed on the text"),
                                    path, id, reason));
}

void
_am_load_report_add_dropped_link (AmLoadReport *self,
                                  const char   *path,
                                  const char   *id,
                                  const char   *orphan_id)
{
  g_return_if_fail (AM_IS_LOAD_REPORT (self));

  self->n_dropped_links++;
  g_ptr_array_add (self->messages,
                   g_strdup_printf (_("%s (%s): left out, because annotation %s is an orphan; "
                                      "link them again once it is placed"),
                                    path, id, orphan_id));
}
