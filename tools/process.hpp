// Running another program (pkg-config, clang-tidy) without a shell.
#ifndef CGOCHECK_TOOLS_PROCESS_HPP
#define CGOCHECK_TOOLS_PROCESS_HPP

#include <optional>
#include <string>
#include <vector>

namespace cgocheck::tools {

struct process_result {
  int exit_code = -1;    ///< the exit status; -1 when it could not start or died of a signal
  std::string output;    ///< stdout
  std::string errors;    ///< stderr
  std::string start_error; ///< why it could not start, or ""
};

/// Runs argv[0] (searched in PATH when it has no '/') with the arguments,
/// in `dir` when given, and collects its output. Never throws.
process_result run_process(const std::vector<std::string> &argv, const std::optional<std::string> &dir = std::nullopt);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_PROCESS_HPP
