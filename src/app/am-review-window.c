/* am-review-window.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-review-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "am-document-io.h"
#include "am-review-view.h"
#include "am-review-window.h"
#include "am-window.h"

/* One adjudication step as the reviewer sees it. "Neither" on a difference
 * nobody put into the gold changes nothing in the gold document, yet it
 * settles the difference: the window keeps those decisions itself and undoes
 * them in step with the gold document's own history.
 */
typedef struct
{
  AmDifference *difference;      /* nullable: accept agreed */
  guint         rejected_before : 1;
  guint         rejected_after : 1;
  guint         gold_changed : 1;
} Step;

struct _AmReviewWindow
{
  GtkApplicationWindow  parent_instance;

  AmAdjudication       *adjudication;
  GPtrArray            *documents;        /* AmDocument, mine first if included */
  AmAgreement          *agreement;
  char                 *units;
  GHashTable           *rejected;         /* AmDifference set */
  GArray               *undo_stack;       /* Step */
  GArray               *redo_stack;       /* Step */
  GHashTable           *rows;             /* bound row widgets */
  GPtrArray            *gold_spans;       /* AmAnnotation, see gold_index() */
  GPtrArray            *agreed;           /* AmAnnotation every annotator has */
  guint                 gold_max_length;
  GtkSingleSelection   *selection;
  GFile                *mine_file;
  GFile                *gold_file;
  GtkWidget            *close_dialog;
  GTask                *close_task;
  guint                 n_changes;
  guint                 saving : 1;
  guint                 said_done : 1;
  guint                 mine_included : 1;
  guint                 close_after_save : 1;
  guint                 closing : 1;

  /* Template children */
  GtkWidget            *title_label;
  GtkWidget            *subtitle_label;
  GtkWidget            *message_revealer;
  GtkWidget            *message_label;
  GtkWidget            *annotators_box;
  GtkWidget            *legend_box;
  AmReviewView         *review_view;
  GtkListView          *differences_view;
  GtkWidget            *annotator_buttons;
  GtkWidget            *agreement_grid;
  GtkWidget            *agreement_note;
  GtkWidget            *pair_dropdown;
};

G_DEFINE_FINAL_TYPE (AmReviewWindow, am_review_window, GTK_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_UNITS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_clear (Step *step)
{
  g_clear_object (&step->difference);
}

static void
show_message (AmReviewWindow *self,
              const char     *message)
{
  gtk_label_set_text (GTK_LABEL (self->message_label), message);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), TRUE);
}

static void
hide_message_cb (AmReviewWindow *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->message_revealer), FALSE);
}

static void
show_error (AmReviewWindow *self,
            const char     *primary,
            const GError   *error)
{
  g_autofree char *text = g_strdup_printf ("%s: %s", primary, error->message);

  show_message (self, text);
}

/* Names and quotes may be right-to-left: the mark keeps each line in the
 * interface's direction whatever its first letter.
 */
static const char *
direction_mark (void)
{
  return gtk_widget_get_default_direction () == GTK_TEXT_DIR_RTL ? "\u200F" : "\u200E";
}

static char *
format_score (double value)
{
  if (isnan (value))
    return g_strdup ("–");
  return g_strdup_printf ("%.3f", value);
}

/* ---------------------------------------------------------------------- */
/* Settling */

/* The gold spans in text order with their longest length, so that finding
 * those that overlap a difference takes a binary search, not a scan.
 */
static GPtrArray *
gold_index (AmReviewWindow *self)
{
  GListModel *annotations;
  guint n;
  guint i;

  if (self->gold_spans != NULL)
    return self->gold_spans;

  annotations = am_document_get_annotations (am_adjudication_get_gold (self->adjudication));
  n = g_list_model_get_n_items (annotations);
  self->gold_spans = g_ptr_array_new_full (n, g_object_unref);
  self->gold_max_length = 0;
  for (i = 0; i < n; i++)
    {
      AmAnnotation *ann = g_list_model_get_item (annotations, i);

      self->gold_max_length = MAX (self->gold_max_length, am_annotation_get_end (ann) - am_annotation_get_start (ann));
      g_ptr_array_add (self->gold_spans, ann);
    }
  return self->gold_spans;
}

/* The first gold span in text order that may overlap [start, end). */
static guint
first_overlap_candidate (AmReviewWindow *self,
                         guint           start)
{
  GPtrArray *spans = gold_index (self);
  guint from = start > self->gold_max_length ? start - self->gold_max_length : 0;
  guint lo = 0;
  guint hi = spans->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (am_annotation_get_start (g_ptr_array_index (spans, mid)) < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The gold span of one of @difference's labels inside its extent: accepted
 * as is, or accepted and then edited.
 */
static AmAnnotation *
gold_span_in (AmReviewWindow *self,
              AmDifference   *difference)
{
  GPtrArray *spans = gold_index (self);
  guint start = am_difference_get_start (difference);
  guint end = am_difference_get_end (difference);
  guint i;

  for (i = first_overlap_candidate (self, start); i < spans->len; i++)
    {
      AmAnnotation *ann = g_ptr_array_index (spans, i);
      guint c;

      if (am_annotation_get_start (ann) >= end)
        break;
      if (am_annotation_get_end (ann) <= start)
        continue;
      for (c = 0; c < am_difference_get_n_candidates (difference); c++)
        if (g_str_equal (am_annotation_get_label (ann), am_difference_get_candidate_label (difference, c)))
          return ann;
    }
  return NULL;
}

gboolean
am_review_window_is_settled (AmReviewWindow *self,
                             AmDifference   *difference)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (AM_IS_DIFFERENCE (difference), FALSE);

  return g_hash_table_contains (self->rejected, difference) || gold_span_in (self, difference) != NULL;
}

static gboolean
in_gold (AmReviewWindow *self,
         AmAnnotation   *annotation)
{
  GPtrArray *spans = gold_index (self);
  guint start = am_annotation_get_start (annotation);
  guint i;

  for (i = first_overlap_candidate (self, start); i < spans->len; i++)
    {
      AmAnnotation *ann = g_ptr_array_index (spans, i);

      if (am_annotation_get_start (ann) > start)
        break;
      if (am_annotation_get_start (ann) == start &&
          am_annotation_get_end (ann) == am_annotation_get_end (annotation) &&
          g_str_equal (am_annotation_get_label (ann), am_annotation_get_label (annotation)))
        return TRUE;
    }
  return FALSE;
}

static guint
count_agreed_left (AmReviewWindow *self)
{
  guint left = 0;
  guint i;

  for (i = 0; i < self->agreed->len; i++)
    if (!in_gold (self, g_ptr_array_index (self->agreed, i)))
      left++;
  return left;
}

static guint
count_settled (AmReviewWindow *self)
{
  GListModel *differences = am_adjudication_get_differences (self->adjudication);
  guint n = g_list_model_get_n_items (differences);
  guint settled = 0;
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);

      if (am_review_window_is_settled (self, difference))
        settled++;
    }
  return settled;
}

static void update_row (AmReviewWindow *self,
                        GtkWidget      *row);

