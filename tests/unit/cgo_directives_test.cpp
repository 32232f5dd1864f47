// `#cgo` lines (cgo/directives.hpp), and the replay of the go1.19.8
// `go list` ground truth in data/cgo_directives_go119.json (written by
// tests/live/cgo_directives_live.py) through the constraints and directives
// model.
//
// Rules checked against src/go/build/build.go (saveCgo, splitQuoted,
// safeCgoName, expandSrcDir, makePathsAbsolute), go1.19.8, and for `#cgo
// noescape/nocallback` the 1.22+ saveCgo and cmd/cgo.
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/constraints.hpp"
#include "cgocheck/cgo/directives.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

using cgocheck::buildenv::go_version;
using cgocheck::cgo::build_context;
using cgocheck::cgo::cgo_directive;
using cgocheck::cgo::cgo_verb;
using cgocheck::cgo::decide_go_file;
using cgocheck::cgo::decide_other_file;
using cgocheck::cgo::directive_result;
using cgocheck::cgo::expand_srcdir;
using cgocheck::cgo::file_decision;
using cgocheck::cgo::is_cgo_line;
using cgocheck::cgo::make_paths_absolute;
using cgocheck::cgo::parse_cgo_directive;
using cgocheck::cgo::safe_cgo_arg;
using cgocheck::cgo::split_quoted;
using cgocheck::cgo::split_result;
using strings = std::vector<std::string>;
using kind = cgo_directive::kind;

namespace {

build_context context(const char *goos = "linux", const char *goarch = "amd64", int minor = 19) {
  build_context c;
  c.goos = goos;
  c.goarch = goarch;
  c.version = go_version{minor};
  return c;
}

constexpr const char *dir = "/home/u/m/p";

directive_result parse(std::string_view line, const build_context &c = context()) {
  return parse_cgo_directive(line, c, dir);
}

} // namespace

// --- split_quoted -------------------------------------------------------------

TEST_CASE("split_quoted: the example of go/build's splitQuoted doc comment", "[cgo][directives]") {
  const split_result r = split_quoted(R"(a b:"c d" 'e''f'  "g\"")");
  CHECK_FALSE(r.error.has_value());
  CHECK(r.args == strings{"a", "b:c d", "ef", "g\""});
}

TEST_CASE("split_quoted: quotes toggle inside a word and make empty words", "[cgo][directives]") {
  CHECK(split_quoted("-DX='a b'c").args == strings{"-DX=a bc"});
  CHECK(split_quoted("'' x").args == strings{"", "x"});
  CHECK(split_quoted("\"\"").args == strings{""});
  CHECK(split_quoted("'a\"b'").args == strings{"a\"b"});
  CHECK(split_quoted("   ").args.empty());
  CHECK(split_quoted("").args.empty());
}

TEST_CASE("split_quoted: a backslash escapes the next character, in quotes too", "[cgo][directives]") {
  CHECK(split_quoted(R"(a\ b)").args == strings{"a b"});
  CHECK(split_quoted(R"('a\'b')").args == strings{"a'b"});
  CHECK(split_quoted(R"(\\)").args == strings{"\\"});
  CHECK(split_quoted(R"(\a)").args == strings{"a"});
}

TEST_CASE("split_quoted: errors keep the words read so far", "[cgo][directives]") {
  const split_result unclosed = split_quoted("a 'b c");
  CHECK(unclosed.error == std::optional<std::string>("unclosed quote"));
  CHECK(unclosed.args == strings{"a", "b c"});
  const split_result escape = split_quoted("a b\\");
  CHECK(escape.error == std::optional<std::string>("unfinished escaping"));
  CHECK(escape.args == strings{"a", "b"});
}

