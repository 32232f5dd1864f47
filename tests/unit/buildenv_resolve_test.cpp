// cgocheck::buildenv::resolve and the `go env -w` / `go env -u` model, on
// machines described in memory.
//
// Rules checked against the Go sources (go1.19.8 read locally; later releases
// as the headers cite them):
// - layers and empty-means-unset: Getenv / initEnvCache / readEnvFile,
//   src/cmd/go/internal/cfg/cfg.go (go.env from 1.21, never over the user file);
// - user file location: EnvFile (cfg.go) and os.UserConfigDir (src/os/file.go;
//   a relative XDG_CONFIG_HOME is rejected from 1.24);
// - CGO_ENABLED: defaultContext (cfg.go) and src/go/build/build.go; the
//   compiler probe from 1.20 reads only the OS environment's CC;
// - CGO_*FLAGS: envList in src/cmd/go/internal/work/exec.go, printed with
//   quoted.Join by src/cmd/go/internal/envcmd/env.go;
// - go env -w/-u: runEnvW, runEnvU, checkEnvWrite, checkBuildConfig and
//   updateEnvFile in src/cmd/go/internal/envcmd/env.go.
#include "cgocheck/buildenv/env_write.hpp"
#include "cgocheck/buildenv/resolve.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

using cgocheck::buildenv::check_env_write;
using cgocheck::buildenv::explain_env_write;
using cgocheck::buildenv::go_installation;
using cgocheck::buildenv::go_version;
using cgocheck::buildenv::layer;
using cgocheck::buildenv::printed_keys;
using cgocheck::buildenv::resolution;
using cgocheck::buildenv::resolve;
using cgocheck::buildenv::system_view;
using cgocheck::buildenv::target;
using cgocheck::buildenv::write_explanation;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const std::string user_file = "/home/u/.config/go/env";
const std::string goroot_env = "/usr/local/go/go.env";

/// A machine described in memory. view() hands out lambdas that refer to
/// this object, so it must outlive every use of the view.
struct machine {
  std::map<std::string, std::string> environ{{"HOME", "/home/u"}};
  std::map<std::string, std::string> files;
  std::set<std::string> on_path{"gcc", "g++", "clang", "clang++"};
  mutable std::vector<std::string> reads;

  [[nodiscard]] system_view view() const {
    system_view v;
    v.environ = environ;
    v.read_file = [this](const std::string &path) -> std::optional<std::string> {
      reads.push_back(path);
      const auto it = files.find(path);
      if (it == files.end()) {
        return std::nullopt;
      }
      return it->second;
    };
    v.look_path = [this](const std::string &name, const std::string &) { return on_path.count(name) != 0; };
    return v;
  }

  [[nodiscard]] bool was_read(const std::string &path) const {
    return std::find(reads.begin(), reads.end(), path) != reads.end();
  }
};

go_installation go(int minor, target host = {"linux", "amd64"}) {
  go_installation g;
  g.version = go_version{minor};
  g.host = std::move(host);
  g.goroot = "/usr/local/go";
  return g;
}

bool any_contains(const std::vector<std::string> &notes, const std::string &needle) {
  return std::any_of(notes.begin(), notes.end(),
                     [&](const std::string &n) { return n.find(needle) != std::string::npos; });
}

} // namespace

// --- layers -------------------------------------------------------------------

TEST_CASE("resolve: env > user file > $GOROOT/go.env > default (1.21)", "[buildenv][resolve]") {
  machine m;
  m.environ["CC"] = "env-cc";
  m.files[user_file] = "CC=file-cc\nCXX=file-cxx\nAR=file-ar\n";
  m.files[goroot_env] = "# go.env\nCC=goroot-cc\nCXX=goroot-cxx\nAR=goroot-ar\nPKG_CONFIG=goroot-pkg-config\n";
  const resolution r = resolve(go(21), m.view());

  CHECK(r.user_file_path == user_file);
  CHECK(r.goroot_env_path == goroot_env);

  const auto &cc = r.values.at("CC");
  CHECK(cc.value == "env-cc");
  CHECK(cc.winner.from == layer::env);
  REQUIRE(cc.overridden.size() == 2);
  CHECK(cc.overridden[0].value == "file-cc");
  CHECK(cc.overridden[0].where.from == layer::goenv_file);
  CHECK(cc.overridden[0].where.file == user_file);
  CHECK(cc.overridden[0].where.line == 1);
  CHECK(cc.overridden[1].value == "goroot-cc");
  CHECK(cc.overridden[1].where.from == layer::goroot_go_env);
  CHECK(cc.overridden[1].where.line == 2);

  const auto &cxx = r.values.at("CXX");
  CHECK(cxx.value == "file-cxx");
  CHECK(cxx.winner.from == layer::goenv_file);
  CHECK(cxx.winner.file == user_file);
  CHECK(cxx.winner.line == 2);
  REQUIRE(cxx.overridden.size() == 1);
  CHECK(cxx.overridden[0].where.from == layer::goroot_go_env);
  CHECK(cxx.overridden[0].where.line == 3);

  CHECK(r.get("AR") == "file-ar");

  const auto &pkg = r.values.at("PKG_CONFIG");
  CHECK(pkg.value == "goroot-pkg-config");
  CHECK(pkg.winner.from == layer::goroot_go_env);
  CHECK(pkg.winner.file == goroot_env);
  CHECK(pkg.winner.line == 5);

  const auto &cxxflags = r.values.at("CGO_CXXFLAGS");
  CHECK(cxxflags.value == "-O2 -g");
  CHECK(cxxflags.winner.from == layer::default_value);
  CHECK(cxxflags.overridden.empty());
}

