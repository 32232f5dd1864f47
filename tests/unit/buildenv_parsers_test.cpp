// The small parsers and tables of cgocheck::buildenv: Go versions, the go/env
// file format, quoted word splitting, GOFLAGS, GODEBUG/GOEXPERIMENT and the
// per-target facts.
//
// Rules checked against the Go sources (go1.19.8 unless said otherwise):
// - go/env format: initEnvCache / readEnvFile, src/cmd/go/internal/cfg/cfg.go.
// - quoted_split / quoted_join: src/cmd/internal/quoted/quoted.go.
// - GOFLAGS: InitGOFLAGS, src/cmd/go/internal/base/goflags.go (strings.Fields
//   in 1.19, quoted.Split from 1.21).
// - GODEBUG: parsedebugvars, src/runtime/runtime1.go; cgocheck > 1 throws at
//   startup from 1.21.
// - cgo table: src/go/build/zcgo.go; default compilers:
//   src/cmd/go/internal/cfg/zdefaultcc.go; "-g -O2":
//   src/cmd/go/internal/work/exec.go (CFlags).
#include "cgocheck/buildenv/env_file.hpp"
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/goflags.hpp"
#include "cgocheck/buildenv/platform.hpp"
#include "cgocheck/buildenv/quoted.hpp"
#include "cgocheck/buildenv/runtime_debug.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using cgocheck::buildenv::apply_flags;
using cgocheck::buildenv::cgo_runtime_checks;
using cgocheck::buildenv::cgo_supported;
using cgocheck::buildenv::debug_setting;
using cgocheck::buildenv::default_cflags;
using cgocheck::buildenv::default_compilers;
using cgocheck::buildenv::env_file;
using cgocheck::buildenv::env_join;
using cgocheck::buildenv::experiment_enabled;
using cgocheck::buildenv::go_version;
using cgocheck::buildenv::judge_cgo_runtime_checks;
using cgocheck::buildenv::parse_env_file;
using cgocheck::buildenv::parse_go_version;
using cgocheck::buildenv::parse_goflags;
using cgocheck::buildenv::quoted_join;
using cgocheck::buildenv::quoted_split;
using cgocheck::buildenv::split_goflags;
using cgocheck::buildenv::target;
using cgocheck::buildenv::toolchain_build;
using cgocheck::buildenv::valid_pair;
using Catch::Matchers::Contains;
using strings = std::vector<std::string>;
using mode = cgo_runtime_checks::mode;

namespace {
constexpr go_version go119{19};
constexpr go_version go120{20};
constexpr go_version go121{21};
} // namespace

// --- go_version.hpp ---------------------------------------------------------

TEST_CASE("parse_go_version accepts the spellings of 1.19 ... 1.27", "[buildenv][go_version]") {
  CHECK(parse_go_version("1.19") == go_version{19});
  CHECK(parse_go_version("1.21.3") == go_version{21});
  CHECK(parse_go_version("go1.21.3") == go_version{21});
  CHECK(parse_go_version("go1.23") == go_version{23});
  CHECK(parse_go_version("go1.22rc1") == go_version{22});
  CHECK(parse_go_version("go1.24beta1") == go_version{24});
  CHECK(parse_go_version("go version go1.19.8 linux/amd64") == go_version{19});
  CHECK(parse_go_version("go version go1.27.3 darwin/arm64") == go_version{27});
  CHECK(parse_go_version("1.27") == go_version{27});
}

TEST_CASE("parse_go_version rejects other releases and text", "[buildenv][go_version]") {
  CHECK_FALSE(parse_go_version("1.18").has_value());
  CHECK_FALSE(parse_go_version("1.28").has_value());
  CHECK_FALSE(parse_go_version("2.0").has_value());
  CHECK_FALSE(parse_go_version("abc").has_value());
  CHECK_FALSE(parse_go_version("").has_value());
  CHECK_FALSE(parse_go_version("1.").has_value());
  CHECK_FALSE(parse_go_version("go1.21x").has_value());
  CHECK_FALSE(parse_go_version("1.210").has_value());
  CHECK_FALSE(parse_go_version("go version devel +abc linux/amd64").has_value());
}

