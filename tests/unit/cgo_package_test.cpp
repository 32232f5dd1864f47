// The package model (cgo/package.hpp) and the generated C files
// (cgo/translation_unit.hpp): which files go/build puts in a package, the
// flags of its #cgo lines and their findings, pkg-config, the generated
// translation unit with its line map and facts table, and _cgo_export.h.
//
// Ground truth, go1.19.8 (/usr/lib/go-1.19):
// - file selection and flag values: `go list -f '{{.CgoFiles}} {{.GoFiles}}
//   {{.IgnoredGoFiles}} {{.IgnoredOtherFiles}} {{.CFiles}} ... {{.CgoCFLAGS}}
//   {{.CgoLDFLAGS}}'` on the same files (GOOS=linux, darwin and windows,
//   CGO_ENABLED=1 and 0);
// - error texts: `go build` (`invalid flag in #cgo CFLAGS: -fplugin=x.so`,
//   `invalid #cgo verb: #cgo FOO: x`, `6:26: string literal not terminated`,
//   `4:12: cannot rename import "C"`, `6:1: export comment has wrong name
//   "goF", want "F"`);
// - pkg-config: `go build -x` with PKG_CONFIG set to a script printing the
//   --cflags/--libs output used below (its arguments, the words cgo gets);
// - _cgo_export.h: `go tool cgo` on the exp.go below (types of parameters
//   and results, the struct for several results, only exporting files'
//   preambles; cmd/cgo/main.go Record, out.go writeExportHeader).
// The 1.22 and 1.26 texts are the ones security.hpp and directives.hpp
// model from those releases' sources.
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/package.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/translation_unit.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using cgocheck::buildenv::go_version;
using cgocheck::cgo::add_pkg_config_output;
using cgocheck::cgo::analyze_package;
using cgocheck::cgo::cgo_package;
using cgocheck::cgo::cgo_source;
using cgocheck::cgo::cgo_verb;
using cgocheck::cgo::facts_as_json;
using cgocheck::cgo::facts_table_name;
using cgocheck::cgo::front_end_finding;
using cgocheck::cgo::generated_file;
using cgocheck::cgo::go_location;
using cgocheck::cgo::input_file;
using cgocheck::cgo::make_export_header;
using cgocheck::cgo::make_translation_unit;
using cgocheck::cgo::package_flag;
using cgocheck::cgo::package_options;
using cgocheck::cgo::parse_fact;
using cgocheck::cgo::pkg_config_arguments;
using cgocheck::cgo::position;
using cgocheck::cgo::unit_name;
using cgocheck::cgo::detail::c_string_literal;
using cgocheck::cgo::detail::export_prologue;
using cgocheck::cgo::detail::split_pkg_config_output;
using cgocheck::cgo::detail::typedef_names;
using strings = std::vector<std::string>;

namespace {

constexpr std::string_view dir = "/src/pkg";

package_options options(std::string goos = "linux", std::string goarch = "amd64", int minor = 19,
                        bool cgo_enabled = true, std::map<std::string, std::string> env = {}) {
  package_options o;
  o.context.goos = std::move(goos);
  o.context.goarch = std::move(goarch);
  o.context.version = go_version{minor};
  o.context.cgo_enabled = cgo_enabled;
  o.getenv = [env = std::move(env)](std::string_view key) -> std::optional<std::string> {
    const auto it = env.find(std::string(key));
    if (it == env.end()) {
      return std::nullopt;
    }
    return it->second;
  };
  return o;
}

cgo_package analyze(std::vector<input_file> files, const package_options &o = options()) {
  return analyze_package(std::string(dir), std::move(files), o);
}

strings names_of(const std::vector<cgo_source> &files) {
  strings out;
  for (const cgo_source &f : files) {
    out.push_back(f.name);
  }
  return out;
}

// "check file:line:col: message" per finding.
strings findings_of(const cgo_package &p) {
  strings out;
  for (const front_end_finding &f : p.findings) {
    out.push_back(std::string(f.check) + " " + f.file + ":" + std::to_string(f.pos.line) + ":" +
                  std::to_string(f.pos.column) + ": " + f.message);
  }
  return out;
}

// "value@file:line:col" per flag.
strings flags_at(const cgo_package &p, cgo_verb v) {
  strings out;
  for (const package_flag &f : p.flags_of(v)) {
    out.push_back(f.value + "@" + f.file + ":" + std::to_string(f.pos.line) + ":" + std::to_string(f.pos.column));
  }
  return out;
}

strings lines_of(std::string_view text) {
  strings out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    out.emplace_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) {
      break;
    }
    start = nl + 1;
  }
  return out;
}

// The 1-based line of `text` that equals `line`, or 0.
std::uint32_t line_number(std::string_view text, std::string_view line) {
  const strings lines = lines_of(text);
  const auto it = std::find(lines.begin(), lines.end(), line);
  return it == lines.end() ? 0 : static_cast<std::uint32_t>(it - lines.begin() + 1);
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

// The bytes of a C string literal made of adjacent "..." pieces with the
// escapes \" \\ \xHH (hex digits are read greedily, as C does); nothing for
// anything else.
std::optional<std::string> decode_c_literal(std::string_view lit) {
  std::string out;
  std::size_t i = 0;
  while (i < lit.size()) {
    if (lit[i] != '"') {
      return std::nullopt;
    }
    ++i;
    while (i < lit.size() && lit[i] != '"') {
      const char c = lit[i++];
      if (c == '\n' || c == '?') {
        return std::nullopt; // never written raw: a line break or a trigraph start
      }
      if (c != '\\') {
        out += c;
        continue;
      }
      if (i >= lit.size()) {
        return std::nullopt;
      }
      const char e = lit[i++];
      if (e == '"' || e == '\\') {
        out += e;
      } else if (e == 'x') {
        int v = 0;
        std::size_t digits = 0;
        for (; i < lit.size() && hex_value(lit[i]) >= 0; ++i, ++digits) {
          v = v * 16 + hex_value(lit[i]);
        }
        if (digits == 0 || v > 0xff) {
          return std::nullopt;
        }
        out += static_cast<char>(v);
      } else {
        return std::nullopt;
      }
    }
    if (i >= lit.size()) {
      return std::nullopt; // unterminated
    }
    ++i;
  }
  return out;
}

// The strings of the unit's facts table, decoded.
strings facts_table(const generated_file &unit) {
  const strings lines = lines_of(unit.text);
  const std::string head =
      "__attribute__((unused)) static const char *const " + std::string(facts_table_name) + "[] = {";
  auto it = std::find(lines.begin(), lines.end(), head);
  REQUIRE(it != lines.end());
  strings out;
  for (++it; it != lines.end() && *it != "    0};"; ++it) {
    REQUIRE(it->size() > 5);
    REQUIRE(it->substr(0, 4) == "    ");
    REQUIRE(it->back() == ',');
    const std::optional<std::string> s = decode_c_literal(std::string_view(*it).substr(4, it->size() - 5));
    REQUIRE(s);
    out.push_back(s.value_or(""));
  }
  REQUIRE(it != lines.end());
  return out;
}

std::string go_at(const std::optional<go_location> &l) {
  if (!l) {
    return "none";
  }
  return std::string(l->path) + ":" + std::to_string(l->pos.line) + ":" + std::to_string(l->pos.column);
}

// A cgo file of package p with a `//` preamble.
std::string cgo_file(const std::string &preamble_lines, const std::string &rest = "") {
  return "package p\n\n" + preamble_lines + "import \"C\"\n" + rest;
}

} // namespace

// --- file selection ------------------------------------------------------