TEST_CASE("resolve: Go 1.19 does not read $GOROOT/go.env", "[buildenv][resolve]") {
  machine m;
  m.environ["CC"] = "env-cc";
  m.files[user_file] = "CC=file-cc\nCXX=file-cxx\n";
  m.files[goroot_env] = "CC=goroot-cc\nPKG_CONFIG=goroot-pkg-config\n";
  const resolution r = resolve(go(19), m.view());

  CHECK(r.goroot_env_path.empty());
  CHECK_FALSE(m.was_read(goroot_env));
  CHECK(r.get("PKG_CONFIG") == "pkg-config");
  CHECK(r.values.at("PKG_CONFIG").winner.from == layer::default_value);
  CHECK(r.values.at("CC").overridden.size() == 1);
  CHECK(r.get("CXX") == "file-cxx");
  CHECK(r.values.at("CXX").overridden.empty());
  CHECK(r.get("CGO_CFLAGS") == "-g -O2");
}

TEST_CASE("resolve: an empty user-file line beats go.env", "[buildenv][resolve]") {
  machine m;
  m.files[user_file] = "GOFLAGS=\n";
  m.files[goroot_env] = "GOFLAGS=-mod=mod\nGOTOOLCHAIN=auto\n";
  const resolution r = resolve(go(21), m.view());
  const auto &goflags = r.values.at("GOFLAGS");
  CHECK(goflags.value.empty());
  CHECK(goflags.winner.from == layer::goenv_file);
  CHECK(goflags.winner.line == 1);
  REQUIRE(goflags.overridden.size() == 1);
  CHECK(goflags.overridden[0].value == "-mod=mod");
  CHECK(r.get("GOTOOLCHAIN") == "auto");
  CHECK(r.values.at("GOTOOLCHAIN").winner.from == layer::goroot_go_env);
}

TEST_CASE("resolve: GOROOT comes from the user file and locates go.env", "[buildenv][resolve]") {
  machine m;
  m.files[user_file] = "GOROOT=/opt/go/\n";
  m.files["/opt/go/go.env"] = "GOPROXY=https://proxy.example\nGOROOT=/elsewhere\n";
  m.files[goroot_env] = "GOPROXY=wrong\n";
  const resolution r = resolve(go(21), m.view());
  CHECK(r.get("GOROOT") == "/opt/go");
  CHECK(r.values.at("GOROOT").winner.from == layer::goenv_file);
  CHECK(r.goroot_env_path == "/opt/go/go.env");
  CHECK_FALSE(m.was_read(goroot_env));

  machine plain;
  plain.files[goroot_env] = "GOROOT=/elsewhere\n";
  const resolution p = resolve(go(21), plain.view());
  // go.env never sets GOROOT.
  CHECK(p.get("GOROOT") == "/usr/local/go");
  CHECK(p.values.at("GOROOT").winner.from == layer::default_value);
}

TEST_CASE("resolve: a repeated user-file key uses the last line and says so", "[buildenv][resolve]") {
  machine m;
  m.files[user_file] = "CC=gcc-12\ncc=lower\n# comment\nCC=gcc-13\n";
  const resolution r = resolve(go(21), m.view());
  const auto &cc = r.values.at("CC");
  CHECK(cc.value == "gcc-13");
  CHECK(cc.winner.line == 4);
  CHECK(any_contains(cc.notes, "CC appears again at line 4 of " + user_file + "; line 1 has no effect"));
  CHECK(any_contains(r.notes, user_file + ":2: line ignored by the go command (does not start with an upper-case "
                                          "letter A-Z)"));
  CHECK_FALSE(any_contains(r.notes, user_file + ":3:"));
}

