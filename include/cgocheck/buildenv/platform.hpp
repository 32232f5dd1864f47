// cgocheck::buildenv — per-target facts the go command has built in.
//
// - Which GOOS/GOARCH pairs support cgo (the table behind the CGO_ENABLED
//   default for native builds).
// - The default C and C++ compiler names (`cfg.DefaultCC`).
// - The default CGO_CFLAGS / CGO_LDFLAGS strings.
// - Where the user go/env file lives (`os.UserConfigDir`).
//
// Sources (paths relative to the Go repository root):
// - 1.19: src/go/build/zcgo.go (`cgoEnabled`, written by cmd/dist),
//   src/cmd/go/internal/cfg/zdefaultcc.go and src/cmd/dist/main.go
//   (`defaultclang`), src/cmd/go/internal/work/exec.go (`CFlags`,
//   `defaults := "-g -O2"`), src/os/file.go (`UserConfigDir`). Read in
//   go1.19.8.
// - 1.21+: src/internal/platform/zosarch.go (`CgoSupported`),
//   src/cmd/dist/build.go (`clangos`), src/cmd/go/internal/cfg/cfg.go
//   (`defaultCFlags`/`DefaultCFlags`); read in go1.21.13 ... go1.27.3.
// - 1.24: src/os/file.go rejects a relative XDG_CONFIG_HOME.
#ifndef CGOCHECK_BUILDENV_PLATFORM_HPP
#define CGOCHECK_BUILDENV_PLATFORM_HPP

#include "cgocheck/buildenv/go_version.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <string>
#include <string_view>
#include <utility>

namespace cgocheck::buildenv {

/// A GOOS/GOARCH pair.
struct target {
  std::string goos;
  std::string goarch;

