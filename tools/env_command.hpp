// `cgocheck env` — see env_command.cpp.
#ifndef CGOCHECK_TOOLS_ENV_COMMAND_HPP
#define CGOCHECK_TOOLS_ENV_COMMAND_HPP

#include <string_view>
#include <vector>

namespace cgocheck::tools {

/// Runs `cgocheck env ARGS...`; returns the exit code (0, 1 when an explained
/// `go env -w` would be refused, 2 on a usage or input error).
int run_env(const std::vector<std::string_view> &args);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_ENV_COMMAND_HPP
