/* test-snap.c: widening selections to words and sentences
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "am-snap.h"

/* @marked is the text with the selection between two "|" marks (the start
 * may come second, for a selection made backwards). Returns the snapped
 * selection as text, or NULL if am_snap_span() refused it.
 */
static char *
snap (const char *marked,
      AmSnapMode  mode)
{
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autoptr(AmText) text = NULL;
  const char *bar1 = strchr (marked, '|');
  const char *bar2;
  guint start;
  guint end;
  guint out_start = G_MAXUINT;
  guint out_end = G_MAXUINT;

  g_assert_nonnull (bar1);
  bar2 = strchr (bar1 + 1, '|');
  g_assert_nonnull (bar2);

  g_string_append_len (plain, marked, bar1 - marked);
  g_string_append_len (plain, bar1 + 1, bar2 - bar1 - 1);
  g_string_append (plain, bar2 + 1);
  text = am_text_new (plain->str, (gssize) plain->len);

  start = am_text_byte_to_offset (text, (gsize) (bar1 - marked));
  end = am_text_byte_to_offset (text, (gsize) (bar2 - marked - 1));

  if (!am_snap_span (text, mode, start, end, &out_start, &out_end))
    {
      g_assert_cmpuint (out_start, ==, G_MAXUINT);
      g_assert_cmpuint (out_end, ==, G_MAXUINT);
      return NULL;
    }

  g_assert_cmpuint (out_start, <, out_end);
  g_assert_cmpuint (out_end, <=, am_text_get_length (text));
  return am_text_substring (text, out_start, out_end);
}

