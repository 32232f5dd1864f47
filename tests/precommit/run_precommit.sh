#!/bin/sh
# End to end with pre-commit (https://pre-commit.com): a scratch git
# repository whose .pre-commit-config.yaml uses this repository as the hook
# repository (repo: REPO_ROOT, rev: its HEAD), so the hook comes from the
# COMMITTED .pre-commit-hooks.yaml. The hook's entry, `cgocheck lint`, is the
# built one (its directory goes first on PATH).
#
#   1. a commit without cgo files is not checked (the hook is skipped);
#   2. staging a .go file whose preamble frees a null pointer: the commit
#      FAILS and shows the finding at the .go line;
#   3. the bug fixed and staged: the commit SUCCEEDS (the hook passed);
#   4. with a known bug committed elsewhere (--no-verify), a commit touching
#      only README.md still succeeds: the hook looks at staged files only.
#
# usage: run_precommit.sh CGOCHECK REPO_ROOT
# Exit 0 pass, 1 failure, 77 skipped (pre-commit or git missing, or
# REPO_ROOT not a git checkout). The real repository is only read.
set -u

if [ $# -ne 2 ]; then
  echo "usage: $0 CGOCHECK REPO_ROOT" >&2
  exit 2
fi
cgocheck=$1
repo=$2

skip() {
  echo "SKIP: $1"
  exit 77
}

command -v git >/dev/null 2>&1 || skip "git is not installed"
command -v pre-commit >/dev/null 2>&1 || skip "pre-commit is not installed (Debian: apt-get install pre-commit)"
[ -x "$cgocheck" ] || { echo "FAIL: $cgocheck is not an executable"; exit 1; }
rev=$(git -C "$repo" rev-parse --verify -q HEAD 2>/dev/null) || skip "$repo is not a git checkout with a commit"
git -C "$repo" cat-file -e "$rev:.pre-commit-hooks.yaml" 2>/dev/null ||
  { echo "FAIL: $repo has no committed .pre-commit-hooks.yaml at $rev"; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/cgocheck-precommit-XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
bindir=$(cd "$(dirname "$cgocheck")" && pwd) || exit 1

# Nothing from the user's own configuration: a home, git and pre-commit
# directories of our own.
mkdir -p "$tmp/home" "$tmp/work"
HOME=$tmp/home
PRE_COMMIT_HOME=$tmp/pre-commit-home
XDG_CACHE_HOME=$tmp/home/.cache
GIT_CONFIG_NOSYSTEM=1
PATH=$bindir:$PATH
export HOME PRE_COMMIT_HOME XDG_CACHE_HOME GIT_CONFIG_NOSYSTEM PATH
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GOOS GOARCH GOFLAGS CGOCHECK_PLUGIN 2>/dev/null

failed=0
fail() {
  echo "FAIL: $1"
  failed=1
}
pass() {
  echo "ok:   $1"
}
# check OK-TEXT FAIL-TEXT COMMAND...: passes when COMMAND succeeds.
check() {
  ok_text=$1
  fail_text=$2
  shift 2
  if "$@"; then pass "$ok_text"; else fail "$fail_text"; fi
}

echo "pre-commit: $(pre-commit --version); git: $(git --version)"
echo "hook repository: $repo at $rev"
echo "cgocheck on PATH: $(command -v cgocheck)"
echo "scratch repository: $tmp/work"
echo "--- the hook as committed:"
git -C "$repo" show "$rev:.pre-commit-hooks.yaml" | sed 's/^/    /'

cd "$tmp/work" || exit 1
git init -q . || exit 1
git config user.name "cgocheck test"
git config user.email "cgocheck-test@example.invalid"
git config commit.gpgsign false

cat >.pre-commit-config.yaml <<EOF
repos:
  - repo: $repo
    rev: $rev
    hooks:
      - id: cgocheck
EOF
printf 'module example.com/precommit\n\ngo 1.19\n' >go.mod
printf '# precommit test\n' >README.md
mkdir -p tiles other

# The line of free(p) is BUG_LINE, at column 3.
BUG_LINE=10
write_tiles() { # $1: the statement on the bug line
  cat >tiles/tiles.go <<EOF
// Package tiles is a cgo package for the pre-commit test.
package tiles

/*
#include <stdlib.h>

static void tiles_reset(void) {
	char *p = NULL;
	if (p == NULL) {
		$1
	}
}
*/
import "C"

// Reset calls into C.
func Reset() { C.tiles_reset() }
EOF
}

# commit MESSAGE: runs git commit, keeps its output in $tmp/out, returns its status.
commit() {
  echo "\$ git commit -m '$1'"
  git commit -m "$1" >"$tmp/out" 2>&1
  rc=$?
  sed 's/^/    | /' "$tmp/out"
  echo "    -> exit $rc"
  return $rc
}
count() { git rev-list --count HEAD 2>/dev/null || echo 0; }

echo "--- \$ pre-commit install"
if pre-commit install >"$tmp/out" 2>&1; then
  sed 's/^/    | /' "$tmp/out"
  check "pre-commit install wrote .git/hooks/pre-commit" \
    "no executable .git/hooks/pre-commit after pre-commit install" [ -x .git/hooks/pre-commit ]
else
  sed 's/^/    | /' "$tmp/out"
  echo "FAIL: pre-commit install failed"
  exit 1
fi

echo "--- step 1: a first commit without .go/.c/.h files"
git add .pre-commit-config.yaml go.mod README.md
if commit "initial"; then
  pass "the commit succeeded"
else
  fail "a commit without cgo files failed"
fi
check "the cgocheck hook was skipped (no files)" "the output does not show the cgocheck hook as skipped" \
  grep -q 'cgocheck (C side of cgo).*Skipped' "$tmp/out"

echo "--- step 2: stage tiles/tiles.go, whose preamble frees a null pointer"
write_tiles "free(p);"
git add tiles/tiles.go
before=$(count)
if commit "tiles with a bug"; then
  fail "the commit succeeded although tiles/tiles.go has a cgo-nil-free bug"
else
  pass "the commit failed"
fi
check "no commit was made ($before commits)" "a commit was made anyway" [ "$(count)" = "$before" ]
check "the cgocheck hook failed" "the output does not show the cgocheck hook as failed" \
  grep -q 'cgocheck (C side of cgo).*Failed' "$tmp/out"
if grep -q "^tiles/tiles.go:$BUG_LINE:3: warning: .*\[cgo-nil-free\]\$" "$tmp/out"; then
  pass "the finding is shown at tiles/tiles.go:$BUG_LINE:3 [cgo-nil-free]"
else
  fail "no line 'tiles/tiles.go:$BUG_LINE:3: warning: ... [cgo-nil-free]' in the output"
fi

echo "--- step 3: the bug fixed (p allocated before the free) and staged"
write_tiles "p = malloc(1);
		free(p);"
git add tiles/tiles.go
if commit "tiles"; then
  pass "the commit succeeded"
else
  fail "the commit of the fixed file failed"
fi
check "the commit was made" "no commit was made" [ "$(count)" = "$((before + 1))" ]
check "the cgocheck hook ran and passed" "the output does not show the cgocheck hook as passed" \
  grep -q 'cgocheck (C side of cgo).*Passed' "$tmp/out"

echo "--- step 4: a bug committed with --no-verify elsewhere; then a commit touching only README.md"
sed -e 's/package tiles/package other/' -e 's/tiles_reset/other_reset/g' -e '/p = malloc(1);/d' \
  tiles/tiles.go >other/other.go
git add other/other.go
git commit -q --no-verify -m "other, with a bug, unchecked" || fail "git commit --no-verify failed"
echo "\$ cgocheck lint other (the committed bug is real)"
cgocheck lint other >"$tmp/lint" 2>&1
lint_rc=$?
sed 's/^/    | /' "$tmp/lint"
check "cgocheck lint other finds it (exit 1)" "cgocheck lint other exited $lint_rc, not 1" [ "$lint_rc" -eq 1 ]
printf 'More words.\n' >>README.md
git add README.md
before=$(count)
if commit "readme"; then
  pass "the README-only commit succeeded"
else
  fail "the README-only commit failed"
fi
check "the commit was made" "no commit was made" [ "$(count)" = "$((before + 1))" ]
check "the cgocheck hook was skipped (no files)" "the output does not show the cgocheck hook as skipped" \
  grep -q 'cgocheck (C side of cgo).*Skipped' "$tmp/out"
if grep -q 'cgo-nil-free' "$tmp/out"; then
  fail "the README-only commit printed a finding"
else
  pass "the README-only commit printed no finding"
fi

if [ "$failed" -ne 0 ]; then
  echo "precommit: FAILED"
  exit 1
fi
echo "precommit: all steps passed"
exit 0
