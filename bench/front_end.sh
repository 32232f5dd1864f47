#!/bin/sh
# Speed of the cgo front end relative to the go command, measured in one run:
#   ratio = (go list -e -json std cmd) / (cgocheck list --json src/... src/cmd/...)
# on the Go 1.19 source tree (Debian golang-1.19-src), warm (each command runs
# once first), best of R runs each; goal: ratio >= 10. Both list the same
# tree for the same target (cgocheck reads every non-test .go file, its
# #cgo lines and the Go-side facts of its cgo files; go list also includes
# the 96 vendor/ and cmd/vendor/ packages, which cgocheck does not walk).
# Then linearity: cgocheck list on growing subsets, in bytes of non-test .go
# per millisecond (roughly constant = linear in the input), each also as a
# ratio to the whole tree's rate.
# usage: bench/front_end.sh [CGOCHECK] [RUNS]
# Default CGOCHECK: the llvm19 preset's release build (RelWithDebInfo),
# build/llvm19/tools/cgocheck.
set -eu
cd "$(dirname "$0")/.."
cgocheck=${1:-build/llvm19/tools/cgocheck}
runs=${2:-3}
go=/usr/lib/go-1.19/bin/go
src=/usr/lib/go-1.19/src
[ -x "$cgocheck" ] || { echo "bench: $cgocheck not built (cmake --preset llvm19 && cmake --build --preset llvm19)" >&2; exit 2; }
[ -x "$go" ] && [ -d "$src" ] || { echo "bench: needs Debian's golang-1.19 ($go, $src)" >&2; exit 2; }
cgocheck=$(cd "$(dirname "$cgocheck")" && pwd)/$(basename "$cgocheck")

tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
unset GOTOOLCHAIN GOOS GOARCH GOROOT GOENV GOEXPERIMENT GOFLAGS CGO_CFLAGS CGO_LDFLAGS
export HOME="$tmp" GOCACHE="$tmp/cache" GOPATH="$tmp/gopath" GOFLAGS=-mod=mod CGO_ENABLED=1
export PATH="/usr/lib/go-1.19/bin:$PATH"
cd "$src"
export PWD="$src"

best() { # best wall time in ms of running "$@" $runs times, after one warm-up run
  "$@" >/dev/null 2>&1 || true
  b=""
  i=0
  while [ "$i" -lt "$runs" ]; do
    s=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true
    e=$(date +%s%N)
    t=$(( (e - s) / 1000000 ))
    [ "$t" -gt 0 ] || t=1
    if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
    i=$((i + 1))
  done
  echo "$b"
}

go_bytes() { # bytes of the non-test .go files a DIR/... pattern reads
  find -L "$@" \( -name testdata -o -name vendor -o -name '.?*' -o -name '_*' \) -prune -o \
    -type f -name '*.go' ! -name '*_test.go' -print0 | xargs -0 cat | wc -c
}

list() { "$cgocheck" list --json --go-version=1.19 "$@"; }

golist=$(best "$go" list -e -json std cmd)
mine=$(best list "$src/..." "$src/cmd/...")
packages=$(list "$src/..." "$src/cmd/..." | grep -c '"Dir"')
cgo_packages=$(list --cgo-only "$src/..." "$src/cmd/..." | grep -c '"Dir"')
echo "tree: $src ($packages packages, $cgo_packages with cgo files), $(uname -m), $(nproc) cores, best of $runs, warm"
echo "go list -e -json std cmd:                    $golist ms"
echo "cgocheck list --json src/... src/cmd/...:    $mine ms"
awk -v a="$golist" -v b="$mine" 'BEGIN { printf "ratio go list / cgocheck list: %.1fx (goal >= 10x)\n", a / b }'

echo
echo "linearity: cgocheck list on growing subsets"
all_bytes=$(go_bytes "$src")
all_rate=$(awk -v n="$all_bytes" -v t="$mine" 'BEGIN { printf "%.0f", n / t }')
printf '%-22s %12s %8s %14s %10s\n' "subset" ".go bytes" "ms" "bytes/ms" "vs whole"
for sub in net runtime cmd; do
  bytes=$(go_bytes "$sub")
  t=$(best list "$src/$sub/...")
  awk -v s="src/$sub/..." -v n="$bytes" -v t="$t" -v r="$all_rate" \
    'BEGIN { printf "%-22s %12d %8d %14.0f %9.2fx\n", s, n, t, n / t, (n / t) / r }'
done
awk -v s="src/... src/cmd/..." -v n="$all_bytes" -v t="$mine" -v r="$all_rate" \
  'BEGIN { printf "%-22s %12d %8d %14.0f %9.2fx\n", s, n, t, n / t, (n / t) / r }'
