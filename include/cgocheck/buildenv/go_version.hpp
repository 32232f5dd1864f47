// cgocheck::buildenv — the Go releases the build-environment model knows.
//
// Every rule in buildenv/ is keyed by the Go minor version (1.19 ... 1.27),
// because the go command changed how it resolves its environment several
// times in that range (go.env in 1.21, the C-compiler probe in 1.20, GOFLAGS
// quoting in 1.21, the cross-compile default in 1.25, ...).
#ifndef CGOCHECK_BUILDENV_GO_VERSION_HPP
#define CGOCHECK_BUILDENV_GO_VERSION_HPP

#include <optional>
#include <string>
#include <string_view>

namespace cgocheck::buildenv {

/// A Go 1.x release, identified by its minor number (patch releases of one
/// minor resolve their environment the same way, except where a rule says
/// otherwise).
struct go_version {
  int minor = 0;

  friend constexpr bool operator==(go_version a, go_version b) { return a.minor == b.minor; }
  friend constexpr bool operator!=(go_version a, go_version b) { return a.minor != b.minor; }
  friend constexpr bool operator<(go_version a, go_version b) { return a.minor < b.minor; }
  friend constexpr bool operator>=(go_version a, go_version b) { return a.minor >= b.minor; }
  friend constexpr bool operator<=(go_version a, go_version b) { return a.minor <= b.minor; }
  friend constexpr bool operator>(go_version a, go_version b) { return a.minor > b.minor; }

  [[nodiscard]] std::string str() const { return "1." + std::to_string(minor); }
};

inline constexpr go_version oldest_modelled{19};
inline constexpr go_version newest_modelled{27};

/// Go 1.20 had no Debian source package to read; its rules are taken from
/// the release notes and are marked unverified in docs/library/buildenv.md.
constexpr bool is_verified_from_source(go_version v) { return v.minor != 20; }

/// Parses "1.21", "1.21.3", "go1.21", "go1.21.3", "go1.22rc1" or the output
/// of `go version` ("go version go1.19.8 linux/amd64"). Returns nothing for
/// anything else, including versions outside 1.19 ... 1.27.
inline std::optional<go_version> parse_go_version(std::string_view text) {
  if (const auto at = text.find("go1."); text.rfind("go version ", 0) == 0 && at != std::string_view::npos) {
    text = text.substr(at);
    text = text.substr(0, text.find(' '));
  }
  if (text.rfind("go", 0) == 0) {
    text.remove_prefix(2);
  }
  if (text.rfind("1.", 0) != 0) {
    return std::nullopt;
  }
  text.remove_prefix(2);
  int minor = 0;
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9' && digits < 3) {
    minor = minor * 10 + (text[digits] - '0');
    ++digits;
  }
  if (digits == 0) {
    return std::nullopt;
  }
  const std::string_view rest = text.substr(digits);
  const bool rest_ok = rest.empty() || rest[0] == '.' || rest.rfind("rc", 0) == 0 ||
                       rest.rfind("beta", 0) == 0;
  if (!rest_ok) {
    return std::nullopt;
  }
  const go_version v{minor};
  if (v < oldest_modelled || v > newest_modelled) {
    return std::nullopt;
  }
  return v;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_GO_VERSION_HPP
