#!/usr/bin/env python3
"""Differential test: `cgocheck flags --go-version=1.19 --json` against the
security check of Debian's real go1.19 (src/cmd/go/internal/work/security.go).

Each case is a verb, a list of flags and an optional environment
(CGO_<VERB>_ALLOW / DISALLOW, or a go/env file that sets them). It runs in
one of two ways:

- directive: a temporary module (`module x`, `go 1.19`) whose package has
  `#cgo VERB: flags` in its preamble, checked with `go build -n .` (which
  runs the flag check and the pkg-config name check without compiling).
  go/build rewrites the words before the check (relative -I/-L made
  absolute, ${SRCDIR} expanded), so this script applies the same rewriting
  and hands cgocheck the words the check sees. Words that go/build refuses
  ("malformed #cgo argument") are reported as skipped.
- pkg-config output: `#cgo pkg-config: fake` with PKG_CONFIG pointing at a
  script that prints the given --cflags / --libs output, checked with
  `go build -x .`; cgocheck runs with --pkg-config-output. This route sees
  the words as written (no go/build rewriting), so it exercises the
  next-argument forms of -I and -L.

The go command stops at the first rejection; cgocheck must report the same
one with the same text (or fail with the same ALLOW/DISALLOW parse error),
and accept the list exactly when go does.

Cases: security_test.go of the installed go1.19 (read at run time), the
table of go-ground-truth.md section C, per-category variants, lists whose
second word is bad, ALLOW/DISALLOW scenarios (environment and go/env file,
bad regexps), and pkg-config package names.

usage: cgo_flags_diff.py CGOCHECK [GO_ROOT]     (GO_ROOT default /usr/lib/go-1.19)
Exit 77 (skip) when that go is not installed; 1 on any disagreement.
"""
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# go/build's safeString (src/go/build/build.go, go1.19.8): the bytes a #cgo
# argument may hold, besides any byte >= 0x80.
SAFE = set(b"+-.,/0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz:$@%! ~^")
FLAG_VERBS = ("CFLAGS", "CPPFLAGS", "CXXFLAGS", "FFLAGS", "LDFLAGS")


def case(verb, flags, env=None, route="directive", envfile=None, note=""):
    return {"verb": verb, "flags": list(flags), "env": dict(env or {}), "route": route,
            "envfile": envfile, "note": note}


def security_test_cases(go_root):
    """The good/bad lists of the installed security_test.go."""
    path = os.path.join(go_root, "src/cmd/go/internal/work/security_test.go")
    try:
        with open(path, encoding="utf-8") as f:
            src = f.read()
    except OSError:
        return []
    out = []
    for name, verb in [("goodCompilerFlags", "CFLAGS"), ("badCompilerFlags", "CFLAGS"),
                       ("goodLinkerFlags", "LDFLAGS"), ("badLinkerFlags", "LDFLAGS")]:
        m = re.search(r"var %s = \[\]\[\]string\{(.*?)\n\}" % name, src, re.S)
        if not m:
            continue
        for line in m.group(1).splitlines():
            words = re.findall(r'"((?:[^"\\]|\\.)*)"', line)
            if words:
                out.append(case(verb, words, note="security_test.go " + name))
                if any(w.startswith(("-I", "-L")) for w in words) and verb in ("CFLAGS", "LDFLAGS"):
                    out.append(case(verb, words, route="pkg-config-output",
                                    note="security_test.go " + name + " (as pkg-config output)"))
    return out


