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
#include "cgocheck/cgo/unit_facts.hpp"
#include "cgocheck/cgo/lexer.hpp"
#include "cgocheck/cgo/package.hpp"
#include "cgocheck/cgo/position.hpp"
#include "cgocheck/cgo/source.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cgocheck::cgo {

/// Where a line of a generated file came from.
struct line_origin {
  std::uint32_t go_line = 0;   ///< 0: a generated line with no origin
  std::uint32_t go_column = 0; ///< .go column of the line's first byte
  std::uint32_t go_file = 0;   ///< index into generated_file::go_paths
};

/// A .go position a generated position maps to.
struct go_location {
  std::string_view path;
  position pos;
};

/// A generated C file and the map of its lines back to .go files.
struct generated_file {
  std::string name;                 ///< e.g. "cache.cgo.c"
  std::string text;
  std::vector<std::string> go_paths; ///< the .go files its preamble lines come from
  std::vector<line_origin> origins;  ///< origins[i] = origin of line i+1 of text

  /// The .go position of (line, column) of this file, or nothing for a
  /// generated line.
  [[nodiscard]] std::optional<go_location> go_position(std::uint32_t line, std::uint32_t column) const {
    if (line == 0 || line > origins.size() || origins[line - 1].go_line == 0 ||
        origins[line - 1].go_file >= go_paths.size()) {
      return std::nullopt;
    }
    const line_origin &o = origins[line - 1];
    return go_location{go_paths[o.go_file], position{o.go_line, o.go_column + (column == 0 ? 0 : column - 1)}};
  }
};


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

/// Writes a file's preamble with `#line` directives and its `#cgo` lines
/// blanked (cmd/cgo gcc.go DiscardCgoDirectives); every line maps back.
inline void write_preamble(generated_file &f, const cgo_source &src, std::string_view unit_path) {
  if (!src.file.cgo_preamble) {
    return;
  }
  file_writer w{f};
  const auto file_index = static_cast<std::uint32_t>(f.go_paths.size());
  f.go_paths.push_back(src.path);
  const preamble &p = *src.file.cgo_preamble;
  const std::uint32_t first = p.lines.empty() ? 1 : p.lines.front().go_line;
  w.generated("#line " + std::to_string(first) + " " + c_string_literal(src.path) + "\n");
  std::vector<bool> blank(p.lines.size() + 1, false);
  for (const cgo_line &l : src.file.cgo_lines) {
    if (l.preamble_line >= 1 && l.preamble_line <= p.lines.size()) {
      blank[l.preamble_line] = true;
    }
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i < p.lines.size(); ++i) {
    const std::size_t nl = p.text.find('\n', start);
    const std::string_view line =
        std::string_view(p.text).substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    f.text += blank[i + 1] ? std::string_view{} : line;
    f.text += '\n';
    f.origins.push_back({p.lines[i].go_line, p.lines[i].go_column, file_index});
    if (nl == std::string::npos) {
      break;
    }
    start = nl + 1;
  }
  // The #line above moved the presumed position; put it back.
  w.generated("#line " + std::to_string(f.origins.size() + 2) + " " + c_string_literal(unit_path) + "\n");
}

} // namespace detail

