// cgocheck::buildenv — GOFLAGS as the go command splits and applies it.
//
// Sources: src/cmd/go/internal/base/goflags.go (`InitGOFLAGS`,
// `SetFromGOFLAGS`) and src/cmd/go/main.go.
// - 1.19 (and 1.20, unverified) split GOFLAGS with strings.Fields: no quoting.
// - 1.21+ split it with quoted.Split (see quoted.hpp), so a word starting
//   with ' or " runs to the matching quote: `GOFLAGS='"-ldflags=-s -w"'`.
// - Every word must look like -x, --x, -x=v or --x=v, else
//   `go: parsing $GOFLAGS: non-flag "<word>"` (hidden for `go env`/`go bug`).
// - main.go applies GOFLAGS first and the command line after it, so a flag
//   given on the command line replaces the GOFLAGS value; for the per-package
//   flags (-gcflags, -ldflags, -asmflags, -gccgoflags) the last matching entry
//   wins (load.PerPackageFlag), so the command line replaces, never merges.
// Not modelled: whether a flag name exists in some go command (`hasFlag`).
#ifndef CGOCHECK_BUILDENV_GOFLAGS_HPP
#define CGOCHECK_BUILDENV_GOFLAGS_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/quoted.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::buildenv {

/// One flag word of GOFLAGS or of a command line.
struct go_flag {
  std::string word;  ///< as written, e.g. "-ldflags=-s -w"
  std::string name;  ///< "ldflags"
  std::string value; ///< "-s -w"; empty when has_value is false
  bool has_value = false;
};

struct goflags_result {
  std::vector<go_flag> flags;
  /// The go command's own error text for the first bad word, e.g.
  /// `parsing $GOFLAGS: non-flag "\"-ldflags=-s"`; empty when all is well.
  std::string error;
  [[nodiscard]] bool ok() const { return error.empty(); }
};

namespace detail {
inline bool looks_like_flag(std::string_view f) {
  const auto starts = [&](std::string_view p) { return f.rfind(p, 0) == 0; };
  return starts("-") && f != "-" && f != "--" && !starts("---") && !starts("-=") && !starts("--=");
}
} // namespace detail

/// The words GOFLAGS splits into for Go release `v`.
inline split_result split_goflags(go_version v, std::string_view goflags) {
  if (v >= go_version{21}) {
    return quoted_split(goflags);
  }
  split_result out;
  std::size_t i = 0;
  while (i < goflags.size()) {
    // strings.Fields splits on Unicode white space; ASCII covers real use.
    const auto space = [](char c) {
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    };
    while (i < goflags.size() && space(goflags[i])) {
      ++i;
    }
    const std::size_t start = i;
    while (i < goflags.size() && !space(goflags[i])) {
      ++i;
    }
    if (i > start) {
      out.fields.emplace_back(goflags.substr(start, i - start));
    }
  }
  return out;
}

/// Splits and checks GOFLAGS as Go release `v` does before running a command.
inline goflags_result parse_goflags(go_version v, std::string_view goflags) {
  goflags_result out;
  split_result words = split_goflags(v, goflags);
  if (!words.ok()) {
    // quoted.Split's error surfaces as the go command's parse failure.
    out.error = "parsing $GOFLAGS: " + words.error;
    return out;
  }
  for (const std::string &w : words.fields) {
    if (!detail::looks_like_flag(w)) {
      out.error = "parsing $GOFLAGS: non-flag " + detail::go_quote(w);
      out.flags.clear();
      return out;
    }
    go_flag f;
    f.word = w;
    std::string_view name = std::string_view(w).substr(1);
    if (!name.empty() && name.front() == '-') {
      name.remove_prefix(1);
    }
    if (const std::size_t eq = name.find('='); eq != std::string_view::npos) {
      f.value = std::string(name.substr(eq + 1));
      f.has_value = true;
      name = name.substr(0, eq);
    }
    f.name = std::string(name);
    out.flags.push_back(std::move(f));
  }
  return out;
}

/// A flag's effective setting and where it came from.
struct flag_setting {
  go_flag flag;
  bool from_command_line = false;
  std::vector<go_flag> replaced; ///< earlier settings of the same flag
};

/// Applies GOFLAGS, then the command line, as main.go does: the last setting
/// of each flag wins.
inline std::vector<flag_setting> apply_flags(const std::vector<go_flag> &from_goflags,
                                             const std::vector<go_flag> &from_command_line) {
  std::vector<flag_setting> out;
  const auto apply = [&](const go_flag &f, bool command_line) {
    for (flag_setting &s : out) {
      if (s.flag.name == f.name) {
        s.replaced.push_back(s.flag);
        s.flag = f;
        s.from_command_line = command_line;
        return;
      }
    }
    out.push_back({f, command_line, {}});
  };
  for (const go_flag &f : from_goflags) {
    apply(f, false);
  }
  for (const go_flag &f : from_command_line) {
    apply(f, true);
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_GOFLAGS_HPP
