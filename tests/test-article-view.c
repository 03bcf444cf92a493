/* test-article-view.c: the article view and the annotation sidebar
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>

#include "am-annotation-sidebar.h"
#include "am-article-view.h"
#include "am-test-gtk.h"

#define ARTICLE \
  "Hamas could see a strategic advantage in aiding ISIS\n" \
  "\n" \
  "Israel has claimed that Hamas is aiding ISIS's branch in Egypt's Sinai Peninsula in " \
  "order to free up arms-smuggling routes into Gaza, in preparation for its next war, Mr. Smith " \
  "said.\n" \
  "\n" \
  "In an interview with\u00a0 Israel Radio,\u00a0 a senior IDF officer claimed that a " \
  "strategic alliance has been forged between Hamas in Gaza and ISIS's \"Sinai Province.\"\n"

typedef struct
{
  GtkWidget           *window;
  AmArticleView       *view;
  AmAnnotationSidebar *sidebar;
  AmDocument          *document;
  GPtrArray           *activated;
} Fixture;

static void
record_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  Fixture *fixture = user_data;

  if (parameter != NULL)
    g_ptr_array_add (fixture->activated,
                     g_strdup_printf ("%s(%s)", g_action_get_name (G_ACTION (action)),
                                      g_variant_get_string (parameter, NULL)));
  else
    g_ptr_array_add (fixture->activated, g_strdup (g_action_get_name (G_ACTION (action))));
}

static guint
find (const char *haystack,
      const char *needle)
{
  const char *p = strstr (haystack, needle);

  g_assert_nonnull (p);
  return (guint) g_utf8_pointer_to_offset (haystack, p);
}

static AmAnnotation *
add (AmDocument *document,
     const char *label,
     guint       start,
     guint       end)
{
  g_autoptr(GError) error = NULL;
  AmAnnotation *annotation = am_document_add_annotation (document, label, start, end, &error);

  g_assert_no_error (error);
  g_assert_nonnull (annotation);
  return annotation;
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *text = data != NULL ? data : ARTICLE;
  static const GActionEntry entries[] = {
    { "tag", record_action_cb, "s" },
    { "relabel", record_action_cb, "s" },
    { "delete", record_action_cb },
    { "edit-note", record_action_cb },
    { "go-to-annotation", record_action_cb },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *box;

  fixture->activated = g_ptr_array_new_with_free_func (g_free);
  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), fixture);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_widget_insert_action_group (fixture->window, "doc", G_ACTION_GROUP (group));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  fixture->sidebar = AM_ANNOTATION_SIDEBAR (am_annotation_sidebar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (fixture->sidebar), 300, -1);
  fixture->view = AM_ARTICLE_VIEW (am_article_view_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (fixture->view), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->sidebar));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (fixture->view));
  gtk_window_set_child (GTK_WINDOW (fixture->window), box);

  g_object_bind_property (fixture->view, "selected-annotation",
                          fixture->sidebar, "selected-annotation",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  fixture->document = am_document_new (text, NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iterate ();
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->activated, g_ptr_array_unref);
}

static void
set_document (Fixture *fixture)
{
  am_article_view_set_document (fixture->view, fixture->document);
  am_annotation_sidebar_set_document (fixture->sidebar, fixture->document);
  iterate ();
}

static GtkWidget *
find_child (GtkWidget *widget,
            GType      type)
{
  GtkWidget *child;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_child (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The sidebar's list (the label filter's popover holds another). */
static GtkListView *
list_of (AmAnnotationSidebar *sidebar)
{
  GtkWidget *widget = GTK_WIDGET (sidebar);

  while (widget != NULL && !(GTK_IS_LIST_VIEW (widget) &&
                             gtk_widget_has_css_class (widget, "am-annotation-list")))
    {
      GtkWidget *next = gtk_widget_get_first_child (widget);

      while (next == NULL && widget != GTK_WIDGET (sidebar))
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }

  g_assert_nonnull (widget);
  return GTK_LIST_VIEW (widget);
}

