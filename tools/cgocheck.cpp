// cgocheck — the command-line front end.
//
// Subcommands implemented so far:
//   cgocheck checks [...]      the cgo-* checks this build offers
//   cgocheck env [...]         the go command's build environment, explained
//   cgocheck flags [...]       the go command's security check of #cgo flags
//   cgocheck compdb [...]      generated C units + compile_commands.json of cgo packages
//   cgocheck list [...]        what go/build puts in packages, and their Go-side cgo facts
//   cgocheck lint [...]        the cgo-* checks on cgo packages, at .go/.c positions
//   cgocheck version           the cgocheck version
// Exit codes: 0 success, 1 findings (lint, flags), 2 usage or tool error
// (one line on stderr).
#include "compdb_command.hpp"
#include "env_command.hpp"
#include "flags_command.hpp"
#include "lint_command.hpp"
#include "list_command.hpp"

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
    "  checks [--json] [--front-end]\n"
    "                    list the plugin's cgo-* checks (--front-end: those cgocheck lint reports\n"
    "                    itself; --json: all, with summaries and the rules they enforce)\n"
    "  env [--json] [--go-version=X.Y] [--goos=G] [--goarch=A] [--host=GOOS/GOARCH]\n"
    "      [--toolchain-cgo-enabled=0|1] [--explain-write=KEY=VALUE] [--explain-unset=KEY] [DIR]\n"
    "                    explain the go command's build environment: each value, the layer it\n"
    "                    came from, and what .vscode/, .env and .envrc in DIR inject per context\n"
    "  flags [--json] [--go-version=X.Y] [--pkg-config-output] VERB FLAG...\n"
    "                    would the go command accept these #cgo VERB words (VERB: CFLAGS,\n"
    "                    CPPFLAGS, CXXFLAGS, FFLAGS, LDFLAGS, pkg-config); exit 1 if one is rejected\n"
    "  lint [--format=text|json|sarif] [--goos=G] [--goarch=A] [--go-version=X.Y] [--tags=T,...]\n"
    "      [--clang-tidy=PATH] [--plugin=PATH] [--checks=GLOBS] [-j N] PKG...\n"
    "                    run the cgo-* checks on the cgo packages PKG (DIR, DIR/... or a file) for a\n"
    "                    target and report at .go/.c positions; exit 1 on findings\n"
    "  compdb [--goos=G] [--goarch=A] [--go-version=X.Y] [--tags=T,...] -o DIR PKG...\n"
    "                    write the C units generated from the packages' preambles and a\n"
    "                    compile_commands.json with the flags the go command would use\n"
    "  list [--json] [--goos=G] [--goarch=A] [--go-version=X.Y] [--tags=T,...] [--cgo-only] PKG...\n"
    "                    what go/build puts in each package for the target (files, #cgo flags;\n"
    "                    --json: go list -json's keys) and the Go side of its C calls\n"
    "  version           print the cgocheck version\n"
    "  help              print this text\n";

int fail_usage(std::string_view reason) {
  std::cerr << "cgocheck: " << reason << " (run 'cgocheck help')\n";
  return exit_usage;
}

int run_checks(const std::vector<std::string_view> &args) {
  bool json = false;
  bool front_end = false;
  for (std::string_view arg : args) {
    if (arg == "--json") {
      json = true;
    } else if (arg == "--front-end") {
      front_end = true;
    } else {
      return fail_usage("checks: unknown argument '" + std::string(arg) + "'");
    }
  }
  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto &check : cgocheck::rules::all_checks) {
      out.push_back({{"name", check.name}, {"summary", check.summary}, {"basis", check.basis}, {"kind", "plugin"}});
    }
    for (const auto &check : cgocheck::rules::front_end_checks) {
      out.push_back({{"name", check.name}, {"summary", check.summary}, {"basis", check.basis}, {"kind", "front-end"}});
    }
    std::cout << out.dump(2) << '\n';
    return exit_ok;
  }
  if (front_end) {
    for (const auto &check : cgocheck::rules::front_end_checks) {
      std::cout << check.name << '\n';
    }
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
  if (command == "flags") {
    return cgocheck::tools::run_flags(args);
  }
  if (command == "compdb") {
    return cgocheck::tools::run_compdb(args);
  }
  if (command == "list") {
    return cgocheck::tools::run_list(args);
  }
  if (command == "lint") {
    return cgocheck::tools::run_lint(args);
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