TEST_CASE("go_version orders by minor and prints 1.N", "[buildenv][go_version]") {
  CHECK(go_version{19} < go_version{21});
  CHECK(go_version{21} >= go_version{21});
  CHECK(go_version{27} > go_version{19});
  CHECK(go_version{21} != go_version{20});
  CHECK(go_version{21}.str() == "1.21");
  CHECK(cgocheck::buildenv::oldest_modelled == go_version{19});
  CHECK(cgocheck::buildenv::newest_modelled == go_version{27});
  CHECK_FALSE(cgocheck::buildenv::is_verified_from_source(go120));
  CHECK(cgocheck::buildenv::is_verified_from_source(go121));
}

// --- env_file.hpp -----------------------------------------------------------

TEST_CASE("go/env file: cut at the first '=', value kept raw", "[buildenv][env_file]") {
  const env_file f = parse_env_file("CC=clang -Wall\n"
                                    "CGO_CFLAGS= \"-O2\" \r\n"
                                    "GOFLAGS=-ldflags=-s=1\n"
                                    "CC =spaced key\n"
                                    "EMPTY=");
  REQUIRE(f.entries.size() == 5);
  CHECK(f.entries[0].key == "CC");
  CHECK(f.entries[0].value == "clang -Wall");
  CHECK(f.entries[0].line == 1);
  // Spaces, quotes and the '\r' of a CRLF file are part of the value.
  CHECK(f.entries[1].key == "CGO_CFLAGS");
  CHECK(f.entries[1].value == " \"-O2\" \r");
  CHECK(f.entries[1].line == 2);
  CHECK(f.entries[2].key == "GOFLAGS");
  CHECK(f.entries[2].value == "-ldflags=-s=1");
  // The key is taken verbatim, trailing space included.
  CHECK(f.entries[3].key == "CC ");
  CHECK(f.entries[3].value == "spaced key");
  CHECK(f.entries[4].key == "EMPTY");
  CHECK(f.entries[4].value.empty());
  CHECK(f.entries[4].line == 5);
  CHECK(f.ignored.empty());
}

TEST_CASE("go/env file: lines the go command skips are listed with reasons", "[buildenv][env_file]") {
  const env_file f = parse_env_file("# a comment=with equals\n"
                                    "lowercase=x\n"
                                    "NOEQUALS\n"
                                    "\n"
                                    "   \t\n"
                                    " CC=leading-space\n"
                                    "=value\n"
                                    "_UNDERSCORE=1\n"
                                    "AR=ar\n");
  REQUIRE(f.entries.size() == 1);
  CHECK(f.entries[0].key == "AR");
  CHECK(f.entries[0].line == 9);
  REQUIRE(f.ignored.size() == 6);
  CHECK(f.ignored[0].line == 1);
  CHECK(f.ignored[0].reason == "comment");
  CHECK(f.ignored[0].text == "# a comment=with equals");
  CHECK(f.ignored[1].line == 2);
  CHECK(f.ignored[1].reason == "does not start with an upper-case letter A-Z");
  CHECK(f.ignored[2].line == 3);
  CHECK(f.ignored[2].reason == "no '=' on the line");
  CHECK(f.ignored[2].text == "NOEQUALS");
  // Lines 4 and 5 are blank and not listed.
  CHECK(f.ignored[3].line == 6);
  CHECK(f.ignored[3].text == " CC=leading-space");
  CHECK(f.ignored[4].line == 7);
  CHECK(f.ignored[5].line == 8);
  CHECK(f.find("CC") == nullptr);
}

