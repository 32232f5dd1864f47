// Fuzzes cgocheck::buildenv::parse_dotenv and parse_envrc (dotenv.hpp).
#include "check.hpp"

#include "cgocheck/buildenv/dotenv.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bf = cgocheck::buildenv;

namespace {

bool env_file_key_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

void check_vars(const std::vector<bf::file_var> &vars, std::size_t line_count) {
  int previous = 0;
  for (const bf::file_var &v : vars) {
    FUZZ_CHECK(!v.key.empty());
    for (const char c : v.key) {
      FUZZ_CHECK(env_file_key_char(c));
    }
    FUZZ_CHECK(v.line >= 1);
    FUZZ_CHECK(v.line >= previous);
    FUZZ_CHECK(static_cast<std::size_t>(v.line) <= line_count);
    previous = v.line;
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  std::size_t line_count = 1;
  for (const char c : text) {
    line_count += c == '\n';
  }

  // ${NAME} falls back to these; one is empty, which must fall through.
  static const std::map<std::string, std::string> context = {
      {"HOME", "/home/gopher"}, {"GOPATH", "/home/gopher/go"}, {"PATH", "/usr/bin:/bin"}, {"EMPTY", ""},
      {"X", "${X}"}};
  for (const std::map<std::string, std::string> *global : {&context, static_cast<decltype(&context)>(nullptr)}) {
    const bf::dotenv_result env = global ? bf::parse_dotenv(text, *global) : bf::parse_dotenv(text);
    check_vars(env.vars, line_count);
    int previous = 0;
    for (const int line : env.skipped) {
      FUZZ_CHECK(line >= 1 && line > previous && static_cast<std::size_t>(line) <= line_count);
      previous = line;
    }
    // as_map(): a later key wins.
    const std::map<std::string, std::string> map = env.as_map();
    FUZZ_CHECK(map.size() <= env.vars.size());
    for (const bf::file_var &v : env.vars) {
      FUZZ_CHECK(map.count(v.key) == 1);
    }
    if (!env.vars.empty()) {
      FUZZ_CHECK(map.at(env.vars.back().key) == env.vars.back().value);
    }
  }

  const bf::envrc_result rc = bf::parse_envrc(text);
  check_vars(rc.vars, line_count);
  for (const bf::file_var &v : rc.vars) {
    // `export K=V` takes shell names only.
    FUZZ_CHECK(!(v.key[0] >= '0' && v.key[0] <= '9'));
  }
  FUZZ_CHECK(rc.dotenv_files.size() == rc.dotenv_lines.size());
  for (std::size_t i = 0; i < rc.dotenv_files.size(); ++i) {
    FUZZ_CHECK(!rc.dotenv_files[i].empty());
    FUZZ_CHECK(rc.dotenv_lines[i] >= 1 && static_cast<std::size_t>(rc.dotenv_lines[i]) <= line_count);
  }
  for (const bf::file_var &n : rc.not_interpreted) {
    FUZZ_CHECK(n.key.empty());
    FUZZ_CHECK(n.line >= 1 && static_cast<std::size_t>(n.line) <= line_count);
  }
  return 0;
}