static void
update_state (AmReviewWindow *self)
{
  AmDocument *gold = am_adjudication_get_gold (self->adjudication);
  GListModel *differences = am_adjudication_get_differences (self->adjudication);
  AmDifference *selected = am_review_window_get_selected (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *differences_text = NULL;
  GHashTableIter iter;
  gpointer row;
  guint n = g_list_model_get_n_items (differences);
  guint settled;
  guint agreed_left;
  gboolean has_gold_span = FALSE;

  title = g_strdup_printf ("%s%s", am_document_get_modified (gold) ? "• " : "",
                           *am_document_get_title (gold) != '\0' ? am_document_get_title (gold)
                                                                 : _("Untitled article"));
  gtk_label_set_text (GTK_LABEL (self->title_label), title);
  gtk_window_set_title (GTK_WINDOW (self), title);
  settled = count_settled (self);
  agreed_left = count_agreed_left (self);
  differences_text = g_strdup_printf (ngettext ("%u of %u difference settled",
                                                "%u of %u differences settled", n),
                                      settled, n);
  if (agreed_left > 0)
    {
      g_autofree char *agreed_text = g_strdup_printf (ngettext ("%u agreed span to accept",
                                                                "%u agreed spans to accept", agreed_left),
                                                      agreed_left);

      /* TRANSLATORS: "Review: 2 of 5 differences settled · 4 agreed spans to accept" */
      subtitle = g_strdup_printf (_("Review: %s · %s"), differences_text, agreed_text);
    }
  else
    subtitle = g_strdup_printf (_("Review: %s"), differences_text);
  gtk_label_set_text (GTK_LABEL (self->subtitle_label), subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-agreed", agreed_left > 0);

  /* Said once, when the last difference is settled. */
  if (settled == n && agreed_left == 0 && !self->said_done && (n > 0 || self->agreed->len > 0))
    {
      self->said_done = TRUE;
      show_message (self, _("Every difference is settled and every agreed span accepted: "
                            "save the gold version with Ctrl+S"));
    }
  else if (settled < n || agreed_left > 0)
    self->said_done = FALSE;

  if (selected != NULL)
    has_gold_span = gold_span_in (self, selected) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.undo", self->undo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.redo", self->redo_stack->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-mine", selected != NULL && self->mine_included);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-theirs",
                                 selected != NULL && self->mine_included && self->documents->len == 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-both", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.accept-neither", selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.move-start", has_gold_span);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.move-end", has_gold_span);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next-difference", n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous-difference", n > 0);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_row (self, row);
}

static void
gold_spans_changed_cb (AmReviewWindow *self)
{
  g_clear_pointer (&self->gold_spans, g_ptr_array_unref);
}

/* Once per step of the gold document's history. */
static void
gold_changed_cb (AmReviewWindow *self)
{
  self->n_changes++;
}

typedef enum {
  ACCEPT_DOCUMENT,
  ACCEPT_BOTH,
  ACCEPT_NEITHER,
  ACCEPT_AGREED,
} AcceptKind;

static void
select_next (AmReviewWindow *self,
             int             direction);

static void
push_step (AmReviewWindow *self,
           AmDifference   *difference,
           gboolean        rejected_after,
           guint           n_changes_before)
{
  Step step = { 0 };

  step.difference = difference != NULL ? g_object_ref (difference) : NULL;
  step.rejected_before = difference != NULL && g_hash_table_contains (self->rejected, difference);
  step.rejected_after = rejected_after;
  step.gold_changed = self->n_changes != n_changes_before;
  if (!step.gold_changed && step.rejected_before == step.rejected_after)
    {
      step_clear (&step);
      return;
    }
  if (difference != NULL && rejected_after)
    g_hash_table_add (self->rejected, g_object_ref (difference));
  else if (difference != NULL)
    g_hash_table_remove (self->rejected, difference);
  g_array_append_val (self->undo_stack, step);
  g_array_set_size (self->redo_stack, 0);
}

/* The caller owns the step's reference; the stack's clear function drops its own. */
static Step
pop_step (GArray *stack)
{
  Step step = g_array_index (stack, Step, stack->len - 1);

  if (step.difference != NULL)
    g_object_ref (step.difference);
  g_array_set_size (stack, stack->len - 1);
  return step;
}

static gboolean
has_side (AmDifference *difference,
          guint         document)
{
  guint c;

  for (c = 0; c < am_difference_get_n_candidates (difference); c++)
    if (am_difference_candidate_has (difference, c, document))
      return TRUE;
  return FALSE;
}

static void
accept (AmReviewWindow *self,
        AcceptKind      kind,
        guint           document)
{
  g_autoptr(GError) error = NULL;
  AmDifference *difference = NULL;
  guint before = self->n_changes;
  gboolean ok;

  if (kind != ACCEPT_AGREED)
    {
      difference = am_review_window_get_selected (self);
      if (difference == NULL)
        return;
    }

  switch (kind)
    {
    case ACCEPT_DOCUMENT:
      ok = am_adjudication_accept (self->adjudication, difference, document, &error);
      break;
    case ACCEPT_BOTH:
      ok = am_adjudication_accept_all (self->adjudication, difference, &error);
      break;
    case ACCEPT_NEITHER:
      ok = am_adjudication_reject (self->adjudication, difference, &error);
      break;
    case ACCEPT_AGREED:
    default:
      {
        guint added = am_adjudication_accept_agreed (self->adjudication, &error);
        g_autofree char *message = NULL;

        ok = error == NULL;
        if (ok)
          {
            message = g_strdup_printf (ngettext ("%u agreed span added to the gold version",
                                                 "%u agreed spans added to the gold version", added),
                                       added);
            show_message (self, message);
          }
      }
      break;
    }

  if (!ok)
    {
      /* A failed step may have left part of its group applied. */
      if (self->n_changes != before)
        am_document_undo (am_adjudication_get_gold (self->adjudication));
      show_error (self, _("Could not settle the difference"), error);
      return;
    }

  /* Taking the side of someone who has nothing here settles it with nothing. */
  push_step (self, difference,
             kind == ACCEPT_NEITHER || (kind == ACCEPT_DOCUMENT && !has_side (difference, document)),
             before);
  if (difference != NULL)
    select_next (self, 1);
  update_state (self);
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (widget);
  guint document = g_variant_get_uint32 (parameter);

  if (document >= self->documents->len)
    {
      g_autofree char *message = g_strdup_printf (_("There is no annotator %u in this review"), document + 1);

      show_message (self, message);
      return;
    }
  accept (self, ACCEPT_DOCUMENT, document);
}

static void
accept_mine_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accept (AM_REVIEW_WINDOW (widget), ACCEPT_DOCUMENT, 0);
}

static void
accept_theirs_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  accept (AM_REVIEW_WINDOW (widget), ACCEPT_DOCUMENT, 1);
}

static void
accept_both_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  accept (AM_REVIEW_WINDOW (widget), ACCEPT_BOTH, 0);
}

static void
accept_neither_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  accept (AM_REVIEW_WINDOW (widget), ACCEPT_NEITHER, 0);
}

static void
accept_agreed_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  accept (AM_REVIEW_WINDOW (widget), ACCEPT_AGREED, 0);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (widget);
  Step step;

  if (self->undo_stack->len == 0)
    return;
  step = pop_step (self->undo_stack);
  if (step.gold_changed)
    am_document_undo (am_adjudication_get_gold (self->adjudication));
  if (step.difference != NULL && step.rejected_before)
    g_hash_table_add (self->rejected, g_object_ref (step.difference));
  else if (step.difference != NULL)
    g_hash_table_remove (self->rejected, step.difference);
  g_array_append_val (self->redo_stack, step);

  if (step.difference != NULL)
    {
      guint position;

      if (g_list_store_find (G_LIST_STORE (am_adjudication_get_differences (self->adjudication)),
                             step.difference, &position))
        am_review_window_select (self, position);
    }
  update_state (self);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (widget);
  Step step;

  if (self->redo_stack->len == 0)
    return;
  step = pop_step (self->redo_stack);
  if (step.gold_changed)
    am_document_redo (am_adjudication_get_gold (self->adjudication));
  if (step.difference != NULL && step.rejected_after)
    g_hash_table_add (self->rejected, g_object_ref (step.difference));
  else if (step.difference != NULL)
    g_hash_table_remove (self->rejected, step.difference);
  g_array_append_val (self->undo_stack, step);
  update_state (self);
}

/* The gold span being edited: the first one inside the selected difference. */
static AmAnnotation *
selected_gold_span (AmReviewWindow *self)
{
  AmDifference *difference = am_review_window_get_selected (self);
  AmAnnotation *ann;

  if (difference == NULL)
    return NULL;
  ann = gold_span_in (self, difference);
  return ann != NULL ? g_object_ref (ann) : NULL;
}

/* Word steps go from word edge to word edge: a start to the previous or next
 * word's start, an end to the previous or next word's end.
 */