TEST_CASE("go/env file: the last line for a key wins", "[buildenv][env_file]") {
  const env_file f = parse_env_file("CC=gcc\nCXX=g++\nCC=clang\nCC=/opt/cc\n");
  const auto *cc = f.find("CC");
  REQUIRE(cc != nullptr);
  CHECK(cc->value == "/opt/cc");
  CHECK(cc->line == 4);
  const auto shadowed = f.shadowed("CC");
  REQUIRE(shadowed.size() == 2);
  CHECK(shadowed[0]->line == 1);
  CHECK(shadowed[0]->value == "gcc");
  CHECK(shadowed[1]->line == 3);
  CHECK(f.shadowed("CXX").empty());
  CHECK(f.shadowed("AR").empty());
  CHECK(f.find("AR") == nullptr);
  REQUIRE(f.find("CXX") != nullptr);
  CHECK(f.find("CXX")->line == 2);
}

TEST_CASE("go/env file: empty input and a missing final newline", "[buildenv][env_file]") {
  const env_file empty = parse_env_file("");
  CHECK(empty.entries.empty());
  CHECK(empty.ignored.empty());
  const env_file one = parse_env_file("GOOS=linux");
  REQUIRE(one.entries.size() == 1);
  CHECK(one.entries[0].value == "linux");
  CHECK(one.entries[0].line == 1);
  const env_file newlines = parse_env_file("\n\n\nGOARCH=arm64\n");
  REQUIRE(newlines.entries.size() == 1);
  CHECK(newlines.entries[0].line == 4);
}

// --- quoted.hpp -------------------------------------------------------------

TEST_CASE("quoted_split: white space separates, quotes group", "[buildenv][quoted]") {
  CHECK(quoted_split("  -O2\t-g   -Wall ").fields == strings{"-O2", "-g", "-Wall"});
  CHECK(quoted_split("a\nb\rc").fields == strings{"a", "b", "c"});
  CHECK(quoted_split("'-DX=a b' \"-DY=c\td\" -g").fields == strings{"-DX=a b", "-DY=c\td", "-g"});
  // No escapes inside quotes: the backslash is literal and the quote ends it.
  CHECK(quoted_split("'a\\' b").fields == strings{"a\\", "b"});
  // A quote inside a field is literal.
  CHECK(quoted_split("-DX='a b'").fields == strings{"-DX='a", "b'"});
  CHECK(quoted_split("it\"s").fields == strings{"it\"s"});
  // Quotes must surround the whole field, else the field ends at the quote.
  CHECK(quoted_split("'a'b").fields == strings{"a", "b"});
  CHECK(quoted_split("''").fields == strings{""});
  const auto none = quoted_split("   ");
  CHECK(none.ok());
  CHECK(none.fields.empty());
  CHECK(quoted_split("").fields.empty());
  // \v is not a separator for quoted.Split.
  CHECK(quoted_split("a\vb").fields == strings{"a\vb"});
}

TEST_CASE("quoted_split: an unterminated quote is an error", "[buildenv][quoted]") {
  const auto single = quoted_split("-O2 '-DX=a b");
  CHECK_FALSE(single.ok());
  CHECK(single.error == "unterminated ' string");
  CHECK(single.fields.empty());
  const auto dbl = quoted_split("\"abc");
  CHECK(dbl.error == "unterminated \" string");
  CHECK(dbl.fields.empty());
  CHECK(quoted_split("a \"b'").error == "unterminated \" string");
  CHECK(quoted_split("'a' 'b'").ok());
}

TEST_CASE("quoted_join quotes with the other kind of quote", "[buildenv][quoted]") {
  CHECK(quoted_join({"-O2", "-g"}) == std::optional<std::string>{"-O2 -g"});
  CHECK(quoted_join({"-DX=a b"}) == std::optional<std::string>{"'-DX=a b'"});
  CHECK(quoted_join({"it's"}) == std::optional<std::string>{"\"it's\""});
  CHECK(quoted_join({"say \"hi\""}) == std::optional<std::string>{"'say \"hi\"'"});
  CHECK(quoted_join({"a\tb"}) == std::optional<std::string>{"'a\tb'"});
  CHECK(quoted_join({}) == std::optional<std::string>{""});
  CHECK(quoted_join({"", "x"}) == std::optional<std::string>{" x"});
  // Non-ASCII bytes never trigger quoting.
  CHECK(quoted_join({"-I/h\xC3\xA9"}) == std::optional<std::string>{"-I/h\xC3\xA9"});
  CHECK_FALSE(quoted_join({"-g", "a'b\"c"}).has_value());
}

