/* am-import-dialog.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-import-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-application.h"
#include "am-document-io.h"
#include "am-import-dialog.h"

/* AmImportProblem ---------------------------------------------------------- */

struct _AmImportProblem
{
  GObject  parent_instance;

  char    *file;
  guint    line;
  char    *reason;
};

G_DEFINE_FINAL_TYPE (AmImportProblem, am_import_problem, G_TYPE_OBJECT)

static void
am_import_problem_finalize (GObject *object)
{
  AmImportProblem *self = AM_IMPORT_PROBLEM (object);

  g_free (self->file);
  g_free (self->reason);

  G_OBJECT_CLASS (am_import_problem_parent_class)->finalize (object);
}

static void
am_import_problem_class_init (AmImportProblemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = am_import_problem_finalize;
}

static void
am_import_problem_init (AmImportProblem *self)
{
}

static AmImportProblem *
problem_new (const char *file,
             guint       line,
             const char *reason)
{
  AmImportProblem *self = g_object_new (AM_TYPE_IMPORT_PROBLEM, NULL);

  self->file = g_strdup (file);
  self->line = line;
  self->reason = g_strdup (reason);
  return self;
}

/* The report's "FILE:LINE: reason" or "FILE: reason". */
static AmImportProblem *
problem_new_from_line (const char *text)
{
  const char *sep = strstr (text, ": ");
  g_autofree char *head = NULL;
  char *colon;
  guint64 line = 0;

  if (sep == NULL)
    return problem_new ("", 0, text);

  head = g_strndup (text, sep - text);
  colon = strrchr (head, ':');
  if (colon != NULL && colon[1] != '\0' &&
      g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXUINT, &line, NULL))
    *colon = '\0';
  else
    line = 0;
  return problem_new (head, (guint) line, sep + 2);
}

const char *
am_import_problem_get_file (AmImportProblem *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_PROBLEM (self), NULL);
  return self->file;
}

guint
am_import_problem_get_line (AmImportProblem *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_PROBLEM (self), 0);
  return self->line;
}

const char *
am_import_problem_get_reason (AmImportProblem *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_PROBLEM (self), NULL);
  return self->reason;
}

/* The import, in a worker thread --------------------------------------------- */

typedef struct
{
  /* In */
  GPtrArray       *inputs;     /* GFile */
  AmImportFormat   format;
  AmImportOffsets  offsets;
  GFile           *target;
  gboolean         overwrite;

  /* Out */
  GPtrArray       *problems;   /* AmImportProblem */
  GFile           *result;
  guint            n_written;
  guint            n_spans;
  guint            n_links;
  guint            n_labels_added;
  guint            n_refused;
  guint            n_errors;
  guint            n_notes;
} Job;

static void
job_free (Job *job)
{
  g_ptr_array_unref (job->inputs);
  g_object_unref (job->target);
  g_ptr_array_unref (job->problems);
  g_clear_object (&job->result);
  g_free (job);
}

/* brat pairs: the .ann names the pair, so a .txt whose .ann is also chosen
 * would be imported twice. */
static gboolean
is_paired_text (GPtrArray *inputs,
                GFile     *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *ann = NULL;
  guint i;

  if (path == NULL || !g_str_has_suffix (path, ".txt"))
    return FALSE;
  ann = g_strdup (path);
  strcpy (ann + strlen (ann) - strlen ("txt"), "ann");
  for (i = 0; i < inputs->len; i++)
    {
      g_autofree char *other = g_file_get_path (g_ptr_array_index (inputs, i));

      if (other != NULL && g_str_equal (other, ann))
        return TRUE;
    }
  return FALSE;
}

