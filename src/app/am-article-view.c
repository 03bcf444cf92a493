/* am-article-view.c
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "am-article-view"

#include "config.h"

#include <glib/gi18n.h>

#include "am-article-view.h"

/* Spans are shown with GtkTextTags shared by all annotations of one label at
 * one nesting level, never one tag per annotation: GtkTextBuffer keeps tags
 * in a table and toggles in its B-tree, and 20,000 tags make both slow.
 * Levels deeper than this share the deepest style.
 */
#define N_LEVELS 3

/* Readable line length, in average character widths. */
#define MAX_LINE_CHARS 72
#define MIN_MARGIN 24

#define MAX_TITLE_CHARS 160

typedef struct
{
  AmAnnotation *annotation;
  guint         start;
  guint         end;
  guint         label;
  guint         level;
} Entry;

typedef struct
{
  guint start;
  guint end;
} Range;

struct _AmArticleView
{
  GtkWidget       parent_instance;

  GtkWidget      *scroller;
  GtkTextView    *text_view;
  GtkTextBuffer  *buffer;
  GtkTextTag     *body_tag;
  GtkTextTag     *title_tag;
  GtkCssProvider *font_provider;
  GtkWidget      *menu_popover;

  AmDocument     *document;
  AmAnnotation   *selected;
  AmSnapMode      snap_mode;
  int             font_size;
  guint           dark : 1;

  /* The document's labels in schema order, one more for labels the schema
   * does not know, and their tags: tags[label * N_LEVELS + level].
   */
  GPtrArray      *labels;
  GHashTable     *label_index;
  GPtrArray      *tags;

  /* The annotations, outer spans first (compare_entries()), mirrored
   * from the document so that nesting levels and overlaps are found
   * without going through GListModel for each of them.
   */
  GArray         *entries;

  int             last_width;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED_ANNOTATION,
  PROP_SNAP_MODE,
  PROP_FONT_SIZE,
  PROP_DARK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void select_annotation (AmArticleView *self,
                               AmAnnotation  *annotation,
                               gboolean       scroll);

/* The text view draws the outline of the selected annotation and of the
 * spans linked to it, over the shared tags, which cannot carry per-span
 * styles.
 */
#define AM_TYPE_ARTICLE_TEXT (am_article_text_get_type ())
G_DECLARE_FINAL_TYPE (AmArticleText, am_article_text, AM, ARTICLE_TEXT, GtkTextView)

struct _AmArticleText
{
  GtkTextView    parent_instance;
  AmArticleView *view;
};

G_DEFINE_FINAL_TYPE (AmArticleText, am_article_text, GTK_TYPE_TEXT_VIEW)
G_DEFINE_FINAL_TYPE (AmArticleView, am_article_view, GTK_TYPE_WIDGET)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->annotation);
}

static const char *
label_color (AmArticleView *self,
             guint          label)
{
  if (label < self->labels->len)
    {
      AmLabel *l = g_ptr_array_index (self->labels, label);

      return self->dark ? am_label_get_dark_color (l) : am_label_get_color (l);
    }

  return self->dark ? "#c0bfbc" : "#77767b";
}

static void
parse_color (const char *spec,
             double      alpha,
             GdkRGBA    *rgba)
{
  if (!gdk_rgba_parse (rgba, spec))
    gdk_rgba_parse (rgba, "#77767b");
  rgba->alpha = alpha;
}

/* The underline tells labels apart without color: solid, double, wavy,
 * then low, in schema order.
 */
static PangoUnderline
label_underline (guint label)
{
  static const PangoUnderline styles[] = {
    PANGO_UNDERLINE_SINGLE,
    PANGO_UNDERLINE_DOUBLE,
    PANGO_UNDERLINE_ERROR,
    PANGO_UNDERLINE_LOW,
  };

  return styles[label % G_N_ELEMENTS (styles)];
}

static double
level_alpha (AmArticleView *self,
             guint          level)
{
  static const double light[N_LEVELS] = { 0.16, 0.30, 0.44 };
  static const double dark[N_LEVELS] = { 0.22, 0.36, 0.50 };

  return self->dark ? dark[level] : light[level];
}

static void
style_tags (AmArticleView *self)
{
  guint label;
  guint level;

  for (label = 0; label <= self->labels->len; label++)
    for (level = 0; level < N_LEVELS; level++)
      {
        /* No overline-rgba: GTK 4.8 frees it twice with underline-rgba set
         * (the overline takes the text colour instead).
         */
        GtkTextTag *tag = g_ptr_array_index (self->tags, label * N_LEVELS + level);
        const char *color = label_color (self, label);
        GdkRGBA background;
        GdkRGBA line;

        parse_color (color, level_alpha (self, level), &background);
        parse_color (color, 1.0, &line);
        g_object_set (tag,
                      "background-rgba", &background,
                      "underline", label_underline (label),
                      "underline-rgba", &line,
                      "overline", level > 0 ? PANGO_OVERLINE_SINGLE : PANGO_OVERLINE_NONE,
                      NULL);
      }
}

static void
create_tags (AmArticleView *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (self->buffer);
  guint label;
  guint level;

  for (label = 0; label < self->tags->len; label++)
    gtk_text_tag_table_remove (table, g_ptr_array_index (self->tags, label));
  g_ptr_array_set_size (self->tags, 0);
  g_ptr_array_set_size (self->tags, (self->labels->len + 1) * N_LEVELS);

  /* A tag created later has the higher priority: deeper levels win. */
  for (level = 0; level < N_LEVELS; level++)
    for (label = 0; label <= self->labels->len; label++)
      {
        GtkTextTag *tag = gtk_text_tag_new (NULL);

        gtk_text_tag_table_add (table, tag);
        self->tags->pdata[label * N_LEVELS + level] = tag;
        g_object_unref (tag);
      }

  style_tags (self);
}

