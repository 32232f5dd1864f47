#!/bin/sh
# Cost of cgo-nil-free relative to parsing, measured in one run:
#   ratio = (clang-tidy-N with the plugin, --checks='-*,cgo-*') / (clang-N -fsyntax-only)
# on the same file with the same flags, best of R runs each.
# usage: bench/nil_free.sh [LLVM_MAJOR] [FILE.c] [RUNS]
# Default FILE: sqlite3.c from the npm package better-sqlite3 (fetched with
# `npm pack` into build/bench/ on first use).
set -eu
cd "$(dirname "$0")/.."
major=${1:-19}
file=${2:-}
runs=${3:-3}
plugin=build/llvm$major/clang-tidy-plugin/libcgocheck.so
[ -f "$plugin" ] || { echo "bench: $plugin not built (cmake --preset llvm$major && cmake --build --preset llvm$major)" >&2; exit 2; }
if [ -z "$file" ]; then
  file=build/bench/sqlite3.c
  if [ ! -f "$file" ]; then
    mkdir -p build/bench
    (cd build/bench && npm pack --silent better-sqlite3@12 >/dev/null &&
      tar xzf better-sqlite3-*.tgz --strip-components=3 package/deps/sqlite3/sqlite3.c)
  fi
fi
[ -f "$file" ] || { echo "bench: no such file: $file" >&2; exit 2; }

best() { # best wall time in ms of running "$@" $runs times
  b=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t=$(( (e - s) / 1000000 ))
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
    i=$((i + 1))
  done
  echo "$b"
}

parse=$(best "clang-$major" -fsyntax-only -w "$file")
# sqlite3 frees through sqlite3_free: list it so the check analyses those functions.
tidy=$(best "clang-tidy-$major" --load="$plugin" \
  --config="{Checks: '-*,cgo-*', CheckOptions: {cgo-nil-free.Deallocators: 'free;sqlite3_free'}}" "$file" -- -w)
echo "file: $file ($(wc -l <"$file") lines), LLVM $major, best of $runs"
echo "clang-$major -fsyntax-only: $parse ms"
echo "clang-tidy-$major + cgo-*:  $tidy ms"
awk -v a="$tidy" -v b="$parse" 'BEGIN { printf "ratio: %.2fx\n", a / b }'
