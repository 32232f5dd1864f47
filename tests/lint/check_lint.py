#!/usr/bin/env python3
"""End-to-end tests of `cgocheck lint` and `cgocheck compdb` (tools/), against
the contracts of the `cgocheck` command: text/JSON/SARIF output at .go/.c
positions relative to the current directory, exit codes 0/1/2 with a one-line
reason, the go command's package patterns and file selection, and a compile
database with which plain clang-tidy reproduces what `cgocheck lint` reports.

usage: check_lint.py --cgocheck PATH --plugin PATH --clang-tidy PATH
                     --repo DIR --cache DIR [--only NAME] [--list]

Sub-tests (run one with --only NAME): example, abi-targets, clean, sarif,
compdb-reproduces, front-end, patterns, errors, jobs.

Exit: 0 pass, 1 failure, 77 skipped (with the reason), 2 bad usage.
The cache directory keeps the SARIF 2.1.0 schema between runs (fetched once
with `npm pack @microsoft/jest-sarif@1.0.0-beta.0`). Where the real go
command (go on PATH, else Debian's /usr/lib/go-1.19/bin/go) is installed,
front-end and pattern cases are also cross-checked against it.
"""
import argparse
import collections
import copy
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

SKIP = 77

SARIF_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"
SARIF_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"
SARIF_CACHED = "sarif-2.1.0-rtm.5.json"

# The checks of the front end (rules::front_end_checks), reported by the
# command itself rather than by the plugin.
FRONT_END_CHECKS = ["cgo-invalid-flag", "cgo-invalid-directive", "cgo-go-syntax"]

# Variables that would change the target or the flags under the tests' feet.
SCRUBBED_ENV = ("GOOS", "GOARCH", "GOARM", "GOAMD64", "GOFLAGS", "GOENV", "CC", "CXX", "SDKROOT",
                "XDG_CONFIG_HOME", "CGOCHECK_PLUGIN", "PKG_CONFIG")

FINDING_RE = re.compile(r"^(?P<file>[^ ].*?):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<sev>warning|error): "
                        r"(?P<msg>.*) \[(?P<check>[A-Za-z0-9_.-]+)\]$")
NOTE_RE = re.compile(r"^  (?P<file>.+?):(?P<line>[0-9]+):(?P<col>[0-9]+): note: (?P<msg>.*)$")
TIDY_RE = re.compile(r"^(?P<file>.+?):(?P<line>[0-9]+):(?P<col>[0-9]+): (?P<kind>warning|error|note): (?P<msg>.*)$")
TIDY_CHECK_RE = re.compile(r"^(?P<msg>.*) \[(?P<check>[A-Za-z0-9_.,-]+)\]$")
LINE_DIRECTIVE_RE = re.compile(r'^\s*#\s*line\s+([0-9]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*$')


class Skipped(Exception):
    """A sub-test that cannot run here; the message says why."""


# --- Reporting ---------------------------------------------------------------

class Result:
    """The checks of one sub-test: each prints what it compared."""

    def __init__(self, name):
        self.name = name
        self.failures = []

    def check(self, cond, what, detail=None):
        print(("  ok    " if cond else "  FAIL  ") + what)
        if not cond:
            self.failures.append(what)
            if detail:
                for line in str(detail).rstrip("\n").split("\n"):
                    print("        | " + line)
        return cond

    def equal(self, got, want, what):
        if got == want:
            print(f"  ok    {what}: {short(got)}")
            return True
        print(f"  FAIL  {what}")
        print(f"        | got:  {got!r}")
        print(f"        | want: {want!r}")
        self.failures.append(what)
        return False


def short(value, limit=160):
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "..."


# --- Running the command ------------------------------------------------------

class Context:
    def __init__(self, args, scratch):
        self.cgocheck = os.path.abspath(args.cgocheck)
        self.plugin = os.path.abspath(args.plugin)
        self.tidy = args.clang_tidy
        self.repo = os.path.abspath(args.repo)
        self.cache = os.path.abspath(args.cache)
        self.scratch = scratch
        home = os.path.join(scratch, "home")
        os.makedirs(home, exist_ok=True)
        self.env = {k: v for k, v in os.environ.items() if k not in SCRUBBED_ENV and not k.startswith("CGO_")}
        # No user go/env file: the real process environment and defaults only.
        self.env["HOME"] = home
        self.example = os.path.join(self.repo, "examples", "imagecache")
        self._go = None

    def run(self, argv, cwd, extra_env=None, timeout=600):
        env = dict(self.env)
        env.update(extra_env or {})
        shown = " ".join(arg if arg and " " not in arg else repr(arg) for arg in argv)
        prefix = " ".join(f"{k}={v!r}" for k, v in (extra_env or {}).items())
        print(f"  $ (cd {cwd} && {prefix + ' ' if prefix else ''}{shown})")
        p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False)
        print(f"    -> exit {p.returncode}, {len(p.stdout.splitlines())} stdout lines, "
              f"{len(p.stderr.splitlines())} stderr lines")
        return p

    def lint(self, args, cwd, extra_env=None, tools=True):
        argv = [self.cgocheck, "lint"]
        if tools:
            argv += ["--plugin=" + self.plugin, "--clang-tidy=" + self.tidy]
        return self.run(argv + list(args), cwd, extra_env)

    def go(self):
        """The real go command, or None."""
        if self._go is None:
            self._go = shutil.which("go", path=self.env.get("PATH", "")) or ""
            if not self._go and os.access("/usr/lib/go-1.19/bin/go", os.X_OK):
                self._go = "/usr/lib/go-1.19/bin/go"
        return self._go or None

    def run_go(self, args, cwd, extra_env=None):
        env = {"GOCACHE": os.path.join(self.scratch, "gocache"), "GOPATH": os.path.join(self.scratch, "gopath"),
               "GOFLAGS": "-mod=mod", "GOPROXY": "off", "GOTOOLCHAIN": "local", "CGO_ENABLED": "1"}
        env.update(extra_env or {})
        return self.run([self.go()] + list(args), cwd, env)


def write_tree(root, files):
    """files: {relative path: text}."""
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def nil_free_go(package, function, build_line=""):
    """A cgo file whose preamble frees a pointer that is null on every path
    (cgo-nil-free at the free call, line 8 column 2)."""
    head = build_line + "\n\n" if build_line else ""
    return (f"{head}package {package}\n"
            "\n"
            "/*\n"
            "#include <stdlib.h>\n"
            f"static void {function}(void) {{\n"
            "\tchar *p = NULL;\n"
            "\tif (p == NULL) {\n"
            "\t\tfree(p);\n"
            "\t}\n"
            "}\n"
            "*/\n"
            'import "C"\n'
            "\n"
            f"func Call_{function}() {{ C.{function}() }}\n")