static GtkTextTag *
entry_tag (AmArticleView *self,
           const Entry   *entry)
{
  return g_ptr_array_index (self->tags, entry->label * N_LEVELS + MIN (entry->level, N_LEVELS - 1));
}

static guint
lookup_label (AmArticleView *self,
              const char    *id)
{
  gpointer value;

  if (g_hash_table_lookup_extended (self->label_index, id, NULL, &value))
    return GPOINTER_TO_UINT (value);

  return self->labels->len;
}

static void
entry_init (AmArticleView *self,
            Entry         *entry,
            AmAnnotation  *annotation)
{
  entry->annotation = g_object_ref (annotation);
  entry->start = am_annotation_get_start (annotation);
  entry->end = am_annotation_get_end (annotation);
  entry->label = lookup_label (self, am_annotation_get_label (annotation));
  entry->level = 0;
}

/* Outer spans first: by start, then the longer first. The document sorts
 * the shorter first, so the entries keep their own order.
 */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->start != eb->start)
    return ea->start < eb->start ? -1 : 1;
  if (ea->end != eb->end)
    return ea->end > eb->end ? -1 : 1;
  return am_annotation_compare (ea->annotation, eb->annotation);
}

/* A span's level is its nesting depth: the number of spans before it
 * (outer spans first) that are still open where it starts. A span nested
 * in another lies one level deeper and shows over it; and an edit changes
 * the levels only of the spans that start inside the edited one, which
 * keeps updates local however the spans chain through the article.
 */
static void
compute_levels (AmArticleView *self)
{
  g_autoptr(GArray) open = g_array_new (FALSE, FALSE, sizeof (guint));
  guint i;

  for (i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);
      guint j = 0;

      while (j < open->len)
        {
          Entry *other = &g_array_index (self->entries, Entry, g_array_index (open, guint, j));

          if (other->end <= entry->start)
            g_array_remove_index_fast (open, j);
          else
            j++;
        }

      entry->level = open->len;
      g_array_append_val (open, i);
    }
}

static void
get_iter (AmArticleView *self,
          GtkTextIter   *iter,
          guint          offset)
{
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, (int) offset);
}

static void
apply_range (AmArticleView *self,
             guint          tag,
             Range         *range)
{
  GtkTextIter start;
  GtkTextIter end;

  get_iter (self, &start, range->start);
  get_iter (self, &end, range->end);
  gtk_text_buffer_apply_tag (self->buffer, g_ptr_array_index (self->tags, tag), &start, &end);
  range->start = range->end = 0;
}

/* Removes every annotation tag from @range and puts back those of the
 * spans that overlap it.
 */
static void
retag_range (AmArticleView *self,
             const Range   *range)
{
  GtkTextIter start;
  GtkTextIter end;
  guint i;

  if (range->start >= range->end)
    return;

  get_iter (self, &start, range->start);
  get_iter (self, &end, range->end);
  for (i = 0; i < self->tags->len; i++)
    gtk_text_buffer_remove_tag (self->buffer, g_ptr_array_index (self->tags, i), &start, &end);

  for (i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->start >= range->end)
        break;
      if (entry->end <= range->start)
        continue;

      get_iter (self, &start, MAX (entry->start, range->start));
      get_iter (self, &end, MIN (entry->end, range->end));
      gtk_text_buffer_apply_tag (self->buffer, entry_tag (self, entry), &start, &end);
    }
}

static int
compare_ranges (gconstpointer a,
                gconstpointer b)
{
  const Range *ra = a;
  const Range *rb = b;

  if (ra->start != rb->start)
    return ra->start < rb->start ? -1 : 1;
  return 0;
}

/* Recomputes the levels after an edit, then retags only @dirty (the
 * ranges the edit touched) and the spans whose level changed.
 */
