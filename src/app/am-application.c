/* am-application.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-application"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-application.h"
#include "am-review-window.h"

struct _AmApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  /* Windows still to close while quitting, one prompt at a time. */
  GPtrArray      *quit_queue;
  /* What the desktop asked for before a color-scheme preference overrode it. */
  gboolean        desktop_prefers_dark;
};

G_DEFINE_FINAL_TYPE (AmApplication, am_application, GTK_TYPE_APPLICATION)

static void
apply_color_scheme (AmApplication *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  gboolean dark;

  switch (g_settings_get_enum (self->settings, "color-scheme"))
    {
    case 1:
      dark = FALSE;
      break;

    case 2:
      dark = TRUE;
      break;

    default:
      dark = self->desktop_prefers_dark;
      break;
    }

  g_object_set (gtk_settings, "gtk-application-prefer-dark-theme", dark, NULL);
}

static void
color_scheme_changed_cb (AmApplication *self)
{
  apply_color_scheme (self);
}

static void quit_next (AmApplication *self);

static void
window_closed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmApplication) self = user_data;

  if (!am_window_close_finish (AM_WINDOW (object), result, NULL))
    {
      /* The user kept this window: the quit stops here. */
      g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
      return;
    }

  quit_next (self);
}

static void
review_closed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(AmApplication) self = user_data;

  if (!am_review_window_close_finish (AM_REVIEW_WINDOW (object), result, NULL))
    {
      g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
      return;
    }

  quit_next (self);
}

static void
quit_next (AmApplication *self)
{
  g_autoptr(GtkWindow) window = NULL;

  if (self->quit_queue == NULL)
    return;

  if (self->quit_queue->len == 0)
    {
      g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
      g_application_quit (G_APPLICATION (self));
      return;
    }

  window = g_ptr_array_steal_index (self->quit_queue, 0);
  if (AM_IS_REVIEW_WINDOW (window))
    am_review_window_close_async (AM_REVIEW_WINDOW (window), NULL, review_closed_cb, g_object_ref (self));
  else
    am_window_close_async (AM_WINDOW (window), NULL, window_closed_cb, g_object_ref (self));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  AmApplication *self = user_data;

  if (self->quit_queue != NULL)
    return;

  self->quit_queue = g_ptr_array_new_with_free_func (g_object_unref);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (AM_IS_WINDOW (l->data) || AM_IS_REVIEW_WINDOW (l->data))
        g_ptr_array_add (self->quit_queue, g_object_ref (l->data));
    }

  quit_next (self);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  AmApplication *self = user_data;
  const char *authors[] = { "The Argumark authors", NULL };

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Argumark"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("Tag the claims, counter-claims and attributions of news "
                                       "articles, link them, and export the work as datasets."),
                         "copyright", "© 2026 The Argumark authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         /* Translators: your names, one a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
load_style (void)
{
  g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

  gtk_css_provider_load_from_resource (provider, "/org/argumark/Argumark/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
am_application_startup (GApplication *application)
{
  AmApplication *self = AM_APPLICATION (application);

  G_APPLICATION_CLASS (am_application_parent_class)->startup (application);

  load_style ();

  g_set_application_name (_("Argumark"));
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });

  self->settings = g_settings_new (APP_ID);
  g_object_get (gtk_settings_get_default (),
                "gtk-application-prefer-dark-theme", &self->desktop_prefers_dark,
                NULL);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
am_application_activate (GApplication *application)
{
  AmWindow *window = am_window_new (GTK_APPLICATION (application));

  gtk_window_present (GTK_WINDOW (window));
}

static void
am_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  AmApplication *self = AM_APPLICATION (application);
  int i;

  for (i = 0; i < n_files; i++)
    am_application_open_file (self, files[i], NULL);
}

static void
am_application_dispose (GObject *object)
{
  AmApplication *self = AM_APPLICATION (object);

  g_clear_pointer (&self->quit_queue, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_application_parent_class)->dispose (object);
}

static void
am_application_class_init (AmApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = am_application_dispose;

  app_class->startup = am_application_startup;
  app_class->activate = am_application_activate;
  app_class->open = am_application_open;
}

static void
am_application_init (AmApplication *self)
{
}

/**
 * am_application_new:
 *
 * Returns: (transfer full): the application; `argumark FILE...` opens each
 *   file, in the running instance if there is one
 */
AmApplication *
am_application_new (void)
{
  return g_object_new (AM_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/argumark/Argumark",
                       NULL);
}

/* The Argumark document saved beside an article, the way Save proposes and
 * corpora keep it: NAME.txt → NAME.argumark.json.
 */
static GFile *
saved_document_for (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *json_name = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFile) json = NULL;
  gsize length;

  if (name == NULL || !g_file_is_native (file))
    return NULL;

  length = strlen (name);
  if (length <= 4 || g_ascii_strcasecmp (name + length - 4, ".txt") != 0)
    return NULL;

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return NULL;

  json_name = g_strdup_printf ("%.*s.argumark.json", (int) (length - 4), name);
  json = g_file_get_child (parent, json_name);
  if (!g_file_query_exists (json, NULL))
    return NULL;

  return g_steal_pointer (&json);
}

/**
 * am_application_open_file:
 * @file: an article, an Argumark document or a corpus folder
 * @hint: (nullable): the window the request came from
 *
 * Shows @file (or, for an article, the document saved beside it, as
 * NAME.argumark.json): in the window that already has it, else in @hint or another
 * window if it shows the start screen, else in a new window. If @file cannot
 * be opened, the error appears in @hint, or in a new window.
 *
 * Returns: (transfer none): the window that shows @file or its error
 */
AmWindow *
am_application_open_file (AmApplication *self,
                          GFile         *file,
                          AmWindow      *hint)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) saved = NULL;
  AmWindow *target = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (AM_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (hint == NULL || AM_IS_WINDOW (hint), NULL);

  /* An article already annotated opens with its annotations: starting it
   * afresh would offer to save over them.
   */
  if ((saved = saved_document_for (file)) != NULL)
    file = saved;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (AM_IS_WINDOW (l->data) && am_window_has_file (l->data, file))
        {
          gtk_window_present (l->data);
          return l->data;
        }
    }

  if (hint != NULL && am_window_is_empty (hint))
    {
      target = hint;
    }
  else
    {
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
        {
          if (AM_IS_WINDOW (l->data) && am_window_is_empty (l->data))
            {
              target = l->data;
              break;
            }
        }
    }

  if (target == NULL)
    {
      target = am_window_new (GTK_APPLICATION (self));
      created = TRUE;
    }

  /* A folder is a corpus: its documents are listed beside the article. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_DIRECTORY
      ? !am_window_open_folder (target, file, &error)
      : !am_window_open (target, file, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *primary = NULL;

      if (created && hint != NULL)
        {
          gtk_window_destroy (GTK_WINDOW (target));
          target = hint;
        }

      /* Translators: %s is a file name */
      primary = g_strdup_printf (_("Could not open “%s”"), name);
      am_window_show_error (target, primary, error);
    }

  else if (saved != NULL)
    {
      g_autofree char *name = g_file_get_basename (saved);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Opened the annotations saved in %s"), name);
      am_window_show_message (target, message);
    }

  gtk_window_present (GTK_WINDOW (target));

  return target;
}