static guint
step_offset (AmReviewWindow *self,
             guint           offset,
             gboolean        start_side,
             int             step)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->review_view));
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  if (step == -1)
    gtk_text_iter_backward_char (&iter);
  else if (step == 1)
    gtk_text_iter_forward_char (&iter);
  else if (start_side && step < 0)
    gtk_text_iter_backward_word_start (&iter);
  else if (start_side)
    {
      if (gtk_text_iter_forward_word_ends (&iter, 2))
        gtk_text_iter_backward_word_start (&iter);
      else
        return offset;
    }
  else if (step > 0)
    gtk_text_iter_forward_word_end (&iter);
  else
    {
      if (gtk_text_iter_backward_word_starts (&iter, 2))
        gtk_text_iter_forward_word_end (&iter);
      else
        return offset;
    }
  return gtk_text_iter_get_offset (&iter);
}

static void
move_boundary (AmReviewWindow *self,
               gboolean        start_side,
               int             step)
{
  g_autoptr(AmAnnotation) ann = selected_gold_span (self);
  g_autoptr(GError) error = NULL;
  AmDifference *difference = am_review_window_get_selected (self);
  guint before = self->n_changes;
  guint start;
  guint end;

  if (ann == NULL || step == 0 || step < -2 || step > 2)
    return;
  start = am_annotation_get_start (ann);
  end = am_annotation_get_end (ann);

  if (start_side)
    start = step_offset (self, start, TRUE, step);
  else
    end = step_offset (self, end, FALSE, step);
  if (start >= end)
    {
      show_message (self, _("A span cannot be made empty; use Neither to drop it"));
      return;
    }
  if (start == am_annotation_get_start (ann) && end == am_annotation_get_end (ann))
    return;
  if (!am_adjudication_edit_span (self->adjudication, am_annotation_get_id (ann), start, end, &error))
    {
      show_error (self, _("Could not move the boundary"), error);
      return;
    }
  push_step (self, difference, FALSE, before);
  update_state (self);
}

static void
move_start_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_boundary (AM_REVIEW_WINDOW (widget), TRUE, g_variant_get_int32 (parameter));
}

static void
move_end_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_boundary (AM_REVIEW_WINDOW (widget), FALSE, g_variant_get_int32 (parameter));
}

/* ---------------------------------------------------------------------- */
/* Selection */

AmDifference *
am_review_window_get_selected (AmReviewWindow *self)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
am_review_window_select (AmReviewWindow *self,
                         guint           position)
{
  g_return_if_fail (AM_IS_REVIEW_WINDOW (self));

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->differences_view), "list.scroll-to-item", "u", position);
}

static void
select_next (AmReviewWindow *self,
             int             direction)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  guint position = gtk_single_selection_get_selected (self->selection);

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = direction > 0 ? 0 : n - 1;
  else if (direction > 0 && position + 1 < n)
    position++;
  else if (direction < 0 && position > 0)
    position--;
  else
    {
      show_message (self, direction > 0 ? _("This is the last difference") : _("This is the first difference"));
      return;
    }
  am_review_window_select (self, position);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  select_next (AM_REVIEW_WINDOW (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  select_next (AM_REVIEW_WINDOW (widget), -1);
}

static void
selection_changed_cb (AmReviewWindow *self)
{
  AmDifference *difference = am_review_window_get_selected (self);

  if (difference != NULL)
    am_review_view_show_difference (self->review_view, difference);
  update_state (self);
}

static void
difference_activated_cb (AmReviewWindow *self,
                         AmDifference   *difference)
{
  guint position;

  if (g_list_store_find (G_LIST_STORE (am_adjudication_get_differences (self->adjudication)),
                         difference, &position))
    am_review_window_select (self, position);
}

/* ---------------------------------------------------------------------- */
/* Rows of the differences list */

static const char *
kind_name (AmDifferenceKind kind)
{
  switch (kind)
    {
    case AM_DIFFERENCE_LABEL:
      return _("Label");
    case AM_DIFFERENCE_BOUNDARY:
      return _("Boundary");
    case AM_DIFFERENCE_LABEL_AND_BOUNDARY:
      return _("Label and boundary");
    case AM_DIFFERENCE_MISSING:
    default:
      return _("Only in some");
    }
}

static const char *
label_name (AmReviewWindow *self,
            const char     *id)
{
  AmLabel *label = am_label_schema_lookup_label (am_document_get_schema (am_adjudication_get_gold (self->adjudication)), id);

  return label != NULL ? am_label_get_name (label) : id;
}

static const char *
label_color (AmReviewWindow *self,
             const char     *id)
{
  AmLabel *label = am_label_schema_lookup_label (am_document_get_schema (am_adjudication_get_gold (self->adjudication)), id);

  return label != NULL ? am_label_get_color (label) : "#888888";
}

static char *
candidates_markup (AmReviewWindow *self,
                   AmDifference   *difference)
{
  GString *markup = g_string_new (NULL);
  guint n = am_difference_get_n_candidates (difference);
  guint c;
  guint d;

  for (c = 0; c < n; c++)
    {
      g_autofree char *quote = NULL;
      const char *text = am_difference_get_candidate_quote (difference, c);
      g_autofree char *line = NULL;

      if (g_utf8_strlen (text, -1) > 80)
        {
          g_autofree char *head = g_utf8_substring (text, 0, 79);

          quote = g_strconcat (head, "…", NULL);
        }
      else
        quote = g_strdup (text);

      if (c > 0)
        g_string_append_c (markup, '\n');
      g_string_append (markup, direction_mark ());
      /* The quote is isolated so that right-to-left text keeps its order. */
      line = g_markup_printf_escaped ("%s<span foreground=\"%s\">■</span> <b>%s</b> [%u–%u] “\u2068%s\u2069” ",
                                      am_adjudication_is_accepted (self->adjudication, difference, c) ? "✓ " : "",
                                      label_color (self, am_difference_get_candidate_label (difference, c)),
                                      label_name (self, am_difference_get_candidate_label (difference, c)),
                                      am_difference_get_candidate_start (difference, c),
                                      am_difference_get_candidate_end (difference, c),
                                      quote);
      g_string_append (markup, line);
      for (d = 0; d < self->documents->len; d++)
        {
          g_autofree char *color = am_review_view_dup_annotator_color (d);
          g_autofree char *who = NULL;

          if (!am_difference_candidate_has (difference, c, d))
            continue;
          who = g_markup_printf_escaped (" <span foreground=\"%s\">●</span>\u2068%s\u2069", color,
                                         am_adjudication_get_name (self->adjudication, d));
          g_string_append (markup, who);
        }
    }
  return g_string_free (markup, FALSE);
}

static void
update_row (AmReviewWindow *self,
            GtkWidget      *row)
{
  AmDifference *difference = g_object_get_data (G_OBJECT (row), "difference");
  GtkWidget *kind_label = gtk_widget_get_first_child (row);
  GtkWidget *status_label = gtk_widget_get_next_sibling (kind_label);
  GtkWidget *body_label = gtk_widget_get_next_sibling (status_label);
  g_autofree char *markup = NULL;
  const char *status;

  if (difference == NULL)
    return;

  if (g_hash_table_contains (self->rejected, difference))
    status = _("✓ None kept");
  else if (am_review_window_is_settled (self, difference))
    status = _("✓ Settled");
  else
    status = _("Open");
  gtk_label_set_text (GTK_LABEL (status_label), status);
  if (am_review_window_is_settled (self, difference))
    gtk_widget_add_css_class (row, "settled");
  else
    gtk_widget_remove_css_class (row, "settled");

  markup = candidates_markup (self, difference);
  gtk_label_set_markup (GTK_LABEL (body_label), markup);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              AmReviewWindow           *self)
{
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *body = gtk_label_new (NULL);

  gtk_widget_add_css_class (grid, "difference-row");
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_set_hexpand (kind, TRUE);
  gtk_widget_add_css_class (kind, "difference-kind");
  gtk_label_set_xalign (GTK_LABEL (status), 1);
  gtk_widget_add_css_class (status, "difference-status");
  gtk_widget_add_css_class (status, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_grid_attach (GTK_GRID (grid), kind, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), status, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), body, 0, 1, 2, 1);
  gtk_list_item_set_child (item, grid);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AmReviewWindow           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);
  AmDifference *difference = gtk_list_item_get_item (item);
  GtkWidget *kind = gtk_widget_get_first_child (row);
  g_autofree char *kind_markup = NULL;

  kind_markup = g_markup_printf_escaped ("<span foreground=\"%s\">▁</span> %s",
                                         am_review_view_get_kind_color (am_difference_get_kind (difference)),
                                         kind_name (am_difference_get_kind (difference)));
  gtk_label_set_markup (GTK_LABEL (kind), kind_markup);
  g_object_set_data_full (G_OBJECT (row), "difference", g_object_ref (difference), g_object_unref);
  g_hash_table_add (self->rows, row);
  update_row (self, row);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               AmReviewWindow           *self)
{
  GtkWidget *row = gtk_list_item_get_child (item);

  g_hash_table_remove (self->rows, row);
  g_object_set_data (G_OBJECT (row), "difference", NULL);
}