  [[nodiscard]] std::string str() const { return goos + "/" + goarch; }
  friend bool operator==(const target &a, const target &b) {
    return a.goos == b.goos && a.goarch == b.goarch;
  }
  friend bool operator!=(const target &a, const target &b) { return !(a == b); }
};

/// One GOOS/GOARCH port: the first release whose go command accepts the pair
/// (`work.CheckGOOSARCHPair`) and the releases in which it supports cgo
/// (`CgoSupported`), as minor versions; 0 means never, `until` is exclusive.
struct port {
  std::string_view pair;
  int since;
  int cgo_since;
  int cgo_until;
};

namespace detail {
inline constexpr int never = 0;
inline constexpr int still = 100;
} // namespace detail

/// Every port the modelled releases know.
/// - 1.19: the keys of OSArchSupportsCgo in src/cmd/go/internal/cfg/zosarch.go
///   and src/go/build/zcgo.go (`cgoEnabled`), go1.19.8. cmd/go accepts
///   linux/sparc64 although `go tool dist list` leaves it out.
/// - Later ports from the release notes: freebsd/riscv64 (1.20), wasip1/wasm
///   (1.21), openbsd/ppc64 (1.22), openbsd/riscv64 (1.23).
/// - cgo: freebsd/riscv64 has it from its port (present in go1.21.13);
///   linux/ppc64 and openbsd/riscv64 gained it, and openbsd/mips64 lost it,
///   after 1.21 (go1.21.13 vs go1.27.3, src/internal/platform/zosarch.go).
///   Those three are applied from 1.27, the version where they were read.
inline constexpr port ports[] = {
    {"aix/ppc64", 19, 19, detail::still},       {"android/386", 19, 19, detail::still},
    {"android/amd64", 19, 19, detail::still},   {"android/arm", 19, 19, detail::still},
    {"android/arm64", 19, 19, detail::still},   {"darwin/amd64", 19, 19, detail::still},
    {"darwin/arm64", 19, 19, detail::still},    {"dragonfly/amd64", 19, 19, detail::still},
    {"freebsd/386", 19, 19, detail::still},     {"freebsd/amd64", 19, 19, detail::still},
    {"freebsd/arm", 19, 19, detail::still},     {"freebsd/arm64", 19, 19, detail::still},
    {"freebsd/riscv64", 20, 20, detail::still}, {"illumos/amd64", 19, 19, detail::still},
    {"ios/amd64", 19, 19, detail::still},       {"ios/arm64", 19, 19, detail::still},
    {"js/wasm", 19, detail::never, 0},          {"linux/386", 19, 19, detail::still},
    {"linux/amd64", 19, 19, detail::still},     {"linux/arm", 19, 19, detail::still},
    {"linux/arm64", 19, 19, detail::still},     {"linux/loong64", 19, 19, detail::still},
    {"linux/mips", 19, 19, detail::still},      {"linux/mips64", 19, 19, detail::still},
    {"linux/mips64le", 19, 19, detail::still},  {"linux/mipsle", 19, 19, detail::still},
    {"linux/ppc64", 19, 27, detail::still},     {"linux/ppc64le", 19, 19, detail::still},
    {"linux/riscv64", 19, 19, detail::still},   {"linux/s390x", 19, 19, detail::still},
    {"linux/sparc64", 19, 19, detail::still},   {"netbsd/386", 19, 19, detail::still},
    {"netbsd/amd64", 19, 19, detail::still},    {"netbsd/arm", 19, 19, detail::still},
    {"netbsd/arm64", 19, 19, detail::still},    {"openbsd/386", 19, 19, detail::still},
    {"openbsd/amd64", 19, 19, detail::still},   {"openbsd/arm", 19, 19, detail::still},
    {"openbsd/arm64", 19, 19, detail::still},   {"openbsd/mips64", 19, 19, 27},
    {"openbsd/ppc64", 22, detail::never, 0},    {"openbsd/riscv64", 23, 27, detail::still},
    {"plan9/386", 19, detail::never, 0},        {"plan9/amd64", 19, detail::never, 0},
    {"plan9/arm", 19, detail::never, 0},        {"solaris/amd64", 19, 19, detail::still},
    {"wasip1/wasm", 21, detail::never, 0},      {"windows/386", 19, 19, detail::still},
    {"windows/amd64", 19, 19, detail::still},   {"windows/arm", 19, detail::never, 0},
    {"windows/arm64", 19, 19, detail::still},
};

/// The port entry for `t`, or nullptr.
inline const port *find_port(const target &t) {
  const std::string pair = t.str();
  const auto *const it = std::find_if(std::begin(ports), std::end(ports), [&](const port &p) { return p.pair == pair; });
  return it == std::end(ports) ? nullptr : &*it;
}

/// `CgoSupported(goos, goarch)` for Go release `v`: whether a native build
/// defaults to cgo on (before the C-compiler probe of 1.20+).
inline bool cgo_supported(go_version v, const target &t) {
  const port *p = find_port(t);
  return p != nullptr && p->cgo_since != detail::never && v.minor >= p->cgo_since && v.minor < p->cgo_until;
}

/// `work.CheckGOOSARCHPair`: whether Go release `v` knows the pair at all.
inline bool valid_pair(go_version v, const target &t) {
  const port *p = find_port(t);
  return p != nullptr && v.minor >= p->since;
}

/// GOOS values the go command knows (src/go/build/syslist.go, go1.19.8;
/// unchanged in the later releases modelled apart from the removal of nacl,
/// which is harmless here).
inline constexpr std::array<std::string_view, 17> known_goos{
    "aix",   "android", "darwin", "dragonfly", "freebsd", "hurd",    "illumos", "ios",  "js",
    "linux", "nacl",    "netbsd", "openbsd",   "plan9",   "solaris", "windows", "zos"};

/// GOARCH values the go command knows (same source).
inline constexpr std::array<std::string_view, 24> known_goarch{
    "386",    "amd64",       "amd64p32", "arm",     "armbe",   "arm64",  "arm64be", "loong64",
    "mips",   "mipsle",      "mips64",   "mips64le", "mips64p32", "mips64p32le", "ppc", "ppc64",
    "ppc64le", "riscv",      "riscv64",  "s390",    "s390x",   "sparc",  "sparc64", "wasm"};

inline bool is_known_goos(std::string_view goos) {
  return std::find(known_goos.begin(), known_goos.end(), goos) != known_goos.end();
}

/// knownOS of Go release `v`: known_goos, plus "wasip1" from 1.21
/// (src/go/build/syslist.go, internal/syslist).
inline bool is_known_goos(go_version v, std::string_view goos) {
  return is_known_goos(goos) || (goos == "wasip1" && v >= go_version{21});
}

/// GOOS values matched by the "unix" build tag (unixOS in
/// src/go/build/syslist.go, go1.19.8, where the tag appeared; UnixOS in
/// src/internal/syslist, same list through 1.27). Not used for file names.
inline constexpr std::array<std::string_view, 12> unix_goos{"aix",     "android", "darwin",  "dragonfly",
                                                            "freebsd", "hurd",    "illumos", "ios",
                                                            "linux",   "netbsd",  "openbsd", "solaris"};
inline bool is_known_goarch(std::string_view goarch) {
  return std::find(known_goarch.begin(), known_goarch.end(), goarch) != known_goarch.end();
}

/// The GOARCH for a `uname -m` machine name (Go's names: x86_64 is amd64,
/// aarch64 is arm64, i386/i686 are 386, armv6l/armv7l are arm); names Go
/// spells the same (ppc64le, riscv64, s390x, loong64, ...) pass through.
inline std::string goarch_for_machine(std::string_view machine) {
  if (machine == "x86_64" || machine == "amd64") {
    return "amd64";
  }
  if (machine == "aarch64" || machine == "arm64") {
    return "arm64";
  }
  if (machine == "i386" || machine == "i686") {
    return "386";
  }
  if (machine.rfind("arm", 0) == 0) {
    return "arm";
  }
  return std::string(machine);
}

/// How the go toolchain itself was built (make.bash's environment, baked into
/// generated files). Release and distribution builds leave all of it empty.
struct toolchain_build {
  /// GOOS of the machine that ran make.bash. Go 1.19 and 1.20 pick the
  /// default compiler from it (`defaultclang` in src/cmd/dist/main.go).
  std::string build_goos;
  /// make.bash's $CGO_ENABLED: "" normally ("defaultCGO_ENABLED" in
  /// src/go/build/zcgo.go up to 1.24, internal/buildcfg.DefaultCGO_ENABLED
  /// from 1.25).
  std::string default_cgo_enabled;
  /// make.bash's $CC / $CXX (empty: the built-in name).
  std::string cc;
  std::string cxx;
};

/// `cfg.DefaultCC(goos, goarch)` and `cfg.DefaultCXX` as dist generates them.
/// Returns {CC, CXX}.
inline std::pair<std::string, std::string> default_compilers(go_version v, const toolchain_build &tc,
                                                             const target &t) {
  const auto clang_for = [](std::string_view goos) {
    return goos == "darwin" || goos == "ios" || goos == "freebsd" || goos == "openbsd";
  };
  // 1.19/1.20: chosen by the OS that built the toolchain, for every target.
  // 1.21+: chosen by the target GOOS (`clangos`).
  const bool clang = v >= go_version{21} ? clang_for(t.goos) : clang_for(tc.build_goos);
  const char *builtin_cc = clang ? "clang" : "gcc";
  const char *builtin_cxx = clang ? "clang++" : "g++";
  std::string cc = tc.cc.empty() ? std::string(builtin_cc) : tc.cc;
  std::string cxx = tc.cxx.empty() ? std::string(builtin_cxx) : tc.cxx;
  return {std::move(cc), std::move(cxx)};
}

/// The default for CGO_CFLAGS, CGO_CXXFLAGS, CGO_FFLAGS and CGO_LDFLAGS when
/// the variable is empty everywhere. CGO_CPPFLAGS defaults to "".
/// 1.19: "-g -O2" (src/cmd/go/internal/work/exec.go `CFlags`);
/// 1.21+: "-O2 -g" (src/cmd/go/internal/cfg/cfg.go `defaultCFlags`).
inline std::string_view default_cflags(go_version v) {
  return v >= go_version{21} ? "-O2 -g" : "-g -O2";
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_PLATFORM_HPP
