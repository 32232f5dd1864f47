//===--- HostVersion.h - cgocheck -------------------------------*- C++ -*-===//
//
// Parsing of the version banner of the clang-tidy that loads the plugin.
// Pure C++ (no clang headers) so the unit tests can exercise it.
//
//===----------------------------------------------------------------------===//

#ifndef CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_HOSTVERSION_H
#define CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_HOSTVERSION_H

#include <cctype>
#include <optional>
#include <string_view>

namespace clang::tidy::cgo::utils {

struct MajorMinor {
  int Major = 0;
  int Minor = 0;
  friend bool operator==(MajorMinor A, MajorMinor B) {
    return A.Major == B.Major && A.Minor == B.Minor;
  }
  friend bool operator!=(MajorMinor A, MajorMinor B) { return !(A == B); }
};

/// Reads "MAJOR.MINOR" after the word "version " in a banner such as
/// "Debian clang version 19.1.7 (3~deb12u1)" or "clang version 22.1.8".
inline std::optional<MajorMinor> parseClangVersion(std::string_view Banner) {
  constexpr std::string_view Word = "version ";
  for (std::size_t At = Banner.find(Word); At != std::string_view::npos;
       At = Banner.find(Word, At + 1)) {
    std::size_t I = At + Word.size();
    auto Number = [&](int &Out) {
      const std::size_t Start = I;
      Out = 0;
      while (I < Banner.size() && std::isdigit(static_cast<unsigned char>(Banner[I])) &&
             I - Start < 6)
        Out = Out * 10 + (Banner[I++] - '0');
      return I > Start;
    };
    MajorMinor V;
    if (!Number(V.Major) || I >= Banner.size() || Banner[I] != '.')
      continue;
    ++I;
    if (Number(V.Minor))
      return V;
  }
  return std::nullopt;
}

} // namespace clang::tidy::cgo::utils

#endif // CGOCHECK_CLANG_TIDY_PLUGIN_UTILS_HOSTVERSION_H