def table_cases():
    """go-ground-truth.md section C's table, plus per-category variants."""
    cc_ok = ["-DFOO", "-Dfoo=bar", "-I/etc/passwd", "-O2", "-Osmall", "-Wall", "-Wp,-Dfoo=bar", "-fPIC",
             "-flto", "-fsanitize=hands", "-fobjc-arc", "-march=souza", "-std=c99", "-UFOO", "-F/Library",
             "-O", "-O0", "-Os", "-W", "-Wextra", "-Wno-unused", "-Werror=format", "-Wa,-mbig-obj",
             "-Wp,-UX", "-ansi", "-fno-common", "-fno-builtin-memcpy", "-fvisibility=hidden",
             "-fstack-protector-strong", "-fno-strict-aliasing", "-funsigned-char", "-fsigned-char",
             "-fopenmp", "-fno-exceptions", "-frtti", "-fmessage-length=0", "-finput-charset=UTF-8",
             "-ftemplate-depth-1024", "-g", "-g3", "-ggdb", "-gdwarf-4", "-m32", "-m64", "-mavx2",
             "-mno-sse4.2", "-msse4.1", "-mssse3", "-maes", "-mfpmath=sse", "-mfloat-abi=hard",
             "-mmacosx-version-min=10.15", "-mios-simulator-version-min=12", "-mthumb", "-marm",
             "-mthreads", "-mwindows", "-mms-bitfields", "--param=ssp-buffer-size=4", "-pedantic",
             "-pedantic-errors", "-pipe", "-pthread", "--std=c11", "-stdlib=libc++", "--sysroot=/opt/sr",
             "-w", "-v", "-xc", "-xc++", "-std=gnu99", "-fmacro-backtrace-limit=0"]
    cc_bad = ["-D@X", "-D-X", "-Ufoo=bar", "-O@1", "-Wa,-foo", "-Wp,-DX,-D@X", "-fplugin=x.so",
              "-fplugin=./x.so", "-march=-dawn", "-march=@dawn", "-std=@c99", "-x@c", "-x-c", "-B/tmp",
              "-Xclang", "-Wl,-rpath,/x", "-specs=x", "-fdebug-prefix-map=/a=/b", "-mcmodel=medium",
              "-ftls-model=local-dynamic", "-mtls-dialect=gnu", "--static", "-no-canonical-prefixes",
              "-iquote", "-idirafter", "-MD", "-o", "-c", "-S", "-E", "-shared", "-lm", "-F@x", "-F-x",
              "-g@x", "-g-x", "-W@x", "-Wp,-D@X", "-Wp,-Ufoo=1", "-fsanitize=", "-fvisibility=",
              "-mfpmath=@", "-mabi=-x", "-stdlib=@x", "--sysroot=@x", "-imacros", "x.o", "./x.o"]
    cc_pairs_ok = [["-D", "FOO"], ["-U", "FOO"], ["-isystem", "/usr/include/mozjs-68"],
                   ["-framework", "Chocolate"], ["-include", "x.h"], ["-isysroot", "/sdk"],
                   ["--sysroot", "/sr"], ["-target", "x86_64-linux-gnu"], ["-arch", "arm64"], ["-x", "c"],
                   ["-F", "/Frameworks"], ["-I", "."], ["-I", "dir"]]
    cc_pairs_bad = [["-D", "-foo"], ["-D", "@foo"], ["-x", "--c"], ["-x", "@obj"], ["-framework", "-Caffeine"],
                    ["-framework", "@Home"], ["-include", "@foo"], ["-include", "-foo"], ["-isystem", "-x"],
                    ["-arch", "@x"], ["-target", "-x"], ["-U", "=x"], ["-framework"], ["-D"], ["-include"],
                    ["-isysroot"], ["-DX", "-x"]]
    ld_ok = ["-lbar", "foo.so", "./x.o", "libcgotbdtest.tbd", "-Wl,-rpath,$ORIGIN/foo", "-lm", "-lpthread",
             "-L/usr/lib", "-F/Library", "-O", "-O2", "-fPIC", "-fno-pie", "-fopenmp", "-fsanitize=address",
             "-flat_namespace", "-g", "-headerpad_max_install_names", "-march=x86-64", "-mfloat-abi=soft",
             "-mmacosx-version-min=11", "-miphoneos-version-min=13", "-mthreads", "-mwindows", "-pie",
             "-PIE", "-pthread", "-rdynamic", "-shared", "-static", "-static-libgcc", "--static",
             "-stdlib=libc++", "-v", "-Wl,--as-needed", "-Wl,--no-as-needed", "-Wl,-Bdynamic",
             "-Wl,-Bstatic", "-Wl,-Bsymbolic-functions", "-Wl,-O1", "-Wl,-O", "-Wl,-dn", "-Wl,-dy",
             "-Wl,--disable-new-dtags", "-Wl,--enable-new-dtags", "-Wl,-e=main", "-Wl,-e=",
             "-Wl,--start-group", "-Wl,--end-group", "-Wl,--export-dynamic", "-Wl,-E", "-Wl,-s",
             "-Wl,--hash-style=gnu", "-Wl,-headerpad_max_install_names", "-Wl,--no-undefined",
             "-Wl,-R/opt/lib", "-Wl,-R,", "-Wl,-R,-flag", "-Wl,--just-symbols=foo", "-Wl,-rpath-link,/x",
             "-Wl,-rpath=/x", "-Wl,-search_paths_first", "-Wl,-static", "-Wl,--static",
             "-Wl,--subsystem,windows", "-Wl,-syslibroot,/sdk", "-Wl,-undefined,dynamic_lookup",
             "-Wl,--unresolved-symbols=ignore-all", "-Wl,--warn-common", "-Wl,--no-warn-mismatch",
             "-Wl,--wrap=malloc", "-Wl,-wrap,free", "-Wl,-z,relro", "-Wl,-z,noexecstack",
             "-Wl,-z,execstack", "-Wl,-framework,Cocoa", "-Wl,--allow-multiple-definition",
             "-Wl,-berok", "lib/x.a", "x.dll", "x.dylib", "x.obj", "-lto_library", "-lto"]
    ld_bad = ["../x.o", "-Wl,-R,foo,bar", "-Wl,-rpath,@foo", "-Wl,--hash-style=foo", "-DFOO", "-Wall",
              "-std=c99", "-Wl,-z,relro,-z,now", "-Wl,-z,now", "-Wl,--push-state", "-Wl,--pop-state",
              "-Wl,--push-state,--as-needed", "-Wl,-rpath,.", "-Wl,-framework,.", "-Wl,-O1,-foo",
              "-Wl,--just-symbols,@x", "-Wl,-sectcreate,a,b", "-Wl,-foo", "-Wl,-plugin,x.so", "-fuse-ld=x",
              "-B/tmp", "-L@foo", "-L-foo", "-l@foo", "-l-foo", "-F@x", "@x.o", "-x.o", "-mcmodel=large",
              "-Wl,-e,main,-foo", "-Wl,--wrap,@x", "-Wl,--subsystem,foo", "x.c", "-Wl,-framework,A,B",
              "-fsanitize=-x", "-mcpu=@x", "-Wl,-undefined,-x", "-Wl,-syslibroot,@x", "-Wl,--warn-",
              "-Wl,-unresolved-symbols=", "-T", "-nostdlib"]
    ld_pairs_ok = [["-l", "."], ["-l", "世界"], ["-L", "framework"], ["-F", "framework"], ["-framework", "Chocolate"],
                   ["-Wl,-framework", "-Wl,Chocolate"], ["-Wl,-framework", "Chocolate"], ["-Wl,-rpath", "/x"],
                   ["-Wl,-R", "/foo"], ["-Wl,--just-symbols", "foo"], ["-Wl,-undefined", "dynamic_lookup"],
                   ["-arch", "x86_64"], ["-isysroot", "/sdk"], ["--sysroot", "/sr"], ["-target", "arm64-apple-macos"]]
    ld_pairs_bad = [["-l", "-foo"], ["-l", "@foo"], ["-L", "@foo"], ["-L", "-foo"], ["-framework", "-Caffeine"],
                    ["-Wl,-framework", "-Wl,@Home"], ["-Wl,-framework", "@Home"], ["-Wl,-framework", "-Wl,a,b"],
                    ["-Wl,-rpath", "-x"], ["-Wl,-rpath"], ["-framework"], ["-l"], ["-D", "FOO"], ["-x", "c"]]
    out = []
    for f in cc_ok + cc_bad:
        out.append(case("CFLAGS", [f], note="compiler category"))
    for p in cc_pairs_ok + cc_pairs_bad:
        out.append(case("CFLAGS", p, note="compiler next-argument form"))
    for f in ld_ok + ld_bad:
        out.append(case("LDFLAGS", [f], note="linker category"))
    for p in ld_pairs_ok + ld_pairs_bad:
        out.append(case("LDFLAGS", p, note="linker next-argument form"))
    # The other compiler verbs use the same table under their own name.
    for verb in ("CPPFLAGS", "CXXFLAGS", "FFLAGS"):
        for flags in (["-DX", "-fplugin=x.so"], ["-I", "/x", "-O3"], ["-include", "-x"], ["-std=c++17"]):
            out.append(case(verb, flags, note="other compiler verb"))
    # Lists whose second (or later) word is bad: go names that one.
    for flags in (["-DX", "-fplugin=x.so", "-B/x"], ["-O2", "-D", "-x"], ["-Wall", "-Wa,-foo"],
                  ["-I/x", "-isystem", "/y", "-x@c"], ["-DX", "-framework"], ["-g", "-O2", "-DY=1", "-Ufoo=1"]):
        out.append(case("CFLAGS", flags, note="bad word later in the list"))
    for flags in (["-lm", "../x.o"], ["-L/x", "-lz", "-Wl,-plugin,p.so"], ["-lm", "-l", "-x"],
                  ["-Wl,-rpath,/a", "-Wl,-framework"], ["x.a", "-lto_library", "y.a"]):
        out.append(case("LDFLAGS", flags, note="bad word later in the list"))
    # The -I/-L forms as pkg-config output, where go/build does not rewrite them.
    for flags in (["-I", "-x"], ["-I", "@foo"], ["-I", "=/usr/include/libxml2"], ["-I", "$SYSROOT/dir"],
                  ["-I", "=@obj"], ["-I@dir"], ["-I-dir"], ["-I", "."], ["-I"], ["-DX", "-I", "-DY"],
                  ["-fplugin=x.so"], ["-Ifoo"], ["-I", "世界"]):
        out.append(case("CFLAGS", flags, route="pkg-config-output", note="pkg-config --cflags output"))
    for flags in (["-L", "@foo"], ["-L", "-foo"], ["-L", "framework"], ["-lz", "-L"], ["-L/x", "-lto_library"],
                  ["-lm", "-DX"]):
        out.append(case("LDFLAGS", flags, route="pkg-config-output", note="pkg-config --libs output"))
    # pkg-config package names (load.SafeArg), unchecked options in 1.19.
    for args in (["zlib"], ["-foo"], ["zlib", "@bar"], ["--static", "zlib"], ["--frobnicate", "x"],
                 ["_x", ".y", "/z"], ["zlib", "--", "-bad"]):
        out.append(case("pkg-config", args, note="pkg-config arguments"))
    return out


