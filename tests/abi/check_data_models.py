#!/usr/bin/env python3
"""Check every row of cgocheck's target data-model table against clang.

For each row listed by `abi-assertions --list`, generate the row's C11 file
of _Static_asserts (`abi-assertions GOOS/GOARCH`) and compile it with
`CLANG --target=TRIPLE -nostdlibinc -std=c11 -fsyntax-only -x c -`. The row
agrees with clang when the file compiles.

Negative controls, so that the check cannot pass vacuously (for every row
that agrees):
  * flip: the plain-char signedness assertion with its value flipped must be
    rejected by clang with that assertion's message;
  * negate: with every assertion negated, clang must reject each one by its
    message, which shows that every assertion is evaluated for the triple
    (none is preprocessed away or trivially true).

Exit status: 0 every row agrees and every control holds; 1 some row disagrees
or a control does not hold; 2 tool error (clang or abi-assertions missing or
failing for another reason than a failed assertion).
"""

import argparse
import re
import shutil
import subprocess
import sys

ASSERTION = re.compile(r'^_Static_assert\((?P<expr>.*), "(?P<msg>[^"]*)"\);$')
# The fewest assertions a row can have: 11 types x (size, align), __int128
# presence, two signedness, long double format, biggest alignment, two
# bit-field structs.
MIN_ASSERTIONS = 11 * 2 + 1 + 2 + 2 + 2


class ToolError(Exception):
    pass


def run(cmd, stdin=None):
    try:
        return subprocess.run(cmd, input=stdin, capture_output=True, text=True, check=False)
    except OSError as e:
        raise ToolError(f"cannot run {cmd[0]}: {e}") from e


def compile_c(clang, triple, text, extra=()):
    """Returns (ok, stderr)."""
    cmd = [clang, f"--target={triple}", "-nostdlibinc", "-std=c11", "-fsyntax-only", *extra, "-x", "c", "-"]
    p = run(cmd, stdin=text)
    return p.returncode == 0, p.stderr


def failed_messages(stderr):
    """The messages of the static assertions clang reports as failed."""
    out = []
    for line in stderr.splitlines():
        if "static assertion failed" in line and ": error: " in line:
            out.append(line)
    return out


def assertions_of(text):
    return [m.group("msg") for m in map(ASSERTION.match, text.splitlines()) if m]


def reported(msg, failures):
    return any(line.endswith(": " + msg) for line in failures)


def check_row(clang, assertions, pair, triple, problems):
    """Returns True when the row agrees with clang and its controls hold."""
    gen = run([assertions, pair])
    if gen.returncode != 0:
        raise ToolError(f"{assertions} {pair} exited {gen.returncode}: {gen.stderr.strip()}")
    text = gen.stdout
    messages = assertions_of(text)
    if len(messages) < MIN_ASSERTIONS:
        raise ToolError(f"{pair}: only {len(messages)} assertions generated (expected at least {MIN_ASSERTIONS})")
    for msg in messages:
        if not msg.startswith(pair + ": "):
            raise ToolError(f"{pair}: assertion message does not name the pair: {msg!r}")

    ok, stderr = compile_c(clang, triple, text, extra=("-ferror-limit=0",))
    if not ok:
        failures = failed_messages(stderr)
        if not failures:
            raise ToolError(f"{pair}: clang --target={triple} failed without a static assertion:\n{stderr}")
        problems.append(f"{pair} ({triple}): the table disagrees with clang:")
        problems.extend("    " + f for f in failures)
        return False

    # Control 1: flip the plain char signedness value.
    lines = text.splitlines(keepends=True)
    flipped = None
    for i, line in enumerate(lines):
        m = ASSERTION.match(line.rstrip("\n"))
        if m and ": plain char is " in m.group("msg"):
            expr = m.group("expr")
            new_expr = re.sub(r"== ([01])$", lambda v: "== " + ("0" if v.group(1) == "1" else "1"), expr)
            if new_expr == expr:
                raise ToolError(f"{pair}: cannot flip the plain char assertion: {line.strip()}")
            flipped_msg = m.group("msg")
            lines[i] = f'_Static_assert({new_expr}, "{flipped_msg}");\n'
            flipped = "".join(lines)
            break
    if flipped is None:
        raise ToolError(f"{pair}: no plain char signedness assertion in the generated file")
    ok, stderr = compile_c(clang, triple, flipped)
    if ok or not reported(flipped_msg, failed_messages(stderr)):
        problems.append(f"{pair} ({triple}): negative control: clang did not reject the flipped assertion "
                        f"'{flipped_msg}'" + (f":\n{stderr}" if stderr else ""))
        return False

    # Control 2: negate every assertion; each must be reported.
    negated = "".join(
        (f'_Static_assert(!({m.group("expr")}), "{m.group("msg")}");\n' if m else line)
        for line, m in ((line, ASSERTION.match(line.rstrip("\n"))) for line in text.splitlines(keepends=True)))
    ok, stderr = compile_c(clang, triple, negated, extra=("-ferror-limit=0",))
    failures = failed_messages(stderr)
    missing = [msg for msg in messages if not reported(msg, failures)]
    if ok or missing:
        problems.append(f"{pair} ({triple}): negative control: negated assertions clang did not reject:")
        problems.extend("    " + msg for msg in (missing or ["(clang accepted the whole negated file)"]))
        return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--assertions", required=True, help="the abi-assertions program")
    ap.add_argument("--clang", required=True, help="the clang to compare with (e.g. clang-19)")
    ap.add_argument("--only", action="append", default=[], help="check only this GOOS/GOARCH (repeatable)")
    args = ap.parse_args()

    try:
        clang = shutil.which(args.clang) or args.clang
        version = run([clang, "--version"])
        if version.returncode != 0:
            raise ToolError(f"{args.clang} --version failed: {version.stderr.strip()}")
        print(version.stdout.splitlines()[0] if version.stdout else clang)

        listing = run([args.assertions, "--list"])
        if listing.returncode != 0:
            raise ToolError(f"{args.assertions} --list exited {listing.returncode}: {listing.stderr.strip()}")
        rows = []
        for line in listing.stdout.splitlines():
            parts = line.split()
            if len(parts) != 2 or "/" not in parts[0]:
                raise ToolError(f"unexpected line from --list: {line!r}")
            rows.append((parts[0], parts[1]))
        if not rows:
            raise ToolError("abi-assertions --list printed no rows")
        pairs = [p for p, _ in rows]
        if len(set(pairs)) != len(pairs):
            raise ToolError("abi-assertions --list printed a pair twice")
        if args.only:
            unknown = set(args.only) - set(pairs)
            if unknown:
                raise ToolError(f"no such row: {', '.join(sorted(unknown))}")
            rows = [r for r in rows if r[0] in args.only]

        problems = []
        bad = 0
        for pair, triple in rows:
            ok = check_row(clang, args.assertions, pair, triple, problems)
            print(f"{'ok  ' if ok else 'FAIL'} {pair} {triple}")
            bad += 0 if ok else 1
    except ToolError as e:
        print(f"check_data_models: {e}", file=sys.stderr)
        if "cannot run" in str(e) and "NOTFOUND" in str(e):
            print("check_data_models: install clang-19 and clang-22 with scripts/deps.sh", file=sys.stderr)
        return 2

    for p in problems:
        print(p)
    print(f"{len(rows) - bad} of {len(rows)} rows agree with {args.clang}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
