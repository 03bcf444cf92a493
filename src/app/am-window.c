/* am-window.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-application.h"
#include "am-window-private.h"

#define TOAST_SECONDS 4
#define MAX_RECENT    8

enum
{
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_SIDEBAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AmWindow, am_window, GTK_TYPE_APPLICATION_WINDOW)

static gboolean
window_is_dark (AmWindow *self)
{
  GtkSettings *settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_autofree char *theme = NULL;
  gboolean prefer_dark = FALSE;

  g_object_get (settings,
                "gtk-application-prefer-dark-theme", &prefer_dark,
                "gtk-theme-name", &theme,
                NULL);

  return prefer_dark || (theme != NULL && g_str_has_suffix (theme, "-dark"));
}

static void rebuild_label_buttons (AmWindow *self);

static void
update_dark (AmWindow *self)
{
  am_article_view_set_dark (self->article_view, window_is_dark (self));
  /* The swatches switch to the labels' dark colors. */
  rebuild_label_buttons (self);
}

static void
gtk_settings_changed_cb (AmWindow *self)
{
  update_dark (self);
}

static void
draw_swatch (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  AmLabel *label = user_data;
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (area), AM_TYPE_WINDOW);
  const char *color;
  GdkRGBA rgba;

  color = window != NULL && window_is_dark (AM_WINDOW (window))
          ? am_label_get_dark_color (label)
          : am_label_get_color (label);
  if (!gdk_rgba_parse (&rgba, color))
    return;

  /* A rounded square, like the chips in the annotation list. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - 3, 3, 3, -G_PI / 2, 0);
  cairo_arc (cr, width - 3, height - 3, 3, 0, G_PI / 2);
  cairo_arc (cr, 3, height - 3, 3, G_PI / 2, G_PI);
  cairo_arc (cr, 3, 3, 3, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  gdk_cairo_set_source_rgba (cr, &rgba);
  cairo_fill (cr);
}

static void
rebuild_label_buttons (AmWindow *self)
{
  GtkWidget *child;
  GListModel *labels;
  guint n;
  guint i;

  while ((child = gtk_widget_get_first_child (self->label_buttons)) != NULL)
    gtk_box_remove (GTK_BOX (self->label_buttons), child);

  if (self->document == NULL)
    return;

  labels = am_label_schema_get_labels (am_document_get_schema (self->document));
  n = g_list_model_get_n_items (labels);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);
      const char *key = am_label_get_key (label);
      g_autofree char *tooltip = NULL;
      GtkWidget *button;
      GtkWidget *box;
      GtkWidget *swatch;
      GtkWidget *name;

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 5);
      swatch = gtk_drawing_area_new ();
      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (swatch), 12);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (swatch), 12);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_swatch,
                                      g_object_ref (label), g_object_unref);
      gtk_box_append (GTK_BOX (box), swatch);
      name = gtk_label_new (am_label_get_name (label));
      gtk_box_append (GTK_BOX (box), name);

      if (key != NULL && key[0] != '\0')
        {
          GtkWidget *hint = gtk_label_new (key);

          gtk_widget_add_css_class (hint, "key-hint");
          gtk_box_append (GTK_BOX (box), hint);
          /* Translators: %s is a label such as “Claim”, then its key */
          tooltip = g_strdup_printf (_("Tag the selection as %s (%s)"),
                                     am_label_get_name (label), key);
        }
      else
        {
          /* Translators: %s is a label such as “Claim” */
          tooltip = g_strdup_printf (_("Tag the selection as %s"), am_label_get_name (label));
        }

      button = gtk_button_new ();
      gtk_button_set_child (GTK_BUTTON (button), box);
      /* The keyboard stays in the article, so that the next key tags on. */
      gtk_widget_set_focus_on_click (button, FALSE);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_widget_add_css_class (button, "label-button");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "doc.tag");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", am_label_get_id (label));
      gtk_box_append (GTK_BOX (self->label_buttons), button);
    }
}

