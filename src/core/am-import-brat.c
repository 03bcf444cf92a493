/* am-import-brat.c: brat standoff (.txt + .ann, annotation.conf)
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "argumark-import"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "am-importer-private.h"

typedef struct
{
  gint64 start;
  gint64 end;
} Fragment;

typedef struct
{
  char   *id;
  char   *type;
  GArray *fragments;  /* Fragment */
  char   *text;       /* nullable */
  guint   line;
} TextBound;

static void
text_bound_free (gpointer data)
{
  TextBound *t = data;

  g_free (t->id);
  g_free (t->type);
  g_array_unref (t->fragments);
  g_free (t->text);
  g_free (t);
}

typedef struct
{
  char  *id;
  char  *type;
  char  *from;
  char  *to;
  guint  line;
} Relation;

static void
relation_free (gpointer data)
{
  Relation *r = data;

  g_free (r->id);
  g_free (r->type);
  g_free (r->from);
  g_free (r->to);
  g_free (r);
}

/* annotation.conf: entity types become labels and relation types relations,
 * in the order of the file, so colours come out the same each time. */
static void
read_conf (AmImporter *self,
           const char *conf_file,
           const char *conf)
{
  g_auto(GStrv) lines = g_strsplit (conf, "\n", -1);
  const char *section = NULL;
  gboolean events_reported = FALSE;
  guint i;

  for (i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      g_autofree char *name = NULL;
      gsize span;

      if (*line == '\0' || *line == '#')
        continue;
      if (*line == '[')
        {
          section = line;
          continue;
        }
      if (section == NULL || *line == '<' || *line == '!')
        continue;

      span = strcspn (line, " \t|");
      name = g_strndup (line, span);

      if (g_str_equal (section, "[entities]"))
        _am_import_label (self, conf_file, i + 1, name);
      else if (g_str_equal (section, "[relations]"))
        {
          /* Equivalences (brat's "*" lines) are not imported. */
          if (strstr (line, "symmetric-transitive") == NULL)
            _am_import_relation (self, conf_file, i + 1, name);
        }
      else if (g_str_equal (section, "[events]") && !events_reported)
        {
          events_reported = TRUE;
          _am_import_warning (self, conf_file, i + 1,
                              _("event types not imported: Argumark has spans and links, not "
                                "brat events"));
        }
    }
}

static gboolean
parse_fragments (const char *spec,
                 GArray     *fragments)
{
  g_auto(GStrv) parts = g_strsplit (spec, ";", -1);
  guint i;

  for (i = 0; parts[i] != NULL; i++)
    {
      Fragment f;
      char *end;

      f.start = g_ascii_strtoll (parts[i], &end, 10);
      if (end == parts[i] || *end != ' ')
        return FALSE;
      f.end = g_ascii_strtoll (end + 1, &end, 10);
      if (*end != '\0')
        return FALSE;
      g_array_append_val (fragments, f);
    }
  return fragments->len > 0;
}

static void
append_note (GHashTable *notes,
             const char *target,
             const char *note)
{
  GString *all = g_hash_table_lookup (notes, target);

  if (all == NULL)
    g_hash_table_insert (notes, g_strdup (target), g_string_new (note));
  else
    {
      g_string_append_c (all, '\n');
      g_string_append (all, note);
    }
}

static void
string_free (gpointer data)
{
  g_string_free (data, TRUE);
}

static gboolean
same_ignoring_space (const char *a,
                     const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      if (g_ascii_isspace (*a) && g_ascii_isspace (*b))
        {
          while (g_ascii_isspace (*a))
            a++;
          while (g_ascii_isspace (*b))
            b++;
          continue;
        }
      if (*a != *b)
        return FALSE;
      a++;
      b++;
    }
  return *a == '\0' && *b == '\0';
}

/* Places every fragment in the same unit, the one under which the fragments'
 * texts joined by spaces give the .ann's text column. */