static void
update_after_edit (AmArticleView *self,
                   GArray        *dirty)
{
  g_autofree guint *before = g_new (guint, MAX (self->entries->len, 1));
  guint i;

  for (i = 0; i < self->entries->len; i++)
    before[i] = MIN (g_array_index (self->entries, Entry, i).level, N_LEVELS - 1);

  compute_levels (self);

  for (i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (MIN (entry->level, N_LEVELS - 1) != before[i])
        {
          Range range = { entry->start, entry->end };

          g_array_append_val (dirty, range);
        }
    }

  g_array_sort (dirty, compare_ranges);
  for (i = 0; i < dirty->len; i++)
    {
      Range merged = g_array_index (dirty, Range, i);

      while (i + 1 < dirty->len && g_array_index (dirty, Range, i + 1).start <= merged.end)
        {
          merged.end = MAX (merged.end, g_array_index (dirty, Range, i + 1).end);
          i++;
        }
      retag_range (self, &merged);
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

static gboolean
find_entry (AmArticleView *self,
            AmAnnotation  *annotation,
            guint         *index)
{
  guint i;

  for (i = 0; i < self->entries->len; i++)
    if (g_array_index (self->entries, Entry, i).annotation == annotation)
      {
        *index = i;
        return TRUE;
      }

  return FALSE;
}

/* The entry comes in at level 0, with no tag yet: update_after_edit()
 * computes its level, and its range is dirty anyway.
 */
static void
insert_entry (AmArticleView *self,
              AmAnnotation  *annotation,
              GArray        *dirty)
{
  Entry entry;
  guint position = 0;
  guint lo = 0;
  guint hi = self->entries->len;
  Range range;

  entry_init (self, &entry, annotation);
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (compare_entries (&g_array_index (self->entries, Entry, mid), &entry) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  position = lo;

  g_array_insert_val (self->entries, position, entry);
  range.start = entry.start;
  range.end = entry.end;
  g_array_append_val (dirty, range);
}

static void
annotation_added_cb (AmArticleView *self,
                     AmAnnotation  *annotation)
{
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (Range));

  insert_entry (self, annotation, dirty);
  update_after_edit (self, dirty);
}

static void
annotation_removed_cb (AmArticleView *self,
                       AmAnnotation  *annotation)
{
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (Range));
  guint index;

  if (find_entry (self, annotation, &index))
    {
      Entry *entry = &g_array_index (self->entries, Entry, index);
      Range range = { entry->start, entry->end };

      g_array_append_val (dirty, range);
      g_array_remove_index (self->entries, index);
    }

  update_after_edit (self, dirty);

  if (self->selected == annotation)
    am_article_view_set_selected_annotation (self, NULL);
}

static void
annotation_changed_cb (AmArticleView *self,
                       AmAnnotation  *annotation,
                       guint          old_start,
                       guint          old_end)
{
  g_autoptr(GArray) dirty = g_array_new (FALSE, FALSE, sizeof (Range));
  Range old_range = { old_start, old_end };
  guint index;

  if (find_entry (self, annotation, &index))
    {
      const Entry *entry = &g_array_index (self->entries, Entry, index);

      /* A new note or source list: nothing to retag. */
      if (entry->start == am_annotation_get_start (annotation) &&
          entry->end == am_annotation_get_end (annotation) &&
          entry->label == lookup_label (self, am_annotation_get_label (annotation)))
        {
          gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
          return;
        }

      g_array_remove_index (self->entries, index);
    }
  g_array_append_val (dirty, old_range);
  insert_entry (self, annotation, dirty);
  update_after_edit (self, dirty);
}

static void
links_changed_cb (AmArticleView *self)
{
  /* Only the outlines of the spans linked to the selection change. */
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
}

static void
rebuild_menu (AmArticleView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) clipboard_section = g_menu_new ();
  g_autoptr(GMenu) tag_section = g_menu_new ();
  g_autoptr(GMenu) relabel = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  guint i;

  g_menu_append (clipboard_section, _("_Copy"), "article.copy");
  g_menu_append (clipboard_section, _("Select _All"), "article.select-all");

  for (i = 0; i < self->labels->len; i++)
    {
      AmLabel *label = g_ptr_array_index (self->labels, i);
      const char *key = am_label_get_key (label);
      g_autofree char *tag_text = NULL;
      g_autoptr(GMenuItem) item = NULL;

      /* Translators: %s is a label name, such as "Claim" */
      tag_text = g_strdup_printf (_("Tag as %s"), am_label_get_name (label));
      item = g_menu_item_new (tag_text, NULL);
      g_menu_item_set_action_and_target (item, "doc.tag", "s", am_label_get_id (label));
      /* Imported labels may have no key. */
      if (key != NULL && key[0] != '\0')
        g_menu_item_set_attribute (item, "accel", "s", key);
      g_menu_append_item (tag_section, item);
      g_clear_object (&item);

      item = g_menu_item_new (am_label_get_name (label), NULL);
      g_menu_item_set_action_and_target (item, "doc.relabel", "s", am_label_get_id (label));
      g_menu_append_item (relabel, item);
    }

  g_menu_append_submenu (edit_section, _("Change Label To"), G_MENU_MODEL (relabel));
  g_menu_append (edit_section, _("Link To…"), "doc.link");
  g_menu_append (edit_section, _("Remove Links"), "doc.unlink");
  g_menu_append (edit_section, _("Edit Note…"), "doc.edit-note");
  g_menu_append (edit_section, _("Delete Annotation"), "doc.delete");

  /* A new model rather than an edited one: GtkPopoverMenu 4.8 would add
   * the submenu a second time.
   */
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clipboard_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (tag_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu_popover), G_MENU_MODEL (menu));
}

static void
disconnect_document (AmArticleView *self)
{
  if (self->document == NULL)
    return;

  g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
}

