/* test-segmenter.c: Unicode word and sentence boundaries
 *
 * Copyright 2026 The Argumark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "am-error.h"
#include "am-segmenter.h"

/* The segments joined by "|", so that a test reads as the text it checks. */
static char *
join (AmText *text,
      GArray *spans)
{
  GString *out = g_string_new (NULL);
  guint i;

  for (i = 0; i < spans->len; i++)
    {
      const AmSpan *span = &g_array_index (spans, AmSpan, i);
      g_autofree char *part = NULL;

      g_assert_cmpuint (span->start, <, span->end);
      g_assert_cmpuint (span->end, <=, am_text_get_length (text));
      if (i > 0)
        g_assert_cmpuint (g_array_index (spans, AmSpan, i - 1).end, <=, span->start);

      part = am_text_substring (text, span->start, span->end);
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, part);
    }

  return g_string_free (out, FALSE);
}

static char *
words (const char *utf8,
       const char *language)
{
  g_autoptr(AmText) text = am_text_new (utf8, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = am_segment_words (text, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spans);
  return join (text, spans);
}

static char *
sentences (const char *utf8,
           const char *language)
{
  g_autoptr(AmText) text = am_text_new (utf8, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = am_segment_sentences (text, language, &error);

  g_assert_no_error (error);
  g_assert_nonnull (spans);
  return join (text, spans);
}

#define assert_words(utf8, language, expected) \
  G_STMT_START { \
    g_autofree char *got_ = words (utf8, language); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

#define assert_sentences(utf8, language, expected) \
  G_STMT_START { \
    g_autofree char *got_ = sentences (utf8, language); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

static void
test_english (void)
{
  assert_words ("Smith said: \"Taxes rose 3.5% in 2024, didn't they?\"", NULL,
                "Smith|said|:|\"|Taxes|rose|3.5|%|in|2024|,|didn't|they|?|\"");
  assert_words ("e-mail smith@example.org, U.S. policy", "en",
                "e|-|mail|smith@example.org|,|U.S|.|policy");
  assert_words ("  \t\n ", NULL, "");
  assert_words ("", NULL, "");
}

static void
test_offsets_are_code_points (void)
{
  /* 😊 is one code point but two UTF-16 units: "ok" starts at 2, not 3. */
  g_autoptr(AmText) text = am_text_new ("\xf0\x9f\x98\x8a ok \xf0\x9f\x98\x8a\xf0\x9f\x98\x8a x", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = am_segment_words (text, NULL, &error);
  static const AmSpan expected[] = { { 0, 1 }, { 2, 4 }, { 5, 6 }, { 6, 7 }, { 8, 9 } };
  guint i;

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, G_N_ELEMENTS (expected));
  for (i = 0; i < spans->len; i++)
    {
      g_assert_cmpuint (g_array_index (spans, AmSpan, i).start, ==, expected[i].start);
      g_assert_cmpuint (g_array_index (spans, AmSpan, i).end, ==, expected[i].end);
    }
}

static void
test_nbsp_and_other_spaces (void)
{
  /* NBSP, narrow NBSP, em space, ideographic space: none of them is a
   * token or part of one at its edge.
   */
  assert_words ("10\xc2\xa0km and 5\xe2\x80\xaf%\xe2\x80\x83ok\xe3\x80\x80yes \xe2\x80\xaf", NULL,
                "10|km|and|5|%|ok|yes");
  /* UAX #29 keeps a number with a narrow NBSP as thousands separator
   * whole, and ignores a zero-width no-break space inside a word.
   */
  assert_words ("1\xe2\x80\xaf" "000 mots\xef\xbb\xbf" "clefs", "fr",
                "1\xe2\x80\xaf" "000|mots\xef\xbb\xbf" "clefs");
}

static void
test_emoji (void)
{
  /* Family (ZWJ sequence), thumbs up with skin tone, flag of France, and a
   * heart with variation selector: each is one token.
   */
  assert_words ("We \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
                " \xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
                "\xe2\x9d\xa4\xef\xb8\x8f!", NULL,
                "We|\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa7"
                "|\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd|\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
                "|\xe2\x9d\xa4\xef\xb8\x8f|!");
}

static void
test_combining_marks (void)
{
  g_autoptr(AmText) text = am_text_new ("cafe\xcc\x81 n\xcc\x83o\xcc\x88\xcc\x81 x", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = am_segment_words (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 3);
  /* The accent belongs to the word it sits on. */
  g_assert_cmpuint (g_array_index (spans, AmSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 0).end, ==, 5);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 1).start, ==, 6);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 1).end, ==, 11);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 2).start, ==, 12);
}