TEST_CASE("split_quoted: Unicode white space separates, invalid UTF-8 becomes U+FFFD", "[cgo][directives]") {
  CHECK(split_quoted("a\xC2\xA0" "b").args == strings{"a", "b"});      // U+00A0
  CHECK(split_quoted("a\xE3\x80\x80" "b").args == strings{"a", "b"});  // U+3000
  CHECK(split_quoted("a\x0B" "b\x0C" "c").args == strings{"a", "b", "c"});
  CHECK(split_quoted("x\xFFy").args == strings{"x\xEF\xBF\xBDy"});
  CHECK(split_quoted("\xC3\xA9t\xC3\xA9").args == strings{"\xC3\xA9t\xC3\xA9"});
}

// --- safe_cgo_arg / expand_srcdir / make_paths_absolute ---------------------

TEST_CASE("safe_cgo_arg: go/build's character set", "[cgo][directives]") {
  CHECK(safe_cgo_arg("-Wl,-rpath,$ORIGIN/lib"));
  CHECK(safe_cgo_arg("+-.,/=_:$@%! ~^azAZ09"));
  CHECK(safe_cgo_arg("-DNAME=\xC3\xA9"));
  CHECK(safe_cgo_arg("\xFF"));
  CHECK_FALSE(safe_cgo_arg(""));
  for (const char c : std::string(";&|<>*?()'\"\\#`[]{}\t\n")) {
    INFO("character " << static_cast<int>(c));
    CHECK_FALSE(safe_cgo_arg(std::string("-DX=") + c));
  }
}

TEST_CASE("expand_srcdir: each piece, the directory and the result are checked", "[cgo][directives]") {
  CHECK(expand_srcdir("-I${SRCDIR}/inc", "/a/b").value == "-I/a/b/inc");
  CHECK(expand_srcdir("-I${SRCDIR}/inc", "/a/b").ok);
  CHECK(expand_srcdir("${SRCDIR}${SRCDIR}", "/d").value == "/d/d");
  CHECK(expand_srcdir("${SRCDIR}", "/d").ok);
  const auto bad_chunk = expand_srcdir("-I${SRCDIR}/a;b", "/d");
  CHECK_FALSE(bad_chunk.ok);
  CHECK(bad_chunk.value == "-I/d/a;b");
  CHECK_FALSE(expand_srcdir("-I${SRCDIR}", "/dir (x)").ok);
  CHECK(expand_srcdir("-DX", "/dir (x)").ok); // the directory only matters where it is used
  CHECK_FALSE(expand_srcdir("${SRCDIR}", "").ok); // empty result
  CHECK(expand_srcdir("-I${SRCDIR}", "").ok);
  CHECK_FALSE(expand_srcdir("", "/d").ok);
  CHECK_FALSE(expand_srcdir("${SRCDIR", "/d").ok); // not the variable, and '{' is unsafe
}

TEST_CASE("make_paths_absolute: relative -I/-L, joined or separate, cleaned", "[cgo][directives]") {
  strings args{"-Iinc", "-I", "inc2", "-I./x/../y", "-I/abs", "-I.", "-L../lib", "-L", "/usr/lib", "-DX", "-I"};
  make_paths_absolute(args, "/s/p");
  CHECK(args == strings{"-I/s/p/inc", "-I", "/s/p/inc2", "-I/s/p/y", "-I/abs", "-I/s/p", "-L/s/lib", "-L",
                        "/usr/lib", "-DX", "-I"});
  strings next{"-I", "-DNEXT", "-isystem", "inc"};
  make_paths_absolute(next, "/s/p");
  CHECK(next == strings{"-I", "/s/p/-DNEXT", "-isystem", "inc"});
  strings above{"-I../../../../x", "-Ia//b/./c/"};
  make_paths_absolute(above, "/s/p");
  CHECK(above == strings{"-I/x", "-I/s/p/a/b/c"});
}

// --- parse_cgo_directive -------------------------------------------------------

TEST_CASE("parse_cgo_directive: a plain line", "[cgo][directives]") {
  const directive_result r = parse("#cgo CFLAGS: -O2 -DX=1");
  REQUIRE(r.directive);
  CHECK_FALSE(r.error);
  CHECK(r.directive->what == kind::flags);
  CHECK(r.directive->applies);
  CHECK(r.directive->verb == cgo_verb::cflags);
  CHECK(r.directive->args == strings{"-O2", "-DX=1"});
  CHECK(r.directive->conditions.empty());
}