NIL_FREE_GO_LINE = 8  # the free(p) line of nil_free_go without a build line
NIL_FREE_GO_COL = 3


def clean_go(package, function):
    return (f"package {package}\n"
            "\n"
            "/*\n"
            "#include <stdlib.h>\n"
            f"static int {function}(int n) {{\n"
            "\tint *p = malloc(sizeof(int) * (n > 0 ? n : 1));\n"
            "\tif (p == NULL) {\n"
            "\t\treturn -1;\n"
            "\t}\n"
            "\tp[0] = n;\n"
            "\tint v = p[0];\n"
            "\tfree(p);\n"
            "\treturn v;\n"
            "}\n"
            "*/\n"
            'import "C"\n'
            "\n"
            f"func Call_{function}(n int) int {{ return int(C.{function}(C.int(n))) }}\n")


# --- Output parsing -------------------------------------------------------------

def parse_text(out):
    """Findings of the text format, and the lines that are neither a finding
    nor a note below one."""
    findings, stray = [], []
    for line in out.splitlines():
        m = FINDING_RE.match(line)
        if m:
            findings.append({"check": m["check"], "file": m["file"], "line": int(m["line"]),
                             "column": int(m["col"]), "severity": m["sev"], "message": m["msg"], "notes": []})
            continue
        n = NOTE_RE.match(line)
        if n and findings:
            findings[-1]["notes"].append({"file": n["file"], "line": int(n["line"]), "column": int(n["col"]),
                                          "message": n["msg"]})
            continue
        stray.append(line)
    return findings, stray


def key(f, with_notes=True):
    notes = tuple((n["file"], n["line"], n["column"], n["message"]) for n in f.get("notes", [])) if with_notes else ()
    return (f["file"], f["line"], f["column"], f["check"], f["message"], notes)


def keys(findings, with_notes=True):
    return sorted(key(f, with_notes) for f in findings)


def where(findings):
    return sorted((f["file"], f["line"], f["column"], f["check"]) for f in findings)


def one_line_error(r, p, what, contains=()):
    """A usage or tool error: exit 2, nothing on stdout, one stderr line
    starting "cgocheck: "."""
    r.equal(p.returncode, 2, f"{what}: exit code")
    r.equal(p.stdout, "", f"{what}: stdout")
    lines = p.stderr.splitlines()
    r.check(len(lines) == 1 and p.stderr.endswith("\n"), f"{what}: stderr is exactly one line", p.stderr)
    first = lines[0] if lines else ""
    r.check(first.startswith("cgocheck: "), f"{what}: stderr starts with 'cgocheck: ': {first!r}")
    for text in contains:
        r.check(text in p.stderr, f"{what}: stderr names {text!r}", p.stderr)


# --- Sub-tests ------------------------------------------------------------------

def expected_example_findings(example):
    """Where the example's bugs are. A "// Bug:" comment marks the free( call
    on the next line (cgo-nil-free); a "// Bug(CHECK, "TEXT"):" comment marks
    a CHECK finding on the next line, at the column where TEXT starts."""
    out = []
    for name in sorted(os.listdir(example)):
        if not name.endswith((".c", ".go")):
            continue
        with open(os.path.join(example, name), encoding="utf-8") as f:
            lines = f.read().split("\n")
        for i, line in enumerate(lines):
            if i + 1 >= len(lines):
                continue
            if "// Bug:" in line:
                m = re.search(r"\bfree\((\w+)\)", lines[i + 1])
                if m:
                    out.append((name, i + 2, m.start() + 1, "cgo-nil-free", m.group(1)))
                continue
            m = re.search(r'// Bug\((cgo-[a-z-]+), "([^"]+)"\):', line)
            if m and m.group(2) in lines[i + 1]:
                out.append((name, i + 2, lines[i + 1].index(m.group(2)) + 1, m.group(1), None))
    return out


def check_example_findings(r, findings, prefix, expected, label):
    got = sorted((f["file"], f["line"], f["column"]) for f in findings)
    want = sorted((prefix + name, line, col) for name, line, col, _, _ in expected)
    r.equal(got, want, f"{label}: finding positions (one per '// Bug' comment in the example)")
    by_pos = {(f["file"], f["line"], f["column"]): f for f in findings}
    for name, line, col, check, var in expected:
        f = by_pos.get((prefix + name, line, col))
        if f is None:
            continue
        at = f"{prefix}{name}:{line}:{col}"
        r.check(f["check"] == check and f["severity"] == "warning",
                f"{label}: {at} is a {check} warning ({f['check']}, {f['severity']})")
        if var is None:
            continue
        r.check(f"'{var}'" in f["message"], f"{label}: {at} message names '{var}': {f['message']!r}")
        notes = f["notes"]
        r.check(bool(notes) and all(n["file"] == prefix + name and 0 < n["line"] < line for n in notes),
                f"{label}: {at} has notes earlier in the same file: "
                f"{[(n['file'], n['line'], n['column']) for n in notes]}")


# The pointer-lifetime checks, each shown by borrow.go at a .go line with a
# note at the Go call that passes the memory.
POINTER_CHECKS = {"cgo-pointer-retained", "cgo-go-pointer-in-go-memory", "cgo-free-go-memory", "cgo-double-free",
                  "cgo-stack-address-escape"}


