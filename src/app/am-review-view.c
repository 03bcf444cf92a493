/* am-review-view.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-review-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-review-view.h"

struct _AmReviewView
{
  GtkTextView     parent_instance;

  AmAdjudication *adjudication;
  AmDocument     *gold;
  GPtrArray      *agreed;        /* AmAnnotation */
  GtkTextTagTable *tags;         /* shared by every buffer the view shows */
  AmDifference   *current;
  guint           n_pending;     /* gold edits in the current history step */
  guint64         hidden;        /* bit d: annotator d is hidden */
  gboolean        dark;
};

G_DEFINE_FINAL_TYPE (AmReviewView, am_review_view, GTK_TYPE_TEXT_VIEW)

enum {
  DIFFERENCE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Told apart by shape as well as by color, for color-blind readers and print. */
static const struct {
  const char     *color;
  PangoUnderline  underline;
} kind_styles[] = {
  [AM_DIFFERENCE_LABEL] = { "#c88800", PANGO_UNDERLINE_ERROR },
  [AM_DIFFERENCE_BOUNDARY] = { "#1c71d8", PANGO_UNDERLINE_DOUBLE },
  [AM_DIFFERENCE_LABEL_AND_BOUNDARY] = { "#9141ac", PANGO_UNDERLINE_ERROR },
  [AM_DIFFERENCE_MISSING] = { "#c01c28", PANGO_UNDERLINE_LOW },
};

static const char * const annotator_colors[] = {
  "#1a5fb4", "#26a269", "#c64600", "#813d9c", "#a51d2d", "#865e3c", "#0e7c86", "#5e5c64",
};

const char *
am_review_view_get_kind_color (AmDifferenceKind kind)
{
  g_return_val_if_fail (kind <= AM_DIFFERENCE_MISSING, NULL);

  return kind_styles[kind].color;
}

/**
 * am_review_view_dup_annotator_color:
 *
 * Returns: (transfer full): the color that stands for annotator @annotator in
 *   the color key, as "#rrggbb"
 */
char *
am_review_view_dup_annotator_color (guint annotator)
{
  return g_strdup (annotator_colors[annotator % G_N_ELEMENTS (annotator_colors)]);
}

static const char *
label_color (AmReviewView *self,
             const char   *label_id)
{
  AmLabel *label = am_label_schema_lookup_label (am_document_get_schema (self->gold), label_id);

  if (label == NULL)
    return "#888888";
  if (self->dark && am_label_get_dark_color (label) != NULL)
    return am_label_get_dark_color (label);
  return am_label_get_color (label);
}

static void
color_tag (AmReviewView *self,
           GtkTextTag   *tag,
           const char   *kind,
           const char   *label_id)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, label_color (self, label_id));
  if (g_str_equal (kind, "agreed"))
    rgba.alpha = self->dark ? 0.45 : 0.35;
  else
    rgba.alpha = self->dark ? 0.25 : 0.18;
  g_object_set (tag, "background-rgba", &rgba, NULL);
}

/* The difference being settled, in a color of its own. */
static void
color_current (AmReviewView *self,
               GtkTextTag   *current)
{
  GdkRGBA rgba;

  gdk_rgba_parse (&rgba, self->dark ? "rgba(205, 147, 9, 0.55)" : "rgba(248, 228, 92, 0.7)");
  g_object_set (current, "background-rgba", &rgba, NULL);
}

static GtkTextTag *
ensure_tag (AmReviewView *self,
            const char   *kind,
            const char   *label_id)
{
  GtkTextTagTable *table = self->tags;
  g_autofree char *name = g_strdup_printf ("%s:%s", kind, label_id);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    return tag;

  tag = gtk_text_tag_new (name);
  if (g_str_equal (kind, "agreed") || g_str_equal (kind, "candidate"))
    color_tag (self, tag, kind, label_id);
  else
    {
      /* No "overline-rgba": GTK 4.8 frees it twice when it copies text
       * attributes; the line takes the text's color.
       */
      g_object_set (tag,
                    "overline", PANGO_OVERLINE_SINGLE,
                    "weight", PANGO_WEIGHT_BOLD,
                    NULL);
    }
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return tag;
}

