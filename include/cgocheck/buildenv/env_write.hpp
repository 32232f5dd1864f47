// cgocheck::buildenv — what `go env -w KEY=VALUE` and `go env -u KEY` would
// do, before the user runs them.
//
// Source: src/cmd/go/internal/envcmd/env.go (`runEnvW`, `runEnvU`,
// `checkEnvWrite`, `checkBuildConfig`), src/cmd/go/internal/cfg/cfg.go
// (`CanGetenv`), src/internal/cfg/cfg.go (`KnownEnv`); go1.19.8 read, later
// versions from go1.21.13 ... go1.27.3 as summarised per rule below.
#ifndef CGOCHECK_BUILDENV_ENV_WRITE_HPP
#define CGOCHECK_BUILDENV_ENV_WRITE_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/platform.hpp"
#include "cgocheck/buildenv/quoted.hpp"
#include "cgocheck/buildenv/resolve.hpp"

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::buildenv {

/// A go command variable and the first release that has it.
struct env_key {
  std::string_view name;
  int since;
};

/// `KnownEnv` (src/internal/cfg/cfg.go): 1.19's list is read from go1.19.8;
/// later additions from those releases' notes.
inline constexpr env_key known_env[] = {
    {"AR", 19},           {"CC", 19},           {"CGO_CFLAGS", 19},          {"CGO_CFLAGS_ALLOW", 19},
    {"CGO_CFLAGS_DISALLOW", 19}, {"CGO_CPPFLAGS", 19}, {"CGO_CPPFLAGS_ALLOW", 19}, {"CGO_CPPFLAGS_DISALLOW", 19},
    {"CGO_CXXFLAGS", 19}, {"CGO_CXXFLAGS_ALLOW", 19}, {"CGO_CXXFLAGS_DISALLOW", 19}, {"CGO_ENABLED", 19},
    {"CGO_FFLAGS", 19},   {"CGO_FFLAGS_ALLOW", 19}, {"CGO_FFLAGS_DISALLOW", 19}, {"CGO_LDFLAGS", 19},
    {"CGO_LDFLAGS_ALLOW", 19}, {"CGO_LDFLAGS_DISALLOW", 19}, {"CXX", 19},   {"FC", 19},
    {"GCCGO", 19},        {"GO111MODULE", 19},  {"GO386", 19},               {"GOAMD64", 19},
    {"GOARCH", 19},       {"GOARM", 19},        {"GOBIN", 19},               {"GOCACHE", 19},
    {"GOENV", 19},        {"GOEXE", 19},        {"GOEXPERIMENT", 19},        {"GOFLAGS", 19},
    {"GOGCCFLAGS", 19},   {"GOHOSTARCH", 19},   {"GOHOSTOS", 19},            {"GOINSECURE", 19},
    {"GOMIPS", 19},       {"GOMIPS64", 19},     {"GOMODCACHE", 19},          {"GONOPROXY", 19},
    {"GONOSUMDB", 19},    {"GOOS", 19},         {"GOPATH", 19},              {"GOPPC64", 19},
    {"GOPRIVATE", 19},    {"GOPROXY", 19},      {"GOROOT", 19},              {"GOSUMDB", 19},
    {"GOTMPDIR", 19},     {"GOTOOLDIR", 19},    {"GOVCS", 19},               {"GOWASM", 19},
    {"GOWORK", 19},       {"GO_EXTLINK_ENABLED", 19}, {"PKG_CONFIG", 19},    {"GOTOOLCHAIN", 21},
    {"GOARM64", 23},      {"GORISCV64", 23},    {"GOTELEMETRY", 23},         {"GOTELEMETRYDIR", 23},
    {"GOAUTH", 24},       {"GOFIPS140", 24},
};

/// Keys `checkEnvWrite` refuses with "cannot be modified", from the release
/// given (src/cmd/go/internal/envcmd/env.go, go1.19.8 ... go1.27.3).
inline constexpr env_key read_only_env[] = {
    {"GOEXE", 19},    {"GOGCCFLAGS", 19},  {"GOHOSTARCH", 19},     {"GOHOSTOS", 19}, {"GOMOD", 19},
    {"GOWORK", 19},   {"GOTOOLDIR", 19},   {"GOVERSION", 19},      {"GOTELEMETRY", 24},
    {"GOTELEMETRYDIR", 24},                {"GOROOT", 27},
};

namespace detail {
template <std::size_t N>
bool listed_in(const env_key (&table)[N], go_version v, std::string_view key) {
  return std::any_of(std::begin(table), std::end(table),
                     [&](const env_key &k) { return k.name == key && v.minor >= k.since; });
}
} // namespace detail

/// Whether `key` is a go command variable in release `v` (`KnownEnv`).
inline bool is_known_env(go_version v, std::string_view key) { return detail::listed_in(known_env, v, key); }

namespace detail {
/// utf8.ValidString.
inline bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned int min = 0;
    unsigned int cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      min = 0x80;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      min = 0x800;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > s.size()) {
      return false;
    }
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) {
        return false;
      }
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}
} // namespace detail

