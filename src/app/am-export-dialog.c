/* am-export-dialog.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "am-document-io.h"
#include "am-export-dialog.h"
#include "am-label-schema.h"
#include "am-label.h"

struct _AmExportDialog
{
  GtkWindow     parent_instance;

  GSettings    *settings;
  /* A copy of the window's document taken when the dialog opened: the
   * export reads it in a worker thread while the window stays editable. */
  AmDocument   *document;
  char         *name;
  GFile        *folder_hint;
  AmCorpus     *corpus;
  GFile        *target;
  GHashTable   *label_checks;   /* label id -> GtkCheckButton */
  AmExporter   *exporter;
  GCancellable *cancellable;
  GFile        *result_folder;
  char         *summary;
  char         *error_message;
  guint         close_when_done : 1;
  /* The window's document has changes that its file does not. */
  guint         unsaved : 1;

  /* Template children */
  GtkWidget    *cancel_button;
  GtkWidget    *export_button;
  GtkWidget    *document_check;
  GtkWidget    *corpus_check;
  GtkWidget    *unsaved_label;
  GtkWidget    *format_dropdown;
  GtkWidget    *format_description;
  GtkWidget    *labels_box;
  GtkWidget    *done_check;
  GtkWidget    *split_check;
  GtkWidget    *split_entry;
  GtkWidget    *seed_spin;
  GtkWidget    *target_label;
  GtkWidget    *overwrite_check;
  GtkWidget    *progress_bar;
  GtkWidget    *status_label;
  GtkWidget    *details_label;
  GtkWidget    *open_folder_button;
};

G_DEFINE_FINAL_TYPE (AmExportDialog, am_export_dialog, GTK_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of AmExportFormat, which is also the drop-down's. */
static const char *
describe_format (AmExportFormat format)
{
  switch (format)
    {
    case AM_EXPORT_FORMAT_JSONL:
      return _("One JSON line per document with its spans and relations, for spaCy and "
               "Prodigy. Offsets count code points.");
    case AM_EXPORT_FORMAT_DOCCANO:
      return _("doccano’s sequence labeling JSONL. Offsets count UTF-16 code units, as the "
               "browser does.");
    case AM_EXPORT_FORMAT_DOCCANO_RELATIONS:
      return _("doccano’s relation JSONL, with entities and relations. Offsets count UTF-16 "
               "code units.");
    case AM_EXPORT_FORMAT_BRAT:
      return _("A folder of .txt and .ann standoff files with an annotation.conf, which brat "
               "opens as is.");
    case AM_EXPORT_FORMAT_CONLL:
      return _("One token per line with BIO tags and a blank line between sentences; nested "
               "spans go into extra columns.");
    case AM_EXPORT_FORMAT_CSV:
      return _("One row per annotation: document, id, label, start, end, text, author, note "
               "and status.");
    case AM_EXPORT_FORMAT_W3C:
      return _("W3C Web Annotation JSON-LD with position and quote selectors.");
    case AM_EXPORT_FORMAT_WEBANNO:
      return _("A folder of WebAnno TSV 3.3 files, which INCEpTION imports.");
    default:
      g_assert_not_reached ();
    }
}

/* The document's name as the exporter and the CLI derive it from a file. */
static char *
name_of_file (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  if (g_str_has_suffix (basename, ".argumark.json"))
    basename[strlen (basename) - strlen (".argumark.json")] = '\0';
  else if (g_str_has_suffix (basename, ".json") || g_str_has_suffix (basename, ".txt"))
    *strrchr (basename, '.') = '\0';
  return g_steal_pointer (&basename);
}

static gboolean
writes_folder (AmExportDialog *self)
{
  return am_export_format_is_folder (am_export_dialog_get_format (self)) ||
         gtk_check_button_get_active (GTK_CHECK_BUTTON (self->split_check));
}

static AmLabelSchema *
current_schema (AmExportDialog *self)
{
  if (am_export_dialog_get_scope (self) == AM_EXPORT_SCOPE_CORPUS &&
      am_corpus_get_schema (self->corpus) != NULL)
    return am_corpus_get_schema (self->corpus);
  return am_document_get_schema (self->document);
}

static void
update_controls (AmExportDialog *self)
{
  gboolean running = self->exporter != NULL;

  gtk_widget_set_sensitive (self->split_entry,
                            !running && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->split_check)));
  gtk_widget_set_sensitive (self->seed_spin,
                            !running && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->split_check)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.run",
                                 !running && self->target != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-target", !running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.open-folder",
                                 !running && self->result_folder != NULL);
  gtk_widget_set_visible (self->open_folder_button, self->result_folder != NULL);
  gtk_widget_set_visible (self->progress_bar, running);
  gtk_widget_set_visible (self->unsaved_label,
                          self->unsaved && am_export_dialog_get_scope (self) == AM_EXPORT_SCOPE_CORPUS);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        running ? _("_Stop") : self->result_folder != NULL ? _("_Close") : _("_Cancel"));
}