static GtkTextTag *
kind_tag (AmReviewView     *self,
          AmDifferenceKind  kind)
{
  GtkTextTagTable *table = self->tags;
  const char *name = am_difference_kind_to_string (kind);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);
  GdkRGBA rgba;

  if (tag != NULL)
    return tag;

  gdk_rgba_parse (&rgba, kind_styles[kind].color);
  tag = gtk_text_tag_new (name);
  g_object_set (tag,
                "underline", kind_styles[kind].underline,
                "underline-rgba", &rgba,
                NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);
  return tag;
}

static void
apply_to (GtkTextBuffer *buffer,
          GtkTextTag    *tag,
          guint          start,
          guint          end,
          gboolean       on)
{
  GtkTextIter s;
  GtkTextIter e;

  gtk_text_buffer_get_iter_at_offset (buffer, &s, start);
  gtk_text_buffer_get_iter_at_offset (buffer, &e, end);
  if (on)
    gtk_text_buffer_apply_tag (buffer, tag, &s, &e);
  else
    gtk_text_buffer_remove_tag (buffer, tag, &s, &e);
}

static void
apply (AmReviewView *self,
       GtkTextTag   *tag,
       guint         start,
       guint         end,
       gboolean      on)
{
  apply_to (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self)), tag, start, end, on);
}

static gboolean
candidate_visible (AmReviewView *self,
                   AmDifference *difference,
                   guint         candidate)
{
  guint n = am_adjudication_get_n_documents (self->adjudication);
  guint d;

  for (d = 0; d < n; d++)
    if (am_difference_candidate_has (difference, candidate, d) && !(self->hidden & (G_GUINT64_CONSTANT (1) << d)))
      return TRUE;
  return FALSE;
}

/* A fresh buffer takes its tags far faster than one a view lays out, so
 * every full redraw (a new review, an annotator shown or hidden) builds one.
 */
static void
rebuild (AmReviewView *self)
{
  g_autoptr(GtkTextBuffer) buffer = gtk_text_buffer_new (self->tags);
  GListModel *differences = am_adjudication_get_differences (self->adjudication);
  GListModel *annotations = am_document_get_annotations (self->gold);
  guint n = g_list_model_get_n_items (differences);
  guint64 all = 0;
  GtkTextIter cursor;
  guint i;

  for (i = 0; i < am_adjudication_get_n_documents (self->adjudication); i++)
    all |= G_GUINT64_CONSTANT (1) << i;

  gtk_text_buffer_set_text (buffer, am_document_get_text_utf8 (self->gold), -1);

  if ((self->hidden & all) != all)
    for (i = 0; i < self->agreed->len; i++)
      {
        AmAnnotation *ann = g_ptr_array_index (self->agreed, i);

        apply_to (buffer, ensure_tag (self, "agreed", am_annotation_get_label (ann)),
                  am_annotation_get_start (ann), am_annotation_get_end (ann), TRUE);
      }

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);
      GtkTextTag *underline = kind_tag (self, am_difference_get_kind (difference));
      guint c;

      for (c = 0; c < am_difference_get_n_candidates (difference); c++)
        {
          guint start = am_difference_get_candidate_start (difference, c);
          guint end = am_difference_get_candidate_end (difference, c);

          if (!candidate_visible (self, difference, c))
            continue;
          apply_to (buffer, ensure_tag (self, "candidate", am_difference_get_candidate_label (difference, c)),
                    start, end, TRUE);
          apply_to (buffer, underline, start, end, TRUE);
        }
    }

  n = g_list_model_get_n_items (annotations);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);

      apply_to (buffer, ensure_tag (self, "gold", am_annotation_get_label (ann)),
                am_annotation_get_start (ann), am_annotation_get_end (ann), TRUE);
    }

  if (self->current != NULL)
    {
      apply_to (buffer, gtk_text_tag_table_lookup (self->tags, "current"),
                am_difference_get_start (self->current), am_difference_get_end (self->current), TRUE);
      gtk_text_buffer_get_iter_at_offset (buffer, &cursor, am_difference_get_start (self->current));
    }
  else
    gtk_text_buffer_get_start_iter (buffer, &cursor);
  gtk_text_buffer_place_cursor (buffer, &cursor);

  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self), buffer);
  if (self->current != NULL)
    gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer),
                                  0.1, FALSE, 0.0, 0.3);
}