TEST_CASE("resolve: an empty OS variable counts as unset", "[buildenv][resolve]") {
  machine m;
  m.environ["AR"] = "";
  m.environ["CXX"] = "";
  m.files[user_file] = "AR=file-ar\n";
  const resolution r = resolve(go(21), m.view());

  const auto &ar = r.values.at("AR");
  CHECK(ar.value == "file-ar");
  CHECK(ar.winner.from == layer::goenv_file);
  CHECK(any_contains(ar.notes, "AR is set to the empty string in the process environment, which the go command "
                               "treats as unset; the value from the go/env file applies"));

  const auto &cxx = r.values.at("CXX");
  CHECK(cxx.value == "g++");
  CHECK(cxx.winner.from == layer::default_value);
  CHECK(any_contains(cxx.notes, "CXX is set to the empty string in the process environment, which the go command "
                                "treats as unset"));
  CHECK(r.values.at("CC").notes.size() == 1); // only the default's explanation
}

// --- the user go/env file ------------------------------------------------------

TEST_CASE("resolve: GOENV=off reads no file", "[buildenv][resolve]") {
  machine m;
  m.environ["GOENV"] = "off";
  m.files[user_file] = "CC=file-cc\n";
  const resolution r = resolve(go(21), m.view());
  CHECK(r.get("GOENV").empty());
  CHECK(r.user_file_path.empty());
  CHECK(r.user_file.entries.empty());
  CHECK_FALSE(m.was_read(user_file));
  CHECK(r.get("CC") == "gcc");
  CHECK(any_contains(r.values.at("GOENV").notes, "GOENV=off: no go/env file is read"));
}

TEST_CASE("resolve: GOENV=/custom/path is used as is", "[buildenv][resolve]") {
  machine m;
  m.environ["GOENV"] = "/custom//path";
  m.files["/custom//path"] = "CC=custom-cc\n";
  m.files[user_file] = "CC=file-cc\n";
  const resolution r = resolve(go(21), m.view());
  CHECK(r.get("GOENV") == "/custom//path");
  CHECK(r.values.at("GOENV").winner.from == layer::env);
  CHECK(r.user_file_path == "/custom//path");
  CHECK(r.get("CC") == "custom-cc");
  CHECK(r.values.at("CC").winner.file == "/custom//path");
  CHECK_FALSE(m.was_read(user_file));
}

TEST_CASE("resolve: an empty GOENV means the default file", "[buildenv][resolve]") {
  machine m;
  m.environ["GOENV"] = "";
  m.files[user_file] = "CC=file-cc\n";
  const resolution r = resolve(go(21), m.view());
  CHECK(r.get("GOENV") == user_file);
  CHECK(r.values.at("GOENV").winner.from == layer::default_value);
  CHECK(r.get("CC") == "file-cc");
}

TEST_CASE("resolve: XDG_CONFIG_HOME, relative before and after 1.24", "[buildenv][resolve]") {
  machine m;
  m.environ["XDG_CONFIG_HOME"] = "rel";
  m.files["rel/go/env"] = "CC=rel-cc\n";
  const resolution r123 = resolve(go(23), m.view());
  CHECK(r123.get("GOENV") == "rel/go/env");
  CHECK(r123.get("CC") == "rel-cc");

  const resolution r124 = resolve(go(24), m.view());
  CHECK(r124.get("GOENV").empty());
  CHECK(r124.user_file_path.empty());
  CHECK(r124.get("CC") == "gcc");
  CHECK(any_contains(r124.values.at("GOENV").notes, "no go/env file: path in $XDG_CONFIG_HOME is relative"));

  machine abs;
  abs.environ["XDG_CONFIG_HOME"] = "/xdg/";
  CHECK(resolve(go(24), abs.view()).get("GOENV") == "/xdg/go/env");

  machine nohome;
  nohome.environ.clear();
  const resolution none = resolve(go(21), nohome.view());
  CHECK(none.get("GOENV").empty());
  CHECK(any_contains(none.values.at("GOENV").notes, "neither $XDG_CONFIG_HOME nor $HOME are defined"));
}

TEST_CASE("resolve: a darwin host keeps go/env under Application Support", "[buildenv][resolve]") {
  machine m;
  m.environ["HOME"] = "/Users/u";
  m.environ["XDG_CONFIG_HOME"] = "/ignored";
  const std::string mac_file = "/Users/u/Library/Application Support/go/env";
  m.files[mac_file] = "CGO_CFLAGS=-O1\n";
  const resolution r = resolve(go(21, {"darwin", "arm64"}), m.view());
  CHECK(r.get("GOENV") == mac_file);
  CHECK(r.get("CGO_CFLAGS") == "-O1");
  CHECK(r.get("CC") == "clang");
  CHECK(r.get("GOHOSTOS") == "darwin");
  CHECK(r.get("GOARCH") == "arm64");
}

// --- CGO_ENABLED ------------------------------------------------------------

