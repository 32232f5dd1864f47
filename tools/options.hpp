// Flags that `cgocheck compdb` and `cgocheck lint` share: the target.
#ifndef CGOCHECK_TOOLS_OPTIONS_HPP
#define CGOCHECK_TOOLS_OPTIONS_HPP

#include "machine.hpp"

#include "cgocheck/buildenv/go_version.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::tools {

struct common_options {
  machine_request request;
  std::vector<std::string> tags; ///< --tags=a,b (go build -tags)
  std::string error;             ///< set when parse_common_option says bad
};

enum class option_status : std::uint8_t { taken, not_mine, bad };

/// Parses --goos=G, --goarch=A, --go-version=X.Y, --tags=T,... (also with
/// the value as the next argument) at args[i]; advances i past a separate
/// value.
inline option_status parse_common_option(const std::vector<std::string_view> &args, std::size_t &i,
                                         common_options &opts) {
  const std::string_view arg = args[i];
  static constexpr std::string_view names[] = {"--goos", "--goarch", "--go-version", "--tags"};
  for (const std::string_view name : names) {
    std::string value;
    if (arg == name) {
      if (i + 1 >= args.size()) {
        opts.error = std::string(name) + " needs a value";
        return option_status::bad;
      }
      value = std::string(args[++i]);
    } else if (arg.size() > name.size() && arg.substr(0, name.size()) == name && arg[name.size()] == '=') {
      value = std::string(arg.substr(name.size() + 1));
    } else {
      continue;
    }
    if (name == "--goos") {
      opts.request.goos = value;
    } else if (name == "--goarch") {
      opts.request.goarch = value;
    } else if (name == "--go-version") {
      opts.request.version = buildenv::parse_go_version(value);
      if (!opts.request.version) {
        opts.error = "--go-version=" + value + " is not a Go release cgocheck models (1.19 to " +
                     buildenv::newest_modelled.str() + ")";
        return option_status::bad;
      }
    } else {
      std::size_t start = 0;
      while (start <= value.size()) {
        const std::size_t comma = value.find(',', start);
        std::string tag = value.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!tag.empty()) {
          opts.tags.push_back(std::move(tag));
        }
        if (comma == std::string::npos) {
          break;
        }
        start = comma + 1;
      }
    }
    return option_status::taken;
  }
  return option_status::not_mine;
}

} // namespace cgocheck::tools

#endif // CGOCHECK_TOOLS_OPTIONS_HPP