static void
show_gold_span (AmReviewView *self,
                AmAnnotation *annotation,
                gboolean      on)
{
  apply (self, ensure_tag (self, "gold", am_annotation_get_label (annotation)),
         am_annotation_get_start (annotation), am_annotation_get_end (annotation), on);
}

/* Removing one span's tag may uncover others of the same label. */
static void
reshow_gold (AmReviewView *self,
             const char   *label,
             guint         start,
             guint         end)
{
  GListModel *annotations = am_document_get_annotations (self->gold);
  guint n = g_list_model_get_n_items (annotations);
  guint i;

  apply (self, ensure_tag (self, "gold", label), start, end, FALSE);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) ann = g_list_model_get_item (annotations, i);

      if (am_annotation_get_start (ann) >= end)
        break;
      if (am_annotation_get_end (ann) > start && g_str_equal (am_annotation_get_label (ann), label))
        show_gold_span (self, ann, TRUE);
    }
}

/* A step that adds or removes many spans at once (accept agreed, or its undo)
 * is shown by one rebuild when the step ends, not span by span.
 */
#define MAX_INCREMENTAL_EDITS 64

static gboolean
take_edit (AmReviewView *self)
{
  return ++self->n_pending <= MAX_INCREMENTAL_EDITS;
}

static void
annotation_added_cb (AmReviewView *self,
                     AmAnnotation *annotation)
{
  if (take_edit (self))
    show_gold_span (self, annotation, TRUE);
}

static void
annotation_removed_cb (AmReviewView *self,
                       AmAnnotation *annotation)
{
  if (take_edit (self))
    reshow_gold (self, am_annotation_get_label (annotation),
                 am_annotation_get_start (annotation), am_annotation_get_end (annotation));
}

static void
annotation_changed_cb (AmReviewView *self,
                       AmAnnotation *annotation,
                       guint         old_start,
                       guint         old_end)
{
  if (!take_edit (self))
    return;
  reshow_gold (self, am_annotation_get_label (annotation), old_start, old_end);
  show_gold_span (self, annotation, TRUE);
}

static void
gold_changed_cb (AmReviewView *self)
{
  if (self->n_pending > MAX_INCREMENTAL_EDITS)
    rebuild (self);
  self->n_pending = 0;
}

static AmDifference *
difference_at (AmReviewView *self,
               guint         offset)
{
  GListModel *differences = am_adjudication_get_differences (self->adjudication);
  guint n = g_list_model_get_n_items (differences);
  guint i;

  for (i = 0; i < n; i++)
    {
      g_autoptr(AmDifference) difference = g_list_model_get_item (differences, i);

      if (am_difference_get_start (difference) > offset)
        break;
      if (offset < am_difference_get_end (difference))
        return g_steal_pointer (&difference);
    }
  return NULL;
}

static gboolean
offset_at (AmReviewView *self,
           double        x,
           double        y,
           guint        *offset)
{
  GtkTextIter iter;
  int bx;
  int by;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self), GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self), &iter, bx, by))
    return FALSE;
  *offset = gtk_text_iter_get_offset (&iter);
  return TRUE;
}