static void
check (const char *marked,
       AmSnapMode  mode,
       const char *expected)
{
  g_autofree char *got = snap (marked, mode);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_words_widen (void)
{
  check ("Hamas is aiding I|SIS's br|anch in Egypt", AM_SNAP_WORDS, "ISIS's branch");
  check ("Hamas is aiding ISIS|’s| branch", AM_SNAP_WORDS, "ISIS’s");
  check ("current President Abdul Fatah a|l-Sisi, Egyp|t", AM_SNAP_WORDS, "al-Sisi, Egypt");
  check ("a |w|ord", AM_SNAP_WORDS, "word");
  check ("Gaza|, in| preparation", AM_SNAP_WORDS, "in");
  check ("Gaza, in prep||aration", AM_SNAP_WORDS, NULL);
}

static void
test_words_backwards (void)
{
  g_autoptr(AmText) text = am_text_new ("the Egyptian military", -1);
  guint start;
  guint end;

  g_assert_true (am_snap_span (text, AM_SNAP_WORDS, 8, 6, &start, &end));
  g_assert_cmpuint (start, ==, 4);
  g_assert_cmpuint (end, ==, 12);
}

static void
test_trim_spaces (void)
{
  /* The sample article puts a no-break space after "with" and after the
   * comma, then an ordinary one.
   */
  check ("In an interview with|\u00a0 Israel Radio,\u00a0| a senior IDF officer",
         AM_SNAP_WORDS, "Israel Radio");
  check ("with|\u00a0 Israel Radio,\u00a0| a", AM_SNAP_CHARACTERS, "Israel Radio,");
  check ("a|\u2003\u2009\u200b\tword\u202f\u3000\n|b", AM_SNAP_CHARACTERS, "word");
  check ("a|\u00a0 \u00a0|b", AM_SNAP_WORDS, NULL);
}

static void
test_trim_punctuation (void)
{
  check ("forged between Hamas in Gaza and ISIS's |\"Sinai Province.\"|\n\nnext",
         AM_SNAP_WORDS, "Sinai Province");
  check ("ISIS's \"Si|nai Prov|ince.\"", AM_SNAP_WORDS, "Sinai Province");
  check ("the Muslim Brotherhood |-\u00a0systematically| destroying", AM_SNAP_WORDS,
         "systematically");
  check ("(|Hamas) |said", AM_SNAP_WORDS, "Hamas");
  check ("\u00ab|Hamas\u00bb, |said", AM_SNAP_WORDS, "Hamas");
  check ("it rose |50%.|", AM_SNAP_WORDS, "50%");
  check ("it cost |$12|.", AM_SNAP_WORDS, "$12");
  check ("a|\"...\"|b", AM_SNAP_WORDS, NULL);
  /* Characters mode keeps the punctuation the user chose. */
  check ("ISIS's |\"Sinai Province.\"| ", AM_SNAP_CHARACTERS, "\"Sinai Province.\"");
  check ("ISIS's \"Si|nai Prov|ince.\"", AM_SNAP_CHARACTERS, "nai Prov");
}

static void
test_sentences (void)
{
  const char *article =
    "Hamas could see a strategic advantage in aiding ISIS\n\n"
    "Israel has claimed that Hamas is aiding ISIS's branch in Egypt's Sinai Peninsula. "
    "\"Why was it so very important for them [Hamas] to develop the conn|ection with "
    "Sinai Province? Because they|\u00a0need the raw materials,\" the colonel said.\n\n"
    "\"To carry out high-quality smuggling required a special operation,\" he added.";

  check (article, AM_SNAP_SENTENCES,
         "Why was it so very important for them [Hamas] to develop the connection with "
         "Sinai Province? Because they\u00a0need the raw materials,\" the colonel said");
  check ("Hamas could see a strategic |advantage| in aiding ISIS\n\nIsrael has claimed.",
         AM_SNAP_SENTENCES, "Hamas could see a strategic advantage in aiding ISIS");
  check ("First one. Sec|ond one.\n\nThird| one.", AM_SNAP_SENTENCES,
         "Second one.\n\nThird one");
  check ("One.| |Two.", AM_SNAP_SENTENCES, NULL);
}

static void
test_language (void)
{
  const char *article = "The minister, Mr. Smith, said it failed. Then he left.";
  g_autoptr(AmText) text = am_text_new (article, -1);
  guint smith = 18;
  guint start;
  guint end;
  g_autofree char *root = NULL;
  g_autofree char *english = NULL;
  g_autofree char *unknown = NULL;

  g_assert_true (am_snap_span_for_language (text, NULL, AM_SNAP_SENTENCES, smith, smith + 2,
                                            &start, &end));
  root = am_text_substring (text, start, end);
  g_assert_cmpstr (root, ==, "Smith, said it failed");

  /* English knows that "Mr." is an abbreviation. */
  g_assert_true (am_snap_span_for_language (text, "en", AM_SNAP_SENTENCES, smith, smith + 2,
                                            &start, &end));
  english = am_text_substring (text, start, end);
  g_assert_cmpstr (english, ==, "The minister, Mr. Smith, said it failed");

  g_assert_true (am_snap_span_for_language (text, "not a tag!", AM_SNAP_SENTENCES, smith,
                                            smith + 2, &start, &end));
  unknown = am_text_substring (text, start, end);
  g_assert_cmpstr (unknown, ==, root);
}

static void
test_rtl (void)
{
  /* Arabic: "Hamas said that the attack failed, according to Reuters." */
  check ("\u0642\u0627\u0644\u062a \u062d\u0645|\u0627\u0633 \u0625|\u0646 \u0627\u0644\u0647\u062c\u0648\u0645",
         AM_SNAP_WORDS, "\u062d\u0645\u0627\u0633 \u0625\u0646");
  check ("\u0641\u0634\u0644 |\u0627\u0644\u0647\u062c\u0648\u0645\u060c| \u062d\u0633\u0628",
         AM_SNAP_WORDS, "\u0627\u0644\u0647\u062c\u0648\u0645");
  /* Right-to-left marks around a span are invisible, and not kept. */
  check ("\u05d0\u05de\u05e8|\u200f \u05d4\u05d3\u05d5\u05d1\u05e8\u200f|:", AM_SNAP_CHARACTERS,
         "\u05d4\u05d3\u05d5\u05d1\u05e8");
  /* Hebrew in straight quotes, and an acronym whose gershayim is typed as a
   * straight quote: that one belongs to the word.
   */
  check ("\u05d0\u05de\u05e8 \"\u05d7\u05de|\u05d0\u05e1\"|.", AM_SNAP_WORDS,
         "\u05d7\u05de\u05d0\u05e1");
  check ("\u05d0\u05de\u05e8 \u05d3\u05d5\u05d1\u05e8 \u05e6\u05d4\"|\u05dc| \u05d0\u05ea\u05de\u05d5\u05dc",
         AM_SNAP_WORDS, "\u05e6\u05d4\"\u05dc");
}

static void
test_emoji (void)
{
  /* A family is one grapheme of five code points, joined by ZWJ. */
  check ("A |\U0001F468|\u200d\U0001F469\u200d\U0001F467 family", AM_SNAP_WORDS,
         "\U0001F468\u200d\U0001F469\u200d\U0001F467");
  check ("great |news \U0001F389|\U0001F389 today", AM_SNAP_WORDS, "news \U0001F389");
  check ("flag |\U0001F1EA|\U0001F1EC here", AM_SNAP_WORDS, "\U0001F1EA\U0001F1EC");
  check ("|\U0001F44D\U0001F3FD|", AM_SNAP_CHARACTERS, "\U0001F44D\U0001F3FD");
}

static void
test_refused (void)
{
  g_autoptr(AmText) text = am_text_new ("Hamas", -1);
  g_autoptr(AmText) empty = am_text_new ("", 0);
  guint start = 99;
  guint end = 99;

  g_assert_false (am_snap_span (text, AM_SNAP_WORDS, 2, 2, &start, &end));
  g_assert_false (am_snap_span (empty, AM_SNAP_SENTENCES, 0, 0, &start, &end));
  g_assert_cmpuint (start, ==, 99);
  g_assert_cmpuint (end, ==, 99);

  /* Past the end is clamped to the text. */
  g_assert_true (am_snap_span (text, AM_SNAP_WORDS, 3, 40, &start, &end));
  g_assert_cmpuint (start, ==, 0);
  g_assert_cmpuint (end, ==, 5);
}

static void
test_mode_type (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (AM_TYPE_SNAP_MODE);

  g_assert_cmpint (g_enum_get_value_by_nick (klass, "characters")->value, ==, AM_SNAP_CHARACTERS);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "words")->value, ==, AM_SNAP_WORDS);
  g_assert_cmpint (g_enum_get_value_by_nick (klass, "sentences")->value, ==, AM_SNAP_SENTENCES);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/snap/words/widen", test_words_widen);
  g_test_add_func ("/snap/words/backwards", test_words_backwards);
  g_test_add_func ("/snap/trim/spaces", test_trim_spaces);
  g_test_add_func ("/snap/trim/punctuation", test_trim_punctuation);
  g_test_add_func ("/snap/sentences", test_sentences);
  g_test_add_func ("/snap/language", test_language);
  g_test_add_func ("/snap/rtl", test_rtl);
  g_test_add_func ("/snap/emoji", test_emoji);
  g_test_add_func ("/snap/refused", test_refused);
  g_test_add_func ("/snap/mode-type", test_mode_type);

  return g_test_run ();
}