static void
load_document (AmArticleView *self)
{
  g_autofree Range *pending = NULL;
  GtkTextIter start;
  GtkTextIter end;
  GListModel *model;
  GListModel *labels;
  guint n;
  guint i;

  g_array_set_size (self->entries, 0);
  g_ptr_array_set_size (self->labels, 0);
  g_hash_table_remove_all (self->label_index);

  if (self->document == NULL)
    {
      gtk_text_buffer_set_text (self->buffer, "", 0);
      create_tags (self);
      rebuild_menu (self);
      return;
    }

  labels = am_label_schema_get_labels (am_document_get_schema (self->document));
  n = g_list_model_get_n_items (labels);
  for (i = 0; i < n; i++)
    {
      AmLabel *label = g_list_model_get_item (labels, i);

      g_hash_table_insert (self->label_index, (gpointer) am_label_get_id (label),
                           GUINT_TO_POINTER (i));
      g_ptr_array_add (self->labels, label);
    }

  /* Off the view while it fills, so that the 20,000 tags do not each
   * invalidate part of a layout that is rebuilt anyway.
   */
  gtk_text_view_set_buffer (self->text_view, NULL);
  gtk_text_buffer_set_text (self->buffer, am_document_get_text_utf8 (self->document),
                            (int) am_text_get_n_bytes (am_document_get_text (self->document)));
  create_tags (self);
  rebuild_menu (self);

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_apply_tag (self->buffer, self->body_tag, &start, &end);

  /* A short first line is the headline; a long one is the first
   * paragraph of an article that has none.
   */
  end = start;
  gtk_text_iter_forward_to_line_end (&end);
  if (gtk_text_iter_get_offset (&end) <= MAX_TITLE_CHARS && !gtk_text_iter_is_end (&end))
    gtk_text_buffer_apply_tag (self->buffer, self->title_tag, &start, &end);

  model = am_document_get_annotations (self->document);
  n = g_list_model_get_n_items (model);
  g_array_set_size (self->entries, n);
  for (i = 0; i < n; i++)
    {
      g_autoptr(AmAnnotation) annotation = g_list_model_get_item (model, i);

      entry_init (self, &g_array_index (self->entries, Entry, i), annotation);
    }
  g_array_sort (self->entries, compare_entries);
  compute_levels (self);

  /* Spans of one tag that overlap or touch are applied as one range. */
  pending = g_new0 (Range, self->tags->len);
  for (i = 0; i < n; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      guint t = entry->label * N_LEVELS + MIN (entry->level, N_LEVELS - 1);

      if (pending[t].end > pending[t].start && entry->start > pending[t].end)
        apply_range (self, t, &pending[t]);
      if (pending[t].end == pending[t].start)
        pending[t].start = entry->start;
      pending[t].end = MAX (pending[t].end, entry->end);
    }
  for (i = 0; i < self->tags->len; i++)
    if (pending[i].end > pending[i].start)
      apply_range (self, i, &pending[i]);

  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  gtk_text_view_set_buffer (self->text_view, self->buffer);
}

/* Innermost: the last span in the entries' order (latest start, then
 * shortest) that covers @offset.
 */
static AmAnnotation *
annotation_at (AmArticleView *self,
               guint          offset)
{
  AmAnnotation *found = NULL;
  guint i;

  for (i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->start > offset)
        break;
      if (offset < entry->end)
        found = entry->annotation;
    }

  return found;
}

/* Pango gives right-to-left characters a negative width. */
static void
get_char_rect (GtkTextView       *text_view,
               const GtkTextIter *iter,
               GdkRectangle      *rect)
{
  gtk_text_view_get_iter_location (text_view, iter, rect);
  if (rect->width < 0)
    {
      rect->x += rect->width;
      rect->width = -rect->width;
    }
}

static gboolean
offset_at_point (AmArticleView *self,
                 double         x,
                 double         y,
                 guint         *offset)
{
  GtkTextIter iter;
  GdkRectangle location;
  int bx;
  int by;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) x, (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_position (self->text_view, &iter, NULL, bx, by))
    return FALSE;

  /* Past the end of a line GTK returns the last character: that click
   * was not on it.
   */
  get_char_rect (self->text_view, &iter, &location);
  if (bx < location.x - 1 || bx > location.x + location.width + 1)
    return FALSE;

  *offset = (guint) gtk_text_iter_get_offset (&iter);
  return TRUE;
}

/* GtkTextView's own menu offers editing (cut, paste, its own undo) that
 * means nothing in a read-only article; this one has the document's
 * commands. @x and @y are in the text view's coordinates.
 */
static void
popup_menu (AmArticleView *self,
            double         x,
            double         y)
{
  GdkRectangle rect = { 0, 0, 1, 1 };
  double sx = x;
  double sy = y;

  gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), GTK_WIDGET (self),
                                    x, y, &sx, &sy);
  rect.x = (int) sx;
  rect.y = (int) sy;
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
popup_menu_at_cursor (AmArticleView *self)
{
  GtkTextIter iter;
  GdkRectangle location;
  int x;
  int y;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  get_char_rect (self->text_view, &iter, &location);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         location.x, location.y + location.height, &x, &y);
  popup_menu (self, x, y);
}

static void
click_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  AmArticleView   *self)
{
  GdkModifierType state;
  guint button;
  guint offset;

  if (self->document == NULL)
    return;

  button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  if (button == GDK_BUTTON_SECONDARY)
    {
      /* A right click on a span picks it for the menu; one beside the
       * spans keeps the text selection that the menu may tag.
       */
      if (offset_at_point (self, x, y, &offset) && annotation_at (self, offset) != NULL)
        select_annotation (self, annotation_at (self, offset), FALSE);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      popup_menu (self, x, y);
      return;
    }

  /* GtkTextView selects a display line on a triple click; a span is
   * more often a whole paragraph (a line of the article).
   */
  if (n_press == 3 && button == GDK_BUTTON_PRIMARY)
    {
      GtkTextIter start;
      GtkTextIter end;
      int bx;
      int by;

      gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                             (int) x, (int) y, &bx, &by);
      gtk_text_view_get_iter_at_location (self->text_view, &start, bx, by);
      gtk_text_iter_set_line_offset (&start, 0);
      end = start;
      if (!gtk_text_iter_ends_line (&end))
        gtk_text_iter_forward_to_line_end (&end);
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_text_buffer_select_range (self->buffer, &end, &start);
      return;
    }

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  if (n_press != 1 || (state & GDK_SHIFT_MASK) != 0)
    return;

  /* The click is on screen already: no scrolling to the span's start,
   * which may be pages up.
   */
  if (offset_at_point (self, x, y, &offset))
    select_annotation (self, annotation_at (self, offset), FALSE);
  else
    select_annotation (self, NULL, FALSE);
}

