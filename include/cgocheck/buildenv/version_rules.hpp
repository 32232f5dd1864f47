// cgocheck::buildenv — the per-version differences in one row per Go release,
// as docs/library/buildenv.md tabulates them (a unit test compares that table
// with this function). Each field is computed from the rule it summarises,
// so the row cannot drift from the model.
#ifndef CGOCHECK_BUILDENV_VERSION_RULES_HPP
#define CGOCHECK_BUILDENV_VERSION_RULES_HPP

#include "cgocheck/buildenv/env_write.hpp"
#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/goflags.hpp"
#include "cgocheck/buildenv/platform.hpp"
#include "cgocheck/buildenv/resolve.hpp"

#include <map>
#include <optional>
#include <string>

namespace cgocheck::buildenv {

struct version_rules {
  bool reads_goroot_go_env = false;     ///< $GOROOT/go.env is a layer
  bool probes_c_compiler = false;       ///< no DefaultCC on PATH => cgo off
  bool toolchain_default_cross = false; ///< a CGO_ENABLED=1 toolchain stays on when cross-compiling
  std::string default_cflags;           ///< CGO_CFLAGS when unset
  std::string darwin_cc_from_linux;     ///< DefaultCC for darwin/arm64, toolchain built on linux
  bool goflags_quoting = false;         ///< GOFLAGS honours quotes
  bool relative_xdg_ok = false;         ///< a relative XDG_CONFIG_HOME still locates the file
  std::string godebug_write;            ///< `go env -w GODEBUG=...` refusal
  bool goroot_writable = false;         ///< `go env -w GOROOT=...` accepted
};

namespace detail {
inline system_view rules_probe(std::map<std::string, std::string> environ, bool compiler_on_path) {
  system_view sys;
  sys.environ = std::move(environ);
  sys.read_file = [](const std::string &) -> std::optional<std::string> { return std::nullopt; };
  sys.look_path = [compiler_on_path](const std::string &, const std::string &) { return compiler_on_path; };
  return sys;
}
} // namespace detail

inline version_rules rules_for(go_version v) {
  version_rules out;
  go_installation go;
  go.version = v;
  go.host = {"linux", "amd64"};
  go.toolchain.build_goos = "linux";
  go.goroot = "/goroot";
  // go.env: a file that only $GOROOT/go.env could supply.
  {
    system_view sys = detail::rules_probe({{"HOME", "/home"}}, true);
    sys.read_file = [](const std::string &path) -> std::optional<std::string> {
      return path == "/goroot/go.env" ? std::optional<std::string>("GOFLAGS=-x\n") : std::nullopt;
    };
    out.reads_goroot_go_env = resolve(go, sys).get("GOFLAGS") == "-x";
  }
  out.probes_c_compiler = resolve(go, detail::rules_probe({{"HOME", "/home"}}, false)).get("CGO_ENABLED") == "0";
  {
    go_installation built_with_cgo = go;
    built_with_cgo.toolchain.default_cgo_enabled = "1";
    out.toolchain_default_cross =
        resolve(built_with_cgo, detail::rules_probe({{"HOME", "/home"}, {"GOARCH", "arm64"}}, true))
            .get("CGO_ENABLED") == "1";
  }
  out.default_cflags = std::string(default_cflags(v));
  out.darwin_cc_from_linux = default_compilers(v, go.toolchain, {"darwin", "arm64"}).first;
  out.goflags_quoting = parse_goflags(v, "\"-ldflags=-s -w\"").ok();
  out.relative_xdg_ok =
      !locate_user_env_file(v, "linux", detail::rules_probe({{"XDG_CONFIG_HOME", "rel"}}, true)).path.empty();
  out.godebug_write = check_env_write(v, "GODEBUG", "cgocheck=0", false);
  out.goroot_writable = check_env_write(v, "GOROOT", "/opt/go", false).empty();
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_VERSION_RULES_HPP
