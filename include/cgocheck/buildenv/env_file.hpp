// cgocheck::buildenv — the go/env file format (the user GOENV file written by
// `go env -w`, and $GOROOT/go.env since 1.21).
//
// The format, as `initEnvCache`/`readEnvFile` read it
// (src/cmd/go/internal/cfg/cfg.go, go1.19.8 and go1.21.13 ... go1.27.3):
// - lines are split on '\n' only (a '\r' stays part of the value);
// - each line is cut at its first '='; the key is taken verbatim and the
//   value is the raw rest of the line: no quoting, no trimming, no escapes;
// - lines with no '=', empty lines, and lines whose first byte is not 'A'-'Z'
//   (comments among them) are ignored without a word;
// - a key given twice: the last line wins.
// The go command never reports a malformed line, so neither does the parser;
// it lists the ignored lines so that `cgocheck env` can say why a line that
// looks like a setting has no effect.
#ifndef CGOCHECK_BUILDENV_ENV_FILE_HPP
#define CGOCHECK_BUILDENV_ENV_FILE_HPP

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::buildenv {

/// One KEY=VALUE line that the go command would read.
struct env_file_entry {
  std::string key;
  std::string value;
  int line = 0; ///< 1-based
};

/// A non-blank line that the go command silently skips.
struct env_file_ignored {
  int line = 0;
  std::string text;
  std::string reason;
};

struct env_file {
  std::vector<env_file_entry> entries;  ///< every setting line, in file order
  std::vector<env_file_ignored> ignored;

  /// The entry that wins for `key` (the last one), or nullptr.
  [[nodiscard]] const env_file_entry *find(std::string_view key) const {
    const env_file_entry *found = nullptr;
    for (const env_file_entry &e : entries) {
      if (e.key == key) {
        found = &e;
      }
    }
    return found;
  }

  /// Earlier lines for `key` that a later one overrides.
  [[nodiscard]] std::vector<const env_file_entry *> shadowed(std::string_view key) const {
    std::vector<const env_file_entry *> out;
    for (const env_file_entry &e : entries) {
      if (e.key == key) {
        out.push_back(&e);
      }
    }
    if (!out.empty()) {
      out.pop_back();
    }
    return out;
  }
};

/// Parses go/env file contents. Never fails: the go command accepts any bytes.
inline env_file parse_env_file(std::string_view data) {
  env_file out;
  int number = 0;
  while (!data.empty()) {
    ++number;
    std::string_view line = data;
    if (const std::size_t nl = data.find('\n'); nl != std::string_view::npos) {
      line = data.substr(0, nl);
      data.remove_prefix(nl + 1);
    } else {
      data = {};
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos || line[0] < 'A' || line[0] > 'Z') {
      const bool blank = line.find_first_not_of(" \t\r") == std::string_view::npos;
      if (!blank) {
        std::string reason;
        if (line[0] == '#') {
          reason = "comment";
        } else if (eq == std::string_view::npos) {
          reason = "no '=' on the line";
        } else {
          reason = "does not start with an upper-case letter A-Z";
        }
        out.ignored.push_back({number, std::string(line), std::move(reason)});
      }
      continue;
    }
    out.entries.push_back({std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)), number});
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_ENV_FILE_HPP
