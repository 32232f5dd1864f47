// See packages.hpp.
#include "packages.hpp"

#include "machine.hpp"
#include "process.hpp"

#include "cgocheck/abi/target.hpp"
#include "cgocheck/buildenv/quoted.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <system_error>

namespace cgocheck::tools {

namespace fs = std::filesystem;

namespace {

bool skipped_dir_name(const std::string &name) {
  return name.empty() || name.front() == '.' || name.front() == '_' || name == "testdata" || name == "vendor";
}

/// Every directory at or below root, as `go list root/...` walks it.
void walk(const fs::path &root, bool is_root, std::set<std::string> &out) {
  std::error_code ec;
  if (!is_root && fs::exists(root / "go.mod", ec)) {
    return; // a nested module is not part of root/...
  }
  out.insert(root.lexically_normal().string());
  std::vector<fs::path> children;
  for (fs::directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_directory(ec) && !it->is_symlink(ec) && !skipped_dir_name(it->path().filename().string())) {
      children.push_back(it->path());
    }
  }
  for (const fs::path &child : children) {
    walk(child, false, out);
  }
}

std::string strip_trailing_slash(std::string s) {
  while (s.size() > 1 && s.back() == '/') {
    s.pop_back();
  }
  return s;
}

/// The stand-in C library headers for Apple targets without an SDK
/// (share/darwin-libc): $CGOCHECK_DARWIN_LIBC, else the installed copy next
/// to this executable (<bin>/../share/cgocheck/darwin-libc), else the
/// source tree's when this is a build tree; "" when there is none.
std::string darwin_libc_dir(const buildenv::system_view &sys) {
  const auto set = sys.environ.find("CGOCHECK_DARWIN_LIBC");
  if (set != sys.environ.end() && !set->second.empty()) {
    return set->second;
  }
  std::error_code ec;
  const std::string exe = executable_path();
  if (!exe.empty()) {
    const fs::path installed = fs::path(exe).parent_path().parent_path() / "share" / "cgocheck" / "darwin-libc";
    if (fs::is_directory(installed, ec)) {
      return installed.lexically_normal().string();
    }
  }
#ifdef CGOCHECK_SOURCE_DARWIN_LIBC
  if (fs::is_directory(CGOCHECK_SOURCE_DARWIN_LIBC, ec)) {
    return CGOCHECK_SOURCE_DARWIN_LIBC;
  }
#endif
  return "";
}

} // namespace

pattern_result expand_patterns(const std::vector<std::string> &patterns) {
  pattern_result r;
  std::set<std::string> dirs;
  std::error_code ec;
  for (const std::string &pattern : patterns) {
    const bool recursive = pattern == "..." || (pattern.size() >= 4 && pattern.compare(pattern.size() - 4, 4, "/...") == 0);
    std::string base = recursive ? pattern.substr(0, pattern.size() - 3) : pattern;
    if (base.empty()) {
      base = ".";
    }
    const fs::path given = strip_trailing_slash(base);
    const fs::path path = given.is_absolute() ? given : fs::path(working_directory()) / given;
    if (ec || !fs::exists(path, ec)) {
      r.error = "'" + pattern + "' does not exist";
      return r;
    }
    if (fs::is_directory(path, ec)) {
      if (recursive) {
        walk(path, true, dirs);
      } else {
        dirs.insert(path.lexically_normal().string());
      }
    } else if (!recursive) {
      dirs.insert(path.parent_path().lexically_normal().string());
    } else {
      r.error = "'" + pattern + "': ... must follow a directory";
      return r;
    }
  }
  r.dirs.assign(dirs.begin(), dirs.end());
  for (std::string &d : r.dirs) {
    d = strip_trailing_slash(d);
  }
  return r;
}