static void
describe_annotation (AmArticleView *self,
                     AmAnnotation  *annotation,
                     GString       *markup)
{
  AmLabelSchema *schema = am_document_get_schema (self->document);
  AmLabel *label = am_label_schema_lookup_label (schema, am_annotation_get_label (annotation));
  const char *id = am_annotation_get_id (annotation);
  const char *note = am_annotation_get_note (annotation);
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *line = NULL;
  guint i;

  line = g_markup_printf_escaped ("%s<b>%s</b> %s", markup->len > 0 ? "\n" : "",
                                  label != NULL ? am_label_get_name (label)
                                                : am_annotation_get_label (annotation),
                                  id);
  g_string_append (markup, line);

  links = am_document_list_links_for (self->document, id);
  for (i = 0; links != NULL && i < links->len; i++)
    {
      AmLink *link = g_ptr_array_index (links, i);
      AmRelationType *relation = am_label_schema_lookup_relation (schema, am_link_get_relation (link));
      const char *name = relation != NULL ? am_relation_type_get_name (relation)
                                          : am_link_get_relation (link);
      g_autofree char *link_line = NULL;

      if (g_strcmp0 (am_link_get_from (link), id) == 0)
        link_line = g_markup_printf_escaped ("\n    %s → %s", name, am_link_get_to (link));
      else
        link_line = g_markup_printf_escaped ("\n    %s ← %s", name, am_link_get_from (link));
      g_string_append (markup, link_line);
    }

  if (note != NULL && note[0] != '\0')
    {
      g_autofree char *note_line = g_markup_printf_escaped ("\n    <i>%s</i>", note);

      g_string_append (markup, note_line);
    }
}

/* What the spans under the pointer are, for someone who cannot tell the
 * colours apart, or sees only the innermost of two equal spans: each
 * label and id, outer first, with its links and note.
 */
static gboolean
query_tooltip_cb (GtkWidget     *widget,
                  int            x,
                  int            y,
                  gboolean       keyboard_mode,
                  GtkTooltip    *tooltip,
                  AmArticleView *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  guint offset;
  guint i;

  if (self->document == NULL || keyboard_mode || !offset_at_point (self, x, y, &offset))
    return FALSE;

  for (i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->start > offset)
        break;
      if (offset < entry->end)
        describe_annotation (self, entry->annotation, markup);
    }

  if (markup->len == 0)
    return FALSE;

  gtk_tooltip_set_markup (tooltip, markup->str);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                AmArticleView         *self)
{
  AmLabel *label;
  gunichar c;
  char key[8];
  int len;

  if ((keyval == GDK_KEY_Menu && (state & GDK_MODIFIER_MASK) == 0) ||
      (keyval == GDK_KEY_F10 && (state & GDK_MODIFIER_MASK) == GDK_SHIFT_MASK))
    {
      popup_menu_at_cursor (self);
      return TRUE;
    }

  if (self->document == NULL ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK | GDK_META_MASK)) != 0)
    return FALSE;

  c = gdk_keyval_to_unicode (gdk_keyval_to_lower (keyval));
  if (c == 0 || !g_unichar_isgraph (c))
    return FALSE;

  len = g_unichar_to_utf8 (c, key);
  key[len] = '\0';
  label = am_label_schema_lookup_label_by_key (am_document_get_schema (self->document), key);
  if (label == NULL)
    return FALSE;

  /* Without a selection doc.tag is activated all the same: the window
   * explains that text must be selected first.
   */
  return gtk_widget_activate_action (GTK_WIDGET (self), "doc.tag", "s", am_label_get_id (label));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  AmArticleView *self = AM_ARTICLE_VIEW (widget);

  gtk_text_buffer_copy_clipboard (self->buffer, gtk_widget_get_clipboard (widget));
}

static void
select_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  AmArticleView *self = AM_ARTICLE_VIEW (widget);
  GtkTextIter start;
  GtkTextIter end;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  gtk_text_buffer_select_range (self->buffer, &start, &end);
}