def allow_cases():
    """CGO_<VERB>_ALLOW / DISALLOW scenarios, from the environment or the go/env file."""
    out = [
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": "-fplugin=.*"}),
        case("CFLAGS", ["-disallow"], {"CGO_CFLAGS_ALLOW": "-disallo"}),
        case("CFLAGS", ["-disallow"], {"CGO_CFLAGS_ALLOW": "-disallow"}),
        case("CFLAGS", ["-DX=1"], {"CGO_CFLAGS_DISALLOW": "-D.*"}),
        case("CFLAGS", ["-Wall"], {"CGO_CFLAGS_DISALLOW": "-Wall", "CGO_CFLAGS_ALLOW": "-Wall"}),
        case("CFLAGS", ["-fplugin=faster.so"], {"CGO_CFLAGS_ALLOW": "-fplugin.*",
                                                "CGO_CFLAGS_DISALLOW": "-fplugin=lint.so"}),
        case("CFLAGS", ["-fplugin=lint.so"], {"CGO_CFLAGS_ALLOW": "-fplugin.*",
                                              "CGO_CFLAGS_DISALLOW": "-fplugin=lint.so"}),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": "-f|-fplugin=x.so"}, note="leftmost-first"),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": "-fplugin=x.so|-f"}, note="leftmost-first"),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": "plugin.*"}, note="unanchored"),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": "^-fplugin=x\\.so$"}),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_LDFLAGS_ALLOW": "-fplugin=.*"}, note="other verb's ALLOW"),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": ""}, note="empty means unset"),
        case("LDFLAGS", ["-Wl,-plugin,x.so"], {"CGO_LDFLAGS_ALLOW": "-Wl,-plugin,.*"}),
        case("LDFLAGS", ["-lm", "-lz"], {"CGO_LDFLAGS_DISALLOW": "-lz"}),
        case("CXXFLAGS", ["-fplugin=x.so"], {"CGO_CXXFLAGS_ALLOW": "-fplugin=x.so"}),
        case("CPPFLAGS", ["-DX"], {"CGO_CPPFLAGS_DISALLOW": "-DX"}),
        case("FFLAGS", ["-fplugin=x.so"], {"CGO_FFLAGS_ALLOW": "(?i)-FPLUGIN=X.SO"}),
        case("CFLAGS", ["-I", "secret"], {"CGO_CFLAGS_DISALLOW": "secret"}, note="consumed argument"),
        case("CFLAGS", ["-include", "-x"], {"CGO_CFLAGS_ALLOW": "-include"}, note="allowed flag alone"),
        case("CFLAGS", ["-fplugin=x.so"], {"CGO_CFLAGS_ALLOW": "-fplugin=x.so"}, route="pkg-config-output",
             note="pkg-config --cflags output reads CGO_CFLAGS_ALLOW"),
        case("CFLAGS", ["-fplugin=x.so"], envfile="CGO_CFLAGS_ALLOW=-fplugin=.*\n", note="go/env file"),
        case("CFLAGS", ["-DX"], {"CGO_CFLAGS_DISALLOW": ""}, envfile="CGO_CFLAGS_DISALLOW=-D.*\n",
             note="empty environment value, go/env file applies"),
        case("CFLAGS", ["-DX"], {"CGO_CFLAGS_DISALLOW": "-U.*"}, envfile="CGO_CFLAGS_DISALLOW=-D.*\n",
             note="environment beats go/env file"),
    ]
    # Bad regexps: the go command's exact error text.
    for pattern in ("(", "[a", "a**", "x{1001}", "\\8", "(?x)a", "*", "a)", "[z-a]", "\\C", "(?<n>a)",
                    "(?P<>a)", "\\", "[[:foo:]]", "\\pX", "[\\C]", "a{2,1}", "x{1000}{2}", "\\Z",
                    "a\udcffb", "(?P<n>a)(?P<n>b)", "^*"):
        out.append(case("CFLAGS", ["-DX"], {"CGO_CFLAGS_ALLOW": pattern}, note="bad ALLOW regexp"))
    out.append(case("LDFLAGS", ["-lm"], {"CGO_LDFLAGS_DISALLOW": "(?P<n"}, note="bad DISALLOW regexp"))
    out.append(case("CFLAGS", ["-DX"], envfile="CGO_CFLAGS_ALLOW=(\n", note="bad ALLOW regexp in go/env file"))
    return out


