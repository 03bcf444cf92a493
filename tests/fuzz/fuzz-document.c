/* fuzz-document.c: the document loader and the article reader on any bytes
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built with clang -fsanitize=fuzzer by run-fuzz.sh, and with gcc and
 * fuzz-main.c as a regular test that runs the seed corpus.
 */

#include "config.h"

#include "am-document-io.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(AmDocument) doc = NULL;
  g_autoptr(AmDocument) article = NULL;
  g_autoptr(AmLoadReport) report = NULL;
  g_autoptr(GError) error = NULL;

  doc = am_document_load_from_data ((const char *) data, size, &report, &error);
  g_assert ((doc == NULL) != (error == NULL));
  g_assert (doc == NULL || report != NULL);

  /* Whatever loads must save, and load again to the same document. */
  if (doc != NULL)
    {
      g_autoptr(GBytes) bytes = am_document_to_bytes (doc);
      g_autoptr(GBytes) again = NULL;
      g_autoptr(AmDocument) reloaded = NULL;
      g_autoptr(GError) reload_error = NULL;

      reloaded = am_document_load_from_data (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                             NULL, &reload_error);
      g_assert (reloaded != NULL);
      g_assert (am_document_equal (doc, reloaded));
      again = am_document_to_bytes (reloaded);
      g_assert (g_bytes_equal (bytes, again));
    }

  g_clear_error (&error);
  article = am_document_new_from_article_data ((const char *) data, size, &error);
  g_assert ((article == NULL) != (error == NULL));

  return 0;
}
