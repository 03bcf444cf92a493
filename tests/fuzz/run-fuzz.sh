#!/bin/sh
# Fuzzes the document loader and the article reader with libFuzzer for
# SECONDS (default 60). meson builds with gcc, so the core is compiled here
# with clang. New crashes are written to _build-fuzz/; the corpus grows in
# _build-fuzz/corpus (seeded from tests/fuzz/corpus, which stays as it is).
set -eu

seconds=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
out="$top/_build-fuzz"
core="$top/src/core"

mkdir -p "$out/corpus"
cat > "$out/config.h" <<CONFIG
#define GETTEXT_PACKAGE "argumark"
#define PACKAGE_VERSION "fuzz"
#define LOCALEDIR "/usr/share/locale"
#define APP_ID "org.argumark.Argumark"
#define PKGDATADIR "/usr/share/argumark"
CONFIG

sources="am-annotation.c am-document.c am-document-io.c am-error.c am-json.c am-label.c
         am-label-schema.c am-link.c am-load-report.c am-relation-type.c am-text.c"
files=""
for s in $sources; do files="$files $core/$s"; done

# shellcheck disable=SC2046,SC2086
clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -I"$out" -I"$core" $(pkg-config --cflags glib-2.0 gobject-2.0 gio-2.0) \
  -o "$out/fuzz-document" "$top/tests/fuzz/fuzz-document.c" $files \
  $(pkg-config --libs glib-2.0 gobject-2.0 gio-2.0) -lm

cd "$out"
ASAN_OPTIONS=detect_leaks=1 ./fuzz-document -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -dict="$top/tests/fuzz/document.dict" \
  -rss_limit_mb=2048 -print_final_stats=1 corpus "$top/tests/fuzz/corpus"
