#!/bin/sh
# Fails when a source or data file with translatable strings is missing from
# po/POTFILES, when POTFILES names a file that does not exist, or when it is
# not sorted (so that parallel edits merge cleanly).
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

srcdir="$1"
potfiles="$srcdir/po/POTFILES"
status=0
listed=$(mktemp)
needed=$(mktemp)
trap 'rm -f "$listed" "$needed"' EXIT

grep -v '^[[:space:]]*\(#.*\)\?$' "$potfiles" > "$listed" || true

if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
  echo "po/POTFILES is not sorted (LC_ALL=C sort); expected order:" >&2
  LC_ALL=C sort "$listed" >&2
  status=1
fi

while read -r file; do
  if [ ! -f "$srcdir/$file" ]; then
    echo "po/POTFILES lists $file, which does not exist" >&2
    status=1
  fi
done < "$listed"

cd "$srcdir"
# In a git checkout only committed files count: engineers share one work tree,
# and a file someone is still writing is not yet part of the project.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  candidates() { git ls-files -- "$@"; }
else
  candidates() { find "$@" -type f; }
fi
{
  # C: _("…"), N_("…"), C_("ctx", "…"), NC_(…), Q_(…), ngettext ("…", …);
  # a string literal must follow, so that "_()" in a comment does not count.
  candidates src data | grep -E '\.[ch]$' | xargs -r grep -lE \
    '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dngettext|ngettext) ?\([[:space:]]*("|GETTEXT_PACKAGE|NULL)' || true
  candidates src data | grep -E '\.ui$' | xargs -r grep -l 'translatable="yes"' || true
  # Data files whose tools extract text: launchers, metainfo, schemas, MIME types.
  candidates data | grep -vE '^data/(samples|schema)/' |
    grep -E '\.(desktop\.in|metainfo\.xml\.in|gschema\.xml|mime\.xml\.in)$' || true
} | LC_ALL=C sort -u > "$needed"

missing=$(LC_ALL=C sort "$listed" | LC_ALL=C comm -23 "$needed" -)
if [ -n "$missing" ]; then
  echo "these files have translatable strings but are missing from po/POTFILES:" >&2
  echo "$missing" >&2
  status=1
fi

[ "$status" -eq 0 ] && echo "ok: po/POTFILES lists all $(wc -l < "$needed") files with translatable strings"
exit "$status"