static char *
display_name_for_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    {
      const char *home = g_get_home_dir ();

      if (g_str_has_prefix (path, home) && path[strlen (home)] == G_DIR_SEPARATOR)
        return g_strconcat ("~", path + strlen (home), NULL);
      return g_steal_pointer (&path);
    }

  return g_file_get_parse_name (file);
}

void
_am_window_update_title (AmWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;
  const char *doc_title = NULL;

  if (self->document == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->title_label), _("Argumark"));
      gtk_widget_set_visible (self->subtitle_label, FALSE);
      gtk_window_set_title (GTK_WINDOW (self), _("Argumark"));
      return;
    }

  doc_title = am_document_get_title (self->document);
  if (doc_title == NULL || doc_title[0] == '\0')
    doc_title = _("Untitled Article");

  if (am_window_get_unsaved (self))
    title = g_strdup_printf ("• %s", doc_title);
  else
    title = g_strdup (doc_title);

  if (self->file != NULL)
    {
      subtitle = display_name_for_file (self->file);
    }
  else if (self->origin != NULL && g_file_is_native (self->origin))
    {
      g_autofree char *name = g_file_get_basename (self->origin);

      /* Translators: %s is the file name of an article */
      subtitle = g_strdup_printf (_("%s — not saved as a document yet"), name);
    }
  else
    {
      subtitle = g_strdup (_("Not saved yet"));
    }

  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
  gtk_widget_set_visible (self->subtitle_label, TRUE);
  gtk_widget_set_tooltip_text (self->subtitle_label, subtitle);

  /* Translators: the window title: a document title, then the application */
  window_title = g_strdup_printf (_("%s — Argumark"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static gboolean
hide_toast_cb (gpointer user_data)
{
  AmWindow *self = user_data;

  self->toast_source = 0;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->toast_revealer), FALSE);

  return G_SOURCE_REMOVE;
}

/**
 * am_window_show_message:
 * @message: a short sentence
 *
 * Shows @message over the article for a few seconds.
 */
void
am_window_show_message (AmWindow   *self,
                        const char *message)
{
  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (GTK_LABEL (self->toast_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->toast_revealer), TRUE);
  g_clear_handle_id (&self->toast_source, g_source_remove);
  self->toast_source = g_timeout_add_seconds (TOAST_SECONDS, hide_toast_cb, self);
}

/**
 * am_window_show_error:
 * @primary: what failed, for a person
 * @error: (nullable): why, from the model
 *
 * Shows a failure in a bar at the top of the window until it is closed.
 */
void
am_window_show_error (AmWindow     *self,
                      const char   *primary,
                      const GError *error)
{
  g_autofree char *escaped_primary = NULL;
  g_autofree char *markup = NULL;

  g_return_if_fail (AM_IS_WINDOW (self));
  g_return_if_fail (primary != NULL);

  escaped_primary = g_markup_escape_text (primary, -1);
  if (error != NULL)
    {
      g_autofree char *escaped_detail = g_markup_escape_text (error->message, -1);

      markup = g_strdup_printf ("<b>%s</b>\n%s", escaped_primary, escaped_detail);
    }
  else
    {
      markup = g_strdup_printf ("<b>%s</b>", escaped_primary);
    }

  gtk_label_set_markup (GTK_LABEL (self->error_label), markup);
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->error_bar), GTK_MESSAGE_ERROR);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), TRUE);
}

static void
error_bar_response_cb (AmWindow *self)
{
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->error_bar), FALSE);
}

static void
recent_row_activated_cb (AmWindow      *self,
                         GtkListBoxRow *row)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "uri");
  const char *draft_key = g_object_get_data (G_OBJECT (row), "draft-key");
  g_autoptr(GFile) file = g_file_new_for_uri (uri);
  g_autoptr(GError) error = NULL;

  /* Work whose file has gone is still there to be saved somewhere else. */
  if (draft_key != NULL && !g_file_query_exists (file, NULL))
    {
      if (!_am_window_open_draft (self, draft_key, &error))
        am_window_show_error (self, _("Could not open the unsaved work"), error);
      return;
    }

  am_application_open_file (AM_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))),
                            file, self);
}

