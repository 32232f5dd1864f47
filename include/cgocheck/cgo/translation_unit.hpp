// The C translation unit cgocheck generates for one cgo .go file, the map
// from its lines back to the .go file, and the Go-side facts it carries.
//
// cmd/cgo (src/cmd/cgo/out.go, Go 1.19-1.27) compiles each file's preamble
// after a prologue that declares what cgo offers the C side (`_GoString_`,
// `_GoStringLen`, `_GoStringPtr`, `_GoBytes_`), wraps it in
// `#line N "file.go"`, and blanks every `#cgo` line
// (src/cmd/cgo/gcc.go DiscardCgoDirectives). The generated unit does the
// same, then adds a table of Go-side facts: a static array of strings named
// `_cgocheck_go_facts`, one JSON object per fact, which the plugin's checks
// read, so that clang-tidy on the unit alone sees what Go does with each C
// function (docs/library/cgo.md describes the format).
#ifndef CGOCHECK_CGO_TRANSLATION_UNIT_HPP
#define CGOCHECK_CGO_TRANSLATION_UNIT_HPP

#include "cgocheck/cgo/facts.hpp"
#include "cgocheck/cgo/package.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/source.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cgocheck::cgo {

/// Where a line of a generated file came from.
struct line_origin {
  std::uint32_t go_line = 0;   ///< 0: a generated line with no origin
  std::uint32_t go_column = 0; ///< .go column of the line's first byte
};

/// A generated C file and the map of its lines back to one .go file.
struct generated_file {
  std::string name;                 ///< e.g. "cache.cgo.c"
  std::string text;
  std::string go_path;              ///< the .go file its preamble lines come from
  std::vector<line_origin> origins; ///< origins[i] = origin of line i+1 of text

  /// The .go position of (line, column) of this file, or nothing for a
  /// generated line.
  [[nodiscard]] std::optional<position> go_position(std::uint32_t line, std::uint32_t column) const {
    if (line == 0 || line > origins.size() || origins[line - 1].go_line == 0) {
      return std::nullopt;
    }
    const line_origin &o = origins[line - 1];
    return position{o.go_line, o.go_column + (column == 0 ? 0 : column - 1)};
  }
};

/// The name of the facts table in generated units.
inline constexpr std::string_view facts_table_name = "_cgocheck_go_facts";

namespace detail {

/// The prologue: the declarations cmd/cgo gives every preamble (out.go
/// builtinProlog), written for cgocheck; `intgo` is ptrdiff_t there too.
inline constexpr std::string_view tu_prologue = R"(#include <stddef.h>
typedef ptrdiff_t _cgocheck_intgo;
#define GO_CGO_GOSTRING_TYPEDEF
typedef struct { const char *p; _cgocheck_intgo n; } _GoString_;
typedef struct { char *p; _cgocheck_intgo n; _cgocheck_intgo c; } _GoBytes_;
_GoString_ GoString(char *p);
_GoString_ GoStringN(char *p, int l);
_GoBytes_ GoBytes(void *p, int n);
char *CString(_GoString_);
void *CBytes(_GoBytes_);
void *_CMalloc(size_t);
__attribute__((unused)) static size_t _GoStringLen(_GoString_ s) { return (size_t)s.n; }
__attribute__((unused)) static const char *_GoStringPtr(_GoString_ s) { return s.p; }
)";

/// A C string literal for any bytes.
inline std::string c_string_literal(std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out = "\"";
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c >= 0x20 && c < 0x7f && c != '?') { // '?' would start a trigraph
      out += ch;
    } else {
      out += "\\x";
      out += hex[c >> 4U];
      out += hex[c & 0xfU];
      out += "\"\""; // end the hex escape
    }
  }
  return out + "\"";
}

inline std::string at(std::string_view file, position p) {
  return std::string(file) + ":" + std::to_string(p.line) + ":" + std::to_string(p.column);
}

/// Appends text to a generated file, one origin per line.
struct file_writer {
  generated_file &out;
  void generated(std::string_view text) {
    out.text += text;
    for (const char c : text) {
      if (c == '\n') {
        out.origins.push_back({});
      }
    }
  }
};

} // namespace detail

