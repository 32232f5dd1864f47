#!/usr/bin/env python3
"""Lint cgocheck's own C++ with the repository's .clang-tidy files.

Runs clang-tidy on every translation unit of the build's compile database
that belongs to the plugin (clang-tidy-plugin/), the command (tools/) or the
generated one-header-per-TU files (tests/headers/*, i.e. the library
headers), two at a time. Any warning or error fails.

Exit codes: 0 clean, 1 findings, 2 usage or tool error.
"""

import argparse
import concurrent.futures
import json
import os
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True)
    parser.add_argument("--build-dir", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("-j", type=int, default=2)
    args = parser.parse_args()

    database = os.path.join(args.build_dir, "compile_commands.json")
    try:
        with open(database, encoding="utf-8") as f:
            entries = json.load(f)
    except (OSError, ValueError) as e:
        print(f"self_lint: cannot read {database}: {e}", file=sys.stderr)
        return 2

    root = os.path.realpath(args.root)
    headers = os.path.join(os.path.realpath(args.build_dir), "tests", "headers")
    wanted = []
    for entry in entries:
        path = os.path.realpath(os.path.join(entry.get("directory", ""), entry["file"]))
        if (path.startswith(os.path.join(root, "clang-tidy-plugin") + os.sep)
                or path.startswith(os.path.join(root, "tools") + os.sep)
                or path.startswith(headers + os.sep)):
            wanted.append(path)
    wanted = sorted(set(wanted))
    if not wanted:
        print("self_lint: no project sources in the compile database", file=sys.stderr)
        return 2

    def lint(path):
        proc = subprocess.run(
            [args.clang_tidy, "-p", args.build_dir, "--quiet", path],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
        return path, proc

    failed = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.j)) as pool:
        for path, proc in pool.map(lint, wanted):
            findings = [line for line in proc.stdout.splitlines()
                        if ": warning: " in line or ": error: " in line]
            if proc.returncode != 0 or findings:
                failed += 1
                print(f"FAIL {os.path.relpath(path, root)} (exit {proc.returncode})")
                print(proc.stdout)
                print(proc.stderr)
            else:
                print(f"ok   {os.path.relpath(path, root)}")
    print(f"{len(wanted) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