static int
compare_recent (gconstpointer a,
                gconstpointer b)
{
  GtkRecentInfo *info_a = *(GtkRecentInfo **) a;
  GtkRecentInfo *info_b = *(GtkRecentInfo **) b;
  GDateTime *time_a = gtk_recent_info_get_modified (info_a);
  GDateTime *time_b = gtk_recent_info_get_modified (info_b);

  return -g_date_time_compare (time_a, time_b);
}

static GtkWidget *
make_file_row (const char *uri,
               const char *title,
               const char *where)
{
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *name;
  GtkWidget *detail;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  name = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  detail = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), detail);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, where);
  g_object_set_data_full (G_OBJECT (row), "uri", g_strdup (uri), g_free);

  return row;
}

static void
clear_list (GtkWidget *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (list), child);
}

/* Whether another window is working on the draft @key (of @origin). */
static gboolean
draft_in_use (AmWindow   *self,
              const char *key,
              GFile      *origin)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app == NULL)
    return FALSE;

  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    {
      AmWindow *other = l->data;

      if (other == self || !AM_IS_WINDOW (other))
        continue;
      if (g_strcmp0 (other->draft_key, key) == 0 || am_window_has_file (other, origin))
        return TRUE;
    }

  return FALSE;
}

/* Work left unsaved by a crash, so that it can be found again without
 * remembering which file it was: opening the file offers to restore it.
 */
static void
update_drafts (AmWindow *self)
{
  g_auto(GStrv) keys = am_drafts_list_keys (self->drafts);
  guint n = 0;
  guint i;

  clear_list (self->drafts_list);

  for (i = 0; keys[i] != NULL; i++)
    {
      g_autofree char *uri = am_drafts_dup_origin_uri (self->drafts, keys[i]);
      g_autofree char *title = am_drafts_dup_title (self->drafts, keys[i]);
      g_autofree char *where = NULL;
      g_autofree char *detail = NULL;
      g_autoptr(GFile) origin = NULL;
      GtkWidget *row;

      if (uri == NULL)
        continue;

      origin = g_file_new_for_uri (uri);
      if (draft_in_use (self, keys[i], origin))
        continue;

      if (title == NULL || title[0] == '\0')
        {
          g_free (title);
          title = g_file_get_basename (origin);
        }
      where = display_name_for_file (origin);
      /* Translators: %s is where the document was opened from */
      detail = g_strdup_printf (_("Not saved · %s"), where);
      row = make_file_row (uri, title, detail);
      g_object_set_data_full (G_OBJECT (row), "draft-key", g_strdup (keys[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (self->drafts_list), row);
      n++;
    }

  gtk_widget_set_visible (self->drafts_group, n > 0);
}

static void
update_recent (AmWindow *self)
{
  GtkRecentManager *manager = gtk_recent_manager_get_default ();
  g_autoptr(GPtrArray) mine = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_recent_info_unref);
  GList *items;
  guint i;

  clear_list (self->recent_list);

  items = gtk_recent_manager_get_items (manager);
  for (GList *l = items; l != NULL; l = l->next)
    {
      GtkRecentInfo *info = l->data;

      if (gtk_recent_info_has_application (info, g_get_application_name ()) &&
          gtk_recent_info_exists (info))
        g_ptr_array_add (mine, gtk_recent_info_ref (info));
    }
  g_list_free_full (items, (GDestroyNotify) gtk_recent_info_unref);

  g_ptr_array_sort (mine, compare_recent);

  for (i = 0; i < mine->len && i < MAX_RECENT; i++)
    {
      GtkRecentInfo *info = g_ptr_array_index (mine, i);
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_recent_info_get_uri (info));
      g_autoptr(GFile) parent = g_file_get_parent (file);
      g_autofree char *folder = parent != NULL ? display_name_for_file (parent) : g_strdup ("");

      gtk_list_box_append (GTK_LIST_BOX (self->recent_list),
                           make_file_row (gtk_recent_info_get_uri (info),
                                          gtk_recent_info_get_display_name (info),
                                          folder));
    }

  gtk_widget_set_visible (self->recent_group, mine->len > 0);
  update_drafts (self);
}

