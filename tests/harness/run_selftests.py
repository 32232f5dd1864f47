#!/usr/bin/env python3
"""Run run_fixture.py on the selftest/ fixtures and check that it can fail.

selftest/expect_pass_*.c must make run_fixture.py exit 0 and
selftest/expect_fail_*.c must make it exit 1 (a test failure, not a tool
error).  Any other exit code, e.g. 2 because the plugin did not load, fails
the self-test.

Exit codes: 0 all as expected, 1 some fixture gave the wrong result, 2 usage
or tool error (including run_fixture.py exiting 2 for any fixture).
"""

import argparse
import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clang-tidy", required=True, help="clang-tidy binary")
    parser.add_argument("--plugin", required=True, help="path to libcgocheck.so")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="show run_fixture.py output for every fixture")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 0 if e.code == 0 else 2

    fixtures = sorted(glob.glob(os.path.join(glob.escape(HERE), "selftest", "expect_*.c")))
    if not fixtures:
        print("no selftest/expect_*.c fixtures found in %s" % HERE, file=sys.stderr)
        return 2
    runner = os.path.join(HERE, "run_fixture.py")
    wrong = tool_errors = 0
    for fx in fixtures:
        base = os.path.basename(fx)
        if base.startswith("expect_pass_"):
            want = 0
        elif base.startswith("expect_fail_"):
            want = 1
        else:
            print("%s: name must start with expect_pass_ or expect_fail_" % base,
                  file=sys.stderr)
            return 2
        proc = subprocess.run(
            [sys.executable, runner, "--clang-tidy", args.clang_tidy,
             "--plugin", args.plugin, fx],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, errors="replace")
        ok = proc.returncode == want
        print("%s %s (exit %d, want %d)" % ("ok  " if ok else "BAD ", base,
                                            proc.returncode, want))
        if args.verbose or not ok:
            for line in proc.stdout.splitlines():
                print("    " + line)
        wrong += not ok
        tool_errors += proc.returncode == 2
    if tool_errors:
        print("selftest: run_fixture.py reported a tool error (exit 2) for %d fixtures"
              % tool_errors, file=sys.stderr)
        return 2
    if wrong:
        print("FAIL selftest (%d of %d fixtures gave the wrong result)"
              % (wrong, len(fixtures)))
        return 1
    print("PASS selftest (%d fixtures)" % len(fixtures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