static GtkTextView *
text_view_of (AmArticleView *view)
{
  GtkWidget *text_view = find_child (GTK_WIDGET (view), GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (text_view);
  return GTK_TEXT_VIEW (text_view);
}

/* How the spans at @offset look, the winning (highest priority) tag last:
 * "u<underline>[o]@<background alpha in %>#<underline colour>" for each
 * annotation tag, so that two views can be compared and a test can read
 * which label (underline style) and level (alpha, overline) shows.
 */
static char *
style_at (AmArticleView *view,
          guint          offset)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view_of (view));
  g_autoptr(GString) out = g_string_new (NULL);
  GSList *tags;
  GSList *l;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  tags = gtk_text_iter_get_tags (&iter);
  for (l = tags; l != NULL; l = l->next)
    {
      GtkTextTag *tag = l->data;
      g_autofree char *name = NULL;
      g_autofree char *line = NULL;
      GdkRGBA *background = NULL;
      GdkRGBA *underline_rgba = NULL;
      PangoUnderline underline;
      PangoOverline overline;

      g_object_get (tag, "name", &name, "underline", &underline, "overline", &overline,
                    "background-rgba", &background, "underline-rgba", &underline_rgba, NULL);
      if (name != NULL)
        continue;

      underline_rgba->alpha = 1.0;
      line = gdk_rgba_to_string (underline_rgba);
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "u%d%s@%d#%s", underline,
                              overline != PANGO_OVERLINE_NONE ? "o" : "",
                              (int) (background->alpha * 100 + 0.5), line);
      gdk_rgba_free (background);
      gdk_rgba_free (underline_rgba);
    }
  g_slist_free (tags);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The winning style only, without the colour. */
static char *
top_at (AmArticleView *view,
        guint          offset)
{
  g_autofree char *all = style_at (view, offset);
  const char *last = strrchr (all, ' ');
  char *top = g_strdup (last != NULL ? last + 1 : all);
  char *hash = strchr (top, '#');

  if (hash != NULL)
    *hash = '\0';
  return top;
}

static void
check_top (AmArticleView *view,
           guint          offset,
           const char    *expected)
{
  g_autofree char *top = top_at (view, offset);

  g_assert_cmpstr (top, ==, expected);
}

/* Every offset styled as a view freshly given the document styles it. */
static void
check_like_fresh (Fixture *fixture)
{
  GtkWidget *fresh = g_object_ref_sink (am_article_view_new ());
  guint length = am_document_get_length (fixture->document);
  guint i;

  am_article_view_set_dark (AM_ARTICLE_VIEW (fresh), am_article_view_get_dark (fixture->view));
  am_article_view_set_document (AM_ARTICLE_VIEW (fresh), fixture->document);
  for (i = 0; i < length; i++)
    {
      g_autofree char *a = style_at (fixture->view, i);
      g_autofree char *b = style_at (AM_ARTICLE_VIEW (fresh), i);

      if (g_strcmp0 (a, b) != 0)
        g_error ("At %u the view shows “%s” where a fresh one shows “%s”", i, a, b);
    }
  am_article_view_set_document (AM_ARTICLE_VIEW (fresh), NULL);
  g_object_unref (fresh);
}

static void
test_text_and_title (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkTextView *text_view;
  GtkTextBuffer *buffer;
  GtkTextIter start;
  GtkTextIter end;
  g_autofree char *text = NULL;
  GtkTextTag *title;

  set_document (fixture);
  text_view = text_view_of (fixture->view);
  buffer = gtk_text_view_get_buffer (text_view);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  g_assert_cmpstr (text, ==, ARTICLE);
  g_assert_false (gtk_text_view_get_editable (text_view));
  g_assert_true (gtk_text_view_get_cursor_visible (text_view));
  g_assert_cmpint (gtk_text_view_get_wrap_mode (text_view), !=, GTK_WRAP_NONE);

  title = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "title");
  g_assert_nonnull (title);
  gtk_text_buffer_get_iter_at_offset (buffer, &start, 3);
  g_assert_true (gtk_text_iter_has_tag (&start, title));
  gtk_text_buffer_get_iter_at_offset (buffer, &start, find (ARTICLE, "Israel has"));
  g_assert_false (gtk_text_iter_has_tag (&start, title));

  /* A centred column of readable width, not the whole 700 pixels. */
  g_assert_cmpint (gtk_text_view_get_left_margin (text_view), >, 50);
  g_assert_cmpint (gtk_text_view_get_left_margin (text_view), ==,
                   gtk_text_view_get_right_margin (text_view));

  am_article_view_set_document (fixture->view, NULL);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_assert_true (gtk_text_iter_equal (&start, &end));
}

static void
test_no_title (Fixture       *fixture,
               gconstpointer  data)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  /* The article starts with a long paragraph, not a headline. */
  set_document (fixture);
  buffer = gtk_text_view_get_buffer (text_view_of (fixture->view));
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, 3);
  g_assert_false (gtk_text_iter_has_tag (&iter, gtk_text_tag_table_lookup (
    gtk_text_buffer_get_tag_table (buffer), "title")));
}

