// `cgocheck compdb PKG... -o DIR`: the generated C units of cgo packages and
// a compile_commands.json with the flags the go command would use, so that
// any clang tool can run on cgo code.
#include "compdb_command.hpp"

#include "options.hpp"
#include "packages.hpp"

#include <filesystem>
#include <iostream>

namespace cgocheck::tools {

namespace {

constexpr int exit_ok = 0;
constexpr int exit_error = 2;

int fail(const std::string &reason) {
  std::cerr << "cgocheck: compdb: " << reason << '\n';
  return exit_error;
}

} // namespace

int run_compdb(const std::vector<std::string_view> &args) {
  common_options opts;
  std::string out_dir;
  std::vector<std::string> patterns;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string arg(args[i]);
    const option_status st = parse_common_option(args, i, opts);
    if (st == option_status::taken) {
      continue;
    }
    if (st == option_status::bad) {
      return fail(opts.error);
    }
    if (arg == "-o") {
      if (i + 1 >= args.size()) {
        return fail("-o needs a directory");
      }
      out_dir = std::string(args[++i]);
    } else if (arg.rfind("-o=", 0) == 0) {
      out_dir = arg.substr(3);
    } else if (!arg.empty() && arg.front() == '-') {
      return fail("unknown flag '" + arg + "' (run 'cgocheck help')");
    } else {
      patterns.push_back(arg);
    }
  }
  if (out_dir.empty()) {
    return fail("-o DIR is required");
  }
  if (patterns.empty()) {
    patterns.emplace_back(".");
  }
  const pattern_result dirs = expand_patterns(patterns);
  if (!dirs.error.empty()) {
    return fail(dirs.error);
  }
  setup_result setup = make_target_setup(opts.request, opts.tags);
  if (!setup.error.empty()) {
    return fail(setup.error);
  }
  std::vector<package_build> builds;
  for (const std::string &dir : dirs.dirs) {
    package_build b = load_package(dir, setup.target);
    if (b.pkg.is_cgo()) {
      builds.push_back(std::move(b));
    }
  }
  std::error_code ec;
  const std::string out_abs = std::filesystem::absolute(out_dir, ec).lexically_normal().string();
  if (const std::string error = write_compile_database(builds, setup.target, out_abs); !error.empty()) {
    return fail(error);
  }
  for (const std::string &note : setup.target.notes) {
    std::cerr << "cgocheck: note: " << note << '\n';
  }
  std::size_t units = 0;
  for (const package_build &b : builds) {
    units += b.pkg.cgo_files.size() + b.pkg.c_files.size();
    for (const std::string &note : b.notes) {
      std::cerr << "cgocheck: note: " << note << '\n';
    }
    for (const cgo::front_end_finding &f : b.pkg.findings) {
      std::cerr << f.file << ':' << f.pos.line << ':' << f.pos.column << ": warning: " << f.message << " ["
                << f.check << "]\n";
    }
  }
  std::cerr << "cgocheck: compdb: " << units << " C file" << (units == 1 ? "" : "s") << " of " << builds.size()
            << " cgo package" << (builds.size() == 1 ? "" : "s") << " for " << setup.target.context.goos << '/'
            << setup.target.context.goarch << " in " << out_abs << "/compile_commands.json\n";
  return exit_ok;
}

} // namespace cgocheck::tools
