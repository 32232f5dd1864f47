// `cgocheck flags` — see flags_command.cpp.
#ifndef CGOCHECK_TOOLS_FLAGS_COMMAND_HPP
#define CGOCHECK_TOOLS_FLAGS_COMMAND_HPP

#include <string_view>
#include <vector>

namespace cgocheck::tools {

/// Runs `cgocheck flags ARGS...`; returns the exit code: 0 when the go
/// command would accept every flag, 1 when it would reject one, 2 on a usage
/// error or a CGO_<VERB>_ALLOW/DISALLOW the go command cannot compile.
int run_flags(const std::vector<std::string_view> &args);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_FLAGS_COMMAND_HPP