static void
update_target_label (AmExportDialog *self)
{
  if (self->target != NULL)
    {
      g_autofree char *path = g_file_get_parse_name (self->target);

      gtk_label_set_text (GTK_LABEL (self->target_label), path);
      gtk_widget_remove_css_class (self->target_label, "dim-label");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (self->target_label), _("No file chosen"));
      gtk_widget_add_css_class (self->target_label, "dim-label");
    }
}

static void
set_status (AmExportDialog *self,
            const char     *summary,
            const char     *error_message,
            const char     *details)
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

  gtk_label_set_text (GTK_LABEL (self->details_label), details != NULL ? details : "");
  gtk_widget_set_visible (self->details_label, details != NULL && *details != '\0');
}

/* A new choice of format, scope or split makes the old result stale. */
static void
clear_result (AmExportDialog *self)
{
  g_clear_object (&self->result_folder);
  set_status (self, NULL, NULL, NULL);
}

static void
rebuild_labels (AmExportDialog *self)
{
  g_auto(GStrv) excluded = g_settings_get_strv (self->settings, "export-excluded-labels");
  GListModel *labels = am_label_schema_get_labels (current_schema (self));
  GtkWidget *child;
  guint i;

  while ((child = gtk_widget_get_first_child (self->labels_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->labels_box), child);
  g_hash_table_remove_all (self->label_checks);

  for (i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);
      GtkWidget *check = gtk_check_button_new_with_label (am_label_get_name (label));

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !g_strv_contains ((const char * const *) excluded,
                                                     am_label_get_id (label)));
      gtk_box_append (GTK_BOX (self->labels_box), check);
      g_hash_table_insert (self->label_checks, g_strdup (am_label_get_id (label)), check);
    }
}

/* Names the output after the document or corpus, in the folder last used. */
static void
propose_target (AmExportDialog *self)
{
  g_autoptr(GFile) parent = g_object_ref (self->folder_hint);
  g_autofree char *stem = NULL;
  g_autofree char *basename = NULL;
  AmExportFormat format = am_export_dialog_get_format (self);

  if (am_export_dialog_get_scope (self) == AM_EXPORT_SCOPE_CORPUS)
    {
      GFile *folder = am_corpus_get_folder (self->corpus);

      stem = g_file_get_basename (folder);
      /* Beside the corpus rather than in it, where it would mix with the
       * documents. */
      if (g_file_equal (parent, folder))
        {
          g_autoptr(GFile) above = g_file_get_parent (folder);

          if (above != NULL)
            g_set_object (&parent, above);
        }
    }
  else
    stem = g_strdup (self->name);

  if (writes_folder (self))
    basename = g_strdup_printf ("%s-%s", stem, am_export_format_to_string (format));
  else
    basename = g_strdup_printf ("%s.%s", stem, am_export_format_get_extension (format));

  g_clear_object (&self->target);
  self->target = g_file_get_child (parent, basename);
  update_target_label (self);
}