def test_example(ctx, r):
    expected = expected_example_findings(ctx.example)
    r.check(any(n == "stats.go" and line == 21 and col == 3 for n, line, col, *_ in expected)
            and sum(1 for n, *_ in expected if n == "shim.c") >= 1
            and {"cgo-char-signedness", "cgo-variadic"} <= {e[3] for e in expected if e[0] == "kinds.go"}
            and POINTER_CHECKS <= {e[3] for e in expected if e[0] == "borrow.go"},
            f"the example still has its bugs at stats.go:21:3, in shim.c, in kinds.go and in borrow.go: {expected}")

    p = ctx.lint(["examples/imagecache"], ctx.repo)
    r.equal(p.returncode, 1, "from the repo root: exit code (findings)")
    from_root, stray = parse_text(p.stdout)
    r.equal(stray, [], "from the repo root: every stdout line is a finding or its note")
    check_example_findings(r, from_root, "examples/imagecache/", expected, "from the repo root")
    pointer = [f for f in from_root if f["check"] in POINTER_CHECKS]
    r.equal(sorted({f["check"] for f in pointer}), sorted(POINTER_CHECKS),
            "from the repo root: each pointer check reports in the example")
    for f in pointer:
        r.check(f["file"] == "examples/imagecache/borrow.go"
                and any(n["file"] == f["file"] and n["line"] > f["line"] and n["message"].startswith("Go ")
                        for n in f["notes"]),
                f"from the repo root: {f['file']}:{f['line']} [{f['check']}] has a note at the Go call below it",
                f["notes"])
    r.check(any(line.startswith("examples/imagecache/stats.go:21:3: warning: ") and line.endswith(" [cgo-nil-free]")
                for line in p.stdout.splitlines()),
            "from the repo root: a line 'examples/imagecache/stats.go:21:3: warning: ... [cgo-nil-free]'")

    p_in = ctx.lint(["."], ctx.example)
    r.equal(p_in.returncode, 1, "inside the package: exit code (findings)")
    inside, stray = parse_text(p_in.stdout)
    r.equal(stray, [], "inside the package: every stdout line is a finding or its note")
    check_example_findings(r, inside, "", expected, "inside the package")
    r.check(any(line.startswith("stats.go:21:3: warning: ") for line in p_in.stdout.splitlines()),
            "inside the package: a line 'stats.go:21:3: warning: ...'")
    r.equal(p_in.stdout, p.stdout.replace("examples/imagecache/", ""),
            "inside the package: the same report with paths relative to the package")

    # The package as an absolute path from elsewhere: paths stay relative to
    # the current directory (here: below it).
    p_abs = ctx.lint([ctx.example], ctx.repo)
    r.equal(p_abs.stdout, p.stdout, "an absolute package path from the repo root: the same report")

    pj = ctx.lint(["--format=json", "examples/imagecache"], ctx.repo)
    r.equal(pj.returncode, 1, "--format=json: exit code (findings)")
    try:
        data = json.loads(pj.stdout)
    except ValueError as e:
        r.check(False, f"--format=json: stdout is JSON ({e})", pj.stdout[:2000])
        return
    r.check(isinstance(data, list), f"--format=json: an array ({type(data).__name__})")
    if not isinstance(data, list):
        return
    types = {"check": str, "file": str, "line": int, "column": int, "severity": str, "message": str}
    for i, obj in enumerate(data):
        ok = isinstance(obj, dict) and all(
            k in obj and isinstance(obj[k], t) and not isinstance(obj[k], bool) for k, t in types.items())
        r.check(ok, f"--format=json: [{i}] has check/file/line/column (numbers)/severity/message: "
                    f"{short({k: obj.get(k) for k in types} if isinstance(obj, dict) else obj, 240)}")
        if ok:
            r.check(obj["severity"] in ("warning", "error") and obj["line"] > 0 and obj["column"] > 0
                    and not os.path.isabs(obj["file"]) and not obj["file"].startswith(".."),
                    f"--format=json: [{i}] severity, positive position, path relative below the cwd")
    if all(isinstance(o, dict) for o in data):
        r.equal(keys(data), keys(from_root), "--format=json: the same findings and notes as the text format")


def test_abi_targets(ctx, r):
    """The ABI findings of the example at .go lines whatever target is linted:
    darwin/arm64 and darwin/amd64 without an SDK (stand-in C library headers)."""
    expected = expected_example_findings(ctx.example)
    abi = [e for e in expected if e[3] != "cgo-nil-free"]
    r.check(len(abi) >= 3, f"the example has ABI bugs marked in kinds.go: {abi}")
    for goos, goarch in (("darwin", "arm64"), ("darwin", "amd64")):
        label = f"{goos}/{goarch}"
        p = ctx.lint([f"--goos={goos}", f"--goarch={goarch}", "examples/imagecache"], ctx.repo,
                     extra_env={"SDKROOT": ""})
        r.equal(p.returncode, 1, f"{label}: exit code (findings)")
        findings, stray = parse_text(p.stdout)
        r.equal(stray, [], f"{label}: every stdout line is a finding or its note")
        r.check(not any(f["check"].startswith("clang-diagnostic") for f in findings),
                f"{label}: the generated units compile (no clang-diagnostic findings)",
                [f["message"] for f in findings if f["check"].startswith("clang-diagnostic")])
        check_example_findings(r, findings, "examples/imagecache/", expected, label)
        r.check("stand-in C library headers" in p.stderr,
                f"{label}: a note says the stand-in C library headers are used", p.stderr)
        r.check(any(line.startswith("examples/imagecache/kinds.go:") and line.endswith("[cgo-variadic]")
                    for line in p.stdout.splitlines()),
                f"{label}: a cgo-variadic finding at a kinds.go line")


def test_clean(ctx, r):
    pkg = os.path.join(ctx.scratch, "clean")
    write_tree(pkg, {
        "go.mod": "module example.com/clean\n\ngo 1.19\n",
        "clean.go": clean_go("clean", "twice"),
        "helper.h": "#ifndef HELPER_H\n#define HELPER_H\nint helper_sum(const int *v, int n);\n#endif\n",
        "helper.c": ('#include "helper.h"\n#include <stdlib.h>\n\n'
                     "int helper_sum(const int *v, int n) {\n"
                     "  int *copy = malloc(sizeof(int) * (n > 0 ? n : 1));\n"
                     "  if (copy == NULL)\n    return -1;\n"
                     "  int s = 0;\n  for (int i = 0; i < n; i++) {\n    copy[i] = v[i];\n    s += copy[i];\n  }\n"
                     "  free(copy);\n  return s;\n}\n"),
    })
    p = ctx.lint(["."], pkg)
    r.equal(p.returncode, 0, "clean package: exit code")
    r.equal(p.stdout, "", "clean package: stdout")
    pj = ctx.lint(["--format=json", "."], pkg)
    r.equal((pj.returncode, pj.stdout.strip()), (0, "[]"), "clean package, --format=json: exit 0 and []")

    # Control: the same package with one bug in the .c file is not clean, so
    # the package really was linted.
    with open(os.path.join(pkg, "helper.c"), encoding="utf-8") as f:
        text = f.read()
    buggy = os.path.join(ctx.scratch, "clean-control")
    shutil.copytree(pkg, buggy)
    with open(os.path.join(buggy, "helper.c"), "w", encoding="utf-8") as f:
        f.write(text.replace("  if (copy == NULL)\n    return -1;\n",
                             "  if (copy == NULL) {\n    free(copy);\n    return -1;\n  }\n"))
    p = ctx.lint(["."], buggy)
    findings, _ = parse_text(p.stdout)
    r.equal((p.returncode, where(findings)), (1, [("helper.c", 7, 5, "cgo-nil-free")]),
            "control (a nil free added to helper.c): exit 1 and the finding")


