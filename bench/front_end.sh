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
# ratio to the whole tree's rate, with and without the fixed start-up cost.
# usage: bench/front_end.sh [CGOCHECK] [RUNS]
# Default CGOCHECK: the llvm19 preset's release build (RelWithDebInfo),
# build/llvm19/tools/cgocheck.
set -eu
cd "$(dirname "$0")/.."
. bench/best.sh
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
mkdir "$tmp/empty"
"$cgocheck" list --go-version=1.19 "$tmp/empty" >/dev/null 2>&1 ||
  { echo "bench: $cgocheck has no working 'list' command (rebuild it)" >&2; exit 2; }


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
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wall times; other work on the machine slows both)"
echo "go list -e -json std cmd:                    $golist ms"
echo "cgocheck list --json src/... src/cmd/...:    $mine ms"
awk -v a="$golist" -v b="$mine" 'BEGIN { printf "ratio go list / cgocheck list: %.1fx (goal >= 10x)\n", a / b }'

echo
start=$(best list "$tmp/empty")
echo "linearity: cgocheck list on growing subsets; start-up (an empty directory) $start ms"
all_bytes=$(go_bytes "$src")
rate() { awk -v n="$1" -v t="$2" 'BEGIN { if (t < 1) t = 1; printf "%.0f", n / t }'; }
all_rate=$(rate "$all_bytes" "$mine")
all_net=$(rate "$all_bytes" $((mine - start)))
printf '%-22s %11s %7s %10s %9s %14s %9s\n' "subset" ".go bytes" "ms" "bytes/ms" "vs whole" "w/o start-up" "vs whole"
row() { # label bytes ms
  net=$(rate "$2" $(($3 - start)))
  awk -v s="$1" -v n="$2" -v t="$3" -v r="$all_rate" -v q="$net" -v qa="$all_net" \
    'BEGIN { printf "%-22s %11d %7d %10.0f %8.2fx %14d %8.2fx\n", s, n, t, n / t, (n / t) / r, q, q / qa }'
}
for sub in net runtime cmd; do
  row "src/$sub/..." "$(go_bytes "$sub")" "$(best list "$src/$sub/...")"
done
row "src/... src/cmd/..." "$all_bytes" "$mine"
