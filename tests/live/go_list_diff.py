#!/usr/bin/env python3
"""Differential test: `cgocheck list --json --go-version=1.19` against the real
`go list -e -json` of Debian's golang-1.19 on real trees, for several targets.

Trees (both commands run from the same directory):
  src   /usr/lib/go-1.19/src: `go list -e -json std cmd` against
        `cgocheck list --json $GOROOT/src/... $GOROOT/src/cmd/...`
        (src/cmd has its own go.mod, so `src/...` stops there the way
        `go list ./...` does; naming it as a second pattern covers cmd).
  misc  /usr/lib/go-1.19/misc/cgo: it is in GOROOT but neither std nor a
        module (no go.mod anywhere above it), so go list runs there in GOPATH
        mode: `GO111MODULE=off go list -e -json ./...`, against
        `cgocheck list --json $GOROOT/misc/cgo/...`. For the first target the
        tree is also listed with a relative `./...` (as a user types it) and
        the Dir values must be those of go list: the go command takes the
        current directory from $PWD when $PWD names it (os.Getwd), and
        /usr/lib/go-1.19/misc is a symbolic link.
  edge  a small module written to a temporary directory, for the first
        target only, `go list -e -json ./...` against `cgocheck list --json
        DIR/...`: files go/build reads only up to the end of the imports (a
        lexical error in a function body; an unterminated import path, which
        go list puts in GoFiles and InvalidGoFiles), a `package
        documentation` file, a package of test files only, and a cgo package
        with conditional `#cgo` lines and .c/.h files excluded by
        constraints and by name.
Before that, the command's own contract: usage errors exit 2 with one
"cgocheck: list: " line, --cgo-only, the text form, and the keys of Calls.

Targets: linux/amd64, linux/arm64, darwin/arm64, darwin/amd64, windows/amd64,
freebsd/amd64 with CGO_ENABLED=1 set explicitly, and linux/amd64 with
CGO_ENABLED=0. HOME, GOCACHE and GOPATH are in a temporary directory,
GOFLAGS=-mod=mod, GOTOOLCHAIN unset, the go/env file is the empty one of
that HOME.

Packages are matched by Dir. For the packages both list, these fields are
compared (a missing key is an empty list): Name, GoFiles, CgoFiles,
IgnoredGoFiles, CFiles, CXXFiles, HFiles, CgoCFLAGS, CgoCPPFLAGS,
CgoCXXFLAGS, CgoFFLAGS, CgoLDFLAGS, CgoPkgConfig. What is legitimately
different, and left out of the comparison:
  - go list's test lists (TestGoFiles, XTestGoFiles) and test files in
    IgnoredGoFiles: cgocheck models the package build only, never tests.
  - vendor/... and cmd/vendor/... packages that `std cmd` includes: a
    `DIR/...` pattern never walks into vendor directories (go list ./...
    does not either), and vendored code is not the user's.
  - $GOROOT/src/builtin, always, and $GOROOT/src/runtime/cgo when cgo is
    off: the go command's pattern walk skips these two import paths by name
    (src/cmd/go/internal/modload/search.go `matchPackages`, go1.19), which
    only exist in GOROOT. cgocheck lists them (`go list builtin` does too).
  - IgnoredOtherFiles, SFiles, SysoFiles...: cgocheck keeps only the C-side
    lists cgo needs (.c, .cc/.cpp/.cxx, .h).
Every other difference is a disagreement: printed, and the exit status is 1.

usage: go_list_diff.py CGOCHECK [--go GO] [--jobs N] [--targets goos/goarch[/0],...]
Exit 0 when they agree, 1 on any disagreement, 2 on a tool error, 77 (skip)
when /usr/lib/go-1.19/bin/go is not installed.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

GO_DEFAULT = "/usr/lib/go-1.19/bin/go"
GOROOT = "/usr/lib/go-1.19"

TARGETS = [("linux", "amd64", "1"), ("linux", "arm64", "1"), ("darwin", "arm64", "1"),
           ("darwin", "amd64", "1"), ("windows", "amd64", "1"), ("freebsd", "amd64", "1"),
           ("linux", "amd64", "0")]

FIELDS = ["Name", "GoFiles", "CgoFiles", "IgnoredGoFiles", "CFiles", "CXXFiles", "HFiles",
          "CgoCFLAGS", "CgoCPPFLAGS", "CgoCXXFLAGS", "CgoFFLAGS", "CgoLDFLAGS", "CgoPkgConfig"]


def decode_stream(text):
    """go list -json prints one object after another, not an array."""
    dec = json.JSONDecoder()
    out, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


class ToolError(Exception):
    pass


def run(cmd, cwd, env):
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise ToolError("%s (in %s) exited %d: %s" % (" ".join(cmd), cwd, p.returncode,
                                                       p.stderr.strip()[:500]))
    return p.stdout


def base_env(home, go):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("GO", "CGO_")) and k not in ("CC", "CXX", "PKG_CONFIG", "PWD")}
    env.update(HOME=home, GOCACHE=os.path.join(home, "cache"), GOPATH=os.path.join(home, "gopath"),
               GOFLAGS="-mod=mod", PATH=os.path.dirname(go) + os.pathsep + env.get("PATH", ""))
    return env


def go_side(pkgs):
    """go list's packages by Dir, with what cgocheck does not model dropped."""
    out = {}
    for p in pkgs:
        path = p.get("ImportPath", "")
        if path.startswith("vendor/") or "/vendor/" in path:
            continue
        q = dict(p)
        q["IgnoredGoFiles"] = [n for n in p.get("IgnoredGoFiles", []) if not n.endswith("_test.go")]
        out[p["Dir"]] = q
    return out


