/* test-translation.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Checks, on the build tree, that the German catalogue is built and that every
 * path which reads it finds it: the core's messages, the settings schema's
 * summaries, and the merged desktop file.
 */

#define G_LOG_DOMAIN "argumark-test"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <gio/gio.h>

#include "am-error.h"
#include "am-segmenter.h"
#include "am-text.h"

static void
test_core_message (void)
{
  g_autoptr(AmText) text = am_text_new ("Ein Satz.", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) words = NULL;

  words = am_segment_words (text, "not a tag!", &error);
  g_assert_null (words);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "„not a tag!“ ist kein Sprach-Tag (BCP 47, etwa „en“ oder „zh-Hant“)");
}

static void
test_schema_summary (void)
{
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;

  /* Settings editors translate summaries through the schema's gettext-domain. */
  g_file_get_contents (SCHEMA_FILE, &xml, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (xml, "gettext-domain=\"" GETTEXT_PACKAGE "\""));
  g_assert_cmpstr (g_dgettext (GETTEXT_PACKAGE, "Article font size"), ==,
                   "Schriftgröße des Artikels");
}

static void
test_desktop_file (void)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *english = NULL;

  g_key_file_load_from_file (key_file, DESKTOP_FILE, G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  english = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP,
                                   G_KEY_FILE_DESKTOP_KEY_COMMENT, &error);
  g_assert_no_error (error);
  comment = g_key_file_get_locale_string (key_file, G_KEY_FILE_DESKTOP_GROUP,
                                          G_KEY_FILE_DESKTOP_KEY_COMMENT, "de", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (comment, !=, english);
  g_assert_cmpstr (comment, ==, g_dgettext (GETTEXT_PACKAGE, english));
}

int
main (int   argc,
      char *argv[])
{
  /* LANGUAGE takes precedence over the locale (C.UTF-8 in the test
   * environment), which is all a build machine without German locales has. */
  g_setenv ("LANGUAGE", "de", TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/translation/core-message", test_core_message);
  g_test_add_func ("/translation/schema-summary", test_schema_summary);
  g_test_add_func ("/translation/desktop-file", test_desktop_file);

  return g_test_run ();
}