/* A change of format, scope or split keeps the folder chosen and proposes a
 * name that fits. */
static void
retarget (AmExportDialog *self)
{
  if (self->target != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->target);

      if (parent != NULL)
        g_set_object (&self->folder_hint, parent);
    }
  propose_target (self);
}

static void
format_changed_cb (AmExportDialog *self)
{
  gtk_label_set_text (GTK_LABEL (self->format_description),
                      describe_format (am_export_dialog_get_format (self)));
  retarget (self);
  clear_result (self);
  update_controls (self);
}

static void
scope_changed_cb (AmExportDialog *self)
{
  rebuild_labels (self);
  retarget (self);
  clear_result (self);
  update_controls (self);
}

static void
split_toggled_cb (AmExportDialog *self)
{
  retarget (self);
  clear_result (self);
  update_controls (self);
}

/* Running ------------------------------------------------------------------ */

static void
progress_cb (AmExporter     *exporter,
             guint           done,
             guint           total,
             AmExportDialog *self)
{
  g_autofree char *text = NULL;

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar),
                                 total > 0 ? (double) done / total : 1.0);
  /* Translators: documents exported so far, and in all */
  text = g_strdup_printf (ngettext ("%u of %u document", "%u of %u documents", total), done, total);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), text);
}

static char *
join_lines (GStrv problems,
            GStrv notes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint i;

  for (i = 0; problems[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", problems[i]);
  for (i = 0; notes[i] != NULL; i++)
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", notes[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(AmExportDialog) self = user_data;
  g_autoptr(AmExporter) exporter = g_steal_pointer (&self->exporter);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_auto(GStrv) notes = NULL;
  g_auto(GStrv) written = NULL;
  g_autofree char *details = NULL;

  g_signal_handlers_disconnect_by_func (exporter, progress_cb, self);
  g_clear_object (&self->cancellable);

  /* Destroyed with its parent while the worker ran. */
  if (self->label_checks == NULL)
    {
      am_exporter_export_finish (exporter, result, NULL);
      return;
    }

  problems = am_exporter_dup_problems (exporter);
  notes = am_exporter_dup_notes (exporter);
  details = join_lines (problems, notes);

  written = am_exporter_dup_outputs (exporter);
  /* A stop that came after the last file was in place changed nothing:
   * GTask reports it as cancelled all the same. */
  if (!am_exporter_export_finish (exporter, result, &error) &&
      (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || written[0] == NULL))
    {
      /* One-file outputs are written aside and renamed at the end; brat and
       * WebAnno write a file per document as they go. */
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          am_export_format_is_folder (am_exporter_get_format (exporter)))
        set_status (self, NULL, _("The export was stopped; the files written so far are left in "
                                  "the folder."), NULL);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_status (self, NULL, _("The export was stopped; nothing was written."), NULL);
      else
        set_status (self, NULL, error->message, details);
    }
  else
    {
      GStrv outputs = written;
      g_autofree char *where = NULL;
      g_autofree char *spans = NULL;
      g_autofree char *summary = NULL;
      g_autoptr(GString) text = NULL;
      guint n_written = am_exporter_get_n_written (exporter);
      guint n_spans = am_exporter_get_n_spans (exporter);
      guint n_skipped = am_exporter_get_n_skipped (exporter);

      where = g_strv_length (outputs) == 1 ? g_strdup (outputs[0])
                                           : g_file_get_parse_name (self->target);
      spans = g_strdup_printf (ngettext ("%u span", "%u spans", n_spans), n_spans);
      /* Translators: "Exported 12 documents, 340 spans to /path/file.jsonl.": the first
       * %s is "N spans", the second the file or folder */
      text = g_string_new (NULL);
      g_string_append_printf (text, ngettext ("Exported %u document, %s to %s.",
                                              "Exported %u documents, %s to %s.", n_written),
                              n_written, spans, where);
      if (n_skipped > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("%u document was left out because it is not done.",
                                                  "%u documents were left out because they are not done.",
                                                  n_skipped),
                                  n_skipped);
        }
      if (problems[0] != NULL)
        {
          guint n = g_strv_length (problems);

          g_string_append_c (text, ' ');
          g_string_append_printf (text, ngettext ("%u document could not be read:",
                                                  "%u documents could not be read:", n), n);
        }
      summary = g_string_free (g_steal_pointer (&text), FALSE);

      g_clear_object (&self->result_folder);
      self->result_folder = writes_folder (self) ? g_object_ref (self->target)
                                                 : g_file_get_parent (self->target);
      set_status (self, summary, NULL, details);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  update_controls (self);

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static GStrv
dup_kept_labels (AmExportDialog *self,
                 gboolean       *all,
                 GStrv          *excluded)
{
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) left_out = g_strv_builder_new ();
  GHashTableIter iter;
  gpointer key, value;

  *all = TRUE;
  g_hash_table_iter_init (&iter, self->label_checks);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (value)))
        g_strv_builder_add (kept, key);
      else
        {
          g_strv_builder_add (left_out, key);
          *all = FALSE;
        }
    }
  *excluded = g_strv_builder_end (left_out);
  return g_strv_builder_end (kept);
}