TEST_CASE("CGO_ENABLED: an explicit 0 or 1 wins", "[buildenv][resolve][cgo]") {
  machine m;
  m.environ["CGO_ENABLED"] = "0";
  const resolution off = resolve(go(21), m.view());
  CHECK(off.get("CGO_ENABLED") == "0");
  CHECK_FALSE(off.cgo_enabled);
  CHECK(off.values.at("CGO_ENABLED").winner.from == layer::env);
  CHECK(any_contains(off.values.at("CGO_ENABLED").notes,
                     "cgo is off because the process environment sets CGO_ENABLED=0"));

  // From the go/env file, even when cross-compiling and with no compiler.
  machine cross;
  cross.environ["GOARCH"] = "arm64";
  cross.on_path.clear();
  cross.files[user_file] = "CGO_ENABLED=1\n";
  const resolution on = resolve(go(21), cross.view());
  CHECK(on.get("CGO_ENABLED") == "1");
  CHECK(on.cgo_enabled);
  CHECK(on.values.at("CGO_ENABLED").winner.from == layer::goenv_file);
  CHECK(on.values.at("CGO_ENABLED").winner.line == 1);
}

TEST_CASE("CGO_ENABLED: other values are ignored with a note", "[buildenv][resolve][cgo]") {
  machine m;
  m.environ["CGO_ENABLED"] = "yes";
  const resolution r = resolve(go(21), m.view());
  const auto &cgo = r.values.at("CGO_ENABLED");
  CHECK(cgo.value == "1");
  CHECK(r.cgo_enabled);
  CHECK(cgo.winner.from == layer::default_value);
  REQUIRE_FALSE(cgo.overridden.empty());
  CHECK(cgo.overridden[0].value == "yes");
  CHECK(any_contains(cgo.notes, "CGO_ENABLED=\"yes\" from the process environment is ignored"));

  m.environ["GOARCH"] = "arm64";
  CHECK(resolve(go(21), m.view()).get("CGO_ENABLED") == "0");
}

TEST_CASE("CGO_ENABLED: cross-compiling turns cgo off, until 1.25's toolchain default",
          "[buildenv][resolve][cgo]") {
  machine m;
  m.environ["GOARCH"] = "arm64";
  for (int minor = 19; minor <= 24; ++minor) {
    INFO("Go 1." << minor);
    go_installation g = go(minor);
    const resolution r = resolve(g, m.view());
    CHECK(r.get("CGO_ENABLED") == "0");
    CHECK_FALSE(r.cgo_enabled);
    CHECK(any_contains(r.values.at("CGO_ENABLED").notes, "GOARCH=arm64 differs from the host amd64"));
    // Before 1.25 the toolchain's own CGO_ENABLED does not matter here.
    g.toolchain.default_cgo_enabled = "1";
    CHECK(resolve(g, m.view()).get("CGO_ENABLED") == "0");
  }

  go_installation g25 = go(25);
  CHECK(resolve(g25, m.view()).get("CGO_ENABLED") == "0");
  g25.toolchain.default_cgo_enabled = "1";
  const resolution built_on = resolve(g25, m.view());
  CHECK(built_on.get("CGO_ENABLED") == "1");
  CHECK(built_on.cgo_enabled);
  CHECK(any_contains(built_on.values.at("CGO_ENABLED").notes, "even when cross-compiling"));

  machine other_os;
  other_os.environ["GOOS"] = "windows";
  const resolution win = resolve(go(21), other_os.view());
  CHECK(win.get("CGO_ENABLED") == "0");
  CHECK(any_contains(win.values.at("CGO_ENABLED").notes, "GOOS=windows differs from the host linux"));
}

TEST_CASE("CGO_ENABLED: the toolchain's build-time default for native builds", "[buildenv][resolve][cgo]") {
  machine m;
  go_installation g = go(21);
  g.toolchain.default_cgo_enabled = "0";
  CHECK(resolve(g, m.view()).get("CGO_ENABLED") == "0");
  go_installation g25 = go(25);
  g25.toolchain.default_cgo_enabled = "1";
  m.on_path.clear();
  // 1.25 skips the compiler probe for a toolchain built with CGO_ENABLED=1.
  CHECK(resolve(g25, m.view()).get("CGO_ENABLED") == "1");

  machine wasm;
  wasm.environ.clear();
  const resolution js = resolve(go(21, {"js", "wasm"}), wasm.view());
  CHECK(js.get("CGO_ENABLED") == "0");
  CHECK(any_contains(js.values.at("CGO_ENABLED").notes, "does not support cgo on js/wasm"));
}

