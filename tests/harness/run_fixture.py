#!/usr/bin/env python3
"""Run clang-tidy with the cgocheck plugin on one C fixture and check its output.

The fixture carries its own expectations in whole-line `//` comments:

    // CHECKS: cgo-nil-free                      (required, exactly one)
    // OPTION: cgo-nil-free.Deallocators=free    (optional, repeatable)
    // ARGS: --target=arm64-apple-macos11        (optional, repeatable)
    // VARIANT: --target=aarch64-linux-gnu       (optional, repeatable)
    // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: text [cgo-nil-free]
    // CHECK-NOTES: :[[@LINE-2]]:7: note: text

Positions are `:[[@LINE]]`, `:[[@LINE+N]]`, `:[[@LINE-N]]` (relative to the
directive's own line) or an absolute `:N`, followed by `:COL:`.  A position
may name another file, relative to the fixture's directory
(`go/packet.go:12:5:`), for findings the checks place in .go files; clang-tidy
runs in the fixture's directory so that Go-side facts can name such files.

Each VARIANT line adds its arguments (after ARGS) to a run of its own: the
fixture passes only if every run meets every expectation, which shows that a
finding does not depend on the target the file is parsed for.

Every expectation must match a distinct diagnostic at the same line, column
and severity whose text contains the expected text.  Every warning/error must
be expected; notes must be expected only if the fixture has a CHECK-NOTES line.

Exit codes: 0 pass, 1 test failure, 2 usage or tool error.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys

from tidy_common import is_load_failure

DEFAULT_TIMEOUT = 300

DIAG_RE = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>warning|error|note|fatal error): (?P<msg>.*)$"
)
# A diagnostic without a source location, e.g. "error: unknown argument: ...".
LOCLESS_DIAG_RE = re.compile(r"^(?P<sev>warning|error|fatal error): (?P<msg>.*)$")
# Source snippet lines that clang prints under a diagnostic ("  12 | code",
# "     |   ^~~").  They can contain arbitrary fixture text, so never parse them.
SNIPPET_RE = re.compile(r"^\s+(\d+\s+)?\|")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

DIRECTIVE_RE = re.compile(r"^\s*//\s*(?P<name>[A-Z][A-Z-]*):(?P<value>.*)$")
KNOWN_DIRECTIVES = {"CHECKS", "OPTION", "ARGS", "VARIANT", "CHECK-MESSAGES", "CHECK-NOTES"}
# Expectation-looking text that is not on its own comment line (e.g. trailing
# a statement) would otherwise be silently ignored.
STRAY_DIRECTIVE_RE = re.compile(r"//\s*(CHECK-[A-Z-]+|CHECKS):")
EXPECT_RE = re.compile(
    r"^\s*(?P<file>[^:\s\[]+)?:(?:\[\[@LINE(?:(?P<sign>[+-])(?P<off>\d+))?\]\]|(?P<abs>\d+))"
    r":(?P<col>\d+):\s*(?P<sev>warning|error|note):(?P<text>.*)$"
)


class UsageError(Exception):
    """A problem with the fixture, the arguments or the tool (exit 2)."""


class Expectation:
    def __init__(self, directive_line, line, col, sev, text, kind, file=None):
        self.directive_line = directive_line
        self.file = file  # realpath of another file, or None for the fixture
        self.line = line
        self.col = col
        self.sev = sev
        self.text = text
        self.kind = kind

    def describe(self):
        where = "%s:" % self.file if self.file else ""
        return "expected %s at %s%d:%d: %s" % (self.sev, where, self.line, self.col, self.text)


class Diagnostic:
    def __init__(self, raw, file, line, col, sev, msg):
        self.raw = raw
        self.file = file  # realpath, or None for location-less diagnostics
        self.line = line
        self.col = col
        self.sev = "error" if sev == "fatal error" else sev
        self.msg = msg


class Fixture:
    def __init__(self, path):
        self.path = path
        self.checks = []
        self.options = {}
        self.variants = []
        self.args = []
        self.expectations = []
        self.has_notes = False


def parse_fixture(path):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except OSError as e:
        raise UsageError("%s: cannot read fixture: %s" % (path, e.strerror))
    except UnicodeDecodeError:
        raise UsageError("%s: fixture is not valid UTF-8" % path)

    fx = Fixture(path)
    checks_lines = []
    for lineno, text in enumerate(lines, start=1):
        where = "%s:%d" % (path, lineno)
        m = DIRECTIVE_RE.match(text)
        if not m:
            if STRAY_DIRECTIVE_RE.search(text):
                raise UsageError(
                    "%s: directive must be on its own '//' comment line" % where)
            continue
        name, value = m.group("name"), m.group("value")
        if name not in KNOWN_DIRECTIVES:
            if name.startswith("CHECK"):
                raise UsageError("%s: unsupported directive '%s:'" % (where, name))
            continue  # an ordinary comment such as "// NOTE: ..."
        if name == "CHECKS":
            checks_lines.append(lineno)
            items = [c.strip() for c in value.split(",") if c.strip()]
            if not items:
                raise UsageError("%s: empty '// CHECKS:' line" % where)
            fx.checks = items
        elif name == "OPTION":
            key, eq, val = value.partition("=")
            key = key.strip()
            if not eq or not key:
                raise UsageError("%s: OPTION must be 'key=value'" % where)
            if key in fx.options:
                raise UsageError("%s: duplicate OPTION '%s'" % (where, key))
            fx.options[key] = val.strip()
        elif name in ("ARGS", "VARIANT"):
            try:
                words = shlex.split(value)
            except ValueError as e:
                raise UsageError("%s: cannot split %s: %s" % (where, name, e))
            if name == "ARGS":
                fx.args.extend(words)
            elif not words:
                raise UsageError("%s: empty VARIANT" % where)
            else:
                fx.variants.append(words)
        else:
            em = EXPECT_RE.match(value)
            if not em:
                raise UsageError("%s: malformed %s directive" % (where, name))
            other = None
            if em.group("file"):
                if em.group("abs") is None:
                    raise UsageError("%s: a position in another file needs a line number" % where)
                other = os.path.realpath(os.path.join(os.path.dirname(path), em.group("file")))
            if em.group("abs") is not None:
                line = int(em.group("abs"))
            else:
                off = int(em.group("off") or 0)
                line = lineno - off if em.group("sign") == "-" else lineno + off
            sev = em.group("sev")
            if name == "CHECK-NOTES" and sev != "note":
                raise UsageError("%s: CHECK-NOTES expects severity 'note'" % where)
            if name == "CHECK-MESSAGES" and sev == "note":
                raise UsageError(
                    "%s: use CHECK-NOTES for notes, not CHECK-MESSAGES" % where)
            if line < 1 or int(em.group("col")) < 1:
                raise UsageError("%s: position must be at least 1:1" % where)
            fx.expectations.append(Expectation(
                lineno, line, int(em.group("col")), sev,
                em.group("text").strip(), name, other))
            if name == "CHECK-NOTES":
                fx.has_notes = True

    if not checks_lines:
        raise UsageError("%s: no '// CHECKS:' line" % path)
    if len(checks_lines) > 1:
        raise UsageError("%s: more than one '// CHECKS:' line (lines %s)"
                         % (path, ", ".join(map(str, checks_lines))))
    return fx


def build_config(fx):
    return json.dumps({
        "Checks": "-*," + ",".join(fx.checks),
        "CheckOptions": fx.options,
    })


def run_tool(cmd, timeout, cwd=None):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=timeout,
                              errors="replace", cwd=cwd)
    except FileNotFoundError:
        raise UsageError("clang-tidy not found: %s" % cmd[0])
    except PermissionError:
        raise UsageError("clang-tidy is not executable: %s" % cmd[0])
    except OSError as e:
        raise UsageError("cannot run %s: %s" % (cmd[0], e))


def clean_lines(text):
    return [ANSI_RE.sub("", l).rstrip("\r") for l in text.splitlines()]


def find_plugin_load_failure(proc):
    for line in clean_lines(proc.stdout) + clean_lines(proc.stderr):
        if SNIPPET_RE.match(line) or DIAG_RE.match(line):
            continue
        if is_load_failure(line):
            return line.strip()
    return None


def is_plain_check_name(item):
    """True for a positive, non-glob check name that --list-checks shows."""
    return (not item.startswith("-") and "*" not in item and "?" not in item
            and not item.startswith("clang-diagnostic-"))


def verify_registered(args, fx, config):
    cmd = [args.clang_tidy, "--load=" + args.plugin, "--config=" + config,
           "--list-checks", fx.path, "--"] + fx.args
    proc = run_tool(cmd, args.timeout)
    bad = find_plugin_load_failure(proc)
    if bad:
        raise UsageError("%s: plugin failed to load: %s" % (fx.path, bad))
    listed = {l.strip() for l in clean_lines(proc.stdout)}
    listed.discard("")
    listed.discard("Enabled checks:")
    missing = [c for c in fx.checks if is_plain_check_name(c) and c not in listed]
    if missing:
        return ["check '%s' is not registered by the plugin" % c for c in missing]
    if not listed:
        return ["CHECKS '%s' enables no check" % ",".join(fx.checks)]
    if proc.returncode != 0:
        raise UsageError("'%s' failed with exit code %d: %s" % (
            shlex.join(cmd), proc.returncode,
            " ".join(proc.stderr.split()) or "(no stderr)"))
    return []


def parse_diagnostics(proc, base="."):
    diags = []
    for line in clean_lines(proc.stdout) + clean_lines(proc.stderr):
        if SNIPPET_RE.match(line):
            continue
        m = DIAG_RE.match(line)
        if m:
            diags.append(Diagnostic(
                line, os.path.realpath(os.path.join(base, m.group("file"))), int(m.group("line")),
                int(m.group("col")), m.group("sev"), m.group("msg")))
            continue
        m = LOCLESS_DIAG_RE.match(line)
        if m:
            diags.append(Diagnostic(line, None, 0, 0, m.group("sev"), m.group("msg")))
    return diags


def match(fx, diags):
    """Greedy matching; returns (missing expectations, unexpected diagnostics)."""
    fixture_real = os.path.realpath(fx.path)
    used = set()
    missing = []
    for exp in fx.expectations:
        for i, d in enumerate(diags):
            if (i not in used and d.file == (exp.file or fixture_real) and d.line == exp.line
                    and d.col == exp.col and d.sev == exp.sev
                    and exp.text in d.msg):
                used.add(i)
                break
        else:
            missing.append(exp)
    unexpected = [d for i, d in enumerate(diags) if i not in used
                  and (d.sev != "note" or fx.has_notes)]
    return missing, unexpected


def print_raw_output(proc):
    print("--- clang-tidy exit code: %d" % proc.returncode)
    print("--- clang-tidy stdout:")
    print(proc.stdout.rstrip("\n"))
    print("--- clang-tidy stderr:")
    print(proc.stderr.rstrip("\n"))
    print("---")


def run(args):
    fx = parse_fixture(args.fixture)
    if not os.path.isfile(args.plugin):
        raise UsageError("plugin not found: %s" % args.plugin)
    config = build_config(fx)

    problems = verify_registered(args, fx, config)
    if problems:
        for p in problems:
            print("%s: %s" % (fx.path, p))
        print("FAIL %s" % fx.path)
        return 1

    status = 0
    for variant in fx.variants or [[]]:
        status = max(status, run_one(args, fx, config, fx.args + variant))
    if status == 0 and len(fx.variants) > 1:
        print("PASS %s: the same findings in all %d variants" % (fx.path, len(fx.variants)))
    return status


def run_one(args, fx, config, compiler_args):
    here = os.path.dirname(os.path.abspath(fx.path))
    tidy = args.clang_tidy
    if os.sep in tidy:
        tidy = os.path.abspath(tidy)
    cmd = [tidy, "--load=" + os.path.abspath(args.plugin), "--config=" + config,
           os.path.abspath(fx.path), "--"] + compiler_args
    try:
        proc = run_tool(cmd, args.timeout, cwd=here)
    except subprocess.TimeoutExpired:
        print("command: %s" % shlex.join(cmd))
        print("%s: clang-tidy timed out after %g s" % (fx.path, args.timeout))
        print("FAIL %s" % fx.path)
        return 1
    bad = find_plugin_load_failure(proc)
    if bad:
        raise UsageError("%s: plugin failed to load: %s" % (fx.path, bad))

    diags = parse_diagnostics(proc, here)
    missing, unexpected = match(fx, diags)
    expects_error = any(e.sev == "error" for e in fx.expectations)
    bad_exit = proc.returncode != 0 and not expects_error

    if not missing and not unexpected and not bad_exit:
        print("PASS %s %s(%d expectations)" % (fx.path, shlex.join(compiler_args) + " " if compiler_args else "",
                                                len(fx.expectations)))
        return 0

    print("command: %s" % shlex.join(cmd))
    for exp in missing:
        print("%s:%d: %s" % (fx.path, exp.directive_line, exp.describe()))
    for d in unexpected:
        print("unexpected: %s" % d.raw)
    if bad_exit:
        print("%s: clang-tidy exited with code %d but no error was expected; stderr:"
              % (fx.path, proc.returncode))
        print(proc.stderr.rstrip("\n"))
    print_raw_output(proc)
    print("FAIL %s" % fx.path)
    return 1


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True, help="clang-tidy binary")
    parser.add_argument("--plugin", required=True, help="path to libcgocheck.so")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds per clang-tidy run (default %(default)s)")
    parser.add_argument("fixture", help="C fixture file")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    try:
        return run(args)
    except UsageError as e:
        print(str(e), file=sys.stderr)
        return 2
    except subprocess.TimeoutExpired as e:
        print("clang-tidy timed out after %g s: %s"
              % (args.timeout, shlex.join(e.cmd)), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
