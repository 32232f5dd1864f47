// See machine.hpp.
#include "machine.hpp"

#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char **environ; // NOLINT(readability-redundant-declaration)

namespace cgocheck::tools {

namespace be = cgocheck::buildenv;
namespace fs = std::filesystem;

namespace {
bool is_executable_file(const std::string &path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111) != 0;
}

std::string machine_goarch() {
  struct utsname u {};
  return ::uname(&u) == 0 ? be::goarch_for_machine(u.machine) : std::string("amd64");
}

std::string machine_goos() {
#ifdef __APPLE__
  return "darwin";
#elif defined(__FreeBSD__)
  return "freebsd";
#else
  return "linux";
#endif
}

/// The output of `<go> version`, or nothing.
std::optional<std::string> run_go_version(const std::string &go) {
  const std::string command = "'" + go + "' version 2>/dev/null";
  // Running the user's go is the point; the path comes from PATH, quoted.
  FILE *pipe = ::popen(command.c_str(), "r"); // NOLINT(cert-env33-c,bugprone-command-processor)
  if (pipe == nullptr) {
    return std::nullopt;
  }
  std::array<char, 256> buffer{};
  std::string out;
  while (std::fgets(buffer.data(), buffer.size(), pipe) != nullptr) {
    out += buffer.data();
  }
  if (::pclose(pipe) != 0) {
    return std::nullopt;
  }
  return out;
}

} // namespace

std::map<std::string, std::string> process_environment() {
  std::map<std::string, std::string> out;
  for (char **e = environ; e != nullptr && *e != nullptr; ++e) {
    const std::string entry = *e;
    const std::size_t eq = entry.find('=');
    if (eq != std::string::npos) {
      out.emplace(entry.substr(0, eq), entry.substr(eq + 1));
    }
  }
  return out;
}

std::optional<std::string> read_whole_file(const std::string &path) {
  std::error_code ec;
  if (path.empty() || fs::is_directory(path, ec)) {
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return std::nullopt;
  }
  std::ostringstream data;
  data << in.rdbuf();
  return data.str();
}

std::optional<std::string> look_path(const std::string &name, const std::string &path_var) {
  if (name.find('/') != std::string::npos) {
    return is_executable_file(name) ? std::optional<std::string>(name) : std::nullopt;
  }
  std::size_t start = 0;
  while (start <= path_var.size()) {
    const std::size_t colon = path_var.find(':', start);
    const std::string dir = path_var.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    std::string candidate = dir;
    candidate += '/';
    candidate += name;
    if (!dir.empty() && dir.front() == '/' && is_executable_file(candidate)) {
      return candidate;
    }
    if (colon == std::string::npos) {
      break;
    }
    start = colon + 1;
  }
  return std::nullopt;
}

std::string working_directory() {
  std::error_code ec;
  const fs::path real = fs::current_path(ec);
  const std::map<std::string, std::string> env = process_environment();
  const auto pwd = env.find("PWD");
  if (pwd != env.end() && !pwd->second.empty() && pwd->second.front() == '/' && fs::equivalent(pwd->second, real, ec)) {
    return pwd->second;
  }
  return real.string();
}

std::string executable_path() {
  std::error_code ec;
  return fs::read_symlink("/proc/self/exe", ec).string();
}

std::function<std::optional<std::string>(std::string_view)> go_getenv(const be::resolution &r,
                                                                      const be::system_view &sys) {
  return [&r, &sys](std::string_view key) -> std::optional<std::string> {
    std::string value = be::getenv_as_go(r, sys, std::string(key));
    if (value.empty()) {
      return std::nullopt;
    }
    return value;
  };
}

machine inspect_machine(const machine_request &request) {
  machine m;
  be::system_view &sys = m.sys;
  sys.environ = process_environment();
  if (!request.goos.empty()) {
    sys.environ["GOOS"] = request.goos;
  }
  if (!request.goarch.empty()) {
    sys.environ["GOARCH"] = request.goarch;
  }
  sys.read_file = read_whole_file;
  const std::string path_var = sys.environ.count("PATH") != 0 ? sys.environ.at("PATH") : std::string{};
  sys.look_path = [](const std::string &name, const std::string &path) { return look_path(name, path).has_value(); };

  be::go_installation &go = m.go;
  std::optional<be::go_version> version = request.version;
  go.host = request.host ? *request.host : be::target{machine_goos(), machine_goarch()};
  if (const std::optional<std::string> go_binary = look_path("go", path_var)) {
    m.go_binary = *go_binary;
    std::error_code ec;
    const fs::path real = fs::weakly_canonical(*go_binary, ec);
    go.goroot = real.parent_path().parent_path().string();
    if (!version) {
      const std::optional<std::string> text = run_go_version(*go_binary);
      version = text ? be::parse_go_version(*text) : std::nullopt;
      if (!version) {
        m.notes.push_back("'" + *go_binary + " version' is not a release cgocheck models; using Go " +
                          be::newest_modelled.str());
      }
    }
  } else if (!version) {
    m.notes.push_back("no go on PATH; modelling Go " + be::newest_modelled.str() + " (use --go-version)");
  }
  go.version = version.value_or(be::newest_modelled);
  go.toolchain.build_goos = go.host.goos;
  go.toolchain.default_cgo_enabled = request.toolchain_cgo;
  if (!be::is_verified_from_source(go.version)) {
    m.notes.push_back("Go " + go.version.str() + " is modelled from its release notes, not its source");
  }
  return m;
}

} // namespace cgocheck::tools
