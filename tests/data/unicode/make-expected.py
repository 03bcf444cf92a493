#!/usr/bin/env python3
# Writes the articles of tests/test-article.c and expected.json: for each
# article, its length and the code point offsets of some quotes as Python
# counts them (text[start:end] == quote) after CRLF and CR become LF. Run
# once; the tests need no Python.
import json, os

here = os.path.dirname(os.path.abspath(__file__))

ARTICLES = {
    "emoji.txt": ("Officials 🙂 said 👩🏽‍⚕️ doctors were “safe” 🇮🇱🇵🇸.\nThe army 𝔞𝔫𝔡 the police denied it 😀.\n",
                  ["said", "doctors were “safe”", "🇮🇱🇵🇸", "𝔞𝔫𝔡", "denied it 😀"]),
    "combining.txt": ("Le ministre a de\u0301clare\u0301 que l’arme\u0301e e\u0301tait pre\u0302te.\nNguyễn nói: “Không”.\n",
                      ["de\u0301clare\u0301", "l’arme\u0301e", "pre\u0302te", "Nguyễn nói", "“Không”"]),
    "arabic.txt": ("قال المتحدث باسم الجيش إن الهجوم فشل.\nونفت حماس ذلك، بحسب رويترز.\n",
                   ["قال المتحدث باسم الجيش", "الهجوم فشل", "ونفت حماس ذلك", "رويترز"]),
    "hebrew.txt": ("דובר צה״ל אמר כי המתקפה נכשלה.\nחמאס הכחישה (לפי רויטרס) את הדיווח.\n",
                   ["דובר צה״ל אמר", "המתקפה נכשלה", "חמאס הכחישה", "(לפי רויטרס)"]),
    "cjk.txt": ("发言人表示，军队已经撤离。\n日本の報道官は「安全だ」と述べた。\n대변인은 부인했다.\n",
                ["发言人表示", "军队已经撤离", "「安全だ」", "대변인은 부인했다"]),
    "crlf.txt": ("Officials said the border was closed.\r\nHamas denied it.\r\n\r\nOld Mac line.\rEnd 🙂 here.\r\n",
                 ["said the border", "Hamas denied it", "Old Mac line.", "End 🙂 here"]),
}

expected = {}
for name, (text, quotes) in ARTICLES.items():
    with open(os.path.join(here, name), "w", encoding="utf-8", newline="") as f:
        f.write(text)
    stored = text.replace("\r\n", "\n").replace("\r", "\n")
    spans = []
    for quote in quotes:
        start = stored.index(quote)
        assert stored[start:start + len(quote)] == quote
        spans.append({"quote": quote, "start": start, "end": start + len(quote)})
    expected[name] = {"length": len(stored), "utf16_length": len(stored.encode("utf-16-le")) // 2,
                      "spans": spans}

with open(os.path.join(here, "expected.json"), "w", encoding="utf-8") as f:
    json.dump(expected, f, indent=2, ensure_ascii=False)
    f.write("\n")
