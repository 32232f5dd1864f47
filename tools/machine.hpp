// The real machine as the library sees it: process environment, files, PATH
// and the go binary. Shared by every `cgocheck` command.
#ifndef CGOCHECK_TOOLS_MACHINE_HPP
#define CGOCHECK_TOOLS_MACHINE_HPP

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/platform.hpp"
#include "cgocheck/buildenv/resolve.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::tools {

/// This process's environment.
std::map<std::string, std::string> process_environment();

/// A file's bytes, or nothing (missing, unreadable or a directory).
std::optional<std::string> read_whole_file(const std::string &path);

/// exec.LookPath on Unix; relative PATH entries do not count (Go's ErrDot).
std::optional<std::string> look_path(const std::string &name, const std::string &path_var);

/// The current directory as the go command names it (os.Getwd): $PWD when
/// it names the same directory (so a path through a symlink stays as the
/// user typed it), else the real path.
std::string working_directory();

/// The path of this executable (/proc/self/exe), or "" when unknown; the
/// installed plugin and data files are found relative to it.
std::string executable_path();

/// What a command asks of the machine's go.
struct machine_request {
  std::optional<buildenv::go_version> version; ///< --go-version; else `go version` on PATH
  std::string goos;                            ///< --goos (overrides the environment)
  std::string goarch;                          ///< --goarch
  std::optional<buildenv::target> host;        ///< --host; else this machine
  std::string toolchain_cgo;                   ///< --toolchain-cgo-enabled
};

/// The go installation and system view the library resolves against.
struct machine {
  buildenv::go_installation go;
  buildenv::system_view sys;
  std::string go_binary;          ///< the go on PATH, or empty
  std::vector<std::string> notes; ///< e.g. "no go on PATH; modelling Go 1.27"
};

/// cfg.Getenv over a resolution, as the flag allowlist reads
/// CGO_<VERB>_ALLOW / _DISALLOW: unset and empty are both nothing. The
/// resolution and the view must outlive the function.
std::function<std::optional<std::string>(std::string_view)> go_getenv(const buildenv::resolution &r,
                                                                      const buildenv::system_view &sys);

/// Looks at this machine: environment (with --goos/--goarch applied), files,
/// PATH, and the go on PATH for GOROOT and the default version.
machine inspect_machine(const machine_request &request);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_MACHINE_HPP
