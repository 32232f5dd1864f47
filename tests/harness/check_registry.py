#!/usr/bin/env python3
"""Check that the plugin's checks, their docs and their fixtures agree.

Compares the `cgo-*` checks that clang-tidy lists with the plugin loaded
against an expected list (one name per line), then checks the repository:
each expected check has docs/checks/NAME.md (headed by NAME), a fixture
tests/checks/NAME.c or NAME-*.c whose `// CHECKS:` line names it, and a
`(NAME.md)` link in docs/checks/index.md; and no doc page or fixture belongs
to a check that is not expected. Checks of the cgo front end (--front-end,
reported by `cgocheck lint` itself, not by the plugin) need a page and an
index link but no fixture and no registration.

Exit codes: 0 pass, 1 problems found, 2 usage or tool error.
"""

import argparse
import glob
import json
import os
import re
import shlex
import subprocess
import sys

from tidy_common import is_load_failure

TIMEOUT = 300
CHECK_NAME_RE = re.compile(r"^cgo-[A-Za-z0-9][A-Za-z0-9.-]*$")
CHECKS_LINE_RE = re.compile(r"^\s*//\s*CHECKS:(.*)$")
ATX_HEADING_RE = re.compile(r"^ {0,3}#{1,6}(\s|$)")
SETEXT_UNDERLINE_RE = re.compile(r"^ {0,3}(=+|-+)\s*$")


class ToolError(Exception):
    """A problem with the arguments or the tool (exit 2)."""


def mentions(text, name):
    """True if `name` occurs in `text` as a whole check name."""
    return re.search(r"(?<![\w.-])" + re.escape(name) + r"(?![\w.-])", text) is not None


def read_expected(path):
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise ToolError("cannot read expected list %s: %s" % (path, e))
    names, problems = [], []
    for lineno, line in enumerate(lines, start=1):
        name = line.strip()
        if not name:
            continue
        if not CHECK_NAME_RE.match(name):
            problems.append("%s:%d: '%s' is not a cgo-* check name" % (path, lineno, name))
        elif name in names:
            problems.append("%s:%d: '%s' is listed twice" % (path, lineno, name))
        else:
            names.append(name)
    if not names and not problems:
        problems.append("%s: expected check list is empty" % path)
    return names, problems


def list_plugin_checks(clang_tidy, plugin):
    cmd = [clang_tidy, "--load=" + plugin,
           "--config=" + json.dumps({"Checks": "-*,cgo-*"}), "--list-checks"]
    try:
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              stdin=subprocess.DEVNULL, timeout=TIMEOUT,
                              errors="replace")
    except FileNotFoundError:
        raise ToolError("clang-tidy not found: %s" % clang_tidy)
    except PermissionError:
        raise ToolError("clang-tidy is not executable: %s" % clang_tidy)
    except subprocess.TimeoutExpired:
        raise ToolError("clang-tidy timed out after %d s: %s" % (TIMEOUT, shlex.join(cmd)))
    except OSError as e:
        raise ToolError("cannot run %s: %s" % (clang_tidy, e))
    for line in (proc.stdout + "\n" + proc.stderr).splitlines():
        if is_load_failure(line):
            raise ToolError("plugin failed to load: %s" % line.strip())
    listed = [l.strip() for l in proc.stdout.splitlines() if l.strip().startswith("cgo-")]
    # With no cgo-* check registered clang-tidy says "No checks enabled." and
    # exits 1; that is a registry mismatch, not a tool failure.
    if proc.returncode != 0 and listed:
        raise ToolError("'%s' failed with exit code %d: %s" % (
            shlex.join(cmd), proc.returncode, " ".join(proc.stderr.split())))
    return listed


def fixture_checks(path):
    """Return (list of CHECKS values, error) for a fixture file."""
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        return [], "cannot read: %s" % e
    values = [m.group(1) for m in map(CHECKS_LINE_RE.match, text.splitlines()) if m]
    if not values:
        return [], "no '// CHECKS:' line"
    if len(values) > 1:
        return [], "more than one '// CHECKS:' line"
    items = [c.strip() for c in values[0].split(",") if c.strip()]
    return items, None


def named_checks(items):
    """Positive, non-glob cgo-* names in a CHECKS value."""
    return [c for c in items if c.startswith("cgo-") and "*" not in c and "?" not in c]


