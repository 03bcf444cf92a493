#!/usr/bin/python3
# make-expected.py: reference values for tests/test-agreement.c
#
# Copyright 2026 The Argumark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Run by hand (Debian: apt-get install python3-sklearn python3-nltk) to
# write expected.json beside this script; CI only reads the JSON. Kappa comes
# from scikit-learn's cohen_kappa_score and alpha from NLTK's
# AnnotationTask.alpha() on the same units the C code builds; F1 and alpha_u
# are computed here independently of the C code (identical spans paired first,
# then a brute-force augmenting-path matching, and a literal transcription of
# Krippendorff's 2004 alpha_u).

import json
import math
import os
import re
import warnings

from nltk.metrics.agreement import AnnotationTask
from sklearn.metrics import cohen_kappa_score

LABELS = ["claim", "counter-claim", "attribution"]

TOKEN_TEXT = ("Smith said taxes rose again , but Jones said they fell . "
              "The data show growth in every region , the report added .")
CHAR_TEXT = "Smith said taxes rose again, but Jones said they fell."


def spans_between(text, words):
    """Character span of the first occurrence of a phrase."""
    start = text.index(words)
    return start, start + len(words)


def S(text, words, label, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(words, start + 1)
    return [start, start + len(words), label]


T = TOKEN_TEXT
C = CHAR_TEXT

CASES = [
    {
        "name": "identical",
        "units": "char",
        "text": C,
        "annotators": [
            {"name": "A", "spans": [S(C, "Smith said", "attribution"),
                                    S(C, "taxes rose again", "claim"),
                                    S(C, "they fell", "counter-claim")],
             "links": [["source", 0, 1]]},
            {"name": "B", "spans": [S(C, "Smith said", "attribution"),
                                    S(C, "taxes rose again", "claim"),
                                    S(C, "they fell", "counter-claim")],
             "links": [["source", 0, 1]]},
        ],
    },
    {
        "name": "disjoint",
        "units": "token",
        "text": T,
        "annotators": [
            {"name": "A", "spans": [S(T, "taxes rose again", "claim")]},
            {"name": "B", "spans": [S(T, "they fell", "claim"),
                                    S(T, "Jones said", "attribution")]},
        ],
    },
    {
        "name": "nested",
        "units": "token",
        "text": T,
        "annotators": [
            {"name": "A", "spans": [S(T, "Smith said taxes rose again", "claim"),
                                    S(T, "Smith said", "attribution"),
                                    S(T, "The data show growth in every region", "claim")],
             "links": [["source", 1, 0]]},
            {"name": "B", "spans": [S(T, "taxes rose again", "claim"),
                                    S(T, "Smith said", "attribution"),
                                    S(T, "The data show growth", "claim"),
                                    S(T, "growth in every region", "claim")],
             "links": [["source", 1, 0]]},
        ],
    },
    {
        "name": "partial-overlaps",
        "units": "char",
        "text": C,
        "annotators": [
            {"name": "A", "spans": [S(C, "taxes rose again", "claim"),
                                    S(C, "Jones said", "attribution"),
                                    S(C, "they fell", "counter-claim")]},
            {"name": "B", "spans": [S(C, "taxes rose", "claim"),
                                    S(C, "Jones said", "claim"),
                                    S(C, "said they fell", "counter-claim")]},
        ],
    },
    {
        "name": "one-empty",
        "units": "token",
        "text": T,
        "annotators": [
            {"name": "A", "spans": [S(T, "taxes rose again", "claim"),
                                    S(T, "the report added", "attribution")]},
            {"name": "B", "status": "in-progress", "spans": []},
        ],
    },
    {
        "name": "three",
        "units": "token",
        "text": T,
        "annotators": [
            {"name": "A", "spans": [S(T, "Smith said", "attribution"),
                                    S(T, "taxes rose again", "claim"),
                                    S(T, "they fell", "counter-claim"),
                                    S(T, "The data show growth in every region", "claim")]},
            {"name": "B", "spans": [S(T, "Smith said", "attribution"),
                                    S(T, "taxes rose", "claim"),
                                    S(T, "they fell", "claim"),
                                    S(T, "growth in every region", "claim")]},
            {"name": "C", "spans": [S(T, "Smith", "attribution"),
                                    S(T, "taxes rose again", "claim"),
                                    S(T, "Jones said they fell", "counter-claim"),
                                    S(T, "the report added", "attribution")]},
        ],
    },
    {
        "name": "same-label-overlaps",
        "units": "char",
        "text": C,
        "annotators": [
            {"name": "A", "spans": [S(C, "Smith said", "claim"),
                                    S(C, "said taxes rose", "claim"),
                                    S(C, "they fell", "counter-claim")]},
            {"name": "B", "spans": [S(C, "said taxes rose", "claim"),
                                    S(C, "rose again", "claim"),
                                    S(C, "Jones said they", "counter-claim"),
                                    S(C, "fell", "counter-claim")]},
        ],
    },
    {
        "name": "missing",
        "units": "char",
        "text": C,
        "annotators": [
            {"name": "A", "spans": [S(C, "taxes rose again", "claim"),
                                    S(C, "they fell", "counter-claim")]},
            {"name": "B", "spans": [S(C, "taxes rose", "claim"),
                                    S(C, "they fell", "counter-claim")]},
            {"name": "C", "status": "new", "spans": []},
        ],
    },
]


def units_of(case):
    text = case["text"]
    if case["units"] == "char":
        return [(i, i + 1) for i in range(len(text))]
    return [(m.start(), m.end()) for m in re.finditer(r"\w+|[^\w\s]", text)]


def covers(span, unit):
    return span[0] < unit[1] and unit[0] < span[1]


def values(annotator, units, label):
    out = []
    for u in units:
        inside = sorted({s[2] for s in annotator["spans"] if covers(s, u)})
        if label is None:
            out.append("+".join(inside) if inside else "O")
        else:
            out.append(1 if label in inside else 0)
    return out


def number(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return float(x)


def kappa(a, b):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return number(cohen_kappa_score(a, b))


def alpha(rows):
    data = [(str(c), str(u), str(v)) for c, row in enumerate(rows) for u, v in enumerate(row)]
    try:
        return number(AnnotationTask(data=data).alpha())
    except (ValueError, ZeroDivisionError):
        return None


def max_matching(left, right, edge):
    """Kuhn's augmenting paths: size of a maximum bipartite matching."""
    match_right = [None] * len(right)

    def augment(i, seen):
        for j in range(len(right)):
            if edge(left[i], right[j]) and j not in seen:
                seen.add(j)
                if match_right[j] is None or augment(match_right[j], seen):
                    match_right[j] = i
                    return True
        return False

    return sum(1 for i in range(len(left)) if augment(i, set()))


def f1(matched, n_a, n_b):
    return None if n_a + n_b == 0 else 2 * matched / (n_a + n_b)


def span_scores(a, b, label):
    sa = [tuple(s) for s in a["spans"] if label is None or s[2] == label]
    sb = [tuple(s) for s in b["spans"] if label is None or s[2] == label]
    exact = len(set(sa) & set(sb))
    # Identical spans are paired first (docs/agreement.md), then a maximum
    # matching of the rest.
    rest_a = [s for s in sa if s not in sb]
    rest_b = [s for s in sb if s not in sa]
    overlap = exact + max_matching(rest_a, rest_b,
                                   lambda x, y: x[2] == y[2] and covers(x, y))
    return {
        "f1_exact": f1(exact, len(sa), len(sb)),
        "f1_overlap": f1(overlap, len(sa), len(sb)),
        "precision_exact": exact / len(sb) if sb else None,
        "recall_exact": exact / len(sa) if sa else None,
        "matched_exact": exact,
        "matched_overlap": overlap,
    }


def link_f1_exact(a, b):
    def triples(ann):
        return {(l[0], tuple(ann["spans"][l[1]]), tuple(ann["spans"][l[2]]))
                for l in ann.get("links", [])}
    la, lb = triples(a), triples(b)
    return f1(len(la & lb), len(la), len(lb))


def sections(spans, length):
    """Krippendorff's sections: units (merged when overlapping) and gaps."""
    units = []
    for s, e in sorted((s[0], s[1]) for s in spans):
        if units and s < units[-1][1]:
            units[-1][1] = max(units[-1][1], e)
        else:
            units.append([s, e])
    out, pos = [], 0
    for s, e in units:
        if s > pos:
            out.append((pos, s, False))
        out.append((s, e, True))
        pos = e
    if pos < length:
        out.append((pos, length, False))
    return out


def delta(g, h):
    bg, eg, ug = g
    bh, eh, uh = h
    if ug and uh and bg < eh and bh < eg:
        return (bg - bh) ** 2 + (eg - eh) ** 2
    if ug and not uh and bh <= bg and eg <= eh:
        return (eg - bg) ** 2
    if uh and not ug and bg <= bh and eh <= eg:
        return (eh - bh) ** 2
    return 0


def alpha_u_parts(annotators, label, length):
    m = len(annotators)
    secs = [sections([s for s in a["spans"] if s[2] == label], length) for a in annotators]
    do = 0
    for i in range(m):
        for j in range(m):
            if i != j:
                for g in secs[i]:
                    for h in secs[j]:
                        if g[0] < h[1] and h[0] < g[1]:
                            do += delta(g, h)
    do /= m * (m - 1) * length ** 2
    units = [e - b for sec in secs for b, e, u in sec if u]
    gaps = [e - b for sec in secs for b, e, u in sec if not u]
    n = len(units)
    total = 0
    for l in units:
        total += (n - 1) * (2 * l ** 3 - 3 * l ** 2 + l) / 3
        total += l ** 2 * sum(g - l + 1 for g in gaps if g >= l)
    denominator = m * length * (m * length - 1) - sum(l * (l - 1) for l in units)
    de = 2 / length * total / denominator
    return do, de


def alpha_u(annotators, label, length):
    do, de = alpha_u_parts(annotators, label, length)
    return None if de == 0 else 1 - do / de


def alpha_u_overall(annotators, length):
    parts = [alpha_u_parts(annotators, l, length) for l in LABELS]
    de = sum(p[1] for p in parts)
    return None if de == 0 else 1 - sum(p[0] for p in parts) / de


def present(case):
    return [a for a in case["annotators"]
            if not (a.get("status") == "new" and not a["spans"])]


def main():
    for case in CASES:
        units = units_of(case)
        length = len(case["text"])
        people = present(case)
        expected = {"pairs": [], "group": {}}
        annotators = case["annotators"]
        for i in range(len(annotators)):
            for j in range(i + 1, len(annotators)):
                a, b = annotators[i], annotators[j]
                pair = {"a": i, "b": j, "labels": {}}
                if a not in people or b not in people:
                    pair["missing"] = True
                    expected["pairs"].append(pair)
                    continue
                for label in LABELS + [None]:
                    va, vb = values(a, units, label), values(b, units, label)
                    scores = span_scores(a, b, label)
                    scores["kappa"] = kappa(va, vb)
                    scores["alpha"] = alpha([va, vb])
                    scores["alpha_u"] = (alpha_u([a, b], label, length) if label
                                         else alpha_u_overall([a, b], length))
                    if label is None:
                        scores["link_f1_exact"] = link_f1_exact(a, b)
                    pair["labels"][label or "*"] = scores
                expected["pairs"].append(pair)
        for label in LABELS + [None]:
            rows = [values(a, units, label) for a in people]
            expected["group"][label or "*"] = {
                "alpha": alpha(rows),
                "alpha_u": (alpha_u(people, label, length) if label
                            else alpha_u_overall(people, length)),
            }
        case["n_units"] = len(units)
        case["expected"] = expected

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "expected.json")
    with open(path, "w", encoding="utf-8") as out:
        json.dump({"labels": LABELS, "cases": CASES}, out, indent=1, ensure_ascii=False)
        out.write("\n")


if __name__ == "__main__":
    main()