/// The facts about one .go file, one JSON object per fact:
/// {"package": name, "file": path}; {"call": C function, "at": "file:line:col",
/// "go_function": name, "args": [{"kind", "why", "at", "freed_by_go"}]};
/// {"export": Go function, "at"}; {"noescape": name}; {"nocallback": name}.
inline std::vector<nlohmann::json> facts_as_json(const cgo_package &pkg, const cgo_source &src) {
  std::vector<nlohmann::json> out;
  out.push_back({{"package", pkg.name}, {"file", src.path}});
  for (const c_call &call : src.facts.calls) {
    nlohmann::json args = nlohmann::json::array();
    for (const argument_fact &a : call.args) {
      args.push_back({{"kind", provenance_name(a.kind)},
                      {"why", a.why},
                      {"at", detail::at(src.path, a.pos)},
                      {"freed_by_go", a.freed_by_go_after_call}});
    }
    out.push_back({{"call", call.function},
                   {"at", detail::at(src.path, call.pos)},
                   {"go_function", call.go_function},
                   {"args", std::move(args)}});
  }
  for (const export_directive &e : src.facts.exports) {
    out.push_back({{"export", e.name}, {"at", detail::at(src.path, e.pos)}});
  }
  for (const std::string &name : pkg.noescape) {
    out.push_back({{"noescape", name}});
  }
  for (const std::string &name : pkg.nocallback) {
    out.push_back({{"nocallback", name}});
  }
  return out;
}

/// The name of the unit generated for a .go file: "cache.go" -> "cache.cgo.c".
inline std::string unit_name(std::string_view go_file_name) {
  const std::size_t dot = go_file_name.rfind('.');
  return std::string(go_file_name.substr(0, dot)) + ".cgo.c";
}

/// The generated unit for one cgo file of the package, to be written at
/// unit_path (which its `#line` directives name after the preamble).
inline generated_file make_translation_unit(const cgo_package &pkg, const cgo_source &src,
                                            std::string_view unit_path) {
  generated_file f;
  f.name = unit_name(src.name);
  f.go_path = src.path;
  detail::file_writer w{f};
  w.generated("/* Generated by cgocheck from " + src.path +
              ": its cgo preamble, the declarations cgo adds, and the Go-side facts. */\n");
  w.generated(detail::tu_prologue);
  if (src.file.cgo_preamble) {
    const preamble &p = *src.file.cgo_preamble;
    const std::uint32_t first = p.lines.empty() ? 1 : p.lines.front().go_line;
    w.generated("#line " + std::to_string(first) + " " + detail::c_string_literal(src.path) + "\n");
    // Blank the #cgo lines, keep every other line where it was.
    std::vector<bool> blank(p.lines.size() + 1, false);
    for (const cgo_line &l : src.file.cgo_lines) {
      if (l.preamble_line >= 1 && l.preamble_line <= p.lines.size()) {
        blank[l.preamble_line] = true;
      }
    }
    std::size_t start = 0;
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      const std::size_t nl = p.text.find('\n', start);
      const std::string_view line = std::string_view(p.text).substr(
          start, nl == std::string::npos ? std::string::npos : nl - start);
      f.text += blank[i + 1] ? std::string_view{} : line;
      f.text += '\n';
      f.origins.push_back({p.lines[i].go_line, p.lines[i].go_column});
      if (nl == std::string::npos) {
        break;
      }
      start = nl + 1;
    }
    // The #line above moved the presumed line; put it back.
    w.generated("#line " + std::to_string(f.origins.size() + 2) + " " + detail::c_string_literal(unit_path) + "\n");
  }
  w.generated("\n/* Go-side facts (cgocheck): what Go passes to and frees after each C call. */\n");
  w.generated("__attribute__((unused)) static const char *const " + std::string(facts_table_name) + "[] = {\n");
  for (const nlohmann::json &fact : facts_as_json(pkg, src)) {
    w.generated("    " + detail::c_string_literal(fact.dump()) + ",\n");
  }
  w.generated("    0};\n");
  return f;
}

/// A fact from a unit's table, parsed; nothing for text that is not a JSON
/// object.
inline std::optional<nlohmann::json> parse_fact(std::string_view text) {
  nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) {
    return std::nullopt;
  }
  return j;
}

} // namespace cgocheck::cgo

#endif // CGOCHECK_CGO_TRANSLATION_UNIT_HPP
