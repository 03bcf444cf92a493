#!/bin/sh
# Builds a private MIME database from the merged package file and checks that
# Argumark documents, and only they, get the Argumark type.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

package="$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

mkdir -p "$tmp/mime/packages"
cp "$package" "$tmp/mime/packages/"
# update-mime-database reports a malformed package but still exits 0.
XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" update-mime-database "$tmp/mime" >"$tmp/errors" 2>&1
if [ -s "$tmp/errors" ]; then
  cat "$tmp/errors" >&2
  exit 1
fi

grep -qx '60:application/x-argumark+json:\*\.argumark\.json' "$tmp/mime/globs2" || {
  echo "globs2 lacks *.argumark.json:" >&2
  cat "$tmp/mime/globs2" >&2
  exit 1
}
grep -qx 'application/x-argumark+json application/json' "$tmp/mime/subclasses" || {
  echo "application/x-argumark+json is not a subclass of application/json" >&2
  exit 1
}
if grep -q 'txt' "$tmp/mime/globs2"; then
  echo "the package claims plain-text files" >&2
  exit 1
fi
echo "ok: *.argumark.json is application/x-argumark+json"