/// The refusal `checkEnvWrite` gives for key=value, or "" when accepted.
/// `in_files` says whether the key already appears in the user go/env file
/// or $GOROOT/go.env (1.21+ accepts such keys even when unknown).
inline std::string check_env_write(go_version v, const std::string &key, const std::string &value, bool in_files) {
  const bool fixed = detail::listed_in(read_only_env, v, key);
  if (fixed) {
    return key + " cannot be modified";
  }
  if (key == "GOENV" || (v >= go_version{23} && key == "GODEBUG")) {
    return key + " can only be set using the OS environment";
  }
  if (!is_known_env(v, key) && !(v >= go_version{21} && in_files)) {
    return "unknown go command variable " + key;
  }
  const auto absolute = [](const std::string &p) { return !p.empty() && p.front() == '/'; };
  if (key == "GO111MODULE" && !value.empty() && value != "auto" && value != "on" && value != "off") {
    return "invalid GO111MODULE value \"" + value + "\"";
  }
  if (key == "GOPATH") {
    if (value.rfind('~', 0) == 0) {
      return "GOPATH entry cannot start with shell metacharacter '~': \"" + value + "\"";
    }
    if (!value.empty() && !absolute(value)) {
      return "GOPATH entry is relative; must be absolute path: \"" + value + "\"";
    }
  }
  if (key == "GOMODCACHE" && !value.empty() && !absolute(value)) {
    return "GOMODCACHE entry is relative; must be absolute path: \"" + value + "\"";
  }
  if ((key == "CC" || key == "CXX") && !value.empty()) {
    const split_result words = quoted_split(value);
    if (!words.ok()) {
      return "invalid " + key + ": " + words.error;
    }
    if (words.fields.empty()) {
      return key + " entry cannot contain only space";
    }
    const std::string &exe = words.fields.front();
    // filepath.Base: the last element, "." for an empty path.
    std::string base = exe;
    while (base.size() > 1 && base.back() == '/') {
      base.pop_back();
    }
    base = base.empty() ? "." : base.substr(base.find_last_of('/') == std::string::npos ? 0 : base.find_last_of('/') + 1);
    if (!absolute(exe) && exe != base) {
      return key + " entry is relative; must be absolute path: \"" + exe + "\"";
    }
  }
  if (!detail::valid_utf8(value)) {
    return "invalid UTF-8 in " + key + "=... value";
  }
  if (value.find('\0') != std::string::npos) {
    return "invalid NUL in " + key + "=... value";
  }
  if (value.find_first_of("\v\r\n") != std::string::npos) {
    return "invalid newline in " + key + "=... value";
  }
  return "";
}

/// What a `go env -w` or `go env -u` would do.
struct write_explanation {
  std::string error;                 ///< the go command's refusal ("go: ..."), or empty
  std::vector<std::string> warnings; ///< what it prints on stderr and still writes
  std::string file;                  ///< the file it would write
  std::vector<std::string> notes;    ///< what the change means afterwards
};

/// Explains `go env -w key=value` (unset = false) or `go env -u key`
/// (unset = true) against the current resolution.
inline write_explanation explain_env_write(const go_installation &go, const system_view &sys,
                                           const resolution &now, const std::string &key, const std::string &value,
                                           bool unset) {
  write_explanation out;
  const go_version v = go.version;
  const bool in_files = now.user_file.find(key) != nullptr || now.goroot_file.find(key) != nullptr;
  if (std::string refusal = check_env_write(v, key, unset ? std::string{} : value, in_files); !refusal.empty()) {
    out.error = "go: " + refusal;
    return out;
  }
  // checkBuildConfig: a new GOOS or GOARCH must form a known pair.
  if (key == "GOOS" || key == "GOARCH") {
    target t{now.get("GOOS"), now.get("GOARCH")};
    std::string next = value;
    if (unset) {
      const auto it = sys.environ.find(key);
      const std::string &host_value = key == "GOOS" ? go.host.goos : go.host.goarch;
      next = it != sys.environ.end() && !it->second.empty() ? it->second : host_value;
    }
    (key == "GOOS" ? t.goos : t.goarch) = next;
    if (!valid_pair(v, t)) {
      out.error = "go: unsupported GOOS/GOARCH pair " + t.str();
      return out;
    }
  }
  // runEnvW: GOTMPDIR must be absolute.
  if (key == "GOTMPDIR" && !unset && !value.empty() && value.front() != '/') {
    out.error = "go: GOTMPDIR must be an absolute path";
    return out;
  }
  // The file: with GOENV=off, the go command has already exported GOENV=""
  // into its own environment (main.go, MkEnv), so it writes the default file.
  const env_file_location where = locate_user_env_file(v, go.host.goos, sys);
  if (where.reason == "GOENV=off") {
    system_view without = sys;
    without.environ.erase("GOENV");
    out.file = locate_user_env_file(v, go.host.goos, without).path;
    out.notes.push_back("GOENV=off: the go command still writes " + (out.file.empty() ? "the default file" : out.file) +
                        " (it has cleared GOENV in its own environment by then), but nothing reads that file while "
                        "GOENV=off");
  } else if (where.path.empty()) {
    out.error = "go: cannot find go env config: " + where.reason;
    return out;
  } else {
    out.file = where.path;
  }
  if (unset && !sys.read_file(out.file)) {
    out.error = "go: reading go env config: open " + out.file + ": no such file or directory";
    return out;
  }
  const auto os_value = sys.environ.find(key);
  if (!unset && os_value != sys.environ.end() && !os_value->second.empty() && os_value->second != value) {
    out.warnings.push_back("warning: go env -w " + key + "=... does not override conflicting OS environment variable");
    out.notes.push_back(key + "=" + os_value->second + " in the process environment keeps winning; the new value "
                                                        "applies only where " +
                        key + " is unset or empty");
  }
  if (key == "CGO_ENABLED" && !unset && value != "0" && value != "1") {
    out.notes.push_back("go env -w accepts CGO_ENABLED=\"" + value +
                        R"(" without complaint, but the go command ignores every value except "0" and "1")");
  }
  if (key == "CC" && !unset && v >= go_version{20}) {
    out.notes.push_back("a CC set with go env -w is used for compiling, but it does not stop Go " + v.str() +
                        " from turning cgo off when the default compiler is missing from PATH; only CC in the "
                        "process environment does");
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_ENV_WRITE_HPP