static void
remember_options (AmExportDialog *self,
                  GStrv           excluded)
{
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "export-format",
                         am_export_format_to_string (am_export_dialog_get_format (self)));
  g_settings_set_strv (self->settings, "export-excluded-labels", (const char * const *) excluded);
  g_settings_set_boolean (self->settings, "export-only-done",
                          gtk_check_button_get_active (GTK_CHECK_BUTTON (self->done_check)));
  g_settings_set_boolean (self->settings, "export-split-enabled",
                          gtk_check_button_get_active (GTK_CHECK_BUTTON (self->split_check)));
  g_settings_set_string (self->settings, "export-split",
                         gtk_editable_get_text (GTK_EDITABLE (self->split_entry)));
  g_settings_set_uint (self->settings, "export-seed",
                       (guint) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed_spin)));
  g_settings_apply (self->settings);
}

static void
export_run_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (widget);
  g_autoptr(AmExporter) exporter = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) kept = NULL;
  g_auto(GStrv) excluded = NULL;
  gboolean all_labels;

  if (self->exporter != NULL || self->target == NULL)
    return;

  clear_result (self);
  exporter = am_exporter_new (am_export_dialog_get_format (self));

  kept = dup_kept_labels (self, &all_labels, &excluded);
  if (!all_labels)
    am_exporter_set_labels (exporter, (const char * const *) kept);

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->done_check)))
    {
      const AmDocumentStatus done = AM_DOCUMENT_STATUS_DONE;

      am_exporter_set_statuses (exporter, &done, 1);
    }

  if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->split_check)) &&
      !am_exporter_set_split (exporter, gtk_editable_get_text (GTK_EDITABLE (self->split_entry)),
                              (guint64) gtk_spin_button_get_value (GTK_SPIN_BUTTON (self->seed_spin)),
                              &error))
    {
      set_status (self, NULL, error->message, NULL);
      return;
    }

  am_exporter_set_overwrite (exporter,
                             gtk_check_button_get_active (GTK_CHECK_BUTTON (self->overwrite_check)));

  if (am_export_dialog_get_scope (self) == AM_EXPORT_SCOPE_CORPUS)
    {
      if (!am_exporter_add_file (exporter, am_corpus_get_folder (self->corpus), &error))
        {
          set_status (self, NULL, error->message, NULL);
          return;
        }
    }
  else
    am_exporter_add_document (exporter, self->document, self->name);

  remember_options (self, excluded);

  self->exporter = g_steal_pointer (&exporter);
  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (self->progress_bar), 0.0);
  gtk_progress_bar_set_text (GTK_PROGRESS_BAR (self->progress_bar), NULL);
  g_signal_connect (self->exporter, "progress", G_CALLBACK (progress_cb), self);
  am_exporter_export_async (self->exporter, self->target, self->cancellable,
                            export_done_cb, g_object_ref (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
  update_controls (self);
}

static void
export_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (widget);

  if (self->exporter != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
choose_target_response_cb (GtkNativeDialog *chooser,
                           int              response,
                           AmExportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The chooser has asked whether to replace an existing file. */
      if (!writes_folder (self) && g_file_query_exists (file, NULL))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (self->overwrite_check), TRUE);
      am_export_dialog_set_target (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_choose_target_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  gboolean folder = writes_folder (self);

  chooser = gtk_file_chooser_native_new (folder ? _("Export to a New Folder") : _("Export To"),
                                         GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (self->target != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (self->target);
      g_autofree char *basename = g_file_get_basename (self->target);

      if (parent != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), basename);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (choose_target_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
export_open_folder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (widget);
  g_autofree char *uri = NULL;

  if (self->result_folder == NULL)
    return;
  uri = g_file_get_uri (self->result_folder);
  gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static gboolean
am_export_dialog_close_request (GtkWindow *window)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (window);

  /* The worker finishes first, so that no half-written output stays. */
  if (self->exporter != NULL)
    {
      self->close_when_done = TRUE;
      g_cancellable_cancel (self->cancellable);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return TRUE;
    }
  return FALSE;
}

static void
am_export_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, am_export_dialog_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_export_dialog_dispose (GObject *object)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->settings);
  g_clear_object (&self->document);
  g_clear_object (&self->corpus);
  g_clear_object (&self->target);
  g_clear_object (&self->folder_hint);
  g_clear_object (&self->result_folder);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->label_checks, g_hash_table_unref);

  G_OBJECT_CLASS (am_export_dialog_parent_class)->dispose (object);
}

static void
am_export_dialog_finalize (GObject *object)
{
  AmExportDialog *self = AM_EXPORT_DIALOG (object);

  g_free (self->name);
  g_free (self->summary);
  g_free (self->error_message);

  G_OBJECT_CLASS (am_export_dialog_parent_class)->finalize (object);
}

static void
am_export_dialog_class_init (AmExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = am_export_dialog_get_property;
  object_class->dispose = am_export_dialog_dispose;
  object_class->finalize = am_export_dialog_finalize;
  window_class->close_request = am_export_dialog_close_request;

  /**
   * AmExportDialog:running:
   *
   * Whether an export is being written.
   */
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/argumark/Argumark/ui/am-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, document_check);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, corpus_check);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, unsaved_label);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, format_description);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, labels_box);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, done_check);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, split_check);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, split_entry);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, seed_spin);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, target_label);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, overwrite_check);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, details_label);
  gtk_widget_class_bind_template_child (widget_class, AmExportDialog, open_folder_button);
  gtk_widget_class_bind_template_callback (widget_class, format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, scope_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, split_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_result);

  gtk_widget_class_install_action (widget_class, "export.run", NULL, export_run_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, export_cancel_action);
  gtk_widget_class_install_action (widget_class, "export.choose-target", NULL,
                                   export_choose_target_action);
  gtk_widget_class_install_action (widget_class, "export.open-folder", NULL,
                                   export_open_folder_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "export.cancel", NULL);
}