TEST_CASE("quoted_join round-trips through quoted_split", "[buildenv][quoted]") {
  const strings fields{"-O2", "-DX=a b", "it's", "say \"hi\""};
  const auto joined = quoted_join(fields);
  REQUIRE(joined.has_value());
  CHECK(*joined == "-O2 '-DX=a b' \"it's\" 'say \"hi\"'");
  CHECK(quoted_split(*joined).fields == fields);
}

TEST_CASE("env_join falls back to plain spaces when Join fails", "[buildenv][quoted]") {
  CHECK(env_join({"-O2", "-DX=a b"}) == "-O2 '-DX=a b'");
  CHECK(env_join({"a'b\"c", "-g"}) == "a'b\"c -g");
  CHECK(env_join({}).empty());
}

// --- goflags.hpp ------------------------------------------------------------

TEST_CASE("split_goflags: 1.19 splits at white space, 1.21 honours quotes", "[buildenv][goflags]") {
  const std::string quoted = "\"-ldflags=-s -w\" -race";
  CHECK(split_goflags(go119, quoted).fields == strings{"\"-ldflags=-s", "-w\"", "-race"});
  CHECK(split_goflags(go120, quoted).fields == strings{"\"-ldflags=-s", "-w\"", "-race"});
  CHECK(split_goflags(go121, quoted).fields == strings{"-ldflags=-s -w", "-race"});
  CHECK(split_goflags(go_version{27}, quoted).fields == strings{"-ldflags=-s -w", "-race"});
  // strings.Fields also splits at \v and \f; quoted.Split does not.
  CHECK(split_goflags(go119, "-a\v-b\f-c").fields == strings{"-a", "-b", "-c"});
  CHECK(split_goflags(go121, "-a\v-b").fields == strings{"-a\v-b"});
  CHECK(split_goflags(go119, "   ").fields.empty());
  // 1.19 never fails to split.
  CHECK(split_goflags(go119, "'-x").ok());
  CHECK(split_goflags(go119, "'-x").fields == strings{"'-x"});
  CHECK(split_goflags(go121, "'-x").error == "unterminated ' string");
}

TEST_CASE("parse_goflags: a quoted -ldflags under 1.19 and 1.21", "[buildenv][goflags]") {
  const std::string goflags = "\"-ldflags=-s -w\"";
  const auto old = parse_goflags(go119, goflags);
  CHECK_FALSE(old.ok());
  CHECK(old.error == "parsing $GOFLAGS: non-flag \"\\\"-ldflags=-s\"");
  CHECK(old.flags.empty());

  const auto now = parse_goflags(go121, goflags);
  REQUIRE(now.ok());
  REQUIRE(now.flags.size() == 1);
  CHECK(now.flags[0].name == "ldflags");
  CHECK(now.flags[0].value == "-s -w");
  CHECK(now.flags[0].has_value);
  CHECK(now.flags[0].word == "-ldflags=-s -w");
}

