// `cgocheck flags [--go-version=X.Y] [--json] [--pkg-config-output] VERB FLAG...`:
// would the go command accept these `#cgo VERB:` words?
//
// The rules live in include/cgocheck/cgo/security.hpp; this file resolves
// CGO_<VERB>_ALLOW/DISALLOW the way the go command's cfg.Getenv does (process
// environment, then the go/env file, then $GOROOT/go.env) and prints.
#include "flags_command.hpp"
#include "machine.hpp"

#include "cgocheck/buildenv/go_version.hpp"
#include "cgocheck/buildenv/resolve.hpp"
#include "cgocheck/cgo/security.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::tools {
namespace {

namespace be = cgocheck::buildenv;

constexpr int exit_ok = 0;
constexpr int exit_rejected = 1;
constexpr int exit_error = 2;

constexpr std::string_view verbs_in_words = "CFLAGS, CPPFLAGS, CXXFLAGS, FFLAGS, LDFLAGS or pkg-config";

int fail(const std::string &reason) {
  std::cerr << "cgocheck: flags: " << reason << '\n';
  return exit_error;
}

struct flags_options {
  bool json = false;
  bool pkg_config_output = false;
  std::optional<be::go_version> version;
  std::optional<cgo::cgo_verb> verb;
  std::vector<std::string> flags;
};

/// Parses the options before VERB; every word after VERB is a flag to check.
std::optional<std::string> parse(const std::vector<std::string_view> &args, flags_options &opts) {
  std::size_t i = 0;
  for (; i < args.size() && !opts.verb; ++i) {
    const std::string arg(args[i]);
    if (arg == "--json") {
      opts.json = true;
    } else if (arg == "--pkg-config-output") {
      opts.pkg_config_output = true;
    } else if (arg.rfind("--go-version", 0) == 0) {
      std::string value;
      if (arg == "--go-version") {
        if (i + 1 >= args.size()) {
          return std::string("--go-version needs a value");
        }
        value = std::string(args[++i]);
      } else if (arg.rfind("--go-version=", 0) == 0) {
        value = arg.substr(std::string_view("--go-version=").size());
      } else {
        return "unknown flag '" + arg + "' (run 'cgocheck help')";
      }
      opts.version = be::parse_go_version(value);
      if (!opts.version) {
        return "--go-version=" + value + " is not a Go release cgocheck models (1.19 to " +
               be::newest_modelled.str() + ")";
      }
    } else if (!arg.empty() && arg.front() == '-') {
      return "unknown flag '" + arg + "' (run 'cgocheck help')";
    } else {
      opts.verb = cgo::parse_verb(arg);
      if (!opts.verb) {
        return "unknown VERB '" + arg + "': want " + std::string(verbs_in_words);
      }
    }
  }
  if (!opts.verb) {
    return "missing VERB (" + std::string(verbs_in_words) + ")";
  }
  for (; i < args.size(); ++i) {
    opts.flags.emplace_back(args[i]);
  }
  if (opts.pkg_config_output && *opts.verb != cgo::cgo_verb::cflags && *opts.verb != cgo::cgo_verb::ldflags) {
    return std::string("--pkg-config-output takes CFLAGS (the --cflags output) or LDFLAGS (the --libs output)");
  }
  return std::nullopt;
}

} // namespace

int run_flags(const std::vector<std::string_view> &args) {
  flags_options opts;
  if (const std::optional<std::string> bad = parse(args, opts)) {
    return fail(*bad);
  }

  machine_request request;
  request.version = opts.version;
  const machine m = inspect_machine(request);
  const be::resolution r = be::resolve(m.go, m.sys);
  const cgo::env_lookup env = go_getenv(r, m.sys);

  const be::go_version v = m.go.version;
  const cgo::cgo_verb verb = opts.verb.value_or(cgo::cgo_verb::cflags); // parse() made sure there is one
  cgo::flag_check checked;
  if (verb == cgo::cgo_verb::pkg_config) {
    checked = cgo::check_pkg_config_args(v, opts.flags);
  } else if (opts.pkg_config_output) {
    checked = cgo::check_pkg_config_output(
        v, verb == cgo::cgo_verb::ldflags ? cgo::pkg_config_output::libs : cgo::pkg_config_output::cflags,
        opts.flags, env);
  } else {
    checked = cgo::check_cgo_flags(v, verb, opts.flags, env);
  }
  if (checked.error) {
    return fail(*checked.error);
  }

  if (opts.json) {
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t k = 0; k < checked.verdicts.size(); ++k) {
      const cgo::flag_verdict &verdict = checked.verdicts[k];
      out.push_back({{"flag", verdict.flag},
                     {"accepted", verdict.accepted},
                     {"message", verdict.message},
                     {"reported", checked.reported && *checked.reported == k}});
    }
    std::cout << out.dump(1, '\t') << '\n';
  } else {
    for (const cgo::flag_verdict &verdict : checked.verdicts) {
      if (verdict.accepted) {
        std::cout << "accepted  " << verdict.flag << '\n';
      } else {
        std::cout << "rejected  " << verdict.flag << ": " << verdict.message << '\n';
      }
    }
  }
  return checked.first_rejection() == nullptr ? exit_ok : exit_rejected;
}

} // namespace cgocheck::tools
