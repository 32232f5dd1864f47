#!/bin/sh
# Main job on the bundled example: installs what is missing, builds the
# plugin for LLVM 19, and runs it on the C shim of examples/imagecache.
set -eu
cd "$(dirname "$0")/.."

sh scripts/deps.sh
cmake --preset llvm19 >/dev/null
cmake --build --preset llvm19 --target cgocheck-plugin

echo
echo "== clang-tidy-19 --load=build/llvm19/clang-tidy-plugin/libcgocheck.so --checks='-*,cgo-*' examples/imagecache/shim.c"
clang-tidy-19 --load=build/llvm19/clang-tidy-plugin/libcgocheck.so \
  --config="{Checks: '-*,cgo-*'}" \
  examples/imagecache/shim.c -- -Iexamples/imagecache
