// Parsing the banner of the clang-tidy that loads the plugin (version guard).
#include "utils/HostVersion.h"

#include <catch2/catch.hpp>

using clang::tidy::cgo::utils::MajorMinor;
using clang::tidy::cgo::utils::parseClangVersion;

TEST_CASE("reads major.minor from clang version banners", "[host-version]") {
  CHECK(parseClangVersion("Debian clang version 19.1.7 (3~deb12u1)") == MajorMinor{19, 1});
  CHECK(parseClangVersion("clang version 22.1.8") == MajorMinor{22, 1});
  CHECK(parseClangVersion("Homebrew clang version 18.1.8") == MajorMinor{18, 1});
  CHECK(parseClangVersion("Ubuntu clang version 14.0.0-1ubuntu1.1") == MajorMinor{14, 0});
}

TEST_CASE("skips a 'version ' not followed by a number", "[host-version]") {
  CHECK(parseClangVersion("vendor version x clang version 20.3.0") == MajorMinor{20, 3});
}

TEST_CASE("rejects banners without a version", "[host-version]") {
  CHECK_FALSE(parseClangVersion("").has_value());
  CHECK_FALSE(parseClangVersion("clang version").has_value());
  CHECK_FALSE(parseClangVersion("clang version 19").has_value());
  CHECK_FALSE(parseClangVersion("clang version .1").has_value());
}