def go_build_view(verb, flags, srcdir):
    """What go/build hands the check: None when it refuses a word, else the
    words after ${SRCDIR} expansion and makePathsAbsolute (one #cgo line)."""
    words = []
    for w in flags:
        w = w.replace("${SRCDIR}", srcdir)
        raw = w.encode("utf-8")
        if not raw or any(b < 0x80 and b not in SAFE for b in raw):
            return None
        words.append(w)
    if verb in FLAG_VERBS:
        next_path = False
        for i, w in enumerate(words):
            if next_path:
                if not os.path.isabs(w):
                    words[i] = os.path.normpath(os.path.join(srcdir, w))
                next_path = False
            elif w.startswith(("-I", "-L")):
                if len(w) == 2:
                    next_path = True
                elif not os.path.isabs(w[2:]):
                    words[i] = w[:2] + os.path.normpath(os.path.join(srcdir, w[2:]))
    return words


def quote_for_cgo(word):
    return "'" + word + "'" if " " in word else word


def base_env(tmp):
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CGO_", "GO")) and k not in ("CC", "CXX", "PKG_CONFIG")}
    env.update(HOME=os.path.join(tmp, "home"), GOCACHE=os.path.join(tmp, "cache"),
               GOPATH=os.path.join(tmp, "gopath"), CGO_ENABLED="1", GOFLAGS="", GOENV="off",
               GO111MODULE="on", GOPROXY="off", LC_ALL="C")
    return env


