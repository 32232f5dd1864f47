// The go command's security check of cgo flags (cgo/security.hpp), per Go
// release, checked against:
// - src/cmd/go/internal/work/security_test.go of go1.19.8, go1.21.13,
//   go1.22.12, go1.23.5, go1.24.4, go1.25.12, go1.26.10 and go1.27.3: every
//   good/bad case, from the release whose test file first lists it (1.20, which
//   had no source to read, is modelled as 1.19);
// - the version changes of security.go between those releases;
// - checkFlags' ALLOW/DISALLOW order and its error texts (security.go), the
//   pkg-config argument check (exec.go getPkgConfigFlags; go1.25.12+ and, as
//   the newest patch release, 1.24);
// - the table of go-ground-truth.md section C (go1.27.3).
// tests/live/cgo_flags_diff.py runs the real go1.19.8 against `cgocheck flags`.
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/cgo/security.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using cgocheck::buildenv::go_version;
using cgocheck::cgo::cgo_verb;
using cgocheck::cgo::check_cgo_flags;
using cgocheck::cgo::check_pkg_config_args;
using cgocheck::cgo::check_pkg_config_output;
using cgocheck::cgo::env_lookup;
using cgocheck::cgo::flag_check;
using cgocheck::cgo::flag_verdict;
using cgocheck::cgo::pkg_config_output;
using strings = std::vector<std::string>;