static void
recent_changed_cb (AmWindow *self)
{
  if (self->document == NULL)
    update_recent (self);
}

static void
annotation_removed_cb (AmWindow     *self,
                       AmAnnotation *annotation)
{
  if (am_article_view_get_selected_annotation (self->article_view) == annotation)
    am_article_view_set_selected_annotation (self->article_view, NULL);
  if (self->link_source == annotation)
    _am_window_cancel_link (self);
}

static void
document_changed_cb (AmWindow *self)
{
  _am_window_document_changed (self);
}

static void
document_modified_cb (AmWindow *self)
{
  _am_window_update_title (self);
}

void
_am_window_set_document (AmWindow   *self,
                         AmDocument *document,
                         GFile      *file,
                         GFile      *origin)
{
  g_assert (AM_IS_WINDOW (self));
  g_assert (document == NULL || AM_IS_DOCUMENT (document));

  _am_window_cancel_link (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  am_article_view_set_selected_annotation (self->article_view, NULL);
  g_set_object (&self->document, document);
  g_set_object (&self->file, file);
  g_set_object (&self->origin, origin);
  self->restored = FALSE;

  if (document != NULL)
    {
      g_signal_connect_object (document, "changed",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (document_modified_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::title",
                               G_CALLBACK (document_modified_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (annotation_removed_cb), self, G_CONNECT_SWAPPED);
    }

  am_article_view_set_document (self->article_view, document);
  am_annotation_sidebar_set_document (self->sidebar, document);
  rebuild_label_buttons (self);

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack),
                                    document != NULL ? "document" : "start");
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->article_view));

  _am_window_update_title (self);
  _am_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

static void
selected_annotation_cb (AmWindow *self)
{
  _am_window_selection_changed (self);
}

static void
set_show_sidebar (AmWindow *self,
                  gboolean  show)
{
  show = !!show;
  if (self->show_sidebar == show)
    return;

  self->show_sidebar = show;
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         AmWindow      *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  files = g_value_get_boxed (value);
  if (files == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    am_application_open_file (AM_APPLICATION (app), l->data, self);

  return TRUE;
}

static void
save_window_state (AmWindow *self)
{
  int width = 0;
  int height = 0;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_boolean (self->settings, "window-maximized", TRUE);
      return;
    }

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", FALSE);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
am_window_close_request (GtkWindow *window)
{
  AmWindow *self = AM_WINDOW (window);

  if (am_window_get_unsaved (self) && !self->close_confirmed)
    {
      am_window_close_async (self, NULL, NULL, NULL);
      return TRUE;
    }

  save_window_state (self);
  _am_window_discard_draft (self);

  return GTK_WINDOW_CLASS (am_window_parent_class)->close_request (window);
}

static void
am_window_dispose (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  g_clear_handle_id (&self->toast_source, g_source_remove);
  _am_window_files_dispose (self);
  _am_window_corpus_dispose (self);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);

  g_clear_pointer (&self->link_popover, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_WINDOW);

  g_clear_object (&self->link_source);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->origin);
  g_clear_object (&self->drafts);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_window_parent_class)->dispose (object);
}

static void
am_window_finalize (GObject *object)
{
  AmWindow *self = AM_WINDOW (object);

  g_free (self->draft_key);
  g_free (self->pending_label);

  G_OBJECT_CLASS (am_window_parent_class)->finalize (object);
}