static void
list_activate_cb (AmReviewWindow *self,
                  guint           position)
{
  AmDifference *difference = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (difference == NULL)
    return;
  am_review_view_show_difference (self->review_view, difference);
  gtk_widget_grab_focus (GTK_WIDGET (self->review_view));
  g_object_unref (difference);
}

/* ---------------------------------------------------------------------- */
/* Agreement */

/* Measures in rows and labels in columns: the table stays narrow enough for
 * the side panel whatever the number of annotators.
 */
enum {
  MEASURE_F1_EXACT,
  MEASURE_F1_OVERLAP,
  MEASURE_KAPPA,
  MEASURE_ALPHA,
  MEASURE_ALPHA_U,
  MEASURE_SPANS,
  MEASURE_MATCHED,
  MEASURE_LABEL_DISAGREEMENTS,
  MEASURE_BOUNDARY_DISAGREEMENTS,
  MEASURE_ONLY_IN_ONE,
  N_MEASURES
};

static const char * const measure_ids[N_MEASURES] = {
  "f1-exact", "f1-overlap", "kappa", "alpha", "alpha-u",
  "spans", "matched", "label-disagreements", "boundary-disagreements", "only-in-one",
};

/* The pair of annotators chosen above the table; FALSE for the whole group. */
static gboolean
selected_pair (AmReviewWindow *self,
               guint          *a,
               guint          *b)
{
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->pair_dropdown));
  guint n = self->documents->len;
  guint i;
  guint j;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return FALSE;
  selected--;
  for (i = 0; i < n; i++)
    for (j = i + 1; j < n; j++)
      if (selected-- == 0)
        {
          *a = i;
          *b = j;
          return TRUE;
        }
  return FALSE;
}

static GtkWidget *
add_cell (AmReviewWindow *self,
          const char     *text,
          const char     *name,
          guint           column,
          guint           row)
{
  GtkWidget *label = gtk_label_new (text);

  if (name != NULL)
    gtk_widget_set_name (label, name);
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  if (column > 0 && row > 0)
    gtk_widget_add_css_class (label, "numeric");
  if (row == 0)
    gtk_widget_add_css_class (label, "heading");
  gtk_grid_attach (GTK_GRID (self->agreement_grid), label, column, row, 1, 1);
  return label;
}

static void
add_scores_column (AmReviewWindow *self,
                   const char     *label_id,
                   const char     *title,
                   int             label,
                   guint           column)
{
  guint a;
  guint b;
  gboolean pair = selected_pair (self, &a, &b);
  const AmAgreementScores *s = pair ? am_agreement_get_pair_scores (self->agreement, a, b, label)
                                    : am_agreement_get_group_scores (self->agreement, label);
  g_autoptr(GString) spans = g_string_new (NULL);
  double scores[] = { s->f1_exact, s->f1_overlap, s->kappa, s->alpha, s->alpha_u };
  guint counts[] = {
    s->matched_exact, s->label_disagreements, s->boundary_disagreements, s->only_a + s->only_b,
  };
  guint i;

  add_cell (self, title, NULL, column, 0);
  for (i = 0; i < G_N_ELEMENTS (scores); i++)
    {
      g_autofree char *text = format_score (scores[i]);
      g_autofree char *name = g_strdup_printf ("agreement-%s-%s", measure_ids[MEASURE_F1_EXACT + i], label_id);

      add_cell (self, text, name, column, 1 + MEASURE_F1_EXACT + i);
    }

  if (pair)
    g_string_append_printf (spans, "%u / %u", s->spans_a, s->spans_b);
  else
    for (i = 0; i < am_agreement_get_n_annotators (self->agreement); i++)
      g_string_append_printf (spans, "%s%u", i > 0 ? " / " : "", am_agreement_get_n_spans (self->agreement, i, label));
  {
    g_autofree char *name = g_strdup_printf ("agreement-%s-%s", measure_ids[MEASURE_SPANS], label_id);

    add_cell (self, spans->str, name, column, 1 + MEASURE_SPANS);
  }

  for (i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", counts[i]);
      g_autofree char *name = g_strdup_printf ("agreement-%s-%s", measure_ids[MEASURE_MATCHED + i], label_id);

      add_cell (self, text, name, column, 1 + MEASURE_MATCHED + i);
    }
}

static void
show_agreement (AmReviewWindow *self)
{
  const char *headings[N_MEASURES] = {
    _("F1 exact"), _("F1 overlap"), _("Cohen’s κ"), _("Krippendorff’s α"), _("Unitizing αᵤ"),
    _("Spans (each)"), _("Matched exactly"), _("Other label"),
    _("Other boundaries"), _("Only in one"),
  };
  const char *tooltips[N_MEASURES] = {
    _("Span F1: same start, end and label"),
    _("Span F1: same label, spans share a character (each span matched once)"),
    _("Cohen’s kappa on the units (the mean over pairs of annotators)"),
    _("Krippendorff’s alpha (nominal) on the units, for any number of annotators"),
    _("Krippendorff’s unitizing alpha on the characters"),
    _("Spans of each annotator, in the order of the color key"),
    _("Spans with the same start, end and label (summed over pairs)"),
    _("The same span with another label (summed over pairs)"),
    _("Overlapping spans of one label with other boundaries (summed over pairs)"),
    _("Spans only one annotator of a pair has (summed over pairs)"),
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  GtkWidget *child;
  AmAgreementUnits units = g_strcmp0 (self->units, "characters") == 0 ? AM_AGREEMENT_UNITS_CHARACTERS
                                                                        : AM_AGREEMENT_UNITS_TOKENS;
  guint n_units;
  guint i;

  while ((child = gtk_widget_get_first_child (self->agreement_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->agreement_grid), child);

  /* Computed again only when the units change, not for another pair. */
  if (self->agreement != NULL && am_agreement_get_units (self->agreement) != units)
    g_clear_object (&self->agreement);
  if (self->agreement == NULL)
    self->agreement = am_agreement_compute ((AmDocument * const *) self->documents->pdata, self->documents->len,
                                            NULL, units, &error);
  if (self->agreement == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->agreement_note), error->message);
      return;
    }

  add_cell (self, "", NULL, 0, 0);
  for (i = 0; i < N_MEASURES; i++)
    gtk_widget_set_tooltip_text (add_cell (self, headings[i], NULL, 0, i + 1), tooltips[i]);
  for (i = 0; i < am_agreement_get_n_labels (self->agreement); i++)
    {
      const char *id = am_agreement_get_label (self->agreement, i);

      add_scores_column (self, id, label_name (self, id), i, i + 1);
    }
  add_scores_column (self, "all", _("All"), -1, i + 1);

  n_units = am_agreement_get_n_units (self->agreement);
  if (units == AM_AGREEMENT_UNITS_TOKENS)
    note = g_strdup_printf (ngettext ("κ and α are measured on %u token; “–” means a measure is undefined "
                                      "(no data or no variation).",
                                      "κ and α are measured on %u tokens; “–” means a measure is undefined "
                                      "(no data or no variation).", n_units), n_units);
  else
    note = g_strdup_printf (ngettext ("κ and α are measured on %u character; “–” means a measure is undefined "
                                      "(no data or no variation).",
                                      "κ and α are measured on %u characters; “–” means a measure is undefined "
                                      "(no data or no variation).", n_units), n_units);
  gtk_label_set_text (GTK_LABEL (self->agreement_note), note);
}