TEST_CASE("CGO_ENABLED: the missing-compiler probe from 1.20", "[buildenv][resolve][cgo]") {
  machine m;
  m.on_path.clear();
  const resolution r119 = resolve(go(19), m.view());
  CHECK(r119.get("CGO_ENABLED") == "1");
  CHECK(r119.cgo_enabled);

  for (int minor = 20; minor <= 27; ++minor) {
    INFO("Go 1." << minor);
    const resolution r = resolve(go(minor), m.view());
    CHECK(r.get("CGO_ENABLED") == "0");
    CHECK_FALSE(r.cgo_enabled);
    CHECK(any_contains(r.values.at("CGO_ENABLED").notes, "the default C compiler 'gcc' is not on PATH"));
  }

  // A CC from the go/env file does not count...
  machine file_cc = m;
  file_cc.files[user_file] = "CC=/opt/bin/cc\n";
  const resolution with_file_cc = resolve(go(21), file_cc.view());
  CHECK(with_file_cc.get("CGO_ENABLED") == "0");
  CHECK(with_file_cc.get("CC") == "/opt/bin/cc");
  CHECK(any_contains(with_file_cc.values.at("CGO_ENABLED").notes,
                     "CC=/opt/bin/cc from the go/env file does not count for this rule"));

  // ...the OS environment's does, on PATH or not.
  machine env_cc = m;
  env_cc.environ["CC"] = "/opt/bin/cc";
  const resolution with_env_cc = resolve(go(21), env_cc.view());
  CHECK(with_env_cc.get("CGO_ENABLED") == "1");
  CHECK(with_env_cc.cgo_enabled);

  // The probe looks for the target's default compiler.
  machine only_gcc;
  only_gcc.environ["HOME"] = "/Users/u";
  only_gcc.on_path = {"gcc"};
  const resolution mac = resolve(go(21, {"darwin", "arm64"}), only_gcc.view());
  CHECK(mac.get("CGO_ENABLED") == "0");
  CHECK(any_contains(mac.values.at("CGO_ENABLED").notes, "'clang' is not on PATH"));
}

// --- CGO_*FLAGS ------------------------------------------------------------------

TEST_CASE("CGO_*FLAGS: per-version defaults and re-quoting", "[buildenv][resolve][flags]") {
  machine m;
  for (const int minor : {19, 20}) {
    const resolution r = resolve(go(minor), m.view());
    CHECK(r.get("CGO_CFLAGS") == "-g -O2");
    CHECK(r.get("CGO_LDFLAGS") == "-g -O2");
    CHECK(r.get("CGO_FFLAGS") == "-g -O2");
    CHECK(r.get("CGO_CPPFLAGS").empty());
  }
  for (const int minor : {21, 27}) {
    const resolution r = resolve(go(minor), m.view());
    CHECK(r.get("CGO_CFLAGS") == "-O2 -g");
    CHECK(r.get("CGO_CXXFLAGS") == "-O2 -g");
    CHECK(r.get("CGO_CPPFLAGS").empty());
  }

  m.environ["CGO_CFLAGS"] = "  -O3   '-DX=a b'";
  const resolution r = resolve(go(21), m.view());
  CHECK(r.get("CGO_CFLAGS") == "-O3 '-DX=a b'");
  CHECK(r.values.at("CGO_CFLAGS").winner.from == layer::env);
  CHECK(r.error.empty());
}

TEST_CASE("CGO_*FLAGS: an unterminated quote is the go command's panic", "[buildenv][resolve][flags]") {
  machine m;
  m.environ["CGO_LDFLAGS"] = "'-lfoo";
  const resolution r = resolve(go(21), m.view());
  CHECK(r.error ==
        "could not parse environment variable CGO_LDFLAGS with value \"'-lfoo\": unterminated ' string (the go "
        "command panics on it)");
  CHECK(r.get("CGO_LDFLAGS") == "'-lfoo");
}

TEST_CASE("CGO_*FLAGS, CC and CXX: set while cgo is off", "[buildenv][resolve][flags]") {
  machine m;
  m.environ["CGO_ENABLED"] = "0";
  m.environ["CGO_CFLAGS"] = "-O3";
  m.files[user_file] = "CC=clang\n";
  const resolution r = resolve(go(21), m.view());
  CHECK(any_contains(r.values.at("CGO_CFLAGS").notes, "CGO_CFLAGS is set but cgo is disabled, so it has no effect"));
  CHECK_FALSE(any_contains(r.values.at("CGO_LDFLAGS").notes, "is set but cgo is disabled"));
  CHECK(any_contains(r.values.at("CC").notes, "CC is set but cgo is disabled, so it is not used"));
  CHECK_FALSE(any_contains(r.values.at("CXX").notes, "is set but cgo is disabled"));

  m.environ["CGO_ENABLED"] = "1";
  const resolution on = resolve(go(21), m.view());
  CHECK_FALSE(any_contains(on.values.at("CGO_CFLAGS").notes, "is set but cgo is disabled"));
  CHECK_FALSE(any_contains(on.values.at("CC").notes, "is set but cgo is disabled"));
}

// --- GOFLAGS, GODEBUG, keys ---------------------------------------------------

