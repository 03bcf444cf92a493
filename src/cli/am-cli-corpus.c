/* am-cli-corpus.c: argumark-cli import-articles and status
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "am-cli.h"
#include "am-corpus.h"
#include "am-document-io.h"

static int
usage_error (GOptionContext *context,
             const char     *message)
{
  g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

  am_cli_printerr (NULL, message);
  g_printerr ("%s", help);
  return 2;
}

static void
print_line_problem (const char *input,
                    guint       line,
                    const char *message)
{
  g_autofree char *where = g_strdup_printf ("%s:%u", input, line);

  am_cli_printerr (where, message);
}

/* Meta values are strings: numbers and flags are written as JSON writes
 * them, objects and arrays as compact JSON, null is left out. */
static char *
meta_value (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return json_to_string (node, FALSE);
}

static void
set_meta_from (AmDocument *document,
               const char *key,
               JsonNode   *node)
{
  g_autofree char *value = meta_value (node);

  if (value != NULL)
    am_document_set_meta (document, key, value);
}

/* The document of one JSONL record, or NULL with a reason for a person. */
static AmDocument *
document_from_record (JsonNode    *root,
                      char       **out_id,
                      GError     **error)
{
  g_autoptr(AmDocument) document = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;
  JsonNode *id_node, *text_node, *title_node;
  const char *text;
  GList *l;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_WRONG_TYPE,
                           _("the line is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  id_node = json_object_get_member (object, "id");
  if (id_node == NULL || JSON_NODE_HOLDS_NULL (id_node))
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_MISSING_FIELD,
                           _("“id” is missing: every article needs an id (a string or a number)"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (id_node) ||
      (json_node_get_value_type (id_node) != G_TYPE_STRING &&
       json_node_get_value_type (id_node) != G_TYPE_INT64))
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_WRONG_TYPE,
                           _("“id” must be a string or a whole number"));
      return NULL;
    }

  text_node = json_object_get_member (object, "text");
  if (text_node == NULL)
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_MISSING_FIELD,
                           _("“text” is missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (text_node) || json_node_get_value_type (text_node) != G_TYPE_STRING)
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_WRONG_TYPE,
                           _("“text” must be a string"));
      return NULL;
    }
  title_node = json_object_get_member (object, "title");
  if (title_node != NULL && !JSON_NODE_HOLDS_NULL (title_node) &&
      (!JSON_NODE_HOLDS_VALUE (title_node) ||
       json_node_get_value_type (title_node) != G_TYPE_STRING))
    {
      g_set_error_literal (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_WRONG_TYPE,
                           _("“title” must be a string"));
      return NULL;
    }

  text = json_node_get_string (text_node);
  document = am_document_new_from_article_data (text, strlen (text), error);
  if (document == NULL)
    return NULL;

  /* The record's own "meta" first, so that its top-level fields win. */
  if (json_object_has_member (object, "meta") &&
      JSON_NODE_HOLDS_OBJECT (json_object_get_member (object, "meta")))
    {
      JsonObject *meta = json_object_get_object_member (object, "meta");
      g_autoptr(GList) keys = json_object_get_members (meta);

      for (l = keys; l != NULL; l = l->next)
        set_meta_from (document, l->data, json_object_get_member (meta, l->data));
    }
  members = json_object_get_members (object);
  for (l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (g_str_equal (key, "text") || g_str_equal (key, "meta"))
        continue;
      set_meta_from (document, key, json_object_get_member (object, key));
    }
  am_document_clear_history (document);
  am_document_mark_saved (document);

  *out_id = meta_value (id_node);
  return g_steal_pointer (&document);
}