namespace {

std::vector<input_file> selection_files() {
  const std::string cgo = "package p\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc B() {}\n";
  // Deliberately not sorted.
  return {
      {"zeta.go", "package p\n\n// #include <stdlib.h>\nimport \"C\"\n\nfunc Z() { C.free(nil) }\n"},
      {"x_windows.go", "package p\n\nfunc W() {}\n"},
      {"alpha_test.go", "package p\n\nimport \"testing\"\n\nfunc TestA(t *testing.T) {}\n"},
      {"ign.go", "//go:build ignore\n\npackage main\n"},
      {"beta.go", cgo},
      {"_hidden.go", cgo},
      {".dot.go", cgo},
      {"alpha.go", "package p\n\nfunc A() {}\n"},
      {"helper.c", "int helper(void) { return 1; }\n"},
      {"win.c", "//go:build windows\n\nint w;\n"},
      {"helper.h", "int helper(void);\n"},
      {"impl.cc", "int impl() { return 0; }\n"},
      {"README.md", "hi\n"},
  };
}

} // namespace

TEST_CASE("analyze_package: the files go/build puts in the package, sorted by name", "[cgo][package]") {
  const cgo_package p = analyze(selection_files());
  CHECK(p.dir == "/src/pkg");
  CHECK(p.name == "p");
  CHECK(p.is_cgo());
  // go list: cgo=[beta.go zeta.go] go=[alpha.go] ign=[ign.go x_windows.go]
  // other=[win.c] c=[helper.c] h=[helper.h] cxx=[impl.cc] test=[alpha_test.go];
  // _hidden.go and .dot.go are not reported at all.
  CHECK(names_of(p.cgo_files) == strings{"beta.go", "zeta.go"});
  CHECK(p.cgo_files[0].path == "/src/pkg/beta.go");
  CHECK(p.go_files == strings{"alpha.go"});
  CHECK(p.ignored_files == strings{"ign.go", "win.c", "x_windows.go"});
  CHECK(p.c_files == strings{"helper.c"});
  CHECK(p.h_files == strings{"helper.h"});
  CHECK(p.cxx_files == strings{"impl.cc"});
  CHECK(p.findings.empty());
  // The content stays with the cgo file (the facts and the unit read it).
  CHECK(p.cgo_files[1].content.find("C.free(nil)") != std::string::npos);
  REQUIRE(p.cgo_files[1].facts.calls.size() == 1);
  CHECK(p.cgo_files[1].facts.calls[0].function == "free");
}

TEST_CASE("analyze_package: on windows the _windows file is in and the windows-only .c file too", "[cgo][package]") {
  const cgo_package p = analyze(selection_files(), options("windows", "amd64"));
  CHECK(p.go_files == strings{"alpha.go", "x_windows.go"});
  CHECK(p.c_files == strings{"helper.c", "win.c"});
  CHECK(p.ignored_files == strings{"ign.go"});
}

TEST_CASE("analyze_package: with cgo off, files importing \"C\" are ignored", "[cgo][package]") {
  // go list with CGO_ENABLED=0: cgo=[] go=[alpha.go]
  // ign=[beta.go ign.go x_windows.go zeta.go] other=[win.c] c=[] h=[helper.h]
  // cxx=[] (cmd/go drops the C and C++ files without cgo).
  const cgo_package p = analyze(selection_files(), options("linux", "amd64", 19, false));
  CHECK_FALSE(p.is_cgo());
  CHECK(p.cgo_files.empty());
  CHECK(p.go_files == strings{"alpha.go"});
  CHECK(p.ignored_files == strings{"beta.go", "ign.go", "win.c", "x_windows.go", "zeta.go"});
  CHECK(p.c_files.empty());
  CHECK(p.cxx_files.empty());
  CHECK(p.h_files == strings{"helper.h"});
  CHECK(p.findings.empty());
}

TEST_CASE("analyze_package: the package name is that of the first file built", "[cgo][package]") {
  const cgo_package p = analyze({{"b.go", "package second\n"}, {"a.go", "//go:build ignore\n\npackage first\n"}});
  CHECK(p.name == "second");
  CHECK(p.go_files == strings{"b.go"});
  CHECK(p.ignored_files == strings{"a.go"});
  CHECK(analyze({}).name.empty());
  // go list: `package documentation` files are ignored.
  const cgo_package doc = analyze({{"doc.go", "package documentation\n"}, {"p.go", "package p\n"}});
  CHECK(doc.name == "p");
  CHECK(doc.ignored_files == strings{"doc.go"});
}

// --- flags ---------------------------------------------------------------

TEST_CASE("analyze_package: #cgo flag values, where each was written, -I made absolute", "[cgo][package]") {
  const std::vector<input_file> files{
      {"b.go", "package p\n\n/*\n#cgo CFLAGS: -DB=2\n#cgo LDFLAGS: -L lib -lz\n*/\nimport \"C\"\n"},
      {"a.go", cgo_file("// #cgo CFLAGS: -DX=1 -I inc\n// #cgo linux LDFLAGS: -lm\n"
                        "// #cgo darwin LDFLAGS: -framework CoreFoundation\n// #include <math.h>\n")},
  };
  // go list, linux: CgoCFLAGS [-DX=1 -I DIR/inc -DB=2],
  // CgoLDFLAGS [-lm -L DIR/lib -lz]; darwin: [-framework CoreFoundation -L DIR/lib -lz].
  const cgo_package linux = analyze(files, options("linux", "arm64"));
  CHECK(linux.findings.empty());
  CHECK(flags_at(linux, cgo_verb::cflags) == strings{"-DX=1@/src/pkg/a.go:3:4", "-I@/src/pkg/a.go:3:4",
                                                      "/src/pkg/inc@/src/pkg/a.go:3:4", "-DB=2@/src/pkg/b.go:4:1"});
  CHECK(linux.flag_values(cgo_verb::ldflags) == strings{"-lm", "-L", "/src/pkg/lib", "-lz"});
  CHECK(flags_at(linux, cgo_verb::ldflags).front() == "-lm@/src/pkg/a.go:4:4");
  CHECK(linux.flags_of(cgo_verb::cppflags).empty());
  CHECK(linux.flags_of(cgo_verb::pkg_config).empty());

  const cgo_package darwin = analyze(files, options("darwin", "arm64"));
  CHECK(darwin.flag_values(cgo_verb::cflags) == strings{"-DX=1", "-I", "/src/pkg/inc", "-DB=2"});
  CHECK(darwin.flag_values(cgo_verb::ldflags) ==
        strings{"-framework", "CoreFoundation", "-L", "/src/pkg/lib", "-lz"});

  const cgo_package windows = analyze(files, options("windows", "amd64"));
  CHECK(windows.flag_values(cgo_verb::ldflags) == strings{"-L", "/src/pkg/lib", "-lz"});

  // With cgo off go/build still saves the flags (saveCgo runs before the
  // file is set aside): go list gives the same CgoCFLAGS and CgoLDFLAGS.
  const cgo_package off = analyze(files, options("linux", "arm64", 19, false));
  CHECK(off.cgo_files.empty());
  CHECK(off.ignored_files == strings{"a.go", "b.go"});
  CHECK(off.flag_values(cgo_verb::cflags) == strings{"-DX=1", "-I", "/src/pkg/inc", "-DB=2"});
  CHECK(off.flag_values(cgo_verb::ldflags) == strings{"-lm", "-L", "/src/pkg/lib", "-lz"});
}

TEST_CASE("analyze_package: ${SRCDIR}, quoting and the other verbs", "[cgo][package]") {
  const cgo_package p =
      analyze({{"a.go", cgo_file("// #cgo CPPFLAGS: -I${SRCDIR}/include '-DNAME=a b'\n"
                                 "// #cgo CXXFLAGS: -std=c++17\n// #cgo FFLAGS: -O2\n")}});
  CHECK(p.findings.empty());
  CHECK(p.flag_values(cgo_verb::cppflags) == strings{"-I/src/pkg/include", "-DNAME=a b"});
  // Quotes themselves are not allowed in the words (go/build safeCgoName).
  CHECK(findings_of(analyze({{"a.go", cgo_file("// #cgo CPPFLAGS: '-DNAME=\"a\"'\n")}})) ==
        strings{"cgo-invalid-directive /src/pkg/a.go:3:4: malformed #cgo argument: -DNAME=\"a\""});
  CHECK(p.flag_values(cgo_verb::cxxflags) == strings{"-std=c++17"});
  CHECK(p.flag_values(cgo_verb::fflags) == strings{"-O2"});
  CHECK(p.flags_of(cgo_verb::cflags).empty());
}

