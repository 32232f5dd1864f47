// `cgocheck list [--json] [--goos=G] [--goarch=A] [--go-version=X.Y]
// [--tags=T,...] [--cgo-only] PKG...`: what go/build puts in each package
// for a target, and the Go-side facts of its cgo files.
//
// The file lists and `#cgo` flags are those of `go list -json` for the same
// target, under go list's key names where they mean the same (Dir, Name,
// GoFiles, CgoFiles, IgnoredGoFiles, CFiles, CXXFiles, HFiles, CgoCFLAGS ...
// CgoPkgConfig; empty ones left out). IgnoredOtherFiles has the non-Go
// files constraints exclude (go list also counts there the .S/.sx files of
// a package without cgo). JSON adds Calls, Exports, Findings and NoEscape /
// NoCallback (`#cgo noescape` / `nocallback`, Go 1.24+). Unlike compdb and
// lint, cgo stays off when the target has CGO_ENABLED=0, and pkg-config
// never runs: CgoPkgConfig lists the `#cgo pkg-config` arguments, as go
// list does. tests/live/go_list_diff.py compares this with go1.19's go list.
#include "list_command.hpp"

#include "machine.hpp"
#include "options.hpp"
#include "packages.hpp"

#include "cgocheck/buildenv/resolve.hpp"
#include "cgocheck/cgo/constraints.hpp"
#include "cgocheck/cgo/facts.hpp"
#include "cgocheck/cgo/package.hpp"
#include "cgocheck/cgo/source.hpp"
#include "cgocheck/cgo/verb.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace cgocheck::tools {

namespace {

namespace fs = std::filesystem;
using ordered_json = nlohmann::ordered_json;

constexpr int exit_ok = 0;
constexpr int exit_error = 2;

int fail(const std::string &reason) {
  std::cerr << "cgocheck: list: " << reason << '\n';
  return exit_error;
}

struct list_options {
  common_options common;
  bool json = false;
  bool cgo_only = false;
  std::vector<std::string> patterns;
};

/// Parses the arguments; an error line or nothing.
std::optional<std::string> parse(const std::vector<std::string_view> &args, list_options &opts) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string arg(args[i]);
    const option_status st = parse_common_option(args, i, opts.common);
    if (st == option_status::taken) {
      continue;
    }
    if (st == option_status::bad) {
      return opts.common.error;
    }
    if (arg == "--json") {
      opts.json = true;
    } else if (arg == "--cgo-only") {
      opts.cgo_only = true;
    } else if (!arg.empty() && arg.front() == '-') {
      return "unknown flag '" + arg + "' (run 'cgocheck help')";
    } else {
      opts.patterns.push_back(arg);
    }
  }
  if (opts.patterns.empty()) {
    opts.patterns.emplace_back(".");
  }
  return std::nullopt;
}

/// The build context of the go command for the request, with cgo as the
/// target resolves it (not forced on as for compdb and lint).
struct list_target {
  buildenv::system_view sys;
  buildenv::resolution env;
  cgo::build_context context;
  std::vector<std::string> notes;
  std::string error;
};

list_target resolve_target(const common_options &opts) {
  list_target t;
  machine m = inspect_machine(opts.request);
  t.sys = std::move(m.sys);
  t.notes = std::move(m.notes);
  t.env = buildenv::resolve(m.go, t.sys);
  if (!t.env.error.empty()) {
    t.error = t.env.error;
    return t;
  }
  t.context.goos = t.env.get("GOOS");
  t.context.goarch = t.env.get("GOARCH");
  t.context.version = m.go.version;
  t.context.cgo_enabled = t.env.cgo_enabled;
  t.context.build_tags = opts.tags;
  t.context.tool_tags = cgo::default_tool_tags(m.go.version, t.context.goarch);
  return t;
}

/// A package directory as go/build would read it, and whether go list's
/// pattern walk lists it for the target: only a directory with a .go file
/// that builds for the target, test files included, is a package
/// (src/cmd/go/internal/modload/search.go `matchPackages`: imports.ScanDir
/// with the target's tags, ErrNoGo otherwise; GOPATH mode: go/build's
/// NoGoError, which counts GoFiles, CgoFiles, TestGoFiles and XTestGoFiles;
/// go1.19).
struct listed_package {
  cgo::cgo_package pkg;
  bool listed = false;
};

