// cgocheck::buildenv — reading VS Code's settings.json and launch.json.
//
// VS Code reads both as "JSON with comments": `//` and `/* */` comments and
// trailing commas before `}` or `]` are allowed. This header blanks those out
// (keeping every newline, so positions stay right) and hands the rest to
// nlohmann::json, which reports syntax errors with line and column.
#ifndef CGOCHECK_BUILDENV_JSONC_HPP
#define CGOCHECK_BUILDENV_JSONC_HPP

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace cgocheck::buildenv {

struct jsonc_result {
  nlohmann::json value;
  std::string error; ///< "line L, column C: reason"; empty on success
  [[nodiscard]] bool ok() const { return error.empty(); }
};

namespace detail {

/// Replaces comments and trailing commas by spaces. An unterminated block
/// comment or string is left for the JSON parser to report.
inline std::string strip_jsonc(std::string_view in) {
  std::string out(in);
  std::size_t i = 0;
  std::size_t last_comma = std::string::npos; // a comma followed only by blanks so far
  while (i < out.size()) {
    const char c = out[i];
    if (c == '"') {
      last_comma = std::string::npos;
      ++i;
      while (i < out.size() && out[i] != '"' && out[i] != '\n') {
        i += out[i] == '\\' ? 2 : 1;
      }
      ++i;
      continue;
    }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      while (i < out.size() && out[i] != '\n') {
        out[i++] = ' ';
      }
      continue;
    }
    if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
      const std::size_t end = out.find("*/", i + 2);
      if (end == std::string::npos) {
        break; // the parser reports the stray '/'
      }
      for (std::size_t k = i; k < end + 2; ++k) {
        if (out[k] != '\n') {
          out[k] = ' ';
        }
      }
      i = end + 2;
      continue;
    }
    if (c == ',') {
      last_comma = i;
    } else if ((c == '}' || c == ']') && last_comma != std::string::npos) {
      out[last_comma] = ' ';
      last_comma = std::string::npos;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      last_comma = std::string::npos;
    }
    ++i;
  }
  return out;
}

} // namespace detail

/// Parses JSON with comments and trailing commas.
inline jsonc_result parse_jsonc(std::string_view text) {
  jsonc_result out;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") {
    text.remove_prefix(3);
  }
  const std::string plain = detail::strip_jsonc(text);
  try {
    out.value = nlohmann::json::parse(plain);
  } catch (const nlohmann::json::parse_error &e) {
    // e.what() is "[json.exception.parse_error.101] parse error at line L,
    // column C: ..."; keep what follows "at ".
    std::string what = e.what();
    const std::size_t at = what.find(" at line ");
    out.error = at == std::string::npos ? what : what.substr(at + 4);
    if (out.error.empty()) {
      out.error = "invalid JSON";
    }
  } catch (const nlohmann::json::exception &e) {
    // A number too large for a double is an out_of_range error (406) that
    // carries no position: "number overflow parsing '1e999'". Locate the
    // token it names.
    std::string what = e.what();
    const std::size_t prefix = what.find("] ");
    what = prefix == std::string::npos ? what : what.substr(prefix + 2);
    std::size_t offset = 0;
    if (const std::size_t open = what.find('\''); open != std::string::npos) {
      const std::size_t close = what.find('\'', open + 1);
      const std::size_t found = plain.find(what.substr(open + 1, close - open - 1));
      offset = found == std::string::npos ? 0 : found;
    }
    std::size_t line = 1;
    std::size_t column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
      column = plain[i] == '\n' ? 1 : column + 1;
      line += plain[i] == '\n' ? 1 : 0;
    }
    out.error = "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + what;
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_JSONC_HPP