IDIOMS_GO = r"""package idioms

/*
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static uintptr_t saved_handle;
static void *current;
static char table[16] = "tile";

// A cgo.Handle is an integer: keeping it is what handles are for.
static void register_handle(uintptr_t h) { saved_handle = h; }

// C.CString memory: C reads it, Go frees it.
static size_t name_length(const char *s) { return strlen(s); }

// C.CString memory handed over: C frees it, Go does not.
static void take_name(char *s) { free(s); }

// C fills a Go buffer.
static void fill(void *p, size_t n) {
	memset(p, 7, n);
	((unsigned char *)p)[0] = 1;
}

// C memory (a global) that Go copies with C.GoBytes.
static const char *table_data(void) { return table; }

// C stores C pointers into Go memory.
static void name_of(const char **out, int heap) { *out = heap ? strdup("heap") : "static"; }

// Pinned memory may be kept while pinned.
static void keep_pinned(void *p) { current = p; }

// Kept only during the call.
static void with_scratch(void *p, size_t n) {
	current = p;
	(void)n;
	current = NULL;
}

// A C block that holds the Go pointer, freed before returning.
struct job { void *data; size_t n; };
static size_t run_job(struct job *j) { return j->n; }
static size_t submit(void *p, size_t n) {
	struct job *j = malloc(sizeof *j);
	if (j == NULL)
		return 0;
	j->data = p;
	j->n = n;
	size_t r = run_job(j);
	free(j);
	return r;
}
*/
import "C"

import (
	"runtime"
	"runtime/cgo"
	"unsafe"
)

func Idioms(s string, buf []byte, v interface{}) int {
	h := cgo.NewHandle(v)
	C.register_handle(C.uintptr_t(h))
	cs := C.CString(s)
	defer C.free(unsafe.Pointer(cs))
	n := int(C.name_length(cs))
	C.take_name(C.CString(s))
	if len(buf) > 0 {
		C.fill(unsafe.Pointer(&buf[0]), C.size_t(len(buf)))
		C.with_scratch(unsafe.Pointer(&buf[0]), C.size_t(len(buf)))
		n += int(C.submit(unsafe.Pointer(&buf[0]), C.size_t(len(buf))))
	}
	b := C.GoBytes(unsafe.Pointer(C.table_data()), 4)
	var name *C.char
	C.name_of(&name, 0)
	x := new(int)
	var pin runtime.Pinner
	pin.Pin(x)
	C.keep_pinned(unsafe.Pointer(x))
	return n + len(b)
}
"""


def test_pointer_idioms(ctx, r):
    """Idiomatic cgo (handles, C.CString + free, C filling a Go buffer, GoBytes
    copies, C pointers stored into Go memory, pinned memory, pointers kept
    only during the call) gives no pointer finding; a control with one
    retention added gives exactly that one."""
    pkg = os.path.join(ctx.scratch, "idioms")
    # A .c file of the package sees the package's Go-side facts, but its own
    # static functions are not the preamble's functions of the same name.
    legacy = ("#include <stdlib.h>\n#include <stddef.h>\n"
              "static void fill(void *p, size_t n) { (void)n; free(p); }\n"
              "void legacy_use(void *p) { fill(p, 0); }\n")
    write_tree(pkg, {"go.mod": "module example.com/idioms\n\ngo 1.21\n", "idioms.go": IDIOMS_GO,
                     "legacy.c": legacy})
    p = ctx.lint(["--format=json", "."], pkg)
    try:
        findings = json.loads(p.stdout)
    except ValueError:
        findings = None
    r.check(isinstance(findings, list), "idioms: --format=json prints an array", p.stdout[:2000] + p.stderr[:2000])
    if not isinstance(findings, list):
        return
    r.equal([(f["check"], f["line"], f["message"]) for f in findings], [], "idioms: no finding at all")
    r.equal(p.returncode, 0, "idioms: exit code")

    control = os.path.join(ctx.scratch, "idioms-control")
    write_tree(control, {"go.mod": "module example.com/idioms\n\ngo 1.21\n",
                         "idioms.go": IDIOMS_GO.replace("\tcurrent = NULL;\n", ""), "legacy.c": legacy})
    p = ctx.lint(["."], control)
    found, _ = parse_text(p.stdout)
    line = IDIOMS_GO.split("\n").index("\tcurrent = p;", IDIOMS_GO.split("\n").index("static void with_scratch(void *p, size_t n) {")) + 1
    r.equal((p.returncode, where(found)), (1, [("idioms.go", line, 2, "cgo-pointer-retained")]),
            "control (the pointer no longer cleared before returning): exit 1 and that one finding")


def fetch_sarif_schema(ctx):
    cached = os.path.join(ctx.cache, SARIF_CACHED)
    if os.path.isfile(cached):
        print(f"  using the cached schema {cached}")
        return cached
    npm = shutil.which("npm")
    if npm is None:
        raise Skipped(f"npm is not installed and {cached} is not cached, so the SARIF schema is unavailable")
    os.makedirs(ctx.cache, exist_ok=True)
    work = tempfile.mkdtemp(prefix="npm-", dir=ctx.cache)
    try:
        env = dict(os.environ)
        env["npm_config_cache"] = os.path.join(work, "npm-cache")
        print(f"  $ (cd {work} && npm pack {SARIF_PACKAGE})")
        try:
            p = subprocess.run([npm, "pack", SARIF_PACKAGE], cwd=work, env=env, capture_output=True, text=True,
                               timeout=300, check=False)
        except subprocess.TimeoutExpired:
            raise Skipped(f"npm pack {SARIF_PACKAGE} timed out and no cached schema exists") from None
        tarballs = [n for n in os.listdir(work) if n.endswith(".tgz")]
        if p.returncode != 0 or len(tarballs) != 1:
            said = [line for line in p.stderr.splitlines()
                    if ("error" in line or "ERR!" in line) and "complete log" not in line]
            raise Skipped(f"npm pack {SARIF_PACKAGE} failed (exit {p.returncode}: "
                          f"{'; '.join(said[:3]) or 'no error text'}) and no cached schema exists")
        with tarfile.open(os.path.join(work, tarballs[0])) as tar:
            member = tar.extractfile(SARIF_MEMBER)
            if member is None:
                raise Skipped(f"{tarballs[0]} has no {SARIF_MEMBER}")
            text = member.read()
        json.loads(text)
        with open(cached + ".tmp", "wb") as f:
            f.write(text)
        os.replace(cached + ".tmp", cached)
        print(f"  cached {SARIF_MEMBER} of {tarballs[0]} as {cached}")
        return cached
    finally:
        shutil.rmtree(work, ignore_errors=True)