static void
am_export_dialog_init (AmExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new ("org.argumark.Argumark");
  self->label_checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * am_export_dialog_new:
 * @parent: the window to stay above
 * @document: the document shown in @parent; the dialog exports a copy
 * @file: (nullable): where @document was read or saved, which names it in
 *   the export as the command line would
 * @corpus: (nullable): the corpus open in @parent, offered as the other scope
 *
 * Returns: (transfer full): a dialog with the options last used
 */
AmExportDialog *
am_export_dialog_new (GtkWindow  *parent,
                      AmDocument *document,
                      GFile      *file,
                      AmCorpus   *corpus)
{
  AmExportDialog *self;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_name = NULL;
  AmExportFormat format = AM_EXPORT_FORMAT_JSONL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (AM_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (corpus == NULL || AM_IS_CORPUS (corpus), NULL);

  self = g_object_new (AM_TYPE_EXPORT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  /* Not destroy-with-parent: GTK would keep pointing at the dead parent
   * while the worker holds the dialog. */
  if (parent != NULL)
    g_signal_connect_object (parent, "destroy", G_CALLBACK (gtk_window_close), self,
                             G_CONNECT_SWAPPED);

  self->unsaved = am_document_get_modified (document);
  /* The model's own JSON gives back the same model, unsaved edits included. */
  bytes = am_document_to_bytes (document);
  self->document = am_document_load_from_data (g_bytes_get_data (bytes, NULL),
                                               g_bytes_get_size (bytes), NULL, &error);
  if (self->document == NULL)
    {
      g_critical ("The document does not read back its own JSON: %s", error->message);
      self->document = g_object_ref (document);
    }

  if (file != NULL)
    {
      self->name = name_of_file (file);
      /* Not beside the bundled sample, which is a resource. */
      if (g_file_is_native (file))
        self->folder_hint = g_file_get_parent (file);
    }
  else
    self->name = g_strdup ("document");
  if (self->folder_hint == NULL)
    self->folder_hint = g_file_new_for_path (g_get_home_dir ());

  if (corpus != NULL)
    self->corpus = g_object_ref (corpus);
  gtk_widget_set_sensitive (self->corpus_check, corpus != NULL);
  if (corpus != NULL)
    {
      g_autofree char *basename = g_file_get_basename (am_corpus_get_folder (corpus));
      /* The label has a mnemonic: the folder's own underscores are text. */
      g_auto(GStrv) parts = g_strsplit (basename, "_", -1);
      g_autofree char *folder = g_strjoinv ("__", parts);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (corpus));
      g_autofree char *label = g_strdup_printf (ngettext ("The c_orpus “%s” (%u document)",
                                                          "The c_orpus “%s” (%u documents)", n),
                                                folder, n);

      gtk_check_button_set_label (GTK_CHECK_BUTTON (self->corpus_check), label);
    }

  g_signal_handlers_block_by_func (self->format_dropdown, format_changed_cb, self);
  g_signal_handlers_block_by_func (self->split_check, split_toggled_cb, self);
  format_name = g_settings_get_string (self->settings, "export-format");
  if (!am_export_format_from_string (format_name, &format))
    format = AM_EXPORT_FORMAT_JSONL;
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->format_dropdown), format);
  gtk_label_set_text (GTK_LABEL (self->format_description), describe_format (format));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->done_check),
                               g_settings_get_boolean (self->settings, "export-only-done"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->split_check),
                               g_settings_get_boolean (self->settings, "export-split-enabled"));
  {
    g_autofree char *split = g_settings_get_string (self->settings, "export-split");

    gtk_editable_set_text (GTK_EDITABLE (self->split_entry), split);
  }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin),
                             g_settings_get_uint (self->settings, "export-seed"));
  g_signal_handlers_unblock_by_func (self->split_check, split_toggled_cb, self);
  g_signal_handlers_unblock_by_func (self->format_dropdown, format_changed_cb, self);

  rebuild_labels (self);
  propose_target (self);
  clear_result (self);
  update_controls (self);
  /* Enter exports with the options last used. */
  gtk_window_set_focus (GTK_WINDOW (self), self->export_button);

  return self;
}