static void
set_units (AmReviewWindow *self,
           const char     *units)
{
  if (g_strcmp0 (units, "tokens") != 0 && g_strcmp0 (units, "characters") != 0)
    return;
  if (g_strcmp0 (self->units, units) == 0)
    return;
  g_free (self->units);
  self->units = g_strdup (units);
  if (self->adjudication != NULL)
    show_agreement (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNITS]);
}

/* ---------------------------------------------------------------------- */
/* Saving and closing */

/**
 * am_review_window_suggest_gold_file:
 * @mine_file: (nullable): where the reviewer's own document is
 *
 * Returns: (transfer full) (nullable): `<article>.gold.argumark.json` beside
 *   @mine_file, or %NULL without one
 */
GFile *
am_review_window_suggest_gold_file (GFile *mine_file)
{
  g_autofree char *basename = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) parent = NULL;
  char *dot;

  g_return_val_if_fail (mine_file == NULL || G_IS_FILE (mine_file), NULL);

  if (mine_file == NULL)
    return NULL;

  basename = g_file_get_basename (mine_file);
  if (g_str_has_suffix (basename, ".gold.argumark.json"))
    stem = g_strndup (basename, strlen (basename) - strlen (".gold.argumark.json"));
  else if (g_str_has_suffix (basename, ".argumark.json"))
    stem = g_strndup (basename, strlen (basename) - strlen (".argumark.json"));
  else
    {
      stem = g_strdup (basename);
      dot = strrchr (stem, '.');
      if (dot != NULL && dot != stem)
        *dot = '\0';
    }
  name = g_strconcat (stem, ".gold.argumark.json", NULL);
  parent = g_file_get_parent (mine_file);
  return parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);
}

/* Ends a close that asked first: the window goes, or stays as the user chose. */
static void
finish_close (AmReviewWindow *self,
              gboolean        closed)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

  self->close_after_save = FALSE;
  if (closed)
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
    }
  if (task != NULL)
    g_task_return_boolean (task, closed);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(AmReviewWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  AmDocument *gold = AM_DOCUMENT (object);

  self->saving = FALSE;
  if (!am_document_save_finish (gold, result, &error))
    {
      show_error (self, _("Could not save the gold version"), error);
      if (self->close_after_save)
        finish_close (self, FALSE);
      return;
    }
  am_document_mark_saved (gold);
  update_state (self);
  if (self->close_after_save)
    finish_close (self, TRUE);
  else
    {
      g_autofree char *path = g_file_get_parse_name (self->gold_file);
      g_autofree char *message = g_strdup_printf (_("Gold version saved to %s"), path);

      show_message (self, message);
    }
}

static void
save_to (AmReviewWindow *self,
         GFile          *file)
{
  if (self->saving)
    return;
  if (file != self->gold_file)
    g_set_object (&self->gold_file, file);
  self->saving = TRUE;
  am_document_save_async (am_adjudication_get_gold (self->adjudication), file, NULL,
                          saved_cb, g_object_ref (self));
}

static void
save_dialog_response_cb (AmReviewWindow       *self,
                         int                   response,
                         GtkFileChooserNative *dialog)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      save_to (self, file);
    }
  else if (self->close_after_save)
    finish_close (self, FALSE);
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
}

static void
save_as (AmReviewWindow *self)
{
  g_autoptr(GFile) suggested = NULL;
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Save Gold Version"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Argumark documents"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  suggested = self->gold_file != NULL ? g_object_ref (self->gold_file)
                                      : am_review_window_suggest_gold_file (self->mine_file);
  if (suggested != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (suggested);
      g_autofree char *name = g_file_get_basename (suggested);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  else
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "article.gold.argumark.json");

  g_signal_connect_object (dialog, "response", G_CALLBACK (save_dialog_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (widget);

  if (self->gold_file != NULL)
    save_to (self, self->gold_file);
  else
    save_as (self);
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  save_as (AM_REVIEW_WINDOW (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
close_dialog_response_cb (AmReviewWindow *self,
                          int             response,
                          GtkDialog      *dialog)
{
  /* The dialog outlives this handler, and may outlive the window too. */
  gtk_window_set_transient_for (GTK_WINDOW (dialog), NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  self->close_dialog = NULL;

  switch (response)
    {
    case GTK_RESPONSE_ACCEPT:
      self->close_after_save = TRUE;
      save_action (GTK_WIDGET (self), "review.save", NULL);
      break;
    case GTK_RESPONSE_REJECT:
      finish_close (self, TRUE);
      break;
    default:
      finish_close (self, FALSE);
      break;
    }
}

static gboolean
has_unsaved_gold (AmReviewWindow *self)
{
  return !self->closing && self->adjudication != NULL &&
         am_document_get_modified (am_adjudication_get_gold (self->adjudication));
}

static void
ask_to_save (AmReviewWindow *self)
{
  GtkWidget *dialog;

  gtk_window_present (GTK_WINDOW (self));
  if (self->close_dialog != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->close_dialog));
      return;
    }

  dialog = gtk_message_dialog_new (GTK_WINDOW (self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE,
                                   _("Save the gold version before closing?"));
  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog),
                                            _("The adjudication is lost if you don’t save it."));
  gtk_dialog_add_buttons (GTK_DIALOG (dialog),
                          _("_Cancel"), GTK_RESPONSE_CANCEL,
                          _("_Discard"), GTK_RESPONSE_REJECT,
                          _("_Save"), GTK_RESPONSE_ACCEPT,
                          NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_REJECT),
                            "destructive-action");
  gtk_widget_add_css_class (gtk_dialog_get_widget_for_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT),
                            "suggested-action");
  g_signal_connect_object (dialog, "response", G_CALLBACK (close_dialog_response_cb), self, G_CONNECT_SWAPPED);
  self->close_dialog = dialog;
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
am_review_window_close_request (GtkWindow *window)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (window);

  if (!has_unsaved_gold (self))
    return GTK_WINDOW_CLASS (am_review_window_parent_class)->close_request (window);
  if (!self->saving)
    ask_to_save (self);
  return TRUE;
}

/**
 * am_review_window_close_async:
 *
 * Closes the window, first asking whether to save an unsaved gold version
 * (Save / Discard / Cancel), as the application does before quitting.
 * am_review_window_close_finish() tells whether the window closed.
 */
void
am_review_window_close_async (AmReviewWindow      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (AM_IS_REVIEW_WINDOW (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, am_review_window_close_async);
  if (self->close_task != NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The review window is already asking whether to save");
      return;
    }
  if (!has_unsaved_gold (self))
    {
      self->closing = TRUE;
      gtk_window_destroy (GTK_WINDOW (self));
      g_task_return_boolean (task, TRUE);
      return;
    }
  self->close_task = g_steal_pointer (&task);
  if (!self->saving)
    ask_to_save (self);
}

gboolean
am_review_window_close_finish (AmReviewWindow  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---------------------------------------------------------------------- */
/* Annotators and legend */

static void
annotator_toggled_cb (GtkCheckButton *button,
                      AmReviewWindow *self)
{
  guint annotator = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "annotator"));

  am_review_view_set_annotator_visible (self->review_view, annotator, gtk_check_button_get_active (button));
}

static void
toggle_annotator_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (widget);
  guint annotator = g_variant_get_uint32 (parameter);
  g_autofree char *name = g_strdup_printf ("annotator-%u", annotator + 1);
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (self->annotators_box); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_CHECK_BUTTON (child) && g_str_equal (gtk_widget_get_name (child), name))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (child),
                                   !gtk_check_button_get_active (GTK_CHECK_BUTTON (child)));
}