static void
test_nesting (Fixture       *fixture,
              gconstpointer  data)
{
  guint s = find (ARTICLE, "Israel has claimed");
  guint hamas = find (ARTICLE, "Hamas is aiding");
  guint sinai = find (ARTICLE, "Sinai Peninsula");
  guint gaza = find (ARTICLE, "Gaza, in preparation");
  guint order = find (ARTICLE, "order to free");

  /* A claim holding a counter-claim, and an attribution overlapping the
   * claim's end.
   */
  add (fixture->document, "claim", s, gaza + 4);
  add (fixture->document, "counter-claim", hamas, hamas + 15);
  add (fixture->document, "attribution", sinai, order + 5);
  add (fixture->document, "claim", order, order + 5);
  set_document (fixture);

  /* Level 0: a light background and the label's underline (claim: single). */
  check_top (fixture->view, s + 2, "u1@16");
  /* Level 1: darker, with an overline; counter-claims are underlined twice. */
  check_top (fixture->view, hamas + 3, "u2o@30");
  /* The attribution overlaps the claim: one level down, wavy underline. */
  check_top (fixture->view, sinai + 1, "u4o@30");
  /* Three deep. */
  check_top (fixture->view, order + 1, "u1o@44");
  /* Nested spans that start together: the inner one shows on top. */
  add (fixture->document, "attribution", gaza + 6, gaza + 60);
  add (fixture->document, "counter-claim", gaza + 6, gaza + 10);
  check_top (fixture->view, gaza + 7, "u2o@30");
  check_top (fixture->view, gaza + 12, "u4@16");
  /* Outside every span. */
  check_top (fixture->view, 2, "");
  check_top (fixture->view, gaza + 5, "");

  am_article_view_set_font_size (fixture->view, 20);
  g_assert_cmpint (am_article_view_get_font_size (fixture->view), ==, 20);
  iterate ();

  am_article_view_set_dark (fixture->view, TRUE);
  g_assert_true (am_article_view_get_dark (fixture->view));
  check_top (fixture->view, s + 2, "u1@22");
  check_like_fresh (fixture);
}

static void
test_incremental (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint s = find (ARTICLE, "Israel has claimed");
  guint hamas = find (ARTICLE, "Hamas is aiding");
  AmAnnotation *outer;
  AmAnnotation *inner;

  set_document (fixture);
  inner = add (fixture->document, "counter-claim", hamas, hamas + 15);
  check_top (fixture->view, hamas + 3, "u2@16");

  /* A new span around it pushes it one level down. */
  outer = add (fixture->document, "claim", s, hamas + 40);
  check_top (fixture->view, hamas + 3, "u2o@30");
  check_top (fixture->view, s + 1, "u1@16");
  check_like_fresh (fixture);

  g_assert_true (am_document_relabel (fixture->document, am_annotation_get_id (inner),
                                      "attribution", &error));
  g_assert_no_error (error);
  check_top (fixture->view, hamas + 3, "u4o@30");
  check_like_fresh (fixture);

  g_assert_true (am_document_remove_annotation (fixture->document, am_annotation_get_id (outer),
                                                &error));
  g_assert_no_error (error);
  check_top (fixture->view, s + 1, "");
  check_top (fixture->view, hamas + 3, "u4@16");

  g_assert_true (am_document_undo (fixture->document));
  check_top (fixture->view, s + 1, "u1@16");
  check_top (fixture->view, hamas + 3, "u4o@30");
  g_assert_true (am_document_undo (fixture->document));
  check_top (fixture->view, hamas + 3, "u2o@30");
  g_assert_true (am_document_redo (fixture->document));
  check_top (fixture->view, hamas + 3, "u4o@30");

  g_assert_true (am_document_set_note (fixture->document, am_annotation_get_id (inner),
                                       "A note changes no colour", &error));
  g_assert_no_error (error);
  check_top (fixture->view, hamas + 3, "u4o@30");
  check_like_fresh (fixture);

  g_assert_true (am_document_set_span (fixture->document, am_annotation_get_id (inner),
                                       hamas + 20, hamas + 60, &error));
  g_assert_no_error (error);
  check_top (fixture->view, hamas + 3, "u1@16");
  check_like_fresh (fixture);
}