TEST_CASE("parse_cgo_directive: every verb, pkg-config paths stay relative", "[cgo][directives]") {
  CHECK(parse("#cgo CPPFLAGS: -Iinc").directive->verb == cgo_verb::cppflags);
  CHECK(parse("#cgo CPPFLAGS: -Iinc").directive->args == strings{"-I/home/u/m/p/inc"});
  CHECK(parse("#cgo CXXFLAGS: -std=c++17").directive->verb == cgo_verb::cxxflags);
  CHECK(parse("#cgo FFLAGS: -Iinc").directive->args == strings{"-I/home/u/m/p/inc"});
  CHECK(parse("#cgo LDFLAGS: -L lib -lz").directive->args == strings{"-L", "/home/u/m/p/lib", "-lz"});
  const directive_result pc = parse("#cgo pkg-config: --static -Irel zlib");
  REQUIRE(pc.directive);
  CHECK(pc.directive->verb == cgo_verb::pkg_config);
  CHECK(pc.directive->args == strings{"--static", "-Irel", "zlib"});
}

TEST_CASE("parse_cgo_directive: conditions are ORed, each a +build term or a //go:build expression",
          "[cgo][directives]") {
  const build_context linux = context();
  const build_context mac = context("darwin", "arm64");
  const auto applies = [](std::string_view line, const build_context &c) {
    const directive_result r = parse(line, c);
    REQUIRE(r.directive);
    return r.directive->applies;
  };
  CHECK(applies("#cgo linux CFLAGS: -DX", linux));
  CHECK_FALSE(applies("#cgo linux CFLAGS: -DX", mac));
  CHECK(applies("#cgo linux,amd64 CFLAGS: -DX", linux));
  CHECK_FALSE(applies("#cgo linux,arm64 CFLAGS: -DX", linux));
  CHECK(applies("#cgo darwin arm64 CFLAGS: -DX", mac));
  CHECK_FALSE(applies("#cgo darwin arm64 CFLAGS: -DX", linux));
  CHECK(applies("#cgo !windows CFLAGS: -DX", linux));
  CHECK(applies("#cgo linux&&amd64 CFLAGS: -DX", linux));
  CHECK(applies("#cgo (linux||darwin)&&!arm64 CFLAGS: -DX", linux));
  CHECK_FALSE(applies("#cgo (linux||darwin)&&!arm64 CFLAGS: -DX", mac));
  CHECK_FALSE(applies("#cgo linux&& CFLAGS: -DX", linux)); // does not parse: no match, no error
  CHECK_FALSE(applies("#cgo !!linux CFLAGS: -DX", linux));
  CHECK_FALSE(applies("#cgo linux,foo-bar CFLAGS: -DX", linux));
  CHECK(applies("#cgo unix CFLAGS: -DX", mac));
  CHECK(parse("#cgo darwin arm64 CFLAGS: -DX", mac).directive->conditions == strings{"darwin", "arm64"});
}

