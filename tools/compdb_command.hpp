// `cgocheck compdb` — see compdb_command.cpp.
#ifndef CGOCHECK_TOOLS_COMPDB_COMMAND_HPP
#define CGOCHECK_TOOLS_COMPDB_COMMAND_HPP

#include <string_view>
#include <vector>

namespace cgocheck::tools {

/// Runs `cgocheck compdb ARGS...`; returns 0, or 2 on a usage or I/O error.
int run_compdb(const std::vector<std::string_view> &args);

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_COMPDB_COMMAND_HPP