TEST_CASE("parse_goflags: names, values and double dashes", "[buildenv][goflags]") {
  const auto r = parse_goflags(go121, "--mod=mod -race -tags= -gcflags=all=-N");
  REQUIRE(r.ok());
  REQUIRE(r.flags.size() == 4);
  CHECK(r.flags[0].name == "mod");
  CHECK(r.flags[0].value == "mod");
  CHECK(r.flags[0].word == "--mod=mod");
  CHECK(r.flags[1].name == "race");
  CHECK_FALSE(r.flags[1].has_value);
  CHECK(r.flags[1].value.empty());
  CHECK(r.flags[2].name == "tags");
  CHECK(r.flags[2].has_value);
  CHECK(r.flags[2].value.empty());
  // Only the first '=' separates name from value.
  CHECK(r.flags[3].name == "gcflags");
  CHECK(r.flags[3].value == "all=-N");
  CHECK(parse_goflags(go119, "").flags.empty());
  CHECK(parse_goflags(go119, "").ok());
}

TEST_CASE("parse_goflags: words that do not look like flags", "[buildenv][goflags]") {
  for (const go_version v : {go119, go121}) {
    CHECK(parse_goflags(v, "-").error == "parsing $GOFLAGS: non-flag \"-\"");
    CHECK(parse_goflags(v, "--").error == "parsing $GOFLAGS: non-flag \"--\"");
    CHECK(parse_goflags(v, "---x").error == "parsing $GOFLAGS: non-flag \"---x\"");
    CHECK(parse_goflags(v, "-=x").error == "parsing $GOFLAGS: non-flag \"-=x\"");
    CHECK(parse_goflags(v, "--=x").error == "parsing $GOFLAGS: non-flag \"--=x\"");
    CHECK(parse_goflags(v, "-race mod=mod").error == "parsing $GOFLAGS: non-flag \"mod=mod\"");
  }
  // The first bad word is the one reported, and no flags are returned.
  const auto r = parse_goflags(go121, "-race x y");
  CHECK(r.error == "parsing $GOFLAGS: non-flag \"x\"");
  CHECK(r.flags.empty());
  // A split error is reported as the go command reports it.
  CHECK(parse_goflags(go121, "-race '-ldflags=-s").error == "parsing $GOFLAGS: unterminated ' string");
}

TEST_CASE("apply_flags: the command line replaces the GOFLAGS value", "[buildenv][goflags]") {
  const auto from_env = parse_goflags(go121, "-ldflags=-s -tags=dev");
  const auto from_cli = parse_goflags(go121, "'-ldflags=-X main.v=1' -race");
  REQUIRE(from_env.ok());
  REQUIRE(from_cli.ok());
  const auto settings = apply_flags(from_env.flags, from_cli.flags);
  REQUIRE(settings.size() == 3);
  CHECK(settings[0].flag.name == "ldflags");
  CHECK(settings[0].flag.value == "-X main.v=1");
  CHECK(settings[0].from_command_line);
  REQUIRE(settings[0].replaced.size() == 1);
  CHECK(settings[0].replaced[0].value == "-s");
  CHECK(settings[1].flag.name == "tags");
  CHECK(settings[1].flag.value == "dev");
  CHECK_FALSE(settings[1].from_command_line);
  CHECK(settings[1].replaced.empty());
  CHECK(settings[2].flag.name == "race");
  CHECK(settings[2].from_command_line);

  // Within GOFLAGS itself a later setting wins too.
  const auto twice = apply_flags(parse_goflags(go121, "-tags=a -tags=b").flags, {});
  REQUIRE(twice.size() == 1);
  CHECK(twice[0].flag.value == "b");
  CHECK_FALSE(twice[0].from_command_line);
  REQUIRE(twice[0].replaced.size() == 1);
  CHECK(twice[0].replaced[0].value == "a");
}

// --- runtime_debug.hpp ------------------------------------------------------

TEST_CASE("debug_setting: the last name=value wins", "[buildenv][runtime_debug]") {
  CHECK(debug_setting("cgocheck=1,madvdontneed=1,cgocheck=0", "cgocheck") == std::optional<std::string>{"0"});
  CHECK(debug_setting("madvdontneed=1", "cgocheck") == std::nullopt);
  CHECK(debug_setting("", "cgocheck") == std::nullopt);
  CHECK(debug_setting("cgocheck", "cgocheck") == std::nullopt);
  CHECK(debug_setting("xcgocheck=2,cgocheckx=2", "cgocheck") == std::nullopt);
  CHECK(debug_setting("cgocheck=", "cgocheck") == std::optional<std::string>{""});
  CHECK(debug_setting("a=1,,cgocheck=2,", "cgocheck") == std::optional<std::string>{"2"});
}