TEST_CASE("parse_cgo_directive: go/build's error texts, quoting the line as given", "[cgo][directives]") {
  CHECK(parse("#cgo CFLAGS -O2").error == std::optional<std::string>("invalid #cgo line: #cgo CFLAGS -O2"));
  CHECK(parse("#cgo : -O2").error == std::optional<std::string>("invalid #cgo line: #cgo : -O2"));
  CHECK(parse("#cgo FOO").error == std::optional<std::string>("invalid #cgo line: #cgo FOO"));
  CHECK(parse("#cgo FOO: x").error == std::optional<std::string>("invalid #cgo verb: #cgo FOO: x"));
  CHECK(parse("  #cgo cflags: x").error == std::optional<std::string>("invalid #cgo verb:   #cgo cflags: x"));
  CHECK(parse("#cgo CFLAGS: '-DX").error == std::optional<std::string>("invalid #cgo line: #cgo CFLAGS: '-DX"));
  CHECK(parse("#cgo CFLAGS: -DX\\").error == std::optional<std::string>("invalid #cgo line: #cgo CFLAGS: -DX\\"));
  CHECK(parse("#cgo CFLAGS: -DX=a;b").error == std::optional<std::string>("malformed #cgo argument: -DX=a;b"));
  CHECK(parse("#cgo CFLAGS: ''").error == std::optional<std::string>("malformed #cgo argument: "));
  CHECK(parse("#cgo CFLAGS: -I${SRCDIR}/a;b").error ==
        std::optional<std::string>("malformed #cgo argument: -I/home/u/m/p/a;b"));
  // An error means go/build rejects the file: no directive.
  CHECK_FALSE(parse("#cgo FOO: x").directive.has_value());
}

TEST_CASE("parse_cgo_directive: a line that does not apply is never an error", "[cgo][directives]") {
  const directive_result verb = parse("#cgo windows FOO: x");
  CHECK_FALSE(verb.error);
  REQUIRE(verb.directive);
  CHECK_FALSE(verb.directive->applies);
  CHECK(verb.directive->verb_text == "FOO");
  CHECK(verb.directive->inactive_error == std::optional<std::string>("invalid #cgo verb: #cgo windows FOO: x"));
  const directive_result arg = parse("#cgo windows CFLAGS: -DX=a;b");
  CHECK_FALSE(arg.error);
  REQUIRE(arg.directive);
  CHECK(arg.directive->inactive_error == std::optional<std::string>("malformed #cgo argument: -DX=a;b"));
  const directive_result ok = parse("#cgo windows LDFLAGS: -L lib");
  REQUIRE(ok.directive);
  CHECK_FALSE(ok.directive->inactive_error);
  CHECK(ok.directive->args == strings{"-L", "/home/u/m/p/lib"}); // args are filled anyway
}

TEST_CASE("parse_cgo_directive: which lines are #cgo lines", "[cgo][directives]") {
  CHECK(is_cgo_line("#cgo CFLAGS: x"));
  CHECK(is_cgo_line("#cgo\tCFLAGS: x"));
  CHECK(is_cgo_line("   #cgo CFLAGS: x  "));
  CHECK_FALSE(is_cgo_line("#cgofoo CFLAGS: x"));
  CHECK_FALSE(is_cgo_line("#cgo"));
  CHECK_FALSE(is_cgo_line("#include <stdio.h>"));
  const directive_result r = parse("#include <stdio.h>");
  CHECK_FALSE(r.directive);
  CHECK_FALSE(r.error);
  CHECK(parse("#cgo\tCFLAGS: -DTAB").directive->args == strings{"-DTAB"});
}

TEST_CASE("parse_cgo_directive: the first colon ends the verb", "[cgo][directives]") {
  const directive_result r = parse("#cgo LDFLAGS: -Wl,-rpath,/a:/b");
  REQUIRE(r.directive);
  CHECK(r.directive->args == strings{"-Wl,-rpath,/a:/b"});
  CHECK(parse("#cgo LDFLAGS:-lm").directive->args == strings{"-lm"});
}