static void
test_arabic (void)
{
  /* With the tatweel and a diacritic (fatha) inside a word. */
  assert_words ("\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1: "
                "\xd8\xa7\xd9\x84\xd8\xb6\xd8\xb1\xd8\xa7\xd8\xa6\xd8\xa8 "
                "\xd8\xa7\xd8\xb1\xd8\xaa\xd9\x80\xd9\x81\xd8\xb9\xd9\x8e\xd8\xaa\xd8\x8c 25 %.", "ar",
                "\xd9\x82\xd8\xa7\xd9\x84|\xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1|:|"
                "\xd8\xa7\xd9\x84\xd8\xb6\xd8\xb1\xd8\xa7\xd8\xa6\xd8\xa8|"
                "\xd8\xa7\xd8\xb1\xd8\xaa\xd9\x80\xd9\x81\xd8\xb9\xd9\x8e\xd8\xaa|\xd8\x8c|25|%|.");
}

static void
test_hebrew (void)
{
  /* UAX #29 keeps a Hebrew acronym written with a double quote (צה"ל) and
   * a word with a geresh-like apostrophe together.
   */
  assert_words ("\xd7\x94\xd7\x95\xd7\x90 \xd7\x90\xd7\x9e\xd7\xa8 \xd7\xa9\xd7\xa6\xd7\x94\"\xd7\x9c "
                "\xd7\x99\xd7\xa6\xd7\x90.", "he",
                "\xd7\x94\xd7\x95\xd7\x90|\xd7\x90\xd7\x9e\xd7\xa8|\xd7\xa9\xd7\xa6\xd7\x94\"\xd7\x9c|"
                "\xd7\x99\xd7\xa6\xd7\x90|.");
}

static void
test_chinese_japanese (void)
{
  /* 我们今天去北京。 — words from ICU's dictionary, not one token per
   * character nor one per run of ideographs.
   */
  assert_words ("\xe6\x88\x91\xe4\xbb\xac\xe4\xbb\x8a\xe5\xa4\xa9\xe5\x8e\xbb\xe5\x8c\x97\xe4\xba\xac\xe3\x80\x82",
                "zh",
                "\xe6\x88\x91\xe4\xbb\xac|\xe4\xbb\x8a\xe5\xa4\xa9|\xe5\x8e\xbb|\xe5\x8c\x97\xe4\xba\xac|\xe3\x80\x82");
  /* 今日は晴れ。 */
  assert_words ("\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c\xe3\x80\x82", "ja",
                "\xe4\xbb\x8a\xe6\x97\xa5|\xe3\x81\xaf|\xe6\x99\xb4\xe3\x82\x8c|\xe3\x80\x82");
  /* The dictionary is used without a language too. */
  assert_words ("\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c\xe3\x80\x82", NULL,
                "\xe4\xbb\x8a\xe6\x97\xa5|\xe3\x81\xaf|\xe6\x99\xb4\xe3\x82\x8c|\xe3\x80\x82");
}

static void
test_sentences (void)
{
  assert_sentences ("Mr. Smith went to Washington. He said \"No.\" Then he left!  ", "en",
                    "Mr. Smith went to Washington.|He said \"No.\"|Then he left!");
  assert_sentences ("Mrs. Jones, Ph.D., disagreed? Yes. Prof. Li agreed.", "en-GB",
                    "Mrs. Jones, Ph.D., disagreed?|Yes.|Prof. Li agreed.");
  /* Each language has its own abbreviations. */
  assert_sentences ("Dr. M\xc3\xbcller sagte es. Gut.", "de",
                    "Dr. M\xc3\xbcller sagte es.|Gut.");
  /* Every line break ends a sentence (UAX #29 rule SB4); blank lines and
   * indentation are not part of one.
   */
  assert_sentences ("  Title\n\n\tFirst line. Second\r\nline.\n", NULL,
                    "Title|First line.|Second|line.");
  /* 今日は晴れ。明日は雨。 */
  assert_sentences ("\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c\xe3\x80\x82"
                    "\xe6\x98\x8e\xe6\x97\xa5\xe3\x81\xaf\xe9\x9b\xa8\xe3\x80\x82", "ja",
                    "\xe4\xbb\x8a\xe6\x97\xa5\xe3\x81\xaf\xe6\x99\xb4\xe3\x82\x8c\xe3\x80\x82|"
                    "\xe6\x98\x8e\xe6\x97\xa5\xe3\x81\xaf\xe9\x9b\xa8\xe3\x80\x82");
  /* Arabic question mark and full stop. */
  assert_sentences ("\xd9\x87\xd9\x84 \xd9\x82\xd8\xa7\xd9\x84\xd8\x9f \xd9\x86\xd8\xb9\xd9\x85.", "ar",
                    "\xd9\x87\xd9\x84 \xd9\x82\xd8\xa7\xd9\x84\xd8\x9f|\xd9\x86\xd8\xb9\xd9\x85.");
  assert_sentences ("\n \n", NULL, "");
  assert_sentences ("", NULL, "");
}

