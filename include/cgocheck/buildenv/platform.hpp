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

namespace detail {

// cgo-supported pairs of go1.19 (src/go/build/zcgo.go) and of go1.27
// (src/internal/platform/zosarch.go). Between them:
// - freebsd/riscv64 joined with the 1.20 port (present in 1.21.13);
// - linux/ppc64 and openbsd/riscv64 joined, and openbsd/mips64 left, after
//   1.21 (absent/present in go1.21.13, the reverse in go1.27.3). The model
//   applies those three changes from 1.27, the version where they were read.
inline constexpr std::string_view cgo_pairs_1_19[] = {
    "aix/ppc64",      "android/386",   "android/amd64",  "android/arm",     "android/arm64",
    "darwin/amd64",   "darwin/arm64",  "dragonfly/amd64", "freebsd/386",    "freebsd/amd64",
    "freebsd/arm",    "freebsd/arm64", "illumos/amd64",  "ios/amd64",       "ios/arm64",
    "linux/386",      "linux/amd64",   "linux/arm",      "linux/arm64",     "linux/loong64",
    "linux/mips",     "linux/mips64",  "linux/mips64le", "linux/mipsle",    "linux/ppc64le",
    "linux/riscv64",  "linux/s390x",   "linux/sparc64",  "netbsd/386",      "netbsd/amd64",
    "netbsd/arm",     "netbsd/arm64",  "openbsd/386",    "openbsd/amd64",   "openbsd/arm",
    "openbsd/arm64",  "openbsd/mips64", "solaris/amd64", "windows/386",     "windows/amd64",
    "windows/arm64"};

inline bool in_table(std::string_view pair) {
  return std::find(std::begin(cgo_pairs_1_19), std::end(cgo_pairs_1_19), pair) != std::end(cgo_pairs_1_19);
}

} // namespace detail

/// `CgoSupported(goos, goarch)` for Go release `v`: whether a native build
/// defaults to cgo on (before the C-compiler probe of 1.20+).
inline bool cgo_supported(go_version v, const target &t) {
  const std::string pair = t.str();
  if (pair.empty() || pair == "/") {
    return false;
  }
  if (v >= go_version{20} && pair == "freebsd/riscv64") {
    return true;
  }
  if (v >= go_version{27}) {
    if (pair == "linux/ppc64" || pair == "openbsd/riscv64") {
      return true;
    }
    if (pair == "openbsd/mips64") {
      return false;
    }
  }
  return detail::in_table(pair);
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
inline bool is_known_goarch(std::string_view goarch) {
  return std::find(known_goarch.begin(), known_goarch.end(), goarch) != known_goarch.end();
}

namespace detail {
// The keys of OSArchSupportsCgo in src/cmd/go/internal/cfg/zosarch.go,
// go1.19.8: `go tool dist list` plus linux/sparc64, which dist marks
// incomplete but cmd/go accepts.
inline constexpr std::string_view pairs_1_19[] = {
    "aix/ppc64",     "android/386",    "android/amd64", "android/arm",    "android/arm64", "darwin/amd64",
    "darwin/arm64",  "dragonfly/amd64", "freebsd/386",  "freebsd/amd64",  "freebsd/arm",   "freebsd/arm64",
    "illumos/amd64", "ios/amd64",      "ios/arm64",     "js/wasm",        "linux/386",     "linux/amd64",
    "linux/arm",     "linux/arm64",    "linux/loong64", "linux/mips",     "linux/mips64",  "linux/mips64le",
    "linux/mipsle",  "linux/ppc64",    "linux/ppc64le", "linux/riscv64",  "linux/s390x",   "linux/sparc64",
    "netbsd/386",
    "netbsd/amd64",  "netbsd/arm",     "netbsd/arm64",  "openbsd/386",    "openbsd/amd64", "openbsd/arm",
    "openbsd/arm64", "openbsd/mips64", "plan9/386",     "plan9/amd64",    "plan9/arm",     "solaris/amd64",
    "windows/386",   "windows/amd64",  "windows/arm",   "windows/arm64"};
} // namespace detail

/// `work.CheckGOOSARCHPair`: whether Go release `v` knows the pair at all.
/// 1.19 is read from go1.19.8 (see above); later ports are added from the
/// release notes: freebsd/riscv64 (1.20), wasip1/wasm (1.21), openbsd/ppc64
/// (1.22), openbsd/riscv64 (1.23).
inline bool valid_pair(go_version v, const target &t) {
  const std::string pair = t.str();
  if ((v >= go_version{20} && pair == "freebsd/riscv64") || (v >= go_version{21} && pair == "wasip1/wasm") ||
      (v >= go_version{22} && pair == "openbsd/ppc64") || (v >= go_version{23} && pair == "openbsd/riscv64")) {
    return true;
  }
  return std::find(std::begin(detail::pairs_1_19), std::end(detail::pairs_1_19), pair) != std::end(detail::pairs_1_19);
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