def check_doc_page(path, shown, name):
    """Return a problem string for docs page `path` (displayed as `shown`)."""
    if not os.path.isfile(path):
        return "%s: missing documentation page for %s" % (shown, name)
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        return "%s: cannot read: %s" % (shown, e)
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        is_heading = bool(ATX_HEADING_RE.match(line)) or (
            i + 1 < len(lines) and SETEXT_UNDERLINE_RE.match(lines[i + 1]) is not None)
        if not is_heading:
            return "%s: first non-empty line is not a markdown heading" % shown
        if not mentions(line, name):
            return "%s: first heading does not name %s" % (shown, name)
        return None
    return "%s: documentation page is empty" % shown


def check_repo(root, expected, front_end=()):
    problems = []
    docs_dir = os.path.join(root, "docs", "checks")
    tests_dir = os.path.join(root, "tests", "checks")
    index_path = os.path.join(docs_dir, "index.md")
    rel = lambda p: os.path.relpath(p, root)

    index_text = None
    try:
        with open(index_path, encoding="utf-8") as f:
            index_text = f.read()
    except FileNotFoundError:
        problems.append("%s: missing" % rel(index_path))
    except (OSError, UnicodeDecodeError) as e:
        problems.append("%s: cannot read: %s" % (rel(index_path), e))

    fixtures = sorted(glob.glob(os.path.join(glob.escape(tests_dir), "*.c")))
    fixture_info = {f: fixture_checks(f) for f in fixtures}

    for name in expected:
        page = os.path.join(docs_dir, name + ".md")
        problem = check_doc_page(page, rel(page), name)
        if problem:
            problems.append(problem)
        candidates = [f for f in fixtures
                      if os.path.basename(f) == name + ".c"
                      or os.path.basename(f).startswith(name + "-")]
        if not any(name in fixture_info[f][0] for f in candidates):
            problems.append("%s: no fixture %s.c or %s-*.c whose '// CHECKS:' line names it"
                            % (name, rel(os.path.join(tests_dir, name)),
                               rel(os.path.join(tests_dir, name))))
        if index_text is not None and "(%s.md)" % name not in index_text:
            problems.append("%s: no link '(%s.md)'" % (rel(index_path), name))

    for name in front_end:
        page = os.path.join(docs_dir, name + ".md")
        problem = check_doc_page(page, rel(page), name)
        if problem:
            problems.append(problem)
        if index_text is not None and "(%s.md)" % name not in index_text:
            problems.append("%s: no link '(%s.md)'" % (rel(index_path), name))

    expected_set = set(expected)
    documented = expected_set | set(front_end)
    for page in sorted(glob.glob(os.path.join(glob.escape(docs_dir), "cgo-*.md"))):
        stem = os.path.basename(page)[:-len(".md")]
        if stem not in documented:
            problems.append("%s: documents '%s', which is not an expected check"
                            % (rel(page), stem))

    for f in fixtures:
        items, err = fixture_info[f]
        if err:
            problems.append("%s: %s" % (rel(f), err))
            continue
        names = named_checks(items)
        if not names:
            problems.append("%s: '// CHECKS:' line names no cgo-* check" % rel(f))
        for n in names:
            if n not in expected_set:
                problems.append("%s: tests '%s', which is not an expected check"
                                % (rel(f), n))
    return problems


def run(args):
    if not os.path.isfile(args.plugin):
        raise ToolError("plugin not found: %s" % args.plugin)
    if not os.path.isdir(args.repo):
        raise ToolError("repository root not found: %s" % args.repo)
    expected, problems = read_expected(args.expected)
    listed = list_plugin_checks(args.clang_tidy, args.plugin)

    for name in sorted(set(expected) - set(listed)):
        problems.append("%s: expected but not registered by the plugin" % name)
    for name in sorted(set(listed) - set(expected)):
        problems.append("%s: registered by the plugin but not expected" % name)
    front_end = []
    if args.front_end:
        front_end, front_problems = read_expected(args.front_end)
        problems.extend(front_problems)
    problems.extend(check_repo(os.path.abspath(args.repo), expected, front_end))

    if problems:
        for p in problems:
            print(p)
        print("FAIL registry (%d problems)" % len(problems))
        return 1
    print("PASS registry (%d plugin checks, %d front-end checks)" % (len(expected), len(front_end)))
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True, help="clang-tidy binary")
    parser.add_argument("--plugin", required=True, help="path to libcgocheck.so")
    parser.add_argument("--expected", required=True,
                        help="file listing the expected check names, one per line")
    parser.add_argument("--repo", required=True, help="repository root")
    parser.add_argument("--front-end",
                        help="file listing the checks of the cgo front end, one per line")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2
    try:
        return run(args)
    except ToolError as e:
        print(str(e), file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