def test_sarif(ctx, r):
    try:
        import jsonschema  # pylint: disable=import-outside-toplevel
    except ImportError:
        raise Skipped("python3-jsonschema is not installed (Debian: apt-get install python3-jsonschema)") from None
    schema_path = fetch_sarif_schema(ctx)
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)

    # The validator the schema asks for ($schema), and Draft 7 as well.
    declared = jsonschema.validators.validator_for(schema, default=None)
    r.check(declared is not None, f"the schema's $schema ({schema.get('$schema')}) names a known draft: "
                                  f"{getattr(declared, '__name__', None)}")
    validators = []
    for cls in [declared, jsonschema.Draft7Validator]:
        if cls is None or cls in validators:
            continue
        try:
            cls.check_schema(schema)
        except jsonschema.exceptions.SchemaError as e:
            r.check(False, f"the SARIF schema is a valid {cls.__name__} schema", e.message)
            continue
        validators.append(cls)
    r.check(bool(validators), f"validating with {[c.__name__ for c in validators]}")

    def problems(log):
        out = []
        for cls in validators:
            for e in cls(schema).iter_errors(log):
                out.append(f"{cls.__name__}: /{'/'.join(str(x) for x in e.absolute_path)}: {e.message[:300]}")
        return out

    p = ctx.lint(["--format=sarif", "examples/imagecache"], ctx.repo)
    r.equal(p.returncode, 1, "--format=sarif on the example: exit code (findings)")
    try:
        log = json.loads(p.stdout)
    except ValueError as e:
        r.check(False, f"--format=sarif: stdout is JSON ({e})", p.stdout[:2000])
        return
    errs = problems(log)
    r.check(not errs, f"the SARIF log validates against {os.path.basename(schema_path)}", "\n".join(errs[:20]))

    # Negative controls: broken copies must fail, or the validator proves nothing.
    broken = copy.deepcopy(log)
    broken["version"] = "2.0"
    errs = problems(broken)
    r.check(bool(errs), f"negative control: version \"2.0\" fails validation ({len(errs)} errors)")
    broken = copy.deepcopy(log)
    if broken.get("runs") and broken["runs"][0].get("results"):
        broken["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
        errs = problems(broken)
        r.check(bool(errs), f"negative control: startLine 0 fails validation ({len(errs)} errors)")

    runs = log.get("runs") or [{}]
    r.equal(len(log.get("runs", [])), 1, "one run")
    run = runs[0]
    rules = run.get("tool", {}).get("driver", {}).get("rules", [])
    ids = [rule.get("id") for rule in rules]
    c = ctx.run([ctx.cgocheck, "checks"], ctx.repo)
    listed = c.stdout.split()
    r.check(c.returncode == 0 and bool(listed), f"cgocheck checks lists the plugin's checks: {listed}")
    expected = listed + [name for name in FRONT_END_CHECKS if name not in listed]
    fe = ctx.run([ctx.cgocheck, "checks", "--front-end"], ctx.repo)
    if fe.returncode == 0:
        expected += [name for name in fe.stdout.split() if name not in expected]
    r.check(len(ids) == len(set(ids)), f"rule ids are unique: {ids}")
    for name in expected:
        matching = [rule for rule in rules if rule.get("id") == name]
        r.equal(len(matching), 1, f"one rule for {name}")
        if matching:
            text = matching[0].get("help", {}).get("text", "")
            r.check(len(text.strip()) > 20, f"rule {name} has help text ({len(text)} characters)")
            r.check(bool(matching[0].get("shortDescription", {}).get("text")), f"rule {name} has a short description")
    for rule in rules:
        if rule.get("id") not in expected:
            print(f"  note  a rule beyond the checks: {rule.get('id')} "
                  f"({'with' if rule.get('help', {}).get('text') else 'without'} help text)")

    results = run.get("results", [])
    for i, res in enumerate(results):
        rid, index = res.get("ruleId"), res.get("ruleIndex")
        r.check(rid in ids, f"result {i}: ruleId {rid!r} is a rule")
        r.check(isinstance(index, int) and 0 <= index < len(rules) and rules[index].get("id") == rid,
                f"result {i}: ruleIndex {index!r} points at rule {rid!r}")

    # The results are the JSON findings, at the same positions.
    pj = ctx.lint(["--format=json", "examples/imagecache"], ctx.repo)
    want = sorted((f["file"], f["line"], f["column"], f["check"], f["message"], len(f.get("notes", [])))
                  for f in json.loads(pj.stdout))
    got = []
    for res in results:
        loc = res["locations"][0]["physicalLocation"]
        got.append((loc["artifactLocation"]["uri"], loc["region"]["startLine"], loc["region"].get("startColumn"),
                    res["ruleId"], res["message"]["text"], len(res.get("relatedLocations", []))))
    r.equal(sorted(got), want, "SARIF results = JSON findings (uri, line, column, rule, message, number of notes)")
    r.check(all(res["locations"][0]["physicalLocation"]["artifactLocation"].get("uriBaseId") == "%SRCROOT%"
                for res in results), "result locations are relative to %SRCROOT%")
    root = run.get("originalUriBaseIds", {}).get("%SRCROOT%", {}).get("uri")
    r.equal(root, "file://" + ctx.repo.rstrip("/") + "/", "%SRCROOT% is the current directory")


def unit_line_map(path):
    """{(unit, physical line): (.go file, .go line, C text)} for the lines of
    a generated unit that a `#line N "file.go"` directive moves."""
    out = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    cur_file, cur_line = path, 1
    for physical, text in enumerate(lines, 1):
        m = LINE_DIRECTIVE_RE.match(text)
        if m:
            cur_line = int(m.group(1))
            if m.group(2) is not None:
                cur_file = m.group(2).encode("latin-1", "backslashreplace").decode("unicode_escape")
            continue
        if cur_file != path:
            out[(path, physical)] = (cur_file, cur_line, text)
        cur_line += 1
    return out


def tidy_findings(output, moved, cwd):
    """Findings (with notes) from plain clang-tidy output. clang-tidy reports
    a generated unit's physical lines; a line that a #line directive moved
    maps to its .go line, and its column to the .go column (the C text of
    the line is the end of the .go line)."""
    presumed = {(g, gl): (unit, pl) for (unit, pl), (g, gl, _) in moved.items()}
    go_lines = {}

    def position(file, line, col):
        if (file, line) in presumed:  # a clang-tidy that prints presumed positions
            file, line = presumed[(file, line)]
        if (file, line) in moved:
            go_file, go_line, text = moved[(file, line)]
            if go_file not in go_lines:
                with open(go_file, encoding="utf-8") as f:
                    go_lines[go_file] = f.read().split("\n")
            lines = go_lines[go_file]
            go_text = lines[go_line - 1] if 0 < go_line <= len(lines) else ""
            g, c = go_text.encode(), text.encode()
            if c and g.endswith(c):
                col += len(g) - len(c)
            file, line = go_file, go_line
        rel = os.path.relpath(file, cwd) if os.path.isabs(file) else file
        return (file if rel.startswith("..") else rel), line, col

    findings = []
    for line in output.splitlines():
        m = TIDY_RE.match(line)
        if not m:
            continue
        file, ln, col = position(m["file"], int(m["line"]), int(m["col"]))
        if m["kind"] == "note":
            if findings:
                findings[-1]["notes"].append({"file": file, "line": ln, "column": col, "message": m["msg"]})
            continue
        c = TIDY_CHECK_RE.match(m["msg"])
        check = c["check"].split(",")[0] if c else "clang-diagnostic-" + m["kind"]
        findings.append({"check": check, "file": file, "line": ln, "column": col, "severity": m["kind"],
                         "message": c["msg"] if c else m["msg"], "notes": []})
    return findings


LINE_COMMENT_GO = (
    "package lc\n"
    "\n"
    "// #include <stdlib.h>\n"
    "//\n"
    "// static void lc_free(void) {\n"
    "//\tchar *p = NULL;\n"
    "//\tif (p == NULL) {\n"
    "//\t\tfree(p); /* cgo-nil-free */\n"
    "//\t}\n"
    "// }\n"
    'import "C"\n'
    "\n"
    "func Call() { C.lc_free() }\n")


def reproduce(ctx, r, label, cwd, pattern, want_names):
    out = os.path.join(ctx.scratch, "compdb-" + label)
    p = ctx.run([ctx.cgocheck, "compdb", "-o", out, pattern], cwd)
    r.equal((p.returncode, p.stdout), (0, ""), f"{label}: cgocheck compdb: exit 0, nothing on stdout")
    db_path = os.path.join(out, "compile_commands.json")
    try:
        with open(db_path, encoding="utf-8") as f:
            db = json.load(f)
    except (OSError, ValueError) as e:
        r.check(False, f"{label}: {db_path} is readable JSON ({e})")
        return
    files = [entry.get("file", "") for entry in db]
    r.check(all(isinstance(e, dict) and e.get("directory") and (e.get("arguments") or e.get("command"))
                and os.path.isfile(e.get("file", "")) for e in db),
            f"{label}: every entry has directory, arguments and an existing file: {files}")
    r.equal(sorted(os.path.basename(f) for f in files), want_names,
            f"{label}: one unit per cgo .go file plus the .c files")

    moved = {}
    for file in files:
        if file.startswith(out + "/"):
            m = unit_line_map(file)
            go_name = os.path.basename(file)[:-len(".cgo.c")] + ".go"
            r.check(any(os.path.basename(v[0]) == go_name for v in m.values()),
                    f"{label}: {os.path.relpath(file, out)} has a #line directive naming {go_name}")
            moved.update(m)

    reproduced = []
    for file in files:
        t = ctx.run([ctx.tidy, "--load=" + ctx.plugin, "--checks=-*,cgo-*", "-p", out, file], cwd)
        found = tidy_findings(t.stdout, moved, cwd)
        # A .clang-tidy above the file (the repo's own has WarningsAsErrors)
        # may make the exit code 1; a compile error is a finding without a
        # cgo-* check.
        r.check(t.returncode in (0, 1) and "Error while processing" not in t.stderr
                and "unable to load" not in t.stderr,
                f"{label}: clang-tidy on {os.path.basename(file)}: ran ({len(found)} findings)", t.stderr[-2000:])
        r.check(all(f["check"].startswith("cgo-") for f in found),
                f"{label}: clang-tidy on {os.path.basename(file)}: only cgo-* findings, no compile error",
                t.stdout[-3000:])
        reproduced += found

    pj = ctx.lint(["--format=json", pattern], cwd)
    r.equal(pj.returncode, 1, f"{label}: cgocheck lint --format=json: exit code")
    linted = json.loads(pj.stdout) if pj.stdout.strip() else []
    r.check(len(linted) > 0, f"{label}: there are findings to compare ({len(linted)})")
    r.equal(sorted(collections.Counter((f["check"], f["message"]) for f in reproduced).items()),
            sorted(collections.Counter((f["check"], f["message"]) for f in linted).items()),
            f"{label}: plain clang-tidy on the compile database: the same (check, message) multiset")
    r.equal(keys(reproduced), keys(linted),
            f"{label}: the same findings and notes at the same positions (preamble lines mapped through #line)")
    return linted


def test_compdb_reproduces(ctx, r):
    reproduce(ctx, r, "example", ctx.repo, "examples/imagecache",
              ["borrow.cgo.c", "cache.cgo.c", "kinds.cgo.c", "shim.c", "stats.cgo.c"])
    # The package's .c files see the Go-side facts of the whole package.
    with open(os.path.join(ctx.scratch, "compdb-example", "compile_commands.json"), encoding="utf-8") as f:
        db = json.load(f)
    shim = [e for e in db if e["file"].endswith("/shim.c")]
    args = shim[0]["arguments"] if shim else []
    header = args[args.index("-include") + 1] if "-include" in args[:-1] else ""
    r.check(header.endswith("/_cgocheck_facts.h") and os.path.isfile(header),
            f"example: shim.c's command force-includes the package's facts header: {args}")
    if os.path.isfile(header):
        with open(header, encoding="utf-8") as f:
            text = f.read()
        r.check("_cgocheck_go_facts" in text and '\\"call\\":\\"ic_put\\"' in text
                and '\\"call\\":\\"ic_kind_is_remote\\"' in text,
                "example: the facts header holds the calls of every .go file (cache.go's ic_put, kinds.go's)",
                text[:600])
    # A preamble in // comments: the C text starts after "//", so columns
    # shift when mapped back to the .go line.
    pkg = os.path.join(ctx.scratch, "line-comments")
    write_tree(pkg, {"go.mod": "module example.com/lc\n\ngo 1.19\n", "lc.go": LINE_COMMENT_GO})
    linted = reproduce(ctx, r, "line-comments", ctx.scratch, "line-comments", ["lc.cgo.c"])
    if linted:
        r.equal([(f["file"], f["line"], f["column"]) for f in linted], [("line-comments/lc.go", 8, 5)],
                "line-comments: the finding is at the .go column of free ('//' + two tabs)")


def front_end_case(ctx, name, files):
    pkg = os.path.join(ctx.scratch, "front-end", name)
    write_tree(pkg, dict(files, **{"go.mod": f"module example.com/{name}\n\ngo 1.19\n"}))
    return pkg


def line_of(text, needle):
    for i, line in enumerate(text.split("\n"), 1):
        if needle in line:
            return i
    raise AssertionError(f"{needle!r} not in the test input")


def test_front_end(ctx, r):
    go = ctx.go()
    print(f"  the real go command for cross-checks: {go or 'none installed'}")
    # (a) a flag the go command's allowlist rejects.
    a_go = ("package a\n\n/*\n#cgo CFLAGS: -fplugin=x.so\nstatic int one(void) { return 1; }\n*/\n"
            'import "C"\n\nfunc One() int { return int(C.one()) }\n')
    pkg = front_end_case(ctx, "a", {"a.go": a_go})
    cgo_line = line_of(a_go, "#cgo CFLAGS")
    for version_args, exact in [([], None), (["--go-version=1.19"], "invalid flag in #cgo CFLAGS: -fplugin=x.so")]:
        label = "(a) #cgo CFLAGS: -fplugin=x.so" + (" " + version_args[0] if version_args else "")
        p = ctx.lint(["--format=json"] + version_args + ["."], pkg)
        data = json.loads(p.stdout) if p.stdout.strip() else []
        r.equal((p.returncode, [(f["file"], f["line"], f["check"]) for f in data]),
                (1, [("a.go", cgo_line, "cgo-invalid-flag")]), f"{label}: exit 1, one cgo-invalid-flag at that line")
        if data:
            msg = data[0]["message"]
            if exact:
                r.equal(msg, exact, f"{label}: message (go1.19's text)")
            else:
                r.check(msg.startswith("invalid flag in #cgo CFLAGS: -fplugin=x.so"),
                        f"{label}: message starts with 'invalid flag in #cgo CFLAGS: -fplugin=x.so': {msg!r}")
    if go:
        g = ctx.run_go(["build", "."], pkg)
        r.check(g.returncode != 0 and "invalid flag in #cgo CFLAGS: -fplugin=x.so" in g.stderr,
                "(a) the real go build refuses the flag the same way", g.stderr)
    # (b) ... unless CGO_CFLAGS_ALLOW allows it.
    p = ctx.lint(["."], pkg, {"CGO_CFLAGS_ALLOW": "-fplugin=.*"})
    r.equal((p.returncode, p.stdout), (0, ""), "(b) CGO_CFLAGS_ALLOW='-fplugin=.*': clean")

    # (c) an unknown #cgo verb.
    c_go = a_go.replace("package a", "package c").replace("#cgo CFLAGS: -fplugin=x.so", "#cgo FOO: x")
    pkg = front_end_case(ctx, "c", {"c.go": c_go})
    p = ctx.lint(["--format=json", "."], pkg)
    data = json.loads(p.stdout) if p.stdout.strip() else []
    r.equal((p.returncode, [(f["file"], f["line"], f["check"]) for f in data]),
            (1, [("c.go", line_of(c_go, "#cgo FOO"), "cgo-invalid-directive")]),
            "(c) #cgo FOO: x: exit 1, one cgo-invalid-directive at that line")
    if data:
        r.check("invalid #cgo verb: #cgo FOO: x" in data[0]["message"],
                f"(c) message has go/build's 'invalid #cgo verb: #cgo FOO: x': {data[0]['message']!r}")
    if go and data:
        g = ctx.run_go(["list", "-e", "-f", "{{.Error}}", "."], pkg)
        r.check("invalid #cgo verb: #cgo FOO: x" in g.stdout, f"(c) the real go list says so too: {g.stdout.strip()!r}")

    # (d) a .go file that does not scan; the other files are still linted.
    bad_go = 'package d\n\nvar s = "unterminated\n'
    pkg = front_end_case(ctx, "d", {"good.go": nil_free_go("d", "d_free"), "bad.go": bad_go})
    p = ctx.lint(["--format=json", "."], pkg)
    data = json.loads(p.stdout) if p.stdout.strip() else []
    r.equal((p.returncode, [(f["file"], f["line"], f["column"], f["check"]) for f in data]),
            (1, [("bad.go", 3, 9, "cgo-go-syntax"), ("good.go", NIL_FREE_GO_LINE, NIL_FREE_GO_COL, "cgo-nil-free")]),
            "(d) unterminated string: cgo-go-syntax at bad.go:3:9 (the literal), good.go still linted")

    # (e) build constraints from file names pick the preamble per target.
    pkg = front_end_case(ctx, "e", {"x_linux.go": nil_free_go("e", "linux_free"),
                                        "x_darwin.go": nil_free_go("e", "darwin_free")})
    linux = [("x_linux.go", NIL_FREE_GO_LINE, NIL_FREE_GO_COL, "cgo-nil-free")]
    darwin = [("x_darwin.go", NIL_FREE_GO_LINE, NIL_FREE_GO_COL, "cgo-nil-free")]
    targets = [(["--goos=linux", "--goarch=amd64"], linux), (["--goos=darwin", "--goarch=arm64"], darwin)]
    if os.uname().sysname == "Linux" and os.uname().machine == "x86_64":
        targets.insert(0, ([], linux))
    for target, want in targets:
        p = ctx.lint(["--format=json"] + target + ["."], pkg)
        data = json.loads(p.stdout) if p.stdout.strip() else []
        r.equal((p.returncode, [(f["file"], f["line"], f["column"], f["check"]) for f in data]), (1, want),
                f"(e) x_linux.go / x_darwin.go with {' '.join(target) or 'the default target (linux/amd64 host)'}")
    if go:
        for goos, goarch, want in [("linux", "amd64", "[x_linux.go]"), ("darwin", "arm64", "[x_darwin.go]")]:
            g = ctx.run_go(["list", "-f", "{{.CgoFiles}}", "."], pkg, {"GOOS": goos, "GOARCH": goarch})
            r.equal(g.stdout.strip(), want, f"(e) the real go list for {goos}/{goarch} builds the same file")

    # (f) //go:build ignore keeps a file out; control: without it, it is in.
    main_go = clean_go("f", "f_ok")
    pkg = front_end_case(ctx, "f", {"main.go": main_go,
                                        "gen.go": nil_free_go("f", "f_gen", "//go:build ignore")})
    p = ctx.lint(["."], pkg)
    r.equal((p.returncode, p.stdout), (0, ""), "(f) a //go:build ignore file with a bug is not linted")
    pkg = front_end_case(ctx, "f-control", {"main.go": main_go, "gen.go": nil_free_go("f", "f_gen")})
    p = ctx.lint(["."], pkg)
    findings, _ = parse_text(p.stdout)
    r.equal((p.returncode, where(findings)), (1, [("gen.go", NIL_FREE_GO_LINE, NIL_FREE_GO_COL, "cgo-nil-free")]),
            "(f) control: the same file without the constraint is linted")


def test_patterns(ctx, r):
    root = os.path.join(ctx.scratch, "patterns")
    write_tree(root, {
        "go.mod": "module example.com/patterns\n\ngo 1.19\n",
        "a/a.go": nil_free_go("a", "a_free"),
        "a/other.go": "package a\n\n// Other is plain Go.\nfunc Other() int { return 1 }\n",
        "a/b/b.go": nil_free_go("b", "b_free"),
        "a/b/c/c.go": "package c\n\n// C has no cgo.\nfunc C() {}\n",
        "testdata/t/t.go": nil_free_go("t", "t_free"),
        "a/testdata/t.go": nil_free_go("t", "t2_free"),
        "_x/x.go": nil_free_go("x", "x_free"),
        ".x/x.go": nil_free_go("x", "dot_free"),
        "nested/go.mod": "module example.com/nested\n\ngo 1.19\n",
        "nested/n.go": nil_free_go("n", "n_free"),
        "nested/deeper/d.go": nil_free_go("d", "deeper_free"),
    })
    at = (NIL_FREE_GO_LINE, NIL_FREE_GO_COL, "cgo-nil-free")
    p = ctx.lint(["./..."], root)
    findings, _ = parse_text(p.stdout)
    r.equal((p.returncode, where(findings)), (1, [("a/a.go",) + at, ("a/b/b.go",) + at]),
            "./...: the nested cgo packages; not testdata/, _x/, .x/ or the nested module")
    p = ctx.lint(["patterns/..."], ctx.scratch)
    findings, _ = parse_text(p.stdout)
    r.equal(where(findings), [("patterns/a/a.go",) + at, ("patterns/a/b/b.go",) + at],
            "DIR/... from the parent directory: the same packages, paths relative to the cwd")
    if ctx.go():
        g = ctx.run_go(["list", "-f", "{{.Dir}} {{len .CgoFiles}}", "./..."], root)
        cgo_dirs = sorted(os.path.relpath(line.rsplit(" ", 1)[0], root) for line in g.stdout.splitlines()
                          if not line.endswith(" 0"))
        r.equal(cgo_dirs, ["a", "a/b"], "the real go list ./... finds the same cgo packages")

    p = ctx.lint(["a/other.go"], root)
    findings, _ = parse_text(p.stdout)
    r.equal((p.returncode, where(findings)), (1, [("a/a.go",) + at]),
            "a file argument (a/other.go) lints its package (a/a.go), not the packages below")
    p = ctx.lint(["a"], root)
    findings, _ = parse_text(p.stdout)
    r.equal(where(findings), [("a/a.go",) + at], "a directory argument without /... lints that package only")
    p = ctx.lint(["nested/..."], root)
    findings, _ = parse_text(p.stdout)
    r.equal(where(findings), [("nested/deeper/d.go",) + at, ("nested/n.go",) + at],
            "nested/...: the nested module's own packages when named")

    p = ctx.lint(["does-not-exist"], root)
    one_line_error(r, p, "a path that does not exist", ["does-not-exist"])


def other_llvm(tidy):
    """The clang-tidy of the other supported LLVM (19 <-> 22), or None."""
    try:
        out = subprocess.run([tidy, "--version"], capture_output=True, text=True, check=False).stdout
    except OSError:
        return None, None
    m = re.search(r"version ([0-9]+)\.", out)
    own = int(m.group(1)) if m else None
    other = 22 if own == 19 else 19
    return own, other


def test_errors(ctx, r):
    p = ctx.lint(["--plugin=/nonexistent.so", "--clang-tidy=" + ctx.tidy, "examples/imagecache"], ctx.repo,
                 tools=False)
    one_line_error(r, p, "--plugin=/nonexistent.so", ["/nonexistent.so"])

    own, other = other_llvm(ctx.tidy)
    other_tidy = shutil.which(f"clang-tidy-{other}")
    if other_tidy is None:
        print(f"  skip  the LLVM {own} plugin in clang-tidy-{other}: clang-tidy-{other} is not installed")
    else:
        p = ctx.lint(["--plugin=" + ctx.plugin, "--clang-tidy=" + other_tidy, "examples/imagecache"], ctx.repo,
                     tools=False)
        one_line_error(r, p, f"the LLVM {own} plugin with clang-tidy-{other}", ["built for LLVM"])

    p = ctx.lint(["--format=xml", "examples/imagecache"], ctx.repo)
    one_line_error(r, p, "--format=xml", ["xml"])
    p = ctx.lint(["-j", "0", "examples/imagecache"], ctx.repo)
    one_line_error(r, p, "-j 0", ["-j"])
    # A --checks that enables no check is an error, not an empty result.
    p = ctx.lint(["--checks=-*,cgo-no-such-check", "examples/imagecache"], ctx.repo)
    one_line_error(r, p, "--checks enabling no check", ["no checks enabled"])


def test_jobs(ctx, r):
    root = os.path.join(ctx.scratch, "jobs")
    files = {"go.mod": "module example.com/jobs\n\ngo 1.19\n"}
    for i in range(5):
        files[f"p{i}/first.go"] = nil_free_go(f"p{i}", f"p{i}_first")
        files[f"p{i}/shim.c"] = ("#include <stdlib.h>\n\nvoid shim_free(char *p) {\n  if (p == NULL)\n"
                                 "    free(p);\n}\n")
    write_tree(root, files)
    outputs = {}
    for fmt in ["text", "json"]:
        for jobs in ["1", "4"]:
            p = ctx.lint(["--format=" + fmt, "-j", jobs, "./..."], root)
            r.equal(p.returncode, 1, f"--format={fmt} -j {jobs}: exit code")
            outputs[(fmt, jobs)] = p.stdout
        findings, _ = parse_text(outputs[("text", "1")])
        if fmt == "text":
            r.equal(len({os.path.dirname(f["file"]) for f in findings}), 5,
                    f"five packages with findings ({len(findings)} findings)")
        r.check(outputs[(fmt, "1")] == outputs[(fmt, "4")] and outputs[(fmt, "1")] != "",
                f"--format={fmt}: -j 1 and -j 4 print byte-identical stdout ({len(outputs[(fmt, '1')])} bytes)")


TESTS = {
    "example": test_example,
    "abi-targets": test_abi_targets,
    "clean": test_clean,
    "pointer-idioms": test_pointer_idioms,
    "sarif": test_sarif,
    "compdb-reproduces": test_compdb_reproduces,
    "front-end": test_front_end,
    "patterns": test_patterns,
    "errors": test_errors,
    "jobs": test_jobs,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--cgocheck", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--repo", required=True)
    ap.add_argument("--cache", required=True)
    ap.add_argument("--only", choices=sorted(TESTS))
    ap.add_argument("--keep", action="store_true", help="keep the scratch directory")
    args = ap.parse_args()
    for what, path in [("--cgocheck", args.cgocheck), ("--plugin", args.plugin)]:
        if not os.path.isfile(path):
            print(f"{what} {path} does not exist", file=sys.stderr)
            return 2
    os.makedirs(args.cache, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="cgocheck-lint-test-")
    ctx = Context(args, scratch)
    names = [args.only] if args.only else list(TESTS)
    failed, skipped = [], []
    try:
        for name in names:
            print(f"== {name}")
            r = Result(name)
            try:
                TESTS[name](ctx, r)
            except Skipped as e:
                print(f"  SKIP  {e}")
                skipped.append(name)
                continue
            if r.failures:
                failed.append(name)
    finally:
        if args.keep:
            print(f"scratch kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"{len(names)} sub-tests: {len(failed)} failed {failed}, {len(skipped)} skipped {skipped}")
    if failed:
        return 1
    if skipped and len(skipped) == len(names):
        return SKIP
    return 0


if __name__ == "__main__":
    sys.exit(main())
