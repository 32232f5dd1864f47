// Build tags, `//go:build` / `// +build` constraints and file selection
// (cgo/constraints.hpp).
//
// Rules checked against the Go sources: src/go/build/build.go (matchTag,
// goodOSArchFile, matchFile, shouldBuild, parseFileHeader), src/go/build/read.go
// (readComments), src/go/build/syslist.go and src/go/build/constraint/expr.go,
// go1.19.8; the size limits of constraint/expr.go from 1.22. The same rules
// are replayed against the real `go list` in cgo_directives_test.cpp.
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/constraints.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using cgocheck::buildenv::go_version;
using cgocheck::cgo::build_context;
using cgocheck::cgo::decide_go_file;
using cgocheck::cgo::decide_other_file;
using cgocheck::cgo::eval_go_build;
using cgocheck::cgo::eval_plus_build;
using cgocheck::cgo::expr_result;
using cgocheck::cgo::file_decision;
using cgocheck::cgo::file_name_matches;
using cgocheck::cgo::go_build_text;
using cgocheck::cgo::match_tag;
using cgocheck::cgo::parse_go_build_expr;
using cgocheck::cgo::parse_plus_build_line;
using cgocheck::cgo::plus_build_text;
using strings = std::vector<std::string>;

namespace {

build_context context(const char *goos = "linux", const char *goarch = "amd64", int minor = 19) {
  build_context c;
  c.goos = goos;
  c.goarch = goarch;
  c.version = go_version{minor};
  return c;
}

std::string error_of(std::string_view expr, int minor = 19) {
  const expr_result r = parse_go_build_expr(expr, go_version{minor});
  return r.error.value_or("");
}

std::string str_of(std::string_view expr) {
  const expr_result r = parse_go_build_expr(expr);
  return r.expr ? r.expr->str() : "error: " + r.error.value_or("");
}

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    out += s;
  }
  return out;
}

} // namespace

// --- match_tag --------------------------------------------------------------------

TEST_CASE("match_tag: GOOS, GOARCH, the compiler and cgo", "[cgo][constraints]") {
  build_context c = context();
  CHECK(match_tag("linux", c));
  CHECK(match_tag("amd64", c));
  CHECK(match_tag("gc", c));
  CHECK_FALSE(match_tag("gccgo", c));
  CHECK_FALSE(match_tag("windows", c));
  CHECK(match_tag("cgo", c));
  c.cgo_enabled = false;
  CHECK_FALSE(match_tag("cgo", c));
  CHECK_FALSE(match_tag("", c));
}

TEST_CASE("match_tag: ios implies darwin, android linux, illumos solaris; not the other way", "[cgo][constraints]") {
  CHECK(match_tag("darwin", context("ios", "arm64")));
  CHECK(match_tag("linux", context("android", "arm64")));
  CHECK(match_tag("solaris", context("illumos", "amd64")));
  CHECK_FALSE(match_tag("ios", context("darwin", "arm64")));
  CHECK_FALSE(match_tag("android", context()));
  CHECK_FALSE(match_tag("illumos", context("solaris", "amd64")));
}

TEST_CASE("match_tag: unix is the unixOS list", "[cgo][constraints]") {
  for (const char *os : {"aix", "android", "darwin", "dragonfly", "freebsd", "hurd", "illumos", "ios", "linux",
                         "netbsd", "openbsd", "solaris"}) {
    INFO(os);
    CHECK(match_tag("unix", context(os, "amd64")));
  }
  for (const char *os : {"windows", "js", "plan9", "wasip1", "zos", "nacl"}) {
    INFO(os);
    CHECK_FALSE(match_tag("unix", context(os, "amd64")));
  }
}

TEST_CASE("match_tag: release tags go1.1 ... go1.<minor>", "[cgo][constraints]") {
  CHECK(match_tag("go1.1", context()));
  CHECK(match_tag("go1.19", context()));
  CHECK_FALSE(match_tag("go1.20", context()));
  CHECK(match_tag("go1.27", context("linux", "amd64", 27)));
  CHECK_FALSE(match_tag("go1.28", context("linux", "amd64", 27)));
  CHECK_FALSE(match_tag("go1.0", context()));
  CHECK_FALSE(match_tag("go1.01", context()));
  CHECK_FALSE(match_tag("go1.", context()));
  CHECK_FALSE(match_tag("go1.1x", context()));
  CHECK_FALSE(match_tag("go2.1", context()));
}

