#!/bin/sh
# take-screenshots.sh: the screenshots of data/screenshots/, used by the metainfo
#
# Copyright 2026 The Argumark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tools/take-screenshots.sh [BUILD_DIR] (default: build)
#
# Starts the built app under its own Xvfb screen of 1280x800, in a private home
# (settings, drafts and recent files never touch yours), on the tagged sample of
# data/samples/corpus/, and saves:
#   main-light.png   the tagged sample, light
#   main-dark.png    the same, dark
#   shortcuts.png    the keyboard shortcuts window
#   review-rtl.png   the review of two colleagues' annotations of a Hebrew article
# Needs xvfb-run, xdotool, ImageMagick (import, convert) and python3.
set -eu

if [ -z "${ARGUMARK_SCREENSHOT_XVFB:-}" ]; then
  ARGUMARK_SCREENSHOT_XVFB=1 exec xvfb-run -a -s "-screen 0 1280x800x24" "$0" "$@"
fi

srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$srcdir/build}" && pwd)
app="$build/src/app/argumark"
out="$srcdir/data/screenshots"

[ -x "$app" ] || { echo "no $app: build first (meson compile -C $build)" >&2; exit 1; }

tmp=$(mktemp -d)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

export HOME="$tmp/home"
export XDG_CONFIG_HOME="$HOME/.config" XDG_DATA_HOME="$HOME/.local/share"
export XDG_CACHE_HOME="$HOME/.cache" XDG_STATE_HOME="$HOME/.local/state"
export GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build/data"
export GTK_USE_PORTAL=0 GTK_A11Y=none NO_AT_BRIDGE=1 GSK_RENDERER=cairo
export LANGUAGE=en LC_ALL=C.UTF-8
mkdir -p "$XDG_CONFIG_HOME/glib-2.0/settings" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

# The prepared tagged sample (a nested attribution inside a counter-claim,
# links), copied so that nothing the app does can touch the committed file.
docs="$HOME/Documents"
mkdir -p "$docs"
doc="$docs/hamas-isis-sinai.argumark.json"
cp "$srcdir/data/samples/corpus/hamas-isis-sinai.argumark.json" "$doc"

# Two colleagues' annotations of the Hebrew sample, for the review: they agree
# on most spans and differ on two boundaries, one label and one span that only
# one of them tagged.
python3 - "$srcdir/data/samples/corpus/he-pinkwashing.argumark.json" \
  "$docs/pinkwashing-noa.argumark.json" "$docs/pinkwashing-yossi.argumark.json" <<'PYEOF'
import copy, json, sys

corpus_doc, mine_path, theirs_path = sys.argv[1:]
with open(corpus_doc, encoding="utf-8") as f:
    base = json.load(f)
text = base["text"]


def document(author, spans, links):
    doc = copy.deepcopy(base)
    doc["annotator"] = author
    doc["status"] = "done"
    doc["annotations"] = []
    for ident, label, phrase in spans:
        start = text.index(phrase)
        doc["annotations"].append({
            "id": ident, "label": label, "start": start, "end": start + len(phrase),
            "quote": phrase, "note": "", "author": author,
        })
    doc["links"] = [{"id": i, "relation": r, "from": a, "to": b} for i, r, a, b in links]
    return doc


links = [
    ("R1", "source", "T1", "T2"),
    ("R2", "source", "T3", "T4"),
    ("R3", "source", "T5", "T6"),
    ("R4", "counters", "T6", "T4"),
    ("R5", "source", "T7", "T8"),
]
common = [
    ("T2", "claim", "זהו ניסיון אומלל להסית את תשומת הלב מהרצון הברור של הממשלה השמרנית לעודד מלחמה עם איראן"),
    ("T3", "attribution", "מבקרי ישראל"),
    ("T4", "claim", "מציגים את ההבדל בין זכויות להט\"ב בישראל לבין אלו שבשטחים הפלסטיניים הכבושים כדוגמה לפינקוושינג"),
    ("T5", "attribution", "עידו אהרוני"),
    ("T7", "attribution", "יאיר קדר"),
]
mine = document("נועה", common + [
    ("T1", "attribution", "קבוצת פעילים טענה"),
    ("T6", "counter-claim", "אנחנו לא מנסים להסתיר את הסכסוך"),
    ("T8", "claim", "מדינת ישראל ראויה לשבח על יחסה כלפי הקהילה הלהט\"בית"),
], links)
theirs = document("יוסי", common + [
    ("T1", "attribution", "קבוצת פעילים"),
    ("T6", "counter-claim", "אנחנו לא מנסים להסתיר את הסכסוך אלא להרחיב את השיחה"),
    ("T8", "counter-claim", "מדינת ישראל ראויה לשבח על יחסה כלפי הקהילה הלהט\"בית"),
    ("T9", "counter-claim", "הוא מתח ביקורת על קבוצות להט\"ביות ישראליות"),
], links)
for path, doc in ((mine_path, mine), (theirs_path, theirs)):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
PYEOF

settings() {
  cat > "$XDG_CONFIG_HOME/glib-2.0/settings/keyfile" <<KEYEOF
[org/argumark/Argumark]
annotator-name='$2'
window-width=1280
window-height=800
color-scheme='$1'
KEYEOF
}

start_app() {
  "$app" "$@" &
  pid=$!
  window=$(xdotool search --sync --onlyvisible --pid "$pid" | head -n 1)
  xdotool windowfocus --sync "$window"
  # let the first frames, fonts and highlights settle
  sleep 2
}

stop_app() {
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}

shoot() {
  import -window root "$tmp/shot.png"
  convert "$tmp/shot.png" -crop 1280x800+0+0 +repage -strip "$out/$1"
  echo "wrote data/screenshots/$1"
}

mkdir -p "$out"
for scheme in light dark; do
  settings "$scheme" 'Dana Levi'
  start_app "$doc"
  # Select the first claim: its source and its counter-claim light up with it.
  xdotool key --clearmodifiers j j
  sleep 1
  shoot "main-$scheme.png"
  if [ "$scheme" = light ]; then
    xdotool key --clearmodifiers ctrl+question
    sleep 2
    shoot shortcuts.png
  fi
  stop_app
done

# The review, as a user starts it: Review… in the main menu (F10, r), then the
# colleague's file typed into the file chooser's location entry.
settings light 'נועה'
start_app "$docs/pinkwashing-noa.argumark.json"
xdotool key --clearmodifiers F10
sleep 1
xdotool key --clearmodifiers r
sleep 2
xdotool key --clearmodifiers ctrl+l
sleep 0.5
xdotool type --delay 20 pinkwashing-yossi.argumark.json
sleep 0.5
xdotool key --clearmodifiers Return
sleep 3
# Settle the first difference (the colleague's boundary) and go to the next.
xdotool key --clearmodifiers t
sleep 1
shoot review-rtl.png
stop_app