static void
update_font (AmArticleView *self)
{
  g_autofree char *css = NULL;

  css = g_strdup_printf ("textview.am-article { font-size: %dpt; }", self->font_size);
  gtk_css_provider_load_from_data (self->font_provider, css, -1);
  self->last_width = -1;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Outlines of a range, one rounded rectangle per display line. */
static void
outline_range (GtkTextView   *text_view,
               GtkSnapshot   *snapshot,
               guint          start_offset,
               guint          end_offset,
               const GdkRGBA *color,
               float          width,
               gboolean       fill)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GdkRectangle visible;
  GtkTextIter iter;
  GtkTextIter end;
  GtkTextIter first;
  GtkTextIter last_visible;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) start_offset);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, (int) end_offset);

  /* Only the part on screen: a span may run for pages. */
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_line_at_y (text_view, &first, visible.y, NULL);
  gtk_text_view_get_line_at_y (text_view, &last_visible, visible.y + visible.height, NULL);
  gtk_text_iter_forward_line (&last_visible);
  if (gtk_text_iter_compare (&iter, &first) < 0)
    iter = first;
  if (gtk_text_iter_compare (&end, &last_visible) > 0)
    end = last_visible;

  while (gtk_text_iter_compare (&iter, &end) < 0)
    {
      GtkTextIter next = iter;
      GtkTextIter last;
      GdkRectangle a;
      GdkRectangle b;
      GskRoundedRect rounded;
      graphene_rect_t rect;
      float x0;
      float x1;

      if (!gtk_text_view_forward_display_line (text_view, &next) ||
          gtk_text_iter_compare (&next, &end) > 0)
        next = end;

      last = next;
      gtk_text_iter_backward_char (&last);
      /* A piece that is only the line break ends the line: skip it. */
      if (gtk_text_iter_equal (&last, &iter) && gtk_text_iter_ends_line (&iter))
        {
          iter = next;
          continue;
        }
      while (gtk_text_iter_compare (&last, &iter) > 0 && gtk_text_iter_ends_line (&last))
        gtk_text_iter_backward_char (&last);

      get_char_rect (text_view, &iter, &a);
      get_char_rect (text_view, &last, &b);
      x0 = MIN (a.x, b.x);
      x1 = MAX (a.x + a.width, b.x + b.width);

      graphene_rect_init (&rect, x0 - 2, a.y - 1, x1 - x0 + 4, a.height + 2);
      gsk_rounded_rect_init_from_rect (&rounded, &rect, 3);
      if (fill)
        {
          GdkRGBA tint = *color;

          tint.alpha = 0.18f;
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &tint, &rect);
          gtk_snapshot_pop (snapshot);
        }
      gtk_snapshot_append_border (snapshot, &rounded,
                                  (float[4]) { width, width, width, width },
                                  (GdkRGBA[4]) { *color, *color, *color, *color });

      iter = next;
    }
}

static void
snapshot_selection (AmArticleView *self,
                    GtkSnapshot   *snapshot)
{
  g_autoptr(GPtrArray) links = NULL;
  const char *id;
  GdkRGBA color;
  guint index;
  guint i;

  if (self->selected == NULL || self->document == NULL ||
      !find_entry (self, self->selected, &index))
    return;

  id = am_annotation_get_id (self->selected);
  links = am_document_list_links_for (self->document, id);
  for (i = 0; links != NULL && i < links->len; i++)
    {
      AmLink *link = g_ptr_array_index (links, i);
      const char *other_id = g_strcmp0 (am_link_get_from (link), id) == 0
        ? am_link_get_to (link) : am_link_get_from (link);
      AmAnnotation *other = am_document_lookup_annotation (self->document, other_id);
      guint other_index;

      if (other == NULL || !find_entry (self, other, &other_index))
        continue;

      parse_color (label_color (self, g_array_index (self->entries, Entry, other_index).label),
                   0.9, &color);
      outline_range (self->text_view, snapshot, am_annotation_get_start (other),
                     am_annotation_get_end (other), &color, 1.5f, FALSE);
    }

  parse_color (label_color (self, g_array_index (self->entries, Entry, index).label), 1.0, &color);
  outline_range (self->text_view, snapshot, am_annotation_get_start (self->selected),
                 am_annotation_get_end (self->selected), &color, 2.5f, TRUE);
}

static void
am_article_text_snapshot_layer (GtkTextView      *text_view,
                                GtkTextViewLayer  layer,
                                GtkSnapshot      *snapshot)
{
  AmArticleText *self = AM_ARTICLE_TEXT (text_view);

  if (layer == GTK_TEXT_VIEW_LAYER_ABOVE_TEXT && self->view != NULL)
    snapshot_selection (self->view, snapshot);
}

static void
am_article_text_class_init (AmArticleTextClass *klass)
{
  GtkTextViewClass *text_view_class = GTK_TEXT_VIEW_CLASS (klass);

  text_view_class->snapshot_layer = am_article_text_snapshot_layer;
}

static void
am_article_text_init (AmArticleText *self)
{
}

static void
am_article_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  AmArticleView *self = AM_ARTICLE_VIEW (widget);

  gtk_widget_measure (self->scroller, orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Centres a column of readable width by the text view's margins, which
 * keeps the scroll bar at the edge of the widget.
 */
static void
update_margins (AmArticleView *self,
                int            width)
{
  PangoContext *context;
  PangoFontMetrics *metrics;
  int char_width;
  int column;
  int margin;

  if (width == self->last_width)
    return;
  self->last_width = width;

  context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_view));
  metrics = pango_context_get_metrics (context, NULL, NULL);
  char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);

  column = (int) ((gint64) char_width * MAX_LINE_CHARS / PANGO_SCALE);
  margin = MAX (MIN_MARGIN, (width - column) / 2);
  gtk_text_view_set_left_margin (self->text_view, margin);
  gtk_text_view_set_right_margin (self->text_view, margin);
}

static void
am_article_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  AmArticleView *self = AM_ARTICLE_VIEW (widget);
  GtkWidget *child;

  update_margins (self, width);
  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);

  /* The window attaches popovers (the link chooser) to the view. */
  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      gtk_popover_present (GTK_POPOVER (child));
}

static gboolean
am_article_view_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (AM_ARTICLE_VIEW (widget)->text_view));
}

static void
am_article_view_dispose (GObject *object)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);
  GtkWidget *child;

  disconnect_document (self);
  g_clear_object (&self->selected);
  if (self->text_view != NULL)
    AM_ARTICLE_TEXT (self->text_view)->view = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->scroller = NULL;
  self->text_view = NULL;
  self->menu_popover = NULL;

  G_OBJECT_CLASS (am_article_view_parent_class)->dispose (object);
}