static gboolean
query_tooltip_cb (AmReviewView *self,
                  int           x,
                  int           y,
                  gboolean      keyboard,
                  GtkTooltip   *tooltip)
{
  g_autoptr(AmDifference) difference = NULL;
  g_autoptr(GString) markup = NULL;
  guint offset;
  guint c;

  if (self->adjudication == NULL || keyboard || !offset_at (self, x, y, &offset))
    return FALSE;
  difference = difference_at (self, offset);
  if (difference == NULL)
    return FALSE;

  markup = g_string_new (NULL);
  switch (am_difference_get_kind (difference))
    {
    case AM_DIFFERENCE_LABEL:
      g_string_append (markup, _("<b>Label disagreement</b>"));
      break;
    case AM_DIFFERENCE_BOUNDARY:
      g_string_append (markup, _("<b>Boundary disagreement</b>"));
      break;
    case AM_DIFFERENCE_LABEL_AND_BOUNDARY:
      g_string_append (markup, _("<b>Label and boundary disagreement</b>"));
      break;
    case AM_DIFFERENCE_MISSING:
    default:
      g_string_append (markup, _("<b>Only some annotators have this span</b>"));
      break;
    }
  for (c = 0; c < am_difference_get_n_candidates (difference); c++)
    {
      g_autofree char *who = g_strjoinv (", ", (char **) am_difference_get_candidate_annotators (difference, c));
      g_autofree char *line = NULL;

      /* TRANSLATORS: label: annotators; the mark says the gold version has it */
      line = g_markup_printf_escaped (_("\n%s%s: %s"),
                                      am_adjudication_is_accepted (self->adjudication, difference, c) ? "✓ " : "",
                                      am_difference_get_candidate_label (difference, c), who);
      g_string_append (markup, line);
    }
  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static void
released_cb (AmReviewView    *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  g_autoptr(AmDifference) difference = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  guint offset;

  /* A drag selects text; only a plain click picks a difference. */
  if (self->adjudication == NULL || n_press != 1 || gtk_text_buffer_get_has_selection (buffer) ||
      !offset_at (self, x, y, &offset))
    return;
  difference = difference_at (self, offset);
  if (difference != NULL)
    g_signal_emit (self, signals[DIFFERENCE_ACTIVATED], 0, difference);
}

static void
recolor_tag_cb (GtkTextTag *tag,
                gpointer    user_data)
{
  AmReviewView *self = user_data;
  g_autofree char *name = NULL;
  char *colon;

  g_object_get (tag, "name", &name, NULL);
  colon = strchr (name, ':');
  if (colon == NULL)
    return;
  *colon = '\0';
  if (g_str_equal (name, "agreed") || g_str_equal (name, "candidate"))
    color_tag (self, tag, name, colon + 1);
}

/* Dark mode uses the labels' dark colors, also when it changes during a review. */
static void
dark_changed_cb (AmReviewView *self)
{
  gboolean dark = FALSE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-application-prefer-dark-theme", &dark, NULL);
  if (dark == self->dark)
    return;
  self->dark = dark;
  if (self->adjudication == NULL)
    return;
  gtk_text_tag_table_foreach (self->tags, recolor_tag_cb, self);
  color_current (self, gtk_text_tag_table_lookup (self->tags, "current"));
}

static void
am_review_view_dispose (GObject *object)
{
  AmReviewView *self = (AmReviewView *)object;

  if (self->gold != NULL)
    g_signal_handlers_disconnect_by_data (self->gold, self);
  g_clear_object (&self->gold);
  g_clear_object (&self->adjudication);
  g_clear_pointer (&self->agreed, g_ptr_array_unref);
  g_clear_object (&self->current);
  g_clear_object (&self->tags);

  G_OBJECT_CLASS (am_review_view_parent_class)->dispose (object);
}

static void
am_review_view_class_init (AmReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = am_review_view_dispose;

  /**
   * AmReviewView::difference-activated:
   * @difference: the difference under the pointer
   *
   * Emitted when a click lands on a difference's span.
   */
  signals[DIFFERENCE_ACTIVATED] =
    g_signal_new ("difference-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, AM_TYPE_DIFFERENCE);

  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "textview");
}

static void
am_review_view_init (AmReviewView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_text_view_set_editable (GTK_TEXT_VIEW (self), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self), 32);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self), 32);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self), 24);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self), 24);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self), 6);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self), 6);
  self->tags = g_object_ref (gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (GTK_TEXT_VIEW (self))));
  gtk_widget_add_css_class (GTK_WIDGET (self), "review-view");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
}

GtkWidget *
am_review_view_new (void)
{
  return g_object_new (AM_TYPE_REVIEW_VIEW, NULL);
}

/**
 * am_review_view_set_adjudication:
 * @agreed: (element-type AmAnnotation): the spans every annotator has
 *
 * Shows the article of @adjudication with the spans of its documents and of
 * its gold document, which it then follows.
 */