TEST_CASE("resolve: GOFLAGS is checked as the version would", "[buildenv][resolve]") {
  machine m;
  m.environ["GOFLAGS"] = "\"-ldflags=-s -w\"";
  const resolution r119 = resolve(go(19), m.view());
  CHECK(r119.get("GOFLAGS") == "\"-ldflags=-s -w\"");
  CHECK(any_contains(r119.values.at("GOFLAGS").notes,
                     "go build would stop with \"go: parsing $GOFLAGS: non-flag \"\\\"-ldflags=-s\"\""));
  const resolution r121 = resolve(go(21), m.view());
  CHECK(r121.values.at("GOFLAGS").notes.empty());

  m.environ["GOFLAGS"] = "-ldflags='-s'";
  const resolution quoted119 = resolve(go(19), m.view());
  CHECK(any_contains(quoted119.values.at("GOFLAGS").notes, "does not understand quotes"));
}

TEST_CASE("resolve: run-time cgo checks and pair notes", "[buildenv][resolve]") {
  machine m;
  m.environ["GODEBUG"] = "cgocheck=2";
  const resolution r121 = resolve(go(21), m.view());
  CHECK(any_contains(r121.notes, "abort at startup"));
  const resolution r119 = resolve(go(19), m.view());
  CHECK(any_contains(r119.notes, "adds the write-barrier checks"));

  machine bogus;
  bogus.environ["GOOS"] = "bogus";
  const resolution b = resolve(go(21), bogus.view());
  CHECK(b.get("GOOS") == "bogus");
  CHECK(any_contains(b.notes, "GOOS/GOARCH bogus/amd64 is not a pair Go 1.21 knows"));
}

TEST_CASE("printed_keys: GOTOOLCHAIN from 1.21, GODEBUG from 1.23", "[buildenv][resolve]") {
  const auto has = [](const std::vector<std::string> &keys, const std::string &k) {
    return std::find(keys.begin(), keys.end(), k) != keys.end();
  };
  const auto k19 = printed_keys(go_version{19});
  CHECK(k19.size() == 18);
  CHECK(has(k19, "CGO_ENABLED"));
  CHECK(has(k19, "GOENV"));
  CHECK_FALSE(has(k19, "GOTOOLCHAIN"));
  CHECK_FALSE(has(k19, "GODEBUG"));
  CHECK_FALSE(has(printed_keys(go_version{20}), "GOTOOLCHAIN"));
  CHECK(has(printed_keys(go_version{21}), "GOTOOLCHAIN"));
  CHECK_FALSE(has(printed_keys(go_version{22}), "GODEBUG"));
  const auto k23 = printed_keys(go_version{23});
  CHECK(has(k23, "GOTOOLCHAIN"));
  CHECK(has(k23, "GODEBUG"));
  CHECK(k23.size() == 20);

  // Every printed key is resolved.
  machine m;
  m.environ["GODEBUG"] = "cgocheck=0";
  for (const int minor : {19, 21, 23, 27}) {
    const resolution r = resolve(go(minor), m.view());
    for (const std::string &key : printed_keys(go_version{minor})) {
      INFO("Go 1." << minor << " " << key);
      CHECK(r.values.count(key) == 1);
    }
  }
  CHECK(resolve(go(23), m.view()).get("GODEBUG") == "cgocheck=0");
  CHECK(resolve(go(21), m.view()).values.count("GODEBUG") == 0);
  CHECK(resolve(go(19), m.view()).values.count("GOTOOLCHAIN") == 0);
}

// --- go env -w / -u --------------------------------------------------------------

TEST_CASE("check_env_write: read-only and OS-only keys", "[buildenv][env_write]") {
  CHECK(check_env_write(go_version{21}, "GOHOSTOS", "linux", false) == "GOHOSTOS cannot be modified");
  CHECK(check_env_write(go_version{19}, "GOVERSION", "x", false) == "GOVERSION cannot be modified");
  CHECK(check_env_write(go_version{19}, "GOENV", "/x", false) == "GOENV can only be set using the OS environment");
  CHECK(check_env_write(go_version{27}, "GOENV", "/x", false) == "GOENV can only be set using the OS environment");
  CHECK(check_env_write(go_version{19}, "GODEBUG", "cgocheck=0", false) == "unknown go command variable GODEBUG");
  CHECK(check_env_write(go_version{23}, "GODEBUG", "cgocheck=0", false) ==
        "GODEBUG can only be set using the OS environment");
  CHECK(check_env_write(go_version{26}, "GOROOT", "/opt/go", false).empty());
  CHECK(check_env_write(go_version{27}, "GOROOT", "/opt/go", false) == "GOROOT cannot be modified");
  CHECK(check_env_write(go_version{22}, "GOTELEMETRY", "off", false) == "unknown go command variable GOTELEMETRY");
  CHECK(check_env_write(go_version{23}, "GOTELEMETRY", "off", false).empty());
  CHECK(check_env_write(go_version{24}, "GOTELEMETRY", "off", false) == "GOTELEMETRY cannot be modified");
  CHECK(check_env_write(go_version{20}, "GOTOOLCHAIN", "local", false) == "unknown go command variable GOTOOLCHAIN");
  CHECK(check_env_write(go_version{21}, "GOTOOLCHAIN", "local", false).empty());
}

