/* am-preferences-window.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "am-preferences-window.h"

/* Every control is bound to its GSettings key, so a change applies at once
 * to every window and there is nothing to confirm.
 */
struct _AmPreferencesWindow
{
  GtkWindow  parent_instance;

  GSettings *settings;

  GtkWidget *name_entry;
  GtkWidget *snap_dropdown;
  GtkWidget *font_spin;
  GtkWidget *sidebar_switch;
  GtkWidget *scheme_dropdown;
};

G_DEFINE_FINAL_TYPE (AmPreferencesWindow, am_preferences_window, GTK_TYPE_WINDOW)

/* The drop-downs list an enum key's values in the schema's order. */
static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);
  guint i;

  for (i = 0; nicks[i] != NULL; i++)
    {
      if (g_str_equal (nicks[i], nick))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) nicks))
    return NULL;

  return g_variant_new_string (nicks[selected]);
}

static gboolean
int_to_double (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_int32 (variant));
  return TRUE;
}

static GVariant *
double_to_int (const GValue       *value,
               const GVariantType *expected_type,
               gpointer            user_data)
{
  return g_variant_new_int32 ((gint32) g_value_get_double (value));
}

static const char * const snap_nicks[] = { "characters", "words", "sentences", NULL };
static const char * const scheme_nicks[] = { "default", "light", "dark", NULL };

static void
am_preferences_window_dispose (GObject *object)
{
  AmPreferencesWindow *self = AM_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (am_preferences_window_parent_class)->dispose (object);
}

static void
am_preferences_window_class_init (AmPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/argumark/Argumark/ui/am-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, name_entry);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, snap_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, font_spin);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, sidebar_switch);
  gtk_widget_class_bind_template_child (widget_class, AmPreferencesWindow, scheme_dropdown);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
am_preferences_window_init (AmPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  g_settings_bind (self->settings, "annotator-name", self->name_entry, "text",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "snap-mode", self->snap_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) snap_nicks, NULL);
  g_settings_bind_with_mapping (self->settings, "font-size", self->font_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, int_to_double, double_to_int,
                                NULL, NULL);
  g_settings_bind (self->settings, "show-sidebar", self->sidebar_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "color-scheme", self->scheme_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) scheme_nicks, NULL);
}

/**
 * am_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 *
 * Returns: (transfer none): a new preferences window
 */
GtkWidget *
am_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (AM_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "application", parent != NULL ? gtk_window_get_application (parent) : NULL,
                       NULL);
}
