#!/bin/sh
# Runs every benchmark that meson built under BUILD/bench; those named
# bench-ui-* need a display and run under xvfb-run. Figures only: the exit
# status is non-zero only if a benchmark crashed.
set -u

build=${1:-build}
dir="$build/bench"

if [ ! -d "$dir" ]; then
  echo "run-benchmarks.sh: no $dir; run 'meson compile -C $build benchmarks' first" >&2
  exit 2
fi

status=0
found=0
for exe in "$dir"/bench-*; do
  [ -f "$exe" ] && [ -x "$exe" ] || continue
  found=1
  name=$(basename "$exe")
  echo "== $name"
  case "$name" in
    bench-ui-*)
      GSETTINGS_BACKEND=memory GSK_RENDERER=cairo GTK_A11Y=none NO_AT_BRIDGE=1 \
        xvfb-run -a -s "-screen 0 1280x1024x24" "$exe" || status=1
      ;;
    *)
      GSETTINGS_BACKEND=memory "$exe" || status=1
      ;;
  esac
  echo
done

if [ "$found" = 0 ]; then
  echo "run-benchmarks.sh: no benchmarks in $dir" >&2
  exit 2
fi

exit $status