static gboolean
write_article (GFile       *folder,
               const char  *name,
               const char  *text,
               AmDocument  *document,
               gboolean     force,
               GError     **error)
{
  g_autofree char *txt_name = g_strconcat (name, AM_CORPUS_ARTICLE_SUFFIX, NULL);
  g_autofree char *json_name = g_strconcat (name, AM_CORPUS_DOCUMENT_SUFFIX, NULL);
  g_autoptr(GFile) txt = g_file_get_child (folder, txt_name);
  g_autoptr(GFile) json = g_file_get_child (folder, json_name);

  if (!force)
    {
      GFile *files[] = { txt, json };
      guint i;

      for (i = 0; i < G_N_ELEMENTS (files); i++)
        if (g_file_query_exists (files[i], NULL))
          {
            g_autofree char *path = g_file_get_parse_name (files[i]);

            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         _("%s already exists: it was left as it is (use --force to overwrite)"),
                         path);
            return FALSE;
          }
    }

  if (!g_file_replace_contents (txt, text, strlen (text), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, NULL, error))
    return FALSE;
  return am_document_save (document, json, error);
}

int
am_cli_import_articles (int    argc,
                        char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GHashTable) taken = NULL;
  g_autoptr(GHashTable) first_line_of_id = NULL;
  g_autofree char *output = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean force = FALSE;
  guint n_written = 0, n_bad = 0;
  guint i;
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Corpus folder to write the articles to (created if needed)"), N_("FOLDER") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Overwrite articles that already exist in the folder"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("ARTICLES.jsonl…"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Split JSONL files of articles, one {\"id\", \"title\", "
                                  "\"text\", …} object per line, into a corpus folder."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Each article becomes NAME.txt (its text) and NAME.argumark.json (a new document\n"
      "whose meta holds the record’s other fields), where NAME is the id made safe as a\n"
      "file name; ids that clash get -2, -3… Blank lines are skipped. Bad lines are\n"
      "listed on stderr as FILE:LINE: reason and the others are imported.\n"
      "Exit status: 0 all imported, 1 some line was bad or a file already existed,\n"
      "2 usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (output == NULL)
    return usage_error (context, _("Name the corpus folder to write with -o FOLDER"));
  if (inputs == NULL || inputs[0] == NULL)
    return usage_error (context, _("Name at least one JSONL file of articles"));

  folder = g_file_new_for_commandline_arg (output);
  if (!g_file_make_directory_with_parents (folder, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      am_cli_printerr (output, error->message);
      return 1;
    }
  g_clear_error (&error);
  if (g_file_query_file_type (folder, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      am_cli_printerr (output, _("is not a folder"));
      return 1;
    }

  taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  first_line_of_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (i = 0; inputs[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (inputs[i]);
      g_autoptr(GFileInputStream) stream = NULL;
      g_autoptr(GDataInputStream) data = NULL;
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      guint line_number = 0;

      stream = g_file_read (file, NULL, &error);
      if (stream == NULL)
        {
          am_cli_printerr (inputs[i], error->message);
          g_clear_error (&error);
          n_bad++;
          continue;
        }
      data = g_data_input_stream_new (G_INPUT_STREAM (stream));
      g_data_input_stream_set_newline_type (data, G_DATA_STREAM_NEWLINE_TYPE_ANY);

      for (;;)
        {
          g_autofree char *line = NULL;
          g_autofree char *id = NULL;
          g_autofree char *name = NULL;
          g_autofree char *id_copy = NULL;
          g_autoptr(AmDocument) document = NULL;
          gsize length = 0;
          const char *where;
          const char *text;

          line = g_data_input_stream_read_line (data, &length, NULL, &error);
          if (line == NULL)
            {
              if (error != NULL)
                {
                  print_line_problem (inputs[i], line_number + 1, error->message);
                  g_clear_error (&error);
                  n_bad++;
                }
              break;
            }
          line_number++;
          if (g_strstrip (line)[0] == '\0')
            continue;
          if (line_number == 1 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
            memmove (line, line + 3, strlen (line + 3) + 1);

          if (!g_utf8_validate (line, -1, NULL))
            {
              print_line_problem (inputs[i], line_number, _("the line is not valid UTF-8"));
              n_bad++;
              continue;
            }
          if (!json_parser_load_from_data (parser, line, -1, &error))
            {
              g_autofree char *message = NULL;
              const char *reason = error->message;
              guint column = 0;

              /* json-glib says "<data>:1:COLUMN: …"; the line is ours to name. */
              if (sscanf (reason, "<data>:%*u:%u:", &column) == 1 && strchr (reason, ' ') != NULL)
                message = g_strdup_printf (_("not valid JSON at column %u:%s"), column,
                                           strchr (reason, ' '));
              else
                message = g_strdup_printf (_("not valid JSON: %s"), reason);

              print_line_problem (inputs[i], line_number, message);
              g_clear_error (&error);
              n_bad++;
              continue;
            }
          document = document_from_record (json_parser_get_root (parser), &id, &error);
          if (document == NULL)
            {
              print_line_problem (inputs[i], line_number, error->message);
              g_clear_error (&error);
              n_bad++;
              continue;
            }

          name = am_corpus_make_name (id, taken);
          id_copy = g_strdup (id);
          where = g_hash_table_lookup (first_line_of_id, id_copy);
          if (where != NULL)
            {
              g_autofree char *message =
                g_strdup_printf (_("note: the id “%s” was already used at %s; this article is "
                                   "saved as %s"), id, where, name);

              print_line_problem (inputs[i], line_number, message);
            }
          else
            g_hash_table_insert (first_line_of_id, g_steal_pointer (&id_copy),
                                 g_strdup_printf ("%s:%u", inputs[i], line_number));

          text = json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)),
                                                "text");
          if (!write_article (folder, name, text, document, force, &error))
            {
              print_line_problem (inputs[i], line_number, error->message);
              g_clear_error (&error);
              n_bad++;
              continue;
            }
          n_written++;
        }
    }

  {
    g_autofree char *summary =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article written to %s; %u problems",
                                    "%u articles written to %s; %u problems", n_written),
                       n_written, output, n_bad);

    g_printerr ("%s\n", summary);
  }
  return n_bad > 0 ? 1 : 0;
}

static const char *
status_word (AmDocumentStatus status)
{
  switch (status)
    {
    case AM_DOCUMENT_STATUS_NEW:
      return _("new");
    case AM_DOCUMENT_STATUS_IN_PROGRESS:
      return _("in progress");
    case AM_DOCUMENT_STATUS_DONE:
      return _("done");
    default:
      g_assert_not_reached ();
    }
}

static void
print_status_json (AmCorpus *corpus)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *folder = g_file_get_parse_name (am_corpus_get_folder (corpus));
  g_autofree char *text = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  guint i;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "folder");
  json_builder_add_string_value (builder, folder);
  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, am_corpus_item_get_name (item));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, am_corpus_item_get_title (item));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder,
                                     am_document_status_to_string (am_corpus_item_get_status (item)));
      json_builder_set_member_name (builder, "annotations");
      json_builder_add_int_value (builder, am_corpus_item_get_n_annotations (item));
      json_builder_set_member_name (builder, "links");
      json_builder_add_int_value (builder, am_corpus_item_get_n_links (item));
      json_builder_set_member_name (builder, "has_document");
      json_builder_add_boolean_value (builder, am_corpus_item_get_has_document (item));
      json_builder_set_member_name (builder, "problem");
      if (am_corpus_item_get_problem (item) != NULL)
        json_builder_add_string_value (builder, am_corpus_item_get_problem (item));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "totals");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "documents");
  json_builder_add_int_value (builder, n);
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, am_corpus_get_n_new (corpus));
  json_builder_set_member_name (builder, "in_progress");
  json_builder_add_int_value (builder, am_corpus_get_n_in_progress (corpus));
  json_builder_set_member_name (builder, "done");
  json_builder_add_int_value (builder, am_corpus_get_n_done (corpus));
  json_builder_set_member_name (builder, "annotations");
  json_builder_add_int_value (builder, am_corpus_get_n_annotations (corpus));
  json_builder_set_member_name (builder, "problems");
  json_builder_add_int_value (builder, am_corpus_get_n_problems (corpus));
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

