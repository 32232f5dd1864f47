#!/usr/bin/env python3
"""Tests of share/darwin-libc, the stand-in C library headers with which
`cgocheck lint` parses Apple targets when no macOS SDK is set.

  check_darwin_libc.py --cc clang-19 --headers share/darwin-libc parse
      Every header, included twice (the guards must hold), with
      uses_darwin_libc.c, parses for arm64-apple-macos11 and
      x86_64-apple-macos11 with -nostdlibinc -isystem HEADERS -Wall -Werror
      as C11, C23, gnu99 and C++17; without -isystem it does not (so the
      host's headers cannot be what made it parse).
  check_darwin_libc.py ... builtins
      The functions clang knows as library builtins are declared with the
      builtin's type: -Werror=incompatible-library-redeclaration passes on
      the headers and fails on a copy with one wrong prototype; and printf
      gets clang's format checking. The headers are included with -I here,
      not -isystem, since clang silences warnings in system headers.

Exit status 0 when everything holds, 1 otherwise.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TRIPLES = ["arm64-apple-macos11", "x86_64-apple-macos11"]
STANDARDS = [("c", "c11"), ("c", "c23"), ("c", "gnu99"), ("c++", "c++17")]

# Apple's 64-bit data model for the types the stand-ins define.
ABI = """
CGOCHECK_STATIC_ASSERT(sizeof(size_t) == 8 && (size_t)-1 > 0, "size_t");
CGOCHECK_STATIC_ASSERT(sizeof(ssize_t) == 8 && (ssize_t)-1 < 0, "ssize_t");
CGOCHECK_STATIC_ASSERT(sizeof(off_t) == 8 && (off_t)-1 < 0, "off_t");
CGOCHECK_STATIC_ASSERT(sizeof(wchar_t) == 4 && (wchar_t)-1 < 0, "wchar_t");
CGOCHECK_STATIC_ASSERT(sizeof(time_t) == 8, "time_t");
CGOCHECK_STATIC_ASSERT(sizeof(pid_t) == 4, "pid_t");
CGOCHECK_STATIC_ASSERT(sizeof(mode_t) == 2, "mode_t");
CGOCHECK_STATIC_ASSERT(sizeof(pthread_t) == sizeof(void *), "pthread_t");
CGOCHECK_STATIC_ASSERT(sizeof(pthread_mutex_t) == 64, "pthread_mutex_t");
CGOCHECK_STATIC_ASSERT(sizeof(pthread_cond_t) == 48, "pthread_cond_t");
CGOCHECK_STATIC_ASSERT(sizeof(pthread_once_t) == 16, "pthread_once_t");
CGOCHECK_STATIC_ASSERT(sizeof(pthread_attr_t) == 64, "pthread_attr_t");
CGOCHECK_STATIC_ASSERT(sizeof(struct timespec) == 16, "timespec");
CGOCHECK_STATIC_ASSERT(sizeof(struct tm) == 56, "tm");
"""


def headers(root):
    out = []
    for dirpath, _, files in os.walk(root):
        for name in files:
            if name.endswith(".h"):
                out.append(os.path.relpath(os.path.join(dirpath, name), root))
    return sorted(out)


def unit(root, workdir, name, body):
    includes = "".join("#include <%s>\n" % h for h in headers(root))
    path = os.path.join(workdir, name)
    with open(path, "w") as f:
        f.write(includes + includes + body)
    return path


def compile_(cc, triple, lang, std, source, extra=()):
    cmd = [cc, "--target=" + triple, "-nostdlibinc", "-x", lang, "-std=" + std, "-fsyntax-only",
           "-Wall", "-Wextra", "-Werror", "-fno-color-diagnostics"] + list(extra) + [source]
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return p.returncode, p.stdout, " ".join(cmd)


def parse(args, workdir, include_dir):
    failures = []
    with open(os.path.join(HERE, "uses_darwin_libc.c")) as f:
        uses = f.read()
    source = unit(args.headers, workdir, "uses.c",
                  '#include "cgocheck/cgocheck.h"\n' + ABI + uses)
    for triple in TRIPLES:
        for lang, std in STANDARDS:
            rc, out, cmd = compile_(args.cc, triple, lang, std, source,
                                    ["-isystem", args.headers, "-I", include_dir])
            if rc != 0 or out.strip():
                failures.append("%s\n%s" % (cmd, out))
    # Without the stand-ins, the same unit must not parse.
    rc, out, cmd = compile_(args.cc, TRIPLES[0], "c", "c11", source, ["-I", include_dir])
    if rc == 0 or "file not found" not in out:
        failures.append("without -isystem the unit parsed (host headers leaking?):\n%s\n%s" % (cmd, out))
    return failures


def builtins(args, workdir):
    failures = []
    strict = ["-Werror=incompatible-library-redeclaration"]
    source = unit(args.headers, workdir, "all.c", "int cgocheck_test_anchor;\n")
    for triple in TRIPLES:
        for lang, std in STANDARDS:
            if lang != "c":
                continue  # library builtins are C declarations
            rc, out, cmd = compile_(args.cc, triple, lang, std, source, strict + ["-I", args.headers])
            if rc != 0 or out.strip():
                failures.append("%s\n%s" % (cmd, out))
    # The check must be able to fail: one wrong prototype in a copy.
    broken = os.path.join(workdir, "broken")
    shutil.copytree(args.headers, broken)
    path = os.path.join(broken, "stdlib.h")
    with open(path) as f:
        text = f.read()
    wrong = text.replace("void *malloc(size_t size);", "void *malloc(int size);")
    if wrong == text:
        failures.append("stdlib.h does not declare 'void *malloc(size_t size);'")
    with open(path, "w") as f:
        f.write(wrong)
    source = unit(broken, workdir, "broken.c", "int cgocheck_test_anchor;\n")
    rc, out, cmd = compile_(args.cc, TRIPLES[0], "c", "c11", source, strict + ["-I", broken])
    if rc == 0 or "incompatible redeclaration of library function 'malloc'" not in out:
        failures.append("a wrong malloc prototype went unnoticed:\n%s\n%s" % (cmd, out))
    # printf is clang's printf: a bad format is diagnosed.
    source = unit(args.headers, workdir, "format.c",
                  'void f(void); void f(void) { printf("%s\\n", 42); fprintf(stderr, "%d\\n", "x"); }\n')
    rc, out, cmd = compile_(args.cc, TRIPLES[0], "c", "c11", source, ["-isystem", args.headers])
    if rc == 0 or out.count("[-Werror,-Wformat]") != 2:
        failures.append("printf/fprintf formats were not checked:\n%s\n%s" % (cmd, out))
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cc", required=True)
    ap.add_argument("--headers", required=True, help="share/darwin-libc")
    ap.add_argument("--include", default=os.path.join(HERE, "..", "..", "include"),
                    help="the include/ directory holding cgocheck/cgocheck.h")
    ap.add_argument("what", choices=["parse", "builtins"])
    args = ap.parse_args()
    if not os.path.isfile(os.path.join(args.headers, "stdlib.h")):
        print("no stdlib.h in %s" % args.headers)
        return 1
    with tempfile.TemporaryDirectory() as workdir:
        failures = parse(args, workdir, args.include) if args.what == "parse" else builtins(args, workdir)
    for f in failures:
        print("FAIL " + f)
    print("%s: %s" % (args.what, "FAILED" if failures else "ok"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