static void
test_random_edits (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *labels[] = { "claim", "counter-claim", "attribution" };
  GRand *rand = g_rand_new_with_seed (4);
  guint length = am_document_get_length (fixture->document);
  int i;

  set_document (fixture);
  for (i = 0; i < 300; i++)
    {
      GListModel *model = am_document_get_annotations (fixture->document);
      guint n = g_list_model_get_n_items (model);
      int what = g_rand_int_range (rand, 0, 10);

      if (n > 0 && what < 3)
        {
          g_autoptr(AmAnnotation) a = g_list_model_get_item (model, g_rand_int_range (rand, 0, (int) n));

          am_document_remove_annotation (fixture->document, am_annotation_get_id (a), NULL);
        }
      else if (n > 0 && what < 5)
        {
          g_autoptr(AmAnnotation) a = g_list_model_get_item (model, g_rand_int_range (rand, 0, (int) n));

          am_document_relabel (fixture->document, am_annotation_get_id (a),
                               labels[g_rand_int_range (rand, 0, 3)], NULL);
        }
      else if (what < 6)
        {
          am_document_undo (fixture->document);
        }
      else
        {
          guint start = (guint) g_rand_int_range (rand, 0, (int) length - 1);
          guint end = MIN (length, start + (guint) g_rand_int_range (rand, 1, 60));

          am_document_add_annotation (fixture->document, labels[g_rand_int_range (rand, 0, 3)],
                                      start, end, NULL);
        }

      if (i % 50 == 49)
        check_like_fresh (fixture);
    }

  g_rand_free (rand);
}

static void
test_selection_snaps (Fixture       *fixture,
                      gconstpointer  data)
{
  guint isis = find (ARTICLE, "ISIS's branch");
  guint radio = find (ARTICLE, "Israel Radio");
  guint smith = find (ARTICLE, "Smith");
  guint start;
  guint end;

  set_document (fixture);
  g_assert_false (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpint (am_article_view_get_snap_mode (fixture->view), ==, AM_SNAP_WORDS);

  am_article_view_select_range (fixture->view, isis + 2, isis + 9);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, isis);
  g_assert_cmpuint (end, ==, isis + strlen ("ISIS's branch"));

  /* Backwards, with the no-break spaces and the comma around it. */
  am_article_view_select_range (fixture->view, radio + 15, radio - 2);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, radio);
  g_assert_cmpuint (end, ==, radio + strlen ("Israel Radio"));

  am_article_view_set_snap_mode (fixture->view, AM_SNAP_CHARACTERS);
  am_article_view_select_range (fixture->view, isis + 2, isis + 9);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, isis + 2);
  g_assert_cmpuint (end, ==, isis + 9);

  /* Sentences in the document's language: "Mr." ends none in English. */
  am_article_view_set_snap_mode (fixture->view, AM_SNAP_SENTENCES);
  am_article_view_select_range (fixture->view, smith, smith + 2);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, smith);
  am_document_set_meta (fixture->document, "language", "en");
  am_article_view_select_range (fixture->view, isis, isis + 2);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, find (ARTICLE, "Israel has claimed"));
  g_assert_cmpuint (end, ==, find (ARTICLE, ".\n\nIn an"));
  am_article_view_select_range (fixture->view, smith, smith + 2);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, find (ARTICLE, "Israel has claimed"));

  /* Only spaces selected: nothing to tag. */
  am_article_view_set_snap_mode (fixture->view, AM_SNAP_WORDS);
  am_article_view_select_range (fixture->view, radio - 2, radio - 1);
  g_assert_false (am_article_view_get_selection (fixture->view, &start, &end));
}

static GtkEventController *
find_controller (GtkWidget *widget,
                 GType      type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  guint i;

  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (controller, type) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        return controller;
    }

  g_assert_not_reached ();
  return NULL;
}

