#!/bin/sh
# Main job on the bundled example: installs what is missing, builds the
# cgocheck command and the LLVM 19 plugin, and runs `cgocheck lint` on the
# cgo package examples/imagecache, whose findings are reported at the lines
# of its .go preambles and of its C shim.
set -eu
cd "$(dirname "$0")/.."

sh scripts/deps.sh
cmake --preset llvm19 >/dev/null
cmake --build --preset llvm19 --target cgocheck-cli cgocheck-plugin

echo
echo "== cgocheck lint examples/imagecache"
# The Go release to model is that of the go on PATH (Debian: golang-1.19).
PATH="/usr/lib/go-1.19/bin:$PATH"
export PATH
status=0
build/llvm19/tools/cgocheck lint examples/imagecache || status=$?
# Exit status 1 means findings, which is what the example is for.
[ "$status" -eq 1 ]