setup_result make_target_setup(const machine_request &request, const std::vector<std::string> &tags) {
  setup_result out;
  target_setup &t = out.target;
  machine m = inspect_machine(request);
  t.go = m.go;
  t.sys = std::move(m.sys);
  t.notes = std::move(m.notes);
  t.env = buildenv::resolve(t.go, t.sys);
  if (!t.env.error.empty()) {
    out.error = t.env.error;
    return out;
  }
  t.context.goos = t.env.get("GOOS");
  t.context.goarch = t.env.get("GOARCH");
  t.context.version = t.go.version;
  t.context.cgo_enabled = true;
  t.context.build_tags = tags;
  t.context.tool_tags = cgo::default_tool_tags(t.go.version, t.context.goarch);
  if (!t.env.cgo_enabled) {
    t.notes.push_back("the go command would build " + t.context.goos + "/" + t.context.goarch +
                      " with cgo off (see 'cgocheck env'); cgocheck checks the C side as if CGO_ENABLED=1");
  }
  t.triple = abi::triple_for(t.context.goos, t.context.goarch, t.go.version);
  if (t.triple.empty()) {
    out.error = "no C target known for " + t.context.goos + "/" + t.context.goarch;
    return out;
  }
  t.target_flags.push_back("--target=" + t.triple);
  if (abi::is_apple(t.context.goos)) {
    const auto sdk = t.sys.environ.find("SDKROOT");
    if (sdk != t.sys.environ.end() && !sdk->second.empty()) {
      t.target_flags.emplace_back("-isysroot");
      t.target_flags.push_back(sdk->second);
    } else {
      // Without an SDK the host's C library headers would leak in; the
      // stand-in headers declare what cgo code commonly uses instead.
      t.target_flags.emplace_back("-nostdlibinc");
      const std::string libc = darwin_libc_dir(t.sys);
      if (!libc.empty()) {
        t.target_flags.emplace_back("-isystem");
        t.target_flags.push_back(libc);
        t.notes.push_back("no macOS SDK (set SDKROOT to one): parsing for " + t.triple +
                          " with -nostdlibinc and cgocheck's stand-in C library headers (" + libc + ")");
      } else {
        t.notes.push_back("no macOS SDK (set SDKROOT to one): parsing for " + t.triple +
                          " with -nostdlibinc, so only clang's own headers (stddef.h, stdint.h, ...) exist");
      }
    }
  }
  return out;
}

package_build load_package(const std::string &dir, const target_setup &target) {
  package_build b;
  std::vector<cgo::input_file> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec)) {
      continue;
    }
    const std::string name = it->path().filename().string();
    if (cgo::detail::kind_of(name) == cgo::detail::file_kind::not_source) {
      continue;
    }
    files.push_back({name, read_whole_file(it->path().string()).value_or("")});
  }
  cgo::package_options opts;
  opts.context = target.context;
  opts.getenv = go_getenv(target.env, target.sys);
  b.pkg = cgo::analyze_package(dir, std::move(files), opts);
  if (!b.pkg.is_cgo()) {
    return b;
  }
  const std::vector<std::string> pc_args = cgo::pkg_config_arguments(b.pkg);
  if (!pc_args.empty()) {
    const std::vector<std::string> pkg_config =
        buildenv::quoted_split(target.env.get("PKG_CONFIG").empty() ? "pkg-config" : target.env.get("PKG_CONFIG"))
            .fields;
    std::vector<std::string> cflags_cmd = pkg_config;
    cflags_cmd.emplace_back("--cflags");
    cflags_cmd.insert(cflags_cmd.end(), pc_args.begin(), pc_args.end());
    std::vector<std::string> libs_cmd = pkg_config;
    libs_cmd.emplace_back("--libs");
    libs_cmd.insert(libs_cmd.end(), pc_args.begin(), pc_args.end());
    const process_result c = run_process(cflags_cmd, dir);
    if (!c.start_error.empty()) {
      b.notes.push_back(dir + ": the package uses #cgo pkg-config but '" + pkg_config.front() +
                        "' cannot run (" + c.start_error +
                        "); its flags are missing (Debian: apt-get install pkg-config)");
    } else if (c.exit_code != 0) {
      b.notes.push_back(dir + ": pkg-config failed for this package, its flags are missing: " +
                        c.errors.substr(0, c.errors.find('\n')));
    } else {
      const process_result l = run_process(libs_cmd, dir);
      cgo::add_pkg_config_output(b.pkg, c.output, l.exit_code == 0 ? l.output : "", opts);
    }
  }
  return b;
}

