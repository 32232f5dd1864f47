#!/usr/bin/env python3
"""Checks `cgocheck env --explain-write` / `--explain-unset`: what `go env -w`
and `go env -u` would do, per Go version (rules: src/cmd/go/internal/envcmd/env.go).

usage: check_explain.py CGOCHECK
"""
import os
import subprocess
import sys
import tempfile

# (name, extra environment, arguments, expected exit, texts expected in stdout)
CASES = [
    ("read-only", {}, ["--explain-write=GOHOSTOS=plan9"], 1, ["refused: go: GOHOSTOS cannot be modified"]),
    ("goenv", {}, ["--explain-write=GOENV=/x"], 1, ["refused: go: GOENV can only be set using the OS environment"]),
    ("godebug-1.19", {}, ["--go-version=1.19", "--explain-write=GODEBUG=cgocheck=0"], 1,
     ["refused: go: unknown go command variable GODEBUG"]),
    ("godebug-1.23", {}, ["--go-version=1.23", "--explain-write=GODEBUG=cgocheck=0"], 1,
     ["refused: go: GODEBUG can only be set using the OS environment"]),
    ("goroot-1.26", {}, ["--go-version=1.26", "--explain-write=GOROOT=/opt/go"], 0, ["writes "]),
    ("goroot-1.27", {}, ["--go-version=1.27", "--explain-write=GOROOT=/opt/go"], 1,
     ["refused: go: GOROOT cannot be modified"]),
    ("relative-cc", {}, ["--explain-write=CC=bin/cc"], 1,
     ["refused: go: CC entry is relative; must be absolute path: \"bin/cc\""]),
    ("bad-pair", {}, ["--explain-write=GOOS=bogus"], 1, ["refused: go: unsupported GOOS/GOARCH pair bogus/"]),
    ("not-key-value", {}, ["--explain-write=CGO_ENABLED"], 1,
     ["refused: go: arguments must be KEY=VALUE: invalid argument: CGO_ENABLED"]),
    ("os-env-wins", {"CGO_ENABLED": "1"}, ["--explain-write=CGO_ENABLED=0"], 0,
     ["prints: warning: go env -w CGO_ENABLED=... does not override conflicting OS environment variable",
      "CGO_ENABLED=1 in the process environment keeps winning"]),
    ("same-value-no-warning", {"CGO_ENABLED": "0"}, ["--explain-write=CGO_ENABLED=0"], 0, ["writes "]),
    ("ignored-value", {}, ["--explain-write=CGO_ENABLED=yes"], 0, ["ignores every value except \"0\" and \"1\""]),
    ("goenv-off", {"GOENV": "off"}, ["--explain-write=CC=clang"], 0,
     ["writes {home}/.config/go/env", "GOENV=off: the go command still writes {home}/.config/go/env"]),
    ("unset-without-file", {}, ["--explain-unset=CC"], 1,
     ["refused: go: reading go env config: open {home}/.config/go/env: no such file or directory"]),
]


def main():
    cgocheck = sys.argv[1]
    failures = 0
    for name, extra, args, want_exit, texts in CASES:
        with tempfile.TemporaryDirectory() as home:
            env = {"HOME": home, "PATH": "/usr/bin:/bin"}
            env.update(extra)
            p = subprocess.run([cgocheck, "env", "--host=linux/amd64"] + args, env=env, capture_output=True,
                               text=True)
            problems = []
            if p.returncode != want_exit:
                problems.append(f"exit {p.returncode}, want {want_exit}; stderr: {p.stderr.strip()}")
            for text in texts:
                if text.format(home=home) not in p.stdout:
                    problems.append(f"stdout lacks {text.format(home=home)!r}")
            if "same-value" in name and "does not override" in p.stdout:
                problems.append("warned although the OS value equals the new one")
            if problems:
                failures += 1
                print(f"FAIL {name}: " + "; ".join(problems) + f"\n  stdout: {p.stdout.strip()}")
    print(f"{len(CASES)} cases, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