// --- findings -------------------------------------------------------------

TEST_CASE("analyze_package: a flag the allowlist rejects, per Go version", "[cgo][package]") {
  const std::vector<input_file> files{
      {"a.go", cgo_file("// #include <stdlib.h>\n// #cgo CFLAGS: -DOK -fplugin=x.so\n")}};
  CHECK(findings_of(analyze(files, options("linux", "amd64", 19))) ==
        strings{"cgo-invalid-flag /src/pkg/a.go:4:4: invalid flag in #cgo CFLAGS: -fplugin=x.so"});
  CHECK(findings_of(analyze(files, options("linux", "amd64", 26))) ==
        strings{"cgo-invalid-flag /src/pkg/a.go:4:4: invalid flag in #cgo CFLAGS: -fplugin=x.so"
                " (see https://go.dev/s/invalidflag)"});
  // CGO_CFLAGS_ALLOW lets it through (cfg.Getenv).
  const cgo_package allowed =
      analyze(files, options("linux", "amd64", 19, true, {{"CGO_CFLAGS_ALLOW", "-fplugin=.*"}}));
  CHECK(allowed.findings.empty());
  CHECK(allowed.flag_values(cgo_verb::cflags) == strings{"-DOK", "-fplugin=x.so"});
  // DISALLOW wins, and only for its own verb.
  CHECK(findings_of(analyze(files, options("linux", "amd64", 19, true,
                                           {{"CGO_CFLAGS_ALLOW", "-fplugin=.*"}, {"CGO_CFLAGS_DISALLOW", "-D.*"}}))) ==
        strings{"cgo-invalid-flag /src/pkg/a.go:4:4: invalid flag in #cgo CFLAGS: -DOK"});
  CHECK(findings_of(analyze(files, options("linux", "amd64", 19, true, {{"CGO_LDFLAGS_ALLOW", "-fplugin=.*"}}))).size() ==
        1);
  // A bad pattern fails the whole list.
  const strings bad_regexp =
      findings_of(analyze(files, options("linux", "amd64", 19, true, {{"CGO_CFLAGS_ALLOW", "("}})));
  REQUIRE(bad_regexp.size() == 1);
  CHECK(bad_regexp[0].rfind("cgo-invalid-flag /src/pkg/a.go:4:4: parsing $CGO_CFLAGS_ALLOW: ", 0) == 0);
}

TEST_CASE("analyze_package: a linker flag, and a package_options without getenv", "[cgo][package]") {
  package_options o = options();
  o.getenv = nullptr;
  CHECK(findings_of(analyze({{"a.go", cgo_file("// #cgo LDFLAGS: -lm -Wl,-rpath,/x,--x\n")}}, o)) ==
        strings{"cgo-invalid-flag /src/pkg/a.go:3:4: invalid flag in #cgo LDFLAGS: -Wl,-rpath,/x,--x"});
}

TEST_CASE("analyze_package: a #cgo line go/build refuses", "[cgo][package]") {
  const cgo_package p = analyze({{"a.go", cgo_file("// #cgo FOO: x\n// #cgo CFLAGS -DX\n// #cgo CFLAGS: -DA=;\n")}});
  CHECK(findings_of(p) == strings{"cgo-invalid-directive /src/pkg/a.go:3:4: invalid #cgo verb: #cgo FOO: x",
                                  "cgo-invalid-directive /src/pkg/a.go:4:4: invalid #cgo line: #cgo CFLAGS -DX",
                                  "cgo-invalid-directive /src/pkg/a.go:5:4: malformed #cgo argument: -DA=;"});
  CHECK(p.flags_of(cgo_verb::cflags).empty());
  // A line whose condition does not hold is not looked at.
  CHECK(analyze({{"a.go", cgo_file("// #cgo windows FOO: x\n")}}).findings.empty());
}

TEST_CASE("analyze_package: a syntax error after the header keeps the preamble", "[cgo][package]") {
  // go build: ./a.go:6:26: string literal not terminated; go list still
  // lists a.go in CgoFiles (go/build reads only the header).
  const cgo_package p = analyze({{"a.go", "package p\n\n// #cgo CFLAGS: -DX\n// int f(void);\nimport \"C\"\n\n"
                                          "func F() string { return \"abc }\n"}});
  CHECK(findings_of(p) == strings{"cgo-go-syntax /src/pkg/a.go:7:26: string literal not terminated"});
  CHECK(names_of(p.cgo_files) == strings{"a.go"});
  REQUIRE(p.cgo_files[0].file.cgo_preamble);
  CHECK(p.cgo_files[0].file.cgo_preamble.value_or(cgocheck::cgo::preamble{}).text == " #cgo CFLAGS: -DX\n int f(void);\n");
  CHECK(p.flag_values(cgo_verb::cflags) == strings{"-DX"});
  CHECK(p.ignored_files.empty());
}

TEST_CASE("analyze_package: errors in the header are findings", "[cgo][package]") {
  // go build: ./a.go:4:12: cannot rename import "C". go list keeps a.go in
  // CgoFiles (go/build does not check this; cmd/cgo refuses it), and so
  // does the model: its preamble is still checked.
  const cgo_package renamed =
      analyze({{"a.go", "package p\n\n// int f(void);\nimport foo \"C\"\n\nfunc F() int { return int(foo.f()) }\n"}});
  CHECK(findings_of(renamed) == strings{"cgo-go-syntax /src/pkg/a.go:4:12: cannot rename import \"C\""});
  CHECK(names_of(renamed.cgo_files) == strings{"a.go"});
  CHECK(renamed.ignored_files.empty());

  // go list: a.go:1:1: expected 'package', found 'func'.
  const cgo_package no_package = analyze({{"a.go", "func F() {}\n"}, {"b.go", cgo_file("// int g;\n")}});
  CHECK(findings_of(no_package) == strings{"cgo-go-syntax /src/pkg/a.go:1:1: expected 'package', found 'func'"});
  CHECK(names_of(no_package.cgo_files) == strings{"b.go"});
  CHECK(no_package.name == "p");

  // go list: a.go:3:8: invalid import path: "a b".
  const cgo_package bad_import = analyze({{"a.go", "package p\n\nimport \"a b\"\n// int g;\nimport \"C\"\n"}});
  CHECK(findings_of(bad_import) == strings{"cgo-go-syntax /src/pkg/a.go:3:8: invalid import path: \"a b\""});
}

TEST_CASE("analyze_package: a bad build constraint", "[cgo][package]") {
  const cgo_package p = analyze({{"a.go", "//go:build linux &&\n\npackage p\n"}});
  REQUIRE(p.findings.size() == 1);
  CHECK(p.findings[0].check == "cgo-go-syntax");
  CHECK(p.findings[0].file == "/src/pkg/a.go");
  CHECK(p.go_files.empty());
  CHECK(p.ignored_files == strings{"a.go"});
}

TEST_CASE("analyze_package: //export checks are cmd/cgo's", "[cgo][package]") {
  // go build: ./a.go:6:1: export comment has wrong name "goF", want "F"
  const cgo_package p = analyze({{"a.go", "package p\n\n// int f(void);\nimport \"C\"\n\n//export goF\nfunc F() {}\n\n"
                                          "//export \nfunc G() {}\n\n//export H\nfunc H() {}\n"}});
  CHECK(findings_of(p) ==
        strings{"cgo-invalid-directive /src/pkg/a.go:6:1: export comment has wrong name \"goF\", want \"F\"",
                "cgo-invalid-directive /src/pkg/a.go:9:1: export missing name"});
  CHECK(names_of(p.cgo_files) == strings{"a.go"});
  REQUIRE(p.cgo_files[0].facts.exports.size() == 3);
  CHECK(p.cgo_files[0].facts.exports[2].name == "H");
}

