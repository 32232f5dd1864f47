// `cgocheck lint` — see lint_command.cpp.
#ifndef CGOCHECK_TOOLS_LINT_COMMAND_HPP
#define CGOCHECK_TOOLS_LINT_COMMAND_HPP

#include <string_view>
#include <vector>

namespace cgocheck::tools {

/// Runs `cgocheck lint ARGS...`; returns 0 (no findings), 1 (findings) or 2
/// (usage or tool error, one line on stderr).
int run_lint(const std::vector<std::string_view> &args);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_LINT_COMMAND_HPP
