// The flag verbs of `#cgo` directives and the CGO_* variables they pair with.
//
// Models src/go/build/build.go (saveCgo: the verbs a `#cgo` line may use) and
// src/cmd/go/internal/work/exec.go (buildFlags: CGO_<VERB> from the
// environment, then the package's `#cgo <VERB>` values), Go 1.19-1.27.
#ifndef CGOCHECK_CGO_VERB_HPP
#define CGOCHECK_CGO_VERB_HPP

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cgocheck::cgo {

/// A `#cgo` verb. The five flag verbs are also the names of the security
/// check's CGO_<NAME>_ALLOW / CGO_<NAME>_DISALLOW variables.
enum class cgo_verb : std::uint8_t { cppflags, cflags, cxxflags, fflags, ldflags, pkg_config };

/// Every verb, in the order go/build lists them.
inline constexpr std::array<cgo_verb, 6> all_verbs = {cgo_verb::cflags,  cgo_verb::cppflags, cgo_verb::cxxflags,
                                                      cgo_verb::fflags,  cgo_verb::ldflags,  cgo_verb::pkg_config};

/// The verb as written in a `#cgo` line: "CFLAGS", ..., "pkg-config".
constexpr std::string_view verb_name(cgo_verb v) {
  switch (v) {
  case cgo_verb::cppflags: return "CPPFLAGS";
  case cgo_verb::cflags: return "CFLAGS";
  case cgo_verb::cxxflags: return "CXXFLAGS";
  case cgo_verb::fflags: return "FFLAGS";
  case cgo_verb::ldflags: return "LDFLAGS";
  case cgo_verb::pkg_config: return "pkg-config";
  }
  return "";
}

/// The verb a `#cgo` line names, or nothing (go/build: "invalid #cgo verb").
constexpr std::optional<cgo_verb> parse_verb(std::string_view word) {
  for (const cgo_verb v : all_verbs) {
    if (verb_name(v) == word) {
      return v;
    }
  }
  return std::nullopt;
}

/// The environment variable that precedes the package's flags for a verb,
/// e.g. "CGO_CFLAGS"; empty for pkg-config, which has none.
inline std::string env_variable(cgo_verb v) {
  if (v == cgo_verb::pkg_config) {
    return {};
  }
  return "CGO_" + std::string(verb_name(v));
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_VERB_HPP