static void
am_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AmWindow *self = AM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->show_sidebar);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  AmWindow *self = AM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_window_class_init (AmWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = am_window_dispose;
  object_class->finalize = am_window_finalize;
  object_class->get_property = am_window_get_property;
  object_class->set_property = am_window_set_property;

  window_class->close_request = am_window_close_request;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, AM_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AM_TYPE_ARTICLE_VIEW);
  g_type_ensure (AM_TYPE_ANNOTATION_SIDEBAR);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/argumark/Argumark/ui/am-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, label_buttons);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, drafts_list);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, article_view);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_bar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, draft_bar);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, draft_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, toast_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, toast_label);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, link_popover);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, link_list);
  gtk_widget_class_bind_template_child (widget_class, AmWindow, link_title);
  gtk_widget_class_bind_template_callback (widget_class, error_bar_response_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);

  gtk_widget_class_install_property_action (widget_class, "win.toggle-sidebar", "show-sidebar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);

  _am_window_class_actions_init (widget_class);
  _am_window_class_files_init (widget_class);
  _am_window_class_corpus_init (widget_class);
}

static void
am_window_init (AmWindow *self)
{
  GtkDropTarget *drop;
  int width;
  int height;

  /* The property action reads show-sidebar before the template exists. */
  self->show_sidebar = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->cancellable = g_cancellable_new ();
  self->drafts = am_drafts_new_default ();

  width = g_settings_get_int (self->settings, "window-width");
  height = g_settings_get_int (self->settings, "window-height");
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  g_settings_bind (self->settings, "show-sidebar", self, "show-sidebar", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "snap-mode", self->article_view, "snap-mode",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "font-size", self->article_view, "font-size",
                   G_SETTINGS_BIND_GET);

  g_object_bind_property (self->article_view, "selected-annotation",
                          self->sidebar, "selected-annotation",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->article_view, "notify::selected-annotation",
                           G_CALLBACK (selected_annotation_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (gtk_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)),
                           "notify::gtk-theme-name",
                           G_CALLBACK (gtk_settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_dark (self);

  gtk_widget_set_parent (self->link_popover, GTK_WIDGET (self->article_view));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (gtk_recent_manager_get_default (), "changed",
                           G_CALLBACK (recent_changed_cb), self, G_CONNECT_SWAPPED);
  update_recent (self);

  _am_window_corpus_init (self);
  _am_window_set_document (self, NULL, NULL, NULL);
}

/**
 * am_window_new:
 *
 * Returns: (transfer none): a new window showing the start screen
 */
AmWindow *
am_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (AM_TYPE_WINDOW, "application", application, NULL);
}

/**
 * am_window_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown, %NULL on the start screen
 */
AmDocument *
am_window_get_document (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * am_window_get_file:
 *
 * Returns: (transfer none) (nullable): where Save writes, %NULL until the
 *   work has been saved as (or opened from) an Argumark document
 */
GFile *
am_window_get_file (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->file;
}

/**
 * am_window_get_origin:
 *
 * Returns: (transfer none) (nullable): the file the document was opened from
 */
GFile *
am_window_get_origin (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return self->origin;
}

/**
 * am_window_get_unsaved:
 *
 * Returns: whether closing the window now would lose work
 */
gboolean
am_window_get_unsaved (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return FALSE;

  return self->restored || am_document_get_modified (self->document);
}

/**
 * am_window_is_empty:
 *
 * Returns: whether the window shows the start screen, free for a document
 */
gboolean
am_window_is_empty (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);

  return self->document == NULL;
}

/**
 * am_window_has_file:
 *
 * Returns: whether the window's document was opened from or is saved to @file
 */
gboolean
am_window_has_file (AmWindow *self,
                    GFile    *file)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return (self->file != NULL && g_file_equal (self->file, file)) ||
         (self->origin != NULL && g_file_equal (self->origin, file));
}

/**
 * am_window_get_selected_annotation:
 *
 * Returns: (transfer none) (nullable): the annotation the edits act on
 */
AmAnnotation *
am_window_get_selected_annotation (AmWindow *self)
{
  g_return_val_if_fail (AM_IS_WINDOW (self), NULL);

  return am_article_view_get_selected_annotation (self->article_view);
}