TEST_CASE("check_env_write: unknown keys, and keys already in the files", "[buildenv][env_write]") {
  CHECK(check_env_write(go_version{21}, "GOFOO", "1", false) == "unknown go command variable GOFOO");
  CHECK(check_env_write(go_version{21}, "GOFOO", "1", true).empty());
  // 1.19's CanGetenv knows only KnownEnv.
  CHECK(check_env_write(go_version{19}, "GOFOO", "1", true) == "unknown go command variable GOFOO");
}

TEST_CASE("check_env_write: values", "[buildenv][env_write]") {
  const go_version v{21};
  CHECK(check_env_write(v, "CC", "bin/cc", false) == "CC entry is relative; must be absolute path: \"bin/cc\"");
  CHECK(check_env_write(v, "CXX", "./c++ -g", false) == "CXX entry is relative; must be absolute path: \"./c++\"");
  CHECK(check_env_write(v, "CC", "clang -Wall", false).empty());
  CHECK(check_env_write(v, "CC", "/usr/bin/clang", false).empty());
  CHECK(check_env_write(v, "CC", "'/opt/my cc/cc' -m64", false).empty());
  CHECK(check_env_write(v, "CC", "", false).empty());
  CHECK(check_env_write(v, "CC", "   ", false) == "CC entry cannot contain only space");
  CHECK(check_env_write(v, "CC", "'clang", false) == "invalid CC: unterminated ' string");
  CHECK(check_env_write(v, "GOFLAGS", "-x\n-y", false) == "invalid newline in GOFLAGS=... value");
  CHECK(check_env_write(v, "GOFLAGS", "-x\r", false) == "invalid newline in GOFLAGS=... value");
  CHECK(check_env_write(v, "GOFLAGS", std::string("a\0b", 3), false) == "invalid NUL in GOFLAGS=... value");
  CHECK(check_env_write(v, "GO111MODULE", "maybe", false) == "invalid GO111MODULE value \"maybe\"");
  CHECK(check_env_write(v, "GO111MODULE", "auto", false).empty());
  CHECK(check_env_write(v, "GOPATH", "~/go", false) ==
        "GOPATH entry cannot start with shell metacharacter '~': \"~/go\"");
  CHECK(check_env_write(v, "GOPATH", "go", false) == "GOPATH entry is relative; must be absolute path: \"go\"");
  CHECK(check_env_write(v, "GOMODCACHE", "cache", false) ==
        "GOMODCACHE entry is relative; must be absolute path: \"cache\"");
  CHECK(check_env_write(v, "CGO_CFLAGS", "-O2 -g", false).empty());
}

TEST_CASE("explain_env_write: a conflicting OS variable gets the go command's warning", "[buildenv][env_write]") {
  machine m;
  m.environ["CGO_ENABLED"] = "1";
  const system_view sys = m.view();
  const go_installation g = go(21);
  const resolution now = resolve(g, sys);

  const write_explanation w = explain_env_write(g, sys, now, "CGO_ENABLED", "0", false);
  CHECK(w.error.empty());
  CHECK(w.file == user_file);
  REQUIRE(w.warnings.size() == 1);
  CHECK(w.warnings[0] == "warning: go env -w CGO_ENABLED=... does not override conflicting OS environment variable");
  CHECK(any_contains(w.notes, "CGO_ENABLED=1 in the process environment keeps winning"));

  const write_explanation same = explain_env_write(g, sys, now, "CGO_ENABLED", "1", false);
  CHECK(same.warnings.empty());
  CHECK(same.error.empty());

  const write_explanation yes = explain_env_write(g, sys, now, "CGO_ENABLED", "yes", false);
  CHECK(any_contains(yes.notes, "go env -w accepts CGO_ENABLED=\"yes\" without complaint"));
}

TEST_CASE("explain_env_write: GOENV=off writes the default file", "[buildenv][env_write]") {
  machine m;
  m.environ["GOENV"] = "off";
  const system_view sys = m.view();
  const go_installation g = go(21);
  const resolution now = resolve(g, sys);
  const write_explanation w = explain_env_write(g, sys, now, "CC", "clang", false);
  CHECK(w.error.empty());
  CHECK(w.file == user_file);
  CHECK(any_contains(w.notes, "GOENV=off: the go command still writes " + user_file));
}