static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *controller = find_controller (widget, GTK_TYPE_EVENT_CONTROLLER_KEY);
  gboolean handled = FALSE;

  g_signal_emit_by_name (controller, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
click_at_offset (AmArticleView *view,
                 guint          offset)
{
  GtkTextView *text_view = text_view_of (view);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
  GtkEventController *click = find_controller (GTK_WIDGET (text_view), GTK_TYPE_GESTURE_CLICK);
  GdkRectangle rect;
  GtkTextIter iter;
  int x;
  int y;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) offset);
  gtk_text_view_get_iter_location (text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET,
                                         rect.x + rect.width / 2, rect.y + rect.height / 2,
                                         &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, (double) x, (double) y);
}

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_click_selects (Fixture       *fixture,
                    gconstpointer  data)
{
  guint s = find (ARTICLE, "Israel has claimed");
  guint hamas = find (ARTICLE, "Hamas is aiding");
  AmAnnotation *outer = add (fixture->document, "claim", s, hamas + 40);
  AmAnnotation *inner = add (fixture->document, "counter-claim", hamas, hamas + 15);
  guint notified = 0;
  GtkSelectionModel *rows;

  set_document (fixture);
  g_signal_connect (fixture->view, "notify::selected-annotation",
                    G_CALLBACK (notify_count_cb), &notified);

  click_at_offset (fixture->view, hamas + 3);
  g_assert_true (am_article_view_get_selected_annotation (fixture->view) == inner);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (am_annotation_sidebar_get_selected_annotation (fixture->sidebar) == inner);
  rows = gtk_list_view_get_model (list_of (fixture->sidebar));
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 1);

  click_at_offset (fixture->view, s + 1);
  g_assert_true (am_article_view_get_selected_annotation (fixture->view) == outer);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 0);

  click_at_offset (fixture->view, 3);
  g_assert_null (am_article_view_get_selected_annotation (fixture->view));
  g_assert_null (am_annotation_sidebar_get_selected_annotation (fixture->sidebar));
  g_assert_cmpuint (notified, ==, 3);

  /* Choosing a row selects the span in the article. */
  gtk_selection_model_select_item (rows, 1, TRUE);
  g_assert_true (am_article_view_get_selected_annotation (fixture->view) == inner);

  /* Relabelling re-sorts the row: it stays selected. */
  g_assert_true (am_document_relabel (fixture->document, am_annotation_get_id (inner),
                                      "attribution", NULL));
  g_assert_true (am_article_view_get_selected_annotation (fixture->view) == inner);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 1);

  /* Deleting it clears the selection everywhere. */
  g_assert_true (am_document_remove_annotation (fixture->document, am_annotation_get_id (inner),
                                                NULL));
  g_assert_null (am_article_view_get_selected_annotation (fixture->view));
  g_assert_null (am_annotation_sidebar_get_selected_annotation (fixture->sidebar));
}

static void
test_label_keys (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *text_view;
  GtkWidget *list_view;
  guint hamas = find (ARTICLE, "Hamas is aiding");
  AmAnnotation *annotation = add (fixture->document, "claim", hamas, hamas + 5);

  set_document (fixture);
  text_view = GTK_WIDGET (text_view_of (fixture->view));

  /* With or without a selection: the window says why nothing happens. */
  g_assert_true (press_key (text_view, GDK_KEY_c));
  am_article_view_select_range (fixture->view, hamas, hamas + 3);
  g_assert_true (press_key (text_view, GDK_KEY_x));
  g_assert_true (press_key (text_view, GDK_KEY_A));
  g_assert_false (press_key (text_view, GDK_KEY_q));
  g_assert_false (press_key (text_view, GDK_KEY_Down));

  /* The Menu key opens the article's own menu, with the label commands. */
  g_assert_true (press_key (text_view, GDK_KEY_Menu));
  {
    GtkWidget *menu = find_child (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);

    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_visible (menu));
    g_assert_cmpint (g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu))),
                     ==, 3);
    gtk_popover_popdown (GTK_POPOVER (menu));
  }
  g_assert_cmpuint (fixture->activated->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "tag(claim)");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, "tag(counter-claim)");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 2), ==, "tag(attribution)");

  /* In the list the keys act on the selected annotation. */
  g_ptr_array_set_size (fixture->activated, 0);
  list_view = GTK_WIDGET (list_of (fixture->sidebar));
  am_annotation_sidebar_set_selected_annotation (fixture->sidebar, annotation);
  g_assert_true (am_article_view_get_selected_annotation (fixture->view) == annotation);
  {
    GtkEventController *controller = NULL;
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (list_view);
    guint i;
    const guint keys[] = { GDK_KEY_x, GDK_KEY_Delete, GDK_KEY_n, GDK_KEY_F2 };

    for (i = 0; i < g_list_model_get_n_items (controllers); i++)
      {
        g_autoptr(GtkEventController) c = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_KEY (c))
          controller = c;
      }
    g_assert_nonnull (controller);

    for (i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        gboolean handled = FALSE;

        g_signal_emit_by_name (controller, "key-pressed", keys[i], 0, 0, &handled);
        g_assert_true (handled);
      }
  }
  g_assert_cmpuint (fixture->activated->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 0), ==, "relabel(counter-claim)");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 1), ==, "delete");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 2), ==, "edit-note");
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 3), ==, "edit-note");

  g_signal_emit_by_name (list_view, "activate", 0);
  g_assert_cmpuint (fixture->activated->len, ==, 5);
  g_assert_cmpstr (g_ptr_array_index (fixture->activated, 4), ==, "go-to-annotation");
}