def compare(label, go_pkgs, cg_pkgs, report, cgo):
    """Compares two lists of packages; returns (packages, fields) compared."""
    go = go_side(go_pkgs)
    cg = {p["Dir"]: p for p in cg_pkgs}
    skipped = [os.path.join(GOROOT, "src", "builtin")]
    if cgo == "0":
        skipped.append(os.path.join(GOROOT, "src", "runtime", "cgo"))
    for d in skipped:
        if d not in go:
            cg.pop(d, None)
    for d in sorted(set(go) - set(cg)):
        report.append("%s: %s: only go list lists it (%s)" % (
            label, d, go[d].get("Error", {}).get("Err", "no error")))
    for d in sorted(set(cg) - set(go)):
        report.append("%s: %s: only cgocheck lists it" % (label, d))
    both = sorted(set(go) & set(cg))
    fields = 0
    for d in both:
        for key in FIELDS:
            fields += 1
            a = go[d].get(key, "" if key == "Name" else [])
            b = cg[d].get(key, "" if key == "Name" else [])
            if a != b:
                report.append("%s: %s: %s: go list %s, cgocheck %s" % (label, d, key, json.dumps(a),
                                                                       json.dumps(b)))
    return len(both), fields


# The edge module: directory -> {file name: content}.
EDGE = {
    "bodyerr": {
        "a.go": 'package p\n\nfunc f() string { return "unterminated\n}\n',
        "b.go": "package p\n\nfunc g() { x := 1 @ 2; _ = x }\n",
        "c.go": "package p\n\nfunc ok() {}\n",
    },
    "headererr": {
        "a.go": 'package p\n\nimport "fmt\n',
        "b.go": "package p\n",
    },
    "documentation": {
        "a.go": "package documentation\n",
        "b.go": "package p\n",
    },
    "testsonly": {
        "x_test.go": "package q_test\n",
    },
    "cfiles": {
        "a.go": '//go:build cgo\n\npackage p\n\n// #cgo CFLAGS: -DA=1\n// #cgo linux LDFLAGS: -lm\nimport "C"\n',
        "b.c": "//go:build linux\n\nint b;\n",
        "c_windows.c": "int c;\n",
        "d.h": "/* unterminated comment\n",
    },
}


def write_edge(root):
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "go.mod"), "w") as f:
        f.write("module example.com/edge\n\ngo 1.19\n")
    for d, files in EDGE.items():
        os.makedirs(os.path.join(root, d), exist_ok=True)
        for name, content in files.items():
            with open(os.path.join(root, d, name), "w") as f:
                f.write(content)


def run_target(target, cgocheck, go, home, relative_too):
    goos, goarch, cgo = target
    env = base_env(home, go)
    env.update(GOOS=goos, GOARCH=goarch, CGO_ENABLED=cgo)
    label = "%s/%s CGO_ENABLED=%s" % (goos, goarch, cgo)
    report = []
    counts = [0, 0]

    def add(n):
        counts[0] += n[0]
        counts[1] += n[1]

    src = os.path.join(GOROOT, "src")
    src_env = dict(env, PWD=src)
    golist = decode_stream(run([go, "list", "-e", "-json", "std", "cmd"], src, src_env))
    mine = json.loads(run([cgocheck, "list", "--json", "--go-version=1.19", src + "/...", src + "/cmd/..."],
                          src, src_env))
    add(compare(label + " src", golist, mine, report, cgo))

    misc = os.path.join(GOROOT, "misc", "cgo")
    misc_env = dict(env, PWD=misc, GO111MODULE="off")
    misc_golist = decode_stream(run([go, "list", "-e", "-json", "./..."], misc, misc_env))
    mine = json.loads(run([cgocheck, "list", "--json", "--go-version=1.19", misc + "/..."], misc, misc_env))
    add(compare(label + " misc/cgo", misc_golist, mine, report, cgo))
    if relative_too:
        edge = os.path.join(home, "edge")
        write_edge(edge)
        edge_env = dict(env, PWD=edge)
        golist = decode_stream(run([go, "list", "-e", "-json", "./..."], edge, edge_env))
        mine = json.loads(run([cgocheck, "list", "--json", "--go-version=1.19", edge + "/..."], edge, edge_env))
        add(compare(label + " edge", golist, mine, report, cgo))
        # The same packages named relative to a current directory reached
        # through a symbolic link: Dir must still be go list's.
        relative = json.loads(run([cgocheck, "list", "--json", "--go-version=1.19", "./..."], misc, misc_env))
        want = sorted(p["Dir"] for p in misc_golist)
        got = sorted(p["Dir"] for p in relative)
        counts[1] += 1
        if want != got:
            report.append("%s misc/cgo: Dir of './...' run in %s (a path through a symbolic link, $PWD set): "
                          "go list %s, cgocheck %s" % (label, misc, json.dumps(want[0] if want else None),
                                                       json.dumps(got[0] if got else None)))
    return counts, report