/// The first `limit` bytes of a file (all of it by default; "" when
/// unreadable), in one read.
std::string read_file(const std::string &path, std::size_t limit = std::string::npos) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) {
    return {};
  }
  const std::streamoff size = in.tellg();
  if (size <= 0) {
    return {};
  }
  std::string data(std::min(static_cast<std::size_t>(size), limit), '\0');
  in.seekg(0);
  in.read(data.data(), static_cast<std::streamsize>(data.size()));
  data.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return data;
}

/// What go/build reads of an assembly, Fortran, Objective-C, SWIG or .syso
/// file: only the leading comments, for build constraints (read.go
/// `readComments`), and nothing of a .syso file. Large assembly files and
/// the race detector's .syso objects are not read whole.
std::string read_other_file(const std::string &path, std::string_view name) {
  if (cgo::detail::gotext::has_suffix(name, ".syso")) {
    return {};
  }
  constexpr std::size_t chunk = std::size_t{16} * 1024;
  std::string head = read_file(path, chunk);
  if (head.size() < chunk) {
    return head; // the whole file
  }
  const cgo::detail::bc::header_read h = cgo::detail::bc::read_comments(head);
  // BOM + header ending before the chunk does: the rest cannot change it.
  const std::size_t bom = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  if (!h.error && bom + h.header.size() < head.size()) {
    return head;
  }
  return read_file(path);
}

/// The build decision for a file the model does not read (a _test.go file).
bool test_file_builds(const std::string &name, std::string_view content, const cgo::build_context &ctx,
                      std::string &package_name) {
  const cgo::parse_result parsed = cgo::parse_go_file(content);
  const auto texts = [](const std::vector<cgo::build_line> &lines) {
    std::vector<std::string> out;
    out.reserve(lines.size());
    for (const cgo::build_line &l : lines) {
      out.push_back(l.text);
    }
    return out;
  };
  const cgo::file_decision d = cgo::decide_go_file(name, texts(parsed.file.go_build), texts(parsed.file.plus_build),
                                                   ctx, parsed.file.imports_c);
  if (!d.included) {
    return false;
  }
  package_name = parsed.file.package_name;
  return true;
}

/// Reads the files go/build looks at in `dir` and analyses them. Like
/// load_package but without pkg-config, which go list does not run either.
listed_package read_package(const std::string &dir, const list_target &target) {
  listed_package out;
  std::vector<cgo::input_file> files;
  std::vector<std::string> tests;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) {
      continue;
    }
    std::string name = it->path().filename().string();
    const cgo::detail::file_kind kind = cgo::detail::kind_of(name);
    if (kind == cgo::detail::file_kind::not_source) {
      continue;
    }
    if (kind == cgo::detail::file_kind::go && cgo::detail::gotext::has_suffix(name, "_test.go")) {
      if (name.front() != '_' && name.front() != '.') {
        tests.push_back(std::move(name)); // read only if it decides whether this is a package
      }
      continue;
    }
    // The model reads .go, C and header files (typedef names); of the
    // others only what go/build reads.
    std::string content = kind == cgo::detail::file_kind::other ? read_other_file(it->path().string(), name)
                                                                : read_file(it->path().string());
    files.push_back({std::move(name), std::move(content)});
  }
  cgo::package_options opts;
  opts.context = target.context;
  opts.getenv = go_getenv(target.env, target.sys);
  out.pkg = cgo::analyze_package(dir, std::move(files), opts);
  out.listed = !out.pkg.go_files.empty() || out.pkg.is_cgo();
  if (out.listed) {
    return out;
  }
  // Only tests may build. go/build then takes the package name from the
  // first of them (an external test's without "_test").
  std::sort(tests.begin(), tests.end());
  for (const std::string &t : tests) {
    std::string path = dir;
    path += '/';
    path += t;
    std::string name;
    if (test_file_builds(t, read_file(path), target.context, name)) {
      if (cgo::detail::gotext::has_suffix(name, "_test")) {
        name.resize(name.size() - std::string_view("_test").size());
      }
      out.pkg.name = std::move(name);
      out.listed = true;
      break;
    }
  }
  return out;
}