TEST_CASE("match_tag: -tags, tool tags and the boringcrypto alias", "[cgo][constraints]") {
  build_context c = context();
  c.build_tags = {"foo", "netgo"};
  c.tool_tags = {"goexperiment.regabiargs", "goexperiment.boringcrypto", "amd64.v2"};
  CHECK(match_tag("foo", c));
  CHECK(match_tag("netgo", c));
  CHECK(match_tag("goexperiment.regabiargs", c));
  CHECK(match_tag("amd64.v2", c));
  CHECK(match_tag("boringcrypto", c));
  CHECK_FALSE(match_tag("bar", c));
  c.tool_tags.clear();
  CHECK_FALSE(match_tag("boringcrypto", c));
}

// --- //go:build expressions ---------------------------------------------------------

TEST_CASE("parse_go_build_expr: constraint's error texts", "[cgo][constraints]") {
  CHECK(error_of("linux &&") == "unexpected end of expression");
  CHECK(error_of("") == "unexpected end of expression");
  CHECK(error_of("linux & amd64") == "invalid syntax at &");
  CHECK(error_of("linux |") == "invalid syntax at |");
  CHECK(error_of("(linux") == "missing close paren");
  CHECK(error_of("linux || (") == "missing close paren");
  CHECK(error_of("(a && (b || c)") == "missing close paren");
  CHECK(error_of("linux)") == "unexpected token )");
  CHECK(error_of("linux amd64") == "unexpected token amd64");
  CHECK(error_of("!!linux") == "double negation not allowed");
  CHECK(error_of("! !linux") == "double negation not allowed");
  CHECK(error_of("$x") == "invalid syntax at $");
  CHECK(error_of("a && \xFF") == "invalid syntax at \xEF\xBF\xBD");
  CHECK(error_of("()") == "unexpected token )");
  CHECK(error_of("a\nb") == "invalid syntax at \n");
}

TEST_CASE("parse_go_build_expr: precedence and Go's String form", "[cgo][constraints]") {
  CHECK(str_of("  linux  ") == "linux");
  CHECK(str_of("a || b && c") == "a || (b && c)");
  CHECK(str_of("(a || b) && c") == "(a || b) && c");
  CHECK(str_of("!(a && b)") == "!(a && b)");
  CHECK(str_of("!a || !b") == "!a || !b");
  CHECK(str_of("((a))") == "a");
  CHECK(str_of("a&&b||c") == "(a && b) || c");
  CHECK(str_of("go1.19 && amd64.v2") == "go1.19 && amd64.v2");
  CHECK(str_of("\xC3\xA9t\xC3\xA9 || x_1") == "\xC3\xA9t\xC3\xA9 || x_1");
}

TEST_CASE("parse_go_build_expr: Go 1.22+ refuses more than 1000 terms", "[cgo][constraints]") {
  const std::string big = "a" + repeat(" || a", 1000); // 1001 terms
  CHECK(error_of(big, 22) == "build expression too large");
  CHECK(error_of(big, 27) == "build expression too large");
  CHECK(error_of(big, 21).empty());
  CHECK(error_of("a" + repeat(" || a", 999), 22).empty());
  CHECK(error_of(repeat("(a && ", 1002) + "a" + repeat(")", 1002), 22) == "build expression too large");
}

TEST_CASE("parse_go_build_expr: deep nesting before 1.22 stops at cgocheck's guard", "[cgo][constraints]") {
  const std::string deep = repeat("(", 5000) + "a" + repeat(")", 5000);
  const std::string e = error_of(deep, 19);
  CHECK(e.find("cgocheck") != std::string::npos);
  CHECK(error_of(repeat("(", 900) + "a" + repeat(")", 900), 19).empty());
  CHECK(error_of(repeat("!(", 900) + "a" + repeat(")", 900), 19).empty());
}

TEST_CASE("eval_go_build: evaluates against the context", "[cgo][constraints]") {
  const build_context c = context();
  CHECK(eval_go_build("linux && cgo", c).matches);
  CHECK_FALSE(eval_go_build("!cgo", c).matches);
  CHECK(eval_go_build("linux && (amd64 || arm64)", c).matches);
  CHECK_FALSE(eval_go_build("!(linux && amd64)", c).matches);
  CHECK(eval_go_build("go1.19 && !go1.20", c).matches);
  CHECK_FALSE(eval_go_build("ignore", c).matches);
  const auto broken = eval_go_build("linux &&", c);
  CHECK_FALSE(broken.matches);
  CHECK(broken.error == std::optional<std::string>("unexpected end of expression"));
}

// --- // +build lines -------------------------------------------------------------------

