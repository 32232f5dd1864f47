#!/bin/sh
# Fuzzes every fuzz/fuzz_*.cpp target (the buildenv parsers and the cgo front
# end) with libFuzzer + ASan + UBSan: configures and builds the `fuzz` preset
# (clang-19; Debian: clang-19 libclang-rt-19-dev), then runs each target for SECONDS_PER_TARGET seconds (default 60) on a scratch copy of
# fuzz/corpus/<target> in build/fuzz/work/<target>, with fuzz/dict/<target>.dict.
# The repository's corpus is never written to. Crashing inputs land in
# build/fuzz/work/<target>/artifacts/. Needs neither network nor root.
#
# Usage: sh scripts/fuzz.sh [SECONDS_PER_TARGET]
# Exit status: 0 when every target built and ran without a crash, 1 otherwise,
# 2 on a usage error.
set -u
cd "$(dirname "$0")/.." || exit 2

targets=$(cd fuzz && ls fuzz_*.cpp | sed 's/\.cpp$//')
seconds=${1:-60}
case $seconds in
  '' | *[!0-9]*)
    echo "usage: sh scripts/fuzz.sh [SECONDS_PER_TARGET]" >&2
    exit 2
    ;;
esac
if [ "$seconds" -lt 1 ]; then
  echo "usage: sh scripts/fuzz.sh [SECONDS_PER_TARGET] (at least 1)" >&2
  exit 2
fi

if ! command -v clang++-19 >/dev/null 2>&1; then
  echo "fuzz: clang++-19 not found (Debian: apt-get install clang-19 libclang-rt-19-dev)" >&2
  exit 1
fi

if ! configure_log=$(cmake --preset fuzz 2>&1); then
  echo "$configure_log"
  echo "fuzz: configure failed"
  exit 1
fi

build=build/fuzz
status=0
summary=""
for target in $targets; do
  binary="$build/fuzz/$target"
  # Built one by one, so that one broken target does not hide the others.
  if ! cmake --build --preset fuzz --target "$target" || [ ! -x "$binary" ]; then
    summary="${summary}fuzz $target: build failed
"
    status=1
    continue
  fi

  work="$build/work/$target"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/artifacts"
  if [ -d "fuzz/corpus/$target" ]; then
    cp fuzz/corpus/"$target"/* "$work/corpus/" 2>/dev/null
  fi
  dict=""
  if [ -f "fuzz/dict/$target.dict" ]; then
    dict="-dict=fuzz/dict/$target.dict"
  fi

  echo "== $target (${seconds} s)"
  log="$work/fuzz.log"
  start=$(date +%s)
  # -timeout: one input running longer than this is reported (timeout-*).
  # shellcheck disable=SC2086
  UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
    "$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=25 \
    $dict -artifact_prefix="$work/artifacts/" "$work/corpus" >"$log" 2>&1
  rc=$?
  end=$(date +%s)

  execs=$(sed -n 's/^stat::number_of_executed_units: *\([0-9][0-9]*\).*/\1/p' "$log" | tail -n 1)
  crashes=$(find "$work/artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' \
    -o -name 'oom-*' \) | wc -l | tr -d ' ')
  if [ "$rc" -ne 0 ] && [ "$crashes" -eq 0 ]; then
    # libFuzzer stopped with an error but saved no input (e.g. a bad flag).
    crashes=1
  fi
  line="fuzz $target: ${execs:-?} executions in $((end - start)) s, $crashes crashes"
  summary="$summary$line
"
  if [ "$crashes" -ne 0 ] || [ -z "$execs" ]; then
    status=1
    echo "$line"
    # The sanitizer report or the violated invariant, and the saved input.
    grep -E '^==[0-9]+== ?ERROR|invariant violated|runtime error|terminate called|what\(\):|^SUMMARY|Test unit written to|^Base64' "$log" | head -n 20
    echo "stack (project frames):"
    grep -E '^ +#[0-9]+ .*(include/cgocheck/[a-z_/]+\.hpp:|fuzz/fuzz_[a-z_]+\.cpp:)' "$log" | sed 's/ (BuildId: [0-9a-f]*)$//' | head -n 12
    for input in "$work"/artifacts/*; do
      [ -f "$input" ] || continue
      echo "input $input ($(wc -c <"$input" | tr -d ' ') bytes), hex:"
      od -An -v -tx1 "$input" | tr -d ' \n' | cut -c1-512
      echo
    done
    echo "(full log: $log)"
  fi
done

echo
printf '%s' "$summary"
exit $status
