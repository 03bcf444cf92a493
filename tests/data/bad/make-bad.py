#!/usr/bin/env python3
# Writes the bad documents of tests/test-document-io.c (run once; the files
# are committed, and the tests need no Python). Each is a small valid
# document with one thing wrong; the table of expected error codes and JSON
# paths is in the test.
import copy, hashlib, json, os

here = os.path.dirname(os.path.abspath(__file__))
TEXT = "Hamas said the army attacked the border. Israel denied it, officials said."

def sha(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()

def span(quote, label, ident, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return {"id": ident, "label": label, "start": start, "end": start + len(quote),
            "quote": quote, "note": "", "author": "ana",
            "created": "2026-11-25T10:00:00Z", "modified": "2026-11-25T10:00:00Z"}

GOOD = {
    "format": "argumark", "version": 1,
    "meta": {"title": "Border", "source": "test", "byline": None, "language": "en"},
    "text": TEXT, "text_sha256": sha(TEXT),
    "annotator": "ana", "status": "in-progress",
    "annotations": [span("Hamas said", "attribution", "T1"),
                    span("the army attacked the border", "claim", "T2"),
                    span("Israel denied it", "counter-claim", "T3")],
    "links": [{"id": "R1", "relation": "source", "from": "T1", "to": "T2"},
              {"id": "R2", "relation": "counters", "from": "T3", "to": "T2"}],
}

def write(name, doc=None, raw=None):
    path = os.path.join(here, name)
    if raw is None:
        raw = json.dumps(doc, indent=2, ensure_ascii=False).encode("utf-8")
    with open(path, "wb") as f:
        f.write(raw)

def bad(name, change):
    doc = copy.deepcopy(GOOD)
    change(doc)
    write(name, doc)

good_bytes = json.dumps(GOOD, indent=2, ensure_ascii=False).encode("utf-8")
write("invalid-json.json", raw=b'{"format": "argumark", "version": 1,, "text": "x"}\n')
write("truncated.json", raw=good_bytes[: len(good_bytes) // 2])
write("trailing-garbage.json", raw=good_bytes + b"\n}\n")
write("not-an-object.json", raw=b'["argumark", 1]\n')
write("empty-file.json", raw=b"")
write("non-utf8.json", raw=good_bytes.replace(b"Hamas said the army", b"Hamas said the \xff\xfe army", 1))
write("nul-byte.json", raw=good_bytes.replace(b'"note": ""', b'"note": "a\x00b"', 1))
write("deep-nesting.json", raw=b'{"format": "argumark", "version": 1, "text": "x", "meta": {"x": '
      + b"[" * 100000 + b"]" * 100000 + b"}}\n")
bad("wrong-format.json", lambda d: d.update(format="brat"))
bad("future-version.json", lambda d: d.update(version=2))
bad("version-string.json", lambda d: d.update(version="1"))
bad("missing-text.json", lambda d: d.pop("text"))
bad("text-number.json", lambda d: d.update(text=42))
bad("empty-text.json", lambda d: d.update(text="", text_sha256=sha("")))
bad("bad-sha.json", lambda d: d.update(text_sha256="not-a-checksum"))
bad("bad-status.json", lambda d: d.update(status="finished"))
bad("meta-number.json", lambda d: d["meta"].update(title=3))
bad("annotations-object.json", lambda d: d.update(annotations={}))
bad("start-string.json", lambda d: d["annotations"][0].update(start="0"))
bad("start-float.json", lambda d: d["annotations"][0].update(start=0.5))
bad("negative-start.json", lambda d: d["annotations"][0].update(start=-4))
bad("reversed-span.json", lambda d: d["annotations"][1].update(start=40, end=11))
bad("empty-span.json", lambda d: d["annotations"][2].update(end=d["annotations"][2]["start"]))
bad("out-of-range.json", lambda d: d["annotations"][2].update(end=len(TEXT) + 5))
bad("missing-label.json", lambda d: d["annotations"][0].pop("label"))
bad("unknown-label.json", lambda d: d["annotations"][0].update(label="opinion"))
bad("unknown-member.json", lambda d: d["annotations"][1].update(lable="claim"))
bad("bad-timestamp.json", lambda d: d["annotations"][0].update(created="yesterday"))
bad("duplicate-annotation-id.json", lambda d: d["annotations"][2].update(id="T1"))
bad("duplicate-span.json", lambda d: d["annotations"].append(dict(d["annotations"][1], id="T9")))
bad("duplicate-link-id.json", lambda d: d["links"][1].update(id="R1"))
bad("duplicate-link.json", lambda d: d["links"].append(dict(d["links"][0], id="R7")))
bad("dangling-link.json", lambda d: d["links"][0].update(to="T42"))
bad("forbidden-link.json", lambda d: d["links"][0].update(**{"from": "T2", "to": "T1"}))
bad("unknown-relation.json", lambda d: d["links"][1].update(relation="supports"))
bad("bad-color.json", lambda d: d.update(schema={"labels": [
    {"id": "claim", "name": "Claim", "color": "red", "dark_color": "#ffffff", "key": "c"}]}))
bad("relation-unknown-label.json", lambda d: d.update(schema={
    "labels": [{"id": "claim", "name": "Claim", "color": "#1c71d8", "dark_color": "#99c1f1", "key": "c"}],
    "relations": [{"id": "source", "name": "Source", "from": ["opinion"], "to": ["claim"]}]}))
# Escapes that text cannot hold; json.dumps would not write them.
write("nul-escape.json", raw=good_bytes.replace(b'"note": ""', b'"note": "a\\u0000b"', 1))
write("lone-surrogate.json", raw=good_bytes.replace(b'"quote": "Israel denied it"',
                                                     b'"quote": "Israel \\ud83d denied it"', 1))
write("duplicate-member.json", raw=good_bytes.replace(b'"start": 0,', b'"start": 0, "start": 1,', 1))