/* Pads by characters, not bytes, so that columns line up in any script. */
static void
append_padded (GString    *out,
               const char *text,
               guint       width)
{
  glong n_chars = g_utf8_strlen (text, -1);

  g_string_append (out, text);
  for (; n_chars < (glong)width; n_chars++)
    g_string_append_c (out, ' ');
}

static void
print_status_table (AmCorpus *corpus)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *folder = g_file_get_parse_name (am_corpus_get_folder (corpus));
  g_autofree char *annotations = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  guint name_width = g_utf8_strlen (_("Name"), -1);
  guint status_width = g_utf8_strlen (_("Status"), -1);
  const guint bar_width = 30;
  guint n_done = am_corpus_get_n_done (corpus);
  guint filled = n > 0 ? (guint)((guint64)n_done * bar_width / n) : 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);

      name_width = MAX (name_width, (guint)g_utf8_strlen (am_corpus_item_get_name (item), -1));
      status_width = MAX (status_width,
                          (guint)g_utf8_strlen (status_word (am_corpus_item_get_status (item)), -1));
    }

  append_padded (out, _("Status"), status_width);
  g_string_append_printf (out, "  %11s  %5s  ", _("Annotations"), _("Links"));
  append_padded (out, _("Name"), name_width);
  g_string_append_printf (out, "  %s\n", _("Title"));

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);
      const char *problem = am_corpus_item_get_problem (item);

      append_padded (out, status_word (am_corpus_item_get_status (item)), status_width);
      g_string_append_printf (out, "  %11u  %5u  ", am_corpus_item_get_n_annotations (item),
                              am_corpus_item_get_n_links (item));
      append_padded (out, am_corpus_item_get_name (item), name_width);
      g_string_append_printf (out, "  %s\n", am_corpus_item_get_title (item));
      if (problem != NULL)
        g_string_append_printf (out, "  %s %s\n", _("problem:"), problem);
    }

  g_string_append_c (out, '\n');
  annotations = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u annotation", "%u annotations",
                                              am_corpus_get_n_annotations (corpus)),
                                 am_corpus_get_n_annotations (corpus));
  /* TRANSLATORS: the last %s is "N annotations" */
  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%s: %u document: %u new, %u in progress, %u done; %s\n",
                                       "%s: %u documents: %u new, %u in progress, %u done; %s\n",
                                       n),
                          folder, n, am_corpus_get_n_new (corpus),
                          am_corpus_get_n_in_progress (corpus), n_done, annotations);
  if (am_corpus_get_n_problems (corpus) > 0)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE, "%u document cannot be read\n",
                                         "%u documents cannot be read\n",
                                         am_corpus_get_n_problems (corpus)),
                            am_corpus_get_n_problems (corpus));
  g_string_append_c (out, '[');
  for (i = 0; i < bar_width; i++)
    g_string_append (out, i < filled ? "#" : ".");
  g_string_append_printf (out, "] %u%% %s\n",
                          n > 0 ? (guint)((guint64)n_done * 100 / n) : 0, _("done"));
  g_print ("%s", out->str);
}