#define RTL_ARTICLE \
  "\u05d7\u05de\u05d0\u05e1 \u05d5\u05d3\u05d0\u05e2\"\u05e9\n\n" \
  "\u0642\u0627\u0644\u062a \u0625\u0633\u0631\u0627\u0626\u064a\u0644 \u0625\u0646 " \
  "\u062d\u0645\u0627\u0633 \u062a\u0633\u0627\u0639\u062f \u062a\u0646\u0638\u064a\u0645 " \
  "\u062f\u0627\u0639\u0634 \U0001F600 \u0641\u064a \u0633\u064a\u0646\u0627\u0621\u060c " \
  "\u062d\u0633\u0628 \u0631\u0648\u064a\u062a\u0631\u0632.\n"

static void
test_rtl_offsets (Fixture       *fixture,
                  gconstpointer  data)
{
  AmText *text = am_document_get_text (fixture->document);
  GtkTextBuffer *buffer;
  guint hamas = find (RTL_ARTICLE, "\u062d\u0645\u0627\u0633");
  guint sinai = find (RTL_ARTICLE, "\u0633\u064a\u0646\u0627\u0621");
  guint length = am_text_get_length (text);
  guint start;
  guint end;
  guint i;

  add (fixture->document, "claim", hamas, sinai + 5);
  set_document (fixture);
  buffer = gtk_text_view_get_buffer (text_view_of (fixture->view));

  /* Buffer offsets are code points, the emoji included. */
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, (int) length);
  for (i = 0; i < length; i++)
    {
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, (int) i);
      g_assert_cmpuint (gtk_text_iter_get_char (&iter), ==, am_text_get_char (text, i));
    }

  check_top (fixture->view, hamas, "u1@16");
  check_top (fixture->view, sinai + 4, "u1@16");
  check_top (fixture->view, sinai + 5, "");
  check_top (fixture->view, hamas - 1, "");

  am_article_view_set_snap_mode (fixture->view, AM_SNAP_CHARACTERS);
  am_article_view_select_range (fixture->view, sinai + 5, hamas + 1);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, hamas + 1);
  g_assert_cmpuint (end, ==, sinai + 5);

  am_article_view_set_snap_mode (fixture->view, AM_SNAP_WORDS);
  am_article_view_select_range (fixture->view, hamas + 1, sinai + 2);
  g_assert_true (am_article_view_get_selection (fixture->view, &start, &end));
  g_assert_cmpuint (start, ==, hamas);
  /* The Arabic comma after the word is trimmed. */
  g_assert_cmpuint (end, ==, sinai + 5);

  click_at_offset (fixture->view, hamas + 2);
  g_assert_nonnull (am_article_view_get_selected_annotation (fixture->view));
}

static guint
n_rows (AmAnnotationSidebar *sidebar)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list_of (sidebar))));
}