static gboolean
write_document (AmDocument  *doc,
                GFile       *txt,
                GFile       *json,
                GError     **error)
{
  const char *text = am_document_get_text_utf8 (doc);

  return g_file_replace_contents (txt, text, am_text_get_n_bytes (am_document_get_text (doc)),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error) &&
         am_document_save (doc, json, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(AmImporter) importer = am_importer_new (job->format, NULL);
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  AmImportReport *report;
  GListModel *documents;
  guint n;
  guint i;

  am_importer_set_offsets (importer, job->offsets);

  for (i = 0; i < job->inputs->len; i++)
    {
      GFile *file = g_ptr_array_index (job->inputs, i);
      g_autoptr(GError) local_error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (is_paired_text (job->inputs, file))
        continue;
      if (!am_importer_import_file (importer, file, &local_error))
        {
          g_autofree char *path = g_file_get_parse_name (file);
          g_autofree char *reason = g_strdup_printf (_("refused: %s"), local_error->message);

          g_ptr_array_add (job->problems, problem_new (path, 0, reason));
          job->n_refused++;
        }
    }

  report = am_importer_get_report (importer);
  lines = am_import_report_dup_lines (report);
  for (i = 0; lines[i] != NULL; i++)
    g_ptr_array_add (job->problems, problem_new_from_line (lines[i]));
  job->n_spans = am_import_report_get_n_annotations (report);
  job->n_links = am_import_report_get_n_links (report);
  job->n_labels_added = am_import_report_get_n_labels_added (report);
  job->n_errors = am_import_report_get_n_errors (report);
  job->n_notes = am_import_report_get_n_warnings (report);

  documents = am_importer_get_documents (importer);
  n = g_list_model_get_n_items (documents);
  if (n == 0)
    {
      g_task_return_new_error (task, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                               _("No document could be imported from these files."));
      return;
    }

  /* Nothing is written if anything would be replaced without leave. */
  for (i = 0; i < n && !job->overwrite; i++)
    {
      g_autoptr(AmDocument) doc = g_list_model_get_item (documents, i);
      const char *name = am_importer_get_document_name (importer, doc);
      g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
      g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
      g_autoptr(GFile) txt = g_file_get_child (job->target, txt_name);
      g_autoptr(GFile) json = g_file_get_child (job->target, json_name);

      if (g_file_query_exists (txt, NULL))
        g_ptr_array_add (existing, g_file_get_parse_name (txt));
      if (g_file_query_exists (json, NULL))
        g_ptr_array_add (existing, g_file_get_parse_name (json));
    }
  if (existing->len > 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_EXISTS,
                               ngettext ("%s already exists: nothing was written (choose another "
                                         "folder, or allow replacing documents)",
                                         "%s and %u other files already exist: nothing was "
                                         "written (choose another folder, or allow replacing "
                                         "documents)", existing->len - 1),
                               (const char *) g_ptr_array_index (existing, 0), existing->len - 1);
      return;
    }

  if (!g_file_make_directory_with_parents (job->target, cancellable, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDocument) doc = g_list_model_get_item (documents, i);
      const char *name = am_importer_get_document_name (importer, doc);
      g_autofree char *txt_name = g_strconcat (name, ".txt", NULL);
      g_autofree char *json_name = g_strconcat (name, ".argumark.json", NULL);
      g_autoptr(GFile) txt = g_file_get_child (job->target, txt_name);
      g_autoptr(GFile) json = g_file_get_child (job->target, json_name);
      g_autoptr(GError) local_error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      if (!write_document (doc, txt, json, &local_error))
        {
          g_autofree char *path = g_file_get_parse_name (json);

          g_ptr_array_add (job->problems, problem_new (path, 0, local_error->message));
          continue;
        }
      job->n_written++;
      g_set_object (&job->result, json);
    }

  if (job->n_written > 1)
    g_set_object (&job->result, job->target);
  g_task_return_boolean (task, TRUE);
}

/* AmImportDialog ------------------------------------------------------------ */

struct _AmImportDialog
{
  GtkWindow     parent_instance;

  GSettings    *settings;
  GListStore   *inputs;
  GListStore   *problems;
  GFile        *target;
  gboolean      target_chosen;
  GCancellable *cancellable;
  GFile        *result;
  char         *summary;
  char         *error_message;
  guint         pulse_source;
  guint         running : 1;
  guint         close_when_done : 1;

  /* Template children */
  GtkWidget    *cancel_button;
  GtkWidget    *inputs_list;
  GtkWidget    *format_dropdown;
  GtkWidget    *offsets_dropdown;
  GtkWidget    *target_label;
  GtkWidget    *overwrite_check;
  GtkWidget    *progress_bar;
  GtkWidget    *status_label;
  GtkWidget    *problems_window;
  GtkWidget    *problems_view;
  GtkWidget    *open_button;
};

