#!/bin/sh
# Loads PLUGIN (built for LLVM OWN) into the clang-tidy of every other LLVM
# major given, and checks that each refuses loudly: non-zero exit, one stderr
# line naming both versions, no cgo-* check listed.
# usage: version_guard.sh PLUGIN OWN OTHER...   (exit 77 = no other clang-tidy)
plugin=$1
own=$2
shift 2
ran=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for v in "$@"; do
  [ "$v" = "$own" ] && continue
  tidy=$(command -v "clang-tidy-$v") || continue
  ran=$((ran + 1))
  "$tidy" --load="$plugin" --checks='-*,cgo-*' --list-checks >"$tmp/out" 2>"$tmp/err"
  rc=$?
  echo "clang-tidy-$v with the LLVM $own plugin: exit $rc"
  cat "$tmp/err"
  if [ "$rc" -eq 0 ]; then
    echo "FAIL: clang-tidy-$v exited 0 with a plugin built for LLVM $own"
    failed=1
  fi
  if ! grep -q "built for LLVM $own\.[0-9]* but is loaded into clang-tidy $v\.[0-9]*" "$tmp/err"; then
    echo "FAIL: no version error naming LLVM $own and clang-tidy $v"
    failed=1
  fi
  if [ "$(grep -c '^cgocheck:' "$tmp/err")" -ne 1 ]; then
    echo "FAIL: expected exactly one 'cgocheck:' line on stderr"
    failed=1
  fi
  if grep -q 'cgo-' "$tmp/out"; then
    echo "FAIL: checks were listed despite the mismatch"
    failed=1
  fi
done
if [ "$ran" -eq 0 ]; then
  echo "SKIP: no clang-tidy of another supported LLVM version is installed"
  exit 77
fi
exit "$failed"
