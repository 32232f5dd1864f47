// `cgocheck list` — see list_command.cpp.
#ifndef CGOCHECK_TOOLS_LIST_COMMAND_HPP
#define CGOCHECK_TOOLS_LIST_COMMAND_HPP

#include <string_view>
#include <vector>

namespace cgocheck::tools {

/// Runs `cgocheck list ARGS...`; returns 0, or 2 on a usage error (one line
/// on stderr).
int run_list(const std::vector<std::string_view> &args);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_LIST_COMMAND_HPP