static void
am_article_view_finalize (GObject *object)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->tags, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->label_index, g_hash_table_unref);
  g_clear_object (&self->buffer);
  g_clear_object (&self->font_provider);

  G_OBJECT_CLASS (am_article_view_parent_class)->finalize (object);
}

static void
am_article_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SELECTED_ANNOTATION:
      g_value_set_object (value, self->selected);
      break;

    case PROP_SNAP_MODE:
      g_value_set_enum (value, self->snap_mode);
      break;

    case PROP_FONT_SIZE:
      g_value_set_int (value, self->font_size);
      break;

    case PROP_DARK:
      g_value_set_boolean (value, self->dark);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_article_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AmArticleView *self = AM_ARTICLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      am_article_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SELECTED_ANNOTATION:
      am_article_view_set_selected_annotation (self, g_value_get_object (value));
      break;

    case PROP_SNAP_MODE:
      am_article_view_set_snap_mode (self, g_value_get_enum (value));
      break;

    case PROP_FONT_SIZE:
      am_article_view_set_font_size (self, g_value_get_int (value));
      break;

    case PROP_DARK:
      am_article_view_set_dark (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
am_article_view_class_init (AmArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = am_article_view_dispose;
  object_class->finalize = am_article_view_finalize;
  object_class->get_property = am_article_view_get_property;
  object_class->set_property = am_article_view_set_property;

  widget_class->measure = am_article_view_measure;
  widget_class->size_allocate = am_article_view_size_allocate;
  widget_class->grab_focus = am_article_view_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, AM_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SELECTED_ANNOTATION] =
    g_param_spec_object ("selected-annotation", NULL, NULL, AM_TYPE_ANNOTATION,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SNAP_MODE] =
    g_param_spec_enum ("snap-mode", NULL, NULL, AM_TYPE_SNAP_MODE, AM_SNAP_WORDS,
                       G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FONT_SIZE] =
    g_param_spec_int ("font-size", NULL, NULL, 6, 72, 12,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DARK] =
    g_param_spec_boolean ("dark", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "article.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "article.select-all", NULL, select_all_action);

  gtk_widget_class_set_css_name (widget_class, "articleview");
}

static void
am_article_view_init (AmArticleView *self)
{
  GtkEventController *controller;
  GtkGesture *click;

  self->snap_mode = AM_SNAP_WORDS;
  self->font_size = 12;
  self->last_width = -1;
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->tags = g_ptr_array_new ();
  self->labels = g_ptr_array_new_with_free_func (g_object_unref);
  self->label_index = g_hash_table_new (g_str_hash, g_str_equal);

  self->buffer = gtk_text_buffer_new (NULL);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  /* A hyphen that Pango adds when it breaks a long word is not in the
   * article, and would mislead someone choosing where a span ends.
   */
  self->body_tag = gtk_text_buffer_create_tag (self->buffer, "body",
                                               "insert-hyphens", FALSE,
                                               NULL);
  self->title_tag = gtk_text_buffer_create_tag (self->buffer, "title",
                                                "scale", 1.6,
                                                "weight", PANGO_WEIGHT_BOLD,
                                                "pixels-below-lines", 12,
                                                NULL);

  self->text_view = g_object_new (AM_TYPE_ARTICLE_TEXT,
                                  "buffer", self->buffer,
                                  "editable", FALSE,
                                  "cursor-visible", TRUE,
                                  "wrap-mode", GTK_WRAP_WORD_CHAR,
                                  "top-margin", 32,
                                  "bottom-margin", 48,
                                  "left-margin", MIN_MARGIN,
                                  "right-margin", MIN_MARGIN,
                                  "pixels-inside-wrap", 5,
                                  "pixels-below-lines", 5,
                                  NULL);
  AM_ARTICLE_TEXT (self->text_view)->view = self;
  gtk_widget_add_css_class (GTK_WIDGET (self->text_view), "am-article");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article"),
                                  -1);

  self->font_provider = gtk_css_provider_new ();
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self->text_view)),
                                  GTK_STYLE_PROVIDER (self->font_provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  update_font (self);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller),
                                 GTK_WIDGET (self->text_view));
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), controller);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self->text_view), TRUE);
  g_signal_connect (self->text_view, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));

  self->menu_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu_popover), FALSE);
  gtk_widget_set_halign (self->menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self));

  create_tags (self);
  rebuild_menu (self);
}

/**
 * am_article_view_new:
 *
 * Returns: (transfer floating): a new article view with no document
 */
GtkWidget *
am_article_view_new (void)
{
  return g_object_new (AM_TYPE_ARTICLE_VIEW, NULL);
}

AmDocument *
am_article_view_get_document (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  return self->document;
}

void
am_article_view_set_document (AmArticleView *self,
                              AmDocument    *document)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));
  g_return_if_fail (document == NULL || AM_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  am_article_view_set_selected_annotation (self, NULL);
  disconnect_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect_object (document, "annotation-added",
                               G_CALLBACK (annotation_added_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-removed",
                               G_CALLBACK (annotation_removed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "annotation-changed",
                               G_CALLBACK (annotation_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "link-added",
                               G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "link-removed",
                               G_CALLBACK (links_changed_cb), self, G_CONNECT_SWAPPED);
    }

  load_document (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

AmAnnotation *
am_article_view_get_selected_annotation (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), NULL);

  return self->selected;
}

/**
 * am_article_view_set_selected_annotation:
 * @annotation: (nullable): an annotation of the view's document
 *
 * Emphasizes @annotation and the spans linked to it, and scrolls it into
 * view if it is not.
 */
static void
select_annotation (AmArticleView *self,
                   AmAnnotation  *annotation,
                   gboolean       scroll)
{
  if (!g_set_object (&self->selected, annotation))
    return;

  if (annotation != NULL && scroll)
    am_article_view_scroll_to_annotation (self, annotation);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ANNOTATION]);
}

