// Finding cgo packages on disk, loading them for a target, and writing the
// compile database that `cgocheck compdb` and `cgocheck lint` share.
#ifndef CGOCHECK_TOOLS_PACKAGES_HPP
#define CGOCHECK_TOOLS_PACKAGES_HPP

#include "machine.hpp"

#include "cgocheck/buildenv/resolve.hpp"
#include "cgocheck/cgo/package.hpp"
#include "cgocheck/cgo/translation_unit.hpp"

#include <string>
#include <vector>

namespace cgocheck::tools {

/// The package directories named by the arguments: DIR, DIR/... (every
/// directory below, as the go command walks it: not testdata, vendor, or
/// names starting with '.' or '_', not nested modules), or a file (its
/// directory). Sorted, without duplicates. On a bad argument, `error` is set.
struct pattern_result {
  std::vector<std::string> dirs;
  std::string error;
};
pattern_result expand_patterns(const std::vector<std::string> &patterns);

/// Everything the front end needs for one target.
struct target_setup {
  buildenv::go_installation go;
  buildenv::system_view sys;
  buildenv::resolution env;
  cgo::build_context context;
  std::string triple;              ///< clang --target
  std::vector<std::string> target_flags; ///< --target=..., -nostdlibinc ...
  std::vector<std::string> notes;  ///< for the user, e.g. no macOS SDK
};

/// The target of a compdb or lint run, resolved as the go command would for
/// the request: cgo is linted even when the go command would leave it off
/// for the target (a cross-compile), with a note saying so.
struct setup_result {
  target_setup target;
  std::string error; ///< one line, or ""
};
setup_result make_target_setup(const machine_request &request, const std::vector<std::string> &tags);

/// A loaded package and the files generated for it.
struct package_build {
  cgo::cgo_package pkg;
  std::string out_dir;                        ///< where its generated files go
  /// One unit per cgo file, then _cgo_export.h; made by write_compile_database.
  std::vector<cgo::generated_file> generated;
  std::vector<std::string> notes;             ///< e.g. pkg-config missing
};

/// Reads and analyses the package in dir (absolute) for the target, running
/// pkg-config when the package asks for it.
package_build load_package(const std::string &dir, const target_setup &target);

/// The compile command (arguments, compiler first) for a C file of the
/// package, with the flags the go command would use.
std::vector<std::string> compile_arguments(const package_build &b, const target_setup &target,
                                           const std::string &file);

/// Generates the units of every package, writes them and
/// compile_commands.json into out_dir; returns an error line or "".
std::string write_compile_database(std::vector<package_build> &builds, const target_setup &target,
                                   const std::string &out_dir);

/// The directory for a package's generated files under out_dir: its path
/// relative to the current directory (absolute paths lose their leading /).
std::string generated_dir(const std::string &out_dir, const std::string &package_dir);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_PACKAGES_HPP