TEST_CASE("parse_cgo_directive: #cgo noescape/nocallback by Go version", "[cgo][directives]") {
  // <= 1.21: an ordinary line without a colon.
  for (const int minor : {19, 20, 21}) {
    const directive_result r = parse("#cgo noescape f", context("linux", "amd64", minor));
    CHECK(r.error == std::optional<std::string>("invalid #cgo line: #cgo noescape f"));
    CHECK_FALSE(r.directive);
  }
  // 1.22, 1.23: parsed, but cmd/cgo stops.
  for (const int minor : {22, 23}) {
    const directive_result r = parse("#cgo noescape f", context("linux", "amd64", minor));
    REQUIRE(r.directive);
    CHECK(r.directive->what == kind::noescape);
    CHECK(r.directive->name == "f");
    CHECK(r.error == std::optional<std::string>("#cgo noescape disabled until Go 1.23"));
    const directive_result cb = parse("#cgo nocallback g", context("linux", "amd64", minor));
    REQUIRE(cb.directive);
    CHECK(cb.directive->what == kind::nocallback);
    CHECK(cb.error == std::optional<std::string>("#cgo nocallback disabled until Go 1.23"));
  }
  // 1.24+: accepted.
  for (const int minor : {24, 27}) {
    const directive_result r = parse("  #cgo\tnocallback   g", context("linux", "amd64", minor));
    REQUIRE(r.directive);
    CHECK(r.directive->what == kind::nocallback);
    CHECK(r.directive->applies);
    CHECK(r.directive->name == "g");
    CHECK_FALSE(r.error);
  }
  // Not three fields: an ordinary line again.
  CHECK(parse("#cgo noescape f g", context("linux", "amd64", 24)).error ==
        std::optional<std::string>("invalid #cgo line: #cgo noescape f g"));
  CHECK(parse("#cgo linux noescape f", context("linux", "amd64", 24)).error ==
        std::optional<std::string>("invalid #cgo line: #cgo linux noescape f"));
}

// --- the go1.19.8 ground truth ---------------------------------------------------

