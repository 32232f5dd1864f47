// cgocheck::buildenv — env files as VS Code's Go extension reads them
// (launch.json "envFile", "go.testEnvFile"), and the simple lines of a
// direnv .envrc.
//
// The envFile syntax models golang/vscode-go extension/src/utils/envUtils.ts
// (`parseEnvFile`, `substituteEnvVars`; read at v0.57.2-5-g28e27ffd):
// - a leading U+FEFF is dropped; lines are split on '\n';
// - a line counts when it matches ^\s*(export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$ —
//   anything else (comments, blank lines) is skipped without a word;
//   a trailing '\r' is dropped, trailing spaces are kept, `A=x # c` keeps
//   `x # c`;
// - when the value starts and ends with '"', each `\n` becomes a newline;
//   then one leading and one trailing quote (' or ") are removed,
//   independently of each other;
// - `${NAME}` is replaced by an earlier key of the same file, else by the
//   context's variables, else by ""; an empty earlier value falls through;
//   `\${X}` stays as written; one malformed `${...}` in a value cancels all
//   substitution in that value; finally every `\$` becomes `$`.
// The go command itself never reads .env (src/cmd/go has no such code), and
// neither does the extension unless a configuration names the file.
#ifndef CGOCHECK_BUILDENV_DOTENV_HPP
#define CGOCHECK_BUILDENV_DOTENV_HPP

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::buildenv {

/// One variable a file sets.
struct file_var {
  std::string key;
  std::string value;
  int line = 0;
};

struct dotenv_result {
  std::vector<file_var> vars; ///< in file order; a later key wins
  std::vector<int> skipped;   ///< non-blank lines that do not match

  [[nodiscard]] std::map<std::string, std::string> as_map() const {
    std::map<std::string, std::string> out;
    for (const file_var &v : vars) {
      out[v.key] = v.value;
    }
    return out;
  }
};

namespace detail {

constexpr bool js_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }
constexpr bool js_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
constexpr bool js_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
constexpr bool js_line_end(char c) { return c == '\n' || c == '\r'; }

/// Matches the line regex; fills key and value.
inline bool match_env_line(std::string_view line, std::string &key, std::string &value) {
  const auto try_from = [&](std::size_t i) {
    const std::size_t key_start = i;
    while (i < line.size() && (js_word(line[i]) || line[i] == '.' || line[i] == '-')) {
      ++i;
    }
    if (i == key_start) {
      return false;
    }
    const std::size_t key_end = i;
    while (i < line.size() && js_space(line[i])) {
      ++i;
    }
    if (i >= line.size() || line[i] != '=') {
      return false;
    }
    ++i;
    while (i < line.size() && js_space(line[i])) {
      ++i;
    }
    std::size_t end = i;
    while (end < line.size() && !js_line_end(line[end])) {
      ++end;
    }
    // What `.` could not take must be white space up to the end.
    for (std::size_t k = end; k < line.size(); ++k) {
      if (!js_space(line[k])) {
        return false;
      }
    }
    key = std::string(line.substr(key_start, key_end - key_start));
    value = std::string(line.substr(i, end - i));
    return true;
  };
  std::size_t i = 0;
  while (i < line.size() && js_space(line[i])) {
    ++i;
  }
  if (line.substr(i, 6) == "export" && i + 6 < line.size() && js_space(line[i + 6])) {
    std::size_t j = i + 6;
    while (j < line.size() && js_space(line[j])) {
      ++j;
    }
    if (try_from(j)) {
      return true;
    }
  }
  return try_from(i);
}

/// `substituteEnvVars`.
inline std::string substitute(const std::string &value, const std::map<std::string, std::string> &local,
                              const std::map<std::string, std::string> &global) {
  const auto lookup = [&](const std::string &name) {
    if (auto it = local.find(name); it != local.end() && !it->second.empty()) {
      return it->second;
    }
    if (auto it = global.find(name); it != global.end() && !it->second.empty()) {
      return it->second;
    }
    return std::string{};
  };
  bool invalid = false;
  std::string replaced;
  std::size_t i = 0;
  while (i < value.size()) {
    if (value.compare(i, 2, "${") != 0) {
      replaced += value[i++];
      continue;
    }
    std::size_t j = i + 2;
    std::size_t name_end = j;
    if (j < value.size() && js_letter(value[j])) {
      name_end = j + 1;
      while (name_end < value.size() && js_word(value[name_end])) {
        ++name_end;
      }
    }
    std::size_t match_end = std::string::npos; // one past '}'
    bool bogus = false;
    if (name_end < value.size() && value[name_end] == '}') {
      match_end = name_end + 1;
    } else if (name_end < value.size() && !js_word(value[name_end])) {
      // ([^}\w].*)? then '}': runs to the last '}' before a line end.
      std::size_t stop = name_end + 1;
      while (stop < value.size() && !js_line_end(value[stop])) {
        ++stop;
      }
      const std::size_t close = value.rfind('}', stop == 0 ? 0 : stop - 1);
      if (close != std::string::npos && close > name_end) {
        match_end = close + 1;
        bogus = true;
      }
    }
    if (match_end == std::string::npos) {
      replaced += value[i++];
      continue;
    }
    const std::string match = value.substr(i, match_end - i);
    if (i > 0 && value[i - 1] == '\\') {
      replaced += match;
    } else if (bogus || name_end == j) {
      invalid = true;
      replaced += match;
    } else {
      replaced += lookup(value.substr(j, name_end - j));
    }
    i = match_end;
  }
  std::string out = invalid ? value : replaced;
  std::string unescaped;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k] == '\\' && k + 1 < out.size() && out[k + 1] == '$') {
      continue;
    }
    unescaped += out[k];
  }
  return unescaped;
}

} // namespace detail

