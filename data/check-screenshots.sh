#!/bin/sh
# Every screenshot the metainfo names must be in data/screenshots/ as a PNG of
# the size the metainfo states, so that software centres show what is there.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

metainfo="$1"
screenshots="$2"

# Lines such as: <image type="source" width="1280" height="800">…/data/screenshots/NAME.png</image>
grep -o '<image [^>]*>[^<]*</image>' "$metainfo" | while read -r line; do
  width=$(echo "$line" | sed -n 's/.*width="\([0-9]*\)".*/\1/p')
  height=$(echo "$line" | sed -n 's/.*height="\([0-9]*\)".*/\1/p')
  name=$(echo "$line" | sed -n 's|.*/data/screenshots/\([^<]*\)</image>.*|\1|p')
  file="$screenshots/$name"
  if [ -z "$name" ] || [ ! -f "$file" ]; then
    echo "the metainfo names a screenshot that is not in data/screenshots/: $line" >&2
    exit 1
  fi
  # A PNG starts with its 8-byte signature and the IHDR chunk: width and height
  # are the big-endian 32-bit numbers at bytes 16 and 20.
  signature=$(od -An -tx1 -N8 "$file" | tr -d ' \n')
  set -- $(od -An -tu1 -j16 -N8 "$file")
  actual_width=$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))
  actual_height=$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))
  if [ "$signature" != 89504e470d0a1a0a ]; then
    echo "$file is not a PNG" >&2
    exit 1
  fi
  if [ "$actual_width" != "$width" ] || [ "$actual_height" != "$height" ]; then
    echo "$file is ${actual_width}x${actual_height}, the metainfo says ${width}x${height}" >&2
    exit 1
  fi
  echo "ok: $name ${width}x${height}"
done