TEST_CASE("eval_plus_build: space is OR, comma is AND, ! is NOT", "[cgo][constraints]") {
  const build_context c = context();
  CHECK(eval_plus_build("linux darwin", c).matches);
  CHECK(eval_plus_build("windows linux", c).matches);
  CHECK(eval_plus_build("linux,amd64", c).matches);
  CHECK_FALSE(eval_plus_build("linux,arm64", c).matches);
  CHECK(eval_plus_build("!windows", c).matches);
  CHECK(eval_plus_build("linux,!cgo amd64", c).matches);
  CHECK_FALSE(eval_plus_build("linux,!cgo arm64", c).matches);
}

TEST_CASE("eval_plus_build: bad words stand for the tag \"ignore\"", "[cgo][constraints]") {
  build_context c = context();
  CHECK_FALSE(eval_plus_build("!!linux", c).matches);
  CHECK_FALSE(eval_plus_build("!", c).matches);
  CHECK_FALSE(eval_plus_build("foo-bar", c).matches);
  CHECK(eval_plus_build("!foo-bar", c).matches); // not(ignore)
  CHECK_FALSE(eval_plus_build("", c).matches);
  CHECK_FALSE(eval_plus_build("linux,", c).matches); // an empty word
  c.build_tags = {"ignore"};
  CHECK(eval_plus_build("!!linux", c).matches);
  CHECK(eval_plus_build("", c).matches);
  CHECK(parse_plus_build_line("a,b c !d").expr->str() == "(a && b) || c || !d");
  CHECK(parse_plus_build_line("!!x y-z").expr->str() == "ignore || ignore");
}

TEST_CASE("parse_plus_build_line: Go 1.22+ refuses more than 100 operators", "[cgo][constraints]") {
  const std::string ors = "a" + repeat(" a", 101);
  const std::string ands = "a" + repeat(",a", 101);
  CHECK(parse_plus_build_line(ors, go_version{22}).error ==
        std::optional<std::string>("expression too complex for // +build lines"));
  CHECK(parse_plus_build_line(ands, go_version{24}).error ==
        std::optional<std::string>("expression too complex for // +build lines"));
  CHECK_FALSE(parse_plus_build_line(ors, go_version{21}).error);
  CHECK_FALSE(parse_plus_build_line("a" + repeat(" a", 100), go_version{22}).error);
  // Long chains evaluate without recursion.
  const std::string long_line = "x" + repeat(",x", 200000);
  build_context c = context();
  c.build_tags = {"x"};
  CHECK(eval_plus_build(long_line, c).matches);
}

TEST_CASE("go_build_text / plus_build_text: which comment lines are constraints", "[cgo][constraints]") {
  CHECK(go_build_text("//go:build linux") == std::optional<std::string_view>("linux"));
  CHECK(go_build_text("//go:build   linux && cgo  ") == std::optional<std::string_view>("linux && cgo"));
  CHECK(go_build_text("//go:build") == std::optional<std::string_view>(""));
  CHECK_FALSE(go_build_text("//go:buildx linux"));
  CHECK_FALSE(go_build_text("// go:build linux"));
  CHECK_FALSE(go_build_text("//go:build a\nb"));
  CHECK(plus_build_text("// +build linux darwin") == std::optional<std::string_view>("linux darwin"));
  CHECK(plus_build_text("//+build linux") == std::optional<std::string_view>("linux"));
  CHECK(plus_build_text("//   +build") == std::optional<std::string_view>(""));
  CHECK_FALSE(plus_build_text("// +buildx"));
  CHECK_FALSE(plus_build_text("/* +build linux */"));
}

// --- file names ----------------------------------------------------------------------

TEST_CASE("file_name_matches: _GOOS, _GOARCH and _GOOS_GOARCH suffixes", "[cgo][constraints]") {
  const build_context linux = context();
  const build_context mac = context("darwin", "arm64");
  CHECK(file_name_matches("x_linux.go", linux));
  CHECK_FALSE(file_name_matches("x_windows.go", linux));
  CHECK(file_name_matches("x_amd64.go", linux));
  CHECK_FALSE(file_name_matches("x_arm64.go", linux));
  CHECK(file_name_matches("x_darwin_arm64.go", mac));
  CHECK_FALSE(file_name_matches("x_darwin_arm64.go", linux));
  CHECK_FALSE(file_name_matches("x_darwin_amd64.go", mac));
  CHECK(file_name_matches("x_linux_test.go", linux));
  CHECK_FALSE(file_name_matches("x_windows_test.go", linux));
  CHECK(file_name_matches("x_test.go", linux));
  CHECK(file_name_matches("x_linux.pb.go", linux));
  CHECK_FALSE(file_name_matches("x_windows.pb.go", linux));
  CHECK(file_name_matches("x_windows.c", context("windows", "amd64")));
  CHECK_FALSE(file_name_matches("x_windows.c", linux));
}

