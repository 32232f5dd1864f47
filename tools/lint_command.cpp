// `cgocheck lint`: finds cgo packages, writes their compile database to a
// scratch directory, runs clang-tidy with the cgocheck plugin on every unit
// in parallel, and reports at the original .go/.c positions.
#include "lint_command.hpp"

#include "machine.hpp"
#include "options.hpp"
#include "packages.hpp"
#include "process.hpp"
#include "report.hpp"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <thread>
#include <unistd.h>

namespace cgocheck::tools {

namespace {

namespace fs = std::filesystem;

constexpr int exit_clean = 0;
constexpr int exit_findings = 1;
constexpr int exit_error = 2;

int fail(const std::string &reason) {
  std::cerr << "cgocheck: lint: " << reason << '\n';
  return exit_error;
}

struct lint_options {
  common_options common;
  std::string format = "text";
  std::string clang_tidy;
  std::string plugin;
  std::string checks = "-*,cgo-*";
  unsigned jobs = 0;
  std::vector<std::string> patterns;
};

/// The LLVM major a plugin path was installed for (lib/cgocheck/llvmN/), or 0.
int llvm_of_path(const std::string &plugin) {
  const std::string dir = fs::path(plugin).parent_path().filename().string();
  if (dir.rfind("llvm", 0) == 0) {
    return static_cast<int>(std::strtol(dir.c_str() + 4, nullptr, 10));
  }
  return 0;
}

struct tool_pair {
  std::string plugin;
  std::string clang_tidy;
  std::string error;
};

/// The plugin and the clang-tidy of the same LLVM: --plugin, $CGOCHECK_PLUGIN,
/// the one installed next to this program (../lib/cgocheck/llvmN/), the one
/// of this build tree; --clang-tidy, else clang-tidy-N on PATH, else
/// /usr/lib/llvm-N/bin/clang-tidy.
tool_pair find_tools(const lint_options &opts, const std::map<std::string, std::string> &environ) {
  const auto path_it = environ.find("PATH");
  const std::string path_var = path_it == environ.end() ? "" : path_it->second;
  const auto plugin_it = environ.find("CGOCHECK_PLUGIN");
  tool_pair t;
  std::error_code ec;
  int llvm = 0;
  std::vector<std::pair<std::string, int>> candidates;
  if (!opts.plugin.empty()) {
    candidates.emplace_back(opts.plugin, llvm_of_path(opts.plugin));
  } else if (plugin_it != environ.end() && !plugin_it->second.empty()) {
    candidates.emplace_back(plugin_it->second, llvm_of_path(plugin_it->second));
  } else {
    const fs::path exe_dir = fs::path(executable_path()).parent_path();
#ifdef CGOCHECK_PLUGIN_LLVM_VERSION
    const int own = CGOCHECK_PLUGIN_LLVM_VERSION;
#else
    const int own = 0;
#endif
    for (const int major : {own, 22, 19}) {
      if (major != 0) {
        candidates.emplace_back(
            (exe_dir.parent_path() / "lib" / "cgocheck" / ("llvm" + std::to_string(major)) / "libcgocheck.so").string(),
            major);
      }
    }
#ifdef CGOCHECK_BUILD_TREE_PLUGIN
    candidates.emplace_back(CGOCHECK_BUILD_TREE_PLUGIN, own);
#endif
  }
  for (const auto &[path, major] : candidates) {
    if (fs::is_regular_file(path, ec)) {
      t.plugin = path;
      llvm = major;
      break;
    }
  }
  if (t.plugin.empty()) {
    t.error = opts.plugin.empty() ? "no cgocheck plugin (libcgocheck.so) found; build it with 'cmake --preset llvm19 && "
                                    "cmake --build --preset llvm19' (Debian: apt-get install clang-tidy-19 "
                                    "libclang-19-dev llvm-19-dev clang-19) or pass --plugin=PATH"
                                  : "--plugin=" + opts.plugin + " does not exist";
    return t;
  }
  if (!opts.clang_tidy.empty()) {
    t.clang_tidy = opts.clang_tidy;
    if (!look_path(opts.clang_tidy, path_var)) {
      t.error = "--clang-tidy=" + opts.clang_tidy + " is not an executable";
    }
    return t;
  }
  if (llvm == 0) {
    t.error = "cannot tell which LLVM " + t.plugin + " was built for; pass --clang-tidy=PATH of that clang-tidy";
    return t;
  }
  const std::string versioned = "clang-tidy-" + std::to_string(llvm);
  if (const auto found = look_path(versioned, path_var)) {
    t.clang_tidy = *found;
  } else if (const std::string fixed = "/usr/lib/llvm-" + std::to_string(llvm) + "/bin/clang-tidy";
             fs::is_regular_file(fixed, ec)) {
    t.clang_tidy = fixed;
  } else {
    t.error = "the cgocheck plugin " + t.plugin + " needs clang-tidy " + std::to_string(llvm) +
              ", which is not installed (Debian: apt-get install clang-tidy-" + std::to_string(llvm) +
              ") or pass --clang-tidy=PATH";
  }
  return t;
}

/// A scratch directory removed when the run ends.
struct scratch_dir {
  std::string path;
  scratch_dir() {
    std::string pattern = (fs::temp_directory_path() / "cgocheck-lint-XXXXXX").string();
    if (::mkdtemp(pattern.data()) != nullptr) {
      path = pattern;
    }
  }
  scratch_dir(const scratch_dir &) = delete;
  scratch_dir &operator=(const scratch_dir &) = delete;
  scratch_dir(scratch_dir &&) = delete;
  scratch_dir &operator=(scratch_dir &&) = delete;
  ~scratch_dir() {
    std::error_code ec;
    if (!path.empty()) {
      fs::remove_all(path, ec);
    }
  }
};

/// A unit to run and where its generated lines map.
struct unit {
  std::string file;
  std::string config_file; ///< the package's .clang-tidy for a generated unit, or ""
};

/// The .clang-tidy clang-tidy would use for a file in dir: the nearest one
/// in dir or a parent.
std::string nearest_config(const std::string &dir) {
  std::error_code ec;
  for (fs::path p = dir; !p.empty(); p = p.parent_path()) {
    if (fs::is_regular_file(p / ".clang-tidy", ec)) {
      return (p / ".clang-tidy").string();
    }
    if (p == p.parent_path()) {
      break;
    }
  }
  return {};
}

std::string relative_to_cwd(const std::string &path, const std::string &cwd) {
  const fs::path rel = fs::path(path).lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") {
    return path;
  }
  return rel.string();
}

/// Parses clang-tidy's output into findings, mapping generated positions.
class output_parser {
public:
  output_parser(const std::map<std::string, const cgo::generated_file *> &generated, std::string cwd)
      : generated_(generated), cwd_(std::move(cwd)) {}