TEST_CASE("explain_env_write: -u needs the file, refusals are prefixed", "[buildenv][env_write]") {
  machine m;
  const system_view sys = m.view();
  const go_installation g = go(21);
  const resolution now = resolve(g, sys);

  const write_explanation u = explain_env_write(g, sys, now, "CC", "", true);
  CHECK_THAT(u.error, StartsWith("go: reading go env config:"));
  CHECK(u.error == "go: reading go env config: open " + user_file + ": no such file or directory");

  machine with_file;
  with_file.files[user_file] = "CC=clang\n";
  const system_view sys2 = with_file.view();
  CHECK(explain_env_write(g, sys2, resolve(g, sys2), "CC", "", true).error.empty());

  CHECK(explain_env_write(g, sys, now, "GOHOSTOS", "darwin", false).error == "go: GOHOSTOS cannot be modified");
  CHECK(explain_env_write(g, sys, now, "CC", "bin/cc", false).error ==
        "go: CC entry is relative; must be absolute path: \"bin/cc\"");

  machine nohome;
  nohome.environ.clear();
  const system_view sys3 = nohome.view();
  CHECK(explain_env_write(g, sys3, resolve(g, sys3), "CC", "clang", false).error ==
        "go: cannot find go env config: neither $XDG_CONFIG_HOME nor $HOME are defined");
}

TEST_CASE("explain_env_write: GOOS/GOARCH must form a known pair", "[buildenv][env_write]") {
  machine m;
  const system_view sys = m.view();
  const go_installation g = go(21);
  const resolution now = resolve(g, sys);
  CHECK(explain_env_write(g, sys, now, "GOOS", "bogus", false).error ==
        "go: unsupported GOOS/GOARCH pair bogus/amd64");
  CHECK(explain_env_write(g, sys, now, "GOARCH", "wasm", false).error ==
        "go: unsupported GOOS/GOARCH pair linux/wasm");
  CHECK(explain_env_write(g, sys, now, "GOOS", "darwin", false).error.empty());
  CHECK(explain_env_write(go(20), sys, resolve(go(20), sys), "GOOS", "wasip1", false).error ==
        "go: unsupported GOOS/GOARCH pair wasip1/amd64");
}

TEST_CASE("explain_env_write: keys already in the user file and the CC note", "[buildenv][env_write]") {
  machine m;
  m.files[user_file] = "GOFOO=1\n";
  const system_view sys = m.view();
  const go_installation g = go(21);
  const resolution now = resolve(g, sys);
  CHECK(explain_env_write(g, sys, now, "GOFOO", "2", false).error.empty());
  CHECK(explain_env_write(go(19), sys, resolve(go(19), sys), "GOFOO", "2", false).error ==
        "go: unknown go command variable GOFOO");

  CHECK(any_contains(explain_env_write(g, sys, now, "CC", "clang", false).notes, "does not stop Go 1.21"));
  CHECK_FALSE(any_contains(explain_env_write(go(19), sys, resolve(go(19), sys), "CC", "clang", false).notes,
                           "does not stop"));
}

// --- regressions found in review, each checked against go1.19.8 ---------------

TEST_CASE("check_env_write: UTF-8, an empty CC word, GOTMPDIR", "[buildenv][env_write]") {
  CHECK(check_env_write(go_version{19}, "GOFLAGS", "\xff", false) == "invalid UTF-8 in GOFLAGS=... value");
  CHECK(check_env_write(go_version{19}, "GOFLAGS", "-tags=\xc3\xa9", false).empty());
  CHECK(check_env_write(go_version{19}, "CC", "''", false) == "CC entry is relative; must be absolute path: \"\"");
  machine m;
  const resolution now = resolve(go(19), m.view());
  CHECK(explain_env_write(go(19), m.view(), now, "GOTMPDIR", "rel", false).error ==
        "go: GOTMPDIR must be an absolute path");
  CHECK(explain_env_write(go(19), m.view(), now, "GOTMPDIR", "/tmp", false).error.empty());
}

TEST_CASE("explain_env_write: 1.21 accepts a key that only $GOROOT/go.env has", "[buildenv][env_write]") {
  machine m;
  m.files[goroot_env] = "GOFOO=1\n";
  const resolution now = resolve(go(21), m.view());
  CHECK(explain_env_write(go(21), m.view(), now, "GOFOO", "2", false).error.empty());
  const resolution old = resolve(go(19), m.view());
  CHECK(explain_env_write(go(19), m.view(), old, "GOFOO", "2", false).error == "go: unknown go command variable GOFOO");
}

TEST_CASE("explain_env_write: linux/sparc64 is a pair cmd/go accepts", "[buildenv][env_write]") {
  machine m;
  const resolution now = resolve(go(19), m.view());
  CHECK(explain_env_write(go(19), m.view(), now, "GOARCH", "sparc64", false).error.empty());
}

TEST_CASE("resolve: go env prints PKG_CONFIG's first word only", "[buildenv][resolve]") {
  machine m;
  m.environ["PKG_CONFIG"] = "'my pkg' --static";
  CHECK(resolve(go(19), m.view()).get("PKG_CONFIG") == "my pkg");
  m.environ["PKG_CONFIG"] = " ";
  CHECK_THAT(resolve(go(19), m.view()).error, Contains("PKG_CONFIG"));
}
