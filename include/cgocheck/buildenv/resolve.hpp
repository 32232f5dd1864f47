// cgocheck::buildenv — resolving the go command's build environment, with the
// layer each value came from.
//
// The layers, highest first (src/cmd/go/internal/cfg/cfg.go `Getenv`,
// `initEnvCache`, `EnvFile`; go1.19.8, go1.21.13 ... go1.27.3):
//   env            the process environment; only a non-empty value counts
//   goenv-file     the user go/env file (`go env -w`), see env_file.hpp
//   goroot-go.env  $GOROOT/go.env, from Go 1.21; never overrides the user file
//   default        built-in defaults (DefaultCC, default CFLAGS, the
//                  CGO_ENABLED decision, the go binary's own GOOS/GOARCH)
// CGO_ENABLED's default is decided by `defaultContext` (cfg.go) with
// go/build's own rule (src/go/build/build.go up to 1.24) — see
// decide_cgo_enabled below.
//
// The resolver is pure: it sees the machine only through `system_view`, so
// that tests can describe any machine and `cgocheck env --host=darwin/arm64`
// can ask what a Mac would do.
#ifndef CGOCHECK_BUILDENV_RESOLVE_HPP
#define CGOCHECK_BUILDENV_RESOLVE_HPP

#include "cgocheck/buildenv/env_file.hpp"
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/goflags.hpp"
#include "cgocheck/buildenv/platform.hpp"
#include "cgocheck/buildenv/quoted.hpp"
#include "cgocheck/buildenv/runtime_debug.hpp"

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::buildenv {

/// Where a value can come from.
enum class layer : std::uint8_t { env, goenv_file, goroot_go_env, default_value };

/// The names `cgocheck env --json` uses in "sources" (a contract).
constexpr std::string_view layer_name(layer l) {
  switch (l) {
  case layer::env:
    return "env";
  case layer::goenv_file:
    return "goenv-file";
  case layer::goroot_go_env:
    return "goroot-go.env";
  case layer::default_value:
    return "default";
  }
  return "default";
}

/// Words for a layer, as the explanation prints them.
constexpr std::string_view layer_words(layer l) {
  switch (l) {
  case layer::env:
    return "the process environment";
  case layer::goenv_file:
    return "the go/env file";
  case layer::goroot_go_env:
    return "$GOROOT/go.env";
  case layer::default_value:
    return "the built-in default";
  }
  return "the built-in default";
}

struct source {
  layer from = layer::default_value;
  std::string file; ///< for the file layers
  int line = 0;     ///< 1-based, for the file layers
};

/// A value some layer set.
struct candidate {
  std::string value;
  source where;
};

/// A resolved key: its value, the layer that won, the layers it beat, and
/// why (in words).
struct resolved_value {
  std::string value;
  source winner;
  std::vector<candidate> overridden;
  std::vector<std::string> notes;
};

/// A source in words: "the go/env file (/home/u/.config/go/env:3)".
inline std::string describe(const source &s) {
  std::string out(layer_words(s.from));
  if (!s.file.empty()) {
    out += " (" + s.file;
    if (s.line > 0) {
      out += ":" + std::to_string(s.line);
    }
    out += ")";
  }
  return out;
}

/// What the resolver may learn about the machine.
struct system_view {
  /// The process environment. A key that is present with an empty value is
  /// kept: the go command treats it as unset, and the explanation says so.
  std::map<std::string, std::string> environ;
  /// Reads a whole file; nothing when it does not exist or cannot be read.
  std::function<std::optional<std::string>(const std::string &path)> read_file;
  /// `exec.LookPath(name)` over the given PATH value: true when an
  /// executable is found (relative PATH entries do not count, as with Go's
  /// ErrDot). The resolver passes the PATH of `environ`, so a context that
  /// changes PATH changes what is found.
  std::function<bool(const std::string &name, const std::string &path)> look_path;
};

/// What the resolver must know about the go command being modelled.
struct go_installation {
  go_version version = newest_modelled;
  target host;              ///< runtime.GOOS/GOARCH of the go binary
  toolchain_build toolchain; ///< how that go was built (usually all empty)
  std::string goroot;       ///< GOROOT derived from the go binary's location
};

/// Where the user go/env file is, and why.
struct env_file_location {
  std::string path;   ///< empty when there is none
  std::string reason; ///< why there is none, or empty
};

namespace detail {

/// filepath.Clean for slash-separated paths.
inline std::string clean_path(std::string_view p) {
  if (p.empty()) {
    return ".";
  }
  const bool rooted = p.front() == '/';
  std::vector<std::string_view> parts;
  std::size_t i = 0;
  while (i < p.size()) {
    const std::size_t j = p.find('/', i);
    const std::string_view part = p.substr(i, j == std::string_view::npos ? std::string_view::npos : j - i);
    if (part.empty() || part == ".") {
      // skip
    } else if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else {
      parts.push_back(part);
    }
    if (j == std::string_view::npos) {
      break;
    }
    i = j + 1;
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t k = 0; k < parts.size(); ++k) {
    out += (k > 0 ? "/" : "") + std::string(parts[k]);
  }
  return out.empty() ? "." : out;
}

inline std::string env_or_empty(const system_view &sys, const std::string &key) {
  const auto it = sys.environ.find(key);
  return it == sys.environ.end() ? std::string{} : it->second;
}

} // namespace detail

/// `cfg.EnvFile()` with `os.UserConfigDir()` for the host OS.
inline env_file_location locate_user_env_file(go_version v, std::string_view host_goos,
                                              const system_view &sys) {
  const std::string goenv = detail::env_or_empty(sys, "GOENV");
  if (!goenv.empty()) {
    if (goenv == "off") {
      return {"", "GOENV=off"};
    }
    return {goenv, ""};
  }
  std::string dir;
  if (host_goos == "windows") {
    dir = detail::env_or_empty(sys, "AppData");
    if (dir.empty()) {
      return {"", "%AppData% is not defined"};
    }
    return {dir + "\\go\\env", ""};
  }
  if (host_goos == "darwin" || host_goos == "ios") {
    dir = detail::env_or_empty(sys, "HOME");
    if (dir.empty()) {
      return {"", "$HOME is not defined"};
    }
    dir += "/Library/Application Support";
  } else if (host_goos == "plan9") {
    dir = detail::env_or_empty(sys, "home");
    if (dir.empty()) {
      return {"", "$home is not defined"};
    }
    dir += "/lib";
  } else {
    dir = detail::env_or_empty(sys, "XDG_CONFIG_HOME");
    if (dir.empty()) {
      dir = detail::env_or_empty(sys, "HOME");
      if (dir.empty()) {
        return {"", "neither $XDG_CONFIG_HOME nor $HOME are defined"};
      }
      dir += "/.config";
    } else if (v >= go_version{24} && dir.front() != '/') {
      // src/os/file.go, go1.24: a relative XDG_CONFIG_HOME is an error.
      return {"", "path in $XDG_CONFIG_HOME is relative"};
    }
  }
  return {detail::clean_path(dir + "/go/env"), ""};
}

/// The resolved build environment.
struct resolution {
  go_version version;
  target host;
  std::map<std::string, resolved_value> values;
  std::vector<std::string> notes; ///< about the whole environment
  std::string error;              ///< the go command would fail; one line
  bool cgo_enabled = false;
  env_file user_file;             ///< parsed user go/env file (may be empty)
  std::string user_file_path;     ///< empty when there is none
  std::string goroot_env_path;    ///< $GOROOT/go.env when read (1.21+)
  env_file goroot_file;           ///< parsed $GOROOT/go.env (may be empty)

  [[nodiscard]] const std::string &get(const std::string &key) const {
    static const std::string empty;
    const auto it = values.find(key);
    return it == values.end() ? empty : it->second.value;
  }
};

/// The keys `cgocheck env --json` prints, in `go env -json`'s order.
inline std::vector<std::string> printed_keys(go_version v) {
  std::vector<std::string> keys{"AR",          "CC",         "CGO_CFLAGS",   "CGO_CPPFLAGS", "CGO_CXXFLAGS",
                                "CGO_ENABLED", "CGO_FFLAGS", "CGO_LDFLAGS",  "CXX",          "GOARCH",
                                "GOENV",       "GOEXPERIMENT", "GOFLAGS",    "GOHOSTARCH",   "GOHOSTOS",
                                "GOOS",        "GOROOT",     "PKG_CONFIG"};
  if (v >= go_version{21}) {
    keys.emplace_back("GOTOOLCHAIN");
  }
  if (v >= go_version{23}) {
    keys.emplace_back("GODEBUG");
  }
  return keys;
}

/// The keys that decide whether and how cgo builds, in the order an
/// explanation walks them.
inline const std::vector<std::string> &explained_keys() {
  static const std::vector<std::string> keys{"CGO_ENABLED", "GOOS",         "GOARCH",     "CC",
                                             "CXX",         "CGO_CPPFLAGS", "CGO_CFLAGS", "CGO_CXXFLAGS",
                                             "CGO_FFLAGS",  "CGO_LDFLAGS",  "GOFLAGS",    "GOENV",
                                             "GOROOT",      "GOEXPERIMENT"};
  return keys;
}

namespace detail {

/// Everything `cfg.Getenv(key)` could return, best first.
class layered_lookup {
public:
  layered_lookup(const system_view &sys, const env_file &user, std::string user_path,
                 const env_file *goroot_env, std::string goroot_path)
      : sys_(sys), user_(user), user_path_(std::move(user_path)), goroot_env_(goroot_env),
        goroot_path_(std::move(goroot_path)) {}

  /// Every layer that sets `key` to a non-empty value, winner first. A file
  /// line that sets the empty string also counts: the file then wins over
  /// the layers below it, with an empty value.
  [[nodiscard]] std::vector<candidate> candidates(const std::string &key) const {
    std::vector<candidate> out;
    if (auto it = sys_.environ.find(key); it != sys_.environ.end() && !it->second.empty()) {
      out.push_back({it->second, {layer::env, "", 0}});
    }
    if (const env_file_entry *e = user_.find(key)) {
      out.push_back({e->value, {layer::goenv_file, user_path_, e->line}});
    }
    if (goroot_env_ != nullptr && key != "GOROOT") {
      if (const env_file_entry *e = goroot_env_->find(key)) {
        out.push_back({e->value, {layer::goroot_go_env, goroot_path_, e->line}});
      }
    }
    return out;
  }

  /// `cfg.Getenv`, with provenance; the empty string from the default layer
  /// when nothing sets it.
  [[nodiscard]] resolved_value get(const std::string &key) const {
    resolved_value out;
    std::vector<candidate> all = candidates(key);
    if (!all.empty()) {
      out.value = all.front().value;
      out.winner = all.front().where;
      out.overridden.assign(all.begin() + 1, all.end());
    }
    if (auto it = sys_.environ.find(key); it != sys_.environ.end() && it->second.empty()) {
      out.notes.push_back(key + " is set to the empty string in the process environment, which the go "
                                "command treats as unset" +
                          (all.empty() ? std::string{}
                                       : "; the value from " + std::string(layer_words(out.winner.from)) +
                                             " applies"));
    }
    if (out.winner.from == layer::goenv_file) {
      for (const env_file_entry *e : user_.shadowed(key)) {
        out.notes.push_back(key + " appears again at line " + std::to_string(out.winner.line) + " of " +
                            user_path_ + "; line " + std::to_string(e->line) + " has no effect");
      }
    }
    return out;
  }

  /// `envOr(key, def)`: as get(), but an empty result becomes the default.
  [[nodiscard]] resolved_value get_or(const std::string &key, std::string def, std::string why) const {
    resolved_value out = get(key);
    if (out.value.empty()) {
      if (out.winner.from != layer::default_value) {
        out.overridden.insert(out.overridden.begin(), {out.value, out.winner});
        out.notes.push_back(key + " is empty in " + std::string(layer_words(out.winner.from)) +
                            ", so the default applies");
      }
      out.value = std::move(def);
      out.winner = {};
      if (!why.empty()) {
        out.notes.push_back(std::move(why));
      }
    }
    return out;
  }

private:
  const system_view &sys_;
  const env_file &user_;
  std::string user_path_;
  const env_file *goroot_env_;
  std::string goroot_path_;
};

} // namespace detail

/// The CGO_ENABLED decision of `defaultContext` (src/cmd/go/internal/cfg/cfg.go)
/// together with go/build's default (src/go/build/build.go), per version:
/// - an explicit "0" or "1" (OS env, go/env file, go.env) always wins;
///   any other value is ignored without a word;
/// - 1.19-1.24: a cross-compile (GOOS/GOARCH differ from the go binary's)
///   turns cgo off; a native build takes go/build's default: the OS
///   environment's CGO_ENABLED if non-empty, else the toolchain's
///   build-time CGO_ENABLED, and when neither is 0/1 the CgoSupported table;
/// - 1.20+: that native "on" turns off when CC is empty in the OS
///   environment (the go/env file's CC does not count) and DefaultCC is not
///   on PATH;
/// - 1.25+: a toolchain built with CGO_ENABLED=1 defaults on even when
///   cross-compiling and skips the probe; one built with 0 defaults off.
inline void decide_cgo_enabled(resolution &r, const go_installation &go, const system_view &sys,
                               const detail::layered_lookup &lookup) {
  resolved_value out = lookup.get("CGO_ENABLED");
  const std::string explicit_value = out.value;
  const target tgt{r.get("GOOS"), r.get("GOARCH")};
  const bool native = tgt == go.host;
  const go_version v = go.version;
  if (explicit_value == "0" || explicit_value == "1") {
    out.notes.push_back(std::string("cgo is ") + (explicit_value == "1" ? "on" : "off") + " because " +
                        std::string(layer_words(out.winner.from)) + " sets CGO_ENABLED=" + explicit_value);
    r.cgo_enabled = explicit_value == "1";
    r.values["CGO_ENABLED"] = std::move(out);
    return;
  }
  if (!explicit_value.empty()) {
    out.overridden.insert(out.overridden.begin(), {explicit_value, out.winner});
    out.notes.push_back("CGO_ENABLED=" + detail::go_quote(explicit_value) + " from " +
                        std::string(layer_words(out.winner.from)) +
                        " is ignored: the go command only understands \"0\" and \"1\" and says nothing "
                        "about other values");
  }
  out.winner = {};
  const auto [default_cc, default_cxx] = default_compilers(v, go.toolchain, tgt);
  const std::string os_cc = detail::env_or_empty(sys, "CC");
  bool on = false;
  bool probe = false;
  std::string why;
  if (v >= go_version{25} && (go.toolchain.default_cgo_enabled == "1" || go.toolchain.default_cgo_enabled == "0")) {
    on = go.toolchain.default_cgo_enabled == "1";
    why = std::string("cgo is ") + (on ? "on" : "off") + " because this go toolchain was built with CGO_ENABLED=" +
          go.toolchain.default_cgo_enabled + " (Go 1.25+ uses that as the default" +
          (on && !native ? ", even when cross-compiling" : "") + ")";
  } else if (!native) {
    on = false;
    const std::string what = tgt.goos != go.host.goos ? "GOOS=" + tgt.goos + " differs from the host " + go.host.goos
                                                      : "GOARCH=" + tgt.goarch + " differs from the host " +
                                                            go.host.goarch;
    why = "cgo is off because " + what + " (cross-compile); set CGO_ENABLED=1 and a CC for " + tgt.str() +
          " to build cgo packages";
  } else {
    // go/build.Default.CgoEnabled (up to 1.24) reads the OS environment only.
    std::string build_env = v <= go_version{24} ? detail::env_or_empty(sys, "CGO_ENABLED") : std::string{};
    if (build_env.empty()) {
      build_env = go.toolchain.default_cgo_enabled;
    }
    if (build_env == "1" || build_env == "0") {
      on = build_env == "1";
      why = std::string("cgo is ") + (on ? "on" : "off") + " because this go toolchain was built with CGO_ENABLED=" +
            build_env;
      probe = on;
    } else if (cgo_supported(v, tgt)) {
      on = true;
      probe = true;
      why = "cgo is on by default for " + tgt.str() + " (native build)";
    } else {
      on = false;
      why = "cgo is off because Go " + v.str() + " does not support cgo on " + tgt.str();
    }
  }
  if (on && probe && v >= go_version{20}) {
    if (os_cc.empty() && !sys.look_path(default_cc, detail::env_or_empty(sys, "PATH"))) {
      on = false;
      why = "cgo is off because the default C compiler '" + default_cc +
            "' is not on PATH and CC is not set in the process environment (Go 1.20+ rule)";
      if (const resolved_value cc = lookup.get("CC"); !cc.value.empty()) {
        why += "; CC=" + cc.value + " from " + std::string(layer_words(cc.winner.from)) +
               " does not count for this rule, only the OS environment's CC does";
      }
    }
  }
  out.value = on ? "1" : "0";
  out.notes.push_back(std::move(why));
  r.cgo_enabled = on;
  r.values["CGO_ENABLED"] = std::move(out);
}

/// Resolves the build environment as `go env` of release go.version would.
inline resolution resolve(const go_installation &go, const system_view &sys) {
  resolution r;
  r.version = go.version;
  r.host = go.host;
  const go_version v = go.version;

  // The user go/env file.
  const env_file_location where = locate_user_env_file(v, go.host.goos, sys);
  if (!where.path.empty()) {
    if (const std::optional<std::string> data = sys.read_file(where.path)) {
      r.user_file = parse_env_file(*data);
      r.user_file_path = where.path;
      for (const env_file_ignored &bad : r.user_file.ignored) {
        if (bad.reason != "comment") {
          r.notes.push_back(where.path + ":" + std::to_string(bad.line) + ": line ignored by the go command (" +
                            bad.reason + ")");
        }
      }
    }
  }
  resolved_value goenv;
  goenv.value = where.path;
  goenv.winner = {sys.environ.count("GOENV") != 0 && !detail::env_or_empty(sys, "GOENV").empty() ? layer::env
                                                                                                  : layer::default_value,
                  "", 0};
  if (!where.reason.empty()) {
    goenv.notes.push_back(where.reason == "GOENV=off"
                              ? "GOENV=off: no go/env file is read, so values set with 'go env -w' do not apply"
                              : "no go/env file: " + where.reason);
  }
  r.values["GOENV"] = std::move(goenv);

  // GOROOT: cfg.Getenv("GOROOT") (OS env, then the user file), else where
  // the go binary lives (findGOROOT).
  const detail::layered_lookup user_only(sys, r.user_file, r.user_file_path, nullptr, "");
  resolved_value goroot = user_only.get("GOROOT");
  if (goroot.value.empty()) {
    goroot.value = go.goroot;
    goroot.winner = {};
    goroot.notes.emplace_back("GOROOT is where the go binary lives");
  } else {
    goroot.value = detail::clean_path(goroot.value);
  }
  // $GOROOT/go.env, from 1.21.
  if (v >= go_version{21} && !goroot.value.empty()) {
    const std::string path = goroot.value + "/go.env";
    if (const std::optional<std::string> data = sys.read_file(path)) {
      r.goroot_file = parse_env_file(*data);
      r.goroot_env_path = path;
    }
  }
  r.values["GOROOT"] = std::move(goroot);
  const detail::layered_lookup lookup(sys, r.user_file, r.user_file_path,
                                      r.goroot_env_path.empty() ? nullptr : &r.goroot_file, r.goroot_env_path);

  r.values["GOHOSTOS"] = {go.host.goos, {}, {}, {"the OS the go binary runs on"}};
  r.values["GOHOSTARCH"] = {go.host.goarch, {}, {}, {"the architecture the go binary runs on"}};
  r.values["GOOS"] = lookup.get_or("GOOS", go.host.goos, "GOOS defaults to the host's, " + go.host.goos);
  r.values["GOARCH"] = lookup.get_or("GOARCH", go.host.goarch, "GOARCH defaults to the host's, " + go.host.goarch);
  const target tgt{r.get("GOOS"), r.get("GOARCH")};
  if (!valid_pair(v, tgt)) {
    std::string what = "GOOS/GOARCH " + tgt.str() + " is not a pair Go " + v.str() + " knows";
    if (!is_known_goos(v, tgt.goos)) {
      what += " (GOOS=" + tgt.goos + " is no operating system the go command knows)";
    } else if (!is_known_goarch(tgt.goarch)) {
      what += " (GOARCH=" + tgt.goarch + " is no architecture the go command knows)";
    }
    r.notes.push_back(what + "; 'go env' prints it, but builds fail with \"unsupported GOOS/GOARCH pair " +
                      tgt.str() + "\"");
  }

  const auto [default_cc, default_cxx] = default_compilers(v, go.toolchain, tgt);
  const std::string cc_why = v >= go_version{21}
                                 ? "Go " + v.str() + " defaults CC to " + default_cc + " for GOOS=" + tgt.goos
                                 : "Go " + v.str() + " defaults CC to " + default_cc +
                                       " for every target (chosen by the OS the toolchain was built on)";
  r.values["CC"] = lookup.get_or("CC", default_cc, cc_why);
  r.values["CXX"] = lookup.get_or("CXX", default_cxx, "Go " + v.str() + " defaults CXX to " + default_cxx);
  r.values["AR"] = lookup.get_or("AR", "ar", "");
  // `go env PKG_CONFIG` prints only the command's first word
  // (Builder.PkgconfigCmd, src/cmd/go/internal/work/exec.go).
  r.values["PKG_CONFIG"] = lookup.get_or("PKG_CONFIG", "pkg-config", "");
  if (const split_result words = quoted_split(r.values["PKG_CONFIG"].value); !words.ok() || words.fields.empty()) {
    r.error = "PKG_CONFIG=" + detail::go_quote(r.values["PKG_CONFIG"].value) +
              (words.ok() ? " names no command" : ": " + words.error) + " (the go command panics on it)";
  } else {
    r.values["PKG_CONFIG"].value = words.fields.front();
  }
  r.values["GOFLAGS"] = lookup.get("GOFLAGS");
  r.values["GOEXPERIMENT"] = lookup.get("GOEXPERIMENT");
  for (const char *key : {"GOFLAGS", "GOEXPERIMENT"}) {
    if (resolved_value &value = r.values[key]; value.winner.from == layer::default_value) {
      value.notes.push_back(std::string(key) + " is not set in any layer");
    }
  }
  if (v >= go_version{21}) {
    r.values["GOTOOLCHAIN"] = lookup.get("GOTOOLCHAIN");
  }
  if (v >= go_version{23}) {
    r.values["GODEBUG"] = {detail::env_or_empty(sys, "GODEBUG"),
                           {sys.environ.count("GODEBUG") != 0 ? layer::env : layer::default_value, "", 0},
                           {},
                           {}};
  }

  decide_cgo_enabled(r, go, sys, lookup);

  // CGO_*FLAGS: envList(key, default) — an empty value means the default.
  const std::string cflags_default(default_cflags(v));
  for (const char *name : {"CGO_CPPFLAGS", "CGO_CFLAGS", "CGO_CXXFLAGS", "CGO_FFLAGS", "CGO_LDFLAGS"}) {
    const std::string key = name;
    const std::string def = key == "CGO_CPPFLAGS" ? std::string{} : cflags_default;
    std::string why = "Go " + v.str() + " defaults ";
    why += key;
    why += " to \"";
    why += def;
    why += '"';
    resolved_value value = lookup.get_or(key, def, std::move(why));
    const split_result words = quoted_split(value.value);
    if (!words.ok()) {
      if (r.error.empty()) {
        r.error = "could not parse environment variable " + key + " with value " + detail::go_quote(value.value) +
                  ": " + words.error + " (the go command panics on it)";
      }
    } else {
      value.value = env_join(words.fields);
    }
    if (!r.cgo_enabled && value.winner.from != layer::default_value) {
      value.notes.push_back(key + " is set but cgo is disabled, so it has no effect");
    }
    r.values[key] = std::move(value);
  }
  for (const char *name : {"CC", "CXX"}) {
    resolved_value &value = r.values[name];
    if (!r.cgo_enabled && value.winner.from != layer::default_value) {
      value.notes.push_back(std::string(name) + " is set but cgo is disabled, so it is not used");
    }
  }

  // GOFLAGS: how this version splits it, and whether go build would accept it.
  if (const std::string &goflags = r.get("GOFLAGS"); !goflags.empty()) {
    const goflags_result parsed = parse_goflags(v, goflags);
    resolved_value &value = r.values["GOFLAGS"];
    if (!parsed.ok()) {
      value.notes.push_back("go build would stop with \"go: " + parsed.error + "\" ('go env' hides this error)");
    }
    if (parsed.ok() && v < go_version{21} && goflags.find_first_of("'\"") != std::string::npos) {
      value.notes.push_back("Go " + v.str() + " splits GOFLAGS at white space and does not understand quotes "
                                             "(quoting arrived in Go 1.21)");
    }
  }

  // The run-time cgo checks.
  const cgo_runtime_checks checks =
      judge_cgo_runtime_checks(v, detail::env_or_empty(sys, "GODEBUG"), r.get("GOEXPERIMENT"));
  if (!checks.explanation.empty()) {
    r.notes.push_back(checks.explanation);
  }
  return r;
}

/// `cfg.Getenv(key)` for any key, as resolved in `r` (which `resolve` made
/// from the same system view): the process environment, then the user go/env
/// file, then $GOROOT/go.env; "" when none sets it. For keys the go command
/// reads that `resolve` does not keep, e.g. CGO_CFLAGS_ALLOW
/// (cmd/go/internal/work/security.go reads it with cfg.Getenv).
inline std::string getenv_as_go(const resolution &r, const system_view &sys, const std::string &key) {
  if (const auto it = r.values.find(key); it != r.values.end()) {
    return it->second.value;
  }
  const detail::layered_lookup lookup(sys, r.user_file, r.user_file_path,
                                      r.goroot_env_path.empty() ? nullptr : &r.goroot_file, r.goroot_env_path);
  return lookup.get(key).value;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_RESOLVE_HPP
