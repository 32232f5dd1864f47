// Which C target clang must parse cgo code for, per GOOS/GOARCH.
//
// cgo compiles the C side with the target's C compiler (gcc or clang; mingw
// gcc on windows, hence the -gnu environments below). cgocheck parses with
// clang for the same target through `--target=<triple>`. Minimum macOS
// versions follow the Go release notes: 10.13 for Go 1.19-1.20, 10.15 for
// 1.21-1.22, 11 from 1.23 (darwin/arm64 has always needed 11).
#ifndef CGOCHECK_ABI_TARGET_HPP
#define CGOCHECK_ABI_TARGET_HPP

#include "cgocheck/buildenv/go_version.hpp"

#include <string>
#include <string_view>

namespace cgocheck::abi {

/// A GOOS/GOARCH pair and the clang triple cgocheck parses it with.
struct target_triple {
  std::string_view pair;   ///< "darwin/arm64"
  std::string_view triple; ///< "arm64-apple-macos11" (darwin/amd64: version filled in by triple_for)
};

inline constexpr target_triple triples[] = {
    {"darwin/arm64", "arm64-apple-macos11"},
    {"darwin/amd64", "x86_64-apple-macos"},
    {"ios/arm64", "arm64-apple-ios12.0"},
    {"linux/amd64", "x86_64-linux-gnu"},
    {"linux/arm64", "aarch64-linux-gnu"},
    {"linux/386", "i686-linux-gnu"},
    {"linux/arm", "arm-linux-gnueabihf"},
    {"linux/ppc64le", "powerpc64le-linux-gnu"},
    {"linux/ppc64", "powerpc64-linux-gnu"},
    {"linux/riscv64", "riscv64-linux-gnu"},
    {"linux/s390x", "s390x-linux-gnu"},
    {"linux/mips64le", "mips64el-linux-gnuabi64"},
    {"linux/mipsle", "mipsel-linux-gnu"},
    {"linux/loong64", "loongarch64-linux-gnu"},
    {"android/arm64", "aarch64-linux-android21"},
    {"android/amd64", "x86_64-linux-android21"},
    {"windows/amd64", "x86_64-w64-windows-gnu"},
    {"windows/arm64", "aarch64-w64-windows-gnu"},
    {"windows/386", "i686-w64-windows-gnu"},
    {"freebsd/amd64", "x86_64-unknown-freebsd13"},
    {"freebsd/arm64", "aarch64-unknown-freebsd13"},
    {"freebsd/386", "i686-unknown-freebsd13"},
    {"netbsd/amd64", "x86_64-unknown-netbsd"},
    {"openbsd/amd64", "x86_64-unknown-openbsd"},
    {"illumos/amd64", "x86_64-pc-solaris2.11"},
    {"solaris/amd64", "x86_64-pc-solaris2.11"},
};

/// The clang triple for GOOS/GOARCH under a Go version, or "" when cgocheck
/// has none.
inline std::string triple_for(std::string_view goos, std::string_view goarch, buildenv::go_version v) {
  std::string pair(goos);
  pair += '/';
  pair += goarch;
  for (const target_triple &t : triples) {
    if (t.pair == pair) {
      std::string out(t.triple);
      if (pair == "darwin/amd64") {
        if (v.minor <= 20) {
          out += "10.13";
        } else if (v.minor <= 22) {
          out += "10.15";
        } else {
          out += "11";
        }
      }
      return out;
    }
  }
  return {};
}

/// True for Apple targets, which need an SDK for the C library headers.
inline bool is_apple(std::string_view goos) { return goos == "darwin" || goos == "ios"; }

} // namespace cgocheck::abi

#endif // CGOCHECK_ABI_TARGET_HPP