TEST_CASE("analyze_package: #cgo noescape / nocallback by Go version", "[cgo][package]") {
  const std::vector<input_file> files{
      {"a.go", "package p\n\n/*\n#cgo noescape f\n#cgo nocallback g\nvoid f(void *p);\nvoid g(void);\n*/\nimport \"C\"\n"},
      {"b.go", cgo_file("// #cgo noescape h\n// void h(void);\n")}};
  const cgo_package p24 = analyze(files, options("linux", "amd64", 24));
  CHECK(p24.findings.empty());
  CHECK(p24.noescape == strings{"f", "h"});
  CHECK(p24.nocallback == strings{"g"});
  CHECK(p24.flags_of(cgo_verb::cflags).empty());

  CHECK(findings_of(analyze(files, options("linux", "amd64", 22))) ==
        strings{"cgo-invalid-directive /src/pkg/a.go:4:1: #cgo noescape disabled until Go 1.23",
                "cgo-invalid-directive /src/pkg/a.go:5:1: #cgo nocallback disabled until Go 1.23",
                "cgo-invalid-directive /src/pkg/b.go:3:4: #cgo noescape disabled until Go 1.23"});
  const cgo_package p21 = analyze(files, options("linux", "amd64", 21));
  CHECK(findings_of(p21).front() == "cgo-invalid-directive /src/pkg/a.go:4:1: invalid #cgo line: #cgo noescape f");
  CHECK(p21.noescape.empty());
}

TEST_CASE("analyze_package: findings come in file-name order", "[cgo][package]") {
  const cgo_package p = analyze({{"c.go", cgo_file("// #cgo FOO: c\n")},
                                 {"a.go", cgo_file("// #cgo FOO: a\n")},
                                 {"b.go", cgo_file("// #cgo FOO: b\n")}});
  CHECK(findings_of(p) == strings{"cgo-invalid-directive /src/pkg/a.go:3:4: invalid #cgo verb: #cgo FOO: a",
                                  "cgo-invalid-directive /src/pkg/b.go:3:4: invalid #cgo verb: #cgo FOO: b",
                                  "cgo-invalid-directive /src/pkg/c.go:3:4: invalid #cgo verb: #cgo FOO: c"});
}

// --- typedef names ----------------------------------------------------------

TEST_CASE("typedef_names: the names C typedefs declare", "[cgo][package]") {
  CHECK(typedef_names("typedef unsigned int u32;") == strings{"u32"});
  CHECK(typedef_names("typedef struct node { struct node *next; int v; } node_t;") == strings{"node_t"});
  CHECK(typedef_names("typedef struct {\n  int w;\n  struct { int x; } inner;\n} img_t;") == strings{"img_t"});
  // A member that looks like a function pointer does not name the type.
  CHECK(typedef_names("typedef struct { void (*fn)(void *); int n; } ops_t;") == strings{"ops_t"});
  CHECK(typedef_names("typedef int (*visit_fn)(void *ctx, int value);") == strings{"visit_fn"});
  CHECK(typedef_names("typedef void (* spaced_fn)(void);") == strings{"spaced_fn"});
  CHECK(typedef_names("typedef char name_t[32];") == strings{"name_t"});
  CHECK(typedef_names("typedef int matrix_t[3][4];") == strings{"matrix_t"});
  CHECK(typedef_names("typedef struct { int a; } __attribute__((packed)) packed_t;") == strings{"packed_t"});
  CHECK(typedef_names("typedef void handler_fn(int);") == strings{"handler_fn"});
  // Not the keyword.
  CHECK(typedef_names("typedefx foo; int my_typedef; my_typedef bar; int typedef_count;").empty());
  CHECK(typedef_names("").empty());
  CHECK(typedef_names("typedef").empty());
  // Sorted, unique, several per text, comments and the preamble's other text around them.
  CHECK(typedef_names("#include <stdint.h>\ntypedef uint32_t b_t;\nint f(void);\ntypedef long a_t;\ntypedef long a_t;\n") ==
        strings{"a_t", "b_t"});
}

TEST_CASE("typedef_names: broken C never reads out of bounds", "[cgo][package]") {
  // The first used to read before the text (an array typedef whose ']' has
  // no '['; AddressSanitizer: global-buffer-overflow).
  CHECK(typedef_names("typedef int x];") == strings{"x"});
  CHECK(typedef_names("typedef ]").empty());
  CHECK(typedef_names("typedef }}}; typedef ((( a;").empty());
  CHECK(typedef_names("typedef 9lives;").empty());
}

TEST_CASE("analyze_package: typedefs of the package's headers are conversions, not calls", "[cgo][package]") {
  const std::string go = cgo_file("// #include \"types.h\"\n// void f(void *p);\n",
                                  "import \"unsafe\"\n\nfunc F(x uint32, p unsafe.Pointer) {\n"
                                  "\tv := C.u32(x)\n\t_ = v\n\tC.f(p)\n}\n");
  const auto calls = [](const cgo_package &p) {
    strings out;
    for (const auto &c : p.cgo_files.at(0).facts.calls) {
      out.push_back(c.function + "@" + std::to_string(c.pos.line) + ":" + std::to_string(c.pos.column));
    }
    return out;
  };
  const cgo_package with_header = analyze({{"a.go", go}, {"types.h", "typedef unsigned int u32;\n"}});
  CHECK(calls(with_header) == strings{"f@11:2"});
  // Without the header's typedef, C.u32(x) reads as a call.
  const cgo_package without = analyze({{"a.go", go}, {"types.h", "/* nothing */\n"}});
  CHECK(calls(without) == strings{"u32@9:7", "f@11:2"});
}

// --- pkg-config ---------------------------------------------------------------

namespace {

cgo_package pkg_config_package(int minor = 19) {
  return analyze({{"pc.go", cgo_file("// #cgo pkg-config: --static libpng -- zlib\n// #cgo LDFLAGS: -lm\n")}},
                 options("linux", "amd64", minor));
}

} // namespace

TEST_CASE("pkg_config_arguments: options first, then --, then the package names", "[cgo][package]") {
  // go build -x: pkg-config --cflags --static -- libpng zlib
  const cgo_package p = pkg_config_package();
  CHECK(p.findings.empty());
  CHECK(p.flag_values(cgo_verb::pkg_config) == strings{"--static", "libpng", "--", "zlib"});
  CHECK(pkg_config_arguments(p) == strings{"--static", "--", "libpng", "zlib"});
  CHECK(pkg_config_arguments(analyze({{"a.go", cgo_file("// #cgo pkg-config: a b\n")}})) == strings{"--", "a", "b"});
  CHECK(pkg_config_arguments(analyze({{"a.go", cgo_file("// #cgo pkg-config: --\n")}})).empty());
  CHECK(pkg_config_arguments(analyze({{"a.go", cgo_file("// int x;\n")}})).empty());
  // A package name that is not load.SafeArg.
  CHECK(findings_of(analyze({{"a.go", cgo_file("// #cgo pkg-config: -bad\n")}})) ==
        strings{"cgo-invalid-flag /src/pkg/a.go:3:4: invalid pkg-config package name: -bad"});
}