TEST_CASE("experiment_enabled: noX turns X off again", "[buildenv][runtime_debug]") {
  CHECK(experiment_enabled("cgocheck2", "cgocheck2"));
  CHECK(experiment_enabled("loopvar,cgocheck2", "cgocheck2"));
  CHECK_FALSE(experiment_enabled("cgocheck2,nocgocheck2", "cgocheck2"));
  CHECK(experiment_enabled("nocgocheck2,cgocheck2", "cgocheck2"));
  CHECK_FALSE(experiment_enabled("nocgocheck2", "cgocheck2"));
  CHECK_FALSE(experiment_enabled("", "cgocheck2"));
  CHECK_FALSE(experiment_enabled("cgocheck22", "cgocheck2"));
  CHECK_FALSE(experiment_enabled("cgocheck", "cgocheck2"));
}

TEST_CASE("judge_cgo_runtime_checks: GODEBUG=cgocheck per version", "[buildenv][runtime_debug]") {
  const auto plain = judge_cgo_runtime_checks(go121, "", "");
  CHECK(plain.effect == mode::default_checks);
  CHECK(plain.explanation.empty());

  for (const go_version v : {go119, go121, go_version{27}}) {
    const auto off = judge_cgo_runtime_checks(v, "cgocheck=0", "");
    CHECK(off.effect == mode::off);
    CHECK_THAT(off.explanation, Contains("GODEBUG=cgocheck=0 turns off"));
  }

  const auto old2 = judge_cgo_runtime_checks(go119, "cgocheck=2", "");
  CHECK(old2.effect == mode::full_checks);
  CHECK_THAT(old2.explanation, Contains("adds the write-barrier checks (Go 1.19"));
  CHECK(judge_cgo_runtime_checks(go120, "cgocheck=2", "").effect == mode::full_checks);

  const auto new2 = judge_cgo_runtime_checks(go121, "cgocheck=2", "");
  CHECK(new2.effect == mode::aborts_at_startup);
  CHECK_THAT(new2.explanation, Contains("abort at startup"));
  CHECK_THAT(new2.explanation, Contains("GOEXPERIMENT=cgocheck2"));
  CHECK(judge_cgo_runtime_checks(go_version{27}, "cgocheck=3", "").effect == mode::aborts_at_startup);

  // The last setting wins.
  CHECK(judge_cgo_runtime_checks(go121, "cgocheck=2,cgocheck=1", "").effect == mode::default_checks);
  CHECK(judge_cgo_runtime_checks(go121, "cgocheck=1,cgocheck=0", "").effect == mode::off);
  // A value that is not a number leaves the default.
  CHECK(judge_cgo_runtime_checks(go121, "cgocheck=off", "").effect == mode::default_checks);
}

TEST_CASE("judge_cgo_runtime_checks: GOEXPERIMENT=cgocheck2", "[buildenv][runtime_debug]") {
  const auto on = judge_cgo_runtime_checks(go121, "", "cgocheck2");
  CHECK(on.effect == mode::full_checks);
  CHECK_THAT(on.explanation, Contains("including the write-barrier checks"));

  const auto despite = judge_cgo_runtime_checks(go121, "cgocheck=0", "cgocheck2");
  CHECK(despite.effect == mode::full_checks);
  CHECK_THAT(despite.explanation, Contains("GODEBUG=cgocheck=0 has no effect"));

  // cgocheck=2 still throws in a cgocheck2 build.
  CHECK(judge_cgo_runtime_checks(go121, "cgocheck=2", "cgocheck2").effect == mode::aborts_at_startup);
  // Turned off again by nocgocheck2.
  CHECK(judge_cgo_runtime_checks(go121, "cgocheck=0", "cgocheck2,nocgocheck2").effect == mode::off);

  // Before 1.21 the experiment does not exist.
  const auto early = judge_cgo_runtime_checks(go119, "", "cgocheck2");
  CHECK(early.effect == mode::default_checks);
  CHECK(early.explanation == "GOEXPERIMENT=cgocheck2 does not exist before Go 1.21");
  CHECK(judge_cgo_runtime_checks(go120, "", "cgocheck2").effect == mode::default_checks);
  CHECK(judge_cgo_runtime_checks(go120, "cgocheck=0", "cgocheck2").effect == mode::off);
}