/// Parses an envFile the way the Go extension does. `global` holds the
/// variables `${NAME}` may fall back to (the context's environment).
inline dotenv_result parse_dotenv(std::string_view data, const std::map<std::string, std::string> &global = {}) {
  dotenv_result out;
  if (data.substr(0, 3) == "\xEF\xBB\xBF") {
    data.remove_prefix(3);
  }
  std::map<std::string, std::string> local;
  int number = 0;
  while (true) {
    ++number;
    const std::size_t nl = data.find('\n');
    const std::string_view line = data.substr(0, nl);
    std::string key;
    std::string value;
    if (detail::match_env_line(line, key, value)) {
      if (!value.empty() && value.front() == '"' && value.back() == '"') {
        std::string expanded;
        for (std::size_t k = 0; k < value.size(); ++k) {
          if (value[k] == '\\' && k + 1 < value.size() && value[k + 1] == 'n') {
            expanded += '\n';
            ++k;
          } else {
            expanded += value[k];
          }
        }
        value = std::move(expanded);
      }
      if (!value.empty() && (value.front() == '"' || value.front() == '\'')) {
        value.erase(0, 1);
      }
      if (!value.empty() && (value.back() == '"' || value.back() == '\'')) {
        value.pop_back();
      }
      value = detail::substitute(value, local, global);
      local[key] = value;
      out.vars.push_back({key, value, number});
    } else if (line.find_first_not_of(" \t\r") != std::string_view::npos &&
               line.substr(line.find_first_not_of(" \t\r"), 1) != "#") {
      out.skipped.push_back(number);
    }
    if (nl == std::string_view::npos) {
      break;
    }
    data.remove_prefix(nl + 1);
  }
  return out;
}

/// What a direnv .envrc would export, for the lines cgocheck can read
/// without running a shell: `export K=V` (V unquoted or in simple quotes)
/// and `dotenv [FILE]`. Everything else is reported as not interpreted.
struct envrc_result {
  std::vector<file_var> vars;
  std::vector<std::string> dotenv_files; ///< `dotenv` lines (default ".env")
  std::vector<int> dotenv_lines;
  std::vector<file_var> not_interpreted; ///< key empty; value = the line's text
};

inline envrc_result parse_envrc(std::string_view data) {
  envrc_result out;
  int number = 0;
  while (true) {
    ++number;
    const std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    const auto simple_word = [](std::string_view w) {
      return !w.empty() && w.find_first_of("$`\\;&|<>(){} \t\"'*?[]~") == std::string_view::npos;
    };
    bool understood = line.empty() || line.front() == '#';
    if (!understood && line.rfind("export ", 0) == 0) {
      std::string_view rest = line.substr(7);
      while (!rest.empty() && rest.front() == ' ') {
        rest.remove_prefix(1);
      }
      const std::size_t eq = rest.find('=');
      if (eq != std::string_view::npos && eq > 0) {
        const std::string_view key = rest.substr(0, eq);
        std::string_view value = rest.substr(eq + 1);
        bool key_ok = detail::js_word(key.front()) && (key.front() < '0' || key.front() > '9');
        for (const char c : key) {
          key_ok = key_ok && detail::js_word(c);
        }
        bool value_ok = false;
        const bool single_quoted = value.size() >= 2 && value.front() == '\'' && value.back() == '\'' &&
                                   value.substr(1, value.size() - 2).find('\'') == std::string_view::npos;
        const bool double_quoted = value.size() >= 2 && value.front() == '"' && value.back() == '"' &&
                                   value.substr(1, value.size() - 2).find_first_of("\"$`\\") == std::string_view::npos;
        if (single_quoted || double_quoted) {
          value = value.substr(1, value.size() - 2);
          value_ok = true;
        } else {
          value_ok = value.empty() || simple_word(value);
        }
        if (key_ok && value_ok) {
          out.vars.push_back({std::string(key), std::string(value), number});
          understood = true;
        }
      }
    } else if (!understood && (line == "dotenv" || line.rfind("dotenv ", 0) == 0)) {
      std::string_view file = line.size() > 6 ? line.substr(7) : std::string_view{".env"};
      while (!file.empty() && file.front() == ' ') {
        file.remove_prefix(1);
      }
      if (file.empty()) {
        file = ".env";
      }
      if (simple_word(file)) {
        out.dotenv_files.emplace_back(file);
        out.dotenv_lines.push_back(number);
        understood = true;
      }
    }
    if (!understood) {
      out.not_interpreted.push_back({"", std::string(line), number});
    }
    if (nl == std::string_view::npos) {
      break;
    }
    data.remove_prefix(nl + 1);
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_DOTENV_HPP