/// The facts about one .go file, one JSON object per fact, in this order:
/// {"package": name, "file": path}; {"call": C function, "at": "file:line:col",
/// "go_function": name, "args": [{"kind", "why", "at", "freed_by_go", and
/// "held": true for an unknown read from a field or package variable}]};
/// {"export": Go function, "at"}; {"noescape": name}; {"nocallback": name};
/// {"field": Go field name, "of": C type, "via_call": C function, "at",
/// "go_function"} per field of a C struct Go code touches ("of" is the name
/// after `C.`, "via_call" the C function whose result the base is; the one
/// that is empty is left out); {"c_type": name} per C type the file names
/// (go_facts::c_types_used).
inline std::vector<nlohmann::json> facts_as_json(const cgo_package &pkg, const cgo_source &src) {
  std::vector<nlohmann::json> out;
  out.push_back({{"package", pkg.name}, {"file", src.path}});
  for (const c_call &call : src.facts.calls) {
    nlohmann::json args = nlohmann::json::array();
    for (const argument_fact &a : call.args) {
      nlohmann::json arg = {{"kind", provenance_name(a.kind)},
                            {"why", a.why},
                            {"at", detail::at(src.path, a.pos)},
                            {"freed_by_go", a.freed_by_go_after_call}};
      if (a.held) {
        arg["held"] = true;
      }
      args.push_back(std::move(arg));
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
  for (const field_access &a : src.facts.field_accesses) {
    nlohmann::json fact = {{"field", a.field}};
    if (!a.c_type.empty()) {
      fact["of"] = a.c_type;
    }
    if (!a.via_call.empty()) {
      fact["via_call"] = a.via_call;
    }
    fact["at"] = detail::at(src.path, a.pos);
    fact["go_function"] = a.go_function;
    out.push_back(std::move(fact));
  }
  for (const std::string &name : src.facts.c_types_used) {
    out.push_back({{"c_type", name}});
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
  detail::file_writer w{f};
  w.generated("/* Generated by cgocheck from " + src.path +
              ": its cgo preamble, the declarations cgo adds, and the Go-side facts. */\n");
  w.generated(detail::tu_prologue);
  detail::write_preamble(f, src, unit_path);
  w.generated("\n/* Go-side facts (cgocheck): what Go passes to and frees after each C call. */\n");
  w.generated("__attribute__((unused)) static const char *const " + std::string(facts_table_name) + "[] = {\n");
  for (const nlohmann::json &fact : facts_as_json(pkg, src)) {
    w.generated("    " + detail::c_string_literal(fact.dump()) + ",\n");
  }
  w.generated("    0};\n");
  return f;
}

namespace detail {

/// The Go types of `_cgo_export.h` (cmd/cgo out.go gccExportHeaderProlog),
/// written for cgocheck: Go's int is pointer-sized on every port.
inline constexpr std::string_view export_prologue = R"(#include <stddef.h>
#ifndef GO_CGO_GOSTRING_TYPEDEF
typedef struct { const char *p; ptrdiff_t n; } _GoString_;
#endif
typedef signed char GoInt8;
typedef unsigned char GoUint8;
typedef short GoInt16;
typedef unsigned short GoUint16;
typedef int GoInt32;
typedef unsigned int GoUint32;
typedef long long GoInt64;
typedef unsigned long long GoUint64;
typedef ptrdiff_t GoInt;
typedef size_t GoUint;
typedef size_t GoUintptr;
typedef float GoFloat32;
typedef double GoFloat64;
typedef float _Complex GoComplex64;
typedef double _Complex GoComplex128;
typedef _GoString_ GoString;
typedef void *GoMap;
typedef void *GoChan;
typedef struct { void *t; void *v; } GoInterface;
typedef struct { void *data; GoInt len; GoInt cap; } GoSlice;
)";

/// The C spelling of a cgo type name: C.struct_x -> "struct x", C.uint ->
/// "unsigned int" (cmd/cgo gcc.go's names for the C basic types).
inline std::string c_name(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> basic[] = {
      {"char", "char"},           {"schar", "signed char"},     {"uchar", "unsigned char"},
      {"short", "short"},         {"ushort", "unsigned short"}, {"int", "int"},
      {"uint", "unsigned int"},   {"long", "long"},             {"ulong", "unsigned long"},
      {"longlong", "long long"},  {"ulonglong", "unsigned long long"},
      {"float", "float"},         {"double", "double"}};
  for (const auto &[go, c] : basic) {
    if (name == go) {
      return std::string(c);
    }
  }
  for (const std::string_view tag : {"struct_", "union_", "enum_"}) {
    if (name.substr(0, tag.size()) == tag) {
      return std::string(tag.substr(0, tag.size() - 1)) + " " + std::string(name.substr(tag.size()));
    }
  }
  return std::string(name);
}

/// The C type cmd/cgo declares for a Go type in an exported function's
/// signature (out.go cgoType), from the type's tokens joined without
/// spaces; "" when cgocheck cannot tell.
inline std::string export_c_type(std::string_view go) {
  static constexpr std::pair<std::string_view, std::string_view> basic[] = {
      {"int", "GoInt"},           {"uint", "GoUint"},         {"int8", "GoInt8"},       {"uint8", "GoUint8"},
      {"byte", "GoUint8"},        {"int16", "GoInt16"},       {"uint16", "GoUint16"},   {"int32", "GoInt32"},
      {"rune", "GoInt32"},        {"uint32", "GoUint32"},     {"int64", "GoInt64"},     {"uint64", "GoUint64"},
      {"uintptr", "GoUintptr"},   {"float32", "GoFloat32"},   {"float64", "GoFloat64"},
      {"complex64", "GoComplex64"}, {"complex128", "GoComplex128"}, {"bool", "GoUint8"},
      {"string", "GoString"},     {"error", "GoInterface"},   {"any", "GoInterface"},
      {"unsafe.Pointer", "void*"}};
  for (const auto &[g, c] : basic) {
    if (go == g) {
      return std::string(c);
    }
  }
  if (go.substr(0, 2) == "C.") {
    return c_name(go.substr(2));
  }
  if (go.substr(0, 1) == "*") {
    const std::string_view inner = go.substr(1);
    return inner.substr(0, 2) == "C." ? c_name(inner.substr(2)) + "*" : "void*";
  }
  if (go.substr(0, 2) == "[]") {
    return "GoSlice";
  }
  if (go.substr(0, 4) == "map[") {
    return "GoMap";
  }
  if (go.substr(0, 4) == "chan" || go.substr(0, 6) == "<-chan") {
    return "GoChan";
  }
  if (go.substr(0, 9) == "interface") {
    return "GoInterface";
  }
  if (go.substr(0, 4) == "func") {
    return "void*";
  }
  return {};
}

/// One parameter or result of an exported function.
struct go_field {
  std::string name;
  std::string type; ///< tokens joined without spaces
};

/// Splits a parenthesised field list (tokens between the parentheses) the
/// way go/parser does: `a, b int, c *C.char` or unnamed `int, *C.char`.
inline std::vector<go_field> split_fields(const std::vector<token> &toks) {
  std::vector<std::vector<const token *>> groups(1);
  int depth = 0;
  for (const token &t : toks) {
    if (t.kind == token_kind::comment) {
      continue;
    }
    if (t.kind == token_kind::op && (t.text == "(" || t.text == "[" || t.text == "{")) {
      ++depth;
    } else if (t.kind == token_kind::op && (t.text == ")" || t.text == "]" || t.text == "}")) {
      --depth;
    } else if (depth == 0 && t.kind == token_kind::op && t.text == ",") {
      groups.emplace_back();
      continue;
    }
    groups.back().push_back(&t);
  }
  if (groups.back().empty()) {
    groups.pop_back();
  }
  const auto join = [](const std::vector<const token *> &g, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < g.size(); ++i) {
      out += g[i]->text;
      if (g[i]->kind == token_kind::keyword && (g[i]->text == "chan" || g[i]->text == "func")) {
        out += ' ';
      }
    }
    return out;
  };
  // Named when some group is `name Type` (an identifier not followed by '.').
  bool named = false;
  for (const auto &g : groups) {
    named = named || (g.size() >= 2 && g[0]->kind == token_kind::identifier && g[1]->text != ".");
  }
  std::vector<go_field> out;
  std::size_t pending = 0;
  for (const auto &g : groups) {
    if (!named) {
      out.push_back({"", join(g, 0)});
    } else if (g.size() == 1) {
      out.push_back({std::string(g[0]->text), ""});
      ++pending;
    } else {
      const std::string type = join(g, 1);
      for (std::size_t i = out.size() - pending; i < out.size(); ++i) {
        out[i].type = type;
      }
      pending = 0;
      out.push_back({std::string(g[0]->text), type});
    }
  }
  return out;
}

/// The tokens between the parenthesis at toks[open] and its match; `open`
/// moves past the closing one.
inline std::vector<token> parenthesised(const std::vector<token> &toks, std::size_t &open) {
  std::vector<token> inner;
  int depth = 0;
  for (; open < toks.size(); ++open) {
    const token &t = toks[open];
    if (t.kind == token_kind::op && t.text == "(") {
      if (depth++ == 0) {
        continue;
      }
    } else if (t.kind == token_kind::op && t.text == ")") {
      if (--depth == 0) {
        ++open;
        return inner;
      }
    }
    inner.push_back(t);
  }
  return inner;
}

/// The C declaration of an exported Go function (cmd/cgo out.go
/// writeExportHeader: parameters in order, the receiver first; several
/// results become `struct Name_return`).
inline std::string export_declaration(const std::vector<token> &toks, std::size_t func_index, std::string_view name) {
  std::size_t i = func_index + 1;
  std::vector<go_field> params;
  if (i < toks.size() && toks[i].text == "(") { // a method's receiver
    params = split_fields(parenthesised(toks, i));
  }
  if (i < toks.size() && toks[i].kind == token_kind::identifier) {
    ++i;
  }
  if (i >= toks.size() || toks[i].text != "(") {
    return "/* cgocheck: cannot read the signature of " + std::string(name) + " */\n";
  }
  const std::vector<go_field> own = split_fields(parenthesised(toks, i));
  params.insert(params.end(), own.begin(), own.end());
  std::vector<go_field> results;
  if (i < toks.size() && toks[i].text == "(") {
    results = split_fields(parenthesised(toks, i));
  } else {
    std::vector<token> single;
    for (; i < toks.size() && toks[i].text != "{" && toks[i].kind != token_kind::semicolon; ++i) {
      single.push_back(toks[i]);
    }
    if (!single.empty()) {
      results = split_fields(single);
    }
  }
  const auto c_type = [](const go_field &f) {
    const std::string t = export_c_type(f.type);
    return t.empty() ? "void* /* Go type " + f.type + " */" : t;
  };
  std::string out;
  std::string ret = "void";
  if (results.size() == 1) {
    ret = c_type(results.front());
  } else if (results.size() > 1) {
    out += "struct " + std::string(name) + "_return {\n";
    for (std::size_t r = 0; r < results.size(); ++r) {
      out += "  " + c_type(results[r]) + " r" + std::to_string(r) + ";\n";
    }
    out += "};\n";
    ret = "struct " + std::string(name) + "_return";
  }
  out += "extern " + ret + " " + std::string(name) + "(";
  for (std::size_t p = 0; p < params.size(); ++p) {
    out += (p == 0 ? "" : ", ") + c_type(params[p]) + " p" + std::to_string(p);
  }
  out += params.empty() ? "void);\n" : ");\n";
  return out;
}

} // namespace detail

/// The `_cgo_export.h` cgo would write for the package (cmd/cgo out.go
/// writeExportHeader): the Go types, the preambles of the files that
/// export functions, then a declaration per `//export`. The package's .c
/// files include it as "_cgo_export.h".
inline generated_file make_export_header(const cgo_package &pkg, std::string_view header_path) {
  generated_file f;
  f.name = "_cgo_export.h";
  detail::file_writer w{f};
  w.generated("/* Generated by cgocheck: the _cgo_export.h cgo writes for package " + pkg.name + ". */\n");
  w.generated(detail::export_prologue);
  for (const cgo_source &src : pkg.cgo_files) {
    if (!src.file.exports.empty()) {
      detail::write_preamble(f, src, header_path);
    }
  }
  w.generated("\n#ifdef __cplusplus\nextern \"C\" {\n#endif\n");
  for (const cgo_source &src : pkg.cgo_files) {
    if (src.file.exports.empty()) {
      continue;
    }
    const lex_result lexed = lex(src.content);
    for (const export_directive &e : src.file.exports) {
      for (std::size_t t = 0; t < lexed.tokens.size(); ++t) {
        const token &tok = lexed.tokens[t];
        if (tok.kind == token_kind::keyword && tok.text == "func" && e.pos < tok.pos) {
          w.generated(detail::export_declaration(lexed.tokens, t, e.name));
          break;
        }
      }
    }
  }
  w.generated("#ifdef __cplusplus\n}\n#endif\n");
  return f;
}

/// The name of the facts header written for a package's .c files.
inline constexpr std::string_view package_facts_header_name = "_cgocheck_facts.h";

/// The Go-side facts of the whole package, for its .c files (which the
/// compile commands of `cgocheck lint` and `compdb` force-include with
/// `-include`): the facts of every cgo file of the package in one
/// `_cgocheck_go_facts` table, so that checks of a .c file know which of its
/// functions Go calls and with what, as they do in the preamble units. The
/// first entry names the package and its first cgo file.
inline generated_file make_package_facts_header(const cgo_package &pkg) {
  generated_file f;
  f.name = std::string(package_facts_header_name);
  detail::file_writer w{f};
  w.generated("/* Generated by cgocheck: the Go-side facts of package " + pkg.name +
              ", for its .c files. */\n");
  w.generated("__attribute__((unused)) static const char *const " + std::string(facts_table_name) + "[] = {\n");
  bool first = true;
  for (const cgo_source &src : pkg.cgo_files) {
    for (const nlohmann::json &fact : facts_as_json(pkg, src)) {
      if (fact.contains("package") && !first) {
        continue;
      }
      first = false;
      w.generated("    " + detail::c_string_literal(fact.dump()) + ",\n");
    }
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