// --- platform.hpp -----------------------------------------------------------

TEST_CASE("cgo_supported per version", "[buildenv][platform]") {
  for (int minor = 19; minor <= 27; ++minor) {
    const go_version v{minor};
    INFO("Go 1." << minor);
    CHECK(cgo_supported(v, {"darwin", "arm64"}));
    CHECK(cgo_supported(v, {"linux", "amd64"}));
    CHECK(cgo_supported(v, {"windows", "amd64"}));
    CHECK_FALSE(cgo_supported(v, {"js", "wasm"}));
    CHECK_FALSE(cgo_supported(v, {"plan9", "amd64"}));
    CHECK_FALSE(cgo_supported(v, {"", ""}));
  }
  CHECK_FALSE(cgo_supported(go119, {"freebsd", "riscv64"}));
  CHECK(cgo_supported(go121, {"freebsd", "riscv64"}));
  CHECK(cgo_supported(go_version{26}, {"openbsd", "mips64"}));
  CHECK_FALSE(cgo_supported(go_version{27}, {"openbsd", "mips64"}));
  CHECK_FALSE(cgo_supported(go_version{26}, {"linux", "ppc64"}));
  CHECK(cgo_supported(go_version{27}, {"linux", "ppc64"}));
  CHECK_FALSE(cgo_supported(go_version{26}, {"openbsd", "riscv64"}));
  CHECK(cgo_supported(go_version{27}, {"openbsd", "riscv64"}));
  CHECK(cgo_supported(go119, {"linux", "sparc64"}));
}

TEST_CASE("default_compilers: build host in 1.19, target GOOS from 1.21", "[buildenv][platform]") {
  toolchain_build linux_built;
  linux_built.build_goos = "linux";
  toolchain_build darwin_built;
  darwin_built.build_goos = "darwin";

  using pair = std::pair<std::string, std::string>;
  const pair gnu{"gcc", "g++"};
  const pair llvm{"clang", "clang++"};
  CHECK(default_compilers(go119, linux_built, {"darwin", "arm64"}) == gnu);
  CHECK(default_compilers(go120, linux_built, {"darwin", "arm64"}) == gnu);
  CHECK(default_compilers(go119, darwin_built, {"linux", "amd64"}) == llvm);
  CHECK(default_compilers(go119, {}, {"freebsd", "amd64"}) == gnu);
  for (const char *goos : {"darwin", "freebsd", "openbsd", "ios"}) {
    INFO(goos);
    CHECK(default_compilers(go121, linux_built, {goos, "arm64"}) == llvm);
  }
  CHECK(default_compilers(go121, darwin_built, {"linux", "amd64"}) == gnu);
  CHECK(default_compilers(go121, {}, {"windows", "amd64"}) == gnu);
  CHECK(default_compilers(go121, {}, {"netbsd", "amd64"}) == gnu);
}

TEST_CASE("default_compilers: make.bash's CC and CXX replace the names", "[buildenv][platform]") {
  toolchain_build tc;
  tc.cc = "/opt/cross/bin/cc";
  CHECK(default_compilers(go121, tc, {"darwin", "arm64"}) == std::pair<std::string, std::string>{"/opt/cross/bin/cc", "clang++"});
  tc.cxx = "/opt/cross/bin/c++";
  CHECK(default_compilers(go119, tc, {"linux", "amd64"}) ==
        std::pair<std::string, std::string>{"/opt/cross/bin/cc", "/opt/cross/bin/c++"});
}

