#!/bin/sh
# Cost of all cgo-* checks relative to parsing, measured in one run:
#   ratio = (clang-tidy-N with the plugin, --checks='-*,cgo-*') / (clang-N -fsyntax-only)
# on the same file with the same flags, best of R runs each, for each LLVM
# major given (default: 19 and 22, each needs build/llvmN). Then the share
# of each check in the checks' time (clang-tidy --enable-check-profile).
# usage: bench/cgo_checks.sh [FILE.c] [RUNS] [LLVM_MAJOR...]
# Default FILE: sqlite3.c from the npm package better-sqlite3 (fetched with
# `npm pack` into build/bench/ on first use). Without Go-side facts the
# pointer checks assume what a plain clang-tidy run assumes (Assume=facts
# falls back to preamble mode: every non-static function may get Go memory).
set -eu
cd "$(dirname "$0")/.."
. bench/best.sh
file=${1:-}
runs=${2:-3}
[ $# -gt 2 ] && shift 2 || set --
majors=${*:-19 22}
if [ -z "$file" ]; then
  file=build/bench/sqlite3.c
  if [ ! -f "$file" ]; then
    mkdir -p build/bench
    (cd build/bench && npm pack --silent better-sqlite3@12 >/dev/null &&
      tar xzf better-sqlite3-*.tgz --strip-components=3 package/deps/sqlite3/sqlite3.c)
  fi
fi
[ -f "$file" ] || { echo "bench: no such file: $file" >&2; exit 2; }


# sqlite3 frees through sqlite3_free: list it so the deallocation checks
# analyse those functions. WarningsAsErrors is reset so that no .clang-tidy
# around the file changes what is measured.
config="{Checks: '-*,cgo-*', WarningsAsErrors: '', CheckOptions: {Deallocators: 'free;sqlite3_free'}}"
echo "file: $file ($(wc -l <"$file") lines), best of $runs"
for major in $majors; do
  plugin=build/llvm$major/clang-tidy-plugin/libcgocheck.so
  [ -f "$plugin" ] || { echo "bench: $plugin not built (cmake --preset llvm$major && cmake --build --preset llvm$major)" >&2; exit 2; }
  parse=$(best "clang-$major" -fsyntax-only -w "$file")
  tidy=$(best "clang-tidy-$major" --load="$plugin" --config="$config" "$file" -- -w)
  echo "LLVM $major: clang-$major -fsyntax-only $parse ms, clang-tidy-$major + cgo-* $tidy ms," \
    "$(awk -v a="$tidy" -v b="$parse" 'BEGIN { printf "ratio %.2fx", a / b }')"
  "clang-tidy-$major" --load="$plugin" --config="$config" --enable-check-profile "$file" -- -w 2>&1 |
    awk '/checks profiling/ { on = 1 } on && / cgo-/ { printf "  %-30s %s s\n", $NF, $(NF - 3) }'
done