TEST_CASE("file_name_matches: unknown words, bare names and the _/. prefixes", "[cgo][constraints]") {
  const build_context linux = context();
  CHECK(file_name_matches("x_unix.go", linux));
  CHECK(file_name_matches("x_bar.go", linux));
  CHECK(file_name_matches("windows.go", linux));
  CHECK(file_name_matches("x.windows.go", linux));
  CHECK(file_name_matches("x_arm64_linux.go", linux)); // arch then OS: only the last word counts
  CHECK_FALSE(file_name_matches("x_arm64_linux.go", context("darwin", "arm64")));
  CHECK_FALSE(file_name_matches("_x.go", linux));
  CHECK_FALSE(file_name_matches(".x.go", linux));
  CHECK_FALSE(file_name_matches("x_nacl.go", linux));    // known, though long gone
  CHECK_FALSE(file_name_matches("x_amd64p32.go", linux));
}

TEST_CASE("file_name_matches: implied OSes and -tags", "[cgo][constraints]") {
  CHECK(file_name_matches("x_darwin.go", context("ios", "arm64")));
  CHECK_FALSE(file_name_matches("x_ios.go", context("darwin", "arm64")));
  CHECK(file_name_matches("x_linux.go", context("android", "arm64")));
  CHECK(file_name_matches("x_solaris.go", context("illumos", "amd64")));
  build_context tagged = context();
  tagged.build_tags = {"windows"};
  CHECK(file_name_matches("x_windows.go", tagged));
}

TEST_CASE("file_name_matches: wasip1 is a known GOOS from Go 1.21", "[cgo][constraints]") {
  CHECK(file_name_matches("x_wasip1.go", context("linux", "amd64", 19)));
  CHECK(file_name_matches("x_wasip1.go", context("linux", "amd64", 20)));
  CHECK_FALSE(file_name_matches("x_wasip1.go", context("linux", "amd64", 21)));
  CHECK(file_name_matches("x_wasip1_wasm.go", context("wasip1", "wasm", 21)));
}

// --- decide_go_file ---------------------------------------------------------------------

TEST_CASE("decide_go_file: name, then //go:build, else every // +build line", "[cgo][constraints]") {
  const build_context c = context();
  const file_decision suffix = decide_go_file("x_windows.go", {"linux"}, {}, c);
  CHECK_FALSE(suffix.included);
  CHECK(suffix.reason == "excluded by the _windows file name suffix");
  const file_decision both = decide_go_file("x_linux_arm64.go", {}, {}, c);
  CHECK(both.reason == "excluded by the _linux_arm64 file name suffix");
  const file_decision gb = decide_go_file("x.go", {"linux && !cgo"}, {}, c);
  CHECK_FALSE(gb.included);
  CHECK(gb.reason == "excluded by //go:build linux && !cgo");
  CHECK(decide_go_file("x.go", {"linux"}, {"windows"}, c).included); // //go:build wins
  CHECK_FALSE(decide_go_file("x.go", {}, {"linux darwin", "arm64"}, c).included);
  CHECK(decide_go_file("x.go", {}, {"linux darwin", "amd64"}, c).included);
  const file_decision pb = decide_go_file("x.go", {}, {"windows"}, c);
  CHECK(pb.reason == "excluded by // +build windows");
  CHECK(decide_go_file("x.go", {}, {}, c).reason == "no build constraints");
  CHECK(decide_go_file("x_linux.go", {}, {}, c).reason == "matches the _linux file name suffix");
  CHECK(decide_go_file("_x.go", {}, {}, c).reason == "file names beginning with '_' or '.' are ignored");
}

TEST_CASE("decide_go_file: errors", "[cgo][constraints]") {
  const build_context c = context();
  const file_decision two = decide_go_file("x.go", {"linux", "amd64"}, {}, c);
  CHECK_FALSE(two.included);
  CHECK(two.error == std::optional<std::string>("multiple //go:build comments"));
  const file_decision bad = decide_go_file("x.go", {"linux &&"}, {}, c);
  CHECK_FALSE(bad.included);
  CHECK(bad.error == std::optional<std::string>("parsing //go:build line: unexpected end of expression"));
  // A // +build line Go 1.22+ cannot parse is skipped, not an error.
  const std::string complex = "windows" + repeat(" windows", 101);
  const file_decision skipped = decide_go_file("x.go", {}, {complex}, context("linux", "amd64", 22));
  CHECK(skipped.included);
  CHECK_FALSE(skipped.error);
  CHECK_FALSE(decide_go_file("x.go", {}, {complex}, context("linux", "amd64", 21)).included);
}