  void parse(const std::string &text, std::vector<finding> &out) const {
    static const std::regex line_re(R"(^(.+?):([0-9]+):([0-9]+): (warning|error|note): (.*)$)");
    static const std::regex check_re(R"(^(.*) \[([A-Za-z0-9_.,-]+)\]$)");
    std::size_t start = 0;
    finding *current = nullptr;
    while (start < text.size()) {
      std::size_t nl = text.find('\n', start);
      if (nl == std::string::npos) {
        nl = text.size();
      }
      const std::string line = text.substr(start, nl - start);
      start = nl + 1;
      std::smatch m;
      if (!std::regex_match(line, m, line_re)) {
        continue;
      }
      auto [file, l, c] = map(m[1].str(), static_cast<std::uint32_t>(std::stoul(m[2].str())),
                              static_cast<std::uint32_t>(std::stoul(m[3].str())));
      const std::string kind = m[4].str();
      std::string message = m[5].str();
      if (kind == "note") {
        if (current != nullptr) {
          current->notes.push_back({file, l, c, message});
        }
        continue;
      }
      std::string check = kind == "error" ? "clang-diagnostic-error" : "clang-diagnostic-warning";
      std::smatch cm;
      if (std::regex_match(message, cm, check_re)) {
        // "[cgo-x,-warnings-as-errors]": the check is the first name.
        check = cm[2].str().substr(0, cm[2].str().find(','));
        message = cm[1].str();
      }
      out.push_back({check, file, l, c, kind, message, {}});
      current = &out.back();
    }
  }

private:
  std::tuple<std::string, std::uint32_t, std::uint32_t> map(const std::string &file, std::uint32_t line,
                                                            std::uint32_t column) const {
    const auto it = generated_.find(file);
    if (it != generated_.end()) {
      if (const auto pos = it->second->go_position(line, column)) {
        return {relative_to_cwd(std::string(pos->path), cwd_), pos->pos.line, pos->pos.column};
      }
    }
    return {relative_to_cwd(file, cwd_), line, column};
  }

