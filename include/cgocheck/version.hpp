// cgocheck — version of the library, the plugin and the command.
//
// This header is the single source of the version: CMake reads it to set the
// project version, so the installed package, the plugin and the library agree.
#ifndef CGOCHECK_VERSION_HPP
#define CGOCHECK_VERSION_HPP

// Macros, not an enum: C shims and the preprocessor read them too.
// NOLINTBEGIN(modernize-macro-to-enum)
#define CGOCHECK_VERSION_MAJOR 0
#define CGOCHECK_VERSION_MINOR 1
#define CGOCHECK_VERSION_PATCH 0
// NOLINTEND(modernize-macro-to-enum)

namespace cgocheck {

struct version_info {
  int major;
  int minor;
  int patch;
};

inline constexpr version_info version{CGOCHECK_VERSION_MAJOR, CGOCHECK_VERSION_MINOR,
                                      CGOCHECK_VERSION_PATCH};

}  // namespace cgocheck

#endif  // CGOCHECK_VERSION_HPP