static void
test_sentence_offsets (void)
{
  /* Offsets after astral characters are code points. */
  g_autoptr(AmText) text = am_text_new ("\xf0\x9f\x98\x8a Hi. \xf0\x9f\x98\x8a Yo.", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = am_segment_sentences (text, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (spans->len, ==, 2);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 0).end, ==, 5);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 1).start, ==, 6);
  g_assert_cmpuint (g_array_index (spans, AmSpan, 1).end, ==, 11);
}

static void
assert_same_spans (GArray *a,
                   GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  g_assert_cmpmem (a->data, a->len * sizeof (AmSpan), b->data, b->len * sizeof (AmSpan));
}

/* One conversion for both must give what the two calls give, wherever the
 * characters beyond the BMP fall: inside long ASCII runs, at their edges,
 * back to back and at the ends of the text. */
static void
test_words_and_sentences (void)
{
  static const char *texts[] = {
    "",
    "\U0001F642",
    "Plain ASCII words, long enough to be read eight bytes at a time. Two sentences.",
    "\U0001F642abcdefgh\U0001F642 abcdefghijklmnop \U0001F1EB\U0001F1F7\U0001F642. Mr. Smith "
    "said \U0001D518\U0001D52B\U0001D526 twelvebytes12\U0001F469\u200D\U0001F469\u200D\U0001F467!",
    "\u0627\u0644\u0639\u0631\u0628\u064A\u0629 \U0001F642 \u05E2\u05D1\u05E8\u05D9\u05EA. "
    "na\u00EFve caf\u00E9 \u4E2D\u56FD\u7684\u6587\u5B57\U00020000\U00020001",
  };
  guint i;

  for (i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(AmText) text = am_text_new (texts[i], -1);
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) words = am_segment_words (text, "en", &error);
      g_autoptr(GArray) sentences = am_segment_sentences (text, "en", &error);
      g_autoptr(GArray) both_words = NULL;
      g_autoptr(GArray) both_sentences = NULL;
      g_autofree char *joined = NULL;

      g_assert_no_error (error);
      g_assert_true (am_segment_words_and_sentences (text, "en", &both_words, &both_sentences,
                                                     &error));
      g_assert_no_error (error);
      assert_same_spans (words, both_words);
      assert_same_spans (sentences, both_sentences);
      /* join () checks that every span lies within the text, in order. */
      joined = join (text, both_words);
      g_clear_pointer (&joined, g_free);
      joined = join (text, both_sentences);
    }

  {
    g_autoptr(AmText) text = am_text_new ("\U0001F642abcdefgh\U0001F642 x.", -1);
    g_autoptr(GArray) words = NULL;
    g_autoptr(GArray) sentences = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (am_segment_words_and_sentences (text, NULL, &words, &sentences, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (words->len, ==, 5);
    g_assert_cmpuint (g_array_index (words, AmSpan, 1).start, ==, 1);
    g_assert_cmpuint (g_array_index (words, AmSpan, 1).end, ==, 9);
    g_assert_cmpuint (g_array_index (words, AmSpan, 3).start, ==, 11);
    g_assert_cmpuint (g_array_index (words, AmSpan, 4).end, ==, 13);
    g_assert_cmpuint (sentences->len, ==, 1);
    g_assert_cmpuint (g_array_index (sentences, AmSpan, 0).end, ==, 13);
  }
}

static void
test_bad_language (void)
{
  g_autoptr(AmText) text = am_text_new ("Some text.", -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) spans = am_segment_words (text, "not a tag!", &error);
  GArray *words = NULL;
  GArray *sentences = NULL;

  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_null (spans);
  g_clear_error (&error);

  spans = am_segment_sentences (text, "en_US", &error);
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_null (spans);
  g_clear_error (&error);

  g_assert_false (am_segment_words_and_sentences (text, "en_US", &words, &sentences, &error));
  g_assert_error (error, AM_DOCUMENT_ERROR, AM_DOCUMENT_ERROR_INVALID_VALUE);
  g_assert_null (words);
  g_assert_null (sentences);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/segmenter/words/english", test_english);
  g_test_add_func ("/segmenter/words/offsets-are-code-points", test_offsets_are_code_points);
  g_test_add_func ("/segmenter/words/nbsp-and-other-spaces", test_nbsp_and_other_spaces);
  g_test_add_func ("/segmenter/words/emoji", test_emoji);
  g_test_add_func ("/segmenter/words/combining-marks", test_combining_marks);
  g_test_add_func ("/segmenter/words/arabic", test_arabic);
  g_test_add_func ("/segmenter/words/hebrew", test_hebrew);
  g_test_add_func ("/segmenter/words/chinese-japanese", test_chinese_japanese);
  g_test_add_func ("/segmenter/sentences", test_sentences);
  g_test_add_func ("/segmenter/sentences/offsets", test_sentence_offsets);
  g_test_add_func ("/segmenter/words-and-sentences", test_words_and_sentences);
  g_test_add_func ("/segmenter/bad-language", test_bad_language);

  return g_test_run ();
}
