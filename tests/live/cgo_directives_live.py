#!/usr/bin/env python3
"""Ground truth for include/cgocheck/cgo/{constraints,directives}.hpp from the
real `go list` of Debian's golang-1.19.

Each case is a one-package module whose files carry `#cgo` lines (valid,
invalid verbs, malformed arguments, quotes, escapes, ${SRCDIR}, relative
-I/-L, conditions), _GOOS/_GOARCH name suffixes, `//go:build` and
`// +build` lines, and non-Go files. The script runs, per case,

    GOOS=.. GOARCH=.. CGO_ENABLED=.. go list -e -json [-tags ..] .

(HOME, GOCACHE, GOPATH in a temporary directory, GOFLAGS=-mod=mod,
GO111MODULE=on) and writes what go reports — GoFiles, CgoFiles,
IgnoredGoFiles, InvalidGoFiles, TestGoFiles, the C/H/S file lists,
IgnoredOtherFiles, CgoCFLAGS ... CgoPkgConfig and Error.Err — together with
the inputs the C++ functions take (the context, each .go file's
`//go:build` / `// +build` / `#cgo` lines and each file's content) to
tests/unit/data/cgo_directives_go119.json. The unit test
tests/unit/cgo_directives_test.cpp ("[cgo][directives][live]") replays every
case through decide_go_file / decide_other_file / parse_cgo_directive and
fails, naming the case and the field, on any disagreement.

Packages live under /tmp/cgocheck-directives-live/<case>/p so that the
absolute paths in the data do not change from run to run.

Re-run (from the repository root):

    python3 tests/live/cgo_directives_live.py              # regenerate the data
    python3 tests/live/cgo_directives_live.py --check      # compare with the checked-in data
    python3 tests/live/cgo_directives_live.py --unit-tests build/h-directives/tests/unit-tests
                                                           # regenerate, then run the replay test

Exit: 0 fine, 1 differences (--check) or a failing replay, 2 usage or tool
error, 77 when the go command is missing.
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

GO_DEFAULT = "/usr/lib/go-1.19/bin/go"
BASE = "/tmp/cgocheck-directives-live"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_DEFAULT = os.path.join(REPO, "tests", "unit", "data", "cgo_directives_go119.json")
LIST_KEYS = ["GoFiles", "CgoFiles", "IgnoredGoFiles", "InvalidGoFiles", "TestGoFiles", "CFiles",
             "CXXFiles", "HFiles", "SFiles", "SysoFiles", "IgnoredOtherFiles", "CgoCFLAGS",
             "CgoCPPFLAGS", "CgoCXXFLAGS", "CgoFFLAGS", "CgoLDFLAGS", "CgoPkgConfig"]


def go_file(name, cgo=None, go_build=(), plus_build=(), header=None, package="p"):
    """A .go file. cgo: the preamble lines (None: no import "C"). go_build /
    plus_build: the constraint texts go/build finds; by default they are also
    what is written. header: raw leading text instead (then go_build and
    plus_build must list what go/build takes from it)."""
    if header is None:
        lines = ["//go:build " + e for e in go_build] + ["// +build " + t for t in plus_build]
        header = "\n".join(lines) + "\n\n" if lines else ""
    body = header + "package " + package + "\n"
    if cgo is not None:
        # ast.CommentGroup.Text drops "//" and one space: the lines come back as written.
        body += "\n" + "".join("// " + line + "\n" for line in cgo)
        body += 'import "C"\n'
    return {"name": name, "content": body, "go": True, "go_build": list(go_build),
            "plus_build": list(plus_build), "imports_c": cgo is not None,
            "cgo_lines": [line for line in (cgo or [])]}


def other_file(name, content=""):
    return {"name": name, "content": content, "go": False}


def case(name, files, goos="linux", goarch="amd64", cgo=True, tags=(), base=True):
    files = list(files)
    if base:
        files.append(go_file("base.go"))
    return {"name": name, "goos": goos, "goarch": goarch, "cgo_enabled": cgo,
            "build_tags": list(tags), "files": files}


def cases():
    out = []
    add = out.append
    # --- #cgo lines: verbs, arguments -----------------------------------------
    add(case("plain-cflags", [go_file("a.go", ["#cgo CFLAGS: -O2 -Wall"])]))
    add(case("all-verbs", [go_file("a.go", [
        "#cgo CPPFLAGS: -DA=1", "#cgo CFLAGS: -std=c99", "#cgo CXXFLAGS: -std=c++17",
        "#cgo FFLAGS: -ffixed-form", "#cgo LDFLAGS: -lm", "#cgo pkg-config: --static zlib"])]))
    add(case("two-files-in-order", [
        go_file("b.go", ["#cgo CFLAGS: -DB1", "#cgo LDFLAGS: -lb"]),
        go_file("a.go", ["#cgo CFLAGS: -DA1 -DA2", "#cgo LDFLAGS: -la"])]))
    add(case("quotes", [go_file("a.go", [
        "#cgo CFLAGS: '-DX=a b' \"-DY=c d\" -DZ=e\\ f -DW='x'y\"z\" -D'Q'=\"r\" -D\\A"])]))
    add(case("quotes-and-escapes", [go_file("a.go", [
        "#cgo CFLAGS: '-DX=a b' \"-DY=c d\" -DZ=e\\ f -DW='x'y\"z\" -DV=\\'"])]))
    add(case("empty-quoted-arg", [go_file("a.go", ["#cgo CFLAGS: -DA ''"])]))
    add(case("unclosed-quote", [go_file("a.go", ["#cgo CFLAGS: '-DX=1"])]))
    add(case("trailing-backslash", [go_file("a.go", ["#cgo CFLAGS: -DX\\"])]))
    add(case("malformed-semicolon", [go_file("a.go", ["#cgo CFLAGS: -DX=a;b"])]))
    add(case("malformed-backtick", [go_file("a.go", ["#cgo LDFLAGS: -Wl,--x=`id`"])]))
    add(case("malformed-angle", [go_file("a.go", ["#cgo CFLAGS: -DOK '-DX=<y>'"])]))
    add(case("safe-punctuation", [go_file("a.go", [
        "#cgo LDFLAGS: -Wl,-rpath,$ORIGIN/lib @rsp %x !y ~z ^w -Wl,a:b"])]))
    add(case("non-ascii-arg", [go_file("a.go", ["#cgo CFLAGS: -DNAME=\u00e9t\u00e9"])]))
    add(case("srcdir", [go_file("a.go", [
        "#cgo CFLAGS: -I${SRCDIR}/include", "#cgo LDFLAGS: -L${SRCDIR}/lib -Wl,-rpath,${SRCDIR}/lib",
        "#cgo CPPFLAGS: -DDIR=${SRCDIR} ${SRCDIR}${SRCDIR}"])]))
    add(case("srcdir-bad-chunk", [go_file("a.go", ["#cgo CFLAGS: -I${SRCDIR}/a;b"])]))
    add(case("relative-paths", [go_file("a.go", [
        "#cgo CFLAGS: -Iinc -I inc2 -I./x/../y -I/abs -I. -L../lib",
        "#cgo LDFLAGS: -L lib -Llib2/ -L/usr/lib", "#cgo CPPFLAGS: -I -DNEXT",
        "#cgo pkg-config: -Irel"])]))
    add(case("invalid-verb", [go_file("a.go", ["#cgo CFLAGS: -DFIRST", "#cgo FOO: x", "#cgo CFLAGS: -DAFTER"])]))
    add(case("invalid-verb-lowercase", [go_file("a.go", ["#cgo cflags: -DX"])]))
    add(case("invalid-verb-not-applying", [go_file("a.go", ["#cgo windows FOO: x", "#cgo CFLAGS: -DOK"])]))
    add(case("no-colon", [go_file("a.go", ["#cgo CFLAGS -O2"])]))
    add(case("no-verb", [go_file("a.go", ["#cgo : -O2"])]))
    add(case("indented-error-line", [go_file("a.go", ["  #cgo BAR: y"])]))
    add(case("tab-after-cgo", [go_file("a.go", ["#cgo\tCFLAGS: -DTAB", "#cgofoo CFLAGS: -DNOT"])]))
    add(case("noescape-in-1.19", [go_file("a.go", ["#cgo noescape f"])]))
    add(case("malformed-not-applying", [go_file("a.go", [
        "#cgo windows CFLAGS: -DX=a;b", "#cgo darwin CFLAGS: 'open", "#cgo CFLAGS: -DOK"])]))
    add(case("colon-in-args", [go_file("a.go", ["#cgo LDFLAGS: -Wl,-rpath,/a:/b"])]))
    add(case("cgo-disabled-still-reads-lines", [go_file("a.go", ["#cgo CFLAGS: -DX", "#cgo FOO: y"])],
             cgo=False))
    add(case("cgo-disabled-flags", [go_file("a.go", ["#cgo CFLAGS: -DX", "#cgo !cgo CFLAGS: -DNOCGO"])],
             cgo=False))
    # --- #cgo conditions -----------------------------------------------------
    conds = ["#cgo linux CFLAGS: -DLINUX", "#cgo windows CFLAGS: -DWINDOWS", "#cgo darwin CFLAGS: -DDARWIN",
             "#cgo linux,amd64 CFLAGS: -DLINUX_AMD64", "#cgo linux,arm64 CFLAGS: -DLINUX_ARM64",
             "#cgo !windows CFLAGS: -DNOT_WINDOWS", "#cgo darwin arm64 CFLAGS: -DDARWIN_OR_ARM64",
             "#cgo unix LDFLAGS: -lunix", "#cgo solaris LDFLAGS: -lsolaris",
             "#cgo linux&&amd64 CPPFLAGS: -DGB_LINUX_AMD64", "#cgo (linux||darwin)&&!arm64 CPPFLAGS: -DGB_X",
             "#cgo !(windows) CPPFLAGS: -DGB_NOT_WINDOWS", "#cgo linux&& CPPFLAGS: -DGB_BROKEN",
             "#cgo cgo CXXFLAGS: -DCGO", "#cgo !cgo CXXFLAGS: -DNOCGO", "#cgo gc CXXFLAGS: -DGC",
             "#cgo gccgo CXXFLAGS: -DGCCGO", "#cgo go1.18 FFLAGS: -DGO118", "#cgo go1.20 FFLAGS: -DGO120",
             "#cgo !go1.19 FFLAGS: -DNOT_GO119", "#cgo goexperiment.regabiargs LDFLAGS: -lregabi",
             "#cgo linux,foo-bar LDFLAGS: -linvalidword", "#cgo !!linux LDFLAGS: -ldoubleneg",
             "#cgo ios LDFLAGS: -lios", "#cgo android LDFLAGS: -landroid", "#cgo illumos LDFLAGS: -lillumos",
             "#cgo foo LDFLAGS: -lfoo", "#cgo !foo LDFLAGS: -lnofoo", "#cgo ignore LDFLAGS: -lignore"]
    for goos, goarch in [("linux", "amd64"), ("linux", "arm64"), ("linux", "386"), ("darwin", "arm64"),
                         ("darwin", "amd64"), ("windows", "amd64"), ("freebsd", "amd64"), ("ios", "arm64"),
                         ("android", "arm64"), ("illumos", "amd64"), ("js", "wasm")]:
        add(case("conditions-%s-%s" % (goos, goarch), [go_file("a.go", conds)], goos=goos, goarch=goarch))
    add(case("conditions-tags-foo", [go_file("a.go", conds)], tags=["foo"]))
    add(case("conditions-tags-ignore", [go_file("a.go", conds)], tags=["ignore", "windows"]))
    add(case("conditions-cgo-off", [go_file("a.go", conds)], cgo=False))
    # --- file names ----------------------------------------------------------------
    names = ["x_windows.go", "x_linux.go", "x_amd64.go", "x_arm64.go", "x_linux_arm64.go", "x_linux_amd64.go",
             "x_darwin_arm64.go", "x_unix.go", "x_bar.go", "linux.go", "windows.go", "_x.go", ".x.go",
             "x_linux.pb.go", "x_windows.pb.go", "x_ios.go", "x_darwin.go", "x_android.go", "x_solaris.go",
             "x_illumos.go", "x_wasip1.go", "x_nacl.go", "x_zos.go", "x_amd64p32.go", "a_b_linux.go",
             "x_windows_test.go", "x_linux_test.go", "x_test.go", "x_arm64_linux.go", "x__linux.go",
             "x_linux_.go", "x_linux_arm64_test.go", "x.linux.go"]
    for goos, goarch, tags in [("linux", "amd64", []), ("linux", "arm64", []), ("darwin", "arm64", []),
                               ("ios", "arm64", []), ("android", "arm64", []), ("illumos", "amd64", []),
                               ("windows", "amd64", []), ("linux", "amd64", ["windows"])]:
        add(case("names-%s-%s%s" % (goos, goarch, "-tags" if tags else ""),
                 [go_file(n) for n in names], goos=goos, goarch=goarch, tags=tags))
    # --- //go:build and // +build ---------------------------------------------------
    add(case("go-build-exprs", [
        go_file("a.go", go_build=["linux && cgo"]), go_file("b.go", go_build=["!cgo"]),
        go_file("c.go", go_build=["ignore"]), go_file("d.go", go_build=["unix"]),
        go_file("e.go", go_build=["go1.19"]), go_file("f.go", go_build=["go1.20"]),
        go_file("g.go", go_build=["linux && (amd64 || arm64)"]), go_file("h.go", go_build=["!(linux && amd64)"]),
        go_file("i.go", go_build=["gc && !gccgo"]), go_file("j.go", go_build=["goexperiment.regabiwrappers"]),
        go_file("k.go", go_build=["boringcrypto"]), go_file("l.go", go_build=["android || ios"])]))
    add(case("go-build-exprs-darwin", [
        go_file("a.go", go_build=["linux && cgo"]), go_file("d.go", go_build=["unix"]),
        go_file("l.go", go_build=["darwin && !ios"]), go_file("m.go", go_build=["darwin || windows"])],
        goos="darwin", goarch="arm64"))
    for i, bad in enumerate(["linux &&", "linux & amd64", "(linux", "linux)", "!!linux", "linux amd64",
                             "linux || (", "", "$x", "linux |"]):
        add(case("go-build-error-%d" % i, [go_file("a.go", go_build=[bad])]))
    add(case("go-build-multiple", [go_file("a.go", go_build=["linux", "amd64"])]))
    add(case("plus-build-lines", [
        go_file("a.go", plus_build=["linux darwin"]), go_file("b.go", plus_build=["linux,amd64"]),
        go_file("c.go", plus_build=["!windows"]), go_file("d.go", plus_build=["linux", "arm64"]),
        go_file("e.go", plus_build=["ignore"]), go_file("f.go", plus_build=["linux,!cgo amd64"]),
        go_file("g.go", plus_build=["!!linux"]), go_file("h.go", plus_build=["foo-bar"]),
        go_file("i.go", plus_build=["!foo-bar"]), go_file("j.go", plus_build=[""]),
        go_file("k.go", plus_build=["linux,", "amd64"])]))
    add(case("plus-build-placement", [
        # No blank line between the +build line and the package clause: not a constraint.
        go_file("a.go", header="// +build windows\npackage p\n"),
        # The +build block is followed by a blank line, then a doc comment: counts.
        go_file("b.go", header="// +build windows\n\n// Package p.\n", plus_build=["windows"]),
        # //go:build wins over // +build.
        go_file("c.go", header="//go:build linux\n// +build windows\n\n", go_build=["linux"],
                plus_build=["windows"]),
        # //+build without the space counts too.
        go_file("d.go", header="//+build windows\n\n", plus_build=["windows"]),
        # Inside /* */ nothing counts.
        go_file("e.go", header="/*\n//go:build windows\n*/\n\n"),
        # A +build line after a /* */ comment on an earlier line no longer counts.
        go_file("f.go", header="/* c */\n// +build windows\n\n"),
        # //go:build after the blank line still counts (it is before the package clause).
        go_file("g.go", header="// c\n\n//go:build windows\n\n", go_build=["windows"]),
        # //go:buildx is not a //go:build line.
        go_file("h.go", header="//go:buildx windows\n\n")]))
    add(case("cgo-file-with-constraints", [
        go_file("a.go", ["#cgo CFLAGS: -DA"], go_build=["linux"]),
        go_file("b.go", ["#cgo CFLAGS: -DB"], go_build=["windows"]),
        go_file("c_windows.go", ["#cgo FOO: bad"])]))
    # --- non-Go files ------------------------------------------------------------------
    other = [go_file("a.go", ["#cgo CFLAGS: -DA"]),
             other_file("plain.c", "#include <stdio.h>\n"),
             other_file("x_windows.c", "int x;\n"),
             other_file("gb_windows.c", "//go:build windows\n\n#include <stdio.h>\n"),
             other_file("gb_linux.h", "//go:build linux && cgo\n\n#pragma once\n"),
             other_file("pb.h", "// +build darwin\n\n#pragma once\n"),
             other_file("pb2.cc", "// +build linux,amd64\n\nint y;\n"),
             other_file("after_code.c", "int z;\n//go:build windows\n"),
             other_file("slash_star.c", "/* c */ //go:build windows\n\nint w;\n"),
             other_file("in_block.c", "/*\n//go:build windows\n*/\nint v;\n"),
             other_file("asm_amd64.s", "// +build ignore\n\nTEXT x(SB),0,$0\n"),
             other_file("big.S", "#include \"textflag.h\"\n"),
             other_file("notes.txt", "//go:build windows\n"),
             other_file("lib.syso", "")]
    add(case("other-files", other))
    add(case("other-files-no-cgo", [f for f in other if f["name"] == "base.go" or f["name"].endswith(
        (".h", ".s", ".S", ".syso", ".txt"))]))
    add(case("other-file-syntax-error", [other_file("bad.c", "/ not a comment\n")]))
    add(case("other-file-unclosed-comment", [other_file("bad.h", "/* never closed\n")]))
    add(case("other-file-go-build-error", [other_file("bad.c", "//go:build linux &&\n\nint x;\n")]))
    add(case("other-file-two-go-builds", [other_file("two.c", "//go:build linux\n//go:build cgo\n\nint x;\n")]))
    add(case("other-file-bom", [other_file("bom.c", "\ufeff//go:build windows\n\nint x;\n")]))
    return out


def run(cmd, cwd, env):
    return subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, check=False)


def go_env(tmp, c):
    env = {k: v for k, v in os.environ.items() if not k.startswith("GO") and not k.startswith("CGO_")}
    env.update({"HOME": os.path.join(tmp, "home"), "GOCACHE": os.path.join(tmp, "cache"),
                "GOPATH": os.path.join(tmp, "gopath"), "GOFLAGS": "-mod=mod", "GO111MODULE": "on",
                "GOOS": c["goos"], "GOARCH": c["goarch"], "CGO_ENABLED": "1" if c["cgo_enabled"] else "0",
                "GOENV": "off", "GOTOOLCHAIN": "local", "GOPROXY": "off"})
    return env


def run_case(go, tmp, c):
    root = os.path.join(BASE, c["name"])
    pkg = os.path.join(root, "p")
    shutil.rmtree(root, ignore_errors=True)
    os.makedirs(pkg)
    with open(os.path.join(root, "go.mod"), "w", encoding="utf-8") as f:
        f.write("module example.com/m\n\ngo 1.19\n")
    for fi in c["files"]:
        with open(os.path.join(pkg, fi["name"]), "w", encoding="utf-8") as f:
            f.write(fi["content"])
    env = go_env(tmp, c)
    tags = ["-tags=" + ",".join(c["build_tags"])] if c["build_tags"] else []
    proc = run([go, "list", "-e", "-json"] + tags + ["."], pkg, env)
    if proc.returncode != 0:
        raise RuntimeError("%s: go list failed: %s" % (c["name"], proc.stderr.strip()))
    listed = json.loads(proc.stdout)
    ctx = run([go, "list", "-e", "-f", "{{join context.ToolTags \",\"}}"] + tags + ["."], pkg, env)
    tool_tags = [t for t in ctx.stdout.strip().split(",") if t]
    shutil.rmtree(root, ignore_errors=True)
    expect = {k: listed.get(k) or [] for k in LIST_KEYS}
    err = listed.get("Error") or {}
    expect["Error"] = err.get("Err", "")
    files = []
    for fi in c["files"]:
        entry = {"name": fi["name"], "content": fi["content"]}
        if fi["go"]:
            entry.update({"go_build": fi["go_build"], "plus_build": fi["plus_build"],
                          "imports_c": fi["imports_c"], "cgo_lines": fi["cgo_lines"]})
        files.append(entry)
    return {"name": c["name"], "goos": c["goos"], "goarch": c["goarch"], "cgo_enabled": c["cgo_enabled"],
            "build_tags": c["build_tags"], "tool_tags": tool_tags, "dir": pkg, "files": files,
            "expect": expect}


def describe_diff(old, new):
    lines = []
    old_by = {c["name"]: c for c in old.get("cases", [])}
    new_by = {c["name"]: c for c in new.get("cases", [])}
    for name in sorted(set(old_by) | set(new_by)):
        a, b = old_by.get(name), new_by.get(name)
        if a is None or b is None:
            lines.append("%s: %s" % (name, "new case" if a is None else "case removed"))
            continue
        for key in sorted(set(a["expect"]) | set(b["expect"])):
            if a["expect"].get(key) != b["expect"].get(key):
                lines.append("%s: %s: checked in %r, go now says %r" % (name, key, a["expect"].get(key),
                                                                      b["expect"].get(key)))
        if a["files"] != b["files"] or a["tool_tags"] != b["tool_tags"]:
            lines.append("%s: inputs changed" % name)
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--go", default=GO_DEFAULT)
    parser.add_argument("--out", default=OUT_DEFAULT)
    parser.add_argument("--check", action="store_true",
                        help="compare with the data file instead of writing it")
    parser.add_argument("--unit-tests", help="unit-tests binary to run on the data afterwards")
    parser.add_argument("-j", type=int, default=8)
    args = parser.parse_args()
    if not os.path.exists(args.go):
        print("cgo_directives_live: %s not found; skipping" % args.go, file=sys.stderr)
        return 77
    version = run([args.go, "version"], REPO, dict(os.environ)).stdout.strip()
    tmp = tempfile.mkdtemp(prefix="cgocheck-live-go-")
    try:
        os.makedirs(BASE, exist_ok=True)
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
            results = list(pool.map(lambda c: run_case(args.go, tmp, c), cases()))
    except (RuntimeError, OSError, ValueError) as e:
        print("cgo_directives_live: %s" % e, file=sys.stderr)
        return 2
    finally:
        subprocess.run(["chmod", "-R", "u+w", tmp], check=False)
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(BASE, ignore_errors=True)
    data = {"generated_by": "tests/live/cgo_directives_live.py", "go_version": version.split()[2],
            "cases": results}
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as f:
                old = json.load(f)
        except (OSError, ValueError) as e:
            print("cgo_directives_live: cannot read %s: %s" % (args.out, e), file=sys.stderr)
            return 2
        diff = describe_diff(old, data)
        for line in diff:
            print("DIFF " + line)
        print("%d cases, %d differences from %s" % (len(results), len(diff), os.path.relpath(args.out, REPO)))
        if diff:
            return 1
    else:
        os.makedirs(os.path.dirname(args.out), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1, ensure_ascii=False, sort_keys=True)
            f.write("\n")
        print("wrote %d cases to %s" % (len(results), os.path.relpath(args.out, REPO)))
    if args.unit_tests:
        proc = subprocess.run([args.unit_tests, "[cgo][directives][live]"], check=False)
        if proc.returncode != 0:
            print("cgo_directives_live: the model disagrees with go on the cases above", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
