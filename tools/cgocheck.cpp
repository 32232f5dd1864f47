// cgocheck — the command-line front end.
//
// Subcommands implemented so far:
//   cgocheck checks [--json]   the cgo-* checks this build offers
//   cgocheck env [...]         the go command's build environment, explained
//   cgocheck version           the cgocheck version
// Exit codes: 0 success, 2 usage error (one line on stderr).
#include "env_command.hpp"

#include "cgocheck/rules/checks.hpp"
#include "cgocheck/version.hpp"

#include <nlohmann/json.hpp>

#include <exception>
#include <iostream>
#include <string_view>
#include <vector>

namespace {

constexpr int exit_ok = 0;
constexpr int exit_usage = 2;

constexpr std::string_view usage =
    "usage: cgocheck <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  checks [--json]   list the cgo-* checks, their summaries and the rules they enforce\n"
    "  env [--json] [--go-version=X.Y] [--goos=G] [--goarch=A] [--host=GOOS/GOARCH]\n"
    "      [--toolchain-cgo-enabled=0|1] [--explain-write=KEY=VALUE] [--explain-unset=KEY] [DIR]\n"
    "                    explain the go command's build environment: each value, the layer it\n"
    "                    came from, and what .vscode/, .env and .envrc in DIR inject per context\n"
    "  version           print the cgocheck version\n"
    "  help              print this text\n";

int fail_usage(std::string_view reason) {
  std::cerr << "cgocheck: " << reason << " (run 'cgocheck help')\n";
  return exit_usage;
}

int run_checks(const std::vector<std::string_view> &args) {
  bool json = false;
  for (std::string_view arg : args) {
    if (arg == "--json") {
      json = true;
    } else {
      return fail_usage("checks: unknown argument '" + std::string(arg) + "'");
    }
  }
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto &check : cgocheck::rules::all_checks) {
      out.push_back({{"name", check.name}, {"summary", check.summary}, {"basis", check.basis}});
    }
    std::cout << out.dump(2) << '\n';
    return exit_ok;
  }
  for (const auto &check : cgocheck::rules::all_checks) {
    std::cout << check.name << '\n';
  }
  return exit_ok;
}

int run_version(const std::vector<std::string_view> &args) {
  if (!args.empty()) {
    return fail_usage("version takes no arguments");
  }
  const auto v = cgocheck::version;
  std::cout << "cgocheck " << v.major << '.' << v.minor << '.' << v.patch << '\n';
  return exit_ok;
}

int dispatch(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << usage;
    return exit_usage;
  }
  const std::string_view command = argv[1];
  const std::vector<std::string_view> args(argv + 2, argv + argc);
  if (command == "checks") {
    return run_checks(args);
  }
  if (command == "env") {
    return cgocheck::tools::run_env(args);
  }
  if (command == "version" || command == "--version") {
    return run_version(args);
  }
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << usage;
    return exit_ok;
  }
  return fail_usage("unknown command '" + std::string(command) + "'");
}

}  // namespace

int main(int argc, char **argv) {
  try {
    return dispatch(argc, argv);
  } catch (const std::exception &e) {
    std::cerr << "cgocheck: internal error: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "cgocheck: internal error\n";
  }
  return exit_usage;
}
