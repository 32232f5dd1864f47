#!/usr/bin/env python3
"""Checks what `cgocheck env --json` reports per context for the fixture
project tests/env/vscode-project (settings.json, launch.json, .env, .envrc).

usage: check_contexts.py CGOCHECK PROJECT_DIR
"""
import json
import os
import subprocess
import sys


def main():
    cgocheck, project = sys.argv[1], os.path.abspath(sys.argv[2])
    # A controlled environment: no CGO_* or GO* from the caller, a C compiler
    # on PATH, Go 1.21 so that the compiler probe and go.env both apply.
    env = {"HOME": "/nonexistent-home", "PATH": "/usr/bin:/bin"}
    out = subprocess.run([cgocheck, "env", "--json", "--go-version=1.21", "--host=linux/amd64", project],
                         env=env, capture_output=True, text=True, check=True).stdout
    doc = json.loads(out)
    contexts = {c["name"]: c for c in doc["contexts"]}
    failures = []

    def expect(name, key, value, origin_part):
        ctx = contexts.get(name)
        if ctx is None:
            failures.append(f"no context {name!r}; have {sorted(contexts)}")
            return
        got = ctx["values"][key]
        if got["value"] != value or origin_part not in got["from"]:
            failures.append(f"{name}: {key}={got['value']!r} from {got['from']!r}; "
                            f"want {value!r} from ...{origin_part}...")

    # The acceptance case: VS Code's tools run with cgo off, the terminal with it on.
    expect("terminal", "CGO_ENABLED", "1", "built-in default")
    expect("VS Code tools", "CGO_ENABLED", "0", "go.toolsEnvVars")
    # Tests: testEnvVars on top of toolsEnvVars.
    expect("VS Code tests", "CGO_ENABLED", "0", "go.toolsEnvVars")
    expect("VS Code tests", "GOARCH", "arm64", "go.testEnvVars")
    # Debugging: env > envFile > toolsEnvVars.
    expect("debug: Launch darwin", "GOOS", "darwin", "launch.json env")
    expect("debug: Launch darwin", "CGO_ENABLED", "1", "envFile")
    expect("debug: Launch darwin", "CC", "clang", "envFile")
    # direnv: exports and the dotenv line, the rest reported.
    expect("terminal with direnv", "GOARCH", "386", ".envrc export")
    expect("terminal with direnv", "GOOS", "linux", ".envrc dotenv")
    direnv_notes = " ".join(contexts.get("terminal with direnv", {}).get("notes", []))
    if "source_up" not in direnv_notes:
        failures.append("the uninterpreted .envrc line 'source_up' is not reported")
    missing = contexts.get("debug: Missing envFile", {})
    if "Cannot load environment variables from file" not in missing.get("error", ""):
        failures.append(f"missing envFile: no error, got {missing!r}")
    # Keys go env -json prints are plain strings, with their sources.
    for key in ("CGO_ENABLED", "GOOS", "GOARCH", "CC", "GOENV", "GOROOT"):
        if not isinstance(doc.get(key), str) or key not in doc["sources"]:
            failures.append(f"{key} missing from the top level or from sources")
    for f in failures:
        print("FAIL:", f)
    print(f"{len(contexts)} contexts checked, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