std::string generated_dir(const std::string &out_dir, const std::string &package_dir) {
  const fs::path cwd = working_directory();
  fs::path rel = fs::path(package_dir).lexically_relative(cwd);
  if (rel.empty() || *rel.begin() == "..") {
    rel = fs::path(package_dir).relative_path();
  }
  std::string dir = (fs::path(out_dir) / rel).lexically_normal().string();
  while (dir.size() > 1 && dir.back() == '/') {
    dir.pop_back();
  }
  return dir;
}

std::vector<std::string> compile_arguments(const package_build &b, const target_setup &target,
                                           const std::string &file) {
  std::vector<std::string> args{"clang", "-x", "c"};
  args.insert(args.end(), target.target_flags.begin(), target.target_flags.end());
  const std::vector<std::string> flags =
      cgo::c_compiler_flags(b.pkg, target.env.get("CGO_CPPFLAGS"), target.env.get("CGO_CFLAGS"), b.out_dir);
  args.insert(args.end(), flags.begin(), flags.end());
  // A .c file of the package (not a generated unit) sees the package's Go-side facts.
  if (!b.out_dir.empty() && file.rfind(b.out_dir + "/", 0) != 0) {
    args.emplace_back("-include");
    args.push_back(b.out_dir + "/" + std::string(cgo::package_facts_header_name));
  }
  args.emplace_back("-c");
  args.push_back(file);
  return args;
}

std::string write_compile_database(std::vector<package_build> &builds, const target_setup &target,
                                   const std::string &out_dir) {
  std::error_code ec;
  nlohmann::json db = nlohmann::json::array();
  for (package_build &b : builds) {
    if (!b.pkg.is_cgo()) {
      continue;
    }
    b.out_dir = generated_dir(out_dir, b.pkg.dir);
    fs::create_directories(b.out_dir, ec);
    if (ec) {
      return "cannot create " + b.out_dir + ": " + ec.message();
    }
    std::vector<std::string> files;
    b.generated.clear();
    for (const cgo::cgo_source &src : b.pkg.cgo_files) {
      const std::string path = b.out_dir + "/" + cgo::unit_name(src.name);
      const cgo::generated_file &g = b.generated.emplace_back(cgo::make_translation_unit(b.pkg, src, path));
      std::ofstream out(path, std::ios::binary);
      out << g.text;
      if (!out) {
        return "cannot write " + path;
      }
      files.push_back(path);
    }
    // The package's .c files may include the header cgo writes for them.
    const std::string header_path = b.out_dir + "/_cgo_export.h";
    const cgo::generated_file &header = b.generated.emplace_back(cgo::make_export_header(b.pkg, header_path));
    std::ofstream header_out(header_path, std::ios::binary);
    header_out << header.text;
    if (!header_out) {
      return "cannot write " + header_path;
    }
    // The package's .c files get the Go-side facts of the whole package
    // (compile_arguments force-includes this header for them).
    const std::string facts_path = b.out_dir + "/" + std::string(cgo::package_facts_header_name);
    const cgo::generated_file &facts = b.generated.emplace_back(cgo::make_package_facts_header(b.pkg));
    std::ofstream facts_out(facts_path, std::ios::binary);
    facts_out << facts.text;
    if (!facts_out) {
      return "cannot write " + facts_path;
    }
    for (const std::string &c : b.pkg.c_files) {
      files.push_back(b.pkg.dir + "/" + c);
    }
    for (const std::string &file : files) {
      db.push_back({{"directory", b.pkg.dir}, {"file", file}, {"arguments", compile_arguments(b, target, file)}});
    }
  }
  const std::string db_path = out_dir + "/compile_commands.json";
  fs::create_directories(out_dir, ec);
  std::ofstream out(db_path, std::ios::binary);
  out << db.dump(2) << '\n';
  if (!out) {
    return "cannot write " + db_path;
  }
  return {};
}

} // namespace cgocheck::tools