/// read_package for every directory, in order, on up to one thread per
/// core (the model is pure; go list reads packages in parallel too).
std::vector<listed_package> read_packages(const std::vector<std::string> &dirs, const list_target &target) {
  std::vector<listed_package> out(dirs.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t i = next++; i < dirs.size(); i = next++) {
      out[i] = read_package(dirs[i], target);
    }
  };
  constexpr unsigned max_threads = 8;
  const unsigned threads_wanted = std::clamp(std::thread::hardware_concurrency(), 1U, max_threads);
  std::vector<std::thread> threads;
  for (unsigned k = 1; k < threads_wanted && k < dirs.size(); ++k) {
    try {
      threads.emplace_back(work);
    } catch (const std::system_error &) {
      break; // fewer threads then
    }
  }
  work();
  for (std::thread &t : threads) {
    t.join();
  }
  return out;
}

std::string relative_to_cwd(const std::string &path, const std::string &cwd) {
  const fs::path rel = fs::path(path).lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") {
    return path;
  }
  return rel.string();
}

std::string at(const std::string &file, cgo::position pos) {
  return file + ':' + std::to_string(pos.line) + ':' + std::to_string(pos.column);
}

/// go list's IgnoredGoFiles and IgnoredOtherFiles: the model keeps both in
/// one list.
std::pair<std::vector<std::string>, std::vector<std::string>> split_ignored(const cgo::cgo_package &pkg) {
  std::pair<std::vector<std::string>, std::vector<std::string>> out;
  for (const std::string &name : pkg.ignored_files) {
    (cgo::detail::kind_of(name) == cgo::detail::file_kind::go ? out.first : out.second).push_back(name);
  }
  return out;
}

/// go list's key for the flags of a verb.
std::string flags_key(cgo::cgo_verb v) {
  switch (v) {
  case cgo::cgo_verb::cflags: return "CgoCFLAGS";
  case cgo::cgo_verb::cppflags: return "CgoCPPFLAGS";
  case cgo::cgo_verb::cxxflags: return "CgoCXXFLAGS";
  case cgo::cgo_verb::fflags: return "CgoFFLAGS";
  case cgo::cgo_verb::ldflags: return "CgoLDFLAGS";
  case cgo::cgo_verb::pkg_config: return "CgoPkgConfig";
  }
  return "";
}

ordered_json package_json(const cgo::cgo_package &pkg, const std::string &cwd) {
  ordered_json o;
  o["Dir"] = pkg.dir;
  if (!pkg.name.empty()) {
    o["Name"] = pkg.name;
  }
  const auto list = [&o](const char *key, const std::vector<std::string> &values) {
    if (!values.empty()) {
      o[key] = values;
    }
  };
  list("GoFiles", pkg.go_files);
  std::vector<std::string> cgo_names;
  cgo_names.reserve(pkg.cgo_files.size());
  for (const cgo::cgo_source &src : pkg.cgo_files) {
    cgo_names.push_back(src.name);
  }
  list("CgoFiles", cgo_names);
  const auto [ignored_go, ignored_other] = split_ignored(pkg);
  list("IgnoredGoFiles", ignored_go);
  list("IgnoredOtherFiles", ignored_other);
  list("CFiles", pkg.c_files);
  list("CXXFiles", pkg.cxx_files);
  list("HFiles", pkg.h_files);
  for (const cgo::cgo_verb v : cgo::all_verbs) {
    list(flags_key(v).c_str(), pkg.flag_values(v));
  }
  list("NoEscape", pkg.noescape);
  list("NoCallback", pkg.nocallback);
  ordered_json calls = ordered_json::array();
  ordered_json exports = ordered_json::array();
  for (const cgo::cgo_source &src : pkg.cgo_files) {
    const std::string file = relative_to_cwd(src.path, cwd);
    for (const cgo::c_call &call : src.facts.calls) {
      ordered_json args = ordered_json::array();
      for (const cgo::argument_fact &arg : call.args) {
        args.push_back({{"text", arg.text},
                        {"kind", cgo::provenance_name(arg.kind)},
                        {"why", arg.why},
                        {"freed_by_go", arg.freed_by_go_after_call}});
      }
      calls.push_back(
          {{"function", call.function}, {"at", at(file, call.pos)}, {"go_function", call.go_function}, {"args", args}});
    }
    for (const cgo::export_directive &e : src.facts.exports) {
      exports.push_back({{"name", e.name}, {"func", e.func_name}, {"at", at(file, e.pos)}});
    }
  }
  if (!calls.empty()) {
    o["Calls"] = std::move(calls);
  }
  if (!exports.empty()) {
    o["Exports"] = std::move(exports);
  }
  ordered_json findings = ordered_json::array();
  for (const cgo::front_end_finding &f : pkg.findings) {
    findings.push_back({{"check", f.check},
                        {"file", relative_to_cwd(f.file, cwd)},
                        {"line", f.pos.line},
                        {"column", f.pos.column},
                        {"severity", "warning"},
                        {"message", f.message}});
  }
  if (!findings.empty()) {
    o["Findings"] = std::move(findings);
  }
  return o;
}

