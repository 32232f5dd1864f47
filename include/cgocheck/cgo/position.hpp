// Positions and errors in a Go source file, as go/token prints them.
//
// Models src/go/token/position.go (Position.String: "file:line:column",
// line and column 1-based, the column counted in bytes), Go 1.19-1.27.
#ifndef CGOCHECK_CGO_POSITION_HPP
#define CGOCHECK_CGO_POSITION_HPP

#include <cstdint>
#include <string>
#include <string_view>

namespace cgocheck::cgo {

/// A place in a file: 1-based line, 1-based column in bytes (go/token's
/// Column). {0, 0} means "no position".
struct position {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

inline bool operator==(position a, position b) { return a.line == b.line && a.column == b.column; }
inline bool operator!=(position a, position b) { return !(a == b); }
inline bool operator<(position a, position b) {
  return a.line < b.line || (a.line == b.line && a.column < b.column);
}
inline bool operator<=(position a, position b) { return !(b < a); }

/// An error in a source file, with the Go tool's own message text.
struct source_error {
  position pos;
  std::string message;
};

/// "file:line:col: message", as go/scanner's Error.Error and go/token's
/// Position.String print it: the column is left out when it is 0, the
/// position when the line is 0, and the whole prefix when both the file
/// name and the position are empty.
inline std::string format_error(std::string_view file, const source_error &e) {
  std::string prefix(file);
  if (e.pos.line > 0) {
    if (!prefix.empty()) {
      prefix += ':';
    }
    prefix += std::to_string(e.pos.line);
    if (e.pos.column > 0) {
      prefix += ':' + std::to_string(e.pos.column);
    }
  }
  if (prefix.empty()) {
    return e.message;
  }
  return prefix + ": " + e.message;
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_POSITION_HPP