AmExportScope
am_export_dialog_get_scope (AmExportDialog *self)
{
  g_return_val_if_fail (AM_IS_EXPORT_DIALOG (self), AM_EXPORT_SCOPE_DOCUMENT);

  return gtk_check_button_get_active (GTK_CHECK_BUTTON (self->corpus_check)) ?
         AM_EXPORT_SCOPE_CORPUS : AM_EXPORT_SCOPE_DOCUMENT;
}

/**
 * am_export_dialog_set_scope:
 *
 * Chooses between the document and the corpus; the corpus only when the
 * dialog was given one.
 */
void
am_export_dialog_set_scope (AmExportDialog *self,
                            AmExportScope   scope)
{
  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (scope == AM_EXPORT_SCOPE_DOCUMENT || self->corpus != NULL);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (scope == AM_EXPORT_SCOPE_CORPUS ?
                                                 self->corpus_check : self->document_check),
                               TRUE);
}

AmExportFormat
am_export_dialog_get_format (AmExportDialog *self)
{
  guint selected;

  g_return_val_if_fail (AM_IS_EXPORT_DIALOG (self), AM_EXPORT_FORMAT_JSONL);

  selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->format_dropdown));
  return selected <= AM_EXPORT_FORMAT_WEBANNO ? (AmExportFormat) selected : AM_EXPORT_FORMAT_JSONL;
}