void print_words(std::ostream &out, std::string_view label, const std::vector<std::string> &words) {
  if (words.empty()) {
    return;
  }
  out << "  " << label << ':';
  for (const std::string &w : words) {
    out << ' ' << w;
  }
  out << '\n';
}

void print_text(std::ostream &out, const cgo::cgo_package &pkg, const std::string &cwd) {
  out << "package " << (pkg.name.empty() ? "(none)" : pkg.name) << " in " << pkg.dir << '\n';
  std::vector<std::string> cgo_names;
  cgo_names.reserve(pkg.cgo_files.size());
  for (const cgo::cgo_source &src : pkg.cgo_files) {
    cgo_names.push_back(src.name);
  }
  print_words(out, "cgo files", cgo_names);
  print_words(out, "go files", pkg.go_files);
  print_words(out, "ignored files", pkg.ignored_files);
  print_words(out, "C files", pkg.c_files);
  print_words(out, "C++ files", pkg.cxx_files);
  print_words(out, "H files", pkg.h_files);
  for (const cgo::cgo_verb v : cgo::all_verbs) {
    print_words(out, cgo::verb_name(v), pkg.flag_values(v));
  }
  print_words(out, "noescape", pkg.noescape);
  print_words(out, "nocallback", pkg.nocallback);
  for (const cgo::cgo_source &src : pkg.cgo_files) {
    const std::string file = relative_to_cwd(src.path, cwd);
    for (const cgo::c_call &call : src.facts.calls) {
      out << "  " << at(file, call.pos) << ": C." << call.function << '(';
      for (std::size_t i = 0; i < call.args.size(); ++i) {
        out << (i == 0 ? "" : ", ") << cgo::provenance_name(call.args[i].kind);
      }
      out << ") in " << (call.go_function.empty() ? "a package-level initialiser" : call.go_function) << '\n';
    }
    for (const cgo::export_directive &e : src.facts.exports) {
      out << "  " << at(file, e.pos) << ": //export " << e.name << " (func " << e.func_name << ")\n";
    }
  }
  for (const cgo::front_end_finding &f : pkg.findings) {
    out << "  " << at(relative_to_cwd(f.file, cwd), f.pos) << ": warning: " << f.message << " [" << f.check
        << "]\n";
  }
}

} // namespace

int run_list(const std::vector<std::string_view> &args) {
  list_options opts;
  if (const std::optional<std::string> bad = parse(args, opts)) {
    return fail(*bad);
  }
  const pattern_result dirs = expand_patterns(opts.patterns);
  if (!dirs.error.empty()) {
    return fail(dirs.error);
  }
  const list_target target = resolve_target(opts.common);
  if (!target.error.empty()) {
    return fail(target.error);
  }
  for (const std::string &note : target.notes) {
    std::cerr << "cgocheck: note: " << note << '\n';
  }
  std::error_code ec;
  const std::string cwd = working_directory();
  ordered_json out = ordered_json::array();
  bool first = true;
  for (const listed_package &p : read_packages(dirs.dirs, target)) {
    if (!p.listed || (opts.cgo_only && !p.pkg.is_cgo())) {
      continue;
    }
    if (opts.json) {
      out.push_back(package_json(p.pkg, cwd));
    } else {
      if (!first) {
        std::cout << '\n';
      }
      print_text(std::cout, p.pkg, cwd);
    }
    first = false;
  }
  if (opts.json) {
    std::cout << out.dump(1, '\t') << '\n';
  }
  return exit_ok;
}

} // namespace cgocheck::tools