namespace {

constexpr go_version go119{19};
constexpr go_version go120{20};
constexpr go_version go121{21};
constexpr go_version go122{22};
constexpr go_version go123{23};
constexpr go_version go124{24};
constexpr go_version go125{25};
constexpr go_version go126{26};
constexpr go_version go127{27};

/// An environment holding only `vars` (cfg.Getenv: empty means unset).
env_lookup env_of(std::map<std::string, std::string> vars) {
  return [vars = std::move(vars)](std::string_view key) -> std::optional<std::string> {
    const auto it = vars.find(std::string(key));
    if (it == vars.end() || it->second.empty()) {
      return std::nullopt;
    }
    return it->second;
  };
}

const env_lookup no_env = env_of({});

flag_check cflags(go_version v, const strings &flags, const env_lookup &env = no_env) {
  return check_cgo_flags(v, cgo_verb::cflags, flags, env);
}

flag_check ldflags(go_version v, const strings &flags, const env_lookup &env = no_env) {
  return check_cgo_flags(v, cgo_verb::ldflags, flags, env);
}

/// The go command's error for the list, or "" when it accepts it.
std::string go_error(const flag_check &c) {
  if (c.error) {
    return *c.error;
  }
  const flag_verdict *r = c.first_rejection();
  return r == nullptr ? std::string{} : r->message;
}

bool accepted(go_version v, cgo_verb verb, const strings &flags) {
  return go_error(check_cgo_flags(v, verb, flags, no_env)).empty();
}

std::vector<go_version> releases_from(int first) {
  std::vector<go_version> out;
  for (int minor = first == 19 ? 19 : first; minor <= 27; ++minor) {
    out.push_back(go_version{minor});
  }
  return out;
}

constexpr bool cc = false;
constexpr bool ld = true;

struct go_test_case {
  bool linker;
  strings flags;
  int first; ///< the release whose security_test.go first lists it
  bool good;
};

// security_test.go's goodCompilerFlags, badCompilerFlags, goodLinkerFlags and
// badLinkerFlags, each with the first release that lists it (no case ever
// moves between good and bad, and none is removed later).
const std::vector<go_test_case> &go_test_cases() {
  static const std::vector<go_test_case> cases = {
    {cc, {"-DFOO"}, 19, true},
    {cc, {"-Dfoo=bar"}, 19, true},
    {cc, {"-Ufoo"}, 19, true},
    {cc, {"-Ufoo1"}, 19, true},
    {cc, {"-F/Qt"}, 19, true},
    {cc, {"-F", "/Qt"}, 19, true},
    {cc, {"-I/"}, 19, true},
    {cc, {"-I/etc/passwd"}, 19, true},
    {cc, {"-I."}, 19, true},
    {cc, {"-O"}, 19, true},
    {cc, {"-O2"}, 19, true},
    {cc, {"-Osmall"}, 19, true},
    {cc, {"-W"}, 19, true},
    {cc, {"-Wall"}, 19, true},
    {cc, {"-Wp,-Dfoo=bar"}, 19, true},
    {cc, {"-Wp,-Ufoo"}, 19, true},
    {cc, {"-Wp,-Dfoo1"}, 19, true},
    {cc, {"-Wp,-Ufoo1"}, 19, true},
    {cc, {"-flto"}, 19, true},
    {cc, {"-fobjc-arc"}, 19, true},
    {cc, {"-fno-objc-arc"}, 19, true},
    {cc, {"-fomit-frame-pointer"}, 19, true},
    {cc, {"-fno-omit-frame-pointer"}, 19, true},
    {cc, {"-fpic"}, 19, true},
    {cc, {"-fno-pic"}, 19, true},
    {cc, {"-fPIC"}, 19, true},
    {cc, {"-fno-PIC"}, 19, true},
    {cc, {"-fpie"}, 19, true},
    {cc, {"-fno-pie"}, 19, true},
    {cc, {"-fPIE"}, 19, true},
    {cc, {"-fno-PIE"}, 19, true},
    {cc, {"-fsplit-stack"}, 19, true},
    {cc, {"-fno-split-stack"}, 19, true},
    {cc, {"-fstack-xxx"}, 19, true},
    {cc, {"-fno-stack-xxx"}, 19, true},
    {cc, {"-fsanitize=hands"}, 19, true},
    {cc, {"-g"}, 19, true},
    {cc, {"-ggdb"}, 19, true},
    {cc, {"-march=souza"}, 19, true},
    {cc, {"-mcpu=123"}, 19, true},
    {cc, {"-mfpu=123"}, 19, true},
    {cc, {"-mtune=happybirthday"}, 19, true},
    {cc, {"-mstack-overflow"}, 19, true},
    {cc, {"-mno-stack-overflow"}, 19, true},
    {cc, {"-mmacosx-version"}, 19, true},
    {cc, {"-mnop-fun-dllimport"}, 19, true},
    {cc, {"-pthread"}, 19, true},
    {cc, {"-std=c99"}, 19, true},
    {cc, {"-xc"}, 19, true},
    {cc, {"-D", "FOO"}, 19, true},
    {cc, {"-D", "foo=bar"}, 19, true},
    {cc, {"-I", "."}, 19, true},
    {cc, {"-I", "/etc/passwd"}, 19, true},
    {cc, {"-I", "世界"}, 19, true},
    {cc, {"-I", "=/usr/include/libxml2"}, 19, true},
    {cc, {"-I", "dir"}, 19, true},
    {cc, {"-I", "$SYSROOT/dir"}, 19, true},
    {cc, {"-isystem", "/usr/include/mozjs-68"}, 19, true},
    {cc, {"-include", "/usr/include/mozjs-68/RequiredDefines.h"}, 19, true},
    {cc, {"-framework", "Chocolate"}, 19, true},
    {cc, {"-x", "c"}, 19, true},
    {cc, {"-v"}, 19, true},
    {cc, {"-D@X"}, 19, false},
    {cc, {"-D-X"}, 19, false},
    {cc, {"-Ufoo=bar"}, 19, false},
    {cc, {"-F@dir"}, 19, false},
    {cc, {"-F-dir"}, 19, false},
    {cc, {"-I@dir"}, 19, false},
    {cc, {"-I-dir"}, 19, false},
    {cc, {"-O@1"}, 19, false},
    {cc, {"-Wa,-foo"}, 19, false},
    {cc, {"-W@foo"}, 19, false},
    {cc, {"-Wp,-DX,-D@X"}, 19, false},
    {cc, {"-Wp,-UX,-U@X"}, 19, false},
    {cc, {"-g@gdb"}, 19, false},
    {cc, {"-g-gdb"}, 19, false},
    {cc, {"-march=@dawn"}, 19, false},
    {cc, {"-march=-dawn"}, 19, false},
    {cc, {"-std=@c99"}, 19, false},
    {cc, {"-std=-c99"}, 19, false},
    {cc, {"-x@c"}, 19, false},
    {cc, {"-x-c"}, 19, false},
    {cc, {"-D", "@foo"}, 19, false},
    {cc, {"-D", "-foo"}, 19, false},
    {cc, {"-I", "@foo"}, 19, false},
    {cc, {"-I", "-foo"}, 19, false},
    {cc, {"-I", "=@obj"}, 19, false},
    {cc, {"-include", "@foo"}, 19, false},
    {cc, {"-framework", "-Caffeine"}, 19, false},
    {cc, {"-framework", "@Home"}, 19, false},
    {cc, {"-x", "--c"}, 19, false},
    {cc, {"-x", "@obj"}, 19, false},
    {ld, {"-Fbar"}, 19, true},
    {ld, {"-lbar"}, 19, true},
    {ld, {"-Lbar"}, 19, true},
    {ld, {"-fpic"}, 19, true},
    {ld, {"-fno-pic"}, 19, true},
    {ld, {"-fPIC"}, 19, true},
    {ld, {"-fno-PIC"}, 19, true},
    {ld, {"-fpie"}, 19, true},
    {ld, {"-fno-pie"}, 19, true},
    {ld, {"-fPIE"}, 19, true},
    {ld, {"-fno-PIE"}, 19, true},
    {ld, {"-fsanitize=hands"}, 19, true},
    {ld, {"-g"}, 19, true},
    {ld, {"-ggdb"}, 19, true},
    {ld, {"-march=souza"}, 19, true},
    {ld, {"-mcpu=123"}, 19, true},
    {ld, {"-mfpu=123"}, 19, true},
    {ld, {"-mtune=happybirthday"}, 19, true},
    {ld, {"-pic"}, 19, true},
    {ld, {"-pthread"}, 19, true},
    {ld, {"-Wl,--hash-style=both"}, 19, true},
    {ld, {"-Wl,-rpath,foo"}, 19, true},
    {ld, {"-Wl,-rpath,$ORIGIN/foo"}, 19, true},
    {ld, {"-Wl,-R", "/foo"}, 19, true},
    {ld, {"-Wl,-R", "foo"}, 19, true},
    {ld, {"-Wl,-R,foo"}, 19, true},
    {ld, {"-Wl,--just-symbols=foo"}, 19, true},
    {ld, {"-Wl,--just-symbols,foo"}, 19, true},
    {ld, {"-Wl,--warn-error"}, 19, true},
    {ld, {"-Wl,--no-warn-error"}, 19, true},
    {ld, {"foo.so"}, 19, true},
    {ld, {"_世界.dll"}, 19, true},
    {ld, {"./x.o"}, 19, true},
    {ld, {"libcgosotest.dylib"}, 19, true},
    {ld, {"-F", "framework"}, 19, true},
    {ld, {"-l", "."}, 19, true},
    {ld, {"-l", "/etc/passwd"}, 19, true},
    {ld, {"-l", "世界"}, 19, true},
    {ld, {"-L", "framework"}, 19, true},
    {ld, {"-framework", "Chocolate"}, 19, true},
    {ld, {"-v"}, 19, true},
    {ld, {"-Wl,-sectcreate,__TEXT,__info_plist,${SRCDIR}/Info.plist"}, 19, true},
    {ld, {"-Wl,-framework", "-Wl,Chocolate"}, 19, true},
    {ld, {"-Wl,-framework,Chocolate"}, 19, true},
    {ld, {"-Wl,-unresolved-symbols=ignore-all"}, 19, true},
    {ld, {"libcgotbdtest.tbd"}, 19, true},
    {ld, {"./libcgotbdtest.tbd"}, 19, true},
    {ld, {"-DFOO"}, 19, false},
    {ld, {"-Dfoo=bar"}, 19, false},
    {ld, {"-W"}, 19, false},
    {ld, {"-Wall"}, 19, false},
    {ld, {"-fobjc-arc"}, 19, false},
    {ld, {"-fno-objc-arc"}, 19, false},
    {ld, {"-fomit-frame-pointer"}, 19, false},
    {ld, {"-fno-omit-frame-pointer"}, 19, false},
    {ld, {"-fsplit-stack"}, 19, false},
    {ld, {"-fno-split-stack"}, 19, false},
    {ld, {"-fstack-xxx"}, 19, false},
    {ld, {"-fno-stack-xxx"}, 19, false},
    {ld, {"-mstack-overflow"}, 19, false},
    {ld, {"-mno-stack-overflow"}, 19, false},
    {ld, {"-mnop-fun-dllimport"}, 19, false},
    {ld, {"-std=c99"}, 19, false},
    {ld, {"-xc"}, 19, false},
    {ld, {"-D", "FOO"}, 19, false},
    {ld, {"-D", "foo=bar"}, 19, false},
    {ld, {"-I", "FOO"}, 19, false},
    {ld, {"-L", "@foo"}, 19, false},
    {ld, {"-L", "-foo"}, 19, false},
    {ld, {"-x", "c"}, 19, false},
    {ld, {"-D@X"}, 19, false},
    {ld, {"-D-X"}, 19, false},
    {ld, {"-I@dir"}, 19, false},
    {ld, {"-I-dir"}, 19, false},
    {ld, {"-O@1"}, 19, false},
    {ld, {"-Wa,-foo"}, 19, false},
    {ld, {"-W@foo"}, 19, false},
    {ld, {"-g@gdb"}, 19, false},
    {ld, {"-g-gdb"}, 19, false},
    {ld, {"-march=@dawn"}, 19, false},
    {ld, {"-march=-dawn"}, 19, false},
    {ld, {"-std=@c99"}, 19, false},
    {ld, {"-std=-c99"}, 19, false},
    {ld, {"-x@c"}, 19, false},
    {ld, {"-x-c"}, 19, false},
    {ld, {"-D", "@foo"}, 19, false},
    {ld, {"-D", "-foo"}, 19, false},
    {ld, {"-I", "@foo"}, 19, false},
    {ld, {"-I", "-foo"}, 19, false},
    {ld, {"-l", "@foo"}, 19, false},
    {ld, {"-l", "-foo"}, 19, false},
    {ld, {"-framework", "-Caffeine"}, 19, false},
    {ld, {"-framework", "@Home"}, 19, false},
    {ld, {"-Wl,-framework,-Caffeine"}, 19, false},
    {ld, {"-Wl,-framework", "-Wl,@Home"}, 19, false},
    {ld, {"-Wl,-framework", "@Home"}, 19, false},
    {ld, {"-Wl,-framework,Chocolate,@Home"}, 19, false},
    {ld, {"-Wl,--hash-style=foo"}, 19, false},
    {ld, {"-x", "--c"}, 19, false},
    {ld, {"-x", "@obj"}, 19, false},
    {ld, {"-Wl,-rpath,@foo"}, 19, false},
    {ld, {"-Wl,-R,foo,bar"}, 19, false},
    {ld, {"-Wl,-R,@foo"}, 19, false},
    {ld, {"-Wl,--just-symbols,@foo"}, 19, false},
    {ld, {"../x.o"}, 19, false},
    {ld, {"-Wl,-R,"}, 21, false},
    {ld, {"-Wl,-O"}, 21, false},
    {ld, {"-Wl,-e="}, 21, false},
    {ld, {"-Wl,-e,"}, 21, false},
    {ld, {"-Wl,-R,-flag"}, 21, false},
    {cc, {"-mcmodel=medium"}, 23, true},
    {cc, {"-mlarge-data-threshold=16"}, 23, true},
    {cc, {"-mcmodel=@model"}, 23, false},
    {cc, {"-mlarge-data-threshold=@12"}, 23, false},
    {ld, {"-Wl,-z,relro"}, 23, true},
    {ld, {"-Wl,-z,relro,-z,now"}, 23, true},
    {ld, {"-Wl,-z,now"}, 23, true},
    {ld, {"-Wl,-z,noexecstack"}, 23, true},
    {cc, {"-ftls-model=local-dynamic"}, 24, true},
    {ld, {"-Wl,--push-state"}, 24, true},
    {ld, {"-Wl,--pop-state"}, 24, true},
    {ld, {"-Wl,--push-state,--as-needed"}, 24, true},
    {ld, {"-Wl,--push-state,--no-as-needed,-Bstatic"}, 24, true},
    {ld, {"-Wl,--just-symbols,."}, 24, true},
    {ld, {"-Wl,-framework,."}, 24, true},
    {ld, {"-Wl,-rpath,."}, 24, true},
    {ld, {"-Wl,-rpath-link,."}, 24, true},
    {ld, {"-Wl,-sectcreate,.,.,."}, 24, true},
    {ld, {"-Wl,-syslibroot,."}, 24, true},
    {ld, {"-Wl,-undefined,."}, 24, true},
    {ld, {"-Wl,--push-state,"}, 24, false},
    {ld, {"-Wl,--push-state,@foo"}, 24, false},
    {ld, {"-fplugin=./-Wl,--push-state,-R.so"}, 24, false},
    {ld, {"./-Wl,--push-state,-R.c"}, 24, false},
    {cc, {"-mabi=lp64d"}, 25, true},
    {cc, {"-mtls-dialect=gnu"}, 25, true},
    {cc, {"-mtls-dialect=gnu2"}, 25, true},
    {cc, {"-mtls-dialect=trad"}, 25, true},
    {cc, {"-mtls-dialect=desc"}, 25, true},
    {cc, {"-mtls-dialect=xyz"}, 25, true},
    {cc, {"-msimd=lasx"}, 25, true},
    {cc, {"-msimd=xyz"}, 25, true},
    {cc, {"-mdouble-float"}, 25, true},
    {cc, {"-mrelax"}, 25, true},
    {cc, {"-mstrict-align"}, 25, true},
    {cc, {"-mlsx"}, 25, true},
    {cc, {"-mlasx"}, 25, true},
    {cc, {"-mfrecipe"}, 25, true},
    {cc, {"-mlam-bh"}, 25, true},
    {cc, {"-mlamcas"}, 25, true},
    {cc, {"-mld-seq-sa"}, 25, true},
    {cc, {"-mno-relax"}, 25, true},
    {cc, {"-mno-strict-align"}, 25, true},
    {cc, {"-mno-lsx"}, 25, true},
    {cc, {"-mno-lasx"}, 25, true},
    {cc, {"-mno-frecipe"}, 25, true},
    {cc, {"-mno-lam-bh"}, 25, true},
    {cc, {"-mno-lamcas"}, 25, true},
    {cc, {"-mno-ld-seq-sa"}, 25, true},
    {cc, {"-mfpu=@0"}, 25, false},
    {cc, {"-mfpu=-0"}, 25, false},
    {cc, {"-mtls-dialect=@gnu"}, 25, false},
    {cc, {"-mtls-dialect=-gnu"}, 25, false},
    {cc, {"-msimd=@none"}, 25, false},
    {cc, {"-msimd=-none"}, 25, false},
  };
  return cases;
}

} // namespace