static void
build_annotators (AmReviewWindow *self)
{
  guint n = am_adjudication_get_n_documents (self->adjudication);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autofree char *color = am_review_view_dup_annotator_color (i);
      g_autofree char *markup = NULL;
      g_autofree char *tooltip = NULL;
      g_autofree char *accept_label = NULL;
      g_autofree char *name = NULL;
      GtkWidget *check = gtk_check_button_new ();
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *button;

      markup = g_markup_printf_escaped ("%s<span foreground=\"%s\">●</span> %u. \u2068%s\u2069%s",
                                        direction_mark (), color, i + 1,
                                        am_adjudication_get_name (self->adjudication, i),
                                        i == 0 && self->mine_included ? _(" (mine)") : "");
      gtk_label_set_markup (GTK_LABEL (label), markup);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      tooltip = g_strdup_printf (_("Show the spans of %s (Alt+%u)"), am_adjudication_get_name (self->adjudication, i),
                                 i + 1);
      gtk_widget_set_tooltip_text (check, tooltip);
      g_object_set_data (G_OBJECT (check), "annotator", GUINT_TO_POINTER (i));
      name = g_strdup_printf ("annotator-%u", i + 1);
      gtk_widget_set_name (check, name);
      g_signal_connect_object (check, "toggled", G_CALLBACK (annotator_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (self->annotators_box), check);

      /* One accept button per annotator: "Mine" and "Theirs" for two. */
      if (n == 2 && self->mine_included)
        button = gtk_button_new_with_mnemonic (i == 0 ? _("_Mine") : _("_Theirs"));
      else
        {
          GtkWidget *child = gtk_label_new (NULL);

          /* With the annotator's color from the key, and in the interface's direction. */
          accept_label = g_markup_printf_escaped ("%s<span foreground=\"%s\">●</span> %u. \u2068%s\u2069",
                                                  direction_mark (), color, i + 1,
                                                  am_adjudication_get_name (self->adjudication, i));
          gtk_label_set_markup (GTK_LABEL (child), accept_label);
          button = gtk_button_new ();
          gtk_button_set_child (GTK_BUTTON (button), child);
        }
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "review.accept");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      g_free (tooltip);
      tooltip = g_strdup_printf (_("Take the spans of %s for this difference (%u)"),
                                 am_adjudication_get_name (self->adjudication, i), i + 1);
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_box_append (GTK_BOX (self->annotator_buttons), button);
    }
}

/* With more than two annotators the table shows the group or any one pair. */
static void
build_pairs (AmReviewWindow *self)
{
  g_autoptr(GtkStringList) pairs = gtk_string_list_new (NULL);
  guint n = self->documents->len;
  guint i;
  guint j;

  gtk_string_list_append (pairs, _("All annotators"));
  for (i = 0; i < n; i++)
    for (j = i + 1; j < n; j++)
      {
        g_autofree char *pair = g_strdup_printf ("%s\u2068%s\u2069 – \u2068%s\u2069", direction_mark (),
                                                 am_adjudication_get_name (self->adjudication, i),
                                                 am_adjudication_get_name (self->adjudication, j));

        gtk_string_list_append (pairs, pair);
      }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->pair_dropdown), G_LIST_MODEL (pairs));
  gtk_widget_set_visible (self->pair_dropdown, n > 2);
}

static void
pair_changed_cb (AmReviewWindow *self)
{
  if (self->agreement != NULL)
    show_agreement (self);
}

static void
build_legend (AmReviewWindow *self)
{
  static const AmDifferenceKind kinds[] = {
    AM_DIFFERENCE_LABEL, AM_DIFFERENCE_BOUNDARY, AM_DIFFERENCE_LABEL_AND_BOUNDARY, AM_DIFFERENCE_MISSING,
  };
  static const char * const samples[] = { "〰", "═", "〰", "_" };
  GListModel *labels = am_label_schema_get_labels (am_document_get_schema (am_adjudication_get_gold (self->adjudication)));
  guint i;

  for (i = 0; i < g_list_model_get_n_items (labels); i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);
      g_autofree char *markup = g_markup_printf_escaped ("<span background=\"%s\">  </span> %s",
                                                         am_label_get_color (label), am_label_get_name (label));
      GtkWidget *widget = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (widget), markup);
      gtk_box_append (GTK_BOX (self->legend_box), widget);
    }
  for (i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"%s\"><b>%s</b></span> %s",
                                                         am_review_view_get_kind_color (kinds[i]), samples[i],
                                                         kind_name (kinds[i]));
      GtkWidget *widget = gtk_label_new (NULL);

      gtk_label_set_markup (GTK_LABEL (widget), markup);
      gtk_box_append (GTK_BOX (self->legend_box), widget);
    }
  {
    GtkWidget *widget = gtk_label_new (NULL);

    gtk_label_set_markup (GTK_LABEL (widget), _("<b>Bold, line above</b>: in the gold version"));
    gtk_box_append (GTK_BOX (self->legend_box), widget);
  }
}

/* ---------------------------------------------------------------------- */
/* GObject */

static void
am_review_window_dispose (GObject *object)
{
  AmReviewWindow *self = (AmReviewWindow *)object;

  if (self->close_dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->close_dialog));
  self->close_dialog = NULL;
  if (self->close_task != NULL)
    {
      g_autoptr(GTask) task = g_steal_pointer (&self->close_task);

      g_task_return_boolean (task, TRUE);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), AM_TYPE_REVIEW_WINDOW);
  if (self->adjudication != NULL)
    g_signal_handlers_disconnect_by_data (am_adjudication_get_gold (self->adjudication), self);
  g_clear_object (&self->selection);
  g_clear_object (&self->agreement);
  g_clear_object (&self->adjudication);
  g_clear_pointer (&self->documents, g_ptr_array_unref);
  g_clear_pointer (&self->rejected, g_hash_table_unref);
  g_clear_pointer (&self->gold_spans, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_array_unref);
  g_clear_pointer (&self->redo_stack, g_array_unref);
  g_clear_object (&self->mine_file);
  g_clear_object (&self->gold_file);

  G_OBJECT_CLASS (am_review_window_parent_class)->dispose (object);
}

static void
am_review_window_finalize (GObject *object)
{
  AmReviewWindow *self = (AmReviewWindow *)object;

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_free (self->units);

  G_OBJECT_CLASS (am_review_window_parent_class)->finalize (object);
}