TEST_CASE("default_cflags changed order in 1.21", "[buildenv][platform]") {
  CHECK(default_cflags(go119) == "-g -O2");
  CHECK(default_cflags(go120) == "-g -O2");
  CHECK(default_cflags(go121) == "-O2 -g");
  CHECK(default_cflags(go_version{27}) == "-O2 -g");
}

TEST_CASE("valid_pair follows the ports of each release", "[buildenv][platform]") {
  CHECK(valid_pair(go119, {"linux", "amd64"}));
  CHECK(valid_pair(go119, {"js", "wasm"}));
  CHECK(valid_pair(go119, {"plan9", "arm"}));
  CHECK_FALSE(valid_pair(go119, {"bogus", "amd64"}));
  CHECK_FALSE(valid_pair(go_version{27}, {"linux", "wasm"}));
  CHECK_FALSE(valid_pair(go119, {"freebsd", "riscv64"}));
  CHECK(valid_pair(go120, {"freebsd", "riscv64"}));
  CHECK_FALSE(valid_pair(go120, {"wasip1", "wasm"}));
  CHECK(valid_pair(go121, {"wasip1", "wasm"}));
  CHECK_FALSE(valid_pair(go121, {"openbsd", "ppc64"}));
  CHECK(valid_pair(go_version{22}, {"openbsd", "ppc64"}));
  CHECK_FALSE(valid_pair(go_version{22}, {"openbsd", "riscv64"}));
  CHECK(valid_pair(go_version{23}, {"openbsd", "riscv64"}));
}

TEST_CASE("target prints GOOS/GOARCH and compares both parts", "[buildenv][platform]") {
  const target t{"linux", "arm64"};
  CHECK(t.str() == "linux/arm64");
  CHECK(t == target{"linux", "arm64"});
  CHECK(t != target{"linux", "amd64"});
  CHECK(t != target{"darwin", "arm64"});
  CHECK(cgocheck::buildenv::is_known_goos("ios"));
  CHECK_FALSE(cgocheck::buildenv::is_known_goos("bogus"));
  CHECK(cgocheck::buildenv::is_known_goarch("loong64"));
  CHECK_FALSE(cgocheck::buildenv::is_known_goarch("x86"));
}

// --- regressions found in review ----------------------------------------------

TEST_CASE("runtime checks: a non-numeric cgocheck keeps the earlier value; none clears experiments",
          "[buildenv][godebug]") {
  using mode = cgo_runtime_checks::mode;
  CHECK(judge_cgo_runtime_checks(go_version{19}, "cgocheck=0,cgocheck=x", "").effect == mode::off);
  CHECK(judge_cgo_runtime_checks(go_version{21}, "cgocheck=2,cgocheck=x", "").effect == mode::aborts_at_startup);
  CHECK_FALSE(experiment_enabled("cgocheck2,none", "cgocheck2"));
  CHECK(experiment_enabled("none,cgocheck2", "cgocheck2"));
  CHECK(judge_cgo_runtime_checks(go_version{21}, "", "cgocheck2,none").effect == mode::default_checks);
}

TEST_CASE("goarch_for_machine: uname names to Go's", "[buildenv][platform]") {
  using cgocheck::buildenv::goarch_for_machine;
  CHECK(goarch_for_machine("x86_64") == "amd64");
  CHECK(goarch_for_machine("aarch64") == "arm64");
  CHECK(goarch_for_machine("arm64") == "arm64");
  CHECK(goarch_for_machine("i686") == "386");
  CHECK(goarch_for_machine("armv7l") == "arm");
  CHECK(goarch_for_machine("ppc64le") == "ppc64le");
  CHECK(goarch_for_machine("riscv64") == "riscv64");
}