static void
test_sidebar_filter (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint hamas = find (ARTICLE, "Hamas is aiding");
  guint radio = find (ARTICLE, "Israel Radio");
  guint officer = find (ARTICLE, "a senior IDF");
  AmAnnotation *claim = add (fixture->document, "claim", hamas, hamas + 15);
  AmAnnotation *attribution = add (fixture->document, "attribution", radio, radio + 12);
  GtkDropDown *drop_down;
  GtkEditable *search;
  gint64 deadline;

  add (fixture->document, "attribution", officer, officer + 19);
  g_assert_true (am_document_set_note (fixture->document, am_annotation_get_id (claim),
                                       "Check against the Reuters wire", &error));
  g_assert_no_error (error);
  set_document (fixture);

  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 3);
  drop_down = GTK_DROP_DOWN (find_child (GTK_WIDGET (fixture->sidebar), GTK_TYPE_DROP_DOWN));
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (drop_down)), ==, 4);

  gtk_drop_down_set_selected (drop_down, 3);
  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 2);
  gtk_drop_down_set_selected (drop_down, 2);
  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 0);
  gtk_drop_down_set_selected (drop_down, 0);
  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 3);

  /* The search looks in quotes and notes, ignoring case. */
  search = GTK_EDITABLE (find_child (GTK_WIDGET (fixture->sidebar), GTK_TYPE_SEARCH_ENTRY));
  gtk_editable_set_text (search, "REUTERS");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (n_rows (fixture->sidebar) != 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 1);

  /* A hidden annotation stays selected, with no row selected. */
  am_article_view_set_selected_annotation (fixture->view, attribution);
  g_assert_true (am_annotation_sidebar_get_selected_annotation (fixture->sidebar) == attribution);

  gtk_editable_set_text (search, "radio");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (n_rows (fixture->sidebar) != 1 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  gtk_drop_down_set_selected (drop_down, 3);
  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 1);
  {
    GtkSingleSelection *rows = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list_of (fixture->sidebar)));

    g_assert_cmpuint (gtk_single_selection_get_selected (rows), ==, 0);
  }

  /* New annotations show at once. */
  gtk_drop_down_set_selected (drop_down, 0);
  gtk_editable_set_text (search, "");
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (n_rows (fixture->sidebar) != 3 && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  add (fixture->document, "counter-claim", 0, 5);
  g_assert_cmpuint (n_rows (fixture->sidebar), ==, 4);
}

static gboolean
has_label_text (GtkWidget  *widget,
                const char *text)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && has_label_text (child, text))
      return TRUE;

  return FALSE;
}

static void
test_sidebar_rows (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint hamas = find (ARTICLE, "Hamas is aiding");
  guint claimed = find (ARTICLE, "Israel has claimed");
  AmAnnotation *claim = add (fixture->document, "claim", hamas, hamas + 15);
  AmAnnotation *attribution = add (fixture->document, "attribution", claimed, claimed + 18);
  GtkWidget *list = GTK_WIDGET (list_of (fixture->sidebar));
  AmLink *link;

  set_document (fixture);
  g_assert_true (has_label_text (list, "“\u2068Hamas is aiding\u2069”"));
  g_assert_false (has_label_text (list, "sources T1"));

  link = am_document_link (fixture->document, "source", am_annotation_get_id (attribution),
                           am_annotation_get_id (claim), &error);
  g_assert_no_error (error);
  iterate ();
  g_assert_true (has_label_text (list, "sources T1"));
  g_assert_true (has_label_text (list, "← T2"));

  g_assert_true (am_document_set_note (fixture->document, am_annotation_get_id (claim),
                                       "Two lines\nof note", &error));
  iterate ();
  g_assert_true (has_label_text (list, "Two lines of note"));

  g_assert_true (am_document_unlink (fixture->document, am_link_get_id (link), &error));
  g_assert_no_error (error);
  iterate ();
  g_assert_false (has_label_text (list, "sources T1"));
  g_assert_false (has_label_text (list, "← T2"));
}

static gboolean
offset_on_screen (AmArticleView *view,
                  guint          offset)
{
  GtkTextView *text_view = text_view_of (view);
  GdkRectangle visible;
  GdkRectangle location;
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter, (int) offset);
  gtk_text_view_get_visible_rect (text_view, &visible);
  gtk_text_view_get_iter_location (text_view, &iter, &location);
  return gdk_rectangle_intersect (&visible, &location, NULL);
}

static void
test_scroll_to_selected (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(AmDocument) long_document = NULL;
  AmAnnotation *far;
  AmAnnotation *near;
  guint length;
  gint64 deadline;
  int i;

  for (i = 0; i < 60; i++)
    g_string_append (text, ARTICLE);
  long_document = am_document_new (text->str, NULL);
  length = am_document_get_length (long_document);
  near = add (long_document, "claim", 60, 70);
  far = add (long_document, "claim", length - 40, length - 30);
  am_article_view_set_document (fixture->view, long_document);
  am_annotation_sidebar_set_document (fixture->sidebar, long_document);
  iterate ();
  g_assert_true (offset_on_screen (fixture->view, 60));
  g_assert_false (offset_on_screen (fixture->view, length - 40));

  /* Selecting a row in the list brings the span into view. */
  am_annotation_sidebar_set_selected_annotation (fixture->sidebar, far);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!offset_on_screen (fixture->view, length - 40) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (offset_on_screen (fixture->view, length - 40));

  /* A click in a span that starts pages up selects it where it is. */
  {
    GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (text_view_of (fixture->view)));
    AmAnnotation *long_span = add (long_document, "counter-claim", length / 2, length - 20);
    double value;

    iterate ();
    value = gtk_adjustment_get_value (vadjustment);
    click_at_offset (fixture->view, length - 45);
    iterate ();
    g_assert_true (am_article_view_get_selected_annotation (fixture->view) == long_span);
    g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, value);
  }

  am_article_view_set_selected_annotation (fixture->view, near);
  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  while (!offset_on_screen (fixture->view, 60) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (offset_on_screen (fixture->view, 60));
}