# Flags that take the next word (security.go, unchanged 1.19-1.27): a chunk
# of single words must not hold one, or it would consume its neighbour.
TAKES_NEXT = {"-arch", "-D", "-U", "-I", "-F", "-framework", "-include", "-isysroot", "-isystem", "--sysroot",
              "-target", "-x", "-l", "-L", "-Wl,-framework", "-Wl,-rpath", "-Wl,-R", "-Wl,--just-symbols",
              "-Wl,-undefined"}


def chunked(cases, size=12):
    """Single-word directive cases without an environment, grouped per verb:
    go stops at the first rejection, so a chunk is re-run from the word after
    it until go accepts the rest. Other cases stay as they are; duplicates
    (the same words, verb, route and environment) are dropped."""
    out, groups, seen = [], {}, set()
    for c in cases:
        key = (c["route"], c["verb"], tuple(c["flags"]), tuple(sorted(c["env"].items())), c["envfile"])
        if key in seen:
            continue
        seen.add(key)
        w = c["flags"]
        if (c["route"] == "directive" and not c["env"] and c["envfile"] is None and len(w) == 1
                and w[0] not in TAKES_NEXT and c["verb"] in FLAG_VERBS):
            groups.setdefault(c["verb"], []).append(w[0])
        else:
            out.append(c)
    for verb, words in groups.items():
        for i in range(0, len(words), size):
            out.append(dict(case(verb, words[i:i + size], note="single words"), chunk=True))
    return out