namespace {

using json = nlohmann::json;

std::filesystem::path data_dir() {
#ifdef CGOCHECK_TEST_DATA_DIR
  return CGOCHECK_TEST_DATA_DIR;
#else
  return std::filesystem::path(__FILE__).parent_path() / "data";
#endif
}

strings to_strings(const json &j) {
  strings out;
  for (const json &v : j) {
    out.push_back(v.get<std::string>());
  }
  return out;
}

bool has_suffix(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

const char *flags_key(cgo_verb v) {
  switch (v) {
  case cgo_verb::cflags: return "CgoCFLAGS";
  case cgo_verb::cppflags: return "CgoCPPFLAGS";
  case cgo_verb::cxxflags: return "CgoCXXFLAGS";
  case cgo_verb::fflags: return "CgoFFLAGS";
  case cgo_verb::ldflags: return "CgoLDFLAGS";
  case cgo_verb::pkg_config: return "CgoPkgConfig";
  }
  return "";
}

const char *list_for_extension(std::string_view ext) {
  if (ext == ".c") {
    return "CFiles";
  }
  if (ext == ".cc" || ext == ".cpp" || ext == ".cxx") {
    return "CXXFiles";
  }
  if (ext == ".h" || ext == ".hh" || ext == ".hpp" || ext == ".hxx") {
    return "HFiles";
  }
  if (ext == ".s") {
    return "SFiles";
  }
  if (ext == ".syso") {
    return "SysoFiles";
  }
  return "OtherFiles";
}

/// What go/build's Context.Import does with the files of one case, using the
/// model for every decision.
std::map<std::string, json> replay(const json &c) {
  build_context ctx;
  ctx.goos = c["goos"].get<std::string>();
  ctx.goarch = c["goarch"].get<std::string>();
  ctx.cgo_enabled = c["cgo_enabled"].get<bool>();
  ctx.version = go_version{19};
  ctx.build_tags = to_strings(c["build_tags"]);
  ctx.tool_tags = to_strings(c["tool_tags"]);
  const std::string pkg_dir = c["dir"].get<std::string>();

  std::map<std::string, strings> lists;
  std::string error;
  const auto bad = [&](const std::string &name, const std::string &message) {
    strings &invalid = lists["InvalidGoFiles"];
    if (std::find(invalid.begin(), invalid.end(), name) == invalid.end()) {
      invalid.push_back(name);
    }
    if (error.empty()) {
      error = message;
    }
  };
  std::vector<json> files(c["files"].begin(), c["files"].end());
  std::sort(files.begin(), files.end(), [](const json &a, const json &b) {
    return a["name"].get<std::string>() < b["name"].get<std::string>();
  });
  strings s_files; // .S/.sx: kept only when the package uses cgo
  for (const json &f : files) {
    const std::string name = f["name"].get<std::string>();
    const std::string content = f["content"].get<std::string>();
    if (name.front() == '_' || name.front() == '.') {
      continue;
    }
    const std::size_t dot = name.rfind('.');
    const std::string ext = dot == std::string::npos ? "" : name.substr(dot);
    const file_decision by_content = decide_other_file(name, content, ctx);
    if (ext != ".go") {
      if (by_content.error) {
        bad(name, by_content.unreadable ? "read " + pkg_dir + "/" + name + ": " + *by_content.error
                                        : name + ": " + *by_content.error);
        continue;
      }
      if (!by_content.included) {
        if (cgocheck::cgo::detail::bc::known_extension(ext)) {
          lists["IgnoredOtherFiles"].push_back(name);
        }
        continue;
      }
      if (ext == ".S" || ext == ".sx") {
        s_files.push_back(name);
      } else {
        lists[list_for_extension(ext)].push_back(name);
      }
      continue;
    }
    const file_decision d = decide_go_file(name, to_strings(f["go_build"]), to_strings(f["plus_build"]), ctx);
    // The header scanner must find the same lines the case lists.
    INFO("file " << name << ": " << d.reason << " / " << by_content.reason);
    CHECK(d.included == by_content.included);
    CHECK(d.error == by_content.error);
    if (d.error) {
      bad(name, name + ": " + *d.error);
      continue;
    }
    if (!d.included) {
      lists["IgnoredGoFiles"].push_back(name);
      continue;
    }
    if (has_suffix(name, "_test.go")) {
      lists["TestGoFiles"].push_back(name);
      continue;
    }
    if (!f["imports_c"].get<bool>()) {
      lists["GoFiles"].push_back(name);
      continue;
    }
    for (const json &line : f["cgo_lines"]) {
      const directive_result r = parse_cgo_directive(line.get<std::string>(), ctx, pkg_dir);
      if (r.error) {
        bad(name, pkg_dir + "/" + name + ": " + *r.error);
        break;
      }
      if (r.directive && r.directive->applies) {
        strings &flags = lists[flags_key(r.directive->verb)];
        flags.insert(flags.end(), r.directive->args.begin(), r.directive->args.end());
      }
    }
    lists[ctx.cgo_enabled ? "CgoFiles" : "IgnoredGoFiles"].push_back(name);
  }
  strings &target = lists[lists["CgoFiles"].empty() ? "IgnoredOtherFiles" : "SFiles"];
  target.insert(target.end(), s_files.begin(), s_files.end());
  std::map<std::string, json> out;
  for (auto &[key, values] : lists) {
    const bool flags = key.rfind("Cgo", 0) == 0 && key != "CgoFiles"; // flags keep their order
    if (!flags) {
      std::sort(values.begin(), values.end());
    }
    out[key] = values;
  }
  out["Error"] = error;
  return out;
}

} // namespace

TEST_CASE("the model agrees with go1.19.8's go list on every recorded case", "[cgo][directives][live]") {
  const std::filesystem::path path = data_dir() / "cgo_directives_go119.json";
  std::ifstream in(path);
  REQUIRE(in.good());
  const json data = json::parse(in);
  REQUIRE(data["cases"].size() >= 60);
  std::size_t disagreements = 0;
  for (const json &c : data["cases"]) {
    const std::string name = c["name"].get<std::string>();
    INFO("case " << name << " (" << c["goos"].get<std::string>() << "/" << c["goarch"].get<std::string>() << ")");
    std::map<std::string, json> got = replay(c);
    for (const auto &[key, want] : c["expect"].items()) {
      const json have = got.count(key) != 0 ? got[key] : (want.is_string() ? json("") : json::array());
      INFO("field " << key);
      CHECK(have == want);
      disagreements += have == want ? 0 : 1;
    }
  }
  CHECK(disagreements == 0);
}