/* Labels imported from other tools may have no key: the article's menu
 * still offers them, with no shortcut shown.
 */
static void
test_label_without_key (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(AmLabelSchema) schema = am_label_schema_new ();
  g_autoptr(AmLabel) keyed = am_label_new ("claim", "Claim", "#1c71d8", "#62a0ea", "c");
  g_autoptr(AmLabel) keyless = am_label_new ("Premise", "Premise", "#26a269", "#8ff0a4", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *menu;
  GMenuModel *model;
  GMenuModel *tag_section;
  g_autofree char *accel = NULL;

  g_assert_true (am_label_schema_add_label (schema, keyed, &error));
  g_assert_true (am_label_schema_add_label (schema, keyless, &error));
  g_assert_no_error (error);
  g_clear_object (&fixture->document);
  fixture->document = am_document_new (ARTICLE, schema);
  add (fixture->document, "Premise", 0, 5);
  set_document (fixture);

  am_article_view_select_range (fixture->view, 0, 5);
  g_assert_true (press_key (GTK_WIDGET (text_view_of (fixture->view)), GDK_KEY_Menu));
  menu = find_child (GTK_WIDGET (fixture->view), GTK_TYPE_POPOVER_MENU);
  g_assert_nonnull (menu);
  g_assert_true (gtk_widget_get_visible (menu));
  model = gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu));
  tag_section = g_menu_model_get_item_link (model, 1, G_MENU_LINK_SECTION);
  g_assert_nonnull (tag_section);
  g_assert_cmpint (g_menu_model_get_n_items (tag_section), ==, 2);
  g_assert_true (g_menu_model_get_item_attribute (tag_section, 0, "accel", "s", &accel));
  g_assert_cmpstr (accel, ==, "c");
  g_assert_false (g_menu_model_get_item_attribute (tag_section, 1, "accel", "s", NULL));
  g_object_unref (tag_section);
  gtk_popover_popdown (GTK_POPOVER (menu));
  iterate ();
}

static void
test_selected_cleared_on_new_document (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(AmDocument) other = am_document_new ("Another article.\n", NULL);
  AmAnnotation *annotation = add (fixture->document, "claim", 0, 5);

  set_document (fixture);
  am_article_view_set_selected_annotation (fixture->view, annotation);
  am_article_view_set_document (fixture->view, other);
  g_assert_null (am_article_view_get_selected_annotation (fixture->view));
  g_assert_true (am_article_view_get_document (fixture->view) == other);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  am_test_tolerate_gtk_bugs ();

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/article-view/text-and-title", test_text_and_title, NULL);
  ADD ("/article-view/no-title", test_no_title,
       "Israel has claimed that Hamas is aiding ISIS's branch in Egypt's Sinai Peninsula in order "
       "to free up arms-smuggling routes into Gaza, in preparation for its next war with Israel, "
       "a senior officer said.\n\nIn an interview with Israel Radio, he added more.\n");
  ADD ("/article-view/nesting", test_nesting, NULL);
  ADD ("/article-view/incremental", test_incremental, NULL);
  ADD ("/article-view/random-edits", test_random_edits, NULL);
  ADD ("/article-view/selection-snaps", test_selection_snaps, NULL);
  ADD ("/article-view/click-selects", test_click_selects, NULL);
  ADD ("/article-view/label-keys", test_label_keys, NULL);
  ADD ("/article-view/label-without-key", test_label_without_key, NULL);
  ADD ("/article-view/rtl-offsets", test_rtl_offsets, RTL_ARTICLE);
  ADD ("/article-view/new-document", test_selected_cleared_on_new_document, NULL);
  ADD ("/article-view/scroll-to-selected", test_scroll_to_selected, NULL);
  ADD ("/annotation-sidebar/filter", test_sidebar_filter, NULL);
  ADD ("/annotation-sidebar/rows", test_sidebar_rows, NULL);

  return g_test_run ();
}
