#!/bin/sh
# Every test: installs what is missing, then configures, builds and runs ctest
# for the llvm19 and llvm22 presets (library, plugin, fixtures, registry,
# version guard, install/consumer, lint) and the asan preset (library and
# command under AddressSanitizer + UBSan, and the live differential test
# against go1.19); then fuzzes each parser for CGOCHECK_FUZZ_SECONDS seconds
# (default 30; 0 skips).
set -u
cd "$(dirname "$0")/.."

sh scripts/deps.sh || exit 2

status=0
summary=""
passed_total=0
failed_total=0
for preset in llvm19 llvm22 asan; do
  echo "== $preset"
  start=$(date +%s)
  if ! configure_log=$(cmake --preset "$preset" 2>&1); then
    echo "$configure_log"
    echo "$preset: configure failed"
    status=1
    continue
  fi
  if ! cmake --build --preset "$preset"; then
    echo "$preset: build failed"
    status=1
    continue
  fi
  built=$(date +%s)
  log="build/$preset/ctest.log"
  ctest --preset "$preset" 2>&1 | tee "$log"
  # ctest's closing line: "N% tests passed, F tests failed out of T".
  line=$(grep -E "tests passed, [0-9]+ tests failed out of [0-9]+" "$log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$preset: ctest did not finish"
    status=1
    continue
  fi
  total=$(echo "$line" | sed -E 's/.*out of ([0-9]+).*/\1/')
  failed=$(echo "$line" | sed -E 's/.* ([0-9]+) tests failed.*/\1/')
  [ "$failed" -eq 0 ] || status=1
  passed_total=$((passed_total + total - failed))
  failed_total=$((failed_total + failed))
  done_at=$(date +%s)
  summary="$summary
$preset: build $((built - start)) s, tests $((done_at - built)) s, $((total - failed))/$total passed"
done

fuzz_seconds=${CGOCHECK_FUZZ_SECONDS:-30}
if [ "$fuzz_seconds" -gt 0 ]; then
  echo "== fuzz"
  start=$(date +%s)
  if fuzz_out=$(sh scripts/fuzz.sh "$fuzz_seconds" 2>&1); then
    fuzz_result="passed"
    passed_total=$((passed_total + 1))
  else
    echo "$fuzz_out"
    fuzz_result="FAILED"
    failed_total=$((failed_total + 1))
    status=1
  fi
  echo "$fuzz_out" | grep "^fuzz fuzz_"
  summary="$summary
fuzz: $(($(date +%s) - start)) s, $fuzz_result"
fi

echo
echo "== summary$summary"
echo "$passed_total passed, $failed_total failed"
exit $status