TEST_CASE("add_pkg_config_output: --cflags to CPPFLAGS, --libs to LDFLAGS", "[cgo][package]") {
  // go build -x with this output: cgo ... -- "-I/a b" "-DX=\"q\"" "-DY=\\n"
  // "-DZ=a b" -DV=ab -DW=$ -I $WORK/b001/ ...; CGO_LDFLAGS ... -L/usr/lib -lpng16 -lz
  cgo_package p = pkg_config_package();
  add_pkg_config_output(p, "-I/a\\ b \"-DX=\\\"q\\\"\" \"-DY=\\n\" '-DZ=a b' -DV=a\"\"b '-DW=\\$'\n",
                        "-L/usr/lib -lpng16   -lz\n", options());
  CHECK(p.findings.empty());
  CHECK(p.flag_values(cgo_verb::cppflags) == strings{"-I/a b", "-DX=\"q\"", "-DY=\\n", "-DZ=a b", "-DV=ab", "-DW=$"});
  CHECK(p.flag_values(cgo_verb::ldflags) == strings{"-lm", "-L/usr/lib", "-lpng16", "-lz"});
  CHECK(p.flags_of(cgo_verb::ldflags).back().file.empty());
  CHECK(p.flags_of(cgo_verb::ldflags).back().pos == position{});
  CHECK(p.flags_of(cgo_verb::cflags).empty());
}

TEST_CASE("add_pkg_config_output: rejected words and broken output are findings at the pkg-config line",
          "[cgo][package]") {
  cgo_package p = pkg_config_package();
  // (go build stops at the first; each output's first rejection is reported here.)
  add_pkg_config_output(p, "-I/usr/include -fplugin=evil.so\n", "-lz @/tmp/rsp\n", options());
  CHECK(findings_of(p) ==
        strings{"cgo-invalid-flag /src/pkg/pc.go:3:4: invalid flag in pkg-config --cflags: -fplugin=evil.so",
                "cgo-invalid-flag /src/pkg/pc.go:3:4: invalid flag in pkg-config --libs: @/tmp/rsp"});

  cgo_package allowed = pkg_config_package();
  add_pkg_config_output(allowed, "-fplugin=evil.so", "",
                        options("linux", "amd64", 19, true, {{"CGO_CFLAGS_ALLOW", "-fplugin=.*"}}));
  CHECK(allowed.findings.empty());
  CHECK(allowed.flag_values(cgo_verb::cppflags) == strings{"-fplugin=evil.so"});

  cgo_package v26 = pkg_config_package(26);
  add_pkg_config_output(v26, "-fplugin=evil.so", "", options("linux", "amd64", 26));
  CHECK(findings_of(v26) == strings{"cgo-invalid-flag /src/pkg/pc.go:3:4: invalid flag in pkg-config --cflags: "
                                    "-fplugin=evil.so (see https://go.dev/s/invalidflag)"});

  // go1.19.8 ends these two texts with a space ("... pkgconf output "); the
  // newer text, without it, is the one modelled.
  cgo_package broken = pkg_config_package();
  add_pkg_config_output(broken, "-I/x \\", "-lz", options());
  CHECK(findings_of(broken) ==
        strings{"cgo-invalid-flag /src/pkg/pc.go:3:4: broken character escaping in pkgconf output"});
  CHECK(broken.flags_of(cgo_verb::cppflags).empty());
  CHECK(broken.flag_values(cgo_verb::ldflags) == strings{"-lm", "-lz"});

  cgo_package unterminated = pkg_config_package();
  add_pkg_config_output(unterminated, "-DA '-I/x\n", "", options());
  CHECK(findings_of(unterminated) ==
        strings{"cgo-invalid-flag /src/pkg/pc.go:3:4: unterminated quoted string in pkgconf output"});

  // Without a #cgo pkg-config line the findings name the directory.
  cgo_package none = analyze({{"a.go", cgo_file("// int x;\n")}});
  add_pkg_config_output(none, "-fplugin=evil.so", "", options());
  REQUIRE(none.findings.size() == 1);
  CHECK(none.findings[0].file == "/src/pkg");
  CHECK(none.findings[0].pos == position{});
}

TEST_CASE("split_pkg_config_output: shell-like words (go1.19 splitPkgConfigOutput)", "[cgo][package]") {
  CHECK(split_pkg_config_output("").fields.empty());
  CHECK(split_pkg_config_output(" \t\n").fields.empty());
  CHECK(split_pkg_config_output("-I/a\t-I/b\n-lz\r\n").fields == strings{"-I/a", "-I/b", "-lz"});
  CHECK(split_pkg_config_output("-I/a\\ b").fields == strings{"-I/a b"});
  // Outside quotes a backslash takes any byte; inside quotes only $ ` " \.
  CHECK(split_pkg_config_output("\\x \"\\x\" '\\x' \"\\$\\`\\\"\\\\\"").fields ==
        strings{"x", "\\x", "\\x", "$`\"\\"});
  CHECK(split_pkg_config_output("\"-DA=a b\"'c d'e").fields == strings{"-DA=a bc de"});
  CHECK(split_pkg_config_output("'a\"b' \"c'd\"").fields == strings{"a\"b", "c'd"});
  const auto broken = split_pkg_config_output("-I/a \\");
  CHECK(broken.error == "broken character escaping in pkgconf output");
  CHECK_FALSE(broken.ok());
  CHECK(split_pkg_config_output("-I/a \"b").error == "unterminated quoted string in pkgconf output");
  CHECK(split_pkg_config_output("-I/a 'b\\'").error == "unterminated quoted string in pkgconf output");
  CHECK(split_pkg_config_output("-I/a 'b'").ok());
}

// --- the translation unit -------------------------------------------------------

namespace {

// Lines 3-8 are the preamble; the #cgo lines are 3, 6 and 8.
const std::string cache_go = "package cache\n"
                             "\n"
                             "// #cgo CFLAGS: -DCACHE=1\n"
                             "// #include <stddef.h>\n"
                             "// int ic_put(void *c, char *key, void *val);\n"
                             "// #cgo noescape ic_use\n"
                             "// void ic_use(char *s); void free(void *p);\n"
                             "// #cgo nocallback ic_use\n"
                             "import \"C\"\n"
                             "import \"unsafe\"\n"
                             "\n"
                             "func Put(c unsafe.Pointer, key string, b []byte) {\n"
                             "\tck := C.CString(key)\n"
                             "\tdefer C.free(unsafe.Pointer(ck))\n"
                             "\tC.ic_put(c, ck, unsafe.Pointer(&b[0]))\n"
                             "\tC.ic_use(ck)\n"
                             "}\n"
                             "\n"
                             "//export goCount\n"
                             "func goCount() C.int { return 0 }\n";

cgo_package cache_package() { return analyze({{"cache.go", cache_go}}, options("linux", "amd64", 24)); }

} // namespace

TEST_CASE("make_translation_unit: prologue, #line, blank #cgo lines", "[cgo][package]") {
  const cgo_package p = cache_package();
  REQUIRE(p.findings.empty());
  const generated_file unit = make_translation_unit(p, p.cgo_files.at(0), "/out/cache.cgo.c");
  CHECK(unit.name == "cache.cgo.c");
  CHECK(unit_name("cache.go") == "cache.cgo.c");
  CHECK(unit_name("x.y.go") == "x.y.cgo.c");
  const strings lines = lines_of(unit.text);
  REQUIRE(unit.text.back() == '\n');
  CHECK(lines.size() == unit.origins.size());
  CHECK(unit.go_paths == strings{"/src/pkg/cache.go"});
  // cmd/cgo's builtin prologue, as cgocheck writes it.
  CHECK(line_number(unit.text, "typedef struct { const char *p; _cgocheck_intgo n; } _GoString_;") > 0);
  CHECK(line_number(unit.text,
                    "__attribute__((unused)) static size_t _GoStringLen(_GoString_ s) { return (size_t)s.n; }") > 0);

  const std::uint32_t at = line_number(unit.text, "#line 3 \"/src/pkg/cache.go\"");
  REQUIRE(at > line_number(unit.text, "char *CString(_GoString_);"));
  // The six preamble lines (.go lines 3-8), the #cgo ones blank.
  CHECK(lines.at(at).empty());
  CHECK(lines.at(at + 1) == " #include <stddef.h>");
  CHECK(lines.at(at + 2) == " int ic_put(void *c, char *key, void *val);");
  CHECK(lines.at(at + 3).empty());
  CHECK(lines.at(at + 4) == " void ic_use(char *s); void free(void *p);");
  CHECK(lines.at(at + 5).empty());
  // Then the unit's own name and line back: the next line is line at + 8.
  CHECK(lines.at(at + 6) == "#line " + std::to_string(at + 8) + " \"/out/cache.cgo.c\"");
  CHECK(unit.text.find("#cgo") == std::string::npos);
  // Only one preamble copy, and nothing else names the .go file in a #line.
  CHECK(std::count_if(lines.begin(), lines.end(), [](const std::string &l) { return l.rfind("#line", 0) == 0; }) == 2);
}

