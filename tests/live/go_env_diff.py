#!/usr/bin/env python3
"""Differential test: `cgocheck env --json --go-version=1.19` against the real
`go env -json` of Debian's golang-1.19, over a generated matrix of scenarios.

Each scenario is a process environment (set, empty or unset variables), an
optional go/env file, a GOENV choice, and a PATH with or without a C
compiler, run in its own temporary HOME. Both commands run with exactly that
environment; every compared key must be equal, and when the go command fails
(for example it panics on an unterminated quote in CGO_CFLAGS) cgocheck must
fail too. Any mismatch fails the test and is printed with the scenario.

usage: go_env_diff.py CGOCHECK [GO_ROOT]      (GO_ROOT default /usr/lib/go-1.19)
Exit 77 (skip) when that go is not installed.
"""
import concurrent.futures
import itertools
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

KEYS = ["CGO_ENABLED", "GOOS", "GOARCH", "CC", "CXX", "CGO_CFLAGS", "CGO_CPPFLAGS",
        "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS", "GOFLAGS", "GOENV", "GOROOT",
        "GOHOSTOS", "GOHOSTARCH", "AR", "PKG_CONFIG", "GOEXPERIMENT"]

UNSET = object()

# Values per dimension. UNSET leaves the variable out of the environment;
# "" sets it to the empty string (which the go command treats as unset).
CGO_ENABLED = [UNSET, "", "0", "1", "yes", " ", "true"]
TARGETS = [None, ("linux", "amd64"), ("linux", "arm64"), ("darwin", "arm64"),
           ("windows", "amd64"), ("linux", "386"), ("", ""), ("darwin", None), (None, "arm64")]
CC = [UNSET, "", "clang", "clang -Wall", "/usr/bin/gcc", "'/opt/my cc' -m64"]
CXX = [UNSET, "clang++"]
GOFLAGS = [UNSET, "", "-mod=mod -trimpath", '"-ldflags=-s -w"', "-ldflags=-s\t-tags=x", "notaflag"]
CGO_CFLAGS = [UNSET, "", "-O3", "  -O3   '-DX=a b'", "-I\"/a b\" -DY", "'-DX", " "]
CGO_LDFLAGS = [UNSET, "-lm", "-L'/x y'"]
PKG_CONFIG = [UNSET, "'my pkg' --static", " ", "pkgconf"]
FILES = [
    None,
    "CGO_ENABLED=0\n",
    "CGO_ENABLED=1\n",
    "CGO_ENABLED=yes\n",
    "CC=clang\nCXX=clang++\n",
    "GOFLAGS=-mod=vendor\n",
    "CGO_CFLAGS=-O1 -g\nCGO_CFLAGS=-O0\n",
    "GOOS=windows\nGOARCH=amd64\n",
    "GOARCH=arm64\n",
    "# comment\ncgo_enabled=0\nCGO_ENABLED 1\n\nCC=tcc\n",
    "CGO_ENABLED=0\r\n",
    "CC= gcc\nCGO_LDFLAGS=\n",
    "GOEXPERIMENT=fieldtrack\nAR=llvm-ar\nPKG_CONFIG=pkgconf\n",
    "CGO_CFLAGS='-DQ\n",
]
GOENV = ["default", "off", "custom", "xdg-abs", "xdg-rel", "empty"]
PATHS = ["with-cc", "without-cc"]


def scenario_matrix(count, seed=1):
    """Hand-picked scenarios first, then a seeded sample of the product."""
    picked = []
    # Every value of every dimension at least once, against a plain base.
    base = dict(cgo=UNSET, target=None, cc=UNSET, cxx=UNSET, goflags=UNSET, cflags=UNSET,
                ldflags=UNSET, file=None, goenv="default", path="with-cc", pkgconfig=UNSET)
    for name, values in [("cgo", CGO_ENABLED), ("target", TARGETS), ("cc", CC), ("cxx", CXX),
                         ("goflags", GOFLAGS), ("cflags", CGO_CFLAGS), ("ldflags", CGO_LDFLAGS),
                         ("file", FILES), ("goenv", GOENV), ("path", PATHS), ("pkgconfig", PKG_CONFIG)]:
        for v in values:
            s = dict(base)
            s[name] = v
            picked.append(s)
    # Pairs that interact: file vs env, GOENV vs file, PATH vs CC, cross vs CGO_ENABLED.
    for f, g in itertools.product(FILES, ["default", "off", "custom", "xdg-rel"]):
        picked.append(dict(base, file=f, goenv=g))
    for p, c, t in itertools.product(PATHS, CC, [None, ("linux", "arm64")]):
        picked.append(dict(base, path=p, cc=c, target=t))
    for cg, t in itertools.product(CGO_ENABLED, TARGETS):
        picked.append(dict(base, cgo=cg, target=t))
    rng = random.Random(seed)
    while len(picked) < count:
        picked.append(dict(cgo=rng.choice(CGO_ENABLED), target=rng.choice(TARGETS), cc=rng.choice(CC),
                           cxx=rng.choice(CXX), goflags=rng.choice(GOFLAGS), cflags=rng.choice(CGO_CFLAGS),
                           ldflags=rng.choice(CGO_LDFLAGS), file=rng.choice(FILES), goenv=rng.choice(GOENV),
                           path=rng.choice(PATHS), pkgconfig=rng.choice(PKG_CONFIG)))
    return picked