// --- security_test.go -------------------------------------------------------

TEST_CASE("every security_test.go case, in every release that lists it", "[cgo][security]") {
  std::size_t checked = 0;
  for (const go_test_case &c : go_test_cases()) {
    for (const go_version v : releases_from(c.first)) {
      const cgo_verb verb = c.linker ? cgo_verb::ldflags : cgo_verb::cflags;
      INFO("go" << v.str() << (c.linker ? " LDFLAGS " : " CFLAGS ") << Catch::Detail::stringify(c.flags));
      CHECK(accepted(v, verb, c.flags) == c.good);
      ++checked;
    }
  }
  CHECK(go_test_cases().size() == 257);
  CHECK(checked > 2000);
}

TEST_CASE("the compiler cases hold for CPPFLAGS, CXXFLAGS and FFLAGS too", "[cgo][security]") {
  for (const go_test_case &c : go_test_cases()) {
    if (c.linker) {
      continue;
    }
    for (const cgo_verb verb : {cgo_verb::cppflags, cgo_verb::cxxflags, cgo_verb::fflags}) {
      INFO(Catch::Detail::stringify(c.flags));
      CHECK(accepted(go127, verb, c.flags) == c.good);
    }
  }
}

// --- go-ground-truth.md section C, the table (1.27) --------------------------