  const std::map<std::string, const cgo::generated_file *> &generated_;
  std::string cwd_;
};

int parse_args(const std::vector<std::string_view> &args, lint_options &opts) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string arg(args[i]);
    const option_status st = parse_common_option(args, i, opts.common);
    if (st == option_status::taken) {
      continue;
    }
    if (st == option_status::bad) {
      return fail(opts.common.error);
    }
    const auto value_of = [&](std::string_view name, std::string &into) {
      if (arg == name && i + 1 < args.size()) {
        into = std::string(args[++i]);
        return true;
      }
      if (arg.size() > name.size() && arg.compare(0, name.size(), name) == 0 && arg[name.size()] == '=') {
        into = arg.substr(name.size() + 1);
        return true;
      }
      return false;
    };
    std::string jobs;
    if (value_of("--format", opts.format) || value_of("--clang-tidy", opts.clang_tidy) ||
        value_of("--plugin", opts.plugin) || value_of("--checks", opts.checks)) {
      continue;
    }
    const bool joined_jobs = arg.size() > 2 && arg.compare(0, 2, "-j") == 0 && arg[2] != '=';
    if (joined_jobs) {
      jobs = arg.substr(2);
    }
    if (joined_jobs || value_of("-j", jobs)) {
      char *end = nullptr;
      const unsigned long n = std::strtoul(jobs.c_str(), &end, 10);
      if (jobs.empty() || *end != '\0' || n == 0 || n > 256) {
        return fail("-j needs a number of jobs from 1 to 256");
      }
      opts.jobs = static_cast<unsigned>(n);
      continue;
    }
    if (!arg.empty() && arg.front() == '-') {
      return fail("unknown flag '" + arg + "' (run 'cgocheck help')");
    }
    opts.patterns.push_back(arg);
  }
  if (opts.format != "text" && opts.format != "json" && opts.format != "sarif") {
    return fail("--format must be text, json or sarif, not '" + opts.format + "'");
  }
  if (opts.patterns.empty()) {
    opts.patterns.emplace_back(".");
  }
  return exit_clean;
}

} // namespace