int
am_cli_status (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(AmCorpus) corpus = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean json = FALSE;
  gboolean problems = FALSE;
  guint n, i;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new (_("FOLDER"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
                                _("Show each document of a corpus folder with its status and "
                                  "counts, and the totals."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_description (context,
    _("Exit status: 0 every document could be read, 1 the folder or some document could\n"
      "not be read, 2 usage error."));

  if (!g_option_context_parse (context, &argc, &argv, &error))
    return usage_error (context, error->message);
  if (inputs == NULL || inputs[0] == NULL)
    return usage_error (context, _("Name the corpus folder"));
  if (inputs[1] != NULL)
    return usage_error (context, _("Name only one corpus folder"));

  folder = g_file_new_for_commandline_arg (inputs[0]);
  corpus = am_corpus_open (folder, &error);
  if (corpus == NULL || !am_corpus_load_summaries (corpus, NULL, &error))
    {
      am_cli_printerr (inputs[0], error->message);
      return 1;
    }

  if (json)
    print_status_json (corpus);
  else
    print_status_table (corpus);

  n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmCorpusItem) item = g_list_model_get_item (G_LIST_MODEL (corpus), i);

      problems |= am_corpus_item_get_problem (item) != NULL;
    }
  return problems ? 1 : 0;
}