void
am_article_view_set_selected_annotation (AmArticleView *self,
                                         AmAnnotation  *annotation)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));
  g_return_if_fail (annotation == NULL || AM_IS_ANNOTATION (annotation));

  select_annotation (self, annotation, TRUE);
}

AmSnapMode
am_article_view_get_snap_mode (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), AM_SNAP_WORDS);

  return self->snap_mode;
}

void
am_article_view_set_snap_mode (AmArticleView *self,
                               AmSnapMode     snap_mode)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));
  g_return_if_fail (snap_mode <= AM_SNAP_SENTENCES);

  if (self->snap_mode == snap_mode)
    return;

  self->snap_mode = snap_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAP_MODE]);
}

int
am_article_view_get_font_size (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), 12);

  return self->font_size;
}

void
am_article_view_set_font_size (AmArticleView *self,
                               int            font_size)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));

  font_size = CLAMP (font_size, 6, 72);
  if (self->font_size == font_size)
    return;

  self->font_size = font_size;
  update_font (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FONT_SIZE]);
}

gboolean
am_article_view_get_dark (AmArticleView *self)
{
  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  return self->dark;
}

void
am_article_view_set_dark (AmArticleView *self,
                          gboolean       dark)
{
  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));

  dark = !!dark;
  if (self->dark == dark)
    return;

  self->dark = dark;
  style_tags (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->text_view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DARK]);
}

/**
 * am_article_view_get_selection:
 * @start: (out) (optional): where the snapped selection starts, in code points
 * @end: (out) (optional): where it ends
 *
 * Returns: TRUE if text is selected and something is left of it once snapped
 *   by #AmArticleView:snap-mode, in the document's language
 */
gboolean
am_article_view_get_selection (AmArticleView *self,
                               guint         *start,
                               guint         *end)
{
  GtkTextIter a;
  GtkTextIter b;

  g_return_val_if_fail (AM_IS_ARTICLE_VIEW (self), FALSE);

  if (self->document == NULL ||
      !gtk_text_buffer_get_selection_bounds (self->buffer, &a, &b))
    return FALSE;

  return am_snap_span_for_language (am_document_get_text (self->document),
                                    am_document_get_meta (self->document, "language"),
                                    self->snap_mode,
                                    (guint) gtk_text_iter_get_offset (&a),
                                    (guint) gtk_text_iter_get_offset (&b),
                                    start, end);
}

/**
 * am_article_view_select_range:
 * @start: a code point offset
 * @end: a code point offset; the cursor goes there
 *
 * Selects text (not snapped) and scrolls the cursor into view.
 */
void
am_article_view_select_range (AmArticleView *self,
                              guint          start,
                              guint          end)
{
  GtkTextIter a;
  GtkTextIter b;
  guint length;

  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));

  length = (guint) gtk_text_buffer_get_char_count (self->buffer);
  get_iter (self, &a, MIN (start, length));
  get_iter (self, &b, MIN (end, length));
  gtk_text_buffer_select_range (self->buffer, &b, &a);
  gtk_text_view_scroll_mark_onscreen (self->text_view, gtk_text_buffer_get_insert (self->buffer));
}

/**
 * am_article_view_scroll_to_annotation:
 *
 * Scrolls the view, if @annotation starts off screen, to show it in the
 * upper third, and puts the keyboard cursor at its start unless text is
 * selected.
 */
void
am_article_view_scroll_to_annotation (AmArticleView *self,
                                      AmAnnotation  *annotation)
{
  GtkTextIter iter;
  GtkTextIter cursor;
  GtkTextIter bound;
  GtkTextMark *mark;
  GdkRectangle visible;
  GdkRectangle location;
  guint length;

  g_return_if_fail (AM_IS_ARTICLE_VIEW (self));
  g_return_if_fail (AM_IS_ANNOTATION (annotation));

  length = (guint) gtk_text_buffer_get_char_count (self->buffer);
  get_iter (self, &iter, MIN (am_annotation_get_start (annotation), length));

  /* A click inside the span must not lose the selection being made. */
  gtk_text_buffer_get_selection_bounds (self->buffer, &cursor, &bound);
  if (gtk_text_iter_equal (&cursor, &bound) &&
      (gtk_text_iter_compare (&cursor, &iter) < 0 ||
       (guint) gtk_text_iter_get_offset (&cursor) > am_annotation_get_end (annotation)))
    gtk_text_buffer_place_cursor (self->buffer, &iter);

  /* A span already on screen stays where the eye found it; one off
   * screen comes to the upper third, with some text before it to read.
   */
  gtk_text_view_get_visible_rect (self->text_view, &visible);
  get_char_rect (self->text_view, &iter, &location);
  if (gdk_rectangle_intersect (&visible, &location, NULL))
    return;

  mark = gtk_text_buffer_get_mark (self->buffer, "am-scroll");
  if (mark == NULL)
    mark = gtk_text_buffer_create_mark (self->buffer, "am-scroll", &iter, TRUE);
  else
    gtk_text_buffer_move_mark (self->buffer, mark, &iter);
  gtk_text_view_scroll_to_mark (self->text_view, mark, 0.0, TRUE, 0.0, 0.3);
}