class Module:
    """A temporary module and the environment both commands run with."""

    def __init__(self, c, shared):
        self.tmp = tempfile.mkdtemp(prefix="cgoflags", dir=shared)
        self.dir = os.path.join(self.tmp, "m")
        os.makedirs(self.dir)
        self.env = base_env(shared)
        self.env.update(c["env"])
        self.env["PWD"] = self.dir
        if c["envfile"] is not None:
            path = os.path.join(self.tmp, "goenv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(c["envfile"])
            self.env["GOENV"] = path
        with open(os.path.join(self.dir, "go.mod"), "w", encoding="utf-8") as f:
            f.write("module x\n\ngo 1.19\n")

    def write(self, name, text, mode=None):
        path = os.path.join(self.tmp if name != "a.go" else self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        if mode is not None:
            os.chmod(path, mode)
        return path


def run_go(c, mod, words, go):
    """go's verdict on `words`: (status, its error text or None when the
    check passed)."""
    if c["route"] == "directive":
        line = "#cgo %s: %s" % (c["verb"], " ".join(quote_for_cgo(w) for w in words))
        command = [go, "build", "-n", "."]
    else:
        cflags = " ".join(words) if c["verb"] == "CFLAGS" else ""
        libs = " ".join(words) if c["verb"] == "LDFLAGS" else ""
        mod.write("cflags.txt", cflags + ("\n" if cflags else ""))
        mod.write("libs.txt", libs + ("\n" if libs else ""))
        mod.env["PKG_CONFIG"] = mod.write(
            "fakepc", '#!/bin/sh\nfor a; do case "$a" in\n --cflags) cat "%s/cflags.txt";;\n'
            ' --libs) cat "%s/libs.txt";;\nesac; done\n' % (mod.tmp, mod.tmp), 0o755)
        line = "#cgo pkg-config: fake"
        command = [go, "build", "-x", "."]
    mod.write("a.go", "package x\n\n// %s\nimport \"C\"\n" % line)
    g = subprocess.run(command, cwd=mod.dir, env=mod.env, capture_output=True, timeout=120)
    gerr = g.stderr.decode("utf-8", "replace")
    # A bad ALLOW regexp already fails runtime/cgo; the text is the same.
    m = re.search(r"^go build [^ ]+: (.*)$", gerr, re.M)
    go_msg = m.group(1) if m else None
    if go_msg and "malformed #cgo argument" in go_msg:
        return "skip", "go/build: " + go_msg
    if g.returncode == 0:
        return "ok", None
    if go_msg is not None and go_msg.startswith(("invalid flag in ", "parsing $", "invalid pkg-config package name: ")):
        return "ok", go_msg
    if c["route"] == "pkg-config-output" and re.search(r"fakepc --libs", gerr):
        return "ok", None  # the check passed; a later step (compile, link) failed
    return "disagree", "go failed for another reason: " + gerr.strip()[-500:]


def run_cgocheck(c, mod, words, cgocheck):
    """cgocheck's verdicts: ("ok", list of verdicts) or ("error", its message)
    or ("disagree", why)."""
    args = [c["verb"]] + words
    if c["route"] == "pkg-config-output":
        args = ["--pkg-config-output"] + args
    k = subprocess.run([cgocheck, "flags", "--go-version=1.19", "--json"] + args,
                       cwd=mod.dir, env=mod.env, capture_output=True, timeout=120)
    kerr = k.stderr.decode("utf-8", "replace").strip()
    if k.returncode == 2:
        prefix = "cgocheck: flags: "
        return "error", (kerr[len(prefix):] if kerr.startswith(prefix) else "(usage error) " + kerr)
    verdicts = json.loads(k.stdout.decode("utf-8"))
    if len(verdicts) != len(words):
        return "disagree", "cgocheck gave %d verdicts for %d words" % (len(verdicts), len(words))
    reported = [v for v in verdicts if v.get("reported")]
    if (k.returncode == 1) != bool(reported) or len(reported) > 1:
        return "disagree", "cgocheck exit %d does not fit its verdicts" % k.returncode
    return "ok", verdicts


def run_case(c, go, cgocheck, shared):
    """Returns (status, words compared, words go rejected, detail)."""
    mod = Module(c, shared)
    try:
        if c["route"] == "directive":
            if c.get("chunk"):
                views = [go_build_view(c["verb"], [w], mod.dir) for w in c["flags"]]
                words = [v[0] for v in views if v is not None]
                if len(words) < len(views):
                    bad = [w for w, v in zip(c["flags"], views) if v is None]
                    return "skip", 0, 0, "go/build refuses %r (malformed #cgo argument)" % bad
            else:
                words = go_build_view(c["verb"], c["flags"], mod.dir)
                if words is None:
                    return "skip", 0, 0, "go/build refuses a word (malformed #cgo argument)"
        else:
            words = c["flags"]
        status, ours = run_cgocheck(c, mod, words, cgocheck)
        if status == "disagree":
            return status, 0, 0, ours
        if not c.get("chunk"):
            gstatus, go_msg = run_go(c, mod, words, go)
            if gstatus != "ok":
                return gstatus, 0, 0, go_msg
            if status == "error":
                mine = ours
            else:
                reported = [v for v in ours if v["reported"]]
                mine = reported[0]["message"] if reported else None
            if mine != go_msg:
                return "disagree", 0, 0, "go: %r\n      cgocheck: %r" % (go_msg, mine)
            return "agree", len(words), int(go_msg is not None), go_msg or "accepted"
        # A chunk of single words: each verdict stands alone, so cgocheck ran
        # once; go runs again from the word after each rejection.
        if status == "error":
            return "disagree", 0, 0, "cgocheck failed: " + ours
        compared, rejected, at = 0, 0, 0
        while at < len(words):
            gstatus, go_msg = run_go(c, mod, words[at:], go)
            if gstatus != "ok":
                return gstatus, compared, rejected, go_msg
            first = next((i for i in range(at, len(words)) if not ours[i]["accepted"]), None)
            mine = ours[first]["message"] if first is not None else None
            if mine != go_msg:
                return "disagree", compared, rejected, "go: %r\n      cgocheck: %r (in %r)" % (
                    go_msg, mine, words[at:])
            if first is None:
                return "agree", len(words), rejected, "chunk"
            rejected += 1
            compared = first + 1
            at = first + 1
        return "agree", compared, rejected, "chunk"
    except (subprocess.TimeoutExpired, OSError, ValueError) as e:
        return "disagree", 0, 0, "error running the case: %s" % e
    finally:
        shutil.rmtree(mod.tmp, ignore_errors=True)


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    cgocheck = os.path.abspath(sys.argv[1])
    go_root = sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/go-1.19"
    go = os.path.join(go_root, "bin", "go")
    if not os.access(go, os.X_OK):
        print("skip: %s is not installed" % go)
        return 77
    cases = chunked(security_test_cases(go_root) + table_cases() + allow_cases())
    shared = tempfile.mkdtemp(prefix="cgoflagsdiff")
    try:
        os.makedirs(os.path.join(shared, "home"))
        with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
            results = list(pool.map(lambda c: run_case(c, go, cgocheck, shared), cases))
    finally:
        shutil.rmtree(shared, ignore_errors=True)
    agree = [(c, r) for c, r in zip(cases, results) if r[0] == "agree"]
    skipped = [(c, r) for c, r in zip(cases, results) if r[0] == "skip"]
    disagree = [(c, r) for c, r in zip(cases, results) if r[0] == "disagree"]
    words = sum(r[1] for _, r in agree)
    rejected = sum(r[2] for _, r in agree)
    for c, r in skipped:
        print("skipped: %s %s %r: %s" % (c["route"], c["verb"], c["flags"], r[3]))
    for c, r in disagree:
        print("DISAGREE: %s %s %r env=%r envfile=%r (%s)\n      %s" % (
            c["route"], c["verb"], c["flags"], c["env"], c["envfile"], c["note"], r[3]))
    print("%d cases, %d agree, %d disagree, %d skipped (%d words compared, %d of them rejected by go)" % (
        len(cases), len(agree), len(disagree), len(skipped), words, rejected))
    return 1 if disagree else 0

if __name__ == "__main__":
    sys.exit(main())