void
am_export_dialog_set_format (AmExportDialog *self,
                             AmExportFormat  format)
{
  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= AM_EXPORT_FORMAT_WEBANNO);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->format_dropdown), format);
}

/**
 * am_export_dialog_get_target:
 *
 * Returns: (transfer none) (nullable): the file, or for brat, webanno and
 *   splits the folder, that the export writes
 */
GFile *
am_export_dialog_get_target (AmExportDialog *self)
{
  g_return_val_if_fail (AM_IS_EXPORT_DIALOG (self), NULL);
  return self->target;
}

void
am_export_dialog_set_target (AmExportDialog *self,
                             GFile          *target)
{
  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (target == NULL || G_IS_FILE (target));

  g_set_object (&self->target, target);
  update_target_label (self);
  clear_result (self);
  update_controls (self);
}

void
am_export_dialog_set_label_kept (AmExportDialog *self,
                                 const char     *label_id,
                                 gboolean        kept)
{
  GtkWidget *check;

  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));
  g_return_if_fail (label_id != NULL);

  check = g_hash_table_lookup (self->label_checks, label_id);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), kept);
}

void
am_export_dialog_set_only_done (AmExportDialog *self,
                                gboolean        only_done)
{
  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->done_check), only_done);
}

/**
 * am_export_dialog_set_split:
 * @spec: (nullable): parts and shares ("train=0.8,dev=0.1,test=0.1"), or
 *   %NULL for no split
 * @seed: the seed that makes the split reproducible
 */
void
am_export_dialog_set_split (AmExportDialog *self,
                            const char     *spec,
                            guint           seed)
{
  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));

  if (spec != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->split_entry), spec);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->seed_spin), seed);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->split_check), spec != NULL);
}

void
am_export_dialog_set_overwrite (AmExportDialog *self,
                                gboolean        overwrite)
{
  g_return_if_fail (AM_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->overwrite_check), overwrite);
}

gboolean
am_export_dialog_get_running (AmExportDialog *self)
{
  g_return_val_if_fail (AM_IS_EXPORT_DIALOG (self), FALSE);
  return self->exporter != NULL;
}

/**
 * am_export_dialog_get_summary:
 *
 * Returns: (nullable): what the last export wrote, as shown
 */
const char *
am_export_dialog_get_summary (AmExportDialog *self)
{
  g_return_val_if_fail (AM_IS_EXPORT_DIALOG (self), NULL);
  return self->summary;
}

/**
 * am_export_dialog_get_error_message:
 *
 * Returns: (nullable): why the last export failed, as shown
 */
const char *
am_export_dialog_get_error_message (AmExportDialog *self)
{
  g_return_val_if_fail (AM_IS_EXPORT_DIALOG (self), NULL);
  return self->error_message;
}