TEST_CASE("ground truth table: accepted compiler flags", "[cgo][security]") {
  for (const strings &flags : std::vector<strings>{
           {"-DFOO"}, {"-Dfoo=bar"}, {"-D", "FOO"}, {"-I/etc/passwd"}, {"-I", "."}, {"-I", "=/usr/include/libxml2"},
           {"-I", "$SYSROOT/dir"}, {"-O2"}, {"-Osmall"}, {"-Wall"}, {"-Wp,-Dfoo=bar"}, {"-fPIC"}, {"-flto"},
           {"-fsanitize=hands"}, {"-fobjc-arc"}, {"-march=souza"}, {"-mtls-dialect=desc"}, {"-std=c99"},
           {"-isystem", "/usr/include/mozjs-68"}, {"-framework", "Chocolate"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK(go_error(cflags(go127, flags)).empty());
  }
}

TEST_CASE("ground truth table: rejected compiler flags, with go's text", "[cgo][security]") {
  const std::string link = " (see https://go.dev/s/invalidflag)";
  const std::vector<std::pair<strings, std::string>> cases = {
      {{"-D@X"}, "-D@X"},
      {{"-D-X"}, "-D-X"},
      {{"-D", "-foo"}, "-D -foo"},
      {{"-Ufoo=bar"}, "-Ufoo=bar"},
      {{"-I@dir"}, "-I@dir"},
      {{"-I-dir"}, "-I-dir"},
      {{"-I", "=@obj"}, "-I =@obj"},
      {{"-O@1"}, "-O@1"},
      {{"-Wa,-foo"}, "-Wa,-foo"},
      {{"-Wp,-DX,-D@X"}, "-Wp,-DX,-D@X"},
      {{"-fplugin=x.so"}, "-fplugin=x.so"},
      {{"-march=-dawn"}, "-march=-dawn"},
      {{"-std=@c99"}, "-std=@c99"},
      {{"-x@c"}, "-x@c"},
      {{"-x", "--c"}, "-x --c"},
      {{"-framework", "-Caffeine"}, "-framework -Caffeine"},
      {{"-include", "@foo"}, "-include @foo"},
  };
  for (const auto &[flags, shown] : cases) {
    INFO(Catch::Detail::stringify(flags));
    CHECK(go_error(cflags(go127, flags)) == std::string("invalid flag in #cgo CFLAGS: ").append(shown).append(link));
  }
}

TEST_CASE("ground truth table: accepted linker flags", "[cgo][security]") {
  for (const strings &flags : std::vector<strings>{
           {"-lbar"}, {"-L", "framework"}, {"foo.so"}, {"./x.o"}, {"libcgotbdtest.tbd"},
           {"-Wl,-rpath,$ORIGIN/foo"}, {"-Wl,-z,relro,-z,now"}, {"-Wl,--push-state,--no-as-needed,-Bstatic"},
           {"-Wl,-framework", "-Wl,Chocolate"}, {"-Wl,-sectcreate,__TEXT,__info_plist,${SRCDIR}/Info.plist"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK(go_error(ldflags(go127, flags)).empty());
  }
}

TEST_CASE("ground truth table: rejected linker flags, with go's text", "[cgo][security]") {
  const std::string link = " (see https://go.dev/s/invalidflag)";
  const std::vector<std::pair<strings, std::string>> cases = {
      {{"../x.o"}, "../x.o"},
      {{"-l", "-foo"}, "-l -foo"},
      {{"-L", "@foo"}, "-L @foo"},
      {{"-lto_library"}, "-lto_library"},
      {{"-Wl,-R,foo,bar"}, "-Wl,-R,foo,bar"},
      {{"-Wl,-rpath,@foo"}, "-Wl,-rpath,@foo"},
      {{"-Wl,--hash-style=foo"}, "-Wl,--hash-style=foo"},
      {{"-Wl,--push-state,@foo"}, "-Wl,--push-state,@foo"},
      {{"-Wl,-O"}, "-Wl,-O"},
      {{"-Wl,-e="}, "-Wl,-e="},
      {{"-DFOO"}, "-DFOO"},
      {{"-Wall"}, "-Wall"},
      {{"-std=c99"}, "-std=c99"},
  };
  for (const auto &[flags, shown] : cases) {
    INFO(Catch::Detail::stringify(flags));
    CHECK(go_error(ldflags(go127, flags)) == std::string("invalid flag in #cgo LDFLAGS: ").append(shown).append(link));
  }
}

// --- messages and verdicts ---------------------------------------------------

TEST_CASE("the rejection text per release: the link arrives in 1.26", "[cgo][security]") {
  CHECK(go_error(cflags(go119, {"-fplugin=x.so"})) == "invalid flag in #cgo CFLAGS: -fplugin=x.so");
  CHECK(go_error(cflags(go125, {"-fplugin=x.so"})) == "invalid flag in #cgo CFLAGS: -fplugin=x.so");
  CHECK(go_error(cflags(go126, {"-fplugin=x.so"})) ==
        "invalid flag in #cgo CFLAGS: -fplugin=x.so (see https://go.dev/s/invalidflag)");
  CHECK(go_error(check_cgo_flags(go119, cgo_verb::cxxflags, {"-fplugin=x.so"}, no_env)) ==
        "invalid flag in #cgo CXXFLAGS: -fplugin=x.so");
  CHECK(go_error(check_cgo_flags(go119, cgo_verb::cppflags, {"-B/tmp"}, no_env)) ==
        "invalid flag in #cgo CPPFLAGS: -B/tmp");
  CHECK(go_error(check_cgo_flags(go119, cgo_verb::fflags, {"-B/tmp"}, no_env)) ==
        "invalid flag in #cgo FFLAGS: -B/tmp");
  // The next-argument forms always carried a link; its host changed in 1.26.
  CHECK(go_error(cflags(go119, {"-I", "-x"})) ==
        "invalid flag in #cgo CFLAGS: -I -x (see https://golang.org/s/invalidflag)");
  CHECK(go_error(cflags(go125, {"-I", "-x"})) ==
        "invalid flag in #cgo CFLAGS: -I -x (see https://golang.org/s/invalidflag)");
  CHECK(go_error(cflags(go126, {"-I", "-x"})) ==
        "invalid flag in #cgo CFLAGS: -I -x (see https://go.dev/s/invalidflag)");
}

TEST_CASE("next-argument forms: the pair is accepted together", "[cgo][security]") {
  const flag_check c = cflags(go119, {"-I", ".", "-DX", "-isystem", "/usr/include/x"});
  REQUIRE(c.verdicts.size() == 5);
  for (std::size_t i = 0; i < c.verdicts.size(); ++i) {
    CHECK(c.verdicts[i].index == i);
    CHECK(c.verdicts[i].accepted);
    CHECK(c.verdicts[i].message.empty());
  }
  CHECK(c.verdicts[1].flag == ".");
  CHECK(c.first_rejection() == nullptr);
  CHECK(c.ok());
}

TEST_CASE("next-argument forms: an unsafe argument rejects the flag, naming both", "[cgo][security]") {
  const flag_check c = cflags(go119, {"-DOK", "-I", "-x", "-fplugin=p.so"});
  REQUIRE(c.verdicts.size() == 4);
  CHECK(c.verdicts[0].accepted);
  CHECK_FALSE(c.verdicts[1].accepted);
  CHECK(c.verdicts[1].message == "invalid flag in #cgo CFLAGS: -I -x (see https://golang.org/s/invalidflag)");
  // Past what go reports, the next word gets its own verdict: -x alone
  // takes the next argument, which is not safe either.
  CHECK_FALSE(c.verdicts[2].accepted);
  CHECK(c.verdicts[2].message ==
        "invalid flag in #cgo CFLAGS: -x -fplugin=p.so (see https://golang.org/s/invalidflag)");
  CHECK_FALSE(c.verdicts[3].accepted);
  REQUIRE(c.first_rejection() != nullptr);
  CHECK(c.first_rejection()->index == 1);
  CHECK(c.first_rejection()->flag == "-I");
}

TEST_CASE("next-argument forms: a flag at the end of the list has no argument", "[cgo][security]") {
  CHECK(go_error(cflags(go119, {"-DX", "-framework"})) ==
        "invalid flag in #cgo CFLAGS: -framework without argument (see https://golang.org/s/invalidflag)");
  CHECK(go_error(ldflags(go127, {"-framework"})) ==
        "invalid flag in #cgo LDFLAGS: -framework without argument (see https://go.dev/s/invalidflag)");
  CHECK(go_error(cflags(go119, {"-framework", "Chocolate"})).empty());
}

TEST_CASE("next-argument forms: -I =DIR and -I $SYSROOT, -Wl,-framework -Wl,NAME", "[cgo][security]") {
  CHECK(go_error(cflags(go119, {"-I", "=/usr/include"})).empty());
  CHECK(go_error(cflags(go119, {"-I", "$SYSROOT/include"})).empty());
  CHECK_FALSE(go_error(cflags(go119, {"-I", "=@obj"})).empty());
  CHECK_FALSE(go_error(cflags(go119, {"-I", "=-x"})).empty());
  // Only -I has the '=' form.
  CHECK_FALSE(go_error(cflags(go119, {"-isystem", "=/usr/include"})).empty());
  CHECK(go_error(ldflags(go119, {"-Wl,-framework", "-Wl,Chocolate"})).empty());
  CHECK_FALSE(go_error(ldflags(go119, {"-Wl,-framework", "-Wl,Choc,olate"})).empty());
  CHECK_FALSE(go_error(ldflags(go119, {"-Wl,-framework", "-Wl,@Home"})).empty());
  // Both words must be -Wl, for that form.
  CHECK_FALSE(go_error(ldflags(go119, {"-framework", "-Wl,Chocolate"})).empty());
}

TEST_CASE("LDFLAGS and compiler flags have separate tables", "[cgo][security]") {
  CHECK(accepted(go119, cgo_verb::cflags, {"-DFOO"}));
  CHECK_FALSE(accepted(go119, cgo_verb::ldflags, {"-DFOO"}));
  CHECK(accepted(go119, cgo_verb::ldflags, {"-lm"}));
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-lm"}));
  CHECK(accepted(go119, cgo_verb::ldflags, {"-rdynamic"}));
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-rdynamic"}));
  CHECK(accepted(go119, cgo_verb::cflags, {"-include", "x.h"}));
  CHECK_FALSE(accepted(go119, cgo_verb::ldflags, {"-include", "x.h"}));
  CHECK(accepted(go119, cgo_verb::ldflags, {"-Wl,-rpath", "/opt/lib"}));
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-Wl,-rpath", "/opt/lib"}));
}

TEST_CASE("the whole word must be the leftmost-first match", "[cgo][security]") {
  // -W([^@,]+) matches "-Wl" at the start of "-Wl,-foo" but not all of it.
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-Wl,-foo"}));
  // -D's value may hold no '@' or '-' at all: (=[^@\-]*)? stops at the '-'.
  CHECK(accepted(go119, cgo_verb::cflags, {"-DX=a.b"}));
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-DX=a-b"}));
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-DX=-b"}));
  // A match later in the word does not count.
  CHECK_FALSE(accepted(go119, cgo_verb::ldflags, {"x-lm"}));
}

TEST_CASE("bytes that are not UTF-8 count as one rune each, as in Go", "[cgo][security]") {
  // -I([^@\-].*): Go reads \xff as U+FFFD, which is neither '@' nor '-'.
  CHECK(accepted(go119, cgo_verb::cflags, {"-I\xff"}));
  CHECK(accepted(go119, cgo_verb::cflags, {"-I/x\xc3"}));
  // -Wl,-rpath,X needs two runes before 1.24: one multi-byte rune is one.
  CHECK_FALSE(accepted(go123, cgo_verb::ldflags, {"-Wl,-rpath,\xe4\xb8\x96"}));
  CHECK(accepted(go123, cgo_verb::ldflags, {"-Wl,-rpath,\xe4\xb8\x96\xe7\x95\x8c"}));
  CHECK(accepted(go124, cgo_verb::ldflags, {"-Wl,-rpath,\xe4\xb8\x96"}));
  // SafeArg looks at the first byte only: >= 0x80 is safe.
  CHECK(accepted(go119, cgo_verb::cflags, {"-I", "\xe4\xb8\x96\xe7\x95\x8c"}));
}

TEST_CASE("an empty word matches every pattern, as FindString(\"\") == \"\"", "[cgo][security]") {
  CHECK(accepted(go119, cgo_verb::cflags, {""}));
  CHECK(accepted(go120, cgo_verb::ldflags, {""}));
  // From 1.21 the invalid linker pattern (-lto_library) matches it first.
  CHECK_FALSE(accepted(go121, cgo_verb::ldflags, {""}));
  CHECK_FALSE(go_error(cflags(go119, {""}, env_of({{"CGO_CFLAGS_DISALLOW", "x"}}))).empty());
}

// --- version changes ----------------------------------------------------------

TEST_CASE("1.21: -lto_library refused, -Wl,-O/-e need a value, -Wl,-R, tightened", "[cgo][security]") {
  for (const strings &flags : std::vector<strings>{{"-lto_library"}, {"-Wl,-O"}, {"-Wl,-O1x"}, {"-Wl,-e="},
                                                   {"-Wl,-e,"}, {"-Wl,-R,"}, {"-Wl,-R,-flag"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK(accepted(go119, cgo_verb::ldflags, flags));
    CHECK(accepted(go120, cgo_verb::ldflags, flags));
    CHECK_FALSE(accepted(go121, cgo_verb::ldflags, flags));
    CHECK_FALSE(accepted(go127, cgo_verb::ldflags, flags));
  }
  for (const strings &flags : std::vector<strings>{{"-Wl,-O2"}, {"-Wl,-e=main"}, {"-Wl,-R,/opt"}, {"-lto"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK(accepted(go119, cgo_verb::ldflags, flags));
    CHECK(accepted(go121, cgo_verb::ldflags, flags));
  }
  CHECK(go_error(ldflags(go121, {"-lto_library"})) == "invalid flag in #cgo LDFLAGS: -lto_library");
  // The invalid pattern must match the whole word: -lto_libraryX is a library.
  CHECK(accepted(go121, cgo_verb::ldflags, {"-lto_libraryX"}));
}

TEST_CASE("1.22: debug/file prefix maps and canonical-prefix flags", "[cgo][security]") {
  for (const strings &flags : std::vector<strings>{{"-fdebug-prefix-map=/a=/b"}, {"-ffile-prefix-map=/a=/b"},
                                                   {"-fno-canonical-system-headers"}, {"-no-canonical-prefixes"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK_FALSE(accepted(go121, cgo_verb::cflags, flags));
    CHECK(accepted(go122, cgo_verb::cflags, flags));
    CHECK(accepted(go127, cgo_verb::cflags, flags));
  }
  CHECK_FALSE(accepted(go122, cgo_verb::cflags, {"-fdebug-prefix-map=@a=/b"}));
}

TEST_CASE("1.23: -mcmodel, -mlarge-data-threshold, combined -Wl,-z", "[cgo][security]") {
  for (const strings &flags : std::vector<strings>{{"-mcmodel=medium"}, {"-mlarge-data-threshold=16"}}) {
    CHECK_FALSE(accepted(go122, cgo_verb::cflags, flags));
    CHECK(accepted(go123, cgo_verb::cflags, flags));
  }
  CHECK_FALSE(accepted(go123, cgo_verb::cflags, {"-mcmodel=@model"}));
  for (const strings &flags : std::vector<strings>{{"-Wl,-z,now"}, {"-Wl,-z,relro,-z,now"}, {"-Wl,-z,noexecstack,-z,now"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK_FALSE(accepted(go122, cgo_verb::ldflags, flags));
    CHECK(accepted(go123, cgo_verb::ldflags, flags));
  }
  CHECK(accepted(go122, cgo_verb::ldflags, {"-Wl,-z,relro"}));
  CHECK(accepted(go122, cgo_verb::ldflags, {"-Wl,-z,execstack"}));
  CHECK_FALSE(accepted(go123, cgo_verb::ldflags, {"-Wl,-z,relro,-z,foo"}));
  // The linker did not get -mcmodel until 1.25.
  CHECK_FALSE(accepted(go124, cgo_verb::ldflags, {"-mcmodel=medium"}));
  CHECK(accepted(go125, cgo_verb::ldflags, {"-mcmodel=medium"}));
}

TEST_CASE("1.24: tls-model, push/pop-state, one-character -Wl values", "[cgo][security]") {
  CHECK_FALSE(accepted(go123, cgo_verb::cflags, {"-ftls-model=local-dynamic"}));
  CHECK(accepted(go124, cgo_verb::cflags, {"-ftls-model=local-dynamic"}));
  CHECK_FALSE(accepted(go124, cgo_verb::cflags, {"-ftls-model=other"}));
  for (const strings &flags : std::vector<strings>{
           {"-Wl,--push-state"}, {"-Wl,--pop-state"}, {"-Wl,--push-state,--as-needed"},
           {"-Wl,--push-state,--no-as-needed,-Bstatic"}, {"-Wl,--just-symbols,."}, {"-Wl,-framework,."},
           {"-Wl,-rpath,."}, {"-Wl,-rpath-link,."}, {"-Wl,-sectcreate,.,.,."}, {"-Wl,-syslibroot,."},
           {"-Wl,-undefined,."}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK_FALSE(accepted(go123, cgo_verb::ldflags, flags));
    CHECK(accepted(go124, cgo_verb::ldflags, flags));
  }
  for (const strings &flags : std::vector<strings>{{"-Wl,--push-state,"}, {"-Wl,--push-state,@foo"},
                                                   {"-Wl,--push-state,--as-needed,-lto_library"},
                                                   {"./-Wl,--push-state,-R.c"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK_FALSE(accepted(go124, cgo_verb::ldflags, flags));
  }
  // Each piece is checked as -Wl,PIECE, so -Wl,-R,x is not rebuilt from "-R","x".
  CHECK_FALSE(accepted(go124, cgo_verb::ldflags, {"-Wl,--push-state,-R,-flag"}));
  CHECK(accepted(go124, cgo_verb::ldflags, {"-Wl,--push-state,-Bstatic,--pop-state"}));
  // -Wl,-R.so passes -Wl,-R,?(...) on its own, so this one is accepted.
  CHECK(accepted(go124, cgo_verb::ldflags, {"-Wl,--push-state,-R.so"}));
  // The compiler table has no -Wl,--push-state, so pieces never pass there.
  CHECK_FALSE(accepted(go124, cgo_verb::cflags, {"-Wl,--push-state,-Wall"}));
}

TEST_CASE("1.25: loong64 and tls-dialect flags, --static, LD -mcmodel", "[cgo][security]") {
  for (const strings &flags : std::vector<strings>{
           {"-mtls-dialect=gnu2"}, {"-msimd=lasx"}, {"-mdouble-float"}, {"-mrelax"}, {"-mno-strict-align"},
           {"-mlsx"}, {"-mno-lam-bh"}, {"--static"}, {"-fsanitize-undefined-strip-path-components=-1"}}) {
    INFO(Catch::Detail::stringify(flags));
    CHECK_FALSE(accepted(go124, cgo_verb::cflags, flags));
    CHECK(accepted(go125, cgo_verb::cflags, flags));
    CHECK(accepted(go127, cgo_verb::cflags, flags));
  }
  CHECK_FALSE(accepted(go125, cgo_verb::cflags, {"-mtls-dialect=@gnu"}));
  CHECK_FALSE(accepted(go125, cgo_verb::cflags, {"-msimd=-none"}));
  CHECK_FALSE(accepted(go125, cgo_verb::cflags, {"-mfpu=@0"}));
  CHECK(accepted(go125, cgo_verb::ldflags, {"-mlasx"}));
  CHECK_FALSE(accepted(go124, cgo_verb::ldflags, {"-mlasx"}));
}

TEST_CASE("1.26: the duplicate -mavx pattern left, -mavx flags stay accepted", "[cgo][security]") {
  for (const go_version v : {go125, go126, go127}) {
    CHECK(accepted(v, cgo_verb::cflags, {"-mavx2"}));
    CHECK(accepted(v, cgo_verb::cflags, {"-mno-avx512f"}));
    CHECK(accepted(v, cgo_verb::cflags, {"-mavx10.1"}));
  }
}

TEST_CASE("releases outside 1.19-1.27 use the nearest modelled one", "[cgo][security]") {
  CHECK(accepted(go_version{18}, cgo_verb::ldflags, {"-lto_library"}));
  CHECK(go_error(cflags(go_version{30}, {"-fplugin=x"})) ==
        "invalid flag in #cgo CFLAGS: -fplugin=x (see https://go.dev/s/invalidflag)");
}

// --- CGO_<NAME>_ALLOW / DISALLOW ------------------------------------------------

TEST_CASE("ALLOW must match the whole flag", "[cgo][security]") {
  CHECK_FALSE(accepted(go119, cgo_verb::cflags, {"-disallow"}));
  CHECK_FALSE(go_error(cflags(go119, {"-disallow"}, env_of({{"CGO_CFLAGS_ALLOW", "-disallo"}}))).empty());
  CHECK(go_error(cflags(go119, {"-disallow"}, env_of({{"CGO_CFLAGS_ALLOW", "-disallow"}}))).empty());
  CHECK(go_error(cflags(go119, {"-fplugin=x.so"}, env_of({{"CGO_CFLAGS_ALLOW", "-fplugin=.*"}}))).empty());
}

TEST_CASE("ALLOW is leftmost-first FindString, not a full match", "[cgo][security]") {
  // RE2::FullMatch would take the second alternative; Go's FindString stops
  // at "-f", which is not the whole flag.
  const env_lookup env = env_of({{"CGO_CFLAGS_ALLOW", "-f|-fplugin=x.so"}});
  CHECK_FALSE(go_error(cflags(go119, {"-fplugin=x.so"}, env)).empty());
  CHECK(go_error(cflags(go119, {"-fplugin=x.so"}, env_of({{"CGO_CFLAGS_ALLOW", "-fplugin=x.so|-f"}}))).empty());
  // Unanchored: a match that starts later does not cover the flag.
  CHECK_FALSE(go_error(cflags(go119, {"-fplugin=x.so"}, env_of({{"CGO_CFLAGS_ALLOW", "plugin.*"}}))).empty());
}

TEST_CASE("DISALLOW is checked first and wins over ALLOW and the built-in list", "[cgo][security]") {
  CHECK(accepted(go119, cgo_verb::cflags, {"-Wall"}));
  CHECK(go_error(cflags(go119, {"-Wall"}, env_of({{"CGO_CFLAGS_DISALLOW", "-Wall"}}))) ==
        "invalid flag in #cgo CFLAGS: -Wall");
  CHECK_FALSE(
      go_error(cflags(go119, {"-Wall"}, env_of({{"CGO_CFLAGS_DISALLOW", "-Wall"}, {"CGO_CFLAGS_ALLOW", "-Wall"}})))
          .empty());
  const env_lookup env = env_of({{"CGO_CFLAGS_ALLOW", "-fplugin.*"}, {"CGO_CFLAGS_DISALLOW", "-fplugin=lint.so"}});
  CHECK(go_error(cflags(go119, {"-fplugin=faster.so"}, env)).empty());
  CHECK(go_error(cflags(go119, {"-fplugin=lint.so"}, env)) == "invalid flag in #cgo CFLAGS: -fplugin=lint.so");
  CHECK(go_error(cflags(go126, {"-DX=1"}, env_of({{"CGO_CFLAGS_DISALLOW", "-D.*"}}))) ==
        "invalid flag in #cgo CFLAGS: -DX=1 (see https://go.dev/s/invalidflag)");
}

TEST_CASE("ALLOW overrides the built-in invalid list and the next-argument forms", "[cgo][security]") {
  CHECK(go_error(ldflags(go121, {"-lto_library"}, env_of({{"CGO_LDFLAGS_ALLOW", "-lto_library"}}))).empty());
  // "-I" itself allowed: the next word is then checked on its own.
  const flag_check c = cflags(go119, {"-I", "-x"}, env_of({{"CGO_CFLAGS_ALLOW", "-I"}}));
  REQUIRE(c.verdicts.size() == 2);
  CHECK(c.verdicts[0].accepted);
  CHECK_FALSE(c.verdicts[1].accepted);
  CHECK(go_error(c) == "invalid flag in #cgo CFLAGS: -x without argument (see https://golang.org/s/invalidflag)");
}

TEST_CASE("DISALLOW does not look at a consumed next argument", "[cgo][security]") {
  const env_lookup env = env_of({{"CGO_CFLAGS_DISALLOW", "secret"}});
  CHECK(go_error(cflags(go119, {"-I", "secret"}, env)).empty());
  CHECK_FALSE(go_error(cflags(go119, {"secret"}, env)).empty());
}

TEST_CASE("each verb reads its own ALLOW/DISALLOW", "[cgo][security]") {
  const env_lookup env = env_of({{"CGO_CFLAGS_ALLOW", "-fplugin=.*"}, {"CGO_LDFLAGS_DISALLOW", "-lm"}});
  CHECK(go_error(cflags(go119, {"-fplugin=x"}, env)).empty());
  CHECK_FALSE(go_error(check_cgo_flags(go119, cgo_verb::cxxflags, {"-fplugin=x"}, env)).empty());
  CHECK_FALSE(go_error(check_cgo_flags(go119, cgo_verb::cppflags, {"-fplugin=x"}, env)).empty());
  CHECK(go_error(ldflags(go119, {"-lm"}, env)) == "invalid flag in #cgo LDFLAGS: -lm");
  CHECK(go_error(cflags(go119, {"-DX"}, env)).empty());
  CHECK(go_error(check_cgo_flags(go119, cgo_verb::cxxflags, {"-fplugin=x"},
                                 env_of({{"CGO_CXXFLAGS_ALLOW", "-fplugin=x"}})))
            .empty());
}

TEST_CASE("an empty ALLOW/DISALLOW is unset", "[cgo][security]") {
  CHECK(go_error(cflags(go119, {"-Wall"}, env_of({{"CGO_CFLAGS_DISALLOW", ""}}))).empty());
  const env_lookup empty_string = [](std::string_view) -> std::optional<std::string> { return std::string{}; };
  CHECK(go_error(cflags(go119, {"-Wall"}, empty_string)).empty());
  CHECK(go_error(cflags(go119, {"-Wall"}, env_lookup{})).empty());
}

TEST_CASE("a bad ALLOW/DISALLOW regexp fails before any flag, with Go's text", "[cgo][security]") {
  const flag_check c = cflags(go119, {"-DX"}, env_of({{"CGO_CFLAGS_ALLOW", "("}}));
  CHECK(c.error.value_or("") == "parsing $CGO_CFLAGS_ALLOW: error parsing regexp: missing closing ): `(`");
  CHECK(c.verdicts.empty());
  CHECK(c.first_rejection() == nullptr);
  CHECK_FALSE(c.ok());
  // Even with no flags at all: checkFlags compiles it first.
  CHECK(cflags(go119, {}, env_of({{"CGO_CFLAGS_ALLOW", "("}})).error.has_value());
  CHECK(go_error(ldflags(go119, {}, env_of({{"CGO_LDFLAGS_DISALLOW", "a**"}}))) ==
        "parsing $CGO_LDFLAGS_DISALLOW: error parsing regexp: invalid nested repetition operator: `**`");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"[a", "missing closing ]: `[a`"},
      {"a)", "unexpected ): `a)`"},
      {"x{1001}", "invalid repeat count: `{1001}`"},
      {"\\8", "invalid escape sequence: `\\8`"},
      {"*", "missing argument to repetition operator: `*`"},
      {"[z-a]", "invalid character class range: `z-a`"},
      {"(?x)a", "invalid or unsupported Perl syntax: `(?x`"},
      {"(?P<>a)", "invalid named capture: `(?P<>`"},
      {"\\", "trailing backslash at end of expression: ``"},
      {"\\C", "invalid escape sequence: `\\C`"},
      {"[\\C]", "invalid escape sequence: `\\C`"},
      {"a{2,1}", "invalid repeat count: `{2,1}`"},
      {"x{1000}{2}", "invalid nested repetition operator: `{1000}{2}`"},
      // Go names the pattern from the first byte that is not UTF-8 (go1.19.8).
      {"a\xff" "b", "invalid UTF-8: `\xff" "b`"},
  };
  for (const auto &[pattern, text] : cases) {
    INFO(pattern);
    CHECK(go_error(cflags(go119, {}, env_of({{"CGO_CFLAGS_ALLOW", pattern}}))) ==
          "parsing $CGO_CFLAGS_ALLOW: error parsing regexp: " + text);
  }
  // \C inside \Q...\E is a literal.
  CHECK(go_error(cflags(go119, {"-C"}, env_of({{"CGO_CFLAGS_ALLOW", "\\Q\\C\\E|-C"}}))).empty());
}

TEST_CASE("the (?<name>re) group form: an error before 1.22, accepted since", "[cgo][security]") {
  const env_lookup env = env_of({{"CGO_CFLAGS_ALLOW", "(?<p>-fplugin)=x"}});
  CHECK(go_error(cflags(go121, {"-fplugin=x"}, env)) ==
        "parsing $CGO_CFLAGS_ALLOW: error parsing regexp: invalid or unsupported Perl syntax: `(?<`");
  CHECK(go_error(cflags(go122, {"-fplugin=x"}, env)).empty());
  CHECK(go_error(cflags(go122, {"-fplugin=x"}, env_of({{"CGO_CFLAGS_ALLOW", "(?P<p>-fplugin)=x"}}))).empty());
  // Inside a class, "(?<" is three literal characters.
  CHECK(go_error(cflags(go119, {"-f("}, env_of({{"CGO_CFLAGS_ALLOW", "-f[(?<]"}}))).empty());
}

// --- pkg-config ----------------------------------------------------------------

TEST_CASE("pkg-config arguments: package names must be SafeArg in every release", "[cgo][security]") {
  for (const go_version v : {go119, go123, go127}) {
    const flag_check c = check_pkg_config_args(v, {"libxml-2.0", "-foo", "@bar"});
    REQUIRE(c.verdicts.size() == 3);
    CHECK(c.verdicts[0].accepted);
    CHECK_FALSE(c.verdicts[1].accepted);
    CHECK(c.verdicts[1].message == "invalid pkg-config package name: -foo");
    CHECK_FALSE(c.verdicts[2].accepted);
    CHECK(go_error(c) == "invalid pkg-config package name: -foo");
  }
}

TEST_CASE("pkg-config options: unchecked before 1.24, an allowlist since", "[cgo][security]") {
  const strings args = {"--define-variable=prefix=/usr", "--static", "--", "zlib"};
  for (const go_version v : {go119, go123, go124, go127}) {
    CHECK(check_pkg_config_args(v, args).ok());
  }
  CHECK(check_pkg_config_args(go123, {"--with-path=@x", "zlib"}).ok());
  CHECK(go_error(check_pkg_config_args(go124, {"--with-path=@x", "zlib"})) ==
        "invalid flag in pkg-config: --with-path=@x");
  CHECK(go_error(check_pkg_config_args(go125, {"zlib", "--define-variable=x=-y"})) ==
        "invalid flag in pkg-config: --define-variable=x=-y");
  CHECK(go_error(check_pkg_config_args(go126, {"--frobnicate"})) ==
        "invalid flag in pkg-config: --frobnicate (see https://go.dev/s/invalidflag)");
  CHECK(check_pkg_config_args(go125, {"--atleast-version=1.2.3", "--cflags-only-I", "x"}).ok());
  CHECK_FALSE(check_pkg_config_args(go125, {"--atleast-version=1.2", "x"}).ok());
}

TEST_CASE("pkg-config: go reports a bad package name before a bad option", "[cgo][security]") {
  const flag_check c = check_pkg_config_args(go127, {"--frobnicate", "zlib", "-bad"});
  REQUIRE(c.verdicts.size() == 3);
  CHECK_FALSE(c.verdicts[0].accepted);
  CHECK_FALSE(c.verdicts[2].accepted);
  REQUIRE(c.first_rejection() != nullptr);
  CHECK(c.first_rejection()->index == 2);
  CHECK(go_error(c) == "invalid pkg-config package name: -bad");
}

TEST_CASE("pkg-config output: checked as CFLAGS / LDFLAGS with its own source", "[cgo][security]") {
  CHECK(check_pkg_config_output(go119, pkg_config_output::cflags, {"-I", "=/usr/include/libxml2"}, no_env).ok());
  CHECK(go_error(check_pkg_config_output(go119, pkg_config_output::cflags, {"-I", "-x"}, no_env)) ==
        "invalid flag in pkg-config --cflags: -I -x (see https://golang.org/s/invalidflag)");
  CHECK(go_error(check_pkg_config_output(go121, pkg_config_output::libs, {"-lz", "-lto_library"}, no_env)) ==
        "invalid flag in pkg-config --libs: -lto_library");
  // --cflags output answers to CGO_CFLAGS_ALLOW.
  CHECK(check_pkg_config_output(go119, pkg_config_output::cflags, {"-fplugin=x"},
                                env_of({{"CGO_CFLAGS_ALLOW", "-fplugin=x"}}))
            .ok());
}

TEST_CASE("check_cgo_flags refuses the pkg-config verb with an error value", "[cgo][security]") {
  const flag_check c = check_cgo_flags(go119, cgo_verb::pkg_config, {"zlib"}, no_env);
  CHECK(c.error.has_value());
  CHECK(c.verdicts.empty());
}

TEST_CASE("every built-in pattern compiles in RE2", "[cgo][security]") {
  using cgocheck::cgo::detail::compiled_table;
  using cgocheck::cgo::detail::flag_table;
  std::size_t n = 0;
  for (const flag_table t : {flag_table::compiler, flag_table::linker_invalid, flag_table::linker,
                             flag_table::pkg_config}) {
    for (const auto &re : compiled_table(t)) {
      INFO(re->pattern());
      CHECK(re->ok());
      ++n;
    }
  }
  CHECK(n > 200);
  // Release tables only grow or swap rows: 1.19 has 82 compiler patterns.
  CHECK(cgocheck::cgo::detail::patterns_for(go119, flag_table::compiler).size() == 82);
  CHECK(cgocheck::cgo::detail::patterns_for(go119, flag_table::pkg_config).empty());
  CHECK(cgocheck::cgo::detail::patterns_for(go124, flag_table::pkg_config).size() == 49);
}