TEST_CASE("make_translation_unit: go_position maps preamble text back to the .go file", "[cgo][package]") {
  const cgo_package p = cache_package();
  const generated_file unit = make_translation_unit(p, p.cgo_files.at(0), "/out/cache.cgo.c");
  const std::uint32_t at = line_number(unit.text, "#line 3 \"/src/pkg/cache.go\"");
  REQUIRE(at > 0);
  // "// int ic_put(...)" on .go line 5: the preamble line starts at the
  // space after "//" (.go column 3: commentText keeps it), so C column 2,
  // the 'i' of int, is .go column 4.
  CHECK(go_at(unit.go_position(at + 3, 1)) == "/src/pkg/cache.go:5:3");
  CHECK(go_at(unit.go_position(at + 3, 2)) == "/src/pkg/cache.go:5:4");
  CHECK(go_at(unit.go_position(at + 3, 6)) == "/src/pkg/cache.go:5:8");
  CHECK(go_at(unit.go_position(at + 5, 24)) == "/src/pkg/cache.go:7:26"); // the 'v' of "void free"
  // Column 0 means the line.
  CHECK(go_at(unit.go_position(at + 2, 0)) == "/src/pkg/cache.go:4:3");
  // A blanked #cgo line still maps to its .go line.
  CHECK(go_at(unit.go_position(at + 1, 1)) == "/src/pkg/cache.go:3:3");
  CHECK(go_at(unit.go_position(at + 6, 1)) == "/src/pkg/cache.go:8:3");
  // Generated lines map to nothing.
  CHECK(go_at(unit.go_position(0, 1)) == "none");
  CHECK(go_at(unit.go_position(1, 1)) == "none");
  CHECK(go_at(unit.go_position(at, 1)) == "none");
  CHECK(go_at(unit.go_position(at + 7, 1)) == "none");
  CHECK(go_at(unit.go_position(at + 8, 1)) == "none");
  CHECK(go_at(unit.go_position(static_cast<std::uint32_t>(unit.origins.size()), 1)) == "none");
  CHECK(go_at(unit.go_position(static_cast<std::uint32_t>(unit.origins.size()) + 1, 1)) == "none");
  // The preamble's own map agrees with the unit's on every preamble byte.
  const cgocheck::cgo::preamble pre = p.cgo_files.at(0).file.cgo_preamble.value_or(cgocheck::cgo::preamble{});
  for (std::uint32_t l = 1; l <= pre.lines.size(); ++l) {
    const std::optional<go_location> g = unit.go_position(at + l, 2);
    REQUIRE(g);
    CHECK(g.value_or(go_location{}).pos == pre.go_position(l, 2));
  }
}

TEST_CASE("make_translation_unit: a /* */ preamble keeps its columns", "[cgo][package]") {
  const cgo_package p =
      analyze({{"img.go", "package img\n\n/*\n#include <stdint.h>\n  int32_t scale(int32_t v);\n*/\nimport \"C\"\n"}});
  const generated_file unit = make_translation_unit(p, p.cgo_files.at(0), "/out/img.cgo.c");
  const std::uint32_t at = line_number(unit.text, "#line 3 \"/src/pkg/img.go\"");
  REQUIRE(at > 0);
  CHECK(lines_of(unit.text).at(at).empty()); // the rest of the "/*" line
  CHECK(go_at(unit.go_position(at + 1, 1)) == "/src/pkg/img.go:3:3");
  CHECK(go_at(unit.go_position(at + 2, 1)) == "/src/pkg/img.go:4:1");
  CHECK(go_at(unit.go_position(at + 3, 3)) == "/src/pkg/img.go:5:3");
  CHECK(lines_of(unit.text).at(at + 3) == "#line " + std::to_string(at + 5) + " \"/out/img.cgo.c\"");

  // A file with no preamble: no #line, nothing maps.
  const cgo_package bare = analyze({{"bare.go", "package bare\n\nimport \"C\"\n"}});
  const generated_file none = make_translation_unit(bare, bare.cgo_files.at(0), "/out/bare.cgo.c");
  CHECK(none.go_paths.empty());
  CHECK(none.text.find("#line") == std::string::npos);
  CHECK(std::all_of(none.origins.begin(), none.origins.end(), [](const auto &o) { return o.go_line == 0; }));
}

TEST_CASE("make_translation_unit: the facts table, one JSON object per fact", "[cgo][package]") {
  const cgo_package p = cache_package();
  const cgo_source &src = p.cgo_files.at(0);
  const generated_file unit = make_translation_unit(p, src, "/out/cache.cgo.c");
  const strings table = facts_table(unit);
  const std::vector<nlohmann::json> expected = facts_as_json(p, src);
  REQUIRE(table.size() == expected.size());
  std::vector<nlohmann::json> facts;
  for (std::size_t i = 0; i < table.size(); ++i) {
    const std::optional<nlohmann::json> fact = parse_fact(table[i]);
    REQUIRE(fact);
    facts.push_back(fact.value_or(nlohmann::json{}));
    CHECK(facts.back() == expected[i]);
  }
  REQUIRE(facts.size() == 8);
  CHECK(facts[0] == nlohmann::json{{"package", "cache"}, {"file", "/src/pkg/cache.go"}});

  // C.free(unsafe.Pointer(ck)) at 14:8, deferred: the call itself.
  CHECK(facts[1]["call"] == "free");
  CHECK(facts[1]["at"] == "/src/pkg/cache.go:14:8");
  CHECK(facts[1]["go_function"] == "Put");
  REQUIRE(facts[1]["args"].size() == 1);
  CHECK(facts[1]["args"][0]["kind"] == "c-memory");

  // C.ic_put(c, ck, unsafe.Pointer(&b[0])) at 15:2.
  const nlohmann::json &put = facts[2];
  CHECK(put["call"] == "ic_put");
  CHECK(put["at"] == "/src/pkg/cache.go:15:2");
  CHECK(put["go_function"] == "Put");
  REQUIRE(put["args"].size() == 3);
  CHECK(put["args"][0]["at"] == "/src/pkg/cache.go:15:11");
  CHECK(put["args"][1]["kind"] == "c-memory");
  CHECK(put["args"][1]["why"] == "C.CString at line 13");
  CHECK(put["args"][1]["freed_by_go"] == true); // defer C.free(unsafe.Pointer(ck))
  CHECK(put["args"][2]["kind"] == "go-memory");
  CHECK(put["args"][2]["freed_by_go"] == false);
  CHECK(put["args"][2]["at"] == "/src/pkg/cache.go:15:18");

  CHECK(facts[3]["call"] == "ic_use");
  CHECK(facts[3]["args"][0]["freed_by_go"] == true);
  CHECK(facts[3]["at"] == "/src/pkg/cache.go:16:2");
  CHECK(facts[4] == nlohmann::json{{"export", "goCount"}, {"at", "/src/pkg/cache.go:19:1"}});
  CHECK(facts[5] == nlohmann::json{{"noescape", "ic_use"}});
  CHECK(facts[6] == nlohmann::json{{"nocallback", "ic_use"}});
  CHECK(facts[7] == nlohmann::json{{"c_type", "int"}}); // goCount's result
  // Generated lines: the table maps to nothing.
  const std::uint32_t head =
      line_number(unit.text, "__attribute__((unused)) static const char *const _cgocheck_go_facts[] = {");
  REQUIRE(head > 0);
  CHECK_FALSE(unit.go_position(head + 1, 1));
  CHECK(lines_of(unit.text).back() == "    0};");
}