G_DEFINE_FINAL_TYPE (AmImportDialog, am_import_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const offsets_names[] = { "auto", "code-points", "utf16", NULL };

/* The formats in the order of the drop-down's items. */
static const AmImportFormat formats[] = {
  AM_IMPORT_FORMAT_AUTO,
  AM_IMPORT_FORMAT_JSONL,
  AM_IMPORT_FORMAT_DOCCANO,
  AM_IMPORT_FORMAT_BRAT,
  AM_IMPORT_FORMAT_WEBANNO,
  AM_IMPORT_FORMAT_LABEL_STUDIO,
  AM_IMPORT_FORMAT_PRODIGY,
  AM_IMPORT_FORMAT_W3C,
  AM_IMPORT_FORMAT_TEXT,
};

static void
update_controls (AmImportDialog *self)
{
  gboolean has_inputs = g_list_model_get_n_items (G_LIST_MODEL (self->inputs)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run",
                                 !self->running && has_inputs && self->target != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add-files", !self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.add-folder", !self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.clear", !self->running && has_inputs);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-target", !self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.open",
                                 !self->running && self->result != NULL);
  gtk_widget_set_visible (self->open_button, self->result != NULL);
  gtk_widget_set_visible (self->progress_bar, self->running);
  gtk_widget_set_visible (self->problems_window,
                          g_list_model_get_n_items (G_LIST_MODEL (self->problems)) > 0);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        self->running ? _("_Stop") : self->result != NULL ? _("_Close") : _("_Cancel"));
  if (self->result != NULL)
    gtk_button_set_label (GTK_BUTTON (self->open_button),
                          g_file_equal (self->result, self->target) ? _("_Open Corpus")
                                                                    : _("_Open Document"));
}

static void
update_target_label (AmImportDialog *self)
{
  if (self->target != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (self->target);

      gtk_label_set_text (GTK_LABEL (self->target_label), path);
      gtk_widget_remove_css_class (self->target_label, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->target_label), _("No folder chosen"));
      gtk_widget_add_css_class (self->target_label, "dim-label");
    }
}

static void
set_status (AmImportDialog *self,
            const char     *summary,
            const char     *error_message)
{
  g_free (self->summary);
  self->summary = g_strdup (summary);
  g_free (self->error_message);
  self->error_message = g_strdup (error_message);

  gtk_label_set_text (GTK_LABEL (self->status_label),
                      error_message != NULL ? error_message : summary != NULL ? summary : "");
  gtk_widget_set_visible (self->status_label, error_message != NULL || summary != NULL);
  if (error_message != NULL)
    gtk_widget_add_css_class (self->status_label, "error");
  else
    gtk_widget_remove_css_class (self->status_label, "error");
}

static void
clear_result (AmImportDialog *self)
{
  g_clear_object (&self->result);
  g_list_store_remove_all (self->problems);
  set_status (self, NULL, NULL);
  update_controls (self);
}

/* Until a folder is chosen, the corpus goes beside the first input and is
 * named after it. */
static void
propose_target (AmImportDialog *self)
{
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;
  char *dot;

  if (self->target_chosen)
    return;
  g_clear_object (&self->target);
  first = g_list_model_get_item (G_LIST_MODEL (self->inputs), 0);
  if (first != NULL && (parent = g_file_get_parent (first)) != NULL)
    {
      basename = g_file_get_basename (first);
      dot = strchr (basename, '.');
      if (dot != NULL && dot != basename)
        *dot = '\0';
      name = g_strdup_printf ("%s-argumark", basename);
      self->target = g_file_get_child (parent, name);
    }
  update_target_label (self);
}

static GtkWidget *
create_input_row (gpointer item,
                  gpointer user_data)
{
  g_autofree char *path = g_file_get_parse_name (G_FILE (item));
  GtkWidget *label = gtk_label_new (path);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_margin_bottom (label, 3);
  gtk_widget_set_tooltip_text (label, path);
  return label;
}

static void
inputs_changed_cb (AmImportDialog *self)
{
  propose_target (self);
  clear_result (self);
}

/* Problem columns */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), GPOINTER_TO_INT (user_data) == 2 ?
                           PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_START);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  AmImportProblem *problem = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *line = NULL;
  const char *text;

  switch (GPOINTER_TO_INT (user_data))
    {
    case 0:
      text = problem->file;
      break;
    case 1:
      line = problem->line > 0 ? g_strdup_printf ("%u", problem->line) : g_strdup ("");
      text = line;
      break;
    default:
      text = problem->reason;
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (AmImportDialog *self,
            const char     *title,
            int             field,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (field));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (field));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (field == 0)
    gtk_column_view_column_set_fixed_width (column, 200);
  gtk_column_view_append_column (GTK_COLUMN_VIEW (self->problems_view), column);
  g_object_unref (column);
}

