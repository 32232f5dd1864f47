#!/usr/bin/env python3
"""Compare the layout engine's Go view of C records with go1.19's real cgo.

For linux/amd64, linux/arm64, darwin/arm64, linux/386, linux/arm and
windows/amd64 (Microsoft bit-fields), `layout-cases --cgo-json`
gives the C definitions of the corpus and, for the records marked live, the
fields cgo keeps with their Go types and the error cgo dies with (a 16-byte
long double). This script writes a Go package whose preamble holds those
definitions and one `type T_tag C.struct_tag` per record, runs

    go tool cgo -godefs   with CC="clang-19 --target=TRIPLE -nostdlibinc"

and compares the Go structs it prints (names of the kept fields, in order,
and their Go types) with the engine's view. A record for which the engine
predicts a cgo error is run on its own, and cgo must fail with that message.

-godefs spells void* as *byte where ordinary cgo (and the engine) says
unsafe.Pointer, capitalises field names and names a record by the Go type
declared for it (T_tag for _Ctype_struct_tag); all are accounted for.

usage: check_cgo_view.py --generator build/.../layout-cases [--go /usr/lib/go-1.19/bin/go] [--cc clang-19]
Exit status: 0 agree, 1 a disagreement, 77 go1.19 or clang is not installed.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TARGETS = ["linux/amd64", "linux/arm64", "darwin/arm64", "linux/386", "windows/amd64", "linux/arm"]


def go_name(c_name):
    return c_name[:1].upper() + c_name[1:]


def godefs_spelling(go_type):
    # -godefs prints void* as *byte (gcc.go typeConv.Init, go1.19).
    return go_type.replace("unsafe.Pointer", "*byte")


def run_cgo(go, cc, pair, triple, workdir, preamble, tags):
    goos, goarch = pair.split("/")
    src = os.path.join(workdir, "view.go")
    with open(src, "w") as f:
        f.write("package view\n\n/*\n" + preamble + "*/\nimport \"C\"\n\n")
        for tag in tags:
            f.write(f"type T_{tag} C.struct_{tag}\n")
    env = dict(os.environ)
    env.update({
        "CGO_ENABLED": "1",
        "GOOS": goos,
        "GOARCH": goarch,
        "CC": f"{cc} --target={triple} -nostdlibinc",
        "GOCACHE": os.path.join(workdir, "gocache"),
        "GOPATH": os.path.join(workdir, "gopath"),
        "GO111MODULE": "off",
        "GOFLAGS": "",
    })
    proc = subprocess.run([go, "tool", "cgo", "-godefs", "view.go"], cwd=workdir, env=env,
                          capture_output=True, text=True)
    return proc.returncode, proc.stdout, proc.stderr


def parse_structs(text):
    """{type name: [(field, go type)]} from -godefs output."""
    out = {}
    current = None
    for line in text.splitlines():
        m = re.match(r"^type (\w+) struct \{$", line)
        if m:
            current = m.group(1)
            out[current] = []
            continue
        if current is None:
            continue
        if line.startswith("}"):
            current = None
            continue
        parts = line.split()
        if len(parts) >= 2:
            out[current].append((parts[0], " ".join(parts[1:])))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--generator", required=True)
    ap.add_argument("--go", default="/usr/lib/go-1.19/bin/go")
    ap.add_argument("--cc", default="clang-19")
    args = ap.parse_args()
    if not os.path.exists(args.go) or shutil.which(args.cc) is None:
        print(f"check_cgo_view: SKIP: need {args.go} and {args.cc}")
        return 77

    failures = []
    compared_records = 0
    compared_fields = 0
    errors_checked = 0
    with tempfile.TemporaryDirectory(prefix="cgocheck-cgo-view-") as tmp:
        for pair in TARGETS:
            view = json.loads(subprocess.run([args.generator, "--cgo-json", pair], check=True,
                                             capture_output=True, text=True).stdout)
            triple = view["triple"]
            ok_records = [r for r in view["records"] if r["go_error"] is None]
            workdir = os.path.join(tmp, pair.replace("/", "-"))
            os.makedirs(workdir)
            rc, out, err = run_cgo(args.go, args.cc, pair, triple, workdir, view["c"],
                                   [r["tag"] for r in ok_records])
            if rc != 0:
                failures.append(f"{pair}: cgo failed where the engine expects no error:\n{err.strip()}")
                continue
            structs = parse_structs(out)
            for rec in ok_records:
                name = "T_" + rec["tag"]
                if name not in structs:
                    failures.append(f"{pair} {rec['tag']}: cgo printed no struct {name}")
                    continue
                # -godefs names a record by the Go type the file declares for it.
                actual = [(n, re.sub(r"\bT_(\w+)", r"_Ctype_struct_\1", t))
                          for n, t in structs[name] if not n.startswith("Pad_cgo_")]
                expected = [(go_name(f["name"]), godefs_spelling(f["go_type"]))
                            for f in rec["fields"] if f["dropped"] is None]
                compared_records += 1
                compared_fields += len(rec["fields"])
                if actual != expected:
                    failures.append(f"{pair} {rec['tag']}:\n    cgo:    {actual}\n    engine: {expected}\n"
                                    f"    drops:  {[(f['name'], f['dropped']) for f in rec['fields']]}")
            for rec in view["records"]:
                if rec["go_error"] is None:
                    continue
                errdir = os.path.join(workdir, "err-" + rec["tag"])
                os.makedirs(errdir)
                rc, out, err = run_cgo(args.go, args.cc, pair, triple, errdir, view["c"], [rec["tag"]])
                errors_checked += 1
                if rc == 0 or rec["go_error"] not in err:
                    failures.append(f"{pair} {rec['tag']}: engine expects cgo to fail with "
                                    f"{rec['go_error']!r}; cgo exit {rc}: {err.strip() or out[:200]}")

    for f in failures:
        print("check_cgo_view: FAIL: " + f)
    if failures:
        return 1
    if compared_records == 0:
        print("check_cgo_view: FAIL: nothing compared")
        return 1
    print(f"check_cgo_view: OK: {compared_records} record views ({compared_fields} fields) and "
          f"{errors_checked} cgo errors on {len(TARGETS)} targets agree with go1.19's cgo")
    return 0


if __name__ == "__main__":
    sys.exit(main())