def build_environment(s, home, go_bin, cc_dir):
    env = {"HOME": home, "LANG": "C"}
    env["PATH"] = go_bin + (":" + cc_dir if s["path"] == "with-cc" else "")
    def put(key, value):
        if value is not UNSET and value is not None:
            env[key] = value
    put("CGO_ENABLED", s["cgo"])
    if s["target"] is not None:
        goos, goarch = s["target"]
        put("GOOS", goos)
        put("GOARCH", goarch)
    put("CC", s["cc"])
    put("CXX", s["cxx"])
    put("GOFLAGS", s["goflags"])
    put("CGO_CFLAGS", s["cflags"])
    put("CGO_LDFLAGS", s["ldflags"])
    put("PKG_CONFIG", s["pkgconfig"])
    file_path = os.path.join(home, ".config", "go", "env")
    goenv = s["goenv"]
    if goenv == "off":
        env["GOENV"] = "off"
    elif goenv == "custom":
        file_path = os.path.join(home, "custom-goenv")
        env["GOENV"] = file_path
    elif goenv == "xdg-abs":
        env["XDG_CONFIG_HOME"] = os.path.join(home, "xdg")
        file_path = os.path.join(home, "xdg", "go", "env")
    elif goenv == "xdg-rel":
        # Relative to the working directory, which is HOME.
        env["XDG_CONFIG_HOME"] = "rel"
        file_path = os.path.join(home, "rel", "go", "env")
    elif goenv == "empty":
        env["GOENV"] = ""
    if s["file"] is not None:
        os.makedirs(os.path.dirname(file_path), exist_ok=True)
        with open(file_path, "w", encoding="utf-8", newline="") as f:
            f.write(s["file"])
    return env


def run_json(argv, env, cwd):
    p = subprocess.run(argv, env=env, cwd=cwd, capture_output=True, text=True, timeout=60)
    if p.returncode != 0:
        return None, p.stderr.strip().splitlines()[:1]
    return json.loads(p.stdout), None


def describe(s):
    parts = []
    for k, v in s.items():
        if v is UNSET:
            continue
        parts.append(f"{k}={v!r}")
    return ", ".join(parts)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cgocheck = os.path.abspath(sys.argv[1])
    goroot = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/go-1.19"
    go_bin = os.path.join(goroot, "bin")
    if not os.path.exists(os.path.join(go_bin, "go")):
        print(f"skip: {go_bin}/go is not installed (apt-get install golang-1.19)")
        return 77
    gcc = shutil.which("gcc")
    if gcc is None:
        print("skip: gcc is not installed")
        return 77
    # A PATH entry with the C compilers but no go: /usr/bin has both on
    # Debian only when golang-go is installed, so build a private one.
    scratch = tempfile.mkdtemp(prefix="cgocheck-live-")
    cc_dir = os.path.join(scratch, "ccbin")
    os.makedirs(cc_dir)
    for tool in ("gcc", "g++", "clang", "clang++", "cc"):
        found = shutil.which(tool)
        if found:
            os.symlink(found, os.path.join(cc_dir, tool))
    scenarios = scenario_matrix(int(os.environ.get("CGOCHECK_LIVE_SCENARIOS", "320")))
    def run_one(i, s):
        home = os.path.join(scratch, f"home{i}")
        os.makedirs(home)
        env = build_environment(s, home, go_bin, cc_dir)
        want, go_err = run_json([os.path.join(go_bin, "go"), "env", "-json"], env, home)
        got, our_err = run_json([cgocheck, "env", "--json", "--go-version=1.19", home], env, home)
        return want, go_err, got, our_err

    mismatches = 0
    both_failed = 0
    compared = 0
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
            results = list(pool.map(lambda item: run_one(*item), enumerate(scenarios)))
        for i, (s, (want, go_err, got, our_err)) in enumerate(zip(scenarios, results)):
            if want is None or got is None:
                if want is None and got is None:
                    both_failed += 1
                    continue
                mismatches += 1
                print(f"MISMATCH #{i} [{describe(s)}]: go {'failed: ' + str(go_err) if want is None else 'succeeded'}, "
                      f"cgocheck {'failed: ' + str(our_err) if got is None else 'succeeded'}")
                continue
            compared += 1
            for key in KEYS:
                if want.get(key) != got.get(key):
                    mismatches += 1
                    print(f"MISMATCH #{i} {key}: go={want.get(key)!r} cgocheck={got.get(key)!r} [{describe(s)}]")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"live go env 1.19: {len(scenarios)} scenarios, {compared} compared on {len(KEYS)} keys, "
          f"{both_failed} where both fail, {mismatches} mismatches")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