/* Running */

static gboolean
pulse_cb (gpointer user_data)
{
  AmImportDialog *self = user_data;

  gtk_progress_bar_pulse (GTK_PROGRESS_BAR (self->progress_bar));
  return G_SOURCE_CONTINUE;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmImportDialog) self = AM_IMPORT_DIALOG (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  guint i;

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);

  /* Destroyed with its parent while the worker ran. */
  if (self->problems == NULL)
    return;

  for (i = 0; i < job->problems->len; i++)
    g_list_store_append (self->problems, g_ptr_array_index (job->problems, i));

  folder = g_file_get_parse_name (job->target);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *message =
            g_strdup_printf (ngettext ("The import was stopped after %u document.",
                                       "The import was stopped after %u documents.",
                                       job->n_written), job->n_written);

          set_status (self, NULL, message);
        }
      else
        set_status (self, NULL, error->message);
    }
  else
    {
      g_autoptr(GString) text = g_string_new (NULL);
      /* Files refused, records left out, and documents that could not be
       * written; notes only say what was changed on the way in. */
      guint n_problems = job->problems->len - job->n_notes;

      g_autofree char *spans = g_strdup_printf (ngettext ("%u span", "%u spans", job->n_spans),
                                                job->n_spans);
      g_autofree char *links = g_strdup_printf (ngettext ("%u link", "%u links", job->n_links),
                                                job->n_links);

      /* Translators: "Imported 3 documents, 40 spans and 5 links into /path.": the
       * first %s is "N spans", the second "N links", the last the folder */
      g_string_append_printf (text, ngettext ("Imported %u document, %s and %s into %s.",
                                              "Imported %u documents, %s and %s into %s.",
                                              job->n_written),
                              job->n_written, spans, links, folder);
      if (job->n_labels_added > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("%u label was added to the schema.",
                                                  "%u labels were added to the schema.",
                                                  job->n_labels_added), job->n_labels_added);
        }
      if (n_problems > 0 && job->n_notes > 0)
        {
          g_string_append_c (text, ' ');
          g_autofree char *problems = g_strdup_printf (ngettext ("%u problem", "%u problems",
                                                                 n_problems), n_problems);
          g_autofree char *notes = g_strdup_printf (ngettext ("%u note", "%u notes",
                                                              job->n_notes), job->n_notes);

          g_string_append_c (text, ' ');
          /* Translators: the first %s is "N problems", the second "N notes" */
          g_string_append_printf (text, _("Listed below: %s, what was not imported, and %s."),
                                  problems, notes);
        }
      else if (n_problems > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("%u problem, what was not imported, is listed below.",
                                                  "%u problems, what was not imported, are listed below.",
                                                  n_problems), n_problems);
        }
      else if (job->n_notes > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("%u note is listed below.",
                                                  "%u notes are listed below.", job->n_notes),
                                  job->n_notes);
        }
      g_clear_object (&self->result);
      self->result = job->result != NULL ? g_object_ref (job->result) : NULL;
      set_status (self, text->str, NULL);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  update_controls (self);

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (widget);
  g_autoptr(GTask) task = NULL;
  Job *job;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->inputs));
  guint i;

  if (self->running || n == 0 || self->target == NULL)
    return;

  clear_result (self);

  job = g_new0 (Job, 1);
  job->inputs = g_ptr_array_new_with_free_func (g_object_unref);
  for (i = 0; i < n; i++)
    g_ptr_array_add (job->inputs, g_list_model_get_item (G_LIST_MODEL (self->inputs), i));
  job->format = am_import_dialog_get_format (self);
  job->offsets = am_import_dialog_get_offsets (self);
  job->target = g_object_ref (self->target);
  job->overwrite = gtk_check_button_get_active (GTK_CHECK_BUTTON (self->overwrite_check));
  job->problems = g_ptr_array_new_with_free_func (g_object_unref);

  g_settings_set_string (self->settings, "import-format", am_import_format_to_string (job->format));
  g_settings_set_string (self->settings, "import-offsets", offsets_names[job->offsets]);

  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  self->pulse_source = g_timeout_add (100, pulse_cb, self);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), _("Importing…"));

  task = g_task_new (g_object_ref (self), self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_run_action);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_thread);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  update_controls (self);
}