TEST_CASE("decide_go_file: whole comment lines are accepted too", "[cgo][constraints]") {
  const build_context c = context();
  CHECK_FALSE(decide_go_file("x.go", {"//go:build windows"}, {}, c).included);
  CHECK_FALSE(decide_go_file("x.go", {}, {"// +build windows"}, c).included);
  CHECK(decide_go_file("x.go", {}, {"// +build linux"}, c).included);
}

TEST_CASE("decide_go_file: a file importing \"C\" is left out without cgo", "[cgo][constraints]") {
  build_context c = context();
  CHECK(decide_go_file("x.go", {}, {}, c, true).included);
  c.cgo_enabled = false;
  const file_decision d = decide_go_file("x.go", {}, {}, c, true);
  CHECK_FALSE(d.included);
  CHECK(d.reason == "imports \"C\" and cgo is disabled");
  CHECK(decide_go_file("x.go", {}, {}, c, false).included);
}

// --- decide_other_file ---------------------------------------------------------------------

TEST_CASE("decide_other_file: C files obey //go:build and // +build in their leading comments",
          "[cgo][constraints]") {
  const build_context c = context();
  CHECK_FALSE(decide_other_file("x.c", "//go:build windows\n\n#include <stdio.h>\n", c).included);
  CHECK(decide_other_file("x.c", "//go:build linux\n\n#include <stdio.h>\n", c).included);
  CHECK_FALSE(decide_other_file("x.h", "// +build darwin\n\n#pragma once\n", c).included);
  CHECK(decide_other_file("x.h", "// +build darwin\n#pragma once\n", c).included); // no blank line after it
  CHECK(decide_other_file("x.c", "int z;\n//go:build windows\n", c).included);       // after code
  CHECK(decide_other_file("x.c", "/*\n//go:build windows\n*/\nint v;\n", c).included); // in a block comment
  CHECK_FALSE(decide_other_file("x.c", "\xEF\xBB\xBF//go:build windows\n\nint x;\n", c).included); // BOM
  CHECK_FALSE(decide_other_file("x_windows.c", "int x;\n", c).included);
  CHECK(decide_other_file("x.c", "", c).included);
}

TEST_CASE("decide_other_file: read errors and constraint errors", "[cgo][constraints]") {
  const build_context c = context();
  const file_decision slash = decide_other_file("x.c", "/ x\n", c);
  CHECK(slash.error == std::optional<std::string>("syntax error"));
  CHECK(slash.unreadable);
  CHECK(decide_other_file("x.c", "/* open\n", c).error == std::optional<std::string>("syntax error"));
  CHECK(decide_other_file("x.c", "/*/", c).error == std::optional<std::string>("syntax error"));
  CHECK(decide_other_file("x.c", "/", c).error == std::optional<std::string>("syntax error"));
  CHECK(decide_other_file("x.c", std::string("// a\0b\nint x;", 13), c).error ==
        std::optional<std::string>("unexpected NUL in input"));
  CHECK(decide_other_file("x.c", std::string("\0", 1), c).error ==
        std::optional<std::string>("unexpected NUL in input"));
  CHECK_FALSE(decide_other_file("x.c", std::string("int x;\0", 7), c).error); // after the header
  const file_decision two = decide_other_file("x.c", "//go:build linux\n//go:build cgo\n\nint x;\n", c);
  CHECK(two.error == std::optional<std::string>("multiple //go:build comments"));
  CHECK_FALSE(two.unreadable);
}

TEST_CASE("decide_other_file: extensions go/build reads", "[cgo][constraints]") {
  const build_context c = context();
  for (const char *name : {"a.c", "a.cc", "a.cpp", "a.cxx", "a.m", "a.h", "a.hh", "a.hpp", "a.hxx", "a.f", "a.F",
                           "a.for", "a.f90", "a.s", "a.S", "a.sx", "a.swig", "a.swigcxx", "a.syso"}) {
    INFO(name);
    CHECK(decide_other_file(name, "", c).included);
  }
  CHECK_FALSE(decide_other_file("notes.txt", "", c).included);
  CHECK_FALSE(decide_other_file("Makefile", "", c).included);
  CHECK(decide_other_file("blob.syso", "/ not read", c).included);
  CHECK_FALSE(decide_other_file("x.go", "//go:build windows\n\npackage p\n", c).included);
}