TEST_CASE("make_translation_unit: field accesses and C types in the facts table", "[cgo][package]") {
  const std::string pkt_go = "package pkt\n"
                             "\n"
                             "// struct packet { unsigned flags : 3; int len; };\n"
                             "// struct packet *make_packet(void);\n"
                             "import \"C\"\n"
                             "\n"
                             "func Flags(p *C.struct_packet) C.uint {\n"
                             "\tq := C.make_packet()\n"
                             "\treturn p.flags + C.uint(q.len)\n"
                             "}\n"
                             "\n"
                             "var zero = C.struct_packet{len: 0}\n";
  const cgo_package p = analyze({{"pkt.go", pkt_go}});
  REQUIRE(p.cgo_files.size() == 1);
  const cgo_source &src = p.cgo_files.at(0);
  const strings table = facts_table(make_translation_unit(p, src, "/out/pkt.cgo.c"));
  std::vector<nlohmann::json> facts;
  for (const std::string &t : table) {
    const std::optional<nlohmann::json> fact = parse_fact(t);
    REQUIRE(fact);
    facts.push_back(fact.value_or(nlohmann::json{}));
  }
  CHECK(facts == facts_as_json(p, src));
  // package, the call of make_packet, three accesses, two C types.
  REQUIRE(facts.size() == 7);
  CHECK(facts[1]["call"] == "make_packet");
  CHECK(facts[2] == nlohmann::json{{"field", "flags"},
                                   {"of", "struct_packet"},
                                   {"at", "/src/pkg/pkt.go:9:11"},
                                   {"go_function", "Flags"}});
  CHECK(facts[3] == nlohmann::json{{"field", "len"},
                                   {"via_call", "make_packet"},
                                   {"at", "/src/pkg/pkt.go:9:28"},
                                   {"go_function", "Flags"}});
  CHECK(facts[4] == nlohmann::json{{"field", "len"},
                                   {"of", "struct_packet"},
                                   {"at", "/src/pkg/pkt.go:12:28"},
                                   {"go_function", ""}});
  CHECK(facts[5] == nlohmann::json{{"c_type", "struct_packet"}});
  CHECK(facts[6] == nlohmann::json{{"c_type", "uint"}});
}

TEST_CASE("parse_fact: objects only", "[cgo][package]") {
  CHECK(parse_fact("{\"noescape\":\"f\"}") == nlohmann::json{{"noescape", "f"}});
  CHECK_FALSE(parse_fact("[1]"));
  CHECK_FALSE(parse_fact("\"s\""));
  CHECK_FALSE(parse_fact("{"));
  CHECK_FALSE(parse_fact(""));
}

TEST_CASE("c_string_literal: any bytes round-trip", "[cgo][package]") {
  const std::vector<std::string> samples{
      "",
      "plain text",
      R"(quote " and backslash \ and \")",
      std::string("trigraph ?") + "?= ?" + "?/ and a lone ?", // no trigraph written here
      "line\nbreak\r\ttab",
      std::string("hex after escape: \nabc \x01") + "f", // "\x01f" would be one escape
      "non-ASCII: caf\xc3\xa9 \xe2\x82\xac \xff\xfe",
      std::string("nul \0 inside", 12),
  };
  for (const std::string &s : samples) {
    const std::string lit = c_string_literal(s);
    INFO(lit);
    CHECK(decode_c_literal(lit) == s);
    CHECK(lit.find('\n') == std::string::npos);
    CHECK(lit.find('?') == std::string::npos);
  }
  std::string all;
  for (int c = 0; c < 256; ++c) {
    all += static_cast<char>(c);
  }
  CHECK(decode_c_literal(c_string_literal(all)) == all);
  CHECK(c_string_literal("a\"b") == "\"a\\\"b\"");
  CHECK(c_string_literal("?") == "\"\\x3f\"\"\"");
}

// --- _cgo_export.h -----------------------------------------------------------

namespace {

// Lines 3-6: the preamble.
const std::string exp_go = "package exp\n"
                           "\n"
                           "/*\n"
                           "#include <stdint.h>\n"
                           "struct img { int w; int h; };\n"
                           "*/\n"
                           "import \"C\"\n"
                           "\n"
                           "import \"unsafe\"\n"
                           "\n"
                           "type T int\n"
                           "\n"
                           "//export goVisit\n"
                           "func goVisit(ctx unsafe.Pointer, value C.int) C.int { return value }\n"
                           "\n"
                           "//export goPair\n"
                           "func goPair(a, b int) (int, error) { return a + b, nil }\n"
                           "\n"
                           "//export goMany\n"
                           "func goMany(s string, b []byte, m map[string]int, e error, im *C.struct_img) {}\n"
                           "\n"
                           "//export goMethod\n"
                           "func (t *T) goMethod(x C.uint) {}\n"
                           "\n"
                           "//export goNamed\n"
                           "func goNamed(p *C.char, n C.size_t) (count int64, ok bool) { return 0, true }\n";

const std::string plain_go = "package exp\n\n// int plain_only(void);\nimport \"C\"\n\nfunc P() { C.plain_only() }\n";

} // namespace

TEST_CASE("make_export_header: one declaration per //export", "[cgo][package]") {
  const cgo_package p = analyze({{"plain.go", plain_go}, {"exp.go", exp_go}});
  REQUIRE(p.findings.empty());
  const generated_file h = make_export_header(p, "/out/_cgo_export.h");
  CHECK(h.name == "_cgo_export.h");
  const std::string &t = h.text;
  // go tool cgo (1.19) writes the same types, with the Go parameter names
  // where cgocheck writes p0, p1, ...
  CHECK(t.find("\nextern int goVisit(void* p0, int p1);\n") != std::string::npos);
  CHECK(t.find("\nstruct goPair_return {\n  GoInt r0;\n  GoInterface r1;\n};\n"
               "extern struct goPair_return goPair(GoInt p0, GoInt p1);\n") != std::string::npos);
  CHECK(t.find("\nextern void goMany(GoString p0, GoSlice p1, GoMap p2, GoInterface p3, struct img* p4);\n") !=
        std::string::npos);
  // The receiver comes first. cmd/cgo knows T is an int and writes GoInt*;
  // cgocheck does not read Go type declarations and writes void*.
  CHECK(t.find("\nextern void goMethod(void* p0, unsigned int p1);\n") != std::string::npos);
  CHECK(t.find("\nstruct goNamed_return {\n  GoInt64 r0;\n  GoUint8 r1;\n};\n"
               "extern struct goNamed_return goNamed(char* p0, size_t p1);\n") != std::string::npos);
  // The Go types and C++ linkage.
  CHECK(t.find("typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;\n") != std::string::npos);
  CHECK(t.find("#ifdef __cplusplus\nextern \"C\" {\n#endif\n") != std::string::npos);
}