static void
import_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (widget);

  if (self->running)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
add_inputs_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        AmImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      guint i;

      for (i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          am_import_dialog_add_input (self, file);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char * const *patterns)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint i;

  gtk_file_filter_set_name (filter, name);
  for (i = 0; patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  gtk_file_chooser_add_filter (chooser, filter);
}

static void
import_add_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (widget);
  gboolean folder = g_str_equal (action_name, "import.add-folder");
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Add Folders to Import") : _("Add Files to Import"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Add"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      add_filter (GTK_FILE_CHOOSER (chooser), _("Annotated files"),
                  (const char * const[]) { "*.ann", "*.tsv", "*.jsonl", "*.json", "*.txt", NULL });
      add_filter (GTK_FILE_CHOOSER (chooser), _("All files"), (const char * const[]) { "*", NULL });
    }
  g_signal_connect (chooser, "response", G_CALLBACK (add_inputs_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_clear_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (widget);

  g_list_store_remove_all (self->inputs);
}

static void
choose_target_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           AmImportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      am_import_dialog_set_target (self, folder);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_choose_target_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Corpus Folder"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->target != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->target);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (choose_target_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (widget);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;

  if (self->result == NULL || !AM_IS_APPLICATION (app))
    return;

  am_application_open_file (AM_APPLICATION (app), self->result,
                            AM_IS_WINDOW (parent) ? AM_WINDOW (parent) : NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
am_import_dialog_close_request (GtkWindow *window)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (window);

  /* The worker finishes the document it writes first. */
  if (self->running)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
am_import_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_import_dialog_dispose (GObject *object)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_IMPORT_DIALOG);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->inputs);
  g_clear_object (&self->problems);
  g_clear_object (&self->target);
  g_clear_object (&self->result);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (am_import_dialog_parent_class)->dispose (object);
}

static void
am_import_dialog_finalize (GObject *object)
{
  AmImportDialog *self = AM_IMPORT_DIALOG (object);

  g_free (self->summary);
  g_free (self->error_message);

  G_OBJECT_CLASS (am_import_dialog_parent_class)->finalize (object);
}

static void
am_import_dialog_class_init (AmImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = am_import_dialog_get_property;
  object_class->dispose = am_import_dialog_dispose;
  object_class->finalize = am_import_dialog_finalize;
  window_class->close_request = am_import_dialog_close_request;

  /**
   * AmImportDialog:running:
   *
   * Whether an import is being read or written.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/argumark/Argumark/ui/am-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, inputs_list);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, offsets_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, target_label);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, overwrite_check);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, problems_window);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, AmImportDialog, open_button);
  gtk_widget_class_bind_template_callback (widget_class, clear_result);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, import_run_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, import_cancel_action);
  gtk_widget_class_install_action (widget_class, "import.add-files", NULL, import_add_action);
  gtk_widget_class_install_action (widget_class, "import.add-folder", NULL, import_add_action);
  gtk_widget_class_install_action (widget_class, "import.clear", NULL, import_clear_action);
  gtk_widget_class_install_action (widget_class, "import.choose-target", NULL,
                                   import_choose_target_action);
  gtk_widget_class_install_action (widget_class, "import.open", NULL, import_open_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
am_import_dialog_init (AmImportDialog *self)
{
  g_autofree char *format_name = NULL;
  g_autofree char *offsets_name = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;
  AmImportFormat format = AM_IMPORT_FORMAT_AUTO;
  guint i;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("org.argumark.Argumark");
  self->inputs = g_list_store_new (G_TYPE_FILE);
  self->problems = g_list_store_new (AM_TYPE_IMPORT_PROBLEM);

  gtk_list_box_bind_model (GTK_LIST_BOX (self->inputs_list), G_LIST_MODEL (self->inputs),
                           create_input_row, NULL, NULL);
  g_signal_connect_object (self->inputs, "items-changed", G_CALLBACK (inputs_changed_cb), self,
                           G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problems)));
  gtk_column_view_set_model (GTK_COLUMN_VIEW (self->problems_view), GTK_SELECTION_MODEL (selection));
  add_column (self, _("File"), 0, FALSE);
  add_column (self, _("Line"), 1, FALSE);
  add_column (self, _("Reason"), 2, TRUE);

  format_name = g_settings_get_string (self->settings, "import-format");
  if (!am_import_format_from_string (format_name, &format))
    format = AM_IMPORT_FORMAT_AUTO;
  am_import_dialog_set_format (self, format);
  offsets_name = g_settings_get_string (self->settings, "import-offsets");
  for (i = 0; offsets_names[i] != NULL; i++)
    {
      if (g_str_equal (offsets_names[i], offsets_name))
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->offsets_dropdown), i);
    }

  update_target_label (self);
  update_controls (self);
}

/**
 * am_import_dialog_new:
 * @parent: (nullable): the window that opens the result
 *
 * Returns: (transfer full): a dialog with the format and offsets last used
 */
AmImportDialog *
am_import_dialog_new (GtkWindow *parent)
{
  AmImportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  self = g_object_new (AM_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  /* Not destroy-with-parent: GTK would keep pointing at the dead parent
   * while the worker holds the dialog. */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_close), self,
                             G_CONNECT_SWAPPED);
  return self;
}

