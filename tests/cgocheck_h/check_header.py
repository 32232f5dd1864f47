#!/usr/bin/env python3
"""Compile tests of include/cgocheck/cgocheck.h on four targets.

  check_header.py --cc clang-19 --cxx clang++-19 --include DIR compile
      positive.c, which uses every macro, must compile without a warning
      (-Wall -Wextra -Werror -pedantic) on every target, in C89, C99, C11,
      C17, C23, C++98, C++11 and C++17; and again with -D__clang_analyzer__
      (as clang-tidy parses it), where the pointer annotations expand.
  check_header.py ... messages
      every guard on every target, alone in a unit: where the target's data
      model satisfies it, it compiles; where not, the compile fails and the
      error output holds the guard's message (C11 and later, C++11 and
      later: the error line ends with it) or the name of its fallback
      array (C89, C99, C++98).
  check_header.py ... annotations
      the pointer annotations reach clang's AST: annotations.c, dumped with
      -Xclang -ast-dump on every target in C11, C17, C23 and C++17, holds an
      AnnotateAttr with the expected string on each function and parameter
      its ANNOTATED table lists, and no other, when parsed as clang-tidy
      parses (-D__clang_analyzer__) or with -DCGOCHECK_ANNOTATIONS; in a
      plain compile, with -DCGOCHECK_NO_ANNOTATIONS, and with -U__clang__
      (the branch for other compilers), none at all.

Exit status 0 when everything holds, 1 otherwise (the failures are listed).
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# What differs between the targets (docs/library/cgocheck-h.md).
TARGETS = {
    "x86_64-linux-gnu": dict(char_signed=True, long=8, ld_is_double=False, ld_align=16, flags=[]),
    "aarch64-linux-gnu": dict(char_signed=False, long=8, ld_is_double=False, ld_align=16, flags=[]),
    "arm64-apple-macos11": dict(char_signed=True, long=8, ld_is_double=True, ld_align=8, flags=["-nostdlibinc"]),
    "x86_64-pc-windows-msvc": dict(char_signed=True, long=4, ld_is_double=True, ld_align=8, flags=[]),
}

# (language, -std, uses the negative-array fallback)
STANDARDS = [
    ("c", "c89", True),
    ("c", "c99", True),
    ("c", "c11", False),
    ("c", "c17", False),
    ("c", "c23", False),
    ("c++", "c++98", True),
    ("c++", "c++11", False),
    ("c++", "c++17", False),
]

PAIR = "struct cgocheck_test_pair { int a; double b; };\n"

# name, code, holds(target) -> bool, message, fallback array name
CASES = [
    ("static-assert-true", 'CGOCHECK_STATIC_ASSERT(sizeof(int) == 4, "test: int is 4 bytes");',
     lambda t: True, None, None),
    ("static-assert-false", 'CGOCHECK_STATIC_ASSERT(sizeof(int) == 2, "test: int is 2 bytes");',
     lambda t: False, "test: int is 2 bytes", "cgocheck_static_assertion_failed"),
    ("sizeof-16", "CGOCHECK_ASSERT_SIZEOF(struct cgocheck_test_pair, 16);", lambda t: True, None, None),
    ("sizeof-12", "CGOCHECK_ASSERT_SIZEOF(struct cgocheck_test_pair, 12);", lambda t: False,
     "cgocheck: sizeof(struct cgocheck_test_pair) is not 12 bytes on this target, but the Go side relies on that size",
     "cgocheck_error_sizeof_differs_from_go_side"),
    ("alignof-8", "CGOCHECK_ASSERT_ALIGNOF(struct cgocheck_test_pair, 8);", lambda t: True, None, None),
    ("alignof-long-double-16", "CGOCHECK_ASSERT_ALIGNOF(long double, 16);", lambda t: t["ld_align"] == 16,
     "cgocheck: the alignment of long double is not 16 bytes on this target, but the Go side relies on that alignment",
     "cgocheck_error_alignof_differs_from_go_side"),
    ("offsetof-8", "CGOCHECK_ASSERT_OFFSETOF(struct cgocheck_test_pair, b, 8);", lambda t: True, None, None),
    ("offsetof-4", "CGOCHECK_ASSERT_OFFSETOF(struct cgocheck_test_pair, b, 4);", lambda t: False,
     "cgocheck: offsetof(struct cgocheck_test_pair, b) is not 4 on this target, but the Go side relies on that offset",
     "cgocheck_error_offsetof_differs_from_go_side"),
    ("char-signed", "CGOCHECK_ASSERT_CHAR_SIGNED();", lambda t: t["char_signed"],
     "cgocheck: plain char is unsigned on this target, but this code relies on signed char "
     "(Go's C.char is uint8 here); use signed char",
     "cgocheck_error_plain_char_is_unsigned_here_but_code_relies_on_signed_char"),
    ("char-unsigned", "CGOCHECK_ASSERT_CHAR_UNSIGNED();", lambda t: not t["char_signed"],
     "cgocheck: plain char is signed on this target, but this code relies on unsigned char "
     "(Go's C.char is int8 here); use unsigned char",
     "cgocheck_error_plain_char_is_signed_here_but_code_relies_on_unsigned_char"),
    ("long-double-is-double", "CGOCHECK_ASSERT_LONG_DOUBLE_IS_DOUBLE();", lambda t: t["ld_is_double"],
     "cgocheck: long double is wider than double on this target, so cgo cannot map it to a Go type "
     "(a 16-byte float is a cgo error); use double in what Go sees",
     "cgocheck_error_long_double_is_wider_than_double_here_and_cgo_cannot_map_it"),
    ("lp64", "CGOCHECK_ASSERT_LP64();", lambda t: t["long"] == 8,
     "cgocheck: this target is not LP64, but this code relies on 8-byte long and pointers "
     "(Go's C.long is int32 on windows and 32-bit targets); use int64_t or intptr_t",
     "cgocheck_error_target_is_not_lp64_but_code_relies_on_8_byte_long_and_pointers"),
    ("long-size-8", "CGOCHECK_ASSERT_LONG_SIZE(8);", lambda t: t["long"] == 8,
     "cgocheck: long is not 8 bytes on this target, but this code relies on it "
     "(Go's C.long is int32 on windows and 32-bit targets, int64 elsewhere); use a fixed-width type",
     "cgocheck_error_long_has_another_size_on_this_target"),
    ("long-size-4", "CGOCHECK_ASSERT_LONG_SIZE(4);", lambda t: t["long"] == 4,
     "cgocheck: long is not 4 bytes on this target, but this code relies on it "
     "(Go's C.long is int32 on windows and 32-bit targets, int64 elsewhere); use a fixed-width type",
     "cgocheck_error_long_has_another_size_on_this_target"),
    ("pointer-size-8", "CGOCHECK_ASSERT_POINTER_SIZE(8);", lambda t: True, None, None),
    ("pointer-size-4", "CGOCHECK_ASSERT_POINTER_SIZE(4);", lambda t: False,
     "cgocheck: pointers are not 4 bytes on this target, but this code relies on it",
     "cgocheck_error_pointers_have_another_size_on_this_target"),
    ("go-int-ptrdiff_t", "CGOCHECK_ASSERT_GO_INT(ptrdiff_t);", lambda t: True, None, None),
    ("go-int-size_t", "CGOCHECK_ASSERT_GO_INT(size_t);", lambda t: True, None, None),
    ("go-int-long", "CGOCHECK_ASSERT_GO_INT(long);", lambda t: t["long"] == 8,
     "cgocheck: long is not the size of Go's int on this target (Go's int is pointer-sized); use ptrdiff_t or intptr_t",
     "cgocheck_error_type_is_not_the_size_of_go_int"),
    ("go-int-int", "CGOCHECK_ASSERT_GO_INT(int);", lambda t: False,
     "cgocheck: int is not the size of Go's int on this target (Go's int is pointer-sized); use ptrdiff_t or intptr_t",
     "cgocheck_error_type_is_not_the_size_of_go_int"),
    # At block scope too.
    ("char-signed-in-function", "int f(void); int f(void) { CGOCHECK_ASSERT_CHAR_SIGNED(); return 0; }",
     lambda t: t["char_signed"],
     "cgocheck: plain char is unsigned on this target, but this code relies on signed char "
     "(Go's C.char is uint8 here); use signed char",
     "cgocheck_error_plain_char_is_unsigned_here_but_code_relies_on_signed_char"),
]


# annotations.c: for each function, the number of its declarations and the
# annotate strings each declaration holds, on the function and on each of its
# parameters in order (a definition inherits them from its prototype).
CALLED_FROM_GO = "cgocheck.called_from_go"
BORROWED = "cgocheck.borrowed"
TAKES_OWNERSHIP = "cgocheck.takes_ownership"
KEEPS = "cgocheck.keeps"
ANNOTATED = {
    "cgocheck_ast_release": (1, [], [[]]),
    "cgocheck_ast_after_names": (2, [CALLED_FROM_GO], [[BORROWED], [TAKES_OWNERSHIP], [], [KEEPS], []]),
    "cgocheck_ast_before_types": (2, [], [[BORROWED], [TAKES_OWNERSHIP], [], [KEEPS], []]),
    "cgocheck_ast_unnamed": (1, [CALLED_FROM_GO], [[BORROWED], [TAKES_OWNERSHIP], [KEEPS]]),
    "cgocheck_ast_static_after": (1, [CALLED_FROM_GO], [[TAKES_OWNERSHIP], [BORROWED]]),
    "cgocheck_ast_static_before": (1, [CALLED_FROM_GO], [[KEEPS], [BORROWED]]),
    "cgocheck_ast_use": (2, [CALLED_FROM_GO], [[], [], []]),
}

AST_STANDARDS = [("c", "c11"), ("c", "c17"), ("c", "c23"), ("c++", "c++17")]

# (label, extra flags, annotations expected)
AST_MODES = [
    # clang-tidy defines __clang_analyzer__: the annotations are there.
    ("as clang-tidy parses", ["-D__clang_analyzer__"], True),
    ("-DCGOCHECK_ANNOTATIONS", ["-DCGOCHECK_ANNOTATIONS"], True),
    # A plain compile builds the same binary as without them.
    ("plain compile", [], False),
    ("-DCGOCHECK_NO_ANNOTATIONS", ["-D__clang_analyzer__", "-DCGOCHECK_NO_ANNOTATIONS"], False),
    ("-U__clang__", ["-D__clang_analyzer__", "-U__clang__"], False),
]


def command(args, lang, std, triple, source):
    compiler = args.cc if lang == "c" else args.cxx
    cmd = [compiler, "--target=" + triple, "-x", lang, "-std=" + std, "-fsyntax-only",
           "-Wall", "-Wextra", "-Werror", "-pedantic", "-fno-color-diagnostics", "-I", args.include]
    return cmd + TARGETS[triple]["flags"] + [source]


def run(cmd, extra=()):
    p = subprocess.run(list(cmd) + list(extra), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout


def positive_jobs(args):
    source = os.path.join(HERE, "positive.c")
    for triple, t in TARGETS.items():
        defines = ["-DCGOCHECK_TEST_CHAR_SIGNED=%d" % t["char_signed"],
                   "-DCGOCHECK_TEST_LONG_DOUBLE_IS_DOUBLE=%d" % t["ld_is_double"],
                   "-DCGOCHECK_TEST_LONG_SIZE=%d" % t["long"],
                   "-DCGOCHECK_TEST_LONG_DOUBLE_ALIGN=%d" % t["ld_align"]]
        for lang, std, _ in STANDARDS:
            cmd = command(args, lang, std, triple, source) + defines
            yield ("positive.c %s %s" % (triple, std), cmd)
            yield ("positive.c %s %s -D__clang_analyzer__" % (triple, std), cmd + ["-D__clang_analyzer__"])


def check_positive(job):
    label, cmd = job
    rc, out = run(cmd)
    if rc != 0:
        return "%s: expected a clean compile, got exit %d:\n%s" % (label, rc, out)
    if out.strip():
        return "%s: expected no output:\n%s" % (label, out)
    return None


def message_jobs(args, workdir):
    # One unit holds every case, one per line; clang goes on after a failed
    # assertion, so each line's errors tell that case's outcome.
    path = os.path.join(workdir, "cases.c")
    lines = ['#include "cgocheck/cgocheck.h"', PAIR.strip()]
    first = len(lines) + 1
    lines += [code for _, code, _, _, _ in CASES]
    lines.append("int cgocheck_test_anchor;")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    for triple, t in TARGETS.items():
        for lang, std, fallback in STANDARDS:
            expects = []
            for i, (name, _, holds, message, array) in enumerate(CASES):
                if holds(t):
                    expect = None
                elif fallback:
                    expect = "'%s' declared as an array with a negative size" % array
                else:
                    expect = message
                expects.append((first + i, name, expect))
            yield ("%s %s" % (triple, std), command(args, lang, std, triple, path) + ["-ferror-limit=0"], expects)


def check_message(job):
    label, cmd, expects = job
    rc, out = run(cmd)
    errors = {}
    for line in out.splitlines():
        m = re.match(r"^.*?cases\.c:(\d+):\d+: (error|warning): (.*)$", line)
        if m:
            errors.setdefault(int(m.group(1)), []).append(m.group(3))
        elif ": error: " in line or ": warning: " in line:
            return "%s: a diagnostic outside the cases:\n%s" % (label, out)
    problems = []
    for line, name, expect in expects:
        got = errors.pop(line, [])
        if expect is None and got:
            problems.append("%s: expected the guard to hold, got: %s" % (name, got))
        elif expect is not None and not got:
            problems.append("%s: expected the guard to fail the compile, it passed" % name)
        elif expect is not None and (len(got) != 1 or not got[0].endswith(expect)):
            problems.append("%s: expected one error with %r, got: %s" % (name, expect, got))
    if errors:
        problems.append("diagnostics on other lines: %s" % errors)
    if any(e is not None for _, _, e in expects) and rc == 0:
        problems.append("exit status 0 despite failing guards")
    if problems:
        return "%s:\n  %s" % (label, "\n  ".join(problems))
    return None


def ast_jobs(args):
    source = os.path.join(HERE, "annotations.c")
    for triple in TARGETS:
        for lang, std in AST_STANDARDS:
            for mode, flags, annotated in AST_MODES:
                cmd = command(args, lang, std, triple, source) + ["-Xclang", "-ast-dump"] + flags
                yield ("annotations.c %s %s %s" % (triple, std, mode), cmd, annotated)


def parse_dump(text):
    """The tree of an -ast-dump: each node is (its line without the tree
    drawing, [children])."""
    root, stack = None, []
    for line in text.splitlines():
        start = re.match(r"[|`\- ]*", line).end()
        if start == len(line):
            continue
        node = (line[start:], [])
        depth = start // 2
        del stack[depth:]
        if stack:
            stack[-1][1].append(node)
        elif root is None:
            root = node
        else:
            return None
        stack.append(node)
    return root


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        yield n
        stack.extend(reversed(n[1]))


def kind(node):
    return node[0].split(" ", 1)[0]


def annotations_of(node):
    """The strings of the AnnotateAttr children of node."""
    found = []
    for child in node[1]:
        if kind(child) == "AnnotateAttr":
            m = re.search(r'"((?:[^"\\]|\\.)*)"$', child[0].rstrip())
            found.append(m.group(1) if m else "<unparsed: %s>" % child[0])
    return sorted(found)


def check_ast(job):
    label, cmd, annotated = job
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0 or p.stderr.strip():
        return "%s: expected a clean parse, got exit %d:\n%s" % (label, p.returncode, p.stderr)
    root = parse_dump(p.stdout)
    if root is None or kind(root) != "TranslationUnitDecl":
        return "%s: the output is not an AST dump:\n%s" % (label, p.stdout[:2000])
    declarations = {}
    attached = 0
    for node in walk(root):
        if kind(node) != "FunctionDecl":
            continue
        name = node[0].split("'", 1)[0].split()[-1]
        if not name.startswith("cgocheck_ast_"):
            continue
        function = annotations_of(node)
        parameters = [annotations_of(c) for c in node[1] if kind(c) == "ParmVarDecl"]
        attached += len(function) + sum(len(a) for a in parameters)
        declarations.setdefault(name, []).append((function, parameters))
    problems = []
    for name in sorted(set(declarations) - set(ANNOTATED)):
        problems.append("%s: in annotations.c but not in ANNOTATED" % name)
    for name, (count, function, parameters) in sorted(ANNOTATED.items()):
        found = declarations.get(name, [])
        if len(found) != count:
            problems.append("%s: expected %d declarations, found %d" % (name, count, len(found)))
        if not annotated:
            function, parameters = [], [[] for _ in parameters]
        want = (sorted(function), [sorted(a) for a in parameters])
        for i, got in enumerate(found):
            if got != want:
                problems.append("%s, declaration %d: expected function %s, parameters %s; got function %s, "
                                "parameters %s" % (name, i + 1, want[0], want[1], got[0], got[1]))
    everywhere = sum(1 for n in walk(root) if kind(n) == "AnnotateAttr")
    if everywhere != attached:
        problems.append("%d AnnotateAttr in the dump, %d of them on the functions of annotations.c and "
                        "their parameters" % (everywhere, attached))
    if problems:
        return "%s:\n  %s" % (label, "\n  ".join(problems))
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", required=True)
    ap.add_argument("--cxx", required=True)
    ap.add_argument("--include", required=True, help="the include/ directory holding cgocheck/cgocheck.h")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("what", choices=["compile", "messages", "annotations"])
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        if args.what == "compile":
            jobs, check = list(positive_jobs(args)), check_positive
        elif args.what == "annotations":
            jobs, check = list(ast_jobs(args)), check_ast
        else:
            jobs, check = list(message_jobs(args, workdir)), check_message
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
            failures = [r for r in pool.map(check, jobs) if r]
    for f in failures:
        print("FAIL " + f)
    print("%d of %d compiles as expected (%s)" % (len(jobs) - len(failures), len(jobs), args.what))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