static gboolean
locate_fragments (AmText     *text,
                  TextBound  *t,
                  GArray     *placed,
                  char      **reason)
{
  AmOffsetUnit units[] = { AM_UNIT_CODE_POINTS, AM_UNIT_UTF16 };
  guint u;

  for (u = 0; u < G_N_ELEMENTS (units); u++)
    {
      g_autoptr(GString) joined = g_string_new (NULL);
      gboolean ok = TRUE;
      guint i;

      g_array_set_size (placed, 0);
      for (i = 0; i < t->fragments->len && ok; i++)
        {
          Fragment *f = &g_array_index (t->fragments, Fragment, i);
          g_autofree char *why = NULL;
          g_autofree char *piece = NULL;
          gboolean as_utf16;
          Fragment p;
          guint s;
          guint e;

          if (_am_import_locate (text, f->start, f->end, NULL, units[u], &s, &e,
                                 &as_utf16, &why) != AM_LOCATE_OK)
            {
              if (u == 0)
                *reason = g_steal_pointer (&why);
              ok = FALSE;
              break;
            }
          p.start = s;
          p.end = e;
          g_array_append_val (placed, p);
          piece = am_text_substring (text, s, e);
          if (i > 0)
            g_string_append_c (joined, ' ');
          g_string_append (joined, piece);
        }
      if (!ok)
        continue;
      if (t->text == NULL || g_str_equal (joined->str, t->text) ||
          same_ignoring_space (joined->str, t->text))
        return TRUE;
      if (u == 0)
        {
          g_autofree char *found = g_utf8_substring (joined->str, 0, 40);

          *reason = g_strdup_printf (_("should read “%s” but the text there is “%s” (neither as "
                                       "code points nor as UTF-16 units): stale or shifted"),
                                     t->text, found);
        }
    }
  return FALSE;
}

static char *
fields_at (char  **fields,
           guint   n,
           guint   i)
{
  return i < n ? fields[i] : NULL;
}