void
am_import_dialog_add_input (AmImportDialog *self,
                            GFile          *file)
{
  guint i;

  g_return_if_fail (AM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  for (i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->inputs)); i++)
    {
      g_autoptr(GFile) other = g_list_model_get_item (G_LIST_MODEL (self->inputs), i);

      if (g_file_equal (other, file))
        return;
    }
  g_list_store_append (self->inputs, file);
}

/**
 * am_import_dialog_get_inputs:
 *
 * Returns: (transfer none): the files and folders to import, as #GFile
 */
GListModel *
am_import_dialog_get_inputs (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->inputs);
}

void
am_import_dialog_set_format (AmImportDialog *self,
                             AmImportFormat  format)
{
  guint i;

  g_return_if_fail (AM_IS_IMPORT_DIALOG (self));

  for (i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      if (formats[i] == format)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (self->format_dropdown), i);
          return;
        }
    }
  g_return_if_reached ();
}

AmImportFormat
am_import_dialog_get_format (AmImportDialog *self)
{
  guint selected;

  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), AM_IMPORT_FORMAT_AUTO);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->format_dropdown));
  return selected < G_N_ELEMENTS (formats) ? formats[selected] : AM_IMPORT_FORMAT_AUTO;
}

void
am_import_dialog_set_offsets (AmImportDialog  *self,
                              AmImportOffsets  offsets)
{
  g_return_if_fail (AM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (offsets <= AM_IMPORT_OFFSETS_UTF16);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->offsets_dropdown), offsets);
}

AmImportOffsets
am_import_dialog_get_offsets (AmImportDialog *self)
{
  guint selected;

  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), AM_IMPORT_OFFSETS_AUTO);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->offsets_dropdown));
  return selected <= AM_IMPORT_OFFSETS_UTF16 ? (AmImportOffsets) selected : AM_IMPORT_OFFSETS_AUTO;
}

/**
 * am_import_dialog_set_target:
 * @folder: the corpus folder to write (created if needed)
 */
void
am_import_dialog_set_target (AmImportDialog *self,
                             GFile          *folder)
{
  g_return_if_fail (AM_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (folder));

  g_set_object (&self->target, folder);
  self->target_chosen = TRUE;
  update_target_label (self);
  clear_result (self);
}

/**
 * am_import_dialog_get_target:
 *
 * Returns: (transfer none) (nullable): the corpus folder to write
 */
GFile *
am_import_dialog_get_target (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), NULL);
  return self->target;
}

void
am_import_dialog_set_overwrite (AmImportDialog *self,
                                gboolean        overwrite)
{
  g_return_if_fail (AM_IS_IMPORT_DIALOG (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->overwrite_check), overwrite);
}

gboolean
am_import_dialog_get_running (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), FALSE);
  return self->running;
}

/**
 * am_import_dialog_get_problems:
 *
 * Returns: (transfer none): the #AmImportProblem list of the last import
 */
GListModel *
am_import_dialog_get_problems (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->problems);
}

/**
 * am_import_dialog_get_result:
 *
 * Returns: (transfer none) (nullable): what "import.open" shows: the
 *   corpus folder, or the document when only one was imported
 */
GFile *
am_import_dialog_get_result (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), NULL);
  return self->result;
}

const char *
am_import_dialog_get_summary (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), NULL);
  return self->summary;
}

const char *
am_import_dialog_get_error_message (AmImportDialog *self)
{
  g_return_val_if_fail (AM_IS_IMPORT_DIALOG (self), NULL);
  return self->error_message;
}