static void
am_review_window_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      g_value_set_string (value, self->units);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_review_window_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AmReviewWindow *self = AM_REVIEW_WINDOW (object);

  switch (prop_id)
    {
    case PROP_UNITS:
      set_units (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
add_key (GtkWidgetClass  *widget_class,
         guint            keyval,
         GdkModifierType  mods,
         const char      *action,
         const char      *format,
         ...)
{
  GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (keyval, mods);
  GtkShortcutAction *shortcut_action = gtk_named_action_new (action);
  GtkShortcut *shortcut = gtk_shortcut_new (trigger, shortcut_action);
  va_list args;

  if (format != NULL)
    {
      va_start (args, format);
      gtk_shortcut_set_arguments (shortcut, g_variant_new_va (format, NULL, &args));
      va_end (args);
    }
  gtk_widget_class_add_shortcut (widget_class, shortcut);
  g_object_unref (shortcut);
}

static void
am_review_window_class_init (AmReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);
  guint i;

  object_class->dispose = am_review_window_dispose;
  object_class->finalize = am_review_window_finalize;
  object_class->get_property = am_review_window_get_property;
  object_class->set_property = am_review_window_set_property;
  window_class->close_request = am_review_window_close_request;

  properties[PROP_UNITS] =
    g_param_spec_string ("units", NULL, NULL, "tokens",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AM_TYPE_REVIEW_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/argumark/Argumark/ui/am-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, annotators_box);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, legend_box);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, review_view);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, differences_view);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, annotator_buttons);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, agreement_grid);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, agreement_note);
  gtk_widget_class_bind_template_child (widget_class, AmReviewWindow, pair_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, hide_message_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "review.next-difference", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "review.previous-difference", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "review.accept", "u", accept_action);
  gtk_widget_class_install_action (widget_class, "review.accept-mine", NULL, accept_mine_action);
  gtk_widget_class_install_action (widget_class, "review.accept-theirs", NULL, accept_theirs_action);
  gtk_widget_class_install_action (widget_class, "review.accept-both", NULL, accept_both_action);
  gtk_widget_class_install_action (widget_class, "review.accept-neither", NULL, accept_neither_action);
  gtk_widget_class_install_action (widget_class, "review.accept-agreed", NULL, accept_agreed_action);
  gtk_widget_class_install_action (widget_class, "review.toggle-annotator", "u", toggle_annotator_action);
  gtk_widget_class_install_action (widget_class, "review.move-start", "i", move_start_action);
  gtk_widget_class_install_action (widget_class, "review.move-end", "i", move_end_action);
  gtk_widget_class_install_action (widget_class, "review.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "review.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "review.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "review.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "review.close", NULL, close_action);
  gtk_widget_class_install_property_action (widget_class, "review.units", "units");

  add_key (widget_class, GDK_KEY_n, 0, "review.next-difference", NULL);
  add_key (widget_class, GDK_KEY_j, 0, "review.next-difference", NULL);
  add_key (widget_class, GDK_KEY_Down, GDK_CONTROL_MASK, "review.next-difference", NULL);
  add_key (widget_class, GDK_KEY_p, 0, "review.previous-difference", NULL);
  add_key (widget_class, GDK_KEY_k, 0, "review.previous-difference", NULL);
  add_key (widget_class, GDK_KEY_Up, GDK_CONTROL_MASK, "review.previous-difference", NULL);
  add_key (widget_class, GDK_KEY_m, 0, "review.accept-mine", NULL);
  add_key (widget_class, GDK_KEY_t, 0, "review.accept-theirs", NULL);
  for (i = 0; i < 9; i++)
    {
      add_key (widget_class, GDK_KEY_1 + i, 0, "review.accept", "u", i);
      add_key (widget_class, GDK_KEY_KP_1 + i, 0, "review.accept", "u", i);
      add_key (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "review.toggle-annotator", "u", i);
    }
  add_key (widget_class, GDK_KEY_b, 0, "review.accept-both", NULL);
  add_key (widget_class, GDK_KEY_0, 0, "review.accept-neither", NULL);
  add_key (widget_class, GDK_KEY_KP_0, 0, "review.accept-neither", NULL);
  add_key (widget_class, GDK_KEY_Delete, 0, "review.accept-neither", NULL);
  add_key (widget_class, GDK_KEY_a, 0, "review.accept-agreed", NULL);
  add_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "review.move-start", "i", -2);
  add_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "review.move-start", "i", 2);
  add_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "review.move-end", "i", -2);
  add_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "review.move-end", "i", 2);
  add_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK, "review.move-start", "i", -1);
  add_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK, "review.move-start", "i", 1);
  add_key (widget_class, GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.move-end", "i", -1);
  add_key (widget_class, GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.move-end", "i", 1);
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "review.undo", NULL);
  add_key (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.redo", NULL);
  add_key (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "review.save", NULL);
  add_key (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.save-as", NULL);
  add_key (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "review.close", NULL);
}

static void
am_review_window_init (AmReviewWindow *self)
{
  static const struct {
    guint            keyval;
    GdkModifierType  mods;
    const char      *action;
    int              step;
  } captured[] = {
    { GDK_KEY_Down, GDK_CONTROL_MASK, "review.next-difference", 0 },
    { GDK_KEY_Up, GDK_CONTROL_MASK, "review.previous-difference", 0 },
    { GDK_KEY_Delete, 0, "review.accept-neither", 0 },
    { GDK_KEY_Left, GDK_ALT_MASK, "review.move-start", -2 },
    { GDK_KEY_Right, GDK_ALT_MASK, "review.move-start", 2 },
    { GDK_KEY_Left, GDK_ALT_MASK | GDK_SHIFT_MASK, "review.move-end", -2 },
    { GDK_KEY_Right, GDK_ALT_MASK | GDK_SHIFT_MASK, "review.move-end", 2 },
    { GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK, "review.move-start", -1 },
    { GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK, "review.move-start", 1 },
    { GDK_KEY_Left, GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.move-end", -1 },
    { GDK_KEY_Right, GDK_ALT_MASK | GDK_CONTROL_MASK | GDK_SHIFT_MASK, "review.move-end", 1 },
  };
  GtkEventController *controller;
  guint i;

  self->units = g_strdup ("tokens");
  self->rejected = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->rows = g_hash_table_new (NULL, NULL);
  self->undo_stack = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->undo_stack, (GDestroyNotify) step_clear);
  self->redo_stack = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->redo_stack, (GDestroyNotify) step_clear);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The article view binds these keys itself (paragraph moves, delete);
   * caught on the way down, they reach the review's actions wherever the focus is.
   */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (i = 0; i < G_N_ELEMENTS (captured); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (captured[i].keyval, captured[i].mods),
                                                gtk_named_action_new (captured[i].action));

      if (captured[i].step != 0)
        gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (captured[i].step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
ensure_style (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkCssProvider *provider;

  if (g_object_get_data (G_OBJECT (display), "am-review-style") != NULL)
    return;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/org/argumark/Argumark/am-review-window.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_set_data_full (G_OBJECT (display), "am-review-style", provider, g_object_unref);
}

static char *
reviewer_name (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *name = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);

      name = g_settings_get_string (settings, "annotator-name");
    }
  if (name == NULL || *g_strstrip (name) == '\0')
    {
      g_free (name);
      name = g_strdup (g_get_real_name ());
    }
  return g_steal_pointer (&name);
}

/* Spans every present annotator has, as the first present document holds them. */
static GPtrArray *
collect_agreed (AmAdjudication *adjudication,
                AmAgreement    *agreement)
{
  GPtrArray *agreed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) in_differences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *differences = am_adjudication_get_differences (adjudication);
  AmDocument *reference = NULL;
  GListModel *annotations;
  guint n;
  guint i;

  for (i = 0; i < am_agreement_get_n_annotators (agreement) && reference == NULL; i++)
    if (!am_agreement_is_missing (agreement, i))
      reference = am_agreement_get_document (agreement, i);
  if (reference == NULL)
    return agreed;

  n = g_list_model_get_n_items (differences);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);
      guint c;

      for (c = 0; c < am_difference_get_n_candidates (difference); c++)
        g_hash_table_add (in_differences,
                          g_strdup_printf ("%u:%u:%s", am_difference_get_candidate_start (difference, c),
                                           am_difference_get_candidate_end (difference, c),
                                           am_difference_get_candidate_label (difference, c)));
    }

  annotations = am_document_get_annotations (reference);
  n = g_list_model_get_n_items (annotations);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);
      g_autofree char *key = g_strdup_printf ("%u:%u:%s", am_annotation_get_start (ann),
                                              am_annotation_get_end (ann), am_annotation_get_label (ann));

      if (!g_hash_table_contains (in_differences, key))
        g_ptr_array_add (agreed, g_steal_pointer (&ann));
    }
  return agreed;
}

/**
 * am_review_window_new:
 * @mine: the reviewer's own document
 * @mine_file: (nullable): where @mine is saved, to propose where the gold goes
 * @theirs: (array length=n_theirs): colleagues' documents of the same article
 *
 * Compares @mine with @theirs (or only @theirs, when @mine is a new document
 * without spans and there are two of them or more: the reviewer only
 * adjudicates). Documents whose text differs are placed on the first one's
 * text by quote, and the window says how many spans moved or could not
 * be placed; a different article is refused with %AM_DOCUMENT_ERROR_TEXT_MISMATCH.
 *
 * Returns: (transfer full): the window, or %NULL with @error set
 */