void
am_review_view_set_adjudication (AmReviewView   *self,
                                 AmAdjudication *adjudication,
                                 GPtrArray      *agreed)
{
  GtkTextTag *current;
  GListModel *labels;
  GtkSettings *settings;
  gboolean dark = FALSE;
  guint n;
  guint i;

  g_return_if_fail (AM_IS_REVIEW_VIEW (self));
  g_return_if_fail (AM_IS_ADJUDICATION (adjudication));
  g_return_if_fail (agreed != NULL);
  g_return_if_fail (self->adjudication == NULL);

  settings = gtk_widget_get_settings (GTK_WIDGET (self));
  g_object_get (settings, "gtk-application-prefer-dark-theme", &dark, NULL);
  self->dark = dark;
  g_signal_connect_object (settings, "notify::gtk-application-prefer-dark-theme",
                           G_CALLBACK (dark_changed_cb), self, G_CONNECT_SWAPPED);
  self->adjudication = g_object_ref (adjudication);
  self->gold = g_object_ref (am_adjudication_get_gold (adjudication));
  self->agreed = g_ptr_array_ref (agreed);

  /* Created in order of priority: gold above difference marks above agreed spans. */
  labels = am_label_schema_get_labels (am_document_get_schema (self->gold));
  n = g_list_model_get_n_items (labels);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

      ensure_tag (self, "agreed", am_label_get_id (label));
    }
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

      ensure_tag (self, "candidate", am_label_get_id (label));
    }
  for (i = AM_DIFFERENCE_LABEL; i <= AM_DIFFERENCE_MISSING; i++)
    kind_tag (self, i);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmLabel) label = g_list_model_get_item (labels, i);

      ensure_tag (self, "gold", am_label_get_id (label));
    }
  current = gtk_text_tag_new ("current");
  color_current (self, current);
  gtk_text_tag_table_add (self->tags, current);
  g_object_unref (current);

  rebuild (self);

  g_signal_connect_object (self->gold, "annotation-added", G_CALLBACK (annotation_added_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gold, "annotation-removed", G_CALLBACK (annotation_removed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gold, "annotation-changed", G_CALLBACK (annotation_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->gold, "changed", G_CALLBACK (gold_changed_cb), self, G_CONNECT_SWAPPED);
}

void
am_review_view_set_annotator_visible (AmReviewView *self,
                                      guint         annotator,
                                      gboolean      visible)
{
  guint64 bit;

  g_return_if_fail (AM_IS_REVIEW_VIEW (self));
  g_return_if_fail (annotator < 64);

  bit = G_GUINT64_CONSTANT (1) << annotator;
  if (visible == !(self->hidden & bit))
    return;
  if (visible)
    self->hidden &= ~bit;
  else
    self->hidden |= bit;
  if (self->adjudication != NULL)
    rebuild (self);
}

gboolean
am_review_view_get_annotator_visible (AmReviewView *self,
                                      guint         annotator)
{
  g_return_val_if_fail (AM_IS_REVIEW_VIEW (self), FALSE);
  g_return_val_if_fail (annotator < 64, FALSE);

  return !(self->hidden & (G_GUINT64_CONSTANT (1) << annotator));
}

/**
 * am_review_view_show_difference:
 *
 * Selects the text of @difference and scrolls it into view.
 */
void
am_review_view_show_difference (AmReviewView *self,
                                AmDifference *difference)
{
  GtkTextBuffer *buffer;
  GtkTextTag *current;
  GtkTextIter start;
  GtkTextIter end;

  g_return_if_fail (AM_IS_REVIEW_VIEW (self));
  g_return_if_fail (AM_IS_DIFFERENCE (difference));

  g_set_object (&self->current, difference);

  /* A tag rather than the selection, which would hide the marks beneath. */
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  current = gtk_text_tag_table_lookup (self->tags, "current");
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, current, &start, &end);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, am_difference_get_start (difference));
  gtk_text_buffer_get_iter_at_offset (buffer, &end, am_difference_get_end (difference));
  gtk_text_buffer_apply_tag (buffer, current, &start, &end);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self), gtk_text_buffer_get_insert (buffer),
                                0.1, FALSE, 0.0, 0.3);
}
