#!/usr/bin/env python3
"""Cross-check the layout engine (include/cgocheck/abi/layout.hpp) against clang.

For every row of the data model (`layout-cases --list`) and every clang
given, compile the C11 file `layout-cases --c GOOS/GOARCH` prints -- the
corpus of records followed by _Static_asserts of the engine's sizeof,
_Alignof and offsetof -- with

    clang-N --target=TRIPLE -nostdlibinc -std=c11 -fsyntax-only -x c -

Any failed assertion is a disagreement between the engine and clang. Bit-field
offsets, which offsetof cannot reach, are compared with clang's
`-Xclang -fdump-record-layouts-simple` (FieldOffsets in bits). The
negative control (`--c-wrong`, one size off by one) must be rejected, or
the check proves nothing.

usage: check_layout.py --generator build/.../layout-cases [--clang clang-19 --clang clang-22]
Exit status: 0 all agree, 1 a disagreement (or the control passed),
77 a requested clang is not installed.
"""
import argparse
import re
import shutil
import subprocess
import sys


def compile_c(clang, triple, source):
    cmd = [clang, f"--target={triple}", "-nostdlibinc", "-std=c11", "-fsyntax-only", "-x", "c", "-"]
    proc = subprocess.run(cmd, input=source, capture_output=True, text=True)
    return proc.returncode, proc.stderr


def dumped_layouts(text):
    """{"struct tag": (size_bits, align_bits, [offsets])} from -fdump-record-layouts-simple."""
    out = {}
    name = None
    for line in text.splitlines():
        m = re.match(r"^Type: ((?:struct|union) \w+)$", line)
        if m:
            name = m.group(1)
            fields = {}
            continue
        if name is None:
            continue
        m = re.match(r"^\s+(Size|Alignment):(\d+)$", line)
        if m:
            fields[m.group(1)] = int(m.group(2))
            continue
        m = re.match(r"^\s+FieldOffsets: \[([0-9, ]*)\]>$", line)
        if m:
            offsets = [int(x) for x in m.group(1).split(",") if x.strip()]
            out[name] = (fields.get("Size"), fields.get("Alignment"), offsets)
            name = None
    return out


def check_offsets(generator, clang, pair, triple, source):
    """Compare every field's bit offset (bit-fields included), size and alignment
    with clang's record layout dump. Returns the list of disagreements."""
    expected = {}
    out = subprocess.run([generator, "--offsets", pair], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        tag, size, align, offsets = line.split("|")
        expected[tag] = (int(size), int(align), [int(x) for x in offsets.split(",") if x])
    cmd = [clang, f"--target={triple}", "-nostdlibinc", "-std=c11", "-fsyntax-only",
           "-Xclang", "-fdump-record-layouts-simple", "-x", "c", "-"]
    proc = subprocess.run(cmd, input=source, capture_output=True, text=True)
    dumped = dumped_layouts(proc.stdout)
    problems = []
    for tag, want in expected.items():
        got = dumped.get(tag)
        if got is None:
            problems.append(f"{tag}: clang dumped no layout")
        elif got != want:
            problems.append(f"{tag}: clang (size, align, bit offsets) {got}, engine {want}")
    return problems, len(expected)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generator", required=True)
    ap.add_argument("--clang", action="append", default=[])
    args = ap.parse_args()
    clangs = args.clang or ["clang-19", "clang-22"]
    missing = [c for c in clangs if shutil.which(c) is None]
    if missing:
        print(f"check_layout: SKIP: not installed: {', '.join(missing)}")
        return 77

    rows = subprocess.run([args.generator, "--list"], check=True, capture_output=True, text=True).stdout.split("\n")
    rows = [r.split() for r in rows if r.strip()]
    if not rows:
        print("check_layout: FAIL: the generator lists no data-model rows")
        return 1
    count = subprocess.run([args.generator, "--count"], check=True, capture_output=True, text=True).stdout.strip()

    failures = 0
    assertions = 0
    dumped = 0
    for clang in clangs:
        for pair, triple, _ms in rows:
            source = subprocess.run([args.generator, "--c", pair], check=True, capture_output=True, text=True).stdout
            assertions += source.count("_Static_assert(")
            problems, n = check_offsets(args.generator, clang, pair, triple, source)
            dumped += n
            if problems:
                failures += 1
                print(f"check_layout: FAIL: {clang} {pair} ({triple}): {len(problems)} record layout(s) differ")
                for p in problems[:40]:
                    print("    " + p)
            rc, err = compile_c(clang, triple, source)
            if rc != 0:
                failures += 1
                lines = [l for l in err.splitlines() if "error:" in l]
                print(f"check_layout: FAIL: {clang} {pair} ({triple}): {len(lines)} disagreement(s)")
                for l in lines[:40]:
                    print("    " + l)
        # Negative control: on one row per clang, a wrong size must be rejected.
        pair, triple, _ms = rows[0]
        wrong = subprocess.run([args.generator, "--c-wrong", pair], check=True, capture_output=True, text=True).stdout
        rc, err = compile_c(clang, triple, wrong)
        if rc == 0 or "static assert" not in err and "static_assert" not in err:
            failures += 1
            print(f"check_layout: FAIL: {clang} accepted the deliberately wrong assertion for {pair} ({triple})")
        else:
            print(f"check_layout: {clang} rejects the negative control for {pair}, as it must")

    if failures:
        print(f"check_layout: {failures} failure(s)")
        return 1
    print(f"check_layout: OK: {count} records on {len(rows)} targets with {', '.join(clangs)}, "
          f"{assertions} assertions, {dumped} record layout dumps (bit-field offsets included), all agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