TEST_CASE("make_export_header: only exporting files' preambles, mapped to their .go file", "[cgo][package]") {
  const cgo_package p = analyze({{"plain.go", plain_go}, {"exp.go", exp_go}});
  const generated_file h = make_export_header(p, "/out/_cgo_export.h");
  CHECK(h.go_paths == strings{"/src/pkg/exp.go"});
  CHECK(h.text.find("plain_only") == std::string::npos);
  const std::uint32_t at = line_number(h.text, "#line 3 \"/src/pkg/exp.go\"");
  REQUIRE(at > 0);
  const strings lines = lines_of(h.text);
  CHECK(lines.size() == h.origins.size());
  // lines[k] is line k + 1: the "/*" line's rest, then the two C lines.
  CHECK(lines.at(at).empty());
  CHECK(lines.at(at + 1) == "#include <stdint.h>");
  CHECK(lines.at(at + 2) == "struct img { int w; int h; };");
  CHECK(lines.at(at + 3) == "#line " + std::to_string(at + 5) + " \"/out/_cgo_export.h\"");
  CHECK(go_at(h.go_position(at + 1, 1)) == "/src/pkg/exp.go:3:3");
  CHECK(go_at(h.go_position(at + 2, 1)) == "/src/pkg/exp.go:4:1");
  CHECK(go_at(h.go_position(at + 3, 8)) == "/src/pkg/exp.go:5:8");
  CHECK(go_at(h.go_position(at + 4, 1)) == "none");
  CHECK(go_at(h.go_position(at, 1)) == "none");
  CHECK(go_at(h.go_position(1, 1)) == "none");

  // Two exporting files: both preambles, each mapped to its own file.
  const cgo_package two = analyze(
      {{"exp.go", exp_go},
       {"more.go", "package exp\n\n// typedef int more_t;\nimport \"C\"\n\n//export goMore\nfunc goMore(v C.more_t) {}\n"}});
  const generated_file h2 = make_export_header(two, "/out/_cgo_export.h");
  CHECK(h2.go_paths == strings{"/src/pkg/exp.go", "/src/pkg/more.go"});
  const std::uint32_t more = line_number(h2.text, "#line 3 \"/src/pkg/more.go\"");
  REQUIRE(more > 0);
  CHECK(go_at(h2.go_position(more + 1, 2)) == "/src/pkg/more.go:3:4");
  CHECK(h2.text.find("\nextern void goMore(more_t p0);\n") != std::string::npos);
}

TEST_CASE("make_export_header: a package without exports adds nothing", "[cgo][package]") {
  const cgo_package with = analyze({{"plain.go", plain_go}, {"exp.go", exp_go}});
  const cgo_package without = analyze({{"plain.go", plain_go}});
  const generated_file h = make_export_header(without, "/out/_cgo_export.h");
  CHECK(h.go_paths.empty());
  // The banner, the Go types and an empty extern "C" block.
  CHECK(h.text == "/* Generated by cgocheck: the _cgo_export.h cgo writes for package exp. */\n" +
                      std::string(export_prologue) +
                      "\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n#ifdef __cplusplus\n}\n#endif\n");
  CHECK(std::all_of(h.origins.begin(), h.origins.end(), [](const auto &o) { return o.go_line == 0; }));
  // The same header with the exporting file has exactly its additions.
  CHECK(make_export_header(with, "/out/_cgo_export.h").text.size() > h.text.size());
}

// --- clang reads what we write ------------------------------------------------------

namespace {

bool have_clang() {
  // NOLINTNEXTLINE(cert-env33-c,concurrency-mt-unsafe): the test runs clang
  return std::system("command -v clang-19 >/dev/null 2>&1") == 0;
}

// Runs a command, returning its exit status and its combined output.
std::pair<int, std::string> run(const std::string &cmd) {
  std::string out;
  FILE *pipe = popen((cmd + " 2>&1").c_str(), "r"); // NOLINT(cert-env33-c): test driver running clang
  if (pipe == nullptr) {
    return {-1, out};
  }
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) {
    out.append(buf, n);
  }
  const int status = pclose(pipe);
  return {status, out};
}

void write_file(const std::filesystem::path &path, const std::string &text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  REQUIRE(out.good());
}

} // namespace

TEST_CASE("generated units and _cgo_export.h compile for linux and macOS targets", "[cgo][package]") {
  if (!have_clang()) {
    WARN("clang-19 not on PATH: skipped");
    return;
  }
  namespace fs = std::filesystem;
  std::string tmp_name = (fs::temp_directory_path() / "cgocheck-package-test-XXXXXX").string();
  REQUIRE(mkdtemp(tmp_name.data()) != nullptr);
  const fs::path tmp = tmp_name;

  const cgo_package p = analyze({{"cache.go", cache_go}, {"exp.go", exp_go}}, options("linux", "amd64", 24));
  REQUIRE(p.findings.empty());
  strings units;
  for (const cgo_source &src : p.cgo_files) {
    const std::string path = (tmp / unit_name(src.name)).string();
    write_file(path, make_translation_unit(p, src, path).text);
    units.push_back(path);
  }
  const std::string header = (tmp / "_cgo_export.h").string();
  write_file(header, make_export_header(p, header).text);
  // A package .c file using the header, and checks of what the literals hold.
  std::string user = "#include \"_cgo_export.h\"\n"
                     "_Static_assert(sizeof(GoInt) == sizeof(void *), \"GoInt is pointer-sized\");\n"
                     "int call_back(void) {\n"
                     "  struct goPair_return r = goPair(1, 2);\n"
                     "  struct img i = {1, 2};\n"
                     "  goMany((GoString){\"s\", 1}, (GoSlice){0, 0, 0}, 0, (GoInterface){0, 0}, &i);\n"
                     "  return goVisit(NULL, (int)r.r0) + goCount();\n"
                     "}\n";
  const std::string tricky = std::string("q\"\\?\?=\n\xc3\xa9\x01" "f", 10);
  user += "_Static_assert(sizeof(" + c_string_literal(tricky) + ") == " + std::to_string(tricky.size() + 1) +
          ", \"c_string_literal keeps every byte\");\n";
  write_file(tmp / "user.c", user);
  units.push_back((tmp / "user.c").string());

  // The host's C library headers serve x86_64 only; the other targets use
  // clang's own stddef.h and stdint.h (as `cgocheck lint` does for macOS
  // without an SDK).
  for (const std::string target : {"--target=x86_64-linux-gnu", "--target=aarch64-linux-gnu -nostdlibinc",
                                   "--target=arm64-apple-macos11 -nostdlibinc"}) {
    for (const std::string &unit : units) {
      std::string cmd = "clang-19 -fsyntax-only -x c -std=c11 -Wall -Wextra -Werror ";
      cmd.append(target).append(" -I").append(tmp.string()).append(" ").append(unit);
      const auto [status, output] = run(cmd);
      INFO(cmd << "\n" << output);
      CHECK(status == 0);
      CHECK(output.empty());
    }
  }

  // A C error in a preamble is reported at its .go line; go_position turns
  // clang's column (of the unit line) into the .go column.
  const std::string bad_go = "package bad\n\n// #include <stddef.h>\n// int bad(void) { return undeclared_name; }\n"
                             "import \"C\"\n";
  const cgo_package bad = analyze({{"bad.go", bad_go}});
  const std::string bad_path = (tmp / "bad.cgo.c").string();
  const generated_file bad_unit = make_translation_unit(bad, bad.cgo_files.at(0), bad_path);
  write_file(bad_path, bad_unit.text);
  const auto [status, output] = run("clang-19 -fsyntax-only -x c --target=x86_64-linux-gnu -nostdlibinc " + bad_path);
  INFO(output);
  CHECK(status != 0);
  // "// int bad(void) { return undeclared_name; }": 'u' is .go column 27,
  // unit column 25 (the unit line starts at .go column 3).
  CHECK(output.find("/src/pkg/bad.go:4:25: error: use of undeclared identifier 'undeclared_name'") !=
        std::string::npos);
  const std::uint32_t unit_line = line_number(bad_unit.text, " int bad(void) { return undeclared_name; }");
  CHECK(go_at(bad_unit.go_position(unit_line, 25)) == "/src/pkg/bad.go:4:27");
  fs::remove_all(tmp);
}
