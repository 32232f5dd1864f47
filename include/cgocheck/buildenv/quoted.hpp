// cgocheck::buildenv — the go command's word splitting for CC, CXX,
// CGO_*FLAGS and (1.21+) GOFLAGS.
//
// Models src/cmd/internal/quoted/quoted.go (go1.19.8; unchanged through
// go1.27.3): fields are separated by space, tab, '\n' or '\r'; a field that
// *starts* with ' or " runs to the next identical quote, with no escapes;
// quotes inside a field are literal. Join quotes a field that holds a space
// or a quote with the other kind of quote, and fails when it holds both.
#ifndef CGOCHECK_BUILDENV_QUOTED_HPP
#define CGOCHECK_BUILDENV_QUOTED_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::buildenv {

/// The result of splitting: the fields, or the go command's error text.
struct split_result {
  std::vector<std::string> fields;
  std::string error; ///< e.g. "unterminated ' string"; empty on success

  [[nodiscard]] bool ok() const { return error.empty(); }
};

namespace detail {
constexpr bool is_quoted_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/// strconv.Quote (Go's %q) for the printable text the go command's messages
/// quote: escapes '"' and '\\'.
inline std::string go_quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}
} // namespace detail

/// `quoted.Split`.
inline split_result quoted_split(std::string_view s) {
  split_result out;
  while (!s.empty()) {
    while (!s.empty() && detail::is_quoted_space(s.front())) {
      s.remove_prefix(1);
    }
    if (s.empty()) {
      break;
    }
    if (s.front() == '"' || s.front() == '\'') {
      const char quote = s.front();
      s.remove_prefix(1);
      const std::size_t end = s.find(quote);
      if (end == std::string_view::npos) {
        out.fields.clear();
        out.error = std::string("unterminated ") + quote + " string";
        return out;
      }
      out.fields.emplace_back(s.substr(0, end));
      s.remove_prefix(end + 1);
      continue;
    }
    std::size_t end = 0;
    while (end < s.size() && !detail::is_quoted_space(s[end])) {
      ++end;
    }
    out.fields.emplace_back(s.substr(0, end));
    s.remove_prefix(end);
  }
  return out;
}

/// `quoted.Join`; nothing when a field holds both kinds of quote.
inline std::optional<std::string> quoted_join(const std::vector<std::string> &fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out += ' ';
    }
    const std::string &f = fields[i];
    bool space = false;
    bool single = false;
    bool dbl = false;
    for (const char c : f) {
      // Bytes >= 0x80 belong to multi-byte UTF-8 runes, which Join skips.
      if (static_cast<unsigned char>(c) >= 0x80) {
        continue;
      }
      space = space || detail::is_quoted_space(c);
      single = single || c == '\'';
      dbl = dbl || c == '"';
    }
    if (!space && !single && !dbl) {
      out += f;
    } else if (!single) {
      out += '\'' + f + '\'';
    } else if (!dbl) {
      out += '"' + f + '"';
    } else {
      return std::nullopt;
    }
  }
  return out;
}

/// What `go env` prints for a CGO_*FLAGS list: Join, or the fields joined by
/// single spaces when Join fails (`join` in ExtraEnvVarsCostly,
/// src/cmd/go/internal/envcmd/env.go).
inline std::string env_join(const std::vector<std::string> &fields) {
  if (auto joined = quoted_join(fields)) {
    return *joined;
  }
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    out += (i > 0 ? " " : "") + fields[i];
  }
  return out;
}

} // namespace cgocheck::buildenv

#endif // CGOCHECK_BUILDENV_QUOTED_HPP
