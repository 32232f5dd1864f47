// Fuzzes cgocheck::buildenv::parse_env_file (go/env files, env_file.hpp).
#include "check.hpp"

#include "cgocheck/buildenv/env_file.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace bf = cgocheck::buildenv;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char *>(data), size);
  const bf::env_file file = bf::parse_env_file(text);

  // The input's lines, split on '\n' only, as the header documents.
  std::vector<std::string_view> lines;
  for (std::string_view rest = text; !rest.empty();) {
    const std::size_t nl = rest.find('\n');
    lines.push_back(rest.substr(0, nl));
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
  }

  int previous = 0;
  std::map<std::string, const bf::env_file_entry *> last;
  for (const bf::env_file_entry &e : file.entries) {
    FUZZ_CHECK(!e.key.empty());
    FUZZ_CHECK(e.key[0] >= 'A' && e.key[0] <= 'Z');
    FUZZ_CHECK(e.key.find('=') == std::string::npos);
    FUZZ_CHECK(e.key.find('\n') == std::string::npos);
    FUZZ_CHECK(e.value.find('\n') == std::string::npos);
    FUZZ_CHECK(e.line >= 1);
    FUZZ_CHECK(e.line > previous);
    previous = e.line;
    // Cut at the first '=', key and value verbatim.
    FUZZ_CHECK(static_cast<std::size_t>(e.line) <= lines.size());
    FUZZ_CHECK(lines[e.line - 1] == e.key + "=" + e.value);
    last[e.key] = &e;
  }

  // Every line that starts with A-Z and holds an '=' is a setting.
  std::size_t settings = 0;
  for (const std::string_view line : lines) {
    settings += !line.empty() && line[0] >= 'A' && line[0] <= 'Z' && line.find('=') != std::string_view::npos;
  }
  FUZZ_CHECK(settings == file.entries.size());

  for (const bf::env_file_ignored &ig : file.ignored) {
    FUZZ_CHECK(ig.line >= 1 && static_cast<std::size_t>(ig.line) <= lines.size());
    FUZZ_CHECK(lines[ig.line - 1] == ig.text);
    FUZZ_CHECK(!ig.reason.empty());
  }

  // find() returns the last entry with the key; shadowed() the earlier ones.
  for (const auto &[key, entry] : last) {
    FUZZ_CHECK(file.find(key) == entry);
    const std::vector<const bf::env_file_entry *> shadowed = file.shadowed(key);
    for (const bf::env_file_entry *s : shadowed) {
      FUZZ_CHECK(s->key == key && s->line < entry->line);
    }
  }
  FUZZ_CHECK(file.find("") == nullptr);
  FUZZ_CHECK(file.find("lower") == nullptr);
  return 0;
}