int run_lint(const std::vector<std::string_view> &args) {
  lint_options opts;
  if (const int rc = parse_args(args, opts); rc != exit_clean) {
    return rc;
  }
  std::error_code ec;
  const std::string cwd = working_directory();
  const pattern_result dirs = expand_patterns(opts.patterns);
  if (!dirs.error.empty()) {
    return fail(dirs.error);
  }
  setup_result setup = make_target_setup(opts.common.request, opts.common.tags);
  if (!setup.error.empty()) {
    return fail(setup.error);
  }
  const target_setup &target = setup.target;
  const tool_pair tools = find_tools(opts, target.sys.environ);
  if (!tools.error.empty()) {
    return fail(tools.error);
  }

  std::vector<package_build> builds;
  for (const std::string &dir : dirs.dirs) {
    package_build b = load_package(dir, target);
    if (b.pkg.is_cgo()) {
      builds.push_back(std::move(b));
    }
  }
  std::vector<finding> findings;
  // Notes are printed with the report: a tool error is then the only line.
  std::vector<std::string> notes = target.notes;
  for (const package_build &b : builds) {
    notes.insert(notes.end(), b.notes.begin(), b.notes.end());
    for (const cgo::front_end_finding &f : b.pkg.findings) {
      findings.push_back({std::string(f.check), relative_to_cwd(f.file, cwd), f.pos.line, f.pos.column, "warning",
                          f.message, {}});
    }
  }

  const scratch_dir scratch;
  if (scratch.path.empty()) {
    return fail("cannot create a scratch directory in " + fs::temp_directory_path(ec).string());
  }
  if (const std::string error = write_compile_database(builds, target, scratch.path); !error.empty()) {
    return fail(error);
  }
  std::vector<unit> units;
  std::map<std::string, const cgo::generated_file *> generated;
  for (const package_build &b : builds) {
    const std::string config = nearest_config(b.pkg.dir);
    for (const cgo::generated_file &g : b.generated) {
      const std::string path = b.out_dir + "/" + g.name;
      generated[path] = &g;
      if (g.name != "_cgo_export.h" && g.name != cgo::package_facts_header_name) {
        units.push_back({path, config});
      }
    }
    for (const std::string &c : b.pkg.c_files) {
      units.push_back({b.pkg.dir + "/" + c, ""});
    }
  }

  const unsigned jobs = opts.jobs != 0 ? opts.jobs : std::max(1U, std::thread::hardware_concurrency());
  std::atomic<std::size_t> next{0};
  std::vector<process_result> results(units.size());
  std::vector<std::thread> workers;
  for (unsigned w = 0; w < std::min<std::size_t>(jobs, units.size()); ++w) {
    workers.emplace_back([&] {
      for (std::size_t i = next++; i < units.size(); i = next++) {
        std::vector<std::string> argv{tools.clang_tidy,    "--load=" + tools.plugin, "--checks=" + opts.checks,
                                      "--header-filter=.*", "--warnings-as-errors=-*", "--quiet",
                                      "-p",                 scratch.path};
        // A generated unit lives in the scratch directory: give it the
        // configuration (CheckOptions) of its package, as its .c files get.
        if (!units[i].config_file.empty()) {
          argv.push_back("--config-file=" + units[i].config_file);
        }
        argv.push_back(units[i].file);
        results[i] = run_process(argv);
      }
    });
  }
  for (std::thread &t : workers) {
    t.join();
  }
  const output_parser parser(generated, cwd);
  for (std::size_t i = 0; i < units.size(); ++i) {
    const process_result &r = results[i];
    if (!r.start_error.empty()) {
      return fail("cannot run " + tools.clang_tidy + ": " + r.start_error);
    }
    // The plugin's own refusal (e.g. built for another LLVM) is one line
    // starting with "cgocheck:"; clang-tidy's failure to load it, another.
    for (const std::string_view marker : {"cgocheck:", "error: unable to load plugin", "error: no checks enabled",
                                              "Error: no checks enabled"}) {
      if (const std::size_t at = r.errors.find(marker); at != std::string::npos) {
        const std::size_t end = r.errors.find('\n', at);
        std::string line = r.errors.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (line.rfind("cgocheck: ", 0) == 0) {
          line.erase(0, std::string_view("cgocheck: ").size());
        }
        return fail(line + " (clang-tidy " + tools.clang_tidy + ", plugin " + tools.plugin + ")");
      }
    }
    if (r.exit_code < 0) {
      return fail(tools.clang_tidy + " died on " + units[i].file);
    }
    parser.parse(r.output, findings);
  }
  // Without an SDK, Apple targets lack the C library headers; that is a
  // limit of this machine, not a finding in the user's code.
  if (std::find(target.target_flags.begin(), target.target_flags.end(), "-nostdlibinc") != target.target_flags.end()) {
    static const std::regex missing(R"(^'(.+)' file not found$)");
    std::vector<std::string> headers;
    const auto is_missing_header = [&](const finding &f) {
      std::smatch m;
      if (f.check != "clang-diagnostic-error" || !std::regex_match(f.message, m, missing)) {
        return false;
      }
      if (std::find(headers.begin(), headers.end(), m[1].str()) == headers.end()) {
        headers.push_back(m[1].str());
      }
      return true;
    };
    findings.erase(std::remove_if(findings.begin(), findings.end(), is_missing_header), findings.end());
    if (!headers.empty()) {
      std::string list;
      for (const std::string &h : headers) {
        list += (list.empty() ? "" : ", ") + h;
      }
      notes.push_back("not found without an SDK: " + list + "; what they declare is unknown to the checks");
    }
  }
  sort_and_dedupe(findings);

  for (const std::string &note : notes) {
    std::cerr << "cgocheck: note: " << note << '\n';
  }
  if (opts.format == "json") {
    std::cout << format_json(findings).dump(2) << '\n';
  } else if (opts.format == "sarif") {
    std::cout << format_sarif(findings, cwd).dump(2) << '\n';
  } else {
    std::cout << format_text(findings);
  }
  std::cerr << "cgocheck: lint: " << findings.size() << " finding" << (findings.size() == 1 ? "" : "s") << " in "
            << builds.size() << " cgo package" << (builds.size() == 1 ? "" : "s") << " for " << target.context.goos
            << '/' << target.context.goarch << " (" << units.size() << " C unit" << (units.size() == 1 ? "" : "s")
            << ")\n";
  return findings.empty() ? exit_clean : exit_findings;
}

} // namespace cgocheck::tools