def check_cli(cgocheck, env, report):
    """The command's own contract: usage errors, --cgo-only, the text form
    and the cgocheck-only JSON keys. Returns the number of checks."""
    misc = os.path.join(GOROOT, "misc", "cgo")
    checks = 0

    def expect(args, code, stderr_prefix=None):
        p = subprocess.run([cgocheck, "list"] + args, cwd=misc, env=dict(env, PWD=misc),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode != code or (stderr_prefix and not p.stderr.startswith(stderr_prefix)):
            report.append("cli: cgocheck list %s: exit %d, stderr %r; want exit %d, stderr %r..." % (
                " ".join(args), p.returncode, p.stderr[:200], code, stderr_prefix))
        return p.stdout

    expect(["--frob"], 2, "cgocheck: list: unknown flag '--frob'")
    expect(["--go-version=1.18", "."], 2, "cgocheck: list: --go-version=1.18 is not a Go release")
    expect([os.path.join(misc, "no-such-dir")], 2, "cgocheck: list: '")
    checks += 3
    only = json.loads(expect(["--json", "--cgo-only", "--go-version=1.19", misc + "/..."], 0))
    checks += 1
    if not only or any(not p.get("CgoFiles") for p in only):
        report.append("cli: --cgo-only listed a package without cgo files or nothing")
    test = [p for p in only if p["Dir"].endswith("/misc/cgo/test")]
    checks += 1
    if not test or not test[0].get("Calls") or not test[0].get("Exports"):
        report.append("cli: misc/cgo/test has no Calls or Exports in --json")
    else:
        call = test[0]["Calls"][0]
        arg = next((c["args"][0] for c in test[0]["Calls"] if c["args"]), {})
        if set(call) != {"function", "at", "go_function", "args"} or \
                not {"kind", "why", "freed_by_go"} <= set(arg):
            report.append("cli: Calls entries have keys %s, args %s" % (sorted(call), sorted(arg)))
    text = expect(["--go-version=1.19", "./test"], 0)
    checks += 1
    if not text.startswith("package cgotest in ") or not re.search(r"\n  test/\S+\.go:\d+:\d+: C\.\w+\(", text):
        report.append("cli: text form of ./test: %r" % text[:300])
    return checks


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("cgocheck")
    ap.add_argument("--go", default=GO_DEFAULT)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--targets", help="comma-separated goos/goarch or goos/goarch/0 (default: all)")
    args = ap.parse_args()
    if not os.access(args.go, os.X_OK):
        print("go_list_diff: %s not installed; skipping" % args.go)
        return 77
    cgocheck = os.path.abspath(args.cgocheck)
    targets = TARGETS
    if args.targets:
        targets = []
        for t in args.targets.split(","):
            parts = t.split("/")
            targets.append((parts[0], parts[1], parts[2] if len(parts) > 2 else "1"))
    home = tempfile.mkdtemp(prefix="cgocheck-go-list-")
    cli_report = []
    try:
        cli_checks = check_cli(cgocheck, dict(base_env(home, args.go), GOOS="linux", GOARCH="amd64",
                                              CGO_ENABLED="1"), cli_report)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda t: run_target(t, cgocheck, args.go, home, t == targets[0]), targets))
    except ToolError as e:
        print("go_list_diff: %s" % e, file=sys.stderr)
        return 2
    finally:
        subprocess.run(["chmod", "-R", "u+w", home], check=False)
        shutil.rmtree(home, ignore_errors=True)
    packages = sum(r[0][0] for r in results)
    fields = sum(r[0][1] for r in results)
    fields += cli_checks
    report = cli_report + [line for r in results for line in r[1]]
    for line in report:
        print(line)
    print("%d packages, %d fields compared, %d disagreements (%d targets)" % (
        packages, fields, len(report), len(targets)))
    return 1 if report else 0


if __name__ == "__main__":
    sys.exit(main())