AmReviewWindow *
am_review_window_new (GtkApplication      *application,
                      AmDocument          *mine,
                      GFile               *mine_file,
                      AmDocument * const  *theirs,
                      guint                n_theirs,
                      GError             **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AmAdjudication) adjudication = NULL;
  g_autoptr(AmAgreement) agreement = NULL;
  g_autofree char *reviewer = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  GtkSignalListItemFactory *factory;
  AmReviewWindow *self;
  gboolean mine_included;
  guint i;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (AM_IS_DOCUMENT (mine), NULL);
  g_return_val_if_fail (mine_file == NULL || G_IS_FILE (mine_file), NULL);
  g_return_val_if_fail (theirs != NULL, NULL);
  g_return_val_if_fail (n_theirs > 0, NULL);

  /* A reviewer who did not annotate the article (a new document without
   * spans) only adjudicates, when there are colleagues enough to compare.
   */
  mine_included = n_theirs < 2 || am_document_get_status (mine) != AM_DOCUMENT_STATUS_NEW ||
                  g_list_model_get_n_items (am_document_get_annotations (mine)) > 0;
  if (mine_included)
    g_ptr_array_add (documents, g_object_ref (mine));
  for (i = 0; i < n_theirs; i++)
    g_ptr_array_add (documents, g_object_ref (theirs[i]));

  reviewer = reviewer_name ();
  adjudication = am_adjudication_new ((AmDocument * const *) documents->pdata, documents->len,
                                      NULL, reviewer, error);
  if (adjudication == NULL)
    return NULL;
  agreement = am_agreement_compute ((AmDocument * const *) documents->pdata, documents->len,
                                    NULL, AM_AGREEMENT_UNITS_TOKENS, error);
  if (agreement == NULL)
    return NULL;

  self = g_object_new (AM_TYPE_REVIEW_WINDOW, "application", application, NULL);
  ensure_style (GTK_WIDGET (self));

  /* Its own shortcuts under the usual win.show-help-overlay, in place of the
   * main window's that the application gave it.
   */
  builder = gtk_builder_new_from_resource ("/org/argumark/Argumark/ui/am-review-shortcuts.ui");
  gtk_application_window_set_help_overlay (GTK_APPLICATION_WINDOW (self),
                                           GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "review_shortcuts")));
  self->adjudication = g_steal_pointer (&adjudication);
  self->documents = g_steal_pointer (&documents);
  self->mine_included = mine_included;
  g_set_object (&self->mine_file, mine_file);

  g_signal_connect_object (am_adjudication_get_gold (self->adjudication), "changed",
                           G_CALLBACK (gold_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (am_adjudication_get_gold (self->adjudication), "annotation-added",
                           G_CALLBACK (gold_spans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (am_adjudication_get_gold (self->adjudication), "annotation-removed",
                           G_CALLBACK (gold_spans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (am_adjudication_get_gold (self->adjudication), "annotation-changed",
                           G_CALLBACK (gold_spans_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (am_adjudication_get_gold (self->adjudication), "notify::modified",
                           G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  self->agreed = collect_agreed (self->adjudication, agreement);
  self->agreement = g_object_ref (agreement);
  am_review_view_set_adjudication (self->review_view, self->adjudication, self->agreed);
  g_signal_connect_object (self->review_view, "difference-activated",
                           G_CALLBACK (difference_activated_cb), self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (g_object_ref (am_adjudication_get_differences (self->adjudication)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, 0);
  gtk_list_view_set_factory (self->differences_view, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);
  gtk_list_view_set_model (self->differences_view, GTK_SELECTION_MODEL (self->selection));

  build_annotators (self);
  build_legend (self);
  build_pairs (self);
  show_agreement (self);
  g_signal_connect_object (self->pair_dropdown, "notify::selected", G_CALLBACK (pair_changed_cb),
                           self, G_CONNECT_SWAPPED);

  if (am_agreement_get_n_moved (agreement) > 0 || am_agreement_get_n_unplaced (agreement) > 0)
    {
      g_autofree char *moved = g_strdup_printf (ngettext ("%u span was moved to this version of the article’s text",
                                                          "%u spans were moved to this version of the article’s text",
                                                          am_agreement_get_n_moved (agreement)),
                                                am_agreement_get_n_moved (agreement));
      g_autofree char *unplaced = g_strdup_printf (ngettext ("%u could not be placed and is left out",
                                                             "%u could not be placed and are left out",
                                                             am_agreement_get_n_unplaced (agreement)),
                                                   am_agreement_get_n_unplaced (agreement));
      g_autofree char *message = g_strdup_printf ("%s; %s.", moved, unplaced);

      show_message (self, message);
    }

  if (g_list_model_get_n_items (am_adjudication_get_differences (self->adjudication)) > 0)
    am_review_window_select (self, 0);
  else if (am_agreement_get_n_moved (agreement) == 0 && am_agreement_get_n_unplaced (agreement) == 0)
    show_message (self, _("No differences: every annotator has the same spans. "
                          "Accept Agreed puts them into the gold version."));
  update_state (self);

  return self;
}

AmAdjudication *
am_review_window_get_adjudication (AmReviewWindow *self)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), NULL);

  return self->adjudication;
}

/**
 * am_review_window_get_agreement:
 *
 * Returns: (transfer none): the agreement shown, in the units chosen
 */
AmAgreement *
am_review_window_get_agreement (AmReviewWindow *self)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), NULL);

  return self->agreement;
}

AmDocument *
am_review_window_get_gold (AmReviewWindow *self)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), NULL);

  return am_adjudication_get_gold (self->adjudication);
}

GFile *
am_review_window_get_gold_file (AmReviewWindow *self)
{
  g_return_val_if_fail (AM_IS_REVIEW_WINDOW (self), NULL);

  return self->gold_file;
}

/**
 * am_review_window_set_gold_file:
 * @file: (nullable): where Save writes the gold version without asking
 */
void
am_review_window_set_gold_file (AmReviewWindow *self,
                                GFile          *file)
{
  g_return_if_fail (AM_IS_REVIEW_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->gold_file, file);
}

/* ---------------------------------------------------------------------- */
/* Choosing colleagues' files */

typedef struct
{
  GtkWindow  *parent;
  AmDocument *mine;
  GFile      *mine_file;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->mine);
  g_clear_object (&choice->mine_file);
  g_free (choice);
}

/* In the main window's message area, or in a dialog over another window. */
static void
report_error (GtkWindow    *parent,
              const char   *primary,
              const GError *error)
{
  GtkWidget *dialog;

  if (AM_IS_WINDOW (parent))
    {
      am_window_show_error (AM_WINDOW (parent), primary, error);
      return;
    }

  dialog = gtk_message_dialog_new (parent, GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", primary);

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_dialog_response_cb (GtkFileChooserNative *dialog,
                         int                   response,
                         Choice               *choice)
{
  g_autoptr(GPtrArray) theirs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  AmReviewWindow *window;
  guint i;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
  for (i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      AmDocument *doc;

      /* The reviewer's own file may be chosen with the others: it is mine already. */
      if (choice->mine_file != NULL && g_file_equal (file, choice->mine_file))
        continue;
      doc = am_document_open (file, NULL, &error);
      if (doc == NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *primary = g_strdup_printf (_("Could not open “%s” for review"), name);

          report_error (choice->parent, primary, error);
          goto out;
        }
      g_ptr_array_add (theirs, doc);
    }
  if (theirs->len == 0)
    goto out;

  window = am_review_window_new (gtk_window_get_application (choice->parent), choice->mine, choice->mine_file,
                                 (AmDocument * const *) theirs->pdata, theirs->len, &error);
  if (window == NULL)
    {
      report_error (choice->parent, _("These documents cannot be reviewed together"), error);
      goto out;
    }
  gtk_window_present (GTK_WINDOW (window));

out:
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (dialog));
  g_object_unref (dialog);
  choice_free (choice);
}

/**
 * am_review_window_choose:
 * @parent: the main window
 * @mine: the document open in @parent
 * @mine_file: (nullable): where @mine is saved
 *
 * Asks for one or more colleagues' files of the same article and opens a
 * review window on them and @mine; failures are shown in a dialog over @parent.
 */
void
am_review_window_choose (GtkWindow  *parent,
                         AmDocument *mine,
                         GFile      *mine_file)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;
  Choice *choice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (AM_IS_DOCUMENT (mine));
  g_return_if_fail (mine_file == NULL || G_IS_FILE (mine_file));

  dialog = gtk_file_chooser_native_new (_("Review: Choose Colleagues’ Annotations"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Review"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_filter_set_name (filter, _("Argumark documents"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (mine_file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (mine_file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
    }

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->mine = g_object_ref (mine);
  choice->mine_file = mine_file != NULL ? g_object_ref (mine_file) : NULL;
  g_signal_connect (dialog, "response", G_CALLBACK (open_dialog_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