gboolean
_am_import_brat (AmImporter  *self,
                 const char  *name,
                 const char  *txt_file,
                 const char  *text_data,
                 gsize        text_length,
                 const char  *ann_file,
                 const char  *ann,
                 gsize        ann_length,
                 const char  *conf_file,
                 const char  *conf,
                 gsize        conf_length,
                 GError     **error)
{
  g_autoptr(GPtrArray) bounds = g_ptr_array_new_with_free_func (text_bound_free);
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func (relation_free);
  g_autoptr(GHashTable) notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  g_autoptr(GHashTable) kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) placed_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(AmDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *ann_copy = g_strndup (ann, ann_length);
  g_auto(GStrv) lines = NULL;
  AmText *am_text;
  gboolean had_cr;
  gint64 shift = 0;
  guint n_attributes = 0;
  guint n_normalizations = 0;
  guint i;

  (void) conf_length;

  if (text_length >= 3 && memcmp (text_data, "\xef\xbb\xbf", 3) == 0)
    {
      /* brat reads the byte order mark as a character and counts it. */
      text_data += 3;
      text_length -= 3;
      shift = 1;
      _am_import_warning (self, txt_file, 0,
                          _("byte order mark removed; offsets moved back by one to match"));
    }
  text = _am_import_normalize_newlines (text_data, text_length, &had_cr);
  if (*text == '\0')
    {
      g_set_error_literal (error, AM_IMPORT_ERROR, AM_IMPORT_ERROR_INVALID,
                           _("the .txt file is empty: there is no article to import"));
      return FALSE;
    }
  if (had_cr)
    _am_import_warning (self, txt_file, 0,
                        _("CR LF line ends read as LF, as brat’s server reads them (its offsets "
                          "count CR LF as one character)"));

  if (conf != NULL && _am_import_once (self, conf_file))
    read_conf (self, conf_file, conf);

  doc = _am_import_new_document (self, text);
  am_text = am_document_get_text (doc);

  lines = g_strsplit (ann_copy, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      g_auto(GStrv) fields = NULL;
      g_auto(GStrv) words = NULL;
      guint n_fields;
      guint n_words;
      const char *id;

      if (len > 0 && line[len - 1] == '\r')
        line[--len] = '\0';
      if (line[strspn (line, " \t")] == '\0')
        continue;

      fields = g_strsplit (line, "\t", -1);
      n_fields = g_strv_length (fields);
      id = fields[0];
      words = n_fields > 1 ? g_strsplit (fields[1], " ", -1) : g_new0 (char *, 1);
      n_words = g_strv_length (words);

      switch (id[0])
        {
        case 'T':
          {
            TextBound *t;
            const char *space = n_fields > 1 ? strchr (fields[1], ' ') : NULL;

            if (space == NULL)
              {
                _am_import_error (self, ann_file, i + 1,
                                  _("“%s”: a T line needs a type and offsets: not imported"), id);
                break;
              }
            t = g_new0 (TextBound, 1);
            t->id = g_strdup (id);
            t->type = g_strndup (fields[1], space - fields[1]);
            t->fragments = g_array_new (FALSE, FALSE, sizeof (Fragment));
            t->text = g_strdup (fields_at (fields, n_fields, 2));
            t->line = i + 1;
            if (!parse_fragments (space + 1, t->fragments))
              {
                _am_import_error (self, ann_file, i + 1,
                                  _("%s: offsets “%s” are not “start end” pairs separated by “;”: "
                                    "not imported"), id, space + 1);
                text_bound_free (t);
                break;
              }
            if (shift != 0)
              {
                guint k;

                for (k = 0; k < t->fragments->len; k++)
                  {
                    g_array_index (t->fragments, Fragment, k).start -= shift;
                    g_array_index (t->fragments, Fragment, k).end -= shift;
                  }
              }
            g_hash_table_insert (kinds, g_strdup (id), GINT_TO_POINTER ('T'));
            g_ptr_array_add (bounds, t);
            break;
          }

        case 'R':
          {
            Relation *r;
            const char *from;
            const char *to;

            if (n_words < 3 || strchr (words[1], ':') == NULL || strchr (words[2], ':') == NULL)
              {
                _am_import_error (self, ann_file, i + 1,
                                  _("%s: an R line needs a type and two “Role:Id” arguments: not "
                                    "imported"), id);
                break;
              }
            from = strchr (words[1], ':') + 1;
            to = strchr (words[2], ':') + 1;
            r = g_new0 (Relation, 1);
            r->id = g_strdup (id);
            r->type = g_strdup (words[0]);
            r->from = g_strdup (from);
            r->to = g_strdup (to);
            r->line = i + 1;
            g_hash_table_insert (kinds, g_strdup (id), GINT_TO_POINTER ('R'));
            g_ptr_array_add (relations, r);
            break;
          }

        case 'E':
          g_hash_table_insert (kinds, g_strdup (id), GINT_TO_POINTER ('E'));
          _am_import_warning (self, ann_file, i + 1,
                              _("event %s (%s) not imported: Argumark has no brat events; its "
                                "trigger and argument spans are imported as spans"),
                              id, n_words > 0 ? words[0] : "?");
          break;

        case '*':
          _am_import_warning (self, ann_file, i + 1,
                              _("equivalence “%s” not imported: Argumark has no equivalence "
                                "sets"), n_fields > 1 ? fields[1] : "");
          break;

        case 'A':
        case 'M':
          {
            g_autofree char *note = NULL;

            if (n_words < 2)
              {
                _am_import_error (self, ann_file, i + 1,
                                  _("%s: an attribute line needs a name and a target: not imported"),
                                  id);
                break;
              }
            note = n_words > 2 ? g_strdup_printf ("%s: %s", words[0], words[2]) : g_strdup (words[0]);
            append_note (notes, words[1], note);
            n_attributes++;
            break;
          }

        case 'N':
          {
            g_autofree char *note = NULL;
            const char *label = fields_at (fields, n_fields, 2);

            if (n_words < 3)
              {
                _am_import_error (self, ann_file, i + 1,
                                  _("%s: a normalisation line needs a type, a target and a "
                                    "reference: not imported"), id);
                break;
              }
            if (label != NULL && *label != '\0')
              note = g_strdup_printf ("%s: %s “%s”", words[0], words[2], label);
            else
              note = g_strdup_printf ("%s: %s", words[0], words[2]);
            append_note (notes, words[1], note);
            n_normalizations++;
            break;
          }

        case '#':
          {
            const char *note = fields_at (fields, n_fields, 2);

            if (n_words < 2)
              {
                _am_import_error (self, ann_file, i + 1,
                                  _("%s: a note line needs a type and a target: not imported"), id);
                break;
              }
            if (note != NULL)
              {
                g_autofree char *trimmed = g_strstrip (g_strdup (note));

                if (*trimmed != '\0')
                  append_note (notes, words[1], trimmed);
              }
            break;
          }

        default:
          _am_import_error (self, ann_file, i + 1,
                            _("unknown line type “%s” (brat has T, R, E, A, M, N, # and *): "
                              "not imported"), id);
          break;
        }
    }

  /* Spans: every first fragment under its brat id before any new id is
   * handed out, so the ids of the .ann file are all kept. */
  for (i = 0; i < bounds->len; i++)
    {
      TextBound *t = g_ptr_array_index (bounds, i);
      g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Fragment));
      g_autoptr(AmAnnotation) annotation = NULL;
      g_autofree char *reason = NULL;
      g_autofree char *note = NULL;
      GString *notes_for = g_hash_table_lookup (notes, t->id);
      const char *label;
      Fragment *first;

      if (!locate_fragments (am_text, t, placed, &reason))
        {
          _am_import_error (self, ann_file, t->line, _("%s (%s) %s: not imported"),
                            t->id, t->type, reason);
          continue;
        }
      label = _am_import_label (self, ann_file, t->line, t->type);
      if (label == NULL)
        continue;

      if (placed->len > 1)
        {
          _am_import_warning (self, ann_file, t->line,
                              _("%s is a discontinuous span of %u fragments: imported as %u spans, "
                                "each with a note"), t->id, placed->len, placed->len);
          note = g_strdup_printf (_("Fragment 1 of %u of brat %s"), placed->len, t->id);
          if (notes_for != NULL)
            {
              char *both = g_strconcat (notes_for->str, "\n", note, NULL);

              g_free (note);
              note = both;
            }
        }
      else if (notes_for != NULL)
        note = g_strdup (notes_for->str);

      first = &g_array_index (placed, Fragment, 0);
      annotation = g_object_new (AM_TYPE_ANNOTATION,
                                 "id", t->id,
                                 "label", label,
                                 "start", (guint) first->start,
                                 "end", (guint) first->end,
                                 "note", note,
                                 NULL);
      if (!_am_import_add_annotation (self, doc, ann_file, t->line, annotation))
        continue;
      g_hash_table_add (placed_ids, t->id);
      /* Keep the other fragments for the next pass. */
      g_array_remove_index (placed, 0);
      g_array_unref (t->fragments);
      t->fragments = g_steal_pointer (&placed);
    }

  for (i = 0; i < bounds->len; i++)
    {
      TextBound *t = g_ptr_array_index (bounds, i);
      guint total = t->fragments->len + 1;
      guint k;

      if (!g_hash_table_contains (placed_ids, t->id) || t->fragments->len == 0)
        continue;

      for (k = 0; k < t->fragments->len; k++)
        {
          Fragment *f = &g_array_index (t->fragments, Fragment, k);
          g_autoptr(AmAnnotation) annotation = NULL;
          g_autofree char *note = g_strdup_printf (_("Fragment %u of %u of brat %s"),
                                                   k + 2, total, t->id);

          annotation = g_object_new (AM_TYPE_ANNOTATION,
                                     "label", am_annotation_get_label (am_document_lookup_annotation (doc, t->id)),
                                     "start", (guint) f->start,
                                     "end", (guint) f->end,
                                     "note", note,
                                     NULL);
          _am_import_add_annotation (self, doc, ann_file, t->line, annotation);
        }
    }

  /* Notes and attributes on things that did not become spans. */
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, notes);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        int kind = GPOINTER_TO_INT (g_hash_table_lookup (kinds, key));

        if (kind == 'T')
          continue;
        if (kind == 'R' || kind == 'E')
          _am_import_warning (self, ann_file, 0,
                              _("notes and attributes of %s not kept: Argumark keeps them on "
                                "spans only"), (const char *) key);
        else
          _am_import_error (self, ann_file, 0,
                            _("a note or attribute refers to “%s”, which does not exist"),
                            (const char *) key);
      }
  }

  for (i = 0; i < relations->len; i++)
    {
      Relation *r = g_ptr_array_index (relations, i);
      const char *missing = NULL;

      if (!g_hash_table_contains (kinds, r->from))
        missing = r->from;
      else if (!g_hash_table_contains (kinds, r->to))
        missing = r->to;
      if (missing != NULL)
        {
          _am_import_error (self, ann_file, r->line,
                            _("relation %s names “%s”, which does not exist in the file: not "
                              "imported"), r->type, missing);
          continue;
        }
      if (GPOINTER_TO_INT (g_hash_table_lookup (kinds, r->from)) != 'T' ||
          GPOINTER_TO_INT (g_hash_table_lookup (kinds, r->to)) != 'T')
        {
          _am_import_warning (self, ann_file, r->line,
                              _("relation %s between %s and %s not imported: it involves an event"),
                              r->type, r->from, r->to);
          continue;
        }
      if (!g_hash_table_contains (placed_ids, r->from) || !g_hash_table_contains (placed_ids, r->to))
        {
          _am_import_error (self, ann_file, r->line,
                            _("relation %s not imported: span %s was not imported"), r->type,
                            g_hash_table_contains (placed_ids, r->from) ? r->to : r->from);
          continue;
        }
      _am_import_add_link (self, doc, ann_file, r->line, r->id, r->type, r->from, r->to);
    }

  if (n_attributes > 0)
    _am_import_warning (self, ann_file, 0,
                        ngettext ("%u attribute (A line) kept as a note on its span",
                                  "%u attributes (A lines) kept as notes on their spans",
                                  n_attributes), n_attributes);
  if (n_normalizations > 0)
    _am_import_warning (self, ann_file, 0,
                        ngettext ("%u normalisation (N line) kept as a note on its span",
                                  "%u normalisations (N lines) kept as notes on their spans",
                                  n_normalizations), n_normalizations);

  am_document_set_meta (doc, "id", name);
  _am_import_finish (self, doc, name);
  return TRUE;
}
